//! Bilingual text: every human-readable string of a config is either a plain string or
//! `{"fr": "…", "en": "…"}`; a missing language falls back to the other one.

use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// A language of the interface. French is the first language of the product.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Fr,
    En,
}

impl Lang {
    /// The BCP 47 code, as used in `lang` attributes.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }

    /// Reads a language code leniently (`"en"`, `"en-CA"`, `"EN"`); anything else is French.
    pub fn from_code(code: &str) -> Lang {
        let primary = code.split(['-', '_']).next().unwrap_or("");
        if primary.eq_ignore_ascii_case("en") {
            Lang::En
        } else {
            Lang::Fr
        }
    }

    /// The other language, the one a missing translation falls back to.
    pub fn other(self) -> Lang {
        match self {
            Lang::Fr => Lang::En,
            Lang::En => Lang::Fr,
        }
    }
}

/// Texts joined with a separator. A loop rather than `[T]::join`, whose copy would be
/// among the largest functions of the view bundle.
pub fn join<S: AsRef<str>>(parts: &[S], separator: &str) -> String {
    let mut joined = String::new();
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            joined.push_str(separator);
        }
        joined.push_str(part.as_ref());
    }
    joined
}

/// A human-readable text from a config, in one or both languages.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Text {
    /// The same text for every language (a plain JSON string).
    pub plain: Option<String>,
    pub fr: Option<String>,
    pub en: Option<String>,
}

impl Text {
    /// A text written once, shown in every language.
    pub fn plain(s: impl Into<String>) -> Text {
        Text {
            plain: Some(s.into()),
            ..Text::default()
        }
    }

    /// A text with both translations.
    pub fn bilingual(fr: impl Into<String>, en: impl Into<String>) -> Text {
        Text {
            plain: None,
            fr: Some(fr.into()),
            en: Some(en.into()),
        }
    }

    fn slot(&self, lang: Lang) -> Option<&str> {
        let s = match lang {
            Lang::Fr => self.fr.as_deref(),
            Lang::En => self.en.as_deref(),
        };
        s.filter(|s| !s.trim().is_empty())
    }

    /// The text in `lang`, else in the other language, else the plain text, else "".
    pub fn get(&self, lang: Lang) -> &str {
        self.slot(lang)
            .or_else(|| self.plain.as_deref().filter(|s| !s.trim().is_empty()))
            .or_else(|| self.slot(lang.other()))
            .unwrap_or("")
    }

    /// Every version the text has (plain, French, English), for searching in all of them.
    pub fn parts(&self) -> impl Iterator<Item = &str> {
        [&self.plain, &self.fr, &self.en]
            .into_iter()
            .filter_map(|s| s.as_deref())
    }

    /// True when no language has any visible character.
    pub fn is_blank(&self) -> bool {
        self.get(Lang::Fr).trim().is_empty()
    }
}

impl Serialize for Text {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        if let (Some(plain), None, None) = (&self.plain, &self.fr, &self.en) {
            return serializer.serialize_str(plain);
        }
        let mut map = serializer.serialize_map(None)?;
        if let Some(fr) = self.fr.as_ref().or(self.plain.as_ref()) {
            map.serialize_entry("fr", fr)?;
        }
        if let Some(en) = &self.en {
            map.serialize_entry("en", en)?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Text, D::Error> {
        struct TextVisitor;
        impl<'de> Visitor<'de> for TextVisitor {
            type Value = Text;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(r#"a text: a string or {"fr": "…", "en": "…"}"#)
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Text, E> {
                Ok(Text::plain(v))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Text, A::Error> {
                let mut text = Text::default();
                while let Some(key) = map.next_key::<String>()? {
                    match key.as_str() {
                        "fr" => text.fr = Some(map.next_value()?),
                        "en" => text.en = Some(map.next_value()?),
                        // Read through so that validation lists it as an unknown field.
                        _ => {
                            map.next_value::<de::IgnoredAny>()?;
                        }
                    }
                }
                if text.fr.is_none() && text.en.is_none() {
                    return Err(de::Error::missing_field("fr"));
                }
                Ok(text)
            }
        }
        deserializer.deserialize_any(TextVisitor)
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl schemars::JsonSchema for Text {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Text".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A human-readable text: a plain string shown in every language, or one string per language; a missing language falls back to the other one.",
            "anyOf": [
                { "type": "string" },
                {
                    "type": "object",
                    "properties": { "fr": { "type": "string" }, "en": { "type": "string" } },
                    "additionalProperties": false,
                    "minProperties": 1
                }
            ]
        })
    }
}

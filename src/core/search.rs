//! Finding services in the range the way a citizen types: accents, case and the language
//! do not matter ("hebergement" finds "Hébergement", "housing" finds the housing services
//! in either interface language), every word typed must appear somewhere in what the
//! service is, gives or who offers it; narrowed by tier and by kind of provider.

use super::figures::TierSummary;
use super::model::{Config, ProviderKind};
use super::text::Text;

/// What the person is looking for. The default finds every service.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RangeQuery {
    /// Words typed in the search box, as typed.
    pub text: String,
    /// Only this tier (by id).
    pub tier: Option<String>,
    /// Only services offered by at least one provider of this kind.
    pub kind: Option<ProviderKind>,
}

impl RangeQuery {
    /// True when the query narrows nothing.
    pub fn is_empty(&self) -> bool {
        self.text.trim().is_empty() && self.tier.is_none() && self.kind.is_none()
    }
}

/// Lower case without diacritics, for comparing what people type with what configs say.
/// ASCII and the Latin-1 and Latin Extended-A letters (all of French and English, and most
/// Western European languages) are folded; other scripts are compared as written.
/// (`char::to_lowercase` or a Unicode normalisation crate would bring whole Unicode tables
/// into the citizens' bundle for letters these ranges do not use.)
pub fn fold(text: &str) -> String {
    let mut folded = String::with_capacity(text.len());
    for c in text.chars() {
        let c = match c {
            // Latin-1 capitals are their small letter minus 0x20 (× is not a letter).
            'À'..='Þ' if c != '×' => char::from_u32(c as u32 + 0x20).unwrap_or(c),
            // Latin Extended-A pairs capitals and small letters side by side.
            'Ā'..='ķ' | 'Ŋ'..='ŷ' if c as u32 % 2 == 0 => {
                char::from_u32(c as u32 + 1).unwrap_or(c)
            }
            'Ĺ'..='ň' | 'Ź'..='ž' if c as u32 % 2 == 1 => {
                char::from_u32(c as u32 + 1).unwrap_or(c)
            }
            'Ÿ' => 'ÿ',
            c => c.to_ascii_lowercase(),
        };
        match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => folded.push('a'),
            'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => folded.push('c'),
            'ď' | 'đ' => folded.push('d'),
            'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => folded.push('e'),
            'ĝ' | 'ğ' | 'ġ' | 'ģ' => folded.push('g'),
            'ĥ' | 'ħ' => folded.push('h'),
            'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' | 'İ' => folded.push('i'),
            'ĵ' => folded.push('j'),
            'ķ' => folded.push('k'),
            'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => folded.push('l'),
            'ñ' | 'ń' | 'ņ' | 'ň' => folded.push('n'),
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => folded.push('o'),
            'ŕ' | 'ŗ' | 'ř' => folded.push('r'),
            'ś' | 'ŝ' | 'ş' | 'š' => folded.push('s'),
            'ţ' | 'ť' | 'ŧ' => folded.push('t'),
            'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => folded.push('u'),
            'ŵ' => folded.push('w'),
            'ý' | 'ÿ' | 'ŷ' => folded.push('y'),
            'ź' | 'ż' | 'ž' => folded.push('z'),
            'æ' => folded.push_str("ae"),
            'œ' => folded.push_str("oe"),
            'ß' => folded.push_str("ss"),
            'þ' => folded.push_str("th"),
            'ð' => folded.push('d'),
            // Typographic apostrophes and hyphens match the plain ones people type.
            '’' | 'ʼ' => folded.push('\''),
            '‐' | '‑' | '–' | '—' => folded.push('-'),
            c => folded.push(c),
        }
    }
    folded
}

/// Everything a service can be found by, folded, in both languages: its label,
/// description and examples, its tier, and the names of the providers that offer it.
pub fn haystacks(config: &Config) -> Vec<String> {
    let mut haystacks: Vec<String> = config
        .services
        .iter()
        .map(|service| {
            let mut texts: Vec<&Text> = vec![&service.label];
            texts.extend(&service.description);
            texts.extend(&service.examples);
            texts.extend(config.tier(&service.tier).map(|t| &t.label));
            let mut haystack = String::new();
            for text in texts {
                push_text(&mut haystack, text);
            }
            haystack
        })
        .collect();
    for offer in &config.offers {
        let provider = config.provider(&offer.provider);
        let service = config.services.iter().position(|s| s.id == offer.service);
        if let (Some(provider), Some(service)) = (provider, service) {
            push_text(&mut haystacks[service], &provider.name);
        }
    }
    haystacks
}

fn push_text(haystack: &mut String, text: &Text) {
    for part in text.parts() {
        haystack.push_str(&fold(part));
        haystack.push('\n');
    }
}

/// For each tier of `range`, the positions (in the tier) of the services the query finds.
pub fn find(
    config: &Config,
    range: &[TierSummary],
    haystacks: &[String],
    query: &RangeQuery,
) -> Vec<Vec<usize>> {
    let words: Vec<String> = fold(&query.text)
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect();
    range
        .iter()
        .map(|summary| {
            let tier = &config.tiers[summary.tier];
            if query.tier.as_ref().is_some_and(|t| *t != tier.id) {
                return Vec::new();
            }
            summary
                .services
                .iter()
                .enumerate()
                .filter(|(_, s)| {
                    let haystack = &haystacks[s.service];
                    let offered_by_kind = |kind: ProviderKind| {
                        s.offers.iter().any(|&o| {
                            config
                                .provider(&config.offers[o].provider)
                                .is_some_and(|p| p.kind == kind)
                        })
                    };
                    words.iter().all(|w| haystack.contains(w.as_str()))
                        && query.kind.is_none_or(offered_by_kind)
                })
                .map(|(position, _)| position)
                .collect()
        })
        .collect()
}

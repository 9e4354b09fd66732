//! Finding services in the range the way a citizen types: accents, case and the language
//! do not matter ("hebergement" finds "Hébergement", "housing" finds the housing services
//! in either interface language), every word typed must appear somewhere in what the
//! service is, gives or who offers it; narrowed by tier and by kind of provider.

use super::figures::TierSummary;
use super::model::{Config, ProviderKind};
use super::text::Text;
use std::collections::HashMap;

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
/// Western European languages) are folded, through a 192-byte table; other scripts are
/// compared as written. (`char::to_lowercase` or a Unicode normalisation crate would bring
/// whole Unicode tables into the citizens' bundle for letters these ranges do not use.)
pub fn fold(text: &str) -> String {
    let mut folded = String::with_capacity(text.len());
    for c in text.chars() {
        let code = c as u32;
        match c {
            'Æ' | 'æ' => folded.push_str("ae"),
            'Œ' | 'œ' => folded.push_str("oe"),
            'ß' => folded.push_str("ss"),
            'Þ' | 'þ' => folded.push_str("th"),
            'Ĳ' | 'ĳ' => folded.push_str("ij"),
            // Typographic apostrophes and hyphens match the plain ones people type.
            '’' | 'ʼ' => folded.push('\''),
            '‐' | '‑' | '–' | '—' => folded.push('-'),
            _ if (0xC0..0x180).contains(&code) && LATIN[(code - 0xC0) as usize] != b' ' => {
                folded.push(char::from(LATIN[(code - 0xC0) as usize]))
            }
            c => folded.push(c.to_ascii_lowercase()),
        }
    }
    folded
}

/// The small letter without diacritic of each letter from U+00C0 to U+017F (a space where
/// there is none: ligatures are spelt out above, other signs kept).
const LATIN: &[u8; 192] = concat_bytes_table();

const fn concat_bytes_table() -> &'static [u8; 192] {
    const TABLE: [u8; 192] = {
        let rows: [&[u8; 64]; 3] = [
            b"aaaaaa ceeeeiiiidnooooo ouuuuy  aaaaaa ceeeeiiiidnooooo ouuuuy y",
            b"aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii  jjkk lllllll",
            b"lllnnnnnn   oooooo  rrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs",
        ];
        let mut table = [0u8; 192];
        let mut i = 0;
        while i < 192 {
            table[i] = rows[i / 64][i % 64];
            i += 1;
        }
        table
    };
    &TABLE
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
    // Indexed once: looking each offer's service and provider up in the lists would make
    // reading a range of thousands of services quadratic.
    let mut services: HashMap<&str, usize> = HashMap::new();
    for (i, service) in config.services.iter().enumerate() {
        services.insert(&service.id, i);
    }
    let mut providers: HashMap<&str, usize> = HashMap::new();
    for (i, provider) in config.providers.iter().enumerate() {
        providers.insert(&provider.id, i);
    }
    for offer in &config.offers {
        let provider = providers.get(offer.provider.as_str());
        let service = services.get(offer.service.as_str());
        if let (Some(&provider), Some(&service)) = (provider, service) {
            push_text(&mut haystacks[service], &config.providers[provider].name);
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

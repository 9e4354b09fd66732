//! The mapping step: where each imported service goes in the range (a service of the range,
//! a new service in a tier, or left out), proposed from the words of its name, description
//! and taxonomy terms, then applied to the draft as one change. What the directory already
//! says (an export of ours, an offer imported before under the same HSDS id, a tier column)
//! comes before the words.

use super::directory::{words, Directory, Status};
use super::draft::free_id;
use super::model::{Config, Offer, Provider, Service, Tier};
use super::text::{Lang, Text};
use std::collections::{HashMap, HashSet};

/// Where an imported service goes.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Place {
    /// An offer of this service of the range (by id).
    Service(String),
    /// A new service of the range in this tier; `from`: the directory's own range service
    /// (its id is kept).
    New {
        tier: String,
        from: Option<String>,
    },
    LeftOut,
}

/// Why a place was proposed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reason {
    /// The directory is an export of ours and says it.
    Ours,
    /// Imported before (the same HSDS id is an offer of the draft).
    Before,
    /// Words shared with the service of the range (the strongest first).
    Words(Vec<String>),
    /// No service of the range shares enough words; the tier is the directory's.
    TierGiven,
    /// No service of the range shares enough words.
    NoMatch,
    /// Inactive or defunct in the directory.
    NotOffered(Status),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Proposal {
    pub place: Place,
    pub reason: Reason,
}

/// Words that say nothing of what a service is.
#[rustfmt::skip]
const STOP: &[&str] = &[
    "a", "au", "aux", "d", "de", "des", "du", "en", "et", "l", "la", "le", "les", "ou", "par",
    "pour", "sur", "un", "une", "avec", "dans", "the", "of", "and", "for", "to", "in", "on",
    "with", "or", "by", "service", "services", "programme", "program", "programs", "programmes",
    "qui", "que", "leur", "leurs", "ses", "son", "sa", "ce", "ces", "cette", "est", "sont", "pas",
    "plus", "tout", "tous", "toute", "who", "their", "is", "are", "its", "this", "that", "from",
    "as", "at", "be", "them",
];

/// A word reduced so that singular and plural, and French and English spellings of the
/// same root, meet: "familles"/"family" → "famil", "crises"/"crisis" → "cris".
fn root(word: &str) -> String {
    let w: String = word.chars().take(6).collect();
    let w = w.trim_end_matches(['s', 'x', 'e', 'y', 'i']);
    if w.len() < 3 {
        word.chars().take(6).collect()
    } else {
        w.to_string()
    }
}

fn roots(text: &str) -> impl Iterator<Item = String> + '_ {
    words(text)
        .filter(|w| !STOP.contains(&w.as_str()) && w.len() > 1)
        .map(|w| root(&w))
}

/// Each telling word of a text as written (lower case), by its root: what the person is
/// shown as the words in common.
fn as_written(text: &str, into: &mut HashMap<String, String>) {
    for word in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if let Some(r) = roots(word).next() {
            into.entry(r).or_insert_with(|| word.to_lowercase());
        }
    }
}

fn text_roots(text: &Text, into: &mut Vec<String>) {
    for part in text.parts() {
        into.extend(roots(part));
    }
}

/// The tier a directory's tier names (an id, or a label in either language, forgiving).
pub fn tier_named(config: &Config, name: &str) -> Option<String> {
    let name = words(name).collect::<Vec<_>>().join(" ");
    let close = |label: &str| {
        let label = words(label).collect::<Vec<_>>().join(" ");
        let common = label
            .chars()
            .zip(name.chars())
            .take_while(|(a, b)| a == b)
            .count();
        label == name || common >= 7
    };
    config
        .tiers
        .iter()
        .find(|t| t.id == name || t.label.parts().any(close) || close(&t.id))
        .map(|t| t.id.clone())
}

/// A proposal for each imported service, in the directory's order.
pub fn propose(config: &Config, dir: &Directory) -> Vec<Proposal> {
    // The range's words, weighted by how rare they are among its services.
    let mut index: HashMap<String, Vec<(usize, u32)>> = HashMap::new();
    for (s, service) in config.services.iter().enumerate() {
        let mut strong = Vec::new();
        text_roots(&service.label, &mut strong);
        for example in &service.examples {
            text_roots(example, &mut strong);
        }
        let mut weak = Vec::new();
        if let Some(d) = &service.description {
            text_roots(d, &mut weak);
        }
        let mut seen = HashSet::new();
        for (word, weight) in strong
            .into_iter()
            .map(|w| (w, 2))
            .chain(weak.into_iter().map(|w| (w, 1)))
        {
            if seen.insert(word.clone()) {
                index.entry(word).or_default().push((s, weight));
            }
        }
    }
    let services = config.services.len().max(1) as f32;
    let idf = |word: &str| -> f32 {
        let n = index.get(word).map_or(0, Vec::len) as f32;
        (1.0 + services / (1.0 + n)).ln()
    };
    let before: HashMap<&str, &str> = config
        .offers
        .iter()
        .filter_map(|o| Some((o.hsds.as_deref()?, o.service.as_str())))
        .collect();
    let first_tier = config
        .tiers
        .first()
        .map(|t| t.id.clone())
        .unwrap_or_default();
    let mut scores = vec![0f32; config.services.len()];
    let mut name_scores = vec![0f32; config.services.len()];
    dir.listings
        .iter()
        .map(|listing| {
            // (Our export says "planned" as inactive, and its own attribute says planned.)
            if !listing.status.offered() && listing.availability.is_none() {
                return Proposal {
                    place: Place::LeftOut,
                    reason: Reason::NotOffered(listing.status),
                };
            }
            if let Some(id) = &listing.range_service {
                if config.service(id).is_some() {
                    return Proposal {
                        place: Place::Service(id.clone()),
                        reason: Reason::Ours,
                    };
                }
                if let Some(term) = dir.services.iter().find(|s| s.id == *id) {
                    let tier = term.tier.clone().or_else(|| listing.tier.clone());
                    return Proposal {
                        place: Place::New {
                            tier: tier
                                .filter(|t| {
                                    config.tier(t).is_some() || dir.tiers.iter().any(|d| d.id == *t)
                                })
                                .unwrap_or_else(|| first_tier.clone()),
                            from: Some(id.clone()),
                        },
                        reason: Reason::Ours,
                    };
                }
            }
            if let Some(service) = listing.id.as_deref().and_then(|id| before.get(id)) {
                return Proposal {
                    place: Place::Service(service.to_string()),
                    reason: Reason::Before,
                };
            }
            let tier = listing.tier.as_deref().and_then(|t| tier_named(config, t));
            // The listing's words: its name decides (a general category such as "santé
            // mentale" fits every service of a mental health range), its categories and
            // description only add to a name's match.
            let mut name: Vec<String> = Vec::new();
            for part in listing.name.parts() {
                for w in roots(part) {
                    if !name.contains(&w) {
                        name.push(w);
                    }
                }
            }
            let mut other: Vec<(String, f32)> = Vec::new();
            let mut add = |text: &str, weight: f32| {
                for w in roots(text) {
                    if name.contains(&w) {
                        continue;
                    }
                    match other.iter_mut().find(|(m, _)| *m == w) {
                        Some((_, v)) => *v = v.max(weight),
                        None => other.push((w, weight)),
                    }
                }
            };
            for term in &listing.terms {
                add(term, 0.5);
            }
            if let Some(d) = &listing.description {
                for part in d.parts() {
                    add(part, 0.25);
                }
            }
            scores.iter_mut().for_each(|s| *s = 0.0);
            name_scores.iter_mut().for_each(|s| *s = 0.0);
            let mut name_weight = 0.0;
            for word in &name {
                let rarity = idf(word);
                name_weight += rarity * 2.0;
                for (s, w) in index.get(word).map(Vec::as_slice).unwrap_or(&[]) {
                    name_scores[*s] += rarity * *w as f32;
                }
            }
            for (word, weight) in &other {
                let rarity = idf(word);
                for (s, w) in index.get(word).map(Vec::as_slice).unwrap_or(&[]) {
                    scores[*s] += rarity * weight * *w as f32;
                }
            }
            let mine: Vec<&String> = name.iter().chain(other.iter().map(|(w, _)| w)).collect();
            let best = scores
                .iter()
                .enumerate()
                .map(|(s, score)| {
                    // The tier the directory gives weighs in.
                    let bonus = match &tier {
                        Some(t) if config.services[s].tier == *t => 1.25,
                        _ => 1.0,
                    };
                    (s, name_scores[s], (name_scores[s] + score) * bonus)
                })
                .filter(|(_, name, _)| *name > 0.0)
                .max_by(|a, b| a.2.total_cmp(&b.2));
            match best {
                // Enough of the name's weight is found in the service of the range.
                Some((s, name_score, _)) if name_score >= 0.4 * name_weight => {
                    let service = &config.services[s];
                    // The words as the directory wrote them (only for a match: they are shown).
                    let mut written = HashMap::new();
                    for part in listing
                        .name
                        .parts()
                        .chain(listing.terms.iter().map(String::as_str))
                    {
                        as_written(part, &mut written);
                    }
                    if let Some(d) = &listing.description {
                        d.parts().for_each(|part| as_written(part, &mut written));
                    }
                    let mut shared: Vec<(String, f32)> = mine
                        .iter()
                        .filter(|w| {
                            index
                                .get(w.as_str())
                                .is_some_and(|l| l.iter().any(|(i, _)| *i == s))
                        })
                        // The name's words first.
                        .map(|w| {
                            let first = if name.contains(*w) { 100.0 } else { 0.0 };
                            ((*w).clone(), idf(w) + first)
                        })
                        .collect();
                    shared.sort_by(|a, b| b.1.total_cmp(&a.1));
                    Proposal {
                        place: Place::Service(service.id.clone()),
                        reason: Reason::Words(
                            shared
                                .into_iter()
                                .map(|(w, _)| written.get(&w).cloned().unwrap_or(w))
                                .take(4)
                                .collect(),
                        ),
                    }
                }
                _ => Proposal {
                    place: Place::New {
                        tier: tier.clone().unwrap_or_else(|| first_tier.clone()),
                        from: None,
                    },
                    reason: if tier.is_some() {
                        Reason::TierGiven
                    } else {
                        Reason::NoMatch
                    },
                },
            }
        })
        .collect()
}

/// What applying an import did, for the notice and the summary.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Applied {
    pub providers_added: usize,
    pub providers_updated: usize,
    pub tiers_added: usize,
    pub services_added: usize,
    pub offers_added: usize,
    pub offers_updated: usize,
    /// Imported services joined to an offer this import made (two services of one
    /// organisation placed on one service of the range).
    pub offers_merged: usize,
    /// Imported services left out (by index in the directory's listings).
    pub left_out: Vec<usize>,
    /// Offers of the draft imported before from this directory that it no longer lists
    /// (kept: the person decides).
    pub no_longer_listed: Vec<usize>,
}

/// Applies the places chosen for the imported services (one per listing) to a copy of the
/// draft. `with_range`: the tiers and services of the directory's own range (an export of
/// ours) that the draft lacks are added, even those nobody offers.
pub fn apply(
    config: &Config,
    dir: &Directory,
    places: &[Place],
    with_range: bool,
) -> (Config, Applied) {
    let mut config = config.clone();
    let mut done = Applied::default();
    if with_range {
        for term in &dir.tiers {
            if config.tier(&term.id).is_none() {
                config.tiers.push(Tier {
                    id: term.id.clone(),
                    label: term.label.clone(),
                    description: term.description.clone(),
                });
                done.tiers_added += 1;
            }
        }
        for term in &dir.services {
            if config.service(&term.id).is_none() {
                let tier = term.tier.clone().filter(|t| config.tier(t).is_some());
                if let Some(tier) = tier.or_else(|| config.tiers.first().map(|t| t.id.clone())) {
                    config.services.push(range_service(
                        &term.id,
                        tier,
                        term.label.clone(),
                        term.description.clone(),
                        term.examples.clone(),
                        Some(term.hsds.clone()),
                    ));
                    done.services_added += 1;
                }
            }
        }
    }
    // Providers: every organisation of the directory, matched to the draft's by HSDS id,
    // our own id, then name (through indexes: a directory of thousands stays quick).
    let folded = |t: &Text| words(t.get(Lang::Fr)).collect::<Vec<_>>().join(" ");
    let mut provider_ids: HashSet<String> = config.providers.iter().map(|p| p.id.clone()).collect();
    let mut by_hsds: HashMap<String, usize> = HashMap::new();
    let mut by_id: HashMap<String, usize> = HashMap::new();
    let mut by_name: HashMap<String, usize> = HashMap::new();
    for (i, p) in config.providers.iter().enumerate() {
        match &p.hsds {
            Some(h) => {
                by_hsds.entry(h.clone()).or_insert(i);
            }
            None => {
                by_id.entry(p.id.clone()).or_insert(i);
                by_name.entry(folded(&p.name)).or_insert(i);
            }
        }
    }
    let mut provider_of: HashMap<&str, String> = HashMap::new();
    for org in &dir.organizations {
        let name = folded(&org.name);
        let found = by_hsds
            .get(&org.id)
            .or_else(|| by_id.get(org.provider_id.as_deref()?))
            .or_else(|| by_name.get(&name))
            .copied();
        let hsds = (!org.id.starts_with('~')).then(|| org.id.clone());
        let index = match found {
            Some(i) => {
                done.providers_updated += 1;
                i
            }
            None => {
                let id = match &org.provider_id {
                    Some(id) if !provider_ids.contains(id) => id.clone(),
                    _ => free_id(org.name.get(Lang::Fr), |id| provider_ids.contains(id)),
                };
                provider_ids.insert(id.clone());
                config.providers.push(Provider {
                    id,
                    name: org.name.clone(),
                    kind: org.kind.unwrap_or_default(),
                    contact: Default::default(),
                    languages: Vec::new(),
                    hsds: None,
                });
                done.providers_added += 1;
                config.providers.len() - 1
            }
        };
        let provider = &mut config.providers[index];
        provider.name = org.name.clone();
        if let Some(kind) = org.kind {
            provider.kind = kind;
        }
        let contact = &mut provider.contact;
        contact.phone = org.phone.clone().or(contact.phone.take());
        contact.email = org.email.clone().or(contact.email.take());
        contact.web = org.web.clone().or(contact.web.take());
        contact.address = org.address.clone().or(contact.address.take());
        if !org.languages.is_empty() {
            provider.languages = org.languages.clone();
        }
        provider.hsds = hsds.or(provider.hsds.take());
        match &provider.hsds {
            Some(h) => {
                by_hsds.insert(h.clone(), index);
            }
            None => {
                by_name.insert(name, index);
            }
        }
        provider_of.insert(org.id.as_str(), provider.id.clone());
    }
    // New services of the range, one per tier and name; offers found by HSDS id, then by
    // provider and service.
    let mut service_ids: HashSet<String> = config.services.iter().map(|s| s.id.clone()).collect();
    let tier_ids: HashSet<&str> = config.tiers.iter().map(|t| t.id.as_str()).collect();
    let mut created: HashMap<(String, String), String> = HashMap::new();
    let mut new_services: Vec<Service> = Vec::new();
    let mut offer_by_hsds: HashMap<String, usize> = HashMap::new();
    let mut offer_by_pair: HashMap<(String, String), usize> = HashMap::new();
    for (i, o) in config.offers.iter().enumerate() {
        if let Some(h) = &o.hsds {
            offer_by_hsds.entry(h.clone()).or_insert(i);
        }
        offer_by_pair
            .entry((o.provider.clone(), o.service.clone()))
            .or_insert(i);
    }
    let listed: HashSet<&str> = dir
        .listings
        .iter()
        .filter_map(|l| l.id.as_deref())
        .collect();
    let offers_before = config.offers.len();
    for (i, (listing, place)) in dir.listings.iter().zip(places).enumerate() {
        let Some(provider) = provider_of.get(listing.organization.as_str()).cloned() else {
            done.left_out.push(i);
            continue;
        };
        let service = match place {
            Place::LeftOut => {
                done.left_out.push(i);
                continue;
            }
            Place::Service(id) if service_ids.contains(id) => id.clone(),
            Place::Service(_) => {
                done.left_out.push(i);
                continue;
            }
            Place::New { tier, from } => {
                if !tier_ids.contains(tier.as_str()) {
                    done.left_out.push(i);
                    continue;
                }
                let key = (
                    tier.clone(),
                    from.clone().unwrap_or_else(|| folded(&listing.name)),
                );
                match created.get(&key) {
                    Some(id) => id.clone(),
                    None => {
                        let id = match from {
                            Some(id) => id.clone(),
                            None => {
                                free_id(listing.name.get(Lang::Fr), |id| service_ids.contains(id))
                            }
                        };
                        if service_ids.insert(id.clone()) {
                            let term = from
                                .as_ref()
                                .and_then(|f| dir.services.iter().find(|s| s.id == *f));
                            new_services.push(match term {
                                Some(t) => range_service(
                                    &id,
                                    tier.clone(),
                                    t.label.clone(),
                                    t.description.clone(),
                                    t.examples.clone(),
                                    Some(t.hsds.clone()),
                                ),
                                None => range_service(
                                    &id,
                                    tier.clone(),
                                    listing.name.clone(),
                                    listing.description.clone(),
                                    Vec::new(),
                                    listing.id.clone(),
                                ),
                            });
                            done.services_added += 1;
                        }
                        created.insert(key, id.clone());
                        id
                    }
                }
            }
        };
        let existing = listing
            .id
            .as_deref()
            .and_then(|id| offer_by_hsds.get(id))
            .or_else(|| offer_by_pair.get(&(provider.clone(), service.clone())))
            .copied();
        let index = match existing {
            Some(o) if o >= offers_before => {
                done.offers_merged += 1;
                o
            }
            Some(o) => {
                done.offers_updated += 1;
                o
            }
            None => {
                config.offers.push(Offer {
                    provider: provider.clone(),
                    service: service.clone(),
                    availability: Default::default(),
                    access: Default::default(),
                    eligibility: None,
                    how_to_apply: None,
                    hours: None,
                    hsds: None,
                });
                done.offers_added += 1;
                config.offers.len() - 1
            }
        };
        if let Some(h) = &listing.id {
            offer_by_hsds.insert(h.clone(), index);
        }
        offer_by_pair.insert((provider.clone(), service.clone()), index);
        let offer = &mut config.offers[index];
        offer.provider = provider;
        offer.service = service;
        offer.availability = listing.availability.unwrap_or(match listing.status {
            Status::TemporarilyClosed => super::model::Availability::Partial,
            _ => offer.availability,
        });
        if let Some(access) = listing.access {
            offer.access = access;
        }
        offer.eligibility = listing.eligibility.clone().or(offer.eligibility.take());
        offer.how_to_apply = listing.how_to_apply.clone().or(offer.how_to_apply.take());
        offer.hours = listing.hours.clone().or(offer.hours.take());
        offer.hsds = listing.id.clone().or(offer.hsds.take());
    }
    // The new services at the end of their tiers, in the order they were made.
    if !new_services.is_empty() {
        let mut services = Vec::with_capacity(config.services.len() + new_services.len());
        for tier in &config.tiers {
            services.extend(
                config
                    .services
                    .iter()
                    .filter(|s| s.tier == tier.id)
                    .cloned(),
            );
            services.extend(new_services.iter().filter(|s| s.tier == tier.id).cloned());
        }
        // Services of a tier the config lacks (an error the editor shows) stay, at the end.
        services.extend(
            config
                .services
                .iter()
                .filter(|s| !tier_ids.contains(s.tier.as_str()) && config.tier(&s.tier).is_none())
                .cloned(),
        );
        config.services = services;
    }
    // Offers imported before from this directory (their provider is one of its
    // organisations) that it no longer lists.
    let orgs: HashSet<&str> = provider_of.values().map(String::as_str).collect();
    done.no_longer_listed = config
        .offers
        .iter()
        .enumerate()
        .filter(|(_, o)| {
            orgs.contains(o.provider.as_str())
                && o.hsds.as_deref().is_some_and(|h| !listed.contains(h))
        })
        .map(|(i, _)| i)
        .collect();
    (config, done)
}

fn range_service(
    id: &str,
    tier: String,
    label: Text,
    description: Option<Text>,
    examples: Vec<Text>,
    hsds: Option<String>,
) -> Service {
    Service {
        id: id.to_string(),
        tier,
        label,
        description,
        examples,
        hsds,
    }
}

/// The services of the range nobody offers once the places are applied (the preview's
/// "uncovered"), by id.
pub fn uncovered(config: &Config) -> Vec<&Service> {
    let offered: HashSet<&str> = config.offers.iter().map(|o| o.service.as_str()).collect();
    config
        .services
        .iter()
        .filter(|s| !offered.contains(s.id.as_str()))
        .collect()
}

//! Configs for property tests: texts in every form a config may hold them (plain, both
//! languages, one of them), ranges with tiers, services, providers and offers.

use proptest::prelude::*;
use service_range_mapper::core::model::*;
use service_range_mapper::core::text::Text;

/// A short word with the characters texts get wrong (quotes, angle brackets, accents).
pub fn word() -> impl Strategy<Value = String> {
    "[a-zA-Zéèàç' <>&\"\\\\]{1,12}".prop_filter("visible", |s| !s.trim().is_empty())
}

pub fn text() -> impl Strategy<Value = Text> {
    prop_oneof![
        word().prop_map(Text::plain),
        (word(), word()).prop_map(|(fr, en)| Text::bilingual(fr, en)),
        word().prop_map(|fr| Text {
            plain: None,
            fr: Some(fr),
            en: None
        }),
        word().prop_map(|en| Text {
            plain: None,
            fr: None,
            en: Some(en)
        }),
    ]
}

/// A random valid config.
pub fn any_config() -> impl Strategy<Value = Config> {
    (
        prop::collection::vec((text(), prop::option::of(text())), 1..4),
        prop::collection::vec(
            (
                text(),
                prop::option::of(text()),
                prop::collection::vec(text(), 0..3),
                any::<prop::sample::Index>(),
            ),
            0..8,
        ),
        prop::collection::vec(
            (
                text(),
                0..5usize,
                prop::option::of(text()),
                prop::collection::btree_set("[a-z]{2}", 0..3)
                    .prop_map(|codes| codes.into_iter().collect::<Vec<_>>()),
            ),
            0..5,
        ),
        prop::collection::vec(
            (
                any::<prop::sample::Index>(),
                any::<prop::sample::Index>(),
                0..4usize,
                0..6usize,
                prop::option::of(text()),
                prop::option::of(text()),
                prop::option::of(text()),
                prop::option::of("[a-f0-9-]{1,12}"),
            ),
            0..10,
        ),
        (
            text(),
            prop::option::of(0u64..10_000_000),
            any::<bool>(),
            prop::option::of("[a-z-]{1,10}"),
        ),
    )
        .prop_map(
            |(tiers, services, providers, offers, (name, population, example, id))| {
                let mut config = service_range_mapper::core::draft::empty_config();
                config.id = id;
                config.territory.name = name;
                config.territory.population = population;
                config.territory.example = example;
                for (i, (label, description)) in tiers.into_iter().enumerate() {
                    config.tiers.push(Tier {
                        id: format!("t{i}"),
                        label,
                        description,
                    });
                }
                for (i, (label, description, examples, tier)) in services.into_iter().enumerate() {
                    let tier = config.tiers[tier.index(config.tiers.len())].id.clone();
                    config.services.push(Service {
                        id: format!("s{i}"),
                        tier,
                        label,
                        description,
                        examples,
                        hsds: (i % 3 == 1).then(|| format!("svc-{i}")),
                    });
                }
                for (i, (name, kind, address, languages)) in providers.into_iter().enumerate() {
                    config.providers.push(Provider {
                        id: format!("p{i}"),
                        name,
                        kind: ProviderKind::NAMES[kind].1,
                        contact: Contact {
                            phone: Some("514 555-0199".into()),
                            email: None,
                            web: Some("https://example.org".into()),
                            address,
                        },
                        languages,
                        hsds: (i % 2 == 1).then(|| format!("org-{i}")),
                    });
                }
                if !config.providers.is_empty() && !config.services.is_empty() {
                    let mut seen = std::collections::HashSet::new();
                    for (p, s, availability, access, eligibility, how_to_apply, hours, hsds) in
                        offers
                    {
                        let provider = config.providers[p.index(config.providers.len())].id.clone();
                        let service = config.services[s.index(config.services.len())].id.clone();
                        if seen.insert((provider.clone(), service.clone())) {
                            config.offers.push(Offer {
                                provider,
                                service,
                                availability: Availability::NAMES[availability].1,
                                access: AccessRoute::NAMES[access].1,
                                eligibility,
                                how_to_apply,
                                hours,
                                hsds,
                            });
                        }
                    }
                }
                config
            },
        )
}

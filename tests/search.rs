//! Native tests of finding services (accents, case and language forgiven; tier and provider
//! kind filters).
#![cfg(not(target_arch = "wasm32"))]

use service_range_mapper::core::defaults::default_config;
use service_range_mapper::core::figures::range;
use service_range_mapper::core::model::{Config, ProviderKind};
use service_range_mapper::core::search::{find, fold, haystacks, RangeQuery};

fn config() -> Config {
    default_config().config.unwrap()
}

/// The ids of the services a query finds in the built-in config, in range order.
fn found(query: &RangeQuery) -> Vec<String> {
    let config = config();
    let range = range(&config);
    let haystacks = haystacks(&config);
    find(&config, &range, &haystacks, query)
        .iter()
        .zip(&range)
        .flat_map(|(positions, tier)| {
            positions
                .iter()
                .map(|&p| config.services[tier.services[p].service].id.clone())
                .collect::<Vec<_>>()
        })
        .collect()
}

fn words(text: &str) -> RangeQuery {
    RangeQuery {
        text: text.into(),
        ..RangeQuery::default()
    }
}

#[test]
fn folding_drops_accents_and_case_of_french_letters() {
    assert_eq!(
        fold("Hébergement ÉLÈVE çà Œuvre"),
        "hebergement eleve ca oeuvre"
    );
    assert_eq!(fold("l’entraide — Île"), "l'entraide - ile");
    assert_eq!(fold("ÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸŒÆ"), "aaaceeeeiioouuuyoeae");
    assert_eq!(fold("ŁĄĘŚŹŻŃĆ Ľ Ň Ž"), "laeszznc l n z");
}

#[test]
fn a_search_forgives_accents_and_case_in_both_languages() {
    let with_accents = found(&words("Hébergement"));
    assert!(with_accents.contains(&"hebergement-regulier".to_string()));
    assert!(with_accents.contains(&"hebergement-specialise".to_string()));
    assert_eq!(found(&words("hebergement")), with_accents);
    assert_eq!(found(&words("HEBERGEMENT")), with_accents);
    // English words find the same services, whatever the interface language.
    let housing = found(&words("housing"));
    assert!(housing.contains(&"hebergement-regulier".to_string()));
    assert!(housing.contains(&"logement-social".to_string()));
}

#[test]
fn every_word_must_match_somewhere() {
    let both = found(&words("hébergement crise"));
    assert!(!both.is_empty());
    for id in &both {
        assert!(found(&words("crise")).contains(id));
        assert!(found(&words("hebergement")).contains(id));
    }
    assert!(found(&words("hébergement zzzz")).is_empty());
}

#[test]
fn providers_names_find_the_services_they_offer() {
    let config = config();
    let cegep = config.provider("cegep").unwrap();
    let offered: Vec<String> = config
        .offers
        .iter()
        .filter(|o| o.provider == "cegep")
        .map(|o| o.service.clone())
        .collect();
    let name = cegep
        .name
        .get(service_range_mapper::core::text::Lang::Fr)
        .to_string();
    let hits = found(&words(&name));
    for service in offered {
        assert!(hits.contains(&service), "{service} not found by {name}");
    }
}

#[test]
fn tier_and_provider_kind_narrow_the_range() {
    let specialised = found(&RangeQuery {
        tier: Some("specialise".into()),
        ..RangeQuery::default()
    });
    let config = config();
    assert_eq!(
        specialised.len(),
        config
            .services
            .iter()
            .filter(|s| s.tier == "specialise")
            .count()
    );
    let community = found(&RangeQuery {
        kind: Some(ProviderKind::CommunityOrganisation),
        ..RangeQuery::default()
    });
    assert!(!community.is_empty());
    for id in &community {
        let offered_by_community = config.offers.iter().any(|o| {
            o.service == *id
                && config.provider(&o.provider).unwrap().kind == ProviderKind::CommunityOrganisation
        });
        assert!(offered_by_community, "{id}");
    }
    assert!(community.len() < config.services.len());
    assert!(RangeQuery::default().is_empty());
    assert!(!words("x").is_empty());
}

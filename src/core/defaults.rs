//! The built-in defaults: the three reference tiers, and the example config the widget
//! shows when it is given none (the MSSS 2002 reference range for mental health). The
//! citizens' (view) bundle does not carry the example: its pages always have their own
//! config, and the build ships the example beside it as `pkg/default-config.json`.

use super::model::Tier;
use super::text::Text;
#[cfg(any(feature = "workshop", not(target_arch = "wasm32")))]
use super::validate::{load_text, Loaded};

/// The built-in example config, as JSON text (validated like any other config).
#[cfg(any(feature = "workshop", not(target_arch = "wasm32")))]
pub const DEFAULT_CONFIG_JSON: &str = include_str!("default_config.json");

/// Reads the built-in example config.
#[cfg(any(feature = "workshop", not(target_arch = "wasm32")))]
pub fn default_config() -> Loaded {
    load_text(DEFAULT_CONFIG_JSON)
}

/// The reference tiers (MSSS 2002), used when a config lists none.
pub fn default_tiers() -> Vec<Tier> {
    vec![
        Tier {
            id: "proximite".into(),
            label: Text::bilingual("Services de proximité", "Proximity services"),
            description: Some(Text::bilingual(
                "Offerts localement à une population assez nombreuse pour assurer le suivi; ne requièrent ni expertise spécialisée rare ni équipement coûteux.",
                "Offered locally to a population large enough for follow-up; need no rare specialised expertise and no costly equipment.",
            )),
        },
        Tier {
            id: "intersectoriel".into(),
            label: Text::bilingual("Services intersectoriels dans le milieu", "Intersectoral services in the community"),
            description: Some(Text::bilingual(
                "Offerts par les partenaires des autres secteurs (logement, travail, éducation, transport, loisirs, justice) pour l'intégration dans la communauté.",
                "Offered by partners from other sectors (housing, work, education, transport, leisure, justice) for inclusion in the community.",
            )),
        },
        Tier {
            id: "specialise".into(),
            label: Text::bilingual("Services spécialisés", "Specialised services"),
            description: Some(Text::bilingual(
                "Requièrent une expertise ou un équipement spécialisés; joints par corridors de services, ententes ou agents de liaison, et offerts aussi près du milieu de vie que le volume et l'expertise le permettent.",
                "Need specialised expertise or equipment; reached through service corridors, agreements or liaison officers, and delivered as close to home as volume and expertise allow.",
            )),
        },
    ]
}

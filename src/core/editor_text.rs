//! The range editor's strings, in French (first) and English: a catalogue of its own, so
//! that the bundles without the editor carry none of them.

use super::draft::{Advice, Changes, Count, Dependents, Refusal, StartPoint};
use super::i18n::pick;
use super::model::{BuiltInScale, Config};
use super::text::{join, Lang, Text};

/// Fixed strings of the editor in one language.
pub struct EditorText {
    pub title: &'static str,
    pub sections: &'static str,
    pub section_territory: &'static str,
    pub section_range: &'static str,
    pub section_providers: &'static str,
    pub section_continuum: &'static str,
    pub preview: &'static str,
    pub preview_stale: &'static str,
    pub french: &'static str,
    pub english: &'static str,
    pub same_as_french: &'static str,
    pub advanced: &'static str,
    pub id_label: &'static str,
    pub id_hint: &'static str,
    pub id_empty: &'static str,
    /// `{}`: the id.
    pub id_taken: &'static str,
    pub add: &'static str,
    pub unnamed: &'static str,
    /// `{}`: the rank, `{n}`: how many.
    pub position_of: &'static str,
    pub territory_name: &'static str,
    pub territory_kind: &'static str,
    pub territory_population: &'static str,
    pub population_hint: &'static str,
    pub population_not_a_number: &'static str,
    pub territory_example: &'static str,
    pub territory_example_hint: &'static str,
    pub config_id: &'static str,
    /// `{}`: the identity in use.
    pub config_id_hint: &'static str,
    pub range_intro: &'static str,
    pub no_tier: &'static str,
    pub new_tier: &'static str,
    pub tier_no_service: &'static str,
    /// `{}`: the tier.
    pub services_of_tier: &'static str,
    pub new_service: &'static str,
    /// `{}`: the tier.
    pub tier_actions: &'static str,
    pub tier_details: &'static str,
    pub tier_label: &'static str,
    pub tier_criteria: &'static str,
    pub move_up: &'static str,
    pub move_down: &'static str,
    pub delete_tier: &'static str,
    /// `{}`: the service.
    pub service_form: &'static str,
    pub service_label: &'static str,
    pub service_tier: &'static str,
    pub service_tier_hint: &'static str,
    pub one_per_line: &'static str,
    pub delete_service: &'static str,
    pub close_form: &'static str,
    pub offers_of_service: &'static str,
    pub no_offer_service: &'static str,
    pub add_provider_first: &'static str,
    pub add_offer_from: &'static str,
    pub choose_provider: &'static str,
    pub add_offer: &'static str,
    pub offer_provider: &'static str,
    pub offer_service: &'static str,
    pub delete_offer: &'static str,
    pub providers_intro: &'static str,
    pub no_provider: &'static str,
    pub new_provider: &'static str,
    /// `{}`: the organisation.
    pub provider_form: &'static str,
    pub provider_name: &'static str,
    pub provider_kind: &'static str,
    pub languages_hint: &'static str,
    pub delete_provider: &'static str,
    pub offers_of_provider: &'static str,
    pub no_offer_provider: &'static str,
    pub add_service_first: &'static str,
    pub add_offer_of: &'static str,
    pub choose_service: &'static str,
    pub continuum_intro: &'static str,
    pub own_levels: &'static str,
    pub scale: &'static str,
    pub relations: &'static str,
    pub no_relation: &'static str,
    pub two_providers_first: &'static str,
    pub new_relation: &'static str,
    pub relation_first: &'static str,
    pub relation_second: &'static str,
    pub relation_same_provider: &'static str,
    pub add_relation: &'static str,
    pub relation_form: &'static str,
    pub relation_level: &'static str,
    pub relation_target: &'static str,
    pub no_target: &'static str,
    pub mechanisms: &'static str,
    pub relation_services: &'static str,
    pub relation_no_common_service: &'static str,
    pub relation_note: &'static str,
    pub delete_relation: &'static str,
    /// `{}`: what is deleted.
    pub delete_title: &'static str,
    pub delete_undo: &'static str,
    pub services_go_to: &'static str,
    pub last_tier_has_services: &'static str,
    pub delete: &'static str,
    pub cancel: &'static str,
    pub no_problem: &'static str,
    pub error: &'static str,
    pub warning: &'static str,
    pub go_to_field: &'static str,
    pub json_title: &'static str,
    pub json_label: &'static str,
    pub json_unreadable: &'static str,
    pub go_to_text: &'static str,
    pub start_group: &'static str,
    pub start_from: &'static str,
    pub start: &'static str,
    pub open_file: &'static str,
    pub open_address_group: &'static str,
    pub address: &'static str,
    pub open_address: &'static str,
    pub edit_group: &'static str,
    pub undo: &'static str,
    pub redo: &'static str,
    pub forms: &'static str,
    pub json_text: &'static str,
    pub translations_group: &'static str,
    pub next_translation: &'static str,
    pub out_group: &'static str,
    pub download: &'static str,
    pub copy: &'static str,
    pub copied: &'static str,
    pub copy_refused: &'static str,
    pub opened_file: &'static str,
    /// What a config the host page gives is called in a notice.
    pub given_config: &'static str,
    pub back_to_file: &'static str,
    pub dismiss: &'static str,
    pub storage_failed: &'static str,
}

pub const FR: EditorText = EditorText {
    title: "Configurer la gamme",
    sections: "Parties de la configuration",
    section_territory: "Territoire",
    section_range: "Paliers et services",
    section_providers: "Organismes et offres",
    section_continuum: "Continuum de collaboration",
    preview: "Aperçu",
    preview_stale: "Le brouillon a des erreurs : l'aperçu montre sa dernière version sans erreur.",
    french: "Français",
    english: "Anglais",
    same_as_french: "Même texte qu'en français",
    advanced: "Identifiant (avancé)",
    id_label: "Identifiant",
    id_hint: "Créé à partir du premier nom et jamais changé par un renommage. Le changer ici met à jour les références de la configuration, mais détache le travail d'atelier déjà fait sur cet élément.",
    id_empty: "Un identifiant ne peut pas être vide.",
    id_taken: "L'identifiant « {} » est déjà pris par un autre élément de la liste.",
    add: "Ajouter",
    unnamed: "(sans nom)",
    position_of: "{} sur {n}",
    territory_name: "Nom du territoire",
    territory_kind: "Type de territoire",
    territory_population: "Population (habitants)",
    population_hint: "Un nombre entier, sans espace ni point : 18500.",
    population_not_a_number: "Ce n'est pas un nombre entier d'habitants : la population n'a pas changé.",
    territory_example: "Territoire d'exemple",
    territory_example_hint: "Cochez si le territoire est fictif : la carte le dira à ses lecteurs.",
    config_id: "Identifiant de la configuration",
    config_id_hint: "Garde à part le travail d'atelier de ce territoire dans les navigateurs. Identité actuelle : « {} ».",
    range_intro: "Les paliers, du plus proche du milieu de vie au plus spécialisé, et les services de chacun, dans l'ordre où la carte les montre. Alt + flèche haut ou bas déplace un service dans son palier.",
    no_tier: "Aucun palier pour l'instant : ajoutez-en un ci-dessous.",
    new_tier: "Nom du nouveau palier",
    tier_no_service: "Aucun service dans ce palier.",
    services_of_tier: "Services du palier « {} »",
    new_service: "Nom du nouveau service",
    tier_actions: "Palier « {} »",
    tier_details: "Nom, critères et identifiant du palier",
    tier_label: "Nom du palier",
    tier_criteria: "Critères du palier",
    move_up: "Monter",
    move_down: "Descendre",
    delete_tier: "Supprimer le palier",
    service_form: "Service « {} »",
    service_label: "Nom du service",
    service_tier: "Palier",
    service_tier_hint: "Changer de palier déplace le service à la fin de ce palier ; ses écarts le suivent.",
    one_per_line: "un par ligne",
    delete_service: "Supprimer le service",
    close_form: "Fermer",
    offers_of_service: "Qui offre ce service",
    no_offer_service: "Aucun organisme n'offre ce service pour l'instant.",
    add_provider_first: "Ajoutez d'abord des organismes (partie « Organismes et offres ») pour dire qui offre ce service.",
    add_offer_from: "Organisme qui offre aussi ce service",
    choose_provider: "Choisir un organisme…",
    add_offer: "Ajouter l'offre",
    offer_provider: "Organisme",
    offer_service: "Service",
    delete_offer: "Supprimer l'offre",
    providers_intro: "Les organismes du territoire, leurs coordonnées et les services qu'ils offrent.",
    no_provider: "Aucun organisme pour l'instant : ajoutez-en un ci-dessous.",
    new_provider: "Nom du nouvel organisme",
    provider_form: "Organisme « {} »",
    provider_name: "Nom de l'organisme",
    provider_kind: "Type d'organisme",
    languages_hint: "Codes de langue séparés par des virgules : fr, en, es.",
    delete_provider: "Supprimer l'organisme",
    offers_of_provider: "Services offerts",
    no_offer_provider: "Cet organisme n'offre aucun service de la gamme pour l'instant.",
    add_service_first: "Ajoutez d'abord des services (partie « Paliers et services »).",
    add_offer_of: "Service offert aussi",
    choose_service: "Choisir un service…",
    continuum_intro: "Le degré de collaboration entre les organismes, deux à deux : où en est chaque relation, où les partenaires veulent la mener et ce qui la soutient.",
    own_levels: "Cette configuration définit ses propres niveaux (modifiables dans le texte JSON) :",
    scale: "Échelle du continuum",
    relations: "Relations",
    no_relation: "Aucune relation pour l'instant.",
    two_providers_first: "Il faut au moins deux organismes pour décrire une relation.",
    new_relation: "Nouvelle relation",
    relation_first: "Premier organisme",
    relation_second: "Second organisme",
    relation_same_provider: "Choisissez deux organismes différents.",
    add_relation: "Ajouter la relation",
    relation_form: "Relation",
    relation_level: "Niveau actuel",
    relation_target: "Niveau visé",
    no_target: "Aucun",
    mechanisms: "Mécanismes d'intégration",
    relation_services: "Services concernés",
    relation_no_common_service: "Aucun service offert par ces organismes pour l'instant.",
    relation_note: "Note",
    delete_relation: "Supprimer la relation",
    delete_title: "Supprimer « {} » ?",
    delete_undo: "« Annuler » la ramènera, avec tout ce qui en dépend.",
    services_go_to: "Déplacer ses services vers le palier",
    last_tier_has_services: "C'est le seul palier : ajoutez-en un autre pour y déplacer ses services avant de le supprimer.",
    delete: "Supprimer",
    cancel: "Annuler",
    no_problem: "Aucun problème : la configuration est prête.",
    error: "Erreur",
    warning: "Avertissement",
    go_to_field: "Aller au champ",
    json_title: "Texte JSON",
    json_label: "Texte de la configuration",
    json_unreadable: "Ce texte ne peut pas être lu dans les formulaires : corrigez les problèmes ci-dessous (les formulaires gardent la dernière version lisible).",
    go_to_text: "Aller à cet endroit",
    start_group: "Point de départ",
    start_from: "Partir de",
    start: "Commencer",
    open_file: "Ouvrir un fichier…",
    open_address_group: "Ouvrir une configuration en ligne",
    address: "Adresse d'une configuration",
    open_address: "Ouvrir l'adresse",
    edit_group: "Modifications",
    undo: "Annuler",
    redo: "Rétablir",
    forms: "Formulaires",
    json_text: "Texte JSON",
    translations_group: "Traductions",
    next_translation: "Aller à la suivante",
    out_group: "Enregistrer",
    download: "Télécharger la configuration",
    copy: "Copier le JSON",
    copied: "Copié dans le presse-papiers.",
    copy_refused: "Le navigateur a refusé la copie : utilisez « Télécharger la configuration ».",
    opened_file: "le fichier tel qu'ouvert",
    given_config: "la configuration donnée par la page",
    back_to_file: "Revenir au fichier tel qu'ouvert",
    dismiss: "Fermer",
    storage_failed: "Ce navigateur ne garde pas le brouillon (stockage bloqué ou plein) : le travail reste en mémoire tant que la page est ouverte. Téléchargez la configuration avant de la fermer.",
};

pub const EN: EditorText = EditorText {
    title: "Set up the range",
    sections: "Parts of the configuration",
    section_territory: "Territory",
    section_range: "Tiers and services",
    section_providers: "Organisations and offers",
    section_continuum: "Continuum of collaboration",
    preview: "Preview",
    preview_stale: "The draft has errors: the preview shows its last version without error.",
    french: "French",
    english: "English",
    same_as_french: "Same text as in French",
    advanced: "Id (advanced)",
    id_label: "Id",
    id_hint: "Made from the first name and never changed by a rename. Changing it here updates the configuration's references, but detaches the workshop work already done on this item.",
    id_empty: "An id cannot be empty.",
    id_taken: "The id “{}” is already taken by another item of the list.",
    add: "Add",
    unnamed: "(no name)",
    position_of: "{} of {n}",
    territory_name: "Name of the territory",
    territory_kind: "Kind of territory",
    territory_population: "Population (inhabitants)",
    population_hint: "A whole number, with no space or comma: 18500.",
    population_not_a_number: "This is not a whole number of inhabitants: the population has not changed.",
    territory_example: "Example territory",
    territory_example_hint: "Tick if the territory is fictitious: the map will tell its readers.",
    config_id: "Configuration id",
    config_id_hint: "Keeps this territory's workshop work apart in browsers. Identity in use: “{}”.",
    range_intro: "The tiers, from closest to home to most specialised, and the services of each, in the order the map shows them. Alt + up or down arrow moves a service within its tier.",
    no_tier: "No tier yet: add one below.",
    new_tier: "Name of the new tier",
    tier_no_service: "No service in this tier.",
    services_of_tier: "Services of the tier “{}”",
    new_service: "Name of the new service",
    tier_actions: "Tier “{}”",
    tier_details: "Name, criteria and id of the tier",
    tier_label: "Name of the tier",
    tier_criteria: "Criteria of the tier",
    move_up: "Move up",
    move_down: "Move down",
    delete_tier: "Delete the tier",
    service_form: "Service “{}”",
    service_label: "Name of the service",
    service_tier: "Tier",
    service_tier_hint: "Changing the tier moves the service to the end of that tier; its gaps follow it.",
    one_per_line: "one per line",
    delete_service: "Delete the service",
    close_form: "Close",
    offers_of_service: "Who offers this service",
    no_offer_service: "No organisation offers this service yet.",
    add_provider_first: "First add organisations (part “Organisations and offers”) to say who offers this service.",
    add_offer_from: "Organisation that also offers this service",
    choose_provider: "Choose an organisation…",
    add_offer: "Add the offer",
    offer_provider: "Organisation",
    offer_service: "Service",
    delete_offer: "Delete the offer",
    providers_intro: "The territory's organisations, how to reach them and the services they offer.",
    no_provider: "No organisation yet: add one below.",
    new_provider: "Name of the new organisation",
    provider_form: "Organisation “{}”",
    provider_name: "Name of the organisation",
    provider_kind: "Kind of organisation",
    languages_hint: "Language codes separated by commas: fr, en, es.",
    delete_provider: "Delete the organisation",
    offers_of_provider: "Services offered",
    no_offer_provider: "This organisation offers no service of the range yet.",
    add_service_first: "First add services (part “Tiers and services”).",
    add_offer_of: "Service also offered",
    choose_service: "Choose a service…",
    continuum_intro: "How closely the organisations work together, pair by pair: where each relation stands, where the partners want to take it and what holds it.",
    own_levels: "This configuration defines its own levels (editable in the JSON text):",
    scale: "Scale of the continuum",
    relations: "Relations",
    no_relation: "No relation yet.",
    two_providers_first: "A relation needs at least two organisations.",
    new_relation: "New relation",
    relation_first: "First organisation",
    relation_second: "Second organisation",
    relation_same_provider: "Choose two different organisations.",
    add_relation: "Add the relation",
    relation_form: "Relation",
    relation_level: "Current level",
    relation_target: "Target level",
    no_target: "None",
    mechanisms: "Integration mechanisms",
    relation_services: "Services concerned",
    relation_no_common_service: "These organisations offer no service yet.",
    relation_note: "Note",
    delete_relation: "Delete the relation",
    delete_title: "Delete “{}”?",
    delete_undo: "“Undo” brings it back, with everything that depends on it.",
    services_go_to: "Move its services to the tier",
    last_tier_has_services: "This is the only tier: add another one to move its services to before deleting it.",
    delete: "Delete",
    cancel: "Cancel",
    no_problem: "No problem: the configuration is ready.",
    error: "Error",
    warning: "Warning",
    go_to_field: "Go to the field",
    json_title: "JSON text",
    json_label: "Text of the configuration",
    json_unreadable: "This text cannot be read into the forms: fix the problems below (the forms keep the last readable version).",
    go_to_text: "Go to this place",
    start_group: "Starting point",
    start_from: "Start from",
    start: "Start",
    open_file: "Open a file…",
    open_address_group: "Open a configuration online",
    address: "Address of a configuration",
    open_address: "Open the address",
    edit_group: "Changes",
    undo: "Undo",
    redo: "Redo",
    forms: "Forms",
    json_text: "JSON text",
    translations_group: "Translations",
    next_translation: "Go to the next one",
    out_group: "Save",
    download: "Download the configuration",
    copy: "Copy the JSON",
    copied: "Copied to the clipboard.",
    copy_refused: "The browser refused to copy: use “Download the configuration”.",
    opened_file: "the file as opened",
    given_config: "the configuration the page gave",
    back_to_file: "Back to the file as opened",
    dismiss: "Dismiss",
    storage_failed: "This browser does not keep the draft (storage blocked or full): the work stays in memory while the page is open. Download the configuration before closing it.",
};

pub fn editor_text(lang: Lang) -> &'static EditorText {
    match lang {
        Lang::Fr => &FR,
        Lang::En => &EN,
    }
}

/// `n` with the singular or plural noun of the language.
fn counted(
    lang: Lang,
    n: usize,
    (fr_one, fr_many): (&str, &str),
    (en_one, en_many): (&str, &str),
) -> String {
    let noun = match (lang, n) {
        (Lang::Fr, 0 | 1) => fr_one,
        (Lang::Fr, _) => fr_many,
        (Lang::En, 1) => en_one,
        (Lang::En, _) => en_many,
    };
    format!("{n} {noun}")
}

pub fn service_count(lang: Lang, n: usize) -> String {
    counted(lang, n, ("service", "services"), ("service", "services"))
}

pub fn offer_count(lang: Lang, n: usize) -> String {
    counted(lang, n, ("offre", "offres"), ("offer", "offers"))
}

pub fn problem_count(lang: Lang, n: usize) -> String {
    counted(lang, n, ("problème", "problèmes"), ("problem", "problems"))
}

/// "Show 100 more (250 hidden)".
pub fn more_rows(lang: Lang, next: usize, hidden: usize) -> String {
    match lang {
        Lang::Fr => format!("Afficher {next} de plus ({hidden} masqués)"),
        Lang::En => format!("Show {next} more ({hidden} hidden)"),
    }
}

pub fn missing_count(lang: Lang, n: usize) -> String {
    match (lang, n) {
        (Lang::Fr, 0) => "Aucune traduction manquante".into(),
        (Lang::Fr, 1) => "1 traduction manquante".into(),
        (Lang::Fr, n) => format!("{n} traductions manquantes"),
        (Lang::En, 0) => "No missing translation".into(),
        (Lang::En, 1) => "1 missing translation".into(),
        (Lang::En, n) => format!("{n} missing translations"),
    }
}

pub fn problems_summary(lang: Lang, errors: usize, warnings: usize) -> String {
    let errors = counted(lang, errors, ("erreur", "erreurs"), ("error", "errors"));
    let warnings = counted(
        lang,
        warnings,
        ("avertissement", "avertissements"),
        ("warning", "warnings"),
    );
    format!("{errors}, {warnings}")
}

pub fn more_problems(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Fr => format!("… et {n} autres, listés quand les premiers seront corrigés."),
        Lang::En => format!("… and {n} more, listed once the first ones are fixed."),
    }
}

pub fn errors_warning(lang: Lang, errors: usize) -> String {
    match lang {
        Lang::Fr => format!(
            "Attention : {} — le brouillon est gardé et peut être téléchargé, mais la carte n'affichera pas ce fichier tant qu'elles ne seront pas corrigées.",
            counted(lang, errors, ("erreur", "erreurs"), ("", ""))
        ),
        Lang::En => format!(
            "Warning: {} — the draft is kept and can be downloaded, but the map will not show this file until they are fixed.",
            counted(lang, errors, ("", ""), ("error", "errors"))
        ),
    }
}

pub fn advice_message(lang: Lang, advice: &Advice) -> String {
    match (advice, lang) {
        (Advice::SameName { first }, Lang::Fr) => {
            format!("Un autre élément porte déjà ce nom ({first}) : les lecteurs ne pourront pas les distinguer.")
        }
        (Advice::SameName { first }, Lang::En) => {
            format!("Another item already has this name ({first}): readers will not tell them apart.")
        }
        (Advice::LongLabel { length }, Lang::Fr) => format!(
            "Ce nom compte {length} caractères : au-delà de {} il sera difficile à lire sur la carte ; la description est faite pour le détail.",
            super::draft::LONG_LABEL
        ),
        (Advice::LongLabel { length }, Lang::En) => format!(
            "This name is {length} characters long: beyond {} it is hard to read on the map; the description is there for details.",
            super::draft::LONG_LABEL
        ),
    }
}

/// A noun in the singular and the plural.
type Nouns = (&'static str, &'static str);

/// "3 services added, 2 organisations changed" since the config was opened.
pub fn changes_text(lang: Lang, changes: &Changes) -> String {
    if changes.is_empty() {
        return match lang {
            Lang::Fr => "Aucun changement depuis l'ouverture.".into(),
            Lang::En => "No change since it was opened.".into(),
        };
    }
    let mut parts: Vec<String> = Vec::new();
    if changes.territory {
        parts.push(match lang {
            Lang::Fr => "territoire modifié".into(),
            Lang::En => "territory changed".into(),
        });
    }
    let kinds: [(&Count, Nouns, Nouns, bool); 5] = [
        (
            &changes.tiers,
            ("palier", "paliers"),
            ("tier", "tiers"),
            false,
        ),
        (
            &changes.services,
            ("service", "services"),
            ("service", "services"),
            false,
        ),
        (
            &changes.providers,
            ("organisme", "organismes"),
            ("organisation", "organisations"),
            false,
        ),
        (
            &changes.offers,
            ("offre", "offres"),
            ("offer", "offers"),
            true,
        ),
        (
            &changes.relations,
            ("relation", "relations"),
            ("relation", "relations"),
            true,
        ),
    ];
    for (count, fr, en, feminine) in kinds {
        let verbs = [
            (count.added, ("ajouté", "ajoutée"), "added"),
            (count.removed, ("supprimé", "supprimée"), "deleted"),
            (count.changed, ("modifié", "modifiée"), "changed"),
        ];
        for (n, (masculine, feminine_form), english) in verbs {
            if n == 0 {
                continue;
            }
            let noun = counted(lang, n, fr, en);
            parts.push(match lang {
                Lang::Fr => {
                    let verb = if feminine { feminine_form } else { masculine };
                    format!("{noun} {verb}{}", if n > 1 { "s" } else { "" })
                }
                Lang::En => format!("{noun} {english}"),
            });
        }
    }
    match lang {
        Lang::Fr => format!("Depuis l'ouverture : {}.", join(&parts, ", ")),
        Lang::En => format!("Since it was opened: {}.", join(&parts, ", ")),
    }
}

pub fn start_label(lang: Lang, point: StartPoint) -> &'static str {
    match (point, lang) {
        (StartPoint::MentalHealthRange, Lang::Fr) => {
            "Gamme de référence en santé mentale (MSSS 2002) — paliers et services"
        }
        (StartPoint::MentalHealthRange, Lang::En) => {
            "Mental health reference range (MSSS 2002) — tiers and services"
        }
        (StartPoint::YouthRange, Lang::Fr) => {
            "Gamme jeunes en difficulté et familles — paliers et services"
        }
        (StartPoint::YouthRange, Lang::En) => {
            "Youth in difficulty and families range — tiers and services"
        }
        (StartPoint::Empty, Lang::Fr) => "Gamme vide",
        (StartPoint::Empty, Lang::En) => "Empty range",
        (StartPoint::MentalHealthExample, Lang::Fr) => {
            "Exemple complet en santé mentale (territoire fictif)"
        }
        (StartPoint::MentalHealthExample, Lang::En) => {
            "Complete mental health example (fictitious territory)"
        }
        (StartPoint::YouthExample, Lang::Fr) => "Exemple complet jeunesse (territoire fictif)",
        (StartPoint::YouthExample, Lang::En) => "Complete youth example (fictitious territory)",
    }
}

pub fn scale_label(lang: Lang, scale: BuiltInScale) -> &'static str {
    match (scale, lang) {
        (BuiltInScale::FiveSteps, Lang::Fr) => {
            "Cinq étapes : communication, coopération, coordination, coalition, intégration"
        }
        (BuiltInScale::FiveSteps, Lang::En) => {
            "Five steps: communication, cooperation, coordination, coalition, integration"
        }
        (BuiltInScale::Fleury, Lang::Fr) => {
            "Fleury (2006) : ajustement mutuel, alliance, intégration"
        }
        (BuiltInScale::Fleury, Lang::En) => {
            "Fleury (2006): mutual adjustment, alliance, integration"
        }
    }
}

/// Where in the range the value at a JSON path is, in words: "Service « Logement
/// social »", "Organisme « CLSC »", "Relation : A – B"… (the path itself when it names
/// nothing the editor shows).
pub fn place_of(config: &Config, path: &str, lang: Lang) -> String {
    let index = |prefix: &str| super::draft::item_index(path, prefix);
    let name = |t: &Text| t.get(lang).to_string();
    let (fr, en, what) = if let Some(i) = index("$.tiers[") {
        (
            "Palier",
            "Tier",
            config.tiers.get(i).map(|t| name(&t.label)),
        )
    } else if let Some(i) = index("$.services[") {
        (
            "Service",
            "Service",
            config.services.get(i).map(|s| name(&s.label)),
        )
    } else if let Some(i) = index("$.providers[") {
        (
            "Organisme",
            "Organisation",
            config.providers.get(i).map(|p| name(&p.name)),
        )
    } else if let Some(i) = index("$.offers[") {
        let offer = config.offers.get(i);
        let of = |id: &str, names: Option<String>| names.unwrap_or_else(|| id.to_string());
        let what = offer.map(|o| {
            let provider = of(
                &o.provider,
                config.provider(&o.provider).map(|p| name(&p.name)),
            );
            let service = of(
                &o.service,
                config.service(&o.service).map(|s| name(&s.label)),
            );
            format!("{provider} — {service}")
        });
        ("Offre", "Offer", what)
    } else if let Some(i) = index("$.continuum.relations[") {
        let relation = super::draft::relations(config).get(i);
        let what = relation.map(|r| {
            let named = |id: &String| config.provider(id).map_or(id.clone(), |p| name(&p.name));
            format!("{} – {}", named(&r.providers[0]), named(&r.providers[1]))
        });
        ("Relation", "Relation", what)
    } else if path.starts_with("$.territory") {
        return pick(lang, "Territoire", "Territory").into();
    } else if path.starts_with("$.continuum") {
        return pick(lang, "Continuum", "Continuum").into();
    } else {
        return path.to_string();
    };
    let kind = pick(lang, fr, en);
    match (what, lang) {
        (Some(what), Lang::Fr) => format!("{kind} « {what} »"),
        (Some(what), Lang::En) => format!("{kind} “{what}”"),
        (None, _) => path.to_string(),
    }
}

/// What a deletion takes with it and what it leaves without a place.
pub fn dependents_text(lang: Lang, d: &Dependents) -> String {
    if d.is_empty() {
        return match lang {
            Lang::Fr => "Rien d'autre n'en dépend.".into(),
            Lang::En => "Nothing else depends on it.".into(),
        };
    }
    let mut parts: Vec<String> = Vec::new();
    let mut say = |n: usize, fr: String, en: String| {
        if n > 0 {
            parts.push(if lang == Lang::Fr { fr } else { en });
        }
    };
    say(
        d.services,
        format!(
            "ses {} iront dans le palier choisi ci-dessous",
            service_count(lang, d.services)
        ),
        format!(
            "its {} will go to the tier chosen below",
            service_count(lang, d.services)
        ),
    );
    say(
        d.offers,
        format!(
            "{} supprimée{}",
            offer_count(lang, d.offers),
            if d.offers > 1 { "s" } else { "" }
        ),
        format!("{} deleted", offer_count(lang, d.offers)),
    );
    say(
        d.relations,
        format!(
            "{} du continuum touchée{}",
            counted(lang, d.relations, ("relation", "relations"), ("", "")),
            if d.relations > 1 { "s" } else { "" }
        ),
        format!(
            "{} of the continuum affected",
            counted(lang, d.relations, ("", ""), ("relation", "relations"))
        ),
    );
    say(
        d.gaps,
        format!("{} de la session d'atelier gardé{} dans ce navigateur perdront leur place (ils restent dans la session, comme écarts orphelins)", counted(lang, d.gaps, ("écart", "écarts"), ("", "")), if d.gaps > 1 { "s" } else { "" }),
        format!("{} of the workshop session kept in this browser will lose their place (they stay in the session, as orphaned gaps)", counted(lang, d.gaps, ("", ""), ("gap", "gaps"))),
    );
    say(
        usize::from(d.coverage),
        "la couverture évaluée en atelier perdra son service".into(),
        "the coverage assessed in the workshop will lose its service".into(),
    );
    say(
        d.session_relations,
        format!(
            "{} réglée{} en atelier perdront un partenaire",
            counted(
                lang,
                d.session_relations,
                ("relation", "relations"),
                ("", "")
            ),
            if d.session_relations > 1 { "s" } else { "" }
        ),
        format!(
            "{} set in the workshop will lose a partner",
            counted(
                lang,
                d.session_relations,
                ("", ""),
                ("relation", "relations")
            )
        ),
    );
    match lang {
        Lang::Fr => format!("Ce qui en dépend : {}.", join(&parts, " ; ")),
        Lang::En => format!("What depends on it: {}.", join(&parts, "; ")),
    }
}

pub fn refusal_text(lang: Lang, refusal: &Refusal) -> String {
    let t = editor_text(lang);
    match (refusal, lang) {
        (Refusal::EmptyId, _) => t.id_empty.into(),
        (Refusal::IdTaken { id }, _) => t.id_taken.replace("{}", id),
        (Refusal::EmptyLabel, Lang::Fr) => "Donnez d'abord un nom.".into(),
        (Refusal::EmptyLabel, Lang::En) => "Give a name first.".into(),
        (Refusal::TierHasServices { services }, Lang::Fr) => format!(
            "Ce palier a {} : choisissez le palier où les déplacer.",
            service_count(lang, *services)
        ),
        (Refusal::TierHasServices { services }, Lang::En) => format!(
            "This tier has {}: choose the tier to move them to.",
            service_count(lang, *services)
        ),
        (Refusal::Gone, Lang::Fr) => "Cet élément n'existe plus.".into(),
        (Refusal::Gone, Lang::En) => "This item no longer exists.".into(),
        (Refusal::Unchanged, Lang::Fr) => "Rien à changer.".into(),
        (Refusal::Unchanged, Lang::En) => "Nothing to change.".into(),
    }
}

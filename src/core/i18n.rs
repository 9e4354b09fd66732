//! The catalogue of every interface string, in French (first) and English. A catalogue
//! is a struct, so a string missing in one language does not compile.

use super::figures::ServiceStatus;
use super::gaps::{Barrier, Coverage, GapKind, GapSeverity, Perspective};
use super::model::{AccessRoute, Aspect, Availability, Mechanism, ProviderKind, TerritoryKind};
use super::problems::{Expected, LinkKind, Problem, ProblemKind, Referent, SyntaxError};
use super::session::{Orphans, SessionProblem};
use super::text::{join, Lang};

/// Fixed interface strings of one language.
pub struct Catalogue {
    pub widget_label: &'static str,
    pub example_badge: &'static str,
    pub example_notice: &'static str,
    pub population_served: &'static str,
    pub inhabitants: &'static str,
    pub other_language: &'static str,
    pub other_language_name: &'static str,
    pub switch_language: &'static str,
    pub legend: &'static str,
    pub legend_intro: &'static str,
    pub tier_services: &'static str,
    pub no_service_in_tier: &'static str,
    pub nothing_found_in_tier: &'static str,
    pub search_title: &'static str,
    pub search_label: &'static str,
    pub search_hint: &'static str,
    pub filter_tier: &'static str,
    pub all_tiers: &'static str,
    pub filter_kind: &'static str,
    pub all_kinds: &'static str,
    pub clear_search: &'static str,
    pub description: &'static str,
    pub examples: &'static str,
    pub providers: &'static str,
    pub no_provider_detail: &'static str,
    pub availability: &'static str,
    pub access: &'static str,
    pub eligibility: &'static str,
    pub how_to_apply: &'static str,
    pub hours: &'static str,
    pub contact: &'static str,
    pub phone: &'static str,
    pub email: &'static str,
    pub web: &'static str,
    pub address: &'static str,
    pub languages: &'static str,
    pub close: &'static str,
    pub criteria: &'static str,
    pub config_error_title: &'static str,
    pub config_error_intro: &'static str,
    pub config_warnings: &'static str,
    /// After the count of problems not listed.
    pub more_problems: &'static str,
    pub crash_title: &'static str,
    pub crash_body: &'static str,
    /// The colon as each language writes it (French puts a space before it).
    pub colon: &'static str,
}

pub const FR: Catalogue = Catalogue {
    widget_label: "Gamme de services",
    example_badge: "Exemple",
    example_notice:
        "Territoire fictif, à titre d'exemple : les organismes et coordonnées ne sont pas réels.",
    population_served: "Population desservie",
    inhabitants: "habitants",
    other_language: "English",
    other_language_name: "en",
    switch_language: "Afficher en anglais",
    legend: "Légende",
    legend_intro: "Chaque service indique s'il est offert sur le territoire :",
    tier_services: "services",
    no_service_in_tier: "Aucun service dans ce palier.",
    nothing_found_in_tier: "Aucun service de ce palier ne correspond à la recherche.",
    search_title: "Trouver un service",
    search_label: "Rechercher",
    search_hint: "Un mot, en français ou en anglais : « logement », « crise », « housing »…",
    filter_tier: "Palier",
    all_tiers: "Tous les paliers",
    filter_kind: "Type d'organisme",
    all_kinds: "Tous les types",
    clear_search: "Effacer la recherche",
    description: "Description",
    examples: "Exemples",
    providers: "Qui offre ce service",
    no_provider_detail: "Aucun organisme n'offre ce service sur le territoire.",
    availability: "Disponibilité",
    access: "Comment y accéder",
    eligibility: "Admissibilité",
    how_to_apply: "Pour y accéder",
    hours: "Heures d’ouverture",
    contact: "Coordonnées",
    phone: "Téléphone",
    email: "Courriel",
    web: "Site Web",
    address: "Adresse",
    languages: "Langues de service",
    close: "Fermer",
    criteria: "Critères du palier",
    config_error_title: "La configuration ne peut pas être affichée",
    config_error_intro: "Corrigez ces problèmes dans la configuration JSON :",
    config_warnings: "Avertissements de configuration",
    more_problems: "autres problèmes, non listés : corrigez d'abord ceux-ci.",
    crash_title: "Le widget s'est arrêté",
    crash_body: "Une erreur interne l'a interrompu. Rechargez la page; si l'erreur revient, signalez-la à l'équipe qui gère ce site.",
    colon: "\u{a0}: ",
};

pub const EN: Catalogue = Catalogue {
    widget_label: "Range of services",
    example_badge: "Example",
    example_notice:
        "Fictional territory, for illustration: organisations and contact details are not real.",
    population_served: "Population served",
    inhabitants: "inhabitants",
    other_language: "Français",
    other_language_name: "fr",
    switch_language: "Show in French",
    legend: "Legend",
    legend_intro: "Each service shows whether it is offered on the territory:",
    tier_services: "services",
    no_service_in_tier: "No service in this tier.",
    nothing_found_in_tier: "No service of this tier matches the search.",
    search_title: "Find a service",
    search_label: "Search",
    search_hint: "A word, in English or French: “housing”, “crisis”, “logement”…",
    filter_tier: "Tier",
    all_tiers: "All tiers",
    filter_kind: "Kind of organisation",
    all_kinds: "All kinds",
    clear_search: "Clear the search",
    description: "Description",
    examples: "Examples",
    providers: "Who offers this service",
    no_provider_detail: "No organisation offers this service on the territory.",
    availability: "Availability",
    access: "How to get there",
    eligibility: "Eligibility",
    how_to_apply: "How to apply",
    hours: "Opening hours",
    contact: "Contact",
    phone: "Phone",
    email: "Email",
    web: "Website",
    address: "Address",
    languages: "Service languages",
    close: "Close",
    criteria: "Tier criteria",
    config_error_title: "The configuration cannot be shown",
    config_error_intro: "Fix these problems in the JSON configuration:",
    config_warnings: "Configuration warnings",
    more_problems: "more problems, not listed: fix these first.",
    crash_title: "The widget stopped",
    crash_body: "An internal error interrupted it. Reload the page; if the error comes back, report it to the team that runs this site.",
    colon: ": ",
};

/// Strings of the workshop tools (gaps, inventory, sessions, exports): a catalogue of their
/// own so that the view build, which has no workshop, does not carry them.
pub struct WorkshopText {
    pub inventory_title: &'static str,
    pub exported_on: &'static str,
    pub coverage_by_tier: &'static str,
    pub top_priorities: &'static str,
    pub uncovered_services: &'static str,
    pub other_needs: &'static str,
    pub orphaned: &'static str,
    pub proposed_actions: &'static str,
    pub no_gaps: &'static str,
    pub no_actions: &'static str,
    pub whole_tier: &'static str,
    pub col_tier: &'static str,
    pub col_service: &'static str,
    pub col_line: &'static str,
    pub line_gap: &'static str,
    pub line_uncovered: &'static str,
    pub col_kind: &'static str,
    pub col_barrier: &'static str,
    pub col_severity: &'static str,
    pub col_population: &'static str,
    pub col_perspective: &'static str,
    pub col_impact: &'static str,
    pub col_feasibility: &'static str,
    pub col_priority: &'static str,
    pub col_coverage: &'static str,
    pub col_action: &'static str,
    pub col_note: &'static str,
    pub col_author: &'static str,
    pub col_created: &'static str,
    pub col_modified: &'static str,
    pub view_inventory: &'static str,
    pub views_label: &'static str,
    pub tools_label: &'static str,
    pub participant_label: &'static str,
    pub participant_name: &'static str,
    pub participant_perspective: &'static str,
    pub participant_hint: &'static str,
    pub any_perspective: &'static str,
    pub projector: &'static str,
    pub undo: &'static str,
    pub redo: &'static str,
    pub session_save: &'static str,
    pub session_open: &'static str,
    pub session_new: &'static str,
    pub export_csv: &'static str,
    pub export_html: &'static str,
    pub export_md: &'static str,
    pub storage_failed: &'static str,
    pub dismiss: &'static str,
    pub notice_new: &'static str,
    pub confirm_new_title: &'static str,
    pub confirm_new_body: &'static str,
    pub confirm_save_first: &'static str,
    pub confirm_new: &'static str,
    pub cancel: &'static str,
    pub add_gap: &'static str,
    pub add_tier_gap: &'static str,
    pub add_other_need: &'static str,
    pub gaps_heading: &'static str,
    pub edit: &'static str,
    pub delete: &'static str,
    pub form_title_new: &'static str,
    pub form_title_edit: &'static str,
    pub form_about: &'static str,
    pub form_perspective: &'static str,
    pub form_action: &'static str,
    pub form_need: &'static str,
    pub form_impact: &'static str,
    pub form_feasibility: &'static str,
    pub form_author: &'static str,
    pub save: &'static str,
    pub coverage_assessed: &'static str,
    pub coverage_from_offers: &'static str,
    pub filters: &'static str,
    pub filter_all: &'static str,
    pub min_priority: &'static str,
    pub inventory_caption: &'static str,
    pub inventory_empty: &'static str,
    pub col_actions: &'static str,
    pub sort_hint: &'static str,
    pub view_continuum: &'static str,
    pub view_matrix: &'static str,
    pub view_network: &'static str,
    pub no_relation: &'static str,
    pub indicators: &'static str,
    pub ind_density: &'static str,
    pub ind_mean: &'static str,
    pub ind_below_target: &'static str,
    pub ind_isolated: &'static str,
    pub ind_most_used: &'static str,
    pub ind_least_used: &'static str,
    pub none_word: &'static str,
    pub col_relation: &'static str,
    pub col_provider: &'static str,
    pub col_level: &'static str,
    pub col_target: &'static str,
    pub col_mechanisms: &'static str,
    pub col_services: &'static str,
    pub col_count: &'static str,
    pub col_share: &'static str,
    pub collab_gaps: &'static str,
    pub line_collab_gap: &'static str,
    pub orphaned_relations: &'static str,
    pub no_collab_gaps: &'static str,
    pub relation_form_title: &'static str,
    pub edit_relation: &'static str,
    pub no_target: &'static str,
    pub matrix_caption: &'static str,
    pub matrix_rows: &'static str,
    pub matrix_columns: &'static str,
    pub all_kinds: &'static str,
    pub matrix_hint: &'static str,
    pub graph_label: &'static str,
    pub graph_hint: &'static str,
    pub relations_caption: &'static str,
    pub show_every_relation: &'static str,
    pub relation_with: &'static str,
    pub set_relation: &'static str,
    pub relations_between_providers: &'static str,
    pub no_pair_of_providers: &'static str,
    pub target_word: &'static str,
    pub criteria_heading: &'static str,
    pub continuum_caption: &'static str,
    pub legend_levels: &'static str,
}

pub const FR_WORKSHOP: WorkshopText = WorkshopText {
    inventory_title: "Inventaire des besoins non comblés et des services à mettre en place",
    exported_on: "Exporté le",
    coverage_by_tier: "Couverture par palier",
    top_priorities: "Priorités",
    uncovered_services: "Services non couverts",
    other_needs: "Besoins hors gamme",
    orphaned: "Écarts orphelins (service ou palier retiré de la configuration)",
    proposed_actions: "Services à mettre en place et actions proposées",
    no_gaps: "Aucun écart inscrit.",
    no_actions: "Aucune action proposée pour l'instant.",
    whole_tier: "Tout le palier",
    col_tier: "Palier",
    col_service: "Service",
    col_line: "Ligne",
    line_gap: "Écart",
    line_uncovered: "Service non couvert",
    col_kind: "Nature de l'écart",
    col_barrier: "Obstacle",
    col_severity: "Gravité",
    col_population: "Population touchée",
    col_perspective: "Perspective",
    col_impact: "Impact (1-5)",
    col_feasibility: "Faisabilité (1-5)",
    col_priority: "Priorité (1-25)",
    col_coverage: "Couverture",
    col_action: "Action proposée",
    col_note: "Note",
    col_author: "Auteur",
    col_created: "Créé",
    col_modified: "Modifié",
    view_inventory: "Inventaire des besoins",
    views_label: "Affichage",
    tools_label: "Outils de l'atelier",
    participant_label: "Participant ou participante",
    participant_name: "Nom",
    participant_perspective: "Perspective",
    participant_hint: "Les écarts ajoutés portent ce nom et cette perspective.",
    any_perspective: "Choisie à chaque écart",
    projector: "Grand affichage (projecteur)",
    undo: "Défaire",
    redo: "Refaire",
    session_save: "Enregistrer la session",
    session_open: "Ouvrir une session",
    session_new: "Nouvelle session",
    export_csv: "Exporter (CSV)",
    export_html: "Rapport (HTML)",
    export_md: "Rapport (Markdown)",
    storage_failed: "L'enregistrement automatique ne fonctionne pas dans ce navigateur (stockage plein ou bloqué). Vos saisies restent ici tant que la page est ouverte : enregistrez la session pour ne rien perdre.",
    dismiss: "Fermer le message",
    notice_new: "Nouvelle session commencée. « Défaire » ramène la précédente.",
    confirm_new_title: "Commencer une nouvelle session ?",
    confirm_new_body: "Les écarts et les évaluations de la session actuelle seront retirés. Enregistrez-la d'abord pour la garder dans un fichier.",
    confirm_save_first: "Enregistrer d'abord",
    confirm_new: "Commencer une nouvelle session",
    cancel: "Annuler",
    add_gap: "Signaler un écart",
    add_tier_gap: "Signaler un écart pour tout le palier",
    add_other_need: "Ajouter un besoin hors gamme",
    gaps_heading: "Écarts signalés",
    edit: "Modifier",
    delete: "Supprimer",
    form_title_new: "Signaler un écart",
    form_title_edit: "Modifier l'écart",
    form_about: "Concerne",
    form_perspective: "Selon la perspective de",
    form_action: "Service ou action à mettre en place",
    form_need: "Description du besoin",
    form_impact: "Impact (1 = faible, 5 = fort)",
    form_feasibility: "Faisabilité (1 = difficile, 5 = facile)",
    form_author: "Inscrit par (facultatif)",
    save: "Enregistrer",
    coverage_assessed: "Couverture évaluée",
    coverage_from_offers: "Selon les offres",
    filters: "Filtrer l'inventaire",
    filter_all: "Tous",
    min_priority: "Priorité minimale",
    inventory_caption: "Écarts et services non couverts, par palier",
    inventory_empty: "Aucune ligne ne correspond aux filtres.",
    col_actions: "Actions",
    sort_hint: "Cliquez un titre de colonne pour trier.",
    view_continuum: "Continuum de collaboration",
    view_matrix: "Matrice des partenaires",
    view_network: "Réseau des partenaires",
    no_relation: "Aucune relation",
    indicators: "Indicateurs de collaboration",
    ind_density: "Densité (paires de partenaires en relation)",
    ind_mean: "Niveau moyen des relations",
    ind_below_target: "Relations sous leur cible",
    ind_isolated: "Partenaires sans aucune relation",
    ind_most_used: "Mécanismes les plus utilisés",
    ind_least_used: "Mécanismes les moins utilisés",
    none_word: "Aucun",
    col_relation: "Relation",
    col_provider: "Partenaire",
    col_level: "Niveau actuel",
    col_target: "Niveau visé",
    col_mechanisms: "Mécanismes",
    col_services: "Services concernés",
    col_count: "Relations",
    col_share: "Part",
    collab_gaps: "Écarts de collaboration (cible au-dessus du niveau actuel)",
    line_collab_gap: "Écart de collaboration",
    orphaned_relations: "Relations orphelines (partenaire ou niveau retiré de la configuration)",
    no_collab_gaps: "Aucun écart de collaboration.",
    relation_form_title: "Relation entre partenaires",
    edit_relation: "Modifier la relation",
    no_target: "Aucune cible",
    matrix_caption: "Niveau de collaboration de chaque paire de partenaires, par type d'organisation",
    matrix_rows: "Lignes",
    matrix_columns: "Colonnes",
    all_kinds: "Tous les types",
    matrix_hint: "Les flèches passent d'une case à l'autre; Entrée modifie la relation.",
    graph_label: "Graphe des relations entre partenaires",
    graph_hint: "Les flèches passent d'un partenaire à l'autre; Entrée le sélectionne et montre ses relations dans le tableau.",
    relations_caption: "Relations entre partenaires (le graphe en tableau)",
    show_every_relation: "Voir toutes les relations",
    relation_with: "Relation avec",
    set_relation: "Définir la relation",
    relations_between_providers: "Relations entre ses fournisseurs",
    no_pair_of_providers: "Un seul fournisseur ou aucun : pas de relation à décrire.",
    target_word: "cible",
    criteria_heading: "Critères",
    continuum_caption: "Relations par niveau du continuum",
    legend_levels: "Le trait des liens s'épaissit et devient plein à mesure que la collaboration s'intensifie.",
};

pub const EN_WORKSHOP: WorkshopText = WorkshopText {
    inventory_title: "Inventory of unmet needs and services to put in place",
    exported_on: "Exported on",
    coverage_by_tier: "Coverage by tier",
    top_priorities: "Top priorities",
    uncovered_services: "Services not covered",
    other_needs: "Needs outside the range",
    orphaned: "Orphaned gaps (service or tier removed from the configuration)",
    proposed_actions: "Services to put in place and proposed actions",
    no_gaps: "No gap recorded.",
    no_actions: "No action proposed yet.",
    whole_tier: "Whole tier",
    col_tier: "Tier",
    col_service: "Service",
    col_line: "Line",
    line_gap: "Gap",
    line_uncovered: "Service not covered",
    col_kind: "Kind of gap",
    col_barrier: "Barrier",
    col_severity: "Severity",
    col_population: "Population affected",
    col_perspective: "Perspective",
    col_impact: "Impact (1-5)",
    col_feasibility: "Feasibility (1-5)",
    col_priority: "Priority (1-25)",
    col_coverage: "Coverage",
    col_action: "Proposed action",
    col_note: "Note",
    col_author: "Author",
    col_created: "Created",
    col_modified: "Modified",
    view_inventory: "Inventory of needs",
    views_label: "View",
    tools_label: "Workshop tools",
    participant_label: "Participant",
    participant_name: "Name",
    participant_perspective: "Perspective",
    participant_hint: "The gaps you add carry this name and perspective.",
    any_perspective: "Chosen for each gap",
    projector: "Large display (projector)",
    undo: "Undo",
    redo: "Redo",
    session_save: "Save session",
    session_open: "Open a session",
    session_new: "New session",
    export_csv: "Export (CSV)",
    export_html: "Report (HTML)",
    export_md: "Report (Markdown)",
    storage_failed: "Autosave does not work in this browser (storage full or blocked). What you entered stays here while the page is open: save the session so that nothing is lost.",
    dismiss: "Dismiss",
    notice_new: "New session started. “Undo” brings the previous one back.",
    confirm_new_title: "Start a new session?",
    confirm_new_body: "The gaps and assessments of the current session will be cleared. Save it first to keep it in a file.",
    confirm_save_first: "Save it first",
    confirm_new: "Start a new session",
    cancel: "Cancel",
    add_gap: "Report a gap",
    add_tier_gap: "Report a gap for the whole tier",
    add_other_need: "Add a need outside the range",
    gaps_heading: "Gaps reported",
    edit: "Edit",
    delete: "Delete",
    form_title_new: "Report a gap",
    form_title_edit: "Edit the gap",
    form_about: "About",
    form_perspective: "From the perspective of",
    form_action: "Service or action to put in place",
    form_need: "Description of the need",
    form_impact: "Impact (1 = low, 5 = high)",
    form_feasibility: "Feasibility (1 = hard, 5 = easy)",
    form_author: "Entered by (optional)",
    save: "Save",
    coverage_assessed: "Assessed coverage",
    coverage_from_offers: "From the offers",
    filters: "Filter the inventory",
    filter_all: "All",
    min_priority: "Minimum priority",
    inventory_caption: "Gaps and services not covered, by tier",
    inventory_empty: "No line matches the filters.",
    col_actions: "Actions",
    sort_hint: "Choose a column title to sort.",
    view_continuum: "Continuum of collaboration",
    view_matrix: "Partner matrix",
    view_network: "Partner network",
    no_relation: "No relation",
    indicators: "Collaboration indicators",
    ind_density: "Density (pairs of partners in a relation)",
    ind_mean: "Mean level of the relations",
    ind_below_target: "Relations below their target",
    ind_isolated: "Partners with no relation at all",
    ind_most_used: "Most used mechanisms",
    ind_least_used: "Least used mechanisms",
    none_word: "None",
    col_relation: "Relation",
    col_provider: "Partner",
    col_level: "Current level",
    col_target: "Target level",
    col_mechanisms: "Mechanisms",
    col_services: "Services concerned",
    col_count: "Relations",
    col_share: "Share",
    collab_gaps: "Collaboration gaps (target above the current level)",
    line_collab_gap: "Collaboration gap",
    orphaned_relations: "Orphaned relations (partner or level removed from the configuration)",
    no_collab_gaps: "No collaboration gap.",
    relation_form_title: "Relation between partners",
    edit_relation: "Edit the relation",
    no_target: "No target",
    matrix_caption: "Collaboration level of each pair of partners, by kind of organisation",
    matrix_rows: "Rows",
    matrix_columns: "Columns",
    all_kinds: "All kinds",
    matrix_hint: "Arrow keys move between cells; Enter edits the relation.",
    graph_label: "Graph of the relations between partners",
    graph_hint: "Arrow keys move between partners; Enter selects one and shows its relations in the table.",
    relations_caption: "Relations between partners (the graph as a table)",
    show_every_relation: "Show every relation",
    relation_with: "Relation with",
    set_relation: "Set the relation",
    relations_between_providers: "Relations between its providers",
    no_pair_of_providers: "One provider or none: no relation to describe.",
    target_word: "target",
    criteria_heading: "Criteria",
    continuum_caption: "Relations by level of the continuum",
    legend_levels: "Links get thicker and solid as collaboration grows stronger.",
};

/// The workshop catalogue of a language.
pub fn workshop_text(lang: Lang) -> &'static WorkshopText {
    match lang {
        Lang::Fr => &FR_WORKSHOP,
        Lang::En => &EN_WORKSHOP,
    }
}

/// The catalogue of a language.
pub fn catalogue(lang: Lang) -> &'static Catalogue {
    match lang {
        Lang::Fr => &FR,
        Lang::En => &EN,
    }
}

/// The French or the English of a pair of strings.
pub fn pick(lang: Lang, fr: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Fr => fr,
        Lang::En => en,
    }
}

/// "12 of 24 services have at least one available provider", for a tier.
pub fn tier_coverage(lang: Lang, available: usize, total: usize) -> String {
    match lang {
        Lang::Fr => {
            format!("{available} sur {total} services avec au moins un fournisseur disponible")
        }
        Lang::En => format!("{available} of {total} services with at least one available provider"),
    }
}

/// "12 services found", after a search.
pub fn services_found(lang: Lang, n: usize) -> String {
    match (lang, n) {
        (Lang::Fr, 0) => "Aucun service trouvé.".into(),
        (Lang::Fr, 1) => "1 service trouvé.".into(),
        (Lang::Fr, n) => format!("{n} services trouvés."),
        (Lang::En, 0) => "No service found.".into(),
        (Lang::En, 1) => "1 service found.".into(),
        (Lang::En, n) => format!("{n} services found."),
    }
}

/// "64 of 1,667 services shown", under a long tier.
pub fn services_shown(lang: Lang, shown: usize, total: usize) -> String {
    match lang {
        Lang::Fr => format!("{shown} services affichés sur {total}."),
        Lang::En => format!("{shown} of {total} services shown."),
    }
}

/// The button that shows the next services of a long tier.
pub fn show_more_services(lang: Lang, more: usize) -> String {
    match lang {
        Lang::Fr => format!("Afficher {more} services de plus"),
        Lang::En => format!("Show {more} more services"),
    }
}

/// "3 providers", "1 provider", "no provider".
pub fn provider_count(lang: Lang, n: usize) -> String {
    match (lang, n) {
        (Lang::Fr, 0) => "Aucun fournisseur".into(),
        (Lang::Fr, 1) => "1 fournisseur".into(),
        (Lang::Fr, n) => format!("{n} fournisseurs"),
        (Lang::En, 0) => "No provider".into(),
        (Lang::En, 1) => "1 provider".into(),
        (Lang::En, n) => format!("{n} providers"),
    }
}

/// A population figure with thin grouping as each language writes it (42 000 / 42,000).
pub fn population(lang: Lang, n: u64) -> String {
    let digits = n.to_string();
    let separator = pick(lang, "\u{202f}", ",");
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push_str(separator);
        }
        out.push(c);
    }
    format!("{out} {}", catalogue(lang).inhabitants)
}

pub fn status_label(lang: Lang, status: ServiceStatus) -> &'static str {
    match status {
        ServiceStatus::Available => pick(lang, "Disponible", "Available"),
        ServiceStatus::Partial => pick(lang, "Offert en partie", "Partly offered"),
        ServiceStatus::WaitingList => pick(lang, "Liste d'attente", "Waiting list"),
        ServiceStatus::Planned => pick(lang, "Prévu", "Planned"),
        ServiceStatus::NoProvider => pick(lang, "Aucun fournisseur", "No provider"),
    }
}

/// What each status means, for the legend.
pub fn status_explanation(lang: Lang, status: ServiceStatus) -> &'static str {
    match status {
        ServiceStatus::Available => pick(
            lang,
            "au moins un organisme l'offre sans restriction",
            "at least one organisation offers it without restriction",
        ),
        ServiceStatus::Partial => pick(
            lang,
            "offert en partie seulement (heures, places ou clientèle limitées)",
            "only partly offered (limited hours, places or population)",
        ),
        ServiceStatus::WaitingList => pick(
            lang,
            "offert avec une liste d'attente",
            "offered with a waiting list",
        ),
        ServiceStatus::Planned => {
            pick(lang, "prévu, pas encore offert", "planned, not offered yet")
        }
        ServiceStatus::NoProvider => pick(
            lang,
            "aucun organisme ne l'offre sur le territoire",
            "no organisation offers it on the territory",
        ),
    }
}

pub fn availability_label(lang: Lang, availability: Availability) -> &'static str {
    status_label(lang, availability.into())
}

pub fn access_label(lang: Lang, access: AccessRoute) -> &'static str {
    match access {
        AccessRoute::Direct => pick(
            lang,
            "Accès direct (sans référence)",
            "Direct access (no referral needed)",
        ),
        AccessRoute::SingleAccessPoint => pick(
            lang,
            "Par le guichet d'accès",
            "Through the single access point",
        ),
        AccessRoute::Referral => pick(
            lang,
            "Sur référence d'un intervenant",
            "On referral by a practitioner",
        ),
        AccessRoute::ServiceCorridor => pick(
            lang,
            "Par un corridor de services",
            "Through a service corridor",
        ),
        AccessRoute::ServiceAgreement => pick(
            lang,
            "Par une entente de services",
            "Through a service agreement",
        ),
        AccessRoute::LiaisonOfficer => {
            pick(lang, "Par un agent de liaison", "Through a liaison officer")
        }
    }
}

pub fn provider_kind_label(lang: Lang, kind: ProviderKind) -> &'static str {
    match kind {
        ProviderKind::PublicEstablishment => {
            pick(lang, "Établissement public", "Public establishment")
        }
        ProviderKind::CommunityOrganisation => {
            pick(lang, "Organisme communautaire", "Community organisation")
        }
        ProviderKind::PrivatePractice => pick(lang, "Pratique privée", "Private practice"),
        ProviderKind::IntersectoralPartner => {
            pick(lang, "Partenaire intersectoriel", "Intersectoral partner")
        }
        ProviderKind::Other => pick(lang, "Autre organisation", "Other organisation"),
    }
}

pub fn territory_kind_label(lang: Lang, kind: TerritoryKind) -> &'static str {
    match kind {
        TerritoryKind::Mrc => pick(lang, "MRC", "Regional county municipality (MRC)"),
        TerritoryKind::ClscTerritory => pick(lang, "Territoire de CLSC", "CLSC territory"),
        TerritoryKind::LocalServiceNetwork => {
            pick(lang, "Réseau local de services", "Local service network")
        }
        TerritoryKind::Neighbourhood => pick(lang, "Quartier", "Neighbourhood"),
        TerritoryKind::Municipality => pick(lang, "Municipalité", "Municipality"),
        TerritoryKind::Region => pick(lang, "Région", "Region"),
        TerritoryKind::Other => pick(lang, "Territoire", "Territory"),
    }
}

/// The name of a service language from its code ("fr" → "français"); unknown codes are
/// shown as written, in capitals.
pub fn language_name(lang: Lang, code: &str) -> String {
    let primary = code
        .split(['-', '_'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    let name = match primary.as_str() {
        "fr" => pick(lang, "français", "French"),
        "en" => pick(lang, "anglais", "English"),
        "es" => pick(lang, "espagnol", "Spanish"),
        "ar" => pick(lang, "arabe", "Arabic"),
        "iu" => pick(lang, "inuktitut", "Inuktitut"),
        "cr" => pick(lang, "cri", "Cree"),
        "lsq" => "LSQ",
        "ase" | "asl" => "ASL",
        _ => return code.to_ascii_uppercase(),
    };
    name.into()
}

/// "line 3, column 7" in the interface language.
pub fn line_column(lang: Lang, line: usize, column: usize) -> String {
    // Written out rather than filled in with `str::replace`, whose string searcher would
    // be the only one in the view bundle.
    match lang {
        Lang::Fr => format!("ligne {line}, colonne {column}"),
        Lang::En => format!("line {line}, column {column}"),
    }
}

fn syntax_error(lang: Lang, error: SyntaxError) -> &'static str {
    match error {
        SyntaxError::Empty => pick(lang, "le texte est vide", "the text is empty"),
        SyntaxError::CommentsNotAllowed => pick(
            lang,
            "les commentaires ne sont pas permis",
            "comments are not allowed",
        ),
        SyntaxError::TrailingComma => pick(
            lang,
            "virgule en trop avant la fermeture",
            "a comma too many before the closing bracket",
        ),
        SyntaxError::ExpectedComma => pick(lang, "une virgule manque", "a comma is missing"),
        SyntaxError::ExpectedColon => pick(
            lang,
            "les deux-points manquent après le nom du champ",
            "a colon is missing after the field name",
        ),
        SyntaxError::ExpectedValue => pick(
            lang,
            "une valeur manque après les deux-points",
            "a value is missing after the colon",
        ),
        SyntaxError::ExpectedPropertyName => pick(
            lang,
            "un nom de champ entre guillemets doubles est attendu",
            "a field name in double quotes is expected",
        ),
        SyntaxError::UnexpectedToken => pick(
            lang,
            "caractère ou mot inattendu (les textes vont entre guillemets doubles)",
            "unexpected character or word (texts go in double quotes)",
        ),
        SyntaxError::BadNumber => pick(lang, "nombre mal écrit", "malformed number"),
        SyntaxError::BadString => pick(
            lang,
            "saut de ligne, tabulation ou séquence d'échappement invalide dans un texte (écrire \\n, \\t)",
            "line break, tab or invalid escape sequence in a text (write \\n, \\t)",
        ),
        SyntaxError::UnterminatedString => pick(
            lang,
            "un texte n'est pas refermé par des guillemets",
            "a text is missing its closing quote",
        ),
        SyntaxError::UnterminatedObject => pick(
            lang,
            "une accolade { n'est pas refermée",
            "a brace { is not closed",
        ),
        SyntaxError::UnterminatedArray => pick(
            lang,
            "un crochet [ n'est pas refermé",
            "a bracket [ is not closed",
        ),
        SyntaxError::SeveralValues => pick(
            lang,
            "le texte contient plus d'une valeur JSON",
            "the text holds more than one JSON value",
        ),
        SyntaxError::TooDeep => pick(lang, "imbrication trop profonde", "nesting too deep"),
    }
}

fn expected_label(lang: Lang, expected: Expected) -> &'static str {
    match expected {
        Expected::String => pick(lang, "une chaîne de caractères", "a string"),
        Expected::Text => pick(
            lang,
            "un texte (chaîne ou {\"fr\": …, \"en\": …})",
            "a text (string or {\"fr\": …, \"en\": …})",
        ),
        Expected::WholeNumber => pick(lang, "un nombre entier positif", "a whole positive number"),
        Expected::Boolean => pick(lang, "true ou false", "true or false"),
        Expected::Object => pick(lang, "un objet { … }", "an object { … }"),
        Expected::Array => pick(lang, "une liste [ … ]", "a list [ … ]"),
        Expected::Pair => pick(
            lang,
            "une liste de deux identifiants de fournisseurs",
            "a list of two provider ids",
        ),
    }
}

/// A problem of a config, in plain words of the interface language.
pub fn problem_message(lang: Lang, problem: &Problem) -> String {
    let referent = |r: Referent| match r {
        Referent::Tier => pick(lang, "palier", "tier"),
        Referent::Service => pick(lang, "service", "service"),
        Referent::Provider => pick(lang, "fournisseur", "provider"),
        Referent::Level => pick(lang, "niveau du continuum", "level of the continuum"),
    };
    match (&problem.kind, lang) {
        (ProblemKind::Syntax { error, .. }, Lang::Fr) => {
            format!(
                "Ce n'est pas du JSON valide : {}.",
                syntax_error(lang, *error)
            )
        }
        (ProblemKind::Syntax { error, .. }, Lang::En) => {
            format!("This is not valid JSON: {}.", syntax_error(lang, *error))
        }
        (ProblemKind::WrongType { expected }, _) => match lang {
            Lang::Fr => format!(
                "Type incorrect : on attend {}.",
                expected_label(lang, *expected)
            ),
            Lang::En => format!(
                "Wrong type: {} is expected.",
                expected_label(lang, *expected)
            ),
        },
        (ProblemKind::UnknownValue { value, allowed }, Lang::Fr) => format!(
            "« {value} » n'est pas une valeur permise ({}).",
            join(allowed, ", ")
        ),
        (ProblemKind::UnknownValue { value, allowed }, Lang::En) => format!(
            "\"{value}\" is not an allowed value ({}).",
            join(allowed, ", ")
        ),
        (ProblemKind::MissingField { field }, Lang::Fr) => {
            format!("Le champ obligatoire « {field} » manque.")
        }
        (ProblemKind::MissingField { field }, Lang::En) => {
            format!("The required field \"{field}\" is missing.")
        }
        (ProblemKind::UnsupportedVersion { found }, Lang::Fr) => format!(
            "Version {found} non prise en charge : cette version du widget lit la version 1."
        ),
        (ProblemKind::UnsupportedVersion { found }, Lang::En) => {
            format!("Version {found} is not supported: this widget reads version 1.")
        }
        (ProblemKind::DuplicateKey { key }, Lang::Fr) => {
            format!("Le champ « {key} » est écrit deux fois dans le même objet.")
        }
        (ProblemKind::DuplicateKey { key }, Lang::En) => {
            format!("The field \"{key}\" is written twice in the same object.")
        }
        (ProblemKind::DuplicateId { id, first }, Lang::Fr) => {
            format!("L'identifiant « {id} » est déjà utilisé en {first}.")
        }
        (ProblemKind::DuplicateId { id, first }, Lang::En) => {
            format!("The id \"{id}\" is already used at {first}.")
        }
        (ProblemKind::UnknownReference { referent: r, id }, Lang::Fr) => {
            format!("Aucun {} n'a l'identifiant « {id} ».", referent(*r))
        }
        (ProblemKind::UnknownReference { referent: r, id }, Lang::En) => {
            format!("No {} has the id \"{id}\".", referent(*r))
        }
        (ProblemKind::EmptyText, Lang::Fr) => "Ce texte est vide.".into(),
        (ProblemKind::EmptyText, Lang::En) => "This text is empty.".into(),
        (ProblemKind::BadLink { link, value }, Lang::Fr) => format!(
            "« {value} » n'est pas {}.",
            match link {
                LinkKind::Web => "une adresse Web en https:// ou http://",
                LinkKind::Email => "une adresse courriel valide",
                LinkKind::Phone => "un numéro de téléphone valide",
            }
        ),
        (ProblemKind::BadLink { link, value }, Lang::En) => format!(
            "\"{value}\" is not {}.",
            match link {
                LinkKind::Web => "a web address starting with https:// or http://",
                LinkKind::Email => "a valid email address",
                LinkKind::Phone => "a valid phone number",
            }
        ),
        (ProblemKind::UnknownField { field }, Lang::Fr) => {
            format!("Champ inconnu « {field} », ignoré (faute de frappe ?).")
        }
        (ProblemKind::UnknownField { field }, Lang::En) => {
            format!("Unknown field \"{field}\", ignored (a typo?).")
        }
        (ProblemKind::DuplicateOffer { provider, service }, Lang::Fr) => {
            format!("L'offre de « {service} » par « {provider} » est déjà décrite.")
        }
        (ProblemKind::DuplicateOffer { provider, service }, Lang::En) => {
            format!("The offer of \"{service}\" by \"{provider}\" is already described.")
        }
        (ProblemKind::EmptyTier { tier }, Lang::Fr) => {
            format!("Le palier « {tier} » n'a aucun service.")
        }
        (ProblemKind::EmptyTier { tier }, Lang::En) => {
            format!("The tier \"{tier}\" has no service.")
        }
        (ProblemKind::NoServices, Lang::Fr) => "La liste des services est vide.".into(),
        (ProblemKind::NoServices, Lang::En) => "The list of services is empty.".into(),
        (ProblemKind::NoConfig, Lang::Fr) => "Aucune configuration n'a été donnée au widget (l'attribut config, ou le 2e argument de mount()). Le paquet de consultation n'inclut pas la gamme d'exemple.".into(),
        (ProblemKind::NoConfig, Lang::En) => "No configuration was given to the widget (the config attribute, or the 2nd argument of mount()). The view bundle does not include the example range.".into(),
        (ProblemKind::RelationWithItself { provider }, Lang::Fr) => {
            format!("« {provider} » ne peut pas être en relation avec lui-même.")
        }
        (ProblemKind::RelationWithItself { provider }, Lang::En) => {
            format!("\"{provider}\" cannot be in a relation with itself.")
        }
        (
            ProblemKind::DuplicateRelation {
                providers: [a, b],
                first,
            },
            Lang::Fr,
        ) => {
            format!("La relation entre « {a} » et « {b} » est déjà décrite en {first}.")
        }
        (
            ProblemKind::DuplicateRelation {
                providers: [a, b],
                first,
            },
            Lang::En,
        ) => {
            format!("The relation between \"{a}\" and \"{b}\" is already described at {first}.")
        }
        (ProblemKind::TargetBelowLevel { level, target }, Lang::Fr) => {
            format!("La cible « {target} » est sous le niveau actuel « {level} ».")
        }
        (ProblemKind::TargetBelowLevel { level, target }, Lang::En) => {
            format!("The target \"{target}\" is below the current level \"{level}\".")
        }
        (ProblemKind::ReservedId { id }, Lang::Fr) => {
            format!("L'identifiant « {id} » est réservé au niveau 0 (aucune relation).")
        }
        (ProblemKind::ReservedId { id }, Lang::En) => {
            format!("The id \"{id}\" is reserved for level 0 (no relation).")
        }
        (ProblemKind::OutOfRange { value, min, max }, Lang::Fr) => {
            format!("{value} est hors de l'échelle : un nombre entier de {min} à {max} est attendu.")
        }
        (ProblemKind::OutOfRange { value, min, max }, Lang::En) => {
            format!("{value} is outside the scale: a whole number from {min} to {max} is expected.")
        }
    }
}

/// Labels of the gap vocabulary.
pub fn gap_kind_label(lang: Lang, kind: GapKind) -> &'static str {
    match kind {
        GapKind::Absent => pick(
            lang,
            "Service absent du territoire",
            "Service absent from the territory",
        ),
        GapKind::InsufficientCapacity => {
            pick(lang, "Capacité insuffisante", "Insufficient capacity")
        }
        GapKind::WaitingList => pick(lang, "Liste d'attente", "Waiting list"),
        GapKind::AccessBarrier => pick(lang, "Obstacle à l'accès", "Access barrier"),
        GapKind::ContinuityBreak => pick(lang, "Bris de continuité", "Break in continuity"),
        GapKind::Duplication => pick(lang, "Dédoublement", "Duplication"),
    }
}

pub fn barrier_label(lang: Lang, barrier: Barrier) -> &'static str {
    match barrier {
        Barrier::Distance => pick(lang, "Distance", "Distance"),
        Barrier::Cost => pick(lang, "Coût", "Cost"),
        Barrier::Language => pick(lang, "Langue", "Language"),
        Barrier::Eligibility => pick(lang, "Critères d'admissibilité", "Eligibility criteria"),
        Barrier::OpeningHours => pick(lang, "Heures d'ouverture", "Opening hours"),
    }
}

pub fn severity_label(lang: Lang, severity: GapSeverity) -> &'static str {
    match severity {
        GapSeverity::Low => pick(lang, "Faible", "Low"),
        GapSeverity::Medium => pick(lang, "Moyenne", "Medium"),
        GapSeverity::High => pick(lang, "Élevée", "High"),
    }
}

pub fn perspective_label(lang: Lang, perspective: Perspective) -> &'static str {
    match perspective {
        Perspective::PersonUsingServices => pick(
            lang,
            "Personne qui utilise les services",
            "Person using services",
        ),
        Perspective::FamilyAndCloseOnes => {
            pick(lang, "Famille et proches", "Family and close ones")
        }
        Perspective::Practitioner => pick(lang, "Intervenant", "Practitioner"),
        Perspective::Organisation => pick(lang, "Organisation", "Organisation"),
        Perspective::Government => pick(lang, "Gouvernement", "Government"),
    }
}

pub fn coverage_label(lang: Lang, coverage: Coverage) -> &'static str {
    match coverage {
        Coverage::Covered => pick(lang, "Couvert", "Covered"),
        Coverage::Partial => pick(lang, "Couvert en partie", "Partly covered"),
        Coverage::Absent => pick(lang, "Absent", "Absent"),
        Coverage::NotAssessed => pick(lang, "Non évalué", "Not assessed"),
    }
}

/// "3 écarts", "1 gap".
pub fn gap_count(lang: Lang, n: usize) -> String {
    match (lang, n) {
        (Lang::Fr, 1) => "1 écart".into(),
        (Lang::Fr, n) => format!("{n} écarts"),
        (Lang::En, 1) => "1 gap".into(),
        (Lang::En, n) => format!("{n} gaps"),
    }
}

/// "Priorité 20/25".
pub fn priority_text(lang: Lang, priority: u8) -> String {
    format!("{} {priority}/25", pick(lang, "Priorité", "Priority"))
}

/// Why a session file was refused (nothing was changed).
pub fn session_problem_message(lang: Lang, problem: &SessionProblem) -> String {
    match (problem, lang) {
        (SessionProblem::NotASession, Lang::Fr) => "Ce fichier n'est pas une session de gamme de services : rien n'a été changé.".into(),
        (SessionProblem::NotASession, Lang::En) => "This file is not a range-of-services session: nothing was changed.".into(),
        (SessionProblem::UnsupportedVersion { found }, Lang::Fr) => format!("Cette session est au format {found}, que cette version du widget ne lit pas : rien n'a été changé."),
        (SessionProblem::UnsupportedVersion { found }, Lang::En) => format!("This session uses format {found}, which this widget cannot read: nothing was changed."),
        (SessionProblem::OtherConfig { config }, Lang::Fr) => format!("Cette session appartient à une autre configuration (« {config} ») : rien n'a été changé."),
        (SessionProblem::OtherConfig { config }, Lang::En) => format!("This session belongs to another configuration (\"{config}\"): nothing was changed."),
        (SessionProblem::Invalid { detail }, Lang::Fr) => format!("Cette session est endommagée ({detail}) : rien n'a été changé."),
        (SessionProblem::Invalid { detail }, Lang::En) => format!("This session is damaged ({detail}): nothing was changed."),
    }
}

/// "3 sur 9 services couverts".
pub fn tier_covered(lang: Lang, covered: usize, total: usize) -> String {
    match lang {
        Lang::Fr => format!("{covered} sur {total} services couverts"),
        Lang::En => format!("{covered} of {total} services covered"),
    }
}

/// The badge of a service with gaps: "2 écarts · gravité élevée".
pub fn gap_badge(lang: Lang, count: usize, highest: GapSeverity) -> String {
    let severity = severity_label(lang, highest).to_lowercase();
    match lang {
        Lang::Fr => format!("{} · gravité {severity}", gap_count(lang, count)),
        Lang::En => format!("{} · {severity} severity", gap_count(lang, count)),
    }
}

/// What loading a session did, and what of it lost its place in the config.
pub fn session_loaded(lang: Lang, orphans: Orphans, restored: bool) -> String {
    let mut said = match (lang, restored) {
        (Lang::Fr, true) => "Session précédente restaurée.",
        (Lang::Fr, false) => "Session chargée.",
        (Lang::En, true) => "Previous session restored.",
        (Lang::En, false) => "Session loaded.",
    }
    .to_string();
    let gaps = match (lang, orphans.gaps) {
        (_, 0) => None,
        (Lang::Fr, 1) => Some(format!("1 écart orphelin : son service ou son palier n'est plus dans la configuration; il reste dans l'inventaire, sous « {} ».", FR_WORKSHOP.orphaned)),
        (Lang::Fr, n) => Some(format!("{n} écarts orphelins : leur service ou leur palier n'est plus dans la configuration; ils restent dans l'inventaire, sous « {} ».", FR_WORKSHOP.orphaned)),
        (Lang::En, n) => Some(format!("{} orphaned: their service or tier is no longer in the configuration; they stay in the inventory, under “{}”.", gap_count(lang, n), EN_WORKSHOP.orphaned)),
    };
    let relations = match (lang, orphans.relations) {
        (_, 0) => None,
        (Lang::Fr, 1) => Some(format!("1 relation orpheline : un de ses partenaires ou de ses niveaux n'est plus dans la configuration; elle reste dans l'inventaire, sous « {} ».", FR_WORKSHOP.orphaned_relations)),
        (Lang::Fr, n) => Some(format!("{n} relations orphelines : un de leurs partenaires ou de leurs niveaux n'est plus dans la configuration; elles restent dans l'inventaire, sous « {} ».", FR_WORKSHOP.orphaned_relations)),
        (Lang::En, 1) => Some(format!("1 orphaned relation: one of its partners or levels is no longer in the configuration; it stays in the inventory, under “{}”.", EN_WORKSHOP.orphaned_relations)),
        (Lang::En, n) => Some(format!("{n} orphaned relations: one of their partners or levels is no longer in the configuration; they stay in the inventory, under “{}”.", EN_WORKSHOP.orphaned_relations)),
    };
    for part in [gaps, relations].into_iter().flatten() {
        said.push(' ');
        said.push_str(&part);
    }
    said
}

/// A saved session that could not be restored was set aside.
pub fn saved_session_damaged(lang: Lang, backup: &str) -> String {
    match lang {
        Lang::Fr => format!("La session enregistrée dans ce navigateur n'a pas pu être lue. Elle est conservée sous la clé « {backup} » et une nouvelle session commence."),
        Lang::En => format!("The session saved in this browser could not be read. It is kept under the key \"{backup}\" and a new session starts."),
    }
}

/// The accessible name of a button acting on a gap or a service ("Modifier : Crise").
pub fn action_on(lang: Lang, action: &str, target: &str) -> String {
    format!("{action}{}{target}", catalogue(lang).colon)
}

/// "12 lignes".
pub fn line_count(lang: Lang, n: usize) -> String {
    match (lang, n) {
        (Lang::Fr, 0 | 1) => format!("{n} ligne."),
        (Lang::Fr, n) => format!("{n} lignes."),
        (Lang::En, 1) => "1 line.".into(),
        (Lang::En, n) => format!("{n} lines."),
    }
}

/// The button that shows more inventory lines.
pub fn show_more(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Fr => format!("Afficher {n} lignes de plus"),
        Lang::En => format!("Show {n} more lines"),
    }
}

/// "12 lignes." or, when the table shows only the first ones, "Les 200 premières de 4 987 lignes."
pub fn lines_shown(lang: Lang, shown: usize, total: usize) -> String {
    if shown >= total {
        return line_count(lang, total);
    }
    match lang {
        Lang::Fr => format!("Les {shown} premières de {total} lignes."),
        Lang::En => format!("The first {shown} of {total} lines."),
    }
}

/// A gap's kind with its barrier, when it has one: "Obstacle à l'accès (Distance)".
pub fn gap_kind_text(lang: Lang, gap: &super::gaps::Gap) -> String {
    match gap.barrier {
        Some(b) => format!(
            "{} ({})",
            gap_kind_label(lang, gap.kind),
            barrier_label(lang, b)
        ),
        None => gap_kind_label(lang, gap.kind).to_string(),
    }
}

/// Labels of the integration mechanisms (Fleury 2006).
pub fn mechanism_label(lang: Lang, mechanism: Mechanism) -> &'static str {
    match mechanism {
        Mechanism::SingleAccessPoint => pick(lang, "Guichet d'accès", "Single access point"),
        Mechanism::ServiceAgreement => pick(lang, "Entente de services", "Service agreement"),
        Mechanism::LiaisonOfficer => pick(lang, "Agent de liaison", "Liaison officer"),
        Mechanism::CaseManagement => pick(lang, "Gestion de cas", "Case management"),
        Mechanism::IndividualisedServicePlan => pick(
            lang,
            "Plan de services individualisé (PSI)",
            "Individualised service plan",
        ),
        Mechanism::SharedCare => pick(lang, "Soins partagés", "Shared care"),
        Mechanism::JointProgramme => pick(lang, "Programme conjoint", "Joint programme"),
        Mechanism::CrossTraining => pick(
            lang,
            "Formation et stages inter-organisationnels",
            "Cross-training and placements",
        ),
        Mechanism::SharedStaff => pick(lang, "Personnel partagé", "Shared staff"),
        Mechanism::ResourceDirectory => pick(lang, "Bottin de ressources", "Resource directory"),
        Mechanism::AssessmentGrid => pick(
            lang,
            "Grille d'évaluation des besoins commune",
            "Standard needs-assessment grid",
        ),
        Mechanism::ReferralForms => pick(
            lang,
            "Formulaires de référence et de consentement",
            "Referral and consent forms",
        ),
        Mechanism::SharedInformationSystem => pick(
            lang,
            "Système d'information partagé",
            "Shared information system",
        ),
        Mechanism::JointGovernance => pick(
            lang,
            "Gouvernance conjointe (comités)",
            "Joint governance (committees)",
        ),
        Mechanism::Merger => pick(lang, "Fusion", "Merger"),
    }
}

/// Labels of Fleury's criteria.
pub fn aspect_label(lang: Lang, aspect: Aspect) -> &'static str {
    match aspect {
        Aspect::Governance => pick(lang, "Gouvernance", "Governance"),
        Aspect::Formalisation => pick(lang, "Formalisation", "Formalisation"),
        Aspect::Sanctions => pick(lang, "Sanctions", "Sanctions"),
        Aspect::Transactions => pick(lang, "Étendue des transactions", "Scope of transactions"),
        Aspect::Problem => pick(lang, "Type de problème", "Kind of problem"),
    }
}

/// A share as each language writes it: "18 %" / "18%".
pub fn percent_text(lang: Lang, percent: u32) -> String {
    match lang {
        Lang::Fr => format!("{percent}\u{a0}%"),
        Lang::En => format!("{percent}%"),
    }
}

/// "4 relations · 24 %".
pub fn relation_count(lang: Lang, n: usize, percent: u32) -> String {
    let share = percent_text(lang, percent);
    match (lang, n) {
        (Lang::Fr, 0 | 1) => format!("{n} relation · {share}"),
        (Lang::Fr, n) => format!("{n} relations · {share}"),
        (Lang::En, 1) => format!("1 relation · {share}"),
        (Lang::En, n) => format!("{n} relations · {share}"),
    }
}

/// "… et 12 autres relations".
pub fn more_relations(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Fr => format!("… et {n} autres relations (voir le tableau du réseau)"),
        Lang::En => format!("… and {n} more relations (see the network table)"),
    }
}

/// A level with its target, when there is one: "Coopération → cible : Coalition".
pub fn level_and_target(lang: Lang, level: &str, target: Option<&str>) -> String {
    match target {
        Some(target) => format!(
            "{level} → {}{}{target}",
            workshop_text(lang).target_word,
            catalogue(lang).colon
        ),
        None => level.to_string(),
    }
}

/// "Mean level 2.4 of 5".
pub fn mean_level(lang: Lang, mean: Option<f64>, top: usize) -> String {
    match (mean, lang) {
        (None, _) => "—".into(),
        (Some(m), Lang::Fr) => format!("{} sur {top}", format!("{m:.1}").replace('.', ",")),
        (Some(m), Lang::En) => format!("{m:.1} of {top}"),
    }
}

/// "2 sur 66 paires · 3 %".
pub fn pairs_related(lang: Lang, related: usize, pairs: usize, percent: u32) -> String {
    let share = percent_text(lang, percent);
    match lang {
        Lang::Fr => format!("{related} sur {pairs} paires · {share}"),
        Lang::En => format!("{related} of {pairs} pairs · {share}"),
    }
}

/// "Relations de CISSS".
pub fn relations_of(lang: Lang, provider: &str) -> String {
    match lang {
        Lang::Fr => format!("Relations de {provider}"),
        Lang::En => format!("Relations of {provider}"),
    }
}

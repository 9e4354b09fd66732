//! The words of the participants' views and their comparison, in French and English: the
//! agreement rule as the facilitator reads it, the participants, the columns of the
//! comparison table and the "Points de vue" section of the report. A struct per language,
//! like [`super::i18n::WorkshopText`], so a string missing in one language does not compile.

use super::comparison::Agreement;
use super::text::Lang;

/// Fixed strings of the comparison of views, in one language.
pub struct PerspectivesText {
    /// Title of the report section and of the comparison.
    pub section_title: &'static str,
    /// The agreement rule, in one sentence (the same as the module doc of
    /// [`super::comparison`]).
    pub rule: &'static str,
    pub participants_title: &'static str,
    pub items_title: &'static str,
    /// "Participant" before a number, for a participant shown without a name.
    pub participant: &'static str,
    /// The "organisation" of a participant who speaks for no provider.
    pub person_or_family: &'static str,
    /// A participant's "don't know".
    pub dont_know: &'static str,
    pub agreed: &'static str,
    pub divergent: &'static str,
    pub no_ratings: &'static str,
    pub type_service: &'static str,
    pub type_relation: &'static str,
    pub type_gap: &'static str,
    pub col_type: &'static str,
    pub col_item: &'static str,
    pub col_median: &'static str,
    pub col_share: &'static str,
    pub col_agreement: &'static str,
    pub col_consensus: &'static str,
    pub col_consensus_note: &'static str,
    /// Before the impact score of a gap: "impact 4".
    pub impact: &'static str,
    /// Before the feasibility score of a gap: "faisabilité 3".
    pub feasibility: &'static str,
    /// A column of a perspective: "Médiane — Intervenant".
    pub median_of: &'static str,
    /// When a group has not decided yet.
    pub no_consensus: &'static str,
}

pub const FR_PERSPECTIVES: PerspectivesText = PerspectivesText {
    section_title: "Points de vue",
    rule: "Un point fait accord quand au moins 75\u{a0}% des réponses se situent à un échelon ou moins de la médiane; sinon, il est divergent. Les «\u{a0}je ne sais pas\u{a0}» ne sont pas comptés.",
    participants_title: "Participants",
    items_title: "Points à discuter, les plus divergents d'abord",
    participant: "Participant",
    person_or_family: "Personne utilisatrice ou proche",
    dont_know: "Je ne sais pas",
    agreed: "Accord",
    divergent: "Divergent",
    no_ratings: "Aucune réponse",
    type_service: "Service",
    type_relation: "Relation",
    type_gap: "Écart",
    col_type: "Type",
    col_item: "Point",
    col_median: "Médiane",
    col_share: "Réponses à un échelon de la médiane",
    col_agreement: "Accord",
    col_consensus: "Consensus",
    col_consensus_note: "Note du consensus",
    impact: "impact",
    feasibility: "faisabilité",
    median_of: "Médiane",
    no_consensus: "Pas encore décidé",
};

pub const EN_PERSPECTIVES: PerspectivesText = PerspectivesText {
    section_title: "Perspectives",
    rule: "An item is in agreement when at least 75% of the ratings lie within one step of the median; otherwise it is divergent. “Don't know” answers are not counted.",
    participants_title: "Participants",
    items_title: "Items to discuss, most divergent first",
    participant: "Participant",
    person_or_family: "Person using services or family",
    dont_know: "Don't know",
    agreed: "Agreed",
    divergent: "Divergent",
    no_ratings: "No ratings",
    type_service: "Service",
    type_relation: "Relation",
    type_gap: "Gap",
    col_type: "Type",
    col_item: "Item",
    col_median: "Median",
    col_share: "Ratings within one step of the median",
    col_agreement: "Agreement",
    col_consensus: "Consensus",
    col_consensus_note: "Consensus note",
    impact: "impact",
    feasibility: "feasibility",
    median_of: "Median",
    no_consensus: "Not decided yet",
};

/// The strings of a language.
pub fn perspectives_text(lang: Lang) -> &'static PerspectivesText {
    match lang {
        Lang::Fr => &FR_PERSPECTIVES,
        Lang::En => &EN_PERSPECTIVES,
    }
}

/// An item's agreement in words.
pub fn agreement_label(lang: Lang, agreement: Agreement) -> &'static str {
    let text = perspectives_text(lang);
    match agreement {
        Agreement::Agreed => text.agreed,
        Agreement::Divergent => text.divergent,
        Agreement::NoRatings => text.no_ratings,
    }
}

/// "Participant 3", for a participant shown without a name.
pub fn participant_number(lang: Lang, n: usize) -> String {
    format!("{} {n}", perspectives_text(lang).participant)
}

/// "3 participants", "1 participant".
pub fn participant_count(lang: Lang, n: usize) -> String {
    match (lang, n) {
        (Lang::Fr, 0 | 1) => format!("{n} participant"),
        (Lang::Fr, n) => format!("{n} participants"),
        (Lang::En, 1) => "1 participant".into(),
        (Lang::En, n) => format!("{n} participants"),
    }
}

/// A perspective with its count of participants: "Intervenant : 2".
pub fn perspective_count(lang: Lang, perspective: &str, n: usize) -> String {
    format!("{perspective}{}{n}", super::i18n::catalogue(lang).colon)
}

/// The column of one perspective's median: "Médiane — Intervenant".
pub fn median_of(lang: Lang, perspective: &str) -> String {
    format!("{} — {perspective}", perspectives_text(lang).median_of)
}

/// A median between two different middles: "Couvert en partie – Couvert".
pub fn between(low: &str, high: &str) -> String {
    format!("{low} – {high}")
}

/// A gap's three scores: "Élevée · impact 4 · faisabilité 3".
pub fn scores_text(lang: Lang, severity: &str, impact: &str, feasibility: &str) -> String {
    let text = perspectives_text(lang);
    format!(
        "{severity} · {} {impact} · {} {feasibility}",
        text.impact, text.feasibility
    )
}

/// One side of a relation, as its participants see it: "CISSS : Coalition → cible : Intégration".
pub fn side_text(lang: Lang, provider: &str, said: &str) -> String {
    format!("{provider}{}{said}", super::i18n::catalogue(lang).colon)
}

/// How far apart the two sides' medians are: "asymétrie de 2 échelons".
pub fn asymmetry_text(lang: Lang, steps: u8) -> String {
    match (lang, steps) {
        (Lang::Fr, 1) => "asymétrie d'un échelon".into(),
        (Lang::Fr, n) => format!("asymétrie de {n} échelons"),
        (Lang::En, 1) => "one step of asymmetry".into(),
        (Lang::En, n) => format!("{n} steps of asymmetry"),
    }
}

/// An item the range no longer has, by its id: "crise-nuit (n'est plus dans la gamme)".
pub fn orphan_label(lang: Lang, id: &str) -> String {
    match lang {
        Lang::Fr => format!("{id} (n'est plus dans la gamme)"),
        Lang::En => format!("{id} (no longer in the range)"),
    }
}

//! The words of the participant's face (a contribution entered alone or in turns) and of
//! gathering contribution files, in French (first) and English. A struct per language, so
//! a string missing in one does not compile.

use super::contribution::{FileOutcome, Gathered, Refusal};
use super::gaps::Coverage;
use super::i18n::{line_column, pick, problem_message};
use super::text::Lang;

pub struct ParticipantText {
    pub contribute_title: &'static str,
    pub contribute_intro: &'static str,
    pub kept_here: &'static str,
    pub who_title: &'static str,
    pub name_label: &'static str,
    pub name_hint: &'static str,
    pub organisation_label: &'static str,
    pub person_or_family: &'static str,
    pub perspective_label: &'static str,
    pub services_title: &'static str,
    pub services_intro: &'static str,
    pub relations_title: &'static str,
    pub relations_intro: &'static str,
    pub relations_for_organisations: &'static str,
    pub level_now: &'static str,
    pub level_wanted: &'static str,
    pub dont_know: &'static str,
    pub no_opinion: &'static str,
    pub mechanisms_in_place: &'static str,
    pub gaps_title: &'static str,
    pub gaps_intro: &'static str,
    pub report_gap: &'static str,
    pub finish_title: &'static str,
    pub download: &'static str,
    pub download_hint: &'static str,
    pub start_over: &'static str,
    pub start_over_confirm: &'static str,
    pub start_over_yes: &'static str,
    pub turns_title: &'static str,
    pub turns_intro: &'static str,
    pub next_participant: &'static str,
    pub end_turns: &'static str,
    pub gather_title: &'static str,
    pub gather_intro: &'static str,
    pub gather_button: &'static str,
    pub drop_here: &'static str,
    pub start_turns: &'static str,
    pub gathered_title: &'static str,
    pub view_perspectives: &'static str,
    pub remove: &'static str,
    pub privacy: &'static str,
    pub no_contribution: &'static str,
    pub col_participant: &'static str,
    pub col_services_rated: &'static str,
    pub col_relations_rated: &'static str,
    pub col_orphans: &'static str,
    pub decision_title: &'static str,
    pub what_was_said: &'static str,
    pub decision_note: &'static str,
    pub record_decision: &'static str,
    pub decide: &'static str,
    pub change_decision: &'static str,
    pub answers: &'static str,
    pub each_answer: &'static str,
    pub rule_title: &'static str,
    pub export_comparison: &'static str,
    pub caption_services: &'static str,
    pub caption_relations: &'static str,
    pub caption_gaps: &'static str,
}

pub const FR: ParticipantText = ParticipantText {
    contribute_title: "Ma contribution",
    contribute_intro: "Dites comment vous voyez les services du territoire : chaque réponse est la vôtre, il n'y a pas de mauvaise réponse. À la fin, téléchargez votre fichier et remettez-le à la personne qui anime l'atelier.",
    kept_here: "Vos réponses sont gardées dans ce navigateur à mesure que vous les donnez.",
    who_title: "Qui êtes-vous ?",
    name_label: "Votre nom (facultatif)",
    name_hint: "Laissez vide pour rester anonyme.",
    organisation_label: "Votre organisation",
    person_or_family: "Personne qui utilise les services, ou proche",
    perspective_label: "Votre point de vue",
    services_title: "Les services sur le territoire",
    services_intro: "Pour chaque service : est-il offert sur le territoire, selon vous ?",
    relations_title: "La collaboration de votre organisation",
    relations_intro: "Où en est votre collaboration avec chaque organisation, et où voudriez-vous qu'elle en soit ?",
    relations_for_organisations: "Choisissez votre organisation ci-dessus pour dire où en est sa collaboration avec les autres.",
    level_now: "Niveau actuel",
    level_wanted: "Niveau souhaité",
    dont_know: "Je ne sais pas",
    no_opinion: "Sans avis",
    mechanisms_in_place: "Mécanismes en place",
    gaps_title: "Les écarts que vous voyez",
    gaps_intro: "Un service manque, déborde ou est difficile d'accès ? Signalez-le depuis le service concerné, ou signalez ici un besoin que la gamme ne nomme pas ; vos signalements s'affichent ici.",
    report_gap: "Signaler un écart",
    finish_title: "Remettre ma contribution",
    download: "Télécharger mon fichier de contribution",
    download_hint: "Le fichier reste sur votre appareil jusqu'à ce que vous le remettiez. Après un changement, téléchargez-le de nouveau : le plus récent remplace l'ancien.",
    start_over: "Nouvelle contribution (personne suivante)",
    start_over_confirm: "Votre fichier est-il téléchargé ? Les réponses à l'écran seront effacées de ce navigateur.",
    start_over_yes: "Oui, commencer une nouvelle contribution",
    turns_title: "Saisie à tour de rôle",
    turns_intro: "Chaque personne donne ses réponses à son tour ; « Participant suivant » ajoute sa contribution à la séance et prépare une fiche vide.",
    next_participant: "Participant suivant",
    end_turns: "Terminer la saisie",
    gather_title: "Rassembler les contributions",
    gather_intro: "Ajoutez les fichiers que les participants vous ont remis, autant à la fois que vous voulez, ou saisissez leurs réponses à tour de rôle.",
    gather_button: "Ajouter des fichiers de contribution…",
    drop_here: "ou déposez-les ici",
    start_turns: "Saisir à tour de rôle",
    gathered_title: "Fichiers ajoutés",
    view_perspectives: "Points de vue",
    remove: "Retirer",
    privacy: "Masquer les noms (projecteur, participation de personnes utilisatrices) : les participants sont désignés par leur organisation et leur point de vue, à l'écran et dans les exports",
    no_contribution: "Aucune contribution rassemblée pour l'instant.",
    col_participant: "Participant",
    col_services_rated: "Services notés",
    col_relations_rated: "Relations notées",
    col_orphans: "Réponses sur ce que la gamme n'a plus",
    decision_title: "Décision du groupe",
    what_was_said: "Ce que chacun a répondu",
    decision_note: "Note de la décision (ce qui a été convenu, et pourquoi)",
    record_decision: "Enregistrer la décision",
    decide: "Décider",
    change_decision: "Revoir la décision",
    answers: "Réponses",
    each_answer: "Voir chaque réponse",
    rule_title: "Règle d'accord :",
    export_comparison: "Exporter la comparaison (CSV)",
    caption_services: "Services : couverture sur le territoire",
    caption_relations: "Relations entre organisations : niveau actuel → souhaité, selon chaque côté",
    caption_gaps: "Écarts signalés par les participants",
};

pub const EN: ParticipantText = ParticipantText {
    contribute_title: "My contribution",
    contribute_intro: "Say how you see the territory's services: every answer is yours, and there is no wrong answer. At the end, download your file and hand it to the person running the workshop.",
    kept_here: "Your answers are kept in this browser as you give them.",
    who_title: "Who are you?",
    name_label: "Your name (optional)",
    name_hint: "Leave it empty to stay anonymous.",
    organisation_label: "Your organisation",
    person_or_family: "Person using services, or family",
    perspective_label: "Your perspective",
    services_title: "Services in the territory",
    services_intro: "For each service: is it offered in the territory, in your view?",
    relations_title: "Your organisation's collaboration",
    relations_intro: "Where does your collaboration with each organisation stand, and where would you like it to be?",
    relations_for_organisations: "Choose your organisation above to say where its collaboration with the others stands.",
    level_now: "Level now",
    level_wanted: "Level wanted",
    dont_know: "I don't know",
    no_opinion: "No opinion",
    mechanisms_in_place: "Mechanisms in place",
    gaps_title: "The gaps you see",
    gaps_intro: "A service missing, overloaded or hard to reach? Report it from the service concerned, or report here a need the range does not name; your reports show here.",
    report_gap: "Report a gap",
    finish_title: "Hand in my contribution",
    download: "Download my contribution file",
    download_hint: "The file stays on your device until you hand it in. After a change, download it again: the newest replaces the older one.",
    start_over: "New contribution (next person)",
    start_over_confirm: "Is your file downloaded? The answers on screen will be erased from this browser.",
    start_over_yes: "Yes, start a new contribution",
    turns_title: "Entering in turns",
    turns_intro: "Each person gives their answers in turn; \"Next participant\" adds their contribution to the session and opens an empty form.",
    next_participant: "Next participant",
    end_turns: "Finish entering",
    gather_title: "Gather the contributions",
    gather_intro: "Add the files participants handed you, as many at once as you like, or enter their answers in turns.",
    gather_button: "Add contribution files…",
    drop_here: "or drop them here",
    start_turns: "Enter in turns",
    gathered_title: "Files added",
    view_perspectives: "Perspectives",
    remove: "Remove",
    privacy: "Hide names (projector, people using services taking part): participants are shown by organisation and perspective, on screen and in exports",
    no_contribution: "No contribution gathered yet.",
    col_participant: "Participant",
    col_services_rated: "Services rated",
    col_relations_rated: "Relations rated",
    col_orphans: "Answers on what the range no longer has",
    decision_title: "The group's decision",
    what_was_said: "What each one answered",
    decision_note: "Note of the decision (what was agreed, and why)",
    record_decision: "Record the decision",
    decide: "Decide",
    change_decision: "Revisit the decision",
    answers: "Answers",
    each_answer: "See each answer",
    rule_title: "Agreement rule:",
    export_comparison: "Export the comparison (CSV)",
    caption_services: "Services: coverage in the territory",
    caption_relations: "Relations between organisations: level now → wanted, by each side",
    caption_gaps: "Gaps raised by the participants",
};

pub fn participant_text(lang: Lang) -> &'static ParticipantText {
    match lang {
        Lang::Fr => &FR,
        Lang::En => &EN,
    }
}

/// A coverage as a participant answers it: "don't know" rather than "not assessed".
pub fn rating_label(lang: Lang, coverage: Coverage) -> &'static str {
    match coverage {
        Coverage::Covered => pick(lang, "Couvert", "Covered"),
        Coverage::Partial => pick(lang, "Partiel", "Partly"),
        Coverage::Absent => pick(lang, "Absent", "Absent"),
        Coverage::NotAssessed => participant_text(lang).dont_know,
    }
}

/// How many services were rated.
pub fn rated_count(lang: Lang, rated: usize, total: usize) -> String {
    match lang {
        Lang::Fr => format!(
            "{rated} service{} sur {total} noté{}",
            plural(rated),
            plural(rated)
        ),
        Lang::En => format!("{rated} of {total} services rated"),
    }
}

fn plural(n: usize) -> &'static str {
    if n > 1 {
        "s"
    } else {
        ""
    }
}

/// What gathering did with one file, in a sentence that names it.
pub fn outcome_message(lang: Lang, outcome: &FileOutcome) -> String {
    let file = &outcome.file;
    let who = match outcome.participant.as_deref().map(str::trim) {
        Some(name) if !name.is_empty() => format!(" ({name})"),
        _ => String::new(),
    };
    let orphans_text = |orphans: usize, other_version: bool| {
        let mut extra = String::new();
        if other_version {
            extra.push_str(pick(
                lang,
                " Fait avec une autre version de la gamme.",
                " Made with another version of the range.",
            ));
        }
        if orphans > 0 {
            extra.push_str(&match lang {
                Lang::Fr => format!(
                    " {orphans} réponse{} porte{} sur ce que la gamme n'a plus : gardée{}, listée{} à part.",
                    plural(orphans),
                    if orphans > 1 { "nt" } else { "" },
                    plural(orphans),
                    plural(orphans)
                ),
                Lang::En => format!(
                    " {orphans} answer{} concern{} what the range no longer has: kept, listed apart.",
                    plural(orphans),
                    if orphans > 1 { "" } else { "s" }
                ),
            });
        }
        extra
    };
    match (&outcome.result, lang) {
        (Ok(Gathered::Added { orphans, other_version }), Lang::Fr) => {
            format!("{file}{who} : ajouté.{}", orphans_text(*orphans, *other_version))
        }
        (Ok(Gathered::Added { orphans, other_version }), Lang::En) => {
            format!("{file}{who}: added.{}", orphans_text(*orphans, *other_version))
        }
        (Ok(Gathered::Updated { orphans, other_version }), Lang::Fr) => format!(
            "{file}{who} : version plus récente d'une contribution déjà là, qui la remplace.{}",
            orphans_text(*orphans, *other_version)
        ),
        (Ok(Gathered::Updated { orphans, other_version }), Lang::En) => format!(
            "{file}{who}: a newer version of a contribution already here; it replaces it.{}",
            orphans_text(*orphans, *other_version)
        ),
        (Ok(Gathered::AlreadyGathered), Lang::Fr) => format!(
            "{file}{who} : déjà rassemblé (ou une version plus ancienne) ; rien n'est compté deux fois."
        ),
        (Ok(Gathered::AlreadyGathered), Lang::En) => format!(
            "{file}{who}: already gathered (or an older version); nothing is counted twice."
        ),
        (Err(refusal), _) => format!(
            "{file}{who}{} {}",
            pick(lang, " : refusé.", ": refused."),
            refusal_message(lang, refusal)
        ),
    }
}

/// Why a file was refused, and what to do.
pub fn refusal_message(lang: Lang, refusal: &Refusal) -> String {
    match (refusal, lang) {
        (Refusal::Unreadable(problems), _) => {
            let mut lines: Vec<String> = problems
                .iter()
                .take(20)
                .map(|p| {
                    let at = p
                        .position
                        .map(|at| format!(" ({})", line_column(lang, at.line, at.column)))
                        .unwrap_or_default();
                    format!("{}{at} {}", p.path, problem_message(lang, p))
                })
                .collect();
            if problems.len() > 20 {
                lines.push(match lang {
                    Lang::Fr => format!("… et {} autres.", problems.len() - 20),
                    Lang::En => format!("… and {} more.", problems.len() - 20),
                });
            }
            lines.join(" · ")
        }
        (Refusal::NotAContribution, Lang::Fr) => "Ce n'est pas un fichier de contribution (un fichier de séance s'ouvre avec « Ouvrir une séance »).".into(),
        (Refusal::NotAContribution, Lang::En) => "This is not a contribution file (a session file opens with \"Open a session\").".into(),
        (Refusal::UnsupportedVersion { found }, Lang::Fr) => format!("Version {found} du format de contribution, que cette version du widget ne lit pas."),
        (Refusal::UnsupportedVersion { found }, Lang::En) => format!("Version {found} of the contribution format, which this version of the widget does not read."),
        (Refusal::OtherConfig { config }, Lang::Fr) => format!("Contribution à une autre gamme (« {config} »)."),
        (Refusal::OtherConfig { config }, Lang::En) => format!("A contribution to another range (\"{config}\")."),
        (Refusal::SamePerson { name, earlier }, Lang::Fr) => format!("{name} a déjà une autre contribution ici (modifiée le {earlier}). Retirez-en une si c'est un second essai, ou ajoutez une précision au nom."),
        (Refusal::TooLarge { bytes }, Lang::Fr) => format!("Fichier de {} Mo, bien trop grand pour une contribution : est-ce le bon fichier ?", bytes / (1024 * 1024)),
        (Refusal::TooLarge { bytes }, Lang::En) => format!("A file of {} MB, far too large for a contribution: is it the right file?", bytes / (1024 * 1024)),
        (Refusal::SamePerson { name, earlier }, Lang::En) => format!("{name} already has another contribution here (modified {earlier}). Remove one if it is a second try, or add a detail to the name."),
    }
}

//! The words of the action plan, its milestones, their comparison, the dashboard and the
//! progress report, in French and English. A struct per language, like
//! [`super::perspectives_text::PerspectivesText`], so a string missing in one language does
//! not compile; sentences with values are functions (plain `fn` pointers) for the same reason.

use super::text::Lang;

/// Fixed strings and sentences of the plan, in one language.
pub struct PlanText {
    // Statuses.
    pub proposed: &'static str,
    pub adopted: &'static str,
    pub in_progress: &'static str,
    pub done: &'static str,
    pub abandoned: &'static str,

    // Fields, as forms, problems and tables name them.
    pub field_id: &'static str,
    pub field_title: &'static str,
    pub field_addresses: &'static str,
    pub field_detached: &'static str,
    pub field_lead: &'static str,
    pub field_partners: &'static str,
    pub field_start: &'static str,
    pub field_due: &'static str,
    pub field_status: &'static str,
    pub field_reason: &'static str,
    pub field_indicator: &'static str,
    pub field_target: &'static str,
    pub field_budget: &'static str,
    pub field_progress: &'static str,
    pub field_late: &'static str,
    pub field_created: &'static str,
    pub field_modified: &'static str,

    // Validation problems (the field comes first, from the list above).
    pub empty_title: &'static str,
    pub not_a_date: fn(&str) -> String,
    pub far_date: fn(&str, i32, i32) -> String,
    pub due_before_start: fn(&str, &str) -> String,
    pub abandoned_without_reason: &'static str,
    pub unknown_provider: fn(&str) -> String,
    pub unknown_gap: fn(&str) -> String,
    pub lead_also_partner: &'static str,
    /// A status change refused: abandoning needs a reason.
    pub reason_needed: &'static str,

    // Lateness and the plan's words.
    pub late_by: fn(i64) -> String,
    pub on_time: &'static str,
    pub no_lead: &'static str,
    /// A lead or partner id that is not in the range's providers.
    pub unknown_organisation: fn(&str) -> String,
    /// "Collaboration : A — B", a collaboration gap addressed.
    pub collaboration_of: fn(&str) -> String,
    /// A gap that was deleted, as the action keeps it.
    pub gap_removed: fn(&str, &str) -> String,
    /// The progress note kept when an abandoned action is taken up again.
    pub reopened_note: fn(&str) -> String,

    // Plan views' groups.
    pub group_collaboration: &'static str,
    pub group_detached: &'static str,
    pub group_orphaned: &'static str,
    pub group_unaddressed: &'static str,

    // Milestones.
    pub now: &'static str,
    pub milestone_empty_label: &'static str,
    pub milestone_same_day: fn(&str, &str) -> String,
    pub milestone_other_version: &'static str,
    pub orphan_service: fn(&str) -> String,
    pub orphan_gap: fn(&str) -> String,
    pub orphan_relation: fn(&str, &str) -> String,
    pub orphan_provider: fn(&str) -> String,

    // The comparison of two milestones, in sentences.
    pub tier_then_now: fn(&str, &str, &str) -> String,
    pub service_coverage_moved: fn(&str, &str, &str) -> String,
    pub gap_closed: fn(&str) -> String,
    pub gap_opened: fn(&str) -> String,
    pub gap_severity_moved: fn(&str, &str, &str) -> String,
    pub relation_moved: fn(&str, &str, &str) -> String,
    pub mechanisms_added: fn(&str, &str) -> String,
    pub mechanisms_removed: fn(&str, &str) -> String,
    pub action_done: fn(&str) -> String,
    pub action_reopened: fn(&str) -> String,
    pub action_status_moved: fn(&str, &str, &str) -> String,
    pub action_added: fn(&str) -> String,
    pub action_removed: fn(&str) -> String,
    pub no_change: &'static str,

    // Indicators (dashboard columns).
    pub col_milestone: &'static str,
    pub col_date: &'static str,
    pub covered_in: fn(&str) -> String,
    pub col_density: &'static str,
    pub col_mean_level: &'static str,
    pub col_below_target: &'static str,
    pub col_gaps: &'static str,
    pub col_high_gaps: &'static str,
    pub col_actions_done: &'static str,
    pub col_actions_late: &'static str,

    // The progress report.
    pub section_plan: &'static str,
    pub since_milestone: fn(&str, &str) -> String,
    pub no_milestone_yet: &'static str,
    pub section_changes: &'static str,
    pub section_actions: &'static str,
    pub section_dashboard: &'static str,
    pub section_orphans: &'static str,
    pub no_actions: &'static str,
    pub late_actions: fn(usize) -> String,

    // The calendar file.
    pub calendar_name: fn(&str) -> String,

    // Charts (see [`super::chart`]): a point's or a bar's title, the summaries read out.
    /// "T0 : 35 %", a point or a bar in a tooltip.
    pub chart_point: fn(&str, &str) -> String,
    /// A mean level out of the top one: "2,3 sur 4".
    pub level_of: fn(&str, &str) -> String,
    /// A line: measure, first value and its point, last value and its point.
    pub line_from_to: fn(&str, &str, &str, &str, &str) -> String,
    /// A line with one value: measure, value, point.
    pub line_one: fn(&str, &str, &str) -> String,
    /// A line without values: measure.
    pub line_none: fn(&str) -> String,
    /// Added to a line's summary: its highest value, then its point.
    pub line_highest: fn(&str, &str) -> String,
    /// Added to a line's summary: its lowest value, then its point.
    pub line_lowest: fn(&str, &str) -> String,
    /// Paired bars: title, then's and now's names, then each category's words.
    pub bars_then_now: fn(&str, &str, &str, &str) -> String,
    /// A category that moved: category, then, now.
    pub bar_moved: fn(&str, &str, &str) -> String,
    /// A category that did not: category, value.
    pub bar_same: fn(&str, &str) -> String,
    /// The title of the comparison's coverage chart.
    pub covered_by_tier: &'static str,
}

pub const FR_PLAN: PlanText = PlanText {
    proposed: "Proposée",
    adopted: "Adoptée",
    in_progress: "En cours",
    done: "Réalisée",
    abandoned: "Abandonnée",

    field_id: "No",
    field_title: "Action",
    field_addresses: "Écarts visés",
    field_detached: "Écarts supprimés",
    field_lead: "Organisation responsable",
    field_partners: "Partenaires",
    field_start: "Début",
    field_due: "Échéance",
    field_status: "Statut",
    field_reason: "Motif de l'abandon",
    field_indicator: "Indicateur",
    field_target: "Cible",
    field_budget: "Budget",
    field_progress: "Suivi",
    field_late: "Retard",
    field_created: "Créée",
    field_modified: "Modifiée",

    empty_title: "l'action n'a pas de titre.",
    not_a_date: |v| format!("«\u{a0}{v}\u{a0}» n'est pas une date (AAAA-MM-JJ)."),
    far_date: |v, from, to| {
        format!("{v} est hors de la période permise (de {from} à {to}); vérifiez l'année.")
    },
    due_before_start: |start, due| format!("l'échéance ({due}) tombe avant le début ({start})."),
    abandoned_without_reason: "une action abandonnée doit dire pourquoi.",
    unknown_provider: |id| format!("«\u{a0}{id}\u{a0}» n'est pas une organisation de la gamme."),
    unknown_gap: |id| format!("l'écart «\u{a0}{id}\u{a0}» n'est pas dans la séance."),
    lead_also_partner: "l'organisation responsable est aussi dans les partenaires.",
    reason_needed: "Pour abandonner une action, dites pourquoi.",

    late_by: |days| match days {
        1 => "En retard d'un jour".into(),
        n => format!("En retard de {n}\u{a0}jours"),
    },
    on_time: "",
    no_lead: "Sans organisation responsable",
    unknown_organisation: |id| format!("{id} (n'est plus dans la gamme)"),
    collaboration_of: |pair| format!("Collaboration\u{a0}: {pair}"),
    gap_removed: |label, when| format!("{label} (écart supprimé le {when})"),
    reopened_note: |reason| format!("Action reprise; elle avait été abandonnée\u{a0}: {reason}"),

    group_collaboration: "Écarts de collaboration",
    group_detached: "Écarts supprimés",
    group_orphaned: "Écarts orphelins (service ou palier retiré de la configuration)",
    group_unaddressed: "Actions sans écart visé",

    now: "Maintenant",
    milestone_empty_label: "Donnez un nom au jalon («\u{a0}T0 — atelier du 12 mars\u{a0}»).",
    milestone_same_day: |date, other| {
        format!("Un autre jalon porte déjà la date du {date}\u{a0}: «\u{a0}{other}\u{a0}». Les deux sont gardés.")
    },
    milestone_other_version: "Ce jalon a été pris avec une version antérieure de la gamme.",
    orphan_service: |id| format!("Service «\u{a0}{id}\u{a0}» (n'est plus dans la gamme)"),
    orphan_gap: |label| format!("Écart {label} (son service ou palier n'est plus dans la gamme)"),
    orphan_relation: |a, b| format!("Relation {a} — {b} (organisation ou échelon retiré)"),
    orphan_provider: |id| {
        format!("Organisation «\u{a0}{id}\u{a0}» d'une action (n'est plus dans la gamme)")
    },

    tier_then_now: |tier, then, now| format!("{tier}\u{a0}: {then} → {now}"),
    service_coverage_moved: |service, then, now| format!("{service}\u{a0}: {then} → {now}"),
    gap_closed: |gap| format!("Écart fermé\u{a0}: {gap}"),
    gap_opened: |gap| format!("Nouvel écart\u{a0}: {gap}"),
    gap_severity_moved: |gap, then, now| format!("Gravité de l'écart {gap}\u{a0}: {then} → {now}"),
    relation_moved: |pair, then, now| format!("Relation {pair}\u{a0}: {then} → {now}"),
    mechanisms_added: |pair, list| format!("Mécanismes ajoutés ({pair})\u{a0}: {list}"),
    mechanisms_removed: |pair, list| format!("Mécanismes retirés ({pair})\u{a0}: {list}"),
    action_done: |title| format!("Action réalisée\u{a0}: {title}"),
    action_reopened: |title| format!("Action qui n'est plus réalisée\u{a0}: {title}"),
    action_status_moved: |title, then, now| format!("{title}\u{a0}: {then} → {now}"),
    action_added: |title| format!("Nouvelle action\u{a0}: {title}"),
    action_removed: |title| format!("Action retirée du plan\u{a0}: {title}"),
    no_change: "Aucun changement.",

    col_milestone: "Jalon",
    col_date: "Date",
    covered_in: |tier| format!("Services couverts — {tier}"),
    col_density: "Densité des relations",
    col_mean_level: "Niveau moyen",
    col_below_target: "Relations sous la cible",
    col_gaps: "Écarts",
    col_high_gaps: "Écarts de gravité élevée",
    col_actions_done: "Actions réalisées",
    col_actions_late: "Actions en retard",

    section_plan: "Rapport d'étape\u{a0}: plan d'action",
    since_milestone: |label, date| format!("Depuis le jalon «\u{a0}{label}\u{a0}» ({date})"),
    no_milestone_yet: "Aucun jalon n'a encore été marqué.",
    section_changes: "Ce qui a changé",
    section_actions: "Les actions et leur statut",
    section_dashboard: "Tableau de bord",
    section_orphans: "Éléments des jalons qui ne sont plus dans la gamme",
    no_actions: "Le plan n'a pas encore d'action.",
    late_actions: |n| match n {
        0 => "Aucune action en retard.".into(),
        1 => "1 action en retard.".into(),
        n => format!("{n} actions en retard."),
    },

    calendar_name: |territory| format!("Plan d'action — {territory}"),

    chart_point: |point, value| format!("{point}\u{a0}: {value}"),
    level_of: |mean, top| format!("{mean} sur {top}"),
    line_from_to: |measure, first, from, last, to| {
        format!("{measure}\u{a0}: de {first} ({from}) à {last} ({to})")
    },
    line_one: |measure, value, point| format!("{measure}\u{a0}: {value} ({point})"),
    line_none: |measure| format!("{measure}\u{a0}: aucune valeur"),
    line_highest: |value, point| format!(", au plus haut {value} ({point})"),
    line_lowest: |value, point| format!(", au plus bas {value} ({point})"),
    bars_then_now: |title, then, now, items| format!("{title}, de {then} à {now}\u{a0}: {items}."),
    bar_moved: |category, then, now| format!("{category}, de {then} à {now}"),
    bar_same: |category, value| format!("{category}, {value} (inchangé)"),
    covered_by_tier: "Services couverts par palier",
};

pub const EN_PLAN: PlanText = PlanText {
    proposed: "Proposed",
    adopted: "Adopted",
    in_progress: "In progress",
    done: "Done",
    abandoned: "Abandoned",

    field_id: "No.",
    field_title: "Action",
    field_addresses: "Gaps addressed",
    field_detached: "Gaps deleted",
    field_lead: "Lead organisation",
    field_partners: "Partners",
    field_start: "Start",
    field_due: "Due",
    field_status: "Status",
    field_reason: "Why abandoned",
    field_indicator: "Indicator",
    field_target: "Target",
    field_budget: "Budget",
    field_progress: "Progress",
    field_late: "Late",
    field_created: "Created",
    field_modified: "Modified",

    empty_title: "the action has no title.",
    not_a_date: |v| format!("“{v}” is not a date (YYYY-MM-DD)."),
    far_date: |v, from, to| {
        format!("{v} is outside the allowed period ({from} to {to}); check the year.")
    },
    due_before_start: |start, due| format!("the due date ({due}) is before the start ({start})."),
    abandoned_without_reason: "an abandoned action must say why.",
    unknown_provider: |id| format!("“{id}” is not an organisation of the range."),
    unknown_gap: |id| format!("gap “{id}” is not in the session."),
    lead_also_partner: "the lead organisation is also among the partners.",
    reason_needed: "To abandon an action, say why.",

    late_by: |days| match days {
        1 => "1 day late".into(),
        n => format!("{n} days late"),
    },
    on_time: "",
    no_lead: "No lead organisation",
    unknown_organisation: |id| format!("{id} (no longer in the range)"),
    collaboration_of: |pair| format!("Collaboration: {pair}"),
    gap_removed: |label, when| format!("{label} (gap deleted on {when})"),
    reopened_note: |reason| format!("Action taken up again; it had been abandoned: {reason}"),

    group_collaboration: "Collaboration gaps",
    group_detached: "Deleted gaps",
    group_orphaned: "Orphaned gaps (service or tier removed from the configuration)",
    group_unaddressed: "Actions addressing no gap",

    now: "Now",
    milestone_empty_label: "Give the milestone a name (“T0 — workshop of 12 March”).",
    milestone_same_day: |date, other| {
        format!("Another milestone is already dated {date}: “{other}”. Both are kept.")
    },
    milestone_other_version: "This milestone was taken with an earlier version of the range.",
    orphan_service: |id| format!("Service “{id}” (no longer in the range)"),
    orphan_gap: |label| format!("Gap {label} (its service or tier is no longer in the range)"),
    orphan_relation: |a, b| format!("Relation {a} — {b} (organisation or level removed)"),
    orphan_provider: |id| format!("Organisation “{id}” of an action (no longer in the range)"),

    tier_then_now: |tier, then, now| format!("{tier}: {then} → {now}"),
    service_coverage_moved: |service, then, now| format!("{service}: {then} → {now}"),
    gap_closed: |gap| format!("Gap closed: {gap}"),
    gap_opened: |gap| format!("New gap: {gap}"),
    gap_severity_moved: |gap, then, now| format!("Severity of gap {gap}: {then} → {now}"),
    relation_moved: |pair, then, now| format!("Relation {pair}: {then} → {now}"),
    mechanisms_added: |pair, list| format!("Mechanisms added ({pair}): {list}"),
    mechanisms_removed: |pair, list| format!("Mechanisms removed ({pair}): {list}"),
    action_done: |title| format!("Action done: {title}"),
    action_reopened: |title| format!("Action no longer done: {title}"),
    action_status_moved: |title, then, now| format!("{title}: {then} → {now}"),
    action_added: |title| format!("New action: {title}"),
    action_removed: |title| format!("Action taken out of the plan: {title}"),
    no_change: "No change.",

    col_milestone: "Milestone",
    col_date: "Date",
    covered_in: |tier| format!("Services covered — {tier}"),
    col_density: "Relation density",
    col_mean_level: "Mean level",
    col_below_target: "Relations below target",
    col_gaps: "Gaps",
    col_high_gaps: "High-severity gaps",
    col_actions_done: "Actions done",
    col_actions_late: "Late actions",

    section_plan: "Progress report: action plan",
    since_milestone: |label, date| format!("Since milestone “{label}” ({date})"),
    no_milestone_yet: "No milestone has been marked yet.",
    section_changes: "What changed",
    section_actions: "The actions and their status",
    section_dashboard: "Dashboard",
    section_orphans: "Items of the milestones no longer in the range",
    no_actions: "The plan has no action yet.",
    late_actions: |n| match n {
        0 => "No action is late.".into(),
        1 => "1 action is late.".into(),
        n => format!("{n} actions are late."),
    },

    calendar_name: |territory| format!("Action plan — {territory}"),

    chart_point: |point, value| format!("{point}: {value}"),
    level_of: |mean, top| format!("{mean} of {top}"),
    line_from_to: |measure, first, from, last, to| {
        format!("{measure}: from {first} ({from}) to {last} ({to})")
    },
    line_one: |measure, value, point| format!("{measure}: {value} ({point})"),
    line_none: |measure| format!("{measure}: no value"),
    line_highest: |value, point| format!(", highest {value} ({point})"),
    line_lowest: |value, point| format!(", lowest {value} ({point})"),
    bars_then_now: |title, then, now, items| format!("{title}, from {then} to {now}: {items}."),
    bar_moved: |category, then, now| format!("{category}, from {then} to {now}"),
    bar_same: |category, value| format!("{category}, {value} (unchanged)"),
    covered_by_tier: "Services covered by tier",
};

/// The plan's words in a language.
pub fn plan_text(lang: Lang) -> &'static PlanText {
    match lang {
        Lang::Fr => &FR_PLAN,
        Lang::En => &EN_PLAN,
    }
}

//! The action plan: how many actions in each status and how many are late (in words), the
//! actions grouped by status, by lead organisation or by tier, and the gaps no action
//! addresses yet, each with a button that starts one.

use super::ActionRow;
use crate::browser;
use crate::core::plan::{
    action_lines, by_lead, by_status, by_tier, gap_choices, problems, summary, unaddressed,
    ActionLine, Addressed,
};
use crate::core::plan_text::plan_text;
use crate::core::session::Session;
use crate::core::text::Lang;
use crate::state::{Action, ActionFormOpen, PlanGroup, PlanStep, Prepared, Shared};
use std::collections::HashMap;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PlanViewProps {
    pub prepared: Shared<Prepared>,
    pub session: Shared<Session>,
    pub group: PlanGroup,
    pub lang: Lang,
    pub uid: AttrValue,
    pub editable: bool,
    pub on_action: Callback<Action>,
}

/// The plan in words, computed once per session, grouping and language.
struct Worded {
    /// Groups: heading, then the actions' indices in the session.
    groups: Vec<(String, Vec<usize>)>,
    /// Each action's line and problem count, by index in the session.
    lines: Vec<(ActionLine, usize)>,
    counts: Vec<String>,
    late: String,
    /// Gaps no action addresses: the gap, its label, a suggested title.
    open_gaps: Vec<(Addressed, String, String)>,
}

fn worded(prepared: &Prepared, session: &Session, group: PlanGroup, lang: Lang) -> Worded {
    let config = &prepared.config;
    let today = browser::today();
    let groups = match group {
        PlanGroup::Status => by_status(&session.actions)
            .into_iter()
            .filter(|(_, members)| !members.is_empty())
            .map(|(status, members)| (status.label(lang).to_string(), members))
            .collect(),
        PlanGroup::Lead => by_lead(config, &session.actions)
            .into_iter()
            .map(|(lead, members)| (lead.label(config, lang), members))
            .collect(),
        PlanGroup::Tier => by_tier(config, session)
            .into_iter()
            .map(|(tier, members)| (tier.label(config, lang), members))
            .collect(),
    };
    let mut by_id: HashMap<String, ActionLine> = action_lines(config, session, lang, today)
        .into_iter()
        .map(|l| (l.id.clone(), l))
        .collect();
    let lines = session
        .actions
        .iter()
        .map(|a| {
            let line = by_id.remove(&a.id).expect("one line per action");
            (line, problems(config, session, a).len())
        })
        .collect();
    let plan = summary(&session.actions, today);
    let counts = plan.counts_text(lang);
    let network = prepared.network(session);
    let gaps: HashMap<&str, &str> = session
        .gaps
        .iter()
        .map(|g| (g.id.as_str(), g.action.as_str()))
        .collect();
    let open_gaps = unaddressed(session, gap_choices(config, session, &network, lang))
        .into_iter()
        .map(|(gap, label)| {
            let title = match &gap {
                Addressed::Gap(id) => gaps.get(id.as_str()).copied().unwrap_or_default(),
                Addressed::Relation(_) => "",
            };
            (gap, label, title.to_string())
        })
        .collect();
    Worded {
        groups,
        lines,
        counts,
        late: (plan_text(lang).late_actions)(plan.late.len()),
        open_gaps,
    }
}

#[component]
pub fn PlanView(props: &PlanViewProps) -> Html {
    let lang = props.lang;
    let text = plan_text(lang);
    let worded = use_memo(
        (
            props.prepared.clone(),
            props.session.clone(),
            props.group,
            lang,
        ),
        |(prepared, session, group, lang)| worded(prepared, session, *group, *lang),
    );
    let open = |form: ActionFormOpen| {
        let on_action = props.on_action.clone();
        Callback::from(move |_: MouseEvent| {
            on_action.emit(Action::Plan(PlanStep::Open(form.clone())))
        })
    };
    let grouping = PlanGroup::ALL.into_iter().map(|group| {
        let id = format!("{}-plan-group-{}", props.uid, group.key());
        let label = match group {
            PlanGroup::Status => text.group_status,
            PlanGroup::Lead => text.group_lead,
            PlanGroup::Tier => text.group_tier,
        };
        let on_action = props.on_action.clone();
        let onchange =
            Callback::from(move |_: Event| on_action.emit(Action::Plan(PlanStep::Group(group))));
        html! {
            <span key={group.key()} class="srm-severity-choice">
                <input type="radio" id={id.clone()} name={format!("{}-plan-group", props.uid)}
                       checked={props.group == group} {onchange} />
                <label for={id}>{ label }</label>
            </span>
        }
    });
    let new_action = ActionFormOpen::New {
        addresses: Vec::new(),
        title: String::new(),
    };
    html! {
        <section class="srm-plan" aria-labelledby={format!("{}-plan-title", props.uid)}>
            <h3 id={format!("{}-plan-title", props.uid)}>{ text.plan_title }</h3>
            <p class="srm-plan-summary">
                if !worded.counts.is_empty() {
                    <span>{ worded.counts.join(" · ") }</span>{ ". " }
                }
                <strong>{ &worded.late }</strong>
            </p>
            <div class="srm-plan-controls">
                <fieldset class="srm-severity">
                    <legend>{ text.group_by }</legend>
                    { for grouping }
                </fieldset>
                if props.editable {
                    <button type="button" class="srm-primary" onclick={open(new_action)}>{ text.new_action }</button>
                }
            </div>
            if props.session.actions.is_empty() {
                <p class="srm-empty">{ text.no_actions }</p>
            }
            { for worded.groups.iter().map(|(heading, members)| html! {
                <section key={heading.clone()} class="srm-plan-group">
                    <h4>{ format!("{heading} ({})", members.len()) }</h4>
                    <ul class="srm-actions">
                        { for members.iter().map(|&i| {
                            let (line, problems) = &worded.lines[i];
                            html! {
                                <ActionRow key={line.id.clone()} line={line.clone()} status={props.session.actions[i].status}
                                           problems={*problems} {lang} editable={props.editable}
                                           on_action={props.on_action.clone()} />
                            }
                        }) }
                    </ul>
                </section>
            }) }
            if !worded.open_gaps.is_empty() {
                <section class="srm-plan-group srm-open-gaps">
                    <h4>{ format!("{} ({})", text.gaps_without_action, worded.open_gaps.len()) }</h4>
                    <ul>
                        { for worded.open_gaps.iter().map(|(gap, label, title)| {
                            let key = match gap { Addressed::Gap(id) => id.clone(), Addressed::Relation([a, b]) => format!("{a}|{b}") };
                            let form = ActionFormOpen::New { addresses: vec![gap.clone()], title: title.clone() };
                            html! {
                                <li {key}>
                                    <span>{ label }</span>
                                    if props.editable {
                                        { " " }
                                        <button type="button" onclick={open(form)}>
                                            { text.action_for_gap }<span class="srm-visually-hidden">{ format!(" — {label}") }</span>
                                        </button>
                                    }
                                </li>
                            }
                        }) }
                    </ul>
                </section>
            }
        </section>
    }
}

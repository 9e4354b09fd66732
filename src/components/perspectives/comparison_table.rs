//! One kind of item compared (services, relations or gaps), in the order to discuss them:
//! the answers, each perspective's median side by side, the median, the share within one
//! step, agreement in words (with a mark, never colour alone), and the group's decision
//! with a button to take or revisit it. A page at a time (the most divergent first, then
//! "show more"): a workshop of fifty partners may rate thousands of relations. Each
//! participant's answer opens on demand.

use crate::core::comparison::{Agreement, Comparison, ItemKind, ItemLine, Wording};
use crate::core::i18n::{action_on, catalogue, lines_shown, show_more};
use crate::core::participant_text::participant_text;
use crate::core::perspectives_text::perspectives_text;
use crate::core::session::Session;
use crate::core::text::Lang;
use crate::state::{Action, Prepared, Shared};
use yew::prelude::*;

/// How many items a table shows at first, and adds at each "show more".
const PAGE: usize = 20;

#[derive(Properties, PartialEq)]
pub struct ComparisonTableProps {
    pub caption: AttrValue,
    pub kind: ItemKind,
    pub prepared: Shared<Prepared>,
    pub session: Shared<Session>,
    pub comparison: Shared<Comparison>,
    /// The participants as shown (privacy respected), in session order.
    pub participants: Shared<Vec<String>>,
    /// The perspectives present, as column headers.
    pub perspectives: Shared<Vec<String>>,
    pub lang: Lang,
    pub editable: bool,
    pub on_action: Callback<Action>,
}

/// The mark and the words of an agreement.
pub fn agreement_text(lang: Lang, agreement: Agreement) -> (&'static str, &'static str) {
    let text = perspectives_text(lang);
    match agreement {
        Agreement::Divergent => ("⚠", text.divergent),
        Agreement::Agreed => ("✓", text.agreed),
        Agreement::NoRatings => ("–", text.no_ratings),
    }
}

/// How many items of a kind the comparison has.
pub fn count_of(comparison: &Comparison, kind: ItemKind) -> usize {
    match kind {
        ItemKind::Service => comparison.services.len(),
        ItemKind::Relation => comparison.relations.len(),
        ItemKind::Gap => comparison.gaps.len(),
    }
}

#[component]
pub fn ComparisonTable(props: &ComparisonTableProps) -> Html {
    let lang = props.lang;
    let text = perspectives_text(lang);
    let words = participant_text(lang);
    let shown = use_state(|| PAGE);
    let total = count_of(&props.comparison, props.kind);
    if total == 0 {
        return Html::default();
    }
    // Only the rows on the page are worded, at each change (a decision among them).
    let wording = Wording::new(&props.prepared.config, &props.session, lang);
    let comparison = &props.comparison;
    let end = (*shown).min(total);
    let lines: Vec<ItemLine> = match props.kind {
        ItemKind::Service => comparison.services[..end]
            .iter()
            .map(|i| wording.service(i))
            .collect(),
        ItemKind::Relation => comparison.relations[..end]
            .iter()
            .map(|i| wording.relation(i))
            .collect(),
        ItemKind::Gap => comparison.gaps[..end]
            .iter()
            .map(|i| wording.gap(i))
            .collect(),
    };
    let more = {
        let shown = shown.clone();
        Callback::from(move |_: MouseEvent| shown.set(*shown + PAGE))
    };
    html! {
        <>
            <div class="srm-table-scroll">
                <table class="srm-table srm-comparison">
                    <caption>{ &props.caption }{ format!(" ({total})") }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ text.col_item }</th>
                            <th scope="col">{ words.answers }</th>
                            { for props.perspectives.iter().map(|p| html! { <th scope="col">{ p }</th> }) }
                            <th scope="col">{ text.col_median }</th>
                            <th scope="col">{ text.col_share }</th>
                            <th scope="col">{ text.col_agreement }</th>
                            <th scope="col">{ text.col_consensus }</th>
                        </tr>
                    </thead>
                    <tbody>
                        { for lines.into_iter().enumerate().map(|(at, line)| html! {
                            <ComparisonRow key={at} {line} participants={props.participants.clone()} {lang}
                                           editable={props.editable} on_action={props.on_action.clone()} />
                        }) }
                    </tbody>
                </table>
            </div>
            if end < total {
                <p class="srm-more">
                    <span>{ lines_shown(lang, end, total) }</span>{ " " }
                    <button type="button" onclick={more}>{ show_more(lang, PAGE.min(total - end)) }</button>
                </p>
            }
        </>
    }
}

#[derive(Properties, PartialEq)]
struct ComparisonRowProps {
    line: ItemLine,
    participants: Shared<Vec<String>>,
    lang: Lang,
    editable: bool,
    on_action: Callback<Action>,
}

#[component]
fn ComparisonRow(props: &ComparisonRowProps) -> Html {
    let lang = props.lang;
    let colon = catalogue(lang).colon;
    let words = participant_text(lang);
    let text = perspectives_text(lang);
    let open = use_state(|| false);
    let line = &props.line;
    let (mark, agreement) = agreement_text(lang, line.agreement);
    let toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    let decide = {
        let (on_action, item) = (props.on_action.clone(), line.item.clone());
        Callback::from(move |_: MouseEvent| on_action.emit(Action::OpenDecision(item.clone())))
    };
    let decided = !line.consensus.is_empty();
    let button = if decided {
        words.change_decision
    } else {
        words.decide
    };
    html! {
        <tr class={classes!(format!("srm-agreement-{}", line.agreement.key()))}>
            <th scope="row">{ &line.label }</th>
            <td>
                { &line.answers }
                if line.ratings.iter().any(|r| !r.is_empty()) {
                    <button type="button" class="srm-link-button srm-show-answers" aria-expanded={open.to_string()}
                            onclick={toggle}>{ words.each_answer }</button>
                }
                if *open {
                    <ul class="srm-answers">
                        { for line.answers_by(&props.participants).map(|(who, rating)| html! {
                            <li>{ who }{ colon }<strong>{ rating }</strong></li>
                        }) }
                    </ul>
                }
            </td>
            { for line.by_perspective.iter().enumerate().map(|(i, m)| html! {
                <td>
                    { m }
                    if let Some(answers) = line.perspective_answers.get(i).filter(|a| !a.is_empty()) {
                        <span class="srm-perspective-answers">{ answers }</span>
                    }
                </td>
            }) }
            <td>{ &line.median }</td>
            <td>{ &line.share }</td>
            <td class="srm-agreement"><span aria-hidden="true">{ mark }{ " " }</span>{ agreement }</td>
            <td class="srm-consensus">
                if decided {
                    <strong>{ &line.consensus }</strong>
                    if !line.note.is_empty() {
                        <span class="srm-consensus-note">{ &line.note }</span>
                    }
                } else {
                    <span class="srm-hint">{ text.no_consensus }</span>
                }
                if props.editable {
                    <button type="button" onclick={decide} aria-label={action_on(lang, button, &line.label)}>{ button }</button>
                }
            </td>
        </tr>
    }
}

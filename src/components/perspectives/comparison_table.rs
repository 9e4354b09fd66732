//! One kind of item compared (services, relations or gaps), in the order to discuss them:
//! the answers, each perspective's median side by side, the median, the share within one
//! step, agreement in words (with a mark, never colour alone), and the group's decision
//! with a button to take or revisit it. Each participant's answer opens on demand.

use crate::core::comparison::{Agreement, ItemLine};
use crate::core::i18n::{action_on, catalogue};
use crate::core::participant_text::participant_text;
use crate::core::perspectives_text::perspectives_text;
use crate::core::text::Lang;
use crate::state::{Action, Shared};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ComparisonTableProps {
    pub caption: AttrValue,
    /// Shared with the view, which computed every line once.
    pub lines: Shared<Vec<ItemLine>>,
    /// Positions of this table's lines in `lines`.
    pub rows: Vec<usize>,
    /// The participants as shown (privacy respected), in session order.
    pub participants: Shared<Vec<String>>,
    /// The perspectives present, as column headers.
    pub perspectives: Vec<String>,
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

#[component]
pub fn ComparisonTable(props: &ComparisonTableProps) -> Html {
    let lang = props.lang;
    let text = perspectives_text(lang);
    let words = participant_text(lang);
    if props.rows.is_empty() {
        return Html::default();
    }
    html! {
        <div class="srm-table-scroll">
            <table class="srm-table srm-comparison">
                <caption>{ &props.caption }</caption>
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
                    { for props.rows.iter().map(|&at| html! {
                        <ComparisonRow key={at} lines={props.lines.clone()} {at}
                                       participants={props.participants.clone()} {lang}
                                       editable={props.editable} on_action={props.on_action.clone()} />
                    }) }
                </tbody>
            </table>
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct ComparisonRowProps {
    lines: Shared<Vec<ItemLine>>,
    at: usize,
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
    let line = &props.lines[props.at];
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
        <tr class={classes!(format!("srm-agreement-{}", line.agreement.key()))} data-item={line.label.clone()}>
            <th scope="row">{ &line.label }</th>
            <td>
                { &line.answers }
                if line.ratings.iter().any(|r| !r.is_empty()) {
                    <button type="button" class="srm-link-button srm-show-answers" aria-expanded={open.to_string()}
                            onclick={toggle}>{ words.each_answer }</button>
                }
                if *open {
                    <ul class="srm-answers">
                        { for line.ratings.iter().zip(props.participants.iter()).filter(|(r, _)| !r.is_empty()).map(|(rating, who)| html! {
                            <li>{ who }{ colon }<strong>{ rating }</strong></li>
                        }) }
                    </ul>
                }
            </td>
            { for line.by_perspective.iter().map(|m| html! { <td>{ m }</td> }) }
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

//! The gaps reported on one service or tier: kind, severity and priority in words, who is
//! affected and what to put in place, with buttons to edit or delete each (when editable).

use crate::core::gaps::Gap;
use crate::core::i18n::{
    action_on, catalogue, gap_kind_text, perspective_label, priority_text, severity_label,
    workshop_text,
};
use crate::core::text::Lang;
use crate::state::Action;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct GapListProps {
    pub gaps: Vec<Gap>,
    pub lang: Lang,
    pub editable: bool,
    pub on_action: Callback<Action>,
}

/// The click callbacks of a gap's "Edit" and "Delete" buttons.
pub fn edit_and_delete(
    on_action: &Callback<Action>,
    id: &str,
) -> (Callback<MouseEvent>, Callback<MouseEvent>) {
    let send = |make: fn(String) -> Action| {
        let (on_action, id) = (on_action.clone(), id.to_string());
        Callback::from(move |_: MouseEvent| on_action.emit(make(id.clone())))
    };
    (send(Action::EditGap), send(Action::DeleteGap))
}

#[component]
pub fn GapList(props: &GapListProps) -> Html {
    let lang = props.lang;
    let text = catalogue(lang);
    let work = workshop_text(lang);
    if props.gaps.is_empty() {
        return Html::default();
    }
    let item = |gap: &Gap| {
        let kind = gap_kind_text(lang, gap);
        let (edit, delete) = edit_and_delete(&props.on_action, &gap.id);
        html! {
            <li key={gap.id.clone()} class={classes!("srm-gap", format!("srm-severity-{}", gap.severity.key()))}
                data-gap={gap.id.clone()}>
                <p class="srm-gap-title"><strong>{ &kind }</strong></p>
                <p class="srm-gap-meta">
                    <span class="srm-severity-mark">{ work.col_severity }{ text.colon }{ severity_label(lang, gap.severity) }</span>
                    { " · " }{ priority_text(lang, gap.priority()) }
                    { " · " }{ perspective_label(lang, gap.perspective) }
                </p>
                if !gap.population.is_empty() {
                    <p>{ work.col_population }{ text.colon }{ &gap.population }</p>
                }
                if !gap.action.is_empty() {
                    <p>{ work.col_action }{ text.colon }{ &gap.action }</p>
                }
                if !gap.note.is_empty() {
                    <p>{ work.col_note }{ text.colon }{ &gap.note }</p>
                }
                if props.editable {
                    <p class="srm-gap-buttons">
                        <button type="button" onclick={edit} aria-label={action_on(lang, work.edit, &kind)}>{ work.edit }</button>
                        <button type="button" onclick={delete} aria-label={action_on(lang, work.delete, &kind)}>{ work.delete }</button>
                    </p>
                }
            </li>
        }
    };
    html! {
        <ul class="srm-gaps">
            { for props.gaps.iter().map(item) }
        </ul>
    }
}

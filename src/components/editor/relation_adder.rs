//! Adds a relation: two organisations chosen from lists, and a button. A pair that already
//! has a relation opens it instead of adding a second one.

use crate::components::field_value;
use crate::core::continuum::pair_key;
use crate::core::draft::{relations, Edit};
use crate::core::editor_text::editor_text;
use crate::core::model::Config;
use crate::core::text::Lang;
use crate::editor_state::EditorAction;
use crate::state::Shared;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct RelationAdderProps {
    pub draft: Shared<Config>,
    pub lang: Lang,
    pub uid: AttrValue,
    pub on_action: Callback<EditorAction>,
}

#[component]
pub fn RelationAdder(props: &RelationAdderProps) -> Html {
    let t = editor_text(props.lang);
    let pair = use_state(|| [String::new(), String::new()]);
    let chooser = |side: usize| {
        let handle = pair.clone();
        let onchange = Callback::from(move |event: Event| {
            let mut next = (*handle).clone();
            next[side] = field_value(&event);
            handle.set(next);
        });
        let id = format!("{}-new-relation-{side}", props.uid);
        let label = if side == 0 {
            t.relation_first
        } else {
            t.relation_second
        };
        html! {
            <div class="srm-plain-field">
                <label for={id.clone()} class="srm-form-label">{ label }</label>
                <select {id} {onchange}>
                    <option value="" selected={pair[side].is_empty()}>{ t.choose_provider }</option>
                    { for props.draft.providers.iter().map(|p| html! {
                        <option key={p.id.clone()} value={p.id.clone()} selected={pair[side] == p.id}>{ p.name.get(props.lang) }</option>
                    }) }
                </select>
            </div>
        }
    };
    let problem = match (&pair[0], &pair[1]) {
        (a, b) if a.is_empty() || b.is_empty() => None,
        (a, b) if a == b => Some(t.relation_same_provider),
        _ => None,
    };
    let onsubmit = {
        let (pair, on_action, draft) = (pair.clone(), props.on_action.clone(), props.draft.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let [a, b] = &*pair;
            if a.is_empty() || b.is_empty() || a == b {
                return;
            }
            let existing = relations(&draft)
                .iter()
                .position(|r| pair_key(&r.providers[0], &r.providers[1]) == pair_key(a, b));
            match existing {
                Some(i) => on_action.emit(EditorAction::GoTo(format!(
                    "$.continuum.relations[{i}].level"
                ))),
                None => on_action.emit(EditorAction::Edit(Edit::AddRelation {
                    providers: [a.clone(), b.clone()],
                })),
            }
            pair.set([String::new(), String::new()]);
        })
    };
    html! {
        <form class="srm-add-relation" {onsubmit} aria-label={t.new_relation}>
            { chooser(0) }
            { chooser(1) }
            <button type="submit">{ t.add_relation }</button>
            if let Some(problem) = problem {
                <p class="srm-field-error" role="alert">{ problem }</p>
            }
        </form>
    }
}

//! A tier's own controls: move it up or down, delete it (its services must go to another
//! tier: the confirmation asks where), and its name, criteria and id.

use super::field_notes::field_id;
use super::form_parts::{send as send_action, ItemProps};
use super::id_field::IdField;

use crate::core::draft::{Edit, TextField};
use crate::core::editor_text::editor_text;
use crate::editor_state::{Deletion, EditorAction};
use std::rc::Rc;
use yew::prelude::*;

#[component]
pub fn TierFields(props: &ItemProps) -> Html {
    let lang = props.lang;
    let t = editor_text(lang);
    let (draft, check, uid, index) = (&*props.draft, &*props.check, &props.uid, props.index);
    let fields = props.fields();
    let Some(tier) = draft.tiers.get(index) else {
        return Html::default();
    };
    let send = |action: EditorAction| send_action(&props.on_action, action);
    let path = format!("$.tiers[{index}]");
    let has_problems = ["label", "description", "id"]
        .iter()
        .any(|f| !check.at(&format!("{path}.{f}")).is_empty());
    let ids: Rc<Vec<String>> = Rc::new(draft.tiers.iter().map(|x| x.id.clone()).collect());
    let on_id = {
        let on_action = props.on_action.clone();
        Callback::from(move |id: String| {
            on_action.emit(EditorAction::Edit(Edit::TierId { index, id }))
        })
    };
    let name = tier.label.get(lang);
    html! {
        <div class="srm-tier-fields">
            <div class="srm-row-buttons" role="group" aria-label={t.tier_actions.replace("{}", name)}>
                <button type="button" id={field_id(uid, &format!("{path}.up"))} disabled={index == 0}
                        onclick={send(EditorAction::Edit(Edit::MoveTier { index, up: true }))}>
                    { t.move_up }<span class="srm-visually-hidden">{ format!(" : {name}") }</span>
                </button>
                <button type="button" id={field_id(uid, &format!("{path}.down"))} disabled={index + 1 == draft.tiers.len()}
                        onclick={send(EditorAction::Edit(Edit::MoveTier { index, up: false }))}>
                    { t.move_down }<span class="srm-visually-hidden">{ format!(" : {name}") }</span>
                </button>
                <button type="button" class="srm-danger" onclick={send(EditorAction::AskDelete(Deletion::Tier(index)))}>
                    { t.delete_tier }<span class="srm-visually-hidden">{ format!(" : {name}") }</span>
                </button>
            </div>
            <details class="srm-tier-details" open={has_problems}>
                <summary>{ t.tier_details }</summary>
                { fields.text(TextField::TierLabel(index), t.tier_label, false) }
                { fields.text(TextField::TierDescription(index), t.tier_criteria, true) }
                <IdField path={format!("{path}.id")} id={tier.id.clone()} {ids} {lang} uid={uid.clone()} on_change={on_id} />
            </details>
        </div>
    }
}

//! A tier's own controls: move it up or down, delete it (its services must go to another
//! tier: the confirmation asks where), and its name, criteria and id.

use super::field_notes::field_id;
use super::id_field::IdField;
use super::territory_form::text_field;
use crate::core::draft::{Edit, TextField};
use crate::core::editor_text::editor_text;
use crate::core::model::Config;
use crate::core::session::Session;
use crate::core::text::Lang;
use crate::editor_state::{Deletion, DraftCheck, EditorAction};
use crate::state::Shared;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TierFieldsProps {
    pub draft: Shared<Config>,
    pub check: Shared<DraftCheck>,
    pub session: Option<Shared<Session>>,
    pub index: usize,
    /// Every tier's id.
    pub tiers: Rc<Vec<String>>,
    pub lang: Lang,
    pub uid: AttrValue,
    pub on_action: Callback<EditorAction>,
}

#[component]
pub fn TierFields(props: &TierFieldsProps) -> Html {
    let lang = props.lang;
    let t = editor_text(lang);
    let (draft, check, uid, index) = (&*props.draft, &*props.check, &props.uid, props.index);
    let Some(tier) = draft.tiers.get(index) else {
        return Html::default();
    };
    let send = |action: EditorAction| {
        let on_action = props.on_action.clone();
        Callback::from(move |_: MouseEvent| on_action.emit(action.clone()))
    };
    let path = format!("$.tiers[{index}]");
    let has_problems = ["label", "description", "id"]
        .iter()
        .any(|f| !check.at(&format!("{path}.{f}")).is_empty());
    let others: Rc<Vec<String>> = Rc::new(
        props
            .tiers
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != index)
            .map(|(_, id)| id.clone())
            .collect(),
    );
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
                <button type="button" id={field_id(uid, &format!("{path}.down"))} disabled={index + 1 == props.tiers.len()}
                        onclick={send(EditorAction::Edit(Edit::MoveTier { index, up: false }))}>
                    { t.move_down }<span class="srm-visually-hidden">{ format!(" : {name}") }</span>
                </button>
                <button type="button" class="srm-danger" onclick={send(EditorAction::AskDelete(Deletion::Tier(index)))}>
                    { t.delete_tier }<span class="srm-visually-hidden">{ format!(" : {name}") }</span>
                </button>
            </div>
            <details class="srm-tier-details" open={has_problems}>
                <summary>{ t.tier_details }</summary>
                { text_field(draft, check, (TextField::TierLabel(index), t.tier_label), false, lang, uid, &props.on_action) }
                { text_field(draft, check, (TextField::TierDescription(index), t.tier_criteria), true, lang, uid, &props.on_action) }
                <IdField path={format!("{path}.id")} id={tier.id.clone()} {others} {lang} uid={uid.clone()} on_change={on_id} />
            </details>
        </div>
    }
}

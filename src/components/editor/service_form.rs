//! The form of one service, open under its row: its name, description and examples in
//! both languages, its tier (moving it there), its place in the tier, its id, and who
//! offers it — each offer editable here, and new ones added from the organisations.

use super::field_notes::{field_id, FieldNotes};
use super::form_parts::{edit_with, send as send_action, ItemProps};
use super::id_field::IdField;
use super::offer_adder::OfferAdder;
use super::offer_fields::{OfferFields, OfferSide};
use super::plain_field::{Control, PlainField};
use crate::core::draft::{Edit, TextField};
use crate::core::editor_text::editor_text;
use crate::core::i18n::catalogue;
use crate::editor_state::{Deletion, EditorAction};
use std::rc::Rc;
use yew::prelude::*;

#[component]
pub fn ServiceForm(props: &ItemProps) -> Html {
    let lang = props.lang;
    let t = editor_text(lang);
    let text = catalogue(lang);
    let (draft, check, uid, index) = (&*props.draft, &*props.check, &props.uid, props.index);
    let fields = props.fields();
    let Some(service) = draft.services.get(index) else {
        return Html::default();
    };
    let path = format!("$.services[{index}]");
    let field =
        |field: TextField, label: &str, multiline: bool| fields.text(field, label, multiline);
    let tiers = Control::Choice(Rc::new(
        draft
            .tiers
            .iter()
            .map(|tier| {
                (
                    AttrValue::from(tier.id.clone()),
                    AttrValue::from(tier.label.get(lang).to_string()),
                )
            })
            .collect(),
    ));
    let send = |action: EditorAction| send_action(&props.on_action, action);
    let ids: Rc<Vec<String>> = Rc::new(draft.services.iter().map(|x| x.id.clone()).collect());
    let on_id = edit_with(&props.on_action, move |id| {
        Some(Edit::ServiceId { index, id })
    });
    let offers: Vec<usize> = (0..draft.offers.len())
        .filter(|o| draft.offers[*o].service == service.id)
        .collect();
    let add_offer = {
        let (on_action, service) = (props.on_action.clone(), service.id.clone());
        Callback::from(move |provider: String| {
            on_action.emit(EditorAction::Edit(Edit::AddOffer {
                provider,
                service: service.clone(),
            }))
        })
    };
    let providers: Rc<Vec<(String, String)>> = Rc::new(
        draft
            .providers
            .iter()
            .map(|p| (p.id.clone(), p.name.get(lang).to_string()))
            .collect(),
    );
    let add_id = field_id(uid, &format!("{path}.add-offer"));
    let name = service.label.get(lang);
    html! {
        <div class="srm-item-form" role="group" aria-label={t.service_form.replace("{}", name)}>
            { field(TextField::ServiceLabel(index), t.service_label, false) }
            { field(TextField::ServiceDescription(index), text.description, true) }
            <BilingualExamples draft={props.draft.clone()} check={props.check.clone()} {index} {lang}
                               uid={uid.clone()} on_action={props.on_action.clone()} />
            <PlainField path={format!("{path}.tier")} label={t.service_tier} value={service.tier.clone()}
                        control={tiers} uid={uid.clone()} hint={t.service_tier_hint}
                        notes={FieldNotes::of(check, &format!("{path}.tier"), lang)}
                        on_change={edit_with(&props.on_action, move |tier| Some(Edit::ServiceTier { index, tier }))} />
            <div class="srm-row-buttons">
                <button type="button" onclick={send(EditorAction::Edit(Edit::MoveService { index, up: true }))}>{ t.move_up }</button>
                <button type="button" onclick={send(EditorAction::Edit(Edit::MoveService { index, up: false }))}>{ t.move_down }</button>
                <button type="button" class="srm-danger" onclick={send(EditorAction::AskDelete(Deletion::Service(index)))}>{ t.delete_service }</button>
                <button type="button" onclick={send(EditorAction::Open(None))}>{ t.close_form }</button>
            </div>
            <IdField path={format!("{path}.id")} id={service.id.clone()} {ids} {lang} uid={uid.clone()} on_change={on_id} />
            <fieldset class="srm-offers">
                <legend>{ t.offers_of_service }</legend>
                if offers.is_empty() {
                    <p class="srm-empty">{ t.no_offer_service }</p>
                }
                { for offers.iter().map(|o| html! {
                    <OfferFields key={format!("{}\u{1f}{}", draft.offers[*o].provider, o)} draft={props.draft.clone()}
                                 check={props.check.clone()} index={*o} side={OfferSide::Service}
                                 {lang} uid={uid.clone()} on_action={props.on_action.clone()} />
                }) }
                if draft.providers.is_empty() {
                    <p class="srm-field-hint">{ t.add_provider_first }</p>
                } else {
                    <OfferAdder id={add_id} label={t.add_offer_from} prompt={t.choose_provider}
                                button={t.add_offer} options={providers} on_add={add_offer} />
                }
            </fieldset>
        </div>
    }
}

/// The examples, one per line in each language.
#[component]
fn BilingualExamples(props: &ItemProps) -> Html {
    let t = editor_text(props.lang);
    let label = format!("{} — {}", catalogue(props.lang).examples, t.one_per_line);
    props
        .fields()
        .text(TextField::ServiceExamples(props.index), &label, true)
}

//! The form of one organisation: its name, kind, contact (phone, email, web — each checked
//! as it is typed, by the same rules as the reader — and address), the languages it serves
//! in, its id, and the services it offers, each offer editable here.

use super::field_notes::{field_id, FieldNotes};
use super::form_parts::{edit_with, send as send_action, ItemProps};
use super::id_field::IdField;
use super::offer_adder::OfferAdder;
use super::offer_fields::{OfferFields, OfferSide};
use super::plain_field::{choices, Control, PlainField};
use crate::core::draft::{ContactField, Edit, TextField};
use crate::core::editor_text::editor_text;
use crate::core::i18n::{catalogue, provider_kind_label};
use crate::core::model::{Named, ProviderKind};
use crate::core::text::join;
use crate::editor_state::{Deletion, EditorAction};
use std::rc::Rc;
use yew::prelude::*;

#[component]
pub fn ProviderForm(props: &ItemProps) -> Html {
    let lang = props.lang;
    let t = editor_text(lang);
    let text = catalogue(lang);
    let (draft, check, uid, index) = (&*props.draft, &*props.check, &props.uid, props.index);
    let fields = props.fields();
    let Some(provider) = draft.providers.get(index) else {
        return Html::default();
    };
    let path = format!("$.providers[{index}]");
    let kinds = choices(
        ProviderKind::NAMES.iter().map(|(_, k)| *k),
        ProviderKind::name,
        |k| provider_kind_label(lang, k),
    );
    let contact = |field: ContactField,
                   label: &str,
                   kind: &'static str,
                   autocomplete: &'static str,
                   value: &Option<String>| {
        let path = format!("{path}.contact.{}", field.key());
        html! {
            <PlainField path={path.clone()} label={label.to_string()} value={value.clone().unwrap_or_default()}
                        control={Control::Input { kind }} autocomplete={autocomplete} uid={uid.clone()}
                        notes={FieldNotes::of(check, &path, lang)}
                        on_change={edit_with(&props.on_action, move |value| Some(Edit::Contact { index, field, value }))} />
        }
    };
    let ids: Rc<Vec<String>> = Rc::new(draft.providers.iter().map(|x| x.id.clone()).collect());
    let send = |action: EditorAction| send_action(&props.on_action, action);
    let offers: Vec<usize> = (0..draft.offers.len())
        .filter(|o| draft.offers[*o].provider == provider.id)
        .collect();
    let add_offer = {
        let (on_action, provider) = (props.on_action.clone(), provider.id.clone());
        Callback::from(move |service: String| {
            on_action.emit(EditorAction::Edit(Edit::AddOffer {
                provider: provider.clone(),
                service,
            }))
        })
    };
    let services: Rc<Vec<(String, String)>> = Rc::new(
        draft
            .services
            .iter()
            .map(|s| (s.id.clone(), s.label.get(lang).to_string()))
            .collect(),
    );
    let name = provider.name.get(lang);
    html! {
        <div class="srm-item-form" role="group" aria-label={t.provider_form.replace("{}", name)}>
            { fields.text(TextField::ProviderName(index), t.provider_name, false) }
            <PlainField path={format!("{path}.kind")} label={t.provider_kind} value={provider.kind.name()}
                        control={kinds} uid={uid.clone()} notes={FieldNotes::of(check, &format!("{path}.kind"), lang)}
                        on_change={edit_with(&props.on_action, move |v| ProviderKind::named(&v).map(|kind| Edit::ProviderKind { index, kind }))} />
            <fieldset class="srm-contact">
                <legend>{ text.contact }</legend>
                { contact(ContactField::Phone, text.phone, "tel", "tel", &provider.contact.phone) }
                { contact(ContactField::Email, text.email, "email", "email", &provider.contact.email) }
                { contact(ContactField::Web, text.web, "url", "url", &provider.contact.web) }
                { fields.text(TextField::ProviderAddress(index), text.address, false) }
            </fieldset>
            <PlainField path={format!("{path}.languages")} label={text.languages}
                        value={join(&provider.languages, ", ")} control={Control::Input { kind: "text" }}
                        hint={t.languages_hint} uid={uid.clone()}
                        notes={FieldNotes::of(check, &format!("{path}.languages"), lang)}
                        on_change={edit_with(&props.on_action, move |value| Some(Edit::Languages { index, value }))} />
            <div class="srm-row-buttons">
                <button type="button" class="srm-danger" onclick={send(EditorAction::AskDelete(Deletion::Provider(index)))}>{ t.delete_provider }</button>
                <button type="button" onclick={send(EditorAction::Open(None))}>{ t.close_form }</button>
            </div>
            <IdField path={format!("{path}.id")} id={provider.id.clone()} {ids} {lang} uid={uid.clone()}
                     on_change={edit_with(&props.on_action, move |id| Some(Edit::ProviderId { index, id }))} />
            <fieldset class="srm-offers">
                <legend>{ t.offers_of_provider }</legend>
                if offers.is_empty() {
                    <p class="srm-empty">{ t.no_offer_provider }</p>
                }
                { for offers.iter().map(|o| html! {
                    <OfferFields key={format!("{}\u{1f}{}", draft.offers[*o].service, o)} draft={props.draft.clone()}
                                 check={props.check.clone()} index={*o} side={OfferSide::Provider}
                                 {lang} uid={uid.clone()} on_action={props.on_action.clone()} />
                }) }
                if draft.services.is_empty() {
                    <p class="srm-field-hint">{ t.add_service_first }</p>
                } else {
                    <OfferAdder id={field_id(uid, &format!("{path}.add-offer"))} label={t.add_offer_of}
                                prompt={t.choose_service} button={t.add_offer} options={services} on_add={add_offer} />
                }
            </fieldset>
        </div>
    }
}

//! One offer, as edited from its service's form (choose the organisation) or from its
//! organisation's form (choose the service): availability, access route, eligibility.

use super::field_notes::{field_id, FieldNotes};
use super::form_parts::{edit_with, Fields};
use super::plain_field::{choices, Control, PlainField};
use crate::core::draft::{Edit, TextField};
use crate::core::editor_text::editor_text;
use crate::core::i18n::{access_label, availability_label, catalogue};
use crate::core::model::{AccessRoute, Availability, Config, Named};
use crate::core::text::Lang;
use crate::editor_state::{DraftCheck, EditorAction};
use crate::state::Shared;
use std::rc::Rc;
use yew::prelude::*;

/// Which form the offer is shown in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OfferSide {
    /// In its service's form: the organisation can be changed.
    Service,
    /// In its organisation's form: the service can be changed.
    Provider,
}

#[derive(Properties, PartialEq)]
pub struct OfferFieldsProps {
    pub draft: Shared<Config>,
    pub check: Shared<DraftCheck>,
    pub index: usize,
    pub side: OfferSide,
    pub lang: Lang,
    pub uid: AttrValue,
    pub on_action: Callback<EditorAction>,
}

#[component]
pub fn OfferFields(props: &OfferFieldsProps) -> Html {
    let lang = props.lang;
    let t = editor_text(lang);
    let text = catalogue(lang);
    let (draft, check, uid, index) = (&*props.draft, &*props.check, &props.uid, props.index);
    let fields = Fields {
        draft,
        check,
        lang,
        uid,
        on_action: &props.on_action,
    };
    let Some(offer) = draft.offers.get(index) else {
        return Html::default();
    };
    let path = format!("$.offers[{index}]");
    let notes = |field: &str| FieldNotes::of(check, &format!("{path}.{field}"), lang);
    let provider_name = draft
        .provider(&offer.provider)
        .map_or(offer.provider.clone(), |p| p.name.get(lang).to_string());
    let service_name = draft
        .service(&offer.service)
        .map_or(offer.service.clone(), |s| s.label.get(lang).to_string());
    let (reference, label, value, options) = match props.side {
        OfferSide::Service => (
            "provider",
            t.offer_provider,
            offer.provider.clone(),
            draft
                .providers
                .iter()
                .map(|p| (p.id.clone(), p.name.get(lang).to_string()))
                .collect::<Vec<_>>(),
        ),
        OfferSide::Provider => (
            "service",
            t.offer_service,
            offer.service.clone(),
            draft
                .services
                .iter()
                .map(|s| (s.id.clone(), s.label.get(lang).to_string()))
                .collect(),
        ),
    };
    let options = Control::Choice(Rc::new(
        options
            .into_iter()
            .map(|(id, name)| (AttrValue::from(id), AttrValue::from(name)))
            .collect(),
    ));
    let side = props.side;
    let on_reference = edit_with(&props.on_action, move |id| {
        Some(match side {
            OfferSide::Service => Edit::OfferProvider {
                index,
                provider: id,
            },
            OfferSide::Provider => Edit::OfferService { index, service: id },
        })
    });
    let availabilities = choices(
        Availability::NAMES.iter().map(|(_, a)| *a),
        Availability::name,
        |a| availability_label(lang, a),
    );
    let routes = choices(
        AccessRoute::NAMES.iter().map(|(_, a)| *a),
        AccessRoute::name,
        |a| access_label(lang, a),
    );
    let delete = {
        let on_action = props.on_action.clone();
        Callback::from(move |_: MouseEvent| {
            on_action.emit(EditorAction::Edit(Edit::DeleteOffer { index }))
        })
    };
    let title = match props.side {
        OfferSide::Service => provider_name.clone(),
        OfferSide::Provider => service_name.clone(),
    };
    // The whole offer's notes (an offer given twice) belong to the group.
    let own = FieldNotes::of(check, &path, lang);
    html! {
        <fieldset class="srm-offer" id={field_id(uid, &path)}>
            <legend>{ title }</legend>
            { own.render(&format!("{}-notes", field_id(uid, &path))) }
            <PlainField path={format!("{path}.{reference}")} {label} {value} control={options}
                        uid={uid.clone()} notes={notes(reference)} on_change={on_reference} />
            <PlainField path={format!("{path}.availability")} label={text.availability}
                        value={offer.availability.name()} control={availabilities} uid={uid.clone()}
                        notes={notes("availability")}
                        on_change={edit_with(&props.on_action, move |v| Availability::named(&v).map(|value| Edit::Availability { index, value }))} />
            <PlainField path={format!("{path}.access")} label={text.access}
                        value={offer.access.name()} control={routes} uid={uid.clone()} notes={notes("access")}
                        on_change={edit_with(&props.on_action, move |v| AccessRoute::named(&v).map(|value| Edit::Access { index, value }))} />
            { fields.text(TextField::OfferEligibility(index), text.eligibility, false) }
            { fields.text(TextField::OfferHowToApply(index), text.how_to_apply, false) }
            { fields.text(TextField::OfferHours(index), text.hours, false) }
            <div class="srm-row-buttons">
                <button type="button" class="srm-danger" onclick={delete}>
                    { t.delete_offer }<span class="srm-visually-hidden">{ format!(" : {provider_name} — {service_name}") }</span>
                </button>
            </div>
        </fieldset>
    }
}

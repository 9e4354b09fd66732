//! The detail of one service, in a modal dialog: description, examples, and for each
//! provider its availability, access route, eligibility and contacts as safe links.

use super::modal::Modal;
use super::{GapList, ServiceRelations};
use crate::core::figures::{summary_of, ServiceStatus};
use crate::core::gaps::{Coverage, GapTarget};
use crate::core::i18n::{
    access_label, availability_label, catalogue, language_name, provider_kind_label, workshop_text,
};
use crate::core::i18n::{action_on, coverage_label};
use crate::core::links::{mailto_href, tel_href, web_href};
use crate::core::model::{Offer, Provider};
use crate::core::session::Session;
use crate::core::text::{join, Lang};
use crate::state::{Action, Prepared, Shared, WORKSHOP};
use yew::prelude::*;

pub struct ServiceDetailProps {
    pub prepared: Shared<Prepared>,
    /// Index of the service in the config.
    pub service: usize,
    pub lang: Lang,
    pub uid: AttrValue,
    pub session: Shared<Session>,
    pub editable: bool,
    pub on_close: Callback<()>,
    pub on_action: Callback<Action>,
}

/// A plain function, not a component (no state of its own: the dialog is the [`Modal`]).
pub fn service_detail(props: &ServiceDetailProps) -> Html {
    let lang = props.lang;
    let text = catalogue(lang);
    let work = workshop_text(lang);
    let config = &props.prepared.config;
    let service = &config.services[props.service];
    let title_id = format!("{}-detail-title", props.uid);
    let gaps: Vec<_> = props
        .session
        .gaps_of_service(&service.id)
        .cloned()
        .collect();
    let suggested = summary_of(&props.prepared.range, props.service)
        .map_or(Coverage::NotAssessed, |s| Coverage::suggested(s.status));
    let assessed = props.session.assessed(&service.id);
    let coverage_id = format!("{}-detail-coverage", props.uid);
    let set_coverage = {
        let (on_action, id) = (props.on_action.clone(), service.id.clone());
        Callback::from(move |event: Event| {
            let value = event
                .target_unchecked_into::<web_sys::HtmlSelectElement>()
                .value();
            on_action.emit(Action::SetCoverage(id.clone(), Coverage::from_key(&value)));
        })
    };
    let add_gap = {
        let (on_action, id) = (props.on_action.clone(), service.id.clone());
        Callback::from(move |_: MouseEvent| {
            on_action.emit(Action::NewGap(GapTarget::Service {
                service: id.clone(),
            }))
        })
    };
    let offers: Vec<(&Offer, Option<&Provider>)> = config
        .offers
        .iter()
        .filter(|o| o.service == service.id)
        .map(|o| (o, config.provider(&o.provider)))
        .collect();
    html! {
        <Modal class="srm-detail" title={service.label.get(lang).to_string()} title_id={title_id}
               close_label={Some(AttrValue::from(text.close))} on_close={props.on_close.clone()}>
                if let Some(tier) = config.tier(&service.tier) {
                    <p class="srm-detail-tier">{ tier.label.get(lang) }</p>
                }
                if let Some(description) = &service.description {
                    <h3>{ text.description }</h3>
                    <p>{ description.get(lang) }</p>
                }
                if !service.examples.is_empty() {
                    <h3>{ text.examples }</h3>
                    <ul class="srm-examples">
                        { for service.examples.iter().enumerate().map(|(i, e)| html! { <li key={i}>{ e.get(lang) }</li> }) }
                    </ul>
                }
                if WORKSHOP {
                <div class="srm-coverage-field">
                    if props.editable {
                        <label for={coverage_id.clone()}>{ work.coverage_assessed }</label>
                        <select id={coverage_id} onchange={set_coverage}>
                            <option value="" selected={assessed.is_none()}>
                                { format!("{}{}{}", work.coverage_from_offers, text.colon, coverage_label(lang, suggested)) }
                            </option>
                            { for Coverage::ALL.iter().map(|c| html! {
                                <option key={c.key()} value={c.key()} selected={assessed == Some(*c)}>{ coverage_label(lang, *c) }</option>
                            }) }
                        </select>
                    } else {
                        <p>
                            <strong>{ work.coverage_assessed }{ text.colon }</strong>
                            { coverage_label(lang, assessed.unwrap_or(suggested)) }
                        </p>
                    }
                </div>
                if !gaps.is_empty() || props.editable {
                    <h3>{ work.gaps_heading }</h3>
                }
                <GapList {gaps} {lang} editable={props.editable} on_action={props.on_action.clone()} />
                if props.editable {
                    <p>
                        <button type="button" class="srm-add-gap" onclick={add_gap}
                                aria-label={action_on(lang, work.add_gap, service.label.get(lang))}>
                            <span aria-hidden="true">{ "+ " }</span>{ work.add_gap }
                        </button>
                    </p>
                }
                }
                if WORKSHOP {
                    <ServiceRelations prepared={props.prepared.clone()} session={props.session.clone()}
                                      service={props.service} {lang} editable={props.editable}
                                      on_action={props.on_action.clone()} />
                }
                <h3>{ text.providers }</h3>
                if offers.is_empty() {
                    <p class="srm-empty srm-status-none">
                        <span class="srm-status-mark">{ text.no_provider_detail }</span>
                    </p>
                } else {
                    <ul class="srm-offers">
                        { for offers.iter().map(|(offer, provider)| offer_view(lang, offer, *provider)) }
                    </ul>
                }
        </Modal>
    }
}

fn offer_view(lang: Lang, offer: &Offer, provider: Option<&Provider>) -> Html {
    let text = catalogue(lang);
    let status = ServiceStatus::from(offer.availability);
    let name = provider
        .map(|p| p.name.get(lang))
        .unwrap_or(&offer.provider);
    html! {
        <li key={offer.provider.clone()} class={classes!("srm-offer", format!("srm-status-{}", status.key()))}>
            <h4 class="srm-offer-provider">{ name }</h4>
            if let Some(provider) = provider {
                <p class="srm-offer-kind">{ provider_kind_label(lang, provider.kind) }</p>
            }
            <dl class="srm-facts-list">
                <dt>{ text.availability }</dt>
                <dd class="srm-status-mark">{ availability_label(lang, offer.availability) }</dd>
                <dt>{ text.access }</dt>
                <dd>{ access_label(lang, offer.access) }</dd>
                // Said only when the config says it (one loop: the view bundle is small).
                { for [
                    (text.eligibility, &offer.eligibility),
                    (text.how_to_apply, &offer.how_to_apply),
                    (text.hours, &offer.hours),
                ].into_iter().filter_map(|(label, value)| Some(html! {
                    <><dt>{ label }</dt><dd>{ value.as_ref()?.get(lang) }</dd></>
                })) }
                if let Some(provider) = provider {
                    { contact_view(lang, provider) }
                }
            </dl>
        </li>
    }
}

fn contact_view(lang: Lang, provider: &Provider) -> Html {
    let text = catalogue(lang);
    let contact = &provider.contact;
    let link = |label: &'static str, value: &Option<String>, href: fn(&str) -> Option<String>| {
        let value = value.as_deref()?;
        let href = href(value)?;
        Some(html! {
            <>
                <dt>{ label }</dt>
                <dd><a href={href}>{ value }</a></dd>
            </>
        })
    };
    let languages: Vec<String> = provider
        .languages
        .iter()
        .map(|code| language_name(lang, code))
        .collect();
    html! {
        <>
            { link(text.phone, &contact.phone, tel_href) }
            { link(text.email, &contact.email, mailto_href) }
            { link(text.web, &contact.web, web_href) }
            if let Some(address) = &contact.address {
                <dt>{ text.address }</dt>
                <dd>{ address.get(lang) }</dd>
            }
            if !languages.is_empty() {
                <dt>{ text.languages }</dt>
                <dd>{ join(&languages, ", ") }</dd>
            }
        </>
    }
}

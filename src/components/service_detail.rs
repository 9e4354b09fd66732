//! The detail of one service, in a modal dialog: description, examples, and for each
//! provider its availability, access route, eligibility and contacts as safe links.
//! Escape, the close button or a click on the backdrop closes it; the browser returns
//! focus to the service that opened it.

use crate::core::figures::ServiceStatus;
use crate::core::i18n::{
    access_label, availability_label, catalogue, language_name, provider_kind_label,
};
use crate::core::links::{mailto_href, tel_href, web_href};
use crate::core::model::{Offer, Provider};
use crate::core::text::Lang;
use crate::state::{Prepared, Shared};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ServiceDetailProps {
    pub prepared: Shared<Prepared>,
    /// Index of the service in the config.
    pub service: usize,
    pub lang: Lang,
    pub uid: AttrValue,
    pub on_close: Callback<()>,
}

#[component]
pub fn ServiceDetail(props: &ServiceDetailProps) -> Html {
    let lang = props.lang;
    let text = catalogue(lang);
    let config = &props.prepared.config;
    let service = &config.services[props.service];
    let dialog_ref = use_node_ref();
    {
        let dialog_ref = dialog_ref.clone();
        use_effect_with((), move |_| {
            if let Some(dialog) = dialog_ref.cast::<web_sys::HtmlDialogElement>() {
                if !dialog.open() {
                    // A dialog that cannot be modal (detached element) still opens.
                    if dialog.show_modal().is_err() {
                        dialog.show();
                    }
                }
            }
            move || {
                if let Some(dialog) = dialog_ref.cast::<web_sys::HtmlDialogElement>() {
                    dialog.close();
                }
            }
        });
    }
    let onclose = {
        let on_close = props.on_close.clone();
        Callback::from(move |_: Event| on_close.emit(()))
    };
    let close_button = {
        let dialog_ref = dialog_ref.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(dialog) = dialog_ref.cast::<web_sys::HtmlDialogElement>() {
                dialog.close();
            }
        })
    };
    // A click whose target is the dialog itself landed on the backdrop.
    let backdrop = {
        let dialog_ref = dialog_ref.clone();
        Callback::from(move |event: MouseEvent| {
            let dialog = dialog_ref.cast::<web_sys::HtmlDialogElement>();
            if let (Some(dialog), Some(target)) = (dialog, event.target()) {
                if target == dialog.clone().into() {
                    dialog.close();
                }
            }
        })
    };
    let title_id = format!("{}-detail-title", props.uid);
    let offers: Vec<(&Offer, Option<&Provider>)> = config
        .offers
        .iter()
        .filter(|o| o.service == service.id)
        .map(|o| (o, config.provider(&o.provider)))
        .collect();
    html! {
        <dialog class="srm-detail" ref={dialog_ref} aria-labelledby={title_id.clone()}
                {onclose} onclick={backdrop}>
            <div class="srm-detail-body">
                <div class="srm-detail-head">
                    <h2 class="srm-detail-title" id={title_id}>{ service.label.get(lang) }</h2>
                    <button type="button" class="srm-close" onclick={close_button}>
                        <span aria-hidden="true">{ "✕ " }</span>{ text.close }
                    </button>
                </div>
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
            </div>
        </dialog>
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
                if let Some(eligibility) = &offer.eligibility {
                    <dt>{ text.eligibility }</dt>
                    <dd>{ eligibility.get(lang) }</dd>
                }
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
                <dd>{ languages.join(", ") }</dd>
            }
        </>
    }
}

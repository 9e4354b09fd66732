//! Who gives a contribution: a name (optional), an organisation among the providers or
//! "person using services, or family", and a perspective.

use crate::components::field_value;
use crate::core::contribution::Contributor;
use crate::core::gaps::Perspective;
use crate::core::i18n::perspective_label;
use crate::core::participant_text::participant_text;
use crate::core::text::Lang;
use crate::state::{Action, Prepared, Shared};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ContributorFormProps {
    pub prepared: Shared<Prepared>,
    pub contributor: Contributor,
    pub lang: Lang,
    pub uid: AttrValue,
    pub on_action: Callback<Action>,
}

#[component]
pub fn ContributorForm(props: &ContributorFormProps) -> Html {
    let lang = props.lang;
    let words = participant_text(lang);
    let config = &props.prepared.config;
    let change = |apply: fn(&mut Contributor, String)| {
        let (on_action, contributor) = (props.on_action.clone(), props.contributor.clone());
        move |event: Event| {
            let mut next = contributor.clone();
            apply(&mut next, field_value(&event));
            on_action.emit(Action::SetContributor(next));
        }
    };
    let on_name = Callback::from(change(|c, v| c.name = v));
    let on_organisation = Callback::from(change(|c, v| {
        c.organisation = Some(v).filter(|v| !v.is_empty());
        // A person using services speaks from that perspective; an organisation's
        // participant most often as a practitioner (either can be changed).
        c.perspective = match (&c.organisation, c.perspective) {
            (
                None,
                Perspective::Practitioner | Perspective::Organisation | Perspective::Government,
            ) => Perspective::PersonUsingServices,
            (Some(_), Perspective::PersonUsingServices | Perspective::FamilyAndCloseOnes) => {
                Perspective::Practitioner
            }
            (_, kept) => kept,
        };
    }));
    let on_perspective = Callback::from(change(|c, v| {
        if let Some(p) = Perspective::from_key(&v) {
            c.perspective = p;
        }
    }));
    let id = |field: &str| format!("{}-contributor-{field}", props.uid);
    let organisation = props.contributor.organisation.as_deref();
    html! {
        <section class="srm-contributor" aria-labelledby={id("title")}>
            <h3 id={id("title")}>{ words.who_title }</h3>
            <p class="srm-field">
                <label for={id("name")}>{ words.name_label }</label>
                <input id={id("name")} type="text" autocomplete="name" value={props.contributor.name.clone()}
                       aria-describedby={id("name-hint")} onchange={on_name} />
                <span class="srm-hint" id={id("name-hint")}>{ words.name_hint }</span>
            </p>
            <p class="srm-field">
                <label for={id("organisation")}>{ words.organisation_label }</label>
                <select id={id("organisation")} onchange={on_organisation}>
                    <option value="" selected={organisation.is_none()}>{ words.person_or_family }</option>
                    { for config.providers.iter().map(|p| html! {
                        <option value={p.id.clone()} selected={organisation == Some(p.id.as_str())}>{ p.name.get(lang) }</option>
                    }) }
                </select>
            </p>
            <p class="srm-field">
                <label for={id("perspective")}>{ words.perspective_label }</label>
                <select id={id("perspective")} onchange={on_perspective}>
                    { for Perspective::ALL.iter().map(|p| html! {
                        <option value={p.key()} selected={*p == props.contributor.perspective}>{ perspective_label(lang, *p) }</option>
                    }) }
                </select>
            </p>
        </section>
    }
}

//! Who gives a contribution: a name (optional), an organisation among the providers or
//! "person using services, or family", and a perspective.

use crate::components::field_value;
use crate::core::contribution::{Contributor, ContributorEdit};
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
    let change = |make: fn(String) -> Option<ContributorEdit>| {
        let on_action = props.on_action.clone();
        Callback::from(move |event: Event| {
            if let Some(edit) = make(field_value(&event)) {
                on_action.emit(Action::EditContributor(edit));
            }
        })
    };
    // Kept as it is typed: a participant may go straight to a button that leaves the page.
    let on_name = {
        let on_action = props.on_action.clone();
        Callback::from(move |event: InputEvent| {
            on_action.emit(Action::EditContributor(ContributorEdit::Name(field_value(
                &event,
            ))))
        })
    };
    let on_organisation = change(|v| {
        Some(ContributorEdit::Organisation(
            Some(v).filter(|v| !v.is_empty()),
        ))
    });
    let on_perspective = change(|v| Perspective::from_key(&v).map(ContributorEdit::Perspective));
    let id = |field: &str| format!("{}-contributor-{field}", props.uid);
    let organisation = props.contributor.organisation.as_deref();
    html! {
        <section class="srm-contributor" aria-labelledby={id("title")}>
            <h3 id={id("title")}>{ words.who_title }</h3>
            <p class="srm-field">
                <label for={id("name")}>{ words.name_label }</label>
                <input id={id("name")} type="text" autocomplete="name" value={props.contributor.name.clone()}
                       aria-describedby={id("name-hint")} oninput={on_name} />
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

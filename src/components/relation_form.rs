//! The form that sets a relation between two providers, in a modal dialog: its current
//! level and its target (radio groups: arrow keys move along the scale), the mechanisms in
//! place (check boxes), and what the config says of it (services concerned, note). Saving
//! a relation back to the config's own values leaves no edit in the session.

use super::modal::{CloseModal, Modal};
use crate::core::continuum::{edit_for, level_label, Link};
use crate::core::i18n::{catalogue, mechanism_label, workshop_text};
use crate::core::model::{Mechanism, Named};
use crate::core::session::Session;
use crate::core::text::Lang;
use crate::state::{use_collaboration, Action, Prepared, Shared};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct RelationFormProps {
    pub prepared: Shared<Prepared>,
    pub session: Shared<Session>,
    /// The two provider ids.
    pub pair: [String; 2],
    pub lang: Lang,
    pub uid: AttrValue,
    pub on_action: Callback<Action>,
}

/// The dialog; its content is [`RelationFormBody`], which closes it through the modal's
/// context so that the browser returns focus to what opened the form.
#[component]
pub fn RelationForm(props: &RelationFormProps) -> Html {
    let on_close = {
        let on_action = props.on_action.clone();
        Callback::from(move |_| on_action.emit(Action::CloseRelationForm))
    };
    let work = workshop_text(props.lang);
    html! {
        <Modal class="srm-detail srm-relation-form" title={work.relation_form_title}
               title_id={format!("{}-relation-title", props.uid)} {on_close}>
            <RelationFormBody prepared={props.prepared.clone()} session={props.session.clone()}
                              pair={props.pair.clone()} lang={props.lang} uid={props.uid.clone()}
                              on_action={props.on_action.clone()} />
        </Modal>
    }
}

/// What the form edits.
#[derive(Clone, PartialEq)]
struct Draft {
    level: usize,
    target: Option<usize>,
    mechanisms: Vec<Mechanism>,
}

#[component]
fn RelationFormBody(props: &RelationFormProps) -> Html {
    let lang = props.lang;
    let text = catalogue(lang);
    let work = workshop_text(lang);
    let config = &props.prepared.config;
    let collaboration = use_collaboration(&props.prepared, &props.session);
    let index = |id: &str| config.providers.iter().position(|p| p.id == id);
    let (a, b) = (index(&props.pair[0]), index(&props.pair[1]));
    let link: Option<Link> = a
        .zip(b)
        .and_then(|(a, b)| collaboration.network.link(a, b).cloned());
    let draft = {
        let link = link.clone();
        use_state(move || Draft {
            level: link.as_ref().map_or(0, |l| l.level),
            target: link.as_ref().and_then(|l| l.target),
            mechanisms: link.map(|l| l.mechanisms.to_vec()).unwrap_or_default(),
        })
    };
    let close = use_context::<CloseModal>();
    let scale = &collaboration.scale;
    let id = |name: &str| format!("{}-relation-{name}", props.uid);
    let name = |id: &str| {
        config
            .provider(id)
            .map_or_else(|| id.to_string(), |p| p.name.get(lang).to_string())
    };
    let about = format!("{} — {}", name(&props.pair[0]), name(&props.pair[1]));
    let onsubmit = {
        let (draft, on_action, close) = (draft.clone(), props.on_action.clone(), close.clone());
        let (prepared, pair, collaboration) = (
            props.prepared.clone(),
            props.pair.clone(),
            collaboration.clone(),
        );
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let network = &collaboration.network;
            let mut mechanisms = draft.mechanisms.clone();
            mechanisms.sort();
            let edit = edit_for(
                &prepared.config,
                pair.clone(),
                network.level_id(draft.level).to_string(),
                draft.target.map(|t| network.level_id(t).to_string()),
                mechanisms,
            );
            on_action.emit(Action::SaveRelation(pair.clone(), edit));
            if let Some(CloseModal(close)) = &close {
                close.emit(());
            }
        })
    };
    let cancel = CloseModal::cancel(close, &props.on_action, Action::CloseRelationForm);
    // A radio group over the scale; `none_choice` adds "no target" first.
    let levels = |field: &'static str,
                  legend: &'static str,
                  current: Option<usize>,
                  none_choice: bool| {
        let choice = |key: String, label: String, value: Option<usize>| {
            let radio_id = id(&format!("{field}-{key}"));
            let draft = draft.clone();
            let onchange = Callback::from(move |_: Event| {
                let mut next = (*draft).clone();
                match field {
                    "level" => next.level = value.unwrap_or(0),
                    _ => next.target = value,
                }
                draft.set(next);
            });
            html! {
                <span key={key.clone()} class="srm-level-choice">
                    <input type="radio" id={radio_id.clone()} name={id(field)} value={key}
                           checked={current == value} {onchange} />
                    <label for={radio_id}>{ label }</label>
                </span>
            }
        };
        html! {
            <fieldset class="srm-level-choices">
                <legend>{ legend }</legend>
                if none_choice {
                    { choice("no-target".into(), work.no_target.into(), None) }
                }
                { for scale.iter().enumerate().map(|(rank, level)| choice(level.id.clone(), level_label(scale, rank, lang), Some(rank))) }
            </fieldset>
        }
    };
    let mechanisms = Mechanism::NAMES.iter().map(|(key, mechanism)| {
        let mechanism = *mechanism;
        let box_id = id(&format!("mechanism-{key}"));
        let onchange = {
            let draft = draft.clone();
            Callback::from(move |_: Event| {
                let mut next = (*draft).clone();
                match next.mechanisms.iter().position(|m| *m == mechanism) {
                    Some(i) => {
                        next.mechanisms.remove(i);
                    }
                    None => next.mechanisms.push(mechanism),
                }
                draft.set(next);
            })
        };
        html! {
            <span key={*key} class="srm-mechanism-choice">
                <input type="checkbox" id={box_id.clone()} value={*key}
                       checked={draft.mechanisms.contains(&mechanism)} {onchange} />
                <label for={box_id}>{ mechanism_label(lang, mechanism) }</label>
            </span>
        }
    });
    let relation = link
        .as_ref()
        .and_then(|l| l.relation)
        .and_then(|i| config.continuum.as_ref()?.relations.get(i));
    html! {
        <form class="srm-gap-fields" {onsubmit}>
            <p class="srm-form-about"><strong>{ work.col_relation }{ text.colon }</strong>{ about }</p>
            { levels("level", work.col_level, Some(draft.level), false) }
            { levels("target", work.col_target, draft.target, true) }
            <fieldset class="srm-mechanism-choices">
                <legend>{ work.col_mechanisms }</legend>
                { for mechanisms }
            </fieldset>
            if let Some(link) = link.as_ref().filter(|l| !l.services.is_empty()) {
                <p><strong>{ work.col_services }{ text.colon }</strong>
                    { link.services.iter().map(|&s| config.services[s].label.get(lang)).collect::<Vec<_>>().join(", ") }</p>
            }
            if let Some(note) = relation.and_then(|r| r.note.as_ref()) {
                <p><strong>{ work.col_note }{ text.colon }</strong>{ note.get(lang) }</p>
            }
            <div class="srm-form-buttons">
                <button type="submit" class="srm-primary">{ work.save }</button>
                <button type="button" onclick={cancel}>{ work.cancel }</button>
            </div>
        </form>
    }
}

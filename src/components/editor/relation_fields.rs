//! The form of one relation: its two organisations, its level now and the level aimed for,
//! the mechanisms that hold it, the services it concerns (those the two offer first) and a
//! note.

use super::field_notes::{field_id, FieldNotes};
use super::form_parts::{edit_with, ItemProps};
use super::plain_field::{Control, PlainField};
use crate::core::continuum::scale;
use crate::core::draft::{relations, Edit, TextField};
use crate::core::editor_text::editor_text;
use crate::core::i18n::mechanism_label;
use crate::core::model::{Mechanism, Named};
use crate::editor_state::EditorAction;
use std::rc::Rc;
use yew::prelude::*;

#[component]
pub fn RelationFields(props: &ItemProps) -> Html {
    let lang = props.lang;
    let t = editor_text(lang);
    let (draft, check, uid, index) = (&*props.draft, &*props.check, &props.uid, props.index);
    let fields = props.fields();
    let levels = scale(draft);
    let Some(relation) = relations(draft).get(index) else {
        return Html::default();
    };
    let path = format!("$.continuum.relations[{index}]");
    let notes = |field: &str| FieldNotes::of(check, &format!("{path}.{field}"), lang);
    let providers = Control::Choice(Rc::new(
        draft
            .providers
            .iter()
            .map(|p| {
                (
                    AttrValue::from(p.id.clone()),
                    AttrValue::from(p.name.get(lang).to_string()),
                )
            })
            .collect(),
    ));
    let level_choices = |with_none_target: bool| {
        let mut options: Vec<(AttrValue, AttrValue)> = Vec::new();
        if with_none_target {
            options.push(("".into(), t.no_target.into()));
        }
        options.extend(levels.iter().map(|l| {
            (
                AttrValue::from(l.id.clone()),
                AttrValue::from(l.label.get(lang).to_string()),
            )
        }));
        Control::Choice(Rc::new(options))
    };
    let provider_field = |side: usize, label: &'static str| {
        html! {
            <PlainField path={format!("{path}.providers[{side}]")} {label} value={relation.providers[side].clone()}
                        control={providers.clone()} uid={uid.clone()}
                        notes={FieldNotes::of_all(check, &[&format!("{path}.providers[{side}]"), &format!("{path}.providers")], lang)}
                        on_change={edit_with(&props.on_action, move |provider| Some(Edit::RelationProvider { index, side, provider }))} />
        }
    };
    let mechanisms = Mechanism::NAMES.iter().map(|(key, mechanism)| {
        let mechanism = *mechanism;
        let on = relation.mechanisms.contains(&mechanism);
        let id = field_id(uid, &format!("{path}.mechanisms.{key}"));
        let onchange = {
            let on_action = props.on_action.clone();
            Callback::from(move |_: Event| {
                on_action.emit(EditorAction::Edit(Edit::RelationMechanism {
                    index,
                    mechanism,
                    on: !on,
                }))
            })
        };
        html! {
            <li key={*key}>
                <input type="checkbox" id={id.clone()} checked={on} {onchange} />
                <label for={id}>{ mechanism_label(lang, mechanism) }</label>
            </li>
        }
    });
    // The services the two organisations offer, and those already named: a range of
    // thousands of services would make a list nobody can read.
    let offered = |id: &str| {
        draft
            .offers
            .iter()
            .any(|o| o.service == id && relation.providers.contains(&o.provider))
    };
    let services = draft
        .services
        .iter()
        .filter(|s| offered(&s.id) || relation.services.contains(&s.id))
        .map(|service| {
            let on = relation.services.contains(&service.id);
            let id = field_id(uid, &format!("{path}.services.{}", service.id));
            let onchange = {
                let (on_action, service) = (props.on_action.clone(), service.id.clone());
                Callback::from(move |_: Event| {
                    on_action.emit(EditorAction::Edit(Edit::RelationService {
                        index,
                        service: service.clone(),
                        on: !on,
                    }))
                })
            };
            html! {
                <li key={service.id.clone()}>
                    <input type="checkbox" id={id.clone()} checked={on} {onchange} />
                    <label for={id}>{ service.label.get(lang) }</label>
                </li>
            }
        })
        .collect::<Vec<_>>();
    let delete = {
        let on_action = props.on_action.clone();
        Callback::from(move |_: MouseEvent| {
            on_action.emit(EditorAction::Edit(Edit::DeleteRelation { index }))
        })
    };
    let close = {
        let on_action = props.on_action.clone();
        Callback::from(move |_: MouseEvent| on_action.emit(EditorAction::Open(None)))
    };
    let own = FieldNotes::of(check, &path, lang);
    html! {
        <div class="srm-item-form" role="group" aria-label={t.relation_form}>
            { own.render(&format!("{}-notes", field_id(uid, &path))) }
            { provider_field(0, t.relation_first) }
            { provider_field(1, t.relation_second) }
            <PlainField path={format!("{path}.level")} label={t.relation_level} value={relation.level.clone()}
                        control={level_choices(false)} uid={uid.clone()} notes={notes("level")}
                        on_change={edit_with(&props.on_action, move |level| Some(Edit::RelationLevel { index, level }))} />
            <PlainField path={format!("{path}.target")} label={t.relation_target}
                        value={relation.target.clone().unwrap_or_default()} control={level_choices(true)}
                        uid={uid.clone()} notes={notes("target")}
                        on_change={edit_with(&props.on_action, move |target| Some(Edit::RelationTarget { index, target: Some(target).filter(|t| !t.is_empty()) }))} />
            <fieldset class="srm-checks">
                <legend>{ t.mechanisms }</legend>
                <ul>{ for mechanisms }</ul>
            </fieldset>
            <fieldset class="srm-checks" id={field_id(uid, &format!("{path}.services"))} tabindex="-1">
                <legend>{ t.relation_services }</legend>
                { notes("services").render(&format!("{}-notes", field_id(uid, &format!("{path}.services")))) }
                if services.is_empty() {
                    <p class="srm-empty">{ t.relation_no_common_service }</p>
                } else {
                    <ul>{ for services }</ul>
                }
            </fieldset>
            { fields.text(TextField::RelationNote(index), t.relation_note, true) }
            <div class="srm-row-buttons">
                <button type="button" class="srm-danger" onclick={delete}>{ t.delete_relation }</button>
                <button type="button" onclick={close}>{ t.close_form }</button>
            </div>
        </div>
    }
}

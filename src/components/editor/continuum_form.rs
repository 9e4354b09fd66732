//! The continuum of collaboration: the scale the relations are rated on, and each relation
//! between two organisations — its level now, the level aimed for, the mechanisms that hold
//! it, the services it concerns and a note.

use super::field_notes::FieldNotes;
use super::form_parts::{edit_with, PartProps};
use super::item_row::ItemRow;
use super::plain_field::{choices, PlainField};
use super::relation_adder::RelationAdder;
use super::relation_fields::RelationFields;
use crate::core::continuum::scale;
use crate::core::draft::{relations, Edit};
use crate::core::editor_text::{editor_text, scale_label};
use crate::core::model::{BuiltInScale, Named};
use crate::editor_state::EditorAction;
use std::rc::Rc;
use yew::prelude::*;

#[component]
pub fn ContinuumForm(props: &PartProps) -> Html {
    let lang = props.lang;
    let t = editor_text(lang);
    let (draft, check, uid) = (&*props.draft, &*props.check, &props.uid);
    let levels = Rc::new(scale(draft));
    let continuum = draft.continuum.as_deref();
    let own_levels = continuum.is_some_and(|c| !c.levels.is_empty());
    let scales = choices(
        BuiltInScale::NAMES.iter().map(|(_, s)| *s),
        BuiltInScale::name,
        |s| scale_label(lang, s),
    );
    let current = continuum.map(|c| c.scale).unwrap_or_default();
    let name = |id: &str| {
        draft
            .provider(id)
            .map_or(id.to_string(), |p| p.name.get(lang).to_string())
    };
    let level_name = |id: &str| {
        levels
            .iter()
            .find(|l| l.id == id)
            .map_or(id.to_string(), |l| l.label.get(lang).to_string())
    };
    let rows = relations(draft).iter().enumerate().map(|(i, relation)| {
        let open = props.open == Some(i);
        let [a, b] = &relation.providers;
        let on_toggle = {
            let on_action = props.on_action.clone();
            Callback::from(move |open: bool| on_action.emit(EditorAction::Open(open.then_some(i))))
        };
        let path = format!("$.continuum.relations[{i}]");
        let notes = check.at(&path).len()
            + ["providers", "level", "target"].iter().map(|f| check.at(&format!("{path}.{f}")).len()).sum::<usize>();
        html! {
            <li key={format!("{a}\u{1f}{b}\u{1f}{i}")} class={classes!("srm-service-row-item", open.then_some("srm-open"))}>
                <ItemRow path={path.clone()} label={format!("{} – {}", name(a), name(b))}
                         meta={level_name(&relation.level)} {open} {notes} {lang} uid={uid.clone()} {on_toggle} />
                if open {
                    <RelationFields draft={props.draft.clone()} check={props.check.clone()} index={i}
                                    {lang} uid={uid.clone()} on_action={props.on_action.clone()} />
                }
            </li>
        }
    });
    let count = relations(draft).len();
    html! {
        <section class="srm-editor-section" aria-labelledby={format!("{uid}-continuum-title")}>
            <h3 id={format!("{uid}-continuum-title")}>{ t.section_continuum }</h3>
            <p class="srm-field-hint">{ t.continuum_intro }</p>
            if own_levels {
                <p>{ t.own_levels }</p>
                <ol class="srm-level-list">
                    { for levels.iter().skip(1).map(|l| html! { <li key={l.id.clone()}>{ l.label.get(lang) }</li> }) }
                </ol>
            } else {
                <PlainField path="$.continuum.scale" label={t.scale} value={current.name()} control={scales}
                            uid={uid.clone()} notes={FieldNotes::of(check, "$.continuum.scale", lang)}
                            on_change={edit_with(&props.on_action, |v| BuiltInScale::named(&v).map(Edit::Scale))} />
            }
            if count == 0 {
                <p class="srm-empty">{ t.no_relation }</p>
            } else {
                <ul class="srm-service-rows" aria-label={t.relations}>{ for rows }</ul>
            }
            if draft.providers.len() < 2 {
                <p class="srm-field-hint">{ t.two_providers_first }</p>
            } else {
                <RelationAdder draft={props.draft.clone()} {lang} uid={uid.clone()} on_action={props.on_action.clone()} />
            }
        </section>
    }
}

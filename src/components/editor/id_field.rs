//! The advanced field of an item's id: generated from its first name and never changed by
//! a rename, it can be set by hand here, checked as one types (not blank, not another
//! item's); the change is made when the field is left or Enter is pressed.

use super::field_notes::field_id;
use crate::components::field_value;
use crate::core::draft::{check_new_id, Refusal};
use crate::core::editor_text::{editor_text, refusal_text};
use crate::core::text::Lang;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct IdFieldProps {
    /// The JSON path of the id (`$.services[3].id`).
    pub path: AttrValue,
    pub id: AttrValue,
    /// The ids of the items of the list.
    pub ids: Rc<Vec<String>>,
    pub lang: Lang,
    pub uid: AttrValue,
    /// Told the new id once it is checked.
    pub on_change: Callback<String>,
}

#[component]
pub fn IdField(props: &IdFieldProps) -> Html {
    let t = editor_text(props.lang);
    let typed = use_state(|| None::<String>);
    let id = field_id(&props.uid, &props.path);
    let value = typed.as_deref().unwrap_or(props.id.as_str()).to_string();
    // The same check as the edit's, said as one types.
    let ids = props.ids.iter().map(String::as_str);
    let problem = match check_new_id(&value, &props.id, ids) {
        Err(Refusal::Unchanged) | Ok(_) => None,
        Err(refusal) => Some(refusal_text(props.lang, &refusal)),
    };
    let oninput = {
        let typed = typed.clone();
        Callback::from(move |event: InputEvent| typed.set(Some(field_value(&event))))
    };
    let onchange = {
        let (typed, on_change, ok) = (typed.clone(), props.on_change.clone(), problem.is_none());
        Callback::from(move |event: Event| {
            if ok {
                on_change.emit(field_value(&event).trim().to_string());
                typed.set(None);
            }
        })
    };
    let notes_id = format!("{id}-notes");
    let open = typed.is_some();
    html! {
        <details class="srm-advanced" {open}>
            <summary>{ t.advanced }</summary>
            <div class="srm-plain-field">
                <label for={id.clone()} class="srm-form-label">{ t.id_label }</label>
                <input type="text" id={id.clone()} {value} {oninput} {onchange} spellcheck="false"
                       aria-describedby={format!("{id}-hint {notes_id}")}
                       aria-invalid={problem.as_ref().map(|_| "true")} />
                <p id={format!("{id}-hint")} class="srm-field-hint">{ t.id_hint }</p>
                <ul id={notes_id} class="srm-field-notes">
                    if let Some(problem) = problem {
                        <li class="srm-field-error">{ problem }</li>
                    }
                </ul>
            </div>
        </details>
    }
}

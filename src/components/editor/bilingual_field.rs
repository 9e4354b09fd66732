//! A text of the config as two fields side by side, French and English, with what the
//! validator and the editor say about it tied to both. Nothing forces the second
//! language: a text written once is shown in every language.

use super::field_notes::{field_id, FieldNotes};
use crate::components::field_value;
use crate::core::draft::{Edit, TextField};
use crate::core::editor_text::editor_text;
use crate::core::text::Lang;
use crate::editor_state::EditorAction;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct BilingualFieldProps {
    pub field: TextField,
    pub label: AttrValue,
    /// The French (or plain) and English versions.
    pub fr: AttrValue,
    pub en: AttrValue,
    /// True when the text is written once for every language (English is then empty).
    #[prop_or_default]
    pub plain: bool,
    #[prop_or_default]
    pub multiline: bool,
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    pub notes: FieldNotes,
    pub lang: Lang,
    pub uid: AttrValue,
    pub on_action: Callback<EditorAction>,
}

#[component]
pub fn BilingualField(props: &BilingualFieldProps) -> Html {
    let t = editor_text(props.lang);
    let path = props.field.path().to_string();
    let id = field_id(&props.uid, &path);
    let notes_id = format!("{id}-notes");
    let hint_id = format!("{id}-hint");
    let described = [
        (!props.notes.is_empty()).then(|| notes_id.clone()),
        props.hint.as_ref().map(|_| hint_id.clone()),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ");
    let described = (!described.is_empty()).then_some(described);
    let invalid = props.notes.has_error().then_some("true");
    let input = |lang: Lang, value: &AttrValue| {
        let field = props.field;
        let on_action = props.on_action.clone();
        let oninput = Callback::from(move |event: InputEvent| {
            let raw = field_value(&event);
            let clean = crate::core::draft::clean(&raw);
            if clean != raw {
                // Control characters are taken out of the field itself, not only the draft.
                if let Some(target) = event.target() {
                    set_value(&target, &clean);
                }
            }
            on_action.emit(EditorAction::Edit(Edit::Text {
                field,
                lang,
                value: clean,
            }));
        });
        let input_id = match lang {
            Lang::Fr => id.clone(),
            Lang::En => format!("{id}-en"),
        };
        let placeholder = (lang == Lang::En && props.plain).then_some(t.same_as_french);
        let language = match lang {
            Lang::Fr => t.french,
            Lang::En => t.english,
        };
        html! {
            <div class="srm-bilingual-side">
                <label for={input_id.clone()}>
                    <span class="srm-visually-hidden">{ format!("{} — ", props.label) }</span>{ language }
                </label>
                if props.multiline {
                    <textarea id={input_id} lang={lang.code()} rows="3" value={value.clone()} {oninput} {placeholder}
                              aria-describedby={described.clone()} aria-invalid={invalid} />
                } else {
                    <input type="text" id={input_id} lang={lang.code()} value={value.clone()} {oninput} {placeholder}
                           aria-describedby={described.clone()} aria-invalid={invalid} />
                }
            </div>
        }
    };
    html! {
        <div class="srm-bilingual" role="group" aria-labelledby={format!("{id}-label")}>
            <span id={format!("{id}-label")} class="srm-form-label">{ props.label.clone() }</span>
            <div class="srm-bilingual-pair">
                { input(Lang::Fr, &props.fr) }
                { input(Lang::En, &props.en) }
            </div>
            if let Some(hint) = &props.hint {
                <p id={hint_id} class="srm-field-hint">{ hint.clone() }</p>
            }
            { props.notes.render(&notes_id) }
        </div>
    }
}

/// Sets the value of the input or text area an event came from.
pub fn set_value(target: &web_sys::EventTarget, value: &str) {
    if let Some(input) = target.dyn_ref::<web_sys::HtmlInputElement>() {
        input.set_value(value);
    } else if let Some(area) = target.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        area.set_value(value);
    }
}

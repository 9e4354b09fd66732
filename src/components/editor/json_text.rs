//! The draft as JSON text, for those who prefer it: every edit here shows in the forms and
//! the preview as soon as the text can be read; while it cannot (a missing comma, a wrong
//! type), the person stays on the text with its problems, each with its line and column
//! and a button that puts the caret there.

use super::form_parts::LISTED_PROBLEMS;
use crate::components::field_value;
use crate::core::editor_text::editor_text;
use crate::core::i18n::{line_column, problem_message};
use crate::core::text::Lang;
use crate::editor_state::{EditorAction, JsonText};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct JsonTextViewProps {
    pub json: JsonText,
    pub lang: Lang,
    pub uid: AttrValue,
    pub on_action: Callback<EditorAction>,
}

/// The offset, in UTF-16 units as text fields count, of a 1-based line and column counted
/// in characters.
fn caret_at(text: &str, line: usize, column: usize) -> u32 {
    let mut units = 0;
    for (n, content) in text.split('\n').enumerate() {
        if n + 1 == line {
            let within: usize = content
                .chars()
                .take(column.saturating_sub(1))
                .map(char::len_utf16)
                .sum();
            return (units + within) as u32;
        }
        units += content.encode_utf16().count() + 1;
    }
    units as u32
}

#[component]
pub fn JsonTextView(props: &JsonTextViewProps) -> Html {
    let lang = props.lang;
    let t = editor_text(lang);
    let area = use_node_ref();
    let oninput = {
        let on_action = props.on_action.clone();
        Callback::from(move |event: InputEvent| {
            on_action.emit(EditorAction::SetJson(field_value(&event)))
        })
    };
    let id = format!("{}-json", props.uid);
    let loaded = &props.json.loaded;
    let colon = crate::core::i18n::catalogue(lang).colon;
    let problems = loaded.problems.iter().take(LISTED_PROBLEMS).enumerate().map(|(n, problem)| {
        let place = problem.position.map(|p| line_column(lang, p.line, p.column)).unwrap_or_default();
        let go = problem.position.map(|p| {
            let (area, text) = (area.clone(), props.json.text.clone());
            Callback::from(move |_: MouseEvent| {
                if let Some(area) = area.cast::<web_sys::HtmlTextAreaElement>() {
                    let at = caret_at(&text, p.line, p.column);
                    let _ = area.focus();
                    let _ = area.set_selection_range(at, at);
                    // Scroll the line into view: about a line's height per line.
                    let height = area.scroll_height() as f64 / text.split('\n').count().max(1) as f64;
                    area.set_scroll_top(((p.line as f64 - 4.0).max(0.0) * height) as i32);
                }
            })
        });
        let class = if problem.is_error() { "srm-field-error" } else { "srm-field-warning" };
        html! {
            <li key={n} {class}>
                { format!("{place}{}{}", if place.is_empty() { "" } else { colon }, problem_message(lang, problem)) }
                if let Some(go) = go {
                    <button type="button" class="srm-goto" onclick={go}>{ t.go_to_text }</button>
                }
            </li>
        }
    }).collect::<Vec<_>>();
    html! {
        <section class="srm-editor-section srm-json" aria-labelledby={format!("{id}-title")}>
            <h3 id={format!("{id}-title")}>{ t.json_title }</h3>
            if !props.json.readable {
                <p class="srm-notice srm-notice-error" role="alert">{ t.json_unreadable }</p>
            }
            <label for={id.clone()} class="srm-form-label">{ t.json_label }</label>
            <textarea id={id.clone()} ref={area} class="srm-json-text" spellcheck="false" autocomplete="off"
                      wrap="off" value={props.json.text.clone()} {oninput}
                      aria-describedby={format!("{id}-problems")} />
            <ul id={format!("{id}-problems")} class="srm-field-notes">{ for problems }</ul>
        </section>
    }
}

//! What the validator and the editor say about one field, in words, tied to the field
//! (`aria-describedby`), and the element ids that name fields by their JSON path.

use crate::core::editor_text::advice_message;
use crate::core::i18n::problem_message;
use crate::core::text::Lang;
use crate::editor_state::DraftCheck;
use std::rc::Rc;
use yew::prelude::*;

/// The id of the form field that edits the value at a JSON path (`$.services[3].label` →
/// `srm1-e-services-3-label`): problems, which carry paths, find their field by it.
pub fn field_id(uid: &str, path: &str) -> String {
    let mut id = format!("{uid}-e");
    for c in path.chars().skip(1) {
        if c.is_ascii_alphanumeric() || c == '_' {
            id.push(c);
        } else if !id.ends_with('-') {
            id.push('-');
        }
    }
    id.trim_end_matches('-').to_string()
}

/// The messages about one field: errors first, then warnings and advice.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FieldNotes(Rc<Vec<(bool, String)>>);

impl FieldNotes {
    /// What the check says about the value at `path`.
    pub fn of(check: &DraftCheck, path: &str, lang: Lang) -> FieldNotes {
        let found = check.at(path);
        if found.is_empty() {
            return FieldNotes::default();
        }
        let mut notes: Vec<(bool, String)> = found
            .iter()
            .map(|found| match found {
                Ok(i) => {
                    let problem = &check.loaded.problems[*i];
                    (problem.is_error(), problem_message(lang, problem))
                }
                Err(i) => (false, advice_message(lang, &check.advice[*i].1)),
            })
            .collect();
        notes.sort_by_key(|(error, _)| !error);
        FieldNotes(Rc::new(notes))
    }

    /// The notes about several paths (a field and the object it belongs to).
    pub fn of_all(check: &DraftCheck, paths: &[&str], lang: Lang) -> FieldNotes {
        let mut notes = Vec::new();
        for path in paths {
            notes.extend(FieldNotes::of(check, path, lang).0.iter().cloned());
        }
        FieldNotes(Rc::new(notes))
    }

    /// One error of the editor's own (a value it could not take).
    pub fn error(message: &str) -> FieldNotes {
        FieldNotes(Rc::new(vec![(true, message.to_string())]))
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn has_error(&self) -> bool {
        self.0.iter().any(|(error, _)| *error)
    }

    /// The notes as a list with the given id (nothing when there are none).
    pub fn render(&self, id: &str) -> Html {
        if self.0.is_empty() {
            return Html::default();
        }
        html! {
            <ul id={id.to_string()} class="srm-field-notes">
                { for self.0.iter().map(|(error, message)| {
                    let class = if *error { "srm-field-error" } else { "srm-field-warning" };
                    html! { <li {class}>{ message.clone() }</li> }
                }) }
            </ul>
        }
    }
}

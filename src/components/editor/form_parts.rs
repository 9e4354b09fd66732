//! What the editor's forms share: the props of a part of the editor and of one item's
//! form, and [`Fields`], which builds a field of the draft with what the checks say of it.

use super::bilingual_field::BilingualField;
use super::field_notes::FieldNotes;
use crate::core::draft::{field_text, text_of, Edit, TextField};
use crate::core::editor_text::more_rows;
use crate::core::model::Config;
use crate::core::text::Lang;
use crate::editor_state::{DraftCheck, EditorAction};
use crate::state::Shared;
use yew::prelude::*;

/// How many items a list shows before "show more" (a range of thousands of services
/// stays quick to open).
pub const ROWS: usize = 100;

/// How many problems a list shows (the rest are counted).
pub const LISTED_PROBLEMS: usize = 100;

/// The "show more" button under a list that hides `hidden` items.
pub fn show_more(lang: Lang, hidden: usize, onclick: Callback<MouseEvent>) -> Html {
    html! {
        <button type="button" class="srm-more" {onclick}>{ more_rows(lang, hidden.min(ROWS), hidden) }</button>
    }
}

/// The props of a part of the editor (territory, range, organisations, continuum).
#[derive(Properties, PartialEq)]
pub struct PartProps {
    pub draft: Shared<Config>,
    pub check: Shared<DraftCheck>,
    /// The open item of the part (a service, an organisation, a relation).
    #[prop_or_default]
    pub open: Option<usize>,
    pub lang: Lang,
    pub uid: AttrValue,
    pub on_action: Callback<EditorAction>,
}

/// The props of one item's form (a service, an organisation).
#[derive(Properties, PartialEq)]
pub struct ItemProps {
    pub draft: Shared<Config>,
    pub check: Shared<DraftCheck>,
    pub index: usize,
    pub lang: Lang,
    pub uid: AttrValue,
    pub on_action: Callback<EditorAction>,
}

/// What a field of the draft needs: the draft, its check, the language, the id prefix and
/// the way to send edits.
pub struct Fields<'a> {
    pub draft: &'a Config,
    pub check: &'a DraftCheck,
    pub lang: Lang,
    pub uid: &'a AttrValue,
    pub on_action: &'a Callback<EditorAction>,
}

/// `fields()` of props that carry the draft, its check, the language, the id prefix and
/// the way to send edits.
macro_rules! fields_of {
    ($($props:ty),*) => {$(
        impl $props {
            pub fn fields(&self) -> Fields<'_> {
                Fields {
                    draft: &self.draft,
                    check: &self.check,
                    lang: self.lang,
                    uid: &self.uid,
                    on_action: &self.on_action,
                }
            }
        }
    )*};
}

fields_of!(PartProps, ItemProps);

impl Fields<'_> {
    /// A text of the draft as French and English fields, with what the checks say of it.
    pub fn text(&self, field: TextField, label: &str, multiline: bool) -> Html {
        let path = field.path().to_string();
        let plain = text_of(self.draft, field).is_some_and(|t| t.plain.is_some());
        html! {
            <BilingualField {field} label={label.to_string()} {multiline} {plain}
                            fr={field_text(self.draft, field, Lang::Fr)} en={field_text(self.draft, field, Lang::En)}
                            notes={self.notes(&path)} lang={self.lang} uid={self.uid.clone()}
                            on_action={self.on_action.clone()} />
        }
    }

    /// What the checks say of the value at `path`.
    pub fn notes(&self, path: &str) -> FieldNotes {
        FieldNotes::of(self.check, path, self.lang)
    }
}

/// A callback that makes an edit from a field's value (none: the value is not one).
pub fn edit_with(
    on_action: &Callback<EditorAction>,
    make: impl Fn(String) -> Option<Edit> + 'static,
) -> Callback<String> {
    let on_action = on_action.clone();
    Callback::from(move |value: String| {
        if let Some(edit) = make(value) {
            on_action.emit(EditorAction::Edit(edit));
        }
    })
}

/// A button's callback that sends `action`.
pub fn send(on_action: &Callback<EditorAction>, action: EditorAction) -> Callback<MouseEvent> {
    let on_action = on_action.clone();
    Callback::from(move |_: MouseEvent| on_action.emit(action.clone()))
}

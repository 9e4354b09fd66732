//! The territory the range belongs to: its name, kind, population, description, the
//! population served, whether it is an illustration, and (advanced) the config's id.

use super::bilingual_field::BilingualField;
use super::field_notes::FieldNotes;
use super::plain_field::{choices, Control, PlainField};
use crate::core::draft::{field_text, Edit, TextField};
use crate::core::editor_text::editor_text;
use crate::core::i18n::{catalogue, territory_kind_label};
use crate::core::model::{Config, Named, TerritoryKind};
use crate::core::session::identity;
use crate::core::text::Lang;
use crate::editor_state::{DraftCheck, EditorAction};
use crate::state::Shared;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TerritoryFormProps {
    pub draft: Shared<Config>,
    pub check: Shared<DraftCheck>,
    pub lang: Lang,
    pub uid: AttrValue,
    pub on_action: Callback<EditorAction>,
}

/// A bilingual field of the draft, with its notes.
pub fn text_field(
    draft: &Config,
    check: &DraftCheck,
    (field, label): (TextField, &str),
    multiline: bool,
    lang: Lang,
    uid: &AttrValue,
    on_action: &Callback<EditorAction>,
) -> Html {
    let path = field.path().to_string();
    let plain = crate::core::draft::text_of(draft, field).is_some_and(|t| t.plain.is_some());
    html! {
        <BilingualField {field} label={label.to_string()} {multiline} {plain}
                        fr={field_text(draft, field, Lang::Fr)} en={field_text(draft, field, Lang::En)}
                        notes={FieldNotes::of(check, &path, lang)} {lang} uid={uid.clone()}
                        on_action={on_action.clone()} />
    }
}

/// A callback that makes an edit from a field's value.
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

#[component]
pub fn TerritoryForm(props: &TerritoryFormProps) -> Html {
    let lang = props.lang;
    let t = editor_text(lang);
    let text = catalogue(lang);
    let draft = &*props.draft;
    let check = &*props.check;
    let uid = &props.uid;
    let field = |field: TextField, label: &str, multiline: bool| {
        text_field(
            draft,
            check,
            (field, label),
            multiline,
            lang,
            uid,
            &props.on_action,
        )
    };
    let territory = &draft.territory;
    let population = territory
        .population
        .map(|p| p.to_string())
        .unwrap_or_default();
    let kinds = choices(
        TerritoryKind::NAMES.iter().map(|(_, k)| *k),
        TerritoryKind::name,
        |k| territory_kind_label(lang, k),
    );
    let on_population = edit_with(&props.on_action, |value| {
        let digits: String = value.chars().filter(|c| !c.is_whitespace()).collect();
        if digits.is_empty() {
            return Some(Edit::Population(None));
        }
        digits.parse().ok().map(|n| Edit::Population(Some(n)))
    });
    let population_notes = FieldNotes::of(check, "$.territory.population", lang);
    let config_id = draft.id.clone().unwrap_or_default();
    html! {
        <section class="srm-editor-section" aria-labelledby={format!("{uid}-territory-title")}>
            <h3 id={format!("{uid}-territory-title")}>{ t.section_territory }</h3>
            { field(TextField::TerritoryName, t.territory_name, false) }
            <PlainField path="$.territory.kind" label={t.territory_kind} value={territory.kind.name()}
                        control={kinds} uid={uid.clone()}
                        notes={FieldNotes::of(check, "$.territory.kind", lang)}
                        on_change={edit_with(&props.on_action, |v| TerritoryKind::named(&v).map(Edit::TerritoryKind))} />
            <PlainField path="$.territory.population" label={t.territory_population} value={population}
                        control={Control::Input { kind: "text" }} uid={uid.clone()} hint={t.population_hint}
                        notes={population_notes} on_change={on_population} />
            { field(TextField::TerritoryDescription, text.description, true) }
            { field(TextField::PopulationServed, text.population_served, false) }
            <PlainField path="$.territory.example" label={t.territory_example}
                        value={territory.example.to_string()} control={Control::Check}
                        uid={uid.clone()} hint={t.territory_example_hint}
                        on_change={edit_with(&props.on_action, |v| Some(Edit::Example(v == "true")))} />
            <details class="srm-advanced">
                <summary>{ t.advanced }</summary>
                <PlainField path="$.id" label={t.config_id} value={config_id}
                            control={Control::Input { kind: "text" }} uid={uid.clone()}
                            hint={t.config_id_hint.replace("{}", &identity(draft))}
                            notes={FieldNotes::of(check, "$.id", lang)}
                            on_change={edit_with(&props.on_action, |v| Some(Edit::ConfigId(v)))} />
            </details>
        </section>
    }
}

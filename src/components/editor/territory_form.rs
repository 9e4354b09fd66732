//! The territory the range belongs to: its name, kind, population, description, the
//! population served, whether it is an illustration, and (advanced) the config's id.

use super::field_notes::FieldNotes;
use super::form_parts::{edit_with, PartProps};
use super::plain_field::{choices, Control, PlainField};
use crate::core::draft::{Edit, TextField};
use crate::core::editor_text::editor_text;
use crate::core::i18n::{catalogue, territory_kind_label};
use crate::core::model::{Named, TerritoryKind};
use crate::core::session::identity;
use yew::prelude::*;

#[component]
pub fn TerritoryForm(props: &PartProps) -> Html {
    let lang = props.lang;
    let t = editor_text(lang);
    let text = catalogue(lang);
    let draft = &*props.draft;
    let check = &*props.check;
    let uid = &props.uid;
    let fields = props.fields();
    let field =
        |field: TextField, label: &str, multiline: bool| fields.text(field, label, multiline);
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
    // What cannot be a number of inhabitants is said at the field and not taken.
    let not_a_number = use_state(|| false);
    let on_population = {
        let not_a_number = not_a_number.clone();
        edit_with(&props.on_action, move |value| {
            let digits: String = value.chars().filter(|c| !c.is_whitespace()).collect();
            let population = (!digits.is_empty()).then(|| digits.parse::<u64>());
            not_a_number.set(matches!(population, Some(Err(_))));
            match population {
                None => Some(Edit::Population(None)),
                Some(n) => n.ok().map(|n| Edit::Population(Some(n))),
            }
        })
    };
    let population_notes = match *not_a_number {
        true => FieldNotes::error(t.population_not_a_number),
        false => FieldNotes::of(check, "$.territory.population", lang),
    };
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

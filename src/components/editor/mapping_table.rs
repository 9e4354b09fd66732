//! The heart of an import: a table of the imported services, each with its proposed place
//! in the range (a service of the range, a new service in a tier, or left out), changed by
//! keyboard with a select; the first hundred rows, then more on demand.

use super::form_parts::{show_more, ROWS};
use super::mapping_row::{MappingRow, PlaceChoices};
use crate::core::directory_text::{apply_summary, directory_text};
use crate::core::mapping::Place;
use crate::core::model::Config;
use crate::core::text::Lang;
use crate::editor_state::{EditorAction, ImportStep};
use crate::state::Shared;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct MappingTableProps {
    pub step: ImportStep,
    pub draft: Shared<Config>,
    pub lang: Lang,
    pub uid: AttrValue,
    pub on_action: Callback<EditorAction>,
}

#[component]
pub fn MappingTable(props: &MappingTableProps) -> Html {
    let lang = props.lang;
    let t = directory_text(lang);
    let shown = use_state(|| ROWS);
    let step = &props.step;
    let dir = &step.directory;
    // The choices of every row: the services of the range by tier, a new service in each
    // tier, left out (built once per draft and language).
    let choices = use_memo((props.draft.clone(), lang), |(draft, lang)| {
        PlaceChoices::of(draft, *lang)
    });
    let rows = dir.listings.iter().enumerate().take(*shown).map(|(index, listing)| {
        let org = dir.organization(&listing.organization).map(|o| o.name.get(lang).to_string()).unwrap_or_default();
        let proposal = step.proposals.get(index).cloned();
        let place = step.places.get(index).cloned().unwrap_or(Place::LeftOut);
        html! {
            <MappingRow key={index} {index} listing={Rc::new(listing.clone())} organization={org}
                        {proposal} {place} choices={choices.clone()} {lang} uid={props.uid.clone()}
                        on_action={props.on_action.clone()} />
        }
    });
    let hidden = dir.listings.len().saturating_sub(*shown);
    let more = {
        let shown = shown.clone();
        Callback::from(move |_: MouseEvent| shown.set(*shown + ROWS))
    };
    let title = format!("{}-mapping-title", props.uid);
    html! {
        <div class="srm-mapping">
            <h4 id={title.clone()}>{ t.mapping_title }</h4>
            <p class="srm-hint">{ t.mapping_intro }</p>
            <p role="status">{ apply_summary(lang, &step.done) }</p>
            <div class="srm-table-scroll">
                <table class="srm-mapping-table" aria-labelledby={title}>
                    <thead>
                        <tr>
                            <th scope="col">{ t.col_imported }</th>
                            <th scope="col">{ t.col_organization }</th>
                            <th scope="col">{ t.col_place }</th>
                        </tr>
                    </thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
            if hidden > 0 {
                { show_more(lang, hidden, more) }
            }
        </div>
    }
}

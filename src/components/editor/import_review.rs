//! An import read and waiting for the person: the files read, what is wrong in them, the
//! place of each imported service in the range, the range as it would be, and the buttons
//! that apply the import (one undoable step) or drop it.

use super::import_preview::ImportPreview;
use super::import_problems::ImportProblems;
use super::mapping_table::MappingTable;
use crate::core::directory::FileKind;
use crate::core::directory_text::{directory_text, DirectoryText};
use crate::core::model::Config;
use crate::core::text::Lang;
use crate::editor_state::{EditorAction, ImportAction, ImportStep};
use crate::state::Shared;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ImportReviewProps {
    pub step: ImportStep,
    pub draft: Shared<Config>,
    pub lang: Lang,
    pub uid: AttrValue,
    pub on_action: Callback<EditorAction>,
}

fn kind_label(t: &DirectoryText, kind: FileKind) -> &'static str {
    match kind {
        FileKind::HsdsJson => t.kind_json,
        FileKind::DataPackage => t.kind_package,
        FileKind::Spreadsheet => t.kind_spreadsheet,
        FileKind::Zip => t.kind_zip,
        FileKind::Ignored => t.kind_ignored,
    }
}

#[component]
pub fn ImportReview(props: &ImportReviewProps) -> Html {
    let lang = props.lang;
    let t = directory_text(lang);
    let step = &props.step;
    let dir = &step.directory;
    let uid = &props.uid;
    let send = |action: fn() -> ImportAction| {
        let on_action = props.on_action.clone();
        Callback::from(move |_: MouseEvent| on_action.emit(EditorAction::Import(action())))
    };
    let range_terms = dir.tiers.len() + dir.services.len();
    let with_range = {
        let (on_action, on) = (props.on_action.clone(), step.with_range);
        Callback::from(move |_: Event| {
            on_action.emit(EditorAction::Import(ImportAction::WithRange(!on)))
        })
    };
    let with_range_id = format!("{uid}-with-range");
    let files = dir.files.iter().map(|(name, kind)| {
        html! { <li key={name.clone()}>{ format!("{name} — {}", kind_label(t, *kind)) }</li> }
    });
    let title = format!("{uid}-import-title");
    html! {
        <section class="srm-import" aria-labelledby={title.clone()}>
            <h4 id={title}>{ t.files_read }</h4>
            <ul class="srm-import-files">{ for files }</ul>
            <ImportProblems directory={step.directory.clone()} {lang} />
            if dir.listings.is_empty() {
                <p class="srm-notice">{ t.nothing }</p>
            } else {
                <MappingTable step={step.clone()} draft={props.draft.clone()} {lang} uid={uid.clone()} on_action={props.on_action.clone()} />
            }
            if range_terms > 0 {
                <p class="srm-check">
                    <input type="checkbox" id={with_range_id.clone()} checked={step.with_range} onchange={with_range} />
                    <label for={with_range_id}>{ crate::core::directory_text::with_range_label(lang, dir.tiers.len(), dir.services.len()) }</label>
                </p>
            }
            <ImportPreview before={props.draft.clone()} after={step.result.clone()} done={step.done.clone()} {lang} uid={uid.clone()} />
            <p class="srm-import-actions">
                <button type="button" class="srm-primary" onclick={send(|| ImportAction::Apply)}>{ t.apply }</button>
                { " " }
                <button type="button" onclick={send(|| ImportAction::Cancel)}>{ t.cancel }</button>
            </p>
        </section>
    }
}

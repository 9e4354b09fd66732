//! The editor's "Répertoire" part: import a directory (HSDS 3.0 JSON, a data package or its
//! .zip, a flat spreadsheet) chosen or dropped, then review it; download the spreadsheet
//! template; export the range as HSDS 3.0.

use super::import_review::ImportReview;
use crate::browser;
use crate::core::directory::{ImportKind, ImportProblem, MAX_FILE_BYTES};
use crate::core::directory_text::directory_text;
use crate::core::draft::slug;
use crate::core::hsds_export;
use crate::core::import::read_files;
use crate::core::model::Config;
use crate::core::session::identity;
use crate::core::spreadsheet::template;
use crate::core::text::Lang;
use crate::editor_state::{EditorAction, ImportAction, ImportStep};
use crate::state::Shared;
use std::rc::Rc;
use yew::prelude::*;

/// What the file chooser offers (a person may still pick anything: it is then said).
const ACCEPT: &str = ".json,.csv,.tsv,.txt,.zip,application/json,text/csv,application/zip";

#[derive(Properties, PartialEq)]
pub struct DirectoryPanelProps {
    pub draft: Shared<Config>,
    pub import: Option<ImportStep>,
    pub lang: Lang,
    pub uid: AttrValue,
    pub on_action: Callback<EditorAction>,
}

/// Reads chosen or dropped files into an import (files too large are said, unread).
async fn import(files: Vec<web_sys::File>, on_action: Callback<EditorAction>) {
    if files.is_empty() {
        return;
    }
    let read = browser::read_bytes(files, MAX_FILE_BYTES).await;
    let mut too_large = Vec::new();
    let mut readable = Vec::new();
    for (name, bytes) in read {
        match bytes {
            Ok(bytes) => readable.push((name, bytes)),
            Err(size) => too_large.push(ImportProblem::file(
                true,
                &name,
                ImportKind::TooLarge { bytes: size },
            )),
        }
    }
    let mut directory = read_files(readable);
    if !too_large.is_empty() {
        // Said first: the person chose them.
        directory
            .problems
            .retain(|p| p.kind != ImportKind::Empty || !p.file.is_empty());
        too_large.append(&mut directory.problems);
        directory.problems = too_large;
    }
    on_action.emit(EditorAction::Import(ImportAction::Read(Rc::new(directory))));
}

#[component]
pub fn DirectoryPanel(props: &DirectoryPanelProps) -> Html {
    let lang = props.lang;
    let t = directory_text(lang);
    let uid = &props.uid;
    let reading = use_state(|| false);
    let dragging = use_state(|| false);
    let start = {
        let (on_action, reading) = (props.on_action.clone(), reading.clone());
        Rc::new(move |files: Vec<web_sys::File>| {
            let (on_action, reading) = (on_action.clone(), reading.clone());
            reading.set(true);
            wasm_bindgen_futures::spawn_local(async move {
                import(files, on_action).await;
                reading.set(false);
            });
        })
    };
    let choose = {
        let start = start.clone();
        Callback::from(move |_: MouseEvent| {
            let start = start.clone();
            wasm_bindgen_futures::spawn_local(async move {
                if let Ok(files) = browser::choose_files(ACCEPT).await {
                    if !files.is_empty() {
                        start(files);
                    }
                }
            });
        })
    };
    let ondragover = {
        let dragging = dragging.clone();
        Callback::from(move |event: DragEvent| {
            event.prevent_default();
            dragging.set(true);
        })
    };
    let ondragleave = {
        let dragging = dragging.clone();
        Callback::from(move |_: DragEvent| dragging.set(false))
    };
    let ondrop = {
        let (start, dragging) = (start.clone(), dragging.clone());
        Callback::from(move |event: DragEvent| {
            event.prevent_default();
            dragging.set(false);
            let files = browser::files_of(event.data_transfer().and_then(|d| d.files()));
            if !files.is_empty() {
                start(files);
            }
        })
    };
    let name = slug(&identity(&props.draft));
    let download = |file: String, mime: &'static str, make: Rc<dyn Fn() -> Vec<u8>>| {
        Callback::from(move |_: MouseEvent| {
            let _ = browser::download(&file, mime, &make());
        })
    };
    let template_fr = download(
        "modele-gamme.csv".into(),
        "text/csv;charset=utf-8",
        Rc::new(|| template(Lang::Fr).into_bytes()),
    );
    let template_en = download(
        "range-template.csv".into(),
        "text/csv;charset=utf-8",
        Rc::new(|| template(Lang::En).into_bytes()),
    );
    let export_json = {
        let draft = props.draft.clone();
        download(
            format!("{name}-hsds.json"),
            "application/json",
            Rc::new(move || hsds_export::to_json(&draft).into_bytes()),
        )
    };
    let export_package = {
        let draft = props.draft.clone();
        download(
            format!("{name}-hsds.zip"),
            "application/zip",
            Rc::new(move || hsds_export::to_zip(&draft)),
        )
    };
    let title = format!("{uid}-directory-title");
    html! {
        <section class="srm-editor-part srm-directory" aria-labelledby={title.clone()}>
            <h3 id={title}>{ t.import_title }</h3>
            <p class="srm-hint">{ t.intro }</p>
            <div class={classes!("srm-dropzone", dragging.then_some("srm-dropzone-active"))}
                 {ondragover} {ondragleave} {ondrop}>
                <button type="button" class="srm-primary" onclick={choose} disabled={*reading}>{ t.choose }</button>
                <span>{ " " }{ t.drop }</span>
                <p class="srm-visually-hidden" role="status">{ if *reading { t.reading } else { "" } }</p>
            </div>
            <p class="srm-templates">
                { t.templates }{ " " }
                <button type="button" class="srm-link-button" onclick={template_fr}>{ t.template_fr }</button>
                { " · " }
                <button type="button" class="srm-link-button" onclick={template_en}>{ t.template_en }</button>
            </p>
            if let Some(step) = &props.import {
                <ImportReview step={step.clone()} draft={props.draft.clone()} {lang} uid={uid.clone()} on_action={props.on_action.clone()} />
            }
            <h3>{ t.export_title }</h3>
            <p class="srm-hint">{ t.export_intro }</p>
            <p class="srm-export-buttons">
                <button type="button" onclick={export_json}>{ t.export_json }</button>
                { " " }
                <button type="button" onclick={export_package}>{ t.export_package }</button>
            </p>
        </section>
    }
}

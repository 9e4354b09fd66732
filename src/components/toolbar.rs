//! The widget's tools: which face to show (the range or the inventory), undo and redo,
//! the session file (save, open, start anew) and the exports. Editing tools appear only in
//! an editable widget; views and exports are always there.

use crate::browser;
use crate::core::export;
use crate::core::i18n::{catalogue, workshop_text};
use crate::core::participant_text::participant_text;
use crate::core::plan_text::plan_text;
use crate::core::session::Session;
use crate::core::text::Lang;
use crate::session_io;
use crate::state::{Action, Prepared, Shared, View, PLAN};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ToolbarProps {
    pub prepared: Shared<Prepared>,
    pub session: Shared<Session>,
    pub lang: Lang,
    pub view: View,
    pub editable: bool,
    pub can_undo: bool,
    pub can_redo: bool,
    pub on_action: Callback<Action>,
}

/// A text as part of a file name: letters and digits, the rest as dashes.
pub fn slug(text: &str) -> String {
    let mut stem = String::new();
    for c in text.chars() {
        if c.is_alphanumeric() {
            stem.extend(c.to_lowercase());
        } else if !stem.ends_with('-') && !stem.is_empty() {
            stem.push('-');
        }
    }
    stem.trim_end_matches('-').to_string()
}

/// A file name from what the file holds (`inventaire`, `plan`) and the territory.
pub fn file_stem(prepared: &Prepared, lang: Lang, holds: &str) -> String {
    format!("{holds}-{}", slug(prepared.config.territory.name.get(lang)))
}

/// The session's report, dated today: in the plan build the progress report (the same as
/// the report without a plan or milestones), lateness counted on today.
pub fn report_of(prepared: &Prepared, session: &Session, lang: Lang) -> export::Report {
    let (config, range) = (&prepared.config, &prepared.range);
    let exported = browser::today_long(lang.code());
    if PLAN {
        export::progress_report(config, range, session, lang, &exported, browser::today())
    } else {
        export::report(config, range, session, lang, &exported)
    }
}

/// Saves the session as a file.
pub fn save_session_file(prepared: &Prepared, session: &Session, lang: Lang) {
    let stamped = session.clone().stamped(&prepared.config);
    // Indented for people who open it, unless it holds milestones: twenty frozen copies
    // of a large session would weigh half again as much in indentation alone.
    let text = session_io::to_text(&stamped, stamped.milestones.is_empty());
    let _ = browser::download(
        &format!("{}.session.json", file_stem(prepared, lang, "inventaire")),
        "application/json",
        text.as_bytes(),
    );
}

#[component]
pub fn Toolbar(props: &ToolbarProps) -> Html {
    let lang = props.lang;
    let text = catalogue(lang);
    let work = workshop_text(lang);
    let send = |action: Action| {
        let on_action = props.on_action.clone();
        Callback::from(move |_: MouseEvent| on_action.emit(action.clone()))
    };
    let view_button = |view: View, label: &'static str| {
        html! {
            <button type="button" class="srm-view-button" aria-pressed={(props.view == view).to_string()}
                    onclick={send(Action::SetView(view))}>{ label }</button>
        }
    };
    let export = |kind: &'static str| {
        let (prepared, session) = (props.prepared.clone(), props.session.clone());
        Callback::from(move |_: MouseEvent| {
            let config = &prepared.config;
            let stem = file_stem(&prepared, lang, "inventaire");
            let report = || report_of(&prepared, &session, lang);
            let (extension, mime, bytes) = match kind {
                "csv" => (
                    "csv",
                    "text/csv;charset=utf-8",
                    export::csv(config, &prepared.range, &session, lang),
                ),
                "html" => (
                    "html",
                    "text/html;charset=utf-8",
                    export::html(&report()).into_bytes(),
                ),
                _ => (
                    "md",
                    "text/markdown;charset=utf-8",
                    export::markdown(&report()).into_bytes(),
                ),
            };
            let _ = browser::download(&format!("{stem}.{extension}"), mime, &bytes);
        })
    };
    let save = {
        let (prepared, session) = (props.prepared.clone(), props.session.clone());
        Callback::from(move |_: MouseEvent| save_session_file(&prepared, &session, lang))
    };
    let open = {
        let (prepared, on_action) = (props.prepared.clone(), props.on_action.clone());
        Callback::from(move |_: MouseEvent| {
            let (prepared, on_action) = (prepared.clone(), on_action.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let file = browser::choose_file("application/json,.json").await;
                let Ok(Some((_, text))) = file else { return };
                match session_io::from_text(&text, &prepared.config) {
                    Ok((session, _)) => on_action.emit(Action::LoadSession(Shared::from(session))),
                    Err(problem) => on_action.emit(Action::RefuseSession(problem)),
                }
            });
        })
    };
    html! {
        <div class="srm-toolbar" part="toolbar" role="group" aria-label={work.tools_label}>
            <div class="srm-tool-group" role="group" aria-label={work.views_label}>
                { view_button(View::Range, text.widget_label) }
                { view_button(View::Inventory, work.view_inventory) }
                { view_button(View::Continuum, work.view_continuum) }
                { view_button(View::Matrix, work.view_matrix) }
                { view_button(View::Network, work.view_network) }
                { view_button(View::Perspectives, participant_text(lang).view_perspectives) }
                // One button for the plan's three faces (their own tabs are in the face).
                <button type="button" class="srm-view-button" aria-pressed={props.view.is_plan().to_string()}
                        onclick={send(Action::SetView(if props.view.is_plan() { props.view } else { View::Plan }))}>
                    { plan_text(lang).view_plan }
                </button>
            </div>
            if props.editable {
                <div class="srm-tool-group">
                    <button type="button" disabled={!props.can_undo} onclick={send(Action::Undo)}
                            aria-keyshortcuts="Control+Z">
                        <span aria-hidden="true">{ "↶ " }</span>{ work.undo }
                    </button>
                    <button type="button" disabled={!props.can_redo} onclick={send(Action::Redo)}
                            aria-keyshortcuts="Control+Shift+Z">
                        <span aria-hidden="true">{ "↷ " }</span>{ work.redo }
                    </button>
                    <button type="button" onclick={save}>{ work.session_save }</button>
                    <button type="button" onclick={open}>{ work.session_open }</button>
                    <button type="button" onclick={send(Action::AskNewSession)}>{ work.session_new }</button>
                </div>
            }
            <div class="srm-tool-group">
                <button type="button" onclick={export("csv")}>{ work.export_csv }</button>
                <button type="button" onclick={export("html")}>{ work.export_html }</button>
                <button type="button" onclick={export("md")}>{ work.export_md }</button>
            </div>
        </div>
    }
}

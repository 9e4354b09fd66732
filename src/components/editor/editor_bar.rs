//! The editor's tools: where to start from (a reference range, an empty one, a file, an
//! address), undo and redo, forms or JSON text, the missing translations and the way to
//! the next one, and the way out — download or copy the config, with what changed since it
//! was opened and a clear warning while the draft has errors.

use super::form_parts::send as send_action;
use crate::browser;
use crate::components::field_value;
use crate::core::draft::{next_missing, side_path, start, to_json, StartPoint, TextField};
use crate::core::editor_text::{
    changes_text, editor_text, errors_warning, missing_count, start_label,
};
use crate::core::model::Config;
use crate::core::session::identity;
use crate::core::text::Lang;
use crate::editor_state::{EditorAction, EditorNotice, Opening};
use crate::state::Shared;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct EditorBarProps {
    pub draft: Shared<Config>,
    pub opened: Shared<Config>,
    pub errors: usize,
    pub missing: Rc<Vec<(TextField, Lang)>>,
    pub json: bool,
    /// False while the JSON text cannot be read into the forms.
    pub readable: bool,
    pub can_undo: bool,
    pub can_redo: bool,
    pub lang: Lang,
    pub uid: AttrValue,
    pub on_action: Callback<EditorAction>,
}

/// The file name of a config: its identity, as letters, digits and dashes.
pub fn file_name(config: &Config) -> String {
    let id = identity(config);
    let id = id.strip_prefix("territory:").unwrap_or(&id);
    let stem = crate::core::draft::slug(id);
    format!(
        "{}.json",
        if id.trim().is_empty() {
            "gamme".to_string()
        } else {
            stem
        }
    )
}

#[component]
pub fn EditorBar(props: &EditorBarProps) -> Html {
    let lang = props.lang;
    let t = editor_text(lang);
    let uid = &props.uid;
    let point = use_state(|| StartPoint::MentalHealthRange);
    let address = use_state(String::new);
    let copied = use_state(|| None::<bool>);
    let visited = use_mut_ref(|| None::<(TextField, Lang)>);
    let send = |action: EditorAction| send_action(&props.on_action, action);
    let choose_point = {
        let point = point.clone();
        Callback::from(move |event: Event| {
            if let Some(p) = StartPoint::from_key(&field_value(&event)) {
                point.set(p);
            }
        })
    };
    let start_from = {
        let (point, on_action) = (point.clone(), props.on_action.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let name = start_label(lang, *point).to_string();
            on_action.emit(EditorAction::Start(Rc::new(Opening {
                config: start(*point),
                name,
            })));
        })
    };
    let open_file = {
        let on_action = props.on_action.clone();
        Callback::from(move |_: MouseEvent| {
            let on_action = on_action.clone();
            wasm_bindgen_futures::spawn_local(async move {
                match browser::choose_file("application/json,.json").await {
                    Ok(Some((name, text))) => on_action.emit(EditorAction::OpenText {
                        name: Some(name),
                        text,
                    }),
                    Ok(None) => {}
                    Err(error) => {
                        on_action.emit(EditorAction::Notice(Some(EditorNotice::Unreadable {
                            source: String::new(),
                            why: error.as_string().unwrap_or_default(),
                        })))
                    }
                }
            });
        })
    };
    let on_address = {
        let address = address.clone();
        Callback::from(move |event: InputEvent| address.set(field_value(&event)))
    };
    let open_address = {
        let (address, on_action) = (address.clone(), props.on_action.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let url = address.trim().to_string();
            if url.is_empty() {
                return;
            }
            let on_action = on_action.clone();
            wasm_bindgen_futures::spawn_local(async move {
                match browser::fetch_text(&url).await {
                    Ok(text) => on_action.emit(EditorAction::OpenText {
                        name: Some(url),
                        text,
                    }),
                    Err(why) => {
                        on_action.emit(EditorAction::Notice(Some(EditorNotice::Unreadable {
                            source: url,
                            why,
                        })))
                    }
                }
            });
        })
    };
    let download = {
        let draft = props.draft.clone();
        Callback::from(move |_: MouseEvent| {
            let _ = browser::download(
                &file_name(&draft),
                "application/json",
                to_json(&draft).as_bytes(),
            );
        })
    };
    let copy = {
        let (draft, copied) = (props.draft.clone(), copied.clone());
        Callback::from(move |_: MouseEvent| {
            let (text, copied) = (to_json(&draft), copied.clone());
            wasm_bindgen_futures::spawn_local(async move {
                copied.set(Some(browser::copy_text(&text).await));
            });
        })
    };
    let next_translation = {
        let (missing, on_action, visited) = (
            props.missing.clone(),
            props.on_action.clone(),
            visited.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            let next = next_missing(&missing, *visited.borrow());
            if let Some((field, missing_lang)) = next {
                *visited.borrow_mut() = Some((field, missing_lang));
                on_action.emit(EditorAction::GoTo(side_path(field, missing_lang)));
            }
        })
    };
    let changes = crate::core::draft::changes(&props.opened, &props.draft);
    let toggle = |json: bool, label: &'static str| {
        html! {
            <button type="button" aria-pressed={(props.json == json).to_string()}
                    disabled={!json && !props.readable} onclick={send(EditorAction::ShowJson(json))}>{ label }</button>
        }
    };
    html! {
        <div class="srm-editor-bar" part="toolbar">
            <form class="srm-editor-start" onsubmit={start_from} aria-label={t.start_group}>
                <label for={format!("{uid}-start")}>{ t.start_from }</label>
                <select id={format!("{uid}-start")} onchange={choose_point}>
                    { for StartPoint::ALL.iter().map(|p| html! {
                        <option key={p.key()} value={p.key()} selected={*p == *point}>{ start_label(lang, *p) }</option>
                    }) }
                </select>
                <button type="submit">{ t.start }</button>
                <button type="button" onclick={open_file}>{ t.open_file }</button>
            </form>
            <form class="srm-editor-start" onsubmit={open_address} aria-label={t.open_address_group}>
                <label for={format!("{uid}-address")}>{ t.address }</label>
                <input type="url" id={format!("{uid}-address")} value={(*address).clone()} oninput={on_address}
                       placeholder="https://…/gamme.json" />
                <button type="submit">{ t.open_address }</button>
            </form>
            <div class="srm-editor-tools" role="group" aria-label={t.edit_group}>
                <button type="button" disabled={!props.can_undo} onclick={send(EditorAction::Undo)} aria-keyshortcuts="Control+Z">{ t.undo }</button>
                <button type="button" disabled={!props.can_redo} onclick={send(EditorAction::Redo)} aria-keyshortcuts="Control+Shift+Z">{ t.redo }</button>
                { toggle(false, t.forms) }
                { toggle(true, t.json_text) }
            </div>
            <div class="srm-editor-tools" role="group" aria-label={t.translations_group}>
                <span class="srm-count">{ missing_count(lang, props.missing.len()) }</span>
                if !props.missing.is_empty() {
                    <button type="button" onclick={next_translation}>{ t.next_translation }</button>
                }
            </div>
            <div class="srm-editor-tools srm-editor-out" role="group" aria-label={t.out_group}>
                <button type="button" onclick={download}>{ t.download }</button>
                <button type="button" onclick={copy}>{ t.copy }</button>
                <p class="srm-changes" role="status">
                    { changes_text(lang, &changes) }
                    { match *copied { Some(true) => format!(" {}", t.copied), Some(false) => format!(" {}", t.copy_refused), None => String::new() } }
                </p>
                if props.errors > 0 {
                    <p class="srm-field-error">{ errors_warning(lang, props.errors) }</p>
                }
            </div>
        </div>
    }
}

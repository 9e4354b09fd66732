//! The JavaScript API of the range editor, in its own bundle
//! (`www/pkg/service_range_mapper_editor.js`, which also carries the workshop's):
//!
//! ```js
//! await init();
//! const editor = mount_editor(element, configOrNull, { lang: "fr", storageKey: "a",
//!                                                     autosave: true, onchange: (config) => … });
//! editor.config();       // the draft as a plain object
//! editor.config_json();  // the draft as the file "Download" writes
//! editor.problems();     // its errors and warnings, as the widget's problems()
//! editor.open(config);   // starts from another config (one undoable step)
//! editor.set_lang("en");
//! editor.destroy();
//! ```
//!
//! `config`: an object or JSON text (the file opened); null/undefined: the draft worked on
//! last in this browser, else the MSSS 2002 reference range. A draft kept for the same
//! config is restored, with a notice. The element receives `srm-ready` and, after every
//! edit, `srm-change` with the draft as `detail`.

use crate::api::{
    emit, install_crash_notice, lang_option, next_uid, option, problems_to_js, unmount, LIVE,
};
use crate::browser;
use crate::components::editor::{EditorRemote, RangeEditor, RangeEditorProps};
use crate::core::draft::{self, draft_key, last_draft_key, start, DraftFile, StartPoint};
use crate::core::editor_text::start_label;
use crate::core::model::Config;
use crate::core::session::identity;
use crate::core::text::Lang;
use crate::editor_state::{read_text, EditorAction, EditorNotice};
use crate::state::Shared;
use serde::Serialize;
use wasm_bindgen::prelude::*;
use web_sys::Element;
use yew::AppHandle;

/// A mounted range editor.
#[wasm_bindgen]
pub struct EditorHandle {
    app: Option<AppHandle<RangeEditor>>,
    remote: EditorRemote,
    element: Element,
    lang: Lang,
    first: Shared<Config>,
}

/// The config given by the host as text: JSON text as given, an object written as JSON;
/// none for null or undefined.
fn given_text(config: &JsValue) -> Option<String> {
    if config.is_null() || config.is_undefined() {
        return None;
    }
    let text = match config.as_string() {
        Some(text) => text,
        None => js_sys::JSON::stringify_with_replacer_and_space(
            config,
            &JsValue::NULL,
            &JsValue::from(2),
        )
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_default(),
    };
    Some(text)
}

/// The draft kept in this browser under `key`, if it can be read; one that cannot is set
/// aside, never overwritten.
fn kept_draft(key: &str) -> Option<DraftFile> {
    let text = browser::load(key).ok().flatten()?;
    let file = DraftFile::read(&text);
    if file.is_none() {
        let _ = browser::save(&format!("{key}:damaged"), &text);
    }
    file
}

/// Mounts a range editor in `element`.
#[wasm_bindgen]
pub fn mount_editor(element: Element, config: JsValue, options: JsValue) -> EditorHandle {
    let option = |name: &str| option(&options, name);
    let lang = lang_option(&options, &element);
    let autosave = option("autosave").as_bool().unwrap_or(true);
    let instance = option("storageKey")
        .as_string()
        .or_else(|| Some(element.id()).filter(|id| !id.is_empty()));
    let on_change_js = option("onchange").dyn_into::<js_sys::Function>().ok();
    install_crash_notice();
    LIVE.with(|live| live.borrow_mut().push((element.clone(), lang)));
    let remote = EditorRemote::default();
    // `Err`: a text that cannot be read into the forms (shown as text, with its problems).
    let given = given_text(&config).map(|text| read_text(&text).1.ok_or(text));
    let (opened, unreadable) = match given {
        Some(Ok(config)) => (Some(config), None),
        Some(Err(text)) => (None, Some(text)),
        None => (None, None),
    };
    // The draft kept for this config, or (no config given) the one worked on last.
    let kept = if !autosave {
        None
    } else {
        match &opened {
            Some(config) => kept_draft(&draft_key(&identity(config), instance.as_deref())),
            None if unreadable.is_none() => browser::load(&last_draft_key(instance.as_deref()))
                .ok()
                .flatten()
                .and_then(|key| kept_draft(&key)),
            None => None,
        }
    };
    let fallback = || start(StartPoint::MentalHealthRange);
    let (draft, opened, notice) = match (kept, opened) {
        (Some(file), opened) => {
            let notice =
                (Some(&file.config) != opened.as_ref()).then(|| EditorNotice::DraftRestored {
                    saved: browser::moment_long(&file.saved, lang.code()),
                });
            (file.config, opened.unwrap_or(file.opened), notice)
        }
        (None, Some(opened)) => (opened.clone(), opened, None),
        (None, None) => {
            let config = fallback();
            let notice = unreadable.is_none().then(|| EditorNotice::Opened {
                name: start_label(lang, StartPoint::MentalHealthRange).to_string(),
            });
            (config.clone(), config, notice)
        }
    };
    if let Some(text) = unreadable {
        remote.send(EditorAction::OpenText { name: None, text });
    }
    let on_ready = {
        let element = element.clone();
        yew::Callback::from(move |()| emit(&element, "srm-ready", &JsValue::NULL))
    };
    let on_change = {
        let element = element.clone();
        yew::Callback::from(move |draft: Shared<Config>| {
            let value = to_js(&draft);
            if let Some(on_change) = &on_change_js {
                // A failing host callback must not break the editor.
                let _ = on_change.call1(&JsValue::NULL, &value);
            }
            emit(&element, "srm-change", &value);
        })
    };
    let first = Shared::from(draft);
    let props = RangeEditorProps {
        draft: first.clone(),
        opened: Shared::from(opened),
        notice,
        lang,
        uid: next_uid().into(),
        remote: remote.clone(),
        autosave,
        instance: instance.map(yew::AttrValue::from),
        on_ready: Some(on_ready),
        on_change: Some(on_change),
    };
    let app = yew::Renderer::<RangeEditor>::with_root_and_props(element.clone(), props).render();
    EditorHandle {
        app: Some(app),
        remote,
        element,
        lang,
        first,
    }
}

/// A config as a plain JavaScript object (texts as strings or `{fr, en}`).
fn to_js(config: &Config) -> JsValue {
    config
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .unwrap_or(JsValue::NULL)
}

#[wasm_bindgen]
impl EditorHandle {
    fn draft(&self) -> Shared<Config> {
        self.remote.mirrored().unwrap_or_else(|| self.first.clone())
    }

    /// The draft as a plain object.
    pub fn config(&self) -> JsValue {
        to_js(&self.draft())
    }

    /// The draft as the downloaded file writes it (indented JSON).
    pub fn config_json(&self) -> String {
        draft::to_json(&self.draft())
    }

    /// The draft's errors and warnings, as the widget's `problems()` gives them.
    pub fn problems(&self) -> JsValue {
        let loaded = draft::check(&self.draft());
        problems_to_js(&loaded.problems, false, self.lang)
    }

    /// Starts from another config (an object or JSON text), one undoable step.
    pub fn open(&self, config: JsValue) {
        if let Some(text) = given_text(&config) {
            self.remote
                .send(EditorAction::OpenText { name: None, text });
        }
    }

    /// Switches the language ("fr" or "en").
    pub fn set_lang(&mut self, lang: &str) {
        self.lang = Lang::from_code(lang);
        self.remote.send(EditorAction::SetLang(self.lang));
    }

    /// Removes the editor and frees what it holds. Calling it twice does nothing.
    pub fn destroy(&mut self) {
        unmount(self.app.take(), &self.element, || self.remote.disconnect());
    }
}

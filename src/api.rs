//! The JavaScript API, built to `www/pkg/service_range_mapper.js`:
//!
//! ```js
//! await init();
//! const w = mount(element, config, { lang: "en", onerror: (errors) => … });
//! w.update(otherConfig);   // returns the problems of the new config
//! w.set_lang("fr");
//! w.problems();            // errors and warnings of the current config
//! w.destroy();
//! ```
//!
//! `config` is an object, a JSON string, or null/undefined for the built-in example.

use crate::components::{Widget, WidgetProps};
use crate::core::defaults::{default_config, DEFAULT_CONFIG_JSON};
use crate::core::i18n::problem_message;
use crate::core::text::Lang;
use crate::core::validate::{
    load_serialised, load_text, Loaded, Problem, ProblemKind, Severity, SyntaxError,
};
use crate::state::{Action, Remote, Shared};
use serde::Serialize;
use std::cell::Cell;
use wasm_bindgen::prelude::*;
use web_sys::Element;
use yew::AppHandle;

thread_local! {
    static NEXT_INSTANCE: Cell<u32> = const { Cell::new(1) };
}

/// A mounted widget.
#[wasm_bindgen]
pub struct WidgetHandle {
    app: Option<AppHandle<Widget>>,
    remote: Remote,
    element: Element,
    lang: Lang,
    loaded: Shared<Loaded>,
    on_error: Option<js_sys::Function>,
}

/// Mounts a widget in `element`. Never throws for a bad config: the widget shows what is
/// wrong, and the errors are also reported through `options.onerror` and an `srm-error`
/// event on the element.
#[wasm_bindgen]
pub fn mount(element: Element, config: JsValue, options: JsValue) -> WidgetHandle {
    let option = |name: &str| {
        if options.is_object() {
            js_sys::Reflect::get(&options, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
        } else {
            JsValue::UNDEFINED
        }
    };
    let lang = option("lang")
        .as_string()
        .or_else(|| inherited_lang(&element))
        .map(|code| Lang::from_code(&code))
        .unwrap_or_default();
    let on_error = option("onerror").dyn_into::<js_sys::Function>().ok();
    let uid = NEXT_INSTANCE.with(|n| {
        let id = n.get();
        n.set(id + 1);
        format!("srm{id}")
    });
    let loaded = Shared::from(read_config(&config));
    let remote = Remote::default();
    let props = WidgetProps {
        loaded: loaded.clone(),
        lang,
        uid: uid.into(),
        remote: remote.clone(),
    };
    let app = yew::Renderer::<Widget>::with_root_and_props(element.clone(), props).render();
    let handle = WidgetHandle {
        app: Some(app),
        remote,
        element,
        lang,
        loaded,
        on_error,
    };
    handle.report_errors();
    handle
}

/// The built-in example config as JSON text, to start a config from.
#[wasm_bindgen]
pub fn default_config_json() -> String {
    DEFAULT_CONFIG_JSON.into()
}

#[wasm_bindgen]
impl WidgetHandle {
    /// Shows another config in place (the language and the open detail are kept). Returns
    /// its problems, like `problems()`.
    pub fn update(&mut self, config: JsValue) -> JsValue {
        self.loaded = Shared::from(read_config(&config));
        self.remote.send(Action::ReplaceConfig(self.loaded.clone()));
        self.report_errors();
        self.problems()
    }

    /// Switches the language ("fr" or "en"); the state of the widget is kept.
    pub fn set_lang(&mut self, lang: &str) {
        self.lang = Lang::from_code(lang);
        self.remote.send(Action::SetLang(self.lang));
    }

    /// Errors and warnings of the current config: `{severity, path, line?, column?, kind,
    /// message}`, the message in the widget's language.
    pub fn problems(&self) -> JsValue {
        problems_to_js(self.loaded.problems.iter(), self.lang)
    }

    /// Removes the widget and frees what it holds. Calling it twice does nothing.
    pub fn destroy(&mut self) {
        if let Some(app) = self.app.take() {
            self.remote.disconnect();
            app.destroy();
            self.element.set_inner_html("");
        }
    }
}

impl WidgetHandle {
    fn report_errors(&self) {
        if self.loaded.errors().next().is_none() {
            return;
        }
        let errors = problems_to_js(self.loaded.errors(), self.lang);
        if let Some(on_error) = &self.on_error {
            // A failing host callback must not break the widget.
            let _ = on_error.call1(&JsValue::NULL, &errors);
        }
        let init = web_sys::CustomEventInit::new();
        init.set_bubbles(true);
        init.set_composed(true);
        init.set_detail(&errors);
        if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict("srm-error", &init) {
            let _ = self.element.dispatch_event(&event);
        }
    }
}

/// The language of the closest ancestor that declares one.
fn inherited_lang(element: &Element) -> Option<String> {
    element
        .closest("[lang]")
        .ok()
        .flatten()
        .and_then(|e| e.get_attribute("lang"))
        .filter(|l| !l.is_empty())
}

/// Reads a config given from JavaScript: null/undefined for the built-in example, a JSON
/// string (problems get line and column), or an object (problems get paths only).
pub fn read_config(config: &JsValue) -> Loaded {
    if config.is_null() || config.is_undefined() {
        return default_config();
    }
    if let Some(text) = config.as_string() {
        return load_text(&text);
    }
    match js_sys::JSON::stringify(config)
        .ok()
        .and_then(|s| s.as_string())
    {
        Some(text) => load_serialised(&text),
        None => Loaded {
            config: None,
            problems: vec![Problem {
                severity: Severity::Error,
                path: "$".into(),
                position: None,
                kind: ProblemKind::Syntax {
                    error: SyntaxError::UnexpectedToken,
                    detail: "the value cannot be written as JSON".into(),
                },
            }],
        },
    }
}

#[derive(Serialize)]
struct ProblemForJs<'a> {
    #[serde(flatten)]
    problem: &'a Problem,
    message: String,
}

fn problems_to_js<'a>(problems: impl Iterator<Item = &'a Problem>, lang: Lang) -> JsValue {
    let list: Vec<_> = problems
        .map(|problem| ProblemForJs {
            problem,
            message: problem_message(lang, problem),
        })
        .collect();
    list.serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .unwrap_or(JsValue::NULL)
}

//! Sessions in and out of the browser: to and from JavaScript objects and JSON text (for
//! the session file, autosave and the host page), and the storage key of a widget.
//! JSON goes through the browser's own `JSON`, so the bundle carries no JSON serializer.

use crate::core::contribution::{read, Contribution};
use crate::core::model::Config;
use crate::core::session::{identity, Fit, Session, SessionProblem, SESSION_FORMAT};
use serde::Serialize;
use wasm_bindgen::JsValue;

/// The session (or a contribution) as a plain JavaScript object.
pub fn to_js<T: Serialize>(session: &T) -> JsValue {
    session
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .unwrap_or(JsValue::NULL)
}

/// The session (or a contribution) as JSON text: indented for a file people may open
/// (`indented`), compact for storage.
pub fn to_text<T: Serialize>(session: &T, indented: bool) -> String {
    let value = to_js(session);
    let text = match indented {
        true => js_sys::JSON::stringify_with_replacer_and_space(
            &value,
            &JsValue::NULL,
            &JsValue::from(2),
        ),
        false => js_sys::JSON::stringify(&value),
    };
    text.ok().and_then(|s| s.as_string()).unwrap_or_default()
}

/// Reads a session object and checks it against the config on screen.
pub fn from_js(value: &JsValue, config: &Config) -> Result<(Session, Fit), SessionProblem> {
    let format = js_sys::Reflect::get(value, &JsValue::from_str("format")).ok();
    if !value.is_object() || format.and_then(|f| f.as_string()).as_deref() != Some(SESSION_FORMAT) {
        return Err(SessionProblem::NotASession);
    }
    let session: Session =
        serde_wasm_bindgen::from_value(value.clone()).map_err(|e| SessionProblem::Invalid {
            detail: e.to_string(),
        })?;
    let fit = session.check(config)?;
    Ok((session, fit))
}

/// Reads a session file's text and checks it against the config on screen.
pub fn from_text(text: &str, config: &Config) -> Result<(Session, Fit), SessionProblem> {
    let value = js_sys::JSON::parse(text).map_err(|_| SessionProblem::NotASession)?;
    from_js(&value, config)
}

/// Where a widget autosaves: by config identity, and by instance when the page names it
/// (so two widgets of one config on a page do not share their work).
pub fn storage_key(config: &Config, instance: Option<&str>) -> String {
    key("session", config, instance)
}

/// A key of saved work of one kind (`srm:<kind>:<config identity>[:<instance>]`).
fn key(kind: &str, config: &Config, instance: Option<&str>) -> String {
    match instance.filter(|i| !i.is_empty()) {
        Some(instance) => format!("srm:{kind}:{}:{instance}", identity(config)),
        None => format!("srm:{kind}:{}", identity(config)),
    }
}

/// Where a widget keeps the contribution being entered (participant mode, or the turns at
/// the facilitator's machine), apart from the session.
pub fn draft_key(config: &Config, instance: Option<&str>) -> String {
    key("contribution", config, instance)
}

/// The contribution kept under `key`, when there is one for this config.
pub async fn restore_draft(config: &Config, key: &str) -> Option<Contribution> {
    let text = crate::browser::stored(key).await.ok().flatten()?;
    read(&text).ok().filter(|c| c.config == identity(config))
}

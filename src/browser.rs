//! The few browser services the widget needs besides rendering: the clock, downloads,
//! reading a chosen file, and local storage. Thin wrappers: failures are returned, never
//! thrown, so the widget can say what went wrong.

use wasm_bindgen::{JsCast, JsValue};

/// The current time as ISO 8601 (`2026-11-22T17:03:18.000Z`).
#[cfg(target_arch = "wasm32")]
pub fn now_iso() -> String {
    js_sys::Date::new_0().to_iso_string().into()
}

/// Natively (tests, server rendering) there is no browser clock: a fixed, valid time.
#[cfg(not(target_arch = "wasm32"))]
pub fn now_iso() -> String {
    "1970-01-01T00:00:00.000Z".into()
}

/// An id no other device makes: the time and a random part, in base 36.
pub fn fresh_id() -> String {
    fn base36(mut n: u64) -> String {
        let mut digits = Vec::new();
        loop {
            digits.push(char::from_digit((n % 36) as u32, 36).unwrap_or('0'));
            n /= 36;
            if n == 0 {
                break;
            }
        }
        digits.iter().rev().collect()
    }
    #[cfg(target_arch = "wasm32")]
    let (time, random) = (
        js_sys::Date::now() as u64,
        (js_sys::Math::random() * 9_007_199_254_740_992.0) as u64,
    );
    #[cfg(not(target_arch = "wasm32"))]
    let (time, random) = {
        use std::sync::atomic::{AtomicU64, Ordering};
        static NEXT: AtomicU64 = AtomicU64::new(1);
        (0, NEXT.fetch_add(1, Ordering::Relaxed))
    };
    format!("{}-{}", base36(time), base36(random))
}

/// A date as people write it in the language (`22 novembre 2026`), with the time of day
/// when asked (`22 novembre 2026, 15 h 04`).
#[cfg(target_arch = "wasm32")]
fn long_date(date: &js_sys::Date, lang_code: &str, with_time: bool) -> String {
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"dateStyle".into(), &"long".into());
    if with_time {
        let _ = js_sys::Reflect::set(&options, &"timeStyle".into(), &"short".into());
    }
    let locale = if lang_code == "en" { "en-CA" } else { "fr-CA" };
    date.to_locale_string(locale, &options).into()
}

/// A moment written in ISO 8601, as people write it, time of day included; the text as
/// given when it is not a date.
pub fn moment_long(iso: &str, lang_code: &str) -> String {
    moments_long([iso], lang_code).pop().unwrap_or_default()
}

/// Moments written in ISO 8601, as people write them (see [`moment_long`]), through one
/// formatter of the browser's: making one takes longer than formatting fifty dates.
#[cfg(target_arch = "wasm32")]
pub fn moments_long<'a>(isos: impl IntoIterator<Item = &'a str>, lang_code: &str) -> Vec<String> {
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"dateStyle".into(), &"long".into());
    let _ = js_sys::Reflect::set(&options, &"timeStyle".into(), &"short".into());
    let locale = if lang_code == "en" { "en-CA" } else { "fr-CA" };
    let locales = js_sys::Array::of1(&JsValue::from_str(locale));
    let format = js_sys::Intl::DateTimeFormat::new(&locales, &options).format();
    isos.into_iter()
        .map(|iso| {
            let date = js_sys::Date::new(&JsValue::from_str(iso));
            if date.get_time().is_nan() {
                return iso.to_string();
            }
            format
                .call1(&JsValue::NULL, &date)
                .ok()
                .and_then(|s| s.as_string())
                .unwrap_or_else(|| iso.to_string())
        })
        .collect()
}

/// Natively (tests) there is no locale: the moments as given.
#[cfg(not(target_arch = "wasm32"))]
pub fn moments_long<'a>(isos: impl IntoIterator<Item = &'a str>, _lang_code: &str) -> Vec<String> {
    isos.into_iter().map(str::to_string).collect()
}

/// Today's date as people write it in the language (`22 novembre 2026`).
pub fn today_long(lang_code: &str) -> String {
    #[cfg(target_arch = "wasm32")]
    {
        long_date(&js_sys::Date::new_0(), lang_code, false)
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = lang_code;
        now_iso()[..10].to_string()
    }
}

/// Today's date where the person is (their time zone, not UTC): the day lateness is
/// counted on.
pub fn today() -> time::Date {
    #[cfg(target_arch = "wasm32")]
    {
        let now = js_sys::Date::new_0();
        let month =
            time::Month::try_from(now.get_month() as u8 + 1).unwrap_or(time::Month::January);
        time::Date::from_calendar_date(now.get_full_year() as i32, month, now.get_date() as u8)
            .unwrap_or(time::Date::MIN)
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        crate::core::plan::day_of(&now_iso()).unwrap_or(time::Date::MIN)
    }
}

/// Runs `task` in a later turn of the event loop (after the browser has painted).
pub fn soon(task: impl FnOnce() + 'static) {
    let callback = wasm_bindgen::closure::Closure::once_into_js(task);
    if let Some(window) = web_sys::window() {
        let _ = window
            .set_timeout_with_callback_and_timeout_and_arguments_0(callback.unchecked_ref(), 0);
    }
}

/// Offers `bytes` as a file download named `filename`.
pub fn download(filename: &str, mime: &str, bytes: &[u8]) -> Result<(), JsValue> {
    let array = js_sys::Uint8Array::from(bytes);
    let parts = js_sys::Array::of1(&array);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| JsValue::from_str("no document"))?;
    let link: web_sys::HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    link.set_href(&url);
    link.set_download(filename);
    link.click();
    // Revoke later: the download reads the blob asynchronously.
    let revoke = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    if let Some(window) = web_sys::window() {
        let _ = window
            .set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 60_000);
    }
    Ok(())
}

/// Asks the person for a file (the browser's file chooser) and reads it as text: its name
/// and content; `None` when they cancel. The file input is never put in the page.
pub async fn choose_file(accept: &str) -> Result<Option<(String, String)>, JsValue> {
    let Some(file) = pick(accept, false).await?.into_iter().next() else {
        return Ok(None);
    };
    let text = wasm_bindgen_futures::JsFuture::from(file.text()).await?;
    Ok(text.as_string().map(|text| (file.name(), text)))
}

/// Asks the person for files (several at once); none when they cancel.
pub async fn choose_files(accept: &str) -> Result<Vec<web_sys::File>, JsValue> {
    pick(accept, true).await
}

/// The browser's file chooser, from an input never put in the page.
async fn pick(accept: &str, multiple: bool) -> Result<Vec<web_sys::File>, JsValue> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| JsValue::from_str("no document"))?;
    let input: web_sys::HtmlInputElement = document.create_element("input")?.dyn_into()?;
    input.set_type("file");
    input.set_multiple(multiple);
    input.set_accept(accept);
    let chosen = js_sys::Promise::new(&mut |resolve, _| {
        input.set_onchange(Some(&resolve));
        input.set_oncancel(Some(&resolve));
    });
    input.click();
    wasm_bindgen_futures::JsFuture::from(chosen).await?;
    Ok(files_of(input.files()))
}

/// The files of a file list (a chooser's, a drop's).
pub fn files_of(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(list) = list else {
        return Vec::new();
    };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

/// Reads files as bytes, by name; a file over `limit` bytes is not read (its size instead).
pub async fn read_bytes(
    files: Vec<web_sys::File>,
    limit: usize,
) -> Vec<(String, Result<Vec<u8>, usize>)> {
    let mut read = Vec::with_capacity(files.len());
    for file in files {
        let size = file.size() as usize;
        if size > limit {
            read.push((file.name(), Err(size)));
            continue;
        }
        let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await;
        let bytes = buffer
            .map(|b| js_sys::Uint8Array::new(&b).to_vec())
            .unwrap_or_default();
        read.push((file.name(), Ok(bytes)));
    }
    read
}

/// Fetches a text by its address; the error says why, in the browser's words or as the
/// HTTP status.
#[cfg(any(feature = "editor", not(target_arch = "wasm32")))]
pub async fn fetch_text(url: &str) -> Result<String, String> {
    let window = web_sys::window().ok_or("no window")?;
    let why = |e: JsValue| {
        js_sys::Reflect::get(&e, &"message".into())
            .ok()
            .and_then(|m| m.as_string())
            .or_else(|| e.as_string())
            .unwrap_or_default()
    };
    let response = wasm_bindgen_futures::JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(why)?;
    let response: web_sys::Response = response.dyn_into().map_err(why)?;
    if !response.ok() {
        return Err(format!("HTTP {}", response.status()));
    }
    let text = wasm_bindgen_futures::JsFuture::from(response.text().map_err(why)?)
        .await
        .map_err(why)?;
    Ok(text.as_string().unwrap_or_default())
}

/// Puts a text on the clipboard; false when the browser refuses.
#[cfg(any(feature = "editor", not(target_arch = "wasm32")))]
pub async fn copy_text(text: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let promise = window.navigator().clipboard().write_text(text);
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}

/// The page's local storage, when the browser allows it.
fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The browser's storage refused: blocked, missing (some private modes) or full.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StorageUnavailable;

/// Reads a stored value.
pub fn load(key: &str) -> Result<Option<String>, StorageUnavailable> {
    let storage = storage().ok_or(StorageUnavailable)?;
    storage.get_item(key).map_err(|_| StorageUnavailable)
}

/// Stores a value.
pub fn save(key: &str, value: &str) -> Result<(), StorageUnavailable> {
    storage()
        .ok_or(StorageUnavailable)?
        .set_item(key, value)
        .map_err(|_| StorageUnavailable)
}

/// Removes a stored value (nothing when storage is unavailable).
pub fn remove(key: &str) {
    if let Some(storage) = storage() {
        let _ = storage.remove_item(key);
    }
}

// ---- Saved work: IndexedDB, and what local storage held before.

#[cfg(all(target_arch = "wasm32", feature = "workshop"))]
#[wasm_bindgen::prelude::wasm_bindgen(module = "/src/store.js")]
extern "C" {
    #[wasm_bindgen(js_name = idbGet)]
    fn idb_get(key: &str) -> js_sys::Promise;
    #[wasm_bindgen(js_name = idbPut)]
    fn idb_put(key: &str, value: &str) -> js_sys::Promise;
    #[wasm_bindgen(js_name = idbKeys)]
    fn idb_keys(prefix: &str) -> js_sys::Promise;
}

/// A promise of `src/store.js`, awaited: its value, or why it was refused.
#[cfg(all(target_arch = "wasm32", feature = "workshop"))]
async fn settled(promise: js_sys::Promise) -> Result<JsValue, JsValue> {
    wasm_bindgen_futures::JsFuture::from(promise).await
}

/// Reads saved work under `key`: from IndexedDB; what local storage still holds there from
/// before (the widget saved its work there until sessions outgrew it) is moved to IndexedDB
/// on this first read, and taken out of local storage only once IndexedDB has it. Without
/// IndexedDB (blocked, some private modes), local storage as before.
pub async fn stored(key: &str) -> Result<Option<String>, StorageUnavailable> {
    #[cfg(all(target_arch = "wasm32", feature = "workshop"))]
    if let Ok(value) = settled(idb_get(key)).await {
        if let Some(text) = value.as_string() {
            return Ok(Some(text));
        }
        let earlier = load(key).ok().flatten();
        if let Some(text) = &earlier {
            if settled(idb_put(key, text)).await.is_ok() {
                remove(key);
            }
        }
        return Ok(earlier);
    }
    load(key)
}

/// Saves work under `key`: in IndexedDB, else (IndexedDB refused) in local storage as
/// before; refused by both, the caller says so.
pub async fn store(key: &str, value: &str) -> Result<(), StorageUnavailable> {
    #[cfg(all(target_arch = "wasm32", feature = "workshop"))]
    if settled(idb_put(key, value)).await.is_ok() {
        return Ok(());
    }
    save(key, value)
}

/// The keys of saved work that start with `prefix`: IndexedDB's and local storage's (not yet
/// moved over).
#[cfg(any(feature = "editor", not(target_arch = "wasm32")))]
pub async fn stored_keys(prefix: &str) -> Vec<String> {
    let mut keys = keys_with_prefix(prefix);
    #[cfg(all(target_arch = "wasm32", feature = "workshop"))]
    if let Ok(found) = settled(idb_keys(prefix)).await {
        keys.extend(
            js_sys::Array::from(&found)
                .iter()
                .filter_map(|k| k.as_string()),
        );
    }
    keys.sort();
    keys.dedup();
    keys
}

/// Calls `heard` with the key of saved work another widget or tab of this origin saved
/// (IndexedDB's saves, told on a `BroadcastChannel`; local storage's, by its `storage`
/// event); keep the listeners to keep hearing.
#[cfg(all(target_arch = "wasm32", feature = "editor"))]
pub fn on_saved(heard: impl Fn(String) + 'static) -> Vec<gloo_events::EventListener> {
    let heard = std::rc::Rc::new(heard);
    let mut listeners = Vec::new();
    if let Ok(channel) = web_sys::BroadcastChannel::new("service-range-mapper") {
        let heard = heard.clone();
        let kept = channel.clone();
        listeners.push(gloo_events::EventListener::new(
            &channel,
            "message",
            move |event| {
                // The channel lives as long as its listener.
                let _ = &kept;
                if let Some(key) = event
                    .dyn_ref::<web_sys::MessageEvent>()
                    .and_then(|m| m.data().as_string())
                {
                    heard(key);
                }
            },
        ));
    }
    if let Some(window) = web_sys::window() {
        listeners.push(gloo_events::EventListener::new(
            &window,
            "storage",
            move |event| {
                let key = js_sys::Reflect::get(event, &"key".into()).ok();
                if let Some(key) = key.and_then(|k| k.as_string()) {
                    heard(key);
                }
            },
        ));
    }
    listeners
}

/// Natively (tests) no other tab saves anything.
#[cfg(not(target_arch = "wasm32"))]
pub fn on_saved(heard: impl Fn(String) + 'static) -> Vec<gloo_events::EventListener> {
    let _ = heard;
    Vec::new()
}

/// The stored keys that start with `prefix` (none when storage is unavailable).
pub fn keys_with_prefix(prefix: &str) -> Vec<String> {
    let Some(storage) = storage() else {
        return Vec::new();
    };
    let count = storage.length().unwrap_or(0);
    (0..count)
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|key| key.starts_with(prefix))
        .collect()
}

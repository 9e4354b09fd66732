//! Helpers shared by the native test files. Each test file includes this module and uses
//! some of them only.
#![allow(dead_code)]

#[cfg(not(target_arch = "wasm32"))]
pub mod configs;
#[cfg(not(target_arch = "wasm32"))]
pub mod mutate;

/// The first ```json block of the README after the line containing `heading`.
pub fn readme_json_after(heading: &str) -> String {
    let readme = std::fs::read_to_string("README.md").unwrap();
    let start = readme
        .find(heading)
        .unwrap_or_else(|| panic!("the README has \"{heading}\""));
    let block = &readme[start..];
    let open = block.find("```json\n").unwrap() + "```json\n".len();
    let close = block[open..].find("```").unwrap();
    block[open..open + close].to_string()
}

/// A gap on `target` with everyday values (a test changes the fields it is about).
pub fn gap(
    id: &str,
    target: service_range_mapper::core::gaps::GapTarget,
) -> service_range_mapper::core::gaps::Gap {
    use service_range_mapper::core::gaps::{Gap, GapKind, GapSeverity, Perspective};
    Gap {
        id: id.into(),
        target,
        kind: GapKind::Absent,
        barrier: None,
        severity: GapSeverity::Medium,
        population: "Jeunes adultes".into(),
        perspective: Perspective::Practitioner,
        note: String::new(),
        action: String::new(),
        impact: 3,
        feasibility: 3,
        created: "2026-11-22T10:00:00.000Z".into(),
        modified: "2026-11-22T10:00:00.000Z".into(),
        author: None,
    }
}

// ---- Browser tests (wasm-bindgen-test): the page and the widget's DOM.

#[cfg(target_arch = "wasm32")]
pub fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// The first element under `root` that matches `selector` (fails with the markup).
#[cfg(target_arch = "wasm32")]
pub fn one(root: &web_sys::Element, selector: &str) -> web_sys::Element {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector} in {}", root.inner_html()))
}

#[cfg(target_arch = "wasm32")]
pub fn text(element: &web_sys::Element) -> String {
    element.text_content().unwrap_or_default()
}

/// Lets queued browser tasks run (a dialog's `close` event is queued), then renders.
#[cfg(target_arch = "wasm32")]
pub async fn settle() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
    yew::scheduler::flush().await;
}

/// Waits until a widget mounted in `element` has rendered: it reads the work saved in this
/// browser (IndexedDB, asynchronous) before it first shows.
#[cfg(target_arch = "wasm32")]
#[allow(dead_code)] // each test binary includes this module; not all mount so
pub async fn shown(element: &web_sys::Element) {
    settle_until(|| element.query_selector(".srm").ok().flatten().is_some()).await;
}

#[cfg(target_arch = "wasm32")]
/// Settles until `done` holds, at most 100 times: an event the browser queues itself (a
/// dialog's `close`) comes after one zero timeout in Chromium, later in Firefox.
#[allow(dead_code)] // each test binary includes this module; not all wait so
pub async fn settle_until(mut done: impl FnMut() -> bool) {
    for _ in 0..100 {
        settle().await;
        if done() {
            return;
        }
    }
}

//! Browser tests of the range editor's components (wasm-bindgen-test in headless Chromium,
//! the editor bundle's features): an edit reaches the preview, a problem is tied to its
//! field and leads to it, an added service opens from its row, undo by keyboard.
#![cfg(all(target_arch = "wasm32", feature = "editor"))]

use service_range_mapper::editor_api::{mount_editor, EditorHandle};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement};

mod common;

use common::{document, one, settle, text};

wasm_bindgen_test_configure!(run_in_browser);

/// An editor on the complete mental health example, without autosave.
async fn editor() -> (Element, EditorHandle) {
    let element = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&element).unwrap();
    let options = js_sys::Object::new();
    js_sys::Reflect::set(&options, &"autosave".into(), &false.into()).unwrap();
    js_sys::Reflect::set(&options, &"lang".into(), &"fr".into()).unwrap();
    let config = service_range_mapper::core::defaults::DEFAULT_CONFIG_JSON;
    let handle = mount_editor(element.clone(), JsValue::from_str(config), options.into());
    settle().await;
    (element, handle)
}

fn click(root: &Element, selector: &str) {
    one(root, selector)
        .dyn_into::<HtmlElement>()
        .unwrap()
        .click();
}

/// The first button whose text starts with `name`.
fn button_named(root: &Element, name: &str) -> HtmlElement {
    let list = root.query_selector_all("button").unwrap();
    (0..list.length())
        .map(|i| list.item(i).unwrap().dyn_into::<HtmlElement>().unwrap())
        .find(|b| {
            b.text_content()
                .unwrap_or_default()
                .trim()
                .starts_with(name)
        })
        .unwrap_or_else(|| panic!("no button {name}"))
}

/// How many items the editor's lists show.
fn rows(root: &Element) -> u32 {
    root.query_selector_all(".srm-editor-forms .srm-item-row")
        .unwrap()
        .length()
}

/// Types `value` into the field under `root` that `selector` names, and renders.
async fn type_into(root: &Element, selector: &str, value: &str) -> HtmlInputElement {
    let input: HtmlInputElement = one(root, selector).dyn_into().unwrap();
    type_in(&input, value);
    settle().await;
    input
}

fn type_in(input: &HtmlInputElement, value: &str) {
    input.set_value(value);
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    let event =
        web_sys::InputEvent::new_with_event_init_dict("input", &init.unchecked_into()).unwrap();
    input.dispatch_event(&event).unwrap();
}

#[wasm_bindgen_test]
async fn a_service_renamed_in_its_form_is_renamed_in_the_preview_and_keeps_its_id() {
    let (root, mut handle) = editor().await;
    click(&root, ".srm-editor-forms .srm-item-row");
    settle().await;
    type_into(
        &root,
        ".srm-item-form input[type=text]",
        "Crise — nouveau nom",
    )
    .await;
    let card = one(
        &root,
        ".srm-editor-preview li[data-service=crise] .srm-service-label",
    );
    assert_eq!(text(&card), "Crise — nouveau nom");
    let row = one(&root, ".srm-editor-forms .srm-item-row .srm-row-label");
    assert_eq!(text(&row), "Crise — nouveau nom");
    let draft = handle.config();
    let services = js_sys::Reflect::get(&draft, &"services".into()).unwrap();
    let first = js_sys::Reflect::get(&services, &0.into()).unwrap();
    assert_eq!(
        js_sys::Reflect::get(&first, &"id".into())
            .unwrap()
            .as_string()
            .as_deref(),
        Some("crise")
    );
    handle.destroy();
}

#[wasm_bindgen_test]
async fn a_bad_link_is_said_at_its_field_and_the_problem_list_leads_back_to_it() {
    let (root, mut handle) = editor().await;
    button_named(&root, "Organismes et offres").click();
    settle().await;
    click(&root, ".srm-editor-forms .srm-item-row");
    settle().await;
    let web = type_into(
        &root,
        ".srm-item-form input[type=url]",
        "javascript:alert(1)",
    )
    .await;
    assert_eq!(web.get_attribute("aria-invalid").as_deref(), Some("true"));
    let notes = web.get_attribute("aria-describedby").unwrap();
    let note = document()
        .get_element_by_id(notes.split(' ').next().unwrap())
        .unwrap();
    assert!(
        text(&note).contains("javascript:alert(1)"),
        "{}",
        text(&note)
    );
    assert!(text(&one(&root, ".srm-editor-bar")).contains("1 erreur"));
    // Elsewhere in the editor, then back through the problem list.
    button_named(&root, "Territoire").click();
    settle().await;
    button_named(&root, "Aller au champ").click();
    settle().await;
    let focused = document().active_element().unwrap();
    assert_eq!(focused.get_attribute("type").as_deref(), Some("url"));
    assert!(text(&one(&root, ".srm-editor-preview")).contains("dernière version sans erreur"));
    handle.destroy();
}

#[wasm_bindgen_test]
async fn an_added_service_is_said_and_ctrl_z_takes_it_back() {
    let (root, mut handle) = editor().await;
    let before = rows(&root);
    type_into(&root, ".srm-editor-tier .srm-add-item input", "Pair aidant").await;
    one(&root, ".srm-editor-tier .srm-add-item")
        .dyn_into::<web_sys::HtmlFormElement>()
        .unwrap()
        .request_submit()
        .unwrap();
    settle().await;
    assert_eq!(rows(&root), before + 1);
    assert!(text(&one(
        &root,
        ".srm-editor > .srm-visually-hidden[role=status]"
    ))
    .contains("« Pair aidant » ajouté."));
    assert!(text(&one(&root, ".srm-editor-preview")).contains("Pair aidant"));
    // Ctrl+Z outside a text field undoes.
    let init = web_sys::KeyboardEventInit::new();
    init.set_key("z");
    init.set_ctrl_key(true);
    init.set_bubbles(true);
    let event =
        web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    one(&root, ".srm-editor-nav button")
        .dispatch_event(&event)
        .unwrap();
    settle().await;
    assert_eq!(rows(&root), before);
    handle.destroy();
}

//! Browser tests of the mounted widget (wasm-bindgen-test in headless Chromium): mounting,
//! the service detail, the language switch that keeps state, config errors in the widget,
//! and the JS handle.
#![cfg(target_arch = "wasm32")]

use service_range_mapper::api::{mount, show_crash_notice, WidgetHandle};
use service_range_mapper::core::text::Lang;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

mod common;

use common::{document, one, settle, settle_until, shown, text};

wasm_bindgen_test_configure!(run_in_browser);

/// A fresh host element in the page.
fn host() -> Element {
    let element = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&element).unwrap();
    element
}

fn all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .map(|i| list.item(i).unwrap().dyn_into::<Element>().unwrap())
        .collect()
}

fn options(lang: &str) -> JsValue {
    let o = js_sys::Object::new();
    js_sys::Reflect::set(&o, &"lang".into(), &lang.into()).unwrap();
    o.into()
}

async fn mounted(config: JsValue, lang: &str) -> (Element, WidgetHandle) {
    let element = host();
    let handle = mount(element.clone(), config, options(lang));
    shown(&element).await;
    (element, handle)
}

#[wasm_bindgen_test]
async fn mounting_without_config_shows_the_default_range_in_three_regions() {
    let (root, mut handle) = mounted(JsValue::NULL, "fr").await;
    let regions = all(&root, "section.srm-tier");
    assert_eq!(regions.len(), 3);
    let titles: Vec<String> = regions.iter().map(|r| text(&one(r, "h3"))).collect();
    assert_eq!(
        titles,
        [
            "Services de proximité",
            "Services intersectoriels dans le milieu",
            "Services spécialisés"
        ]
    );
    for region in &regions {
        let labelled_by = region.get_attribute("aria-labelledby").unwrap();
        assert_eq!(
            one(region, "h3").id(),
            labelled_by,
            "each tier is a region named by its label"
        );
    }
    assert_eq!(all(&root, "li.srm-service").len(), 24);
    assert!(
        text(&root).contains("Exemple"),
        "the example territory says it is one"
    );
    assert!(text(&regions[0]).contains("5 sur 9 services avec au moins un fournisseur disponible"));
    handle.destroy();
    assert_eq!(root.inner_html(), "", "destroy empties the host element");
}

#[wasm_bindgen_test]
async fn a_service_opens_its_detail_with_safe_contact_links() {
    let (root, mut handle) = mounted(JsValue::NULL, "fr").await;
    let crisis = one(&root, "li[data-service='crise'] button");
    crisis.dyn_ref::<HtmlElement>().unwrap().click();
    yew::scheduler::flush().await;
    let dialog = one(&root, "dialog.srm-detail");
    assert!(dialog.has_attribute("open"), "the detail dialog is open");
    assert!(text(&dialog).contains("Centre de crise L'Accalmie"));
    assert!(text(&dialog).contains("Accès direct"));
    let hrefs: Vec<String> = all(&dialog, "a")
        .iter()
        .map(|a| a.get_attribute("href").unwrap())
        .collect();
    assert!(hrefs.contains(&"tel:4185550130".to_string()), "{hrefs:?}");
    assert!(
        hrefs.contains(&"mailto:info@accalmie.example.org".to_string()),
        "{hrefs:?}"
    );
    assert!(hrefs
        .iter()
        .all(|h| h.starts_with("tel:") || h.starts_with("mailto:") || h.starts_with("https://")));
    one(&dialog, "button.srm-close")
        .dyn_ref::<HtmlElement>()
        .unwrap()
        .click();
    settle_until(|| root.query_selector("dialog").unwrap().is_none()).await;
    assert!(
        root.query_selector("dialog").unwrap().is_none(),
        "closing removes the detail"
    );
    handle.destroy();
}

#[wasm_bindgen_test]
async fn switching_language_keeps_the_open_detail() {
    let (root, mut handle) = mounted(JsValue::NULL, "fr").await;
    one(&root, "li[data-service='hebergement-regulier'] button")
        .dyn_ref::<HtmlElement>()
        .unwrap()
        .click();
    yew::scheduler::flush().await;
    assert_eq!(text(&one(&root, "dialog h2")), "Hébergement régulier");
    handle.set_lang("en");
    yew::scheduler::flush().await;
    assert_eq!(
        one(&root, ".srm").get_attribute("lang").as_deref(),
        Some("en")
    );
    assert_eq!(
        text(&one(&root, "dialog h2")),
        "Regular housing",
        "the detail stays open, now in English"
    );
    assert!(text(&root).contains("Proximity services"));

    // The in-widget button switches back.
    one(&root, "button.srm-lang-switch")
        .dyn_ref::<HtmlElement>()
        .unwrap()
        .click();
    yew::scheduler::flush().await;
    assert_eq!(
        one(&root, ".srm").get_attribute("lang").as_deref(),
        Some("fr")
    );
    assert!(text(&root).contains("Services de proximité"));
    handle.destroy();
}

#[wasm_bindgen_test]
async fn a_broken_config_shows_its_errors_inside_the_widget_and_to_the_caller() {
    let element = host();
    let received = std::rc::Rc::new(std::cell::RefCell::new(Vec::<JsValue>::new()));
    let listener = {
        let received = received.clone();
        wasm_bindgen::closure::Closure::<dyn FnMut(web_sys::CustomEvent)>::new(
            move |e: web_sys::CustomEvent| {
                received.borrow_mut().push(e.detail());
            },
        )
    };
    element
        .add_event_listener_with_callback("srm-error", listener.as_ref().unchecked_ref())
        .unwrap();
    let config = r#"{
  "version": 1,
  "territory": { "name": "T" },
  "services": [ { "id": "a", "tier": "ailleurs", "label": "A" } ]
}"#;
    let mut handle = mount(element.clone(), config.into(), options("fr"));
    shown(&element).await;
    let alert = one(&element, "[role=alert]");
    let shown = text(&alert);
    assert!(shown.contains("$.services[0].tier"), "{shown}");
    assert!(shown.contains("ligne 4, colonne 38"), "{shown}");
    assert!(
        shown.contains("Aucun palier n'a l'identifiant « ailleurs »"),
        "{shown}"
    );
    assert!(element
        .query_selector("section.srm-tier")
        .unwrap()
        .is_none());

    let events = received.borrow().clone();
    assert_eq!(events.len(), 1, "one srm-error event");
    let first = js_sys::Reflect::get(&events[0], &0.into()).unwrap();
    let path = js_sys::Reflect::get(&first, &"path".into()).unwrap();
    assert_eq!(path.as_string().as_deref(), Some("$.services[0].tier"));
    let line = js_sys::Reflect::get(&first, &"line".into()).unwrap();
    assert_eq!(line.as_f64(), Some(4.0));

    // Fixing the config in place renders the range and reports no problem.
    let fixed = config.replace("ailleurs", "proximite");
    let problems = handle.update(fixed.into());
    // A config of its own brings its saved session, read (asynchronously) first.
    settle_until(|| element.query_selector("li.srm-service").unwrap().is_some()).await;
    assert_eq!(js_sys::Array::from(&problems).length(), 0);
    assert!(element.query_selector("[role=alert]").unwrap().is_none());
    assert_eq!(all(&element, "li.srm-service").len(), 1);
    handle.destroy();
}

#[wasm_bindgen_test]
async fn a_config_object_with_unsafe_link_is_refused_with_its_path() {
    let config = js_sys::JSON::parse(
        r#"{"version": 1, "territory": {"name": "T"},
            "services": [{"id": "a", "tier": "proximite", "label": "A"}],
            "providers": [{"id": "p", "name": "P", "contact": {"web": "javascript:alert(1)"}}]}"#,
    )
    .unwrap();
    let (root, mut handle) = mounted(config, "en").await;
    let shown = text(&one(&root, "[role=alert]"));
    assert!(shown.contains("$.providers[0].contact.web"), "{shown}");
    assert!(!shown.contains("line"), "an object has no lines: {shown}");
    assert!(root
        .query_selector("a[href^='javascript']")
        .unwrap()
        .is_none());
    handle.destroy();
}

#[wasm_bindgen_test]
async fn config_text_is_never_injected_as_html() {
    let config = r#"{"version": 1, "territory": {"name": "<img src=x onerror=alert(1)>Quartier"},
        "services": [{"id": "a", "tier": "proximite", "label": "<b>Gras</b>"}]}"#;
    let (root, mut handle) = mounted(config.into(), "fr").await;
    assert!(root.query_selector("img, b").unwrap().is_none());
    assert!(text(&root).contains("<b>Gras</b>"));
    assert!(
        root.query_selector("[style]").unwrap().is_none(),
        "no inline style attributes"
    );
    handle.destroy();
}

#[wasm_bindgen_test]
async fn two_instances_do_not_share_state() {
    let (a, mut wa) = mounted(JsValue::NULL, "fr").await;
    let (b, mut wb) = mounted(JsValue::NULL, "fr").await;
    wa.set_lang("en");
    one(&b, "li[data-service='crise'] button")
        .dyn_ref::<HtmlElement>()
        .unwrap()
        .click();
    yew::scheduler::flush().await;
    assert_eq!(one(&a, ".srm").get_attribute("lang").as_deref(), Some("en"));
    assert_eq!(one(&b, ".srm").get_attribute("lang").as_deref(), Some("fr"));
    assert!(a.query_selector("dialog").unwrap().is_none());
    assert!(b.query_selector("dialog").unwrap().is_some());
    let id_a = one(&a, "section.srm-tier h3").id();
    let id_b = one(&b, "section.srm-tier h3").id();
    assert_ne!(id_a, id_b, "element ids are unique per instance");
    wa.destroy();
    wb.destroy();
}

#[wasm_bindgen_test]
async fn the_language_is_inherited_from_the_page_when_not_given() {
    let wrapper = host();
    wrapper.set_attribute("lang", "en-CA").unwrap();
    let element = document().create_element("div").unwrap();
    wrapper.append_child(&element).unwrap();
    let mut handle = mount(element.clone(), JsValue::UNDEFINED, JsValue::UNDEFINED);
    shown(&element).await;
    assert_eq!(
        one(&element, ".srm").get_attribute("lang").as_deref(),
        Some("en")
    );
    assert!(text(&element).contains("Proximity services"));
    handle.destroy();
    handle.destroy();
    assert_eq!(element.inner_html(), "", "a second destroy does nothing");
}

#[wasm_bindgen_test]
async fn calls_made_before_the_first_render_are_applied_in_order() {
    let element = host();
    let mut handle = mount(element.clone(), JsValue::NULL, options("fr"));
    // Nothing has rendered yet: these wait in the queue.
    handle.set_lang("en");
    let youth = r#"{"version": 1, "territory": {"name": {"fr": "Vallée", "en": "Valley"}},
        "services": [{"id": "a", "tier": "proximite", "label": {"fr": "Accueil", "en": "Intake"}}]}"#;
    let problems = handle.update(youth.into());
    assert_eq!(js_sys::Array::from(&problems).length(), 0);
    settle_until(|| text(&element).contains("Intake")).await;
    assert_eq!(
        one(&element, ".srm").get_attribute("lang").as_deref(),
        Some("en")
    );
    assert_eq!(all(&element, "li.srm-service").len(), 1);
    assert!(text(&element).contains("Intake"));
    handle.destroy();
}

#[wasm_bindgen_test]
async fn an_internal_error_leaves_a_visible_notice_not_a_blank_box() {
    let (root, _handle) = mounted(JsValue::NULL, "fr").await;
    show_crash_notice(&root, Lang::En);
    let alert = one(&root, ".srm[lang=en] [role=alert]");
    assert!(text(&alert).contains("The widget stopped"));
    assert!(root.query_selector("section.srm-tier").unwrap().is_none());
}

fn options_with(pairs: &[(&str, JsValue)]) -> JsValue {
    let o = js_sys::Object::new();
    for (key, value) in pairs {
        js_sys::Reflect::set(&o, &(*key).into(), value).unwrap();
    }
    o.into()
}

/// The built-in example in an editable widget that saves nothing to storage.
async fn editable_example(lang: &str) -> (Element, WidgetHandle) {
    let element = host();
    let handle = mount(
        element.clone(),
        JsValue::NULL,
        options_with(&[("autosave", false.into()), ("lang", lang.into())]),
    );
    shown(&element).await;
    (element, handle)
}

#[wasm_bindgen_test]
async fn a_read_only_widget_has_no_editing_control() {
    let element = host();
    let mut handle = mount(
        element.clone(),
        JsValue::NULL,
        options_with(&[("editable", false.into()), ("lang", "fr".into())]),
    );
    shown(&element).await;
    assert!(element.query_selector(".srm-add-gap").unwrap().is_none());
    let buttons: Vec<String> = all(&element, ".srm-toolbar button")
        .iter()
        .map(text)
        .collect();
    assert!(
        !buttons
            .iter()
            .any(|b| b.contains("Défaire") || b.contains("session")),
        "{buttons:?}"
    );
    assert!(
        buttons.iter().any(|b| b.contains("Inventaire")),
        "the inventory can still be read"
    );
    handle.destroy();
}

#[wasm_bindgen_test]
async fn the_host_reads_and_loads_the_session() {
    let (element, mut handle) = editable_example("fr").await;
    let session = handle.inventory();
    let format = js_sys::Reflect::get(&session, &"format".into()).unwrap();
    assert_eq!(
        format.as_string().as_deref(),
        Some("service-range-mapper/session")
    );
    // Add a gap through the host API and see its badge on the card.
    let gap = js_sys::JSON::parse(
        r#"{"id": "g1", "target": {"on": "service", "service": "loisirs"}, "kind": "absent",
            "severity": "high", "population": "Aînés", "perspective": "government",
            "note": "=Ce que les partenaires ont dit <b>tel quel</b>",
            "action": "", "impact": 4, "feasibility": 4,
            "created": "2026-11-22T10:00:00.000Z", "modified": "2026-11-22T10:00:00.000Z"}"#,
    )
    .unwrap();
    let gaps = js_sys::Array::of1(&gap);
    js_sys::Reflect::set(&session, &"gaps".into(), &gaps).unwrap();
    assert!(handle.load_session(session).is_null());
    yew::scheduler::flush().await;
    let card = one(&element, "li[data-service=loisirs]");
    assert!(
        text(&card).contains("1 écart · gravité élevée"),
        "{}",
        text(&card)
    );
    let back = handle.inventory();
    let gaps = js_sys::Array::from(&js_sys::Reflect::get(&back, &"gaps".into()).unwrap());
    assert_eq!(gaps.length(), 1);
    // The inventory on screen shows the gap's note, as text.
    handle.set_view("inventory");
    yew::scheduler::flush().await;
    let row = one(&element, ".srm-inventory-table tr[data-gap=g1] .srm-note");
    assert_eq!(
        text(&row),
        "=Ce que les partenaires ont dit <b>tel quel</b>"
    );
    assert!(row.query_selector("b").unwrap().is_none());
    handle.set_view("range");
    yew::scheduler::flush().await;
    // A foreign object is refused with a reason, and nothing changes.
    let refused = handle.load_session(js_sys::Object::new().into());
    let kind = js_sys::Reflect::get(&refused, &"kind".into()).unwrap();
    assert_eq!(kind.as_string().as_deref(), Some("not_a_session"));
    yew::scheduler::flush().await;
    assert!(text(&one(&element, "li[data-service=loisirs]")).contains("1 écart"));
    assert!(text(&one(&element, "[role=alert]")).contains("n'est pas une session"));
    handle.destroy();
}

#[wasm_bindgen_test]
async fn the_gap_form_saves_a_gap_and_undo_removes_it() {
    let (element, mut handle) = editable_example("en").await;
    one(&element, "li[data-service=transport] .srm-card-add")
        .dyn_ref::<HtmlElement>()
        .unwrap()
        .click();
    yew::scheduler::flush().await;
    let form = one(&element, "dialog[open] form");
    assert!(
        text(&one(&element, "dialog[open]")).contains("Transport (public, school, paratransit)")
    );
    one(&form, "button[type=submit]")
        .dyn_ref::<HtmlElement>()
        .unwrap()
        .click();
    settle().await;
    assert!(
        element.query_selector("dialog").unwrap().is_none(),
        "the form closes on save"
    );
    assert!(text(&one(&element, "li[data-service=transport]")).contains("1 gap · medium severity"));
    let undo = all(&element, ".srm-toolbar button")
        .into_iter()
        .find(|b| text(b).contains("Undo"))
        .unwrap();
    undo.dyn_ref::<HtmlElement>().unwrap().click();
    yew::scheduler::flush().await;
    assert!(element
        .query_selector("li[data-service=transport] .srm-gap-badge")
        .unwrap()
        .is_none());
    handle.destroy();
}

#[wasm_bindgen_test]
async fn a_long_tier_shows_its_services_a_page_at_a_time_and_focus_follows() {
    let services: Vec<String> = (0..300)
        .map(|i| format!(r#"{{"id":"s{i}","tier":"proximite","label":"Service {i}"}}"#))
        .collect();
    let config = format!(
        r#"{{"version":1,"territory":{{"name":"Long"}},"services":[{}]}}"#,
        services.join(",")
    );
    let (root, mut handle) = mounted(config.into(), "en").await;
    let tier = one(&root, "section.srm-tier[data-tier=proximite]");
    assert_eq!(all(&tier, "li.srm-service").len(), 64);
    assert!(text(&one(&tier, ".srm-more")).contains("64 of 300 services shown"));
    for shown in [128, 192, 256, 300] {
        let more: HtmlElement = one(&tier, ".srm-more-button").dyn_into().unwrap();
        let expected = format!("Show {} more services", shown - (shown - 1) / 64 * 64);
        assert_eq!(text(&more), expected);
        more.click();
        settle().await;
        assert_eq!(all(&tier, "li.srm-service").len(), shown);
        // Focus went to the first card the button revealed.
        let focused = document().active_element().unwrap();
        let first_new = (shown - 1) / 64 * 64;
        assert_eq!(
            text(&one(&focused, ".srm-service-label")),
            format!("Service {first_new}")
        );
    }
    assert!(tier.query_selector(".srm-more").unwrap().is_none());
    handle.destroy();
}

fn click(element: &Element) {
    element.dyn_ref::<HtmlElement>().unwrap().click();
}

/// Presses a key on an element (the event bubbles to the widget, as a real one does).
fn press(target: &Element, key: &str) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    let event =
        web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    target.dispatch_event(&event).unwrap();
}

/// Focuses an element, HTML or SVG (graph nodes).
fn focus(element: &Element) {
    element.unchecked_ref::<HtmlElement>().focus().unwrap();
}

/// The toolbar button that shows a view.
fn view_button(root: &Element, label: &str) -> Element {
    all(root, ".srm-toolbar .srm-view-button")
        .into_iter()
        .find(|b| text(b) == label)
        .unwrap_or_else(|| panic!("no view button {label}"))
}

/// The matrix cell of a pair, by the provider names its label starts with.
fn matrix_cell(root: &Element, label_part: &str) -> Element {
    all(root, ".srm-matrix button.srm-cell-button")
        .into_iter()
        .find(|b| {
            b.get_attribute("aria-label")
                .unwrap_or_default()
                .contains(label_part)
        })
        .unwrap_or_else(|| panic!("no cell {label_part}"))
}

const CISSS_OMH: &str = "CISSS de l'Estuaire — installation CLSC des Pins — Office municipal d'habitation de Port-aux-Pins";

#[wasm_bindgen_test]
async fn a_level_set_in_the_matrix_shows_in_every_view_and_undo_brings_it_back() {
    let (element, mut handle) = editable_example("fr").await;
    click(&view_button(&element, "Matrice des partenaires"));
    yew::scheduler::flush().await;
    assert_eq!(
        one(&element, ".srm").get_attribute("data-view").unwrap(),
        "matrix"
    );
    // 12 providers: 12 rows, 12 × 11 cells to edit, each naming its level in words.
    assert_eq!(all(&element, ".srm-matrix tbody tr[data-row]").len(), 12);
    assert_eq!(all(&element, ".srm-matrix .srm-cell-button").len(), 132);
    let cell = matrix_cell(&element, CISSS_OMH);
    assert_eq!(text(&cell), "Communication → Coordination");
    assert_eq!(
        all(&element, ".srm-matrix [tabindex=\"0\"]").len(),
        1,
        "one cell reached by Tab"
    );
    click(&cell);
    yew::scheduler::flush().await;
    let dialog = one(&element, "dialog[open]");
    assert!(text(&dialog).contains("Office municipal d'habitation"));
    click(&one(
        &dialog,
        "input[type=radio][value=coalition][name$=relation-level]",
    ));
    click(&one(&dialog, "input[type=checkbox][value=shared_staff]"));
    yew::scheduler::flush().await;
    click(&one(&dialog, "button[type=submit]"));
    settle().await;
    assert!(
        element.query_selector("dialog").unwrap().is_none(),
        "the form closes on save"
    );
    // The target stays where it was (now below the level: no longer a gap).
    assert_eq!(
        text(&matrix_cell(&element, CISSS_OMH)),
        "Coalition → Coordination"
    );
    // The network's table and graph.
    click(&view_button(&element, "Réseau des partenaires"));
    yew::scheduler::flush().await;
    let row = one(&element, "tr[data-pair=\"cisss|omh\"]");
    assert_eq!(text(&one(&row, ".srm-relation-level")), "Coalition");
    assert!(text(&row).contains("Personnel partagé"));
    assert_eq!(all(&element, ".srm-graph [data-node]").len(), 12);
    assert_eq!(all(&element, ".srm-links line.srm-edge").len(), 17);
    assert_eq!(
        all(&element, ".srm-links line.srm-edge-4").len(),
        2,
        "coalition: the fourth style"
    );
    // Selecting the CISSS highlights its relations and names their levels.
    let cisss = one(&element, ".srm-graph [data-node=\"0\"]");
    focus(&cisss);
    press(&cisss, "Enter");
    yew::scheduler::flush().await;
    assert_eq!(cisss.get_attribute("aria-pressed").unwrap(), "true");
    assert_eq!(all(&element, ".srm-links line.srm-edge-on").len(), 9);
    assert!(all(&element, ".srm-graph .srm-edge-label")
        .iter()
        .any(|l| text(l) == "Coalition"));
    assert_eq!(all(&element, ".srm-relations tbody tr").len(), 9);
    // The inventory's collaboration gaps follow: the pair reached its target and more.
    click(&view_button(&element, "Inventaire des besoins"));
    yew::scheduler::flush().await;
    assert_eq!(all(&element, ".srm-collab-gaps tbody tr").len(), 11);
    // Undo brings the config's level back.
    let undo = all(&element, ".srm-toolbar button")
        .into_iter()
        .find(|b| text(b).contains("Défaire"))
        .unwrap();
    click(&undo);
    yew::scheduler::flush().await;
    assert_eq!(all(&element, ".srm-collab-gaps tbody tr").len(), 12);
    click(&view_button(&element, "Matrice des partenaires"));
    yew::scheduler::flush().await;
    assert_eq!(
        text(&matrix_cell(&element, CISSS_OMH)),
        "Communication → Coordination"
    );
    handle.destroy();
}

#[wasm_bindgen_test]
async fn arrow_keys_move_between_matrix_cells_and_graph_nodes() {
    let (element, mut handle) = editable_example("en").await;
    let focused = || document().active_element().unwrap();
    click(&view_button(&element, "Partner matrix"));
    yew::scheduler::flush().await;
    let first = one(&element, ".srm-matrix [tabindex=\"0\"]");
    focus(&first);
    assert_eq!(first.get_attribute("data-cell").unwrap(), "0-1");
    // Down and right, each time over the diagonal: a provider with itself has no cell.
    press(&first, "ArrowDown");
    assert_eq!(focused().get_attribute("data-cell").unwrap(), "2-1");
    press(&focused(), "ArrowRight");
    assert_eq!(focused().get_attribute("data-cell").unwrap(), "2-3");
    click(&view_button(&element, "Partner network"));
    yew::scheduler::flush().await;
    let node = one(&element, ".srm-graph [data-node][tabindex=\"0\"]");
    focus(&node);
    yew::scheduler::flush().await;
    let start = node.get_attribute("data-node").unwrap();
    press(&node, "ArrowRight");
    yew::scheduler::flush().await;
    let next = focused();
    assert_ne!(next.get_attribute("data-node").unwrap(), start);
    press(&next, "Enter");
    yew::scheduler::flush().await;
    assert_eq!(next.get_attribute("aria-pressed").unwrap(), "true");
    assert!(text(&one(&element, ".srm-relations caption")).starts_with("Relations of "));
    handle.destroy();
}

#[wasm_bindgen_test]
async fn a_service_detail_shows_the_relations_between_its_providers() {
    let (element, mut handle) = editable_example("fr").await;
    click(&one(
        &element,
        "li[data-service=crise] .srm-service-open, li[data-service=crise] button",
    ));
    yew::scheduler::flush().await;
    let relations = text(&one(&element, "dialog[open] .srm-service-relations"));
    assert!(
        relations.contains("Centre de crise L'Accalmie"),
        "{relations}"
    );
    assert!(
        relations.contains("Coordination → cible\u{a0}: Coalition"),
        "{relations}"
    );
    handle.destroy();
}

#[wasm_bindgen_test]
async fn the_continuum_view_counts_the_relations_at_each_level() {
    let (root, mut handle) = mounted(JsValue::NULL, "en").await;
    click(&view_button(&root, "Continuum of collaboration"));
    yew::scheduler::flush().await;
    let steps: Vec<String> = all(&root, ".srm-step .srm-step-count")
        .iter()
        .map(text)
        .collect();
    assert_eq!(
        steps,
        [
            "2 relations · 12%",
            "3 relations · 18%",
            "6 relations · 35%",
            "5 relations · 29%",
            "1 relation · 6%",
            "0 relations · 0%"
        ]
    );
    assert_eq!(all(&root, ".srm-step-relation").len(), 17);
    let density = text(&one(&root, "[data-indicator=density] dd"));
    assert_eq!(density, "15 of 66 pairs · 23%");
    handle.destroy();
}

/// A contribution to the example, as a participant's page writes it.
fn contribution_file(id: &str, name: &str, organisation: &str, crise: &str) -> String {
    format!(
        r#"{{"format":"service-range-mapper/contribution","version":1,"config":"exemple-sante-mentale-estuaire",
        "fingerprint":"0","id":"{id}","participant":{{"name":"{name}","organisation":"{organisation}","perspective":"practitioner"}},
        "created":"2026-03-12T09:00:00.000Z","modified":"2026-03-12T09:00:00.000Z",
        "coverage":{{"crise":"{crise}","entraide":"covered"}},"gaps":[],"relations":[]}}"#
    )
}

#[wasm_bindgen_test]
async fn participant_mode_shows_only_what_a_participant_rates() {
    let element = host();
    let mut handle = mount(
        element.clone(),
        JsValue::NULL,
        options_with(&[("autosave", false.into()), ("mode", "participant".into())]),
    );
    shown(&element).await;
    assert_eq!(all(&element, ".srm-contribute").len(), 1);
    for absent in [
        ".srm-toolbar",
        ".srm-range-view",
        "li.srm-service",
        ".srm-workshop-bar",
    ] {
        assert!(
            element.query_selector(absent).unwrap().is_none(),
            "{absent}"
        );
    }
    assert_eq!(all(&element, "fieldset.srm-rating").len(), 24);
    let absent = one(&element, "fieldset[data-service=crise] input[value=absent]");
    click(&absent);
    settle().await;
    let checked: web_sys::HtmlInputElement =
        one(&element, "fieldset[data-service=crise] input[value=absent]")
            .dyn_into()
            .unwrap();
    assert!(checked.checked());
    assert!(text(&element).contains("1 service sur 9 noté"));
    // An organisation chosen: its relations to rate appear.
    assert!(element
        .query_selector("fieldset.srm-relation-rating")
        .unwrap()
        .is_none());
    let organisation: web_sys::HtmlSelectElement =
        one(&element, "select[id$=contributor-organisation]")
            .dyn_into()
            .unwrap();
    organisation.set_value("cisss");
    organisation
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    settle().await;
    assert_eq!(all(&element, "fieldset.srm-relation-rating").len(), 11);
    handle.destroy();
}

#[wasm_bindgen_test]
async fn gathered_contributions_are_compared_and_a_decision_is_undone() {
    let element = host();
    let mut handle = mount(
        element.clone(),
        JsValue::NULL,
        options_with(&[("autosave", false.into()), ("view", "perspectives".into())]),
    );
    shown(&element).await;
    let contributions = [
        contribution_file("a", "Ana", "cisss", "covered"),
        contribution_file("b", "Ben", "gmf", "absent"),
        contribution_file("c", "Cléo", "hopital", "absent"),
    ];
    // Dropped on the zone, as files.
    let transfer = web_sys::DataTransfer::new().unwrap();
    for (i, text) in contributions.iter().enumerate() {
        let parts = js_sys::Array::of1(&JsValue::from_str(text));
        let file = web_sys::File::new_with_str_sequence(&parts, &format!("c{i}.json")).unwrap();
        transfer.items().add_with_file(&file).unwrap();
    }
    let init = web_sys::DragEventInit::new();
    init.set_bubbles(true);
    init.set_cancelable(true);
    init.set_data_transfer(Some(&transfer));
    let drop = web_sys::DragEvent::new_with_event_init_dict("drop", &init).unwrap();
    one(&element, ".srm-drop-zone")
        .dispatch_event(&drop)
        .unwrap();
    settle_until(|| all(&element, ".srm-participant-table tbody tr").len() == 3).await;
    let rows = all(&element, ".srm-comparison tbody tr");
    assert!(
        text(&rows[0]).contains("Services de crise"),
        "the divergent service first"
    );
    assert!(text(&rows[0]).contains("Divergent"));
    assert!(text(&rows[1]).contains("Accord"));
    click(&one(&rows[0], ".srm-consensus button"));
    settle().await;
    let dialog = one(&element, "[aria-modal=true] form, dialog[open] form");
    click(&one(&dialog, "input[value=absent]"));
    click(&one(&dialog, "button[type=submit]"));
    settle().await;
    let first = || all(&element, ".srm-comparison tbody tr").remove(0);
    assert!(text(&first()).contains("Absent"));
    assert!(!text(&first()).contains("Pas encore décidé"));
    let inventory = handle.inventory();
    let coverage = js_sys::Reflect::get(&inventory, &"coverage".into()).unwrap();
    assert_eq!(
        js_sys::Reflect::get(&coverage, &"crise".into())
            .unwrap()
            .as_string()
            .as_deref(),
        Some("absent")
    );
    let undo = all(&element, ".srm-toolbar button")
        .into_iter()
        .find(|b| text(b).contains("Défaire"))
        .unwrap();
    click(&undo);
    settle().await;
    assert!(text(&first()).contains("Pas encore décidé"), "undone");
    handle.destroy();
}

#[wasm_bindgen_test]
async fn session_files_with_contributions_decisions_plan_and_milestones_come_back_whole() {
    // Read through the browser's JSON and serde_wasm_bindgen, as the widget reads them.
    for text in [
        include_str!("corpus/session/with-milestones.json"),
        include_str!("corpus/session/contributions-decisions.json"),
    ] {
        let (_, mut handle) = editable_example("fr").await;
        assert!(handle.load_session(text.into()).is_null(), "loaded");
        settle().await;
        let back = js_sys::JSON::stringify(&handle.inventory()).unwrap();
        let file = js_sys::JSON::stringify(&js_sys::JSON::parse(text).unwrap()).unwrap();
        assert_eq!(back, file, "the same session, field for field");
        handle.destroy();
    }
}

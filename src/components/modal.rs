//! A modal dialog: it keeps the focus inside, closes on Escape and on a click around it,
//! and gives the focus back to what opened it. Content closes it through the
//! [`CloseModal`] context, so every way out goes through the dialog's own `close` event and
//! then `on_close`.
//!
//! The citizens' build opens the native `<dialog>` with `showModal`, which does all that
//! itself. The workshop's build shows it as a popover instead (`show` + `showPopover`: the
//! top layer, above the page and outside any containment of the host's) and does the
//! modal part here: `showModal` makes the rest of the document inert, and entering and
//! leaving that state restyles every element of the page — 50 ms behind a 60 × 60 partner
//! matrix, on each save of a form. The dialog then covers the viewport and is its own
//! backdrop; `aria-modal` tells assistive technologies the page behind is out of reach.

use crate::state::WORKSHOP;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlDialogElement, HtmlElement};
use yew::prelude::*;

/// Closes the enclosing modal.
#[derive(Clone, PartialEq)]
pub struct CloseModal(pub Callback<()>);

impl CloseModal {
    /// A Cancel button of a form in a modal: closes the dialog (the browser then returns
    /// focus to what opened it), or, with no dialog around, sends `closed` so the state
    /// forgets the form.
    pub fn cancel<A: Clone + 'static>(
        close: Option<CloseModal>,
        on_action: &Callback<A>,
        closed: A,
    ) -> Callback<MouseEvent> {
        let on_action = on_action.clone();
        Callback::from(move |_: MouseEvent| match &close {
            Some(CloseModal(close)) => close.emit(()),
            None => on_action.emit(closed.clone()),
        })
    }
}

#[derive(Properties, PartialEq)]
pub struct ModalProps {
    pub class: AttrValue,
    /// The dialog's title, and the id it gets (the dialog is named by it).
    pub title: AttrValue,
    pub title_id: AttrValue,
    /// The label of the "✕" button in the title bar; none: the content has its own way out.
    #[prop_or_default]
    pub close_label: Option<AttrValue>,
    pub on_close: Callback<()>,
    pub children: Html,
}

#[component]
pub fn Modal(props: &ModalProps) -> Html {
    let dialog_ref = use_node_ref();
    {
        let dialog_ref = dialog_ref.clone();
        use_effect_with((), move |_| {
            let dialog = dialog_ref.cast::<HtmlDialogElement>();
            let opener = dialog.as_ref().filter(|_| WORKSHOP).and_then(focused_near);
            if let Some(dialog) = dialog.filter(|d| !d.open()) {
                if WORKSHOP {
                    let _ = dialog.set_attribute("popover", "manual");
                    let _ = dialog.set_attribute("aria-modal", "true");
                    dialog.show();
                    let _ = dialog.show_popover();
                    // The first stop as Tab counts them (a radio group's checked button):
                    // `show` alone focuses the first radio of a group in WebKit.
                    if let Some(first) = tab_stops(&dialog).first() {
                        let _ = first.focus();
                    }
                } else if dialog.show_modal().is_err() {
                    // A dialog that cannot be modal (detached element) still opens.
                    dialog.show();
                }
            }
            move || {
                if let Some(dialog) = dialog_ref.cast::<HtmlDialogElement>() {
                    dialog.close();
                    if WORKSHOP {
                        let _ = dialog.hide_popover();
                        give_focus_back(&dialog, opener);
                    }
                }
            }
        });
    }
    let close = {
        let dialog_ref = dialog_ref.clone();
        Callback::from(move |_: ()| {
            if let Some(dialog) = dialog_ref.cast::<HtmlDialogElement>() {
                dialog.close();
            }
        })
    };
    // Escape and Tab, which the browser handles for `showModal` only.
    let onkeydown = WORKSHOP.then(|| {
        let (close, dialog_ref) = (close.clone(), dialog_ref.clone());
        Callback::from(move |event: KeyboardEvent| {
            if event.key() == "Escape" {
                event.prevent_default();
                close.emit(());
            // WebKitGTK names Shift+Tab's key "Unidentified" (GTK's ISO_Left_Tab); its
            // code is still "Tab".
            } else if event.key() == "Tab"
                || (event.key() == "Unidentified" && event.code() == "Tab")
            {
                if let Some(dialog) = dialog_ref.cast::<Element>() {
                    keep_tab_inside(&dialog, &event);
                }
            }
        })
    });
    let onclose = {
        let on_close = props.on_close.clone();
        Callback::from(move |_: Event| on_close.emit(()))
    };
    // A click whose target is the dialog itself landed on the backdrop.
    let onclick = {
        let close = close.clone();
        let dialog_ref = dialog_ref.clone();
        Callback::from(move |event: MouseEvent| {
            let dialog = dialog_ref.get().map(wasm_bindgen::JsValue::from);
            if dialog.is_some() && event.target().map(wasm_bindgen::JsValue::from) == dialog {
                close.emit(());
            }
        })
    };
    let close_button = props.close_label.clone().map(|label| {
        let close = close.clone();
        let onclick = Callback::from(move |_: MouseEvent| close.emit(()));
        html! {
            <button type="button" class="srm-close" {onclick}>
                <span aria-hidden="true">{ "✕ " }</span>{ label }
            </button>
        }
    });
    // Only workshop content (forms) closes the dialog itself.
    let content = if WORKSHOP {
        html! {
            <ContextProvider<CloseModal> context={CloseModal(close)}>
                { props.children.clone() }
            </ContextProvider<CloseModal>>
        }
    } else {
        props.children.clone()
    };
    html! {
        <dialog class={props.class.clone()} part="dialog" ref={dialog_ref} aria-labelledby={props.title_id.clone()}
                {onclose} {onclick} {onkeydown}>
            <div class="srm-detail-body">
                <div class="srm-detail-head">
                    <h2 class="srm-detail-title" id={props.title_id.clone()}>{ props.title.clone() }</h2>
                    { for close_button }
                </div>
                { content }
            </div>
        </dialog>
    }
}

/// The element in focus in the tree of `node` (its shadow root or its document).
fn focused_near(node: &HtmlDialogElement) -> Option<HtmlElement> {
    let root = node.get_root_node();
    let focused = match root.dyn_ref::<web_sys::ShadowRoot>() {
        Some(shadow) => shadow.active_element(),
        None => root.dyn_ref::<web_sys::Document>()?.active_element(),
    };
    focused?.dyn_into().ok()
}

/// Gives the focus back to `opener` when the dialog held it (or it fell to the page's
/// body as the dialog closed), unless the opener has left the page meanwhile.
fn give_focus_back(dialog: &HtmlDialogElement, opener: Option<HtmlElement>) {
    let Some(opener) = opener.filter(|o| o.is_connected()) else {
        return;
    };
    let lost = match focused_near(dialog) {
        None => true,
        Some(now) => dialog.contains(Some(&now)) || now.tag_name() == "BODY",
    };
    if lost {
        let _ = opener.focus();
    }
}

/// Tab from the last control goes to the first one, Shift+Tab from the first to the last.
fn keep_tab_inside(dialog: &Element, event: &KeyboardEvent) {
    let stops = tab_stops(dialog);
    let (Some(first), Some(last)) = (stops.first(), stops.last()) else {
        event.prevent_default();
        return;
    };
    let target: Option<Element> = event.target_dyn_into();
    let at = target
        .as_ref()
        .and_then(|t| stops.iter().position(|s| same_stop(s, t)));
    // Focus on something Tab also stops at but the list does not hold (Firefox stops at a
    // scrolling list): the browser goes on from there while a stop lies that way.
    let further = |backwards: bool| {
        target.as_ref().is_some_and(|t| {
            let way = if backwards { 2 } else { 4 }; // PRECEDING, FOLLOWING
            stops
                .iter()
                .any(|s| t.compare_document_position(s) & way != 0)
        })
    };
    let to = match (event.shift_key(), at) {
        (true, Some(0)) => last,
        (false, Some(i)) if i + 1 == stops.len() => first,
        (true, None) if !further(true) => last,
        (false, None) if !further(false) => first,
        _ => return,
    };
    event.prevent_default();
    let _ = to.focus();
}

/// The controls Tab stops at inside `root`, in order: enabled, shown, not taken out with
/// `tabindex="-1"`; a group of radio buttons is one stop (its checked button, or its first).
fn tab_stops(root: &Element) -> Vec<HtmlElement> {
    let Ok(found) = root.query_selector_all("a[href],button,input,select,textarea,[tabindex]")
    else {
        return Vec::new();
    };
    let mut stops: Vec<HtmlElement> = Vec::new();
    for i in 0..found.length() {
        let Some(element) = found.item(i).and_then(|n| n.dyn_into::<HtmlElement>().ok()) else {
            continue;
        };
        let skipped = element.has_attribute("disabled")
            || element.get_attribute("tabindex").as_deref() == Some("-1")
            || element.get_attribute("type").as_deref() == Some("hidden")
            || element.offset_width() + element.offset_height() == 0;
        if skipped || stops.iter().any(|s| same_stop(s, &element)) {
            continue;
        }
        let checked = radio_group(&element).and_then(|name| {
            let selector = format!("input[type=radio][name=\"{name}\"]:checked");
            root.query_selector(&selector)
                .ok()
                .flatten()?
                .dyn_into()
                .ok()
        });
        stops.push(checked.unwrap_or(element));
    }
    stops
}

/// The name of the radio group `element` belongs to, if it is a radio button.
fn radio_group(element: &Element) -> Option<String> {
    (element.tag_name() == "INPUT" && element.get_attribute("type").as_deref() == Some("radio"))
        .then(|| element.get_attribute("name"))
        .flatten()
}

/// Whether `element` is the stop `stop` (itself, or a button of the same radio group).
fn same_stop(stop: &Element, element: &Element) -> bool {
    stop == element || radio_group(stop).is_some_and(|g| radio_group(element) == Some(g))
}

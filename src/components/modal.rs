//! A modal dialog (the native `<dialog>`, opened with `showModal`): it traps focus, closes
//! on Escape and on a click on its backdrop, and the browser returns focus to what opened
//! it. Content closes it through the [`CloseModal`] context, so every way out goes through
//! the dialog's own `close` event and then `on_close`.

use crate::state::WORKSHOP;
use yew::prelude::*;

/// Closes the enclosing modal.
#[derive(Clone, PartialEq)]
pub struct CloseModal(pub Callback<()>);

impl CloseModal {
    /// A Cancel button of a form in a modal: closes the dialog (the browser then returns
    /// focus to what opened it), or, with no dialog around, sends `closed` so the state
    /// forgets the form.
    pub fn cancel(
        close: Option<CloseModal>,
        on_action: &Callback<crate::state::Action>,
        closed: crate::state::Action,
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
            if let Some(dialog) = dialog_ref.cast::<web_sys::HtmlDialogElement>() {
                // A dialog that cannot be modal (detached element) still opens.
                if !dialog.open() && dialog.show_modal().is_err() {
                    dialog.show();
                }
            }
            move || {
                if let Some(dialog) = dialog_ref.cast::<web_sys::HtmlDialogElement>() {
                    dialog.close();
                }
            }
        });
    }
    let close = {
        let dialog_ref = dialog_ref.clone();
        Callback::from(move |_: ()| {
            if let Some(dialog) = dialog_ref.cast::<web_sys::HtmlDialogElement>() {
                dialog.close();
            }
        })
    };
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
                {onclose} {onclick}>
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

//! Asks before starting a new session, and offers to save the current one first.

use super::modal::{CloseModal, Modal};
use super::toolbar::save_session_file;
use crate::core::i18n::workshop_text;
use crate::core::session::Session;
use crate::core::text::Lang;
use crate::state::{Action, Prepared, Shared};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ConfirmNewSessionProps {
    pub prepared: Shared<Prepared>,
    pub session: Shared<Session>,
    pub lang: Lang,
    pub uid: AttrValue,
    pub on_action: Callback<Action>,
}

#[component]
pub fn ConfirmNewSession(props: &ConfirmNewSessionProps) -> Html {
    let on_close = {
        let on_action = props.on_action.clone();
        Callback::from(move |_| on_action.emit(Action::CancelNewSession))
    };
    let work = workshop_text(props.lang);
    html! {
        <Modal class="srm-detail srm-confirm" title={work.confirm_new_title}
               title_id={format!("{}-confirm-title", props.uid)}
               close_label={Some(AttrValue::from(work.cancel))} {on_close}>
            <ConfirmBody prepared={props.prepared.clone()} session={props.session.clone()}
                         lang={props.lang} uid={props.uid.clone()} on_action={props.on_action.clone()} />
        </Modal>
    }
}

#[component]
fn ConfirmBody(props: &ConfirmNewSessionProps) -> Html {
    let work = workshop_text(props.lang);
    let close = use_context::<CloseModal>();
    let save_first = {
        let (prepared, session, lang) = (props.prepared.clone(), props.session.clone(), props.lang);
        Callback::from(move |_: MouseEvent| save_session_file(&prepared, &session, lang))
    };
    let start = {
        let on_action = props.on_action.clone();
        Callback::from(move |_: MouseEvent| {
            on_action.emit(Action::NewSession);
            if let Some(CloseModal(close)) = &close {
                close.emit(());
            }
        })
    };
    html! {
        <div class="srm-confirm-body">
            <p>{ work.confirm_new_body }</p>
            <div class="srm-form-buttons">
                <button type="button" onclick={save_first}>{ work.confirm_save_first }</button>
                <button type="button" class="srm-danger" onclick={start}>{ work.confirm_new }</button>
            </div>
        </div>
    }
}

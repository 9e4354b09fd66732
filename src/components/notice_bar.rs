//! Messages about the session: loaded, refused, restored, started anew, or autosave not
//! working. An error is announced as an alert; the others as a status.

use crate::core::i18n::{
    saved_session_damaged, session_loaded, session_problem_message, workshop_text,
};
use crate::core::text::Lang;
use crate::state::{Action, Notice};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct NoticeBarProps {
    pub notice: Option<Notice>,
    pub storage_failed: bool,
    pub lang: Lang,
    pub on_action: Callback<Action>,
}

#[component]
pub fn NoticeBar(props: &NoticeBarProps) -> Html {
    let lang = props.lang;
    let work = workshop_text(lang);
    let dismiss = {
        let on_action = props.on_action.clone();
        Callback::from(move |_: MouseEvent| on_action.emit(Action::DismissNotice))
    };
    let notice = props.notice.as_ref().map(|notice| {
        let (error, message) = match notice {
            Notice::SessionLoaded { orphans, saved } => (false, session_loaded(lang, *orphans, *saved)),
            Notice::SessionRefused(problem) => (true, session_problem_message(lang, problem)),
            Notice::SavedSessionDamaged { backup } => (true, saved_session_damaged(lang, backup)),
            Notice::NewSession => (false, work.notice_new.to_string()),
        };
        let class = classes!("srm-notice", error.then_some("srm-notice-error"));
        html! {
            <div {class}>
                <p role={if error { "alert" } else { "status" }}>{ message }</p>
                <button type="button" class="srm-dismiss" onclick={dismiss}>{ work.dismiss }</button>
            </div>
        }
    });
    html! {
        <>
            if props.storage_failed {
                <div class="srm-notice srm-notice-error"><p role="alert">{ work.storage_failed }</p></div>
            }
            { for notice }
        </>
    }
}

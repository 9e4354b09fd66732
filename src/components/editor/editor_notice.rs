//! What the editor has to tell until dismissed: a draft restored from this browser (with
//! the way back to the file as it was opened), a config opened, a file that could not be
//! read, an edit refused and why, and — while it lasts — that the browser does not keep
//! the draft.

use crate::core::editor_text::editor_text;
use crate::core::model::Config;
use crate::core::text::Lang;
use crate::editor_state::notice_text;
use crate::editor_state::{EditorAction, EditorNotice, Opening};
use crate::state::Shared;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct EditorNoticeProps {
    pub notice: Option<EditorNotice>,
    pub storage_failed: bool,
    /// The config as opened: where "back to the file" goes.
    pub opened: Shared<Config>,
    pub lang: Lang,
    pub on_action: Callback<EditorAction>,
}

#[component]
pub fn EditorNoticeBar(props: &EditorNoticeProps) -> Html {
    let lang = props.lang;
    let t = editor_text(lang);
    let dismiss = {
        let on_action = props.on_action.clone();
        Callback::from(move |_: MouseEvent| on_action.emit(EditorAction::Notice(None)))
    };
    let notice = props.notice.as_ref().map(|notice| {
        let error = matches!(
            notice,
            EditorNotice::Refused(_) | EditorNotice::Unreadable { .. }
        );
        let revert = matches!(notice, EditorNotice::DraftRestored { .. }).then(|| {
            let (on_action, opened) = (props.on_action.clone(), props.opened.clone());
            Callback::from(move |_: MouseEvent| {
                let opening = Opening {
                    config: (*opened).clone(),
                    name: t.opened_file.to_string(),
                };
                on_action.emit(EditorAction::Start(Rc::new(opening)));
            })
        });
        let class = classes!("srm-notice", error.then_some("srm-notice-error"));
        html! {
            <div {class}>
                <p role={if error { "alert" } else { "status" }}>{ notice_text(lang, notice) }</p>
                if let Some(revert) = revert {
                    <button type="button" onclick={revert}>{ t.back_to_file }</button>
                }
                <button type="button" class="srm-dismiss" onclick={dismiss}>{ t.dismiss }</button>
            </div>
        }
    });
    html! {
        <>
            if props.storage_failed {
                <div class="srm-notice srm-notice-error"><p role="alert">{ t.storage_failed }</p></div>
            }
            { for notice }
        </>
    }
}

//! Everything wrong with the draft, at once: the reader's errors and warnings and the
//! editor's advice, each with a button that opens the form where it is and puts the focus
//! in the field concerned. The first hundred are listed, and how many more there are.

use super::form_parts::LISTED_PROBLEMS;
use crate::core::editor_text::{
    advice_message, editor_text, more_problems, place_of, problems_summary,
};
use crate::core::i18n::problem_message;
use crate::core::model::Config;
use crate::core::text::Lang;
use crate::editor_state::{DraftCheck, EditorAction};
use crate::state::Shared;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DraftProblemsProps {
    /// The draft the problems are about (to name where each one is).
    pub draft: Shared<Config>,
    pub check: Shared<DraftCheck>,
    pub lang: Lang,
    pub uid: AttrValue,
    pub on_action: Callback<EditorAction>,
}

#[component]
pub fn DraftProblems(props: &DraftProblemsProps) -> Html {
    let lang = props.lang;
    let t = editor_text(lang);
    let check = &*props.check;
    let errors = check.errors();
    let warnings = check.loaded.problems.len() - errors + check.advice.len();
    if errors + warnings == 0 {
        return html! { <p class="srm-draft-ok" id={format!("{}-problems", props.uid)}>{ t.no_problem }</p> };
    }
    // Errors first, then warnings, then advice; each in the order of the config.
    let mut items: Vec<(bool, &str, String)> = Vec::new();
    for problem in check.loaded.errors() {
        items.push((true, &problem.path, problem_message(lang, problem)));
    }
    for problem in check.loaded.warnings() {
        items.push((false, &problem.path, problem_message(lang, problem)));
    }
    for (path, advice) in &check.advice {
        items.push((false, path, advice_message(lang, advice)));
    }
    let total = items.len();
    let listed = items.into_iter().take(LISTED_PROBLEMS).enumerate().map(|(n, (error, path, message))| {
        let go = {
            let (on_action, path) = (props.on_action.clone(), path.to_string());
            Callback::from(move |_: MouseEvent| on_action.emit(EditorAction::GoTo(path.clone())))
        };
        let class = if error { "srm-field-error" } else { "srm-field-warning" };
        let kind = if error { t.error } else { t.warning };
        html! {
            <li key={n} {class}>
                <span class="srm-problem-kind">{ format!("{kind}{}", crate::core::i18n::catalogue(lang).colon) }</span>
                <span class="srm-problem-place">{ place_of(&props.draft, path, lang) }</span>{ " — " }
                { message }
                <button type="button" class="srm-goto" onclick={go}>{ t.go_to_field }</button>
            </li>
        }
    });
    html! {
        <details class={classes!("srm-draft-problems", (errors > 0).then_some("srm-has-errors"))}
                 id={format!("{}-problems", props.uid)} open={errors > 0}>
            <summary>{ problems_summary(lang, errors, warnings) }</summary>
            <ul>{ for listed }</ul>
            if total > LISTED_PROBLEMS {
                <p>{ more_problems(lang, total - LISTED_PROBLEMS) }</p>
            }
        </details>
    }
}

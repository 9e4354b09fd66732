//! Every problem of an import at once, each with its file, row and column (or JSON path,
//! line and column): the first hundred listed, then how many more.

use super::form_parts::{show_more, LISTED_PROBLEMS};
use crate::core::directory::Directory;
use crate::core::directory_text::{problem_text, problems_heading};
use crate::core::i18n::pick;
use crate::core::text::Lang;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ImportProblemsProps {
    pub directory: Rc<Directory>,
    pub lang: Lang,
}

#[component]
pub fn ImportProblems(props: &ImportProblemsProps) -> Html {
    let lang = props.lang;
    let shown = use_state(|| LISTED_PROBLEMS);
    let problems = &props.directory.problems;
    if problems.is_empty() {
        return html! {};
    }
    let errors = props.directory.errors();
    // Errors first, each list in the files' order.
    let ordered = problems
        .iter()
        .filter(|p| p.error)
        .chain(problems.iter().filter(|p| !p.error));
    let items = ordered.take(*shown).enumerate().map(|(i, p)| {
        let mark = if p.error {
            pick(lang, "Erreur", "Error")
        } else {
            pick(lang, "Avertissement", "Warning")
        };
        html! {
            <li key={i} class={if p.error { "srm-problem-error" } else { "srm-problem-warning" }}>
                <strong>{ mark }</strong>{ pick(lang, " — ", " — ") }{ problem_text(lang, p) }
            </li>
        }
    });
    let hidden = problems.len().saturating_sub(*shown);
    let more = {
        let shown = shown.clone();
        Callback::from(move |_: MouseEvent| shown.set(*shown + LISTED_PROBLEMS))
    };
    html! {
        <div class="srm-import-problems" role="alert">
            <p>{ problems_heading(lang, errors, problems.len() - errors) }</p>
            <ul>{ for items }</ul>
            if hidden > 0 {
                { show_more(lang, hidden, more) }
            }
        </div>
    }
}

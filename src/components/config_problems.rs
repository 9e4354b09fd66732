//! What is wrong with a config, shown inside the widget: an alert listing every error with
//! its JSON path and position, or (when the config still renders) its warnings.

use crate::core::i18n::{catalogue, line_column, problem_message};
use crate::core::text::Lang;
use crate::core::validate::{Loaded, Problem};
use crate::state::Shared;
use yew::prelude::*;

/// How many problems are listed (a config of thousands of errors stays readable).
const LISTED: usize = 100;

pub struct ConfigProblemsProps {
    pub problems: Shared<Loaded>,
    pub lang: Lang,
    /// True when the config has errors and cannot render: show an alert with the errors.
    /// False: show the warnings, folded, below the range.
    pub fatal: bool,
}

/// A plain function, not a component (no state; each component costs the bundle).
pub fn config_problems(props: &ConfigProblemsProps) -> Html {
    let lang = props.lang;
    let text = catalogue(lang);
    let item = |(i, problem): (usize, &Problem)| {
        let position = problem
            .position
            .map(|p| format!(" ({})", line_column(lang, p.line, p.column)));
        html! {
            <li key={i} class="srm-problem">
                <code class="srm-problem-path">{ &problem.path }</code>
                if let Some(position) = position {
                    <span class="srm-problem-position">{ position }</span>
                }
                { text.colon }
                <span class="srm-problem-message">{ problem_message(lang, problem) }</span>
            </li>
        }
    };
    // The first hundred, then how many more.
    let more = |n: usize| {
        (n > LISTED).then(|| html! { <p class="srm-problems-more">{ format!("{} {}", n - LISTED, text.more_problems) }</p> })
    };
    if props.fatal {
        let count = props.problems.errors().count();
        html! {
            <div class="srm-alert" role="alert">
                <h2 class="srm-alert-title">
                    <span aria-hidden="true">{ "⚠ " }</span>{ text.config_error_title }
                </h2>
                <p>{ text.config_error_intro }</p>
                <ol class="srm-problems">
                    { for props.problems.errors().take(LISTED).enumerate().map(item) }
                </ol>
                { for more(count) }
            </div>
        }
    } else {
        let count = props.problems.warnings().count();
        html! {
            <details class="srm-warnings">
                <summary>{ format!("{} ({count})", text.config_warnings) }</summary>
                <ul class="srm-problems">
                    { for props.problems.warnings().take(LISTED).enumerate().map(item) }
                </ul>
                { for more(count) }
            </details>
        }
    }
}

//! One item of a list (a service in its tier, an organisation, a relation): a button that
//! opens or closes its form, with what it holds and how many problems concern it. Where
//! the order matters (services), Alt+↑ and Alt+↓ move it.

use super::field_notes::field_id;
use crate::core::editor_text::{editor_text, problem_count};
use crate::core::text::Lang;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ItemRowProps {
    /// The JSON path of the item (names the button, for focus).
    pub path: AttrValue,
    pub label: AttrValue,
    /// What it holds, in words ("2 offres").
    pub meta: AttrValue,
    /// Its rank and the length of its list, said to screen readers when it can move.
    #[prop_or_default]
    pub position: Option<(usize, usize)>,
    pub open: bool,
    /// How many problems and pieces of advice concern the item itself.
    pub notes: usize,
    pub lang: Lang,
    pub uid: AttrValue,
    /// Told to open (true) or close (false) the form.
    pub on_toggle: Callback<bool>,
    /// Told to move up (true) or down (false); none: the order does not matter.
    #[prop_or_default]
    pub on_move: Option<Callback<bool>>,
}

#[component]
pub fn ItemRow(props: &ItemRowProps) -> Html {
    let t = editor_text(props.lang);
    let onclick = {
        let (on_toggle, open) = (props.on_toggle.clone(), props.open);
        Callback::from(move |_: MouseEvent| on_toggle.emit(!open))
    };
    let onkeydown = props.on_move.clone().map(|on_move| {
        Callback::from(move |event: KeyboardEvent| {
            let up = match event.key().as_str() {
                "ArrowUp" => true,
                "ArrowDown" => false,
                _ => return,
            };
            if event.alt_key() {
                event.prevent_default();
                on_move.emit(up);
            }
        })
    });
    let shortcuts = props.on_move.as_ref().map(|_| "Alt+ArrowUp Alt+ArrowDown");
    let label = if props.label.trim().is_empty() {
        t.unnamed.into()
    } else {
        props.label.clone()
    };
    html! {
        <button type="button" id={field_id(&props.uid, &props.path)} class="srm-item-row"
                aria-expanded={props.open.to_string()} aria-keyshortcuts={shortcuts} {onclick} {onkeydown}>
            <span class="srm-row-label">{ label }</span>
            { " " }
            <span class="srm-row-meta">
                { props.meta.clone() }
                if props.notes > 0 {
                    <span class="srm-row-problems">{ format!(" · {}", problem_count(props.lang, props.notes)) }</span>
                }
                if let Some((position, of)) = props.position {
                    <span class="srm-visually-hidden">
                        { format!(" · {}", t.position_of.replace("{}", &position.to_string()).replace("{n}", &of.to_string())) }
                    </span>
                }
            </span>
        </button>
    }
}

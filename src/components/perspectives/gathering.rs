//! Gathering contribution files: a file chooser taking many at once, a drop zone, the way
//! into entering contributions in turns, and what happened to each file, in words.

use crate::browser;
use crate::core::contribution::{FileOutcome, LARGEST_FILE};
use crate::core::participant_text::{outcome_message, participant_text};
use crate::core::text::Lang;
use crate::state::{Action, Shared};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct GatheringProps {
    pub gathered: Shared<Vec<FileOutcome>>,
    pub lang: Lang,
    pub uid: AttrValue,
    pub on_action: Callback<Action>,
}

/// Reads the files and hands their texts to the widget, in the order given.
fn gather(files: Vec<web_sys::File>, on_action: Callback<Action>) {
    if files.is_empty() {
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        let mut texts = Vec::new();
        let mut too_large = Vec::new();
        for (name, read) in browser::read_bytes(files, LARGEST_FILE).await {
            match read {
                Ok(bytes) => texts.push((name, String::from_utf8_lossy(&bytes).into_owned())),
                Err(size) => too_large.push((name, size)),
            }
        }
        on_action.emit(Action::Gather(texts, too_large));
    });
}

#[component]
pub fn Gathering(props: &GatheringProps) -> Html {
    let lang = props.lang;
    let words = participant_text(lang);
    let over = use_state(|| false);
    let choose = {
        let on_action = props.on_action.clone();
        Callback::from(move |_: MouseEvent| {
            let on_action = on_action.clone();
            wasm_bindgen_futures::spawn_local(async move {
                if let Ok(files) = browser::choose_files("application/json,.json").await {
                    gather(files, on_action);
                }
            });
        })
    };
    let ondragover = {
        let over = over.clone();
        Callback::from(move |event: DragEvent| {
            // Accepting the drop.
            event.prevent_default();
            over.set(true);
        })
    };
    let ondragleave = {
        let over = over.clone();
        Callback::from(move |_: DragEvent| over.set(false))
    };
    let ondrop = {
        let (over, on_action) = (over.clone(), props.on_action.clone());
        Callback::from(move |event: DragEvent| {
            event.prevent_default();
            over.set(false);
            let files = browser::files_of(event.data_transfer().and_then(|d| d.files()));
            gather(files, on_action.clone());
        })
    };
    let turns = {
        let on_action = props.on_action.clone();
        Callback::from(move |_: MouseEvent| on_action.emit(Action::StartTurns))
    };
    let title = format!("{}-gather-title", props.uid);
    html! {
        <section class="srm-gathering" aria-labelledby={title.clone()}>
            <h3 id={title}>{ words.gather_title }</h3>
            <p>{ words.gather_intro }</p>
            <div class={classes!("srm-drop-zone", over.then_some("srm-drop-over"))}
                 {ondragover} {ondragleave} {ondrop}>
                <button type="button" class="srm-primary" onclick={choose}>{ words.gather_button }</button>
                <span>{ words.drop_here }</span>
            </div>
            <p><button type="button" onclick={turns}>{ words.start_turns }</button></p>
            // Said as it happens: a screen reader hears what each file gave.
            <div role="status" class="srm-gathered">
                if !props.gathered.is_empty() {
                    <p class="srm-gathered-title"><strong>{ words.gathered_title }</strong></p>
                    <ul>
                        { for props.gathered.iter().map(|outcome| html! {
                            <li class={classes!(if outcome.result.is_ok() { "srm-gathered-ok" } else { "srm-gathered-refused" })}>
                                <span aria-hidden="true">{ if outcome.result.is_ok() { "✓ " } else { "✗ " } }</span>
                                { outcome_message(lang, outcome) }
                            </li>
                        }) }
                    </ul>
                }
            </div>
        </section>
    }
}

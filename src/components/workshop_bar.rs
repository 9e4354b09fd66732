//! The workshop's own controls: who is adding gaps (their name and perspective stamp each
//! new gap) and the large-type display for a projector.

use super::field_value;
use crate::core::gaps::Perspective;
use crate::core::i18n::{perspective_label, workshop_text};
use crate::core::text::Lang;
use crate::state::{Action, Participant};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct WorkshopBarProps {
    pub participant: Participant,
    pub projector: bool,
    pub lang: Lang,
    pub uid: AttrValue,
    pub on_action: Callback<Action>,
}

#[component]
pub fn WorkshopBar(props: &WorkshopBarProps) -> Html {
    let lang = props.lang;
    let work = workshop_text(lang);
    let id = |part: &str| format!("{}-participant-{part}", props.uid);
    let change = |edit: fn(&mut Participant, String)| {
        let (participant, on_action) = (props.participant.clone(), props.on_action.clone());
        Callback::from(move |event: Event| {
            let mut participant = participant.clone();
            edit(&mut participant, field_value(&event));
            on_action.emit(Action::SetParticipant(participant));
        })
    };
    let projector = {
        let (on, on_action) = (props.projector, props.on_action.clone());
        Callback::from(move |_: MouseEvent| on_action.emit(Action::SetProjector(!on)))
    };
    let perspective = props.participant.perspective.map_or("", |p| p.key());
    html! {
        <div class="srm-workshop-bar" part="workshop-bar">
            <fieldset class="srm-participant">
                <legend>{ work.participant_label }</legend>
                <span class="srm-participant-field">
                    <label for={id("name")}>{ work.participant_name }</label>
                    <input id={id("name")} type="text" autocomplete="name" value={props.participant.name.clone()}
                           aria-describedby={id("hint")} onchange={change(|p, v| p.name = v)} />
                </span>
                <span class="srm-participant-field">
                    <label for={id("perspective")}>{ work.participant_perspective }</label>
                    <select id={id("perspective")} aria-describedby={id("hint")}
                            onchange={change(|p, v| p.perspective = Perspective::from_key(&v))}>
                        <option value="" selected={perspective.is_empty()}>{ work.any_perspective }</option>
                        { for Perspective::ALL.iter().map(|p| html! {
                            <option key={p.key()} value={p.key()} selected={perspective == p.key()}>
                                { perspective_label(lang, *p) }
                            </option>
                        }) }
                    </select>
                </span>
                <span class="srm-participant-hint" id={id("hint")}>{ work.participant_hint }</span>
            </fieldset>
            <button type="button" class="srm-projector-toggle" aria-pressed={props.projector.to_string()} onclick={projector}>
                { work.projector }
            </button>
        </div>
    }
}

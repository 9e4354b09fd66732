//! Adds an offer: a list to choose the organisation (or the service) from, and a button.
//! A button rather than adding on the list's change: with the keyboard, each arrow key
//! changes a list's value.

use crate::components::field_value;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct OfferAdderProps {
    pub id: AttrValue,
    pub label: AttrValue,
    pub prompt: AttrValue,
    pub button: AttrValue,
    /// (id, name) of what can be chosen.
    pub options: Rc<Vec<(String, String)>>,
    pub on_add: Callback<String>,
}

#[component]
pub fn OfferAdder(props: &OfferAdderProps) -> Html {
    let chosen = use_state(String::new);
    let onchange = {
        let chosen = chosen.clone();
        Callback::from(move |event: Event| chosen.set(field_value(&event)))
    };
    let onsubmit = {
        let (chosen, on_add) = (chosen.clone(), props.on_add.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            if !chosen.is_empty() {
                on_add.emit((*chosen).clone());
                chosen.set(String::new());
            }
        })
    };
    html! {
        <form class="srm-add-item" {onsubmit}>
            <label for={props.id.clone()}>{ props.label.clone() }</label>
            <select id={props.id.clone()} {onchange}>
                <option value="" selected={chosen.is_empty()}>{ props.prompt.clone() }</option>
                { for props.options.iter().map(|(id, name)| html! {
                    <option key={id.clone()} value={id.clone()} selected={*chosen == *id}>{ name.clone() }</option>
                }) }
            </select>
            <button type="submit">{ props.button.clone() }</button>
        </form>
    }
}

//! A small form that adds an item by its name (a tier, a service, an organisation): the
//! name gives the item its id, so it is asked first. Enter adds; the field empties for
//! the next one.

use crate::components::field_value;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct AddItemProps {
    /// The input's id.
    pub id: AttrValue,
    pub label: AttrValue,
    /// Said to screen readers after the label, when several such fields are on the page
    /// (the tier a service is added to).
    #[prop_or_default]
    pub context: Option<AttrValue>,
    pub button: AttrValue,
    pub on_add: Callback<String>,
}

#[component]
pub fn AddItem(props: &AddItemProps) -> Html {
    let name = use_state(String::new);
    let oninput = {
        let name = name.clone();
        Callback::from(move |event: InputEvent| name.set(field_value(&event)))
    };
    let onsubmit = {
        let (name, on_add) = (name.clone(), props.on_add.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            if !name.trim().is_empty() {
                on_add.emit((*name).clone());
                name.set(String::new());
            }
        })
    };
    html! {
        <form class="srm-add-item" {onsubmit}>
            <label for={props.id.clone()}>
                { props.label.clone() }
                if let Some(context) = &props.context {
                    <span class="srm-visually-hidden">{ format!(" — {context}") }</span>
                }
            </label>
            <input type="text" id={props.id.clone()} value={(*name).clone()} {oninput} />
            <button type="submit">{ props.button.clone() }</button>
        </form>
    }
}

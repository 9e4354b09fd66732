//! One labelled control of a form — a line of text, a number, a choice in a list or a
//! box to tick — named by the JSON path of the value it edits, with what the validator
//! says about that value tied to it.

use super::field_notes::{field_id, FieldNotes};
use crate::components::field_value;
use yew::prelude::*;

/// What kind of control.
#[derive(Clone, Debug, PartialEq)]
pub enum Control {
    /// A line of text (`type` of the input: text, tel, email, url, number).
    Input { kind: &'static str },
    /// A choice among (value, label) pairs.
    Choice(std::rc::Rc<Vec<(AttrValue, AttrValue)>>),
    /// A box to tick; the value is "true" or "false".
    Check,
}

#[derive(Properties, PartialEq)]
pub struct PlainFieldProps {
    pub path: AttrValue,
    pub label: AttrValue,
    pub value: AttrValue,
    pub control: Control,
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    #[prop_or_default]
    pub notes: FieldNotes,
    /// Autocomplete token, for contact fields.
    #[prop_or_default]
    pub autocomplete: Option<AttrValue>,
    pub uid: AttrValue,
    /// Told each new value (as typed for text, at once for choices and boxes).
    pub on_change: Callback<String>,
}

#[component]
pub fn PlainField(props: &PlainFieldProps) -> Html {
    let id = field_id(&props.uid, &props.path);
    let notes_id = format!("{id}-notes");
    let hint_id = format!("{id}-hint");
    let mut described: Vec<String> = Vec::new();
    if !props.notes.is_empty() {
        described.push(notes_id.clone());
    }
    if props.hint.is_some() {
        described.push(hint_id.clone());
    }
    let described = (!described.is_empty()).then(|| described.join(" "));
    let invalid = props.notes.has_error().then_some("true");
    let control = match &props.control {
        Control::Input { kind } => {
            let on_change = props.on_change.clone();
            let oninput =
                Callback::from(move |event: InputEvent| on_change.emit(field_value(&event)));
            html! {
                <input type={*kind} id={id.clone()} value={props.value.clone()} {oninput}
                       autocomplete={props.autocomplete.clone()}
                       aria-describedby={described} aria-invalid={invalid} />
            }
        }
        Control::Choice(options) => {
            let on_change = props.on_change.clone();
            let onchange = Callback::from(move |event: Event| on_change.emit(field_value(&event)));
            html! {
                <select id={id.clone()} {onchange} aria-describedby={described} aria-invalid={invalid}>
                    { for options.iter().map(|(value, label)| html! {
                        <option key={value.as_str()} value={value.clone()} selected={*value == props.value}>{ label.clone() }</option>
                    }) }
                </select>
            }
        }
        Control::Check => {
            let on_change = props.on_change.clone();
            let checked = props.value == "true";
            let onchange = Callback::from(move |_: Event| on_change.emit((!checked).to_string()));
            html! {
                <input type="checkbox" id={id.clone()} {checked} {onchange}
                       aria-describedby={described} aria-invalid={invalid} />
            }
        }
    };
    let class = classes!(
        "srm-plain-field",
        matches!(props.control, Control::Check).then_some("srm-check-field")
    );
    html! {
        <div {class}>
            <label for={id.clone()} class="srm-form-label">{ props.label.clone() }</label>
            { control }
            if let Some(hint) = &props.hint {
                <p id={hint_id} class="srm-field-hint">{ hint.clone() }</p>
            }
            { props.notes.render(&notes_id) }
        </div>
    }
}

/// The (value, label) pairs of a fixed list, for a [`Control::Choice`].
pub fn choices<T: Copy>(
    items: impl IntoIterator<Item = T>,
    key: impl Fn(T) -> &'static str,
    label: impl Fn(T) -> &'static str,
) -> Control {
    Control::Choice(std::rc::Rc::new(
        items
            .into_iter()
            .map(|item| (AttrValue::from(key(item)), AttrValue::from(label(item))))
            .collect(),
    ))
}

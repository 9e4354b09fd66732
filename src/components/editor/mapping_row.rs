//! One imported service in the mapping table: its name, where it was read, its
//! organisation, the select of its place in the range and, under it, why that place was
//! proposed.

use crate::components::field_value;
use crate::core::directory::{Listing, Status};
use crate::core::directory_text::{directory_text, reason_text};
use crate::core::mapping::{Place, Proposal};
use crate::core::model::Config;
use crate::core::text::Lang;
use crate::editor_state::{EditorAction, ImportAction};
use std::rc::Rc;
use yew::prelude::*;

/// The places a select offers, with the value each option carries.
#[derive(Debug, PartialEq)]
pub struct PlaceChoices {
    /// Per tier: its label, its services (value, label).
    pub tiers: Vec<(String, Vec<(String, String)>)>,
    /// A new service in each tier (value, tier label).
    pub new: Vec<(String, String)>,
}

impl PlaceChoices {
    pub fn of(draft: &Config, lang: Lang) -> PlaceChoices {
        let tiers = draft
            .tiers
            .iter()
            .map(|tier| {
                let services = draft
                    .services
                    .iter()
                    .filter(|s| s.tier == tier.id)
                    .map(|s| {
                        (
                            value(&Place::Service(s.id.clone())),
                            s.label.get(lang).to_string(),
                        )
                    })
                    .collect();
                (tier.label.get(lang).to_string(), services)
            })
            .collect();
        let new = draft
            .tiers
            .iter()
            .map(|t| {
                (
                    value(&Place::New {
                        tier: t.id.clone(),
                        from: None,
                    }),
                    t.label.get(lang).to_string(),
                )
            })
            .collect();
        PlaceChoices { tiers, new }
    }
}

/// A place as an option's value.
fn value(place: &Place) -> String {
    match place {
        Place::Service(id) => format!("s:{id}"),
        Place::New { tier, from: None } => format!("n:{tier}"),
        Place::New {
            tier,
            from: Some(from),
        } => format!("f:{tier}\u{1f}{from}"),
        Place::LeftOut => "x".into(),
    }
}

/// The place an option's value means.
fn place_of(value: &str) -> Place {
    match value.split_once(':') {
        Some(("s", id)) => Place::Service(id.into()),
        Some(("n", tier)) => Place::New {
            tier: tier.into(),
            from: None,
        },
        Some(("f", rest)) => {
            let (tier, from) = rest.split_once('\u{1f}').unwrap_or((rest, ""));
            Place::New {
                tier: tier.into(),
                from: Some(from.into()),
            }
        }
        _ => Place::LeftOut,
    }
}

#[derive(Properties, PartialEq)]
pub struct MappingRowProps {
    pub index: usize,
    pub listing: Rc<Listing>,
    pub organization: String,
    pub proposal: Option<Proposal>,
    pub place: Place,
    pub choices: Rc<PlaceChoices>,
    pub lang: Lang,
    pub uid: AttrValue,
    pub on_action: Callback<EditorAction>,
}

#[component]
pub fn MappingRow(props: &MappingRowProps) -> Html {
    let lang = props.lang;
    let t = directory_text(lang);
    let listing = &props.listing;
    let index = props.index;
    let onchange = {
        let on_action = props.on_action.clone();
        Callback::from(move |event: Event| {
            let place = place_of(&field_value(&event));
            on_action.emit(EditorAction::Import(ImportAction::Place { index, place }));
        })
    };
    let current = value(&props.place);
    let option = |value: String, label: String| {
        let selected = value == current;
        html! { <option key={value.clone()} {value} {selected}>{ label }</option> }
    };
    let name = listing.name.get(lang);
    let select_id = format!("{}-place-{index}", props.uid);
    // The directory's own new service (an export of ours) is offered under its name.
    let own_new = match &props.place {
        Place::New { from: Some(_), .. } => {
            Some(option(current.clone(), format!("{name} ({})", t.group_new)))
        }
        _ => None,
    };
    let source = match (&listing.source.row, &listing.source.path) {
        (Some(row), _) => format!(
            "{}, {} {row}",
            listing.source.file,
            crate::core::i18n::pick(lang, "ligne", "row")
        ),
        (None, Some(path)) => format!("{}, {path}", listing.source.file),
        _ => listing.source.file.clone(),
    };
    html! {
        <tr>
            <th scope="row">
                <label for={select_id.clone()}>{ name }</label>
                <span class="srm-hint srm-source">{ source }</span>
                if listing.status == Status::TemporarilyClosed {
                    <span class="srm-hint">{ t.closed_note }</span>
                }
            </th>
            <td>{ &props.organization }</td>
            <td>
                <select id={select_id.clone()} {onchange} aria-describedby={format!("{select_id}-why")}>
                    { for props.choices.tiers.iter().map(|(tier, services)| html! {
                        <optgroup label={tier.clone()}>
                            { for services.iter().map(|(v, l)| option(v.clone(), l.clone())) }
                        </optgroup>
                    }) }
                    <optgroup label={t.group_new}>
                        { for own_new }
                        { for props.choices.new.iter().map(|(v, l)| option(v.clone(), format!("{} — {l}", t.group_new))) }
                    </optgroup>
                    { option("x".into(), t.left_out.into()) }
                </select>
                <span class="srm-hint srm-why" id={format!("{select_id}-why")}>
                    { props.proposal.as_ref().map(|p| reason_text(lang, &p.reason)).unwrap_or_default() }
                </span>
            </td>
        </tr>
    }
}

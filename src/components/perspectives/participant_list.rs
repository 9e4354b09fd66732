//! The participants whose contributions are gathered: how each is shown (without names
//! when the session keeps them private), what they rated, and a way to take one out
//! (undo brings it back). The privacy switch sits above them.

use crate::core::comparison::perspectives_present;
use crate::core::contribution::{Contribution, Known};
use crate::core::i18n::{action_on, catalogue, perspective_label, workshop_text};
use crate::core::participant_text::participant_text;
use crate::core::perspectives_text::perspectives_text;
use crate::core::text::Lang;
use crate::state::{Action, Prepared, Shared};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ParticipantListProps {
    pub prepared: Shared<Prepared>,
    /// Compared by identity: a decision does not show them again.
    pub contributions: Shared<Vec<Contribution>>,
    pub privacy: bool,
    /// The participants as shown (privacy respected), in session order.
    pub participants: Shared<Vec<String>>,
    /// When each contribution was last changed, as people write it.
    pub modified: Shared<Vec<String>>,
    pub lang: Lang,
    pub uid: AttrValue,
    pub editable: bool,
    pub on_action: Callback<Action>,
}

#[component]
pub fn ParticipantList(props: &ParticipantListProps) -> Html {
    let lang = props.lang;
    let words = participant_text(lang);
    let text = perspectives_text(lang);
    let work = workshop_text(lang);
    let contributions = &props.contributions;
    let config = &props.prepared.config;
    let on_privacy = {
        let (on_action, on) = (props.on_action.clone(), props.privacy);
        Callback::from(move |_: Event| on_action.emit(Action::SetPrivacy(!on)))
    };
    let privacy_id = format!("{}-privacy", props.uid);
    let title = format!("{}-participants-title", props.uid);
    let known = Known::of(config);
    let row = |(index, contribution): (usize, &Contribution)| {
        let label = props.participants.get(index).cloned().unwrap_or_default();
        let remove = {
            let (on_action, id) = (props.on_action.clone(), contribution.id.clone());
            Callback::from(move |_: MouseEvent| {
                on_action.emit(Action::RemoveContribution(id.clone()))
            })
        };
        let orphans = contribution.orphans(&known);
        html! {
            <tr key={contribution.id.clone()} data-contribution={contribution.id.clone()}>
                <th scope="row">{ &label }</th>
                <td>{ contribution.coverage.len() }</td>
                <td>{ contribution.gaps.len() }</td>
                <td>{ contribution.relations.len() }</td>
                <td>{ if orphans > 0 { orphans.to_string() } else { String::new() } }</td>
                <td>{ props.modified.get(index).cloned().unwrap_or_default() }</td>
                if props.editable {
                    <td><button type="button" onclick={remove} aria-label={action_on(lang, words.remove, &label)}>{ words.remove }</button></td>
                }
            </tr>
        }
    };
    let present = perspectives_present(contributions);
    let colon = catalogue(lang).colon;
    html! {
        <section class="srm-participants" aria-labelledby={title.clone()}>
            <h3 id={title}>{ text.participants_title }{ format!(" ({})", contributions.len()) }</h3>
            if props.editable {
                <p class="srm-privacy">
                    <input type="checkbox" id={privacy_id.clone()} checked={props.privacy} onchange={on_privacy} />
                    <label for={privacy_id}>{ words.privacy }</label>
                </p>
            }
            if !present.is_empty() {
                <p class="srm-by-perspective">
                    { present.iter().map(|(p, n)| format!("{}{}{n}", perspective_label(lang, *p), colon)).collect::<Vec<_>>().join(" · ") }
                </p>
            }
            if contributions.is_empty() {
                <p class="srm-hint">{ words.no_contribution }</p>
            } else {
                <div class="srm-table-scroll">
                    <table class="srm-table srm-participant-table">
                        <thead>
                            <tr>
                                <th scope="col">{ words.col_participant }</th>
                                <th scope="col">{ words.col_services_rated }</th>
                                <th scope="col">{ work.gaps_heading }</th>
                                <th scope="col">{ words.col_relations_rated }</th>
                                <th scope="col">{ words.col_orphans }</th>
                                <th scope="col">{ work.col_modified }</th>
                                if props.editable {
                                    <th scope="col"><span class="srm-visually-hidden">{ work.col_actions }</span></th>
                                }
                            </tr>
                        </thead>
                        <tbody>
                            { for contributions.iter().enumerate().map(row) }
                        </tbody>
                    </table>
                </div>
            }
        </section>
    }
}

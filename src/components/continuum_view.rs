//! The continuum of collaboration: its steps from left to right ("no relation" first), each
//! with its description and criteria, how many relations sit there (count and share), and
//! each relation placed at its current level with a visible mark of its target.

use super::CollaborationIndicators;
use crate::core::continuum::{level_label, pair_label, percent};
use crate::core::i18n::{
    action_on, aspect_label, level_and_target, more_relations, relation_count, workshop_text,
};
use crate::core::session::Session;
use crate::core::text::Lang;
use crate::state::{use_collaboration, Action, Prepared, Shared};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ContinuumViewProps {
    pub prepared: Shared<Prepared>,
    pub session: Shared<Session>,
    pub lang: Lang,
    pub editable: bool,
    pub on_action: Callback<Action>,
}

/// How many relations each step lists; the network table has them all.
const LISTED: usize = 40;

#[component]
pub fn ContinuumView(props: &ContinuumViewProps) -> Html {
    let collaboration = use_collaboration(&props.prepared, &props.session);
    let lang = props.lang;
    let work = workshop_text(lang);
    let config = &props.prepared.config;
    let collaboration = &collaboration;
    let network = &collaboration.network;
    let total = collaboration.indicators.relations();
    let steps = collaboration.scale.iter().enumerate().map(|(rank, level)| {
        let count = collaboration.indicators.per_level[rank];
        let links: Vec<_> = network.links.iter().filter(|l| l.level == rank).collect();
        html! {
            <li key={level.id.clone()} class={classes!("srm-step", format!("srm-step-{rank}"))} data-level={level.id.clone()}>
                <h4 class="srm-step-title">{ level.label.get(lang) }</h4>
                <p class="srm-step-count">{ relation_count(lang, count, percent(count, total)) }</p>
                <meter min="0" max={total.max(1).to_string()} value={count.to_string()} aria-hidden="true"></meter>
                if let Some(description) = &level.description {
                    <p class="srm-step-description">{ description.get(lang) }</p>
                }
                if !level.criteria.is_empty() {
                    <dl class="srm-criteria" aria-label={work.criteria_heading}>
                        { for level.criteria.iter().map(|c| html! {
                            <div key={c.text.get(lang).to_string()}>
                                <dt>{ aspect_label(lang, c.aspect) }</dt>
                                <dd>{ c.text.get(lang) }</dd>
                            </div>
                        }) }
                    </dl>
                }
                <ul class="srm-step-relations">
                    { for links.iter().take(LISTED).map(|link| {
                        let pair = pair_label(config, link, lang);
                        let target = link.target.map(|t| level_label(&collaboration.scale, t, lang));
                        let ids = [config.providers[link.a].id.clone(), config.providers[link.b].id.clone()];
                        let onclick = {
                            let on_action = props.on_action.clone();
                            Callback::from(move |_: MouseEvent| on_action.emit(Action::EditRelation(ids.clone())))
                        };
                        let label = action_on(lang, work.edit_relation, &pair);
                        html! {
                            <li key={format!("{}-{}", link.a, link.b)} class={classes!("srm-step-relation", link.is_gap().then_some("srm-below-target"))}>
                                <span class="srm-pair">{ &pair }</span>
                                if let Some(target) = &target {
                                    <span class="srm-target-mark">
                                        { level_and_target(lang, "", Some(target)).trim_start() }
                                    </span>
                                }
                                if props.editable {
                                    <button type="button" class="srm-edit-relation" {onclick} aria-label={label}>{ work.edit }</button>
                                }
                            </li>
                        }
                    }) }
                </ul>
                if links.len() > LISTED {
                    <p class="srm-more-relations">{ more_relations(lang, links.len() - LISTED) }</p>
                }
            </li>
        }
    });
    html! {
        <div class="srm-continuum">
            <CollaborationIndicators prepared={props.prepared.clone()} collaboration={collaboration.clone()} {lang} />
            <h3 class="srm-section-title">{ work.continuum_caption }</h3>
            // A narrow page scrolls the steps sideways: the list takes focus so that the
            // keyboard can scroll it too.
            <ol class="srm-steps" tabindex="0" aria-label={work.continuum_caption}>{ for steps }</ol>
        </div>
    }
}

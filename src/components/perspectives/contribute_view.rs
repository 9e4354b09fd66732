//! A participant's face: who they are, each service's coverage as they see it, their
//! organisation's relations with the others, the gaps they see, and their file to hand
//! in — or, at the facilitator's machine, the buttons that pass to the next participant.
//! Made for a phone first: one column, large targets, no table.

use super::{ContributorForm, RelationRatingRow, ServiceRating};
use crate::browser;
use crate::components::toolbar::slug;
use crate::components::GapList;
use crate::core::continuum::scale;
use crate::core::contribution::Contribution;
use crate::core::gaps::{Gap, GapTarget};
use crate::core::i18n::{action_on, workshop_text};
use crate::core::participant_text::{participant_text, rated_count};
use crate::core::text::Lang;
use crate::session_io;
use crate::state::{Action, Prepared, Shared};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ContributeViewProps {
    pub prepared: Shared<Prepared>,
    pub draft: Shared<Contribution>,
    pub lang: Lang,
    pub uid: AttrValue,
    /// Entered in turns at the facilitator's machine (not on the participant's own device).
    pub turns: bool,
    pub on_action: Callback<Action>,
}

/// Downloads the contribution as a file named after the territory and the participant.
fn download(prepared: &Prepared, draft: &Contribution, lang: Lang) {
    let who = match (
        draft.participant.name.trim(),
        &draft.participant.organisation,
    ) {
        (name, _) if !name.is_empty() => slug(name),
        (_, Some(organisation)) => slug(organisation),
        _ => slug(&draft.id),
    };
    let territory = slug(prepared.config.territory.name.get(lang));
    let _ = browser::download(
        &format!("contribution-{territory}-{who}.json"),
        "application/json",
        session_io::to_text(draft, true).as_bytes(),
    );
}

#[component]
pub fn ContributeView(props: &ContributeViewProps) -> Html {
    let lang = props.lang;
    let words = participant_text(lang);
    let work = workshop_text(lang);
    let config = &props.prepared.config;
    let draft = &props.draft;
    let confirming = use_state(|| false);
    let levels = use_memo(props.prepared.clone(), |p| scale(&p.config));
    let send = |action: Action| {
        let on_action = props.on_action.clone();
        Callback::from(move |_: MouseEvent| on_action.emit(action.clone()))
    };
    let gaps_on = |target: &GapTarget| -> Vec<Gap> {
        draft
            .gaps
            .iter()
            .filter(|g| &g.target == target)
            .cloned()
            .collect()
    };
    let id = |part: &str| format!("{}-contribute-{part}", props.uid);
    let tier = |summary: &crate::core::figures::TierSummary| {
        let tier = &config.tiers[summary.tier];
        let label = tier.label.get(lang);
        let rated = summary
            .services
            .iter()
            .filter(|s| draft.coverage.contains_key(&config.services[s.service].id))
            .count();
        let tier_target = GapTarget::Tier {
            tier: tier.id.clone(),
        };
        html! {
            <section key={tier.id.clone()} class="srm-rating-tier" aria-labelledby={id(&format!("tier-{}", summary.tier))}>
                <h4 id={id(&format!("tier-{}", summary.tier))}>{ label }</h4>
                <p class="srm-rated-count">{ rated_count(lang, rated, summary.services.len()) }</p>
                { for summary.services.iter().map(|s| {
                    let service = &config.services[s.service];
                    let target = GapTarget::Service { service: service.id.clone() };
                    html! {
                        <ServiceRating key={service.id.clone()} id={service.id.clone()}
                                       label={service.label.get(lang).to_string()}
                                       rating={draft.coverage.get(&service.id).copied()}
                                       gaps={gaps_on(&target)} {lang}
                                       name={format!("{}-rate-{}", props.uid, s.service)}
                                       on_action={props.on_action.clone()} />
                    }
                }) }
                <p class="srm-tier-gap">
                    <button type="button" onclick={send(Action::NewGap(tier_target.clone()))}
                            aria-label={action_on(lang, work.add_tier_gap, label)}>{ work.add_tier_gap }</button>
                </p>
                <GapList gaps={gaps_on(&tier_target)} {lang} editable={true} on_action={props.on_action.clone()} />
            </section>
        }
    };
    let organisation = draft.participant.organisation.as_deref();
    let relations = match organisation.and_then(|o| config.provider(o)) {
        None => html! { <p class="srm-hint">{ words.relations_for_organisations }</p> },
        Some(own) => html! {
            <>
                <p>{ words.relations_intro }</p>
                { for config.providers.iter().filter(|p| p.id != own.id).enumerate().map(|(i, p)| html! {
                    <RelationRatingRow key={p.id.clone()} with={p.id.clone()} name={p.name.get(lang).to_string()}
                                       rating={draft.relations.iter().find(|r| r.with == p.id).cloned()}
                                       scale={Rc::clone(&levels)} {lang} prefix={id(&format!("relation-{i}"))}
                                       on_action={props.on_action.clone()} />
                }) }
            </>
        },
    };
    let on_download = {
        let (prepared, draft) = (props.prepared.clone(), props.draft.clone());
        Callback::from(move |_: MouseEvent| download(&prepared, &draft, lang))
    };
    let ask = {
        let confirming = confirming.clone();
        Callback::from(move |_: MouseEvent| confirming.set(!*confirming))
    };
    let start_over = {
        let (confirming, on_action) = (confirming.clone(), props.on_action.clone());
        Callback::from(move |_: MouseEvent| {
            confirming.set(false);
            on_action.emit(Action::ClearDraft);
        })
    };
    html! {
        <div class="srm-contribute" aria-labelledby={id("title")}>
            <h2 id={id("title")}>{ if props.turns { words.turns_title } else { words.contribute_title } }</h2>
            <p>{ if props.turns { words.turns_intro } else { words.contribute_intro } }</p>
            if !props.turns {
                <p class="srm-hint">{ words.kept_here }</p>
            }
            <ContributorForm prepared={props.prepared.clone()} contributor={draft.participant.clone()}
                             {lang} uid={props.uid.clone()} on_action={props.on_action.clone()} />
            <section class="srm-rate-services" aria-labelledby={id("services")}>
                <h3 id={id("services")}>{ words.services_title }</h3>
                <p>{ words.services_intro }</p>
                { for props.prepared.range.iter().map(tier) }
            </section>
            <section class="srm-rate-relations" aria-labelledby={id("relations")}>
                <h3 id={id("relations")}>{ words.relations_title }</h3>
                { relations }
            </section>
            <section class="srm-rate-gaps" aria-labelledby={id("gaps")}>
                <h3 id={id("gaps")}>{ words.gaps_title }</h3>
                <p>{ words.gaps_intro }</p>
                <p>
                    <button type="button" onclick={send(Action::NewGap(GapTarget::Other))}>{ work.add_other_need }</button>
                </p>
                <GapList gaps={gaps_on(&GapTarget::Other)} {lang} editable={true} on_action={props.on_action.clone()} />
            </section>
            <section class="srm-contribute-finish" aria-labelledby={id("finish")}>
                <h3 id={id("finish")}>{ if props.turns { words.turns_title } else { words.finish_title } }</h3>
                if props.turns {
                    <p class="srm-buttons">
                        <button type="button" class="srm-primary" onclick={send(Action::NextParticipant)}>{ words.next_participant }</button>
                        <button type="button" onclick={send(Action::EndTurns)}>{ words.end_turns }</button>
                    </p>
                } else {
                    <p>{ words.download_hint }</p>
                    <p class="srm-buttons">
                        <button type="button" class="srm-primary" onclick={on_download}>{ words.download }</button>
                        <button type="button" aria-expanded={confirming.to_string()} onclick={ask}>{ words.start_over }</button>
                    </p>
                    if *confirming {
                        <p class="srm-confirm" role="alert">
                            { words.start_over_confirm }{ " " }
                            <button type="button" onclick={start_over}>{ words.start_over_yes }</button>
                        </p>
                    }
                }
            </section>
        </div>
    }
}

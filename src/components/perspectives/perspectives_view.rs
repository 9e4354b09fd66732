//! The facilitator's face for the participants' views: gathering their contributions,
//! who took part, the agreement rule, and the comparison — services, relations, gaps, the
//! most divergent first — where the group's decisions are recorded. Exports the
//! comparison as CSV.

use super::{ComparisonTable, DecisionForm, Gathering, ParticipantList};
use crate::browser;
use crate::components::toolbar::slug;
use crate::core::comparison::{
    comparison_csv, item_lines, participant_label, perspectives_present, ItemKind,
};
use crate::core::contribution::{FileOutcome, Item};
use crate::core::i18n::perspective_label;
use crate::core::participant_text::participant_text;
use crate::core::perspectives_text::perspectives_text;
use crate::core::session::Session;
use crate::core::text::Lang;
use crate::state::{Action, Prepared, Shared};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PerspectivesViewProps {
    pub prepared: Shared<Prepared>,
    pub session: Shared<Session>,
    pub gathered: Shared<Vec<FileOutcome>>,
    /// The item whose decision form is open.
    pub deciding: Option<Item>,
    pub lang: Lang,
    pub uid: AttrValue,
    pub editable: bool,
    pub on_action: Callback<Action>,
}

#[component]
pub fn PerspectivesView(props: &PerspectivesViewProps) -> Html {
    let lang = props.lang;
    let text = perspectives_text(lang);
    let words = participant_text(lang);
    // Computed once per change of the session or language: every table reads these.
    let computed = use_memo(
        (props.prepared.clone(), props.session.clone(), lang),
        |(prepared, session, lang)| {
            let config = &prepared.config;
            let lines = Shared::from(item_lines(config, session, *lang));
            let participants: Vec<String> = (0..session.contributions.len())
                .map(|i| participant_label(config, session, i, *lang))
                .collect();
            let perspectives: Vec<String> = perspectives_present(session)
                .into_iter()
                .map(|(p, _)| perspective_label(*lang, p).to_string())
                .collect();
            (lines, Shared::from(participants), perspectives)
        },
    );
    let (lines, participants, perspectives) = (*computed).clone();
    let rows = |kind: ItemKind| -> Vec<usize> {
        lines
            .iter()
            .enumerate()
            .filter(|(_, l)| l.kind == kind)
            .map(|(i, _)| i)
            .collect()
    };
    let export = {
        let (prepared, session) = (props.prepared.clone(), props.session.clone());
        Callback::from(move |_: MouseEvent| {
            let bytes = comparison_csv(&prepared.config, &session, lang);
            let territory = slug(prepared.config.territory.name.get(lang));
            let _ = browser::download(
                &format!("points-de-vue-{territory}.csv"),
                "text/csv;charset=utf-8",
                &bytes,
            );
        })
    };
    let decision = props.deciding.as_ref().and_then(|item| {
        let line = lines.iter().find(|l| &l.item == item)?;
        let said = line
            .ratings
            .iter()
            .zip(participants.iter())
            .filter(|(r, _)| !r.is_empty())
            .map(|(r, who)| (who.clone(), r.clone()))
            .collect::<Vec<_>>();
        let proposal = line.proposal.clone();
        Some(html! {
            <DecisionForm prepared={props.prepared.clone()} item={item.clone()} label={line.label.clone()}
                          {said} {proposal} note={line.note.clone()} {lang} uid={props.uid.clone()}
                          on_action={props.on_action.clone()} />
        })
    });
    let title = format!("{}-perspectives-title", props.uid);
    let table = |kind: ItemKind, caption: &'static str| {
        html! {
            <ComparisonTable caption={caption} lines={lines.clone()} rows={rows(kind)}
                             participants={participants.clone()} perspectives={perspectives.clone()}
                             {lang} editable={props.editable} on_action={props.on_action.clone()} />
        }
    };
    html! {
        <div class="srm-perspectives" aria-labelledby={title.clone()}>
            <h2 id={title} class="srm-section-title">{ text.section_title }</h2>
            if props.editable {
                <Gathering gathered={props.gathered.clone()} {lang} uid={props.uid.clone()}
                           on_action={props.on_action.clone()} />
            }
            <ParticipantList prepared={props.prepared.clone()} session={props.session.clone()} {lang}
                             uid={props.uid.clone()} editable={props.editable} on_action={props.on_action.clone()} />
            if !lines.is_empty() {
                <section class="srm-comparison-section">
                    <h3>{ text.items_title }</h3>
                    <p class="srm-rule"><strong>{ words.rule_title }</strong>{ " " }{ text.rule }</p>
                    <p><button type="button" onclick={export}>{ words.export_comparison }</button></p>
                    { table(ItemKind::Service, words.caption_services) }
                    { table(ItemKind::Relation, words.caption_relations) }
                    { table(ItemKind::Gap, words.caption_gaps) }
                </section>
            }
            { decision.unwrap_or_default() }
        </div>
    }
}

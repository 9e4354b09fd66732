//! The facilitator's face for the participants' views: gathering their contributions,
//! who took part, the agreement rule, and the comparison — services, relations, gaps, the
//! most divergent first — where the group's decisions are recorded. Exports the
//! comparison as CSV.

use super::{ComparisonTable, DecisionForm, Gathering, ParticipantList};
use crate::browser;
use crate::components::toolbar::slug;
use crate::core::comparison::{
    comparison_csv, participant_label, perspectives_present, Comparison, ItemKind, Wording,
};
use crate::core::contribution::{Contribution, FileOutcome, Item};
use crate::core::i18n::perspective_label;
use crate::core::participant_text::participant_text;
use crate::core::perspectives_text::perspectives_text;
use crate::core::session::Session;
use crate::core::text::Lang;
use crate::state::{Action, Prepared, Shared};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PerspectivesViewProps {
    pub prepared: Shared<Prepared>,
    pub session: Shared<Session>,
    /// The comparison of the session's contributions (its decisions are read from the
    /// session: the comparison is kept while the contributions do not change).
    pub comparison: Shared<Comparison>,
    pub gathered: Shared<Vec<FileOutcome>>,
    /// The item whose decision form is open.
    pub deciding: Option<Item>,
    pub lang: Lang,
    pub uid: AttrValue,
    pub editable: bool,
    pub on_action: Callback<Action>,
}

/// The participants' labels and the perspectives present, once per change of who took
/// part, of privacy or of language (not at each decision).
#[derive(PartialEq)]
struct Who {
    prepared: Shared<Prepared>,
    contributions: Shared<Vec<Contribution>>,
    privacy: bool,
    lang: Lang,
}

#[component]
pub fn PerspectivesView(props: &PerspectivesViewProps) -> Html {
    let lang = props.lang;
    let text = perspectives_text(lang);
    let words = participant_text(lang);
    let session = &props.session;
    let who = Who {
        prepared: props.prepared.clone(),
        // Compared by identity: shared between the session's versions.
        contributions: Shared(Rc::clone(&session.contributions)),
        privacy: session.privacy,
        lang,
    };
    let labels = {
        let session = session.clone();
        use_memo(who, move |who| {
            let config = &who.prepared.config;
            let participants: Vec<String> = (0..session.contributions.len())
                .map(|i| participant_label(config, &session, i, who.lang))
                .collect();
            let perspectives: Vec<String> = perspectives_present(&session.contributions)
                .into_iter()
                .map(|(p, _)| perspective_label(who.lang, p).to_string())
                .collect();
            // Dates through the browser's Intl, once per participant, not at each decision.
            let modified = browser::moments_long(
                session.contributions.iter().map(|c| c.modified.as_str()),
                who.lang.code(),
            );
            (
                Shared::from(participants),
                Shared::from(perspectives),
                Shared::from(modified),
            )
        })
    };
    let (participants, perspectives, modified) = (*labels).clone();
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
    let comparison = &props.comparison;
    let decision = props.deciding.as_ref().and_then(|item| {
        let wording = Wording::new(&props.prepared.config, session, lang);
        let line = match item {
            Item::Service(id) => comparison.services.iter().find(|i| &i.service == id).map(|i| wording.service(i)),
            Item::Relation(pair) => comparison.relations.iter().find(|i| &i.providers == pair).map(|i| wording.relation(i)),
            Item::Gap(key) => comparison.gaps.iter().find(|i| &i.key == key).map(|i| wording.gap(i)),
        }?;
        let said = line
            .answers_by(&participants)
            .map(|(who, r)| (who.clone(), r.clone()))
            .collect::<Vec<_>>();
        Some(html! {
            <DecisionForm prepared={props.prepared.clone()} item={item.clone()} label={line.label.clone()}
                          {said} proposal={line.proposal.clone()} note={line.note.clone()} {lang}
                          uid={props.uid.clone()} on_action={props.on_action.clone()} />
        })
    });
    let title = format!("{}-perspectives-title", props.uid);
    let table = |kind: ItemKind, caption: &'static str| {
        html! {
            <ComparisonTable {caption} {kind} prepared={props.prepared.clone()} session={props.session.clone()}
                             comparison={props.comparison.clone()} participants={participants.clone()}
                             perspectives={perspectives.clone()} {lang} editable={props.editable}
                             on_action={props.on_action.clone()} />
        }
    };
    html! {
        <div class="srm-perspectives" aria-labelledby={title.clone()}>
            <h2 id={title} class="srm-section-title">{ text.section_title }</h2>
            if props.editable {
                <Gathering gathered={props.gathered.clone()} {lang} uid={props.uid.clone()}
                           on_action={props.on_action.clone()} />
            }
            <ParticipantList prepared={props.prepared.clone()} {lang} privacy={session.privacy}
                             contributions={Shared(Rc::clone(&session.contributions))}
                             participants={participants.clone()} {modified}
                             uid={props.uid.clone()} editable={props.editable} on_action={props.on_action.clone()} />
            if !comparison.is_empty() {
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

//! In the inventory: the collaboration gaps (relations whose target is above their level,
//! the widest first) and the orphaned relations of the session (kept, never dropped), as
//! the exports list them.

use crate::core::continuum::{relation_lines, RelationLine};
use crate::core::i18n::workshop_text;
use crate::core::session::Session;
use crate::core::text::Lang;
use crate::state::{Prepared, Shared};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CollaborationGapsProps {
    pub prepared: Shared<Prepared>,
    pub session: Shared<Session>,
    pub lang: Lang,
}

#[component]
pub fn CollaborationGaps(props: &CollaborationGapsProps) -> Html {
    let lang = props.lang;
    let work = workshop_text(lang);
    let lines = use_memo(
        (props.prepared.clone(), props.session.clone(), lang),
        |(prepared, session, lang)| relation_lines(&prepared.config, session, *lang),
    );
    let (gaps, orphans) = &*lines;
    let table = |caption: &'static str, rows: &[RelationLine]| {
        html! {
            <div class="srm-table-scroll">
                <table class="srm-table srm-collab-gaps">
                    <caption>{ caption }</caption>
                    <thead><tr>
                        <th scope="col">{ work.col_relation }</th>
                        <th scope="col">{ work.col_level }</th>
                        <th scope="col">{ work.col_target }</th>
                        <th scope="col">{ work.col_mechanisms }</th>
                        <th scope="col">{ work.col_services }</th>
                        <th scope="col">{ work.col_note }</th>
                    </tr></thead>
                    <tbody>
                        { for rows.iter().map(|l| html! {
                            <tr key={l.pair.clone()}>
                                <th scope="row">{ &l.pair }</th>
                                <td>{ &l.level }</td>
                                <td>{ &l.target }</td>
                                <td>{ &l.mechanisms }</td>
                                <td>{ &l.services }</td>
                                <td>{ &l.note }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
        }
    };
    html! {
        <section class="srm-collaboration-gaps">
            if gaps.is_empty() {
                <h4>{ work.collab_gaps }</h4>
                <p class="srm-empty">{ work.no_collab_gaps }</p>
            } else {
                { table(work.collab_gaps, gaps) }
            }
            if !orphans.is_empty() {
                { table(work.orphaned_relations, orphans) }
            }
        </section>
    }
}

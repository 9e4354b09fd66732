//! The partner network: the indicators, then the graph with its table equivalent right
//! beside it. Selecting a provider in either highlights its relations in the graph and
//! lists them in the table.

use super::{CollaborationIndicators, PartnerGraph, RelationTable};
use crate::core::session::Session;
use crate::core::text::Lang;
use crate::state::{use_collaboration, Action, Prepared, Shared};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct NetworkViewProps {
    pub prepared: Shared<Prepared>,
    pub session: Shared<Session>,
    pub lang: Lang,
    pub editable: bool,
    pub on_action: Callback<Action>,
}

#[component]
pub fn NetworkView(props: &NetworkViewProps) -> Html {
    let collaboration = use_collaboration(&props.prepared, &props.session);
    let selected = use_state(|| None::<usize>);
    let on_select = {
        let selected = selected.clone();
        use_callback((), move |p: Option<usize>, _| selected.set(p))
    };
    let on_clear = {
        let on_select = on_select.clone();
        Callback::from(move |_| on_select.emit(None))
    };
    let lang = props.lang;
    html! {
        <div class="srm-network-view">
            <CollaborationIndicators prepared={props.prepared.clone()} collaboration={collaboration.clone()} {lang} />
            <div class="srm-network">
                <PartnerGraph prepared={props.prepared.clone()} collaboration={collaboration.clone()} {lang}
                              selected={*selected} {on_select} />
                <RelationTable prepared={props.prepared.clone()} collaboration={collaboration.clone()} {lang}
                               editable={props.editable} selected={*selected} on_action={props.on_action.clone()} {on_clear} />
            </div>
        </div>
    }
}

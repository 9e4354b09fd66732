//! The milestones' face: marking one, the list of them, and two moments compared.

use super::{MilestoneComparison, MilestoneList, MilestoneMark};
use crate::core::plan_text::plan_text;
use crate::core::session::Session;
use crate::core::text::Lang;
use crate::plan_state::PlanFace;
use crate::state::{Action, Prepared, Shared};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct MilestonesViewProps {
    pub prepared: Shared<Prepared>,
    pub session: Shared<Session>,
    pub face: PlanFace,
    pub lang: Lang,
    pub uid: AttrValue,
    pub editable: bool,
    pub on_action: Callback<Action>,
}

#[component]
pub fn MilestonesView(props: &MilestonesViewProps) -> Html {
    let text = plan_text(props.lang);
    html! {
        <section class="srm-milestones-view" aria-labelledby={format!("{}-milestones-title", props.uid)}>
            <h3 id={format!("{}-milestones-title", props.uid)}>{ text.milestones_title }</h3>
            if props.editable {
                <MilestoneMark marked={props.face.marked.clone()} lang={props.lang} uid={props.uid.clone()}
                               on_action={props.on_action.clone()} />
            }
            <MilestoneList prepared={props.prepared.clone()} session={props.session.clone()} lang={props.lang}
                           editable={props.editable} on_action={props.on_action.clone()} />
            <MilestoneComparison prepared={props.prepared.clone()} session={props.session.clone()}
                                 before={props.face.before.clone()} after={props.face.after.clone()}
                                 lang={props.lang} uid={props.uid.clone()} on_action={props.on_action.clone()} />
        </section>
    }
}

//! What the workshop build shows on a face of the plan: it asks the page for the plan
//! bundle (an `srm-bundle-needed` event, with the session so that nothing is lost on the
//! way), and says so while the page loads it — or, when no page answers, why the plan is
//! not here.

use crate::core::plan_text::plan_text;
use crate::core::session::Session;
use crate::core::text::Lang;
use crate::session_io;
use crate::state::{Prepared, Shared, View};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PlanNeededProps {
    pub prepared: Shared<Prepared>,
    pub session: Shared<Session>,
    pub view: View,
    pub lang: Lang,
}

#[component]
pub fn PlanNeeded(props: &PlanNeededProps) -> Html {
    let text = plan_text(props.lang);
    let here = use_node_ref();
    let unanswered = use_state(|| false);
    {
        let (here, unanswered) = (here.clone(), unanswered.clone());
        let (prepared, session, view) = (props.prepared.clone(), props.session.clone(), props.view);
        use_effect_with(view, move |view| {
            let answered = here.cast::<web_sys::Element>().is_some_and(|element| {
                let stamped = (*session).clone().stamped(&prepared.config);
                let detail = js_sys::Object::new();
                let _ = js_sys::Reflect::set(&detail, &"bundle".into(), &"plan".into());
                let _ = js_sys::Reflect::set(&detail, &"view".into(), &view.key().into());
                let _ =
                    js_sys::Reflect::set(&detail, &"session".into(), &session_io::to_js(&stamped));
                let init = web_sys::CustomEventInit::new();
                init.set_bubbles(true);
                init.set_composed(true);
                init.set_cancelable(true);
                init.set_detail(&detail);
                web_sys::CustomEvent::new_with_event_init_dict("srm-bundle-needed", &init)
                    .ok()
                    // The page takes it on by cancelling the event.
                    .is_some_and(|event| element.dispatch_event(&event) == Ok(false))
            });
            unanswered.set(!answered);
        });
    }
    html! {
        <section class="srm-plan-needed" ref={here} role="status">
            if *unanswered {
                <p class="srm-alert">{ text.plan_unavailable }</p>
            } else {
                <p>{ text.plan_loading }</p>
            }
        </section>
    }
}

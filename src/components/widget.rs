//! The root of one widget instance: owns its state (a reducer), connects the JavaScript
//! handle, and shows either the range or what is wrong with the config.

use super::{ConfigProblems, Legend, RangeView, ServiceDetail, TerritoryHeader};
use crate::core::i18n::catalogue;
use crate::core::text::Lang;
use crate::core::validate::Loaded;
use crate::state::{Action, Remote, Shared, WidgetState};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct WidgetProps {
    /// The config as first read (later ones arrive through the remote).
    pub loaded: Shared<Loaded>,
    #[prop_or_default]
    pub lang: Lang,
    /// Prefix for element ids, unique per instance on the page.
    pub uid: AttrValue,
    #[prop_or_default]
    pub remote: Remote,
}

#[component]
pub fn Widget(props: &WidgetProps) -> Html {
    let state = {
        let (loaded, lang) = (props.loaded.clone(), props.lang);
        use_reducer(move || WidgetState::new(loaded, lang))
    };
    {
        let remote = props.remote.clone();
        let dispatcher = state.dispatcher();
        use_effect_with(remote, move |remote| {
            remote.connect(dispatcher.into());
            let remote = remote.clone();
            move || remote.disconnect()
        });
    }
    let lang = state.lang;
    let text = catalogue(lang);
    let on_lang = {
        let dispatcher = state.dispatcher();
        Callback::from(move |lang| dispatcher.dispatch(Action::SetLang(lang)))
    };
    let on_open = {
        let dispatcher = state.dispatcher();
        Callback::from(move |i| dispatcher.dispatch(Action::OpenService(i)))
    };
    let on_close = {
        let dispatcher = state.dispatcher();
        Callback::from(move |_| dispatcher.dispatch(Action::CloseDetail))
    };

    let mut label = text.widget_label.to_string();
    let body = match &state.prepared {
        None => html! {
            <ConfigProblems problems={state.loaded.clone()} {lang} fatal=true />
        },
        Some(prepared) => {
            label = format!("{label} — {}", prepared.config.territory.name.get(lang));
            html! {
                <>
                    <TerritoryHeader prepared={prepared.clone()} {lang} on_lang={on_lang.clone()} />
                    <Legend {lang} />
                    <RangeView prepared={prepared.clone()} {lang} uid={props.uid.clone()} on_open={on_open} />
                    if state.loaded.warnings().next().is_some() {
                        <ConfigProblems problems={state.loaded.clone()} {lang} fatal=false />
                    }
                    if let Some(service) = state.open_service {
                        <ServiceDetail prepared={prepared.clone()} {service} {lang} uid={props.uid.clone()} on_close={on_close} />
                    }
                </>
            }
        }
    };
    html! {
        <div class="srm" lang={lang.code()} data-lang={lang.code()}
             role="region" aria-label={label}>
            { body }
        </div>
    }
}

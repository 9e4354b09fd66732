//! Asks before deleting a tier, a service or an organisation, and says what depends on it:
//! the offers and relations that go with it, and the gaps, coverage and relations of the
//! workshop session kept in this browser, which stay there (as orphans) but lose their
//! place. A tier with services asks which tier they go to.

use crate::components::field_value;
use crate::components::modal::{CloseModal, Modal};
use crate::core::draft::{provider_dependents, service_dependents, tier_dependents, Edit};
use crate::core::editor_text::{dependents_text, editor_text};
use crate::core::model::Config;
use crate::core::session::Session;
use crate::core::text::Lang;
use crate::editor_state::{Deletion, EditorAction};
use crate::state::Shared;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ConfirmDeleteProps {
    pub draft: Shared<Config>,
    pub session: Option<Shared<Session>>,
    pub deletion: Deletion,
    pub lang: Lang,
    pub uid: AttrValue,
    pub on_action: Callback<EditorAction>,
}

#[component]
pub fn ConfirmDelete(props: &ConfirmDeleteProps) -> Html {
    let on_close = {
        let on_action = props.on_action.clone();
        Callback::from(move |_| on_action.emit(EditorAction::CancelDelete))
    };
    let t = editor_text(props.lang);
    let draft = &*props.draft;
    let name = match props.deletion {
        Deletion::Tier(i) => draft
            .tiers
            .get(i)
            .map(|x| x.label.get(props.lang).to_string()),
        Deletion::Service(i) => draft
            .services
            .get(i)
            .map(|x| x.label.get(props.lang).to_string()),
        Deletion::Provider(i) => draft
            .providers
            .get(i)
            .map(|x| x.name.get(props.lang).to_string()),
    };
    let title = t.delete_title.replace("{}", name.as_deref().unwrap_or(""));
    html! {
        <Modal class="srm-detail srm-confirm" {title} title_id={format!("{}-delete-title", props.uid)}
               close_label={Some(AttrValue::from(t.cancel))} {on_close}>
            <ConfirmBody draft={props.draft.clone()} session={props.session.clone()} deletion={props.deletion}
                         lang={props.lang} uid={props.uid.clone()} on_action={props.on_action.clone()} />
        </Modal>
    }
}

#[component]
fn ConfirmBody(props: &ConfirmDeleteProps) -> Html {
    let lang = props.lang;
    let t = editor_text(lang);
    let draft = &*props.draft;
    let session = props.session.as_deref();
    let close = use_context::<CloseModal>();
    let (dependents, tier) = match props.deletion {
        Deletion::Tier(i) => (tier_dependents(draft, session, i), Some(i)),
        Deletion::Service(i) => (service_dependents(draft, session, i), None),
        Deletion::Provider(i) => (provider_dependents(draft, session, i), None),
    };
    // Where a tier's services go: the next tier by default (the previous for the last).
    let destination = use_state(|| {
        tier.and_then(|i| {
            draft
                .tiers
                .get(i + 1)
                .or_else(|| i.checked_sub(1).and_then(|p| draft.tiers.get(p)))
        })
        .map(|t| t.id.clone())
    });
    let onchange = {
        let destination = destination.clone();
        Callback::from(move |event: Event| destination.set(Some(field_value(&event))))
    };
    let blocked = tier.is_some() && dependents.services > 0 && destination.is_none();
    let confirm = {
        let (on_action, deletion, destination) =
            (props.on_action.clone(), props.deletion, destination.clone());
        let close = close.clone();
        Callback::from(move |_: MouseEvent| {
            let edit = match deletion {
                Deletion::Tier(index) => Edit::DeleteTier {
                    index,
                    services_to: (*destination).clone(),
                },
                Deletion::Service(index) => Edit::DeleteService { index },
                Deletion::Provider(index) => Edit::DeleteProvider { index },
            };
            on_action.emit(EditorAction::Edit(edit));
            if let Some(CloseModal(close)) = &close {
                close.emit(());
            }
        })
    };
    let cancel = CloseModal::cancel(close, &props.on_action, EditorAction::CancelDelete);
    let choose_id = format!("{}-delete-destination", props.uid);
    html! {
        <div class="srm-confirm-body">
            <p>{ dependents_text(lang, &dependents) }</p>
            <p>{ t.delete_undo }</p>
            if let (Some(i), true) = (tier, dependents.services > 0) {
                if draft.tiers.len() > 1 {
                    <div class="srm-plain-field">
                        <label for={choose_id.clone()} class="srm-form-label">{ t.services_go_to }</label>
                        <select id={choose_id} {onchange}>
                            { for draft.tiers.iter().enumerate().filter(|(j, _)| *j != i).map(|(_, tier)| html! {
                                <option key={tier.id.clone()} value={tier.id.clone()}
                                        selected={destination.as_deref() == Some(tier.id.as_str())}>{ tier.label.get(lang) }</option>
                            }) }
                        </select>
                    </div>
                } else {
                    <p class="srm-field-error">{ t.last_tier_has_services }</p>
                }
            }
            <div class="srm-form-buttons">
                <button type="button" class="srm-danger" onclick={confirm}
                        disabled={blocked || (tier.is_some() && dependents.services > 0 && draft.tiers.len() < 2)}>{ t.delete }</button>
                <button type="button" onclick={cancel}>{ t.cancel }</button>
            </div>
        </div>
    }
}

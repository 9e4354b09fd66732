//! The organisations of the territory: a row each that opens its form, and a field to add
//! one. Long lists show their first rows, then more on demand.

use super::add_item::AddItem;
use super::form_parts::{show_more, PartProps, ROWS};
use super::item_row::ItemRow;
use super::provider_form::ProviderForm;
use crate::core::draft::Edit;
use crate::core::editor_text::{editor_text, offer_count};
use crate::core::i18n::provider_kind_label;
use crate::editor_state::EditorAction;
use yew::prelude::*;

#[component]
pub fn ProviderList(props: &PartProps) -> Html {
    let lang = props.lang;
    let t = editor_text(lang);
    let (draft, uid) = (&*props.draft, &props.uid);
    let limit = use_state(|| ROWS);
    let add = {
        let on_action = props.on_action.clone();
        Callback::from(move |label: String| {
            on_action.emit(EditorAction::Edit(Edit::AddProvider { label }))
        })
    };
    let more = draft.providers.len().saturating_sub(*limit);
    let on_more = {
        let limit = limit.clone();
        Callback::from(move |_: MouseEvent| limit.set(*limit + ROWS))
    };
    let rows = draft.providers.iter().enumerate().filter(|(i, _)| *i < *limit || props.open == Some(*i)).map(|(i, provider)| {
        let open = props.open == Some(i);
        let offers = draft.offers.iter().filter(|o| o.provider == provider.id).count();
        let meta = format!("{} · {}", provider_kind_label(lang, provider.kind), offer_count(lang, offers));
        let on_toggle = {
            let on_action = props.on_action.clone();
            Callback::from(move |open: bool| on_action.emit(EditorAction::Open(open.then_some(i))))
        };
        html! {
            <li key={provider.id.clone()} class={classes!("srm-service-row-item", open.then_some("srm-open"))}>
                <ItemRow path={format!("$.providers[{i}]")} label={provider.name.get(lang).to_string()} {meta} {open}
                         notes={props.check.at(&format!("$.providers[{i}]")).len()} {lang} uid={uid.clone()} {on_toggle} />
                if open {
                    <ProviderForm draft={props.draft.clone()} check={props.check.clone()} index={i}
                                  {lang} uid={uid.clone()} on_action={props.on_action.clone()} />
                }
            </li>
        }
    });
    html! {
        <section class="srm-editor-section" aria-labelledby={format!("{uid}-providers-title")}>
            <h3 id={format!("{uid}-providers-title")}>{ t.section_providers }</h3>
            <p class="srm-field-hint">{ t.providers_intro }</p>
            if draft.providers.is_empty() {
                <p class="srm-empty">{ t.no_provider }</p>
            } else {
                <ul class="srm-service-rows" aria-label={t.section_providers}>{ for rows }</ul>
                if more > 0 {
                    { show_more(lang, more, on_more) }
                }
            }
            <AddItem id={format!("{uid}-add-provider")} label={t.new_provider} button={t.add} on_add={add} />
        </section>
    }
}

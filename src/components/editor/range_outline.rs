//! The range as an outline to edit: each tier with its fields and its services in order,
//! a field to add a service to it, and the form of the open service under its row; a
//! field to add a tier at the end.

use super::add_item::AddItem;
use super::field_notes::field_id;
use super::form_parts::{show_more, PartProps, ROWS};
use super::item_row::ItemRow;
use super::service_form::ServiceForm;
use super::tier_fields::TierFields;
use crate::core::draft::Edit;
use crate::core::editor_text::{editor_text, offer_count};
use crate::editor_state::EditorAction;
use yew::prelude::*;

#[component]
pub fn RangeOutline(props: &PartProps) -> Html {
    let lang = props.lang;
    let t = editor_text(lang);
    let draft = &*props.draft;
    let uid = &props.uid;
    // Rows shown per tier beyond the first page, by tier id.
    let shown = use_state(std::collections::HashMap::<String, usize>::new);
    let add_tier = {
        let on_action = props.on_action.clone();
        Callback::from(move |label: String| {
            on_action.emit(EditorAction::Edit(Edit::AddTier { label }))
        })
    };
    // Each service's number of offers, counted once (not once per row).
    let mut offers: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for offer in &draft.offers {
        *offers.entry(offer.service.as_str()).or_default() += 1;
    }
    let tiers = draft.tiers.iter().enumerate().map(|(i, tier)| {
        let services: Vec<usize> = (0..draft.services.len())
            .filter(|s| draft.services[*s].tier == tier.id)
            .collect();
        let limit = shown.get(&tier.id).copied().unwrap_or(ROWS);
        // The open service is always shown, however far down its tier it is.
        let rows = services.iter().enumerate().filter(|(n, s)| *n < limit || Some(**s) == props.open);
        let add_service = {
            let (on_action, tier) = (props.on_action.clone(), tier.id.clone());
            Callback::from(move |label: String| {
                on_action.emit(EditorAction::Edit(Edit::AddService { tier: tier.clone(), label }))
            })
        };
        let more = services.len().saturating_sub(limit);
        let on_more = {
            let (shown, tier) = (shown.clone(), tier.id.clone());
            Callback::from(move |_: MouseEvent| {
                let mut next = (*shown).clone();
                next.insert(tier.clone(), limit + ROWS);
                shown.set(next);
            })
        };
        let heading = tier.label.get(lang).to_string();
        let toggle = |index: usize| {
            let on_action = props.on_action.clone();
            Callback::from(move |open: bool| on_action.emit(EditorAction::Open(open.then_some(index))))
        };
        let move_service = |index: usize| {
            let on_action = props.on_action.clone();
            Callback::from(move |up: bool| on_action.emit(EditorAction::Edit(Edit::MoveService { index, up })))
        };
        let list_id = format!("{}-list", field_id(uid, &format!("$.tiers[{i}]")));
        html! {
            <section key={tier.id.clone()} class="srm-editor-tier" id={field_id(uid, &format!("$.tiers[{i}]"))}
                     tabindex="-1" aria-labelledby={format!("{list_id}-title")}>
                <h4 id={format!("{list_id}-title")}>
                    { if heading.trim().is_empty() { t.unnamed.to_string() } else { heading } }
                    <span class="srm-count">{ format!(" · {}", crate::core::editor_text::service_count(lang, services.len())) }</span>
                </h4>
                <TierFields draft={props.draft.clone()} check={props.check.clone()}
                            index={i} {lang} uid={uid.clone()} on_action={props.on_action.clone()} />
                if services.is_empty() {
                    <p class="srm-empty">{ t.tier_no_service }</p>
                } else {
                    <ol class="srm-service-rows" id={list_id.clone()} aria-label={t.services_of_tier.replace("{}", tier.label.get(lang))}>
                        { for rows.map(|(n, s)| {
                            let service = &draft.services[*s];
                            let offers = offers.get(service.id.as_str()).copied().unwrap_or(0);
                            let open = props.open == Some(*s);
                            html! {
                                <li key={service.id.clone()} class={classes!("srm-service-row-item", open.then_some("srm-open"))}>
                                    <ItemRow path={format!("$.services[{s}]")} label={service.label.get(lang).to_string()}
                                             meta={offer_count(lang, offers)} position={Some((n + 1, services.len()))} {open}
                                             notes={props.check.at(&format!("$.services[{s}]")).len()}
                                             {lang} uid={uid.clone()} on_toggle={toggle(*s)} on_move={Some(move_service(*s))} />
                                    if open {
                                        <ServiceForm draft={props.draft.clone()} check={props.check.clone()}
                                                     index={*s} {lang} uid={uid.clone()} on_action={props.on_action.clone()} />
                                    }
                                </li>
                            }
                        }) }
                    </ol>
                    if more > 0 {
                        { show_more(lang, more, on_more) }
                    }
                }
                <AddItem id={format!("{list_id}-add")} label={t.new_service} context={Some(AttrValue::from(tier.label.get(lang).to_string()))}
                         button={t.add} on_add={add_service} />
            </section>
        }
    });
    html! {
        <section class="srm-editor-section" aria-labelledby={format!("{uid}-range-title")}>
            <h3 id={format!("{uid}-range-title")}>{ t.section_range }</h3>
            <p class="srm-field-hint">{ t.range_intro }</p>
            if draft.tiers.is_empty() {
                <p class="srm-empty">{ t.no_tier }</p>
            }
            { for tiers }
            <AddItem id={format!("{uid}-add-tier")} label={t.new_tier} button={t.add} on_add={add_tier} />
        </section>
    }
}

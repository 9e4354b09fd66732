//! The Yew views. Each file holds one component named after what it shows; components read
//! prepared data from props and report user intent through stable callbacks.

use yew::prelude::*;

mod config_problems;
mod confirm_new_session;
mod gap_form;
mod gap_list;
mod inventory_view;
mod language_switch;
mod legend;
mod modal;
mod notice_bar;
mod range_search;
mod range_view;
mod service_card;
mod service_chunk;
mod service_detail;
mod territory_header;
mod tier_section;
mod toolbar;
mod widget;
mod workshop_bar;

pub use config_problems::{config_problems, ConfigProblemsProps};
pub use confirm_new_session::ConfirmNewSession;
pub use gap_form::GapForm;
pub use gap_list::GapList;
pub use inventory_view::InventoryView;
pub use language_switch::language_switch;
pub use legend::legend;
pub use notice_bar::NoticeBar;
pub use range_search::{range_search, RangeSearchProps};
pub use range_view::RangeView;
pub use service_card::ServiceCard;
pub use service_chunk::ServiceChunk;
pub use service_detail::{service_detail, ServiceDetailProps};
pub use territory_header::{territory_header, TerritoryHeaderProps};
pub use tier_section::TierSection;
pub use toolbar::Toolbar;
pub use widget::{Widget, WidgetProps};
pub use workshop_bar::WorkshopBar;

/// The value of the input, select or text area an event comes from.
pub fn field_value(event: &Event) -> String {
    use wasm_bindgen::JsCast;
    let Some(target) = event.target() else {
        return String::new();
    };
    if let Some(input) = target.dyn_ref::<web_sys::HtmlInputElement>() {
        input.value()
    } else if let Some(select) = target.dyn_ref::<web_sys::HtmlSelectElement>() {
        select.value()
    } else if let Some(area) = target.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        area.value()
    } else {
        String::new()
    }
}

//! The Yew views. Each file holds one component (or, for views without state of their own,
//! one plain function) named after what it shows; views read prepared data from props and
//! report user intent through stable callbacks.

use yew::prelude::*;

mod card_list;
mod collaboration_gaps;
mod collaboration_indicators;
mod config_problems;
mod confirm_new_session;
mod continuum_view;
#[cfg(any(feature = "editor", not(target_arch = "wasm32")))]
pub mod editor;
mod gap_form;
mod gap_list;
mod graph_node;
mod inventory_view;
mod language_switch;
mod legend;
mod matrix_row;
mod modal;
mod network_view;
mod notice_bar;
mod partner_graph;
mod partner_matrix;
mod perspectives;
mod plan;
mod provider_edges;
mod range_search;
mod range_view;
mod relation_form;
mod relation_table;
mod service_card;
mod service_chunk;
mod service_detail;
mod service_relations;
mod territory_header;
mod tier_section;
pub mod toolbar;
mod widget;
mod workshop_bar;

pub use card_list::CardList;
pub use collaboration_gaps::CollaborationGaps;
pub use collaboration_indicators::CollaborationIndicators;
pub use config_problems::{config_problems, ConfigProblemsProps};
pub use confirm_new_session::ConfirmNewSession;
pub use continuum_view::ContinuumView;
pub use gap_form::GapForm;
pub use gap_list::GapList;
pub use graph_node::GraphNode;
pub use inventory_view::InventoryView;
pub use language_switch::language_switch;
pub use legend::legend;
pub use matrix_row::{MatrixCell, MatrixRow};
pub use network_view::NetworkView;
pub use notice_bar::NoticeBar;
pub use partner_graph::PartnerGraph;
pub use partner_matrix::PartnerMatrix;
pub use perspectives::{ContributeView, PerspectivesView};
pub use plan::{ActionForm, DashboardView, MilestonesView, PlanNeeded, PlanTabs, PlanView};
pub use provider_edges::{Edge, ProviderEdges};
pub use range_search::{range_search, RangeSearchProps};
pub use range_view::RangeView;
pub use relation_form::RelationForm;
pub use relation_table::RelationTable;
pub use service_card::{cards_record, ServiceCard, SEPARATOR};
pub use service_chunk::ServiceChunk;
pub use service_detail::{service_detail, ServiceDetailProps};
pub use service_relations::ServiceRelations;
pub use territory_header::{territory_header, TerritoryHeaderProps};
pub use tier_section::TierSection;
pub use toolbar::Toolbar;
pub use widget::{Widget, WidgetProps};
pub use workshop_bar::WorkshopBar;

/// A step in the history of changes, as a key press asks for it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HistoryKey {
    Undo,
    Redo,
}

/// The step a key press asks for: Ctrl+Z undoes, Ctrl+Shift+Z or Ctrl+Y redo (⌘ on a
/// Mac); none in a text field, where Ctrl+Z belongs to the field.
pub fn history_key(event: &KeyboardEvent) -> Option<HistoryKey> {
    let target: Option<web_sys::Element> = event.target_dyn_into();
    let in_text = target.is_some_and(|t| matches!(t.tag_name().as_str(), "INPUT" | "TEXTAREA"));
    if in_text || !(event.ctrl_key() || event.meta_key()) {
        return None;
    }
    match (event.key().to_lowercase().as_str(), event.shift_key()) {
        ("z", false) => Some(HistoryKey::Undo),
        ("z", true) | ("y", false) => Some(HistoryKey::Redo),
        _ => None,
    }
}

/// True when the check box an event comes from is ticked.
pub fn field_checked(event: &Event) -> bool {
    event
        .target_dyn_into::<web_sys::HtmlInputElement>()
        .is_some_and(|input| input.checked())
}

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

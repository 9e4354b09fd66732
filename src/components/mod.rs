//! The Yew views. Each file holds one component named after what it shows; components read
//! prepared data from props and report user intent through stable callbacks.

mod config_problems;
mod confirm_new_session;
mod gap_form;
mod gap_list;
mod inventory_view;
mod language_switch;
mod legend;
mod modal;
mod notice_bar;
mod range_view;
mod service_card;
mod service_chunk;
mod service_detail;
mod territory_header;
mod tier_section;
mod toolbar;
mod widget;

pub use config_problems::ConfigProblems;
pub use confirm_new_session::ConfirmNewSession;
pub use gap_form::GapForm;
pub use gap_list::GapList;
pub use inventory_view::InventoryView;
pub use language_switch::LanguageSwitch;
pub use legend::Legend;
pub use notice_bar::NoticeBar;
pub use range_view::RangeView;
pub use service_card::ServiceCard;
pub use service_chunk::ServiceChunk;
pub use service_detail::ServiceDetail;
pub use territory_header::TerritoryHeader;
pub use tier_section::TierSection;
pub use toolbar::Toolbar;
pub use widget::{Widget, WidgetProps};

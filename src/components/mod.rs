//! The Yew views. Each file holds one component named after what it shows; components read
//! prepared data from props and report user intent through callbacks.

mod config_problems;
mod language_switch;
mod legend;
mod range_view;
mod service_card;
mod service_detail;
mod territory_header;
mod tier_section;
mod widget;

pub use config_problems::ConfigProblems;
pub use language_switch::LanguageSwitch;
pub use legend::Legend;
pub use range_view::RangeView;
pub use service_card::ServiceCard;
pub use service_detail::ServiceDetail;
pub use territory_header::TerritoryHeader;
pub use tier_section::TierSection;
pub use widget::{Widget, WidgetProps};

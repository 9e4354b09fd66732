//! The pure core: everything that can be decided without a browser.

pub mod chart;
pub mod comparison;
pub mod continuum;
pub mod contribution;
pub mod defaults;
#[cfg(any(feature = "editor", not(target_arch = "wasm32")))]
pub mod directory;
#[cfg(any(feature = "editor", not(target_arch = "wasm32")))]
pub mod directory_text;
pub mod draft;
pub mod editor_text;
pub mod export;
pub mod figures;
pub mod gaps;
pub mod hash;
#[cfg(any(feature = "editor", not(target_arch = "wasm32")))]
pub mod hsds;
#[cfg(any(feature = "editor", not(target_arch = "wasm32")))]
pub mod hsds_export;
pub mod i18n;
#[cfg(any(feature = "editor", not(target_arch = "wasm32")))]
pub mod import;
pub mod inventory;
pub mod json;
pub mod links;
#[cfg(any(feature = "editor", not(target_arch = "wasm32")))]
pub mod mapping;
pub mod milestone;
pub mod model;
pub mod participant_text;
pub mod perspectives_text;
pub mod place;
pub mod plan;
pub mod plan_export;
pub mod plan_text;
pub mod problems;
pub mod read;
pub mod search;
pub mod session;
#[cfg(any(feature = "editor", not(target_arch = "wasm32")))]
pub mod spreadsheet;
pub mod text;
pub mod validate;

//! The pure core: everything that can be decided without a browser.

pub mod continuum;
pub mod defaults;
pub mod draft;
pub mod editor_text;
pub mod export;
pub mod figures;
pub mod gaps;
pub mod i18n;
pub mod inventory;
pub mod links;
pub mod model;
pub mod place;
pub mod problems;
pub mod read;
pub mod search;
pub mod session;
pub mod text;
pub mod validate;

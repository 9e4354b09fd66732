//! The pure core: everything that can be decided without a browser.

pub mod defaults;
pub mod figures;
pub mod i18n;
pub mod links;
pub mod model;
pub mod problems;
pub mod read;
pub mod text;
pub mod validate;

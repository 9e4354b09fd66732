//! service-range-mapper: an embeddable widget that maps the range of services of a local
//! territory (proximity, intersectoral and specialised tiers), who offers each service and
//! how people reach it, from a JSON config.
//!
//! - [`core`]: the pure model — config format, validation, text and derived figures — with
//!   no web dependency, tested natively.
//! - [`components`]: the Yew views, thin over the core.
//! - [`api`]: the JavaScript entry points (`mount`, the widget handle).

pub mod core;

#[cfg(target_arch = "wasm32")]
pub mod api;
pub mod browser;
pub mod components;
#[cfg(all(target_arch = "wasm32", feature = "editor"))]
pub mod editor_api;
#[cfg(any(feature = "editor", not(target_arch = "wasm32")))]
pub mod editor_state;
pub mod plan_state;
pub mod session_io;
pub mod state;

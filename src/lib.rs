//! Folio's view: a Leptos component tree over the parser in `folio-core`.
//!
//! The app's state (`app_state`) holds the library of loaded texts and
//! which one is shown; what the reader and the page do are its actions
//! (`actions`); `components` lay it out. Each text is parsed once, in a
//! worker, when it arrives. Browser state has one owner each: `storage`
//! (settings and the draft in localStorage, the library's records through
//! the store worker), `share_link` (the URL fragment), `parse_worker` (the
//! Web Workers, spoken to as `protocol` lays out), `download` (saving
//! files), `files` (reading them).

pub mod actions;
pub mod app_state;
pub mod components;
pub mod download;
pub mod files;
pub mod library;
pub mod parse_worker;
pub mod protocol;
pub mod share_link;
pub mod storage;
#[cfg(target_arch = "wasm32")]
pub mod worker_host;

pub use components::app::App;

/// The built-in example: the seed article, as a text dump.
pub const EXAMPLE_NAME: &str = "interfax-2025-12-31-kallas.txt";
pub const EXAMPLE_TEXT: &str = include_str!("../assets/examples/interfax-2025-12-31-kallas.txt");

//! Folio's view: a Leptos component tree over the parser in `folio-core`.
//!
//! The app holds the library of loaded texts and which one is shown; each
//! text is parsed once when it arrives. Browser state has one owner each:
//! `storage` (localStorage), `download` (saving files), `files` (reading them).

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

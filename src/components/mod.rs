//! One component per file; each takes domain structs as props.

pub mod app;
pub mod article_view;
pub mod input_panel;
pub mod library;
pub mod reader_controls;
pub mod share_panel;

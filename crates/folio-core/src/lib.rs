//! Folio's parser: text dumps of news pages into a structured [`Article`].
//!
//! Knows nothing of the web: no DOM, no browser API. The app and the CLI
//! call [`parse_text`]; everything else here is the pipeline behind it.

pub mod address;
pub mod article;
pub mod blocks;
pub mod body;
mod body_context_model;
mod body_model;
pub mod classify;
pub mod content;
pub mod dateline;
mod dateline_model;
pub mod dates;
pub mod decode;
pub mod filter;
pub mod form;
pub mod furniture;
pub mod header;
mod headline_model;
mod headline_wrapped_model;
#[cfg(feature = "html")]
pub mod html;
pub mod language;
pub mod lines;
pub mod link;
pub mod lists;
pub mod markdown;
pub mod packing;
pub mod parse;
pub mod share;
pub mod structure;

pub use article::{
    Article, Block, BlockKind, DropReason, Dropped, InlineLink, RelatedLink, SideList,
};
pub use parse::parse_text;

/// This build of the parser, named by a hash of its source: an Article
/// stored with the same name reads the same again.
pub const PARSER_BUILD: &str = env!("FOLIO_PARSER_BUILD");

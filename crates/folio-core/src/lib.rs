//! Folio's parser: text dumps of news pages into a structured [`Article`].
//!
//! Knows nothing of the web: no DOM, no browser API. The app and the CLI
//! call [`parse_text`] (or [`parse_text_as`] with a [`Form`]), and with
//! the `html` feature `html::parse_html` for a saved page; [`decode`]
//! turns a file's bytes into the text either takes, [`share`] carries an
//! Article in a link, [`markdown`] writes one out. The text pipeline behind
//! them (`text/`, its stages in order) and the learned models (`model/`)
//! are private.
//!
//! ```
//! let dump = "Home | World | Business | Sport
//! World
//! Harbour reopens after the storm
//! 13:28 31.12.2025
//! By Anna Berg
//! The city's harbour reopened on Wednesday after three days of storms that kept every ferry in port and closed the coast road to traffic.
//! Crews worked through the night to clear the quays of fallen cranes and debris, the port authority said in a statement on its website.
//! \"We expect the first ferries to sail at noon, and the timetable to be normal again by the weekend,\" the harbour master told reporters.
//! Tags: storms, harbour";
//! let article = folio_core::parse_text(dump);
//! assert_eq!(article.headline.as_deref(), Some("Harbour reopens after the storm"));
//! assert_eq!(article.section.as_deref(), Some("World"));
//! assert_eq!(article.published.as_deref(), Some("2025-12-31T13:28"));
//! assert_eq!(article.byline, ["Anna Berg"]);
//! assert_eq!(article.tags, ["storms", "harbour"]);
//! assert_eq!(article.body.len(), 3);
//! // The menu is not the story: it is dropped, with its reason.
//! assert!(article.dropped.iter().any(|d| d.excerpt.contains("Business")));
//! ```

#![forbid(unsafe_code)]

pub mod address;
pub mod article;
pub mod decode;
pub mod filter;
#[cfg(feature = "html")]
pub mod html;
pub mod markdown;
mod model;
pub mod share;
mod text;

pub use article::{
    Article, Block, BlockKind, DropReason, Dropped, InlineLink, Piece, RelatedLink, SideList,
};
pub use text::form::{detect_form, logical_lines, Form, LogicalText};
pub use text::lines::LineNumber;
pub use text::parse::{parse_text, parse_text_as};

/// The text pipeline's stages, for the model training features, the corpus
/// examples and the tests that measure one stage: not an API to build on.
#[doc(hidden)]
pub mod stages {
    pub use crate::text::{
        blocks, body, classify, dateline, dates, header, language, lines, parse,
    };
}

pub use model::{fnv1a, FNV_START};

/// This build of the parser, named by a hash of its source: an Article
/// stored with the same name reads the same again.
pub const PARSER_BUILD: &str = env!("FOLIO_PARSER_BUILD");

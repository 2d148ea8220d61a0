//! The text pipeline: a page's text into an [`Article`](crate::Article).
//!
//! The stages, each using only those listed before it (`parse` runs them
//! in the order its own documentation draws):
//!
//! 1. [`lines`]: the text into lines, each with its place in the text.
//! 2. [`language`], [`dates`]: the text's language; the dates a line states.
//! 3. [`blocks`], [`structure`]: the story's lines as blocks (paragraphs,
//!    quotes, lists, tables), and what a page or a Markdown text tells of
//!    its shapes (pictures, tables, links) beside its lines.
//! 4. [`form`]: how the text was written (plain, wrapped, Markdown) and its
//!    logical lines.
//! 5. [`furniture`], [`classify`]: each line's cues, computed once (size,
//!    function words, dates, prose, furniture, copies, reading time).
//! 6. [`byline`]: who wrote it, from a line's text.
//! 7. [`lists`]: side lists, related links and tags around the story.
//! 8. [`body`]: the span of lines that is the story (a learned model).
//! 9. [`dateline`]: the publication date among the dates near it (a
//!    learned model).
//! 10. [`header`]: headline (a learned model), section and source.
//! 11. [`parse`]: the stages run, and every line left over dropped with
//!     its reason.

pub mod blocks;
pub mod body;
pub mod byline;
pub mod classify;
pub mod dateline;
pub mod dates;
pub mod form;
pub mod furniture;
pub mod header;
pub mod language;
pub mod lines;
pub mod lists;
pub mod parse;
pub mod structure;

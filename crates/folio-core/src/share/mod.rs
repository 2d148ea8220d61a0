//! Share links: a story carried whole in a URL fragment, so whoever opens
//! the link sees it with no server.
//!
//! Three layers, each the one below's only user: [`payload`] writes the
//! story as versioned text records and reads them back; [`packing`] is the
//! context-mixing coder that makes that text short; [`link`] packs a
//! payload into link data (format `s2`, base64url) and back.

pub mod link;
pub mod packing;
pub mod payload;

pub use payload::{decode_story, encode_story, seal, shareable, ShareError, ShareOptions};

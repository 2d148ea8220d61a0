//! Share links: the one module that owns the URL fragment.
//!
//! A link is the page's address, then `#s2.` and the story's payload
//! (`folio_core::share`) packed by Folio's own coder in the worker
//! (`folio_core::share::link`), in base64url. Links of the first format, `#s1.`
//! and the payload compressed by the browser's raw deflate
//! (`DecompressionStream`), still open. Nothing of a link is sent to a
//! server: browsers keep the fragment to themselves.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use folio_core::share::link::PACKED_FORMAT;
use folio_core::share::{encode_story, ShareOptions};
use folio_core::Article;
use js_sys::Uint8Array;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

use crate::parse_worker::{open_link_in_worker, pack_in_worker, story_in_worker, WorkerError};
use crate::protocol::Failure;

/// Links longer than this are refused before any decoding.
pub const MAX_LINK_CHARS: usize = 2_000_000;
/// A payload that inflates past this is refused (a zip bomb in a link).
pub const MAX_PAYLOAD_BYTES: u32 = 8 * 1024 * 1024;

/// Where a link of a given length still fits, as chat apps and codes cut them.
pub const CHANNELS: [(usize, &str); 4] = [
    (1_024, "Outlook"),
    (2_000, "Discord"),
    (2_953, "a QR code"),
    (4_000, "Slack and iMessage"),
];

// `folio.inflateRaw`, from assets/js/inflate-raw.js, a plain script the
// page loads before its Wasm (why not an inline_js snippet: see there).
#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(catch, js_namespace = folio, js_name = inflateRaw)]
    fn inflate_raw(bytes: &Uint8Array, cap: u32) -> Result<js_sys::Promise, JsValue>;
}

/// Why a share link could not be opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkError {
    /// Longer than [`MAX_LINK_CHARS`].
    TooLong,
    /// A format this Folio does not know (a newer Folio made it).
    UnknownVersion(String),
    /// Spaces, `+` or `%` escapes: a chat app or mail client rewrote it.
    Mangled,
    /// Not base64url, or not a packed or deflate stream, or not UTF-8:
    /// cut or changed.
    Damaged,
    /// The worker that unpacks links could not do it.
    Worker(WorkerError),
    /// The story would inflate past [`MAX_PAYLOAD_BYTES`].
    TooLarge,
    /// The payload's own check failed: why.
    Story(String),
}

impl std::fmt::Display for LinkError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LinkError::TooLong => write!(f, "This share link is too long to open (over {MAX_LINK_CHARS} characters)."),
            LinkError::UnknownVersion(v) => write!(f, "This share link was made by a newer Folio (format \"{v}\"); this one reads formats {DEFLATE_FORMAT} and {PACKED_FORMAT}."),
            LinkError::Worker(e) => write!(f, "This share link could not be opened: {e}."),
            LinkError::Mangled => f.write_str("This share link was changed on the way (spaces, + signs or % escapes were added, as some chat apps and mail clients do). Copy it again from where it was shared."),
            LinkError::Damaged => f.write_str("This share link is damaged: it was cut short or a character was changed. Ask for the link again."),
            LinkError::TooLarge => f.write_str("This share link's story is larger than a link of its length can carry; it was not opened."),
            LinkError::Story(e) => write!(f, "This share link cannot be opened: {e}."),
        }
    }
}

/// The first link format: the payload in the browser's raw deflate.
const DEFLATE_FORMAT: &str = "s1";

/// The fragment (without `#`) that carries `article`.
pub async fn fragment_for(article: &Article, options: ShareOptions) -> Result<String, String> {
    let payload = encode_story(article, options);
    let data = pack_in_worker(payload).await.map_err(|e| e.to_string())?;
    Ok(format!("{PACKED_FORMAT}.{data}"))
}

/// Whether a fragment is a share link at all (`s` + version + `.`).
pub fn is_share_fragment(fragment: &str) -> bool {
    let Some(rest) = fragment.strip_prefix('s') else {
        return false;
    };
    let digits = rest.chars().take_while(char::is_ascii_digit).count();
    digits > 0 && rest[digits..].starts_with('.')
}

/// The story in a share fragment (without `#`).
pub async fn story_from(fragment: &str) -> Result<Article, LinkError> {
    if fragment.len() > MAX_LINK_CHARS {
        return Err(LinkError::TooLong);
    }
    // A link at the end of a sentence, or a line, in a chat: the full stop
    // or line break after it is not the link's (base64url has neither).
    let fragment = fragment.trim_end_matches(['.', ',', ';', ':', '!', '?', ')', '\n', '\r', ' ']);
    let (version, data) = fragment.split_once('.').ok_or(LinkError::Damaged)?;
    if version != DEFLATE_FORMAT && version != PACKED_FORMAT {
        return Err(LinkError::UnknownVersion(
            version.trim_start_matches('s').to_string(),
        ));
    }
    if data.contains([' ', '+', '%']) {
        return Err(LinkError::Mangled);
    }
    // The payload is read in the link worker, its reader off the page.
    let story = if version == PACKED_FORMAT {
        open_link_in_worker(data.to_string()).await
    } else {
        story_in_worker(inflate(data).await?).await
    };
    match story.map_err(LinkError::Worker)? {
        Ok(article) => Ok(article),
        Err(Failure::TooLarge) => Err(LinkError::TooLarge),
        Err(Failure::Story(why)) => Err(LinkError::Story(why)),
        Err(_) => Err(LinkError::Damaged),
    }
}

/// The payload of a first-format link: base64url of raw deflate.
async fn inflate(data: &str) -> Result<String, LinkError> {
    let bytes = URL_SAFE_NO_PAD
        .decode(data)
        .map_err(|_| LinkError::Damaged)?;
    // As for the packed format: a ratio cap, so a short link cannot carry
    // a story of megabytes (1,657 characters once inflated to 300,000 tags).
    let cap =
        folio_core::share::packing::max_unpacked_for(bytes.len()).min(MAX_PAYLOAD_BYTES as usize);
    let promise =
        inflate_raw(&Uint8Array::from(&bytes[..]), cap as u32).map_err(|_| LinkError::Damaged)?;
    let inflated = JsFuture::from(promise).await.map_err(|e| {
        if e.is_instance_of::<js_sys::RangeError>() {
            LinkError::TooLarge
        } else {
            LinkError::Damaged
        }
    })?;
    String::from_utf8(Uint8Array::new(&inflated).to_vec()).map_err(|_| LinkError::Damaged)
}

/// The page's fragment now, without `#`.
pub fn current_fragment() -> String {
    let hash = web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default();
    hash.strip_prefix('#').unwrap_or(&hash).to_string()
}

/// The page's address without any fragment.
pub fn page_address() -> String {
    let href = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    href.split('#').next().unwrap_or_default().to_string()
}

/// Drop the fragment from the address bar without reloading or adding history.
pub fn clear_fragment() {
    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&page_address()));
    }
}

/// Copy `text` to the clipboard.
pub async fn copy_to_clipboard(text: &str) -> Result<(), String> {
    let clipboard = web_sys::window()
        .ok_or("no window")?
        .navigator()
        .clipboard();
    JsFuture::from(clipboard.write_text(text))
        .await
        .map(|_| ())
        .map_err(|_| "the browser did not allow copying; copy the link by hand".to_string())
}

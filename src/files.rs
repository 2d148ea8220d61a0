//! Reading files the user picked or dropped: the one place that turns a
//! browser `File` into text for the parser. Bytes are sniffed by
//! `folio_core::decode` and decoded by the browser's own `TextDecoder`.

use folio_core::decode::{declared_charset, looks_like_html, sniff, Sniffed};
use wasm_bindgen_futures::JsFuture;

/// Files larger than this are refused before they are read.
pub const MAX_FILE_BYTES: f64 = 200.0 * 1024.0 * 1024.0;

/// A text the user loaded: a file's name, its text, and how it was decoded.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadedText {
    pub name: String,
    pub text: String,
    /// The encoding's WHATWG label, e.g. "utf-8", "windows-1251".
    pub encoding: &'static str,
    /// The encoding was guessed from byte statistics (no mark, not UTF-8).
    pub guessed: bool,
    /// The file's bytes, kept while the page is open so the reader can
    /// choose another encoding.
    pub bytes: Vec<u8>,
    /// A saved web page (by its name or its first bytes), not a text dump.
    pub html: bool,
}

/// Why a file could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadError {
    /// The browser refused or failed to read it.
    Unreadable(String),
    /// Over [`MAX_FILE_BYTES`]; not read at all.
    TooLarge(String, u64),
    /// An image, archive, PDF or other binary file.
    NotText(String, &'static str),
    /// Empty, or only whitespace.
    Empty(String),
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadError::Unreadable(name) => write!(f, "{name}: the file could not be read"),
            ReadError::TooLarge(name, size) => write!(
                f,
                "{name}: too large to read ({} MB; Folio reads files up to {} MB)",
                size / 1_000_000,
                (MAX_FILE_BYTES / 1_000_000.0) as u64
            ),
            ReadError::NotText(name, kind) => {
                write!(f, "{name}: not a text file (it looks like {kind})")
            }
            ReadError::Empty(name) => write!(f, "{name}: nothing to read (the file is empty)"),
        }
    }
}

/// The files in a `FileList` (from a picker or a drop), in order.
pub fn files_of(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(list) = list else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

/// Decode `bytes` (after `skip` mark bytes) with the browser's decoder for `label`.
pub fn decode_with(label: &str, bytes: &[u8], skip: usize) -> Option<String> {
    let decoder = web_sys::TextDecoder::new_with_label(label).ok()?;
    decoder
        .decode_with_u8_array(&bytes[skip.min(bytes.len())..])
        .ok()
}

/// Read one file as text, decoded as a browser reads a page.
pub async fn read_file(file: web_sys::File) -> Result<LoadedText, ReadError> {
    let name = file.name();
    if file.size() > MAX_FILE_BYTES {
        return Err(ReadError::TooLarge(name, file.size() as u64));
    }
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| ReadError::Unreadable(name.clone()))?;
    let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
    match sniff(&bytes) {
        Sniffed::Empty => Err(ReadError::Empty(name)),
        Sniffed::Binary(kind) => Err(ReadError::NotText(name, kind)),
        Sniffed::Text {
            encoding,
            bom,
            guessed,
        } => {
            let html = is_saved_page(&name) || looks_like_html(&bytes);
            // A page's own <meta charset> outranks a statistical guess.
            let declared = (html && guessed)
                .then(|| declared_charset(&bytes))
                .flatten();
            let (encoding, guessed) = match declared
                .as_deref()
                .and_then(|d| ENCODINGS.iter().find(|e| **e == d))
            {
                Some(label) => (*label, false),
                None => (encoding, guessed),
            };
            let text = decode_with(encoding, &bytes, bom)
                .ok_or_else(|| ReadError::Unreadable(name.clone()))?;
            Ok(LoadedText {
                name,
                text,
                encoding,
                guessed,
                bytes,
                html,
            })
        }
    }
}

/// Whether a file is a saved web page (read by the HTML reader, not as text).
pub fn is_saved_page(name: &str) -> bool {
    let lowered = name.to_lowercase();
    lowered.ends_with(".html") || lowered.ends_with(".htm")
}

/// Encodings the reader can choose from when a guess was wrong.
pub const ENCODINGS: [&str; 12] = [
    "utf-8",
    "utf-16le",
    "utf-16be",
    "windows-1251",
    "koi8-r",
    "koi8-u",
    "windows-1252",
    "iso-8859-2",
    "windows-1250",
    "shift_jis",
    "gbk",
    "euc-kr",
];

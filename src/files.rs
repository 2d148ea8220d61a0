//! Reading files the user picked or dropped: the one place that turns a
//! browser `File` into text for the parser. The page only reads the bytes
//! ([`read_bytes`]); the parser's worker sniffs them (`folio_core::decode`),
//! decodes them with its own `TextDecoder` and parses them
//! ([`decode_file`]), so a 50 MB file is never decoded on the page.

pub use folio_core::decode::is_saved_page;
use folio_core::decode::{plan_reading, NotRead};

use crate::protocol::Failure;
use wasm_bindgen_futures::JsFuture;

/// Files larger than this are refused before they are read.
pub const MAX_FILE_BYTES: f64 = 200.0 * 1024.0 * 1024.0;

/// A file's text as the worker decoded it.
#[derive(Debug, Clone, PartialEq)]
pub struct Decoded {
    pub text: String,
    /// The encoding's WHATWG name, e.g. "utf-8", "windows-1251".
    pub encoding: String,
    /// The encoding was guessed from byte statistics (no mark, not UTF-8).
    pub guessed: bool,
    /// A saved web page (by its name or its first bytes), not a text dump.
    pub html: bool,
}

/// What the worker sends back for a file: the story, how the file was
/// read, and its text when it is small enough to keep in storage. A bigger
/// text is not sent (copying it to the page would hold the page up): the
/// page keeps the file's bytes, from which it can be read again.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct FileRead {
    pub article: folio_core::Article,
    pub text: Option<String>,
    /// Bytes of the decoded text.
    pub text_len: usize,
    pub encoding: String,
    pub guessed: bool,
    pub html: bool,
}

/// Why a file could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadError {
    /// The browser refused or failed to read it.
    Unreadable(String),
    /// Over [`MAX_FILE_BYTES`]; not read at all.
    TooLarge(String, u64),
    /// An image, archive, PDF or other binary file (the kind it looks like).
    NotText(String, String),
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

/// Read one file's bytes (off the main thread, by the browser); a file
/// over [`MAX_FILE_BYTES`] is refused unread.
pub async fn read_bytes(file: &web_sys::File) -> Result<js_sys::ArrayBuffer, ReadError> {
    let name = file.name();
    if file.size() > MAX_FILE_BYTES {
        return Err(ReadError::TooLarge(name, file.size() as u64));
    }
    JsFuture::from(file.array_buffer())
        .await
        .map(Into::into)
        .map_err(|_| ReadError::Unreadable(name))
}

/// A file's bytes as text, read as the CLI reads them
/// (`folio_core::decode::plan_reading`), decoded by the browser.
pub fn decode_file(name: &str, bytes: &[u8]) -> Result<Decoded, ReadError> {
    let reading = plan_reading(name, bytes).map_err(|e| match e {
        NotRead::Empty => ReadError::Empty(name.to_string()),
        NotRead::NotText(kind) => ReadError::NotText(name.to_string(), kind.to_string()),
    })?;
    // A label the browser does not know: the sniffed encoding, as the CLI does.
    let (decoder, guessed) = match web_sys::TextDecoder::new_with_label(&reading.encoding) {
        Ok(decoder) => (decoder, reading.guessed),
        Err(_) => (
            web_sys::TextDecoder::new_with_label(reading.fallback)
                .map_err(|_| ReadError::Unreadable(name.to_string()))?,
            true,
        ),
    };
    let text = decoder
        .decode_with_u8_array(&bytes[reading.bom.min(bytes.len())..])
        .map_err(|_| ReadError::Unreadable(name.to_string()))?;
    Ok(Decoded {
        text,
        encoding: decoder.encoding(),
        guessed,
        html: reading.html,
    })
}

impl ReadError {
    /// What the worker says of it (the page knows the file's name).
    pub fn failure(&self) -> Failure {
        match self {
            ReadError::NotText(_, kind) => Failure::NotText(kind.clone()),
            ReadError::Empty(_) => Failure::Empty,
            ReadError::TooLarge(..) | ReadError::Unreadable(_) => Failure::Unreadable,
        }
    }

    /// The error the worker's `failure` is for the file `name`.
    pub fn from_failure(name: String, failure: Failure) -> Self {
        match failure {
            Failure::Empty => ReadError::Empty(name),
            Failure::NotText(kind) => ReadError::NotText(name, kind),
            _ => ReadError::Unreadable(name),
        }
    }
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

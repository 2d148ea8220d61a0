//! Reading files the user picked or dropped: the one place that turns a
//! browser `File` into text for the parser.

use wasm_bindgen_futures::JsFuture;

/// A text the user loaded: a file's name and its content.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadedText {
    pub name: String,
    pub text: String,
}

/// Why a file could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadError {
    /// The browser refused or failed to read it.
    Unreadable(String),
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadError::Unreadable(name) => write!(f, "{name}: the file could not be read"),
        }
    }
}

/// The files in a `FileList` (from a picker or a drop), in order.
pub fn files_of(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(list) = list else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

/// Read one file as UTF-8 text (invalid bytes become U+FFFD, nothing is lost
/// silently: the parser sees every line).
pub async fn read_file(file: web_sys::File) -> Result<LoadedText, ReadError> {
    let name = file.name();
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| ReadError::Unreadable(name.clone()))?;
    let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
    Ok(LoadedText {
        name,
        text: String::from_utf8_lossy(&bytes).into_owned(),
    })
}

/// Whether a file is a saved web page (read by the HTML reader, not as text).
pub fn is_saved_page(name: &str) -> bool {
    let lowered = name.to_lowercase();
    lowered.ends_with(".html") || lowered.ends_with(".htm")
}

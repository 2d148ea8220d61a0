//! Browser storage: the one module that touches `localStorage`.
//!
//! The library is kept as one JSON document of the texts the reader loaded
//! (articles are parsed again on load: the text is the source of truth, so
//! a better parser improves old entries). localStorage rather than IndexedDB:
//! it is synchronous, so nothing is lost between a change and its save, and
//! its ~5 MB holds a few hundred articles; when it is full the reader is told
//! and what is on screen stays.

use folio_core::form::Form;
use serde::{Deserialize, Serialize};

const LIBRARY_KEY: &str = "folio.library.v1";

/// Texts longer than this are not stored: browsers give a page about 5 MB
/// of localStorage in all.
pub const MAX_STORED_TEXT_BYTES: usize = 2 * 1024 * 1024;
const DRAFT_KEY: &str = "folio.draft.v1";
const SETTINGS_KEY: &str = "folio.settings.v1";

/// A text the reader loaded, as stored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoredText {
    pub id: u64,
    pub name: String,
    pub text: String,
    /// What `text` is; entries saved before there were kinds are dumps.
    #[serde(default)]
    pub kind: TextKind,
    /// The encoding the file was read in, when it came from a file.
    #[serde(default)]
    pub encoding: Option<String>,
    /// The parser failed on this text: it is not parsed again on load.
    #[serde(default)]
    pub failed: bool,
    /// The form the reader chose to read the text as; `None`: the form
    /// it looks like.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub form: Option<Form>,
}

/// What a stored text is, and so how it is read.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum TextKind {
    /// A page's text, read by the parser.
    #[default]
    Dump,
    /// A story from a share link, in the share format.
    Shared,
    /// A saved web page's HTML, read by the HTML reader.
    Page,
}

/// Reading preferences, as stored.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Settings {
    pub theme: Theme,
    /// Text size as a multiple of the default.
    pub font_scale: f32,
    /// Line length in characters.
    pub measure: u32,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            theme: Theme::System,
            font_scale: 1.0,
            measure: 65,
        }
    }
}

/// Light, dark, or whatever the system prefers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Theme {
    System,
    Light,
    Dark,
}

impl Theme {
    /// The value of the page's `data-theme` attribute.
    pub fn as_str(self) -> &'static str {
        match self {
            Theme::System => "system",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }
}

/// Why storage failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StorageError {
    /// No storage: private browsing, disabled by the user, or not a browser.
    Unavailable,
    /// The browser refused to store more (quota).
    Full,
    /// What was stored could not be read back.
    Corrupt,
}

impl std::fmt::Display for StorageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            StorageError::Unavailable => {
                "browser storage is not available (private browsing, or turned off)"
            }
            StorageError::Full => "browser storage is full",
            StorageError::Corrupt => "what was stored could not be read",
        })
    }
}

fn storage() -> Result<web_sys::Storage, StorageError> {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .ok_or(StorageError::Unavailable)
}

fn read<T: for<'de> Deserialize<'de>>(key: &str) -> Result<Option<T>, StorageError> {
    let Some(json) = storage()?
        .get_item(key)
        .map_err(|_| StorageError::Unavailable)?
    else {
        return Ok(None);
    };
    serde_json::from_str(&json)
        .map(Some)
        .map_err(|_| StorageError::Corrupt)
}

fn write<T: Serialize>(key: &str, value: &T) -> Result<(), StorageError> {
    let json = serde_json::to_string(value).map_err(|_| StorageError::Corrupt)?;
    storage()?
        .set_item(key, &json)
        .map_err(|_| StorageError::Full)
}

/// The saved library, oldest first.
pub fn load_library() -> Result<Vec<StoredText>, StorageError> {
    read(LIBRARY_KEY).map(Option::unwrap_or_default)
}

/// Save the whole library.
pub fn save_library(texts: &[StoredText]) -> Result<(), StorageError> {
    write(LIBRARY_KEY, &texts)
}

/// The paste area's text from the last visit.
pub fn load_draft() -> String {
    read(DRAFT_KEY).ok().flatten().unwrap_or_default()
}

/// Keep the paste area's text across reloads.
pub fn save_draft(text: &str) -> Result<(), StorageError> {
    write(DRAFT_KEY, &text)
}

/// The reading preferences, or the defaults.
pub fn load_settings() -> Settings {
    read(SETTINGS_KEY).ok().flatten().unwrap_or_default()
}

/// Keep the reading preferences.
pub fn save_settings(settings: &Settings) -> Result<(), StorageError> {
    write(SETTINGS_KEY, settings)
}

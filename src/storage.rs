//! Browser storage: the one module that touches `localStorage`, and the
//! library's records in IndexedDB (through the store worker).
//!
//! The library is one IndexedDB record per entry: its text, how it was
//! read, and the Article the parser made (used as it is while the parser
//! is the same build; read again when it changed, so a better parser
//! improves old entries). A record is written when its entry is added or
//! changed and deleted when it is removed, never the whole library, so two
//! tabs never write over each other and a record this version cannot read
//! (damaged, or from a newer Folio) stays as it was. The reading settings
//! and the paste draft stay in localStorage; a library an older Folio kept
//! there (`folio.library.v1`) is moved in once and left where it was.

use std::collections::BTreeMap;

use folio_core::form::Form;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

/// Where an older Folio kept the whole library, as one JSON value.
const OLD_LIBRARY_KEY: &str = "folio.library.v1";
/// Set (to the date) once the old library was moved into IndexedDB.
const OLD_LIBRARY_MOVED_KEY: &str = "folio.library.v1.moved";

/// Texts longer than this are not stored (nor sent from the worker to
/// the page): shown for the visit only.
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
    /// The browser's storage failed for another reason.
    Failed,
}

impl std::fmt::Display for StorageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            StorageError::Unavailable => {
                "browser storage is not available (private browsing, or turned off)"
            }
            StorageError::Full => "browser storage is full",
            StorageError::Corrupt => "what was stored could not be read",
            StorageError::Failed => "browser storage failed",
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

/// A library entry as stored: the text, how it was read, and the Article
/// the parser made of it. Fields this version does not know (from a newer
/// Folio) are kept in `other` and written back as they were.
#[derive(Debug)]
pub struct StoredEntry {
    pub text: StoredText,
    /// When it was added (ms since 1970); the library is in this order.
    pub added: f64,
    /// The parser build that made `article` ([`folio_core::PARSER_BUILD`]).
    pub parser: Option<String>,
    /// The Article's JSON, kept as text: one this version cannot read is
    /// parsed again.
    pub article: Option<Box<RawValue>>,
    pub other: BTreeMap<String, Box<RawValue>>,
}

/// Take field `key` out of a record's fields, read as `T`: `Ok(None)` when
/// it is not there, `Err` when it does not read.
fn take<T: DeserializeOwned>(
    fields: &mut BTreeMap<String, Box<RawValue>>,
    key: &str,
) -> Result<Option<T>, serde_json::Error> {
    fields
        .remove(key)
        .map(|raw| serde_json::from_str(raw.get()))
        .transpose()
}

impl StoredEntry {
    /// Read a record's JSON; `None` when this version cannot (damaged, no
    /// id or text, or a kind it does not know).
    pub fn from_json(json: &str) -> Option<Self> {
        let mut fields: BTreeMap<String, Box<RawValue>> = serde_json::from_str(json).ok()?;
        let text = StoredText {
            id: take(&mut fields, "id").ok()??,
            name: take(&mut fields, "name").ok()??,
            text: take(&mut fields, "text").ok()??,
            kind: take(&mut fields, "kind").ok()?.unwrap_or_default(),
            encoding: take::<Option<String>>(&mut fields, "encoding")
                .ok()?
                .flatten(),
            failed: take(&mut fields, "failed").ok()?.unwrap_or(false),
            form: take::<Option<Form>>(&mut fields, "form").ok()?.flatten(),
        };
        Some(StoredEntry {
            text,
            added: take(&mut fields, "added").ok()?.unwrap_or(0.0),
            parser: take::<Option<String>>(&mut fields, "parser")
                .ok()?
                .flatten(),
            article: fields.remove("article"),
            other: fields,
        })
    }

    /// The record's JSON: the known fields, and the others as they were.
    pub fn to_json(&self) -> String {
        fn raw<T: Serialize + ?Sized>(value: &T) -> Option<Box<RawValue>> {
            serde_json::to_string(value)
                .ok()
                .and_then(|json| RawValue::from_string(json).ok())
        }
        let t = &self.text;
        let mut fields: BTreeMap<&str, Box<RawValue>> = self
            .other
            .iter()
            .map(|(k, v)| (k.as_str(), v.clone()))
            .collect();
        let known = [
            ("id", raw(&t.id)),
            ("name", raw(&t.name)),
            ("text", raw(&t.text)),
            ("kind", raw(&t.kind)),
            ("encoding", t.encoding.as_deref().and_then(raw)),
            ("failed", raw(&t.failed)),
            ("form", t.form.as_ref().and_then(raw)),
            ("added", raw(&self.added)),
            ("parser", self.parser.as_deref().and_then(raw)),
            ("article", self.article.clone()),
        ];
        for (key, value) in known {
            if let Some(value) = value {
                fields.insert(key, value);
            }
        }
        serde_json::to_string(&fields).unwrap_or_default()
    }

    /// The stored Article, when this parser build made it and it reads.
    pub fn current_article(&self) -> Option<folio_core::Article> {
        if self.parser.as_deref() != Some(folio_core::PARSER_BUILD) {
            return None;
        }
        // As the worker's replies are read: one reader for Articles.
        serde_json::from_slice(self.article.as_ref()?.get().as_bytes()).ok()
    }
}

/// The library as read back.
#[derive(Debug, Default)]
pub struct LoadedLibrary {
    /// The entries this version reads, oldest first.
    pub entries: Vec<StoredEntry>,
    /// Records it cannot read (damaged, or from a newer Folio): kept in
    /// storage untouched, not shown.
    pub unreadable: usize,
    /// What the reader should know about moving an older library in.
    pub note: Option<String>,
}

/// Read every record: those this version reads, and how many it cannot.
pub fn read_records(json: &str) -> LoadedLibrary {
    let pairs: Vec<(Box<RawValue>, Option<String>)> =
        serde_json::from_str(json).unwrap_or_default();
    let mut library = LoadedLibrary::default();
    for (_, record) in pairs {
        match record.as_deref().and_then(StoredEntry::from_json) {
            Some(entry) => library.entries.push(entry),
            None => library.unreadable += 1,
        }
    }
    library
        .entries
        .sort_by(|a, b| a.added.total_cmp(&b.added).then(a.text.id.cmp(&b.text.id)));
    library
}

/// The saved library: an older Folio's library moved in first (once),
/// then every record.
pub async fn load_library() -> Result<LoadedLibrary, StorageError> {
    let note = move_old_library().await;
    let json = crate::parse_worker::store_load().await?;
    let mut library = read_records(&json);
    library.note = note;
    Ok(library)
}

/// Move a library an older Folio kept in localStorage into IndexedDB,
/// record by record, never over a record already there; the old value is
/// left as it was. What the reader should know, if anything.
async fn move_old_library() -> Option<String> {
    let local = storage().ok()?;
    if local
        .get_item(OLD_LIBRARY_MOVED_KEY)
        .ok()
        .flatten()
        .is_some()
    {
        return None;
    }
    let old = local.get_item(OLD_LIBRARY_KEY).ok().flatten()?;
    let Ok(serde_json::Value::Array(items)) = serde_json::from_str::<serde_json::Value>(&old)
    else {
        return Some(format!(
            "The library an older Folio saved could not be read; it was left in browser storage as it is ({OLD_LIBRARY_KEY})"
        ));
    };
    let mut moved = true;
    for (at, item) in items.iter().enumerate() {
        // Keep each as it was written (kinds and fields this version may
        // not know included), in the order it had.
        let Some(id) = item.get("id").and_then(serde_json::Value::as_u64) else {
            moved = false;
            continue;
        };
        let mut record = item.clone();
        if let Some(fields) = record.as_object_mut() {
            fields
                .entry("added")
                .or_insert_with(|| serde_json::Value::from(at as f64));
        }
        if crate::parse_worker::store_add(id, &record.to_string())
            .await
            .is_err()
        {
            moved = false;
        }
    }
    if moved {
        let _ = local.set_item(
            OLD_LIBRARY_MOVED_KEY,
            &String::from(js_sys::Date::new_0().to_iso_string()),
        );
        None
    } else {
        Some(format!(
            "Some entries of the library an older Folio saved could not be moved; it was left in browser storage as it is ({OLD_LIBRARY_KEY})"
        ))
    }
}

/// Keep one entry (over what was stored for it).
pub async fn save_entry(entry: &StoredEntry) -> Result<(), StorageError> {
    crate::parse_worker::store_put(entry.text.id, &entry.to_json()).await
}

/// Forget one entry.
pub async fn delete_entry(id: u64) -> Result<(), StorageError> {
    crate::parse_worker::store_delete(id).await
}

/// Ask the browser to keep the library even when space runs short (it
/// may ask the reader); once per visit, when there is something to keep.
pub fn ask_to_persist() {
    thread_local! {
        static ASKED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }
    if ASKED.with(|a| a.replace(true)) {
        return;
    }
    if let Some(window) = web_sys::window() {
        let _ = window.navigator().storage().persist();
    }
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

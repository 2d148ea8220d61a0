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

use folio_core::Form;

use crate::protocol::Job;
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
/// The library entry the reader had open, reopened after a reload.
const LAST_STORY_KEY: &str = "folio.story.v1";

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

/// Text sizes the reader may choose: least, most, and the step between.
pub const FONT_SCALES: (f32, f32, f32) = (0.8, 1.6, 0.1);

/// A text size as a whole percentage (1.25 is 125).
pub fn percent(scale: f32) -> u32 {
    (scale * 100.0).round().max(0.0) as u32
}
/// Line lengths, in characters, the reader may choose from.
pub const MEASURE_RANGE: std::ops::RangeInclusive<u32> = 40..=100;

impl Settings {
    /// The settings within what the reader can choose: a stored value
    /// written by hand or by another version (`font_scale: 1e38`,
    /// `measure: 4294967295`) never reaches the page's style.
    pub fn valid(self) -> Settings {
        let (min, max, _) = FONT_SCALES;
        let default = Settings::default();
        Settings {
            theme: self.theme,
            // Not f32::clamp (see `reader_controls`).
            font_scale: if self.font_scale.is_finite() {
                self.font_scale.max(min).min(max)
            } else {
                default.font_scale
            },
            measure: self
                .measure
                .clamp(*MEASURE_RANGE.start(), *MEASURE_RANGE.end()),
        }
    }
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
/// Folio) are not read here; the store worker keeps them when it writes
/// the record again.
#[derive(Debug, Serialize, Deserialize)]
pub struct StoredEntry {
    pub id: u64,
    pub name: String,
    /// The text; `None` in a light record, which the store gives for the
    /// list without it ([`TextKey`] in its place) and which is written
    /// back without it, the stored text kept.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// What the text is known by, written beside it (the store worker
    /// lists the record without its text and without reading it again),
    /// and a light record's stand-in for it. Read from the text when
    /// there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text_key: Option<TextKey>,
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
    /// When it was added (ms since 1970); the library is in this order.
    #[serde(default)]
    pub added: u64,
    /// The parser build that made `article` ([`folio_core::PARSER_BUILD`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parser: Option<String>,
    /// The Article's JSON, kept as text: one this version cannot read is
    /// parsed again.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub article: Option<Box<RawValue>>,
    /// A light record's stand-in for its Article: what the list shows.
    #[serde(default, skip_serializing)]
    pub summary: Option<crate::library::Summary>,
}

impl StoredEntry {
    /// Read a record's JSON; `None` when this version cannot (damaged, no
    /// id, neither text nor its key, or a kind it does not know).
    pub fn from_json(json: &str) -> Option<Self> {
        serde_json::from_str(json)
            .ok()
            .filter(|e: &StoredEntry| e.text.is_some() || e.text_key.is_some())
    }

    /// What the text is known by, with or without the text at hand.
    pub fn key(&self) -> TextKey {
        match (&self.text, self.text_key) {
            (Some(text), _) => TextKey::of(text),
            (None, key) => key.unwrap_or_default(),
        }
    }

    /// The record's JSON (the store worker adds the fields of the record
    /// it replaces that this version does not know).
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
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

/// What a text is known by without it: its length in bytes and a hash of
/// them (FNV-1a, cut to 53 bits: exact as a JSON number). Two texts with
/// the same key are taken for the same text (for 5,000 texts of one length
/// the odds of a false match are about one in 10^9): the library's
/// duplicates are found by key, the texts themselves staying in storage.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextKey {
    pub len: usize,
    pub hash: u64,
}

impl TextKey {
    pub fn of(text: &str) -> TextKey {
        TextKey {
            len: text.len(),
            hash: folio_core::fnv1a(folio_core::FNV_START, text.as_bytes()) & MAX_ID,
        }
    }
}

/// The first line of an exported library (JSON Lines): what the file is.
/// Each line after it is one entry's record, as stored: its text, how it
/// was read, and its Article (the JSON the CLI writes).
#[derive(Debug, Serialize, Deserialize)]
pub struct LibraryHeader {
    pub folio_library: u32,
    pub entries: usize,
}

/// The export format's version.
pub const LIBRARY_FORMAT: u32 = 1;

/// An exported library: the header, then each of `records` (a record's
/// JSON, on one line) on a line of its own.
pub fn library_file(records: &[String]) -> String {
    let header = LibraryHeader {
        folio_library: LIBRARY_FORMAT,
        entries: records.len(),
    };
    let mut out = serde_json::to_string(&header).unwrap_or_default();
    for record in records {
        out.push('\n');
        out.push_str(record);
    }
    out.push('\n');
    out
}

/// The records of an exported library, and how many of its lines this
/// version cannot read; `None` when `text` is not an exported library.
pub fn import_library(text: &str) -> Option<(Vec<StoredEntry>, usize)> {
    let mut lines = text.lines().filter(|l| !l.trim().is_empty());
    let header: LibraryHeader = serde_json::from_str(lines.next()?).ok()?;
    if header.folio_library == 0 {
        return None;
    }
    let mut records = Vec::new();
    let mut unreadable = 0;
    for line in lines {
        // An exported record carries its text: one without is not read.
        match StoredEntry::from_json(line).filter(|r| r.text.is_some()) {
            Some(record) => records.push(record),
            None => unreadable += 1,
        }
    }
    Some((records, unreadable))
}

/// The fields of a record this version writes; the store worker keeps a
/// replaced record's other fields (a newer Folio's) as they were, and its
/// text and Article when the new record comes without them (the page did
/// not hold them: an entry read back is listed without both).
pub const RECORD_FIELDS: &[&str] = &[
    "id", "name", "text", "text_key", "kind", "encoding", "failed", "form", "added", "parser",
    "article",
];

/// `record` with the fields of `replaced` (the record it replaces) that
/// are not among [`RECORD_FIELDS`]: what a newer Folio stored stays; and
/// the replaced text and Article when `record` has none.
pub fn keep_other_fields(record: &str, replaced: &str) -> String {
    use serde_json::{Map, Value};
    let (Ok(mut fields), Ok(old)) = (
        serde_json::from_str::<Map<String, Value>>(record),
        serde_json::from_str::<Map<String, Value>>(replaced),
    ) else {
        return record.to_string();
    };
    for (key, value) in old {
        if !RECORD_FIELDS.contains(&key.as_str()) || matches!(key.as_str(), "text" | "article") {
            fields.entry(key).or_insert(value);
        }
    }
    Value::Object(fields).to_string()
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
    /// Records read, and the greatest key among them: where the next part
    /// of the library starts.
    pub records: usize,
    pub last_key: Option<u64>,
}

/// Records read back at a time: a small first part is listed at once, the
/// rest follows in bigger ones (a big library opens without waiting for
/// all of it).
const FIRST_PART: u32 = 12;
const LIBRARY_PART: u32 = 200;

/// The largest id an entry may have: JSON numbers are exact up to 2^53.
pub const MAX_ID: u64 = (1 << 53) - 1;

/// Read every record: those this version reads, and how many it cannot.
pub fn read_records(json: &str) -> LoadedLibrary {
    let pairs: Vec<(Box<RawValue>, Option<String>)> =
        serde_json::from_str(json).unwrap_or_default();
    let mut library = LoadedLibrary {
        records: pairs.len(),
        last_key: pairs
            .iter()
            .filter_map(|(key, _)| serde_json::from_str::<u64>(key.get()).ok())
            .max(),
        ..LoadedLibrary::default()
    };
    let mut ids = std::collections::HashSet::new();
    for (_, record) in pairs {
        match record.as_deref().and_then(StoredEntry::from_json) {
            // Ids are exact JSON numbers and unique: a record with an id
            // beyond 2^53 or one another record has is left where it is.
            Some(entry) if entry.id <= MAX_ID && ids.insert(entry.id) => {
                library.entries.push(entry)
            }
            _ => library.unreadable += 1,
        }
    }
    library.entries.sort_unstable_by_key(|e| (e.added, e.id));
    library
}

/// The first part of the saved library, an older Folio's library moved
/// in first (once); [`load_library_part`] gives the rest. Records whose
/// Article this parser build made come light (no text).
pub async fn load_library() -> Result<LoadedLibrary, StorageError> {
    let note = move_old_library().await;
    let mut library = read_part(None, FIRST_PART).await?;
    library.note = note;
    Ok(library)
}

/// [`LIBRARY_PART`] records of the saved library, those with keys after
/// `after` (all from the start when `None`).
pub async fn load_library_part(after: Option<u64>) -> Result<LoadedLibrary, StorageError> {
    read_part(after, LIBRARY_PART).await
}

/// Up to `limit` records with keys after `after`, read.
async fn read_part(after: Option<u64>, limit: u32) -> Result<LoadedLibrary, StorageError> {
    let json = crate::parse_worker::store_load(Job::Load { after, limit }, "").await?;
    Ok(read_records(&json))
}

/// The stored entries `query` finds, each with the passage of its story
/// where the words are: searched in the store's worker, beside the
/// records (the page holds no search text for the entries it lists
/// without their story).
pub async fn search_stored(query: &str) -> Result<Vec<(u64, Option<String>)>, StorageError> {
    let hits = crate::parse_worker::store_load(Job::Search, query).await?;
    Ok(read_hits(&hits))
}

/// The store worker's search hits: a line each, the entry's id, and a tab
/// and the passage when there is one; in the order of their ids (the
/// store's keys), as the worker gives them.
fn read_hits(hits: &str) -> Vec<(u64, Option<String>)> {
    hits.lines()
        .filter_map(|line| {
            let (id, passage) = match line.split_once('\t') {
                Some((id, passage)) => (id, Some(passage.to_string())),
                None => (line, None),
            };
            Some((id.parse().ok()?, passage))
        })
        .collect()
}

/// The library as one exported file, written by the store's worker from
/// every record as stored, and `held`: the records of entries the page
/// holds that are not stored (one JSON per line).
pub async fn export_file(held: &str) -> Result<String, StorageError> {
    crate::parse_worker::store_load(Job::Library, held).await
}

/// The stored record of entry `id`, whole: what an entry listed without
/// its text and story fetches when it needs either.
pub async fn stored_record(id: u64) -> Result<StoredEntry, StorageError> {
    let json = crate::parse_worker::store_load(Job::Get { id }, "").await?;
    StoredEntry::from_json(&json)
        .filter(|record| record.id == id && record.text.is_some())
        .ok_or(StorageError::Corrupt)
}

/// The stored text of entry `id`.
pub async fn stored_text(id: u64) -> Result<String, StorageError> {
    Ok(stored_record(id).await?.text.unwrap_or_default())
}

/// Move a library an older Folio kept in localStorage into IndexedDB (in
/// one transaction, never over a record already there); the old value is
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
    match crate::parse_worker::store_move_in(&old).await {
        Ok(()) => {
            let moved = String::from(js_sys::Date::new_0().to_iso_string());
            let _ = local.set_item(OLD_LIBRARY_MOVED_KEY, &moved);
            None
        }
        Err(StorageError::Corrupt) => Some(format!(
            "The library an older Folio saved could not be read; it was left in browser storage as it is ({OLD_LIBRARY_KEY})"
        )),
        Err(e) => Some(format!(
            "The library an older Folio saved could not be moved ({e}); it was left in browser storage as it is ({OLD_LIBRARY_KEY}), and is moved on a later visit"
        )),
    }
}

/// The records an older Folio's library (`folio.library.v1`: a JSON array
/// of entries) becomes, keyed by id, each as it was written (kinds and
/// fields this version may not know included) with its place in the
/// library as its time added; `None` when it is not such an array.
pub fn old_library_records(old: &str) -> Option<Vec<(u64, String)>> {
    let serde_json::Value::Array(items) = serde_json::from_str(old).ok()? else {
        return None;
    };
    items
        .into_iter()
        .enumerate()
        .map(|(at, mut item)| {
            let id = item.get("id")?.as_u64()?;
            let fields = item.as_object_mut()?;
            fields
                .entry("added")
                .or_insert_with(|| serde_json::Value::from(at));
            Some((id, item.to_string()))
        })
        .collect()
}

/// Keep one entry (over what was stored for it).
pub async fn save_entry(entry: &StoredEntry) -> Result<(), StorageError> {
    crate::parse_worker::store_put(entry.id, &entry.to_json()).await
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

/// The id of the library entry the reader had open last, if any.
pub fn load_last_story() -> Option<u64> {
    read(LAST_STORY_KEY).ok().flatten()
}

/// Remember the library entry the reader has open.
pub fn save_last_story(id: u64) {
    // Not kept (no storage, or full): the next visit opens on the paste area.
    let _ = write(LAST_STORY_KEY, &id);
}

/// The reading preferences, or the defaults.
pub fn load_settings() -> Settings {
    read::<Settings>(SETTINGS_KEY)
        .ok()
        .flatten()
        .unwrap_or_default()
        .valid()
}

/// Keep the reading preferences.
pub fn save_settings(settings: &Settings) -> Result<(), StorageError> {
    write(SETTINGS_KEY, settings)
}

/// Sites whose stories show their pictures without being asked, one per
/// line (a plain list: nothing the page parses as JSON).
const IMAGE_SITES_KEY: &str = "folio.images.sites.v1";

/// `sites` (one per line) with `site` in it or not.
pub fn with_site(sites: &str, site: &str, listed: bool) -> String {
    let mut kept: Vec<&str> = sites
        .lines()
        .filter(|s| !s.is_empty() && *s != site)
        .collect();
    if listed {
        kept.push(site);
    }
    kept.join("\n")
}

fn image_sites() -> String {
    storage()
        .ok()
        .and_then(|s| s.get_item(IMAGE_SITES_KEY).ok().flatten())
        .unwrap_or_default()
}

/// Whether the reader chose to see the pictures of `site`'s stories
/// without asking each time.
pub fn shows_images_of(site: &str) -> bool {
    image_sites().lines().any(|s| s == site)
}

/// Remember (or forget) that `site`'s pictures are shown without asking.
pub fn show_images_of(site: &str, always: bool) -> Result<(), StorageError> {
    storage()?
        .set_item(IMAGE_SITES_KEY, &with_site(&image_sites(), site, always))
        .map_err(|_| StorageError::Full)
}

#[cfg(test)]
mod tests {
    use super::{import_library, keep_other_fields, with_site, StoredEntry, TextKey};

    #[test]
    fn a_light_record_reads_by_its_text_key_and_one_with_neither_does_not() {
        let key = TextKey::of("Héllo, world");
        assert_eq!(key.len, 13);
        assert_ne!(key, TextKey::of("Héllo, world!"));
        let light = format!(
            r#"{{"id":7,"name":"a.txt","text_key":{},"kind":"Dump"}}"#,
            serde_json::to_string(&key).unwrap()
        );
        // The hash travels as a JSON number, exact.
        assert!(key.hash <= super::MAX_ID && light.contains(&key.hash.to_string()));
        let record = StoredEntry::from_json(&light).unwrap();
        assert_eq!((record.text.as_deref(), record.key()), (None, key));
        // Written back without a text, with the key of the one stored.
        let written = record.to_json();
        assert!(!written.contains("\"text\"") && written.contains(&key.hash.to_string()));
        let whole = StoredEntry::from_json(r#"{"id":7,"name":"a.txt","text":"Héllo, world"}"#);
        assert_eq!(whole.unwrap().key(), key);
        assert!(StoredEntry::from_json(r#"{"id":7,"name":"a.txt"}"#).is_none());
    }

    #[test]
    fn search_hits_read_with_and_without_a_passage() {
        let hits = super::read_hits("7\t…the words, as written…\n12\nnot an id\n");
        assert_eq!(
            hits,
            [(7, Some("…the words, as written…".into())), (12, None)]
        );
    }

    #[test]
    fn a_record_written_without_its_text_keeps_the_stored_one() {
        let stored = r#"{"id":7,"name":"a.txt","text":"the story","article":{"headline":"A"},"form":"Markdown","video":1}"#;
        let fields = |json: &str| serde_json::from_str::<serde_json::Value>(json).unwrap();
        let kept = fields(&keep_other_fields(r#"{"id":7,"name":"b.txt"}"#, stored));
        assert_eq!(kept["text"], "the story");
        assert_eq!(kept["article"]["headline"], "A");
        assert_eq!(kept["name"], "b.txt");
        assert_eq!(kept["video"], 1);
        // The reader's own choices are not brought back: the form was cleared.
        assert!(kept.get("form").is_none());
        let edited = fields(&keep_other_fields(
            r#"{"id":7,"text":"new","article":{"headline":"B"}}"#,
            stored,
        ));
        assert_eq!(edited["text"], "new");
        assert_eq!(edited["article"]["headline"], "B");
    }

    #[test]
    fn an_exported_library_without_a_text_in_a_line_skips_that_line() {
        let file = "{\"folio_library\":1,\"entries\":2}\n{\"id\":1,\"name\":\"a\",\"text\":\"x\"}\n{\"id\":2,\"name\":\"b\",\"text_key\":{\"len\":1,\"hash\":170}}\n";
        let (records, unreadable) = import_library(file).unwrap();
        assert_eq!((records.len(), unreadable), (1, 1));
    }

    #[test]
    fn a_site_is_listed_once_and_forgotten_alone() {
        let sites = with_site("", "example.com", true);
        assert_eq!(sites, "example.com");
        let sites = with_site(&sites, "news.example.org", true);
        assert_eq!(
            with_site(&sites, "example.com", true),
            "news.example.org\nexample.com"
        );
        assert_eq!(with_site(&sites, "example.com", false), "news.example.org");
        assert_eq!(
            with_site("\n\nexample.com\n", "other.net", false),
            "example.com"
        );
    }
}

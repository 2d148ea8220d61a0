//! What the reader can do, and what the page does on its own (reading the
//! library back, keeping the draft, opening a share link, reading a paste
//! as it is typed): each an action on the [`AppState`], so the view only
//! wires controls to them.

use std::sync::Arc;

use folio_core::share::{encode_story, ShareOptions};
use folio_core::{Article, Form};
use leptos::ev;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use crate::app_state::{
    import_summary, library_summary, next_in_list, paste_kept, AppState, Found, PasteKept, Shown,
};
use crate::download::{download, file_stem};
use crate::files::{decode_with, read_bytes};
use crate::library::{fresh_id, repeat_of, Entry, Repeat};
use crate::parse_worker::{
    export_in_worker, parse_in_worker, parse_text_as_in_worker, read_example_in_worker,
    read_in_worker, stops, story_in_worker, yield_to_page, WorkerError,
};
use crate::protocol::Failure;
use crate::share_link;
use crate::storage::{self, TextKey, TextKind};
use crate::EXAMPLE_NAME;

/// Pastes longer than this show a status line while the worker reads them.
const PASTE_STATUS_BYTES: usize = 512 * 1024;
/// The library name of a text pasted whole into the library.
const PASTED_NAME: &str = "Pasted text";

thread_local! {
    /// Whether the parser's worker has read the example once.
    static WARMED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// What [`AppState::bring_back`] did.
struct BroughtBack {
    added: usize,
    /// Records whose id or very text was in the library already.
    repeated: usize,
    /// "name: why" of each entry the parser failed on (kept, marked).
    failures: Vec<String>,
}

/// Start the parser's worker and run it once over the example, so the
/// first paste reads at once (the browser compiles Wasm quickly first, and
/// for speed only once code has run). Once per visit, and only after what
/// the page opens with is shown: the library's first rows, or a share
/// link's story (on two cores, compiling the parser beside them holds
/// them back).
async fn warm_parser() {
    if !WARMED.with(|w| w.replace(true)) {
        let _ = read_example_in_worker().await;
    }
}

/// An entry's text read as what it is: a saved page, a shared story
/// (kept, with why, when it no longer reads), or a text dump in `form`
/// (the form it looks like when `None`).
async fn read_entry_text(
    text: String,
    kind: TextKind,
    form: Option<Form>,
) -> Result<Article, WorkerError> {
    match kind {
        TextKind::Page => parse_in_worker(text, true).await,
        TextKind::Shared => story_in_worker(text).await.map(|story| {
            story.unwrap_or_else(|failure| {
                let why = match failure {
                    Failure::Story(why) => why,
                    _ => "it is damaged".into(),
                };
                Article {
                    diagnostics: vec![format!("this shared story could not be read again: {why}")],
                    ..Article::default()
                }
            })
        }),
        TextKind::Dump => parse_text_as_in_worker(text, form).await,
    }
}

/// Insert `entry` into `list` in order of time added.
fn insert_in_order(list: &mut Vec<Entry>, entry: Entry) {
    let at = list.partition_point(|e| (e.added, e.id) < (entry.added, entry.id));
    list.insert(at, entry);
}

impl AppState {
    /// Start what the page does on its own: keep the draft, the settings
    /// and the story shown; read the library back; open a share link in
    /// the address (now and when it changes); read pastes; listen to keys.
    pub fn start(self) {
        self.say_what_is_unsaved();
        let AppState {
            draft,
            settings,
            shown,
            share_open,
            ..
        } = self;
        Effect::new(move |_| {
            if let Err(e) = draft.with(|d| storage::save_draft(d)) {
                self.say(format!(
                    "The paste area's text is shown but not kept across reloads: {e}"
                ));
            }
        });
        Effect::new(move |_| {
            let _ = storage::save_settings(&settings.get());
        });
        Effect::new(move |_| {
            if let Shown::Entry(id) = shown.get() {
                storage::save_last_story(id);
                self.open_stored(id);
            }
        });
        // With a share link, its story warms the parser once it is shown.
        let link = self.open_fragment();
        spawn_local(self.read_library_back(storage::load_last_story(), !link));
        let hash_listener = window_event_listener(ev::hashchange, move |_| {
            self.open_fragment();
        });
        on_cleanup(move || hash_listener.remove());
        // The share panel is for the story shown when it opened: another
        // story closes it, so the clipboard is written only when the
        // reader asks.
        Effect::new(move |_| {
            shown.track();
            share_open.set(false);
        });
        self.read_pastes();
        self.search_stored();
        let keys = window_event_listener(ev::keydown, move |ev| self.on_key(ev));
        on_cleanup(move || keys.remove());
    }

    /// Entry `id` is shown: when the library lists it without its story
    /// (read back from storage), fetch the story.
    fn open_stored(self, id: u64) {
        let light = self
            .entries
            .with_untracked(|l| l.iter().any(|e| e.id == id && e.article.is_none()));
        if !light || self.opened_id.get_value() == Some(id) {
            return;
        }
        spawn_local(async move {
            let article = storage::stored_record(id)
                .await
                .and_then(|r| r.current_article().ok_or(storage::StorageError::Corrupt));
            match article {
                // Only while it is still the one shown.
                Ok(article) if self.shown.get_untracked() == Shown::Entry(id) => {
                    self.opened_id.set_value(Some(id));
                    self.opened.set(Some(Arc::new(article)));
                }
                Ok(_) => {}
                Err(e) => self.say(format!("The story could not be read back: {e}")),
            }
        });
    }

    /// Entries the browser would not keep are named, with why, whenever
    /// that list changes.
    fn say_what_is_unsaved(self) {
        Effect::new(move |_| {
            let names: Vec<String> = self.unsaved.with(|u| {
                self.entries.with_untracked(|l| {
                    l.iter()
                        .filter(|e| u.contains(&e.id))
                        .map(|e| e.name.clone())
                        .collect()
                })
            });
            if let (false, Some(why)) = (names.is_empty(), self.unsaved_why.get_untracked()) {
                self.say(format!(
                    "Shown but not kept ({why}): {}. They are kept as soon as there is room; removing entries makes room.",
                    names.join(", ")
                ));
            }
        });
    }

    /// Keep entry `id`'s record in browser storage; when the browser will
    /// not, note it in `unsaved` (with why) until a later write succeeds.
    /// One body for every caller: the page's Wasm carries it once.
    #[inline(never)]
    pub fn persist(self, id: u64) {
        let Some(record) = self.entries.with_untracked(|l| {
            l.iter()
                .find(|e| e.id == id)
                .filter(|e| e.fits_storage())
                .map(Entry::stored)
        }) else {
            return;
        };
        spawn_local(async move {
            match storage::save_entry(&record).await {
                Ok(()) => {
                    self.unsaved.update(|u| u.retain(|x| *x != id));
                    storage::ask_to_persist();
                }
                Err(e) => {
                    self.unsaved_why.set(Some(e));
                    self.unsaved.update(|u| {
                        if !u.contains(&id) {
                            u.push(id);
                        }
                    });
                }
            }
        });
    }

    /// Add `entry` to the library with a fresh id and the time now, and
    /// keep it; gives its id.
    pub fn add_entry(self, entry: Entry) -> u64 {
        let id = self.entries.with(|l| fresh_id(l));
        let added = js_sys::Date::now() as u64;
        let too_large = (!entry.fits_storage()).then(|| entry.name.clone());
        self.entries
            .update(|l| l.push(Entry { id, added, ..entry }));
        self.persist(id);
        if let Some(name) = too_large {
            self.say(format!(
                "{name}: too large to keep in browser storage; shown until this tab is closed"
            ));
        }
        id
    }

    /// Keep the paste area's `text`, read as `article`, as its library
    /// entry (see [`paste_kept`]); once the library is listed.
    fn keep_paste(self, text: String, article: Arc<Article>) {
        if self.library_busy.get_untracked() {
            self.paste_waiting_for_library.set_value(Some(text));
            return;
        }
        let key = TextKey::of(&text);
        let current = self.paste_entry.get_value().and_then(|id| {
            self.entries.with_untracked(|l| {
                l.iter()
                    .find(|e| e.id == id)
                    .map(|e| (id, e.text_key == key))
            })
        });
        let same_text = || {
            self.entries
                .with_untracked(|l| l.iter().find(|e| e.text_key == key).map(|e| e.id))
        };
        let id = match paste_kept(current, same_text) {
            PasteKept::Unchanged(id) | PasteKept::Found(id) => id,
            PasteKept::Edited(id) => {
                self.entries.update(|l| {
                    if let Some(entry) = l.iter_mut().find(|e| e.id == id) {
                        entry.edit(text, article);
                    }
                });
                self.persist(id);
                id
            }
            PasteKept::New => self.add_entry(Entry::parsed(
                0,
                PASTED_NAME.into(),
                text,
                TextKind::Dump,
                Article::clone(&article),
            )),
        };
        self.paste_entry.set_value(Some(id));
        // The reader is looking at the paste: its entry is the one shown.
        if self.shown.get_untracked() == Shown::Pasted {
            self.show(id);
        }
    }

    /// The library is listed: a paste read meanwhile is kept now.
    fn library_listed(self) {
        self.library_busy.set(false);
        let text = self
            .paste_waiting_for_library
            .try_update_value(Option::take)
            .flatten();
        if let (Some(text), Some(article)) = (text, self.pasted.get_untracked()) {
            self.keep_paste(text, article);
        }
    }

    /// Read the stored library back, part by part (the first is listed at
    /// once, the rest follows), and show `last_story` (the story open
    /// before the reload) once its part is listed, unless a shared story
    /// or the reader's own choice came first; `warm` the parser once the
    /// first part is listed.
    async fn read_library_back(self, mut last_story: Option<u64>, warm: bool) {
        let mut library = match storage::load_library().await {
            Ok(library) => library,
            Err(e) => {
                self.library_listed();
                if warm {
                    spawn_local(warm_parser());
                }
                self.say(format!(
                    "The saved library could not be opened: {e}. Nothing stored was changed; new entries are kept for this visit only."
                ));
                return;
            }
        };
        let mut notes: Vec<String> = library.note.take().into_iter().collect();
        let (mut unreadable, mut failures) = (0, Vec::new());
        let mut first_part = true;
        loop {
            unreadable += library.unreadable;
            failures.extend(self.list_part(library.entries).await);
            if warm && std::mem::take(&mut first_part) {
                spawn_local(warm_parser());
            }
            if let Some(id) = last_story {
                if self
                    .entries
                    .with_untracked(|l| l.iter().any(|e| e.id == id))
                {
                    if self.shown.get_untracked() == Shown::Pasted {
                        self.show(id);
                    }
                    last_story = None;
                }
            }
            let after = library.last_key;
            if library.records == 0 || after.is_none() {
                break;
            }
            match storage::load_library_part(after).await {
                Ok(next) if next.last_key > after => library = next,
                Ok(_) => break,
                Err(e) => {
                    notes.push(format!("Part of the saved library could not be read: {e}"));
                    break;
                }
            }
        }
        if let Some(said) = library_summary(notes, unreadable, &failures) {
            self.say(said);
        }
        // Read back, and what it found said.
        self.library_listed();
    }

    /// List one part of the stored library: entries whose stored Article
    /// this parser made at once; the others read again, in order, and
    /// stored anew. Entries added while the library is read (a file
    /// dropped at once) stay: the stored ones join them, in order of time
    /// added. Gives the failures.
    async fn list_part(self, records: Vec<storage::StoredEntry>) -> Vec<String> {
        let (ready, stale): (Vec<_>, Vec<_>) = records
            .into_iter()
            .map(|s| (Entry::restored(&s), s))
            .partition(|(e, _)| e.is_some());
        self.entries.update(|l| {
            let known: std::collections::HashSet<u64> = l.iter().map(|e| e.id).collect();
            l.extend(
                ready
                    .into_iter()
                    .filter_map(|(e, _)| e)
                    .filter(|e| !known.contains(&e.id)),
            );
            l.sort_unstable_by_key(|e| (e.added, e.id));
        });
        let stale = stale.into_iter().map(|(_, s)| s).collect();
        self.bring_back(stale, false).await.failures
    }

    /// Put stored records back in the library, in order of their time
    /// added: with their stored Article while this parser build made it,
    /// else read again in the worker (and stored again with the new one);
    /// with `skip_known`, not those whose id or very text is there already.
    async fn bring_back(self, records: Vec<storage::StoredEntry>, skip_known: bool) -> BroughtBack {
        let mut done = BroughtBack {
            added: 0,
            repeated: 0,
            failures: Vec::new(),
        };
        for s in records {
            let key = s.key();
            let known = skip_known
                && self
                    .entries
                    .with_untracked(|l| l.iter().any(|e| e.id == s.id || e.text_key == key));
            if known {
                done.repeated += 1;
                continue;
            }
            let entry = match Entry::restored(&s) {
                Some(entry) => entry,
                None => {
                    // A light record (its Article did not read) fetches its text.
                    let text = match &s.text {
                        Some(text) => text.clone(),
                        None => match storage::stored_text(s.id).await {
                            Ok(text) => text,
                            Err(e) => {
                                done.failures.push(format!("{}: {e}", s.name));
                                continue;
                            }
                        },
                    };
                    let mut result = read_entry_text(text.clone(), s.kind, s.form).await;
                    // Stopping a file batch is not this entry's failure.
                    if result == Err(WorkerError::Cancelled) {
                        result = read_entry_text(text.clone(), s.kind, s.form).await;
                    }
                    let (id, name) = (s.id, s.name.clone());
                    match result {
                        Ok(article) => {
                            Entry::parsed(id, name, text, s.kind, article).chosen_form(s.form)
                        }
                        Err(e) => {
                            done.failures.push(format!("{name}: {e}"));
                            Entry::failed(id, name, text, s.kind, e.to_string()).chosen_form(s.form)
                        }
                    }
                    .from_store(&s)
                }
            };
            let id = entry.id;
            self.entries.update(|l| insert_in_order(l, entry));
            self.persist(id);
            done.added += 1;
        }
        done
    }

    /// A share link in the address: open its story, read-only, beside the
    /// library (which it never touches). Whether there is one.
    fn open_fragment(self) -> bool {
        let fragment = share_link::current_fragment();
        let link = share_link::is_share_fragment(&fragment);
        if link {
            spawn_local(async move {
                match share_link::story_from(&fragment).await {
                    Ok(story) => {
                        self.shared.set(Some(Arc::new(story)));
                        self.shown.set(Shown::Shared);
                    }
                    Err(e) => self.say(e.to_string()),
                }
                warm_parser().await;
            });
        }
        link
    }

    /// Search the stored entries as the filter's text changes, and again
    /// as entries are listed (the library is read back part by part): in
    /// the store's worker, beside the records; an answer for a text the
    /// reader has typed past is dropped.
    fn search_stored(self) {
        Effect::new(move |_| {
            let query = self.query.get();
            self.entries.track();
            if query.trim().is_empty() {
                self.found.set(Found::default());
                return;
            }
            spawn_local(async move {
                let hits = storage::search_stored(&query).await.unwrap_or_default();
                if self.query.get_untracked() == query {
                    self.found.set(Found { hits });
                }
            });
        });
    }

    /// Read the paste area's text as it changes: one parse in flight, and
    /// only the latest text waiting behind it, so a burst of input events
    /// (a scripted paste fires one per line) reads the text once or twice,
    /// not once per event.
    fn read_pastes(self) {
        Effect::new(move |_| {
            let text = self.draft.get();
            if text.trim().is_empty() {
                self.paste_waiting.set_value(None);
                self.paste_waiting_for_library.set_value(None);
                self.paste_entry.set_value(None);
                self.pasted.set(None);
                self.paste_busy.set(false);
                return;
            }
            self.paste_busy.set(text.len() > PASTE_STATUS_BYTES);
            self.paste_waiting.set_value(Some(text));
            if self.paste_in_flight.get_value() {
                return;
            }
            self.paste_in_flight.set_value(true);
            spawn_local(self.read_waiting_pastes());
        });
    }

    async fn read_waiting_pastes(self) {
        while let Some(text) = self.paste_waiting.try_update_value(Option::take).flatten() {
            let result = parse_in_worker(text.clone(), false).await;
            // A newer paste came meanwhile: only the latest is shown.
            if self.paste_waiting.with_value(Option::is_some) {
                continue;
            }
            // The paste area was emptied meanwhile.
            if self.draft.with_untracked(|d| d.trim().is_empty()) {
                break;
            }
            match result {
                Ok(article) => {
                    let article = Arc::new(article);
                    self.pasted.set(Some(article.clone()));
                    self.keep_paste(text, article);
                }
                Err(e) => self.say(format!("The pasted text: {e}")),
            }
        }
        self.paste_busy.set(false);
        self.paste_in_flight.set_value(false);
    }

    /// Keep the shared story shown as a library entry.
    pub fn keep_shared(self) {
        let Some(story) = self.shared.get_untracked() else {
            return;
        };
        let name = story
            .headline
            .clone()
            .unwrap_or_else(|| "Shared story".into());
        let text = encode_story(&story, ShareOptions::default());
        let article = Article::clone(&story);
        let id = self.add_entry(Entry::parsed(0, name, text, TextKind::Shared, article));
        self.shared.set(None);
        share_link::clear_fragment();
        self.show(id);
    }

    /// Save the whole library as one file (JSON Lines): every record as
    /// stored, and the entries not kept yet (storage full) that this page
    /// holds.
    pub fn export_library(self) {
        let held: Vec<String> = self.entries.with_untracked(|l| {
            let unsaved = self.unsaved.get_untracked();
            l.iter()
                .filter(|e| unsaved.contains(&e.id) && e.fits_storage())
                .map(|e| e.stored().to_json())
                .collect()
        });
        spawn_local(async move {
            let day = String::from(js_sys::Date::new_0().to_iso_string());
            let name = format!("folio-library-{}.jsonl", day.get(..10).unwrap_or("export"));
            let result = match storage::export_file(&held.join("\n")).await {
                Ok(file) => download(&name, "application/jsonl", &file),
                // No store (a private window): the library is what the page holds.
                Err(storage::StorageError::Unavailable) => {
                    download(&name, "application/jsonl", &storage::library_file(&held))
                }
                Err(e) => Err(format!("The library could not be read for export: {e}")),
            };
            if let Err(e) = result {
                self.say(e);
            }
        });
    }

    /// Read dropped or picked files into the library, in order, with
    /// progress; the first one read is shown.
    pub fn load_files(self, files: Vec<web_sys::File>) {
        if files.is_empty() {
            return;
        }
        spawn_local(self.read_files(files));
    }

    async fn read_files(self, files: Vec<web_sys::File>) {
        let total = files.len();
        self.progress.set(Some((0, total)));
        let mut problems = Vec::new();
        let mut first = None;
        let started = stops();
        for (done, file) in files.into_iter().enumerate() {
            match self.load_file(file, started).await {
                Loaded::Entry(id, said) => {
                    first.get_or_insert(id);
                    problems.extend(said);
                }
                Loaded::Problem(said) => problems.push(said),
                Loaded::Stopped => {
                    problems.push(format!(
                        "stopped: {} of {total} files were not read",
                        total - done
                    ));
                    break;
                }
            }
            self.progress.set(Some((done + 1, total)));
        }
        self.progress.set(None);
        // A batch read without trouble leaves any other notice (a paste
        // that failed meanwhile) where it is.
        if !problems.is_empty() {
            self.say(problems.join("; "));
        }
        if let Some(id) = first {
            self.show(id);
        }
    }

    /// Read one file of a batch begun at stop count `started`.
    async fn load_file(self, file: web_sys::File, started: u64) -> Loaded {
        let name = file.name();
        let buffer = match read_bytes(&file).await {
            Ok(buffer) => buffer,
            Err(e) => return Loaded::Problem(e.to_string()),
        };
        // An exported library comes back entry by entry.
        if name.to_lowercase().ends_with(".jsonl") {
            let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
            let text = String::from_utf8_lossy(&bytes);
            if let Some((records, unreadable)) = storage::import_library(&text) {
                return Loaded::Problem(self.import_records(records, unreadable).await);
            }
        }
        // Stop may come while the bytes are read, before any parse is
        // under way for it to end.
        let result = if stops() == started {
            read_in_worker(&name, &buffer).await
        } else {
            Err(WorkerError::Cancelled)
        };
        let read = match result {
            Err(WorkerError::Cancelled) => return Loaded::Stopped,
            Err(e) => return Loaded::Problem(format!("{name}: {e}")),
            Ok(Err(e)) => return Loaded::Problem(e.to_string()),
            Ok(Ok(read)) => read,
        };
        let kind = if read.html {
            TextKind::Page
        } else {
            TextKind::Dump
        };
        // A page's bytes are not kept: it names its own encoding.
        let bytes = (!read.html).then(|| js_sys::Uint8Array::new(&buffer).to_vec());
        let text = read.text.unwrap_or_default();
        let repeat = self.entries.with_untracked(|l| {
            repeat_of(l, &text, &read.article).map(|(e, r)| (e.id, e.name.clone(), r))
        });
        let said = match repeat {
            Some((id, existing, Repeat::SameText)) => {
                let said = format!("{name}: already in the library as {existing}");
                return Loaded::Entry(id, Some(said));
            }
            Some((_, existing, Repeat::SameStory)) => Some(format!(
                "{name}: the same headline and source as {existing}; added all the same"
            )),
            None => None,
        };
        let entry = Entry::parsed(0, name, text, kind, read.article)
            .text_not_sent(read.text_len)
            .read_as(&read.encoding, read.guessed, bytes);
        let id = self.add_entry(entry);
        if read.text_len > storage::MAX_STORED_TEXT_BYTES {
            yield_to_page().await;
        }
        Loaded::Entry(id, said)
    }

    /// Entries from an exported library: each kept with its id and time
    /// (so importing twice adds nothing), unless its id or its very text is
    /// in the library already; its Article used as stored while this
    /// parser made it. Gives what the reader is told.
    async fn import_records(self, records: Vec<storage::StoredEntry>, unreadable: usize) -> String {
        let BroughtBack {
            added, repeated, ..
        } = self.bring_back(records, true).await;
        import_summary(added, repeated, unreadable)
    }

    /// A paste too big for the paste area: read in the worker, kept as a
    /// library entry (for this visit only when it is too big to store).
    pub fn paste_large(self, text: String) {
        spawn_local(async move {
            self.paste_busy.set(true);
            let result = parse_in_worker(text.clone(), false).await;
            self.paste_busy.set(false);
            match result {
                Ok(article) => {
                    let entry = Entry::parsed(0, PASTED_NAME.into(), text, TextKind::Dump, article);
                    self.show(self.add_entry(entry));
                }
                // Stopped or failed, the text is kept all the same.
                Err(e) => {
                    self.say(format!("The pasted text: {e}"));
                    self.add_entry(Entry::failed(
                        0,
                        PASTED_NAME.into(),
                        text,
                        TextKind::Dump,
                        e.to_string(),
                    ));
                }
            }
        });
    }

    /// Show the built-in example (read once, then kept as an entry).
    pub fn open_example(self) {
        let known = self
            .entries
            .with(|l| l.iter().find(|e| e.name == EXAMPLE_NAME).map(|e| e.id));
        if let Some(id) = known {
            self.show(id);
            return;
        }
        spawn_local(async move {
            match read_example_in_worker().await {
                Ok(read) => {
                    let entry = Entry::parsed(
                        0,
                        EXAMPLE_NAME.into(),
                        read.text.unwrap_or_default(),
                        TextKind::Dump,
                        read.article,
                    );
                    self.show(self.add_entry(entry));
                }
                Err(e) => self.say(format!("The example: {e}")),
            }
        });
    }

    /// Read entry `id`'s file again in the encoding `label` names.
    pub fn reread(self, id: u64, label: String) {
        let found = self.entries.with(|l| {
            l.iter()
                .find(|e| e.id == id)
                .map(|e| (e.name.clone(), e.bytes.clone()))
        });
        let Some((name, Some(bytes))) = found else {
            return;
        };
        let Some(text) = decode_with(&label, &bytes, 0) else {
            return;
        };
        spawn_local(async move {
            match parse_in_worker(text.clone(), false).await {
                Ok(article) => {
                    self.entries.update(|l| {
                        if let Some(entry) = l.iter_mut().find(|e| e.id == id) {
                            let fresh = Entry::parsed(id, name, text, TextKind::Dump, article);
                            let fresh = Entry {
                                added: entry.added,
                                ..fresh
                            };
                            *entry = fresh.read_as(&label, false, Some(bytes.to_vec()));
                        }
                    });
                    self.persist(id);
                }
                Err(e) => self.say(format!("{name}: {e}")),
            }
        });
    }

    /// Read entry `id`'s text again as `form` (or, for an entry the parser
    /// failed on, as the form it looks like: "Read it again").
    pub fn reread_form(self, id: u64, form: Option<Form>) {
        let Some((text, kind)) = self.entries.with(|l| {
            l.iter()
                .find(|e| e.id == id)
                .map(|e| (e.text.clone(), e.kind))
        }) else {
            return;
        };
        spawn_local(async move {
            let text = match text {
                Some(text) => text,
                None => match storage::stored_text(id).await {
                    Ok(text) => text,
                    Err(e) => return self.say(format!("The text could not be read back: {e}")),
                },
            };
            match read_entry_text(text, kind, form).await {
                Ok(article) => {
                    self.entries.update(|l| {
                        if let Some(entry) = l.iter_mut().find(|e| e.id == id) {
                            entry.set_article(Arc::new(article));
                            entry.form = form;
                            // Read at last: a failed entry read again is no longer failed.
                            entry.failed = false;
                        }
                    });
                    self.persist(id);
                }
                Err(e) => self.say(e.to_string()),
            }
        });
    }

    /// Remove entry `id` (undoable until the next removal). An entry
    /// listed without its text takes it from storage first, so that undo
    /// can keep it again; when it cannot, its record stays.
    pub fn remove(self, id: u64) {
        let gone = self
            .entries
            .try_update(|l| Some(l.remove(l.iter().position(|e| e.id == id)?)))
            .flatten();
        let light = gone
            .as_ref()
            .is_some_and(|e| e.text.is_none() || e.article.is_none());
        self.removed.set(gone);
        self.unsaved.update(|u| u.retain(|x| *x != id));
        spawn_local(async move {
            if light {
                match storage::stored_record(id).await {
                    Ok(record) => {
                        self.removed.update(|r| {
                            if let Some(entry) = r.as_mut().filter(|e| e.id == id) {
                                entry.article = entry
                                    .article
                                    .take()
                                    .or_else(|| record.current_article().map(Arc::new));
                                entry.text = entry.text.take().or(record.text);
                            }
                        });
                        // Put back meanwhile (its record written again):
                        // the record stays.
                        if self
                            .entries
                            .with_untracked(|l| l.iter().any(|e| e.id == id))
                        {
                            return;
                        }
                    }
                    Err(e) => {
                        return self.say(format!(
                            "The entry could not be removed from browser storage: {e}"
                        ))
                    }
                }
            }
            match storage::delete_entry(id).await {
                // Room freed: keep what could not be kept before.
                Ok(()) => self
                    .unsaved
                    .get_untracked()
                    .into_iter()
                    .for_each(|id| self.persist(id)),
                Err(e) => self.say(format!(
                    "The entry could not be removed from browser storage: {e}"
                )),
            }
        });
        if self.shown.get_untracked() == Shown::Entry(id) {
            self.shown.set(Shown::Pasted);
        }
    }

    /// Put the entry removed last back.
    pub fn undo_remove(self) {
        let Some(entry) = self.removed.try_update(Option::take).flatten() else {
            return;
        };
        let id = entry.id;
        self.entries.update(|l| insert_in_order(l, entry));
        self.persist(id);
        self.show(id);
    }

    /// Save the story shown as Markdown or as indented JSON (both written
    /// in the worker: the writers cost the page nothing).
    pub fn export(self, markdown: bool) {
        let Some(article) = self.article.get_untracked() else {
            return;
        };
        let stem = file_stem(article.headline.as_deref(), "article");
        spawn_local(async move {
            let result = match export_in_worker(&article, !markdown).await {
                Ok(text) if markdown => download(&format!("{stem}.md"), "text/markdown", &text),
                Ok(json) => download(&format!("{stem}.json"), "application/json", &json),
                Err(e) => Err(e.to_string()),
            };
            if let Err(e) = result {
                self.say(e);
            }
        });
    }

    /// Keyboard: "/" filter, "p" paste area, "j"/"k" or arrows move through
    /// the library, "s" share, Escape leaves a field or closes the share
    /// panel. Keys typed into fields are theirs.
    fn on_key(self, ev: ev::KeyboardEvent) {
        if ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
            return;
        }
        let in_field = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"));
        let focus = |id: &str| {
            if let Some(el) = document().get_element_by_id(id) {
                let _ = el.unchecked_into::<web_sys::HtmlElement>().focus();
            }
        };
        match ev.key().as_str() {
            "Escape" if in_field => {
                if let Some(el) = document().active_element() {
                    let _ = el.unchecked_into::<web_sys::HtmlElement>().blur();
                }
            }
            _ if in_field => {}
            "Escape" => self.share_open.set(false),
            "/" => {
                ev.prevent_default();
                focus("library-filter");
            }
            "p" => {
                ev.prevent_default();
                focus("paste");
            }
            "s" if self.article.with_untracked(Option::is_some) => {
                ev.prevent_default();
                self.share_open.set(true);
            }
            key @ ("j" | "k" | "ArrowDown" | "ArrowUp") => {
                let ids = self.visible_ids.get_untracked();
                let at = match self.shown.get_untracked() {
                    Shown::Entry(id) => ids.iter().position(|&i| i == id),
                    Shown::Pasted | Shown::Shared => None,
                };
                let Some(next) = next_in_list(&ids, at, matches!(key, "j" | "ArrowDown")) else {
                    return;
                };
                ev.prevent_default();
                self.show(next);
                focus(&format!("entry-{next}"));
            }
            _ => {}
        }
    }
}

/// What reading one file of a batch came to.
enum Loaded {
    /// Added as this entry, or its very text was in the library already
    /// as this one; and what the reader is told of it, if anything
    /// ("already in the library as …", "the same headline and source as …").
    Entry(u64, Option<String>),
    /// Not added, and why (or what an imported library file did).
    Problem(String),
    /// The reader stopped the batch.
    Stopped,
}

//! The whole page: input, library and reading controls on one side, the
//! story on the other. Owns the app's state and wires the components.

use std::collections::HashMap;
use std::sync::Arc;

use folio_core::share::{encode_story, ShareOptions};
use folio_core::Article;
use folio_core::Form;
use leptos::ev;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use super::article_view::ArticleView;
use super::input_panel::InputPanel;
use super::library::Library;
use super::reader_controls::ReaderControls;
use super::share_panel::SharePanel;
use crate::download::{download, file_stem};
use crate::files::{decode_with, files_of, read_bytes, ENCODINGS};
use crate::library::{fresh_id, repeat_of, title_key, Entry, Repeat};
use crate::parse_worker::{
    cancel_parsing, export_in_worker, parse_in_worker, parse_text_as_in_worker,
    read_example_in_worker, read_in_worker, stops, story_in_worker, yield_to_page, WorkerError,
};
use crate::share_link;
use crate::storage::{self, percent, TextKind};
use crate::EXAMPLE_NAME;

/// Pastes longer than this show a status line while the worker reads them.
const PASTE_STATUS_BYTES: usize = 512 * 1024;
/// The library name of a text pasted whole into the library.
const PASTED_NAME: &str = "Pasted text";

/// Which text the reader is looking at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shown {
    /// What is in the paste area.
    Pasted,
    /// The library entry with this id.
    Entry(u64),
    /// The story of the share link the page was opened with (read-only).
    Shared,
}

/// Keep entry `id`'s record in browser storage; when the browser will not,
/// note it in `unsaved` (with why) until a later write succeeds. One body
/// for every caller: the page's Wasm carries it once.
#[inline(never)]
fn keep_entry(
    entries: RwSignal<Vec<Entry>>,
    unsaved: RwSignal<Vec<u64>>,
    why: RwSignal<Option<storage::StorageError>>,
    id: u64,
) {
    let Some(record) = entries.with_untracked(|l| {
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
                unsaved.update(|u| u.retain(|x| *x != id));
                storage::ask_to_persist();
            }
            Err(e) => {
                why.set(Some(e));
                unsaved.update(|u| {
                    if !u.contains(&id) {
                        u.push(id);
                    }
                });
            }
        }
    });
}

/// What [`bring_back`] did.
struct BroughtBack {
    added: usize,
    /// Records whose id or very text was in the library already.
    repeated: usize,
    /// "name: why" of each entry the parser failed on (kept, marked).
    failures: Vec<String>,
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
            story.unwrap_or_else(|e| Article {
                diagnostics: vec![format!("this shared story could not be read again: {e}")],
                ..Article::default()
            })
        }),
        TextKind::Dump => parse_text_as_in_worker(text, form).await,
    }
}

/// Put stored records back in the library, in order of their time added:
/// with their stored Article while this parser build made it, else read
/// again in the worker (and stored again with the new one); with
/// `skip_known`, not those whose id or very text is there already.
async fn bring_back(
    entries: RwSignal<Vec<Entry>>,
    unsaved: RwSignal<Vec<u64>>,
    why: RwSignal<Option<storage::StorageError>>,
    records: Vec<storage::StoredEntry>,
    skip_known: bool,
) -> BroughtBack {
    let mut done = BroughtBack {
        added: 0,
        repeated: 0,
        failures: Vec::new(),
    };
    for s in records {
        let known = skip_known
            && entries.with_untracked(|l| l.iter().any(|e| e.id == s.id || e.has_text(&s.text)));
        if known {
            done.repeated += 1;
            continue;
        }
        let entry = match Entry::restored(&s) {
            Some(entry) => entry,
            None => {
                let mut result = read_entry_text(s.text.clone(), s.kind, s.form).await;
                // Stopping a file batch is not this entry's failure.
                if result == Err(WorkerError::Cancelled) {
                    result = read_entry_text(s.text.clone(), s.kind, s.form).await;
                }
                let (id, name, text) = (s.id, s.name.clone(), s.text.clone());
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
        entries.update(|l| {
            let at = l.partition_point(|e| (e.added, e.id) < (entry.added, entry.id));
            l.insert(at, entry);
        });
        keep_entry(entries, unsaved, why, id);
        done.added += 1;
    }
    done
}

thread_local! {
    /// Whether the parser's worker has read the example once.
    static WARMED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// The Folio app.
#[component]
pub fn App() -> impl IntoView {
    let notice = RwSignal::new(None::<String>);
    let entries = RwSignal::new(Vec::<Entry>::new());
    // Entries the browser would not keep (full, or no storage): listed for
    // the visit, and kept as soon as there is room.
    let unsaved = RwSignal::new(Vec::<u64>::new());
    let unsaved_why = RwSignal::new(None::<storage::StorageError>);
    // Keep one entry's record (after it was added or changed).
    let persist = move |id: u64| keep_entry(entries, unsaved, unsaved_why, id);
    Effect::new(move |_| {
        let names: Vec<String> = unsaved.with(|u| {
            entries.with_untracked(|l| {
                l.iter()
                    .filter(|e| u.contains(&e.id))
                    .map(|e| e.name.clone())
                    .collect()
            })
        });
        if let (false, Some(why)) = (names.is_empty(), unsaved_why.get_untracked()) {
            notice.set(Some(format!(
                "Shown but not kept ({why}): {}. They are kept as soon as there is room; removing entries makes room.",
                names.join(", ")
            )));
        }
    });
    let draft = RwSignal::new(storage::load_draft());
    let shown = RwSignal::new(Shown::Pasted);
    // The library is being read back (the list says so: `aria-busy`).
    let library_busy = RwSignal::new(true);
    let add_entry = move |entry: Entry| {
        let id = entries.with(|l| fresh_id(l));
        let added = js_sys::Date::now() as u64;
        let too_large = (!entry.fits_storage()).then(|| entry.name.clone());
        entries.update(|l| l.push(Entry { id, added, ..entry }));
        persist(id);
        if let Some(name) = too_large {
            notice.set(Some(format!(
                "{name}: too large to keep in browser storage; shown until this tab is closed"
            )));
        }
        id
    };
    // The library entry the paste area's text is kept as: one per distinct
    // paste, updated as the text is edited; a new one after the area was
    // emptied or all of its text pasted over.
    let paste_entry = StoredValue::new(None::<u64>);
    // The pasted story: parsed as you paste when the text is of a usual
    // size; a very long paste goes to the worker so the page keeps answering.
    let pasted = RwSignal::new(None::<Arc<Article>>);
    // The text of a paste read while the library is still being read back
    // (its entry may be among the stored ones): kept as an entry, with the
    // story in `pasted`, once the library is listed.
    let paste_waiting_for_library = StoredValue::new(None::<String>);
    let keep_paste = move |text: String, article: Arc<Article>| {
        if library_busy.get_untracked() {
            paste_waiting_for_library.set_value(Some(text));
            return;
        }
        // The paste's entry, and whether it holds this very text.
        let current = paste_entry.get_value().and_then(|id| {
            entries.with_untracked(|l| {
                l.iter()
                    .find(|e| e.id == id)
                    .map(|e| (id, e.has_text(&text)))
            })
        });
        let id = match current {
            Some((id, true)) => id,
            Some((id, false)) => {
                entries.update(|l| {
                    if let Some(entry) = l.iter_mut().find(|e| e.id == id) {
                        entry.edit(text, article);
                    }
                });
                persist(id);
                id
            }
            // The same text kept already (the draft read again after a
            // reload) is that entry, not a new one.
            None => match entries
                .with_untracked(|l| l.iter().find(|e| e.has_text(&text)).map(|e| e.id))
            {
                Some(id) => id,
                None => add_entry(Entry::parsed(
                    0,
                    PASTED_NAME.into(),
                    text,
                    TextKind::Dump,
                    Article::clone(&article),
                )),
            },
        };
        paste_entry.set_value(Some(id));
        // The reader is looking at the paste: its entry is the one shown.
        if shown.get_untracked() == Shown::Pasted {
            shown.set(Shown::Entry(id));
        }
    };
    let restored = move || {
        library_busy.set(false);
        let text = paste_waiting_for_library
            .try_update_value(Option::take)
            .flatten();
        if let (Some(text), Some(article)) = (text, pasted.get_untracked()) {
            keep_paste(text, article);
        }
    };
    let mut last_story = storage::load_last_story();
    spawn_local(async move {
        let mut library = match storage::load_library().await {
            Ok(library) => library,
            Err(e) => {
                restored();
                notice.set(Some(format!(
                    "The saved library could not be opened: {e}. Nothing stored was changed; new entries are kept for this visit only."
                )));
                return;
            }
        };
        let mut notes: Vec<String> = library.note.take().into_iter().collect();
        let (mut unreadable, mut failures) = (0, Vec::new());
        // Part by part: the first is listed at once, the rest follows.
        loop {
            unreadable += library.unreadable;
            // Entries whose stored Article this parser made are shown at
            // once; the others are read again, in order, and stored anew.
            let (ready, stale): (Vec<_>, Vec<_>) = library
                .entries
                .into_iter()
                .map(|s| (Entry::restored(&s), s))
                .partition(|(e, _)| e.is_some());
            // Entries added while the library is read (a file dropped at
            // once) stay: the stored ones join them, in order of time added.
            entries.update(|l| {
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
            failures.extend(
                bring_back(entries, unsaved, unsaved_why, stale, false)
                    .await
                    .failures,
            );
            // The story open before the reload, once its part is listed,
            // unless a shared story or the reader's own choice came first.
            if let Some(id) = last_story {
                if entries.with_untracked(|l| l.iter().any(|e| e.id == id)) {
                    if shown.get_untracked() == Shown::Pasted {
                        shown.set(Shown::Entry(id));
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
        if unreadable > 0 {
            notes.push(format!(
                "{unreadable} saved entries could not be read by this version of Folio (damaged, or saved by a newer one); they are kept in storage as they are"
            ));
        }
        if !failures.is_empty() {
            notes.push(format!(
                "{}; these entries are kept and will not be read again automatically",
                failures.join("; ")
            ));
        }
        if !notes.is_empty() {
            notice.set(Some(notes.join(". ")));
        }
        // Read back, and what it found said.
        restored();
    });
    let settings = RwSignal::new(storage::load_settings());
    let query = RwSignal::new(String::new());
    // (files read, files in the batch) while a batch is being read.
    let progress = RwSignal::new(None::<(usize, usize)>);

    // Keep the draft and the settings; say so when that fails.
    Effect::new(move |_| {
        if let Err(e) = draft.with(|d| storage::save_draft(d)) {
            notice.set(Some(format!(
                "The paste area's text is shown but not kept across reloads: {e}"
            )));
        }
    });
    Effect::new(move |_| {
        let _ = storage::save_settings(&settings.get());
    });
    Effect::new(move |_| {
        if let Shown::Entry(id) = shown.get() {
            storage::save_last_story(id);
        }
    });

    // A share link in the address: open its story, read-only, beside the
    // library (which it never touches). Also when the fragment changes.
    let shared = RwSignal::new(None::<Arc<Article>>);
    let open_fragment = move || {
        let fragment = share_link::current_fragment();
        let link = share_link::is_share_fragment(&fragment);
        spawn_local(async move {
            if link {
                match share_link::story_from(&fragment).await {
                    Ok(story) => {
                        shared.set(Some(Arc::new(story)));
                        shown.set(Shown::Shared);
                    }
                    Err(e) => notice.set(Some(e.to_string())),
                }
            }
            // Then start the parser's worker (on two cores, compiling it
            // beside the link's coder would hold the shared story back)
            // and run it once over the example, so the first paste reads
            // at once: the browser compiles Wasm quickly first and for
            // speed only once code has run. Once per visit.
            if !WARMED.with(|w| w.replace(true)) {
                let _ = read_example_in_worker().await;
            }
        });
    };
    open_fragment();
    let hash_listener = window_event_listener(ev::hashchange, move |_| open_fragment());
    on_cleanup(move || hash_listener.remove());
    let share_open = RwSignal::new(false);
    // The share panel is for the story shown when it opened: another story
    // closes it, so the clipboard is written only when the reader asks.
    Effect::new(move |_| {
        shown.track();
        share_open.set(false);
    });

    let paste_busy = RwSignal::new(false);
    // One parse in flight, and only the latest text waiting behind it: a
    // burst of input events (a scripted paste fires one per line) reads the
    // text once or twice, not once per event.
    let paste_waiting = StoredValue::new(None::<String>);
    let paste_in_flight = StoredValue::new(false);
    Effect::new(move |_| {
        let text = draft.get();
        if text.trim().is_empty() {
            paste_waiting.set_value(None);
            paste_waiting_for_library.set_value(None);
            paste_entry.set_value(None);
            pasted.set(None);
            paste_busy.set(false);
            return;
        }
        paste_busy.set(text.len() > PASTE_STATUS_BYTES);
        paste_waiting.set_value(Some(text));
        if paste_in_flight.get_value() {
            return;
        }
        paste_in_flight.set_value(true);
        spawn_local(async move {
            while let Some(text) = paste_waiting.try_update_value(Option::take).flatten() {
                let result = parse_in_worker(text.clone(), false).await;
                // A newer paste came meanwhile: only the latest is shown.
                if paste_waiting.with_value(Option::is_some) {
                    continue;
                }
                // The paste area was emptied meanwhile.
                if draft.with_untracked(|d| d.trim().is_empty()) {
                    break;
                }
                match result {
                    Ok(article) => {
                        let article = Arc::new(article);
                        pasted.set(Some(article.clone()));
                        keep_paste(text, article);
                    }
                    Err(e) => notice.set(Some(format!("The pasted text: {e}"))),
                }
            }
            paste_busy.set(false);
            paste_in_flight.set_value(false);
        });
    });
    let article = Memo::new(move |_| match shown.get() {
        Shown::Pasted => pasted.get(),
        Shown::Entry(id) => {
            entries.with(|l| l.iter().find(|e| e.id == id).map(|e| e.article.clone()))
        }
        Shown::Shared => shared.get(),
    });
    let visible_ids = Memo::new(move |_| {
        let q = query.get();
        entries.with(|l| {
            l.iter()
                .filter(|e| e.search.matches(&q))
                .map(|e| e.id)
                .collect::<Vec<_>>()
        })
    });
    let headlines = Memo::new(move |_| {
        entries.with(|l| {
            l.iter()
                .filter_map(|e| e.article.headline.as_deref().map(|h| (title_key(h), e.id)))
                .collect::<HashMap<_, _>>()
        })
    });

    let keep_shared = move || {
        let Some(story) = shared.get_untracked() else {
            return;
        };
        let name = story
            .headline
            .clone()
            .unwrap_or_else(|| "Shared story".into());
        let text = encode_story(&story, ShareOptions::default());
        let article = Article::clone(&story);
        let id = add_entry(Entry::parsed(0, name, text, TextKind::Shared, article));
        shared.set(None);
        share_link::clear_fragment();
        shown.set(Shown::Entry(id));
    };
    // Entries from an exported library: each kept with its id and time
    // (so importing twice adds nothing), unless its id or its very text is
    // in the library already; its Article used as stored while this parser
    // made it. What the reader is told.
    let import_records = move |records: Vec<storage::StoredEntry>, unreadable: usize| async move {
        let BroughtBack {
            added, repeated, ..
        } = bring_back(entries, unsaved, unsaved_why, records, true).await;
        let mut said = format!("Library imported: {added} entries added");
        if repeated > 0 {
            said.push_str(&format!(", {repeated} already in the library"));
        }
        if unreadable > 0 {
            said.push_str(&format!(", {unreadable} this version cannot read"));
        }
        said
    };
    let export_library = move || {
        let records: Vec<storage::StoredEntry> = entries.with_untracked(|l| {
            l.iter()
                .filter(|e| e.fits_storage())
                .map(Entry::stored)
                .collect()
        });
        let day = String::from(js_sys::Date::new_0().to_iso_string());
        let name = format!("folio-library-{}.jsonl", day.get(..10).unwrap_or("export"));
        if let Err(e) = download(
            &name,
            "application/jsonl",
            &storage::export_library(records.iter()),
        ) {
            notice.set(Some(e));
        }
    };
    let load = move |files: Vec<web_sys::File>| {
        if files.is_empty() {
            return;
        }
        let total = files.len();
        spawn_local(async move {
            progress.set(Some((0, total)));
            let mut problems = Vec::new();
            let mut first = None;
            let started = stops();
            for (done, file) in files.into_iter().enumerate() {
                let name = file.name();
                let buffer = match read_bytes(&file).await {
                    Ok(buffer) => buffer,
                    Err(e) => {
                        problems.push(e.to_string());
                        progress.set(Some((done + 1, total)));
                        continue;
                    }
                };
                // An exported library comes back entry by entry.
                if name.to_lowercase().ends_with(".jsonl") {
                    let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
                    let text = String::from_utf8_lossy(&bytes);
                    if let Some((records, unreadable)) = storage::import_library(&text) {
                        problems.push(import_records(records, unreadable).await);
                        progress.set(Some((done + 1, total)));
                        continue;
                    }
                }
                // Stop may come while the bytes are read, before any parse
                // is under way for it to end.
                let result = if stops() == started {
                    read_in_worker(&name, &buffer).await
                } else {
                    Err(WorkerError::Cancelled)
                };
                match result {
                    Err(WorkerError::Cancelled) => {
                        problems.push(format!(
                            "stopped: {} of {total} files were not read",
                            total - done
                        ));
                        break;
                    }
                    Err(e) => problems.push(format!("{name}: {e}")),
                    Ok(Err(e)) => problems.push(e.to_string()),
                    Ok(Ok(read)) => {
                        let kind = if read.html {
                            TextKind::Page
                        } else {
                            TextKind::Dump
                        };
                        // A page's bytes are not kept: it names its own encoding.
                        let bytes = (!read.html).then(|| js_sys::Uint8Array::new(&buffer).to_vec());
                        let text = read.text.unwrap_or_default();
                        let repeat = entries.with_untracked(|l| {
                            repeat_of(l, &text, &read.article)
                                .map(|(e, r)| (e.id, e.name.clone(), r))
                        });
                        match repeat {
                            Some((id, existing, Repeat::SameText)) => {
                                problems.push(format!("{name}: already in the library as {existing}"));
                                first.get_or_insert(id);
                                progress.set(Some((done + 1, total)));
                                continue;
                            }
                            Some((_, existing, Repeat::SameStory)) => problems.push(format!(
                                "{name}: the same headline and source as {existing}; added all the same"
                            )),
                            None => {}
                        }
                        let entry = Entry::parsed(0, name, text, kind, read.article)
                            .text_not_sent(read.text_len)
                            .read_as(&read.encoding, read.guessed, bytes);
                        let id = add_entry(entry);
                        first.get_or_insert(id);
                        if read.text_len > storage::MAX_STORED_TEXT_BYTES {
                            yield_to_page().await;
                        }
                    }
                }
                progress.set(Some((done + 1, total)));
            }
            progress.set(None);
            // A batch read without trouble leaves any other notice (a
            // paste that failed meanwhile) where it is.
            if !problems.is_empty() {
                notice.set(Some(problems.join("; ")));
            }
            if let Some(id) = first {
                shown.set(Shown::Entry(id));
            }
        });
    };
    // A paste too big for the paste area: read in the worker, kept as a
    // library entry (for this visit only when it is too big to store).
    let paste_large = move |text: String| {
        spawn_local(async move {
            paste_busy.set(true);
            let result = parse_in_worker(text.clone(), false).await;
            paste_busy.set(false);
            match result {
                Ok(article) => {
                    let entry = Entry::parsed(0, PASTED_NAME.into(), text, TextKind::Dump, article);
                    shown.set(Shown::Entry(add_entry(entry)));
                }
                // Stopped or failed, the text is kept all the same.
                Err(e) => {
                    notice.set(Some(format!("The pasted text: {e}")));
                    add_entry(Entry::failed(
                        0,
                        PASTED_NAME.into(),
                        text,
                        TextKind::Dump,
                        e.to_string(),
                    ));
                }
            }
        });
    };
    let open_example = move || {
        if let Some(id) = entries.with(|l| l.iter().find(|e| e.name == EXAMPLE_NAME).map(|e| e.id))
        {
            shown.set(Shown::Entry(id));
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
                    shown.set(Shown::Entry(add_entry(entry)));
                }
                Err(e) => notice.set(Some(format!("The example: {e}"))),
            }
        });
    };
    // Read an entry's file again in the encoding the reader chose.
    let reread = move |id: u64, label: String| {
        let found = entries.with(|l| {
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
                    entries.update(|l| {
                        if let Some(entry) = l.iter_mut().find(|e| e.id == id) {
                            let fresh = Entry::parsed(id, name, text, TextKind::Dump, article);
                            let fresh = Entry {
                                added: entry.added,
                                ..fresh
                            };
                            *entry = fresh.read_as(&label, false, Some(bytes.to_vec()));
                        }
                    });
                    persist(id);
                }
                Err(e) => notice.set(Some(format!("{name}: {e}"))),
            }
        });
    };
    // Read an entry's text again as the form the reader chose (or, for an
    // entry the parser failed on, as the form it looks like: "Read it again").
    let reread_form = move |id: u64, form: Option<Form>| {
        let Some((text, kind)) = entries.with(|l| {
            l.iter()
                .find(|e| e.id == id)
                .map(|e| (e.text.clone(), e.kind))
        }) else {
            return;
        };
        spawn_local(async move {
            match read_entry_text(text, kind, form).await {
                Ok(article) => {
                    entries.update(|l| {
                        if let Some(entry) = l.iter_mut().find(|e| e.id == id) {
                            entry.set_article(Arc::new(article));
                            entry.form = form;
                            // Read at last: a failed entry read again is no longer failed.
                            entry.failed = false;
                        }
                    });
                    persist(id);
                }
                Err(e) => notice.set(Some(e.to_string())),
            }
        });
    };
    // The entry removed last, until the reader undoes that or removes another.
    let removed = RwSignal::new(None::<Entry>);
    let remove = move |id: u64| {
        let gone = entries
            .try_update(|l| Some(l.remove(l.iter().position(|e| e.id == id)?)))
            .flatten();
        removed.set(gone);
        unsaved.update(|u| u.retain(|x| *x != id));
        spawn_local(async move {
            match storage::delete_entry(id).await {
                // Room freed: keep what could not be kept before.
                Ok(()) => unsaved.get_untracked().into_iter().for_each(persist),
                Err(e) => notice.set(Some(format!(
                    "The entry could not be removed from browser storage: {e}"
                ))),
            }
        });
        if shown.get_untracked() == Shown::Entry(id) {
            shown.set(Shown::Pasted);
        }
    };
    let undo_remove = move || {
        let Some(entry) = removed.try_update(Option::take).flatten() else {
            return;
        };
        let id = entry.id;
        entries.update(|l| {
            let at = l.partition_point(|e| (e.added, e.id) < (entry.added, entry.id));
            l.insert(at, entry);
        });
        persist(id);
        shown.set(Shown::Entry(id));
    };
    let export = move |markdown: bool| {
        let Some(article) = article.get_untracked() else {
            return;
        };
        let stem = file_stem(article.headline.as_deref(), "article");
        spawn_local(async move {
            let result = if markdown {
                // Written in the worker: the writer costs the page nothing.
                match export_in_worker(&article, false).await {
                    Ok(text) => download(&format!("{stem}.md"), "text/markdown", &text),
                    Err(e) => Err(e.to_string()),
                }
            } else {
                // Laid out for reading in the worker, as the CLI writes it.
                match export_in_worker(&article, true).await {
                    Ok(json) => download(&format!("{stem}.json"), "application/json", &json),
                    Err(e) => Err(e.to_string()),
                }
            };
            if let Err(e) = result {
                notice.set(Some(e));
            }
        });
    };

    // Keyboard: "/" filter, "p" paste area, "j"/"k" or arrows move through
    // the library, Escape leaves a field or closes the share panel. Keys
    // typed into fields are theirs.
    let keys = window_event_listener(ev::keydown, move |ev: ev::KeyboardEvent| {
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
            "Escape" => share_open.set(false),
            "/" => {
                ev.prevent_default();
                focus("library-filter");
            }
            "p" => {
                ev.prevent_default();
                focus("paste");
            }
            "s" if article.with_untracked(Option::is_some) => {
                ev.prevent_default();
                share_open.set(true);
            }
            key @ ("j" | "k" | "ArrowDown" | "ArrowUp") => {
                let ids = visible_ids.get_untracked();
                if ids.is_empty() {
                    return;
                }
                ev.prevent_default();
                let forward = matches!(key, "j" | "ArrowDown");
                let at = match shown.get_untracked() {
                    Shown::Entry(id) => ids.iter().position(|&i| i == id),
                    Shown::Pasted | Shown::Shared => None,
                };
                let next = match (at, forward) {
                    (None, true) => 0,
                    (None, false) => ids.len() - 1,
                    (Some(i), true) => (i + 1).min(ids.len() - 1),
                    (Some(i), false) => i.saturating_sub(1),
                };
                shown.set(Shown::Entry(ids[next]));
                focus(&format!("entry-{}", ids[next]));
            }
            _ => {}
        }
    });
    on_cleanup(move || keys.remove());

    let dragging = RwSignal::new(false);
    view! {
        <div
            class="folio"
            data-theme=move || settings.get().theme.as_str()
            style=move || {
                let s = settings.get();
                // Whole hundredths, written without float formatting (whose
                // code would cost the page's Wasm some kilobytes).
                let scale = percent(s.font_scale);
                format!("--font-scale: {}.{:02}; --measure: {}ch", scale / 100, scale % 100, s.measure)
            }
            class:dragging=move || dragging.get()
            on:dragover=move |ev: ev::DragEvent| {
                ev.prevent_default();
                dragging.set(true);
            }
            // Moving onto a child is a dragleave too: only leaving the
            // page's area ends the drag's highlight (no flicker).
            on:dragleave=move |ev: ev::DragEvent| {
                let node = |t: Option<web_sys::EventTarget>| t.and_then(|t| t.dyn_into::<web_sys::Node>().ok());
                let still_inside = node(ev.current_target())
                    .zip(node(ev.related_target()))
                    .is_some_and(|(area, to)| area.contains(Some(&to)));
                if !still_inside {
                    dragging.set(false);
                }
            }
            on:drop=move |ev: ev::DragEvent| {
                ev.prevent_default();
                dragging.set(false);
                load(files_of(ev.data_transfer().and_then(|d| d.files())));
            }
        >
            <header class="masthead">
                <span class="brand">"Folio"</span>
                <span class="tagline">"Read a news page's text as a clean story"</span>
                // On a phone the story comes first: the tools one tap away.
                <nav class="jump" aria-label="Tools">
                    <a class="button small" href="#paste">"Paste"</a>
                    <a class="button small" href="#library">"Library"</a>
                    <button type="button" class="button small" disabled=move || article.with(Option::is_none) on:click=move |_| share_open.set(true)>"Share"</button>
                </nav>
            </header>
            <div class="layout">
                <section class="sidebar" aria-label="Input and library">
                    <InputPanel
                        draft=draft
                        shown=shown
                        on_files=load
                        on_example=open_example
                        on_large_paste=paste_large
                        on_new_paste=move || paste_entry.set_value(None)
                    />
                    {move || paste_busy.get().then(|| view! {
                        <p class="progress" role="status">
                            "Reading the pasted text… "
                            <button type="button" class="button small" on:click=move |_| cancel_parsing()>"Stop"</button>
                        </p>
                    })}
                    {move || progress.get().map(|(done, total)| view! {
                        <p class="progress" role="status">
                            <progress max=total value=done></progress>
                            {format!(" Reading files: {done} of {total} ")}
                            <button type="button" class="button small" on:click=move |_| cancel_parsing()>"Stop"</button>
                        </p>
                    })}
                    <Library entries=entries visible=visible_ids shown=shown query=query busy=library_busy on_remove=remove on_export=export_library />
                    {move || removed.with(|r| r.as_ref().map(Entry::title)).map(|title| view! {
                        <p class="notice undo" role="status">
                            {format!("Removed “{title}”. ")}
                            <button type="button" class="button small" on:click=move |_| undo_remove()>"Undo"</button>
                            " "
                            <button type="button" class="button small" on:click=move |_| removed.set(None)>"Dismiss"</button>
                        </p>
                    })}
                    <ReaderControls
                        settings=settings
                        has_article=Signal::derive(move || article.with(Option::is_some))
                        on_export=export
                        on_share=move || share_open.set(true)
                    />
                    <SharePanel article=article open=share_open />
                    {move || {
                        let Shown::Entry(id) = shown.get() else { return None };
                        let (encoding, has_bytes) = entries.with(|l| {
                            l.iter().find(|e| e.id == id).map(|e| (e.encoding.clone(), e.bytes.is_some()))
                        })?;
                        let (current, _) = encoding?;
                        has_bytes.then(|| view! {
                            <label class="encoding-choice">
                                "Read the file as "
                                <select on:change=move |ev| reread(id, event_target_value(&ev))>
                                    {ENCODINGS.iter().map(|label| view! {
                                        <option value=*label selected=*label == current.as_str()>{*label}</option>
                                    }).collect_view()}
                                </select>
                            </label>
                        })
                    }}
                    {move || {
                        let Shown::Entry(id) = shown.get() else { return None };
                        let current = entries.with(|l| {
                            l.iter()
                                .find(|e| e.id == id && e.kind == TextKind::Dump && !e.failed && !e.text.is_empty())
                                .map(|e| e.article.form)
                        })?;
                        Some(view! {
                            <label class="form-choice">
                                "Read the text as "
                                <select on:change=move |ev| reread_form(id, Form::from_name(&event_target_value(&ev)))>
                                    {Form::ALL.iter().map(|&form| view! {
                                        <option value=form.name() selected=form == current>{form_label(form)}</option>
                                    }).collect_view()}
                                </select>
                            </label>
                        })
                    }}
                    // The parser failed on it before: the reader may have it read again.
                    {move || {
                        let Shown::Entry(id) = shown.get() else { return None };
                        entries
                            .with(|l| l.iter().any(|e| e.id == id && e.failed && !e.text.is_empty()))
                            .then(|| view! {
                                <button type="button" class="button small" on:click=move |_| reread_form(id, None)>"Read it again"</button>
                            })
                    }}
                </section>
                <main class="reader">
                    {move || notice.get().map(|n| view! {
                        <p class="notice" role="alert">
                            {n}
                            " "
                            <button type="button" class="button small" on:click=move |_| notice.set(None)>"Dismiss"</button>
                        </p>
                    })}
                    {move || (shown.get() == Shown::Shared && shared.with(Option::is_some)).then(|| view! {
                        <div class="shared-banner" role="region" aria-label="Shared story">
                            <span>"A shared story, read-only. Your library is unchanged."</span>
                            " "
                            <button type="button" class="button small" on:click=move |_| keep_shared()>"Add to my library"</button>
                        </div>
                    })}
                    {move || match article.get() {
                        Some(article) => view! {
                            <ArticleView
                                article=Article::clone(&article)
                                library=headlines.get()
                                on_open=move |id| shown.set(Shown::Entry(id))
                                on_tag=move |tag: String| query.set(format!("#{}", tag.trim_start_matches('#').to_lowercase()))
                            />
                        }.into_any(),
                        None => view! { <EmptyState /> }.into_any(),
                    }}
                </main>
            </div>
        </div>
    }
}

/// A form's name in the reader's words.
pub fn form_label(form: Form) -> &'static str {
    match form {
        Form::Text => "browser text",
        Form::Wrapped => "wrapped text",
        Form::Markdown => "Markdown",
    }
}

/// What the reader sees before any text is loaded.
#[component]
fn EmptyState() -> impl IntoView {
    view! {
        <div class="empty">
            <h1>"Paste the text of a news page, drop article files anywhere on the page, or open the example"</h1>
            <p class="hint">"Keys: / filter the library · p paste area · j and k (or ↓ ↑) move through the library · s share · Esc leave a field"</p>
        </div>
    }
}

//! The app's state: every signal the page shares, in one `Copy` value the
//! components and actions take, and the stories derived from it. The
//! decisions that need no browser (which entry a paste is kept as, where
//! j/k move, what the reader is told) are plain functions here, tested
//! natively.

use std::collections::HashMap;
use std::sync::Arc;

use folio_core::Article;
use leptos::prelude::*;

use crate::library::{title_key, Entry};
use crate::storage::{self, Settings, StorageError};

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

/// The stored entries a search of the library found, by id (in order),
/// each with the passage of its story where the words are.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Found {
    pub hits: Vec<(u64, Option<String>)>,
}

impl Found {
    /// Whether entry `e` is let through by the filter's text `query`:
    /// searched here when the page holds its search text, else as the
    /// store's worker found it.
    pub fn lets_through(&self, e: &Entry, query: &str) -> bool {
        if query.trim().is_empty() {
            return true;
        }
        match &e.search {
            Some(search) => search.matches(query),
            None => self.hit(e.id).is_some(),
        }
    }

    fn hit(&self, id: u64) -> Option<&Option<String>> {
        let at = self.hits.binary_search_by_key(&id, |(id, _)| *id).ok()?;
        Some(&self.hits[at].1)
    }

    /// Where the words of `query` are in entry `e`'s story.
    pub fn passage(&self, e: &Entry, query: &str) -> Option<String> {
        if query.trim().is_empty() {
            return None;
        }
        match &e.search {
            Some(search) => search.passage(query),
            None => self.hit(e.id).cloned().flatten(),
        }
    }
}

/// Every piece of the page's state. Signals are handles: copying the
/// state copies the handles, not what they hold.
#[derive(Clone, Copy)]
pub struct AppState {
    /// The message the reader is shown (a failure, what a batch found).
    pub notice: RwSignal<Option<String>>,
    /// The library, oldest first.
    pub entries: RwSignal<Vec<Entry>>,
    /// Entries the browser would not keep (full, or no storage): listed
    /// for the visit, and kept as soon as there is room…
    pub unsaved: RwSignal<Vec<u64>>,
    /// …and why the browser refused them.
    pub unsaved_why: RwSignal<Option<StorageError>>,
    /// The paste area's text.
    pub draft: RwSignal<String>,
    pub shown: RwSignal<Shown>,
    /// The library is being read back (the list says so: `aria-busy`).
    pub library_busy: RwSignal<bool>,
    /// The library entry the paste area's text is kept as: one per
    /// distinct paste, updated as the text is edited; a new one after the
    /// area was emptied or all of its text pasted over.
    pub paste_entry: StoredValue<Option<u64>>,
    /// The pasted story, read in the worker as the reader pastes.
    pub pasted: RwSignal<Option<Arc<Article>>>,
    /// The text of a paste read while the library is still being read back
    /// (its entry may be among the stored ones): kept as an entry once the
    /// library is listed.
    pub paste_waiting_for_library: StoredValue<Option<String>>,
    /// A paste is being read (shown when it is long).
    pub paste_busy: RwSignal<bool>,
    /// One parse in flight, and only the latest text waiting behind it.
    pub paste_waiting: StoredValue<Option<String>>,
    pub paste_in_flight: StoredValue<bool>,
    pub settings: RwSignal<Settings>,
    /// The library filter's text.
    pub query: RwSignal<String>,
    /// (files read, files in the batch) while a batch is being read.
    pub progress: RwSignal<Option<(usize, usize)>>,
    /// The story of the share link in the address.
    pub shared: RwSignal<Option<Arc<Article>>>,
    pub share_open: RwSignal<bool>,
    /// The entry removed last, until the reader undoes that or removes another.
    pub removed: RwSignal<Option<Entry>>,
    /// Files are being dragged over the page.
    pub dragging: RwSignal<bool>,
    /// The story of the entry shown when the library holds it without
    /// (read back from storage): fetched when it is shown, one at a time…
    pub opened: RwSignal<Option<Arc<Article>>>,
    /// …and that entry's id.
    pub opened_id: StoredValue<Option<u64>>,
    /// The story shown.
    pub article: Memo<Option<Arc<Article>>>,
    /// What the store's worker found for the filter's text (the latest
    /// answer: a keystroke behind while the next is searched).
    pub found: RwSignal<Found>,
    /// Ids of the entries the filter lets through, in order.
    pub visible_ids: Memo<Vec<u64>>,
    /// Each entry's headline (as a key) to its id: the story's related
    /// links open entries the library holds.
    pub headlines: Memo<HashMap<String, u64>>,
}

impl AppState {
    /// The state at page load: the draft and settings as stored, the
    /// library still to be read back.
    pub fn at_page_load() -> Self {
        let entries = RwSignal::new(Vec::<Entry>::new());
        let shown = RwSignal::new(Shown::Pasted);
        let pasted = RwSignal::new(None::<Arc<Article>>);
        let shared = RwSignal::new(None::<Arc<Article>>);
        let query = RwSignal::new(String::new());
        let opened = RwSignal::new(None::<Arc<Article>>);
        let opened_id = StoredValue::new(None::<u64>);
        let found = RwSignal::new(Found::default());
        AppState {
            notice: RwSignal::new(None),
            entries,
            unsaved: RwSignal::new(Vec::new()),
            unsaved_why: RwSignal::new(None),
            draft: RwSignal::new(storage::load_draft()),
            shown,
            library_busy: RwSignal::new(true),
            paste_entry: StoredValue::new(None),
            pasted,
            paste_waiting_for_library: StoredValue::new(None),
            paste_busy: RwSignal::new(false),
            paste_waiting: StoredValue::new(None),
            paste_in_flight: StoredValue::new(false),
            settings: RwSignal::new(storage::load_settings()),
            query,
            progress: RwSignal::new(None),
            shared,
            share_open: RwSignal::new(false),
            removed: RwSignal::new(None),
            dragging: RwSignal::new(false),
            opened,
            opened_id,
            article: Memo::new(move |_| match shown.get() {
                Shown::Pasted => pasted.get(),
                Shown::Entry(id) => entries
                    .with(|l| l.iter().find(|e| e.id == id)?.article.clone())
                    .or_else(|| opened.get().filter(|_| opened_id.get_value() == Some(id))),
                Shown::Shared => shared.get(),
            }),
            found,
            visible_ids: Memo::new(move |_| {
                let q = query.get();
                found.with(|found| {
                    entries.with(|l| {
                        l.iter()
                            .filter(|e| found.lets_through(e, &q))
                            .map(|e| e.id)
                            .collect::<Vec<_>>()
                    })
                })
            }),
            headlines: Memo::new(move |_| {
                entries.with(|l| {
                    l.iter()
                        .filter_map(|e| e.summary.headline.as_deref().map(|h| (title_key(h), e.id)))
                        .collect::<HashMap<_, _>>()
                })
            }),
        }
    }

    /// Show entry `id`.
    pub fn show(self, id: u64) {
        self.shown.set(Shown::Entry(id));
    }

    /// Tell the reader `message`.
    pub fn say(self, message: impl Into<String>) {
        self.notice.set(Some(message.into()));
    }
}

/// Where j/k (or ↓/↑) go in the list `ids` from the entry at `at` (none
/// shown: the first or the last).
pub fn next_in_list(ids: &[u64], at: Option<usize>, forward: bool) -> Option<u64> {
    let last = ids.len().checked_sub(1)?;
    let next = match (at, forward) {
        (None, true) => 0,
        (None, false) => last,
        (Some(i), true) => (i + 1).min(last),
        (Some(i), false) => i.saturating_sub(1),
    };
    Some(ids[next])
}

/// What the paste area's text is kept as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PasteKept {
    /// The entry holds this very text already.
    Unchanged(u64),
    /// The paste's entry, edited to this text.
    Edited(u64),
    /// Another entry holds this very text (the draft read again after a
    /// reload): that entry, not a new one.
    Found(u64),
    /// A new entry.
    New,
}

/// Where a paste goes: `current` is the paste's entry and whether it holds
/// this text; `same_text` finds an entry that holds it (asked only when
/// the paste has no entry of its own: it reads the whole library).
pub fn paste_kept(
    current: Option<(u64, bool)>,
    same_text: impl FnOnce() -> Option<u64>,
) -> PasteKept {
    match current {
        Some((id, true)) => PasteKept::Unchanged(id),
        Some((id, false)) => PasteKept::Edited(id),
        None => same_text().map_or(PasteKept::New, PasteKept::Found),
    }
}

/// What importing a library file did, in the reader's words.
pub fn import_summary(added: usize, repeated: usize, unreadable: usize) -> String {
    let mut said = format!("Library imported: {added} entries added");
    if repeated > 0 {
        said.push_str(&format!(", {repeated} already in the library"));
    }
    if unreadable > 0 {
        said.push_str(&format!(", {unreadable} this version cannot read"));
    }
    said
}

/// What reading the stored library back found, in the reader's words:
/// `None` when all went well.
pub fn library_summary(
    mut notes: Vec<String>,
    unreadable: usize,
    failures: &[String],
) -> Option<String> {
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
    (!notes.is_empty()).then(|| notes.join(". "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_entry_with_its_story_is_searched_here_and_one_without_as_the_store_found_it() {
        let text = "Kallas urges talks\n\nEstonia's prime minister spoke of the backdrop of progress in the talks, and of what comes after them.";
        let kind = crate::storage::TextKind::Dump;
        let here = Entry::parsed(
            1,
            "a.txt".into(),
            text.into(),
            kind,
            folio_core::parse_text(text),
        );
        let stored = Entry {
            id: 2,
            search: None,
            ..here.clone()
        };
        let found = Found {
            hits: vec![(2, Some("…the backdrop of progress…".into())), (5, None)],
        };
        assert!(found.lets_through(&here, "backdrop of progress"));
        assert!(!found.lets_through(&here, "bundesliga"));
        assert_eq!(
            found.passage(&here, "backdrop").as_deref(),
            Some("Estonia's prime minister spoke of the backdrop of progress in the talks, and of what comes after them.")
        );
        // Not searched here: as the store's worker found it, whatever is typed.
        assert!(found.lets_through(&stored, "bundesliga"));
        assert_eq!(
            found.passage(&stored, "x").as_deref(),
            Some("…the backdrop of progress…")
        );
        let nothing = Found::default();
        assert!(!nothing.lets_through(&stored, "backdrop"));
        // An empty filter lets every entry through, and shows no passage.
        assert!(nothing.lets_through(&stored, " "));
        assert_eq!(found.passage(&stored, ""), None);
    }

    #[test]
    fn j_and_k_move_within_the_list_and_start_at_its_ends() {
        let ids = [10, 20, 30];
        assert_eq!(next_in_list(&ids, None, true), Some(10));
        assert_eq!(next_in_list(&ids, None, false), Some(30));
        assert_eq!(next_in_list(&ids, Some(0), true), Some(20));
        assert_eq!(next_in_list(&ids, Some(2), true), Some(30));
        assert_eq!(next_in_list(&ids, Some(0), false), Some(10));
        assert_eq!(next_in_list(&[], None, true), None);
    }

    #[test]
    fn a_paste_is_its_own_entry_edited_or_the_one_holding_its_text() {
        let never = || -> Option<u64> { panic!("the library is not searched") };
        assert_eq!(paste_kept(Some((4, true)), never), PasteKept::Unchanged(4));
        assert_eq!(paste_kept(Some((4, false)), never), PasteKept::Edited(4));
        assert_eq!(paste_kept(None, || Some(7)), PasteKept::Found(7));
        assert_eq!(paste_kept(None, || None), PasteKept::New);
    }

    #[test]
    fn the_reader_is_told_what_an_import_and_a_reload_found() {
        assert_eq!(import_summary(3, 0, 0), "Library imported: 3 entries added");
        assert_eq!(
            import_summary(1, 2, 1),
            "Library imported: 1 entries added, 2 already in the library, 1 this version cannot read"
        );
        assert_eq!(library_summary(Vec::new(), 0, &[]), None);
        let said = library_summary(
            vec!["Part could not be read".into()],
            2,
            &["a.txt: failed".into()],
        )
        .unwrap();
        assert!(said.starts_with("Part could not be read. 2 saved entries could not be read"));
        assert!(said.ends_with(
            "a.txt: failed; these entries are kept and will not be read again automatically"
        ));
    }
}

//! The reader's library: every text loaded, each parsed once.

use folio_core::Form;
use std::sync::Arc;

use folio_core::filter::SearchText;
use folio_core::Article;

use crate::storage::{StoredEntry, TextKey, TextKind};

/// One loaded text and the story read from it.
#[derive(Debug, Clone)]
pub struct Entry {
    pub id: u64,
    /// The file's name, or "Pasted text".
    pub name: String,
    /// The text; empty for a file too big to store, whose text was not
    /// sent to the page (its bytes are kept; see `files::FileRead`);
    /// `None` when it is in browser storage only: an entry read back is
    /// listed without its text, fetched when needed
    /// ([`crate::storage::stored_text`]).
    pub text: Option<String>,
    /// What the text is known by (its length, kept or not, and hash).
    pub text_key: TextKey,
    pub kind: TextKind,
    /// The encoding the file was read in ("windows-1251"), and whether it
    /// was guessed; `None` for pasted or shared text.
    pub encoding: Option<(String, bool)>,
    /// The file's bytes while the page is open, to read them again in
    /// another encoding; not stored.
    pub bytes: Option<Arc<Vec<u8>>>,
    /// The parser failed on this text; it is kept, shown as failed, and not
    /// parsed again automatically.
    pub failed: bool,
    /// The form the reader chose to read the text as (`None`: detected).
    pub form: Option<Form>,
    /// The story read from the text: at hand for an entry read in this
    /// visit (and one the parser failed on); `None` for one read back from
    /// storage, whose story is fetched when it is shown.
    pub article: Option<Arc<Article>>,
    /// What the list shows of the story.
    pub summary: Arc<Summary>,
    /// The story's text folded once for the library's search, while the
    /// story is at hand; an entry listed without its story (read back) is
    /// searched in the store's worker ([`crate::storage::search_stored`]).
    pub search: Option<Arc<SearchText>>,
    /// When it was added (ms since 1970).
    pub added: u64,
}

/// What the library's list, its search and its links show of a story
/// whose Article is not at hand.
#[derive(Debug, Clone, PartialEq, Default, serde::Deserialize)]
#[serde(default)]
pub struct Summary {
    pub headline: Option<String>,
    pub source: Option<String>,
    pub published: Option<String>,
    pub form: Form,
}

impl Summary {
    /// Its fields: the Article's fields of the same names (the store's
    /// worker copies these into a light record's `summary`).
    pub const FIELDS: [&'static str; 4] = ["headline", "source", "published", "form"];

    pub fn of(article: &Article) -> Summary {
        Summary {
            headline: article.headline.clone(),
            source: article.source.clone(),
            published: article.published.clone(),
            form: article.form,
        }
    }
}

impl PartialEq for Entry {
    fn eq(&self, other: &Self) -> bool {
        // The article derives from the text; comparing it again adds nothing.
        self.id == other.id
            && self.name == other.name
            && self.text_key == other.text_key
            && self.kind == other.kind
    }
}

impl Entry {
    /// An entry whose article was parsed elsewhere (the worker).
    pub fn parsed(id: u64, name: String, text: String, kind: TextKind, article: Article) -> Self {
        let search = Some(Arc::new(SearchText::new(&article, &name)));
        let listed = Entry::listed(id, name, kind, Summary::of(&article));
        Entry {
            text_key: TextKey::of(&text),
            text: Some(text),
            search,
            article: Some(Arc::new(article)),
            ..listed
        }
    }

    /// An entry as the list shows it, by its story's summary: the story,
    /// its text and its search text stay in storage.
    fn listed(id: u64, name: String, kind: TextKind, summary: Summary) -> Self {
        Entry {
            id,
            name,
            text: None,
            text_key: TextKey::default(),
            kind,
            encoding: None,
            bytes: None,
            failed: false,
            form: None,
            search: None,
            summary: Arc::new(summary),
            article: None,
            added: 0,
        }
    }

    /// An entry whose text the parser failed on: kept as the kind it is
    /// (a saved page stays a page), not read.
    pub fn failed(id: u64, name: String, text: String, kind: TextKind, why: String) -> Self {
        let article = Article {
            diagnostics: vec![why],
            ..Article::default()
        };
        Entry {
            failed: true,
            ..Entry::parsed(id, name, text, kind, article)
        }
    }

    /// The same entry, noting the encoding its file was read in.
    pub fn read_as(mut self, encoding: &str, guessed: bool, bytes: Option<Vec<u8>>) -> Self {
        self.encoding = Some((encoding.to_string(), guessed));
        self.bytes = bytes.map(Arc::new);
        self
    }

    /// The entry's text as the reader edited it, and the story read from it.
    pub fn edit(&mut self, text: String, article: Arc<Article>) {
        self.text_key = TextKey::of(&text);
        self.text = Some(text);
        self.set_article(article);
    }

    /// Whether its text can be read again: held here or in storage, not
    /// a file too big to bring to the page.
    pub fn has_text(&self) -> bool {
        self.text.as_ref().is_none_or(|t| !t.is_empty())
    }

    /// Show `article` for the entry from now on (read again).
    pub fn set_article(&mut self, article: Arc<Article>) {
        self.search = Some(Arc::new(SearchText::new(&article, &self.name)));
        self.summary = Arc::new(Summary::of(&article));
        self.article = Some(article);
    }

    /// The same entry, read as the form the reader chose.
    pub fn chosen_form(mut self, form: Option<Form>) -> Self {
        self.form = form;
        self
    }

    /// The entry for a file whose text (of `text_len` bytes) was not
    /// brought to the page.
    pub fn text_not_sent(mut self, text_len: usize) -> Self {
        self.text_key.len = text_len;
        self
    }

    /// Whether the text can go to browser storage; a bigger one is kept
    /// for this visit only.
    pub fn fits_storage(&self) -> bool {
        self.text_key.len <= crate::storage::MAX_STORED_TEXT_BYTES
    }

    /// The entry as stored, with the Article the parser made of it.
    pub fn stored(&self) -> StoredEntry {
        StoredEntry {
            id: self.id,
            name: self.name.clone(),
            text: self.text.clone(),
            text_key: Some(self.text_key),
            kind: self.kind,
            encoding: self.encoding.as_ref().map(|(e, _)| e.clone()),
            failed: self.failed,
            form: self.form,
            added: self.added,
            parser: Some(folio_core::PARSER_BUILD.to_string()),
            // On one line: a record is one line of an exported library.
            // An Article not at hand is left as stored.
            article: self
                .article
                .as_ref()
                .and_then(|article| serde_json::to_string(&**article).ok())
                .and_then(|json| serde_json::value::RawValue::from_string(json).ok()),
            summary: None,
        }
    }

    /// The entry a stored record gives without the parser: one it failed
    /// on, a shared story, or a text whose stored Article this parser
    /// build made. `None`: the text must be read again.
    pub fn restored(stored: &StoredEntry) -> Option<Self> {
        let s = stored;
        let (id, name) = (s.id, s.name.clone());
        let entry = if s.failed {
            // Only its note: searched here by its name.
            Entry::failed(id, name, String::new(), s.kind, PARSER_FAILED_BEFORE.into())
        } else if s.text.is_none() {
            // A light record's story stays in storage, fetched when shown,
            // and searched in the store's worker.
            let summary = match &s.summary {
                Some(summary) => summary.clone(),
                None => Summary::of(&stored.current_article()?),
            };
            Entry::listed(id, name, s.kind, summary)
        } else {
            // An imported record, whole, is kept with its story until it
            // is stored.
            Entry::parsed(id, name, String::new(), s.kind, stored.current_article()?)
        };
        let entry = Entry {
            text: s.text.clone(),
            text_key: s.key(),
            ..entry.chosen_form(s.form)
        };
        Some(entry.from_store(stored))
    }

    /// The same entry, with what its stored record says beyond the text.
    pub fn from_store(self, stored: &StoredEntry) -> Self {
        let entry = Entry {
            added: stored.added,
            ..self
        };
        match &stored.encoding {
            Some(label) => entry.read_as(label, false, None),
            None => entry,
        }
    }

    /// What the library list shows for the entry.
    pub fn title(&self) -> String {
        self.summary
            .headline
            .clone()
            .unwrap_or_else(|| self.name.clone())
    }
}

/// How a text repeats one already in the library.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Repeat {
    /// The very same text: not added again.
    SameText,
    /// Another text of the same story (the same headline from the same
    /// source, say a saved page and its text): added, and said.
    SameStory,
}

/// The entry `text` (read as `article`) repeats, if any.
pub fn repeat_of<'a>(
    entries: &'a [Entry],
    text: &str,
    article: &Article,
) -> Option<(&'a Entry, Repeat)> {
    if !text.is_empty() {
        let key = TextKey::of(text);
        if let Some(same) = entries.iter().find(|e| e.text_key == key) {
            return Some((same, Repeat::SameText));
        }
    }
    let story = |headline: Option<&str>, source: Option<&str>| {
        Some((title_key(headline?), title_key(source?)))
    };
    let key = story(article.headline.as_deref(), article.source.as_deref())?;
    entries
        .iter()
        .find(|e| {
            let s = &e.summary;
            story(s.headline.as_deref(), s.source.as_deref()).as_ref() == Some(&key)
        })
        .map(|e| (e, Repeat::SameStory))
}

/// What a library entry says when the parser failed on it in an earlier visit.
pub const PARSER_FAILED_BEFORE: &str =
    "the parser failed on this text in an earlier visit; it was not read again";

/// A new entry's id: unique across tabs adding at the same moment (the
/// time in microseconds and a random part), and after every id in
/// `entries`. Ids stay below 2^53, exact as JSON numbers and IndexedDB keys.
pub fn fresh_id(entries: &[Entry]) -> u64 {
    let now = js_sys::Date::now() as u64 * 1000 + (js_sys::Math::random() * 1000.0) as u64;
    let after = entries
        .iter()
        .map(|e| e.id.saturating_add(1))
        .max()
        .unwrap_or(1);
    now.max(after)
}

/// Normalised headline for matching related links to library entries.
pub fn title_key(title: &str) -> String {
    title
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::StoredEntry;

    #[test]
    fn an_entry_is_stored_with_its_texts_key_and_listed_by_it_without_the_text() {
        let text = "A headline for the test\n\nThe story's one paragraph, long enough to be read as a story by the parser.";
        let entry = Entry::parsed(
            3,
            "a.txt".into(),
            text.into(),
            TextKind::Dump,
            folio_core::parse_text(text),
        );
        let mut record: serde_json::Value =
            serde_json::from_str(&entry.stored().to_json()).unwrap();
        // As the store's worker lists it: the text left out (its key read
        // as written), the Article's summary in its place.
        let fields = record.as_object_mut().unwrap();
        fields.remove("text");
        let article = fields.remove("article").unwrap();
        let summary: serde_json::Map<_, _> = Summary::FIELDS
            .into_iter()
            .filter_map(|k| Some((k.to_string(), article.get(k)?.clone())))
            .collect();
        fields.insert("summary".into(), summary.into());
        let light = StoredEntry::from_json(&record.to_string()).unwrap();
        assert_eq!(light.key(), TextKey::of(text));
        let listed = Entry::restored(&light).unwrap();
        assert_eq!(listed.text_key, entry.text_key);
        assert!(listed.text.is_none() && listed.article.is_none() && listed.search.is_none());
        assert_eq!(listed.summary, entry.summary);
    }
}

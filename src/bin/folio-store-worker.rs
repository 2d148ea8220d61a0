//! Folio's library store in a Web Worker of its own: one IndexedDB record
//! per library entry, so that adding, changing or removing one entry never
//! rewrites the others (two tabs each write only their own changes, and a
//! record this version cannot read is never written over).
//!
//! Its jobs (`folio_web::protocol::Job`): records are JSON texts keyed by
//! the entry's id (a number); the worker never reads them, so whatever a
//! newer or older Folio stored comes back exactly as it was.
//!
//! - `Load { after, limit }`: the reply is the JSON of `[[key, record],
//!   …]`: `limit` records at most, in key order, after `after` when given.
//!   A record whose Article this parser build made comes light: without
//!   its `text`, with the `text_key` written beside it (or read from the
//!   text, in a record an older Folio wrote), and with its Article's
//!   `summary` (what the list shows) for the Article: the page lists it,
//!   and asks for the record whole when it needs the text or the story.
//!   What the worker gives is never stored.
//! - `Get { id }`: the record under `id`, whole.
//! - `Library`: the exported library file: every record as stored (those
//!   this version cannot read too), then the payload's lines.
//! - `Put { id }`: store the payload under `id`, over what was there; the
//!   fields of the old record this version does not write are kept.
//! - `MoveIn`: move an older Folio's localStorage library (the payload,
//!   its JSON) in, in one transaction, never over a record already there;
//!   `Failure::Unreadable` when it is not a list of entries.
//! - `Delete { id }`: remove the record under `id`.
//! - `Search`: the entries whose search text holds the query (the
//!   payload), from an index of the records listed or written in this
//!   worker's life (the page lists every record when it opens): a line
//!   per entry, in key order, its id and a tab and its passage. The page
//!   holds no search text for the entries it lists without their story.
//!
//! Failures: `Unavailable` (no IndexedDB: a private window, or turned
//! off), `Full` (the browser's quota), `Failed` (anything else).

#[cfg(target_arch = "wasm32")]
mod store {
    use std::cell::RefCell;
    use std::rc::Rc;

    use std::collections::BTreeMap;

    use folio_core::filter::{SearchText, StoryText};
    use folio_web::protocol::Failure;
    use idb::{
        Database, DatabaseEvent, Error, Factory, KeyRange, ObjectStoreParams, Query,
        TransactionMode,
    };
    use serde::Deserialize;
    use wasm_bindgen::prelude::*;

    const DATABASE: &str = "folio";
    pub const ENTRIES: &str = "entries";

    thread_local! {
        static OPEN: RefCell<Option<Rc<Database>>> = const { RefCell::new(None) };
        /// The search text of each record this parser build read, by key.
        static INDEX: RefCell<BTreeMap<u64, SearchText>> = const { RefCell::new(BTreeMap::new()) };
        /// Records listed and not indexed yet (their JSON with the
        /// Article), indexed a few at a time between jobs.
        static WAITING: RefCell<BTreeMap<u64, String>> = const { RefCell::new(BTreeMap::new()) };
    }

    /// Records indexed at a time before other jobs get their turn.
    const INDEX_STEP: usize = 20;

    /// What the index reads of a record.
    #[derive(Deserialize)]
    struct Searched {
        #[serde(default)]
        name: String,
        #[serde(default)]
        failed: bool,
        #[serde(default)]
        parser: Option<String>,
        #[serde(default)]
        article: Option<StoryText>,
    }

    /// Index the record `json` under `key`: its story's search text when
    /// this parser build made it (a failed one by its name), else nothing
    /// (the page reads it again and writes it anew).
    fn index(key: f64, json: &str) {
        let searched = serde_json::from_str::<Searched>(json).ok().and_then(|s| {
            let current = s.parser.as_deref() == Some(folio_core::PARSER_BUILD);
            match (s.failed, current, s.article) {
                (true, _, _) => Some(StoryText::default().search_text(&s.name)),
                (false, true, Some(story)) => Some(story.search_text(&s.name)),
                _ => None,
            }
        });
        INDEX.with(|index| {
            let mut index = index.borrow_mut();
            match searched {
                Some(search) => index.insert(key as u64, search),
                None => index.remove(&(key as u64)),
            }
        });
    }

    /// The indexed entries `query` finds, a line each: the id, and a tab
    /// and the passage where the words are when the story holds them (a
    /// passage is one line of words).
    pub fn search(query: &str) -> String {
        index_waiting(usize::MAX);
        let mut hits = String::new();
        INDEX.with(|index| {
            for (id, search) in index.borrow().iter() {
                if search.matches(query) {
                    hits.push_str(&id.to_string());
                    if let Some(passage) = search.passage(query) {
                        hits.push('\t');
                        hits.push_str(&passage);
                    }
                    hits.push('\n');
                }
            }
        });
        hits
    }

    /// Why a job failed, as the page reads it.
    pub fn failure(error: &Error) -> Failure {
        let text = error.to_string();
        if text.contains("Quota") {
            Failure::Full
        } else if matches!(
            error,
            Error::IndexedDbNotFound(_) | Error::IndexedDbOpenFailed(_)
        ) {
            Failure::Unavailable
        } else {
            Failure::Failed
        }
    }

    /// The library's database, opened (and created) once.
    pub async fn database() -> Result<Rc<Database>, Error> {
        if let Some(open) = OPEN.with(|o| o.borrow().clone()) {
            return Ok(open);
        }
        // Whatever version it is at (a new one is made at version 1).
        let mut database = open_at(None).await?;
        // A database of this name without the store (made by something
        // else) gets it in a new version; nothing in it is touched.
        if !database.store_names().iter().any(|n| n == ENTRIES) {
            let next = database.version()? + 1;
            database.close();
            database = open_at(Some(next)).await?;
        }
        let database = Rc::new(database);
        OPEN.with(|o| *o.borrow_mut() = Some(database.clone()));
        Ok(database)
    }

    async fn open_at(version: Option<u32>) -> Result<Database, Error> {
        let mut request = Factory::new()?.open(DATABASE, version)?;
        request.on_upgrade_needed(|event| {
            let Ok(database) = event.database() else {
                return;
            };
            if !database.store_names().iter().any(|n| n == ENTRIES) {
                let _ = database.create_object_store(ENTRIES, ObjectStoreParams::new());
            }
        });
        request.await
    }

    /// Up to `limit` records with keys after `after`, in key order, as the
    /// JSON of `[[key, record], …]`; and the light ones, for the index
    /// ([`index_later`], once the page has its answer).
    pub async fn load(
        after: Option<f64>,
        limit: u32,
    ) -> Result<(String, Vec<(f64, String)>), Error> {
        let database = database().await?;
        let transaction = database.transaction(&[ENTRIES], TransactionMode::ReadOnly)?;
        let store = transaction.object_store(ENTRIES)?;
        let range = after
            .map(|a| KeyRange::lower_bound(&JsValue::from_f64(a), Some(true)))
            .transpose()?
            .map(Query::from);
        let keys = store.get_all_keys(range.clone(), Some(limit))?.await?;
        let values = store.get_all(range, Some(limit))?.await?;
        let pairs = js_sys::Array::new();
        let mut listed = Vec::new();
        for (key, value) in keys.into_iter().zip(values) {
            let record = if value.is_string() {
                match (light(&value), key.as_f64()) {
                    (Some((record, searched)), Some(key)) => {
                        listed.push((key, searched));
                        record
                    }
                    _ => value,
                }
            } else {
                as_json(&value).map_or(JsValue::NULL, JsValue::from)
            };
            pairs.push(&js_sys::Array::of2(&key, &record));
        }
        let json = js_sys::JSON::stringify(&pairs)
            .map(String::from)
            .unwrap_or_else(|_| "[]".into());
        Ok((json, listed))
    }

    /// Index the light records a load listed: a few at a time, so that
    /// the page's next part of the library is read meanwhile (a search
    /// indexes all that wait first).
    pub fn index_later(listed: Vec<(f64, String)>) {
        let idle = WAITING.with(|waiting| {
            let mut waiting = waiting.borrow_mut();
            let idle = waiting.is_empty();
            waiting.extend(listed.into_iter().map(|(key, json)| (key as u64, json)));
            idle
        });
        if idle {
            wasm_bindgen_futures::spawn_local(async {
                while index_waiting(INDEX_STEP) {
                    next_task().await;
                }
            });
        }
    }

    /// Index up to `count` waiting records; whether any still wait.
    fn index_waiting(count: usize) -> bool {
        for _ in 0..count {
            let Some((key, json)) = WAITING.with(|w| w.borrow_mut().pop_first()) else {
                return false;
            };
            index(key as f64, &json);
        }
        WAITING.with(|w| !w.borrow().is_empty())
    }

    /// Until the worker's next task: the jobs that came meanwhile run first.
    async fn next_task() {
        let promise = js_sys::Promise::new(&mut |resolve, _| set_timeout(&resolve, 0));
        let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    }

    /// The record (its JSON) as the list reads it, when its Article is
    /// this parser build's (else it is read again, and needs the text):
    /// without its text (the text's key in its place) and with its
    /// Article's summary for the Article; and the record with its Article,
    /// for the index. `None`: left whole.
    fn light(json: &JsValue) -> Option<(JsValue, String)> {
        // Read where it is, in JavaScript's memory: a saved page's record
        // is megabytes, and copying it into the worker's and back costs
        // more than reading it.
        let record = parse_json(json).ok()?;
        let field = |name: &str| js_sys::Reflect::get(&record, &JsValue::from_str(name)).ok();
        if field("parser")?.as_string().as_deref() != Some(folio_core::PARSER_BUILD) {
            return None;
        }
        let text = field("text")?;
        let has_key = field("text_key")?.is_object();
        let article = field("article")?;
        if !text.is_string() {
            return None;
        }
        let record = js_sys::Object::from(record);
        let set = |object: &JsValue, name: &str, value: &JsValue| {
            js_sys::Reflect::set(object, &JsValue::from_str(name), value).ok()
        };
        // The key written beside the text; a record an older Folio wrote
        // has none, and its text is read for it.
        if !has_key {
            let key = folio_web::storage::TextKey::of(&text.as_string()?);
            let key = serde_json::to_string(&key).ok()?;
            set(&record, "text_key", &js_sys::JSON::parse(&key).ok()?)?;
        }
        js_sys::Reflect::delete_property(&record, &JsValue::from_str("text")).ok()?;
        let searched = String::from(js_sys::JSON::stringify(&record).ok()?);
        if article.is_object() {
            let summary = js_sys::Object::new();
            for name in folio_web::library::Summary::FIELDS {
                let value = js_sys::Reflect::get(&article, &JsValue::from_str(name)).ok()?;
                set(&summary, name, &value)?;
            }
            js_sys::Reflect::delete_property(&record, &JsValue::from_str("article")).ok()?;
            set(&record, "summary", &summary)?;
        }
        let listed = js_sys::JSON::stringify(&record).ok()?;
        Some((listed.into(), searched))
    }

    #[wasm_bindgen]
    extern "C" {
        /// `JSON.parse` of a JavaScript string, not copied in first.
        #[wasm_bindgen(js_namespace = JSON, js_name = parse, catch)]
        fn parse_json(text: &JsValue) -> Result<JsValue, JsValue>;
        #[wasm_bindgen(js_name = setTimeout)]
        fn set_timeout(callback: &js_sys::Function, ms: i32);
    }

    /// A record some other writer stored as an object, as its JSON text:
    /// the page decides whether it can read it.
    fn as_json(value: &JsValue) -> Option<String> {
        value
            .as_string()
            .or_else(|| js_sys::JSON::stringify(value).ok().map(String::from))
    }

    /// The exported library: every record as stored, then `held`'s lines.
    pub async fn library(held: &str) -> Result<String, Error> {
        let database = database().await?;
        let transaction = database.transaction(&[ENTRIES], TransactionMode::ReadOnly)?;
        let store = transaction.object_store(ENTRIES)?;
        let mut records: Vec<String> = store
            .get_all(None, None)?
            .await?
            .iter()
            .filter_map(as_json)
            .collect();
        records.extend(held.lines().map(str::to_string));
        Ok(folio_web::storage::library_file(&records))
    }

    /// The record under `key`, whole (`null` when there is none).
    pub async fn get(key: f64) -> Result<String, Error> {
        let database = database().await?;
        let transaction = database.transaction(&[ENTRIES], TransactionMode::ReadOnly)?;
        let store = transaction.object_store(ENTRIES)?;
        let value = store.get(JsValue::from_f64(key))?.await?;
        Ok(value
            .and_then(|v| v.as_string())
            .unwrap_or_else(|| "null".into()))
    }

    /// Store `record` under `key`, over what is there; the fields of the
    /// old record this version does not write stay.
    pub async fn write(key: f64, record: &str) -> Result<(), Error> {
        let database = database().await?;
        let transaction = database.transaction(&[ENTRIES], TransactionMode::ReadWrite)?;
        let store = transaction.object_store(ENTRIES)?;
        let key = JsValue::from_f64(key);
        let record = match store
            .get(key.clone())?
            .await?
            .and_then(|old| old.as_string())
        {
            Some(old) => folio_web::storage::keep_other_fields(record, &old),
            None => record.to_string(),
        };
        store.put(&JsValue::from_str(&record), Some(&key))?.await?;
        transaction.commit()?.await?;
        if let Some(key) = key.as_f64() {
            WAITING.with(|w| w.borrow_mut().remove(&(key as u64)));
            index(key, &record);
        }
        Ok(())
    }

    /// Move an older Folio's library in: every record in one transaction,
    /// none over a record already there. `None` when it does not read.
    pub async fn move_in(old: &str) -> Result<Option<()>, Error> {
        let Some(records) = folio_web::storage::old_library_records(old) else {
            return Ok(None);
        };
        let database = database().await?;
        let transaction = database.transaction(&[ENTRIES], TransactionMode::ReadWrite)?;
        let store = transaction.object_store(ENTRIES)?;
        for (id, record) in records {
            let key = JsValue::from_f64(id as f64);
            if store.get(key.clone())?.await?.is_none() {
                store.put(&JsValue::from_str(&record), Some(&key))?.await?;
            }
        }
        transaction.commit()?.await?;
        Ok(Some(()))
    }

    /// Remove the record under `key`.
    pub async fn delete(key: f64) -> Result<(), Error> {
        let database = database().await?;
        let transaction = database.transaction(&[ENTRIES], TransactionMode::ReadWrite)?;
        let store = transaction.object_store(ENTRIES)?;
        store.delete(JsValue::from_f64(key))?.await?;
        transaction.commit()?.await?;
        WAITING.with(|w| w.borrow_mut().remove(&(key as u64)));
        INDEX.with(|index| index.borrow_mut().remove(&(key as u64)));
        Ok(())
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {
    use folio_web::protocol::{Failure, Job};
    use wasm_bindgen::JsValue;

    folio_web::worker_host::serve(|request| {
        wasm_bindgen_futures::spawn_local(async move {
            let payload = request.text();
            let stored = |done: Result<(), idb::Error>| done.map(|()| "ok".to_string());
            let reply = match request.job {
                Some(Job::Load { after, limit }) => {
                    match store::load(after.map(|a| a as f64), limit).await {
                        // The page has its rows first; then they are
                        // indexed, between the jobs that come next.
                        Ok((json, listed)) => {
                            request.answer(Ok(JsValue::from_str(&json)));
                            store::index_later(listed);
                            return;
                        }
                        Err(e) => Err(e),
                    }
                }
                Some(Job::Library) => store::library(&payload).await,
                Some(Job::Get { id }) => store::get(id as f64).await,
                Some(Job::Put { id }) => stored(store::write(id as f64, &payload).await),
                Some(Job::Delete { id }) => stored(store::delete(id as f64).await),
                Some(Job::Search) => Ok(store::search(&payload)),
                Some(Job::MoveIn) => match store::move_in(&payload).await {
                    Ok(Some(())) => Ok("moved".into()),
                    Ok(None) => {
                        request.answer(Err(Failure::Unreadable));
                        return;
                    }
                    Err(e) => Err(e),
                },
                _ => {
                    request.answer(Err(Failure::Unreadable));
                    return;
                }
            };
            request.answer(
                reply
                    .map(|r| JsValue::from_str(&r))
                    .map_err(|e| store::failure(&e)),
            );
        });
    });
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("folio-store-worker runs only as a Web Worker in the browser");
}

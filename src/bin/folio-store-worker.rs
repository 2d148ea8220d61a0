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
//!   A record whose Article this parser build made comes light: its
//!   `text` replaced by `text_key` (the page lists it without the text,
//!   and asks for it when needed). The only reading of a record the
//!   worker does, and what it gives is never stored.
//! - `Get { id }`: the record under `id`, whole.
//! - `Library`: the exported library file: every record as stored (those
//!   this version cannot read too), then the payload's lines.
//! - `Put { id }`: store the payload under `id`, over what was there; the
//!   fields of the old record this version does not write are kept.
//! - `MoveIn`: move an older Folio's localStorage library (the payload,
//!   its JSON) in, in one transaction, never over a record already there;
//!   `Failure::Unreadable` when it is not a list of entries.
//! - `Delete { id }`: remove the record under `id`.
//!
//! Failures: `Unavailable` (no IndexedDB: a private window, or turned
//! off), `Full` (the browser's quota), `Failed` (anything else).

#[cfg(target_arch = "wasm32")]
mod store {
    use std::cell::RefCell;
    use std::rc::Rc;

    use folio_web::protocol::Failure;
    use idb::{
        Database, DatabaseEvent, Error, Factory, KeyRange, ObjectStoreParams, Query,
        TransactionMode,
    };
    use wasm_bindgen::prelude::*;

    const DATABASE: &str = "folio";
    pub const ENTRIES: &str = "entries";

    thread_local! {
        static OPEN: RefCell<Option<Rc<Database>>> = const { RefCell::new(None) };
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
    /// JSON of `[[key, record], …]`.
    pub async fn load(after: Option<f64>, limit: u32) -> Result<String, Error> {
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
        for (key, value) in keys.into_iter().zip(values) {
            let record = match value.as_string() {
                Some(text) => light(&text).unwrap_or(value),
                None => as_json(&value).map_or(JsValue::NULL, JsValue::from),
            };
            pairs.push(&js_sys::Array::of2(&key, &record));
        }
        Ok(js_sys::JSON::stringify(&pairs)
            .map(String::from)
            .unwrap_or_else(|_| "[]".into()))
    }

    /// The record `text` without its text, when its Article is this
    /// parser build's (else it is read again, and needs the text): the
    /// text's key in its place. `None`: left whole.
    fn light(text: &str) -> Option<JsValue> {
        let record = js_sys::JSON::parse(text).ok()?;
        let field = |name: &str| js_sys::Reflect::get(&record, &JsValue::from_str(name)).ok();
        if field("parser")?.as_string().as_deref() != Some(folio_core::PARSER_BUILD) {
            return None;
        }
        let key = folio_web::storage::TextKey::of(&field("text")?.as_string()?);
        let key = serde_json::to_string(&key).ok()?;
        let record = js_sys::Object::from(record);
        js_sys::Reflect::delete_property(&record, &JsValue::from_str("text")).ok()?;
        js_sys::Reflect::set(
            &record,
            &JsValue::from_str("text_key"),
            &js_sys::JSON::parse(&key).ok()?,
        )
        .ok()?;
        js_sys::JSON::stringify(&record).ok().map(JsValue::from)
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
                    store::load(after.map(|a| a as f64), limit).await
                }
                Some(Job::Library) => store::library(&payload).await,
                Some(Job::Get { id }) => store::get(id as f64).await,
                Some(Job::Put { id }) => stored(store::write(id as f64, &payload).await),
                Some(Job::Delete { id }) => stored(store::delete(id as f64).await),
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

//! Folio's Web Workers (the parser, the share-link coder, the library's
//! store): the one module that owns them.
//!
//! [`parse_in_worker`] sends a text to the worker and waits for its
//! Article; [`pack_in_worker`] and [`open_link_in_worker`] have it code a
//! share link's payload (its coder is too big for the page's own Wasm).
//! The worker starts on first use; requests wait until it says it is ready.
//! Every request and failure is a `protocol` type. A worker does one
//! request at a time, in order. If it dies (a panic
//! traps the Wasm) or one request runs longer than [`PARSE_TIMEOUT_MS`],
//! only that request fails: the worker is ended and the requests behind it
//! go to a fresh one. Stop fails them all.

use std::cell::RefCell;
use std::collections::HashMap;

use folio_core::Article;
use folio_core::Form;

use crate::files::{FileRead, ReadError};
use crate::protocol::{Failure, Job};
use crate::storage::StorageError;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The workers' loaders, as Trunk names them (see index.html).
const PARSER_SCRIPT: &str = "./folio-worker_loader.js";
const LINKS_SCRIPT: &str = "./folio-link-worker_loader.js";
const STORE_SCRIPT: &str = "./folio-store-worker_loader.js";
/// A reply bigger than this is taken in over several tasks, each short.
const BIG_REPLY_BYTES: usize = 1 << 20;
/// A parse that runs longer than this is a runaway: the worker is ended.
pub const PARSE_TIMEOUT_MS: i32 = 60_000;

/// Why the worker gave no Article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WorkerError {
    /// The browser would not start the worker.
    Unavailable,
    /// The parser crashed on this text (or on one sent with it).
    Crashed,
    /// The parse ran past the time limit.
    TimedOut,
    /// The reader stopped it.
    Cancelled,
}

impl std::fmt::Display for WorkerError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            WorkerError::Unavailable => "the parser could not be started",
            WorkerError::Crashed => "the parser failed on this text",
            WorkerError::TimedOut => "the parser took too long on this text and was stopped",
            WorkerError::Cancelled => "stopped before it was read",
        })
    }
}

struct Pending {
    resolve: js_sys::Function,
    reject: js_sys::Function,
}

#[derive(Default)]
struct State {
    worker: Option<web_sys::Worker>,
    ready: bool,
    /// Requests waiting for the worker to be ready (see [`crate::protocol`]).
    queued: Vec<js_sys::Array>,
    pending: HashMap<u32, Pending>,
    /// Every request not yet answered, in the order the worker takes them:
    /// the first is the one it is working on.
    order: Vec<(u32, js_sys::Array)>,
    /// When the first of `order` became first (ms since the epoch).
    first_since: f64,
    next_id: u32,
    // The worker's handlers live as long as it does.
    handlers: Vec<Closure<dyn FnMut(JsValue)>>,
}

/// Two workers run side by side: one parses, one codes share links (its
/// Wasm carries the coder's priming text, and priming takes a few hundred
/// ms once), so a parse never waits on a link and the parser loads lean.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Parse,
    Links,
    /// The library's IndexedDB store (`bin/folio-store-worker.rs`).
    Store,
}

thread_local! {
    static STATES: [RefCell<State>; 3] = Default::default();
}

/// Run `f` on the state of the worker in `role`.
fn with_state<T>(role: Role, f: impl FnOnce(&mut State) -> T) -> T {
    STATES.with(|states| f(&mut states[role as usize].borrow_mut()))
}

/// The reason a request's promise is rejected with, for `error`.
fn reason(error: WorkerError) -> JsValue {
    JsValue::from_str(match error {
        WorkerError::Crashed => "crashed",
        WorkerError::TimedOut => "timeout",
        WorkerError::Unavailable => "unavailable",
        WorkerError::Cancelled => "cancelled",
    })
}

/// End the worker and fail everything waiting on it with `error`.
fn fail_all(role: Role, error: WorkerError) {
    let pending = with_state(role, |s| {
        if let Some(worker) = s.worker.take() {
            worker.terminate();
        }
        s.ready = false;
        s.queued.clear();
        s.order.clear();
        s.handlers.clear();
        std::mem::take(&mut s.pending)
    });
    for (_, p) in pending {
        let _ = p.reject.call1(&JsValue::NULL, &reason(error));
    }
}

/// The request the worker was working on failed (`error`): end the worker,
/// fail that request alone, and give the requests behind it to a fresh
/// worker, in their order.
fn fail_first(role: Role, error: WorkerError) {
    let failed = with_state(role, |s| {
        if let Some(worker) = s.worker.take() {
            worker.terminate();
        }
        s.ready = false;
        s.handlers.clear();
        let first = (!s.order.is_empty()).then(|| s.order.remove(0));
        let failed = first.and_then(|(id, _)| s.pending.remove(&id));
        s.queued = s.order.iter().map(|(_, m)| m.clone()).collect();
        s.first_since = js_sys::Date::now();
        if !s.order.is_empty() && start_worker(role, s).is_err() {
            return (failed, std::mem::take(&mut s.pending));
        }
        (failed, HashMap::new())
    });
    let (failed, unstartable) = failed;
    if let Some(p) = failed {
        let _ = p.reject.call1(&JsValue::NULL, &reason(error));
    }
    for (_, p) in unstartable {
        let _ = p
            .reject
            .call1(&JsValue::NULL, &reason(WorkerError::Unavailable));
    }
}

/// Check request `id` once its time may be up: the worker's current
/// request that has run [`PARSE_TIMEOUT_MS`] fails alone; one still
/// waiting its turn, or not yet that long at it, is checked again later.
fn check_time(role: Role, id: u32) {
    let limit = f64::from(PARSE_TIMEOUT_MS);
    // How long until the request's time may be up; zero when it is.
    let wait = with_state(role, |s| {
        let running = s.order.first().is_some_and(|(first, _)| *first == id);
        match (s.pending.contains_key(&id), running) {
            (false, _) => None,
            (true, true) => Some((limit - (js_sys::Date::now() - s.first_since)).max(0.0)),
            (true, false) => Some(limit),
        }
    });
    match wait {
        Some(wait) if wait <= 0.0 => fail_first(role, WorkerError::TimedOut),
        Some(wait) => watch_time(role, id, wait.ceil() as i32),
        None => {}
    }
}

/// Check request `id`'s time in `ms`.
fn watch_time(role: Role, id: u32, ms: i32) {
    let check = Closure::once_into_js(move || check_time(role, id));
    if let Some(window) = web_sys::window() {
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
            check.unchecked_ref(),
            ms.max(1),
        );
    }
}

fn start_worker(role: Role, state: &mut State) -> Result<(), WorkerError> {
    let script = match role {
        Role::Parse => PARSER_SCRIPT,
        Role::Links => LINKS_SCRIPT,
        Role::Store => STORE_SCRIPT,
    };
    // The store's and the link worker may have started before the page.
    let (worker, ready) = match started_early(role) {
        Some(early) => early,
        None => (
            web_sys::Worker::new(script).map_err(|_| WorkerError::Unavailable)?,
            false,
        ),
    };
    let on_message = Closure::<dyn FnMut(JsValue)>::new(move |ev: JsValue| {
        let data = ev.unchecked_into::<web_sys::MessageEvent>().data();
        if data.as_string().as_deref() == Some("ready") {
            let queued = with_state(role, |s| {
                s.ready = true;
                std::mem::take(&mut s.queued)
            });
            for message in queued {
                post(role, &message);
            }
            return;
        }
        let reply = js_sys::Array::from(&data);
        let id = reply.get(0).as_f64().unwrap_or(-1.0) as u32;
        let done = with_state(role, |s| {
            s.order.retain(|(waiting, _)| *waiting != id);
            s.first_since = js_sys::Date::now();
            s.pending.remove(&id)
        });
        if let Some(p) = done {
            let _ = p.resolve.call1(&JsValue::NULL, &reply);
        }
    });
    // A crash is the current request's: the others go to a fresh worker.
    let on_error =
        Closure::<dyn FnMut(JsValue)>::new(move |_| fail_first(role, WorkerError::Crashed));
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    state.handlers = vec![on_message, on_error];
    state.worker = Some(worker);
    state.ready = ready;
    Ok(())
}

/// The worker index.html started for `role` while the page loaded (the
/// store's; the link worker's for a share link in the address), taken
/// over once, and whether it has said it is ready.
fn started_early(role: Role) -> Option<(web_sys::Worker, bool)> {
    let key = match role {
        Role::Links => "folioLinkWorker",
        Role::Store => "folioStoreWorker",
        Role::Parse => return None,
    };
    let window = js_sys::global();
    let key = JsValue::from_str(key);
    let worker = js_sys::Reflect::get(&window, &key)
        .ok()
        .filter(JsValue::is_object)?;
    let _ = js_sys::Reflect::set(&window, &key, &JsValue::UNDEFINED);
    let ready = js_sys::Reflect::get(&worker, &JsValue::from_str("folioReady"))
        .is_ok_and(|r| r.is_truthy());
    Some((worker.unchecked_into(), ready))
}

/// Which worker does `job`.
fn role_of(job: &Job) -> Role {
    match job {
        Job::Text { .. }
        | Job::Html
        | Job::File { .. }
        | Job::Example
        | Job::Export { .. }
        | Job::Memory => Role::Parse,
        Job::Pack | Job::Open | Job::Story => Role::Links,
        Job::Load { .. }
        | Job::Get { .. }
        | Job::Library
        | Job::Put { .. }
        | Job::Delete { .. }
        | Job::MoveIn
        | Job::Search => Role::Store,
    }
}

fn post(role: Role, message: &js_sys::Array) {
    with_state(role, |s| {
        if let Some(worker) = &s.worker {
            let _ = worker.post_message(message);
        }
    });
}

/// Let the page draw and answer input before the next step: a big reply
/// is handled in several tasks, none of them long.
pub async fn yield_to_page() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback(&resolve);
        }
    });
    let _ = JsFuture::from(promise).await;
}

thread_local! {
    /// How many times the reader pressed Stop.
    static STOPS: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// Stop the parse under way and everything waiting for the parser; the
/// next request starts a fresh worker. Work that was between requests
/// (reading a file's bytes) sees it in [`stops`].
pub fn cancel_parsing() {
    STOPS.with(|s| s.set(s.get() + 1));
    fail_all(Role::Parse, WorkerError::Cancelled);
}

/// How many times Stop was pressed: a batch that started at one count
/// stops when it changes.
pub fn stops() -> u64 {
    STOPS.with(std::cell::Cell::get)
}

/// Parse `text` in the worker: a saved page when `html`, else a text dump.
pub async fn parse_in_worker(text: String, html: bool) -> Result<Article, WorkerError> {
    let job = if html {
        Job::Html
    } else {
        Job::Text { form: None }
    };
    reply_article(ask(job, JsValue::from_str(&text)).await?).await
}

/// Have the worker parse a text dump read as `form` (the form it looks
/// like when `None`).
pub async fn parse_text_as_in_worker(
    text: String,
    form: Option<Form>,
) -> Result<Article, WorkerError> {
    reply_article(ask(Job::Text { form }, JsValue::from_str(&text)).await?).await
}

/// The Article a parse job answered with.
async fn reply_article(reply: Result<Vec<u8>, Failure>) -> Result<Article, WorkerError> {
    let json = reply.map_err(|_| WorkerError::Crashed)?;
    if json.len() > BIG_REPLY_BYTES {
        yield_to_page().await;
    }
    serde_json::from_slice(&json).map_err(|_| WorkerError::Crashed)
}

/// Have the worker decode and parse a file's bytes.
pub async fn read_in_worker(
    name: &str,
    bytes: &js_sys::ArrayBuffer,
) -> Result<Result<FileRead, ReadError>, WorkerError> {
    let job = Job::File {
        name: name.to_string(),
    };
    let json = match ask(job, bytes.into()).await? {
        Ok(json) => json,
        Err(failure) => return Ok(Err(ReadError::from_failure(name.to_string(), failure))),
    };
    if json.len() > BIG_REPLY_BYTES {
        yield_to_page().await;
    }
    serde_json::from_slice(&json)
        .map(Ok)
        .map_err(|_| WorkerError::Crashed)
}

/// Have the worker read the built-in example, as a file: its story, and
/// its text to keep.
pub async fn read_example_in_worker() -> Result<FileRead, WorkerError> {
    let json = ask(Job::Example, JsValue::UNDEFINED)
        .await?
        .map_err(|_| WorkerError::Crashed)?;
    serde_json::from_slice(&json).map_err(|_| WorkerError::Crashed)
}

/// The article written out in the worker, for export: as indented JSON
/// when `json`, else as Markdown (the writers cost the page nothing).
pub async fn export_in_worker(article: &Article, json: bool) -> Result<String, WorkerError> {
    let compact = serde_json::to_string(article).map_err(|_| WorkerError::Crashed)?;
    let text = ask(Job::Export { json }, JsValue::from_str(&compact))
        .await?
        .map_err(|_| WorkerError::Crashed)?;
    String::from_utf8(text).map_err(|_| WorkerError::Crashed)
}

/// A share payload packed into link data (see `folio_core::share::link`).
pub async fn pack_in_worker(payload: String) -> Result<String, WorkerError> {
    let data = ask(Job::Pack, JsValue::from_str(&payload))
        .await?
        .map_err(|_| WorkerError::Crashed)?;
    String::from_utf8(data).map_err(|_| WorkerError::Crashed)
}

/// Start the link worker and prime its coder, once, when a share is
/// likely (the pointer is on the Share button), so the link is quick.
pub fn prime_link_coder() {
    thread_local! {
        static PRIMED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }
    if PRIMED.with(|p| p.replace(true)) {
        return;
    }
    wasm_bindgen_futures::spawn_local(async {
        let _ = pack_in_worker(String::new()).await;
    });
}

/// The story in link data, or why it cannot be read (damaged, too large,
/// or a payload whose story does not read).
pub async fn open_link_in_worker(data: String) -> Result<Result<Article, Failure>, WorkerError> {
    story_reply(ask(Job::Open, JsValue::from_str(&data)).await?)
}

/// The story in a share payload (a first-format link's, or a kept shared
/// story's), or why it cannot be read.
pub async fn story_in_worker(payload: String) -> Result<Result<Article, Failure>, WorkerError> {
    story_reply(ask(Job::Story, JsValue::from_str(&payload)).await?)
}

fn story_reply(reply: Result<Vec<u8>, Failure>) -> Result<Result<Article, Failure>, WorkerError> {
    match reply {
        Err(failure) => Ok(Err(failure)),
        Ok(json) => serde_json::from_slice(&json)
            .map(Ok)
            .map_err(|_| WorkerError::Crashed),
    }
}

/// What the store worker's failures mean.
fn store_reply(
    reply: Result<Result<Vec<u8>, Failure>, WorkerError>,
) -> Result<Vec<u8>, StorageError> {
    match reply {
        Ok(Ok(reply)) => Ok(reply),
        Ok(Err(Failure::Full)) => Err(StorageError::Full),
        Ok(Err(Failure::Unavailable)) | Err(WorkerError::Unavailable) => {
            Err(StorageError::Unavailable)
        }
        Ok(Err(_)) | Err(_) => Err(StorageError::Failed),
    }
}

/// What the store gives for `job` (a [`Job::Load`], [`Job::Get`],
/// [`Job::Library`] or [`Job::Search`]) and its `payload`, as text.
pub async fn store_load(job: Job, payload: &str) -> Result<String, StorageError> {
    let reply = store_reply(ask(job, JsValue::from_str(payload)).await)?;
    String::from_utf8(reply).map_err(|_| StorageError::Corrupt)
}

/// Store one library record under its entry's id, over what was there.
pub async fn store_put(id: u64, record: &str) -> Result<(), StorageError> {
    store_reply(ask(Job::Put { id }, JsValue::from_str(record)).await).map(drop)
}

/// Move an older Folio's library (the JSON of `folio.library.v1`) into
/// the store, all or nothing; `Corrupt` when it is not a list of entries.
pub async fn store_move_in(old: &str) -> Result<(), StorageError> {
    match ask(Job::MoveIn, JsValue::from_str(old)).await {
        Ok(Err(Failure::Unreadable)) => Err(StorageError::Corrupt),
        other => store_reply(other).map(drop),
    }
}

/// Remove one library record.
pub async fn store_delete(id: u64) -> Result<(), StorageError> {
    store_reply(ask(Job::Delete { id }, JsValue::UNDEFINED).await).map(drop)
}

/// Send `payload` to the worker for `job`: its reply (as UTF-8 bytes), or
/// the failure it states.
async fn ask(job: Job, payload: JsValue) -> Result<Result<Vec<u8>, Failure>, WorkerError> {
    let role = role_of(&job);
    let (id, promise) = with_state(role, |s| -> Result<_, WorkerError> {
        if s.worker.is_none() {
            start_worker(role, s)?;
        }
        s.next_id = s.next_id.wrapping_add(1);
        let id = s.next_id;
        let mut entry = None;
        let promise =
            js_sys::Promise::new(&mut |resolve, reject| entry = Some(Pending { resolve, reject }));
        if let Some(p) = entry {
            s.pending.insert(id, p);
        }
        Ok((id, promise))
    })?;
    let (name, argument) = job.to_parts();
    let message = js_sys::Array::of4(
        &JsValue::from(id),
        &payload,
        &JsValue::from_str(name),
        &argument.map_or(JsValue::UNDEFINED, |a| JsValue::from_str(&a)),
    );
    let ready = with_state(role, |s| {
        if s.order.is_empty() {
            s.first_since = js_sys::Date::now();
        }
        s.order.push((id, message.clone()));
        s.ready
    });
    if ready {
        post(role, &message);
    } else {
        with_state(role, |s| s.queued.push(message));
    }
    // A runaway parse ends the worker once it has run past the limit.
    watch_time(role, id, PARSE_TIMEOUT_MS);
    let result = JsFuture::from(promise).await;
    match result {
        Ok(reply) => {
            let reply = js_sys::Array::from(&reply);
            let body = reply.get(1);
            // Let the page draw before a big reply is copied in.
            if body
                .dyn_ref::<js_sys::Uint8Array>()
                .is_some_and(|b| b.length() as usize > BIG_REPLY_BYTES)
            {
                yield_to_page().await;
            }
            if let Some(failure) = reply.get(2).as_string() {
                return Ok(Err(Failure::from_text(&failure)));
            }
            Ok(Ok(match body.as_string() {
                Some(text) => text.into_bytes(),
                None if body.is_instance_of::<js_sys::Uint8Array>() => {
                    js_sys::Uint8Array::new(&body).to_vec()
                }
                None => Vec::new(),
            }))
        }
        Err(reason) if reason.as_string().as_deref() == Some("timeout") => {
            Err(WorkerError::TimedOut)
        }
        Err(reason) if reason.as_string().as_deref() == Some("cancelled") => {
            Err(WorkerError::Cancelled)
        }
        Err(_) => Err(WorkerError::Crashed),
    }
}

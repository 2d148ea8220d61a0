//! The parser's Web Worker: the one module that owns it.
//!
//! [`parse_in_worker`] sends a text to the worker and waits for its
//! Article. The worker starts on first use; requests wait until it says it
//! is ready. If it dies (a panic traps the Wasm) or takes longer than
//! [`PARSE_TIMEOUT_MS`], every waiting request fails, the worker is ended,
//! and the next request starts a fresh one.

use std::cell::RefCell;
use std::collections::HashMap;

use folio_core::Article;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The worker's loader, as Trunk names it (see index.html).
const WORKER_SCRIPT: &str = "./folio-worker_loader.js";
/// A parse that runs longer than this is a runaway: the worker is ended.
pub const PARSE_TIMEOUT_MS: i32 = 60_000;

/// Why the worker gave no Article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WorkerError {
    /// The browser would not start the worker.
    Unavailable,
    /// The parser crashed on this text (or on one sent with it).
    Crashed,
    /// The parse ran past the time limit.
    TimedOut,
}

impl std::fmt::Display for WorkerError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            WorkerError::Unavailable => "the parser could not be started",
            WorkerError::Crashed => "the parser failed on this text",
            WorkerError::TimedOut => "the parser took too long on this text and was stopped",
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
    /// Requests waiting for the worker to be ready: id, text, is it HTML.
    queued: Vec<(u32, String, bool)>,
    pending: HashMap<u32, Pending>,
    next_id: u32,
    // The worker's handlers live as long as it does.
    handlers: Vec<Closure<dyn FnMut(JsValue)>>,
}

thread_local! {
    static STATE: RefCell<State> = RefCell::new(State::default());
}

/// End the worker and fail everything waiting on it with `error`.
fn fail_all(error: WorkerError) {
    let pending = STATE.with(|s| {
        let mut s = s.borrow_mut();
        if let Some(worker) = s.worker.take() {
            worker.terminate();
        }
        s.ready = false;
        s.queued.clear();
        s.handlers.clear();
        std::mem::take(&mut s.pending)
    });
    let reason = JsValue::from_str(match error {
        WorkerError::Crashed => "crashed",
        WorkerError::TimedOut => "timeout",
        WorkerError::Unavailable => "unavailable",
    });
    for (_, p) in pending {
        let _ = p.reject.call1(&JsValue::NULL, &reason);
    }
}

fn start_worker(state: &mut State) -> Result<(), WorkerError> {
    let worker = web_sys::Worker::new(WORKER_SCRIPT).map_err(|_| WorkerError::Unavailable)?;
    let on_message = Closure::<dyn FnMut(JsValue)>::new(move |ev: JsValue| {
        let data = ev.unchecked_into::<web_sys::MessageEvent>().data();
        if data.as_string().as_deref() == Some("ready") {
            let queued = STATE.with(|s| {
                let mut s = s.borrow_mut();
                s.ready = true;
                std::mem::take(&mut s.queued)
            });
            for (id, text, html) in queued {
                post(id, &text, html);
            }
            return;
        }
        let reply = js_sys::Array::from(&data);
        let id = reply.get(0).as_f64().unwrap_or(-1.0) as u32;
        let done = STATE.with(|s| s.borrow_mut().pending.remove(&id));
        if let Some(p) = done {
            let _ = p.resolve.call1(&JsValue::NULL, &reply.get(1));
        }
    });
    let on_error = Closure::<dyn FnMut(JsValue)>::new(move |_| fail_all(WorkerError::Crashed));
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    state.handlers = vec![on_message, on_error];
    state.worker = Some(worker);
    state.ready = false;
    Ok(())
}

fn post(id: u32, text: &str, html: bool) {
    STATE.with(|s| {
        if let Some(worker) = &s.borrow().worker {
            let message = js_sys::Array::of3(
                &JsValue::from(id),
                &JsValue::from_str(text),
                &JsValue::from_bool(html),
            );
            let _ = worker.post_message(&message);
        }
    });
}

/// Parse `text` in the worker: a saved page when `html`, else a text dump.
pub async fn parse_in_worker(text: String, html: bool) -> Result<Article, WorkerError> {
    let (id, promise) = STATE.with(|s| -> Result<_, WorkerError> {
        let mut s = s.borrow_mut();
        if s.worker.is_none() {
            start_worker(&mut s)?;
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
    let ready = STATE.with(|s| s.borrow().ready);
    if ready {
        post(id, &text, html);
    } else {
        STATE.with(|s| s.borrow_mut().queued.push((id, text, html)));
    }
    // A runaway parse ends the worker after the time limit.
    let timer = Closure::once(move || {
        if STATE.with(|s| s.borrow().pending.contains_key(&id)) {
            fail_all(WorkerError::TimedOut);
        }
    });
    let window = web_sys::window().ok_or(WorkerError::Unavailable)?;
    let handle = window
        .set_timeout_with_callback_and_timeout_and_arguments_0(
            timer.as_ref().unchecked_ref(),
            PARSE_TIMEOUT_MS,
        )
        .map_err(|_| WorkerError::Unavailable)?;
    let result = JsFuture::from(promise).await;
    window.clear_timeout_with_handle(handle);
    drop(timer);
    match result {
        Ok(json) => serde_json::from_str(&json.as_string().unwrap_or_default())
            .map_err(|_| WorkerError::Crashed),
        Err(reason) if reason.as_string().as_deref() == Some("timeout") => {
            Err(WorkerError::TimedOut)
        }
        Err(_) => Err(WorkerError::Crashed),
    }
}

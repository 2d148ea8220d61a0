//! What each of Folio's Web Workers (`src/bin/`) does to serve the page:
//! take requests, answer each, and say `"ready"` once it listens, as
//! [`crate::protocol`] lays them out.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::protocol::{Failure, Job};

/// One request from the page.
pub struct Request {
    pub id: JsValue,
    pub payload: JsValue,
    /// What to do; `None` for a job this version does not know.
    pub job: Option<Job>,
    scope: web_sys::DedicatedWorkerGlobalScope,
}

impl Request {
    /// The payload as text (empty when it is not text).
    pub fn text(&self) -> String {
        self.payload.as_string().unwrap_or_default()
    }

    /// Answer with `reply`, or with what went wrong.
    pub fn answer(&self, reply: Result<JsValue, Failure>) {
        let message = match reply {
            Ok(reply) => js_sys::Array::of2(&self.id, &reply),
            Err(failure) => js_sys::Array::of3(
                &self.id,
                &JsValue::NULL,
                &JsValue::from_str(&failure.to_text()),
            ),
        };
        let _ = self.scope.post_message(&message);
    }

    /// Answer with UTF-8 bytes whose buffer moves to the page: no copy, and
    /// no string conversion on either side.
    pub fn answer_bytes(&self, text: &str) {
        let bytes = js_sys::Uint8Array::from(text.as_bytes());
        let message = js_sys::Array::of2(&self.id, &bytes);
        let _ = self
            .scope
            .post_message_with_transfer(&message, &js_sys::Array::of1(&bytes.buffer()));
    }
}

/// Serve the page: `handle` gets every request, then say "ready".
pub fn serve(handle: impl Fn(Request) + 'static) {
    console_error_panic_hook::set_once();
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply_to = scope.clone();
    let on_message =
        Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
            let request = js_sys::Array::from(&ev.data());
            handle(Request {
                id: request.get(0),
                payload: request.get(1),
                job: request
                    .get(2)
                    .as_string()
                    .and_then(|name| Job::from_parts(&name, request.get(3).as_string().as_deref())),
                scope: reply_to.clone(),
            });
        });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    let _ = scope.post_message(&JsValue::from_str("ready"));
}

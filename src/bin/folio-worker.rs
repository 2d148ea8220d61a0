//! Folio's parser in a Web Worker: the page posts `[id, text, job]` (job
//! `"text"` or `"html"`; a text job may name the form to read it in as a
//! fourth element, `"text"`, `"wrapped"` or `"markdown"`) or `[id, bytes, "file", name]`, the worker answers
//! `[id, json]` (an Article, or for a file a `FileRead`, as UTF-8 bytes) or
//! `[id, null, error]`. Job `"memory"` answers the bytes of Wasm memory the
//! worker holds (for `scripts/measure-memory.mjs`). A file is decoded here, not on the page. Parsing
//! a 50 MB file or a thousand files happens here, so the page stays
//! responsive; a panic or a runaway parse takes down only this worker,
//! which the page then replaces.

#[cfg(target_arch = "wasm32")]
fn main() {
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;

    console_error_panic_hook::set_once();
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply_to = scope.clone();
    let on_message =
        Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
            let request = js_sys::Array::from(&ev.data());
            let id = request.get(0);
            let job = request.get(2).as_string().unwrap_or_default();
            let reply = if job == "memory" {
                // Bytes of Wasm memory: it only grows, so this is the peak so far.
                let memory = wasm_bindgen::memory().unchecked_into::<js_sys::WebAssembly::Memory>();
                let bytes = memory
                    .buffer()
                    .unchecked_into::<js_sys::ArrayBuffer>()
                    .byte_length();
                Ok(bytes.to_string())
            } else if job == "file" {
                let bytes = js_sys::Uint8Array::new(&request.get(1)).to_vec();
                let name = request.get(3).as_string().unwrap_or_default();
                read_file(&name, bytes)
            } else {
                let text = request.get(1).as_string().unwrap_or_default();
                let article = if job == "html" {
                    folio_core::html::parse_html(&text)
                } else {
                    let form = request.get(3).as_string();
                    let form = form.as_deref().and_then(folio_core::form::Form::from_name);
                    folio_core::parse::parse_text_as(&text, form)
                };
                Ok(to_json(&article, text.len()))
            };
            match reply {
                // The JSON goes back as UTF-8 bytes whose buffer moves to the
                // page: no copy, and no string conversion on either side.
                Ok(json) => {
                    let bytes = js_sys::Uint8Array::from(json.as_bytes());
                    let message = js_sys::Array::of2(&id, &bytes);
                    let _ = reply_to
                        .post_message_with_transfer(&message, &js_sys::Array::of1(&bytes.buffer()));
                }
                Err(error) => {
                    let message =
                        js_sys::Array::of3(&id, &JsValue::NULL, &JsValue::from_str(&error));
                    let _ = reply_to.post_message(&message);
                }
            }
        });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    // Messages that came before this point were dropped: say when to send.
    let _ = scope.post_message(&JsValue::from_str("ready"));
}

/// A file's bytes decoded and parsed, as `FileRead` JSON; its text goes
/// back only when it is small enough to store. Each copy is let go as soon
/// as the next exists, so a big file costs a few times its size at most.
#[cfg(target_arch = "wasm32")]
fn read_file(name: &str, bytes: Vec<u8>) -> Result<String, String> {
    use folio_web::files::{decode_file, FileRead};
    use folio_web::storage::MAX_STORED_TEXT_BYTES;

    let decoded = decode_file(name, &bytes).map_err(|e| e.name())?;
    drop(bytes);
    let article = if decoded.html {
        folio_core::html::parse_html(&decoded.text)
    } else {
        folio_core::parse_text(&decoded.text)
    };
    let text_len = decoded.text.len();
    let read = FileRead {
        article,
        text: (text_len <= MAX_STORED_TEXT_BYTES).then_some(decoded.text),
        text_len,
        encoding: decoded.encoding.to_string(),
        guessed: decoded.guessed,
        html: decoded.html,
    };
    let sent = read.text.as_ref().map_or(0, String::len);
    Ok(to_json(&read, text_len + sent))
}

/// JSON in a buffer sized up front from the text it came from (a story's
/// JSON is about its text's size): growing by doubling would hold twice a
/// big story at the moment of the last copy.
#[cfg(target_arch = "wasm32")]
fn to_json(value: &impl serde::Serialize, text_len: usize) -> String {
    let mut json = Vec::with_capacity(text_len + JSON_SLACK);
    let _ = serde_json::to_writer(&mut json, value);
    String::from_utf8(json).unwrap_or_default()
}

/// Bytes of a reply beyond its text: names, dates, lists.
#[cfg(target_arch = "wasm32")]
const JSON_SLACK: usize = 64 * 1024;

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("folio-worker runs only as a Web Worker in the browser");
}

//! Folio's parser in a Web Worker: its jobs (`folio_web::protocol::Job`)
//! are parsing a text (in a form) or a saved page, decoding and parsing a
//! file's bytes, reading the built-in example (its text lives here, not in
//! the page's Wasm), writing an Article out for export (the writers kept
//! off the page's Wasm), and saying how much memory it holds (for
//! `scripts/measure-memory.mjs`). A file is decoded here, not on the page.
//! Parsing a 50 MB file or a thousand files happens here, so the page
//! stays responsive; a panic or a runaway parse takes down only this
//! worker, which the page then replaces.

#[cfg(target_arch = "wasm32")]
fn main() {
    use folio_web::protocol::{Failure, Job};
    use wasm_bindgen::JsCast;

    folio_web::worker_host::serve(|request| {
        let reply = match &request.job {
            Some(Job::Memory) => {
                // Bytes of Wasm memory: it only grows, so this is the peak so far.
                let memory = wasm_bindgen::memory().unchecked_into::<js_sys::WebAssembly::Memory>();
                let bytes = memory
                    .buffer()
                    .unchecked_into::<js_sys::ArrayBuffer>()
                    .byte_length();
                Ok(bytes.to_string())
            }
            // An Article's JSON written out for export: indented JSON, or Markdown.
            Some(Job::Export { json }) => {
                serde_json::from_str::<folio_core::Article>(&request.text())
                    .map(|article| {
                        if *json {
                            serde_json::to_string_pretty(&article).unwrap_or_default()
                        } else {
                            folio_core::markdown::to_markdown(&article)
                        }
                    })
                    .map_err(|_| Failure::Unreadable)
            }
            Some(Job::File { name }) => {
                let bytes = js_sys::Uint8Array::new(&request.payload).to_vec();
                read_file(name, bytes)
            }
            Some(Job::Example) => {
                let text = folio_web::EXAMPLE_TEXT;
                read_file(folio_web::EXAMPLE_NAME, text.as_bytes().to_vec())
            }
            Some(Job::Html) => {
                let text = request.text();
                Ok(to_json(&folio_core::html::parse_html(&text), text.len()))
            }
            Some(Job::Text { form }) => {
                let text = request.text();
                Ok(to_json(
                    &folio_core::parse_text_as(&text, *form),
                    text.len(),
                ))
            }
            _ => Err(Failure::Unreadable),
        };
        match reply {
            Ok(json) => request.answer_bytes(&json),
            Err(failure) => request.answer(Err(failure)),
        }
    });
}

/// A file's bytes decoded and parsed, as `FileRead` JSON; its text goes
/// back only when it is small enough to store. Each copy is let go as soon
/// as the next exists, so a big file costs a few times its size at most.
#[cfg(target_arch = "wasm32")]
fn read_file(name: &str, bytes: Vec<u8>) -> Result<String, folio_web::protocol::Failure> {
    use folio_web::files::{decode_file, FileRead};
    use folio_web::storage::MAX_STORED_TEXT_BYTES;

    let decoded = decode_file(name, &bytes).map_err(|e| e.failure())?;
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

//! Folio's share-link coder in a Web Worker of its own: the page posts
//! `[id, text, job]` (job `"pack"`: a story's payload, or `"unpack"`: link
//! data), the worker answers `[id, reply]` or `[id, null, error]`. The
//! coder's priming text makes this Wasm some 70 KB bigger than the
//! parser's, and priming takes a few hundred milliseconds once, so it
//! lives apart: the page loads it only when a link is made or opened, and
//! a parse never waits for it.

#[cfg(target_arch = "wasm32")]
fn main() {
    use folio_core::link::{pack_payload, packer, unpack_payload, LinkDataError};
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;

    console_error_panic_hook::set_once();
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply_to = scope.clone();
    // Primed on the first job, then kept: priming is most of the work.
    let coder = std::cell::OnceCell::new();
    let on_message =
        Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
            let request = js_sys::Array::from(&ev.data());
            let id = request.get(0);
            let text = request.get(1).as_string().unwrap_or_default();
            let coder = coder.get_or_init(packer);
            let reply = match request.get(2).as_string().as_deref() {
                Some("pack") => Ok(pack_payload(coder, &text)),
                _ => unpack_payload(coder, &text).map_err(|e| match e {
                    LinkDataError::Damaged => "damaged",
                    LinkDataError::TooLarge => "too_large",
                }),
            };
            let message = match reply {
                Ok(reply) => js_sys::Array::of2(&id, &JsValue::from_str(&reply)),
                Err(error) => js_sys::Array::of3(&id, &JsValue::NULL, &JsValue::from_str(error)),
            };
            let _ = reply_to.post_message(&message);
        });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    let _ = scope.post_message(&JsValue::from_str("ready"));
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("folio-link-worker runs only as a Web Worker in the browser");
}

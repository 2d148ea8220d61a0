//! Folio's parser in a Web Worker: the page posts `[id, text, job]` (job
//! `"text"` or `"html"`), the worker answers `[id, articleJson]`. Parsing
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
            let text = request.get(1).as_string().unwrap_or_default();
            let job = request.get(2).as_string().unwrap_or_default();
            let article = if job == "html" {
                folio_core::html::parse_html(&text)
            } else {
                folio_core::parse_text(&text)
            };
            let json = serde_json::to_string(&article).unwrap_or_default();
            let _ = reply_to.post_message(&js_sys::Array::of2(&id, &JsValue::from_str(&json)));
        });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    // Messages that came before this point were dropped: say when to send.
    let _ = scope.post_message(&JsValue::from_str("ready"));
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("folio-worker runs only as a Web Worker in the browser");
}

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
    use wasm_bindgen::JsValue;

    // Primed on the first job, then kept: priming is most of the work.
    let coder = std::cell::OnceCell::new();
    folio_web::worker_host::serve(move |request| {
        let coder = coder.get_or_init(packer);
        let text = request.text();
        let reply = match request.job.as_str() {
            "pack" => Ok(pack_payload(coder, &text)),
            _ => unpack_payload(coder, &text).map_err(|e| match e {
                LinkDataError::Damaged => "damaged".to_string(),
                LinkDataError::TooLarge => "too_large".to_string(),
            }),
        };
        request.answer(reply.map(|r| JsValue::from_str(&r)));
    });
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("folio-link-worker runs only as a Web Worker in the browser");
}

//! Folio's share-link coder in a Web Worker of its own: the page posts
//! `[id, text, job]` (job `"pack"`: a story's payload to link data;
//! `"open"`: link data to the story's Article JSON; `"story"`: a payload,
//! as a first-format link or a kept shared story holds it, to the Article
//! JSON), the worker answers `[id, reply]` or `[id, null, error]`. Reading
//! payloads here keeps their reader and its checks off the page's Wasm. The
//! coder's priming text makes this Wasm some 70 KB bigger than the
//! parser's, and priming takes a few hundred milliseconds once, so it
//! lives apart: the page loads it only when a link is made or opened, and
//! a parse never waits for it.

#[cfg(target_arch = "wasm32")]
fn main() {
    use folio_core::link::{pack_payload, packer, unpack_payload, LinkDataError};
    use folio_core::share::decode_story;
    use wasm_bindgen::JsValue;

    // The story a payload holds, as JSON, or `story:` and why it cannot be read.
    let story = |payload: &str| {
        decode_story(payload)
            .map_err(|e| format!("story:{e}"))
            .and_then(|article| serde_json::to_string(&article).map_err(|e| format!("story:{e}")))
    };
    // Primed on the first link job, then kept: priming is most of the work.
    let coder = std::cell::OnceCell::new();
    folio_web::worker_host::serve(move |request| {
        let text = request.text();
        let reply = match request.job.as_str() {
            "pack" => Ok(pack_payload(coder.get_or_init(packer), &text)),
            "story" => story(&text),
            // "open": link data, unpacked and read.
            _ => unpack_payload(coder.get_or_init(packer), &text)
                .map_err(|e| match e {
                    LinkDataError::Damaged => "damaged".to_string(),
                    LinkDataError::TooLarge => "too_large".to_string(),
                })
                .and_then(|payload| story(&payload)),
        };
        request.answer(reply.map(|r| JsValue::from_str(&r)));
    });
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("folio-link-worker runs only as a Web Worker in the browser");
}

//! Folio's share-link coder in a Web Worker of its own. Its jobs
//! (`folio_web::protocol::Job`): `Pack`, a story's payload to link data;
//! `Open`, link data to the story's Article JSON; `Story`, a payload, as a
//! first-format link or a kept shared story holds it, to the Article JSON.
//! Reading
//! payloads here keeps their reader and its checks off the page's Wasm. The
//! coder's priming text makes this Wasm some 70 KB bigger than the
//! parser's, and priming takes some 200 milliseconds once, so it lives
//! apart: the page loads it only when a link is made or opened (for a
//! link in the address, index.html starts it before the page loads), and
//! a parse never waits for it.

#[cfg(target_arch = "wasm32")]
fn main() {
    use folio_core::share::decode_story;
    use folio_core::share::link::{pack_payload, packer, unpack_payload_once, LinkDataError};
    use folio_web::protocol::{Failure, Job};
    use std::cell::RefCell;
    use std::rc::Rc;
    use wasm_bindgen::JsValue;

    // The story a payload holds, as JSON, or why it cannot be read.
    let story = |payload: &str| {
        let why = |e: &dyn std::fmt::Display| Failure::Story(e.to_string());
        decode_story(payload)
            .map_err(|e| why(&e))
            .and_then(|article| serde_json::to_string(&article).map_err(|e| why(&e)))
    };
    // Primed as soon as the worker starts (it is started when a link is
    // about to be made or opened), then kept for packing: priming is most
    // of the work. Opening a link uses it up instead of copying its 36 MiB
    // (a page opens one link; another primes a new one).
    let coder = Rc::new(RefCell::new(None));
    let primed = coder.clone();
    folio_web::worker_host::serve(move |request| {
        let text = request.text();
        let reply = match request.job {
            Some(Job::Pack) => Ok(pack_payload(
                coder.borrow_mut().get_or_insert_with(packer),
                &text,
            )),
            Some(Job::Story) => story(&text),
            // Link data, unpacked and read.
            Some(Job::Open) => {
                let once = coder.borrow_mut().take().unwrap_or_else(packer);
                unpack_payload_once(once, &text)
                    .map_err(|e| match e {
                        LinkDataError::Damaged => Failure::Damaged,
                        LinkDataError::TooLarge => Failure::TooLarge,
                    })
                    .and_then(|payload| story(&payload))
            }
            _ => Err(Failure::Unreadable),
        };
        request.answer(reply.map(|r| JsValue::from_str(&r)));
    });
    // Requests that come meanwhile wait for it.
    primed.borrow_mut().get_or_insert_with(packer);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("folio-link-worker runs only as a Web Worker in the browser");
}

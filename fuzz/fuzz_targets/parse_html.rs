#![no_main]
// Any bytes, read as a saved page: the HTML reader, the structure scoring,
// the story's structure and the link addresses never panic; no link,
// picture or inline link but http(s) comes out; and the story a share link
// carries comes back from its payload the same.
use folio_core::address::is_web_address;
use folio_core::share::{decode_story, encode_story, shareable, ShareOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let html = String::from_utf8_lossy(data);
    let article = folio_core::html::parse_html(&html);
    for link in &article.related {
        if let Some(url) = &link.url {
            assert!(is_web_address(url), "{url}");
        }
    }
    for block in &article.body {
        if let Some(src) = &block.src {
            assert!(is_web_address(src), "{src}");
        }
        for link in &block.links {
            assert!(is_web_address(&link.url), "{}", link.url);
        }
    }
    let payload = encode_story(&article, ShareOptions::default());
    assert_eq!(decode_story(&payload), Ok(shareable(&article)));
});

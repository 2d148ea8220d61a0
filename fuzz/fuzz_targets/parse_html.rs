#![no_main]
// Any bytes, read as a saved page: the HTML reader, the structure scoring
// and the link addresses never panic, and no link but http(s) comes out.
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let html = String::from_utf8_lossy(data);
    let article = folio_core::html::parse_html(&html);
    for link in &article.related {
        if let Some(url) = &link.url {
            assert!(folio_core::address::is_web_address(url), "{url}");
        }
    }
});

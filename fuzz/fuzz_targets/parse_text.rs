#![no_main]
// Any bytes, read as text the way Folio reads a file: parsing never panics.
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let _ = folio_core::parse_text(&text);
});

#![no_main]
// Any payload from a share link, as it comes and with a valid checksum
// added (so the records behind the checksum are reached): decoding never
// panics, and what it accepts encodes back to the same story (what a link
// carries: not the notes decoding adds, such as a list cut to its cap).
use folio_core::share::{decode_story, encode_story, seal, shareable, ShareOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let _ = decode_story(text);
    if let Ok(story) = decode_story(&seal(text.to_string())) {
        let again = encode_story(&story, ShareOptions::default());
        assert_eq!(
            decode_story(&again).map(|a| shareable(&a)),
            Ok(shareable(&story))
        );
    }
});

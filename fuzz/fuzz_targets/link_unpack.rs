#![no_main]
// Any link data after `#s2.`: unpacking never panics, never runs past its
// caps, and what it accepts packs back to data that unpacks the same.
use folio_core::share::link::{pack_payload, packer, unpack_payload};
use folio_core::share::packing::Packer;
use libfuzzer_sys::fuzz_target;

static PACKER: std::sync::OnceLock<Packer> = std::sync::OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let packer = PACKER.get_or_init(packer);
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(payload) = unpack_payload(packer, text) {
        let again = pack_payload(packer, &payload);
        assert_eq!(unpack_payload(packer, &again).as_deref(), Ok(payload.as_str()));
    }
});

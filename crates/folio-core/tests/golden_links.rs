//! A link shared once must open for as long as Folio does. The `s2` link
//! data in `tests/fixtures/share-link-s2-*.txt` was made by an earlier
//! build; it must still unpack and decode to the story kept beside it
//! (`*.json`). Round trips cannot catch this: a change to the coder
//! (`packing.rs`) or to the priming text changes both directions at once,
//! and every link already shared stops opening. So the priming text is
//! pinned by its hash too: changing it needs a new link format.
//!
//! New vectors (only for a new format, never to make this pass):
//! `cargo test -p folio-core --test golden_links -- --ignored write_vectors`.

use std::path::PathBuf;

use folio_core::parse_text;
use folio_core::share::link::{pack_payload, packer, unpack_payload, PACKED_FORMAT};
use folio_core::share::{decode_story, encode_story, ShareOptions};

/// The stories the vectors carry: (name, text file, options).
const VECTORS: &[(&str, &str, ShareOptions)] = &[
    (
        "seed",
        "interfax-2025-12-31-kallas.txt",
        ShareOptions {
            without_side_lists: false,
            without_related: false,
        },
    ),
    (
        "crucial-week-short",
        "kallas-crucial-week.txt",
        ShareOptions {
            without_side_lists: true,
            without_related: true,
        },
    ),
];

/// FNV-1a (64 bits) of the priming text the `s2` coder reads first.
const S2_PRIMING_HASH: u64 = 0x2d60_1904_5515_57d1;

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures")
}

fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &b| {
        (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

#[test]
fn the_s2_priming_text_is_unchanged() {
    let priming = include_bytes!("../src/share/share_priming.txt");
    assert_eq!(
        fnv1a(priming),
        S2_PRIMING_HASH,
        "share_priming.txt changed: every s2 link already shared would stop opening"
    );
}

#[test]
fn links_shared_by_an_earlier_build_still_open_to_the_same_story() {
    assert_eq!(PACKED_FORMAT, "s2");
    let packer = packer();
    for (name, _, _) in VECTORS {
        let data = std::fs::read_to_string(fixtures().join(format!("share-link-s2-{name}.txt")))
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        let want: serde_json::Value = serde_json::from_str(
            &std::fs::read_to_string(fixtures().join(format!("share-link-s2-{name}.json")))
                .unwrap(),
        )
        .unwrap();
        let payload = unpack_payload(&packer, data.trim())
            .unwrap_or_else(|e| panic!("{name}: the link no longer unpacks: {e:?}"));
        let story = decode_story(&payload)
            .unwrap_or_else(|e| panic!("{name}: the payload no longer decodes: {e:?}"));
        assert_eq!(
            serde_json::to_value(&story).unwrap(),
            want,
            "{name}: the link opens to another story"
        );
    }
}

#[test]
#[ignore = "writes the vectors; run only when a new link format is made"]
fn write_vectors() {
    let packer = packer();
    for (name, file, options) in VECTORS {
        let text = std::fs::read_to_string(fixtures().join(file)).unwrap();
        let payload = encode_story(&parse_text(&text), *options);
        let data = pack_payload(&packer, &payload);
        let story = decode_story(&payload).unwrap();
        std::fs::write(
            fixtures().join(format!("share-link-s2-{name}.txt")),
            format!("{data}\n"),
        )
        .unwrap();
        std::fs::write(
            fixtures().join(format!("share-link-s2-{name}.json")),
            serde_json::to_string_pretty(&story).unwrap() + "\n",
        )
        .unwrap();
    }
    println!(
        "S2_PRIMING_HASH = {:#018x}",
        fnv1a(include_bytes!("../src/share/share_priming.txt"))
    );
}

//! Sniffing real news text in the encodings Folio meets, from fixture files
//! written without a byte-order mark unless the name says so.

use std::path::PathBuf;

use folio_core::decode::{sniff, Sniffed};

fn fixture(name: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/encodings")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn each_fixture_is_read_in_its_own_encoding() {
    let cases = [
        ("ru-news.utf-8.txt", "utf-8"),
        ("ru-news.windows-1251.txt", "windows-1251"),
        ("ru-news.koi8-r.txt", "koi8-r"),
        ("ru-news.utf-16le-bom.txt", "utf-16le"),
        ("ru-news.utf-16le.txt", "utf-16le"),
        ("ja-news.shift_jis.txt", "shift_jis"),
        ("zh-news.gbk.txt", "gbk"),
        ("pl-news.iso-8859-2.txt", "iso-8859-2"),
        ("fr-news.windows-1252.txt", "windows-1252"),
    ];
    for (name, want) in cases {
        match sniff(&fixture(name)) {
            Sniffed::Text { encoding, .. } => assert_eq!(encoding, want, "{name}"),
            other => panic!("{name}: {other:?}"),
        }
    }
}

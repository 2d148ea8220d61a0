//! Every DEV corpus page: the story read back from its share payload is
//! the story that was shared.

use std::path::PathBuf;

use folio_core::parse_text;
use folio_core::share::{decode_story, encode_story, shareable, ShareOptions};

#[test]
fn every_dev_page_round_trips() {
    let corpus = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/dev");
    let mut pages = 0;
    for dataset in ["scrapinghub", "trafilatura"] {
        let dir = corpus.join(dataset);
        let entries = std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
        for entry in entries {
            let path = entry.unwrap().path();
            if path.extension().is_none_or(|e| e != "txt") {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            let article = parse_text(&text);
            let payload = encode_story(&article, ShareOptions::default());
            let decoded =
                decode_story(&payload).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            assert_eq!(decoded, shareable(&article), "{}", path.display());
            pages += 1;
        }
    }
    assert!(pages >= 771, "only {pages} corpus pages found");
}

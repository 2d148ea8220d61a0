//! Every DEV corpus page: the story read back from its share payload is
//! the story that was shared; and every fifth page's payload comes back
//! whole through the link coder (priming is shared, coding is not cheap).

use std::path::PathBuf;

use folio_core::parse_text;
use folio_core::share::link::{pack_payload, packer, unpack_payload};
use folio_core::share::{decode_story, encode_story, shareable, ShareOptions};

#[test]
fn every_dev_page_round_trips() {
    let corpus = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/dev");
    let mut pages = 0;
    let packer = packer();
    for dataset in ["scrapinghub", "trafilatura"] {
        let dir = corpus.join(dataset);
        let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .map(|e| e.unwrap().path())
            .collect();
        paths.sort();
        for path in paths {
            if path.extension().is_none_or(|e| e != "txt") {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            let article = parse_text(&text);
            let payload = encode_story(&article, ShareOptions::default());
            let decoded =
                decode_story(&payload).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            assert_eq!(decoded, shareable(&article), "{}", path.display());
            if pages % 5 == 0 {
                let data = pack_payload(&packer, &payload);
                let back = unpack_payload(&packer, &data);
                assert_eq!(back.as_deref(), Ok(payload.as_str()), "{}", path.display());
            }
            pages += 1;
        }
    }
    assert!(pages >= 771, "only {pages} corpus pages found");
}

//! Parser throughput in bytes per second: the seed article, every DEV
//! corpus page, and one large synthetic dump (so per-call overhead does not
//! hide per-byte cost). Run: cargo bench -p folio-core --bench parse

use std::path::PathBuf;
use std::sync::OnceLock;

use divan::counter::BytesCount;
use divan::{black_box, Bencher};

fn main() {
    divan::main();
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn corpus() -> &'static Vec<String> {
    static PAGES: OnceLock<Vec<String>> = OnceLock::new();
    PAGES.get_or_init(|| {
        let mut pages = Vec::new();
        for dataset in ["scrapinghub", "trafilatura"] {
            let dir = root().join("../shared/corpus/dev").join(dataset);
            let mut paths: Vec<_> = std::fs::read_dir(&dir)
                .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
                .map(|e| e.unwrap().path())
                .filter(|p| p.extension().is_some_and(|e| e == "txt"))
                .collect();
            paths.sort();
            pages.extend(paths.iter().map(|p| std::fs::read_to_string(p).unwrap()));
        }
        pages
    })
}

#[divan::bench]
fn seed(bencher: Bencher) {
    let text =
        std::fs::read_to_string(root().join("tests/fixtures/interfax-2025-12-31-kallas.txt"))
            .unwrap();
    bencher
        .counter(BytesCount::new(text.len()))
        .bench(|| folio_core::parse_text(black_box(&text)));
}

#[divan::bench(sample_count = 10)]
fn dev_corpus(bencher: Bencher) {
    let pages = corpus();
    let bytes: usize = pages.iter().map(String::len).sum();
    bencher.counter(BytesCount::new(bytes)).bench(|| {
        for page in pages {
            black_box(folio_core::parse_text(black_box(page)));
        }
    });
}

#[divan::bench(sample_count = 10)]
fn all_pages_as_one_dump(bencher: Bencher) {
    let text = corpus().join("\n\n");
    bencher
        .counter(BytesCount::new(text.len()))
        .bench(|| folio_core::parse_text(black_box(&text)));
}

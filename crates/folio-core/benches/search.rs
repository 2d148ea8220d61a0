//! Library search: a phrase from deep inside one article's body, looked
//! for in 1,000 entries (the DEV pages, parsed once, then repeated to a
//! thousand). The goal is well under 50 ms a query, so it runs as the
//! reader types. Run: cargo bench -p folio-core --bench search

use std::path::PathBuf;

use divan::{black_box, Bencher};
use folio_core::filter::SearchText;

fn main() {
    divan::main();
}

const ENTRIES: usize = 1000;

fn library() -> (Vec<(folio_core::Article, SearchText)>, String) {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/dev");
    let mut texts = Vec::new();
    for dataset in ["scrapinghub", "trafilatura"] {
        let mut paths: Vec<_> = std::fs::read_dir(root.join(dataset))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        paths.sort();
        texts.extend(paths.iter().map(|p| std::fs::read_to_string(p).unwrap()));
    }
    let articles: Vec<_> = texts.iter().map(|t| folio_core::parse_text(t)).collect();
    // A phrase from the last block of the longest story: deep in one body.
    let deep = articles
        .iter()
        .max_by_key(|a| a.body.len())
        .and_then(|a| a.body.last())
        .map(|b| {
            b.text
                .split_whitespace()
                .take(4)
                .collect::<Vec<_>>()
                .join(" ")
        })
        .unwrap();
    let library = (0..ENTRIES)
        .map(|i| {
            let article = articles[i % articles.len()].clone();
            let search = SearchText::new(&article, &format!("page-{i}.txt"));
            (article, search)
        })
        .collect();
    (library, deep)
}

#[divan::bench(sample_count = 20)]
fn phrase_in_a_thousand_entries(bencher: Bencher) {
    let (library, phrase) = library();
    bencher.bench(|| {
        library
            .iter()
            .filter(|(_, s)| s.matches(black_box(&phrase)))
            .count()
    });
}

#[divan::bench(sample_count = 20)]
fn phrase_and_its_passages(bencher: Bencher) {
    let (library, phrase) = library();
    bencher.bench(|| {
        library
            .iter()
            .filter(|(_, s)| s.matches(black_box(&phrase)))
            .filter_map(|(_, s)| s.passage(&phrase))
            .count()
    });
}

//! The structure of DEV saved pages (pictures, lists, tables, code,
//! subheadings, links) survives what Folio does with a story: a share
//! link, and Markdown export read back by Folio's own Markdown reading.

use std::io::Read;
use std::path::PathBuf;

use folio_core::html::parse_html;
use folio_core::markdown::to_markdown;
use folio_core::parse_text_as;
use folio_core::share::{decode_story, encode_story, shareable, ShareOptions};
use folio_core::Form;
use folio_core::{Article, BlockKind};

/// Every DEV saved page: scrapinghub's `.html`, trafilatura's `.html.gz`.
fn saved_pages() -> Vec<(PathBuf, String)> {
    let corpus = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/dev");
    let mut pages = Vec::new();
    for dataset in ["scrapinghub", "trafilatura"] {
        let dir = corpus.join(dataset);
        let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .map(|e| e.unwrap().path())
            .filter(|p| {
                let name = p.to_string_lossy();
                name.ends_with(".html") || name.ends_with(".html.gz")
            })
            .collect();
        paths.sort();
        for path in paths {
            let mut bytes = std::fs::read(&path).unwrap();
            if path.extension().is_some_and(|e| e == "gz") {
                let mut unpacked = Vec::new();
                flate2::read::GzDecoder::new(bytes.as_slice())
                    .read_to_end(&mut unpacked)
                    .unwrap();
                bytes = unpacked;
            }
            pages.push((path, String::from_utf8_lossy(&bytes).into_owned()));
        }
    }
    pages
}

fn kinds(article: &Article) -> Vec<BlockKind> {
    article.body.iter().map(|b| b.kind).collect()
}

/// Each block's stressed runs as the reader sees them (next runs of one
/// stress are one run), with their stress: (words, em, strong).
fn stress(article: &Article) -> Vec<Vec<(String, bool, bool)>> {
    article
        .body
        .iter()
        .map(|b| {
            let mut runs: Vec<(String, bool, bool)> = Vec::new();
            for p in b.pieces() {
                match runs.last_mut() {
                    Some(last) if (last.1, last.2) == (p.em, p.strong) => last.0.push_str(p.text),
                    _ => runs.push((p.text.to_string(), p.em, p.strong)),
                }
            }
            runs.into_iter()
                .filter(|r| r.1 || r.2)
                .map(|(t, em, strong)| (t.trim().to_string(), em, strong))
                .collect()
        })
        .collect()
}

#[test]
fn saved_pages_keep_their_structure_through_links_and_markdown() {
    let pages = saved_pages();
    assert!(pages.len() >= 771, "only {} saved pages found", pages.len());
    let mut same = 0;
    let mut differ = Vec::new();
    let (mut stressed, mut stress_kept) = (0, 0);
    for (path, html) in &pages {
        let article = parse_html(html);
        let payload = encode_story(&article, ShareOptions::default());
        let decoded = decode_story(&payload).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert_eq!(decoded, shareable(&article), "{}", path.display());

        let markdown = to_markdown(&article);
        let back = parse_text_as(&markdown, Some(Form::Markdown));
        if stress(&article).iter().any(|runs| !runs.is_empty()) {
            stressed += 1;
            if stress(&back) == stress(&article) {
                stress_kept += 1;
            } else if std::env::var("SHOW_STRESS").is_ok() {
                for (a, b) in stress(&article).iter().zip(stress(&back)) {
                    if *a != b {
                        eprintln!("{}\n  {a:?}\n  {b:?}", path.display());
                        break;
                    }
                }
            }
        }
        if back.headline == article.headline && kinds(&back) == kinds(&article) {
            same += 1;
        } else {
            differ.push(path.file_name().unwrap().to_string_lossy().into_owned());
            if std::env::var("SHOW").is_ok() && differ.len() <= 12 {
                let letters = |a: &Article| -> String {
                    a.body
                        .iter()
                        .map(|b| format!("{:?}", b.kind).chars().next().unwrap())
                        .collect()
                };
                eprintln!(
                    "{}\n  {:?}\n  {:?}\n  {}\n  {}",
                    path.display(),
                    article.headline,
                    back.headline,
                    letters(&article),
                    letters(&back)
                );
            }
        }
    }
    eprintln!(
        "markdown round trips: {same} of {}; differ: {differ:?}; stress kept on {} of {stressed} pages with stress",
        pages.len(),
        stress_kept
    );
    // Every one since session 12 (760 of 771 when this was written): a
    // separator is no paragraph, the headline is not repeated in the body,
    // Folio's own export keeps its headline whole, and text that only
    // opens like a list item is written and read as text.
    // Stressed words read back as stressed, on 428 of the 436 stressed
    // pages when this was written: the rest start or end a run on
    // punctuation next to another run (`**Rodolfo Delgado***, Fiscal
    // general.*`), which CommonMark's flanking rules do not read as stress.
    assert!(
        stress_kept * 100 >= stressed * 97,
        "stress kept on only {} of {stressed} pages with stress",
        stress_kept
    );
    assert!(
        differ.is_empty(),
        "only {same} of {} saved pages read back from their Markdown as the same story",
        pages.len()
    );
}

/// The structure of a few real DEV pages, block by block: what a change to
/// the reader changes in them shows here (review it like code).
#[test]
fn real_pages_structure_snapshots() {
    for name in [
        "tf-netzpolitik.org.abmahnungen",
        "tf-ebike-mtb.com-offroad",
        "tf-flawlessfood.co.uk.olive",
    ] {
        let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../../../shared/corpus/dev/trafilatura")
            .join(format!("{name}.html.gz"));
        let mut html = Vec::new();
        flate2::read::GzDecoder::new(std::fs::read(&path).unwrap().as_slice())
            .read_to_end(&mut html)
            .unwrap();
        let article = parse_html(&String::from_utf8_lossy(&html));
        // One line per block: its kind and what it holds beyond its words.
        let outline: Vec<String> = article
            .body
            .iter()
            .map(|b| {
                let words: String = b.text.chars().take(40).collect();
                match b.kind {
                    BlockKind::Image => format!(
                        "image {} | {} | {}",
                        b.src.as_deref().unwrap_or(""),
                        b.caption.as_deref().unwrap_or(""),
                        b.credit.as_deref().unwrap_or("")
                    ),
                    BlockKind::List => format!(
                        "list of {} ({}): {words}",
                        b.items.len(),
                        if b.ordered { "numbered" } else { "bulleted" }
                    ),
                    BlockKind::Table => format!(
                        "table {}x{}",
                        b.rows.len(),
                        b.rows.first().map_or(0, Vec::len)
                    ),
                    BlockKind::Subheading => format!("subheading {:?}: {words}", b.level),
                    kind => format!("{kind:?} with {} links: {words}", b.links.len()),
                }
            })
            .collect();
        insta::assert_json_snapshot!(name, outline);
    }
}

//! Snapshot tests: the seed article in full, and a summary of a dozen
//! varied DEV corpus pages (languages, layouts). Review a changed snapshot
//! like code: it says what the parser now reads differently.

use std::path::PathBuf;

use folio_core::{parse_text, Article};

fn project_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn corpus_file(dataset: &str, name: &str) -> String {
    let path = project_root()
        .join("../shared/corpus/dev")
        .join(dataset)
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("corpus page {}: {e}", path.display()))
}

fn corpus_page(dataset: &str, id: &str) -> String {
    corpus_file(dataset, &format!("{id}.txt"))
}

/// Lower case, spaces collapsed: how the corpus scorer compares names and
/// headlines.
fn normalised(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The page's ground truth beside what the parser read, so that a snapshot
/// never blesses a wrong value unseen: each `agrees` says whether the
/// parser's field matches the truth as the corpus scorer counts it.
fn against_truth(article: &Article, dataset: &str, id: &str) -> serde_json::Value {
    use serde_json::Value;
    let truth: Value = serde_json::from_str(&corpus_file(dataset, &format!("{id}.json"))).unwrap();
    let text = |key: &str| truth.get(key).and_then(Value::as_str).map(str::to_string);
    let authors: Vec<String> = match truth.get("author") {
        Some(Value::String(a)) if !a.trim().is_empty() => vec![a.clone()],
        Some(Value::Array(list)) => list
            .iter()
            .filter_map(|a| a.as_str().map(str::to_string))
            .collect(),
        _ => Vec::new(),
    };
    let mut agrees = serde_json::Map::new();
    if let Some(headline) = text("headline") {
        let read = article.headline.as_deref().map(normalised);
        agrees.insert(
            "headline".into(),
            (read == Some(normalised(&headline))).into(),
        );
    }
    if let Some(date) = text("date").filter(|d| d.len() >= 10) {
        let read = article.published.as_deref().and_then(|p| p.get(..10));
        agrees.insert("date".into(), (read == Some(&date[..10])).into());
    }
    if !authors.is_empty() {
        let read = normalised(&article.byline.join(" | "));
        let all = authors.iter().all(|a| read.contains(&normalised(a)));
        agrees.insert("byline".into(), all.into());
    }
    serde_json::json!({
        "headline": text("headline"),
        "date": text("date"),
        "author": authors,
        "tags": truth.get("tags"),
        "agrees": agrees,
    })
}

/// What a reader would check first on a page, in a few lines.
fn summary(article: &Article) -> serde_json::Value {
    let first = article
        .body
        .first()
        .map(|b| b.text.chars().take(120).collect::<String>());
    let last = article
        .body
        .last()
        .map(|b| b.text.chars().take(120).collect::<String>());
    serde_json::json!({
        "headline": article.headline,
        "published": article.published,
        "section": article.section,
        "byline": article.byline,
        "language": article.language,
        "reading_minutes": article.reading_minutes,
        "tags": article.tags,
        "body_blocks": article.body.len(),
        "body_first": first,
        "body_last": last,
        "related": article.related.len(),
        "side_lists": article.side_lists.iter().map(|l| format!("{} ({})", l.title, l.items.len())).collect::<Vec<_>>(),
        "dropped_parts": article.dropped.len(),
    })
}

#[test]
fn seed_article() {
    let text = std::fs::read_to_string(
        project_root().join("tests/fixtures/interfax-2025-12-31-kallas.txt"),
    )
    .unwrap();
    insta::assert_json_snapshot!(parse_text(&text));
}

macro_rules! corpus_snapshots {
    ($($name:ident: $dataset:literal / $id:literal,)*) => {$(
        #[test]
        fn $name() {
            let article = parse_text(&corpus_page($dataset, $id));
            let mut seen = summary(&article);
            seen["truth"] = against_truth(&article, $dataset, $id);
            insta::assert_json_snapshot!(seen);
        }
    )*};
}

corpus_snapshots! {
    english_paywalled_business: "scrapinghub" / "042bb7b5fedab6eac7db576522b89b93904c237d344bcbe14a6a5ab7f7335856",
    italian_shopping: "scrapinghub" / "20b2b64916b00b25203c9f1bf14248922f4d522f18328e9f876cce116df0083e",
    portuguese_sport: "scrapinghub" / "3252222e61fe78982cffe0b0bad2b089c27b32f65852d1c5d3951517f3c2e295",
    russian_news: "scrapinghub" / "3c6d3381ef52ca26be2fbde19c1b0fe17d85682b726dfecf5e300c1ca34546b1",
    german_news: "scrapinghub" / "57b4dafd18cfd0531b69f81e87158648227c673ef159f8d8c87d34e34bdb21f2",
    japanese_news: "scrapinghub" / "85439e26c41c75901820d01a13e8cea7836abb58635ea3986f71a163ab0311d3",
    german_regional: "trafilatura" / "tf-0a24692a9ea846c1819bd6a5f92a8874",
    english_blog: "trafilatura" / "tf-0a3108e507c54157a95fe7a1338f5e9c",
    spanish_news: "trafilatura" / "tf-24horas.cl-segundo",
    french_archive: "trafilatura" / "tf-archive.org-travaillent",
    polish_recipe: "trafilatura" / "tf-archive.org.przepisy.pl.pierogi",
    portuguese_news: "trafilatura" / "tf-correiobraziliense.com.br-poderes",
    ukrainian_football: "trafilatura" / "tf-football.ua.podolski",
}

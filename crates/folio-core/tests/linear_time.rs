//! Hostile shapes parse in time linear in their size: each is parsed at
//! size N and 4N, and four times the input may take at most twice that
//! (8×, room for a busy machine). A parse quadratic in its input takes
//! sixteen times as long, which is what these shapes once did (issue #15: 1 MB of "she said" quotes 57 s,
//! `<br>`×N then `<div>`×N 192 s at N = 80k, 20k links and related items
//! 67 s).
//!
//! Times are the best of a few runs, so a busy machine's pauses do not
//! count.

use std::time::{Duration, Instant};

#[cfg(feature = "html")]
use folio_core::html::parse_html;
use folio_core::parse_text;

/// How many times the input grows between the two sizes.
const GROWTH: usize = 4;
/// Four times the input may take this many times as long.
const MAX_RATIO: f64 = 8.0;
/// The small size's parse takes at least this long (its size doubles until
/// it does), so a busy machine's pauses weigh little against the work.
const MIN_TIME: Duration = Duration::from_millis(60);
/// The small size grows no further than this many items.
const MAX_GROWN: usize = 200_000;

/// Runs per size; the fastest counts. Sizes are chosen so one run takes a
/// tenth of a second or more (in a debug build): shorter, a busy machine's
/// pauses weigh more than the work.
const RUNS: usize = 3;

/// One measurement at a time: the test harness runs tests on parallel
/// threads, and two timings sharing the cores disturb each other.
static ONE_AT_A_TIME: std::sync::Mutex<()> = std::sync::Mutex::new(());

fn best_of(run: impl Fn()) -> Duration {
    (0..RUNS)
        .map(|_| {
            let start = Instant::now();
            run();
            start.elapsed()
        })
        .min()
        .unwrap_or_default()
}

/// Fails when parsing `make(4n)` takes over `MAX_RATIO` times as long as
/// parsing `make(n)`.
fn assert_linear(name: &str, n: usize, make: impl Fn(usize) -> String, parse: fn(&str)) {
    let _alone = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    // Grow the small size until one parse takes long enough to time well.
    let mut n = n;
    let (mut small, mut t1);
    loop {
        small = make(n);
        t1 = best_of(|| parse(&small));
        if t1 >= MIN_TIME || n >= MAX_GROWN {
            break;
        }
        n *= 2;
    }
    let large = make(GROWTH * n);
    let t2 = best_of(|| parse(&large));
    let ratio = t2.as_secs_f64() / t1.as_secs_f64().max(1e-6);
    assert!(
        ratio <= MAX_RATIO,
        "{name}: {} bytes took {t1:?}, {} bytes {t2:?} ({ratio:.1}×)",
        small.len(),
        large.len()
    );
}

fn text(input: &str) {
    let article = parse_text(input);
    assert!(article.headline.is_some() || !article.body.is_empty());
}

#[cfg(feature = "html")]
fn html(input: &str) {
    let _ = parse_html(input);
}

const PROSE: &str = "A paragraph of running text that is long enough to read as prose in the story, with commas, words and a full stop.";

#[test]
fn quotes_that_say_she_said_without_a_name() {
    assert_linear(
        "quotes",
        8_000,
        |n| {
            let quotes: Vec<String> = (0..n)
                .map(|i| format!("\"We will go on with it {i},\" she said."))
                .collect();
            format!(
                "Headline for the quotes test here\n\n{}",
                quotes.join("\n\n")
            )
        },
        text,
    );
}

fn related_text(n: usize) -> String {
    let items: Vec<String> = (0..n)
        .map(|i| format!("Related story number {i} about the city"))
        .collect();
    format!(
        "Headline for the related test\n\n{PROSE}\n\n{PROSE}\n\n{PROSE}\n\nRelated\n{}",
        items.join("\n")
    )
}

#[test]
fn many_related_items_in_a_text() {
    assert_linear("related", 8_000, related_text, text);
    // And the story keeps a reader's number of them, saying so.
    let article = parse_text(&related_text(5_000));
    assert_eq!(article.related.len(), folio_core::article::MAX_RELATED);
    assert!(article
        .diagnostics
        .iter()
        .any(|d| d == "5000 related links: the first 200 are kept"));
}

#[cfg(feature = "html")]
#[test]
fn line_breaks_then_empty_blocks_in_a_page() {
    assert_linear(
        "br then div",
        10_000,
        |n| {
            format!(
                "<html><body><p>{PROSE}</p>{}{}</body></html>",
                "<br>".repeat(n),
                "<div></div>".repeat(n)
            )
        },
        html,
    );
}

#[cfg(feature = "html")]
#[test]
fn a_pre_of_blank_lines_then_paragraphs() {
    assert_linear(
        "pre then p",
        5_000,
        |n| {
            format!(
                "<html><body><pre>{}</pre>{}</body></html>",
                "\n".repeat(20 * n),
                "<p>x</p>".repeat(n)
            )
        },
        html,
    );
}

#[cfg(feature = "html")]
#[test]
fn many_links_and_related_items_in_a_page() {
    assert_linear(
        "links and related",
        3_000,
        |n| {
            let related: String = (0..n)
                .map(|i| format!("<li>Other related title {i} for you</li>"))
                .collect();
            let links: String = (0..n)
                .map(|i| format!("<a href=\"/a{i}\">Some link text number {i} here</a><br>"))
                .collect();
            format!(
                "<html><head><link rel=canonical href=\"https://example.com/story\"></head><body><h1>Headline of the links test</h1><p>{PROSE}</p><h2>Related</h2><ul>{related}</ul>{links}</body></html>"
            )
        },
        html,
    );
}

#[test]
fn a_share_payload_of_many_records() {
    use folio_core::share::{decode_story, seal};
    assert_linear(
        "payload",
        20_000,
        |n| {
            let mut records = String::from("h\tMany records\n");
            for i in 0..n {
                records.push_str(&format!(
                    "t\ttag {i}\nR\tRelated {i}\t\thttps://example.com/{i}\n"
                ));
            }
            seal(records)
        },
        |payload| {
            let article = decode_story(payload).unwrap();
            assert_eq!(article.tags.len(), folio_core::article::MAX_TAGS);
        },
    );
}

#[cfg(feature = "html")]
#[test]
fn many_small_tables_figures_and_lists_in_a_story() {
    assert_linear(
        "tables, figures and lists",
        2_000,
        |n| {
            let parts: String = (0..n)
                .map(|i| {
                    format!(
                        "<table><tr><td>cell {i}</td></tr></table>\
                         <figure><img src=\"/p{i}.jpg\" alt=\"picture {i}\"><figcaption>Caption {i}. Photo: A</figcaption></figure>\
                         <ul><li>item {i}</li></ul><p>{PROSE} <a href=\"/l{i}\">link {i}</a></p>"
                    )
                })
                .collect();
            format!(
                "<html><head><base href=\"https://example.com/\"></head><body><article><h1>Headline of the structure test</h1>{parts}</article></body></html>"
            )
        },
        html,
    );
}

#[test]
fn a_share_payload_of_many_table_rows_and_items() {
    use folio_core::share::{decode_story, seal};
    assert_linear(
        "rows and items",
        20_000,
        |n| {
            let mut records = String::from("h\tMany rows\nT\t1\n");
            for i in 0..n {
                records.push_str(&format!("r\t{i}\tcell\n"));
            }
            records.push_str("L\tlist\t\t\t0\n");
            for i in 0..n {
                records.push_str(&format!("e\titem {i}\nk\titem\thttps://example.com/{i}\n"));
            }
            seal(records)
        },
        |payload| {
            let article = decode_story(payload).unwrap();
            assert_eq!(article.body.len(), 2);
        },
    );
}

#[cfg(feature = "html")]
#[test]
fn list_items_then_many_one_row_tables_in_a_page() {
    assert_linear(
        "items then one-row tables",
        20_000,
        |n| {
            format!(
                "<html><body><p>{PROSE}</p><ul>{}</ul>{}</body></html>",
                "<li>item</li>".repeat(n),
                "<table><tr><td>a</td><td>b</td></tr></table>".repeat(n)
            )
        },
        html,
    );
}

//! The same DEV pages written out by other tools (`forms/`): Markdown's
//! marks never reach the story, and each form is read as what it is.

use std::path::PathBuf;

use folio_core::parse_text;
use folio_core::{detect_form, Form};

fn form_pages(form: &str) -> Vec<(PathBuf, String)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/corpus/forms")
        .join(form);
    let mut pages: Vec<(PathBuf, String)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .map(|p| {
            let text = String::from_utf8_lossy(&std::fs::read(&p).unwrap()).into_owned();
            (p, text)
        })
        .collect();
    pages.sort();
    assert!(
        pages.len() >= 100,
        "only {} pages in {}",
        pages.len(),
        dir.display()
    );
    pages
}

/// Markdown's own syntax, which a reader must never see in a story.
fn markdown_left_in(text: &str) -> Option<&'static str> {
    let trimmed = text.trim_start();
    if trimmed.starts_with("# ") || trimmed.starts_with("## ") {
        return Some("a heading's #");
    }
    ["](", "![", "|---", "---|", "**"]
        .into_iter()
        .find(|mark| text.contains(mark))
}

#[test]
fn no_markdown_syntax_reaches_headline_or_body() {
    for (path, text) in form_pages("markdown") {
        let article = parse_text(&text);
        assert_eq!(article.form, Form::Markdown, "{}", path.display());
        let shown = article
            .headline
            .iter()
            .chain(article.body.iter().map(|b| &b.text));
        for line in shown {
            if let Some(mark) = markdown_left_in(line) {
                panic!("{}: {mark} left in {line:?}", path.display());
            }
        }
    }
}

#[test]
fn wrapped_forms_are_read_as_wrapped() {
    for form in ["lynx", "pandoc"] {
        let pages = form_pages(form);
        let wrapped = pages
            .iter()
            .filter(|(_, text)| detect_form(text) == Form::Wrapped)
            .count();
        // A few pages are all menus or tables, with no paragraph to wrap.
        assert!(
            wrapped * 100 >= pages.len() * 90,
            "{form}: only {wrapped} of {} read as wrapped",
            pages.len()
        );
    }
}

#[test]
fn browser_text_is_read_as_text() {
    let pages = form_pages("copy");
    let other: Vec<_> = pages
        .iter()
        .filter(|(_, text)| detect_form(text) != Form::Text)
        .map(|(p, _)| p.display().to_string())
        .collect();
    assert!(other.is_empty(), "read as another form: {other:?}");
}

#[test]
fn a_clipping_names_its_original_page() {
    let clipping = std::fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/markdown-clipping.md"),
    )
    .unwrap();
    let article = parse_text(&clipping);
    assert_eq!(
        article.url.as_deref(),
        Some("https://news.example.org/travel/night-trains-alps")
    );
    let hostile = clipping.replace(
        "https://news.example.org/travel/night-trains-alps",
        "javascript:alert(1)",
    );
    assert_eq!(parse_text(&hostile).url, None);
}

//! Filtering the library: does an article match what the reader typed?
//!
//! A query matches when every one of its words occurs in the headline,
//! source, section, byline, file name or body, ignoring case; a word
//! written `#tag` (or `tag:word`) must equal one of the article's tags.

use crate::article::Article;

/// Whether `article` (loaded from a file called `name`) matches `query`.
/// An empty query matches everything.
pub fn matches_query(article: &Article, name: &str, query: &str) -> bool {
    let query = query.trim().to_lowercase();
    query.split_whitespace().all(|word| {
        if let Some(tag) = word.strip_prefix('#').or_else(|| word.strip_prefix("tag:")) {
            return article
                .tags
                .iter()
                .any(|t| t.to_lowercase().trim_start_matches('#') == tag);
        }
        let in_field =
            |field: Option<&String>| field.is_some_and(|f| f.to_lowercase().contains(word));
        in_field(article.headline.as_ref())
            || in_field(article.source.as_ref())
            || in_field(article.section.as_ref())
            || name.to_lowercase().contains(word)
            || article
                .byline
                .iter()
                .any(|b| b.to_lowercase().contains(word))
            || article.tags.iter().any(|t| t.to_lowercase().contains(word))
            || article
                .body
                .iter()
                .any(|b| b.text.to_lowercase().contains(word))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse_text;

    const SEED: &str = include_str!("../../../tests/fixtures/interfax-2025-12-31-kallas.txt");

    #[test]
    fn words_and_tags() {
        let article = parse_text(SEED);
        assert!(matches_query(&article, "seed.txt", ""));
        assert!(matches_query(&article, "seed.txt", "kallas moscow"));
        assert!(matches_query(&article, "seed.txt", "#kallas"));
        assert!(matches_query(&article, "seed.txt", "tag:KALLAS"));
        assert!(!matches_query(&article, "seed.txt", "#moscow"));
        assert!(!matches_query(&article, "seed.txt", "kallas bundesliga"));
    }
}

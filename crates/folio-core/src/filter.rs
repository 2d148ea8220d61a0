//! Filtering the library: does an article match what the reader typed?
//!
//! A query matches when every one of its words occurs in the headline,
//! source, section, byline, file name or body, ignoring case; a word
//! written `#tag` (or `tag:word`) must start one of the article's tags
//! ("#chin" finds "china"). [`SearchText`] does the same over text folded
//! once per entry, so a search over a whole library runs as the reader
//! types, and gives the passage where the words were found, as written,
//! without the article (a library lists its entries without theirs).

use crate::article::Article;

/// An entry's searchable text, folded to lower case once: its fields, one
/// per line, then the body's blocks.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SearchText {
    /// Headline, source, section, file name, byline, tags, body; lower case.
    folded: String,
    /// Where the body starts in `folded`.
    body_at: usize,
    /// The article's tags, lower case, without `#`.
    tags: Vec<String>,
    /// How the body was written.
    written: Written,
}

/// The body as written, from its folded copy: the letters lower case
/// changed, by their place in it (when lower case keeps the number of
/// letters and each one's length, as in all but a few languages' text:
/// a few bytes per capital), or else the body itself.
#[derive(Debug, Clone, PartialEq)]
enum Written {
    Changed(Vec<(u32, char)>),
    Whole(String),
}

impl Default for Written {
    fn default() -> Self {
        Written::Whole(String::new())
    }
}

impl Written {
    fn of(body: &str, folded: &str) -> Written {
        let mut changed = Vec::new();
        let mut folded_chars = folded.char_indices();
        for c in body.chars() {
            match folded_chars.next() {
                Some((at, f)) if f.len_utf8() == c.len_utf8() && u32::try_from(at).is_ok() => {
                    if f != c {
                        changed.push((at as u32, c));
                    }
                }
                _ => return Written::Whole(body.to_string()),
            }
        }
        if folded_chars.next().is_some() {
            return Written::Whole(body.to_string());
        }
        Written::Changed(changed)
    }

    /// Characters `from..to` of the body as written (as many as there
    /// are), given its folded copy, and how many characters it has: only
    /// the window is copied, so a passage costs the same in a long story.
    fn chars(&self, folded: &str, from: usize, to: usize) -> (Vec<char>, usize) {
        let text = match self {
            Written::Whole(body) => body,
            Written::Changed(_) => folded,
        };
        let place = |n: usize| text.char_indices().nth(n).map_or(text.len(), |(at, _)| at);
        let (start, end) = (place(from), place(to));
        let mut window = text[start..end].to_string();
        if let Written::Changed(changed) = self {
            let first = changed.partition_point(|&(at, _)| (at as usize) < start);
            for &(at, c) in changed[first..]
                .iter()
                .take_while(|&&(at, _)| (at as usize) < end)
            {
                let at = at as usize - start;
                window.replace_range(at..at + c.len_utf8(), c.encode_utf8(&mut [0; 4]));
            }
        }
        (window.chars().collect(), text.chars().count())
    }
}

/// What a story is searched by, read from an Article's JSON without the
/// rest of it (the library's index reads thousands): its fields, and its
/// body's blocks' text.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct StoryText {
    pub headline: Option<String>,
    pub source: Option<String>,
    pub section: Option<String>,
    pub byline: Vec<String>,
    pub tags: Vec<String>,
    pub body: Vec<BlockText>,
}

/// A body block's text.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct BlockText {
    pub text: String,
}

impl StoryText {
    /// Its search text, for the file `name`.
    pub fn search_text(&self, name: &str) -> SearchText {
        SearchText::of(
            [
                self.headline.as_deref(),
                self.source.as_deref(),
                self.section.as_deref(),
            ],
            name,
            (&self.byline, &self.tags),
            self.body.iter().map(|b| b.text.as_str()),
        )
    }
}

/// Characters of context shown on each side of a match.
const PASSAGE_CONTEXT: usize = 60;

impl SearchText {
    pub fn new(article: &Article, name: &str) -> Self {
        SearchText::of(
            [
                article.headline.as_deref(),
                article.source.as_deref(),
                article.section.as_deref(),
            ],
            name,
            (&article.byline, &article.tags),
            article.body.iter().map(|block| block.text.as_str()),
        )
    }

    /// The search text of a story given by what it is searched by: its
    /// headline, source and section, its file's name, its byline and
    /// tags, and its body's blocks' text (borrowed: nothing is copied
    /// but the folded text).
    fn of<'a>(
        fields: [Option<&str>; 3],
        name: &str,
        (byline, tags): (&[String], &[String]),
        body: impl Iterator<Item = &'a str>,
    ) -> Self {
        let mut folded = String::new();
        for field in fields
            .into_iter()
            .chain([Some(name)])
            .flatten()
            .chain(byline.iter().map(String::as_str))
            .chain(tags.iter().map(String::as_str))
        {
            folded.push_str(&field.to_lowercase());
            folded.push('\n');
        }
        let body_at = folded.len();
        let mut written = String::new();
        for block in body {
            written.push_str(block);
            written.push('\n');
        }
        folded.push_str(&written.to_lowercase());
        let written = Written::of(&written, &folded[body_at..]);
        let tags = tags
            .iter()
            .map(|t| t.to_lowercase().trim_start_matches('#').to_string())
            .collect();
        SearchText {
            folded,
            body_at,
            tags,
            written,
        }
    }

    /// Whether every word of `query` is here (see [`matches_query`]).
    pub fn matches(&self, query: &str) -> bool {
        let query = query.trim().to_lowercase();
        query.split_whitespace().all(|word| {
            match word.strip_prefix('#').or_else(|| word.strip_prefix("tag:")) {
                // A tag's start finds it: "#chin" finds "#china" as it is typed.
                Some(tag) => self.tags.iter().any(|t| t.starts_with(tag)),
                None => self.folded.contains(word),
            }
        })
    }

    /// The passage of the body where the query as a phrase, or else its
    /// first word found, is, as written, with some context, on one line;
    /// `None` when the body does not hold it.
    pub fn passage(&self, query: &str) -> Option<String> {
        let query = query.trim().to_lowercase();
        let words: Vec<&str> = query
            .split_whitespace()
            .filter(|w| !w.starts_with('#') && !w.starts_with("tag:"))
            .collect();
        let phrase = words.join(" ");
        let body = &self.folded[self.body_at..];
        let at = [phrase.as_str()]
            .into_iter()
            .chain(words.iter().copied())
            .filter(|w| !w.is_empty())
            .find_map(|w| body.find(w).map(|at| (at, w.len())))?;
        // Back to the written body, by characters: lower case keeps the
        // count in all but a few letters (İ), where the passage shifts by one.
        let chars_before = body[..at.0].chars().count();
        let chars_in = body[at.0..at.0 + at.1].chars().count();
        let start = chars_before.saturating_sub(PASSAGE_CONTEXT);
        let end = chars_before + chars_in + PASSAGE_CONTEXT;
        // The window, with a character more on each side to see whether
        // it cuts a word.
        let from = start.saturating_sub(1);
        let (written, length) = self.written.chars(body, from, end + 1);
        let end = end.min(length);
        let window: String = written
            .get(start - from..end.checked_sub(from)?)?
            .iter()
            .collect();
        let mut words: Vec<&str> = window.split_whitespace().collect();
        // Whole words only: a word the window cuts is left out.
        let cut = |at: usize| written.get(at - from).is_some_and(|c| !c.is_whitespace());
        if end < length && cut(end) && words.len() > 1 {
            words.pop();
        }
        if start > 0 && cut(start - 1) && words.len() > 1 {
            words.remove(0);
        }
        let mut passage = words.join(" ");
        if start > 0 {
            passage.insert(0, '…');
        }
        if end < length {
            passage.push('…');
        }
        Some(passage)
    }
}

/// Whether `article` (loaded from a file called `name`) matches `query`.
/// An empty query matches everything.
pub fn matches_query(article: &Article, name: &str, query: &str) -> bool {
    let query = query.trim().to_lowercase();
    query.split_whitespace().all(|word| {
        if let Some(tag) = word.strip_prefix('#').or_else(|| word.strip_prefix("tag:")) {
            return article
                .tags
                .iter()
                .any(|t| t.to_lowercase().trim_start_matches('#').starts_with(tag));
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
        // A tag is found by its start, as it is typed; not by its middle.
        assert!(matches_query(&article, "seed.txt", "#kal"));
        assert!(!matches_query(&article, "seed.txt", "#allas"));
    }

    #[test]
    fn the_search_text_matches_as_the_filter_does_and_shows_the_passage() {
        let article = parse_text(SEED);
        let search = SearchText::new(&article, "seed.txt");
        for query in [
            "",
            "kallas moscow",
            "#kallas",
            "tag:KALLAS",
            "#moscow",
            "#kal",
            "#allas",
            "kallas bundesliga",
            "SEED.TXT",
        ] {
            assert_eq!(
                search.matches(query),
                matches_query(&article, "seed.txt", query),
                "{query}"
            );
        }
        let passage = search.passage("real PROGRESS").unwrap();
        assert!(passage.contains("real progress"), "{passage}");
        assert!(
            passage.chars().count() <= 2 * PASSAGE_CONTEXT + 20,
            "{passage}"
        );
        assert_eq!(search.passage("bundesliga"), None);
        // As written: the capitals the folded copy lost come back.
        let passage = search.passage("kallas").unwrap();
        assert!(passage.contains("Kallas"), "{passage}");
    }

    #[test]
    fn a_passage_copies_only_its_window_and_reads_as_the_whole_body_would() {
        // The passage from the whole written body, cut as the reader sees it.
        let whole = |body: &str, word: &str| -> String {
            let written: Vec<char> = body.chars().collect();
            let at = body.to_lowercase().find(word).unwrap();
            let before = body.to_lowercase()[..at].chars().count();
            let start = before.saturating_sub(PASSAGE_CONTEXT);
            let end = (before + word.chars().count() + PASSAGE_CONTEXT).min(written.len());
            let window: String = written[start..end].iter().collect();
            let mut words: Vec<&str> = window.split_whitespace().collect();
            if end < written.len() && !written[end].is_whitespace() {
                words.pop();
            }
            if start > 0 && !written[start - 1].is_whitespace() {
                words.remove(0);
            }
            let ends = (
                if start > 0 { "…" } else { "" },
                if end < written.len() { "…" } else { "" },
            );
            format!("{}{}{}", ends.0, words.join(" "), ends.1)
        };
        let article = parse_text(SEED);
        let search = SearchText::new(&article, "seed.txt");
        let body: String = article
            .body
            .iter()
            .map(|b| format!("{}\n", b.text))
            .collect();
        let mut tried = 0;
        for word in body.split_whitespace() {
            let word = word.to_lowercase();
            if word.chars().all(char::is_alphanumeric) && word.chars().count() > 3 {
                assert_eq!(
                    search.passage(&word).unwrap(),
                    whole(&body, &word),
                    "{word}"
                );
                tried += 1;
            }
        }
        assert!(tried > 20);
        // The body's first and last words: no ellipsis on their side.
        let first = body.split_whitespace().next().unwrap().to_lowercase();
        assert!(!search.passage(&first).unwrap().starts_with('…'));
        let last = body.split_whitespace().last().unwrap().to_lowercase();
        let last = last.trim_matches(|c: char| !c.is_alphanumeric());
        assert!(!search.passage(last).unwrap().ends_with('…'));
    }

    #[test]
    fn a_story_read_from_its_articles_json_alone_searches_as_the_article_does() {
        let mut article = parse_text(SEED);
        article.byline.push("Anna Ivanova".into());
        article.section = Some("World".into());
        assert!(!article.tags.is_empty() && article.headline.is_some());
        let json = serde_json::to_string(&article).unwrap();
        let story: StoryText = serde_json::from_str(&json).unwrap();
        assert_eq!(
            story.search_text("seed.txt"),
            SearchText::new(&article, "seed.txt")
        );
        // Fields it does not know, and none at all, read too.
        let bare: StoryText = serde_json::from_str(r#"{"headline":"A","links":[1]}"#).unwrap();
        assert!(bare.search_text("a.txt").matches("a"));
    }

    #[test]
    fn a_passage_is_found_in_text_whose_lower_case_changes_length() {
        let paragraph = "İSTANBUL'DA DEĞİŞİM büyük oldu ve herkes bunu gördü, dediler bugün; belediye meclisi kararı oy birliğiyle aldı ve yeni kütüphane gelecek yıl açılacak.";
        let text = format!("Kütüphane açık kalıyor\n\n{paragraph}\n\n{paragraph}\n\n{paragraph}\n");
        let article = parse_text(&text);
        assert!(!article.body.is_empty());
        let search = SearchText::new(&article, "x.txt");
        let passage = search.passage("büyük").unwrap();
        assert!(passage.contains("DEĞİŞİM büyük"), "{passage}");
    }
}

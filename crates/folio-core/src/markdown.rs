//! An Article as Markdown, for export: headline, dateline, body, tags,
//! related links. Text from the input is escaped so it stays text.

use crate::address::is_web_address;
use crate::article::{Article, Block, BlockKind};
use crate::text::structure::{STORY_END, STORY_START};

/// Characters that start Markdown syntax when they open a line or sit inline.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Escaped text set at the start of a block, with what would open a list
/// there escaped too: a number and "." or ")" ("802. 11ac Wi-Fi" is not
/// item 802), or "-" or "+" and a space.
fn at_block_start(text: String) -> String {
    let digits = text.len() - text.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let rest = &text[digits..];
    let ordered = (1..=9).contains(&digits)
        && rest.starts_with(['.', ')'])
        && rest[1..].chars().next().is_none_or(char::is_whitespace);
    let bullet =
        text.starts_with(['-', '+']) && text[1..].chars().next().is_none_or(char::is_whitespace);
    if ordered {
        format!("{}\\{rest}", &text[..digits])
    } else if bullet {
        format!("\\{text}")
    } else {
        text
    }
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// An ISO 8601 moment as a person reads it: "2025-12-31T13:28+02:00" is
/// "31 December 2025, 13:28 (+02:00)"; anything else is left as it is.
fn readable(iso: &str) -> String {
    let (date, time) = iso.split_once('T').unwrap_or((iso, ""));
    let mut parts = date.splitn(3, '-');
    let (Some(year), Some(month), Some(day)) = (parts.next(), parts.next(), parts.next()) else {
        return iso.to_string();
    };
    let month = month
        .parse::<usize>()
        .ok()
        .and_then(|m| MONTHS.get(m.wrapping_sub(1)));
    let (Some(month), Ok(day)) = (month, day.parse::<u32>()) else {
        return iso.to_string();
    };
    let mut out = format!("{day} {month} {year}");
    if let Some(clock) = time.get(..5) {
        out.push_str(&format!(", {clock}"));
        let offset = time[5..].trim_start_matches(|c: char| c == ':' || c.is_ascii_digit());
        if !offset.is_empty() {
            out.push_str(&format!(" ({offset})"));
        }
    }
    out
}

/// An address for `<…>` in a link or image: a web page's only, with
/// nothing that could end the brackets.
fn address(url: &str) -> Option<String> {
    is_web_address(url).then(|| {
        url.replace('<', "%3C")
            .replace('>', "%3E")
            .replace(['\n', '\r'], "")
    })
}

/// A block's text with its links written as Markdown links and its
/// stressed words between `*` (`**` when strong), the spaces around them
/// outside the marks (Markdown reads no stress that starts with a space).
fn linked(block: &Block) -> String {
    let pieces = block.pieces();
    let mut out = String::new();
    for run in pieces.chunk_by(|a, b| (a.em, a.strong) == (b.em, b.strong)) {
        let words: String = run
            .iter()
            .map(|p| match p.url.and_then(address) {
                Some(url) => format!("[{}](<{url}>)", escape(p.text)),
                None => escape(p.text),
            })
            .collect();
        let mark = match (run[0].em, run[0].strong) {
            (true, true) => "***",
            (false, true) => "**",
            (true, false) => "*",
            (false, false) => "",
        };
        let inner = words.trim();
        if mark.is_empty() || inner.is_empty() {
            out.push_str(&words);
            continue;
        }
        let lead = words.len() - words.trim_start().len();
        out.push_str(&words[..lead]);
        out.push_str(mark);
        out.push_str(inner);
        out.push_str(mark);
        out.push_str(&words[lead + inner.len()..]);
    }
    out
}

/// A fence longer than any run of backticks in `code`.
fn fence(code: &str) -> String {
    let longest = code.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    "`".repeat(longest.max(2) + 1)
}

/// A table as GitHub's Markdown writes one: a header row (empty when the
/// table has none), its rule, then the rows, all as wide as the widest.
fn table(block: &Block) -> String {
    let width = block.rows.iter().map(Vec::len).max().unwrap_or(0).max(1);
    let row = |cells: &[String]| {
        let cells: Vec<String> = (0..width)
            .map(|i| escape(cells.get(i).map_or("", String::as_str)).replace('\n', " "))
            .collect();
        format!("| {} |", cells.join(" | "))
    };
    let (head, body) = match block.rows.split_first() {
        Some((first, rest)) if block.header => (row(first), rest),
        _ => (row(&[]), block.rows.as_slice()),
    };
    let mut lines = vec![head, format!("|{}", " --- |".repeat(width))];
    lines.extend(body.iter().map(|r| row(r)));
    lines.join("\n")
}

/// One body block; `bullet` marks a list's items (two lists in a row
/// need different bullets, or Markdown reads them as one).
fn write_block(out: &mut String, block: &Block, bullet: char) {
    match block.kind {
        BlockKind::Paragraph => out.push_str(&at_block_start(linked(block))),
        BlockKind::Subheading => {
            let level = block.level.unwrap_or(2).clamp(2, 6) as usize;
            out.push_str(&format!("{} {}", "#".repeat(level), escape(&block.text)));
        }
        BlockKind::List => {
            let items: Vec<String> = block
                .list_items()
                .iter()
                .enumerate()
                .map(|(i, item)| match block.ordered {
                    true if bullet == '*' => format!("{}) {}", i + 1, at_block_start(escape(item))),
                    true => format!("{}. {}", i + 1, at_block_start(escape(item))),
                    false => format!("{bullet} {}", at_block_start(escape(item))),
                })
                .collect();
            out.push_str(&items.join("\n"));
        }
        // The speaker and platform are read from the quote's own words.
        BlockKind::Quote => out.push_str(&format!("> {}", at_block_start(linked(block)))),
        // The picture and, in the same paragraph, its caption; the credit
        // is the image's title.
        BlockKind::Image => {
            let Some(src) = block.src.as_deref().and_then(address) else {
                return;
            };
            let alt = escape(block.alt.as_deref().unwrap_or(""));
            let title = block
                .credit
                .as_deref()
                .map(|c| format!(" \"{}\"", escape(c).replace('"', "\\\"")))
                .unwrap_or_default();
            out.push_str(&format!("![{alt}](<{src}>{title})"));
            if let Some(caption) = &block.caption {
                out.push_str(&format!("\n{}", escape(caption)));
            }
        }
        BlockKind::Table => out.push_str(&table(block)),
        BlockKind::Code => {
            let fence = fence(&block.text);
            let language = block.language.as_deref().unwrap_or("");
            let language: String = language
                .chars()
                .filter(|c| c.is_alphanumeric() || "+-#.".contains(*c))
                .collect();
            out.push_str(&format!("{fence}{language}\n{}\n{fence}", block.text));
        }
    }
}

/// A front matter value: one line, no quotes at its ends to be taken off.
/// A reader that knows no front matter shows it as Markdown: angle
/// brackets become look-alikes there, so no value opens a tag.
fn front_value(value: &str) -> String {
    value
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .trim_matches(['"', '\''])
        .replace('<', "‹")
        .replace('>', "›")
}

/// The fields Folio's Markdown reading takes from front matter.
fn front_matter(article: &Article) -> String {
    let mut out = String::from("---\ngenerator: Folio\n");
    if let Some(p) = &article.published {
        out.push_str(&format!("date: {}\n", front_value(p)));
    }
    if let Some(url) = article.url.as_deref().filter(|u| is_web_address(u)) {
        out.push_str(&format!("url: {}\n", front_value(url)));
    }
    if let Some(source) = &article.source {
        out.push_str(&format!("site: {}\n", front_value(source)));
    }
    for (key, values) in [("authors", &article.byline), ("tags", &article.tags)] {
        if !values.is_empty() {
            out.push_str(&format!("{key}:\n"));
            for v in values {
                out.push_str(&format!("  - {}\n", front_value(v)));
            }
        }
    }
    out.push_str("---\n\n");
    out
}

/// The article as a Markdown document. Front matter states its fields and
/// two comments (shown by no Markdown reader) mark where its story is, so
/// Folio reads its own export back as the same story.
pub fn to_markdown(article: &Article) -> String {
    let mut out = front_matter(article);
    if let Some(h) = &article.headline {
        out.push_str(&format!("# {}\n\n", escape(h)));
    }
    let meta: Vec<String> = [
        article.source.clone(),
        article.section.clone(),
        // As the page wrote it, else the moment in words.
        article
            .published_text
            .clone()
            .or_else(|| article.published.as_deref().map(readable)),
        (!article.byline.is_empty()).then(|| article.byline.join(", ")),
        (article.reading_minutes > 0).then(|| format!("{} min read", article.reading_minutes)),
    ]
    .into_iter()
    .flatten()
    .map(|m| escape(&m))
    .collect();
    if !meta.is_empty() {
        out.push_str(&format!("_{}_\n\n", meta.join(" · ")));
    }
    if let Some(url) = article.url.as_deref().filter(|u| is_web_address(u)) {
        out.push_str(&format!("[Original](<{url}>)\n\n"));
    }
    out.push_str(&format!("{STORY_START}\n\n"));
    let mut bullet = '-';
    for (i, block) in article.body.iter().enumerate() {
        let after_list = i > 0 && article.body[i - 1].kind == BlockKind::List;
        bullet = if after_list && bullet == '-' {
            '*'
        } else {
            '-'
        };
        write_block(&mut out, block, bullet);
        out.push_str("\n\n");
    }
    out.push_str(&format!("{STORY_END}\n\n"));
    if !article.tags.is_empty() {
        let tags: Vec<String> = article.tags.iter().map(|t| escape(t)).collect();
        out.push_str(&format!("Tags: {}\n\n", tags.join(", ")));
    }
    if !article.related.is_empty() {
        out.push_str("## Related\n\n");
        for r in &article.related {
            let title = match r.url.as_deref().filter(|u| is_web_address(u)) {
                Some(url) => format!("[{}](<{url}>)", escape(&r.title)),
                None => escape(&r.title),
            };
            match &r.published {
                Some(p) => out.push_str(&format!("- {title} ({})\n", escape(&readable(p)))),
                None => out.push_str(&format!("- {title}\n")),
            }
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{InlineLink, RelatedLink};

    #[test]
    fn stressed_words_are_written_between_stars_and_read_back() {
        let paragraph = Block {
            links: vec![InlineLink {
                text: "harbour".into(),
                url: "https://example.com/harbour".into(),
            }],
            emphasis: vec!["for the harbour".into()],
            strong: vec!["signed the plan".into()],
            ..Block::new(
                BlockKind::Paragraph,
                "The council signed the plan on Monday, for the harbour, with a * in it.",
            )
        };
        let article = Article {
            headline: Some("Harbour plan signed".into()),
            body: vec![paragraph.clone()],
            ..Article::default()
        };
        let markdown = to_markdown(&article);
        assert!(
            markdown.contains(
                "The council **signed the plan** on Monday, *for the [harbour](<https://example.com/harbour>)*, with a \\* in it."
            ),
            "{markdown}"
        );
        let back = crate::parse_text_as(&markdown, Some(crate::Form::Markdown));
        let read = back
            .body
            .iter()
            .find(|b| b.text == paragraph.text)
            .unwrap_or_else(|| panic!("{:#?}", back.body));
        assert_eq!(read.emphasis, paragraph.emphasis);
        assert_eq!(read.strong, paragraph.strong);
        assert_eq!(read.links, paragraph.links);
    }

    #[test]
    fn nothing_from_the_input_is_written_as_html() {
        let article = Article {
            headline: Some("<script>alert(1)</script>".into()),
            related: vec![RelatedLink {
                title: "[x](javascript:alert(1))".into(),
                published: Some("<img src=x onerror=alert(1)>".into()),
                url: Some("javascript:alert(1)".into()),
            }],
            ..Default::default()
        };
        let markdown = to_markdown(&article)
            .replace(STORY_START, "")
            .replace(STORY_END, "");
        // Every '<', '[' and ']' is escaped, so none opens a tag or a link
        // (the story's marks, Folio's own comments, aside).
        let bare = |c: char| {
            markdown
                .match_indices(c)
                .any(|(at, _)| !markdown[..at].ends_with('\\'))
        };
        assert!(!bare('<') && !bare('[') && !bare(']'), "{markdown}");
    }

    #[test]
    fn text_that_opens_like_a_list_stays_text() {
        let article = Article {
            headline: Some("Specifications".into()),
            body: vec![
                Block::new(
                    BlockKind::Paragraph,
                    "1. This paragraph only opens with a number, as some do.",
                ),
                Block::new(BlockKind::Paragraph, "- and this one with a dash"),
                Block::list(
                    vec!["802. 11AC Wi-Fi".into(), "Up to 10 hours of battery".into()],
                    false,
                ),
            ],
            ..Article::default()
        };
        let back = crate::parse_text_as(&to_markdown(&article), Some(crate::Form::Markdown));
        let kinds: Vec<BlockKind> = back.body.iter().map(|b| b.kind).collect();
        assert_eq!(
            kinds,
            [BlockKind::Paragraph, BlockKind::Paragraph, BlockKind::List]
        );
        assert_eq!(
            back.body[0].text,
            "1. This paragraph only opens with a number, as some do."
        );
        assert_eq!(
            back.body[2].items,
            ["802. 11AC Wi-Fi", "Up to 10 hours of battery"]
        );
    }

    #[test]
    fn dates_read_as_words_and_the_original_is_linked() {
        assert_eq!(readable("2025-12-31T13:28"), "31 December 2025, 13:28");
        assert_eq!(
            readable("2025-12-31T13:28:05+02:00"),
            "31 December 2025, 13:28 (+02:00)"
        );
        assert_eq!(readable("2019-03-01"), "1 March 2019");
        assert_eq!(readable("2019-13-01"), "2019-13-01");
        assert_eq!(readable("yesterday"), "yesterday");
        let article = Article {
            headline: Some("Harbour plan signed".into()),
            published: Some("2025-12-31T13:28".into()),
            url: Some("https://example.com/harbour".into()),
            related: vec![RelatedLink {
                title: "Talks go on".into(),
                published: Some("2025-12-30T09:05".into()),
                url: None,
            }],
            ..Default::default()
        };
        let markdown = to_markdown(&article);
        assert!(markdown.contains("_31 December 2025, 13:28_"), "{markdown}");
        assert!(
            markdown.contains("[Original](<https://example.com/harbour>)"),
            "{markdown}"
        );
        assert!(
            markdown.contains("- Talks go on (30 December 2025, 09:05)"),
            "{markdown}"
        );
        // An address that is not a web page's is never linked.
        let hostile = Article {
            url: Some("javascript:alert(1)".into()),
            ..article
        };
        assert!(!to_markdown(&hostile).contains("Original"));
    }
}

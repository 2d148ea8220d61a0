//! An Article as Markdown, for export: headline, dateline, body, tags,
//! related links. Text from the input is escaped so it stays text.

use crate::address::is_web_address;
use crate::article::{Article, BlockKind};

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

/// The article as a Markdown document.
pub fn to_markdown(article: &Article) -> String {
    let mut out = String::new();
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
    if let Some(lead) = &article.lead {
        out.push_str(&format!("**{}**\n\n", escape(lead)));
    }
    for block in &article.body {
        match block.kind {
            BlockKind::Paragraph => out.push_str(&escape(&block.text)),
            BlockKind::Subheading => out.push_str(&format!("## {}", escape(&block.text))),
            BlockKind::List => {
                let items: Vec<String> = block
                    .text
                    .lines()
                    .map(|l| {
                        format!(
                            "- {}",
                            escape(l.trim_start_matches(['•', '-', '–', '*', ' ']))
                        )
                    })
                    .collect();
                out.push_str(&items.join("\n"));
            }
            BlockKind::Quote => {
                out.push_str(&format!("> {}", escape(&block.text)));
                if let Some(speaker) = &block.speaker {
                    out.push_str(&format!("\n>\n> — {}", escape(speaker)));
                }
            }
        }
        out.push_str("\n\n");
    }
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
    use crate::article::RelatedLink;

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
        let markdown = to_markdown(&article);
        // Every '<', '[' and ']' is escaped, so none opens a tag or a link.
        let bare = |c: char| {
            markdown
                .match_indices(c)
                .any(|(at, _)| !markdown[..at].ends_with('\\'))
        };
        assert!(!bare('<') && !bare('[') && !bare(']'), "{markdown}");
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

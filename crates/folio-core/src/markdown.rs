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

/// The article as a Markdown document.
pub fn to_markdown(article: &Article) -> String {
    let mut out = String::new();
    if let Some(h) = &article.headline {
        out.push_str(&format!("# {}\n\n", escape(h)));
    }
    let meta: Vec<String> = [
        article.source.clone(),
        article.section.clone(),
        article.published.clone(),
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
                Some(p) => out.push_str(&format!("- {title} ({})\n", escape(p))),
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
}

//! The story as a share-link payload: a line-based text form.
//!
//! A share link carries the story, not the page it came from: everything in
//! the [`Article`] except `dropped` and `diagnostics`, which describe the
//! source text. Each field is one record: a tag, a tab (shown as → below), and tab-separated
//! values with `\`, tab and newline escaped. Readers skip tags they do not
//! know, so a later Folio can add fields and old links still open; a change
//! that old readers would misread gets a new link format (`s1`, `s2`: see
//! [`super::link`]). The last record is a checksum of all before it, so a
//! link changed in transit is refused rather than shown wrong. Packing it
//! short is [`super::packing`]'s job.
//!
//! ```text
//! h → Kallas urges not to accept Russia’s unfounded claims
//! s → Interfax-Ukraine
//! p → 2025-12-31T13:28 → 13:28 31.12.2025
//! P → Russia's statement that Ukraine recently struck …
//! Q → "Moscow aims to derail …," she wrote on the social network X. → Kaja Kallas → X
//! E → derail → 0
//! t → kallas
//! # → 3e1f09a2
//! ```

use crate::address::{is_web_address, without_tracking};
use crate::article::{Article, Block, BlockKind, Form, InlineLink, RelatedLink, SideList};

/// What to leave out of a shared story to make its link shorter.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ShareOptions {
    pub without_side_lists: bool,
    pub without_related: bool,
}

/// Why a payload could not be read back into a story.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShareError {
    /// The checksum is missing or does not match: the link was cut or changed.
    Damaged,
    /// A record could not be read (bad escape, bad number).
    Malformed(String),
}

impl std::fmt::Display for ShareError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ShareError::Damaged => {
                f.write_str("the link is damaged: it was cut short or changed on the way")
            }
            ShareError::Malformed(what) => write!(f, "the link's story cannot be read: {what}"),
        }
    }
}

impl std::error::Error for ShareError {}

fn escape(value: &str, out: &mut String) {
    for c in value.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c => out.push(c),
        }
    }
}

fn unescape(value: &str) -> Result<String, ShareError> {
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('\\') => out.push('\\'),
            Some('t') => out.push('\t'),
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            other => {
                return Err(ShareError::Malformed(format!(
                    "bad escape \\{}",
                    other.unwrap_or(' ')
                )))
            }
        }
    }
    Ok(out)
}

/// FNV-1a, 32 bits: enough to notice a changed or missing character.
fn checksum(text: &str) -> u32 {
    text.bytes().fold(0x811c_9dc5u32, |hash, b| {
        (hash ^ u32::from(b)).wrapping_mul(0x0100_0193)
    })
}

struct Writer(String);

impl Writer {
    fn record(&mut self, tag: &str, values: &[&str]) {
        self.0.push_str(tag);
        for value in values {
            self.0.push('\t');
            escape(value, &mut self.0);
        }
        self.0.push('\n');
    }

    fn optional(&mut self, tag: &str, value: &Option<String>) {
        if let Some(v) = value {
            self.record(tag, &[v]);
        }
    }
}

/// The story's payload text (before compression).
pub fn encode_story(article: &Article, options: ShareOptions) -> String {
    let mut w = Writer(String::new());
    w.optional("h", &article.headline);
    w.optional("s", &article.source);
    w.optional("c", &article.section);
    w.optional("o", &article.url);
    if let Some(p) = &article.published {
        w.record("p", &[p, article.published_text.as_deref().unwrap_or("")]);
    }
    if let Some(u) = &article.updated {
        w.record("u", &[u, article.updated_text.as_deref().unwrap_or("")]);
    }
    for author in &article.byline {
        w.record("a", &[author]);
    }
    let stated = if article.reading_minutes_stated {
        "1"
    } else {
        "0"
    };
    w.record("m", &[&article.reading_minutes.to_string(), stated]);
    w.optional("g", &article.language);
    for block in &article.body {
        encode_block(&mut w, block);
    }
    for tag in &article.tags {
        w.record("t", &[tag]);
    }
    if !options.without_related {
        for r in &article.related {
            w.record(
                "R",
                &[
                    &r.title,
                    r.published.as_deref().unwrap_or(""),
                    r.url.as_deref().unwrap_or(""),
                ],
            );
        }
    }
    if !options.without_side_lists {
        for list in &article.side_lists {
            w.record("S", &[&list.title]);
            for item in &list.items {
                w.record("i", &[item]);
            }
        }
    }
    seal(w.0)
}

/// One body block's records. Blocks older readers know keep their
/// records as they were (what they did not have goes in values or records
/// those readers skip); images, tables and code have records of their own.
/// Its links and stressed words follow, whatever its kind.
fn encode_block(w: &mut Writer, block: &Block) {
    let tag = match block.kind {
        BlockKind::Paragraph => "P",
        BlockKind::Quote => "Q",
        BlockKind::Subheading => "H",
        BlockKind::List => "L",
        BlockKind::Image => "I",
        BlockKind::Table => "T",
        BlockKind::Code => "C",
    };
    match block.kind {
        BlockKind::Image => {
            let or_empty = |v: &Option<String>| v.clone().unwrap_or_default();
            let (src, alt) = (or_empty(&block.src), or_empty(&block.alt));
            let (caption, credit) = (or_empty(&block.caption), or_empty(&block.credit));
            w.record(tag, &[&src, &alt, &caption, &credit]);
        }
        BlockKind::Table => {
            w.record(tag, &[if block.header { "1" } else { "0" }]);
            for row in &block.rows {
                let cells: Vec<&str> = row.iter().map(String::as_str).collect();
                w.record("r", &cells);
            }
        }
        BlockKind::Code => {
            let language = block.language.as_deref().unwrap_or("");
            w.record(tag, &[&block.text, language]);
        }
        BlockKind::Paragraph | BlockKind::Quote | BlockKind::Subheading | BlockKind::List => {
            let level = block.level.map(|l| l.to_string());
            // A numbered list says so even with its items in its text
            // alone (as an older payload carries them).
            let ordered = (!block.items.is_empty() || block.ordered).then_some(if block.ordered {
                "1"
            } else {
                "0"
            });
            let extra = level.as_deref().or(ordered);
            match (block.speaker.as_deref(), block.platform.as_deref(), extra) {
                (None, None, None) => w.record(tag, &[&block.text]),
                (speaker, platform, extra) => {
                    let mut values = vec![
                        block.text.as_str(),
                        speaker.unwrap_or(""),
                        platform.unwrap_or(""),
                    ];
                    values.extend(extra);
                    w.record(tag, &values);
                }
            }
            for item in &block.items {
                w.record("e", &[item]);
            }
        }
    }
    for link in &block.links {
        w.record("k", &[&link.text, &link.url]);
    }
    for words in &block.emphasis {
        w.record("E", &[words, "0"]);
    }
    for words in &block.strong {
        w.record("E", &[words, "1"]);
    }
}

/// Records with their checksum line appended: a complete payload.
pub fn seal(mut records: String) -> String {
    let sum = checksum(&records);
    records.push_str(&format!("#\t{sum:08x}\n"));
    records
}

fn non_empty(value: Option<&String>) -> Option<String> {
    value.filter(|v| !v.is_empty()).cloned()
}

/// The story back from its payload text. Records this version does not
/// know are skipped.
pub fn decode_story(payload: &str) -> Result<Article, ShareError> {
    let content = checked_records(payload)?;
    let mut article = Article::default();
    for line in content.lines() {
        let mut parts = line.split('\t');
        let tag = parts.next().unwrap_or("");
        let values = parts.map(unescape).collect::<Result<Vec<_>, _>>()?;
        match tag {
            "h" | "s" | "c" | "o" | "p" | "u" | "a" | "m" | "g" => {
                read_header_record(&mut article, tag, &values)?
            }
            "P" | "Q" | "H" | "L" | "e" | "I" | "T" | "r" | "C" | "k" | "E" => {
                read_body_record(&mut article, tag, values)?
            }
            "t" | "R" | "S" | "i" => read_list_record(&mut article, tag, &values)?,
            _ => {} // a field from a later Folio
        }
    }
    // A table's text is its rows, once they are all read.
    for table in article
        .body
        .iter_mut()
        .filter(|b| b.kind == BlockKind::Table)
    {
        *table = Block {
            links: std::mem::take(&mut table.links),
            ..Block::table(std::mem::take(&mut table.rows), table.header)
        };
    }
    // A payload may carry any number of records; the story keeps its caps.
    article.finish();
    Ok(article)
}

/// The payload's records before its checksum, when the checksum is theirs.
fn checked_records(payload: &str) -> Result<&str, ShareError> {
    let body = payload.strip_suffix('\n').unwrap_or(payload);
    let (content, last) = match body.rfind('\n') {
        Some(at) => (&payload[..at + 1], &body[at + 1..]),
        None => ("", body),
    };
    let stated_sum = last.strip_prefix("#\t").ok_or(ShareError::Damaged)?;
    if u32::from_str_radix(stated_sum, 16).ok() != Some(checksum(content)) {
        return Err(ShareError::Damaged);
    }
    Ok(content)
}

/// The first value of a record, or nothing.
fn first(values: &[String]) -> String {
    values.first().cloned().unwrap_or_default()
}

/// A record of the story's header: headline, source, section, original
/// address, dates, an author, reading time, language (an older Folio's
/// lead, `l`, is no longer read: nothing made one).
fn read_header_record(
    article: &mut Article,
    tag: &str,
    values: &[String],
) -> Result<(), ShareError> {
    match tag {
        "h" => article.headline = Some(first(values)),
        "s" => article.source = Some(first(values)),
        "c" => article.section = Some(first(values)),
        // The original's address, only ever a web page's.
        "o" => article.url = Some(first(values)).filter(|u| is_web_address(u)),
        "p" => {
            article.published = Some(first(values));
            article.published_text = non_empty(values.get(1));
        }
        "u" => {
            article.updated = Some(first(values));
            article.updated_text = non_empty(values.get(1));
        }
        "a" => article.byline.push(first(values)),
        "m" => {
            article.reading_minutes = first(values)
                .parse()
                .map_err(|_| ShareError::Malformed("reading time is not a number".into()))?;
            article.reading_minutes_stated = values.get(1).is_some_and(|v| v == "1");
        }
        _ => article.language = Some(first(values)),
    }
    Ok(())
}

/// A record of the story's body: a block (paragraph, quote, subheading,
/// list, picture, table, code), a list item, a table row, or a link or
/// stressed words in the block before.
fn read_body_record(
    article: &mut Article,
    tag: &str,
    values: Vec<String>,
) -> Result<(), ShareError> {
    match tag {
        "P" | "Q" | "H" | "L" => {
            let kind = match tag {
                "P" => BlockKind::Paragraph,
                "Q" => BlockKind::Quote,
                "H" => BlockKind::Subheading,
                _ => BlockKind::List,
            };
            let mut block = Block::new(kind, first(&values));
            block.speaker = non_empty(values.get(1));
            block.platform = non_empty(values.get(2));
            let extra = values.get(3).map(String::as_str);
            match kind {
                BlockKind::Subheading => block.level = extra.and_then(|l| l.parse().ok()),
                BlockKind::List => block.ordered = extra == Some("1"),
                _ => {}
            }
            article.body.push(block);
        }
        "e" => match article.body.last_mut() {
            Some(list) if list.kind == BlockKind::List => list.items.push(first(&values)),
            _ => return Err(ShareError::Malformed("a list item outside a list".into())),
        },
        "I" => {
            let src = first(&values);
            // An image only ever comes from a web address, whoever made the payload.
            if is_web_address(&src) {
                article.body.push(Block::image(
                    src,
                    non_empty(values.get(1)),
                    non_empty(values.get(2)),
                    non_empty(values.get(3)),
                ));
            }
        }
        "T" => article.body.push(Block {
            header: first(&values) == "1",
            ..Block::table(Vec::new(), false)
        }),
        "r" => match article.body.last_mut() {
            Some(table) if table.kind == BlockKind::Table => table.rows.push(values),
            _ => return Err(ShareError::Malformed("a table row outside a table".into())),
        },
        "C" => article.body.push(Block {
            language: non_empty(values.get(1)),
            ..Block::new(BlockKind::Code, first(&values))
        }),
        "E" => {
            if let Some(block) = article.body.last_mut() {
                let words = first(&values);
                match values.get(1).is_some_and(|s| s == "1") {
                    true => block.strong.push(words),
                    false => block.emphasis.push(words),
                }
            }
        }
        _ => {
            let url = values.get(1).filter(|u| is_web_address(u));
            if let (Some(block), Some(url)) = (article.body.last_mut(), url) {
                block.links.push(InlineLink {
                    text: first(&values),
                    url: without_tracking(url),
                });
            }
        }
    }
    Ok(())
}

/// A record of the lists around the story: a tag, a related link, a side
/// list, or an item of the side list before.
fn read_list_record(article: &mut Article, tag: &str, values: &[String]) -> Result<(), ShareError> {
    match tag {
        "t" => article.tags.push(first(values)),
        "R" => article.related.push(RelatedLink {
            title: first(values),
            published: non_empty(values.get(1)),
            // A link only ever opens a web page, whoever made the payload.
            url: non_empty(values.get(2))
                .filter(|u| is_web_address(u))
                .map(|u| without_tracking(&u)),
        }),
        "S" => article.side_lists.push(SideList {
            title: first(values),
            items: Vec::new(),
        }),
        _ => match article.side_lists.last_mut() {
            Some(list) => list.items.push(first(values)),
            None => {
                return Err(ShareError::Malformed(
                    "a side-list item before any side list".into(),
                ))
            }
        },
    }
    Ok(())
}

/// The part of an article a share link carries: all but what describes
/// the source text (`dropped`, `diagnostics`).
pub fn shareable(article: &Article) -> Article {
    Article {
        dropped: Vec::new(),
        diagnostics: Vec::new(),
        form: Form::default(),
        ..article.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::InlineLink;
    use crate::parse_text;

    const SEED: &str = include_str!("../../../../tests/fixtures/interfax-2025-12-31-kallas.txt");

    #[test]
    fn every_kind_of_block_round_trips_with_its_links() {
        let link = |text: &str| InlineLink {
            text: text.into(),
            url: "https://example.com/a".into(),
        };
        let article = Article {
            headline: Some("Harbour plan signed".into()),
            url: Some("https://example.com/harbour".into()),
            body: vec![
                Block {
                    links: vec![link("plan")],
                    emphasis: vec!["The plan".into()],
                    strong: vec!["signed".into()],
                    ..Block::new(BlockKind::Paragraph, "The plan was signed.")
                },
                Block {
                    level: Some(3),
                    ..Block::new(BlockKind::Subheading, "What it says")
                },
                Block::list(vec!["Deepen".into(), "Build".into()], true),
                Block {
                    links: vec![link("Ships")],
                    ..Block::table(
                        vec![
                            vec!["Year".into(), "Ships".into()],
                            vec!["2025".into(), "14".into()],
                        ],
                        true,
                    )
                },
                Block::image(
                    "https://example.com/a.jpg".into(),
                    Some("The harbour".into()),
                    Some("At dawn.".into()),
                    Some("Photo: AP".into()),
                ),
                Block {
                    language: Some("json".into()),
                    links: vec![link("quay")],
                    ..Block::new(BlockKind::Code, "{\n  \"quay\": 1\n}")
                },
            ],
            ..Default::default()
        };
        let payload = encode_story(&article, ShareOptions::default());
        assert_eq!(decode_story(&payload), Ok(shareable(&article)));
        // An older reader's records for an image's or a table's parts are
        // skipped; a picture from anywhere but the web never comes in.
        let hostile = seal("h\tx\nI\tjavascript:alert(1)\t\t\t\n".into());
        assert!(decode_story(&hostile).unwrap().body.is_empty());
    }

    #[test]
    fn seed_round_trips() {
        let article = parse_text(SEED);
        let payload = encode_story(&article, ShareOptions::default());
        assert_eq!(decode_story(&payload), Ok(shareable(&article)));
    }

    #[test]
    fn options_leave_lists_out() {
        let article = parse_text(SEED);
        let options = ShareOptions {
            without_side_lists: true,
            without_related: true,
        };
        let decoded = decode_story(&encode_story(&article, options)).unwrap();
        assert!(decoded.side_lists.is_empty() && decoded.related.is_empty());
        assert_eq!(decoded.body, article.body);
    }

    #[test]
    fn escapes_survive() {
        let article = Article {
            headline: Some("Tab\there, line\nbreak, back\\slash".into()),
            body: vec![Block::new(BlockKind::List, "• one\n• two")],
            ..Article::default()
        };
        let payload = encode_story(&article, ShareOptions::default());
        assert_eq!(decode_story(&payload).unwrap(), article);
    }

    #[test]
    fn damage_is_refused() {
        let payload = encode_story(&parse_text(SEED), ShareOptions::default());
        assert_eq!(
            decode_story(&payload[..payload.len() / 2]),
            Err(ShareError::Damaged)
        );
        let changed = payload.replacen("Kallas", "Kallaz", 1);
        assert_eq!(decode_story(&changed), Err(ShareError::Damaged));
        assert_eq!(decode_story(""), Err(ShareError::Damaged));
    }

    #[test]
    fn only_web_links_survive_a_payload() {
        let payload = seal(
            "h\tTitle\nR\tSafe\t\thttps://example.com/a\nR\tEvil\t\tjavascript:alert(1)\n"
                .to_string(),
        );
        let article = decode_story(&payload).unwrap();
        let urls: Vec<Option<&str>> = article.related.iter().map(|r| r.url.as_deref()).collect();
        assert_eq!(urls, vec![Some("https://example.com/a"), None]);
    }

    #[test]
    fn a_payload_of_a_million_tags_keeps_the_caps() {
        let mut records = String::from("h\tMany tags\n");
        for i in 0..1_000_000 {
            records.push_str(&format!("t\t{i}\n"));
        }
        records.push_str("S\tList\n");
        for i in 0..10_000 {
            records.push_str(&format!("i\t{i}\n"));
        }
        let article = decode_story(&seal(records)).unwrap();
        assert_eq!(article.tags.len(), crate::article::MAX_TAGS);
        assert_eq!(
            article.side_lists[0].items.len(),
            crate::article::MAX_SIDE_ITEMS
        );
        assert!(article
            .diagnostics
            .iter()
            .any(|d| d.starts_with("1000000 tags")));
    }

    #[test]
    fn a_capped_story_encodes_back_to_the_same_story() {
        // Found by the share_decode fuzz target: 22 authors are cut to 20
        // with a note, and the note is not part of what a link carries.
        let records: String = (0..22).map(|_| "a\t\n").collect::<String>() + "Q\t#\n";
        let story = decode_story(&seal(records)).unwrap();
        assert_eq!(story.byline.len(), crate::article::MAX_BYLINE);
        let again = decode_story(&encode_story(&story, ShareOptions::default())).unwrap();
        assert_eq!(shareable(&again), shareable(&story));
    }

    #[test]
    fn a_numbered_list_without_item_records_stays_numbered() {
        // Found by the share_decode fuzz target (session 9, 2.49 M runs):
        // a numbered list whose items are only in its text lost its number
        // on its second trip.
        let story = decode_story(&seal("L\t1. one 2. two\t\t\t1\n".to_string())).unwrap();
        assert!(story.body[0].ordered);
        let again = decode_story(&encode_story(&story, ShareOptions::default())).unwrap();
        assert_eq!(shareable(&again), shareable(&story));
    }

    #[test]
    fn unknown_records_are_skipped() {
        let payload = seal("h\tTitle\nZ\ta field from the future\nP\tText.\n".to_string());
        let article = decode_story(&payload).unwrap();
        assert_eq!(article.headline.as_deref(), Some("Title"));
        assert_eq!(article.body.len(), 1);
    }
}

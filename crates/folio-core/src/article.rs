//! The Article model: what the parser gives and what the viewer shows.
//!
//! Field names are the JSON names (serde), so the CLI output, the export and
//! the scorer all read the same shape.

use serde::{Deserialize, Serialize};

/// A structured story read from one text dump or saved page.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// Site or publisher name, e.g. "Interfax-Ukraine".
    pub source: Option<String>,
    /// The site's section or rubric, e.g. "Facts".
    pub section: Option<String>,
    /// The original page's address (http or https only, without tracking
    /// parameters), as a saved page or a text's front matter states it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The story's headline, once.
    pub headline: Option<String>,
    /// Publication time, ISO 8601 (`2025-12-31T13:28`, with an offset only
    /// when the text states one).
    pub published: Option<String>,
    /// The publication date as the page wrote it, e.g. "13:28 31.12.2025".
    pub published_text: Option<String>,
    /// Last update time, ISO 8601, when the page states one.
    pub updated: Option<String>,
    /// The update date as the page wrote it.
    pub updated_text: Option<String>,
    /// Authors named in the byline.
    pub byline: Vec<String>,
    /// Reading time in minutes: stated on the page, else computed.
    pub reading_minutes: u32,
    /// Whether `reading_minutes` was stated on the page (true) or computed.
    pub reading_minutes_stated: bool,
    /// The story itself, in order.
    pub body: Vec<Block>,
    /// Tags or keywords of the story, without a leading `#`.
    pub tags: Vec<String>,
    /// Links to related stories, each once, in page order.
    pub related: Vec<RelatedLink>,
    /// Lists beside the story ("HOT NEWS", "LATEST") that are not part of it.
    pub side_lists: Vec<SideList>,
    /// Parts of the input left out of the story, with why.
    pub dropped: Vec<Dropped>,
    /// ISO 639-1 code of the text's language, when recognised.
    pub language: Option<String>,
    /// What the parser was unsure of.
    pub diagnostics: Vec<String>,
    /// The form the text was read as: innerText, hard-wrapped or Markdown.
    #[serde(default)]
    pub form: Form,
}

/// How many of each list an article keeps: far more than any story has,
/// few enough that a hostile page or link cannot make the reader lay out
/// a million tags. What is over is left out with a note in `diagnostics`;
/// the story's body is never cut.
pub const MAX_BYLINE: usize = 20;
pub const MAX_TAGS: usize = 100;
pub const MAX_RELATED: usize = 200;
pub const MAX_SIDE_LISTS: usize = 30;
pub const MAX_SIDE_ITEMS: usize = 200;
pub const MAX_DROPPED: usize = 1_000;

impl Article {
    /// What every reader of a story (text, saved page, share link) does last:
    /// lists kept within their caps, bidi controls in names made visible.
    pub fn finish(&mut self) {
        self.cap_lists();
        self.mark_bidi_controls();
    }

    /// Bidi overrides, embeddings and isolates in the short fields a
    /// reader trusts (headline, names, tags, link titles) shown as what
    /// they are: "invoice_\u{202E}fdp.exe" would show as "invoice_exe.pdf".
    /// The body keeps them: right-to-left text may use them.
    pub fn mark_bidi_controls(&mut self) {
        fn mark(text: &mut String) {
            if text.contains(is_bidi_control) {
                *text = text
                    .chars()
                    .map(|c| {
                        if is_bidi_control(c) {
                            format!("[U+{:04X}]", c as u32)
                        } else {
                            c.to_string()
                        }
                    })
                    .collect();
            }
        }
        [&mut self.headline, &mut self.source, &mut self.section]
            .into_iter()
            .flatten()
            .for_each(mark);
        self.byline.iter_mut().for_each(mark);
        self.tags.iter_mut().for_each(mark);
        for link in &mut self.related {
            mark(&mut link.title);
        }
        for list in &mut self.side_lists {
            mark(&mut list.title);
            list.items.iter_mut().for_each(mark);
        }
    }

    /// Keeps each list within its cap ([`MAX_TAGS`] and kin), noting what
    /// was left out.
    pub fn cap_lists(&mut self) {
        fn cap<T>(items: &mut Vec<T>, max: usize, what: &str, notes: &mut Vec<String>) {
            if items.len() > max {
                notes.push(format!("{} {what}: the first {max} are kept", items.len()));
                items.truncate(max);
            }
        }
        let notes = &mut self.diagnostics;
        cap(&mut self.byline, MAX_BYLINE, "authors", notes);
        cap(&mut self.tags, MAX_TAGS, "tags", notes);
        cap(&mut self.related, MAX_RELATED, "related links", notes);
        cap(&mut self.side_lists, MAX_SIDE_LISTS, "side lists", notes);
        for list in &mut self.side_lists {
            let what = format!("items in the side list \"{}\"", list.title);
            cap(&mut list.items, MAX_SIDE_ITEMS, &what, notes);
        }
        cap(&mut self.dropped, MAX_DROPPED, "left-out parts", notes);
    }
}

/// A bidi override, embedding or isolate (U+202A–U+202E, U+2066–U+2069).
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// What a body block is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum BlockKind {
    Paragraph,
    Quote,
    Subheading,
    List,
    /// A picture: its address, alt text, caption and credit (its `text`
    /// is empty: a caption is about the story, not of it).
    Image,
    /// A table of data: `rows` of cells, the first the header when marked.
    Table,
    /// Code or preformatted text, kept verbatim.
    Code,
}

/// One block of the story's body. Fields a kind does not use stay empty
/// and are left out of the JSON, so older exports read as they were.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Block {
    pub kind: BlockKind,
    /// What the block reads as: a list's items and a table's rows one per
    /// line (cells split by tabs); nothing for an image.
    pub text: String,
    /// Who is quoted, for a quote whose text names them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker: Option<String>,
    /// Where the quote was said or posted ("X", "Telegram"), when stated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub platform: Option<String>,
    /// A subheading's level: 2 under the headline, 3 under that, …
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<u8>,
    /// A list's items, without their marks.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<String>,
    /// Whether the list is numbered.
    #[serde(default, skip_serializing_if = "is_false")]
    pub ordered: bool,
    /// A table's rows of cell text.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rows: Vec<Vec<String>>,
    /// Whether the table's first row is its header.
    #[serde(default, skip_serializing_if = "is_false")]
    pub header: bool,
    /// An image's address: absolute, http or https only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub src: Option<String>,
    /// An image's alternative text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alt: Option<String>,
    /// An image's caption.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub caption: Option<String>,
    /// Who an image is by ("Photo: AP").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credit: Option<String>,
    /// A code block's language, when the page states it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// Links inside the block's text, in order (http or https only).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<InlineLink>,
    /// Words the block stresses (`<em>`, `*…*`), in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub emphasis: Vec<String>,
    /// Words the block stresses strongly (`<strong>`, `**…**`), in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub strong: Vec<String>,
}

fn is_false(b: &bool) -> bool {
    !*b
}

impl Block {
    /// A block of `kind` with nothing but its text.
    pub fn new(kind: BlockKind, text: impl Into<String>) -> Self {
        Block {
            kind,
            text: text.into(),
            speaker: None,
            platform: None,
            level: None,
            items: Vec::new(),
            ordered: false,
            rows: Vec::new(),
            header: false,
            src: None,
            alt: None,
            caption: None,
            credit: None,
            language: None,
            links: Vec::new(),
            emphasis: Vec::new(),
            strong: Vec::new(),
        }
    }

    /// A list of `items`, numbered or not.
    pub fn list(items: Vec<String>, ordered: bool) -> Self {
        let text = items.join("\n");
        Block {
            items,
            ordered,
            ..Block::new(BlockKind::List, text)
        }
    }

    /// A table of `rows`, the first its header when `header`.
    pub fn table(rows: Vec<Vec<String>>, header: bool) -> Self {
        let text: Vec<String> = rows.iter().map(|r| r.join("\t")).collect();
        Block {
            rows,
            header,
            ..Block::new(BlockKind::Table, text.join("\n"))
        }
    }

    /// An image at `src` with its alt text, caption and credit.
    pub fn image(
        src: String,
        alt: Option<String>,
        caption: Option<String>,
        credit: Option<String>,
    ) -> Self {
        Block {
            src: Some(src),
            alt,
            caption,
            credit,
            ..Block::new(BlockKind::Image, "")
        }
    }

    /// The block's text in pieces, each with the web address it links to
    /// and the stress it has, if any: each link (and each stressed run of
    /// words) at the first place its words stand after the one before
    /// (those whose words are not there, and links whose address is not a
    /// web page's, are left out).
    pub fn pieces(&self) -> Vec<Piece<'_>> {
        let text = self.text.as_str();
        let web: Vec<&InlineLink> = self
            .links
            .iter()
            .filter(|l| crate::address::is_web_address(&l.url))
            .collect();
        let words = |all: Vec<&'_ str>| spans(text, &all);
        let links = words(web.iter().map(|l| l.text.as_str()).collect());
        let em = words(self.emphasis.iter().map(String::as_str).collect());
        let strong = words(self.strong.iter().map(String::as_str).collect());
        let all = [bounds(&links), bounds(&em), bounds(&strong)];
        // The span of each list that holds place `i`: places only grow, so
        // each list is walked once (a block of thousands of links stays
        // linear).
        let mut passed = [0; 3];
        let mut at = |list: usize, i: usize| {
            let spans = [&links, &em, &strong][list];
            while passed[list] < spans.len() && spans[passed[list]].1 <= i {
                passed[list] += 1;
            }
            spans.get(passed[list]).filter(|s| s.0 <= i).map(|s| s.2)
        };
        let mut pieces = Vec::new();
        let mut from = 0;
        while from < text.len() {
            // The next place any span starts or ends.
            let to = all
                .iter()
                .filter_map(|b| b.get(b.partition_point(|&at| at <= from)))
                .fold(text.len(), |to, &at| to.min(at));
            pieces.push(Piece {
                text: &text[from..to],
                url: at(0, from).map(|k| web[k].url.as_str()),
                em: at(1, from).is_some(),
                strong: at(2, from).is_some(),
            });
            from = to;
        }
        pieces
    }

    /// A list's items: as stated, else its text's lines without their marks
    /// (lists read from text or written by older versions).
    pub fn list_items(&self) -> Vec<String> {
        if !self.items.is_empty() {
            return self.items.clone();
        }
        self.text
            .lines()
            .map(|l| item_words(l).to_string())
            .collect()
    }
}

/// Where each of `words` stands in `text` (start, end, its index): each
/// at the first place it stands after the one before; those not there,
/// or blank, are left out.
fn spans(text: &str, words: &[&str]) -> Vec<(usize, usize, usize)> {
    let mut from = 0;
    let mut spans = Vec::new();
    for (k, words) in words.iter().enumerate() {
        if words.trim().is_empty() {
            continue;
        }
        if let Some(at) = text[from..].find(words) {
            let start = from + at;
            from = start + words.len();
            spans.push((start, from, k));
        }
    }
    spans
}

/// Where `spans` (in order, none inside another) start and end, in order.
fn bounds(spans: &[(usize, usize, usize)]) -> Vec<usize> {
    spans.iter().flat_map(|s| [s.0, s.1]).collect()
}

/// A run of a block's text with its link and stress.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Piece<'a> {
    pub text: &'a str,
    /// The web address the words link to.
    pub url: Option<&'a str>,
    /// Stressed (`<em>`, `*…*`).
    pub em: bool,
    /// Strongly stressed (`<strong>`, `**…**`).
    pub strong: bool,
}

/// A link inside a block's text: the words shown and where they lead.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InlineLink {
    pub text: String,
    pub url: String,
}

/// A link to another story, as listed under "MORE ABOUT" or "Related".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RelatedLink {
    pub title: String,
    /// ISO 8601 time of the linked story, when the list gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    /// The link's address, only http or https (saved pages give them).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// A titled list beside the story, such as "HOT NEWS" or "LATEST".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SideList {
    pub title: String,
    pub items: Vec<String>,
}

/// Why a part of the input was left out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DropReason {
    DuplicateHeadline,
    Advertisement,
    Navigation,
    CookieNotice,
    ShareButtons,
    Footer,
    Repeat,
    Boilerplate,
    /// A picture's credit, or a picture a text tool names by its file
    /// ("[Werkliste-Abb]"), in a text that keeps no pictures.
    PictureCredit,
    /// A line of signs alone ("***", "-----", "• • •") that breaks the
    /// story into parts and says nothing itself.
    Separator,
}

impl DropReason {
    /// The reason in a reader's words.
    pub fn label(self) -> &'static str {
        match self {
            DropReason::DuplicateHeadline => "duplicate headline",
            DropReason::Advertisement => "advertisement",
            DropReason::Navigation => "navigation",
            DropReason::CookieNotice => "cookie notice",
            DropReason::ShareButtons => "share buttons",
            DropReason::Footer => "footer",
            DropReason::Repeat => "repeated line",
            DropReason::Boilerplate => "page furniture",
            DropReason::PictureCredit => "picture credit",
            DropReason::Separator => "section break",
        }
    }
}

/// A run of input lines (1-based, inclusive) left out of the story.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Dropped {
    pub first_line: usize,
    pub last_line: usize,
    pub reason: DropReason,
    /// The first dropped line, shortened, so a reader can recognise it.
    pub excerpt: String,
}

/// The form a text was written in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Form {
    /// One line per block, as a browser's innerText or copy gives it.
    #[default]
    Text,
    /// Paragraphs cut into lines of a fixed width (e-mail, text browsers).
    Wrapped,
    /// Markdown (web clippers, html2text, notes apps).
    Markdown,
}

impl Form {
    /// Every form, in the order a reader is offered them.
    pub const ALL: [Form; 3] = [Form::Text, Form::Wrapped, Form::Markdown];

    /// The form's name in the JSON and the library ("text", "wrapped", "markdown").
    pub fn name(self) -> &'static str {
        match self {
            Form::Text => "text",
            Form::Wrapped => "wrapped",
            Form::Markdown => "markdown",
        }
    }

    /// The form named `name`, as [`Form::name`] writes it.
    pub fn from_name(name: &str) -> Option<Form> {
        Form::ALL.into_iter().find(|f| f.name() == name)
    }
}

/// An item's words without its marker ("• one" is "one", "2. two" is "two").
pub fn item_words(text: &str) -> &str {
    let unnumbered = text.trim_start_matches(|c: char| c.is_ascii_digit());
    let rest = if unnumbered.len() < text.len() {
        &unnumbered[1..]
    } else {
        text.trim_start_matches(['•', '▪', '◦', '·', '-', '–', '*'])
    };
    rest.trim_start()
}

#[cfg(test)]
mod finish_tests {
    use super::*;

    #[test]
    fn pieces_keep_the_text_only_web_links_and_the_stress_in_order() {
        let link = |text: &str, url: &str| InlineLink {
            text: text.into(),
            url: url.into(),
        };
        let block = Block {
            links: vec![
                link("plan", "https://example.com/plan"),
                link("here", "javascript:alert(1)"),
                link("missing", "https://example.com/missing"),
                link("harbour", "https://example.com/harbour"),
            ],
            emphasis: vec!["nowhere".into(), "for the harbour".into()],
            strong: vec!["The plan".into()],
            ..Block::new(BlockKind::Paragraph, "The plan is here, for the harbour.")
        };
        let pieces = block.pieces();
        let seen: Vec<(&str, Option<&str>, bool, bool)> = pieces
            .iter()
            .map(|p| (p.text, p.url, p.em, p.strong))
            .collect();
        assert_eq!(
            seen,
            [
                ("The ", None, false, true),
                ("plan", Some("https://example.com/plan"), false, true),
                (" is here, ", None, false, false),
                ("for the ", None, true, false),
                ("harbour", Some("https://example.com/harbour"), true, false),
                (".", None, false, false),
            ]
        );
        let whole: String = pieces.iter().map(|p| p.text).collect();
        assert_eq!(whole, block.text);
    }

    #[test]
    fn bidi_controls_in_names_are_shown() {
        let mut article = Article {
            headline: Some("invoice_\u{202E}fdp.exe".into()),
            byline: vec!["Ann\u{2066} Lee".into()],
            body: vec![Block::new(
                BlockKind::Paragraph,
                "\u{202B}نص\u{202C}".to_string(),
            )],
            ..Default::default()
        };
        article.finish();
        assert_eq!(article.headline.as_deref(), Some("invoice_[U+202E]fdp.exe"));
        assert_eq!(article.byline, vec!["Ann[U+2066] Lee"]);
        // The body's right-to-left text keeps its controls.
        assert_eq!(article.body[0].text, "\u{202B}نص\u{202C}");
    }
}

//! Saved web pages: HTML into the same [`Article`] as a text dump.
//!
//! The page is read once, as a stream, by `lol_html` (Cloudflare's HTML
//! rewriter: a maintained HTML5 tokenizer that keeps no tree, so 100,000
//! nested elements cost what 100,000 siblings do). The stream gives two
//! things: the page's visible text, laid out as a browser's `innerText`
//! would (blocks on their own lines, scripts, styles and hidden elements
//! left out), which the text pipeline reads like any dump; and the page's
//! metadata (JSON-LD, OpenGraph and article meta tags, `<time datetime>`,
//! `<h1>`, `<title>`, `<html lang>`), which fills in or settles the
//! headline, dates, byline, section, tags and site name. Each field taken
//! from metadata is noted in `diagnostics`.

pub mod layout;

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use lol_html::html_content::{Element, EndTag, TextChunk};
use lol_html::{doc_text, element, text, HtmlRewriter, Settings};

use crate::address::{link_related, site_name, web_address};
use crate::article::{Article, Block, BlockKind};
use crate::text::byline::{author_handle, byline_names};
use crate::text::dates::metadata_date_iso;
use crate::text::lines::folded;
use crate::text::parse::parse_text_in_layout;
use crate::text::parse::NAME_LINE_BYLINE;
use crate::text::structure::{Figure, Shape, Structure};
use layout::{BlockTree, PageLayout, StartTag};

/// Elements whose content is never shown.
const NOT_SHOWN: &str =
    "head, script, style, noscript, template, svg, iframe, object, select, textarea, [hidden]";

/// Elements that stand on lines of their own.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tr",
    "ul",
    "caption",
];

/// Blocks that innerText sets off with a blank line.
const PARAGRAPHS: &[&str] = &["p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote"];

/// Share of a line's characters inside links above which it is navigation.
const MAX_LINK_SHARE: f32 = 0.5;

/// `<meta>` names that state when the article was published, most
/// specific first (`<meta name="date" content="2019-11-19T01:48:03Z">`).
const PUBLISHED_META: &[&str] = &[
    "datePublished",
    "dc.date.issued",
    "dcterms.issued",
    "pubdate",
    "publishdate",
    "publish-date",
    "parsely-pub-date",
    "sailthru.date",
];

/// Date meta tags that do not say which date they are (often the page's
/// last change): used only when the text states no date.
const LOOSE_DATE_META: &[&str] = &["dc.date", "date"];

/// Characters of a link's text kept to match it with a related item.
const MAX_ANCHOR_TEXT: usize = 1_000;
/// Links kept per page (a page of 100,000 links keeps the first ones).
const MAX_LINKS: usize = 20_000;

/// Links a line of mostly links needs to be a menu.
const MENU_LINKS: usize = 2;

/// JSON-LD nests objects (`@graph`, `mainEntity`); deeper than this is not read.
const MAX_JSON_DEPTH: usize = 16;

/// What the page states about itself outside its visible text.
#[derive(Debug, Default, Clone)]
pub struct PageMeta {
    pub title: String,
    pub h1: Vec<String>,
    /// The `<h1>`s that hold the site's name, not a story's title: one
    /// marked as the site's title or logo, or a link to the site's home.
    pub site_h1: Vec<String>,
    /// The text of each element the page marks as its author
    /// (`itemprop=author`, `rel=author`, a `byline` or `author` class).
    pub author_marked: Vec<String>,
    /// The text of each link the page marks as a tag (`rel=tag`).
    pub tag_links: Vec<String>,
    pub lang: Option<String>,
    pub json_ld: Vec<String>,
    /// `(property or name, content)` of every `<meta>`.
    pub meta: Vec<(String, String)>,
    /// The first `<time datetime>`.
    pub time: Option<String>,
    /// Lines (normalised) that are mostly link text: menus, teasers, tag lists.
    pub link_lines: std::collections::HashSet<String>,
    /// Lines (normalised) of two or more links and little else: menus
    /// ("Home City"), never a section label.
    pub menu_lines: std::collections::HashSet<String>,
    /// `(link text normalised, href)` of every link, in page order.
    pub links: Vec<(String, String)>,
    /// The page's own address: `<base href>`, else `<link rel=canonical>`.
    pub base: Option<String>,
    /// The page's `<link rel=canonical>` address.
    pub canonical: Option<String>,
    /// Which block element holds each line of the text.
    pub layout: PageLayout,
    /// Headings, lists, tables, code, pictures and links of the text.
    pub structure: Structure,
}

impl PageMeta {
    fn meta(&self, key: &str) -> Option<&str> {
        self.meta
            .iter()
            .find(|(k, v)| k.eq_ignore_ascii_case(key) && !v.trim().is_empty())
            .map(|(_, v)| v.trim())
    }

    fn metas<'a>(&'a self, key: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.meta
            .iter()
            .filter(move |(k, _)| k.eq_ignore_ascii_case(key))
            .map(|(_, v)| v.trim())
            .filter(|v| !v.is_empty())
    }
}

#[derive(Default)]
struct Reader {
    text: String,
    /// Lines written so far, and how many characters of each sat inside a link.
    line: usize,
    link_chars: Vec<usize>,
    /// How many links start on each line.
    links_per_line: Vec<usize>,
    in_link: usize,
    /// The link being read: its `href` and its text so far.
    anchor: Option<(String, String)>,
    /// The line the link being read starts on, when it is shown.
    anchor_line: Option<usize>,
    hidden: usize,
    pre: usize,
    meta: PageMeta,
    /// For each `<h1>` so far, whether it names the site (see [`PageMeta::site_h1`]).
    h1_site: Vec<bool>,
    blocks: BlockTree,
    shapes: Shaping,
}

/// The structure of the page's text as it is read: the elements open now
/// that give a line its shape, and what has been found.
#[derive(Default)]
struct Shaping {
    structure: Structure,
    /// Open lists, innermost last: number and whether numbered.
    lists: Vec<(usize, bool)>,
    /// Open `<h2>`–`<h6>`, innermost last.
    headings: Vec<u8>,
    /// Open tables, innermost last.
    tables: Vec<TableReading>,
    /// The open `<pre>`'s code block number.
    code: Option<usize>,
    /// Open figures, innermost last; the one whose caption is being read.
    figures: Vec<usize>,
    caption: Option<usize>,
    /// Pictures as found (`before` line, raw address, alt, figure number),
    /// resolved against the page's address once it is known.
    pictures: Vec<(usize, String, Option<String>, usize)>,
    /// Links as found: line, text, raw address.
    links: Vec<(usize, String, String)>,
    /// The markup of the `<noscript>` being read.
    noscript: Option<String>,
    /// Open `<picture>` elements.
    in_picture: usize,
    /// The first address a `<source>` of the open `<picture>` offers: the
    /// picture's, when its `<img>` has none of its own.
    picture_source: Option<String>,

    /// Numbers given to lists, tables, code blocks and figures.
    count: usize,
}

/// A table being read, to tell data from layout when it ends.
#[derive(Default)]
struct TableReading {
    id: usize,
    rows: usize,
    widest: usize,
    /// The open row: its first line, its cells, whether all are `<th>`.
    row_line: usize,
    cells: usize,
    all_th: bool,
    in_head: bool,
    /// The lines its rows' text is on.
    lines: Vec<usize>,
    /// Text characters of the open cell, and whether any cell held prose's worth.
    cell_chars: usize,
    long_cell: bool,
    nested: bool,
}

/// A table cell with more text characters (spaces aside) than this holds
/// prose: the table lays out a page.
const DATA_CELL_MAX_CHARS: usize = 300;

/// Pictures noted at most as the page is read, before placeholders and
/// icons are taken out (the story keeps at most
/// [`crate::text::structure::MAX_FIGURES`]).
const MAX_RAW_PICTURES: usize = 20_000;

/// A picture address a page shows this many times is no picture of the
/// story: a lazy loader's placeholder, a spacer, an icon.
const PLACEHOLDER_REPEATS: usize = 3;

/// Pictures smaller than this (by their stated width or height) are icons,
/// buttons or tracking pixels.
const MIN_PICTURE_SIDE: u32 = 50;

impl Shaping {
    /// Text of the open code block, kept verbatim (the laid-out lines lose
    /// their indentation).
    fn code_text(&mut self, chunk: &str) {
        if let Some(block) = self.code {
            self.structure.add_code(block, chunk);
        }
    }

    fn next_number(&mut self) -> usize {
        self.count += 1;
        self.count
    }

    /// A picture standing before `line`: its figure's, else one of its
    /// own. A `copy` (a `<noscript>` fallback) of the picture just noted
    /// at the same place (its lazy original) is that picture.
    fn add_picture(&mut self, line: usize, (src, alt): (String, Option<String>), copy: bool) {
        let copied = copy && self.pictures.last().is_some_and(|p| p.0 == line);
        if self.pictures.len() >= MAX_RAW_PICTURES || copied {
            return;
        }
        let figure = match self.figures.last() {
            Some(&id) => id,
            None => self.next_number(),
        };
        self.pictures.push((line, src, alt, figure));
    }

    /// Whether a figure or a `<picture>` is open.
    fn framed(&self) -> bool {
        !self.figures.is_empty() || self.in_picture > 0
    }

    /// More of the `<noscript>` being read.
    fn noscript_text(&mut self, chunk: &str) {
        const MAX_NOSCRIPT_BYTES: usize = 16 * 1024;
        if let Some(markup) = self.noscript.as_mut() {
            if markup.len() + chunk.len() <= MAX_NOSCRIPT_BYTES {
                markup.push_str(chunk);
            }
        }
    }

    /// The shape of text read now on `line`, from the elements open.
    fn on_text(&mut self, line: usize, chars: usize) {
        if let Some(table) = self.tables.last_mut() {
            table.cell_chars += chars;
            table.long_cell |= table.cell_chars > DATA_CELL_MAX_CHARS;
        }
        let shape = if let Some(figure) = self.caption {
            Shape::Caption { figure }
        } else if let Some(block) = self.code {
            Shape::Code { block }
        } else if let Some(&level) = self.headings.last() {
            Shape::Heading(level)
        } else if let Some(table) = self.tables.last_mut().filter(|t| t.cells > 0) {
            if table.lines.last() != Some(&line) {
                table.lines.push(line);
            }
            Shape::Row {
                table: table.id,
                header: false,
            }
        } else if let Some(&(list, ordered)) = self.lists.last() {
            Shape::Item { list, ordered }
        } else {
            return;
        };
        self.structure.shape(line, shape);
    }
}

impl Reader {
    /// End the text with `count` line breaks (spaces between them aside),
    /// adding only those missing. Looks back a bounded way, so a page of
    /// many breaks or a `<pre>` of blank lines stays linear.
    fn newlines(&mut self, count: usize) {
        const LOOK_BACK: usize = 256;
        let mut trailing = 0;
        for c in self.text.chars().rev().take(LOOK_BACK) {
            match c {
                '\n' => trailing += 1,
                ' ' => {}
                _ => break,
            }
            if trailing >= count {
                return;
            }
        }
        for _ in trailing..count {
            self.line_break();
        }
    }

    fn line_break(&mut self) {
        self.text.push('\n');
        self.line += 1;
    }

    fn count_link_chars(&mut self, chars: usize) {
        if self.in_link == 0 {
            return;
        }
        if self.link_chars.len() <= self.line {
            self.link_chars.resize(self.line + 1, 0);
        }
        self.link_chars[self.line] += chars;
    }

    fn push_text(&mut self, raw: &str) {
        // The rewriter ends each text node with an empty chunk.
        if raw.is_empty() {
            return;
        }
        let decoded = html_escape::decode_html_entities(raw);
        // HTML reads "\r\n" and a lone "\r" as "\n"; so must the line count
        // (the text pipeline would see a line the layout does not).
        let decoded = if decoded.contains('\r') {
            std::borrow::Cow::Owned(decoded.replace("\r\n", "\n").replace('\r', "\n"))
        } else {
            decoded
        };
        let chunk: &str = &decoded;
        let chars = chunk.chars().filter(|c| !c.is_whitespace()).count();
        if self.pre == 0 && chars > 0 {
            self.shapes.on_text(self.line, chars);
        }
        self.blocks.set_line(self.line);
        self.blocks
            .text(chars, if self.in_link > 0 { chars } else { 0 });
        self.count_link_chars(chars);
        if let Some((_, text)) = self.anchor.as_mut() {
            if text.len() < MAX_ANCHOR_TEXT {
                text.push_str(chunk);
            }
        }
        if self.pre > 0 {
            for (k, piece) in chunk.split('\n').enumerate() {
                self.line += usize::from(k > 0);
                if !piece.trim().is_empty() {
                    self.shapes.on_text(self.line, piece.chars().count());
                }
            }
            self.shapes.code_text(chunk);
            self.text.push_str(chunk);
            return;
        }
        // HTML collapses runs of white space into one space.
        for piece in chunk.split(|c: char| c.is_ascii_whitespace() || c == '\u{a0}') {
            if piece.is_empty() {
                if !self.text.ends_with([' ', '\n']) && !self.text.is_empty() {
                    self.text.push(' ');
                }
                continue;
            }
            self.text.push_str(piece);
            self.text.push(' ');
        }
        if !chunk.ends_with(|c: char| c.is_ascii_whitespace() || c == '\u{a0}')
            && self.text.ends_with(' ')
        {
            self.text.pop();
        }
    }
}

/// Run `done` when the element's end tag comes (void elements have none).
fn on_end_tag(element: &mut Element, done: impl FnOnce() + 'static) {
    if let Some(handlers) = element.end_tag_handlers() {
        handlers.push(Box::new(move |_: &mut EndTag| {
            done();
            Ok(())
        }));
    }
}

/// Count the element as hiding its content until its end tag. A void
/// element (`<img style="display:none">`) has no content and no end tag.
fn hide_until_end(element: &mut Element, reader: &Rc<RefCell<Reader>>) {
    let Some(handlers) = element.end_tag_handlers() else {
        return;
    };
    reader.borrow_mut().hidden += 1;
    let reader = reader.clone();
    handlers.push(Box::new(move |_: &mut EndTag| {
        let mut r = reader.borrow_mut();
        r.hidden = r.hidden.saturating_sub(1);
        Ok(())
    }));
}

fn is_hidden_style(element: &Element) -> bool {
    element.get_attribute("style").is_some_and(|style| {
        let compact: String = style
            .to_ascii_lowercase()
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        compact.contains("display:none") || compact.contains("visibility:hidden")
    })
}

/// The visible text and the metadata of a page.
pub fn read_page(html: &str) -> (String, PageMeta) {
    let reader = Rc::new(RefCell::new(Reader::default()));
    // Each handler holds its own handle on the one reader.
    let hide = reader.clone();
    let blocks = reader.clone();
    let lines = reader.clone();
    let pres = reader.clone();
    let h1s = reader.clone();
    let h1_links = reader.clone();
    let authors = reader.clone();
    let tag_links = reader.clone();
    let tag_text = reader.clone();
    let author_text = reader.clone();
    let h1_text = reader.clone();
    let title_text = reader.clone();
    let ld = reader.clone();
    let ld_text = reader.clone();
    let metas = reader.clone();
    let times = reader.clone();
    let html_tag = reader.clone();
    let texts = reader.clone();
    let links = reader.clone();
    let bases = reader.clone();
    let shaping = reader.clone();
    let noscripts = reader.clone();
    let settings = Settings::new()
        .append_element_content_handler(element!(NOT_SHOWN, move |el| {
            hide_until_end(el, &hide);
            Ok(())
        }))
        .append_element_content_handler(element!("[style]", move |el| {
            if is_hidden_style(el) {
                hide_until_end(el, &lines);
            }
            Ok(())
        }))
        .append_element_content_handler(element!("a[href]", move |el| {
            if el.end_tag_handlers().is_none() {
                return Ok(());
            }
            {
                let mut r = links.borrow_mut();
                r.in_link += 1;
                let line = r.line;
                if r.links_per_line.len() <= line {
                    r.links_per_line.resize(line + 1, 0);
                }
                r.links_per_line[line] += 1;
                r.anchor = attribute(el, "href").map(|href| (href, String::new()));
                r.anchor_line = (r.hidden == 0).then_some(line);
            }
            let links = links.clone();
            on_end_tag(el, move || {
                let mut r = links.borrow_mut();
                r.in_link = r.in_link.saturating_sub(1);
                if let Some((href, text)) = r.anchor.take() {
                    if let Some(line) = r.anchor_line.take() {
                        let shown = text.split_whitespace().collect::<Vec<_>>().join(" ");
                        if r.shapes.links.len() < crate::text::structure::MAX_LINKS {
                            r.shapes.links.push((line, shown, href.clone()));
                        }
                    }
                    let text = folded(&text);
                    if !text.is_empty() && r.meta.links.len() < MAX_LINKS {
                        r.meta.links.push((text, href));
                    }
                }
            });
            Ok(())
        }))
        .append_element_content_handler(element!("*", move |el| {
            let name = el.tag_name();
            if name == "br" {
                blocks.borrow_mut().line_break();
                return Ok(());
            }
            if name == "td" || name == "th" {
                let mut r = blocks.borrow_mut();
                r.text.push('\t');
                let id = open_block(&mut r.blocks, &name, el);
                drop(r);
                let blocks = blocks.clone();
                on_end_tag(el, move || blocks.borrow_mut().blocks.close(id));
                return Ok(());
            }
            let Some(count) = BLOCKS.iter().find(|b| **b == name).map(|_| {
                if PARAGRAPHS.contains(&name.as_str()) {
                    2
                } else {
                    1
                }
            }) else {
                return Ok(());
            };
            let id = {
                let mut r = blocks.borrow_mut();
                r.newlines(count);
                open_block(&mut r.blocks, &name, el)
            };
            let blocks = blocks.clone();
            on_end_tag(el, move || {
                let mut r = blocks.borrow_mut();
                r.newlines(count);
                r.blocks.close(id);
            });
            Ok(())
        }))
        .append_element_content_handler(element!(SHAPING, move |el| {
            shape_element(el, &shaping);
            Ok(())
        }))
        .append_element_content_handler(text!("noscript", move |t: &mut TextChunk| {
            noscripts.borrow_mut().shapes.noscript_text(t.as_str());
            Ok(())
        }))
        .append_element_content_handler(element!("pre", move |el| {
            pres.borrow_mut().pre += 1;
            let pres = pres.clone();
            on_end_tag(el, move || {
                let mut r = pres.borrow_mut();
                r.pre = r.pre.saturating_sub(1);
            });
            Ok(())
        }))
        .append_element_content_handler(element!(AUTHOR_MARKS, move |_| {
            start_piece(
                &mut authors.borrow_mut().meta.author_marked,
                MAX_AUTHOR_MARKS,
            );
            Ok(())
        }))
        .append_element_content_handler(text!(AUTHOR_MARKS, move |t: &mut TextChunk| {
            add_to_piece(&mut author_text.borrow_mut().meta.author_marked, t.as_str());
            Ok(())
        }))
        .append_element_content_handler(element!("a[rel~=tag]", move |_| {
            start_piece(&mut tag_links.borrow_mut().meta.tag_links, MAX_TAG_LINKS);
            Ok(())
        }))
        .append_element_content_handler(text!("a[rel~=tag]", move |t: &mut TextChunk| {
            add_to_piece(&mut tag_text.borrow_mut().meta.tag_links, t.as_str());
            Ok(())
        }))
        .append_element_content_handler(element!("h1", move |el| {
            let mut r = h1s.borrow_mut();
            r.meta.h1.push(String::new());
            r.h1_site.push(names_the_site(el));
            Ok(())
        }))
        .append_element_content_handler(element!("h1 a[href]", move |el| {
            let home = el.get_attribute("rel").is_some_and(|rel| {
                rel.split_whitespace()
                    .any(|w| w.eq_ignore_ascii_case("home"))
            });
            if home || attribute(el, "href").is_some_and(|href| is_home_address(&href)) {
                if let Some(last) = h1_links.borrow_mut().h1_site.last_mut() {
                    *last = true;
                }
            }
            Ok(())
        }))
        .append_element_content_handler(text!("h1", move |t: &mut TextChunk| {
            let mut r = h1_text.borrow_mut();
            // A heading's own text: not a `<style>` or `<script>` inside it.
            if r.hidden > 0 {
                return Ok(());
            }
            if let Some(last) = r.meta.h1.last_mut() {
                last.push_str(&html_escape::decode_html_entities(t.as_str()));
            }
            Ok(())
        }))
        .append_element_content_handler(text!("title", move |t: &mut TextChunk| {
            let mut r = title_text.borrow_mut();
            r.meta
                .title
                .push_str(&html_escape::decode_html_entities(t.as_str()));
            Ok(())
        }))
        .append_element_content_handler(element!(
            r#"script[type="application/ld+json"]"#,
            move |_| {
                ld.borrow_mut().meta.json_ld.push(String::new());
                Ok(())
            }
        ))
        .append_element_content_handler(text!(
            r#"script[type="application/ld+json"]"#,
            move |t: &mut TextChunk| {
                let mut r = ld_text.borrow_mut();
                if let Some(last) = r.meta.json_ld.last_mut() {
                    last.push_str(t.as_str());
                }
                Ok(())
            }
        ))
        .append_element_content_handler(element!("meta", move |el| {
            let key = el
                .get_attribute("property")
                .or_else(|| el.get_attribute("name"))
                .or_else(|| el.get_attribute("itemprop"));
            if let (Some(key), Some(content)) = (key, el.get_attribute("content")) {
                let content = html_escape::decode_html_entities(&content).into_owned();
                metas.borrow_mut().meta.meta.push((key, content));
            }
            Ok(())
        }))
        .append_element_content_handler(element!("time[datetime]", move |el| {
            let mut r = times.borrow_mut();
            if r.meta.time.is_none() {
                r.meta.time = el.get_attribute("datetime");
            }
            Ok(())
        }))
        .append_element_content_handler(element!(
            "base[href], link[rel=canonical][href]",
            move |el| {
                let mut r = bases.borrow_mut();
                let is_base = el.tag_name() == "base";
                if is_base || r.meta.base.is_none() {
                    r.meta.base = attribute(el, "href");
                }
                if !is_base && r.meta.canonical.is_none() {
                    r.meta.canonical = attribute(el, "href");
                }
                Ok(())
            }
        ))
        .append_element_content_handler(element!("html[lang]", move |el| {
            html_tag.borrow_mut().meta.lang = el.get_attribute("lang");
            Ok(())
        }))
        .append_document_content_handler(doc_text!(move |t| {
            let mut r = texts.borrow_mut();
            if r.hidden == 0 {
                r.push_text(t.as_str());
            }
            Ok(())
        }));
    // Not strict: markup whose parse depends on a tree lol_html does not
    // keep (`<style>` inside `<select>` or `<svg>`) is read by a best
    // guess instead of ending the page there. Folio shows only text, so a
    // wrong guess shows markup as text, never runs it.
    let settings = settings.with_strict(false);
    let mut rewriter = HtmlRewriter::new(settings, |_: &[u8]| {});
    // The rewriter only fails when a handler does, and ours never do; a
    // rewriter that failed must not be used again (it panics). Either way
    // the text read so far is taken out of the handlers' shared reader,
    // whether or not the rewriter (which holds them) is still alive.
    if rewriter.write(html.as_bytes()).is_ok() {
        let _ = rewriter.end();
    }
    let reader = reader.take();
    let mut meta = reader.meta;
    meta.site_h1 = meta
        .h1
        .iter()
        .zip(&reader.h1_site)
        .filter(|(_, &site)| site)
        .map(|(h, _)| h.clone())
        .collect();
    let lines: Vec<&str> = reader
        .text
        .split('\n')
        .map(|l| l.trim_matches(|c: char| c == ' ' || c == '\t'))
        .collect();
    for (i, line) in lines.iter().enumerate() {
        let chars = line.chars().filter(|c| !c.is_whitespace()).count();
        let linked = reader.link_chars.get(i).copied().unwrap_or(0);
        if chars > 0 && linked as f32 > chars as f32 * MAX_LINK_SHARE {
            meta.link_lines.insert(folded(line));
            if reader.links_per_line.get(i).copied().unwrap_or(0) >= MENU_LINKS {
                meta.menu_lines.insert(folded(line));
            }
        }
    }
    meta.layout = reader.blocks.finish();
    meta.structure = reader.shapes.finish(&lines, meta.base.as_deref());
    (lines.join("\n"), meta)
}

/// An attribute's value with its character references read ("&amp;" is "&").
fn attribute(el: &Element, name: &str) -> Option<String> {
    el.get_attribute(name)
        .map(|v| html_escape::decode_html_entities(&v).into_owned())
}

/// What sets a site's name apart from the headline in a page's `<title>`.
const TITLE_SEPARATORS: &[&str] = &[" | ", " : ", " - ", " – ", " — ", " » ", " · "];

/// Words in the class or id of an `<h1>` that holds the site's name.
const SITE_TITLE_NAMES: &[&str] = &["site-title", "site-name", "sitename", "site_title", "logo"];

/// Classes of an `<h1>` kept from sight, for screen readers only
/// ("Navigation und Service" over a page's menus), lower case.
const UNSEEN_CLASSES: &[&str] = &[
    "navskip",
    "aural",
    "sr-only",
    "visually-hidden",
    "visuallyhidden",
    "screen-reader-text",
];

/// Whether an `<h1>` is marked as the site's title or logo
/// (`<h1 id="site-title">`, `<h1 class="logo">`), or as text for screen
/// readers only: no story's headline either way.
fn names_the_site(el: &Element) -> bool {
    let class = el
        .get_attribute("class")
        .unwrap_or_default()
        .to_ascii_lowercase();
    let id = el
        .get_attribute("id")
        .unwrap_or_default()
        .to_ascii_lowercase();
    let unseen = class
        .split_whitespace()
        .any(|c| UNSEEN_CLASSES.contains(&c));
    unseen
        || SITE_TITLE_NAMES
            .iter()
            .any(|n| class.contains(n) || id.contains(n))
}

/// Whether a link goes to a site's home page: its root ("/",
/// "https://example.com", "http://example.com/index.html"), also as the
/// Wayback Machine rewrites it ("https://web.archive.org/web/2016…/http://example.com/").
fn is_home_address(href: &str) -> bool {
    let href = href.trim();
    // The archived address inside a Wayback Machine link.
    let href = href
        .find("/web/")
        .and_then(|at| {
            let rest = &href[at + "/web/".len()..];
            let stamp = rest.find('/')?;
            let inner = &rest[stamp + 1..];
            (rest[..stamp].starts_with(|c: char| c.is_ascii_digit()) && inner.contains("://"))
                .then_some(inner)
        })
        .unwrap_or(href);
    let path = match href.split_once("://") {
        Some((_, rest)) => rest.find('/').map_or("/", |at| &rest[at..]),
        None => href,
    };
    matches!(
        path,
        "/" | "/index.html" | "/index.htm" | "/index.php" | "./" | "."
    )
}

/// Elements that give the text its structure.
const SHAPING: &str = "h2, h3, h4, h5, h6, ul, ol, table, thead, tr, td, th, figure, figcaption, pre, pre > code, img, noscript, picture, picture > source";

/// What a structural element's end tag does to the shaping.
type AtEnd = Box<dyn FnOnce(&mut Shaping)>;

/// Note where a structural element starts and, at its end tag, where it ends.
fn shape_element(el: &mut Element, reader: &Rc<RefCell<Reader>>) {
    let name = el.tag_name();
    let mut r = reader.borrow_mut();
    let line = r.line;
    let hidden = r.hidden > 0;
    let linked = r.anchor.as_ref().map(|(href, _)| href.clone());
    let s = &mut r.shapes;
    let end: Option<AtEnd> = match name.as_str() {
        "h2" | "h3" | "h4" | "h5" | "h6" => {
            s.headings.push(name.as_bytes()[1] - b'0');
            Some(Box::new(|s| {
                s.headings.pop();
            }))
        }
        "ul" | "ol" => {
            let id = s.next_number();
            s.lists.push((id, name == "ol"));
            Some(Box::new(|s| {
                s.lists.pop();
            }))
        }
        "table" => {
            if let Some(outer) = s.tables.last_mut() {
                outer.nested = true;
            }
            let id = s.next_number();
            s.tables.push(TableReading {
                id,
                ..TableReading::default()
            });
            Some(Box::new(|s| {
                if let Some(table) = s.tables.pop() {
                    let data = table.rows >= 2 && table.widest >= 2;
                    if !data || table.nested || table.long_cell {
                        s.structure.unshape_table(table.id, &table.lines);
                    }
                }
            }))
        }
        "thead" => {
            if let Some(table) = s.tables.last_mut() {
                table.in_head = true;
            }
            Some(Box::new(|s| {
                if let Some(table) = s.tables.last_mut() {
                    table.in_head = false;
                }
            }))
        }
        "tr" => {
            if let Some(table) = s.tables.last_mut() {
                table.row_line = line;
                table.cells = 0;
                table.all_th = true;
            }
            Some(Box::new(|s| {
                if let Some(table) = s.tables.last_mut().filter(|t| t.cells > 0) {
                    table.rows += 1;
                    table.widest = table.widest.max(table.cells);
                    if table.all_th || table.in_head {
                        s.structure.mark_header(table.row_line);
                    }
                    table.cells = 0;
                }
            }))
        }
        "td" | "th" => {
            if let Some(table) = s.tables.last_mut() {
                table.cells += 1;
                table.all_th &= name == "th";
                table.cell_chars = 0;
            }
            None
        }
        "picture" => {
            s.in_picture += 1;
            s.picture_source = None;
            Some(Box::new(|s| {
                s.in_picture = s.in_picture.saturating_sub(1);
                s.picture_source = None;
            }))
        }
        "source" if s.in_picture > 0 && s.picture_source.is_none() => {
            s.picture_source = first_address(el, &["data-srcset", "srcset"]);
            None
        }
        "figure" => {
            let id = s.next_number();
            s.figures.push(id);
            Some(Box::new(|s| {
                s.figures.pop();
            }))
        }
        "figcaption" => {
            let figure = match s.figures.last() {
                Some(&id) => id,
                None => s.next_number(),
            };
            s.caption = Some(figure);
            Some(Box::new(|s| s.caption = None))
        }
        "pre" => {
            s.code = Some(s.next_number());
            Some(Box::new(|s| s.code = None))
        }
        "code" => {
            let language = el.get_attribute("class").and_then(|class| {
                class.split_whitespace().find_map(|c| {
                    c.strip_prefix("language-")
                        .or_else(|| c.strip_prefix("lang-"))
                        .map(str::to_string)
                })
            });
            if let (Some(block), Some(language)) = (s.code, language) {
                s.structure.set_language(block, language);
            }
            None
        }
        // A picture inside a link to another page is that page's teaser.
        "img" if !hidden && links_to_picture(linked.as_deref()) => {
            let source = s.picture_source.clone();
            if let Some(picture) = picture_of(el, source) {
                s.add_picture(line, picture, false);
            }
            None
        }
        // A page that draws its pictures by script keeps a copy for
        // readers without one; its markup is text to the tokenizer.
        // Only inside a figure or a <picture>: elsewhere a <noscript>
        // picture is an advertisement's or a tracker's.
        "noscript" if links_to_picture(linked.as_deref()) && s.framed() => {
            s.noscript = Some(String::new());
            Some(Box::new(move |s| {
                if let Some(markup) = s.noscript.take() {
                    for picture in pictures_in(&markup) {
                        s.add_picture(line, picture, true);
                    }
                }
            }))
        }
        _ => None,
    };
    drop(r);
    if let Some(end) = end {
        let reader = reader.clone();
        on_end_tag(el, move || end(&mut reader.borrow_mut().shapes));
    }
}

/// A picture's address and alt text, when it is one ([`picture_address`]);
/// `source`, a `<picture>`'s `<source>`, when the `<img>` has no address.
fn picture_of(el: &Element, source: Option<String>) -> Option<(String, Option<String>)> {
    let src = picture_address(el, source)?;
    let alt = attribute(el, "alt")
        .map(|a| a.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|a| !a.is_empty());
    Some((src, alt))
}

/// The pictures of a piece of markup (a `<noscript>`'s), read by a
/// tokenizer of their own.
fn pictures_in(markup: &str) -> Vec<(String, Option<String>)> {
    let found = Rc::new(RefCell::new(Vec::new()));
    let into = found.clone();
    let settings = Settings::new()
        .append_element_content_handler(element!("img", move |el| {
            into.borrow_mut().extend(picture_of(el, None));
            Ok(())
        }))
        .with_strict(false);
    let mut rewriter = HtmlRewriter::new(settings, |_: &[u8]| {});
    if rewriter.write(markup.as_bytes()).is_ok() {
        let _ = rewriter.end();
    }
    found.take()
}

/// Whether a picture inside a link to `href` (none: not in a link) is
/// the story's: a link to the picture itself (a gallery's larger copy).
fn links_to_picture(href: Option<&str>) -> bool {
    const PICTURE_ENDINGS: &[&str] = &[".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif"];
    href.is_none_or(|href| {
        let path = href
            .split(['?', '#'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        PICTURE_ENDINGS.iter().any(|e| path.ends_with(e))
    })
}

/// Where an `<img>`'s picture is: a lazy loader's real address before the
/// placeholder in `src`, never a `data:` address, else `source`; `None`
/// for pictures the page states are icon-sized.
fn picture_address(el: &Element, source: Option<String>) -> Option<String> {
    let side = |name: &str| {
        el.get_attribute(name)
            .and_then(|v| v.trim().trim_end_matches("px").parse::<u32>().ok())
    };
    if [side("width"), side("height")]
        .iter()
        .any(|s| s.is_some_and(|s| s < MIN_PICTURE_SIDE))
    {
        return None;
    }
    // A logo is the site's or a sponsor's, never the story's picture.
    let says_logo = |name: &str| {
        el.get_attribute(name)
            .is_some_and(|v| v.to_ascii_lowercase().contains("logo"))
    };
    if ["alt", "src", "class"].iter().any(|n| says_logo(n)) {
        return None;
    }
    ["data-src", "data-lazy-src", "data-original", "src"]
        .iter()
        .filter_map(|name| attribute(el, name))
        .map(|a| a.trim().to_string())
        .find(|a| is_picture_address(a))
        .or_else(|| first_address(el, &["data-srcset", "srcset", "data-lazy-srcset"]))
        .or(source)
}

/// The first picture address of the first of `sets` (`srcset`-like
/// attributes: addresses, each with its width or density) that has one.
fn first_address(el: &Element, sets: &[&str]) -> Option<String> {
    sets.iter()
        .filter_map(|name| attribute(el, name))
        .filter_map(|set| {
            set.split(',')
                .next()
                .and_then(|c| c.split_whitespace().next())
                .map(str::to_string)
        })
        .find(|a| is_picture_address(a))
}

/// Not empty, and not the `data:` placeholder lazy loaders put in `src`.
fn is_picture_address(address: &str) -> bool {
    !address.is_empty() && !address.to_ascii_lowercase().starts_with("data:")
}

impl Shaping {
    /// The structure found, its addresses resolved against the page's.
    fn finish(mut self, lines: &[&str], base: Option<&str>) -> Structure {
        for (line, text, href) in std::mem::take(&mut self.links) {
            if let Some(url) = web_address(&href, base) {
                self.structure.link(line, text, url);
            }
        }
        // An address the page shows again and again is a placeholder,
        // a spacer or an icon; one shown twice is one picture.
        let mut shown: HashMap<&str, usize> = HashMap::new();
        for (_, raw, _, _) in &self.pictures {
            *shown.entry(raw.as_str()).or_default() += 1;
        }
        let repeated: HashSet<String> = shown
            .into_iter()
            .filter(|&(_, n)| n >= PLACEHOLDER_REPEATS)
            .map(|(raw, _)| raw.to_string())
            .collect();
        let mut seen = HashSet::new();
        for (before, raw, alt, figure) in std::mem::take(&mut self.pictures) {
            if repeated.contains(&raw) || !seen.insert(raw.clone()) {
                continue;
            }
            if let Some(src) = web_address(&raw, base) {
                let picture = Figure {
                    before,
                    src,
                    alt,
                    ..Figure::default()
                };
                self.structure.figure(figure, picture);
            }
        }
        self.structure.caption_figures(lines);
        self.structure.marked_up()
    }
}

/// Note a block element's start in the page's layout.
fn open_block(blocks: &mut BlockTree, name: &str, element: &Element) -> usize {
    let attribute = |name: &str| element.get_attribute(name).unwrap_or_default();
    let (class, id, role) = (attribute("class"), attribute("id"), attribute("role"));
    blocks.open(StartTag {
        name,
        class: &class,
        id: &id,
        role: &role,
    })
}

/// JSON-LD facts about the article, from the first object that has them.
#[derive(Debug, Default)]
struct LinkedData {
    headline: Option<String>,
    published: Option<String>,
    modified: Option<String>,
    authors: Vec<String>,
    keywords: Vec<String>,
    section: Option<String>,
    publisher: Option<String>,
    /// Authors given only as a reference to a node elsewhere in the
    /// page's JSON-LD (`"author": {"@id": "…#/schema/person/1"}`, as
    /// Yoast writes them), and every named node by its `@id`.
    author_refs: Vec<String>,
    named: Vec<(String, String)>,
}

/// Named JSON-LD nodes remembered for resolving `@id` references.
const MAX_NAMED_NODES: usize = 64;

impl LinkedData {
    /// The authors, references resolved to the nodes they name.
    fn resolved_authors(&self) -> Vec<String> {
        if !self.authors.is_empty() {
            return self.authors.clone();
        }
        self.author_refs
            .iter()
            .filter_map(|id| {
                self.named
                    .iter()
                    .find(|(node, _)| node == id)
                    .map(|(_, name)| name.clone())
            })
            .collect()
    }
}

fn collect_linked_data(value: &serde_json::Value, depth: usize, found: &mut LinkedData) {
    use serde_json::Value;
    if depth > MAX_JSON_DEPTH {
        return;
    }
    match value {
        Value::Array(items) => items
            .iter()
            .for_each(|v| collect_linked_data(v, depth + 1, found)),
        Value::Object(map) => {
            let text = |key: &str| {
                map.get(key)
                    .and_then(Value::as_str)
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(str::to_string)
            };
            if map.contains_key("headline") || map.contains_key("datePublished") {
                found.headline = found.headline.take().or_else(|| text("headline"));
                found.published = found.published.take().or_else(|| text("datePublished"));
                found.modified = found.modified.take().or_else(|| text("dateModified"));
                found.section = found.section.take().or_else(|| text("articleSection"));
                if found.authors.is_empty() && found.author_refs.is_empty() {
                    found.authors = names(map.get("author"));
                    if found.authors.is_empty() {
                        found.author_refs = references(map.get("author"));
                    }
                }
                if found.keywords.is_empty() {
                    found.keywords = match map.get("keywords") {
                        Some(Value::String(s)) => s
                            .split(',')
                            .map(|k| k.trim().to_string())
                            .filter(|k| !k.is_empty())
                            .collect(),
                        Some(Value::Array(a)) => a
                            .iter()
                            .filter_map(Value::as_str)
                            .map(str::to_string)
                            .collect(),
                        _ => Vec::new(),
                    };
                }
                if found.publisher.is_none() {
                    found.publisher = names(map.get("publisher")).into_iter().next();
                }
            }
            if let (Some(id), Some(name)) = (text("@id"), text("name")) {
                if found.named.len() < MAX_NAMED_NODES {
                    found.named.push((id, name));
                }
            }
            for (key, v) in map {
                if key == "@graph"
                    || key == "mainEntity"
                    || key == "mainEntityOfPage"
                    || v.is_array()
                {
                    collect_linked_data(v, depth + 1, found);
                }
            }
        }
        _ => {}
    }
}

/// The `@id`s a JSON-LD value refers to, for a reference or a list of them.
fn references(value: Option<&serde_json::Value>) -> Vec<String> {
    use serde_json::Value;
    match value {
        Some(Value::Object(map)) => map
            .get("@id")
            .and_then(Value::as_str)
            .map(|id| vec![id.to_string()])
            .unwrap_or_default(),
        Some(Value::Array(items)) => items.iter().flat_map(|v| references(Some(v))).collect(),
        _ => Vec::new(),
    }
}

/// Names from a JSON-LD person or organisation, or a list of them.
fn names(value: Option<&serde_json::Value>) -> Vec<String> {
    use serde_json::Value;
    match value {
        Some(Value::String(s)) => vec![s.trim().to_string()],
        Some(Value::Object(map)) => map
            .get("name")
            .and_then(Value::as_str)
            .map(|n| vec![n.trim().to_string()])
            .unwrap_or_default(),
        Some(Value::Array(items)) => items.iter().flat_map(|v| names(Some(v))).collect(),
        _ => Vec::new(),
    }
    .into_iter()
    .filter(|n| !n.is_empty())
    .collect()
}

/// `<meta>` names that name the article's authors, most trusted first.
const AUTHOR_META: &[&str] = &[
    "author",
    "article:author",
    "dc.creator",
    "dc:creator",
    "dcterms.creator",
    "parsely-author",
    "sailthru.author",
    "byl",
];

/// The names in a metadata author value: "By Ann Lee and Bo Ek", "Ann
/// Lee, Bo Ek"; nothing for an address (`article:author` is often a
/// profile page).
fn author_names(value: &str) -> Vec<String> {
    let value = value.trim();
    if value.contains("://") || value.starts_with("www.") {
        return Vec::new();
    }
    byline_names(&format!("By {value}")).unwrap_or_default()
}

/// Whole days between the calendar days of two ISO dates.
fn days_apart(a: &str, b: &str) -> Option<i64> {
    let day = |iso: &str| chrono::NaiveDate::parse_from_str(iso.get(..10)?, "%Y-%m-%d").ok();
    Some((day(a)? - day(b)?).num_days().abs())
}

/// A name reduced to its lower-case letters and digits, for telling a site's
/// name in an author field: "STERN.de" and "stern.de", "El Colombiano" and
/// "www.elcolombiano.com".
fn name_key(name: &str) -> String {
    name.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The host of the page's own address, without "www.".
fn page_host(meta: &PageMeta) -> Option<String> {
    let address = meta.base.as_deref().or_else(|| meta.meta("og:url"))?;
    let rest = address.split_once("://")?.1;
    let host = rest.split(['/', '?', '#', ':']).next()?;
    Some(host.trim_start_matches("www.").to_string())
}

/// Start the text of one more matched element, `max` of them at most.
fn start_piece(pieces: &mut Vec<String>, max: usize) {
    if pieces.len() < max {
        pieces.push(String::new());
    }
}

/// Add a text chunk, entities decoded, to the last matched element's text,
/// [`MAX_PIECE_CHARS`] at most.
fn add_to_piece(pieces: &mut [String], chunk: &str) {
    if let Some(last) = pieces.last_mut().filter(|l| l.len() < MAX_PIECE_CHARS) {
        last.push_str(&html_escape::decode_html_entities(chunk));
    }
}

/// Elements a page marks as naming its author.
const AUTHOR_MARKS: &str =
    "[itemprop~=author], [rel~=author], [class*=byline], [class*=author]:not([class*=comment])";
/// Author elements kept, and characters of each author or tag element:
/// enough for a byline or a tag.
const MAX_AUTHOR_MARKS: usize = 32;
const MAX_PIECE_CHARS: usize = 200;
/// Tag links kept (a tag cloud can hold hundreds).
const MAX_TAG_LINKS: usize = 64;

/// Parse a saved web page. Never fails: a page with no story gives an
/// Article with diagnostics saying so.
pub fn parse_html(html: &str) -> Article {
    let (text, meta) = read_page(html);
    let mut article = parse_text_in_layout(&text, Some(&meta.layout), &meta.structure);
    // What the page links elsewhere is not the story's text.
    let before = article.body.len();
    let linked_line = |text: &str| meta.link_lines.contains(&folded(text));
    for list in article
        .body
        .iter_mut()
        .filter(|b| b.kind == BlockKind::List)
    {
        let items = list.items.len();
        list.items.retain(|item| !linked_line(item));
        if list.items.len() < items {
            *list = Block {
                links: std::mem::take(&mut list.links),
                ..Block::list(std::mem::take(&mut list.items), list.ordered)
            };
        }
    }
    article.body.retain(|b| match b.kind {
        BlockKind::List if b.text.is_empty() => false,
        BlockKind::Image | BlockKind::Table | BlockKind::Code => true,
        _ => !linked_line(&b.text),
    });
    if article.body.len() < before {
        article.diagnostics.push(format!(
            "{} body lines left out as mostly links",
            before - article.body.len()
        ));
    }
    let mut linked = LinkedData::default();
    for block in &meta.json_ld {
        if let Ok(value) = serde_json::from_str::<serde_json::Value>(block) {
            collect_linked_data(&value, 0, &mut linked);
        }
    }
    let note = |article: &mut Article, what: &str| article.diagnostics.push(what.to_string());

    // Headline: the first title the page's metadata gives that the page also
    // shows as a line of its own; else its only <h1>.
    let shown: std::collections::HashSet<String> =
        text.lines().map(folded).filter(|l| !l.is_empty()).collect();
    let stated = [
        (linked.headline.clone(), "headline from JSON-LD"),
        (
            meta.meta("og:title").map(str::to_string),
            "headline from og:title",
        ),
        (
            meta.meta("twitter:title").map(str::to_string),
            "headline from twitter:title",
        ),
    ];
    // An <h1> that sets a kicker or a subtitle beside the title on its line
    // ("Forderungsausfälle vermeiden Eigentumsvorbehalt: Das sollten …")
    // holds the title the metadata states at its start or end.
    let h1_lines: Vec<String> = meta.h1.iter().map(|h| folded(h)).collect();
    // A title cut short in the metadata is not one: after the title at an
    // <h1>'s start comes a subtitle (some words) or a site's name (after a
    // sign), not the last word or two of the same sentence.
    const SUBTITLE_WORDS: usize = 4;
    let ends_an_h1 = |title: &str| {
        h1_lines.iter().any(|h| {
            let subtitle = h.strip_prefix(title).is_some_and(|rest| {
                rest.starts_with(' ')
                    && (rest.split_whitespace().count() >= SUBTITLE_WORDS
                        || rest
                            .trim_start()
                            .starts_with(['|', '-', '–', '—', ':', '·']))
            });
            let kicker = h
                .strip_suffix(title)
                .is_some_and(|rest| rest.ends_with(' '));
            h.len() > title.len() && (subtitle || kicker)
        })
    };
    let in_an_h1 = stated.iter().find_map(|(title, source)| {
        let title = title.as_ref()?;
        ends_an_h1(&folded(title)).then(|| (Some(title.clone()), *source))
    });
    // Each candidate, and whether it stands as it is (a title found in an
    // <h1>) or only when the page shows it as a line of its own.
    let shown_only = |(title, source): (Option<String>, &'static str)| (title, source, true);
    let titles = stated
        .into_iter()
        .map(shown_only)
        .chain(in_an_h1.map(|(title, source)| (title, source, false)))
        .chain(
            meta.h1
                .iter()
                .map(|h| (Some(h.clone()), "headline from <h1>"))
                .map(shown_only),
        )
        .chain([shown_only((
            Some(meta.title.clone()),
            "headline from <title>",
        ))])
        // "Tea in the old town : My Little Blog": the title without the site's name.
        .chain(
            TITLE_SEPARATORS
                .iter()
                .flat_map(|sep| meta.title.split(sep))
                // One word is more likely the section ("Feuerwehr Oldenburg - Ausbildung").
                .filter(|part| {
                    part.len() < meta.title.len() && part.split_whitespace().count() >= 2
                })
                .map(|part| {
                    shown_only((
                        Some(part.trim().to_string()),
                        "headline from <title>, without the site's name",
                    ))
                })
                .collect::<Vec<_>>(),
        );
    // The site's name, in its logo or its metadata, is no story's headline.
    let site_names: std::collections::HashSet<String> = meta
        .site_h1
        .iter()
        .map(String::as_str)
        .chain(meta.meta("og:site_name"))
        .map(folded)
        .collect();
    let mut chosen = None;
    for (title, source, only_if_shown) in titles {
        let Some(title) =
            title.filter(|t| !t.trim().is_empty() && !site_names.contains(&folded(t)))
        else {
            continue;
        };
        if !only_if_shown || shown.contains(&folded(&title)) {
            chosen = Some((
                title.split_whitespace().collect::<Vec<_>>().join(" "),
                source,
            ));
            break;
        }
    }
    if chosen.is_none() {
        let h1s: Vec<&String> = meta
            .h1
            .iter()
            .filter(|h| !h.trim().is_empty() && !site_names.contains(&folded(h)))
            .collect();
        if let [only] = h1s[..] {
            chosen = Some((
                only.split_whitespace().collect::<Vec<_>>().join(" "),
                "headline from the page's only <h1>",
            ));
        }
    }
    if let Some((title, source)) = chosen {
        if article.headline.as_deref().map(folded) != Some(folded(&title)) {
            // The story's text no longer holds its headline twice.
            article.body.retain(|b| folded(&b.text) != folded(&title));
            article.headline = Some(title);
            note(&mut article, source);
        }
    }

    // Dates: the page's metadata says which is the publication date.
    // The page's statement of its publication date beats the dateline read
    // from the text; a date meta tag that does not say which date it is
    // only stands in when the text has none.
    let stated = linked
        .published
        .as_deref()
        .map(|d| (d, "published from JSON-LD datePublished"))
        .or_else(|| {
            meta.meta("article:published_time")
                .map(|d| (d, "published from article:published_time"))
        })
        .or_else(|| {
            PUBLISHED_META
                .iter()
                .find_map(|key| meta.meta(key))
                .map(|d| (d, "published from a date meta tag"))
        })
        .or_else(|| {
            meta.time
                .as_deref()
                .map(|d| (d, "published from the first <time datetime>"))
        });
    let loose = || {
        LOOSE_DATE_META
            .iter()
            .find_map(|key| meta.meta(key))
            .map(|d| (d, "published from a generic date meta tag"))
    };
    let published = match stated {
        Some(stated) => Some(stated),
        None if article.published.is_none() => loose(),
        None => None,
    };
    if let Some((value, source)) = published {
        if let Some(iso) = metadata_date_iso(value) {
            // The day the page shows beats metadata a day off: metadata
            // often gives the moment in UTC, the page the local day.
            let shown_near = article
                .published
                .as_deref()
                .and_then(|p| days_apart(p, &iso))
                .is_some_and(|days| days <= 1);
            if !shown_near {
                article.published = Some(iso);
                article.published_text = Some(value.trim().to_string());
                note(&mut article, source);
            }
        }
    }
    let modified = linked
        .modified
        .as_deref()
        .or_else(|| meta.meta("article:modified_time"));
    if article.updated.is_none() {
        if let Some(iso) = modified.and_then(metadata_date_iso) {
            article.updated = Some(iso);
            article.updated_text = modified.map(str::to_string);
        }
    }

    // The page's own statement of its authors beats a line guessed from
    // its text, which may name another person on the page.
    let linked_authors: Vec<String> = linked
        .resolved_authors()
        .iter()
        // Some pages write the whole byline into the author field ("By Ann Lee, AP").
        .flat_map(|a| byline_names(a).unwrap_or_else(|| vec![a.clone()]))
        .collect();
    let marked_authors = meta
        .author_marked
        .iter()
        .find_map(|text| {
            let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
            byline_names(&text)
                .or_else(|| byline_names(&format!("By {text}")))
                .or_else(|| author_handle(&text).map(|h| vec![h]))
        })
        .unwrap_or_default();
    let (meta_authors, meta_key) = AUTHOR_META
        .iter()
        .find_map(|&key| {
            let names = author_names(meta.meta(key)?);
            (!names.is_empty()).then_some((names, key))
        })
        .unwrap_or_default();
    // The page's own statement of its authors beats a line guessed from its
    // text, which may name another person on the page; but the site or its
    // publisher named as the author gives way to a person named elsewhere.
    let sites: Vec<String> = [
        meta.meta("og:site_name"),
        linked.publisher.as_deref(),
        meta.meta("application-name"),
    ]
    .into_iter()
    .flatten()
    .map(name_key)
    .chain(page_host(&meta).map(|h| name_key(&h)))
    .filter(|k| !k.is_empty())
    .collect();
    let names_site = |names: &[String]| {
        names.iter().all(|n| {
            let key = name_key(n);
            key.chars().count() >= 2 && sites.iter().any(|s| s.contains(&key) || key.contains(s))
        })
    };
    let from_text = std::mem::take(&mut article.byline);
    let guessed = article.diagnostics.iter().any(|d| d == NAME_LINE_BYLINE);
    let (stated, name_line) = if guessed {
        (Vec::new(), from_text)
    } else {
        (from_text, Vec::new())
    };
    let candidates = [
        (linked_authors, "byline from JSON-LD author".to_string()),
        (stated, String::new()),
        (
            marked_authors,
            "byline from an element marked as the author".to_string(),
        ),
        (meta_authors, format!("byline from <meta {meta_key}>")),
        (name_line, String::new()),
    ];
    // Names of people: two to four words, none a site's name.
    let people = |names: &[String]| {
        names.iter().all(|n| {
            (2..=4).contains(&n.split_whitespace().count()) && !names_site(std::slice::from_ref(n))
        })
    };
    // A content system's default account ("admin", "wordpressadmin")
    // gives way to people named elsewhere.
    let account = |names: &[String]| {
        names.iter().all(|n| {
            let n = n.to_lowercase();
            !n.contains(' ') && (n.contains("admin") || n == "webmaster")
        })
    };
    let first = candidates.iter().position(|(names, _)| !names.is_empty());
    let after_account = |i: usize| first.is_some_and(|f| f < i && account(&candidates[f].0));
    let chosen = candidates
        .iter()
        .enumerate()
        .position(|(i, (names, _))| {
            !names.is_empty()
                && !names_site(names)
                && !account(names)
                && (!after_account(i) || people(names))
        })
        .or(first);
    // The text's guess is noted only if it is the byline shown.
    if guessed && chosen != Some(candidates.len() - 1) {
        article.diagnostics.retain(|d| d != NAME_LINE_BYLINE);
    }
    // Another source that names the same authors and more gives them all
    // (JSON-LD naming the writer, the byline the writer and translator).
    let chosen = chosen.map(|i| {
        let keys = |names: &[String]| names.iter().map(|n| name_key(n)).collect::<Vec<_>>();
        let mine = keys(&candidates[i].0);
        candidates
            .iter()
            .position(|(others, _)| {
                let theirs = keys(others);
                theirs.len() > mine.len()
                    && people(others)
                    && mine.iter().all(|k| theirs.contains(k))
            })
            .unwrap_or(i)
    });
    if let Some(i) = chosen {
        let (names, source) = &candidates[i];
        // A handle or a first name ("todd", "edilson.la.rosa") gives way
        // to the same person's full name from another source.
        article.byline = names
            .iter()
            .map(|name| {
                let key = name_key(name);
                candidates
                    .iter()
                    .flat_map(|(others, _)| others)
                    .filter(|other| other.contains(' ') && !name.contains(' '))
                    .find(|other| !key.is_empty() && name_key(other).starts_with(&key))
                    .unwrap_or(name)
                    .clone()
            })
            .collect();
        if !source.is_empty() {
            note(&mut article, source);
        }
    }
    // The original: the canonical address, else what og:url states.
    article.url = [meta.canonical.as_deref(), meta.meta("og:url")]
        .into_iter()
        .flatten()
        .find_map(crate::address::original_address);
    let base = meta
        .base
        .clone()
        .or_else(|| meta.meta("og:url").map(str::to_string));
    link_related(&mut article, &meta.links, base.as_deref());
    // A menu above the headline is not its section.
    if article
        .section
        .as_deref()
        .is_some_and(|s| meta.menu_lines.contains(&folded(s)))
    {
        article.section = None;
    }
    // The page's own section metadata beats a short line guessed from the
    // text ("Listen Live", a byline handle), which is often furniture.
    if let Some(section) = linked
        .section
        .clone()
        .or_else(|| meta.meta("article:section").map(str::to_string))
        .filter(|s| !s.trim().is_empty())
    {
        if article.section.as_deref().map(folded) != Some(folded(&section)) {
            article.section = Some(section.trim().to_string());
            note(&mut article, "section from the page's metadata");
        }
    }
    // The page's own tags beat a line read as tags from its text (often
    // tag links run together: "bahndeutschland").
    let marked: Vec<String> = meta.metas("article:tag").map(str::to_string).collect();
    let linked_tags = || {
        let mut tags: Vec<String> = Vec::new();
        for text in &meta.tag_links {
            let tag = text.split_whitespace().collect::<Vec<_>>().join(" ");
            let tag = tag.trim_start_matches('#').to_string();
            if !tag.is_empty() && !tags.iter().any(|t| t.eq_ignore_ascii_case(&tag)) {
                tags.push(tag);
            }
        }
        tags
    };
    let page_tags = if marked.is_empty() {
        linked_tags()
    } else {
        marked
    };
    if !page_tags.is_empty() {
        article.tags = page_tags;
        note(&mut article, "tags from the page's tag markup");
    } else if article.tags.is_empty() {
        article.tags = linked.keywords.clone();
    }
    if let Some(site) = meta
        .meta("og:site_name")
        .map(str::to_string)
        .or(linked.publisher.clone())
    {
        article.source = Some(site_name(&site));
    }
    if let Some(lang) = meta
        .lang
        .as_deref()
        .and_then(|l| l.split(['-', '_']).next())
    {
        if !lang.is_empty() {
            article.language = Some(lang.to_ascii_lowercase());
        }
    }
    // The page's metadata may have brought lists of its own.
    article.finish();
    article
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::BlockKind;

    const PAGE: &str = r#"<!doctype html><html lang="en-GB"><head><title>Kallas urges calm | Example News</title>
        <meta property="og:site_name" content="Example News">
        <meta property="article:published_time" content="2025-12-31T13:28:00+02:00">
        <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Kallas urges calm","author":{"@type":"Person","name":"Anna Writer"},"keywords":"EU, Kallas"}</script>
        <style>p { color: red }</style><script>window.x = "not shown"</script></head>
        <body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
        <article><h1>Kallas urges calm</h1>
        <p>The EU foreign policy chief said on Wednesday that nobody should accept the claims, and that the talks go on.</p>
        <div style="display: none">Hidden promo text that must not show up anywhere.</div>
        <p>"Moscow aims to derail real progress towards peace," she wrote on the social network X, adding more words.</p>
        <p>Officials in Brussels said the next round of talks would take place in January, after the holidays.</p>
        </article><footer>© 2025 Example News</footer></body></html>"#;

    /// A story with a picture, a subheading, a list, tables (one of data,
    /// one of layout), code and a link; also read by the browser tests.
    const STRUCTURED: &str = include_str!("../../../../tests/fixtures/structured-page.html");

    #[test]
    fn the_story_keeps_pictures_lists_tables_code_and_links_in_order() {
        let article = parse_html(STRUCTURED);
        let kinds: Vec<BlockKind> = article.body.iter().map(|b| b.kind).collect();
        use BlockKind::*;
        assert_eq!(
            kinds,
            [
                Image, Paragraph, Subheading, Paragraph, List, Table, Code, Paragraph, Paragraph,
                Paragraph
            ],
            "{:#?}",
            article.body
        );
        let image = &article.body[0];
        assert_eq!(
            image.src.as_deref(),
            Some("https://news.example.com/img/harbour.jpg?w=800&q=80")
        );
        assert_eq!(image.alt.as_deref(), Some("The harbour at dawn"));
        assert_eq!(
            image.caption.as_deref(),
            Some("Ships wait outside the harbour at dawn.")
        );
        assert_eq!(image.credit.as_deref(), Some("Photo: Ann Lee"));
        // The caption is the picture's, not a paragraph of the story.
        assert!(article.body[1..]
            .iter()
            .all(|b| !b.text.contains("Ships wait")));
        assert_eq!(
            article.body[1].links,
            [crate::article::InlineLink {
                text: "harbour plan".into(),
                url: "https://news.example.com/docs/plan.pdf".into()
            }]
        );
        assert_eq!(article.body[2].level, Some(2));
        assert!(article.body[4].ordered);
        assert_eq!(article.body[4].items.len(), 3);
        assert!(article.body[5].header);
        assert_eq!(
            article.body[5].rows,
            [["Year", "Ships"], ["2024", "1,204"], ["2025", "1,388"]]
        );
        assert_eq!(article.body[6].language.as_deref(), Some("json"));
        assert_eq!(article.body[6].text, "{\n  \"quay\": \"north\"\n}");
        // The layout table's text is read as text, not as a table.
        assert!(article.body[7].text.starts_with("Layout cell"));
        // No icon, teaser, or address that is not a web page's.
        let pictures = article.body.iter().filter(|b| b.kind == Image).count();
        assert_eq!(pictures, 1);
    }

    #[test]
    fn a_scripted_picture_is_read_from_its_noscript_copy_and_icons_are_not_pictures() {
        let prose =
            "The council met on Monday and agreed on the plan for the harbour after a long debate.";
        let page = format!(
            "<html><head><base href=\"https://example.com/story\"></head><body><article><h1>Pictures drawn by script</h1><p>{prose}</p>\
             <picture><noscript><img src=\"/drawn.jpg\" alt=\"Drawn by script\"></noscript></picture><p>{prose}</p>\
             <img data-src=\"/lazy.jpg\" src=\"data:,\"><noscript><img src=\"/lazy-copy.jpg\"></noscript><p>{prose}</p>\
             <noscript><img src=\"https://ads.example.net/pixel?id=1\"></noscript>\
             <img src=\"/star.gif\"><img src=\"/star.gif\"><img src=\"/star.gif\"><p>{prose}</p></article></body></html>"
        );
        assert_eq!(
            pictures_of(&page),
            [
                "https://example.com/drawn.jpg",
                "https://example.com/lazy.jpg"
            ]
        );
    }

    #[test]
    fn a_picture_whose_img_has_no_address_is_read_from_its_source() {
        let prose =
            "The council met on Monday and agreed on the plan for the harbour after a long debate.";
        let page = format!(
            "<html><head><base href=\"https://example.com/story\"></head><body><article><h1>Pictures in picture elements</h1><p>{prose}</p>\
             <picture><source type=\"image/avif\" data-srcset=\"/harbour.avif 1x, /harbour-2x.avif 2x\"><source srcset=\"/harbour.webp\"><img src=\"data:image/gif;base64,R0lGOD\" alt=\"The harbour\"></picture><p>{prose}</p>\
             <picture><source srcset=\"/ferry.webp 800w\"><img src=\"/ferry.jpg\" alt=\"The ferry\"></picture><p>{prose}</p>\
             <picture><source srcset=\"/quay.webp\"><img alt=\"The quay\"></picture><p>{prose}</p>\
             <img alt=\"No address anywhere\"><p>{prose}</p></article></body></html>"
        );
        assert_eq!(
            pictures_of(&page),
            [
                "https://example.com/harbour.avif",
                "https://example.com/ferry.jpg",
                "https://example.com/quay.webp"
            ]
        );
    }

    /// The addresses of the pictures in a page's story.
    fn pictures_of(page: &str) -> Vec<String> {
        parse_html(page)
            .body
            .into_iter()
            .filter_map(|b| b.src)
            .collect()
    }

    #[test]
    fn a_picture_with_no_address_to_resolve_against_is_left_out() {
        let page = format!(
            "<html><body><article><h1>A story with pictures</h1><p>{}</p>\
             <img src=\"/relative.jpg\" alt=\"no base\"><img src=\"javascript:alert(1)\">\
             <img src=\"https://example.com/kept.jpg\" alt=\"kept\"><p>{}</p></article></body></html>",
            "The council met on Monday and agreed on the plan for the harbour after a long debate.",
            "Work will start in the spring, and the harbour will stay open for the ferries all the while."
        );
        assert_eq!(pictures_of(&page), ["https://example.com/kept.jpg"]);
    }

    #[test]
    fn a_carriage_return_in_pre_keeps_the_lines_in_step() {
        let page = "<html><body><article><h1>Carriage returns in code</h1>\
            <p>The council met on Monday and agreed on the plan for the harbour after a long debate.</p>\
            <pre>first\rsecond\r\nthird</pre>\
            <h2>After the code</h2>\
            <p>Work will start in the spring, and the harbour will stay open for the ferries all the while.</p>\
            </article></body></html>";
        let (text, _) = read_page(page);
        assert!(!text.contains('\r'));
        let article = parse_html(page);
        let code = article.body.iter().find(|b| b.kind == BlockKind::Code);
        assert_eq!(code.map(|c| c.text.as_str()), Some("first\nsecond\nthird"));
        let heading = article
            .body
            .iter()
            .find(|b| b.kind == BlockKind::Subheading);
        assert_eq!(heading.and_then(|h| h.level), Some(2));
    }

    #[test]
    fn visible_text_keeps_blocks_and_drops_hidden_parts() {
        let (text, meta) = read_page(PAGE);
        assert!(text.contains("\nKallas urges calm\n"), "{text}");
        assert!(
            !text.contains("not shown")
                && !text.contains("Hidden promo")
                && !text.contains("color: red"),
            "{text}"
        );
        assert_eq!(meta.h1, vec!["Kallas urges calm"]);
        assert_eq!(meta.title, "Kallas urges calm | Example News");
        assert_eq!(meta.lang.as_deref(), Some("en-GB"));
    }

    #[test]
    fn metadata_settles_headline_date_byline_and_site() {
        let article = parse_html(PAGE);
        assert_eq!(article.headline.as_deref(), Some("Kallas urges calm"));
        assert_eq!(article.published.as_deref(), Some("2025-12-31T13:28+02:00"));
        assert_eq!(article.byline, vec!["Anna Writer"]);
        assert_eq!(article.source.as_deref(), Some("Example News"));
        assert_eq!(article.tags, vec!["EU", "Kallas"]);
        assert_eq!(article.language.as_deref(), Some("en"));
        assert!(article
            .body
            .iter()
            .any(|b| b.text.starts_with("The EU foreign policy chief")));
    }

    #[test]
    fn a_hidden_void_element_hides_nothing_after_it() {
        let (text, _) =
            read_page(r#"<body><img src="x" style="display:none"><p>Still shown.</p></body>"#);
        assert!(text.contains("Still shown."), "{text}");
    }

    #[test]
    fn lines_made_of_links_are_marked() {
        let (_, meta) = read_page(
            r#"<body><p><a href="/a">Home</a> <a href="/b">World news today</a></p><p>A sentence with <a href="/c">one link</a> in the middle of much more plain text.</p></body>"#,
        );
        assert!(meta.link_lines.contains("home world news today"));
        assert_eq!(meta.link_lines.len(), 1);
    }

    /// A page's text with the lines its structure puts in the main content.
    fn main_text(html: &str) -> Vec<String> {
        let (text, meta) = read_page(html);
        let inside = crate::text::parse::main_lines(&text, &meta.layout).unwrap_or_default();
        text.lines()
            .zip(inside)
            .filter(|(_, inside)| *inside)
            .map(|(line, _)| line.to_string())
            .collect()
    }

    const PROSE: [&str; 5] = [
        "The council met on Tuesday evening, and after a long debate, it voted to keep the library open on Sundays, at least until the spring.",
        "Residents had asked for the change for years, saying that students, shift workers and families had nowhere else to go, and that the building sat empty.",
        "The mayor said the cost, about forty thousand a year, would come from the culture budget, which had grown, she noted, since the last election.",
        "Librarians, who had worked extra hours, unpaid, during the winter, welcomed the vote, and said they would hire two more people, perhaps three.",
        "The opposition, however, said the money, which is not small, would be better spent on roads, schools, or the old swimming pool, now closed.",
    ];

    #[test]
    fn paragraphs_in_cards_of_their_own_are_one_story() {
        let cards: String = PROSE
            .iter()
            .map(|p| {
                format!(r#"<div class="card"><div class="card-content"><p>{p}</p></div></div>"#)
            })
            .collect();
        let html = format!(
            r#"<body><div class="menu"><a href="/">Home</a></div><div class="collection">{cards}</div>
            <div class="footer"><p>Contact us, write to us, or call us, any day, at any hour, for anything at all.</p></div></body>"#
        );
        let main = main_text(&html);
        assert_eq!(main, PROSE.to_vec(), "{main:?}");
    }

    #[test]
    fn sidebars_captions_and_link_boxes_are_left_out() {
        let html = format!(
            r#"<body><article><div class="entry-content"><p>{}</p>
            <figure><img src="x.jpg"><figcaption>The library on Main Street, seen from the park, in spring.</figcaption></figure>
            <p>{}</p><div class="more"><a href="/a">Read more about the library and its long history</a> <a href="/b">Other news</a></div>
            <p>{}</p></div></article>
            <div class="sidebar"><p>Subscribe today, and get our newsletter, our podcast, and our weekly quiz, all for free, forever.</p></div></body>"#,
            PROSE[0], PROSE[1], PROSE[2]
        );
        let main = main_text(&html);
        assert_eq!(main, PROSE[..3].to_vec(), "{main:?}");
    }

    #[test]
    fn a_kicker_or_subtitle_beside_the_title_in_its_h1_is_left_out() {
        let page = |og: &str, h1: &str| {
            format!(
                r#"<html><head><meta property="og:title" content="{og}"></head><body>
                <h1>{h1}</h1><div class="story"><p>{}</p><p>{}</p><p>{}</p></div></body></html>"#,
                PROSE[0], PROSE[1], PROSE[2]
            )
        };
        let headline = |og: &str, h1: &str| parse_html(&page(og, h1)).headline;
        // A kicker set before the title, a subtitle or the site's name after it.
        assert_eq!(
            headline(
                "Eigentumsvorbehalt: Das sollten Käufer wissen",
                "<span>Forderungsausfälle vermeiden</span> Eigentumsvorbehalt: Das sollten Käufer wissen"
            )
            .as_deref(),
            Some("Eigentumsvorbehalt: Das sollten Käufer wissen")
        );
        assert_eq!(
            headline(
                "Tea in the old town",
                "Tea in the old town <small>Where the town meets for a cup, every day of the week</small>"
            )
            .as_deref(),
            Some("Tea in the old town")
        );
        assert_eq!(
            headline("Tea in the old town", "Tea in the old town | THE TOWN BLOG").as_deref(),
            Some("Tea in the old town")
        );
        // A title the metadata cut short is not the headline: the <h1> is whole.
        assert_eq!(
            headline(
                "Hunter falls ill after eating a rabbit, the third local to contract",
                "Hunter falls ill after eating a rabbit, the third local to contract the disease"
            )
            .as_deref(),
            Some("Hunter falls ill after eating a rabbit, the third local to contract the disease")
        );
    }

    #[test]
    fn the_site_name_in_an_h1_is_not_the_headline() {
        // A blog's logo is its only <h1>, a link home; the post's title is an <h2>.
        let page = |logo: &str| {
            format!(
                r#"<html><head><title>Tea in the old town : My Little Blog</title></head><body>
                <div class="header">{logo}<p>Notes from a small town</p></div>
                <div class="post"><h2 class="entry-title">Tea in the old town</h2>
                <p>{}</p><p>{}</p><p>{}</p></div></body></html>"#,
                PROSE[0], PROSE[1], PROSE[2]
            )
        };
        for logo in [
            r#"<h1><a href="/">My Little Blog</a></h1>"#,
            r#"<h1><a href="https://blog.example.org">My Little Blog</a></h1>"#,
            r#"<h1><a href="https://web.archive.org/web/20160218174457/http://blog.example.org/">My Little Blog</a></h1>"#,
            r#"<h1><a href="/about" rel="home">My Little Blog</a></h1>"#,
            r#"<h1 id="site-title"><span>My Little Blog</span></h1>"#,
            r#"<h1 class="logo">My Little Blog</h1>"#,
            // Text for screen readers only, over the menus.
            r#"<h1 class="navSkip">Navigation und Service</h1>"#,
        ] {
            let article = parse_html(&page(logo));
            assert_eq!(
                article.headline.as_deref(),
                Some("Tea in the old town"),
                "{logo}"
            );
        }
        // An <h1> that links to a story, not home, is that story's title.
        let article = parse_html(&page(
            r#"<h1><a href="/2020/05/tea">Tea in the old town</a></h1>"#,
        ));
        assert_eq!(article.headline.as_deref(), Some("Tea in the old town"));
        // A style sheet inside the heading is not its text.
        let (_, meta) = read_page("<h1><style>.t{font-size:16px}</style>Tea in the old town</h1>");
        assert_eq!(meta.h1, vec!["Tea in the old town"]);
        assert!(is_home_address("http://example.com/index.php"));
        assert!(!is_home_address("https://example.com/2020/05/tea"));
        assert!(!is_home_address(
            "https://web.archive.org/web/2016/http://example.com/news/tea"
        ));
    }

    #[test]
    fn the_box_holding_a_short_story_is_kept_whatever_its_links() {
        // Share buttons, a byline's links and tags make the story's own box
        // mostly links: it is still the story, not a box to clean away.
        let share = r#"<div class="share"><a href="/f">Share on Facebook</a> <a href="/t">Share on Twitter</a> <a href="/e">Email this story to a friend</a> <a href="/c">Copy the link</a></div>"#;
        let html = format!(
            r#"<body><div class="menu"><a href="/">Home</a> <a href="/news">News</a></div>
            <div class="article-wrapper">{share}<div class="box modal-enabled">
            <h1>Press secretary leaves studio</h1>
            <p class="byline"><a href="/author/ian">By Ian Mohr</a> <a href="/author/ian/archive">View author archive</a></p>
            <p><a href="/people/dee">Dee Dee Myers</a> — a former press secretary for <a href="/tag/clinton">Bill Clinton</a> — is leaving her role at the studio after five years.</p>
            <p>Myers said she would take some time to figure out what comes next, and thanked her team.</p>
            {share}<div class="tags"><a href="/tag/a">Bill Clinton</a> <a href="/tag/b">Warner Bros.</a> <a href="/tag/c">Hollywood studios</a> <a href="/tag/d">Media careers</a></div>
            </div></div></body>"#
        );
        let body: Vec<String> = parse_html(&html).body.into_iter().map(|b| b.text).collect();
        assert!(
            body[0].starts_with("Dee Dee Myers — a former press secretary"),
            "{body:?}"
        );
        assert!(body[1].starts_with("Myers said she would"), "{body:?}");
        assert!(!body.iter().any(|b| b.contains("Share on")), "{body:?}");
    }

    #[test]
    fn the_main_content_settles_the_body() {
        let html = format!(
            r#"<body><ul class="nav"><li><a href="/">Home</a></li></ul><h1>Library stays open</h1>
            <div class="story-body"><p>{}</p><p>{}</p><p>{}</p></div>
            <div class="related"><h3>Most read</h3><p>Another long teaser line that reads like prose, with commas, and more words, and a full stop.</p></div></body>"#,
            PROSE[0], PROSE[1], PROSE[2]
        );
        let article = parse_html(&html);
        let body: Vec<&str> = article.body.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(body, PROSE[..3].to_vec());
    }

    #[test]
    fn a_menu_above_the_headline_is_not_its_section() {
        let html = format!(
            r#"<body><div class="menu"><a href="/">Home</a> <a href="/city/">City</a></div>
            <h1>Library stays open</h1><div class="story-body"><p>{}</p><p>{}</p><p>{}</p></div></body>"#,
            PROSE[0], PROSE[1], PROSE[2]
        );
        let article = parse_html(&html);
        assert_eq!(article.headline.as_deref(), Some("Library stays open"));
        assert_eq!(article.section, None);
    }

    #[test]
    fn section_metadata_beats_a_guessed_line() {
        let html = format!(
            r#"<head><meta property="article:section" content="Sport"></head><body><p>Listen Live</p>
            <h1>Library stays open</h1><div class="story-body"><p>{}</p><p>{}</p><p>{}</p></div></body>"#,
            PROSE[0], PROSE[1], PROSE[2]
        );
        let article = parse_html(&html);
        assert_eq!(article.section.as_deref(), Some("Sport"));
    }

    #[test]
    fn the_original_address_is_the_canonical_one_without_tracking() {
        let page = |head: &str| {
            format!(
                "<html><head>{head}</head><body><h1>Library stays open</h1><p>{}</p><p>{}</p></body></html>",
                PROSE[0], PROSE[1]
            )
        };
        let both = page(
            r#"<link rel="canonical" href="https://example.com/library?utm_source=x&id=7"><meta property="og:url" content="https://example.com/og">"#,
        );
        assert_eq!(
            parse_html(&both).url.as_deref(),
            Some("https://example.com/library?id=7")
        );
        let og = page(r#"<meta property="og:url" content="https://example.com/og">"#);
        assert_eq!(
            parse_html(&og).url.as_deref(),
            Some("https://example.com/og")
        );
        let hostile = page(r#"<link rel="canonical" href="javascript:alert(1)">"#);
        assert_eq!(parse_html(&hostile).url, None);
        assert_eq!(parse_html(&page("")).url, None);
    }

    /// Found by `cargo fuzz run parse_html`: markup lol_html calls ambiguous
    /// made the rewriter fail, and ending it after that panicked.
    #[test]
    fn fuzz_style_inside_select_is_read_on() {
        let html = "<body><select><style>a{}</style></select>\
                    <p>After the select the story goes on, and on.</p></body>";
        let (text, _) = read_page(html);
        assert!(
            text.contains("After the select the story goes on"),
            "{text}"
        );
        let _ = parse_html(html);
    }

    #[test]
    fn a_site_name_written_as_an_address_is_its_host() {
        assert_eq!(
            site_name("https://www.hawaiinewsnow.com"),
            "hawaiinewsnow.com"
        );
        assert_eq!(
            site_name("http://news.example.org/home"),
            "news.example.org"
        );
        assert_eq!(site_name(" Example News "), "Example News");
    }

    #[test]
    fn deep_nesting_is_linear() {
        let html = format!(
            "<html><body>{}<p>deep text</p>{}</body></html>",
            "<div>".repeat(100_000),
            "</div>".repeat(100_000)
        );
        let (text, _) = read_page(&html);
        assert!(text.contains("deep text"));
        // Every level a paragraph of its own: scoring stays linear too.
        let levels: String = (0..50_000)
            .map(|i| format!("<div><p>{} ({i})</p>", PROSE[i % PROSE.len()]))
            .collect();
        let html = format!(
            "<html><body>{levels}{}</body></html>",
            "</div>".repeat(50_000)
        );
        let article = parse_html(&html);
        assert!(article.body.len() > 1000, "{}", article.body.len());
    }

    /// A page with no JSON-LD and no byline line: the author comes from
    /// the element marked as the author, else from `<meta name=author>`.
    fn page_with_author(marked: &str, meta: &str) -> Article {
        let paragraph = "The council voted on Tuesday to keep the library open, after a year of protests by readers and staff, and to pay for it from the culture budget.";
        parse_html(&format!(
            r#"<html><head><title>Library stays open</title>{meta}</head><body>
            <h1>Library stays open</h1>{marked}
            <div class="story-body"><p>{paragraph}</p><p>{paragraph}</p><p>{paragraph}</p></div></body></html>"#
        ))
    }

    #[test]
    fn the_author_comes_from_a_marked_element_then_meta() {
        let marked = page_with_author(
            r#"<div class="article-byline"><span>Ann Lee</span></div>"#,
            r#"<meta name="author" content="Example Times">"#,
        );
        assert_eq!(marked.byline, vec!["Ann Lee"]);
        let meta_only = page_with_author("", r#"<meta name="author" content="Bo Ek, Cy Dahl">"#);
        assert_eq!(meta_only.byline, vec!["Bo Ek", "Cy Dahl"]);
        let address = page_with_author(
            "",
            r#"<meta property="article:author" content="https://example.com/ann">"#,
        );
        assert!(address.byline.is_empty());
    }

    #[test]
    fn a_marked_handle_or_a_referenced_person_is_the_author() {
        let handle = page_with_author(
            r#"<span class="entry-author"><span class="author vcard"><a href="/u/1">von <span class="fn">flerche</span></a></span></span>"#,
            "",
        );
        assert_eq!(handle.byline, vec!["flerche"]);
        let label_only = page_with_author(r#"<span class="post-author">Posted by</span>"#, "");
        assert!(label_only.byline.is_empty(), "{:?}", label_only.byline);
        // Yoast's graph names the author in a node of its own.
        let graph = page_with_author(
            "",
            r#"<script type="application/ld+json">{"@graph":[{"@type":"Article","headline":"Library stays open","author":{"@id":"https://e.org/#/person/1"}},{"@type":"Person","@id":"https://e.org/#/person/1","name":"Steven Salentin"}]}</script>"#,
        );
        assert_eq!(graph.byline, vec!["Steven Salentin"]);
    }

    #[test]
    fn the_day_the_page_shows_beats_metadata_a_day_off() {
        let ld = |date: &str| {
            format!(
                r#"<script type="application/ld+json">{{"@type":"NewsArticle","headline":"Library stays open","datePublished":"{date}"}}</script>"#
            )
        };
        let shown = r#"<p class="date">November 18, 2019 11:03 PM</p>"#;
        // Metadata in UTC, the page in local time: the page's day stands.
        let utc = page_with_author(shown, &ld("2019-11-19T07:03:25+00:00"));
        assert_eq!(
            utc.published.as_deref().map(|p| &p[..10]),
            Some("2019-11-18")
        );
        // Further apart, the page's line is another date: metadata wins.
        let other = page_with_author(shown, &ld("2019-11-21T07:03:25+00:00"));
        assert_eq!(
            other.published.as_deref().map(|p| &p[..10]),
            Some("2019-11-21")
        );
    }

    #[test]
    fn a_generic_date_meta_tag_stands_in_only_for_a_date_the_text_lacks() {
        let meta = r#"<meta name="date" content="2022-01-26">"#;
        let shown = page_with_author(r#"<p class="date">21.01.2022 - 13:30</p>"#, meta);
        assert_eq!(
            shown.published.as_deref().map(|p| &p[..10]),
            Some("2022-01-21")
        );
        let unshown = page_with_author("", meta);
        assert_eq!(
            unshown.published.as_deref().map(|p| &p[..10]),
            Some("2022-01-26")
        );
    }

    #[test]
    fn the_site_named_as_author_gives_way_to_a_person() {
        let site = r#"<meta property="og:site_name" content="National Geographic">
            <script type="application/ld+json">{"@type":"NewsArticle","headline":"Library stays open","author":{"@type":"Organization","name":"National Geographic"}}</script>"#;
        let person = page_with_author(r#"<p class="author-name">By Michael Hingston</p>"#, site);
        assert_eq!(person.byline, vec!["Michael Hingston"]);
        // With no person named anywhere, the organisation stands.
        let only_site = page_with_author("", site);
        assert_eq!(only_site.byline, vec!["National Geographic"]);
    }

    fn linked_author(name: &str) -> String {
        format!(
            r#"<script type="application/ld+json">{{"@type":"NewsArticle","headline":"Library stays open","author":{{"@type":"Person","name":"{name}"}}}}</script>"#
        )
    }

    #[test]
    fn an_account_or_handle_gives_way_to_the_persons_name() {
        // The content system's default account, a person in the byline.
        let admin = page_with_author(
            r#"<p class="author-name">By Tobias Kuske</p>"#,
            &linked_author("admin"),
        );
        assert_eq!(admin.byline, vec!["Tobias Kuske"]);
        // ...but not to a menu in an element marked as the author.
        let menu = page_with_author(
            r#"<p class="author-name">HOME Architecture Design Art Cities</p>"#,
            &linked_author("admin"),
        );
        assert_eq!(menu.byline, vec!["admin"]);
        // A login handle, the same person's name in `<meta name=author>`.
        let handle = page_with_author(
            "",
            &format!(
                r#"{}<meta name="author" content="Edilson La Rosa">"#,
                linked_author("edilson.la.rosa")
            ),
        );
        assert_eq!(handle.byline, vec!["Edilson La Rosa"]);
    }

    #[test]
    fn a_source_naming_the_same_authors_and_more_gives_them_all() {
        let both = page_with_author(
            r#"<p class="author-name">By Sadhbh O'Sullivan and Elisabeth Kochan</p>"#,
            &linked_author("Sadhbh O'Sullivan"),
        );
        assert_eq!(both.byline, vec!["Sadhbh O'Sullivan", "Elisabeth Kochan"]);
        // A site or a one-word label beside the author adds nothing.
        let with_site = page_with_author(
            r#"<p class="author-name">By Bob Yirka, Phys.org</p>"#,
            &format!(
                r#"<meta property="og:site_name" content="Phys.org">{}"#,
                linked_author("Bob Yirka")
            ),
        );
        assert_eq!(with_site.byline, vec!["Bob Yirka"]);
    }

    #[test]
    fn tags_come_from_tag_links_before_a_line_of_run_together_links() {
        let article = page_with_author(
            r#"<p class="tags"><a rel="tag" href="/t/bahn">Bahn</a><a rel="tag" href="/t/de">Deutschland</a><a rel="tag" href="/t/de2">#deutschland</a></p>"#,
            "",
        );
        assert_eq!(article.tags, vec!["Bahn", "Deutschland"]);
    }
}

//! The streaming reader: a saved page into its visible text, laid out as
//! a browser's `innerText` would (blocks on their own lines; scripts,
//! styles and hidden elements left out), and what the page states beside
//! it ([`PageMeta`]): metadata, headings, author and tag marks, links, the
//! block tree for the layout, and the story's shapes (headings, lists,
//! tables, code, pictures).

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use lol_html::html_content::{Element, EndTag, TextChunk};
use lol_html::{doc_text, element, text, HtmlRewriter, Settings};

use super::layout::{BlockTree, PageLayout, StartTag};
use crate::address::web_address;
use crate::text::lines::{folded, without_invisibles};
use crate::text::structure::{Figure, Shape, Structure};

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

/// Characters of a link's text kept to match it with a related item.
const MAX_ANCHOR_TEXT: usize = 1_000;
/// Links kept per page (a page of 100,000 links keeps the first ones).
const MAX_LINKS: usize = 20_000;

/// Links a line of mostly links needs to be a menu.
const MENU_LINKS: usize = 2;

/// What the page states about itself outside its visible text.
#[derive(Debug, Default, Clone)]
pub struct PageMeta {
    pub title: String,
    pub h1: Vec<String>,
    /// For each `<h1>`, the text of the element it opens with when more
    /// follows it ("<h1><span class=dachzeile>Nach Corona-Lockerungen</span>
    /// Autohäuser rechnen …</h1>"): a kicker, maybe; else empty.
    pub h1_opening: Vec<String>,
    /// The `<h1>`s that hold the site's name, not a story's title: one
    /// marked as the site's title or logo, or a link to the site's home.
    pub site_h1: Vec<String>,
    /// The text of each element the page marks as its author
    /// (`itemprop=author`, `rel=author`, a `byline` or `author` class).
    pub author_marked: Vec<String>,
    /// The text of each link the page marks as a tag (`rel=tag`).
    pub tag_links: Vec<String>,
    pub lang: Option<String>,
    /// `<html xml:lang>`, as XHTML states the language: read for its
    /// region's day/month order only (templates leave it "en" on pages
    /// in other languages).
    pub xml_lang: Option<String>,
    pub json_ld: Vec<String>,
    /// `(property or name, content)` of every `<meta>`.
    pub meta: Vec<(String, String)>,
    /// The first `<time datetime>` outside the comments.
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
    /// The day/month order the page's language tag names ("en-GB": the
    /// day first), if it names one.
    pub(super) fn date_order(&self) -> Option<crate::text::dates::DayMonthOrder> {
        self.lang
            .as_deref()
            .or(self.xml_lang.as_deref())
            .and_then(crate::text::dates::DayMonthOrder::for_language_tag)
    }

    pub(super) fn meta(&self, key: &str) -> Option<&str> {
        self.meta
            .iter()
            .find(|(k, v)| k.eq_ignore_ascii_case(key) && !v.trim().is_empty())
            .map(|(_, v)| v.trim())
    }

    pub(super) fn metas<'a>(&'a self, key: &'a str) -> impl Iterator<Item = &'a str> + 'a {
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
    /// The stressed words being read (`<em>`, `<strong>`): whether
    /// strongly, the line they start on, and their text so far; the
    /// outermost only.
    stress: Option<(bool, usize, String)>,
    hidden: usize,
    pre: usize,
    meta: PageMeta,
    /// For each `<h1>` so far, whether it names the site (see [`PageMeta::site_h1`]).
    h1_site: Vec<bool>,
    /// Element children of the `<h1>` being read so far, and whether the
    /// first one opened it (no text before it).
    h1_children: usize,
    h1_opened_by_child: bool,
    /// Each `<time datetime>`'s value in order, and those of the times
    /// inside a comment (an element whose class or id names one).
    times: Vec<String>,
    comment_times: Vec<String>,
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
        let mut decoded = if decoded.contains('\r') {
            std::borrow::Cow::Owned(decoded.replace("\r\n", "\n").replace('\r', "\n"))
        } else {
            decoded
        };
        // What no reader sees ("&shy;" in "Mes&shy;sen&shy;ger") is no text.
        if let std::borrow::Cow::Owned(visible) = without_invisibles(&decoded) {
            decoded = std::borrow::Cow::Owned(visible);
        }
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
        if let Some((_, _, text)) = self.stress.as_mut() {
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
    let reader: Shared = Rc::new(RefCell::new(Reader::default()));
    let texts = reader.clone();
    let settings = visible_text(Settings::new(), &reader);
    let settings = marks_and_headings(settings, &reader);
    let settings = metadata(settings, &reader)
        .append_document_content_handler(doc_text!(move |t| {
            let mut r = texts.borrow_mut();
            if r.hidden == 0 {
                r.push_text(t.as_str());
            }
            Ok(())
        }))
        // Not strict: markup whose parse depends on a tree lol_html does
        // not keep (`<style>` inside `<select>` or `<svg>`) is read by a
        // best guess instead of ending the page there. Folio shows only
        // text, so a wrong guess shows markup as text, never runs it.
        .with_strict(false);
    let mut rewriter = HtmlRewriter::new(settings, |_: &[u8]| {});
    // The rewriter only fails when a handler does, and ours never do; a
    // rewriter that failed must not be used again (it panics). Either way
    // the text read so far is taken out of the handlers' shared reader,
    // whether or not the rewriter (which holds them) is still alive.
    if rewriter.write(html.as_bytes()).is_ok() {
        let _ = rewriter.end();
    }
    finish_page(reader.take())
}

/// The one reader every handler writes to, each through its own handle.
type Shared = Rc<RefCell<Reader>>;

/// The stream's settings, handlers added in the order they run on an element.
type Handlers = Settings<'static, 'static>;

/// The handlers that lay out the visible text: hidden parts left out,
/// links counted and kept, blocks on their own lines and tracked for the
/// layout, the story's shapes, preformatted text.
fn visible_text(settings: Handlers, reader: &Shared) -> Handlers {
    let (hide, lines, links, blocks) = (
        reader.clone(),
        reader.clone(),
        reader.clone(),
        reader.clone(),
    );
    let (shaping, noscripts, pres) = (reader.clone(), reader.clone(), reader.clone());
    let stressed = reader.clone();
    settings
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
            open_link(el, &links);
            Ok(())
        }))
        .append_element_content_handler(element!("em, i, strong, b", move |el| {
            open_stress(el, &stressed);
            Ok(())
        }))
        .append_element_content_handler(element!("*", move |el| {
            open_element(el, &blocks);
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
}

/// A link: counted on its line, and at its end kept with its text (for
/// the story's inline links and for matching related items).
fn open_link(el: &mut Element, links: &Shared) {
    if el.end_tag_handlers().is_none() {
        return;
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
}

/// Stressed words (`<em>`, `<i>`, `<strong>`, `<b>`) shown in the text:
/// at their end kept with the line they start on. Stress inside stress
/// is the outer one's.
fn open_stress(el: &mut Element, stressed: &Shared) {
    if el.end_tag_handlers().is_none() {
        return;
    }
    {
        let mut r = stressed.borrow_mut();
        if r.stress.is_some() || r.hidden > 0 || r.pre > 0 {
            return;
        }
        let strong = matches!(el.tag_name().as_str(), "strong" | "b");
        r.stress = Some((strong, r.line, String::new()));
    }
    let stressed = stressed.clone();
    on_end_tag(el, move || {
        let mut r = stressed.borrow_mut();
        if let Some((strong, line, text)) = r.stress.take() {
            let shown = text.split_whitespace().collect::<Vec<_>>().join(" ");
            r.shapes.structure.stress(line, shown, strong);
        }
    });
}

/// Any element: a line break, a table cell (a tab), or a block on lines
/// of its own (two around a paragraph), tracked in the block tree.
fn open_element(el: &mut Element, blocks: &Shared) {
    let name = el.tag_name();
    if name == "br" {
        blocks.borrow_mut().line_break();
        return;
    }
    if name == "td" || name == "th" {
        let mut r = blocks.borrow_mut();
        r.text.push('\t');
        let id = open_block(&mut r.blocks, &name, el);
        drop(r);
        let blocks = blocks.clone();
        on_end_tag(el, move || blocks.borrow_mut().blocks.close(id));
        return;
    }
    let Some(count) = BLOCKS.iter().find(|b| **b == name).map(|_| {
        if PARAGRAPHS.contains(&name.as_str()) {
            2
        } else {
            1
        }
    }) else {
        return;
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
}

/// The handlers that read what the page marks: its authors, its tag
/// links, its `<h1>`s (and which hold the site's name) and its `<title>`.
fn marks_and_headings(settings: Handlers, reader: &Shared) -> Handlers {
    let (authors, author_text, tag_links, tag_text) = (
        reader.clone(),
        reader.clone(),
        reader.clone(),
        reader.clone(),
    );
    let (h1s, h1_links, h1_text, title_text) = (
        reader.clone(),
        reader.clone(),
        reader.clone(),
        reader.clone(),
    );
    let (h1_child, h1_child_text) = (reader.clone(), reader.clone());
    settings
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
            r.meta.h1_opening.push(String::new());
            r.h1_site.push(names_the_site(el));
            r.h1_children = 0;
            r.h1_opened_by_child = false;
            Ok(())
        }))
        .append_element_content_handler(element!("h1 > *", move |_| {
            let mut r = h1_child.borrow_mut();
            if r.h1_children == 0 {
                r.h1_opened_by_child = r.meta.h1.last().is_some_and(|h| h.trim().is_empty());
            }
            r.h1_children += 1;
            Ok(())
        }))
        .append_element_content_handler(text!("h1 > *", move |t: &mut TextChunk| {
            let mut r = h1_child_text.borrow_mut();
            if r.hidden > 0 || r.h1_children != 1 || !r.h1_opened_by_child {
                return Ok(());
            }
            if let Some(last) = r.meta.h1_opening.last_mut() {
                last.push_str(&html_escape::decode_html_entities(t.as_str()));
            }
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
}

/// `<time datetime>`s kept at most: the first outside the comments is
/// the one read.
const MAX_TIMES: usize = 1000;

/// The first of `all` (in the page's order) that is not one of `inside`:
/// the first time a page states outside its comments, where a comment's
/// own time ("24. August 2019 um 03:36 Uhr" under a reader's name) is no
/// date of the story.
fn first_outside(all: Vec<String>, mut inside: Vec<String>) -> Option<String> {
    all.into_iter()
        .find(|time| match inside.iter().position(|t| t == time) {
            Some(at) => {
                inside.swap_remove(at);
                false
            }
            None => true,
        })
}

/// The handlers that read what the page states about itself: JSON-LD,
/// `<meta>`, the first `<time datetime>`, its own address and language.
fn metadata(settings: Handlers, reader: &Shared) -> Handlers {
    let (ld, ld_text, metas) = (reader.clone(), reader.clone(), reader.clone());
    let (times, comment_times) = (reader.clone(), reader.clone());
    let (bases, html_tag) = (reader.clone(), reader.clone());
    let items = reader.clone();
    settings
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
        // Microdata on a shown element ("<abbr itemprop=datePublished
        // title=…>", "<span itemprop=datePublished content=…>") states the
        // date in an attribute, as a <meta> would.
        .append_element_content_handler(element!(
            "[itemprop~=datePublished]:not(meta)",
            move |el| {
                let value = ["content", "datetime", "title"]
                    .iter()
                    .find_map(|a| el.get_attribute(a));
                if let Some(value) = value {
                    let value = html_escape::decode_html_entities(&value).into_owned();
                    items
                        .borrow_mut()
                        .meta
                        .meta
                        .push(("datePublished".into(), value));
                }
                Ok(())
            }
        ))
        .append_element_content_handler(element!("time[datetime]", move |el| {
            let mut r = times.borrow_mut();
            if r.times.len() < MAX_TIMES {
                r.times.extend(el.get_attribute("datetime"));
            }
            Ok(())
        }))
        .append_element_content_handler(element!(
            "[class*=comment] time[datetime], [id*=comment] time[datetime]",
            move |el| {
                let mut r = comment_times.borrow_mut();
                if r.comment_times.len() < MAX_TIMES {
                    r.comment_times.extend(el.get_attribute("datetime"));
                }
                Ok(())
            }
        ))
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
        .append_element_content_handler(element!("html", move |el| {
            let mut r = html_tag.borrow_mut();
            r.meta.lang = el.get_attribute("lang").or(r.meta.lang.take());
            r.meta.xml_lang = el.get_attribute("xml:lang").or(r.meta.xml_lang.take());
            Ok(())
        }))
}

/// The page read: its lines (trimmed), the lines that are mostly links or
/// menus, the `<h1>`s that name the site, the layout and the shapes.
fn finish_page(reader: Reader) -> (String, PageMeta) {
    let mut meta = reader.meta;
    meta.time = first_outside(reader.times, reader.comment_times);
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
pub(super) fn is_home_address(href: &str) -> bool {
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
        "table" | "thead" | "tr" | "td" | "th" => open_table_part(&name, s, line),
        "picture" | "source" | "img" | "noscript" | "figure" | "figcaption" => {
            // A picture inside a link to another page is that page's teaser.
            let teaser = !links_to_picture(linked.as_deref());
            open_picture_part(el, &name, s, line, hidden || teaser, teaser)
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
        _ => None,
    };
    drop(r);
    if let Some(end) = end {
        let reader = reader.clone();
        on_end_tag(el, move || end(&mut reader.borrow_mut().shapes));
    }
}

/// A table's parts: a table (nested or not), its head, a row (a header
/// row when all its cells are `<th>`), a cell. At its end, a table that
/// does not hold data (fewer than two rows or columns, a long cell, a
/// table inside) lays out a page instead and loses its shape.
fn open_table_part(name: &str, s: &mut Shaping, line: usize) -> Option<AtEnd> {
    match name {
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
        _ => {
            if let Some(table) = s.tables.last_mut() {
                table.cells += 1;
                table.all_th &= name == "th";
                table.cell_chars = 0;
            }
            None
        }
    }
}

/// Pictures and their frames: a `<picture>` and its first `<source>`, a
/// figure and its caption, an `<img>` (unless `unseen`: hidden, or a
/// teaser inside a link to another page), and a `<noscript>` copy of a
/// picture drawn by script (unless a `teaser`).
fn open_picture_part(
    el: &Element,
    name: &str,
    s: &mut Shaping,
    line: usize,
    unseen: bool,
    teaser: bool,
) -> Option<AtEnd> {
    match name {
        "picture" => {
            s.in_picture += 1;
            s.picture_source = None;
            Some(Box::new(|s| {
                s.in_picture = s.in_picture.saturating_sub(1);
                s.picture_source = None;
            }))
        }
        "source" => {
            if s.in_picture > 0 && s.picture_source.is_none() {
                s.picture_source = first_address(el, &["data-srcset", "srcset"]);
            }
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
        "img" => {
            if !unseen {
                let source = s.picture_source.clone();
                if let Some(picture) = picture_of(el, source) {
                    s.add_picture(line, picture, false);
                }
            }
            None
        }
        // A page that draws its pictures by script keeps a copy for
        // readers without one; its markup is text to the tokenizer. Only
        // inside a figure or a <picture>: elsewhere a <noscript> picture
        // is an advertisement's or a tracker's.
        _ if !teaser && s.framed() => {
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

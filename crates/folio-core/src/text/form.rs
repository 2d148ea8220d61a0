//! Text into logical lines: the first stage of the text pipeline.
//!
//! Takes the text as the user has it and finds its form: a browser's
//! innerText or copy (one line per block, what the later stages were built
//! on), hard-wrapped text (e-mail, `lynx -dump`, `pandoc -t plain`: each
//! paragraph cut into lines of at most some 72–80 characters), or Markdown.
//! Gives the text laid out as innerText would lay it out — one line per
//! paragraph, heading or list item, blank lines between paragraphs — and,
//! for each of its lines, the input line it starts on. Markdown is read by
//! a CommonMark parser (`pulldown-cmark`): headings lose their `#`, links
//! keep their text (their addresses are kept aside), images and raw HTML
//! are not text, and front matter gives title, date, authors and tags.

use std::borrow::Cow;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd, TextMergeWithOffset};

pub use crate::article::Form;
use crate::text::byline::has_byline_opener;
use crate::text::dates::{find_dates, may_open_with_date, DayMonthOrder};
use crate::text::language::is_function_word;
use crate::text::lines::{physical_lines, LineNumber};
use crate::text::structure::{Figure, Shape, Structure, STORY_END, STORY_START};

/// What a Markdown file's front matter states (`---` YAML or `+++` TOML).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FrontMatter {
    pub title: Option<String>,
    /// The page's `<title>` a header of labelled fields names ("Title: …"
    /// over a whole page): a hint where the headline is, not the headline.
    pub page_title: Option<String>,
    pub date: Option<String>,
    pub authors: Vec<String>,
    pub tags: Vec<String>,
    pub source: Option<String>,
    pub url: Option<String>,
}

/// The text as logical lines, ready for [`crate::text::lines::split_lines`].
#[derive(Debug, Clone)]
pub struct LogicalText<'a> {
    /// The form the text was read as.
    pub form: Form,
    /// One logical line per line; blank lines where paragraphs break.
    pub text: Cow<'a, str>,
    /// For each line of `text`, the 1-based input line it starts on; empty
    /// when `text` is the input itself.
    origin: Vec<usize>,
    /// Links as Markdown wrote them: the text shown and the address.
    pub links: Vec<(String, String)>,
    /// Front matter, for Markdown that has it.
    pub front_matter: FrontMatter,
    /// Lines of `text` (1-based) that Markdown marks as headings, with
    /// their level (1 for `#`).
    pub headings: Vec<(usize, u8)>,
    /// The width a wrapped text was read as wrapped at.
    pub width: Option<usize>,
    /// The wrapper marked each break it made with a trailing space, so the
    /// rejoined lines are the original's lines exactly (an innerText copy
    /// wrapped by an e-mail client reads as innerText again).
    pub soft_breaks: bool,
    /// A wrapped text with no line indented and none a list item: a
    /// browser's text wrapped by another tool (an e-mail client), not a
    /// text browser's page, which indents and bullets its blocks.
    pub unindented: bool,
    /// What Markdown marks beyond words (lists, tables, code, pictures,
    /// links), by input line (0-based).
    pub structure: Structure,
}

impl LogicalText<'_> {
    /// The input line that line `number` of `text` starts on.
    pub fn input_line(&self, number: LineNumber) -> LineNumber {
        match self.origin.get(number.index()) {
            Some(&n) => LineNumber::new(n),
            None => number,
        }
    }
}

/// Read `text` as logical lines, in `form` when given, else in the form it
/// looks like ([`detect_form`]). A text whose every line break was doubled
/// is read with them single again, its lines still pointing at the input's.
pub fn logical_lines(text: &str, form: Option<Form>) -> LogicalText<'_> {
    match undoubled(text) {
        Some(single) => {
            let logical = read_logical_lines(&single, form);
            LogicalText {
                text: Cow::Owned(logical.text.into_owned()),
                ..logical
            }
            .through_doubled_breaks()
        }
        None => read_logical_lines(text, form),
    }
}

/// Blank lines a doubled text has at least where the original had some,
/// as a share of its lines.
const DOUBLED_MIN_BLANK_SHARE: f32 = 0.05;
const DOUBLED_MIN_LINES: usize = 20;

/// `text` with every second line taken out, when each of those is blank
/// and the lines kept have blank lines of their own: a text whose line
/// breaks a tool doubled (a copy that set a blank line after every line,
/// `\r\r\n` endings read as two). A text of one-line paragraphs between
/// blank lines, with no blank of its own, is left as it is.
fn undoubled(text: &str) -> Option<String> {
    let blank = |l: &str| l.trim().is_empty();
    // Most texts fail at their second or third line, before anything is kept.
    if !physical_lines(text).skip(1).step_by(2).all(blank) {
        return None;
    }
    let kept: Vec<&str> = physical_lines(text).step_by(2).collect();
    let own_blanks = kept.iter().filter(|l| blank(l)).count();
    (kept.len() >= DOUBLED_MIN_LINES
        && own_blanks as f32 >= kept.len() as f32 * DOUBLED_MIN_BLANK_SHARE)
        .then(|| kept.join("\n"))
}

impl LogicalText<'_> {
    /// The same lines, numbered by an input whose every line break was
    /// doubled: line `n` of the undoubled text is the input's `2n - 1`.
    fn through_doubled_breaks(mut self) -> Self {
        if self.origin.is_empty() {
            self.origin = (1..=self.text.lines().count()).collect();
        }
        for n in &mut self.origin {
            *n = 2 * *n - 1;
        }
        // The structure counts input lines from 0.
        self.structure.renumber(|line| 2 * line);
        self
    }
}

fn read_logical_lines(text: &str, form: Option<Form>) -> LogicalText<'_> {
    // Front matter over lines with none of Markdown's marks (a scraper's
    // metadata over the story's paragraphs, one a line): the matter is
    // read, and the rest as the text it is, its line numbers kept.
    if let (None, Some(end)) = (form, front_matter_end(text)) {
        let rest = &text[end..];
        if markdown_marks(rest).1 == 0 && wrap_width(rest).is_none() {
            return under_stated_header(text, end, read_front_matter(&text[..end]), Form::Text);
        }
    }
    // A header of labelled fields over the text ("Title: …", "URL Source:
    // …", "Published Time: …", "Markdown Content:", as a reader service
    // writes a page) states what front matter would.
    if let (None, Some((end, matter))) = (form, labelled_header(text)) {
        let rest = &text[end..];
        let form = if has_markdown_marks(rest) {
            Form::Markdown
        } else {
            Form::Text
        };
        return under_stated_header(text, end, matter, form);
    }
    let unquoted: Cow<str> = if mail_quoting(text) {
        Cow::Owned(strip_mail_quoting(text))
    } else {
        Cow::Borrowed(text)
    };
    // Grid tables (`+----+----+`) are read cell by cell first, unless the
    // text is Markdown, whose parser reads its own tables.
    let unboxed = (form != Some(Form::Markdown))
        .then(|| unbox_grid_tables(&unquoted))
        .flatten();
    let (source, unboxed_origin): (Cow<str>, Vec<usize>) = match unboxed {
        Some((text, origin)) => (Cow::Owned(text), origin),
        None => (Cow::Borrowed(unquoted.as_ref()), Vec::new()),
    };
    let (form, width) = match form {
        Some(Form::Wrapped) => (Form::Wrapped, wrap_width(&source)),
        Some(form) => (form, None),
        None if looks_like_markdown(&unquoted) => (Form::Markdown, None),
        None => match wrap_width(&source) {
            Some(width) => (Form::Wrapped, Some(width)),
            None => (Form::Text, None),
        },
    };
    // An input line number for each line of the unboxed text.
    let through_unboxing = |origin: Vec<usize>| -> Vec<usize> {
        if unboxed_origin.is_empty() {
            return origin;
        }
        if origin.is_empty() {
            return unboxed_origin.clone();
        }
        origin
            .iter()
            .map(|&n| unboxed_origin.get(n - 1).copied().unwrap_or(n))
            .collect()
    };
    let line_for_line = |text| LogicalText {
        form,
        text,
        origin: Vec::new(),
        links: Vec::new(),
        front_matter: FrontMatter::default(),
        headings: Vec::new(),
        width: None,
        soft_breaks: false,
        unindented: false,
        structure: Structure::default(),
    };
    match form {
        // Text as it came, or only its quoting or tables undone, with a
        // line cut at an inline element joined again.
        Form::Text => match join_continued_lines(&source) {
            Some((joined, origin)) => LogicalText {
                origin: through_unboxing(origin),
                ..line_for_line(Cow::Owned(joined))
            },
            None => LogicalText {
                origin: through_unboxing(Vec::new()),
                ..line_for_line(match source {
                    Cow::Borrowed(_) => unquoted,
                    Cow::Owned(text) => Cow::Owned(text),
                })
            },
        },
        Form::Wrapped => {
            let width = width.unwrap_or(DEFAULT_WIDTH);
            let soft_breaks = marks_soft_breaks(&source, width);
            let (joined, origin) = unwrap_lines(&source, width, soft_breaks);
            LogicalText {
                headings: flush_headings(&source, &origin),
                soft_breaks,
                unindented: unindented(&source),
                origin: through_unboxing(origin),
                width: Some(width),
                ..line_for_line(Cow::Owned(joined))
            }
        }
        Form::Markdown => read_markdown(&unquoted),
    }
}

/// The form `text` looks like: Markdown when it uses Markdown's own marks
/// often enough, wrapped when its lines stop at one width, else text.
pub fn detect_form(text: &str) -> Form {
    if looks_like_markdown(text) {
        Form::Markdown
    } else if wrap_width(text).is_some() {
        Form::Wrapped
    } else {
        Form::Text
    }
}

// ---------------------------------------------------------------------
// Lines cut at an inline element

/// Signs that close a clause or sentence: a line opening with one of them
/// (then a space, or nothing) goes on the line above ("Spokesman-Review" /
/// ", “She wanted…”"). Quotation marks are left out: »…« and ”…” open
/// quotes in some languages.
const CLOSING_SIGNS: &[char] = &[',', '.', ';', ':', ')', ']', '!', '?'];

/// Whether `line` (trimmed) continues the line above it.
fn continues_line_above(line: &str) -> bool {
    let mut chars = line.chars();
    chars.next().is_some_and(|c| CLOSING_SIGNS.contains(&c))
        && chars.next().is_none_or(char::is_whitespace)
}

/// Signs a sentence goes on from with no space between: a line ending
/// with one goes on with the element after it ("…Internetkriminalität (" /
/// "ZIT" / ") der …", "…before modern humans—" / "carbon dating" /
/// " showed it …").
const OPENING_SIGNS: &[char] = &['(', '[', '—'];

/// Lines opening with a closing sign that show a text was cut at every
/// inline element.
const CUT_TEXT_SIGNS: usize = 3;

/// Signs a line ends with when its sentence is over, or when it leads
/// into what follows (a colon before a list, a closing quotation mark).
const SENTENCE_ENDS: &[char] = &['.', '!', '?', ':', '"', '”', '“', '»', '«', '…'];

/// Whether a line, as written, ends in the middle of a sentence cut at an
/// inline element: one space after its last word ("…hat das "), or an
/// opening sign.
fn ends_before_inline(raw: &str) -> bool {
    let bare = raw.trim_end();
    (raw.len() == bare.len() + 1 && raw.ends_with(' ') && !bare.is_empty())
        || (raw.len() == bare.len() && raw.ends_with(OPENING_SIGNS))
}

/// Whether a line, as written, goes on after an inline element: one space
/// before its first word (" bereits…"), or a closing sign.
fn resumes_after_inline(raw: &str) -> bool {
    let bare = raw.trim_start();
    (raw.len() == bare.len() + 1 && raw.starts_with(' ') && !bare.is_empty())
        || continues_line_above(bare)
}

/// How each line joins the one above it: not at all, with nothing between
/// (a closing sign), or with a space (the pieces of a sentence cut at an
/// inline element).
#[derive(Clone, Copy, PartialEq)]
enum Join {
    No,
    Glued,
    Spaced,
}

/// The text with each line that opens with a closing sign joined to the
/// non-blank line above it, and the pieces of a sentence cut at each link
/// it holds ("…hat das " / "BKA" / " bereits…": each piece's spaces kept
/// where it was cut) joined again, and for each line of the result the
/// 1-based input line it starts on; `None` when no line is joined. A tool
/// that writes each piece of a page's text on a line of its own (a
/// scraper's `get_text("\n")`) cuts a sentence at every link it holds; a
/// browser never starts a line with a comma, nor leaves a word bare
/// between two lines that end and open with one space. A text whose
/// lines open with commas and stops all through (`strip=True`, no spaces
/// left) also goes on where a line of two words or more ended no
/// sentence: at each next line of three words or more that opens in lower
/// case, and at any next line when it ended on a function word in lower
/// case ("…brennt das" / "Holz"); never at a label ("Tags:") or after a
/// byline's "by".
fn join_continued_lines(text: &str) -> Option<(String, Vec<usize>)> {
    // How each line goes on the one above: most texts have no such line,
    // and are then read as they came, uncopied.
    let raws: Vec<&str> = text.lines().collect();
    let mut joins = vec![Join::No; raws.len()];
    for i in 1..raws.len() {
        let (above, raw) = (raws[i - 1], raws[i]);
        if above.trim().is_empty() || raw.trim().is_empty() {
            continue;
        }
        let bare_piece = |r: &str| r.trim() == r;
        // The link's words, bare between the cut's two spaces, and the
        // sentence's rest after them.
        let link = ends_before_inline(above)
            && bare_piece(raw)
            && raws
                .get(i + 1)
                .is_some_and(|next| resumes_after_inline(next));
        let rest = joins[i - 1] == Join::Spaced && bare_piece(above) && resumes_after_inline(raw);
        joins[i] = if continues_line_above(raw.trim()) {
            Join::Glued
        } else if link || rest {
            Join::Spaced
        } else {
            Join::No
        };
    }
    if !joins.iter().any(|&j| j != Join::No) {
        return None;
    }
    // A text cut at every element, spaces and all (`get_text("\n",
    // strip=True)`): a line goes on the sentence above it when that did
    // not end and the line opens in lower case or the sentence was left
    // on a function word.
    if joins.iter().filter(|&&j| j == Join::Glued).count() >= CUT_TEXT_SIGNS {
        for i in 1..raws.len() {
            let (above, raw) = (raws[i - 1].trim(), raws[i].trim());
            let words = |l: &str| l.split_whitespace().count();
            let lower = raw.chars().next().is_some_and(char::is_lowercase)
                && words(raw) >= 3
                && !raw.split_whitespace().next().is_some_and(has_byline_opener);
            let open = above.split_whitespace().last().is_some_and(|w| {
                !w.chars().any(char::is_uppercase) && is_function_word(w) && !has_byline_opener(w)
            });
            if joins[i] == Join::No
                && !raw.is_empty()
                && !raw.ends_with(':')
                && words(above) >= 2
                && !above.ends_with(SENTENCE_ENDS)
                && (lower || open)
            {
                joins[i] = Join::Spaced;
            }
        }
    }
    let mut out = String::with_capacity(text.len());
    let mut origin = Vec::new();
    for (index, (raw, join)) in raws.iter().zip(joins).enumerate() {
        match join {
            Join::No => {
                out.push_str(raw);
                origin.push(index + 1);
            }
            Join::Glued | Join::Spaced => {
                out.truncate(out.trim_end().len());
                if join == Join::Spaced && !out.ends_with(OPENING_SIGNS) {
                    out.push(' ');
                }
                out.push_str(raw.trim());
            }
        }
        out.push('\n');
    }
    Some((out, origin))
}

// ---------------------------------------------------------------------
// E-mail quoting

/// Share of non-blank lines that must start with `>` for a text to be read
/// as a quoted e-mail ("> The minister said…").
const MAIL_QUOTED_SHARE: f32 = 0.6;

/// Most lines start with `>`: the text was forwarded or replied to.
fn mail_quoting(text: &str) -> bool {
    let (mut lines, mut quoted) = (0usize, 0usize);
    for line in text.lines() {
        let line = line.trim_start();
        if line.is_empty() {
            continue;
        }
        lines += 1;
        quoted += usize::from(line.starts_with('>'));
    }
    lines >= 3 && quoted as f32 >= lines as f32 * MAIL_QUOTED_SHARE
}

/// The text with every `>` quoting level taken off each line, line for line.
fn strip_mail_quoting(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        let mut rest = line.trim_start();
        while let Some(r) = rest.strip_prefix('>') {
            rest = r.strip_prefix(' ').unwrap_or(r);
        }
        out.push_str(if rest.len() < line.len() { rest } else { line });
        out.push('\n');
    }
    out
}

// ---------------------------------------------------------------------
// Grid tables

/// A grid table's border: `+------+-----+` (`=` and `:` allowed).
fn is_grid_border(line: &str) -> bool {
    let t = line.trim();
    t.len() >= 3
        && t.starts_with('+')
        && t.ends_with('+')
        && t.chars().all(|c| matches!(c, '+' | '-' | '=' | ':'))
        && t.contains('-')
}

/// Text with its grid tables (pandoc's plain text, reStructuredText, SQL
/// clients) read cell by cell: each cell's lines, cut at the cell's width,
/// joined into paragraphs, one cell after another, with blank lines
/// between; a page laid out in a table reads as its text. `None` when the
/// text has no grid table. Also gives the input line each line starts on.
fn unbox_grid_tables(text: &str) -> Option<(String, Vec<usize>)> {
    if !text.lines().any(is_grid_border) {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    let mut origin = Vec::new();
    let lines: Vec<&str> = text.lines().collect();
    let mut i = 0;
    while i < lines.len() {
        if !is_grid_border(lines[i]) {
            out.push_str(lines[i]);
            out.push('\n');
            origin.push(i + 1);
            i += 1;
            continue;
        }
        // Column edges: where the border has its `+`, in characters.
        let edges: Vec<usize> = lines[i]
            .chars()
            .enumerate()
            .filter(|&(_, c)| c == '+')
            .map(|(at, _)| at)
            .collect();
        let mut row: Vec<Vec<(usize, String)>> = vec![Vec::new(); edges.len().saturating_sub(1)];
        i += 1;
        while i < lines.len() {
            let line = lines[i];
            if is_grid_border(line) {
                emit_row(&mut row, &edges, &mut out, &mut origin);
                i += 1;
                if !lines
                    .get(i)
                    .is_some_and(|l| l.trim_start().starts_with('|'))
                {
                    break;
                }
                continue;
            }
            if !line.trim_start().starts_with('|') {
                break;
            }
            let chars: Vec<char> = line.chars().collect();
            for (k, cell) in row.iter_mut().enumerate() {
                let from = (edges[k] + 1).min(chars.len());
                let to = edges[k + 1].min(chars.len()).max(from);
                let piece: String = chars[from..to].iter().collect();
                cell.push((i + 1, piece.trim().to_string()));
            }
            i += 1;
        }
        emit_row(&mut row, &edges, &mut out, &mut origin);
    }
    Some((out, origin))
}

/// Write one grid row's cells as paragraphs, a blank line before each,
/// and empty them. A cell's line joins the one before when its first word
/// would not have fitted there, as in [`unwrap_lines`].
fn emit_row(
    row: &mut [Vec<(usize, String)>],
    edges: &[usize],
    out: &mut String,
    origin: &mut Vec<usize>,
) {
    for (k, cell) in row.iter_mut().enumerate() {
        // The cell's inner width: its edges less the padding spaces.
        let width = (edges[k + 1] - edges[k]).saturating_sub(3);
        let mut open = false;
        let mut last = 0;
        for (number, line) in cell.drain(..) {
            // A blank line, or a nested table's rule, ends a paragraph.
            if line.chars().all(|c| matches!(c, '-' | ' ' | '=')) {
                if open {
                    out.push('\n');
                    open = false;
                }
                continue;
            }
            let first_word = line.split(' ').next().map_or(0, |w| w.chars().count());
            if open && last + 1 + first_word + WIDTH_TOLERANCE > width {
                out.push(' ');
            } else {
                if open {
                    out.push('\n');
                }
                out.push('\n');
                origin.push(number);
                origin.push(number);
                open = true;
            }
            out.push_str(&line);
            last = line.chars().count();
        }
        if open {
            out.push('\n');
        }
    }
}

// ---------------------------------------------------------------------
// Hard-wrapped text

/// Narrowest and widest wrap widths looked for: below 40 columns short
/// lines are menus, not a wrapped paragraph; nobody wraps beyond 200.
const MIN_WIDTH: usize = 40;
const MAX_WIDTH: usize = 200;
/// A full line of a wrapped paragraph ends within this many characters of
/// the width (the next word did not fit).
const FULL_LINE_BAND: usize = 12;
/// Full lines a text needs before it counts as wrapped.
const MIN_FULL_LINES: usize = 5;
/// Share of the lines of 30 characters or more that must be full lines.
const MIN_FULL_SHARE: f32 = 0.3;
/// When no line a wrapper would break passes the width: the share of the
/// long lines that must be full, and the full lines it takes at least
/// (set once, by a look at text browsers' dumps, not fitted).
const MIN_FULL_SHARE_NONE_OVER: f32 = 0.1;
const CLEAN_WRAP_MIN_FULL_LINES: usize = 2 * MIN_FULL_LINES;
/// Lines of at least this many characters count towards that share.
const LONG_LINE_CHARS: usize = 30;
/// How much a line over twice the width (that could have been broken)
/// counts against that width, in full lines; one less than that counts as
/// one.
const OVER_WIDTH_PENALTY: usize = 3;
/// In cased scripts, share of full lines whose next line must go on in
/// lower case ("…in a matter of" / "weeks."): a wrapped sentence does, a
/// list of headlines never.
const MIN_LOWER_CONTINUATION: f32 = 0.05;
/// Characters a wrapper's idea of a line's width may differ from Folio's
/// count: `fold` counts bytes ("—" is three), terminals count wide
/// characters twice, some wrappers keep a trailing space in the width.
/// (lynx 0.867 -> 0.881 body F1 with it; 3 to 10 all give the same.)
const WIDTH_TOLERANCE: usize = 4;
/// Width used when a text is read as wrapped but shows none.
const DEFAULT_WIDTH: usize = 72;

/// Characters of a line up to its last non-space one, and where its first
/// break opportunity (a space after some text) is.
fn measure(line: &str) -> (usize, Option<usize>) {
    let line = line.trim_end();
    let text_at = line.len() - line.trim_start_matches(' ').len();
    let first_space = line[text_at..]
        .find(' ')
        .map(|at| line[..text_at + at].chars().count());
    (line.chars().count(), first_space)
}

/// The width a text was hard-wrapped at, if it was: the width that most
/// lines end just under while almost no breakable line passes it.
pub fn wrap_width(text: &str) -> Option<usize> {
    // full[w]: lines exactly w characters long; over[w]: lines longer than
    // w that a wrapper at w would have broken (a difference array).
    let mut full = [0usize; MAX_WIDTH + 2];
    let mut over = [0isize; MAX_WIDTH + 2];
    let mut long_lines = 0usize;
    for line in text.lines() {
        let (chars, first_space) = measure(line);
        // A long line has that many characters of text, not of indent
        // (a text browser indents a menu's items).
        if line.trim().chars().count() >= LONG_LINE_CHARS {
            long_lines += 1;
        }
        if chars <= MAX_WIDTH {
            full[chars] += 1;
        }
        if let Some(space) = first_space {
            // Against widths under half its length the line counts fully
            // (a paragraph nobody wrapped); against the others as one
            // line (a heading or a link a wrapper leaves whole).
            let from = space.max(MIN_WIDTH);
            let to = (chars - 1).min(MAX_WIDTH);
            let far_to = ((chars - 1) / 2).min(to);
            let mut add = |from: usize, to: usize, weight: isize| {
                if from <= to {
                    over[from] += weight;
                    over[to + 1] -= weight;
                }
            };
            add(from, far_to, OVER_WIDTH_PENALTY as isize);
            add(from.max(far_to + 1), to, 1);
        }
    }
    let mut best: Option<(isize, usize, usize)> = None;
    let mut over_here = over[..MIN_WIDTH].iter().sum::<isize>();
    for width in MIN_WIDTH..=MAX_WIDTH {
        over_here += over[width];
        let band: usize = full[width + 1 - FULL_LINE_BAND..=width].iter().sum();
        let score = band as isize - over_here;
        if best.is_none_or(|(s, _, _)| score > s) {
            best = Some((score, width, band));
        }
    }
    let (score, width, band) = best?;
    let full_share = band as f32 / long_lines.max(1) as f32;
    // No line a wrapper could break passes the width: menus and link lists
    // may outnumber the paragraphs' full lines, still all were wrapped.
    let none_over = score == band as isize && band >= CLEAN_WRAP_MIN_FULL_LINES;
    let min_share = if none_over {
        MIN_FULL_SHARE_NONE_OVER
    } else {
        MIN_FULL_SHARE
    };
    let wrapped = score > 0
        && band >= MIN_FULL_LINES
        && full_share >= min_share
        && goes_on_in_lower_case(text, width, full_share);
    wrapped.then_some(width)
}

/// In scripts without case, share of the long lines that must be full
/// (there is no lower-case test to tell a wrapped text from a list).
const MIN_FULL_SHARE_CASELESS: f32 = 0.6;

/// Whether full lines go on in lower case often enough, as a sentence cut
/// by a wrapper does. Scripts without case (Japanese, Arabic) pass when
/// their full lines are most of the long ones: `full_share` of them.
fn goes_on_in_lower_case(text: &str, width: usize, full_share: f32) -> bool {
    let (mut full, mut lower, mut cased, mut letters) = (0usize, 0usize, 0usize, 0usize);
    let mut previous_full = false;
    for line in text.lines() {
        let (chars, _) = measure(line);
        let first = line.trim_start().chars().find(|c| c.is_alphabetic());
        // A word, not a one-letter mark: text browsers bullet deep list
        // items with `o`.
        let goes_on = line
            .split_whitespace()
            .next()
            .is_some_and(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 2);
        if previous_full && goes_on && first.is_some_and(char::is_lowercase) {
            lower += 1;
        }
        previous_full = chars + FULL_LINE_BAND > width && chars <= width;
        full += usize::from(previous_full);
        if let Some(c) = first {
            letters += 1;
            cased += usize::from(c.is_lowercase() || c.is_uppercase());
        }
    }
    if cased * 2 < letters {
        return full_share >= MIN_FULL_SHARE_CASELESS;
    }
    lower as f32 >= full as f32 * MIN_LOWER_CONTINUATION
}

/// A list item's mark at the start of a line: `* `, `+ `, `- `, `• `.
fn bullet(line: &str) -> Option<&str> {
    let rest = line.strip_prefix(['*', '+', '-', '•', '◦', '▪', '‣'])?;
    rest.starts_with([' ', '\t'])
        .then(|| rest.trim_start())
        .filter(|r| !r.is_empty())
}

/// A list item's text without the mark a text tool set before it
/// ("* Bundesliga" gives "Bundesliga"): a tag, a link's title or a side
/// list's item is its words.
pub fn without_bullet(item: &str) -> &str {
    bullet(item.trim_start()).unwrap_or(item)
}

/// A line that sets out columns or code rather than running text: a table
/// border or row, text aligned by runs of spaces, or a rule of signs (a
/// text browser's `<hr>`, "━━━━" or "____", as wide as the text).
fn is_laid_out(line: &str) -> bool {
    let t = line.trim();
    let rule = t.chars().nth(2).is_some() && !t.chars().any(char::is_alphanumeric);
    t.starts_with(['|', '+']) && t.ends_with(['|', '+']) || t.contains("   ") || rule
}

/// A line of only `=` or `-` under a heading ("Headline" / "========").
fn is_underline(line: &str) -> bool {
    let t = line.trim();
    t.len() >= 3 && (t.bytes().all(|b| b == b'=') || t.bytes().all(|b| b == b'-'))
}

/// Share of full lines that must end with a space for a text to count as
/// marking its soft breaks.
const SOFT_BREAK_SHARE: f32 = 0.8;

/// Whether the wrapper left a space at the end of each line it broke
/// (`fold -s`, e-mail's format=flowed, RFC 3676), so a full line without
/// one was a line of its own: a headline just under the width, say.
fn marks_soft_breaks(text: &str, width: usize) -> bool {
    let (mut full, mut soft) = (0usize, 0usize);
    for line in text.lines() {
        let (chars, _) = measure(line);
        if chars + FULL_LINE_BAND > width && chars <= width {
            full += 1;
            soft += usize::from(line.ends_with(' '));
        }
    }
    full >= MIN_FULL_LINES && soft as f32 >= full as f32 * SOFT_BREAK_SHARE
}

/// Share of a text's lines that may be indented or list items for it to
/// count as unindented.
const UNINDENTED_MAX_SHARE: f32 = 0.02;

/// Whether hardly a line of `text` is indented or a list item (a text
/// browser indents paragraphs, lists and quotes, and bullets items).
fn unindented(text: &str) -> bool {
    let (mut lines, mut laid) = (0usize, 0usize);
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        lines += 1;
        laid += usize::from(line.starts_with([' ', '\t']) || bullet(line).is_some());
    }
    lines > 0 && laid as f32 <= lines as f32 * UNINDENTED_MAX_SHARE
}

/// Lines a text's paragraphs must fill this much of to count as its
/// paragraphs, and the share of them indented that marks its headings.
const PARAGRAPH_CHARS: usize = 40;
const INDENTED_PARAGRAPH_SHARE: f32 = 0.8;
const MIN_INDENTED_PARAGRAPHS: usize = 5;

/// The headings of a wrapped text that indents its paragraphs (lynx sets
/// them 3 columns in, its headings flush left): each rejoined line
/// (1-based, with `origin` its input line) that starts at the margin,
/// at level 2 (a heading of some level); none when the paragraphs are not
/// indented.
fn flush_headings(text: &str, origin: &[usize]) -> Vec<(usize, u8)> {
    let lines: Vec<&str> = text.lines().collect();
    let paragraphs = lines
        .iter()
        .filter(|l| l.trim().chars().count() >= PARAGRAPH_CHARS);
    let (count, indented) = paragraphs.fold((0usize, 0usize), |(n, k), l| {
        (n + 1, k + usize::from(l.starts_with("  ")))
    });
    if count < MIN_INDENTED_PARAGRAPHS
        || (indented as f32) < count as f32 * INDENTED_PARAGRAPH_SHARE
    {
        return Vec::new();
    }
    origin
        .iter()
        .enumerate()
        .filter(|&(_, &input)| {
            input
                .checked_sub(1)
                .and_then(|i| lines.get(i))
                .is_some_and(|l| l.starts_with(|c: char| !c.is_whitespace()))
        })
        .map(|(k, _)| (k + 1, 2))
        .collect()
}

/// Whether a line opens with a date and its time ("02.02.2022, 11:30 Uhr
/// von Markus Steinrisser", "Oct 13, 2020 4:15 pm"): a story's dateline,
/// which a wrapper never carried over from a full line above (a page's
/// standfirst runs into it where no blank line parts them).
fn opens_with_dateline(line: &str) -> bool {
    may_open_with_date(line)
        && [DayMonthOrder::DayFirst, DayMonthOrder::MonthFirst]
            .into_iter()
            .any(|order| {
                find_dates(line, order)
                    .first()
                    .is_some_and(|d| d.start == 0 && d.moment.time.is_some())
            })
}

/// Whether `next` opens with the two words `line` opens with, the first
/// a word of content ("Hingucker beim Flugplatzfest in Dessau: …" /
/// "Hingucker beim Flugplatzfest: …"): a title and its shorter copy, as
/// a page sets a headline twice, never a paragraph going on.
fn repeats_opening(line: &str, next: &str) -> bool {
    fn opening(text: &str) -> Option<(&str, &str)> {
        let mut words = text.split_whitespace();
        Some((words.next()?, words.next()?))
    }
    // Compared first: a continuation line seldom shares the two words.
    opening(line).is_some_and(|(first, second)| {
        opening(next) == Some((first, second))
            && first.chars().count() >= 4
            && first.chars().next().is_some_and(char::is_uppercase)
            && !is_function_word(&first.to_lowercase())
    })
}

/// Rejoin the paragraphs of a text wrapped at `width` (only at marked
/// soft breaks when `flowed`): a line is joined to
/// the one before when its first word would not have fitted there — the
/// reason a wrapper broke the line. List items (a line starting with a
/// bullet), lines indented less than the one before, tables, aligned
/// columns and short lines (a poem, an address) stay lines of their own.
/// Bullets and heading underlines are taken off.
fn unwrap_lines(text: &str, width: usize, flowed: bool) -> (String, Vec<usize>) {
    /// The logical line being built.
    struct Open {
        /// Indentation its continuation lines have at least.
        indent: usize,
        /// Characters of its last input line, or `None` when nothing may
        /// join it (a laid-out line).
        last_chars: Option<usize>,
        /// Its last input line ended with a space.
        soft_break: bool,
        /// Where it starts in the output.
        start: usize,
    }
    let mut out = String::with_capacity(text.len());
    let mut origin = Vec::new();
    let mut open: Option<Open> = None;
    for (index, raw) in text.lines().enumerate() {
        let number = index + 1;
        let trimmed = raw.trim();
        if trimmed.is_empty() {
            if open.take().is_some() {
                out.push('\n');
            }
            out.push('\n');
            origin.push(number);
            continue;
        }
        if is_underline(trimmed) && open.is_some() {
            // The heading above stays a line of its own.
            out.push('\n');
            open = None;
            continue;
        }
        let (chars, _) = measure(raw);
        let indent = raw.len() - raw.trim_start().len();
        let item = bullet(trimmed);
        let content = item.unwrap_or(trimmed);
        let laid_out = is_laid_out(raw);
        let first_word = content.split(' ').next().map_or(0, |w| w.chars().count());
        let joins = !laid_out
            && item.is_none()
            && open.as_ref().is_some_and(|o| {
                let full = o
                    .last_chars
                    .is_some_and(|c| c + 1 + first_word + WIDTH_TOLERANCE > width);
                // A text that marks its soft breaks joins only at them.
                indent >= o.indent && if flowed { full && o.soft_break } else { full }
            })
            && !opens_with_dateline(content)
            && !open
                .as_ref()
                .is_some_and(|o| repeats_opening(&out[o.start..], content));
        let last_chars = (!laid_out).then_some(chars);
        let soft_break = raw.ends_with(' ');
        if joins {
            out.push(' ');
            out.push_str(content);
            if let Some(o) = open.as_mut() {
                o.last_chars = last_chars;
                o.soft_break = soft_break;
            }
            continue;
        }
        if open.is_some() {
            out.push('\n');
        }
        origin.push(number);
        let start = out.len();
        out.push_str(content);
        open = Some(Open {
            // A list item's text goes on under its text, not its bullet.
            indent: indent + (trimmed.len() - content.len()),
            last_chars,
            soft_break,
            start,
        });
    }
    if open.is_some() {
        out.push('\n');
    }
    (out, origin)
}

// ---------------------------------------------------------------------
// Markdown

/// Markdown marks a text needs, and their least share of its lines, to be
/// read as Markdown: `# Heading`, `[text](address)`, `![image](address)`.
const MIN_MARKDOWN_MARKS: usize = 3;
const MIN_MARKDOWN_SHARE: f32 = 0.02;

/// A line is an ATX heading: one to six `#`, a space, then text.
fn is_atx_heading(line: &str) -> bool {
    let hashes = line.bytes().take_while(|&b| b == b'#').count();
    (1..=6).contains(&hashes)
        && line[hashes..].starts_with(' ')
        && !line[hashes..].trim().is_empty()
}

/// A line holds an inline link or image: `[text](address)`.
fn has_inline_link(line: &str) -> bool {
    line.match_indices("](").any(|(at, _)| {
        line[..at].contains('[')
            && line[at + 2..]
                .chars()
                .next()
                .is_some_and(|c| !c.is_whitespace() && c != ')')
    })
}

/// Whether the text uses Markdown's own marks: headings, inline links and
/// images, or front matter. Plain text has these almost never.
fn looks_like_markdown(text: &str) -> bool {
    front_matter_end(text).is_some() || has_markdown_marks(text)
}

/// Whether enough of the text's lines carry Markdown's marks: headings
/// and inline links.
fn has_markdown_marks(text: &str) -> bool {
    let (lines, marks) = markdown_marks(text);
    marks >= MIN_MARKDOWN_MARKS && marks as f32 >= lines as f32 * MIN_MARKDOWN_SHARE
}

/// The text's lines, and how many of them carry Markdown's marks.
fn markdown_marks(text: &str) -> (usize, usize) {
    let (mut lines, mut marks) = (0usize, 0usize);
    for line in text.lines() {
        let t = line.trim();
        // Raw HTML lines (`<div class="…">`, which Markdown allows and
        // pandoc writes for every box) are neither prose nor Markdown.
        if t.is_empty() || t.starts_with('<') && t.ends_with('>') {
            continue;
        }
        lines += 1;
        // A heading is indented three spaces at most (CommonMark); text
        // browsers mark deep list items with an indented `#`.
        let indent = line.len() - line.trim_start_matches(' ').len();
        if (indent <= 3 && is_atx_heading(line.trim())) || has_inline_link(line) {
            marks += 1;
        }
    }
    (lines, marks)
}

/// The text under a header that states its metadata (`text[..end]`,
/// read as `matter`), read in `form` with its line numbers kept. Plain
/// lines under it are what a tool clipped: the story, whole.
fn under_stated_header(
    text: &str,
    end: usize,
    matter: FrontMatter,
    form: Form,
) -> LogicalText<'static> {
    let rest = &text[end..];
    let header_lines = text[..end].matches('\n').count();
    let blanked = "\n".repeat(header_lines) + rest;
    let mut read = logical_lines(&blanked, Some(form));
    if form == Form::Text {
        read.structure
            .set_story(header_lines..header_lines + rest.lines().count());
    }
    LogicalText {
        text: Cow::Owned(read.text.into_owned()),
        front_matter: matter,
        ..read
    }
}

/// The labels of a header's fields, lower case, and the front matter key
/// each states.
const HEADER_LABELS: &[(&str, &str)] = &[
    ("title", "title"),
    ("url source", "url"),
    ("url", "url"),
    ("source", "source"),
    ("published time", "date"),
    ("published", "date"),
    ("date", "date"),
    ("author", "author"),
    ("authors", "author"),
    ("site", "site"),
    // Read past, stating nothing Folio keeps.
    ("description", ""),
    ("warning", ""),
];

/// Labels that end a header and open the text under it.
const CONTENT_LABELS: &[&str] = &["markdown content", "content", "text"];

/// Where a header of labelled fields at the very start ends ("Title: …" /
/// "URL Source: …" / "Published Time: …" / "Markdown Content:"), and what
/// it states: two fields at least, one of them the title or the address.
fn labelled_header(text: &str) -> Option<(usize, FrontMatter)> {
    let mut at = 0;
    let mut yaml = String::new();
    let mut keys: Vec<&str> = Vec::new();
    for line in text.split_inclusive('\n') {
        let t = line.trim();
        if t.is_empty() {
            at += line.len();
            continue;
        }
        let Some((label, value)) = t.split_once(':') else {
            break;
        };
        let label = label.trim().to_lowercase();
        if value.trim().is_empty() && CONTENT_LABELS.contains(&label.as_str()) {
            at += line.len();
            break;
        }
        match HEADER_LABELS.iter().find(|(l, _)| *l == label) {
            Some(&(_, key)) if !value.trim().is_empty() => {
                if !key.is_empty() {
                    yaml.push_str(&format!("{key}: {}\n", value.trim()));
                    keys.push(key);
                }
                at += line.len();
            }
            _ => break,
        }
    }
    (keys.len() >= 2 && keys.iter().any(|k| *k == "title" || *k == "url")).then(|| {
        let mut matter = read_front_matter(&yaml);
        matter.page_title = matter.title.take();
        (at, matter)
    })
}

/// Where a front matter block (`---` … `---` or `+++` … `+++` at the very
/// start) ends, when the text has one whose lines read as `key: value`.
fn front_matter_end(text: &str) -> Option<usize> {
    let fence = ["---", "+++"].into_iter().find(|f| {
        text.strip_prefix(f)
            .is_some_and(|r| r.starts_with('\n') || r.starts_with("\r\n"))
    })?;
    let mut at = fence.len();
    let mut keys = 0;
    for line in text[at..].split_inclusive('\n').skip(1) {
        at += line.len();
        let t = line.trim();
        if t == fence {
            return (keys > 0).then_some(at);
        }
        if t.split_once([':', '=']).is_some_and(|(k, _)| {
            !k.is_empty()
                && k.trim()
                    .chars()
                    .all(|c| c.is_alphanumeric() || c == '_' || c == '-')
        }) {
            keys += 1;
        }
    }
    None
}

/// One value of a front matter line: quotes and brackets taken off.
fn front_value(value: &str) -> String {
    value
        .trim()
        .trim_matches(|c| c == '"' || c == '\'')
        .trim()
        .to_string()
}

/// A list value: `[a, b]`, `a, b`, or the `- a` lines that follow.
fn front_list(value: &str) -> Vec<String> {
    value
        .trim()
        .trim_start_matches('[')
        .trim_end_matches(']')
        .split(',')
        .map(front_value)
        .filter(|v| !v.is_empty())
        .collect()
}

/// Read the keys Folio knows from a front matter block's text.
fn read_front_matter(block: &str) -> FrontMatter {
    let mut matter = FrontMatter::default();
    let mut list_key: Option<String> = None;
    for line in block.lines() {
        let t = line.trim();
        if let (Some(key), Some(item)) = (&list_key, t.strip_prefix("- ")) {
            let item = front_value(item);
            // `author:` lists may hold `- name: X`.
            let item = item.strip_prefix("name:").map_or(item.clone(), front_value);
            match key.as_str() {
                "tags" | "keywords" | "categories" => matter.tags.push(item),
                "author" | "authors" => matter.authors.push(item),
                _ => {}
            }
            continue;
        }
        let Some((key, value)) = t.split_once([':', '=']) else {
            continue;
        };
        let key = key.trim().to_lowercase();
        let value = value.trim();
        list_key = value.is_empty().then(|| key.clone());
        if value.is_empty() {
            continue;
        }
        match key.as_str() {
            "title" => matter.title = Some(front_value(value)),
            "date" | "published" | "created" | "pubdate" => {
                matter.date.get_or_insert(front_value(value));
            }
            // Several names in one value: "Ann Lee, Bo Ek" or "Ann Lee; Bo Ek".
            "author" | "authors" | "byline" => matter.authors.extend(
                front_list(value)
                    .iter()
                    .flat_map(|names| names.split(';'))
                    .map(front_value),
            ),
            "tags" | "keywords" => matter.tags.extend(front_list(value)),
            "source" | "url" | "link" => {
                let v = front_value(value);
                if v.starts_with("http://") || v.starts_with("https://") {
                    matter.url.get_or_insert(v);
                } else if key == "source" {
                    matter.source = Some(v);
                }
            }
            "site" | "site_name" | "sitename" | "publisher" => {
                matter.source = Some(front_value(value));
            }
            _ => {}
        }
    }
    matter.tags.retain(|t| !t.is_empty());
    matter.authors.retain(|a| !a.is_empty());
    matter
}

/// Builds innerText-like lines from Markdown events.
struct MarkdownLines {
    out: String,
    origin: Vec<usize>,
    /// Byte offset where each input line starts, to number output lines.
    line_starts: Vec<usize>,
    /// The output line has text not yet ended with a newline.
    open: bool,
    /// Inside an image (its alt text is not prose) or raw HTML block.
    hidden: usize,
    /// Inside list items; paragraphs there get no blank lines.
    items: usize,
    /// The text of the link being read, and its address.
    /// Stressed words being read: where in `out` they start, and whether
    /// strongly; the outermost only.
    stress: Option<(usize, bool)>,
    link: Option<(usize, String)>,
    links: Vec<(String, String)>,
    /// A link has just ended: a link right after it starts a new line, as
    /// a menu or a list of teasers written without spaces would show.
    after_link: bool,
    /// Where the open line starts in `out`.
    line_start: usize,
    /// Output lines (1-based) that are headings, with their level.
    headings: Vec<(usize, u8)>,
    /// The level of the heading being read.
    heading: Option<u8>,
    /// Lists, tables, code, pictures and links, by output line (0-based).
    structure: Structure,
    /// Open lists, innermost last: number and whether numbered.
    lists: Vec<(usize, bool)>,
    /// The open table's number, and whether its header row is being read.
    table: Option<(usize, bool)>,
    /// The open code block's number.
    code: Option<usize>,
    /// The picture being read (number, address, credit, alt text so far).
    image: Option<(usize, String, String, String)>,
    /// The picture whose paragraph is being read: its text is the caption.
    caption: Option<usize>,
    /// Numbers given to lists, tables, code blocks and pictures.
    count: usize,
    /// The output line Folio's story mark stands before.
    story_start: Option<usize>,
}

impl MarkdownLines {
    /// Output line `line` is opening: its shape, from the elements open.
    fn shape_line(&mut self, line: usize) {
        let heading = self.heading.filter(|&l| l >= 2);
        let shape = if let Some(figure) = self.caption {
            Shape::Caption { figure }
        } else if let Some(block) = self.code {
            Shape::Code { block }
        } else if let Some(level) = heading {
            Shape::Heading(level)
        } else if let Some((table, header)) = self.table {
            Shape::Row { table, header }
        } else if let Some(&(list, ordered)) = self.lists.last() {
            Shape::Item { list, ordered }
        } else {
            return;
        };
        self.structure.shape(line, shape);
    }

    fn next_number(&mut self) -> usize {
        self.count += 1;
        self.count
    }

    fn input_line(&self, offset: usize) -> usize {
        self.line_starts.partition_point(|&s| s <= offset)
    }

    /// End the current line, if any.
    fn end_line(&mut self) {
        if self.open {
            // Emphasis marks around nothing (`****`, from an empty
            // <strong>) stay literal in CommonMark; they are no one's text.
            let line = &self.out[self.line_start..];
            if line.contains("**") || line.contains("](") {
                let line = unlink_leftovers(&strip_empty_emphasis(line));
                self.out.truncate(self.line_start);
                self.out.push_str(&line);
            }
            let kept = self.out.trim_end_matches([' ', '\t']).len();
            self.out.truncate(kept);
            self.out.push('\n');
            self.open = false;
        }
    }

    /// End the current line and leave a blank line, once.
    fn blank(&mut self, offset: usize) {
        self.end_line();
        if !self.out.is_empty() && !self.out.ends_with("\n\n") {
            self.out.push('\n');
            self.origin.push(self.input_line(offset));
        }
    }

    fn push(&mut self, text: &str, offset: usize) {
        if self.hidden > 0 || text.is_empty() {
            return;
        }

        if !self.open {
            let text = text.trim_start();
            if text.is_empty() {
                return;
            }
            self.origin.push(self.input_line(offset));
            self.shape_line(self.origin.len() - 1);
            self.open = true;
            self.line_start = self.out.len();
            self.out.push_str(text);
        } else {
            self.out.push_str(text);
        }
    }
}

/// How a wrapped Markdown line goes on in the next, when a wrapper broke
/// it where Markdown allows no break: inside a link's address (an address
/// holds no space: `](https://example.com/wp-` / `content/a.png)`), joined
/// as it was; or inside a heading's link text (a heading is one line:
/// `# [Senate adjourns over` / `two deaths](https://…)`, or its link's
/// title: `(https://… "Permalink to` / `…")`), joined by a space.
fn goes_on(line: &str) -> Option<&'static str> {
    let in_address = line.rfind("](").is_some_and(|at| {
        let address = &line[at + 2..];
        // An address may hold balanced brackets (`filters:focal(5x5)/a.jpg`).
        !address.is_empty()
            && !address.contains([' ', '<'])
            && address.matches(')').count() <= address.matches('(').count()
    });
    if in_address {
        return Some("");
    }
    let trimmed = line.trim_start();
    let heading = trimmed.starts_with('#') && is_atx_heading(trimmed);
    let open = line.matches('[').count() > line.matches(']').count()
        || line.matches('(').count() > line.matches(')').count();
    (heading && open).then_some(" ")
}

/// The width a Markdown text was wrapped at, read from its lines without
/// links (a wrapper leaves a link's address whole, past the width).
fn markdown_wrap_width(text: &str) -> Option<usize> {
    let plain: String = text
        .lines()
        .filter(|l| !l.contains("]("))
        .flat_map(|l| [l, "\n"])
        .collect();
    wrap_width(&plain)
}

/// A line that starts a Markdown block of its own: a heading, a list
/// item, a quote, a table row, a fence or a rule.
fn starts_block(line: &str) -> bool {
    let t = line.trim_start();
    t.starts_with(['#', '>', '|', '`', '~', '=', '-', '*', '+'])
        || t.split_once(['.', ')'])
            .is_some_and(|(n, _)| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// Markdown with what a wrapper broke across lines put back together
/// ([`goes_on`], and a heading cut at the text's wrap width). Gives the mended text and, for each of its lines, the
/// input line it starts on.
fn mend_broken_lines(text: &str) -> (Cow<'_, str>, Vec<usize>) {
    /// Lines one broken address or heading may run over (a 600-character
    /// address wrapped at 78 columns); a cap keeps hostile text linear.
    const MAX_MENDED_LINES: usize = 8;
    let width = markdown_wrap_width(text);
    let wrapped_heading = |line: &str, next: &str| {
        let Some(width) = width else { return false };
        let first_word = next.split(' ').next().map_or(0, |w| w.chars().count());
        is_atx_heading(line.trim_start())
            && measure(line).0 + 1 + first_word + WIDTH_TOLERANCE > width
            && !next.trim().is_empty()
            && !starts_block(next)
    };
    let lines: Vec<&str> = text.lines().collect();
    let broken = lines.iter().any(|l| goes_on(l).is_some())
        || lines.windows(2).any(|w| wrapped_heading(w[0], w[1]));
    if !broken {
        return (Cow::Borrowed(text), Vec::new());
    }
    let mut out = String::with_capacity(text.len());
    let mut origin = Vec::new();
    let mut line_start = 0;
    let mut mended = 0;
    let mut joiner = None;
    for (index, &line) in lines.iter().enumerate() {
        // A heading a wrapper cut goes on in the next line.
        if joiner.is_none()
            && mended < MAX_MENDED_LINES
            && index > 0
            && wrapped_heading(&out[line_start..], line)
        {
            joiner = Some(" ");
        }
        match joiner {
            Some(joiner) if !line.trim().is_empty() => {
                out.push_str(joiner);
                out.push_str(line.trim_start());
                mended += 1;
            }
            _ => {
                if index > 0 {
                    out.push('\n');
                }
                line_start = out.len();
                origin.push(index + 1);
                out.push_str(line);
                mended = 0;
            }
        }
        // What was broken can run over several lines: look at the whole line.
        joiner = if mended < MAX_MENDED_LINES {
            goes_on(&out[line_start..])
        } else {
            None
        };
    }
    out.push('\n');
    (Cow::Owned(out), origin)
}

/// `text` with what still reads as a Markdown link after CommonMark gave
/// up on it (`[Source](http://a.example/?id=1"Source")`, a title with no
/// space before it) shown as its text alone.
fn unlink_leftovers(text: &str) -> String {
    // One pass: each `[` may start a link's text (links nest: an image in
    // a link); at `](` the text since the innermost open `[` stays — an
    // image's (`![alt]`) does not — and the address up to the bracket
    // that balances its opening one is skipped.
    let mut out = String::with_capacity(text.len());
    let mut opened: Vec<usize> = Vec::new();
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if let Some(after) = rest.strip_prefix("](").filter(|_| !opened.is_empty()) {
            let at = opened.pop().unwrap_or_default();
            let shown = out[at + 1..].trim().to_string();
            out.truncate(at);
            if out.ends_with('!') {
                out.pop();
            } else {
                out.push_str(&shown);
            }
            let mut depth = 1usize;
            let end = after
                .char_indices()
                .find(|&(_, c)| {
                    match c {
                        '(' => depth += 1,
                        ')' => depth -= 1,
                        _ => {}
                    }
                    depth == 0
                })
                .map_or(after.len(), |(i, _)| i + 1);
            rest = &after[end..];
            continue;
        }
        if c == '[' {
            opened.push(out.len());
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// Text without the empty emphasis a converter writes for an icon
/// (html2text writes `<i class="fa fa-comment"></i>` as `__`): a pair of
/// underscores opening a word ("__Kommentare 4", "[__Ischgl](…)") or
/// standing alone ("Ischgl __"). Emphasis that closes was read as
/// emphasis before; one inside a word ("snake__case") stays.
fn without_icon_marks(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("__") {
        let run = rest[at..].len() - rest[at..].trim_start_matches('_').len();
        out.push_str(&rest[..at]);
        let before = out.chars().last();
        let after = rest[at + run..].chars().next();
        let opens_word = before.is_none_or(|c| c.is_whitespace() || c == '[' || c == '(');
        let mark = run == 2
            && opens_word
            && after.is_none_or(|c| c.is_alphanumeric() || c.is_whitespace());
        if !mark {
            out.push_str(&rest[at..at + run]);
        }
        rest = &rest[at + run..];
    }
    out.push_str(rest);
    out
}

/// Whether Markdown source may hold an icon's empty emphasis: a pair of
/// underscores, and no underscore escaped.
fn icon_marked(source: &str) -> bool {
    source.contains("__") && !source.contains("\\_")
}

/// `text` without its runs of two or more `*`.
fn strip_empty_emphasis(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut stars = 0;
    for c in text.chars().chain(['\0']) {
        if c == '*' {
            stars += 1;
            continue;
        }
        if stars == 1 {
            out.push('*');
        }
        stars = 0;
        if c != '\0' {
            out.push(c);
        }
    }
    out
}

/// Read Markdown into logical lines with pulldown-cmark.
fn read_markdown(text: &str) -> LogicalText<'static> {
    let (text, mended_origin) = mend_broken_lines(text);
    let text = text.as_ref();
    let front_matter = front_matter_end(text)
        .map(|end| read_front_matter(&text[..end]))
        .unwrap_or_default();
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS;
    let mut md = MarkdownLines::new(text);
    // Text merged: pulldown-cmark gives each unmatched delimiter ("_",
    // "_", "Ischgl") as text of its own.
    for (event, range) in
        TextMergeWithOffset::new(Parser::new_ext(text, options).into_offset_iter())
    {
        let at = range.start;
        let after_link = std::mem::take(&mut md.after_link);
        match event {
            Event::Start(tag) => md.start(tag, at, after_link),
            Event::End(end) => md.end(end, range.end),
            // Marks as the input wrote them, in text that escapes none of
            // its underscores (Folio's own Markdown writes `\_\_init\_\_`).
            Event::Text(t) if md.code.is_none() && icon_marked(&text[range.clone()]) => {
                md.text(&without_icon_marks(&t), at)
            }
            Event::Text(t) => md.text(&t, at),
            Event::Html(t) if t.trim() == STORY_START => {
                md.end_line();
                md.story_start = Some(md.origin.len());
            }
            Event::Html(t) if t.trim() == STORY_END => {
                md.end_line();
                if let Some(start) = md.story_start.take() {
                    md.structure.set_story(start..md.origin.len());
                }
            }
            Event::Code(t) => md.push(&t, at),
            Event::SoftBreak => md.push(" ", at),
            Event::HardBreak => md.end_line(),
            Event::Rule => md.blank(at),
            _ => {}
        }
    }
    md.finish(&mended_origin, front_matter)
}

impl MarkdownLines {
    /// Ready to read `text` (its lines numbered from its newlines).
    fn new(text: &str) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        MarkdownLines {
            out: String::with_capacity(text.len()),
            origin: Vec::new(),
            line_starts,
            open: false,
            hidden: 0,
            items: 0,
            link: None,
            stress: None,
            links: Vec::new(),
            after_link: false,
            line_start: 0,
            headings: Vec::new(),
            heading: None,
            structure: Structure::default().marked_up(),
            lists: Vec::new(),
            table: None,
            code: None,
            image: None,
            caption: None,
            count: 0,
            story_start: None,
        }
    }

    /// An element opens at byte `at`; `after_link`: a link has just ended.
    fn start(&mut self, tag: Tag, at: usize, after_link: bool) {
        match tag {
            Tag::Paragraph | Tag::Heading { .. } | Tag::BlockQuote(_) => {
                if self.items == 0 {
                    self.blank(at);
                } else {
                    self.end_line();
                }
                if let Tag::Heading { level, .. } = tag {
                    self.heading = Some(level as u8);
                }
            }
            Tag::Item => {
                self.items += 1;
                self.end_line();
            }
            Tag::List(start) => {
                self.end_line();
                let list = self.next_number();
                self.lists.push((list, start.is_some()));
            }
            Tag::Table(_) => {
                self.end_line();
                self.table = Some((self.next_number(), false));
            }
            Tag::TableHead => {
                self.end_line();
                if let Some((_, header)) = self.table.as_mut() {
                    *header = true;
                }
            }
            Tag::TableRow => self.end_line(),
            // Only a fenced block is surely code: clipped pages indent
            // text by accident far more often than they show code.
            Tag::CodeBlock(kind) => {
                self.end_line();
                if let pulldown_cmark::CodeBlockKind::Fenced(info) = kind {
                    let block = self.next_number();
                    self.code = Some(block);
                    let language = info.split_whitespace().next().unwrap_or("");
                    if !language.is_empty() {
                        self.structure.set_language(block, language.to_string());
                    }
                }
            }
            Tag::TableCell if self.open => self.out.push('\t'),
            Tag::Image {
                dest_url, title, ..
            } => {
                self.hidden += 1;
                let figure = self.next_number();
                self.image = Some((
                    figure,
                    dest_url.to_string(),
                    title.to_string(),
                    String::new(),
                ));
            }
            Tag::HtmlBlock | Tag::MetadataBlock(_) => self.hidden += 1,
            Tag::Link { dest_url, .. } => {
                // Inside a story Folio marked, links run on as written.
                if after_link && self.story_start.is_none() {
                    self.end_line();
                }
                self.link = Some((self.out.len(), dest_url.to_string()));
            }
            Tag::Emphasis | Tag::Strong if self.stress.is_none() && self.hidden == 0 => {
                self.stress = Some((self.out.len(), matches!(tag, Tag::Strong)));
            }
            _ => {}
        }
    }

    /// An element closes at byte `at`.
    fn end(&mut self, end: TagEnd, at: usize) {
        match end {
            TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::BlockQuote(_) => {
                self.caption = None;
                if let Some(level) = self.heading.take().filter(|_| self.open) {
                    let line = self.origin.len();
                    self.headings.push((line, level));
                }
                if self.items == 0 {
                    self.blank(at);
                } else {
                    self.end_line();
                }
            }
            TagEnd::Item => {
                self.items = self.items.saturating_sub(1);
                self.end_line();
            }
            TagEnd::List(_) => {
                self.lists.pop();
                self.end_line();
            }
            TagEnd::TableRow => self.end_line(),
            TagEnd::TableHead => {
                self.end_line();
                if let Some((_, header)) = self.table.as_mut() {
                    *header = false;
                }
            }
            TagEnd::Table => {
                self.table = None;
                self.blank(at);
            }
            TagEnd::CodeBlock => {
                self.code = None;
                self.blank(at);
            }
            TagEnd::Image => self.end_image(),
            TagEnd::HtmlBlock | TagEnd::MetadataBlock(_) => {
                self.hidden = self.hidden.saturating_sub(1)
            }
            TagEnd::Link => self.end_link(),
            TagEnd::Emphasis | TagEnd::Strong => self.end_stress(end),
            _ => {}
        }
    }

    /// A picture ends: a figure before the open line, when its address
    /// has a scheme (Markdown has no page to resolve against).
    fn end_image(&mut self) {
        self.hidden = self.hidden.saturating_sub(1);
        let Some((figure, src, credit, alt)) = self.image.take() else {
            return;
        };
        if let Some(src) = crate::address::web_address(&src, None) {
            let before = self.origin.len() - usize::from(self.open);
            let or_none = |t: String| (!t.trim().is_empty()).then(|| t.trim().to_string());
            self.structure.figure(
                figure,
                Figure {
                    before,
                    src,
                    alt: or_none(alt),
                    credit: or_none(credit),
                    ..Figure::default()
                },
            );
            self.caption = Some(figure);
        }
    }

    /// A link ends: kept with the text it shows, and on its line.
    fn end_link(&mut self) {
        if let Some((start, url)) = self.link.take() {
            let shown = self.out.get(start..).unwrap_or("").trim();
            if !shown.is_empty() {
                if let (true, Some(address)) = (self.open, crate::address::web_address(&url, None))
                {
                    let line = self.origin.len() - 1;
                    self.structure.link(line, shown.to_string(), address);
                }
                self.links.push((shown.to_string(), url));
            }
        }
        self.after_link = true;
    }

    /// Stressed words end (the outermost stress's own end only): kept
    /// with the text they show, on their line.
    fn end_stress(&mut self, end: TagEnd) {
        let Some((start, strong)) = self.stress else {
            return;
        };
        if strong != matches!(end, TagEnd::Strong) {
            return;
        }
        self.stress = None;
        let shown = self.out.get(start..).unwrap_or("").trim();
        if self.open && !shown.is_empty() {
            let line = self.origin.len() - 1;
            self.structure.stress(line, shown.to_string(), strong);
        }
    }

    /// Text at byte `at`: a picture's alt text, a code block's code, and
    /// the line's text (code block text one output line per line).
    fn text(&mut self, t: &str, at: usize) {
        if let Some((_, _, _, alt)) = self.image.as_mut() {
            alt.push_str(t);
        }
        if let Some(block) = self.code.filter(|_| self.hidden == 0) {
            self.structure.add_code(block, t);
        }
        if self.hidden == 0 && t.contains('\n') {
            for (i, piece) in t.split('\n').enumerate() {
                if i > 0 {
                    self.end_line();
                }
                self.push(piece, at);
            }
        } else {
            self.push(t, at);
        }
    }

    /// The lines read, numbered by the input's lines (through
    /// `mended_origin` when broken lines were mended first).
    fn finish(
        mut self,
        mended_origin: &[usize],
        front_matter: FrontMatter,
    ) -> LogicalText<'static> {
        self.end_line();
        if !mended_origin.is_empty() {
            for line in &mut self.origin {
                *line = mended_origin.get(*line - 1).copied().unwrap_or(*line);
            }
        }
        // The structure by input line, as the pipeline numbers lines.
        let lines: Vec<&str> = self.out.split('\n').collect();
        self.structure.caption_figures(&lines);
        let origin = &self.origin;
        let last = origin.last().copied().unwrap_or(1);
        self.structure
            .renumber(|line| origin.get(line).copied().unwrap_or(last + 1) - 1);
        LogicalText {
            form: Form::Markdown,
            text: Cow::Owned(self.out),
            origin: self.origin,
            headings: self.headings,
            width: None,
            soft_breaks: false,
            unindented: false,
            links: self.links,
            front_matter,
            structure: self.structure,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const WRAPPED: &str = "\
Minister says talks will go on

   (Reuters) — The New York State Attorney General (NYAG) is investigating
   WeWork, according to two people familiar with the matter, adding to a
   mounting series of problems that have turned the workspace provider from
   a Wall Street darling into a pariah in a matter of weeks.

   The company, which is expected to lay off thousands of employees
   beginning this week as it faces ballooning losses, confirmed on Monday
   that it had been contacted by the office of the NYAG, Letitia James.

   * Brookings: AI will heavily affect tech and white-collar jobs in the
     coming decade
   * Short item
   * Another short item

   Neumann had resigned as CEO the previous week. He also agreed to return
   the cash he received from the use of the name, and the board accepted.
";

    #[test]
    fn wrapped_text_is_found_and_its_width_measured() {
        assert_eq!(detect_form(WRAPPED), Form::Wrapped);
        assert_eq!(wrap_width(WRAPPED), Some(75));
    }

    #[test]
    fn wrapped_paragraphs_become_one_line_each_and_lists_stay_lists() {
        let logical = logical_lines(WRAPPED, None);
        let lines: Vec<&str> = logical.text.lines().filter(|l| !l.is_empty()).collect();
        assert_eq!(lines[0], "Minister says talks will go on");
        assert!(lines[1].starts_with("(Reuters) — The New York"));
        assert!(lines[1].ends_with("in a matter of weeks."));
        assert!(lines[2].ends_with("Letitia James."));
        assert_eq!(
            lines[3],
            "Brookings: AI will heavily affect tech and white-collar jobs in the coming decade"
        );
        assert_eq!(lines[4], "Short item");
        assert_eq!(lines[5], "Another short item");
        assert_eq!(lines.len(), 7);
        // Each logical line points at the input line it starts on.
        let numbers: Vec<usize> = logical
            .text
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.is_empty())
            .map(|(i, _)| logical.input_line(LineNumber::at(i)).get())
            .collect();
        assert_eq!(numbers, vec![1, 3, 8, 12, 14, 15, 17]);
    }

    #[test]
    fn wrapped_text_under_a_long_menu_is_found_when_no_line_passes_the_width() {
        // A text browser's page: more menu lines than a paragraph has full
        // lines, every paragraph wrapped at 79.
        let base = "Weltcup Skispringen Herren Ergebnisse Nordische Kombination Gesamtwertung der Saison Skiflug";
        let menu: String = (0..60)
            .map(|n| {
                let mut item = String::new();
                for word in base.split(' ') {
                    if item.len() >= 30 + n % 38 {
                        break;
                    }
                    if !item.is_empty() {
                        item.push(' ');
                    }
                    item += word;
                }
                item + "\n"
            })
            .collect();
        let sentence = "Der Norweger Marius Lindvik hat den abschließenden Wettkampf des Wochenendes in Willingen gewonnen und sich vor Karl Geiger durchgesetzt, der damit die Führung zurückholte. ";
        let mut wrapped = String::new();
        let mut line = String::new();
        for word in sentence.repeat(5).split_whitespace() {
            if line.chars().count() + 1 + word.chars().count() > 79 {
                wrapped += &line;
                wrapped.push('\n');
                line.clear();
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line += word;
        }
        wrapped += &line;
        let page = format!("{menu}\n{wrapped}\n");
        assert_eq!(wrap_width(&page), Some(79));
        // The same page as a browser copies it, each paragraph one line.
        let copied = format!("{menu}\n{}\n", sentence.repeat(5));
        assert_eq!(detect_form(&copied), Form::Text);
    }

    #[test]
    fn inner_text_is_left_as_it_is() {
        let text = "Politics\nMinister says talks will go on\n\nThe minister said on Tuesday that the talks would go on, whatever the other side decided to do about the border.\n";
        let logical = logical_lines(text, None);
        assert_eq!(logical.form, Form::Text);
        assert_eq!(logical.text, text);
        assert_eq!(logical.input_line(LineNumber::new(2)), LineNumber::new(2));
    }

    #[test]
    fn a_line_cut_at_a_link_is_joined_again() {
        let text = "Politics\nShe told the\nSpokesman-Review\n, \u{201c}She wanted to blend both\u{201d}.\nWhat next?\n\n. Not joined across a blank line\n...and an ellipsis opens a line\n,no space after the comma\n";
        let logical = logical_lines(text, None);
        assert_eq!(logical.form, Form::Text);
        let lines: Vec<&str> = logical.text.lines().collect();
        assert_eq!(
            lines,
            [
                "Politics",
                "She told the",
                "Spokesman-Review, \u{201c}She wanted to blend both\u{201d}.",
                "What next?",
                "",
                ". Not joined across a blank line",
                "...and an ellipsis opens a line",
                ",no space after the comma",
            ]
        );
        // Lines after the join still name their input line.
        assert_eq!(logical.input_line(LineNumber::new(3)), LineNumber::new(3));
        assert_eq!(logical.input_line(LineNumber::new(4)), LineNumber::new(5));
        assert_eq!(logical.input_line(LineNumber::new(8)), LineNumber::new(9));
    }

    #[test]
    fn a_sentence_cut_at_each_link_is_one_line_again() {
        // A scraper's get_text("\n") keeps each piece's spaces where it cut.
        let text = "Politics\nZur Aufkl\u{e4}rung hat das \nBKA\n bereits \nzwei Verfahren\n er\u{f6}ffnet (\nZIT\n) in Frankfurt.\nSearch\nNews\n\nVon \nIsabella\n am \n12.03.2020\n, sagt sie.\n";
        let logical = logical_lines(text, None);
        let lines: Vec<&str> = logical.text.lines().collect();
        assert_eq!(
            lines,
            [
                "Politics",
                "Zur Aufkl\u{e4}rung hat das BKA bereits zwei Verfahren er\u{f6}ffnet (ZIT) in Frankfurt.",
                "Search",
                "News",
                "",
                "Von Isabella am 12.03.2020, sagt sie.",
            ]
        );
        assert_eq!(logical.input_line(LineNumber::new(3)), LineNumber::new(9));
        assert_eq!(logical.input_line(LineNumber::new(6)), LineNumber::new(12));
        // Cut after a dash, the link goes on with no space.
        let dashed = "It predates modern humans\u{2014}\ncarbon dating\n showed it.\n";
        assert_eq!(
            logical_lines(dashed, None).text,
            "It predates modern humans\u{2014}carbon dating showed it.\n"
        );
        // A browser's lines: a word between two menu lines stays apart.
        let menu = "Home\nNews \nSport\nWeather\n";
        assert_eq!(logical_lines(menu, None).text, menu);
    }

    #[test]
    fn a_text_stripped_at_every_element_goes_on_in_lower_case() {
        // get_text("\n", strip=True): no spaces left to show the cuts,
        // but commas and stops open lines all through the text.
        let text = "Villachs Meister Proper\nChef Boris Dujakovic\ngr\u{fc}ndete Filana vor vier Jahren als\nHausmeisterservice\n. Heute putzt er\nB\u{fc}ros\n, Parkpl\u{e4}tze und\nApartments\n.\nFaster Docker builds\nby\nItamar Turner-Trauring\nWarum die Software noch nicht zugelassen ist\nTags:\nklima\nenergie wende\n";
        let lines: Vec<String> = logical_lines(text, None)
            .text
            .lines()
            .map(str::to_string)
            .collect();
        assert_eq!(
            lines,
            [
                "Villachs Meister Proper",
                "Chef Boris Dujakovic gr\u{fc}ndete Filana vor vier Jahren als Hausmeisterservice. Heute putzt er B\u{fc}ros, Parkpl\u{e4}tze und Apartments.",
                "Faster Docker builds",
                "by",
                "Itamar Turner-Trauring",
                "Warum die Software noch nicht zugelassen ist",
                "Tags:",
                "klima",
                "energie wende",
            ]
        );
        // A browser's text never opens lines with a stop: its lines stand.
        let browser = "Chef Boris Dujakovic\ngr\u{fc}ndete Filana vor vier Jahren.\n";
        assert_eq!(logical_lines(browser, None).text, browser);
    }

    /// A page as `lynx -dump` writes it: paragraphs set 3 columns in,
    /// headings flush left, menus as indented bullets.
    const LYNX_PAGE: &str = "     * Sportarten\n     * Verband\n\n   Verband\n\nErste Ma\u{df}nahmen umgesetzt und Kulturwandel angesto\u{df}en\n\n   03.02.2022 15:34\n\n   Kultur- und Strukturwandel im DTB \u{2013} Zwischenfazit ein Jahr Leistung mit\n   Respekt\n\n   Der Deutsche Turner-Bund (DTB) hat vor einem Jahr das Projekt \u{201e}Leistung\n   mit Respekt\u{201c} ins Leben gerufen. F\u{fc}r die DTB-Verantwortlichen Zeit, eine\n   erste Bilanz zu ziehen und kritisch zu \u{fc}berpr\u{fc}fen, was der Verband in\n   den letzten zw\u{f6}lf Monaten zur Gewaltpr\u{e4}vention im Leistungssport\n   unternommen hat und wo es noch Handlungsbedarf gibt, sagte die Pr\u{e4}sidentin\n   des Verbands am Donnerstag in Frankfurt vor Journalisten und G\u{e4}sten.\n\nMehr zum Thema\n\n     * Turnen\n";

    #[test]
    fn a_title_and_its_shorter_copy_stay_two_lines() {
        let filler = "Abheben wird sie nicht so schnell, doch den Hangar hat sie schon verlassen.";
        let body = format!("{filler} {filler} {filler}");
        let wrapped = |title: &str, copy: &str| {
            let mut text = format!("{title}\n{copy}\n\n");
            let mut line = String::new();
            for word in body.split(' ').cycle().take(120) {
                if line.len() + word.len() + 1 > 78 {
                    text.push_str(line.trim_end());
                    text.push('\n');
                    line.clear();
                }
                line.push_str(word);
                line.push(' ');
            }
            text + line.trim_end() + "\n"
        };
        let title = "Hingucker beim Flugplatzfest in Dessau: Zweite F13 kurz vor der Zulassung";
        let copy = "Hingucker beim Flugplatzfest: Zweite F13 kurz vor der Zulassung";
        let text = wrapped(title, copy);
        let logical = logical_lines(&text, Some(Form::Wrapped));
        assert!(logical.text.starts_with(&format!("{title}\n{copy}\n")));
        // A line going on with other words is joined as before.
        let goes_on = "Ein Nachbau der Junkers-Maschine, entstanden am Flughafen";
        let text = wrapped(title, goes_on);
        let logical = logical_lines(&text, Some(Form::Wrapped));
        assert!(logical.text.starts_with(&format!("{title} {goes_on}\n")));
    }

    #[test]
    fn a_text_whose_line_breaks_were_doubled_is_read_single() {
        let page: String = (1..=30)
            .map(|k| {
                if k % 6 == 0 {
                    String::new()
                } else {
                    format!("Line {k} of the page")
                }
            })
            .collect::<Vec<_>>()
            .join("\n");
        let doubled = page.replace('\n', "\n\n");
        let logical = logical_lines(&doubled, None);
        assert_eq!(logical.text, page);
        // Each line still points at its input line.
        assert_eq!(logical.input_line(LineNumber::new(7)), LineNumber::new(13));
        // `\r\r\n` endings read as two lines each: the same text.
        assert_eq!(
            logical_lines(&page.replace('\n', "\r\r\n"), None).text,
            page
        );
        // One-line paragraphs between blank lines, none blank of its own.
        let paragraphs: String = (1..=30).map(|k| format!("Paragraph {k}.\n\n")).collect();
        assert_eq!(logical_lines(&paragraphs, None).text, paragraphs);
    }

    #[test]
    fn a_browsers_text_wrapped_by_another_tool_is_unindented() {
        // A text browser's page indents its paragraphs and bullets its menus.
        let lynx = logical_lines(LYNX_PAGE, None);
        assert!(lynx.form == Form::Wrapped && !lynx.unindented);
        // The same page as innerText, folded at the margin as an e-mail
        // client folds it: every line at the margin, no bullets.
        let folded: String = LYNX_PAGE
            .lines()
            .map(|l| format!("{}\n", l.trim_start().trim_start_matches("* ")))
            .collect();
        let logical = logical_lines(&folded, None);
        assert!(logical.form == Form::Wrapped && logical.unindented);
    }

    #[test]
    fn a_text_browser_marks_its_headings_flush_left() {
        let logical = logical_lines(LYNX_PAGE, None);
        assert_eq!(logical.form, Form::Wrapped);
        let headings: Vec<&str> = logical
            .headings
            .iter()
            .map(|&(line, _)| logical.text.lines().nth(line - 1).unwrap_or_default())
            .collect();
        assert_eq!(
            headings,
            [
                "Erste Ma\u{df}nahmen umgesetzt und Kulturwandel angesto\u{df}en",
                "Mehr zum Thema"
            ]
        );
        // Paragraphs at the margin: no line stands out as a heading.
        let flush: String = LYNX_PAGE
            .lines()
            .map(|l| format!("{}\n", l.trim_start()))
            .collect();
        assert!(logical_lines(&flush, Some(Form::Wrapped))
            .headings
            .is_empty());
    }

    #[test]
    fn a_poem_and_an_address_are_not_joined() {
        let mut text = WRAPPED.to_string();
        text.push_str(
            "\nRoses are red,\nviolets are blue\n\n10 Downing Street\nLondon\nSW1A 2AA\n",
        );
        let logical = logical_lines(&text, None);
        assert!(logical.text.lines().any(|l| l == "Roses are red,"));
        assert!(logical.text.lines().any(|l| l == "London"));
    }

    #[test]
    fn a_dateline_under_a_full_line_is_not_joined() {
        // A text browser sets no blank line between a standfirst and the
        // dateline under it; "02.02.2022," would not have fitted above.
        let mut text = WRAPPED.to_string();
        text.push_str(
            "   The board met again on Friday and said it expected the listing to go\n   02.02.2022, 11:30 Uhr von Markus Steinrisser\n",
        );
        let logical = logical_lines(&text, Some(Form::Wrapped));
        assert!(logical
            .text
            .lines()
            .any(|l| l == "02.02.2022, 11:30 Uhr von Markus Steinrisser"));
        // A date without its time goes on a sentence as any word does.
        let text = text.replace(
            ", 11:30 Uhr von Markus Steinrisser",
            " and the board agreed.",
        );
        let logical = logical_lines(&text, Some(Form::Wrapped));
        assert!(logical
            .text
            .lines()
            .any(|l| l.ends_with("to go 02.02.2022 and the board agreed.")));
    }

    #[test]
    fn a_rule_is_a_line_of_its_own() {
        // A text browser draws `<hr>` as wide as the text: "_" by lynx, "━"
        // by w3m. Neither it nor the line after it joins a full line.
        let rule = "_".repeat(72);
        let mut text = WRAPPED.to_string();
        text.push_str(&format!(
            "\n   Halloween: A bizarre horror clown sets the whole of Austria in fear\n   {rule}\n   {}\n   First line under the rule\n",
            "━".repeat(72)
        ));
        let logical = logical_lines(&text, Some(Form::Wrapped));
        let lines: Vec<&str> = logical.text.lines().collect();
        assert!(
            lines.contains(&"Halloween: A bizarre horror clown sets the whole of Austria in fear")
        );
        assert!(lines.contains(&rule.as_str()));
        assert!(lines.contains(&"First line under the rule"));
    }

    #[test]
    fn a_table_is_not_joined() {
        let mut text = WRAPPED.to_string();
        text.push_str("\n| Country        | Votes for the proposal in the second round  |\n| France         | 12                                          |\n");
        let logical = logical_lines(&text, Some(Form::Wrapped));
        assert!(logical.text.lines().any(|l| l.starts_with("| France")));
    }

    #[test]
    fn underlined_headings_lose_their_underline() {
        let text = "Minister says talks will go on\n==============================\n\nThe minister said so.\n";
        let logical = logical_lines(text, Some(Form::Wrapped));
        let lines: Vec<&str> = logical.text.lines().filter(|l| !l.is_empty()).collect();
        assert_eq!(
            lines,
            vec!["Minister says talks will go on", "The minister said so."]
        );
    }

    #[test]
    fn mail_quoting_is_taken_off() {
        let text =
            "> Minister says talks will go on\n>\n> The minister said so.\n> Nobody else did.\n";
        let logical = logical_lines(text, None);
        assert!(logical
            .text
            .lines()
            .any(|l| l == "Minister says talks will go on"));
        assert!(!logical.text.contains('>'));
    }

    const MARKDOWN: &str = "\
---
title: \"Minister says talks will go on\"
date: 2025-12-31
author:
  - Jane Doe
tags: [politics, talks]
---

[ Site Homepage ](/)

  * [World](/world/)
  * [Business](/business/)

# Minister says talks will go on

![A minister at a podium](https://example.com/a.jpg)

The minister said on **Tuesday** that the talks would go on, whatever the
other side [decided](https://example.com/decided) to do about the border.

| Country | Votes |
|---------|-------|
| France  | 12    |

## Related

  * [Border talks resume](https://example.com/border)
";

    #[test]
    fn markdown_is_found_and_read_without_its_marks() {
        assert_eq!(detect_form(MARKDOWN), Form::Markdown);
        let logical = logical_lines(MARKDOWN, None);
        let text = &logical.text;
        for mark in ["#", "](", "![", "|---", "**", "---"] {
            assert!(!text.contains(mark), "{mark:?} left in {text}");
        }
        let lines: Vec<&str> = text.lines().filter(|l| !l.is_empty()).collect();
        assert_eq!(
            lines,
            vec![
                "Site Homepage",
                "World",
                "Business",
                "Minister says talks will go on",
                "The minister said on Tuesday that the talks would go on, whatever the other side decided to do about the border.",
                "Country\tVotes",
                "France\t12",
                "Related",
                "Border talks resume",
            ]
        );
        assert!(logical.links.contains(&(
            "Border talks resume".into(),
            "https://example.com/border".into()
        )));
        let matter = &logical.front_matter;
        assert_eq!(
            matter.title.as_deref(),
            Some("Minister says talks will go on")
        );
        assert_eq!(matter.date.as_deref(), Some("2025-12-31"));
        assert_eq!(matter.authors, vec!["Jane Doe"]);
        assert_eq!(matter.tags, vec!["politics", "talks"]);
    }

    #[test]
    fn an_icons_empty_emphasis_is_no_text() {
        // html2text writes `<i class="fa fa-…"></i>` as "__".
        let page = "# Trails in Ischgl\n\n[__Ischgl](https://example.com/ischgl) [__Serfaus](https://example.com/serfaus)\n\n  * __Kommentare 4\n  * Ischgl __\n\nThe snake__case name, \\_\\_init\\_\\_ and __bold__ stay as they are read.\n";
        let lines: Vec<String> = logical_lines(page, Some(Form::Markdown))
            .text
            .lines()
            .filter(|l| !l.is_empty())
            .map(|l| l.trim_end().to_string())
            .collect();
        assert_eq!(
            lines,
            [
                "Trails in Ischgl",
                "Ischgl Serfaus",
                "Kommentare 4",
                "Ischgl",
                "The snake__case name, __init__ and bold stay as they are read.",
            ]
        );
    }

    #[test]
    fn markdown_lines_point_at_their_input_lines() {
        let logical = logical_lines(MARKDOWN, None);
        let headline = logical
            .text
            .lines()
            .position(|l| l == "Minister says talks will go on")
            .unwrap();
        assert_eq!(logical.input_line(LineNumber::at(headline)).get(), 14);
    }

    #[test]
    fn a_few_hashes_do_not_make_markdown() {
        let text =
            "#kallas\nKallas urges calm\n\nThe minister said so, and # 5 was not a heading.\n";
        assert_eq!(detect_form(text), Form::Text);
    }

    #[test]
    fn a_huge_single_paragraph_is_read_in_one_pass() {
        let line = "word ".repeat(14) + "words\n";
        let text = line.repeat(100_000);
        let logical = logical_lines(&text, None);
        assert_eq!(logical.form, Form::Wrapped);
        assert_eq!(logical.text.lines().count(), 1);
    }

    #[test]
    fn an_address_broken_by_wrapping_is_mended() {
        let text = "# Title\n\nSee [the report](https://example.com/wp-\ncontent/report.pdf) and [more](https://example.com/more).\n\n[One](https://example.com/1)[Two](https://example.com/2)\n";
        let logical = logical_lines(text, None);
        assert!(logical.links.contains(&(
            "the report".into(),
            "https://example.com/wp-content/report.pdf".into()
        )));
        let lines: Vec<&str> = logical.text.lines().filter(|l| !l.is_empty()).collect();
        assert_eq!(
            lines,
            vec!["Title", "See the report and more.", "One", "Two"]
        );
        assert_eq!(logical.headings, vec![(1, 1)]);
    }

    #[test]
    fn deep_list_marks_of_text_browsers_are_not_headings() {
        let text = "Menu\n                    # Budget\n                    # Audits\n                    # Plans\n                    # Forms\n";
        assert_eq!(detect_form(text), Form::Text);
    }

    #[test]
    fn link_syntax_commonmark_gave_up_on_is_unlinked_in_one_pass() {
        assert_eq!(
            unlink_leftovers(
                "* [![Prince Andrew](https://a.example/p.jpg?x=(1))](https://a.example/story) more"
            ),
            "*  more",
        );
        assert_eq!(
            unlink_leftovers("[Source](http://a.example/?id=1\"Source\") said"),
            "Source said"
        );
        assert_eq!(unlink_leftovers("a ] ( [b] c"), "a ] ( [b] c");
    }

    #[test]
    fn a_grid_table_is_read_cell_by_cell() {
        let text = "\
Site menu

+-----------------------------+----------------+
| Minister says talks will go | Most read      |
| on                          |                |
|                             | Other story    |
| The minister said on        |                |
| Tuesday that the talks      |                |
| would go on.                |                |
+-----------------------------+----------------+

Footer
";
        let logical = logical_lines(text, None);
        let lines: Vec<&str> = logical.text.lines().filter(|l| !l.is_empty()).collect();
        assert_eq!(
            lines,
            vec![
                "Site menu",
                "Minister says talks will go on",
                "The minister said on Tuesday that the talks would go on.",
                "Most read",
                "Other story",
                "Footer",
            ]
        );
        let at = |wanted: &str| {
            let i = logical.text.lines().position(|l| l == wanted).unwrap();
            logical.input_line(LineNumber::at(i)).get()
        };
        assert_eq!(
            at("The minister said on Tuesday that the talks would go on."),
            7
        );
        assert_eq!(at("Footer"), 12);
    }

    #[test]
    fn a_text_browsers_indented_menus_do_not_hide_its_wrapping() {
        // Many menu items, short but indented deep (a text browser's nested
        // menus), are no long lines a wrapper would have broken.
        let item = |n: usize| format!("{}o Menu\n", " ".repeat(24 + n % 34));
        let menu: String = (0..200).map(item).collect();
        let text = format!("{menu}\n{}", WRAPPED.repeat(10));
        assert_eq!(detect_form(&text), Form::Wrapped);
    }

    #[test]
    fn a_menu_bulleted_with_o_is_not_wrapped_text() {
        let menu =
            "     * SERVICOS MUNICIPAIS E CONSELHOS\n          o carteira do autista e certidoes\n";
        assert_eq!(detect_form(&menu.repeat(12)), Form::Text);
    }

    #[test]
    fn a_heading_cut_by_the_wrapper_is_one_heading_again() {
        let prose = "The minister said on Tuesday that the talks would go on, whatever the\nother side decided to do about the border and the trade agreement they\nhad signed in the spring, and that nobody should expect a quick result.\n\n";
        let text = format!(
            "# Minister says the talks with the neighbours will go on whatever they\ndecide\n\n{}## Short heading\nA line under it.\n\n{}[a](https://a.example/)\n",
            prose.repeat(3),
            prose.repeat(3)
        );
        let logical = logical_lines(&text, None);
        assert_eq!(logical.form, Form::Markdown);
        let lines: Vec<&str> = logical.text.lines().filter(|l| !l.is_empty()).collect();
        assert_eq!(
            lines[0],
            "Minister says the talks with the neighbours will go on whatever they decide"
        );
        assert!(lines.contains(&"Short heading"));
        assert!(lines.contains(&"A line under it."));
    }

    #[test]
    fn marked_soft_breaks_are_the_only_joins() {
        // `fold -s -w 72` of a browser's text: every break it made ends
        // with a space; the headline and the byline were lines already.
        let paragraph = "The minister said on Tuesday that the talks would go on, whatever the \nother side decided to do about the border and the trade agreement they \nhad signed in the spring.\n";
        let text = format!(
            "Minister says the talks with the neighbours will go on next week\nReuters November 18, 2019\n\n{}",
            paragraph.repeat(4)
        );
        let logical = logical_lines(&text, None);
        assert_eq!(logical.form, Form::Wrapped);
        assert!(logical.soft_breaks);
        let lines: Vec<&str> = logical.text.lines().filter(|l| !l.is_empty()).collect();
        assert_eq!(
            lines[0],
            "Minister says the talks with the neighbours will go on next week"
        );
        assert_eq!(lines[1], "Reuters November 18, 2019");
        assert!(lines[2].starts_with("The minister said") && lines[2].ends_with("in the spring."));
    }
}

//! Text into lines: the second stage of the text pipeline (after `form`).
//!
//! Takes the whole dump and gives its non-blank lines, trimmed, each with
//! its 1-based line number and whether a blank line stood before it (in
//! innerText dumps a blank line marks a paragraph or block boundary).

/// A line's place in the input: its 1-based number, as a reader counts
/// lines (and `Dropped` reports them), or its 0-based index, as the text's
/// own lines and a page's structure number them. One type for both, so no
/// stage converts by hand. (A line's place among the non-blank lines the
/// stages read is a plain index into them.)
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct LineNumber(usize);

impl LineNumber {
    /// The line numbered `number` (1-based).
    pub const fn new(number: usize) -> LineNumber {
        LineNumber(number)
    }

    /// The line at `index` (0-based).
    pub const fn at(index: usize) -> LineNumber {
        LineNumber(index + 1)
    }

    /// Its 1-based number.
    pub const fn get(self) -> usize {
        self.0
    }

    /// Its 0-based index.
    pub const fn index(self) -> usize {
        self.0.saturating_sub(1)
    }
}

/// One non-blank input line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Line<'a> {
    /// Where the line is in the input.
    pub number: LineNumber,
    /// The line without surrounding whitespace (never empty).
    pub text: &'a str,
    /// A blank line (or the start of input) comes right before this one.
    pub blank_before: bool,
}

/// Characters that innerText leaves around lines and that carry no meaning
/// at a line's edges: whitespace, no-break space, zero-width and BOM.
fn is_edge_space(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}'
        )
}

/// Characters a page holds that no reader sees: the soft hyphen (a
/// hyphenation hint: "Mes\u{ad}sen\u{ad}ger"), the zero-width space, the
/// word joiner and a byte-order mark. (Zero-width joiners are left: they
/// hold emoji and Indic and Persian words together.)
const INVISIBLE: &[char] = &['\u{ad}', '\u{200b}', '\u{2060}', '\u{feff}'];

/// The text without the characters no reader sees (`INVISIBLE`), so a
/// hyphenation hint splits no word and hides no copy of a line.
pub fn without_invisibles(text: &str) -> std::borrow::Cow<'_, str> {
    if text.contains(INVISIBLE) {
        std::borrow::Cow::Owned(text.replace(INVISIBLE, ""))
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

/// Every line of `text`, blank ones too: `\n`, `\r\n` or a lone `\r`
/// (old Mac files) ends one.
pub fn physical_lines(text: &str) -> impl Iterator<Item = &str> {
    text.split('\n')
        .flat_map(|raw| raw.strip_suffix('\r').unwrap_or(raw).split('\r'))
}

/// Split `text` into its non-blank lines, numbered as [`physical_lines`]
/// counts them.
pub fn split_lines(text: &str) -> Vec<Line<'_>> {
    let mut lines = Vec::new();
    let mut blank_before = true;
    for (index, piece) in physical_lines(text).enumerate() {
        let trimmed = piece.trim_matches(is_edge_space);
        if trimmed.is_empty() {
            blank_before = true;
        } else {
            lines.push(Line {
                number: LineNumber::new(index + 1),
                text: trimmed,
                blank_before,
            });
            blank_before = false;
        }
    }
    lines
}

/// A line as compared with another: whitespace collapsed, lower case
/// ("Kallas  urges Calm" and "kallas urges calm" are the same line).
pub fn folded(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_count_blank_lines_and_crlf() {
        let lines = split_lines("a\r\n\r\n  b \nc");
        let got: Vec<_> = lines
            .iter()
            .map(|l| (l.number.get(), l.text, l.blank_before))
            .collect();
        assert_eq!(got, vec![(1, "a", true), (3, "b", true), (4, "c", false)]);
    }

    #[test]
    fn zero_width_and_nbsp_edges_are_trimmed() {
        let lines = split_lines("\u{feff}\u{a0}Title\u{200b}\n\u{a0}\n");
        assert_eq!(lines.len(), 1);
        assert_eq!(lines[0].text, "Title");
    }
}

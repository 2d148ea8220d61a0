//! Lines into facts: the second stage of the text pipeline.
//!
//! Takes the lines and the text's language and gives, for each line, what
//! later stages decide on: its size in words, its share of function words,
//! whether it ends like a sentence, the dates it states, whether it is page
//! furniture, and whether it repeats elsewhere in the page.

use std::collections::HashMap;

use crate::article::DropReason;
use crate::dates::{find_dates, DayMonthOrder, FoundDate};
use crate::furniture::furniture_reason;
use crate::language::{count_words, WordCounts};
use crate::lines::Line;

/// What the pipeline knows about one line.
#[derive(Debug, Clone)]
pub struct LineInfo<'a> {
    pub line: Line<'a>,
    pub chars: usize,
    pub words: usize,
    pub stopwords: usize,
    /// Ends with `.`, `!`, `?`, `…` or a closing quote after one.
    pub ends_sentence: bool,
    /// Dates the line states (only short lines are searched).
    pub dates: Vec<FoundDate>,
    /// The line is nothing but a date and time ("13:28 31.12.2025").
    pub date_only: bool,
    /// Why the line is page furniture, if it is.
    pub furniture: Option<DropReason>,
    /// How many lines of the page have exactly this text.
    pub copies: usize,
}

impl LineInfo<'_> {
    pub fn text(&self) -> &str {
        self.line.text
    }

    /// Where the line's dates stand: byte ranges into its text.
    pub fn date_spans(&self) -> Vec<(usize, usize)> {
        self.dates.iter().map(|d| (d.start, d.end)).collect()
    }

    /// Share of the words that are function words.
    pub fn density(&self) -> f32 {
        WordCounts {
            words: self.words,
            stopwords: self.stopwords,
        }
        .density()
    }
}

/// A line ends like a sentence: `.`, `!`, `?`, `…`, or one of them followed
/// by closing quotes or brackets (`…the war," she wrote.` / `(AFP).`).
pub fn ends_like_sentence(text: &str) -> bool {
    let trimmed = text.trim_end_matches(['"', '”', '’', '»', '“', '\'', ')', ']']);
    trimmed.ends_with(['.', '!', '?', '…', ':', ';'])
}

/// Whether the line holds nothing but its dates, times and a few joining
/// words or labels ("13:28 31.12.2025", "Updated: Dec. 31, 2025").
fn only_dates(text: &str, dates: &[FoundDate]) -> bool {
    /// Letters a date line may hold besides its dates ("Published", "Uhr").
    const MAX_LABEL_CHARS: usize = 24;
    if dates.is_empty() {
        return false;
    }
    let mut rest = 0;
    let mut at = 0;
    for d in dates {
        if d.start > at {
            rest += text[at..d.start]
                .chars()
                .filter(|c| c.is_alphanumeric())
                .count();
        }
        at = at.max(d.end);
    }
    rest += text[at..].chars().filter(|c| c.is_alphanumeric()).count();
    rest <= MAX_LABEL_CHARS
}

/// Facts for every line, in order.
pub fn classify<'a>(lines: &[Line<'a>], language: Option<&str>) -> Vec<LineInfo<'a>> {
    // The page's own unambiguous dates say its order; else its language.
    let order = crate::dates::page_order(lines.iter().map(|l| l.text))
        .unwrap_or_else(|| DayMonthOrder::for_language(language));
    let mut copies: HashMap<&str, usize> = HashMap::new();
    for line in lines {
        *copies.entry(line.text).or_default() += 1;
    }
    lines
        .iter()
        .map(|&line| {
            let counts = count_words(line.text, language);
            let dates = find_dates(line.text, order);
            LineInfo {
                line,
                chars: line.text.chars().count(),
                words: counts.words,
                stopwords: counts.stopwords,
                ends_sentence: ends_like_sentence(line.text),
                date_only: only_dates(line.text, &dates),
                dates,
                furniture: furniture_reason(line.text),
                copies: copies[line.text],
            }
        })
        .collect()
}

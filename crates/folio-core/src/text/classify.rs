//! Lines into facts: the third stage of the text pipeline.
//!
//! Takes the lines and the text's language and gives, for each line, what
//! later stages decide on: its size in words, its share of function words,
//! whether it ends like a sentence, the dates it states, whether it is page
//! furniture, and whether it repeats elsewhere in the page.

use std::collections::HashMap;

use crate::article::DropReason;
use crate::text::dates::{find_dates, DayMonthOrder, FoundDate};
use crate::text::form::without_bullet;
use crate::text::furniture::furniture_reason;
use crate::text::language::{count_words, mentions_any, words, WordCounts};
use crate::text::lines::Line;

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
    /// How many lines of the page have exactly this text, a list item's
    /// without its bullet.
    pub copies: usize,
    /// How much the line reads like the story's running text.
    pub prose: Prose,
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
    classify_in_order(lines, language, None)
}

/// [`classify`], where the page may state its day/month order (a saved
/// page's `lang="en-GB"`).
pub fn classify_in_order<'a>(
    lines: &[Line<'a>],
    language: Option<&str>,
    stated_order: Option<DayMonthOrder>,
) -> Vec<LineInfo<'a>> {
    let order =
        crate::text::dates::settled_order(lines.iter().map(|l| l.text), stated_order, language);
    let mut copies: HashMap<&str, usize> = HashMap::new();
    for line in lines {
        *copies.entry(without_bullet(line.text)).or_default() += 1;
    }
    lines
        .iter()
        .map(|&line| {
            let counts = count_words(line.text, language);
            let dates = find_dates(line.text, order);
            let ends_sentence = ends_like_sentence(line.text);
            LineInfo {
                line,
                chars: line.text.chars().count(),
                words: counts.words,
                stopwords: counts.stopwords,
                ends_sentence,
                date_only: only_dates(line.text, &dates),
                dates,
                furniture: furniture_reason(line.text),
                copies: copies[without_bullet(line.text)],
                prose: prose(counts.words, counts.stopwords, ends_sentence),
            }
        })
        .collect()
}

/// Words a line needs to count as running prose on its own.
const PROSE_MIN_WORDS: usize = 10;
/// Words a line needs to count as prose when it also ends like a sentence.
const SENTENCE_MIN_WORDS: usize = 5;
/// Share of function words above which a long line reads as prose.
const PROSE_MIN_DENSITY: f32 = 0.2;

/// How much a line reads like the story's running text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Prose {
    /// A full sentence or more.
    Running,
    /// A short line ending like a sentence ("Read more below.").
    Short,
    /// A label, link title, menu item or heading.
    NotProse,
}

/// How much a line of `words` words, `stopwords` of them function words,
/// reads like running text.
fn prose(words: usize, stopwords: usize, ends_sentence: bool) -> Prose {
    let density = WordCounts { words, stopwords }.density();
    let dense = density >= PROSE_MIN_DENSITY || stopwords >= 3;
    if words >= PROSE_MIN_WORDS && (ends_sentence || dense) {
        Prose::Running
    } else if words >= SENTENCE_MIN_WORDS && ends_sentence {
        Prose::Short
    } else {
        Prose::NotProse
    }
}

/// Words that label a line as the time of an update, not of publication.
const UPDATE_LABELS: &[&str] = &[
    "updated",
    "update",
    "aktualisiert",
    "mis à jour",
    "actualizado",
    "actualizada",
    "atualizado",
    "aggiornato",
    "zaktualizowano",
    "обновлено",
    "оновлено",
    "modified",
];

/// Whether a dateline speaks of an update ("Updated: 31.12.2025 14:00").
pub fn is_update_label(text: &str) -> bool {
    mentions_any(text, UPDATE_LABELS)
}

/// Words for reading, in the phrases that state a reading time.
const READING_WORDS: &[&str] = &[
    "read",
    "reading",
    "lesezeit",
    "lesedauer",
    "lecture",
    "lectura",
    "leitura",
    "lettura",
    "czytania",
    "чтения",
    "читання",
    "leestijd",
];

/// Characters a reading-time line has at most ("1 min read", "Lesezeit: 4 Min.").
const READING_LINE_MAX_CHARS: usize = 40;

/// The reading time a line states, in minutes: "1 min read", "Lesezeit: 4 Min.",
/// "3 min de lecture", "Время чтения: 5 мин".
pub fn stated_reading_minutes(text: &str) -> Option<u32> {
    if text.chars().count() > READING_LINE_MAX_CHARS {
        return None;
    }
    let lowered = text.to_lowercase();
    let mentions_minutes = words(&lowered)
        .any(|w| w.starts_with("min") || w.starts_with("мин") || w.starts_with("хв"));
    let mentions_reading = READING_WORDS.iter().any(|w| lowered.contains(w));
    if !(mentions_minutes && mentions_reading) {
        return None;
    }
    let minutes = words(&lowered).find_map(|w| w.parse::<u32>().ok());
    minutes.filter(|m| (1..=240).contains(m))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_list_item_repeats_a_line_whatever_its_bullet() {
        let lines = crate::text::lines::split_lines(
            "* Heizen mit Abfallholz\nHeizen mit Holz\nHeizen mit Abfallholz\n1. Heizen mit Holz",
        );
        let copies: Vec<usize> = classify(&lines, None).iter().map(|l| l.copies).collect();
        // A number is no bullet: a table of contents' "1. …" repeats no heading.
        assert_eq!(copies, [2, 1, 2, 1]);
    }

    #[test]
    fn reading_time_in_several_languages() {
        assert_eq!(stated_reading_minutes("1 min read"), Some(1));
        assert_eq!(stated_reading_minutes("Lesezeit: 4 Min."), Some(4));
        assert_eq!(stated_reading_minutes("3 min de lecture"), Some(3));
        assert_eq!(stated_reading_minutes("Время чтения: 5 мин"), Some(5));
        assert_eq!(stated_reading_minutes("Read 5 more articles"), None);
    }
}

//! Which lines are the story: the third stage of the text pipeline.
//!
//! Takes the classified lines and gives the span that holds the story and,
//! within it, the lines that belong to it. Each line gets a weight: running
//! prose counts for its length, short lines and furniture count against.
//! The story is the run of lines with the greatest total weight (one pass,
//! Kadane's algorithm), so a short gap inside the story (a caption, an ad
//! marker) is bridged, while menus and link lists around it are not.

use std::ops::Range;

use crate::classify::LineInfo;

/// Words a line needs to count as running prose on its own.
const PROSE_MIN_WORDS: usize = 10;
/// Words a line needs to count as prose when it also ends like a sentence.
const SENTENCE_MIN_WORDS: usize = 5;
/// Share of function words above which a long line reads as prose.
const PROSE_MIN_DENSITY: f32 = 0.2;
/// Weight of a line that does not read as prose, in characters of prose.
const NON_PROSE_PENALTY: f32 = 40.0;
/// Weight of a furniture line (share buttons, ads, cookie notices).
const FURNITURE_PENALTY: f32 = 120.0;
/// Lines that occur this often in the page are menus or lists, not story.
const REPEATED_LINE_COPIES: usize = 2;

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

/// How much `info` reads like running text.
pub fn prose(info: &LineInfo) -> Prose {
    let dense = info.density() >= PROSE_MIN_DENSITY || info.stopwords >= 3;
    if info.words >= PROSE_MIN_WORDS && (info.ends_sentence || dense) {
        Prose::Running
    } else if info.words >= SENTENCE_MIN_WORDS && info.ends_sentence {
        Prose::Short
    } else {
        Prose::NotProse
    }
}

fn weight(info: &LineInfo) -> f32 {
    if info.furniture.is_some() {
        return -FURNITURE_PENALTY;
    }
    let repeated = info.copies >= REPEATED_LINE_COPIES;
    match prose(info) {
        Prose::Running if !repeated => info.chars as f32,
        Prose::Short if !repeated => info.chars as f32 * 0.5,
        _ => -NON_PROSE_PENALTY,
    }
}

/// The run of lines with the greatest total weight: the story's span.
/// Empty when no line reads as prose.
pub fn story_span(lines: &[LineInfo]) -> Range<usize> {
    let mut best = 0.0;
    let mut best_span = 0..0;
    let mut sum = 0.0;
    let mut start = 0;
    for (i, info) in lines.iter().enumerate() {
        if sum <= 0.0 {
            sum = 0.0;
            start = i;
        }
        sum += weight(info);
        if sum > best {
            best = sum;
            best_span = start..i + 1;
        }
    }
    best_span
}

/// Whether a line inside the story's span belongs to the story: prose does,
/// and so does a short line that heads the prose after it (a subheading).
pub fn belongs_to_story(lines: &[LineInfo], i: usize) -> bool {
    let info = &lines[i];
    if info.furniture.is_some() || info.date_only {
        return false;
    }
    match prose(info) {
        Prose::Running | Prose::Short => info.copies < REPEATED_LINE_COPIES,
        Prose::NotProse => is_subheading(lines, i),
    }
}

/// Words a subheading may have at most.
const SUBHEADING_MAX_WORDS: usize = 14;

/// A short line set off by a blank line, not ending like a sentence, with
/// running prose right after it: "What happens next".
pub fn is_subheading(lines: &[LineInfo], i: usize) -> bool {
    let info = &lines[i];
    info.words >= 2
        && info.words <= SUBHEADING_MAX_WORDS
        && !info.ends_sentence
        && info.copies < REPEATED_LINE_COPIES
        && info.line.blank_before
        && lines
            .get(i + 1)
            .is_some_and(|next| prose(next) == Prose::Running && next.line.blank_before)
}

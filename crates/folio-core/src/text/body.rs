//! Which lines are the story: the fourth stage of the text pipeline.
//!
//! Takes the classified lines and gives the span that holds the story and,
//! within it, the lines that belong to it. Each line gets a weight: running
//! prose counts for its length, short lines and furniture count against.
//! The story is the run of lines with the greatest total weight (one pass,
//! Kadane's algorithm), so a short gap inside the story (a caption, an ad
//! marker) is bridged, while menus and link lists around it are not.

use std::ops::Range;

use crate::model::{self, dot, names_hash};
use crate::text::byline::byline_names;
use crate::text::classify::{stated_reading_minutes, LineInfo, Prose};
use crate::text::language::words;
use crate::text::lists::is_related_heading;

/// Weight of a line that does not read as prose, in characters of prose.
const NON_PROSE_PENALTY: f32 = 40.0;
/// Weight of a furniture line (share buttons, ads, cookie notices).
const FURNITURE_PENALTY: f32 = 120.0;
/// Lines that occur this often in the page are menus or lists, not story.
const REPEATED_LINE_COPIES: usize = 2;

fn weight(info: &LineInfo) -> f32 {
    if info.furniture.is_some() {
        return -FURNITURE_PENALTY;
    }
    let repeated = info.copies >= REPEATED_LINE_COPIES;
    match info.prose {
        Prose::Running if !repeated => info.chars as f32,
        Prose::Short if !repeated => info.chars as f32 * 0.5,
        _ => -NON_PROSE_PENALTY,
    }
}

/// The run of items with the greatest total weight (Kadane's algorithm).
fn heaviest_run(weights: impl Iterator<Item = f32>) -> Range<usize> {
    let mut best = 0.0;
    let mut best_span = 0..0;
    let mut sum = 0.0;
    let mut start = 0;
    for (i, w) in weights.enumerate() {
        if sum <= 0.0 {
            sum = 0.0;
            start = i;
        }
        sum += w;
        if sum > best {
            best = sum;
            best_span = start..i + 1;
        }
    }
    best_span
}

/// The densest run of prose by the hand-set weights alone: a first guess
/// at the story's span, which the learned model takes as one of its features.
pub fn prose_run(lines: &[LineInfo]) -> Range<usize> {
    heaviest_run(lines.iter().map(weight))
}

/// Names of the features [`body_features`] gives, in order; the weights
/// in `model/body.rs` follow the same order.
pub const BODY_FEATURE_NAMES: [&str; BODY_FEATURES] = [
    "bias",
    "log_chars",
    "words",
    "stopword_density",
    "three_stopwords",
    "ends_like_sentence",
    "ends_with_period",
    "blank_before",
    "blank_after",
    "furniture",
    "repeated",
    "date_only",
    "has_date",
    "digit_share",
    "starts_upper",
    "all_caps",
    "starts_with_marker",
    "ends_with_counter",
    "legal_words",
    "position_in_page",
    "prose_before",
    "prose_after",
    "prose_nearby",
    "log_chars_nearby",
    "running_prose",
    "short_prose",
    "starts_with_quote",
    "has_pipe",
    "capitalised_words",
    "link_words",
    "inside_prose_run",
    "lines_from_prose_run",
    "three_words_or_fewer",
    "mean_word_length",
    "after_comments_heading",
    "after_related_heading",
    "reply_marker_nearby",
];
pub const BODY_FEATURES: usize = 37;

/// The body model's weights, one per feature: a feature added, renamed or
/// moved without training again stops the build here.
const BODY_WEIGHTS: &[f32; BODY_FEATURES] = &model::body::WEIGHTS;
const _: () = assert!(
    names_hash(&BODY_FEATURE_NAMES) == model::body::TRAINED_ON,
    "retrain: training/train.py body"
);

/// Words of the heading over readers' comments, lower case.
const COMMENT_HEADINGS: &[&str] = &[
    "comment",
    "kommentar",
    "commentaire",
    "comentario",
    "comentário",
    "commento",
    "komentarz",
    "коммент",
    "комент",
    "leave a reply",
    "responses",
    "discussion",
    "diskussion",
    "leserbrief",
];

/// Short lines that sit under each reader comment, lower case.
const REPLY_MARKERS: &[&str] = &[
    "reply",
    "antworten",
    "répondre",
    "responder",
    "rispondi",
    "odpowiedz",
    "ответить",
    "відповісти",
    "report",
    "like",
    "melden",
];

/// Characters a comments heading has at most ("23 Comments", "Leave a Reply").
const COMMENT_HEADING_MAX_CHARS: usize = 40;

/// Where, if anywhere, the page opens its readers' comments or its related
/// stories: the first short line that heads them.
pub struct PageMarks {
    pub comments: Option<usize>,
    pub related: Option<usize>,
}

impl PageMarks {
    pub fn find(lines: &[LineInfo]) -> Self {
        let short = |l: &&LineInfo| l.chars <= COMMENT_HEADING_MAX_CHARS;
        let comments = lines.iter().position(|l| {
            short(&l) && crate::text::language::mentions_any(l.text(), COMMENT_HEADINGS)
        });
        let related = lines
            .iter()
            .position(|l| short(&l) && is_related_heading(l.text()));
        PageMarks { comments, related }
    }
}

fn is_reply_marker(info: &LineInfo) -> bool {
    info.chars <= COMMENT_HEADING_MAX_CHARS && {
        let lowered = info.text().to_lowercase();
        let bare = lowered.trim_matches(|c: char| !c.is_alphabetic());
        REPLY_MARKERS.contains(&bare) || lowered.ends_with(" says:") || lowered.ends_with(" sagt:")
    }
}

/// Words of legal notices, disclosures and site policies, lower case.
const LEGAL_WORDS: &[&str] = &[
    "rights reserved",
    "trademark",
    "copyright",
    "privacy",
    "terms of",
    "disclaimer",
    "affiliate",
    "compensated",
    "cookies",
    "datenschutz",
    "impressum",
    "nutzungsbedingungen",
    "registered",
    "all opinions",
    "haftung",
    "mentions légales",
    "política de",
];

/// Words of links and calls to action, lower case.
const LINK_WORDS: &[&str] = &[
    "click",
    "read more",
    "continue reading",
    "weiterlesen",
    "mehr lesen",
    "lesen sie",
    "subscribe",
    "sign up",
    "newsletter",
    "follow us",
    "download",
    "watch",
    "see also",
    "clique",
    "leia",
    "lire la suite",
    "czytaj",
    "читайте",
    "подробнее",
    "more:",
];

/// Lines on each side that count as a line's neighbourhood.
const NEIGHBOURHOOD: usize = 3;

/// The features of line `i` for the story model.
pub fn body_features(
    lines: &[LineInfo],
    i: usize,
    run: &Range<usize>,
    marks: &PageMarks,
) -> [f32; BODY_FEATURES] {
    let info = &lines[i];
    let text = info.text();
    let flag = |b: bool| if b { 1.0 } else { 0.0 };
    let running = |j: Option<usize>| {
        j.and_then(|j| lines.get(j))
            .is_some_and(|l| l.prose == Prose::Running)
    };
    let (near_prose, near_chars) = neighbourhood(lines, i);
    let TextCues {
        lowered,
        upper,
        lower,
        digits,
        words: word_count,
        capitalised,
        word_chars,
        counter,
    } = text_cues(text);
    let distance = if run.contains(&i) {
        0
    } else if i < run.start {
        run.start - i
    } else {
        i + 1 - run.end
    };
    [
        1.0,
        log_chars(info),
        (info.words as f32 / 50.0).min(3.0),
        info.density(),
        flag(info.stopwords >= 3),
        flag(info.ends_sentence),
        flag(text.ends_with('.')),
        flag(info.line.blank_before),
        flag(lines.get(i + 1).is_none_or(|l| l.line.blank_before)),
        flag(info.furniture.is_some()),
        flag(info.copies >= REPEATED_LINE_COPIES),
        flag(info.date_only),
        flag(!info.dates.is_empty()),
        digits as f32 / info.chars.clamp(1, 2_000) as f32,
        flag(text.chars().next().is_some_and(char::is_uppercase)),
        flag(upper >= 2 && lower == 0),
        flag(text.starts_with(['»', '›', '>', '•', '*', '-', '–', '|', '+', '#'])),
        flag(counter),
        flag(LEGAL_WORDS.iter().any(|w| lowered.contains(w))),
        i as f32 / lines.len().max(1) as f32,
        flag(running(i.checked_sub(1))),
        flag(running(Some(i + 1))),
        near_prose,
        near_chars,
        flag(info.prose == Prose::Running),
        flag(info.prose == Prose::Short),
        flag(text.starts_with(['"', '“', '„', '«', '‘'])),
        flag(text.contains('|')),
        capitalised as f32 / word_count.max(1) as f32,
        flag(LINK_WORDS.iter().any(|w| lowered.contains(w))),
        flag(run.contains(&i)),
        (distance as f32 / 20.0).min(3.0),
        flag(info.words <= 3),
        (word_chars as f32 / word_count.max(1) as f32 / 10.0).min(3.0),
        flag(marks.comments.is_some_and(|c| c < i)),
        flag(marks.related.is_some_and(|r| r < i)),
        flag(
            lines[i.saturating_sub(2)..(i + 3).min(lines.len())]
                .iter()
                .any(is_reply_marker),
        ),
    ]
}

/// A line's size on a log scale (about 1 for 150 characters).
fn log_chars(l: &LineInfo) -> f32 {
    (1.0 + l.chars as f32).ln() / 5.0
}

/// The share of running prose and the mean size of the lines around line
/// `i` (`NEIGHBOURHOOD` each side).
fn neighbourhood(lines: &[LineInfo], i: usize) -> (f32, f32) {
    let near = (i.saturating_sub(NEIGHBOURHOOD)..(i + NEIGHBOURHOOD + 1).min(lines.len()))
        .filter(|&j| j != i);
    let (mut near_prose, mut near_chars, mut near_count) = (0.0, 0.0, 0.0);
    for j in near {
        near_prose += if lines[j].prose == Prose::Running {
            1.0
        } else {
            0.0
        };
        near_chars += log_chars(&lines[j]);
        near_count += 1.0;
    }
    let near_count = f32::max(near_count, 1.0);
    (near_prose / near_count, near_chars / near_count)
}

/// What a line's letters, digits and words say of it, read once (a long
/// line only so far).
struct TextCues {
    /// Lower case, for lines of up to 2,000 bytes (empty beyond).
    lowered: String,
    /// Upper- and lower-case letters among the first 200.
    upper: usize,
    lower: usize,
    /// ASCII digits among the first 2,000 characters.
    digits: usize,
    /// Words among the first 500, those capitalised, and their characters.
    words: usize,
    capitalised: usize,
    word_chars: usize,
    /// The line ends with a count in brackets ("Comments (12)").
    counter: bool,
}

fn text_cues(text: &str) -> TextCues {
    let lowered = if text.len() <= 2_000 {
        text.to_lowercase()
    } else {
        String::new()
    };
    let letters = text.chars().filter(|c| c.is_alphabetic()).take(200);
    let (mut upper, mut lower) = (0, 0);
    for c in letters {
        if c.is_uppercase() {
            upper += 1;
        } else if c.is_lowercase() {
            lower += 1;
        }
    }
    let digits = text
        .chars()
        .take(2_000)
        .filter(char::is_ascii_digit)
        .count();
    let word_list: Vec<&str> = words(text).take(500).collect();
    let capitalised = word_list
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    let word_chars: usize = word_list.iter().map(|w| w.chars().count()).sum();
    let counter = text.trim_end().ends_with(')')
        && text
            .trim_end_matches(')')
            .trim_end_matches(|c: char| c.is_ascii_digit())
            .ends_with('(');
    TextCues {
        lowered,
        upper,
        lower,
        digits,
        words: word_list.len(),
        capitalised,
        word_chars,
        counter,
    }
}

fn sigmoid(z: f32) -> f32 {
    1.0 / (1.0 + (-z).exp())
}

/// For each line, the line model's probability that it is part of the
/// story, from the line and its near neighbours alone.
pub fn line_probabilities(lines: &[LineInfo]) -> Vec<f32> {
    let run = prose_run(lines);
    let marks = PageMarks::find(lines);
    (0..lines.len())
        .map(|i| sigmoid(dot(BODY_WEIGHTS, &body_features(lines, i, &run, &marks))))
        .collect()
}

/// Names of the features [`context_features`] gives, in order.
pub const CONTEXT_FEATURE_NAMES: [&str; CONTEXT_FEATURES] = [
    "bias",
    "line_logit",
    "mean_1",
    "mean_3",
    "mean_10",
    "before",
    "after",
    "inside_first_span",
    "lines_from_first_span",
    "log_chars",
    "blank_before",
    "running_prose",
];
pub const CONTEXT_FEATURES: usize = 12;

/// The context model's weights, checked like [`BODY_WEIGHTS`].
const CONTEXT_WEIGHTS: &[f32; CONTEXT_FEATURES] = &model::body_context::WEIGHTS;
const _: () = assert!(
    names_hash(&CONTEXT_FEATURE_NAMES) == model::body_context::TRAINED_ON,
    "retrain: training/train.py body_context"
);

/// Lines on each side for the context model's three neighbourhoods.
const CONTEXT_REACH: [usize; 3] = [1, 3, 10];

/// Features of line `i` for the context model: what the line model
/// believes of the line and of the lines around it, and where the first
/// guess at the story's span lies. Stories are runs: a line among story
/// lines is likely story, a lone line among menus is not.
pub fn context_features(
    lines: &[LineInfo],
    first: &[f32],
    span: &Range<usize>,
    i: usize,
) -> [f32; CONTEXT_FEATURES] {
    let mean = |reach: usize| {
        let window = &first[i.saturating_sub(reach)..(i + reach + 1).min(first.len())];
        window.iter().sum::<f32>() / window.len() as f32
    };
    let p = first[i].clamp(1e-4, 1.0 - 1e-4);
    let distance = if span.contains(&i) {
        0
    } else if i < span.start {
        span.start - i
    } else {
        i + 1 - span.end
    };
    let flag = |b: bool| if b { 1.0 } else { 0.0 };
    [
        1.0,
        (p / (1.0 - p)).ln() / 5.0,
        mean(CONTEXT_REACH[0]),
        mean(CONTEXT_REACH[1]),
        mean(CONTEXT_REACH[2]),
        i.checked_sub(1).map_or(0.0, |j| first[j]),
        first.get(i + 1).copied().unwrap_or(0.0),
        flag(span.contains(&i)),
        (distance as f32 / 20.0).min(3.0),
        (1.0 + lines[i].chars as f32).ln() / 5.0,
        flag(lines[i].line.blank_before),
        flag(lines[i].prose == Prose::Running),
    ]
}

/// For each line, the probability that it is part of the story: the line
/// model's belief, revised by the context model.
pub fn story_probabilities(lines: &[LineInfo]) -> Vec<f32> {
    let first = line_probabilities(lines);
    let span = story_span(lines, &first);
    (0..lines.len())
        .map(|i| {
            sigmoid(dot(
                CONTEXT_WEIGHTS,
                &context_features(lines, &first, &span, i),
            ))
        })
        .collect()
}

/// Probability above which a line is taken as part of the story.
pub const STORY_THRESHOLD: f32 = 0.65;
/// Characters a line's weight in the span search counts at most, so one
/// long line cannot outweigh a whole story elsewhere.
const SPAN_WEIGHT_MAX_CHARS: f32 = 400.0;
/// Characters every line counts at least in the span search.
const SPAN_WEIGHT_MIN_CHARS: f32 = 30.0;

/// The story's span: the run of lines where the model's belief, weighted by
/// each line's length, adds up the most. Empty when no line reads as story.
pub fn story_span(lines: &[LineInfo], probabilities: &[f32]) -> Range<usize> {
    heaviest_run(lines.iter().zip(probabilities).map(|(l, p)| {
        let size = (l.chars as f32).clamp(SPAN_WEIGHT_MIN_CHARS, SPAN_WEIGHT_MAX_CHARS);
        (p - STORY_THRESHOLD) * size
    }))
}

/// Probability a short heading line needs to stay in the story as a subheading.
const SUBHEADING_THRESHOLD: f32 = 0.2;

/// Whether a line inside the story's span belongs to the story: the model
/// says so, or it is a short heading over the prose after it.
pub fn belongs_to_story(lines: &[LineInfo], probabilities: &[f32], i: usize) -> bool {
    let info = &lines[i];
    // Header lines are never story, however close to it they stand.
    let header =
        stated_reading_minutes(info.text()).is_some() || byline_names(info.text()).is_some();
    if info.furniture.is_some() || info.date_only || header {
        return false;
    }
    probabilities[i] >= STORY_THRESHOLD
        || (probabilities[i] >= SUBHEADING_THRESHOLD && is_subheading(lines, i))
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
            .is_some_and(|next| next.prose == Prose::Running && next.line.blank_before)
}

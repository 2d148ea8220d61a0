//! The story's header: the headline (a learned model over the lines
//! around the start of the story's span), the updated date beside it, and
//! the site's name from a scraper's header or a copyright line. (Who wrote
//! it is `byline`'s to read, when it was published `dateline`'s.)

use std::collections::HashSet;

use crate::model::{self, mlp_len, mlp_score, names_hash};
use crate::text::byline::{byline_names, labeled_name_below, split_on_words};
use crate::text::classify::{is_update_label, stated_reading_minutes, LineInfo, Prose};
use crate::text::dates::FoundDate;
use crate::text::form::Form;
use crate::text::furniture::is_share_prompt;
use crate::text::language::{find_caseless, is_cjk, strip_prefix_caseless, words};
use crate::text::lines::{folded, LineNumber};
use crate::text::lists::{is_recipe_heading_alone, names_navigation};
use crate::text::structure::{is_credited_caption, is_picture_credit, is_picture_placeholder};

/// How many lines above the story's first line the headline may stand.
const HEADLINE_LOOKBACK: usize = 80;
/// How many lines into the story the headline may stand.
const HEADLINE_LOOKAHEAD: usize = 3;
/// Words and characters a headline has.
const HEADLINE_WORDS: std::ops::RangeInclusive<usize> = 1..=40;
const HEADLINE_CHARS: std::ops::RangeInclusive<usize> = 4..=300;
/// Words at least this long count as content words when comparing a
/// candidate headline with the story's words.
const CONTENT_WORD_MIN_CHARS: usize = 4;

/// Names of the features [`headline_features`] gives, in order; the
/// weights in `model/headline.rs` follow the same order.
pub const HEADLINE_FEATURE_NAMES: [&str; HEADLINE_FEATURES] = [
    "bias",
    "lines_above_story",
    "inside_story",
    "words",
    "chars",
    "ends_with_period",
    "ends_with_question_or_bang",
    "repeated",
    "blank_before",
    "blank_after",
    "dateline_or_byline_below",
    "dateline_above",
    "stopword_density",
    "starts_upper",
    "all_caps",
    "capitalised_words",
    "words_in_story",
    "packed_in_menu",
    "has_separator",
    "digit_share",
    "longest_nearby",
    "reads_as_prose",
    "has_colon",
    "candidates_between",
    "prose_right_below",
    "has_date",
    "site_prompt_words",
    "position_in_page",
    "lines_above_story_far",
    "words_in_first_paragraph",
    "short_label_above",
    "byline_within_five_below",
    "longer_candidates_nearby",
    "quoted_in_other_lines",
];
pub const HEADLINE_FEATURES: usize = 34;

/// The headline models' weights, sized by the features and hidden layer: a
/// feature added, renamed or moved without training again stops the build.
const HEADLINE_WEIGHTS: &[f32; mlp_len(HEADLINE_FEATURES, model::headline::HIDDEN)] =
    &model::headline::WEIGHTS;
const HEADLINE_WRAPPED_WEIGHTS: &[f32; mlp_len(
    HEADLINE_FEATURES,
    model::headline_wrapped::HIDDEN,
)] = &model::headline_wrapped::WEIGHTS;
const _: () = assert!(
    names_hash(&HEADLINE_FEATURE_NAMES) == model::headline::TRAINED_ON
        && names_hash(&HEADLINE_FEATURE_NAMES) == model::headline_wrapped::TRAINED_ON,
    "retrain: training/train.py headline and headline_wrapped"
);

/// Words of calls to action that a headline never has.
const SITE_PROMPT_WORDS: &[&str] = &[
    "newsletter",
    "subscribe",
    "share",
    "sign up",
    "log in",
    "follow us",
    "supported by",
    "cookie",
    "comments",
    "kommentar",
    "abonn",
    "anmelden",
    "teilen",
];

/// The content words of the story's first lines, lower case: a headline
/// shares many of them, a menu item or a teaser for another story few.
#[derive(Debug, Clone, Default)]
pub struct StoryWords {
    /// Words of the first dozen prose lines.
    pub opening: HashSet<String>,
    /// Words of the first prose line alone (a headline restates it).
    pub first_paragraph: HashSet<String>,
}

/// The [`StoryWords`] of the story in `story`.
pub fn story_words(lines: &[LineInfo], story: std::ops::Range<usize>) -> StoryWords {
    const STORY_LINES_READ: usize = 12;
    let mut found = StoryWords::default();
    let prose_lines = lines[story].iter().filter(|l| l.prose == Prose::Running);
    for (n, info) in prose_lines.take(STORY_LINES_READ).enumerate() {
        for w in words(info.text()) {
            if w.chars().count() >= CONTENT_WORD_MIN_CHARS {
                if n == 0 {
                    found.first_paragraph.insert(w.to_lowercase());
                }
                found.opening.insert(w.to_lowercase());
            }
        }
    }
    found
}

/// The page's short lines, folded, where a page quotes its own headline:
/// a breadcrumb's last step ("Home › News › Kallas urges calm"), a share
/// or rating prompt ("Bewerte Vanille-Porridge mit Apfel 1/5"), a kicker
/// run into it. Other candidates are rarely quoted so (DEV: a fifth of
/// the headlines, one candidate in thirty of the rest).
pub struct PageQuotes {
    lines: Vec<String>,
}

/// A headline this short (characters) is too common a phrase to count
/// as quoted.
const QUOTED_MIN_CHARS: usize = 15;
/// A line quoting a headline is at most this many times its length (plus
/// [`QUOTE_SLACK`] bytes): longer, it is prose that happens to contain it.
const QUOTE_MAX_TIMES: usize = 3;
const QUOTE_SLACK: usize = 40;
/// Quoting lines counted at most.
const QUOTES_COUNTED: usize = 3;

impl PageQuotes {
    pub fn of(lines: &[LineInfo]) -> Self {
        // Lines longer than any candidate's quote (its bytes: up to 4 a
        // character) are never counted: they are not kept.
        let longest = HEADLINE_CHARS.end() * 4 * QUOTE_MAX_TIMES + QUOTE_SLACK;
        PageQuotes {
            lines: lines
                .iter()
                .filter(|l| !l.text().trim().is_empty() && l.text().len() <= longest)
                .map(|l| folded(l.text()))
                .collect(),
        }
    }

    /// How many other lines quote `text` (at most [`QUOTES_COUNTED`]).
    fn quoting(&self, text: &str) -> usize {
        let text = folded(text);
        if text.chars().count() < QUOTED_MIN_CHARS {
            return 0;
        }
        let longest = QUOTE_MAX_TIMES * text.len() + QUOTE_SLACK;
        self.lines
            .iter()
            .filter(|l| l.len() <= longest && **l != text && l.contains(&text))
            .take(QUOTES_COUNTED)
            .count()
    }
}

/// Whether line `i` can be a headline at all.
fn may_be_headline(info: &LineInfo) -> bool {
    // Chinese and Japanese write without spaces: one "word" can be a headline.
    let unspaced = info.chars >= 8 && info.text().chars().any(is_cjk);
    info.furniture.is_none()
        && !info.date_only
        && (HEADLINE_WORDS.contains(&info.words) || (unspaced && info.words >= 1))
        && stated_reading_minutes(info.text()).is_none()
        && HEADLINE_CHARS.contains(&info.chars)
        && !info.text().ends_with([',', ';'])
        && !info.text().starts_with(['©', '•', '|'])
        && !is_credit_line(info)
        && !is_credited_caption(info.text())
}

/// Words a part of a headline line has at most to be the site's name or a
/// breadcrumb step ("Home", "News & mehr", "Heise online").
pub const SITE_PART_WORDS: usize = 4;

/// What sets a site's name apart from the headline in a page's `<title>`.
pub const TITLE_SEPARATORS: &[&str] = &[" | ", " : ", " - ", " – ", " — ", " » ", " · "];

/// A title cut at its last separator of each kind: what goes before it
/// and the last part, which may be the site's name ("Meet the Artist" /
/// "LA Weekly").
pub fn last_cuts(title: &str) -> impl Iterator<Item = (&str, &str)> {
    TITLE_SEPARATORS
        .iter()
        .filter_map(move |sep| title.rsplit_once(sep))
}

/// A stated title, itself without its last part (a site's name), and its
/// parts of two words or more, longest first: where a kicker goes before
/// it, what an `<h1>` may hold after the kicker.
pub fn title_readings(title: &str) -> Vec<&str> {
    let heads = last_cuts(title).map(|(head, _)| head.trim());
    // Between the parts: a separator, or a kicker's colon
    // ("Corona-Lockerungen: Autohäuser rechnen …").
    let mut parts: Vec<&str> = vec![title];
    for sign in TITLE_SEPARATORS.iter().chain(&[": "]) {
        parts = parts
            .into_iter()
            .flat_map(|part| part.split(sign))
            .collect();
    }
    let mut parts: Vec<&str> = parts
        .into_iter()
        .map(str::trim)
        .filter(|part| part.len() < title.len() && part.split_whitespace().count() >= 2)
        .collect();
    parts.sort_by_key(|part| std::cmp::Reverse(part.len()));
    std::iter::once(title).chain(heads).chain(parts).collect()
}

/// Signs set between a breadcrumb's steps ("Home » Europa » Emden").
pub const PATH_SIGNS: &[char] = &['»', '›', '>', '→'];

/// A breadcrumb trail and nothing else ("Business News›Tech›Hardware",
/// "Home » Hochbau » Leistungen » Tragwerksplanung"): three short steps
/// or more, the last a word, where no headline is left once the path is
/// taken off (a trail ending in a title, "Home » Recipes » Olive & Herb
/// Focaccia Bread", gives that title: `parse::without_site_parts`).
fn is_bare_trail(text: &str) -> bool {
    const MIN_STEPS: usize = 3;
    let steps: Vec<usize> = text
        .split(PATH_SIGNS)
        .map(|step| words(step).count())
        .collect();
    // "Sie sind hier: Home » … » Emden": a labelled trail names the page.
    !text.contains(':')
        && steps.len() >= MIN_STEPS
        && steps.iter().all(|&n| (1..=SITE_PART_WORDS).contains(&n))
        && steps.last() == Some(&1)
}

/// A row of the story's facts ("Gunter Frank / 22.04.2020 / 06:15 /
/// Foto: Achgut.com / 150 /", "22. Januar 2020 @ 18:13 // Autor: c1ph4 //
/// ~ Lesezeit: 1 Minute"): three short fields or more between slashes or
/// bars, one of them a date. A headline may state a date; it is not cut
/// into fields.
fn is_fact_row(info: &LineInfo) -> bool {
    const MIN_FIELDS: usize = 3;
    const FIELD_MAX_WORDS: usize = 5;
    if info.dates.is_empty() {
        return false;
    }
    let fields: Vec<&str> = split_on_words(info.text(), &[" / ", "//", " | "])
        .into_iter()
        .map(str::trim)
        .filter(|f| !f.is_empty())
        .collect();
    fields.len() >= MIN_FIELDS
        && fields
            .iter()
            .all(|f| f.split_whitespace().count() <= FIELD_MAX_WORDS)
}

/// A line of the story's facts that states its moment: a date with its
/// time of day ("Aus der Region 6. November 2023 15:00 Kommentar
/// schreiben") or one day twice ("1. November 20231. November 2023
/// Bockenem, Nordstraße, Polizei": published and updated the same day),
/// or its update's time, with no year to make a date of it ("Updated Nov
/// 19, 9:41 AM;Posted Nov 18, 8:19 PM"). A headline may name a day, not
/// the minute it was posted.
fn states_its_moment(info: &LineInfo) -> bool {
    let days: Vec<_> = info.dates.iter().map(|d| d.moment.date).collect();
    let opens_with_update = words(info.text()).next().is_some_and(is_update_label);
    info.dates.iter().any(|d| d.moment.time.is_some())
        || days
            .iter()
            .enumerate()
            .any(|(n, day)| days[..n].contains(day))
        || opens_with_update && states_clock_time(info.text())
}

/// Whether a text stamps a time of day: "9:41 AM", "15:00 Uhr", or one
/// that ends the text or a field of it ("… 9:41;"); not "the 10:30 train".
fn states_clock_time(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.windows(4).enumerate().any(|(at, w)| {
        let time = w[0].is_ascii_digit()
            && w[1] == b':'
            && w[2].is_ascii_digit()
            && w[3].is_ascii_digit()
            && !bytes.get(at + 4).is_some_and(u8::is_ascii_digit);
        // After an ASCII digit: a character's boundary.
        let after = || text[at + 4..].trim_start();
        time && (after().is_empty()
            || after().starts_with([';', ',', '|'])
            || ["am", "pm", "a.m.", "p.m.", "uhr"]
                .iter()
                .any(|unit| strip_prefix_caseless(after(), unit).is_some()))
    })
}

/// An item of a dated list ("[ 26. Februar 2020 ] Am Windows Server …",
/// a blog's ticker of its latest posts): the line opens with a date in
/// brackets. A headline may open with a bracketed label ("[Rezi] Love is
/// War"), never with its date.
fn is_dated_item(info: &LineInfo) -> bool {
    let text = info.text();
    let close = text
        .starts_with(['[', '('])
        .then(|| text.find([']', ')']))
        .flatten();
    // The brackets hold the line's first date and nothing else.
    close.zip(info.dates.first()).is_some_and(|(close, d)| {
        (1..=close).contains(&d.start)
            && d.end <= close
            && text[1..d.start].trim().is_empty()
            && text[d.end..close].trim().is_empty()
    })
}

/// Lines above an item of a numbered list where the item before it may stand.
const NUMBERED_ITEM_LOOKBACK: usize = 3;

/// The number a line opens with as an item of a numbered list ("5. Messengerdienste
/// sind kein rechtsfreier Raum" gives 5).
fn item_number(text: &str) -> Option<u32> {
    let (number, rest) = text.split_once(". ")?;
    (!number.is_empty() && number.len() <= 3 && !rest.trim().is_empty())
        .then(|| number.parse().ok())
        .flatten()
}

/// An item of a numbered list: its number follows the number of an item
/// just above ("4. 2022" / "5. Messengerdienste sind kein rechtsfreier
/// Raum", a breadcrumb trail as text tools number it). A title that opens
/// with a number ("1. FC Köln holt …") has no item above it.
fn is_numbered_item(lines: &[LineInfo], i: usize) -> bool {
    item_number(lines[i].text()).is_some_and(|n| {
        n >= 2
            && lines[i.saturating_sub(NUMBERED_ITEM_LOOKBACK)..i]
                .iter()
                .any(|l| item_number(l.text()) == Some(n - 1))
    })
}

/// A line of cells (innerText puts a tab between a table's cells, text
/// browsers runs of spaces), an item of a marked list, one that gives an
/// e-mail address, one that opens what follows it ("The ingredients:"),
/// a list of tags or a breadcrumb trail: parts of a page, never its
/// headline.
fn is_page_part(text: &str) -> bool {
    // "ARD, Demonstrationen, Neu, Tagesschau, Top-Thema": a list of tags.
    let items: Vec<&str> = text.split(',').collect();
    let tag_list = items.len() >= 4
        && items
            .iter()
            .all(|i| (1..=2).contains(&i.split_whitespace().count()));
    // "* Davis Cup", "+ Who Pays for Politifact": an item of a list as a
    // text tool marks it.
    let list_item = ["* ", "+ ", "- ", "· "].iter().any(|m| text.starts_with(m));
    tag_list
        || list_item
        || is_picture_placeholder(text)
        || is_bare_trail(text)
        // Cells set apart by runs of spaces, as text browsers lay out tables.
        || text.contains('\t')
        || text.contains("   ")
        || text.ends_with(':')
        || is_address_line(text)
        || text.split_whitespace().any(|w| {
            w.split_once('@').is_some_and(|(name, host)| {
                !name.is_empty() && host.trim_end_matches(['.', ',', ')']).contains('.')
            })
        })
}

/// A web address alone on its line ("https://www.example.com/sports/article/…",
/// "www.example.com/…"): a link a page prints, or a story's address
/// under its text.
fn is_address_line(text: &str) -> bool {
    let text = text.trim();
    crate::address::is_web_address(text)
        || text.starts_with("www.") && !text.contains(char::is_whitespace)
}

/// A line that is a byline and nothing else: an opener, then names of
/// two words or more that take up every word after it ("By VICTOR DAVIS
/// HANSON", "Von Anna Muster und Max Beispiel"; not "Von Mäusen und
/// Menschen").
fn is_byline_alone(text: &str) -> bool {
    let Some(names) = byline_names(text) else {
        return false;
    };
    if names.iter().any(|n| words(n).count() < 2) {
        return false;
    }
    let named: usize = names.iter().map(|n| words(n).count()).sum();
    // Left: the opener ("By", "Written by") and the words joining names.
    let left = words(text).count().saturating_sub(named);
    (1..=1 + names.len()).contains(&left)
}

/// Words a picture's credit line has at most: "Photos: Scenes from the
/// parade in New York" is a gallery's headline, not a credit.
const CREDIT_MAX_WORDS: usize = 5;

/// A line that is only a picture's credit ("Foto: dpa/Michael Kappeler"),
/// or a caption that ends with one after its last sentence ("Einen
/// Studienplatz, aber keine Wohnung? Foto: Ingo Schneider").
fn is_credit_line(info: &LineInfo) -> bool {
    let (caption, credit) = crate::text::structure::split_credit(info.text());
    if caption.is_empty() {
        info.words <= CREDIT_MAX_WORDS
    } else {
        credit.is_some_and(is_picture_credit)
    }
}

/// A line shaped like a title that is another part of the page: a page
/// part ([`is_page_part`]), a row of the story's facts, an item of a
/// dated or numbered list; a name under an opener or label alone on its
/// line ("By" / "Randy Maniloff": a tool that set the byline's two
/// elements on lines of their own) or a byline alone ("By VICTOR DAVIS
/// HANSON"); a share button's label ("Share this on WhatsApp"; not
/// furniture for the story's span, whose edge it marks on some pages);
/// a recipe's "Zutaten" or "Zubereitung" alone on its line.
fn is_other_part(lines: &[LineInfo], i: usize) -> bool {
    let text = lines[i].text();
    is_page_part(text)
        || is_fact_row(&lines[i])
        || states_its_moment(&lines[i])
        || is_dated_item(&lines[i])
        || is_numbered_item(lines, i)
        || i > 0 && labeled_name_below(lines[i - 1].text(), text).is_some()
        || is_byline_alone(text)
        || is_share_prompt(text)
        || is_recipe_heading_alone(text)
}

/// The features of line `i` as the headline of a story starting at `story`.
pub fn headline_features(
    lines: &[LineInfo],
    i: usize,
    story: usize,
    story_words: &StoryWords,
    longest_nearby: usize,
    quotes: &PageQuotes,
) -> [f32; HEADLINE_FEATURES] {
    let info = &lines[i];
    let text = info.text();
    let flag = |b: bool| if b { 1.0 } else { 0.0 };
    let below = &lines[i + 1..(i + 4).min(lines.len())];
    let above = &lines[i.saturating_sub(3)..i];
    let packed = |l: Option<&LineInfo>| {
        l.is_some_and(|l| !l.line.blank_before && l.words <= 4 && l.prose == Prose::NotProse)
    };
    let shares = word_shares(text, story_words);
    let digits = text.chars().filter(char::is_ascii_digit).count();
    let between = (i.min(story)..i.max(story))
        .filter(|&j| may_be_headline(&lines[j]))
        .count();
    // Longer title-like lines within five lines either side compete with this one.
    let longer_nearby = lines[i.saturating_sub(5)..(i + 6).min(lines.len())]
        .iter()
        .filter(|l| l.words > info.words && l.words <= 40 && !l.ends_sentence)
        .count();
    [
        1.0,
        story.saturating_sub(i) as f32 / 10.0,
        flag(i >= story),
        (info.words as f32 / 20.0).min(2.0),
        (info.chars as f32 / 100.0).min(3.0),
        flag(text.ends_with('.')),
        flag(text.ends_with(['?', '!'])),
        flag(info.copies >= 2),
        flag(info.line.blank_before),
        flag(lines.get(i + 1).is_none_or(|l| l.line.blank_before)),
        flag(
            below
                .iter()
                .any(|l| l.date_only || byline_names(l.text()).is_some()),
        ),
        flag(above.iter().any(|l| l.date_only)),
        info.density(),
        flag(text.chars().next().is_some_and(char::is_uppercase)),
        flag(shares.all_caps),
        shares.capitalised,
        shares.in_story,
        flag(
            !info.line.blank_before
                && packed(i.checked_sub(1).and_then(|j| lines.get(j)))
                && packed(lines.get(i + 1)),
        ),
        flag(text.contains(" | ") || text.contains(" - ") || text.contains(" – ")),
        digits as f32 / info.chars.max(1) as f32,
        info.words as f32 / longest_nearby.max(1) as f32,
        flag(info.prose == Prose::Running),
        flag(text.contains(':')),
        (between as f32 / 10.0).min(3.0),
        flag(below.iter().take(2).any(|l| l.prose == Prose::Running)),
        flag(!info.dates.is_empty()),
        flag(
            SITE_PROMPT_WORDS
                .iter()
                .any(|w| text.to_lowercase().contains(w)),
        ),
        i as f32 / lines.len().max(1) as f32,
        (story.saturating_sub(i) as f32 / 40.0).min(2.0),
        shares.in_first,
        flag(
            i.checked_sub(1)
                .and_then(|j| lines.get(j))
                .is_some_and(|l| (1..=3).contains(&l.words) && !l.date_only),
        ),
        flag(
            lines[i + 1..(i + 6).min(lines.len())]
                .iter()
                .any(|l| byline_names(l.text()).is_some()),
        ),
        (longer_nearby as f32 / 5.0).min(2.0),
        quotes.quoting(text) as f32 / QUOTES_COUNTED as f32,
    ]
}

/// What a headline candidate's words say of it.
struct WordShares {
    /// Letters in capitals only (scripts without case never are).
    all_caps: bool,
    /// Share of its words that are capitalised…
    capitalised: f32,
    /// …and of its content words found in the story's opening lines, and
    /// in its first paragraph (a headline restates them).
    in_story: f32,
    in_first: f32,
}

fn word_shares(text: &str, story_words: &StoryWords) -> WordShares {
    let letters: Vec<char> = text.chars().filter(|c| c.is_alphabetic()).collect();
    // Scripts without case (Arabic, Hebrew, Chinese) are never "all caps".
    let all_caps = letters.len() >= 2
        && letters.iter().any(|c| c.is_uppercase())
        && letters.iter().all(|c| !c.is_lowercase());
    let line_words: Vec<&str> = words(text).collect();
    let capitalised = line_words
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    let content: Vec<String> = line_words
        .iter()
        .filter(|w| w.chars().count() >= CONTENT_WORD_MIN_CHARS)
        .map(|w| w.to_lowercase())
        .collect();
    let share_in = |found: &HashSet<String>| {
        content.iter().filter(|w| found.contains(*w)).count() as f32 / content.len().max(1) as f32
    };
    WordShares {
        all_caps,
        capitalised: capitalised as f32 / line_words.len().max(1) as f32,
        in_story: share_in(&story_words.opening),
        in_first: share_in(&story_words.first_paragraph),
    }
}

/// The lines that may be the headline of a story starting at `story`, with
/// their features: what the model scores, and what its training reads.
pub fn headline_candidates(
    lines: &[LineInfo],
    story: usize,
    story_words: &StoryWords,
) -> Vec<(usize, [f32; HEADLINE_FEATURES])> {
    let first = story.saturating_sub(HEADLINE_LOOKBACK);
    let last = (story + HEADLINE_LOOKAHEAD).min(lines.len());
    let candidates: Vec<usize> = (first..last)
        .filter(|&i| may_be_headline(&lines[i]))
        .collect();
    let longest = candidates
        .iter()
        .map(|&i| lines[i].words)
        .max()
        .unwrap_or(1);
    let quotes = PageQuotes::of(lines);
    // Table rows and contact lines still count as the lines around a
    // candidate (`longest_nearby`), but are never candidates themselves.
    candidates
        .into_iter()
        .filter(|&i| !is_other_part(lines, i))
        .map(|i| {
            let features = headline_features(lines, i, story, story_words, longest, &quotes);
            (i, features)
        })
        .collect()
}

/// Index of the headline for a story whose span starts at `story`: the
/// candidate the learned model scores highest. Text read as innerText has
/// its model (`model/headline.rs`); text rejoined from a wrapped or
/// Markdown form its own (`model/headline_wrapped.rs`), because there
/// every block stands between blank lines and a headline's neighbours
/// look different. When some candidates are lines the text marks as
/// headings (`headings`, input lines in order: Markdown's, a text
/// browser's flush-left lines), only those are scored.
pub fn find_headline(
    lines: &[LineInfo],
    story: usize,
    story_words: &StoryWords,
    form: Form,
    headings: &[LineNumber],
) -> Option<usize> {
    let weights: &[f32] = match form {
        Form::Text => HEADLINE_WEIGHTS,
        Form::Wrapped | Form::Markdown => HEADLINE_WRAPPED_WEIGHTS,
    };
    let mut candidates = headline_candidates(lines, story, story_words);
    // Where the text marks its headings, the headline is one of them
    // (never one that names the site's menu: "Main navigation").
    let marked = |i: usize| {
        headings.binary_search(&lines[i].line.number).is_ok() && !names_navigation(lines[i].text())
    };
    if candidates.iter().any(|&(i, _)| marked(i)) {
        candidates.retain(|&(i, _)| marked(i));
    }
    candidates
        .into_iter()
        .map(|(i, f)| (i, mlp_score(weights, &f)))
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(i, _)| i)
}

/// The headline a text's opening title names. Tools that write a whole
/// page as text (BeautifulSoup's `get_text`) start with its `<title>`:
/// "Chronik: Lotte Tobisch ist tot - wien.ORF.at". The first of its
/// readings without the site's name ([`title_readings`]: the title without
/// its last part, then its parts) that is a line of its own where the
/// headline may stand is the headline, as the page's heading prints it.
/// A title the text states apart (`page_title`: a header's "Title: …") is
/// read the same, whole too, and no line of the text is taken for it.
pub fn titled_headline(
    lines: &[LineInfo],
    story: usize,
    page_title: Option<&str>,
) -> Option<usize> {
    let title = match page_title {
        Some(title) => title,
        None => lines.first()?.text(),
    };
    let first = story
        .saturating_sub(HEADLINE_LOOKBACK)
        .max(usize::from(page_title.is_none()));
    let last = (story + HEADLINE_LOOKAHEAD).min(lines.len());
    let window: Vec<String> = lines[first.min(last)..last]
        .iter()
        .map(|l| folded(l.text()))
        .collect();
    // Only a title's site name sets it apart from a text's first line of
    // other kinds ("Startseite", "Skip to content"): the whole line is
    // never a reading.
    title_readings(title)
        .into_iter()
        .filter(|&reading| page_title.is_some() || reading != title)
        .find_map(|reading| {
            let reading = folded(reading);
            let at = window.iter().rposition(|line| *line == reading)?;
            Some(first + at)
        })
}

/// Lines above the headline and below it where its dateline may stand.
const DATELINE_ABOVE: usize = 6;
const DATELINE_BELOW: usize = 12;

/// A date found on a line: the line's index and the date.
pub type Dateline<'l> = (usize, &'l FoundDate);

/// The updated date nearest the headline (or the story's start), with its
/// line index: on a line labelled as an update, or the second date of the
/// publication's line ("Published 30.12. Updated 31.12."). Datelines stand
/// just above or below the headline, never deep inside the story, so the
/// search stops a few lines into it. (The published date is the dateline
/// model's: `dateline::find_published`.)
pub fn find_updated<'l>(
    lines: &'l [LineInfo],
    anchor: usize,
    story_start: usize,
) -> Option<Dateline<'l>> {
    const INTO_STORY: usize = 3;
    let first = anchor.saturating_sub(DATELINE_ABOVE);
    let last = (anchor + DATELINE_BELOW)
        .min(story_start.max(anchor) + INTO_STORY)
        .min(lines.len());
    let mut candidates: Vec<usize> = (first..last)
        .filter(|&i| !lines[i].dates.is_empty())
        .collect();
    // Nearest first; below the headline wins a tie.
    candidates.sort_by_key(|&i| (i.abs_diff(anchor), i < anchor));
    let mut published = None;
    let mut updated = None;
    for i in candidates {
        let date = &lines[i].dates[0];
        let text = lines[i].text();
        if lines[i].prose == Prose::Running && !lines[i].date_only {
            continue;
        }
        if is_update_label(text) {
            // "Published 30.12. Updated 31.12." keeps the first for publication.
            if lines[i].dates.len() > 1 && published.is_none() {
                published = Some((i, date));
                updated = updated.or(Some((i, &lines[i].dates[1])));
            } else {
                updated = updated.or(Some((i, date)));
            }
        } else if published.is_none() {
            published = Some((i, date));
        }
    }
    updated
}

/// Lines at the top of a page that name the site: a scraper's header
/// ("date 2025-12-31 Interfax-Ukraine") gives the name beside its date.
pub fn source_from_header_line(info: &LineInfo) -> Option<String> {
    const MAX_NAME_WORDS: usize = 4;
    let date = info.dates.first()?;
    let after = info.text()[date.end..].trim();
    let name = after.trim_matches(|c: char| c == '|' || c == '-' || c == '–' || c.is_whitespace());
    let before = info.text()[..date.start].trim();
    let label_only = words(before).count() <= 1;
    let count = words(name).count();
    (label_only
        && (1..=MAX_NAME_WORDS).contains(&count)
        && name.chars().next().is_some_and(char::is_uppercase))
    .then(|| name.to_string())
}

/// Where a copyright line's statement starts: after its "©", or after
/// the word "Copyright" it opens with. `None` for any other line.
fn after_copyright_mark(text: &str) -> Option<usize> {
    text.find('©')
        .map(|i| i + '©'.len_utf8())
        .or_else(|| strip_prefix_caseless(text, "copyright").map(|rest| text.len() - rest.len()))
}

/// The latest year a copyright line states ("© 2002-2019 …" gives 2019):
/// the year the page was made, so the year of a day it gives without one.
pub fn copyright_year(text: &str) -> Option<i32> {
    let at = after_copyright_mark(text)?;
    text[at..]
        .split(|c: char| !c.is_ascii_digit())
        .filter(|n| n.len() == 4)
        .filter_map(|n| n.parse().ok())
        .filter(|y| crate::text::dates::YEARS.contains(y))
        .max()
}

/// The name standing before a copyright line's "©" ("Wccftech © 2019
/// NewAge ADS, LLC."): a site names itself there and its owner after the
/// mark. Only a candidate: the caller checks the page's header names it.
pub fn name_before_copyright(text: &str) -> Option<&str> {
    const MAX_NAME_WORDS: usize = 3;
    let before = text[..text.find('©')?].trim();
    ((1..=MAX_NAME_WORDS).contains(&words(before).count())
        && before.chars().next().is_some_and(char::is_uppercase))
    .then_some(before)
}

/// The site's name in a copyright line: "© 2025 Interfax-Ukraine".
pub fn source_from_copyright(text: &str) -> Option<String> {
    const MAX_NAME_WORDS: usize = 5;
    // Any line is asked: only a copyright line is read further.
    after_copyright_mark(text)?;
    // Pages space a footer with no-break spaces ("©\u{a0}FOCUS\u{a0}Online").
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let at = after_copyright_mark(&text)?;
    let rest = &text[at..];
    let rest = rest.trim_start_matches(|c: char| !c.is_alphabetic() || c == '©');
    let rest = strip_prefix_caseless(rest, "copyright")
        .unwrap_or(rest)
        .trim_start_matches(|c: char| !c.is_alphabetic());
    // "(c)" written out, in Latin or Cyrillic letters: "Copyright (с) ООО …".
    let rest = ["c)", "C)", "с)", "С)"]
        .iter()
        .find_map(|mark| rest.strip_prefix(mark))
        .unwrap_or(rest)
        .trim_start_matches(|c: char| !c.is_alphabetic());
    // A German association's legal form ends its name ("Deutsche
    // Gesellschaft für Sonnenenergie e.V."), as a company's does.
    let rest = [" e.V", " e. V"]
        .iter()
        .filter_map(|form| rest.find(form))
        .min()
        .map_or(rest, |at| &rest[..at]);
    let name = rest
        .split(['.', ',', '|', ';', '(', '–', '—', '•', '·'])
        .next()?
        .split(" - ")
        .next()?
        .trim();
    // The name ends where the legal words or the years begin: "Bondy Blog
    // Tous droits réservés", "Le Devoir 2002-2020".
    let legal_at = RIGHTS_RESERVED
        .iter()
        .filter_map(|phrase| find_caseless(name, phrase).map(|found| found.start))
        .min()
        .unwrap_or(name.len());
    let mut name = name[..legal_at].trim();
    // Years, not a name's number ("Channel 4" stays).
    while let Some((before, last)) = name.rsplit_once(' ') {
        let year = |y: &str| y.len() == 4 && y.chars().all(|c| c.is_ascii_digit());
        let years = last.split(['-', '–']).all(year);
        if !years {
            break;
        }
        name = before.trim_end();
    }
    // A company's legal form is not part of the site's name ("Chefkoch
    // GmbH", "POLITICO LLC", "JAHR MEDIA GmbH & Co"); a company named after
    // its form ("ООО «Хёрст Шкулёв Паблишинг»") is the owner, not the site.
    let name = name.strip_prefix("by ").unwrap_or(name);
    let form_at = name
        .split_whitespace()
        .position(|w| LEGAL_FORMS.contains(&w.to_lowercase().trim_matches([',', '«', '»', '"'])));
    let name = match form_at {
        Some(0) => return None,
        Some(at) => name
            .split_whitespace()
            .take(at)
            .collect::<Vec<_>>()
            .join(" "),
        None => name.to_string(),
    };
    // Who built the site ("Designed by Gray Digital Media") or a picture's
    // credit ("© Foto: Shutterstock") is not the site's name either.
    let lower = name.to_lowercase();
    let not_the_site = SITE_MAKERS.iter().any(|m| lower.starts_with(m))
        || lower.starts_with("theme ") && lower.contains(" by ")
        || crate::text::structure::is_picture_credit(&name);
    // Four words or more, most in lower case: a sentence ("Alle Inhalte
    // sind urheberrechtlich geschützt"), not a name ("n2g media network").
    const SENTENCE_MIN_WORDS: usize = 4;
    let count = words(&name).count();
    let spaced: Vec<&str> = name.split_whitespace().collect();
    let lower_words = spaced
        .iter()
        .filter(|w| w.starts_with(char::is_lowercase))
        .count();
    let sentence = spaced.len() >= SENTENCE_MIN_WORDS && lower_words * 2 > spaced.len();
    ((1..=MAX_NAME_WORDS).contains(&count) && !not_the_site && !sentence).then_some(name)
}

/// How a footer credits who built the site, lower case.
const SITE_MAKERS: &[&str] = &[
    "designed by",
    "powered by",
    "developed by",
    "made by",
    "site by",
    "theme by",
    "webdesign",
    "realisiert von",
    "umsetzung",
];

/// Words of a company's legal form, lower case.
const LEGAL_FORMS: &[&str] = &[
    "ооо", "оао", "зао", "пао", "ао", "тов", "gmbh", "llc", "ltd", "ltd.", "pty", "sarl", "sàrl",
    "s.a.", "s.l.", "b.v.", "spółka", "sp.",
];

/// How a copyright line says "all rights reserved", lower case.
const RIGHTS_RESERVED: &[&str] = &[
    "all rights",
    "alle rechte",
    "tous droits",
    "todos los derechos",
    "algunos derechos",
    "derechos reservados",
    "some rights",
    "todos os direitos",
    "tutti i diritti",
    "wszelkie prawa",
    "все права",
];

#[cfg(test)]
mod tests {
    use super::*;

    /// What `test` says of each line of `text`, as the parser classifies it.
    fn each_line(text: &str, test: fn(&LineInfo) -> bool) -> Vec<bool> {
        let lines = crate::text::lines::split_lines(text);
        crate::text::classify::classify(&lines, None)
            .iter()
            .map(test)
            .collect()
    }

    #[test]
    fn a_row_of_the_storys_facts_is_no_headline() {
        let text = "Gunter Frank / 22.04.2020 / 06:15 / Foto: Achgut.com / 150 /\n22. Januar 2020 @ 18:13 // Autor: c1ph4 // ~ Lesezeit: 1 Minute\nBericht zur Coronalage vom 22.04.2020 – worauf wartet die Politik?\nPolitik | Wirtschaft | Kultur\nVideo der Sendung vom 16.10.2019 18:15 Uhr | Das Erste";
        // A headline stating a date, fields without one, two fields: no row.
        assert_eq!(
            each_line(text, is_fact_row),
            [true, true, false, false, false]
        );
    }

    #[test]
    fn an_item_of_a_dated_list_is_no_headline() {
        let text = "[ 26. Februar 2020 ] Am Windows Server 2019 einen neuen Datenträger bereitstellen\n(12.11.2021) Trauern digital am Ewigkeitssonntag\n[Rezi] Love is War - Sehnsucht von R. K. Lilley\n[Update 12.11.2021: Die Polizei korrigiert die Zahl] Unfall auf der A8";
        // A date alone in the brackets; not a label, nor a note that states one.
        assert_eq!(each_line(text, is_dated_item), [true, true, false, false]);
    }

    #[test]
    fn an_item_of_a_numbered_list_is_no_headline() {
        let text = "1. Startseite\n2. Presse\n3. Pressemitteilungen des BKA\n4. 2022\n5. Messengerdienste sind kein rechtsfreier Raum\n1. FC Köln holt den Pokal nach Hause\nDer Verein feierte am Abend.\n7. Juli 2022";
        let infos = crate::text::classify::classify(&crate::text::lines::split_lines(text), None);
        let items: Vec<bool> = (0..infos.len())
            .map(|i| is_numbered_item(&infos, i))
            .collect();
        // The trail's steps after the first; not a title opening with a
        // number, nor a date.
        assert_eq!(items, [false, true, true, true, true, false, false, false]);
    }

    #[test]
    fn a_word_alone_may_be_a_headline() {
        // A blog's post or a place's page is titled by one word; a word
        // under four characters never is a headline.
        let text = "Ischgl\nHope!\nNews\nTV\n12. März 2021";
        assert_eq!(
            each_line(text, may_be_headline),
            [true, true, true, false, false]
        );
    }

    #[test]
    fn a_headline_quoted_by_other_lines() {
        let text = "Home › News › Kallas urges calm after the talks\nKallas urges calm after the talks\nRate Kallas urges calm after the talks 1/5\nThe EU foreign policy chief said Kallas urges calm after the talks were over and the ministers had gone home for the holidays, which surprised nobody.\nNews\nNews in brief";
        let infos = crate::text::classify::classify(&crate::text::lines::split_lines(text), None);
        let quotes = PageQuotes::of(&infos);
        // The breadcrumb and the rating prompt; not the long sentence.
        assert_eq!(quotes.quoting("Kallas urges calm after the talks"), 2);
        // Too short a phrase to count.
        assert_eq!(quotes.quoting("News"), 0);
    }

    #[test]
    fn scripts_without_case_are_never_all_caps() {
        let all_caps = |text: &str| {
            let lines = crate::text::lines::split_lines(text);
            let infos = crate::text::classify::classify(&lines, None);
            let quotes = PageQuotes::of(&infos);
            let f = headline_features(&infos, 0, 1, &StoryWords::default(), 10, &quotes);
            let at = HEADLINE_FEATURE_NAMES
                .iter()
                .position(|n| *n == "all_caps")
                .unwrap();
            f[at]
        };
        assert_eq!(all_caps("VANLIFE IN SCHWEDEN\nx"), 1.0);
        assert_eq!(all_caps("وزير الخارجية يزور المنطقة\nx"), 0.0);
        assert_eq!(all_caps("השר מבקר באזור השבוע\nx"), 0.0);
    }

    #[test]
    fn table_rows_contact_lines_openers_and_tag_lists_are_never_headlines() {
        let text = "1A\tAKERDHAL Robert\tMotif\t1911\n\
                    Write to office@lawyer.example for an appointment\n\
                    The ingredients you will need:\n\
                    Follow @newsdesk for the latest\n\
                    ARD, Demonstrationen, Neu, Tagesschau, Top-Thema\n\
                    By VICTOR DAVIS HANSON\n\
                    Share this on WhatsApp\n\
                    A real headline of the story here\n";
        let lines = crate::text::lines::split_lines(text);
        let infos = crate::text::classify::classify(&lines, Some("en"));
        // Headline-shaped, each of them, and still no candidate.
        assert!(infos.iter().all(may_be_headline));
        let candidates: Vec<usize> = headline_candidates(&infos, 7, &StoryWords::default())
            .into_iter()
            .map(|(i, _)| i)
            .collect();
        // A handle is not an address: that line stays a candidate.
        assert_eq!(candidates, vec![3, 7]);
        // A byline alone on its line is none; a title opening with an
        // opener's word is one.
        assert!(is_byline_alone("Written by Ann Lee and Bo Ek"));
        assert!(!is_byline_alone("By the numbers: a year of protests"));
        assert!(!is_byline_alone(
            "Von Mäusen, Menschen und Maschinen im Wandel"
        ));
        // A headline with commas is not a list of tags.
        assert!(!is_page_part(
            "Saraki, Melaye, Ben Bruce Drag IGP Idris to Court, Demand N500m"
        ));
        // A marked list's item, and cells a text browser set apart by spaces.
        assert!(is_page_part("* Davis Cup"));
        assert!(is_page_part("+ Who Pays for PolitiFact"));
        assert!(is_page_part(
            "HD      THE HOME DEPOT INC.    225.86  -12.99"
        ));
        assert!(!is_page_part("Home Depot sales miss, shares plunge"));
        // A web address alone; not a title that names a site.
        assert!(is_page_part(
            "https://www.mysanantonio.com/sports/article/LeBron-sets-triple-double-mark.php"
        ));
        assert!(!is_page_part("www.wirtschaftproklima.de startet neu"));
        // A picture a text browser names in brackets; a title with a tag in
        // brackets stays.
        assert!(is_page_part("[Werkliste-Abb]"));
        assert!(!is_page_part("[Rezi] Love is War - Sehnsucht"));
        // A breadcrumb trail alone; not one that ends in a title, is
        // labelled, or a sum.
        assert!(is_page_part("Business News›Tech›Hardware"));
        assert!(is_page_part(
            "Home » Hochbau » Leistungen » Tragwerksplanung"
        ));
        for named in [
            "Home » Recipes » Olive & Herb Focaccia Bread",
            "Sie sind hier: Home » Europa » Emden",
            "Inflation > 5%: what it means",
            "Stocks → Bonds",
        ] {
            assert!(!is_page_part(named), "{named}");
        }
    }

    #[test]
    fn an_arabic_story_dated_in_arabic_indic_digits() {
        let paragraph = "قرر المجلس البلدي يوم الثلاثاء إبقاء المكتبة العامة مفتوحة، بعد عام من احتجاجات القراء والعاملين فيها، وتمويلها من ميزانية الثقافة في المدينة.";
        let text = format!(
            "الرئيسية\nأخبار\n\nالمجلس البلدي يقرر إبقاء المكتبة العامة مفتوحة\n\n١٢ مارس ٢٠٢٥ - ١٠:٤٥\n\n{paragraph}\n\n{paragraph}\n"
        );
        let article = crate::parse_text(&text);
        assert_eq!(
            article.headline.as_deref(),
            Some("المجلس البلدي يقرر إبقاء المكتبة العامة مفتوحة")
        );
        assert_eq!(article.published.as_deref(), Some("2025-03-12T10:45"));
        assert_eq!(
            article.published_text.as_deref(),
            Some("١٢ مارس ٢٠٢٥ - ١٠:٤٥")
        );
        assert!(article.body.iter().all(|b| !b.text.contains("٢٠٢٥")));
    }

    #[test]
    fn a_name_under_a_lone_by_is_the_byline_not_the_headline() {
        // As a text tool sets a byline's two elements: each on its own line.
        let paragraph = "It was the shot to the head heard round the world. In the closing seconds of last week's game, the defensive end pulled off the quarterback's helmet and swung it at him.";
        let text = format!(
            "* Opinion\n* Commentary\n\nIs Football Violence a Crime?\n\nNFL assaults have led to lawsuits before. But a prosecutor would have difficulty proving a charge in court.\n\nBy\nRandy Maniloff\nNov. 18, 2019 7:04 pm ET\n\n{paragraph}\n\n{paragraph}\n\nTo Read the Full Story\nSubscribe Sign In\n"
        );
        let article = crate::parse_text(&text);
        assert_eq!(
            article.headline.as_deref(),
            Some("Is Football Violence a Crime?")
        );
        assert_eq!(article.byline, vec!["Randy Maniloff"]);
    }

    #[test]
    fn a_credit_line_or_credited_caption_is_never_a_headline() {
        let text = "Foto: dpa/Michael Kappeler\n\
            Photos: Scenes from the parade in New York\n\
            The core stage of the first SLS after the installation of its engines. (credit: NASA/Jude Guidry)\n\
            Seeking a bigger role for a big rocket (Part 2)\n\
            Einen Studienplatz, aber keine Wohnung? Foto: Ingo Schneider\n\
            Warum die Oper schließt. Quelle: Stadtrat\n";
        let lines = crate::text::lines::split_lines(text);
        let infos = crate::text::classify::classify(&lines, Some("en"));
        assert!(!may_be_headline(&infos[0]));
        // A gallery's title that opens like a credit still may be.
        assert!(may_be_headline(&infos[1]));
        // A caption ending in its picture's credit, in brackets or after
        // its last sentence, is not; a headline ending in other brackets
        // is, and so is a line that names a source, not a picture's.
        assert!(!may_be_headline(&infos[2]));
        assert!(may_be_headline(&infos[3]));
        assert!(!may_be_headline(&infos[4]));
        assert!(may_be_headline(&infos[5]));
    }

    #[test]
    fn a_line_that_states_its_moment_is_no_headline() {
        let text = "Aus der Region 6. November 2023 15:00 Kommentar schreiben\n\
            1. November 20231. November 2023 Bockenem, Nordstraße, Polizei\n\
            Bericht zur Coronalage vom 22.04.2020 – worauf wartet die Politik?\n\
            Updated Nov 19, 9:41 AM;Posted Nov 18, 8:19 PM\n\
            Update 2: Police say the 10:30 train is running again\n";
        let lines = crate::text::lines::split_lines(text);
        let infos = crate::text::classify::classify(&lines, Some("de"));
        // A date with its time, one day twice: the story's facts.
        assert!(states_its_moment(&infos[0]));
        assert!(states_its_moment(&infos[1]));
        // A headline may name the day it reports on.
        assert!(!states_its_moment(&infos[2]));
        // An update's time without its year; not a headline that names
        // its update and a time.
        assert!(states_its_moment(&infos[3]));
        assert!(!states_its_moment(&infos[4]));
    }

    #[test]
    fn a_copyright_line_gives_its_latest_year() {
        assert_eq!(
            copyright_year("Wccftech © 2019 NewAge ADS, LLC."),
            Some(2019)
        );
        assert_eq!(
            copyright_year("Copyright © 2002-2019 - Designed by X"),
            Some(2019)
        );
        assert_eq!(copyright_year("© Channel 4"), None);
        assert_eq!(copyright_year("Founded in 2019 by two friends"), None);
    }

    #[test]
    fn a_name_before_the_copyright_mark() {
        assert_eq!(
            name_before_copyright("Wccftech © 2019 NewAge ADS, LLC. All rights reserved."),
            Some("Wccftech")
        );
        assert_eq!(name_before_copyright("© 2019 Example News"), None);
        assert_eq!(
            name_before_copyright("all content © 2019 Example News"),
            None
        );
    }

    #[test]
    fn site_names_from_copyright() {
        assert_eq!(
            source_from_copyright("© 2025 Interfax-Ukraine. All rights reserved."),
            Some("Interfax-Ukraine".into())
        );
        assert_eq!(
            source_from_copyright("Copyright ©2019 Dow Jones & Company, Inc. All Rights Reserved."),
            Some("Dow Jones & Company".into())
        );
        assert_eq!(
            source_from_copyright("© BONDY BLOG TOUS DROITS RESERVES").as_deref(),
            Some("BONDY BLOG")
        );
        assert_eq!(
            source_from_copyright("© Le Devoir 2002-2020").as_deref(),
            Some("Le Devoir")
        );
        assert_eq!(
            source_from_copyright("© 2020 Alle Rechte vorbehalten"),
            None
        );
        assert_eq!(
            source_from_copyright("© Channel 4").as_deref(),
            Some("Channel 4")
        );
        // No-break spaces, a bullet before a credit, an association's form.
        assert_eq!(
            source_from_copyright("©\u{a0}FOCUS\u{a0}Online\u{a0}1996-2020").as_deref(),
            Some("FOCUS Online")
        );
        assert_eq!(
            source_from_copyright("© 2020 TALENT Schweiz • Powered by GeneratePress").as_deref(),
            Some("TALENT Schweiz")
        );
        assert_eq!(
            source_from_copyright("Copyright 2018 - Deutsche Gesellschaft für Sonnenenergie e.V.")
                .as_deref(),
            Some("Deutsche Gesellschaft für Sonnenenergie")
        );
        // A sentence, a theme's credit: no site's name; a name in lower case is one.
        assert_eq!(
            source_from_copyright(
                "Copyright 2019\u{a0}- Alle Inhalte sind urheberrechtlich geschützt"
            ),
            None
        );
        assert_eq!(
            source_from_copyright("© 2016 Theme Blass by 1000ff | Powered by WordPress"),
            None
        );
        assert_eq!(
            source_from_copyright("© 2019 agrarheute.com").as_deref(),
            Some("agrarheute")
        );
        assert_eq!(
            source_from_copyright("© 2001 - 2020 n2g media network - Alle Rechte vorbehalten")
                .as_deref(),
            Some("n2g media network")
        );
        assert_eq!(
            source_from_copyright("copyright by Greator").as_deref(),
            Some("Greator")
        );
        // Who built the site or the company that owns it is not its name.
        assert_eq!(
            source_from_copyright(
                "Copyright © 2002-2019 - Designed by Gray Digital Media - Powered by Clickability"
            ),
            None
        );
        assert_eq!(
            source_from_copyright("Copyright (с) ООО «Хёрст Шкулёв Паблишинг», 2019."),
            None
        );
        assert_eq!(
            source_from_copyright("© Foto: marcogarrincha/Shutterstock"),
            None
        );
        assert_eq!(
            source_from_copyright("Copyright (c) 2019 Example News. All rights reserved.")
                .as_deref(),
            Some("Example News")
        );
    }
}

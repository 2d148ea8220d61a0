//! The story's header: headline, section, dateline, byline, reading time
//! and the site's name, found around the start of the story's span.

use std::collections::HashSet;

use crate::body::{prose, Prose};
use crate::classify::LineInfo;
use crate::dateline::mlp_score;
use crate::dates::FoundDate;
use crate::form::Form;
use crate::headline_model::HEADLINE_WEIGHTS;
use crate::headline_wrapped_model::HEADLINE_WRAPPED_WEIGHTS;
use crate::language::{find_caseless, is_cjk, mentions_any, strip_prefix_caseless, words};

/// How many lines above the story's first line the headline may stand.
const HEADLINE_LOOKBACK: usize = 80;
/// How many lines into the story the headline may stand.
const HEADLINE_LOOKAHEAD: usize = 3;
/// Words and characters a headline has.
const HEADLINE_WORDS: std::ops::RangeInclusive<usize> = 2..=40;
const HEADLINE_CHARS: std::ops::RangeInclusive<usize> = 10..=300;
/// Words at least this long count as content words when comparing a
/// candidate headline with the story's words.
const CONTENT_WORD_MIN_CHARS: usize = 4;

/// Names of the features [`headline_features`] gives, in order; the
/// weights in `headline_model.rs` follow the same order.
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
];
pub const HEADLINE_FEATURES: usize = 33;

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
    let prose_lines = lines[story].iter().filter(|l| prose(l) == Prose::Running);
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
}

/// A line of cells (innerText puts a tab between a table's cells, text
/// browsers runs of spaces), an item of a marked list, one that gives an
/// e-mail address, one that opens what follows it ("The ingredients:"),
/// or a list of tags: parts of a page, never its headline.
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
        // Cells set apart by runs of spaces, as text browsers lay out tables.
        || text.contains('\t')
        || text.contains("   ")
        || text.ends_with(':')
        || text.split_whitespace().any(|w| {
            w.split_once('@').is_some_and(|(name, host)| {
                !name.is_empty() && host.trim_end_matches(['.', ',', ')']).contains('.')
            })
        })
}

/// Words a picture's credit line has at most: "Photos: Scenes from the
/// parade in New York" is a gallery's headline, not a credit.
const CREDIT_MAX_WORDS: usize = 5;

/// A line that is only a picture's credit ("Foto: dpa/Michael Kappeler").
fn is_credit_line(info: &LineInfo) -> bool {
    info.words <= CREDIT_MAX_WORDS && crate::structure::split_credit(info.text()).0.is_empty()
}

/// The features of line `i` as the headline of a story starting at `story`.
pub fn headline_features(
    lines: &[LineInfo],
    i: usize,
    story: usize,
    story_words: &StoryWords,
    longest_nearby: usize,
) -> [f32; HEADLINE_FEATURES] {
    let info = &lines[i];
    let text = info.text();
    let flag = |b: bool| if b { 1.0 } else { 0.0 };
    let below = &lines[i + 1..(i + 4).min(lines.len())];
    let above = &lines[i.saturating_sub(3)..i];
    let packed = |l: Option<&LineInfo>| {
        l.is_some_and(|l| !l.line.blank_before && l.words <= 4 && prose(l) == Prose::NotProse)
    };
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
    let in_story = content
        .iter()
        .filter(|w| story_words.opening.contains(*w))
        .count();
    let digits = text.chars().filter(char::is_ascii_digit).count();
    let between = (i.min(story)..i.max(story))
        .filter(|&j| may_be_headline(&lines[j]))
        .count();
    let in_first = content
        .iter()
        .filter(|w| story_words.first_paragraph.contains(*w))
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
        flag(all_caps),
        capitalised as f32 / line_words.len().max(1) as f32,
        in_story as f32 / content.len().max(1) as f32,
        flag(
            !info.line.blank_before
                && packed(i.checked_sub(1).and_then(|j| lines.get(j)))
                && packed(lines.get(i + 1)),
        ),
        flag(text.contains(" | ") || text.contains(" - ") || text.contains(" – ")),
        digits as f32 / info.chars.max(1) as f32,
        info.words as f32 / longest_nearby.max(1) as f32,
        flag(prose(info) == Prose::Running),
        flag(text.contains(':')),
        (between as f32 / 10.0).min(3.0),
        flag(below.iter().take(2).any(|l| prose(l) == Prose::Running)),
        flag(!info.dates.is_empty()),
        flag(
            SITE_PROMPT_WORDS
                .iter()
                .any(|w| text.to_lowercase().contains(w)),
        ),
        i as f32 / lines.len().max(1) as f32,
        (story.saturating_sub(i) as f32 / 40.0).min(2.0),
        in_first as f32 / content.len().max(1) as f32,
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
    ]
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
    // Table rows and contact lines still count as the lines around a
    // candidate (`longest_nearby`), but are never candidates themselves.
    candidates
        .into_iter()
        .filter(|&i| !is_page_part(lines[i].text()))
        // A name under an opener or label alone on its line ("By" /
        // "Randy Maniloff": a tool that set the byline's two elements on
        // lines of their own) is the byline.
        .filter(|&i| i == 0 || labeled_name_below(lines[i - 1].text(), lines[i].text()).is_none())
        .map(|i| (i, headline_features(lines, i, story, story_words, longest)))
        .collect()
}

/// Index of the headline for a story whose span starts at `story`: the
/// candidate the learned model scores highest. Text read as innerText has
/// its model (`headline_model.rs`); text rejoined from a wrapped or
/// Markdown form its own (`headline_wrapped_model.rs`), because there
/// every block stands between blank lines and a headline's neighbours
/// look different.
pub fn find_headline(
    lines: &[LineInfo],
    story: usize,
    story_words: &StoryWords,
    form: Form,
) -> Option<usize> {
    let weights: &[f32] = match form {
        Form::Text => &HEADLINE_WEIGHTS,
        Form::Wrapped | Form::Markdown => &HEADLINE_WRAPPED_WEIGHTS,
    };
    headline_candidates(lines, story, story_words)
        .into_iter()
        .map(|(i, f)| (i, mlp_score(weights, &f)))
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(i, _)| i)
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

/// Lines above the headline and below it where its dateline may stand.
const DATELINE_ABOVE: usize = 6;
const DATELINE_BELOW: usize = 12;

/// A date found on a line: the line's index and the date.
pub type Dateline<'l> = (usize, &'l FoundDate);

/// The published and updated dates nearest the headline (or the story's
/// start), each with its line index. Datelines stand just above or below
/// the headline, never deep inside the story, so the search stops a few
/// lines into it.
pub fn find_datelines<'l>(
    lines: &'l [LineInfo],
    anchor: usize,
    story_start: usize,
) -> (Option<Dateline<'l>>, Option<Dateline<'l>>) {
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
        if prose(&lines[i]) == Prose::Running && !lines[i].date_only {
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
    (published, updated)
}

/// Words that open a byline, lower case ("By", "Von", "Par", "Автор:").
const BYLINE_OPENERS: &[&str] = &[
    "by",
    "von",
    "par",
    "por",
    "di",
    "door",
    "autor",
    "autorin",
    "author",
    "autore",
    "auteur",
    "автор",
    "авторка",
    "текст",
    "text",
    "texte",
    "written by",
    "reporting by",
    "posted by",
    "published by",
    "geschrieben von",
    "veröffentlicht von",
    "eingestellt von",
    "erstellt von",
    "gespeichert von",
    "verfasst von",
    "publié par",
    "publicado por",
    "pubblicato da",
    "gepostet von",
    "escribe",
    "escrito por",
    // Arabic "with the pen of", "wrote"; Hebrew "by", "wrote".
    "بقلم",
    "كتب",
    "كتبت",
    "מאת",
    "כתב",
    "כתבה",
];

/// Words that label a byline or a date, never a name ("Posted", "Publié
/// le", "Zuletzt aktualisiert").
const BYLINE_LABELS: &[&str] = &[
    "posted",
    "published",
    "updated",
    "geschrieben",
    "veröffentlicht",
    "eingestellt",
    "erstellt",
    "gespeichert",
    "verfasst",
    "zuletzt",
    "aktualisiert",
    "publié",
    "publiée",
    "publicado",
    "publicada",
    "pubblicato",
    "admin",
    "administrator",
    "publiziert",
    "stand",
    "artikel",
    "article",
    "hecho",
    "last",
];

/// Words that are never a name on their own: articles and weekdays ("Eine",
/// "Donnerstag", a label's first word).
const NOT_NAMES: &[&str] = &[
    "a",
    "an",
    "the",
    "ein",
    "eine",
    "der",
    "die",
    "das",
    "le",
    "la",
    "les",
    "el",
    "los",
    "un",
    "una",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "montag",
    "dienstag",
    "mittwoch",
    "donnerstag",
    "freitag",
    "samstag",
    "sonntag",
    "lundi",
    "mardi",
    "mercredi",
    "jeudi",
    "vendredi",
    "samedi",
    "dimanche",
    "lunes",
    "martes",
    "miércoles",
    "jueves",
    "viernes",
    "sábado",
    "domingo",
    "phd",
    "md",
    "mba",
    "dr",
    "prof",
];

/// Whether a one-word name is a label, an opener, an article, a month or a
/// weekday rather than a name.
fn is_label_word(word: &str) -> bool {
    let lowered = word.to_lowercase();
    let lowered = lowered.as_str();
    BYLINE_OPENERS.contains(&lowered)
        || BYLINE_LABELS.contains(&lowered)
        || NOT_NAMES.contains(&lowered)
        || crate::dates::month_number(lowered).is_some()
}

/// Words a byline holds at most.
const BYLINE_MAX_WORDS: usize = 14;

/// Words that give a byline's person a role, not a name: they and what
/// follows are cut ("Meg James Staff Writer", "Tim Childers - Live Science
/// Contributor").
const BYLINE_ROLES: &[&str] = &[
    "staff",
    "writer",
    "contributor",
    "correspondent",
    "reporter",
    "editor",
    "redakteur",
    "redakteurin",
    "korrespondent",
    "korrespondentin",
    "journalist",
    "journalistin",
    "columnist",
    "photographer",
    "rédacteur",
    "rédactrice",
    "redactor",
    "redactora",
];

/// Small words a name may hold in lower case ("Ursula von der Leyen").
const NAME_PARTICLES: &[&str] = &[
    "von", "van", "der", "den", "de", "del", "della", "da", "dos", "du", "la", "le", "di", "y",
    "bin", "al", "ter", "zu",
];

/// Whether a word is one of the small words a name may hold ("von", "de").
pub fn is_name_particle(word: &str) -> bool {
    NAME_PARTICLES.contains(&word)
}

/// Whether `text` has a byline's opener among its words ("… 2019 by
/// Ann Lee", "von Ulrike"): a line that says who wrote, not a guess from
/// capitals beside a date.
pub fn has_byline_opener(text: &str) -> bool {
    let lowered = format!(" {} ", text.to_lowercase().replace(':', " "));
    BYLINE_OPENERS
        .iter()
        .any(|o| lowered.contains(&format!(" {o} ")))
}

/// Where a byline's opener ends in `text`: "By Ann Lee", "ByAnn Lee" (a
/// page that set the name in its own element), or after a date
/// ("October 19, 2019 by Ann Lee").
fn byline_opener_end(text: &str) -> Option<usize> {
    let starts = |at: usize| {
        BYLINE_OPENERS.iter().find_map(|o| {
            let rest = strip_prefix_caseless(text.get(at..)?, o)?;
            // "Autor: Ann Lee", never the gender form "Autor:innen".
            let spaced = rest.starts_with(char::is_whitespace)
                || rest
                    .strip_prefix(':')
                    .is_some_and(|r| r.is_empty() || r.starts_with(char::is_whitespace));
            spaced.then_some(text.len() - rest.len())
        })
    };
    if let Some(end) = starts(0) {
        return Some(end);
    }
    // "ByAnn Lee", "Veröffentlicht vonChris Jung": the capital right
    // after the opener starts the name (the page set it in its own element).
    for opener in BYLINE_OPENERS {
        let Some(name) = strip_prefix_caseless(text, opener) else {
            continue;
        };
        // "ByAnn", "ByJ.R.": a capital, then a small letter or a dot.
        let mut chars = name.chars();
        if chars.next().is_some_and(char::is_uppercase)
            && chars.next().is_some_and(|c| c.is_lowercase() || c == '.')
        {
            return Some(text.len() - name.len());
        }
    }
    // A date, then the opener.
    let at = [" by ", " von ", " par ", " por "]
        .iter()
        .find_map(|o| find_caseless(text, o).map(|found| found.start + 1))?;
    let before = &text[..at];
    let dated = before.chars().any(|c| c.is_ascii_digit()) && words(before).count() <= 6;
    dated.then(|| starts(at)).flatten()
}

/// A name as a byline writes it, without a role or date glued to it:
/// capitalised words (and particles), up to the first other word.
/// Where a role glued to the end of a name's word starts: "JamesStaff"
/// gives 5; `None` when the word has no such role.
fn glued_role(word: &str) -> Option<usize> {
    let (at, _) = word.char_indices().skip(1).find(|&(at, c)| {
        c.is_uppercase() && word[..at].chars().last().is_some_and(char::is_lowercase)
    })?;
    let tail = word[at..].trim_end_matches(|c: char| !c.is_alphanumeric());
    BYLINE_ROLES
        .contains(&tail.to_lowercase().as_str())
        .then_some(at)
}

/// A word that may start a name: a capital, or a letter of a script
/// without case (Arabic, Hebrew).
fn starts_like_a_name(word: &str) -> bool {
    word.chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || (c.is_alphabetic() && !c.is_lowercase()))
}

fn clean_name(name: &str) -> &str {
    let mut end = 0;
    for (at, word) in name
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - name.as_ptr() as usize, w))
    {
        let bare = word.trim_matches(|c: char| !c.is_alphanumeric());
        let lower = bare.to_lowercase();
        let capital = starts_like_a_name(bare);
        let particle = NAME_PARTICLES.contains(&lower.as_str());
        // "Andrea Kategorien: Allgemein": a label starts after the name.
        if word.ends_with(':') && end > 0 {
            break;
        }
        if BYLINE_ROLES.contains(&lower.as_str())
            || BYLINE_LABELS.contains(&lower.as_str())
            || crate::dates::month_number(&lower).is_some() && end > 0
            || !(capital || particle)
        {
            break;
        }
        // "JamesStaff": a role run into the name by a page's inline
        // elements ends the name where the role starts.
        if let Some(glued) = glued_role(word) {
            end = at + glued;
            break;
        }
        // A particle only inside a name: "Veröffentlicht von" ends before it.
        if capital {
            end = at + word.len();
        }
    }
    let name = name[..end].trim_end_matches([',', ':']).trim();
    // A closing initial keeps its dot ("Juan Carlos Muñoz C."), a word not.
    let last = name.rsplit(' ').next().unwrap_or(name);
    if last.trim_end_matches('.').chars().count() == 1 && name.contains(' ') {
        name
    } else {
        name.trim_end_matches('.').trim()
    }
}

/// Of the words in `text` before its first separator or digit, how many
/// belong to `names` (or join them, or are one of `joiners`), and how many
/// there are.
fn named_words(
    names: &[String],
    text: &str,
    separators: &[char],
    joiners: &[&str],
) -> (usize, usize) {
    let given = text
        .split(separators)
        .next()
        .unwrap_or("")
        .split(|c: char| c.is_ascii_digit())
        .next()
        .unwrap_or("");
    let (mut named, mut all) = (0, 0);
    for word in words(given) {
        let lower = word.to_lowercase();
        all += 1;
        if names.iter().any(|n| n.contains(word))
            || NAME_JOINERS.contains(&lower.as_str())
            || joiners.contains(&lower.as_str())
        {
            named += 1;
        }
    }
    (named, all)
}

/// Words joining the names of a byline ("Ann Lee and Bo Ek").
const NAME_JOINERS: &[&str] = &["and", "und", "et", "y", "e", "i", "и", "і"];

/// The names in a byline such as "By Sarah E. Needleman" or
/// "Von Anna Muster und Max Beispiel", or `None` if the line is not one.
pub fn byline_names(text: &str) -> Option<Vec<String>> {
    // "---- by Kenneth Surin": rules and bullets before the opener.
    // (Never a copyright sign: "© by WhatsBroadcast" names no author.)
    let text = text.trim_start_matches(|c: char| c.is_whitespace() || "-–—•·*>".contains(c));
    // What follows a pipe or a spaced dash ("| Oct 24, 2023 | Updated: …",
    // "- Chrome Safe Browsing team") is not counted.
    let head = text.split('|').next().unwrap_or(text);
    let head = head.split(" - ").next().unwrap_or(head);
    if words(head).count() > BYLINE_MAX_WORDS {
        return None;
    }
    let opener_end = byline_opener_end(text)?;
    let rest = text[opener_end..].trim_start_matches([':', ' ']);
    // The names end where a date, a pipe, a dash or a bracket begins.
    let rest = rest
        .split(['|', '—', '–', '·', '∙', '\u{2022}', '('])
        .next()
        .unwrap_or("")
        .split(" - ")
        .next()
        .unwrap_or("")
        .split(|c: char| c.is_ascii_digit())
        .next()
        .unwrap_or("");
    let mut names = Vec::new();
    let mut phrases = 0;
    for part in rest.split([',', '&', '/', ';']) {
        for name in split_on_words(
            part,
            &[" and ", " und ", " et ", " y ", " e ", " i ", " и ", " і "],
        ) {
            let part_words = words(name).count();
            let name = clean_name(name.trim());
            let capitalised = starts_like_a_name(name);
            let count = words(name).count();
            if capitalised && (1..=5).contains(&count) && !(count == 1 && is_label_word(name)) {
                names.push(name.to_string());
            } else if count == 0 && part_words > 1 {
                phrases += 1;
            }
        }
    }
    // One-word "names" listed beside a phrase are things: "Von
    // Sprachregeln, Gender-Politik und «ganz normalem Deutsch»".
    let things = phrases > 0 && names.len() > 1 && names.iter().all(|n| !n.contains(' '));
    (!names.is_empty() && !things).then_some(names)
}

/// Openers that also begin ordinary phrases ("von Risiken und
/// Nebenwirkungen", "by the river"): alone they only open a byline where
/// the line is the byline's own.
const PHRASE_OPENERS: &[&str] = &[
    "by", "von", "par", "por", "di", "door", "text", "texte", "escribe",
];

/// The names of a byline line read away from the headline: an opener that
/// only a byline has, first on its line ("Posted by Ann Lee at 18:52",
/// "Eingestellt von Weinlachgummi"), or a line that is nothing but a
/// common opener and full names, a date at most before it ("By Celia
/// Parbey", "von Marc Scheloske | 20. Mai 2007").
pub fn byline_line_anywhere(text: &str) -> Option<Vec<String>> {
    let end = byline_opener_end(text)?;
    let before = text[..end].to_lowercase();
    let before = before.trim_end_matches(':').trim_end();
    let opener = BYLINE_OPENERS
        .iter()
        .filter(|o| before.ends_with(**o))
        .max_by_key(|o| o.len())?;
    let lead = before[..before.len() - opener.len()].trim();
    let dated_lead = lead.is_empty() || lead.chars().filter(char::is_ascii_digit).count() >= 4;
    let Some(names) = byline_names(text) else {
        // "By oradmin", "Publiziert am 13. Januar 2014 von uriebe": a user
        // handle alone after the opener. A noun needs its colon: "Author
        // information" is a heading.
        let colon = text[end..].starts_with(':');
        let noun = !opener.contains(' ') && !PHRASE_OPENERS.contains(opener);
        let rest = text[end..].trim_start_matches(':').trim();
        let alone = rest.split_whitespace().count() == 1;
        return (alone && dated_lead && (colon || !noun))
            .then(|| author_handle(rest))
            .flatten()
            .map(|h| vec![h]);
    };
    if lead.is_empty() && !PHRASE_OPENERS.contains(opener) {
        return Some(names);
    }
    let full_names = names.iter().all(|n| {
        n.split_whitespace().count() >= 2
            && !n
                .split_whitespace()
                .any(|w| NOT_NAMES.contains(&w.to_lowercase().as_str()))
    });
    let (named, all) = named_words(
        &names,
        &text[end..],
        &['|', '·', '—', '–', '•'],
        DATE_JOINERS,
    );
    let covered = named == all;
    (full_names && dated_lead && covered).then_some(names)
}

/// The names a dateline gives beside its date: "Gunter Frank / 22.04.2020 /
/// 06:15", "11.12.2019 - Amelie Loevenich", "06.11.2023 13:30 von Olga",
/// "Ein Artikel von Pamela Sladky | 27.01.2022", "Verfasst von: anna | 31.
/// Dezember 2008". `dates` are the byte ranges of the line's dates.
/// `text` with each of its `dates` (byte ranges, in order) replaced by
/// `mark`; `None` when the ranges overlap or cut a character.
pub fn without_dates(text: &str, dates: &[(usize, usize)], mark: char) -> Option<String> {
    let mut undated = String::with_capacity(text.len());
    let mut at = 0;
    for &(start, end) in dates {
        if start < at || !text.is_char_boundary(start) || !text.is_char_boundary(end) {
            return None;
        }
        undated.push_str(&text[at..start]);
        undated.push(mark);
        at = end;
    }
    undated.push_str(&text[at..]);
    Some(undated)
}

/// The names a line gives as a byline: "By …" ([`byline_names`]), or
/// around its dates ([`dated_byline`]: "17/11/2019 ~ Cem Basman").
pub fn line_byline(info: &LineInfo) -> Option<Vec<String>> {
    byline_names(info.text()).or_else(|| dated_byline(info.text(), &info.date_spans()))
}

pub fn dated_byline(text: &str, dates: &[(usize, usize)]) -> Option<Vec<String>> {
    const MAX_LABEL_WORDS: usize = 3;
    if dates.is_empty() || words(text).count() > BYLINE_MAX_WORDS + 4 {
        return None;
    }
    let undated = without_dates(text, dates, '|')?;
    let pieces = undated
        .split(['|', '/', '·', '∙', '•', '–', '—', '~'])
        .flat_map(|p| p.split(" - "))
        .map(|p| p.trim_matches(|c: char| c.is_whitespace() || c == '-' || c == ','))
        .filter(|p| p.chars().any(char::is_alphabetic))
        .collect::<Vec<_>>();
    for (at, &piece) in pieces.iter().enumerate() {
        // The opener may follow a short label ("Ein Artikel von", "Gespeichert von").
        // "Verfasst von: mitundvoneinander": the opener may end in a colon.
        let opener_at = [" von ", " by ", " par ", " por ", " di ", " door "]
            .iter()
            .flat_map(|o| [o.to_string(), format!("{}:", o.trim_end())])
            .filter_map(|o| find_caseless(piece, &o).map(|found| found.start + 1))
            .min()
            .filter(|&i| words(&piece[..i]).count() <= MAX_LABEL_WORDS);
        // Or open the piece ("Autor: c1ph4").
        let opener_at = opener_at.or_else(|| byline_opener_end(piece).map(|_| 0));
        let from_opener = opener_at.map(|i| &piece[i..]);
        if let Some(names) = byline_names(from_opener.unwrap_or(piece)) {
            return Some(names);
        }
        if let Some(rest) = from_opener {
            let handle = byline_opener_end(rest).map_or(rest, |end| &rest[end..]);
            let handle = handle.trim();
            let handle = DATE_JOINERS
                .iter()
                .find_map(|j| handle.strip_suffix(j).filter(|h| h.ends_with(' ')))
                .unwrap_or(handle);
            if let Some(handle) = author_handle(handle) {
                return Some(vec![handle]);
            }
        }
        // A bare name beside the date: two to four capitalised words, and
        // at most a word joining it to the date ("Jon Nitz am", "Ann Lee on"),
        // first or second on the line ("Arne Sjöström | 30. Dezember 2022 |
        // HR-Welt"), not after the categories ("01.12.2022 / CSP / … / Top
        // Solar News"), and no word of it a button ("View Comments").
        let name = clean_name(piece);
        let joined = piece[name.len()..].trim_start_matches('.').trim();
        if at < BARE_NAME_PIECES
            && !name
                .split_whitespace()
                .any(|w| crate::furniture::furniture_reason(w).is_some())
            && (joined.is_empty() || DATE_JOINERS.contains(&joined))
            && !name.contains(':')
            && (2..=4).contains(&name.split_whitespace().count())
            && name.chars().any(char::is_lowercase)
            && !words(name).any(is_label_word)
        {
            return Some(vec![name.to_string()]);
        }
    }
    None
}

/// Of a dateline's pieces, how many first ones may be a bare name.
const BARE_NAME_PIECES: usize = 2;

/// Labels that name a story's author with a colon, lower case ("Autor: …",
/// "Text: …", "Auteur : …").
const BYLINE_LABELS_COLON: &[&str] = &[
    "autor",
    "autorin",
    "author",
    "authors",
    "text",
    "texte",
    "texto",
    "testo",
    "von",
    "by",
    "auteur",
    "autore",
    "verfasser",
    "redaktion",
    "kolumnist",
    "kolumnistin",
    "kolumnist*in",
    "columnist",
    "автор",
    "текст",
];

/// Headings of the box about a story's author, above the author's name.
const AUTHOR_BOX_HEADINGS: &[&str] = &[
    "about the author",
    "über den autor",
    "über die autorin",
    "à propos de l'auteur",
    "sobre el autor",
    "sobre la autora",
    "об авторе",
];

/// Labels that are also a form's fields ("Von:" / "Bis:" in a search
/// form, "Text:" over a box): alone on a line, they name no author.
const FIELD_LIKE_LABELS: &[&str] = &["von", "by", "text", "texte", "texto", "testo", "текст"];

/// The author named by a label alone on its line ("Autor:") and the line
/// after it ("Peter Maahn/SP-X"), as a page sets them in two elements. A
/// label that is also a form's field needs a bare name below it
/// (`next_is_name`): "Von:" / "Götz Warnke", not "Von:" / "Suche…".
pub fn labeled_byline_below(
    label_line: &str,
    next: &str,
    next_is_name: bool,
) -> Option<Vec<String>> {
    let bare_name = next_is_name && !next.ends_with(['.', '…']);
    let label = label_line.strip_suffix(':')?.trim().to_lowercase();
    let field_like = FIELD_LIKE_LABELS.contains(&label.as_str());
    if !BYLINE_LABELS_COLON.contains(&label.as_str()) || field_like && !bare_name {
        return None;
    }
    labeled_part(&format!("{label_line} {next}"))
}

/// The author named by a label alone on its line above a bare name, as
/// a page sets them in two elements: a label without its colon ("Autor" /
/// "Jon Nitz"), an opener alone ("Geschrieben von" / "Benjamin-Immanuel
/// Hoff", "By" / "David Brand") or the heading of an author's box ("About
/// the author"). `next` must be a line that is only a name.
pub fn labeled_name_below(label_line: &str, next: &str) -> Option<Vec<String>> {
    let bare = bare_label(label_line);
    let bare = bare.as_str();
    let labels = [BYLINE_OPENERS, BYLINE_LABELS_COLON, AUTHOR_BOX_HEADINGS];
    (labels.iter().any(|l| l.contains(&bare)) && !next.ends_with(['.', '…']))
        .then(|| byline_names(&format!("By {next}")))
        .flatten()
}

/// A label line in lower case, without its colon and without the ending
/// German labels add for every gender ("AUTOR*IN", "Autor/in", "Autor:in").
fn bare_label(label_line: &str) -> String {
    const GENDER_ENDINGS: &[&str] = &["/-in", "/in", "*in", ":in", "_in", "/innen", "*innen"];
    let bare = label_line
        .trim()
        .trim_end_matches(':')
        .trim_end()
        .to_lowercase();
    GENDER_ENDINGS
        .iter()
        .find_map(|e| bare.strip_suffix(e))
        .map_or(bare.clone(), str::to_string)
}

/// The user handle under an opener or label alone on its line ("by" /
/// "delta201", "Artikel von:" / "hausinfo"): one word, as a page sets a
/// user's name in a link of its own.
pub fn labeled_handle_below(label_line: &str, next: &str) -> Option<Vec<String>> {
    // An opener alone ("by", "von") or a label with its colon ("Artikel
    // von:", "Autor:"), never a menu's noun ("Redaktion" over "Kontakt").
    let handle = next.trim();
    // Read line by line over the page: the one-word test first.
    if handle.contains(char::is_whitespace) || handle.is_empty() {
        return None;
    }
    let bare = bare_label(label_line);
    let labelled = BYLINE_OPENERS.contains(&bare.as_str())
        || label_line.trim_end().ends_with(':')
            && (BYLINE_LABELS_COLON.contains(&bare.as_str())
                || bare.ends_with(" von")
                || bare.ends_with(" by"));
    // A handle as users write them ("delta201", "hausinfo", "the_pain"):
    // a capitalised word alone ("Relevance" under "Sort by", "Fecha"
    // under "Por") is a control's or a menu's.
    let handle_like = handle.chars().any(|c| c.is_ascii_digit() || c == '_')
        || handle.chars().all(|c| !c.is_uppercase());
    (labelled && handle_like)
        .then(|| author_handle(handle))
        .flatten()
        .map(|h| vec![h])
}

/// The author a labelled line names, wherever it is in the page: "Autor:
/// Petra Ruland", "Text: Kirsten Freund / handwerksblatt.de", "Von: det/dpa".
/// Names when it gives names, else what follows the label (a handle or an
/// agency's short form), up to a number or a separator.
pub fn labeled_byline(text: &str) -> Option<Vec<String>> {
    // "Veröffentlicht: 05.01.2020 | Autor: gnaddrig | Abgelegt unter: …",
    // "05.02.2020 - Redaktion: Eberhard Fuhr".
    split_on_words(text, &[" | ", " - ", " – "])
        .into_iter()
        .find_map(|part| labeled_part(part.trim()))
}

fn labeled_part(text: &str) -> Option<Vec<String>> {
    let (label, rest) = text.split_once(':')?;
    let label = label.trim().to_lowercase();
    if !BYLINE_LABELS_COLON.contains(&label.as_str())
        || !rest.starts_with(char::is_whitespace)
        || words(rest).count() > BYLINE_MAX_WORDS
    {
        return None;
    }
    if let Some(names) = byline_names(&format!("By {}", rest.trim())) {
        // The names are most of what the label gives: "Text: Mein Motto
        // Konsumsparen: Fazit, Erkenntnisse und meine Pläne" names no one.
        let (named, all) = named_words(&names, rest, &['|', '—', '–', '·', '('], &[]);
        return (2 * named >= all).then_some(names);
    }
    let who = rest
        .split(['|', '·', '(', ',', ';'])
        .next()?
        .split(|c: char| c.is_ascii_digit())
        .next()?
        .trim();
    (!who.is_empty() && words(who).count() <= 3 && !is_label_word(who))
        .then(|| vec![who.to_string()])
}

/// Words joining a name to the date after it.
const DATE_JOINERS: &[&str] = &["am", "um", "le", "on", "at", "el", "il", "à", "vom"];

/// Characters of a user handle named as an author ("karstenruppert", "c1ph4").
const HANDLE_MAX_CHARS: usize = 30;

/// The one user handle an element the page marks as its author holds,
/// after an opener ("von flerche", "by oz"): a single word of letters,
/// digits, dots, dashes or underscores that is not itself an opener.
pub fn author_handle(text: &str) -> Option<String> {
    let rest = match byline_opener_end(text) {
        Some(end) => &text[end..],
        None => text,
    };
    let handle = rest.trim_matches(|c: char| !c.is_alphanumeric());
    let word = handle
        .chars()
        .all(|c| c.is_alphanumeric() || "._-".contains(c));
    (word
        && (2..=HANDLE_MAX_CHARS).contains(&handle.chars().count())
        && handle.chars().any(char::is_alphabetic)
        && !is_label_word(handle))
    .then(|| handle.to_string())
}

pub fn split_on_words<'t>(text: &'t str, separators: &[&str]) -> Vec<&'t str> {
    let mut parts = vec![text];
    for sep in separators {
        parts = parts.into_iter().flat_map(|p| p.split(sep)).collect();
    }
    parts
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

/// The site's name in a copyright line: "© 2025 Interfax-Ukraine".
pub fn source_from_copyright(text: &str) -> Option<String> {
    const MAX_NAME_WORDS: usize = 5;
    let at = text.find('©').map(|i| i + '©'.len_utf8()).or_else(|| {
        text.to_lowercase()
            .starts_with("copyright")
            .then_some("copyright".len())
    })?;
    let rest = &text[at..];
    let rest = rest.trim_start_matches(|c: char| !c.is_alphabetic() || c == '©');
    let rest = rest
        .trim_start_matches("Copyright")
        .trim_start_matches(|c: char| !c.is_alphabetic());
    let name = rest
        .split(['.', ',', '|', ';', '(', '–', '—'])
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
    let count = words(name).count();
    (1..=MAX_NAME_WORDS)
        .contains(&count)
        .then(|| name.to_string())
}

/// How a copyright line says "all rights reserved", lower case.
const RIGHTS_RESERVED: &[&str] = &[
    "all rights",
    "alle rechte",
    "tous droits",
    "todos los derechos",
    "todos os direitos",
    "tutti i diritti",
    "wszelkie prawa",
    "все права",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn dated(line: &str) -> Option<Vec<String>> {
        let dates: Vec<(usize, usize)> =
            crate::dates::find_dates(line, crate::dates::DayMonthOrder::DayFirst)
                .iter()
                .map(|d| (d.start, d.end))
                .collect();
        dated_byline(line, &dates)
    }

    #[test]
    fn a_label_or_opener_names_people_not_things() {
        assert_eq!(
            labeled_byline("Text: Kirsten Freund / handwerksblatt.de"),
            Some(vec!["Kirsten Freund".to_string()])
        );
        // The label's words are mostly not names: a title, not a byline.
        assert_eq!(
            labeled_byline(
                "Text: Mein Motto Konsumsparen: Fazit, Erkenntnisse und meine Pläne für 2020"
            ),
            None
        );
        // One-word "names" beside a phrase are a list of things.
        assert_eq!(
            byline_names("Von Sprachregeln, Gender-Politik und «ganz normalem Deutsch»"),
            None
        );
        assert_eq!(
            byline_names("By Ann Lee and Bo Ek, with reporting from Kyiv"),
            Some(vec!["Ann Lee".to_string(), "Bo Ek".to_string()])
        );
    }

    #[test]
    fn a_dateline_gives_the_name_beside_its_date() {
        let one = |name: &str| Some(vec![name.to_string()]);
        assert_eq!(
            dated("Gunter Frank / 22.04.2020 / 06:15"),
            one("Gunter Frank")
        );
        assert_eq!(
            dated("11.12.2019 - Amelie Loevenich"),
            one("Amelie Loevenich")
        );
        // A handle after an opener that ends in a colon, or opens its piece.
        assert_eq!(
            dated("Verfasst von: mitundvoneinander | 31. Dezember 2008"),
            one("mitundvoneinander")
        );
        assert_eq!(
            dated("22. Januar 2020 @ 18:13 // Autor: c1ph4 // ~ Lesezeit: 1 Min"),
            one("c1ph4")
        );
        assert_eq!(
            dated("Ein Artikel von Pamela Sladky | 27.01.2022 - 12:45"),
            one("Pamela Sladky")
        );
        assert_eq!(
            dated("Gespeichert von rasos am 24. Juli 2017 - 18:55"),
            one("rasos")
        );
        assert_eq!(
            dated("Jon Nitz am 24. Januar 2022 um 15:47"),
            one("Jon Nitz")
        );
        assert_eq!(
            dated("Текст: Венера Ерофеева·24 сентября 2018"),
            one("Венера Ерофеева")
        );
        // A scraper's header names the site, and a place is not a person.
        assert_eq!(dated("date 2025-12-31 Interfax-Ukraine"), None);
        assert_eq!(dated("Updated: 22.04.2020 / 06:15"), None);
        assert_eq!(dated("Wien, 22.04.2020"), None);
        // Beside the date, before the section; never a button or the
        // end of a category path.
        assert_eq!(
            dated("Arne Sjöström | 30. Dezember 2022 | HR-Welt"),
            one("Arne Sjöström")
        );
        assert_eq!(
            dated("January 13, 2020 at 08:45 AM | categories: Python, Mercurial | View Comments"),
            None
        );
        assert_eq!(
            dated("01.12.2022 / CSP / International / Speicher / Top Solar News / Wirtschaft"),
            None
        );
    }

    #[test]
    fn a_labelled_line_names_the_author_anywhere() {
        let names = |line: &str| labeled_byline(line);
        assert_eq!(
            names("Autor: Petra Ruland"),
            Some(vec!["Petra Ruland".to_string()])
        );
        assert_eq!(
            names("Text: Kirsten Freund / handwerksblatt.de"),
            Some(vec!["Kirsten Freund".to_string()])
        );
        assert_eq!(names("Von: det/dpa"), Some(vec!["det/dpa".to_string()]));
        assert_eq!(
            names("Autor: www.koffergepackt.com 2 Kommentare"),
            Some(vec!["www.koffergepackt.com".to_string()])
        );
        // A gender form, a label of something else, prose with a colon.
        assert_eq!(names("Autor:innen"), None);
        assert_eq!(names("Fotos: Helmut Elstrodt"), None);
        assert_eq!(names("Note: the council voted on Tuesday"), None);
    }

    #[test]
    fn labels_and_weekdays_are_not_names() {
        assert_eq!(byline_names("By Staff"), None);
        assert_eq!(byline_names("Veröffentlicht von"), None);
        assert_eq!(byline_names("Von Donnerstag"), None);
        assert_eq!(author_handle("von flerche"), Some("flerche".into()));
        assert_eq!(author_handle("Posted"), None);
        assert_eq!(author_handle("admin"), None);
    }

    #[test]
    fn scripts_without_case_are_never_all_caps() {
        let all_caps = |text: &str| {
            let lines = crate::lines::split_lines(text);
            let infos = crate::classify::classify(&lines, None);
            let f = headline_features(&infos, 0, 1, &StoryWords::default(), 10);
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
    fn bylines_give_names() {
        assert_eq!(
            byline_names("By Sarah E. Needleman"),
            Some(vec!["Sarah E. Needleman".into()])
        );
        assert_eq!(
            byline_names("Von Anna Muster und Max Beispiel | 31.12.2025"),
            Some(vec!["Anna Muster".into(), "Max Beispiel".into()])
        );
        assert_eq!(
            byline_names("By the end of the year the plan was done"),
            None
        );
        assert_eq!(byline_names("Bystander effect"), None);
        assert_eq!(
            byline_names("ByAlex Bozarjian"),
            Some(vec!["Alex Bozarjian".into()])
        );
        assert_eq!(
            byline_names("ByJ.R. Stone"),
            Some(vec!["J.R. Stone".into()])
        );
        assert_eq!(byline_names("BYD sales rise"), None);
        assert_eq!(
            byline_names("October 19, 2019 by Ann Lee"),
            Some(vec!["Ann Lee".into()])
        );
        assert_eq!(
            byline_names(
                "Von Jan Kupitz | Oct 24, 2023 | Zuletzt geändert: Nov 7, 2023, 8:54 AM GMT+1"
            ),
            Some(vec!["Jan Kupitz".into()])
        );
        assert_eq!(
            byline_names("By Tim Childers - Live Science Contributor"),
            Some(vec!["Tim Childers".into()])
        );
        assert_eq!(
            byline_names("Von Moritz Bachmann publiziert am"),
            Some(vec!["Moritz Bachmann".into()])
        );
        assert_eq!(
            byline_names("By Meg James Staff Writer"),
            Some(vec!["Meg James".into()])
        );
        assert_eq!(
            byline_names("\u{a0}\u{a0}---- by Kenneth Surin"),
            Some(vec!["Kenneth Surin".into()])
        );
        assert_eq!(byline_names("© by WhatsBroadcast"), None);
        assert_eq!(
            byline_names(
                "Posted by Nathan Parker, Varun Khaneja, Eric Mill and Kiran C Nair - Chrome Safe Browsing team"
            ),
            Some(vec![
                "Nathan Parker".into(),
                "Varun Khaneja".into(),
                "Eric Mill".into(),
                "Kiran C Nair".into()
            ])
        );
        assert_eq!(
            byline_names("By Ursula von der Leyen"),
            Some(vec!["Ursula von der Leyen".into()])
        );
    }

    #[test]
    fn table_rows_contact_lines_openers_and_tag_lists_are_never_headlines() {
        let text = "1A\tAKERDHAL Robert\tMotif\t1911\n\
                    Write to office@lawyer.example for an appointment\n\
                    The ingredients you will need:\n\
                    Follow @newsdesk for the latest\n\
                    ARD, Demonstrationen, Neu, Tagesschau, Top-Thema\n\
                    A real headline of the story here\n";
        let lines = crate::lines::split_lines(text);
        let infos = crate::classify::classify(&lines, Some("en"));
        // Headline-shaped, each of them, and still no candidate.
        assert!(infos.iter().all(may_be_headline));
        let candidates: Vec<usize> = headline_candidates(&infos, 5, &StoryWords::default())
            .into_iter()
            .map(|(i, _)| i)
            .collect();
        // A handle is not an address: that line stays a candidate.
        assert_eq!(candidates, vec![3, 5]);
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
    }

    #[test]
    fn arabic_and_hebrew_bylines() {
        // Scripts without capitals: the opener says a name follows.
        assert_eq!(
            byline_names("بقلم: أحمد علي"),
            Some(vec!["أحمد علي".to_string()])
        );
        assert_eq!(
            byline_names("מאת: דנה לוי"),
            Some(vec!["דנה לוי".to_string()])
        );
        assert_eq!(
            byline_names("כתבה: דנה לוי"),
            Some(vec!["דנה לוי".to_string()])
        );
        // Still no name in lower case after an opener.
        assert_eq!(byline_names("by the river"), None);
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
    fn a_label_alone_names_the_author_below_it_in_every_gender_form() {
        let names = |v: &[&str]| Some(v.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        assert_eq!(
            labeled_name_below("AUTOR*IN", "Tanja Karrasch"),
            names(&["Tanja Karrasch"])
        );
        assert_eq!(
            labeled_name_below("Autor/in", "Julius Richter"),
            names(&["Julius Richter"])
        );
        assert_eq!(
            labeled_name_below("Autor:in", "Julius Richter"),
            names(&["Julius Richter"])
        );
        assert_eq!(labeled_name_below("Abteilung", "Julius Richter"), None);
        // A handle under an opener alone or a label with its colon.
        assert_eq!(labeled_handle_below("by", "delta201"), names(&["delta201"]));
        assert_eq!(
            labeled_handle_below("Artikel von:", "hausinfo"),
            names(&["hausinfo"])
        );
        // Not a control's or a menu's word under a label-like line.
        assert_eq!(labeled_handle_below("Sort by", "Relevance"), None);
        assert_eq!(labeled_handle_below("Por", "Fecha"), None);
        assert_eq!(labeled_handle_below("Redaktion", "kontakt"), None);
    }

    #[test]
    fn a_credit_line_is_never_a_headline() {
        let text = "Foto: dpa/Michael Kappeler\nPhotos: Scenes from the parade in New York\n";
        let lines = crate::lines::split_lines(text);
        let infos = crate::classify::classify(&lines, Some("en"));
        assert!(!may_be_headline(&infos[0]));
        // A gallery's title that opens like a credit still may be.
        assert!(may_be_headline(&infos[1]));
    }

    #[test]
    fn a_role_glued_to_the_name_is_not_the_name() {
        assert_eq!(
            byline_names("By Meg JamesStaff Writer"),
            Some(vec!["Meg James".to_string()])
        );
        // A name with a capital inside stays whole.
        assert_eq!(
            byline_names("By Ann McDonald"),
            Some(vec!["Ann McDonald".to_string()])
        );
    }

    #[test]
    fn glued_openers_and_the_gender_colon() {
        assert_eq!(
            byline_names("Veröffentlicht vonChris Jung 28. Februar 2016"),
            Some(vec!["Chris Jung".into()])
        );
        assert_eq!(
            byline_names("By Alejandro Villamor Last updated Nov 8, 2023"),
            Some(vec!["Alejandro Villamor".into()])
        );
        // "Autor:innen" is a plural, not a label.
        assert_eq!(byline_names("Autor:innen"), None);
        assert_eq!(byline_names("Vonnegut wrote it"), None);
    }

    #[test]
    fn byline_lines_away_from_the_headline() {
        let names = |t: &str| byline_line_anywhere(t);
        assert_eq!(
            names("Posted by Günter Kienitz at 18:52"),
            Some(vec!["Günter Kienitz".into()])
        );
        assert_eq!(
            names("Eingestellt von Weinlachgummi um 10:52"),
            Some(vec!["Weinlachgummi".into()])
        );
        assert_eq!(names("By Celia Parbey"), Some(vec!["Celia Parbey".into()]));
        assert_eq!(
            names("von Marc Scheloske | 20. Mai 2007 | Ergebnisse"),
            Some(vec!["Marc Scheloske".into()])
        );
        assert_eq!(names("By oradmin"), Some(vec!["oradmin".into()]));
        assert_eq!(
            names("Publiziert am 13. Januar 2014 von uriebe"),
            Some(vec!["uriebe".into()])
        );
        // Ordinary phrases that start with an opener.
        assert_eq!(names("von Risiken und Nebenwirkungen"), None);
        assert_eq!(names("Von PUBLIC VOICE mit osAlliance zur ALLMENDA"), None);
        assert_eq!(names("PAR LES TEMPS QUI COURENT"), None);
        assert_eq!(names("2015 Ernst Ulrich von Weizsäcker"), None);
        assert_eq!(names("GE-I-4: Überträger von Krankheitserregern"), None);
        assert_eq!(names("by the river"), None);
        // A heading, not a handle; a degree, not a second author.
        assert_eq!(names("Author information"), None);
        assert_eq!(names("Author: oradmin"), Some(vec!["oradmin".into()]));
        assert_eq!(
            names("Written by Grant Tinsley, PhD on April 29, 2018"),
            Some(vec!["Grant Tinsley".into()])
        );
        assert_eq!(
            byline_names("von Andrea Kategorien: Allgemein"),
            Some(vec!["Andrea".into()])
        );
    }

    #[test]
    fn labels_inside_a_dateline() {
        assert_eq!(
            labeled_byline("Veröffentlicht: 05.01.2020 | Autor: gnaddrig | Abgelegt unter: Foto"),
            Some(vec!["gnaddrig".into()])
        );
        assert_eq!(
            labeled_byline("05.02.2020 - Redaktion: Eberhard Fuhr (Pressesprecher des EJW)"),
            Some(vec!["Eberhard Fuhr".into()])
        );
        assert_eq!(
            labeled_byline("Kolumnist*in: Evan Tepest"),
            Some(vec!["Evan Tepest".into()])
        );
        assert_eq!(
            dated_byline("17/11/2019 ~ Cem Basman", &[(0, 10)]),
            Some(vec!["Cem Basman".into()])
        );
    }

    #[test]
    fn reading_time_in_several_languages() {
        assert_eq!(stated_reading_minutes("1 min read"), Some(1));
        assert_eq!(stated_reading_minutes("Lesezeit: 4 Min."), Some(4));
        assert_eq!(stated_reading_minutes("3 min de lecture"), Some(3));
        assert_eq!(stated_reading_minutes("Время чтения: 5 мин"), Some(5));
        assert_eq!(stated_reading_minutes("Read 5 more articles"), None);
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
    }
}

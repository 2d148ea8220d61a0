//! The story's header: headline, section, dateline, byline, reading time
//! and the site's name, found around the start of the story's span.

use crate::body::{prose, Prose};
use crate::classify::LineInfo;
use crate::dates::FoundDate;
use crate::language::words;

/// How many lines above the story's first line the headline may stand.
const HEADLINE_LOOKBACK: usize = 30;
/// Words and characters a headline has.
const HEADLINE_WORDS: std::ops::RangeInclusive<usize> = 2..=40;
const HEADLINE_CHARS: std::ops::RangeInclusive<usize> = 10..=300;
/// Score lost per line of distance between a candidate and the story.
const HEADLINE_DISTANCE_COST: f32 = 0.6;

/// Score of line `i` as the headline of a story starting at line `story`.
/// `None` when the line cannot be a headline at all.
fn headline_score(lines: &[LineInfo], i: usize, story: usize) -> Option<f32> {
    let info = &lines[i];
    if info.furniture.is_some()
        || info.date_only
        || !HEADLINE_WORDS.contains(&info.words)
        || !HEADLINE_CHARS.contains(&info.chars)
        || info.text().ends_with(['.', ',', ':', ';'])
        || info.text().starts_with(['©', '•', '|'])
    {
        return None;
    }
    let mut score = (info.words.min(16) as f32) * 0.6;
    score -= i.abs_diff(story) as f32 * HEADLINE_DISTANCE_COST;
    if info.copies >= 2 && info.words >= 4 {
        score += 3.0;
    }
    if info.line.blank_before {
        score += 1.5;
    }
    // A dateline or byline right below the headline is the commonest layout.
    let below = &lines[i + 1..(i + 4).min(lines.len())];
    if below
        .iter()
        .any(|l| l.date_only || byline_names(l.text()).is_some())
    {
        score += 3.0;
    }
    if prose(info) == Prose::Running && info.words > 25 {
        score -= 6.0;
    }
    // A link in a menu: short lines packed around it with no blank lines.
    let packed = |j: Option<&LineInfo>| {
        j.is_some_and(|l| !l.line.blank_before && l.words <= 4 && prose(l) == Prose::NotProse)
    };
    if !info.line.blank_before
        && packed(i.checked_sub(1).and_then(|j| lines.get(j)))
        && packed(lines.get(i + 1))
    {
        score -= 4.0;
    }
    if info.text().chars().next().is_some_and(|c| c.is_lowercase()) {
        score -= 3.0;
    }
    Some(score)
}

/// Index of the headline for a story whose span starts at `story`.
pub fn find_headline(lines: &[LineInfo], story: usize) -> Option<usize> {
    let first = story.saturating_sub(HEADLINE_LOOKBACK);
    let last = (story + 2).min(lines.len());
    (first..last)
        .filter_map(|i| headline_score(lines, i, story).map(|s| (i, s)))
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
    let lowered = text.to_lowercase();
    UPDATE_LABELS.iter().any(|w| lowered.contains(w))
}

/// Lines above the headline and below it where its dateline may stand.
const DATELINE_ABOVE: usize = 6;
const DATELINE_BELOW: usize = 12;

/// The published and updated dates nearest the headline (or the story's
/// start), each with its line index. Datelines stand just above or below
/// the headline, never deep inside the story, so the search stops a few
/// lines into it.
pub fn find_datelines<'l>(
    lines: &'l [LineInfo],
    anchor: usize,
    story_start: usize,
) -> (
    Option<(usize, &'l FoundDate)>,
    Option<(usize, &'l FoundDate)>,
) {
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

/// The first date on any line before `end`, for pages whose dateline is far
/// from the headline (in a footer or a sidebar block).
pub fn first_date_before<'l>(lines: &'l [LineInfo], end: usize) -> Option<(usize, &'l FoundDate)> {
    lines[..end.min(lines.len())]
        .iter()
        .enumerate()
        .find_map(|(i, l)| l.dates.first().filter(|_| l.date_only).map(|d| (i, d)))
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
    "text",
    "texte",
    "written by",
    "reporting by",
    "posted by",
];

/// Words a byline holds at most.
const BYLINE_MAX_WORDS: usize = 14;

/// The names in a byline such as "By Sarah E. Needleman" or
/// "Von Anna Muster und Max Beispiel", or `None` if the line is not one.
pub fn byline_names(text: &str) -> Option<Vec<String>> {
    if words(text).count() > BYLINE_MAX_WORDS {
        return None;
    }
    let lowered = text.to_lowercase();
    let opener = BYLINE_OPENERS.iter().find(|o| {
        lowered.starts_with(*o)
            && lowered[o.len()..]
                .chars()
                .next()
                .is_some_and(|c| c == ' ' || c == ':')
    })?;
    let rest = text[opener.len()..].trim_start_matches([':', ' ']);
    // The names end where a date, a pipe or a dash begins.
    let rest = rest
        .split(['|', '—', '–', '·', '\u{2022}'])
        .next()
        .unwrap_or("")
        .split(|c: char| c.is_ascii_digit())
        .next()
        .unwrap_or("");
    let mut names = Vec::new();
    for part in rest.split([',', '&', '/']) {
        for name in split_on_words(
            part,
            &[" and ", " und ", " et ", " y ", " e ", " i ", " и ", " і "],
        ) {
            let name = name.trim().trim_end_matches(['.', ',']).trim();
            let capitalised = name.chars().next().is_some_and(char::is_uppercase);
            if capitalised && (1..=5).contains(&words(name).count()) {
                names.push(name.to_string());
            }
        }
    }
    (!names.is_empty()).then_some(names)
}

fn split_on_words<'t>(text: &'t str, separators: &[&str]) -> Vec<&'t str> {
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
    let lowered = name.to_lowercase();
    let count = words(name).count();
    let legal = lowered.starts_with("all rights") || lowered.starts_with("alle rechte");
    (!legal && (1..=MAX_NAME_WORDS).contains(&count)).then(|| name.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

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
    }
}

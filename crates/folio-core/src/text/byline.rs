//! Bylines: who wrote the story, read from one line or a label and the
//! line under it ("By Anna Smith and Tom Lee", "Von Moritz Bachmann",
//! "Автор: …"), as clean names: openers, roles, dates and handles taken
//! off, organisations and page labels refused. The header, the dateline
//! and the saved-page reader all ask it; it asks only the line cues.

use crate::text::classify::LineInfo;
use crate::text::language::{find_caseless, strip_prefix_caseless, words};

/// Words that open a byline, lower case ("By", "Von", "Par", "Автор:").
const BYLINE_OPENERS: &[&str] = &[
    "by",
    "von",
    "par",
    "por",
    "di",
    "door",
    // Swedish and Norwegian, Danish, Polish.
    "av",
    "af",
    "przez",
    "tekst",
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
    "dr",
    "prof",
];

/// Whether a word is no part of a person's name: a label word (above) or
/// a degree ("PhD", "MBA").
fn is_not_name(word: &str) -> bool {
    let lowered = word.to_lowercase();
    NOT_NAMES.contains(&lowered.as_str()) || DEGREES.contains(&lowered.as_str())
}

/// Whether a one-word name is a label, an opener, an article, a month or a
/// weekday rather than a name.
fn is_label_word(word: &str) -> bool {
    let lowered = word.to_lowercase();
    let lowered = lowered.as_str();
    BYLINE_OPENERS.contains(&lowered)
        || BYLINE_LABELS.contains(&lowered)
        || is_not_name(lowered)
        || crate::text::dates::month_number(lowered).is_some()
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
            // A two-letter opener in capitals before a name that is not
            // ("AV Club Review") is an abbreviation; "BY" is a styled "By".
            let written = &text[at..text.len() - rest.len()];
            let next = rest.split_whitespace().next().unwrap_or("");
            let abbreviation = *o != "by"
                && written.len() == 2
                && !written.chars().any(char::is_lowercase)
                && next.chars().any(char::is_lowercase);
            (spaced && !abbreviation).then_some(text.len() - rest.len())
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
    is_role(tail).then_some(at)
}

/// Whether a word gives a byline's person a role ("Writer", "staff").
fn is_role(word: &str) -> bool {
    BYLINE_ROLES.contains(&word.to_lowercase().as_str())
}

/// A word that may start a name: a capital, or a letter of a script
/// without case (Arabic, Hebrew).
fn starts_like_a_name(word: &str) -> bool {
    word.chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || (c.is_alphabetic() && !c.is_lowercase()))
}

/// Words naming a role's rank or beat ("Senior", "Education" in
/// "Education editor"), lower case.
const ROLE_QUALIFIERS: &[&str] = &[
    "senior",
    "chief",
    "deputy",
    "associate",
    "assistant",
    "contributing",
    "managing",
    "executive",
    "political",
    "science",
    "education",
    "business",
    "sports",
    "health",
    "technology",
    "foreign",
    "economics",
    "environment",
    "legal",
    "culture",
    "digital",
];

/// The end of the name in `name[..end]` without the role's qualifiers at
/// its end, two words kept at least.
fn beat_cut(name: &str, mut end: usize) -> usize {
    while let Some((head, last)) = name[..end].trim_end().rsplit_once(' ') {
        let qualifier = ROLE_QUALIFIERS.contains(&last.to_lowercase().as_str());
        if !qualifier || words(head).count() < 2 {
            break;
        }
        end = head.trim_end().len();
    }
    end
}

fn clean_name(name: &str) -> &str {
    let mut end = 0;
    let mut words = name
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - name.as_ptr() as usize, w))
        .peekable();
    while let Some((at, word)) = words.next() {
        let bare = word.trim_matches(|c: char| !c.is_alphanumeric());
        let lower = bare.to_lowercase();
        let capital = starts_like_a_name(bare);
        let particle = NAME_PARTICLES.contains(&lower.as_str());
        // "Andrea Kategorien: Allgemein": a label starts after the name.
        if word.ends_with(':') && end > 0 {
            break;
        }
        // "Staff" after a name is a role only before its kind ("Staff
        // Writer", "staff and agencies"); else it is a surname ("Jörg
        // Staff", "Von Jörg Staff am 16.11.2022").
        let surname = lower == "staff"
            && end > 0
            && !words.peek().is_some_and(|(_, next)| {
                let next = next.to_lowercase();
                is_role(&next) || ["report", "reports", "and", "&"].contains(&next.as_str())
            });
        if is_role(bare) && !surname {
            // "Richard Adams Education editor": the role's beat is no
            // part of the name.
            end = beat_cut(name, end);
            break;
        }
        if BYLINE_LABELS.contains(&lower.as_str())
            || crate::text::dates::month_number(&lower).is_some() && end > 0
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
    // A closing initial keeps its dot ("Juan Carlos Muñoz C."), as does a
    // generation ("Perry Bacon Jr."); a word not.
    let last = name
        .rsplit(' ')
        .next()
        .unwrap_or(name)
        .trim_end_matches('.');
    let generation = ["jr", "sr"].contains(&last.to_lowercase().as_str());
    if (last.chars().count() == 1 || generation) && name.contains(' ') {
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
    // "Von Kopf bis Fuß", "von Hamburg nach Berlin": "von" opens a span
    // from one word to another, no byline.
    let spans = text[..opener_end].trim().eq_ignore_ascii_case("von")
        && rest
            .split_whitespace()
            .nth(1)
            .is_some_and(|w| SPAN_ENDS.contains(&w));
    if spans {
        return None;
    }
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
    for (k, part) in rest.split([',', '&', '/', ';']).enumerate() {
        // After a name, a part holding a role ("TOM KRISHER, AP Auto
        // Writer") or a degree ("Ilana Muhlstein, MS, RDN") says what the
        // person is: no name of its own.
        if k > 0 && (has_role(part) || is_degree(part)) {
            continue;
        }
        for name in split_on_words(
            part,
            &[" and ", " und ", " et ", " y ", " e ", " i ", " и ", " і "],
        ) {
            let part_words = words(name).count();
            let name = clean_name(name.trim());
            let capitalised = starts_like_a_name(name);
            let count = words(name).count();
            let person = !(is_host_name(name) || count == 1 && is_label_word(name));
            if capitalised && (1..=5).contains(&count) && person {
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

/// Words that end a span "von" opens ("von Kopf bis Fuß", "von Hamburg
/// nach Berlin").
const SPAN_ENDS: &[&str] = &["bis", "nach", "zu", "zum", "zur"];

/// Whether a part of a byline names a role: "AP Auto Writer", "Staff".
fn has_role(part: &str) -> bool {
    words(part).any(is_role)
}

/// Degrees and credentials written after a name, lower case, no dots.
const DEGREES: &[&str] = &[
    "ba", "bs", "bsc", "ma", "ms", "msc", "mba", "mph", "phd", "md", "do", "jd", "rn", "rd", "rdn",
    "cpa", "cfa", "llm",
];

/// Whether a part of a byline is a degree or credential: "MS", "RDN",
/// "Ph.D." (not an organisation's initials: "NDR" may be an author).
fn is_degree(part: &str) -> bool {
    let first = part.split_whitespace().next().unwrap_or("");
    let bare: String = first.chars().filter(|c| c.is_alphabetic()).collect();
    DEGREES.contains(&bare.to_lowercase().as_str())
}

/// Openers that also begin ordinary phrases ("von Risiken und
/// Nebenwirkungen", "by the river"): alone they only open a byline where
/// the line is the byline's own.
const PHRASE_OPENERS: &[&str] = &[
    "by", "von", "par", "por", "di", "door", "text", "texte", "escribe", "av", "af", "przez",
    "tekst",
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
    let full_names = names
        .iter()
        .all(|n| n.split_whitespace().count() >= 2 && !n.split_whitespace().any(is_not_name));
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
        // Solar News"), no word of it a button ("View Comments"), and not a
        // list ("Bockenem, Nordstraße, Polizei": the post's categories).
        let name = clean_name(piece);
        let joined = piece[name.len()..].trim_start_matches('.').trim();
        if at < BARE_NAME_PIECES
            && !name
                .split_whitespace()
                .any(|w| crate::text::furniture::furniture_reason(w).is_some())
            && (joined.is_empty() || DATE_JOINERS.contains(&joined))
            && !name.contains(':')
            && name.matches(',').count() < 2
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

/// Whether a line is the heading of the box about a story's author
/// ("Über den Autor", "About the author:").
pub fn is_author_box_heading(line: &str) -> bool {
    AUTHOR_BOX_HEADINGS.contains(&bare_label(line).as_str())
}

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
    // A form's empty field ("Von: ____", a text browser's search form)
    // names no one.
    (who.chars().any(char::is_alphabetic) && words(who).count() <= 3 && !is_label_word(who))
        .then(|| vec![who.to_string()])
}

/// A name with its author's role or the date after it, alone on its line
/// ("Tim Childers - Live Science Contributor", "Meg JamesStaff Writer",
/// "Moritz Bachmann publiziert am 12.03.2024"): the name, when what
/// follows it is a role, a date's label or a date, after a separator at
/// most. `None` for a line with no such tail (its words may be a name
/// or anything else).
pub fn name_before_tail(text: &str) -> Option<&str> {
    // A role's words come first in its tail: "Staff Writer", "Education
    // editor", "- Live Science Contributor".
    const ROLE_WORDS: usize = 4;
    // "Greg Beacham, AP Sports Writer": the name ends at the comma.
    let name = clean_name(text).split(',').next().unwrap_or("").trim_end();
    if name.is_empty() || !text.starts_with(name) {
        return None;
    }
    let tail = text[name.len()..].trim_start_matches('.').trim_start();
    let after_separator =
        tail.trim_start_matches(|c: char| c.is_whitespace() || "-–—|,·".contains(c));
    let separated = after_separator.len() < tail.len();
    let first = words(after_separator).next().unwrap_or("").to_lowercase();
    let tail_is_role = words(after_separator).take(ROLE_WORDS).any(is_role);
    let tail_is_dated = BYLINE_LABELS.contains(&first.as_str())
        || DATE_JOINERS.contains(&first.as_str())
        || separated && after_separator.starts_with(|c: char| c.is_ascii_digit());
    (tail_is_role || tail_is_dated).then_some(name)
}

/// Whether a byline's "name" is a web address ("Cleveland.com",
/// "www.portalspozywczy.pl"): a site, never its author.
pub fn is_host_name(name: &str) -> bool {
    const TLD_CHARS: std::ops::RangeInclusive<usize> = 2..=6;
    let name = name.trim().trim_start_matches("www.");
    name.rsplit_once('.').is_some_and(|(host, tld)| {
        host.chars().count() >= 2
            && !host.contains(char::is_whitespace)
            && TLD_CHARS.contains(&tld.len())
            && tld.chars().all(|c| c.is_ascii_lowercase())
    })
}

/// Words joining a name to the date after it.
const DATE_JOINERS: &[&str] = &["am", "um", "le", "on", "at", "el", "il", "à"];

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
        && !is_label_word(handle)
        && !is_host_name(handle))
    .then(|| handle.to_string())
}

pub fn split_on_words<'t>(text: &'t str, separators: &[&str]) -> Vec<&'t str> {
    let mut parts = vec![text];
    for sep in separators {
        parts = parts.into_iter().flat_map(|p| p.split(sep)).collect();
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;
    fn dated(line: &str) -> Option<Vec<String>> {
        let dates: Vec<(usize, usize)> =
            crate::text::dates::find_dates(line, crate::text::dates::DayMonthOrder::DayFirst)
                .iter()
                .map(|d| (d.start, d.end))
                .collect();
        dated_byline(line, &dates)
    }

    #[test]
    fn a_name_with_its_role_or_date_after_it() {
        for (line, name) in [
            (
                "Tim Childers - Live Science Contributor",
                Some("Tim Childers"),
            ),
            ("Meg James Staff Writer", Some("Meg James")),
            ("Meg JamesStaff Writer", Some("Meg James")),
            (
                "Moritz Bachmann publiziert am 12.03.2024",
                Some("Moritz Bachmann"),
            ),
            ("Greg Beacham, AP Sports Writer", Some("Greg Beacham")),
            ("Richard Adams Education editor", Some("Richard Adams")),
            ("Anna Lee | 12 March 2024", Some("Anna Lee")),
            // No tail, or one that is no role and no date; a document's
            // date ("Protokoll … vom 10. Oktober 2019").
            ("Anna Lee", None),
            ("Protokoll der Vorstandssitzung vom 10. Oktober 2019", None),
            ("Breaking News - Live Updates", None),
            ("Corporate Branding Services", None),
        ] {
            assert_eq!(name_before_tail(line), name, "{line}");
        }
    }

    #[test]
    fn a_role_takes_its_rank_and_beat_off_the_name() {
        let names = |line: &str| byline_names(line).unwrap_or_default();
        assert_eq!(names("By Meg James Senior Staff Writer"), ["Meg James"]);
        assert_eq!(
            names("By Richard Adams Education editor"),
            ["Richard Adams"]
        );
        // A name keeps two words: "Science" is then its last.
        assert_eq!(names("By Anna Science Editor"), ["Anna Science"]);
        // "Staff" is a role before its kind, else a surname; a generation
        // keeps its dot.
        assert_eq!(names("By Guardian staff and agencies"), ["Guardian"]);
        assert!(names("By Staff Reports").is_empty());
        assert_eq!(names("Von Jörg Staff am 16.11.2022"), ["Jörg Staff"]);
        assert_eq!(names("By Perry Bacon Jr."), ["Perry Bacon Jr."]);
    }

    #[test]
    fn a_web_address_is_a_site_not_an_author() {
        for site in [
            "Cleveland.com",
            "www.portalspozywczy.pl",
            "domradio.de",
            "BRIGITTE.de",
        ] {
            assert!(is_host_name(site), "{site}");
            assert_eq!(byline_names(&format!("By {site}")), None, "{site}");
            assert_eq!(author_handle(site), None, "{site}");
        }
        for name in ["J.R. Smith", "Ann Lee", "Dr.Smith", "St. Pauli"] {
            assert!(!is_host_name(name), "{name}");
        }
    }

    #[test]
    fn openers_in_scandinavian_languages_and_polish() {
        let names = |line: &str| byline_names(line).unwrap_or_default();
        assert_eq!(names("Av Erik Svensson"), ["Erik Svensson"]);
        assert_eq!(names("Af Jens Hansen"), ["Jens Hansen"]);
        assert_eq!(names("Przez Jan Kowalski"), ["Jan Kowalski"]);
        assert_eq!(names("Tekst: Anna Nowak"), ["Anna Nowak"]);
        // Two capitals before a word that is not are an abbreviation; a
        // styled "BY" still opens.
        assert_eq!(byline_names("AV Club Review"), None);
        assert_eq!(names("BY Ann Lee"), ["Ann Lee"]);
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
        // "Von" opening a span from one word to another.
        assert_eq!(
            byline_names("Von Kopf bis Fuß: Frost-Schützer für Mountainbiker"),
            None
        );
        assert_eq!(byline_names("Von Hamburg nach Berlin"), None);
        assert_eq!(
            byline_names("Von Anna Bischof"),
            Some(vec!["Anna Bischof".to_string()])
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
        // A list of the post's categories after its date is no name.
        assert_eq!(
            dated("1. November 2023 Bockenem, Nordstraße, Polizei"),
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
            byline_names("By TOM KRISHER, AP Auto Writer"),
            Some(vec!["TOM KRISHER".into()])
        );
        assert_eq!(
            byline_names("By Ilana Muhlstein, MS, RDN"),
            Some(vec!["Ilana Muhlstein".into()])
        );
        assert_eq!(
            byline_names("Written by Rachael Link, MS, RD on November 14, 2019"),
            Some(vec!["Rachael Link".into()])
        );
        assert_eq!(
            byline_names("By Volkmar Kabisch, Benedikt Strunz, NDR"),
            Some(vec![
                "Volkmar Kabisch".into(),
                "Benedikt Strunz".into(),
                "NDR".into()
            ])
        );
        assert_eq!(
            byline_names("By Ann Lee, Bo Ek"),
            Some(vec!["Ann Lee".into(), "Bo Ek".into()])
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
        // A search form's empty field, as a text browser draws it.
        assert_eq!(labeled_byline("Von: ____________________"), None);
        assert_eq!(labeled_byline("Von: det/dpa"), Some(vec!["det/dpa".into()]));
        assert_eq!(
            dated_byline("17/11/2019 ~ Cem Basman", &[(0, 10)]),
            Some(vec!["Cem Basman".into()])
        );
    }
}

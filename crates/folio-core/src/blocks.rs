//! Story lines into body blocks: paragraphs, quotes, subheadings, lists.
//!
//! A line that opens with a quotation mark and is mostly the quote becomes
//! a quote; its attribution ("she wrote on the social network X") gives the
//! platform, and the speaker is the name it gives or, for "he"/"she", the
//! last full name the story mentioned before it.

use crate::article::{Block, BlockKind};

/// Opening quotation marks in the languages Folio reads.
const OPENING_QUOTES: &[char] = &['"', '“', '„', '«', '‘', '‹', '「'];
const CLOSING_QUOTES: &[char] = &['"', '”', '“', '»', '’', '›', '」'];

/// Share of a paragraph the quoted words must fill for it to be a quote.
const QUOTE_MIN_SHARE: f32 = 0.5;

/// Where a quote was posted, as attributions name it, and the name to show.
const PLATFORMS: &[(&str, &str)] = &[
    ("social network x", "X"),
    ("on x", "X"),
    ("twitter", "Twitter"),
    ("telegram", "Telegram"),
    ("facebook", "Facebook"),
    ("instagram", "Instagram"),
    ("threads", "Threads"),
    ("bluesky", "Bluesky"),
    ("truth social", "Truth Social"),
    ("linkedin", "LinkedIn"),
    ("youtube", "YouTube"),
    ("tiktok", "TikTok"),
    ("mastodon", "Mastodon"),
];

/// Pronouns that stand for the last person named.
const PRONOUNS: &[&str] = &[
    "he", "she", "they", "er", "sie", "il", "elle", "él", "ella", "ele", "ela", "on", "ona", "он",
    "она", "він", "вона",
];

/// Markers that open a list item: "• ", "- ", "– ", "* ", "1. ".
fn list_item(text: &str) -> bool {
    let mut chars = text.chars();
    match chars.next() {
        Some('•' | '▪' | '◦' | '·') => true,
        Some('-' | '–' | '*') => chars.next() == Some(' '),
        Some(c) if c.is_ascii_digit() => {
            let rest = text.trim_start_matches(|c: char| c.is_ascii_digit());
            rest.starts_with(". ") || rest.starts_with(") ")
        }
        _ => false,
    }
}

/// The quoted part and the attribution after it, when `text` opens with a
/// quote that fills most of it.
fn split_quote(text: &str) -> Option<(&str, &str)> {
    let first = text.chars().next()?;
    if !OPENING_QUOTES.contains(&first) {
        return None;
    }
    let body = &text[first.len_utf8()..];
    let close = body.rfind(CLOSING_QUOTES)?;
    let quoted = &body[..close];
    let closing_len = body[close..].chars().next().map_or(1, char::len_utf8);
    let attribution = &body[close + closing_len..];
    let share = quoted.chars().count() as f32 / text.chars().count().max(1) as f32;
    (share >= QUOTE_MIN_SHARE).then_some((quoted, attribution))
}

fn platform_in(attribution: &str) -> Option<String> {
    let lowered = attribution.to_lowercase();
    PLATFORMS.iter().find_map(|(needle, name)| {
        let at = lowered.find(needle)?;
        let after = lowered[at + needle.len()..].chars().next();
        let whole_word = after.is_none_or(|c| !c.is_alphanumeric());
        whole_word.then(|| name.to_string())
    })
}

/// The last run of two to four capitalised words in `text`: "Kaja Kallas".
pub fn last_full_name(text: &str) -> Option<String> {
    let mut best: Option<String> = None;
    let mut run: Vec<&str> = Vec::new();
    let flush = |run: &mut Vec<&str>, best: &mut Option<String>| {
        if (2..=4).contains(&run.len()) {
            *best = Some(run.join(" "));
        }
        run.clear();
    };
    for raw in text.split_whitespace() {
        let word = raw.trim_matches(|c: char| !c.is_alphanumeric() && c != '-' && c != '\'');
        let capitalised = word.chars().next().is_some_and(char::is_uppercase)
            && word.chars().skip(1).any(char::is_lowercase);
        if capitalised {
            run.push(word);
        } else {
            flush(&mut run, &mut best);
        }
        // Punctuation after a word ends the name there.
        if raw.ends_with([',', '.', ';', ':', '!', '?']) {
            flush(&mut run, &mut best);
        }
    }
    flush(&mut run, &mut best);
    best
}

/// Who said the quote: a name in the attribution, or `last_named`, the last
/// person named before it, when the attribution says "he" or "she".
fn speaker_in(attribution: &str, last_named: Option<&str>) -> Option<String> {
    if let Some(name) = last_full_name(attribution) {
        return Some(name);
    }
    let uses_pronoun = attribution
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| PRONOUNS.contains(&w.to_lowercase().as_str()));
    if !uses_pronoun {
        return None;
    }
    last_named.map(str::to_string)
}

/// The body blocks for the story's lines; `subheadings[i]` says whether
/// line `i` heads what follows.
pub fn build_blocks(lines: &[&str], subheadings: &[bool]) -> Vec<Block> {
    let mut blocks: Vec<Block> = Vec::new();
    // The last person the lines so far name, kept as they are read, so a
    // quote's "she said" never searches back through the whole story.
    let mut last_named: Option<String> = None;
    for (i, &text) in lines.iter().enumerate() {
        if subheadings.get(i).copied().unwrap_or(false) {
            blocks.push(Block::new(BlockKind::Subheading, text));
        } else if list_item(text) {
            match blocks.last_mut() {
                Some(last) if last.kind == BlockKind::List => {
                    last.text.push('\n');
                    last.text.push_str(text);
                }
                _ => blocks.push(Block::new(BlockKind::List, text)),
            }
        } else if let Some((_, attribution)) = split_quote(text) {
            let mut quote = Block::new(BlockKind::Quote, text);
            quote.platform = platform_in(attribution);
            quote.speaker = speaker_in(attribution, last_named.as_deref());
            blocks.push(quote);
        } else {
            blocks.push(Block::new(BlockKind::Paragraph, text));
        }
        if let Some(name) = last_full_name(text) {
            last_named = Some(name);
        }
    }
    blocks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quote_with_pronoun_takes_the_last_named_person() {
        let lines = [
            "The attack was a distraction, said the EU foreign policy chief, Kaja Kallas.",
            "\"Moscow aims to derail real progress towards peace,\" she wrote on the social network X.",
        ];
        let blocks = build_blocks(&lines, &[false, false]);
        assert_eq!(blocks[1].kind, BlockKind::Quote);
        assert_eq!(blocks[1].speaker.as_deref(), Some("Kaja Kallas"));
        assert_eq!(blocks[1].platform.as_deref(), Some("X"));
    }

    #[test]
    fn a_sentence_with_a_short_quote_stays_a_paragraph() {
        let lines = ["He called it \"another lie\" against the backdrop of talks."];
        assert_eq!(build_blocks(&lines, &[false])[0].kind, BlockKind::Paragraph);
    }

    #[test]
    fn list_items_join_into_one_list() {
        let blocks = build_blocks(&["• one", "• two", "After."], &[false; 3]);
        assert_eq!(blocks.len(), 2);
        assert_eq!(blocks[0].text, "• one\n• two");
    }
}

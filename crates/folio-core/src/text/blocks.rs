//! Story lines into body blocks: paragraphs, quotes, subheadings, lists.
//!
//! A line that opens with a quotation mark and is mostly the quote becomes
//! a quote; its attribution ("she wrote on the social network X") gives the
//! platform, and the speaker only when the text says who spoke: a person
//! named beside a verb of saying or after a dash, or for "he"/"she" with
//! such a verb the person the paragraph before named.

use crate::article::{item_words, Block, BlockKind};

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

/// Signs that open a list item in any text, marked up or not.
const BULLETS: [char; 4] = ['•', '▪', '◦', '·'];

/// Markers that open a list item: "• ", "- ", "– ", "* ", "1. ".
fn list_item(text: &str) -> bool {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) if BULLETS.contains(&c) => true,
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

/// Verbs that say who spoke, in the languages Folio reads (lower case).
const SAYING: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "wrote",
    "writes",
    "added",
    "adds",
    "asked",
    "explained",
    "noted",
    "continued",
    "commented",
    "comments",
    "tweeted",
    "posted",
    "stated",
    "argued",
    "warned",
    "insisted",
    "recalled",
    "replied",
    "sagte",
    "sagt",
    "sagten",
    "erklärte",
    "erklärt",
    "schrieb",
    "schreibt",
    "betonte",
    "betont",
    "meinte",
    "meint",
    "fügte",
    "dit",
    "déclaré",
    "déclare",
    "écrit",
    "affirme",
    "affirmé",
    "explique",
    "expliqué",
    "ajoute",
    "ajouté",
    "estime",
    "dijo",
    "dice",
    "afirmó",
    "escribió",
    "explicó",
    "añadió",
    "señaló",
    "aseguró",
    "disse",
    "diz",
    "afirmou",
    "escreveu",
    "detto",
    "scritto",
    "powiedział",
    "powiedziała",
    "сказал",
    "сказала",
    "заявил",
    "заявила",
    "написал",
    "написала",
    "отметил",
    "отметила",
    "сказав",
    "заявив",
    "написав",
];

/// Words that make a run of capitalised words an organisation or a
/// publication, not a person ("Peterson Institute", "Kotak Institutional
/// Equities", "Nature Astronomy" is caught by its journal word before it).
const NOT_PERSON_WORDS: &[&str] = &[
    "institute",
    "institutional",
    "institut",
    "association",
    "university",
    "universität",
    "université",
    "universidad",
    "ministry",
    "ministerium",
    "council",
    "committee",
    "commission",
    "comisión",
    "kommission",
    "party",
    "partei",
    "bank",
    "group",
    "gruppe",
    "agency",
    "agentur",
    "company",
    "corporation",
    "inc",
    "ltd",
    "gmbh",
    "lab",
    "laboratory",
    "research",
    "equities",
    "securities",
    "defense",
    "defence",
    "dirección",
    "general",
    "journal",
    "times",
    "post",
    "news",
    "system",
    "systems",
    "foundation",
    "stiftung",
    "center",
    "centre",
    "zentrum",
    "school",
    "college",
    "office",
    "department",
    "service",
    "services",
    "club",
    "verband",
    "forum",
    "directorate",
    "república",
    "país",
    "mom",
    "ejecutivo",
    "news",
    "dr",
    "mr",
    "hon",
];

/// Words an attribution holds at most ("…," said Ann Lee, a political
/// reporter at the Post): longer, it is narration that follows a quote.
const ATTRIBUTION_MAX_WORDS: usize = 16;

/// Whether `name` reads as a person's name, not an organisation's.
fn is_person(name: &str) -> bool {
    !name.split_whitespace().any(|w| {
        let bare = w.trim_matches(|c: char| !c.is_alphanumeric());
        NOT_PERSON_WORDS.contains(&bare.to_lowercase().as_str())
    })
}

/// Titles written before a name, lower case ("Attorney Nealy Cox",
/// "Pressesprecherin Annalena Mandrella").
const TITLES: &[&str] = &[
    "attorney",
    "supervisor",
    "senator",
    "judge",
    "minister",
    "president",
    "mayor",
    "governor",
    "sheriff",
    "chief",
    "director",
    "professor",
    "prof",
    "dr",
    "mr",
    "mrs",
    "ms",
    "sir",
    "weltmeister",
    "weltmeisterin",
    "sprecher",
    "sprecherin",
    "pressesprecher",
    "pressesprecherin",
    "geschäftsführer",
    "geschäftsführerin",
    "präsident",
    "präsidentin",
    "bürgermeister",
    "bürgermeisterin",
    "ministerin",
    "trainer",
    "trainerin",
    "professorin",
];

/// Lower-case words a name may follow its verb by ("sagte der dreimalige
/// Weltmeister Peter Sagan", "said the EU's Ann Lee").
const BEFORE_NAME_WORDS: usize = 3;

/// The person named right beside the first word `is_marker` accepts in
/// `attribution`: the two to four capitalised words just after it (a few
/// lower-case words may come first) or just before it ("Ann Lee said").
fn name_beside(attribution: &str, is_marker: impl Fn(&str) -> bool) -> Option<String> {
    let words: Vec<&str> = attribution.split_whitespace().collect();
    let bare = |w: &str| {
        w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-' && c != '\'')
            .to_string()
    };
    let capitalised = |w: &str| {
        let w = bare(w);
        w.chars().next().is_some_and(char::is_uppercase) && w.chars().any(char::is_lowercase)
    };
    let at = words
        .iter()
        .position(|w| is_marker(&bare(w).to_lowercase()))?;
    let person = |mut run: Vec<String>| {
        // "Attorney Nealy Cox", "the ACLU's Jay Stanley": the title is not the name.
        if run.len() >= 3
            && (TITLES.contains(&run[0].to_lowercase().as_str())
                || run[0].ends_with("'s")
                || run[0].ends_with("’s"))
        {
            run.remove(0);
        }
        let name = run.join(" ");
        ((2..=4).contains(&run.len()) && is_person(&name)).then_some(name)
    };
    // After: "said Ann Lee, a reporter", "sagte der Weltmeister Peter Sagan".
    let mut run = Vec::new();
    let mut skipped = 0;
    for w in &words[at + 1..] {
        if capitalised(w) {
            run.push(bare(w));
            if w.ends_with([',', '.', ';', ':']) {
                break;
            }
        } else if run.is_empty() && skipped < BEFORE_NAME_WORDS {
            skipped += 1;
        } else {
            break;
        }
    }
    if let Some(name) = person(run) {
        return Some(name);
    }
    // Before: "Ann Lee said", "Eva-Marie Persson, said".
    let mut run: Vec<String> = words[..at]
        .iter()
        .rev()
        .take_while(|w| capitalised(w))
        .map(|w| bare(w))
        .collect();
    run.reverse();
    person(run)
}

/// Who said the quote, only when the text says so: a person named beside
/// a verb of saying in the attribution ("said Ann Lee", "Ann Lee said",
/// "sagte Peter Sagan") or after a dash ("– Maik Schmidt"); for "she wrote
/// on X" (a pronoun, a verb and a platform), `last_named`, the person the
/// paragraph just before named. A wrong credit is worse than none.
fn speaker_in(attribution: &str, last_named: Option<&str>) -> Option<String> {
    let words: Vec<String> = attribution
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    if words.is_empty() || words.len() > ATTRIBUTION_MAX_WORDS {
        return None;
    }
    let dashed = attribution
        .trim_start_matches([',', ' '])
        .starts_with(['–', '—', '~', '-']);
    if dashed {
        return name_beside(attribution, |w| w.is_empty());
    }
    if let Some(name) = name_beside(attribution, |w| SAYING.contains(&w)) {
        return Some(name);
    }
    // "…," she wrote on the social network X: the post is the person's
    // the paragraph before named. A bare "he said" is left without a name.
    let saying = words.iter().any(|w| SAYING.contains(&w.as_str()));
    let uses_pronoun = words.iter().any(|w| PRONOUNS.contains(&w.as_str()));
    (saying && uses_pronoun && platform_in(attribution).is_some())
        .then(|| last_named.filter(|n| is_person(n)).map(str::to_string))
        .flatten()
}

/// The cells of a line laid out as a table row: innerText parts a table's
/// cells with tabs; text tables use `|` ("| 2024 | 1,204 |").
fn row_cells(text: &str) -> Option<Vec<String>> {
    let cells: Vec<&str> = if text.contains('\t') {
        text.split('\t').collect()
    } else if text.matches('|').count() >= 2 {
        text.trim_matches(|c: char| c == '|' || c.is_whitespace())
            .split('|')
            .collect()
    } else {
        return None;
    };
    (cells.len() >= 2).then(|| cells.iter().map(|c| c.trim().to_string()).collect())
}

/// Rows a run of lines needs to be read as a table.
const TABLE_MIN_ROWS: usize = 2;

/// The body blocks for the story's lines; `subheadings[i]` says whether
/// line `i` heads what follows.
pub fn build_blocks(lines: &[&str], subheadings: &[bool]) -> Vec<Block> {
    blocks_of_lines(lines, subheadings, None).0
}

/// Which `lines` are list items. In marked-up text (`markup`: the input
/// line of each line) the markup made its lists: there a line that opens
/// "1. " or "- " is an item only right beside another, in the same block
/// ("1. Wierer" / "2. Alimbekava" set apart by line breaks); alone, or a
/// paragraph of its own, it is a paragraph ("38. How do we know…", a
/// dialogue's "– Talvella…"). A bullet sign always makes an item.
fn list_items(lines: &[&str], markup: Option<&[usize]>) -> Vec<bool> {
    let marked: Vec<bool> = lines.iter().map(|l| list_item(l)).collect();
    let bullet = |l: &str| l.starts_with(BULLETS);
    let Some(numbers) = markup else {
        return marked;
    };
    // Lines `i` and `j` are items of one block.
    let together =
        |i: usize, j: usize| marked[i] && marked[j] && numbers[i].abs_diff(numbers[j]) == 1;
    (0..lines.len())
        .map(|i| {
            marked[i]
                && (bullet(lines[i])
                    || i.checked_sub(1).is_some_and(|j| together(j, i))
                    || (i + 1 < lines.len() && together(i, i + 1)))
        })
        .collect()
}

/// [`build_blocks`], and for each line the block it went into; rows of
/// cells are read as tables, and lines that open "1. " or "- " as list
/// items, only in plain text (`markup` gives the input line of each line
/// of marked-up text, where the markup says what
/// is a table or a list).
pub fn blocks_of_lines(
    lines: &[&str],
    subheadings: &[bool],
    markup: Option<&[usize]>,
) -> (Vec<Block>, Vec<usize>) {
    let mut blocks: Vec<Block> = Vec::new();
    let mut line_block = Vec::with_capacity(lines.len());
    // The last person the line before named: a quote's "she said" points
    // there, never further back.
    let mut last_named: Option<String> = None;
    let items = list_items(lines, markup);
    let text_tables = markup.is_none();
    let mut i = 0;
    while i < lines.len() {
        let text = lines[i];
        // Lines with the same number of cells, one after another, are a table.
        let rows: Vec<Vec<String>> = match row_cells(text).filter(|_| text_tables) {
            Some(first) => lines[i..]
                .iter()
                .map_while(|l| row_cells(l).filter(|r| r.len() == first.len()))
                .collect(),
            None => Vec::new(),
        };
        if rows.len() >= TABLE_MIN_ROWS {
            i += rows.len();
            line_block.extend(std::iter::repeat_n(blocks.len(), rows.len()));
            blocks.push(Block::table(rows, false));
            last_named = None;
            continue;
        }
        if subheadings.get(i).copied().unwrap_or(false) {
            blocks.push(Block::new(BlockKind::Subheading, text));
        } else if items[i] {
            let ordered = text.starts_with(|c: char| c.is_ascii_digit());
            match blocks.last_mut() {
                Some(last) if last.kind == BlockKind::List => {
                    last.text.push('\n');
                    last.text.push_str(text);
                    last.items.push(item_words(text).to_string());
                }
                _ => blocks.push(Block {
                    items: vec![item_words(text).to_string()],
                    ordered,
                    ..Block::new(BlockKind::List, text)
                }),
            }
        } else if let Some((_, attribution)) = split_quote(text) {
            let mut quote = Block::new(BlockKind::Quote, text);
            quote.platform = platform_in(attribution);
            quote.speaker = speaker_in(attribution, last_named.as_deref());
            blocks.push(quote);
        } else {
            blocks.push(Block::new(BlockKind::Paragraph, text));
        }
        last_named = last_full_name(text);
        line_block.push(blocks.len() - 1);
        i += 1;
    }
    (blocks, line_block)
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
        assert_eq!(blocks[0].items, ["one", "two"]);
        assert!(!blocks[0].ordered);
        let numbered = build_blocks(&["1. Deepen the channel", "2) Build a quay"], &[false; 2]);
        assert_eq!(numbered[0].items, ["Deepen the channel", "Build a quay"]);
        assert!(numbered[0].ordered);
    }

    #[test]
    fn rows_of_cells_are_a_table() {
        let lines = [
            "Year\tShips",
            "2024\t1,204",
            "2025\t1,388",
            "The port grew.",
        ];
        let blocks = build_blocks(&lines, &[false; 4]);
        assert_eq!(blocks[0].kind, BlockKind::Table);
        assert_eq!(blocks[0].rows[2], ["2025", "1,388"]);
        assert_eq!(blocks[1].kind, BlockKind::Paragraph);
        let piped = build_blocks(&["| a | b |", "| 1 | 2 |"], &[false; 2]);
        assert_eq!(piped[0].rows, [["a", "b"], ["1", "2"]]);
        // One row is a line, not a table; rows of another width end it.
        let single = build_blocks(&["Name\tAge", "Ann Lee is 40."], &[false; 2]);
        assert_eq!(single[0].kind, BlockKind::Paragraph);
    }
}

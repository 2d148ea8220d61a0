//! Build the priming text of share links (`src/share/share_priming.txt`): what the
//! link coder reads before a story, so that it starts out knowing the
//! payload's record layout and the commonest words and word pairs of news.
//!
//! cargo run --release -p folio-core --example share_priming -- ../shared/corpus/dev/trafilatura > crates/folio-core/src/share/share_priming.txt
//!
//! The text is statistics, not prose: per language, the word pairs and
//! words that the story bodies of the DEV corpus's *trafilatura* pages use
//! most, as ranked lists (rarest first, commonest last, where the coder
//! remembers them best). No sentence of any page is kept, and the
//! scrapinghub pages that link lengths are measured on are never read.
//! Links depend on this text byte for byte: once a link format has
//! shipped, its priming never changes; a new priming needs a new format.

use std::collections::HashMap;

use folio_core::parse_text;

/// Per language, how many word pairs and words to list; the language with
/// most stories comes last.
const LISTS: &[(&str, usize, usize)] = &[
    ("pl", 100, 400),
    ("pt", 100, 400),
    ("es", 200, 800),
    ("fr", 200, 800),
    ("de", 400, 1_500),
    ("en", 6_000, 8_000),
];
/// A word must occur this often to be listed, a pair this often.
const MIN_WORD_COUNT: usize = 2;
const MIN_PAIR_COUNT: usize = 3;
/// Items per priming line.
const PER_LINE: usize = 12;

/// The record layout of a shared story, with made-up values.
const LAYOUT: &str = "h\tHeadline of the story\ns\tSite Name\nc\tSection\n\
p\t2025-12-31T13:28\t13:28 31.12.2025\nu\t2025-12-31T14:05+02:00\tUpdated Dec. 31, 2025, 2:05 p.m.\n\
a\tFirst Author\ta\tSecond Author\nm\t1\t0\ng\ten\nL\tThe lead of the story.\n\
P\tA paragraph of the story.\nQ\t\"A quote,\" she said.\tSpeaker Name\tX\nH\tA subheading\n\
t\ttag\nR\tA related story\t2025-12-30T22:06\n#\t0123abcd\n";

fn main() {
    let dir = std::env::args().nth(1).expect("the DEV trafilatura folder");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("readable folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    type Counts = HashMap<String, usize>;
    let mut counts: HashMap<String, (Counts, Counts)> = HashMap::new();
    for path in paths {
        let text = std::fs::read_to_string(&path).expect("UTF-8 text");
        let article = parse_text(&text);
        let Some(lang) = article.language.clone() else {
            continue;
        };
        let (pairs, words) = counts.entry(lang).or_default();
        for block in &article.body {
            // Words, and pairs of words with only a space between them.
            let mut previous: Option<&str> = None;
            for piece in block.text.split_whitespace() {
                let word = piece.trim_end_matches(|c: char| !c.is_alphanumeric());
                let clean = !word.is_empty()
                    && word.chars().next().is_some_and(char::is_alphabetic)
                    && word
                        .chars()
                        .all(|c| c.is_alphanumeric() || matches!(c, '\'' | '’' | '-'));
                if !clean {
                    previous = None;
                    continue;
                }
                *words.entry(word.to_string()).or_default() += 1;
                if let Some(before) = previous {
                    *pairs.entry(format!("{before} {word}")).or_default() += 1;
                }
                // Punctuation after the word ends the pair.
                previous = (word.len() == piece.len()).then_some(word);
            }
        }
    }
    print!("{LAYOUT}");
    for &(lang, pair_count, word_count) in LISTS {
        let Some((pairs, words)) = counts.get(lang) else {
            continue;
        };
        println!("g\t{lang}");
        print_ranked(pairs, pair_count, MIN_PAIR_COUNT, ", ");
        print_ranked(words, word_count, MIN_WORD_COUNT, " ");
    }
}

/// The `n` commonest keys, rarest first, as paragraph records.
fn print_ranked(counts: &HashMap<String, usize>, n: usize, min: usize, separator: &str) {
    let mut ranked: Vec<(&String, &usize)> = counts.iter().filter(|(_, &c)| c >= min).collect();
    // Ties broken by the text itself, so the output never depends on hashing.
    ranked.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    ranked.truncate(n);
    ranked.reverse();
    for line in ranked.chunks(PER_LINE) {
        let items: Vec<&str> = line.iter().map(|(k, _)| k.as_str()).collect();
        println!("P\t{}.", items.join(separator));
    }
}

//! Which language a text is in, and how much of a line is function words.
//!
//! Takes words and gives an ISO 639-1 code by counting each language's most
//! common function words ("the", "und", "что"). Prose is dense in them and
//! menus are not, so the same lists also give a line's stopword density, the
//! strongest single sign of running text (the jusText observation).

use std::collections::HashMap;
use std::sync::OnceLock;

/// Languages Folio recognises, with their commonest function words (lower case).
const STOPWORDS: &[(&str, &[&str])] = &[
    (
        "en",
        &[
            "the", "of", "and", "to", "in", "a", "is", "that", "for", "it", "as", "was", "with",
            "be", "by", "on", "not", "he", "this", "are", "or", "his", "from", "at", "which",
            "but", "have", "an", "had", "they", "you", "were", "their", "one", "all", "we", "can",
            "her", "has", "there", "been", "if", "more", "when", "will", "would", "who", "so",
            "no", "she", "said", "its", "than", "into", "them", "only", "also", "about", "after",
            "i", "our", "what",
        ],
    ),
    (
        "de",
        &[
            "der", "die", "und", "in", "den", "von", "zu", "das", "mit", "sich", "des", "auf",
            "für", "ist", "im", "dem", "nicht", "ein", "eine", "als", "auch", "es", "an", "werden",
            "aus", "er", "hat", "dass", "sie", "nach", "wird", "bei", "einer", "um", "am", "sind",
            "noch", "wie", "einem", "über", "einen", "so", "zum", "war", "haben", "nur", "oder",
            "aber", "vor", "zur", "bis", "mehr", "durch", "man", "sein", "wurde", "sei", "wir",
            "ich", "kann",
        ],
    ),
    (
        "fr",
        &[
            "de", "la", "le", "et", "les", "des", "en", "un", "du", "une", "que", "est", "pour",
            "qui", "dans", "a", "par", "plus", "pas", "au", "sur", "ne", "se", "ce", "il", "sont",
            "aux", "avec", "ou", "son", "sa", "ses", "mais", "nous", "elle", "été", "cette",
            "leur", "ont", "comme", "je", "vous", "on", "lui", "ces", "y", "été", "être", "fait",
            "d", "l", "qu", "n", "s", "c",
        ],
    ),
    (
        "es",
        &[
            "de", "la", "que", "el", "en", "y", "a", "los", "del", "se", "las", "por", "un",
            "para", "con", "no", "una", "su", "al", "es", "lo", "como", "más", "pero", "sus", "le",
            "ya", "o", "fue", "este", "ha", "sí", "porque", "esta", "son", "entre", "cuando",
            "muy", "sin", "sobre", "ser", "también", "me", "hasta", "hay", "donde", "han", "desde",
            "todo",
        ],
    ),
    (
        "pt",
        &[
            "de", "a", "o", "que", "e", "do", "da", "em", "um", "para", "é", "com", "não", "uma",
            "os", "no", "se", "na", "por", "mais", "as", "dos", "como", "mas", "foi", "ao", "ele",
            "das", "tem", "à", "seu", "sua", "ou", "ser", "quando", "muito", "há", "nos", "já",
            "está", "eu", "também", "só", "pelo", "pela", "até", "isso", "ela", "entre", "era",
        ],
    ),
    (
        "it",
        &[
            "di", "e", "il", "la", "che", "a", "per", "in", "un", "è", "del", "non", "una", "i",
            "le", "si", "della", "con", "al", "da", "sono", "dei", "nel", "alla", "ha", "anche",
            "come", "più", "lo", "gli", "ma", "delle", "o", "questo", "nella", "se", "era",
            "stato",
        ],
    ),
    (
        "nl",
        &[
            "de", "en", "van", "het", "een", "in", "is", "dat", "op", "te", "zijn", "voor", "met",
            "die", "niet", "aan", "er", "om", "ook", "als", "dan", "maar", "bij", "of", "uit",
            "nog", "wordt", "door", "naar", "heeft", "hij", "ze", "zich", "wel", "worden", "kan",
        ],
    ),
    (
        "pl",
        &[
            "i", "w", "na", "z", "się", "nie", "do", "to", "że", "jest", "o", "a", "jak", "po",
            "od", "ale", "za", "co", "tak", "przez", "już", "dla", "jego", "tym", "czy", "są",
            "może", "jej", "ich", "był", "była", "było", "ze", "oraz", "tylko", "tego", "które",
            "który", "która", "pod", "także", "też", "przy", "bardzo",
        ],
    ),
    (
        "ru",
        &[
            "и",
            "в",
            "не",
            "на",
            "что",
            "с",
            "по",
            "это",
            "как",
            "а",
            "из",
            "к",
            "у",
            "за",
            "от",
            "о",
            "так",
            "для",
            "но",
            "же",
            "его",
            "все",
            "она",
            "он",
            "они",
            "был",
            "была",
            "было",
            "бы",
            "уже",
            "только",
            "или",
            "ее",
            "их",
            "до",
            "при",
            "также",
            "этого",
            "который",
            "которые",
            "после",
            "если",
            "чтобы",
            "года",
            "может",
            "сказал",
        ],
    ),
    (
        "ja",
        &[
            "の", "に", "は", "を", "た", "が", "で", "て", "と", "し", "れ", "さ", "な", "い",
            "か", "も", "る", "す", "こ", "う",
        ],
    ),
    (
        "zh",
        &[
            "的", "了", "是", "在", "不", "和", "有", "我", "他", "这", "也", "就", "都", "而",
            "及", "与", "着", "或", "个", "们",
        ],
    ),
    (
        "ar",
        &[
            "في", "من", "على", "إلى", "أن", "عن", "مع", "هذا", "التي", "الذي", "ما", "لا", "كان",
            "قد", "هو", "هي", "بين", "بعد", "كل", "وقال",
        ],
    ),
    (
        "he",
        &[
            "של", "את", "על", "לא", "עם", "זה", "הוא", "היא", "גם", "כי", "אם", "או", "אל", "יש",
            "מה", "אבל", "כל", "היה", "בין", "לפי",
        ],
    ),
    (
        "fa",
        &[
            "در", "به", "از", "که", "این", "را", "با", "است", "برای", "آن", "یک", "تا", "می", "شد",
            "هم", "بر", "خود", "شده", "کرد", "نیز",
        ],
    ),
    (
        "uk",
        &[
            "і",
            "в",
            "у",
            "не",
            "на",
            "що",
            "з",
            "та",
            "до",
            "це",
            "як",
            "за",
            "від",
            "й",
            "із",
            "по",
            "а",
            "для",
            "але",
            "його",
            "про",
            "також",
            "вже",
            "які",
            "який",
            "яка",
            "був",
            "була",
            "було",
            "бути",
            "при",
            "їх",
            "її",
            "щоб",
            "після",
            "якщо",
            "ще",
            "лише",
            "може",
            "року",
            "зокрема",
            "чи",
        ],
    ),
];

/// Texts with fewer stopword hits than this get no language.
const MIN_LANGUAGE_HITS: usize = 5;

/// Words read when guessing the language: enough for a stable count, and
/// bounded so a 50 MB dump costs no more than a page.
const LANGUAGE_SAMPLE_WORDS: usize = 20_000;

/// Han, kana and hangul: scripts written without spaces between words.
pub fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30ff}' | '\u{3400}'..='\u{9fff}' | '\u{ac00}'..='\u{d7af}' | '\u{f900}'..='\u{faff}')
}

/// The words of `text`: runs of letters and digits; in scripts written
/// without spaces (Chinese, Japanese) each character counts as a word,
/// which is close to their average word length and keeps counts comparable.
pub fn words(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        let start = rest.find(is_word_char)?;
        rest = &rest[start..];
        let first = rest.chars().next()?;
        let end = if is_cjk(first) {
            first.len_utf8()
        } else {
            rest.find(|c: char| !is_word_char(c) || is_cjk(c))
                .unwrap_or(rest.len())
        };
        let (word, after) = rest.split_at(end);
        rest = after;
        Some(word)
    })
}

/// How many bytes of `text` spell `needle` (written in lower case) when
/// read in lower case: the length in `text` itself, which a lower-cased
/// copy need not keep ("\u{212a}eywords" is six letters but eight bytes,
/// "keywords" as a copy).
pub fn caseless_prefix_len(text: &str, needle: &str) -> Option<usize> {
    let mut want = needle.chars().peekable();
    for (at, c) in text.char_indices() {
        if want.peek().is_none() {
            return Some(at);
        }
        for lower in c.to_lowercase() {
            if want.next() != Some(lower) {
                return None;
            }
        }
    }
    want.peek().is_none().then_some(text.len())
}

/// `text` after a `prefix` (written in lower case) read in any case.
pub fn strip_prefix_caseless<'t>(text: &'t str, prefix: &str) -> Option<&'t str> {
    caseless_prefix_len(text, prefix).map(|len| &text[len..])
}

/// `text` without `suffix` at its end, the two compared in any case
/// ("…Babywearing Hiking the Flat Irons" ends with "HIKING THE FLAT IRONS").
pub fn strip_suffix_caseless<'t>(text: &'t str, suffix: &str) -> Option<&'t str> {
    let cut = text.len().checked_sub(suffix.len())?;
    (text.is_char_boundary(cut) && text[cut..].to_lowercase() == suffix.to_lowercase())
        .then(|| &text[..cut])
}

/// Where `needle` (written in lower case) first occurs in `text` read in
/// any case: the byte range in `text` itself, safe to slice it with.
pub fn find_caseless(text: &str, needle: &str) -> Option<std::ops::Range<usize>> {
    let first = needle.chars().next()?;
    // Most letters are ASCII: those are compared without Unicode's tables.
    let may_start = |c: char| {
        if c.is_ascii() {
            c.to_ascii_lowercase() == first
        } else {
            c.to_lowercase().next() == Some(first)
        }
    };
    text.char_indices()
        .filter(|&(_, c)| may_start(c))
        .find_map(|(at, _)| caseless_prefix_len(&text[at..], needle).map(|len| at..at + len))
}

/// Whether `text`, read in lower case, holds any of `words` (written in
/// lower case): "Updated: …" holds "updated".
pub fn mentions_any(text: &str, words: &[&str]) -> bool {
    let lowered = text.to_lowercase();
    words.iter().any(|w| lowered.contains(w))
}

/// A letter or digit; ASCII is answered without Unicode's tables.
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        c.is_alphanumeric()
    }
}

/// FNV-1a for the word tables: the keys are short and not chosen by an
/// attacker, so a fast non-keyed hash does the job SipHash would do slowly.
#[derive(Default)]
pub struct FnvHasher(u64);

impl std::hash::Hasher for FnvHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut hash = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            hash = (hash ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
        }
        self.0 = hash;
    }
}

/// A hash map keyed by short strings from fixed tables.
pub type WordMap<V> = HashMap<&'static str, V, std::hash::BuildHasherDefault<FnvHasher>>;

/// Longest function word in any list, in bytes: longer words skip the lookup.
const MAX_STOPWORD_BYTES: usize = 16;

/// Every function word, with a bit set for each language whose list has it.
/// Built once; one hash lookup per word replaces a scan of every list.
fn stopword_index() -> &'static WordMap<u16> {
    static INDEX: OnceLock<WordMap<u16>> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut index = WordMap::default();
        for (k, (_, list)) in STOPWORDS.iter().enumerate() {
            for word in *list {
                *index.entry(*word).or_insert(0) |= 1 << k;
            }
        }
        index
    })
}

/// The languages (as bits of `STOPWORDS` positions) whose function words
/// include `word`, ignoring case. `lowered` is a reusable buffer.
fn stopword_languages(word: &str, lowered: &mut String) -> u16 {
    if word.len() > MAX_STOPWORD_BYTES {
        return 0;
    }
    let index = stopword_index();
    if let Some(bits) = index.get(word) {
        return *bits;
    }
    if !word.chars().any(char::is_uppercase) {
        return 0;
    }
    lowered.clear();
    lowered.extend(word.chars().flat_map(char::to_lowercase));
    index.get(lowered.as_str()).copied().unwrap_or(0)
}

/// Whether `word` is a function word of any language ("the", "und").
pub fn is_function_word(word: &str) -> bool {
    stopword_languages(word, &mut String::new()) != 0
}

/// The language of `text` by function-word counts, or `None` when too few
/// words are known to any list.
pub fn detect_language(text: &str) -> Option<&'static str> {
    let mut hits = [0usize; STOPWORDS.len()];
    let mut lowered = String::new();
    for word in words(text).take(LANGUAGE_SAMPLE_WORDS) {
        let bits = stopword_languages(word, &mut lowered);
        for (k, hit) in hits.iter_mut().enumerate() {
            *hit += usize::from(bits & (1 << k) != 0);
        }
    }
    let (best, &count) = hits.iter().enumerate().max_by_key(|(_, n)| **n)?;
    (count >= MIN_LANGUAGE_HITS).then_some(STOPWORDS[best].0)
}

/// Counts a line's words and how many of them are function words of `language`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WordCounts {
    pub words: usize,
    pub stopwords: usize,
}

impl WordCounts {
    /// Share of the words that are function words (0 for no words).
    pub fn density(self) -> f32 {
        if self.words == 0 {
            0.0
        } else {
            self.stopwords as f32 / self.words as f32
        }
    }
}

/// Words and function words of `language` in `line`.
pub fn count_words(line: &str, language: Option<&str>) -> WordCounts {
    let bit = language
        .and_then(|l| STOPWORDS.iter().position(|(code, _)| *code == l))
        .map_or(0, |k| 1u16 << k);
    let mut counts = WordCounts::default();
    let mut lowered = String::new();
    for word in words(line) {
        counts.words += 1;
        if bit != 0 && stopword_languages(word, &mut lowered) & bit != 0 {
            counts.stopwords += 1;
        }
    }
    counts
}

/// Words a reader reads per minute in `language`: slower for languages whose
/// words are longer on average (Rayner et al. 2016 measured ~238 wpm for
/// English non-fiction; German and Slavic texts run about 10% fewer words).
pub fn words_per_minute(language: Option<&str>) -> u32 {
    match language {
        // Counted in characters (see `words`): about 500 a minute.
        Some("ja" | "zh") => 500,
        Some("de" | "pl" | "ru" | "uk" | "fi") => 200,
        Some("fr" | "es" | "pt" | "it" | "nl") => 220,
        _ => 230,
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn caseless_search_gives_offsets_in_the_text_itself() {
        // The Kelvin sign is three bytes; its lower case "k" is one.
        let text = "\u{212a}eywords: alpha, beta";
        assert_eq!(
            strip_prefix_caseless(text, "keywords"),
            Some(": alpha, beta")
        );
        assert_eq!(
            find_caseless("Tags & \u{212a}EYWORDS: a", "keywords"),
            Some(7..17)
        );
        assert_eq!(find_caseless("By ANN", " ann"), Some(2..6));
        assert_eq!(find_caseless("Byline", "lines"), None);
        assert_eq!(strip_prefix_caseless("Tag", "tags"), None);
        // A needle that ends inside one letter's lower case does not match.
        assert_eq!(strip_prefix_caseless("\u{130}x", "i"), None);
    }

    use super::*;

    #[test]
    fn detects_common_news_languages() {
        assert_eq!(detect_language("The minister said that the plan is in place and will be done by the end of the year."), Some("en"));
        assert_eq!(detect_language("Der Minister sagte, dass der Plan auf dem Weg ist und bis zum Ende des Jahres umgesetzt wird."), Some("de"));
        assert_eq!(detect_language("Міністр сказав, що план вже діє і буде виконаний до кінця року, а також що це важливо."), Some("uk"));
        assert_eq!(detect_language("Министр сказал, что план уже действует и будет выполнен до конца года, а также что это важно."), Some("ru"));
        assert_eq!(detect_language("Menu Home Login"), None);
        assert_eq!(detect_language("قال الوزير إن الخطة في طريقها إلى التنفيذ وأن العمل على المشروع مستمر مع الشركاء من كل المناطق."), Some("ar"));
        assert_eq!(
            detect_language(
                "השר אמר כי התוכנית של הממשלה היא על השולחן וגם כי אין עם מי לדבר על זה כל היום."
            ),
            Some("he")
        );
        assert_eq!(detect_language("وزیر گفت که این طرح در حال اجرا است و برای مردم از هر نظر مفید خواهد بود تا پایان سال."), Some("fa"));
    }

    #[test]
    fn unspaced_scripts_count_each_character() {
        assert_eq!(
            words("商品の改造 is 違反").collect::<Vec<_>>(),
            ["商", "品", "の", "改", "造", "is", "違", "反"]
        );
        assert_eq!(
            detect_language(
                "商品の改造が商標法違反になる可能性があることを、専門家は指摘している。"
            ),
            Some("ja")
        );
    }

    #[test]
    fn prose_is_denser_in_function_words_than_menus() {
        let prose = count_words(
            "He said that the talks would go on for as long as it takes.",
            Some("en"),
        );
        let menu = count_words("Home World Politics Business Tech Markets", Some("en"));
        assert!(prose.density() > 0.4, "{prose:?}");
        assert_eq!(menu.stopwords, 0);
    }
}

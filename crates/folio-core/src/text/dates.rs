//! Dates and times written in a line of text, in many languages.
//!
//! Takes one short line and gives each date it states, with the time and
//! offset written beside it: `13:28 31.12.2025`, `2025-12-31T13:28+02:00`,
//! `Dec. 31, 2025, 1:28 p.m.`, `31. Dezember 2025`, `31 grudnia 2025`,
//! `31 декабря 2025`. A day/month order that the digits cannot settle
//! (`03/04/2025`) is settled by the language and reported as a guess.
//!
//! The line is cut into tokens once and matched left to right, so the work
//! is linear in the line's length; lines longer than [`MAX_DATE_LINE_BYTES`]
//! are not searched (dates sit in short lines: datelines, bylines, lists).

use chrono::{FixedOffset, NaiveDate, NaiveTime};

/// Lines longer than this hold prose, not a dateline; they are not searched.
pub const MAX_DATE_LINE_BYTES: usize = 400;

/// Earliest and latest year taken as a year of publication.
pub const YEARS: std::ops::RangeInclusive<i32> = 1990..=2100;

/// How far (in tokens) a time may stand from its date and still belong to it.
const TIME_REACH_TOKENS: usize = 8;

/// A point in time as a page states it: a date, maybe a time, maybe an offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Moment {
    pub date: NaiveDate,
    pub time: Option<NaiveTime>,
    pub offset: Option<FixedOffset>,
}

impl Moment {
    /// ISO 8601: `2025-12-31`, `2025-12-31T13:28`, `2025-12-31T13:28:05+02:00`.
    pub fn iso(&self) -> String {
        use chrono::{Datelike, Timelike};
        // Written by hand: chrono's strftime machinery would cost the Wasm
        // bundle tens of kilobytes for three fixed patterns.
        let d = self.date;
        let mut out = format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day());
        if let Some(time) = self.time {
            out.push_str(&format!("T{:02}:{:02}", time.hour(), time.minute()));
            if time.second() != 0 {
                out.push_str(&format!(":{:02}", time.second()));
            }
            if let Some(offset) = self.offset {
                out.push_str(&offset_text(offset));
            }
        }
        out
    }
}

fn offset_text(offset: FixedOffset) -> String {
    let secs = offset.local_minus_utc();
    let sign = if secs < 0 { '-' } else { '+' };
    let secs = secs.abs();
    format!("{sign}{:02}:{:02}", secs / 3600, secs % 3600 / 60)
}

/// Which of two small numbers comes first in a numeric date like `03/04/2025`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayMonthOrder {
    DayFirst,
    MonthFirst,
}

impl DayMonthOrder {
    /// The usual order for a language: month first in English, else day first.
    pub fn for_language(language: Option<&str>) -> Self {
        match language {
            Some("en") => DayMonthOrder::MonthFirst,
            _ => DayMonthOrder::DayFirst,
        }
    }

    /// The order a page's language tag names, when its region says more
    /// than its language: English outside the United States and the
    /// places that write as they do ("en-GB", "en-AU", "en-IN") writes
    /// the day first. `None` for a tag without a region, or another
    /// language (its usual order stands).
    pub fn for_language_tag(tag: &str) -> Option<Self> {
        /// Regions whose English writes the month first.
        const MONTH_FIRST_REGIONS: &[&str] =
            &["us", "ph", "ca", "as", "gu", "mp", "pr", "um", "vi"];
        let mut subtags = tag.split(['-', '_']).map(str::to_ascii_lowercase);
        let language = subtags.next()?;
        // The region: two letters, after any script subtag ("en-Latn-GB").
        let region = subtags.find(|s| s.len() == 2)?;
        (language == "en").then(|| {
            if MONTH_FIRST_REGIONS.contains(&region.as_str()) {
                DayMonthOrder::MonthFirst
            } else {
                DayMonthOrder::DayFirst
            }
        })
    }
}

/// The order a page's dates are read in: its own unambiguous numeric dates
/// say it ([`page_order`]); else the order the page states (a saved page's
/// `lang="en-GB"`); else its language's. The text's lines and a saved
/// page's metadata dates are read in the same order.
pub fn settled_order<'a>(
    lines: impl IntoIterator<Item = &'a str>,
    stated: Option<DayMonthOrder>,
    language: Option<&str>,
) -> DayMonthOrder {
    page_order(lines)
        .or(stated)
        .unwrap_or_else(|| DayMonthOrder::for_language(language))
}

/// The day/month order a page's own numeric dates show: one with a first
/// number over 12 ("25/12/2019") is day first, one with a second over 12
/// ("12/25/2019") month first. `None` when they show neither, or both.
pub fn page_order<'a>(lines: impl IntoIterator<Item = &'a str>) -> Option<DayMonthOrder> {
    let (mut day_first, mut month_first) = (false, false);
    for line in lines {
        let bytes = line.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            // Digits, a separator, digits, the same separator, a year.
            let number = |at: usize| {
                let end = (at..bytes.len())
                    .find(|&j| !bytes[j].is_ascii_digit())
                    .unwrap_or(bytes.len());
                (end > at && end - at <= 4)
                    .then(|| (line[at..end].parse::<u32>().unwrap_or(0), end))
            };
            let starts_number =
                bytes[i].is_ascii_digit() && (i == 0 || !bytes[i - 1].is_ascii_digit());
            if !starts_number {
                i += 1;
                continue;
            }
            let Some((first, a)) = number(i) else {
                i += 1;
                continue;
            };
            let found = (|| {
                let sep = *bytes.get(a).filter(|b| matches!(b, b'/' | b'.' | b'-'))?;
                let (second, b) = number(a + 1)?;
                (bytes.get(b) == Some(&sep)).then_some(())?;
                let (year, c) = number(b + 1)?;
                let year_digits = c - (b + 1);
                (year_digits == 2 || year_digits == 4 && year >= 1900).then_some((first, second))
            })();
            if let Some((first, second)) = found {
                match (first, second) {
                    (13..=31, 1..=12) => day_first = true,
                    (1..=12, 13..=31) => month_first = true,
                    _ => {}
                }
            }
            i = a.max(i + 1);
        }
    }
    match (day_first, month_first) {
        (true, false) => Some(DayMonthOrder::DayFirst),
        (false, true) => Some(DayMonthOrder::MonthFirst),
        _ => None,
    }
}

/// A date found in a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundDate {
    pub moment: Moment,
    /// Byte range of the date and its time within the line.
    pub start: usize,
    pub end: usize,
    /// The day/month order was guessed from the language.
    pub order_guessed: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TokenKind {
    /// A run of ASCII digits: value and how many digits.
    Number(u32, u8),
    /// A run of letters.
    Word,
    /// Any other single non-space character.
    Punct(char),
}

#[derive(Debug, Clone, Copy)]
struct Token {
    kind: TokenKind,
    start: usize,
    end: usize,
}

fn tokenize(line: &str) -> Vec<Token> {
    let mut tokens: Vec<Token> = Vec::new();
    let mut chars = line.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        let kind_of = |c: char| {
            if digit_value(c).is_some() {
                1
            } else if c.is_alphabetic() {
                2
            } else {
                0
            }
        };
        let kind = kind_of(c);
        let mut end = start + c.len_utf8();
        if kind != 0 {
            while let Some(&(i, next)) = chars.peek() {
                if kind_of(next) != kind {
                    break;
                }
                end = i + next.len_utf8();
                chars.next();
            }
        }
        if kind == 1 {
            if let Some(year_end) = glued_year_end(line, start, end) {
                tokens.push(Token {
                    kind: TokenKind::Number(line[start..year_end].parse().unwrap_or(u32::MAX), 4),
                    start,
                    end: year_end,
                });
                let rest = &line[year_end..end];
                tokens.push(Token {
                    kind: TokenKind::Number(
                        rest.parse().unwrap_or(u32::MAX),
                        rest.len().min(255) as u8,
                    ),
                    start: year_end,
                    end,
                });
                continue;
            }
        }
        if kind == 2 {
            if let Some(at) = glued_month_start(&line[start..end]) {
                tokens.push(Token {
                    kind: TokenKind::Word,
                    start,
                    end: start + at,
                });
                tokens.push(Token {
                    kind: TokenKind::Word,
                    start: start + at,
                    end,
                });
                continue;
            }
        }
        let kind = match kind {
            1 => {
                let (value, count) = number_value(&line[start..end]);
                TokenKind::Number(value, count)
            }
            2 => TokenKind::Word,
            _ => TokenKind::Punct(c),
        };
        tokens.push(Token { kind, start, end });
    }
    tokens
}

/// A decimal digit's value: ASCII, Arabic-Indic (٠–٩, as Arabic pages
/// write dates) and Extended Arabic-Indic (۰–۹, Persian and Urdu).
fn digit_value(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '\u{0660}'..='\u{0669}' => Some(c as u32 - 0x0660),
        '\u{06F0}'..='\u{06F9}' => Some(c as u32 - 0x06F0),
        _ => None,
    }
}

/// The value of a run of digits (`u32::MAX` when it does not fit) and how
/// many digits it has.
fn number_value(digits: &str) -> (u32, u8) {
    let mut value = Some(0u32);
    let mut count = 0usize;
    for d in digits.chars().filter_map(digit_value) {
        value = value.and_then(|v| v.checked_mul(10)?.checked_add(d));
        count += 1;
    }
    (value.unwrap_or(u32::MAX), count.min(255) as u8)
}

/// Where a year ends inside a run of digits that glues it to the next
/// date or time: a page that set published and updated dates side by side
/// ("3. April 20223. April 2022", "17/11/201917/11/2019", "4 de mayo de
/// 202207:59"). The run is a year and one or two more digits, and a date
/// or time separator follows it.
fn glued_year_end(line: &str, start: usize, end: usize) -> Option<usize> {
    let digits = &line[start..end];
    let year: i32 = digits.get(..4)?.parse().ok()?;
    let separator = line[end..].starts_with(['.', '/', ':', '-']);
    ((5..=6).contains(&digits.len()) && YEARS.contains(&year) && separator).then_some(start + 4)
}

/// Where a month's name starts inside a word that innerText glued to the
/// word before it ("Shana Nys DambrotNovember 6, 2023": a name and a date
/// in elements side by side): at a small letter followed by a capital
/// that opens a month's name of four letters or more ("Mar" or "Sie"
/// could end many a word).
fn glued_month_start(word: &str) -> Option<usize> {
    let mut chars = word.char_indices().peekable();
    while let Some((_, c)) = chars.next() {
        let &(at, next) = chars.peek()?;
        let tail = &word[at..];
        if c.is_lowercase()
            && next.is_uppercase()
            && tail.chars().count() >= 4
            && month_number(&tail.to_lowercase()).is_some()
        {
            return Some(at);
        }
    }
    None
}

/// The month a word names, in the languages Folio reads (full names,
/// genitive forms and common abbreviations), lower case.
pub fn month_number(word: &str) -> Option<u32> {
    let month = match word {
        "january" | "jan" | "januar" | "jänner" | "janvier" | "janv" | "enero" | "ene"
        | "janeiro" | "gennaio" | "gen" | "januari" | "styczeń" | "stycznia" | "sty" | "январь"
        | "января" | "янв" | "січень" | "січня" | "січ" => 1,
        "february" | "feb" | "februar" | "février" | "fevrier" | "févr" | "fevr" | "febrero"
        | "fevereiro" | "fev" | "febbraio" | "februari" | "luty" | "lutego" | "lut" | "февраль"
        | "февраля" | "фев" | "лютий" | "лютого" | "лют" => 2,
        "march" | "mar" | "märz" | "mär" | "mars" | "marzo" | "março" | "marco" | "maart"
        | "mrt" | "marzec" | "marca" | "март" | "марта" | "мар" | "березень" | "березня"
        | "бер" => 3,
        "april" | "apr" | "avril" | "avr" | "abril" | "abr" | "aprile" | "kwiecień"
        | "kwietnia" | "kwi" | "апрель" | "апреля" | "апр" | "квітень" | "квітня" | "квіт" => {
            4
        }
        "may" | "mai" | "mayo" | "maio" | "maggio" | "mag" | "mei" | "maj" | "maja" | "май"
        | "мая" | "травень" | "травня" | "трав" => 5,
        "june" | "jun" | "juni" | "juin" | "junio" | "junho" | "giugno" | "giu" | "czerwiec"
        | "czerwca" | "cze" | "июнь" | "июня" | "июн" | "червень" | "червня" | "черв" => {
            6
        }
        "july" | "jul" | "juli" | "juillet" | "juil" | "julio" | "julho" | "luglio" | "lug"
        | "lipiec" | "lipca" | "lip" | "июль" | "июля" | "июл" | "липень" | "липня" | "лип" => {
            7
        }
        "august" | "aug" | "août" | "aout" | "agosto" | "ago" | "augustus" | "sierpień"
        | "sierpnia" | "sie" | "август" | "августа" | "авг" | "серпень" | "серпня" | "серп" => {
            8
        }
        "september" | "sep" | "sept" | "septembre" | "septiembre" | "setiembre" | "setembro"
        | "set" | "settembre" | "wrzesień" | "września" | "wrz" | "сентябрь" | "сентября"
        | "сен" | "сент" | "вересень" | "вересня" | "вер" => 9,
        "october" | "oct" | "oktober" | "okt" | "octobre" | "octubre" | "outubro" | "out"
        | "ottobre" | "ott" | "październik" | "października" | "paź" | "октябрь" | "октября"
        | "окт" | "жовтень" | "жовтня" | "жовт" => 10,
        "november" | "nov" | "novembre" | "noviembre" | "novembro" | "listopad" | "listopada"
        | "lis" | "ноябрь" | "ноября" | "ноя" | "листопад" | "листопада" | "лист" => {
            11
        }
        "december" | "dec" | "dezember" | "dez" | "décembre" | "decembre" | "déc" | "diciembre"
        | "dic" | "dezembro" | "dicembre" | "grudzień" | "grudnia" | "gru" | "декабрь"
        | "декабря" | "дек" | "грудень" | "грудня" | "груд" => 12,
        _ => return month_number_rtl(word),
    };
    Some(month)
}

/// Arabic (the Gregorian names, and the Levantine ones written as one
/// word) and Hebrew month names; Hebrew writes "in" onto the month
/// ("12 במרץ 2025").
fn month_number_rtl(word: &str) -> Option<u32> {
    let month = match word {
        // Not "كانون" or "تشرين": each names two months, by the word after it.
        "يناير" => 1,
        "فبراير" | "شباط" => 2,
        "مارس" | "آذار" => 3,
        "أبريل" | "ابريل" | "نيسان" => 4,
        "مايو" | "أيار" => 5,
        "يونيو" | "حزيران" => 6,
        "يوليو" | "تموز" => 7,
        "أغسطس" | "اغسطس" | "آب" => 8,
        "سبتمبر" | "أيلول" => 9,
        "أكتوبر" | "اكتوبر" => 10,
        "نوفمبر" => 11,
        "ديسمبر" => 12,
        "ינואר" => 1,
        "פברואר" => 2,
        "מרץ" | "מרס" => 3,
        "אפריל" => 4,
        "מאי" => 5,
        "יוני" => 6,
        "יולי" => 7,
        "אוגוסט" => 8,
        "ספטמבר" => 9,
        "אוקטובר" => 10,
        "נובמבר" => 11,
        "דצמבר" => 12,
        _ => {
            return word
                .strip_prefix('ב')
                .filter(|w| w.chars().count() >= 3)
                .and_then(month_number_rtl)
        }
    };
    Some(month)
}

/// Time-zone abbreviations that state a fixed offset (hours east of UTC).
/// Ambiguous ones ("ET", "CT") are left out: no offset is better than a wrong one.
fn zone_offset_hours(word: &str) -> Option<i32> {
    Some(match word {
        "utc" | "gmt" | "z" => 0,
        "bst" | "cet" | "mez" => 1,
        "cest" | "mesz" | "eet" => 2,
        "eest" | "msk" => 3,
        "est" => -5,
        "edt" | "cdt" => -4,
        "cst" | "mdt" => -6,
        "mst" | "pdt" => -7,
        "pst" => -8,
        _ => return None,
    })
}

struct Matcher<'a> {
    line: &'a str,
    tokens: Vec<Token>,
}

impl<'a> Matcher<'a> {
    fn kind(&self, i: usize) -> Option<TokenKind> {
        self.tokens.get(i).map(|t| t.kind)
    }

    fn number(&self, i: usize, digits: std::ops::RangeInclusive<u8>) -> Option<u32> {
        match self.kind(i)? {
            TokenKind::Number(value, n) if digits.contains(&n) => Some(value),
            _ => None,
        }
    }

    fn punct(&self, i: usize, options: &[char]) -> Option<char> {
        match self.kind(i)? {
            TokenKind::Punct(c) if options.contains(&c) => Some(c),
            _ => None,
        }
    }

    fn word(&self, i: usize) -> Option<String> {
        match self.kind(i)? {
            TokenKind::Word => {
                let t = self.tokens[i];
                Some(self.line[t.start..t.end].to_lowercase())
            }
            _ => None,
        }
    }

    fn is_word(&self, i: usize, options: &[&str]) -> bool {
        self.word(i).is_some_and(|w| options.contains(&w.as_str()))
    }

    /// Token `i` touches token `i - 1` (no space between them).
    fn adjacent(&self, i: usize) -> bool {
        self.gap(i) == 0
    }

    /// Token `i` is set off from the one before it by one space of any
    /// width ("4.\u{2009}2.\u{2009}2022": a thin space in a typeset date).
    fn one_space(&self, i: usize) -> bool {
        i > 0
            && i < self.tokens.len()
            && self.line[self.tokens[i - 1].end..self.tokens[i].start]
                .chars()
                .map(char::is_whitespace)
                .eq([true])
    }

    /// Bytes between token `i` and the one before it (`usize::MAX` when
    /// either is missing).
    fn gap(&self, i: usize) -> usize {
        if i > 0 && i < self.tokens.len() {
            self.tokens[i].start - self.tokens[i - 1].end
        } else {
            usize::MAX
        }
    }

    fn month(&self, i: usize) -> Option<u32> {
        month_number(&self.word(i)?)
    }

    /// A four-digit year (or a two-digit one when `short` allows it).
    fn year(&self, i: usize, short: bool) -> Option<i32> {
        match self.kind(i)? {
            TokenKind::Number(v, 4) if YEARS.contains(&(v as i32)) => Some(v as i32),
            TokenKind::Number(v, 2) if short => {
                Some(if v < 70 { 2000 + v } else { 1900 + v } as i32)
            }
            _ => None,
        }
    }

    /// `st`, `nd`, `rd`, `th` after a day number; returns the next index.
    fn skip_ordinal(&self, i: usize) -> usize {
        if self.adjacent(i) && self.is_word(i, &["st", "nd", "rd", "th", "er", "º", "o"]) {
            i + 1
        } else {
            i
        }
    }

    fn skip(&self, i: usize, puncts: &[char]) -> usize {
        if self.punct(i, puncts).is_some() {
            i + 1
        } else {
            i
        }
    }

    fn skip_words(&self, i: usize, words: &[&str]) -> usize {
        if self.is_word(i, words) {
            i + 1
        } else {
            i
        }
    }

    /// A date starting at token `i`: returns the date, the index after it,
    /// whether its day/month order was guessed, and any time it carries (ISO).
    fn date_at(&self, i: usize, order: DayMonthOrder) -> Option<(NaiveDate, usize, bool)> {
        if let Some(year) = self.year(i, false) {
            return self.year_first(i, year);
        }
        if let Some(numeric) = self.numeric_date(i, order) {
            return numeric;
        }
        // Day then month name: 31 December 2025, 31. Dezember 2025,
        // 31 de diciembre de 2025, 31st Dec 2025, 31 декабря 2025 г.
        if let Some(day) = self.number(i, 1..=2) {
            let mut j = self.skip_ordinal(i + 1);
            j = self.skip(j, &['.']);
            j = self.skip_words(j, &["de", "of"]);
            if let Some(month) = self.month(j) {
                j = self.skip(j + 1, &['.', ',']);
                j = self.skip_words(j, &["de", "del"]);
                let year = self.year(j, false)?;
                let date = NaiveDate::from_ymd_opt(year, month, day)?;
                return Some((date, j + 1, false));
            }
            return None;
        }
        // Month name first: Dec. 31, 2025; December 31st 2025
        if let Some(month) = self.month(i) {
            let j = self.skip(i + 1, &['.']);
            // A date badge whose day and year innerText glued ("Apr 042013").
            if let Some(glued) = self.number(j, 6..=6) {
                let (day, year) = (glued / 10_000, (glued % 10_000) as i32);
                return YEARS
                    .contains(&year)
                    .then(|| NaiveDate::from_ymd_opt(year, month, day))
                    .flatten()
                    .map(|date| (date, j + 1, false));
            }
            let day = self.number(j, 1..=2)?;
            let mut k = self.skip_ordinal(j + 1);
            k = self.skip(k, &[',']);
            let year = self.year(k, false)?;
            let date = NaiveDate::from_ymd_opt(year, month, day)?;
            return Some((date, k + 1, false));
        }
        None
    }

    /// A date that starts with its year at token `i`: ISO and year-first
    /// (2025-12-31, 2025/12/31, 2025.12.31), Chinese and Japanese
    /// (2025年3月12日), Korean (2025년 3월 12일).
    fn year_first(&self, i: usize, year: i32) -> Option<(NaiveDate, usize, bool)> {
        if self.is_word(i + 1, &["年", "년"]) {
            let month = self.number(i + 2, 1..=2)?;
            self.word(i + 3).filter(|w| w == "月" || w == "월")?;
            let day = self.number(i + 4, 1..=2)?;
            // The day's mark may run on into the words after it ("日に").
            self.word(i + 5).filter(|w| w.starts_with(['日', '일']))?;
            return NaiveDate::from_ymd_opt(year, month, day).map(|d| (d, i + 6, false));
        }
        if let Some(sep) = self.punct(i + 1, &['-', '/', '.']) {
            let month = self.number(i + 2, 1..=2)?;
            self.punct(i + 3, &[sep])?;
            let day = self.number(i + 4, 1..=2)?;
            if (1..=4).all(|k| self.adjacent(i + k)) {
                return NaiveDate::from_ymd_opt(year, month, day).map(|d| (d, i + 5, false));
            }
        }
        None
    }

    /// Numeric day and month first at token `i` (31.12.2025, 12/31/2025,
    /// 31-12-25): `None` when the tokens are not laid out so, else the
    /// date they give, if any (day or month first by `order` when both
    /// could be; a dotted date is day-first everywhere it is used).
    fn numeric_date(
        &self,
        i: usize,
        order: DayMonthOrder,
    ) -> Option<Option<(NaiveDate, usize, bool)>> {
        let a = self.number(i, 1..=2)?;
        let sep = self.punct(i + 1, &['.', '/', '-'])?;
        let b = self.number(i + 2, 1..=2)?;
        self.punct(i + 3, &[sep])?;
        let year = self.year(i + 4, true)?;
        // "18. 05. 2014": a dotted date may have a space after each dot,
        // with its year in full.
        let spaced = sep == '.'
            && self.adjacent(i + 1)
            && self.adjacent(i + 3)
            && self.number(i + 4, 4..=4).is_some()
            && self.one_space(i + 2)
            && self.one_space(i + 4);
        if !spaced && !(1..=4).all(|k| self.adjacent(i + k)) {
            return Some(None);
        }
        let day_first = NaiveDate::from_ymd_opt(year, b, a);
        let month_first = NaiveDate::from_ymd_opt(year, a, b);
        Some(match (day_first, month_first) {
            (Some(d), None) | (None, Some(d)) => Some((d, i + 5, false)),
            (Some(d), Some(m)) if d == m => Some((d, i + 5, false)),
            (Some(d), Some(m)) => {
                let pick = if sep == '.' || order == DayMonthOrder::DayFirst {
                    d
                } else {
                    m
                };
                Some((pick, i + 5, sep != '.'))
            }
            (None, None) => None,
        })
    }

    /// A clock time starting at token `i`: `13:28`, `13:28:05`, `1:28 p.m.`,
    /// `8:03 am`, `13.28 Uhr`, `13h28`. Returns the time and the index after it.
    fn time_at(&self, i: usize) -> Option<(NaiveTime, usize)> {
        let hour = self.number(i, 1..=2)?;
        // Japanese and Chinese 10時45分, Korean 10시 45분.
        if self
            .word(i + 1)
            .is_some_and(|w| w.starts_with(['時', '时', '시']))
        {
            let minute = self.number(i + 2, 1..=2)?;
            let marked = self
                .word(i + 3)
                .is_some_and(|w| w.starts_with(['分', '분']));
            let j = if marked { i + 4 } else { i + 3 };
            return NaiveTime::from_hms_opt(hour, minute, 0).map(|t| (t, j));
        }
        let (minute, mut j, needs_marker) = if self.punct(i + 1, &[':']).is_some() {
            (self.number(i + 2, 2..=2)?, i + 3, false)
        } else if self.punct(i + 1, &['.']).is_some() {
            (self.number(i + 2, 2..=2)?, i + 3, true)
        } else if self.is_word(i + 1, &["h"]) && self.adjacent(i + 1) {
            (self.number(i + 2, 2..=2)?, i + 3, false)
        } else {
            return None;
        };
        if !self.adjacent(i + 1) || !self.adjacent(i + 2) {
            return None;
        }
        let mut second = 0;
        if self.punct(j, &[':']).is_some() && self.adjacent(j) {
            if let Some(s) = self.number(j + 1, 2..=2) {
                second = s;
                j += 2;
                // Fractions of a second: 13:28:05.123
                if self.punct(j, &['.']).is_some() && self.number(j + 1, 1..=9).is_some() {
                    j += 2;
                }
            }
        }
        let mut hour = hour;
        if let Some(w) = self.word(j) {
            match w.as_str() {
                "am" | "pm" if hour <= 12 => {
                    hour = twelve_hour(hour, w == "pm");
                    j += 1;
                }
                "a" | "p" if hour <= 12 && self.is_word(j + 2, &["m"]) => {
                    hour = twelve_hour(hour, w == "p");
                    j = self.skip(j + 3, &['.']);
                }
                "uhr" | "h" | "hs" | "hrs" => j += 1,
                _ if needs_marker => return None,
                _ => {}
            }
        } else if needs_marker {
            return None;
        }
        NaiveTime::from_hms_opt(hour, minute, second).map(|t| (t, j))
    }

    /// An offset right after a time: `Z`, `+02:00`, `+0200`, `UTC`, `GMT+3`, `CET`.
    fn offset_at(&self, i: usize) -> Option<(FixedOffset, usize)> {
        let mut j = i;
        let mut hours = 0;
        let mut named = false;
        if let Some(w) = self.word(j) {
            hours = zone_offset_hours(&w)?;
            named = true;
            j += 1;
        }
        if let Some(sign) = self.punct(j, &['+', '-', '−']) {
            // A bare sign must touch the time or zone ("13:28+02:00"), else
            // it is a dash in the text ("13:28 - 2 comments").
            if !self.adjacent(j) {
                return FixedOffset::east_opt(hours * 3600)
                    .filter(|_| named)
                    .map(|o| (o, j));
            }
            if named && hours != 0 {
                return FixedOffset::east_opt(hours * 3600).map(|o| (o, j));
            }
            let (h, m, next) = match self.kind(j + 1) {
                Some(TokenKind::Number(v, 4)) => (v / 100, v % 100, j + 2),
                Some(TokenKind::Number(v, 1..=2)) => {
                    if self.punct(j + 2, &[':']).is_some() {
                        (v, self.number(j + 3, 2..=2).unwrap_or(0), j + 4)
                    } else {
                        (v, 0, j + 2)
                    }
                }
                _ => {
                    return FixedOffset::east_opt(hours * 3600)
                        .filter(|_| named)
                        .map(|o| (o, j))
                }
            };
            if h > 14 || m > 59 {
                return None;
            }
            let secs = (h * 3600 + m * 60) as i32;
            let secs = if sign == '+' { secs } else { -secs };
            return FixedOffset::east_opt(secs).map(|o| (o, next));
        }
        if named {
            return FixedOffset::east_opt(hours * 3600).map(|o| (o, j));
        }
        None
    }

    /// Index of the token that starts at or after byte `at`.
    fn first_token_at(&self, at: usize) -> usize {
        self.tokens.partition_point(|t| t.start < at)
    }
}

fn twelve_hour(hour: u32, pm: bool) -> u32 {
    match (hour, pm) {
        (12, false) => 0,
        (12, true) => 12,
        (h, true) => h + 12,
        (h, false) => h,
    }
}

/// Whole days between the calendar days of two ISO dates.
pub fn days_apart(a: &str, b: &str) -> Option<i64> {
    let day = |iso: &str| chrono::NaiveDate::parse_from_str(iso.get(..10)?, "%Y-%m-%d").ok();
    Some((day(a)? - day(b)?).num_days().abs())
}

/// The ISO form of a metadata date ("2019-11-19T13:03:00.000Z").
pub fn metadata_date_iso(value: &str) -> Option<String> {
    find_dates(value.trim(), DayMonthOrder::DayFirst)
        .first()
        .map(|d| d.moment.iso())
}

/// A line that is a day of the year and nothing else: "Nov 18", "Nov. 18th",
/// "18 Nov", "18. November". Gives (month, day); sites leave the year off
/// the dates of this year's stories. Marks around it ("• Nov 18") are
/// allowed; any other word or number is not.
pub fn day_without_year(line: &str) -> Option<(u32, u32)> {
    let tokens: Vec<Token> = tokenize(line)
        .into_iter()
        .filter(|t| !matches!(t.kind, TokenKind::Punct(c) if c != '.'))
        .collect();
    let m = Matcher { line, tokens };
    let n = m.tokens.len();
    let day_at = |i: usize| m.number(i, 1..=2).filter(|d| (1..=31).contains(d));
    // Month first: "Nov 18", "Nov. 18th".
    if let (Some(month), Some(day)) = (m.month(0), day_at(m.skip(1, &['.']))) {
        let end = m.skip(m.skip_ordinal(m.skip(1, &['.']) + 1), &['.']);
        return (end == n).then_some((month, day));
    }
    // Day first: "18 Nov", "18. November", "18th Nov.".
    let day = day_at(0)?;
    let at = m.skip(m.skip_ordinal(1), &['.']);
    let month = m.month(at)?;
    (m.skip(at + 1, &['.']) == n).then_some((month, day))
}

/// Whether [`find_dates`] could find a date at `line`'s first byte: the
/// line opens with a digit (a day, a year or a time) or a month's name.
/// A cheap test for callers that ask only about a line's opening.
pub fn may_open_with_date(line: &str) -> bool {
    let Some(first) = line.chars().next() else {
        return false;
    };
    if digit_value(first).is_some() {
        return true;
    }
    let word_end = line
        .char_indices()
        .find(|&(_, c)| !c.is_alphabetic())
        .map_or(line.len(), |(at, _)| at);
    word_end > 0 && month_number(&line[..word_end].to_lowercase()).is_some()
}

/// Every date written in `line`, in order, each with the nearest time and
/// offset written beside it. Lines over [`MAX_DATE_LINE_BYTES`] give none.
pub fn find_dates(line: &str, order: DayMonthOrder) -> Vec<FoundDate> {
    if line.len() > MAX_DATE_LINE_BYTES {
        return Vec::new();
    }
    let m = Matcher {
        line,
        tokens: tokenize(line),
    };
    // Times first, so a date can take the one nearest to it.
    let mut times = Vec::new();
    let mut i = 0;
    while i < m.tokens.len() {
        if let Some((time, mut end)) = m.time_at(i) {
            let mut offset = None;
            if let Some((o, after)) = m.offset_at(end) {
                offset = Some(o);
                end = after;
            }
            times.push((i, end, time, offset));
            i = end;
        } else {
            i += 1;
        }
    }
    let mut found: Vec<FoundDate> = Vec::new();
    // Tokens before this index belong to a date already found.
    let mut free_from = 0;
    let mut i = 0;
    while i < m.tokens.len() {
        let Some((date, end, guessed)) = m.date_at(i, order) else {
            i += 1;
            continue;
        };
        // ISO joins its time with a 'T'; others put it before or after.
        let after_t = if m.is_word(end, &["t"]) && m.adjacent(end) {
            end + 1
        } else {
            end
        };
        let nearest = times
            .iter()
            .filter(|(s, e, _, _)| (*s >= after_t || *e <= i) && *s >= free_from)
            .min_by_key(|(s, e, _, _)| if *s >= end { s - end } else { i - e })
            .filter(|(s, e, _, _)| {
                let gap = if *s >= end { s - end } else { i - e };
                gap <= TIME_REACH_TOKENS
            });
        let (mut start_byte, mut end_byte) = (m.tokens[i].start, m.tokens[end - 1].end);
        let (time, offset) = match nearest {
            Some(&(s, e, time, offset)) => {
                start_byte = start_byte.min(m.tokens[s].start);
                end_byte = end_byte.max(m.tokens[e - 1].end);
                (Some(time), offset)
            }
            None => (None, None),
        };
        found.push(FoundDate {
            moment: Moment { date, time, offset },
            start: start_byte,
            end: end_byte,
            order_guessed: guessed,
        });
        i = m.first_token_at(end_byte).max(end);
        free_from = i;
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cheap_opening_test_passes_every_line_a_date_opens() {
        let opening = [
            "02.02.2022, 11:30 Uhr von Markus Steinrisser",
            "Oct 13, 2020 4:15 pm",
            "11:30, 02.02.2022",
            "2024-03-05T10:00:00Z",
            "31 декабря 2025 г.",
            "Dec. 31, 2025",
            "٢٠٢٤/٠٣/٠٥",
            "Apr 042013",
        ];
        for line in opening {
            let dated = [DayMonthOrder::DayFirst, DayMonthOrder::MonthFirst]
                .into_iter()
                .any(|order| {
                    find_dates(line, order)
                        .first()
                        .is_some_and(|d| d.start == 0)
                });
            assert!(dated, "{line}");
            assert!(may_open_with_date(line), "{line}");
        }
        for line in [
            "",
            " 02.02.2022",
            "Updated Oct 13, 2020",
            "By Jane Doe, Oct 13, 2020",
            "Mayor says no",
        ] {
            assert!(!may_open_with_date(line), "{line}");
        }
    }

    #[test]
    fn a_page_shows_its_order_in_a_date_only_one_order_can_read() {
        let order = |lines: &[&str]| page_order(lines.iter().copied());
        assert_eq!(
            order(&["12/04/2020", "posted 25/12/2019"]),
            Some(DayMonthOrder::DayFirst)
        );
        assert_eq!(
            order(&["11/01/2021, 05:00", "12/25/2019"]),
            Some(DayMonthOrder::MonthFirst)
        );
        assert_eq!(order(&["12/04/2020", "03.04.2025"]), None);
        assert_eq!(order(&["25/12/2019", "12/25/2019"]), None);
        // Not a date: a score, a version, a fraction.
        assert_eq!(order(&["won 13-1 in 2019", "version 1.13.2", "1/15"]), None);
    }

    fn iso(line: &str) -> Vec<String> {
        find_dates(line, DayMonthOrder::DayFirst)
            .iter()
            .map(|d| d.moment.iso())
            .collect()
    }

    fn iso_en(line: &str) -> Vec<String> {
        find_dates(line, DayMonthOrder::MonthFirst)
            .iter()
            .map(|d| d.moment.iso())
            .collect()
    }

    #[test]
    fn arabic_hebrew_chinese_japanese_and_korean_dates() {
        assert_eq!(iso("12 مارس 2025"), ["2025-03-12"]);
        assert_eq!(iso("الأربعاء 12 آذار 2025"), ["2025-03-12"]);
        assert_eq!(iso("12 במרץ 2025"), ["2025-03-12"]);
        assert_eq!(iso("2025年3月12日 10時45分"), ["2025-03-12T10:45"]);
        assert_eq!(iso("2025年3月12日に発表"), ["2025-03-12"]);
        assert_eq!(iso("2025년 3월 12일 10시 45분"), ["2025-03-12T10:45"]);
        // A month's name is a word of its own: "במאי" is "in May", "מאיר" a name.
        assert_eq!(iso("12 במאי 2025"), ["2025-05-12"]);
        assert!(iso("12 מאיר 2025").is_empty());
        // "كانون الأول" is December, "كانون الثاني" January: never a guess.
        assert!(iso("12 كانون الأول 2025").is_empty());
    }

    #[test]
    fn arabic_indic_and_persian_digits() {
        assert_eq!(iso("١٢ مارس ٢٠٢٥"), ["2025-03-12"]);
        assert_eq!(iso("١٢ مارس ٢٠٢٥ - ١٠:٤٥"), ["2025-03-12T10:45"]);
        assert_eq!(iso("۱۲ مارس ۲۰۲۵"), ["2025-03-12"]);
        assert_eq!(iso("٢٠٢٥/٠٣/١٢"), ["2025-03-12"]);
        // The date's span is in bytes of the line, as for ASCII digits.
        let line = "نشر في ١٢ مارس ٢٠٢٥";
        let date = &find_dates(line, DayMonthOrder::DayFirst)[0];
        assert_eq!(&line[date.start..date.end], "١٢ مارس ٢٠٢٥");
        // Too many digits for a number: no date, no panic.
        assert!(iso("٩٩٩٩٩٩٩٩٩٩٩٩ مارس ٢٠٢٥").is_empty());
    }

    #[test]
    fn numeric_forms() {
        assert_eq!(iso("13:28 31.12.2025"), ["2025-12-31T13:28"]);
        assert_eq!(iso("2025-12-31T13:28"), ["2025-12-31T13:28"]);
        assert_eq!(
            iso("2025-12-31T13:28:05+02:00"),
            ["2025-12-31T13:28:05+02:00"]
        );
        assert_eq!(iso("2019-11-19T13:03:00.000Z"), ["2019-11-19T13:03+00:00"]);
        assert_eq!(iso_en("12/31/2025"), ["2025-12-31"]);
        assert_eq!(iso("31/12/2025 um 13.28 Uhr"), ["2025-12-31T13:28"]);
    }

    #[test]
    fn dates_glued_side_by_side() {
        assert_eq!(
            iso("3. April 20223. April 2022"),
            ["2022-04-03", "2022-04-03"]
        );
        assert_eq!(
            iso("Veröffentlicht am 10. Februar 20199. Februar 2019 von Heiko"),
            ["2019-02-10", "2019-02-09"]
        );
        assert_eq!(
            iso("17/11/201917/11/2019 ~ Cem Basman"),
            ["2019-11-17", "2019-11-17"]
        );
        assert_eq!(iso("4 de mayo de 202207:59 hs"), ["2022-05-04T07:59"]);
        // A long number is not a year and a day.
        assert_eq!(iso("Order 2022345. Call us"), Vec::<String>::new());
    }

    #[test]
    fn a_dotted_date_may_have_a_space_after_each_dot() {
        assert_eq!(iso("18. 05. 2014 22:38"), ["2014-05-18T22:38"]);
        assert_eq!(iso("Von Deutscher Tennis Bund 4. 2. 2022."), ["2022-02-04"]);
        // Not with a short year, nor with two spaces: a list's numbers.
        assert!(iso("Platz 3. 4. 22").is_empty());
        assert!(iso("Schritt 3.  4.  2022").is_empty());
        // Typeset with thin or no-break spaces, one of them is one space.
        assert_eq!(iso("Tennis Bund 4.\u{2009}2.\u{2009}2022."), ["2022-02-04"]);
        assert_eq!(iso("4.\u{a0}2.\u{a0}2022"), ["2022-02-04"]);
        assert!(iso("Schritt 3.\u{2009} 4.\u{2009} 2022").is_empty());
    }

    #[test]
    fn a_day_glued_to_its_year_after_the_month_is_read() {
        assert_eq!(iso("Apr 042013"), ["2013-04-04"]);
        assert_eq!(iso("Dec 312025 Add comments"), ["2025-12-31"]);
        // Six digits that are not a day and a year are no date.
        assert!(iso("Apr 992013").is_empty());
        assert!(iso("Apr 041234").is_empty());
    }

    #[test]
    fn a_month_glued_to_the_word_before_is_read() {
        assert_eq!(iso_en("Shana Nys DambrotNovember 6, 2023"), ["2023-11-06"]);
        // A capital inside a word is not a month's name unless it opens one.
        assert!(iso_en("McDonald 6, 2023").is_empty());
        assert!(iso_en("Marchand 6, 2023").is_empty());
    }

    #[test]
    fn month_names_in_many_languages() {
        assert_eq!(iso_en("Dec. 31, 2025, 1:28 p.m."), ["2025-12-31T13:28"]);
        assert_eq!(iso_en("Nov. 19, 2019 8:03 am ET"), ["2019-11-19T08:03"]);
        assert_eq!(iso("31. Dezember 2025, 13:28 Uhr"), ["2025-12-31T13:28"]);
        assert_eq!(iso("le 31 décembre 2025 à 13h28"), ["2025-12-31T13:28"]);
        assert_eq!(iso("31 de diciembre de 2025"), ["2025-12-31"]);
        assert_eq!(iso("31 de dezembro de 2025"), ["2025-12-31"]);
        assert_eq!(iso("31 grudnia 2025, 13:28"), ["2025-12-31T13:28"]);
        assert_eq!(
            iso("31 декабря 2025 г., 13:28 MSK"),
            ["2025-12-31T13:28+03:00"]
        );
        assert_eq!(iso("31 грудня 2025"), ["2025-12-31"]);
        assert_eq!(
            iso_en("Published December 31st, 2025 at 9:05 pm GMT"),
            ["2025-12-31T21:05+00:00"]
        );
    }

    #[test]
    fn a_language_tags_region_names_the_order() {
        let order = DayMonthOrder::for_language_tag;
        assert_eq!(order("en-GB"), Some(DayMonthOrder::DayFirst));
        assert_eq!(order("en_IN"), Some(DayMonthOrder::DayFirst));
        assert_eq!(order("en-Latn-AU"), Some(DayMonthOrder::DayFirst));
        assert_eq!(order("en-US"), Some(DayMonthOrder::MonthFirst));
        assert_eq!(order("EN-ph"), Some(DayMonthOrder::MonthFirst));
        // No region, or another language: its usual order stands.
        assert_eq!(order("en"), None);
        assert_eq!(order("de-DE"), None);
    }

    #[test]
    fn ambiguous_order_follows_the_language_and_says_so() {
        let us = find_dates("03/04/2025", DayMonthOrder::MonthFirst);
        assert_eq!(us[0].moment.iso(), "2025-03-04");
        assert!(us[0].order_guessed);
        let eu = find_dates("03/04/2025", DayMonthOrder::DayFirst);
        assert_eq!(eu[0].moment.iso(), "2025-04-03");
        assert!(!find_dates("03.04.2025", DayMonthOrder::MonthFirst)[0].order_guessed);
    }

    #[test]
    fn a_day_without_its_year_is_read_only_alone() {
        assert_eq!(day_without_year("Nov 18"), Some((11, 18)));
        assert_eq!(day_without_year("Nov. 18th"), Some((11, 18)));
        assert_eq!(day_without_year("• 18. November"), Some((11, 18)));
        assert_eq!(day_without_year("18 nov."), Some((11, 18)));
        assert_eq!(day_without_year("Nov 18, 2019"), None);
        assert_eq!(day_without_year("Nov 38"), None);
        assert_eq!(day_without_year("Alessio Palumbo • Nov 18"), None);
        assert_eq!(day_without_year("Top headlines for Nov. 19"), None);
        assert_eq!(day_without_year("18 comments"), None);
    }

    #[test]
    fn no_dates_in_ordinary_text() {
        assert!(iso("He scored 3 goals in 90 minutes, 2-1 at home.").is_empty());
        assert!(iso("Version 1.2.3 is out").is_empty());
        assert!(iso("31.02.2025").is_empty());
    }
}

//! Bytes into the name of their encoding, as a browser would read them.
//!
//! Takes a file's bytes and says what they are: not text (an image, an
//! archive, a PDF), nothing at all, or text in a named encoding (a WHATWG
//! label that the browser's `TextDecoder` and `encoding_rs` both take). The
//! byte-order mark decides first; then valid UTF-8 is UTF-8; then the byte
//! statistics of legacy encodings common in news pick one. Only sniffing
//! happens here (no code tables), so this costs the Wasm bundle almost
//! nothing; the decoding itself is the browser's (or, natively, encoding_rs).

/// What a file's bytes are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sniffed {
    /// Text in this encoding (a WHATWG label); `bom` is how many leading
    /// bytes are a byte-order mark.
    Text {
        encoding: &'static str,
        bom: usize,
        guessed: bool,
    },
    /// Not text: what kind of file it looks like.
    Binary(&'static str),
    /// No bytes, or only whitespace.
    Empty,
}

/// Bytes read when sniffing: enough for any statistic, bounded for 50 MB files.
const SNIFF_BYTES: usize = 64 * 1024;

/// Magic numbers of files that are not text.
const SIGNATURES: &[(&[u8], &str)] = &[
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"PK\x05\x06", "an empty ZIP archive"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\x00asm", "a WebAssembly module"),
    (b"\x7fELF", "a program"),
    (b"MZ", "a Windows program"),
    (b"ID3", "an MP3 file"),
    (b"OggS", "an Ogg file"),
    (b"\x00\x00\x00\x18ftyp", "an MP4 video"),
    (b"\x00\x00\x00\x20ftyp", "an MP4 video"),
    (b"\xd0\xcf\x11\xe0", "an old Office document"),
];

/// Share of control bytes (other than tab, newline, carriage return, form
/// feed, escape) above which bytes are not text.
const MAX_CONTROL_SHARE: f32 = 0.05;

/// Say what `bytes` are.
pub fn sniff(bytes: &[u8]) -> Sniffed {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Sniffed::Empty;
    }
    if let Some(text) = by_bom(bytes) {
        return text;
    }
    if bytes.len() >= 4 && &bytes[..4] == b"RIFF" && bytes.get(8..12) == Some(b"WEBP") {
        return Sniffed::Binary("a WebP image");
    }
    if let Some((_, kind)) = SIGNATURES
        .iter()
        .find(|(magic, _)| bytes.starts_with(magic))
    {
        return Sniffed::Binary(kind);
    }
    let head = &bytes[..bytes.len().min(SNIFF_BYTES)];
    if let Some(wide) = utf16_without_bom(head) {
        return wide;
    }
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c | 0x1b))
        .count();
    if controls as f32 > head.len() as f32 * MAX_CONTROL_SHARE {
        return Sniffed::Binary("a binary file");
    }
    if valid_utf8_prefix(head, bytes.len() > head.len()) {
        return Sniffed::Text {
            encoding: "utf-8",
            bom: 0,
            guessed: false,
        };
    }
    Sniffed::Text {
        encoding: guess_legacy(head),
        bom: 0,
        guessed: true,
    }
}

fn by_bom(bytes: &[u8]) -> Option<Sniffed> {
    let text = |encoding, bom| {
        Some(Sniffed::Text {
            encoding,
            bom,
            guessed: false,
        })
    };
    if bytes.starts_with(b"\xef\xbb\xbf") {
        text("utf-8", 3)
    } else if bytes.starts_with(b"\xff\xfe") {
        text("utf-16le", 2)
    } else if bytes.starts_with(b"\xfe\xff") {
        text("utf-16be", 2)
    } else {
        None
    }
}

/// UTF-16 without a mark: the high byte of each code unit takes very few
/// values (0 for ASCII, 4 for Cyrillic, ...), on the odd side for
/// little-endian and the even side for big-endian, while the other side varies.
fn utf16_without_bom(head: &[u8]) -> Option<Sniffed> {
    const MIN_TOP_TWO_SHARE: f32 = 0.9;
    const MIN_ZERO_SHARE: f32 = 0.05;
    if head.len() < 16 {
        return None;
    }
    let concentrated = |offset: usize| {
        let mut counts = [0usize; 256];
        let mut n = 0;
        for &b in head.iter().skip(offset).step_by(2) {
            counts[usize::from(b)] += 1;
            n += 1;
        }
        let zeros = counts[0];
        counts.sort_unstable_by(|a, b| b.cmp(a));
        let top_two = counts[0] + counts[1];
        top_two as f32 >= n as f32 * MIN_TOP_TWO_SHARE && zeros as f32 >= n as f32 * MIN_ZERO_SHARE
    };
    let text = |encoding| {
        Some(Sniffed::Text {
            encoding,
            bom: 0,
            guessed: true,
        })
    };
    match (concentrated(1), concentrated(0)) {
        (true, false) => text("utf-16le"),
        (false, true) => text("utf-16be"),
        _ => None,
    }
}

/// How a file is read, the same in the CLI and in the browser: decoded
/// in `encoding` (a WHATWG label, as sniffed or as the page declares it)
/// after `bom` mark bytes, and read as a saved page when `html`. The
/// decoder is the caller's (encoding_rs natively, the browser's
/// `TextDecoder` in Wasm: both implement the WHATWG Encoding Standard);
/// when it knows no such label, `fallback`, the sniffed one, is used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reading {
    pub encoding: String,
    pub fallback: &'static str,
    pub bom: usize,
    /// The encoding was guessed from byte statistics (no mark, not UTF-8,
    /// nothing declared).
    pub guessed: bool,
    pub html: bool,
}

/// Why a file is not read at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotRead {
    /// No bytes, or only whitespace.
    Empty,
    /// Not text: what kind of file it looks like ("a PNG image").
    NotText(&'static str),
}

/// Whether a file's name says it is a saved web page.
pub fn is_saved_page(name: &str) -> bool {
    let lowered = name.to_ascii_lowercase();
    lowered.ends_with(".html") || lowered.ends_with(".htm")
}

/// How to read the file `name` holding `bytes`: a byte-order mark first,
/// then valid UTF-8, then a saved page's own `<meta charset>`, then
/// statistics. A page is a saved page by its name or its first bytes.
pub fn plan_reading(name: &str, bytes: &[u8]) -> Result<Reading, NotRead> {
    let (sniffed, bom, guessed) = match sniff(bytes) {
        Sniffed::Empty => return Err(NotRead::Empty),
        Sniffed::Binary(kind) => return Err(NotRead::NotText(kind)),
        Sniffed::Text {
            encoding,
            bom,
            guessed,
        } => (encoding, bom, guessed),
    };
    let html = is_saved_page(name) || looks_like_html(bytes);
    // What a page declares outranks a statistical guess, never a mark or
    // valid UTF-8.
    let declared = (html && guessed).then(|| declared_charset(bytes)).flatten();
    Ok(Reading {
        guessed: guessed && declared.is_none(),
        encoding: declared.unwrap_or_else(|| sniffed.to_string()),
        fallback: sniffed,
        bom,
        html,
    })
}

/// The charset a saved page declares in its first kilobyte
/// (`<meta charset="windows-1251">` or an `http-equiv` Content-Type), as
/// written; the caller maps the label to a decoder.
pub fn declared_charset(bytes: &[u8]) -> Option<String> {
    const PRESCAN_BYTES: usize = 1024;
    let head =
        String::from_utf8_lossy(&bytes[..bytes.len().min(PRESCAN_BYTES)]).to_ascii_lowercase();
    let at = head.find("charset=")? + "charset=".len();
    let label: String = head[at..]
        .trim_start_matches(['"', '\'', ' '])
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.'))
        .collect();
    (!label.is_empty()).then_some(label)
}

/// Whether bytes look like an HTML document rather than a text dump.
pub fn looks_like_html(bytes: &[u8]) -> bool {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(512)]).to_ascii_lowercase();
    let start = head.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    start.starts_with("<!doctype html")
        || start.starts_with("<html")
        || (start.starts_with("<!--") && head.contains("<html"))
}

/// Valid UTF-8, allowing a sequence cut at the end when `truncated`.
fn valid_utf8_prefix(head: &[u8], truncated: bool) -> bool {
    match std::str::from_utf8(head) {
        Ok(_) => true,
        Err(e) => truncated && e.error_len().is_none() && head.len() - e.valid_up_to() < 4,
    }
}

/// The likeliest legacy encoding of bytes that are not UTF-8.
fn guess_legacy(head: &[u8]) -> &'static str {
    let high = head.iter().filter(|&&b| b >= 0x80).count();
    let letters = head.iter().filter(|b| b.is_ascii_alphabetic()).count() + high;
    if letters == 0 {
        return "windows-1252";
    }
    if let Some(cjk) = double_byte(head, high) {
        return cjk;
    }
    // Cyrillic text is mostly high bytes; Western text a few accents.
    const CYRILLIC_MIN_HIGH_SHARE: f32 = 0.4;
    if high as f32 / letters as f32 > CYRILLIC_MIN_HIGH_SHARE {
        // Lower-case letters dominate running text: windows-1251 puts them at
        // E0–FF, KOI8 at C0–DF. Ukrainian і/ї/є mark KOI8-U.
        let upper_half = head.iter().filter(|&&b| b >= 0xe0).count();
        let lower_half = head.iter().filter(|&&b| (0xc0..0xe0).contains(&b)).count();
        if upper_half >= lower_half {
            return "windows-1251";
        }
        let ukrainian = head
            .iter()
            .filter(|&&b| matches!(b, 0xa4 | 0xa6 | 0xa7 | 0xb4 | 0xb6 | 0xb7))
            .count();
        return if ukrainian > 0 { "koi8-u" } else { "koi8-r" };
    }
    // Polish and Czech letters sit where windows-1252 has rare symbols.
    let central = head
        .iter()
        .filter(|&&b| {
            matches!(
                b,
                0xb1 | 0xb3 | 0xb6 | 0xbc | 0xbf | 0xa3 | 0xa6 | 0xac | 0xaf | 0xb9 | 0x9c | 0x9f
            )
        })
        .count();
    if central * 4 > high {
        "iso-8859-2"
    } else {
        "windows-1252"
    }
}

/// Shift_JIS or GBK when most high bytes pair up as their double-byte codes.
fn double_byte(head: &[u8], high: usize) -> Option<&'static str> {
    const MIN_PAIRED_SHARE: f32 = 0.9;
    const MIN_HIGH_BYTES: usize = 16;
    if high < MIN_HIGH_BYTES {
        return None;
    }
    let paired = |lead: fn(u8) -> bool, trail: fn(u8) -> bool| {
        let (mut i, mut covered) = (0, 0);
        while i + 1 < head.len() {
            if lead(head[i]) && trail(head[i + 1]) {
                covered += usize::from(head[i] >= 0x80) + usize::from(head[i + 1] >= 0x80);
                i += 2;
            } else {
                i += 1;
            }
        }
        covered as f32 / high as f32
    };
    // Chinese and Japanese run without spaces; Cyrillic or Greek words,
    // whose bytes pair up just as well, are separated by them.
    const MAX_SPACES_PER_HIGH_BYTE: f32 = 0.05;
    let spaces = head.iter().filter(|&&b| b == b' ').count();
    if spaces as f32 > high as f32 * MAX_SPACES_PER_HIGH_BYTE {
        return None;
    }
    let sjis = paired(
        |b| matches!(b, 0x81..=0x9f | 0xe0..=0xfc),
        |b| matches!(b, 0x40..=0x7e | 0x80..=0xfc),
    );
    let gbk = paired(
        |b| matches!(b, 0x81..=0xfe),
        |b| matches!(b, 0x40..=0x7e | 0x80..=0xfe),
    );
    // GB2312 text keeps both bytes in A1–FE; Shift_JIS kana and kanji often lead with 0x82–0x9F.
    let gb_range =
        head.iter().filter(|&&b| (0xa1..=0xfe).contains(&b)).count() as f32 / high as f32;
    if sjis >= MIN_PAIRED_SHARE && (gb_range < 0.9 || gbk < MIN_PAIRED_SHARE) {
        Some("shift_jis")
    } else if gbk >= MIN_PAIRED_SHARE {
        Some("gbk")
    } else {
        None
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn a_page_is_read_in_what_it_declares_only_when_its_bytes_cannot_tell() {
        let page = |charset: &str, body: &[u8]| {
            let mut bytes =
                format!("<html><head><meta charset=\"{charset}\"></head><body><p>").into_bytes();
            bytes.extend_from_slice(body);
            bytes
        };
        // EUC-JP bytes: not UTF-8, so the declaration decides.
        let euc = page("EUC-JP", b"\xb9\xc1\xa4\xce\xb7\xd7\xb2\xe8");
        let reading = plan_reading("harbour.html", &euc).unwrap();
        assert_eq!(
            (reading.encoding.as_str(), reading.guessed, reading.html),
            ("euc-jp", false, true)
        );
        assert_ne!(reading.fallback, "euc-jp");
        // Valid UTF-8 outranks a declaration; a text dump declares nothing.
        let utf8 = page("windows-1251", "Гавань".as_bytes());
        assert_eq!(plan_reading("a.html", &utf8).unwrap().encoding, "utf-8");
        let dump = plan_reading("a.txt", b"charset=koi8-r \xe1\xe2\xf7").unwrap();
        assert!(!dump.html && dump.guessed && dump.encoding == dump.fallback);
        assert_eq!(plan_reading("a.txt", b" \n"), Err(NotRead::Empty));
        assert_eq!(
            plan_reading("a.txt", b"\x89PNG\r\n\x1a\n...."),
            Err(NotRead::NotText("a PNG image"))
        );
    }

    use super::*;

    fn label(bytes: &[u8]) -> &'static str {
        match sniff(bytes) {
            Sniffed::Text { encoding, .. } => encoding,
            other => panic!("not text: {other:?}"),
        }
    }

    #[test]
    fn marks_and_utf8() {
        assert_eq!(
            sniff(b"\xef\xbb\xbfHello"),
            Sniffed::Text {
                encoding: "utf-8",
                bom: 3,
                guessed: false
            }
        );
        assert_eq!(label(b"\xff\xfeH\x00i\x00"), "utf-16le");
        assert_eq!(label(b"\xfe\xff\x00H\x00i"), "utf-16be");
        assert_eq!(label("Grüße aus Köln".as_bytes()), "utf-8");
        assert_eq!(
            label(b"H\x00e\x00l\x00l\x00o\x00 \x00w\x00o\x00r\x00l\x00d\x00"),
            "utf-16le"
        );
    }

    #[test]
    fn not_text_and_nothing() {
        assert_eq!(
            sniff(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"),
            Sniffed::Binary("a PNG image")
        );
        assert_eq!(
            sniff(b"PK\x03\x04\x14\x00"),
            Sniffed::Binary("a ZIP archive (or an Office document)")
        );
        assert_eq!(sniff(b"%PDF-1.7\n"), Sniffed::Binary("a PDF document"));
        assert_eq!(sniff(b""), Sniffed::Empty);
        assert_eq!(sniff(b" \n\t\r\n "), Sniffed::Empty);
        assert_eq!(
            sniff(&[1, 2, 3, 4, 5, 6, 7, 8, 0, 0, 9, 250, 3, 1]),
            Sniffed::Binary("a binary file")
        );
    }

    // "Президент заявил, что переговоры продолжатся." in each encoding.
    const RU_1251: &[u8] = b"\xcf\xf0\xe5\xe7\xe8\xe4\xe5\xed\xf2 \xe7\xe0\xff\xe2\xe8\xeb, \xf7\xf2\xee \xef\xe5\xf0\xe5\xe3\xee\xe2\xee\xf0\xfb \xef\xf0\xee\xe4\xee\xeb\xe6\xe0\xf2\xf1\xff.";
    const RU_KOI8: &[u8] = b"\xf0\xd2\xc5\xda\xc9\xc4\xc5\xce\xd4 \xda\xc1\xd1\xd7\xc9\xcc, \xde\xd4\xcf \xd0\xc5\xd2\xc5\xc7\xcf\xd7\xcf\xd2\xd9 \xd0\xd2\xcf\xc4\xcf\xcc\xd6\xc1\xd4\xd3\xd1.";

    #[test]
    fn saved_pages_declare_their_charset() {
        assert_eq!(
            declared_charset(b"<html><head><meta charset=\"windows-1251\">"),
            Some("windows-1251".into())
        );
        assert_eq!(
            declared_charset(
                b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-2\">"
            ),
            Some("iso-8859-2".into())
        );
        assert_eq!(declared_charset(b"plain text"), None);
        assert!(looks_like_html(b"  <!DOCTYPE html><html>"));
        assert!(!looks_like_html(b"Menu\nHome"));
    }

    #[test]
    fn legacy_cyrillic() {
        assert_eq!(label(RU_1251), "windows-1251");
        assert_eq!(label(RU_KOI8), "koi8-r");
    }

    #[test]
    fn legacy_latin() {
        // A Polish news sentence in ISO-8859-2; French words in windows-1252.
        assert_eq!(label(b"Prezydent powiedzia\xb3, \xbfe rozmowy b\xead\xb1 kontynuowane w przysz\xb3ym tygodniu, a rz\xb1d przedstawi swoj\xb1 ocen\xea."), "iso-8859-2");
        assert_eq!(
            label(b"Caf\xe9 au lait, na\xefve fa\xe7ade"),
            "windows-1252"
        );
    }
}

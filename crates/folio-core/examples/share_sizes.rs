//! Link lengths of shared stories under each coding Folio considered, over
//! the given text files (the DEV scrapinghub pages for the README table).
//!
//! cargo run --release -p folio-core --example share_sizes -- FILE...
//!
//! Codings: raw deflate (what the browser's CompressionStream("deflate-raw")
//! writes, level 6 like Chromium's zlib default, and level 9), brotli
//! (quality 11), lz-string's URI-safe coding, and raw deflate with a preset
//! dictionary (estimated as the deflate size of dictionary + payload less
//! that of the dictionary alone), and Folio's own context-mixing coder
//! (`packing.rs`) without and with its priming text (`share_priming.txt`,
//! built from the trafilatura pages, never these). All but lz-string are
//! written in base64url. Each story is shared without side lists; the
//! prefix (`#s1.`, `#s2.`) and the page's own address are not counted.

use std::io::Write;

use folio_core::parse_text;
use folio_core::share::link;
use folio_core::share::packing::Packer;
use folio_core::share::{encode_story, ShareOptions};

/// Words and record openings common in shared stories, most common last
/// (deflate reaches the end of its window most cheaply).
const DICTIONARY: &str = "\nm\t1\t0\ng\ten\nR\t\t\nt\t\nS\t\ni\t\nP\tThe \nQ\t\"\tsaid \
    the company said in a statement. according to the of the and the in the to the for the on the at the with the \
    that the from the by the it is was not have has been will would could should which who what when where this \
    that their there they people year years percent million government president state new \nP\t";

fn base64url_len(bytes: usize) -> usize {
    (bytes * 4).div_ceil(3)
}

fn deflate(data: &[u8], level: u32) -> usize {
    let mut e = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::new(level));
    e.write_all(data).unwrap();
    e.finish().unwrap().len()
}

fn brotli(data: &[u8]) -> usize {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: 22,
        ..Default::default()
    };
    brotli::BrotliCompress(&mut &data[..], &mut out, &params).unwrap();
    out.len()
}

fn main() {
    let mut rows: Vec<[usize; 8]> = Vec::new();
    let dict_alone = deflate(DICTIONARY.as_bytes(), 9);
    let unprimed = Packer::new(b"");
    let packer = link::packer();
    for path in std::env::args().skip(1) {
        let text = std::fs::read_to_string(&path).unwrap();
        let article = parse_text(&text);
        let options = ShareOptions {
            without_side_lists: true,
            without_related: false,
        };
        let payload = encode_story(&article, options);
        let bytes = payload.as_bytes();
        let with_dict = [DICTIONARY.as_bytes(), bytes].concat();
        rows.push([
            payload.len(),
            base64url_len(deflate(bytes, 6)),
            base64url_len(deflate(bytes, 9)),
            base64url_len(brotli(bytes)),
            lz_str::compress_to_encoded_uri_component(&payload).len(),
            base64url_len(deflate(&with_dict, 9).saturating_sub(dict_alone)),
            base64url_len(unprimed.pack(bytes).len()),
            link::pack_payload(&packer, &payload).len(),
        ]);
    }
    let names = [
        "payload text (bytes)",
        "deflate-raw level 6",
        "deflate-raw level 9",
        "brotli q11",
        "lz-string URI",
        "deflate-raw + dictionary (est.)",
        "context mixing, unprimed",
        "context mixing, primed (Folio's s2)",
    ];
    println!("| coding | median | p90 | fits 2,000 | fits 4,000 |");
    println!("| --- | --- | --- | --- | --- |");
    for (k, name) in names.iter().enumerate() {
        let mut v: Vec<usize> = rows.iter().map(|r| r[k]).collect();
        v.sort_unstable();
        let pick = |q: f64| v[((v.len() as f64 - 1.0) * q).round() as usize];
        let fits =
            |n: usize| v.iter().filter(|&&x| x + 4 <= n).count() as f64 / v.len() as f64 * 100.0;
        println!(
            "| {name} | {} | {} | {:.0}% | {:.0}% |",
            pick(0.5),
            pick(0.9),
            fits(2000),
            fits(4000)
        );
    }
    println!("\n{} stories", rows.len());
}

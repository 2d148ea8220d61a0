//! Prints the headline model's candidate lines and features for each text
//! file given, one JSON object per line, for `training/train_headline.py`.
//!
//! cargo run --release -p folio-core --example headline_features -- FILE...

use folio_core::body::story_span;
use folio_core::classify::classify;
use folio_core::header::{headline_candidates, story_words};
use folio_core::language::detect_language;
use folio_core::lines::split_lines;

fn main() {
    for path in std::env::args().skip(1) {
        let Ok(bytes) = std::fs::read(&path) else {
            eprintln!("cannot read {path}");
            continue;
        };
        let text = String::from_utf8_lossy(&bytes);
        let lines = split_lines(&text);
        let infos = classify(&lines, detect_language(&text));
        let span = story_span(&infos);
        let words = story_words(&infos, span.clone());
        for (i, features) in headline_candidates(&infos, span.start, &words) {
            let record = serde_json::json!({
                "file": path,
                "line": infos[i].text(),
                "features": features,
            });
            println!("{record}");
        }
    }
}

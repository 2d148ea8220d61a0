//! Prints the candidates of one learned model and their features for each
//! text file given, one JSON object per line, for `training/train.py`.
//!
//! cargo run --release -p folio-core --example model_features -- headline|dateline|body|body_context FILE...
//! cargo run --release -p folio-core --example model_features -- --names MODEL   (its features' names, as JSON)

use folio_core::logical_lines;
use folio_core::stages::body::{
    body_features, context_features, line_probabilities, prose_run, story_probabilities,
    story_span, PageMarks,
};
use folio_core::stages::classify::classify;
use folio_core::stages::dateline::dateline_candidates;
use folio_core::stages::header::{find_headline, headline_candidates, story_words};
use folio_core::stages::language::detect_language;
use folio_core::stages::lines::split_lines;

fn main() {
    let mut args = std::env::args().skip(1);
    let model = args.next().unwrap_or_default();
    if model == "--names" {
        let names: &[&str] = match args.next().unwrap_or_default().as_str() {
            "headline" | "headline_wrapped" => &folio_core::stages::header::HEADLINE_FEATURE_NAMES,
            "dateline" => &folio_core::stages::dateline::DATELINE_FEATURE_NAMES,
            "body" => &folio_core::stages::body::BODY_FEATURE_NAMES,
            "body_context" => &folio_core::stages::body::CONTEXT_FEATURE_NAMES,
            other => {
                eprintln!("unknown model {other:?}: headline, dateline or body");
                std::process::exit(2);
            }
        };
        println!("{}", serde_json::json!(names));
        return;
    }
    for path in args {
        let Ok(bytes) = std::fs::read(&path) else {
            eprintln!("cannot read {path}");
            continue;
        };
        let text = String::from_utf8_lossy(&bytes);
        // The lines the parser reads: after the form stage.
        let logical = logical_lines(&text, None);
        let lines = split_lines(&logical.text);
        let infos = classify(&lines, detect_language(&logical.text));
        let span = story_span(&infos, &story_probabilities(&infos));
        let words = story_words(&infos, span.clone());
        let rows: Vec<(String, Vec<f32>)> = match model.as_str() {
            "headline" | "headline_wrapped" => headline_candidates(&infos, span.start, &words)
                .into_iter()
                .map(|(i, f)| (infos[i].text().to_string(), f.to_vec()))
                .collect(),
            "body" => {
                let run = prose_run(&infos);
                let marks = PageMarks::find(&infos);
                (0..infos.len())
                    .map(|i| {
                        let f = body_features(&infos, i, &run, &marks);
                        (infos[i].text().to_string(), f.to_vec())
                    })
                    .collect()
            }
            "body_context" => {
                let first = line_probabilities(&infos);
                let first_span = story_span(&infos, &first);
                (0..infos.len())
                    .map(|i| {
                        let f = context_features(&infos, &first, &first_span, i);
                        (infos[i].text().to_string(), f.to_vec())
                    })
                    .collect()
            }
            "dateline" => {
                let headline = find_headline(&infos, span.start, &words, logical.form, &[]);
                dateline_candidates(&infos, headline, span)
                    .into_iter()
                    .map(|((i, k), f)| (infos[i].dates[k].moment.iso(), f.to_vec()))
                    .collect()
            }
            other => {
                eprintln!("unknown model {other:?}: headline, dateline or body");
                std::process::exit(2);
            }
        };
        for (value, features) in rows {
            println!(
                "{}",
                serde_json::json!({ "file": path, "value": value, "features": features })
            );
        }
    }
}

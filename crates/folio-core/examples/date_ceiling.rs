//! How many publication dates a text dump can give at all: for each DEV
//! page whose ground truth has a date, whether that day (YYYY-MM-DD) is
//! among the dates any line of the text states, read either day/month
//! order. A parser that reads only the text cannot do better.
//!
//! cargo run --release -p folio-core --example date_ceiling -- ../shared/corpus/dev/scrapinghub

use folio_core::stages::dates::{find_dates, DayMonthOrder};

fn main() {
    let dir = std::env::args().nth(1).expect("a DEV dataset folder");
    let (mut dated, mut shown, mut missing) = (0, 0, Vec::new());
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("readable folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    paths.sort();
    for path in paths {
        let truth: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&path).expect("readable")).expect("JSON");
        let Some(day) = truth["date"].as_str().and_then(|d| d.get(..10)) else {
            continue;
        };
        let Ok(text) = std::fs::read_to_string(path.with_extension("txt")) else {
            continue;
        };
        dated += 1;
        let found = text.lines().any(|line| {
            [DayMonthOrder::DayFirst, DayMonthOrder::MonthFirst]
                .into_iter()
                .flat_map(|order| find_dates(line, order))
                .any(|d| d.moment.iso().starts_with(day))
        });
        if found {
            shown += 1;
        } else {
            missing.push(format!(
                "{} {day}",
                path.file_stem().unwrap().to_string_lossy()
            ));
        }
    }
    println!(
        "{shown} of {dated} pages state their ground-truth day somewhere in the text: ceiling {:.3}",
        shown as f64 / dated.max(1) as f64
    );
    for m in missing {
        println!("  not stated: {m}");
    }
}

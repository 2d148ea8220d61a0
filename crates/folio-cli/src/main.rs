//! `folio parse [--out DIR] FILE...`: parse article files into Article JSON.
//!
//! With `--out DIR`, writes `DIR/<file stem>.json` for each input; with `-`
//! (standard input) or a single file and no `--out`, prints the JSON. A file
//! that cannot be read is reported on stderr and the others still written;
//! the exit code is then 1.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use folio_core::decode::{plan_reading, NotRead, Reading};
use folio_core::Form;

const USAGE: &str = "usage: folio parse [--form text|wrapped|markdown] [--out DIR] FILE...
       folio lines [--form text|wrapped|markdown] FILE   (the logical lines the parser reads)
FILE may be - for standard input; without --form the form is detected.";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("parse") => parse_command(&args[1..]),
        Some("lines") => lines_command(&args[1..]),
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

/// `args` without `--form NAME`, and the form it names (`None` when
/// absent); a usage error says why and gives the exit code.
fn take_form(args: &[String]) -> Result<(Vec<String>, Option<Form>), ExitCode> {
    let mut args = args.to_vec();
    let Some(at) = args.iter().position(|a| a == "--form") else {
        return Ok((args, None));
    };
    let name = args.get(at + 1).cloned().unwrap_or_default();
    let Some(form) = Form::from_name(&name) else {
        eprintln!("folio: --form needs one of text, wrapped, markdown\n{USAGE}");
        return Err(ExitCode::from(2));
    };
    args.drain(at..at + 2);
    Ok((args, Some(form)))
}

/// Print the logical lines of one text file, each with the input line it
/// starts on: what the parser's later stages read.
fn lines_command(args: &[String]) -> ExitCode {
    let (args, form) = match take_form(args) {
        Ok(found) => found,
        Err(code) => return code,
    };
    let [input] = &args[..] else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let text = match read_text(input) {
        Ok((text, _)) => text,
        Err(e) => {
            eprintln!("folio: {input}: {e}");
            return ExitCode::from(1);
        }
    };
    let logical = folio_core::logical_lines(&text, form);
    let mut out = String::new();
    out.push_str(&format!("form: {}", logical.form.name()));
    if let Some(width) = logical.width {
        out.push_str(&format!(", wrapped at {width} columns"));
    }
    out.push('\n');
    for (i, line) in logical.text.lines().enumerate() {
        let number = logical.input_line(folio_core::LineNumber::at(i)).get();
        out.push_str(&format!("{number:>6} | {line}\n"));
    }
    let _ = std::io::stdout().lock().write_all(out.as_bytes());
    ExitCode::SUCCESS
}

fn parse_command(args: &[String]) -> ExitCode {
    let (args, form) = match take_form(args) {
        Ok(found) => found,
        Err(code) => return code,
    };
    let mut out_dir: Option<PathBuf> = None;
    let mut inputs = Vec::new();
    let mut i = 0;
    while i < args.len() {
        if args[i] == "--out" {
            let Some(dir) = args.get(i + 1) else {
                eprintln!("folio: --out needs a directory\n{USAGE}");
                return ExitCode::from(2);
            };
            out_dir = Some(PathBuf::from(dir));
            i += 2;
        } else {
            inputs.push(args[i].clone());
            i += 1;
        }
    }
    if inputs.is_empty() {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    }
    if out_dir.is_none() && inputs.len() > 1 {
        eprintln!("folio: several files need --out DIR\n{USAGE}");
        return ExitCode::from(2);
    }
    // "x.txt" and "x.html" would both be written to "x.json": the second
    // would silently replace the first, so neither run starts.
    let mut seen = std::collections::HashMap::new();
    for input in &inputs {
        if let Some(first) = seen.insert(output_name(input), input) {
            eprintln!(
                "folio: {first} and {input} would both be written to {}: parse them in separate runs",
                output_name(input)
            );
            return ExitCode::from(2);
        }
    }
    if let Some(dir) = &out_dir {
        if let Err(e) = std::fs::create_dir_all(dir) {
            eprintln!("folio: cannot create {}: {e}", dir.display());
            return ExitCode::from(1);
        }
    }
    let mut failed = false;
    for input in &inputs {
        if let Err(message) = parse_one(input, form, out_dir.as_deref()) {
            eprintln!("folio: {input}: {message}");
            failed = true;
        }
    }
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn read_input(input: &str) -> Result<Vec<u8>, String> {
    if input == "-" {
        let mut bytes = Vec::new();
        std::io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|e| format!("cannot read standard input: {e}"))?;
        Ok(bytes)
    } else {
        std::fs::read(input).map_err(|e| format!("cannot read: {e}"))
    }
}

/// A file's text, and how it was read (the same way the browser reads it).
fn read_text(input: &str) -> Result<(String, Reading), String> {
    let bytes = read_input(input)?;
    let reading = plan_reading(input, &bytes).map_err(|e| match e {
        NotRead::Empty => "nothing to read: the file is empty".to_string(),
        NotRead::NotText(kind) => format!("not a text file: it looks like {kind}"),
    })?;
    Ok((decode_text(&bytes, &reading), reading))
}

/// The text of a file read as `reading` says, decoded by encoding_rs (a
/// label it does not know, or one that decodes to nothing, as the browser's
/// `TextDecoder` refuses it: the sniffed encoding instead).
fn decode_text(bytes: &[u8], reading: &Reading) -> String {
    let known = |label: &str| {
        encoding_rs::Encoding::for_label(label.as_bytes())
            .filter(|e| *e != encoding_rs::REPLACEMENT)
    };
    let encoding = known(&reading.encoding)
        .or_else(|| known(reading.fallback))
        .unwrap_or(encoding_rs::UTF_8);
    let (text, _) = encoding.decode_without_bom_handling(&bytes[reading.bom..]);
    text.into_owned()
}

fn parse_one(input: &str, form: Option<Form>, out_dir: Option<&Path>) -> Result<(), String> {
    let (text, reading) = read_text(input)?;
    let article = if reading.html {
        folio_core::html::parse_html(&text)
    } else {
        folio_core::parse_text_as(&text, form)
    };
    let json =
        serde_json::to_string_pretty(&article).map_err(|e| format!("cannot write JSON: {e}"))?;
    match out_dir {
        None => {
            // A closed pipe (`folio parse x | head`) is not an error of the parse.
            let mut stdout = std::io::stdout().lock();
            match writeln!(stdout, "{json}") {
                Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
                    return Err(format!("cannot write: {e}"))
                }
                _ => {}
            }
        }
        Some(dir) => {
            let path = dir.join(output_name(input));
            std::fs::write(&path, json)
                .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        }
    }
    Ok(())
}

/// The name of the JSON file written for `input` under `--out`.
fn output_name(input: &str) -> String {
    let stem = Path::new(input)
        .file_stem()
        .map_or_else(|| "stdin".into(), |s| s.to_string_lossy());
    format!("{stem}.json")
}

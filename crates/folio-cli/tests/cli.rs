//! The folio command as a person runs it: good files are written, bad ones
//! are named on stderr with the reason, and the exit code says so.

use std::path::PathBuf;
use std::process::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn folio() -> Command {
    Command::new(env!("CARGO_BIN_EXE_folio"))
}

#[test]
fn writes_each_file_and_reports_the_bad_ones() {
    let out = std::env::temp_dir().join(format!("folio-cli-test-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&out);
    let empty = out.with_extension("empty.txt");
    std::fs::write(&empty, b"  \n").unwrap();
    let png = out.with_extension("png");
    std::fs::write(&png, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR").unwrap();
    let seed = root().join("tests/fixtures/interfax-2025-12-31-kallas.txt");
    let result = folio()
        .args(["parse", "--out"])
        .arg(&out)
        .arg(&seed)
        .arg(&empty)
        .arg(&png)
        .arg(root().join("tests/fixtures/no-such-file.txt"))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert_eq!(result.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("nothing to read"), "{stderr}");
    assert!(
        stderr.contains("not a text file: it looks like a PNG image"),
        "{stderr}"
    );
    assert!(stderr.contains("no-such-file.txt: cannot read"), "{stderr}");
    let json: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(out.join("interfax-2025-12-31-kallas.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(json["section"], "Facts");
    let _ = std::fs::remove_dir_all(&out);
}

#[test]
fn refuses_two_files_that_would_share_one_output() {
    let out = std::env::temp_dir().join(format!("folio-cli-clash-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&out);
    let inputs = out.with_extension("in");
    std::fs::create_dir_all(&inputs).unwrap();
    let seed = root().join("tests/fixtures/interfax-2025-12-31-kallas.txt");
    std::fs::copy(&seed, inputs.join("story.txt")).unwrap();
    std::fs::write(inputs.join("story.html"), "<h1>A page</h1><p>Its text.</p>").unwrap();
    let result = folio()
        .args(["parse", "--out"])
        .arg(&out)
        .arg(inputs.join("story.txt"))
        .arg(inputs.join("story.html"))
        .output()
        .unwrap();
    let _ = std::fs::remove_dir_all(&inputs);
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert_eq!(result.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("would both be written to story.json"),
        "{stderr}"
    );
    assert!(!out.exists(), "nothing is written");
}

#[test]
fn legacy_encodings_read_like_utf8() {
    let dir = root().join("tests/fixtures/encodings");
    let headline = |name: &str| {
        let result = folio().arg("parse").arg(dir.join(name)).output().unwrap();
        assert!(
            result.status.success(),
            "{name}: {}",
            String::from_utf8_lossy(&result.stderr)
        );
        let json: serde_json::Value = serde_json::from_slice(&result.stdout).unwrap();
        json["headline"].as_str().unwrap_or_default().to_string()
    };
    let want = headline("ru-news.utf-8.txt");
    assert!(!want.is_empty());
    for name in [
        "ru-news.windows-1251.txt",
        "ru-news.koi8-r.txt",
        "ru-news.utf-16le-bom.txt",
        "ru-news.utf-16le.txt",
    ] {
        assert_eq!(headline(name), want, "{name}");
    }
}

#[test]
fn prints_json_for_standard_input() {
    use std::io::Write;
    let mut child = folio()
        .args(["parse", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(
            &std::fs::read(root().join("tests/fixtures/interfax-2025-12-31-kallas.txt")).unwrap(),
        )
        .unwrap();
    let output = child.wait_with_output().unwrap();
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["published"], "2025-12-31T13:28");
}

//! The messages between the page and its Web Workers: one set of types for
//! both ends (`parse_worker.rs` asks, `worker_host.rs` and `bin/*` answer),
//! written and read only here, in the format the scripts that drive a
//! worker directly write (`scripts/measure-*.mjs`).
//!
//! A request is `[id, payload, job, argument]`: `payload` the text or the
//! bytes the job works on (bytes move to the worker, never copied), `job`
//! the [`Job`]'s name and `argument` what it takes, if anything (a form, a
//! file's name, a key). The answer is `[id, reply]`, the job's output as
//! text or as UTF-8 bytes (a big one's buffer moves to the page), or `[id,
//! null, failure]`, a [`Failure`] as text (`"not_text:a PNG image"`). A
//! worker posts `"ready"` once it listens: what is posted before that is
//! lost, so the page waits for it.
//!
//! Plain names and one argument rather than JSON: the page's Wasm and the
//! link worker's (which a share link waits for) would carry a JSON reader
//! for them (serde's derive for these two enums cost the page 1.3 KB and
//! the link worker 13 KB, brotli).

use folio_core::Form;

/// What a worker is asked to do with the payload.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Job {
    /// Parse a text dump, in `form` (the form it looks like when none);
    /// the reply is the Article's JSON.
    Text { form: Option<Form> },
    /// Parse a saved page; the reply is the Article's JSON.
    Html,
    /// Decode the bytes of the file `name` and parse them; the reply is a
    /// `FileRead`'s JSON.
    File { name: String },
    /// Read the built-in example (kept in the worker's Wasm, not the
    /// page's) as a file; the reply is a `FileRead`'s JSON.
    Example,
    /// Write an Article's JSON out for export: indented JSON when `json`,
    /// else Markdown; the reply is the text.
    Export { json: bool },
    /// The bytes of Wasm memory the worker holds (`scripts/measure-memory.mjs`).
    Memory,
    /// Pack a share payload; the reply is the link data.
    Pack,
    /// Unpack link data and read its story; the reply is the Article's JSON.
    Open,
    /// Read a share payload; the reply is the Article's JSON.
    Story,
    /// Up to `limit` library records with keys after `after`, in key
    /// order; the reply is the JSON of `[[key, record], …]`. A record
    /// whose Article this parser build made comes light: without its
    /// text (with its `text_key`) and with its Article's `summary` for
    /// the Article: the page lists it, and asks for the record whole when
    /// it needs the text or the story ([`Job::Get`]).
    Load { after: Option<u64>, limit: u32 },
    /// The record of entry `id`, whole; the reply is its JSON.
    Get { id: u64 },
    /// The whole library as one exported file: every stored record as it
    /// is, then the payload's (records the page holds that are not
    /// stored, one per line).
    Library,
    /// Store the payload as the record of entry `id`, over what was there.
    Put { id: u64 },
    /// Remove the record of entry `id`.
    Delete { id: u64 },
    /// Move an older Folio's localStorage library (the payload) in.
    MoveIn,
    /// The stored entries whose search text holds every word of the
    /// query (the payload), in key order, each with the passage of its
    /// story where the words are; the reply is a line per entry: its id,
    /// and a tab and the passage when there is one. Searched in the store's worker, whose
    /// index holds the records listed or written since it started.
    Search,
}

impl Job {
    /// The job's name and argument, as a request carries them.
    pub fn to_parts(&self) -> (&'static str, Option<String>) {
        match self {
            Job::Text { form } => ("text", form.map(|f| f.name().to_string())),
            Job::Html => ("html", None),
            Job::File { name } => ("file", Some(name.clone())),
            Job::Example => ("example", None),
            Job::Export { json } => (
                "export",
                Some(if *json { "json" } else { "markdown" }.into()),
            ),
            Job::Memory => ("memory", None),
            Job::Pack => ("pack", None),
            Job::Open => ("open", None),
            Job::Story => ("story", None),
            Job::Load { after, limit } => (
                "load",
                Some(match after {
                    Some(after) => format!("{limit}:{after}"),
                    None => limit.to_string(),
                }),
            ),
            Job::Get { id } => ("get", Some(id.to_string())),
            Job::Library => ("library", None),
            Job::Put { id } => ("put", Some(id.to_string())),
            Job::Delete { id } => ("delete", Some(id.to_string())),
            Job::MoveIn => ("move_in", None),
            Job::Search => ("search", None),
        }
    }

    /// The job a request names; `None` for one this version does not know,
    /// or without the argument it takes.
    pub fn from_parts(name: &str, argument: Option<&str>) -> Option<Job> {
        let id = || argument?.parse().ok();
        Some(match name {
            "text" => Job::Text {
                form: argument.and_then(Form::from_name),
            },
            "html" => Job::Html,
            "file" => Job::File {
                name: argument?.to_string(),
            },
            "example" => Job::Example,
            "export" => Job::Export {
                json: argument == Some("json"),
            },
            "memory" => Job::Memory,
            "pack" => Job::Pack,
            "open" => Job::Open,
            "story" => Job::Story,
            "load" => {
                let (limit, after) = match argument?.split_once(':') {
                    Some((limit, after)) => (limit, Some(after.parse().ok()?)),
                    None => (argument?, None),
                };
                Job::Load {
                    after,
                    limit: limit.parse().ok()?,
                }
            }
            "get" => Job::Get { id: id()? },
            "library" => Job::Library,
            "put" => Job::Put { id: id()? },
            "delete" => Job::Delete { id: id()? },
            "move_in" => Job::MoveIn,
            "search" => Job::Search,
            _ => return None,
        })
    }
}

/// Why a job gave no reply, as the worker says it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    /// A file with nothing to read in it.
    Empty,
    /// A file that is not text, but this kind of file ("a PNG image").
    NotText(String),
    /// A file whose bytes do not decode; an exported story or an older
    /// library that does not read; a job this version does not know.
    Unreadable,
    /// Link data changed or cut short on its way.
    Damaged,
    /// Link data that unpacks to more than a story may hold.
    TooLarge,
    /// A share payload whose story does not read, and why.
    Story(String),
    /// The library's store: the browser's quota is reached…
    Full,
    /// …there is no IndexedDB (a private window, or turned off)…
    Unavailable,
    /// …or it failed otherwise.
    Failed,
}

impl Failure {
    /// The failure as an answer carries it.
    pub fn to_text(&self) -> String {
        match self {
            Failure::Empty => "empty".into(),
            Failure::NotText(kind) => format!("not_text:{kind}"),
            Failure::Unreadable => "unreadable".into(),
            Failure::Damaged => "damaged".into(),
            Failure::TooLarge => "too_large".into(),
            Failure::Story(why) => format!("story:{why}"),
            Failure::Full => "full".into(),
            Failure::Unavailable => "unavailable".into(),
            Failure::Failed => "failed".into(),
        }
    }

    /// The failure an answer states (one this version does not know is
    /// [`Failure::Failed`]).
    pub fn from_text(text: &str) -> Failure {
        match text.split_once(':') {
            Some(("not_text", kind)) => Failure::NotText(kind.to_string()),
            Some(("story", why)) => Failure::Story(why.to_string()),
            _ => match text {
                "empty" => Failure::Empty,
                "unreadable" => Failure::Unreadable,
                "damaged" => Failure::Damaged,
                "too_large" => Failure::TooLarge,
                "full" => Failure::Full,
                "unavailable" => Failure::Unavailable,
                _ => Failure::Failed,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_job_reads_back_as_it_was_written() {
        let jobs = [
            Job::Text { form: None },
            Job::Text {
                form: Some(Form::Markdown),
            },
            Job::Html,
            Job::File {
                name: "a: b.txt".into(),
            },
            Job::Example,
            Job::Export { json: true },
            Job::Export { json: false },
            Job::Memory,
            Job::Pack,
            Job::Open,
            Job::Story,
            Job::Load {
                after: None,
                limit: 12,
            },
            Job::Load {
                after: Some(u64::MAX),
                limit: 12,
            },
            Job::Get { id: 3 },
            Job::Library,
            Job::Put { id: 1 << 60 },
            Job::Delete { id: 7 },
            Job::MoveIn,
            Job::Search,
        ];
        for job in jobs {
            let (name, argument) = job.to_parts();
            assert_eq!(Job::from_parts(name, argument.as_deref()), Some(job));
        }
    }

    #[test]
    fn what_the_scripts_write_is_a_job_and_nonsense_is_none() {
        assert_eq!(
            Job::from_parts("text", None),
            Some(Job::Text { form: None })
        );
        assert_eq!(
            Job::from_parts("file", Some("fifty.txt")),
            Some(Job::File {
                name: "fifty.txt".into()
            })
        );
        // A job from a newer page, or without the argument it needs.
        assert_eq!(Job::from_parts("summarise", None), None);
        assert_eq!(Job::from_parts("put", None), None);
        assert_eq!(Job::from_parts("put", Some("seven")), None);
        assert_eq!(Job::from_parts("load", Some("12:x")), None);
    }

    #[test]
    fn failures_read_back_and_an_unknown_one_is_a_failure() {
        let failures = [
            Failure::Empty,
            Failure::NotText("a PNG image".into()),
            Failure::Unreadable,
            Failure::Damaged,
            Failure::TooLarge,
            Failure::Story("a list item outside a list: see line 3".into()),
            Failure::Full,
            Failure::Unavailable,
            Failure::Failed,
        ];
        for failure in failures {
            assert_eq!(Failure::from_text(&failure.to_text()), failure);
        }
        assert_eq!(Failure::from_text("melted"), Failure::Failed);
    }
}

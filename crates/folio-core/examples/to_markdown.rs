//! Prints a saved page's story as Folio's Markdown export.
//!
//! cargo run --release -p folio-core --features html --example to_markdown -- PAGE.html
fn main() {
    let path = std::env::args().nth(1).expect("a saved page");
    let html = String::from_utf8_lossy(&std::fs::read(&path).expect("readable")).into_owned();
    print!(
        "{}",
        folio_core::markdown::to_markdown(&folio_core::html::parse_html(&html))
    );
}

//! Prints a saved page's visible text as Folio reads it (for comparing with
//! a browser's innerText). cargo run -p folio-core --features html --example render_html -- PAGE.html

fn main() {
    for path in std::env::args().skip(1) {
        let bytes = std::fs::read(&path).unwrap_or_default();
        let (text, _) = folio_core::html::read_page(&String::from_utf8_lossy(&bytes));
        println!("{text}");
    }
}

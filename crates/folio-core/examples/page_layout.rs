//! Print a saved page's text with each line marked `M` when the parser
//! puts it in the page's main content element. Usage:
//! `cargo run -p folio-core --features html --example page_layout -- page.html`
//! (lines cut at 110 characters; `WIDTH=0` shows them whole)
fn main() {
    let path = std::env::args().nth(1).expect("a saved page");
    let bytes = std::fs::read(&path).expect("readable file");
    let html = String::from_utf8_lossy(&bytes);
    let (text, meta) = folio_core::html::read_page(&html);
    let main = folio_core::stages::parse::main_lines(&text, &meta.layout).unwrap_or_default();
    let width = match std::env::var("WIDTH").map(|w| w.parse::<usize>()) {
        Ok(Ok(0)) => usize::MAX,
        Ok(Ok(width)) => width,
        _ => 110,
    };
    for (i, line) in text.lines().enumerate() {
        if line.is_empty() {
            continue;
        }
        let inside = main.get(i).copied().unwrap_or(false);
        let shown: String = line.chars().take(width).collect();
        let path: Vec<String> = meta
            .layout
            .path(i)
            .iter()
            .map(|(tag, class)| {
                format!(
                    "{tag}.{}",
                    class.split_whitespace().collect::<Vec<_>>().join(".")
                )
            })
            .collect();
        println!(
            "{}\t{}\t{shown}",
            if inside { 'M' } else { ' ' },
            path.join(" < ")
        );
    }
}

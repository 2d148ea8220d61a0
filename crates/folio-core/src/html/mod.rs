//! Saved web pages: HTML into the same [`Article`] as a text dump.
//!
//! The page is read once, as a stream, by `lol_html` (Cloudflare's HTML
//! rewriter: a maintained HTML5 tokenizer that keeps no tree, so 100,000
//! nested elements cost what 100,000 siblings do). The stream gives two
//! things: the page's visible text, laid out as a browser's `innerText`
//! would (blocks on their own lines, scripts, styles and hidden elements
//! left out), which the text pipeline reads like any dump; and the page's
//! metadata (JSON-LD, OpenGraph and article meta tags, `<time datetime>`,
//! `<h1>`, `<title>`, `<html lang>`), which fills in or settles the
//! headline, dates, byline, section, tags and site name. Each field taken
//! from metadata is noted in `diagnostics`.

mod layout;
mod linked;
mod reader;
mod settle;

pub use layout::PageLayout;
pub use reader::{read_page, PageMeta};

use crate::article::Article;
use crate::text::parse::parse_text_in_layout;

/// Parse a saved web page. Never fails: a page with no story gives an
/// Article with diagnostics saying so.
pub fn parse_html(html: &str) -> Article {
    let article = read_html(html);
    if !article.body.is_empty() {
        return article;
    }
    // A page that draws its story by script may keep a copy for browsers
    // without it in `<noscript>`: with no story in what it shows, the
    // page is read again with those copies shown.
    let Some(shown) = with_noscript_shown(html) else {
        return article;
    };
    let mut again = read_html(&shown);
    if again.body.is_empty() {
        return article;
    }
    again
        .diagnostics
        .push("story read from the page's <noscript> copy".into());
    again
}

/// The page with each `<noscript>` element a `<div>`, so that its content
/// is laid out as text; `None` when it has none.
fn with_noscript_shown(html: &str) -> Option<String> {
    let lower = html.to_ascii_lowercase();
    if !lower.contains("<noscript") {
        return None;
    }
    let mut out = String::with_capacity(html.len());
    let mut from = 0;
    for (at, _) in lower.match_indices("noscript") {
        let closing = lower[..at].ends_with("</");
        let opening = lower[..at].ends_with('<');
        if closing || opening {
            out.push_str(&html[from..at]);
            out.push_str("div");
            from = at + "noscript".len();
        }
    }
    out.push_str(&html[from..]);
    Some(out)
}

/// A saved page read once, as it shows.
fn read_html(html: &str) -> Article {
    let (text, meta) = read_page(html);
    let linked = linked::LinkedData::of(&meta.json_ld);
    // The text is read knowing the title the page states, so that the
    // line it sits on is the headline and a subheading that a text alone
    // might take for it stays in the story.
    let stated = settle::page_title(&text, &meta, &linked);
    let title = stated.as_ref().map(|(title, _)| title.as_str());
    let mut article = parse_text_in_layout(
        &text,
        Some(&meta.layout),
        &meta.structure,
        title,
        meta.date_order(),
    );
    settle::drop_linked_lines(&mut article, &meta);
    settle::headline(&mut article, stated);
    settle::dates(&mut article, &text, &meta, &linked);
    settle::byline(&mut article, &meta, &linked);
    settle::links_and_section(&mut article, &meta, &linked);
    settle::tags_source_language(&mut article, &meta, &linked);
    // The page's metadata may have brought lists of its own.
    article.finish();
    article
}

#[cfg(test)]
mod tests {
    use super::reader::is_home_address;
    use super::*;
    use crate::address::site_name;
    use crate::article::BlockKind;

    const PAGE: &str = r#"<!doctype html><html lang="en-GB"><head><title>Kallas urges calm | Example News</title>
        <meta property="og:site_name" content="Example News">
        <meta property="article:published_time" content="2025-12-31T13:28:00+02:00">
        <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Kallas urges calm","author":{"@type":"Person","name":"Anna Writer"},"keywords":"EU, Kallas"}</script>
        <style>p { color: red }</style><script>window.x = "not shown"</script></head>
        <body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
        <article><h1>Kallas urges calm</h1>
        <p>The EU foreign policy chief said on Wednesday that nobody should accept the claims, and that the talks go on.</p>
        <div style="display: none">Hidden promo text that must not show up anywhere.</div>
        <p>"Moscow aims to derail real progress towards peace," she wrote on the social network X, adding more words.</p>
        <p>Officials in Brussels said the next round of talks would take place in January, after the holidays.</p>
        </article><footer>© 2025 Example News</footer></body></html>"#;

    /// A story with a picture, a subheading, a list, tables (one of data,
    /// one of layout), code and a link; also read by the browser tests.
    const STRUCTURED: &str = include_str!("../../../../tests/fixtures/structured-page.html");

    #[test]
    fn the_story_keeps_pictures_lists_tables_code_and_links_in_order() {
        let article = parse_html(STRUCTURED);
        let kinds: Vec<BlockKind> = article.body.iter().map(|b| b.kind).collect();
        use BlockKind::*;
        assert_eq!(
            kinds,
            [
                Image, Paragraph, Subheading, Paragraph, List, Table, Code, Paragraph, Paragraph,
                Paragraph
            ],
            "{:#?}",
            article.body
        );
        let image = &article.body[0];
        assert_eq!(
            image.src.as_deref(),
            Some("https://news.example.com/img/harbour.jpg?w=800&q=80")
        );
        assert_eq!(image.alt.as_deref(), Some("The harbour at dawn"));
        assert_eq!(
            image.caption.as_deref(),
            Some("Ships wait outside the harbour at dawn.")
        );
        assert_eq!(image.credit.as_deref(), Some("Photo: Ann Lee"));
        // The caption is the picture's, not a paragraph of the story.
        assert!(article.body[1..]
            .iter()
            .all(|b| !b.text.contains("Ships wait")));
        assert_eq!(
            article.body[1].links,
            [crate::article::InlineLink {
                text: "harbour plan".into(),
                url: "https://news.example.com/docs/plan.pdf".into()
            }]
        );
        assert_eq!(article.body[2].level, Some(2));
        assert!(article.body[4].ordered);
        assert_eq!(article.body[4].items.len(), 3);
        assert!(article.body[5].header);
        assert_eq!(
            article.body[5].rows,
            [["Year", "Ships"], ["2024", "1,204"], ["2025", "1,388"]]
        );
        assert_eq!(article.body[6].language.as_deref(), Some("json"));
        assert_eq!(article.body[6].text, "{\n  \"quay\": \"north\"\n}");
        // The layout table's text is read as text, not as a table.
        assert!(article.body[7].text.starts_with("Layout cell"));
        // No icon, teaser, or address that is not a web page's.
        let pictures = article.body.iter().filter(|b| b.kind == Image).count();
        assert_eq!(pictures, 1);
    }

    #[test]
    fn a_scripted_picture_is_read_from_its_noscript_copy_and_icons_are_not_pictures() {
        let prose =
            "The council met on Monday and agreed on the plan for the harbour after a long debate.";
        let page = format!(
            "<html><head><base href=\"https://example.com/story\"></head><body><article><h1>Pictures drawn by script</h1><p>{prose}</p>\
             <picture><noscript><img src=\"/drawn.jpg\" alt=\"Drawn by script\"></noscript></picture><p>{prose}</p>\
             <img data-src=\"/lazy.jpg\" src=\"data:,\"><noscript><img src=\"/lazy-copy.jpg\"></noscript><p>{prose}</p>\
             <noscript><img src=\"https://ads.example.net/pixel?id=1\"></noscript>\
             <img src=\"/star.gif\"><img src=\"/star.gif\"><img src=\"/star.gif\"><p>{prose}</p></article></body></html>"
        );
        assert_eq!(
            pictures_of(&page),
            [
                "https://example.com/drawn.jpg",
                "https://example.com/lazy.jpg"
            ]
        );
    }

    #[test]
    fn a_picture_whose_img_has_no_address_is_read_from_its_source() {
        let prose =
            "The council met on Monday and agreed on the plan for the harbour after a long debate.";
        let page = format!(
            "<html><head><base href=\"https://example.com/story\"></head><body><article><h1>Pictures in picture elements</h1><p>{prose}</p>\
             <picture><source type=\"image/avif\" data-srcset=\"/harbour.avif 1x, /harbour-2x.avif 2x\"><source srcset=\"/harbour.webp\"><img src=\"data:image/gif;base64,R0lGOD\" alt=\"The harbour\"></picture><p>{prose}</p>\
             <picture><source srcset=\"/ferry.webp 800w\"><img src=\"/ferry.jpg\" alt=\"The ferry\"></picture><p>{prose}</p>\
             <picture><source srcset=\"/quay.webp\"><img alt=\"The quay\"></picture><p>{prose}</p>\
             <img alt=\"No address anywhere\"><p>{prose}</p></article></body></html>"
        );
        assert_eq!(
            pictures_of(&page),
            [
                "https://example.com/harbour.avif",
                "https://example.com/ferry.jpg",
                "https://example.com/quay.webp"
            ]
        );
    }

    /// The addresses of the pictures in a page's story.
    fn pictures_of(page: &str) -> Vec<String> {
        parse_html(page)
            .body
            .into_iter()
            .filter_map(|b| b.src)
            .collect()
    }

    #[test]
    fn a_picture_with_no_address_to_resolve_against_is_left_out() {
        let page = format!(
            "<html><body><article><h1>A story with pictures</h1><p>{}</p>\
             <img src=\"/relative.jpg\" alt=\"no base\"><img src=\"javascript:alert(1)\">\
             <img src=\"https://example.com/kept.jpg\" alt=\"kept\"><p>{}</p></article></body></html>",
            "The council met on Monday and agreed on the plan for the harbour after a long debate.",
            "Work will start in the spring, and the harbour will stay open for the ferries all the while."
        );
        assert_eq!(pictures_of(&page), ["https://example.com/kept.jpg"]);
    }

    #[test]
    fn teasers_under_a_related_heading_are_not_the_story_but_the_story_goes_on_after_an_aside() {
        let story = [
            "The council met on Monday and agreed on the plan for the harbour, after a long debate, with two votes against.",
            "Work will start in the spring, and the harbour will stay open for the ferries, the fishing boats and the yachts all the while.",
            "The mayor said the plan, which the port authority drew up last year, would pay for itself within ten years.",
        ];
        let teaser = |n: usize| {
            format!(
                "<article class=\"post\"><p>Teaser {n}: another story of this site, told at length, with commas, clauses, and more clauses, so that it reads like running text of its own.</p></article>"
            )
        };
        let page = format!(
            "<html><body><div id=\"main\"><article class=\"post\"><h1>The harbour plan</h1><p>{}</p>\
             <aside><h3>Related stories</h3><ul><li><a href=\"/a\">Ferries run late</a></li><li><a href=\"/b\">Port fees rise</a></li></ul></aside>\
             <p>{}</p><p>{}</p></article>\
             <section class=\"post\"><h3>You may also like</h3>{}{}{}{}</section></div></body></html>",
            story[0],
            story[1],
            story[2],
            teaser(1),
            teaser(2),
            teaser(3),
            teaser(4)
        );
        let article = parse_html(&page);
        let body: Vec<&str> = article.body.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(body, story, "{body:#?}");
    }

    #[test]
    fn stressed_words_of_running_text_are_kept_and_hidden_ones_are_not() {
        let page = "<html><body><article><h1>Harbour plan signed</h1>\
            <p>The council met on <em>Monday</em> and <strong>agreed on <i>the plan</i></strong> for the harbour, after a long debate, with two votes against.</p>\
            <h2><strong>What the plan says</strong></h2>\
            <p>Work will start <b>in the spring</b><span style=\"display:none\"><em>hidden words</em></span>, and the harbour will stay open for the ferries all the while.</p>\
            </article></body></html>";
        let article = parse_html(page);
        let stress: Vec<(&str, Vec<String>, Vec<String>)> = article
            .body
            .iter()
            .map(|b| (&b.text[..12], b.emphasis.clone(), b.strong.clone()))
            .collect();
        assert_eq!(
            stress,
            [
                (
                    "The council ",
                    vec!["Monday".to_string()],
                    vec!["agreed on the plan".to_string()]
                ),
                ("What the pla", vec![], vec![]),
                ("Work will st", vec![], vec!["in the spring".to_string()]),
            ]
        );
    }

    #[test]
    fn a_story_drawn_by_script_is_read_from_its_noscript_copy_only_when_nothing_shows() {
        let story = "The council met on Monday and agreed on the plan for the harbour, after a long debate, with two votes against.";
        let drawn = format!(
            "<html><body><article><h1>Harbour plan signed</h1><div itemprop=\"articleBody\">\
             <script type=\"text/template\"><p>{story}</p></script><NoScript><p>{story}</p><p>{story}</p></NoScript>\
             </div></article></body></html>"
        );
        let article = parse_html(&drawn);
        assert_eq!(article.body.len(), 2, "{:#?}", article.body);
        assert_eq!(article.body[0].text, story);
        assert!(article.diagnostics.iter().any(|d| d.contains("<noscript>")));
        // A page whose story shows keeps its noscript text out of it.
        let shown = format!(
            "<html><body><article><h1>Harbour plan signed</h1><p>{story}</p>\
             <noscript><p>Please turn on JavaScript to see the comments on this story here.</p></noscript></article></body></html>"
        );
        let article = parse_html(&shown);
        let body: Vec<&str> = article.body.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(body, [story]);
    }

    #[test]
    fn a_carriage_return_in_pre_keeps_the_lines_in_step() {
        let page = "<html><body><article><h1>Carriage returns in code</h1>\
            <p>The council met on Monday and agreed on the plan for the harbour after a long debate.</p>\
            <pre>first\rsecond\r\nthird</pre>\
            <h2>After the code</h2>\
            <p>Work will start in the spring, and the harbour will stay open for the ferries all the while.</p>\
            </article></body></html>";
        let (text, _) = read_page(page);
        assert!(!text.contains('\r'));
        let article = parse_html(page);
        let code = article.body.iter().find(|b| b.kind == BlockKind::Code);
        assert_eq!(code.map(|c| c.text.as_str()), Some("first\nsecond\nthird"));
        let heading = article
            .body
            .iter()
            .find(|b| b.kind == BlockKind::Subheading);
        assert_eq!(heading.and_then(|h| h.level), Some(2));
    }

    #[test]
    fn a_bracketed_code_line_stays_code() {
        // Alone on a line in plain text, "[Werkliste-Abb]" is a picture a
        // text browser names; in code, "[dependencies]" is the code's.
        let page = "<html><body><article><h1>Bracketed lines in code</h1>\
            <p>The council met on Monday and agreed on the plan for the harbour after a long debate.</p>\
            <pre>[dependencies]\nserde = 1</pre>\
            <p>Work will start in the spring, and the harbour will stay open for the ferries all the while.</p>\
            </article></body></html>";
        let article = parse_html(page);
        let code = article.body.iter().find(|b| b.kind == BlockKind::Code);
        assert_eq!(
            code.map(|c| c.text.as_str()),
            Some("[dependencies]\nserde = 1")
        );
    }

    #[test]
    fn visible_text_keeps_blocks_and_drops_hidden_parts() {
        let (text, meta) = read_page(PAGE);
        assert!(text.contains("\nKallas urges calm\n"), "{text}");
        assert!(
            !text.contains("not shown")
                && !text.contains("Hidden promo")
                && !text.contains("color: red"),
            "{text}"
        );
        assert_eq!(meta.h1, vec!["Kallas urges calm"]);
        assert_eq!(meta.title, "Kallas urges calm | Example News");
        assert_eq!(meta.lang.as_deref(), Some("en-GB"));
    }

    #[test]
    fn metadata_settles_headline_date_byline_and_site() {
        let article = parse_html(PAGE);
        assert_eq!(article.headline.as_deref(), Some("Kallas urges calm"));
        assert_eq!(article.published.as_deref(), Some("2025-12-31T13:28+02:00"));
        assert_eq!(article.byline, vec!["Anna Writer"]);
        assert_eq!(article.source.as_deref(), Some("Example News"));
        assert_eq!(article.tags, vec!["EU", "Kallas"]);
        assert_eq!(article.language.as_deref(), Some("en"));
        assert!(article
            .body
            .iter()
            .any(|b| b.text.starts_with("The EU foreign policy chief")));
    }

    #[test]
    fn a_hidden_void_element_hides_nothing_after_it() {
        let (text, _) =
            read_page(r#"<body><img src="x" style="display:none"><p>Still shown.</p></body>"#);
        assert!(text.contains("Still shown."), "{text}");
    }

    #[test]
    fn lines_made_of_links_are_marked() {
        let (_, meta) = read_page(
            r#"<body><p><a href="/a">Home</a> <a href="/b">World news today</a></p><p>A sentence with <a href="/c">one link</a> in the middle of much more plain text.</p></body>"#,
        );
        assert!(meta.link_lines.contains("home world news today"));
        assert_eq!(meta.link_lines.len(), 1);
    }

    /// A page's text with the lines its structure puts in the main content.
    fn main_text(html: &str) -> Vec<String> {
        let (text, meta) = read_page(html);
        let inside = crate::text::parse::main_lines(&text, &meta.layout).unwrap_or_default();
        text.lines()
            .zip(inside)
            .filter(|(_, inside)| *inside)
            .map(|(line, _)| line.to_string())
            .collect()
    }

    const PROSE: [&str; 5] = [
        "The council met on Tuesday evening, and after a long debate, it voted to keep the library open on Sundays, at least until the spring.",
        "Residents had asked for the change for years, saying that students, shift workers and families had nowhere else to go, and that the building sat empty.",
        "The mayor said the cost, about forty thousand a year, would come from the culture budget, which had grown, she noted, since the last election.",
        "Librarians, who had worked extra hours, unpaid, during the winter, welcomed the vote, and said they would hire two more people, perhaps three.",
        "The opposition, however, said the money, which is not small, would be better spent on roads, schools, or the old swimming pool, now closed.",
    ];

    #[test]
    fn paragraphs_in_cards_of_their_own_are_one_story() {
        let cards: String = PROSE
            .iter()
            .map(|p| {
                format!(r#"<div class="card"><div class="card-content"><p>{p}</p></div></div>"#)
            })
            .collect();
        let html = format!(
            r#"<body><div class="menu"><a href="/">Home</a></div><div class="collection">{cards}</div>
            <div class="footer"><p>Contact us, write to us, or call us, any day, at any hour, for anything at all.</p></div></body>"#
        );
        let main = main_text(&html);
        assert_eq!(main, PROSE.to_vec(), "{main:?}");
    }

    #[test]
    fn the_lead_above_the_story_joins_it_and_a_caption_does_not() {
        let html = format!(
            r#"<body><article><header><h1>Library stays open</h1>
            <p class="dek">The council voted late on Tuesday to keep the library open on Sundays until spring.</p>
            <p class="byline">By Ann Lee</p><p>March 3, 2024</p>
            <div class="caption">The reading room of the library, seen from the gallery above it, on a quiet Sunday.</div></header>
            <div class="article-body"><p>{}</p><p>{}</p><p>{}</p></div></article></body>"#,
            PROSE[0], PROSE[1], PROSE[2]
        );
        let main = main_text(&html);
        let mut expected = vec![
            "The council voted late on Tuesday to keep the library open on Sundays until spring.",
        ];
        expected.extend(&PROSE[..3]);
        assert_eq!(main, expected, "{main:?}");
        // A copy of the story's own sentence above it is a teaser of it.
        let html = format!(
            r#"<body><h1>Library stays open</h1><h2 class="teaser">{}</h2>
            <div class="article-body"><p>{}</p><p>{}</p><p>{}</p></div></body>"#,
            PROSE[1], PROSE[0], PROSE[1], PROSE[2]
        );
        let main = main_text(&html);
        assert_eq!(main, PROSE[..3].to_vec(), "{main:?}");
    }

    #[test]
    fn the_title_the_page_states_is_read_as_the_headline_and_a_subheading_like_it_stays() {
        // A table of contents repeats a subheading above the story: read
        // as text alone, the subheading may pass for the headline and its
        // copy in the story for a repeat of it.
        let html = format!(
            r#"<html><head><meta property="og:title" content="Library stays open"></head><body>
            <h1>Library stays open</h1><p>Updated 3 March 2024</p>
            <div class="toc"><p>Contents</p><p>Who pays for the longer opening hours on Sundays?</p></div>
            <div class="article-body"><p>{}</p><h2>Who pays for the longer opening hours on Sundays?</h2><p>{}</p><p>{}</p><p>{}</p></div></body></html>"#,
            PROSE[0], PROSE[1], PROSE[2], PROSE[3]
        );
        let article = parse_html(&html);
        assert_eq!(article.headline.as_deref(), Some("Library stays open"));
        let body: Vec<&str> = article.body.iter().map(|b| b.text.as_str()).collect();
        assert!(
            body.contains(&"Who pays for the longer opening hours on Sundays?"),
            "{body:?}"
        );
    }

    #[test]
    fn a_lead_named_so_in_a_header_joins_the_story_and_the_headers_other_text_does_not() {
        let lead =
            "The council voted late on Tuesday to keep the library open on Sundays until spring.";
        let notice =
            "Our offices are closed on public holidays, and the phone lines open again at nine.";
        let html = format!(
            r#"<body><div class="page-header"><h1>Library stays open</h1>
            <p>{notice}</p>
            <p class="page-header__lead">{lead}</p></div>
            <div class="article-body"><p>{}</p><p>{}</p><p>{}</p><p>{}</p></div></body>"#,
            PROSE[0], PROSE[1], PROSE[2], PROSE[3]
        );
        let main = main_text(&html);
        let mut expected = vec![lead];
        expected.extend(&PROSE[..4]);
        assert_eq!(main, expected, "{main:?}");
    }

    #[test]
    fn a_heading_of_other_stories_or_of_the_author_box_inside_the_story_is_no_part_of_it() {
        for heading in [
            "Lesen Sie auch die folgenden Beiträge:",
            "Most Popular",
            "Über den Autor",
        ] {
            let html = format!(
                r#"<body><h1>Library stays open</h1><div class="article-body"><p>{}</p><p>{}</p>
                <p>{heading}</p><p>{}</p><p>{}</p></div></body>"#,
                PROSE[0], PROSE[1], PROSE[2], PROSE[3]
            );
            let article = parse_html(&html);
            let body: Vec<&str> = article.body.iter().map(|b| b.text.as_str()).collect();
            assert_eq!(body, PROSE[..4].to_vec(), "{heading}: {body:?}");
        }
    }

    #[test]
    fn a_story_split_over_fields_is_read_whole_but_not_into_the_next_post() {
        // A content system's body field, then paragraph items of their own:
        // the story is all of them, not the biggest item.
        let item = |p: &str| {
            format!(
                r#"<div class="field-item"><div class="paragraph"><div class="text"><p>{p}</p></div></div></div>"#
            )
        };
        let story = format!(
            r#"<div class="block"><div class="field-body"><p>{}</p><p>{}</p><p>{}</p></div></div><div class="block"><div class="field-items">{}{}</div></div>"#,
            PROSE[0],
            PROSE[1],
            PROSE[2],
            item(PROSE[3]),
            item(PROSE[4]),
        );
        let html = format!(
            r#"<body><div class="menu"><a href="/">Home</a></div><h1>Library stays open</h1><div class="region">{story}</div></body>"#
        );
        let main = main_text(&html);
        assert_eq!(main, PROSE.to_vec(), "{main:?}");
        // Two posts one after the other (a blog's page, an endless scroll):
        // the story stays in its own.
        let post = |title: &str, paragraphs: &[&str]| {
            let text: String = paragraphs.iter().map(|p| format!("<p>{p}</p>")).collect();
            format!(
                r#"<article><h2>{title}</h2><div class="entry"><div class="part">{text}</div></div></article>"#
            )
        };
        let html = format!(
            r#"<body><div class="posts">{}{}</div></body>"#,
            post("Library stays open", &PROSE[..3]),
            post("Pool to close", &PROSE[3..]),
        );
        let main = main_text(&html);
        assert!(
            main.ends_with(&PROSE[..3].iter().map(|p| p.to_string()).collect::<Vec<_>>()),
            "{main:?}"
        );
        assert!(
            !main.iter().any(|l| l == PROSE[3] || l == "Pool to close"),
            "{main:?}"
        );
    }

    #[test]
    fn sidebars_captions_and_link_boxes_are_left_out() {
        let html = format!(
            r#"<body><article><div class="entry-content"><p>{}</p>
            <figure><img src="x.jpg"><figcaption>The library on Main Street, seen from the park, in spring.</figcaption></figure>
            <p>{}</p><div class="more"><a href="/a">Read more about the library and its long history</a> <a href="/b">Other news</a></div>
            <p>{}</p></div></article>
            <div class="sidebar"><p>Subscribe today, and get our newsletter, our podcast, and our weekly quiz, all for free, forever.</p></div></body>"#,
            PROSE[0], PROSE[1], PROSE[2]
        );
        let main = main_text(&html);
        assert_eq!(main, PROSE[..3].to_vec(), "{main:?}");
    }

    #[test]
    fn a_kicker_or_subtitle_beside_the_title_in_its_h1_is_left_out() {
        let page = |og: &str, h1: &str| {
            format!(
                r#"<html><head><meta property="og:title" content="{og}"></head><body>
                <h1>{h1}</h1><div class="story"><p>{}</p><p>{}</p><p>{}</p></div></body></html>"#,
                PROSE[0], PROSE[1], PROSE[2]
            )
        };
        let headline = |og: &str, h1: &str| parse_html(&page(og, h1)).headline;
        // A kicker set before the title, a subtitle or the site's name after it.
        assert_eq!(
            headline(
                "Eigentumsvorbehalt: Das sollten Käufer wissen",
                "<span>Forderungsausfälle vermeiden</span> Eigentumsvorbehalt: Das sollten Käufer wissen"
            )
            .as_deref(),
            Some("Eigentumsvorbehalt: Das sollten Käufer wissen")
        );
        assert_eq!(
            headline(
                "Tea in the old town",
                "Tea in the old town <small>Where the town meets for a cup, every day of the week</small>"
            )
            .as_deref(),
            Some("Tea in the old town")
        );
        assert_eq!(
            headline("Tea in the old town", "Tea in the old town | THE TOWN BLOG").as_deref(),
            Some("Tea in the old town")
        );
        // A title the metadata cut short is not the headline: the <h1> is whole.
        assert_eq!(
            headline(
                "Hunter falls ill after eating a rabbit, the third local to contract",
                "Hunter falls ill after eating a rabbit, the third local to contract the disease"
            )
            .as_deref(),
            Some("Hunter falls ill after eating a rabbit, the third local to contract the disease")
        );
    }

    #[test]
    fn a_stated_title_leaves_the_site_name_after_it() {
        let page = format!(
            r#"<html><head><meta property="og:site_name" content="LA Weekly">
            <meta property="og:title" content="Meet the artist of the old town - LA Weekly"></head><body>
            <p>Meet the artist of the old town - LA Weekly</p>
            <h1>Meet the artist of the old town</h1><div class="story"><p>{}</p><p>{}</p><p>{}</p></div></body></html>"#,
            PROSE[0], PROSE[1], PROSE[2]
        );
        assert_eq!(
            parse_html(&page).headline.as_deref(),
            Some("Meet the artist of the old town")
        );
    }

    #[test]
    fn the_site_name_in_an_h1_is_not_the_headline() {
        // A blog's logo is its only <h1>, a link home; the post's title is an <h2>.
        let page = |logo: &str| {
            format!(
                r#"<html><head><title>Tea in the old town : My Little Blog</title></head><body>
                <div class="header">{logo}<p>Notes from a small town</p></div>
                <div class="post"><h2 class="entry-title">Tea in the old town</h2>
                <p>{}</p><p>{}</p><p>{}</p></div></body></html>"#,
                PROSE[0], PROSE[1], PROSE[2]
            )
        };
        for logo in [
            r#"<h1><a href="/">My Little Blog</a></h1>"#,
            r#"<h1><a href="https://blog.example.org">My Little Blog</a></h1>"#,
            r#"<h1><a href="https://web.archive.org/web/20160218174457/http://blog.example.org/">My Little Blog</a></h1>"#,
            r#"<h1><a href="/about" rel="home">My Little Blog</a></h1>"#,
            r#"<h1 id="site-title"><span>My Little Blog</span></h1>"#,
            r#"<h1 class="logo">My Little Blog</h1>"#,
            // Text for screen readers only, over the menus.
            r#"<h1 class="navSkip">Navigation und Service</h1>"#,
        ] {
            let article = parse_html(&page(logo));
            assert_eq!(
                article.headline.as_deref(),
                Some("Tea in the old town"),
                "{logo}"
            );
        }
        // An <h1> that links to a story, not home, is that story's title.
        let article = parse_html(&page(
            r#"<h1><a href="/2020/05/tea">Tea in the old town</a></h1>"#,
        ));
        assert_eq!(article.headline.as_deref(), Some("Tea in the old town"));
        // A style sheet inside the heading is not its text.
        let (_, meta) = read_page("<h1><style>.t{font-size:16px}</style>Tea in the old town</h1>");
        assert_eq!(meta.h1, vec!["Tea in the old town"]);
        assert!(is_home_address("http://example.com/index.php"));
        assert!(!is_home_address("https://example.com/2020/05/tea"));
        assert!(!is_home_address(
            "https://web.archive.org/web/2016/http://example.com/news/tea"
        ));
    }

    #[test]
    fn the_box_holding_a_short_story_is_kept_whatever_its_links() {
        // Share buttons, a byline's links and tags make the story's own box
        // mostly links: it is still the story, not a box to clean away.
        let share = r#"<div class="share"><a href="/f">Share on Facebook</a> <a href="/t">Share on Twitter</a> <a href="/e">Email this story to a friend</a> <a href="/c">Copy the link</a></div>"#;
        let html = format!(
            r#"<body><div class="menu"><a href="/">Home</a> <a href="/news">News</a></div>
            <div class="article-wrapper">{share}<div class="box modal-enabled">
            <h1>Press secretary leaves studio</h1>
            <p class="byline"><a href="/author/ian">By Ian Mohr</a> <a href="/author/ian/archive">View author archive</a></p>
            <p><a href="/people/dee">Dee Dee Myers</a> — a former press secretary for <a href="/tag/clinton">Bill Clinton</a> — is leaving her role at the studio after five years.</p>
            <p>Myers said she would take some time to figure out what comes next, and thanked her team.</p>
            {share}<div class="tags"><a href="/tag/a">Bill Clinton</a> <a href="/tag/b">Warner Bros.</a> <a href="/tag/c">Hollywood studios</a> <a href="/tag/d">Media careers</a></div>
            </div></div></body>"#
        );
        let body: Vec<String> = parse_html(&html).body.into_iter().map(|b| b.text).collect();
        assert!(
            body[0].starts_with("Dee Dee Myers — a former press secretary"),
            "{body:?}"
        );
        assert!(body[1].starts_with("Myers said she would"), "{body:?}");
        assert!(!body.iter().any(|b| b.contains("Share on")), "{body:?}");
    }

    #[test]
    fn the_main_content_settles_the_body() {
        let html = format!(
            r#"<body><ul class="nav"><li><a href="/">Home</a></li></ul><h1>Library stays open</h1>
            <div class="story-body"><p>{}</p><p>{}</p><p>{}</p></div>
            <div class="related"><h3>Most read</h3><p>Another long teaser line that reads like prose, with commas, and more words, and a full stop.</p></div></body>"#,
            PROSE[0], PROSE[1], PROSE[2]
        );
        let article = parse_html(&html);
        let body: Vec<&str> = article.body.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(body, PROSE[..3].to_vec());
    }

    #[test]
    fn a_story_told_as_a_list_of_steps_is_the_main_content() {
        // A recipe or minutes: no paragraph of prose, the steps in a list;
        // the only paragraph of running text is the footer's.
        let steps = [
            "Put all the ingredients in a bowl and knead them into a smooth dough with the hook.",
            "Roll the dough out on a floured board and cut out any shapes you like.",
            "Heat the oven to 200 degrees and line a baking tray with baking paper.",
            "Bake the biscuits in the middle of the oven for fifteen minutes, until golden.",
        ];
        let items: String = steps.iter().map(|s| format!("<li>{s}</li>")).collect();
        let html = format!(
            r#"<body><h1>Almond biscuits</h1><div class="entry"><p>Makes 40.</p><ol>{items}</ol></div>
            <div id="footer"><p>Beyond this licence, permissions may be asked for at the address below, by mail, at any time.</p></div></body>"#
        );
        let article = parse_html(&html);
        let body: Vec<&str> = article.body.iter().map(|b| b.text.as_str()).collect();
        assert!(body.iter().any(|b| b.contains(steps[3])), "{body:?}");
        assert!(!body.iter().any(|b| b.contains("licence")), "{body:?}");
    }

    #[test]
    fn a_menu_above_the_headline_is_not_its_section() {
        let html = format!(
            r#"<body><div class="menu"><a href="/">Home</a> <a href="/city/">City</a></div>
            <h1>Library stays open</h1><div class="story-body"><p>{}</p><p>{}</p><p>{}</p></div></body>"#,
            PROSE[0], PROSE[1], PROSE[2]
        );
        let article = parse_html(&html);
        assert_eq!(article.headline.as_deref(), Some("Library stays open"));
        assert_eq!(article.section, None);
    }

    #[test]
    fn section_metadata_beats_a_guessed_line() {
        let html = format!(
            r#"<head><meta property="article:section" content="Sport"></head><body><p>Listen Live</p>
            <h1>Library stays open</h1><div class="story-body"><p>{}</p><p>{}</p><p>{}</p></div></body>"#,
            PROSE[0], PROSE[1], PROSE[2]
        );
        let article = parse_html(&html);
        assert_eq!(article.section.as_deref(), Some("Sport"));
    }

    #[test]
    fn the_original_address_is_the_canonical_one_without_tracking() {
        let page = |head: &str| {
            format!(
                "<html><head>{head}</head><body><h1>Library stays open</h1><p>{}</p><p>{}</p></body></html>",
                PROSE[0], PROSE[1]
            )
        };
        let both = page(
            r#"<link rel="canonical" href="https://example.com/library?utm_source=x&id=7"><meta property="og:url" content="https://example.com/og">"#,
        );
        assert_eq!(
            parse_html(&both).url.as_deref(),
            Some("https://example.com/library?id=7")
        );
        let og = page(r#"<meta property="og:url" content="https://example.com/og">"#);
        assert_eq!(
            parse_html(&og).url.as_deref(),
            Some("https://example.com/og")
        );
        let hostile = page(r#"<link rel="canonical" href="javascript:alert(1)">"#);
        assert_eq!(parse_html(&hostile).url, None);
        assert_eq!(parse_html(&page("")).url, None);
    }

    /// Found by `cargo fuzz run parse_html`: markup lol_html calls ambiguous
    /// made the rewriter fail, and ending it after that panicked.
    #[test]
    fn fuzz_style_inside_select_is_read_on() {
        let html = "<body><select><style>a{}</style></select>\
                    <p>After the select the story goes on, and on.</p></body>";
        let (text, _) = read_page(html);
        assert!(
            text.contains("After the select the story goes on"),
            "{text}"
        );
        let _ = parse_html(html);
    }

    #[test]
    fn a_site_name_written_as_an_address_is_its_host() {
        assert_eq!(
            site_name("https://www.hawaiinewsnow.com"),
            "hawaiinewsnow.com"
        );
        assert_eq!(
            site_name("http://news.example.org/home"),
            "news.example.org"
        );
        assert_eq!(site_name(" Example News "), "Example News");
    }

    #[test]
    fn the_source_is_the_sites_name_not_a_section_or_its_owner() {
        let source = |head: &str, foot: &str| {
            let html = format!(
                r#"<html><head><link rel="canonical" href="https://www.reuters.example/world/a">{head}</head>
                <body><h1>Library stays open</h1><p>{}</p><p>{}</p><footer><p>{foot}</p></footer></body></html>"#,
                PROSE[0], PROSE[1]
            );
            parse_html(&html).source
        };
        let publisher = r#"<script type="application/ld+json">{"@type":"NewsArticle","headline":"Library stays open","publisher":{"@type":"Organization","name":"Reuters"}}</script>"#;
        // A section given as the site's name gives way to the publisher the
        // address spells; when neither spells it, the name stands.
        assert_eq!(
            source(
                &format!(r#"<meta property="og:site_name" content="U.S.">{publisher}"#),
                ""
            )
            .as_deref(),
            Some("Reuters")
        );
        assert_eq!(
            source(
                &format!(
                    r#"<meta property="og:site_name" content="Thomson Daily">{}"#,
                    publisher.replace("Reuters", "Acme Media")
                ),
                ""
            )
            .as_deref(),
            Some("Thomson Daily")
        );
        // A site's name a template filled with the page's title: the side
        // that spells the address, else the side that is not the headline.
        assert_eq!(
            source(
                r#"<meta property="og:site_name" content="Library stays open | Reuters">"#,
                ""
            )
            .as_deref(),
            Some("Reuters")
        );
        assert_eq!(
            source(
                r#"<meta property="og:site_name" content="Library stays open | Die Zeitung">"#,
                ""
            )
            .as_deref(),
            Some("Die Zeitung")
        );
        assert_eq!(
            source(
                r#"<meta property="og:site_name" content="Die Zeitung | News from Berlin">"#,
                ""
            )
            .as_deref(),
            Some("Die Zeitung")
        );
        // No name in the metadata: the footer's, unless it names the
        // company that owns the site; then the page's host.
        assert_eq!(
            source("", "© 2019 Reuters Example. All rights reserved.").as_deref(),
            Some("Reuters Example")
        );
        assert_eq!(
            source("", "Copyright (с) ООО «Хёрст Шкулёв Паблишинг», 2019.").as_deref(),
            Some("reuters.example")
        );
    }

    #[test]
    fn deep_nesting_is_linear() {
        let html = format!(
            "<html><body>{}<p>deep text</p>{}</body></html>",
            "<div>".repeat(100_000),
            "</div>".repeat(100_000)
        );
        let (text, _) = read_page(&html);
        assert!(text.contains("deep text"));
        // Every level a paragraph of its own: scoring stays linear too.
        let levels: String = (0..50_000)
            .map(|i| format!("<div><p>{} ({i})</p>", PROSE[i % PROSE.len()]))
            .collect();
        let html = format!(
            "<html><body>{levels}{}</body></html>",
            "</div>".repeat(50_000)
        );
        let article = parse_html(&html);
        assert!(article.body.len() > 1000, "{}", article.body.len());
    }

    /// A page with no JSON-LD and no byline line: the author comes from
    /// the element marked as the author, else from `<meta name=author>`.
    fn page_with_author(marked: &str, meta: &str) -> Article {
        let paragraph = "The council voted on Tuesday to keep the library open, after a year of protests by readers and staff, and to pay for it from the culture budget.";
        parse_html(&format!(
            r#"<html><head><title>Library stays open</title>{meta}</head><body>
            <h1>Library stays open</h1>{marked}
            <div class="story-body"><p>{paragraph}</p><p>{paragraph}</p><p>{paragraph}</p></div></body></html>"#
        ))
    }

    #[test]
    fn the_author_comes_from_a_marked_element_then_meta() {
        let marked = page_with_author(
            r#"<div class="article-byline"><span>Ann Lee</span></div>"#,
            r#"<meta name="author" content="Example Times">"#,
        );
        assert_eq!(marked.byline, vec!["Ann Lee"]);
        let meta_only = page_with_author("", r#"<meta name="author" content="Bo Ek, Cy Dahl">"#);
        assert_eq!(meta_only.byline, vec!["Bo Ek", "Cy Dahl"]);
        let address = page_with_author(
            "",
            r#"<meta property="article:author" content="https://example.com/ann">"#,
        );
        assert!(address.byline.is_empty());
    }

    #[test]
    fn a_marked_handle_or_a_referenced_person_is_the_author() {
        let handle = page_with_author(
            r#"<span class="entry-author"><span class="author vcard"><a href="/u/1">von <span class="fn">flerche</span></a></span></span>"#,
            "",
        );
        assert_eq!(handle.byline, vec!["flerche"]);
        let label_only = page_with_author(r#"<span class="post-author">Posted by</span>"#, "");
        assert!(label_only.byline.is_empty(), "{:?}", label_only.byline);
        // Yoast's graph names the author in a node of its own.
        let graph = page_with_author(
            "",
            r#"<script type="application/ld+json">{"@graph":[{"@type":"Article","headline":"Library stays open","author":{"@id":"https://e.org/#/person/1"}},{"@type":"Person","@id":"https://e.org/#/person/1","name":"Steven Salentin"}]}</script>"#,
        );
        assert_eq!(graph.byline, vec!["Steven Salentin"]);
    }

    /// JSON-LD that states when the story was published.
    fn ld(date: &str) -> String {
        format!(
            r#"<script type="application/ld+json">{{"@type":"NewsArticle","headline":"Library stays open","datePublished":"{date}"}}</script>"#
        )
    }

    #[test]
    fn the_day_the_page_shows_beats_metadata_a_day_off() {
        let shown = r#"<p class="date">November 18, 2019 11:03 PM</p>"#;
        // Metadata in UTC, the page in local time: the page's day stands.
        let utc = page_with_author(shown, &ld("2019-11-19T07:03:25+00:00"));
        assert_eq!(
            utc.published.as_deref().map(|p| &p[..10]),
            Some("2019-11-18")
        );
        // Further apart, the page's line is another date: metadata wins.
        let other = page_with_author(shown, &ld("2019-11-21T07:03:25+00:00"));
        assert_eq!(
            other.published.as_deref().map(|p| &p[..10]),
            Some("2019-11-21")
        );
    }

    #[test]
    fn metadata_a_day_off_wins_when_the_page_shows_its_day_too() {
        let ld = ld("2022-12-30T07:00:40+01:00");
        let updated = r#"<p class="date">29. Dezember 2022</p>"#;
        // The day read is another date the page shows: metadata's day is there too.
        let both = page_with_author(
            &format!("{updated}<p class=\"date\">Veröffentlicht: 30. Dezember 2022</p>"),
            &ld,
        );
        assert_eq!(both.published.as_deref(), Some("2022-12-30T07:00:40+01:00"));
        // Alone, the day read may be metadata's moment in another zone: it stands.
        let alone = page_with_author(updated, &ld);
        assert_eq!(alone.published.as_deref(), Some("2022-12-29"));
    }

    #[test]
    fn of_metadata_at_odds_with_itself_the_day_the_page_shows_wins() {
        let claims = format!(
            r#"{}<meta property="article:published_time" content="2022-01-06T08:29:34">"#,
            ld("2022-01-04T07:29:00.000Z")
        );
        let shown = page_with_author(r#"<p class="date">06.01.2022</p>"#, &claims);
        assert_eq!(shown.published.as_deref(), Some("2022-01-06T08:29:34"));
        // Showing neither, the most specific claim stands.
        let unshown = page_with_author("", &claims);
        assert_eq!(
            unshown.published.as_deref().map(|p| &p[..10]),
            Some("2022-01-04")
        );
    }

    #[test]
    fn metadata_gives_its_time_to_the_day_the_page_shows() {
        let shown = r#"<p class="date">November 18, 2019</p>"#;
        let timed = page_with_author(shown, &ld("2019-11-18T16:21:03-05:00"));
        assert_eq!(
            timed.published.as_deref(),
            Some("2019-11-18T16:21:03-05:00")
        );
        assert_eq!(timed.published_text.as_deref(), Some("November 18, 2019"));
        // Midnight is a placeholder, not a time.
        let midnight = page_with_author(shown, &ld("2019-11-18T00:00:00+01:00"));
        assert_eq!(midnight.published.as_deref(), Some("2019-11-18"));
    }

    #[test]
    fn the_headline_is_a_heading_where_the_page_has_one() {
        // An empty <h1>, the title in an <h2>, a line of the menu's kind above.
        let paragraphs = [
            "Der Genossenschaftsverband Bayern vertritt die Interessen von rund 1.200 Genossenschaften im Freistaat und ber\u{e4}t sie in allen Fragen des Gesch\u{e4}fts, vom Recht bis zur Steuer.",
            "Wir sind der gesetzliche Pr\u{fc}fungsverband f\u{fc}r Genossenschaften in Bayern. Dazu geh\u{f6}ren Volksbanken und Raiffeisenbanken, Genossenschaften aus der Landwirtschaft und dem Gewerbe.",
            "Im Jahr 2019 wurden 18 neue Genossenschaften in Bayern gegr\u{fc}ndet und damit Mitglied im Verband, der Gr\u{fc}ndungsvorhaben von der ersten Idee an begleitet.",
        ]
        .map(|p| format!("<p>{p}</p>"))
        .join("");
        let article = parse_html(&format!(
            r#"<html><head><title>GVB</title></head><body>
            <ul><li><a href="/a">Startseite</a></li><li><a href="/b">Der Verband</a></li><li><a href="/c">Presse</a></li></ul>
            <p>Genossenschaften in Bayern</p>
            <div class="content"><h1></h1><h2>Der Verband im Porträt</h2>{paragraphs}</div></body></html>"#
        ));
        assert_eq!(
            article.headline.as_deref(),
            Some("Der Verband im Portr\u{e4}t")
        );
    }

    #[test]
    fn of_several_h1s_the_one_the_pages_title_repeats_is_the_headline() {
        let paragraph = "The council voted on Tuesday to keep the library open, after a year of protests by readers and staff, and to pay for it from the culture budget.";
        let page = |title: &str| {
            parse_html(&format!(
                r#"<html><head><title>{title}</title></head><body>
                <header><h1>Town Hall Entertainment</h1></header>
                <h1>Library stays open after a year of protests</h1>
                <div class="story-body"><p>{paragraph}</p><p>{paragraph}</p><p>{paragraph}</p></div></body></html>"#
            ))
        };
        let repeated = page("Daily News: Library stays open after a year of protests");
        assert_eq!(
            repeated.headline.as_deref(),
            Some("Library stays open after a year of protests")
        );
        // A title repeating neither leaves the page's first <h1>.
        let neither = page("Daily News");
        assert_eq!(neither.headline.as_deref(), Some("Town Hall Entertainment"));
    }

    #[test]
    fn a_time_the_dateline_passed_over_is_not_the_storys() {
        let paragraph = "The council voted on Tuesday to keep the library open, after a year of protests by readers and staff, and to pay for it from the culture budget.";
        let page = |time: &str| {
            parse_html(&format!(
                r#"<html><head><title>Library stays open</title></head><body>
                <h1>Library stays open</h1><p class="date">22. Oktober 2019</p>
                <div class="story-body"><p>{paragraph}</p><p>{paragraph}</p><p>{paragraph}</p></div>
                <aside><h3>Mehr zum Thema</h3><article><h4>Neue Räume</h4>{time}</article></aside></body></html>"#
            ))
        };
        // A teaser's time the text shows: the dateline read the page and chose another.
        let teaser = page(r#"<time datetime="2009-04-11 18:06:36">11. April 2009</time>"#);
        assert_eq!(teaser.published.as_deref(), Some("2019-10-22"));
        // A time that shows no day ("1 day ago") states what the text cannot.
        let relative = page(r#"<time datetime="2019-11-19T10:36:00.000Z">vor 1 Tag</time>"#);
        assert_eq!(
            relative.published.as_deref(),
            Some("2019-11-19T10:36+00:00")
        );
    }

    #[test]
    fn the_address_gives_the_day_when_nothing_else_does() {
        let filed = |address: &str| {
            let canonical = format!(r#"<link rel="canonical" href="{address}">"#);
            page_with_author("", &canonical).published
        };
        assert_eq!(
            filed("https://blog.example/2019/10/22/entloeten/").as_deref(),
            Some("2019-10-22")
        );
        assert_eq!(
            filed("https://example.de/meldungen/29-10-2021").as_deref(),
            Some("2021-10-29")
        );
        assert_eq!(
            filed("https://example.com/posts/2019-12-22-firefox.html").as_deref(),
            Some("2019-12-22")
        );
        // Numbers that are no day, and a day in the host or the query.
        assert_eq!(filed("https://example.com/item/2019/13/45/slug"), None);
        assert_eq!(filed("https://2019.10.22.example.com/story"), None);
        assert_eq!(filed("https://example.com/story?from=2019-10-22"), None);
        // A date the text states wins.
        let stated = page_with_author(
            r#"<p class="date">21.01.2022 - 13:30</p>"#,
            r#"<link rel="canonical" href="https://example.de/2019/10/22/slug">"#,
        );
        assert_eq!(stated.published.as_deref(), Some("2022-01-21T13:30"));
    }

    #[test]
    fn a_generic_date_meta_tag_stands_in_only_for_a_date_the_text_lacks() {
        let meta = r#"<meta name="date" content="2022-01-26">"#;
        let shown = page_with_author(r#"<p class="date">21.01.2022 - 13:30</p>"#, meta);
        assert_eq!(
            shown.published.as_deref().map(|p| &p[..10]),
            Some("2022-01-21")
        );
        let unshown = page_with_author("", meta);
        assert_eq!(
            unshown.published.as_deref().map(|p| &p[..10]),
            Some("2022-01-26")
        );
    }

    #[test]
    fn a_quoted_author_meta_gives_its_names_and_a_placeholder_none() {
        let quoted = page_with_author(
            "",
            r#"<meta name="author" content="'Luana Patriolino, Raphael Felice'">"#,
        );
        assert_eq!(quoted.byline, vec!["Luana Patriolino", "Raphael Felice"]);
        let placeholder = page_with_author("", r#"<meta name="author" content="No Author">"#);
        assert!(placeholder.byline.is_empty(), "{:?}", placeholder.byline);
    }

    #[test]
    fn microdata_on_a_shown_element_states_the_publication_date() {
        // A blog template: the date in the element's title, the text
        // showing a comment's date.
        let shown = r#"<p class="date"><abbr class="published" itemprop="datePublished" title="2017-09-09T10:52:00+02:00">10:52</abbr></p>
            <p class="comment">14.08.2017</p>"#;
        let blog = page_with_author(shown, "");
        assert_eq!(blog.published.as_deref(), Some("2017-09-09T10:52+02:00"));
        let span =
            r#"<span itemprop="datePublished" content="2022-01-14 10:31:00">16. März 2022</span>"#;
        assert_eq!(
            page_with_author(span, "").published.as_deref(),
            Some("2022-01-14T10:31")
        );
    }

    #[test]
    fn a_kicker_opening_the_h1_is_not_the_headline() {
        let paragraph = "The council voted on Tuesday to keep the library open, after a year of protests by readers and staff, and to pay for it from the culture budget.";
        let page = |meta: &str, h1: &str| {
            parse_html(&format!(
                r#"<html><head><title>x</title><meta property="og:title" content="{meta}"></head><body>
                <h1>{h1}</h1><div class="story-body"><p>{paragraph}</p><p>{paragraph}</p></div></body></html>"#
            ))
            .headline
        };
        // The metadata states the title after the kicker, or a part of it.
        assert_eq!(
            page(
                "Corona-Lockerungen: Autohäuser rechnen mit langsamem Anlaufen | MDR.DE",
                r#"<span class="dachzeile">Nach Corona-Lockerungen</span> <span class="headline">Autohäuser rechnen mit langsamem Anlaufen</span>"#
            )
            .as_deref(),
            Some("Autohäuser rechnen mit langsamem Anlaufen")
        );
        assert_eq!(
            page(
                "Klimavorreiter Oberland? - Tegernseerstimme",
                r#"<span class="sub-heading">Energiewende Oberland:</span><br> Klimavorreiter Oberland?"#
            )
            .as_deref(),
            Some("Klimavorreiter Oberland?")
        );
        // Stressed words opening a title the metadata states whole.
        assert_eq!(
            page(
                "Star Wars review: the best one yet - VG247",
                "<em>Star Wars</em> review: the best one yet"
            )
            .as_deref(),
            Some("Star Wars review: the best one yet")
        );
    }

    #[test]
    fn an_h1_of_one_word_is_a_label_not_the_headline() {
        let paragraph = "The council voted on Tuesday to keep the library open, after a year of protests by readers and staff, and to pay for it from the culture budget.";
        let article = parse_html(&format!(
            r#"<html><head><title>Library news</title></head><body><h1>Bangkok</h1><nav><h1>Menu</h1></nav>
            <h1>Library stays open after protests</h1><div class="story-body"><p>{paragraph}</p><p>{paragraph}</p></div></body></html>"#
        ));
        assert_eq!(
            article.headline.as_deref(),
            Some("Library stays open after protests")
        );
        // A stated title of one word, the section's, that the <title> does
        // not hold; one the <title> holds is the story's.
        let stated = |og: &str, title: &str| {
            parse_html(&format!(
                r#"<html><head><title>{title}</title><meta property="og:title" content="{og}"></head><body>
                <p class="category"><a href="/news">News</a></p><p><a href="/eliasson">Eliasson</a></p>
                <h1>Library stays open after protests</h1><div class="story-body"><p>{paragraph}</p><p>{paragraph}</p></div></body></html>"#
            ))
            .headline
        };
        assert_eq!(
            stated("News", "City: Library stays open after protests").as_deref(),
            Some("Library stays open after protests")
        );
        assert_eq!(
            stated("Eliasson", "Eliasson - City News").as_deref(),
            Some("Eliasson")
        );
    }

    #[test]
    fn a_british_pages_numeric_date_is_day_first() {
        let paragraph = "The council voted on Tuesday to keep the library open, after a year of protests by readers and staff, and to pay for it from the culture budget.";
        let page = |html_tag: &str| {
            parse_html(&format!(
                r#"<!doctype html>{html_tag}<head><title>Library stays open</title></head><body>
                <h1>Library stays open</h1><p class="date">02/10/2020</p>
                <div class="story-body"><p>{paragraph}</p><p>{paragraph}</p></div></body></html>"#
            ))
            .published
        };
        assert_eq!(
            page(r#"<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="en-GB">"#).as_deref(),
            Some("2020-10-02")
        );
        assert_eq!(
            page(r#"<html lang="en-US">"#).as_deref(),
            Some("2020-02-10")
        );
        assert_eq!(page(r#"<html lang="en">"#).as_deref(), Some("2020-02-10"));
    }

    #[test]
    fn a_comments_time_is_not_the_storys() {
        let comment = r#"<ol class="comment-list"><li><div class="comment-metadata"><time datetime="2019-08-24T03:36:11+02:00">24. August 2019 um 03:36 Uhr</time></div></li></ol>"#;
        let story_time = r#"<p><time datetime="2019-08-16T09:00:00+02:00">16.08.2019</time></p>"#;
        let (_, only_comment) = read_page(&format!("<p>Der Beitrag.</p>{comment}"));
        assert_eq!(only_comment.time, None);
        let (_, both) = read_page(&format!("{comment}{story_time}"));
        assert_eq!(both.time.as_deref(), Some("2019-08-16T09:00:00+02:00"));
        let (_, same) = read_page(&format!(
            r#"<time datetime="2019-08-24">24.08.2019</time><div id="comment-3">{comment}</div>"#
        ));
        assert_eq!(same.time.as_deref(), Some("2019-08-24"));
    }

    #[test]
    fn the_site_named_as_author_gives_way_to_a_person() {
        let site = r#"<meta property="og:site_name" content="National Geographic">
            <script type="application/ld+json">{"@type":"NewsArticle","headline":"Library stays open","author":{"@type":"Organization","name":"National Geographic"}}</script>"#;
        let person = page_with_author(r#"<p class="author-name">By Michael Hingston</p>"#, site);
        assert_eq!(person.byline, vec!["Michael Hingston"]);
        // With no person named anywhere, the organisation stands.
        let only_site = page_with_author("", site);
        assert_eq!(only_site.byline, vec!["National Geographic"]);
    }

    fn linked_author(name: &str) -> String {
        format!(
            r#"<script type="application/ld+json">{{"@type":"NewsArticle","headline":"Library stays open","author":{{"@type":"Person","name":"{name}"}}}}</script>"#
        )
    }

    #[test]
    fn an_account_or_handle_gives_way_to_the_persons_name() {
        // The content system's default account, a person in the byline.
        let admin = page_with_author(
            r#"<p class="author-name">By Tobias Kuske</p>"#,
            &linked_author("admin"),
        );
        assert_eq!(admin.byline, vec!["Tobias Kuske"]);
        // ...but not to a menu in an element marked as the author.
        let menu = page_with_author(
            r#"<p class="author-name">HOME Architecture Design Art Cities</p>"#,
            &linked_author("admin"),
        );
        assert_eq!(menu.byline, vec!["admin"]);
        // A login handle, the same person's name in `<meta name=author>`.
        let handle = page_with_author(
            "",
            &format!(
                r#"{}<meta name="author" content="Edilson La Rosa">"#,
                linked_author("edilson.la.rosa")
            ),
        );
        assert_eq!(handle.byline, vec!["Edilson La Rosa"]);
    }

    #[test]
    fn a_source_naming_the_same_authors_and_more_gives_them_all() {
        let both = page_with_author(
            r#"<p class="author-name">By Sadhbh O'Sullivan and Elisabeth Kochan</p>"#,
            &linked_author("Sadhbh O'Sullivan"),
        );
        assert_eq!(both.byline, vec!["Sadhbh O'Sullivan", "Elisabeth Kochan"]);
        // A site or a one-word label beside the author adds nothing.
        let with_site = page_with_author(
            r#"<p class="author-name">By Bob Yirka, Phys.org</p>"#,
            &format!(
                r#"<meta property="og:site_name" content="Phys.org">{}"#,
                linked_author("Bob Yirka")
            ),
        );
        assert_eq!(with_site.byline, vec!["Bob Yirka"]);
    }

    #[test]
    fn tags_come_from_tag_links_before_a_line_of_run_together_links() {
        let article = page_with_author(
            r#"<p class="tags"><a rel="tag" href="/t/bahn">Bahn</a><a rel="tag" href="/t/de">Deutschland</a><a rel="tag" href="/t/de2">#deutschland</a></p>"#,
            "",
        );
        assert_eq!(article.tags, vec!["Bahn", "Deutschland"]);
    }

    #[test]
    fn article_tag_meta_gives_one_tag_each_or_all_between_commas() {
        let page = |metas: &str| {
            format!(
                r#"<html><head>{metas}</head><body><h1>Library stays open</h1>
                <div class="story"><p>{}</p><p>{}</p><p>{}</p></div></body></html>"#,
                PROSE[0], PROSE[1], PROSE[2]
            )
        };
        let one_each = parse_html(&page(
            r#"<meta property="article:tag" content="Health"><meta property="article:tag" content="China">"#,
        ));
        assert_eq!(one_each.tags, vec!["Health", "China"]);
        let joined = parse_html(&page(
            r#"<meta property="article:tag" content="Hong Kong,Protest, Xi Jinping">"#,
        ));
        assert_eq!(joined.tags, vec!["Hong Kong", "Protest", "Xi Jinping"]);
    }
}

//! The view in a real browser (wasm-bindgen-test in headless Chromium):
//! the seed article mounted as a person would see it.

#![cfg(target_arch = "wasm32")]

use folio_core::parse_text;
use folio_web::components::article_view::ArticleView;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const SEED: &str = include_str!("fixtures/interfax-2025-12-31-kallas.txt");

fn mount_seed() -> web_sys::HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let host: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&host).unwrap();
    let article = parse_text(SEED);
    let handle = leptos::mount::mount_to(
        host.clone(),
        move || view! { <ArticleView article=article.clone() /> },
    );
    handle.forget();
    host
}

fn texts(root: &web_sys::HtmlElement, selector: &str) -> Vec<String> {
    let nodes = root.query_selector_all(selector).unwrap();
    (0..nodes.length())
        .map(|i| nodes.item(i).unwrap().text_content().unwrap_or_default())
        .collect()
}

#[wasm_bindgen_test]
fn seed_header_has_one_h1_and_a_machine_readable_time() {
    let root = mount_seed();
    let h1 = texts(&root, "article header h1");
    assert_eq!(h1, vec!["Kallas urges not to accept Russia’s unfounded claims: Moscow seeks to disrupt real progress towards peace"]);
    let time = root.query_selector("article header time").unwrap().unwrap();
    assert_eq!(
        time.get_attribute("datetime").as_deref(),
        Some("2025-12-31T13:28")
    );
    assert_eq!(texts(&root, "header .section"), vec!["Facts"]);
}

#[wasm_bindgen_test]
fn seed_body_has_paragraphs_and_a_cited_quote() {
    let root = mount_seed();
    assert_eq!(texts(&root, ".story-body > p").len(), 4);
    assert_eq!(
        texts(&root, ".story-body blockquote cite"),
        vec!["Kaja Kallas, on X"]
    );
}

#[wasm_bindgen_test]
fn text_from_the_input_is_never_markup() {
    let document = web_sys::window().unwrap().document().unwrap();
    let host: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&host).unwrap();
    let hostile = "Menu\n\n<img src=x onerror=alert(1)> headline here now\n\n\
        The <script>alert(1)</script> tag shows up as text in this long paragraph, which is what a reader should see when a page quotes markup.\n";
    let article = parse_text(hostile);
    leptos::mount::mount_to(
        host.clone(),
        move || view! { <ArticleView article=article.clone() /> },
    )
    .forget();
    assert!(host.query_selector("img").unwrap().is_none());
    assert!(host.query_selector("script").unwrap().is_none());
    assert!(host
        .text_content()
        .unwrap()
        .contains("<script>alert(1)</script>"));
}

/// Let the reactive system run what a click scheduled.
async fn settle() {
    for _ in 0..3 {
        let tick = js_sys::Promise::new(&mut |resolve, _| {
            web_sys::window()
                .unwrap()
                .set_timeout_with_callback(&resolve)
                .unwrap();
        });
        wasm_bindgen_futures::JsFuture::from(tick).await.unwrap();
    }
}

#[wasm_bindgen_test]
async fn a_huge_story_lays_out_its_first_part_and_offers_the_rest() {
    let document = web_sys::window().unwrap().document().unwrap();
    let host: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&host).unwrap();
    let sentence = "The minister said that the talks would go on for as long as it takes. ";
    let article = folio_core::Article {
        headline: Some("A very long story".into()),
        body: vec![folio_core::Block::new(
            folio_core::BlockKind::Paragraph,
            sentence.repeat(20_000),
        )],
        ..Default::default()
    };
    leptos::mount::mount_to(
        host.clone(),
        move || view! { <ArticleView article=article.clone() /> },
    )
    .forget();
    let shown = texts(&host, ".story-body > p:not(.more)").concat();
    // The first 100,000 characters, cut with "…": the layout's budget.
    assert_eq!(shown.chars().count(), 100_001);
    assert!(shown.ends_with('…'));
    let more: web_sys::HtmlElement = host
        .query_selector(".story-body .more button")
        .unwrap()
        .unwrap()
        .unchecked_into();
    assert!(more
        .text_content()
        .unwrap()
        .starts_with("Show the rest of the story"));
    more.click();
    settle().await;
    let all = texts(&host, ".story-body > p").concat();
    assert_eq!(all.chars().count(), sentence.chars().count() * 20_000);
}

#[wasm_bindgen_test]
async fn a_million_tiny_paragraphs_lay_out_a_bounded_first_part() {
    let document = web_sys::window().unwrap().document().unwrap();
    let host: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&host).unwrap();
    let article = folio_core::Article {
        headline: Some("Many small paragraphs".into()),
        body: (0..100_000)
            .map(|_| folio_core::Block::new(folio_core::BlockKind::Paragraph, "x".to_string()))
            .collect(),
        ..Default::default()
    };
    leptos::mount::mount_to(
        host.clone(),
        move || view! { <ArticleView article=article.clone() /> },
    )
    .forget();
    let laid_out = host
        .query_selector_all(".story-body > p:not(.more)")
        .unwrap()
        .length();
    assert!(laid_out <= 2_000, "laid out {laid_out} paragraphs");
    assert!(host
        .query_selector(".story-body .more button")
        .unwrap()
        .is_some());
}

#[wasm_bindgen_test]
fn stored_settings_out_of_range_are_brought_back() {
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    storage
        .set_item(
            "folio.settings.v1",
            r#"{"theme":"Dark","font_scale":1e38,"measure":4294967295}"#,
        )
        .unwrap();
    let settings = folio_web::storage::load_settings();
    assert_eq!(settings.theme, folio_web::storage::Theme::Dark);
    assert_eq!(settings.font_scale, 1.6);
    assert_eq!(settings.measure, 100);
    storage.remove_item("folio.settings.v1").unwrap();
}

#[wasm_bindgen_test]
fn a_story_carries_its_language_and_direction() {
    let document = web_sys::window().unwrap().document().unwrap();
    let direction = |text: &str| {
        let host: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
        document.body().unwrap().append_child(&host).unwrap();
        let article = parse_text(text);
        leptos::mount::mount_to(
            host.clone(),
            move || view! { <ArticleView article=article.clone() /> },
        )
        .forget();
        let story = host.query_selector("article").unwrap().unwrap();
        let paragraph = host.query_selector(".story-body p").unwrap().unwrap();
        let style = web_sys::window()
            .unwrap()
            .get_computed_style(&paragraph)
            .unwrap()
            .unwrap();
        (
            story.get_attribute("lang"),
            style.get_property_value("direction").unwrap(),
        )
    };
    let arabic = "وزير الخارجية يزور المنطقة\n\nقال الوزير إن الخطة في طريقها إلى التنفيذ وأن العمل على المشروع مستمر مع الشركاء من كل المناطق، وأضاف أن هذا هو الوقت المناسب للعمل.\n\nوقال أيضا إن الحكومة التي تعمل على الملف قد بدأت في الحوار مع كل الأطراف بعد الاجتماع الذي عقد في العاصمة.\n";
    assert_eq!(direction(arabic), (Some("ar".into()), "rtl".into()));
    let hebrew = "השר מבקר באזור השבוע\n\nהשר אמר כי התוכנית של הממשלה היא על השולחן וגם כי אין עם מי לדבר על זה כל היום, אבל הוא לא מוותר על השיחות.\n\nלפי הדיווח, היא אמרה גם כי יש עוד הרבה מה לעשות בין הצדדים לפני שהתוכנית תצא לדרך.\n";
    assert_eq!(direction(hebrew), (Some("he".into()), "rtl".into()));
    let german = "Der Minister besucht die Region\n\nDer Minister sagte, dass der Plan auf dem Weg ist und bis zum Ende des Jahres umgesetzt wird, und dass die Arbeit mit den Partnern weitergeht.\n\nEr sagte auch, dass die Regierung mit allen Seiten spricht und dass es noch viel zu tun gibt.\n";
    assert_eq!(direction(german), (Some("de".into()), "ltr".into()));
}

/// The library's records as the store worker hands them over: `[[key,
/// record], …]`, each record a JSON text.
fn records(records: &[&str]) -> String {
    let pairs: Vec<serde_json::Value> = records
        .iter()
        .enumerate()
        .map(|(key, record)| serde_json::json!([key, record]))
        .collect();
    serde_json::to_string(&pairs).unwrap()
}

#[wasm_bindgen_test]
fn records_this_version_cannot_read_are_counted_and_the_rest_load() {
    use folio_web::storage::read_records;
    let good = r#"{"id":7,"name":"a.txt","text":"Some text","kind":"Dump","added":2}"#;
    let older = r#"{"id":3,"name":"b.txt","text":"Older text"}"#;
    let huge =
        serde_json::json!({"id": 9, "name": "big.txt", "text": "x".repeat(4 << 20), "added": 3})
            .to_string();
    let library = read_records(&records(&[
        good,
        "garbage {",
        r#"["a", "list"]"#,
        r#"{"name":"no id","text":"t"}"#,
        r#"{"id":8,"name":"v.mp4","text":"t","kind":"Video"}"#,
        older,
        &huge,
    ]));
    let names: Vec<&str> = library.entries.iter().map(|e| e.name.as_str()).collect();
    // Oldest first: an entry from before there were times counts as oldest.
    assert_eq!(names, vec!["b.txt", "a.txt", "big.txt"]);
    assert_eq!(library.unreadable, 4);
}

#[wasm_bindgen_test]
fn records_with_one_id_or_an_id_too_large_are_left_as_they_are() {
    use folio_web::storage::read_records;
    let library = read_records(&records(&[
        r#"{"id":5,"name":"first.txt","text":"One","added":1}"#,
        r#"{"id":5,"name":"second.txt","text":"Two","added":2}"#,
        r#"{"id":18446744073709551615,"name":"max.txt","text":"Three","added":3}"#,
    ]));
    let names: Vec<&str> = library.entries.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(names, vec!["first.txt"]);
    assert_eq!(library.unreadable, 2);
}

#[wasm_bindgen_test]
fn a_stored_article_is_used_only_when_this_parser_made_it() {
    use folio_web::storage::read_records;
    let article = serde_json::to_value(parse_text(SEED)).unwrap();
    let record = |parser: &str| {
        serde_json::json!({"id": 1, "name": "seed.txt", "text": SEED, "parser": parser, "article": article})
            .to_string()
    };
    let current = read_records(&records(&[&record(folio_core::PARSER_BUILD)]));
    assert!(current.entries[0].current_article().is_some());
    let older = read_records(&records(&[&record("0000000000000000")]));
    assert!(older.entries[0].current_article().is_none());
}

#[wasm_bindgen_test]
fn fields_from_a_newer_version_are_written_back_as_they_were() {
    use folio_web::storage::keep_other_fields;
    let newer = r#"{"id":7,"name":"a.txt","text":"Some text","form":"text","starred":true,"notes":{"n":1}}"#;
    // This version writes the entry again: new name, the form back to detected.
    let ours = r#"{"id":7,"name":"b.txt","text":"Some text"}"#;
    let kept: serde_json::Value = serde_json::from_str(&keep_other_fields(ours, newer)).unwrap();
    assert_eq!(kept["starred"], serde_json::json!(true));
    assert_eq!(kept["notes"], serde_json::json!({"n": 1}));
    assert_eq!(kept["name"], serde_json::json!("b.txt"));
    // A field this version writes is its own: left out means gone.
    assert!(kept.get("form").is_none());
    // A damaged old record does not stop the write.
    assert_eq!(keep_other_fields(ours, "garbage {"), ours);
}

#[wasm_bindgen_test]
fn an_older_library_moves_in_whole_or_not_at_all() {
    use folio_web::storage::old_library_records;
    let old = r#"[{"id":1,"name":"a.txt","text":"t","kind":"Dump"},{"id":5,"name":"v.mp4","text":"t","kind":"Video","extra":1}]"#;
    let records = old_library_records(old).unwrap();
    assert_eq!(
        records.iter().map(|(id, _)| *id).collect::<Vec<_>>(),
        vec![1, 5]
    );
    // Each as it was written, with its place as its time added.
    let video: serde_json::Value = serde_json::from_str(&records[1].1).unwrap();
    assert_eq!(video["kind"], serde_json::json!("Video"));
    assert_eq!(video["extra"], serde_json::json!(1));
    assert_eq!(video["added"], serde_json::json!(1));
    for unreadable in [
        "garbage {",
        r#"{"entries":[]}"#,
        r#"[{"name":"no id"}]"#,
        "[1, 2]",
    ] {
        assert!(old_library_records(unreadable).is_none(), "{unreadable}");
    }
}

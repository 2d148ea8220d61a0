//! The whole page: input on one side, the library below it, the story.

use folio_core::parse_text;
use leptos::ev;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::article_view::ArticleView;
use super::input_panel::InputPanel;
use super::library::Library;
use crate::files::{files_of, read_file, LoadedText};

/// Which text the reader is looking at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shown {
    /// What is in the paste area.
    Pasted,
    /// The library entry at this index.
    Entry(usize),
}

/// The Folio app.
#[component]
pub fn App() -> impl IntoView {
    let draft = RwSignal::new(String::new());
    let library = RwSignal::new(Vec::<LoadedText>::new());
    let shown = RwSignal::new(Shown::Pasted);
    let notice = RwSignal::new(None::<String>);

    let text = Memo::new(move |_| match shown.get() {
        Shown::Pasted => draft.get(),
        Shown::Entry(i) => library.with(|l| l.get(i).map(|e| e.text.clone()).unwrap_or_default()),
    });
    let article = Memo::new(move |_| {
        let text = text.get();
        (!text.trim().is_empty()).then(|| parse_text(&text))
    });

    let add_texts = move |texts: Vec<LoadedText>| {
        if texts.is_empty() {
            return;
        }
        let first = library.with(Vec::len);
        library.update(|l| l.extend(texts));
        shown.set(Shown::Entry(first));
    };

    let load = move |files: Vec<web_sys::File>| {
        if files.is_empty() {
            return;
        }
        spawn_local(async move {
            let mut texts = Vec::new();
            let mut failed = Vec::new();
            for file in files {
                match read_file(file).await {
                    Ok(text) => texts.push(text),
                    Err(e) => failed.push(e.to_string()),
                }
            }
            notice.set((!failed.is_empty()).then(|| failed.join("; ")));
            add_texts(texts);
        });
    };
    let dragging = RwSignal::new(false);

    view! {
        <div
            class="folio"
            class:dragging=move || dragging.get()
            on:dragover=move |ev: ev::DragEvent| {
                ev.prevent_default();
                dragging.set(true);
            }
            on:dragleave=move |_| dragging.set(false)
            on:drop=move |ev: ev::DragEvent| {
                ev.prevent_default();
                dragging.set(false);
                load(files_of(ev.data_transfer().and_then(|d| d.files())));
            }
        >
            <header class="masthead">
                <span class="brand">"Folio"</span>
                <span class="tagline">"Read a news page's text as a clean story"</span>
            </header>
            <div class="layout">
                <section class="sidebar" aria-label="Input and library">
                    <InputPanel draft=draft shown=shown on_files=load on_text=move |t| add_texts(vec![t]) />
                    <Library library=library shown=shown />
                </section>
                <main class="reader">
                    {move || notice.get().map(|n| view! { <p class="notice" role="status">{n}</p> })}
                    {move || match article.get() {
                        Some(article) => view! { <ArticleView article=article /> }.into_any(),
                        None => view! { <EmptyState /> }.into_any(),
                    }}
                </main>
            </div>
        </div>
    }
}

/// What the reader sees before any text is loaded.
#[component]
fn EmptyState() -> impl IntoView {
    view! {
        <div class="empty">
            <p>"Paste the text of a news page, drop article files anywhere on the page, or open the example."</p>
        </div>
    }
}

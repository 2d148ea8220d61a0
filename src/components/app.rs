//! The whole page: input, library and reading controls on one side, the
//! story on the other. The state lives in [`AppState`], what the reader
//! and the page do in its actions (`actions.rs`); here the parts are laid
//! out and wired to them.

use folio_core::{Article, Form};
use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::article_view::ArticleView;
use super::input_panel::InputPanel;
use super::library::Library;
use super::reader_controls::ReaderControls;
use super::share_panel::SharePanel;
use crate::app_state::AppState;
pub use crate::app_state::Shown;
use crate::files::{files_of, ENCODINGS};
use crate::library::Entry;
use crate::parse_worker::cancel_parsing;
use crate::storage::{percent, TextKind};

/// The Folio app.
#[component]
pub fn App() -> impl IntoView {
    let state = AppState::at_page_load();
    state.start();
    let AppState {
        settings, dragging, ..
    } = state;
    view! {
        <div
            class="folio"
            data-theme=move || settings.get().theme.as_str()
            style=move || {
                let s = settings.get();
                // Whole hundredths, written without float formatting (whose
                // code would cost the page's Wasm some kilobytes).
                let scale = percent(s.font_scale);
                format!("--font-scale: {}.{:02}; --measure: {}ch", scale / 100, scale % 100, s.measure)
            }
            class:dragging=move || dragging.get()
            on:dragover=move |ev: ev::DragEvent| {
                ev.prevent_default();
                dragging.set(true);
            }
            // Moving onto a child is a dragleave too: only leaving the
            // page's area ends the drag's highlight (no flicker).
            on:dragleave=move |ev: ev::DragEvent| {
                let node = |t: Option<web_sys::EventTarget>| t.and_then(|t| t.dyn_into::<web_sys::Node>().ok());
                let still_inside = node(ev.current_target())
                    .zip(node(ev.related_target()))
                    .is_some_and(|(area, to)| area.contains(Some(&to)));
                if !still_inside {
                    dragging.set(false);
                }
            }
            on:drop=move |ev: ev::DragEvent| {
                ev.prevent_default();
                dragging.set(false);
                state.load_files(files_of(ev.data_transfer().and_then(|d| d.files())));
            }
        >
            <Masthead state=state />
            <div class="layout">
                <Sidebar state=state />
                <ReaderPane state=state />
            </div>
        </div>
    }
}

/// The page's name, and on a phone (where the story comes first) the
/// tools one tap away.
#[component]
fn Masthead(state: AppState) -> impl IntoView {
    let AppState {
        article,
        share_open,
        ..
    } = state;
    view! {
        <header class="masthead">
            <span class="brand">"Folio"</span>
            <span class="tagline">"Read a news page's text as a clean story"</span>
            <nav class="jump" aria-label="Tools">
                <a class="button small" href="#paste">"Paste"</a>
                <a class="button small" href="#library">"Library"</a>
                <button type="button" class="button small" disabled=move || article.with(Option::is_none) on:click=move |_| share_open.set(true)>"Share"</button>
            </nav>
        </header>
    }
}

/// Getting texts in, the library, and the reading controls.
#[component]
fn Sidebar(state: AppState) -> impl IntoView {
    let AppState {
        draft,
        shown,
        paste_entry,
        paste_busy,
        progress,
        entries,
        visible_ids,
        found,
        query,
        library_busy,
        removed,
        settings,
        article,
        share_open,
        ..
    } = state;
    view! {
        <section class="sidebar" aria-label="Input and library">
            <InputPanel
                draft=draft
                shown=shown
                on_files=move |files| state.load_files(files)
                on_example=move || state.open_example()
                on_large_paste=move |text| state.paste_large(text)
                on_new_paste=move || paste_entry.set_value(None)
            />
            {move || paste_busy.get().then(|| view! {
                <p class="progress" role="status">
                    "Reading the pasted text… "
                    <button type="button" class="button small" on:click=move |_| cancel_parsing()>"Stop"</button>
                </p>
            })}
            {move || progress.get().map(|(done, total)| view! {
                <p class="progress" role="status">
                    <progress max=total value=done></progress>
                    {format!(" Reading files: {done} of {total} ")}
                    <button type="button" class="button small" on:click=move |_| cancel_parsing()>"Stop"</button>
                </p>
            })}
            <Library entries=entries visible=visible_ids found=found shown=shown query=query busy=library_busy on_remove=move |id| state.remove(id) on_export=move || state.export_library() />
            {move || removed.with(|r| r.as_ref().map(Entry::title)).map(|title| view! {
                <p class="notice undo" role="status">
                    {format!("Removed “{title}”. ")}
                    <button type="button" class="button small" on:click=move |_| state.undo_remove()>"Undo"</button>
                    " "
                    <button type="button" class="button small" on:click=move |_| removed.set(None)>"Dismiss"</button>
                </p>
            })}
            <ReaderControls
                settings=settings
                has_article=Signal::derive(move || article.with(Option::is_some))
                on_export=move |markdown| state.export(markdown)
                on_share=move || share_open.set(true)
            />
            <SharePanel article=article open=share_open />
            <EntryChoices state=state />
        </section>
    }
}

/// For the entry shown: the encoding its file is read in, the form its
/// text is read as, and "Read it again" when the parser failed on it.
#[component]
fn EntryChoices(state: AppState) -> impl IntoView {
    let AppState { shown, entries, .. } = state;
    let shown_entry = move || match shown.get() {
        Shown::Entry(id) => Some(id),
        Shown::Pasted | Shown::Shared => None,
    };
    view! {
        {move || {
            let id = shown_entry()?;
            let (encoding, has_bytes) = entries.with(|l| {
                l.iter().find(|e| e.id == id).map(|e| (e.encoding.clone(), e.bytes.is_some()))
            })?;
            let (current, _) = encoding?;
            has_bytes.then(|| view! {
                <label class="encoding-choice">
                    "Read the file as "
                    <select on:change=move |ev| state.reread(id, event_target_value(&ev))>
                        {ENCODINGS.iter().map(|label| view! {
                            <option value=*label selected=*label == current.as_str()>{*label}</option>
                        }).collect_view()}
                    </select>
                </label>
            })
        }}
        {move || {
            let id = shown_entry()?;
            let current = entries.with(|l| {
                l.iter()
                    .find(|e| e.id == id && e.kind == TextKind::Dump && !e.failed && e.has_text())
                    .map(|e| e.summary.form)
            })?;
            Some(view! {
                <label class="form-choice">
                    "Read the text as "
                    <select on:change=move |ev| state.reread_form(id, Form::from_name(&event_target_value(&ev)))>
                        {Form::ALL.iter().map(|&form| view! {
                            <option value=form.name() selected=form == current>{form_label(form)}</option>
                        }).collect_view()}
                    </select>
                </label>
            })
        }}
        // The parser failed on it before: the reader may have it read again.
        {move || {
            let id = shown_entry()?;
            entries
                .with(|l| l.iter().any(|e| e.id == id && e.failed && e.has_text()))
                .then(|| view! {
                    <button type="button" class="button small" on:click=move |_| state.reread_form(id, None)>"Read it again"</button>
                })
        }}
    }
}

/// The story shown, with the notice above it and, for a shared story, the
/// offer to keep it; before any text, what to do.
#[component]
fn ReaderPane(state: AppState) -> impl IntoView {
    let AppState {
        notice,
        shown,
        shared,
        article,
        headlines,
        query,
        ..
    } = state;
    view! {
        <main class="reader">
            {move || notice.get().map(|n| view! {
                <p class="notice" role="alert">
                    {n}
                    " "
                    <button type="button" class="button small" on:click=move |_| notice.set(None)>"Dismiss"</button>
                </p>
            })}
            {move || (shown.get() == Shown::Shared && shared.with(Option::is_some)).then(|| view! {
                <div class="shared-banner" role="region" aria-label="Shared story">
                    <span>"A shared story, read-only. Your library is unchanged."</span>
                    " "
                    <button type="button" class="button small" on:click=move |_| state.keep_shared()>"Add to my library"</button>
                </div>
            })}
            {move || match article.get() {
                Some(article) => view! {
                    <ArticleView
                        article=Article::clone(&article)
                        library=headlines.get()
                        on_open=move |id| state.show(id)
                        on_tag=move |tag: String| query.set(format!("#{}", tag.trim_start_matches('#').to_lowercase()))
                    />
                }.into_any(),
                // An entry's story on its way from storage: a moment of nothing.
                None if matches!(shown.get(), Shown::Entry(_)) => ().into_any(),
                None => view! { <EmptyState /> }.into_any(),
            }}
        </main>
    }
}

/// A form's name in the reader's words.
pub fn form_label(form: Form) -> &'static str {
    match form {
        Form::Text => "browser text",
        Form::Wrapped => "wrapped text",
        Form::Markdown => "Markdown",
    }
}

/// What the reader sees before any text is loaded.
#[component]
fn EmptyState() -> impl IntoView {
    view! {
        <div class="empty">
            <h1>"Paste the text of a news page, drop article files anywhere on the page, or open the example"</h1>
            <p class="hint">"Keys: / filter the library · p paste area · j and k (or ↓ ↑) move through the library · s share · Esc leave a field"</p>
        </div>
    }
}

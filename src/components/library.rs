//! The list of loaded articles (headline, source, date), with a filter and
//! a remove button each; choosing one shows its story.

use folio_core::Form;
use leptos::prelude::*;

use super::app::{form_label, Shown};
use crate::app_state::Found;
use crate::library::Entry;

/// Rows listed at first, and added by each "Show more".
const PAGE_ROWS: usize = 100;

/// What a row of the list shows of an entry.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct Row {
    id: u64,
    title: String,
    /// Failure, source, day, encoding and form, as one line.
    meta: String,
    /// The file's name (the row's tooltip).
    name: String,
    /// Where the words searched for are in the story.
    passage: Option<String>,
}

impl Row {
    fn of(e: &Entry, query: &str, found: &Found) -> Row {
        let a = &e.summary;
        let encoding = e
            .encoding
            .as_ref()
            .filter(|(label, _)| label != "utf-8")
            .map(|(label, guessed)| {
                if *guessed {
                    format!("read as {label} (guessed)")
                } else {
                    format!("read as {label}")
                }
            });
        // Text that was not a browser's copy says how it was read.
        let form = (a.form != Form::Text).then(|| form_label(a.form).to_string());
        let failed = e
            .failed
            .then(|| "not read: the parser failed on it".to_string());
        let meta = [
            failed,
            a.source.clone(),
            a.published.as_ref().map(|p| p.chars().take(10).collect()),
            encoding,
            form,
        ]
        .into_iter()
        .flatten()
        .collect::<Vec<String>>()
        .join(" · ");
        // Where the words are in the story, when a search is typed.
        let passage = found.passage(e, query);
        Row {
            id: e.id,
            title: e.title(),
            meta,
            name: e.name.clone(),
            passage,
        }
    }
}

/// The library list.
#[component]
pub fn Library(
    /// Every loaded entry, oldest first.
    entries: RwSignal<Vec<Entry>>,
    /// Ids of the entries the filter lets through, in order.
    visible: Memo<Vec<u64>>,
    /// What the store's worker found for the filter's text.
    found: RwSignal<Found>,
    /// Which text is shown.
    shown: RwSignal<Shown>,
    /// The filter's text: words, `#tag` or `tag:word`.
    query: RwSignal<String>,
    /// Whether the stored library is still being read back.
    busy: RwSignal<bool>,
    /// Called with the id of an entry to remove.
    on_remove: impl Fn(u64) + Copy + Send + Sync + 'static,
    /// Called to save the whole library as one file.
    on_export: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    // A big library is listed a page at a time: the rows made and laid
    // out stay few however many entries there are.
    let listed = RwSignal::new(PAGE_ROWS);
    // The entry shown (say, reached with j/k) is always among the rows.
    Effect::new(move |_| {
        if let Shown::Entry(id) = shown.get() {
            if let Some(at) = visible.with(|v| v.iter().position(|v| *v == id)) {
                if at >= listed.get_untracked() {
                    listed.set((at / PAGE_ROWS + 1) * PAGE_ROWS);
                }
            }
        }
    });
    let rows = Memo::new(move |_| {
        let ids: std::collections::HashSet<u64> =
            visible.with(|v| v.iter().take(listed.get()).copied().collect());
        let q = query.get();
        found.with(|found| {
            entries.with(|l| {
                l.iter()
                    .filter(|e| ids.contains(&e.id))
                    .map(|e| Row::of(e, &q, found))
                    .collect::<Vec<_>>()
            })
        })
    });
    let count = move || entries.with(Vec::len);
    view! {
        <nav class="library" id="library" aria-label="Library" aria-busy=move || busy.get().to_string()>
            <h2>{move || format!("Library ({})", count())}</h2>
            <Show when=move || { count() > 0 } fallback=|| view! { <p class="hint">"No files yet."</p> }>
                <input
                    id="library-filter"
                    type="search"
                    class="filter"
                    placeholder="Filter: words or #tag"
                    aria-label="Filter the library by text or tag"
                    aria-keyshortcuts="/"
                    prop:value=move || query.get()
                    on:input=move |ev| query.set(event_target_value(&ev))
                />
                <ul>
                    <For each=move || rows.get() key=|row| row.clone() let:row>
                        <LibraryRow row=row shown=shown on_remove=on_remove />
                    </For>
                </ul>
                {move || {
                    let more = visible.with(Vec::len).saturating_sub(listed.get());
                    (more > 0).then(|| view! {
                        <button type="button" class="button small more" on:click=move |_| listed.update(|n| *n += PAGE_ROWS)>
                            {format!("Show {} more", more.min(PAGE_ROWS))}
                        </button>
                        {(more > PAGE_ROWS).then(|| view! { <span class="hint">{format!(" ({more} not listed)")}</span> })}
                    })
                }}
                <Show when=move || visible.with(Vec::is_empty)>
                    <p class="hint">"Nothing matches the filter."</p>
                </Show>
                <p class="library-file">
                    <button type="button" class="button small" on:click=move |_| on_export()>"Export the library"</button>
                    <span class="hint">" Drop the file on Folio to bring it back."</span>
                </p>
            </Show>
        </nav>
    }
}

/// One entry of the list: choosing it shows its story; × removes it.
#[component]
fn LibraryRow(
    row: Row,
    shown: RwSignal<Shown>,
    on_remove: impl Fn(u64) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let Row {
        id,
        title,
        meta,
        name,
        passage,
    } = row;
    let remove_label = format!("Remove {title}");
    view! {
        <li class="entry-row">
            <button
                type="button"
                class="entry"
                id=format!("entry-{id}")
                class:current=move || shown.get() == Shown::Entry(id)
                aria-current=move || (shown.get() == Shown::Entry(id)).then_some("true")
                title=name
                on:click=move |_| shown.set(Shown::Entry(id))
            >
                <span class="entry-title">{title}</span>
                <span class="entry-meta">{meta}</span>
                {passage.map(|p| view! { <span class="entry-passage">{p}</span> })}
            </button>
            <button type="button" class="remove" aria-label=remove_label on:click=move |_| on_remove(id)>
                "×"
            </button>
        </li>
    }
}

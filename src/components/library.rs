//! The list of loaded texts; choosing one shows its story.

use folio_core::parse_text;
use leptos::prelude::*;

use super::app::Shown;
use crate::files::LoadedText;

/// The loaded texts, each by its headline (or file name).
#[component]
pub fn Library(
    /// Every text loaded so far, in order.
    library: RwSignal<Vec<LoadedText>>,
    /// Which text is shown.
    shown: RwSignal<Shown>,
) -> impl IntoView {
    let entries = Memo::new(move |_| {
        library.with(|l| {
            l.iter()
                .enumerate()
                .map(|(i, e)| {
                    let title = parse_text(&e.text)
                        .headline
                        .unwrap_or_else(|| e.name.clone());
                    (i, title, e.name.clone())
                })
                .collect::<Vec<_>>()
        })
    });
    view! {
        <nav class="library" aria-label="Library">
            <h2>"Library"</h2>
            <Show when=move || entries.with(|e| !e.is_empty()) fallback=|| view! { <p class="hint">"No files yet."</p> }>
                <ul>
                    <For each=move || entries.get() key=|(i, title, _)| (*i, title.clone()) let:entry>
                        {
                            let (i, title, name) = entry;
                            view! {
                                <li>
                                    <button
                                        type="button"
                                        class="entry"
                                        class:current=move || shown.get() == Shown::Entry(i)
                                        title=name
                                        on:click=move |_| shown.set(Shown::Entry(i))
                                    >
                                        {title}
                                    </button>
                                </li>
                            }
                        }
                    </For>
                </ul>
            </Show>
        </nav>
    }
}

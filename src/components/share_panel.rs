//! The Share action: builds a link that carries the shown story, copies it,
//! and says how long it is and where it fits; options make it shorter.

use std::sync::Arc;

use folio_core::share::ShareOptions;
use folio_core::Article;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::share_link::{copy_to_clipboard, fragment_for, page_address, CHANNELS};

/// What the last Share built.
#[derive(Debug, Clone, PartialEq)]
struct Built {
    link: String,
    /// Whether the link is on the clipboard, or why not.
    copied: Result<(), String>,
}

/// The share panel for the shown story.
#[component]
pub fn SharePanel(
    /// The story to share (none: nothing to share).
    article: Memo<Option<Arc<Article>>>,
    /// Whether the panel is open.
    open: RwSignal<bool>,
) -> impl IntoView {
    let without_side_lists = RwSignal::new(false);
    let without_related = RwSignal::new(false);
    let built = RwSignal::new(None::<Built>);

    // Build (and copy) whenever the panel is open and the story or the options change.
    Effect::new(move |_| {
        if !open.get() {
            return;
        }
        let Some(story) = article.get() else { return };
        let options = ShareOptions {
            without_side_lists: without_side_lists.get(),
            without_related: without_related.get(),
        };
        spawn_local(async move {
            let result = match fragment_for(&story, options).await {
                Ok(fragment) => {
                    // Closed meanwhile (another story is shown): nothing to copy.
                    if !open.get_untracked() {
                        return;
                    }
                    let link = format!("{}#{fragment}", page_address());
                    let copied = copy_to_clipboard(&link).await;
                    Built { link, copied }
                }
                Err(e) => Built {
                    link: String::new(),
                    copied: Err(e),
                },
            };
            built.set(Some(result));
        });
    });

    view! {
        <Show when=move || open.get()>
            <section class="share-panel" aria-label="Share">
                <h2>"Share a link"</h2>
                {move || built.get().map(|b| {
                    let length = b.link.chars().count();
                    let fits: Vec<String> = CHANNELS
                        .iter()
                        .map(|(limit, name)| format!("{} {name} (≤ {limit})", if length <= *limit { "✓" } else { "✗" }))
                        .collect();
                    view! {
                        <input class="share-link" readonly aria-label="Share link" prop:value=b.link.clone() />
                        <p class="share-status" role="status">
                            {match &b.copied {
                                Ok(()) => format!("Copied to the clipboard. {length} characters."),
                                Err(e) => format!("{e}. {length} characters."),
                            }}
                        </p>
                        <ul class="share-fits" aria-label="Where the link fits">
                            {fits.into_iter().map(|f| view! { <li>{f}</li> }).collect_view()}
                        </ul>
                    }
                })}
                <label class="check">
                    <input type="checkbox" prop:checked=move || without_side_lists.get() on:change=move |ev| without_side_lists.set(event_target_checked(&ev)) />
                    " Leave out side lists"
                </label>
                <label class="check">
                    <input type="checkbox" prop:checked=move || without_related.get() on:change=move |ev| without_related.set(event_target_checked(&ev)) />
                    " Leave out related links"
                </label>
                <button type="button" class="button small" on:click=move |_| open.set(false)>"Close"</button>
            </section>
        </Show>
    }
}

//! The Share action: builds a link that carries the shown story, copies it,
//! and says how long it is and where it fits; options make it shorter.

use std::sync::Arc;

use folio_core::share::ShareOptions;
use folio_core::Article;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::share_link::{copy_to_clipboard, fragment_for, page_address, CHANNELS};

/// What the last Share built: the link (none when it could not be made)
/// and what the panel says about it.
#[derive(Debug, Clone, PartialEq)]
struct Built {
    link: Option<String>,
    status: String,
}

/// The link for `story`, copied to the clipboard, and what the reader is
/// told; nothing when the panel (`open`) was closed meanwhile (another
/// story is shown).
async fn build(story: &Article, options: ShareOptions, open: RwSignal<bool>) -> Option<Built> {
    match fragment_for(story, options).await {
        Ok(fragment) => {
            if !open.get_untracked() {
                return None;
            }
            let link = format!("{}#{fragment}", page_address());
            let length = link.chars().count();
            let status = match copy_to_clipboard(&link).await {
                Ok(()) => format!("Copied to the clipboard. {length} characters."),
                Err(e) => format!("{e}. {length} characters."),
            };
            Some(Built {
                link: Some(link),
                status,
            })
        }
        // Nothing to copy or measure: no channel is claimed.
        Err(e) => Some(Built {
            link: None,
            status: format!("No link could be made: {e}."),
        }),
    }
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
            if let Some(result) = build(&story, options, open).await {
                built.set(Some(result));
            }
        });
    });

    view! {
        <Show when=move || open.get()>
            <section class="share-panel" aria-label="Share">
                <h2>"Share a link"</h2>
                {move || built.get().map(|b| {
                    let length = b.link.as_ref().map(|l| l.chars().count());
                    let fits: Vec<String> = CHANNELS
                        .iter()
                        .filter_map(|(limit, name)| {
                            length.map(|n| format!("{} {name} (≤ {limit})", if n <= *limit { "✓" } else { "✗" }))
                        })
                        .collect();
                    view! {
                        {b.link.map(|link| view! {
                            <input class="share-link" readonly aria-label="Share link" prop:value=link />
                        })}
                        <p class="share-status" role="status">{b.status}</p>
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

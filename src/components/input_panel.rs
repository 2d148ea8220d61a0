//! Getting texts in: the paste area, the file picker, the drop zone and
//! the example button.

use leptos::ev;
use leptos::prelude::*;

use super::app::Shown;
use crate::files::files_of;

/// Bytes above which a paste becomes a library entry rather than the
/// paste area's text.
pub const LARGE_PASTE_BYTES: usize = 1024 * 1024;

/// Paste area, file picker, drop zone and the example.
#[component]
pub fn InputPanel(
    /// The paste area's text.
    draft: RwSignal<String>,
    /// Which text is shown; pasting shows the paste area's text.
    shown: RwSignal<Shown>,
    /// Called with the files the user picked.
    on_files: impl Fn(Vec<web_sys::File>) + Copy + 'static,
    /// Called when the reader asks for the built-in example.
    on_example: impl Fn() + Copy + 'static,
    /// Called with a paste too big for the paste area (see
    /// [`LARGE_PASTE_BYTES`]): it becomes a library entry instead.
    on_large_paste: impl Fn(String) + Copy + 'static,
    /// Called when a paste takes the place of all the area's text: it is
    /// another story, not an edit of the last.
    on_new_paste: impl Fn() + Copy + 'static,
) -> impl IntoView {
    // A paste of megabytes would make the paste area lay out and the draft
    // store all of it, holding the page for seconds: it goes to the library.
    let on_paste = move |ev: ev::ClipboardEvent| {
        let Some(text) = ev
            .clipboard_data()
            .and_then(|d| d.get_data("text/plain").ok())
        else {
            return;
        };
        if text.len() > LARGE_PASTE_BYTES {
            ev.prevent_default();
            on_large_paste(text);
            return;
        }
        let area: web_sys::HtmlTextAreaElement = event_target(&ev);
        let all = area.text_length() as u32;
        let selected = (area.selection_start(), area.selection_end());
        if all == 0 || matches!(selected, (Ok(Some(0)), Ok(Some(end))) if end >= all) {
            on_new_paste();
        }
    };
    let on_pick = move |ev: ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        on_files(files_of(input.files()));
        input.set_value("");
    };
    view! {
        <div class="input-panel">
            <label for="paste" class="label">"Paste a page's text"</label>
            <textarea
                id="paste"
                dir="auto"
                placeholder="Select all on a news page, copy, and paste here"
                prop:value=move || draft.get()
                aria-keyshortcuts="p"
                on:input=move |ev| {
                    draft.set(event_target_value(&ev));
                    shown.set(Shown::Pasted);
                }
                on:paste=on_paste
            ></textarea>
            <div class="input-actions">
                <label class="button file-button">
                    "Open files…"
                    <input type="file" multiple accept=".txt,.text,.md,.html,.htm,.jsonl,text/plain,text/html" on:change=on_pick />
                </label>
                <button
                    type="button"
                    class="button"
                    on:click=move |_| {
                        on_example()
                    }
                >
                    "Open the example"
                </button>
            </div>
            <p class="hint">"…or drop files anywhere on the page"</p>
        </div>
    }
}

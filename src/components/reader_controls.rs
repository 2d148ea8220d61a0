//! Reading comfort and export: theme, text size, line length, and saving
//! the shown article as JSON or Markdown.

use leptos::prelude::*;

use crate::parse_worker::prime_link_coder;

use crate::storage::{percent, Settings, Theme, FONT_SCALES};

/// Themes offered.
const THEMES: [(Theme, &str); 3] = [
    (Theme::System, "Auto"),
    (Theme::Light, "Light"),
    (Theme::Dark, "Dark"),
];
/// Line lengths offered, in characters.
const MEASURES: [(u32, &str); 3] = [(55, "Narrow"), (65, "Normal"), (80, "Wide")];

/// The reading controls.
#[component]
pub fn ReaderControls(
    /// The reading preferences.
    settings: RwSignal<Settings>,
    /// Whether an article is shown (export needs one).
    has_article: Signal<bool>,
    /// Called to export the shown article: `true` for Markdown, `false` for JSON.
    on_export: impl Fn(bool) + Copy + Send + Sync + 'static,
    /// Called to open the share panel.
    on_share: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let (min, max, step) = FONT_SCALES;
    let scale_by = move |delta: f32| {
        settings.update(|s| {
            // max and min, not f32::clamp: its check formats floats, which
            // would bring all of float formatting into the page's Wasm.
            s.font_scale = ((s.font_scale + delta) * 10.0)
                .round()
                .max(min * 10.0)
                .min(max * 10.0)
                / 10.0
        })
    };
    view! {
        <section class="controls" aria-label="Reading settings">
            <h2>"Reading"</h2>
            {choice_row("Theme", &THEMES, move || settings.get().theme, move |theme| settings.update(|s| s.theme = theme))}
            <div class="control-row" role="group" aria-label="Text size">
                <button type="button" class="button small" aria-label="A− smaller text" on:click=move |_| scale_by(-step)>"A−"</button>
                <span class="value">{move || format!("{}%", percent(settings.get().font_scale))}</span>
                <button type="button" class="button small" aria-label="A+ larger text" on:click=move |_| scale_by(step)>"A+"</button>
            </div>
            {choice_row("Line length", &MEASURES, move || settings.get().measure, move |m| settings.update(|s| s.measure = m))}
            <div class="control-row" role="group" aria-label="Export">
                <button type="button" class="button small" aria-keyshortcuts="s" disabled=move || !has_article.get() on:pointerenter=move |_| prime_link_coder() on:focus=move |_| prime_link_coder() on:click=move |_| on_share()>"Share link"</button>
                <button type="button" class="button small" disabled=move || !has_article.get() on:click=move |_| on_export(false)>"Export JSON"</button>
                <button type="button" class="button small" disabled=move || !has_article.get() on:click=move |_| on_export(true)>"Export Markdown"</button>
            </div>
        </section>
    }
}

/// A labelled group of buttons of which one is pressed: the current value.
fn choice_row<T: Copy + PartialEq + Send + Sync + 'static>(
    label: &'static str,
    options: &[(T, &'static str)],
    current: impl Fn() -> T + Copy + Send + Sync + 'static,
    choose: impl Fn(T) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    view! {
        <div class="control-row" role="group" aria-label=label>
            {options
                .iter()
                .map(|&(value, text)| view! {
                    <button
                        type="button"
                        class="button small"
                        aria-pressed=move || (current() == value).to_string()
                        on:click=move |_| choose(value)
                    >
                        {text}
                    </button>
                })
                .collect_view()}
        </div>
    }
}

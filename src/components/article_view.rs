//! One story, as semantic HTML: `<article>` with a `<header>` (source,
//! section, `<time>`, reading time, the only `<h1>`), body paragraphs and
//! `<blockquote>`s with `<cite>`, tags, related links in a `<nav>`, side
//! lists in `<aside>`s, and what was dropped in a closed `<details>`.
//! Every string from the input is rendered as a text node, never as HTML.

use std::collections::HashMap;

use folio_core::address::{is_web_address, site_name};
use folio_core::{Article, Block, BlockKind};
use leptos::prelude::*;

use crate::library::title_key;

/// A parsed story.
#[component]
pub fn ArticleView(
    /// The story to show.
    article: Article,
    /// Library entries by normalised headline: related links whose title is
    /// one of them open that entry.
    #[prop(optional)]
    library: HashMap<String, u64>,
    /// Called with the id of a library entry a related link opens.
    #[prop(optional, into)]
    on_open: Option<Callback<u64>>,
) -> impl IntoView {
    let Article {
        source,
        section,
        headline,
        published,
        published_text,
        byline,
        reading_minutes,
        lead,
        body,
        tags,
        related,
        side_lists,
        dropped,
        language,
        ..
    } = article;
    // The story's language for voices and hyphenation; its direction from
    // the language, else from its first letters ("auto").
    let dir = if matches!(language.as_deref(), Some("ar" | "he" | "fa")) {
        "rtl"
    } else {
        "auto"
    };
    let meta_time = published.clone().map(|iso| {
        let shown = published_text.clone().unwrap_or_else(|| iso.clone());
        view! { <time datetime=iso>{shown}</time> }
    });
    view! {
        <article class="story" lang=language dir=dir>
            <header class="story-header">
                <p class="story-meta">
                    {source.map(|s| view! { <span class="source">{s}</span> })}
                    {section.map(|s| view! { <span class="section">{s}</span> })}
                    {meta_time}
                    {(reading_minutes > 0).then(|| view! { <span class="reading-time">{format!("{reading_minutes} min read")}</span> })}
                </p>
                <h1>{headline.unwrap_or_else(|| "Untitled".to_string())}</h1>
                {(!byline.is_empty()).then(|| view! { <p class="byline">{format!("By {}", byline.join(", "))}</p> })}
                {lead.map(|l| view! { <p class="lead">{l}</p> })}
            </header>
            <StoryBody body=body />
            {(!tags.is_empty()).then(|| view! {
                <section class="tags" aria-labelledby="tags-title">
                    <h2 id="tags-title">"Tags"</h2>
                    <ul aria-label="Tags">{tags.into_iter().map(|t| view! { <li>{t}</li> }).collect_view()}</ul>
                </section>
            })}
            {(!related.is_empty()).then(|| view! {
                <nav class="related" aria-label="Related">
                    <h2>"Related"</h2>
                    <ul>
                        {related.into_iter().map(|r| {
                            let target = library.get(&title_key(&r.title)).copied().zip(on_open);
                            let title = match target {
                                Some((id, open)) => view! {
                                    <button type="button" class="link related-title" on:click=move |_| open.run(id)>{r.title}</button>
                                }.into_any(),
                                None => match r.url.filter(|u| is_web_address(u)) {
                                    // A saved page's link opens the page it names, never this one's context.
                                    // The host beside the title: where the link goes, whatever its text says.
                                    Some(url) => view! {
                                        <a class="related-title" href=url.clone() target="_blank" rel="noopener noreferrer nofollow" referrerpolicy="no-referrer">{r.title}</a>
                                        " "<span class="host">{site_name(&url)}</span>
                                    }.into_any(),
                                    None => view! { <span class="related-title">{r.title}</span> }.into_any(),
                                },
                            };
                            view! {
                                <li>
                                    {r.published.map(|p| view! { <time datetime=p.clone()>{p.replace('T', " ")}</time> })}
                                    {title}
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                </nav>
            })}
            {side_lists.into_iter().map(|list| view! {
                <aside class="side-list">
                    <h2>{list.title}</h2>
                    <ul>{list.items.into_iter().map(|i| view! { <li>{i}</li> }).collect_view()}</ul>
                </aside>
            }).collect_view()}
            {(!dropped.is_empty()).then(|| {
                let count = dropped.len();
                view! {
                    <details class="dropped">
                        <summary>{format!("Left out: {count} {} of the page", if count == 1 { "part" } else { "parts" })}</summary>
                        <ul>
                            {dropped.into_iter().map(|d| view! {
                                <li>
                                    <span class="reason">{d.reason.label()}</span>
                                    {format!(" (lines {}–{}): ", d.first_line, d.last_line)}
                                    <q>{d.excerpt}</q>
                                </li>
                            }).collect_view()}
                        </ul>
                    </details>
                }
            })}
        </article>
    }
}

/// Characters of body text laid out before the reader asks for more: a
/// browser takes seconds to lay out a 50 MB paragraph, and no story a
/// person reads at once is longer than this (some 15,000 words); laying
/// out 100,000 characters stays within a frame's budget.
const FIRST_LAYOUT_CHARS: usize = 100_000;

/// Blocks laid out before the reader asks for more: a million one-letter
/// paragraphs are few characters and still a million elements.
const FIRST_LAYOUT_BLOCKS: usize = 2_000;

/// The first blocks of `body` that fit in `budget` characters (the last one
/// cut at a character boundary) and [`FIRST_LAYOUT_BLOCKS`], and how many
/// characters are left out.
pub fn first_part(body: &[Block], budget: usize) -> (Vec<Block>, usize) {
    let mut shown = Vec::new();
    let mut left = budget;
    let mut hidden = 0;
    for block in body {
        let chars = block.text.chars().count();
        if left == 0 || shown.len() == FIRST_LAYOUT_BLOCKS {
            left = 0;
            hidden += chars;
        } else if chars <= left {
            left -= chars;
            shown.push(block.clone());
        } else {
            let mut cut = block.clone();
            cut.text = block.text.chars().take(left).collect::<String>() + "…";
            hidden += chars - left;
            left = 0;
            shown.push(cut);
        }
    }
    (shown, hidden)
}

/// The story's body: all of it when it is of a readable size, else its
/// first part and a button that lays out the rest.
#[component]
fn StoryBody(
    /// The body blocks, in order.
    body: Vec<Block>,
) -> impl IntoView {
    let show_all = RwSignal::new(false);
    let body = StoredValue::new(body);
    view! {
        <div class="story-body">
            {move || {
                if show_all.get() {
                    body.get_value().into_iter().map(block_view).collect_view().into_any()
                } else {
                    let (shown, hidden) = body.with_value(|b| first_part(b, FIRST_LAYOUT_CHARS));
                    view! {
                        {shown.into_iter().map(block_view).collect_view()}
                        {(hidden > 0).then(|| view! {
                            <p class="more">
                                <button type="button" class="button" on:click=move |_| show_all.set(true)>
                                    {format!("Show the rest of the story ({hidden} more characters)")}
                                </button>
                            </p>
                        })}
                    }
                    .into_any()
                }
            }}
        </div>
    }
}

fn block_view(block: Block) -> AnyView {
    match block.kind {
        BlockKind::Paragraph => view! { <p>{block.text}</p> }.into_any(),
        BlockKind::Subheading => view! { <h2 class="subheading">{block.text}</h2> }.into_any(),
        BlockKind::List => view! {
            <ul class="body-list">
                {block.text.lines().map(|l| view! { <li>{l.trim_start_matches(['•', '-', '–', '*', ' ']).to_string()}</li> }).collect_view()}
            </ul>
        }.into_any(),
        BlockKind::Quote => {
            let cite = match (block.speaker, block.platform) {
                (Some(s), Some(p)) => Some(format!("{s}, on {p}")),
                (Some(s), None) => Some(s),
                (None, Some(p)) => Some(format!("on {p}")),
                (None, None) => None,
            };
            view! {
                <blockquote>
                    <p>{block.text}</p>
                    {cite.map(|c| view! { <footer>"— "<cite>{c}</cite></footer> })}
                </blockquote>
            }
            .into_any()
        }
    }
}

//! One story, as semantic HTML: `<article>` with a `<header>` (source,
//! section, `<time>`, reading time, the only `<h1>`), body paragraphs and
//! `<blockquote>`s with `<cite>`, tags, related links in a `<nav>`, side
//! lists in `<aside>`s, and what was dropped and how each field was read
//! in closed `<details>`; a
//! long list shows its first items and the rest on the reader's word.
//! Every string from the input is rendered as a text node, never as HTML.

use std::collections::HashMap;

use folio_core::address::{is_web_address, site_name};
use folio_core::{Article, Block, BlockKind, Dropped, RelatedLink};
use leptos::prelude::*;
use leptos::tachys::html::element::custom;

use crate::library::title_key;
use crate::storage;

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
    /// Called with a tag the reader chose: the library is filtered by it.
    #[prop(optional, into)]
    on_tag: Option<Callback<String>>,
) -> impl IntoView {
    let Article {
        source,
        section,
        headline,
        published,
        published_text,
        updated,
        updated_text,
        byline,
        reading_minutes,
        body,
        tags,
        related,
        side_lists,
        dropped,
        language,
        url,
        diagnostics,
        ..
    } = article;
    // The story's language for voices and hyphenation; its direction from
    // the language, else from its first letters ("auto").
    let dir = if matches!(language.as_deref(), Some("ar" | "he" | "fa")) {
        "rtl"
    } else {
        "auto"
    };
    // An update is shown when it is another moment than the publication;
    // a metadata timestamp as its day ("2019-11-19"), the text's own words
    // as written.
    let meta_updated = updated
        .filter(|u| Some(u) != published.as_ref())
        .map(|iso| {
            let stamp = |t: &String| t.starts_with(|c: char| c.is_ascii_digit()) && t.contains('T');
            let shown = updated_text
                .filter(|t| !stamp(t))
                .unwrap_or_else(|| iso.chars().take(10).collect());
            view! { <span class="updated">"Updated "<time datetime=iso>{shown}</time></span> }
        });
    // Whose pictures these are, for the reader's "always show" choice.
    let site = url
        .as_deref()
        .filter(|u| is_web_address(u))
        .map(site_name)
        .or_else(|| source.clone());
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
                    {meta_updated}
                    {(reading_minutes > 0).then(|| view! { <span class="reading-time">{format!("{reading_minutes} min read")}</span> })}
                    {url.filter(|u| is_web_address(u)).map(|u| view! {
                        <a class="original" href=u.clone() target="_blank" rel="noopener noreferrer nofollow" referrerpolicy="no-referrer">
                            {format!("Original on {}", site_name(&u))}
                        </a>
                    })}
                </p>
                <h1>{headline.unwrap_or_else(|| "Untitled".to_string())}</h1>
                {(!byline.is_empty()).then(|| view! { <p class="byline">{format!("By {}", byline.join(", "))}</p> })}
            </header>
            <StoryBody body=body site=site />
            {(!tags.is_empty()).then(|| view! { <Tags tags=tags on_tag=on_tag /> })}
            {(!related.is_empty()).then(|| view! { <Related related=related library=library on_open=on_open /> })}
            {side_lists.into_iter().map(|list| {
                let items = list.items;
                view! {
                    <aside class="side-list">
                        <h2>{list.title}</h2>
                        {batched(items.len(), "items", None, &|i| view! { <li>{items[i].clone()}</li> }.into_any())}
                    </aside>
                }
            }).collect_view()}
            <HowItWasRead dropped=dropped diagnostics=diagnostics />
        </article>
    }
}

/// The story's tags: each a button that filters the library by it.
#[component]
fn Tags(tags: Vec<String>, on_tag: Option<Callback<String>>) -> impl IntoView {
    view! {
        <section class="tags" aria-labelledby="tags-title">
            <h2 id="tags-title">"Tags"</h2>
            {batched(tags.len(), "tags", Some("Tags"), &|i| {
                let tag = tags[i].clone();
                let pick = move |_| {
                    if let Some(on_tag) = on_tag {
                        on_tag.run(tag.clone());
                    }
                };
                view! {
                    <li><button type="button" class="link tag" title="Filter the library by this tag" on:click=pick>{tags[i].clone()}</button></li>
                }.into_any()
            })}
        </section>
    }
}

/// Related links with their times: one the library holds opens its entry,
/// another its page (in a new tab, with its host beside it).
#[component]
fn Related(
    related: Vec<RelatedLink>,
    library: HashMap<String, u64>,
    on_open: Option<Callback<u64>>,
) -> impl IntoView {
    view! {
        <nav class="related" aria-label="Related">
            <h2>"Related"</h2>
            {batched(related.len(), "related links", None, &|i| {
                    let r = related[i].clone();
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
                    .into_any()
                })}
        </nav>
    }
}

/// What was left out of the page, and why; and how each field was read
/// ("headline from og:title", "no publication date found"): closed until
/// the reader asks.
#[component]
fn HowItWasRead(dropped: Vec<Dropped>, diagnostics: Vec<String>) -> impl IntoView {
    let count = dropped.len();
    view! {
        {(count > 0).then(|| view! {
            <details class="dropped">
                <summary>{format!("Left out: {count} {} of the page", if count == 1 { "part" } else { "parts" })}</summary>
                {batched(count, "left-out parts", None, &|i| {
                    let d = &dropped[i];
                    view! {
                        <li>
                            <span class="reason">{d.reason.label()}</span>
                            {format!(" (lines {}–{}): ", d.first_line, d.last_line)}
                            <q>{d.excerpt.clone()}</q>
                        </li>
                    }
                    .into_any()
                })}
            </details>
        })}
        {(!diagnostics.is_empty()).then(|| view! {
            <details class="how-read">
                <summary>"How it was read"</summary>
                <ul>{diagnostics.into_iter().map(|d| view! { <li>{d}</li> }).collect_view()}</ul>
            </details>
        })}
    }
}

/// Items of a list laid out before the reader asks for the rest: a list
/// the parser kept to its cap (a hundred tags, hundreds of related links
/// or side-list entries) is then laid out within a frame, and a side list
/// of every entry of a site's menu does not push the page down.
const FIRST_ITEMS: usize = 20;

/// A `<ul>` of `count` items (`item(i)` gives the `<li>` of the `i`th):
/// the first [`FIRST_ITEMS`] shown, the rest in a closed `<details>` that
/// says how many there are (closed, they are not laid out). A list only a
/// few items longer is shown whole: a disclosure for three more would be
/// in the way.
fn batched(
    count: usize,
    what: &'static str,
    label: Option<&'static str>,
    item: &dyn Fn(usize) -> AnyView,
) -> AnyView {
    let shown = if count <= FIRST_ITEMS + FIRST_ITEMS / 4 {
        count
    } else {
        FIRST_ITEMS
    };
    let list = |range: std::ops::Range<usize>, label| view! { <ul aria-label=label>{range.map(item).collect_view()}</ul> };
    view! {
        {list(0..shown, label)}
        {(shown < count).then(|| view! {
            <details class="more-items">
                <summary>{format!("{} more {what}", count - shown)}</summary>
                {list(shown..count, None)}
            </details>
        })}
    }
    .into_any()
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
    /// The story's site (its address's host, or its source), whose
    /// pictures the reader may choose to see without asking.
    site: Option<String>,
) -> impl IntoView {
    let show_all = RwSignal::new(false);
    let always = site.as_deref().is_some_and(storage::shows_images_of);
    let show_images = RwSignal::new(always);
    let pictures = body.iter().filter(|b| b.kind == BlockKind::Image).count();
    let body = StoredValue::new(body);
    let lay_out = move |blocks: Vec<Block>| {
        blocks
            .into_iter()
            .map(|b| block_view(b, show_images))
            .collect_view()
    };
    view! {
        <div class="story-body">
            {(pictures > 0).then(|| view! {
                <p class="pictures">
                    <button type="button" class="button" disabled=move || show_images.get() on:click=move |_| show_images.set(true)>
                        {format!("Show {pictures} {}", if pictures == 1 { "image" } else { "images" })}
                    </button>
                    " They load from the sites that hold them."
                    {site.map(|site| {
                        let label = format!(" Always show images for {site}");
                        view! {
                        <label class="always">
                            <input type="checkbox" checked=always on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                show_images.update(|shown| *shown |= on);
                                // Not kept (no storage): it holds for this story.
                                let _ = storage::show_images_of(&site, on);
                            } />
                            {label}
                        </label>
                    }})}
                </p>
            })}
            {move || {
                if show_all.get() {
                    lay_out(body.get_value()).into_any()
                } else {
                    let (shown, hidden) = body.with_value(|b| first_part(b, FIRST_LAYOUT_CHARS));
                    view! {
                        {lay_out(shown)}
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

/// An element of the story's body. All share one element type, so the
/// page's Wasm carries one copy of the code that builds them.
fn el(tag: &'static str, class: &'static str, children: AnyView) -> AnyView {
    element(tag, class, None, children)
}

/// [`el`] with a `tabindex` (a box that scrolls is reached by keyboard too).
fn element(
    tag: &'static str,
    class: &'static str,
    tabindex: Option<&'static str>,
    children: AnyView,
) -> AnyView {
    custom(tag)
        .attr("class", (!class.is_empty()).then_some(class))
        .attr("tabindex", tabindex)
        .child(children)
        .into_any()
}

fn all(views: impl IntoIterator<Item = AnyView>) -> AnyView {
    views.into_iter().collect_view().into_any()
}

/// A block's text: its links as links that open elsewhere, its stressed
/// words in italics or bold.
fn linked_text(block: &Block) -> AnyView {
    all(block.pieces().into_iter().map(|piece| {
        let text = piece.text.to_string();
        let words = match piece.url {
            Some(url) => view! {
                <a href=url.to_string() target="_blank" rel="noopener noreferrer nofollow" referrerpolicy="no-referrer">{text}</a>
            }
            .into_any(),
            None => text.into_any(),
        };
        match (piece.em, piece.strong) {
            (false, false) => words,
            (em, strong) => el(
                if strong { "strong" } else { "em" },
                if em && strong { "em" } else { "" },
                words,
            ),
        }
    }))
}

fn block_view(block: Block, show_images: RwSignal<bool>) -> AnyView {
    match block.kind {
        BlockKind::Paragraph => el("p", "", linked_text(&block)),
        BlockKind::Subheading => {
            let tag = if block.level.is_some_and(|l| l > 2) {
                "h3"
            } else {
                "h2"
            };
            el(tag, "subheading", linked_text(&block))
        }
        BlockKind::List => {
            let items = block
                .list_items()
                .into_iter()
                .map(|i| el("li", "", i.into_any()));
            el(
                if block.ordered { "ol" } else { "ul" },
                "body-list",
                all(items),
            )
        }
        BlockKind::Quote => {
            let cite = match (block.speaker.clone(), block.platform.clone()) {
                (Some(s), Some(p)) => Some(format!("{s}, on {p}")),
                (Some(s), None) => Some(s),
                (None, Some(p)) => Some(format!("on {p}")),
                (None, None) => None,
            };
            let cite = cite.map(|c| {
                el(
                    "footer",
                    "",
                    all(["— ".into_any(), el("cite", "", c.into_any())]),
                )
            });
            el(
                "blockquote",
                "",
                all([el("p", "", linked_text(&block)), cite.into_any()]),
            )
        }
        BlockKind::Image => picture(block, show_images),
        BlockKind::Table => {
            let row = |cells: Vec<String>, cell: &'static str| {
                el(
                    "tr",
                    "",
                    all(cells.into_iter().map(|c| el(cell, "", c.into_any()))),
                )
            };
            let mut rows = block.rows.into_iter();
            let head = block.header.then(|| rows.next()).flatten();
            let head = head.map(|cells| el("thead", "", row(cells, "th")));
            let body = el("tbody", "", all(rows.map(|cells| row(cells, "td"))));
            let table = el("table", "", all([head.into_any(), body]));
            element("div", "table-box", Some("0"), table)
        }
        BlockKind::Code => el("pre", "code", el("code", "", block.text.into_any())),
    }
}

/// A picture of the story: its alt text and caption, and the picture
/// itself only once the reader asks (for this one, or for all the
/// story's): until then no request leaves the page.
fn picture(block: Block, show_images: RwSignal<bool>) -> AnyView {
    let shown = RwSignal::new(false);
    let Block {
        src,
        alt,
        caption,
        credit,
        ..
    } = block;
    let src = src.filter(|s| is_web_address(s));
    // The alt text, unless the caption below says the same.
    let described = alt
        .clone()
        .filter(|a| Some(a) != caption.as_ref())
        .unwrap_or_else(|| "A picture".to_string());
    view! {
        <figure class="picture">
            {move || match (src.clone(), shown.get() || show_images.get()) {
                (Some(src), true) => view! {
                    <img src=src alt=alt.clone().unwrap_or_default() loading="lazy" referrerpolicy="no-referrer" />
                }.into_any(),
                (src, _) => view! {
                    <div class="picture-stand-in">
                        <span>{described.clone()}</span>
                        {src.map(|s| view! {
                            <button type="button" class="button" on:click=move |_| shown.set(true)>
                                {format!("Show image from {}", site_name(&s))}
                            </button>
                        })}
                    </div>
                }.into_any(),
            }}
            {(caption.is_some() || credit.is_some()).then(|| view! {
                <figcaption>
                    {caption}
                    {credit.map(|c| view! { " "<span class="credit">{c}</span> })}
                </figcaption>
            })}
        </figure>
    }
    .into_any()
}

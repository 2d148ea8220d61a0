//! Metadata over text: what the page states about itself (JSON-LD, meta
//! tags, `<h1>`, `<title>`, author and tag marks) settles the fields the
//! text pipeline read from its visible text, field by field, each change
//! noted in `diagnostics`.

use std::collections::HashSet;

use super::linked::LinkedData;
use super::reader::PageMeta;
use crate::address::{address_day, link_related, name_key, names_host, site_name};
use crate::article::{Article, Block, BlockKind};
use crate::text::byline::{author_handle, byline_names, is_host_name};
use crate::text::dates::{days_apart, find_dates, metadata_date_iso, settled_order, DayMonthOrder};
use crate::text::header::{last_cuts, title_readings, TITLE_SEPARATORS};
use crate::text::lines::folded;
use crate::text::lists::is_count;
use crate::text::parse::NAME_LINE_BYLINE;

/// `<meta>` names that state when the article was published, most
/// specific first (`<meta name="date" content="2019-11-19T01:48:03Z">`).
const PUBLISHED_META: &[&str] = &[
    "datePublished",
    "dc.date.issued",
    "dcterms.issued",
    "pubdate",
    "publishdate",
    "publish-date",
    "parsely-pub-date",
    "sailthru.date",
];

/// Date meta tags that do not say which date they are (often the page's
/// last change): used only when the text states no date.
const LOOSE_DATE_META: &[&str] = &["dc.date", "date"];

/// The note for a publication date read from a `<time datetime>`.
const TIME_SOURCE: &str = "published from the first <time datetime>";

/// `<meta>` names that name the article's authors, most trusted first.
const AUTHOR_META: &[&str] = &[
    "author",
    "article:author",
    "dc.creator",
    "dc:creator",
    "dcterms.creator",
    "parsely-author",
    "sailthru.author",
    "byl",
];

/// The word for an author, lower case: a metadata author ending in it is
/// a placeholder ("No Author", "Kein Autor", "Sans auteur").
const AUTHOR_NOUNS: &[&str] = &["author", "autor", "auteur", "autore", "автор"];

/// The names in a metadata author value: "By Ann Lee and Bo Ek", "Ann
/// Lee, Bo Ek", "'Ann Lee, Bo Ek'" (quoted by a template); nothing for an
/// address (`article:author` is often a profile page) or a placeholder.
fn author_names(value: &str) -> Vec<String> {
    let value = value.trim().trim_matches(['\'', '"', '“', '”']).trim();
    let last_word = value.rsplit(' ').next().unwrap_or("").to_lowercase();
    if value.contains("://")
        || value.starts_with("www.")
        || AUTHOR_NOUNS.contains(&last_word.as_str())
    {
        return Vec::new();
    }
    byline_names(&format!("By {value}")).unwrap_or_default()
}

/// The days the page's text states, as "YYYY-MM-DD": a metadata date a
/// day from the one read in the text, but shown too, is not the same
/// moment in another time zone but another date the page shows.
fn shown_days(text: &str, order: DayMonthOrder) -> HashSet<String> {
    text.lines()
        .flat_map(|line| find_dates(line, order))
        .map(|found| found.moment.iso()[..10].to_string())
        .collect()
}

/// The host of the page's own address, without "www.".
fn page_host(meta: &PageMeta) -> Option<String> {
    let address = meta.base.as_deref().or_else(|| meta.meta("og:url"))?;
    let rest = address.split_once("://")?.1;
    let host = rest.split(['/', '?', '#', ':']).next()?;
    Some(host.trim_start_matches("www.").to_string())
}

/// What the page links elsewhere is not the story's text: list items and
/// blocks that are a link line of the page leave the body.
pub(super) fn drop_linked_lines(article: &mut Article, meta: &PageMeta) {
    let before = article.body.len();
    let linked_line = |text: &str| meta.link_lines.contains(&folded(text));
    for list in article
        .body
        .iter_mut()
        .filter(|b| b.kind == BlockKind::List)
    {
        let items = list.items.len();
        list.items.retain(|item| !linked_line(item));
        if list.items.len() < items {
            *list = Block {
                links: std::mem::take(&mut list.links),
                ..Block::list(std::mem::take(&mut list.items), list.ordered)
            };
        }
    }
    article.body.retain(|b| match b.kind {
        BlockKind::List if b.text.is_empty() => false,
        BlockKind::Image | BlockKind::Table | BlockKind::Code => true,
        _ => !linked_line(&b.text),
    });
    if article.body.len() < before {
        article.diagnostics.push(format!(
            "{} body lines left out as mostly links",
            before - article.body.len()
        ));
    }
}

fn note(article: &mut Article, what: &str) {
    article.diagnostics.push(what.to_string());
}

/// A headline candidate: the title, where it came from, and whether it
/// counts only when the page shows it as a line of its own.
type Title = (Option<String>, &'static str, bool);

/// Headline: the one the page states (`page_title`, read once before the
/// text) over the one the text gave, and no copy of it in the story.
pub(super) fn headline(article: &mut Article, stated: Option<(String, &'static str)>) {
    if let Some((title, source)) = stated {
        // The text read the stated title's line first: the headline came
        // from the title, whether or not its words are the same. A line
        // set in capitals by a style takes the metadata's writing.
        let same_words = article.headline.as_deref().map(folded) == Some(folded(&title));
        let in_capitals = article
            .headline
            .as_deref()
            .is_some_and(|read| !read.chars().any(char::is_lowercase));
        if !same_words || in_capitals {
            article.headline = Some(title);
        }
        note(article, source);
    }
    // The story's text does not hold its headline twice (the page's own
    // copy may differ from it in spaces or case only).
    if let Some(headline) = article.headline.as_deref().map(folded) {
        article.body.retain(|b| folded(&b.text) != headline);
    }
}

/// The headline the page states, with where it came from: the first
/// title its metadata gives that the page also shows as a line of its
/// own, else its only `<h1>`; `None` when it states none.
pub(super) fn page_title(
    text: &str,
    meta: &PageMeta,
    linked: &LinkedData,
) -> Option<(String, &'static str)> {
    let shown: HashSet<String> = text.lines().map(folded).filter(|l| !l.is_empty()).collect();
    // The site's name, in its logo or its metadata, is no story's headline.
    let site_names: HashSet<String> = meta
        .site_h1
        .iter()
        .map(String::as_str)
        .chain(meta.meta("og:site_name"))
        .map(folded)
        .collect();
    let mut chosen = None;
    for (title, source, only_if_shown) in titles(meta, linked) {
        let Some(title) =
            title.filter(|t| !t.trim().is_empty() && !site_names.contains(&folded(t)))
        else {
            continue;
        };
        if !only_if_shown || shown.contains(&folded(&title)) {
            chosen = Some((
                title.split_whitespace().collect::<Vec<_>>().join(" "),
                source,
            ));
            break;
        }
    }
    // "Meet the Artist - LA Weekly": a stated title with the site's name
    // after it, shown without it.
    if let Some((title, _)) = chosen.as_mut() {
        const MIN_KEY_CHARS: usize = 3;
        let sites = site_keys(meta, linked);
        let bare = last_cuts(title).find_map(|(head, tail)| {
            let names_site = names_a_site(&sites, tail, MIN_KEY_CHARS);
            (names_site && shown.contains(&folded(head))).then(|| head.trim().to_string())
        });
        if let Some(bare) = bare {
            *title = bare;
        }
    }
    if chosen.is_none() {
        let h1s: Vec<&String> = meta
            .h1
            .iter()
            .filter(|h| !h.trim().is_empty() && !site_names.contains(&folded(h)))
            .collect();
        if let [only] = h1s[..] {
            chosen = Some((
                only.split_whitespace().collect::<Vec<_>>().join(" "),
                "headline from the page's only <h1>",
            ));
        }
    }
    chosen
}

/// Words after a title at an `<h1>`'s start that make them a subtitle.
const SUBTITLE_WORDS: usize = 4;

/// The page's titles, most trusted first: the metadata's (JSON-LD,
/// og:title, twitter:title), one of them found inside an `<h1>`, the
/// `<h1>`s, the `<title>`, and the `<title>`'s parts without the site.
fn titles(meta: &PageMeta, linked: &LinkedData) -> Vec<Title> {
    let stated = [
        (linked.headline.clone(), "headline from JSON-LD"),
        (
            meta.meta("og:title").map(str::to_string),
            "headline from og:title",
        ),
        (
            meta.meta("twitter:title").map(str::to_string),
            "headline from twitter:title",
        ),
    ];
    // An <h1> that sets a kicker or a subtitle beside the title on its line
    // ("Forderungsausfälle vermeiden Eigentumsvorbehalt: Das sollten …")
    // holds the title the metadata states at its start or end.
    let h1_lines: Vec<String> = meta.h1.iter().map(|h| folded(h)).collect();
    // A title cut short in the metadata is not one: after the title at an
    // <h1>'s start comes a subtitle (some words) or a site's name (after a
    // sign), not the last word or two of the same sentence.
    let ends_an_h1 = |title: &str| {
        h1_lines.iter().any(|h| {
            let subtitle = h.strip_prefix(title).is_some_and(|rest| {
                rest.starts_with(' ')
                    && (rest.split_whitespace().count() >= SUBTITLE_WORDS
                        || rest
                            .trim_start()
                            .starts_with(['|', '-', '–', '—', ':', '·']))
            });
            let kicker = h
                .strip_suffix(title)
                .is_some_and(|rest| rest.ends_with(' '));
            h.len() > title.len() && (subtitle || kicker)
        })
    };
    // An <h1> that opens with an element, then the title as the metadata
    // states it, or a part of it: the element is a kicker ("<span
    // class=dachzeile>Nach Corona-Lockerungen</span> Autohäuser rechnen …",
    // "Corona-Lockerungen: Autohäuser rechnen … | MDR.DE").
    let after_kicker: Vec<String> = meta
        .h1
        .iter()
        .zip(&meta.h1_opening)
        .filter_map(|(h1, opening)| {
            let opening = folded(opening);
            let rest = folded(h1)
                .strip_prefix(opening.as_str())?
                .trim()
                .to_string();
            (!opening.is_empty() && rest.split_whitespace().count() >= 2).then_some(rest)
        })
        .collect();
    let in_an_h1 = stated.iter().find_map(|(title, source)| {
        let title = title.as_deref()?;
        let found = if ends_an_h1(&folded(title)) {
            Some(title)
        } else {
            title_readings(title)
                .into_iter()
                .find(|t| after_kicker.contains(&folded(t)))
        };
        found.map(|t| (Some(t.to_string()), *source))
    });
    let shown_only = |(title, source): (Option<String>, &'static str)| (title, source, true);
    // An <h1> of one word ("Menu", "Bangkok", "€5") is a label: any <h1>
    // of more words comes first, the <title> before it. So is a stated
    // title of one word the <title> does not hold ("Pressemitteilungen",
    // the section's, in "BDZV: Olafur Eliasson gestaltet …"): after the
    // <h1>s of more words.
    let titled = |t: &str| t.split_whitespace().count() >= 2;
    let (h1_titles, h1_labels): (Vec<&String>, Vec<&String>) =
        meta.h1.iter().partition(|h| titled(h));
    let page_title = folded(&meta.title);
    // Of several <h1>s, the one the page's title repeats is the story's
    // ("gipfelbuch.ch - Outdoornews - Hochauflösende Schneekarten …" over
    // "OutdoorNews | Eintrag" and "Hochauflösende Schneekarten …").
    let og_title = meta.meta("og:title").map(folded).unwrap_or_default();
    let (h1_repeated, h1_others): (Vec<&String>, Vec<&String>) =
        h1_titles.into_iter().partition(|h| {
            let h = folded(h);
            page_title.contains(&h) || og_title.contains(&h)
        });
    let (stated_titles, stated_labels): (Vec<_>, Vec<_>) =
        stated.into_iter().partition(|(title, _)| {
            title
                .as_deref()
                .is_none_or(|t| titled(t) || page_title.contains(&folded(t)))
        });
    let h1 = |h: &String| shown_only((Some(h.clone()), "headline from <h1>"));
    stated_titles
        .into_iter()
        .map(shown_only)
        .chain(in_an_h1.map(|(title, source)| (title, source, false)))
        .chain(h1_repeated.into_iter().chain(h1_others).map(h1))
        .chain(stated_labels.into_iter().map(shown_only))
        .chain([shown_only((
            Some(meta.title.clone()),
            "headline from <title>",
        ))])
        .chain(h1_labels.into_iter().map(h1))
        // "Tea in the old town : My Little Blog": the title without the site's name.
        .chain(
            TITLE_SEPARATORS
                .iter()
                .flat_map(|sep| meta.title.split(sep))
                // One word is more likely the section ("Feuerwehr Oldenburg - Ausbildung").
                .filter(|part| {
                    part.len() < meta.title.len() && part.split_whitespace().count() >= 2
                })
                .map(|part| {
                    shown_only((
                        Some(part.trim().to_string()),
                        "headline from <title>, without the site's name",
                    ))
                }),
        )
        .collect()
}

/// Dates: the page's metadata says which is the publication date. The
/// page's statement of its publication date beats the dateline read from
/// the text, but a `<time>` showing a day the dateline passed over does
/// not (a teaser's time, the site's "today"); a date meta tag that does not say which date it is only
/// stands in when the text has none.
pub(super) fn dates(article: &mut Article, text: &str, meta: &PageMeta, linked: &LinkedData) {
    // The days the text shows, read once and only when asked.
    let shown = std::cell::OnceCell::new();
    let text_shows_day = |iso: &str| {
        shown
            .get_or_init(|| {
                let language = article.language.as_deref();
                let order = settled_order(text.lines(), meta.date_order(), language);
                shown_days(text, order)
            })
            .contains(iso.get(..10).unwrap_or(iso))
    };
    // Each publication date the metadata claims, most specific first.
    let claims: Vec<(&str, &str)> = linked
        .published
        .as_deref()
        .map(|d| (d, "published from JSON-LD datePublished"))
        .into_iter()
        .chain(
            meta.meta("article:published_time")
                .map(|d| (d, "published from article:published_time")),
        )
        .chain(
            PUBLISHED_META
                .iter()
                .filter_map(|key| meta.meta(key))
                .map(|d| (d, "published from a date meta tag")),
        )
        .collect();
    // Metadata at odds with itself: the day the page shows its reader is
    // the one it means ("datePublished" 2022-01-04, `article:published_time`
    // 2022-01-06 and "06.01.2022" under the headline).
    let stated = claims
        .iter()
        .find(|(d, _)| metadata_date_iso(d).is_some_and(|iso| text_shows_day(&iso)))
        .or(claims.first())
        .copied()
        .or_else(|| meta.time.as_deref().map(|d| (d, TIME_SOURCE)));
    let loose = || {
        LOOSE_DATE_META
            .iter()
            .find_map(|key| meta.meta(key))
            .map(|d| (d, "published from a generic date meta tag"))
    };
    let published = match stated {
        Some(stated) => Some(stated),
        None if article.published.is_none() => loose(),
        None => None,
    };
    if let Some((value, source)) = published {
        if let Some(iso) = metadata_date_iso(value) {
            // The day the page shows beats metadata a day off: metadata
            // often gives the moment in UTC, the page the local day. On
            // the same day, metadata's time (not a midnight placeholder)
            // is kept with the page's own words for the day.
            let read = article.published.as_deref();
            let timed = |d: &str| d.len() > 10;
            let day_only = read.is_some_and(|p| !timed(p));
            // Unless the page shows metadata's day too, and the day read
            // has no time of its own: then it is another date on the page.
            let another_day = || day_only && text_shows_day(&iso);
            // A `<time>` whose day the text shows is a date the dateline
            // read and passed over (a teaser's, the site's "today").
            let passed_over = || source == TIME_SOURCE && text_shows_day(&iso);
            match read.and_then(|p| days_apart(p, &iso)) {
                Some(1) if !another_day() => {}
                Some(1..) if passed_over() => {}
                Some(0) => {
                    let time = &iso[10..];
                    let midnight = time.starts_with("T00:00") && !time.starts_with("T00:00:");
                    if day_only && timed(&iso) && !midnight {
                        article.published = Some(iso);
                    }
                }
                _ => {
                    article.published = Some(iso);
                    article.published_text = Some(value.trim().to_string());
                    note(article, source);
                }
            }
        }
    }
    let modified = linked
        .modified
        .as_deref()
        .or_else(|| meta.meta("article:modified_time"));
    if article.updated.is_none() {
        if let Some(iso) = modified.and_then(metadata_date_iso) {
            article.updated = Some(iso);
            article.updated_text = modified.map(str::to_string);
        }
    }
    if article.published.is_none() {
        if let Some(day) = page_address(meta).as_deref().and_then(address_day) {
            article.published = Some(day);
            note(article, "published from the day in the page's address");
        }
    }
}

/// The page's original address: its canonical link, else its `og:url`.
fn page_address(meta: &PageMeta) -> Option<String> {
    [meta.canonical.as_deref(), meta.meta("og:url")]
        .into_iter()
        .flatten()
        .find_map(crate::address::original_address)
}

/// Authors as each source states them, most trusted first, with the note
/// that names the source (empty for the text's own byline).
type Authors = [(Vec<String>, String); 5];

/// The page's own statement of its authors beats a line guessed from its
/// text, which may name another person on the page; but the site or its
/// publisher named as the author gives way to a person named elsewhere.
pub(super) fn byline(article: &mut Article, meta: &PageMeta, linked: &LinkedData) {
    let guessed = article.diagnostics.iter().any(|d| d == NAME_LINE_BYLINE);
    let mut candidates = author_candidates(article, meta, linked, guessed);
    // A web address named as the author is the site ("domradio.de").
    for (names, _) in &mut candidates {
        names.retain(|n| !is_host_name(n));
    }
    let sites = site_keys(meta, linked);
    // An author's key may be as short as a broadcaster's initials ("NDR").
    const MIN_AUTHOR_KEY_CHARS: usize = 2;
    let names_site = |names: &[String]| {
        names
            .iter()
            .all(|n| names_a_site(&sites, n, MIN_AUTHOR_KEY_CHARS))
    };
    // Names of people: two to four words, none a site's name.
    let people = |names: &[String]| {
        names.iter().all(|n| {
            (2..=4).contains(&n.split_whitespace().count()) && !names_site(std::slice::from_ref(n))
        })
    };
    // A content system's default account ("admin", "wordpressadmin")
    // gives way to people named elsewhere.
    let account = |names: &[String]| {
        names.iter().all(|n| {
            let n = n.to_lowercase();
            !n.contains(' ') && (n.contains("admin") || n == "webmaster")
        })
    };
    let first = candidates.iter().position(|(names, _)| !names.is_empty());
    let after_account = |i: usize| first.is_some_and(|f| f < i && account(&candidates[f].0));
    let chosen = candidates
        .iter()
        .enumerate()
        .position(|(i, (names, _))| {
            !names.is_empty()
                && !names_site(names)
                && !account(names)
                && (!after_account(i) || people(names))
        })
        .or(first);
    // The text's guess is noted only if it is the byline shown.
    if guessed && chosen != Some(candidates.len() - 1) {
        article.diagnostics.retain(|d| d != NAME_LINE_BYLINE);
    }
    // Another source that names the same authors and more gives them all
    // (JSON-LD naming the writer, the byline the writer and translator).
    let chosen = chosen.map(|i| {
        let keys = |names: &[String]| names.iter().map(|n| name_key(n)).collect::<Vec<_>>();
        let mine = keys(&candidates[i].0);
        candidates
            .iter()
            .position(|(others, _)| {
                let theirs = keys(others);
                theirs.len() > mine.len()
                    && people(others)
                    && mine.iter().all(|k| theirs.contains(k))
            })
            .unwrap_or(i)
    });
    if let Some(i) = chosen {
        let (names, source) = &candidates[i];
        article.byline = fullest_names(names, &candidates);
        if !source.is_empty() {
            note(article, source);
        }
    }
}

/// Each source's authors: JSON-LD, the text's byline, an element marked as
/// the author, author meta tags, and the text's guess from a name line
/// (`guessed`), which takes the article's byline out.
fn author_candidates(
    article: &mut Article,
    meta: &PageMeta,
    linked: &LinkedData,
    guessed: bool,
) -> Authors {
    let linked_authors: Vec<String> = linked
        .resolved_authors()
        .iter()
        // Some pages write the whole byline into the author field ("By Ann Lee, AP").
        .flat_map(|a| byline_names(a).unwrap_or_else(|| vec![a.clone()]))
        .collect();
    let marked_authors = meta
        .author_marked
        .iter()
        .find_map(|text| {
            let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
            byline_names(&text)
                .or_else(|| byline_names(&format!("By {text}")))
                .or_else(|| author_handle(&text).map(|h| vec![h]))
        })
        .unwrap_or_default();
    let (meta_authors, meta_key) = AUTHOR_META
        .iter()
        .find_map(|&key| {
            let names = author_names(meta.meta(key)?);
            (!names.is_empty()).then_some((names, key))
        })
        .unwrap_or_default();
    let from_text = std::mem::take(&mut article.byline);
    let (stated, name_line) = if guessed {
        (Vec::new(), from_text)
    } else {
        (from_text, Vec::new())
    };
    [
        (linked_authors, "byline from JSON-LD author".to_string()),
        (stated, String::new()),
        (
            marked_authors,
            "byline from an element marked as the author".to_string(),
        ),
        (meta_authors, format!("byline from <meta {meta_key}>")),
        (name_line, String::new()),
    ]
}

/// The site's names, as [`name_key`]s: og:site_name, the publisher, the
/// application's name and the page's host.
fn site_keys(meta: &PageMeta, linked: &LinkedData) -> Vec<String> {
    [
        meta.meta("og:site_name"),
        linked.publisher.as_deref(),
        meta.meta("application-name"),
    ]
    .into_iter()
    .flatten()
    .map(name_key)
    .chain(page_host(meta).map(|h| name_key(&h)))
    .filter(|k| !k.is_empty())
    .collect()
}

/// Whether `name` names one of the site's names (`site_keys`): one key
/// holds the other, the name's key `min_chars` long at least.
fn names_a_site(sites: &[String], name: &str, min_chars: usize) -> bool {
    let key = name_key(name);
    key.chars().count() >= min_chars && sites.iter().any(|s| s.contains(&key) || key.contains(s))
}

/// A handle or a first name ("todd", "edilson.la.rosa") gives way to the
/// same person's full name from another source.
fn fullest_names(names: &[String], candidates: &Authors) -> Vec<String> {
    names
        .iter()
        .map(|name| {
            let key = name_key(name);
            candidates
                .iter()
                .flat_map(|(others, _)| others)
                .filter(|other| other.contains(' ') && !name.contains(' '))
                .find(|other| !key.is_empty() && name_key(other).starts_with(&key))
                .unwrap_or(name)
                .clone()
        })
        .collect()
}

/// The original's address, related links matched with the page's links,
/// and the section: never a menu line, and the page's own section
/// metadata beats a short line guessed from the text ("Listen Live", a
/// byline handle), which is often furniture.
pub(super) fn links_and_section(article: &mut Article, meta: &PageMeta, linked: &LinkedData) {
    // The original: the canonical address, else what og:url states.
    article.url = page_address(meta);
    let base = meta
        .base
        .clone()
        .or_else(|| meta.meta("og:url").map(str::to_string));
    link_related(article, &meta.links, base.as_deref());
    if article
        .section
        .as_deref()
        .is_some_and(|s| meta.menu_lines.contains(&folded(s)))
    {
        article.section = None;
    }
    if let Some(section) = linked
        .section
        .clone()
        .or_else(|| meta.meta("article:section").map(str::to_string))
        .filter(|s| !s.trim().is_empty())
    {
        if article.section.as_deref().map(folded) != Some(folded(&section)) {
            article.section = Some(section.trim().to_string());
            note(article, "section from the page's metadata");
        }
    }
}

/// The page's own tags beat a line read as tags from its text (often tag
/// links run together: "bahndeutschland"); then the site's name and the
/// page's language.
/// The site's name an `og:site_name` gives. A template that fills it with
/// the page's title ("Achtsam durch die Krise | Die FURCHE") names the
/// site on the side that spells its address, or else on the side that is
/// not the headline.
fn stated_site(value: &str, headline: Option<&str>, spells_host: &dyn Fn(&str) -> bool) -> String {
    let sides: Vec<&str> = value.split(" | ").map(str::trim).collect();
    if sides.len() < 2 {
        return site_name(value);
    }
    sides
        .iter()
        .find(|side| spells_host(side))
        .or_else(|| headline.and_then(|h| sides.iter().find(|side| folded(side) != folded(h))))
        .map_or_else(|| site_name(value), |side| side.to_string())
}

pub(super) fn tags_source_language(article: &mut Article, meta: &PageMeta, linked: &LinkedData) {
    // One tag per meta element, or all in one, between commas.
    let marked: Vec<String> = meta
        .metas("article:tag")
        .flat_map(|tags| tags.split(','))
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .collect();
    let linked_tags = || {
        let mut tags: Vec<String> = Vec::new();
        for text in &meta.tag_links {
            let tag = text.split_whitespace().collect::<Vec<_>>().join(" ");
            let tag = tag.trim_start_matches('#').to_string();
            let new = !tags.iter().any(|t| t.eq_ignore_ascii_case(&tag));
            if !tag.is_empty() && !is_count(&tag) && new {
                tags.push(tag);
            }
        }
        tags
    };
    let page_tags = if marked.is_empty() {
        linked_tags()
    } else {
        marked
    };
    if !page_tags.is_empty() {
        article.tags = page_tags;
        note(article, "tags from the page's tag markup");
    } else if article.tags.is_empty() {
        article.tags = linked.keywords.clone();
    }
    // The site's name: what its metadata calls it, the publisher when the
    // metadata's name is not the one the address spells and the
    // publisher's is (a section named as the site: "U.S." on reuters.com),
    // else what the text said, else the page's host.
    let host = article.url.as_deref().map(site_name);
    let spells_host = |name: &str| host.as_deref().is_some_and(|h| names_host(name, h));
    let named = meta
        .meta("og:site_name")
        .map(|name| stated_site(name, article.headline.as_deref(), &spells_host));
    let publisher = linked.publisher.as_deref().map(site_name);
    let site = match (named, publisher) {
        (Some(named), Some(publisher)) if !spells_host(&named) && spells_host(&publisher) => {
            Some(publisher)
        }
        (named, publisher) => named.or(publisher),
    };
    if site.is_some() {
        article.source = site;
    } else if article.source.is_none() {
        article.source = host;
    }
    if let Some(lang) = meta
        .lang
        .as_deref()
        .and_then(|l| l.split(['-', '_']).next())
    {
        if !lang.is_empty() {
            article.language = Some(lang.to_ascii_lowercase());
        }
    }
}

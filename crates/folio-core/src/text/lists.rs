//! Lists around the story: tags, related links and side lists.
//!
//! Takes the classified lines and which of them the story already uses, and
//! gives the titled lists found in the rest: a short heading ("MORE ABOUT",
//! "HOT NEWS") followed by title lines, each maybe with a dateline. Lists
//! whose heading speaks of related stories become related links; the
//! others are side lists. A "Tags:" line gives the tags.

use crate::article::{RelatedLink, SideList};
use crate::text::classify::LineInfo;
use crate::text::form::without_bullet;
use crate::text::language::{find_caseless, mentions_any, strip_prefix_caseless};

/// Words a list heading has at most ("Most Popular Articles").
const HEADING_MAX_WORDS: usize = 5;
const HEADING_MAX_CHARS: usize = 40;
/// Words a list item (a story title) has at least.
const ITEM_MIN_WORDS: usize = 3;
/// Words a list item has at most; longer lines are teasers or prose.
const ITEM_MAX_WORDS: usize = 40;
/// Items a titled list needs to count as one.
const LIST_MIN_ITEMS: usize = 2;

/// Headings that introduce links to related stories, lower case.
const RELATED_HEADINGS: &[&str] = &[
    "more about",
    "related",
    "read more",
    "read also",
    "also read",
    "see also",
    "more on",
    "more from",
    "you may also like",
    "you might also like",
    "you may like",
    "recommended",
    "mehr zum thema",
    "ähnliche beiträge",
    "ähnliche artikel",
    "verwandte artikel",
    "verwandte beiträge",
    "lesen sie auch",
    "auch interessant",
    "das könnte sie auch interessieren",
    "weitere artikel",
    "à lire aussi",
    "lire aussi",
    "sur le même sujet",
    "lea también",
    "leia também",
    "você pode gostar",
    "você também pode gostar",
    "te puede interesar",
    "más información",
    "también te puede interesar",
    "vous aimerez aussi",
    "vous pourriez aussi aimer",
    "potrebbe interessarti",
    "relacionad",
    "czytaj także",
    "czytaj też",
    "zobacz też",
    "zobacz także",
    "читайте также",
    "читайте також",
    "по теме",
    "на тему",
    "похожие",
    "схожі",
    "leggi anche",
];

/// Headings of a recipe's ingredients, lower case: what is listed under
/// them is the story's own, not a side list, and an item may be one word.
const INGREDIENT_HEADINGS: &[&str] = &[
    "ingredients",
    "ingredient",
    "zutaten",
    "ingrédients",
    "ingredientes",
    "ingredienti",
    "składniki",
    "ингредиенты",
    "інгредієнти",
];

/// Headings of a recipe's steps, lower case: the story's own list too.
const STEP_HEADINGS: &[&str] = &[
    "directions",
    "instructions",
    "preparation",
    "method",
    "zubereitung",
    "préparation",
    "preparación",
    "elaboración",
    "modo de preparo",
    "preparazione",
    "procedimento",
    "przygotowanie",
    "приготовление",
    "приготування",
];

/// Whether `title` is one of `headings`, alone or followed by what is not
/// a word's next letter: "Zutaten:", "Ingredients (serves 4)", "Zutaten
/// für 12 Stück"; not "Rezepte nach Zutaten" or "Methodology".
fn heads_with(title: &str, headings: &[&str]) -> bool {
    let lowered = title.trim().trim_end_matches(':').to_lowercase();
    headings.iter().any(|h| {
        lowered
            .strip_prefix(h)
            .is_some_and(|rest| !rest.starts_with(char::is_alphabetic))
    })
}

/// Whether a list's title heads a recipe's ingredients or steps.
pub fn is_recipe_heading(title: &str) -> bool {
    heads_with(title, INGREDIENT_HEADINGS) || heads_with(title, STEP_HEADINGS)
}

/// A line that is a recipe's heading and nothing else ("Zutaten",
/// "Ingredients:"): a part of the recipe, never its title. ("Preparation
/// for the Olympics begins" opens with one and is a title.)
pub fn is_recipe_heading_alone(text: &str) -> bool {
    let lowered = text.trim().trim_end_matches(':').trim_end().to_lowercase();
    INGREDIENT_HEADINGS
        .iter()
        .chain(STEP_HEADINGS)
        .any(|&h| lowered == h)
}

/// Labels that open a tag line, lower case ("Tags: #kallas").
const TAG_LABELS: &[&str] = &[
    "tags",
    "tag",
    "topics",
    "keywords",
    "schlagworte",
    "schlagwörter",
    "stichworte",
    "themen",
    "étiquettes",
    "mots-clés",
    "mots clés",
    "etiquetas",
    "temas",
    "tagi",
    "tematy",
    "теги",
    "тэги",
    "мітки",
    "теми",
    "argomenti",
    "related topics",
    "verwandte themen",
    "themen in diesem artikel",
    "topics in this article",
    "filed under",
    "archivado en",
    "archiviato in",
    "arquivado em",
    "tagged",
    "tagged with",
    "getaggt mit",
];

/// A titled list found in the page, with the lines it covers.
#[derive(Debug, Clone)]
pub struct FoundList {
    pub title: String,
    /// Items with their line index and the dateline given for them.
    pub items: Vec<(usize, String, Option<String>)>,
    /// Every line the list covers (heading, items, datelines, repeats).
    pub lines: Vec<usize>,
    pub related: bool,
    /// Headed as a recipe's part (`is_recipe_heading`).
    recipe: bool,
    /// Headed as a recipe's ingredients, whose items may be one word
    /// ("Mandelsplitter").
    ingredients: bool,
}

impl FoundList {
    /// A recipe's ingredients or steps: the story's own list. Ingredients
    /// are counted out: a third of their items at least state an amount
    /// ("300 g Mehl", "1 Ei"; some pages put each amount on a line of its
    /// own under the ingredient); a site's menu under "Zutaten" states none.
    pub fn is_recipes(&self) -> bool {
        let amounts = self
            .items
            .iter()
            .filter(|(_, text, _)| text.chars().any(|c| c.is_numeric()))
            .count();
        self.recipe && (!self.ingredients || 3 * amounts >= self.items.len())
    }
}

/// What a comment thread's buttons say: never a list's heading (a thread
/// under "Antworten" is the page's furniture, not a list the story has).
const COMMENT_ACTIONS: &[&str] = &[
    "antworten",
    "reply",
    "abbrechen",
    "cancel",
    "kommentar verfassen",
    "responder",
    "répondre",
    "rispondi",
    "odpowiedz",
    "ответить",
];

fn is_heading_shaped(info: &LineInfo) -> bool {
    let title = info.text().trim().trim_end_matches(':').to_lowercase();
    (1..=HEADING_MAX_WORDS).contains(&info.words)
        && info.chars <= HEADING_MAX_CHARS
        && !info.date_only
        && info.furniture.is_none()
        && title.chars().any(char::is_alphabetic)
        && !COMMENT_ACTIONS.contains(&title.as_str())
        && !info
            .text()
            .trim_end_matches(':')
            .ends_with(['.', '!', '?', ','])
        // A form's required field ("Passwort *"), not a list's heading.
        && !info.text().trim_end().ends_with('*')
        // A picture's credit ("Foto: dahancoo / Pixabay (Symbolbild)").
        && !crate::text::structure::is_picture_credit(info.text())
}

fn is_item_shaped(info: &LineInfo) -> bool {
    (ITEM_MIN_WORDS..=ITEM_MAX_WORDS).contains(&info.words)
        && info.furniture.is_none()
        && !info.date_only
}

/// Whether a heading speaks of related stories.
pub fn is_related_heading(text: &str) -> bool {
    let lowered = text.to_lowercase();
    RELATED_HEADINGS.iter().any(|h| lowered.starts_with(h))
}

/// Headings of a box of the site's popular or other stories, lower case:
/// a side list's, not a related one's.
const POPULAR_HEADINGS: &[&str] = &[
    "most popular",
    "most read",
    "meistgelesen",
    "am meisten gelesen",
    "weitere beiträge",
    "weitere themen",
    "mehr aus",
    "mehr von",
    "more in",
    "lo más leído",
    "les plus lus",
    "najczęściej czytane",
];

/// Whether a heading opens a box of other stories: related ones ("Lesen
/// Sie auch") or the site's popular ones ("Most Popular").
pub fn heads_other_stories(text: &str) -> bool {
    let lowered = text.to_lowercase();
    RELATED_HEADINGS
        .iter()
        .chain(POPULAR_HEADINGS)
        .any(|h| lowered.starts_with(h))
}

/// The titled lists among the lines that `taken` does not mark.
pub fn find_lists(lines: &[LineInfo], taken: &[bool]) -> Vec<FoundList> {
    let mut lists = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if taken[i] || !is_heading_shaped(&lines[i]) {
            i += 1;
            continue;
        }
        let list = read_list(lines, taken, i);
        if list.items.len() >= LIST_MIN_ITEMS {
            i = list.lines.last().map_or(i + 1, |l| l + 1);
            // A menu under its own name ("Hauptmenü", "Post navigation",
            // "Sitemap") or a form's field and what follows it ("Website" /
            // "Save my name, email, and website …") is the site's
            // furniture, no list of the story's.
            if !names_navigation(&list.title) && !labels_a_form(&list.title) {
                lists.push(list);
            }
        } else {
            i += 1;
        }
    }
    lists
}

/// Whether a heading names the site's navigation: a word that is or ends
/// in "menu" ("Hauptmenü"), or holds "navigation" ("Beitrags-Navigation"),
/// or "sitemap".
pub fn names_navigation(heading: &str) -> bool {
    heading
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| {
            w.ends_with("menu") || w.ends_with("menü") || w.contains("navigation") || w == "sitemap"
        })
}

/// The labels of a page's own forms (comments, search, log-in, archive
/// pickers, skip links), lower case. ("Skip to content" and the like are
/// furniture, which no heading is.)
const FORM_LABELS: &[&str] = &[
    "website",
    "webseite",
    "e-mail",
    "email",
    "name",
    "passwort",
    "password",
    "passwort zurücksetzen",
    "reset password",
    "suche nach",
    "search for",
    "monat auswählen",
    "select month",
    "direkt zum inhalt",
    "submit",
    "absenden",
];

/// Whether a heading is a form's label ("Website", "Suche nach") or a
/// template's unfilled text ("Verbinde mit %s").
fn labels_a_form(heading: &str) -> bool {
    let label = heading.trim().trim_end_matches(':').trim().to_lowercase();
    FORM_LABELS.contains(&label.as_str()) || heading.contains("%s")
}

/// An ingredient may be a word or two ("1 Ei", "Mandelsplitter").
fn is_ingredient_shaped(info: &LineInfo) -> bool {
    (1..=ITEM_MAX_WORDS).contains(&info.words) && info.furniture.is_none() && !info.date_only
}

/// Reads the items under the heading at `heading` until the next heading,
/// furniture, a line the story uses, or the end.
fn read_list(lines: &[LineInfo], taken: &[bool], heading: usize) -> FoundList {
    let title = lines[heading]
        .text()
        .trim_end_matches(':')
        .trim()
        .to_string();
    let ingredients = heads_with(&title, INGREDIENT_HEADINGS);
    let mut list = FoundList {
        related: is_related_heading(&title),
        recipe: ingredients || heads_with(&title, STEP_HEADINGS),
        ingredients,
        title,
        items: Vec::new(),
        lines: vec![heading],
    };
    let mut pending_date: Option<String> = None;
    let mut j = heading + 1;
    while j < lines.len() && !taken[j] {
        let info = &lines[j];
        if info.date_only {
            pending_date = info.dates.first().map(|d| d.moment.iso());
            list.lines.push(j);
        } else if list.items.last().is_some_and(|(_, t, _)| t == info.text()) {
            // Lists that repeat each title (a link and its caption) keep it once.
            list.lines.push(j);
        } else if list.recipe && is_recipe_heading(info.text())
            || list.ingredients && info.text().ends_with(['.', '!', '?'])
        {
            // The recipe's next part heads a list of its own; a sentence
            // ("Like recipe? Add the ingredients to your basket.") is no
            // ingredient: what follows is the page's again.
            break;
        } else if is_item_shaped(info) || (list.ingredients && is_ingredient_shaped(info)) {
            let published = pending_date.take().or_else(|| {
                // A date written at the end of a title line: "Title 12.05.2024".
                info.dates
                    .last()
                    .filter(|d| d.end == info.text().len())
                    .map(|d| d.moment.iso())
            });
            let text = match info.dates.last() {
                Some(d) if d.end == info.text().len() && d.start > 0 => {
                    info.text()[..d.start].trim()
                }
                _ => info.text(),
            };
            list.items
                .push((j, without_bullet(text).to_string(), published));
            list.lines.push(j);
        } else {
            break;
        }
        j += 1;
    }
    // A dateline right after the last item belongs to nothing in the list.
    while list.lines.len() > 1
        && lines[*list.lines.last().unwrap_or(&0)].date_only
        && pending_date.is_some()
    {
        list.lines.pop();
        pending_date = None;
    }
    list
}

/// Related links and side lists from the found lists.
pub fn split_lists(found: &[FoundList]) -> (Vec<RelatedLink>, Vec<SideList>) {
    let mut related: Vec<RelatedLink> = Vec::new();
    let mut seen: std::collections::HashSet<&str> = std::collections::HashSet::new();
    let mut side: Vec<SideList> = Vec::new();
    // A page that sets each teaser under its own label ("EDITORS PICK",
    // ten times) has one list under that label: where each title's list
    // is, and the items it holds.
    let mut side_at: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    let mut side_items: std::collections::HashSet<(usize, &str)> = std::collections::HashSet::new();
    for list in found {
        if list.related {
            for (_, title, published) in &list.items {
                if seen.insert(title.as_str()) {
                    related.push(RelatedLink {
                        title: title.clone(),
                        published: published.clone(),
                        url: None,
                    });
                }
            }
        } else {
            let at = *side_at.entry(list.title.as_str()).or_insert_with(|| {
                side.push(SideList {
                    title: list.title.clone(),
                    items: Vec::new(),
                });
                side.len() - 1
            });
            for (_, item, _) in &list.items {
                if side_items.insert((at, item.as_str())) {
                    side[at].items.push(item.clone());
                }
            }
        }
    }
    (related, side)
}

/// Tags stated on one line: "Tags: #kallas, #EU" or "Schlagworte: Politik · EU".
/// `None` when the line is not a tag line.
pub fn tags_in_line(text: &str) -> Option<Vec<String>> {
    const MAX_TAG_LINE_CHARS: usize = 300;
    // A long line may still hold a labelled part: "Kategorien: … | Tags: a, b | …".
    const MAX_META_LINE_CHARS: usize = 1_000;
    if text.len() > MAX_TAG_LINE_CHARS {
        return (text.len() <= MAX_META_LINE_CHARS)
            .then(|| inner_tag_list(text))
            .flatten()
            .map(|rest| {
                rest.split([',', '#', '•', '·'])
                    .map(|t| t.trim().trim_end_matches('.').trim().to_string())
                    .filter(|t| !t.is_empty())
                    .collect()
            });
    }
    // A line of hashtags and nothing else: "#tattoo #Covid-19".
    let words: Vec<&str> = text.split_whitespace().collect();
    let hashtag = |w: &&str| {
        w.strip_prefix('#')
            .is_some_and(|t| t.chars().next().is_some_and(char::is_alphanumeric))
    };
    if words.len() >= 2 && words.iter().all(hashtag) {
        return Some(words.iter().map(|w| w[1..].to_string()).collect());
    }
    // Hashtags in a comma list: "#elenão, #fascismonobrasil, wahlen2018".
    let items: Vec<&str> = text.split(',').map(str::trim).collect();
    let hashed = items.iter().filter(|t| hashtag(t)).count();
    if items.len() >= 2
        && hashed * 2 >= items.len()
        && items.iter().all(|t| !t.is_empty() && !t.contains(' '))
    {
        return Some(items.iter().map(|t| tag_words(t)).collect());
    }
    // "Tags: a, b" or, without the colon, "Tags a, b, c" (a list), or the
    // label glued to its first hashtag ("Schlagworte#AlleFuersKlima");
    // "Tagged with:" before "Tagged".
    let after_label = TAG_LABELS
        .iter()
        .filter_map(|l| strip_prefix_caseless(text, l))
        .filter(|after| {
            let trimmed = after.trim_start();
            trimmed.starts_with(':')
                || after.starts_with('#')
                || after.starts_with(' ') && trimmed.contains(',') && !trimmed.contains(". ")
        })
        .min_by_key(|after| after.len());
    let rest = match after_label {
        Some(after) => after.trim_start().trim_start_matches(':'),
        None => inner_tag_list(text)?,
    };
    let tags: Vec<String> = rest
        .split([',', '#', '|', '·', '•', ';'])
        .flat_map(|t| t.split(" : "))
        .map(|t| before_comment_count(t).trim().trim_end_matches('.').trim())
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .collect();
    match tags.as_slice() {
        // One item with no separator: links set apart by wide spaces
        // ("Astronomie \u{a0} Astrophysik"), or with no space at all.
        [one] if !rest.contains('#') => Some(
            one.split("  ")
                .flat_map(|t| t.split("\u{a0} "))
                .flat_map(|t| t.split(" \u{a0}"))
                .map(str::trim)
                .filter(|t| !t.is_empty())
                .flat_map(split_run_together)
                .collect(),
        ),
        [] => None,
        _ => Some(tags),
    }
}

/// Words of the comment count or switch that a blog prints right after
/// its tags ("Silhouette 5 Kommentare", "Vook Kommentare deaktiviert").
const COMMENT_WORDS: &[&str] = &[
    "kommentar",
    "kommentare",
    "comment",
    "comments",
    "commentaire",
    "commentaires",
    "comentario",
    "comentarios",
];

/// A count beside a page's tags (comments, shares: "0", "224"): no tag,
/// where a year may be one.
pub fn is_count(text: &str) -> bool {
    const YEAR_DIGITS: usize = 4;
    text.len() < YEAR_DIGITS && !text.is_empty() && text.chars().all(|c| c.is_ascii_digit())
}

/// A tag without the comment count or switch glued after it.
fn before_comment_count(tag: &str) -> &str {
    let comment_at = tag.split_whitespace().find_map(|word| {
        let bare = word
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        COMMENT_WORDS
            .contains(&bare.as_str())
            .then(|| word.as_ptr() as usize - tag.as_ptr() as usize)
    });
    match comment_at {
        // "5 Kommentare": the count goes with them.
        Some(at) => tag[..at]
            .trim_end()
            .trim_end_matches(|c: char| c.is_ascii_digit()),
        None => tag,
    }
}

/// Labels that can only mean tags, with their colon.
const TAG_ONLY_LABELS: &[&str] = &[
    "tags:",
    "tag:",
    "tagged with:",
    "schlagworte:",
    "schlagwörter:",
    "stichworte:",
    "keywords:",
    "mots-clés :",
    "mots-clés:",
    "étiquettes :",
    "etiquetas:",
    "теги:",
];

/// Whether a line labels tags as only tags are labelled ("… | Tags: a, b").
pub fn names_its_tags(text: &str) -> bool {
    mentions_any(text, TAG_ONLY_LABELS)
}

/// Tags such a line has at least, and words each has at most.
const UNLABELLED_TAGS_MIN: usize = 4;
const UNLABELLED_TAG_MAX_WORDS: usize = 2;

/// The tags of a line that is only short words between commas: four at
/// least, none with a digit (an address, a table's cells) or an initial
/// (a list of names, "D. Bakir, C. Fröhlich"), no label, no sentence.
pub fn unlabelled_tags(text: &str) -> Option<Vec<String>> {
    let text = text.trim().trim_end_matches('.');
    let items: Vec<&str> = text.split(", ").map(str::trim).collect();
    let tag = |item: &&str| {
        (1..=UNLABELLED_TAG_MAX_WORDS).contains(&item.split_whitespace().count())
            && item
                .chars()
                .all(|c| c.is_alphabetic() || c == ' ' || c == '-')
    };
    (items.len() >= UNLABELLED_TAGS_MIN && items.iter().all(tag))
        .then(|| items.iter().map(|t| t.to_string()).collect())
}

/// Labels that open a tag list inside a line, after other words or glued to
/// them: "KategorienNotizenSchlagworteblogs, digitalisierung", "… und
/// verschlagwortet mit David Brier, Innovation", "Tagged with: bildung, Eltern".
const INNER_TAG_LABELS: &[&str] = &[
    "verschlagwortet mit",
    "getaggt mit",
    "schlagworte",
    "schlagwörter",
    "stichworte",
    "tagged with",
    "tags:",
    "mots-clés :",
    "étiquettes :",
];

/// Words a tag has at most in a list found inside a line.
const INNER_TAG_WORDS: usize = 4;

/// The tag list a line holds after an inner label: at least two items,
/// each a few words, so prose that mentions the word is left alone.
fn inner_tag_list(text: &str) -> Option<&str> {
    let label = INNER_TAG_LABELS
        .iter()
        .filter_map(|l| find_caseless(text, l))
        .min_by_key(|found| found.start)?;
    let rest = text[label.end..].trim_start_matches(':');
    // The list ends where the line's next part does ("| Permalink").
    let rest = rest.split(" | ").next().unwrap_or(rest).trim();
    let items: Vec<&str> = rest
        .split([',', '#', '•', '·'])
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .collect();
    (items.len() >= 2
        && items
            .iter()
            .all(|t| t.split_whitespace().count() <= INNER_TAG_WORDS))
    .then_some(rest)
}

/// A tag without its hash.
fn tag_words(text: &str) -> String {
    text.trim_start_matches('#').to_string()
}

/// Tags whose links the page set without a space between them
/// ("BauteileLötenReparieren"): split where a small letter meets a
/// capital, when that gives three tags at least ("WordPress", "iPhone"
/// stay whole).
pub fn split_run_together(tag: &str) -> Vec<String> {
    const MIN_PARTS: usize = 3;
    let chars: Vec<(usize, char)> = tag.char_indices().collect();
    let mut cuts = vec![0];
    for k in 1..chars.len() {
        let (at, c) = chars[k];
        let before = chars[k - 1].1;
        let next_small = chars.get(k + 1).is_some_and(|(_, n)| n.is_lowercase());
        // "inhaltLöten", and "AIArtificial" (an acronym before a word).
        if c.is_uppercase() && (before.is_lowercase() || before.is_uppercase() && next_small) {
            cuts.push(at);
        }
    }
    if cuts.len() < MIN_PARTS {
        return vec![tag.to_string()];
    }
    cuts.push(tag.len());
    cuts.windows(2)
        .map(|w| tag[w[0]..w[1]].trim().to_string())
        .filter(|t| !t.is_empty())
        .collect()
}

/// A line that is one hashtag and nothing else ("#Bitcoin"): the tag.
pub fn lone_hashtag(text: &str) -> Option<&str> {
    let tag = text.trim().strip_prefix('#')?;
    (tag.chars().next().is_some_and(char::is_alphanumeric) && !tag.contains(char::is_whitespace))
        .then_some(tag)
}

/// A line that is only a tag label ("Tags", "Themen:"), whose tags follow
/// on the next short lines.
pub fn is_tag_heading(text: &str) -> bool {
    let lowered = text.to_lowercase();
    let bare = lowered.trim_end_matches(':').trim();
    TAG_LABELS.contains(&bare)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_recipe_heading_alone_on_its_line() {
        for heading in ["Zutaten", "Ingredients:", "ZUBEREITUNG", "Modo de preparo"] {
            assert!(is_recipe_heading_alone(heading), "{heading}");
        }
        // A title opening with one, a heading that says more.
        for title in [
            "Preparation for the Olympics begins",
            "Zutaten für 12 Stück",
            "Methodology",
        ] {
            assert!(!is_recipe_heading_alone(title), "{title}");
        }
    }

    #[test]
    fn lists_under_one_label_are_one_side_list() {
        let list = |title: &str, items: &[&str]| FoundList {
            title: title.to_string(),
            items: items.iter().map(|t| (0, t.to_string(), None)).collect(),
            lines: Vec::new(),
            related: false,
            recipe: false,
            ingredients: false,
        };
        let found = [
            list(
                "EDITORS PICK",
                &["Port staff off the job", "Five more COVID cases"],
            ),
            list("NEWS", &["Ministry getting all gear"]),
            list(
                "EDITORS PICK",
                &[
                    "Temporary road around Bawdens bridge",
                    "Five more COVID cases",
                ],
            ),
        ];
        let (_, side) = split_lists(&found);
        let shown: Vec<(&str, usize)> = side
            .iter()
            .map(|l| (l.title.as_str(), l.items.len()))
            .collect();
        assert_eq!(shown, [("EDITORS PICK", 3), ("NEWS", 1)]);
    }

    #[test]
    fn a_menu_under_its_own_name_is_no_list() {
        let text = "Website\nSave my name, email, and website in this browser for the next time I comment.\nThis site uses Akismet to reduce spam.\nPost navigation\nPrevious post: The council meets again\nNext post: The library opens its doors\nRelated\nThe council votes on the library budget\nReaders protest outside the town hall\nHauptmenü\nUnsere Aufgaben und Ziele\nStellenangebote beim Amt heute\n";
        let infos = crate::text::classify::classify(&crate::text::lines::split_lines(text), None);
        let titles: Vec<String> = find_lists(&infos, &vec![false; infos.len()])
            .into_iter()
            .map(|l| l.title)
            .collect();
        assert_eq!(titles, ["Related"]);
        assert!(names_navigation("Beitrags-Navigation"));
        assert!(labels_a_form("Website"));
        assert!(labels_a_form("Verbinde mit %s"));
        assert!(!labels_a_form("Websites we like"));
        assert!(!names_navigation("Menschen im Mittelpunkt"));
    }

    #[test]
    fn a_forms_required_field_heads_no_list() {
        let lines = crate::text::lines::split_lines(
            "Passwort *\nMost Popular\nFoto: dahancoo / Pixabay (Symbolbild)",
        );
        let infos = crate::text::classify::classify(&lines, None);
        assert!(!is_heading_shaped(&infos[0]));
        assert!(is_heading_shaped(&infos[1]));
        // Nor does a picture's credit.
        assert!(!is_heading_shaped(&infos[2]));
    }

    #[test]
    fn a_line_of_hashtags_is_tags() {
        assert_eq!(
            tags_in_line("#tattoo #Covid-19"),
            Some(vec!["tattoo".to_string(), "Covid-19".to_string()])
        );
        assert_eq!(tags_in_line("#1 hit"), None);
        assert_eq!(tags_in_line("## Heading"), None);
        assert_eq!(tags_in_line("#only"), None);
    }

    #[test]
    fn tag_lists_inside_lines_and_run_together() {
        let cases: &[(&str, &[&str])] = &[
            (
                "KategorienNotizenSchlagworteblogs, digitalisierung, internet",
                &["blogs", "digitalisierung", "internet"],
            ),
            (
                "Dieser Eintrag wurde veröffentlicht in Innovation und verschlagwortet mit David Brier, Innovation, Steve Jobs.",
                &["David Brier", "Innovation", "Steve Jobs"],
            ),
            ("Schlagworte#AlleFuersKlima • #nichtMeinErbe", &["AlleFuersKlima", "nichtMeinErbe"]),
            (
                "#elenão, #fascismonobrasil, wahlen2018",
                &["elenão", "fascismonobrasil", "wahlen2018"],
            ),
            ("Schlagworte: BauteileLötenReparieren", &["Bauteile", "Löten", "Reparieren"]),
            (
                "Tags: Astronomie \u{a0} Astrophysik \u{a0} Sterne",
                &["Astronomie", "Astrophysik", "Sterne"],
            ),
            // A comment count after the last tag is not a tag.
            (
                "Tagged with: Abendhimmel, Gegenlicht, Silhouette 5 Kommentare",
                &["Abendhimmel", "Gegenlicht", "Silhouette"],
            ),
            // Names with capitals inside stay whole; so do tags in a real list.
            ("Tags: WordPress", &["WordPress"]),
            ("Tags: FUTUREofHOPE, Island", &["FUTUREofHOPE", "Island"]),
            ("Tags: SS14, legend 3", &["SS14", "legend 3"]),
        ];
        for (line, want) in cases {
            assert_eq!(tags_in_line(line).unwrap_or_default(), *want, "{line}");
        }
        // Prose that mentions tagging is no tag list.
        assert_eq!(
            tags_in_line(
                "He was tagged with a tracker after the long and careful study of his route"
            ),
            None
        );
    }

    #[test]
    fn a_label_in_rare_letters_is_cut_where_it_ends() {
        // The Kelvin sign's lower case is one byte where it is three.
        assert_eq!(
            tags_in_line("\u{212a}eywords: alpha, beta"),
            Some(vec!["alpha".to_string(), "beta".to_string()])
        );
        assert_eq!(
            tags_in_line("Filed under \u{212a}ings, Queens"),
            Some(vec!["\u{212a}ings".to_string(), "Queens".to_string()])
        );
    }

    #[test]
    fn tag_lines() {
        assert_eq!(
            tags_in_line("Tags: #kallas"),
            Some(vec!["kallas".to_string()])
        );
        assert_eq!(
            tags_in_line("Schlagworte: Politik · EU"),
            Some(vec!["Politik".to_string(), "EU".to_string()])
        );
        assert_eq!(tags_in_line("Tagesschau am Abend"), None);
        // WordPress in German: "Tagged with".
        assert_eq!(
            tags_in_line("Getaggt mit: Grundeinkommen, BGE, Österreich"),
            Some(vec![
                "Grundeinkommen".into(),
                "BGE".into(),
                "Österreich".into()
            ])
        );
        assert_eq!(
            tags_in_line("Tags biggest, history, laundering"),
            Some(vec![
                "biggest".into(),
                "history".into(),
                "laundering".into()
            ])
        );
        assert_eq!(
            tags_in_line("Tags were handed out, one each. Then we left"),
            None
        );
        assert_eq!(
            tags_in_line("Schlagwörter: Christopher Dallman : Joshua Pohja"),
            Some(vec!["Christopher Dallman".into(), "Joshua Pohja".into()])
        );
        assert!(is_tag_heading("Related Topics"));
    }
}

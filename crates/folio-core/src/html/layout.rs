//! Where the story sits in a saved page's structure.
//!
//! Takes the page's block elements as the HTML reader meets them (opened,
//! closed, and the visible text and link text each holds) and gives, for
//! each line of the page's text, whether it lies inside the page's main
//! content container. The container is found the way Readability.js finds
//! it: every paragraph of running text scores its ancestors (more for
//! commas and length, less the further up), class and id names such as
//! `article-body` or `sidebar` weigh in, link-heavy containers are
//! discounted, close runners-up under one ancestor make that ancestor the
//! container, an ancestor holding much more of the story (a story split
//! over fields or cards) takes its place, and the container takes its
//! siblings that score near it and the lead set above it in the header.
//! Containers named like furniture are skipped (unless that leaves too
//! little), captions are never the story, and boxes inside it with few
//! commas and much link text are dropped (Readability's conditional clean).
//! Which lines count as paragraphs is the text model's call, so a menu of
//! long link titles scores nothing.
//!
//! Only block elements are tracked, so a line's container is the innermost
//! block around its text. Elements whose end tag never comes (`<p>` and
//! `<li>` may omit theirs) are closed when an ancestor closes, and an open
//! `<p>` closes when another block starts, as HTML's tree builder does.

use std::collections::{HashMap, HashSet};

use crate::text::classify::ends_like_sentence;
use crate::text::lists::is_related_heading;
use crate::text::parse::Layout;

/// No container: text outside every tracked block.
const ROOT: usize = usize::MAX;

/// Visible characters a paragraph needs before it scores its ancestors.
const MIN_PARAGRAPH_CHARS: usize = 25;
/// Ancestors a paragraph's score reaches.
const SCORED_ANCESTORS: usize = 5;
/// Points a paragraph earns per 100 characters, at most.
const MAX_LENGTH_POINTS: f32 = 3.0;
/// Weight of a class or id name that marks content or furniture.
const CLASS_WEIGHT: f32 = 25.0;
/// A sibling joins the main container when it scores this share of it…
const SIBLING_SHARE: f32 = 0.2;
/// …and at least this much.
const SIBLING_MIN_SCORE: f32 = 10.0;
/// Candidates compared when the best one may be part of a bigger whole.
const TOP_CANDIDATES: usize = 5;
/// Share of the best score a candidate needs to count in that comparison.
const CLOSE_CANDIDATE_SHARE: f32 = 0.75;
/// Close candidates that must share an ancestor for it to become the best.
const CLOSE_CANDIDATES_TO_MERGE: usize = 3;
/// A paragraph sibling with this many characters and little link text joins.
const SIBLING_PARAGRAPH_CHARS: usize = 80;
/// Link share under which a long paragraph sibling joins.
const SIBLING_PARAGRAPH_MAX_LINKS: f32 = 0.25;
/// Visible characters below which the main content is looked for again
/// with the unlikely containers put back.
const MIN_MAIN_CHARS: usize = 500;

/// Ancestors of the best container looked at for one that holds the whole
/// story (a story split over a content system's fields or cards)…
const STORY_LEVELS: usize = 3;
/// …which it does when it holds this many times the container's story…
const STORY_GROWTH: f32 = 1.5;
/// …unless one step up multiplies the story by more than this (the step
/// took in comments or other stories, not the rest of this one)…
const STORY_STEP_MAX: f32 = 4.0;
/// …or it is this link-heavy.
const STORY_MAX_LINKS: f32 = 0.3;
/// Lines of other things (a byline, a date, a picture) a lead may stand
/// above the story's container.
const LEAD_GAP: usize = 6;
/// A lead is a sentence of at least this many words…
const LEAD_MIN_WORDS: usize = 8;
/// …and characters…
const LEAD_MIN_CHARS: usize = 50;
/// …in an element with at most this share of link text.
const LEAD_MAX_LINKS: f32 = 0.2;

/// Parts of class names of a story's lead: standfirst, deck, intro.
const LEAD_NAMES: &[&str] = &[
    "lead",
    "intro",
    "deck",
    "excerpt",
    "standfirst",
    "subtitle",
    "subheadline",
    "summary",
    "teaser",
    "sapo",
    "chapo",
    "bajada",
    "entradilla",
];

/// Boxes inside the main content that may still be furniture.
const CLEANED_TAGS: &[&str] = &[
    "div", "ul", "ol", "table", "form", "section", "aside", "fieldset", "dl",
];
/// A box with this many commas holds prose and stays.
const CLEAN_MAX_COMMAS: usize = 10;
/// Share of the container's story points an element holds to be the
/// story's own box, never cleaned.
const STORY_BOX_SHARE: f32 = 0.5;
/// Link share above which a box inside the main content is furniture…
const BOX_MAX_LINKS: f32 = 0.2;
/// …or, when its names say it is content, this share.
const CONTENT_MAX_LINKS: f32 = 0.5;

/// Parts of class and id names that mark the story's container
/// (`article-body`, `entry-content`, `story`).
const POSITIVE_NAMES: &[&str] = &[
    "article",
    "body",
    "content",
    "entry",
    "hentry",
    "h-entry",
    "main",
    "page",
    "pagination",
    "post",
    "text",
    "blog",
    "story",
];

/// Parts of class and id names that mark furniture (`sidebar`,
/// `related-posts`, `comment-list`, `share-tools`).
const NEGATIVE_NAMES: &[&str] = &[
    "-ad-",
    "banner",
    "combx",
    "comment",
    "com-",
    "contact",
    "footer",
    "gdpr",
    "masthead",
    "media",
    "meta",
    "outbrain",
    "promo",
    "related",
    "scroll",
    "share",
    "shoutbox",
    "sidebar",
    "skyscraper",
    "sponsor",
    "shopping",
    "tags",
    "widget",
];

/// Parts of class and id names of containers that are almost never the
/// story (`site-header`, `breadcrumbs`, `social-links`)…
const UNLIKELY_NAMES: &[&str] = &[
    "-ad-",
    "ai2html",
    "banner",
    "breadcrumbs",
    "combx",
    "comment",
    "community",
    "cover-wrap",
    "disqus",
    "extra",
    "footer",
    "gdpr",
    "header",
    "legends",
    "menu",
    "related",
    "remark",
    "replies",
    "rss",
    "shoutbox",
    "sidebar",
    "skyscraper",
    "social",
    "sponsor",
    "supplemental",
    "ad-break",
    "agegate",
    "pagination",
    "pager",
    "popup",
    "yom-remote",
];

/// …unless they also say this (`main-column`, `article-header`).
const MAYBE_NAMES: &[&str] = &[
    "and", "article", "body", "column", "content", "main", "mathjax", "shadow",
];

/// ARIA roles of containers that are not the story.
const UNLIKELY_ROLES: &[&str] = &[
    "menu",
    "menubar",
    "complementary",
    "navigation",
    "alert",
    "alertdialog",
    "dialog",
];

/// Tags whose text scores the containers around it as a paragraph: those
/// Readability scores, and list items (a recipe's steps, minutes' points:
/// a story told as a list has no other running text).
const SCORED_TAGS: &[&str] = &[
    "li",
    "p",
    "td",
    "pre",
    "div",
    "section",
    "article",
    "main",
    "blockquote",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
];

/// What the page says of a block element in its start tag.
#[derive(Debug, Default, Clone, Copy)]
pub struct StartTag<'a> {
    pub name: &'a str,
    pub class: &'a str,
    pub id: &'a str,
    pub role: &'a str,
}

#[derive(Debug, Clone)]
struct Node {
    parent: usize,
    tag: String,
    class: String,
    /// What the tag and its class and id names say before any text is seen.
    prior: f32,
    /// What its class and id names alone say.
    names: f32,
    /// Its names say it is almost never the story.
    unlikely: bool,
    /// Block children.
    children: usize,
    /// Visible characters in the element and its descendants, and how many
    /// of them are link text.
    chars: usize,
    link_chars: usize,
}

/// The page's block elements as the reader meets them, kept in creation
/// order (a parent always comes before its children).
#[derive(Debug, Default)]
pub struct BlockTree {
    nodes: Vec<Node>,
    open: Vec<usize>,
    /// The innermost open block when each line got its first text.
    line_node: Vec<usize>,
    /// The line whose text comes next.
    line: usize,
}

/// What a block element's tag says of it before its text is read.
fn tag_prior(tag: &str) -> f32 {
    match tag {
        "div" => 5.0,
        "pre" | "td" | "blockquote" => 3.0,
        "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
        _ => 0.0,
    }
}

/// What a class or id name says of its element: `entry-content` +25,
/// `sidebar` −25, `comment-body` both.
fn name_weight(name: &str) -> f32 {
    let name = name.to_ascii_lowercase();
    let mut weight = 0.0;
    if NEGATIVE_NAMES.iter().any(|n| name.contains(n)) {
        weight -= CLASS_WEIGHT;
    }
    if POSITIVE_NAMES.iter().any(|n| name.contains(n)) {
        weight += CLASS_WEIGHT;
    }
    weight
}

/// Whether a start tag marks a container that is almost never the story:
/// `<div class="site-header">`, `<ul role="navigation">`.
fn is_unlikely(tag: &StartTag) -> bool {
    let names = format!("{} {}", tag.class, tag.id).to_ascii_lowercase();
    let by_name = UNLIKELY_NAMES.iter().any(|n| names.contains(n))
        && !MAYBE_NAMES.iter().any(|n| names.contains(n));
    let role = tag.role.trim().to_ascii_lowercase();
    by_name || UNLIKELY_ROLES.contains(&role.as_str())
}

impl BlockTree {
    /// A block element starts; returns its id for [`BlockTree::close`].
    pub fn open(&mut self, tag: StartTag) -> usize {
        // A block start closes an open paragraph.
        if self
            .open
            .last()
            .is_some_and(|&top| self.nodes[top].tag == "p")
        {
            self.open.pop();
        }
        let id = self.nodes.len();
        let parent = self.open.last().copied().unwrap_or(ROOT);
        if parent != ROOT {
            self.nodes[parent].children += 1;
        }
        self.nodes.push(Node {
            parent,
            tag: tag.name.to_string(),
            class: tag.class.trim().to_string(),
            prior: tag_prior(tag.name) + name_weight(tag.class) + name_weight(tag.id),
            names: name_weight(tag.class) + name_weight(tag.id),
            unlikely: is_unlikely(&tag),
            children: 0,
            chars: 0,
            link_chars: 0,
        });
        self.open.push(id);
        id
    }

    /// The element `id` ends, and with it every element opened inside it
    /// that never got its own end tag.
    pub fn close(&mut self, id: usize) {
        if let Some(at) = self.open.iter().rposition(|&n| n == id) {
            self.open.truncate(at);
        }
    }

    /// The text moves on to line `line` (0-based).
    pub fn set_line(&mut self, line: usize) {
        self.line = line;
    }

    /// Visible text: `chars` non-space characters, `linked` of them in links.
    pub fn text(&mut self, chars: usize, linked: usize) {
        if chars == 0 {
            return;
        }
        let node = self.open.last().copied().unwrap_or(ROOT);
        if self.line_node.len() <= self.line {
            self.line_node.resize(self.line + 1, ROOT);
        }
        if self.line_node[self.line] == ROOT {
            self.line_node[self.line] = node;
        }
        if node != ROOT {
            self.nodes[node].chars += chars;
            self.nodes[node].link_chars += linked;
        }
    }

    /// The tree as the page's finished text sees it.
    pub fn finish(mut self) -> PageLayout {
        for i in (0..self.nodes.len()).rev() {
            let parent = self.nodes[i].parent;
            if parent != ROOT {
                self.nodes[parent].chars += self.nodes[i].chars;
                self.nodes[parent].link_chars += self.nodes[i].link_chars;
            }
        }
        PageLayout {
            nodes: self.nodes,
            line_node: self.line_node,
        }
    }
}

/// The page's block elements with the text each holds, and which element
/// holds each line of the page's text.
#[derive(Debug, Default, Clone)]
pub struct PageLayout {
    nodes: Vec<Node>,
    line_node: Vec<usize>,
}

impl PageLayout {
    /// The element that holds line `line` (0-based), if any.
    fn node_of(&self, line: usize) -> usize {
        self.line_node.get(line).copied().unwrap_or(ROOT)
    }

    /// The tags and classes of the elements around line `line` (0-based),
    /// innermost first: what the line sits in, for tools that explain.
    pub fn path(&self, line: usize) -> Vec<(&str, &str)> {
        let node = self.node_of(line);
        if node == ROOT {
            return Vec::new();
        }
        std::iter::once(node)
            .chain(self.ancestors(node))
            .map(|n| (self.nodes[n].tag.as_str(), self.nodes[n].class.as_str()))
            .collect()
    }

    fn ancestors(&self, node: usize) -> impl Iterator<Item = usize> + '_ {
        std::iter::successors(Some(self.nodes[node].parent), |&n| {
            (n != ROOT).then(|| self.nodes[n].parent)
        })
        .take_while(|&n| n != ROOT)
    }

    /// The main content container, found as Readability.js finds it, from
    /// the page's `lines` (0-based) and `story[i]`, whether the text model
    /// reads line `i` as story. Gives, for each line, whether it lies
    /// inside; `None` when no line of running text scored any element.
    pub fn main_container(&self, lines: &[&str], story: &[bool]) -> Option<Vec<bool>> {
        let strict = self.container(lines, story, true)?;
        let chars: usize = lines
            .iter()
            .zip(&strict)
            .filter(|(_, &inside)| inside)
            .map(|(l, _)| l.chars().count())
            .sum();
        let mut inside = if chars >= MIN_MAIN_CHARS {
            strict
        } else {
            self.container(lines, story, false).unwrap_or(strict)
        };
        self.take_the_lead(lines, story, &mut inside);
        self.leave_out_related(lines, story, &mut inside);
        Some(inside)
    }

    /// The story's lead (standfirst, deck, intro) set above its container,
    /// in the header beside the headline: the sentences of running text
    /// between the container and the `<h1>` above it join the story, as
    /// they do when the page is read as text. Bylines, dates and pictures
    /// may stand between; captions are not leads.
    fn take_the_lead(&self, lines: &[&str], story: &[bool], inside: &mut [bool]) {
        let Some(first) = inside.iter().position(|&i| i) else {
            return;
        };
        let out = self.ruled_out(true);
        let shown = self.ruled_out(false);
        // A copy of a line the story holds is a teaser of it, not its lead.
        let story_lines: HashSet<&str> = (first..lines.len())
            .filter(|&i| inside[i])
            .map(|i| lines[i].trim())
            .collect();
        let mut gap = 0;
        for i in (0..first).rev() {
            let line = lines[i].trim();
            if line.is_empty() {
                continue;
            }
            let node = self.node_of(i);
            if node != ROOT && self.nodes[node].tag == "h1" {
                break;
            }
            // A header is unlikely to hold the story, but an element
            // named as its lead there is the lead ("article-header__lead").
            let lead = node != ROOT
                && story.get(i).copied().unwrap_or(false)
                && (!out[node] || (!shown[node] && self.named_as_lead(node)))
                && !self.in_caption(node)
                && link_density(&self.nodes[node]) <= LEAD_MAX_LINKS
                && is_lead_sentence(line)
                && !story_lines.contains(line);
            if lead {
                inside[i] = true;
                gap = 0;
            } else {
                gap += 1;
                if gap > LEAD_GAP {
                    break;
                }
            }
        }
    }

    /// Whether the element is named as a story's lead
    /// (`article-header__lead`, `c-article-head__subtitle`), or its parent
    /// is when it has no name of its own (`entry-excerpt` > `p`).
    fn named_as_lead(&self, node: usize) -> bool {
        let parent = self.nodes[node].parent;
        self.named(node, LEAD_NAMES)
            || (self.nodes[node].class.trim().is_empty()
                && parent != ROOT
                && self.named(parent, LEAD_NAMES))
    }

    /// Whether an element's class names hold one of `names`.
    fn named(&self, node: usize, names: &[&str]) -> bool {
        let class = self.nodes[node].class.to_ascii_lowercase();
        names.iter().any(|name| class.contains(name))
    }

    /// Whether the element or one of its near ancestors is named a caption
    /// (`<div class="caption">`: what `<figcaption>` is, written by hand).
    fn in_caption(&self, node: usize) -> bool {
        std::iter::once(node)
            .chain(self.ancestors(node))
            .take(3)
            .any(|n| self.named(n, &["caption"]))
    }

    /// A heading that speaks of related stories ("You
    /// may also like", "Lesen Sie auch") after the story has begun opens a
    /// box of other stories' teasers: the largest box around it that holds
    /// none of the story before it is left out, heading and all. The story
    /// goes on after a box of links set in its middle.
    fn leave_out_related(&self, lines: &[&str], story: &[bool], inside: &mut [bool]) {
        // One pass, each line's ancestors walked once: linear in the page
        // however many such headings it has.
        let mut before = HashSet::new();
        let mut boxes = HashSet::new();
        for (i, line) in lines.iter().enumerate() {
            let node = self.node_of(i);
            if node == ROOT {
                continue;
            }
            let mut around = std::iter::once(node).chain(self.ancestors(node));
            if !boxes.is_empty() && around.any(|n| boxes.contains(&n)) {
                inside[i] = false;
                continue;
            }
            let heading = matches!(
                self.nodes[node].tag.as_str(),
                "h2" | "h3" | "h4" | "h5" | "h6"
            );
            if heading && !before.is_empty() && is_related_heading(line.trim()) {
                let boxed = self
                    .ancestors(node)
                    .take_while(|up| !before.contains(up))
                    .last()
                    .unwrap_or(node);
                boxes.insert(boxed);
                inside[i] = false;
                continue;
            }
            if inside[i] && story.get(i).copied().unwrap_or(false) {
                before.insert(node);
                before.extend(self.ancestors(node));
            }
        }
    }

    fn container(&self, lines: &[&str], story: &[bool], strict: bool) -> Option<Vec<bool>> {
        let out = self.ruled_out(strict);
        let mut scores = self.score_paragraphs(lines, story, &out);
        let top = self.top_candidate(&scores.score)?;
        let commas = self.commas(lines);
        let top = self.holding_the_story(top, &scores.held, &commas, &out);
        let chosen = self.with_siblings(top, &scores, &out);
        let inside = self.cleaned(top, &chosen, &commas, &mut scores.held, &out);
        Some(
            (0..lines.len())
                .map(|i| {
                    let n = self.node_of(i);
                    n != ROOT && inside[n]
                })
                .collect(),
        )
    }

    /// Elements out of the running: inside an unlikely container (when
    /// `strict`), and captions, which are not the story's text.
    fn ruled_out(&self, strict: bool) -> Vec<bool> {
        let mut out = vec![false; self.nodes.len()];
        for i in 0..self.nodes.len() {
            let node = &self.nodes[i];
            out[i] = (strict && node.unlikely)
                || matches!(node.tag.as_str(), "figure" | "figcaption")
                || (node.parent != ROOT && out[node.parent]);
        }
        out
    }

    /// Every paragraph of the story scores its ancestors (more for commas
    /// and length, less the further up); link-heavy elements are
    /// discounted.
    fn score_paragraphs(&self, lines: &[&str], story: &[bool], out: &[bool]) -> Scores {
        let count = self.nodes.len();
        let mut scores = Scores {
            score: vec![None; count],
            held: vec![0.0; count],
            sentence: vec![false; count],
        };
        for (i, line) in lines.iter().enumerate() {
            let node = self.node_of(i);
            if node == ROOT || out[node] {
                continue;
            }
            if line.contains(". ") || line.ends_with('.') {
                scores.sentence[node] = true;
            }
            if !story.get(i).copied().unwrap_or(false)
                || !SCORED_TAGS.contains(&self.nodes[node].tag.as_str())
                || line.chars().count() < MIN_PARAGRAPH_CHARS
            {
                continue;
            }
            let points = paragraph_points(line);
            scores.held[node] += points;
            for (level, ancestor) in self.ancestors(node).take(SCORED_ANCESTORS).enumerate() {
                let divider = match level {
                    0 => 1.0,
                    1 => 2.0,
                    _ => level as f32 * 3.0,
                };
                let prior = self.nodes[ancestor].prior;
                *scores.score[ancestor].get_or_insert(prior) += points / divider;
            }
        }
        for (i, s) in scores.score.iter_mut().enumerate() {
            if let Some(s) = s {
                *s *= 1.0 - link_density(&self.nodes[i]);
            }
        }
        scores
    }

    /// The best-scoring element, or the ancestor that holds the close
    /// runners-up (the story split in parts, each paragraph in a card of
    /// its own), or a parent that scores more than it; an only child
    /// stands for its parent.
    fn top_candidate(&self, score: &[Option<f32>]) -> Option<usize> {
        let mut candidates: Vec<usize> = (0..score.len()).filter(|&i| score[i].is_some()).collect();
        candidates.sort_by(|&a, &b| score[b].unwrap_or(0.0).total_cmp(&score[a].unwrap_or(0.0)));
        candidates.truncate(TOP_CANDIDATES);
        let mut top = *candidates.first()?;
        let top_score = score[top].unwrap_or(0.0);
        let close: Vec<usize> = candidates[1..]
            .iter()
            .copied()
            .filter(|&c| score[c].unwrap_or(0.0) >= top_score * CLOSE_CANDIDATE_SHARE)
            .collect();
        if close.len() >= CLOSE_CANDIDATES_TO_MERGE {
            // How many close candidates each element holds (a walk up from
            // each, so deep pages stay linear).
            let mut holds: HashMap<usize, usize> = HashMap::new();
            for &c in &close {
                for a in self.ancestors(c) {
                    *holds.entry(a).or_default() += 1;
                }
            }
            if let Some(shared) = self
                .ancestors(top)
                .find(|a| holds.get(a).copied().unwrap_or(0) >= CLOSE_CANDIDATES_TO_MERGE)
            {
                top = shared;
            }
        }
        // A parent that scores more than its child holds more of the story.
        let mut last = score[top].unwrap_or(self.nodes[top].prior);
        let floor = last / 3.0;
        for parent in self.ancestors(top).collect::<Vec<_>>() {
            let Some(parent_score) = score[parent] else {
                continue;
            };
            if parent_score < floor {
                break;
            }
            if parent_score > last {
                top = parent;
                break;
            }
            last = parent_score;
        }
        while self.nodes[top].parent != ROOT && self.nodes[self.nodes[top].parent].children == 1 {
            top = self.nodes[top].parent;
        }
        Some(top)
    }

    /// The ancestor of the best container that holds the whole story when
    /// the container holds a part (a content system's body field beside
    /// its paragraph fields, a story in cards): the highest of the next
    /// few that holds half as much story again, counting paragraphs of
    /// running text only (not list items, not boxes of links). The walk
    /// stops at an element holding two or more posts (a blog's list, an
    /// endless page of stories), at a link-heavy one, and where one step
    /// multiplies the story (comments below it, not more of it).
    fn holding_the_story(&self, top: usize, held: &[f32], commas: &[usize], out: &[bool]) -> usize {
        let count = self.nodes.len();
        let mut story: Vec<f32> = self
            .nodes
            .iter()
            .zip(held)
            .map(|(node, &points)| if node.tag == "li" { 0.0 } else { points })
            .collect();
        let mut posts = vec![0usize; count];
        for i in (0..count).rev() {
            let node = &self.nodes[i];
            if node.parent == ROOT {
                continue;
            }
            if !out[i] && !self.looks_like_furniture(i, commas[i]) {
                story[node.parent] += story[i];
            }
            if posts[i] > 0 || is_post(node) {
                posts[node.parent] += 1;
            }
        }
        let mut best = top;
        let mut below = top;
        for up in self.ancestors(top).take(STORY_LEVELS) {
            if out[up]
                || posts[up] >= 2
                || link_density(&self.nodes[up]) > STORY_MAX_LINKS
                || story[up] > story[below] * STORY_STEP_MAX
            {
                break;
            }
            if story[up] >= story[best] * STORY_GROWTH {
                best = up;
            }
            below = up;
        }
        best
    }

    /// The container and its siblings that score near it, or read as
    /// paragraphs.
    fn with_siblings(&self, top: usize, scores: &Scores, out: &[bool]) -> Vec<bool> {
        let score = &scores.score;
        let best = score[top].unwrap_or(self.nodes[top].prior);
        let threshold = (best * SIBLING_SHARE).max(SIBLING_MIN_SCORE);
        let parent = self.nodes[top].parent;
        let mut chosen = vec![false; self.nodes.len()];
        for i in 0..self.nodes.len() {
            if self.nodes[i].parent != parent || out[i] {
                continue;
            }
            let node = &self.nodes[i];
            let bonus = if !node.class.is_empty() && node.class == self.nodes[top].class {
                best * SIBLING_SHARE
            } else {
                0.0
            };
            let density = link_density(node);
            chosen[i] = i == top
                || score[i].is_some_and(|s| s + bonus >= threshold)
                || (node.tag == "p"
                    && ((node.chars > SIBLING_PARAGRAPH_CHARS
                        && density < SIBLING_PARAGRAPH_MAX_LINKS)
                        || (node.chars <= SIBLING_PARAGRAPH_CHARS
                            && node.chars > 0
                            && density == 0.0
                            && scores.sentence[i])));
        }
        chosen
    }

    /// Every element inside the chosen ones, less the boxes that look like
    /// furniture (Readability's conditional clean). An element that holds
    /// most of the container's story text (`held`, rolled up here) is the
    /// story's box whatever its links (share buttons, tags, a byline's
    /// links around a short story): never cleaned away.
    fn cleaned(
        &self,
        top: usize,
        chosen: &[bool],
        commas: &[usize],
        held: &mut [f32],
        out: &[bool],
    ) -> Vec<bool> {
        let count = self.nodes.len();
        for i in (0..count).rev() {
            let parent = self.nodes[i].parent;
            if parent != ROOT {
                held[parent] += held[i];
            }
        }
        let most_of_story = held[top] * STORY_BOX_SHARE;
        let mut inside = vec![false; count];
        for i in 0..count {
            let up = self.nodes[i].parent;
            let within = up != ROOT && inside[up];
            let furniture =
                within && held[i] <= most_of_story && self.looks_like_furniture(i, commas[i]);
            inside[i] = !out[i] && !furniture && (chosen[i] || within);
        }
        inside
    }
}

/// What the story's paragraphs gave each element.
struct Scores {
    /// Points from the paragraphs it holds and those below (near ones
    /// count more); `None` for an element no paragraph scored.
    score: Vec<Option<f32>>,
    /// Points of the story's paragraphs the element holds itself.
    held: Vec<f32>,
    /// Whether any of its own lines reads as a sentence.
    sentence: Vec<bool>,
}

impl PageLayout {
    /// The commas of each element's text and its descendants'.
    fn commas(&self, lines: &[&str]) -> Vec<usize> {
        let mut commas = vec![0usize; self.nodes.len()];
        for (i, line) in lines.iter().enumerate() {
            let node = self.node_of(i);
            if node != ROOT {
                commas[node] += comma_count(line);
            }
        }
        for i in (0..self.nodes.len()).rev() {
            let parent = self.nodes[i].parent;
            if parent != ROOT {
                commas[parent] += commas[i];
            }
        }
        commas
    }

    /// Whether an element inside the main content is furniture after all,
    /// as Readability's conditional clean judges it: a box with few commas
    /// and much link text ("Read more" boxes, tag lists, teasers), unless
    /// its names say it is content and the links are under half of it.
    fn looks_like_furniture(&self, i: usize, commas: usize) -> bool {
        let node = &self.nodes[i];
        if !CLEANED_TAGS.contains(&node.tag.as_str()) || commas >= CLEAN_MAX_COMMAS {
            return false;
        }
        let list = matches!(node.tag.as_str(), "ul" | "ol");
        let density = link_density(node);
        if node.names >= CLASS_WEIGHT {
            density > CONTENT_MAX_LINKS
        } else {
            !list && density > BOX_MAX_LINKS
        }
    }
}

/// Whether an element is one post or story of its own: an `<article>`,
/// or marked `hentry` / `h-entry` (microformats).
fn is_post(node: &Node) -> bool {
    node.tag == "article"
        || node
            .class
            .split_whitespace()
            .any(|c| c.eq_ignore_ascii_case("hentry") || c.eq_ignore_ascii_case("h-entry"))
}

/// Whether a line reads as a lead: a sentence of some length, not a
/// label, byline or date.
fn is_lead_sentence(line: &str) -> bool {
    (ends_like_sentence(line) || line.contains(". "))
        && line.split_whitespace().count() >= LEAD_MIN_WORDS
        && line.chars().count() >= LEAD_MIN_CHARS
}

/// Share of an element's visible characters that are link text.
fn link_density(node: &Node) -> f32 {
    if node.chars == 0 {
        0.0
    } else {
        node.link_chars as f32 / node.chars as f32
    }
}

/// Commas, Latin and East Asian.
fn comma_count(line: &str) -> usize {
    line.chars()
        .filter(|c| matches!(c, ',' | '，' | '、'))
        .count()
}

/// What a paragraph of running text adds to its containers: one point, one
/// per comma, one per hundred characters up to three.
fn paragraph_points(line: &str) -> f32 {
    let commas = comma_count(line);
    let length = (line.chars().count() / 100) as f32;
    1.0 + commas as f32 + length.min(MAX_LENGTH_POINTS)
}

impl Layout for PageLayout {
    fn main_container(&self, lines: &[&str], story: &[bool]) -> Option<Vec<bool>> {
        PageLayout::main_container(self, lines, story)
    }
}

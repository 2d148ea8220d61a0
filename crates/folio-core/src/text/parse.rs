//! The text pipeline assembled: a text dump in, an [`Article`] out.
//!
//! text --form--> logical lines --lines--> Line --classify--> LineInfo --body--> story span
//!      --header--> headline --dateline--> dates --byline--> authors
//!      --lists--> tags, related, side lists --structure/blocks--> body
//!      blocks; every line left over is dropped with its reason. A
//!      `Reading` holds what each line became as the stages run.

use std::collections::HashSet;

use crate::article::{Article, DropReason, Dropped};
use crate::text::body::{
    belongs_to_story, is_subheading, story_probabilities, story_span, STORY_THRESHOLD,
};
use crate::text::byline::{
    byline_line_anywhere, byline_names, dated_byline, has_byline_opener, is_name_particle,
    labeled_byline, labeled_byline_below, labeled_handle_below, labeled_name_below, line_byline,
    name_before_tail, split_on_words, without_dates,
};
use crate::text::classify::{classify, classify_in_order, stated_reading_minutes, LineInfo, Prose};
use crate::text::dateline::{find_published, yearless_day};
use crate::text::dates::DayMonthOrder;
use crate::text::form::{logical_lines, without_bullet, Form, FrontMatter, LogicalText};
use crate::text::header::{
    find_headline, find_updated, last_cuts, name_before_copyright, source_from_copyright,
    source_from_header_line, story_words, title_readings, titled_headline, PATH_SIGNS,
    SITE_PART_WORDS, TITLE_SEPARATORS,
};
use crate::text::language::{
    detect_language, strip_prefix_caseless, strip_suffix_caseless, words, words_per_minute,
};
use crate::text::lines::{folded, split_lines, without_invisibles, Line, LineNumber};
use crate::text::lists::{
    find_lists, heads_other_stories, is_count, is_tag_heading, lone_hashtag, names_its_tags,
    split_lists, tags_in_line, unlabelled_tags,
};
use crate::text::structure::Structure;

/// Lines above the headline where the section label may stand.
const SECTION_LOOKBACK: usize = 3;
/// Words a section label has at most ("Facts", "TECH PERSONAL TECHNOLOGY").
const SECTION_MAX_WORDS: usize = 4;
/// Characters an excerpt of a dropped part keeps.
const EXCERPT_CHARS: usize = 80;

/// Parse a text dump of a news page. Never fails: an empty or odd input
/// gives an Article with little in it and diagnostics saying why.
pub fn parse_text(text: &str) -> Article {
    parse_text_as(text, None)
}

/// Parse a text read as `form` (innerText, hard-wrapped or Markdown), or
/// in the form it looks like when `form` is `None`.
pub fn parse_text_as(text: &str, form: Option<Form>) -> Article {
    let text = without_invisibles(text);
    let logical = logical_lines(&text, form);
    let mut lines = split_lines(&logical.text);
    for line in &mut lines {
        line.number = logical.input_line(line.number);
    }
    // A title the front matter states is the headline; a line of the
    // text near its top that prints it is that line.
    let front_title = front_title_line(logical.front_matter.title.as_deref(), &lines);
    let title_headings: Vec<LineNumber> = match front_title {
        Some((line, _)) => vec![line],
        None => logical
            .headings
            .iter()
            .filter(|&&(_, level)| level == 1)
            .map(|&(line, _)| logical.input_line(LineNumber::new(line)))
            .collect(),
    };
    let headings: Vec<LineNumber> = logical
        .headings
        .iter()
        .map(|&(line, _)| logical.input_line(LineNumber::new(line)))
        .collect();
    // Lines rejoined at marked soft breaks are the original's lines, and
    // unindented wrapped lines a browser's text wrapped: read their
    // headline as a browser's text.
    let layout_form = if logical.soft_breaks || logical.unindented {
        Form::Text
    } else {
        logical.form
    };
    let mut article = read_lines(
        &logical.text,
        lines,
        None,
        layout_form,
        MarkedHeadings {
            title: &title_headings,
            all: &headings,
            stated: logical.front_matter.title.is_some(),
            page_title: logical.front_matter.page_title.as_deref(),
        },
        &logical.structure,
        None,
    );
    article.form = logical.form;
    if logical.form == Form::Markdown || logical.front_matter != FrontMatter::default() {
        apply_stated(
            &mut article,
            &logical,
            front_title.map(|(_, reading)| reading),
        );
    }
    article
}

/// Lines at the top of a text with front matter where the headline its
/// title names may stand.
const FRONT_TITLE_LINES: usize = 5;

/// The line near the top of the text (`lines`, numbered by input line)
/// that a front matter's `title` names, and the title's reading it
/// prints: a page's `<title>` ("Rutger Bregman: Unser wahres Ich - brand
/// eins online") over the headline as the page printed it ("Unser wahres
/// Ich").
fn front_title_line<'t>(title: Option<&'t str>, lines: &[Line]) -> Option<(LineNumber, &'t str)> {
    let top: Vec<String> = lines
        .iter()
        .take(FRONT_TITLE_LINES)
        .map(|l| folded(l.text))
        .collect();
    title_readings(title?).into_iter().find_map(|reading| {
        let at = top.iter().position(|line| *line == folded(reading))?;
        Some((lines[at].number, reading))
    })
}

/// A title without a part at either end that names the site, by its name
/// or its address ("Plejaden, M45 - Abenteuer Astronomie" from
/// abenteuer-astronomie.de, "BMAS - Änderung der Anforderungen …").
fn without_named_site<'t>(title: &'t str, site: Option<&str>, host: Option<&str>) -> &'t str {
    let names_site = |part: &str| {
        let part = part.trim();
        host.is_some_and(|h| crate::address::names_host(part, h))
            || site.is_some_and(|s| crate::address::name_key(s) == crate::address::name_key(part))
    };
    if let Some((head, _)) =
        last_cuts(title).find(|(head, last)| !head.trim().is_empty() && names_site(last))
    {
        return head.trim();
    }
    TITLE_SEPARATORS
        .iter()
        .filter_map(|sep| title.split_once(sep))
        .find(|(first, rest)| !rest.trim().is_empty() && names_site(first))
        .map_or(title, |(_, rest)| rest.trim())
}

/// What a text states beyond its lines: its front matter's or header's
/// title (as `printed`, the reading a line of the text prints, if one
/// does), date, authors, tags, site and address, and in Markdown the
/// addresses of related links.
fn apply_stated(article: &mut Article, logical: &LogicalText, printed: Option<&str>) {
    let matter = &logical.front_matter;
    let host = matter.url.as_deref().map(crate::address::site_name);
    let bare = |title| without_named_site(title, matter.source.as_deref(), host.as_deref());
    // A header's page title stands in for a headline the text lacks.
    if let (None, Some(title)) = (&article.headline, &matter.page_title) {
        article.headline = Some(bare(title).to_string());
        article
            .diagnostics
            .push("headline from the header's title".into());
    }
    if let Some(title) = matter.title.as_ref().filter(|t| !t.is_empty()) {
        let title = printed.unwrap_or_else(|| bare(title));
        article.body.retain(|b| folded(&b.text) != folded(title));
        article.headline = Some(title.to_string());
        article
            .diagnostics
            .push("headline from front matter".into());
    }
    if let Some(moment) = matter
        .date
        .as_deref()
        .and_then(crate::text::dates::metadata_date_iso)
    {
        // The day the text shows beats a stated moment (a time, not a
        // day) a day off: the same moment in UTC.
        let shown = article.published.as_deref();
        let utc_day_off = moment.len() > 10
            && shown.and_then(|p| crate::text::dates::days_apart(p, &moment)) == Some(1);
        if !utc_day_off {
            article.published_text = matter.date.clone();
            article.published = Some(moment);
            article.diagnostics.push("date from front matter".into());
        }
    }
    // No date anywhere: the day the page's address files it under.
    if article.published.is_none() {
        if let Some(day) = matter.url.as_deref().and_then(crate::address::address_day) {
            article.published = Some(day);
            article
                .diagnostics
                .push("published from the day in the page's address".into());
        }
    }
    if !matter.authors.is_empty() {
        article.byline = matter.authors.clone();
    }
    // The site: named, else the host of the page the text was clipped from.
    if let Some(site) = matter.source.as_deref().or(matter.url.as_deref()) {
        article.source = Some(crate::address::site_name(site));
    }
    article.url = matter
        .url
        .as_deref()
        .and_then(crate::address::original_address);
    push_unique(&mut article.tags, matter.tags.clone());
    let links: Vec<(String, String)> = logical
        .links
        .iter()
        .map(|(text, address)| (crate::text::lines::folded(text), address.clone()))
        .collect();
    crate::address::link_related(article, &links, matter.url.as_deref());
}

/// What a saved page's structure says of its text (the HTML reader's
/// `PageLayout`): given each line of the text (0-based, blank lines too)
/// and whether the text model reads it as story, whether it lies in the
/// page's main content element; `None` when nothing of the story scored.
pub trait Layout {
    fn main_container(&self, lines: &[&str], story: &[bool]) -> Option<Vec<bool>>;
}

/// For each line of a page's text (0-based, blank lines too), whether it
/// lies in the page's main content element.
pub fn main_lines(text: &str, layout: &dyn Layout) -> Option<Vec<bool>> {
    let lines = split_lines(text);
    let infos = classify(&lines, detect_language(text));
    let inside = main_content(&infos, &story_probabilities(&infos), layout)?;
    let mut by_number = vec![false; lines.last().map_or(0, |l| l.number.get())];
    for (info, inside) in infos.iter().zip(inside) {
        by_number[info.line.number.index()] = inside;
    }
    Some(by_number)
}

/// Probability above which the text model's belief makes a line score the
/// page's elements as a paragraph of the story.
const SCORING_PROBABILITY: f32 = 0.5;

/// For each of the `infos`, whether the page's structure puts it in the
/// main content element ([`Layout::main_container`]); `None` when the
/// page has no paragraph of running text to go by.
fn main_content(
    infos: &[LineInfo],
    probabilities: &[f32],
    layout: &dyn Layout,
) -> Option<Vec<bool>> {
    let count = infos.last().map_or(0, |l| l.line.number.get());
    let mut lines = vec![""; count];
    let mut story = vec![false; count];
    for (info, &p) in infos.iter().zip(probabilities) {
        lines[info.line.number.index()] = info.text();
        story[info.line.number.index()] = p >= SCORING_PROBABILITY;
    }
    let inside = layout.main_container(&lines, &story)?;
    Some(
        infos
            .iter()
            .map(|info| {
                inside
                    .get(info.line.number.index())
                    .copied()
                    .unwrap_or(false)
            })
            .collect(),
    )
}

/// Parse a page's text knowing, for each of its lines, whether the page's
/// structure puts it in the main content (see [`Layout`]), the title
/// the page states, if any (its lines are the headline's candidates
/// before any other, as a Markdown text's `#` heading is), and the
/// day/month order its language tag names.
pub fn parse_text_in_layout(
    text: &str,
    layout: Option<&dyn Layout>,
    structure: &Structure,
    title: Option<&str>,
    stated_order: Option<DayMonthOrder>,
) -> Article {
    let lines = split_lines(text);
    let title_lines: Vec<LineNumber> = title
        .map(folded)
        .map(|title| {
            lines
                .iter()
                .filter(|l| folded(l.text) == title)
                .map(|l| l.number)
                .collect()
        })
        .unwrap_or_default();
    let headings: Vec<LineNumber> = structure
        .headings(1..=2)
        .into_iter()
        .map(|line| LineNumber::new(line + 1))
        .collect();
    read_lines(
        text,
        lines,
        layout,
        Form::Text,
        MarkedHeadings {
            title: &title_lines,
            all: &headings,
            stated: false,
            page_title: None,
        },
        structure,
        stated_order,
    )
}

/// How many lines into the story a title heading may stand and still be
/// its headline (a kicker or a lead can come first).
const TITLE_HEADING_LOOKAHEAD: usize = 3;

/// Lines at the top of a Markdown text where a heading may be the site's
/// masthead, and lines it then stands above the story at least.
const MASTHEAD_LINES: usize = 3;
const MASTHEAD_GAP: usize = 10;

/// The headline the text itself marks: of the top-level headings
/// (`title_headings`, input line numbers in order; Markdown's `#`), the last one
/// above the story's start, which a site's name heading never is. In
/// Markdown, a heading that opens the page far above the story is the
/// site's masthead ("# modabot", the post's title a `##` under its menu).
fn marked_headline(
    infos: &[LineInfo],
    story_start: usize,
    title_headings: &[LineNumber],
    form: Form,
) -> Option<usize> {
    let last = (story_start + TITLE_HEADING_LOOKAHEAD).min(infos.len());
    let masthead =
        |i: usize| form == Form::Markdown && i < MASTHEAD_LINES && story_start >= i + MASTHEAD_GAP;
    infos[..last]
        .iter()
        .rposition(|info| title_headings.binary_search(&info.line.number).is_ok())
        .filter(|&i| !masthead(i))
}

/// The lines a text marks as headings, as input line numbers in order:
/// its top-level ones (Markdown's `#`, a saved page's stated title) and
/// all of them (any level, a text browser's flush-left lines).
#[derive(Clone, Copy)]
struct MarkedHeadings<'h> {
    title: &'h [LineNumber],
    all: &'h [LineNumber],
    /// The headline is stated apart from the lines (front matter's
    /// title): only a `title` line may be it.
    stated: bool,
    /// The page's `<title>` a header names: the line printing one of its
    /// readings is the headline.
    page_title: Option<&'h str>,
}

/// The pipeline after the form stage: `lines` are the non-blank lines of
/// `text`, which is read whole only for its language, in `form`;
/// `headings` the lines the text marks as headings;
/// `structure` what its markup says of its lines (0-based input lines);
/// `stated_order` the day/month order the page's language tag names.
fn read_lines(
    text: &str,
    lines: Vec<Line<'_>>,
    layout: Option<&dyn Layout>,
    form: Form,
    headings: MarkedHeadings,
    structure: &Structure,
    stated_order: Option<DayMonthOrder>,
) -> Article {
    let language = detect_language(text);
    let infos = classify_in_order(&lines, language, stated_order);
    let mut reading = Reading::new(&infos, language);
    if infos.is_empty() {
        reading.note("nothing to read: the text is empty");
        return reading.article;
    }
    let (span, probabilities) = find_story(&infos, layout, structure);
    if span.is_empty() {
        reading.note("no running text found: the body is empty");
    }
    let exported = structure.story().is_some();
    let headline = reading.read_headline(&span, headings, form, exported);
    let mut story = reading.story_lines(span, &probabilities, structure);
    let dateline = reading.read_dates(headline, &story.span);
    reading.read_header(headline, story.span.start, dateline);
    reading.read_byline_elsewhere(headline, &mut story);
    reading.read_source();
    reading.read_tags(headline, &mut story);
    reading.read_lists(&mut story);
    reading.finish(&story, structure, language)
}

/// Characters the heading of a box of other stories or of the author's
/// box has at most ("Lesen Sie auch die folgenden Beiträge:").
const BOX_HEADING_MAX_CHARS: usize = 45;

/// One text being read: each line's cues, what each line became so far,
/// and the Article the stages fill in.
struct Reading<'r, 'a> {
    infos: &'r [LineInfo<'a>],
    /// `used[i]`: line i went into the article somewhere.
    used: Vec<bool>,
    /// Why line i is left out, when a stage said so.
    drop_reason: Vec<Option<DropReason>>,
    article: Article,
}

/// The story's lines, once found.
struct StoryLines {
    /// The span the story runs over (`0..0` when there is none).
    span: std::ops::Range<usize>,
    /// The lines of the span that are the story's text, in order…
    lines: Vec<usize>,
    /// …and whether each is a subheading.
    subheadings: Vec<bool>,
    /// The story's markup marks it (Folio's export): a byline or tag line
    /// inside it is the story's text and stays.
    marked: bool,
}

impl StoryLines {
    /// Puts line `i` into the story's text where it stands, the span
    /// grown to hold it.
    fn take_in(&mut self, i: usize, subheading: bool) {
        let at = match self.lines.binary_search(&i) {
            Ok(_) => return,
            Err(at) => at,
        };
        self.lines.insert(at, i);
        self.subheadings.insert(at, subheading);
        self.span = if self.span.is_empty() {
            i..i + 1
        } else {
            self.span.start.min(i)..self.span.end.max(i + 1)
        };
    }

    /// Takes line `i` out of the story's text (it was a byline or tags).
    fn take_out(&mut self, i: usize) {
        if self.marked {
            return;
        }
        if let Ok(at) = self.lines.binary_search(&i) {
            self.lines.remove(at);
            self.subheadings.remove(at);
        }
    }
}

/// The story's span and each line's probability of being story: a saved
/// page's main content element (or the span Folio's export marks) when
/// the page has one, else the text model's densest run.
fn find_story(
    infos: &[LineInfo],
    layout: Option<&dyn Layout>,
    structure: &Structure,
) -> (std::ops::Range<usize>, Vec<f32>) {
    let mut probabilities = story_probabilities(infos);
    // A saved page's structure settles which lines are the story: those in
    // its main content element, and they run from the first to the last.
    // So does Folio's own Markdown export, which marks where its story is.
    let main = match structure.story() {
        Some(story) => Some(
            infos
                .iter()
                .map(|i| story.contains(&i.line.number.index()))
                .collect(),
        ),
        None => layout.and_then(|layout| main_content(infos, &probabilities, layout)),
    };
    let span = match &main {
        Some(inside) => {
            for (p, &inside) in probabilities.iter_mut().zip(inside) {
                *p = if inside { 1.0 } else { 0.0 };
            }
            let first = inside.iter().position(|&i| i);
            let last = inside.iter().rposition(|&i| i);
            first.zip(last).map_or(0..0, |(a, b)| a..b + 1)
        }
        None => story_span(infos, &probabilities),
    };
    // No line reads as a story by itself (a gallery's captions, a teaser
    // before a paywall): the page's most story-like lines are its story,
    // rather than an empty page.
    let span = if span.is_empty() {
        most_storylike(infos, &mut probabilities)
    } else {
        span
    };
    (if span.is_empty() { 0..0 } else { span }, probabilities)
}

impl<'r, 'a> Reading<'r, 'a> {
    fn new(infos: &'r [LineInfo<'a>], language: Option<&str>) -> Self {
        Reading {
            infos,
            used: vec![false; infos.len()],
            drop_reason: vec![None; infos.len()],
            article: Article {
                language: language.map(str::to_string),
                ..Article::default()
            },
        }
    }

    fn note(&mut self, diagnostic: &str) {
        self.article.diagnostics.push(diagnostic.into());
    }

    /// Whether line `i` is still free for a later stage.
    fn free(&self, i: usize) -> bool {
        !self.used[i] && self.drop_reason[i].is_none()
    }

    /// The headline, and its repeats dropped as such. A headline printed
    /// twice (title and heading) is taken at its first copy.
    /// `as_written`: the text is Folio's own export, whose headline is the
    /// story's whole (a "Headline | Guide" stays).
    fn read_headline(
        &mut self,
        span: &std::ops::Range<usize>,
        headings: MarkedHeadings,
        form: Form,
        as_written: bool,
    ) -> Option<usize> {
        let infos = self.infos;
        let marked = marked_headline(infos, span.start, headings.title, form);
        if headings.stated && marked.is_none() {
            return None;
        }
        // The comments quote the post's title whole: a "| Step-by-Step
        // Guide" after it is the title's, not a site's name.
        let quoted = marked.is_none().then(|| commented_title(infos)).flatten();
        let headline = marked
            .or(quoted)
            .or_else(|| crumbed_title(infos, span.start))
            .or_else(|| titled_headline(infos, span.start, headings.page_title))
            .or_else(|| {
                let words = story_words(infos, span.clone());
                find_headline(infos, span.start, &words, form, headings.all)
            })
            .and_then(|h| infos.iter().position(|l| l.text() == infos[h].text()))
            .map(|h| {
                if as_written {
                    h
                } else {
                    barest_headline(infos, h)
                }
            });
        let Some(h) = headline else {
            self.note("no headline found");
            return None;
        };
        let text = infos[h].text();
        let written = without_heading_marks(text);
        let written = if as_written || quoted.is_some() {
            written
        } else {
            without_site_parts(without_leading_date(&infos[h], written))
        };
        self.article.headline = Some(written.to_string());
        self.used[h] = true;
        for (i, info) in infos.iter().enumerate() {
            if i != h && info.text() == text {
                self.drop_reason[i] = Some(DropReason::DuplicateHeadline);
            }
        }
        headline
    }

    /// The body: story lines of the span, the headline's repeats left out.
    fn story_lines(
        &mut self,
        span: std::ops::Range<usize>,
        probabilities: &[f32],
        structure: &Structure,
    ) -> StoryLines {
        let infos = self.infos;
        let mut story = StoryLines {
            span,
            lines: Vec::new(),
            subheadings: Vec::new(),
            marked: structure.story().is_some(),
        };
        for i in story.span.clone() {
            if !self.free(i) || !belongs_to_story(infos, probabilities, i) {
                continue;
            }
            // A line that is only a picture's credit ("Foto: dpa", "(Image
            // credit: HandyGames)") is the caption of nothing: plain text
            // keeps no pictures, and a saved page's took their credits.
            // Nor does a picture a text browser names ("[Werkliste-Abb]";
            // a code line's "[dependencies]" stays).
            let text = infos[i].text();
            let code = || structure.is_code_or_table(infos[i].line.number.index());
            if crate::text::structure::is_picture_credit(text)
                || crate::text::structure::is_credited_caption(text)
                || (crate::text::structure::is_picture_placeholder(text) && !code())
            {
                self.drop_reason[i] = Some(DropReason::PictureCredit);
                continue;
            }
            // A heading of other stories set inside this one ("Lesen Sie
            // auch:", "Most Popular") or of the box about its author is no
            // part of it; left free, it may still head their list or name
            // the author.
            if !story.marked
                && infos[i].chars <= BOX_HEADING_MAX_CHARS
                && (heads_other_stories(text) || crate::text::byline::is_author_box_heading(text))
            {
                continue;
            }
            // A line of signs alone breaks the story; a code line's or a
            // table row's signs are their content.
            let signs_only = !infos[i].text().chars().any(char::is_alphanumeric);
            if signs_only && !code() {
                self.drop_reason[i] = Some(DropReason::Separator);
                continue;
            }
            self.used[i] = true;
            story.lines.push(i);
            story
                .subheadings
                .push(infos[i].prose == Prose::NotProse && is_subheading(infos, i));
        }
        story
    }

    /// Dates near the headline (or the story), else the first dateline:
    /// gives the published date's line.
    fn read_dates(
        &mut self,
        headline: Option<usize>,
        span: &std::ops::Range<usize>,
    ) -> Option<usize> {
        let infos = self.infos;
        let anchor = headline.unwrap_or(span.start);
        let updated = find_updated(infos, anchor, span.start);
        let copies = self.headline_copies(headline, span.start);
        let published =
            find_published(infos, &copies, span.clone()).map(|(i, k)| (i, &infos[i].dates[k]));
        if let Some((i, date)) = published {
            let written = &infos[i].text()[date.start..date.end];
            self.article.published = Some(date.moment.iso());
            self.article.published_text = Some(written.to_string());
            if date.order_guessed {
                self.article.diagnostics.push(format!(
                    "day and month order of \"{written}\" guessed from the language"
                ));
            }
            mark_header_line(infos, &mut self.used, i);
        }
        let yearless = published
            .is_none()
            .then(|| headline.and_then(|h| yearless_day(infos, h)))
            .flatten();
        if let Some((i, moment)) = yearless {
            let written = infos[i].text().trim();
            self.article.published = Some(moment.iso());
            self.article.published_text = Some(written.to_string());
            self.article.diagnostics.push(format!(
                "the year of \"{written}\" taken from the page's copyright line"
            ));
            mark_header_line(infos, &mut self.used, i);
        } else if published.is_none() {
            self.note("no publication date found");
        }
        let updated = updated.filter(|(i, _)| published.is_none_or(|(p, _)| p != *i));
        if let Some((i, date)) = updated {
            self.article.updated = Some(date.moment.iso());
            self.article.updated_text = Some(infos[i].text()[date.start..date.end].to_string());
            mark_header_line(infos, &mut self.used, i);
        }
        published.map(|(i, _)| i).or(yearless.map(|(i, _)| i))
    }

    /// The headline's line and each copy of it below, above the story's
    /// start (none without a headline).
    fn headline_copies(&self, headline: Option<usize>, story_start: usize) -> Vec<usize> {
        let infos = self.infos;
        headline.map_or_else(Vec::new, |h| {
            let later = h + 1..infos.len().min(story_start + 1);
            std::iter::once(h)
                .chain(later.filter(|&i| infos[i].text() == infos[h].text()))
                .collect()
        })
    }

    /// [`Self::header_lines`] around each copy of the headline above the
    /// story, first copy first, each line once: a whole page as text
    /// opens with its title, a sticky bar repeats the headline, and the
    /// header with its byline stands around the copy over the story.
    fn header_around_copies(&self, headline: Option<usize>, story_start: usize) -> Vec<usize> {
        let copies = self.headline_copies(headline, story_start);
        if copies.is_empty() {
            return self.header_lines(None, story_start).collect();
        }
        let mut lines: Vec<usize> = Vec::new();
        for copy in copies
            .iter()
            .map(|&c| self.header_lines(Some(c), story_start))
        {
            lines.extend(copy.filter(|i| !lines.contains(i)).collect::<Vec<_>>());
        }
        lines
    }

    /// The lines around the headline (from a few above it to a dozen
    /// below) where its section, byline and reading time stand.
    fn header_lines(&self, headline: Option<usize>, story_start: usize) -> std::ops::Range<usize> {
        let anchor = headline.unwrap_or(story_start);
        let start = anchor.saturating_sub(SECTION_LOOKBACK + 2);
        start..(anchor + 12).min(self.infos.len()).max(start)
    }

    /// Section, byline and stated reading time around the headline, and
    /// names beside a dateline away from it.
    fn read_header(
        &mut self,
        headline: Option<usize>,
        story_start: usize,
        dateline: Option<usize>,
    ) {
        let infos = self.infos;
        let header = self.header_around_copies(headline, story_start);
        if let Some(h) = headline {
            // A menu's item as a text tool marks it ("* Events") is named
            // without its mark, as a browser shows it.
            self.article.section = find_section(infos, &self.used, h).map(|i| {
                self.used[i] = true;
                without_bullet(infos[i].text()).to_string()
            });
        }
        // The dateline is used for its date; the names beside it are still
        // free. A dateline found away from the headline's first copy (the
        // page repeats its headline over the story, or signs a post under
        // it) is read for names too.
        let by_dateline = dateline
            .filter(|d| !header.contains(d))
            .map_or(0..0, |d| d.saturating_sub(1)..(d + 2).min(infos.len()));
        for i in header.into_iter().chain(by_dateline.clone()) {
            if self.used[i] && !infos[i].date_only && Some(i) != dateline {
                continue;
            }
            // Away from the headline only a line that says who wrote it.
            let near = !by_dateline.contains(&i) || has_byline_opener(infos[i].text());
            if self.article.byline.is_empty() && near {
                if let Some(names) = line_byline(&infos[i]) {
                    self.article.byline = names;
                    self.used[i] = true;
                    continue;
                }
            }
            if !self.article.reading_minutes_stated {
                if let Some(minutes) = stated_reading_minutes(infos[i].text()) {
                    self.article.reading_minutes = minutes;
                    self.article.reading_minutes_stated = true;
                    self.used[i] = true;
                }
            }
        }
    }

    /// No byline near the headline: the ways a page names its author
    /// elsewhere, strongest first; the first that finds one wins.
    fn read_byline_elsewhere(&mut self, headline: Option<usize>, story: &mut StoryLines) {
        if self.article.byline.is_empty() {
            let found = self
                .labelled_anywhere()
                .or_else(|| self.label_above_name())
                .or_else(|| self.handle_below_label(&story.span));
            if let Some((i, names)) = found {
                self.article.byline = names;
                self.used[i] = true;
            }
        }
        if self.article.byline.is_empty() {
            if let Some((i, name)) = self.name_by_headline(headline, story.span.start) {
                self.article.byline = vec![as_written_small(&name)];
                self.used[i] = true;
                self.note(NAME_LINE_BYLINE);
            }
        }
        if self.article.byline.is_empty() {
            if let Some((i, names)) = self.opened_line_anywhere(headline, story) {
                self.article.byline = names;
                self.used[i] = true;
                // The story's span may have taken the line in: it leaves the body.
                story.take_out(i);
            }
        }
        // "(last edited … by MatsWichmann)": the name without the bracket
        // its line closed.
        for name in &mut self.article.byline {
            let opened = name.matches(['(', '[']).count();
            let kept = name.trim_end_matches(|c| matches!(c, ')' | ']') && opened == 0);
            if kept.len() < name.len() {
                *name = kept.trim_end().to_string();
            }
        }
        self.article.byline.retain(|n| !n.is_empty());
    }

    /// A line that labels the author anywhere ("Autor: Petra Ruland" under
    /// the story), or a label in an element of its own above the name
    /// ("Autor:" / "Peter Maahn").
    fn labelled_anywhere(&self) -> Option<(usize, Vec<String>)> {
        let infos = self.infos;
        infos
            .iter()
            .enumerate()
            .filter(|(i, l)| !self.used[*i] && l.words <= BYLINE_LINE_MAX_WORDS)
            .find_map(|(i, l)| {
                let below = infos
                    .get(i + 1)
                    .filter(|_| !self.used[i + 1])
                    .and_then(|next| {
                        labeled_byline_below(l.text(), next.text(), is_name_line(next))
                    });
                match below {
                    Some(names) => Some((i + 1, names)),
                    None => labeled_byline(l.text()).map(|n| (i, n)),
                }
            })
    }

    /// A label alone on its line anywhere above a line that is only a name
    /// ("Geschrieben von" / "Benjamin-Immanuel Hoff", "About the author" /
    /// "Jane Slaughter"): a weaker label, still stronger than a guess.
    fn label_above_name(&self) -> Option<(usize, Vec<String>)> {
        let infos = self.infos;
        (1..infos.len())
            .filter(|&i| !self.used[i - 1] && !self.used[i] && is_name_line(&infos[i]))
            .find_map(|i| labeled_name_below(infos[i - 1].text(), infos[i].text()).map(|n| (i, n)))
    }

    /// A handle under an opener or label alone on its line ("by" /
    /// "delta201"), above the story's end (under it, a comment's).
    fn handle_below_label(&self, span: &std::ops::Range<usize>) -> Option<(usize, Vec<String>)> {
        let infos = self.infos;
        let last = (span.end + SIGNATURE_LINES).min(infos.len());
        (1..last)
            .filter(|&i| !self.used[i - 1] && self.free(i))
            .find_map(|i| {
                labeled_handle_below(infos[i - 1].text(), infos[i].text()).map(|n| (i, n))
            })
    }

    /// No "By" line: a line that is only a person's name (its role or a
    /// date may follow it), next to the headline's dateline ("Thomas
    /// Steinberg" / "16.10.2019"): its line and the name.
    fn name_by_headline(
        &self,
        headline: Option<usize>,
        story_start: usize,
    ) -> Option<(usize, String)> {
        let infos = self.infos;
        let copies = self.headline_copies(headline, story_start);
        self.header_around_copies(headline, story_start)
            .into_iter()
            .filter(|&i| self.free(i) && !copies.contains(&i))
            .find_map(|i| {
                let below_headline = copies
                    .iter()
                    .any(|&h| (h + 1..=h + NAME_AFTER_HEADLINE).contains(&i));
                let by_date = [i.wrapping_sub(1), i + 1]
                    .iter()
                    .any(|&j| infos.get(j).is_some_and(|l| l.date_only));
                let name = line_name(&infos[i])
                    .filter(|name| (below_headline || by_date) && !page_words(infos, name));
                let capitals = || {
                    (is_name_line_any_case(&infos[i])
                        && infos.get(i + 1).is_some_and(is_bare_dateline))
                    .then(|| whole_name(&infos[i]).to_string())
                };
                name.or_else(capitals).map(|name| (i, name))
            })
    }

    /// No byline in the header: a line that opens with one ("Posted by
    /// Ann Lee at 18:52", "Eingestellt von Weinlachgummi um 10:52", "By
    /// Celia Parbey") before the story ends; comments below it sign their
    /// own lines the same way. A blog signs a post right under it
    /// ("Posted by T. V. Raman at 2:33 PM").
    fn opened_line_anywhere(
        &self,
        headline: Option<usize>,
        story: &StoryLines,
    ) -> Option<(usize, Vec<String>)> {
        let infos = self.infos;
        let in_body = |i: usize| story.lines.binary_search(&i).is_ok();
        let signed_under = (story.span.end + SIGNATURE_LINES).min(infos.len());
        (0..signed_under)
            .filter(|&i| {
                // A dateline is used for its date; its names are still free.
                (!self.used[i] || infos[i].date_only || in_body(i))
                    && self.drop_reason[i].is_none()
                    && infos[i].words <= BYLINE_LINE_MAX_WORDS
            })
            .find_map(|i| byline_line_anywhere(infos[i].text()).map(|n| (i, n)))
            // A small word alone after the opener is a handle only by the
            // story ("von flerche"); above its header, a menu's phrase
            // ("Di stagione").
            .filter(|(i, names)| {
                let handle = names.len() == 1 && names[0].starts_with(char::is_lowercase);
                !handle || *i + HANDLE_ABOVE_HEADER >= headline.unwrap_or(story.span.start)
            })
    }

    /// Source: a scraper's header line, else a copyright line: the name
    /// before its "©" when the page's header shows it too (the site's
    /// logo), else the name after it.
    fn read_source(&mut self) {
        const HEADER_LINES: usize = 10;
        let infos = self.infos;
        let header: Vec<&str> = infos
            .iter()
            .take(HEADER_LINES)
            .map(|l| l.text().trim())
            .collect();
        let from_copyright = |text: &str| {
            name_before_copyright(text)
                .filter(|name| header.contains(name))
                .map(str::to_string)
                .or_else(|| source_from_copyright(text))
        };
        self.article.source = source_from_header_line(&infos[0])
            .inspect(|_| self.used[0] = true)
            .or_else(|| infos.iter().rev().find_map(|l| from_copyright(l.text())));
    }

    /// Tags: a labelled line, hashtags one per line, or short lines under
    /// a tag heading. A labelled tag line the story's span took in
    /// ("Kategorien: … | Tags: a, b") leaves the body for the tags.
    fn read_tags(&mut self, headline: Option<usize>, story: &mut StoryLines) {
        let infos = self.infos;
        let mut body_tag_lines = Vec::new();
        let mut i = 0;
        while i < infos.len() {
            let text = infos[i].text();
            if self.used[i] {
                // Only a label that names tags, with its colon: "Themen: Kritik
                // aus dem Internet, …" is a podcast's contents, "Themen wie Klima,
                // Energie und Verkehr …" a paragraph. A post's dated line of
                // facts ("Veröffentlicht: 05.01.2020 | Autor: … | Tags: …")
                // gave its date or author and still gives its tags.
                let dated = !infos[i].dates.is_empty();
                if (dated || story.lines.binary_search(&i).is_ok()) && names_its_tags(text) {
                    if let Some(tags) = tags_in_line(text) {
                        push_unique(&mut self.article.tags, tags);
                        body_tag_lines.push(i);
                    }
                }
            } else if let Some(tags) = tags_in_line(text) {
                push_unique(&mut self.article.tags, tags);
                self.used[i] = true;
            } else if lone_hashtag(text).is_some() {
                self.read_hashtags(i);
            } else if is_tag_heading(text)
                // Above the headline a "Themen" heading titles the site's menu.
                && i >= headline.unwrap_or(story.span.start)
            {
                self.read_tags_under(i);
            }
            i += 1;
        }
        for i in body_tag_lines {
            story.take_out(i);
        }
        if self.article.tags.is_empty() {
            self.read_unlabelled_tags(story);
        }
    }

    /// No labelled tags: a line of short words between commas a few
    /// lines under the story ("Biopolitik, Corona, Foucault, Pest"), where
    /// a page sets its tag links without a label.
    fn read_unlabelled_tags(&mut self, story: &StoryLines) {
        let infos = self.infos;
        let below = story.span.end..(story.span.end + UNLABELLED_TAGS_BELOW).min(infos.len());
        let found = below
            .filter(|&i| self.free(i) && infos[i].furniture.is_none())
            .find_map(|i| unlabelled_tags(infos[i].text()).map(|tags| (i, tags)));
        if let Some((i, tags)) = found {
            self.article.tags = tags;
            self.used[i] = true;
        }
    }

    /// Hashtags one per line from line `i`: "#Bitcoin", "#Futures", …; two
    /// at least.
    fn read_hashtags(&mut self, i: usize) {
        let run: Vec<String> = self.infos[i..]
            .iter()
            .take_while(|l| lone_hashtag(l.text()).is_some())
            .filter_map(|l| lone_hashtag(l.text()).map(str::to_string))
            .collect();
        if run.len() >= 2 && !self.used[i..i + run.len()].iter().any(|u| *u) {
            self.used[i..i + run.len()]
                .iter_mut()
                .for_each(|u| *u = true);
            push_unique(&mut self.article.tags, run);
        }
    }

    /// Short lines under the tag heading at line `i`, until the list ends.
    fn read_tags_under(&mut self, i: usize) {
        let infos = self.infos;
        let mut j = i + 1;
        let mut tags: Vec<String> = Vec::new();
        // A tag is a few words; a line may hold several ("Haute Couture,
        // Paris, Serkan Cura,"), as a scraper's text joins them again.
        let tag_words = |text: &str| {
            text.contains(", ")
                && split_on_words(text, TAG_SEPARATORS)
                    .iter()
                    .all(|t| t.split_whitespace().count() <= TAG_MAX_WORDS)
        };
        while j < infos.len()
            && !self.used[j]
            && (infos[j].words <= TAG_MAX_WORDS || tag_words(infos[j].text()))
            && infos[j].furniture.is_none()
            && tags.len() < 30
        {
            let text = infos[j].text().trim();
            let last = tags_end_here(&tags, infos[j - 1].text(), text);
            if last == Some(false) {
                break;
            }
            tags.extend(
                split_on_words(text, TAG_SEPARATORS)
                    .into_iter()
                    .map(tag_text),
            );
            j += 1;
            if last == Some(true) {
                break;
            }
        }
        // A tag heading over the site's menu ("Topics", then "News",
        // "Politics", …): a long list whose lines mostly stand elsewhere on
        // the page too (a few tags may also be sections: "Pressefreiheit").
        const MENU_MIN_ITEMS: usize = 6;
        let items: Vec<&LineInfo> = infos[i + 1..j].iter().filter(|l| l.words > 0).collect();
        let repeated = items.iter().filter(|l| l.copies >= 2).count();
        let menu = items.len() >= MENU_MIN_ITEMS && repeated * 2 > items.len();
        if !tags.is_empty() && !menu {
            push_unique(&mut self.article.tags, tags);
            self.used[i..j].iter_mut().for_each(|u| *u = true);
        }
    }

    /// Related links and side lists among the lines left; a recipe's
    /// lists (its ingredients and steps) join the story where they stand.
    fn read_lists(&mut self, story: &mut StoryLines) {
        let infos = self.infos;
        let taken: Vec<bool> = (0..infos.len()).map(|i| !self.free(i)).collect();
        let mut lists = find_lists(infos, &taken);
        // A page that shows a recipe's lists twice (two tabs, one for
        // small screens) gives them to the story once.
        let mut in_story: HashSet<&str> = HashSet::new();
        lists.retain(|list| {
            let recipe = list.is_recipes();
            if recipe {
                for (k, &i) in list.lines.iter().enumerate() {
                    if in_story.insert(infos[i].text()) {
                        story.take_in(i, k == 0);
                        self.used[i] = true;
                    } else {
                        self.drop_reason[i] = Some(DropReason::Repeat);
                    }
                }
            }
            !recipe
        });
        let (related, side_lists) = split_lists(&lists);
        self.article.related = related;
        self.article.side_lists = side_lists;
        for list in &lists {
            for &i in &list.lines {
                self.used[i] = true;
            }
        }
    }

    /// The story's blocks, its reading time, and every line left over
    /// dropped with its reason.
    fn finish(
        mut self,
        story: &StoryLines,
        structure: &Structure,
        language: Option<&str>,
    ) -> Article {
        let infos = self.infos;
        let story_lines: Vec<(usize, &str, bool)> = story
            .lines
            .iter()
            .zip(&story.subheadings)
            .map(|(&i, &subheading)| (infos[i].line.number.index(), infos[i].text(), subheading))
            .collect();
        let span = &story.span;
        let input_span = if span.is_empty() {
            0..0
        } else {
            infos[span.start].line.number.index()..infos[span.end - 1].line.number.get()
        };
        self.article.body = structure.blocks(&story_lines, input_span);
        let body_words: usize = story.lines.iter().map(|&i| infos[i].words).sum();
        if !self.article.reading_minutes_stated {
            self.article.reading_minutes = reading_minutes(body_words, language);
        }
        self.article.dropped =
            dropped_parts(infos, &self.used, &self.drop_reason, span.start, span.end);
        self.article.finish();
        self.article
    }
}

/// Labels that open a breadcrumb, lower case.
const YOU_ARE_HERE: &[&str] = &[
    "sie sind hier",
    "sie befinden sich hier",
    "du bist hier",
    "you are here",
    "vous êtes ici",
    "usted está aquí",
    "está aquí",
    "sei qui",
    "je bent hier",
    "jesteś tutaj",
];

/// A headline line written as a Markdown heading in a text not read as
/// Markdown ("# Harbour plan signed") without its marks.
fn without_heading_marks(text: &str) -> &str {
    let hashes = text.len() - text.trim_start_matches('#').len();
    match text[hashes..].strip_prefix(' ') {
        Some(rest) if (1..=6).contains(&hashes) && !rest.trim().is_empty() => rest.trim(),
        _ => text,
    }
}

/// A headline line without the path or site name around it: the last
/// step of a breadcrumb ("Home » Recipes » Olive & Herb Focaccia Bread",
/// "home / Betrieb / IT / Cyber-Angriffe: …"),
/// or the long side of "Headline | Site" and "Site | Headline".
fn without_site_parts(text: &str) -> &str {
    let word_count = |s: &str| crate::text::language::words(s).count();
    // "Sie sind hier: Home » Europa » Emden": the label says it is a path.
    let labelled = YOU_ARE_HERE
        .iter()
        .filter_map(|l| strip_prefix_caseless(text, l))
        .map(str::trim_start)
        .find(|rest| rest.starts_with(':') || rest.starts_with(PATH_SIGNS))
        .map(|rest| rest.trim_start_matches([':', ' ']));
    let path_text = labelled.unwrap_or(text);
    let steps: Vec<&str> = path_text
        .split(PATH_SIGNS)
        .map(str::trim)
        .filter(|s| !s.is_empty() || labelled.is_none())
        .collect();
    if let Some((last, path)) = steps.split_last() {
        let breadcrumb = if labelled.is_some() {
            path.iter().all(|p| word_count(p) <= SITE_PART_WORDS) && word_count(last) >= 1
        } else {
            path.len() >= 2
                && path.iter().all(|p| word_count(p) <= SITE_PART_WORDS)
                && word_count(last) >= 2
        };
        if breadcrumb {
            return last;
        }
    }
    // "home / Betrieb / IT / Cyber-Angriffe: …": a trail from the site's
    // root, its steps set apart by slashes.
    let rooted = CRUMB_ROOTS
        .iter()
        .any(|root| strip_prefix_caseless(text, root).is_some_and(|rest| rest.starts_with(" / ")));
    if rooted {
        let steps: Vec<&str> = text.split(" / ").map(str::trim).collect();
        if let Some((last, path)) = steps.split_last() {
            if path.iter().all(|p| word_count(p) <= SITE_PART_WORDS) && word_count(last) >= 2 {
                return last;
            }
        }
    }
    if let Some((left, right)) = text.split_once(" | ") {
        let (l, r) = (word_count(left), word_count(right));
        if !right.contains(" | ") && l.min(r) <= SITE_PART_WORDS && l.max(r) >= 2 * SITE_PART_WORDS
        {
            return if l > r { left.trim() } else { right.trim() };
        }
    }
    text
}

/// Signs that set a date before a title apart from it ("23.01.2022 - …").
const DATE_TITLE_SEPARATORS: &[char] = &['-', '–', '—', '|', ':', '·', '•'];

/// Words a title after a date has at least, for the date to be cut off.
const DATED_TITLE_MIN_WORDS: usize = 3;

/// A title with the date of a news list's row before it ("23.01.2022 -
/// Dorothea Wierer darf … jubeln"): the title without it.
fn without_leading_date<'a>(info: &LineInfo, written: &'a str) -> &'a str {
    let Some(date) = info.dates.first() else {
        return written;
    };
    let Some(after) = written
        .trim_start()
        .strip_prefix(&info.text()[date.start..date.end])
    else {
        return written;
    };
    let rest = after
        .trim_start()
        .trim_start_matches(DATE_TITLE_SEPARATORS)
        .trim_start();
    let set_apart = after.starts_with(char::is_whitespace) && after.trim_start().len() > rest.len();
    if set_apart && crate::text::language::words(rest).count() >= DATED_TITLE_MIN_WORDS {
        rest
    } else {
        written
    }
}

/// Minutes to read `words` words in `language`; at least one for any text.
pub fn reading_minutes(words: usize, language: Option<&str>) -> u32 {
    if words == 0 {
        return 0;
    }
    let per_minute = words_per_minute(language) as usize;
    words.div_ceil(per_minute).max(1) as u32
}

fn push_unique(into: &mut Vec<String>, tags: Vec<String>) {
    for tag in tags {
        if !is_count(&tag) && !into.iter().any(|t| t.eq_ignore_ascii_case(&tag)) {
            into.push(tag);
        }
    }
}

/// A dateline is part of the header; a long line that only mentions a date
/// stays where it is.
fn mark_header_line(infos: &[LineInfo], used: &mut [bool], i: usize) {
    if infos[i].date_only {
        used[i] = true;
    }
}

/// Tags in alphabetical order that make a list read as sorted.
const SORTED_TAGS_MIN: usize = 4;

/// Whether a tag list under a label ends at its next line `text`, the
/// line before being `previous`: `Some(false)` when the line is no longer
/// a tag ("Beitrag teilen:", "Live Streams" after "BUSINESS", "HOTEL"),
/// `Some(true)` when it is the last one ("Haare," then "Lebensmittel").
fn tags_end_here(tags: &[String], previous: &str, text: &str) -> Option<bool> {
    let shouting = |t: &str| !t.chars().any(char::is_lowercase);
    let lowered = text.to_lowercase();
    if text.ends_with(':')
        // A comment counter ("1") ends them; a year may be a tag.
        || is_count(text)
        || tags.len() >= 2 && tags.iter().all(|t| shouting(t)) && !shouting(text)
        || PAGE_ACTION_WORDS.iter().any(|w| lowered.contains(w))
        // The next box's heading ("Más información", "Read more").
        || heads_other_stories(text)
    {
        return Some(false);
    }
    // A sorted list ("debian-planet", "emacs", "shell") ends where the
    // order breaks: the next menu ("Meta", "Edit") starts there.
    let key = |t: &str| t.to_lowercase();
    let sorted = tags.len() >= SORTED_TAGS_MIN && tags.windows(2).all(|w| key(&w[0]) <= key(&w[1]));
    if sorted
        && tags
            .last()
            .is_some_and(|last| key(&tag_text(text)) < key(last))
    {
        return Some(false);
    }
    (previous.trim_end().ends_with(',') && !text.ends_with(',')).then_some(true)
}

/// Words a tag under a tag heading has at most.
const TAG_MAX_WORDS: usize = 4;

/// Lines under the story's span where an unlabelled tag line may stand.
const UNLABELLED_TAGS_BELOW: usize = 6;
/// What sets tags apart on one line under a tag heading ("Multiplikator,
/// Selbstfinanzierung", "Study Japanese / Tweet of the Week").
const TAG_SEPARATORS: &[&str] = &[", ", " / "];

/// A tag as a tag list writes it, without its hash or trailing comma.
fn tag_text(text: &str) -> String {
    let text = without_bullet(text)
        .trim_start_matches('#')
        .trim_end_matches([',', ';'])
        .trim();
    // "Sri Lanka, und Tiere": the list's last "and" is not the tag's.
    ["und ", "and ", "et ", "y ", "e "]
        .iter()
        .find_map(|c| text.strip_prefix(c))
        .unwrap_or(text)
        .trim()
        .to_string()
}

/// Words of the page's own actions and boxes, lower case: a tag list
/// under a heading ends at them ("Weitersagen", "Ähnliche Artikel",
/// "Neuen Kommentar hinzufügen", "Nächster Artikel", "Newsletter").
const PAGE_ACTION_WORDS: &[&str] = &[
    "artikel",
    "article",
    "newsletter",
    "kommentar",
    "comment",
    "комментари",
    "teilen",
    "weitersagen",
    "share",
    "tagcloud",
    "e-paper",
    "externer link",
    "blog von",
];

/// Words a headline line may carry before the headline itself (a
/// breadcrumb's "Home News").
const HEADLINE_EXTRA_WORDS: usize = 3;

/// The line that is the headline `h` without a few words glued before it
/// (a breadcrumb: "Lokales Lübeck So lief die Auktion…", "Home News …"),
/// when the page also has it on a line of its own: the longest such line.
/// Words after it are left (a wrapped text's first line is a headline's
/// start, "Dare to Play 3 / October pack" is one headline), but not a
/// rating's numbers ("… Multiplikators 3.17 5 12").
fn bare_headline(infos: &[LineInfo], h: usize) -> Option<usize> {
    let full = infos[h].text();
    let full_words = full.split_whitespace().count();
    infos
        .iter()
        .enumerate()
        .filter(|(_, l)| {
            let text = l.text();
            let words = text.split_whitespace().count();
            // "… Multiplikators 3.17 5 12": a rating's numbers after it.
            // Two numbers at least: one may be the headline's own ("… 2015").
            let numbers_after = full.strip_prefix(text).is_some_and(|rest| {
                rest.starts_with(' ')
                    && rest.split_whitespace().count() >= 2
                    && rest
                        .split_whitespace()
                        .all(|w| w.chars().all(|c| c.is_ascii_digit() || ".,/".contains(c)))
            });
            if numbers_after && text.split_whitespace().count() >= 3 {
                return true;
            }
            // A page may set the trail's last step in capitals
            // ("…Babywearing Hiking the Boulder Flat Irons" over "HIKING
            // THE BOULDER FLAT IRONS"): the words are compared in any case.
            let Some(crumbs) = strip_suffix_caseless(full, text) else {
                return false;
            };
            // Signs between the steps ("&", "›") are no words of the trail.
            let crumb_words = crumbs
                .split_whitespace()
                .filter(|w| w.chars().any(char::is_alphanumeric))
                .count();
            // "Sie sind hier: Aktuelles Presseinformationen …": a labelled
            // path flattened into words, a step or two more.
            let labelled = YOU_ARE_HERE
                .iter()
                .any(|l| strip_prefix_caseless(crumbs, l).is_some_and(|r| r.starts_with(':')));
            let extra = if labelled {
                2 * HEADLINE_EXTRA_WORDS
            } else {
                HEADLINE_EXTRA_WORDS
            };
            text != full
                && words >= 3
                && full_words > words
                && crumb_words <= extra
                && !text.ends_with('…')
                && !text.ends_with("...")
                // "Burgenland: Best of …": a kicker is the headline's own.
                && (labelled || !crumbs.contains([':', '?', '!']))
        })
        .max_by_key(|(i, l)| (l.text().len(), std::cmp::Reverse(*i)))
        .map(|(i, _)| i)
}

/// Words of the heading over a post's comments, which quotes the post's
/// title ("25 thoughts on “How to Grow a Lemon Tree”", "2 Kommentare zu
/// „Die Überforderung …“"), lower case, as the start of a word.
const COMMENT_WORDS: &[&str] = &[
    "thought",
    "comment",
    "response",
    "repl",
    "gedanke",
    "kommentar",
    "antwort",
    "commentaire",
    "réponse",
    "comentario",
    "respuesta",
    "commento",
    "risposte",
    "komentarz",
];

/// The title a comment heading quotes, when a line of the page is that
/// title: the post's headline, as its own page's comments name it.
fn commented_title(infos: &[LineInfo]) -> Option<usize> {
    const MAX_HEADING_WORDS: usize = 6;
    let quoted = infos.iter().find_map(|l| {
        let text = l.text().trim();
        let open = text.find(['“', '„', '"', '«'])?;
        let (heading, rest) = text.split_at(open);
        let mut quote = rest.chars();
        quote.next();
        let title = quote.as_str().trim_end_matches(['”', '“', '"', '»']).trim();
        let words: Vec<String> = heading.split_whitespace().map(str::to_lowercase).collect();
        let commented = (1..=MAX_HEADING_WORDS).contains(&words.len())
            && words
                .iter()
                .any(|w| COMMENT_WORDS.iter().any(|c| w.starts_with(c)));
        (commented && !title.is_empty() && !title.contains(['“', '”', '„', '"'])).then_some(title)
    })?;
    infos.iter().position(|l| l.text().trim() == quoted)
}

/// Words a breadcrumb trail starts with (the site's root), lower case.
const CRUMB_ROOTS: &[&str] = &[
    "home",
    "startseite",
    "start",
    "accueil",
    "inicio",
    "início",
    "forum",
    "forside",
    "etusivu",
    "strona główna",
    "главная",
];

/// Those signs, and the ones a trail may also use where a line of text
/// uses them too ("Home / Buch / …", "Sie sind hier:Home»…").
const CRUMB_SEPARATORS: &[char] = &['»', '›', '>', '→', '/', '|', ':'];

/// The line a breadcrumb trail ends with, set right under the trail
/// ("Home » Recipes » Olive & Herb Focaccia Bread", then "Olive & Herb
/// Focaccia Bread"; "StartseiteAstro-BilderPlejaden, M45" as innerText
/// glues the steps): a trail ends with the page's own title. The trail is
/// one by its signs between steps or by the site's root it starts from;
/// it stands above the story's start.
fn crumbed_title(infos: &[LineInfo], story_start: usize) -> Option<usize> {
    const MIN_TITLE_CHARS: usize = 8;
    let is_trail = |path: &str| {
        let path = path.trim_end();
        // "Headline | Site" over "Site" is a title, not a trail: a trail's
        // steps are short.
        let separated = path.ends_with(CRUMB_SEPARATORS)
            && path.chars().count() > 1
            && path
                .split(CRUMB_SEPARATORS)
                .all(|step| step.split_whitespace().count() <= SITE_PART_WORDS);
        let rooted = CRUMB_ROOTS.iter().any(|root| {
            strip_prefix_caseless(path, root)
                .is_some_and(|rest| !rest.starts_with(char::is_lowercase))
        });
        separated || rooted
    };
    (1..infos.len().min(story_start + 1)).find(|&i| {
        let (trail, title) = (infos[i - 1].text(), infos[i].text());
        title.chars().count() >= MIN_TITLE_CHARS
            && !title.starts_with(|c: char| c.is_ascii_digit())
            && trail
                .strip_suffix(title)
                .is_some_and(|path| path.chars().count() > 3 && is_trail(path))
    })
}

/// [`bare_headline`] taken as far as it goes: crumbs may come off in
/// steps ("Lokales Lübeck So lief …" has "Lübeck So lief …" and "So lief
/// …" as lines of their own).
fn barest_headline(infos: &[LineInfo], h: usize) -> usize {
    const MAX_STEPS: usize = 3;
    std::iter::successors(Some(h), |&h| bare_headline(infos, h))
        .take(MAX_STEPS + 1)
        .last()
        .unwrap_or(h)
}

/// The note on a byline read from a line that is only a name: a guess that
/// a saved page's own author markup beats.
pub const NAME_LINE_BYLINE: &str = "byline from a name beside the dateline or headline";

/// Words a labelled byline line has at most ("Autor: …").
const BYLINE_LINE_MAX_WORDS: usize = 16;

/// Lines above the headline a handle after an opener may stand.
const HANDLE_ABOVE_HEADER: usize = 3;

/// Lines under the story's end a post's signature may stand.
const SIGNATURE_LINES: usize = 5;

/// Lines after the headline a name alone on its line is read as the byline.
const NAME_AFTER_HEADLINE: usize = 3;

/// Words a person's name has ("Ann Lee", "Jean-Claude van Damme").
const NAME_WORDS: std::ops::RangeInclusive<usize> = 2..=4;

/// A line that is only a person's name: two to four capitalised words or
/// initials ("Sarah E. Needleman"), no digits, no function words, not all
/// in capitals; a trailing comma (joining it to its dateline) is not the name's.
fn is_name_line(info: &LineInfo) -> bool {
    name_line(info, false)
}

/// [`is_name_line`], a name set in capitals ("NATHANAEL JOHNSON":
/// innerText keeps a style's `text-transform`) included: only above a
/// bare dateline (see [`is_bare_dateline`]).
fn is_name_line_any_case(info: &LineInfo) -> bool {
    name_line(info, true)
}

/// A name set in capitals as a style sets it ("NATHANAEL JOHNSON" →
/// "Nathanael Johnson"); any other name as it is.
fn as_written_small(name: &str) -> String {
    if name.chars().any(char::is_lowercase) {
        return name.to_string();
    }
    name.split(' ')
        .map(|word| {
            let mut chars = word.chars();
            chars.next().map_or_else(String::new, |first| {
                first
                    .to_uppercase()
                    .chain(chars.flat_map(char::to_lowercase))
                    .collect()
            })
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A line of a date and no name: under a byline in capitals it dates the
/// story; a date with a name of its own ("October 30, 2020 Kate May")
/// dates an item of a list whose heading ("RECENT POSTS") is above it.
fn is_bare_dateline(info: &LineInfo) -> bool {
    if !info.date_only {
        return false;
    }
    let dates = info.date_spans();
    // Outside its dates, no word written as a name ("October 30, 2020
    // Kate May": "May" reads as a month); "UTC", "Uhr" or "AM" may be.
    let text = info.text();
    let Some(rest) = without_dates(text, &dates, ' ') else {
        return false;
    };
    let named = rest.split_whitespace().any(|w| {
        let mut letters = w.chars().filter(|c| c.is_alphabetic());
        letters.next().is_some_and(char::is_uppercase)
            && letters.any(char::is_lowercase)
            && w.chars().count() > 3
    });
    !named && dated_byline(text, &dates).is_none()
}

fn name_line(info: &LineInfo, capitals: bool) -> bool {
    // "Amelie Siekmann," / "am Sonntag, 11.12.2022": the comma joins the
    // name to its dateline.
    let text = info.text().strip_suffix(',').unwrap_or(info.text());
    info.dates.is_empty() && info.stopwords <= particles(text) && name_shaped(info, text, capitals)
}

/// A first name written as its initials: "E.", "J.R.", "J.-P.".
fn is_initials(word: &str) -> bool {
    word.strip_suffix('.').is_some_and(|inner| {
        inner.split('.').all(|initial| {
            let mut letters = initial.strip_prefix('-').unwrap_or(initial).chars();
            letters.next().is_some_and(char::is_uppercase) && letters.next().is_none()
        })
    })
}

/// Small words inside a name ("Christoph von Ritter"): its only ones.
fn particles(name: &str) -> usize {
    let words: Vec<&str> = name.split_whitespace().collect();
    let inner = words
        .get(1..words.len().saturating_sub(1))
        .unwrap_or_default();
    inner.iter().filter(|w| is_name_particle(w)).count()
}

/// Whether `name`, a line's text or its start, is written as a person's
/// name: two to four capitalised words or initials ("Sarah E. Needleman"),
/// particles inside, no digits, not all in capitals unless `capitals`.
fn name_shaped(info: &LineInfo, name: &str, capitals: bool) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    let shouting =
        capitals && name.chars().any(char::is_uppercase) && !name.chars().any(char::is_lowercase);
    NAME_WORDS.contains(&words.len())
        && info.furniture.is_none()
        && !crate::text::lists::is_related_heading(info.text())
        && !name
            .chars()
            .any(|c| c.is_ascii_digit() || matches!(c, ':' | '|' | '?' | '!'))
        && words.iter().enumerate().all(|(at, w)| {
            let mut letters = w.chars().filter(|c| c.is_alphabetic());
            let first = letters.next();
            let initial = is_initials(w);
            // "Ariel H": a last name cut to its initial.
            let last_initial = at == words.len() - 1 && w.chars().count() == 1;
            let capitalised = first.is_some_and(char::is_uppercase)
                && (initial || last_initial || shouting || letters.any(char::is_lowercase));
            capitalised || at > 0 && at < words.len() - 1 && is_name_particle(w)
        })
}

/// Whether each word of a guessed name is written in small letters in
/// the page's sentences ("Open Future", "Fiction Page"): words, not a
/// person's name. (A name's words rarely are: "Gibney", "Elizabeth".)
fn page_words(infos: &[LineInfo], name: &str) -> bool {
    let wanted: Vec<String> = words(name)
        .filter(|w| w.chars().count() > 1 && !is_name_particle(w))
        .map(str::to_lowercase)
        .collect();
    let mut seen = vec![false; wanted.len()];
    let sentences = infos.iter().filter(|l| l.prose == Prose::Running);
    for word in sentences.flat_map(|l| words(l.text())) {
        if let Some(k) = wanted.iter().position(|w| w == word) {
            seen[k] = true;
        }
    }
    !wanted.is_empty() && seen.iter().all(|&s| s)
}

/// The name a line gives alone, or with its author's role or the date
/// after it ("Tim Childers - Live Science Contributor", "Moritz Bachmann
/// publiziert am 12.03.2024").
fn line_name(info: &LineInfo) -> Option<String> {
    let name = name_before_tail(info.text())
        .filter(|name| name_shaped(info, name, false))
        .or_else(|| is_name_line(info).then(|| whole_name(info)));
    name.map(str::to_string)
}

/// A name line's text without the comma that joins it to its dateline.
fn whole_name<'i>(info: &'i LineInfo) -> &'i str {
    info.text().trim_end_matches(',').trim()
}

/// Of a best line's probability, the share a line needs to be read as
/// story when no line reaches the usual threshold.
const RELATIVE_STORY_SHARE: f32 = 0.6;

/// Lines below this probability are never a story, however few the others.
const LEAST_STORY_PROBABILITY: f32 = 0.05;

/// The story's span when no line reaches the story threshold: the
/// probabilities of sentences (never of labels and menu items) are scaled
/// so that those near the best one do, and the span is found again (empty
/// when no sentence is story-like at all).
fn most_storylike(infos: &[LineInfo], probabilities: &mut [f32]) -> std::ops::Range<usize> {
    let sentences: Vec<bool> = infos.iter().map(|l| l.prose != Prose::NotProse).collect();
    let best = probabilities
        .iter()
        .zip(&sentences)
        .filter_map(|(p, &sentence)| sentence.then_some(*p))
        .fold(0.0, f32::max);
    if best < LEAST_STORY_PROBABILITY {
        return 0..0;
    }
    let scale = STORY_THRESHOLD / (best * RELATIVE_STORY_SHARE);
    for (p, _) in probabilities.iter_mut().zip(&sentences).filter(|(_, &s)| s) {
        *p = (*p * scale).min(1.0);
    }
    story_span(infos, probabilities)
}

/// The section label above the headline: the nearest short label line,
/// looking past datelines ("Facts" / "13:28 31.12.2025" / headline).
fn find_section(infos: &[LineInfo], used: &[bool], headline: usize) -> Option<usize> {
    let mut i = headline;
    for _ in 0..SECTION_LOOKBACK {
        i = i.checked_sub(1)?;
        let info = &infos[i];
        if info.date_only || info.furniture.is_some() || is_comment_link(info) {
            continue;
        }
        // A breadcrumb trail ending with the headline is the header's top.
        if info.text().ends_with(infos[headline].text()) {
            return None;
        }
        let label = !used[i]
            && (1..=SECTION_MAX_WORDS).contains(&info.words)
            && info.dates.is_empty()
            && !info.ends_sentence
            && byline_names(info.text()).is_none()
            && stated_reading_minutes(info.text()).is_none()
            && !crate::text::structure::is_picture_placeholder(info.text());
        return label.then_some(i);
    }
    None
}

/// A line of the post's header that leads to its comments ("2
/// Kommentare", "Hinterlasse einen Kommentar", "Recent Comments"): no
/// section label. One word alone ("Kommentar") may be the section, and
/// so may "Commentary" (an opinion section, not readers' comments).
fn is_comment_link(info: &LineInfo) -> bool {
    // A longer line naming comments is a list of the post's categories.
    const MAX_WORDS: usize = 4;
    (2..=MAX_WORDS).contains(&info.words)
        && crate::text::language::words(&info.text().to_lowercase())
            .any(|w| !w.starts_with("commentar") && COMMENT_WORDS.iter().any(|c| w.starts_with(c)))
}

/// Every line the article does not use, grouped into runs with one reason.
fn dropped_parts(
    infos: &[LineInfo],
    used: &[bool],
    reasons: &[Option<DropReason>],
    story_start: usize,
    story_end: usize,
) -> Vec<Dropped> {
    let mut dropped: Vec<Dropped> = Vec::new();
    let mut last_index = None;
    for (i, info) in infos.iter().enumerate() {
        if used[i] {
            continue;
        }
        let reason = reasons[i].or(info.furniture).unwrap_or(if i < story_start {
            DropReason::Navigation
        } else if i >= story_end {
            DropReason::Footer
        } else {
            DropReason::Boilerplate
        });
        match dropped.last_mut() {
            Some(last) if last.reason == reason && last_index.map(|l| l + 1) == Some(i) => {
                last.last_line = info.line.number.get();
            }
            _ => dropped.push(Dropped {
                first_line: info.line.number.get(),
                last_line: info.line.number.get(),
                reason,
                excerpt: info.text().chars().take(EXCERPT_CHARS).collect(),
            }),
        }
        last_index = Some(i);
    }
    dropped
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A paragraph of running text, for stories the tests put together.
    const COUNCIL: &str = "The council voted on Tuesday to keep the library open, after a year of protests by readers and staff, and to pay for it from the culture budget of the city.";

    #[test]
    fn a_headline_loses_its_breadcrumb_and_site_name() {
        assert_eq!(
            without_site_parts("Sie sind hier: Home » Europa » Ostfriesland » Emden"),
            "Emden"
        );
        assert_eq!(
            without_site_parts("Sie sind hier: > Eine private Wildvogelstation"),
            "Eine private Wildvogelstation"
        );
        assert_eq!(
            without_site_parts("Home → Notizie → Il Climate Clock ha iniziato a scorrere"),
            "Il Climate Clock ha iniziato a scorrere"
        );
        // A headline that only mentions where one is keeps its words.
        assert_eq!(
            without_site_parts("You are here because the rain stopped"),
            "You are here because the rain stopped"
        );
        assert_eq!(
            without_site_parts("Home » Recipes » Sharing » Olive & Herb Focaccia Bread"),
            "Olive & Herb Focaccia Bread"
        );
        assert_eq!(
            without_site_parts("Forum>iPhone>kein App Store mehr über Mobile Daten"),
            "kein App Store mehr über Mobile Daten"
        );
        // A trail from the root set apart by slashes; a title with a slash stays.
        assert_eq!(
            without_site_parts("home / Betrieb / IT / Cyber-Angriffe: 20 Prozent vom Budget"),
            "Cyber-Angriffe: 20 Prozent vom Budget"
        );
        assert_eq!(
            without_site_parts("Dare to Play 3 / October pack"),
            "Dare to Play 3 / October pack"
        );
        assert_eq!(
            without_site_parts(
                "Minister says talks with the neighbours will go on | Example Times"
            ),
            "Minister says talks with the neighbours will go on"
        );
        assert_eq!(
            without_site_parts("Inflation > 5%: what it means"),
            "Inflation > 5%: what it means"
        );
        assert_eq!(without_site_parts("Left | Right"), "Left | Right");
    }

    #[test]
    fn a_tools_metadata_over_plain_lines_gives_the_header_and_keeps_every_line() {
        // trafilatura's text with its metadata: the page's <title> over
        // the story's paragraphs, one a line.
        let text = "---\ntitle: \"Rutger Bregman: Unser wahres Ich - brand eins online\"\nauthor: Ann Lee; Bo Ek\nurl: https://www.brandeins.de/magazine/unser-wahres-ich\nsitename: brandeins.de\ndate: \"2022-12-30\"\n---\nUnser wahres Ich\nDer Mensch ist von Natur aus selbsts\u{fc}chtig und eigenn\u{fc}tzig. So hei\u{df}t es.\nStimmt nicht, sagt der Historiker.\nNach dem Hurrikan kam es durchaus zu Pl\u{fc}nderungen.\nNat\u{fc}rlich, die Leute hatten nichts zu essen, im Stadion sa\u{df}en damals rund 30 000 Menschen fest, und die Hilfe kam nur sehr langsam in Gang.\n";
        let article = parse_text(text);
        assert_eq!(article.form, Form::Text);
        assert_eq!(article.headline.as_deref(), Some("Unser wahres Ich"));
        assert_eq!(article.byline, vec!["Ann Lee", "Bo Ek"]);
        assert_eq!(article.published.as_deref(), Some("2022-12-30"));
        let body: Vec<&str> = article.body.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(body.len(), 4, "{body:?}");
        assert!(body[2].starts_with("Nach dem Hurrikan"));
        // No line prints the title: the title without the site's name.
        let untitled = text.replace("Unser wahres Ich\nDer", "Der").replace(
            "Rutger Bregman: Unser wahres Ich - brand eins online",
            "Unser wahres Ich - Brandeins",
        );
        assert_eq!(
            parse_text(&untitled).headline.as_deref(),
            Some("Unser wahres Ich")
        );
    }

    #[test]
    fn a_header_of_labelled_fields_names_the_page_over_its_text() {
        // A reader service's page: "Title:", "URL Source:", then the page.
        let paragraph = COUNCIL;
        let menu = "* [Home](/)\n* [News](/news)\n* [Sport](/sport)\n* [Kultur](/kultur)\n";
        let text = format!(
            "Title: Library stays open after a year of protests | Example News\n\nURL Source: https://news.example.com/2019/11/18/library\n\nWarning: This page maybe requiring CAPTCHA\n\nMarkdown Content:\n{menu}\n## Most read\n\n[Bridge closed for repairs](/bridge)\n\n# Library stays open after a year of protests\n\n{paragraph}\n\n{paragraph}\n"
        );
        let article = parse_text(&text);
        assert_eq!(article.form, Form::Markdown);
        assert_eq!(
            article.headline.as_deref(),
            Some("Library stays open after a year of protests")
        );
        assert_eq!(article.published.as_deref(), Some("2019-11-18"));
        assert_eq!(
            article.url.as_deref(),
            Some("https://news.example.com/2019/11/18/library")
        );
        // The header is no part of the text read, nor of the story.
        let read = logical_lines(&text, None).text;
        assert!(!read.contains("CAPTCHA") && !read.contains("Markdown Content"));
        assert!(article
            .body
            .iter()
            .all(|b| !b.text.contains("URL Source") && !b.text.contains("CAPTCHA")));
        // Two labels are no header unless one is the title or the address.
        let dated = "Date: 18.11.2019\nAuthor: Anna Muster\n\nLibrary stays open\n";
        assert!(logical_lines(dated, None)
            .text
            .contains("Author: Anna Muster"));
    }

    #[test]
    fn hyphenation_hints_no_reader_sees_are_left_out() {
        let paragraph = COUNCIL;
        let text = format!(
            "Home\nNews\nLi\u{ad}brary stays open af\u{ad}ter a year of pro\u{ad}tests\n\n{paragraph}\n\n{paragraph}\u{200b}\n\nLibrary stays open after a year of protests\n"
        );
        let article = parse_text(&text);
        assert_eq!(
            article.headline.as_deref(),
            Some("Library stays open after a year of protests")
        );
        assert!(article
            .body
            .iter()
            .all(|b| !b.text.contains(['\u{ad}', '\u{200b}'])));
        // A zero-width joiner holds an emoji together: it stays.
        let family = "\u{1f468}\u{200d}\u{1f469}\u{200d}\u{1f467}";
        assert_eq!(without_invisibles(family), family);
    }

    #[test]
    fn a_headline_written_as_a_heading_shows_without_its_marks() {
        assert_eq!(
            without_heading_marks("# Harbour plan signed"),
            "Harbour plan signed"
        );
        assert_eq!(without_heading_marks("### Harbour plan"), "Harbour plan");
        assert_eq!(
            without_heading_marks("#1 on the charts"),
            "#1 on the charts"
        );
        assert_eq!(without_heading_marks("#hashtag"), "#hashtag");
        let text = "# The Effect of Influenza Vaccination for the Elderly on Hospitalization\n\nThe council met on Monday and agreed on the plan for the harbour after a long debate that ran on.\n\nWork will start in the spring, and the harbour will stay open for the ferries all the while, officials said.\n";
        assert_eq!(
            parse_text(text).headline.as_deref(),
            Some("The Effect of Influenza Vaccination for the Elderly on Hospitalization")
        );
    }

    #[test]
    fn a_markdown_masthead_far_above_the_story_is_not_its_headline() {
        let paragraph = COUNCIL;
        let menu = "* [Home](/)\n* [Mode](/mode)\n* [Fotos](/fotos)\n* [Events](/events)\n* [Kontakt](/kontakt)\n* [Archiv](/archiv)\n* [Impressum](/impressum)\n* [Suche](/suche)\n";
        let blog = format!(
            "# Modablog\n\n{menu}\n## Library stays open after a year of protests\n\n{paragraph}\n\n{paragraph}\n"
        );
        let article = parse_text(&blog);
        assert_eq!(article.form, Form::Markdown);
        assert_eq!(
            article.headline.as_deref(),
            Some("Library stays open after a year of protests")
        );
        // Close above the story, the page's one heading is its title.
        let close = format!(
            "# Library stays open after a year of protests\n\n{paragraph}\n\n{paragraph}\n\n{menu}"
        );
        assert_eq!(
            parse_text(&close).headline.as_deref(),
            Some("Library stays open after a year of protests")
        );
    }

    #[test]
    fn a_text_browsers_flush_heading_is_the_headline_over_its_indented_lead() {
        // lynx -dump: the title flush left, the lead set in like the story.
        let text = [
            "Unser wahres Ich",
            "",
            "   Der Mensch ist von Natur aus selbstsüchtig und eigennützig. So heißt",
            "   es.",
            "",
            "   Stimmt nicht, sagt der niederländische Historiker und Autor Rutger",
            "   Bregman.",
            "",
            "   Ein Blick in die Geschichte zeige:",
            "   Wir sind viel besser, als wir denken.",
            "",
            "   Text und Interview: Harald Willenbrock",
            "   [file]",
            "   [012023_Titel.png]",
            "     __________________________________________________________________",
            "",
            "   Ausgabe kaufen",
            "   Leserbrief schreiben",
            "     __________________________________________________________________",
            "",
            "   brand eins: „Im Grunde gut“ heißt Ihr Bestseller, in dem Sie die",
            "   vermeintlich schlechte Natur des Menschen auseinandernehmen. Während",
            "   wir darüber sprechen, führt 2000 Kilometer weiter östlich Russland",
            "   Krieg gegen die Ukraine, weltweit sind Demagogen auf dem Vormarsch, und",
            "   die Menschheit fummelt selbstmörderisch am Thermostaten ihres Planeten.",
            "   Kann man unsere Spezies da „im Grunde gut“ nennen?",
            "   Rutger Bregman: Das ist alles deprimierend, keine Frage. Die Menschheit",
            "   hat jedoch schon sehr viel verheerendere Kriege und schlimmere Krisen",
            "   erlebt. Angeblich zeigen Menschen in solchen Extremsituationen ihre",
            "   schlechteste Seite. Nehmen Sie den Hurrikan Katrina im Jahr 2005 im",
            "   Südosten der USA: Damals hörte man schreckliche Geschichten aus New",
            "   Orleans über Plünderungen, Gewaltausbrüche und Morde, sogar an Kindern.",
            "",
        ]
        .join("\n");
        let article = parse_text(&text);
        assert_eq!(article.form, Form::Wrapped);
        assert_eq!(article.headline.as_deref(), Some("Unser wahres Ich"));
    }

    #[test]
    fn a_day_without_its_year_takes_the_copyright_lines_year() {
        let paragraph = COUNCIL;
        let text = format!(
            "Home\nNews\nLibrary stays open after a year of protests\nBy Anna Muster\nNov 18\n\n{paragraph}\n\n{paragraph}\n\n{paragraph}\n\nExample News © 2002-2019 Example Media, LLC. All rights reserved.\n"
        );
        let article = parse_text(&text);
        assert_eq!(article.published.as_deref(), Some("2019-11-18"));
        assert_eq!(article.published_text.as_deref(), Some("Nov 18"));
        // No year stated anywhere: no date is made up.
        let unyeared = parse_text(&text.replace("© 2002-2019", "©"));
        assert_eq!(unyeared.published, None);
    }

    #[test]
    fn a_name_beside_the_dateline_is_the_byline() {
        let paragraph = COUNCIL;
        let text = format!(
            "Home\nNews\nLibrary stays open after a year of protests\nAnna E. Muster\n16.10.2019 14:00\n\n{paragraph}\n\n{paragraph}\n\n{paragraph}\n"
        );
        let article = parse_text(&text);
        assert_eq!(
            article.headline.as_deref(),
            Some("Library stays open after a year of protests")
        );
        assert_eq!(article.byline, vec!["Anna E. Muster"]);
        let unnamed = parse_text(&text.replace("Anna E. Muster", "Deutsche Bahn: Streik"));
        assert!(unnamed.byline.is_empty());
    }

    #[test]
    fn a_dateline_under_a_later_copy_of_the_headline_names_the_author() {
        let paragraph = COUNCIL;
        let menu = "Home\nNews\nSport\nCulture\nWeather\nTravel\nBusiness\nScience\nHealth\nOpinion\nVideo\nPodcasts\nNewsletters\nEvents\n";
        let text = format!(
            "Library stays open after a year of protests\n{menu}{menu}Library stays open after a year of protests\n By Alex Kim Last updated Nov 8, 2023 Share with a friend:\n\n{paragraph}\n\n{paragraph}\n\n{paragraph}\n"
        );
        let article = parse_text(&text);
        assert_eq!(article.published.as_deref(), Some("2023-11-08"));
        assert_eq!(article.byline, vec!["Alex Kim"]);
    }

    #[test]
    fn a_whole_page_as_text_has_its_header_under_the_headlines_copy_over_the_story() {
        // Its title first (the headline's first copy), the site's date of
        // the day or a long menu, then the header over the story.
        let paragraph = COUNCIL;
        let headline = "Library stays open after a year of protests";
        let menu: Vec<String> = (1..=20).map(|n| format!("Section {n}")).collect();
        let menu = menu.join("\n");
        for (signed, name) in [
            ("By J.R. Stone", "J.R. Stone"),
            ("Elizabeth Gibney", "Elizabeth Gibney"),
        ] {
            let text = format!(
                "{headline}\n{menu}\n{headline}\n{signed}\n\n{paragraph}\n\n{paragraph}\n\n{paragraph}\n"
            );
            let article = parse_text(&text);
            assert_eq!(article.headline.as_deref(), Some(headline));
            assert_eq!(article.byline, vec![name], "{signed}");
        }
        let dated = format!(
            "{headline}\n38°F\nThursday, November 9th 2023\nE-Edition\nLocal News | \nHS football database\nLocal News | \nRead the columns\nLocal News | \nWhy am I still here?\nLocal News\nLocal News | \n{headline}\nReaders rallied for a year\nThe mayor speaks at the branch on Tuesday morning before the vote.\n | \nnews@example.com\nNovember 8, 2023 at 4:56 p.m.\n | UPDATED: \nNovember 8, 2023 at 6:00 p.m.\n{paragraph}\n{paragraph}\n"
        );
        let article = parse_text(&dated);
        assert_eq!(article.published.as_deref(), Some("2023-11-08T16:56"));
        // The headline twice in a row is one header shown twice, its
        // update no publication.
        let twice = format!(
            "Home\nNews\nCity\n{headline}\n{headline}\n\n\n\n\nX Share via\n\n\n\nShare permalink\n\nReuters, Washington,\nNov 20 2019, 11:06am ist\nupdated: Nov 20 2019, 15:24pm ist\n\n{paragraph}\n\n{paragraph}\n"
        );
        let article = parse_text(&twice);
        assert_eq!(article.published.as_deref(), Some("2019-11-20T11:06"));
        assert_eq!(article.updated.as_deref(), Some("2019-11-20T15:24"));
    }

    #[test]
    fn a_posts_line_of_facts_gives_its_date_author_and_tags() {
        let paragraph = COUNCIL;
        let text = format!(
            "Library stays open after a year of protests\nVeröffentlicht: 05.01.2020 | Autor: gnaddrig | Abgelegt unter: Stadt | Tags: Bibliothek, Protest\n\n{paragraph}\n\n{paragraph}\n"
        );
        let article = parse_text(&text);
        assert_eq!(article.published.as_deref(), Some("2020-01-05"));
        assert_eq!(article.byline, vec!["gnaddrig"]);
        assert_eq!(article.tags, vec!["Bibliothek", "Protest"]);
    }

    #[test]
    fn a_post_that_states_when_it_was_published_is_dated_so() {
        let paragraph = COUNCIL;
        let text = format!(
            "Library stays open after a year of protests\n24. Januar 2020\n\n{paragraph}\n\n{paragraph}\n\nDieser Beitrag wurde am 4. Februar 2020 um 15:21 Uhr von kj in Stadt veröffentlicht.\n"
        );
        assert_eq!(
            parse_text(&text).published.as_deref(),
            Some("2020-02-04T15:21")
        );
    }

    #[test]
    fn a_pictures_credit_in_plain_text_is_left_out_and_says_why() {
        let paragraph = COUNCIL;
        let text = format!(
            "Library stays open after a year of protests\n\n{paragraph}\n\nFoto: dpa/Michael Kappeler\n\n{paragraph}\n\n{paragraph}\n"
        );
        let article = parse_text(&text);
        assert!(article.body.iter().all(|b| !b.text.contains("Kappeler")));
        assert!(article
            .dropped
            .iter()
            .any(|d| d.reason == DropReason::PictureCredit && d.excerpt.contains("Kappeler")));
    }

    #[test]
    fn a_picture_a_text_browser_names_is_left_out() {
        let paragraph = COUNCIL;
        let text = format!(
            "[logo-compact.svg]\nLibrary stays open after a year of protests\n\n{paragraph}\n\n[Werkliste-Abb]\n\n{paragraph}\n\n{paragraph}\n"
        );
        let article = parse_text(&text);
        assert_eq!(article.section, None);
        assert!(article.body.iter().all(|b| !b.text.contains("Werkliste")));
        assert!(article
            .dropped
            .iter()
            .any(|d| d.reason == DropReason::PictureCredit && d.excerpt.contains("Werkliste")));
    }

    #[test]
    fn a_short_line_opening_with_its_date_under_the_headline_dates_the_story() {
        // Minutes of a meeting: the story dates the last meeting, on a
        // short line of its own; the line under the headline dates the post.
        let paragraph = "Wir wollen eine Formulierung finden, über die die Mitglieder abstimmen können, und Daniel macht dafür bis zur nächsten Sitzung eine Vorlage.";
        let text = format!(
            "FORUM\nVeranstaltungen\nSuchen\nProtokoll der Vorstandssitzung vom 10. Oktober 2019\n26/12/2019 von revamp-it Webteam\n\nZeit und Ort: 15.00 – 16.45 bei revamp-it, Röschibachstr. 24-26, 8037 Zürich\nProtokoll: Johannes Mahler\n\nAbnahme Protokoll der letzten Vorstandssitzung vom 5.8.2019\nakzeptiert\n\nStatuten\n{paragraph}\n{paragraph}\n{paragraph}\n"
        );
        assert_eq!(parse_text(&text).published.as_deref(), Some("2019-12-26"));
    }

    #[test]
    fn the_signed_dateline_under_the_headline_beats_other_dates() {
        // A video page: the line under the headline dates and signs the
        // story; the date the video stays online until comes later, with a time.
        let text = [
            "Impressum",
            "ARD Audiothek",
            "Metanavigation",
            "betrifft: ...: Nahrungsergänzungsmittel - Das dubiose Geschäft mit der Hoffnung | Video der Sendung vom 16.10.2019 18:15 Uhr (16.1.2019)",
            "Nahrungsergänzungsmittel - Das dubiose Geschäft mit der Hoffnung",
            "16.10.2019 betrifft: ... ∙ SWR Fernsehen",
            "",
            "Dubiose Händler versprechen Hilfe bei Schlafstörungen, Gelenkschmerzen, erhöhten Cholesterinwerten oder sogar Krebs. \"betrifft\" beleuchtet, wie es Gesetzeslücken ermöglichen, dass sogar gefährliche Nahrungsergänzungsmittel völlig unkontrolliert auf den Markt gelangen.",
            "",
            "Bildquelle: SWR",
            "",
            "Video verfügbar bis:",
            "14.10.2020 ∙ 14:00 Uhr",
            "",
            "Mehr aus der SendungListe mit 24 Einträgen",
            "44 Min.",
        ]
        .join("\n");
        let article = parse_text(&text);
        assert_eq!(
            article.headline.as_deref(),
            Some("Nahrungsergänzungsmittel - Das dubiose Geschäft mit der Hoffnung")
        );
        assert_eq!(
            article.published.as_deref().map(|p| &p[..10]),
            Some("2019-10-16")
        );
    }

    #[test]
    fn a_page_title_opening_the_text_names_the_headline_line() {
        // A whole page as `get_text` writes it: its `<title>` first.
        let page = |title: &str| {
            [
                title,
                "Startseite",
                "Blog",
                "Kontakt",
                "Hope!",
                "12. März 2021",
                "",
                "Manchmal reicht ein kleines Wort, um einen ganzen Tag zu verändern. Heute schreibe ich darüber, wie Hoffnung im Alltag wächst, wenn man sie pflegt.",
                "",
                "Es beginnt mit kleinen Dingen: einem Gespräch am Morgen, einem Spaziergang im Park und einem Brief an einen alten Freund, der lange gewartet hat.",
                "",
                "Startseite",
            ]
            .join("\n")
        };
        let titled = parse_text(&page("Hope! - bewusster leben"));
        assert_eq!(titled.headline.as_deref(), Some("Hope!"));
        // A first line with no site name after a separator may be the
        // menu's first item: no title, and never the headline; the word
        // above the post's date still is.
        let untitled = parse_text(&page("Startseite"));
        assert_eq!(untitled.headline.as_deref(), Some("Hope!"));
    }

    #[test]
    fn the_line_a_breadcrumb_trail_ends_with_is_the_headline() {
        // A short post whose page goes on with a longer text about the site.
        let text = [
            "Astrofoto-Community:",
            "Anmelden",
            "Startseite",
            "News",
            "StartseiteAstro-BilderPlejaden, M45",
            "Plejaden, M45",
            "",
            "September 17, 2019 Helmut Rubik 0",
            "",
            "Nun nicht im Staub, sondern mit ausgeprägten Sternstrahlen und intensiv blauen Nebelgebieten.",
            "",
            "Kategorie: Erste Versuche",
            "Datum: 31/08/2019",
            "Hinterlasse jetzt einen Kommentar",
            "Name*",
            "E-Mail*",
            "Webseite",
            "",
            "Abenteuer Astronomie",
            "",
            "Abenteuer Astronomie war eine Zeitschrift für praktische Astronomie in deutscher Sprache. Sie galt als Nachfolger des langjährigen Magazins Interstellarum und erschien alle zwei Monate mit Berichten, Tests und Beobachtungstipps für Einsteiger und Fortgeschrittene.",
            "",
            "Das Buch Astronomie für Einsteiger ist ein Ratgeber für alle, die gerne tief in die Hobbyastronomie einsteigen wollen. Von der Orientierung am Sternenhimmel bis zur Wahl des ersten Teleskops erklärt es jeden Schritt in klarer Sprache und mit vielen Bildern.",
        ]
        .join("\n");
        let article = parse_text(&text);
        assert_eq!(article.headline.as_deref(), Some("Plejaden, M45"));
        assert_eq!(article.section, None, "the trail is no section label");
        let trail = |lines: &str| {
            crumbed_title(
                &crate::text::classify::classify(&split_lines(lines), None),
                5,
            )
        };
        assert_eq!(
            trail("Home » Recipes » Olive & Herb Focaccia Bread\nOlive & Herb Focaccia Bread"),
            Some(1)
        );
        // "Headline | Site" over the site's name is a page title, not a trail.
        assert_eq!(
            trail("Atomkraft und Erdgas sind nicht nachhaltig | Umweltbundesamt\nUmweltbundesamt"),
            None
        );
        // A line that only ends with another is no trail without a root or signs.
        assert_eq!(
            trail("Navigation schliessen und weiter\nschliessen und weiter"),
            None
        );
    }

    #[test]
    fn the_title_its_comments_quote_is_the_headline() {
        let paragraph = COUNCIL;
        let text = format!(
            "My little blog\nHome\nAbout\nScherenschnitt (3)\nVeröffentlicht: 05.01.2020\n\nThe old town at night, cut from black paper\n\n{paragraph}\n\n{paragraph}\n\n5 Kommentare zu „Scherenschnitt (3)“\n\nAnna sagt:\nSchön!\n"
        );
        assert_eq!(
            parse_text(&text).headline.as_deref(),
            Some("Scherenschnitt (3)")
        );
        // The title quoted whole keeps what follows its bar: no site's name.
        let guide = format!(
            "Search for:\nHow to Grow a Lemon Tree from Seed | Step-by-Step Guide\nRECENT POSTS\n\n{paragraph}\n\n{paragraph}\n\n25 thoughts on “How to Grow a Lemon Tree from Seed | Step-by-Step Guide”\n\nAnna says:\nLovely!\n"
        );
        assert_eq!(
            parse_text(&guide).headline.as_deref(),
            Some("How to Grow a Lemon Tree from Seed | Step-by-Step Guide")
        );
        // Quotes in a sentence are not a comment heading.
        let quoted = format!("Library stays open\n\n{paragraph}\n\nShe called it “The old town at night, cut from black paper” in her letter.\n");
        assert_eq!(
            commented_title(&crate::text::classify::classify(
                &split_lines(&quoted),
                None
            )),
            None
        );
    }

    #[test]
    fn a_name_keeps_no_bracket_its_line_closed() {
        let paragraph = COUNCIL;
        let text = format!(
            "Library stays open after a year of protests\n\n{paragraph}\n\n{paragraph}\n\nLibrary (last edited 2019-11-10 13:28:18 by MatsWichmann)\n"
        );
        assert_eq!(parse_text(&text).byline, vec!["MatsWichmann"]);
    }

    #[test]
    fn a_name_in_capitals_over_a_bare_dateline_is_the_byline() {
        let paragraph = COUNCIL;
        let page = |header: &str| {
            parse_text(&format!(
                "Home\nNews\nLibrary stays open after a year of protests\n{header}\n\n{paragraph}\n\n{paragraph}\n\n{paragraph}\n"
            ))
        };
        assert_eq!(
            page("NATHANAEL JOHNSON\nJANUARY 10, 2020 9:00AM (UTC)").byline,
            vec!["Nathanael Johnson"]
        );
        // A heading in capitals under a date, or over a date that has a
        // name of its own, is not the author.
        assert!(page("December 18, 2015\nAUTO NEWS").byline.is_empty());
        assert_eq!(
            page("RECENT POSTS\nOctober 30, 2020 Kate Smith").byline,
            vec!["Kate Smith"]
        );
        // Even when the date's name reads as a date ("May").
        assert!(page("RECENT POSTS\nOctober 30, 2020 Kate May")
            .byline
            .iter()
            .all(|n| n != "RECENT POSTS"));
    }

    #[test]
    fn a_name_joined_to_its_dateline_by_a_comma_is_the_byline() {
        let paragraph = COUNCIL;
        let text = format!(
            "Home\nNews\nLibrary stays open after a year of protests\nAnna Muster,\n16.10.2019 14:00\n\n{paragraph}\n\n{paragraph}\n\n{paragraph}\n"
        );
        assert_eq!(parse_text(&text).byline, vec!["Anna Muster"]);
    }

    #[test]
    fn a_label_on_its_own_line_names_the_author_below_it() {
        let paragraph = COUNCIL;
        let story = format!(
            "Library stays open after a year of protests\n16.10.2019 14:00\n\n{paragraph}\n\n{paragraph}\n\n{paragraph}\n"
        );
        let labelled = parse_text(&format!("{story}Autor:\nPeter Maahn/SP-X\nLesezeit:\n"));
        assert_eq!(labelled.byline, vec!["Peter Maahn", "SP-X"]);
        // "Von:" is also a search form's field: only a bare name below it counts.
        let named = parse_text(&format!("{story}Von:\nGötz Warnke\n"));
        assert_eq!(named.byline, vec!["Götz Warnke"]);
        let form = parse_text(&format!("{story}Von:\nSuche Erweiterte Suche...\n"));
        assert!(form.byline.is_empty(), "{:?}", form.byline);
        // Without a colon, an opener alone or an author box's heading:
        // only over a line that is nothing but a name.
        for label in [
            "Autor",
            "Published by",
            "Geschrieben von",
            "About the author",
        ] {
            let bare = parse_text(&format!("{story}{label}\nDaniel Lemire\n\nMore posts\n"));
            assert_eq!(bare.byline, vec!["Daniel Lemire"], "{label}");
            let not_a_name = parse_text(&format!("{story}{label}\nall posts by this author\n"));
            assert!(
                not_a_name.byline.is_empty(),
                "{label}: {:?}",
                not_a_name.byline
            );
        }
        let sponsor = parse_text(&format!("{story}Sponsored by\nKassen Suche\n"));
        assert!(sponsor.byline.is_empty(), "{:?}", sponsor.byline);
    }

    #[test]
    fn a_related_heading_is_never_a_name_and_opens_its_list() {
        let paragraph = COUNCIL;
        let text = format!(
            "Library stays open after a year of protests\n16.10.2019 14:00\n\n{paragraph}\n\n{paragraph}\n\n{paragraph}\n\nÄhnliche Beiträge\nDie Bibliothek bekommt ein neues Dach\nLesesaal wird im Sommer renoviert\nStadtrat streitet über das Kulturbudget\n"
        );
        let article = parse_text(&text);
        assert!(article.byline.is_empty(), "{:?}", article.byline);
        let titles: Vec<&str> = article.related.iter().map(|r| r.title.as_str()).collect();
        assert_eq!(
            titles,
            [
                "Die Bibliothek bekommt ein neues Dach",
                "Lesesaal wird im Sommer renoviert",
                "Stadtrat streitet über das Kulturbudget"
            ]
        );
    }

    #[test]
    fn a_list_items_mark_is_not_its_text() {
        let paragraph = COUNCIL;
        let text = format!(
            "Library stays open after a year of protests\n16.10.2019 14:00\n\n{paragraph}\n\n{paragraph}\n\n{paragraph}\n\nTags:\n  * Bibliothek\n  * Stadtrat\n\nÄhnliche Beiträge\n  * Die Bibliothek bekommt ein neues Dach\n  + Lesesaal wird im Sommer renoviert\n  - Stadtrat streitet über das Kulturbudget\n"
        );
        let article = parse_text(&text);
        assert_eq!(article.tags, ["Bibliothek", "Stadtrat"]);
        let titles: Vec<&str> = article.related.iter().map(|r| r.title.as_str()).collect();
        assert_eq!(
            titles,
            [
                "Die Bibliothek bekommt ein neues Dach",
                "Lesesaal wird im Sommer renoviert",
                "Stadtrat streitet über das Kulturbudget"
            ]
        );
    }

    #[test]
    fn a_link_to_the_comments_is_no_section_label() {
        let more = "Readers had asked for longer hours for years, saying that students, shift workers and families had nowhere else to go in the evening.";
        let section = |link: &str| {
            parse_text(&format!(
                "Politik\n{link}\nLibrary stays open after a year of protests\n16.10.2019 14:00\n\n{COUNCIL}\n\n{more}\n"
            ))
            .section
        };
        assert_eq!(section("2 Kommentare").as_deref(), Some("Politik"));
        assert_eq!(
            section("Hinterlasse einen Kommentar").as_deref(),
            Some("Politik")
        );
        // One word alone may be the section: an opinion piece's "Kommentar".
        assert_eq!(section("Kommentar").as_deref(), Some("Kommentar"));
        assert_eq!(
            section("Opinion Commentary").as_deref(),
            Some("Opinion Commentary")
        );
    }

    #[test]
    fn a_section_marked_as_a_lists_item_is_named_without_its_mark() {
        // A text tool that marks a menu's items ("* Events", inscriptis).
        let more = "Readers had asked for longer hours for years, saying that students, shift workers and families had nowhere else to go in the evening.";
        let article = parse_text(&format!(
            "* Startseite\n* Politik\nLibrary stays open after a year of protests\n16.10.2019 14:00\n\n{COUNCIL}\n\n{more}\n"
        ));
        assert_eq!(article.section.as_deref(), Some("Politik"));
    }

    #[test]
    fn a_recipes_ingredients_and_steps_are_the_story_not_side_lists() {
        let text = "Mandelplätzchen\n\nDiese Plätzchen backen wir jedes Jahr im Advent, und sie sind immer als erste weg, noch bevor der Tee fertig ist.\n\nZutaten:\n300 g Mehl\n1 TL Backpulver\n200 g Zucker\n1 Ei\nMandelsplitter\nZubereitung:\nAlle Zutaten in eine Schüssel geben und zu einem glatten Teig verarbeiten.\nDen Teig ausrollen und Figuren ausstechen.\nIm Ofen in 15 Minuten goldbraun backen.\n\nBeliebte Rezepte\nVanillekipferl wie von Oma\nZimtsterne ohne Mehl backen\nLebkuchen mit Schokolade\n\nZutaten\nObst und Beeren\nNüsse und Samen\nKräuter und Gewürze\n";
        let article = parse_text(text);
        let body: Vec<&str> = article.body.iter().map(|b| b.text.as_str()).collect();
        for line in [
            "300 g Mehl",
            "1 Ei",
            "Mandelsplitter",
            "Im Ofen in 15 Minuten goldbraun backen.",
        ] {
            assert!(body.iter().any(|b| b.contains(line)), "{line}: {body:?}");
        }
        let titles: Vec<&str> = article
            .side_lists
            .iter()
            .map(|l| l.title.as_str())
            .collect();
        // A site's menu under "Zutaten" counts nothing out: it stays aside.
        assert_eq!(titles, ["Beliebte Rezepte", "Zutaten"], "{body:?}");
        assert!(crate::text::lists::is_recipe_heading(
            "Zutaten für 12 Stück"
        ));
        assert!(!crate::text::lists::is_recipe_heading(
            "Rezepte nach Zutaten"
        ));
        assert!(!crate::text::lists::is_recipe_heading("Methodology"));
    }

    #[test]
    fn a_page_of_captions_shows_its_most_storylike_lines_not_an_empty_story() {
        let text = "Home\nWohnen\nVintage-Flair mit viel Grün\nMerken\nAm alten Küchentisch mit seinen Kaffeehausstühlen.\nDer Barschrank aus den 50er Jahren ist das Highlight im Wohnzimmer.\nMein 50er Jahre Barschrank steht gleich neben dem Fenster.\nMerken\nImpressum\nDatenschutz\n";
        let article = parse_text(text);
        let body: Vec<&str> = article.body.iter().map(|b| b.text.as_str()).collect();
        assert!(
            body.contains(&"Am alten Küchentisch mit seinen Kaffeehausstühlen."),
            "{body:?}"
        );
        assert!(
            !body
                .iter()
                .any(|b| b.contains("Impressum") || b.contains("Merken")),
            "{body:?}"
        );
        // A page with nothing story-like at all stays empty.
        assert!(parse_text("Home\nNews\nLogin\nImpressum\n").body.is_empty());
    }

    #[test]
    fn a_tag_list_under_its_label_ends_where_the_tags_do() {
        let paragraph = COUNCIL;
        let story = format!(
            "Library stays open after a year of protests\n16.10.2019 14:00\n\n{paragraph}\n\n{paragraph}\n\n{paragraph}\n"
        );
        let commas = parse_text(&format!(
            "{story}Themen\nLange Haare,\nHaare,\nLebensmittel\nWeitere Themen\n"
        ));
        assert_eq!(commas.tags, vec!["Lange Haare", "Haare", "Lebensmittel"]);
        // A scraper's text joins a list's links again: a line of several tags.
        let joined = parse_text(&format!(
            "{story}Tags:\n\nHaute Couture, Paris, Serkan Cura,\nSS14\n\nWeiterlesen\n"
        ));
        assert_eq!(
            joined.tags,
            vec!["Haute Couture", "Paris", "Serkan Cura", "SS14"]
        );
        let capitals = parse_text(&format!(
            "{story}Tags:\nBUSINESS\nNAPA COUNTY\nHOTEL\nLive Streams\n"
        ));
        assert_eq!(capitals.tags, vec!["BUSINESS", "NAPA COUNTY", "HOTEL"]);
        let label = parse_text(&format!(
            "{story}Tags\nRatboys\nIndierock\nBeitrag teilen:\n"
        ));
        assert_eq!(label.tags, vec!["Ratboys", "Indierock"]);
        let hashtags = parse_text(&format!("{story}#Bitcoin\n#CME\n#Futures\n"));
        assert_eq!(hashtags.tags, vec!["Bitcoin", "CME", "Futures"]);
        let topics = parse_text(&format!(
            "{story}Themen in diesem Artikel\nBoris Johnson\nEU-Gipfel\n"
        ));
        assert_eq!(topics.tags, vec!["Boris Johnson", "EU-Gipfel"]);
        // A sorted list ends where the next menu breaks its order.
        let actions = parse_text(&format!(
            "{story}Themen\nMarkt\nSelbstbestimmung\nWeitersagen\nÄhnliche Artikel\n"
        ));
        assert_eq!(actions.tags, vec!["Markt", "Selbstbestimmung"]);
        // A comment counter and the comments under it are no tags; a year is one.
        let comments = parse_text(&format!(
            "{story}Теги\nмодель\nвозраст\nКомментарии\n1\nГость\n"
        ));
        assert_eq!(comments.tags, vec!["модель", "возраст"]);
        // The next box's heading ends them: "Filed under" in Spanish.
        let boxed = parse_text(&format!(
            "{story}Archivado en:\nHielo\nAntártida\nMás información\nEspecial Antártida: viaje al deshielo\n"
        ));
        assert_eq!(boxed.tags, vec!["Hielo", "Antártida"]);
        // No label: short words between commas right under the story; not
        // an address, nor names with their initials.
        let unlabelled = parse_text(&format!(
            "{story}Biopolitik, Corona, Foucault, Gesellschaft, Pest\nPhilipp Sarasin\n"
        ));
        assert_eq!(
            unlabelled.tags,
            vec!["Biopolitik", "Corona", "Foucault", "Gesellschaft", "Pest"]
        );
        for line in [
            "Maximilianstraße 7, 67433 Neustadt, Telefon, Fax",
            "D. Bakir, C. Fröhlich, K. Grimm, C. Heidböhmer",
            "Double, double, toil, and trouble!",
        ] {
            assert!(
                parse_text(&format!("{story}{line}\n")).tags.is_empty(),
                "{line}"
            );
        }
        let count = parse_text(&format!("{story}Tags\nATP\n1\n0\nRobert\n"));
        assert_eq!(count.tags, vec!["ATP"]);
        let year = parse_text(&format!("{story}Tags\n2019\nJahreswechsel\n"));
        assert_eq!(year.tags, vec!["2019", "Jahreswechsel"]);
        let sorted = parse_text(&format!(
            "{story}Tags\ndebian-planet\nemacs\nreview\nshell\nMeta\nEdit\n"
        ));
        assert_eq!(
            sorted.tags,
            vec!["debian-planet", "emacs", "review", "shell"]
        );
        let joined = parse_text(&format!(
            "{story}Tags\nMultiplikator, Selbstfinanzierung\nJapan / Tokio\n"
        ));
        assert_eq!(
            joined.tags,
            vec!["Multiplikator", "Selbstfinanzierung", "Japan", "Tokio"]
        );
        // A labelled tag line inside the story's span leaves the body.
        let in_body = parse_text(&format!(
            "{story}Kategorien: Empfehlung, Plattformen | Tags: Entspannung, Glück, Neues Jahr | Permanentlink.\n\n{paragraph}\n"
        ));
        assert_eq!(in_body.tags, vec!["Entspannung", "Glück", "Neues Jahr"]);
        assert!(in_body.body.iter().all(|b| !b.text.contains("Tags:")));
        // A podcast's "Themen: …" line in a story is its contents, not tags.
        assert!(!names_its_tags(
            "Themen: Kritik aus dem Internet, Neue Prognosen"
        ));
        assert!(names_its_tags(
            "Kategorien: Empfehlung | Tags: Entspannung, Glück"
        ));
        // Above the headline, "Themen" titles the site's menu.
        let menu = parse_text(&format!("Themen\nPolitik\nSport\nKultur\n{story}"));
        assert!(menu.tags.is_empty(), "{:?}", menu.tags);
        // Below it, a "Topics" heading over the site's menu again: its
        // items stand elsewhere on the page too.
        let site_menu = "News\nPolitics\nTravel news\nStockholm\nMalmö\nPodcast\n";
        let repeated = parse_text(&format!(
            "{site_menu}\n{story}Topics\n{site_menu}\n#tattoo\n#Covid-19\n"
        ));
        assert_eq!(repeated.tags, vec!["tattoo", "Covid-19"]);
    }

    #[test]
    fn of_two_dates_glued_together_the_first_is_the_publication() {
        let paragraph = COUNCIL;
        let article = parse_text(&format!(
            "Library stays open after a year of protests\nVeröffentlicht am 10. Februar 20199. Februar 2019 von Heiko\n\n{paragraph}\n\n{paragraph}\n\n{paragraph}\n"
        ));
        assert_eq!(article.published.as_deref(), Some("2019-02-10"));
    }

    #[test]
    fn a_story_opening_with_its_date_as_wire_copy_does_is_dated_by_it() {
        let paragraph = COUNCIL;
        let wire = |opening: &str| {
            parse_text(&format!(
                "Mittwoch, 01. November 2023\nLibrary stays open after a year of protests\n\n{opening} {paragraph}\n\n{paragraph}\n"
            ))
            .published
        };
        assert_eq!(wire("31. Oktober 2023.").as_deref(), Some("2023-10-31"));
        assert_eq!(
            wire("Düsseldorf, 30. Oktober 2023 -").as_deref(),
            Some("2023-10-30")
        );
        // A date inside the paragraph's first sentence is what it tells.
        assert_eq!(
            wire("Am 30. Oktober 2023 trafen sich alle.").as_deref(),
            Some("2023-11-01")
        );
        // A lead and a summary above the dated paragraph; a comment's date
        // under the story.
        let under_a_lead = parse_text(&format!(
            "Library stays open after a year of protests\nThe council gave in to the readers.\n\nReaders had asked for longer hours for years, saying that students and shift workers had nowhere else to go.\n\n29.11.2022 \u{2013} {paragraph}\n\n{paragraph}\n\nMarth 02.12.2022, 15:57:32\nGreat news for the town.\n"
        ));
        assert_eq!(under_a_lead.published.as_deref(), Some("2022-11-29"));
    }

    #[test]
    fn a_headline_leaves_the_date_its_row_opened_with() {
        let paragraph = COUNCIL;
        let article = parse_text(&format!(
            "23.01.2022 - Library stays open after a year of protests\n\n{paragraph}\n\n{paragraph}\n\n{paragraph}\n"
        ));
        assert_eq!(
            article.headline.as_deref(),
            Some("Library stays open after a year of protests")
        );
        assert_eq!(article.published.as_deref(), Some("2022-01-23"));
        // A date that is the title's own first words stays.
        let dated = parse_text(&format!(
            "2022: Library stays open\n\n{paragraph}\n\n{paragraph}\n"
        ));
        assert_eq!(dated.headline.as_deref(), Some("2022: Library stays open"));
    }

    #[test]
    fn a_dateline_far_from_the_headlines_first_copy_still_names_the_author() {
        let paragraph = COUNCIL;
        let menu: String = (1..=20).map(|i| format!("Section {i}\n")).collect();
        let article = parse_text(&format!(
            "Library stays open after a year of protests\n{menu}Library stays open after a year of protests\nBy Emily Burack 8 January 2020, 3:51 pm\n\n{paragraph}\n\n{paragraph}\n\n{paragraph}\n"
        ));
        assert_eq!(article.byline, vec!["Emily Burack"]);
    }

    #[test]
    fn a_post_signed_right_under_it_has_its_byline() {
        let paragraph = COUNCIL;
        let signed = parse_text(&format!(
            "Library stays open after a year of protests\n\n{paragraph}\n\n{paragraph}\n\n{paragraph}\n\nPosted by T. V. Raman at 2:33 PM\n"
        ));
        assert_eq!(signed.byline, vec!["T. V. Raman"]);
        assert!(signed.body.iter().all(|b| !b.text.starts_with("Posted by")));
    }

    #[test]
    fn a_handle_after_an_opener_only_by_the_story() {
        let paragraph = COUNCIL;
        let page = |menu: &str, under: &str| {
            parse_text(&format!(
                "Home\n{menu}\nRecipes\nTravel\nShops\n\nLibrary stays open after a year of protests\n{under}\n\n{paragraph}\n\n{paragraph}\n\n{paragraph}\n"
            ))
        };
        // An Italian menu's "In season" names no one.
        assert!(page("Di stagione", "").byline.is_empty());
        assert_eq!(page("News", "von flerche").byline, vec!["flerche"]);
    }

    #[test]
    fn a_name_alone_under_the_headline_is_the_byline() {
        let paragraph = COUNCIL;
        let text = format!(
            "Home\nLibrary stays open after a year of protests\nElizabeth Gibney\n\n{paragraph}\n\n{paragraph}\n\n{paragraph}\n"
        );
        let article = parse_text(&text);
        assert_eq!(article.byline, vec!["Elizabeth Gibney"]);
        let particle = parse_text(&text.replace("Elizabeth Gibney", "Christoph von Ritter"));
        assert_eq!(particle.byline, vec!["Christoph von Ritter"]);
        let initial = parse_text(&text.replace("Elizabeth Gibney", "By Juan Carlos Muñoz C."));
        assert_eq!(initial.byline, vec!["Juan Carlos Muñoz C."]);
        // Initials glued ("J.R."), the opener on a line of its own.
        let initials = parse_text(&text.replace("Elizabeth Gibney", "By\nJ.R. Stone"));
        assert_eq!(initials.byline, vec!["J.R. Stone"]);
        assert!(is_initials("J.-P.") && !is_initials("Jr.") && !is_initials("U.S"));
        assert!(article.diagnostics.iter().any(|d| d == NAME_LINE_BYLINE));
        // The author's role or the date after the name is not the name's.
        for line in [
            "Elizabeth Gibney - Live Science Contributor",
            "Elizabeth Gibney Staff Writer",
            "Elizabeth Gibney, AP Science Writer",
        ] {
            let roled = parse_text(&text.replace("Elizabeth Gibney", line));
            assert_eq!(roled.byline, vec!["Elizabeth Gibney"], "{line}");
        }
        let dated = parse_text(&text.replace(
            "Elizabeth Gibney",
            "Elizabeth Gibney publiziert am 12.03.2024",
        ));
        assert_eq!(dated.byline, vec!["Elizabeth Gibney"]);
        // Words the story writes in small letters are no one's name.
        let words = parse_text(&text.replace("Elizabeth Gibney", "Library Budget"));
        assert!(words.byline.is_empty(), "{:?}", words.byline);
        assert_eq!(
            dated.published.as_deref().map(|d| &d[..10]),
            Some("2024-03-12")
        );
    }

    #[test]
    fn a_headline_with_words_glued_on_gives_way_to_its_bare_line() {
        let paragraph = COUNCIL;
        let story = |first: &str| {
            parse_text(&format!(
                "{first}\nLibrary stays open after a year of protests\n16.10.2019 14:00\n\n{paragraph}\n\n{paragraph}\n\n{paragraph}\n"
            ))
        };
        let glued = story("Home News Library stays open after a year of protests");
        assert_eq!(
            glued.headline.as_deref(),
            Some("Library stays open after a year of protests")
        );
        // Crumbs that come off in steps: the line with one crumb left is
        // itself glued.
        let steps =
            "Lokales Berlin Library stays open\nBerlin Library stays open\nLibrary stays open";
        let lines = crate::text::lines::split_lines(steps);
        let infos = crate::text::classify::classify(&lines, Some("en"));
        assert_eq!(bare_headline(&infos, 0), Some(1));
        assert_eq!(barest_headline(&infos, 0), 2);
        // A rating's numbers after a headline come off; a year stays.
        let rated = "Keynes and the multiplier revisited 3.17 5 12\nKeynes and the multiplier revisited\nRose Stone Cellars 2015\nRose Stone Cellars";
        let lines = crate::text::lines::split_lines(rated);
        let infos = crate::text::classify::classify(&lines, Some("en"));
        assert_eq!(bare_headline(&infos, 0), Some(1));
        assert_eq!(bare_headline(&infos, 2), None);
        // A labelled path flattened into words may be longer.
        let labelled = "Sie sind hier: Aktuelles Presseinformationen Land zahlt Prämie für Wildschweine\nLand zahlt Prämie für Wildschweine";
        let lines = crate::text::lines::split_lines(labelled);
        let infos = crate::text::classify::classify(&lines, Some("de"));
        assert_eq!(bare_headline(&infos, 0), Some(1));
        // A kicker with its colon is the headline's own; a cut-off teaser
        // is not the bare headline.
        let text = "Berlin: Library stays open\nLibrary stays open\nHome: Library stays open after a year of protests\nLibrary stays open after a year…";
        let lines = crate::text::lines::split_lines(text);
        let infos = crate::text::classify::classify(&lines, Some("en"));
        assert_eq!(bare_headline(&infos, 0), None);
        assert_eq!(bare_headline(&infos, 2), None);
        // The trail's last step glued on and set in capitals on its own
        // line; signs between the steps are no words.
        let capitals = "Home Natural & Eco-FriendlyBabywearing Hiking the Boulder Flat Irons\nHIKING THE BOULDER FLAT IRONS";
        let lines = crate::text::lines::split_lines(capitals);
        let infos = crate::text::classify::classify(&lines, Some("en"));
        assert_eq!(bare_headline(&infos, 0), Some(1));
    }

    #[test]
    fn a_comment_button_or_a_number_never_heads_a_side_list() {
        let paragraph = COUNCIL;
        let story = format!(
            "Library stays open after a year of protests\n16.10.2019 14:00\n\n{paragraph}\n\n{paragraph}\n\n{paragraph}\n"
        );
        let lists = |heading: &str| {
            parse_text(&format!(
                "{story}\n{heading}\nA reader wrote that the library saved her winter\nAnother reader asked when the café opens again\n"
            ))
            .side_lists
            .iter()
            .map(|l| l.title.clone())
            .collect::<Vec<_>>()
        };
        assert_eq!(lists("Latest from readers"), vec!["Latest from readers"]);
        assert!(lists("Antworten").is_empty());
        assert!(lists("12").is_empty());
    }
}

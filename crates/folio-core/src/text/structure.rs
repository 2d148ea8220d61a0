//! What marked-up input says of the story beyond its words: which lines are
//! headings (and of what level), list items, table rows and code, where
//! the pictures stand and what their captions are, and which words link
//! where. A saved page (`html/`) and Markdown (`form.rs`) fill it in as
//! they lay out their text; the text pipeline picks the story's lines as
//! for any text, and [`Structure::blocks`] then gives those lines their
//! shapes. Plain text has no structure beyond what its lines show.

use std::collections::HashMap;

use crate::article::{Block, BlockKind, InlineLink};
use crate::text::blocks::blocks_of_lines;

/// What one line of the laid-out text is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Shape {
    /// A heading, `<h2>` or `##` being level 2.
    Heading(u8),
    /// An item of list number `list`.
    Item { list: usize, ordered: bool },
    /// A row of data table number `table`.
    Row { table: usize, header: bool },
    /// A line of code block number `block`.
    Code { block: usize },
    /// A line of the caption of figure number `figure`.
    Caption { figure: usize },
}

/// A picture, where it stands in the text, and what is said of it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Figure {
    /// The line (0-based) the picture stands before.
    pub before: usize,
    /// The first line after its caption (and blank lines): where the
    /// story goes on.
    pub resumes: usize,
    /// Absolute http or https address.
    pub src: String,
    pub alt: Option<String>,
    pub caption: Option<String>,
    pub credit: Option<String>,
}

impl Figure {
    /// The picture as a story block.
    fn block(&self) -> Block {
        Block::image(
            self.src.clone(),
            self.alt.clone(),
            self.caption.clone(),
            self.credit.clone(),
        )
    }
}

/// What a story line starts ([`Structure::blocks`]): matched at once,
/// never stored, so its size does not matter.
#[allow(clippy::large_enum_variant)]
enum Shaped {
    /// A shaped block, and the line after it.
    Block(Block, usize),
    /// A caption its figure shows.
    Shown,
    /// A line read as text is.
    Plain,
}

/// The structure of a laid-out text: lines are 0-based indexes into it.
#[derive(Debug, Clone, Default)]
pub struct Structure {
    shapes: HashMap<usize, Shape>,
    /// Each code block's language, when stated.
    languages: HashMap<usize, String>,
    /// Each code block's text as written, indentation and blank lines kept.
    code: HashMap<usize, String>,
    /// Links by the line their words start on, in order.
    links: Vec<(usize, InlineLink)>,
    /// Stressed words by the line they start on, in order.
    emphasis: Vec<(usize, Stress)>,
    /// Pictures in page order; at most one per figure number.
    figures: Vec<Figure>,
    /// Figure numbers of `figures`, for captions read after the picture.
    figure_ids: Vec<usize>,
    /// The lines the markup itself says are the story (Folio's export).
    story: Option<std::ops::Range<usize>>,
    /// Read from markup (a page, Markdown), which says itself what is a
    /// table; plain text's rows of cells are read as tables.
    markup: bool,
}

/// The marks around the story in Folio's Markdown export: HTML comments,
/// which Markdown shows to no one.
pub const STORY_START: &str = "<!-- folio:story -->";
pub const STORY_END: &str = "<!-- folio:end -->";

/// Pictures, links and shaped lines a structure keeps at most: more than
/// any story has, few enough that a hostile page cannot fill memory.
pub const MAX_FIGURES: usize = 2_000;
pub const MAX_LINKS: usize = 20_000;

impl Structure {
    /// Whether the text was read from markup (a page, Markdown), which
    /// places its pictures; plain text has none.
    pub fn is_markup(&self) -> bool {
        self.markup
    }

    /// The lines that are headings of `levels`, in order.
    pub fn headings(&self, levels: std::ops::RangeInclusive<u8>) -> Vec<usize> {
        let mut lines: Vec<usize> = self
            .shapes
            .iter()
            .filter(|(_, shape)| matches!(shape, Shape::Heading(level) if levels.contains(level)))
            .map(|(&line, _)| line)
            .collect();
        lines.sort_unstable();
        lines
    }

    /// Whether input line `line` (0-based) is a line of code or of a
    /// table, whose signs are its content ("}", "| --- |").
    pub fn is_code_or_table(&self, line: usize) -> bool {
        matches!(
            self.shapes.get(&line),
            Some(Shape::Code { .. } | Shape::Row { .. })
        )
    }

    /// The structure, as of marked-up text (a page, Markdown).
    pub fn marked_up(self) -> Self {
        Structure {
            markup: true,
            ..self
        }
    }

    /// Line `line` has `shape` (the first shape given for a line wins).
    pub fn shape(&mut self, line: usize, shape: Shape) {
        self.shapes.entry(line).or_insert(shape);
    }

    /// The lines of `table` (its rows, as noted) are of a layout table,
    /// not of data: they lose their shape.
    pub fn unshape_table(&mut self, table: usize, lines: &[usize]) {
        for line in lines {
            if matches!(self.shapes.get(line), Some(Shape::Row { table: t, .. }) if *t == table) {
                self.shapes.remove(line);
            }
        }
    }

    /// Line `line` is a header row of its table.
    pub fn mark_header(&mut self, line: usize) {
        if let Some(Shape::Row { header, .. }) = self.shapes.get_mut(&line) {
            *header = true;
        }
    }

    /// More of code block `block`'s text, as written.
    pub fn add_code(&mut self, block: usize, text: &str) {
        const MAX_CODE_BYTES: usize = 1 << 20;
        let code = self.code.entry(block).or_default();
        if code.len() + text.len() <= MAX_CODE_BYTES {
            code.push_str(text);
        }
    }

    /// Code block `block` is in `language`.
    pub fn set_language(&mut self, block: usize, language: String) {
        self.languages.insert(block, language);
    }

    /// Words `text` on line `line` link to `url` (a web address).
    pub fn link(&mut self, line: usize, text: String, url: String) {
        if self.links.len() < MAX_LINKS && !text.trim().is_empty() {
            self.links.push((line, InlineLink { text, url }));
        }
    }

    /// Words `text` on line `line` are stressed (strongly when `strong`).
    pub fn stress(&mut self, line: usize, text: String, strong: bool) {
        if self.emphasis.len() < MAX_LINKS && text.chars().any(char::is_alphanumeric) {
            self.emphasis.push((line, Stress { text, strong }));
        }
    }

    /// A picture of figure number `figure`; a figure's later pictures
    /// (`<picture>` sources, `<noscript>` copies) are the same picture.
    pub fn figure(&mut self, figure: usize, mut picture: Figure) {
        picture.resumes = picture.resumes.max(picture.before);
        if self.figures.len() < MAX_FIGURES && !self.figure_ids.contains(&figure) {
            self.figures.push(picture);
            self.figure_ids.push(figure);
        }
    }

    /// The story runs over `lines`, as the markup says.
    pub fn set_story(&mut self, lines: std::ops::Range<usize>) {
        self.story = Some(lines);
    }

    /// The lines the markup says are the story, if it says so.
    pub fn story(&self) -> Option<std::ops::Range<usize>> {
        self.story.clone()
    }

    /// The same structure with each line `l` numbered `number(l)`.
    pub fn renumber(&mut self, number: impl Fn(usize) -> usize) {
        self.shapes = std::mem::take(&mut self.shapes)
            .into_iter()
            .map(|(line, shape)| (number(line), shape))
            .collect();
        for (line, _) in &mut self.links {
            *line = number(*line);
        }
        for (line, _) in &mut self.emphasis {
            *line = number(*line);
        }
        for figure in &mut self.figures {
            figure.before = number(figure.before);
            figure.resumes = number(figure.resumes);
        }
        if let Some(story) = &mut self.story {
            *story = number(story.start)..number(story.end);
        }
    }

    /// Captions from the text of the lines marked as each figure's, with
    /// the credit taken off their end; `lines` is the laid-out text.
    pub fn caption_figures(&mut self, lines: &[&str]) {
        let mut captions: HashMap<usize, Vec<&str>> = HashMap::new();
        let mut numbered: Vec<(&usize, &Shape)> = self.shapes.iter().collect();
        numbered.sort_by_key(|(line, _)| **line);
        for (&line, shape) in numbered {
            if let (Shape::Caption { figure }, Some(text)) = (shape, lines.get(line)) {
                captions.entry(*figure).or_default().push(text.trim());
            }
        }
        for (picture, id) in self.figures.iter_mut().zip(&self.figure_ids) {
            let own = Shape::Caption { figure: *id };
            picture.resumes = picture.before;
            while lines.get(picture.resumes).is_some_and(|l| {
                l.trim().is_empty() || self.shapes.get(&picture.resumes) == Some(&own)
            }) {
                picture.resumes += 1;
            }
            let Some(text) = captions.get(id).map(|t| t.join(" ")) else {
                continue;
            };
            let (caption, credit) = split_credit(&text);
            picture.caption = (!caption.is_empty()).then(|| caption.to_string());
            picture.credit = credit.map(str::to_string).or(picture.credit.take());
        }
    }

    /// The body blocks of the story's lines: `lines` are `(line, text,
    /// subheading)` in order, `line` 0-based in the laid-out text; `span`
    /// the lines the story runs over, whose pictures it shows. Runs of
    /// plain lines are read as text is ([`build_blocks`](crate::text::blocks::build_blocks)).
    pub fn blocks(
        &self,
        lines: &[(usize, &str, bool)],
        span: std::ops::Range<usize>,
    ) -> Vec<Block> {
        let mut blocks = Vec::new();
        let (in_span, shown) = self.figures_in(span);
        let mut figures = in_span.into_iter().peekable();
        let mut plain: Vec<(usize, &str, bool)> = Vec::new();
        // The block each story line went into, for its links and stress.
        // Noted only when there are some to place (plain text has none).
        let mut line_block: Option<HashMap<usize, usize>> =
            (!self.links.is_empty() || !self.emphasis.is_empty()).then(HashMap::new);
        let mut at = 0;
        while at < lines.len() {
            let (line, text, subheading) = lines[at];
            while let Some(figure) = figures.next_if(|f| f.before <= line) {
                flush(self.markup, &mut plain, &mut blocks, &mut line_block);
                blocks.push(figure.block());
            }
            match self.shaped_block(lines, at, &shown) {
                Shaped::Block(block, end) => {
                    flush(self.markup, &mut plain, &mut blocks, &mut line_block);
                    if let Some(map) = line_block.as_mut() {
                        map.extend(lines[at..end].iter().map(|l| (l.0, blocks.len())));
                    }
                    blocks.push(block);
                    at = end;
                }
                // Its figure shows it.
                Shaped::Shown => at += 1,
                Shaped::Plain => {
                    // Where the markup marks the story, it marks its headings too.
                    plain.push((line, text, subheading && self.story.is_none()));
                    at += 1;
                }
            }
        }
        flush(self.markup, &mut plain, &mut blocks, &mut line_block);
        blocks.extend(figures.map(Figure::block));
        if let Some(map) = &line_block {
            self.attach_links(map, &mut blocks);
        }
        blocks
    }

    /// The figures in the story's `span` (a marked story holds the
    /// pictures up to its end mark), and their numbers.
    fn figures_in(&self, span: std::ops::Range<usize>) -> (Vec<&Figure>, Vec<usize>) {
        let marked = self.story.as_ref();
        self.figures
            .iter()
            .zip(self.figure_ids.iter().copied())
            .filter(|(f, _)| {
                span.contains(&f.before)
                    || span.contains(&f.resumes)
                    || marked.is_some_and(|s| (s.start..=s.end).contains(&f.before))
            })
            .unzip()
    }

    /// What the story line `lines[at]` starts: a shaped block (a
    /// subheading, or the lines of one list, table or code block, one
    /// after another) and the line after it; a caption its figure shows;
    /// or a plain line.
    fn shaped_block(&self, lines: &[(usize, &str, bool)], at: usize, shown: &[usize]) -> Shaped {
        let (line, text, _) = lines[at];
        let run_end = |same: &dyn Fn(&Shape) -> bool| {
            at + lines[at..]
                .iter()
                .take_while(|(l, _, _)| self.shapes.get(l).is_some_and(same))
                .count()
        };
        match self.shapes.get(&line) {
            Some(Shape::Heading(level)) => Shaped::Block(
                Block {
                    level: Some(*level),
                    ..Block::new(BlockKind::Subheading, text)
                },
                at + 1,
            ),
            Some(Shape::Item { list, ordered }) => {
                let end = run_end(&|s| matches!(s, Shape::Item { list: l, .. } if l == list));
                let items = lines[at..end].iter().map(|l| l.1.to_string()).collect();
                Shaped::Block(Block::list(items, *ordered), end)
            }
            Some(Shape::Row { table, header }) => {
                let end = run_end(&|s| matches!(s, Shape::Row { table: t, .. } if t == table));
                let rows = lines[at..end]
                    .iter()
                    .map(|l| l.1.split('\t').map(|c| c.trim().to_string()).collect())
                    .collect();
                Shaped::Block(Block::table(rows, *header), end)
            }
            Some(Shape::Code { block }) => {
                let end = run_end(&|s| matches!(s, Shape::Code { block: b } if b == block));
                let code = match self.code.get(block) {
                    Some(written) => written.trim_matches('\n').trim_end().to_string(),
                    None => lines[at..end]
                        .iter()
                        .map(|l| l.1)
                        .collect::<Vec<_>>()
                        .join("\n"),
                };
                let block = Block {
                    language: self.languages.get(block).cloned(),
                    ..Block::new(BlockKind::Code, code)
                };
                Shaped::Block(block, end)
            }
            Some(Shape::Caption { figure }) if shown.contains(figure) => Shaped::Shown,
            Some(Shape::Caption { .. }) | None => Shaped::Plain,
        }
    }

    /// Each text block's links and stressed words: those on its lines,
    /// each at the first place its words stand after the block's one
    /// before (one whose words are not there is left out).
    fn attach_links(&self, line_block: &HashMap<usize, usize>, blocks: &mut [Block]) {
        attach(&self.links, line_block, blocks, |b, link| {
            b.links.push(link)
        });
        // Stress in running text only: a heading stands out already, and a
        // list's items are its words alone.
        attach(&self.emphasis, line_block, blocks, |b, s| match b.kind {
            BlockKind::Paragraph | BlockKind::Quote if s.strong => b.strong.push(s.text),
            BlockKind::Paragraph | BlockKind::Quote => b.emphasis.push(s.text),
            _ => {}
        });
    }
}

/// Each of `marks` (words and what marks them) into the text block its
/// line went into, when its words stand there after the block's one before.
fn attach<T: Clone + Marked>(
    marks: &[(usize, T)],
    line_block: &HashMap<usize, usize>,
    blocks: &mut [Block],
    mut add: impl FnMut(&mut Block, T),
) {
    let mut searched_to = vec![0; blocks.len()];
    for (line, mark) in marks {
        let Some(&b) = line_block.get(line) else {
            continue;
        };
        let block = &mut blocks[b];
        if !matches!(
            block.kind,
            BlockKind::Paragraph | BlockKind::Quote | BlockKind::List | BlockKind::Subheading
        ) {
            continue;
        }
        let words = mark.words();
        if let Some(at) = block.text[searched_to[b]..].find(words) {
            searched_to[b] += at + words.len();
            add(block, mark.clone());
        }
    }
}

/// What marks words of a block's text: a link, or stress.
trait Marked {
    fn words(&self) -> &str;
}

impl Marked for InlineLink {
    fn words(&self) -> &str {
        &self.text
    }
}

/// Stressed words, strongly or not.
#[derive(Debug, Clone)]
struct Stress {
    text: String,
    strong: bool,
}

impl Marked for Stress {
    fn words(&self) -> &str {
        &self.text
    }
}

/// Plain lines so far as text blocks, noting the block each went into.
fn flush(
    markup: bool,
    plain: &mut Vec<(usize, &str, bool)>,
    blocks: &mut Vec<Block>,
    line_block: &mut Option<HashMap<usize, usize>>,
) {
    if plain.is_empty() {
        return;
    }
    let texts: Vec<&str> = plain.iter().map(|p| p.1).collect();
    let subheadings: Vec<bool> = plain.iter().map(|p| p.2).collect();
    let numbers: Vec<usize> = plain.iter().map(|p| p.0).collect();
    let (built, into) = blocks_of_lines(&texts, &subheadings, markup.then_some(&numbers[..]));
    if let Some(map) = line_block.as_mut() {
        map.extend(plain.iter().zip(into).map(|(p, b)| (p.0, blocks.len() + b)));
    }
    blocks.extend(built);
    plain.clear();
}

/// Words that open a picture's credit at the end of its caption.
const CREDIT_LABELS: &[&str] = &[
    "photo:",
    "photos:",
    "foto:",
    "fotos:",
    "bild:",
    "image:",
    "image credit:",
    "credit:",
    "picture:",
    "quelle:",
    "photo :",
    "photo by",
    "photos by",
    "photograph by",
    "crédit photo",
    "crédits photo",
    "crédit :",
    "crédito:",
    "©",
    "(c)",
    "getty images",
    "imago",
    "cc-by",
    "cc by",
    "cc0",
];

/// Whether a line is only a picture as a text browser names it: one
/// bracketed token, its alternative text or file ("[Werkliste-Abb]",
/// "[arrow-forw]"); a title with a tag in brackets ("[Rezi] Love is
/// War") is more.
pub fn is_picture_placeholder(line: &str) -> bool {
    line.starts_with('[') && line.ends_with(']') && !line.contains(' ')
}

/// Whether a line is only a picture's credit ("Foto: dpa/Michael
/// Kappeler", "(Image credit: HandyGames)"), not a source's ("Quelle:
/// THW") or a copyright line.
pub fn is_picture_credit(line: &str) -> bool {
    const PICTURE_WORDS: &[&str] = &[
        "photo", "foto", "bild", "image", "credit", "crédit", "picture",
    ];
    const MAX_WORDS: usize = 8;
    let (rest, credit) = split_credit(line);
    rest.is_empty()
        && line.split_whitespace().count() <= MAX_WORDS
        && credit.is_some_and(|c| {
            let lower = c.trim_start_matches('(').to_lowercase();
            // Names and agencies, not a phrase ("Photos: Crossgates Mall
            // through the years" titles a gallery).
            let phrase_words = c
                .split_whitespace()
                .skip(1)
                .filter(|w| w.starts_with(char::is_lowercase))
                .filter(|w| !["via", "and", "und", "by", "von", "de", "du", "la", "/"].contains(w))
                .count();
            phrase_words <= 1 && PICTURE_WORDS.iter().any(|w| lower.starts_with(w))
        })
}

/// Whether a line is a picture's caption with its credit in brackets at
/// its end ("Protesters do not want Hong Kong to lose its autonomy
/// (Image: Getty)"): a caption, never a sentence of the story.
pub fn is_credited_caption(line: &str) -> bool {
    const MAX_CAPTION_WORDS: usize = 40;
    let line = line.trim_end();
    let Some(open) = line.strip_suffix(')').and_then(|l| l.rfind('(')) else {
        return false;
    };
    let (caption, credit) = (line[..open].trim(), &line[open..]);
    !caption.is_empty()
        && caption.split_whitespace().count() <= MAX_CAPTION_WORDS
        && is_picture_credit(credit)
}

/// A caption and the credit at its end: "Die Oper. Foto: dpa" gives
/// ("Die Oper.", "Foto: dpa").
pub fn split_credit(caption: &str) -> (&str, Option<&str>) {
    let lower = caption.to_lowercase();
    // Lower-casing keeps byte offsets for the labels (all ASCII but ©, é);
    // a caption whose lower case changed length is left whole.
    if lower.len() != caption.len() {
        return (caption.trim(), None);
    }
    // A credit follows the caption's last sentence or opens a bracket;
    // a copyright sign may stand anywhere.
    let at = CREDIT_LABELS
        .iter()
        .filter_map(|label| lower.rfind(label).map(|at| (at, label.starts_with('©'))))
        .filter(|&(at, sign)| {
            let before = caption[..at].trim_end();
            sign || before.is_empty() || before.ends_with(['(', ')', '|', '/', '.', '!', '?'])
        })
        .map(|(at, _)| at)
        .min();
    match at {
        Some(at) => {
            let credit = caption[at..].trim().trim_end_matches(')').trim();
            let rest = caption[..at].trim_end_matches([' ', '(', '|', '/']).trim();
            (rest, (!credit.is_empty()).then_some(credit))
        }
        None => (caption.trim(), None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_caption_with_its_credit_in_brackets() {
        for caption in [
            "Protesters do not want Hong Kong to lose its autonomy (Image: getty )",
            "Zur Einweihung wurde ein kleiner Wald gepflanzt (Foto: Stadt Nordhausen)",
            "WeWork chairman Marcelo Claure (Credit: Getty Images)",
        ] {
            assert!(is_credited_caption(caption), "{caption}");
        }
        for line in [
            "Die Oper. Foto: dpa",
            "(Foto: dpa)",
            "The mayor showed the plan to the press on Monday (see the photo below)",
            "A gallery of the mall (Photos: Crossgates Mall through the years)",
        ] {
            assert!(!is_credited_caption(line), "{line}");
        }
    }

    #[test]
    fn a_line_that_is_only_a_pictures_credit() {
        for credit in [
            "Foto: dpa/Michael Kappeler",
            "(Image credit: HandyGames)",
            "(Bild: Dieter Stork)",
            "Foto: BBKurt [CC BY-SA 3.0], via Wikimedia Commons",
            "photo: Jose Ibarra via Unsplash",
            "Photograph by Ed Marshall, Redonda Restoration Programme",
            "Photo by Jane Doe/Reuters",
            "Crédits photos : Bestimage",
            "(crédito: Minervino Júnior/CB/D.A.Press)",
        ] {
            assert!(is_picture_credit(credit), "{credit}");
        }
        for other in [
            "Quelle: THW",
            "© 2019 Sven Schreivogel",
            "Photos: Crossgates Mall through the years",
            "The photo: a harbour at dawn, seen from the old pier wall",
        ] {
            assert!(!is_picture_credit(other), "{other}");
        }
    }

    #[test]
    fn credits_come_off_the_end_of_captions() {
        assert_eq!(
            split_credit("Die Oper am Abend. Foto: dpa"),
            ("Die Oper am Abend.", Some("Foto: dpa"))
        );
        assert_eq!(
            split_credit("Mayor Lee at the harbour (Photo: AP)"),
            ("Mayor Lee at the harbour", Some("Photo: AP"))
        );
        assert_eq!(split_credit("© Reuters"), ("", Some("© Reuters")));
        assert_eq!(
            split_credit("Die Firmen (Stand Juni 2016) CC-BY-SA 2.0"),
            ("Die Firmen (Stand Juni 2016)", Some("CC-BY-SA 2.0"))
        );
        assert_eq!(
            split_credit("A photo: nothing more"),
            ("A photo: nothing more", None)
        );
    }

    #[test]
    fn lines_take_the_shapes_marked_on_them() {
        let mut s = Structure::default();
        s.shape(1, Shape::Heading(3));
        s.shape(
            2,
            Shape::Item {
                list: 0,
                ordered: true,
            },
        );
        s.shape(
            3,
            Shape::Item {
                list: 0,
                ordered: true,
            },
        );
        s.shape(
            4,
            Shape::Row {
                table: 0,
                header: false,
            },
        );
        s.shape(
            5,
            Shape::Row {
                table: 0,
                header: false,
            },
        );
        s.mark_header(4);
        s.shape(6, Shape::Caption { figure: 7 });
        s.figure(
            7,
            Figure {
                before: 6,
                src: "https://example.com/a.jpg".into(),
                alt: Some("A harbour".into()),
                ..Figure::default()
            },
        );
        s.link(0, "the plan".into(), "https://example.com/plan".into());
        let text = [
            "She read the plan twice.",
            "What it says",
            "first",
            "second",
            "Year\tShips",
            "2025\t14",
            "The harbour at dawn. Photo: Ann Lee",
        ];
        s.caption_figures(&text);
        let lines: Vec<(usize, &str, bool)> = text
            .iter()
            .enumerate()
            .map(|(i, t)| (i, *t, false))
            .collect();
        let blocks = s.blocks(&lines, 0..7);
        let kinds: Vec<BlockKind> = blocks.iter().map(|b| b.kind).collect();
        assert_eq!(
            kinds,
            [
                BlockKind::Paragraph,
                BlockKind::Subheading,
                BlockKind::List,
                BlockKind::Table,
                BlockKind::Image
            ]
        );
        assert_eq!(blocks[0].links[0].url, "https://example.com/plan");
        assert_eq!(blocks[1].level, Some(3));
        assert_eq!(blocks[2].items, ["first", "second"]);
        assert!(blocks[2].ordered);
        assert_eq!(blocks[3].rows, [vec!["Year", "Ships"], vec!["2025", "14"]]);
        assert!(blocks[3].header);
        assert_eq!(blocks[4].caption.as_deref(), Some("The harbour at dawn."));
        assert_eq!(blocks[4].credit.as_deref(), Some("Photo: Ann Lee"));
        assert_eq!(blocks[4].alt.as_deref(), Some("A harbour"));
    }

    #[test]
    fn pictures_outside_the_story_are_not_its() {
        let mut s = Structure::default();
        for (id, before) in [(0, 0), (1, 2), (2, 9)] {
            s.figure(
                id,
                Figure {
                    before,
                    src: format!("https://example.com/{id}.jpg"),
                    ..Figure::default()
                },
            );
        }
        let lines = [(2, "One.", false), (3, "Two.", false)];
        let blocks = s.blocks(&lines, 2..4);
        let images: Vec<&str> = blocks.iter().filter_map(|b| b.src.as_deref()).collect();
        assert_eq!(images, ["https://example.com/1.jpg"]);
    }
}

//! The publication date: every date written in the page's short lines is a
//! candidate, and a small learned model (`model/dateline.rs`) picks the one
//! that reads as the story's dateline: near the headline, labelled
//! "Published", with a time, not inside a dated list of other stories.

use std::ops::Range;

use crate::model::{self, mlp_len, mlp_score, names_hash};
use crate::text::byline::{byline_names, line_byline};
use crate::text::classify::{is_update_label, LineInfo, Prose};
use crate::text::dates::{day_without_year, Moment};
use crate::text::furniture::is_embed_credit;
use crate::text::header::copyright_year;
use chrono::NaiveDate;

/// Candidates read per page at most: enough for any header, bounded for
/// pages that are long dated lists.
const MAX_CANDIDATES: usize = 300;

/// Words that label a line as the time of publication, lower case.
const PUBLISH_LABELS: &[&str] = &[
    "published",
    "posted",
    "veröffentlicht",
    "erstellt",
    "publié",
    "publicado",
    "publicada",
    "pubblicato",
    "opublikowano",
    "опубликовано",
    "опубліковано",
    "date",
    "datum",
    "fecha",
    "data",
];

/// Names of the features [`dateline_candidates`] gives, in order.
pub const DATELINE_FEATURE_NAMES: [&str; DATELINE_FEATURES] = [
    "bias",
    "lines_above_headline",
    "lines_below_headline",
    "just_below_headline",
    "inside_story",
    "after_story",
    "date_only_line",
    "has_time",
    "has_offset",
    "update_label",
    "publish_label",
    "byline_on_line",
    "line_words",
    "candidate_rank",
    "latest_date",
    "earliest_date",
    "lines_from_story_start",
    "prose_line",
    "repeated_line",
    "dated_neighbours",
    "order_guessed",
    "first_on_line",
];
pub const DATELINE_FEATURES: usize = 22;

/// The dateline model's weights, sized by its features and hidden layer: a
/// feature added, renamed or moved without training again stops the build.
const DATELINE_WEIGHTS: &[f32; mlp_len(DATELINE_FEATURES, model::dateline::HIDDEN)] =
    &model::dateline::WEIGHTS;
const _: () = assert!(
    names_hash(&DATELINE_FEATURE_NAMES) == model::dateline::TRAINED_ON,
    "retrain: training/train.py dateline"
);

/// A date on a line: the line index and the date's index on that line.
pub type DateRef = (usize, usize);

/// The page's candidate dates with their features.
pub fn dateline_candidates(
    lines: &[LineInfo],
    headline: Option<usize>,
    story: Range<usize>,
) -> Vec<(DateRef, [f32; DATELINE_FEATURES])> {
    featured(lines, &candidate_dates(lines), headline, story)
}

/// The page's dates that may be the story's, in page order: each date of a
/// line that dates nothing else, `MAX_CANDIDATES` at most.
fn candidate_dates(lines: &[LineInfo]) -> Vec<DateRef> {
    lines
        .iter()
        .enumerate()
        .filter(|&(i, l)| !l.dates.is_empty() && !dates_another_thing(lines, i))
        .flat_map(|(i, l)| (0..l.dates.len()).map(move |k| (i, k)))
        .take(MAX_CANDIDATES)
        .collect()
}

/// The candidate dates `refs` with their features, read from `headline`.
fn featured(
    lines: &[LineInfo],
    refs: &[DateRef],
    headline: Option<usize>,
    story: Range<usize>,
) -> Vec<(DateRef, [f32; DATELINE_FEATURES])> {
    let date_of = |&(i, k): &DateRef| lines[i].dates[k].moment.date;
    let latest = refs.iter().map(date_of).max();
    let earliest = refs.iter().map(date_of).min();
    let anchor = headline.unwrap_or(story.start);
    let flag = |b: bool| if b { 1.0 } else { 0.0 };
    refs.iter()
        .enumerate()
        .map(|(rank, &(i, k))| {
            let info = &lines[i];
            let date = &info.dates[k];
            let lowered = info.text().to_lowercase();
            let dated = |j: Option<usize>| {
                j.and_then(|j| lines.get(j))
                    .is_some_and(|l| !l.dates.is_empty())
            };
            let features = [
                1.0,
                (anchor.saturating_sub(i) as f32 / 10.0).min(5.0),
                (i.saturating_sub(anchor) as f32 / 10.0).min(5.0),
                flag(i > anchor && i <= anchor + 5),
                flag(story.contains(&i)),
                flag(i >= story.end),
                flag(info.date_only),
                flag(date.moment.time.is_some()),
                flag(date.moment.offset.is_some()),
                flag(is_update_label(info.text())),
                flag(PUBLISH_LABELS.iter().any(|l| lowered.contains(l))),
                flag(byline_names(info.text()).is_some()),
                (info.words as f32 / 20.0).min(2.0),
                (rank as f32 / 10.0).min(5.0),
                flag(Some(date.moment.date) == latest),
                flag(Some(date.moment.date) == earliest),
                (i.abs_diff(story.start) as f32 / 10.0).min(5.0),
                flag(info.prose == Prose::Running),
                flag(info.copies >= 2),
                flag(
                    dated(i.checked_sub(2))
                        || dated(i.checked_sub(1))
                        || dated(Some(i + 1))
                        || dated(Some(i + 2)),
                ),
                flag(date.order_guessed),
                flag(k == 0),
            ];
            ((i, k), features)
        })
        .collect()
}

/// Labels of a date that is not the story's, lower case: when a forum's
/// member registered.
const OTHER_DATE_LABELS: &[&str] = &[
    "registriert",
    "registered",
    "joined",
    "mitglied seit",
    "member since",
    "dabei seit",
    "inscrit",
    "registrado",
];

/// A comment's reply button, alone on the line under the comment's date.
const REPLY_BUTTONS: &[&str] = &[
    "antworten",
    "reply",
    "répondre",
    "responder",
    "rispondi",
    "odpowiedz",
    "ответить",
];

/// Whether line `i` dates something other than the story: a forum
/// member's registration ("Registriert: 18.09.2008, 05:56"), an embedded
/// post ("Ein Beitrag geteilt von … am Apr 21, 2019"), a comment over its
/// reply button ("12.04.2020 17:02" / "Antworten").
fn dates_another_thing(lines: &[LineInfo], i: usize) -> bool {
    let lowered = lines[i].text().trim().to_lowercase();
    let labelled = OTHER_DATE_LABELS.iter().any(|l| {
        lowered
            .strip_prefix(l)
            .is_some_and(|rest| rest.starts_with([':', ' ']))
    });
    let replied = lines
        .get(i + 1)
        .is_some_and(|next| REPLY_BUTTONS.contains(&next.text().trim().to_lowercase().as_str()));
    labelled || replied || is_embed_credit(&lowered)
}

/// Lines under the headline a signed dateline may stand.
const SIGNED_DATELINE_LINES: usize = 2;

/// Lines of the headline's block under it a short dated line may stand
/// (a subtitle and a byline before it: "…in the slammer." / "by R.C.
/// Baker" / "November 5, 2023").
const HEADER_BLOCK_LINES: usize = 3;

/// Words a short line that opens with its date has at most ("November 6,
/// 2023", "26/12/2019 von revamp-it Webteam").
const DATED_LINE_MAX_WORDS: usize = 8;

/// A line under the headline (`block`: the lines from the headline's next
/// to it) that signs the story, or opens with its date and says little
/// more in the headline's own block (no blank line between): the story's
/// dateline.
fn heads_the_story(info: &LineInfo, block: &[LineInfo]) -> bool {
    let in_the_block = block.iter().all(|l| !l.line.blank_before);
    let signed = block.len() <= SIGNED_DATELINE_LINES && line_byline(info).is_some();
    !info.dates.is_empty() && (opens_with_date(info) && in_the_block || signed)
}

/// A short line that opens with its date ("15.12.2022", "November 6, 2023").
fn opens_with_date(info: &LineInfo) -> bool {
    info.dates.first().is_some_and(|d| {
        info.text()[..d.start].trim().is_empty() && info.words <= DATED_LINE_MAX_WORDS
    })
}

/// The dateline the page states where a reader looks for it, needing no
/// model: a date under its label, the line under the headline that dates
/// it, or the date the story opens with.
fn stated_dateline(
    lines: &[LineInfo],
    headline: Option<usize>,
    story: Range<usize>,
) -> Option<usize> {
    // The line under the headline that signs and dates the story ("by oz
    // on December 4, 2006", "von Marc Scheloske | 20. Mai 2007 | …") or
    // opens with its date ("November 6, 2023") is its dateline, whatever
    // else the page dates, under any copy of the headline above the story
    // (the first may be a sticky bar's); so is the date the story's first
    // paragraph opens with, as wire copy writes it.
    let under_headline = |h: usize| {
        (h + 1..lines.len().min(h + 1 + HEADER_BLOCK_LINES))
            .find(|&i| heads_the_story(&lines[i], &lines[h + 1..=i]))
    };
    labelled_dateline(lines)
        .or_else(|| {
            let title = lines[headline?].text();
            (0..lines.len().min(story.start + 1))
                .filter(|&h| lines[h].text() == title)
                .find_map(under_headline)
        })
        .or_else(|| opening_dateline(lines, story))
        .or_else(|| listed_date(lines, headline?))
}

/// The date a list of the site's stories gives this one: the date alone on
/// the line right over a later copy of the headline ("10.11.2021" /
/// "Menschenrechte achten"), in a list that dates each title from above.
/// Where a date stands under the copy too, the list dates from below, and
/// the date above is the previous story's. A title on more lines than a
/// header, a list and a sidebar would give it is a button's label
/// ("Zitieren" under each comment), no story's.
fn listed_date(lines: &[LineInfo], headline: usize) -> Option<usize> {
    const MAX_COPIES: usize = 3;
    let title = lines[headline].text();
    let copies: Vec<usize> = (headline + 1..lines.len())
        .filter(|&h| lines[h].text() == title)
        .take(MAX_COPIES)
        .collect();
    let date_only = |i: usize| lines.get(i).is_some_and(|l| l.date_only);
    (copies.len() < MAX_COPIES)
        .then(|| {
            copies
                .into_iter()
                .find(|&h| !lines[h].line.blank_before && date_only(h - 1) && !date_only(h + 1))
        })
        .flatten()
        .map(|h| h - 1)
}

/// Lines within which a copy of the headline is the same header's.
const ADJACENT_COPY_LINES: usize = 1;

/// The publication date the model scores highest, if the page states any,
/// read from each of the headline's `copies` above the story (its line
/// first; none without a headline). When the same day is written more than once, the statement that also
/// gives a time wins ("date 2025-12-31" in a header, "13:28 31.12.2025"
/// at the story): it says more, and says the same day.
pub fn find_published(
    lines: &[LineInfo],
    copies: &[usize],
    story: Range<usize>,
) -> Option<DateRef> {
    let headline = copies.first().copied();
    // A post that says of itself when it was published ("Dieser Beitrag
    // wurde am 04/02/2020 … veröffentlicht", "This entry was posted on
    // …"), a blog's footer under the story, needs no model.
    if let Some(i) = lines
        .iter()
        .position(|l| !l.dates.is_empty() && states_its_publication(l.text()))
    {
        return Some((i, 0));
    }
    let stated = stated_dateline(lines, headline, story.clone());
    // The model reads the page from each copy of the headline above the
    // story (the first may be a whole page's title over the site's date of
    // the day, a later one a caption's), and the best-scored date wins.
    let anchors: Vec<Option<usize>> = if copies.is_empty() {
        vec![None]
    } else {
        // Copies next to each other are one header shown twice: read from
        // its first.
        copies
            .iter()
            .enumerate()
            .filter(|&(n, &c)| n == 0 || c > copies[n - 1] + ADJACENT_COPY_LINES)
            .map(|(_, &c)| Some(c))
            .collect()
    };
    // The candidates are the same from every copy; only their features differ.
    let refs = candidate_dates(lines);
    let scored: Vec<(DateRef, f32)> = anchors
        .iter()
        .flat_map(|&anchor| featured(lines, &refs, anchor, story.clone()))
        .map(|(r, f)| (r, mlp_score(DATELINE_WEIGHTS, &f)))
        .collect();
    let best = |items: &mut dyn Iterator<Item = &(DateRef, f32)>| {
        items.max_by(|a, b| a.1.total_cmp(&b.1)).map(|(r, _)| *r)
    };
    let (i, mut k) = stated.map(|i| (i, 0)).or_else(|| {
        let labelled = published_on_its_line(lines, story).map(|i| (i, 0));
        labelled_or_modelled(lines, labelled, best(&mut scored.iter()))
    })?;
    // Two dates glued together ("10. Februar 20199. Februar 2019"): a page
    // set its published and updated times side by side, published first.
    while k > 0 && lines[i].dates[k - 1].end == lines[i].dates[k].start {
        k -= 1;
    }
    let day = lines[i].dates[k].moment;
    if day.time.is_some() {
        return Some((i, k));
    }
    let same_day_with_time = best(&mut scored.iter().filter(|((j, m), _)| {
        let other = lines[*j].dates[*m].moment;
        other.date == day.date && other.time.is_some()
    }));
    same_day_with_time.or(Some((i, k)))
}

/// Of the date a line labels as the publication's and the model's best,
/// the one to keep: the labelled day outranks the model's, whose line
/// (the header's, that may also sign the story) stays when it gives the
/// same day.
fn labelled_or_modelled(
    lines: &[LineInfo],
    labelled: Option<DateRef>,
    modelled: Option<DateRef>,
) -> Option<DateRef> {
    let date_at = |(i, k): DateRef| lines[i].dates[k].moment.date;
    match (labelled, modelled) {
        (Some(l), Some(m)) if date_at(l) != date_at(m) => Some(l),
        (l, m) => m.or(l),
    }
}

/// Lines under the headline a day written without its year may stand.
const YEARLESS_DAY_LINES: usize = 3;

/// The day a story's header gives without its year ("By Nathan Birch" /
/// "Nov 18": sites leave the year off this year's stories), set in the
/// year of the page's copyright line, the year the page was made. For
/// pages that state no full date; without a copyright year, no date.
pub fn yearless_day(lines: &[LineInfo], headline: usize) -> Option<(usize, Moment)> {
    let below = headline + 1..(headline + 1 + YEARLESS_DAY_LINES).min(lines.len());
    let (i, (month, day)) = below
        .map(|i| (i, day_without_year(lines[i].text())))
        .find_map(|(i, found)| found.map(|f| (i, f)))?;
    let year = lines.iter().rev().find_map(|l| copyright_year(l.text()))?;
    let date = NaiveDate::from_ymd_opt(year, month, day)?;
    Some((
        i,
        Moment {
            date,
            time: None,
            offset: None,
        },
    ))
}

/// Signs that set a wire dateline off from the story it opens.
const DATELINE_SEPARATORS: &[char] = &['–', '—', '-', '.'];

/// Words of the place a wire dateline may name before its date, at most.
const DATELINE_PLACE_WORDS: usize = 3;

/// The story's first paragraph opening with the story's date, as wire copy
/// does: "Düsseldorf, 22. November 2022 - Der Öko-Energieversorger …",
/// "31. Oktober 2023. Dragqueens sind …" (a place, a comma, the date, a
/// dash or full stop, the story).
fn opening_dateline(lines: &[LineInfo], story: Range<usize>) -> Option<usize> {
    story
        .filter(|&i| lines[i].prose == Prose::Running)
        .take(OPENING_PARAGRAPHS)
        .find(|&i| opens_with_dateline(&lines[i]))
}

/// Paragraphs of the story's opening a wire dateline may open: a lead or
/// a teaser's summary can stand above it.
const OPENING_PARAGRAPHS: usize = 3;

/// Whether a paragraph opens with a wire dateline.
fn opens_with_dateline(line: &LineInfo) -> bool {
    let Some(date) = line.dates.first() else {
        return false;
    };
    let text = line.text();
    let place = text[..date.start].trim();
    let placed = place.is_empty()
        || place.strip_suffix(',').is_some_and(|p| {
            let words = p.split_whitespace().count();
            (1..=DATELINE_PLACE_WORDS).contains(&words)
        });
    let set_off = text[date.end..]
        .trim_start()
        .strip_prefix(DATELINE_SEPARATORS)
        .is_some_and(|story| !story.trim().is_empty());
    placed && set_off
}

/// The story speaking of itself ("this entry", "dieser Beitrag")…
const SELF_REFERENCES: &[&str] = &[
    "this entry was",
    "this post was",
    "this article was",
    "dieser beitrag wurde",
    "der beitrag wurde",
    "dieser artikel wurde",
    "der artikel wurde",
    "dieser eintrag wurde",
    "cet article a été",
    "cette entrée a été",
    "ce billet a été",
    "esta entrada fue",
    "este artículo fue",
    "questo articolo è stato",
    "questa voce è stata",
];

/// …and saying it was published ("posted", "veröffentlicht").
const PUBLISHED_WORDS: &[&str] = &[
    "posted",
    "published",
    "veröffentlicht",
    "publié",
    "publiée",
    "publicad",
    "pubblicat",
];

/// Words a label on its own line opens with when the line under it gives
/// the publication date ("Erschienen am" / "15.12.2022", "Date" / "2 mars
/// 2020").
const DATE_LABELS: &[&str] = &["erschienen", "date", "datum", "fecha"];

/// Words that may follow the label ("Erschienen am", "Published on").
const DATE_LABEL_LINKS: &[&str] = &["am", "on", "le", "sur", "el", "il", "em", "op"];

/// Whether `text` is a date's label and nothing else ("Erschienen am",
/// "Published on:", "Publié sur"), `words` giving the label's first word.
fn is_label(text: &str, words: &[&str]) -> bool {
    let lowered = text.trim().trim_end_matches(':').to_lowercase();
    let mut rest = lowered.split_whitespace();
    rest.next().is_some_and(|first| words.contains(&first))
        && rest.all(|w| DATE_LABEL_LINKS.contains(&w))
}

/// The line of a date set under its label, the label and the date each a
/// line of their own: a page's fact box, as innerText writes it.
fn labelled_dateline(lines: &[LineInfo]) -> Option<usize> {
    let labels = |text: &str| is_label(text, PUBLISHED_WORDS) || is_label(text, DATE_LABELS);
    lines
        .windows(2)
        .position(|pair| {
            pair[0].dates.is_empty() && labels(pair[0].text()) && opens_with_date(&pair[1])
        })
        .map(|i| i + 1)
}

/// The first short line that opens with its publication's label, then its
/// date ("Publié sur 18/02/2020", "Veröffentlicht 23.06.2016 um 16:14"):
/// the page says which day it was published, wherever it stands. A bare
/// "Datum:" opens any fact ("Datum: 31/08/2019", the day a photo was taken).
fn published_on_its_line(lines: &[LineInfo], story: Range<usize>) -> Option<usize> {
    lines.iter().take(story.end).position(|info| {
        info.dates.first().is_some_and(|d| {
            info.words <= DATED_LINE_MAX_WORDS && is_label(&info.text()[..d.start], PUBLISHED_WORDS)
        })
    })
}

/// Whether a line says when the story itself was published: "Dieser
/// Beitrag wurde am 04/02/2020 von kj … veröffentlicht", "This entry was
/// posted on March 3, 2020".
fn states_its_publication(text: &str) -> bool {
    let lowered = text.to_lowercase();
    SELF_REFERENCES.iter().any(|s| lowered.contains(s))
        && PUBLISHED_WORDS.iter().any(|w| lowered.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::classify::classify;
    use crate::text::lines::split_lines;

    #[test]
    fn a_date_under_its_label_is_found() {
        let found = |text: &str| labelled_dateline(&classify(&split_lines(text), None));
        // The label and the date each a line of a fact box.
        assert_eq!(
            found("Revolution im Reallabor\nErschienen am\n15.12.2022\nTeilen auf\n"),
            Some(2)
        );
        assert_eq!(found("Date\n2 March 2020\n"), Some(1));
        assert_eq!(found("Published on:\nMarch 2, 2020 by Ann Lee\n"), Some(1));
        // A heading with more words, or an update's label, labels no publication.
        assert_eq!(found("Aus dem Datencenter:\n2020 bis 2023\n"), None);
        assert_eq!(found("Stand:\n26.10.2021\n"), None);
        assert_eq!(found("Date\nTitles of 2 March 2020\n"), None);
    }

    #[test]
    fn a_date_after_its_publications_label_is_found() {
        let found = |text: &str| {
            let infos = classify(&split_lines(text), None);
            published_on_its_line(&infos, 0..infos.len())
        };
        assert_eq!(found("Politique\nPublié sur 18/02/2020\n"), Some(1));
        assert_eq!(
            found("Veröffentlicht 23.06.2016 um 16:14\nVeröffentlicht am 24.06.2016\n"),
            Some(0)
        );
        // A fact's date, a sentence, an update: no publication's label.
        assert_eq!(found("Datum: 31/08/2019\n"), None);
        assert_eq!(
            found("Die Studie wurde am 18/02/2020 in Nature veröffentlicht, sagt sie.\n"),
            None
        );
        assert_eq!(found("Aktualisiert am 17.01.2021\n"), None);
    }

    #[test]
    fn a_labelled_day_outranks_the_models_and_leaves_it_its_line_when_the_same() {
        let infos = classify(
            &split_lines(
                "mercredi 19 février 2020\n19.02.2020 - Par Chokri GHARBI\nPublié sur 18/02/2020\nPublié sur 19/02/2020\n",
            ),
            None,
        );
        let keep = |labelled: Option<usize>, modelled: Option<usize>| {
            labelled_or_modelled(&infos, labelled.map(|i| (i, 0)), modelled.map(|i| (i, 0)))
                .map(|(i, _)| i)
        };
        assert_eq!(keep(Some(2), Some(0)), Some(2));
        assert_eq!(keep(Some(3), Some(1)), Some(1));
        assert_eq!(keep(Some(2), None), Some(2));
        assert_eq!(keep(None, Some(0)), Some(0));
    }

    #[test]
    fn dates_of_a_registration_an_embedded_post_or_a_comment_are_no_candidates() {
        let infos = classify(
            &split_lines(
                "Registriert: 18.09.2008, 05:56\nBeitrag von r23 » 21.01.2009, 05:42\nEin Beitrag geteilt von SKEP (@skep) am 23. Okt 2017 um 0:31 Uhr\n12.04.2020 17:02\nAntworten\nRegistrierte Nutzer seit 12.04.2020 zählen\n",
            ),
            None,
        );
        let dated: Vec<usize> = dateline_candidates(&infos, None, 0..1)
            .into_iter()
            .map(|((i, _), _)| i)
            .collect();
        assert_eq!(dated, [1, 5]);
    }

    #[test]
    fn a_list_of_stories_dates_the_headlines_copy_from_above() {
        let found = |list: &str| {
            let text =
                format!("Menschenrechte achten\n\nEin Appell an die Bundesregierung.\n\n{list}");
            listed_date(&classify(&split_lines(&text), None), 0)
        };
        assert_eq!(
            found("Aktuell\n10.11.2021\nGeflüchtete in Belarus\n10.11.2021\nMenschenrechte achten\n\nEin Appell.\n09.11.2021\nSuchtberatung wirkt\n"),
            Some(5)
        );
        // A list that dates each title from below; a date set apart.
        assert_eq!(
            found(
                "Aktuell\nGeflüchtete in Belarus\n10.11.2021\nMenschenrechte achten\n09.11.2021\n"
            ),
            None
        );
        assert_eq!(
            found("Aktuell\n10.11.2021\n\nMenschenrechte achten\n"),
            None
        );
    }

    #[test]
    fn the_dateline_under_the_headlines_copy_in_the_header_is_stated() {
        // The headline's first copy is a sticky bar's; the header under its
        // second copy dates the story (subtitle, byline, date); a later copy
        // in a list of stories dates that list's entry.
        let headline = "Party Like It’s 1923: Will He Write His Own Book in Jail?";
        let text = [
            "Village News",
            headline,
            "Politics",
            " ",
            "POLITICS",
            headline,
            "After his failed putsch, in Munich 100 years ago, he dictated his bestseller.",
            "by R.C. Baker",
            "November 5, 2023",
            "",
            "The story.",
            "",
            "More stories",
            headline,
            "June 28, 2023",
        ]
        .join("\n");
        let infos = classify(&split_lines(&text), None);
        assert_eq!(stated_dateline(&infos, Some(1), 8..9), Some(7));
        // Without the header's date, the list's copy under the story dates
        // nothing of the story's.
        let undated = text.replace("November 5, 2023\n", "");
        let infos = classify(&split_lines(&undated), None);
        assert_eq!(stated_dateline(&infos, Some(1), 7..8), None);
    }
}

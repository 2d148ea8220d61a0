//! Quote credits on quotes from DEV pages, labelled by hand (issue #16): who
//! spoke, or nobody where the text does not say. Each case is the paragraph
//! before the quote and the quote with its attribution as the page wrote it
//! (the quoted words shortened). A wrong credit is worse than none, so the
//! measure is precision: of the credits Folio gives, how many are right.

use folio_core::stages::blocks::build_blocks;
use folio_core::BlockKind;

/// (paragraph before, quote line, who spoke if the text says so)
const CASES: &[(&str, &str, Option<&str>)] = &[
    ("", "\"We expect broader markets to outperform over the coming year and beyond,\" said Sanjiv Bhasin, Director, IIFL Securities.", Some("Sanjiv Bhasin")),
    ("", "“The case is not closed yet and we will keep looking at every part of it before filing an indictment,” Sweden’s deputy director of public prosecutions, Eva-Marie Persson, said on Tuesday.", Some("Eva-Marie Persson")),
    ("", "«Egan, ich freue mich darauf, wieder mit dir Rennen zu fahren und zu gewinnen», sagte der dreimalige Weltmeister Peter Sagan.", Some("Peter Sagan")),
    ("", "\"He will never be able to harm another little child again, and that is what matters most,\" said U.S. Attorney Nealy Cox.", Some("Nealy Cox")),
    ("", "“We need a lot of staff, including a lot of field organizers, to win this state,” said Jamie Lovegrove, a political reporter at the Post and Courier.", Some("Jamie Lovegrove")),
    ("", "\"Stadia can do that is not possible on other platforms, and it will change games,\" says Jack Buser, director for games at the tech giant.", Some("Jack Buser")),
    ("", "“The models keep getting bigger and the training runs keep getting longer and longer,” says Sasha Luccioni, a postdoctoral researcher at Mila.", Some("Sasha Luccioni")),
    ("", "\"I'm still researching and so we'll see what happens in the end,\" Renada Chisholm said.", Some("Renada Chisholm")),
    ("", "\"There could be water in the deep icy crust or deep subsurface ocean,\" JPL scientist and study co-author Michael Malaska said.", Some("Michael Malaska")),
    ("", "\"Russia also failed to fulfill its agreed cuts in November so far, as we expected,\" Commerzbank analyst Carsten Fritsch said.", Some("Carsten Fritsch")),
    ("", "„Dafür mussten spezielle Bauteile nach Maß angefertigt werden, das hat gedauert“, sagt Pressesprecherin Annalena Mandrella.", Some("Annalena Mandrella")),
    ("", "„Das stellt einen wichtigen Beitrag zur Standort- und Beschäftigungssicherheit dar“, sagt Ingo Degenhardt, Geschäftsführer der DGB-Region Südwestfalen.", Some("Ingo Degenhardt")),
    ("", "«Es importante que las autoridades busquen solucionar estas situaciones», explicó Jorge Makriniotis, gerente general de El Nacional.", Some("Jorge Makriniotis")),
    ("", "“Hace falta una alerta temprana y medidas de contención”, explicó Paola Vega, ministra del Micitt.", Some("Paola Vega")),
    ("", "“Eso es lo que hacen hombres como ‘El Chapo’ con el dinero de la droga”, dijo el fiscal Jason Richman.", Some("Jason Richman")),
    ("", "\"It requires an entire ecosystem to do what has to be done,\" said Michael Sims, CEO and Founder of Ceres Robotics Inc.", Some("Michael Sims")),
    ("", "\"Some consensus is important for the future of the country,\" said Avi Bell, senior fellow at the right-wing Kohelet Policy Forum in Israel.", Some("Avi Bell")),
    ("", "\"They will need some extra monitoring in the first weeks,\" said Lisa Boesky, a clinical psychologist and jail suicide expert from San Diego.", Some("Lisa Boesky")),
    ("", "\"Titan has liquid methane rain and water in its icy crust,\" said planetary geologist Rosaly Lopes of NASA's Jet Propulsion Laboratory.", Some("Rosaly Lopes")),
    ("", "\"The pentagon of risks is heavily tilted to the downside this year,\" said Rusmik Oza, Head of Fundamental Research at Kotak Securities.", Some("Rusmik Oza")),
    ("", "“Fires are very real, this late in the season, in many areas,” said Scott Strenfel, PG&E's principal meteorologist.", Some("Scott Strenfel")),
    ("", "\"We have been at the Taliban position in Pangram area of Sarkh, Logar,\" Taliban spokesman Zabihullah Mujahid said in a tweet.", Some("Zabihullah Mujahid")),
    ("", "„Ihre progressive politische Sicht vertritt sie prägnant und klug.“ – Maik Schmidt, c't", Some("Maik Schmidt")),
    ("", "\"We live in a time of record-breaking crisis, and of record-breaking vision\" ~ Velcrow Ripper", Some("Velcrow Ripper")),
    ("", "\"This data gives a comprehensive picture of the mission design and its costs,\" comments Robin Biesbroek of the CDF.", Some("Robin Biesbroek")),
    // The seed: a pronoun, a verb and a platform; the paragraph before names her.
    ("The attack was a distraction, said the EU foreign policy chief, Kaja Kallas.", "\"Moscow aims to derail real progress towards peace,\" she wrote on the social network X.", Some("Kaja Kallas")),
    // No one named beside the verb: a bare "he said" is not enough.
    ("Pankaj Pandey of ICICI Securities expects a range-bound market.", "\"So far, it looks fair as it is following the directional cues from abroad,\" he said.", None),
    ("The smoke reached the city of São Paulo on Monday afternoon.", "“The smoke coming here, thousands of kilometers away? That hit me by surprise,” he said.", None),
    ("Officers said he crossed from Punjab’s Bhatinda district last year.", "“From there, I tried to enter California on May 16 but was caught by police,” he said.", None),
    ("The actor James Van Der Beek was on the show that night.", "“This is not at all what I expected to see here,” judge Inaba noted as she made her decision.", None),
    ("", "“He’s used to scoring goals, getting points, and he will again,” he said.", None),
    // Narration after a quote, not an attribution.
    ("", "„Es kommt darauf an, dass auch deren Umsetzung zuverlässig gelinge“, Beispiele Pflege und Rente zeigten das, die Stuttgarterinnen gewannen am Sonntag die Serie gegen den Dresdner SC mit 2:1 und würden mit einem Sieg den Titel perfekt machen.", None),
    ("", "\"Alors mieux vaut réfléchir deux fois avant de porter quoi que ce soit à sa bouche,\" Clichy (Hauts-de-Seine). Mode d'emploi.", None),
    // Organisations and publications are not speakers.
    ("", "\"Reforms in India and a strong earnings recovery could disappoint the market,\" Kotak Institutional Equities said.", None),
    ("", "\"Water could be a sign of life, if it evolved there,\" added Lopes, who led the research published in the journal Nature Astronomy.", None),
    ("", "“Una confrontación máxima en el Puerto de Montevideo”, afirmó un integrante del Poder Ejecutivo a El País.", None),
    ("", "\"The moon as soon as possible, from a scientific standpoint,\" an official of NASA’s Science Mission Directorate said in a call.", None),
    // A quote with no attribution at all.
    ("", "„Nicht erinnerlich“, „nicht authentisch“, „zur Archivierung“, so lauteten die Antworten", None),
    ("", "\"This is the best thing that has happened to the city in a very long time.\"", None),
    ("", "\"We will be back next year with more of everything.\" The festival closes on Sunday.", None),
];

/// Share of Folio's credits that are right, and of the credits the text
/// gives that Folio finds.
const MIN_PRECISION: f64 = 0.95;

#[test]
fn quote_credits_are_right_when_given() {
    let mut given = 0;
    let mut right = 0;
    let mut wanted = 0;
    let mut found = 0;
    let mut wrong = Vec::new();
    for (before, quote, speaker) in CASES {
        let lines = [*before, *quote];
        let lines: Vec<&str> = lines.into_iter().filter(|l| !l.is_empty()).collect();
        let blocks = build_blocks(&lines, &vec![false; lines.len()]);
        let last = blocks.last().expect("a block");
        let credit = if last.kind == BlockKind::Quote {
            last.speaker.as_deref()
        } else {
            None
        };
        if credit.is_some() {
            given += 1;
            if credit == *speaker {
                right += 1;
            } else {
                wrong.push(format!("{quote:?}: {credit:?}, not {speaker:?}"));
            }
        }
        if speaker.is_some() {
            wanted += 1;
            if credit == *speaker {
                found += 1;
            }
        }
    }
    let precision = right as f64 / given.max(1) as f64;
    let recall = found as f64 / wanted.max(1) as f64;
    eprintln!(
        "{} quotes: {given} credits, {right} right (precision {precision:.3}), {found} of {wanted} speakers found (recall {recall:.3})",
        CASES.len()
    );
    assert!(CASES.len() >= 40);
    assert!(
        precision >= MIN_PRECISION,
        "precision {precision:.3}: {wrong:#?}"
    );
}

//! Page furniture: lines that belong to the site, not to any story.
//!
//! Takes one line and says whether it is an advertisement marker, a cookie
//! notice, share buttons, a login/subscribe prompt or a copyright footer,
//! by the words such lines are made of in the languages Folio reads.

use crate::article::DropReason;

/// Whole lines that mark an advertisement slot ("AD", "Anzeige", "Реклама").
const AD_MARKERS: &[&str] = &[
    "ad",
    "ads",
    "advert",
    "advertisement",
    "advertising",
    "sponsored",
    "sponsored content",
    "anzeige",
    "werbung",
    "publicité",
    "publicidad",
    "publicidade",
    "pubblicità",
    "reklama",
    "реклама",
    "advertentie",
    "promoted",
    "paid content",
    "partner content",
];

/// Words that only cookie and consent notices use.
const COOKIE_WORDS: &[&str] = &[
    "cookie",
    "cookies",
    "datenschutzerklärung",
    "gdpr",
    "dsgvo",
    "rgpd",
    "куки",
    "cookie-файлы",
    "файлы cookie",
    "privacy settings",
    "privacy preferences",
];

/// Words of consent, lower case: a notice's when it addresses the reader
/// ("I consent to receiving…", "Ihre Einwilligung") or labels a button
/// ("Update Consent"); a story's otherwise ("consent forms had been sent
/// out", "Assange doesn't consent to extradition").
const CONSENT_WORDS: &[&str] = &["consent", "einwilligung"];

/// Words by which a notice addresses the reader or speaks for the site.
/// (A call to subscribe is told by the site's words only, `OWN_WORDS`: a
/// deal's "sign up … with your account" addresses the reader too.)
const READER_WORDS: &[&str] = &[
    "your", "our", "i", "my", "ihre", "ihrer", "ihren", "ihrem", "meine", "unsere", "unserer",
    "unseren", "votre", "vos", "notre", "nos", "tu", "tus",
];

/// Words a consent button's label has at most ("Change Ad Consent").
const CONSENT_LABEL_MAX_WORDS: usize = 4;

fn is_consent_notice(lowered: &str, words: &[&str]) -> bool {
    CONSENT_WORDS.iter().any(|w| lowered.contains(w))
        && (words.len() <= CONSENT_LABEL_MAX_WORDS
            || words.iter().any(|w| READER_WORDS.contains(w)))
}

/// Whole lines that are share or follow buttons (besides a share verb
/// alone, [`SHARE_VERBS`]).
const SHARE_BUTTONS: &[&str] = &[
    "share this",
    "share this article",
    "share on facebook",
    "share on twitter",
    "tweet",
    "facebook",
    "twitter",
    "x",
    "whatsapp",
    "telegram",
    "linkedin",
    "pinterest",
    "reddit",
    "email",
    "e-mail",
    "mail",
    "print",
    "copy link",
    "copy",
    "link kopieren",
    "artikel teilen",
    "drucken",
    "vk",
    "ok",
    "viber",
    "messenger",
    "flipboard",
    "pocket",
    "comment",
    "comments",
    "kommentare",
    "save",
    "merken",
    "follow",
    "listen",
    "gift this article",
    "text size",
    "a a a",
];

/// Whole lines that prompt to log in, subscribe or navigate the site.
const SITE_PROMPTS: &[&str] = &[
    "sign in",
    "log in",
    "login",
    "sign up",
    "subscribe",
    "subscribe now",
    "register",
    "anmelden",
    "abonnieren",
    "registrieren",
    "se connecter",
    "s'abonner",
    "iniciar sesión",
    "suscríbete",
    "entrar",
    "assine",
    "zaloguj się",
    "войти",
    "увійти",
    "menu",
    "menü",
    "search",
    "suche",
    "rechercher",
    "buscar",
    "szukaj",
    "поиск",
    "пошук",
    "home",
    "startseite",
    "accueil",
    "inicio",
    "back to top",
    "skip to content",
    "skip to main content",
    "zum inhalt springen",
    "close",
    "schließen",
    "fermer",
    "cerrar",
    "more",
    "mehr",
    "read more",
    "weiterlesen",
    "weiter lesen",
    "lire la suite",
    "leer más",
    "leia mais",
    "leggi tutto",
    "czytaj więcej",
    "читать далее",
    "load more",
    "show more",
    "next",
    "previous",
    "weiter",
    "zurück",
];

/// How a link back to another page of the site opens, lower case.
const BACK_LINKS: &[&str] = &[
    "back to",
    "zurück zu",
    "zurück zum",
    "zurück zur",
    "retour à",
    "retour au",
    "volver a",
    "volver al",
    "torna a",
    "torna al",
    "terug naar",
    "powrót do",
    "вернуться к",
    "назад к",
];

/// Pages of a site a back link leads to, lower case.
const BACK_LINK_TARGETS: &[&str] = &[
    "top",
    "menu",
    "main menu",
    "home",
    "homepage",
    "start",
    "overview",
    "list",
    "index",
    "contents",
    "gallery",
    "all posts",
    "all articles",
    "seitenanfang",
    "anfang",
    "übersicht",
    "übersichtsseite",
    "themenübersicht",
    "inhaltsverzeichnis",
    "startseite",
    "webseite",
    "liste",
    "listenansicht",
    "menü",
    "hauptmenü",
    "bereichsnavigation",
    "allen meldungen",
    "allen artikeln",
    "l'accueil",
    "accueil",
    "la liste",
    "portada",
    "inicio",
    "la lista",
    "strony głównej",
    "началу",
];

/// "Zurück zur Übersicht", "Back to Main Menu", "Retour à l'accueil": a
/// link back to the site's other pages ("Back to the Roofs" is a title).
fn is_back_link(bare: &str) -> bool {
    BACK_LINKS.iter().any(|opening| {
        bare.strip_prefix(opening).is_some_and(|rest| {
            let rest = rest
                .trim()
                .trim_start_matches("the ")
                .trim_end_matches(['«', '»', '<', '>', ' ']);
            BACK_LINK_TARGETS.contains(&rest)
        })
    })
}

/// Whole lines of a page's comment widgets ("Leave a Reply",
/// "Kommentare schreiben"), lower case.
const COMMENT_WIDGETS: &[&str] = &[
    "kommentieren",
    "kommentar schreiben",
    "kommentare schreiben",
    "schreibe einen kommentar",
    "schreibe eine antwort",
    "kommentar verfassen",
    "kommentar hinterlassen",
    "hinterlasse einen kommentar",
    "keine kommentare",
    "no comments",
    "leave a comment",
    "leave a reply",
    "add a comment",
    "write a comment",
    "post a comment",
    "be the first to comment",
    "laisser un commentaire",
    "lascia un commento",
    "deja un comentario",
];

/// A "like" button's label, lower case: a widget when it heads the row of
/// likes ("Like this:", "Gefällt mir:") or waits for them ("Like
/// Loading…"), not alone ("Gefällt mir" may be a post's title).
const LIKE_LABELS: &[&str] = &[
    "like this",
    "like",
    "gefällt mir",
    "j'aime",
    "j’aime",
    "me gusta",
    "mi piace",
];

/// Words of a widget still loading, lower case.
const LOADING: &[&str] = &["loading", "lade", "chargement", "cargando", "caricamento"];

fn is_like_widget(lowered: &str, bare: &str) -> bool {
    let heads_row = lowered.trim_end().ends_with(':') && LIKE_LABELS.contains(&bare);
    let waits = LIKE_LABELS.iter().any(|label| {
        bare.strip_prefix(label)
            .is_some_and(|rest| LOADING.contains(&rest.trim_end_matches(['.', '…', ' ']).trim()))
    });
    heads_row || waits
}

/// Words by which a page's prompt names the story it stands under
/// ("Was this article helpful?", "Diesen Artikel teilen"), lower case.
const THE_STORY: &[&str] = &[
    "article",
    "post",
    "story",
    "artikel",
    "beitrag",
    "artículo",
    "articolo",
    "artigo",
];

/// What such a prompt asks the reader to do with it, lower case.
const STORY_ACTIONS: &[&str] = &[
    "share",
    "rate",
    "helpful",
    "useful",
    "like",
    "enjoyed",
    "teilen",
    "bewerten",
    "nützlich",
    "hilfreich",
    "gefallen",
    "gefällt",
    "partager",
    "compartir",
    "condividi",
    "compartilhar",
];

/// Words such a prompt has at most.
const STORY_PROMPT_MAX_WORDS: usize = 14;

/// "Möchten Sie den Artikel teilen?", "War der Artikel nützlich?", "Rate
/// this article": a short line asking the reader to do something with
/// the story, not part of it.
fn is_story_prompt(words: &[&str]) -> bool {
    words.len() <= STORY_PROMPT_MAX_WORDS
        && words.iter().any(|w| THE_STORY.contains(w))
        && words.iter().any(|w| STORY_ACTIONS.contains(w))
}

/// How an embedded social post credits its author, lower case ("A post
/// shared by Chateau La Coste (@chateaulacoste)", "Ein Beitrag geteilt von
/// SKEP (@skep.association) am 23. Okt 2017 um 0:31 Uhr").
const EMBED_CREDITS: &[&str] = &[
    "a post shared by",
    "ein beitrag geteilt von",
    "une publication partagée par",
    "una publicación compartida por",
    "una publicación compartida de",
    "un post condiviso da",
    "uma publicação compartilhada por",
    "uma publicação partilhada por",
];

/// An embedded post's credit line: the platform's phrase, then the
/// account's name and handle.
pub fn is_embed_credit(lowered: &str) -> bool {
    EMBED_CREDITS.iter().any(|c| lowered.starts_with(c)) && lowered.contains("(@")
}

/// Words that ask the reader to subscribe, lower case ("sign up" is
/// read as a pair in `asks_to_subscribe`).
const SUBSCRIBE_CALLS: &[&str] = &[
    "subscribe",
    "signup",
    "abonnieren",
    "abonniere",
    "abonnez",
    "abonne",
    "suscríbete",
    "suscribite",
    "suscríbase",
    "inscrivez",
    "iscriviti",
    "inscreva",
    "assine",
    "zapisz",
    "subskrybuj",
    "подпишитесь",
    "підпишіться",
];

/// Beginnings of the words a newsletter's box asks with ("Melden Sie
/// sich an", "receive", "abonniert"), lower case.
const MAILING_CALLS: &[&str] = &[
    "subscri",
    "sign",
    "abonn",
    "anmeld",
    "meld",
    "regist",
    "erhalt",
    "bestell",
    "verpass",
    "receiv",
    "get",
    "join",
    "miss",
    "suscri",
    "inscri",
    "recib",
    "recev",
    "iscriv",
    "ricev",
    "zapisz",
    "подпис",
    "підпис",
];

/// Words by which a site points at itself or its own box ("our", "here"),
/// lower case.
const OWN_WORDS: &[&str] = &[
    "our", "my", "here", "unser", "unsere", "unseren", "unserem", "mein", "meinen", "meinem",
    "hier", "nuestro", "nuestra", "nuestros", "aquí", "notre", "nos", "ici", "nostro", "nostra",
    "qui", "nasz", "naszego", "наш", "нашу",
];

/// Words such a prompt has at most.
const READER_PROMPT_MAX_WORDS: usize = 40;

/// Words a newsletter box's heading has at most ("Unser Newsletter").
const MAILING_HEADING_MAX_WORDS: usize = 3;

/// "Abonniere unseren Newsletter", "Get the latest updates right in your
/// inbox", "Subscribe now to our eNATION edition", "Sign up here": a call
/// to subscribe to the site's mailings, not part of any story. A story may
/// speak of newsletters or of signing up for a service; it does not ask
/// the reader to, in the site's own words.
fn asks_to_subscribe(words: &[&str]) -> bool {
    let mailing = words
        .iter()
        .any(|w| w.contains("newsletter") || ["inbox", "posteingang"].contains(w));
    let calls = |list: &[&str]| words.iter().any(|w| list.iter().any(|c| w.starts_with(c)));
    let own = words.iter().any(|w| OWN_WORDS.contains(w));
    let subscribes = words.iter().any(|w| SUBSCRIBE_CALLS.contains(w))
        || words.windows(2).any(|pair| pair == ["sign", "up"]);
    words.len() <= READER_PROMPT_MAX_WORDS
        && ((mailing && (words.len() <= MAILING_HEADING_MAX_WORDS || own || calls(MAILING_CALLS)))
            || (subscribes && own))
}

/// Words of an app store's name, lower case.
const APP_STORES: &[&str] = &["ios", "android", "iphone", "store", "play"];

/// Beginnings of the words for downloading, lower case.
const DOWNLOAD_WORDS: &[&str] = &[
    "download",
    "herunterl",
    "descarg",
    "télécharg",
    "scaric",
    "pobierz",
];

/// "Download the Nationnews apps for iOS and Android": a call to install
/// the site's app.
fn asks_to_install(words: &[&str]) -> bool {
    words.len() <= READER_PROMPT_MAX_WORDS
        && words
            .iter()
            .any(|w| DOWNLOAD_WORDS.iter().any(|d| w.starts_with(d)))
        && words
            .iter()
            .any(|w| ["app", "apps", "application", "aplicación"].contains(w))
        && words.iter().any(|w| APP_STORES.contains(w))
}

/// Phrases of a note on what the site earns from the story's links, lower
/// case.
const DISCLOSURES: &[&str] = &[
    "advertising disclosure",
    "advertising disclaimer",
    "may receive compensation",
    "may receive a commission",
    "may earn a commission",
    "may earn compensation",
    "products from one or more of our advertisers",
    "erhalten wir eine provision",
    "werbelinks",
];

/// Words such a note has at most.
const DISCLOSURE_MAX_WORDS: usize = 80;

/// "Advertising disclosure: We may receive compensation…", "Bei den
/// Verlinkungen handelt es sich um Affiliate Links": what the site earns
/// from the page's links, not part of the story.
fn is_disclosure(lowered: &str, words: &[&str]) -> bool {
    let affiliate_links = words.iter().any(|w| w.starts_with("affiliat"))
        && words.iter().any(|w| w.starts_with("link"));
    words.len() <= DISCLOSURE_MAX_WORDS
        && (affiliate_links || DISCLOSURES.iter().any(|p| lowered.contains(p)))
}

/// Phrases a blog's theme writes under each post: where it was filed and
/// its permanent link ("This entry was posted in …. Bookmark the
/// permalink."), lower case.
const POST_FOOTERS: &[&str] = &[
    "this entry was posted",
    "bookmark the permalink",
    "veröffentlicht und wurde unter",
    "dieser eintrag wurde veröffentlicht",
    "lesezeichen für den permalink",
    "ce contenu a été publié",
    "esta entrada fue publicada",
    "questa voce è stata pubblicata",
];

/// A line that asks the reader to subscribe or install an app, says what
/// the site earns from its links, or files the post: a page's, not the
/// story's.
fn is_reader_prompt(lowered: &str, words: &[&str]) -> bool {
    asks_to_subscribe(words)
        || asks_to_install(words)
        || is_disclosure(lowered, words)
        || POST_FOOTERS.iter().any(|p| lowered.contains(p))
}

/// Phrases of a copyright or legal footer.
const FOOTER_PHRASES: &[&str] = &[
    "all rights reserved",
    "alle rechte vorbehalten",
    "tous droits réservés",
    "todos los derechos reservados",
    "todos os direitos reservados",
    "wszelkie prawa zastrzeżone",
    "все права защищены",
    "всі права захищені",
    "privacy policy",
    "terms of use",
    "terms of service",
    "impressum",
    "datenschutz",
    "mentions légales",
];

/// Verbs of "follow us on …" prompts, lower case.
const FOLLOW_WORDS: &[&str] = &[
    "follow",
    "folge",
    "folgen sie",
    "suivez",
    "síguenos",
    "siga",
    "segui",
    "obserwuj",
    "подпис",
    "следите",
    "стежте",
    "join us",
    "únete",
    "our channel",
    "unseren kanal",
    "unserem kanal",
    "nuestro canal",
    "notre chaîne",
];

/// Social networks such prompts name, lower case.
const NETWORKS: &[&str] = &[
    "facebook",
    "twitter",
    "instagram",
    "telegram",
    "youtube",
    "linkedin",
    "tiktok",
    "threads",
    "bluesky",
    "mastodon",
    "whatsapp",
    "vk",
];

/// Characters a "follow us" prompt has at most.
const FOLLOW_PROMPT_MAX_CHARS: usize = 160;

/// "Follow us on Facebook", "Folge Oliver Baroni auf Twitter": a call to
/// follow someone on a social network, not part of any story.
fn is_follow_prompt(lowered: &str) -> bool {
    // A line that opens with the call ("Follow The Gleaner on Twitter …")
    // may go on to list more ways to reach the site.
    let opens_with_call = FOLLOW_WORDS.iter().any(|w| lowered.starts_with(w));
    let max_chars = if opens_with_call {
        2 * FOLLOW_PROMPT_MAX_CHARS
    } else {
        FOLLOW_PROMPT_MAX_CHARS
    };
    lowered.len() <= max_chars
        && FOLLOW_WORDS.iter().any(|w| lowered.contains(w))
        && NETWORKS.iter().any(|n| lowered.contains(n))
}

/// Verbs of share buttons, lower case.
const SHARE_VERBS: &[&str] = &[
    "share",
    "teilen",
    "partager",
    "compartir",
    "compartilhar",
    "condividi",
    "udostępnij",
    "поделиться",
    "поділитися",
];

/// Words a share button's label has at most.
const SHARE_PROMPT_MAX_WORDS: usize = 6;

/// A share button's label that names its network ("Share this on
/// WhatsApp", "Auf Facebook teilen"): the verb opens or closes it.
pub fn is_share_prompt(line: &str) -> bool {
    let lowered = lower(line);
    let words: Vec<&str> = crate::text::language::words(&lowered).collect();
    let verb = |w: Option<&&str>| w.is_some_and(|w| SHARE_VERBS.contains(w));
    words.len() <= SHARE_PROMPT_MAX_WORDS
        && (verb(words.first()) || verb(words.last()))
        && words.iter().any(|w| NETWORKS.contains(w))
}

/// Levels a PHP error message opens with.
const SERVER_ERROR_LEVELS: &[&str] = &[
    "Warning: ",
    "Notice: ",
    "Deprecated: ",
    "Strict Standards: ",
    "Fatal error: ",
    "Catchable fatal error: ",
    "Parse error: ",
];

/// An error message the site's server printed into the page ("Warning:
/// Use of undefined constant … in /home/…/functions.php on line 45"): a
/// level, then the file and line it came from.
fn is_server_error(line: &str) -> bool {
    let line = line.trim();
    SERVER_ERROR_LEVELS.iter().any(|l| line.starts_with(l))
        && line.contains(" in /")
        && line
            .rsplit_once(" on line ")
            .is_some_and(|(_, n)| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// What a page's script wrote when it put an object where text belongs.
const SCRIPT_OBJECT: &str = "[object Object]";

/// A line of a script's leftovers and nothing else ("[object Object]").
fn is_script_leftover(line: &str) -> bool {
    let line = line.trim();
    line.starts_with(SCRIPT_OBJECT)
        && line
            .split(SCRIPT_OBJECT)
            .all(|rest| rest.trim().trim_matches(',').is_empty())
}

/// Characters a row of buttons run together has at most.
const GLUED_BUTTONS_MAX_CHARS: usize = 120;

/// A row of share buttons whose labels innerText ran together, with no
/// space or only non-breaking ones between them:
/// "FacebookTwitterPinterestE-MailWhatsApp", "Facebook\u{a0}Twitter".
/// The labels are read off the front, longest first; two at least.
fn glued_buttons(bare: &str) -> bool {
    if bare.len() > GLUED_BUTTONS_MAX_CHARS || bare.contains(' ') {
        return false;
    }
    let run: String = bare
        .chars()
        .filter(|&c| c != '\u{ad}' && c != '\u{a0}')
        .collect();
    // Labels of one letter ("x") would read any run of letters.
    let labels = || {
        SHARE_BUTTONS
            .iter()
            .chain(SHARE_VERBS)
            .chain(NETWORKS)
            .filter(|l| l.len() > 1 && !l.contains(' '))
    };
    // Fewest labels that spell the run from each position, from the end.
    let mut fewest = vec![None::<usize>; run.len() + 1];
    fewest[run.len()] = Some(0);
    for at in (0..run.len()).rev() {
        if !run.is_char_boundary(at) {
            continue;
        }
        fewest[at] = labels()
            .filter(|l| run[at..].starts_with(*l))
            .filter_map(|l| fewest[at + l.len()].map(|n| n + 1))
            .min();
    }
    fewest[0].is_some_and(|n| n >= 2)
}

fn lower(line: &str) -> String {
    line.to_lowercase()
}

/// Text of a line with trailing punctuation and counters cut off:
/// "Share (12)" and "Comments: 4" compare as "share" and "comments".
fn bare(line_lower: &str) -> &str {
    let cut = line_lower.trim_end_matches(|c: char| {
        c.is_ascii_digit() || c.is_whitespace() || "():.,|•·»›>".contains(c)
    });
    cut.trim_start_matches(|c: char| c.is_whitespace() || "•·|»›>".contains(c))
}

/// Why a line is page furniture, if it is. Only looks at lines of a size
/// such furniture has; prose that merely mentions cookies is left alone.
pub fn furniture_reason(line: &str) -> Option<DropReason> {
    const MAX_FURNITURE_BYTES: usize = 600;
    if line.len() > MAX_FURNITURE_BYTES {
        return None;
    }
    let lowered = lower(line);
    let bare = bare(&lowered);
    if AD_MARKERS.contains(&bare) {
        return Some(DropReason::Advertisement);
    }
    if SHARE_BUTTONS.contains(&bare) || SHARE_VERBS.contains(&bare) || glued_buttons(bare) {
        return Some(DropReason::ShareButtons);
    }
    if SITE_PROMPTS.contains(&bare) || is_back_link(bare) {
        return Some(DropReason::Navigation);
    }
    if is_follow_prompt(&lowered) {
        return Some(DropReason::ShareButtons);
    }
    if is_server_error(line) || is_script_leftover(line) || is_embed_credit(&lowered) {
        return Some(DropReason::Boilerplate);
    }
    // The line's words, read once for the prompts and notices below.
    let words: Vec<&str> = crate::text::language::words(&lowered).collect();
    if COMMENT_WIDGETS.contains(&bare)
        || is_like_widget(&lowered, bare)
        || is_story_prompt(&words)
        || is_reader_prompt(&lowered, &words)
    {
        return Some(DropReason::Boilerplate);
    }
    if COOKIE_WORDS.iter().any(|w| lowered.contains(w)) || is_consent_notice(&lowered, &words) {
        return Some(DropReason::CookieNotice);
    }
    if lowered.contains('©') || lowered.starts_with("copyright") {
        return Some(DropReason::Footer);
    }
    if line.len() < 200 && FOOTER_PHRASES.iter().any(|p| lowered.contains(p)) {
        return Some(DropReason::Footer);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each line is furniture for `reason` (`None`: no furniture).
    fn assert_reason(lines: &[&str], reason: Option<DropReason>) {
        for line in lines {
            assert_eq!(furniture_reason(line), reason, "{line}");
        }
    }

    #[test]
    fn links_back_to_the_sites_pages_are_navigation() {
        assert_reason(
            &[
                "Zurück zur Übersicht",
                "Back To Main Menu",
                "Retour à l'accueil",
                "Back to Top «",
                "Powrót do strony głównej",
            ],
            Some(DropReason::Navigation),
        );
        assert_reason(
            &[
                "Back to the Roofs",
                "Zurück zur Normalität",
                "Back to School Health Tips: Properly Wash Your Hands",
            ],
            None,
        );
    }

    #[test]
    fn an_embedded_posts_credit_is_furniture() {
        assert_reason(
            &[
                "A post shared by Chateau La Coste (@chateaulacoste)",
                "Ein Beitrag geteilt von SKEP (@skep.association) am 23. Okt 2017 um 0:31 Uhr",
            ],
            Some(DropReason::Boilerplate),
        );
        // The phrase in a sentence, or without the account's handle.
        assert_reason(
            &[
                "A post shared by thousands of readers last week",
                "Sie sahen einen Beitrag geteilt von (@skep.association).",
            ],
            None,
        );
    }

    #[test]
    fn a_scripts_leftover_object_is_furniture() {
        assert_reason(
            &["[object Object]", "[object Object], [object Object]"],
            Some(DropReason::Boilerplate),
        );
        assert_reason(&["Why [object Object] shows up on your page"], None);
    }

    #[test]
    fn a_servers_error_messages_are_furniture() {
        assert_reason(
            &[
                "Warning: Use of undefined constant PP_VERSION - assumed 'PP_VERSION' in /home/site/public_html/wp-content/themes/gdg/functions.php on line 45",
                "Strict Standards: Only variables should be passed by reference in /www/htdocs/wp-includes/wp-db.php on line 785",
            ],
            Some(DropReason::Boilerplate),
        );
        // A story's sentence that opens with a warning.
        assert_reason(
            &["Warning: the storm will reach the coast in /the next hours, on line with forecasts"],
            None,
        );
    }

    #[test]
    fn share_prompts_name_their_network() {
        assert!(is_share_prompt("Share this on WhatsApp"));
        assert!(is_share_prompt("Auf Facebook teilen"));
        // A headline about sharing is none, nor a long line naming a network.
        assert!(!is_share_prompt("Facebook shares plunge after the report"));
        assert!(!is_share_prompt(
            "Share your thoughts with us on what Twitter should do next"
        ));
    }

    #[test]
    fn share_buttons_run_together_are_furniture() {
        assert_reason(
            &[
                "Face\u{ad}bookTwit\u{ad}terPin\u{ad}te\u{ad}restE-MailWhats\u{ad}App",
                "Facebook\u{a0}Twitter\u{a0}LinkedIn",
                "ShareTweet",
            ],
            Some(DropReason::ShareButtons),
        );
        // One label, words that only start like labels, or a sentence: not a row.
        assert_reason(
            &["Facebookseite", "Printausgabe", "Mail me at home", "Xerxes"],
            None,
        );
    }

    #[test]
    fn comment_like_and_rating_widgets_are_furniture() {
        for line in [
            "Leave a Reply",
            "Kommentare schreiben",
            "Kommentar verfassen",
            "Hinterlasse einen Kommentar",
            "Schreibe eine Antwort",
            "Lascia un commento",
            "Like this:",
            "Gefällt mir:",
            "Gefällt mir Lade …",
            "Like Loading...",
            "Möchten Sie den Artikel teilen?",
            "War der Artikel nützlich?",
            "Was this article helpful?",
            "Rate this post",
        ] {
            assert_eq!(
                furniture_reason(line),
                Some(DropReason::Boilerplate),
                "{line}"
            );
        }
        // A post may be titled so; a story may speak of articles.
        for line in [
            "Gefällt mir",
            "The article was shared thousands of times before the company deleted it.",
            "Like many towns, it has lost its bank.",
        ] {
            assert_eq!(furniture_reason(line), None, "{line}");
        }
    }

    #[test]
    fn calls_to_subscribe_disclosures_and_post_footers_are_furniture() {
        for line in [
            "Abonniere unseren Newsletter",
            "Unser Newsletter",
            "Kostenlos zum Newsletter anmelden und GRATIS-Jahresabo abstauben",
            "Get the latest updates right in your inbox. Subscribe to NJ.com’s newsletters.",
            "Subscribe now to our eNATION edition for the full story.",
            "Do you want to be informed of DiEM25's actions? Sign up here",
            "For the latest stories and breaking news updates download the Nationnews apps for iOS and Android.",
            "Advertising disclosure: We may receive compensation for some of the links in our stories.",
            "Bei den Verlinkungen handelt es sich um Affiliate Links",
            "This entry was posted in Allgemein. Bookmark the permalink.",
            "Der Beitrag wurde am Mittwoch, den 27. November 2019 um 15:21 Uhr veröffentlicht und wurde unter Allgemein abgelegt.",
        ] {
            assert_eq!(
                furniture_reason(line),
                Some(DropReason::Boilerplate),
                "{line}"
            );
        }
        // A story may speak of newsletters, signing up, affiliations and
        // subscriptions without asking the reader to.
        for line in [
            "If you just want Disney+, you can sign up for a free 7-day trial.",
            "Sign up for a Hulu ad-free account for $11.99 a month",
            "Christine hat sich bereit erklärt, wieder regelmässig einen Newsletter für Talent zu verfassen.",
            "A team of researchers affiliated with several institutions has found evidence of a cutting tool.",
            "Der Beitrag wurde am Sonntag im ZDF ausgestrahlt.",
            "The app is available for iOS and Android.",
        ] {
            assert_eq!(furniture_reason(line), None, "{line}");
        }
    }

    #[test]
    fn a_follow_prompt_may_go_on_when_it_opens_with_the_call() {
        let line = "Follow The Gleaner on Twitter and Instagram @JamaicaGleaner and on Facebook \
                    @GleanerJamaica. Send us a message on WhatsApp at 1-876-499-0169 or email us \
                    at onlinefeedback@gleanerjm.com";
        assert!(line.len() > FOLLOW_PROMPT_MAX_CHARS);
        assert_eq!(furniture_reason(line), Some(DropReason::ShareButtons));
        // Prose of that length that mentions following someone stays.
        let prose = "The senator, who has long been followed by millions on Twitter and who \
                     rarely gives interviews, said on Monday that she would not seek another \
                     term in the chamber next year.";
        assert!(prose.len() > FOLLOW_PROMPT_MAX_CHARS);
        assert_eq!(furniture_reason(prose), None);
    }

    #[test]
    fn recognises_furniture_lines() {
        assert_eq!(furniture_reason("AD"), Some(DropReason::Advertisement));
        assert_eq!(furniture_reason("Anzeige"), Some(DropReason::Advertisement));
        assert_eq!(furniture_reason("Advert"), Some(DropReason::Advertisement));
        assert_eq!(
            furniture_reason("Share (12)"),
            Some(DropReason::ShareButtons)
        );
        assert_eq!(
            furniture_reason("We use cookies to improve your experience."),
            Some(DropReason::CookieNotice)
        );
        assert_eq!(
            furniture_reason("Copyright ©2019 Dow Jones & Company, Inc. All Rights Reserved."),
            Some(DropReason::Footer)
        );
        assert_eq!(furniture_reason("Sign In"), Some(DropReason::Navigation));
        assert_eq!(
            furniture_reason(
                "Folge mir Folge Oliver Baroni auf Facebook Folge Oliver Baroni auf Twitter"
            ),
            Some(DropReason::ShareButtons)
        );
    }

    #[test]
    fn consent_is_a_notices_word_only_when_it_addresses_the_reader() {
        for line in [
            "By clicking \"Submit\", I consent to receiving the above communication.",
            "Meine Einwilligung kann ich jederzeit widerrufen.",
            "Update Consent",
        ] {
            assert_eq!(
                furniture_reason(line),
                Some(DropReason::CookieNotice),
                "{line}"
            );
        }
        for line in [
            "Archer-Bradshaw said special vaccination consent forms had been sent out to parents.",
            "Julian Assange doesn't consent to US extradition, court hears",
        ] {
            assert_eq!(furniture_reason(line), None, "{line}");
        }
    }

    #[test]
    fn leaves_story_lines_alone() {
        assert_eq!(
            furniture_reason("Kallas urges not to accept Russia’s unfounded claims"),
            None
        );
        assert_eq!(
            furniture_reason("Ad hoc committee meets on Monday to discuss the budget."),
            None
        );
    }
}

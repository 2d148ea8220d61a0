//! Link addresses from a saved page, made safe to show.
//!
//! Takes an `href` as the page wrote it and the page's own address (its
//! `<base href>`, canonical link or `og:url`) and gives an absolute `http`
//! or `https` address, or nothing. Every other scheme (`javascript:`,
//! `data:`, `mailto:`, `file:`) gives nothing, so no link Folio shows can
//! run script or open anything but a web page.

use crate::text::lines::folded;

/// Schemes a link may keep.
const WEB_SCHEMES: &[&str] = &["http", "https"];

/// Characters a browser strips from anywhere in a URL before reading it
/// (`java\tscript:` is `javascript:`).
fn is_stripped(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r')
}

/// The scheme of an absolute address, lowercased: `HTTPS://a` gives "https".
fn scheme(address: &str) -> Option<String> {
    let end = address.find(':')?;
    let scheme = &address[..end];
    let valid = scheme
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    valid.then(|| scheme.to_ascii_lowercase())
}

/// `https://example.com/news/a?x=1` → `https://example.com`.
fn origin(base: &str) -> Option<&str> {
    // The host comes right after the scheme's "://", never after one
    // further on ("http:/?…=p://host" has none).
    let colon = base.find(':')?;
    if !base[colon..].starts_with("://") {
        return None;
    }
    let after_scheme = colon + 3;
    let end = base[after_scheme..]
        .find(['/', '?', '#'])
        .map_or(base.len(), |i| after_scheme + i);
    (end > after_scheme).then(|| &base[..end])
}

/// An absolute web address for `href` on a page at `base`; `None` for any
/// other scheme, a fragment of the same page, or a relative address with no
/// base to resolve it against.
pub fn web_address(href: &str, base: Option<&str>) -> Option<String> {
    let href: String = href.trim().chars().filter(|&c| !is_stripped(c)).collect();
    if href.is_empty() || href.starts_with('#') || href.chars().any(char::is_control) {
        return None;
    }
    let absolute = if let Some(scheme) = scheme(&href).filter(|_| !href.starts_with("//")) {
        if !WEB_SCHEMES.contains(&scheme.as_str()) {
            return None;
        }
        href
    } else {
        let base = base.and_then(|b| web_address(b, None))?;
        let origin = origin(&base)?;
        if let Some(rest) = href.strip_prefix("//") {
            format!("{}://{rest}", scheme(&base)?)
        } else if href.starts_with('/') {
            format!("{origin}{href}")
        } else {
            let path_end = base.find(['?', '#']).unwrap_or(base.len());
            if href.starts_with('?') {
                format!("{}{href}", &base[..path_end])
            } else {
                let dir_end = base[..path_end]
                    .rfind('/')
                    .filter(|&i| i >= origin.len())
                    .map_or(path_end, |i| i + 1);
                let dir = &base[..dir_end];
                let slash = if dir.ends_with('/') { "" } else { "/" };
                format!("{dir}{slash}{href}")
            }
        }
    };
    origin(&absolute)?;
    let mut safe = String::with_capacity(absolute.len());
    for c in absolute.chars() {
        match c {
            ' ' => safe.push_str("%20"),
            '"' => safe.push_str("%22"),
            '<' => safe.push_str("%3C"),
            '>' => safe.push_str("%3E"),
            '`' => safe.push_str("%60"),
            c => safe.push(c),
        }
    }
    let safe = without_tracking(&safe);
    is_web_address(&safe).then_some(safe)
}

/// Whether `address` may be shown as a live link: an absolute `http` or
/// `https` address with a host and nothing a browser would strip or
/// misread. Checked again wherever an address arrives from outside (a
/// share link), not only where [`web_address`] made it.
pub fn is_web_address(address: &str) -> bool {
    scheme(address).is_some_and(|s| WEB_SCHEMES.contains(&s.as_str()))
        && origin(address).is_some_and(|o| !o.contains('@'))
        && !address.chars().any(|c| {
            c.is_whitespace()
                || c.is_control()
                || is_invisible(c)
                // A browser reads `\` as `/`: "evil.example\@good.example".
                || matches!(c, '"' | '<' | '>' | '`' | '\\')
        })
}

/// Characters that change how an address or a name is shown without being
/// seen: bidi controls ("invoice_\u{202E}fdp.exe" shows as "invoice_exe.pdf")
/// and zero-width characters.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}'
    )
}

/// Query parameters that track the reader or carry a session, never the
/// page: left out of every address Folio keeps or shares.
const TRACKING_PARAMETERS: &[&str] = &[
    "fbclid",
    "gclid",
    "dclid",
    "gbraid",
    "wbraid",
    "msclkid",
    "mc_cid",
    "mc_eid",
    "igshid",
    "yclid",
    "twclid",
    "_ga",
    "_gl",
    "token",
    "access_token",
    "auth",
    "sid",
    "session",
    "sessionid",
    "session_id",
    "phpsessid",
    "jsessionid",
    "key",
    "api_key",
    "apikey",
];

/// The address of the original page as a reader may follow it: a web
/// address, without tracking and session parameters; `None` otherwise.
pub fn original_address(address: &str) -> Option<String> {
    let address = address.trim();
    is_web_address(address).then(|| without_tracking(address))
}

/// `address` without tracking and session parameters (`utm_*`, `fbclid`,
/// `token`, `sid`, …); the rest of its query and its fragment stay.
pub fn without_tracking(address: &str) -> String {
    // A "?" inside the fragment starts no query.
    let before_fragment = address.split('#').next().unwrap_or(address);
    let Some(query_at) = before_fragment.find('?') else {
        return address.to_string();
    };
    let fragment_at = address[query_at..]
        .find('#')
        .map_or(address.len(), |i| query_at + i);
    let kept: Vec<&str> = address[query_at + 1..fragment_at]
        .split('&')
        .filter(|pair| {
            let name = pair.split('=').next().unwrap_or("").to_ascii_lowercase();
            !name.is_empty()
                && !name.starts_with("utm_")
                && !TRACKING_PARAMETERS.contains(&name.as_str())
        })
        .collect();
    let mut clean = address[..query_at].to_string();
    if !kept.is_empty() {
        clean.push('?');
        clean.push_str(&kept.join("&"));
    }
    clean.push_str(&address[fragment_at..]);
    clean
}

/// Characters a link's text may have beyond a related item's title and
/// still be its link ("Kallas urges calm 13:28").
const RELATED_TEXT_SLACK: usize = 40;

/// Give each related item the address of the page's link that shows its
/// title, when that address is a web address.
pub fn link_related(article: &mut crate::Article, links: &[(String, String)], base: Option<&str>) {
    let by_text: std::collections::HashMap<&str, &str> = links
        .iter()
        .rev()
        .map(|(text, href)| (text.as_str(), href.as_str()))
        .collect();
    // Links by the length of their text, for the looser match: a link
    // whose text holds the title and a few more characters ("Title (3)").
    let mut by_length: Vec<(usize, usize)> = links
        .iter()
        .enumerate()
        .map(|(at, (text, _))| (text.len(), at))
        .collect();
    by_length.sort_unstable();
    for item in &mut article.related {
        let title = folded(&item.title);
        let href = by_text.get(title.as_str()).copied().or_else(|| {
            let from = by_length.partition_point(|&(len, _)| len < title.len());
            let to = by_length.partition_point(|&(len, _)| len <= title.len() + RELATED_TEXT_SLACK);
            by_length[from..to]
                .iter()
                .take(MAX_LOOSE_CHECKS)
                .filter(|&&(_, at)| links[at].0.contains(&title))
                // The first such link in page order.
                .min_by_key(|&&(_, at)| at)
                .map(|&(_, at)| links[at].1.as_str())
        });
        item.url = href.and_then(|href| web_address(href, base));
    }
}

/// Links of about a related title's length one title is compared with at
/// most: pages have a few; a hostile page's thousands cost no more.
const MAX_LOOSE_CHECKS: usize = 256;

/// A site's name as metadata or front matter gives it; one written as an address
/// (`https://www.hawaiinewsnow.com/`) is shown as its host, and one with a
/// slogan after a bar ("LinkNaija | Nigeria's popular news platform") is
/// the name before it.
pub fn site_name(value: &str) -> String {
    let value = value.trim();
    let value = value.split(" | ").next().unwrap_or(value).trim();
    let host = value
        .strip_prefix("https://")
        .or_else(|| value.strip_prefix("http://"))
        .map(|rest| rest.split(['/', '?', '#']).next().unwrap_or(rest));
    match host {
        Some(host) => host.strip_prefix("www.").unwrap_or(host).to_string(),
        None => value.to_string(),
    }
}

/// A name reduced to its lower-case letters and digits, for telling a
/// site's name in other words: "STERN.de" and "stern.de", "El Colombiano"
/// and "www.elcolombiano.com".
pub fn name_key(name: &str) -> String {
    name.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Whether a site's name is the one its address spells ("Reuters" for
/// reuters.com, "The Verge" for theverge.com, "Space.com", "The Economic
/// Times" for economictimes.indiatimes.com): its letters, three at least,
/// with or without a leading "the", among the host's.
pub fn names_host(name: &str, host: &str) -> bool {
    let (name, host) = (name_key(name), name_key(host));
    let bare = name.strip_prefix("the").unwrap_or(&name);
    bare.chars().count() >= 3 && (host.contains(&name) || host.contains(bare))
}

/// The day an address's path states, as blogs and news sites file their
/// stories: "/2019/10/22/slug", "/2021-11-19/slug", "/meldungen/29-10-2021".
pub fn address_day(address: &str) -> Option<String> {
    let address = address.split(['?', '#']).next()?;
    let (_, path) = address.split_once("://")?.1.split_once('/')?;
    let numbers: Vec<&str> = path
        .split(|c: char| !c.is_ascii_digit())
        .filter(|n| !n.is_empty())
        .collect();
    let day = |y: &str, m: &str, d: &str| {
        let year = y.parse().ok().filter(|_| y.len() == 4)?;
        let (month, day) = (m.parse().ok()?, d.parse().ok()?);
        (m.len() <= 2 && d.len() <= 2)
            .then(|| chrono::NaiveDate::from_ymd_opt(year, month, day))
            .flatten()
    };
    numbers
        .windows(3)
        .find_map(|w| day(w[0], w[1], w[2]).or_else(|| day(w[2], w[1], w[0])))
        .map(|d| d.format("%Y-%m-%d").to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn site_names_lose_their_slogans_and_name_their_hosts() {
        assert_eq!(
            site_name("LinkNaija | Nigeria's popular news platform"),
            "LinkNaija"
        );
        assert_eq!(
            site_name("https://www.hawaiinewsnow.com/"),
            "hawaiinewsnow.com"
        );
        assert_eq!(site_name("Rock & Roll - Live"), "Rock & Roll - Live");
        assert!(names_host("Reuters", "reuters.com"));
        assert!(names_host("The Verge", "theverge.com"));
        assert!(names_host("Space.com", "space.com"));
        assert!(names_host(
            "The Economic Times",
            "economictimes.indiatimes.com"
        ));
        assert!(!names_host("U.S.", "reuters.com"));
        assert!(!names_host("US", "usatoday.com"));
    }

    const PAGE: Option<&str> = Some("https://news.example.com/world/2025/kallas.html?ref=1");

    #[test]
    fn spoofing_addresses_are_not_live() {
        for address in [
            "https://bank.example.com@evil.example/",
            "https://evil.example\\@good.example/",
            "https://evil.example\\good",
            "https://exa\u{200B}mple.com/",
            "https://example.com/invoice_\u{202E}fdp.exe",
            "https://\u{2066}example.com/",
        ] {
            assert!(!is_web_address(address), "{address:?}");
            assert_eq!(web_address(address, None), None, "{address:?}");
        }
        assert!(is_web_address("https://example.com/a?b=c@d"));
    }

    #[test]
    fn tracking_and_session_parameters_are_left_out() {
        assert_eq!(
            without_tracking("https://a.example/x?utm_source=t&id=7&fbclid=Z&SID=1#top"),
            "https://a.example/x?id=7#top"
        );
        assert_eq!(
            without_tracking("https://a.example/x?token=abc&session=2"),
            "https://a.example/x"
        );
        assert_eq!(
            without_tracking("https://a.example/x?page=2"),
            "https://a.example/x?page=2"
        );
        // Found by `cargo fuzz run share_decode`: a "?" in the fragment is
        // no query, and cleaning twice changes nothing more.
        let in_fragment = "http://a.example/#http://b.example/?igshid#";
        assert_eq!(without_tracking(in_fragment), in_fragment);
        let once = without_tracking("https://a.example/x?sid=1&p=2#a?utm_x=1");
        assert_eq!(once, "https://a.example/x?p=2#a?utm_x=1");
        assert_eq!(without_tracking(&once), once);
        assert_eq!(
            web_address("/story?utm_medium=social&p=1", PAGE).as_deref(),
            Some("https://news.example.com/story?p=1")
        );
    }

    #[test]
    fn web_addresses_resolve_against_the_page() {
        let cases = [
            ("https://other.org/a", "https://other.org/a"),
            ("HTTP://other.org/a", "HTTP://other.org/a"),
            ("//cdn.example.com/b", "https://cdn.example.com/b"),
            ("/europe/story", "https://news.example.com/europe/story"),
            ("next.html", "https://news.example.com/world/2025/next.html"),
            (
                "?page=2",
                "https://news.example.com/world/2025/kallas.html?page=2",
            ),
            (" /a b ", "https://news.example.com/a%20b"),
            ("/q?x=\"<y>\"", "https://news.example.com/q?x=%22%3Cy%3E%22"),
        ];
        for (href, want) in cases {
            assert_eq!(web_address(href, PAGE).as_deref(), Some(want), "{href}");
        }
    }

    #[test]
    fn other_schemes_and_fragments_give_nothing() {
        for href in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            "java\tscript:alert(1)",
            " \u{2028}javascript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "mailto:a@b.c",
            "file:///etc/passwd",
            "#comments",
            "",
            "http://",
        ] {
            assert_eq!(web_address(href, PAGE), None, "{href:?}");
        }
    }

    #[test]
    fn only_web_addresses_are_live() {
        assert!(is_web_address("https://example.com/a?b=1"));
        assert!(is_web_address("HTTP://example.com"));
        for address in [
            "javascript:alert(1)",
            "https://",
            "https://a b",
            "https://a\n.com",
            "https://a.com/\"onmouseover=\"x",
            "/relative",
            "data:text/html,x",
            // The only "://" is in the query (found by fuzzing share_decode:
            // taking the empty pair off changed its host).
            "http:/?///P]/:/?///P]///=p://&",
            "https:example.com/?next=https://evil.example",
        ] {
            assert!(!is_web_address(address), "{address:?}");
        }
        // Leaving out tracking parameters never makes a web address another.
        let kept = "https://example.com/a?utm_source=x&next=https://b.example/&";
        assert!(is_web_address(kept));
        assert!(is_web_address(&without_tracking(kept)));
    }

    #[test]
    fn relative_links_need_a_web_base() {
        assert_eq!(web_address("/a", None), None);
        assert_eq!(web_address("/a", Some("file:///home/me/page.html")), None);
        assert_eq!(
            web_address("/a", Some("https://example.com")).as_deref(),
            Some("https://example.com/a")
        );
    }
}

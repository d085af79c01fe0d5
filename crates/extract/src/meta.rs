//! Page metadata: title, byline, publication date, site name, canonical URL.
//!
//! Sources in order of trust: JSON-LD, OpenGraph/`article:` and other
//! `<meta>` tags, `<time>` elements, the URL, and finally a visible
//! dateline. "Modified"/"updated" dates are never read.

use crate::dates::{date_in_url, parse_date};
use crate::dom::{Dom, NodeId};
use chrono::NaiveDate;

/// What the page says about itself.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Metadata {
    /// Headline without the site suffix.
    pub title: Option<String>,
    /// Author line.
    pub byline: Option<String>,
    /// Publication date.
    pub published: Option<NaiveDate>,
    /// Outlet name.
    pub site: Option<String>,
    /// Canonical URL.
    pub url: Option<String>,
    /// The `<html lang>` attribute, lower-cased primary subtag.
    pub lang: Option<String>,
}

/// Facts gathered in one pass over the elements.
#[derive(Default)]
struct Found {
    ld: LdFacts,
    meta_title: Option<String>,
    title_tag: Option<String>,
    h1: Option<String>,
    meta_author: Option<String>,
    meta_published: Option<NaiveDate>,
    meta_site: Option<String>,
    canonical: Option<String>,
    og_url: Option<String>,
    time_published: Option<NaiveDate>,
    time_any: Option<NaiveDate>,
    dateline: Option<NaiveDate>,
    byline_el: Option<String>,
    lang: Option<String>,
}

/// Facts from JSON-LD blocks.
#[derive(Default)]
struct LdFacts {
    headline: Option<String>,
    published: Option<NaiveDate>,
    published_elsewhere: Option<NaiveDate>,
    author: Option<String>,
    publisher: Option<String>,
}

/// `<meta>` keys that carry the publication date, most trusted first
/// (indexes rank them).
const DATE_KEYS: &[&str] = &[
    "article:published_time",
    "og:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "published_time",
    "publication_date",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "dcterms.date",
    "date",
    "article.published",
    "og:pubdate",
    "cxenseparse:recs:publishtime",
];

/// Reads the metadata of `dom`; `url` is the URL the caller knows.
pub fn read(dom: &Dom, url: Option<&str>) -> Metadata {
    let mut f = Found::default();
    let mut meta_date_rank = usize::MAX;
    for i in 1..dom.nodes.len() {
        let Some(name) = dom.name(i) else { continue };
        match name {
            "html" if f.lang.is_none() => {
                f.lang = dom.attr(i, "lang").and_then(primary_subtag);
            }
            "title" if f.title_tag.is_none() => {
                f.title_tag = non_empty(clean(&dom.descendant_text(i)));
            }
            "h1" if f.h1.is_none() => {
                f.h1 = non_empty(clean(&dom.descendant_text(i)));
            }
            "meta" => read_meta(dom, i, &mut f, &mut meta_date_rank),
            "link" => {
                let rel = dom.attr(i, "rel").unwrap_or("").to_ascii_lowercase();
                if rel.split_whitespace().any(|r| r == "canonical") && f.canonical.is_none() {
                    f.canonical = dom.attr(i, "href").map(|h| decode(h).trim().to_string());
                }
            }
            "script" => {
                let ty = dom.attr(i, "type").unwrap_or("").to_ascii_lowercase();
                if ty.contains("ld+json") {
                    read_json_ld(&dom.descendant_text(i), &mut f.ld);
                }
            }
            "time" => {
                let date = dom
                    .attr(i, "datetime")
                    .and_then(parse_date)
                    .or_else(|| parse_date(&dom.descendant_text(i)));
                let class = dom.attr(i, "class").unwrap_or("").to_ascii_lowercase();
                let itemprop = dom.attr(i, "itemprop").unwrap_or("").to_ascii_lowercase();
                let updated = class.contains("updat") || class.contains("modif");
                let published = dom.attr(i, "pubdate").is_some()
                    || itemprop == "datepublished"
                    || class.contains("publish");
                if published && f.time_published.is_none() {
                    f.time_published = date;
                } else if !updated && f.time_any.is_none() {
                    f.time_any = date;
                }
            }
            _ => {
                read_marked_element(dom, i, &mut f);
            }
        }
    }
    assemble(f, url)
}

/// Bylines and datelines marked by itemprop/class on ordinary elements.
fn read_marked_element(dom: &Dom, i: NodeId, f: &mut Found) {
    // One pass over the attributes: most elements are read here, and a
    // scan per name was most of the metadata's cost.
    let [itemprop, class, rel] = dom.attrs_named(i, ["itemprop", "class", "rel"]);
    let (itemprop, class) = (itemprop.unwrap_or(""), class.unwrap_or(""));
    if f.byline_el.is_none()
        && (itemprop.eq_ignore_ascii_case("author")
            || rel.is_some_and(|r| r.eq_ignore_ascii_case("author"))
            || class
                .split_ascii_whitespace()
                .any(|c| c.eq_ignore_ascii_case("byline") || c.eq_ignore_ascii_case("author")))
    {
        let text = clean(&dom.descendant_text(i));
        let text = strip_by(&text);
        if (3..=100).contains(&text.chars().count()) {
            f.byline_el = Some(text.to_string());
        }
    }
    if f.dateline.is_none()
        && (itemprop.eq_ignore_ascii_case("datePublished") || dated_class(class))
    {
        let text = dom.descendant_text(i);
        if text.len() < 200 {
            f.dateline = dom
                .attr(i, "content")
                .and_then(parse_date)
                .or_else(|| parse_date(&clean(&text)));
        }
    }
}

/// Whether a class attribute names a publication date: it contains "date"
/// or "publish" and neither "updat" nor "modif", in any ASCII case. One
/// pass over the bytes; a lower-cased copy searched four times was most of
/// the cost of reading a page's metadata.
fn dated_class(class: &str) -> bool {
    let bytes = class.as_bytes();
    let mut dated = false;
    for (i, b) in bytes.iter().enumerate() {
        let follows = |tail: &[u8]| {
            bytes
                .get(i + 1..i + 1 + tail.len())
                .is_some_and(|w| w.eq_ignore_ascii_case(tail))
        };
        // `b | 0x20` is the lower case of these four letters, and no other
        // byte gives one of them: cheaper than `to_ascii_lowercase`.
        match b | 0x20 {
            b'd' => dated |= follows(b"ate"),
            b'p' => dated |= follows(b"ublish"),
            b'u' if follows(b"pdat") => return false,
            b'm' if follows(b"odif") => return false,
            _ => {}
        }
    }
    dated
}

/// `<meta>` keys read besides [`DATE_KEYS`]; any other key's content is
/// never cleaned.
const META_KEYS: &[&str] = &[
    "og:title",
    "twitter:title",
    "og:site_name",
    "application-name",
    "og:url",
    "author",
    "article:author",
    "byl",
    "parsely-author",
    "sailthru.author",
];

fn read_meta(dom: &Dom, i: NodeId, f: &mut Found, date_rank: &mut usize) {
    let [property, name, itemprop, content] =
        dom.attrs_named(i, ["property", "name", "itemprop", "content"]);
    let key = property
        .or(name)
        .or(itemprop)
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    let Some(content) = content else {
        return;
    };
    // Most meta tags (viewport, descriptions, app ids) carry nothing read
    // here: their content is not cleaned.
    if !META_KEYS.contains(&key.as_str()) && !DATE_KEYS.contains(&key.as_str()) {
        return;
    }
    let content = clean(content);
    if content.is_empty() {
        return;
    }
    match key.as_str() {
        "og:title" | "twitter:title" if f.meta_title.is_none() => f.meta_title = Some(content),
        "og:site_name" | "application-name" if f.meta_site.is_none() => f.meta_site = Some(content),
        "og:url" if f.og_url.is_none() => f.og_url = Some(content),
        "author" | "article:author" | "byl" | "parsely-author" | "sailthru.author"
            if f.meta_author.is_none() && !content.starts_with("http") =>
        {
            f.meta_author = Some(strip_by(&content).to_string());
        }
        k => {
            if let Some(rank) = DATE_KEYS.iter().position(|d| *d == k) {
                if rank < *date_rank {
                    if let Some(d) = parse_date(&content) {
                        f.meta_published = Some(d);
                        *date_rank = rank;
                    }
                }
            }
        }
    }
}

/// Reads headline, datePublished, author and publisher from one JSON-LD
/// block; the first article-typed object wins, and a datePublished from any
/// object fills the gap.
fn read_json_ld(text: &str, ld: &mut LdFacts) {
    let Ok(value) = serde_json::from_str::<serde_json::Value>(text.trim()) else {
        return;
    };
    let mut stack = vec![&value];
    while let Some(v) = stack.pop() {
        match v {
            serde_json::Value::Array(items) => stack.extend(items.iter().rev()),
            serde_json::Value::Object(map) => {
                let is_article = map.get("@type").is_some_and(|t| {
                    let s = t.to_string().to_ascii_lowercase();
                    s.contains("article") || s.contains("posting") || s.contains("report")
                });
                if let Some(d) = map
                    .get("datePublished")
                    .and_then(|d| d.as_str())
                    .and_then(parse_date)
                {
                    let slot = if is_article {
                        &mut ld.published
                    } else {
                        &mut ld.published_elsewhere
                    };
                    slot.get_or_insert(d);
                }
                if is_article {
                    if ld.headline.is_none() {
                        ld.headline = map
                            .get("headline")
                            .and_then(|h| h.as_str())
                            .map(clean)
                            .and_then(non_empty);
                    }
                    if ld.author.is_none() {
                        ld.author = map.get("author").and_then(names);
                    }
                    if ld.publisher.is_none() {
                        ld.publisher = map.get("publisher").and_then(names);
                    }
                }
                // Nested graphs and mainEntity objects.
                for (k, child) in map {
                    if k == "@graph" || k == "mainEntity" || k == "mainEntityOfPage" {
                        stack.push(child);
                    }
                }
            }
            _ => {}
        }
    }
}

/// A person's or organisation's name(s) from a JSON-LD value: a string, an
/// object with `name`, or a list of those ("A and B").
fn names(v: &serde_json::Value) -> Option<String> {
    let mut out: Vec<String> = Vec::new();
    let mut push = |v: &serde_json::Value| {
        let name = match v {
            serde_json::Value::String(s) => Some(s.as_str()),
            serde_json::Value::Object(m) => m.get("name").and_then(|n| n.as_str()),
            _ => None,
        };
        if let Some(n) = name.map(|n| strip_by(&clean(n)).to_string()) {
            if !n.is_empty() && !n.starts_with("http") && !out.contains(&n) {
                out.push(n);
            }
        }
    };
    match v {
        serde_json::Value::Array(items) => items.iter().for_each(&mut push),
        other => push(other),
    }
    match out.len() {
        0 => None,
        1 => out.pop(),
        _ => {
            let last = out.pop()?;
            Some(format!("{} and {last}", out.join(", ")))
        }
    }
}

fn assemble(f: Found, url: Option<&str>) -> Metadata {
    let site = f.meta_site.clone().or(f.ld.publisher.clone());
    let raw_title =
        f.ld.headline
            .clone()
            .or(f.meta_title.clone())
            .or(f.title_tag.clone())
            .or(f.h1.clone());
    let title = raw_title.map(|t| strip_site(&t, site.as_deref()));
    let canonical = f.canonical.clone().or(f.og_url.clone());
    let url_date = canonical
        .as_deref()
        .and_then(date_in_url)
        .or_else(|| url.and_then(date_in_url));
    let published =
        f.ld.published
            .or(f.ld.published_elsewhere)
            .or(f.meta_published)
            .or(f.time_published)
            .or(f.time_any)
            .or(url_date)
            .or(f.dateline);
    Metadata {
        title,
        byline: f.ld.author.or(f.meta_author).or(f.byline_el),
        published,
        site,
        url: canonical
            .filter(|u| u.starts_with("http"))
            .or(url.map(str::to_string)),
        lang: f.lang,
    }
}

/// Removes a " | Site" (or " - Site", " — Site", …) suffix or a "Site | "
/// prefix from a title.
pub fn strip_site(title: &str, site: Option<&str>) -> String {
    const SEPARATORS: &[&str] = &[" | ", " - ", " — ", " – ", " :: ", " · ", " » "];
    let site_lower = site.map(|s| s.to_lowercase());
    let names_site = |part: &str| {
        let p = part.trim().to_lowercase();
        site_lower
            .as_deref()
            .is_some_and(|s| !p.is_empty() && (s.contains(&p) || p.contains(s)))
    };
    let mut t = title.trim().to_string();
    for sep in SEPARATORS {
        if let Some(i) = t.rfind(sep) {
            let (head, tail) = (&t[..i], &t[i + sep.len()..]);
            let short_tail = tail.split_whitespace().count() <= 4 && head.len() > tail.len();
            if names_site(tail) || short_tail {
                t = head.trim().to_string();
                continue;
            }
        }
        if let Some(i) = t.find(sep) {
            let (head, tail) = (&t[..i], &t[i + sep.len()..]);
            if names_site(head) && !tail.trim().is_empty() {
                t = tail.trim().to_string();
            }
        }
    }
    t
}

/// Drops a leading "By " from an author line.
fn strip_by(s: &str) -> &str {
    let t = s.trim();
    for prefix in ["By ", "by ", "BY "] {
        if let Some(rest) = t.strip_prefix(prefix) {
            return rest.trim();
        }
    }
    t
}

/// Decodes entities and collapses whitespace.
fn clean(s: &str) -> String {
    decode(s).split_whitespace().collect::<Vec<_>>().join(" ")
}

fn decode(s: &str) -> String {
    html_escape::decode_html_entities(s).into_owned()
}

fn non_empty(s: String) -> Option<String> {
    (!s.is_empty()).then_some(s)
}

/// "en-US" → "en".
fn primary_subtag(lang: &str) -> Option<String> {
    let p = lang.trim().split(['-', '_']).next()?.to_ascii_lowercase();
    (p.len() == 2 || p.len() == 3).then_some(p)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta(html: &str) -> Metadata {
        read(&Dom::parse(html), None)
    }

    #[test]
    fn title_suffix_is_removed() {
        assert_eq!(
            strip_site("Russia asks China for aid | The Daily Planet", None),
            "Russia asks China for aid"
        );
        assert_eq!(
            strip_site("Daily Planet - Russia asks China", Some("Daily Planet")),
            "Russia asks China"
        );
        assert_eq!(
            strip_site("Left - right: a long headline that keeps its dash", None),
            "Left - right: a long headline that keeps its dash"
        );
        let m = meta("<html><head><title>Talks in Rome | Planet News</title></head></html>");
        assert_eq!(m.title.as_deref(), Some("Talks in Rome"));
    }

    #[test]
    fn date_precedence() {
        let html = r#"<html><head>
            <meta property="article:modified_time" content="2022-03-20T00:00:00Z">
            <meta property="article:published_time" content="2022-03-14T08:00:00Z">
            <script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2022-03-13","dateModified":"2022-03-21","author":[{"name":"Jane Doe"},{"name":"John Roe"}]}</script>
            </head><body><time datetime="2022-03-15">x</time></body></html>"#;
        let m = meta(html);
        assert_eq!(m.published, NaiveDate::from_ymd_opt(2022, 3, 13));
        assert_eq!(m.byline.as_deref(), Some("Jane Doe and John Roe"));
        let without_ld = html.replace("ld+json", "x-nothing");
        assert_eq!(
            meta(&without_ld).published,
            NaiveDate::from_ymd_opt(2022, 3, 14)
        );
        let only_time = r#"<p>x</p><time class="updated" datetime="2022-04-01">u</time><time datetime="2022-03-15">p</time>"#;
        assert_eq!(
            meta(only_time).published,
            NaiveDate::from_ymd_opt(2022, 3, 15)
        );
    }

    #[test]
    fn dated_classes_match_in_any_case() {
        assert!(dated_class("article-DATE big"));
        assert!(dated_class("pubDate"));
        assert!(!dated_class("dat publis"));
        assert!(!dated_class("date-Modified"));
        assert!(!dated_class("lastUpdated publish"));
        let m = meta(r#"<div class="Story-PublishDate">March 4, 2022</div>"#);
        assert_eq!(m.published, NaiveDate::from_ymd_opt(2022, 3, 4));
        let updated = r#"<div class="PublishDate-Updated">March 4, 2022</div>"#;
        assert_eq!(meta(updated).published, None);
    }

    #[test]
    fn url_date_and_canonical() {
        let html = r#"<link rel="canonical" href="https://news.example/2021/06/02/story.html"><meta property="og:site_name" content="Example News">"#;
        let m = meta(html);
        assert_eq!(m.published, NaiveDate::from_ymd_opt(2021, 6, 2));
        assert_eq!(
            m.url.as_deref(),
            Some("https://news.example/2021/06/02/story.html")
        );
        assert_eq!(m.site.as_deref(), Some("Example News"));
    }
}

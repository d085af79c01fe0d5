//! What page chrome looks like: class/id/role names of boilerplate
//! containers, and the stock lines (share, subscribe, advertisement) that
//! sit inside article containers.

use std::sync::OnceLock;

/// Words in a class or id that mark a container as page chrome. Matched
/// against each `-`/`_`-separated part of each class and of the id, and as
/// a prefix of a part (so "comments", "sharing", "sidebar-left" match).
fn is_boilerplate_word(part: &str) -> bool {
    matches!(
        part,
        "comment"
            | "comments"
            | "share"
            | "sharing"
            | "social"
            | "sidebar"
            | "related"
            | "recommended"
            | "newsletter"
            | "subscribe"
            | "subscription"
            | "promo"
            | "advert"
            | "advertisement"
            | "ad"
            | "ads"
            | "adsense"
            | "sponsor"
            | "sponsored"
            | "cookie"
            | "cookies"
            | "gdpr"
            | "consent"
            | "breadcrumb"
            | "breadcrumbs"
            | "menu"
            | "navbar"
            | "nav"
            | "navigation"
            | "footer"
            | "masthead"
            | "popup"
            | "widget"
            | "gallery"
            | "slideshow"
            | "carousel"
            | "tags"
            | "tagline"
            | "byline"
            | "author"
            | "dateline"
            | "timestamp"
            | "disqus"
            | "outbrain"
            | "taboola"
            | "pagination"
            | "pager"
            | "toolbar"
            | "signup"
            | "login"
            | "banner"
            | "skip"
            | "print"
            | "meta"
            | "rss"
            | "trending"
            | "popular"
            | "tooltip"
            | "caption"
            | "captions"
            | "credit"
            | "credits"
            | "copyright"
            | "sr"
            | "visually"
    )
}

/// Parts that look like a boilerplate word but name article content.
const CONTENT_PARTS: &[&str] = &[
    "article", "body", "content", "entry", "main", "post", "story", "text",
];

/// ARIA roles of page chrome.
const BOILERPLATE_ROLES: &[&str] = &[
    "navigation",
    "banner",
    "contentinfo",
    "complementary",
    "menu",
    "menubar",
    "search",
    "dialog",
    "alert",
];

/// Whether `part` (one piece of a class or id) names page chrome; a
/// camel-cased part is read word by word ("newsCaption" as "news",
/// "caption").
fn is_boilerplate_part(part: &str) -> bool {
    if part.bytes().any(|b| b.is_ascii_uppercase()) {
        let lower = part.to_ascii_lowercase();
        if is_boilerplate_word(&lower) {
            return true;
        }
        let cuts = part
            .char_indices()
            .skip(1)
            .filter(|(_, c)| c.is_ascii_uppercase())
            .map(|(i, _)| i);
        let mut from = 0;
        for cut in cuts.chain(std::iter::once(part.len())) {
            if cut > from && is_boilerplate_word(&lower[from..cut]) {
                return true;
            }
            from = cut;
        }
        false
    } else {
        is_boilerplate_word(part)
    }
}

/// Whether `part` names article content, in any letter case.
fn is_content_part(part: &str) -> bool {
    CONTENT_PARTS.iter().any(|c| part.eq_ignore_ascii_case(c))
}

/// Whether one class name or id names page chrome: one of its parts does
/// and none of them names article content ("article-body" stays,
/// "article-share" goes, "share-article" goes).
fn is_boilerplate_name(name: &str) -> bool {
    // Runs for every class of every element: no allocation on this path.
    let parts = || name.split(['-', '_', ':']).filter(|p| !p.is_empty());
    if !parts().any(is_boilerplate_part) {
        return false;
    }
    // "article-comments" is chrome; "article" alone, or "post-content", is not.
    let last_is_chrome = parts().next_back().is_some_and(is_boilerplate_part);
    last_is_chrome || !parts().any(is_content_part)
}

/// Whether an element is a boilerplate container by its `role`, `class`
/// or `id` attribute (raw values, as [`crate::dom::Dom::attrs_named`] reads
/// them).
pub fn is_boilerplate_attr(role: Option<&str>, class: Option<&str>, ident: Option<&str>) -> bool {
    if let Some(role) = role {
        if BOILERPLATE_ROLES.contains(&role.trim().to_ascii_lowercase().as_str()) {
            return true;
        }
    }
    if let Some(class) = class {
        if class.split_ascii_whitespace().any(is_boilerplate_name) {
            return true;
        }
    }
    if let Some(ident) = ident {
        if is_boilerplate_name(ident.trim()) {
            return true;
        }
    }
    false
}

/// Whether a paragraph's whole text is a stock chrome line
/// (`chrome.txt`, `[lines]`).
pub fn is_boilerplate_line(text: &str) -> bool {
    if text.len() > STOCK_LINE {
        return false;
    }
    is_stock_line(&text.trim().to_lowercase())
}

/// Lines longer than this many bytes are never a stock chrome line.
const STOCK_LINE: usize = 60;

/// [`is_boilerplate_line`] of a line already trimmed and lower-cased.
fn is_stock_line(lower: &str) -> bool {
    let t = lower.trim_end_matches(['.', ':', '!']);
    // A line whose length and first byte no stock line has is none of
    // them: not hashed (a long page's short paragraphs all come here).
    (stock_line_shapes().may_be(t) && lexicon::chrome().lines.contains(t)) || is_slide_counter(t)
}

/// The lengths of the stock lines by their first byte.
struct Shapes {
    /// Bit `len` of entry `b` is set when a stock line of `len` bytes
    /// starts with byte `b` (lengths up to 63; longer ones are in `long`).
    by_first: [u64; 256],
    /// Whether any stock line is 64 bytes or longer.
    long: bool,
}

impl Shapes {
    /// Whether `t` may be a stock line: false only when none has its
    /// length and first byte.
    fn may_be(&self, t: &str) -> bool {
        let Some(&first) = t.as_bytes().first() else {
            return self.by_first[0] & 1 != 0;
        };
        match t.len() {
            len @ 0..64 => self.by_first[usize::from(first)] & (1 << len) != 0,
            _ => self.long,
        }
    }
}

/// The shipped stock lines' shapes, gathered once.
fn stock_line_shapes() -> &'static Shapes {
    static SHAPES: OnceLock<Shapes> = OnceLock::new();
    SHAPES.get_or_init(|| {
        let mut shapes = Shapes {
            by_first: [0; 256],
            long: false,
        };
        for line in &lexicon::chrome().lines {
            let first = line.as_bytes().first().copied().unwrap_or(0);
            match line.len() {
                len @ 0..64 => shapes.by_first[usize::from(first)] |= 1 << len,
                _ => shapes.long = true,
            }
        }
        shapes
    })
}

/// Lines longer than this are running text, never a caption, credit or
/// rights line.
const SHORT_LINE: usize = 300;

/// How far from a line's end a picture credit may start ("… in Hialeah,
/// Fla. (AP Photo/Alan Diaz, File)").
const CREDIT_TAIL: usize = 80;

/// How long a trailing reader prompt may be ("… Subscribe to our
/// newsletters.").
const PROMPT_TAIL: usize = 160;

/// Where page chrome begins in a paragraph's text: `Some(0)` when the whole
/// line is chrome (a stock line, a rights line, a caption ending in a
/// picture credit, a reader prompt), `Some(k)` when a reader prompt ends the
/// paragraph from byte `k` ("Get the latest updates. Subscribe to …"),
/// `None` when the paragraph is article text. The words are data
/// (`lexicon::chrome()`); the shapes (short line, credit at its end, prompt
/// at a sentence start) are what tell chrome from an article that
/// mentions a photograph or a subscription.
pub fn chrome_start(text: &str) -> Option<usize> {
    // Only the tail can hold a credit or a prompt that ends the paragraph:
    // lower-case just that much (a few hundred bytes at most).
    let tail_from = floor_char_boundary(text, text.len().saturating_sub(SHORT_LINE));
    let raw_tail = &text[tail_from..];
    if raw_tail.is_ascii() {
        // Most paragraphs: lower-cased byte by byte on the stack (the tail
        // is at most `SHORT_LINE` bytes), since a long page has a million
        // paragraphs and a `String` for each cost an allocation and a free.
        let mut buf = [0u8; SHORT_LINE];
        if let Some(lowered) = buf.get_mut(..raw_tail.len()) {
            lowered.copy_from_slice(raw_tail.as_bytes());
            lowered.make_ascii_lowercase();
            if let Ok(tail) = std::str::from_utf8(lowered) {
                return chrome_in(text, tail_from, tail, true);
            }
        }
        // Never (an ASCII tail starts `SHORT_LINE` bytes from the end, and
        // stays ASCII), but a copy is as good.
        return chrome_in(text, tail_from, &raw_tail.to_ascii_lowercase(), true);
    }
    if is_boilerplate_line(text) {
        return Some(0);
    }
    // `model::lowercase` writes what `str::to_lowercase` writes (its tests
    // say so), with some 10% fewer instructions on such a tail.
    chrome_in(text, tail_from, &model::lowercase(raw_tail), false)
}

/// [`chrome_start`] of `text` whose tail from byte `tail_from` is `tail`,
/// lower-cased; `ascii` when it was ASCII (a stock line is then looked
/// for here: a line with other characters was looked at whole).
fn chrome_in(text: &str, tail_from: usize, tail: &str, ascii: bool) -> Option<usize> {
    // Once for both tests: a stock line is short, so its tail is all of it.
    if ascii && text.len() <= STOCK_LINE && is_stock_line(tail.trim()) {
        return Some(0);
    }
    let words = lexicon::chrome();
    // Lower-casing may change byte lengths ("İ"); map back only when safe.
    let same_bytes = tail.len() == text.len() - tail_from;
    let short = tail_from == 0;
    let head = tail.trim_start();
    if short
        && (words.copyright.iter().any(|c| head.starts_with(c))
            || rights().iter().any(|r| r.find(head.as_bytes()).is_some()))
    {
        return Some(0);
    }
    if short {
        // A credit ends a caption; a sentence that names an agency or a
        // photograph ends as sentences do.
        let end = head.trim_end();
        let ends_as_sentence =
            end.ends_with(['.', '!', '?', '"', '”', '\'', '’']) && !end.ends_with(").");
        let head_at = tail.len() - head.len();
        // A line that ends as a sentence is a caption only when its last
        // credit is where the line starts: a line that starts with none
        // (nearly all) is not searched for the last one.
        let credit = if ends_as_sentence {
            credits().starts(head) && credits().last_in(tail) == Some(head_at)
        } else {
            credits()
                .last_in(tail)
                .is_some_and(|at| at == head_at || tail.len() - at <= CREDIT_TAIL)
        };
        if credit {
            return Some(0);
        }
    }
    // A prompt at the start of the line or of one of its last sentences.
    // The stops are ASCII, so a byte search finds them: no UTF-8 byte of
    // another character equals one. Only stops with at most `PROMPT_TAIL`
    // bytes after them are read.
    let window = tail.len().saturating_sub(PROMPT_TAIL + 1);
    let starts = std::iter::once(0).chain(
        memchr::memchr3_iter(b'.', b'!', b'?', &tail.as_bytes()[window..]).map(|i| window + i + 1),
    );
    for at in starts {
        if at == 0 && !short {
            continue;
        }
        let rest = tail[at..].trim_start_matches(|c: char| c.is_whitespace() || c == '”');
        if rest.len() > PROMPT_TAIL || !prompts().starts(rest) {
            continue;
        }
        if at == 0 && tail_from == 0 {
            return Some(0);
        }
        if !same_bytes {
            return None;
        }
        let k = tail_from + (tail.len() - rest.len());
        return Some(if text[..k].trim().is_empty() { 0 } else { k });
    }
    None
}

/// The rights words, each with its substring search built once: a search
/// made for each paragraph cost more than the paragraph holds.
fn rights() -> &'static [memchr::memmem::Finder<'static>] {
    static FINDERS: OnceLock<Vec<memchr::memmem::Finder<'static>>> = OnceLock::new();
    FINDERS.get_or_init(|| {
        lexicon::chrome()
            .rights
            .iter()
            .map(|r| memchr::memmem::Finder::new(r.as_bytes()))
            .collect()
    })
}

/// Chrome words grouped by first byte, so that one backward pass over a
/// paragraph's tail finds the last credit (searching the tail once per
/// credit word, 17 searches a paragraph, was half of a long page's
/// extraction), and a sentence start is compared only with the prompts
/// that begin with its first byte.
struct ByFirstByte {
    /// For each byte, the words that start with it.
    by_first: [Vec<&'static str>; 256],
    /// Whether a word starts with the byte: most bytes of a text start
    /// none, and one load tells so.
    first: [bool; 256],
    /// Bit `a << 8 | b` is set when a word starts with the bytes `a b`, or
    /// is the one byte `a` (then for every `b`): most positions of a text
    /// start no word, and one bit tells so.
    pairs: Box<[u64; 1024]>,
}

impl ByFirstByte {
    fn new(words: &[&'static str]) -> ByFirstByte {
        let mut by_first: [Vec<&'static str>; 256] = std::array::from_fn(|_| Vec::new());
        let mut pairs = Box::new([0u64; 1024]);
        let mut first = [false; 256];
        for &w in words {
            let w_bytes = w.as_bytes();
            let Some(&a) = w_bytes.first() else { continue };
            by_first[usize::from(a)].push(w);
            first[usize::from(a)] = true;
            let seconds = match w_bytes.get(1) {
                Some(&b) => b..=b,
                None => 0..=255,
            };
            for b in seconds {
                let bit = usize::from(a) << 8 | usize::from(b);
                pairs[bit / 64] |= 1 << (bit % 64);
            }
        }
        ByFirstByte {
            by_first,
            first,
            pairs,
        }
    }

    /// Whether a word may start at `rest`: its first two bytes (a NUL
    /// standing for the end of the text) begin a word or its first byte is
    /// one. Exact words are compared only where this holds.
    fn may_start(&self, rest: &[u8]) -> bool {
        let Some(&a) = rest.first() else { return false };
        let b = rest.get(1).copied().unwrap_or(0);
        let bit = usize::from(a) << 8 | usize::from(b);
        self.pairs[bit / 64] & (1 << (bit % 64)) != 0
    }

    /// Whether `hay` starts with one of the words.
    fn starts(&self, hay: &str) -> bool {
        self.may_start(hay.as_bytes())
            && self.by_first[usize::from(hay.as_bytes()[0])]
                .iter()
                .any(|w| hay.starts_with(w))
    }
}

/// The shipped credit words, indexed once.
fn credits() -> &'static ByFirstByte {
    static TABLE: OnceLock<ByFirstByte> = OnceLock::new();
    TABLE.get_or_init(|| ByFirstByte::new(&lexicon::chrome().credits))
}

/// The shipped reader prompts, indexed once.
fn prompts() -> &'static ByFirstByte {
    static TABLE: OnceLock<ByFirstByte> = OnceLock::new();
    TABLE.get_or_init(|| ByFirstByte::new(&lexicon::chrome().prompts))
}

impl ByFirstByte {
    /// Where the last credit word in `hay` starts: the largest of
    /// `hay.rfind(credit)` over the credit words.
    fn last_in(&self, hay: &str) -> Option<usize> {
        let bytes = hay.as_bytes();
        (0..bytes.len()).rev().find(|&i| {
            let rest = &bytes[i..];
            if !self.first[usize::from(bytes[i])] || !self.may_start(rest) {
                return false;
            }
            // The first bytes are common letters: the second tells most
            // starts apart before a full comparison.
            self.by_first[usize::from(bytes[i])].iter().any(|c| {
                let c = c.as_bytes();
                c.get(1).is_none_or(|b| rest.get(1) == Some(b)) && rest.starts_with(c)
            })
        })
    }
}

/// The largest char boundary of `s` at or below `i`.
fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// "Image 3 of 12", "Photo 1 of 5", "3 of 12": a gallery's counter.
fn is_slide_counter(t: &str) -> bool {
    // Most lines hold no digit, so no counter: told without splitting.
    if !t.bytes().any(|b| b.is_ascii_digit()) {
        return false;
    }
    // At most four words: stop reading a longer line at its fifth.
    let mut words = [""; 4];
    let mut n = 0;
    for w in t.split_whitespace() {
        if n == words.len() {
            return false;
        }
        words[n] = w;
        n += 1;
    }
    let numbers = match &words[..n] {
        [_, a, "of", b] | [a, "of", b] => [a, b],
        _ => return false,
    };
    numbers
        .iter()
        .all(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_credit_search_finds_the_last_credit_as_rfind_does() {
        let words = &lexicon::chrome().credits;
        for hay in [
            "a photo: (ap photo/x) — café, ap photo/y ap phot",
            "(ap photo/jo doe, file)",
            "photograph: getty images/afp",
            "image caption: a man. credit: x",
            "no credit words here, café",
            "",
        ] {
            let want = words.iter().filter_map(|c| hay.rfind(c)).max();
            assert_eq!(credits().last_in(hay), want, "{hay:?}");
        }
    }

    #[test]
    fn a_prompt_is_found_at_a_start_as_starts_with_does() {
        let words = &lexicon::chrome().prompts;
        for hay in [
            "subscribe to our newsletter",
            "sign up for free",
            "signing the bill",
            "click",
            "s",
            "",
            "café: read more: here",
        ] {
            let want = words.iter().any(|p| hay.starts_with(p));
            assert_eq!(prompts().starts(hay), want, "{hay:?}");
        }
    }

    #[test]
    fn stock_lines() {
        assert!(is_boilerplate_line("Advertisement"));
        assert!(is_boilerplate_line("Image 3 of 12"));
        assert!(is_boilerplate_line("DON'T MISS"));
        assert!(!is_boilerplate_line(
            "Three of the twelve cables were replaced."
        ));
        assert!(!is_boilerplate_line("Share prices fell on Tuesday."));
    }

    #[test]
    fn captions_credits_rights_and_prompts() {
        let caption = "A farmer loads hay into his truck outside a barn in Ames, Iowa. (AP Photo/Jo Doe, File)";
        assert_eq!(chrome_start(caption), Some(0));
        assert_eq!(
            chrome_start("The river floods the valley (Image: GETTY )"),
            Some(0)
        );
        assert_eq!(
            chrome_start("© Jo Doe A nurse gives a flu shot at a clinic."),
            Some(0)
        );
        assert_eq!(
            chrome_start("© 2021 Example Press. All Rights Reserved."),
            Some(0)
        );
        assert_eq!(chrome_start("Click here to download the game."), Some(0));
        let para =
            "The mayor spoke on Monday. Get updates in your inbox. Subscribe to our newsletters.";
        let k = chrome_start(para).unwrap();
        assert_eq!(
            &para[..k],
            "The mayor spoke on Monday. Get updates in your inbox. "
        );
        // Articles that mention photographs, agencies and subscriptions stay.
        for kept in [
            "A Reuters photographer said the Getty Images archive holds the picture of the crash, which was taken in 1998 and sold widely.",
            "Subscribers fell by a tenth, the company said.",
            "He said readers could subscribe to the paper for a dollar a week, a price it has kept since 2010.",
            "WASHINGTON (Reuters) - The Senate voted on Tuesday to pass the bill.",
        ] {
            assert_eq!(chrome_start(kept), None, "{kept}");
        }
    }

    #[test]
    fn class_names() {
        assert!(is_boilerplate_name("comments"));
        assert!(is_boilerplate_name("article-comments"));
        assert!(is_boilerplate_name("social_share"));
        assert!(is_boilerplate_name("sidebar"));
        assert!(!is_boilerplate_name("article-body"));
        assert!(!is_boilerplate_name("post-content"));
        assert!(!is_boilerplate_name("header-ad-content"));
        assert!(!is_boilerplate_name("shadow"));
        assert!(!is_boilerplate_name("loaded"));
        assert!(is_boilerplate_name("newsCaption"));
        assert!(is_boilerplate_name("image-caption"));
        assert!(!is_boilerplate_name("newsContent"));
    }

    /// [`chrome_start`] as it was before its searches were narrowed: the
    /// oracle the faster one must agree with.
    fn chrome_start_as_before(text: &str) -> Option<usize> {
        // Only the tail can hold a credit or a prompt that ends the paragraph:
        // lower-case just that much (a few hundred bytes at most).
        let tail_from = floor_char_boundary(text, text.len().saturating_sub(SHORT_LINE));
        let raw_tail = &text[tail_from..];
        let tail = if raw_tail.is_ascii() {
            // Most paragraphs are ASCII: lower-cased byte by byte, and once
            // for both tests (a stock line is short, so its tail is all of it).
            let tail = raw_tail.to_ascii_lowercase();
            if text.len() <= STOCK_LINE && is_stock_line(tail.trim()) {
                return Some(0);
            }
            tail
        } else {
            if is_boilerplate_line(text) {
                return Some(0);
            }
            raw_tail.to_lowercase()
        };
        let words = lexicon::chrome();
        // Lower-casing may change byte lengths ("İ"); map back only when safe.
        let same_bytes = tail.len() == text.len() - tail_from;
        let short = tail_from == 0;
        let head = tail.trim_start();
        if short
            && (words.copyright.iter().any(|c| head.starts_with(c))
                || words.rights.iter().any(|r| head.contains(r)))
        {
            return Some(0);
        }
        if short {
            // A credit ends a caption; a sentence that names an agency or a
            // photograph ends as sentences do.
            let end = head.trim_end();
            let ends_as_sentence =
                end.ends_with(['.', '!', '?', '"', '”', '\'', '’']) && !end.ends_with(").");
            let credit_at = credits().last_in(&tail);
            if credit_at.is_some_and(|at| {
                at == tail.len() - head.len()
                    || (!ends_as_sentence && tail.len() - at <= CREDIT_TAIL)
            }) {
                return Some(0);
            }
        }
        // A prompt at the start of the line or of one of its last sentences.
        // The stops are ASCII, so a byte scan finds them: no UTF-8 byte of
        // another character equals one.
        let starts = std::iter::once(0).chain(
            tail.bytes()
                .enumerate()
                .filter(|&(i, b)| {
                    matches!(b, b'.' | b'!' | b'?') && tail.len() - i - 1 <= PROMPT_TAIL
                })
                .map(|(i, _)| i + 1),
        );
        for at in starts {
            if at == 0 && !short {
                continue;
            }
            let rest = tail[at..].trim_start_matches(|c: char| c.is_whitespace() || c == '”');
            if rest.len() > PROMPT_TAIL || !prompts().starts(rest) {
                continue;
            }
            if at == 0 && tail_from == 0 {
                return Some(0);
            }
            if !same_bytes {
                return None;
            }
            let k = tail_from + (tail.len() - rest.len());
            return Some(if text[..k].trim().is_empty() { 0 } else { k });
        }
        None
    }

    #[test]
    fn chrome_start_agrees_with_the_search_it_replaced() {
        let c = lexicon::chrome();
        let mut parts: Vec<String> = [
            "",
            " ",
            "The mayor spoke on Monday.",
            "Lagos officials said talks would go on.",
            "(AP Photo/Jo Doe, File)",
            "Getty Images",
            "Zürich’s café — “ok”",
            "İstanbul",
            "\u{212A}elvin",
            "”",
            ". ",
            "! ",
            "? ",
            ").",
            "2021",
            "Image 3 of 12",
            "a",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        for list in [&c.prompts, &c.credits, &c.copyright, &c.rights] {
            parts.extend(list.iter().map(|w| w.to_string()));
            parts.extend(list.iter().map(|w| w.to_uppercase()));
        }
        parts.extend(c.lines.iter().map(|w| w.to_string()));
        let filler = "x".repeat(120);
        let mut checked = 0;
        for a in &parts {
            for b in &parts {
                for text in [
                    format!("{a}{b}"),
                    format!("{a} {b}."),
                    format!("{b} {a}"),
                    format!("{filler} {a}. {b}"),
                    format!("{filler}{filler}{filler} {a}. {b}"),
                    format!("{a} {filler}{filler} {b}"),
                ] {
                    assert_eq!(
                        chrome_start(&text),
                        chrome_start_as_before(&text),
                        "{text:?}"
                    );
                    checked += 1;
                }
            }
        }
        assert!(checked > 10_000);
    }

    #[test]
    fn the_shape_filter_keeps_every_stock_line() {
        let lines = &lexicon::chrome().lines;
        for line in lines {
            for t in [
                line.to_string(),
                format!("{line}."),
                format!("{line}x"),
                format!("x{line}"),
            ] {
                let want = lines.contains(t.trim_end_matches(['.', ':', '!']))
                    || is_slide_counter(t.trim_end_matches(['.', ':', '!']));
                assert_eq!(is_stock_line(&t), want, "{t:?}");
            }
        }
        assert!(is_stock_line("advertisement"));
        assert!(!is_stock_line(""));
    }
}

//! Main-text selection: which blocks of a parsed page are the article.
//!
//! Four linear passes over the [`Dom`] arena, no recursion:
//! 1. bottom-up: text and paragraph-text lengths per element;
//! 2. top-down: which elements are boilerplate (tags, class/id/role
//!    patterns, hidden), which block each node belongs to, and whether it
//!    sits inside a link;
//! 3. document order: text runs become [`Segment`]s (one per block, split at
//!    `<br>`), whose text goes bottom-up into per-element scores in the
//!    manner of Readability (commas, length, link density);
//! 4. the best-scoring element is the article's container; its segments
//!    (plus those of sibling containers that score well), minus link lists
//!    and boilerplate lines, are the article, in reading order.

use crate::boilerplate::{chrome_start, is_boilerplate_attr};
use crate::dom::{Dom, NodeId, NodeKind, NONE};
use std::borrow::Cow;

/// A paragraph candidate: the text one block element holds directly.
#[derive(Debug, Clone)]
struct Segment<'a> {
    /// The block element the text belongs to.
    owner: NodeId,
    /// Decoded, whitespace-normalised text: borrowed from the page when
    /// one text node holds it as written (most paragraphs), so that the
    /// article's text is copied once, into the article.
    text: Cow<'a, str>,
    /// Characters of the text that sit inside links.
    link_chars: usize,
    /// Characters of the text, counted once: scoring and filtering ask
    /// for it several times a paragraph.
    chars: usize,
}

impl Segment<'_> {
    fn chars(&self) -> usize {
        self.chars
    }

    fn link_density(&self) -> f64 {
        self.link_chars as f64 / self.chars().max(1) as f64
    }
}

/// Elements whose whole subtree is never article text.
fn is_skipped_tag(name: &str) -> bool {
    matches!(
        name,
        "script"
            | "style"
            | "noscript"
            | "template"
            | "svg"
            | "iframe"
            | "button"
            | "select"
            | "textarea"
            | "input"
            | "nav"
            | "footer"
            | "aside"
            | "header"
            | "head"
            | "title"
            | "menu"
            | "object"
            | "embed"
            | "canvas"
            | "video"
            | "audio"
            | "map"
            | "dialog"
            | "label"
            | "figcaption"
    )
}

/// Elements that flow inside a block; everything else starts a new block.
fn is_inline(name: &str) -> bool {
    matches!(
        name,
        "a" | "abbr"
            | "b"
            | "bdi"
            | "bdo"
            | "big"
            | "cite"
            | "code"
            | "data"
            | "del"
            | "dfn"
            | "em"
            | "font"
            | "i"
            | "img"
            | "ins"
            | "kbd"
            | "mark"
            | "nobr"
            | "q"
            | "s"
            | "samp"
            | "small"
            | "span"
            | "strike"
            | "strong"
            | "sub"
            | "sup"
            | "time"
            | "tt"
            | "u"
            | "var"
            | "wbr"
    )
}

/// Blocks that are paragraphs themselves: their score goes to the element
/// that holds them. Other blocks (div-like) hold their text as containers.
fn is_paragraph_tag(name: &str) -> bool {
    matches!(
        name,
        "p" | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "li"
            | "pre"
            | "blockquote"
            | "td"
            | "th"
            | "dd"
            | "dt"
            | "figcaption"
            | "caption"
    )
}

/// Elements that structure lists and tables.
fn is_list_or_table(name: &str) -> bool {
    matches!(
        name,
        "ul" | "ol" | "dl" | "table" | "tbody" | "thead" | "tfoot" | "tr" | "menu"
    )
}

fn is_heading(name: &str) -> bool {
    matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

/// Whether an element is hidden from readers by its `hidden` or `style`
/// attribute.
fn is_hidden(hidden: Option<&str>, style: Option<&str>) -> bool {
    if hidden.is_some() {
        return true;
    }
    if let Some(style) = style {
        // Cheap test first: most inline styles hide nothing.
        let has = |pat: &[u8]| {
            style
                .as_bytes()
                .windows(pat.len())
                .any(|w| w.eq_ignore_ascii_case(pat))
        };
        if !has(b"none") && !has(b"hidden") {
            return false;
        }
        let style = style.to_ascii_lowercase().replace(' ', "");
        if style.contains("display:none") || style.contains("visibility:hidden") {
            return true;
        }
    }
    false
}

/// A hover card or link box set inside a paragraph ("Kristi Noem" followed
/// by her picture, three headlines and "MORE"): an inline element, not a
/// link itself, whose text is all links, at least three of them, none a
/// child of its own. The link a name is written as sits directly in the
/// element that holds the name, so the name stays and the card goes.
fn is_inline_card(dom: &Dom, id: NodeId, name: &str, plain: u32, links: u32) -> bool {
    if plain > 0 || links < 3 || name == "a" || !is_inline(name) {
        return false;
    }
    let end = dom.subtree_end(id);
    !(id + 1..end).any(|c| dom.nodes[c].parent == id && dom.name(c) == Some("a"))
}

/// Per-node facts from the passes before segmentation.
struct Context {
    /// Boilerplate, or inside boilerplate.
    dropped: Vec<bool>,
    /// The nearest block element at or above the node.
    block: Vec<NodeId>,
    /// Inside an `<a>`.
    in_link: Vec<bool>,
}

/// Whether an element's text never counts (code, styles).
fn is_invisible(name: &str) -> bool {
    matches!(name, "script" | "style" | "noscript" | "template" | "title")
}

fn context(dom: &Dom) -> Context {
    let n = dom.nodes.len();
    // Top-down: block owner, link membership, and whether an invisible
    // element holds the node.
    let mut block = vec![0; n];
    let mut in_link = vec![false; n];
    let mut unseen = vec![false; n];
    for i in 1..n {
        let p = dom.nodes[i].parent;
        match &dom.nodes[i].kind {
            NodeKind::Element { name, .. } => {
                block[i] = if is_inline(name) { block[p] } else { i };
                in_link[i] = in_link[p] || &**name == "a";
                unseen[i] = unseen[p] || is_invisible(name);
            }
            _ => {
                block[i] = block[p];
                in_link[i] = in_link[p];
                unseen[i] = unseen[p];
            }
        }
    }
    // Bottom-up: non-link text below each element (non-whitespace bytes)
    // and the links below it. Text an invisible element holds (scripts,
    // styles: a page's largest text nodes) is not counted: the element
    // sets its own count to nothing, and no count below it is read.
    let mut plain = vec![0u32; n];
    let mut links = vec![0u32; n];
    for i in (1..n).rev() {
        match &dom.nodes[i].kind {
            NodeKind::Text(r) if !in_link[i] && !unseen[i] => {
                plain[i] = dom.src.as_bytes()[r.clone()]
                    .iter()
                    .filter(|b| !b.is_ascii_whitespace())
                    .count() as u32;
            }
            NodeKind::Element { name, .. } if is_invisible(name) => plain[i] = 0,
            NodeKind::Element { name, .. } if &**name == "a" => links[i] += 1,
            _ => {}
        }
        let p = dom.nodes[i].parent;
        plain[p] = plain[p].saturating_add(plain[i]);
        links[p] = links[p].saturating_add(links[i]);
    }
    // Top-down: boilerplate.
    let total = plain[0].max(1);
    let mut dropped = vec![false; n];
    for i in 1..n {
        let pd = dropped[dom.nodes[i].parent];
        let NodeKind::Element { name, .. } = &dom.nodes[i].kind else {
            dropped[i] = pd;
            continue;
        };
        if pd || is_invisible(name) {
            dropped[i] = true;
            continue;
        }
        // An element that holds most of the page's running text is never
        // dropped for its name or class: some sites wrap the whole page in
        // a <form>, Blogger calls its post a "widget".
        let holds_article = plain[i] * 2 > total && plain[i] > 500;
        dropped[i] = !holds_article
            && (is_skipped_tag(name)
                || (&**name == "form" && plain[i] < 500)
                || {
                    // One pass over the attributes for all five.
                    let [role, class, ident, hidden, style] =
                        dom.attrs_named(i, ["role", "class", "id", "hidden", "style"]);
                    is_boilerplate_attr(role, class, ident) || is_hidden(hidden, style)
                }
                || is_inline_card(dom, i, name, plain[i], links[i]));
    }
    Context {
        dropped,
        block,
        in_link,
    }
}

/// Builds the segments in document order.
fn segments<'a>(dom: &Dom<'a>, ctx: &Context) -> Vec<Segment<'a>> {
    // A segment holds a text node's words at least, so there are at most
    // as many as text nodes: a long page's million segments, grown by
    // doubling, were copied into fresh pages again and again.
    let texts = dom
        .nodes
        .iter()
        .filter(|n| matches!(n.kind, NodeKind::Text(_)))
        .count();
    let mut out: Vec<Segment<'a>> = Vec::with_capacity(texts);
    let mut run = Run::default();
    let mut owner = NONE;
    for i in 1..dom.nodes.len() {
        if ctx.dropped[i] {
            continue;
        }
        match &dom.nodes[i].kind {
            NodeKind::Text(r) => {
                let b = ctx.block[i];
                if b != owner {
                    run.flush(owner, &mut out);
                    owner = b;
                }
                let t = &dom.src[r.clone()];
                if ctx.in_link[i] {
                    run.link_raw += t
                        .split_whitespace()
                        .map(|w| w.chars().count() + 1)
                        .sum::<usize>();
                }
                run.push(t);
            }
            NodeKind::Element { name, .. } => {
                if &**name == "br" || &**name == "hr" || !is_inline(name) {
                    run.flush(owner, &mut out);
                    owner = ctx.block[i];
                } else if &**name == "img" {
                    run.push(" ");
                }
            }
            NodeKind::Root => {}
        }
    }
    run.flush(owner, &mut out);
    out
}

/// The raw text of the segment being read: the page's own slice while
/// one text node holds it (most paragraphs), else a copy of its pieces.
#[derive(Default)]
struct Run<'a> {
    /// The one piece read so far, not yet copied.
    single: Option<&'a str>,
    /// The pieces, once there are two.
    joined: String,
    /// Characters of the pieces inside links.
    link_raw: usize,
}

impl<'a> Run<'a> {
    fn push(&mut self, t: &'a str) {
        if self.single.is_none() && self.joined.is_empty() {
            self.single = Some(t);
            return;
        }
        if let Some(first) = self.single.take() {
            self.joined.push_str(first);
        }
        self.joined.push_str(t);
    }

    /// Ends the segment of `owner`, adding it to `out` unless it is blank.
    fn flush(&mut self, owner: NodeId, out: &mut Vec<Segment<'a>>) {
        let piece = match self.single.take() {
            // A blank run (the line breaks between paragraphs) is let go
            // before it is normalised.
            Some(t) if t.trim().is_empty() => None,
            Some(t) => Some(normalise(t)),
            None if self.joined.trim().is_empty() => None,
            None => {
                let (text, chars) = normalise(&self.joined);
                Some((Cow::Owned(text.into_owned()), chars))
            }
        };
        if let Some((text, chars)) = piece.filter(|(text, _)| !text.is_empty()) {
            // Link characters were counted on raw text; cap them at the total.
            out.push(Segment {
                owner,
                text,
                link_chars: self.link_raw.min(chars),
                chars,
            });
        }
        self.joined.clear();
        self.link_raw = 0;
    }
}

/// Decodes entities and collapses whitespace; also the characters of the
/// result (scoring asks for them), counted on the way where that is free.
/// Borrows `raw` when it is written that way already.
fn normalise(raw: &str) -> (Cow<'_, str>, usize) {
    // An entity starts with '&': a text without one (most) is not handed
    // to the decoder, which reads it byte by byte.
    let decoded = if memchr::memchr(b'&', raw.as_bytes()).is_some() {
        html_escape::decode_html_entities(raw)
    } else {
        Cow::Borrowed(raw)
    };
    let text: &str = &decoded;
    // Words are the runs between separators: whitespace and control
    // characters (NUL and friends from broken pages are not text).
    if text.is_ascii() && is_collapsed(text.as_bytes()) {
        // Already words and single spaces: kept whole.
        let chars = text.len();
        return (decoded, chars);
    }
    let mut out = String::with_capacity(text.len());
    if text.is_ascii() {
        // Most paragraphs: the separators are the bytes up to ' ' and DEL,
        // and a character is a byte.
        let mut gap = false;
        for &b in text.as_bytes() {
            if b <= b' ' || b == 0x7f {
                gap = true;
                continue;
            }
            if gap && !out.is_empty() {
                out.push(' ');
            }
            gap = false;
            out.push(char::from(b));
        }
        let chars = out.len();
        return (Cow::Owned(out), chars);
    }
    let words = text
        .split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|w| !w.is_empty());
    for word in words {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    let chars = out.chars().count();
    (Cow::Owned(out), chars)
}

/// Whether ASCII `text` is non-empty words separated by single spaces, as
/// [`normalise`] would write it.
fn is_collapsed(text: &[u8]) -> bool {
    let mut after_space = true;
    for &b in text {
        if b == b' ' {
            if after_space {
                return false;
            }
            after_space = true;
        } else if b < b' ' || b == 0x7f {
            return false;
        } else {
            after_space = false;
        }
    }
    !after_space
}

/// Commas of a paragraph, Latin and CJK ("，", "、"). Counted on bytes
/// with SIMD searches: in UTF-8 a character's encoding never occurs inside
/// another's.
fn commas(text: &str) -> usize {
    const WIDE: [u8; 3] = [0xEF, 0xBC, 0x8C];
    const IDEOGRAPHIC: [u8; 3] = [0xE3, 0x80, 0x81];
    let b = text.as_bytes();
    let latin = memchr::memchr_iter(b',', b).count();
    let cjk = memchr::memchr2_iter(WIDE[0], IDEOGRAPHIC[0], b)
        .filter(|&i| b[i..].starts_with(&WIDE) || b[i..].starts_with(&IDEOGRAPHIC))
        .count();
    latin + cjk
}

/// Readability-style content score of one paragraph.
fn paragraph_score(seg: &Segment) -> f64 {
    let chars = seg.chars();
    if chars < 25 || seg.link_density() > 0.5 {
        return 0.0;
    }
    // Teasers of other stories end in an ellipsis; they are not this
    // article's paragraphs, however many commas they have.
    let text = seg.text.trim_end();
    if text.ends_with("...") || text.ends_with('…') {
        return 0.0;
    }
    let commas = commas(&seg.text) as f64;
    (1.0 + commas + (chars as f64 / 100.0).min(3.0)) * (1.0 - seg.link_density())
}

/// Per-element totals from the segments below it.
struct Scores {
    /// Readability content score (from paragraphs up to 5 levels below).
    score: Vec<f64>,
    /// Characters inside links.
    link: Vec<usize>,
    /// All characters.
    chars: Vec<usize>,
    /// Characters of paragraphs that scored (real running text).
    good: Vec<usize>,
}

/// How many list/table levels a paragraph's score skips to find the
/// element holding the list; bounds the work on absurdly nested tables.
const LIST_SKIP_LIMIT: usize = 8;

fn scores(dom: &Dom, segs: &[Segment]) -> Scores {
    let n = dom.nodes.len();
    let mut score = vec![0.0f64; n];
    let mut link = vec![0usize; n];
    let mut chars = vec![0usize; n];
    let mut good = vec![0usize; n];
    for seg in segs {
        let s = paragraph_score(seg);
        let mut at = seg.owner;
        if dom.name(at).is_some_and(is_paragraph_tag) {
            at = dom.nodes[at].parent;
        }
        // A list or a table is part of an article, never its container:
        // score the element that holds it.
        let mut skipped = 0;
        while at != NONE && skipped < LIST_SKIP_LIMIT && dom.name(at).is_some_and(is_list_or_table)
        {
            at = dom.nodes[at].parent;
            skipped += 1;
        }
        let mut level = 0;
        while at != NONE && at != 0 && level < 5 {
            let divider = match level {
                0 => 1.0,
                1 => 2.0,
                l => l as f64 * 3.0,
            };
            score[at] += s / divider;
            at = dom.nodes[at].parent;
            level += 1;
        }
        let seg_chars = seg.chars();
        link[seg.owner] += seg.link_chars;
        chars[seg.owner] += seg_chars;
        good[seg.owner] += if s > 0.0 { seg_chars } else { 0 };
    }
    // Totals summed up the tree in one backward pass: parents precede
    // children, so walking each segment's ancestors (quadratic on deep
    // pages) is not needed.
    for i in (1..n).rev() {
        let p = dom.nodes[i].parent;
        link[p] += link[i];
        chars[p] += chars[i];
        good[p] += good[i];
    }
    Scores {
        score,
        link,
        chars,
        good,
    }
}

/// The article text of a parsed page; `title` (if known) is dropped when it
/// repeats as a heading.
pub fn main_text(dom: &Dom, title: Option<&str>) -> String {
    let ctx = context(dom);
    let segs = segments(dom, &ctx);
    if segs.is_empty() {
        return String::new();
    }
    let n = dom.nodes.len();
    let Scores {
        score,
        link,
        chars,
        good,
    } = scores(dom, &segs);
    let mut best = NONE;
    let mut best_score = 0.0;
    for i in 1..n {
        if score[i] <= 0.0 {
            continue;
        }
        let ld = link[i] as f64 / chars[i].max(1) as f64;
        let s = score[i] * (1.0 - ld);
        if s > best_score {
            best_score = s;
            best = i;
        }
    }
    if best != NONE {
        let mut owns_text = vec![false; n];
        for seg in &segs {
            owns_text[seg.owner] = true;
        }
        best = climb(dom, best, &good, &link, &chars, &owns_text);
        best_score = best_score.max(score[best]);
    }
    let keep_ranges: Vec<(NodeId, NodeId)> = if best == NONE {
        vec![(0, n)]
    } else {
        containers(dom, best, best_score, &score, &link, &chars)
    };
    let inside = |id: NodeId| keep_ranges.iter().any(|&(s, e)| id >= s && id < e);

    let title_norm = title.map(|t| t.to_lowercase());
    let mut kept: Vec<&str> = Vec::with_capacity(segs.len());
    for seg in &segs {
        if !inside(seg.owner) {
            continue;
        }
        let owner_name = dom.name(seg.owner).unwrap_or("");
        if seg.link_density() > 0.5 && seg.chars() < 200 {
            continue;
        }
        if is_heading(owner_name) {
            if let Some(t) = &title_norm {
                if seg.text.to_lowercase() == *t {
                    continue;
                }
            }
        }
        match chrome_start(&seg.text) {
            Some(0) => continue,
            Some(k) => kept.push(seg.text[..k].trim_end()),
            None => kept.push(&seg.text),
        }
    }
    kept.join("\n\n")
}

/// How many levels [`climb`] may go up; bounds its work on deep pages.
const CLIMB_LIMIT: usize = 8;

/// Class and id fragments that name an article body.
const BODY_HINTS: &[&str] = &[
    "articlebody",
    "article-body",
    "article_body",
    "articlecontent",
    "article-content",
    "article__body",
    "article__content",
    "story-body",
    "storybody",
    "story-content",
    "entry-content",
    "post-content",
    "post-body",
    "postbody",
    "body-text",
    "article-text",
];

/// Whether `id` says it is the article body (schema.org itemprop or a
/// conventional class/id).
fn is_body_hinted(dom: &Dom, id: NodeId) -> bool {
    if dom
        .attr(id, "itemprop")
        .is_some_and(|p| p.eq_ignore_ascii_case("articleBody"))
    {
        return true;
    }
    let attrs = [dom.attr(id, "class"), dom.attr(id, "id")];
    attrs.iter().flatten().any(|v| {
        let v = v.to_ascii_lowercase();
        BODY_HINTS.iter().any(|h| v.contains(h))
    })
}

/// Paragraph text in the children of `parent` that look like `like` (same
/// tag and class): the columns or cards an article is split into.
fn good_in_similar_children(
    dom: &Dom,
    parent: NodeId,
    like: NodeId,
    good: &[usize],
    owns_text: &[bool],
) -> usize {
    let (name, class) = (dom.name(like), dom.attr(like, "class"));
    // Bare <section>s or <div>s look alike on every page; only a shared
    // class says "same kind of block" — unless the blocks hold text
    // directly, as paragraphs written as bare <div>s do.
    if class.is_none_or(|c| c.trim().is_empty()) && !owns_text[like] {
        return good[like];
    }
    let end = dom.subtree_end(parent);
    let mut sum = 0;
    let mut i = parent + 1;
    while i < end {
        let next = dom.subtree_end(i);
        if dom.name(i) == name && dom.attr(i, "class") == class {
            sum += good[i];
        }
        i = next;
    }
    sum
}

/// Moves the container up while the parent holds much more paragraph text
/// that belongs to the same article: in siblings shaped like the container
/// (articles split into columns, one card per paragraph), or under a parent
/// that names itself the article body.
fn climb(
    dom: &Dom,
    start: NodeId,
    good: &[usize],
    link: &[usize],
    chars: &[usize],
    owns_text: &[bool],
) -> NodeId {
    let mut best = start;
    let mut at = start;
    for _ in 0..CLIMB_LIMIT {
        let p = dom.nodes[at].parent;
        if p == NONE || p == 0 {
            break;
        }
        let ld = link[p] as f64 / chars[p].max(1) as f64;
        if ld >= 0.3 {
            break;
        }
        let wanted = good[best] as f64 * 1.5;
        if good[p] == good[at] {
            // A wrapper that adds nothing: look above it.
        } else if good_in_similar_children(dom, p, at, good, owns_text) as f64 >= wanted
            || (is_body_hinted(dom, p) && good[p] as f64 >= wanted)
        {
            best = p;
        } else {
            break;
        }
        at = p;
    }
    best
}

/// The subtrees that hold the article: the best container, plus siblings
/// that score at least a fifth as well (articles split across sibling
/// divs), as `[start, end)` arena ranges.
fn containers(
    dom: &Dom,
    best: NodeId,
    best_score: f64,
    score: &[f64],
    link: &[usize],
    chars: &[usize],
) -> Vec<(NodeId, NodeId)> {
    let mut out = vec![(best, dom.subtree_end(best))];
    let parent = dom.nodes[best].parent;
    if parent == NONE {
        return out;
    }
    let threshold = (best_score * 0.2).max(10.0);
    let end = dom.subtree_end(parent);
    let mut i = parent + 1;
    while i < end {
        let sib_end = dom.subtree_end(i);
        if i != best && dom.nodes[i].parent == parent {
            let ld = link[i] as f64 / chars[i].max(1) as f64;
            if score[i] * (1.0 - ld) >= threshold {
                out.push((i, sib_end));
            }
        }
        i = sib_end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalise_decodes_entities_and_collapses_every_separator() {
        for (raw, want) in [
            (
                "  Talks&nbsp;went \t on,\u{0}\u{7f} said\u{2003}the\r\nmayor.\u{85} ",
                "Talks went on, said the mayor.",
            ),
            (
                " Talks&amp;went \t on,\u{0}\u{7f} said\r\nthe mayor. ",
                "Talks&went on, said the mayor.",
            ),
            ("Talks went on.", "Talks went on."),
            ("Talks went on. ", "Talks went on."),
            ("café  au\u{a0}lait", "café au lait"),
            ("“Talks,” he said — again.", "“Talks,” he said — again."),
            ("\u{3000}“Talks,”\u{2028}he said\u{85}", "“Talks,” he said"),
            (" \n\t", ""),
        ] {
            let (text, chars) = normalise(raw);
            assert_eq!((text.as_ref(), chars), (want, want.chars().count()));
        }
    }

    #[test]
    fn commas_count_latin_and_cjk_commas() {
        for text in ["a, b, c", "北京，上海、广州", "no commas", "é,ü，x、", ""] {
            let want = text.matches([',', '，', '、']).count();
            assert_eq!(commas(text), want, "{text:?}");
        }
    }
}

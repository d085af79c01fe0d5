//! A small, forgiving HTML parser built for extraction speed.
//!
//! It tokenises the page in one pass over its bytes and builds a tree in an
//! arena. Nodes are pushed in document order, so the arena *is* a pre-order
//! walk: a node's index is larger than its parent's, which lets later passes
//! go top-down (forward) or bottom-up (backward) with plain loops — nothing
//! here or downstream recurses, so a page nested a million deep is just a
//! long vector.
//!
//! It is not a full HTML5 tree builder (html5ever is ~4× slower on the dev
//! set, see docs/extraction.md): it knows void elements, raw-text elements
//! (script, style, title, …), the implied end tags of `p`, `li`, `dt`/`dd`,
//! `option` and table cells, and ignores end tags that close nothing. That
//! is what reading order and block structure need.

use std::borrow::Cow;
use std::ops::Range;

/// Index of a node in [`Dom::nodes`].
pub type NodeId = usize;

/// Marks "no node" in parent links.
pub const NONE: NodeId = usize::MAX;

/// One attribute: byte ranges of its name and (raw, undecoded) value in the
/// source.
#[derive(Debug, Clone)]
pub struct Attr {
    name: Range<usize>,
    value: Range<usize>,
}

/// What a node is.
#[derive(Debug, Clone)]
pub enum NodeKind<'a> {
    /// The document root (index 0).
    Root,
    /// An element: lower-cased tag name and its attributes (a range into
    /// [`Dom::attrs`]).
    Element {
        /// Lower-cased tag name: borrowed from the source, where tags are
        /// written in lower case (nearly always), so that an element costs
        /// no allocation of its own; a copy for a tag written in capitals.
        name: Cow<'a, str>,
        /// Range of this element's attributes in [`Dom::attrs`].
        attrs: Range<usize>,
    },
    /// A run of text: byte range of the raw (entity-encoded) text in the source.
    Text(Range<usize>),
}

/// One node of the tree.
#[derive(Debug, Clone)]
pub struct Node<'a> {
    /// The parent ([`NONE`] for the root).
    pub parent: NodeId,
    /// What the node is.
    pub kind: NodeKind<'a>,
}

// A long page has millions of nodes (a 53 MB page of short paragraphs,
// 3.6 M): borrowing tag names must not make a node bigger than the
// `Box<str>` it replaced did.
const _: () = assert!(std::mem::size_of::<Node<'static>>() <= 48);

/// A parsed page: the arena of nodes in document order, borrowing the source.
#[derive(Debug)]
pub struct Dom<'a> {
    /// The page's source text.
    pub src: &'a str,
    /// All nodes, in document order; `nodes[0]` is the root.
    pub nodes: Vec<Node<'a>>,
    attrs: Vec<Attr>,
}

/// Elements that never have content.
fn is_void(name: &str) -> bool {
    matches!(
        name,
        "area"
            | "base"
            | "br"
            | "col"
            | "embed"
            | "hr"
            | "img"
            | "input"
            | "link"
            | "meta"
            | "param"
            | "source"
            | "track"
            | "wbr"
            | "keygen"
            | "frame"
    )
}

/// Elements whose content is raw text up to the matching end tag.
fn is_raw_text(name: &str) -> bool {
    matches!(
        name,
        "script"
            | "style"
            | "textarea"
            | "title"
            | "xmp"
            | "iframe"
            | "noembed"
            | "noframes"
            | "noscript"
            | "plaintext"
    )
}

/// Block-level elements whose start closes an open `<p>`.
fn closes_p(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "ul"
            | "ol"
            | "dl"
            | "table"
            | "blockquote"
            | "pre"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "section"
            | "article"
            | "aside"
            | "header"
            | "footer"
            | "nav"
            | "figure"
            | "form"
            | "hr"
            | "address"
            | "main"
            | "fieldset"
            | "details"
            | "menu"
    )
}

/// How far down the open-element stack an end tag or an implied end looks
/// for its element; bounds the work per tag on pathological nesting.
const SCOPE_LIMIT: usize = 256;

impl<'a> Dom<'a> {
    /// Parses `src`. Never fails and never panics: malformed markup is read
    /// the forgiving way browsers read it, or as text.
    pub fn parse(src: &'a str) -> Dom<'a> {
        // Room for a node per 15 bytes: a page of short paragraphs, one a
        // line, has that many (an element, its text and the line break),
        // and growing the arena of a 50 MB one by doubling copied it into
        // fresh memory twice. A typical page has one per 80 bytes; the room
        // it leaves unused is never touched, so never takes memory.
        // Room for an attribute per 64 bytes too: the dev pages hold one
        // per 130 bytes (one per 44 at most), and growing the vector by
        // doubling copied it several times a page.
        let mut dom = Dom {
            src,
            nodes: Vec::with_capacity(src.len() / 15),
            attrs: Vec::with_capacity(src.len() / 64),
        };
        dom.nodes.push(Node {
            parent: NONE,
            kind: NodeKind::Root,
        });
        Builder {
            dom: &mut dom,
            stack: vec![0],
        }
        .run();
        dom
    }

    /// The tag name of `id` if it is an element.
    pub fn name(&self, id: NodeId) -> Option<&str> {
        match &self.nodes[id].kind {
            NodeKind::Element { name, .. } => Some(name),
            _ => None,
        }
    }

    /// The raw value of attribute `name` (ASCII case-insensitive) on `id`.
    pub fn attr(&self, id: NodeId, name: &str) -> Option<&'a str> {
        let NodeKind::Element { attrs, .. } = &self.nodes[id].kind else {
            return None;
        };
        self.attrs[attrs.clone()]
            .iter()
            .find(|a| self.src[a.name.clone()].eq_ignore_ascii_case(name))
            .map(|a| &self.src[a.value.clone()])
    }

    /// The raw values of the first attribute of each of `names` (in any
    /// ASCII case, as [`Dom::attr`]), in one pass over `id`'s attributes:
    /// a reader of several attributes of most elements would otherwise
    /// scan them once per name. All `None` for a node that is not an
    /// element.
    pub fn attrs_named<const N: usize>(
        &self,
        id: NodeId,
        names: [&str; N],
    ) -> [Option<&'a str>; N] {
        let mut found = [None; N];
        let NodeKind::Element { attrs, .. } = &self.nodes[id].kind else {
            return found;
        };
        for a in &self.attrs[attrs.clone()] {
            // Compared as bytes: no character-boundary checks for a name
            // that is not wanted (most).
            let name = &self.src.as_bytes()[a.name.clone()];
            if let Some(k) = names
                .iter()
                .position(|n| name.eq_ignore_ascii_case(n.as_bytes()))
            {
                found[k].get_or_insert(&self.src[a.value.clone()]);
            }
        }
        found
    }

    /// The raw text of a text node.
    pub fn text(&self, id: NodeId) -> Option<&'a str> {
        match &self.nodes[id].kind {
            NodeKind::Text(r) => Some(&self.src[r.clone()]),
            _ => None,
        }
    }

    /// The concatenated raw text of the nodes after `id` that are its
    /// descendants (a linear scan: descendants are contiguous in the arena).
    pub fn descendant_text(&self, id: NodeId) -> String {
        let mut out = String::new();
        for d in self.descendants(id) {
            if let Some(t) = self.text(d) {
                out.push_str(t);
            }
        }
        out
    }

    /// The descendants of `id` in document order. Descendants occupy the
    /// contiguous index range after `id`; the range ends at the first node
    /// whose ancestor chain leaves `id`, found by tracking depth.
    pub fn descendants(&self, id: NodeId) -> Range<NodeId> {
        let end = self.subtree_end(id);
        (id + 1)..end
    }

    /// One past the last descendant of `id`.
    pub fn subtree_end(&self, id: NodeId) -> NodeId {
        // A node belongs to the subtree iff its parent index is ≥ id and is
        // itself in the subtree; since parents precede children, scanning
        // forward while `parent >= id` and the parent is inside suffices.
        let mut end = id + 1;
        while end < self.nodes.len() {
            let p = self.nodes[end].parent;
            if p == NONE || p < id {
                break;
            }
            end += 1;
        }
        end
    }
}

/// Builds the arena from the token stream.
struct Builder<'d, 'a> {
    dom: &'d mut Dom<'a>,
    /// Open elements, innermost last; `stack[0]` is the root.
    stack: Vec<NodeId>,
}

impl Builder<'_, '_> {
    fn run(&mut self) {
        let bytes = self.dom.src.as_bytes();
        let mut at = 0;
        let mut text_start = 0;
        while at < bytes.len() {
            // Tags often follow one another directly: no search then.
            let lt = if bytes[at] == b'<' {
                at
            } else {
                let Some(lt) = memchr(b'<', &bytes[at..]) else {
                    break;
                };
                at + lt
            };
            let next = bytes.get(lt + 1).copied().unwrap_or(0);
            if next == b'!' || next == b'?' {
                self.push_text(text_start, lt);
                at = if bytes[lt..].starts_with(b"<!--") {
                    find(bytes, b"-->", lt + 4).map_or(bytes.len(), |e| e + 3)
                } else {
                    memchr(b'>', &bytes[lt..]).map_or(bytes.len(), |e| lt + e + 1)
                };
                text_start = at;
            } else if next == b'/' && bytes.get(lt + 2).is_some_and(u8::is_ascii_alphabetic) {
                self.push_text(text_start, lt);
                let (name, end) = tag_name(self.dom.src, lt + 2);
                // Nearly every end tag closes right after its name.
                at = if bytes.get(end) == Some(&b'>') {
                    end + 1
                } else {
                    memchr(b'>', &bytes[end..]).map_or(bytes.len(), |e| end + e + 1)
                };
                text_start = at;
                self.end_tag(&name);
            } else if next.is_ascii_alphabetic() {
                self.push_text(text_start, lt);
                at = self.start_tag(lt + 1);
                text_start = at;
            } else {
                // A lone '<' is text.
                at = lt + 1;
            }
        }
        self.push_text(text_start, bytes.len());
    }

    fn current(&self) -> NodeId {
        self.stack.last().copied().unwrap_or(0)
    }

    fn push_text(&mut self, start: usize, end: usize) {
        if start < end {
            let parent = self.current();
            self.dom.nodes.push(Node {
                parent,
                kind: NodeKind::Text(start..end),
            });
        }
    }

    /// Reads a start tag whose name begins at `at`; returns where parsing
    /// resumes (after the tag, or after a raw-text element's content).
    fn start_tag(&mut self, at: usize) -> usize {
        let bytes = self.dom.src.as_bytes();
        let (name, mut at) = tag_name(self.dom.src, at);
        let attrs_start = self.dom.attrs.len();
        let mut self_closing = false;
        // Attributes.
        loop {
            while at < bytes.len() && (bytes[at].is_ascii_whitespace() || bytes[at] == b'/') {
                if bytes[at] == b'/' && bytes.get(at + 1) == Some(&b'>') {
                    self_closing = true;
                }
                at += 1;
            }
            if at >= bytes.len() {
                break;
            }
            if bytes[at] == b'>' {
                at += 1;
                break;
            }
            let name_start = at;
            while at < bytes.len()
                && !bytes[at].is_ascii_whitespace()
                && !matches!(bytes[at], b'=' | b'>' | b'/')
            {
                at += 1;
            }
            // A lone quote or similar junk still advances by one byte.
            if at == name_start {
                at += 1;
                continue;
            }
            let name_range = name_start..at;
            while at < bytes.len() && bytes[at].is_ascii_whitespace() {
                at += 1;
            }
            let mut value = at..at;
            if bytes.get(at) == Some(&b'=') {
                at += 1;
                while at < bytes.len() && bytes[at].is_ascii_whitespace() {
                    at += 1;
                }
                match bytes.get(at) {
                    Some(&q) if q == b'"' || q == b'\'' => {
                        let close = memchr(q, &bytes[at + 1..]).map_or(bytes.len(), |e| at + 1 + e);
                        value = at + 1..close;
                        at = (close + 1).min(bytes.len());
                    }
                    _ => {
                        let start = at;
                        while at < bytes.len()
                            && !bytes[at].is_ascii_whitespace()
                            && bytes[at] != b'>'
                        {
                            at += 1;
                        }
                        value = start..at;
                    }
                }
            }
            self.dom.attrs.push(Attr {
                name: name_range,
                value,
            });
        }
        let attrs = attrs_start..self.dom.attrs.len();
        self.implied_ends(&name);
        let parent = self.current();
        let id = self.dom.nodes.len();
        let raw = is_raw_text(&name);
        let void = is_void(&name);
        self.dom.nodes.push(Node {
            parent,
            kind: NodeKind::Element { name, attrs },
        });
        if void || (self_closing && !raw) {
            return at;
        }
        if raw {
            if self_closing {
                return at;
            }
            // Content up to `</name`, as one text node.
            let close = find_end_tag(bytes, self.dom.name(id).unwrap_or(""), at);
            if at < close {
                self.dom.nodes.push(Node {
                    parent: id,
                    kind: NodeKind::Text(at..close),
                });
            }
            return memchr(b'>', &bytes[close..]).map_or(bytes.len(), |e| close + e + 1);
        }
        self.stack.push(id);
        at
    }

    /// Closes the elements a new `name` element implicitly ends.
    fn implied_ends(&mut self, name: &str) {
        match name {
            "li" => self.close_within("li", &["ul", "ol", "menu"]),
            "dt" | "dd" => {
                self.close_within("dt", &["dl"]);
                self.close_within("dd", &["dl"]);
            }
            "option" => self.close_within("option", &["select", "datalist"]),
            "tr" => self.close_within("tr", &["table", "tbody", "thead", "tfoot"]),
            "td" | "th" => {
                self.close_within("td", &["tr", "table"]);
                self.close_within("th", &["tr", "table"]);
            }
            _ => {}
        }
        if closes_p(name) {
            self.close_within(
                "p",
                &["div", "td", "li", "blockquote", "section", "article"],
            );
        }
    }

    /// Pops up to and including the innermost open `target`, unless one of
    /// `barriers` (or the scope limit) comes first.
    fn close_within(&mut self, target: &str, barriers: &[&str]) {
        let depth = self.stack.len();
        for i in (1..depth).rev().take(SCOPE_LIMIT) {
            let open = self.dom.name(self.stack[i]).unwrap_or("");
            if open == target {
                self.stack.truncate(i);
                return;
            }
            if barriers.contains(&open) {
                return;
            }
        }
    }

    fn end_tag(&mut self, name: &str) {
        let depth = self.stack.len();
        for i in (1..depth).rev().take(SCOPE_LIMIT) {
            if self.dom.name(self.stack[i]) == Some(name) {
                self.stack.truncate(i);
                return;
            }
        }
    }
}

/// The lower-cased tag name starting at `at`, and where it ends: borrowed
/// from the page when it is written in lower case (most are), so that an
/// end tag is matched without a copy.
fn tag_name(src: &str, at: usize) -> (Cow<'_, str>, usize) {
    let bytes = src.as_bytes();
    let mut end = at;
    // Capitals noted on the way: no second pass over the name.
    let mut upper = false;
    while end < bytes.len()
        && !bytes[end].is_ascii_whitespace()
        && !matches!(bytes[end], b'>' | b'/')
    {
        upper |= bytes[end].is_ascii_uppercase();
        end += 1;
    }
    // `at` follows a `<` and `end` is at an ASCII byte or the end, so the
    // slice is always on character boundaries.
    let name = match src.get(at..end) {
        Some(name) if !upper => Cow::Borrowed(name),
        Some(name) => Cow::Owned(name.to_ascii_lowercase()),
        None => Cow::Owned(String::from_utf8_lossy(&bytes[at..end]).to_ascii_lowercase()),
    };
    (name, end)
}

/// Byte offset of the `</name` that ends a raw-text element started at `from`
/// (the end of input when there is none).
fn find_end_tag(bytes: &[u8], name: &str, from: usize) -> usize {
    let mut at = from;
    while let Some(i) = find(bytes, b"</", at) {
        let after = &bytes[i + 2..];
        if after.len() >= name.len() && after[..name.len()].eq_ignore_ascii_case(name.as_bytes()) {
            let boundary = after.get(name.len()).copied().unwrap_or(b'>');
            if boundary.is_ascii_whitespace() || matches!(boundary, b'>' | b'/') {
                return i;
            }
        }
        at = i + 2;
    }
    bytes.len()
}

/// Index of the first `needle` byte in `hay` (SIMD: a page is scanned
/// byte by byte for `<`, `>` and quotes).
fn memchr(needle: u8, hay: &[u8]) -> Option<usize> {
    memchr::memchr(needle, hay)
}

/// Offset of the first occurrence of `needle` in `hay` at or after `from`.
fn find(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    if from >= hay.len() {
        return None;
    }
    let first = needle[0];
    let mut at = from;
    while let Some(i) = memchr(first, &hay[at..]) {
        let i = at + i;
        if hay[i..].starts_with(needle) {
            return Some(i);
        }
        at = i + 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(dom: &Dom) -> Vec<(String, String)> {
        (0..dom.nodes.len())
            .filter_map(|i| {
                let t = dom.text(i)?;
                let p = dom.nodes[i].parent;
                Some((dom.name(p).unwrap_or("#root").to_string(), t.to_string()))
            })
            .collect()
    }

    #[test]
    fn builds_tree_with_implied_ends() {
        let dom = Dom::parse("<div class=a><p>One<p>Two<ul><li>x<li>y</ul></div>");
        let t = texts(&dom);
        assert_eq!(
            t,
            vec![
                ("p".into(), "One".into()),
                ("p".into(), "Two".into()),
                ("li".into(), "x".into()),
                ("li".into(), "y".into())
            ]
        );
        // The second <p> is a sibling of the first, not its child.
        let ps: Vec<_> = (0..dom.nodes.len())
            .filter(|&i| dom.name(i) == Some("p"))
            .collect();
        assert_eq!(dom.nodes[ps[0]].parent, dom.nodes[ps[1]].parent);
        assert_eq!(dom.attr(1, "CLASS"), Some("a"));
    }

    #[test]
    fn raw_text_and_comments() {
        let dom = Dom::parse("<script>if (a<b) {}</p></script><!-- <p>x</p> --><p>ok</p>");
        let t = texts(&dom);
        assert_eq!(t[0], ("script".into(), "if (a<b) {}</p>".into()));
        assert_eq!(t[1], ("p".into(), "ok".into()));
        assert_eq!(t.len(), 2);
    }

    #[test]
    fn junk_never_panics() {
        for s in [
            "<",
            "</",
            "<a",
            "<a b",
            "<a b=",
            "<a b='",
            "<!--",
            "<!",
            "<p/>",
            "</ p>",
            "<<<>>>",
            "<a \"=x>",
            "<script>",
            "<title>t",
            "é<é>é</é>",
        ] {
            let dom = Dom::parse(s);
            assert!(!dom.nodes.is_empty());
        }
    }

    #[test]
    fn descendants_are_contiguous() {
        let dom = Dom::parse("<div><p>a<b>b</b></p><p>c</p></div><p>d</p>");
        let div = 1;
        let inner: String = dom.descendants(div).filter_map(|i| dom.text(i)).collect();
        assert_eq!(inner, "abc");
    }
}

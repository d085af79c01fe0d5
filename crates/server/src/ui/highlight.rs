//! Article text with highlights, built on the server.
//!
//! Stored offsets are Unicode code points, so the text is cut on char
//! indices here (JavaScript strings count UTF-16 units and would drift on
//! any character outside the BMP). Annotations may nest or overlap in any
//! way: the text is cut at every annotation boundary and each piece is
//! wrapped in one `<span>` that lists every annotation covering it. Every
//! piece of text is escaped.

use super::escape::push_escaped;
use std::collections::BTreeSet;

/// One highlighted range of the article, in code points.
#[derive(Debug, Clone, PartialEq)]
pub struct Annotation {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// Identifier of the annotation on the page ("e3", "q1", "v2"); the
    /// details panel with id `ann-{id}` describes it.
    pub id: String,
    /// CSS classes for the highlighted text ("ent ent-person").
    pub class: String,
    /// Plain-text summary shown on hover.
    pub title: String,
}

/// Renders `text` as escaped HTML with `annotations` highlighted. Ranges
/// outside the text are clipped; empty ones are ignored.
pub fn highlight(text: &str, annotations: &[Annotation]) -> String {
    // Byte offset of every char index, plus the end of the text.
    let byte_at: Vec<usize> = text
        .char_indices()
        .map(|(b, _)| b)
        .chain(std::iter::once(text.len()))
        .collect();
    let chars = byte_at.len() - 1;
    let clipped: Vec<(usize, usize, &Annotation)> = annotations
        .iter()
        .map(|a| (a.start.min(chars), a.end.min(chars), a))
        .filter(|(s, e, _)| s < e)
        .collect();
    let mut boundaries: BTreeSet<usize> = BTreeSet::from([0, chars]);
    for (s, e, _) in &clipped {
        boundaries.insert(*s);
        boundaries.insert(*e);
    }
    let boundaries: Vec<usize> = boundaries.into_iter().collect();
    // Sweep: annotations sorted by start enter the active set at their
    // start and leave it at their end, so the work per piece is the nesting
    // depth, not the number of annotations (a hostile document may have many).
    let mut by_start: Vec<usize> = (0..clipped.len()).collect();
    by_start.sort_by_key(|&i| clipped[i].0);
    let mut next = 0;
    // Ordered innermost (shortest) first: that is what a click most likely means.
    let mut active: BTreeSet<(usize, usize)> = BTreeSet::new();

    let mut out = String::with_capacity(text.len() * 2);
    for pair in boundaries.windows(2) {
        let (from, to) = (pair[0], pair[1]);
        active.retain(|&(_, i)| clipped[i].1 > from);
        while next < by_start.len() && clipped[by_start[next]].0 <= from {
            let i = by_start[next];
            active.insert((clipped[i].1 - clipped[i].0, i));
            next += 1;
        }
        let piece = &text[byte_at[from]..byte_at[to]];
        if active.is_empty() {
            push_escaped(&mut out, piece);
            continue;
        }
        let covering: Vec<&Annotation> = active.iter().map(|&(_, i)| clipped[i].2).collect();
        open_span(&mut out, &covering);
        push_escaped(&mut out, piece);
        out.push_str("</span>");
    }
    out
}

fn open_span(out: &mut String, covering: &[&Annotation]) {
    let mut classes: BTreeSet<&str> = BTreeSet::new();
    for a in covering {
        classes.extend(a.class.split_whitespace());
    }
    let classes: Vec<&str> = classes.into_iter().collect();
    let ids: Vec<&str> = covering.iter().map(|a| a.id.as_str()).collect();
    let titles: Vec<&str> = covering.iter().map(|a| a.title.as_str()).collect();
    out.push_str("<span class=\"hl ");
    push_escaped(out, &classes.join(" "));
    out.push_str("\" data-ann=\"");
    push_escaped(out, &ids.join(" "));
    out.push_str("\" title=\"");
    push_escaped(out, &titles.join("\n"));
    out.push_str("\" tabindex=\"0\">");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ann(start: usize, end: usize, id: &str) -> Annotation {
        Annotation {
            start,
            end,
            id: id.into(),
            class: format!("k-{id}"),
            title: format!("t-{id}"),
        }
    }

    #[test]
    fn cuts_on_code_points_not_bytes() {
        // "𝕏" is one code point, four UTF-8 bytes, two UTF-16 units.
        let html = highlight("𝕏 said é", &[ann(2, 6, "q")]);
        assert!(html.starts_with("𝕏 <span"), "{html}");
        assert!(html.contains(">said</span> é"), "{html}");
    }

    #[test]
    fn overlapping_annotations_split_into_pieces() {
        let html = highlight("abcdef", &[ann(0, 4, "a"), ann(2, 6, "b")]);
        assert_eq!(html.matches("<span").count(), 3, "{html}");
        assert!(html.contains("data-ann=\"a b\"") || html.contains("data-ann=\"b a\""));
    }

    #[test]
    fn text_and_attributes_are_escaped() {
        let mut a = ann(0, 8, "x");
        a.title = "\"><script>".into();
        let html = highlight("<script>alert(1)</script>", &[a]);
        assert!(!html.contains("<script>"), "{html}");
        assert!(
            html.contains("&lt;script&gt;</span>alert(1)&lt;/script&gt;"),
            "{html}"
        );
    }

    #[test]
    fn out_of_range_annotations_are_clipped_or_dropped() {
        let html = highlight("abc", &[ann(1, 99, "a"), ann(50, 60, "b"), ann(2, 1, "c")]);
        assert_eq!(html.matches("<span").count(), 1, "{html}");
        assert!(html.ends_with(">bc</span>"), "{html}");
    }
}

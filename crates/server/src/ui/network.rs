//! The actor network as an SVG drawing: a deterministic force-directed
//! layout (same data, same picture), nodes sized by mentions, edges
//! coloured by mean Goldstein value from red (conflict) through grey to
//! green (cooperation) and as thick as their event count.

use super::escape::{escape, url_component};
use std::fmt::Write;

/// One actor to draw.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// Actor code or name; the node links to its timeline.
    pub key: String,
    /// Label under the node.
    pub label: String,
    /// How often it is mentioned (node area).
    pub mentions: u64,
}

/// One pair of actors with the events between them.
#[derive(Debug, Clone, PartialEq)]
pub struct Edge {
    /// Index of the source node.
    pub from: usize,
    /// Index of the target node.
    pub to: usize,
    /// Number of events.
    pub events: u64,
    /// Mean Goldstein value of those events (-10 … +10).
    pub goldstein: f64,
    /// Where the edge's events are listed with their evidence, if anywhere
    /// (a path; escaped here).
    pub href: Option<String>,
}

const WIDTH: f64 = 960.0;
const HEIGHT: f64 = 640.0;
const MARGIN: f64 = 70.0;
/// Pull towards the centre, so that unconnected pairs gather in the middle
/// instead of being pushed to the corners.
const GRAVITY: f64 = 1.5;
/// Room around the outermost nodes for their labels.
const LABEL_ROOM: (f64, f64) = (90.0, 45.0);

/// The part of the canvas the nodes occupy, with room for labels, but not
/// smaller than 60% of the canvas (a few nodes should not be drawn huge).
fn view_box(pos: &[(f64, f64)]) -> (f64, f64, f64, f64) {
    if pos.is_empty() {
        return (0.0, 0.0, WIDTH, HEIGHT);
    }
    let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
    for &(x, y) in pos {
        x0 = x0.min(x);
        y0 = y0.min(y);
        x1 = x1.max(x);
        y1 = y1.max(y);
    }
    let w = (x1 - x0 + 2.0 * LABEL_ROOM.0).max(WIDTH * 0.6);
    let h = (y1 - y0 + 2.0 * LABEL_ROOM.1).max(HEIGHT * 0.6);
    let (cx, cy) = ((x0 + x1) / 2.0, (y0 + y1) / 2.0);
    (cx - w / 2.0, cy - h / 2.0, w, h)
}

/// Colour of a Goldstein value: red at -10, grey at 0, green at +10.
pub fn goldstein_colour(value: f64) -> String {
    let t = if value.is_finite() {
        (value / 10.0).clamp(-1.0, 1.0)
    } else {
        0.0
    };
    let grey = (148.0, 156.0, 168.0);
    let end = if t < 0.0 {
        (211.0, 47.0, 47.0)
    } else {
        (46.0, 160.0, 67.0)
    };
    // Square root: most mean values are small, and should still show a tint.
    let k = t.abs().sqrt();
    let mix = |a: f64, b: f64| (a + (b - a) * k).round() as u8;
    format!(
        "#{:02x}{:02x}{:02x}",
        mix(grey.0, end.0),
        mix(grey.1, end.1),
        mix(grey.2, end.2)
    )
}

/// Positions for `nodes`, in drawing coordinates.
fn layout(nodes: &[Node], edges: &[Edge]) -> Vec<(f64, f64)> {
    let n = nodes.len();
    if n == 0 {
        return Vec::new();
    }
    // Start on a circle (sorted input gives a stable start), then
    // Fruchterman–Reingold with a cooling schedule and a fixed number of steps.
    let (cx, cy) = (WIDTH / 2.0, HEIGHT / 2.0);
    let radius = (WIDTH.min(HEIGHT) / 2.0 - MARGIN).max(10.0);
    let mut pos: Vec<(f64, f64)> = (0..n)
        .map(|i| {
            let a = i as f64 / n as f64 * std::f64::consts::TAU;
            (cx + radius * a.cos(), cy + radius * a.sin())
        })
        .collect();
    if n == 1 {
        return vec![(cx, cy)];
    }
    let area = (WIDTH - 2.0 * MARGIN) * (HEIGHT - 2.0 * MARGIN);
    // Ideal edge length: shrinks as nodes are added, capped so that a
    // handful of nodes stays close together in the middle.
    let k = ((area / n as f64).sqrt() * 0.6).min(150.0);
    let steps = 300;
    for step in 0..steps {
        let temperature = 60.0 * (1.0 - step as f64 / steps as f64) + 0.5;
        let mut disp = vec![(0.0f64, 0.0f64); n];
        for i in 0..n {
            for j in (i + 1)..n {
                let (dx, dy) = (pos[i].0 - pos[j].0, pos[i].1 - pos[j].1);
                let d = (dx * dx + dy * dy).sqrt().max(0.01);
                let f = k * k / d;
                disp[i].0 += dx / d * f;
                disp[i].1 += dy / d * f;
                disp[j].0 -= dx / d * f;
                disp[j].1 -= dy / d * f;
            }
        }
        for e in edges {
            let (i, j) = (e.from, e.to);
            if i == j || i >= n || j >= n {
                continue;
            }
            let (dx, dy) = (pos[i].0 - pos[j].0, pos[i].1 - pos[j].1);
            let d = (dx * dx + dy * dy).sqrt().max(0.01);
            let f = d * d / k;
            disp[i].0 -= dx / d * f;
            disp[i].1 -= dy / d * f;
            disp[j].0 += dx / d * f;
            disp[j].1 += dy / d * f;
        }
        for i in 0..n {
            // A weak pull to the centre keeps unconnected nodes on the canvas.
            disp[i].0 += (cx - pos[i].0) * GRAVITY;
            disp[i].1 += (cy - pos[i].1) * GRAVITY;
            let d = (disp[i].0 * disp[i].0 + disp[i].1 * disp[i].1)
                .sqrt()
                .max(0.01);
            let step_len = d.min(temperature);
            pos[i].0 = (pos[i].0 + disp[i].0 / d * step_len).clamp(MARGIN, WIDTH - MARGIN);
            pos[i].1 = (pos[i].1 + disp[i].1 / d * step_len).clamp(MARGIN, HEIGHT - MARGIN);
        }
    }
    pos
}

/// Node radius: area proportional to mentions, bounded.
fn radius(mentions: u64, max_mentions: u64) -> f64 {
    let share = mentions as f64 / max_mentions.max(1) as f64;
    6.0 + 22.0 * share.sqrt()
}

/// The network as an inline `<svg>` element. `link_of` gives the URL a
/// node links to (already a path, escaped here).
pub fn render(nodes: &[Node], edges: &[Edge], link_of: impl Fn(&Node) -> String) -> String {
    let pos = layout(nodes, edges);
    let max_mentions = nodes.iter().map(|n| n.mentions).max().unwrap_or(1);
    let max_events = edges.iter().map(|e| e.events).max().unwrap_or(1);
    let mut svg = String::new();
    let (vx, vy, vw, vh) = view_box(&pos);
    let _ = write!(
        svg,
        "<svg class=\"network\" viewBox=\"{vx:.0} {vy:.0} {vw:.0} {vh:.0}\" role=\"img\" \
         aria-label=\"Actor network: {} actors, {} pairs\" xmlns=\"http://www.w3.org/2000/svg\">",
        nodes.len(),
        edges.len()
    );
    svg.push_str("<g class=\"edges\">");
    let pairs: std::collections::HashSet<(usize, usize)> =
        edges.iter().map(|e| (e.from, e.to)).collect();
    for e in edges {
        let (Some(a), Some(b)) = (pos.get(e.from), pos.get(e.to)) else {
            continue;
        };
        if e.from == e.to {
            continue;
        }
        let width = 1.0 + 7.0 * (e.events as f64 / max_events.max(1) as f64).sqrt();
        // A pair with events both ways is drawn as two lines side by side,
        // each shifted to its own right, so that neither hides the other.
        let (a, b) = if pairs.contains(&(e.to, e.from)) {
            let (dx, dy) = (b.0 - a.0, b.1 - a.1);
            let len = (dx * dx + dy * dy).sqrt().max(0.01);
            let shift = width / 2.0 + 1.0;
            let (nx, ny) = (-dy / len * shift, dx / len * shift);
            ((a.0 + nx, a.1 + ny), (b.0 + nx, b.1 + ny))
        } else {
            (*a, *b)
        };
        let names = (&nodes[e.from].label, &nodes[e.to].label);
        if let Some(href) = &e.href {
            let _ = write!(svg, "<a class=\"edge-link\" href=\"{}\">", escape(href));
        }
        let _ = write!(
            svg,
            "<line class=\"edge\" x1=\"{:.1}\" y1=\"{:.1}\" x2=\"{:.1}\" y2=\"{:.1}\" \
             stroke=\"{}\" stroke-width=\"{width:.1}\" data-goldstein=\"{:.2}\" data-events=\"{}\">\
             <title>{} → {}: {} event(s), mean Goldstein {:+.1}</title></line>",
            a.0,
            a.1,
            b.0,
            b.1,
            goldstein_colour(e.goldstein),
            e.goldstein,
            e.events,
            escape(names.0),
            escape(names.1),
            e.events,
            e.goldstein
        );
        if e.href.is_some() {
            svg.push_str("</a>");
        }
    }
    svg.push_str("</g><g class=\"nodes\">");
    for (node, (x, y)) in nodes.iter().zip(&pos) {
        let r = radius(node.mentions, max_mentions);
        let _ = write!(
            svg,
            "<a href=\"{}\" class=\"node\" data-actor=\"{}\">\
             <circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"{r:.1}\"><title>{}: {} mention(s)</title></circle>\
             <text x=\"{x:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{}</text></a>",
            escape(&link_of(node)),
            escape(&node.key),
            escape(&node.label),
            node.mentions,
            y + r + 13.0,
            escape(&node.label)
        );
    }
    svg.push_str("</g></svg>");
    svg
}

/// The default link of a node: its actor timeline page.
pub fn timeline_link(node: &Node) -> String {
    format!("/actors/{}", url_component(&node.key))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn node(key: &str, mentions: u64) -> Node {
        Node {
            key: key.into(),
            label: key.into(),
            mentions,
        }
    }

    #[test]
    fn colours_run_from_red_through_grey_to_green() {
        assert_eq!(goldstein_colour(-10.0), "#d32f2f");
        assert_eq!(goldstein_colour(0.0), "#949ca8");
        assert_eq!(goldstein_colour(10.0), "#2ea043");
        assert_eq!(goldstein_colour(f64::NAN), "#949ca8");
    }

    #[test]
    fn layout_is_deterministic_and_on_canvas() {
        let nodes: Vec<Node> = (0..12).map(|i| node(&format!("A{i}"), i + 1)).collect();
        let edges = vec![Edge {
            from: 0,
            to: 1,
            events: 3,
            goldstein: -4.0,
            href: None,
        }];
        let a = layout(&nodes, &edges);
        assert_eq!(a, layout(&nodes, &edges));
        for (x, y) in a {
            assert!((MARGIN..=WIDTH - MARGIN).contains(&x));
            assert!((MARGIN..=HEIGHT - MARGIN).contains(&y));
        }
    }

    #[test]
    fn labels_are_escaped_and_bad_edges_skipped() {
        let nodes = vec![node("<b>", 1)];
        let edges = vec![Edge {
            from: 0,
            to: 7,
            events: 1,
            goldstein: 0.0,
            href: None,
        }];
        let svg = render(&nodes, &edges, timeline_link);
        assert!(svg.contains("&lt;b&gt;") && !svg.contains("<b>"));
        assert!(!svg.contains("<line"));
    }

    #[test]
    fn a_pair_with_events_both_ways_shows_two_separate_lines() {
        let nodes = vec![node("A", 1), node("B", 1)];
        let edge = |from, to, goldstein| Edge {
            from,
            to,
            events: 1,
            goldstein,
            href: None,
        };
        let svg = render(&nodes, &[edge(0, 1, -5.0), edge(1, 0, 5.0)], timeline_link);
        // Each line's end points, in a canonical order: without the shift,
        // A→B and B→A would cover the same segment.
        let number = |l: &str, attr: &str| -> String {
            let at = l.find(&format!(" {attr}=\"")).unwrap() + attr.len() + 3;
            l[at..].split('"').next().unwrap().to_string()
        };
        let lines: Vec<Vec<(String, String)>> = svg
            .split("<line")
            .skip(1)
            .map(|l| {
                let mut ends = vec![
                    (number(l, "x1"), number(l, "y1")),
                    (number(l, "x2"), number(l, "y2")),
                ];
                ends.sort();
                ends
            })
            .collect();
        assert_eq!(lines.len(), 2);
        assert_ne!(lines[0], lines[1]);
    }
}

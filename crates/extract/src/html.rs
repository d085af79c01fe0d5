use model::Article;
use scraper::{ElementRef, Html, Node, Selector};

/// HTML page → article. Baseline: keeps the text of paragraph-like blocks
/// outside navigation, headers, footers, asides, forms and scripts.
pub fn extract_html(html: &str, url: Option<&str>) -> Article {
    let doc = Html::parse_document(html);
    let title = select_text(&doc, "title").map(|t| clean_title(&t));
    let mut paragraphs = Vec::new();
    collect_blocks(doc.root_element(), &mut paragraphs);
    let text = paragraphs.join("\n\n");
    Article {
        url: url.map(str::to_string),
        title,
        language: crate::detect_language(&text),
        text,
        ..Article::default()
    }
}

const SKIP: &[&str] = &[
    "script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe", "svg",
    "button", "select", "template",
];
const BLOCKS: &[&str] = &[
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "blockquote",
    "figcaption",
    "pre",
];

fn collect_blocks(el: ElementRef, out: &mut Vec<String>) {
    // An explicit stack, not recursion: hostile pages nest a million deep.
    let mut stack = vec![el];
    while let Some(el) = stack.pop() {
        let name = el.value().name();
        if SKIP.contains(&name) {
            continue;
        }
        if BLOCKS.contains(&name) {
            let text = normalise_ws(&inline_text(el));
            if !text.is_empty() {
                out.push(text);
            }
            continue;
        }
        let children: Vec<ElementRef> = el.children().filter_map(ElementRef::wrap).collect();
        stack.extend(children.into_iter().rev());
    }
}

fn inline_text(el: ElementRef) -> String {
    let mut s = String::new();
    for node in el.descendants() {
        if let Node::Text(t) = node.value() {
            let skipped = node.ancestors().any(|a| {
                a.value()
                    .as_element()
                    .is_some_and(|e| SKIP.contains(&e.name()))
            });
            if !skipped {
                s.push_str(t);
            }
        }
    }
    s
}

fn normalise_ws(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn select_text(doc: &Html, css: &str) -> Option<String> {
    let sel = Selector::parse(css).ok()?;
    let el = doc.select(&sel).next()?;
    let t = normalise_ws(&el.text().collect::<String>());
    (!t.is_empty()).then_some(t)
}

fn clean_title(t: &str) -> String {
    for sep in [" | ", " - ", " — ", " – "] {
        if let Some(i) = t.rfind(sep) {
            if i > t.len() / 2 {
                return t[..i].trim().to_string();
            }
        }
    }
    t.to_string()
}

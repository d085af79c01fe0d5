//! The article page: the text with entities, quotes and events highlighted,
//! and a sidebar describing each highlight (the click popover shows the
//! same entries).

use super::escape::{escape, url_component};
use super::highlight::{highlight, Annotation};
use super::page::{page, Html, Section};
use model::contract::{OutEvent, OutQuote, OutReference, Output};
use std::fmt::Write;

/// The page for one stored document.
pub fn article_page(out: &Output) -> Html {
    let doc = &out.document;
    let title = doc
        .article
        .title
        .clone()
        .filter(|t| !t.trim().is_empty())
        .unwrap_or_else(|| doc.id.clone());
    let mut html = String::new();
    let _ = write!(html, "<h1 class=\"article-title\">{}</h1>", escape(&title));
    html.push_str(&meta_line(out));
    html.push_str(
        "<div class=\"legend\"><span><i class=\"l-quote\"></i>quote</span>\
         <span><i class=\"l-ent\"></i>entity (colour by type)</span>\
         <span><i class=\"l-event\"></i>event trigger (red conflict, green cooperation)</span>\
         <span>Click a highlight for who said it, the source chain or the event code.</span></div>",
    );
    html.push_str("<div class=\"article-layout\"><article class=\"card\">");
    let _ = write!(
        html,
        "<div class=\"article-text\" id=\"article-text\">{}</div>",
        highlight(doc.text(), &annotations(out))
    );
    html.push_str("</article><aside class=\"annotations\"><div class=\"card\">");
    html.push_str(&quotes_panel(&out.quotes));
    html.push_str(&events_panel(&out.events));
    html.push_str(&entities_panel(out));
    html.push_str(&flags_panel(out));
    let _ = write!(
        html,
        "<h3>Data</h3><p class=\"sub\"><a href=\"/api/documents/{}\">newsgraph/1 JSON</a></p>",
        url_component(&doc.id)
    );
    html.push_str("</div></aside></div>");
    page(Section::Search, &title, &html)
}

fn meta_line(out: &Output) -> String {
    let a = &out.document.article;
    let mut parts: Vec<String> = Vec::new();
    if let Some(p) = a.published {
        parts.push(format!("<span>{p}</span>"));
    }
    if let Some(site) = a.site.as_deref().filter(|s| !s.is_empty()) {
        parts.push(format!("<span>{}</span>", escape(site)));
    }
    if let Some(by) = a.byline.as_deref().filter(|s| !s.is_empty()) {
        parts.push(format!("<span>{}</span>", escape(by)));
    }
    if let Some(url) = a.url.as_deref().filter(|s| !s.is_empty()) {
        // Only web links become links: a stored `javascript:` URL stays text.
        if url.starts_with("https://") || url.starts_with("http://") {
            parts.push(format!(
                "<span><a href=\"{0}\" rel=\"noopener noreferrer nofollow\">{0}</a></span>",
                escape(url)
            ));
        } else {
            parts.push(format!("<span>{}</span>", escape(url)));
        }
    }
    parts.push(format!(
        "<span>id <code>{}</code></span>",
        escape(&out.document.id)
    ));
    format!("<div class=\"meta\">{}</div>", parts.join(""))
}

/// The link for an actor reference: its timeline when it has a CAMEO code,
/// its quotes otherwise.
pub fn actor_href(name: &str, actor: Option<&str>) -> String {
    match actor.filter(|a| !a.is_empty()) {
        Some(code) => format!("/actors/{}", url_component(code)),
        None => format!("/quotes?speaker={}", url_component(name)),
    }
}

fn reference_link(r: &OutReference) -> String {
    format!(
        "<a href=\"{}\">{}</a>",
        escape(&actor_href(&r.name, r.actor.as_deref())),
        escape(&r.name)
    )
}

fn event_tone(goldstein: f64) -> &'static str {
    if goldstein < 0.0 {
        "conflict"
    } else if goldstein > 0.0 {
        "coop"
    } else {
        "neutral"
    }
}

/// A Goldstein value as a coloured, signed number.
pub fn goldstein_html(value: f64) -> String {
    let class = if value < 0.0 {
        "neg"
    } else if value > 0.0 {
        "pos"
    } else {
        "zero"
    };
    format!("<span class=\"gold {class}\" title=\"Goldstein scale\">{value:+.1}</span>")
}

fn via_text(via: &[OutReference]) -> String {
    via.iter()
        .map(|v| v.name.as_str())
        .collect::<Vec<_>>()
        .join(" ← ")
}

fn quote_title(q: &OutQuote) -> String {
    let speaker = q.speaker.as_ref().map_or("unknown speaker", |s| &s.name);
    let mut t = format!("{} quote — {speaker}", q.kind);
    if !q.via.is_empty() {
        let _ = write!(t, " (via {})", via_text(&q.via));
    }
    if let Some(cue) = &q.cue {
        let _ = write!(t, "; cue “{cue}”");
    }
    t
}

fn event_title(e: &OutEvent) -> String {
    let name = |r: &Option<OutReference>| r.as_ref().map_or("?".to_string(), |r| r.name.clone());
    let mut t = format!(
        "event {} (Goldstein {:+.1}): {} → {}, {}",
        e.cameo,
        e.goldstein,
        name(&e.source),
        name(&e.target),
        e.modality
    );
    if let Some(d) = e.date {
        let _ = write!(t, ", {d}");
    }
    if let Some(p) = &e.place {
        let _ = write!(t, ", in {}", p.name);
    }
    t
}

/// Every highlight of the document, with page-unique ids.
fn annotations(out: &Output) -> Vec<Annotation> {
    let mut anns = Vec::new();
    for e in &out.entities {
        let title = match &e.actor {
            Some(a) => format!("{} {} [{a}]", e.kind, e.name),
            None => format!("{} {}", e.kind, e.name),
        };
        for m in &e.mentions {
            anns.push(Annotation {
                start: m.start,
                end: m.end,
                id: e.id.clone(),
                class: format!("ent ent-{}", e.kind.to_ascii_lowercase()),
                title: title.clone(),
            });
        }
    }
    for (i, q) in out.quotes.iter().enumerate() {
        // A quote interrupted by its attribution is highlighted part by
        // part, the cue and speaker between them left plain.
        let whole = [(q.start, q.end)];
        let parts: Vec<(usize, usize)> = q.parts.iter().map(|p| (p.start, p.end)).collect();
        let ranges = if parts.is_empty() {
            &whole[..]
        } else {
            &parts[..]
        };
        for &(start, end) in ranges {
            anns.push(Annotation {
                start,
                end,
                id: format!("q{}", i + 1),
                class: format!("quote quote-{}", q.kind),
                title: quote_title(q),
            });
        }
    }
    for (i, e) in out.events.iter().enumerate() {
        anns.push(Annotation {
            start: e.trigger.start,
            end: e.trigger.end,
            id: format!("v{}", i + 1),
            class: format!("event event-{}", event_tone(e.goldstein)),
            title: event_title(e),
        });
    }
    anns
}

fn excerpt(text: &str, max_chars: usize) -> String {
    if text.chars().count() <= max_chars {
        return text.to_string();
    }
    let mut cut: String = text.chars().take(max_chars).collect();
    cut.push('…');
    cut
}

fn quotes_panel(quotes: &[OutQuote]) -> String {
    let mut html = format!("<h3>Quotes ({})</h3>", quotes.len());
    if quotes.is_empty() {
        html.push_str("<p class=\"empty\">No quotes found.</p>");
        return html;
    }
    html.push_str("<ul class=\"quotes\">");
    for (i, q) in quotes.iter().enumerate() {
        let speaker = match &q.speaker {
            Some(s) => format!(
                "<a class=\"who speaker\" href=\"/quotes?speaker={}\">{}</a>",
                url_component(&s.name),
                escape(&s.name)
            ),
            None => "<span class=\"who muted\">unknown speaker</span>".to_string(),
        };
        let _ = write!(
            html,
            "<li class=\"ann\" id=\"ann-q{}\"><span class=\"pill kind-{kind}\">{kind}</span> {speaker}",
            i + 1,
            kind = escape(&q.kind)
        );
        let mut sub: Vec<String> = Vec::new();
        if let Some(cue) = &q.cue {
            sub.push(format!("cue “{}”", escape(cue)));
        }
        if !q.via.is_empty() {
            let chain: Vec<String> = q.via.iter().map(reference_link).collect();
            sub.push(format!("via {}", chain.join(" ← ")));
        }
        if !sub.is_empty() {
            let _ = write!(html, "<div class=\"sub\">{}</div>", sub.join(" · "));
        }
        let _ = write!(
            html,
            "<div class=\"excerpt\">“{}”</div></li>",
            escape(&excerpt(&q.text, 160))
        );
    }
    html.push_str("</ul>");
    html
}

fn events_panel(events: &[OutEvent]) -> String {
    let mut html = format!("<h3>Events ({})</h3>", events.len());
    if events.is_empty() {
        html.push_str("<p class=\"empty\">No events found.</p>");
        return html;
    }
    html.push_str("<ul class=\"events\">");
    for (i, e) in events.iter().enumerate() {
        let side = |r: &Option<OutReference>| {
            r.as_ref()
                .map_or("<span class=\"muted\">?</span>".to_string(), reference_link)
        };
        let _ = write!(
            html,
            "<li class=\"ann\" id=\"ann-v{}\"><a class=\"pill code\" href=\"/events?code={}\" title=\"CAMEO code\">{}</a> {} {} → {}",
            i + 1,
            url_component(&e.cameo),
            escape(&e.cameo),
            goldstein_html(e.goldstein),
            side(&e.source),
            side(&e.target)
        );
        let mut sub = vec![escape(&e.modality)];
        if let Some(d) = e.date {
            sub.push(d.to_string());
        }
        if let Some(p) = &e.place {
            sub.push(format!("in {}", escape(&p.name)));
        }
        let _ = write!(
            html,
            "<div class=\"sub\">{}</div><div class=\"excerpt\">“{}”</div></li>",
            sub.join(" · "),
            escape(&excerpt(&e.trigger.text, 120))
        );
    }
    html.push_str("</ul>");
    html
}

fn entities_panel(out: &Output) -> String {
    let mut html = format!("<h3>Entities ({})</h3>", out.entities.len());
    if out.entities.is_empty() {
        html.push_str("<p class=\"empty\">No entities found.</p>");
        return html;
    }
    html.push_str("<ul class=\"entities\">");
    for e in &out.entities {
        let link = actor_href(&e.name, e.actor.as_deref());
        let _ = write!(
            html,
            "<li class=\"ann\" id=\"ann-{}\"><span class=\"swatch t-{}\"></span>\
             <a class=\"who\" href=\"{}\">{}</a> <span class=\"sub\">{}{} · {} mention(s)</span></li>",
            escape(&e.id),
            escape(&e.kind),
            escape(&link),
            escape(&e.name),
            escape(&e.kind),
            e.actor
                .as_deref()
                .map(|a| format!(" · {}", escape(a)))
                .unwrap_or_default(),
            e.mentions.len()
        );
    }
    html.push_str("</ul>");
    html
}

fn flags_panel(out: &Output) -> String {
    if out.flags.is_empty() {
        return String::new();
    }
    let mut html = format!("<h3>Check ({})</h3><ul class=\"flags\">", out.flags.len());
    for f in &out.flags {
        let _ = write!(
            html,
            "<li><b>{}</b>: {}",
            escape(&f.kind),
            escape(&f.message)
        );
        // A contradiction's spans are the claim, then the denial: show both.
        if f.kind == "contradiction" {
            if let [claim, denial] = f.spans.as_slice() {
                let _ = write!(
                    html,
                    "<br>claim: <q>{}</q><br>denial: <q>{}</q>",
                    escape(&claim.text),
                    escape(&denial.text)
                );
            }
        }
        html.push_str("</li>");
    }
    html.push_str("</ul>");
    html
}

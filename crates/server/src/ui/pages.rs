//! The UI page handlers: check parameters, run store queries, render.

use super::article::{article_page, goldstein_html};
use super::escape::{escape, url_component};
use super::network::{self, Edge, Node};
use super::page::{page, Html, Section};
use super::PageError;
use crate::api::{
    resolve_actor, stored_document, ContradictionsQuery, EventsQuery, GraphQuery, QuotesQuery,
};
use crate::db::Db;
use crate::params::{self, PageQuery, Params, PathParam};
use axum::extract::State;
use model::contract::OutReference;
use serde::Deserialize;
use std::collections::HashMap;
use std::fmt::Write;
use store::{
    ActorSummary, ContradictionRecord, DocumentRef, EventActor, EventRecord, QuoteRecord, SearchHit,
};

type PageResult = Result<Html, PageError>;

fn document_link(doc: &DocumentRef) -> String {
    let title = doc
        .title
        .as_deref()
        .filter(|t| !t.trim().is_empty())
        .unwrap_or(&doc.id);
    format!(
        "<a class=\"doc-link\" href=\"/documents/{}\">{}</a>",
        url_component(&doc.id),
        escape(title)
    )
}

fn document_meta(doc: &DocumentRef) -> String {
    let mut parts = Vec::new();
    if let Some(p) = doc.published {
        parts.push(format!("<span>{p}</span>"));
    }
    if let Some(site) = doc.site.as_deref().filter(|s| !s.is_empty()) {
        parts.push(format!("<span>{}</span>", escape(site)));
    }
    parts.push(format!("<span>{}</span>", escape(&doc.id)));
    format!("<div class=\"meta\">{}</div>", parts.join(""))
}

/// A page-navigation bar keeping the other query parameters.
fn pager(path: &str, keep: &[(&str, Option<&str>)], page: params::Page, shown: usize) -> String {
    let mut base = String::new();
    for (k, v) in keep {
        if let Some(v) = v.filter(|v| !v.is_empty()) {
            let _ = write!(base, "{k}={}&", url_component(v));
        }
    }
    let mut html = String::from("<div class=\"pager\">");
    if page.offset > 0 {
        let prev = page.offset.saturating_sub(page.limit);
        let _ = write!(
            html,
            "<a href=\"{}\">← Previous</a>",
            escape(&format!("{path}?{base}offset={prev}&limit={}", page.limit))
        );
    }
    if shown == page.limit && page.offset + page.limit <= params::MAX_OFFSET {
        let _ = write!(
            html,
            "<a href=\"{}\">Next →</a>",
            escape(&format!(
                "{path}?{base}offset={}&limit={}",
                page.offset + page.limit,
                page.limit
            ))
        );
    }
    html.push_str("</div>");
    html
}

fn value_attr(v: &Option<String>) -> String {
    escape(v.as_deref().unwrap_or(""))
}

/// A date as a form field's value or a table cell: ISO, or empty.
fn date_value(d: Option<chrono::NaiveDate>) -> String {
    d.map(|d| d.to_string()).unwrap_or_default()
}

/// `items` as a `<ul class="results {class}">` of `item`'s list items, or
/// the `empty` message (HTML) when there are none.
fn results_list<T>(items: &[T], class: &str, empty: &str, item: impl Fn(&T) -> String) -> String {
    if items.is_empty() {
        return format!("<p class=\"empty\">{empty}</p>");
    }
    let mut html = format!("<ul class=\"results {class}\">");
    for i in items {
        html.push_str(&item(i));
    }
    html.push_str("</ul>");
    html
}

/// `GET /`: what the database holds and where to start.
pub async fn home(State(db): State<Db>) -> PageResult {
    let (stats, actors, latest) = db
        .run(|store| {
            Ok((
                store.stats()?,
                store.actors(12)?,
                store.latest_documents(10)?,
            ))
        })
        .await?;
    let mut html = String::from(
        "<h1>newsgraph</h1><p class=\"muted\">Articles read the way an analyst reads them: \
         who is mentioned, who said what (and according to whom), and which political events \
         are reported — each fact pointing at the words that support it.</p>",
    );
    html.push_str("<div class=\"stats\">");
    for (n, label) in [
        (stats.documents, "documents"),
        (stats.stories, "stories"),
        (stats.actors, "actors"),
        (stats.quotes, "quotes"),
        (stats.events, "events"),
        (stats.duplicates, "duplicates"),
    ] {
        let _ = write!(
            html,
            "<div class=\"stat\"><b>{n}</b><span>{label}</span></div>"
        );
    }
    html.push_str("</div>");
    html.push_str(
        "<form class=\"filters\" action=\"/search\" method=\"get\"><label>Search articles\
         <input type=\"search\" name=\"q\" placeholder=\"e.g. talks\" required></label>\
         <button type=\"submit\">Search</button></form>",
    );
    html.push_str("<h2>Latest articles</h2>");
    html.push_str(&results_list(
        &latest,
        "latest",
        "No articles yet: run <code>newsgraph ingest</code>.",
        |doc| {
            format!(
                "<li><div class=\"title\">{}</div>{}</li>",
                document_link(doc),
                document_meta(doc)
            )
        },
    ));
    html.push_str("<h2>Most mentioned actors</h2>");
    html.push_str(&actors_table(&actors));
    html.push_str(
        "<p><a href=\"/graph\">See the actor network →</a> · <a href=\"/quotes\">Browse quotes →</a></p>",
    );
    Ok(page(Section::Home, "Home", &html))
}

/// `GET /documents/{id}`: the article view.
pub async fn document(State(db): State<Db>, PathParam(id): PathParam<String>) -> PageResult {
    let id = params::required_text("id", Some(&id))?;
    let out = db.run(move |store| stored_document(store, &id)).await?;
    Ok(article_page(&out))
}

/// Parameters of `GET /search`.
#[derive(Debug, Deserialize)]
pub struct SearchPageQuery {
    q: Option<String>,
    limit: Option<usize>,
    offset: Option<usize>,
}

fn snippet_html(hit: &SearchHit) -> String {
    let mut html = String::new();
    for part in &hit.snippet {
        if part.hit {
            let _ = write!(html, "<mark>{}</mark>", escape(&part.text));
        } else {
            html.push_str(&escape(&part.text));
        }
    }
    html
}

/// `GET /search?q=`: full-text search results with highlighted snippets.
pub async fn search(State(db): State<Db>, Params(p): Params<SearchPageQuery>) -> PageResult {
    let q = params::text("q", p.q.as_deref())?;
    let page_req = PageQuery {
        limit: p.limit,
        offset: p.offset,
    }
    .check()?;
    let mut html = format!(
        "<h1>Search</h1><form class=\"filters\" action=\"/search\" method=\"get\">\
         <label>Words<input type=\"search\" name=\"q\" value=\"{}\" autofocus></label>\
         <button type=\"submit\">Search</button></form>",
        value_attr(&q)
    );
    let Some(q) = q else {
        html.push_str("<p class=\"empty\">Type some words to search the articles.</p>");
        return Ok(page(Section::Search, "Search", &html));
    };
    let query = q.clone();
    let hits = db
        .run(move |store| Ok(store.search(&query, page_req.limit, page_req.offset)?))
        .await?;
    let empty = format!("No article matches “{}”.", escape(&q));
    html.push_str(&results_list(&hits, "search-results", &empty, |hit| {
        let copies = if hit.story_documents > 1 {
            format!(
                " <span class=\"pill\">{} copies</span>",
                hit.story_documents - 1
            )
        } else {
            String::new()
        };
        format!(
            "<li><div class=\"title\">{}{copies}</div>{}<div class=\"snippet\">{}</div></li>",
            document_link(&hit.document),
            document_meta(&hit.document),
            snippet_html(hit)
        )
    }));
    html.push_str(&pager("/search", &[("q", Some(&q))], page_req, hits.len()));
    Ok(page(Section::Search, &format!("Search: {q}"), &html))
}

/// The chain a claim came through, nearest first, as escaped names
/// ("CNN ← U.S. officials").
fn via_names(via: &[OutReference]) -> String {
    let names: Vec<String> = via.iter().map(|v| escape(&v.name)).collect();
    names.join(" ← ")
}

fn quote_item(q: &QuoteRecord) -> String {
    let speaker = match &q.speaker {
        Some(s) => format!(
            "<a class=\"who speaker\" href=\"/quotes?speaker={}\">{}</a>",
            url_component(s),
            escape(s)
        ),
        None => "<span class=\"who muted\">unknown speaker</span>".to_string(),
    };
    let timeline = q
        .speaker_actor
        .map(|id| format!(" · <a href=\"/actors/{id}\">timeline</a>"))
        .unwrap_or_default();
    let via = if q.via.is_empty() {
        String::new()
    } else {
        format!(" · via {}", via_names(&q.via))
    };
    let cue = q
        .cue
        .as_deref()
        .map(|c| format!(" · cue “{}”", escape(c)))
        .unwrap_or_default();
    format!(
        "<li class=\"quote-item\"><span class=\"pill kind-{kind}\">{kind}</span> {speaker}\
         <span class=\"muted\">{cue}{via}{timeline}</span>\
         <blockquote class=\"quote-text\">“{}”</blockquote>\
         <div class=\"meta\">in {} {}</div></li>",
        escape(&q.text),
        document_link(&q.document),
        q.document
            .published
            .map(|d| format!("· {d}"))
            .unwrap_or_default(),
        kind = escape(&q.kind),
    )
}

/// `GET /quotes?speaker=&q=`: quotes by speaker and/or words.
pub async fn quotes(State(db): State<Db>, Params(p): Params<QuotesQuery>) -> PageResult {
    let filter = p.filter()?;
    let page_req = params::Page {
        limit: filter.limit,
        offset: filter.offset,
    };
    let speaker = filter.speaker.clone();
    let words = filter.words.clone();
    let lookup = speaker.clone();
    let (quotes, actors) = db
        .run(move |store| {
            let actors = match &lookup {
                Some(name) => store.find_actors(name)?,
                None => Vec::new(),
            };
            Ok((store.quotes(&filter)?, actors))
        })
        .await?;
    let title = match &speaker {
        Some(s) => format!("Quotes by {s}"),
        None => "Quotes".to_string(),
    };
    let mut html = format!(
        "<h1>{}</h1><form class=\"filters\" action=\"/quotes\" method=\"get\">\
         <label>Speaker<input type=\"text\" name=\"speaker\" value=\"{}\" placeholder=\"name or surname\"></label>\
         <label>Words in the quote<input type=\"search\" name=\"q\" value=\"{}\"></label>\
         <button type=\"submit\">Find quotes</button></form>",
        escape(&title),
        value_attr(&speaker),
        value_attr(&words)
    );
    if let Some(actor) = actors.first() {
        let _ = write!(
            html,
            "<div class=\"card actor-card\"><span class=\"swatch t-{}\"></span><b>{}</b> \
             <span class=\"muted\">{}{} · {} mention(s) in {} stories</span> · \
             <a href=\"/actors/{id}\">timeline of events</a> · \
             <a class=\"graph-link\" href=\"/graph?focus={id}\">actor network</a></div>",
            escape(&actor.kind),
            escape(&actor.name),
            escape(&actor.kind),
            actor
                .code
                .as_deref()
                .map(|c| format!(" · {}", escape(c)))
                .unwrap_or_default(),
            actor.mentions,
            actor.documents,
            id = actor.actor_id
        );
    }
    html.push_str(&results_list(
        &quotes,
        "quotes-list",
        "No quotes found.",
        quote_item,
    ));
    html.push_str(&pager(
        "/quotes",
        &[("speaker", speaker.as_deref()), ("q", words.as_deref())],
        page_req,
        quotes.len(),
    ));
    Ok(page(Section::Quotes, &title, &html))
}

fn side_html(side: &Option<EventActor>) -> String {
    match side {
        Some(a) => {
            let href = match (a.actor, a.code.as_deref()) {
                (Some(id), _) => format!("/actors/{id}"),
                (None, _) => format!("/actors/{}", url_component(&a.name)),
            };
            let code = a
                .code
                .as_deref()
                .map(|c| format!(" <span class=\"muted\">{}</span>", escape(c)))
                .unwrap_or_default();
            format!(
                "<a href=\"{}\">{}</a>{code}",
                escape(&href),
                escape(&a.name)
            )
        }
        None => "<span class=\"muted\">?</span>".to_string(),
    }
}

fn events_table(events: &[EventRecord]) -> String {
    if events.is_empty() {
        return "<p class=\"empty\">No events found.</p>".to_string();
    }
    let mut html = String::from(
        "<table class=\"data events-table\"><thead><tr><th>Date</th><th>Code</th><th>Goldstein</th>\
         <th>Source</th><th>Target</th><th>Evidence</th></tr></thead><tbody>",
    );
    for e in events {
        let _ = write!(
            html,
            "<tr><td>{}</td><td><span class=\"pill code\">{}</span></td><td class=\"num\">{}</td>\
             <td>{}</td><td>{}</td><td>{}<div class=\"muted\">{} · {}</div></td></tr>",
            e.day.map(|d| d.to_string()).unwrap_or_default(),
            escape(&e.cameo),
            goldstein_html(e.goldstein),
            side_html(&e.source),
            side_html(&e.target),
            escape(&e.sentence),
            escape(&e.modality),
            document_link(&e.document)
        );
    }
    html.push_str("</tbody></table>");
    html
}

/// `GET /events`: events by actor, target, code, dates and place.
pub async fn events(State(db): State<Db>, Params(p): Params<EventsQuery>) -> PageResult {
    let filter = p.filter()?;
    let page_req = params::Page {
        limit: filter.limit,
        offset: filter.offset,
    };
    let shown = filter.clone();
    let events = db.run(move |store| Ok(store.events(&filter)?)).await?;
    let mut html = format!(
        "<h1>Events</h1><form class=\"filters\" action=\"/events\" method=\"get\">\
         <label>Actor code<input type=\"text\" name=\"actor\" value=\"{}\" placeholder=\"USA\"></label>\
         <label>Target code<input type=\"text\" name=\"target\" value=\"{}\"></label>\
         <label>CAMEO prefix<input type=\"text\" name=\"code\" value=\"{}\" placeholder=\"04\"></label>\
         <label>From<input type=\"date\" name=\"from\" value=\"{}\"></label>\
         <label>To<input type=\"date\" name=\"to\" value=\"{}\"></label>\
         <label>Place<input type=\"text\" name=\"place\" value=\"{}\"></label>\
         <button type=\"submit\">Filter</button></form>",
        value_attr(&shown.actor),
        value_attr(&shown.target),
        value_attr(&shown.code_prefix),
        date_value(shown.date_from),
        date_value(shown.date_to),
        value_attr(&shown.place),
    );
    html.push_str(&events_table(&events));
    let (from, to) = (date_value(shown.date_from), date_value(shown.date_to));
    html.push_str(&pager(
        "/events",
        &[
            ("actor", shown.actor.as_deref()),
            ("target", shown.target.as_deref()),
            ("code", shown.code_prefix.as_deref()),
            ("from", Some(&from)),
            ("to", Some(&to)),
            ("place", shown.place.as_deref()),
        ],
        page_req,
        events.len(),
    ));
    Ok(page(Section::Search, "Events", &html))
}

/// The codes an actor's mentions got, each with its mentions ("USAGOV 120
/// · SYRGOV 1"); the actor's one code when none were counted.
fn codes_cell(a: &ActorSummary) -> String {
    if a.codes.is_empty() {
        return escape(a.code.as_deref().unwrap_or(""));
    }
    a.codes
        .iter()
        .map(|c| {
            format!(
                "{} <span class=\"muted\">{}</span>",
                escape(&c.code),
                c.mentions
            )
        })
        .collect::<Vec<_>>()
        .join(" · ")
}

fn actors_table(actors: &[ActorSummary]) -> String {
    if actors.is_empty() {
        return "<p class=\"empty\">No actors yet.</p>".to_string();
    }
    let mut html = String::from(
        "<table class=\"data actors-table\"><thead><tr><th>Actor</th><th>Type</th><th>Code</th>\
         <th class=\"num\">Mentions</th><th class=\"num\">Stories</th><th></th></tr></thead><tbody>",
    );
    for a in actors {
        let _ = write!(
            html,
            "<tr><td><span class=\"swatch t-{kind}\"></span><a href=\"/actors/{id}\">{}</a></td>\
             <td>{kind}</td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>\
             <td><a href=\"/quotes?speaker={}\">quotes</a> · <a href=\"/graph?focus={id}\">network</a></td></tr>",
            escape(&a.name),
            codes_cell(a),
            a.mentions,
            a.documents,
            url_component(&a.name),
            kind = escape(&a.kind),
            id = a.actor_id,
        );
    }
    html.push_str("</tbody></table>");
    html
}

/// Parameters of `GET /actors`.
#[derive(Debug, Deserialize)]
pub struct ActorsPageQuery {
    q: Option<String>,
}

/// `GET /actors`: the most mentioned actors, or those matching `q`.
pub async fn actors(State(db): State<Db>, Params(p): Params<ActorsPageQuery>) -> PageResult {
    let q = params::text("q", p.q.as_deref())?;
    let lookup = q.clone();
    let actors = db
        .run(move |store| {
            Ok(match &lookup {
                Some(q) => store.find_actors(q)?,
                None => store.actors(200)?,
            })
        })
        .await?;
    let mut html = format!(
        "<h1>Actors</h1><form class=\"filters\" action=\"/actors\" method=\"get\">\
         <label>Name, surname or code<input type=\"search\" name=\"q\" value=\"{}\"></label>\
         <button type=\"submit\">Find</button></form>",
        value_attr(&q)
    );
    html.push_str(&actors_table(&actors));
    Ok(page(Section::Actors, "Actors", &html))
}

/// Parameters of `GET /actors/{actor}`.
#[derive(Debug, Deserialize)]
pub struct TimelinePageQuery {
    limit: Option<usize>,
}

/// A strip chart of Goldstein values over the timeline's days.
fn goldstein_strip(events: &[EventRecord]) -> String {
    let days: Vec<(chrono::NaiveDate, f64)> = events
        .iter()
        .filter_map(|e| e.day.map(|d| (d, e.goldstein)))
        .collect();
    let (Some(first), Some(last)) = (days.first(), days.last()) else {
        return String::new();
    };
    let days_apart = (last.0 - first.0).num_days();
    let span = days_apart.max(1) as f64;
    let (w, h, pad) = (1000.0, 90.0, 24.0);
    let mut svg = format!(
        "<svg class=\"strip\" viewBox=\"0 0 {w} {h}\" preserveAspectRatio=\"none\" role=\"img\" \
         aria-label=\"Goldstein values over time\"><line class=\"axis\" x1=\"{pad}\" y1=\"{mid}\" x2=\"{x2}\" y2=\"{mid}\"/>",
        mid = h / 2.0,
        x2 = w - pad
    );
    for (d, g) in &days {
        // One day only: in the middle rather than at the left edge.
        let x = if days_apart == 0 {
            w / 2.0
        } else {
            pad + (w - 2.0 * pad) * (*d - first.0).num_days() as f64 / span
        };
        let y = h / 2.0 - (g / 10.0).clamp(-1.0, 1.0) * (h / 2.0 - 8.0);
        let _ = write!(
            svg,
            "<circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"5\" fill=\"{}\"><title>{d}: {g:+.1}</title></circle>",
            network::goldstein_colour(*g)
        );
    }
    let _ = write!(
        svg,
        "<text x=\"{pad}\" y=\"{}\" font-size=\"11\" fill=\"#616e7c\">{}</text>\
         <text x=\"{}\" y=\"{}\" font-size=\"11\" fill=\"#616e7c\" text-anchor=\"end\">{}</text></svg>",
        h - 4.0,
        first.0,
        w - pad,
        h - 4.0,
        last.0
    );
    svg
}

/// `GET /actors/{actor}`: one actor's events in date order, and their quotes.
pub async fn timeline(
    State(db): State<Db>,
    PathParam(key): PathParam<String>,
    Params(p): Params<TimelinePageQuery>,
) -> PageResult {
    let key = params::required_text("actor", Some(&key))?;
    let page_req = PageQuery {
        limit: Some(p.limit.unwrap_or(200)),
        offset: None,
    }
    .check()?;
    let (actor, events, quotes) = db
        .run(move |store| {
            let actor = resolve_actor(store, &key)?;
            let events = store.timeline(actor.actor_id, page_req.limit)?;
            let quotes = store.quotes(&store::QuoteFilter {
                speaker_actor: Some(actor.actor_id),
                limit: 20,
                ..store::QuoteFilter::default()
            })?;
            Ok((actor, events, quotes))
        })
        .await?;
    let mut html = format!(
        "<h1>{}</h1><div class=\"meta\"><span>{}</span>{}<span>{} mention(s)</span>\
         <span>{} stories</span><span><a href=\"/graph?focus={id}\">actor network</a></span>\
         <span><a href=\"/api/timeline/{id}\">JSON</a></span></div>",
        escape(&actor.name),
        escape(&actor.kind),
        actor
            .code
            .as_deref()
            .map(|c| format!("<span>{}</span>", escape(c)))
            .unwrap_or_default(),
        actor.mentions,
        actor.documents,
        id = actor.actor_id
    );
    if !actor.codes.is_empty() {
        let _ = write!(
            html,
            "<p class=\"actor-codes\"><b>Codes</b> <span class=\"muted\">(mentions)</span> {}</p>",
            codes_cell(&actor)
        );
    }
    if !actor.names.is_empty() {
        let names: Vec<String> = actor
            .names
            .iter()
            .map(|n| {
                format!(
                    "<span class=\"spelling\">{}</span> <span class=\"muted\">{}</span>",
                    escape(&n.name),
                    n.mentions
                )
            })
            .collect();
        let _ = write!(
            html,
            "<p class=\"actor-names\"><b>Seen as</b> {}</p>",
            names.join(" · ")
        );
    }
    let _ = write!(html, "<h2>Timeline of events ({})</h2>", events.len());
    html.push_str(&goldstein_strip(&events));
    if events.is_empty() {
        html.push_str("<p class=\"empty\">No events involve this actor.</p>");
    } else {
        html.push_str("<ol class=\"timeline\">");
        for e in &events {
            let tone = if e.goldstein < 0.0 {
                "neg"
            } else if e.goldstein > 0.0 {
                "pos"
            } else {
                "zero"
            };
            let _ = write!(
                html,
                "<li class=\"{tone}\"><div class=\"when\">{}</div>\
                 <div class=\"what\"><span class=\"pill code\">{}</span> {} {} → {}</div>\
                 <div>{}</div><div class=\"meta\">{} · {}</div></li>",
                e.day
                    .map(|d| d.to_string())
                    .unwrap_or_else(|| "date unknown".to_string()),
                escape(&e.cameo),
                goldstein_html(e.goldstein),
                side_html(&e.source),
                side_html(&e.target),
                escape(&e.sentence),
                escape(&e.modality),
                document_link(&e.document)
            );
        }
        html.push_str("</ol>");
    }
    let _ = write!(html, "<h2>Quotes ({})</h2>", quotes.len());
    html.push_str(&results_list(
        &quotes,
        "quotes-list",
        "No quotes attributed to this actor.",
        quote_item,
    ));
    Ok(page(Section::Actors, &actor.name, &html))
}

/// Parameters of `GET /graph`.
#[derive(Debug, Deserialize)]
pub struct GraphPageQuery {
    from: Option<String>,
    to: Option<String>,
    limit: Option<usize>,
    focus: Option<i64>,
}

/// `GET /graph`: the actor network with a date filter.
pub async fn graph(State(db): State<Db>, Params(p): Params<GraphPageQuery>) -> PageResult {
    let check = GraphQuery {
        from: p.from.clone(),
        to: p.to.clone(),
        limit: p.limit,
    };
    let (from, to, limit) = check.check()?;
    let graph = db
        .run(move |store| Ok(store.actor_graph(from, to, limit)?))
        .await?;
    let index: HashMap<i64, usize> = graph
        .nodes
        .iter()
        .enumerate()
        .map(|(i, n)| (n.actor_id, i))
        .collect();
    let nodes: Vec<Node> = graph
        .nodes
        .iter()
        .map(|a| Node {
            key: a.actor_id.to_string(),
            label: a.name.clone(),
            mentions: a.mentions,
        })
        .collect();
    // An edge between two coded actors (countries) opens their events, with
    // the evidence sentences, for the same dates.
    let events_href = |source: i64, target: i64| -> Option<String> {
        let code = |id: i64| index.get(&id).and_then(|&i| graph.nodes[i].code.clone());
        let (s, t) = (code(source)?, code(target)?);
        let mut href = format!(
            "/events?actor={}&target={}",
            url_component(&s),
            url_component(&t)
        );
        if let Some(d) = from {
            let _ = write!(href, "&from={d}");
        }
        if let Some(d) = to {
            let _ = write!(href, "&to={d}");
        }
        Some(href)
    };
    let edges: Vec<Edge> = graph
        .edges
        .iter()
        .filter_map(|e| {
            Some(Edge {
                from: *index.get(&e.source)?,
                to: *index.get(&e.target)?,
                events: e.events,
                goldstein: e.mean_goldstein,
                href: events_href(e.source, e.target),
            })
        })
        .collect();
    let mut html = format!(
        "<h1>Actor network</h1><p class=\"muted\">Who acted on whom: nodes are sized by mentions, \
         lines are as thick as the number of events and coloured by their mean Goldstein value. \
         Countries count their officials, forces and people. Click an actor for its page, a line \
         between two countries for its events.</p>\
         <form class=\"filters\" action=\"/graph\" method=\"get\">\
         <label>From<input type=\"date\" name=\"from\" value=\"{}\"></label>\
         <label>To<input type=\"date\" name=\"to\" value=\"{}\"></label>\
         <button type=\"submit\">Apply dates</button> <a href=\"/graph\">reset</a></form>\
         <div class=\"scale\"><span>conflict −10</span><span class=\"bar\"></span><span>+10 cooperation</span></div>",
        date_value(from),
        date_value(to)
    );
    if nodes.is_empty() {
        html.push_str("<p class=\"empty\">No events between known actors in this period.</p>");
    } else {
        let svg = network::render(&nodes, &edges, network::timeline_link);
        let svg = match p.focus {
            // Mark the focused actor (its key is a number, so no escaping issue).
            Some(id) => svg.replace(
                &format!("class=\"node\" data-actor=\"{id}\""),
                &format!("class=\"node focus\" data-actor=\"{id}\""),
            ),
            None => svg,
        };
        let _ = write!(html, "<div class=\"network-wrap\">{svg}</div>");
        let _ = write!(
            html,
            "<h2>Pairs ({})</h2><table class=\"data pairs-table\"><thead><tr><th>Source</th><th>Target</th>\
             <th class=\"num\">Events</th><th class=\"num\">Mean Goldstein</th><th>First</th><th>Last</th><th></th></tr></thead><tbody>",
            graph.edges.len()
        );
        for e in &graph.edges {
            let name = |id: i64| {
                index
                    .get(&id)
                    .map(|&i| escape(&graph.nodes[i].name))
                    .unwrap_or_else(|| id.to_string())
            };
            let _ = write!(
                html,
                "<tr><td><a href=\"/actors/{}\">{}</a></td><td><a href=\"/actors/{}\">{}</a></td>\
                 <td class=\"num\">{}</td><td class=\"num\">{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                e.source,
                name(e.source),
                e.target,
                name(e.target),
                e.events,
                goldstein_html(e.mean_goldstein),
                date_value(e.first),
                date_value(e.last),
                events_href(e.source, e.target)
                    .map(|h| format!("<a class=\"pair-events\" href=\"{}\">events</a>", escape(&h)))
                    .unwrap_or_default()
            );
        }
        html.push_str("</tbody></table>");
    }
    Ok(page(Section::Network, "Actor network", &html))
}

/// One claim and its denial, side by side.
fn contradiction_item(c: &ContradictionRecord) -> String {
    let outlet = |d: &DocumentRef| {
        let mut parts = Vec::new();
        if let Some(site) = d.site.as_deref().filter(|s| !s.is_empty()) {
            parts.push(escape(site));
        }
        if let Some(day) = d.published {
            parts.push(day.to_string());
        }
        parts.push(document_link(d));
        parts.join(" · ")
    };
    let claimant = match &c.claim.speaker {
        Some(s) => format!("<span class=\"who\">{}</span>", escape(s)),
        None => "<span class=\"who muted\">the article</span>".to_string(),
    };
    let via = if c.claim.via.is_empty() {
        String::new()
    } else {
        format!(" via {}", via_names(&c.claim.via))
    };
    let denier = c.denial.denier.as_deref().unwrap_or("someone");
    format!(
        "<li class=\"contradiction-item\"><div class=\"pair\">\
         <div class=\"claim\"><div class=\"label\">Claim <span class=\"pill code\">{cameo}</span></div>\
         <blockquote class=\"claim-text\">“{}”</blockquote>\
         <div class=\"muted\">{claimant}{via}</div><div class=\"meta\">{}</div></div>\
         <div class=\"denial\"><div class=\"label\">Denial</div>\
         <blockquote class=\"denial-text\">“{}”</blockquote>\
         <div class=\"muted\"><span class=\"who denier\">{}</span> <span class=\"pill code\">{}</span></div>\
         <div class=\"meta\">{}</div></div></div>\
         <div class=\"reason muted\">{}</div></li>",
        escape(&c.claim.text),
        outlet(&c.claim.document),
        escape(&c.denial.text),
        escape(denier),
        escape(&c.denial.denier_code),
        outlet(&c.denial.document),
        escape(&c.reason),
        cameo = escape(&c.claim.cameo),
    )
}

/// `GET /contradictions`: claims in one story beside their denials in another.
pub async fn contradictions(
    State(db): State<Db>,
    Params(p): Params<ContradictionsQuery>,
) -> PageResult {
    let filter = p.filter()?;
    let page_req = params::Page {
        limit: filter.limit,
        offset: filter.offset,
    };
    let shown = filter.clone();
    let found = db
        .run(move |store| Ok(store.contradictions(&filter)?))
        .await?;
    let mut html = format!(
        "<h1>Claims and denials</h1><p class=\"muted\">A claim reported in one story beside its \
         denial in another: the denier is a party to the claim, the two concern the same kind \
         of event between the same countries, and the denial came at most {} days later.</p>\
         <form class=\"filters\" action=\"/contradictions\" method=\"get\">\
         <label>Country code<input type=\"text\" name=\"actor\" value=\"{}\" placeholder=\"CHN\"></label>\
         <label>From<input type=\"date\" name=\"from\" value=\"{}\"></label>\
         <label>To<input type=\"date\" name=\"to\" value=\"{}\"></label>\
         <button type=\"submit\">Filter</button></form>",
        store::CONTRADICTION_WINDOW_DAYS,
        value_attr(&shown.actor),
        date_value(shown.date_from),
        date_value(shown.date_to),
    );
    html.push_str(&results_list(
        &found,
        "contradictions-list",
        "No claim in the record is denied in another story.",
        contradiction_item,
    ));
    let (from, to) = (date_value(shown.date_from), date_value(shown.date_to));
    html.push_str(&pager(
        "/contradictions",
        &[
            ("actor", shown.actor.as_deref()),
            ("from", Some(&from)),
            ("to", Some(&to)),
        ],
        page_req,
        found.len(),
    ));
    Ok(page(Section::Contradictions, "Claims and denials", &html))
}

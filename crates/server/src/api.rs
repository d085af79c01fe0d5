//! The JSON API handlers: check parameters, run one store query, return
//! JSON. See `openapi.json` for the contract.

use crate::db::Db;
use crate::error::{ApiError, ApiResult};
use crate::params::{self, PageQuery, Params, PathParam};
use axum::extract::State;
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use axum::Json;
use model::contract::Output;
use serde::Deserialize;
use serde_json::{json, Value};
use store::{ActorSummary, ContradictionFilter, EventFilter, QuoteFilter, Store};

/// `GET /openapi.json`.
pub async fn openapi() -> Response {
    let mut response = crate::OPENAPI.into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    response
}

/// Any route that does not exist.
pub async fn not_found() -> ApiError {
    ApiError::NotFound("no such page or API route (see /openapi.json)".to_string())
}

/// `GET /api/documents/{id}`: the stored newsgraph/1 object.
pub async fn document(
    State(db): State<Db>,
    PathParam(id): PathParam<String>,
) -> ApiResult<Response> {
    let id = params::required_text("id", Some(&id))?;
    let out = db.run(move |store| stored_document(store, &id)).await?;
    Ok(Json(out).into_response())
}

/// The stored newsgraph/1 object of document `id`, or a 404 naming it.
pub fn stored_document(store: &Store, id: &str) -> Result<Output, ApiError> {
    store.document(id)?.ok_or_else(|| no_document(id))
}

/// The 404 of a document id that is not stored.
fn no_document(id: &str) -> ApiError {
    ApiError::NotFound(format!("no document with id {id:?}"))
}

/// `GET /api/stories/{id}`: the near-duplicate group of a document.
pub async fn story(State(db): State<Db>, PathParam(id): PathParam<String>) -> ApiResult<Response> {
    let id = params::required_text("id", Some(&id))?;
    let story = db
        .run(move |store| store.story(&id)?.ok_or_else(|| no_document(&id)))
        .await?;
    Ok(Json(story).into_response())
}

/// Parameters of `GET /api/search`.
#[derive(Debug, Deserialize)]
pub struct SearchQuery {
    q: Option<String>,
    limit: Option<usize>,
    offset: Option<usize>,
}

/// Query structs with `limit` and `offset` fields (not flattened: serde's
/// flatten loses the string-to-number conversion of query strings).
macro_rules! paged {
    ($($t:ty),*) => {$(
        impl $t {
            /// The page these parameters ask for, unchecked.
            pub fn page(&self) -> PageQuery {
                PageQuery { limit: self.limit, offset: self.offset }
            }
        }
    )*};
}
paged!(SearchQuery, QuotesQuery, EventsQuery, ContradictionsQuery);

/// `GET /api/search`: full-text search, one hit per story.
pub async fn search(
    State(db): State<Db>,
    Params(p): Params<SearchQuery>,
) -> ApiResult<Json<Value>> {
    let q = params::required_text("q", p.q.as_deref())?;
    let page = p.page().check()?;
    let query = q.clone();
    let hits = db
        .run(move |store| Ok(store.search(&query, page.limit, page.offset)?))
        .await?;
    Ok(Json(json!({"query": q, "results": hits})))
}

/// Parameters of `GET /api/quotes`.
#[derive(Debug, Deserialize)]
pub struct QuotesQuery {
    speaker: Option<String>,
    q: Option<String>,
    limit: Option<usize>,
    offset: Option<usize>,
}

impl QuotesQuery {
    /// The store filter these parameters ask for.
    pub fn filter(&self) -> Result<QuoteFilter, ApiError> {
        let page = self.page().check()?;
        Ok(QuoteFilter {
            speaker: params::text("speaker", self.speaker.as_deref())?,
            speaker_actor: None,
            words: params::text("q", self.q.as_deref())?,
            limit: page.limit,
            offset: page.offset,
        })
    }
}

/// `GET /api/quotes`: quotes by speaker and/or words.
pub async fn quotes(
    State(db): State<Db>,
    Params(p): Params<QuotesQuery>,
) -> ApiResult<Json<Value>> {
    let filter = p.filter()?;
    let quotes = db.run(move |store| Ok(store.quotes(&filter)?)).await?;
    Ok(Json(json!({"quotes": quotes})))
}

/// Parameters of `GET /api/events`.
#[derive(Debug, Deserialize)]
pub struct EventsQuery {
    actor: Option<String>,
    target: Option<String>,
    code: Option<String>,
    from: Option<String>,
    to: Option<String>,
    place: Option<String>,
    limit: Option<usize>,
    offset: Option<usize>,
}

impl EventsQuery {
    /// The store filter these parameters ask for.
    pub fn filter(&self) -> Result<EventFilter, ApiError> {
        let page = self.page().check()?;
        let (date_from, date_to) = params::date_range(self.from.as_deref(), self.to.as_deref())?;
        Ok(EventFilter {
            actor: params::text("actor", self.actor.as_deref())?,
            target: params::text("target", self.target.as_deref())?,
            code_prefix: params::cameo_prefix(self.code.as_deref())?,
            date_from,
            date_to,
            place: params::text("place", self.place.as_deref())?,
            limit: page.limit,
            offset: page.offset,
            ..EventFilter::default()
        })
    }
}

/// `GET /api/events`: events by actor, target, code prefix, dates, place.
pub async fn events(
    State(db): State<Db>,
    Params(p): Params<EventsQuery>,
) -> ApiResult<Json<Value>> {
    let filter = p.filter()?;
    let events = db.run(move |store| Ok(store.events(&filter)?)).await?;
    Ok(Json(json!({"events": events})))
}

/// Parameters of `GET /api/graph`.
#[derive(Debug, Deserialize)]
pub struct GraphQuery {
    /// Earliest day, `YYYY-MM-DD`.
    pub from: Option<String>,
    /// Latest day, `YYYY-MM-DD`.
    pub to: Option<String>,
    /// Most active pairs to return.
    pub limit: Option<usize>,
}

/// Most actor pairs a graph request may ask for.
pub const MAX_GRAPH_EDGES: usize = 500;
/// Actor pairs drawn when the client does not say.
pub const DEFAULT_GRAPH_EDGES: usize = 200;

impl GraphQuery {
    /// Checked (from, to, limit).
    pub fn check(
        &self,
    ) -> Result<(Option<chrono::NaiveDate>, Option<chrono::NaiveDate>, usize), ApiError> {
        let (from, to) = params::date_range(self.from.as_deref(), self.to.as_deref())?;
        let limit = self.limit.unwrap_or(DEFAULT_GRAPH_EDGES);
        if limit == 0 || limit > MAX_GRAPH_EDGES {
            return Err(ApiError::BadRequest(format!(
                "limit must be between 1 and {MAX_GRAPH_EDGES}"
            )));
        }
        Ok((from, to, limit))
    }
}

/// `GET /api/graph`: actor pairs with counts and mean Goldstein.
pub async fn graph(State(db): State<Db>, Params(p): Params<GraphQuery>) -> ApiResult<Response> {
    let (from, to, limit) = p.check()?;
    let graph = db
        .run(move |store| Ok(store.actor_graph(from, to, limit)?))
        .await?;
    Ok(Json(graph).into_response())
}

/// Parameters of `GET /api/timeline/{actor}`.
#[derive(Debug, Deserialize)]
pub struct TimelineQuery {
    limit: Option<usize>,
}

/// Resolves an actor given as a numeric id, a CAMEO code or a name (full
/// name or surname) to the most mentioned matching actor.
pub fn resolve_actor(store: &Store, key: &str) -> Result<ActorSummary, ApiError> {
    let found = match key.parse::<i64>() {
        Ok(id) => store.actor(id)?,
        Err(_) => store.find_actors(key)?.into_iter().next(),
    };
    found.ok_or_else(|| ApiError::NotFound(format!("no actor {key:?}")))
}

/// `GET /api/timeline/{actor}`: events involving one actor, in date order.
pub async fn timeline(
    State(db): State<Db>,
    PathParam(actor): PathParam<String>,
    Params(p): Params<TimelineQuery>,
) -> ApiResult<Json<Value>> {
    let key = params::required_text("actor", Some(&actor))?;
    let page = PageQuery {
        limit: p.limit,
        offset: None,
    }
    .check()?;
    let (actor, events) = db
        .run(move |store| {
            let actor = resolve_actor(store, &key)?;
            let events = store.timeline(actor.actor_id, page.limit)?;
            Ok((actor, events))
        })
        .await?;
    Ok(Json(json!({"actor": actor, "events": events})))
}

/// Parameters of `GET /api/actors`.
#[derive(Debug, Deserialize)]
pub struct ActorsQuery {
    q: Option<String>,
    limit: Option<usize>,
}

/// `GET /api/actors`: most mentioned first, or those matching `q`.
pub async fn actors(
    State(db): State<Db>,
    Params(p): Params<ActorsQuery>,
) -> ApiResult<Json<Value>> {
    let q = params::text("q", p.q.as_deref())?;
    let page = PageQuery {
        limit: p.limit,
        offset: None,
    }
    .check()?;
    let actors = db
        .run(move |store| {
            Ok(match &q {
                Some(q) => {
                    let mut found = store.find_actors(q)?;
                    found.truncate(page.limit);
                    found
                }
                None => store.actors(page.limit)?,
            })
        })
        .await?;
    Ok(Json(json!({"actors": actors})))
}

/// `GET /api/stats`: counts of what the database holds.
pub async fn stats(State(db): State<Db>) -> ApiResult<Response> {
    let stats = db.run(|store| Ok(store.stats()?)).await?;
    Ok(Json(stats).into_response())
}

/// Parameters of `GET /api/contradictions`.
#[derive(Debug, Deserialize)]
pub struct ContradictionsQuery {
    actor: Option<String>,
    from: Option<String>,
    to: Option<String>,
    limit: Option<usize>,
    offset: Option<usize>,
}

impl ContradictionsQuery {
    /// The store filter these parameters ask for.
    pub fn filter(&self) -> Result<ContradictionFilter, ApiError> {
        let page = self.page().check()?;
        let (date_from, date_to) = params::date_range(self.from.as_deref(), self.to.as_deref())?;
        Ok(ContradictionFilter {
            actor: params::text("actor", self.actor.as_deref())?,
            date_from,
            date_to,
            limit: page.limit,
            offset: page.offset,
        })
    }
}

/// `GET /api/contradictions`: claims in one story paired with their
/// denials in another, latest denial first.
pub async fn contradictions(
    State(db): State<Db>,
    Params(p): Params<ContradictionsQuery>,
) -> ApiResult<Json<Value>> {
    let filter = p.filter()?;
    let found = db
        .run(move |store| Ok(store.contradictions(&filter)?))
        .await?;
    Ok(Json(json!({"contradictions": found})))
}

//! What the event tests that code sentences of their own share: run the
//! coder on a text and read back its facts.

// Each test file uses the part it needs; the rest is unused there.
#![allow(dead_code)]

use events::EventCoder;
use model::{Analysis, Document, Entity, EntityType, Reference, Span};

/// One coded fact, as the tests compare it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fact {
    /// The source's actor code, empty when it has none.
    pub source: String,
    /// The target's actor code, empty when it has none.
    pub target: String,
    /// The CAMEO code.
    pub cameo: String,
    /// Byte offset where the fact's sentence starts.
    pub sentence_start: usize,
}

/// The facts (events that are not negated, conditional or hypothetical)
/// the coder finds in `text`, given `entities` as the entity stage would.
pub fn facts_with(text: &str, entities: Vec<Entity>) -> Vec<Fact> {
    let mut a = Analysis::new(Document::default());
    a.document.article.text = text.to_string();
    a.entities = entities;
    EventCoder::new().annotate(&mut a);
    let actor =
        |r: &Option<Reference>| r.as_ref().and_then(|r| r.actor.clone()).unwrap_or_default();
    a.events
        .iter()
        .filter(|e| e.modality.is_fact())
        .map(|e| Fact {
            source: actor(&e.source),
            target: actor(&e.target),
            cameo: e.cameo.clone(),
            sentence_start: e.sentence.start,
        })
        .collect()
}

/// The facts the coder finds in `text` on its own.
pub fn facts(text: &str) -> Vec<Fact> {
    facts_with(text, Vec::new())
}

/// Whether a fact's source, target and code start with these (an empty
/// prefix matches anything).
pub fn has(facts: &[Fact], source: &str, target: &str, code: &str) -> bool {
    facts.iter().any(|f| {
        f.source.starts_with(source) && f.target.starts_with(target) && f.cameo.starts_with(code)
    })
}

/// A place entity with one mention of `name` in `text`.
pub fn place(text: &str, id: &str, name: &str, actor: &str) -> Entity {
    let start = text.find(name).expect("the place is in the text");
    Entity {
        id: id.into(),
        name: name.into(),
        kind: EntityType::Gpe,
        actor: Some(actor.into()),
        mentions: vec![Span::new(start, start + name.len())],
        titles: Vec::new(),
    }
}

/// An entity named `forms[0]`, of `kind`, with a mention at every occurrence of each of
/// `forms` in `text`.
pub fn entity(
    text: &str,
    id: &str,
    kind: EntityType,
    actor: Option<&str>,
    forms: &[&str],
) -> Entity {
    let mut mentions: Vec<Span> = forms
        .iter()
        .flat_map(|f| {
            text.match_indices(f)
                .map(move |(s, _)| Span::new(s, s + f.len()))
        })
        .collect();
    mentions.sort_by_key(|m| m.start);
    // A shorter form inside a longer one ("Brandt" in "Karl Brandt") is
    // the same mention.
    let all = mentions.clone();
    mentions.retain(|m| !all.iter().any(|o| o != m && o.contains(*m)));
    Entity {
        id: id.into(),
        name: forms[0].into(),
        kind,
        actor: actor.map(str::to_string),
        mentions,
        titles: Vec::new(),
    }
}

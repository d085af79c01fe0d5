//! Language analysis: tokens, sentences, named entities (with mention
//! clusters and actor codes) and time expressions.
//!
//! [`Nlp::annotate`] fills `tokens`, `sentences`, `entities` and `times` of an
//! [`Analysis`]. Models are loaded by the caller and passed in; this crate
//! does no I/O.

pub mod conll;
pub mod ner;
pub mod sentences;
pub mod tokenize;

use model::{Analysis, Entity, EntityType, Span};

/// The trained entity model that ships inside the binary
/// (`newsgraph train ner` writes it; see `models/README.md`).
static EMBEDDED_NER: &[u8] = include_bytes!("../models/ner.bin");

/// The language-analysis stage, holding its loaded models.
#[derive(Debug, Default)]
pub struct Nlp {
    tagger: ner::Tagger,
}

impl Nlp {
    /// The stage with the models that ship inside the binary. Should the
    /// embedded model be unreadable, entities come out empty rather than
    /// the program failing.
    pub fn embedded() -> Self {
        let model = ner::NerModel::from_bytes(EMBEDDED_NER).unwrap_or_default();
        Nlp::with_model(model)
    }

    /// The stage with a given entity model (e.g. one just trained).
    pub fn with_model(model: ner::NerModel) -> Self {
        Nlp {
            tagger: ner::Tagger::new(model),
        }
    }

    /// The entity tagger.
    pub fn tagger(&self) -> &ner::Tagger {
        &self.tagger
    }

    /// Annotates `a` with tokens, sentences, entities and time expressions.
    pub fn annotate(&self, a: &mut Analysis) {
        let text = a.text();
        let tokens = tokenize::tokens(text);
        let sentences = sentences::sentences(text, &tokens);
        let entities = baseline_entities(text, &tokens);
        a.tokens = tokens;
        a.sentences = sentences;
        a.entities = entities;
    }
}

/// Capitalised token runs, typed by the gazetteer; a placeholder for the
/// trained tagger.
fn baseline_entities(text: &str, tokens: &[Span]) -> Vec<Entity> {
    let mut out: Vec<Entity> = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let is_cap = |t: &Span| t.slice(text).chars().next().is_some_and(char::is_uppercase);
        if !is_cap(&tokens[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < tokens.len() && is_cap(&tokens[i]) {
            i += 1;
        }
        let span = Span::new(tokens[start].start, tokens[i - 1].end);
        let name = span.slice(text);
        let kind = if gazetteer::country_by_name(name).is_some() || gazetteer::city(name).is_some()
        {
            EntityType::Gpe
        } else if gazetteer::country_by_demonym(name).is_some() {
            EntityType::Norp
        } else {
            continue;
        };
        match out.iter_mut().find(|e| e.name == name) {
            Some(e) => e.mentions.push(span),
            None => out.push(Entity {
                id: format!("e{}", out.len() + 1),
                name: name.to_string(),
                kind,
                actor: gazetteer::country_by_name(name).map(|c| c.iso3.to_string()),
                mentions: vec![span],
            }),
        }
    }
    out
}

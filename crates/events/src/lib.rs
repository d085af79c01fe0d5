//! Political events coded in CAMEO: who did what to whom, where and when,
//! and whether the article says it happened.
//!
//! [`EventCoder::annotate`] reads an [`Analysis`] annotated by `nlp` and
//! `attribution` and adds `events`. No I/O: extra actor tables are parsed
//! from text the caller has read ([`EventCoder::with_actor_table`]).
//!
//! Where to start reading: `coder` walks the sentences (`tokens` regroups
//! `nlp`'s tokens of each for the patterns); `verbs.txt` holds
//! the verb patterns; `actor_table` the actor lexicon (its words are the
//! `lexicon` crate's); `phrases` turns
//! tokens into coded actor phrases; `clause` reads modality.

#![warn(missing_docs)]

pub mod actor_table;
mod byte_set;
pub mod cameo;
pub mod clause;
mod coder;
mod codes;
pub mod contradictions;
pub mod dictionary;
pub use lexicon::lemma;
pub mod phrases;
mod table_text;
pub mod tokens;
pub mod verb_dictionary;
pub mod verbs;
mod when_where;

pub use dictionary::DictionaryError;

use actor_table::ActorTable;
use model::{Analysis, Budget, OverBudget};
use verbs::VerbLexicon;

/// The event-coding stage, holding its verb patterns and actor tables.
#[derive(Debug, Clone)]
pub struct EventCoder {
    actors: ActorTable,
    verbs: VerbLexicon,
    gazetteer: gazetteer::Gazetteer,
}

impl Default for EventCoder {
    fn default() -> Self {
        Self::new()
    }
}

impl EventCoder {
    /// The coder with the built-in lexicons.
    pub fn new() -> Self {
        EventCoder {
            actors: ActorTable::builtin(),
            verbs: VerbLexicon::builtin(),
            gazetteer: gazetteer::Gazetteer::new(),
        }
    }

    /// Adds the actors and agents of a PETRARCH-style dictionary (the text
    /// of an `.actors.txt` or `.agents.txt` file); they win over the
    /// built-in lexicon where both match the same words.
    pub fn with_actor_table(mut self, text: &str) -> Result<Self, DictionaryError> {
        for entry in dictionary::parse(text)? {
            self.actors.add(entry);
        }
        Ok(self)
    }

    /// Adds CAMEO events to `a`.
    pub fn annotate(&self, a: &mut Analysis) {
        // An unlimited budget never runs out.
        let _ = self.annotate_within(a, &Budget::unlimited());
    }

    /// [`EventCoder::annotate`], checking `budget` between sentences.
    ///
    /// # Errors
    ///
    /// [`OverBudget`] when the budget runs out; `a` is then left as it was.
    pub fn annotate_within(&self, a: &mut Analysis, budget: &Budget) -> Result<(), OverBudget> {
        a.events = coder::code(&self.actors, &self.verbs, &self.gazetteer, a, budget)?;
        Ok(())
    }
}

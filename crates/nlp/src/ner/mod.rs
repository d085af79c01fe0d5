//! The statistical entity tagger: features, weights, greedy decoding and
//! training. It tags CoNLL's types (PER, ORG, LOC, MISC) in BIO;
//! [`crate::entities`] refines them into the contract's types.

mod features;
mod layout;
mod lexicon;
mod model;
mod names;
pub mod score;
mod tagger;
pub mod train;
pub mod words;

pub(crate) use features::all_caps_sentence;
pub use lexicon::{
    parse_person_names, parse_word_classes, parse_word_vectors, Lexicons, PersonName, WordVectors,
};
pub use model::{ModelError, NerModel};
pub use tagger::{parts, Tagger, PART_TOKENS};
pub use words::Words;

//! The word lists every analysis stage shares, kept as data files in
//! `src/data/` (read with `include_str!`, parsed once, errors with file and
//! line) rather than as Rust constants:
//!
//! - [`lemma`]: verb and noun lemmas, irregular forms from
//!   `irregular_verbs.txt` and `irregular_nouns.txt`.
//! - [`modality_words`]: negations, hypothetical modals and adverbs
//!   (`events`' clause modality) and future markers (`nlp`'s weekdays).
//! - [`name_words`]: titles and honorifics before names, generic head words
//!   ("Authority", "Court") and name particles (`name_words.txt`), read by
//!   `nlp` at the edges of entity names.
//! - [`roles`]: the role → actor-code table (`roles.txt`) that `nlp`,
//!   `attribution` and `events` all read: `lexicon::roles().code_for("envoy")`
//!   is `Some(Role::Gov)`, whose [`Role::as_str`] is `"GOV"`.
//! - [`inflect`]: regular inflection, so lists are written as lemmas.
//! - [`seats`]: institutions named by their seat (`seats.txt`: "Kremlin" →
//!   RUSGOV) and news outlets (`outlets.txt`: "CNN" → USAMED), read by `nlp`
//!   and `attribution`.
//! - [`actors`]: actors the event coder knows by name
//!   (`named_actors.txt`: "NATO" → IGONAT; seats, outlets and dated leaders
//!   are not repeated there) and the words it reads around actors
//!   (`actor_words.txt`: pronouns, generic role nouns, "that country").
//! - [`attribution_words`]: the other words attribution reads around cues,
//!   speakers and claims (`attribution_words.txt`: phrase boundaries,
//!   stance nouns, clause openers), one section a list.
//! - [`cased_words`]: names and words `nlp` matches as written, capitals
//!   and all (`cased_words.txt`): organisations for the tagger's lexicon,
//!   organs named without a country, words of natural places, sentence
//!   openers.
//! - [`calendar`]: month and weekday names (`calendar.txt`), read by
//!   `extract`, `nlp` and `attribution`.
//! - [`chrome`]: page chrome that `extract` drops by its words (`chrome.txt`:
//!   stock lines, reader prompts, picture credits, rights lines).
//! - [`english`]: English function words (`english_words.txt`), which tell
//!   a short English text from its look-alikes in language detection.
//! - [`cues`]: the cue verbs of attribution (`cues.txt`), one lemma a line
//!   with the forms that are cues.
//! - [`denial_words`]: the words that mark a denial (`denial_words.txt`:
//!   "denied", "rejected the report", "is untrue", "never heard"), read by
//!   `events`' contradiction finder.
//! - [`event_words`]: the closed-class words and short lists the event
//!   coder reads (`event_words.txt`): its chunker's stop words and
//!   prepositions, clause breaks, determiners, reporting words, the verbs
//!   of contest results.
//! - [`speaker`]: the words attribution reads around speakers
//!   (`speaker_words.txt`) and first names (`first_names.txt`).
//! - [`word_set`]: a list asked of token after token, as a hash set.
//!
//! No I/O and no mutable state: each table is parsed on first use into an
//! immutable value behind a `OnceLock` (as `gazetteer` does), so every stage
//! sees the same words.

pub mod actors;
pub mod attribution_words;
pub mod calendar;
pub mod cased_words;
pub mod chrome;
pub mod cues;
pub mod denial_words;
pub mod english;
pub mod event_words;
pub mod inflect;
pub mod lemma;
pub mod modality_words;
pub mod name_words;
pub mod parse;
pub mod roles;
pub mod seats;
pub mod speaker;
pub mod word_set;

pub use actors::{actor_words, named_actors, ActorWords};
pub use attribution_words::{attribution_words, AttributionWords};
pub use calendar::{calendar, Calendar};
pub use cased_words::{cased_words, CasedWords};
pub use chrome::{chrome, Chrome};
pub use cues::{cues, CueClass, Cues};
pub use denial_words::{denial_words, DenialWords};
pub use event_words::{event_words, EventWords};
pub use modality_words::{modality_words, ModalityWords};
pub use name_words::{name_words, NameWords};
pub use parse::ParseError;
pub use roles::{roles, Role, RoleEntry, Roles};
pub use seats::{outlets, seats, NamedActor, NamedActors};
pub use speaker::{speaker_words, SpeakerWords};
pub use word_set::WordSet;

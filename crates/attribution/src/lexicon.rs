//! Word lists: cue verbs, words that sit between a speaker and a cue, pronouns,
//! role nouns and outlets. The lists are data files of the `lexicon` crate
//! (`cues.txt`, `speaker_words.txt`, `first_names.txt`, and the hottest
//! lists of `attribution_words.txt`); [`Lexicon::new`]
//! compiles them into hash tables; lookups are by lower-cased word.

use ::lexicon::lemma::Shapes;
use ::lexicon::WordSet;
use foldhash::{HashMap, HashSet};
use std::borrow::Cow;
use std::sync::OnceLock;

/// How a cue word takes its speaker and content (defined with the cue
/// list in the `lexicon` crate).
pub use ::lexicon::CueClass;

/// The compiled word lists.
#[derive(Debug, Default)]
pub struct Lexicon {
    cues: HashMap<Cow<'static, str>, CueClass>,
    /// The shapes of the words of `cues`, `between`, `pronouns`, `roles`,
    /// `boundary` and the first words of `non_speech_pairs`, each table
    /// its own: asked of almost every word (a cue of every word outside a
    /// quotation, a boundary of every word a speaker phrase is collected
    /// over), most of which are in none, and a shape rules a word out in a
    /// few instructions where hashing it took some seventy.
    cue_shapes: Shapes,
    between_shapes: Shapes,
    pronoun_shapes: Shapes,
    role_shapes: Shapes,
    boundary_shapes: Shapes,
    pair_shapes: Shapes,
    /// The shapes of `time_words`: asked after every verb of speaking and
    /// most cues of the word that follows, mostly a word or a period that
    /// is none.
    time_shapes: Shapes,
    between: HashSet<&'static str>,
    pronouns: HashMap<&'static str, bool>,
    addressees: HashSet<&'static str>,
    roles: HashSet<&'static str>,
    groups: HashSet<&'static str>,
    outlets: HashSet<String>,
    outlet_suffixes: HashSet<&'static str>,
    not_names: HashSet<&'static str>,
    titles: HashSet<&'static str>,
    time_words: HashSet<&'static str>,
    female: HashSet<&'static str>,
    male: HashSet<&'static str>,
    /// `boundary` of `attribution_words.txt`: asked of every word a
    /// speaker phrase is collected over, where a scan of the list was a
    /// sixth of the phrase's cost.
    boundary: HashSet<&'static str>,
    /// `non-speech-pairs` split at their first space, the second words by
    /// the first: asked of a cue word twice (with the word before and the
    /// word after), where hashing both words of each pair was most of the
    /// question's cost and almost no first word is listed.
    non_speech_pairs: HashMap<&'static str, Vec<&'static str>>,
}

impl Lexicon {
    /// Builds the tables.
    pub fn new() -> Self {
        let mut cues = HashMap::default();
        for (w, class) in ::lexicon::cues().forms() {
            cues.insert(Cow::Borrowed(w.as_str()), *class);
        }
        let w = ::lexicon::speaker_words();
        let set = |list: &[&'static str]| list.iter().copied().collect();
        let mut lex = Lexicon {
            cues,
            cue_shapes: Shapes::default(),
            between_shapes: Shapes::default(),
            pronoun_shapes: Shapes::default(),
            role_shapes: Shapes::default(),
            boundary_shapes: Shapes::default(),
            pair_shapes: Shapes::default(),
            time_shapes: Shapes::default(),
            between: set(&w.between),
            pronouns: w.pronouns.iter().copied().collect(),
            addressees: set(&w.addressees),
            roles: set(&w.roles),
            groups: set(&w.groups),
            outlets: w
                .outlets
                .iter()
                .map(|o| o.to_string())
                .chain(
                    ::lexicon::outlets()
                        .entries()
                        .iter()
                        .map(|o| o.name.to_lowercase()),
                )
                .collect(),
            outlet_suffixes: set(&w.outlet_suffixes),
            not_names: set(&w.not_names),
            titles: set(&w.titles),
            time_words: set(&w.time_words),
            // A title or a first name: `is_female` asks both.
            female: w.female.iter().chain(&w.female_titles).copied().collect(),
            male: w.male.iter().chain(&w.male_titles).copied().collect(),
            boundary: set(&::lexicon::attribution_words().boundary),
            non_speech_pairs: ::lexicon::attribution_words()
                .non_speech_pairs
                .iter()
                .filter_map(|c| c.split_once(' '))
                .fold(HashMap::default(), |mut pairs, (first, second)| {
                    pairs.entry(first).or_insert_with(Vec::new).push(second);
                    pairs
                }),
        };
        lex.cue_shapes = lex.cues.keys().map(|w| w.as_ref()).collect();
        lex.between_shapes = lex.between.iter().copied().collect();
        lex.pronoun_shapes = lex.pronouns.keys().copied().collect();
        lex.role_shapes = lex.roles.iter().copied().collect();
        lex.boundary_shapes = lex.boundary.iter().copied().collect();
        lex.pair_shapes = lex.non_speech_pairs.keys().copied().collect();
        lex.time_shapes = lex.time_words.iter().copied().collect();
        lex
    }

    /// The same lexicon with more cue words (lower-cased), e.g. candidates
    /// under evaluation; an extra word replaces a built-in one's class.
    pub fn with_extra_cues<I>(mut self, extra: I) -> Self
    where
        I: IntoIterator<Item = (String, CueClass)>,
    {
        for (w, class) in extra {
            self.cue_shapes.insert(&w);
            self.cues.insert(Cow::Owned(w), class);
        }
        self
    }

    /// The same lexicon without some cue words (lower-cased), e.g. to
    /// measure what a listed word contributes.
    pub fn without_cues<'w, I>(mut self, words: I) -> Self
    where
        I: IntoIterator<Item = &'w str>,
    {
        for w in words {
            self.cues.remove(w);
        }
        self
    }

    /// The cue class of a lower-cased word.
    #[inline]
    pub fn cue(&self, lower: &str) -> Option<CueClass> {
        if !self.cue_shapes.may_contain(lower) {
            return None;
        }
        self.cues.get(lower).copied()
    }

    /// Whether a lower-cased word may sit between subject and verb
    /// (auxiliaries and adverbs: "has already", "strongly").
    pub fn is_between(&self, lower: &str) -> bool {
        (self.between_shapes.may_contain(lower) && self.between.contains(lower))
            || (lower.len() > 4 && lower.ends_with("ly") && !self.is_role(lower))
    }

    /// `Some(plural)` when the lower-cased word is a speaker pronoun.
    #[inline]
    pub fn pronoun(&self, lower: &str) -> Option<bool> {
        if !self.pronoun_shapes.may_contain(lower) {
            return None;
        }
        self.pronouns.get(lower).copied()
    }

    /// Whether a lower-cased word is a generic addressee or determiner.
    pub fn is_addressee(&self, lower: &str) -> bool {
        self.addressees.contains(lower)
    }

    /// Whether a lower-cased word is a role noun.
    #[inline]
    pub fn is_role(&self, lower: &str) -> bool {
        self.role_shapes.may_contain(lower) && self.roles.contains(lower)
    }

    /// Whether a lower-cased word heads a plural group ("officials").
    pub fn is_group_head(&self, lower: &str) -> bool {
        self.groups.contains(lower)
    }

    /// Whether a name (any case) looks like a news outlet.
    pub fn is_outlet(&self, name: &str) -> bool {
        let lower = name.to_lowercase();
        if self.outlets.contains(lower.as_str()) {
            return true;
        }
        lower
            .rsplit(' ')
            .next()
            .is_some_and(|last| self.outlet_suffixes.contains(last))
            && name.contains(' ')
    }

    /// Whether a lower-cased capitalised word is not part of a name.
    pub fn is_not_name(&self, lower: &str) -> bool {
        self.not_names.contains(lower)
    }

    /// Whether a lower-cased word ends a speaker phrase read backwards
    /// from its cue (`boundary`).
    #[inline]
    pub fn is_boundary(&self, lower: &str) -> bool {
        self.boundary_shapes.may_contain(lower) && self.boundary.contains(lower)
    }

    /// Whether two lower-cased words make a noun, phrasal verb or idiom of
    /// no speech together (`non-speech-pairs`: "think tank", "show up").
    /// A first word holding a space is never one (no listed first word
    /// holds one: the pairs are split at their first space).
    pub fn is_non_speech_pair(&self, first: &str, second: &str) -> bool {
        self.pair_shapes.may_contain(first)
            && self
                .non_speech_pairs
                .get(first)
                .is_some_and(|seconds| seconds.contains(&second))
    }

    /// Whether a lower-cased word is a title ("Sen", "President").
    pub fn is_title(&self, lower: &str) -> bool {
        self.titles.contains(lower.trim_end_matches('.'))
    }

    /// Whether a lower-cased word is a time word after a cue.
    pub fn is_time_word(&self, lower: &str) -> bool {
        self.time_shapes.may_contain(lower) && self.time_words.contains(lower)
    }

    /// `Some(true)` for a common female first name or title, `Some(false)`
    /// for a male one, `None` when unknown (lower-cased input).
    pub fn is_female(&self, lower: &str) -> Option<bool> {
        let w = lower.trim_end_matches('.');
        if self.female.contains(w) {
            Some(true)
        } else if self.male.contains(w) {
            Some(false)
        } else {
            None
        }
    }
}

/// Declares [`Lists`] with a [`WordSet`] for each named list of
/// `attribution_words.txt` and builds it.
macro_rules! lists {
    ($($field:ident),* $(,)?) => {
        /// The lists of `attribution_words.txt` the rules ask "is this
        /// word listed?", each a [`WordSet`]: a rule asked it of a word by
        /// scanning the list, string by string (dozens of entries for some),
        /// and many rules ask it of every word of a sentence or a content.
        #[allow(missing_docs)]
        pub struct Lists {
            $(pub $field: WordSet<'static>,)*
            /// The shapes of the nouns of `noun-cues`, asked of every word
            /// that is no cue verb ([`Lists::noun_cue_preposition`]).
            noun_cue_shapes: Shapes,
        }

        impl Lists {
            fn build() -> Lists {
                let w = ::lexicon::attribution_words();
                Lists {
                    $($field: WordSet::new(w.$field.clone()),)*
                    noun_cue_shapes: w
                        .noun_cues
                        .iter()
                        .filter_map(|c| c.split_once(' '))
                        .map(|(noun, _)| noun)
                        .collect(),
                }
            }
        }
    };
}

lists!(
    forward_boundary,
    lead_ins,
    outlet_heads,
    not_content_start,
    media_nouns,
    intention_cues,
    cue_prepositions,
    tell_participles,
    intention_participles,
    finding_nouns,
    noun_participles,
    appearance,
    be,
    relatives,
    not_saying,
    gathering_verbs,
    dangling,
    private_states,
    adverbial_openers,
    not_speaker_labels,
    label_imperatives,
    quantifiers,
    speaking_terms,
    stance_noun_verbs,
    possessives,
    noun_phrase_openers,
    clause_verbs,
    clausal_stems,
    clause_openers,
    after_phrase,
    phrase_relatives,
    adjunct_openers,
    predicate_openers,
    subordinators,
    stance_nouns,
    stance_adjectives,
    clause_only_cues,
    speech_verbs,
);

impl Lists {
    /// The word that introduces the content of cue noun `noun` ("for"
    /// after "call"), if `noun-cues` has it.
    pub fn noun_cue_preposition(&self, noun: &str) -> Option<&'static str> {
        if !self.noun_cue_shapes.may_contain(noun) {
            return None;
        }
        ::lexicon::attribution_words().noun_cue_preposition(noun)
    }
}

/// The lists of `attribution_words.txt` as [`WordSet`]s, built once.
pub fn lists() -> &'static Lists {
    static LISTS: OnceLock<Lists> = OnceLock::new();
    LISTS.get_or_init(Lists::build)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn non_speech_pairs_match_both_words_in_order() {
        let lex = Lexicon::new();
        assert!(lex.is_non_speech_pair("think", "tank"));
        assert!(lex.is_non_speech_pair("show", "up"));
        assert!(!lex.is_non_speech_pair("tank", "think"));
        assert!(!lex.is_non_speech_pair("think", "tan"));
        assert!(!lex.is_non_speech_pair("think tank", ""));
    }

    #[test]
    fn every_listed_word_passes_its_shape_test() {
        let lex = Lexicon::new();
        assert!(lex.cues.keys().all(|w| lex.cue(w).is_some()));
        assert!(lex.between.iter().all(|w| lex.is_between(w)));
        assert!(lex.pronouns.keys().all(|w| lex.pronoun(w).is_some()));
        assert!(lex.roles.iter().all(|w| lex.is_role(w)));
        assert!(lex.boundary.iter().all(|w| lex.is_boundary(w)));
        let extra = Lexicon::new().with_extra_cues([("zzyzxqed".to_string(), CueClass::Speech)]);
        assert_eq!(extra.cue("zzyzxqed"), Some(CueClass::Speech));
        assert_eq!(lex.cue("zzyzxqed"), None);
        for entry in &::lexicon::attribution_words().noun_cues {
            let (noun, prep) = entry.split_once(' ').expect("two words");
            assert!(
                lists().noun_cue_preposition(noun).is_some(),
                "{noun} {prep}"
            );
        }
        let w = ::lexicon::attribution_words();
        assert!(w.lead_ins.iter().all(|x| lists().lead_ins.contains(x)));
        assert!(!lists().lead_ins.contains(&"officials"));
    }

    #[test]
    fn boundary_words_are_the_listed_ones() {
        let lex = Lexicon::new();
        assert!(lex.is_boundary("that"));
        assert!(lex.is_boundary("because"));
        assert!(!lex.is_boundary("officials"));
    }
}

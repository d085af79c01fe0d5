//! The words the entity stage reads at the edges of names
//! (`data/name_words.txt`): titles and honorifics before a person's name,
//! generic head words of organisations and places, and the particles
//! inside personal names.

use crate::lemma::Shapes;
use crate::parse::{self, ParseError};
use crate::speaker::push_entries;
use foldhash::{HashMap, HashSet};
use std::sync::OnceLock;

const FILE: &str = "name_words.txt";
const TEXT: &str = include_str!("data/name_words.txt");

/// The sections of `name_words.txt`, lowercase.
#[derive(Debug, Clone, Default)]
pub struct NameWords<'t> {
    titles: HashSet<&'t str>,
    org_heads: HashSet<&'t str>,
    media_heads: HashSet<&'t str>,
    place_heads: HashSet<&'t str>,
    event_heads: HashSet<&'t str>,
    particles: HashSet<&'t str>,
    legislator_titles: HashSet<&'t str>,
    governor_titles: HashSet<&'t str>,
    /// Every word of the six sections [`NameWords::kinds`] reads, with its
    /// bits: one lookup where `kinds` hashed the word into each section
    /// (the tagger asks it of every distinct word of a document).
    kinds: HashMap<&'t str, u8>,
    /// The shapes of `kinds`' words: most words asked about are in none.
    kind_shapes: Shapes,
}

/// A word's lower-case form without a final period ("Dr." → "dr").
fn key(word: &str) -> Lower<'_> {
    lower(word.strip_suffix('.').unwrap_or(word))
}

/// Longest word [`Lower`] lower-cases on the stack.
const SHORT: usize = 32;

/// A word's lower-case form: borrowed when the word is ASCII without
/// capitals (most words the tagger asks about), on the stack when it is a
/// short ASCII word, else allocated. The name rules ask these lists about
/// every word of every name, most of them capitalised: an allocation for
/// each was most of a lookup.
enum Lower<'a> {
    Borrowed(&'a str),
    Short([u8; SHORT], usize),
    Owned(String),
}

impl AsRef<str> for Lower<'_> {
    fn as_ref(&self) -> &str {
        match self {
            Lower::Borrowed(word) => word,
            // ASCII lower-cased is ASCII: never the empty fallback.
            Lower::Short(bytes, len) => {
                std::str::from_utf8(bytes.get(..*len).unwrap_or_default()).unwrap_or_default()
            }
            Lower::Owned(word) => word,
        }
    }
}

/// `word` lower-cased ([`Lower`]): the same as `str::to_lowercase`.
fn lower(word: &str) -> Lower<'_> {
    if word
        .bytes()
        .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
    {
        Lower::Borrowed(word)
    } else if word.is_ascii() && word.len() <= SHORT {
        let mut bytes = [0u8; SHORT];
        bytes[..word.len()].copy_from_slice(word.as_bytes());
        bytes.make_ascii_lowercase();
        Lower::Short(bytes, word.len())
    } else {
        Lower::Owned(word.to_lowercase())
    }
}

impl<'t> NameWords<'t> {
    /// Reads a file in the format of `data/name_words.txt`.
    pub fn parse(text: &'t str) -> Result<Self, ParseError> {
        let mut out = NameWords::default();
        let known = [
            "titles",
            "org-heads",
            "media-heads",
            "place-heads",
            "event-heads",
            "particles",
            "us-legislator-titles",
            "governor-titles",
        ];
        for (name, lines) in parse::sections(FILE, text, &known)? {
            let mut list = Vec::new();
            push_entries(&mut list, &lines, FILE)?;
            let set = match name {
                "titles" => &mut out.titles,
                "org-heads" => &mut out.org_heads,
                "media-heads" => &mut out.media_heads,
                "place-heads" => &mut out.place_heads,
                "event-heads" => &mut out.event_heads,
                "us-legislator-titles" => &mut out.legislator_titles,
                "governor-titles" => &mut out.governor_titles,
                _ => &mut out.particles,
            };
            set.extend(list);
        }
        for (set, bit) in [
            (&out.titles, Self::TITLE),
            (&out.org_heads, Self::ORG_HEAD),
            (&out.media_heads, Self::MEDIA_HEAD),
            (&out.place_heads, Self::PLACE_HEAD),
            (&out.event_heads, Self::EVENT_HEAD),
            (&out.particles, Self::PARTICLE),
        ] {
            for &w in set {
                *out.kinds.entry(w).or_default() |= bit;
                out.kind_shapes.insert(w);
            }
        }
        Ok(out)
    }

    /// Whether `word` is a title or honorific ("Dr.", "President", "Gen").
    pub fn is_title(&self, word: &str) -> bool {
        self.titles.contains(key(word).as_ref())
    }

    /// Whether `word` is a generic head word of an organisation or a place
    /// ("Authority", "Court", "City"): never a name on its own.
    pub fn is_head(&self, word: &str) -> bool {
        let k = key(word);
        self.org_heads.contains(k.as_ref()) || self.place_heads.contains(k.as_ref())
    }

    /// Whether a name ending in `word` is an organisation's ("Authority",
    /// "Court", and news media: "Post", "Times").
    pub fn is_org_head(&self, word: &str) -> bool {
        let k = key(word);
        self.org_heads.contains(k.as_ref()) || self.media_heads.contains(k.as_ref())
    }

    /// Whether a name ending in `word`, or opening with it before "of", is
    /// an event's or a prize's ("Cup", "Awards", "Battle").
    pub fn is_event_head(&self, word: &str) -> bool {
        self.event_heads.contains(key(word).as_ref())
    }

    /// Whether `word` is a head word of news media ("Post", "Times").
    pub fn is_media_head(&self, word: &str) -> bool {
        self.media_heads.contains(key(word).as_ref())
    }

    /// Whether a name ending in `word` is a place's ("City", "Square").
    pub fn is_place_head(&self, word: &str) -> bool {
        self.place_heads.contains(key(word).as_ref())
    }

    /// Every section `word` is in, one bit each ([`NameWords::TITLE`] …
    /// [`NameWords::PARTICLE`]); 0 for none. The tagger reads the bits as
    /// features, so one lookup serves all six lists.
    pub fn kinds(&self, word: &str) -> u8 {
        let bits_of = |w: &str| {
            if self.kind_shapes.may_contain(w) {
                self.kinds.get(w).copied().unwrap_or(0)
            } else {
                0
            }
        };
        match word.strip_suffix('.') {
            // The five lists are asked without a final period ([`key`]),
            // the particles as written.
            Some(stem) => {
                (bits_of(lower(stem).as_ref()) & !Self::PARTICLE)
                    | (bits_of(lower(word).as_ref()) & Self::PARTICLE)
            }
            None => bits_of(lower(word).as_ref()),
        }
    }

    /// [`NameWords::kinds`] bit: a title or honorific.
    pub const TITLE: u8 = 1;
    /// [`NameWords::kinds`] bit: an organisation's head word.
    pub const ORG_HEAD: u8 = 2;
    /// [`NameWords::kinds`] bit: a news medium's head word.
    pub const MEDIA_HEAD: u8 = 4;
    /// [`NameWords::kinds`] bit: a place's head word.
    pub const PLACE_HEAD: u8 = 8;
    /// [`NameWords::kinds`] bit: an event's or a prize's head word.
    pub const EVENT_HEAD: u8 = 16;
    /// [`NameWords::kinds`] bit: a particle of personal names.
    pub const PARTICLE: u8 = 32;

    /// The CAMEO role a US title before a name gives ("Sen." → `LEG`,
    /// "Gov." → `GOV`), and whether it is the US Congress's own (a
    /// governor's title is American only beside a US state).
    pub fn us_title(&self, word: &str) -> Option<(&'static str, bool)> {
        let k = key(word);
        if self.legislator_titles.contains(k.as_ref()) {
            Some(("LEG", true))
        } else if self.governor_titles.contains(k.as_ref()) {
            Some(("GOV", false))
        } else {
            None
        }
    }

    /// Whether `word` is a particle of personal names ("van", "bin").
    pub fn is_particle(&self, word: &str) -> bool {
        // Borrowed when already lower case: the name rules ask this of
        // ordinary words, and copying each one cost an allocation.
        self.particles.contains(lower(word).as_ref())
    }
}

/// The shipped lists, read once. The file is ours and a test keeps it
/// readable, so a failure here is a build defect, not bad input.
pub fn name_words() -> &'static NameWords<'static> {
    static TABLE: OnceLock<NameWords<'static>> = OnceLock::new();
    TABLE.get_or_init(|| {
        NameWords::parse(TEXT).unwrap_or_else(|e| panic!("embedded word list: {e}"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_file_parses_and_reads_words_as_written() {
        let w = NameWords::parse(TEXT).expect("name word list");
        assert!(w.is_title("Dr.") && w.is_title("President") && w.is_title("GEN"));
        assert!(w.is_head("Authority") && w.is_head("Court") && w.is_head("City"));
        assert!(
            w.is_org_head("Post") && !w.is_head("Post"),
            "\"The Post\" is a name"
        );
        assert!(w.is_place_head("Square") && !w.is_org_head("Square"));
        assert!(w.is_event_head("Cup") && w.is_event_head("Battle"));
        assert!(!w.is_head("Congress"), "a one-word institution is a name");
        assert!(w.is_particle("van") && w.is_particle("bin"));
        assert!(!w.is_title("Trump"));
        assert_eq!(w.us_title("Sen."), Some(("LEG", true)));
        assert_eq!(w.us_title("Congresswoman"), Some(("LEG", true)));
        assert_eq!(w.us_title("Gov."), Some(("GOV", false)));
        assert_eq!(w.us_title("President"), None);
    }

    #[test]
    fn kinds_name_every_list_a_word_is_in() {
        let w = NameWords::parse(TEXT).expect("name word list");
        assert_eq!(w.kinds("Dr."), NameWords::TITLE);
        assert_eq!(w.kinds("Authority"), NameWords::ORG_HEAD);
        assert_eq!(w.kinds("Times"), NameWords::MEDIA_HEAD);
        assert_eq!(w.kinds("Street"), NameWords::PLACE_HEAD);
        assert_eq!(w.kinds("Cup"), NameWords::EVENT_HEAD);
        assert_eq!(w.kinds("bin"), NameWords::PARTICLE);
        // "Magistrate" is both a title and a court's head word.
        assert_eq!(
            w.kinds("magistrate"),
            NameWords::TITLE | NameWords::ORG_HEAD
        );
        assert_eq!(w.kinds("Trump"), 0);
    }

    /// The one lookup of `kinds` answers as the six lists asked one by
    /// one do, for every listed word as written, capitalised, upper-cased
    /// and with a period, and for words in none.
    #[test]
    fn kinds_agree_with_the_lists() {
        let w = NameWords::parse(TEXT).expect("name word list");
        let by_lists = |word: &str| {
            let k = key(word);
            let k = k.as_ref();
            let mut bits = 0;
            for (set, bit) in [
                (&w.titles, NameWords::TITLE),
                (&w.org_heads, NameWords::ORG_HEAD),
                (&w.media_heads, NameWords::MEDIA_HEAD),
                (&w.place_heads, NameWords::PLACE_HEAD),
                (&w.event_heads, NameWords::EVENT_HEAD),
            ] {
                if set.contains(k) {
                    bits |= bit;
                }
            }
            if w.particles.contains(lower(word).as_ref()) {
                bits |= NameWords::PARTICLE;
            }
            bits
        };
        let mut asked = 0;
        for &listed in w
            .kinds
            .keys()
            .chain(&["Trump", "said", "", ".", "St.", "Ünited"])
        {
            let mut cap = listed.chars();
            let capitalised: String = cap
                .next()
                .map(|c| c.to_uppercase().chain(cap).collect())
                .unwrap_or_default();
            for word in [
                listed.to_string(),
                capitalised,
                listed.to_uppercase(),
                format!("{listed}."),
                format!("{listed}.."),
            ] {
                assert_eq!(w.kinds(&word), by_lists(&word), "{word:?}");
                asked += 1;
            }
        }
        assert!(asked > 100, "{asked}");
    }

    #[test]
    fn errors_name_file_and_line() {
        let err = NameWords::parse("[titles]\nDr\n").unwrap_err();
        assert_eq!(
            err.to_string(),
            "name_words.txt line 2: entries are written in lowercase"
        );
        assert!(NameWords::parse("[other]\nx\n").is_err());
    }
}

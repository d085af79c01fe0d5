//! The indexed gazetteer: every name form mapped to what it names.

use foldhash::HashMap;

use crate::{Area, City, Country, Place, Region, AREAS, CITIES, COUNTRIES, REGIONS};

/// Hash-map lookups over all the tables. Build it once with
/// [`Gazetteer::new`] and share it; it holds only references into the static
/// tables, so building it is cheap (a few thousand inserts) and it is `Sync`.
///
/// Besides the exact form, every lookup accepts a leading "the "/"The " that
/// the tables do not list ("the Sahel" finds "Sahel").
#[derive(Debug, Clone)]
pub struct Gazetteer {
    /// Every name, alias and demonym → the places it names, most likely
    /// meaning first (country, city, region, area, then demonym).
    places: HashMap<&'static str, Vec<Place>>,
    /// ISO 3166-1 alpha-3 code → country.
    codes: HashMap<&'static str, &'static Country>,
    /// A capital's canonical city name → its country.
    capitals: HashMap<&'static str, &'static Country>,
    /// [`first_word_key`] of the first word of every name → the most
    /// words (split at spaces) a name starting with it has.
    first_words: HashMap<u64, usize>,
}

/// A hash of `word` with ASCII letters lower-cased (FNV-1a), for
/// [`Gazetteer::may_start_name`]; collisions only let a word through.
fn first_word_key(word: &str) -> u64 {
    word.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b.to_ascii_lowercase())).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

impl Default for Gazetteer {
    fn default() -> Self {
        Self::new()
    }
}

impl Gazetteer {
    /// Index every table.
    pub fn new() -> Self {
        // Sized for every name at once rather than grown (and rehashed) as
        // it fills: built at every start of the event coder.
        let names = COUNTRIES
            .iter()
            .map(|c| 1 + c.aliases.len() + c.demonyms.len())
            .chain(CITIES.iter().map(|c| 1 + c.aliases.len()))
            .chain(REGIONS.iter().map(|r| 1 + r.aliases.len()))
            .chain(AREAS.iter().map(|a| 1 + a.aliases.len()))
            .sum();
        let mut index = Gazetteer {
            places: HashMap::with_capacity_and_hasher(names, Default::default()),
            codes: HashMap::with_capacity_and_hasher(COUNTRIES.len(), Default::default()),
            capitals: HashMap::with_capacity_and_hasher(COUNTRIES.len(), Default::default()),
            first_words: HashMap::with_capacity_and_hasher(names, Default::default()),
        };
        // Insertion order sets each name's preferred meaning: "Georgia" is
        // the country before the US state, "Washington" the city before the
        // state, "U.S." the country before the adjective.
        for country in COUNTRIES {
            index.insert(country.name, Place::Country(country));
            for alias in country.aliases {
                index.insert(alias, Place::Country(country));
            }
            index.codes.insert(country.iso3, country);
            index.capitals.insert(country.capital, country);
        }
        for city in CITIES {
            index.insert(city.name, Place::City(city));
            for alias in city.aliases {
                index.insert(alias, Place::City(city));
            }
        }
        for region in REGIONS {
            index.insert(region.name, Place::Region(region));
            for alias in region.aliases {
                index.insert(alias, Place::Region(region));
            }
        }
        for area in AREAS {
            index.insert(area.name, Place::Area(area));
            for alias in area.aliases {
                index.insert(alias, Place::Area(area));
            }
        }
        for country in COUNTRIES {
            for demonym in country.demonyms {
                index.insert(demonym, Place::Demonym(country));
            }
        }
        index
    }

    fn insert(&mut self, name: &'static str, place: Place) {
        let first = name.split(' ').next().unwrap_or(name);
        let words = name.split(' ').count();
        let most = self.first_words.entry(first_word_key(first)).or_insert(0);
        *most = (*most).max(words);
        // Most names name one place: room for one.
        let entries = self
            .places
            .entry(name)
            .or_insert_with(|| Vec::with_capacity(1));
        if !entries.contains(&place) {
            entries.push(place);
        }
    }

    /// Everything `name` can refer to, most likely meaning first; empty when
    /// the gazetteer does not know the name.
    pub fn lookup_all(&self, name: &str) -> &[Place] {
        if let Some(entries) = self.places.get(name) {
            return entries;
        }
        let without_article = name
            .strip_prefix("the ")
            .or_else(|| name.strip_prefix("The "));
        without_article
            .and_then(|rest| self.places.get(rest))
            .map_or(&[], Vec::as_slice)
    }

    /// Whether a name may start with the word `word` written in any case
    /// ("new" may start "New York"; "talks" starts no name), so that a
    /// caller trying runs of words at a token can pass over the token. Never
    /// false for a word some name starts with, in any ASCII casing; always
    /// true for a word that is not ASCII.
    pub fn may_start_name(&self, word: &str) -> bool {
        self.most_words_from(word) > 0
    }

    /// The most words (split at spaces) of a name that may start with the
    /// word `word` written in any case: 0 when none may ([`may_start_name`]
    /// is false), `usize::MAX` for a word that is not ASCII. A caller trying
    /// runs of words at a token ("Lagos officials said talks") need not try
    /// runs longer than this, which no name is.
    ///
    /// [`may_start_name`]: Gazetteer::may_start_name
    pub fn most_words_from(&self, word: &str) -> usize {
        if !word.is_ascii() {
            return usize::MAX;
        }
        self.first_words
            .get(&first_word_key(word))
            .copied()
            .unwrap_or(0)
    }

    /// What `name` most likely refers to: a country, city, region, area or
    /// (for "Chinese", "Britons") a country's demonym.
    pub fn lookup(&self, name: &str) -> Option<Place> {
        self.lookup_all(name).first().copied()
    }

    /// The country named `name` (its name or an alias), e.g. "U.S." → USA.
    pub fn country_by_name(&self, name: &str) -> Option<&'static Country> {
        self.lookup_all(name).iter().find_map(|place| match place {
            Place::Country(country) => Some(*country),
            _ => None,
        })
    }

    /// The country whose demonym is `word`, e.g. "Chinese" → China.
    pub fn country_by_demonym(&self, word: &str) -> Option<&'static Country> {
        self.lookup_all(word).iter().find_map(|place| match place {
            Place::Demonym(country) => Some(*country),
            _ => None,
        })
    }

    /// The country with ISO 3166-1 alpha-3 code `iso3`.
    pub fn country_by_code(&self, iso3: &str) -> Option<&'static Country> {
        self.codes.get(iso3).copied()
    }

    /// The country whose capital is `city_name` under any of the capital's
    /// names, e.g. "Beijing" → China, "Kiev" → Ukraine.
    pub fn country_by_capital(&self, city_name: &str) -> Option<&'static Country> {
        let capital = self.city(city_name)?;
        self.capitals
            .get(capital.name)
            .copied()
            .filter(|country| country.iso3 == capital.country)
    }

    /// The city named `name` (its name or an alias, e.g. "Kiev").
    pub fn city(&self, name: &str) -> Option<&'static City> {
        self.lookup_all(name).iter().find_map(|place| match place {
            Place::City(city) => Some(*city),
            _ => None,
        })
    }

    /// The sub-national region named `name`, e.g. "Texas", "Donbass".
    pub fn region(&self, name: &str) -> Option<&'static Region> {
        self.lookup_all(name).iter().find_map(|place| match place {
            Place::Region(region) => Some(*region),
            _ => None,
        })
    }

    /// The area (LOC) named `name`, e.g. "Europe", "the Balkans".
    pub fn area(&self, name: &str) -> Option<&'static Area> {
        self.lookup_all(name).iter().find_map(|place| match place {
            Place::Area(area) => Some(*area),
            _ => None,
        })
    }

    /// Whether `name` is an area (LOC): a continent, world region or body of
    /// water rather than a political unit.
    pub fn is_area_name(&self, name: &str) -> bool {
        self.area(name).is_some()
    }
}

//! Countries, demonyms, cities, regions and areas, written by hand from
//! public facts (ISO 3166 codes, common English names, capitals and their
//! coordinates), and leaders with their terms of office ([`leaders`]).
//!
//! `../shared/data/gazetteer` is reference only: its licences forbid copying
//! it in, so nothing here is generated from it.
//!
//! Two ways to look names up:
//! - [`Gazetteer`], built once with [`Gazetteer::new`], answers from hash
//!   maps; use it on hot paths.
//! - The free functions ([`country_by_name`], [`city`], [`region`], …)
//!   need no setup: most answer from exact-form maps built on first use,
//!   the rest scan the tables.
//!
//! Lookups are case-sensitive on the form written in news text ("China",
//! "U.S.", "Chinese"); callers normalise whitespace first.

use foldhash::HashMap;
use std::sync::OnceLock;

mod areas;
mod cities;
mod countries;
mod index;
pub mod leaders;
mod place;
mod regions;

pub use areas::AREAS;
pub use cities::CITIES;
pub use countries::COUNTRIES;
pub use index::Gazetteer;
pub use place::Place;
pub use regions::REGIONS;

/// A country with the names and adjectives news text uses for it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Country {
    /// ISO 3166-1 alpha-3 code (also the CAMEO country code).
    pub iso3: &'static str,
    /// Common English name.
    pub name: &'static str,
    /// Other names: official names, abbreviations ("U.S.", "America").
    pub aliases: &'static [&'static str],
    /// Adjectives and nationality nouns ("Chinese", "Russians").
    pub demonyms: &'static [&'static str],
    /// Capital city, which news uses for the government ("Beijing"); always
    /// the name of an entry in [`CITIES`].
    pub capital: &'static str,
    /// Latitude of the country's centroid.
    pub lat: f64,
    /// Longitude of the country's centroid.
    pub lon: f64,
}

/// A city with its country and coordinates.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct City {
    /// Common English name.
    pub name: &'static str,
    /// Other spellings and former names ("Kiev", "Bombay").
    pub aliases: &'static [&'static str],
    /// ISO 3166-1 alpha-3 code of its country.
    pub country: &'static str,
    /// Latitude.
    pub lat: f64,
    /// Longitude.
    pub lon: f64,
}

/// A sub-national region: a state, province or contested territory (GPE).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Region {
    /// Common English name ("Texas", "Crimea").
    pub name: &'static str,
    /// Other names ("Donbass", "the West Bank").
    pub aliases: &'static [&'static str],
    /// ISO 3166-1 alpha-3 code of the country it belongs to.
    pub country: &'static str,
    /// Latitude of its centroid.
    pub lat: f64,
    /// Longitude of its centroid.
    pub lon: f64,
}

/// A place that is not a political unit (LOC): a continent, world region,
/// sea, strait or river ("Europe", "the Balkans", "Strait of Hormuz").
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Area {
    /// Common English name.
    pub name: &'static str,
    /// Other names, including the forms with "the" news writes.
    pub aliases: &'static [&'static str],
    /// Latitude of a rough centre.
    pub lat: f64,
    /// Longitude of a rough centre.
    pub lon: f64,
}

/// Exact-form lookup tables behind the free functions, built on first use.
///
/// They hold only the constant tables above, so they are not state: each map
/// gives exactly what a scan of its table in order would (the first entry
/// that has the form wins), in O(1) instead of a few thousand string
/// comparisons on every token of every document.
struct ExactForms {
    country_names: HashMap<&'static str, &'static Country>,
    demonyms: HashMap<&'static str, &'static Country>,
    city_names: HashMap<&'static str, &'static City>,
    capitals: HashMap<&'static str, &'static Country>,
    region_names: HashMap<&'static str, &'static Region>,
    area_names: HashMap<&'static str, &'static Area>,
}

fn exact_forms() -> &'static ExactForms {
    static FORMS: OnceLock<ExactForms> = OnceLock::new();
    FORMS.get_or_init(|| {
        let mut forms = ExactForms {
            country_names: HashMap::default(),
            demonyms: HashMap::default(),
            city_names: HashMap::default(),
            capitals: HashMap::default(),
            region_names: HashMap::default(),
            area_names: HashMap::default(),
        };
        for c in COUNTRIES {
            for form in std::iter::once(&c.name).chain(c.aliases) {
                forms.country_names.entry(form).or_insert(c);
            }
            for form in c.demonyms {
                forms.demonyms.entry(form).or_insert(c);
            }
            forms.capitals.entry(c.capital).or_insert(c);
        }
        for c in CITIES {
            for form in std::iter::once(&c.name).chain(c.aliases) {
                forms.city_names.entry(form).or_insert(c);
            }
        }
        for r in REGIONS {
            for form in std::iter::once(&r.name).chain(r.aliases) {
                forms.region_names.entry(form).or_insert(r);
            }
        }
        for a in AREAS {
            for form in std::iter::once(&a.name).chain(a.aliases) {
                forms.area_names.entry(form).or_insert(a);
            }
        }
        forms
    })
}

/// The country named `name` (its name or an alias), e.g. "United States", "U.S.".
pub fn country_by_name(name: &str) -> Option<&'static Country> {
    exact_forms().country_names.get(name).copied()
}

/// The country whose demonym is `word`, e.g. "Chinese" → China.
pub fn country_by_demonym(word: &str) -> Option<&'static Country> {
    exact_forms().demonyms.get(word).copied()
}

/// The country with ISO 3166-1 alpha-3 code `iso3`.
pub fn country_by_code(iso3: &str) -> Option<&'static Country> {
    COUNTRIES.iter().find(|c| c.iso3 == iso3)
}

/// The country whose capital is `city` under any of the capital's names,
/// e.g. "Beijing" → China, "Kiev" → Ukraine.
pub fn country_by_capital(city_name: &str) -> Option<&'static Country> {
    let capital = city(city_name).map_or(city_name, |c| c.name);
    exact_forms().capitals.get(capital).copied()
}

/// The city named `name` (its name or an alias, e.g. "Kyiv", "Kiev").
pub fn city(name: &str) -> Option<&'static City> {
    exact_forms().city_names.get(name).copied()
}

/// The sub-national region named `name`, e.g. "Texas", "Crimea", "Donbass".
pub fn region(name: &str) -> Option<&'static Region> {
    exact_forms().region_names.get(name).copied()
}

/// The area (LOC) named `name`, e.g. "Europe", "the Balkans", "Gulf".
pub fn area(name: &str) -> Option<&'static Area> {
    exact_forms().area_names.get(name).copied()
}

/// Whether `name` is an area (LOC) rather than a political unit.
pub fn is_area_name(name: &str) -> bool {
    area(name).is_some()
}

#[cfg(test)]
mod tests;

//! Countries, demonyms and cities, written by hand from public facts
//! (ISO 3166 codes, common English names, capitals and their coordinates).
//!
//! `../shared/data/gazetteer` is reference only: its licences forbid copying
//! it in, so nothing here is generated from it.
//!
//! Lookups are case-sensitive on the form written in news text ("China",
//! "U.S.", "Chinese"); callers normalise whitespace first.

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
    /// Capital city, which news uses for the government ("Beijing").
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
    /// ISO 3166-1 alpha-3 code of its country.
    pub country: &'static str,
    /// Latitude.
    pub lat: f64,
    /// Longitude.
    pub lon: f64,
}

mod cities;
mod countries;

pub use cities::CITIES;
pub use countries::COUNTRIES;

/// The country named `name` (its name or an alias), e.g. "United States", "U.S.".
pub fn country_by_name(name: &str) -> Option<&'static Country> {
    COUNTRIES
        .iter()
        .find(|c| c.name == name || c.aliases.contains(&name))
}

/// The country whose demonym is `word`, e.g. "Chinese" → China.
pub fn country_by_demonym(word: &str) -> Option<&'static Country> {
    COUNTRIES.iter().find(|c| c.demonyms.contains(&word))
}

/// The country with ISO 3166-1 alpha-3 code `iso3`.
pub fn country_by_code(iso3: &str) -> Option<&'static Country> {
    COUNTRIES.iter().find(|c| c.iso3 == iso3)
}

/// The country whose capital is `city`, e.g. "Beijing" → China.
pub fn country_by_capital(city: &str) -> Option<&'static Country> {
    COUNTRIES.iter().find(|c| c.capital == city)
}

/// The city named `name`.
pub fn city(name: &str) -> Option<&'static City> {
    CITIES.iter().find(|c| c.name == name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_countries_by_every_form() {
        assert_eq!(country_by_name("U.S.").map(|c| c.iso3), Some("USA"));
        assert_eq!(country_by_demonym("Chinese").map(|c| c.iso3), Some("CHN"));
        assert_eq!(country_by_capital("Moscow").map(|c| c.iso3), Some("RUS"));
        assert_eq!(city("Rome").map(|c| c.country), Some("ITA"));
    }
}

//! What a name in the gazetteer turned out to be.

use crate::{Area, City, Country, Region};

/// A gazetteer entry a name refers to.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Place {
    /// A country or territory, named by its name or an alias ("U.S.").
    Country(&'static Country),
    /// A country referred to by its demonym ("Chinese", "Britons"); NORP,
    /// not GPE.
    Demonym(&'static Country),
    /// A city.
    City(&'static City),
    /// A state, province or region.
    Region(&'static Region),
    /// A continent, world region or body of water (LOC).
    Area(&'static Area),
}

impl Place {
    /// The entry's canonical name ("United States" for "U.S.", "China" for
    /// "Chinese").
    pub fn name(&self) -> &'static str {
        match self {
            Place::Country(c) | Place::Demonym(c) => c.name,
            Place::City(c) => c.name,
            Place::Region(r) => r.name,
            Place::Area(a) => a.name,
        }
    }

    /// ISO 3166-1 alpha-3 code of the country the place is or lies in; areas
    /// span countries and have none.
    pub fn country_code(&self) -> Option<&'static str> {
        match self {
            Place::Country(c) | Place::Demonym(c) => Some(c.iso3),
            Place::City(c) => Some(c.country),
            Place::Region(r) => Some(r.country),
            Place::Area(_) => None,
        }
    }

    /// Latitude and longitude of the place (a centroid or city centre).
    pub fn lat_lon(&self) -> (f64, f64) {
        match self {
            Place::Country(c) | Place::Demonym(c) => (c.lat, c.lon),
            Place::City(c) => (c.lat, c.lon),
            Place::Region(r) => (r.lat, r.lon),
            Place::Area(a) => (a.lat, a.lon),
        }
    }

    /// Whether the name is a political unit (GPE: country, city, region).
    pub fn is_gpe(&self) -> bool {
        matches!(self, Place::Country(_) | Place::City(_) | Place::Region(_))
    }

    /// Whether the name is a non-political place (LOC).
    pub fn is_loc(&self) -> bool {
        matches!(self, Place::Area(_))
    }

    /// Whether the name is a nationality (NORP), i.e. a demonym.
    pub fn is_norp(&self) -> bool {
        matches!(self, Place::Demonym(_))
    }
}

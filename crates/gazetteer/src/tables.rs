//! The tables. Coordinates are rounded to two decimals.

use crate::{City, Country};

/// Every country the gazetteer knows.
pub static COUNTRIES: &[Country] = &[
    Country {
        iso3: "USA",
        name: "United States",
        aliases: &[
            "U.S.",
            "US",
            "USA",
            "U.S.A.",
            "America",
            "United States of America",
        ],
        demonyms: &["American", "Americans", "U.S."],
        capital: "Washington",
        lat: 38.0,
        lon: -97.0,
    },
    Country {
        iso3: "CHN",
        name: "China",
        aliases: &["People's Republic of China", "PRC"],
        demonyms: &["Chinese"],
        capital: "Beijing",
        lat: 35.0,
        lon: 105.0,
    },
    Country {
        iso3: "RUS",
        name: "Russia",
        aliases: &["Russian Federation"],
        demonyms: &["Russian", "Russians"],
        capital: "Moscow",
        lat: 60.0,
        lon: 100.0,
    },
    Country {
        iso3: "UKR",
        name: "Ukraine",
        aliases: &[],
        demonyms: &["Ukrainian", "Ukrainians"],
        capital: "Kyiv",
        lat: 49.0,
        lon: 32.0,
    },
    Country {
        iso3: "ITA",
        name: "Italy",
        aliases: &[],
        demonyms: &["Italian", "Italians"],
        capital: "Rome",
        lat: 42.83,
        lon: 12.83,
    },
];

/// Capitals and major cities.
pub static CITIES: &[City] = &[
    City {
        name: "Washington",
        country: "USA",
        lat: 38.9,
        lon: -77.04,
    },
    City {
        name: "Beijing",
        country: "CHN",
        lat: 39.91,
        lon: 116.4,
    },
    City {
        name: "Moscow",
        country: "RUS",
        lat: 55.75,
        lon: 37.62,
    },
    City {
        name: "Kyiv",
        country: "UKR",
        lat: 50.45,
        lon: 30.52,
    },
    City {
        name: "Rome",
        country: "ITA",
        lat: 41.89,
        lon: 12.48,
    },
];

//! The city table. Coordinates are rounded to two decimals.

use crate::City;

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

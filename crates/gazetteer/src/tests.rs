//! Table invariants and the lookups other stages rely on.

use std::collections::{HashMap, HashSet};

use super::*;

fn is_iso3_shaped(code: &str) -> bool {
    code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase())
}

#[test]
fn every_iso3_is_unique_and_three_uppercase_letters() {
    let mut seen = HashSet::new();
    for country in COUNTRIES {
        assert!(is_iso3_shaped(country.iso3), "{}", country.iso3);
        assert!(seen.insert(country.iso3), "duplicate {}", country.iso3);
    }
    assert!(COUNTRIES.len() >= 200, "only {} countries", COUNTRIES.len());
}

#[test]
fn every_city_and_region_belongs_to_a_known_country() {
    for city in CITIES {
        assert!(country_by_code(city.country).is_some(), "{}", city.name);
    }
    for region in REGIONS {
        assert!(country_by_code(region.country).is_some(), "{}", region.name);
    }
}

#[test]
fn every_capital_is_a_city_of_its_country() {
    for country in COUNTRIES {
        let capital = city(country.capital);
        assert_eq!(
            capital.map(|c| c.country),
            Some(country.iso3),
            "capital {} of {}",
            country.capital,
            country.name
        );
    }
}

#[test]
fn no_name_alias_or_demonym_names_two_countries() {
    let mut owner: HashMap<&str, &str> = HashMap::new();
    for country in COUNTRIES {
        let forms = std::iter::once(&country.name)
            .chain(country.aliases)
            .chain(country.demonyms);
        for form in forms {
            let previous = owner.insert(form, country.iso3);
            assert!(
                previous.is_none() || previous == Some(country.iso3),
                "{form} names {previous:?} and {}",
                country.iso3
            );
        }
    }
}

#[test]
fn no_city_name_or_alias_names_two_cities() {
    let mut seen = HashSet::new();
    for city in CITIES {
        for form in std::iter::once(&city.name).chain(city.aliases) {
            assert!(seen.insert(*form), "two cities named {form}");
        }
    }
}

#[test]
fn coordinates_are_on_the_globe() {
    let places = COUNTRIES
        .iter()
        .map(|c| (c.name, c.lat, c.lon))
        .chain(CITIES.iter().map(|c| (c.name, c.lat, c.lon)))
        .chain(REGIONS.iter().map(|r| (r.name, r.lat, r.lon)))
        .chain(AREAS.iter().map(|a| (a.name, a.lat, a.lon)));
    for (name, lat, lon) in places {
        assert!((-90.0..=90.0).contains(&lat), "{name} lat {lat}");
        assert!((-180.0..=180.0).contains(&lon), "{name} lon {lon}");
    }
}

#[test]
fn free_functions_find_countries_by_every_form() {
    for form in ["U.S.", "US", "USA", "America", "United States of America"] {
        assert_eq!(country_by_name(form).map(|c| c.iso3), Some("USA"), "{form}");
    }
    for form in ["Britain", "UK", "U.K.", "Great Britain", "United Kingdom"] {
        assert_eq!(country_by_name(form).map(|c| c.iso3), Some("GBR"), "{form}");
    }
    assert_eq!(country_by_demonym("Chinese").map(|c| c.iso3), Some("CHN"));
    assert_eq!(country_by_demonym("Britons").map(|c| c.iso3), Some("GBR"));
    assert_eq!(country_by_capital("Moscow").map(|c| c.iso3), Some("RUS"));
    assert_eq!(country_by_capital("Beijing").map(|c| c.iso3), Some("CHN"));
    assert_eq!(country_by_capital("Kiev").map(|c| c.iso3), Some("UKR"));
    assert_eq!(country_by_code("KOR").map(|c| c.name), Some("South Korea"));
    let rome = city("Rome").unwrap();
    assert_eq!((rome.country, rome.lat, rome.lon), ("ITA", 41.89, 12.48));
    assert_eq!(city("Kiev").map(|c| c.name), Some("Kyiv"));
    assert_eq!(region("Texas").map(|r| r.country), Some("USA"));
    assert!(is_area_name("the Balkans"));
    assert!(!is_area_name("France"));
}

#[test]
fn gazetteer_answers_like_the_free_functions() {
    let gazetteer = Gazetteer::new();
    for country in COUNTRIES {
        let forms = std::iter::once(&country.name).chain(country.aliases);
        for form in forms {
            assert_eq!(gazetteer.country_by_name(form), country_by_name(form));
        }
        for demonym in country.demonyms {
            assert_eq!(
                gazetteer.country_by_demonym(demonym),
                country_by_demonym(demonym)
            );
        }
        assert_eq!(gazetteer.country_by_code(country.iso3), Some(country));
        assert_eq!(gazetteer.country_by_capital(country.capital), Some(country));
    }
    for city_entry in CITIES {
        assert_eq!(gazetteer.city(city_entry.name), Some(city_entry));
    }
}

#[test]
fn lookup_tells_what_a_name_is() {
    let gazetteer = Gazetteer::new();
    let code = |name: &str| gazetteer.lookup(name).and_then(|p| p.country_code());
    for (name, iso3) in [
        ("U.S.", "USA"),
        ("USA", "USA"),
        ("America", "USA"),
        ("Britain", "GBR"),
        ("UK", "GBR"),
        ("Kyiv", "UKR"),
        ("Kiev", "UKR"),
        ("Burma", "MMR"),
        ("Türkiye", "TUR"),
        ("Holland", "NLD"),
        ("Ivory Coast", "CIV"),
        ("Czechia", "CZE"),
        ("DPRK", "PRK"),
        ("Republic of Korea", "KOR"),
    ] {
        assert_eq!(code(name), Some(iso3), "{name}");
    }
    assert!(matches!(gazetteer.lookup("China"), Some(Place::Country(c)) if c.iso3 == "CHN"));
    assert!(matches!(gazetteer.lookup("Chinese"), Some(Place::Demonym(c)) if c.iso3 == "CHN"));
    assert!(matches!(gazetteer.lookup("Beijing"), Some(Place::City(c)) if c.country == "CHN"));
    assert!(matches!(gazetteer.lookup("Texas"), Some(Place::Region(r)) if r.country == "USA"));
    assert!(gazetteer.lookup("Europe").is_some_and(|p| p.is_loc()));
    assert!(gazetteer.lookup("the Sahel").is_some_and(|p| p.is_loc()));
    assert!(gazetteer.lookup("Gulf").is_some_and(|p| p.is_loc()));
    assert_eq!(gazetteer.lookup("Narnia"), None);

    // A name with two meanings lists both, the country first.
    let georgia = gazetteer.lookup_all("Georgia");
    assert_eq!(georgia.len(), 2);
    assert!(matches!(georgia[0], Place::Country(c) if c.iso3 == "GEO"));
    assert!(matches!(georgia[1], Place::Region(r) if r.country == "USA"));

    let rome = gazetteer.lookup("Rome").unwrap();
    assert_eq!(rome.lat_lon(), (41.89, 12.48));
    assert_eq!(rome.name(), "Rome");
    assert_eq!(
        gazetteer.country_by_capital("Beijing").map(|c| c.iso3),
        Some("CHN")
    );
}

#[test]
fn indexed_free_functions_agree_with_a_scan_in_table_order() {
    for c in COUNTRIES {
        for form in std::iter::once(&c.name).chain(c.aliases) {
            let scanned = COUNTRIES
                .iter()
                .find(|k| k.name == *form || k.aliases.contains(form));
            assert_eq!(
                country_by_name(form).map(|k| k.iso3),
                scanned.map(|k| k.iso3),
                "{form}"
            );
        }
        for form in c.demonyms {
            let scanned = COUNTRIES.iter().find(|k| k.demonyms.contains(form));
            assert_eq!(
                country_by_demonym(form).map(|k| k.iso3),
                scanned.map(|k| k.iso3),
                "{form}"
            );
        }
    }
    for c in CITIES {
        for form in std::iter::once(&c.name).chain(c.aliases) {
            let scanned = CITIES
                .iter()
                .find(|k| k.name == *form || k.aliases.contains(form));
            assert_eq!(
                city(form).map(|k| k.name),
                scanned.map(|k| k.name),
                "{form}"
            );
        }
    }
    for r in REGIONS {
        for form in std::iter::once(&r.name).chain(r.aliases) {
            let scanned = REGIONS
                .iter()
                .find(|k| k.name == *form || k.aliases.contains(form));
            assert_eq!(
                region(form).map(|k| k.name),
                scanned.map(|k| k.name),
                "{form}"
            );
        }
    }
    for a in AREAS {
        for form in std::iter::once(&a.name).chain(a.aliases) {
            let scanned = AREAS
                .iter()
                .find(|k| k.name == *form || k.aliases.contains(form));
            assert_eq!(
                area(form).map(|k| k.name),
                scanned.map(|k| k.name),
                "{form}"
            );
        }
    }
    assert_eq!(country_by_name("Atlantis"), None);
    assert_eq!(region("Atlantis"), None);
    assert_eq!(area("Atlantis"), None);
}

#[test]
fn every_name_may_start_at_its_first_word_in_any_casing() {
    let g = Gazetteer::new();
    for country in COUNTRIES {
        for name in std::iter::once(&country.name).chain(country.aliases) {
            let first = name.split(' ').next().unwrap_or(name);
            assert!(g.may_start_name(first), "{name}");
            assert!(g.may_start_name(&first.to_lowercase()), "{name}");
            assert!(g.may_start_name(&first.to_uppercase()), "{name}");
        }
    }
    for city in CITIES {
        assert!(g.may_start_name(city.name.split(' ').next().unwrap_or(city.name)));
    }
    assert!(g.may_start_name("new"), "New York, New Zealand");
    assert!(!g.may_start_name("talks"));
    assert!(!g.may_start_name("said"));
}

#[test]
fn no_name_has_more_words_than_its_first_word_allows() {
    let g = Gazetteer::new();
    let names = COUNTRIES
        .iter()
        .flat_map(|c| std::iter::once(&c.name).chain(c.aliases).chain(c.demonyms))
        .chain(
            CITIES
                .iter()
                .flat_map(|c| std::iter::once(&c.name).chain(c.aliases)),
        );
    for name in names {
        let first = name.split(' ').next().unwrap_or(name);
        let words = name.split(' ').count();
        assert!(g.most_words_from(first) >= words, "{name}");
        assert!(g.most_words_from(&first.to_lowercase()) >= words, "{name}");
    }
    assert_eq!(g.most_words_from("talks"), 0);
    assert!(g.most_words_from("new") >= 2, "New York");
    assert_eq!(g.most_words_from("Lagos"), 1);
}

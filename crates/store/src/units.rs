//! Actors as the unit of the record: a country (with its government,
//! military, media … as role parts of its code) or a person, whatever the
//! spelling of a mention.
//!
//! - A mention coded with a country ("Japanese officials" `JPNGOV`,
//!   "Ottawa" `CANGOV`, "Japan" `JPN`) counts for that country's actor,
//!   named as the gazetteer names it ("Japan"). A city named only as a
//!   place (a bare country code, not the capital: "Busan", "Montreal") stays
//!   an actor of its own.
//! - A person is linked across documents by full name; a surname alone,
//!   after its own document found no fuller name, is the one stored person
//!   with that surname, and a full name seen after its surname alone takes
//!   over the surname's actor. A link is refused when the two were coded
//!   with different countries, so a person's page carries two countries
//!   only where the articles gave them.
//!
//! Each actor keeps the spellings it was seen under (`actor_names`).

use crate::names::{actor_key, last_word, normalise};
use crate::Result;
use gazetteer::Country;
use rusqlite::{params, Connection, OptionalExtension};

/// The country an actor code belongs to (its first three letters, when they
/// are an ISO 3166 code; IGOs, NGOs and countryless `---` codes have none).
pub(crate) fn country_of(code: Option<&str>) -> Option<&'static Country> {
    gazetteer::country_by_code(code?.get(..3)?)
}

/// Whether a place entity's name is only a place of `country`: not its
/// name, an alias, a demonym or its capital. A code with a role part
/// ("Ottawa" as `CANGOV`) is the country acting, not a place.
pub(crate) fn only_a_place(name: &str, code: &str, country: &Country) -> bool {
    if code.len() > 3 {
        return false;
    }
    let same = |c: Option<&Country>| c.is_some_and(|c| c.iso3 == country.iso3);
    !(same(gazetteer::country_by_name(name))
        || same(gazetteer::country_by_demonym(name))
        || same(gazetteer::country_by_capital(name)))
}

/// The actor of a country, created on first use.
pub(crate) fn country_actor(tx: &Connection, country: &Country) -> Result<i64> {
    let key = format!("CODE|{}", country.iso3);
    // Read first: an upsert would rewrite the row at every mention.
    let known: Option<i64> = tx
        .prepare_cached("SELECT actor FROM actors WHERE key = ?1")?
        .query_row(params![key], |r| r.get(0))
        .optional()?;
    if let Some(actor) = known {
        return Ok(actor);
    }
    let norm = normalise(country.name);
    Ok(tx
        .prepare_cached(
            "INSERT INTO actors (key, name, norm, last, type, code)
             VALUES (?1, ?2, ?3, ?4, 'GPE', ?5)
             ON CONFLICT (key) DO UPDATE SET code = excluded.code
             RETURNING actor",
        )?
        .query_row(
            params![key, country.name, norm, last_word(&norm), country.iso3],
            |r| r.get(0),
        )?)
}

/// Whether a stored actor was coded only with `country` (or with none).
fn compatible(tx: &Connection, actor: i64, country: Option<&Country>) -> Result<bool> {
    let Some(country) = country else {
        return Ok(true);
    };
    let other: i64 = tx
        .prepare_cached(
            "SELECT count(*) FROM actor_codes WHERE actor = ?1
                 AND substr(code, 1, 3) <> ?2 AND substr(code, 1, 3) <> '---'",
        )?
        .query_row(params![actor, country.iso3], |r| r.get(0))?;
    Ok(other == 0)
}

/// The actor of a person named `name` (normalised `norm`) coded `code` in
/// this document (see the module documentation).
/// `titled`: the document gave the name a title or a code ("President
/// Obama"), which tells a surname from a first name used alone.
pub(crate) fn person_actor(
    tx: &Connection,
    name: &str,
    norm: &str,
    code: Option<&str>,
    titled: bool,
) -> Result<i64> {
    let country = country_of(code);
    let norm = &without_middle_initials(norm);
    if !norm.contains(' ') {
        // A surname alone: the one stored full name that ends with it, if
        // this one is titled or that one is known from two stories.
        let fuller: Vec<(i64, i64)> = tx
            .prepare_cached(
                "SELECT actor, documents FROM actors
                 WHERE last = ?1 AND type = 'PERSON' AND norm <> ?1 LIMIT 2",
            )?
            .query_map(params![norm], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        if let [(one, stories)] = fuller.as_slice() {
            if (titled || *stories >= 2) && compatible(tx, *one, country)? {
                return Ok(*one);
            }
        }
    } else {
        let known: Option<i64> = tx
            .prepare_cached("SELECT actor FROM actors WHERE key = ?1")?
            .query_row(params![actor_key("PERSON", norm)], |r| r.get(0))
            .optional()?;
        if known.is_none() {
            // A full name seen first now: it takes over the actor of its
            // surname alone, when no other full name shares the surname.
            let surname = last_word(norm);
            let lone: Option<i64> = tx
                .prepare_cached("SELECT actor FROM actors WHERE key = ?1")?
                .query_row(params![actor_key("PERSON", surname)], |r| r.get(0))
                .optional()?;
            let others: i64 = tx
                .prepare_cached(
                    "SELECT count(*) FROM actors WHERE last = ?1 AND type = 'PERSON'
                         AND norm <> ?1",
                )?
                .query_row(params![surname], |r| r.get(0))?;
            if let (Some(lone), 0) = (lone, others) {
                if coded(tx, lone)? && compatible(tx, lone, country)? {
                    tx.prepare_cached(
                        "UPDATE actors SET key = ?2, name = ?3, norm = ?4, last = ?5
                         WHERE actor = ?1",
                    )?
                    .execute(params![
                        lone,
                        actor_key("PERSON", norm),
                        name,
                        norm,
                        surname
                    ])?;
                    return Ok(lone);
                }
            }
        }
    }
    crate::write::upsert_actor(tx, "PERSON", name, norm, code)
}

/// Whether an actor's mentions got a code (a surname alone that was
/// titled somewhere: "President Obama" is coded, "James" alone is not).
fn coded(tx: &Connection, actor: i64) -> Result<bool> {
    Ok(tx
        .prepare_cached("SELECT 1 FROM actor_codes WHERE actor = ?1 LIMIT 1")?
        .query_row(params![actor], |_| Ok(()))
        .optional()?
        .is_some())
}

/// A person's name without middle initials ("donald j trump" →
/// "donald trump"), so that the two spellings are one person.
fn without_middle_initials(norm: &str) -> String {
    let words: Vec<&str> = norm.split(' ').collect();
    if words.len() < 3 {
        return norm.to_string();
    }
    let last = words.len() - 1;
    words
        .iter()
        .enumerate()
        .filter(|&(i, w)| i == 0 || i == last || w.chars().count() > 1)
        .map(|(_, w)| *w)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Counts `mentions` of `actor` under the spelling `name`.
pub(crate) fn add_name(tx: &Connection, actor: i64, name: &str, mentions: i64) -> Result<()> {
    tx.prepare_cached(
        "INSERT INTO actor_names (actor, name, norm, mentions) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT DO UPDATE SET mentions = mentions + excluded.mentions",
    )?
    .execute(params![actor, name, normalise(name), mentions])?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capitals_names_and_demonyms_are_the_country_and_other_cities_places() {
        let canada = gazetteer::country_by_code("CAN").unwrap();
        assert!(!only_a_place("Ottawa", "CAN", canada));
        assert!(!only_a_place("Canada", "CAN", canada));
        assert!(!only_a_place("Canadian", "CAN", canada));
        assert!(only_a_place("Montreal", "CAN", canada));
        assert!(
            !only_a_place("Montreal", "CANGOV", canada),
            "a role: acting"
        );
        assert_eq!(country_of(Some("JPNGOV")).map(|c| c.name), Some("Japan"));
        assert!(country_of(Some("IGOUNO")).is_none());
        assert!(country_of(Some("---GOV")).is_none());
    }

    #[test]
    fn middle_initials_are_dropped_from_a_persons_key() {
        assert_eq!(without_middle_initials("donald j trump"), "donald trump");
        assert_eq!(without_middle_initials("j trump"), "j trump");
        assert_eq!(
            without_middle_initials("vladimir v putin"),
            "vladimir putin"
        );
        assert_eq!(without_middle_initials("park min jun"), "park min jun");
    }
}

//! Actors known by name, with their codes: institutions named by their seat
//! (`data/seats.txt`: "White House" → USAGOV, "Kremlin" → RUSGOV) and news
//! outlets (`data/outlets.txt`: "CNN" → USAMED).

use crate::parse::{self, ParseError};
use crate::roles::Role;
use foldhash::HashMap;
use std::sync::OnceLock;

const SEATS_FILE: &str = "seats.txt";
const SEATS: &str = include_str!("data/seats.txt");
const OUTLETS_FILE: &str = "outlets.txt";
const OUTLETS: &str = include_str!("data/outlets.txt");

/// One name and the actor code it stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NamedActor<'t> {
    /// The name as written in news text ("White House").
    pub name: &'t str,
    /// The actor code ("USAGOV").
    pub code: &'t str,
}

/// A table of named actors in file order.
#[derive(Debug, Clone, Default)]
pub struct NamedActors<'t> {
    seats: Vec<NamedActor<'t>>,
    /// Name → index of its first entry (lookups run on every token).
    by_name: HashMap<&'t str, usize>,
}

impl<'t> NamedActors<'t> {
    /// Reads a table in the format of `data/seats.txt` (`CODE  Name` a
    /// line); `file` names it in errors.
    pub fn parse(file: &'static str, text: &'t str) -> Result<Self, ParseError> {
        Self::parse_checked(
            file,
            text,
            "a country code followed by a role code",
            |code| {
                code.len() == 6
                    && code.is_char_boundary(3)
                    && code[..3].bytes().all(|b| b.is_ascii_uppercase())
                    && Role::from_code(&code[3..]).is_some()
            },
        )
    }

    /// Reads a table in the format of `data/named_actors.txt`: as
    /// [`NamedActors::parse`], but a code may be any CAMEO actor code
    /// (`IGOUNOIAEA`, `IGOG7`, `WST`): three or more capitals and digits,
    /// or `---` and a role for a group of no one country (`---PTY`). A
    /// name for a few actors at once ("Baltic states") joins their codes
    /// with `/` (`LTU/LVA/EST`), as PETRARCH's dictionaries do.
    pub fn parse_cameo(file: &'static str, text: &'t str) -> Result<Self, ParseError> {
        Self::parse_checked(file, text, "an actor code", |codes| {
            codes.split('/').all(|code| {
                let rest = code.strip_prefix("---").unwrap_or(code);
                code.len() >= 3
                    && !rest.is_empty()
                    && rest
                        .bytes()
                        .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
            })
        })
    }

    /// Reads `CODE  Name` lines, refusing codes `code_ok` rejects (which
    /// are not what `expected` says).
    fn parse_checked(
        file: &'static str,
        text: &'t str,
        expected: &str,
        code_ok: impl Fn(&str) -> bool,
    ) -> Result<Self, ParseError> {
        let mut out = NamedActors::default();
        for line in parse::lines(text) {
            let Some((code, name)) = line.text.split_once(char::is_whitespace) else {
                return Err(line.error(file, "expected `CODE  Name`"));
            };
            if !code_ok(code) {
                return Err(line.error(file, format!("\"{code}\" is not {expected}")));
            }
            let name = name.trim();
            out.by_name.entry(name).or_insert(out.seats.len());
            out.seats.push(NamedActor { name, code });
        }
        Ok(out)
    }

    /// Every entry, in file order.
    pub fn entries(&self) -> &[NamedActor<'t>] {
        &self.seats
    }

    /// The actor code of the entry named exactly `name`.
    pub fn code_for(&self, name: &str) -> Option<&'t str> {
        self.by_name.get(name).map(|&i| self.seats[i].code)
    }
}

/// The shipped seats, read once. The file is ours and a test keeps it
/// readable, so a failure here is a build defect, not bad input.
pub fn seats() -> &'static NamedActors<'static> {
    static TABLE: OnceLock<NamedActors<'static>> = OnceLock::new();
    TABLE.get_or_init(|| {
        NamedActors::parse(SEATS_FILE, SEATS).unwrap_or_else(|e| panic!("embedded word list: {e}"))
    })
}

/// The shipped news outlets, read once (as [`seats`]).
pub fn outlets() -> &'static NamedActors<'static> {
    static TABLE: OnceLock<NamedActors<'static>> = OnceLock::new();
    TABLE.get_or_init(|| {
        NamedActors::parse(OUTLETS_FILE, OUTLETS)
            .unwrap_or_else(|e| panic!("embedded word list: {e}"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_tables_parse() {
        let s = NamedActors::parse(SEATS_FILE, SEATS).expect("seats.txt");
        assert_eq!(s.code_for("Kremlin"), Some("RUSGOV"));
        assert_eq!(s.code_for("Capitol Hill"), Some("USALEG"));
        assert_eq!(s.code_for("kremlin"), None);
        let o = NamedActors::parse(OUTLETS_FILE, OUTLETS).expect("outlets.txt");
        assert_eq!(o.code_for("CNN"), Some("USAMED"));
        assert_eq!(o.code_for("People's Daily"), Some("CHNMED"));
    }

    #[test]
    fn a_name_may_stand_for_several_actors() {
        let t = NamedActors::parse_cameo("t", "LTU/LVA/EST  Baltic states\n").expect("slash codes");
        assert_eq!(t.code_for("Baltic states"), Some("LTU/LVA/EST"));
        assert!(NamedActors::parse_cameo("t", "LTU//EST  Baltic states\n").is_err());
        assert!(NamedActors::parse_cameo("t", "LTU/lva  Baltic states\n").is_err());
    }

    #[test]
    fn errors_name_the_line() {
        let e =
            NamedActors::parse(SEATS_FILE, "USAGOV  White House\nUSAXYZ  Pentagon\n").unwrap_err();
        assert_eq!((e.file, e.line), (SEATS_FILE, 2));
        assert_eq!(
            NamedActors::parse(SEATS_FILE, "Kremlin\n")
                .unwrap_err()
                .line,
            1
        );
    }
}

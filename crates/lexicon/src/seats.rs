//! Institutions named by their seat (`data/seats.txt`): "White House" →
//! USAGOV, "Kremlin" → RUSGOV.

use crate::parse::{self, ParseError};
use crate::roles::Role;
use std::sync::OnceLock;

const FILE: &str = "seats.txt";
const SEATS: &str = include_str!("data/seats.txt");

/// One seat and the actor code it stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Seat<'t> {
    /// The name as written in news text ("White House").
    pub name: &'t str,
    /// The actor code ("USAGOV").
    pub code: &'t str,
}

/// The seats in file order.
#[derive(Debug, Clone, Default)]
pub struct Seats<'t> {
    seats: Vec<Seat<'t>>,
}

impl<'t> Seats<'t> {
    /// Reads a table in the format of `data/seats.txt`.
    pub fn parse(text: &'t str) -> Result<Self, ParseError> {
        let mut out = Seats::default();
        for line in parse::lines(text) {
            let Some((code, name)) = line.text.split_once(char::is_whitespace) else {
                return Err(line.error(FILE, "expected `CODE  Name`"));
            };
            let country_ok = code.len() == 6
                && code.is_char_boundary(3)
                && code[..3].bytes().all(|b| b.is_ascii_uppercase());
            if !country_ok || Role::from_code(&code[3..]).is_none() {
                return Err(line.error(
                    FILE,
                    format!("\"{code}\" is not a country code followed by a role code"),
                ));
            }
            out.seats.push(Seat {
                name: name.trim(),
                code,
            });
        }
        Ok(out)
    }

    /// Every seat, in file order.
    pub fn entries(&self) -> &[Seat<'t>] {
        &self.seats
    }

    /// The actor code of the seat named exactly `name`.
    pub fn code_for(&self, name: &str) -> Option<&'t str> {
        self.seats.iter().find(|s| s.name == name).map(|s| s.code)
    }
}

/// The shipped seats, read once. The file is ours and a test keeps it
/// readable, so a failure here is a build defect, not bad input.
pub fn seats() -> &'static Seats<'static> {
    static TABLE: OnceLock<Seats<'static>> = OnceLock::new();
    TABLE.get_or_init(|| Seats::parse(SEATS).unwrap_or_else(|e| panic!("embedded word list: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_table_parses() {
        let s = Seats::parse(SEATS).expect("seats.txt");
        assert_eq!(s.code_for("Kremlin"), Some("RUSGOV"));
        assert_eq!(s.code_for("Capitol Hill"), Some("USALEG"));
        assert_eq!(s.code_for("kremlin"), None);
    }

    #[test]
    fn errors_name_the_line() {
        let e = Seats::parse("USAGOV  White House\nUSAXYZ  Pentagon\n").unwrap_err();
        assert_eq!((e.file, e.line), (FILE, 2));
        assert_eq!(Seats::parse("Kremlin\n").unwrap_err().line, 1);
    }
}

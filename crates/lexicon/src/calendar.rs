//! Month and weekday names (`data/calendar.txt`): the one list `extract`,
//! `nlp` and `attribution` read.

use crate::parse::{self, ParseError};
use foldhash::HashMap;
use std::sync::OnceLock;

const FILE: &str = "calendar.txt";
const TEXT: &str = include_str!("data/calendar.txt");

/// Month and weekday names, lowercase.
#[derive(Debug, Clone, Default)]
pub struct Calendar<'t> {
    /// Full month names, January first.
    months: Vec<&'t str>,
    /// Weekday names, Monday first.
    weekdays: Vec<&'t str>,
    /// Every month name and abbreviation → month number (1 = January).
    month_of: HashMap<&'t str, u32>,
}

impl<'t> Calendar<'t> {
    /// Reads a file in the format of `data/calendar.txt`: twelve month lines
    /// and seven weekday lines.
    pub fn parse(text: &'t str) -> Result<Self, ParseError> {
        let mut out = Calendar::default();
        let mut last = None;
        for (name, lines) in parse::sections(FILE, text, &["months", "weekdays"])? {
            for line in lines {
                last = Some(line);
                if line.text.chars().any(char::is_uppercase) {
                    return Err(line.error(FILE, "names are written in lowercase"));
                }
                if name == "weekdays" {
                    out.weekdays.push(line.text);
                    continue;
                }
                let mut words = line.text.split_whitespace();
                let full = words.next().unwrap_or(line.text);
                out.months.push(full);
                let number = out.months.len() as u32;
                for w in std::iter::once(full).chain(words) {
                    out.month_of.insert(w, number);
                }
            }
        }
        if out.months.len() != 12 || out.weekdays.len() != 7 {
            let (file, line) = (FILE, last.map_or(0, |l| l.number));
            return Err(ParseError {
                file,
                line,
                reason: format!(
                    "expected 12 months and 7 weekdays, found {} and {}",
                    out.months.len(),
                    out.weekdays.len()
                ),
            });
        }
        Ok(out)
    }

    /// The month (1 = January) a lowercase name or abbreviation names
    /// ("march", "sept").
    pub fn month(&self, lower: &str) -> Option<u32> {
        self.month_of.get(lower).copied()
    }

    /// The weekday a lowercase name names, as days from Monday (0–6).
    pub fn weekday(&self, lower: &str) -> Option<u32> {
        self.weekdays
            .iter()
            .position(|d| *d == lower)
            .map(|i| i as u32)
    }

    /// Full month names, January first.
    pub fn months(&self) -> &[&'t str] {
        &self.months
    }

    /// Weekday names, Monday first.
    pub fn weekdays(&self) -> &[&'t str] {
        &self.weekdays
    }
}

/// The shipped calendar, read once. The file is ours and a test keeps it
/// readable, so a failure here is a build defect, not bad input.
pub fn calendar() -> &'static Calendar<'static> {
    static TABLE: OnceLock<Calendar<'static>> = OnceLock::new();
    TABLE
        .get_or_init(|| Calendar::parse(TEXT).unwrap_or_else(|e| panic!("embedded word list: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_file_parses() {
        let c = Calendar::parse(TEXT).expect("calendar.txt");
        assert_eq!(c.month("sept"), Some(9));
        assert_eq!(c.month("may"), Some(5));
        assert_eq!(c.month("december"), Some(12));
        assert_eq!(c.month("mai"), None);
        assert_eq!(c.weekday("monday"), Some(0));
        assert_eq!(c.weekday("sunday"), Some(6));
        assert_eq!(c.months()[0], "january");
        assert_eq!(c.weekdays().len(), 7);
    }

    #[test]
    fn errors_name_the_line() {
        let e = Calendar::parse("[months]\njanuary\nFebruary\n").unwrap_err();
        assert_eq!((e.file, e.line), (FILE, 3));
        let e = Calendar::parse("[months]\njanuary\n[weekdays]\nmonday\n").unwrap_err();
        assert_eq!(e.line, 4);
    }
}

//! Heads of state and government, foreign and defence ministers with their
//! terms of office (2000 to today, for the countries most in the news),
//! written by hand from public facts in `data/leaders.tsv`.
//!
//! A leader is coded with the government (`USAGOV`) on days in office and
//! as an elite (`USAELI`) before and after: "President Obama" is `USAGOV` in
//! 2016 and `USAELI` in 2019. Dates are those of the document that names
//! him, never today's.

use chrono::NaiveDate;
use std::collections::HashMap;
use std::sync::OnceLock;

/// One term of office.
#[derive(Debug, Clone, PartialEq)]
pub struct Term {
    /// First day in office.
    pub from: NaiveDate,
    /// Last day in office (the day the successor took over); `None` while
    /// in office.
    pub to: Option<NaiveDate>,
    /// "president", "head of government", "foreign minister", …
    pub office: &'static str,
}

/// A person who held one of the offices, with every term.
#[derive(Debug, Clone, PartialEq)]
pub struct Leader {
    /// Full name first, then the other forms news text uses ("Obama",
    /// "President Obama").
    pub names: Vec<&'static str>,
    /// ISO 3166 alpha-3 code of the country served.
    pub country: &'static str,
    /// Terms of office, earliest first.
    pub terms: Vec<Term>,
}

/// An actor code valid over a date range (both ends inclusive, open when
/// `None`).
#[derive(Debug, Clone, PartialEq)]
pub struct DatedCode {
    /// CAMEO actor code (`USAGOV`, `USAELI`).
    pub code: String,
    /// First day, if bounded.
    pub from: Option<NaiveDate>,
    /// Last day, if bounded.
    pub to: Option<NaiveDate>,
}

impl Leader {
    /// Whether he held office on `date`.
    pub fn in_office(&self, date: NaiveDate) -> bool {
        self.terms
            .iter()
            .any(|t| t.from <= date && t.to.is_none_or(|to| date <= to))
    }

    /// The code on `date`: the government while in office, the country's
    /// elite otherwise; with no date, as things stand in the table (in
    /// office if a term is still open).
    pub fn code_on(&self, date: Option<NaiveDate>) -> String {
        let in_office = match date {
            Some(d) => self.in_office(d),
            None => self.terms.iter().any(|t| t.to.is_none()),
        };
        format!("{}{}", self.country, if in_office { "GOV" } else { "ELI" })
    }

    /// Every date range with its code, in order: out of office (`ELI`)
    /// before, between and after the terms, in office (`GOV`) during them.
    pub fn dated_codes(&self) -> Vec<DatedCode> {
        let gov = format!("{}GOV", self.country);
        let eli = format!("{}ELI", self.country);
        let mut terms = self.terms.clone();
        terms.sort_by_key(|t| t.from);
        let mut out = Vec::new();
        // Merge touching or overlapping terms (president after head of
        // government on the same day).
        let mut merged: Vec<(NaiveDate, Option<NaiveDate>)> = Vec::new();
        for t in &terms {
            match merged.last_mut() {
                Some((_, end)) if end.is_none_or(|e| t.from <= e) => {
                    *end = match (*end, t.to) {
                        (Some(a), Some(b)) => Some(a.max(b)),
                        _ => None,
                    };
                }
                _ => merged.push((t.from, t.to)),
            }
        }
        let mut before: Option<NaiveDate> = None;
        for (from, to) in merged {
            if let Some(gap_end) = from.pred_opt() {
                if before.is_none_or(|b| b < gap_end) {
                    out.push(DatedCode {
                        code: eli.clone(),
                        from: before.and_then(|b| b.succ_opt()),
                        to: Some(gap_end),
                    });
                }
            }
            out.push(DatedCode {
                code: gov.clone(),
                from: Some(from),
                to,
            });
            before = to;
        }
        if let Some(last) = before {
            out.push(DatedCode {
                code: eli,
                from: last.succ_opt(),
                to: None,
            });
        }
        out
    }
}

const DATA: &str = include_str!("../data/leaders.tsv");

/// Every leader of the table, grouped by full name.
pub fn leaders() -> &'static [Leader] {
    &tables().0
}

/// The leader `name` names (a full name or another form the table lists,
/// written as in news text), if any.
pub fn leader(name: &str) -> Option<&'static Leader> {
    let (all, by_name) = tables();
    by_name.get(name).map(|&i| &all[i])
}

type Tables = (Vec<Leader>, HashMap<&'static str, usize>);

fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(|| {
        let mut all: Vec<Leader> = Vec::new();
        let mut by_full: HashMap<&'static str, usize> = HashMap::new();
        for row in DATA.lines().filter_map(parse_row) {
            let (country, term, names) = row;
            let i = *by_full.entry(names[0]).or_insert_with(|| {
                all.push(Leader {
                    names: Vec::new(),
                    country,
                    terms: Vec::new(),
                });
                all.len() - 1
            });
            let l = &mut all[i];
            for n in names {
                if !l.names.contains(&n) {
                    l.names.push(n);
                }
            }
            l.terms.push(term);
        }
        let mut by_name = HashMap::new();
        for (i, l) in all.iter().enumerate() {
            for n in &l.names {
                by_name.entry(*n).or_insert(i);
            }
        }
        (all, by_name)
    })
}

/// One line of the table: country, term and names; `None` for comments,
/// blank lines and malformed rows (the tests check there are none).
fn parse_row(line: &'static str) -> Option<(&'static str, Term, Vec<&'static str>)> {
    if line.starts_with('#') || line.trim().is_empty() {
        return None;
    }
    let cols: Vec<&'static str> = line.split('\t').collect();
    let [country, from, to, office, names] = cols.as_slice() else {
        return None;
    };
    let date = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
    let names: Vec<&'static str> = names.split('|').map(str::trim).collect();
    if country.len() != 3 || names.iter().any(|n| n.is_empty()) {
        return None;
    }
    let to = if to.is_empty() { None } else { Some(date(to)?) };
    Some((
        country,
        Term {
            from: date(from)?,
            to,
            office,
        },
        names,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> Option<NaiveDate> {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
    }

    #[test]
    fn every_row_parses() {
        let rows = DATA
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .count();
        let terms: usize = leaders().iter().map(|l| l.terms.len()).sum();
        assert_eq!(rows, terms);
        for l in leaders() {
            assert!(crate::country_by_code(l.country).is_some(), "{l:?}");
            for t in &l.terms {
                assert!(t.to.is_none_or(|to| t.from <= to), "{l:?}");
            }
        }
    }

    #[test]
    fn obama_governs_in_2016_and_is_an_elite_in_2019() {
        let obama = leader("President Obama").unwrap();
        assert_eq!(obama.code_on(day("2016-06-07")), "USAGOV");
        assert_eq!(obama.code_on(day("2019-03-01")), "USAELI");
        assert_eq!(obama.code_on(day("2005-03-01")), "USAELI");
        let trump = leader("Donald J. Trump").unwrap();
        assert_eq!(trump.code_on(day("2016-09-06")), "USAELI");
        assert_eq!(trump.code_on(day("2019-11-21")), "USAGOV");
        assert_eq!(trump.code_on(day("2023-01-01")), "USAELI");
        assert_eq!(trump.code_on(day("2025-06-01")), "USAGOV");
        assert_eq!(
            leader("Putin").unwrap().code_on(day("2010-01-01")),
            "RUSGOV"
        );
        assert_eq!(leader("Xi").unwrap().code_on(None), "CHNGOV");
    }

    #[test]
    fn dated_codes_cover_time_without_overlap() {
        let trump = leader("Donald Trump").unwrap();
        let codes: Vec<(String, Option<NaiveDate>, Option<NaiveDate>)> = trump
            .dated_codes()
            .into_iter()
            .map(|c| (c.code, c.from, c.to))
            .collect();
        assert_eq!(
            codes,
            [
                ("USAELI".into(), None, day("2017-01-19")),
                ("USAGOV".into(), day("2017-01-20"), day("2021-01-20")),
                ("USAELI".into(), day("2021-01-21"), day("2025-01-19")),
                ("USAGOV".into(), day("2025-01-20"), None),
            ]
        );
    }
}

//! Splitting a day range into whole years, whole months and leftover days,
//! so a date-range aggregate reads the per-year and per-month totals kept at
//! insert time instead of every day's rows (a year of the actor graph is
//! tens of thousands of `pair_days` rows at 100,000 documents).

use chrono::{Datelike, NaiveDate};

/// Inclusive `(first, last)` ranges of period keys, formatted as the store
/// writes them: days `YYYY-MM-DD`, months `YYYY-MM`, years `YYYY`.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct PeriodRanges {
    /// Day ranges not covered by a whole month or year.
    pub days: Vec<(String, String)>,
    /// Whole months not covered by a whole year.
    pub months: Vec<(String, String)>,
    /// Whole years.
    pub years: Vec<(String, String)>,
}

/// Whether `day` is written with a four-digit year: only such days are in
/// the per-month and per-year totals.
fn supported(day: NaiveDate) -> bool {
    (0..=9999).contains(&day.year())
}

fn year_key(year: i32) -> String {
    format!("{year:04}")
}

fn month_key(day: NaiveDate) -> String {
    format!("{:04}-{:02}", day.year(), day.month())
}

/// Splits `[from, to]` (inclusive) into whole years, whole months and the
/// days left over. `None` when a bound lies outside years 0–9999 (the
/// caller then reads days only); empty ranges when `from > to`.
pub(crate) fn split(from: NaiveDate, to: NaiveDate) -> Option<PeriodRanges> {
    if !supported(from) || !supported(to) {
        return None;
    }
    let mut out = PeriodRanges::default();
    if from > to {
        return Some(out);
    }
    let first_year = if from.ordinal() == 1 {
        from.year()
    } else {
        from.year() + 1
    };
    let last_year = if to.month() == 12 && to.day() == 31 {
        to.year()
    } else {
        to.year() - 1
    };
    if first_year <= last_year {
        out.years.push((year_key(first_year), year_key(last_year)));
        let year_start = NaiveDate::from_ymd_opt(first_year, 1, 1)?;
        let year_end = NaiveDate::from_ymd_opt(last_year, 12, 31)?;
        if from < year_start {
            split_months(from, year_start.pred_opt()?, &mut out)?;
        }
        if to > year_end {
            split_months(year_end.succ_opt()?, to, &mut out)?;
        }
    } else {
        split_months(from, to, &mut out)?;
    }
    Some(out)
}

/// Adds `[from, to]` (no whole year inside) as whole months and days.
fn split_months(from: NaiveDate, to: NaiveDate, out: &mut PeriodRanges) -> Option<()> {
    let first_of = |d: NaiveDate| d.with_day(1);
    let month_start = if from.day() == 1 {
        from
    } else {
        // the first day of the next month
        first_of(first_of(from)?.checked_add_months(chrono::Months::new(1))?)?
    };
    let month_end = if to.succ_opt()?.day() == 1 {
        to
    } else {
        first_of(to)?.pred_opt()?
    };
    if month_start <= month_end {
        out.months
            .push((month_key(month_start), month_key(month_end)));
        if from < month_start {
            out.days
                .push((from.to_string(), month_start.pred_opt()?.to_string()));
        }
        if to > month_end {
            out.days
                .push((month_end.succ_opt()?.to_string(), to.to_string()));
        }
    } else {
        out.days.push((from.to_string(), to.to_string()));
    }
    Some(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn pairs(v: &[(&str, &str)]) -> Vec<(String, String)> {
        v.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    #[test]
    fn a_range_within_one_month_is_days() {
        let r = split(day("2021-03-17"), day("2021-04-16")).unwrap();
        assert_eq!(
            r.days,
            pairs(&[("2021-03-17", "2021-04-16")]),
            "no whole month inside"
        );
        assert!(r.months.is_empty() && r.years.is_empty());
    }

    #[test]
    fn whole_months_and_years_are_taken_whole() {
        let r = split(day("2020-11-15"), day("2023-02-10")).unwrap();
        assert_eq!(r.years, pairs(&[("2021", "2022")]));
        assert_eq!(
            r.months,
            pairs(&[("2020-12", "2020-12"), ("2023-01", "2023-01")])
        );
        assert_eq!(
            r.days,
            pairs(&[("2020-11-15", "2020-11-30"), ("2023-02-01", "2023-02-10")])
        );
        let year = split(day("2023-01-01"), day("2023-12-31")).unwrap();
        assert_eq!(year.years, pairs(&[("2023", "2023")]));
        assert!(year.months.is_empty() && year.days.is_empty());
        let month = split(day("2024-02-01"), day("2024-02-29")).unwrap();
        assert_eq!(month.months, pairs(&[("2024-02", "2024-02")]));
        assert!(month.days.is_empty());
    }

    #[test]
    fn empty_and_unsupported_ranges() {
        assert_eq!(
            split(day("2021-02-01"), day("2021-01-01")),
            Some(PeriodRanges::default())
        );
        let far = NaiveDate::from_ymd_opt(10_000, 1, 1).unwrap();
        assert_eq!(split(day("2021-01-01"), far), None);
        let all = split(NaiveDate::from_ymd_opt(0, 1, 1).unwrap(), day("9999-12-31")).unwrap();
        assert_eq!(all.years, pairs(&[("0000", "9999")]));
    }
}

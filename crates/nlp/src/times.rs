//! Time expressions and the dates they denote.
//!
//! Absolute dates ("2022-03-14", "March 14, 2022", "14 March") and
//! relative ones ("Monday", "yesterday", "last week") are found over
//! tokens and resolved against the publication date. Weekdays look
//! forward when the sentence speaks of the future ("will meet Monday")
//! and backward otherwise ("said Sunday"); periods ("last week", "next
//! month") resolve to their first day. Without a publication date,
//! relative expressions keep a `None` value: never guessed.

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use model::{Span, TimeExpression};

/// The month a capitalised word names ("March", "Mar.").
fn month_of(word: &str) -> Option<u32> {
    if !word.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    let w = word.trim_end_matches('.').to_lowercase();
    // "May" alone is too often the verb; callers require a day number.
    lexicon::calendar().month(&w)
}

/// The weekday a word names.
fn weekday_of(word: &str) -> Option<Weekday> {
    let w = crate::tokenize::lowercase(word);
    let days_from_monday = lexicon::calendar().weekday(&w)?;
    Weekday::try_from(u8::try_from(days_from_monday).ok()?).ok()
}

/// A day of the month ("14", "14th").
fn day_of(word: &str) -> Option<u32> {
    // What `parse` reads starts with a digit or a sign: other words (most)
    // are let go before their letters are trimmed.
    if !word
        .as_bytes()
        .first()
        .is_some_and(|b| b.is_ascii_digit() || *b == b'+')
    {
        return None;
    }
    let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &word[digits.len()..];
    if !matches!(suffix, "" | "st" | "nd" | "rd" | "th") || digits.len() > 2 {
        return None;
    }
    digits.parse().ok().filter(|d| (1..=31).contains(d))
}

/// A four-digit year between 1900 and 2199.
fn year_of(word: &str) -> Option<i32> {
    (word.len() == 4)
        .then(|| word.parse().ok())
        .flatten()
        .filter(|y| (1900..2200).contains(y))
}

/// An ISO date written as one token ("2022-03-14").
fn iso_date(word: &str) -> Option<NaiveDate> {
    if word.len() != 10 {
        return None;
    }
    NaiveDate::parse_from_str(word, "%Y-%m-%d").ok()
}

/// A month and a day in the first two of `words`, in either order
/// ("March 14", "14 March"); the flag says whether the month came first.
fn month_and_day(words: &[&str]) -> Option<(u32, u32, bool)> {
    let (first, second) = (words.first()?, words.get(1)?);
    // The day first: it needs no lower-cased copy, and few words are one.
    if let Some(d) = day_of(second) {
        if let Some(m) = month_of(first) {
            return Some((m, d, true));
        }
    }
    let (d, m) = (day_of(first)?, month_of(second)?);
    Some((m, d, false))
}

/// The year written at `at` in `words`, if any, and the index after the
/// expression. American order puts a comma before the year ("March 14,
/// 2022"); day-first order does not ("14 March 2022").
fn year_after(words: &[&str], at: usize, month_first: bool) -> (Option<i32>, usize) {
    if month_first && words.get(at) == Some(&",") {
        if let Some(y) = words.get(at + 1).and_then(|w| year_of(w)) {
            return (Some(y), at + 2);
        }
        return (None, at);
    }
    match words.get(at).and_then(|w| year_of(w)) {
        Some(y) => (Some(y), at + 1),
        None => (None, at),
    }
}

/// A month and day without a year, placed in the year that puts it
/// nearest to the publication date.
fn nearest_year(month: u32, day: u32, published: NaiveDate) -> Option<NaiveDate> {
    [0, -1, 1]
        .iter()
        .filter_map(|dy| NaiveDate::from_ymd_opt(published.year() + dy, month, day))
        .min_by_key(|d| (*d - published).num_days().abs())
}

/// Whether the sentence around token `i` speaks of the future.
fn future_context(words: &[&str], sentence: (usize, usize)) -> bool {
    words[sentence.0..sentence.1].iter().any(|w| {
        lexicon::modality_words()
            .future_markers
            .contains(&w.to_lowercase().as_str())
    })
}

/// Finds time expressions among `tokens` (`words` their text, with
/// `sentences` as token ranges `[start, end)`) and resolves them against
/// `published`.
pub fn time_expressions(
    tokens: &[Span],
    words: &[&str],
    sentences: &[(usize, usize)],
    published: Option<NaiveDate>,
) -> Vec<TimeExpression> {
    // Lower-cased where read, not kept for every token: a long page's
    // would be hundreds of MB.
    let lower = |k: usize| crate::tokenize::lowercase(words[k]);
    let mut out = Vec::new();
    for &(s_start, s_end) in sentences {
        let mut i = s_start;
        while i < s_end {
            let span = |a: usize, b: usize| Span::new(tokens[a].start, tokens[b - 1].end);
            let word = words[i];
            // "2022-03-14"
            if let Some(d) = iso_date(word) {
                out.push(TimeExpression {
                    span: span(i, i + 1),
                    value: Some(d),
                });
                i += 1;
                continue;
            }
            // "March 14", "March 14, 2022", "Mar. 14th", "14 March", "14 March 2022"
            if let Some((month, day, month_first)) = month_and_day(&words[i..s_end]) {
                let (year, end) = year_after(&words[..s_end], i + 2, month_first);
                let value = match year {
                    Some(y) => NaiveDate::from_ymd_opt(y, month, day),
                    None => published.and_then(|p| nearest_year(month, day, p)),
                };
                out.push(TimeExpression {
                    span: span(i, end),
                    value,
                });
                i = end;
                continue;
            }
            // Weekdays, with "last"/"next"/"this" if present.
            if let Some(day) = word
                .starts_with(char::is_uppercase)
                .then(|| weekday_of(word))
                .flatten()
            {
                // The word before is read only here, not lower-cased at
                // every token.
                let prev = if i > s_start {
                    lower(i - 1)
                } else {
                    Default::default()
                };
                let (start, direction) = match prev.as_str() {
                    "last" | "past" => (i - 1, Direction::Past),
                    "next" | "coming" => (i - 1, Direction::Future),
                    "this" => (i - 1, Direction::Either),
                    _ if future_context(words, (s_start, s_end)) => (i, Direction::Future),
                    _ => (i, Direction::Either),
                };
                let strict = start < i && direction != Direction::Either;
                let value = published.map(|p| resolve_weekday(p, day, direction, strict));
                out.push(TimeExpression {
                    span: span(start, i + 1),
                    value,
                });
                i += 1;
                continue;
            }
            // Deictic days. An ASCII word is one of the words read below
            // only if it has one's first letter and length (lower-casing
            // keeps both); others (most) are not lower-cased to be compared.
            if word.is_ascii() && !may_be_deictic(word.as_bytes()) {
                i += 1;
                continue;
            }
            let here = lower(i);
            let offset = match here.as_str() {
                "today" | "tonight" => Some(0),
                "yesterday" => Some(-1),
                "tomorrow" => Some(1),
                _ => None,
            };
            if let Some(o) = offset {
                out.push(TimeExpression {
                    span: span(i, i + 1),
                    value: published.map(|p| p + Duration::days(o)),
                });
                i += 1;
                continue;
            }
            // "last week", "next month", "this year": the period's first day.
            if matches!(here.as_str(), "last" | "next" | "this" | "past") && i + 1 < s_end {
                let next = lower(i + 1);
                let step: i32 = match here.as_str() {
                    "last" | "past" => -1,
                    "next" => 1,
                    _ => 0,
                };
                let value = |p: NaiveDate| -> Option<NaiveDate> {
                    match next.as_str() {
                        "week" => {
                            let monday =
                                p - Duration::days(i64::from(p.weekday().num_days_from_monday()));
                            Some(monday + Duration::weeks(i64::from(step)))
                        }
                        "month" => {
                            let months = p.year() * 12 + p.month0() as i32 + step;
                            NaiveDate::from_ymd_opt(
                                months.div_euclid(12),
                                months.rem_euclid(12) as u32 + 1,
                                1,
                            )
                        }
                        "year" => NaiveDate::from_ymd_opt(p.year() + step, 1, 1),
                        _ => None,
                    }
                };
                if matches!(next.as_str(), "week" | "month" | "year") {
                    out.push(TimeExpression {
                        span: span(i, i + 2),
                        value: published.and_then(value),
                    });
                    i += 2;
                    continue;
                }
            }
            i += 1;
        }
    }
    out
}

/// Whether ASCII `word` has the first letter (in either case) and length
/// of "today", "tonight", "yesterday", "tomorrow", "last", "next", "this"
/// or "past": the words [`time_expressions`] compares a token with.
fn may_be_deictic(word: &[u8]) -> bool {
    let Some(first) = word.first() else {
        return false;
    };
    matches!(
        (first.to_ascii_lowercase(), word.len()),
        (b't', 4 | 5 | 7 | 8) | (b'y', 9) | (b'l' | b'n' | b'p', 4)
    )
}

/// Which way a weekday points from the publication date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Direction {
    /// The nearest such day before (or on) the date.
    Past,
    /// The nearest such day after (or on) the date.
    Future,
    /// Past by default: news reports what happened.
    Either,
}

/// The date of weekday `day` relative to `published`. The same weekday as
/// `published` is that day itself unless `strict` ("next Sunday").
fn resolve_weekday(
    published: NaiveDate,
    day: Weekday,
    direction: Direction,
    strict: bool,
) -> NaiveDate {
    let from = i64::from(published.weekday().num_days_from_monday());
    let to = i64::from(day.num_days_from_monday());
    match direction {
        Direction::Future => {
            let mut ahead = (to - from).rem_euclid(7);
            if ahead == 0 && strict {
                ahead = 7;
            }
            published + Duration::days(ahead)
        }
        Direction::Past | Direction::Either => {
            let mut back = (from - to).rem_euclid(7);
            if back == 0 && strict {
                back = 7;
            }
            published - Duration::days(back)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize::tokens;

    fn times(text: &str, published: Option<NaiveDate>) -> Vec<(String, Option<String>)> {
        let toks = tokens(text);
        let words: Vec<&str> = toks.iter().map(|t| t.slice(text)).collect();
        let sentences = vec![(0, toks.len())];
        time_expressions(&toks, &words, &sentences, published)
            .into_iter()
            .map(|t| {
                (
                    t.span.slice(text).to_string(),
                    t.value.map(|d| d.to_string()),
                )
            })
            .collect()
    }

    fn d(s: &str) -> Option<NaiveDate> {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
    }

    #[test]
    fn days_are_numbers_with_an_ordinal_ending() {
        assert_eq!(day_of("14"), Some(14));
        assert_eq!(day_of("3rd"), Some(3));
        assert_eq!(day_of("31st"), Some(31));
        assert_eq!(day_of("32"), None);
        assert_eq!(day_of("0"), None);
        assert_eq!(day_of("14x"), None);
        assert_eq!(day_of("th"), None);
        assert_eq!(day_of("March"), None);
        assert_eq!(day_of(""), None);
    }

    #[test]
    fn weekdays_follow_tense() {
        // 2022-03-13 is a Sunday.
        let p = d("2022-03-13");
        assert_eq!(
            times("They will meet Monday in Rome.", p),
            [("Monday".into(), Some("2022-03-14".into()))]
        );
        assert_eq!(
            times("The White House said Sunday.", p),
            [("Sunday".into(), Some("2022-03-13".into()))]
        );
        assert_eq!(
            times("He left on Friday.", p),
            [("Friday".into(), Some("2022-03-11".into()))]
        );
        assert_eq!(
            times("They met last Sunday.", p),
            [("last Sunday".into(), Some("2022-03-06".into()))]
        );
    }

    #[test]
    fn absolute_and_deictic_dates() {
        let p = d("2022-03-13");
        assert_eq!(
            times("On March 14, 2022 and 2022-03-15, not yesterday.", p),
            [
                ("March 14, 2022".into(), Some("2022-03-14".into())),
                ("2022-03-15".into(), Some("2022-03-15".into())),
                ("yesterday".into(), Some("2022-03-12".into())),
            ]
        );
        assert_eq!(
            times("It happened last week, on 2 January.", p),
            [
                ("last week".into(), Some("2022-02-28".into())),
                ("2 January".into(), Some("2022-01-02".into())),
            ]
        );
        assert_eq!(
            times(
                "Talks began 14 March 2021 and ended Dec. 3rd, as planned.",
                p
            ),
            [
                ("14 March 2021".into(), Some("2021-03-14".into())),
                ("Dec. 3rd".into(), Some("2021-12-03".into())),
            ]
        );
    }

    #[test]
    fn unresolvable_without_a_date() {
        assert_eq!(times("They meet Monday.", None), [("Monday".into(), None)]);
    }
}

//! Calendar dates as pages write them: ISO timestamps in metadata, dates in
//! URL paths, and English datelines ("Nov. 19, 2019", "19 November 2019").

use chrono::NaiveDate;

/// Years a news page's publication date can plausibly fall in.
const YEARS: std::ops::RangeInclusive<i32> = 1990..=2100;

/// The first date in `s`: an ISO-like `YYYY-MM-DD` (also with `/` or `.`),
/// or an English "Month D, YYYY" / "D Month YYYY".
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    numeric_date(s).or_else(|| worded_date(s))
}

/// A `YYYY-MM-DD`, `YYYY/MM/DD` or `YYYY.MM.DD` date anywhere in `s`.
pub fn numeric_date(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    let mut i = 0;
    while i + 8 <= b.len() {
        let starts_run = i == 0 || !b[i - 1].is_ascii_digit();
        if starts_run && b[i..i + 4].iter().all(u8::is_ascii_digit) {
            if let Some(d) = ymd_at(b, i) {
                return Some(d);
            }
        }
        i += 1;
    }
    None
}

/// Reads `YYYY<sep>M[M]<sep>D[D]` at `i`.
fn ymd_at(b: &[u8], i: usize) -> Option<NaiveDate> {
    let year = digits(&b[i..i + 4])?;
    let sep = *b.get(i + 4)?;
    if !matches!(sep, b'-' | b'/' | b'.') {
        return None;
    }
    let (month, after_month) = number_at(b, i + 5, 2)?;
    if b.get(after_month) != Some(&sep) {
        return None;
    }
    let (day, after_day) = number_at(b, after_month + 1, 2)?;
    if b.get(after_day).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    make(year as i32, month, day)
}

/// A date in a URL path: `/2019/11/19/`, `/2019-11-19`, `/20191119/`.
pub fn date_in_url(url: &str) -> Option<NaiveDate> {
    let path = url.split_once("://").map_or(url, |(_, rest)| rest);
    let path = path.find('/').map_or("", |i| &path[i..]);
    if let Some(d) = numeric_date(path) {
        return Some(d);
    }
    // Eight digits between separators: 20191119.
    for part in path.split(['/', '-', '_', '.']) {
        if part.len() == 8 && part.bytes().all(|c| c.is_ascii_digit()) {
            let y = digits(&part.as_bytes()[..4])? as i32;
            let m = digits(&part.as_bytes()[4..6])?;
            let d = digits(&part.as_bytes()[6..8])?;
            if let Some(date) = make(y, m, d) {
                return Some(date);
            }
        }
    }
    None
}

fn month_of(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.');
    // Most words are no month: a cheap shape check before lower-casing
    // and hashing keeps this scan as cheap as the text it reads.
    if !(3..=9).contains(&w.len()) || !w.bytes().all(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    lexicon::calendar().month(&w.to_ascii_lowercase())
}

/// "November 19, 2019", "Nov. 19 2019", "19 November 2019", "19 Nov, 2019".
pub fn worded_date(s: &str) -> Option<NaiveDate> {
    let words: Vec<&str> = s
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    for w in 0..words.len() {
        let Some(month) = month_of(words[w]) else {
            continue;
        };
        // Month Day Year
        if let (Some(d), Some(y)) = (words.get(w + 1), words.get(w + 2)) {
            if let (Some(d), Some(y)) = (day_word(d), year_word(y)) {
                if let Some(date) = make(y, month, d) {
                    return Some(date);
                }
            }
        }
        // Day Month Year
        if w > 0 {
            if let (Some(d), Some(y)) = (words.get(w - 1), words.get(w + 1)) {
                if let (Some(d), Some(y)) = (day_word(d), year_word(y)) {
                    if let Some(date) = make(y, month, d) {
                        return Some(date);
                    }
                }
            }
        }
    }
    None
}

fn day_word(w: &str) -> Option<u32> {
    let w = w.trim_end_matches(['.', 's', 't', 'n', 'd', 'r', 'h']);
    (!w.is_empty() && w.len() <= 2)
        .then(|| w.parse().ok())
        .flatten()
}

fn year_word(w: &str) -> Option<i32> {
    let w = w.trim_end_matches(|c: char| !c.is_ascii_digit());
    (w.len() == 4).then(|| w.parse().ok()).flatten()
}

fn make(year: i32, month: u32, day: u32) -> Option<NaiveDate> {
    if !YEARS.contains(&year) {
        return None;
    }
    NaiveDate::from_ymd_opt(year, month, day)
}

fn digits(b: &[u8]) -> Option<u32> {
    let mut n = 0u32;
    for &c in b {
        if !c.is_ascii_digit() {
            return None;
        }
        n = n * 10 + u32::from(c - b'0');
    }
    Some(n)
}

/// Up to `max` digits at `i`: the number and where it ends.
fn number_at(b: &[u8], i: usize, max: usize) -> Option<(u32, usize)> {
    let mut end = i;
    while end < b.len() && end - i < max && b[end].is_ascii_digit() {
        end += 1;
    }
    (end > i)
        .then(|| digits(&b[i..end]).map(|n| (n, end)))
        .flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    #[test]
    fn iso_and_slashes() {
        assert_eq!(parse_date("2019-11-19T10:00:00Z"), d(2019, 11, 19));
        assert_eq!(parse_date("Posted 2019/1/9"), d(2019, 1, 9));
        assert_eq!(parse_date("12019-11-19"), None);
        assert_eq!(parse_date("2019-13-01"), None);
    }

    #[test]
    fn words() {
        assert_eq!(parse_date("Nov. 19, 2019 at 5pm"), d(2019, 11, 19));
        assert_eq!(parse_date("Published 3rd March 2022"), d(2022, 3, 3));
        assert_eq!(parse_date("May I help"), None);
    }

    #[test]
    fn urls() {
        assert_eq!(
            date_in_url("https://x.com/2019/11/19/opinion/a.html"),
            d(2019, 11, 19)
        );
        assert_eq!(date_in_url("https://x.com/news/20220313-a"), d(2022, 3, 13));
        assert_eq!(date_in_url("https://x.com/2019/11/a.html"), None);
        assert_eq!(date_in_url("https://2019-11-19.com/a"), None);
    }
}

//! When and where an event happened: the date from the sentence's time
//! expressions (or the publication date), the place from "in Rome".

use crate::tokens::Token;
use chrono::{Datelike, Duration, NaiveDate, Weekday};
use gazetteer::Gazetteer;
use model::{Place, Span, TimeExpression};

/// The date of an event whose trigger is at `at` in `sentence`: the
/// resolved time expression nearest to it in the sentence; failing that a
/// weekday or "today"/"yesterday"/"tomorrow" in the sentence resolved
/// against `published` (forward for future events); failing that `published`.
pub fn date(
    times: &[TimeExpression],
    tokens: &[Token],
    sentence: Span,
    at: usize,
    published: Option<NaiveDate>,
    future: bool,
) -> Option<NaiveDate> {
    let distance = |s: Span| s.start.abs_diff(at).min(s.end.abs_diff(at));
    let from_nlp = times
        .iter()
        .filter(|t| sentence.contains(t.span) && t.value.is_some())
        .min_by_key(|t| distance(t.span))
        .and_then(|t| t.value);
    if from_nlp.is_some() {
        return from_nlp;
    }
    let p = published?;
    let own = tokens
        .iter()
        .filter_map(|t| relative_day(&t.lower, p, future).map(|d| (distance(t.span), d)))
        .min_by_key(|(dist, _)| *dist)
        .map(|(_, d)| d);
    Some(own.unwrap_or(p))
}

/// The time expressions of `times` (in order of their starts) that start
/// within `span` or at its end: all of those `span` contains, in the same
/// order, so that `date` gives the same answer from them.
pub fn starting_in(times: &[TimeExpression], span: Span) -> &[TimeExpression] {
    let lo = times.partition_point(|t| t.span.start < span.start);
    let hi = times.partition_point(|t| t.span.start <= span.end);
    &times[lo..hi.max(lo)]
}

/// "monday" → the Monday nearest `published` in the event's direction.
fn relative_day(word: &str, published: NaiveDate, future: bool) -> Option<NaiveDate> {
    let day = match word {
        "today" | "tonight" => return Some(published),
        "yesterday" => return published.pred_opt(),
        "tomorrow" => return published.succ_opt(),
        "monday" => Weekday::Mon,
        "tuesday" => Weekday::Tue,
        "wednesday" => Weekday::Wed,
        "thursday" => Weekday::Thu,
        "friday" => Weekday::Fri,
        "saturday" => Weekday::Sat,
        "sunday" => Weekday::Sun,
        _ => return None,
    };
    let from = published.weekday().num_days_from_monday() as i64;
    let to = day.num_days_from_monday() as i64;
    let offset = if future {
        (to - from).rem_euclid(7)
    } else {
        -((from - to).rem_euclid(7))
    };
    published.checked_add_signed(Duration::days(offset))
}

/// Prepositions that introduce where something happens.
/// (`lexicon`'s `event_words.txt`, `[locative-prepositions]`.)
static LOCATIVE: std::sync::LazyLock<&lexicon::WordSet<'static>> =
    std::sync::LazyLock::new(|| &lexicon::event_words().locative_prepositions);

/// The place named by "in/at <place>" after token `head`, in the same
/// clause: the first city or region, else the first country or area
/// ("outside the U.S. embassy in Baghdad" is in Baghdad).
pub fn place(tokens: &[Token], head: usize, gazetteer: &Gazetteer) -> Option<Place> {
    let mut fallback: Option<Place> = None;
    let mut i = head + 1;
    while i + 1 < tokens.len() {
        let t = &tokens[i];
        if matches!(t.text, "," | ";" | "." | ":") {
            break;
        }
        if LOCATIVE.contains(&t.lower.as_str()) {
            let mut k = i + 1;
            if tokens.get(k).is_some_and(|t| t.lower == "the") {
                k += 1;
            }
            if let Some((p, precise)) = place_at(tokens, k, gazetteer) {
                if precise {
                    return Some(p);
                }
                fallback = fallback.or(Some(p));
            }
        }
        i += 1;
    }
    fallback
}

/// The place at token `k`, and whether it is a city or region (more
/// precise than a country or area).
fn place_at(tokens: &[Token], k: usize, gazetteer: &Gazetteer) -> Option<(Place, bool)> {
    for len in (1..=3).rev() {
        let Some(ts) = tokens.get(k..k + len) else {
            continue;
        };
        if !ts[0].is_capitalized() {
            return None;
        }
        let name = ts.iter().map(|t| t.text).collect::<Vec<_>>().join(" ");
        let Some(found) = gazetteer.lookup(&name).filter(|p| !p.is_norp()) else {
            continue;
        };
        let (lat, lon) = found.lat_lon();
        let precise = matches!(
            found,
            gazetteer::Place::City(_) | gazetteer::Place::Region(_)
        );
        return Some((
            Place {
                name: found.name().to_string(),
                country: found.country_code().map(str::to_string),
                lat: Some(lat),
                lon: Some(lon),
                span: Some(Span::new(ts[0].span.start, ts[len - 1].span.end)),
            },
            precise,
        ));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The run `starting_in` gives holds every expression the sentence
    /// contains, in order, so `date` answers the same from it.
    #[test]
    fn a_sentences_times_are_found_among_the_documents() {
        let day = NaiveDate::from_ymd_opt(2022, 3, 13);
        let times: Vec<TimeExpression> = [(0, 4), (3, 9), (10, 14), (10, 12), (20, 20), (20, 25)]
            .into_iter()
            .map(|(start, end)| TimeExpression {
                span: Span::new(start, end),
                value: day,
            })
            .collect();
        for (start, end) in [(0, 9), (3, 20), (10, 14), (12, 20), (20, 20), (26, 30)] {
            let sentence = Span::new(start, end);
            let run = starting_in(&times, sentence);
            let contained: Vec<Span> = times
                .iter()
                .filter(|t| sentence.contains(t.span))
                .map(|t| t.span)
                .collect();
            let kept: Vec<Span> = run
                .iter()
                .filter(|t| sentence.contains(t.span))
                .map(|t| t.span)
                .collect();
            assert_eq!(kept, contained, "{sentence:?}");
        }
    }

    #[test]
    fn weekdays_resolve_in_the_events_direction() {
        let sunday = NaiveDate::from_ymd_opt(2022, 3, 13).unwrap();
        assert_eq!(
            relative_day("monday", sunday, true),
            NaiveDate::from_ymd_opt(2022, 3, 14)
        );
        assert_eq!(
            relative_day("monday", sunday, false),
            NaiveDate::from_ymd_opt(2022, 3, 7)
        );
        assert_eq!(relative_day("sunday", sunday, false), Some(sunday));
    }
}

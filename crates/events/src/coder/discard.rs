//! Not political, not an event: sports results ("Russia beat Croatia"),
//! market moves ("stocks plunged") — the false positives that fill GDELT.
//! A page is a sports page by its section in the URL ("/sports/",
//! "/tennis/") or by its words (scores like 6-3 and a sports lexicon in
//! several sentences); a sentence is a sports or market report by its own
//! words. Their events are dropped.

use crate::cameo;
use crate::tokens::{tokenize, Token};
use model::{Analysis, Event, Span};

/// URL path segments and host words of sports sections and sites.
const SPORTS_SECTIONS: &[&str] = &[
    "sport",
    "sports",
    "espn",
    "cbssports",
    "sportsnet",
    "nfl",
    "nba",
    "mlb",
    "nhl",
    "mls",
    "soccer",
    "football",
    "tennis",
    "golf",
    "cricket",
    "rugby",
    "olympics",
    "motorsport",
    "cycling",
    "boxing",
    "ufc",
    "baseball",
    "basketball",
    "hockey",
];

/// Words that only sports reports use (not "goal", "match", "league",
/// "penalty", which political news uses too).
const SPORTS_WORDS: &[&str] = &[
    "scored",
    "scorer",
    "doubles",
    "tournament",
    "championship",
    "championships",
    "semifinal",
    "semifinals",
    "quarterfinal",
    "quarterfinals",
    "playoff",
    "playoffs",
    "touchdown",
    "touchdowns",
    "innings",
    "quarterback",
    "striker",
    "goalkeeper",
    "midfielder",
    "defenseman",
    "rebounds",
    "homer",
];

/// Words of market and company-results reports.
const MARKET_WORDS: &[&str] = &[
    "shares",
    "stock",
    "stocks",
    "dow",
    "nasdaq",
    "s&p",
    "earnings",
    "investors",
    "revenue",
    "profit",
    "profits",
    "ipo",
    "yields",
    "futures",
    "crude",
    "brent",
];

/// A game score: "6-3", "2-0", "4-1" (both sides at most two digits and
/// small, unlike vote tallies such as 52-48).
fn is_score(t: &Token) -> bool {
    let mut parts = t.text.split(['-', '–']);
    let (Some(a), Some(b), None) = (parts.next(), parts.next(), parts.next()) else {
        return false;
    };
    let small = |s: &str| !s.is_empty() && s.len() <= 2 && s.parse::<u32>().is_ok_and(|n| n <= 30);
    small(a) && small(b)
}

/// How many sports cues a sentence has (scores and sports words).
fn sports_cues(tokens: &[Token]) -> usize {
    tokens
        .iter()
        .filter(|t| is_score(t) || SPORTS_WORDS.contains(&t.lower.as_str()))
        .count()
}

/// Whether the page's URL puts it in a sports section or on a sports site.
fn sports_url(url: &str) -> bool {
    let rest = url.split("://").nth(1).unwrap_or(url);
    let path = rest.split(['?', '#']).next().unwrap_or(rest);
    let mut parts = path.split('/');
    let host = parts.next().unwrap_or("");
    let host_sport = host
        .split('.')
        .any(|h| SPORTS_SECTIONS.contains(&h) || h.ends_with("sports"));
    // Sections are the leading directories, not the article's slug.
    let dirs: Vec<&str> = parts.collect();
    let dirs = &dirs[..dirs.len().saturating_sub(1)];
    host_sport
        || dirs
            .iter()
            .take(3)
            .any(|d| SPORTS_SECTIONS.contains(&d.to_lowercase().as_str()))
}

/// Drops the events of sports results and market reports from `events`.
pub(super) fn drop_non_political(a: &Analysis, sentences: &[Span], events: &mut Vec<Event>) {
    if events.is_empty() {
        return;
    }
    let text = a.text();
    let cues: Vec<(Span, usize, bool)> = sentences
        .iter()
        .map(|s| {
            let tokens = tokenize(text, *s);
            let market = tokens
                .iter()
                .any(|t| MARKET_WORDS.contains(&t.lower.as_str()));
            (*s, sports_cues(&tokens), market)
        })
        .collect();
    // A sports page: its section says so, or several of its sentences
    // read as sports reports.
    let sports_sentences = cues.iter().filter(|(_, n, _)| *n >= 2).count();
    let sports_page =
        a.document.article.url.as_deref().is_some_and(sports_url) || sports_sentences >= 3;
    events.retain(|e| {
        // Sentences come in text order, apart: the one holding an event's
        // is found by a search, not a scan (a long page has many of both).
        let from = cues.partition_point(|(s, _, _)| s.end < e.sentence.end);
        let (_, sports, market) = cues[from..]
            .iter()
            .take_while(|(s, _, _)| s.start <= e.sentence.start)
            .find(|(s, _, _)| s.contains(e.sentence))
            .copied()
            .unwrap_or((e.sentence, 0, false));
        let root = cameo::root(&e.cameo);
        // Results read as force ("beat", "crushed", "routed"); market
        // moves too ("stocks were hit", "shares plunged").
        let force = matches!(root, "18" | "19" | "20");
        let sports_result = sports_page || sports >= 2 || (sports >= 1 && force);
        let market_move = market && force;
        !(sports_result || market_move)
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sports_sections_by_url() {
        assert!(sports_url(
            "https://www.sportsnet.ca/tennis/argentina-wins-davis-cup/"
        ));
        assert!(sports_url(
            "https://www.cbssports.com/soccer/news/euro-2020"
        ));
        assert!(sports_url(
            "https://www.timesunion.com/sports/article/x.php"
        ));
        assert!(sports_url("https://www.espn.com/nba/story/_/id/1"));
        assert!(!sports_url(
            "https://www.nytimes.com/2019/11/18/world/asia/hong-kong-protests.html"
        ));
        // a slug that mentions football is not a section
        assert!(!sports_url(
            "https://www.bbc.com/news/world-football-stadium-protest"
        ));
    }

    #[test]
    fn scores_are_small_numbers() {
        let toks = tokenize("won 6-3 , the Senate voted 52-48", Span::new(0, 32));
        let scores: Vec<&str> = toks
            .iter()
            .filter(|t| is_score(t))
            .map(|t| t.text)
            .collect();
        assert_eq!(scores, ["6-3"]);
    }
}

//! Not political, not an event: sports results ("Russia beat Croatia"),
//! market moves ("stocks plunged") — the false positives that fill GDELT.
//! A page is a sports page by its section in the URL ("/sports/",
//! "/tennis/") or by its words (scores like 6-3 and a sports lexicon in
//! several sentences); a sentence is a sports or market report by its own
//! words. Their events are dropped, and so are wins in elections, polls and
//! ratings told with a verb of force ("Clinton beat Sanders by 18 points").
//! Force between political rivals of one country (leaders, lawmakers,
//! parties) is speech — "Trump attacked Clinton" is criticism, 111 — or a
//! race ("Cruz was battling Rubio for second place"), no event.

use super::sentence_tokens;
use crate::tokens::{from_shared, Token};
use crate::{cameo, lemma};
use foldhash::HashMap;
use model::{Analysis, Event, Span};
use std::sync::OnceLock;

/// A game score: "6-3", "2-0", "4-1" (both sides at most two digits and
/// small, unlike vote tallies such as 52-48).
fn is_score(t: &Token) -> bool {
    // Both sides are numbers (`u32` reads a leading '+'): most tokens are
    // ruled out by their first byte, before a split.
    if !t
        .text
        .as_bytes()
        .first()
        .is_some_and(|b| b.is_ascii_digit() || *b == b'+')
    {
        return false;
    }
    let mut parts = t.text.split(['-', '–']);
    let (Some(a), Some(b), None) = (parts.next(), parts.next(), parts.next()) else {
        return false;
    };
    let small = |s: &str| !s.is_empty() && s.len() <= 2 && s.parse::<u32>().is_ok_and(|n| n <= 30);
    small(a) && small(b)
}

/// A sports word's bit in [`cue_words`].
const SPORTS: u8 = 1;
/// A market word's bit.
const MARKET: u8 = 2;
/// A contest word's bit.
const CONTEST: u8 = 4;

/// The sports, market and contest words (`modality_words.txt`), each with
/// its bits: a token is looked up once, where three lists were scanned
/// (at every token of a page with events).
fn cue_words() -> &'static HashMap<&'static str, u8> {
    static TABLE: OnceLock<HashMap<&'static str, u8>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let words = lexicon::modality_words();
        let mut table: HashMap<&'static str, u8> = HashMap::default();
        for (list, bit) in [
            (&words.sports_words, SPORTS),
            (&words.market_words, MARKET),
            (&words.contest_words, CONTEST),
        ] {
            for w in list {
                *table.entry(*w).or_default() |= bit;
            }
        }
        table
    })
}

/// A sentence's cues: how many sports cues it has (scores and sports
/// words), whether it has a market word, and whether a contest word or a
/// percentage.
fn sentence_cues(tokens: &[Token]) -> (usize, bool, bool) {
    let words = cue_words();
    let (mut sports, mut market, mut contest) = (0, false, false);
    for t in tokens {
        let cue = words.get(t.lower.as_str()).copied().unwrap_or(0);
        if cue & SPORTS != 0 || is_score(t) {
            sports += 1;
        }
        market |= cue & MARKET != 0;
        contest |= cue & CONTEST != 0 || (t.lower.len() > 1 && t.lower.ends_with('%'));
    }
    (sports, market, contest)
}

/// Whether the page's URL puts it in a sports section or on a sports site.
fn sports_url(url: &str) -> bool {
    let sections = &lexicon::modality_words().sports_sections;
    let rest = url.split("://").nth(1).unwrap_or(url);
    let path = rest.split(['?', '#']).next().unwrap_or(rest);
    let mut parts = path.split('/');
    let host = parts.next().unwrap_or("");
    let host_sport = host
        .split('.')
        .any(|h| sections.contains(&h) || h.ends_with("sports"));
    // Sections are the leading directories, not the article's slug.
    let dirs: Vec<&str> = parts.collect();
    let dirs = &dirs[..dirs.len().saturating_sub(1)];
    host_sport
        || dirs
            .iter()
            .take(3)
            .any(|d| sections.contains(&d.to_lowercase().as_str()))
}

/// Drops the events of sports results and market reports from `events`.
/// `shared` are the document's tokens and `sentences` its sentences, the
/// ones the coder read: each sentence's words are read from its tokens, not
/// cut again.
pub(super) fn drop_non_political(
    a: &Analysis,
    shared: &[model::Token],
    sentences: &[Span],
    events: &mut Vec<Event>,
) {
    if events.is_empty() {
        return;
    }
    let text = a.text();
    let words = lexicon::modality_words();
    let mut after_last = 0;
    let cues: Vec<(Span, usize, bool, bool)> = sentences
        .iter()
        .map(|s| {
            let (first, last) = sentence_tokens(shared, *s, after_last);
            after_last = last;
            let tokens = from_shared(text, &shared[first..last]);
            let (sports, market, contest) = sentence_cues(&tokens);
            (*s, sports, market, contest)
        })
        .collect();
    // A sports page: its section says so, or several of its sentences
    // read as sports reports.
    let sports_sentences = cues.iter().filter(|(_, n, _, _)| *n >= 2).count();
    let sports_page =
        a.document.article.url.as_deref().is_some_and(sports_url) || sports_sentences >= 3;
    events.retain(|e| {
        // Sentences come in text order, apart: the one holding an event's
        // is found by a search, not a scan (a long page has many of both).
        let from = cues.partition_point(|(s, _, _, _)| s.end < e.sentence.end);
        let (_, sports, market, contest) = cues[from..]
            .iter()
            .take_while(|(s, _, _, _)| s.start <= e.sentence.start)
            .find(|(s, _, _, _)| s.contains(e.sentence))
            .copied()
            .unwrap_or((e.sentence, 0, false, false));
        let root = cameo::root(&e.cameo);
        // Results read as force ("beat", "crushed", "routed"); market
        // moves too ("stocks were hit", "shares plunged").
        let force = matches!(root, "18" | "19" | "20");
        let sports_result = sports_page || sports >= 2 || (sports >= 1 && force);
        let market_move = market && force;
        // "Clinton beat Sanders in the primary", "beats Trump by 46
        // percent to 42", "leads Trump 47 percent to 39": a win or a lead
        // in an election, a poll or the ratings, whatever its code.
        let contest_win = contest && trigger_verb_in(e, text, &words.contest_verbs);
        !(sports_result || market_move || contest_win)
    });
    // Force between political rivals of one country is words or a contest.
    events.retain_mut(|e| {
        if !matches!(cameo::root(&e.cameo), "18" | "19" | "20") || !political_rivals(e) {
            return true;
        }
        let attack = trigger_verb_in(e, text, &words.rivalry_attack_verbs);
        if attack {
            e.cameo = CRITICIZE.to_string();
            e.goldstein = cameo::goldstein(CRITICIZE).unwrap_or(e.goldstein);
            e.quad_class = cameo::quad_class(CRITICIZE);
        }
        attack
    });
}

/// Whether the first word of an event's trigger is, by one of its lemmas,
/// one of `verbs`.
fn trigger_verb_in(e: &Event, text: &str, verbs: &[&str]) -> bool {
    let first = e
        .trigger
        .slice(text)
        .split_whitespace()
        .next()
        .unwrap_or("");
    lemma::each_candidate(&first.to_lowercase(), |c| verbs.contains(&c))
}

/// CAMEO's "criticize or denounce".
const CRITICIZE: &str = "111";

/// Whether an event's two sides are political figures or bodies of one
/// country — leaders, former officials, lawmakers, parties, officials —
/// not both the government ("Trump attacked Clinton", "GOP targets
/// Clinton"): whose force on each other is speech or an election race.
fn political_rivals(e: &Event) -> bool {
    let code = |r: &Option<model::Reference>| r.as_ref().and_then(|r| r.actor.clone());
    let (Some(s), Some(t)) = (code(&e.source), code(&e.target)) else {
        return false;
    };
    let role = |c: &str| c.get(3..6).map(str::to_string);
    let political = |r: &Option<String>| {
        r.as_deref()
            .is_some_and(|r| matches!(r, "ELI" | "LEG" | "PTY" | "GOV"))
    };
    let (rs, rt) = (role(&s), role(&t));
    let country = s.get(..3).filter(|c| !c.starts_with('-'));
    country.is_some()
        && country == t.get(..3)
        && political(&rs)
        && political(&rt)
        && !(rs.as_deref() == Some("GOV") && rt.as_deref() == Some("GOV"))
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
        let toks = crate::tokens::tokenize("won 6-3 , the Senate voted 52-48", Span::new(0, 32));
        let scores: Vec<&str> = toks
            .iter()
            .filter(|t| is_score(t))
            .map(|t| t.text)
            .collect();
        assert_eq!(scores, ["6-3"]);
    }
}

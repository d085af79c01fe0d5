//! Store scale check: fills a fresh database with N synthetic analysed
//! articles (templated, varied actors, quotes, events and dates; 5 % of them
//! near-duplicate copies), then times every query type of the query API and
//! prints p50/p99 latencies and the main queries' plans.
//!
//! `cargo run --release -p newsgraph-store --example scale -- [N] [DB]`
//! (N defaults to 100000; DB to a file in a temporary directory).
//! The articles are generated here, not taken from any corpus.

use chrono::{Duration, NaiveDate};
use model::contract::{OutEntity, OutEvent, OutPlace, OutQuote, OutReference, Output, TextSpan};
use model::{Article, Document};
use std::time::Instant;
use store::{EventFilter, InsertMeta, QuoteFilter, Store};

/// xorshift64*: deterministic, no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

const COUNTRIES: &[(&str, &str)] = &[
    ("Russia", "RUS"),
    ("China", "CHN"),
    ("Ukraine", "UKR"),
    ("France", "FRA"),
    ("Germany", "DEU"),
    ("Japan", "JPN"),
    ("India", "IND"),
    ("Brazil", "BRA"),
    ("Turkey", "TUR"),
    ("Iran", "IRN"),
    ("Israel", "ISR"),
    ("Egypt", "EGY"),
    ("Poland", "POL"),
    ("Italy", "ITA"),
    ("Spain", "ESP"),
    ("Mexico", "MEX"),
    ("Canada", "CAN"),
    ("Nigeria", "NGA"),
    ("Kenya", "KEN"),
    ("Pakistan", "PAK"),
    ("Indonesia", "IDN"),
    ("Vietnam", "VNM"),
    ("Argentina", "ARG"),
    ("Chile", "CHL"),
    ("Sweden", "SWE"),
    ("Norway", "NOR"),
    ("Greece", "GRC"),
    ("Portugal", "PRT"),
    ("Qatar", "QAT"),
    ("Ethiopia", "ETH"),
];
const CITIES: &[(&str, &str, f64, f64)] = &[
    ("Rome", "ITA", 41.89, 12.48),
    ("Geneva", "CHE", 46.2, 6.15),
    ("Vienna", "AUT", 48.21, 16.37),
    ("Doha", "QAT", 25.29, 51.53),
    ("Nairobi", "KEN", -1.29, 36.82),
    ("Lisbon", "PRT", 38.72, -9.14),
    ("Oslo", "NOR", 59.91, 10.75),
    ("Cairo", "EGY", 30.04, 31.24),
    ("Jakarta", "IDN", -6.2, 106.85),
    ("Brasilia", "BRA", -15.79, -47.88),
];
const FIRST: &[&str] = &[
    "Anna", "Boris", "Chen", "Dara", "Elif", "Farid", "Grace", "Hiro", "Ines", "Jonas", "Kemal",
    "Lena", "Marco", "Nadia", "Omar", "Priya", "Rafael", "Sara", "Tomas", "Yara",
];
const LAST: &[&str] = &[
    "Abbott",
    "Brandt",
    "Castillo",
    "Dimitrov",
    "Eriksen",
    "Fontaine",
    "Garcia",
    "Haddad",
    "Ivanova",
    "Jensen",
    "Kowalski",
    "Lindqvist",
    "Moreau",
    "Novak",
    "Okafor",
    "Petrov",
    "Quinn",
    "Rossi",
    "Sato",
    "Tanaka",
];
const WORDS: &[&str] = &[
    "grain",
    "border",
    "sanctions",
    "ceasefire",
    "pipeline",
    "harbor",
    "election",
    "tariff",
    "drought",
    "refugees",
    "summit",
    "treaty",
    "vaccine",
    "wheat",
    "satellite",
    "drills",
    "embassy",
    "minister",
    "parliament",
    "protest",
    "inflation",
    "currency",
    "fisheries",
    "railway",
    "corridor",
    "energy",
    "reactor",
    "shipping",
    "loan",
    "debt",
    "famine",
    "floods",
    "wildfire",
    "ceasefire",
    "prisoners",
    "exchange",
    "talks",
    "delegation",
    "convoy",
    "aid",
];
const EVENTS: &[(&str, f64, u8, &str)] = &[
    ("042", 1.9, 1, "visited"),
    ("043", 2.8, 1, "hosted"),
    ("036", 4.0, 1, "offered talks to"),
    ("0233", 3.4, 1, "asked for aid from"),
    ("111", -2.0, 3, "criticized"),
    ("130", -4.4, 3, "threatened"),
    ("163", -8.0, 4, "imposed sanctions on"),
    ("073", 7.4, 2, "sent humanitarian aid to"),
    ("057", 8.0, 1, "signed an agreement with"),
];

/// Builds the contract output of `text` from (name, type, code) entities found in it.
fn span(text: &str, needle: &str) -> TextSpan {
    let at = text.find(needle).unwrap_or(0);
    let start = text[..at].chars().count();
    TextSpan {
        start,
        end: start + needle.chars().count(),
        text: needle.to_string(),
    }
}

fn reference(text: &str, entity: &str, name: &str, code: &str) -> OutReference {
    OutReference {
        entity: Some(entity.into()),
        name: name.into(),
        actor: Some(code.into()),
        span: Some(span(text, name)),
    }
}

fn article(rng: &mut Rng, i: usize) -> Output {
    let (a, a_code) = *rng.pick(COUNTRIES);
    let (mut b, mut b_code) = *rng.pick(COUNTRIES);
    if b == a {
        (b, b_code) =
            COUNTRIES[(COUNTRIES.iter().position(|c| c.0 == a).unwrap_or(0) + 1) % COUNTRIES.len()];
    }
    let person = format!("{} {}", rng.pick(FIRST), rng.pick(LAST));
    let surname = person.split(' ').nth(1).unwrap_or("").to_string();
    let (city, city_country, lat, lon) = *rng.pick(CITIES);
    let (cameo, goldstein, quad, verb) = *rng.pick(EVENTS);
    let published =
        NaiveDate::from_ymd_opt(2020, 1, 1).unwrap() + Duration::days((i % 1500) as i64);
    let topic = *rng.pick(WORDS);
    let filler: Vec<&str> = (0..250).map(|_| *rng.pick(WORDS)).collect();
    let first = format!("{a} {verb} {b} in {city} on Monday, officials said.");
    let quote_words = format!("We will not accept any threat over the {topic}");
    let quote_sentence = format!("\u{201c}{quote_words},\u{201d} said {person}, speaking for {a}.");
    let third = format!("{surname} threatened {b} over the {topic} dispute.");
    let text = format!(
        "{first} {quote_sentence} {third}\n\nReport {i}. {}.",
        filler.join(" ")
    );
    let entities = vec![
        OutEntity {
            id: "e1".into(),
            name: a.into(),
            kind: "GPE".into(),
            actor: Some(a_code.into()),
            value: None,
            mentions: vec![span(&text, a)],
            titles: Vec::new(),
        },
        OutEntity {
            id: "e2".into(),
            name: b.into(),
            kind: "GPE".into(),
            actor: Some(b_code.into()),
            value: None,
            mentions: vec![span(&text, b)],
            titles: Vec::new(),
        },
        OutEntity {
            id: "e3".into(),
            name: person.clone(),
            kind: "PERSON".into(),
            actor: Some(format!("{a_code}GOV")),
            value: None,
            mentions: vec![span(&text, &person)],
            titles: Vec::new(),
        },
        OutEntity {
            id: "e4".into(),
            name: city.into(),
            kind: "GPE".into(),
            actor: None,
            value: None,
            mentions: vec![span(&text, city)],
            titles: Vec::new(),
        },
    ];
    let q = span(&text, &quote_words);
    let quotes = vec![OutQuote {
        start: q.start,
        end: q.end,
        text: q.text,
        parts: vec![],
        kind: "direct".into(),
        speaker: Some(reference(&text, "e3", &person, &format!("{a_code}GOV"))),
        cue: Some("said".into()),
        cue_span: None,
        via: vec![],
    }];
    let sentence = |s: &str| TextSpan {
        text: String::new(),
        ..span(&text, s)
    };
    let events = vec![
        OutEvent {
            source: Some(reference(&text, "e1", a, a_code)),
            target: Some(reference(&text, "e2", b, b_code)),
            cameo: cameo.into(),
            goldstein,
            quad_class: quad,
            modality: "asserted".into(),
            date: None,
            place: Some(OutPlace {
                name: city.into(),
                country: Some(city_country.into()),
                lat: Some(lat),
                lon: Some(lon),
                span: Some(span(&text, city)),
            }),
            sentence: sentence(&first),
            trigger: span(&text, verb),
            quote: None,
        },
        OutEvent {
            source: Some(reference(&text, "e3", &person, &format!("{a_code}GOV"))),
            target: Some(reference(&text, "e2", b, b_code)),
            cameo: "130".into(),
            goldstein: -4.4,
            quad_class: 3,
            modality: if i.is_multiple_of(7) {
                "negated".into()
            } else {
                "reported".into()
            },
            date: None,
            place: None,
            sentence: sentence(&third),
            trigger: span(&text, "threatened"),
            quote: None,
        },
    ];
    Output {
        schema: model::contract::SCHEMA.into(),
        document: Document {
            id: format!("doc-{i:06}"),
            article: Article {
                url: Some(format!("https://news.example/{i}")),
                title: Some(format!("{a} and {b}: {topic}")),
                published: Some(published),
                site: Some("Example Wire".into()),
                language: Some("en".into()),
                byline: None,
                text,
            },
        },
        entities,
        quotes,
        events,
        flags: vec![],
    }
}

/// p50 and p99 of `samples` in milliseconds.
fn percentiles(samples: &mut [f64]) -> (f64, f64) {
    samples.sort_by(f64::total_cmp);
    let at = |p: f64| samples[((samples.len() as f64 - 1.0) * p).round() as usize];
    (at(0.5), at(0.99))
}

/// CPU seconds this process has used (user + system), from /proc; 0 where
/// there is no /proc. The machine may be shared, so wall time alone misleads.
fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // fields after the command name (which is in parentheses)
    let fields: Vec<&str> = stat
        .rsplit_once(')')
        .map(|(_, rest)| rest.split_whitespace().collect())
        .unwrap_or_default();
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|f| f.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    // utime and stime are fields 14 and 15 of stat, 12 and 13 after the name
    (ticks(11) + ticks(12)) / 100.0
}

fn time<T>(
    name: &str,
    runs: usize,
    mut f: impl FnMut(usize) -> store::Result<T>,
    worst: &mut (f64, f64),
) -> store::Result<()> {
    let mut samples = Vec::with_capacity(runs);
    for i in 0..runs {
        let t = Instant::now();
        f(i)?;
        samples.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    let (p50, p99) = percentiles(&mut samples);
    worst.0 = worst.0.max(p50);
    worst.1 = worst.1.max(p99);
    println!("  {name:<28} p50 {p50:>8.2} ms   p99 {p99:>8.2} ms");
    Ok(())
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let n: usize = args
        .next()
        .map(|s| s.parse())
        .transpose()?
        .unwrap_or(100_000);
    let tmp = tempfile::tempdir()?;
    let path = args
        .next()
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| tmp.path().join("scale.db"));
    let mut store = Store::open(&path)?;
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let started = Instant::now();
    let cpu_started = cpu_seconds();
    let mut previous: Option<(Output, u64)> = None;
    // An existing database of N documents is reused (queries only).
    let reuse = store.stats()?.documents >= n as u64;
    for i in (0..n).filter(|_| !reuse) {
        // 5 % are syndicated copies of the previous article with a tag line.
        let (out, fingerprint) = match previous.take().filter(|_| i % 20 == 19) {
            Some((mut copy, fp)) => {
                copy.document.id = format!("doc-{i:06}-copy");
                copy.document.article.text.push_str(" (Wire copy.)");
                (copy, fp ^ 0b101)
            }
            None => (article(&mut rng, i), rng.next()),
        };
        let meta = InsertMeta {
            content_hash: format!("{:016x}-{i}", fingerprint),
            fingerprint: Some(fingerprint),
        };
        store.insert_with(&out, &meta)?;
        previous = Some((out, fingerprint));
    }
    let secs = started.elapsed().as_secs_f64();
    let cpu = cpu_seconds() - cpu_started;
    drop(store);
    let size = std::fs::metadata(&path)?.len()
        + std::fs::metadata(path.with_extension("db-wal"))
            .map(|m| m.len())
            .unwrap_or(0);
    let store = Store::open(&path)?;
    let stats = store.stats()?;
    if reuse {
        println!("reused the {n} documents already in {}", path.display());
    } else {
        println!(
            "inserted {n} documents in {secs:.1} s wall, {cpu:.1} s CPU: {:.0} documents/s \
             wall, {:.0} per CPU second (store only, one writer)",
            n as f64 / secs,
            n as f64 / cpu.max(1e-9)
        );
    }
    println!(
        "database size: {:.1} MB, {:.2} MB per 1,000 documents",
        size as f64 / 1e6,
        size as f64 / 1e3 / n as f64
    );
    println!("stats: {}", serde_json::to_string(&stats)?);
    println!("query latency over {n} documents:");
    let mut worst = (0.0f64, 0.0f64);
    let runs = 200;
    let mut q = Rng(42);
    let words: Vec<String> = (0..runs).map(|_| q.pick(WORDS).to_string()).collect();
    let surnames: Vec<&str> = (0..runs).map(|_| *q.pick(LAST)).collect();
    let codes: Vec<&str> = (0..runs).map(|_| q.pick(COUNTRIES).1).collect();
    let cities: Vec<&str> = (0..runs).map(|_| q.pick(CITIES).0).collect();
    let start_day = NaiveDate::from_ymd_opt(2020, 1, 1).unwrap();
    let days: Vec<NaiveDate> = (0..runs)
        .map(|_| start_day + Duration::days(q.below(1400) as i64))
        .collect();
    let actor_ids: Vec<i64> = store.actors(200)?.iter().map(|a| a.actor_id).collect();
    time(
        "search (1 word)",
        runs,
        |i| store.search(&words[i], 20, 0),
        &mut worst,
    )?;
    time(
        "search (2 words)",
        runs,
        |i| store.search(&format!("{} {}", words[i], words[(i + 1) % runs]), 20, 0),
        &mut worst,
    )?;
    // Each page as the UI asks for it: 20 quotes, 50 events.
    let quote_queries: [(&str, &dyn Fn(usize) -> QuoteFilter); 2] = [
        ("quotes by speaker", &|i| QuoteFilter {
            speaker: Some(surnames[i].into()),
            ..Default::default()
        }),
        ("quotes by words", &|i| QuoteFilter {
            words: Some(words[i].clone()),
            ..Default::default()
        }),
    ];
    for (name, filter) in quote_queries {
        time(
            name,
            runs,
            |i| {
                store.quotes(&QuoteFilter {
                    limit: 20,
                    ..filter(i)
                })
            },
            &mut worst,
        )?;
    }
    let event_queries: [(&str, &dyn Fn(usize) -> EventFilter); 6] = [
        ("events by actor", &|i| EventFilter {
            actor: Some(codes[i].into()),
            ..Default::default()
        }),
        ("events by target+code", &|i| EventFilter {
            target: Some(codes[i].into()),
            code_prefix: Some("13".into()),
            ..Default::default()
        }),
        ("events by code", &|i| EventFilter {
            code_prefix: Some(["11", "13", "042", "0233", "16"][i % 5].into()),
            ..Default::default()
        }),
        ("events by code+dates", &|i| EventFilter {
            code_prefix: Some(["11", "13", "042"][i % 3].into()),
            date_from: Some(days[i]),
            date_to: Some(days[i] + Duration::days(30)),
            ..Default::default()
        }),
        ("events by date range", &|i| EventFilter {
            date_from: Some(days[i]),
            date_to: Some(days[i] + Duration::days(30)),
            ..Default::default()
        }),
        ("events by place", &|i| EventFilter {
            place: Some(cities[i].into()),
            ..Default::default()
        }),
    ];
    for (name, filter) in event_queries {
        time(
            name,
            runs,
            |i| {
                store.events(&EventFilter {
                    limit: 50,
                    ..filter(i)
                })
            },
            &mut worst,
        )?;
    }
    time(
        "actor graph (all time)",
        50,
        |_| store.actor_graph(None, None, 100),
        &mut worst,
    )?;
    time(
        "actor graph (30 days)",
        runs,
        |i| store.actor_graph(Some(days[i]), Some(days[i] + Duration::days(30)), 100),
        &mut worst,
    )?;
    time(
        "actor graph (1 year)",
        runs,
        |i| {
            let from = NaiveDate::from_ymd_opt(2020 + (i % 4) as i32, 1, 1).unwrap();
            let to = NaiveDate::from_ymd_opt(2020 + (i % 4) as i32, 12, 31).unwrap();
            store.actor_graph(Some(from), Some(to), 100)
        },
        &mut worst,
    )?;
    time(
        "timeline",
        runs,
        |i| store.timeline(actor_ids[i % actor_ids.len().max(1)], 100),
        &mut worst,
    )?;
    time("actors (top 50)", runs, |_| store.actors(50), &mut worst)?;
    time("stats", 50, |_| store.stats(), &mut worst)?;
    time(
        "document",
        runs,
        |i| store.document(&format!("doc-{:06}", (i * 7919) % n)),
        &mut worst,
    )?;
    time(
        "story",
        runs,
        |i| store.story(&format!("doc-{:06}", (i * 7919) % n)),
        &mut worst,
    )?;
    println!("query plans:");
    for (name, plan) in store.query_plans()? {
        println!("  {name}: {}", plan.join(" | "));
    }
    println!("worst p50: {:.2} ms", worst.0);
    println!("worst p99: {:.2} ms", worst.1);
    Ok(())
}

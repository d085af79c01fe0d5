//! Leaders keep their own country on real news: every article that names
//! Trump, Obama, Putin or Xi codes him with his country (whatever country
//! the sentence names beside him), and the store's actor list shows the
//! codes the mentions got, article by article, not the first one seen.
//! Runs the built binary on `../shared/data/events/news_events_dev.jsonl`.

mod support;

use serde_json::Value;
use std::path::{Path, PathBuf};

fn dev_set() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/events/news_events_dev.jsonl")
}

fn newsgraph(args: &[&str]) -> String {
    let out = support::newsgraph()
        .args(args)
        .output()
        .expect("the newsgraph binary runs");
    assert!(
        out.status.success(),
        "newsgraph {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The leaders checked, by a name form news text uses, and their country.
const LEADERS: &[(&str, &str)] = &[
    ("Trump", "USA"),
    ("Obama", "USA"),
    ("Putin", "RUS"),
    ("Xi Jinping", "CHN"),
];

fn leader_of(name: &str) -> Option<&'static str> {
    LEADERS
        .iter()
        .find(|(n, _)| name.split_whitespace().last() == n.split_whitespace().last())
        .map(|(_, c)| *c)
}

#[test]
#[ignore = "needs ../shared/data/events"]
fn leaders_keep_their_country_in_every_article_and_in_the_actor_list() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("news.jsonl");
    let mut lines = String::new();
    for line in std::fs::read_to_string(dev_set()).unwrap().lines() {
        let d: Value = serde_json::from_str(line).unwrap();
        let record =
            serde_json::json!({"id": d["id"], "text": d["text"], "published": d["published"]});
        lines.push_str(&format!("{record}\n"));
    }
    std::fs::write(&input, lines).unwrap();

    // Per article: every mention of a leader gets his own country.
    let analysed = newsgraph(&["analyze", "--jsonl", "--verbatim", input.to_str().unwrap()]);
    let mut seen = 0;
    for line in analysed.lines() {
        let doc: Value = serde_json::from_str(line).unwrap();
        for e in doc["entities"].as_array().unwrap() {
            let name = e["name"].as_str().unwrap();
            let Some(country) = leader_of(name) else {
                continue;
            };
            seen += 1;
            let code = e["actor"].as_str().unwrap_or_default();
            assert!(
                code.starts_with(country),
                "{name} is {code:?} in {}",
                doc["document"]["id"]
            );
        }
    }
    assert!(seen >= 20, "the dev set names them often: {seen}");

    // The store: each actor's codes are the codes its mentions got.
    let db = dir.path().join("news.db");
    newsgraph(&[
        "ingest",
        input.to_str().unwrap(),
        "--db",
        db.to_str().unwrap(),
    ]);
    let store = store::Store::open_read_only(&db).unwrap();
    for (name, country) in LEADERS {
        let surname = name.split_whitespace().last().unwrap();
        let actors = store.find_actors(surname).unwrap();
        assert!(!actors.is_empty(), "{name} stored");
        for a in actors.iter().filter(|a| !a.codes.is_empty()) {
            assert!(
                a.codes.iter().all(|c| c.code.starts_with(country)),
                "{}: {:?}",
                a.name,
                a.codes
            );
            assert_eq!(a.code.as_deref(), Some(a.codes[0].code.as_str()));
            let counted: u64 = a.codes.iter().map(|c| c.mentions).sum();
            assert_eq!(counted, a.mentions, "{}: {:?}", a.name, a.codes);
        }
    }
    // Trump was a candidate in 2016 and president in 2019: both codes show.
    let trump = store.find_actors("Donald Trump").unwrap();
    let codes: Vec<&str> = trump
        .iter()
        .flat_map(|a| a.codes.iter().map(|c| c.code.as_str()))
        .collect();
    assert!(
        codes.contains(&"USAGOV") && codes.contains(&"USAELI"),
        "{codes:?}"
    );
}

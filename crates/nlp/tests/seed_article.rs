//! Acceptance on news text: the seed article from ../shared (ignored when
//! absent) and a fixture article written for the project.

mod support;

use chrono::NaiveDate;
use model::{Analysis, EntityType};

/// `text` analysed, published on `published` (YYYY-MM-DD).
fn analyse(text: &str, published: &str) -> Analysis {
    support::analyse_published(text, NaiveDate::parse_from_str(published, "%Y-%m-%d").ok())
}

fn describe(a: &Analysis) -> String {
    a.entities
        .iter()
        .map(|e| {
            format!(
                "{} {} {:?} {:?} x{}",
                e.id,
                e.name,
                e.kind,
                e.actor,
                e.mentions.len()
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Asserts that an entity named `name` of type `kind` exists.
fn has<'a>(a: &'a Analysis, name: &str, kind: EntityType) -> &'a model::Entity {
    a.entities
        .iter()
        .find(|e| e.name == name && e.kind == kind)
        .unwrap_or_else(|| panic!("no {kind:?} {name:?} among:\n{}", describe(a)))
}

fn date_of(a: &Analysis, word: &str) -> Vec<String> {
    a.times
        .iter()
        .filter(|t| t.span.slice(a.text()) == word)
        .map(|t| t.value.map(|d| d.to_string()).unwrap_or_default())
        .collect()
}

const FIXTURE: &str = "Harbor talks set for Monday

Norway and Canada will meet Monday in Oslo to settle a fishing dispute, officials said on Sunday. The Norwegian delegation will be led by Foreign Minister Kari Lund, who told The Arctic Herald that the talks \"must succeed.\"

Canadian fisheries minister Paul Moreau said the Kremlin had offered to mediate. Moreau added that Ottawa would \"listen to everyone.\" Lund said the Arctic Herald (AH) had misquoted her last week.

Russia did not comment.";

#[test]
fn fixture_article_entities_actors_and_dates() {
    let a = analyse(FIXTURE, "2022-03-13");
    let lund = has(&a, "Kari Lund", EntityType::Person);
    assert_eq!(lund.mentions.len(), 2, "{}", describe(&a));
    assert_eq!(lund.actor.as_deref(), Some("NORGOV"), "{}", describe(&a));
    let moreau = has(&a, "Paul Moreau", EntityType::Person);
    assert_eq!(moreau.mentions.len(), 2, "{}", describe(&a));
    assert_eq!(moreau.actor.as_deref(), Some("CANGOV"), "{}", describe(&a));
    for gpe in ["Norway", "Canada", "Oslo", "Russia"] {
        has(&a, gpe, EntityType::Gpe);
    }
    let kremlin = has(&a, "Kremlin", EntityType::Org);
    assert_eq!(kremlin.actor.as_deref(), Some("RUSGOV"));
    let herald = has(&a, "The Arctic Herald", EntityType::Org);
    assert_eq!(herald.mentions.len(), 3, "{}", describe(&a));
    assert_eq!(
        date_of(&a, "Monday").last().map(String::as_str),
        Some("2022-03-14")
    );
    assert_eq!(date_of(&a, "Sunday"), ["2022-03-13"]);
    assert_eq!(date_of(&a, "last week"), ["2022-02-28"]);
    // Ids in order of first mention.
    for (i, e) in a.entities.iter().enumerate() {
        assert_eq!(e.id, format!("e{}", i + 1));
    }
}

#[test]
#[ignore = "needs ../shared/examples/seed-article.txt (run with --ignored where it is present)"]
fn seed_article_acceptance() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/examples/seed-article.txt"
    );
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("{path}: {e}: this test needs ../shared beside the checkout"));
    let a = analyse(&text, "2022-03-13");
    let sullivan = has(&a, "Jake Sullivan", EntityType::Person);
    assert_eq!(sullivan.mentions.len(), 5, "{}", describe(&a));
    assert_eq!(
        sullivan.actor.as_deref(),
        Some("USAGOV"),
        "{}",
        describe(&a)
    );
    for person in ["Jen Psaki", "Li Pengyu", "Yang Jiechi"] {
        has(&a, person, EntityType::Person);
    }
    for org in ["CNN", "The New York Times", "White House"] {
        has(&a, org, EntityType::Org);
    }
    for gpe in [
        "Russia",
        "China",
        "Ukraine",
        "Rome",
        "Beijing",
        "Washington",
    ] {
        has(&a, gpe, EntityType::Gpe);
    }
    assert_eq!(
        has(&a, "Beijing", EntityType::Gpe).actor.as_deref(),
        Some("CHNGOV")
    );
    assert_eq!(
        has(&a, "White House", EntityType::Org).actor.as_deref(),
        Some("USAGOV")
    );
    assert_eq!(
        has(&a, "Li Pengyu", EntityType::Person).actor.as_deref(),
        Some("CHNGOV")
    );
    assert!(date_of(&a, "Monday").iter().all(|d| d == "2022-03-14"));
    assert!(date_of(&a, "Sunday").iter().all(|d| d == "2022-03-13"));
    assert!(!date_of(&a, "Monday").is_empty() && !date_of(&a, "Sunday").is_empty());
}

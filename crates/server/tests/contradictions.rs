//! Claims and denials across stories: one outlet's claim, another outlet's
//! denial by the accused government a day later, and a third article on an
//! unrelated claim between the same two countries (fixtures written for
//! these tests), through the real pipeline into the store, the API and the
//! page.

mod common;

use store::{ContradictionFilter, Store};

const CLAIM: &str = include_str!("fixtures/denials/claim.txt");
const DENIAL: &str = include_str!("fixtures/denials/denial.txt");
const UNRELATED: &str = include_str!("fixtures/denials/unrelated.txt");

/// The three articles stored in `order` (ids "claim", "denial", "unrelated").
fn stored(order: &[&str]) -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("c.db")).unwrap();
    for id in order {
        let (published, text) = match *id {
            "claim" => ("2025-06-02", CLAIM),
            "denial" => ("2025-06-03", DENIAL),
            _ => ("2025-06-04", UNRELATED),
        };
        common::store_text(&mut store, id, published, text);
    }
    (dir, store)
}

fn check_pair(store: &Store) {
    let found = store
        .contradictions(&ContradictionFilter::default())
        .unwrap();
    assert_eq!(found.len(), 1, "{found:#?}");
    let c = &found[0];
    assert_eq!(c.claim.document.id, "claim");
    assert_eq!(c.denial.document.id, "denial");
    assert_eq!(c.days_apart, 1);
    assert!(
        c.claim
            .text
            .contains("Moldova asked Romania for air defence systems"),
        "{}",
        c.claim.text
    );
    assert_eq!(c.claim.speaker.as_deref(), Some("two Western officials"));
    assert!(c
        .denial
        .text
        .starts_with("Moldova on Tuesday denied a report"));
    assert_eq!(c.denial.denier_code, "MDA");
    // the spans are the stored text's code points
    let text_of = |id: &str| store.document(id).unwrap().unwrap().document.article.text;
    let claim_text: String = text_of("claim")
        .chars()
        .skip(c.claim.start)
        .take(c.claim.end - c.claim.start)
        .collect();
    assert_eq!(claim_text, c.claim.text);
    let denial_text: String = text_of("denial")
        .chars()
        .skip(c.denial.start)
        .take(c.denial.end - c.denial.start)
        .collect();
    assert_eq!(denial_text, c.denial.text);
    // the unrelated claim between the same countries is not linked
    assert!(found
        .iter()
        .all(|c| c.claim.document.id != "unrelated" && c.denial.document.id != "unrelated"));
    // filters: by a country of the claim, by the other, by one that is not
    let by = |code: &str| {
        store
            .contradictions(&ContradictionFilter {
                actor: Some(code.into()),
                ..ContradictionFilter::default()
            })
            .unwrap()
            .len()
    };
    assert_eq!((by("ROU"), by("MDAGOV"), by("USA")), (1, 1, 0));
}

#[test]
fn a_claim_and_its_denial_in_another_story_are_paired() {
    let (_dir, store) = stored(&["claim", "denial", "unrelated"]);
    check_pair(&store);
}

#[test]
fn the_pair_does_not_depend_on_ingest_order() {
    let (_dir, store) = stored(&["unrelated", "denial", "claim"]);
    check_pair(&store);
}

#[test]
fn no_pair_without_the_denial() {
    let (_dir, store) = stored(&["claim", "unrelated"]);
    assert!(store
        .contradictions(&ContradictionFilter::default())
        .unwrap()
        .is_empty());
}

#[tokio::test]
async fn the_api_and_the_page_show_the_pair() {
    let server = common::start_with(server::Limits::default()).await;
    {
        let mut store = Store::open(&server.db).unwrap();
        common::store_text(&mut store, "claim", "2025-06-02", CLAIM);
        common::store_text(&mut store, "denial", "2025-06-03", DENIAL);
        common::store_text(&mut store, "unrelated", "2025-06-04", UNRELATED);
    }
    let json: serde_json::Value = reqwest::get(server.url("/api/contradictions"))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let list = json["contradictions"].as_array().unwrap();
    assert_eq!(list.len(), 1, "{json}");
    assert_eq!(list[0]["denial"]["denier_code"], "MDA");
    let page = reqwest::get(server.url("/contradictions"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert_eq!(page.matches("class=\"contradiction-item\"").count(), 1);
    assert!(
        page.contains("href=\"/documents/claim\"") && page.contains("href=\"/documents/denial\"")
    );
    assert!(!page.contains("href=\"/documents/unrelated\""));
}

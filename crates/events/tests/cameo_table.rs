//! The committed CAMEO verb table is what the converter makes of PETRARCH-2's
//! `CAMEO.2.0.txt` today (a stale table would silently code with old patterns).

#[test]
#[ignore = "needs ../shared/data/cameo/petrarch2_dictionaries/CAMEO.2.0.txt (run with --ignored where it is present)"]
fn committed_table_is_a_fresh_conversion() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/data/cameo/petrarch2_dictionaries/CAMEO.2.0.txt"
    );
    let source = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("{path}: {e}: this test needs ../shared beside the checkout"));
    let fresh =
        events::verb_dictionary::convert::convert(&source).expect("the dictionary converts");
    let committed = include_str!("../data/cameo-verbs.txt");
    assert!(
        fresh == committed,
        "crates/events/data/cameo-verbs.txt is stale: rerun the convert_cameo example"
    );
}

#[test]
#[ignore = "needs ../shared/data/cameo/petrarch2_dictionaries/Phoenix.agents.txt (run with --ignored where it is present)"]
fn committed_agent_table_is_a_fresh_conversion() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/data/cameo/petrarch2_dictionaries/Phoenix.agents.txt"
    );
    let source = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("{path}: {e}: this test needs ../shared beside the checkout"));
    let fresh = events::dictionary::convert_agents(&source, events::dictionary::AGENTS_HEADER)
        .expect("the agents convert");
    let committed = include_str!("../data/phoenix-agents.txt");
    assert!(
        fresh == committed,
        "crates/events/data/phoenix-agents.txt is stale: rerun the convert_phoenix example"
    );
}

#[test]
#[ignore = "needs ../shared/data/cameo/petrarch2_dictionaries/Phoenix.International.actors.txt (run with --ignored where it is present)"]
fn committed_international_table_is_a_fresh_conversion() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/data/cameo/petrarch2_dictionaries/Phoenix.International.actors.txt"
    );
    let source = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("{path}: {e}: this test needs ../shared beside the checkout"));
    let fresh = events::dictionary::convert_international(
        &source,
        events::dictionary::INTERNATIONAL_HEADER,
    )
    .expect("the international actors convert");
    let committed = include_str!("../data/phoenix-international.txt");
    assert!(
        fresh == committed,
        "crates/events/data/phoenix-international.txt is stale: rerun the convert_phoenix example"
    );
}

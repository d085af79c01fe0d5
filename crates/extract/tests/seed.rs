//! The seed article from `../shared`: plain-text extraction removes its
//! trailing comment form and nothing else. Ignored where `../shared` is
//! absent; `.ci/run` runs it with `--ignored` where it is present.

use extract::extract_text;

const SEED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/examples/seed-article.txt"
);

#[test]
#[ignore = "needs ../shared/examples/seed-article.txt (run with --ignored where it is present)"]
fn seed_article_loses_exactly_the_comment_form() {
    let seed = std::fs::read_to_string(SEED)
        .unwrap_or_else(|e| panic!("{SEED}: {e}: this test needs ../shared beside the checkout"));
    let a = extract_text(&seed);
    let expected = seed
        .trim_end()
        .strip_suffix("Please enter your comment!\nPlease enter your name here")
        .expect("the seed article ends with the comment form")
        .trim_end();
    assert_eq!(a.text, expected);
}

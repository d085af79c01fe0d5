//! What the entity tests share: the embedded pipeline's `nlp` stage run on
//! a text of their own.

// Each test file uses the part it needs; the rest is unused there.
#![allow(dead_code)]

use chrono::NaiveDate;
use model::{Analysis, Article, Document};
use nlp::Nlp;

/// `text` analysed by the embedded `nlp` stage, with no publication date.
pub fn analyse(text: &str) -> Analysis {
    analyse_published(text, None)
}

/// `text` analysed by the embedded `nlp` stage, published on `published`.
pub fn analyse_published(text: &str, published: Option<NaiveDate>) -> Analysis {
    let mut a = Analysis::new(Document {
        id: "t".into(),
        article: Article {
            text: text.to_string(),
            published,
            ..Article::default()
        },
    });
    Nlp::embedded()
        .expect("the embedded model loads")
        .annotate(&mut a);
    a
}

//! CoNLL column text (one token per line, token first, tag last; blank
//! lines between sentences; `-DOCSTART-` lines between documents), parsed
//! from a string: the caller reads the file.

/// One sentence: its tokens and, when the file has them, their tags
/// (normalised to IOB2: every entity starts with `B-`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ConllSentence {
    /// The tokens, as written.
    pub words: Vec<String>,
    /// One tag per token, or empty when the file has only tokens.
    pub tags: Vec<String>,
}

/// One document: the sentences between two `-DOCSTART-` lines.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ConllDocument {
    /// Sentences in order.
    pub sentences: Vec<ConllSentence>,
}

impl ConllDocument {
    /// The words of each sentence, borrowed.
    pub fn words(&self) -> Vec<Vec<&str>> {
        self.sentences
            .iter()
            .map(|s| s.words.iter().map(String::as_str).collect())
            .collect()
    }

    /// Number of tokens.
    pub fn token_count(&self) -> usize {
        self.sentences.iter().map(|s| s.words.len()).sum()
    }
}

/// Parses CoNLL column text. A file without `-DOCSTART-` lines is one
/// document. Comment lines (`# key = value`) are skipped.
pub fn parse(text: &str) -> Vec<ConllDocument> {
    let mut docs = vec![ConllDocument::default()];
    let mut sentence = ConllSentence::default();
    let flush = |docs: &mut Vec<ConllDocument>, s: &mut ConllSentence| {
        if !s.words.is_empty() {
            let mut done = std::mem::take(s);
            if done.tags.len() != done.words.len() {
                done.tags.clear();
            }
            to_iob2(&mut done.tags);
            if let Some(d) = docs.last_mut() {
                d.sentences.push(done);
            }
        }
    };
    for line in text.lines() {
        let fields: Vec<&str> = if line.contains('\t') {
            line.split('\t').filter(|f| !f.is_empty()).collect()
        } else {
            line.split_whitespace().collect()
        };
        let Some(first) = fields.first() else {
            flush(&mut docs, &mut sentence);
            continue;
        };
        if *first == "-DOCSTART-" {
            flush(&mut docs, &mut sentence);
            if docs.last().is_some_and(|d| !d.sentences.is_empty()) {
                docs.push(ConllDocument::default());
            }
            continue;
        }
        if is_comment(line) {
            continue;
        }
        sentence.words.push((*first).to_string());
        if fields.len() >= 2 {
            if let Some(tag) = fields.last() {
                sentence.tags.push((*tag).to_string());
            }
        }
    }
    flush(&mut docs, &mut sentence);
    docs.retain(|d| !d.sentences.is_empty());
    docs
}

/// Whether a line is a CoNLL-U style comment ("# text = …").
fn is_comment(line: &str) -> bool {
    let Some(rest) = line.strip_prefix('#') else {
        return false;
    };
    let mut parts = rest.trim_start().splitn(2, '=');
    let key = parts.next().unwrap_or("");
    parts.next().is_some() && !key.trim().is_empty() && key.split_whitespace().count() <= 2
}

/// Rewrites IOB1 tags ("I-PER" opening an entity) as IOB2 ("B-PER").
fn to_iob2(tags: &mut [String]) {
    let mut prev = String::from("O");
    for t in tags.iter_mut() {
        if let Some(ty) = t.strip_prefix("I-") {
            let continues = prev != "O" && prev.get(2..) == Some(ty);
            if !continues {
                *t = format!("B-{ty}");
            }
        }
        prev = t.clone();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_documents_sentences_and_iob1() {
        let text = "-DOCSTART- -X- O\n\nEU NNP I-ORG\nrejects VBZ O\n\nPeter I-PER\nBlackburn I-PER\n-DOCSTART- O\nRome I-LOC\n";
        let docs = parse(text);
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].sentences.len(), 2);
        assert_eq!(docs[0].sentences[0].tags, ["B-ORG", "O"]);
        assert_eq!(docs[0].sentences[1].tags, ["B-PER", "I-PER"]);
        assert_eq!(docs[1].sentences[0].words, ["Rome"]);
    }

    #[test]
    fn token_only_files_have_no_tags() {
        let docs = parse("Hello\nworld\n\n# O\n");
        assert_eq!(docs[0].sentences[0].tags.len(), 0);
        assert_eq!(docs[0].sentences[1].words, ["#"]);
    }
}

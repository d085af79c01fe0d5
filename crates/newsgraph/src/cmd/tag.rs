//! `newsgraph tag`: entity tags for pre-tokenised CoNLL text, in the
//! format `../shared/eval/score_ner.py` reads.

use anyhow::{Context, Result};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

/// Arguments of `newsgraph tag`.
#[derive(clap::Args, Debug)]
#[command(
    after_help = "Prints one `token TAG` line per input token (BIO over PER, ORG, LOC,\n\
    MISC) with a blank line after each sentence, and the tagging speed on\n\
    standard error. Example:\n  \
    newsgraph tag --conll test.txt > pred.txt && python3 score_ner.py test.txt pred.txt"
)]
pub struct Args {
    /// CoNLL column file: token first; blank lines end sentences and
    /// `-DOCSTART-` lines end documents.
    #[arg(long, value_name = "FILE")]
    pub conll: PathBuf,
    /// A model file to use instead of the embedded one.
    #[arg(long, value_name = "PATH")]
    pub model: Option<PathBuf>,
}

/// Runs `newsgraph tag`.
pub fn run(args: Args) -> Result<ExitCode> {
    let nlp = match &args.model {
        Some(p) => {
            let bytes = std::fs::read(p).with_context(|| format!("cannot read {}", p.display()))?;
            let model = nlp::ner::NerModel::from_bytes(&bytes)
                .with_context(|| format!("cannot load the model {}", p.display()))?;
            nlp::Nlp::with_model(model)
        }
        None => nlp::Nlp::embedded()?,
    };
    let text = std::fs::read_to_string(&args.conll)
        .with_context(|| format!("cannot read {}", args.conll.display()))?;
    let docs = nlp::conll::parse(&text);
    let started = Instant::now();
    let tagged: Vec<Vec<Vec<String>>> = docs.iter().map(|d| nlp.tagger().tag(&d.words())).collect();
    let seconds = started.elapsed().as_secs_f64();
    let tokens: usize = docs.iter().map(|d| d.token_count()).sum();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for (doc, tags) in docs.iter().zip(&tagged) {
        for (sentence, tags) in doc.sentences.iter().zip(tags) {
            for (word, tag) in sentence.words.iter().zip(tags) {
                writeln!(out, "{word} {}", conll_tag(tag))?;
            }
            writeln!(out)?;
        }
    }
    out.flush()?;
    eprintln!(
        "tagged {tokens} tokens in {seconds:.3}s: {:.0} tokens/s",
        tokens as f64 / seconds.max(1e-9)
    );
    Ok(ExitCode::SUCCESS)
}

/// The CoNLL spelling of a tag (PERSON → PER, GPE → LOC, NORP → MISC).
fn conll_tag(tag: &str) -> String {
    match tag.split_once('-') {
        Some((bio, ty)) => {
            let ty = match ty {
                "PERSON" => "PER",
                "GPE" | "LOC" => "LOC",
                "NORP" | "MISC" => "MISC",
                other => other,
            };
            format!("{bio}-{ty}")
        }
        None => "O".to_string(),
    }
}

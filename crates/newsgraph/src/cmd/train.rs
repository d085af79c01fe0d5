//! `newsgraph train ner`: trains the entity tagger on CoNLL column files.

use anyhow::{Context, Result};
use nlp::ner::train::{train, TrainOptions};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

/// Arguments of `newsgraph train`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// What to train.
    #[command(subcommand)]
    pub what: What,
}

/// The models `newsgraph train` can build.
#[derive(clap::Subcommand, Debug)]
pub enum What {
    /// The named-entity tagger (averaged perceptron over CoNLL files).
    #[command(after_help = "Example:\n  \
        newsgraph train ner --train ../shared/data/ner/conll2003/train.txt \\\n    \
        --dev ../shared/data/ner/conll2003/dev.txt --clusters clusters.tsv \\\n    \
        --out crates/nlp/models/ner.bin")]
    Ner(NerArgs),
}

/// Arguments of `newsgraph train ner`.
#[derive(clap::Args, Debug)]
pub struct NerArgs {
    /// Training data: CoNLL columns, token first, BIO tag last.
    #[arg(long, value_name = "FILE")]
    pub train: PathBuf,
    /// Development data used to pick the best epoch.
    #[arg(long, value_name = "FILE")]
    pub dev: Option<PathBuf>,
    /// Word classes, `word<TAB>c1<TAB>c2<TAB>c3` lines (crates/nlp/tools/glove_clusters.py).
    #[arg(long, value_name = "FILE")]
    pub clusters: Option<PathBuf>,
    /// Word vectors, `word<TAB>v1 v2 …` signed-byte lines (crates/nlp/tools/glove_vectors.py).
    #[arg(long, value_name = "FILE")]
    pub vectors: Option<PathBuf>,
    /// Person names, `first|last<TAB>name<TAB>rank` lines
    /// (crates/nlp/tools/census_names.py); stored in the model as frequency bands.
    #[arg(long, value_name = "FILE")]
    pub names: Option<PathBuf>,
    /// Take the word classes, vectors and person names from this trained
    /// model instead of `--clusters`, `--vectors` and `--names` (retraining
    /// with new features on the same lexicons).
    #[arg(long, value_name = "MODEL", conflicts_with_all = ["clusters", "vectors", "names"])]
    pub lexicons_from: Option<PathBuf>,
    /// Where to write the model.
    #[arg(long, value_name = "PATH")]
    pub out: PathBuf,
    /// Passes over the training data.
    #[arg(long, default_value_t = 12)]
    pub epochs: usize,
    /// Drop features whose averaged weights all stay below this magnitude.
    #[arg(long, default_value_t = 1.0)]
    pub prune: f32,
    /// Perceptrons averaged per stage (each sees the documents in another order).
    #[arg(long, default_value_t = 5)]
    pub ensemble: usize,
    /// Seed of the document shuffle.
    #[arg(long, default_value_t = 7)]
    pub seed: u64,
    /// Folds for the second (document-level) stage; 0 trains one stage only.
    #[arg(long, default_value_t = 4)]
    pub folds: usize,
}

fn read(path: &Path) -> Result<String> {
    std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))
}

/// Runs `newsgraph train`.
pub fn run(args: Args) -> Result<ExitCode> {
    match args.what {
        What::Ner(a) => train_ner(a),
    }
}

/// The word classes, vectors and person names of `--clusters`,
/// `--vectors` and `--names` (each empty when not given).
fn read_lexicons(args: &NerArgs) -> Result<nlp::ner::train::ModelLexicons> {
    let classes = match &args.clusters {
        Some(p) => nlp::ner::parse_word_classes(&read(p)?),
        None => Default::default(),
    };
    let vectors = match &args.vectors {
        Some(p) => nlp::ner::parse_word_vectors(&read(p)?),
        None => Default::default(),
    };
    let person_names = match &args.names {
        Some(p) => nlp::ner::parse_person_names(&read(p)?),
        None => Default::default(),
    };
    Ok((classes, vectors, person_names))
}

fn train_ner(args: NerArgs) -> Result<ExitCode> {
    let started = Instant::now();
    let train_docs = nlp::conll::parse(&read(&args.train)?);
    let dev_docs = match &args.dev {
        Some(p) => nlp::conll::parse(&read(p)?),
        None => Vec::new(),
    };
    let from_model = match &args.lexicons_from {
        Some(p) => {
            let bytes = std::fs::read(p).with_context(|| format!("cannot read {}", p.display()))?;
            let model = nlp::ner::NerModel::from_bytes(&bytes)
                .with_context(|| format!("{} is not a readable NER model", p.display()))?;
            Some(nlp::ner::train::lexicons_of(model))
        }
        None => None,
    };
    let (classes, vectors, person_names) = match from_model {
        Some(lexicons) => lexicons,
        None => read_lexicons(&args)?,
    };
    eprintln!(
        "training on {} documents, {} word classes, {} word vectors, {} person names",
        train_docs.len(),
        classes.len(),
        vectors.len(),
        person_names.len()
    );
    let options = TrainOptions {
        epochs: args.epochs,
        prune: args.prune,
        folds: args.folds,
        seed: args.seed,
        ensemble: args.ensemble,
        ..TrainOptions::default()
    };
    let model = train(
        &train_docs,
        &dev_docs,
        classes,
        vectors,
        person_names,
        &options,
        &mut |r| {
            let seconds = started.elapsed().as_secs_f64();
            if r.member == 0 {
                eprintln!(
                    "stage {} averaged ensemble: dev F1 {:.4}, {} features ({seconds:.0}s)",
                    r.stage, r.dev_f1, r.features
                );
            } else {
                eprintln!(
                "stage {} member {} epoch {:>2}: train accuracy {:.4}, dev F1 {:.4}, {} features ({seconds:.0}s)",
                r.stage, r.member, r.epoch, r.train_accuracy, r.dev_f1, r.features
            );
            }
        },
    )?;
    let bytes = model.to_bytes();
    std::fs::write(&args.out, &bytes)
        .with_context(|| format!("cannot write {}", args.out.display()))?;
    eprintln!(
        "wrote {} ({} features, {:.1} MB) in {:.0}s",
        args.out.display(),
        model.feature_count(),
        bytes.len() as f64 / 1e6,
        started.elapsed().as_secs_f64()
    );
    Ok(ExitCode::SUCCESS)
}

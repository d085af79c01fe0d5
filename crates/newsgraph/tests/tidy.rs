//! Tidy checks, in the spirit of rust-analyzer's `tidy.rs`: rules of the
//! code base that no compiler enforces, checked by reading the workspace's
//! `Cargo.toml` files and sources.
//!
//! - Crate dependencies run one way, as ARCHITECTURE.md draws them
//!   ([`LAYERS`]).
//! - The pure core (the stage crates) does no I/O and holds no global
//!   mutable state.
//! - Byte offsets become code points only in `model`'s contract.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

/// The crate layering, lowest first: each workspace crate with the
/// workspace crates it may depend on (normal, dev or build dependencies).
/// A crate may name only crates above it here, so dependencies run one way.
/// To add a crate or an edge, amend this table and ARCHITECTURE.md's
/// "Crate layers" together.
const LAYERS: &[(&str, &[&str])] = &[
    ("model", &[]),
    ("gazetteer", &["model"]),
    ("lexicon", &["model", "gazetteer"]),
    ("extract", &["model", "lexicon"]),
    ("nlp", &["model", "gazetteer", "lexicon"]),
    ("attribution", &["model", "gazetteer", "lexicon", "nlp"]),
    (
        "events",
        &["model", "gazetteer", "lexicon", "nlp", "attribution"],
    ),
    (
        "pipeline",
        &[
            "model",
            "gazetteer",
            "lexicon",
            "extract",
            "nlp",
            "attribution",
            "events",
        ],
    ),
    // `pipeline` only as a dev-dependency, to analyse the demo articles.
    ("columnar", &["model", "pipeline"]),
    ("store", &["model", "gazetteer"]),
    ("ingest", &["model", "extract", "pipeline", "store"]),
    // `pipeline` only as a dev-dependency, to analyse the test fixtures.
    ("server", &["model", "store", "pipeline"]),
    (
        "newsgraph",
        &[
            "model",
            "gazetteer",
            "lexicon",
            "extract",
            "nlp",
            "attribution",
            "events",
            "pipeline",
            "store",
            "ingest",
            "server",
        ],
    ),
    // The Python package's native module: wiring, like the CLI.
    (
        "python",
        &["model", "events", "pipeline", "columnar", "ingest"],
    ),
];

/// The pure core: no files, sockets, environment, processes or clock, and
/// no global mutable state (ARCHITECTURE.md, "a pure core").
const STAGE_CRATES: &[&str] = &[
    "model",
    "gazetteer",
    "lexicon",
    "extract",
    "nlp",
    "attribution",
    "events",
    "pipeline",
    "columnar",
];

/// What the pure core may not name, and why.
const IMPURE: &[(&str, &str)] = &[
    ("std::fs", "reads or writes files"),
    ("std::net", "opens sockets"),
    ("std::env", "reads the environment"),
    ("std::process", "runs or exits processes"),
    ("SystemTime", "reads the clock"),
    ("Instant::now", "reads the clock"),
    ("Utc::now", "reads the clock"),
    ("Local::now", "reads the clock"),
    ("static mut", "is global mutable state"),
    ("thread_local!", "is per-thread global state"),
];

/// Types that make a `static` mutable. (A `OnceLock` or `LazyLock` of plain
/// data is a table built once and then only read: allowed.)
const INTERIOR_MUTABILITY: &[&str] = &["Mutex", "RwLock", "RefCell", "Cell<", "Atomic"];

/// Files allowed to convert between byte offsets and code points: the
/// converter and the contract that uses it.
const OFFSET_CONVERTERS: &[&str] = &[
    "crates/model/src/offsets.rs",
    "crates/model/src/contract.rs",
];

/// Code outside [`OFFSET_CONVERTERS`] that matches an offset-conversion
/// signature but is not an output offset: (file, signature, why).
const OFFSET_ALLOWED: &[(&str, &str, &str)] = &[
    (
        "crates/model/src/gdelt.rs",
        "nth char",
        "IsRootEvent cuts the text before a contract code point: the inverse, no output offset",
    ),
    (
        "crates/columnar/src/lib.rs",
        "nth char",
        "cuts the evidence sentence out of the text at the contract's code points: the inverse",
    ),
    (
        "crates/model/src/lib.rs",
        "CharOffsets",
        "re-exports the converter",
    ),
    (
        "crates/server/src/ui/highlight.rs",
        "byte of each char",
        "the UI cuts the stored text at the contract's code points: the inverse, at the display edge",
    ),
    (
        "crates/nlp/src/ner/features.rs",
        "byte of each char",
        "character n-gram features of one word, not an offset",
    ),
];

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn read(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The workspace's crates: the directory names under `crates/`.
fn crates() -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(root().join("crates"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.join("Cargo.toml").is_file())
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// The workspace crates a `Cargo.toml` names in any dependency table
/// (`[dependencies]`, `[dev-dependencies]`, `[build-dependencies]`, their
/// `[target.….dependencies]` forms and `[dependencies.name]` headers).
fn workspace_dependencies(manifest: &str, workspace: &[String]) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let mut in_deps = false;
    let mut named = |key: &str| {
        let key = key.trim().trim_matches('"');
        let key = key.strip_prefix("newsgraph-").unwrap_or(key);
        if workspace.iter().any(|c| c == key) {
            found.insert(key.to_string());
        }
    };
    for line in manifest.lines().map(str::trim) {
        if let Some(header) = line.strip_prefix('[') {
            let header = header.trim_end_matches(']');
            let table = header.rsplit('.').next().unwrap_or(header);
            in_deps = header.ends_with("dependencies");
            if !in_deps && header.contains("dependencies.") {
                named(table);
            }
            continue;
        }
        if in_deps && !line.starts_with('#') {
            if let Some((key, _)) = line.split_once('=') {
                named(key.split('.').next().unwrap_or(key));
            }
        }
    }
    found
}

/// Every `.rs` file under `dir`, sorted.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(dir) = todo.pop() {
        let Ok(entries) = fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries {
            let path = entry.unwrap().path();
            if path.is_dir() {
                todo.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

/// `path` relative to the workspace root, with `/` separators.
fn relative(path: &Path) -> String {
    let root = root().canonicalize().unwrap();
    let path = path.canonicalize().unwrap();
    path.strip_prefix(&root)
        .unwrap()
        .to_string_lossy()
        .replace('\\', "/")
}

/// The lines of a source file that are code, numbered from 1 (comment lines,
/// doc comments included, are left out: they may name what they forbid).
fn code_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l))
        .filter(|(_, l)| !l.trim_start().starts_with("//"))
}

#[test]
fn crate_dependencies_run_one_way_as_architecture_draws_them() {
    let workspace = crates();
    let layer = |name: &str| LAYERS.iter().position(|(c, _)| *c == name);
    // The table itself runs one way.
    for (i, (name, allowed)) in LAYERS.iter().enumerate() {
        for dep in *allowed {
            assert!(
                layer(dep).is_some_and(|d| d < i),
                "LAYERS: {name} may depend on {dep}, which is not above it"
            );
        }
    }
    let architecture = read(&root().join("ARCHITECTURE.md"));
    let mut errors = Vec::new();
    for name in &workspace {
        let Some(i) = layer(name) else {
            errors.push(format!(
                "crates/{name} is not in LAYERS: place it in the table and in ARCHITECTURE.md"
            ));
            continue;
        };
        if !architecture.contains(&format!("### `{name}`")) {
            errors.push(format!("ARCHITECTURE.md has no \"### `{name}`\" section"));
        }
        let manifest = read(&root().join("crates").join(name).join("Cargo.toml"));
        for dep in workspace_dependencies(&manifest, &workspace) {
            if !LAYERS[i].1.contains(&dep.as_str()) {
                errors.push(format!(
                    "crates/{name}/Cargo.toml depends on {dep}, which LAYERS does not allow"
                ));
            }
        }
    }
    assert!(errors.is_empty(), "{}", errors.join("\n"));
}

#[test]
fn the_dependency_reader_sees_every_form() {
    let workspace: Vec<String> = ["model", "nlp", "store", "events", "pipeline"]
        .map(String::from)
        .to_vec();
    let manifest = "[package]\nname = \"newsgraph-x\"\n\n[dependencies]\nmodel.workspace = true\n\
                    serde.workspace = true\n# store.workspace = true\n\
                    newsgraph-nlp = { path = \"../nlp\" }\n\n[dev-dependencies]\n\
                    events = { workspace = true }\n\n[dependencies.pipeline]\nworkspace = true\n";
    let found = workspace_dependencies(manifest, &workspace);
    let expected: BTreeSet<String> = ["events", "model", "nlp", "pipeline"]
        .map(String::from)
        .into();
    assert_eq!(found, expected);
}

#[test]
fn stage_crates_do_no_io_and_hold_no_global_mutable_state() {
    let mut errors = Vec::new();
    for name in STAGE_CRATES {
        for file in rust_files(&root().join("crates").join(name).join("src")) {
            let text = read(&file);
            for (n, line) in code_lines(&text) {
                let at = format!("{}:{n}", relative(&file));
                for (needle, why) in IMPURE {
                    if line.contains(needle) {
                        errors.push(format!("{at}: {needle} {why}: {}", line.trim()));
                    }
                }
                let code = line.trim_start();
                if code.starts_with("use std::{")
                    && code
                        .split(|c: char| !c.is_alphanumeric() && c != '_')
                        .any(|w| matches!(w, "fs" | "net" | "env" | "process"))
                {
                    errors.push(format!("{at}: I/O imported: {code}"));
                }
                let is_static = code
                    .split_whitespace()
                    .take_while(|w| *w != "=")
                    .any(|w| w == "static");
                if is_static && INTERIOR_MUTABILITY.iter().any(|t| code.contains(t)) {
                    errors.push(format!("{at}: global mutable state: {code}"));
                }
            }
        }
    }
    assert!(
        errors.is_empty(),
        "the stage crates are a pure core (ARCHITECTURE.md): bytes or text in, \
         annotations out\n{}",
        errors.join("\n")
    );
}

/// The offset-conversion signatures that start on `line` (`following` is the
/// code after it, for chains split over lines).
fn offset_signatures(line: &str, following: &str) -> Vec<&'static str> {
    let mut found = Vec::new();
    if line.contains("CharOffsets") {
        found.push("CharOffsets");
    }
    // `text[..end].chars().count()`: the code point of a byte offset.
    let mut rest = line;
    while let Some(at) = rest.find("].chars().count()") {
        let before = &rest[..at];
        if before
            .rfind('[')
            .is_some_and(|open| before[open..].contains(".."))
        {
            found.push("chars in a slice");
        }
        rest = &rest[at + 1..];
    }
    // The chained signatures start at `char_indices` on this line.
    let Some(start) = line.find("char_indices") else {
        return found;
    };
    // `char_indices().nth(n)` / `.enumerate()`: the byte of a code point.
    let chain: String = format!("{}{following}", &line[start..])
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    if chain.contains("char_indices().nth(") || chain.contains("char_indices().enumerate()") {
        found.push("nth char");
    }
    // `char_indices().map(|(b, _)| b)`: a table of each code point's byte.
    if let Some(at) = chain.find("char_indices().map(|(") {
        let closure = &chain[at + "char_indices().map(|(".len()..];
        if let Some((var, body)) = closure.split_once(",_)|") {
            if body.starts_with(var)
                && !body[var.len()..].starts_with(|c: char| c.is_alphanumeric() || c == '_')
            {
                found.push("byte of each char");
            }
        }
    }
    found
}

#[test]
fn code_points_are_computed_only_in_the_contract() {
    let mut errors = Vec::new();
    for name in crates() {
        for file in rust_files(&root().join("crates").join(&name).join("src")) {
            let path = relative(&file);
            if OFFSET_CONVERTERS.contains(&path.as_str()) {
                continue;
            }
            let text = read(&file);
            let lines: Vec<(usize, &str)> = code_lines(&text).collect();
            for (i, (n, line)) in lines.iter().enumerate() {
                let following: String = lines[i + 1..].iter().take(2).map(|(_, l)| *l).collect();
                for signature in offset_signatures(line, &following) {
                    let allowed = OFFSET_ALLOWED
                        .iter()
                        .any(|(f, s, _)| *f == path && *s == signature);
                    if !allowed {
                        errors.push(format!("{path}:{n}: {signature}: {}", line.trim()));
                    }
                }
            }
        }
    }
    assert!(
        errors.is_empty(),
        "byte offsets become code points only in model's contract \
         (contract::Output::from_analysis); use it, or add a reason to OFFSET_ALLOWED \
         if this is not an offset\n{}",
        errors.join("\n")
    );
}

#[test]
fn the_offset_signatures_are_recognised() {
    assert_eq!(
        offset_signatures("let start = text[..span.start].chars().count();", ""),
        ["chars in a slice"]
    );
    assert!(offset_signatures("if words[0].chars().count() >= 5 {", "").is_empty());
    assert_eq!(
        offset_signatures("    .char_indices()", "    .map(|(b, _)| b)"),
        ["byte of each char"]
    );
    assert!(offset_signatures(
        "let chars: Vec<(usize, char)> = text.char_indices().collect();",
        ""
    )
    .is_empty());
    assert_eq!(
        offset_signatures("let (b, _) = s.char_indices().nth(start)?;", ""),
        ["nth char"]
    );
    assert_eq!(
        offset_signatures("let o = model::CharOffsets::new(text);", ""),
        ["CharOffsets"]
    );
}

use crate::{parse_jsonl_line, RawDocument, SourceItem};
use std::fs::File;
use std::io::{BufReader, Read};
use std::path::{Path, PathBuf};

/// Every file under `root`: the file itself, or a directory's files
/// recursively in name order (hidden entries skipped). Lazy.
pub(crate) fn walk_files(root: PathBuf) -> impl Iterator<Item = Result<PathBuf, SourceItem>> {
    walkdir::WalkDir::new(&root)
        .sort_by_file_name()
        .follow_links(true)
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'))
        .filter_map(move |entry| match entry {
            Ok(e) if e.file_type().is_dir() => None,
            Ok(e) => Some(Ok(e.into_path())),
            Err(err) => Some(Err(SourceItem::Failed {
                origin: err.path().unwrap_or(&root).display().to_string(),
                reason: io_reason(err.io_error(), "cannot be read"),
            })),
        })
}

/// The documents of a JSON Lines file, one per non-blank line, lazily. A
/// line that is not valid UTF-8 or not a valid record is reported and
/// skipped; a read error ends the file.
pub(crate) fn jsonl_documents(path: PathBuf) -> Box<dyn Iterator<Item = SourceItem> + Send> {
    let file = match File::open(&path) {
        Ok(f) => f,
        Err(e) => {
            return Box::new(std::iter::once(SourceItem::Failed {
                origin: path.display().to_string(),
                reason: io_reason(Some(&e), "cannot be opened"),
            }))
        }
    };
    let mut lines = Some(BufReader::with_capacity(crate::LINE_BUFFER, file));
    let mut n = 0usize;
    Box::new(std::iter::from_fn(move || loop {
        let line = crate::read_line(lines.as_mut()?)
            .transpose()?
            .map(|mut line| {
                if line.last() == Some(&b'\n') {
                    line.pop();
                }
                line
            });
        n += 1;
        let origin = format!("{}:{}", path.display(), n);
        let line = match line {
            Ok(line) => line,
            Err(e) => {
                // The file cannot be read further.
                lines = None;
                return Some(SourceItem::Failed {
                    origin,
                    reason: format!("read error: {e}"),
                });
            }
        };
        let Ok(line) = std::str::from_utf8(&line) else {
            return Some(SourceItem::Failed {
                origin,
                reason: "the line is not valid UTF-8 (JSON Lines must be UTF-8)".to_string(),
            });
        };
        if line.trim().is_empty() {
            continue;
        }
        return Some(match parse_jsonl_line(line, &origin) {
            Ok(doc) => SourceItem::Document(doc),
            Err(e) => SourceItem::Failed {
                origin,
                reason: e.to_string(),
            },
        });
    }))
}

/// Whether `path` names a JSON Lines file (`.jsonl`, `.ndjson`).
pub(crate) fn is_jsonl(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("jsonl") || e.eq_ignore_ascii_case("ndjson"))
}

/// One file as one document, refused without reading if over `max_bytes`.
pub(crate) fn read_file(path: &Path, max_bytes: u64) -> SourceItem {
    let origin = path.display().to_string();
    let id = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| origin.clone());
    let file = match File::open(path) {
        Ok(f) => f,
        Err(e) => {
            return SourceItem::Failed {
                origin,
                reason: io_reason(Some(&e), "cannot be opened"),
            }
        }
    };
    let len = file.metadata().map(|m| m.len()).ok();
    if len.is_some_and(|len| len > max_bytes) {
        return SourceItem::Failed {
            origin,
            reason: too_large(max_bytes),
        };
    }
    read_document(file, id, origin, max_bytes, len.unwrap_or(0))
}

/// Standard input (`-` on the command line) as one document named `stdin`.
pub(crate) fn read_stdin(max_bytes: u64) -> SourceItem {
    read_document(
        std::io::stdin().lock(),
        "stdin".to_string(),
        "standard input".to_string(),
        max_bytes,
        0,
    )
}

fn too_large(max_bytes: u64) -> String {
    format!("the input is larger than the {max_bytes}-byte limit (raise it with --max-bytes)")
}

/// Reads `reader` to its end as one document, refused past `max_bytes`.
/// `expected` is its length if known (0 if not): the buffer is made that
/// size (and one byte more, for the end) at once, as growing it by doubling
/// to a 50 MB page copied it eight times into fresh memory.
fn read_document(
    reader: impl Read,
    id: String,
    origin: String,
    max_bytes: u64,
    expected: u64,
) -> SourceItem {
    let capacity = usize::try_from(expected.min(max_bytes).saturating_add(1)).unwrap_or(0);
    let mut bytes = Vec::with_capacity(capacity);
    // Read one byte past the limit to tell "at the limit" from "over it".
    let reason = match reader.take(max_bytes + 1).read_to_end(&mut bytes) {
        Ok(_) if bytes.len() as u64 > max_bytes => too_large(max_bytes),
        Ok(_) => {
            return SourceItem::Document(RawDocument {
                id,
                origin,
                bytes,
                url: None,
                published: None,
                kind: None,
                declared_charset: None,
            })
        }
        Err(e) => io_reason(Some(&e), "cannot be read"),
    };
    SourceItem::Failed { origin, reason }
}

fn io_reason(e: Option<&std::io::Error>, what: &str) -> String {
    match e {
        Some(e) => format!("{what}: {e}"),
        None => what.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use crate::{walk, SourceItem, WalkOptions};
    use std::path::PathBuf;

    #[test]
    fn walks_directories_and_jsonl_lines_in_order() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        std::fs::write(dir.path().join("a.txt"), "Alpha").unwrap();
        std::fs::write(dir.path().join("sub/b.html"), "<p>Beta</p>").unwrap();
        std::fs::write(dir.path().join(".hidden"), "x").unwrap();
        std::fs::write(
            dir.path().join("c.jsonl"),
            "{\"id\":\"c1\",\"text\":\"Gamma\"}\n\n{bad\n",
        )
        .unwrap();
        let items: Vec<SourceItem> =
            walk(&[dir.path().to_path_buf()], &WalkOptions::default()).collect();
        let ids: Vec<String> = items
            .iter()
            .map(|i| match i {
                SourceItem::Document(d) => d.id.clone(),
                SourceItem::Failed { origin, .. } => {
                    format!("FAILED {}", origin.rsplit('/').next().unwrap())
                }
            })
            .collect();
        assert_eq!(ids, vec!["a", "c1", "FAILED c.jsonl:3", "b"]);
    }

    #[test]
    fn oversized_files_fail_with_reason() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("big.txt");
        std::fs::write(&p, "x".repeat(100)).unwrap();
        let items: Vec<SourceItem> = walk(
            &[p],
            &WalkOptions {
                max_bytes: 10,
                ..WalkOptions::default()
            },
        )
        .collect();
        assert!(matches!(&items[0], SourceItem::Failed { reason, .. } if reason.contains("limit")));
    }

    #[test]
    fn missing_path_is_reported() {
        let items: Vec<SourceItem> = walk(
            &[PathBuf::from("/nonexistent/newsgraph")],
            &WalkOptions::default(),
        )
        .collect();
        assert!(
            matches!(&items[0], SourceItem::Failed { origin, .. } if origin.contains("nonexistent"))
        );
    }
}

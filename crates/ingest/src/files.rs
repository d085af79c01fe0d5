use crate::{parse_jsonl_line, RawDocument, SourceItem};
use std::collections::VecDeque;
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

/// Options for [`walk`].
#[derive(Debug, Clone)]
pub struct WalkOptions {
    /// Files larger than this are reported as failures, not read.
    pub max_bytes: u64,
}

impl Default for WalkOptions {
    fn default() -> Self {
        WalkOptions {
            max_bytes: 64 * 1024 * 1024,
        }
    }
}

/// Every document under `paths`: files as one document each (id = file
/// stem), directories recursively in name order (hidden entries skipped),
/// `.jsonl` files one document per line. Lazy: files are read as the
/// iterator advances.
pub fn walk(paths: &[PathBuf], options: &WalkOptions) -> impl Iterator<Item = SourceItem> {
    let files = paths.to_vec().into_iter().flat_map(|root| {
        let walker = walkdir::WalkDir::new(&root)
            .sort_by_file_name()
            .follow_links(true)
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
        walker.filter_map(move |entry| match entry {
            Ok(e) if e.file_type().is_dir() => None,
            Ok(e) => Some(Ok(e.into_path())),
            Err(err) => Some(Err(SourceItem::Failed {
                origin: err.path().unwrap_or(&root).display().to_string(),
                reason: io_reason(err.io_error(), "cannot be read"),
            })),
        })
    });
    let options = options.clone();
    let mut pending: VecDeque<SourceItem> = VecDeque::new();
    let mut files = files;
    let mut lines: Option<(PathBuf, std::io::Lines<BufReader<File>>, usize)> = None;
    std::iter::from_fn(move || loop {
        if let Some(item) = pending.pop_front() {
            return Some(item);
        }
        if let Some((path, it, n)) = lines.as_mut() {
            match it.next() {
                Some(Ok(line)) => {
                    *n += 1;
                    if line.trim().is_empty() {
                        continue;
                    }
                    let origin = format!("{}:{}", path.display(), n);
                    return Some(match parse_jsonl_line(&line, &origin) {
                        Ok(doc) => SourceItem::Document(doc),
                        Err(reason) => SourceItem::Failed { origin, reason },
                    });
                }
                Some(Err(e)) => {
                    *n += 1;
                    let origin = format!("{}:{}", path.display(), n);
                    let reason = if e.kind() == std::io::ErrorKind::InvalidData {
                        "the line is not valid UTF-8 (JSON Lines must be UTF-8)".to_string()
                    } else {
                        format!("read error: {e}")
                    };
                    // An invalid-UTF-8 line is skipped; other errors end the file.
                    if e.kind() != std::io::ErrorKind::InvalidData {
                        lines = None;
                    }
                    return Some(SourceItem::Failed { origin, reason });
                }
                None => {
                    lines = None;
                    continue;
                }
            }
        }
        match files.next()? {
            Err(failed) => return Some(failed),
            Ok(path) if is_jsonl(&path) => match File::open(&path) {
                Ok(f) => lines = Some((path, BufReader::new(f).lines(), 0)),
                Err(e) => pending.push_back(SourceItem::Failed {
                    origin: path.display().to_string(),
                    reason: io_reason(Some(&e), "cannot be opened"),
                }),
            },
            Ok(path) => pending.push_back(read_file(&path, &options)),
        }
    })
}

fn is_jsonl(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("jsonl") || e.eq_ignore_ascii_case("ndjson"))
}

fn read_file(path: &Path, options: &WalkOptions) -> SourceItem {
    let origin = path.display().to_string();
    let failed = |reason: String| SourceItem::Failed {
        origin: origin.clone(),
        reason,
    };
    let file = match File::open(path) {
        Ok(f) => f,
        Err(e) => return failed(io_reason(Some(&e), "cannot be opened")),
    };
    let mut bytes = Vec::new();
    // Read one byte past the limit to tell "at the limit" from "over it".
    match file.take(options.max_bytes + 1).read_to_end(&mut bytes) {
        Ok(_) if bytes.len() as u64 > options.max_bytes => failed(format!(
            "the file is larger than the {}-byte limit (raise it with --max-bytes)",
            options.max_bytes
        )),
        Ok(_) => SourceItem::Document(RawDocument {
            id: path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_else(|| origin.clone()),
            origin: origin.clone(),
            bytes,
            url: None,
            published: None,
            kind: None,
        }),
        Err(e) => failed(io_reason(Some(&e), "cannot be read")),
    }
}

fn io_reason(e: Option<&std::io::Error>, what: &str) -> String {
    match e {
        Some(e) => format!("{what}: {e}"),
        None => format!("{what}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        let items: Vec<SourceItem> = walk(&[p], &WalkOptions { max_bytes: 10 }).collect();
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

//! The `newsgraph` Python package's native module, `newsgraph._newsgraph`.
//!
//! A thin binding: every call goes through the same [`pipeline::Pipeline`]
//! as `newsgraph analyze`, and results are the same `newsgraph/1`
//! [`model::contract::Output`], turned into Python objects by its own serde
//! `Serialize` (so `json.dumps(result, indent=2, ensure_ascii=False)` is the
//! CLI's output). Records are copied out of Python objects first, so that
//! the analysis itself runs with the GIL released, on rayon's threads.
//!
//! Nothing crosses the FFI as a panic: input errors are Python exceptions
//! (or, in `analyze_many`, error values), and a panic inside the pipeline is
//! caught per record and reported as that record's error.

/// mimalloc for the extension's own (Rust) allocations, as the CLI uses: the
/// analysis allocates per token, and the same allocator keeps the package's
/// throughput level with `newsgraph analyze`. Python objects still come from
/// Python's allocator; nothing allocated on one side is freed on the other.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use chrono::NaiveDate;
use ingest::SourceItem;
use model::contract::{Output, SCHEMA};
use model::{Budget, OverBudget};
use pipeline::{Input, InputKind, Limits};
use pyo3::exceptions::{PyOSError, PyRuntimeError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyByteArray, PyBytes, PyCapsule, PyDict, PyList, PyString};
use rayon::prelude::*;
use std::io;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;
use std::sync::{Mutex, OnceLock};
use std::time::{Duration, Instant};

pyo3::create_exception!(
    newsgraph,
    NewsgraphError,
    PyValueError,
    "An input that newsgraph cannot analyse, or an actor table it cannot parse; \
     the message names the input and the reason."
);

/// The document id used when the caller gives neither `id` nor `url`.
const DEFAULT_ID: &str = "document";

/// One input, copied out of Python objects so that it can be analysed
/// without the GIL.
struct Record {
    id: String,
    /// Where it came from, for error values: `records[3]`.
    origin: String,
    bytes: Vec<u8>,
    url: Option<String>,
    published: Option<NaiveDate>,
    kind: Option<InputKind>,
    /// The charset the transport declared (a WARC record's HTTP header).
    declared_charset: Option<String>,
}

impl Record {
    fn input(&self) -> Input<'_> {
        Input {
            id: self.id.clone(),
            bytes: &self.bytes,
            url: self.url.clone(),
            published: self.published,
            kind: self.kind,
            declared_charset: self.declared_charset.clone(),
            verbatim: false,
        }
    }
}

/// A record that could not even be read, or could not be analysed: becomes
/// the same error object as a failed line of `newsgraph analyze --jsonl`.
struct Failure {
    id: Option<String>,
    origin: String,
    reason: String,
}

/// The Python type name of `obj`, for messages.
fn type_name(obj: &Bound<'_, PyAny>) -> String {
    obj.get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_else(|_| "?".into())
}

/// The bytes of a `str` (as UTF-8), `bytes` or `bytearray`.
fn content_bytes(obj: &Bound<'_, PyAny>, what: &str) -> Result<Vec<u8>, String> {
    if let Ok(s) = obj.cast::<PyString>() {
        // A str with lone surrogates has no UTF-8 form: say so, not "?".
        return s
            .to_cow()
            .map(|s| s.into_owned().into_bytes())
            .map_err(|_| format!("{what} is a str that is not valid Unicode (lone surrogates)"));
    }
    if let Ok(b) = obj.cast::<PyBytes>() {
        return Ok(b.as_bytes().to_vec());
    }
    if let Ok(b) = obj.cast::<PyByteArray>() {
        return Ok(b.to_vec());
    }
    Err(format!(
        "{what} must be str or bytes, not {}",
        type_name(obj)
    ))
}

/// A `published` argument: `None`, an ISO date string (a timestamp's date
/// part counts, as in JSON Lines records), or a `datetime.date`/`datetime`.
fn published_date(obj: Option<&Bound<'_, PyAny>>) -> Result<Option<NaiveDate>, String> {
    let Some(obj) = obj.filter(|o| !o.is_none()) else {
        return Ok(None);
    };
    let text = if let Ok(s) = obj.cast::<PyString>() {
        s.to_cow()
            .map(|s| s.into_owned())
            .map_err(|_| "\"published\" is a str that is not valid Unicode".to_string())?
    } else if obj.hasattr("isoformat").unwrap_or(false) {
        obj.call_method0("isoformat")
            .and_then(|s| s.extract::<String>())
            .map_err(|e| format!("\"published\" has an isoformat() that failed: {e}"))?
    } else {
        return Err(format!(
            "\"published\" must be a date string like 2022-03-13 or a datetime.date, not {}",
            type_name(obj)
        ));
    };
    if text.is_empty() {
        return Ok(None);
    }
    ingest::parse_date(&text)
        .map(Some)
        .ok_or_else(|| format!("\"published\" is {text:?}, expected a date like 2022-03-13"))
}

/// An optional string argument or record field.
fn optional_string(obj: Option<&Bound<'_, PyAny>>, what: &str) -> Result<Option<String>, String> {
    match obj.filter(|o| !o.is_none()) {
        None => Ok(None),
        Some(o) => o
            .extract::<String>()
            .map(Some)
            .map_err(|_| format!("{what} must be a str, not {}", type_name(o))),
    }
}

/// A record's `id`: a non-empty string or an integer, as in JSON Lines.
fn record_id(obj: Option<&Bound<'_, PyAny>>) -> Option<String> {
    let obj = obj?;
    if let Ok(s) = obj.extract::<String>() {
        return Some(s).filter(|s| !s.is_empty());
    }
    if obj.cast::<pyo3::types::PyBool>().is_ok() {
        return None;
    }
    obj.extract::<i128>().ok().map(|n| n.to_string())
}

/// Reads record `index` of `analyze_many`: a dict shaped like a JSON Lines
/// record (`{"id", "html"|"text", "url"?, "published"?}`, with `html` or
/// `text` as str or bytes), or bare content (str or bytes, id = its index).
fn read_record(index: usize, obj: &Bound<'_, PyAny>) -> Result<Record, Failure> {
    let origin = format!("records[{index}]");
    let fail = |id: Option<String>, reason: String| Failure {
        id,
        origin: origin.clone(),
        reason,
    };
    let Ok(dict) = obj.cast::<PyDict>() else {
        return match content_bytes(obj, "the record") {
            Ok(bytes) => Ok(Record {
                id: index.to_string(),
                origin: origin.clone(),
                bytes,
                url: None,
                published: None,
                kind: None,
                declared_charset: None,
            }),
            Err(_) => Err(fail(
                None,
                format!(
                    "a record must be a dict {{\"id\", \"html\"|\"text\", \"url\"?, \"published\"?}} \
                     or str or bytes, not {}",
                    type_name(obj)
                ),
            )),
        };
    };
    let field = |key: &str| dict.get_item(key).ok().flatten();
    let Some(id) = record_id(field("id").as_ref()) else {
        return Err(fail(
            None,
            "the record's \"id\" is missing or not a string".into(),
        ));
    };
    let html = field("html").filter(|o| !o.is_none());
    let text = field("text").filter(|o| !o.is_none());
    let (bytes, kind) = match (html, text) {
        (Some(html), _) => (
            content_bytes(&html, "\"html\"").map_err(|e| fail(Some(id.clone()), e))?,
            InputKind::Html,
        ),
        (None, Some(text)) => (
            content_bytes(&text, "\"text\"").map_err(|e| fail(Some(id.clone()), e))?,
            InputKind::Text,
        ),
        (None, None) => {
            return Err(fail(
                Some(id),
                "the record has neither \"html\" nor \"text\"".into(),
            ))
        }
    };
    let url =
        optional_string(field("url").as_ref(), "\"url\"").map_err(|e| fail(Some(id.clone()), e))?;
    let published =
        published_date(field("published").as_ref()).map_err(|e| fail(Some(id.clone()), e))?;
    Ok(Record {
        id,
        origin,
        bytes,
        url,
        published,
        kind: Some(kind),
        declared_charset: None,
    })
}

/// The record of a single-document call (`analyze`, `extract`).
fn single_record(
    content: &Bound<'_, PyAny>,
    url: Option<String>,
    published: Option<&Bound<'_, PyAny>>,
    id: Option<String>,
) -> PyResult<Record> {
    let id = id
        .or_else(|| url.clone())
        .unwrap_or_else(|| DEFAULT_ID.into());
    let is_content = content.is_instance_of::<PyString>()
        || content.is_instance_of::<PyBytes>()
        || content.is_instance_of::<PyByteArray>();
    let bytes = content_bytes(content, "content").map_err(|e| {
        if is_content {
            NewsgraphError::new_err(format!("cannot analyse {id}: {e}"))
        } else {
            PyTypeError::new_err(e)
        }
    })?;
    let published = published_date(published).map_err(PyValueError::new_err)?;
    Ok(Record {
        origin: id.clone(),
        id,
        bytes,
        url,
        published,
        kind: None,
        declared_charset: None,
    })
}

/// What a caught panic said.
fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".into())
}

/// Runs `f`, turning a panic into an error message, so that no panic
/// unwinds into Python and one bad record does not end a batch.
fn guarded<T>(f: impl FnOnce() -> Result<T, String>) -> Result<T, String> {
    catch_unwind(AssertUnwindSafe(f)).unwrap_or_else(|payload| {
        Err(format!(
            "internal error, a bug in newsgraph (please report it with this input): {}",
            panic_message(payload.as_ref())
        ))
    })
}

/// Analyses one record into the contract, or says why it cannot; with
/// `max_analysis`, a record whose analysis runs past it is refused (as
/// `newsgraph ingest --max-analysis-ms` does).
fn analyze_record(
    pipeline: &pipeline::Pipeline,
    max_analysis: Option<Duration>,
    record: &Record,
) -> Result<Output, Failure> {
    guarded(|| {
        let analysis = match max_analysis {
            None => pipeline.analyze(&record.input()),
            Some(limit) => {
                let started = Instant::now();
                let budget = Budget::limited(limit, move || started.elapsed());
                pipeline.analyze_within(&record.input(), &budget)
            }
        };
        analysis.map(|a| a.to_contract()).map_err(|e| match e {
            pipeline::PipelineError::OverBudget(OverBudget::Spent) => format!(
                "its analysis took longer than {} ms and was stopped (raise max_analysis_ms)",
                max_analysis.map_or(0, |d| d.as_millis())
            ),
            pipeline::PipelineError::OverBudget(OverBudget::Projected { estimate }) => format!(
                "its analysis would take {}, over the {} ms limit: refused early \
                 (raise max_analysis_ms)",
                OverBudget::estimate_words(estimate),
                max_analysis.map_or(0, |d| d.as_millis())
            ),
            e => e.to_string(),
        })
    })
    .map_err(|reason| Failure {
        id: Some(record.id.clone()),
        origin: record.origin.clone(),
        reason,
    })
}

/// The error object of a record, as `newsgraph analyze --jsonl` prints it.
fn failure_object<'py>(py: Python<'py>, failure: &Failure) -> PyResult<Bound<'py, PyAny>> {
    let out = PyDict::new(py);
    out.set_item("schema", SCHEMA)?;
    let document = PyDict::new(py);
    document.set_item("id", failure.id.as_deref())?;
    out.set_item("document", document)?;
    out.set_item("origin", &failure.origin)?;
    out.set_item("error", &failure.reason)?;
    Ok(out.into_any())
}

/// The pipeline that the module-level functions share, built on first use.
fn default_pipeline() -> PyResult<&'static pipeline::Pipeline> {
    static DEFAULT: OnceLock<Result<pipeline::Pipeline, String>> = OnceLock::new();
    DEFAULT
        .get_or_init(|| pipeline::Pipeline::embedded().map_err(|e| e.to_string()))
        .as_ref()
        .map_err(|e| PyRuntimeError::new_err(e.clone()))
}

/// Analyses one record with the GIL released; raises on failure.
fn analyze_one<'py>(
    py: Python<'py>,
    pipeline: &pipeline::Pipeline,
    max_analysis: Option<Duration>,
    record: Record,
) -> PyResult<Bound<'py, PyAny>> {
    let result = py.detach(|| analyze_record(pipeline, max_analysis, &record));
    match result {
        Ok(out) => Ok(pythonize::pythonize(py, &out)?),
        Err(f) => Err(NewsgraphError::new_err(format!(
            "cannot analyse {}: {}",
            f.origin, f.reason
        ))),
    }
}

/// Extracts one record's article (no analysis); raises on failure.
fn extract_one<'py>(
    py: Python<'py>,
    limits: &Limits,
    record: Record,
) -> PyResult<Bound<'py, PyAny>> {
    let result = py.detach(|| {
        guarded(|| pipeline::extract_document(&record.input(), limits).map_err(|e| e.to_string()))
    });
    match result {
        Ok(document) => Ok(pythonize::pythonize(py, &document)?),
        Err(reason) => Err(NewsgraphError::new_err(format!(
            "cannot extract {}: {reason}",
            record.origin
        ))),
    }
}

/// Analyses one article (HTML or plain text, any encoding) and returns the
/// `newsgraph/1` object that `newsgraph analyze` prints, as a dict.
#[pyfunction]
#[pyo3(signature = (content, *, url=None, published=None, id=None))]
fn analyze<'py>(
    py: Python<'py>,
    content: &Bound<'py, PyAny>,
    url: Option<String>,
    published: Option<&Bound<'py, PyAny>>,
    id: Option<String>,
) -> PyResult<Bound<'py, PyAny>> {
    let record = single_record(content, url, published, id)?;
    analyze_one(py, default_pipeline()?, None, record)
}

/// Extracts the clean article and its metadata without analysing it: the
/// object `newsgraph extract` prints for a file.
#[pyfunction]
#[pyo3(signature = (content, *, url=None, published=None, id=None))]
fn extract<'py>(
    py: Python<'py>,
    content: &Bound<'py, PyAny>,
    url: Option<String>,
    published: Option<&Bound<'py, PyAny>>,
    id: Option<String>,
) -> PyResult<Bound<'py, PyAny>> {
    let record = single_record(content, url, published, id)?;
    extract_one(py, &Limits::default(), record)
}

/// The analysis pipeline with its models loaded, optionally with extra
/// actor tables for the event coder; safe to share between threads.
#[pyclass(module = "newsgraph", frozen)]
struct Pipeline {
    inner: pipeline::Pipeline,
    limits: Limits,
    /// The longest analysis of one record; `None`: no limit.
    max_analysis: Option<Duration>,
}

#[pymethods]
impl Pipeline {
    /// Loads the models; `actors` are PETRARCH-format actor tables whose
    /// entries win over the built-in lexicon (as `newsgraph analyze
    /// --actors`); inputs (and WARC records) over `max_bytes` bytes are
    /// refused; a record whose analysis takes longer than `max_analysis_ms`
    /// is refused (default: no limit).
    #[new]
    #[pyo3(signature = (actors=None, *, max_bytes=None, max_analysis_ms=None))]
    fn new(
        py: Python<'_>,
        actors: Option<Vec<PathBuf>>,
        max_bytes: Option<usize>,
        max_analysis_ms: Option<u64>,
    ) -> PyResult<Self> {
        if max_analysis_ms == Some(0) {
            return Err(PyValueError::new_err("max_analysis_ms must be at least 1"));
        }
        let mut limits = Limits::default();
        if let Some(max) = max_bytes {
            if max == 0 {
                return Err(PyValueError::new_err("max_bytes must be at least 1"));
            }
            limits.max_bytes = max;
        }
        let mut inner = py
            .detach(pipeline::Pipeline::embedded)
            .map_err(|e| PyRuntimeError::new_err(e.to_string()))?
            .with_limits(limits.clone());
        // Extends the embedded pipeline's own coder: building a second one
        // cost a fifth of its start-up.
        for path in actors.unwrap_or_default() {
            let text = std::fs::read_to_string(&path).map_err(|e| {
                PyOSError::new_err(format!("cannot read actor table {}: {e}", path.display()))
            })?;
            inner = inner.with_actor_table(&text).map_err(|e| {
                NewsgraphError::new_err(format!("cannot parse actor table {}: {e}", path.display()))
            })?;
        }
        Ok(Pipeline {
            inner,
            limits,
            max_analysis: max_analysis_ms.map(Duration::from_millis),
        })
    }

    /// Analyses one article, like the module-level `analyze`.
    #[pyo3(signature = (content, *, url=None, published=None, id=None))]
    fn analyze<'py>(
        &self,
        py: Python<'py>,
        content: &Bound<'py, PyAny>,
        url: Option<String>,
        published: Option<&Bound<'py, PyAny>>,
        id: Option<String>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let record = single_record(content, url, published, id)?;
        analyze_one(py, &self.inner, self.max_analysis, record)
    }

    /// Extracts one article without analysing it, under this pipeline's limits.
    #[pyo3(signature = (content, *, url=None, published=None, id=None))]
    fn extract<'py>(
        &self,
        py: Python<'py>,
        content: &Bound<'py, PyAny>,
        url: Option<String>,
        published: Option<&Bound<'py, PyAny>>,
        id: Option<String>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let record = single_record(content, url, published, id)?;
        extract_one(py, &self.limits, record)
    }

    /// Analyses many records in parallel with the GIL released, and returns
    /// one object per record in input order: the `newsgraph/1` object, or an
    /// error object `{"schema", "document": {"id"}, "origin", "error"}` as
    /// `newsgraph analyze --jsonl` prints for a record it cannot analyse.
    /// `threads`: how many threads (default: all cores, or
    /// `RAYON_NUM_THREADS`); 1 runs on the calling thread.
    #[pyo3(signature = (records, threads=None))]
    fn analyze_many<'py>(
        &self,
        py: Python<'py>,
        records: &Bound<'py, PyAny>,
        threads: Option<usize>,
    ) -> PyResult<Bound<'py, PyList>> {
        let results = self.run_batch(py, records, threads)?;
        let out = PyList::empty(py);
        for result in &results {
            match result {
                Ok(output) => out.append(pythonize::pythonize(py, output)?)?,
                Err(failure) => out.append(failure_object(py, failure)?)?,
            }
        }
        Ok(out)
    }

    /// Analyses many records like `analyze_many` and returns the results as
    /// five `pyarrow.RecordBatch`es: `{"documents", "entities" (one row per
    /// mention), "quotes", "events" (GDELT 2.0 column names), "errors"}`;
    /// `documents` and `errors` together have one row per record. The
    /// batches cross through the Arrow C data interface, not Python objects.
    /// Needs pyarrow 14 or later.
    #[pyo3(signature = (records, threads=None))]
    fn analyze_arrow<'py>(
        &self,
        py: Python<'py>,
        records: &Bound<'py, PyAny>,
        threads: Option<usize>,
    ) -> PyResult<Bound<'py, PyDict>> {
        // Before the work, so a missing pyarrow costs no analysis.
        let pyarrow = import_pyarrow(py, "Pipeline.analyze_arrow")?;
        let results = self.run_batch(py, records, threads)?;
        arrow_tables(py, &pyarrow, results)
    }

    /// Reads the WARC archive `source` (a path, or the archive's bytes; gzip
    /// members or plain) with the same reader as `newsgraph ingest`, and
    /// analyses its pages in batches of `batch_records`, yielding for each
    /// batch the five tables of `analyze_arrow`. Response records with a
    /// textual payload are pages (id: the WARC-Target-URI; published: the
    /// WARC-Date; the HTTP charset is honoured); other records (requests,
    /// metadata, images, redirects) are passed over; an unreadable record
    /// (corrupt gzip member, truncated, over `max_bytes`) is an `errors` row
    /// whose origin is `name@offset`. `name` stands for the archive in
    /// origins (default: the path, or "warc" for bytes).
    #[pyo3(signature = (source, *, name=None, batch_records=256, threads=None))]
    fn analyze_warc(
        slf: &Bound<'_, Self>,
        source: &Bound<'_, PyAny>,
        name: Option<String>,
        batch_records: usize,
        threads: Option<usize>,
    ) -> PyResult<WarcBatches> {
        if batch_records == 0 {
            return Err(PyValueError::new_err("batch_records must be at least 1"));
        }
        if threads == Some(0) {
            return Err(PyValueError::new_err("threads must be at least 1"));
        }
        import_pyarrow(slf.py(), "Pipeline.analyze_warc")?;
        let options = ingest::warc::WarcOptions {
            max_record_bytes: slf.get().limits.max_bytes as u64,
        };
        let items = if let Ok(bytes) = source.cast::<PyBytes>() {
            let name = name.unwrap_or_else(|| "warc".into());
            ingest::warc::read_warc_from(io::Cursor::new(bytes.as_bytes().to_vec()), name, &options)
        } else if let Ok(bytes) = source.cast::<PyByteArray>() {
            let name = name.unwrap_or_else(|| "warc".into());
            ingest::warc::read_warc_from(io::Cursor::new(bytes.to_vec()), name, &options)
        } else {
            let path: PathBuf = source.extract().map_err(|_| {
                PyTypeError::new_err(format!(
                    "source must be a path (str or os.PathLike) or bytes, not {}",
                    type_name(source)
                ))
            })?;
            match name {
                None => ingest::warc::read_warc(&path, &options),
                Some(name) => match std::fs::File::open(&path) {
                    Ok(f) => ingest::warc::read_warc_from(
                        io::BufReader::with_capacity(1 << 16, f),
                        name,
                        &options,
                    ),
                    // As read_warc reports it: an error row, not an exception.
                    Err(e) => Box::new(std::iter::once(SourceItem::Failed {
                        origin: name,
                        reason: format!("cannot be read: {e}"),
                    })),
                },
            }
        };
        Ok(WarcBatches {
            pipeline: slf.clone().unbind(),
            items: Mutex::new(Some(items)),
            batch_records,
            threads,
        })
    }
}

/// The batches of `Pipeline.analyze_warc`, read and analysed one at a time
/// so that an archive of any size costs one batch of memory.
#[pyclass(module = "newsgraph", frozen)]
struct WarcBatches {
    pipeline: Py<Pipeline>,
    /// The archive's remaining items; `None` once it is exhausted.
    items: Mutex<Option<Box<dyn Iterator<Item = SourceItem> + Send>>>,
    batch_records: usize,
    threads: Option<usize>,
}

#[pymethods]
impl WarcBatches {
    fn __iter__(slf: Py<Self>) -> Py<Self> {
        slf
    }

    /// The five tables of the next `batch_records` items of the archive.
    fn __next__<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyDict>>> {
        let n = self.batch_records;
        let read = py.detach(|| {
            let mut items = self.items.lock().unwrap_or_else(|e| e.into_inner());
            let Some(iter) = items.as_mut() else {
                return Vec::new();
            };
            let batch: Vec<Result<Record, Failure>> =
                iter.by_ref().take(n).map(source_record).collect();
            if batch.is_empty() {
                *items = None;
            }
            batch
        });
        if read.is_empty() {
            return Ok(None);
        }
        let pyarrow = import_pyarrow(py, "Pipeline.analyze_warc")?;
        let results = self
            .pipeline
            .get()
            .analyze_records(py, read, self.threads)?;
        arrow_tables(py, &pyarrow, results).map(Some)
    }
}

/// A WARC item as a record of a batch, or the failure it already is.
fn source_record(item: SourceItem) -> Result<Record, Failure> {
    match item {
        SourceItem::Document(raw) => Ok(Record {
            id: raw.id,
            origin: raw.origin,
            bytes: raw.bytes,
            url: raw.url,
            published: raw.published,
            kind: raw.kind,
            declared_charset: raw.declared_charset,
        }),
        SourceItem::Failed { origin, reason } => Err(Failure {
            id: None,
            origin,
            reason,
        }),
    }
}

/// pyarrow, or an ImportError saying that `what` needs it.
fn import_pyarrow<'py>(py: Python<'py>, what: &str) -> PyResult<Bound<'py, PyModule>> {
    py.import("pyarrow").map_err(|e| {
        pyo3::exceptions::PyImportError::new_err(format!(
            "{what} needs pyarrow (pip install pyarrow): {e}"
        ))
    })
}

/// The five tables of a batch's results as pyarrow RecordBatches.
fn arrow_tables<'py>(
    py: Python<'py>,
    pyarrow: &Bound<'py, PyModule>,
    results: Vec<Result<Output, Failure>>,
) -> PyResult<Bound<'py, PyDict>> {
    let tables = py
        .detach(|| {
            let results: Vec<Result<Output, columnar::RecordError>> = results
                .into_iter()
                .map(|r| {
                    r.map_err(|f| columnar::RecordError {
                        id: f.id,
                        origin: f.origin,
                        error: f.reason,
                    })
                })
                .collect();
            columnar::Tables::from_results(&results)
        })
        .map_err(|e| PyRuntimeError::new_err(format!("cannot build the Arrow tables: {e}")))?;
    let out = PyDict::new(py);
    for (name, batch) in tables.into_named() {
        let exported = Bound::new(py, ArrowBatch { batch })?;
        out.set_item(name, pyarrow.call_method1("record_batch", (exported,))?)?;
    }
    Ok(out)
}

/// The schemas of the five tables that `Pipeline.analyze_arrow` and
/// `Pipeline.analyze_warc` return, as `pyarrow.Schema`s (no models loaded).
#[pyfunction]
fn table_schemas(py: Python<'_>) -> PyResult<Bound<'_, PyDict>> {
    let pyarrow = import_pyarrow(py, "table_schemas")?;
    let tables = arrow_tables(py, &pyarrow, Vec::new())?;
    let out = PyDict::new(py);
    for (name, batch) in tables.iter() {
        out.set_item(name, batch.getattr("schema")?)?;
    }
    Ok(out)
}

impl Pipeline {
    /// Reads `records` and analyses them with the GIL released, in input
    /// order, one result per record.
    fn run_batch(
        &self,
        py: Python<'_>,
        records: &Bound<'_, PyAny>,
        threads: Option<usize>,
    ) -> PyResult<Vec<Result<Output, Failure>>> {
        if threads == Some(0) {
            return Err(PyValueError::new_err("threads must be at least 1"));
        }
        if records.is_instance_of::<PyString>() || records.is_instance_of::<PyBytes>() {
            return Err(PyTypeError::new_err(
                "records must be an iterable of records, not one str or bytes \
                 (use analyze() for one document)",
            ));
        }
        let read: Vec<Result<Record, Failure>> = records
            .try_iter()
            .map_err(|_| {
                PyTypeError::new_err(format!(
                    "records must be an iterable of dicts or str/bytes, not {}",
                    type_name(records)
                ))
            })?
            .enumerate()
            .map(|(i, item)| item.map(|obj| read_record(i, &obj)))
            .collect::<PyResult<_>>()?;
        self.analyze_records(py, read, threads)
    }

    /// Analyses records already read, with the GIL released, in input order.
    fn analyze_records(
        &self,
        py: Python<'_>,
        read: Vec<Result<Record, Failure>>,
        threads: Option<usize>,
    ) -> PyResult<Vec<Result<Output, Failure>>> {
        let pipeline = &self.inner;
        let max_analysis = self.max_analysis;
        let run = |r: &Result<Record, Failure>| -> Result<Output, Failure> {
            match r {
                Ok(record) => analyze_record(pipeline, max_analysis, record),
                Err(f) => Err(Failure {
                    id: f.id.clone(),
                    origin: f.origin.clone(),
                    reason: f.reason.clone(),
                }),
            }
        };
        py.detach(|| match threads {
            Some(1) => Ok(read.iter().map(run).collect()),
            Some(n) => rayon::ThreadPoolBuilder::new()
                .num_threads(n)
                .build()
                .map(|pool| pool.install(|| read.par_iter().map(run).collect()))
                .map_err(|e| format!("cannot start {n} threads: {e}")),
            None => Ok(read.par_iter().map(run).collect()),
        })
        .map_err(PyRuntimeError::new_err)
    }
}

/// One table of `analyze_arrow`, offered to pyarrow through the Arrow
/// PyCapsule interface (`__arrow_c_array__`, `__arrow_c_schema__`). The
/// capsules own the exported C structs; pyarrow moves the array out of its
/// capsule, and a capsule that was never consumed releases it when freed.
/// No `unsafe` here: `columnar::export` and `PyCapsule::new_with_value` are
/// safe, and the capsule's pointer is the C struct the protocol expects.
#[pyclass(module = "newsgraph", frozen)]
struct ArrowBatch {
    batch: columnar::RecordBatch,
}

#[pymethods]
impl ArrowBatch {
    /// The batch as (schema capsule, array capsule), a struct array whose
    /// fields are the columns. `requested_schema` is ignored: the schema is
    /// fixed, and the protocol lets the consumer cast.
    #[pyo3(signature = (requested_schema=None))]
    fn __arrow_c_array__<'py>(
        &self,
        py: Python<'py>,
        requested_schema: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<(Bound<'py, PyCapsule>, Bound<'py, PyCapsule>)> {
        let _ = requested_schema;
        let (array, schema) = columnar::export(&self.batch)
            .map_err(|e| PyRuntimeError::new_err(format!("cannot export the batch: {e}")))?;
        Ok((
            PyCapsule::new_with_value(py, schema, c"arrow_schema")?,
            PyCapsule::new_with_value(py, array, c"arrow_array")?,
        ))
    }

    /// The batch's schema alone, as a schema capsule.
    fn __arrow_c_schema__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyCapsule>> {
        let (_, schema) = columnar::export(&self.batch.slice(0, 0))
            .map_err(|e| PyRuntimeError::new_err(format!("cannot export the schema: {e}")))?;
        PyCapsule::new_with_value(py, schema, c"arrow_schema")
    }
}

/// The native half of the `newsgraph` package (see `newsgraph/__init__.py`).
#[pymodule]
fn _newsgraph(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(analyze, m)?)?;
    m.add_function(wrap_pyfunction!(extract, m)?)?;
    m.add_function(wrap_pyfunction!(table_schemas, m)?)?;
    m.add_class::<Pipeline>()?;
    m.add_class::<WarcBatches>()?;
    m.add("NewsgraphError", m.py().get_type::<NewsgraphError>())?;
    m.add("SCHEMA", SCHEMA)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}

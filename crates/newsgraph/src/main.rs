//! The `newsgraph` command line: wiring and flags only. Every command lives
//! in its own module under `cmd/`; business logic lives in the library crates.

#[macro_use]
mod output;
mod cmd;
mod sorted_json;

use clap::{Parser, Subcommand};
use std::alloc::GlobalAlloc;
use std::process::ExitCode;

/// mimalloc rather than the system allocator: the same output, and the
/// pipeline's many small allocations cost less (figures in
/// docs/measurements.md). Version 2 (the `v2` feature), not 3: on a batch of
/// short articles mimalloc 3 gave freed memory back and took it again in
/// transparent huge pages, whose zeroing (and, on a busy machine, compaction)
/// put 0.05–0.27 system CPU-seconds on 0.4 s of work (³⁰).
#[global_allocator]
static ALLOCATOR: Allocator = Allocator;

/// [`mimalloc::MiMalloc`], but an allocation that needs no more than a
/// word's alignment (nearly every one) is asked of `mi_malloc` rather than
/// `mi_malloc_aligned`: `MiMalloc` asks every allocation for its alignment,
/// and the aligned entry's checks and calls (about 44 instructions a call
/// against about 20) were 2% of ingesting a long page, which allocates
/// 7 million times per 100,000 paragraphs. On mimalloc's fast path the
/// block is the same one; a rare large allocation gets an equivalent block
/// (docs/measurements.md, ⁸⁸).
struct Allocator;

/// The alignment of every block mimalloc hands out: its block sizes are
/// whole words (mimalloc's own `mi_heap_malloc_aligned` takes its
/// unaligned path for this alignment for the same reason).
const WORD: usize = std::mem::size_of::<usize>();

// SAFETY: each method keeps `GlobalAlloc`'s contract by calling mimalloc,
// which returns null on failure: a block of at least `layout.size()` bytes
// aligned to `layout.align()` — by `mi_malloc`, `mi_zalloc` and
// `mi_realloc` only when that alignment is at most a word, which every
// mimalloc block has (see `WORD`), else by `MiMalloc`'s aligned calls. Every
// block, however allocated, is freed by `mi_free`, as `MiMalloc` frees.
#[allow(unsafe_code)]
unsafe impl GlobalAlloc for Allocator {
    unsafe fn alloc(&self, layout: std::alloc::Layout) -> *mut u8 {
        if layout.align() <= WORD {
            libmimalloc_sys::mi_malloc(layout.size()).cast()
        } else {
            mimalloc::MiMalloc.alloc(layout)
        }
    }

    unsafe fn alloc_zeroed(&self, layout: std::alloc::Layout) -> *mut u8 {
        if layout.align() <= WORD {
            libmimalloc_sys::mi_zalloc(layout.size()).cast()
        } else {
            mimalloc::MiMalloc.alloc_zeroed(layout)
        }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: std::alloc::Layout) {
        mimalloc::MiMalloc.dealloc(ptr, layout)
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: std::alloc::Layout, new_size: usize) -> *mut u8 {
        if layout.align() <= WORD {
            libmimalloc_sys::mi_realloc(ptr.cast(), new_size).cast()
        } else {
            mimalloc::MiMalloc.realloc(ptr, layout, new_size)
        }
    }
}

/// How long, in milliseconds, mimalloc keeps freed memory before giving it
/// back to the system while a long document is analysed (mimalloc 2's
/// default is 10). The stages of a long document's analysis free and
/// allocate hundreds of megabytes in turn: memory kept freed put 100–300 MB
/// on the 53 MB page's peak, varying from run to run; at 1 ms the peak is
/// about the memory in use (docs/measurements.md, ¹⁸).
const PURGE_DELAY_MS: std::os::raw::c_long = 1;

/// `mi_option_purge_delay` of `mimalloc.h` (mimalloc 2 and 3), which
/// `libmimalloc-sys` names no constant for.
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// How long, in milliseconds, mimalloc keeps freed memory for reuse
/// during an ingest before giving it back to the system (mimalloc 2's
/// default is 10). A long document's stages free and allocate buffers of
/// the same sizes over and over (the tagger's features, part after part of
/// 20,000 tokens): given back after 10 ms, many were taken again as fresh
/// pages to fault in. At 100 ms ingesting the 53 MB page faulted 17% fewer
/// pages, with 0.2–0.4 s less system time and the same peak
/// (docs/measurements.md, ⁶⁷).
const INGEST_PURGE_DELAY_MS: std::os::raw::c_long = 100;

/// Sets mimalloc's purge delay to [`PURGE_DELAY_MS`] from now on, unless
/// the user set it (`MIMALLOC_PURGE_DELAY`). `analyze` calls it for a long
/// document only: on a batch of short articles, which never free much at a
/// time, giving memory back at once cost about 5% more CPU time.
pub(crate) fn purge_freed_memory_promptly() {
    set_purge_delay(PURGE_DELAY_MS);
}

/// Sets mimalloc's purge delay to [`INGEST_PURGE_DELAY_MS`] from now on,
/// unless the user set it (`MIMALLOC_PURGE_DELAY`). `ingest` calls it for
/// its whole run, before it starts any thread.
pub(crate) fn keep_freed_memory_for_reuse() {
    set_purge_delay(INGEST_PURGE_DELAY_MS);
}

/// Sets mimalloc's purge delay (`mi_option_purge_delay`) to `ms` unless the
/// environment set it. With [`Allocator`], the binary crate's only `unsafe`
/// code: the workspace denies `unsafe` but here and in the store's binding of
/// rows (ARCHITECTURE.md).
#[allow(unsafe_code)]
fn set_purge_delay(ms: std::os::raw::c_long) {
    // SAFETY: `mi_option_set_default` only stores an integer in mimalloc's
    // option table, doing nothing if the environment set the option, and
    // checks the option's range itself. The store is not synchronised: its
    // callers make it from their one thread, before they start any other.
    unsafe {
        libmimalloc_sys::mi_option_set_default(MI_OPTION_PURGE_DELAY, ms);
    }
}

/// Turns transparent huge pages off for the rest of the process (Linux's
/// `PR_SET_THP_DISABLE`; elsewhere it does nothing). `ingest` calls it for
/// its whole run: a long document's analysis allocates and frees hundreds
/// of megabytes in turn, and each fresh 2 MB huge page is zeroed whole by
/// the kernel; ingesting the 53 MB page alone took 3.3–3.8 system
/// CPU-seconds with huge pages and 2.1–2.4 without, while a batch of short
/// articles costs the same either way (docs/measurements.md, ⁴²). `analyze`
/// calls it too, once its models are loaded (they load faster in huge
/// pages) and before it reads its input (memory mapped in huge pages stays
/// so): a 21 MB page then took 4.4–4.5 CPU-s where it took 4.6–5.2, its
/// system time 0.6 s where it was 0.6–1.3 s, a system time that grew
/// faster than the text with huge pages (docs/measurements.md, ⁹³).
pub(crate) fn prefer_small_pages() {
    // Advice, not a requirement: a kernel without the flag keeps huge pages.
    #[cfg(target_os = "linux")]
    let _ = rustix::thread::disable_transparent_huge_pages(true);
}

/// newsgraph reads news and writes down what it read, with proof: the clean
/// article, the people, organisations and places in it, who said what (and
/// according to whom), and the political events it reports, each pointing at
/// the exact characters that support it.
///
/// Start with `newsgraph demo`: it analyses built-in example articles into the
/// default database and prints what it found. Then `newsgraph analyze FILE`
/// on an article of your own.
#[derive(Parser)]
#[command(name = "newsgraph", version, propagate_version = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Analyse the built-in example articles into the database and print what was found.
    Demo(cmd::demo::Args),
    /// Analyse one article (HTML or text, any encoding) and print newsgraph/1 JSON.
    Analyze(cmd::analyze::Args),
    /// Print the clean article and metadata of each file, one JSON object per line.
    Extract(cmd::extract::Args),
    /// Train a model (the entity tagger) on annotated files.
    Train(cmd::train::Args),
    /// Tag pre-tokenised CoNLL text with entity labels (for evaluation).
    Tag(cmd::tag::Args),
    /// Analyse files, directories and JSON Lines batches into the database.
    Ingest(cmd::ingest::Args),
    /// Show one stored document with its entities, quotes and events.
    Show(cmd::query::ShowArgs),
    /// Count what the database holds.
    Stats(cmd::query::StatsArgs),
    /// Full-text search over stored articles, with highlighted snippets.
    Search(cmd::query::SearchArgs),
    /// List stored quotes, by speaker or by words.
    Quotes(cmd::query::QuotesArgs),
    /// List stored events by actor, target, CAMEO code, date range or place.
    Events(cmd::query::EventsArgs),
    /// List claims reported in one story beside their denials in another.
    Contradictions(cmd::query::ContradictionsArgs),
    /// Export events as GDELT 2.0 TSV, or documents as newsgraph/1 JSON Lines.
    Export(cmd::export::Args),
    /// Serve the web UI and the JSON API over the database (loopback by default).
    Serve(cmd::serve::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Demo(args) => cmd::demo::run(args),
        Command::Analyze(args) => cmd::analyze::run(args),
        Command::Extract(args) => cmd::extract::run(args),
        Command::Train(args) => cmd::train::run(args),
        Command::Tag(args) => cmd::tag::run(args),
        Command::Ingest(args) => cmd::ingest::run(args),
        Command::Show(args) => cmd::query::show(args),
        Command::Stats(args) => cmd::query::stats(args),
        Command::Search(args) => cmd::query::search(args),
        Command::Quotes(args) => cmd::query::quotes(args),
        Command::Events(args) => cmd::query::events(args),
        Command::Contradictions(args) => cmd::query::contradictions(args),
        Command::Export(args) => cmd::export::run(args),
        Command::Serve(args) => cmd::serve::run(args),
    };
    match result {
        Ok(code) => code,
        // The reader has what it wanted (`newsgraph … | head`).
        Err(err) if output::is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("error: {err:#}");
            ExitCode::FAILURE
        }
    }
}

//! Converts PETRARCH-2's `CAMEO.2.0.txt` into the event coder's verb table.
//!
//! ```text
//! cargo run -p newsgraph-events --example convert_cameo -- \
//!     ../shared/data/cameo/petrarch2_dictionaries/CAMEO.2.0.txt crates/events/data/cameo-verbs.txt
//! ```
//!
//! A test (`tests/cameo_table.rs`, ignored without ../shared) checks that the
//! committed table is what this writes.

mod convert;

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [input, output] = args.as_slice() else {
        eprintln!("usage: convert_cameo CAMEO.2.0.txt OUTPUT");
        return ExitCode::FAILURE;
    };
    convert::convert_file(input, output, events::verb_dictionary::convert::convert)
}

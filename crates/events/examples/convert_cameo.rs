//! Converts PETRARCH-2's `CAMEO.2.0.txt` into the event coder's verb table.
//!
//! ```text
//! cargo run -p newsgraph-events --example convert_cameo -- \
//!     ../shared/data/cameo/petrarch2_dictionaries/CAMEO.2.0.txt crates/events/data/cameo-verbs.txt
//! ```
//!
//! A test (`tests/cameo_table.rs`, ignored without ../shared) checks that the
//! committed table is what this writes.

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [input, output] = args.as_slice() else {
        eprintln!("usage: convert_cameo CAMEO.2.0.txt OUTPUT");
        return ExitCode::FAILURE;
    };
    let text = match std::fs::read(input) {
        Ok(b) => String::from_utf8_lossy(&b).into_owned(),
        Err(e) => {
            eprintln!("{input}: {e}");
            return ExitCode::FAILURE;
        }
    };
    match events::verb_dictionary::convert::convert(&text) {
        Ok(table) => match std::fs::write(output, table) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("{output}: {e}");
                ExitCode::FAILURE
            }
        },
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}

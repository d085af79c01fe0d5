//! Converts PETRARCH-2's `Phoenix.agents.txt` (role nouns such as
//! "ADMIRAL [~MIL]") into the event coder's agent table.
//!
//! ```text
//! cargo run -p newsgraph-events --example convert_agents -- \
//!     ../shared/data/cameo/petrarch2_dictionaries/Phoenix.agents.txt crates/events/data/phoenix-agents.txt
//! ```
//!
//! A test (`tests/cameo_table.rs`, ignored without ../shared) checks that the
//! committed table is what this writes.

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [input, output] = args.as_slice() else {
        eprintln!("usage: convert_agents Phoenix.agents.txt OUTPUT");
        return ExitCode::FAILURE;
    };
    let text = match std::fs::read(input) {
        Ok(b) => String::from_utf8_lossy(&b).into_owned(),
        Err(e) => {
            eprintln!("{input}: {e}");
            return ExitCode::FAILURE;
        }
    };
    match events::dictionary::convert_agents(&text, events::dictionary::AGENTS_HEADER) {
        Ok(table) => match std::fs::write(output, table) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("{output}: {e}");
                ExitCode::FAILURE
            }
        },
        Err(e) => {
            eprintln!("{input}: {e}");
            ExitCode::FAILURE
        }
    }
}

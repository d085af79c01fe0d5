//! Converts PETRARCH-2's `Phoenix.agents.txt` (role nouns such as
//! "ADMIRAL [~MIL]") and `Phoenix.International.actors.txt` (IGOs and NGOs)
//! into the event coder's tables.
//!
//! ```text
//! D=../shared/data/cameo/petrarch2_dictionaries
//! cargo run -p newsgraph-events --example convert_phoenix -- \
//!     agents $D/Phoenix.agents.txt crates/events/data/phoenix-agents.txt
//! cargo run -p newsgraph-events --example convert_phoenix -- \
//!     international $D/Phoenix.International.actors.txt crates/events/data/phoenix-international.txt
//! ```
//!
//! A test (`tests/cameo_table.rs`, ignored without ../shared) checks that the
//! committed tables are what this writes.

use events::dictionary;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [kind, input, output] = args.as_slice() else {
        eprintln!("usage: convert_phoenix agents|international INPUT OUTPUT");
        return ExitCode::FAILURE;
    };
    let text = match std::fs::read(input) {
        Ok(b) => String::from_utf8_lossy(&b).into_owned(),
        Err(e) => {
            eprintln!("{input}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let converted = match kind.as_str() {
        "agents" => dictionary::convert_agents(&text, dictionary::AGENTS_HEADER),
        "international" => {
            dictionary::convert_international(&text, dictionary::INTERNATIONAL_HEADER)
        }
        _ => {
            eprintln!("convert_phoenix: unknown table {kind:?} (agents or international)");
            return ExitCode::FAILURE;
        }
    };
    match converted {
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

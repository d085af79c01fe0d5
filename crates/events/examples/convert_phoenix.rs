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

mod convert;

use events::dictionary;
use std::process::ExitCode;

/// A converter of one of the Phoenix dictionaries, given its table's header.
type ToTable = fn(&str, &str) -> Result<String, dictionary::DictionaryError>;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [kind, input, output] = args.as_slice() else {
        eprintln!("usage: convert_phoenix agents|international INPUT OUTPUT");
        return ExitCode::FAILURE;
    };
    let (to_table, header): (ToTable, &str) = match kind.as_str() {
        "agents" => (dictionary::convert_agents, dictionary::AGENTS_HEADER),
        "international" => (
            dictionary::convert_international,
            dictionary::INTERNATIONAL_HEADER,
        ),
        _ => {
            eprintln!("convert_phoenix: unknown table {kind:?} (agents or international)");
            return ExitCode::FAILURE;
        }
    };
    convert::convert_file(input, output, |text| to_table(text, header))
}

//! What the table converters share: read a dictionary, convert it, write
//! the table, and say on standard error which file failed and why.

use std::fmt::Display;
use std::process::ExitCode;

/// Reads `input` as UTF-8 (invalid bytes are replaced, not refused),
/// converts it with `convert` and writes the result to `output`.
pub fn convert_file<E: Display>(
    input: &str,
    output: &str,
    convert: impl FnOnce(&str) -> Result<String, E>,
) -> ExitCode {
    let text = match std::fs::read(input) {
        Ok(b) => String::from_utf8_lossy(&b).into_owned(),
        Err(e) => {
            eprintln!("{input}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let table = match convert(&text) {
        Ok(table) => table,
        Err(e) => {
            eprintln!("{input}: {e}");
            return ExitCode::FAILURE;
        }
    };
    match std::fs::write(output, table) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{output}: {e}");
            ExitCode::FAILURE
        }
    }
}

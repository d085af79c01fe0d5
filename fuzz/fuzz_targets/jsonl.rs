//! The JSON Lines record reader on any bytes, line by line.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for line in data.split(|&b| b == b'\n') {
        if let Ok(line) = std::str::from_utf8(line) {
            let _ = ingest::parse_jsonl_line(line, "fuzz:1");
        }
    }
});

//! HTML/text extraction on any bytes: never panics, never hangs.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = extract::extract(data, &extract::Options::default());
});

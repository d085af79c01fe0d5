//! The RSS/Atom feed reader on any bytes.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = ingest::feed::looks_like_feed(data);
    let _ = ingest::feed::parse_feed(data, Some("http://a.test/feed"));
});

//! The WARC reader (gzipped or plain) on any bytes: records or errors,
//! never a panic, memory bounded by the record limit.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(records) = ingest::warc::WarcRecords::new(data, 1 << 20) else {
        return;
    };
    for (_, record) in records.take(1000) {
        if let Ok(record) = record {
            let _ = ingest::warc::record_document(&record, "fuzz", 1 << 20);
        }
    }
});

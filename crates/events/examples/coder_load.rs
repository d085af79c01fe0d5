//! Builds the event coder `N` times (argument, default 1), for measuring
//! its start-up cost alone: `valgrind --tool=callgrind` on one build, or
//! `/usr/bin/time` on many.

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(1);
    for _ in 0..n {
        std::hint::black_box(events::EventCoder::new());
    }
}

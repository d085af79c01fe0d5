//! Lays out the embedded entity model's lookup tables once, when the crate
//! is built, with the code that lays out a model read at run time (the
//! same file, `src/ner/layout.rs`); `src/lib.rs` embeds the result.

#[allow(dead_code)]
#[path = "src/ner/layout.rs"]
mod layout;

use std::path::PathBuf;

fn main() {
    println!("cargo::rerun-if-changed=models/ner.bin");
    println!("cargo::rerun-if-changed=src/ner/layout.rs");
    let Some(out) = std::env::var_os("OUT_DIR").map(PathBuf::from) else {
        panic!("cargo sets OUT_DIR for build scripts");
    };
    let model = match std::fs::read("models/ner.bin") {
        Ok(model) => model,
        Err(e) => panic!("reading models/ner.bin: {e}"),
    };
    // A model that does not read as one gets an empty layout: it then
    // fails to load, or loads, exactly as it would without one.
    let blob = layout::prebuild(&model).unwrap_or_default();
    if let Err(e) = std::fs::write(out.join("ner-layout.bin"), blob) {
        panic!("writing the model's layout: {e}");
    }
}

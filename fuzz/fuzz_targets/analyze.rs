//! The whole analysis (tokens, entities, quotes, events) on any text, and
//! the contract conversion: never panics; offsets stay inside the text.
#![no_main]
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

static PIPELINE: OnceLock<pipeline::Pipeline> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let pipeline =
        PIPELINE.get_or_init(|| pipeline::Pipeline::embedded().expect("the embedded models load"));
    let input = pipeline::Input {
        id: "fuzz".into(),
        bytes: data,
        kind: Some(pipeline::InputKind::Text),
        ..pipeline::Input::default()
    };
    if let Ok(analysis) = pipeline.analyze(&input) {
        let _ = analysis.to_contract();
    }
});

//! Fuzzes one Markdown page through everything that follows parsing too: the page parser, the
//! model builder, diagnostic rendering and, when the page has no errors, emission (which parses
//! its own output with syn and would panic on an invalid identifier or type).
//!
//! Checked besides "no panic": every diagnostic's span lies inside the page.

#![no_main]

use libfuzzer_sys::fuzz_target;
use markdown_model_codegen::parse::{
    PageOutcome, parse_operations, parse_page, parse_schema_sections_page,
};
use markdown_model_codegen::{Config, Sources, emit, model};

fuzz_target!(|text: &str| {
    let mut sources = Sources::default();
    let file = sources.add("Fuzz.md".into(), text.to_owned());
    let mut diagnostics = Vec::new();
    // As `spec::parse_pages` reads a page: the `## Model Type Info` layout, or any other.
    let outcome = parse_schema_sections_page(file, text, &mut diagnostics)
        .unwrap_or_else(|| parse_page(file, text, &mut diagnostics));
    let (pages, operations): (Vec<_>, Vec<_>) = match outcome {
        PageOutcome::Model(page) => (vec![*page], Vec::new()),
        PageOutcome::Models(pages) => (pages, Vec::new()),
        PageOutcome::NotAModel => (
            Vec::new(),
            parse_operations(file, text, "Fuzz", &mut diagnostics)
                .into_iter()
                .collect(),
        ),
    };
    let model = model::build_model(
        &pages,
        &operations,
        &Config::default(),
        &sources,
        "fuzz-models",
        &mut diagnostics,
    );
    for diagnostic in &diagnostics {
        if let Some((_, span)) = &diagnostic.location {
            assert!(
                span.start <= span.end && span.end <= text.len(),
                "{diagnostic:?}"
            );
        }
    }
    let rendered = sources.render(&diagnostics);
    assert_eq!(diagnostics.is_empty(), rendered.is_empty());
    if !diagnostics.iter().any(|diagnostic| diagnostic.is_error()) {
        emit::emit_crate(&model);
    }
});

//! The fuzz targets' checks (see `fuzz/README.md`) on stable, over the committed seed corpus in
//! `fuzz/seeds/` and any input a fuzzer found a crash with: no panic, and every diagnostic's span
//! inside its input.

use std::fs;
use std::path::{Path, PathBuf};

use markdown_model_codegen::parse::{
    PageOutcome, parse_operations, parse_page, parse_schema_sections_page, parse_type_expr,
};
use markdown_model_codegen::{Config, Sources, emit, model};

fn inputs(target: &str) -> Vec<(PathBuf, String)> {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../fuzz/seeds")
        .join(target);
    let mut inputs: Vec<_> = fs::read_dir(&folder)
        .unwrap_or_else(|error| panic!("{}: {error}", folder.display()))
        .map(|entry| entry.unwrap().path())
        .filter_map(|path| Some((path.clone(), String::from_utf8(fs::read(&path).ok()?).ok()?)))
        .collect();
    inputs.sort();
    assert!(!inputs.is_empty(), "no seeds in {}", folder.display());
    inputs
}

#[test]
fn seed_pages_go_through_the_pipeline() {
    for (path, text) in inputs("parse_page") {
        let mut sources = Sources::default();
        let file = sources.add(path.clone(), text.clone());
        let mut diagnostics = Vec::new();
        let outcome = parse_schema_sections_page(file, &text, &mut diagnostics)
            .unwrap_or_else(|| parse_page(file, &text, &mut diagnostics));
        let (pages, operations): (Vec<_>, Vec<_>) = match outcome {
            PageOutcome::Model(page) => (vec![*page], Vec::new()),
            PageOutcome::Models(pages) => (pages, Vec::new()),
            PageOutcome::NotAModel => (
                Vec::new(),
                parse_operations(file, &text, "Seed", &mut diagnostics)
                    .into_iter()
                    .collect(),
            ),
        };
        let model = model::build_model(
            &pages,
            &operations,
            &Config::default(),
            &sources,
            "seed-models",
            &mut diagnostics,
        );
        for diagnostic in &diagnostics {
            let (_, span) = diagnostic
                .location
                .clone()
                .expect("a page's diagnostics have a location");
            assert!(
                span.start <= span.end && span.end <= text.len(),
                "{}: {diagnostic:?}",
                path.display()
            );
        }
        if !diagnostics.iter().any(|diagnostic| diagnostic.is_error()) {
            emit::emit_crate(&model);
        }
    }
}

#[test]
fn seed_type_expressions_parse_or_fail_inside_their_text() {
    for (path, text) in inputs("parse_type_expr") {
        match parse_type_expr(&text) {
            Ok(expr) => assert_eq!(
                parse_type_expr(&expr.to_string()),
                Ok(expr),
                "{}",
                path.display()
            ),
            Err(error) => assert!(
                error.span.end <= text.len(),
                "{}: {error:?}",
                path.display()
            ),
        }
    }
}

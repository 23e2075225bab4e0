//! Pathological sizes through the whole pipeline ([`generate`]: read, parse, model, emit,
//! format, write): a page of 100,000 rows, types nested 10,000 deep, deeply nested Markdown.
//! Each is accepted or rejected with a clear diagnostic, never a stack overflow. No timings are
//! asserted; quadratic behaviour would show as a test that does not finish.

use std::fs;
use std::path::Path;

use markdown_model_codegen::model::MAX_TYPE_DEPTH;
use markdown_model_codegen::{Failure, Generated, Options, WriteMode, generate};

const HEADER: &str = "|Name | Type | Description | Notes|\n|------------ | ------------- | ------------- | -------------|\n";

fn page(name: &str, rows: &str) -> String {
    format!("# {name}\n\n## {name}\n\n## Properties\n\n{HEADER}{rows}")
}

fn run(
    pages: &[(&str, String)],
    config: Option<&str>,
) -> (Result<Generated, Failure>, tempfile::TempDir) {
    let temp = tempfile::tempdir().unwrap();
    let spec = temp.path().join("spec");
    fs::create_dir(&spec).unwrap();
    for (name, text) in pages {
        fs::write(spec.join(name), text).unwrap();
    }
    if let Some(config) = config {
        fs::write(spec.join("codegen.toml"), config).unwrap();
    }
    let options = Options {
        spec_dir: spec,
        out_dir: temp.path().join("out"),
        config: None,
        mode: WriteMode::Write,
        deny_warnings: false,
    };
    (generate(&options), temp)
}

/// The one-line form of every diagnostic of a failed run, paths relative to the spec folder.
fn failure_lines(result: Result<Generated, Failure>, temp: &Path) -> Vec<String> {
    let Err(Failure::Input {
        diagnostics,
        sources,
    }) = result
    else {
        panic!("expected the run to fail on its input");
    };
    let prefix = format!("{}/", temp.join("spec").display());
    diagnostics
        .iter()
        .map(|diagnostic| sources.summarize(diagnostic).replace(&prefix, ""))
        .collect()
}

fn nested(depth: usize, leaf: &str) -> String {
    format!("{}{leaf}{}", "list[".repeat(depth), "]".repeat(depth))
}

#[test]
fn a_page_of_100_000_rows() {
    let rows: String = (0..100_000)
        .map(|at| {
            format!("| **field_{at}** | [list[Item]](Item) | Field number {at} | [optional] |\n")
        })
        .collect();
    let item = page("Item", "| **id** | str | The id | |\n");
    let (result, temp) = run(&[("Big.md", page("Big", &rows)), ("Item.md", item)], None);
    let generated = result.unwrap_or_else(|failure| panic!("{}", failure.render()));
    assert_eq!(generated.stats.fields, 100_001);
    assert!(generated.warnings.is_empty());
    let big = fs::read_to_string(temp.path().join("out/src/big.rs")).unwrap();
    // `field_99999` is `field99999` on the wire and in Rust.
    assert_eq!(big.matches("    pub field").count(), 100_000);
    assert!(
        big.contains("pub field99999: Option<Vec<super::Item>>,"),
        "the last field is emitted"
    );
}

#[test]
fn a_page_of_100_000_rows_with_a_warning_each() {
    let rows: String = (0..100_000)
        .map(|at| format!("| **field_{at}** | str | F | odd |\n"))
        .collect();
    let (result, _temp) = run(&[("Big.md", page("Big", &rows))], None);
    let generated = result.unwrap_or_else(|failure| panic!("{}", failure.render()));
    assert_eq!(generated.warnings.len(), 100_000);
    // Locating every one of them (a line index per file, not a scan per diagnostic).
    let last = generated.sources.summarize(&generated.warnings[99_999]);
    assert!(
        last.ends_with("Big.md:100008:31: warning: unexpected Notes `odd`"),
        "{last}"
    );
    let lines: usize = generated
        .warnings
        .iter()
        .map(|warning| generated.sources.summarize(warning).len())
        .sum();
    assert!(lines > 100_000 * 60);
    let shown = generated.sources.render_limited(&generated.warnings, 20);
    assert!(
        shown.contains("note: 20 of 100000 warnings shown"),
        "{shown}"
    );
}

#[test]
fn a_type_nested_10_000_deep_is_a_clear_error() {
    let rows = format!("| **deep** | {} | Deep | |\n", nested(10_000, "str"));
    let (result, temp) = run(&[("Deep.md", page("Deep", &rows))], None);
    let lines = failure_lines(result, temp.path());
    assert_eq!(
        lines,
        [format!(
            "Deep.md:9:14: error: the type of field `Deep.deep` is nested 10000 deep, more than {MAX_TYPE_DEPTH}"
        )]
    );
}

#[test]
fn a_malformed_type_nested_10_000_deep_is_reported_briefly() {
    // One `]` short.
    let text = nested(10_000, "Thing");
    let rows = format!("| **deep** | {} | Deep | |\n", &text[..text.len() - 1]);
    let (result, temp) = run(&[("Deep.md", page("Deep", &rows))], None);
    let lines = failure_lines(result, temp.path());
    assert_eq!(lines.len(), 1);
    assert!(
        lines[0].ends_with("…`: expected `]`, found the end of the type"),
        "{}",
        &lines[0][..200.min(lines[0].len())]
    );
    assert!(
        lines[0].len() < 200,
        "the message quotes the whole type: {} bytes",
        lines[0].len()
    );
}

#[test]
fn a_config_type_nested_10_000_deep_is_a_clear_error() {
    let config = format!(
        "[models.Deep.fields.deep]\ntype = \"{}\"\n",
        nested(10_000, "int")
    );
    let (result, temp) = run(
        &[("Deep.md", page("Deep", "| **deep** | str | Deep | |\n"))],
        Some(&config),
    );
    let lines = failure_lines(result, temp.path());
    assert_eq!(
        lines,
        [format!(
            "codegen.toml:2:8: error: the type of field `Deep.deep` is nested 10000 deep, more than {MAX_TYPE_DEPTH}"
        )]
    );
}

#[test]
fn the_deepest_accepted_type_is_generated() {
    let rows = format!(
        "| **deepest** | {} | Deepest | |\n| **too_deep** | {} | Too deep | |\n",
        nested(MAX_TYPE_DEPTH, "str"),
        nested(MAX_TYPE_DEPTH + 1, "str")
    );
    let (result, temp) = run(&[("Deep.md", page("Deep", &rows))], None);
    assert_eq!(
        failure_lines(result, temp.path()),
        [format!(
            "Deep.md:10:18: error: the type of field `Deep.too_deep` is nested 33 deep, more than {MAX_TYPE_DEPTH}"
        )]
    );

    let rows = format!(
        "| **deepest** | {} | Deepest | |\n",
        nested(MAX_TYPE_DEPTH, "str")
    );
    let (result, temp) = run(&[("Deep.md", page("Deep", &rows))], None);
    result.unwrap_or_else(|failure| panic!("{}", failure.render()));
    let emitted = fs::read_to_string(temp.path().join("out/src/deep.rs")).unwrap();
    assert_eq!(emitted.matches("Vec<").count(), MAX_TYPE_DEPTH);
}

#[test]
fn deeply_nested_markdown_around_the_table() {
    let quotes = format!("{} deep\n\n", ">".repeat(10_000));
    let lists: String = (0..2_000)
        .map(|depth| format!("{}- item\n", "  ".repeat(depth)))
        .collect();
    let emphasis = format!("{}x{}\n\n", "*_".repeat(5_000), "_*".repeat(5_000));
    let links = format!("{}x{}\n\n", "[".repeat(10_000), "](y)".repeat(10_000));
    let text = format!(
        "{quotes}{lists}\n{emphasis}{links}{}",
        page("Nested", "| **a** | str | A | |\n")
    );
    let (result, _temp) = run(&[("Nested.md", text)], None);
    let generated = result.unwrap_or_else(|failure| panic!("{}", failure.render()));
    assert_eq!(generated.stats.models, 1);
}

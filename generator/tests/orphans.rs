//! Check mode notices every file of the output folder that generation would not write: stale
//! Rust files in `src/`, and any other file (not Rust, or outside `src/`), which writing leaves
//! alone; a top-level `target/` is not looked into.

use std::fs;

use markdown_model_codegen::{Options, WriteMode, generate};

#[test]
fn check_mode_reports_every_file_it_does_not_generate() {
    let temp = tempfile::tempdir().unwrap();
    let spec = temp.path().join("spec");
    let out = temp.path().join("out");
    fs::create_dir_all(&spec).unwrap();
    fs::write(
        spec.join("Pet.md"),
        "# Pet\n\n## Pet\n\n## Properties\n\n|Name | Type | Description | Notes|\n\
         |------------ | ------------- | ------------- | -------------|\n| **name** | str | Name | |\n",
    )
    .unwrap();
    let mut options = Options {
        spec_dir: spec,
        out_dir: out.clone(),
        config: None,
        mode: WriteMode::Write,
        deny_warnings: false,
    };
    generate(&options).unwrap();
    options.mode = WriteMode::Check;
    assert!(generate(&options).unwrap().report.is_clean());

    for (path, text) in [
        ("README.md", "notes"),
        ("src/notes.txt", "notes"),
        ("src/nested/data.json", "{}"),
        ("benches/old.rs", "fn main() {}"),
        ("src/old.rs", "// stale"),
        ("target/debug/build.log", "not looked into"),
    ] {
        let path = out.join(path);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
    }
    let report = generate(&options).unwrap().report;
    assert!(!report.is_clean(), "stray files must fail --check");
    assert_eq!(report.removed, [std::path::PathBuf::from("src/old.rs")]);
    let unknown: Vec<String> = report
        .unknown
        .iter()
        .map(|path| path.to_string_lossy().replace('\\', "/"))
        .collect();
    assert_eq!(
        unknown,
        [
            "README.md",
            "benches/old.rs",
            "src/nested/data.json",
            "src/notes.txt"
        ]
    );

    // Writing removes the stale Rust file and leaves the rest alone.
    options.mode = WriteMode::Write;
    let written = generate(&options).unwrap().report;
    assert_eq!(written.removed.len(), 1);
    assert!(out.join("README.md").is_file() && !out.join("src/old.rs").exists());
}

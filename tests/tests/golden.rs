//! Golden tests: each fixture spec under `fixtures/` generates exactly the files under
//! `golden/<case>/`, and its type model matches the insta snapshot.
//!
//! `UPDATE_GOLDENS=1 cargo test -p codegen-tests --test golden` rewrites the goldens (review the
//! diff, then commit); `cargo insta review` handles the type-model snapshots.

use std::path::{Path, PathBuf};

use markdown_model_codegen::emit::emit_crate;
use markdown_model_codegen::output::{WriteMode, write_files};

const CASES: [&str; 7] = [
    "enums",
    "features",
    "keywords",
    "prior",
    "pydantic",
    "recursion",
    "types",
];

fn tests_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn check_case(case: &str) {
    let fixture = tests_dir().join("fixtures").join(case);
    let golden = tests_dir().join("golden").join(case);
    let model = match markdown_model_codegen::load(&fixture, None) {
        Ok((model, ..)) => model,
        Err(failure) => panic!("fixture {case} does not generate:\n{}", failure.render()),
    };
    insta::assert_json_snapshot!(format!("model_{case}"), model);
    let (files, _) = emit_crate(&model);

    if std::env::var_os("UPDATE_GOLDENS").is_some() {
        write_files(&golden, &files, WriteMode::Write).expect("rewrite goldens");
        return;
    }
    let report = write_files(&golden, &files, WriteMode::Check).expect("compare goldens");
    let mut problems = String::new();
    for path in &report.written {
        let wanted = &files
            .iter()
            .find(|file| &file.path == path)
            .expect("written file is generated")
            .contents;
        let existing = std::fs::read_to_string(golden.join(path)).unwrap_or_default();
        let diff = similar::TextDiff::from_lines(&existing, wanted);
        problems.push_str(&format!(
            "--- golden/{case}/{path}\n{}\n",
            diff.unified_diff().header("golden", "generated"),
            path = path.display()
        ));
    }
    for path in &report.removed {
        problems.push_str(&format!(
            "golden/{case}/{} is no longer generated\n",
            path.display()
        ));
    }
    assert!(
        problems.is_empty(),
        "the generator's output differs from the goldens (UPDATE_GOLDENS=1 rewrites them):\n{problems}"
    );
}

#[test]
fn enums() {
    check_case("enums");
}

#[test]
fn features() {
    check_case("features");
}

#[test]
fn keywords() {
    check_case("keywords");
}

#[test]
fn prior() {
    check_case("prior");
}

#[test]
fn pydantic() {
    check_case("pydantic");
}

#[test]
fn recursion() {
    check_case("recursion");
}

#[test]
fn types() {
    check_case("types");
}

#[test]
fn every_fixture_has_a_test_and_a_compiled_golden() {
    let fixtures: Vec<String> = std::fs::read_dir(tests_dir().join("fixtures"))
        .expect("fixtures folder")
        .map(|entry| {
            entry
                .expect("entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    let mut fixtures = fixtures;
    fixtures.sort();
    assert_eq!(fixtures, CASES, "every fixture needs a #[test] here");
    let lib = std::fs::read_to_string(tests_dir().join("src/lib.rs")).expect("src/lib.rs");
    for case in CASES {
        assert!(
            lib.contains(&format!("golden/{case}/src/lib.rs")),
            "src/lib.rs must compile golden/{case}"
        );
        assert!(Path::new(&tests_dir().join("golden").join(case).join("src/lib.rs")).is_file());
    }
}

//! Golden tests: each fixture spec under `fixtures/` generates exactly the files under
//! `golden/<case>/`, its type model matches the insta snapshot, and each golden builds as its own
//! crate (its Cargo.toml, every feature alone).
//!
//! `UPDATE_GOLDENS=1 cargo test -p codegen-tests --test golden` rewrites the goldens (review the
//! diff, then commit); `cargo insta review` handles the type-model snapshots.

use std::path::{Path, PathBuf};

use markdown_model_codegen::emit::emit_crate;
use markdown_model_codegen::output::{WriteMode, write_files};

fn tests_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn check_case(case: &str) {
    let fixture = tests_dir().join("fixtures").join(case);
    let golden = tests_dir().join("golden").join(case);
    let model = match markdown_model_codegen::load(&fixture, None) {
        Ok(markdown_model_codegen::Loaded { model, .. }) => model,
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
    for path in report.removed.iter().chain(&report.unknown) {
        problems.push_str(&format!(
            "golden/{case}/{} is not generated\n",
            path.display()
        ));
    }
    assert!(
        problems.is_empty(),
        "the generator's output differs from the goldens (UPDATE_GOLDENS=1 rewrites them):\n{problems}"
    );
}

/// The names of the folders in `tests/<folder>`, sorted.
fn folders_in(folder: &str) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(tests_dir().join(folder))
        .unwrap_or_else(|error| panic!("{folder}: {error}"))
        .map(|entry| {
            entry
                .expect("entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    names.sort();
    names
}

/// The fixture folders: each is a case.
fn cases() -> Vec<String> {
    folders_in("fixtures")
}

#[test]
fn every_fixture_generates_its_golden() {
    // Iterates the folders: a new fixture is checked without being listed anywhere.
    for case in cases() {
        check_case(&case);
    }
}

#[test]
fn every_golden_has_a_fixture_and_is_compiled() {
    let goldens = folders_in("golden");
    assert_eq!(
        goldens,
        cases(),
        "a golden without a fixture, or a fixture without a golden"
    );
    let lib = std::fs::read_to_string(tests_dir().join("src/lib.rs")).expect("src/lib.rs");
    for case in cases() {
        assert!(
            lib.contains(&format!("#[path = \"../golden/{case}/src/lib.rs\"]")),
            "src/lib.rs must compile golden/{case}"
        );
    }
}

/// Copies the files of `from` into `to`, recursively.
fn copy_folder(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("create a folder");
    for entry in std::fs::read_dir(from).expect("read a folder") {
        let path = entry.expect("entry").path();
        let target = to.join(path.file_name().expect("a name"));
        if path.is_dir() {
            copy_folder(&path, &target);
        } else {
            std::fs::copy(&path, &target).expect("copy a file");
        }
    }
}

#[test]
fn every_golden_builds_as_its_own_crate_with_no_feature_and_each_feature_alone() {
    // `src/lib.rs` compiles the goldens' code as modules of this crate, with this crate's
    // features; this builds each golden as the crate it is, with its own Cargo.toml: its default
    // features, none, and each alone, warnings denied; with operations, also with `client` and
    // with `tracing` (which enables `client`). Copies under target/ keep the goldens
    // free of Cargo.lock; the workspace's lock file pins the same dependency versions.
    let work = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("golden-crates");
    let lock = tests_dir().join("../Cargo.lock");
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let mut failed = Vec::new();
    let mut builds = 0;
    for case in cases() {
        let copy = work.join(&case);
        let _ = std::fs::remove_dir_all(&copy);
        copy_folder(&tests_dir().join("golden").join(&case), &copy);
        std::fs::copy(&lock, copy.join("Cargo.lock")).expect("copy Cargo.lock");
        let model =
            match markdown_model_codegen::load(&tests_dir().join("fixtures").join(&case), None) {
                Ok(markdown_model_codegen::Loaded { model, .. }) => model,
                Err(failure) => panic!("fixture {case} does not generate:\n{}", failure.render()),
            };
        let mut runs: Vec<Vec<String>> = vec![Vec::new(), vec!["--no-default-features".to_owned()]];
        for feature in model
            .features
            .iter()
            .map(|feature| feature.name.as_str())
            .chain(["full"])
        {
            runs.push(
                ["--no-default-features", "--features", feature]
                    .map(str::to_owned)
                    .to_vec(),
            );
        }
        if model.features.is_empty() {
            runs.truncate(1);
        }
        if !model.operations.is_empty() {
            // The async client, with every group and with none (nothing of the request runtime
            // may then be unused).
            runs.push(vec!["--features".to_owned(), "client".to_owned()]);
            for feature in ["client", "tracing"] {
                runs.push(
                    ["--no-default-features", "--features", feature]
                        .map(str::to_owned)
                        .to_vec(),
                );
            }
            // The operations' examples are `no_run` doctests: compiled, not run.
            runs.push(vec!["--doc".to_owned()]);
        }
        for run in runs {
            builds += 1;
            let doc = run.first().is_some_and(|arg| arg == "--doc");
            let command: &[&str] = if doc {
                &["test", "--quiet"]
            } else {
                &["check", "--quiet", "--lib"]
            };
            let status = std::process::Command::new(&cargo)
                .args(command)
                .args(&run)
                .current_dir(&copy)
                .env("CARGO_TARGET_DIR", work.join("target"))
                .env("RUSTFLAGS", "-D warnings")
                .status()
                .expect("run cargo");
            if !status.success() {
                failed.push(format!(
                    "golden/{case}: cargo {} {}",
                    command[0],
                    run.join(" ")
                ));
            }
        }
    }
    assert!(builds >= 10, "{builds} builds");
    assert_eq!(failed, Vec::<String>::new());
}

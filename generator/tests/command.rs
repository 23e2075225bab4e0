//! The `markdown-model-codegen` command end to end, as a user runs it: the built binary on
//! fixture docs copied into a scratch folder, its exit codes, stdout, stderr and JSON output.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

/// A scratch folder of this test's own, empty.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("command")
        .join(name);
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).expect("create scratch folder");
    dir
}

/// A copy of the workspace's fixture docs folder `name` in `dir`.
fn fixture_docs(name: &str, dir: &Path) -> PathBuf {
    let from = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/fixtures")
        .join(name);
    let to = dir.join(name);
    fs::create_dir_all(&to).expect("create docs folder");
    for entry in fs::read_dir(&from).expect("fixture folder") {
        let entry = entry.expect("fixture entry");
        fs::copy(entry.path(), to.join(entry.file_name())).expect("copy fixture page");
    }
    to
}

/// Runs the command with `NO_COLOR` unset (colour is decided by `--color` and the terminal:
/// a test's pipes are not one).
fn run(args: &[&dyn AsRef<std::ffi::OsStr>]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_markdown-model-codegen"))
        .args(args.iter().map(|arg| arg.as_ref()))
        .env_remove("NO_COLOR")
        .output()
        .expect("run markdown-model-codegen")
}

fn code(output: &Output) -> i32 {
    output.status.code().expect("exited")
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("UTF-8 stdout")
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("UTF-8 stderr")
}

fn json(output: &Output) -> Value {
    serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|error| panic!("stdout is not JSON ({error}):\n{}", stdout(output)))
}

/// Every file of a folder with its contents, to show that a run changed nothing.
fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files = Vec::new();
    let mut folders = vec![dir.to_owned()];
    while let Some(folder) = folders.pop() {
        for entry in fs::read_dir(&folder).expect("read folder") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                folders.push(path);
            } else {
                files.push((path.clone(), fs::read(&path).expect("read file")));
            }
        }
    }
    files.sort();
    files
}

/// Adds an optional property to the `Delivery` page.
fn add_property(docs: &Path) {
    let page = docs.join("Delivery.md");
    let text = fs::read_to_string(&page).expect("Delivery.md");
    let row = "| **kind** | str | A required enum: the struct has no Default. | |\n";
    assert!(text.contains(row), "the fixture page has its `kind` row");
    let added = format!("{row}| **note** | str | A new optional property. | [optional] |\n");
    fs::write(&page, text.replace(row, &added)).expect("write Delivery.md");
}

/// Breaks the type of `Delivery.formats` (`list[str`); returns the page and the row's line.
fn break_a_type(docs: &Path) -> (PathBuf, usize) {
    let page = docs.join("Delivery.md");
    let text = fs::read_to_string(&page).expect("Delivery.md");
    let row = "| list[str] | A list";
    let line = text
        .lines()
        .position(|line| line.contains(row))
        .expect("the row")
        + 1;
    fs::write(&page, text.replace(row, "| list[str | A list")).expect("break a type");
    (page, line)
}

#[test]
fn generate_then_check_then_a_changed_page_makes_check_fail_and_changes_nothing() {
    let dir = scratch("generate_check");
    let docs = fixture_docs("enums", &dir);
    let out = dir.join("crate");

    let generated = run(&[&"generate", &docs, &"--out", &out]);
    assert_eq!(code(&generated), 0, "{}", stderr(&generated));
    assert!(
        stdout(&generated)
            .contains("3 pages (0 skipped: no Properties table), 3 models (2 from enum pages)"),
        "{}",
        stdout(&generated)
    );
    assert!(out.join("Cargo.toml").is_file() && out.join("src/lib.rs").is_file());
    assert!(out.join("model.json").is_file());

    let fresh = run(&[&"check", &docs, &"--out", &out]);
    assert_eq!(code(&fresh), 0, "{}", stderr(&fresh));
    assert!(
        stdout(&fresh).contains("0 would write"),
        "{}",
        stdout(&fresh)
    );

    add_property(&docs);
    let before = snapshot(&out);
    let stale = run(&[&"check", &docs, &"--out", &out]);
    assert_eq!(code(&stale), 1, "check of a stale crate exits 1");
    let message = stderr(&stale);
    assert!(
        message.contains(&format!("stale: {}", out.join("src/delivery.rs").display())),
        "{message}"
    );
    assert!(message.contains("is out of date"), "{message}");
    assert!(
        stdout(&stale).contains("Delivery.note"),
        "the change report names the added field:\n{}",
        stdout(&stale)
    );
    assert_eq!(snapshot(&out), before, "check changed the crate");

    let report = run(&[&"check", &docs, &"--out", &out, &"--format", &"json"]);
    assert_eq!(code(&report), 1);
    let report = json(&report);
    assert_eq!(report["command"], "check");
    assert_eq!(report["outcome"], "failed");
    assert_eq!(report["exit_code"], 1);
    assert_eq!(
        report["files"]["written"],
        // The record of incremental regeneration holds the changed file's new key and digest.
        serde_json::json!(["codegen-hashes.txt", "model.json", "src/delivery.rs"])
    );
    assert_eq!(report["stats"]["models"], 3);
    assert_eq!(
        report["changes"]["bump"], "major",
        "an optional field added to a struct without Default breaks its literals"
    );

    let regenerated = run(&[&"generate", &docs, &"--out", &out, &"--quiet"]);
    assert_eq!(code(&regenerated), 0, "{}", stderr(&regenerated));
    assert_eq!(
        stdout(&regenerated),
        "",
        "--quiet prints nothing on success"
    );
    assert_eq!(code(&run(&[&"check", &docs, &"--out", &out])), 0);
}

/// Every file under `dir` but its `target/`, by its path relative to `dir`.
fn crate_files(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    (snapshot(dir).into_iter())
        .map(|(path, bytes)| (path.strip_prefix(dir).expect("under dir").to_owned(), bytes))
        .filter(|(path, _)| !path.starts_with("target"))
        .collect()
}

#[test]
fn the_parse_cache_is_kept_in_the_crates_target_and_changes_no_output() {
    let dir = scratch("parse_cache");
    let docs = fixture_docs("enums", &dir);
    let out = dir.join("crate");
    let cache = out.join("target/markdown-model-codegen/parse-cache");

    assert_eq!(code(&run(&[&"generate", &docs, &"--out", &out])), 0);
    assert!(
        cache.is_file(),
        "generate keeps its parse cache in the crate's target/"
    );
    let ignore = fs::read_to_string(cache.with_file_name(".gitignore")).expect(".gitignore");
    assert_eq!(ignore, "*\n", "the folder the cache made is ignored by git");

    // After an edit, a run with the cache writes what a run without one writes.
    add_property(&docs);
    assert_eq!(code(&run(&[&"generate", &docs, &"--out", &out])), 0);
    let uncached = dir.join("uncached");
    let without = run(&[&"generate", &docs, &"--out", &uncached, &"--no-parse-cache"]);
    assert_eq!(code(&without), 0, "{}", stderr(&without));
    assert!(
        !uncached.join("target").exists(),
        "--no-parse-cache writes no cache"
    );
    assert!(crate_files(&out) == crate_files(&uncached));

    // `check` changes nothing, not even the cache, when it parses a stale crate's docs.
    fs::remove_file(&cache).expect("remove the cache");
    let page = docs.join("Delivery.md");
    let text = fs::read_to_string(&page).expect("Delivery.md");
    let edited = text.replace(
        "A new optional property.",
        "A new optional property, edited.",
    );
    fs::write(&page, edited).expect("edit Delivery.md");
    assert_eq!(code(&run(&[&"check", &docs, &"--out", &out])), 1);
    assert!(!cache.exists(), "check wrote a parse cache");
}

#[test]
fn a_malformed_page_is_located_coloured_only_when_asked_and_writes_nothing() {
    let dir = scratch("malformed");
    let docs = fixture_docs("enums", &dir);
    let out = dir.join("crate");
    assert_eq!(code(&run(&[&"generate", &docs, &"--out", &out])), 0);
    let before = snapshot(&out);

    let (page, line) = break_a_type(&docs);

    let failed = run(&[&"generate", &docs, &"--out", &out]);
    assert_eq!(code(&failed), 1, "errors in the docs exit 1");
    let message = stderr(&failed);
    assert!(
        message.contains(&format!("{}:{line}:", page.display())),
        "the error names file and line {line}:\n{message}"
    );
    assert!(message.contains("nothing was written"), "{message}");
    assert!(
        !message.contains('\x1b'),
        "no colour when piped:\n{message}"
    );
    assert_eq!(snapshot(&out), before, "a failed run changed the crate");

    let coloured = run(&[&"generate", &docs, &"--out", &out, &"--color", &"always"]);
    assert_eq!(code(&coloured), 1);
    assert!(
        stderr(&coloured).contains("\x1b["),
        "--color always colours"
    );

    let scripted = run(&[&"generate", &docs, &"--out", &out, &"--format", &"json"]);
    assert_eq!(code(&scripted), 1);
    let document = json(&scripted);
    assert_eq!(document["outcome"], "failed");
    let diagnostics = document["failure"]["diagnostics"]
        .as_array()
        .expect("diagnostics");
    let error = diagnostics
        .iter()
        .find(|diagnostic| diagnostic["severity"] == "error")
        .expect("an error");
    assert_eq!(error["file"], page.display().to_string());
    assert_eq!(error["line"], line);
    assert!(error["column"].as_u64().is_some_and(|column| column > 1));
    assert_eq!(stderr(&scripted), "", "JSON output keeps stderr empty");
}

#[test]
fn on_a_terminal_diagnostics_are_coloured_unless_no_color_is_set() {
    // `script` (util-linux) runs the command on a pseudo-terminal.
    if Command::new("script").arg("--version").output().is_err() {
        eprintln!("skipped: no `script` here to run the command on a terminal");
        return;
    }
    let dir = scratch("terminal");
    let docs = fixture_docs("enums", &dir);
    break_a_type(&docs);
    let line = format!(
        "'{}' generate '{}' --out '{}'",
        env!("CARGO_BIN_EXE_markdown-model-codegen"),
        docs.display(),
        dir.join("crate").display()
    );
    let on_terminal = |no_color: bool| {
        let mut script = Command::new("script");
        script
            .args(["-qec", &line, "/dev/null"])
            .env("TERM", "xterm");
        if no_color {
            script.env("NO_COLOR", "1");
        } else {
            script.env_remove("NO_COLOR");
        }
        let output = script.output().expect("run script");
        String::from_utf8_lossy(&output.stdout).into_owned()
    };
    let coloured = on_terminal(false);
    assert!(coloured.contains("malformed type"), "{coloured}");
    assert!(
        coloured.contains("\x1b["),
        "coloured on a terminal:\n{coloured}"
    );
    let plain = on_terminal(true);
    assert!(plain.contains("malformed type"), "{plain}");
    assert!(!plain.contains('\x1b'), "plain with NO_COLOR:\n{plain}");
}

#[test]
fn usage_and_io_errors_have_their_exit_codes() {
    let dir = scratch("usage");
    let docs = fixture_docs("enums", &dir);

    let no_out = run(&[&"generate", &docs]);
    assert_eq!(code(&no_out), 2, "a missing --out is a usage error");
    assert!(
        stderr(&no_out).contains("--out <CRATE>"),
        "{}",
        stderr(&no_out)
    );

    let help = run(&[&"--help"]);
    assert_eq!(code(&help), 0);
    assert!(stdout(&help).contains("Exit codes:"), "{}", stdout(&help));

    // A crate folder that is a file cannot be written.
    let file = dir.join("a-file");
    fs::write(&file, "").expect("write a file");
    let io = run(&[&"generate", &docs, &"--out", &file]);
    assert_eq!(code(&io), 3, "an I/O error exits 3: {}", stderr(&io));
}

#[test]
fn diff_compares_two_docs_folders_and_a_crate() {
    let dir = scratch("diff");
    let old = fixture_docs("enums", &dir.join("old"));
    let new = fixture_docs("enums", &dir.join("new"));
    add_property(&new);
    let out = dir.join("crate");
    assert_eq!(code(&run(&[&"generate", &old, &"--out", &out])), 0);

    for old_side in [&old, &out] {
        let text = run(&[&"diff", old_side, &new]);
        assert_eq!(code(&text), 0, "{}", stderr(&text));
        assert!(
            stdout(&text).contains("Delivery.note: optional field added"),
            "{}",
            stdout(&text)
        );

        let scripted = run(&[&"diff", old_side, &new, &"--format", &"json"]);
        assert_eq!(code(&scripted), 0);
        let document = json(&scripted);
        assert_eq!(document["report"]["bump"], "major");
        assert_eq!(document["report"]["counts"]["optional_field_added"], 1);
    }

    let missing = run(&[&"diff", &dir.join("nowhere"), &new]);
    assert_eq!(code(&missing), 1, "{}", stderr(&missing));
}

#[test]
fn import_writes_the_sdk_names_into_the_config() {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/python_models");
    let dir = scratch("import");
    let config = dir.join("codegen.toml");
    fs::copy(fixture.join("spec/codegen.toml"), &config).expect("copy the config");

    let (spec, models) = (fixture.join("spec"), fixture.join("models"));
    let import = |format: &str| {
        run(&[
            &"import",
            &spec,
            &"--python-models",
            &models,
            &"--config",
            &config,
            &"--format",
            &format,
        ])
    };
    let imported = import("json");
    assert_eq!(code(&imported), 0, "{}", stderr(&imported));
    let document = json(&imported);
    assert_eq!(document["written"], true);
    assert_eq!(document["counts"]["wire_names_written"], 12);
    assert_eq!(
        fs::read_to_string(&config).expect("the edited config"),
        fs::read_to_string(fixture.join("expected_codegen.toml")).expect("expected config"),
    );

    let again = import("text");
    assert_eq!(code(&again), 0);
    assert!(
        stdout(&again).contains(": unchanged;"),
        "{}",
        stdout(&again)
    );
}

//! The README's "Use it in your own project", step by step, in fresh cargo projects made here:
//! a generated crate kept in the project (the command, then `check`), and generation at build
//! time (`build::Builder` in `build.rs`). Each project builds offline against this workspace's
//! `Cargo.lock` and reads and writes a document with the generated types.
//!
//! The projects share one target folder under this workspace's `target/`, so that only the
//! first run compiles their dependencies.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::SystemTime;

/// A document of the fixture's `Delivery` model: an enum value the docs list in another case,
/// one they do not list, a wire name that is not the field's, and a key the model lacks.
const DOCUMENT: &str =
    r#"{"status":"failed","kind":"push","formats":["8kHz","*"],"schemaList":["x"],"extra":1}"#;
/// The document as the generated types write it back: the unknown key left out.
const WRITTEN: &str =
    r#"{"status":"failed","kind":"push","formats":["8kHz","*"],"schemaList":["x"]}"#;

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .canonicalize()
        .expect("the workspace")
}

/// A fresh project folder `name` with the fixture docs in `docs/` and this workspace's lock file
/// (every dependency is then one this workspace already has: the build needs no network).
fn project(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("own_project")
        .join(name);
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(dir.join("docs")).expect("create the project");
    fs::create_dir_all(dir.join("src")).expect("create src/");
    let fixture = workspace().join("tests/fixtures/enums");
    for entry in fs::read_dir(&fixture).expect("the fixture docs") {
        let entry = entry.expect("a fixture page");
        fs::copy(entry.path(), dir.join("docs").join(entry.file_name())).expect("copy a page");
    }
    fs::copy(workspace().join("Cargo.lock"), dir.join("Cargo.lock")).expect("copy Cargo.lock");
    dir
}

fn write(path: &Path, text: &str) {
    fs::write(path, text).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
}

/// `cargo ARGS` in `dir`, offline, in the projects' shared target folder.
fn cargo(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO"))
        .args(args)
        .arg("--offline")
        .current_dir(dir)
        .env("CARGO_TARGET_DIR", workspace().join("target/own-projects"))
        .output()
        .expect("run cargo")
}

/// The command's `subcommand docs --out api` in `dir`.
fn command(dir: &Path, subcommand: &str) -> Output {
    Command::new(env!("CARGO_BIN_EXE_markdown-model-codegen"))
        .args([subcommand, "docs", "--out", "api"])
        .current_dir(dir)
        .output()
        .expect("run the command")
}

fn succeeded(output: &Output, what: &str) -> String {
    assert!(
        output.status.success(),
        "{what} failed:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout.clone()).expect("UTF-8 stdout")
}

/// The `main.rs` that reads [`DOCUMENT`] with `path` (`Delivery`'s path) and prints it back.
fn main_rs(path: &str) -> String {
    format!(
        "fn main() {{\n    let text = std::env::args().nth(1).expect(\"a JSON document\");\n    \
         let delivery: {path} = serde_json::from_str(&text).expect(\"reads\");\n    \
         println!(\"{{}}\", serde_json::to_string(&delivery).expect(\"writes\"));\n}}\n"
    )
}

#[test]
fn a_generated_crate_kept_in_the_project_builds_and_check_passes() {
    let dir = project("committed");
    // 1. Generate the crate once, into the project.
    succeeded(&command(&dir, "generate"), "generate");
    // 2. Depend on it (its name is codegen.toml's `[package] name`).
    write(
        &dir.join("Cargo.toml"),
        "[package]\nname = \"committed-app\"\nversion = \"0.1.0\"\nedition = \"2024\"\n\n\
         [dependencies]\ngolden-enums = { path = \"api\" }\nserde_json = \"1\"\n\n[workspace]\n",
    );
    write(&dir.join("src/main.rs"), &main_rs("golden_enums::Delivery"));
    let printed = succeeded(
        &cargo(&dir, &["run", "--quiet", "--", DOCUMENT]),
        "cargo run",
    );
    assert_eq!(printed.trim_end(), WRITTEN);
    // 3. CI: the committed crate is what the docs generate.
    succeeded(&command(&dir, "check"), "check");
}

#[test]
fn the_build_script_generates_builds_and_does_not_rerun_when_nothing_changed() {
    let dir = project("build_time");
    let generator = workspace().join("generator");
    write(
        &dir.join("Cargo.toml"),
        &format!(
            "[package]\nname = \"build-time-app\"\nversion = \"0.1.0\"\nedition = \"2024\"\n\n\
             [dependencies]\nserde = \"1\"\nserde_json = \"1\"\n\n\
             [build-dependencies]\nmarkdown-model-codegen = {{ path = {:?}, default-features = false }}\n\n\
             [workspace]\n",
            generator.display().to_string()
        ),
    );
    write(
        &dir.join("build.rs"),
        "fn main() -> Result<(), Box<dyn std::error::Error>> {\n    \
         markdown_model_codegen::build::Builder::new(\"docs\")\n        \
         .config(\"docs/codegen.toml\")\n        .generate()?;\n    Ok(())\n}\n",
    );
    write(
        &dir.join("src/lib.rs"),
        "include!(concat!(env!(\"OUT_DIR\"), \"/markdown_model_codegen.rs\"));\n",
    );
    write(
        &dir.join("src/main.rs"),
        &main_rs("build_time_app::Delivery"),
    );

    let printed = succeeded(
        &cargo(&dir, &["run", "--quiet", "--", DOCUMENT]),
        "cargo run",
    );
    assert_eq!(printed.trim_end(), WRITTEN);

    let out_file = generated_file(&dir);
    let written_at = modified(&out_file);
    let again = cargo(&dir, &["build", "--verbose"]);
    succeeded(&again, "the second build");
    let log = String::from_utf8_lossy(&again.stderr);
    assert!(
        log.contains("Fresh build-time-app"),
        "the second build is fresh:\n{log}"
    );
    assert!(
        !log.contains("build-script-build"),
        "the build script ran again:\n{log}"
    );
    assert_eq!(
        modified(&out_file),
        written_at,
        "the generated file was rewritten"
    );

    // A broken page fails the build with the located diagnostic.
    let page = dir.join("docs/Delivery.md");
    let text = fs::read_to_string(&page).expect("Delivery.md");
    write(
        &page,
        &text.replace("| list[str] | A list", "| list[str | A list"),
    );
    let failed = cargo(&dir, &["build", "--quiet"]);
    assert!(!failed.status.success(), "a broken page fails the build");
    let log = String::from_utf8_lossy(&failed.stderr);
    assert!(
        log.contains("docs/Delivery.md:11:25") && log.contains("malformed type `list[str`"),
        "the build shows the located diagnostic:\n{log}"
    );
}

/// The file the build script wrote in its `OUT_DIR`: the newest of the project's build
/// script outputs (the shared target folder keeps those of earlier runs with other sources).
fn generated_file(dir: &Path) -> PathBuf {
    let build = workspace().join("target/own-projects/debug/build");
    fs::read_dir(&build)
        .expect("the build folder")
        .map(|entry| entry.expect("entry").path())
        .filter(|path| {
            path.file_name()
                .is_some_and(|name| name.to_string_lossy().starts_with("build-time-app-"))
        })
        .map(|path| path.join("out/markdown_model_codegen.rs"))
        .filter(|path| path.is_file())
        .max_by_key(|path| modified(path))
        .unwrap_or_else(|| panic!("the build script of {} wrote its file", dir.display()))
}

fn modified(path: &Path) -> SystemTime {
    fs::metadata(path)
        .and_then(|metadata| metadata.modified())
        .expect("mtime")
}

//! `cargo xtask conformance`: for each docs folder, generate the crate into `target/`, build it
//! with warnings denied, then build and run a round-trip check of every model against a JSON
//! document synthesized from the type model.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use clap::Args;
use markdown_model_codegen::{Options, TypeModel, WriteMode, generate};
use quote::{format_ident, quote};

use crate::synth;

/// Options of `cargo xtask conformance`.
#[derive(Args)]
pub struct ConformanceArgs {
    /// Docs folders to check [default: every folder under ../shared/corpus].
    corpora: Vec<PathBuf>,
    /// Also build the generated crate's docs with rustdoc warnings denied.
    #[arg(long)]
    doc: bool,
    /// The codegen.toml to generate every folder with [default: each folder's own, if any].
    #[arg(long)]
    config: Option<PathBuf>,
}

/// Where the shared corpora live, relative to the workspace root.
pub const CORPUS_ROOT: &str = "../shared/corpus";

/// The corpus folders to use: the ones given that exist, or every folder under `../shared/corpus`.
pub fn corpus_folders(given: &[PathBuf]) -> Result<Vec<PathBuf>> {
    if !given.is_empty() {
        // A corpus folder that is not on this machine is skipped, said so, not an error.
        let (present, absent): (Vec<_>, Vec<_>) =
            given.iter().cloned().partition(|folder| folder.is_dir());
        for folder in absent {
            println!("skipped: {} is absent", folder.display());
        }
        return Ok(present);
    }
    let root = Path::new(CORPUS_ROOT);
    if !root.is_dir() {
        return Ok(Vec::new());
    }
    let mut folders: Vec<PathBuf> = fs::read_dir(root)
        .with_context(|| format!("reading {}", root.display()))?
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.is_dir())
        .collect();
    folders.sort();
    Ok(folders)
}

/// Runs the task.
pub fn run(args: &ConformanceArgs) -> Result<ExitCode> {
    let folders = corpus_folders(&args.corpora)?;
    if folders.is_empty() {
        println!("conformance: skipped: no corpus folders under {CORPUS_ROOT} (and none given)");
        return Ok(ExitCode::SUCCESS);
    }
    let work = PathBuf::from("target/conformance");
    let mut all_passed = true;
    let mut lines = Vec::new();
    for folder in &folders {
        let outcome = check_corpus(folder, &work, args)?;
        all_passed &= outcome.passed();
        println!("{}", outcome.line);
        lines.push(outcome.line);
    }
    println!("== conformance summary");
    for line in lines {
        println!("{line}");
    }
    Ok(if all_passed {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

struct Outcome {
    line: String,
    compiled: bool,
    failed: usize,
}

impl Outcome {
    fn passed(&self) -> bool {
        self.compiled && self.failed == 0
    }
}

fn check_corpus(folder: &Path, work: &Path, args: &ConformanceArgs) -> Result<Outcome> {
    let name = folder.file_name().map_or_else(
        || "corpus".to_owned(),
        |name| name.to_string_lossy().into_owned(),
    );
    let root = work.join(&name);
    let models_dir = root.join("models");
    let check_dir = root.join("check");
    let target_dir = work.join("target");

    let started = Instant::now();
    let options = Options {
        spec_dir: folder.to_owned(),
        out_dir: models_dir.clone(),
        config: args.config.clone(),
        mode: WriteMode::Write,
        deny_warnings: false,
    };
    let generated = match generate(&options) {
        Ok(generated) => generated,
        Err(failure) => {
            eprint!("{}", failure.render());
            bail!("{name}: generation failed");
        }
    };
    let generate_time = started.elapsed();
    let stats = generated.stats;

    write_checker(&check_dir, &generated.model)?;

    let started = Instant::now();
    let compiled = cargo(
        &["build", "--quiet"],
        &check_dir,
        &target_dir,
        &[("RUSTFLAGS", "-D warnings")],
    )?;
    let build_time = started.elapsed();

    let mut doc_note = String::new();
    if args.doc && compiled {
        let started = Instant::now();
        let documented = cargo(
            &[
                "doc",
                "--quiet",
                "--no-deps",
                "--package",
                &generated.model.package.name,
            ],
            &check_dir,
            &target_dir,
            &[("RUSTDOCFLAGS", "-D warnings")],
        )?;
        write!(
            doc_note,
            "; rustdoc: {} in {}",
            if documented { "ok" } else { "FAILED" },
            seconds(started.elapsed())
        )?;
        if !documented {
            return Ok(Outcome {
                line: format!("{name}: rustdoc failed{doc_note}"),
                compiled: false,
                failed: 0,
            });
        }
    }

    let (passed, failed, check_time) = if compiled {
        let started = Instant::now();
        let binary = target_dir.join("debug").join("conformance-check");
        let output = Command::new(&binary)
            .arg(check_dir.join("documents.jsonl"))
            .output()
            .with_context(|| format!("running {}", binary.display()))?;
        eprint!("{}", String::from_utf8_lossy(&output.stderr));
        let stdout = String::from_utf8_lossy(&output.stdout);
        let counts = stdout
            .lines()
            .find_map(parse_counts)
            .context("the checker printed no counts")?;
        (counts.0, counts.1, started.elapsed())
    } else {
        (0, stats.models, Duration::ZERO)
    };

    let line = format!(
        "{name}: {} pages ({} skipped), {} models, {} fields; compile: {}; round trips: {passed} passed, {failed} failed; \
         generate {}, build {}, check {}{doc_note}",
        stats.pages,
        stats.skipped_pages,
        stats.models,
        stats.fields,
        if compiled { "ok, 0 warnings" } else { "FAILED" },
        seconds(generate_time),
        seconds(build_time),
        seconds(check_time),
    );
    Ok(Outcome {
        line,
        compiled,
        failed,
    })
}

fn seconds(duration: Duration) -> String {
    format!("{:.1}s", duration.as_secs_f64())
}

/// `N passed, M failed` from the checker's output line.
fn parse_counts(line: &str) -> Option<(usize, usize)> {
    let rest = line.strip_prefix("round-trips: ")?;
    let (passed, failed) = rest.split_once(" passed, ")?;
    Some((
        passed.parse().ok()?,
        failed.strip_suffix(" failed")?.parse().ok()?,
    ))
}

/// Runs cargo in `dir` with a shared target folder; whether it succeeded.
pub fn cargo(args: &[&str], dir: &Path, target_dir: &Path, env: &[(&str, &str)]) -> Result<bool> {
    let target_dir = std::path::absolute(target_dir)?;
    let mut command = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned()));
    command
        .args(args)
        .current_dir(dir)
        .env("CARGO_TARGET_DIR", target_dir);
    for (key, value) in env {
        command.env(key, value);
    }
    Ok(command
        .status()
        .with_context(|| format!("running cargo {}", args.join(" ")))?
        .success())
}

/// Writes the checker crate: a `main.rs` that round-trips each model's document, and the documents.
fn write_checker(dir: &Path, model: &TypeModel) -> Result<()> {
    fs::create_dir_all(dir.join("src"))?;
    let manifest = format!(
        "[package]\nname = \"conformance-check\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n\
         [dependencies]\nmodels = {{ path = \"../models\", package = \"{}\" }}\nserde = \"1\"\nserde_json = \"1\"\n\n[workspace]\n",
        model.package.name
    );
    write_if_changed(&dir.join("Cargo.toml"), &manifest)?;

    let arms = model.models.iter().map(|item| {
        let name = &item.name;
        let ty = format_ident!("{}", item.rust_name.trim_start_matches("r#"));
        quote!(#name => check::<models::#ty>(document),)
    });
    let main = quote! {
        //! Round-trips every model's synthesized document: deserialize, serialize, compare.

        fn check<T: ::serde::de::DeserializeOwned + ::serde::Serialize>(document: &::serde_json::Value) -> ::std::result::Result<(), ::std::string::String> {
            let value: T = ::serde_json::from_value(document.clone()).map_err(|error| format!("deserialize: {error}"))?;
            let back = ::serde_json::to_value(&value).map_err(|error| format!("serialize: {error}"))?;
            if &back == document { Ok(()) } else { Err(format!("differs after the round trip: {back}")) }
        }

        fn main() {
            let path = ::std::env::args().nth(1).expect("usage: conformance-check DOCUMENTS");
            let text = ::std::fs::read_to_string(path).expect("read the documents");
            let (mut passed, mut failed) = (0usize, 0usize);
            for line in text.lines() {
                let entry: ::serde_json::Value = ::serde_json::from_str(line).expect("a JSON line");
                let model = entry["model"].as_str().expect("a model name");
                let document = &entry["document"];
                let result = match model {
                    #(#arms)*
                    other => Err(format!("no type for model {other}")),
                };
                match result {
                    Ok(()) => passed += 1,
                    Err(error) => {
                        failed += 1;
                        if failed <= 20 {
                            eprintln!("{model}: {error}");
                        }
                    }
                }
            }
            println!("round-trips: {passed} passed, {failed} failed");
        }
    };
    let file: syn::File = syn::parse2(main).context("the checker's code does not parse")?;
    write_if_changed(&dir.join("src/main.rs"), &prettyplease::unparse(&file))?;

    let mut documents = String::new();
    for (name, document) in synth::documents(model) {
        documents.push_str(&serde_json::json!({ "model": name, "document": document }).to_string());
        documents.push('\n');
    }
    write_if_changed(&dir.join("documents.jsonl"), &documents)?;
    Ok(())
}

/// Keeps the file (and cargo's fingerprint) when its contents are already right.
fn write_if_changed(path: &Path, contents: &str) -> Result<()> {
    if fs::read_to_string(path).is_ok_and(|existing| existing == contents) {
        return Ok(());
    }
    fs::write(path, contents).with_context(|| format!("writing {}", path.display()))
}

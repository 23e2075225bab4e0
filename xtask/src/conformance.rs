//! `cargo xtask conformance`: for each docs folder, generate the crate into `target/`, build it
//! with warnings denied, then build and run a checker that round-trips every document of
//! [`crate::synth`] (and of [`crate::oracle`], when the folder has an OpenAPI document):
//! deserialize, check that enum values reached their variants, serialize, and compare with
//! [`crate::equality`]; and a second checker that builds every operation's request from
//! synthesized arguments ([`crate::requests`]) for comparison with what the docs say, and decodes
//! responses with them. With `--loopback`, also sends every request over HTTP to a local server
//! ([`crate::loopback`]).
//!
//! The default set is the shipped `spec/` (with its `codegen.toml`, so its enums are exercised)
//! and every docs folder under `../shared/corpus`.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use clap::Args;
use markdown_model_codegen::{Options, TypeModel, WriteMode, generate};
use quote::{format_ident, quote};
use serde_json::Value;

use crate::checker::{self, cargo, run_lines, seconds, write_if_changed};
use crate::corpora::{folder_name, project_root, task_folders};
use crate::equality::Types;
use crate::operations_oracle::compare_operations;
use crate::oracle::Oracle;
use crate::{loopback, requests, synth};

/// Options of `cargo xtask conformance`.
#[derive(Args)]
pub struct ConformanceArgs {
    /// Docs folders to check [default: spec/ and every docs folder under ../shared/corpus].
    corpora: Vec<PathBuf>,
    /// Also build the generated crate's docs with rustdoc warnings denied, and compile the
    /// operations' examples (doctests).
    #[arg(long)]
    doc: bool,
    /// Also send every operation's request with the generated crate's `client` feature to a
    /// server on 127.0.0.1 that checks it and answers with a synthesized document (builds the
    /// crate a second time, with `client`).
    #[arg(long)]
    loopback: bool,
    /// The config file for every folder of this run [default: each folder's codegen.toml, when
    /// it exists].
    #[arg(long)]
    config: Option<PathBuf>,
    /// A TOML file of what each folder's docs are known not to show (`[<folder>]` with
    /// `mismatches` and `failing_documents`, the oracle's): such a folder passes when exactly
    /// those disagree and fail, so that a regression and an improvement both show.
    #[arg(long)]
    known: Option<PathBuf>,
}

/// What the docs of one folder are known not to show ([`ConformanceArgs::known`]).
#[derive(serde::Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct Known {
    /// The oracle's disagreements, as its report writes them.
    #[serde(default)]
    mismatches: BTreeSet<String>,
    /// The models whose oracle document does not round-trip.
    #[serde(default)]
    failing_documents: BTreeSet<String>,
}

/// Reads the `--known` file: folder name -> what it is known not to show.
fn read_known(path: Option<&Path>) -> Result<BTreeMap<String, Known>> {
    let Some(path) = path else {
        return Ok(BTreeMap::new());
    };
    let text = fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    toml::from_str(&text).with_context(|| format!("reading {}", path.display()))
}

/// Whether the oracle's `mismatches` and the models whose oracle document failed are exactly
/// what `known` lists (none, without an entry); prints each difference.
fn as_known(
    name: &str,
    known: Option<&Known>,
    mismatches: &BTreeSet<String>,
    failing: &BTreeSet<String>,
) -> bool {
    let empty = Known::default();
    let known = known.unwrap_or(&empty);
    let mut agrees = true;
    for (what, found, listed) in [
        ("oracle mismatch", mismatches, &known.mismatches),
        ("failing oracle document", failing, &known.failing_documents),
    ] {
        for new in found.difference(listed) {
            eprintln!("{name}: {what} not in --known: {new}");
            agrees = false;
        }
        for gone in listed.difference(found) {
            eprintln!("{name}: {what} in --known no longer happens (remove it): {gone}");
            agrees = false;
        }
    }
    agrees
}

/// Runs the task.
pub fn run(args: &ConformanceArgs) -> Result<ExitCode> {
    let corpora = task_folders(&args.corpora, true)?;
    let known = read_known(args.known.as_deref())?;
    let work = project_root().join("target/conformance");
    let mut all_passed = true;
    let mut lines = Vec::new();
    for folder in &corpora.folders {
        let outcome = check_corpus(folder, args, &known, &work)?;
        all_passed &= outcome.passed();
        println!("{}", outcome.line);
        lines.push(outcome.line);
    }
    println!("== conformance summary");
    for line in lines {
        println!("{line}");
    }
    println!(
        "conformance: {} folder(s) checked{}",
        corpora.folders.len(),
        corpora.skipped_note()
    );
    Ok(if all_passed {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

struct Outcome {
    line: String,
    passed: bool,
}

impl Outcome {
    fn passed(&self) -> bool {
        self.passed
    }
}

/// Where a document came from: synthesized from the type model, or from the oracle.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Origin {
    Model,
    Oracle,
}

/// What the oracle found: the note for the summary line and its disagreements with the docs.
type OracleFindings = (String, BTreeSet<String>);

/// The documents to round-trip, with where each came from.
type Documents = Vec<(Origin, synth::Document)>;

/// Passed and failed round trips of one origin, and the models of the failed ones.
#[derive(Default)]
struct Tally {
    passed: usize,
    failed: usize,
    failed_models: BTreeSet<String>,
}

/// Generates, builds and checks one docs folder.
fn check_corpus(
    folder: &Path,
    args: &ConformanceArgs,
    known: &BTreeMap<String, Known>,
    work: &Path,
) -> Result<Outcome> {
    let name = folder_name(folder);
    let root = work.join(&name);
    let check_dir = root.join("check");
    let target_dir = work.join("target");

    let started = Instant::now();
    let generated = generate_corpus(&name, folder, args.config.clone(), &root.join("models"))?;
    let generate_time = started.elapsed();
    let model = &generated.model;
    let (documents, oracle) = corpus_documents(&name, folder, model, &root)?;
    write_checker(&check_dir, model, &documents)?;
    let calls = requests::calls(model).with_context(|| format!("{name}: synthesizing calls"))?;
    write_request_checker(&check_dir, model, &calls)?;

    let (compiled, crate_time, build_time) = build_checkers(model, &check_dir, &target_dir)?;

    let mut doc_note = String::new();
    if args.doc && compiled && !check_docs(model, &check_dir, &target_dir, &mut doc_note)? {
        return Ok(Outcome {
            line: format!("{name}: rustdoc or doctests failed{doc_note}"),
            passed: false,
        });
    }

    let started = Instant::now();
    let (synthesized, from_oracle) = if compiled {
        run_checker(&name, model, &target_dir, &check_dir, &documents)?
    } else {
        Default::default()
    };
    let (requests, responses) = if compiled && !calls.is_empty() {
        let binary = target_dir.join("debug").join("requests");
        check_requests(&name, model, &binary, &check_dir, &calls, false)?
    } else {
        Default::default()
    };
    let check_time = started.elapsed();
    let mut request_counts = if model.operations.is_empty() {
        String::new()
    } else {
        operation_counts(&requests, &responses)
    };
    let loopback_passed = if args.loopback && compiled && !calls.is_empty() {
        run_loopback(
            &name,
            model,
            &root,
            &target_dir,
            &calls,
            &mut request_counts,
        )?
    } else {
        true
    };

    // Without an oracle there is nothing to disagree with.
    let (oracle_note, mismatches) = oracle.unwrap_or_default();
    let oracle_as_known = as_known(
        &name,
        known.get(&name),
        &mismatches,
        &from_oracle.failed_models,
    );
    let oracle_counts = if oracle_note.is_empty() {
        String::new()
    } else {
        format!(
            "; oracle documents: {} passed, {} failed",
            from_oracle.passed, from_oracle.failed
        )
    };
    let stats = generated.stats;
    let line = format!(
        "{name}: {} pages ({} skipped), {} models, {} fields, {} enums; compile: {}; round trips: {} passed, {} failed{oracle_counts}{request_counts}; \
         generate {}, build {} (the crate {}), check {}{doc_note}{oracle_note}",
        stats.pages,
        stats.skipped_pages,
        stats.models,
        stats.fields,
        model
            .models
            .iter()
            .map(|item| item.enums.len())
            .sum::<usize>(),
        if compiled { "ok, 0 warnings" } else { "FAILED" },
        synthesized.passed,
        synthesized.failed,
        seconds(generate_time),
        seconds(build_time),
        seconds(crate_time),
        seconds(check_time),
    );
    Ok(Outcome {
        line,
        passed: compiled
            && synthesized.failed == 0
            && oracle_as_known
            && requests.failed == 0
            && requests.passed == calls.len()
            && responses.failed == 0
            && responses.passed == calls.len()
            && loopback_passed
            && synthesized.passed > 0,
    })
}

/// Builds the generated crate first, alone, then the checkers, warnings denied: whether all
/// compiled, the crate's build time and the whole build's.
fn build_checkers(
    model: &TypeModel,
    check_dir: &Path,
    target_dir: &Path,
) -> Result<(bool, Duration, Duration)> {
    let started = Instant::now();
    let warnings_denied = [("RUSTFLAGS", "-D warnings")];
    let package = ["build", "--quiet", "--package", &model.package.name];
    let crate_built = cargo(&package, check_dir, target_dir, &warnings_denied)?;
    let crate_time = started.elapsed();
    let compiled = crate_built
        && cargo(
            &["build", "--quiet"],
            check_dir,
            target_dir,
            &warnings_denied,
        )?;
    Ok((compiled, crate_time, started.elapsed()))
}

/// Generates the crate of a docs folder into `out`; the diagnostics are printed when it fails.
fn generate_corpus(
    name: &str,
    folder: &Path,
    config: Option<PathBuf>,
    out: &Path,
) -> Result<markdown_model_codegen::Generated> {
    let options = Options {
        spec_dir: folder.to_owned(),
        out_dir: out.to_owned(),
        config,
        mode: WriteMode::Write,
        deny_warnings: false,
    };
    generate(&options).or_else(|failure| {
        eprint!("{}", failure.render());
        bail!("{name}: generation failed")
    })
}

/// The summary line's counts of checked requests and decoded responses.
fn operation_counts(requests: &Tally, responses: &Tally) -> String {
    format!(
        "; operations: {} requests checked, {} failed; {} responses decoded, {} failed",
        requests.passed + requests.failed,
        requests.failed,
        responses.passed + responses.failed,
        responses.failed
    )
}

/// The documents to round-trip: the type model's own ([`synth`]), then, when the folder has an
/// OpenAPI document, the oracle's, whose comparison report is written to `root`; with the
/// oracle, the note for the summary line and its disagreements with the docs.
fn corpus_documents(
    name: &str,
    folder: &Path,
    model: &TypeModel,
    root: &Path,
) -> Result<(Documents, Option<OracleFindings>)> {
    let mut documents: Documents = synth::documents(model)
        .with_context(|| format!("{name}: synthesizing documents"))?
        .into_iter()
        .map(|document| (Origin::Model, document))
        .collect();
    let Some(path) = Oracle::find(folder) else {
        return Ok((documents, None));
    };
    let oracle = Oracle::load(&path)?;
    let comparison = oracle.compare(model);
    let text = fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
    let document: serde_json::Value =
        serde_json::from_str(&text).with_context(|| format!("parsing {}", path.display()))?;
    let operations = compare_operations(&document, &oracle, model);
    let report = root.join("oracle-report.txt");
    fs::create_dir_all(root)?;
    fs::write(&report, format!("{comparison}\n{operations}"))
        .with_context(|| format!("writing {}", report.display()))?;
    for mismatch in comparison.mismatches.iter().take(20) {
        eprintln!("{name}: oracle: {mismatch}");
    }
    for mismatch in operations.mismatches.iter().take(20) {
        eprintln!("{name}: oracle: {mismatch}");
    }
    let operations_note = if model.operations.is_empty() {
        String::new()
    } else {
        format!(
            "; {}",
            operations.to_string().lines().next().unwrap_or_default()
        )
    };
    let note = format!(
        "; oracle {}: {}{operations_note} (report: {})",
        path.display(),
        comparison.to_string().lines().next().unwrap_or_default(),
        report.display()
    );
    for (position, item) in model.models.iter().enumerate() {
        if let Some(document) = oracle.document(&item.name, position) {
            documents.push((Origin::Oracle, synth::outside_document(item, document)));
        }
    }
    let mismatches = (comparison.mismatches.iter())
        .map(ToString::to_string)
        .chain(operations.mismatches)
        .collect();
    Ok((documents, Some((note, mismatches))))
}

/// Builds the generated crate's docs with rustdoc warnings denied and, when it has operations,
/// compiles their `no_run` examples; appends each step's timing to `note`. Whether both passed.
fn check_docs(
    model: &TypeModel,
    check_dir: &Path,
    target_dir: &Path,
    note: &mut String,
) -> Result<bool> {
    let package = model.package.name.as_str();
    let mut steps = vec![(
        "rustdoc",
        vec!["doc", "--quiet", "--no-deps", "--package", package],
        ("RUSTDOCFLAGS", "-D warnings"),
    )];
    if !model.operations.is_empty() {
        steps.push((
            "doctests",
            vec!["test", "--quiet", "--doc", "--package", package],
            ("RUSTFLAGS", "-D warnings"),
        ));
    }
    for (step, args, env) in steps {
        let started = Instant::now();
        let ok = cargo(&args, check_dir, target_dir, &[env])?;
        write!(
            note,
            "; {step}: {} in {}",
            if ok { "ok" } else { "FAILED" },
            seconds(started.elapsed())
        )?;
        if !ok {
            return Ok(false);
        }
    }
    Ok(true)
}

/// Builds the loopback checker (the generated crate with `client`) and sends every call through
/// it; appends its counts and timings to `counts`. Whether every request and response passed.
fn run_loopback(
    name: &str,
    model: &TypeModel,
    root: &Path,
    target_dir: &Path,
    calls: &[requests::Call],
    counts: &mut String,
) -> Result<bool> {
    let started = Instant::now();
    let loopback_dir = root.join("loopback");
    fs::create_dir_all(loopback_dir.join("src"))?;
    write_if_changed(
        &loopback_dir.join("Cargo.toml"),
        &loopback::manifest(&model.package.name),
    )?;
    write_if_changed(&loopback_dir.join("src/main.rs"), &loopback::source(model)?)?;
    let built = cargo(
        &["build", "--quiet"],
        &loopback_dir,
        target_dir,
        &[("RUSTFLAGS", "-D warnings")],
    )?;
    let build_time = started.elapsed();
    let (sent, decoded) = if built {
        let binary = target_dir.join("debug").join("conformance-loopback");
        check_requests(name, model, &binary, &root.join("check"), calls, true)?
    } else {
        Default::default()
    };
    write!(
        counts,
        "; loopback: {}{} requests sent, {} failed; {} responses decoded, {} failed; build {}, run {}",
        if built { "" } else { "BUILD FAILED, " },
        sent.passed + sent.failed,
        sent.failed,
        decoded.passed + decoded.failed,
        decoded.failed,
        seconds(build_time),
        seconds(started.elapsed() - build_time),
    )?;
    Ok(built
        && sent.failed == 0
        && decoded.failed == 0
        && sent.passed == calls.len()
        && decoded.passed == calls.len())
}

/// Runs the built checker on the documents and compares what came back with [`Types::compare`];
/// the tallies of the synthesized and the oracle's documents.
fn run_checker(
    name: &str,
    model: &TypeModel,
    target_dir: &Path,
    check_dir: &Path,
    documents: &[(Origin, synth::Document)],
) -> Result<(Tally, Tally)> {
    let results = run_lines(
        name,
        &target_dir.join("debug").join("conformance-check"),
        &check_dir.join("documents.jsonl"),
        documents.len(),
    )?;
    let types = Types::new(model);
    let (mut synthesized, mut from_oracle) = (Tally::default(), Tally::default());
    let mut shown = 0;
    for ((origin, document), result) in documents.iter().zip(&results) {
        let verdict = checker::answer(&types, &document.model, &document.document, result)?.verdict;
        let tally = match origin {
            Origin::Model => &mut synthesized,
            Origin::Oracle => &mut from_oracle,
        };
        match verdict {
            Ok(()) => tally.passed += 1,
            Err(error) => {
                tally.failed += 1;
                tally.failed_models.insert(document.model.clone());
                shown += 1;
                if shown <= 20 {
                    let origin = match origin {
                        Origin::Model => "",
                        Origin::Oracle => " (oracle document)",
                    };
                    eprintln!("{name}: {}{origin}: {error}", document.model);
                }
            }
        }
    }
    Ok((synthesized, from_oracle))
}

/// Writes the checker crate: a `main.rs` that, for each document, deserializes it into its
/// model's type, checks the enum expectations on its `Debug` text, serializes it back and prints
/// `{"back": ...}` (or `{"error": ...}`) on one line; and the documents.
fn write_checker(
    dir: &Path,
    model: &TypeModel,
    documents: &[(Origin, synth::Document)],
) -> Result<()> {
    fs::create_dir_all(dir.join("src"))?;
    let manifest = format!(
        "[package]\nname = \"conformance-check\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n\
         [dependencies]\nhttp = \"1\"\nmodels = {{ path = \"../models\", package = \"{}\" }}\nserde = \"1\"\nserde_json = \"1\"\n\n[workspace]\n",
        model.package.name
    );
    write_if_changed(&dir.join("Cargo.toml"), &manifest)?;

    let arms = model.models.iter().map(|item| {
        let ty = format_ident!("{}", item.rust_name.trim_start_matches("r#"));
        (item.name.clone(), quote!(models::#ty))
    });
    write_if_changed(&dir.join("src/main.rs"), &checker::round_trip_source(arms)?)?;
    let entries = documents
        .iter()
        .map(|(_, document)| (document.model.as_str(), document));
    write_if_changed(
        &dir.join("documents.jsonl"),
        &checker::documents_file(entries),
    )?;
    Ok(())
}

/// Writes the request checker (`src/bin/requests.rs`, see [`requests::checker_source`]) and its
/// calls, or removes them when the docs have no operations.
fn write_request_checker(dir: &Path, model: &TypeModel, calls: &[requests::Call]) -> Result<()> {
    let binary = dir.join("src/bin/requests.rs");
    if calls.is_empty() {
        if binary.exists() {
            fs::remove_file(&binary)?;
        }
        return Ok(());
    }
    fs::create_dir_all(dir.join("src/bin"))?;
    write_if_changed(&binary, &requests::checker_source(model)?)?;
    write_if_changed(&dir.join("calls.jsonl"), &requests::calls_file(calls))
}

/// Runs a request checker (`binary`: the request checker's, or the loopback's, `over_http`, whose
/// requests must also have the client's headers), compares each request with the call's expectation and
/// checks its decoded responses ([`requests::check_response`]); the tallies of requests and of
/// responses.
fn check_requests(
    name: &str,
    model: &TypeModel,
    binary: &Path,
    check_dir: &Path,
    calls: &[requests::Call],
    over_http: bool,
) -> Result<(Tally, Tally)> {
    let reports = run_lines(name, binary, &check_dir.join("calls.jsonl"), calls.len())?;
    let types = Types::new(model);
    let (mut tally, mut responses) = (Tally::default(), Tally::default());
    for (call, report) in calls.iter().zip(&reports) {
        let report: Value = serde_json::from_str(report).context("a checker line is not JSON")?;
        match requests::check_response(&types, call, &report, over_http) {
            Ok(()) => responses.passed += 1,
            Err(error) => {
                responses.failed += 1;
                if responses.failed <= 20 {
                    eprintln!("{name}: {}: {error}", call.operation);
                }
            }
        }
        let verdict = match requests::observed(&report) {
            Ok(observed) if observed != call.expected => {
                Err(format!("expected {:?}, got {observed:?}", call.expected))
            }
            Ok(_) if over_http => loopback::check_headers(&report),
            Ok(_) => Ok(()),
            Err(error) => Err(format!("{error:#}")),
        };
        match verdict {
            Ok(()) => tally.passed += 1,
            Err(error) => {
                tally.failed += 1;
                if tally.failed <= 20 {
                    eprintln!("{name}: {}: {error}", call.operation);
                }
            }
        }
    }
    Ok((tally, responses))
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::{Known, as_known};

    fn set(items: &[&str]) -> BTreeSet<String> {
        items.iter().map(|item| (*item).to_owned()).collect()
    }

    #[test]
    fn a_folder_passes_when_exactly_what_is_known_disagrees_and_fails() {
        let known = Known {
            mismatches: set(&["Any.type: JSON name type, oracle @type"]),
            failing_documents: set(&["Any"]),
        };
        let (mismatches, failing) = (
            set(&["Any.type: JSON name type, oracle @type"]),
            set(&["Any"]),
        );
        assert!(as_known("go", Some(&known), &mismatches, &failing));
        // Something new fails, something listed no longer fails, or there is no entry.
        assert!(!as_known(
            "go",
            Some(&known),
            &mismatches,
            &set(&["Any", "Status"])
        ));
        assert!(!as_known("go", Some(&known), &set(&[]), &failing));
        assert!(!as_known("go", None, &mismatches, &failing));
        assert!(as_known("go", None, &set(&[]), &set(&[])));
    }
}

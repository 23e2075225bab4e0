//! `generate` and `check`: write (or compare) the crate a docs folder generates, and report what
//! changed in its types since the surface the crate recorded.

use std::io;
use std::path::{Path, PathBuf};
use std::time::Duration;

use clap::Args;
use serde_json::json;

use super::Outcome;
use super::report::{Reporter, diagnostics_json};
use crate::diff::{Report, diff, unchanged};
use crate::incremental::HASHES_FILE;
use crate::surface::{ApiSurface, CrateId, RECORD_FILE, Record};
use crate::{Generated, Inputs, Options, Stats, UpToDate, WriteMode, WriteReport};

/// The arguments of `generate` and `check`.
#[derive(Debug, Clone, Args)]
pub struct GenerateArgs {
    /// The docs folder: openapi-generator's `docs/` (one Markdown page per model, `*Api.md`
    /// pages of operations), and optionally its `codegen.toml`.
    #[arg(value_name = "DOCS")]
    pub docs: PathBuf,
    /// The crate folder to write: Cargo.toml, src/, model.json (created when absent; only
    /// generated files are replaced or removed).
    #[arg(long, value_name = "CRATE")]
    pub out: PathBuf,
    /// The config file (crate name and version, type mappings, overrides) [default:
    /// DOCS/codegen.toml, when it exists].
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Fail on warnings too.
    #[arg(long)]
    pub deny_warnings: bool,
    /// Where `generate` keeps what reading each page gave, so that the next run parses only the
    /// pages that changed (a cache: deleting it changes nothing but the time a run takes)
    /// [default: CRATE/target/markdown-model-codegen/parse-cache, whose folder git ignores].
    #[arg(long, value_name = "FILE")]
    pub parse_cache: Option<PathBuf>,
    /// Parse every page, with no parse cache.
    #[arg(long, conflicts_with = "parse_cache")]
    pub no_parse_cache: bool,
}

/// The parse cache's file in the crate folder, unless `--parse-cache` names another: under its
/// `target/`, which the generator leaves alone (it is where `cargo build` in the crate's own
/// folder writes).
pub const DEFAULT_PARSE_CACHE: &str = "target/markdown-model-codegen/parse-cache";

/// Runs `generate` ([`WriteMode::Write`]) or `check` ([`WriteMode::Check`]).
pub fn run(args: &GenerateArgs, mode: WriteMode, reporter: &Reporter) -> Outcome {
    let options = Options {
        spec_dir: args.docs.clone(),
        out_dir: args.out.clone(),
        config: args.config.clone(),
        mode,
        deny_warnings: args.deny_warnings,
    };
    let command = match mode {
        WriteMode::Write => "generate",
        WriteMode::Check => "check",
    };
    // A crate made from these very docs by this very generator is reported without parsing them
    // (unless their warnings are wanted: the JSON document lists every diagnostic).
    let mut inputs = Inputs::read(&options.spec_dir, options.config.as_deref());
    if !args.no_parse_cache {
        let default = || args.out.join(DEFAULT_PARSE_CACHE);
        inputs = inputs.with_page_cache(args.parse_cache.clone().unwrap_or_else(default));
    }
    if let Some(found) = inputs.up_to_date(&options, reporter.is_json()) {
        report_up_to_date(&found, mode, reporter);
        return outcome(&args.out, &found.report, mode, reporter);
    }
    // Read before writing: the report compares the crate as it was with what is generated.
    let before = Record::read(&args.out);
    let generated = match inputs.generate(&options) {
        Ok(generated) => generated,
        Err(failure) => {
            let (outcome, detail) = reporter.failure(&failure);
            return reporter.json(outcome, json!({ "command": command, "failure": detail }));
        }
    };
    reporter.diagnostics(&generated.sources, &generated.warnings);
    let changes = match before.and_then(|record| changes_since(record, &generated)) {
        Ok(changes) => changes,
        Err(error) => {
            reporter.note(&format!("warning: {error}; no report of type changes"));
            None
        }
    };
    let run = Run {
        stats: &generated.stats,
        report: &generated.report,
        warnings: generated.warnings.len(),
        total: generated.timings.total,
    };
    summarize(&run, mode, reporter);
    if let Some(changes) = &changes {
        reporter.summary(changes.to_string().trim_end());
    }
    let report = &generated.report;
    let outcome = outcome(&args.out, report, mode, reporter);
    let stats = generated.stats;
    let outcome = reporter.json(
        outcome,
        json!({
            "command": command,
            "stats": {
                "dialect": stats.dialect.name(),
                "pages": stats.pages,
                "skipped_pages": stats.skipped_pages,
                "models": stats.models,
                "enums": stats.enums,
                "fields": stats.fields,
                "taken": stats.taken,
            },
            "files": files_json(report),
            "diagnostics": diagnostics_json(&generated.sources, &generated.warnings),
            "changes": changes,
        }),
    );
    crate::drop_in_background(generated);
    outcome
}

/// What changed in the types since the crate's record `before` (none without one). A run that
/// leaves the record as it is changed nothing, and the record is not parsed.
fn changes_since(before: Option<Record>, generated: &Generated) -> io::Result<Option<Report>> {
    let Some(before) = before else {
        return Ok(None);
    };
    let record = Path::new(RECORD_FILE);
    if !generated.report.written.iter().any(|path| path == record) {
        let package = &generated.model.package;
        return Ok(Some(unchanged(&CrateId {
            name: package.name.clone(),
            version: package.version.clone(),
        })));
    }
    let after = ApiSurface::from_model(&generated.model);
    Ok(Some(diff(&before.surface()?, &after)))
}

/// What the summary tells of a run.
struct Run<'a> {
    stats: &'a Stats,
    report: &'a WriteReport,
    warnings: usize,
    total: Duration,
}

/// The summary of a run that found the crate up to date with its docs, and what it did not show.
fn report_up_to_date(found: &UpToDate, mode: WriteMode, reporter: &Reporter) {
    let run = Run {
        stats: &found.stats,
        report: &found.report,
        warnings: found.warnings,
        total: found.timings.total,
    };
    summarize(&run, mode, reporter);
    if found.warnings > 0 {
        reporter.note(&format!(
            "note: the docs are those {HASHES_FILE} records, so their {} warning(s) were not shown again (`--deny-warnings` or `--format json` parses the docs and shows them)",
            found.warnings
        ));
    }
    reporter.summary("type model changes: none (the docs are those the crate was made from)");
}

/// The summary line: the docs' counts and what happened to the files.
fn summarize(run: &Run<'_>, mode: WriteMode, reporter: &Reporter) {
    let stats = run.stats;
    let report = run.report;
    let (written, removed) = match mode {
        WriteMode::Write => ("written", "removed"),
        WriteMode::Check => ("would write", "would remove"),
    };
    reporter.summary(&format!(
        "{}: {} pages ({} skipped: no Properties table), {} models ({} from enum pages), {} fields; files: {} {written}, {} unchanged, {} {removed}; {} warning(s); {:.0?}",
        stats.dialect,
        stats.pages,
        stats.skipped_pages,
        stats.models,
        stats.enums,
        stats.fields,
        report.written.len(),
        report.unchanged,
        report.removed.len(),
        run.warnings,
        run.total,
    ));
    if stats.taken > 0 {
        reporter.summary(&format!(
            "{} fact(s) taken from the docs folders of `[sources] also` (model.json says which, and from where)",
            stats.taken
        ));
    }
    if mode == WriteMode::Write && !report.unknown.is_empty() {
        reporter.note(&format!(
            "note: {} file(s) in the crate folder are not generated (left alone; `check` fails until they are deleted): {}",
            report.unknown.len(),
            paths(&report.unknown).join(", ")
        ));
    }
}

/// Done, or in check mode, failed when the crate is stale (naming its stale files).
fn outcome(out: &Path, report: &WriteReport, mode: WriteMode, reporter: &Reporter) -> Outcome {
    if mode == WriteMode::Check && !report.is_clean() {
        list_stale(out, report, reporter);
        Outcome::Failed
    } else {
        Outcome::Done
    }
}

/// Names every file `check` found stale, and what to do.
fn list_stale(out: &Path, report: &WriteReport, reporter: &Reporter) {
    for path in &report.written {
        reporter.error(&format!("stale: {}", out.join(path).display()));
    }
    for path in &report.removed {
        reporter.error(&format!("orphan: {}", out.join(path).display()));
    }
    for path in &report.unknown {
        reporter.error(&format!(
            "orphan: {} (not generated, and generation does not remove it: delete it)",
            out.join(path).display()
        ));
    }
    reporter.error(&format!(
        "{} is out of date: generate it again and commit the result",
        out.display()
    ));
}

fn files_json(report: &WriteReport) -> serde_json::Value {
    json!({
        "written": paths(&report.written),
        "unchanged": report.unchanged,
        "removed": paths(&report.removed),
        "unknown": paths(&report.unknown),
    })
}

fn paths(paths: &[PathBuf]) -> Vec<String> {
    paths
        .iter()
        .map(|path| path.display().to_string())
        .collect()
}

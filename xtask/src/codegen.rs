//! `cargo xtask codegen`: generate (or check) a crate from a docs folder.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;
use clap::Args;
use markdown_model_codegen::diff::diff;
use markdown_model_codegen::surface::ApiSurface;
use markdown_model_codegen::{Options, WriteMode, generate};

/// Options of `cargo xtask codegen`.
#[derive(Args)]
pub struct CodegenArgs {
    /// The folder of Markdown model pages.
    #[arg(long, default_value = "spec")]
    spec: PathBuf,
    /// The crate folder to write (a complete crate: Cargo.toml and src/).
    #[arg(long, default_value = "generated")]
    out: PathBuf,
    /// The config file [default: SPEC/codegen.toml, when it exists].
    #[arg(long)]
    config: Option<PathBuf>,
    /// Change nothing; fail, naming the stale files, when the output would differ.
    #[arg(long)]
    check: bool,
    /// Fail on warnings too.
    #[arg(long)]
    deny_warnings: bool,
    /// Show every warning in full, not only the first 20 and a count of each kind.
    #[arg(long)]
    all_warnings: bool,
}

/// How many warnings are shown in full unless `--all-warnings` is given: real docs folders have
/// thousands (empty descriptions), which would bury everything else.
const SHOWN_WARNINGS: usize = 20;

/// Runs the task.
pub fn run(args: &CodegenArgs) -> Result<ExitCode> {
    let options = Options {
        spec_dir: args.spec.clone(),
        out_dir: args.out.clone(),
        config: args.config.clone(),
        mode: if args.check {
            WriteMode::Check
        } else {
            WriteMode::Write
        },
        deny_warnings: args.deny_warnings,
    };
    let warning_limit = if args.all_warnings {
        usize::MAX
    } else {
        SHOWN_WARNINGS
    };
    let recorded = crate::diff::recorded(&args.out);
    let generated = match generate(&options) {
        Ok(generated) => generated,
        Err(failure) => {
            eprint!("{}", failure.render_limited(warning_limit));
            return Ok(ExitCode::FAILURE);
        }
    };
    if !generated.warnings.is_empty() {
        eprint!(
            "{}",
            generated
                .sources
                .render_limited(&generated.warnings, warning_limit)
        );
    }
    let stats = generated.stats;
    let report = &generated.report;
    let verb = if args.check { "would write" } else { "written" };
    println!(
        "{}: {} pages ({} skipped: no Properties table), {} models ({} from enum pages), {} fields; files: {} {verb}, {} unchanged, {} {}; {} warning(s); {:.0?}",
        stats.dialect,
        stats.pages,
        stats.skipped_pages,
        stats.models,
        stats.enums,
        stats.fields,
        report.written.len(),
        report.unchanged,
        report.removed.len(),
        if args.check {
            "would remove"
        } else {
            "removed"
        },
        generated.warnings.len(),
        generated.timings.total,
    );
    if stats.taken > 0 {
        println!(
            "{} fact(s) taken from the docs folders of `[sources] also` (model.json says which, and from where)",
            stats.taken
        );
    }
    if !args.check && !report.unknown.is_empty() {
        eprintln!(
            "note: {} file(s) in {} are not generated (left alone; `--check` fails until they are deleted): {}",
            report.unknown.len(),
            args.out.display(),
            report
                .unknown
                .iter()
                .map(|path| path.display().to_string())
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    if let Some(recorded) = recorded {
        print!(
            "{}",
            diff(&recorded, &ApiSurface::from_model(&generated.model))
        );
    }
    if args.check && !report.is_clean() {
        for path in &report.written {
            eprintln!("stale: {}", args.out.join(path).display());
        }
        for path in &report.removed {
            eprintln!("orphan: {}", args.out.join(path).display());
        }
        for path in &report.unknown {
            eprintln!(
                "orphan: {} (not generated, and generation does not remove it: delete it)",
                args.out.join(path).display()
            );
        }
        eprintln!(
            "{} is out of date: run `cargo xtask codegen` and commit the result",
            args.out.display()
        );
        return Ok(ExitCode::FAILURE);
    }
    Ok(ExitCode::SUCCESS)
}

//! `diff OLD NEW`: what changed in the generated types between two docs folders or generated
//! crates, and which changes break users; nothing is written.

use std::path::PathBuf;

use clap::Args;
use serde_json::json;

use super::Outcome;
use super::report::{Reporter, diagnostics_json};
use crate::Failure;
use crate::diff::diff;
use crate::surface::load_surface;

/// The arguments of `diff`.
#[derive(Debug, Clone, Args)]
pub struct DiffArgs {
    /// The old side: a docs folder, or a generated crate (a folder with `Cargo.toml` and
    /// `model.json`: the surface it records, as its generator made it).
    #[arg(value_name = "OLD")]
    pub old: PathBuf,
    /// The new side: a docs folder, or a generated crate.
    #[arg(value_name = "NEW")]
    pub new: PathBuf,
    /// The old side's config file [default: OLD/codegen.toml, when it exists].
    #[arg(long, value_name = "FILE")]
    pub old_config: Option<PathBuf>,
    /// The new side's config file [default: NEW/codegen.toml, when it exists].
    #[arg(long, value_name = "FILE")]
    pub new_config: Option<PathBuf>,
}

/// Runs `diff`: loads both sides (in parallel) and prints the report.
pub fn run(args: &DiffArgs, reporter: &Reporter) -> Outcome {
    let (old, new) = std::thread::scope(|scope| {
        let old = scope.spawn(|| load_surface(&args.old, args.old_config.as_deref()));
        let new = load_surface(&args.new, args.new_config.as_deref());
        let old = old
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (old, new)
    });
    let (old, new) = match (old, new) {
        (Ok(old), Ok(new)) => (old, new),
        (old, new) => {
            let failures = [("old", &args.old, old.err()), ("new", &args.new, new.err())];
            return failed(&failures, reporter);
        }
    };
    for (folder, side) in [(&args.old, &old), (&args.new, &new)] {
        if !side.warnings.is_empty() {
            reporter.note(&format!(
                "{}: {} warning(s); `check` shows them",
                folder.display(),
                side.warnings.len()
            ));
        }
    }
    let report = diff(&old.surface, &new.surface);
    if !reporter.is_json() {
        print!("{report}");
    }
    reporter.json(
        Outcome::Done,
        json!({
            "command": "diff",
            "report": report,
            "diagnostics": {
                "old": diagnostics_json(&old.sources, &old.warnings),
                "new": diagnostics_json(&new.sources, &new.warnings),
            },
        }),
    )
}

/// Reports the sides that could not be loaded: exit 1 for errors in docs, 3 for I/O.
fn failed(failures: &[(&str, &PathBuf, Option<Failure>)], reporter: &Reporter) -> Outcome {
    let mut outcome = Outcome::Failed;
    let mut errors = serde_json::Map::new();
    for (side, folder, failure) in failures {
        let Some(failure) = failure else { continue };
        reporter.error(&format!("{side} side, {}:", folder.display()));
        let (side_outcome, detail) = reporter.failure(failure);
        outcome = outcome.max(side_outcome);
        errors.insert(side.to_string(), detail);
    }
    reporter.json(outcome, json!({ "command": "diff", "failure": errors }))
}

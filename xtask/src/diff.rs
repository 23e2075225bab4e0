//! `cargo xtask diff OLD NEW`: the command's `diff`.

use std::process::ExitCode;

use anyhow::Result;
use clap::Args;
use markdown_model_codegen::command::{Reporter, ReporterArgs, diff};

/// Options of `cargo xtask diff`: the command's.
#[derive(Args)]
pub struct DiffTaskArgs {
    #[command(flatten)]
    diff: diff::DiffArgs,
    #[command(flatten)]
    output: ReporterArgs,
}

/// Runs the task.
pub fn run(args: &DiffTaskArgs) -> Result<ExitCode> {
    Ok(diff::run(&args.diff, &Reporter::new(&args.output)).into())
}

//! `cargo xtask codegen`: the command's `generate` (or, with `--check`, `check`) with this
//! repository's folders as defaults.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;
use clap::Args;
use markdown_model_codegen::WriteMode;
use markdown_model_codegen::command::{GenerateArgs, Reporter, generate};

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
    /// Keep what reading each page gave in this file, so that the next run parses only the
    /// pages that changed.
    #[arg(long)]
    parse_cache: Option<PathBuf>,
    /// Show every warning in full, not only the first 20 and a count of each kind.
    #[arg(long)]
    all_warnings: bool,
}

/// Runs the task.
pub fn run(args: &CodegenArgs) -> Result<ExitCode> {
    let generate_args = GenerateArgs {
        docs: args.spec.clone(),
        out: args.out.clone(),
        config: args.config.clone(),
        deny_warnings: args.deny_warnings,
        parse_cache: args.parse_cache.clone(),
    };
    let mode = if args.check {
        WriteMode::Check
    } else {
        WriteMode::Write
    };
    Ok(generate::run(&generate_args, mode, &Reporter::text(args.all_warnings)).into())
}

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
    /// Where to keep what reading each page gave [default: OUT/target/markdown-model-codegen/parse-cache].
    #[arg(long)]
    parse_cache: Option<PathBuf>,
    /// Parse every page, with no parse cache.
    #[arg(long, conflicts_with = "parse_cache")]
    no_parse_cache: bool,
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
        no_parse_cache: args.no_parse_cache,
    };
    let mode = if args.check {
        WriteMode::Check
    } else {
        WriteMode::Write
    };
    Ok(generate::run(&generate_args, mode, &Reporter::text(args.all_warnings)).into())
}

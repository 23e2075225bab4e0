//! The `markdown-model-codegen` command (feature `cli`): `generate`, `check`, `diff` and `import`
//! over the library's functions. `cargo xtask` calls the same functions for this repository.
//!
//! Exit codes ([`Outcome`]): 0 done; 1 the docs or config have errors (nothing was written), or
//! `check` found the crate out of date; 2 the command line is wrong (clap's usage errors); 3 a
//! file could not be read or written.

pub mod diff;
pub mod generate;
pub mod import;
pub mod report;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

pub use diff::DiffArgs;
pub use generate::GenerateArgs;
pub use import::ImportArgs;
pub use report::{ColorWhen, Format, Reporter, ReporterArgs};

use crate::WriteMode;

/// Generate a crate of documented serde types (and typed requests) from the Markdown model docs
/// openapi-generator writes for every client SDK (`docs/*.md`: one page per model with a
/// `## Properties` table, `*Api.md` pages of operations).
///
/// Start with `markdown-model-codegen generate path/to/docs --out my-api`: it writes a complete
/// crate (Cargo.toml, src/, model.json); add it to your workspace and depend on it. Commit it,
/// and run `check` in CI; or generate at build time with the library's `build::Builder`.
#[derive(Debug, Parser)]
#[command(name = "markdown-model-codegen", version, after_help = EXIT_CODES)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
    #[command(flatten)]
    reporter: ReporterArgs,
}

/// The exit codes, as `--help` shows them.
const EXIT_CODES: &str = "Exit codes:
  0  done (`check`: the crate is up to date)
  1  the docs or the config have errors (every one is shown; nothing was written),
     or `check` found the crate out of date
  2  the command line is wrong
  3  a file could not be read or written";

#[derive(Debug, Subcommand)]
enum Command {
    /// Write the crate generated from a docs folder (only files that change; nothing when the
    /// docs have errors).
    Generate(GenerateArgs),
    /// Change nothing; exit 1, naming the stale files, when `generate` would change the crate.
    Check(GenerateArgs),
    /// Report what changed in the types between two docs folders or generated crates, and
    /// which changes break users (the semver bump).
    Diff(DiffArgs),
    /// Write the JSON names and enum values the pages cannot give into codegen.toml, from the
    /// SDK's Python model modules (and parameters' wire names from its API modules).
    Import(ImportArgs),
}

/// How a command that ran ended: its exit code (the larger, the worse). A wrong command line
/// never runs one: clap exits with 2.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Outcome {
    /// Done (0).
    Done = 0,
    /// The input has errors, or `check` found the crate out of date (1).
    Failed = 1,
    /// A file could not be read or written (3).
    Io = 3,
}

impl Outcome {
    /// The name JSON output gives the outcome.
    fn name(self) -> &'static str {
        match self {
            Outcome::Done => "done",
            Outcome::Failed => "failed",
            Outcome::Io => "io",
        }
    }
}

impl From<Outcome> for ExitCode {
    fn from(outcome: Outcome) -> Self {
        ExitCode::from(outcome as u8)
    }
}

/// Parses the command line and runs the command.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let reporter = Reporter::new(&cli.reporter);
    let outcome = match &cli.command {
        Command::Generate(args) => generate::run(args, WriteMode::Write, &reporter),
        Command::Check(args) => generate::run(args, WriteMode::Check, &reporter),
        Command::Diff(args) => diff::run(args, &reporter),
        Command::Import(args) => import::run(args, &reporter),
    };
    outcome.into()
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    #[test]
    fn the_command_line_is_consistent() {
        super::Cli::command().debug_assert();
    }
}

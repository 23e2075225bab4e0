//! `cargo xtask`: the project's tasks.

mod bench;
mod checker;
mod codegen;
mod conformance;
mod corpora;
mod diff;
mod equality;
mod features;
mod import_wire_names;
mod loopback;
mod matrix;
mod matrix_record;
mod matrix_sources;
mod operations_oracle;
mod oracle;
mod requests;
mod showable;
mod synth;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// The generator allocates many small token trees from two threads; glibc's allocator spends a
/// quarter of the run in malloc/free there (perf), mimalloc much less.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The project's tasks.
#[derive(Parser)]
#[command(name = "cargo xtask", version, about)]
struct Cli {
    #[command(subcommand)]
    task: Task,
}

#[derive(Subcommand)]
enum Task {
    /// Generate the crate from a folder of Markdown model docs.
    Codegen(codegen::CodegenArgs),
    /// Generate, build and round-trip every model of spec/ and the corpora under ../shared/corpus.
    Conformance(conformance::ConformanceArgs),
    /// Check every cell of the template matrix (tests/matrix) against its spec (tests/specs).
    Matrix(matrix::MatrixArgs),
    /// Report what changed in the types between two docs folders, and which changes break users.
    Diff(diff::DiffTaskArgs),
    /// Write the JSON names and enum values the pages cannot give into codegen.toml, from the SDK's Python models.
    ImportWireNames(import_wire_names::ImportWireNamesArgs),
    /// Check that every Cargo feature of the corpora's crates compiles on its own.
    Features(features::FeaturesArgs),
    /// Time the release generator on the corpora (median and min-max of several runs).
    Bench(bench::BenchArgs),
    /// One timed run in this process (used by `bench`).
    #[command(hide = true)]
    BenchOnce(bench::BenchOnceArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.task {
        Task::Codegen(args) => codegen::run(&args),
        Task::Conformance(args) => conformance::run(&args),
        Task::Matrix(args) => matrix::run(&args),
        Task::Diff(args) => diff::run(&args),
        Task::ImportWireNames(args) => import_wire_names::run(&args),
        Task::Features(args) => features::run(&args),
        Task::Bench(args) => bench::run(&args),
        Task::BenchOnce(args) => bench::run_once(&args),
    };
    match result {
        Ok(code) => code,
        Err(error) => {
            eprintln!("error: {error:#}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    #[test]
    fn the_command_line_is_consistent() {
        super::Cli::command().debug_assert();
    }
}

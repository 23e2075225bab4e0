//! `cargo xtask import-wire-names`: the command's `import`, with `spec/` as the default docs
//! folder.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;
use clap::Args;
use markdown_model_codegen::command::{ImportArgs, Reporter, import};

/// Options of `cargo xtask import-wire-names`.
#[derive(Args)]
pub struct ImportWireNamesArgs {
    /// The folder of the SDK's Python model modules (`*.py`).
    #[arg(long)]
    python_models: PathBuf,
    /// The folder of the SDK's Python API modules (`apis/*.py`): the query and path parameters'
    /// wire names.
    #[arg(long)]
    python_apis: Option<PathBuf>,
    /// The folder of Markdown model pages: only its models and fields are imported.
    #[arg(long, default_value = "spec")]
    spec: PathBuf,
    /// The config file to edit (created when absent) [default: SPEC/codegen.toml].
    #[arg(long)]
    config: Option<PathBuf>,
}

/// Runs the task.
pub fn run(args: &ImportWireNamesArgs) -> Result<ExitCode> {
    let import_args = ImportArgs {
        docs: args.spec.clone(),
        python_models: args.python_models.clone(),
        python_apis: args.python_apis.clone(),
        config: args.config.clone(),
    };
    Ok(import::run(&import_args, &Reporter::text(true)).into())
}

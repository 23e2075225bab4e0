//! `cargo xtask import-wire-names`: write the JSON names and enum values that the Markdown pages
//! cannot give into `codegen.toml`, from the SDK's Python model modules (and, with
//! `--python-apis`, the parameters' wire names from its API modules).

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;
use clap::Args;
use markdown_model_codegen::import::{ImportOptions, import_wire_names};

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
    let options = ImportOptions {
        spec_dir: args.spec.clone(),
        python_dir: args.python_models.clone(),
        python_apis: args.python_apis.clone(),
        config: args.config.clone(),
    };
    let imported = match import_wire_names(&options) {
        Ok(imported) => imported,
        Err(failure) => {
            eprint!("{}", failure.render());
            return Ok(ExitCode::FAILURE);
        }
    };
    if !imported.warnings.is_empty() {
        eprint!("{}", imported.sources.render(&imported.warnings));
    }
    println!("{}", imported.counts);
    let verb = if imported.written {
        "written"
    } else {
        "unchanged"
    };
    println!(
        "{}: {verb}; {} warning(s)",
        imported.config_path.display(),
        imported.warnings.len()
    );
    Ok(ExitCode::SUCCESS)
}

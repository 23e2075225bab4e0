//! `import`: the JSON names, enum values and parameter wire names the pages cannot give, read
//! from the SDK's Python modules into `codegen.toml`.

use std::path::PathBuf;

use clap::Args;
use serde_json::json;

use super::Outcome;
use super::report::{Reporter, diagnostics_json};
use crate::import::{ImportOptions, import_wire_names};

/// The arguments of `import`.
#[derive(Debug, Clone, Args)]
pub struct ImportArgs {
    /// The docs folder: only its models, fields and parameters are imported.
    #[arg(value_name = "DOCS")]
    pub docs: PathBuf,
    /// The folder of the SDK's Python model modules (`*.py`).
    #[arg(long, value_name = "DIR")]
    pub python_models: PathBuf,
    /// The folder of the SDK's Python API modules (`apis/*.py`): the query and path parameters'
    /// wire names.
    #[arg(long, value_name = "DIR")]
    pub python_apis: Option<PathBuf>,
    /// The config file to edit, keeping its comments and layout (created when absent)
    /// [default: DOCS/codegen.toml].
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
}

/// Runs `import`.
pub fn run(args: &ImportArgs, reporter: &Reporter) -> Outcome {
    let options = ImportOptions {
        spec_dir: args.docs.clone(),
        python_dir: args.python_models.clone(),
        python_apis: args.python_apis.clone(),
        config: args.config.clone(),
    };
    let imported = match import_wire_names(&options) {
        Ok(imported) => imported,
        Err(failure) => {
            let (outcome, detail) = reporter.failure(&failure);
            return reporter.json(outcome, json!({ "command": "import", "failure": detail }));
        }
    };
    reporter.diagnostics(&imported.sources, &imported.warnings);
    reporter.summary(&imported.counts.to_string());
    let verb = if imported.written {
        "written"
    } else {
        "unchanged"
    };
    reporter.summary(&format!(
        "{}: {verb}; {} warning(s)",
        imported.config_path.display(),
        imported.warnings.len()
    ));
    reporter.json(
        Outcome::Done,
        json!({
            "command": "import",
            "counts": imported.counts,
            "config": imported.config_path.display().to_string(),
            "written": imported.written,
            "diagnostics": diagnostics_json(&imported.sources, &imported.warnings),
        }),
    )
}

//! `cargo xtask diff OLD NEW`: what changed in the generated types between two docs folders, or
//! two generated crates (the surface each records), and which changes break users, without writing
//! anything. Also reads the surface a generated crate records, for the report `cargo xtask codegen`
//! prints.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Result;
use clap::{Args, ValueEnum};
use markdown_model_codegen::diff::diff;
use markdown_model_codegen::load;
use markdown_model_codegen::surface::{ApiSurface, RECORD_FILE};

/// Options of `cargo xtask diff`.
#[derive(Args)]
pub struct DiffArgs {
    /// The old folder of Markdown model pages, or a generated crate (a folder with `Cargo.toml` and
    /// `model.json`): then the surface it records, as its generator made it.
    old: PathBuf,
    /// The new folder of Markdown model pages, or a generated crate.
    new: PathBuf,
    /// The old side's config file [default: OLD/codegen.toml, when it exists].
    #[arg(long)]
    old_config: Option<PathBuf>,
    /// The new side's config file [default: NEW/codegen.toml, when it exists].
    #[arg(long)]
    new_config: Option<PathBuf>,
    /// How to print the report.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
}

/// How to print a report.
#[derive(Clone, Copy, ValueEnum)]
enum Format {
    /// For people: changes grouped by impact, counts, the implied bump.
    Text,
    /// For release tooling: every change with its kind and impact.
    Json,
}

/// Runs the task: loads both folders (in parallel) and prints the report.
pub fn run(args: &DiffArgs) -> Result<ExitCode> {
    let (old, new) = std::thread::scope(|scope| {
        let old = scope.spawn(|| surface(&args.old, args.old_config.as_deref()));
        let new = surface(&args.new, args.new_config.as_deref());
        (
            old.join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
            new,
        )
    });
    let (Some(old), Some(new)) = (old, new) else {
        return Ok(ExitCode::FAILURE);
    };
    let report = diff(&old, &new);
    match args.format {
        Format::Text => print!("{report}"),
        Format::Json => println!("{}", report.to_json()),
    }
    Ok(ExitCode::SUCCESS)
}

/// The surface of the type model of a docs folder, or the one a generated crate records; `None`,
/// with the problems printed, when the folder does not generate.
fn surface(spec: &Path, config: Option<&Path>) -> Option<ApiSurface> {
    if spec.join("Cargo.toml").is_file() && spec.join(RECORD_FILE).is_file() {
        let recorded = recorded(spec);
        if recorded.is_none() {
            eprintln!("{}: no readable {RECORD_FILE}", spec.display());
        }
        return recorded;
    }
    match load(spec, config) {
        Ok((model, _, _, warnings, _)) => {
            if !warnings.is_empty() {
                eprintln!(
                    "{}: {} warning(s); `cargo xtask codegen --spec` shows them",
                    spec.display(),
                    warnings.len()
                );
            }
            Some(ApiSurface::from_model(&model))
        }
        Err(failure) => {
            eprint!("{}: {}", spec.display(), failure.render());
            None
        }
    }
}

/// The surface recorded in the crate folder `out`; `None` when there is none, or (with a warning)
/// when it cannot be read.
pub fn recorded(out: &Path) -> Option<ApiSurface> {
    let path = out.join(RECORD_FILE);
    let text = match fs::read_to_string(&path) {
        Ok(text) => text,
        Err(error) if error.kind() == io::ErrorKind::NotFound => return None,
        Err(error) => {
            eprintln!(
                "warning: {}: {error}; no report of type changes",
                path.display()
            );
            return None;
        }
    };
    ApiSurface::from_json(&text)
        .inspect_err(|error| {
            eprintln!(
                "warning: {}: {error}; no report of type changes",
                path.display()
            )
        })
        .ok()
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::surface;
    use markdown_model_codegen::surface::{ApiSurface, RECORD_FILE};

    #[test]
    fn a_generated_crate_gives_the_surface_it_records() {
        let generated = Path::new(env!("CARGO_MANIFEST_DIR")).join("../generated");
        let recorded = std::fs::read_to_string(generated.join(RECORD_FILE)).expect("model.json");
        assert_eq!(
            surface(&generated, None),
            Some(ApiSurface::from_json(&recorded).expect("a surface"))
        );
    }
}

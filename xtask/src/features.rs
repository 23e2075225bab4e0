//! `cargo xtask features`: for each docs folder, generate the crate into `target/` and check
//! that every Cargo feature compiles on its own (and `full`), with warnings denied.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Result, bail};
use clap::Args;
use markdown_model_codegen::{Options, WriteMode, generate};

use crate::conformance::cargo;
use crate::corpora::{folder_name, project_root, task_folders};

/// Options of `cargo xtask features`.
#[derive(Args)]
pub struct FeaturesArgs {
    /// Docs folders to check [default: every docs folder under ../shared/corpus].
    corpora: Vec<PathBuf>,
}

/// Runs the task.
pub fn run(args: &FeaturesArgs) -> Result<ExitCode> {
    let corpora = task_folders(&args.corpora, false)?;
    let work = project_root().join("target/features");
    let target_dir = work.join("target");
    let mut all_passed = true;
    for folder in &corpora.folders {
        let name = folder_name(folder);
        let out = work.join(&name);
        let options = Options {
            spec_dir: folder.clone(),
            out_dir: out.clone(),
            config: None,
            mode: WriteMode::Write,
            deny_warnings: false,
        };
        let generated = match generate(&options) {
            Ok(generated) => generated,
            Err(failure) => {
                eprint!("{}", failure.render());
                bail!("{name}: generation failed");
            }
        };
        let features = &generated.model.features;
        if features.is_empty() {
            println!("{name}: no operation pages, so no features to check");
            continue;
        }
        let mut failed = Vec::new();
        let started = Instant::now();
        for feature in features
            .iter()
            .map(|feature| feature.name.as_str())
            .chain(["full"])
        {
            let ok = cargo(
                &[
                    "check",
                    "--quiet",
                    "--no-default-features",
                    "--features",
                    feature,
                ],
                &out,
                &target_dir,
                &[("RUSTFLAGS", "-D warnings")],
            )?;
            if !ok {
                failed.push(feature.to_owned());
            }
        }
        let checked = features.len() + 1;
        println!(
            "{name}: features: {} passed, {} failed ({} features and `full`, each checked alone, in {:.0}s){}",
            checked - failed.len(),
            failed.len(),
            features.len(),
            started.elapsed().as_secs_f64(),
            if failed.is_empty() {
                String::new()
            } else {
                format!("; failed: {}", failed.join(", "))
            },
        );
        all_passed &= failed.is_empty();
    }
    println!(
        "features: {} folder(s) checked{}",
        corpora.folders.len(),
        corpora.skipped_note()
    );
    Ok(if all_passed {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

//! `cargo xtask features`: for each docs folder, generate the crate into `target/` and check
//! that every Cargo feature compiles on its own (and `full`), with warnings denied; and, when the
//! crate has the `client` feature (it has operations), each of them again with `client`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use anyhow::{Result, bail};
use clap::Args;
use markdown_model_codegen::{Options, WriteMode, generate};

use crate::checker::cargo;
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
        let with_client = has_client_feature(&out)?;
        let alone: Vec<String> = features
            .iter()
            .map(|feature| feature.name.clone())
            .chain(["full".to_owned()])
            .collect();
        let mut failed = Vec::new();
        let mut check = |set: &str| -> Result<Duration> {
            let started = Instant::now();
            let ok = cargo(
                &[
                    "check",
                    "--quiet",
                    "--no-default-features",
                    "--features",
                    set,
                ],
                &out,
                &target_dir,
                &[("RUSTFLAGS", "-D warnings")],
            )?;
            if !ok {
                failed.push(set.to_owned());
            }
            Ok(started.elapsed())
        };
        let mut alone_time = Duration::ZERO;
        let mut client_time = Duration::ZERO;
        for feature in &alone {
            alone_time += check(feature)?;
            if with_client {
                client_time += check(&format!("{feature},{CLIENT}"))?;
            }
        }
        let checked = alone.len() * if with_client { 2 } else { 1 };
        println!(
            "{name}: features: {} passed, {} failed ({} features and `full`, each checked alone in {:.0}s{}){}",
            checked - failed.len(),
            failed.len(),
            features.len(),
            alone_time.as_secs_f64(),
            if with_client {
                format!(" and with `{CLIENT}` in {:.0}s", client_time.as_secs_f64())
            } else {
                String::new()
            },
            if failed.is_empty() {
                String::new()
            } else {
                format!("; failed: {}", failed.join(" "))
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

/// The feature of the generated crate that compiles its async client.
const CLIENT: &str = "client";

/// Whether the crate written in `crate_dir` declares the [`CLIENT`] feature (crates with
/// operations do).
fn has_client_feature(crate_dir: &Path) -> Result<bool> {
    let manifest: toml::Table = std::fs::read_to_string(crate_dir.join("Cargo.toml"))?.parse()?;
    Ok(manifest
        .get("features")
        .and_then(toml::Value::as_table)
        .is_some_and(|features| features.contains_key(CLIENT)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_client_feature_is_read_from_the_manifest() {
        let dir = tempfile::tempdir().unwrap();
        let write =
            |manifest: &str| std::fs::write(dir.path().join("Cargo.toml"), manifest).unwrap();
        write("[package]\nname = \"models\"\n");
        assert!(!has_client_feature(dir.path()).unwrap());
        write("[features]\ndefault = [\"full\"]\nfull = [\"pets\"]\npets = []\n");
        assert!(!has_client_feature(dir.path()).unwrap());
        write("[features]\nclient = [\"dep:reqwest\"]\nfull = []\n");
        assert!(has_client_feature(dir.path()).unwrap());
        write("[features\n");
        assert!(has_client_feature(dir.path()).is_err());
    }
}

//! What `conformance` and `matrix` share to check generated crates: the round-trip checker's
//! source and documents, running a checker binary and judging its answers, cargo, and timing
//! lines.

use std::fs;
use std::path::Path;
use std::process::Command;
use std::time::Duration;

use anyhow::{Context, Result, bail};
use proc_macro2::TokenStream;
use quote::quote;
use serde_json::Value;

use crate::equality::Types;
use crate::synth;

/// A duration as a timing line writes it (`1.2s`).
pub fn seconds(duration: Duration) -> String {
    format!("{:.1}s", duration.as_secs_f64())
}

/// Runs cargo in `dir` with a shared target folder; whether it succeeded.
///
/// The crates checked this way are built once per run and never debugged, so they are built
/// without debug info and without incremental caches ([`ONE_SHOT_BUILD`]).
pub fn cargo(args: &[&str], dir: &Path, target_dir: &Path, env: &[(&str, &str)]) -> Result<bool> {
    Ok(cargo_command(args, dir, target_dir, env)?
        .status()
        .with_context(|| format!("running cargo {}", args.join(" ")))?
        .success())
}

/// Runs cargo as [`cargo`] does, and also returns what it printed on stderr (printed too).
pub fn cargo_with_stderr(
    args: &[&str],
    dir: &Path,
    target_dir: &Path,
    env: &[(&str, &str)],
) -> Result<(bool, String)> {
    let output = cargo_command(args, dir, target_dir, env)?
        .output()
        .with_context(|| format!("running cargo {}", args.join(" ")))?;
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    eprint!("{stderr}");
    Ok((output.status.success(), stderr))
}

/// The build settings of a crate checked once and thrown away. A CI run's `target/` reached 34 GB
/// (more than CI's disk) without them: incremental caches were 12.6 GB of `conformance`'s 18.8, 4.1
/// of `matrix`'s 6.1 and 2.1 of `features`' 2.5, and full debug info made each of the 257.1.0
/// crate's checker binaries 0.2-0.6 GB.
const ONE_SHOT_BUILD: [(&str, &str); 2] = [
    ("CARGO_PROFILE_DEV_DEBUG", "false"),
    ("CARGO_INCREMENTAL", "0"),
];

fn cargo_command(
    args: &[&str],
    dir: &Path,
    target_dir: &Path,
    env: &[(&str, &str)],
) -> Result<Command> {
    let target_dir = std::path::absolute(target_dir)?;
    let mut command = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned()));
    command
        .args(args)
        .current_dir(dir)
        .env("CARGO_TARGET_DIR", target_dir)
        .envs(ONE_SHOT_BUILD);
    for (key, value) in env {
        command.env(key, value);
    }
    Ok(command)
}

/// Keeps the file (and cargo's fingerprint) when its contents are already right.
pub fn write_if_changed(path: &Path, contents: &str) -> Result<()> {
    if fs::read_to_string(path).is_ok_and(|existing| existing == contents) {
        return Ok(());
    }
    fs::write(path, contents).with_context(|| format!("writing {}", path.display()))
}

/// The round-trip checker's `main.rs`: for each line of its documents file, deserializes the
/// document into the type that `arms` gives for the line's `model` key, checks the enum
/// expectations on its `Debug` text, serializes it back and prints `{"back": ...}` (or
/// `{"error": ...}`) on one line.
pub fn round_trip_source(arms: impl Iterator<Item = (String, TokenStream)>) -> Result<String> {
    let arms = arms.map(|(key, ty)| quote!(#key => check::<#ty>(&entry),));
    let main = quote! {
        //! Round-trips every document: deserialize, check the enum values' variants, serialize.
        // With no model (a folder read as none) no arm calls `check`; the models' own crate is
        // linted apart.
        #![allow(dead_code)]

        fn strings(entry: &::serde_json::Value, key: &str) -> ::std::vec::Vec<::std::string::String> {
            entry[key].as_array().into_iter().flatten().filter_map(|text| text.as_str().map(::std::borrow::ToOwned::to_owned)).collect()
        }

        fn check<T: ::serde::de::DeserializeOwned + ::serde::Serialize + ::std::fmt::Debug>(entry: &::serde_json::Value) -> ::std::result::Result<::serde_json::Value, ::std::string::String> {
            let value: T = ::serde_json::from_value(entry["document"].clone()).map_err(|error| format!("deserialize: {error}"))?;
            let debug = format!("{value:?}");
            for text in strings(entry, "present") {
                if !debug.contains(&text) {
                    return Err(format!("an undocumented enum value missed the catch-all: no {text} in {debug}"));
                }
            }
            for text in strings(entry, "absent") {
                if debug.contains(&text) {
                    return Err(format!("a documented enum value fell into the catch-all: {text}"));
                }
            }
            ::serde_json::to_value(&value).map_err(|error| format!("serialize: {error}"))
        }

        fn main() {
            let path = ::std::env::args().nth(1).expect("usage: CHECKER DOCUMENTS");
            let text = ::std::fs::read_to_string(path).expect("read the documents");
            for line in text.lines() {
                let entry: ::serde_json::Value = ::serde_json::from_str(line).expect("a JSON line");
                let result: ::std::result::Result<::serde_json::Value, ::std::string::String> = match entry["model"].as_str().unwrap_or_default() {
                    #(#arms)*
                    other => Err(format!("no type for model {other}")),
                };
                let answer = match result {
                    Ok(back) => ::serde_json::json!({ "back": back }),
                    Err(error) => ::serde_json::json!({ "error": error }),
                };
                println!("{answer}");
            }
        }
    };
    let file: syn::File = syn::parse2(main).context("the checker's code does not parse")?;
    Ok(prettyplease::unparse(&file))
}

/// The round-trip checker's input: one JSON line per document, under the key its arm matches.
pub fn documents_file<'a>(entries: impl Iterator<Item = (&'a str, &'a synth::Document)>) -> String {
    let mut lines = String::new();
    for (key, document) in entries {
        let entry = serde_json::json!({
            "model": key,
            "document": document.document,
            "present": document.present,
            "absent": document.absent,
        });
        lines.push_str(&entry.to_string());
        lines.push('\n');
    }
    lines
}

/// Runs a checker binary on an input file of `expected` lines; its output lines, one per input
/// line.
pub fn run_lines(name: &str, binary: &Path, input: &Path, expected: usize) -> Result<Vec<String>> {
    let output = Command::new(binary)
        .arg(input)
        .output()
        .with_context(|| format!("running {}", binary.display()))?;
    eprint!("{}", String::from_utf8_lossy(&output.stderr));
    if !output.status.success() {
        bail!("{name}: {} failed", binary.display());
    }
    let stdout = String::from_utf8(output.stdout).context("the checker's output is not UTF-8")?;
    let lines: Vec<String> = stdout.lines().map(str::to_owned).collect();
    if lines.len() != expected {
        bail!(
            "{name}: {} answered {} of {expected} lines",
            binary.display(),
            lines.len()
        );
    }
    Ok(lines)
}

/// The round-trip checker's answer for one document.
pub struct Answer {
    /// What the document serialized back to, when it deserialized.
    pub back: Option<Value>,
    /// Whether it came back unchanged ([`Types::compare`]); the first difference or the error
    /// otherwise.
    pub verdict: Result<(), String>,
}

/// Reads the round-trip checker's answer `line` for `document` (of the model named `model`).
/// Fails when the line is not JSON.
pub fn answer(types: &Types, model: &str, document: &Value, line: &str) -> Result<Answer> {
    let answer: Value = serde_json::from_str(line).context("a checker line is not JSON")?;
    Ok(match (answer.get("back"), answer.get("error")) {
        (Some(back), _) => Answer {
            verdict: types.compare(model, document, back),
            back: Some(back.clone()),
        },
        (None, Some(error)) => Answer {
            back: None,
            verdict: Err(error.as_str().unwrap_or_default().to_owned()),
        },
        (None, None) => Answer {
            back: None,
            verdict: Err(format!("unreadable checker line {answer}")),
        },
    })
}

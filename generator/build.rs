//! Sets two fingerprints for incremental regeneration:
//! - `EMITTER_FINGERPRINT`: a digest of everything that decides how the type model is written out
//!   as text (the emitter's sources, the types and names it reads, the templates, the versions of
//!   the crates that format). Every file's key includes it, so a changed emitter re-emits every
//!   file, while a change elsewhere (parsing, model building) only changes the type model, which
//!   the keys hash anyway.
//! - `GENERATOR_FINGERPRINT`: a digest of all the generator's sources and templates and of the
//!   versions of the crates that read and format. The digest of a run's inputs includes it, so a
//!   run of another generator never takes the crate for up to date without reading its inputs.

use std::fs;
use std::path::{Path, PathBuf};

use xxhash_rust::xxh3::Xxh3;

/// The files and folders (relative to this crate) whose text decides the emitted text.
const EMITTER_SOURCES: [&str; 6] = [
    "src/emit",
    "src/naming.rs",
    "src/surface.rs",
    "src/model/mod.rs",
    "src/model/vocabulary.rs",
    "templates",
];

/// The files and folders (relative to this crate) whose text decides what the generator makes of
/// its inputs: all of them.
const GENERATOR_SOURCES: [&str; 2] = ["src", "templates"];

/// The crates whose behavior is part of the emitted text, by their locked versions.
const FORMATTING_CRATES: [&str; 6] = [
    "prettyplease",
    "syn",
    "quote",
    "proc-macro2",
    "serde_json",
    "heck",
];

/// The crates that read the inputs (pages, the config), by their locked versions.
const READING_CRATES: [&str; 2] = ["pulldown-cmark", "toml"];

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets it"));
    let emitter = fingerprint(&root, &EMITTER_SOURCES, &FORMATTING_CRATES);
    println!("cargo::rustc-env=EMITTER_FINGERPRINT={emitter:032x}");
    let crates: Vec<&str> = FORMATTING_CRATES
        .into_iter()
        .chain(READING_CRATES)
        .collect();
    let generator = fingerprint(&root, &GENERATOR_SOURCES, &crates);
    println!("cargo::rustc-env=GENERATOR_FINGERPRINT={generator:032x}");
}

/// A digest of the files under `sources` (relative to `root`) and of the locked versions of
/// `crates`.
fn fingerprint(root: &Path, sources: &[&str], crates: &[&str]) -> u128 {
    let mut hasher = Xxh3::new();
    for source in sources {
        println!("cargo::rerun-if-changed={source}");
        let mut files = Vec::new();
        collect_files(&root.join(source), &mut files);
        files.sort();
        for file in files {
            let relative = file.strip_prefix(root).unwrap_or(&file);
            hasher.update(relative.to_string_lossy().replace('\\', "/").as_bytes());
            hasher.update(&without_carriage_returns(
                fs::read(&file).expect("a source of the generator reads"),
            ));
        }
    }
    // The workspace's lock file, when building inside it (a packaged crate has none: its
    // dependencies' versions are then not part of the fingerprint).
    let lock = root.join("../Cargo.lock");
    println!("cargo::rerun-if-changed=../Cargo.lock");
    if let Ok(lock) = fs::read_to_string(&lock) {
        for package in lock.split("[[package]]") {
            let mut lines = package
                .lines()
                .map(str::trim)
                .filter(|line| !line.is_empty());
            let name = lines.next().and_then(|line| line.strip_prefix("name = "));
            if name.is_some_and(|name| crates.contains(&name.trim_matches('"'))) {
                hasher.update(&without_carriage_returns(package.as_bytes().to_vec()));
            }
        }
    }
    hasher.digest128()
}

/// The text without carriage returns (CRLF line ends read as LF): a checkout that converts line ends (Git's `autocrlf`) must
/// give the same fingerprint, or the crate's recorded keys would differ by platform.
fn without_carriage_returns(mut bytes: Vec<u8>) -> Vec<u8> {
    bytes.retain(|&byte| byte != b'\r');
    bytes
}

fn collect_files(path: &Path, files: &mut Vec<PathBuf>) {
    match fs::read_dir(path) {
        Ok(entries) => {
            for entry in entries {
                collect_files(&entry.expect("a directory entry").path(), files);
            }
        }
        Err(_) => files.push(path.to_path_buf()),
    }
}

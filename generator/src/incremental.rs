//! Incremental regeneration: a file is emitted and formatted only when what it is made from
//! changed.
//!
//! Each file's key is a digest of everything its emitter reads (its part of the type model and the
//! emitter's fingerprint: [`emit::keys`]), so the key alone says whether emitting it again could
//! give other text; nothing needs to know which pages a file depends on. The crate records, in
//! [`HASHES_FILE`], each file's key and the digest of its contents. A run keeps a file as it is
//! (without emitting it) only when its key is the recorded one and the file on disk still has the
//! recorded digest, so a file edited by hand is emitted again, and rewritten (or, in check mode,
//! reported). The record itself is one of the generated files, compared and written like the
//! others.

use std::collections::BTreeMap;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rayon::prelude::*;

use crate::HEADER;
use crate::digest::Digest;
use crate::emit::{self, EmitTimings, GeneratedFile, PlannedFile};
use crate::model::TypeModel;

/// The record of each emitted file's key and contents, at the crate's root.
pub const HASHES_FILE: &str = "codegen-hashes.txt";

/// The files a run emitted, and those it kept as they are on disk.
#[derive(Debug)]
pub struct Emitted {
    /// The files emitted (every one whose key changed, or whose contents on disk are not the
    /// recorded ones), the small files made without emitting, and the record.
    pub files: Vec<GeneratedFile>,
    /// The files left as they are: their key and their contents on disk are the recorded ones.
    pub kept: Vec<PathBuf>,
    /// Time spent emitting and formatting.
    pub timings: EmitTimings,
    /// Wall time of computing the keys and checking the kept files' contents on disk.
    pub keys: Duration,
}

/// Emits the files of `model` that differ, or may differ, from what `out_dir` holds.
pub fn emit_changed(model: &TypeModel, out_dir: &Path) -> Emitted {
    let started = Instant::now();
    let plan = emit::plan(model);
    let keys = emit::keys(model, &plan);
    let recorded = read_record(out_dir);
    // For each planned file, the digest of its contents when it is kept as it is on disk.
    // One buffer per thread for the files read (fresh memory for each would cost more than the
    // reading: the kernel zeroes every new page).
    let kept: Vec<Option<Digest>> = plan
        .par_iter()
        .zip(&keys)
        .map_init(Vec::new, |buffer, (file, key)| {
            let (recorded_key, contents) = recorded.get(&record_path(&file.path))?;
            if Some(*recorded_key) != *key {
                return None;
            }
            buffer.clear();
            let mut on_disk = fs::File::open(out_dir.join(&file.path)).ok()?;
            on_disk.read_to_end(buffer).ok()?;
            (Digest::of_bytes(buffer) == *contents).then_some(*contents)
        })
        .collect();
    let keys_time = started.elapsed();
    let to_emit: Vec<&PlannedFile> = (plan.iter().zip(&kept))
        .filter_map(|(file, kept)| kept.is_none().then_some(file))
        .collect();
    let (mut files, timings) = emit::emit(model, &to_emit);
    let mut emitted = files.iter().map(|file| {
        (
            file.path.clone(),
            Digest::of_bytes(file.contents.as_bytes()),
        )
    });
    let mut record = format!(
        "# {HEADER}\n# Incremental regeneration: each emitted file with the digest of what it is made from (its part of\n# the type model, and the emitter) and the digest of its contents. A run emits a file again only when\n# the first changed or the file no longer has the second.\n"
    );
    let mut kept_paths = Vec::new();
    for ((file, key), kept) in plan.iter().zip(&keys).zip(&kept) {
        let contents = match kept {
            Some(contents) => {
                kept_paths.push(file.path.clone());
                *contents
            }
            None => {
                let (path, contents) = emitted.next().expect("every file not kept is emitted");
                debug_assert_eq!(path, file.path);
                contents
            }
        };
        if let Some(key) = key {
            let path = record_path(&file.path);
            record.push_str(&format!("{key} {contents} {path}\n"));
        }
    }
    files.push(GeneratedFile {
        path: HASHES_FILE.into(),
        contents: record,
    });
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Emitted {
        files,
        kept: kept_paths,
        timings,
        keys: keys_time,
    }
}

/// A path as the record writes it: with `/` on every platform.
fn record_path(path: &Path) -> String {
    let parts: Vec<_> = path
        .components()
        .map(|part| part.as_os_str().to_string_lossy())
        .collect();
    parts.join("/")
}

/// The record of `out_dir`: path -> (key, digest of the contents). Empty when there is none; a
/// line that does not read is left out (its file is then emitted again).
fn read_record(out_dir: &Path) -> BTreeMap<String, (Digest, Digest)> {
    let Ok(text) = fs::read_to_string(out_dir.join(HASHES_FILE)) else {
        return BTreeMap::new();
    };
    text.lines()
        .filter(|line| !line.starts_with('#'))
        .filter_map(|line| {
            let mut parts = line.splitn(3, ' ');
            let key = Digest::parse(parts.next()?)?;
            let contents = Digest::parse(parts.next()?)?;
            Some((parts.next()?.to_owned(), (key, contents)))
        })
        .collect()
}

//! Incremental regeneration: a file is emitted and formatted only when what it is made from
//! changed, and a run whose inputs are those of the run that wrote the crate reads nothing else.
//!
//! Each file's key is a digest of everything its emitter reads (its part of the type model and the
//! emitter's fingerprint: [`emit::keys`]), so the key alone says whether emitting it again could
//! give other text; nothing needs to know which pages a file depends on. The crate records, in
//! [`HASHES_FILE`], each file's key and the digest of its contents. A run keeps a file as it is
//! (without emitting it) only when its key is the recorded one and the file on disk still has the
//! recorded digest, so a file edited by hand is emitted again, and rewritten (or, in check mode,
//! reported). The record itself is one of the generated files, compared and written like the
//! others.
//!
//! The record also holds the digest of the run's inputs ([`RunRecord`]: every page's text, the
//! other files' names, the config, the crate name the folder's name gives, and the generator's
//! fingerprint of all its sources), with the counts and the number of warnings that run reported.
//! A run reads its inputs and, when their digest and every file's are the recorded ones and the
//! folder holds nothing stale ([`Inputs::up_to_date`](crate::Inputs::up_to_date)), finds the crate up to date without parsing a page:
//! the inputs are those that made the crate, and a generator of other sources has another
//! fingerprint.

use std::collections::{BTreeMap, HashSet};
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rayon::prelude::*;

use crate::diagnostic::{FileId, Sources};
use crate::digest::Digest;
use crate::emit::{self, EmitTimings, GeneratedFile, PlannedFile};
use crate::model::TypeModel;
use crate::output::{WriteReport, other_files};
use crate::{HEADER, Stats, Timings, parse};

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

/// Emits the files of `model` that differ, or may differ, from what `out_dir` holds; the record
/// written with them holds `run` (when the run's inputs have a digest).
pub fn emit_changed(model: &TypeModel, out_dir: &Path, run: Option<&RunRecord>) -> Emitted {
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
            has_digest(&out_dir.join(&file.path), *contents, buffer).then_some(*contents)
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
    let mut record = Record {
        run: run.copied(),
        files: Vec::with_capacity(plan.len()),
    };
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
        // A file made without emitting has no key: its contents are what it is made from.
        let key = key.unwrap_or(contents);
        record.files.push((record_path(&file.path), key, contents));
    }
    files.push(GeneratedFile {
        path: HASHES_FILE.into(),
        contents: record.render(),
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
    (Record::parse(&text).files.into_iter())
        .map(|(path, key, contents)| (path, (key, contents)))
        .collect()
}

/// Whether the file at `path` has the contents whose digest is `digest` (read into `buffer`,
/// one per thread: fresh memory for each file would cost more than the reading, as the kernel
/// zeroes every new page).
fn has_digest(path: &Path, digest: Digest, buffer: &mut Vec<u8>) -> bool {
    buffer.clear();
    let read = fs::File::open(path).and_then(|mut file| file.read_to_end(buffer));
    read.is_ok() && Digest::of_bytes(buffer) == digest
}

/// The contents of [`HASHES_FILE`].
#[derive(Debug, PartialEq, Eq)]
struct Record {
    /// The inputs of the run that wrote it, and what that run found.
    run: Option<RunRecord>,
    /// Each file: its path (with `/`), its key and the digest of its contents.
    files: Vec<(String, Digest, Digest)>,
}

impl Record {
    /// The record as a file: a comment, the run's line, a line per file.
    fn render(&self) -> String {
        let mut text = format!(
            "# {HEADER}\n# Incremental regeneration: the digest of the inputs of the run that wrote this crate (pages,\n# config, generator) with what it found; then each file with the digest of what it is made from (its\n# part of the type model, and the emitter) and the digest of its contents. A run emits a file again\n# only when the first changed or the file no longer has the second, and reads no page at all when\n# the inputs and every file have the digests recorded here.\n"
        );
        if let Some(run) = &self.run {
            text.push_str(&run.line());
        }
        for (path, key, contents) in &self.files {
            text.push_str(&format!("{key} {contents} {path}\n"));
        }
        text
    }

    /// Reads a record; a line that does not read is left out.
    fn parse(text: &str) -> Record {
        let mut record = Record {
            run: None,
            files: Vec::new(),
        };
        for line in text.lines().filter(|line| !line.starts_with('#')) {
            if let Some(run) = RunRecord::parse(line) {
                record.run = Some(run);
                continue;
            }
            let mut parts = line.splitn(3, ' ');
            let file = (|| {
                let key = Digest::parse(parts.next()?)?;
                let contents = Digest::parse(parts.next()?)?;
                Some((parts.next()?.to_owned(), key, contents))
            })();
            record.files.extend(file);
        }
        record
    }
}

/// The generator's fingerprint: a digest of all its sources and templates (`build.rs`).
const GENERATOR: &str = env!("GENERATOR_FINGERPRINT");

/// What the record keeps of a run: the digest of its inputs, and what it found in them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RunRecord {
    /// The digest of the run's inputs (see the module's documentation).
    pub inputs: Digest,
    /// How many warnings the run reported.
    pub warnings: usize,
    /// Its counts.
    pub stats: Stats,
}

impl RunRecord {
    /// The record's line: `inputs <digest> warnings <n> pages <n> ... dialect <name>`.
    fn line(&self) -> String {
        let Stats {
            pages,
            skipped_pages,
            models,
            fields,
            enums,
            dialect,
            taken,
        } = self.stats;
        format!(
            "inputs {} warnings {} pages {pages} skipped {skipped_pages} models {models} enums {enums} fields {fields} taken {taken} dialect {}\n",
            self.inputs,
            self.warnings,
            dialect.name()
        )
    }

    /// Reads what [`RunRecord::line`] writes.
    fn parse(line: &str) -> Option<RunRecord> {
        let words: Vec<&str> = line.split(' ').collect();
        let [
            "inputs",
            inputs,
            "warnings",
            warnings,
            "pages",
            pages,
            "skipped",
            skipped,
            "models",
            models,
            "enums",
            enums,
            "fields",
            fields,
            "taken",
            taken,
            "dialect",
            dialect,
        ] = words[..]
        else {
            return None;
        };
        let number = |text: &str| text.parse::<usize>().ok();
        Some(RunRecord {
            inputs: Digest::parse(inputs)?,
            warnings: number(warnings)?,
            stats: Stats {
                pages: number(pages)?,
                skipped_pages: number(skipped)?,
                models: number(models)?,
                fields: number(fields)?,
                enums: number(enums)?,
                dialect: parse::dialect_named(dialect)?,
                taken: number(taken)?,
            },
        })
    }
}

/// The digest of the inputs a run read from the docs folder `spec_dir`: each page by its path in
/// the folder (a template's `models/` and `apis/` subfolders are read too) with the digest of its
/// text, every other file there but editors' leftovers by its path alone (it can appear in a
/// diagnostic), the config's text, the crate name the folder's name gives, and the generator's
/// fingerprint. `pages` and the unread files are in `sources`, and so is the config at `config`.
pub(crate) fn inputs_read(
    spec_dir: &Path,
    pages: &[FileId],
    config: Option<&Path>,
    sources: &Sources,
    crate_name: &str,
) -> Digest {
    let in_folder = |path: &Path| record_path(path.strip_prefix(spec_dir).unwrap_or(path));
    let mut files: Vec<(String, Option<Digest>)> = (pages.par_iter())
        .map(|&page| {
            let source = sources.get(page);
            (
                in_folder(&source.path),
                Some(Digest::of_bytes(source.text.as_bytes())),
            )
        })
        .collect();
    files.extend((sources.unread().iter()).map(|file| (in_folder(&file.path), None)));
    files.sort();
    let config = config.and_then(|path| {
        (sources.iter())
            .find(|(_, source)| source.path == path)
            .map(|(_, source)| Digest::of_bytes(source.text.as_bytes()))
    });
    Digest::of_value(&[], &(GENERATOR, crate_name, config, files))
}

/// A crate found up to date with its inputs without parsing them (see
/// [`Inputs::up_to_date`](crate::Inputs::up_to_date)).
#[derive(Debug)]
pub struct UpToDate {
    /// The counts of the run that wrote the record.
    pub stats: Stats,
    /// How many warnings that run reported (the same inputs give the same ones).
    pub warnings: usize,
    /// Nothing written or removed: every file unchanged, and the unknown files there are.
    pub report: WriteReport,
    /// Reading the inputs (`read`), checking the record and the files' contents and listing the
    /// folder (`keys`), and the whole (`total`).
    pub timings: Timings,
}

/// What the record of `out_dir` keeps of the run that wrote it, and the report of a run that
/// writes nothing, when a run on inputs whose digest is `inputs` would leave the crate as it is:
/// the record holds that digest and reads back as it was written, every file it lists has its
/// recorded contents, and no stale file is there. `None` otherwise: a full run then decides.
pub(crate) fn up_to_date(out_dir: &Path, inputs: Digest) -> Option<(RunRecord, WriteReport)> {
    let text = fs::read_to_string(out_dir.join(HASHES_FILE)).ok()?;
    let record = Record::parse(&text);
    let run = record.run.filter(|run| run.inputs == inputs)?;
    if record.render() != text {
        return None;
    }
    let files_kept = (record.files.par_iter()).map_init(Vec::new, |buffer, (path, _, contents)| {
        has_digest(&out_dir.join(path), *contents, buffer)
    });
    if !files_kept.all(|kept| kept) {
        return None;
    }
    let wanted: HashSet<&Path> = (record.files.iter())
        .map(|(path, ..)| Path::new(path))
        .chain([Path::new(HASHES_FILE)])
        .collect();
    let (stale, unknown) = other_files(out_dir, &wanted).ok()?;
    let report = WriteReport {
        unchanged: wanted.len(),
        unknown,
        ..WriteReport::default()
    };
    stale.is_empty().then_some((run, report))
}

//! Writes the generated files into the output folder, touching only what changed.
//!
//! A file whose contents are unchanged is not rewritten (its mtime is kept). A changed file is
//! written to a temporary file in the same folder and renamed over the old one, so an interrupted
//! run leaves every file old or new, never truncated. Stale `src/**/*.rs` files (and temporary
//! files a killed run left there) are removed only
//! after every new file is in place; any other file is left alone and reported as unknown. In
//! check mode nothing is touched.

use std::collections::HashSet;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::emit::GeneratedFile;

/// Whether to write or only compare.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WriteMode {
    /// Bring the folder up to date.
    Write,
    /// Change nothing; report what writing would change.
    Check,
}

/// What writing did (or, in check mode, would do).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WriteReport {
    /// Files created or changed (relative paths).
    pub written: Vec<PathBuf>,
    /// How many files already had the wanted contents.
    pub unchanged: usize,
    /// Stale files removed (relative paths).
    pub removed: Vec<PathBuf>,
    /// Other files in the output folder that the generator neither writes nor removes (relative
    /// paths): anything outside `src/`, or in `src/` but not Rust. Left alone, but a folder that
    /// has them is not what the generator makes (outside a top-level `target/`).
    pub unknown: Vec<PathBuf>,
}

impl WriteReport {
    /// Whether the folder already held exactly the generated files.
    pub fn is_clean(&self) -> bool {
        self.written.is_empty() && self.removed.is_empty() && self.unknown.is_empty()
    }
}

/// Makes `out_dir` hold exactly `files` (plus anything outside `src/**/*.rs` that is not ours,
/// which is reported in [`WriteReport::unknown`]).
pub fn write_files(
    out_dir: &Path,
    files: &[GeneratedFile],
    mode: WriteMode,
) -> io::Result<WriteReport> {
    write_files_with_hook(out_dir, files, mode, &mut |_| Ok(()))
}

/// [`write_files`] for a folder where the files `kept` are already as they should be (the record
/// of incremental regeneration vouches for their contents): they are neither compared nor
/// removed, and count as unchanged.
pub fn write_files_keeping(
    out_dir: &Path,
    files: &[GeneratedFile],
    kept: &[PathBuf],
    mode: WriteMode,
) -> io::Result<WriteReport> {
    write(out_dir, files, kept, mode, &mut |_| Ok(()))
}

/// [`write_files`], calling `before_rename` with each changed file's path after its new contents
/// are in a temporary file and before that file is renamed over it. An error from the hook stops
/// the run at that point, as a full disk or a killed process would: this is how tests check what
/// an interrupted run leaves behind (every file old or new, no stale file removed yet).
pub fn write_files_with_hook(
    out_dir: &Path,
    files: &[GeneratedFile],
    mode: WriteMode,
    before_rename: &mut dyn FnMut(&Path) -> io::Result<()>,
) -> io::Result<WriteReport> {
    write(out_dir, files, &[], mode, before_rename)
}

fn write(
    out_dir: &Path,
    files: &[GeneratedFile],
    kept: &[PathBuf],
    mode: WriteMode,
    before_rename: &mut dyn FnMut(&Path) -> io::Result<()>,
) -> io::Result<WriteReport> {
    let mut report = WriteReport {
        unchanged: kept.len(),
        ..WriteReport::default()
    };
    let mut changed = Vec::new();
    for file in files {
        let path = out_dir.join(&file.path);
        match fs::read(&path) {
            Ok(existing) if existing == file.contents.as_bytes() => report.unchanged += 1,
            Ok(_) => changed.push(file),
            Err(error) if error.kind() == io::ErrorKind::NotFound => changed.push(file),
            Err(error) => return Err(with_path(error, &path)),
        }
    }
    let wanted: HashSet<&Path> = (files.iter().map(|file| file.path.as_path()))
        .chain(kept.iter().map(PathBuf::as_path))
        .collect();
    let (stale, unknown) = other_files(out_dir, &wanted)?;
    report.written = changed.iter().map(|file| file.path.clone()).collect();
    report.removed = stale;
    report.unknown = unknown;
    if mode == WriteMode::Check {
        return Ok(report);
    }
    // New contents go to temporary files first (in parallel); only when all are written is each
    // renamed over its file, so a failure before that point leaves every file as it was.
    let temporaries: Vec<io::Result<PathBuf>> = changed
        .par_iter()
        .map(|file| write_temporary(&out_dir.join(&file.path), file.contents.as_bytes()))
        .collect();
    let mut pending: Vec<(PathBuf, PathBuf)> = Vec::with_capacity(changed.len());
    let mut first_error = None;
    for (file, temporary) in changed.iter().zip(temporaries) {
        match temporary {
            Ok(temporary) => pending.push((temporary, out_dir.join(&file.path))),
            Err(error) => {
                first_error.get_or_insert(error);
            }
        }
    }
    if let Some(error) = first_error {
        remove_temporaries(&pending);
        return Err(error);
    }
    for (index, (temporary, path)) in pending.iter().enumerate() {
        let renamed = before_rename(path).and_then(|()| fs::rename(temporary, path));
        if let Err(error) = renamed {
            remove_temporaries(&pending[index..]);
            return Err(with_path(error, path));
        }
    }
    for path in &report.removed {
        let path = out_dir.join(path);
        fs::remove_file(&path).map_err(|error| with_path(error, &path))?;
    }
    Ok(report)
}

/// The files of `out_dir` that are not among the wanted ones: the stale ones (`src/**/*.rs`, and
/// temporary files (`.*.tmp`) that an interrupted run left in `src/`), which writing removes, and
/// the unknown ones (everything else but a top-level `target/`), which it leaves alone.
pub(crate) fn other_files(
    out_dir: &Path,
    wanted: &HashSet<&Path>,
) -> io::Result<(Vec<PathBuf>, Vec<PathBuf>)> {
    let mut stale = Vec::new();
    let mut unknown = Vec::new();
    let mut folders = vec![PathBuf::new()];
    while let Some(folder) = folders.pop() {
        let entries = match fs::read_dir(out_dir.join(&folder)) {
            Ok(entries) => entries,
            Err(error) if error.kind() == io::ErrorKind::NotFound => continue,
            Err(error) => return Err(with_path(error, &out_dir.join(&folder))),
        };
        for entry in entries {
            let entry = entry?;
            let relative = folder.join(entry.file_name());
            if entry.file_type()?.is_dir() {
                if relative != Path::new("target") {
                    folders.push(relative);
                }
            } else if !wanted.contains(relative.as_path()) {
                let ours = is_rust(&relative) || is_temporary(&relative);
                if relative.starts_with("src") && ours {
                    stale.push(relative);
                } else {
                    unknown.push(relative);
                }
            }
        }
    }
    stale.sort();
    unknown.sort();
    Ok((stale, unknown))
}

fn is_rust(path: &Path) -> bool {
    path.extension().is_some_and(|extension| extension == "rs")
}

/// A temporary file of [`write_temporary`]: `.<name>.<pid>.tmp`.
fn is_temporary(path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|name| name.to_string_lossy())
        .unwrap_or_default();
    name.starts_with('.') && name.ends_with(".tmp")
}

/// Writes `contents` to a temporary file beside `path`, then renames it over `path`.
pub fn write_atomically(path: &Path, contents: &[u8]) -> io::Result<()> {
    let temporary = write_temporary(path, contents)?;
    fs::rename(&temporary, path).map_err(|error| {
        let _ = fs::remove_file(&temporary);
        with_path(error, path)
    })
}

/// Writes `contents` to a new temporary file in `path`'s folder and returns the temporary's path.
/// (No fsync: the rename makes the replacement atomic for readers and for an interrupted run;
/// durability across a power cut is not asked of a code generator, and 6,000 fsyncs cost seconds.)
fn write_temporary(path: &Path, contents: &[u8]) -> io::Result<PathBuf> {
    let folder = path.parent().unwrap_or(Path::new("."));
    fs::create_dir_all(folder).map_err(|error| with_path(error, folder))?;
    let file_name = path
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temporary = folder.join(format!(".{file_name}.{}.tmp", std::process::id()));
    fs::write(&temporary, contents).map_err(|error| {
        let _ = fs::remove_file(&temporary);
        with_path(error, path)
    })?;
    Ok(temporary)
}

fn remove_temporaries(pending: &[(PathBuf, PathBuf)]) {
    for (temporary, _) in pending {
        let _ = fs::remove_file(temporary);
    }
}

fn with_path(error: io::Error, path: &Path) -> io::Error {
    io::Error::new(error.kind(), format!("{}: {error}", path.display()))
}

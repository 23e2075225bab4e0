//! Where the tasks find their inputs: the project root (wherever they are run from), the shipped
//! spec, and the real corpora beside the project in `../shared/corpus`.
//!
//! A corpus that is not on the machine is skipped, and the skip is said in the task's summary
//! line; in CI (`CI=true`) it is an error instead, so that a run that checked nothing cannot pass.

use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

/// The workspace root: the folder above this crate's manifest.
pub fn project_root() -> PathBuf {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    manifest.parent().unwrap_or(manifest).to_owned()
}

/// The folder of the shared corpora.
pub fn corpus_root() -> PathBuf {
    project_root().join("../shared/corpus")
}

/// Whether this is a CI run (`CI` set to anything but `false` or `0`, as CI services set it).
pub fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|value| !value.is_empty() && value != "false" && value != "0")
}

/// The docs folders a task runs on, and the ones it skipped (absent), for its summary line.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Corpora {
    /// The folders to run on.
    pub folders: Vec<PathBuf>,
    /// What was skipped and why, one entry each.
    pub skipped: Vec<String>,
}

impl Corpora {
    /// `; SKIPPED: ...` for a summary line, or nothing.
    pub fn skipped_note(&self) -> String {
        if self.skipped.is_empty() {
            String::new()
        } else {
            format!("; SKIPPED: {}", self.skipped.join(", "))
        }
    }
}

/// The folders to use: the `given` ones, or `defaults` followed by every folder of `corpus_root`
/// that holds Markdown pages (a folder of folders, such as one per client language, is not a
/// docs folder: name its subfolders). An absent folder is skipped, or with `ci`, an error.
pub fn corpus_folders(
    given: &[PathBuf],
    defaults: &[PathBuf],
    corpus_root: &Path,
    ci: bool,
) -> Result<Corpora> {
    let mut corpora = Corpora::default();
    let wanted: Vec<PathBuf> = if given.is_empty() {
        let mut wanted = defaults.to_vec();
        if corpus_root.is_dir() {
            let mut found: Vec<PathBuf> = fs::read_dir(corpus_root)
                .with_context(|| format!("reading {}", corpus_root.display()))?
                .filter_map(Result::ok)
                .map(|entry| entry.path())
                .filter(|path| has_pages(path))
                .collect();
            found.sort();
            wanted.extend(found);
        } else {
            corpora
                .skipped
                .push(format!("{} is absent", corpus_root.display()));
        }
        wanted
    } else {
        given.to_vec()
    };
    for folder in wanted {
        if folder.is_dir() {
            corpora.folders.push(folder);
        } else {
            corpora
                .skipped
                .push(format!("{} is absent", folder.display()));
        }
    }
    if ci && !corpora.skipped.is_empty() {
        bail!(
            "{} (CI is set: every corpus must be there)",
            corpora.skipped.join(", ")
        );
    }
    Ok(corpora)
}

/// The docs folders of a corpus task: the given ones, or (with `with_spec`, the shipped `spec/`
/// and) every docs folder of the shared corpora; in CI an absent one is an error.
pub fn task_folders(given: &[PathBuf], with_spec: bool) -> Result<Corpora> {
    let defaults = if with_spec {
        vec![project_root().join("spec")]
    } else {
        Vec::new()
    };
    corpus_folders(given, &defaults, &corpus_root(), in_ci())
}

/// Whether `folder` directly holds a Markdown page.
fn has_pages(folder: &Path) -> bool {
    fs::read_dir(folder).is_ok_and(|entries| {
        entries.filter_map(Result::ok).any(|entry| {
            entry
                .path()
                .extension()
                .is_some_and(|extension| extension == "md")
        })
    })
}

/// The folder's name, for reports and work folders.
pub fn folder_name(folder: &Path) -> String {
    let folder = std::path::absolute(folder).unwrap_or_else(|_| folder.to_owned());
    folder.file_name().map_or_else(
        || "corpus".to_owned(),
        |name| name.to_string_lossy().into_owned(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_root_is_found_from_anywhere() {
        // The tasks once used `../shared/corpus` and `target/` relative to the working folder:
        // run from a subfolder they found no corpus and passed having checked nothing.
        let root = project_root();
        assert!(root.is_absolute());
        assert!(root.join("Cargo.toml").is_file() && root.join("spec").is_dir());
        assert!(corpus_root().is_absolute());
    }

    #[test]
    fn an_absent_corpus_is_skipped_visibly_or_fails_in_ci() {
        let absent = project_root().join("no-such-corpus");
        let spec = project_root().join("spec");
        let corpora = corpus_folders(&[], std::slice::from_ref(&spec), &absent, false).unwrap();
        assert_eq!(corpora.folders, std::slice::from_ref(&spec));
        assert_eq!(
            corpora.skipped_note(),
            format!("; SKIPPED: {} is absent", absent.display())
        );
        let error = corpus_folders(&[], &[spec], &absent, true).unwrap_err();
        assert!(error.to_string().contains("CI is set"), "{error}");
        assert!(corpus_folders(std::slice::from_ref(&absent), &[], &absent, true).is_err());
    }

    #[test]
    fn the_default_set_is_the_spec_and_the_docs_folders_of_the_corpus_root() {
        let root = std::env::temp_dir().join(format!("xtask-corpora-{}", std::process::id()));
        for folder in ["a", "b/python", "c"] {
            fs::create_dir_all(root.join(folder)).unwrap();
        }
        fs::write(root.join("a/Page.md"), "").unwrap();
        fs::write(root.join("b/python/Page.md"), "").unwrap();
        fs::write(root.join("b/openapi.json"), "{}").unwrap();
        let spec = project_root().join("spec");
        let corpora = corpus_folders(&[], std::slice::from_ref(&spec), &root, true).unwrap();
        fs::remove_dir_all(&root).unwrap();
        assert_eq!(corpora.folders, [spec, root.join("a")]);
        assert!(corpora.skipped.is_empty());
    }
}

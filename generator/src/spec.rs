//! Read: the Markdown pages of a spec folder, and parsing them all.

use std::fs;
use std::path::Path;

use rayon::prelude::*;

use crate::diagnostic::{Diagnostic, FileId, Sources};
use crate::parse::{ModelPage, PageOutcome, parse_page};

/// Reads every `*.md` file of `dir` (not recursively), sorted by name, into `sources`.
pub fn read_pages(
    dir: &Path,
    sources: &mut Sources,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<FileId> {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(error) => {
            diagnostics.push(Diagnostic::global_error(format!(
                "cannot read the spec folder {}: {error}",
                dir.display()
            )));
            return Vec::new();
        }
    };
    let mut paths: Vec<_> = entries
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| {
            path.extension().is_some_and(|extension| extension == "md") && path.is_file()
        })
        .collect();
    paths.sort();
    if paths.is_empty() {
        diagnostics.push(Diagnostic::global_error(format!(
            "the spec folder {} has no Markdown pages",
            dir.display()
        )));
    }
    let contents: Vec<_> = paths.par_iter().map(fs::read).collect();
    let mut pages = Vec::with_capacity(paths.len());
    for (path, content) in paths.into_iter().zip(contents) {
        match content {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(text) => pages.push(sources.add(path, text)),
                Err(error) => {
                    let at = error.utf8_error().valid_up_to();
                    let text = String::from_utf8_lossy(error.as_bytes()).into_owned();
                    let file = sources.add(path, text);
                    diagnostics.push(
                        Diagnostic::error(file, at..at + 1, "the page is not UTF-8")
                            .with_label("invalid byte here"),
                    );
                }
            },
            Err(error) => diagnostics.push(Diagnostic::global_error(format!(
                "cannot read {}: {error}",
                path.display()
            ))),
        }
    }
    pages
}

/// Parses the pages in parallel; returns the model pages in page order and how many pages were
/// skipped as not being model pages.
pub fn parse_pages(
    pages: &[FileId],
    sources: &Sources,
    diagnostics: &mut Vec<Diagnostic>,
) -> (Vec<ModelPage>, usize) {
    let outcomes: Vec<(PageOutcome, Vec<Diagnostic>)> = pages
        .par_iter()
        .map(|&file| {
            let mut page_diagnostics = Vec::new();
            let outcome = parse_page(file, &sources.get(file).text, &mut page_diagnostics);
            (outcome, page_diagnostics)
        })
        .collect();
    let mut models = Vec::new();
    let mut skipped = 0;
    for (outcome, page_diagnostics) in outcomes {
        diagnostics.extend(page_diagnostics);
        match outcome {
            PageOutcome::Model(page) => models.push(page),
            PageOutcome::NotAModel => skipped += 1,
        }
    }
    (models, skipped)
}

/// A crate name for a folder without `[package]` in its config: `<folder>-models`.
pub fn default_crate_name(dir: &Path) -> String {
    let folder = dir.canonicalize().ok().and_then(|dir| {
        dir.file_name()
            .map(|name| name.to_string_lossy().into_owned())
    });
    let folder = folder.unwrap_or_else(|| "spec".to_owned());
    let mut name: String = folder
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    if !name.starts_with(|c: char| c.is_ascii_alphabetic()) {
        name.insert_str(0, "spec-");
    }
    format!("{}-models", name.trim_end_matches('-'))
}

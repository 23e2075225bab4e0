//! Read: the Markdown pages of a spec folder, and parsing them all.

use std::fs;
use std::path::Path;

use rayon::prelude::*;

use crate::config::Located;
use crate::diagnostic::{Diagnostic, FileId, Sources};
use crate::parse::{
    Dialect, ModelPage, OperationPage, PageOutcome, apply_folder_conventions, folder_dialect,
    looks_like_operations, parse_operations, parse_page,
};

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

/// The parsed pages of a spec folder.
pub struct ParsedPages {
    /// The folder's dialect (forced by the config, or detected).
    pub dialect: Dialect,
    /// Model pages, in page order, with the dialect's conventions applied.
    pub models: Vec<ModelPage>,
    /// Operation pages, in page order.
    pub operations: Vec<OperationPage>,
    /// How many pages are not model pages (operation pages included).
    pub skipped: usize,
}

/// Parses the pages in parallel: model pages, and operation pages among the others; then finds
/// the folder's dialect (`forced`: the config's) and applies its conventions to the model pages.
pub fn parse_pages(
    pages: &[FileId],
    sources: &Sources,
    forced: Option<&Located<Dialect>>,
    diagnostics: &mut Vec<Diagnostic>,
) -> ParsedPages {
    let outcomes: Vec<(PageOutcome, Option<OperationPage>, Vec<Diagnostic>)> = pages
        .par_iter()
        .map(|&file| {
            let mut page_diagnostics = Vec::new();
            let source = sources.get(file);
            let outcome = parse_page(file, &source.text, &mut page_diagnostics);
            let operations = match outcome {
                PageOutcome::NotAModel if looks_like_operations(&source.text) => {
                    let stem = source.path.file_stem().map(|stem| stem.to_string_lossy());
                    parse_operations(
                        file,
                        &source.text,
                        stem.as_deref().unwrap_or("api"),
                        &mut page_diagnostics,
                    )
                }
                _ => None,
            };
            (outcome, operations, page_diagnostics)
        })
        .collect();
    let mut parsed = ParsedPages {
        dialect: Dialect::default(),
        models: Vec::new(),
        operations: Vec::new(),
        skipped: 0,
    };
    for (outcome, operations, page_diagnostics) in outcomes {
        diagnostics.extend(page_diagnostics);
        match outcome {
            PageOutcome::Model(page) => parsed.models.push(*page),
            PageOutcome::NotAModel => parsed.skipped += 1,
        }
        parsed.operations.extend(operations);
    }
    let forced = forced.map(|dialect| (dialect.value, dialect.file, dialect.span.clone()));
    parsed.dialect = folder_dialect(&parsed.models, forced, sources, diagnostics);
    apply_folder_conventions(&mut parsed.models, parsed.dialect);
    parsed
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

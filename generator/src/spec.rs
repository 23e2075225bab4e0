//! Read: the Markdown pages of a spec folder, and parsing them all.

use std::fs;
use std::path::Path;

use rayon::prelude::*;

use crate::config::{Config, Located};
use crate::diagnostic::{
    Diagnostic, FileId, OPERATION_LEFT_OUT, Severity, Source, Sources, UnreadFile,
};
use crate::page_cache::{PageCache, PageEntry, ParsedPage};
use crate::parse::{
    Dialect, ModelPage, OperationPage, OtherFolder, PageOutcome, apply_folder_conventions,
    apply_operation_conventions, folder_dialect, inherit_all_of_members, looks_like_operations,
    name_pages_titled_as_types, name_the_type_syntax, parse_operations, parse_page,
    parse_schema_sections_page, restore_escaped_titles, restore_model_names,
    take_from_other_folders,
};

/// The subfolders some templates split their docs into (C#'s 6.x and later `docs/models` and
/// `docs/apis`, PHP's `docs/Model` and `docs/Api`), read as part of the folder.
const TEMPLATE_SUBFOLDERS: [&str; 6] = ["models", "Model", "Models", "apis", "Api", "Apis"];

/// Reads every page of `dir` and of its [`TEMPLATE_SUBFOLDERS`] (not recursively otherwise: see
/// [`kind_of`]), sorted by path, into `sources`, and records the other files there except
/// leftovers, for diagnostics.
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
    let mut files: Vec<_> = entries
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .collect();
    // The subfolders as the folder lists them: one entry each on a case-insensitive file system.
    let subfolders: Vec<_> = (files.iter())
        .filter(|path| path.is_dir())
        .filter(|path| {
            path.file_name()
                .is_some_and(|name| TEMPLATE_SUBFOLDERS.iter().any(|known| name == *known))
        })
        .filter_map(|path| fs::read_dir(path).ok())
        .collect();
    files.extend(
        (subfolders.into_iter().flatten())
            .filter_map(Result::ok)
            .map(|entry| entry.path()),
    );
    files.retain(|path| path.is_file());
    files.sort();
    let mut paths = Vec::with_capacity(files.len());
    for path in files {
        let name = path
            .file_name()
            .map(|name| name.to_string_lossy().into_owned())
            .unwrap_or_default();
        match kind_of(&name) {
            FileKind::Page => paths.push(path),
            FileKind::Leftover => {}
            FileKind::NotRead(why) => sources.add_unread(UnreadFile {
                looks_like: looks_like(&name).to_owned(),
                path,
                why,
            }),
        }
    }
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
            Ok(bytes) => match sources.add_read(path, bytes) {
                (file, None) => pages.push(file),
                (file, Some(at)) => diagnostics.push(
                    Diagnostic::error(file, at..at + 1, "the page is not UTF-8")
                        .with_label("invalid byte here"),
                ),
            },
            Err(error) => diagnostics.push(Diagnostic::global_error(format!(
                "cannot read {}: {error}",
                path.display()
            ))),
        }
    }
    pages
}

/// What a file of a spec folder is to the reader.
#[derive(Debug, PartialEq, Eq)]
enum FileKind {
    /// A page: a file named `*.md`, the extension in any case (`.MD` comes from case-insensitive
    /// file systems), that is not hidden.
    Page,
    /// What editors and operating systems leave beside the files: skipped without a word.
    Leftover,
    /// Any other file: not read, and named in a diagnostic when a model no page defines has its
    /// name (for this reason).
    NotRead(&'static str),
}

/// The kind of the file named `name`.
fn kind_of(name: &str) -> FileKind {
    let extension = name.rsplit_once('.').map(|(_, extension)| extension);
    let leftover = name.ends_with('~') // backups: Emacs, vim, gedit
        || name.starts_with(".#") // Emacs lock files
        || (name.len() > 1 && name.starts_with('#') && name.ends_with('#')) // Emacs auto-saves
        || name.starts_with("._") // macOS resource forks on other file systems
        || matches!(extension, Some("swp" | "swo" | "swx")) // vim swap files
        || [".DS_Store", "Thumbs.db", "desktop.ini", ".directory"] // folder views' state
            .iter()
            .any(|state| name.eq_ignore_ascii_case(state));
    if leftover {
        FileKind::Leftover
    } else if name.starts_with('.') {
        FileKind::NotRead("hidden files (names starting with `.`) are not pages")
    } else if extension.is_some_and(|extension| extension.eq_ignore_ascii_case("md")) {
        FileKind::Page
    } else {
        FileKind::NotRead("pages are files named `*.md`")
    }
}

/// The model name a file's name suggests: without leading dots, up to the next dot.
fn looks_like(name: &str) -> &str {
    let name = name.trim_start_matches('.');
    name.split('.').next().unwrap_or(name)
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
    /// Each page's key in the parse cache, and its entry when it was parsed (not taken from the
    /// cache); empty when there is no cache.
    pub cache_entries: Vec<PageEntry>,
}

/// Parses the pages in parallel: model pages, and operation pages among the others unless
/// `models_only`; then finds the folder's dialect (`forced`: the config's) and applies its
/// conventions to the model pages.
pub fn parse_pages(
    pages: &[FileId],
    sources: &Sources,
    forced: Option<&Located<Dialect>>,
    models_only: bool,
    cache: Option<&PageCache>,
    diagnostics: &mut Vec<Diagnostic>,
) -> ParsedPages {
    let first_diagnostic = diagnostics.len();
    let read: Vec<(ParsedPage, Option<PageEntry>)> = pages
        .par_iter()
        .map(|&file| {
            let source = sources.get(file);
            let Some(cache) = cache else {
                return (parse_one(file, source, models_only), None);
            };
            let key = PageCache::key(file, source, models_only);
            match cache.get(key) {
                Some(page) => (page, Some((key, None))),
                None => {
                    let page = parse_one(file, source, models_only);
                    let entry = PageCache::encode(&page);
                    (page, Some((key, Some(entry))))
                }
            }
        })
        .collect();
    let (outcomes, cache_entries): (Vec<ParsedPage>, Vec<Option<PageEntry>>) =
        read.into_iter().unzip();
    let mut parsed = ParsedPages {
        dialect: Dialect::default(),
        models: Vec::new(),
        operations: Vec::new(),
        skipped: 0,
        cache_entries: cache_entries.into_iter().flatten().collect(),
    };
    let mut operations = Vec::new();
    for page in outcomes {
        let ParsedPage {
            outcome,
            operations: page_operations,
            page_diagnostics,
            operation_diagnostics,
        } = page;
        diagnostics.extend(page_diagnostics);
        match outcome {
            PageOutcome::Model(page) => parsed.models.push(*page),
            PageOutcome::Models(pages) => parsed.models.extend(pages),
            PageOutcome::NotAModel => parsed.skipped += 1,
        }
        operations.push((page_operations, operation_diagnostics));
    }
    let forced = forced.map(|dialect| (dialect.value, dialect.file, dialect.span.clone()));
    parsed.dialect = folder_dialect(&parsed.models, forced, sources, diagnostics);
    // Operation pages of a template the reader does not know are skipped like any page
    // without a model.
    if parsed.dialect.reads_operations() {
        for (page_operations, operation_diagnostics) in operations {
            let best_effort = page_operations
                .as_ref()
                .is_some_and(|page| page.best_effort);
            diagnostics.extend(operation_diagnostics.into_iter().map(|diagnostic| {
                if best_effort {
                    diagnostic.into_warning(OPERATION_LEFT_OUT)
                } else {
                    diagnostic
                }
            }));
            parsed.operations.extend(page_operations);
        }
    }
    restore_model_names(&mut parsed.models, parsed.dialect);
    restore_escaped_titles(&mut parsed.models, sources);
    inherit_all_of_members(&mut parsed.models, diagnostics);
    apply_folder_conventions(&mut parsed.models, parsed.dialect);
    name_pages_titled_as_types(&mut parsed.models, sources);
    apply_operation_conventions(&mut parsed.operations, &parsed.models, parsed.dialect);
    name_the_type_syntax(&mut diagnostics[first_diagnostic..], parsed.dialect);
    parsed
}

/// Reads one page: as a model page (or a page of several), and its operations unless
/// `models_only` or it has a model.
fn parse_one(file: FileId, source: &Source, models_only: bool) -> ParsedPage {
    let mut page_diagnostics = Vec::new();
    let mut operation_diagnostics = Vec::new();
    let outcome = parse_schema_sections_page(file, &source.text, &mut page_diagnostics)
        .unwrap_or_else(|| parse_page(file, &source.text, &mut page_diagnostics));
    let operations = match outcome {
        PageOutcome::NotAModel if !models_only && looks_like_operations(&source.text) => {
            let stem = source.path.file_stem().map(|stem| stem.to_string_lossy());
            parse_operations(
                file,
                &source.text,
                stem.as_deref().unwrap_or("api"),
                &mut operation_diagnostics,
            )
        }
        _ => None,
    };
    ParsedPage {
        outcome,
        operations,
        page_diagnostics,
        operation_diagnostics,
    }
}

/// Reads the other docs folders of the same API that `[sources] also` names (relative to
/// `spec_dir`; the primary folder itself is skipped) and takes from their model pages what the
/// primary `models` cannot show. A folder that cannot be read is an error at its entry; what
/// its pages' reader reports is a warning (the pages are read for what they can give), and its
/// warnings are left out.
pub fn take_from_also_folders(
    spec_dir: &Path,
    config: &Config,
    models: &mut [ModelPage],
    sources: &mut Sources,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let primary = spec_dir.canonicalize().ok();
    let mut parsed = Vec::new();
    for folder in &config.also {
        let dir = spec_dir.join(&folder.value);
        if !dir.is_dir() {
            diagnostics.push(
                Diagnostic::error(
                    folder.file,
                    folder.span.clone(),
                    format!("no docs folder at {}", dir.display()),
                )
                .with_label("a folder of `[sources] also`, relative to the docs folder"),
            );
            continue;
        }
        if dir.canonicalize().ok() == primary {
            continue;
        }
        let mut found = Vec::new();
        let pages = read_pages(&dir, sources, &mut found);
        let pages = parse_pages(&pages, sources, None, true, None, &mut found);
        diagnostics.extend(
            found
                .into_iter()
                .filter(Diagnostic::is_error)
                .map(|mut error| {
                    error.severity = Severity::Warning;
                    error.notes.push(format!(
                "in `{}`, a folder of `[sources] also`: only what its pages can give is taken",
                folder.value
            ));
                    error
                }),
        );
        parsed.push((folder.value.as_str(), pages.models));
    }
    let others: Vec<OtherFolder<'_>> = parsed
        .iter()
        .map(|(name, pages)| OtherFolder {
            name,
            pages,
            file_names: pages
                .iter()
                .map(|page| {
                    let path = &sources.get(page.file).path;
                    let file_name = path.file_name().unwrap_or(path.as_os_str());
                    (page.file, file_name.to_string_lossy().into_owned())
                })
                .collect(),
        })
        .collect();
    take_from_other_folders(models, &others, config.wire_case, diagnostics);
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

#[cfg(test)]
mod tests {
    use std::fs;

    use super::{FileKind, kind_of, looks_like, read_pages};
    use crate::diagnostic::Sources;

    #[test]
    fn a_folder_split_into_models_and_apis_is_read_whole() {
        let dir = tempfile::tempdir().unwrap();
        for (folder, page) in [
            ("models", "Pet.md"),
            ("apis", "PetApi.md"),
            ("other", "X.md"),
        ] {
            fs::create_dir(dir.path().join(folder)).unwrap();
            fs::write(dir.path().join(folder).join(page), "# Page\n").unwrap();
        }
        fs::write(dir.path().join("Tag.md"), "# Tag\n").unwrap();
        let mut sources = Sources::default();
        let mut diagnostics = Vec::new();
        let pages = read_pages(dir.path(), &mut sources, &mut diagnostics);
        assert!(diagnostics.is_empty());
        let mut names: Vec<String> = (pages.iter())
            .map(|&file| {
                let path = &sources.get(file).path;
                path.strip_prefix(dir.path()).unwrap().display().to_string()
            })
            .collect();
        names.sort();
        assert_eq!(names, ["Tag.md", "apis/PetApi.md", "models/Pet.md"]);
    }

    #[test]
    fn which_files_are_pages() {
        for page in [
            "Pet.md",
            "Pet.MD",
            "Pet.Md",
            "pet.mD",
            "index.md",
            "Pet.v2.md",
        ] {
            assert_eq!(kind_of(page), FileKind::Page, "{page}");
        }
        for leftover in [
            "Pet.md~",
            "#Pet.md#",
            ".#Pet.md",
            "._Pet.md",
            ".Pet.md.swp",
            ".Pet.md.swo",
            ".DS_Store",
            "Thumbs.db",
            "desktop.ini",
        ] {
            assert_eq!(kind_of(leftover), FileKind::Leftover, "{leftover}");
        }
        for unread in [
            "Pet.markdown",
            "Pet.txt",
            "Pet",
            ".Pet.md",
            "codegen.toml",
            "#",
        ] {
            assert!(matches!(kind_of(unread), FileKind::NotRead(_)), "{unread}");
        }
    }

    #[test]
    fn the_model_name_a_file_name_suggests() {
        assert_eq!(looks_like("Pet.markdown"), "Pet");
        assert_eq!(looks_like(".Pet.md"), "Pet");
        assert_eq!(looks_like("Pet"), "Pet");
        assert_eq!(looks_like("pet.md.txt"), "pet");
    }
}

//! Importing what the Markdown pages cannot say from the SDK's Python model modules: each JSON
//! name that the naming rule does not derive, and each enumerated field's values.
//!
//! [`import_wire_names`] reads every `*.py` module of a folder ([`python`]), matches each model
//! class with the spec's model of the same name and each attribute with the page's field of the
//! same doc name, and writes into `codegen.toml` only what the rule gets wrong: a `wire_name` where
//! the attribute map's JSON name differs from what the naming rule derives (lowerCamelCase), and
//! an `enum` for each field whose setter checks `allowed_values`.
//!
//! The file is edited in place (comments, formatting and every other key are kept). A value already
//! in the file wins: when it differs from the SDK's, it is kept and the conflict is reported with
//! both values (delete the entry and run again to take the SDK's). So a second run changes nothing.
//! The edited file is checked with the rest of the spec before it is written; when that fails,
//! nothing is written.

pub mod python;
pub mod python_api;

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use toml_edit::{Array, DocumentMut, Item, Table, Value};

use crate::config::{Config, FieldOverride, Located, ParameterOverride, ParameterPlace};
use crate::diagnostic::{BYTE_ORDER_MARK, Diagnostic, FileId, Sources, decode};
use crate::model::{
    BaseType, Field, Model, Operation, OperationGroup, ParameterLocation, Primitive, TypeModel,
    build_model, is_json_media_type,
};
use crate::parse::python_api_name;
use crate::{Failure, naming, output, spec};
use python::{ModuleOutcome, PythonField, PythonModel, read_module};
use python_api::{PythonApi, PythonParameter, read_api_module};

/// What to import from where.
#[derive(Debug, Clone)]
pub struct ImportOptions {
    /// The folder of Markdown pages: only its models and fields are imported.
    pub spec_dir: PathBuf,
    /// The folder of Python model modules (`*.py`, not recursive).
    pub python_dir: PathBuf,
    /// The folder of Python API modules (`apis/*.py`), whose operations give the query and path
    /// parameters' wire names; `None` imports none.
    pub python_apis: Option<PathBuf>,
    /// The config file to edit; `None` means `<spec_dir>/codegen.toml`. Created when absent.
    pub config: Option<PathBuf>,
}

/// The counts of one import.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct ImportCounts {
    /// `*.py` files found.
    pub modules: usize,
    /// Modules read as model modules.
    pub models_read: usize,
    /// Modules without a class (`__init__.py`): skipped.
    pub not_models: usize,
    /// Modules that could not be read: reported and skipped.
    pub unreadable: usize,
    /// Model modules for a model the spec does not define, or a second module for one: skipped.
    pub unknown_models: usize,
    /// Fields read from the modules of the spec's models.
    pub fields: usize,
    /// Fields that the model's page does not have: reported and skipped.
    pub unknown_fields: usize,
    /// Fields whose JSON name the naming rule does not derive.
    pub wire_names: usize,
    /// Of which, `wire_name` entries written.
    pub wire_names_written: usize,
    /// Of which, not imported because another field of the model has that JSON name.
    pub wire_names_clashing: usize,
    /// Enumerated fields.
    pub enums: usize,
    /// Of which, `enum` entries written.
    pub enums_written: usize,
    /// Of which, skipped because the field is not a `str` (or a list or dict of `str`).
    pub enums_not_str: usize,
    /// Entries already in the config with the SDK's value.
    pub unchanged: usize,
    /// Entries in the config that differ from the SDK's value: kept, and reported.
    pub conflicts: usize,
    /// API modules read (with at least one operation).
    pub apis_read: usize,
    /// Operations read from the API modules of the spec's groups.
    pub operations: usize,
    /// Operations (or whole API classes) the spec does not have: skipped.
    pub unknown_operations: usize,
    /// Path, query and header parameters read from those operations.
    pub parameters: usize,
    /// Of which, not on the operation's page, or in the path on one side only: reported, skipped.
    pub unmatched_parameters: usize,
    /// Parameters whose wire name the page does not give (the rule's, or the path's placeholder).
    pub parameter_wire_names: usize,
    /// Of which, `wire_name` entries written.
    pub parameter_wire_names_written: usize,
    /// Header parameters read (counted in `parameters` too).
    pub header_parameters: usize,
    /// Parameters the SDK sends elsewhere than the pages' rule puts them (a header read as a
    /// query parameter, or the other way round).
    pub parameter_places: usize,
    /// Of which, `place` entries written.
    pub parameter_places_written: usize,
    /// Operations whose success is not JSON (the SDK accepts no JSON media type).
    pub accept_types: usize,
    /// Of which, `accept` entries written.
    pub accept_types_written: usize,
}

impl fmt::Display for ImportCounts {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "modules: {} found, {} read, {} not models, {} unreadable (skipped), {} for models the spec lacks (skipped); \
             fields: {} read, {} not on the page (skipped); \
             wire names: {} differ from the rule, {} written, {} taken by another field (skipped); \
             enums: {} read, {} written, {} on fields that are not str (skipped); \
             {} already present, {} conflict(s) (the config's value kept)",
            self.modules,
            self.models_read,
            self.not_models,
            self.unreadable,
            self.unknown_models,
            self.fields,
            self.unknown_fields,
            self.wire_names,
            self.wire_names_written,
            self.wire_names_clashing,
            self.enums,
            self.enums_written,
            self.enums_not_str,
            self.unchanged,
            self.conflicts,
        )?;
        if self.apis_read > 0 {
            write!(
                f,
                "; API modules: {} read; operations: {} read, {} the spec lacks (skipped); \
                 parameters: {} read ({} headers), {} not matched (skipped), {} wire names the pages do not give, {} written, \
                 {} places the pages' rule gets wrong, {} written; {} non-JSON responses, {} written",
                self.apis_read,
                self.operations,
                self.unknown_operations,
                self.parameters,
                self.header_parameters,
                self.unmatched_parameters,
                self.parameter_wire_names,
                self.parameter_wire_names_written,
                self.parameter_places,
                self.parameter_places_written,
                self.accept_types,
                self.accept_types_written,
            )?;
        }
        Ok(())
    }
}

/// A finished import.
#[derive(Debug)]
pub struct Imported {
    /// The counts.
    pub counts: ImportCounts,
    /// The config file that was edited (or would have been, when nothing changed).
    pub config_path: PathBuf,
    /// Whether the file was written (it is not when it already had every entry).
    pub written: bool,
    /// Warnings: unreadable modules, unknown fields, conflicts.
    pub warnings: Vec<Diagnostic>,
    /// The input files, for rendering the warnings.
    pub sources: Sources,
    /// The type model made with the edited config.
    pub model: TypeModel,
}

/// Reads the Python model modules and writes the overrides the Markdown cannot give into the
/// config. Errors (a page or the config that does not read, a folder that does not exist) write
/// nothing; a module that cannot be read is a warning and is skipped.
pub fn import_wire_names(options: &ImportOptions) -> Result<Imported, Failure> {
    let mut sources = Sources::default();
    let mut diagnostics = Vec::new();
    let config_path = options
        .config
        .clone()
        .unwrap_or_else(|| options.spec_dir.join("codegen.toml"));
    let pages = spec::read_pages(&options.spec_dir, &mut sources, &mut diagnostics);
    let (old_text, marked) = read_config_text(&config_path, &mut diagnostics).unzip();
    let config_file = sources.add(config_path.clone(), old_text.clone().unwrap_or_default());
    let config = Config::parse(
        config_file,
        &sources.get(config_file).text,
        &mut diagnostics,
    );
    let parsed = spec::parse_pages(
        &pages,
        &sources,
        config.dialect.as_ref(),
        false,
        None,
        &mut diagnostics,
    );
    let crate_name = spec::default_crate_name(&options.spec_dir);
    let model = build_model(
        &parsed.models,
        &parsed.operations,
        &config,
        &sources,
        &crate_name,
        &mut diagnostics,
    );
    let modules = read_modules(&options.python_dir, &mut sources, &mut diagnostics);
    let apis = match &options.python_apis {
        Some(dir) => read_apis(dir, &mut sources, &mut diagnostics),
        None => Vec::new(),
    };
    if diagnostics.iter().any(Diagnostic::is_error) {
        return Err(Failure::Input {
            diagnostics,
            sources,
        });
    }

    let Some(mut document) = editable(old_text.as_deref(), config_file, &mut diagnostics) else {
        return Err(Failure::Input {
            diagnostics,
            sources,
        });
    };
    let mut importer = Importer {
        config: &config,
        config_file,
        sources: &sources,
        document: &mut document,
        counts: ImportCounts::default(),
        diagnostics,
    };
    importer.counts.modules = modules.len();
    importer.import(&model, modules);
    importer.import_operations(&model, apis);
    let Importer {
        counts,
        mut diagnostics,
        ..
    } = importer;
    if diagnostics.iter().any(Diagnostic::is_error) {
        return Err(Failure::Input {
            diagnostics,
            sources,
        });
    }

    let new_text = document.to_string();
    if old_text.as_deref() == Some(new_text.as_str()) {
        return Ok(Imported {
            counts,
            config_path,
            written: false,
            warnings: diagnostics,
            sources,
            model,
        });
    }
    // The edited config must still build: an entry the import wrote never makes the spec fail.
    let new_model = match build_with(&config_path, &new_text, &parsed, &crate_name, &mut sources) {
        Ok(model) => model,
        Err(check) => {
            diagnostics.extend(check);
            diagnostics.push(Diagnostic::global_error(format!(
                "the edited {} does not build; it was not written",
                config_path.display()
            )));
            return Err(Failure::Input {
                diagnostics,
                sources,
            });
        }
    };
    let mark = if marked == Some(true) {
        BYTE_ORDER_MARK
    } else {
        ""
    };
    output::write_atomically(&config_path, format!("{mark}{new_text}").as_bytes())
        .map_err(Failure::Io)?;
    Ok(Imported {
        counts,
        config_path,
        written: true,
        warnings: diagnostics,
        sources,
        model: new_model,
    })
}

/// The config's text as a document the import edits, keeping its comments and layout; `None`,
/// reported, when it cannot be read so.
fn editable(
    text: Option<&str>,
    config_file: FileId,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<DocumentMut> {
    match text.unwrap_or_default().parse() {
        Ok(document) => Some(document),
        Err(error) => {
            let span = error.span().unwrap_or(0..0);
            diagnostics.push(
                Diagnostic::error(config_file, span, "the config cannot be edited")
                    .with_label(error.message().to_owned()),
            );
            None
        }
    }
}

/// The type model of the pages with the config `text` (added to `sources` as `path`), or the
/// diagnostics that stop it.
fn build_with(
    path: &Path,
    text: &str,
    parsed: &spec::ParsedPages,
    crate_name: &str,
    sources: &mut Sources,
) -> Result<TypeModel, Vec<Diagnostic>> {
    let mut check = Vec::new();
    let file = sources.add(path.to_owned(), text.to_owned());
    let config = Config::parse(file, text, &mut check);
    let model = build_model(
        &parsed.models,
        &parsed.operations,
        &config,
        sources,
        crate_name,
        &mut check,
    );
    if check.iter().any(Diagnostic::is_error) {
        Err(check)
    } else {
        Ok(model)
    }
}

/// The config's text ([`decode`]d) and whether it starts with a byte-order mark (which the
/// edited file keeps); `None` when the file does not exist yet.
fn read_config_text(path: &Path, diagnostics: &mut Vec<Diagnostic>) -> Option<(String, bool)> {
    match fs::read(path) {
        Ok(bytes) => match (bytes.starts_with(BYTE_ORDER_MARK.as_bytes()), decode(bytes)) {
            (marked, Ok(text)) => Some((text, marked)),
            (_, Err(_)) => {
                diagnostics.push(Diagnostic::global_error(format!(
                    "the config file {} is not UTF-8",
                    path.display()
                )));
                None
            }
        },
        Err(error) if error.kind() == io::ErrorKind::NotFound => None,
        Err(error) => {
            diagnostics.push(Diagnostic::global_error(format!(
                "cannot read {}: {error}",
                path.display()
            )));
            None
        }
    }
}

/// Reads every `*.py` file of `dir` (`what` names the folder in messages), sorted by name, into
/// `sources`: the files that are UTF-8, and how many are not (reported).
fn read_python_files(
    dir: &Path,
    what: &str,
    sources: &mut Sources,
    diagnostics: &mut Vec<Diagnostic>,
) -> (Vec<FileId>, usize) {
    let mut paths: Vec<PathBuf> = match fs::read_dir(dir) {
        Ok(entries) => entries
            .filter_map(Result::ok)
            .map(|entry| entry.path())
            .filter(|path| {
                path.extension().is_some_and(|extension| extension == "py") && path.is_file()
            })
            .collect(),
        Err(error) => {
            diagnostics.push(Diagnostic::global_error(format!(
                "cannot read the Python {what} folder {}: {error}",
                dir.display()
            )));
            return (Vec::new(), 0);
        }
    };
    paths.sort();
    let mut files = Vec::with_capacity(paths.len());
    let mut not_utf8 = 0;
    for path in paths {
        match fs::read(&path) {
            Ok(bytes) => match sources.add_read(path, bytes) {
                (file, None) => files.push(file),
                (file, Some(at)) => {
                    diagnostics.push(
                        Diagnostic::warning(file, at..at + 1, "the module is not UTF-8; skipped")
                            .with_label("invalid byte here"),
                    );
                    not_utf8 += 1;
                }
            },
            Err(error) => {
                diagnostics.push(Diagnostic::global_error(format!(
                    "cannot read {}: {error}",
                    path.display()
                )));
            }
        }
    }
    (files, not_utf8)
}

/// Parses `files` in parallel with `read`, keeping each file's diagnostics in file order.
fn parse_in_parallel<T: Send>(
    files: &[FileId],
    sources: &Sources,
    diagnostics: &mut Vec<Diagnostic>,
    read: impl Fn(FileId, &str, &mut Vec<Diagnostic>) -> T + Sync,
) -> Vec<T> {
    let parsed: Vec<(T, Vec<Diagnostic>)> = files
        .par_iter()
        .map(|&file| {
            let mut module_diagnostics = Vec::new();
            let outcome = read(file, &sources.get(file).text, &mut module_diagnostics);
            (outcome, module_diagnostics)
        })
        .collect();
    parsed
        .into_iter()
        .map(|(outcome, module_diagnostics)| {
            diagnostics.extend(module_diagnostics);
            outcome
        })
        .collect()
}

/// Reads and parses every model module of `dir`.
fn read_modules(
    dir: &Path,
    sources: &mut Sources,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<ModuleOutcome> {
    let (files, not_utf8) = read_python_files(dir, "models", sources, diagnostics);
    let mut outcomes = vec![ModuleOutcome::Unreadable; not_utf8];
    outcomes.extend(parse_in_parallel(&files, sources, diagnostics, read_module));
    outcomes
}

/// Reads and parses every API module of `dir`: the ones with operations.
fn read_apis(
    dir: &Path,
    sources: &mut Sources,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<PythonApi> {
    let (files, _) = read_python_files(dir, "APIs", sources, diagnostics);
    parse_in_parallel(&files, sources, diagnostics, read_api_module)
        .into_iter()
        .flatten()
        .collect()
}

struct Importer<'a> {
    config: &'a Config,
    config_file: FileId,
    sources: &'a Sources,
    document: &'a mut DocumentMut,
    counts: ImportCounts,
    diagnostics: Vec<Diagnostic>,
}

impl Importer<'_> {
    fn import(&mut self, model: &TypeModel, modules: Vec<ModuleOutcome>) {
        let mut by_class: BTreeMap<String, PythonModel> = BTreeMap::new();
        for outcome in modules {
            match outcome {
                ModuleOutcome::NotAModel => self.counts.not_models += 1,
                ModuleOutcome::Unreadable => self.counts.unreadable += 1,
                ModuleOutcome::Model(module) => {
                    self.counts.models_read += 1;
                    if let Some(first) = by_class.get(&module.class_name) {
                        let note = format!(
                            "the first is {}",
                            self.place(first.file, first.class_span.start)
                        );
                        self.diagnostics.push(
                            Diagnostic::warning(
                                module.file,
                                module.class_span.clone(),
                                format!(
                                    "a second module for model `{}`; skipped",
                                    module.class_name
                                ),
                            )
                            .with_note(note),
                        );
                        self.counts.unknown_models += 1;
                    } else {
                        by_class.insert(module.class_name.clone(), module);
                    }
                }
            }
        }
        for (class_name, module) in by_class {
            let Some(spec_model) = model
                .models
                .iter()
                .find(|spec_model| spec_model.name == class_name)
            else {
                self.counts.unknown_models += 1;
                continue;
            };
            let overrides = self.config.models.get(&class_name);
            let taken_wire_names = taken_wire_names(spec_model, &module.fields, |field| {
                overrides
                    .and_then(|model| model.fields.get(field))
                    .is_some_and(|field| field.wire_name.is_some())
            });
            for python_field in &module.fields {
                let Some(field) = spec_model
                    .fields
                    .iter()
                    .find(|field| field.doc_name == python_field.name)
                else {
                    self.counts.unknown_fields += 1;
                    self.diagnostics.push(Diagnostic::warning(
                        module.file,
                        python_field.wire_span.clone(),
                        format!(
                            "`{class_name}` has no field `{}` on its page {}; skipped",
                            python_field.name, spec_model.source
                        ),
                    ));
                    continue;
                };
                self.counts.fields += 1;
                let existing = overrides.and_then(|model| model.fields.get(&field.doc_name));
                match taken_wire_names.get(python_field.name.as_str()) {
                    Some(other) => {
                        self.counts.wire_names_clashing += 1;
                        self.diagnostics.push(Diagnostic::warning(
                            module.file,
                            python_field.wire_span.clone(),
                            format!(
                                "the JSON name `{}` of `{class_name}.{}` is also `{class_name}.{other}`'s; not imported",
                                python_field.wire_name, python_field.name
                            ),
                        ).with_label("taken by another field").with_note("two fields of one model cannot share a JSON name: set the right one's `wire_name` in the config by hand"));
                    }
                    None => self.wire_name(&class_name, &module, python_field, existing),
                }
                self.enum_values(&class_name, &module, python_field, field, existing);
            }
        }
    }

    fn wire_name(
        &mut self,
        model: &str,
        module: &PythonModel,
        python: &PythonField,
        existing: Option<&FieldOverride>,
    ) {
        let derived = naming::wire_name(&python_api_name(&python.name), self.config.wire_case);
        if python.wire_name != derived {
            self.counts.wire_names += 1;
        }
        match existing.and_then(|field| field.wire_name.as_ref()) {
            Some(written) if written.value == python.wire_name => self.counts.unchanged += 1,
            Some(written) => self.wire_name_conflict(
                written,
                format!("`{model}.{}`", python.name),
                &python.wire_name,
                (module.file, python.wire_span.start),
            ),
            None if python.wire_name != derived => {
                if let Some(table) = self.field_table(model, &python.name) {
                    table.insert("wire_name", toml_edit::value(python.wire_name.as_str()));
                    self.counts.wire_names_written += 1;
                }
            }
            None => {}
        }
    }

    fn enum_values(
        &mut self,
        model: &str,
        module: &PythonModel,
        python: &PythonField,
        field: &Field,
        existing: Option<&FieldOverride>,
    ) {
        let Some(values) = &python.enum_values else {
            return;
        };
        self.counts.enums += 1;
        let written = existing.and_then(|field| field.enum_values.as_ref());
        if field.ty.base != BaseType::Primitive(Primitive::String) && written.is_none() {
            self.counts.enums_not_str += 1;
            self.diagnostics.push(Diagnostic::warning(
                module.file,
                python.enum_span.clone(),
                format!(
                    "`{model}.{}` is `{}` on its page, not `string`; its allowed values are not imported",
                    python.name, field.ty
                ),
            ));
            return;
        }
        match written {
            Some(written) if written.iter().map(|value| &value.value).eq(values) => {
                self.counts.unchanged += 1
            }
            Some(written) => {
                self.counts.conflicts += 1;
                // An empty list has no value to point at: point at the field's table.
                let at = match (written.first(), existing) {
                    (Some(value), _) => (value.file, value.span.clone()),
                    (None, Some(field)) => (field.name.file, field.name.span.clone()),
                    (None, None) => (self.config_file, 0..0),
                };
                let note = format!(
                    "the SDK allows {} ({})",
                    quoted(values.iter()),
                    self.place(module.file, python.enum_span.start)
                );
                self.diagnostics.push(
                    Diagnostic::warning(
                        at.0,
                        at.1,
                        format!(
                            "`{model}.{}` keeps its enum {}",
                            python.name,
                            quoted(written.iter().map(|value| &value.value))
                        ),
                    )
                    .with_label("differs from the SDK")
                    .with_note(note)
                    .with_note(
                        "the config's values win; delete them and run again to take the SDK's",
                    ),
                );
            }
            None => {
                if let Some(table) = self.field_table(model, &python.name) {
                    table.insert("enum", Item::Value(Value::Array(enum_array(values))));
                    self.counts.enums_written += 1;
                }
            }
        }
    }

    /// The table `[models.<model>.fields.<field>]`, made when missing (its parents implicit).
    fn field_table(&mut self, model: &str, field: &str) -> Option<&mut Table> {
        self.table_at(&["models", model, "fields", field])
    }

    /// The table at `path` (keys from the document's root), made when missing (its parents
    /// implicit).
    fn table_at(&mut self, path: &[&str]) -> Option<&mut Table> {
        let mut table = self.document.as_table_mut();
        for (depth, &key) in path.iter().enumerate() {
            let item = table.entry(key).or_insert_with(|| {
                let mut new = Table::new();
                // Only the field's own table gets a `[header]`.
                new.set_implicit(depth + 1 < path.len());
                Item::Table(new)
            });
            match item.as_table_mut() {
                Some(next) => table = next,
                None => {
                    let written = &path[..=depth];
                    let diagnostic = Diagnostic::error(
                        self.config_file,
                        config_span(&self.sources.get(self.config_file).text, written),
                        format!(
                            "`{}` is not written as a [table] in the config, so the import cannot add to it",
                            written.join(".")
                        ),
                    )
                    .with_label("not a [table]")
                    .with_note(format!("write it as a `[{}]` table", written.join(".")));
                    // Every field below it runs into the same value: report it once.
                    if !self.diagnostics.contains(&diagnostic) {
                        self.diagnostics.push(diagnostic);
                    }
                    return None;
                }
            }
        }
        Some(table)
    }

    /// Reports a `wire_name` of the config (`written`, for `what`) that differs from the SDK's,
    /// found at `sdk` (file and offset): the config's value is kept.
    fn wire_name_conflict(
        &mut self,
        written: &Located<String>,
        what: String,
        sdk_wire_name: &str,
        sdk: (FileId, usize),
    ) {
        self.counts.conflicts += 1;
        let note = format!(
            "the SDK says `{sdk_wire_name}` ({})",
            self.place(sdk.0, sdk.1)
        );
        self.diagnostics.push(
            Diagnostic::warning(
                written.file,
                written.span.clone(),
                format!("{what} keeps its wire_name `{}`", written.value),
            )
            .with_label("differs from the SDK")
            .with_note(note)
            .with_note("the config's value wins; delete it and run again to take the SDK's"),
        );
    }

    /// The wire names of the API modules' path and query parameters that the pages do not give:
    /// each a `wire_name` of `[operations.<group>.<operation>.parameters.<parameter>]`.
    fn import_operations(&mut self, model: &TypeModel, apis: Vec<PythonApi>) {
        for api in apis {
            self.counts.apis_read += 1;
            let Some(group) = model
                .operations
                .iter()
                .find(|group| group.name == api.class_name)
            else {
                self.counts.unknown_operations += api.operations.len();
                continue;
            };
            for python in &api.operations {
                let Some(operation) = group
                    .operations
                    .iter()
                    .find(|operation| operation.name == python.name)
                else {
                    self.counts.unknown_operations += 1;
                    continue;
                };
                self.counts.operations += 1;
                self.counts.header_parameters += python.header_params.len();
                if let Some((accept, span)) = &python.accept {
                    self.accept_type(&api, group, operation, accept, span);
                }
                for (parameters, location) in [
                    (&python.path_params, ParameterLocation::Path),
                    (&python.query_params, ParameterLocation::Query),
                    (&python.header_params, ParameterLocation::Header),
                ] {
                    for parameter in parameters {
                        self.counts.parameters += 1;
                        self.parameter_wire_name(&api, group, operation, parameter, location);
                    }
                }
            }
        }
    }

    /// The media type an operation accepts, when the SDK's list has no JSON one: an `accept` of
    /// `[operations.<group>.<operation>]` (the list's first).
    fn accept_type(
        &mut self,
        api: &PythonApi,
        group: &OperationGroup,
        operation: &Operation,
        accept: &[String],
        span: &std::ops::Range<usize>,
    ) {
        let json = |media_type: &String| is_json_media_type(media_type) || media_type == "*/*";
        let Some(first) = accept.first().filter(|_| !accept.iter().any(json)) else {
            return;
        };
        self.counts.accept_types += 1;
        let written = self
            .config
            .operations
            .get(&group.name)
            .and_then(|operations| operations.get(&operation.name))
            .and_then(|overrides| overrides.accept.as_ref());
        match written {
            Some(written) if written.value == *first => self.counts.unchanged += 1,
            Some(written) => {
                self.counts.conflicts += 1;
                let note = format!(
                    "the SDK accepts `{}` ({})",
                    accept.join("`, `"),
                    self.place(api.file, span.start)
                );
                self.diagnostics.push(
                    Diagnostic::warning(
                        written.file,
                        written.span.clone(),
                        format!(
                            "`{}.{}` keeps its accept `{}`",
                            group.name, operation.name, written.value
                        ),
                    )
                    .with_label("differs from the SDK")
                    .with_note(note)
                    .with_note(
                        "the config's value wins; delete it and run again to take the SDK's",
                    ),
                );
            }
            None => {
                if let Some(table) =
                    self.table_at(&["operations", group.name.as_str(), operation.name.as_str()])
                {
                    table.insert("accept", toml_edit::value(first.as_str()));
                    self.counts.accept_types_written += 1;
                }
            }
        }
    }

    fn parameter_wire_name(
        &mut self,
        api: &PythonApi,
        group: &OperationGroup,
        operation: &Operation,
        parameter: &PythonParameter,
        location: ParameterLocation,
    ) {
        let at = format!("`{}.{}`", group.name, operation.name);
        let Some(spec) = operation
            .parameters
            .iter()
            .find(|spec| spec.doc_name == parameter.name)
        else {
            self.counts.unmatched_parameters += 1;
            self.diagnostics.push(Diagnostic::warning(
                api.file,
                parameter.wire_span.clone(),
                format!(
                    "{at} has no parameter `{}` on its page {}; skipped",
                    parameter.name, group.source
                ),
            ));
            return;
        };
        let written = parameter_override(self.config, group, operation, parameter)
            .and_then(|overrides| overrides.wire_name.as_ref());
        // A path parameter whose placeholder the page's name does not find is fixed by the
        // SDK's name; a query or header parameter the page puts in the path is not.
        if location != ParameterLocation::Path && spec.location == ParameterLocation::Path {
            let place = if location == ParameterLocation::Header {
                "as a header"
            } else {
                "in the query"
            };
            self.counts.unmatched_parameters += 1;
            self.diagnostics.push(Diagnostic::warning(
                api.file,
                parameter.wire_span.clone(),
                format!(
                    "the SDK sends `{}` of {at} {place}, the page's path `{}` has it; skipped",
                    parameter.name, operation.path
                ),
            ));
            return;
        }
        if location != spec.location && location != ParameterLocation::Path {
            self.parameter_place(group, operation, parameter, location);
        }
        // The page's name is the rule's or the placeholder; an entry in the config means the
        // page's is not the wire's.
        if written.is_some() || parameter.wire_name != spec.wire_name {
            self.counts.parameter_wire_names += 1;
        }
        match written {
            Some(written) if written.value == parameter.wire_name => self.counts.unchanged += 1,
            Some(written) => self.wire_name_conflict(
                written,
                format!("parameter `{}` of {at}", parameter.name),
                &parameter.wire_name,
                (api.file, parameter.wire_span.start),
            ),
            None if parameter.wire_name != spec.wire_name => {
                if let Some(table) = self.parameter_table(group, operation, parameter) {
                    table.insert("wire_name", toml_edit::value(parameter.wire_name.as_str()));
                    self.counts.parameter_wire_names_written += 1;
                }
            }
            None => {}
        }
    }

    /// A parameter the SDK sends in the query or a header (`location`) where the pages' rule
    /// puts it elsewhere: a `place` of its parameter table, unless the config says otherwise
    /// (which is kept, and reported).
    fn parameter_place(
        &mut self,
        group: &OperationGroup,
        operation: &Operation,
        parameter: &PythonParameter,
        location: ParameterLocation,
    ) {
        self.counts.parameter_places += 1;
        let (sdk_place, place_name) = match location {
            ParameterLocation::Header => (ParameterPlace::Header, "header"),
            _ => (ParameterPlace::Query, "query"),
        };
        let written = parameter_override(self.config, group, operation, parameter)
            .filter(|overrides| overrides.place.is_some_and(|place| place != sdk_place));
        if let Some(written) = written {
            self.counts.conflicts += 1;
            self.diagnostics.push(
                Diagnostic::warning(
                    written.name.file,
                    written.name.span.clone(),
                    format!(
                        "parameter `{}` of `{}.{}` keeps its place",
                        parameter.name, group.name, operation.name
                    ),
                )
                .with_label(format!("the SDK sends it as a {place_name} parameter"))
                .with_note("the config's value wins; delete it and run again to take the SDK's"),
            );
            return;
        }
        if let Some(table) = self.parameter_table(group, operation, parameter) {
            table.insert("place", toml_edit::value(place_name));
            self.counts.parameter_places_written += 1;
        }
    }

    /// The config's `[operations.<group>.<operation>.parameters.<parameter>]` table, made when
    /// missing; `None` when the config writes a part of its path as something else (reported).
    fn parameter_table(
        &mut self,
        group: &OperationGroup,
        operation: &Operation,
        parameter: &PythonParameter,
    ) -> Option<&mut Table> {
        self.table_at(&[
            "operations",
            group.name.as_str(),
            operation.name.as_str(),
            "parameters",
            parameter.name.as_str(),
        ])
    }

    fn place(&self, file: FileId, offset: usize) -> String {
        let at = self.sources.line_column(file, offset);
        format!(
            "{}:{}:{}",
            self.sources.get(file).path.display(),
            at.line,
            at.column
        )
    }
}

/// What `config` says of a parameter of an operation, when it says anything.
fn parameter_override<'c>(
    config: &'c Config,
    group: &OperationGroup,
    operation: &Operation,
    parameter: &PythonParameter,
) -> Option<&'c ParameterOverride> {
    config
        .operations
        .get(&group.name)
        .and_then(|operations| operations.get(&operation.name))
        .and_then(|overrides| overrides.parameters.get(&parameter.name))
}

/// The SDK's fields of one model whose JSON name would be another field's once imported: doc name
/// -> the other field's doc name. A field's JSON name after the import is the config's when it
/// sets one (`in_config`), else the SDK's, else the rule's; only a name that the SDK gives and
/// another field has, then, is refused.
fn taken_wire_names<'m>(
    spec_model: &'m Model,
    python_fields: &[PythonField],
    in_config: impl Fn(&str) -> bool,
) -> HashMap<&'m str, &'m str> {
    let imported: HashMap<&str, &str> = python_fields
        .iter()
        .filter(|field| !in_config(&field.name))
        .map(|field| (field.name.as_str(), field.wire_name.as_str()))
        .collect();
    let mut holders: HashMap<&str, Vec<&str>> = HashMap::new();
    for field in &spec_model.fields {
        let name = field.doc_name.as_str();
        let wire = imported
            .get(name)
            .copied()
            .unwrap_or(field.wire_name.as_str());
        holders.entry(wire).or_default().push(name);
    }
    let mut taken = HashMap::new();
    for field in &spec_model.fields {
        let name = field.doc_name.as_str();
        let Some(wire) = imported.get(name) else {
            continue;
        };
        if *wire == field.wire_name {
            continue;
        }
        if let Some(other) = holders[wire].iter().find(|other| **other != name) {
            taken.insert(name, *other);
        }
    }
    taken
}

/// Values as a list of quoted strings, for messages.
fn quoted<'v>(values: impl Iterator<Item = &'v String>) -> String {
    let values: Vec<String> = values.map(|value| format!("{value:?}")).collect();
    format!("[{}]", values.join(", "))
}

/// The widest an `enum = [...]` line gets before its values go one per line.
const MAX_LINE: usize = 100;

/// An `enum` array: on one line when it fits, else one value per line.
fn enum_array(values: &[String]) -> Array {
    let mut array: Array = values.iter().map(String::as_str).collect();
    if quoted(values.iter()).len() + "enum = ".len() > MAX_LINE {
        for value in array.iter_mut() {
            value.decor_mut().set_prefix("\n    ");
        }
        array.set_trailing_comma(true);
        array.set_trailing("\n");
    }
    array
}

/// Where the value at `path` (keys from the document's root) is written in the config `text`:
/// the document the import edits keeps no spans, so the text is parsed again to find it.
fn config_span(text: &str, path: &[&str]) -> std::ops::Range<usize> {
    let Ok(document) = toml_edit::Document::parse(text) else {
        return 0..0;
    };
    let mut item = document.as_item();
    for key in path {
        match item.get(key) {
            Some(next) => item = next,
            None => return 0..0,
        }
    }
    item.span().unwrap_or(0..0)
}

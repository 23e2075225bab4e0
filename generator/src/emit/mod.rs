//! Emit: the [`TypeModel`] into the files of a crate (`Cargo.toml`, `src/lib.rs`, one module per
//! model, and the record of its API surface, [`crate::surface::RECORD_FILE`]), Rust written with
//! `quote!` and formatted with prettyplease.
//!
//! Emitted code writes a path short only where no item of the module can shadow it (see the
//! `rust` module); the macros' impls use full paths (`::std::option::Option`, `::serde::Serialize`).

mod docs;
mod layout;
mod operations;
mod regions;
mod rust;
mod serde_impls;
mod types;

use std::path::PathBuf;
use std::time::{Duration, Instant};

use proc_macro2::TokenStream;
use rayon::prelude::*;

use crate::digest::Digest;
use crate::model::TypeModel;
use crate::naming::{SUPPORT_MODULE, file_stem};
use operations::{CLIENT_RUNTIME, Example, REQUEST_RUNTIME, group_file};
use serde_impls::SUPPORT;
use types::PrimitiveTypes;

/// One file of the generated crate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GeneratedFile {
    /// Path relative to the crate's root (`src/analytics_session.rs`).
    pub path: PathBuf,
    /// The file's full contents.
    pub contents: String,
}

/// Time spent building token streams and formatting them, summed over threads.
#[derive(Debug, Clone, Copy, Default)]
pub struct EmitTimings {
    /// Building token streams with `quote!`.
    pub emit: Duration,
    /// Parsing them back with syn and printing with prettyplease.
    pub format: Duration,
}

/// The public modules of the request runtime (`request_::Request`) and of the `client` feature
/// (`client_::Client`) in a crate with operations.
pub use crate::naming::{CLIENT_MODULE, REQUEST_MODULE};
pub use operations::passes_by_value;

use crate::HEADER;

/// A file of the generated crate before it is emitted: its path and what it is made from.
#[derive(Debug, Clone)]
pub struct PlannedFile {
    /// Path relative to the crate's root.
    pub path: PathBuf,
    source: Source,
}

/// What one file is made from: the part of the type model its emitter reads.
#[derive(Debug, Clone)]
enum Source {
    /// `src/<model>.rs`: a model's struct and its serde impls (or an enum page's enum); the
    /// model's index in [`TypeModel::models`].
    Model(usize),
    /// `src/enums/<model>.rs`: a model's field enums.
    FieldEnums(usize),
    /// `src/operations/<group>.rs`: the functions of the group at this index of
    /// [`TypeModel::operations`].
    Group(usize),
    /// `src/lib.rs`, from [`rust::LibInputs`].
    Lib,
    /// [`crate::surface::RECORD_FILE`], from the model's API surface.
    Surface,
    /// A small file whose contents are made with the plan (`Cargo.toml`, the runtime modules).
    Text(String),
}

/// The emitter's fingerprint: a digest of the emitter's sources and templates (`build.rs`), so
/// that a changed emitter makes every key change.
const EMITTER: &str = env!("EMITTER_FINGERPRINT");

/// Every file of the generated crate, sorted by path.
pub fn emit_crate(model: &TypeModel) -> (Vec<GeneratedFile>, EmitTimings) {
    let plan = plan(model);
    let all: Vec<&PlannedFile> = plan.iter().collect();
    emit(model, &all)
}

/// The files of the crate, not emitted yet, sorted by path.
pub fn plan(model: &TypeModel) -> Vec<PlannedFile> {
    let mut plan = Vec::with_capacity(2 * model.models.len() + model.operations.len() + 8);
    for (index, item) in model.models.iter().enumerate() {
        let stem = file_stem(&item.module);
        plan.push(planned(format!("src/{stem}.rs"), Source::Model(index)));
        if !item.enums.is_empty() {
            plan.push(planned(
                format!("src/enums/{stem}.rs"),
                Source::FieldEnums(index),
            ));
        }
    }
    for (index, group) in model.operations.iter().enumerate() {
        plan.push(planned(
            rust::group_file_path(&group.module),
            Source::Group(index),
        ));
    }
    if !model.operations.is_empty() {
        for (name, runtime) in [
            (REQUEST_MODULE, REQUEST_RUNTIME),
            (CLIENT_MODULE, CLIENT_RUNTIME),
        ] {
            let text = format!("// {HEADER}\n\n{runtime}");
            plan.push(planned(format!("src/{name}.rs"), Source::Text(text)));
        }
    }
    plan.push(planned("src/lib.rs".into(), Source::Lib));
    let support = format!("// {HEADER}\n\n{SUPPORT}");
    plan.push(planned(
        format!("src/{SUPPORT_MODULE}.rs"),
        Source::Text(support),
    ));
    if let Some(file) = regions::region_file(&model.regions) {
        plan.push(PlannedFile {
            path: file.path,
            source: Source::Text(file.contents),
        });
    }
    plan.push(planned(
        "Cargo.toml".into(),
        Source::Text(cargo_toml(model)),
    ));
    let rustfmt = format!(
        "# {HEADER}\n# The generated code is formatted by prettyplease; rustfmt leaves it alone.\ndisable_all_formatting = true\n"
    );
    plan.push(planned("rustfmt.toml".into(), Source::Text(rustfmt)));
    plan.push(planned(crate::surface::RECORD_FILE.into(), Source::Surface));
    plan.sort_by(|a, b| a.path.cmp(&b.path));
    plan
}

fn planned(path: String, source: Source) -> PlannedFile {
    PlannedFile {
        path: path.into(),
        source,
    }
}

/// Each planned file's key: a digest of everything its emitter reads (its part of the type
/// model, the primitive table, the crate's name, the emitter's fingerprint), so that a file
/// whose key is unchanged would be emitted exactly as before. `None` for the small files, which
/// are made with the plan and cost nothing to compare.
pub fn keys(model: &TypeModel, plan: &[PlannedFile]) -> Vec<Option<Digest>> {
    let base = Digest::of_value(
        &[],
        &(EMITTER, HEADER, &model.package.name, &model.rust_types),
    );
    // A digest of all of each model and each group: a model's file and its enums' file share one
    // (the record tells them apart by path).
    let (model_keys, group_keys): (Vec<Digest>, Vec<Digest>) = rayon::join(
        || {
            (model.models.par_iter())
                .map(|item| Digest::of_value(&[base], item))
                .collect()
        },
        || {
            (model.operations.par_iter())
                .map(|group| Digest::of_value(&[base], group))
                .collect()
        },
    );
    let lib = Digest::of_value(&[base], &rust::LibInputs::of(model));
    // The record is the surface written out: its key is the surface itself, so that a change the
    // surface does not show (a model's description) does not write it out again.
    let surface = crate::surface::ApiSurface::digest_of(model, &[base]);
    plan.iter()
        .map(|file| match file.source {
            Source::Model(index) | Source::FieldEnums(index) => Some(model_keys[index]),
            Source::Group(index) => Some(group_keys[index]),
            Source::Lib => Some(lib),
            Source::Surface => Some(surface),
            Source::Text(_) => None,
        })
        .collect()
}

/// Emits and formats the given planned files of `model`, in parallel, in their order.
pub fn emit(model: &TypeModel, files: &[&PlannedFile]) -> (Vec<GeneratedFile>, EmitTimings) {
    let crate_name = model.package.name.replace('-', "_");
    let results: Vec<(GeneratedFile, Duration, Duration)> = files
        .par_iter()
        .map_init(
            || PrimitiveTypes::new(&model.rust_types),
            |types, file| {
                let started = Instant::now();
                let (docs, items) = match file.source {
                    Source::Model(index) => (
                        TokenStream::new(),
                        rust::model_file(&model.models[index], types),
                    ),
                    Source::FieldEnums(index) => rust::enums_file(&model.models[index]),
                    Source::Group(index) => {
                        let group = &model.operations[index];
                        let example = Example {
                            crate_name: &crate_name,
                            module: &group.module,
                            rust_types: &model.rust_types,
                        };
                        group_file(group, &example, types)
                    }
                    Source::Lib => rust::lib_rs(&rust::LibInputs::of(model)),
                    Source::Surface => {
                        let json = crate::surface::ApiSurface::from_model(model).to_json();
                        return (generated(file, json), started.elapsed(), Duration::ZERO);
                    }
                    Source::Text(ref text) => {
                        return (
                            generated(file, text.clone()),
                            Duration::ZERO,
                            Duration::ZERO,
                        );
                    }
                };
                let emitted = Instant::now();
                let contents = layout::file(docs, items);
                (
                    generated(file, contents),
                    emitted - started,
                    emitted.elapsed(),
                )
            },
        )
        .collect();
    let mut timings = EmitTimings::default();
    let mut emitted = Vec::with_capacity(results.len());
    for (file, emit, format) in results {
        timings.emit += emit;
        timings.format += format;
        emitted.push(file);
    }
    (emitted, timings)
}

fn generated(file: &PlannedFile, contents: String) -> GeneratedFile {
    GeneratedFile {
        path: file.path.clone(),
        contents,
    }
}

fn cargo_toml(model: &TypeModel) -> String {
    let mut package = toml::Table::new();
    package.insert("name".into(), model.package.name.clone().into());
    package.insert("version".into(), model.package.version.clone().into());
    package.insert("edition".into(), "2024".into());
    package.insert(
        "description".into(),
        model.package.description.clone().into(),
    );
    if let Some(license) = &model.package.license {
        package.insert("license".into(), license.clone().into());
    }
    let mut manifest = format!("# {HEADER}\n\n[package]\n{package}\n[dependencies]\n");
    for (name, spec) in &model.dependencies {
        let name = toml::Value::from(name.as_str());
        manifest.push_str(&format!(
            "{} = {spec}\n",
            name.to_string().trim_matches('"')
        ));
    }
    if !model.features.is_empty() {
        let names: Vec<&str> = model
            .features
            .iter()
            .map(|feature| feature.name.as_str())
            .collect();
        let mut features = toml::Table::new();
        features.insert("default".into(), vec!["full"].into());
        features.insert("full".into(), names.clone().into());
        if !model.operations.is_empty() {
            features.insert(
                crate::naming::CLIENT_FEATURE.into(),
                vec!["dep:reqwest", "dep:tokio"].into(),
            );
            features.insert(
                crate::naming::TRACING_FEATURE.into(),
                vec![crate::naming::CLIENT_FEATURE, "dep:tracing"].into(),
            );
        }
        for name in names {
            features.insert(name.into(), toml::Value::Array(Vec::new()));
        }
        manifest.push_str(&format!("\n[features]\n{features}"));
    }
    manifest
}

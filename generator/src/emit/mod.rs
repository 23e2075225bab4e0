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
use std::time::Duration;

use crate::model::TypeModel;

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

use crate::HEADER;

/// Every file of the generated crate, sorted by path.
pub fn emit_crate(model: &TypeModel) -> (Vec<GeneratedFile>, EmitTimings) {
    let (mut files, timings) = rust::rust_files(model);
    files.extend(regions::region_file(&model.regions));
    files.push(GeneratedFile {
        path: "Cargo.toml".into(),
        contents: cargo_toml(model),
    });
    files.push(GeneratedFile {
        path: "rustfmt.toml".into(),
        contents: format!(
            "# {HEADER}\n# The generated code is formatted by prettyplease; rustfmt leaves it alone.\ndisable_all_formatting = true\n"
        ),
    });
    files.push(GeneratedFile {
        path: crate::surface::RECORD_FILE.into(),
        contents: crate::surface::ApiSurface::from_model(model).to_json(),
    });
    files.sort_by(|a, b| a.path.cmp(&b.path));
    (files, timings)
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

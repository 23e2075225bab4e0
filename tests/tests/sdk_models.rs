//! The shipped spec against independent data: the Genesys SDK's Python model modules of its nine
//! models (`../shared/sdk-python-models/genesys-127.0.0`, read with the generator's own reader,
//! not run). Every field's JSON name and enum values in the type model built from `spec/` must be
//! the module's; every mismatch is listed.

use std::collections::BTreeSet;
use std::fs;

use markdown_model_codegen::Sources;
use markdown_model_codegen::import::python::{ModuleOutcome, PythonModel, read_module};
use markdown_model_codegen::import::{ImportOptions, import_wire_names};
use markdown_model_codegen::model::Model;

/// Every model module of the folder.
fn modules() -> Vec<PythonModel> {
    let dir = codegen_tests::shared::folder("sdk-python-models/genesys-127.0.0");
    let mut sources = Sources::default();
    let mut paths: Vec<_> = fs::read_dir(&dir)
        .expect("the modules folder")
        .map(|entry| entry.expect("an entry").path())
        .filter(|path| path.extension().is_some_and(|extension| extension == "py"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .filter_map(|path| {
            let text = fs::read_to_string(&path).expect("a UTF-8 module");
            let file = sources.add(path.clone(), text.clone());
            let mut diagnostics = Vec::new();
            match read_module(file, &text, &mut diagnostics) {
                ModuleOutcome::Model(model) => Some(model),
                ModuleOutcome::NotAModel => None,
                ModuleOutcome::Unreadable => panic!(
                    "{} does not read:\n{}",
                    path.display(),
                    sources.render(&diagnostics)
                ),
            }
        })
        .collect()
}

/// Every difference between a model of the spec and its module.
fn mismatches(model: &Model, module: &PythonModel) -> Vec<String> {
    let mut found = Vec::new();
    for field in &model.fields {
        let at = format!("{}.{}", model.name, field.doc_name);
        let Some(sdk) = module.fields.iter().find(|sdk| sdk.name == field.doc_name) else {
            found.push(format!("{at}: not in the SDK module"));
            continue;
        };
        if sdk.wire_name != field.wire_name {
            found.push(format!(
                "{at}: JSON name {:?}, the SDK's is {:?}",
                field.wire_name, sdk.wire_name
            ));
        }
        let spec_values: Option<BTreeSet<&str>> = model
            .enums
            .iter()
            .find(|item| item.field == field.doc_name)
            .map(|item| {
                item.variants
                    .iter()
                    .map(|variant| variant.value.as_str())
                    .collect()
            });
        let sdk_values: Option<BTreeSet<&str>> = sdk
            .enum_values
            .as_ref()
            .map(|values| values.iter().map(String::as_str).collect());
        match (spec_values, sdk_values) {
            (None, None) => {}
            (None, Some(sdk)) => found.push(format!(
                "{at}: not an enum in the spec; the SDK allows {sdk:?}"
            )),
            (Some(spec), None) => found.push(format!(
                "{at}: an enum in the spec ({spec:?}); the SDK allows any value"
            )),
            (Some(spec), Some(sdk)) if spec != sdk => found.push(format!(
                "{at}: enum values only in the spec {:?}, only in the SDK {:?}",
                spec.difference(&sdk).collect::<Vec<_>>(),
                sdk.difference(&spec).collect::<Vec<_>>()
            )),
            (Some(_), Some(_)) => {}
        }
    }
    for sdk in &module.fields {
        if !model.fields.iter().any(|field| field.doc_name == sdk.name) {
            found.push(format!(
                "{}.{}: only in the SDK module",
                model.name, sdk.name
            ));
        }
    }
    found
}

#[test]
#[cfg_attr(sdk_models_absent, ignore = "../shared/sdk-python-models is absent")]
fn the_spec_matches_the_sdk_modules_field_by_field() {
    let spec = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../spec");
    let markdown_model_codegen::Loaded { model, .. } = markdown_model_codegen::load(&spec, None)
        .unwrap_or_else(|failure| panic!("{}", failure.render()));
    let modules = modules();
    let mut found = Vec::new();
    let mut fields = 0;
    for item in &model.models {
        match modules.iter().find(|module| module.class_name == item.name) {
            Some(module) => {
                fields += module.fields.len();
                found.extend(mismatches(item, module));
            }
            None => found.push(format!("{}: no SDK module", item.name)),
        }
    }
    for module in &modules {
        if !model
            .models
            .iter()
            .any(|item| item.name == module.class_name)
        {
            found.push(format!(
                "{}: an SDK module without a model",
                module.class_name
            ));
        }
    }
    assert_eq!(model.models.len(), 9);
    assert_eq!(fields, model.field_count(), "every field was compared");
    assert!(
        found.is_empty(),
        "the spec differs from the SDK's modules ({} mismatch(es)):\n{}",
        found.len(),
        found.join("\n")
    );
}

/// The shipped `spec/codegen.toml` already has everything the SDK's real modules of its nine
/// models say: importing them into a copy of it changes nothing.
#[test]
#[cfg_attr(sdk_models_absent, ignore = "../shared/sdk-python-models is absent")]
fn importing_the_real_sdk_modules_changes_nothing() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let dir = tempfile::tempdir().expect("a temporary folder");
    let config = dir.path().join("codegen.toml");
    let shipped = fs::read(root.join("spec/codegen.toml")).expect("spec/codegen.toml");
    fs::write(&config, &shipped).expect("copy the config");
    let imported = import_wire_names(&ImportOptions {
        spec_dir: root.join("spec"),
        python_dir: codegen_tests::shared::folder("sdk-python-models/genesys-127.0.0"),
        python_apis: None,
        config: Some(config.clone()),
    })
    .unwrap_or_else(|failure| panic!("{}", failure.render()));
    assert_eq!(
        (imported.counts.modules, imported.counts.enums),
        (9, 9),
        "{}",
        imported.counts
    );
    assert!(!imported.written, "{}", imported.counts);
    assert_eq!(fs::read(&config).expect("read"), shipped);
}

//! Every Cargo feature of a generated crate must compile alone: a model a feature enables may only
//! refer to models the same feature enables. Checked on the type model of the `features` fixture
//! and of the real corpora (ignored when `../shared/corpus` is absent, failing in CI); `cargo xtask features`
//! compiles each feature for real.

use std::collections::HashMap;
use std::path::Path;

use markdown_model_codegen::TypeModel;
use markdown_model_codegen::model::BaseType;

fn load(spec: &Path) -> TypeModel {
    match markdown_model_codegen::load(spec, None) {
        Ok(markdown_model_codegen::Loaded { model, .. }) => model,
        Err(failure) => panic!(
            "{} does not generate:\n{}",
            spec.display(),
            failure.render()
        ),
    }
}

/// `(model, referenced model, feature)` for every reference that leaves a feature.
fn features_not_closed(model: &TypeModel) -> Vec<(String, String, String)> {
    let by_rust_name: HashMap<&str, &markdown_model_codegen::model::Model> = model
        .models
        .iter()
        .map(|item| (item.rust_name.as_str(), item))
        .collect();
    let mut open = Vec::new();
    for item in &model.models {
        for field in &item.fields {
            let BaseType::Model { rust_name, .. } = &field.ty.base else {
                continue;
            };
            let target = by_rust_name[rust_name.as_str()];
            for feature in &item.features {
                if !target.features.contains(feature) {
                    open.push((item.name.clone(), target.name.clone(), feature.clone()));
                }
            }
        }
    }
    open
}

#[test]
fn the_fixture_features_are_closed_over_references() {
    let model = load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/features"));
    let features = |name: &str| {
        model
            .models
            .iter()
            .find(|item| item.name == name)
            .unwrap()
            .features
            .clone()
    };
    // The listings no operation returns (`PetEntityListing`, `TagPage`, `OrderCursorPage`) are
    // unreferenced, and so are the models they hold.
    assert_eq!(features("Pet"), ["pets", "store", "unreferenced"]);
    assert_eq!(features("Order"), ["store", "unreferenced"]);
    assert_eq!(features("Orphan"), ["unreferenced"]);
    assert_eq!(features("PetEntityListing"), ["unreferenced"]);
    // The error model (`[client] error_model`) and what it reaches: compiled with any feature.
    assert!(features("ErrorBody").is_empty());
    assert!(features("ErrorDetail").is_empty());
    assert_eq!(features("Tag"), ["pets", "store", "unreferenced"]);
    assert_eq!(features_not_closed(&model), []);
}

#[test]
#[cfg_attr(corpus_absent, ignore = "../shared/corpus is absent")]
fn the_corpora_features_are_closed_over_references() {
    let root = codegen_tests::shared::folder("corpus");
    for corpus in ["genesys-127.0.0", "genesys-257.1.0"] {
        let model = load(&root.join(corpus));
        assert!(!model.features.is_empty(), "{corpus} has operation pages");
        assert!(
            model.models.iter().all(|item| !item.features.is_empty()),
            "{corpus}: a model without a feature"
        );
        assert_eq!(features_not_closed(&model), [], "{corpus}");
    }
}

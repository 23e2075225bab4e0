//! Names across whole specs: for random sets of models, fields and enum values built to clash
//! (models named like other models' enums, keywords, `Lib`, `Self`, names differing only in `_`,
//! values named like the catch-all), generation succeeds, every file parses, adding a model never
//! changes an existing item's name, and the generated code compiles without a warning.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;
use std::process::Command;

use markdown_model_codegen::emit::emit_crate;
use markdown_model_codegen::{TypeModel, load};
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};

/// Pieces of model names, chosen to clash: glued, they give `UserState` and `User_State`,
/// `DependencyType` (also the enum of `Dependency.type` under the old naming), `Lib`, `Self`,
/// `2User` (a name that starts with a digit).
const NAME_PIECES: &[&str] = &[
    "User",
    "State",
    "Dependency",
    "Type",
    "Self",
    "Lib",
    "Main",
    "Match",
    "Other",
    "Enums",
    "Support",
    "Status",
    "Category",
    "_",
    "2",
];

/// Field names: keywords, names of the serde helpers' locals, names like models and enums.
const FIELDS: &[&str] = &[
    "state",
    "type",
    "status",
    "pcSelf",
    "match",
    "other",
    "kind",
    "category",
    "enums",
    "support",
    "user_state",
    "foo_bar2",
    "map",
    "key",
    "len",
    "object",
    "value",
];

/// Enum values, with the catch-all's name and values differing only in case.
const VALUES: &[&str] = &[
    "Other", "other", "OTHER", "Self", "self", "", "*", "8kHz", "a", "A",
];

/// One model of a random spec.
#[derive(Debug, Clone)]
struct ModelSpec {
    name: String,
    /// (field, what its type is, enum values if enumerated).
    fields: Vec<(String, FieldKind, Option<Vec<String>>)>,
}

#[derive(Debug, Clone)]
enum FieldKind {
    Str,
    ListOfStr,
    /// A reference to the model at this index of the spec (modulo its length).
    Model(usize),
}

fn model_name() -> impl Strategy<Value = String> {
    proptest::collection::vec(proptest::sample::select(NAME_PIECES), 1..4)
        .prop_map(|pieces| pieces.concat())
        .prop_filter(
            "a name starting with a letter or a digit, with a letter",
            |name| {
                name.starts_with(|c: char| c.is_ascii_alphanumeric())
                    && name.contains(|c: char| c.is_ascii_alphabetic())
            },
        )
}

fn model_spec() -> impl Strategy<Value = ModelSpec> {
    let field = (
        proptest::sample::select(FIELDS),
        prop_oneof![
            3 => Just(FieldKind::Str),
            1 => Just(FieldKind::ListOfStr),
            2 => (0..8usize).prop_map(FieldKind::Model),
        ],
        proptest::option::weighted(
            0.5,
            proptest::collection::vec(proptest::sample::select(VALUES), 0..5),
        ),
    );
    (model_name(), proptest::collection::vec(field, 0..6)).prop_map(|(name, fields)| {
        let mut seen = BTreeSet::new();
        let fields = fields
            .into_iter()
            .filter(|(field, ..)| seen.insert(*field))
            .map(|(field, kind, values)| {
                let values = values.map(|values| {
                    let mut unique: Vec<String> = Vec::new();
                    for value in values {
                        if !unique.iter().any(|known| known == value) {
                            unique.push(value.to_owned());
                        }
                    }
                    unique
                });
                (field.to_owned(), kind, values)
            })
            .collect();
        ModelSpec { name, fields }
    })
}

/// Models with names distinct even ignoring case (names equal but for case are rejected).
fn spec() -> impl Strategy<Value = Vec<ModelSpec>> {
    proptest::collection::vec(model_spec(), 1..10).prop_map(|models| {
        let mut seen = BTreeSet::new();
        models
            .into_iter()
            .filter(|model| seen.insert(model.name.to_ascii_lowercase()))
            .collect()
    })
}

/// Writes the pages and `codegen.toml` of `models` into `dir`.
fn write_spec(dir: &Path, models: &[ModelSpec]) {
    let _ = fs::remove_dir_all(dir);
    fs::create_dir_all(dir).expect("spec folder");
    let mut config = toml::Table::new();
    for model in models {
        let mut page = format!(
            "# {0}\n\n## {0}\n\n## Properties\n\n|Name | Type | Description | Notes|\n|------------ | ------------- | ------------- | -------------|\n",
            model.name
        );
        let mut overrides = toml::Table::new();
        for (field, kind, values) in &model.fields {
            let (ty, values) = match (kind, values) {
                (FieldKind::Model(at), _) => {
                    let target = &models[at % models.len()].name;
                    (format!("[{target}]({target})"), None)
                }
                (FieldKind::Str, values) => ("str".to_owned(), values.as_ref()),
                (FieldKind::ListOfStr, values) => ("list[str]".to_owned(), values.as_ref()),
            };
            page.push_str(&format!(
                "| **{field}** | {ty} | The {field}. | [optional] |\n"
            ));
            if let Some(values) = values {
                let mut table = toml::Table::new();
                table.insert("enum".to_owned(), values.clone().into());
                overrides.insert(field.clone(), table.into());
            }
        }
        fs::write(dir.join(format!("{}.md", model.name)), page).expect("page");
        if !overrides.is_empty() {
            let mut fields = toml::Table::new();
            fields.insert("fields".to_owned(), overrides.into());
            config
                .entry("models")
                .or_insert_with(|| toml::Table::new().into())
                .as_table_mut()
                .expect("models table")
                .insert(model.name.clone(), fields.into());
        }
    }
    let mut package = toml::Table::new();
    package.insert("name".to_owned(), "naming-properties".into());
    package.insert("version".to_owned(), "0.0.0".into());
    package.insert(
        "description".to_owned(),
        "Random names built to clash".into(),
    );
    config.insert("package".to_owned(), package.into());
    fs::write(
        dir.join("codegen.toml"),
        toml::to_string(&config).expect("toml"),
    )
    .expect("config");
}

/// Every name the generator gave, by the docs' names: model -> its type and module, each field's
/// Rust name and enum (name and variants).
fn names(model: &TypeModel) -> BTreeMap<String, Vec<String>> {
    model
        .models
        .iter()
        .map(|item| {
            let mut names = vec![item.rust_name.clone(), item.module.clone()];
            for field in &item.fields {
                names.push(format!("{} {}", field.doc_name, field.rust_name));
            }
            for enumeration in &item.enums {
                let variants: Vec<&str> = enumeration
                    .variants
                    .iter()
                    .map(|variant| variant.rust_name.as_str())
                    .collect();
                names.push(format!(
                    "{} {} {} {variants:?}",
                    enumeration.field, enumeration.rust_name, enumeration.catch_all
                ));
            }
            (item.name.clone(), names)
        })
        .collect()
}

fn generate(dir: &Path, models: &[ModelSpec]) -> TypeModel {
    write_spec(dir, models);
    match load(dir, Some(&dir.join("codegen.toml"))) {
        Ok(markdown_model_codegen::Loaded { model, .. }) => model,
        Err(failure) => panic!("{models:#?}\n{}", failure.render()),
    }
}

fn scratch(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("naming_properties")
        .join(name)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn random_specs_generate_and_adding_a_model_renames_nothing(models in spec(), extra in model_spec()) {
        let dir = scratch("spec");
        let before = generate(&dir, &models);
        let files = emit_crate(&before).0;
        let paths: BTreeSet<&Path> = files.iter().map(|file| file.path.as_path()).collect();
        prop_assert_eq!(paths.len(), files.len(), "two items share a file");
        let crate_root: BTreeSet<&str> = before
            .models
            .iter()
            .flat_map(|model| [model.rust_name.as_str(), model.module.as_str()])
            .collect();
        prop_assert_eq!(crate_root.len(), 2 * before.models.len(), "two items share a name");
        for file in files {
            if file.path.extension().is_some_and(|extension| extension == "rs") {
                let parsed = syn::parse_file(&file.contents);
                prop_assert!(parsed.is_ok(), "{}: {:?}", file.path.display(), parsed.err());
            }
        }
        if models.iter().any(|model| model.name.eq_ignore_ascii_case(&extra.name)) {
            return Ok(());
        }
        let mut more = models.clone();
        more.push(extra.clone());
        let after = names(&generate(&dir, &more));
        for (model, names) in names(&before) {
            prop_assert_eq!(Some(&names), after.get(&model), "adding `{}` renamed items of `{}`", extra.name, model);
        }
    }
}

/// Random specs, each emitted as a module of one crate, compile with warnings denied
/// (`cargo check`, offline, with the workspace's lock file).
#[test]
fn random_specs_compile_without_warnings() {
    let mut runner = TestRunner::new_with_rng(
        Config::default(),
        TestRng::from_seed(RngAlgorithm::ChaCha, &[7; 32]),
    );
    let root = scratch("compiled");
    let _ = fs::remove_dir_all(&root);
    let mut lib = String::from("//! Random specs, compiled.\n#![deny(warnings)]\n");
    for case in 0..12 {
        let models = spec()
            .new_tree(&mut runner)
            .expect("a random spec")
            .current();
        let model = generate(&scratch(&format!("spec{case}")), &models);
        let out = root.join(format!("case{case}"));
        for file in emit_crate(&model).0 {
            let path = out.join(&file.path);
            fs::create_dir_all(path.parent().expect("a parent")).expect("folder");
            fs::write(path, file.contents).expect("write");
        }
        lib.push_str(&format!(
            "#[path = \"../case{case}/src/lib.rs\"]\npub mod case{case};\n"
        ));
    }
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    fs::create_dir_all(root.join("src")).expect("src");
    fs::write(root.join("src/lib.rs"), lib).expect("lib.rs");
    fs::write(
        root.join("Cargo.toml"),
        "[package]\nname = \"naming-properties\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n\
         [dependencies]\njiff = { version = \"1\", features = [\"serde\"] }\nserde = \"1\"\nserde_json = \"1\"\n\n[workspace]\n",
    )
    .expect("Cargo.toml");
    fs::copy(workspace.join("Cargo.lock"), root.join("Cargo.lock")).expect("Cargo.lock");
    let output = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned()))
        .args(["check", "--offline", "--quiet"])
        .current_dir(&root)
        .env(
            "CARGO_TARGET_DIR",
            workspace.join("target/naming-properties"),
        )
        .output()
        .expect("run cargo");
    assert!(
        output.status.success(),
        "the random specs in {} do not compile:\n{}",
        root.display(),
        String::from_utf8_lossy(&output.stderr)
    );
}

//! A realistic fixture set for `import_wire_names`: a few hundred Python model modules in
//! openapi-generator's format, written into a temporary folder from the Markdown pages of each
//! Genesys corpus in `../shared/corpus` (never copied into the repository), with awkward JSON
//! names and enumerations injected. The import must give every field its module's JSON name, write
//! an override only where the naming rule is wrong, and change nothing on a second run. The set
//! includes the real SDK's enums whose old crate-root names were models' names (`Dependency.type`
//! and the model `DependencyType`, `User.state` and `UserState`, and in 257.1.0
//! `WorkitemStatus.category` and `Workitem.status_category`): the import and the generation must
//! succeed with them.
//!
//! `cargo test -p codegen-tests --test import_realistic -- --nocapture` prints the counts.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use markdown_model_codegen::emit::emit_crate;
use markdown_model_codegen::import::{ImportCounts, ImportOptions, import_wire_names};
use markdown_model_codegen::model::{BaseType, Container, Field, FieldType, Model, Primitive};
use markdown_model_codegen::parse::grammar_word;
use markdown_model_codegen::{TypeModel, load};

/// Every how many-th model of the corpus gets a module (about 340 of its 2,699).
const EVERY: usize = 8;

/// Models whose enumerated fields clashed with other items under the old naming.
const CLASHING: [&str; 4] = ["Dependency", "User", "Workitem", "WorkitemStatus"];

fn corpus(name: &str) -> PathBuf {
    codegen_tests::shared::folder(&format!("corpus/{name}"))
}

/// What a module says of one field.
struct Facts {
    wire_name: String,
    enum_values: Option<Vec<&'static str>>,
}

/// The awkward JSON names of the issue, injected in turn into every 23rd field.
fn awkward(field: &Field, turn: usize) -> String {
    let camel = &field.wire_name;
    match turn % 6 {
        0 => format!("{camel}URI"),
        1 => format!("${camel}"),
        2 => field.doc_name.replace('_', "-"),
        3 => field.doc_name.clone(),
        4 => {
            let mut chars = camel.chars();
            chars
                .next()
                .map(|first| first.to_ascii_uppercase())
                .into_iter()
                .chain(chars)
                .collect()
        }
        _ => format!("urn:ietf:params:scim:schemas:extension:{camel}:2.0:User"),
    }
}

const ENUMS: &[&[&str]] = &[
    &["inbound", "outbound"],
    &["Failed", "failed", "Queued", "Sent"],
    &["en-US", "es-419", "*"],
    &["8kHz", "16kHz", ""],
    &["urn:ietf:params:scim:schemas:core:2.0:User", "Self", "self"],
];

/// A field's type as the Python SDK's modules write it (`list[dict(str, Pet)]`).
fn python_type(ty: &FieldType) -> String {
    let leaf = match &ty.base {
        BaseType::Primitive(primitive) => grammar_word(*primitive),
        BaseType::Model { rust_name, .. }
        | BaseType::Enum { rust_name }
        | BaseType::SharedEnum { rust_name } => rust_name,
    };
    let mut text = String::new();
    for container in &ty.containers {
        text.push_str(match container {
            Container::List => "list[",
            Container::Map => "dict(str, ",
        });
    }
    text.push_str(leaf);
    for container in ty.containers.iter().rev() {
        text.push(match container {
            Container::List => ']',
            Container::Map => ')',
        });
    }
    text
}

/// Whether a field is a `str` (or a list or dict of them) that the fixture makes an enum.
fn enumerated(field: &Field) -> bool {
    matches!(
        field.ty.base,
        markdown_model_codegen::model::BaseType::Primitive(Primitive::String)
    ) && ["type", "status", "state", "direction", "category"]
        .iter()
        .any(|suffix| field.doc_name.ends_with(suffix))
}

/// The facts of every field of the chosen models, with the awkward ones injected.
fn facts(models: &[&Model]) -> Vec<Vec<Facts>> {
    let mut turn = 0;
    let mut counter = 0;
    models
        .iter()
        .map(|model| {
            model
                .fields
                .iter()
                .map(|field| {
                    counter += 1;
                    let wire_name = if counter % 23 == 0 {
                        turn += 1;
                        awkward(field, turn)
                    } else {
                        field.wire_name.clone()
                    };
                    let enum_values =
                        enumerated(field).then(|| ENUMS[counter % ENUMS.len()].to_vec());
                    Facts {
                        wire_name,
                        enum_values,
                    }
                })
                .collect()
        })
        .collect()
}

/// A Python string literal, in the quote style of `quote`.
fn python_str(value: &str, quote: char) -> String {
    let mut out = String::from(quote);
    for c in value.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_ascii() => out.push(c),
            c => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
        }
    }
    out.push(quote);
    out
}

/// One module as openapi-generator writes it: the older swagger-codegen style (untyped setters,
/// `swagger_types`) or the newer typed one (`openapi_types`, `-> None`).
fn module_text(model: &Model, facts: &[Facts], typed: bool) -> String {
    let name = &model.name;
    let types_name = if typed {
        "openapi_types"
    } else {
        "swagger_types"
    };
    let mut out = String::new();
    out.push_str("# coding: utf-8\n\n\"\"\"\n    Copyright 2016 SmartBear Software\n\n    Licensed under the Apache License, Version 2.0 (the \"License\");\n\n    Ref: https://github.com/swagger-api/swagger-codegen\n\"\"\"\n\nfrom pprint import pformat\nfrom six import iteritems\nimport re\nimport json\n\nfrom ..utils import sanitize_for_serialization\n\n");
    if typed {
        out.push_str("# type hinting support\nfrom typing import TYPE_CHECKING\nfrom typing import List\nfrom typing import Dict\n\nif TYPE_CHECKING:\n    from . import Division\n\n");
    }
    let _ = write!(
        out,
        "class {name}(object):\n    \"\"\"\n    NOTE: This class is auto generated by the swagger code generator program.\n    Do not edit the class manually.\n    \"\"\"\n    def __init__(self){}:\n        \"\"\"\n        {name} - a model defined in Swagger\n\n        :param dict swaggerTypes: The key is attribute name\n                                  and the value is attribute type.\n        :param dict attributeMap: The key is attribute name\n                                  and the value is json key in definition.\n        \"\"\"\n        self.{types_name} = {{\n",
        if typed { " -> None" } else { "" }
    );
    let entries = |pairs: Vec<(String, String)>| {
        pairs
            .iter()
            .map(|(key, value)| format!("            '{key}': {value}"))
            .collect::<Vec<_>>()
            .join(",\n")
    };
    out.push_str(&entries(
        model
            .fields
            .iter()
            .map(|field| {
                (
                    field.doc_name.clone(),
                    python_str(&python_type(&field.ty), '\''),
                )
            })
            .collect(),
    ));
    out.push_str("\n        }\n\n        self.attribute_map = {\n");
    out.push_str(&entries(
        model
            .fields
            .iter()
            .zip(facts)
            .map(|(field, facts)| (field.doc_name.clone(), python_str(&facts.wire_name, '\'')))
            .collect(),
    ));
    out.push_str("\n        }\n\n");
    for field in &model.fields {
        let _ = writeln!(out, "        self._{} = None", field.doc_name);
    }
    for (field, facts) in model.fields.iter().zip(facts) {
        let doc = &field.doc_name;
        let py_type = python_type(&field.ty);
        let (annotation, returns) = if typed {
            (format!(": '{py_type}'"), " -> None".to_owned())
        } else {
            (String::new(), String::new())
        };
        let _ = write!(
            out,
            "\n    @property\n    def {doc}(self){}:\n        \"\"\"\n        Gets the {doc} of this {name}.\n        {}\n\n        :return: The {doc} of this {name}.\n        :rtype: {py_type}\n        \"\"\"\n        return self._{doc}\n\n    @{doc}.setter\n    def {doc}(self, {doc}{annotation}){returns}:\n        \"\"\"\n        Sets the {doc} of this {name}.\n\n        :param {doc}: The {doc} of this {name}.\n        :type: {py_type}\n        \"\"\"\n",
            if typed {
                format!(" -> '{py_type}'")
            } else {
                String::new()
            },
            field
                .description
                .lines()
                .next()
                .unwrap_or_default()
                .replace('\\', "\\\\")
                .replace("\"\"\"", "'''"),
        );
        match &facts.enum_values {
            Some(values) => {
                let quoted: Vec<String> =
                    values.iter().map(|value| python_str(value, '"')).collect();
                if typed {
                    let _ = writeln!(
                        out,
                        "        if isinstance({doc}, int):\n            {doc} = str({doc})"
                    );
                }
                let _ = write!(
                    out,
                    "        allowed_values = [{}]\n        if {doc}.lower() not in map(str.lower, allowed_values):\n            # print(\"Invalid value for {doc} -> \" + {doc})\n            self._{doc} = \"outdated_sdk_version\"\n        else:\n            self._{doc} = {doc}\n",
                    quoted.join(", ")
                );
            }
            None => {
                let _ = writeln!(out, "        \n        self._{doc} = {doc}");
            }
        }
    }
    let _ = write!(
        out,
        "\n    def to_dict(self):\n        \"\"\"\n        Returns the model properties as a dict\n        \"\"\"\n        result = {{}}\n\n        for attr, _ in iteritems(self.{types_name}):\n            value = getattr(self, attr)\n            if isinstance(value, list):\n                result[attr] = list(map(\n                    lambda x: x.to_dict() if hasattr(x, \"to_dict\") else x,\n                    value\n                ))\n            elif isinstance(value, dict):\n                result[attr] = dict(map(\n                    lambda item: (item[0], item[1].to_dict())\n                    if hasattr(item[1], \"to_dict\") else item,\n                    value.items()\n                ))\n            else:\n                result[attr] = value\n\n        return result\n\n    def to_json(self):\n        \"\"\"\n        Returns the model as raw JSON\n        \"\"\"\n        return json.dumps(sanitize_for_serialization(self.to_dict()))\n\n    def __repr__(self):\n        \"\"\"\n        For `print` and `pprint`\n        \"\"\"\n        return pformat(self.to_dict())\n\n    def __ne__(self, other):\n        \"\"\"\n        Returns true if both objects are not equal\n        \"\"\"\n        return not self == other\n\n"
    );
    out
}

fn wire_names(model: &TypeModel, name: &str) -> Vec<String> {
    let spec_model = model
        .models
        .iter()
        .find(|model| model.name == name)
        .expect("model");
    spec_model
        .fields
        .iter()
        .map(|field| field.wire_name.clone())
        .collect()
}

#[test]
#[cfg_attr(corpus_absent, ignore = "../shared/corpus is absent")]
fn import_from_a_realistic_fixture_set_of_127() {
    import_from_a_realistic_fixture_set("genesys-127.0.0", 2);
}

#[test]
#[cfg_attr(corpus_absent, ignore = "../shared/corpus is absent")]
fn import_from_a_realistic_fixture_set_of_257() {
    import_from_a_realistic_fixture_set("genesys-257.1.0", 4);
}

/// Asserts what the import counted: every module read, and a name or an enum written for each one
/// the fixture injected (and ScimV2User's URN).
fn assert_counts(counts: &ImportCounts, chosen: &[&Model], facts: &[Vec<Facts>]) {
    let injected_names = chosen
        .iter()
        .zip(facts)
        .flat_map(|(model, facts)| model.fields.iter().zip(facts))
        .filter(|(field, facts)| facts.wire_name != field.wire_name)
        .count();
    let injected_enums = facts
        .iter()
        .flatten()
        .filter(|facts| facts.enum_values.is_some())
        .count();
    assert_eq!(
        (
            counts.modules,
            counts.models_read,
            counts.unreadable,
            counts.unknown_models
        ),
        (chosen.len(), chosen.len(), 0, 0)
    );
    assert_eq!(
        counts.wire_names_written,
        injected_names + 1,
        "the injected names and ScimV2User's URN"
    );
    assert_eq!(counts.enums_written, injected_enums);
    assert!(
        counts.wire_names_written > 20 && counts.enums_written > 50,
        "the fixture set exercises the import: {counts}"
    );
}

/// The JSON name a field's model module gives it: its fact's, but for ScimV2User's enterprise
/// extension, whose URN no naming rule spells.
fn module_wire_name(model: &Model, field: &Field, facts: &Facts) -> String {
    if model.name == "ScimV2User"
        && field.doc_name == "urnietfparamsscimschemasextensionenterprise2_0_user"
    {
        "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User".to_owned()
    } else {
        facts.wire_name.clone()
    }
}

/// Asserts that the crate of `model` emits a file per model (and per model's enums), no two at
/// one path.
fn assert_emits_every_file(model: &TypeModel) {
    let (files, _) = emit_crate(model);
    let paths: std::collections::BTreeSet<&Path> =
        files.iter().map(|file| file.path.as_path()).collect();
    assert_eq!(paths.len(), files.len(), "no two files share a path");
    for model in &model.models {
        let stem = model.module.trim_start_matches("r#");
        assert!(paths.contains(Path::new(&format!("src/{stem}.rs"))));
        if !model.enums.is_empty() {
            assert!(paths.contains(Path::new(&format!("src/enums/{stem}.rs"))));
        }
    }
}

/// Imports the fixture set of the corpus `name`, of which `clashing` of [`CLASHING`] exist.
fn import_from_a_realistic_fixture_set(name: &str, clashing: usize) {
    let corpus = corpus(name);
    let markdown_model_codegen::Loaded { model: spec, .. } =
        load(&corpus, None).unwrap_or_else(|failure| panic!("{}", failure.render()));
    let chosen: Vec<&Model> = spec
        .models
        .iter()
        .enumerate()
        .filter(|(at, model)| {
            at % EVERY == 0 || model.name == "ScimV2User" || CLASHING.contains(&model.name.as_str())
        })
        .map(|(_, model)| model)
        .collect();
    let facts = facts(&chosen);

    assert_eq!(
        chosen
            .iter()
            .filter(|model| CLASHING.contains(&model.name.as_str()))
            .count(),
        clashing
    );
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("import_realistic")
        .join(name);
    let _ = fs::remove_dir_all(&dir);
    let modules = dir.join("models");
    fs::create_dir_all(&modules).expect("create the modules folder");
    for (at, (model, facts)) in chosen.iter().zip(&facts).enumerate() {
        let facts_for_module: Vec<Facts> = (model.fields.iter().zip(facts))
            .map(|(field, facts)| Facts {
                wire_name: module_wire_name(model, field, facts),
                enum_values: facts.enum_values.clone(),
            })
            .collect();
        let file = modules.join(format!("{}.py", model.module.trim_start_matches("r#")));
        fs::write(file, module_text(model, &facts_for_module, at % 2 == 1))
            .expect("write a module");
    }
    let config = dir.join("codegen.toml");
    let options = ImportOptions {
        spec_dir: corpus.clone(),
        python_dir: modules.clone(),
        python_apis: None,
        config: Some(config.clone()),
    };
    let imported =
        import_wire_names(&options).unwrap_or_else(|failure| panic!("{}", failure.render()));
    println!(
        "realistic fixture set: {} modules from {} pages of {name}",
        chosen.len(),
        spec.models.len()
    );
    println!("{}", imported.counts);
    let text = fs::read_to_string(&config).expect("the config was written");
    println!(
        "{}: {} lines, {} wire_name and {} enum entries",
        config.display(),
        text.lines().count(),
        text.matches("\nwire_name = ").count(),
        text.matches("\nenum = ").count()
    );

    assert_counts(&imported.counts, &chosen, &facts);

    let markdown_model_codegen::Loaded { model: after, .. } =
        load(&corpus, Some(&config)).unwrap_or_else(|failure| panic!("{}", failure.render()));
    // The enums that clashed have their own names in their models' modules, and the crate emits.
    for model in after
        .models
        .iter()
        .filter(|model| CLASHING.contains(&model.name.as_str()))
    {
        assert!(!model.enums.is_empty(), "{} has its enums", model.name);
        for item in &model.enums {
            println!("{}::{}", model.module, item.rust_name);
        }
    }
    assert_emits_every_file(&after);
    let mut checked = 0;
    for (model, facts) in chosen.iter().zip(&facts) {
        let wanted: Vec<String> = (model.fields.iter().zip(facts))
            .map(|(field, facts)| module_wire_name(model, field, facts))
            .collect();
        assert_eq!(
            wire_names(&after, &model.name),
            wanted,
            "wire names of {}",
            model.name
        );
        checked += wanted.len();
    }
    println!(
        "every one of the {checked} fields of the {} modules has its module's JSON name",
        chosen.len()
    );

    let again =
        import_wire_names(&options).unwrap_or_else(|failure| panic!("{}", failure.render()));
    assert!(!again.written, "a second run changes nothing");
    assert_eq!(fs::read_to_string(&config).expect("read"), text);
}

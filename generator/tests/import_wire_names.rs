//! `import::import_wire_names` on hand-written fixture modules of both openapi-generator styles
//! (`swagger_types` with untyped setters, `openapi_types` with typed setters), with every awkward
//! JSON name of the issue, and the config validation the imported entries rely on.

use std::fs;
use std::path::{Path, PathBuf};

use markdown_model_codegen::import::{ImportCounts, ImportOptions, Imported, import_wire_names};
use markdown_model_codegen::{Failure, TypeModel, load};
use syn::ext::IdentExt;

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/python_models")
}

/// An empty folder of this test's own.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("import_wire_names")
        .join(name);
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).expect("create scratch folder");
    dir
}

fn options(config: &Path) -> ImportOptions {
    ImportOptions {
        spec_dir: fixture().join("spec"),
        python_dir: fixture().join("models"),
        python_apis: None,
        config: Some(config.to_owned()),
    }
}

fn render(failure: &Failure) -> String {
    failure.render()
}

/// The attribute maps of the fixture modules, as Python itself reads them
/// (`ast.literal_eval`), for every field that the pages have.
const ATTRIBUTE_MAPS: &[(&str, &[(&str, &str)])] = &[
    (
        "IdentityProvider",
        &[
            ("id", "id"),
            ("name", "name"),
            ("issuer_uri", "issuerURI"),
            ("sso_target_uri", "ssoTargetURI"),
            ("max_file_size_kb", "maxFileSizeKB"),
            ("disabled", "disabled"),
            ("pcSelf", "self"),
            ("state", "state"),
        ],
    ),
    (
        "JsonSchemaDocument",
        &[
            ("id", "id"),
            ("ref", "$ref"),
            ("schema", "$schema"),
            ("third_party", "third-party"),
            ("org_id", "org-id"),
            ("facet_feature", "facet_feature"),
            ("kind", "kind"),
        ],
    ),
    (
        "MediaSettings",
        &[
            ("audio_tts", "audioTTS"),
            ("marked_na", "markedNA"),
            ("resources", "Resources"),
            ("pc", "PC"),
            ("language", "language"),
            ("sample_rates", "sampleRates"),
            ("status", "status"),
            ("channels", "channels"),
            ("media_type", "mediaType"),
        ],
    ),
    (
        "ScimV2EnterpriseUser",
        &[("division", "division"), ("department", "department")],
    ),
    (
        "ScimV2User",
        &[
            ("id", "id"),
            ("schemas", "schemas"),
            ("user_name", "userName"),
            (
                "urnietfparamsscimschemasextensionenterprise2_0_user",
                "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User",
            ),
        ],
    ),
];

/// Every field of every model has the JSON name of the fixture's attribute map, and every model
/// and field of the spec is in the maps.
fn assert_wire_names(model: &TypeModel) {
    let names: Vec<&str> = model
        .models
        .iter()
        .map(|model| model.name.as_str())
        .collect();
    assert_eq!(
        names,
        ATTRIBUTE_MAPS
            .iter()
            .map(|(name, _)| *name)
            .collect::<Vec<_>>()
    );
    for (spec_model, (name, map)) in model.models.iter().zip(ATTRIBUTE_MAPS) {
        let actual: Vec<(&str, &str)> = spec_model
            .fields
            .iter()
            .map(|field| (field.doc_name.as_str(), field.wire_name.as_str()))
            .collect();
        assert_eq!(actual, *map, "wire names of {name}");
    }
    assert_emitted_serde_names(model);
}

/// The wire names the emitted serde impls use (the `model_serde!` invocation after each
/// struct: `Model { kind field = "wireName", ... }`) are the fixture's JSON names too: read back
/// from the generated Rust with syn.
fn assert_emitted_serde_names(model: &TypeModel) {
    let (files, _) = markdown_model_codegen::emit::emit_crate(model);
    for (spec_model, (name, map)) in model.models.iter().zip(ATTRIBUTE_MAPS) {
        let path = format!("src/{}.rs", spec_model.module.trim_start_matches("r#"));
        let file = files
            .iter()
            .find(|file| file.path.to_str() == Some(path.as_str()))
            .expect("a module per model");
        let parsed: syn::File = syn::parse_str(&file.contents).expect("emitted Rust parses");
        let invocation = parsed
            .items
            .iter()
            .find_map(|item| match item {
                syn::Item::Macro(item) if item.mac.path.is_ident("model_serde") => Some(&item.mac),
                _ => None,
            })
            .expect("the model's serde impls");
        let serde_names = invocation
            .parse_body_with(|input: syn::parse::ParseStream| {
                let model: syn::Ident = input.parse()?;
                assert_eq!(model, spec_model.rust_name);
                let fields;
                syn::braced!(fields in input);
                let mut wires = Vec::new();
                while !fields.is_empty() {
                    fields.parse::<syn::Ident>()?; // the kind
                    fields.call(syn::Ident::parse_any)?; // the field
                    fields.parse::<syn::Token![=]>()?;
                    wires.push(fields.parse::<syn::LitStr>()?.value());
                    fields.parse::<syn::Token![,]>()?;
                }
                Ok(wires)
            })
            .expect("the invocation parses");
        let expected: Vec<&str> = map.iter().map(|(_, wire)| *wire).collect();
        assert_eq!(serde_names, expected, "serde names emitted for {name}");
    }
}

fn enum_values(model: &TypeModel, model_name: &str, field: &str) -> Vec<String> {
    let spec_model = model
        .models
        .iter()
        .find(|model| model.name == model_name)
        .expect("model");
    let item = spec_model
        .enums
        .iter()
        .find(|item| item.field == field)
        .unwrap_or_else(|| panic!("{model_name}.{field} is no enum"));
    item.variants
        .iter()
        .map(|variant| variant.value.clone())
        .collect()
}

#[test]
fn imported_names_make_every_wire_name_right_and_a_second_run_changes_nothing() {
    let dir = scratch("round");
    let config = dir.join("codegen.toml");
    fs::copy(fixture().join("spec/codegen.toml"), &config).expect("copy the hand-written config");

    let markdown_model_codegen::Loaded { model: before, .. } =
        load(&fixture().join("spec"), Some(&config))
            .unwrap_or_else(|failure| panic!("{}", render(&failure)));
    let wrong = before
        .models
        .iter()
        .flat_map(|model| &model.fields)
        .filter(|field| {
            ATTRIBUTE_MAPS
                .iter()
                .flat_map(|(_, map)| *map)
                .any(|(doc, wire)| *doc == field.doc_name && *wire != field.wire_name)
        });
    assert_eq!(
        wrong.count(),
        12,
        "the rule alone gets 12 fixture names wrong (one more is hand-written)"
    );

    let imported = import_wire_names(&options(&config))
        .unwrap_or_else(|failure| panic!("{}", render(&failure)));
    assert!(imported.written);
    assert_eq!(
        imported.counts,
        ImportCounts {
            modules: 8,
            models_read: 6,
            not_models: 1,
            unreadable: 1,
            unknown_models: 1,
            fields: 30,
            unknown_fields: 1,
            wire_names: 13,
            wire_names_written: 12,
            wire_names_clashing: 0,
            enums: 8,
            enums_written: 6,
            enums_not_str: 1,
            unchanged: 1,
            conflicts: 1,
            ..ImportCounts::default()
        }
    );
    let text = fs::read_to_string(&config).expect("read the edited config");
    let expected =
        fs::read_to_string(fixture().join("expected_codegen.toml")).expect("expected_codegen.toml");
    assert_eq!(
        text, expected,
        "the edited config differs from tests/fixtures/python_models/expected_codegen.toml"
    );

    let markdown_model_codegen::Loaded { model: after, .. } =
        load(&fixture().join("spec"), Some(&config))
            .unwrap_or_else(|failure| panic!("{}", render(&failure)));
    assert_wire_names(&after);
    assert_wire_names(&imported.model);
    assert_eq!(
        enum_values(&after, "MediaSettings", "language"),
        ["en-US", "en-us", "es-419", "*"]
    );
    assert_eq!(
        enum_values(&after, "MediaSettings", "status"),
        ["Failed", "failed", "Queued"],
        "the hand-written values win"
    );
    assert_eq!(
        enum_values(&after, "JsonSchemaDocument", "kind"),
        [
            "urn:ietf:params:scim:schemas:core:2.0:User",
            "8kHz",
            "*",
            "",
            "Self",
            "self",
            "dollar$\u{e9}"
        ]
    );
    assert_eq!(
        enum_values(&after, "IdentityProvider", "state"),
        ["active", "inactive", "deleted"]
    );
    assert_eq!(enum_values(&after, "ScimV2User", "schemas").len(), 3);

    let again = import_wire_names(&options(&config))
        .unwrap_or_else(|failure| panic!("{}", render(&failure)));
    assert!(!again.written);
    assert_eq!(
        (
            again.counts.wire_names_written,
            again.counts.enums_written,
            again.counts.unchanged
        ),
        (0, 0, 19)
    );
    assert_eq!(
        fs::read_to_string(&config).expect("read"),
        text,
        "a second run changes nothing"
    );
}

#[test]
fn unreadable_modules_unknown_fields_and_conflicts_are_reported_with_their_lines() {
    let dir = scratch("warnings");
    let config = dir.join("codegen.toml");
    fs::copy(fixture().join("spec/codegen.toml"), &config).expect("copy the hand-written config");
    let imported = import_wire_names(&options(&config))
        .unwrap_or_else(|failure| panic!("{}", render(&failure)));
    let summaries: Vec<String> = imported
        .warnings
        .iter()
        .map(|warning| imported.sources.summarize(warning))
        .collect();
    let models = fixture().join("models");
    let wanted = [
        format!(
            "{}:4:18: warning: cannot read this model module: unterminated string",
            models.join("broken.py").display()
        ),
        format!(
            "{}:15:9: warning: `MediaSettings.status` keeps its enum [\"Failed\", \"failed\", \"Queued\"]",
            config.display()
        ),
        format!(
            "{}:171:9: warning: `MediaSettings.channels` is `integer` on its page, not `string`; its allowed values are not imported",
            models.join("media_settings.py").display()
        ),
        format!(
            "{}:38:21: warning: `ScimV2User` has no field `meta` on its page ScimV2User.md; skipped",
            models.join("scim_v2_user.py").display()
        ),
    ];
    assert_eq!(summaries, wanted);
    let conflict = &imported.warnings[1];
    assert!(
        conflict.notes[0].contains("[\"Failed\", \"failed\", \"Queued\", \"Sent\"]"),
        "{:?}",
        conflict.notes
    );
    assert!(
        conflict.notes[0].contains("media_settings.py:142:9"),
        "{:?}",
        conflict.notes
    );
}

#[test]
fn a_missing_config_is_created_with_only_what_the_rule_gets_wrong() {
    let dir = scratch("created");
    let config = dir.join("new.toml");
    let imported = import_wire_names(&options(&config))
        .unwrap_or_else(|failure| panic!("{}", render(&failure)));
    assert!(imported.written);
    assert_eq!(
        (
            imported.counts.wire_names_written,
            imported.counts.enums_written,
            imported.counts.conflicts
        ),
        (13, 7, 0)
    );
    let text = fs::read_to_string(&config).expect("the config was created");
    assert_eq!(text.matches("wire_name = ").count(), 13);
    assert_eq!(text.matches("enum = ").count(), 7);
    for right in ["userName", "self", "sampleRates", "mediaType", "id"] {
        assert!(
            !text.contains(&format!("wire_name = \"{right}\"")),
            "{right} needs no entry:\n{text}"
        );
    }
    assert!(!text.contains("[package]"));
    let markdown_model_codegen::Loaded { model, .. } = load(&fixture().join("spec"), Some(&config))
        .unwrap_or_else(|failure| panic!("{}", render(&failure)));
    assert_wire_names(&model);
    assert_eq!(
        enum_values(&model, "MediaSettings", "status"),
        ["Failed", "failed", "Queued", "Sent"]
    );
}

#[test]
fn a_config_that_does_not_build_stops_the_import_before_anything_is_written() {
    let dir = scratch("stale");
    let config = dir.join("codegen.toml");
    let text = "[models.MediaSetings.fields.status]\nenum = [\"a\"]\n";
    fs::write(&config, text).expect("write config");
    let Err(failure) = import_wire_names(&options(&config)) else {
        panic!("a stale override must stop the import")
    };
    assert!(
        render(&failure).contains("codegen.toml names model `MediaSetings`, which no page defines"),
        "{}",
        render(&failure)
    );
    assert_eq!(fs::read_to_string(&config).expect("read"), text);
}

/// The `path:line:column: severity: message` lines of a failed load.
fn load_errors(config_text: &str, name: &str) -> (PathBuf, Vec<String>) {
    let config = scratch(name).join("codegen.toml");
    fs::write(&config, config_text).expect("write config");
    match load(&fixture().join("spec"), Some(&config)) {
        Ok(_) => panic!("the config must not load:\n{config_text}"),
        Err(Failure::Input {
            diagnostics,
            sources,
        }) => (
            config,
            diagnostics
                .iter()
                .filter(|d| d.is_error())
                .map(|d| sources.summarize(d))
                .collect(),
        ),
        Err(other) => panic!("{}", render(&other)),
    }
}

#[test]
fn overrides_of_unknown_models_and_fields_are_errors_at_their_line() {
    let (config, errors) = load_errors(
        "# overrides that expired\n[models.MediaSetings.fields.status]\nenum = [\"a\"]\n\n[models.MediaSettings.fields.statuss]\nwire_name = \"x\"\n",
        "unknown",
    );
    let path = config.display();
    assert_eq!(
        errors,
        [
            format!(
                "{path}:2:9: error: codegen.toml names model `MediaSetings`, which no page defines"
            ),
            format!(
                "{path}:5:30: error: codegen.toml names field `MediaSettings.statuss`, which the page does not have"
            ),
        ]
    );
}

#[test]
fn an_enum_with_a_duplicate_value_is_an_error_at_the_duplicate() {
    let (config, errors) = load_errors(
        "[models.MediaSettings.fields.status]\nenum = [\"Failed\", \"failed\",\n  \"Failed\"]\n",
        "duplicate",
    );
    assert_eq!(
        errors,
        [format!(
            "{}:3:3: error: duplicate enum value `Failed`",
            config.display()
        )]
    );
}

#[test]
fn a_table_written_inline_is_an_error_at_its_line() {
    let dir = scratch("inline");
    let config = dir.join("codegen.toml");
    let text = "# Overrides.\nmodels = {}\n";
    fs::write(&config, text).expect("write config");
    let Err(failure) = import_wire_names(&options(&config)) else {
        panic!("the import cannot add to an inline table")
    };
    let rendered = render(&failure);
    let wanted = format!(
        "error: `models` is not written as a [table] in the config, so the import cannot add to it\n  ┌─ {}:2:10",
        config.display()
    );
    assert!(rendered.contains(&wanted), "{rendered}");
    assert_eq!(
        rendered.matches("is not written as a [table]").count(),
        1,
        "{rendered}"
    );
    assert_eq!(fs::read_to_string(&config).expect("read"), text);
}

/// A config an editor saved with a byte-order mark is edited like any other, and keeps its mark.
#[test]
fn a_config_with_a_byte_order_mark_keeps_it() {
    let dir = scratch("byte_order_mark");
    let config = dir.join("codegen.toml");
    fs::write(&config, "\u{feff}[types]\n").expect("write the config");
    let imported = import_wire_names(&options(&config))
        .unwrap_or_else(|failure| panic!("{}", render(&failure)));
    assert!(imported.written);
    let text = fs::read_to_string(&config).expect("read the config");
    assert!(text.starts_with("\u{feff}[types]\n"), "{text}");
    assert_eq!(text.matches("wire_name = ").count(), 13);
    assert_eq!(text.matches('\u{feff}').count(), 1);
    let again = import_wire_names(&options(&config))
        .unwrap_or_else(|failure| panic!("{}", render(&failure)));
    assert!(!again.written, "a second run changes nothing");
}

/// A model module in openapi-generator's format with these fields: (attribute, JSON name, allowed
/// values).
fn module(class: &str, fields: &[(&str, &str, Option<&[&str]>)]) -> String {
    let mut text = format!(
        "class {class}(object):\n    def __init__(self):\n        self.swagger_types = {{\n"
    );
    for (name, _, _) in fields {
        text.push_str(&format!("            '{name}': 'str',\n"));
    }
    text.push_str("        }\n\n        self.attribute_map = {\n");
    for (name, wire, _) in fields {
        text.push_str(&format!("            '{name}': '{wire}',\n"));
    }
    text.push_str("        }\n");
    for (name, _, values) in fields {
        text.push_str(&format!(
            "\n    @{name}.setter\n    def {name}(self, {name}):\n"
        ));
        if let Some(values) = values {
            let quoted: Vec<String> = values.iter().map(|value| format!("\"{value}\"")).collect();
            text.push_str(&format!(
                "        allowed_values = [{}]\n        if {name}.lower() not in map(str.lower, allowed_values):\n            self._{name} = \"outdated_sdk_version\"\n        else:\n            self._{name} = {name}\n",
                quoted.join(", ")
            ));
        } else {
            text.push_str(&format!("        self._{name} = {name}\n"));
        }
    }
    text
}

/// Imports the modules of `modules` into `config` for the pages of `spec`; it must succeed.
fn import_folders(spec: &Path, modules: PathBuf, config: &Path) -> Imported {
    import_wire_names(&ImportOptions {
        spec_dir: spec.to_owned(),
        python_dir: modules,
        python_apis: None,
        config: Some(config.to_owned()),
    })
    .unwrap_or_else(|failure| panic!("{}", render(&failure)))
}

/// A page in the 257.1.0 dialect with optional `str` fields.
fn str_page(name: &str, fields: &[&str]) -> String {
    let mut page = format!(
        "# {name}\n\n## {name}\n\n## Properties\n\n|Name | Type | Description | Notes|\n|------------ | ------------- | ------------- | -------------|\n"
    );
    for field in fields {
        page.push_str(&format!(
            "| **{field}** | str | The {field}. | [optional] |\n"
        ));
    }
    page
}

/// The enums of the SDK whose crate-root names used to be other items' (`DependencyType` was both
/// a model and the enum of `Dependency.type`) are imported, and the spec generates.
#[test]
fn enums_named_like_models_or_other_enums_are_imported_and_generate() {
    let dir = scratch("clashes");
    let (spec, modules) = (dir.join("spec"), dir.join("models"));
    fs::create_dir_all(&spec).expect("spec folder");
    fs::create_dir_all(&modules).expect("modules folder");
    for (name, fields) in [
        ("Dependency", &["name", "type"][..]),
        ("DependencyType", &["id"]),
        ("User", &["state"]),
        ("UserState", &["state"]),
        ("Workitem", &["status_category"]),
        ("WorkitemStatus", &["category"]),
        ("WorkitemStatusCategory", &["id"]),
    ] {
        fs::write(spec.join(format!("{name}.md")), str_page(name, fields)).expect("page");
    }
    for (file, class, fields) in [
        (
            "dependency",
            "Dependency",
            &[
                ("name", "name", None),
                ("type", "type", Some(&["RUNTIME", "BUILD"][..])),
            ][..],
        ),
        (
            "user",
            "User",
            &[(
                "state",
                "state",
                Some(&["active", "inactive", "deleted"][..]),
            )],
        ),
        (
            "user_state",
            "UserState",
            &[("state", "state", Some(&["on", "off"][..]))],
        ),
        (
            "workitem",
            "Workitem",
            &[(
                "status_category",
                "statusCategory",
                Some(&["Open", "Closed"][..]),
            )],
        ),
        (
            "workitem_status",
            "WorkitemStatus",
            &[(
                "category",
                "category",
                Some(&["Open", "Waiting", "Closed"][..]),
            )],
        ),
    ] {
        fs::write(modules.join(format!("{file}.py")), module(class, fields)).expect("module");
    }
    let config = dir.join("codegen.toml");
    let imported = import_folders(&spec, modules, &config);
    assert_eq!(imported.counts.enums_written, 5, "{}", imported.counts);
    let markdown_model_codegen::Loaded { model, .. } =
        load(&spec, Some(&config)).unwrap_or_else(|failure| panic!("{}", render(&failure)));
    let enums: Vec<String> = model
        .models
        .iter()
        .flat_map(|model| {
            model
                .enums
                .iter()
                .map(move |item| format!("{}::{}", model.module, item.rust_name))
        })
        .collect();
    assert_eq!(
        enums,
        [
            "dependency::Type",
            "user::State",
            "user_state::State",
            "workitem::StatusCategory",
            "workitem_status::Category"
        ]
    );
}

/// A JSON name that another field of the model has is a warning at the module's line and is not
/// imported; everything else is.
#[test]
fn a_json_name_another_field_has_is_a_warning_and_the_rest_is_imported() {
    let dir = scratch("taken_wire_name");
    let (spec, modules) = (dir.join("spec"), dir.join("models"));
    fs::create_dir_all(&spec).expect("spec folder");
    fs::create_dir_all(&modules).expect("modules folder");
    fs::write(
        spec.join("Book.md"),
        str_page("Book", &["name", "title", "isbn"]),
    )
    .expect("page");
    fs::write(
        modules.join("book.py"),
        module(
            "Book",
            &[
                ("name", "name", None),
                ("title", "name", None),
                ("isbn", "ISBN", None),
            ],
        ),
    )
    .expect("module");
    let config = dir.join("codegen.toml");
    let imported = import_folders(&spec, modules, &config);
    assert_eq!(
        (
            imported.counts.wire_names_written,
            imported.counts.wire_names_clashing
        ),
        (1, 1)
    );
    let warnings: Vec<String> = imported
        .warnings
        .iter()
        .map(|warning| imported.sources.summarize(warning))
        .collect();
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(
        warnings[0].ends_with("book.py:11:22: warning: the JSON name `name` of `Book.title` is also `Book.name`'s; not imported"),
        "{warnings:?}"
    );
    let markdown_model_codegen::Loaded { model, .. } =
        load(&spec, Some(&config)).unwrap_or_else(|failure| panic!("{}", render(&failure)));
    let wire: Vec<&str> = model.models[0]
        .fields
        .iter()
        .map(|field| field.wire_name.as_str())
        .collect();
    assert_eq!(wire, ["name", "title", "ISBN"]);
}

//! `[sources] also`: what the primary docs folder's pages cannot show (exact JSON names, a
//! field's enum values, whether it is required or nullable, that a model is a oneOf) is taken
//! from the same API's docs in other languages, recorded with the page it came from, and every
//! disagreement is a warning at both places. Pages here are small ones written after the public
//! templates (Go's, TypeScript's, Java's, Rust's, typescript-fetch's).

use std::fs;
use std::path::Path;

use markdown_model_codegen::diff::diff;
use markdown_model_codegen::model::{Fact, Field, Model, ModelKind, Taken, TypeModel};
use markdown_model_codegen::surface::ApiSurface;
use markdown_model_codegen::{Failure, load};

/// Writes `folders` (folder name, then its pages as file name and text) under one temporary
/// folder, with `config` as the first folder's `codegen.toml`, and loads the first; returns the
/// model and the rendered warnings.
fn load_folders(config: &str, folders: &[(&str, &[(&str, &str)])]) -> (TypeModel, String) {
    let root = tempfile::tempdir().expect("temporary folder");
    for (folder, pages) in folders {
        let dir = root.path().join(folder);
        fs::create_dir(&dir).expect("create a folder");
        for (name, text) in *pages {
            fs::write(dir.join(name), text).expect("write a page");
        }
    }
    let primary = root.path().join(folders[0].0);
    fs::write(primary.join("codegen.toml"), config).expect("write the config");
    match load(&primary, None) {
        Ok(markdown_model_codegen::Loaded {
            model,
            sources,
            warnings,
            ..
        }) => (model, sources.render(&warnings)),
        Err(failure) => panic!("{}", failure.render()),
    }
}

fn model<'m>(model: &'m TypeModel, name: &str) -> &'m Model {
    (model.models.iter())
        .find(|item| item.name == name)
        .unwrap_or_else(|| panic!("no model {name}"))
}

fn field<'m>(model: &'m Model, name: &str) -> &'m Field {
    (model.fields.iter())
        .find(|field| field.doc_name == name)
        .unwrap_or_else(|| panic!("no field {name}"))
}

fn taken(fact: Fact, from: &str) -> Taken {
    Taken {
        fact,
        from: from.to_owned(),
    }
}

/// A page of a Properties table whose rows are `| name | type | notes |`.
fn page(title: &str, rows: &[(&str, &str, &str)]) -> String {
    let mut text = format!(
        "# {title}\n\n## Properties\n\nName | Type | Description | Notes\n\
         ------------ | ------------- | ------------- | -------------\n"
    );
    for (name, type_cell, notes) in rows {
        text.push_str(&format!("**{name}** | {type_cell} |  | {notes}\n"));
    }
    text
}

const GO_CONFIG: &str =
    "[naming]\nwire = \"snake_case\"\n\n[sources]\nalso = [\"../typescript\"]\n";

#[test]
fn json_names_come_from_a_folder_whose_name_column_is_the_json_name() {
    let go = page(
        "Colors",
        &[
            ("Brand50", "Pointer to **string**", "[optional]"),
            ("Name", "Pointer to **string**", "[optional]"),
            ("ClientDataJSON", "Pointer to **[]int32**", "[optional]"),
        ],
    );
    let typescript = page(
        "Colors",
        &[
            (
                "brand_50",
                "**string**",
                "[optional] [default to undefined]",
            ),
            ("name", "**string**", "[optional] [default to undefined]"),
            (
                "client_dataJSON",
                "**Array&lt;number&gt;**",
                "[optional] [default to undefined]",
            ),
        ],
    );
    let (types, warnings) = load_folders(
        GO_CONFIG,
        &[
            ("go", &[("Colors.md", &go)]),
            ("typescript", &[("Colors.md", &typescript)]),
        ],
    );
    assert_eq!(warnings, "");
    let colors = model(&types, "Colors");
    let brand = field(colors, "Brand50");
    assert_eq!(brand.wire_name, "brand_50");
    assert_eq!(
        brand.taken,
        [taken(Fact::JsonName, "../typescript/Colors.md")]
    );
    assert_eq!(field(colors, "ClientDataJSON").wire_name, "client_dataJSON");
    // The rule spells `name` already: nothing is recorded.
    let name = field(colors, "Name");
    assert_eq!((name.wire_name.as_str(), name.taken.len()), ("name", 0));
}

#[test]
fn a_name_two_properties_share_matches_nothing() {
    let go = page("Thing", &[("Id", "Pointer to **string**", "[optional]")]);
    let typescript = page(
        "Thing",
        &[
            ("_id", "**string**", "[optional]"),
            ("id", "**string**", "[optional]"),
        ],
    );
    let (types, _) = load_folders(
        GO_CONFIG,
        &[
            ("go", &[("Thing.md", &go)]),
            ("typescript", &[("Thing.md", &typescript)]),
        ],
    );
    let id = field(model(&types, "Thing"), "Id");
    assert_eq!((id.wire_name.as_str(), id.taken.len()), ("id", 0));
}

#[test]
fn enum_values_required_and_nullable_come_from_pages_that_show_them() {
    let fetch = "# Pet\n\n## Properties\n\nName | Type\n------------ | -------------\n\
                 `status` | string\n`name` | string\n";
    let java = format!(
        "{}\n\n## Enum: StatusEnum\n\nName | Value\n---- | -----\nAVAILABLE | &quot;available&quot;\n\
         SOLD | &quot;sold&quot;\n",
        page(
            "Pet",
            &[
                ("status", "[**StatusEnum**](#StatusEnum)", "[optional]"),
                ("name", "**String**", ""),
            ]
        )
    );
    let typescript = page(
        "Pet",
        &[
            ("status", "**string**", "[optional]"),
            ("name", "**string | null**", ""),
        ],
    );
    let (types, warnings) = load_folders(
        "[sources]\nalso = [\"../java\", \"../typescript\"]\n",
        &[
            ("fetch", &[("Pet.md", fetch)]),
            ("java", &[("Pet.md", &java)]),
            ("typescript", &[("Pet.md", &typescript)]),
        ],
    );
    assert_eq!(warnings, "");
    let pet = model(&types, "Pet");
    let status = field(pet, "status");
    assert!(!status.required && !status.required_unknown);
    let values: Vec<&str> = pet.enums[0]
        .variants
        .iter()
        .map(|v| v.value.as_str())
        .collect();
    assert_eq!(values, ["available", "sold"]);
    assert_eq!(
        status.taken,
        [
            taken(Fact::EnumValues, "../java/Pet.md"),
            taken(Fact::Required, "../java/Pet.md"),
        ]
    );
    let name = field(pet, "name");
    assert!(name.required && name.nullable);
    assert_eq!(
        name.taken,
        [
            taken(Fact::Required, "../java/Pet.md"),
            taken(Fact::Nullable, "../typescript/Pet.md"),
        ]
    );
}

#[test]
fn a_oneof_another_folder_shows_makes_every_field_optional() {
    let python = page(
        "Shape",
        &[
            ("kind", "**str**", ""),
            ("radius", "**float**", ""),
            ("side", "**float**", ""),
        ],
    );
    let rust = "# Shape\n\n## Enum Variants\n\n| Name | Description |\n|---- | -----|\n\
                | Circle |  |\n| Square |  |\n";
    let circle = page(
        "Circle",
        &[("kind", "**str**", ""), ("radius", "**float**", "")],
    );
    let (types, _) = load_folders(
        "[sources]\nalso = [\"../rust\"]\n",
        &[
            ("python", &[("Shape.md", &python), ("Circle.md", &circle)]),
            ("rust", &[("Shape.md", rust)]),
        ],
    );
    let shape = model(&types, "Shape");
    assert_eq!(shape.taken, [taken(Fact::Composition, "../rust/Shape.md")]);
    assert!(shape.fields.iter().all(|field| !field.required));
    assert!(field(model(&types, "Circle"), "kind").required);
}

#[test]
fn the_variants_another_folder_lists_make_a_oneof_of_the_primary_models() {
    let python = page(
        "Shape",
        &[
            ("kind", "**str**", ""),
            ("radius", "**float**", "[optional]"),
        ],
    );
    let circle = page(
        "IPCircle",
        &[("kind", "**str**", ""), ("radius", "**float**", "")],
    );
    let square = page(
        "Square",
        &[("kind", "**str**", ""), ("side", "**float**", "")],
    );
    // Rust spells the model `IpCircle`; Ruby names the discriminator and its mapping.
    let rust = "# Shape\n\n## Enum Variants\n\n| Name | Description |\n|---- | -----|\n\
                | IpCircle |  |\n| Square |  |\n";
    let ruby = "# Client::Shape\n\n## Class instance methods\n\n### `openapi_one_of`\n\n\
                ```ruby\nClient::Shape.openapi_one_of\n# =>\n# [\n#   :'IPCircle',\n\
                #   :'Square'\n# ]\n```\n\n### `openapi_discriminator_name`\n\n```ruby\n\
                Client::Shape.openapi_discriminator_name\n# => :'kind'\n```\n\n\
                ### `openapi_discriminator_name`\n\n```ruby\n\
                Client::Shape.openapi_discriminator_mapping\n# =>\n# {\n\
                #   :'circle' => :'IPCircle',\n#   :'square' => :'Square'\n# }\n```\n";
    let (types, _) = load_folders(
        "[sources]\nalso = [\"../rust\", \"../ruby\"]\n",
        &[
            (
                "python",
                &[
                    ("Shape.md", &python),
                    ("IPCircle.md", &circle),
                    ("Square.md", &square),
                ],
            ),
            ("rust", &[("Shape.md", rust)]),
            ("ruby", &[("Shape.md", ruby)]),
        ],
    );
    let shape = model(&types, "Shape");
    // The variants from Rust's page, renamed to the primary's models; the discriminator from
    // Ruby's, which Rust's does not name.
    assert_eq!(
        shape.taken,
        [
            taken(Fact::Variants, "../rust/Shape.md"),
            taken(Fact::Variants, "../ruby/Shape.md")
        ]
    );
    let ModelKind::OneOf(one_of) = &shape.kind else {
        panic!("a oneOf: {:?}", shape.kind);
    };
    let variants: Vec<(&str, &[String])> = (one_of.variants.iter())
        .map(|variant| (variant.rust_name.as_str(), variant.tags.as_slice()))
        .collect();
    assert_eq!(
        variants,
        [
            ("IPCircle", &["circle".to_owned()][..]),
            ("Square", &["square".to_owned()][..])
        ]
    );
    assert_eq!(one_of.discriminator.as_deref(), Some("kind"));
    assert!(shape.fields.is_empty());
}

#[test]
fn variants_two_folders_list_differently_are_a_warning_and_the_primary_wins() {
    let rust = "# Shape\n\n## Enum Variants\n\n| Name | Description |\n|---- | -----|\n\
                | Circle |  |\n| Square |  |\n";
    let ruby = "# Client::Shape\n\n## Class instance methods\n\n### `openapi_one_of`\n\n\
                ```ruby\nClient::Shape.openapi_one_of\n# =>\n# [\n#   :'Circle',\n\
                #   :'Triangle'\n# ]\n```\n";
    let shape = |name| page(name, &[("side", "**f64**", "")]);
    let (circle, square, triangle) = (shape("Circle"), shape("Square"), shape("Triangle"));
    let (types, warnings) = load_folders(
        "[sources]\nalso = [\"../ruby\"]\n",
        &[
            (
                "rust",
                &[
                    ("Shape.md", rust),
                    ("Circle.md", &circle),
                    ("Square.md", &square),
                    ("Triangle.md", &triangle),
                ],
            ),
            ("ruby", &[("Shape.md", ruby)]),
        ],
    );
    assert!(
        warnings.contains("the docs folders disagree on the variants of `Shape`"),
        "{warnings}"
    );
    assert!(
        warnings.contains("`Circle`, `Square` here, which are used"),
        "{warnings}"
    );
    assert!(warnings.contains("`Circle`, `Triangle` here"), "{warnings}");
    let ModelKind::OneOf(one_of) = &model(&types, "Shape").kind else {
        panic!("a oneOf");
    };
    let names: Vec<&str> = (one_of.variants.iter())
        .map(|variant| variant.rust_name.as_str())
        .collect();
    assert_eq!(names, ["Circle", "Square"]);
}

#[test]
fn folders_that_disagree_are_reported_at_both_places_and_the_primary_wins() {
    let typescript = page("Pet", &[("name", "**string**", "")]);
    let other = page("Pet", &[("name", "**string**", "[optional]")]);
    let (types, warnings) = load_folders(
        "[sources]\nalso = [\"../other\"]\n",
        &[
            ("typescript", &[("Pet.md", &typescript)]),
            ("other", &[("Pet.md", &other)]),
        ],
    );
    assert!(field(model(&types, "Pet"), "name").required);
    assert!(
        warnings.contains("the docs folders disagree on whether `Pet.name` is required"),
        "{warnings}"
    );
    let places: Vec<&str> = warnings
        .lines()
        .filter(|line| line.contains("Pet.md:"))
        .collect();
    assert_eq!(places.len(), 2, "{warnings}");
    // The config has no entry that settles whether a field is required.
    assert!(!warnings.contains("codegen.toml"), "{warnings}");
}

#[test]
fn a_folder_that_is_not_there_is_an_error_at_its_entry() {
    let root = tempfile::tempdir().expect("temporary folder");
    let dir = root.path().join("go");
    fs::create_dir(&dir).expect("create a folder");
    fs::write(
        dir.join("Pet.md"),
        page("Pet", &[("Name", "**string**", "")]),
    )
    .expect("write");
    fs::write(
        dir.join("codegen.toml"),
        "[sources]\nalso = [\"../missing\"]\n",
    )
    .expect("write");
    match load(Path::new(&dir), None) {
        Err(failure @ Failure::Input { .. }) => {
            let rendered = failure.render();
            assert!(rendered.contains("no docs folder at"), "{rendered}");
            assert!(rendered.contains("codegen.toml:2:"), "{rendered}");
        }
        Ok(_) => panic!("a missing folder must be an error"),
        Err(failure) => panic!("{}", failure.render()),
    }
}

#[test]
fn the_change_report_names_the_page_a_new_json_name_came_from() {
    let go = page(
        "Colors",
        &[("Brand50", "Pointer to **string**", "[optional]")],
    );
    // `Array<number>` shows TypeScript, whose Name column is the JSON name.
    let typescript = page(
        "Colors",
        &[
            ("brand_50", "**string**", "[optional]"),
            ("codes", "**Array&lt;number&gt;**", "[optional]"),
        ],
    );
    let folders: &[(&str, &[(&str, &str)])] = &[
        ("go", &[("Colors.md", &go)]),
        ("typescript", &[("Colors.md", &typescript)]),
    ];
    let (alone, _) = load_folders("[naming]\nwire = \"snake_case\"\n", folders);
    let (with_typescript, _) = load_folders(GO_CONFIG, folders);
    let report = diff(
        &ApiSurface::from_model(&alone),
        &ApiSurface::from_model(&with_typescript),
    );
    let text = report.to_string();
    assert!(
        text.contains(
            "Colors.Brand50: wire name `brand50` -> `brand_50` (taken from `../typescript/Colors.md`)"
        ),
        "{text}"
    );
}

#[test]
fn enum_values_two_folders_list_differently_are_a_warning() {
    let enum_page = |values: &str| {
        format!(
            "{}\n\n## Enum: StatusEnum\n\nName | Value\n---- | -----\n{values}\n",
            page(
                "Pet",
                &[("status", "[**StatusEnum**](#StatusEnum)", "[optional]")]
            )
        )
    };
    let java = enum_page("A | &quot;a&quot;\nB | &quot;b&quot;");
    let other = enum_page("A | &quot;a&quot;\nC | &quot;c&quot;");
    let (types, warnings) = load_folders(
        "[sources]\nalso = [\"../other\"]\n",
        &[
            ("java", &[("Pet.md", &java)]),
            ("other", &[("Pet.md", &other)]),
        ],
    );
    let values: Vec<&str> = (model(&types, "Pet").enums[0].variants.iter())
        .map(|variant| variant.value.as_str())
        .collect();
    assert_eq!(values, ["a", "b"]);
    assert!(
        warnings.contains("the docs folders disagree on the values of `Pet.status`"),
        "{warnings}"
    );
    assert!(
        warnings.contains("set `enum` in codegen.toml's `[models.Pet.fields.status]`"),
        "{warnings}"
    );
}

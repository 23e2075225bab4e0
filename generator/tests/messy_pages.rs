//! Page-level rules that hold for every template: rows with more cells than the header, a `|`
//! inside a Type cell, titles and headings that carry a namespace, sections before the body,
//! empty Properties tables, and openapi-generator's own type names. Pages here are small ones
//! written after the public templates.

use std::fs;

use markdown_model_codegen::model::{BaseType, Container, Field, Model, Primitive, TypeModel};
use markdown_model_codegen::{Failure, load};

/// Loads a folder of `(file name, contents)` pages: the type model (when it generates) and the
/// summaries of its diagnostics (paths relative to the folder).
fn load_pages(pages: &[(&str, &str)]) -> (Option<TypeModel>, Vec<String>) {
    let dir = tempfile::tempdir().expect("temporary folder");
    for (name, text) in pages {
        fs::write(dir.path().join(name), text).expect("write a page");
    }
    let prefix = format!("{}/", dir.path().display());
    let (model, diagnostics, sources) = match load(dir.path(), None) {
        Ok(markdown_model_codegen::Loaded {
            model,
            sources,
            warnings,
            ..
        }) => (Some(model), warnings, sources),
        Err(Failure::Input {
            diagnostics,
            sources,
        }) => (None, diagnostics, sources),
        Err(failure) => panic!("{}", failure.render()),
    };
    let summaries = diagnostics
        .iter()
        .map(|diagnostic| sources.summarize(diagnostic).replace(&prefix, ""))
        .collect();
    (model, summaries)
}

/// The type model of pages that must read without any diagnostic.
fn model_of(pages: &[(&str, &str)]) -> TypeModel {
    let (model, diagnostics) = load_pages(pages);
    assert!(diagnostics.is_empty(), "{diagnostics:#?}");
    model.expect("a type model")
}

fn model<'m>(model: &'m TypeModel, name: &str) -> &'m Model {
    (model.models.iter().find(|item| item.name == name))
        .unwrap_or_else(|| panic!("no model {name}"))
}

fn field<'m>(model: &'m Model, name: &str) -> &'m Field {
    (model.fields.iter().find(|field| field.doc_name == name))
        .unwrap_or_else(|| panic!("no field {name}"))
}

const HEADER: &str = "Name | Type | Description | Notes\n\
                      ------------ | ------------- | ------------- | -------------\n";

const OUTER_HEADER: &str = "| Name | Type | Description | Notes |\n\
                            | ------------ | ------------- | ------------- | ------------- |\n";

#[test]
fn a_description_holding_an_unescaped_table_is_read_in_every_layout_with_a_warning() {
    // Rows without outer pipes (python, ruby, typescript), with them (Java's), and Go's
    // `Pointer to` types: Name, Type and Notes are clear, the cells between are the description.
    let layouts = [
        (
            HEADER,
            "**zone** | **str** | Zones: | zone1 | zone2 | | [optional] \n\
             **name** | **str** | A name. | \n",
        ),
        (
            OUTER_HEADER,
            "|**zone** | **str** | Zones: | zone1 | zone2 | |  [optional] |\n\
             |**name** | **str** | A name. |  |\n",
        ),
        (
            HEADER,
            "**zone** | Pointer to **string** | Zones: | zone1 | zone2 | | [optional] \n\
             **name** | **string** | A name. | \n",
        ),
    ];
    for (header, rows) in layouts {
        let page = format!("# Map\n\n## Properties\n\n{header}{rows}\n");
        let (built, diagnostics) = load_pages(&[("Map.md", &page)]);
        assert_eq!(diagnostics.len(), 1, "{diagnostics:#?}");
        assert!(
            diagnostics[0].contains("warning: unescaped `|` in a description"),
            "{diagnostics:#?}"
        );
        let built = built.expect("the page generates");
        let zone = field(model(&built, "Map"), "zone");
        assert_eq!(zone.description, "Zones: | zone1 | zone2 |");
        assert!(!zone.required);
        assert!(field(model(&built, "Map"), "name").required);
    }
}

#[test]
fn a_row_ending_in_the_pipe_before_empty_notes_keeps_its_cells_in_the_description() {
    let page = format!("# Map\n\n## Properties\n\n{HEADER}**zone** | **str** | A | or B | \n");
    let (built, diagnostics) = load_pages(&[("Map.md", &page)]);
    assert_eq!(diagnostics.len(), 1, "{diagnostics:#?}");
    let built = built.expect("the page generates");
    let zone = field(model(&built, "Map"), "zone");
    assert_eq!(zone.description, "A | or B");
    assert!(zone.required);
}

#[test]
fn a_notes_cell_cut_by_a_pipe_is_one_cell() {
    // R's Notes list a field's enum values, which may hold a `|`.
    let page = format!(
        "# Map\n\n## Properties\n\n{HEADER}\
         **zone** | **str** |  | [optional] [Enum: [a|b, c]] \n"
    );
    let built = model_of(&[("Map.md", &page)]);
    let zone = field(model(&built, "Map"), "zone");
    assert!(!zone.required);
    assert_eq!(zone.description, "");
}

#[test]
fn a_row_whose_cells_stay_ambiguous_is_an_error() {
    // With outer pipes, the last cell `zone2` is no Notes: where the description ends is unclear.
    let page = format!(
        "# Map\n\n## Properties\n\n{OUTER_HEADER}| **zone** | **str** | Zones: | zone1 | zone2 |\n"
    );
    let (built, diagnostics) = load_pages(&[("Map.md", &page)]);
    assert!(built.is_none());
    assert_eq!(
        diagnostics,
        ["Map.md:7:1: error: this row has 5 cells, expected 4"]
    );
}

#[test]
fn a_pipe_inside_a_type_cell_does_not_cut_the_type() {
    // typescript-axios: bold types; the bold markers and the angle brackets tell where it ends.
    let axios = format!(
        "# Nullables\n\n## Properties\n\n{HEADER}\
         **list** | **Array&lt;string | null&gt;** | Items. | [optional] [default to undefined]\n\
         **text** | **string | null** |  | [default to undefined]\n"
    );
    let built = model_of(&[("Nullables.md", &axios)]);
    let nullables = model(&built, "Nullables");
    let list = field(nullables, "list");
    assert_eq!(list.ty.containers, [Container::List]);
    assert_eq!(list.ty.base, BaseType::Primitive(Primitive::String));
    assert_eq!(list.description, "Items.");
    assert!(!list.required);
    let text = field(nullables, "text");
    assert_eq!(text.ty.base, BaseType::Primitive(Primitive::String));
    assert!(text.required && text.nullable);

    // typescript-fetch: `Name | Type` only, so the type is the rest of the row.
    let fetch = "# Nullables\n\n## Properties\n\nName | Type\n------------ | -------------\n\
                 `list` | Array&lt;string | null&gt;\n\
                 `map` | { [key: string]: any | null; }\n";
    let built = model_of(&[("Nullables.md", fetch)]);
    let nullables = model(&built, "Nullables");
    assert_eq!(field(nullables, "list").ty.containers, [Container::List]);
    assert_eq!(
        field(nullables, "map").ty.base,
        BaseType::Primitive(Primitive::Any)
    );
}

const TAG: &str = "# Tag\n\n## Properties\n\nName | Type | Description | Notes\n\
                   ------------ | ------------- | ------------- | -------------\n\
                   **label** | **str** |  | \n";

#[test]
fn a_title_or_heading_with_a_namespace_names_the_model_and_sections_before_the_body_are_sections() {
    // Dart and Perl: the title in the package, then a `## Load the model package` section with
    // a code block before the Properties.
    let dart = format!(
        "# openapi.model.Pet\n\n## Load the model package\n```dart\n\
         import 'package:openapi/api.dart';\n```\n\n## Properties\n{HEADER}\
         **tag** | [**Tag**](Tag.md) |  | [optional] \n"
    );
    let perl = format!(
        "# WWW::OpenAPIClient::Object::Pet\n\n## Load the model package\n```perl\n\
         use WWW::OpenAPIClient::Object::Pet;\n```\n\n## Properties\n{HEADER}\
         **tag** | [**Tag**](Tag.md) |  | [optional] \n"
    );
    // A `## Name` heading in the vendor's namespace, after the title.
    let namespaced = format!(
        "# Pet\n\n## Vendor.Client.Model.Pet\n\n## Properties\n\n{HEADER}\
         **tag** | [**Tag**](Tag.md) |  | [optional] \n"
    );
    for page in [dart, perl, namespaced] {
        let built = model_of(&[("Pet.md", &page), ("Tag.md", TAG)]);
        let pet = model(&built, "Pet");
        assert!(
            matches!(&field(pet, "tag").ty.base, BaseType::Model { rust_name, .. } if rust_name == "Tag"),
            "{page}"
        );
    }
}

#[test]
fn an_empty_properties_table_is_any_json_value_in_every_dialect() {
    // The templates print an enum, a oneOf of non-objects and an object without properties
    // alike: any JSON value reads each (`true`, `"a"`, `{}`).
    let empty = format!("# Anything\n\n## Properties\n\n{HEADER}\n");
    for ty in ["str", "List[str]", "Array&lt;string&gt;"] {
        let user = format!(
            "# User\n\n## Properties\n\n{HEADER}\
             **any** | [**Anything**](Anything.md) |  | \n**name** | **{ty}** |  | \n"
        );
        let built = model_of(&[("Anything.md", &empty), ("User.md", &user)]);
        assert!(built.models.iter().all(|item| item.name != "Anything"));
        assert_eq!(
            field(model(&built, "User"), "any").ty.base,
            BaseType::Primitive(Primitive::Any),
            "{ty}"
        );
    }
}

#[test]
fn openapi_generators_own_type_names_are_any_json_value_with_a_note() {
    let page = format!(
        "# Holder\n\n## Properties\n\n{HEADER}\
         **any** | [**AnyType**](.md) | Anything. | [optional] \n\
         **free** | [**list[FreeFormObject]**](FreeFormObject.md) |  | [optional] \n\
         **unmapped** | **OasAnyTypeNotMapped** |  | [optional] \n\
         **one** | [**OneOfstringinteger**](OneOfstringinteger.md) |  | [optional] \n\
         **either** | [**AnyOfTagstring**](AnyOfTagstring.md) |  | [optional] \n"
    );
    let built = model_of(&[("Holder.md", &page)]);
    let holder = model(&built, "Holder");
    for (name, written, meaning) in [
        ("any", "AnyType", "a value of any type"),
        ("free", "FreeFormObject", "a free-form object"),
        ("unmapped", "OasAnyTypeNotMapped", "a value of any type"),
        ("one", "OneOfstringinteger", "an inline `oneOf`"),
        ("either", "AnyOfTagstring", "an inline `anyOf`"),
    ] {
        let field = field(holder, name);
        assert_eq!(field.ty.base, BaseType::Primitive(Primitive::Any), "{name}");
        assert!(
            field.description.contains(&format!(
                "The docs give its type as `{written}`, openapi-generator's own name for {meaning}"
            )),
            "{name}: {}",
            field.description
        );
    }
    assert_eq!(field(holder, "free").ty.containers, [Container::List]);
    assert!(
        field(holder, "any")
            .description
            .starts_with("Anything.\n\n")
    );
}

#[test]
fn a_title_the_template_escaped_keeps_the_api_name_of_its_file() {
    // `Error.md` titled `# ModelError` (TypeScript, PowerShell): the model is `Error`, and a
    // reference to either name is a reference to it.
    let error = format!("# ModelError\n\n## Properties\n\n{HEADER}**code** | **int** |  | \n");
    let user = format!(
        "# User\n\n## Properties\n\n{HEADER}\
         **escaped** | [**ModelError**](ModelError.md) |  | \n\
         **plain** | [**Error**](Error.md) |  | \n"
    );
    let built = model_of(&[("Error.md", &error), ("User.md", &user)]);
    assert!(built.models.iter().all(|item| item.name != "ModelError"));
    let user = model(&built, "User");
    for name in ["escaped", "plain"] {
        assert!(
            matches!(&field(user, name).ty.base, BaseType::Model { rust_name, .. } if rust_name == "Error"),
            "{name}"
        );
    }
    // Where the file name is escaped too, nothing says the API's name: the title stays.
    let built = model_of(&[("ModelError.md", &error)]);
    model(&built, "ModelError");
}

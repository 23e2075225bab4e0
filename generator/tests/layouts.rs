//! The page layouts of the template family, each read into the type model: openapi-generator's
//! standard layout (`# Name`, a description, rows without outer pipes, sections after the table),
//! enum pages (`## Enum` lists, `python-prior`'s `must be one of`), and the Notes and links the
//! templates write. Pages here are small ones written after the public templates.

use std::fs;

use markdown_model_codegen::model::{
    BaseType, Container, EnumKind, Field, Model, ModelKind, ParameterLocation, Primitive, TypeModel,
};
use markdown_model_codegen::{Failure, Stats, load};

/// Loads a folder of `(file name, contents)` pages; panics with the rendered diagnostics on
/// failure, and on any warning.
fn model_of(pages: &[(&str, &str)]) -> TypeModel {
    let dir = tempfile::tempdir().expect("temporary folder");
    for (name, text) in pages {
        fs::write(dir.path().join(name), text).expect("write a page");
    }
    match load(dir.path(), None) {
        Ok(markdown_model_codegen::Loaded {
            model,
            sources,
            warnings,
            ..
        }) => {
            assert!(warnings.is_empty(), "{}", sources.render(&warnings));
            model
        }
        Err(failure @ Failure::Input { .. }) => panic!("{}", failure.render()),
        Err(failure) => panic!("{}", failure.render()),
    }
}

fn model<'m>(model: &'m TypeModel, name: &str) -> &'m Model {
    model
        .models
        .iter()
        .find(|item| item.name == name)
        .unwrap_or_else(|| panic!("no model {name}"))
}

fn field<'m>(model: &'m Model, name: &str) -> &'m Field {
    model
        .fields
        .iter()
        .find(|field| field.doc_name == name)
        .unwrap_or_else(|| panic!("no field {name}"))
}

const STANDARD: &str = "# Order\n\nAn order of the store.\nIt spans two lines.\n\n## Properties\n\n\
Name | Type | Description | Notes\n------------ | ------------- | ------------- | -------------\n\
**id** | **str** | The id. | \n\
**quantity** | **int** |  | [optional] \n\
**ship_date** | **datetime** | When. | [optional] [readonly] \n\
**note** | **str** | A note. | [optional] [default to 'none']\n\
**item** | [**Item**](Item.md) | The item. | [readonly] \n\n\
## Example\n\n```python\nfrom store.models.order import Order\n```\n\
[[Back to Model list]](../README.md#documentation-for-models) [[Back to README]](../README.md)\n";

const ITEM: &str = "# Item\n\n## Properties\n\
Name | Type | Description | Notes\n------------ | ------------- | ------------- | -------------\n\
**sku** | **str** | The SKU. | \n";

#[test]
fn the_standard_layout_title_description_rows_without_pipes_and_sections_after() {
    let built = model_of(&[("Order.md", STANDARD), ("Item.md", ITEM)]);
    let order = model(&built, "Order");
    assert_eq!(
        order.description,
        "An order of the store.\nIt spans two lines."
    );
    let required: Vec<(&str, bool)> = order
        .fields
        .iter()
        .map(|field| (field.doc_name.as_str(), field.required))
        .collect();
    assert_eq!(
        required,
        [
            ("id", true),
            ("quantity", false),
            ("ship_date", false),
            ("note", false),
            ("item", true)
        ],
        "empty Notes without an outer pipe are required; [readonly] alone too"
    );
    assert!(matches!(
        field(order, "item").ty.base,
        BaseType::Model { .. }
    ));
    // `Item` has no blank lines around its heading and no sections after the table.
    assert_eq!(model(&built, "Item").fields.len(), 1);
}

/// Names the templates keep as the JSON spells them (Perl's, Dart's, python-experimental's
/// `toVarName` do not sanitize): each is a field that keeps its JSON name, with a Rust name
/// spelled from it; a leading digit takes the naming rule like any other name.
#[test]
fn names_holding_symbols_or_a_leading_digit_are_fields() {
    let page = "# Odd\n\n## Properties\n\n\
Name | Type | Description | Notes\n------------ | ------------- | ------------- | -------------\n\
**@type** | **str** |  | \n\
**with space** | **str** |  | [optional] \n\
**x-total-count** | **int** |  | [optional] \n\
**1st** | **str** |  | [optional] \n";
    let model_set = model_of(&[("Odd.md", page)]);
    let odd = model(&model_set, "Odd");
    let names: Vec<(&str, &str)> = ["@type", "with space", "x-total-count", "1st"]
        .into_iter()
        .map(|doc_name| {
            let field = field(odd, doc_name);
            (field.wire_name.as_str(), field.rust_name.as_str())
        })
        .collect();
    assert_eq!(
        names,
        [
            ("@type", "r#type"),
            ("with space", "with_space"),
            ("x-total-count", "x_total_count"),
            ("1st", "_1st"),
        ]
    );
}

#[test]
fn the_name_comes_from_the_title_not_from_a_heading_after_the_table() {
    // The old reader took `## Example` for the model's name and reported a disagreement.
    let built = model_of(&[("Order.md", STANDARD), ("Item.md", ITEM)]);
    assert_eq!(
        built
            .models
            .iter()
            .map(|item| item.name.as_str())
            .collect::<Vec<_>>(),
        ["Item", "Order"]
    );
}

#[test]
fn link_targets_md_html_bare_and_empty() {
    let page = "# Links\n\n## Properties\n\n\
| Name | Type | Description | Notes |\n| --- | --- | --- | --- |\n\
| **a** | [**Item**](Item.md) | A. | [optional] |\n\
| **b** | [**list[Item]**](Item.html) | B. | [optional] |\n\
| **c** | [Item](Item) | C. | [optional] |\n\
| **d** | [**object**](.md) | D. | [optional] |\n";
    let built = model_of(&[("Links.md", page), ("Item.md", ITEM)]);
    let links = model(&built, "Links");
    let types: Vec<String> = links.fields.iter().map(|f| f.ty.to_string()).collect();
    assert_eq!(types, ["Item", "list<Item>", "Item", "any"]);
}

#[test]
fn an_enum_page_is_one_open_enum_that_its_references_share() {
    let status = "# Status\n\nA state.\n\n## Enum\n\n\
* `ACTIVE` (value: `'active'`)\n\n* `IN_REVIEW` (value: `'in review'`)\n\n\
[[Back to Model list]](../README.md#documentation-for-models)\n";
    let user = "# User\n\n## Properties\n\n\
Name | Type | Description | Notes\n------------ | ------------- | ------------- | -------------\n\
**status** | [**Status**](Status.md) |  | [optional] [default to Status.ACTIVE]\n\
**history** | [**List[Status]**](Status.md) |  | [optional] \n";
    let built = model_of(&[("Status.md", status), ("User.md", user)]);
    let status = model(&built, "Status");
    let ModelKind::Enum(values) = &status.kind else {
        panic!("Status is an enum: {:?}", status.kind);
    };
    let values: Vec<&str> = values.variants.iter().map(|v| v.value.as_str()).collect();
    assert_eq!(values, ["active", "in review"]);
    assert_eq!(status.description, "A state.");
    let user = model(&built, "User");
    for name in ["status", "history"] {
        assert_eq!(
            field(user, name).ty.base,
            BaseType::SharedEnum {
                rust_name: "Status".to_owned()
            }
        );
    }
}

#[test]
fn an_enum_page_of_numbers_is_an_open_enum_of_numbers() {
    let level = "# Level\n\n## Enum\n\n* `NUMBER_1` (value: `1`)\n\n* `NUMBER_2` (value: `2`)\n";
    let ratio =
        "# Ratio\n\n## Enum\n\n* `NUMBER_1_DOT_5` (value: `1.5`)\n\n* `NUMBER_2` (value: `2`)\n";
    let flag = "# Flag\n\n## Enum\n\n* `TRUE` (value: `true`)\n";
    let user = "# User\n\n## Properties\n\n\
Name | Type | Description | Notes\n------------ | ------------- | ------------- | -------------\n\
**level** | [**Level**](Level.md) |  | \n**ratio** | [**Ratio**](Ratio.md) |  | \n\
**flag** | [**Flag**](Flag.md) |  | \n";
    let built = model_of(&[
        ("Level.md", level),
        ("Ratio.md", ratio),
        ("Flag.md", flag),
        ("User.md", user),
    ]);
    let kind = |name: &str| match &model(&built, name).kind {
        ModelKind::Enum(values) => values.kind,
        ModelKind::Struct | ModelKind::OneOf(_) => panic!("{name} is an enum"),
    };
    assert_eq!(kind("Level"), EnumKind::Integer);
    assert_eq!(kind("Ratio"), EnumKind::Number);
    let user = model(&built, "User");
    assert_eq!(
        field(user, "level").ty.base,
        BaseType::SharedEnum {
            rust_name: "Level".to_owned()
        }
    );
    // An enum page of booleans stands for its primitive.
    assert!(built.models.iter().all(|item| item.name != "Flag"));
    assert_eq!(
        field(user, "flag").ty.base,
        BaseType::Primitive(Primitive::Boolean)
    );
}

#[test]
fn python_prior_enum_pages_type_syntax_and_notes() {
    let color = "# Color\n\n\n## Properties\nName | Type | Description | Notes\n\
------------ | ------------- | ------------- | -------------\n\
**value** | **str** |  | defaults to \"red\",  must be one of [\"red\", \"dark, green\", ]\n\n\
[[Back to Model list]](../README.md#documentation-for-models)\n";
    let shape = "# Shape\n\n\n## Properties\nName | Type | Description | Notes\n\
------------ | ------------- | ------------- | -------------\n\
**corners** | **int** |  | \n\
**fill** | [**Color**](Color.md) |  | [optional] \n\
**sides** | **[float]** |  | [optional]  if omitted the server will use the default value of []\n\
**tags** | **{str: (str,)}** |  | [optional] \n\
**label** | **str, none_type** |  | [optional] \n\
**anything** | **bool, date, datetime, dict, float, int, list, str, none_type** |  | [optional] \n";
    let built = model_of(&[("Color.md", color), ("Shape.md", shape)]);
    let ModelKind::Enum(values) = &model(&built, "Color").kind else {
        panic!("Color is an enum");
    };
    let values: Vec<&str> = values.variants.iter().map(|v| v.value.as_str()).collect();
    assert_eq!(values, ["red", "dark, green"]);
    let shape = model(&built, "Shape");
    let types: Vec<String> = shape.fields.iter().map(|f| f.ty.to_string()).collect();
    assert_eq!(
        types,
        [
            "integer",
            "Color",
            "list<float>",
            "map<string>",
            "string",
            "any"
        ]
    );
    assert!(field(shape, "corners").required && !field(shape, "sides").required);
}

/// Loads a folder and returns the summaries of its diagnostics (paths made relative).
fn diagnostics_of(pages: &[(&str, &str)]) -> Vec<String> {
    let dir = tempfile::tempdir().expect("temporary folder");
    for (name, text) in pages {
        fs::write(dir.path().join(name), text).expect("write a page");
    }
    let prefix = format!("{}/", dir.path().display());
    let (diagnostics, sources) = match load(dir.path(), None) {
        Ok(markdown_model_codegen::Loaded {
            sources, warnings, ..
        }) => (warnings, sources),
        Err(Failure::Input {
            diagnostics,
            sources,
        }) => (diagnostics, sources),
        Err(failure) => panic!("{}", failure.render()),
    };
    diagnostics
        .iter()
        .map(|diagnostic| sources.summarize(diagnostic).replace(&prefix, ""))
        .collect()
}

fn page_with_type(name: &str, ty: &str) -> String {
    format!(
        "# {name}\n\n## Properties\n\nName | Type | Description | Notes\n\
         ------------ | ------------- | ------------- | -------------\n**a** | **{ty}** | A. | \n"
    )
}

#[test]
fn the_dialect_is_detected_and_reported() {
    let dir = tempfile::tempdir().expect("temporary folder");
    fs::write(dir.path().join("A.md"), page_with_type("A", "List[str]")).expect("write");
    fs::write(dir.path().join("B.md"), page_with_type("B", "str")).expect("write");
    let markdown_model_codegen::Loaded { stats, .. } =
        load(dir.path(), None).unwrap_or_else(|failure| panic!("{}", failure.render()));
    assert_eq!(stats.dialect.name(), "python-pydantic");
}

#[test]
fn one_folder_mixing_dialects_is_an_error_naming_two_pages() {
    let a = page_with_type("A", "List[str]");
    let b = page_with_type("B", "str");
    let c = page_with_type("C", "list[str]");
    assert_eq!(
        diagnostics_of(&[("A.md", &a), ("B.md", &b), ("C.md", &c)]),
        [
            "C.md:7:9: error: one folder mixes dialects: `C` is written in python, `A` in python-pydantic"
        ]
    );
}

#[test]
fn a_dialect_forced_in_codegen_toml_is_checked_against_the_pages() {
    let a = page_with_type("A", "[str]");
    assert_eq!(
        diagnostics_of(&[
            ("A.md", &a),
            ("codegen.toml", "dialect = \"python-pydantic\"\n")
        ]),
        [
            "A.md:7:9: error: `A` is written in python-prior, but codegen.toml says the docs are python-pydantic"
        ]
    );
    assert_eq!(
        diagnostics_of(&[("A.md", &a), ("codegen.toml", "dialect = \"cobol\"\n")]),
        ["codegen.toml:1:11: error: `cobol` is not a dialect"]
    );
}

#[test]
fn an_unknown_naming_rule_is_an_error() {
    let a = page_with_type("A", "str");
    assert_eq!(
        diagnostics_of(&[
            ("A.md", &a),
            ("codegen.toml", "[naming]\nwire = \"SCREAMING\"\n")
        ]),
        ["codegen.toml:2:8: error: `SCREAMING` is not a naming rule"]
    );
}

#[test]
fn an_alias_page_that_names_itself_is_a_warning_and_any_json_value() {
    let loop_page = "# Loop\n\n## Properties\nName | Type | Description | Notes\n\
------------ | ------------- | ------------- | -------------\n**value** | [**[Loop]**](Loop.md) |  | \n";
    let user = "# User\n\n## Properties\nName | Type | Description | Notes\n\
------------ | ------------- | ------------- | -------------\n\
**loops** | [**Loop**](Loop.md) |  | [optional] \n**tags** | **[str]** |  | [optional] \n";
    assert_eq!(
        diagnostics_of(&[("Loop.md", loop_page), ("User.md", user)]),
        ["User.md:6:16: warning: the alias page `Loop` names itself, through field `User.loops`"]
    );
}

#[test]
fn a_composition_without_properties_is_any_json_value() {
    // The pydantic templates document a oneOf of non-objects with an empty table: any JSON
    // value, marked as a composition or not.
    let int_or_string = "# IntOrString\n\n## Properties\n\nName | Type | Description | Notes\n\
------------ | ------------- | ------------- | -------------\n\n## Example\n";
    let user = "# User\n\n## Properties\n\nName | Type | Description | Notes\n\
------------ | ------------- | ------------- | -------------\n\
**id** | [**IntOrString**](IntOrString.md) |  | \n";
    let plain = model_of(&[("IntOrString.md", int_or_string), ("User.md", user)]);
    let marked = model_of(&[
        ("IntOrString.md", int_or_string),
        ("User.md", user),
        ("codegen.toml", "[models.IntOrString]\ncomposition = true\n"),
    ]);
    for built in [plain, marked] {
        assert!(built.models.iter().all(|item| item.name != "IntOrString"));
        assert_eq!(
            field(model(&built, "User"), "id").ty.base,
            BaseType::Primitive(Primitive::Any)
        );
    }
}

#[test]
fn a_compositions_model_fields_keep_every_variants_shape() {
    // A oneOf page documents the union of its variants' properties, with one variant's type for
    // a field each variant shapes differently: marked as a composition, every field is optional
    // and such a field is any JSON value (its docs say so), so no variant's keys are lost.
    let flow = "# Flow

## Properties

Name | Type | Description | Notes
------------ | ------------- | ------------- | -------------
**id** | **str** |  | 
";
    let continue_with = "# ContinueWith

## Properties

Name | Type | Description | Notes
------------ | ------------- | ------------- | -------------
**action** | **str** |  | 
**flow** | [**Flow**](Flow.md) | The flow. | 
";
    let plain = model_of(&[("Flow.md", flow), ("ContinueWith.md", continue_with)]);
    let flow_field = field(model(&plain, "ContinueWith"), "flow");
    assert!(flow_field.required);
    assert!(matches!(flow_field.ty.base, BaseType::Model { .. }));
    let marked = model_of(&[
        ("Flow.md", flow),
        ("ContinueWith.md", continue_with),
        (
            "codegen.toml",
            "[models.ContinueWith]\ncomposition = true\n",
        ),
    ]);
    let continue_with = model(&marked, "ContinueWith");
    assert!(continue_with.fields.iter().all(|field| !field.required));
    let flow_field = field(continue_with, "flow");
    assert_eq!(flow_field.ty.base, BaseType::Primitive(Primitive::Any));
    assert!(
        flow_field.description.contains("read as any JSON value"),
        "{}",
        flow_field.description
    );
    assert_eq!(
        field(continue_with, "action").ty.base,
        BaseType::Primitive(Primitive::String)
    );
}

/// The type model and stats of an Ory docs folder of `../shared` (`language`: `python`,
/// `typescript`, ...), read with `[naming] wire = "snake_case"`; panics on an error or a warning
/// other than the one the operation pages of every folder have (the `X-Session-Token` header the
/// page does not place); checks that every folder gives the same 169 operations in 15 groups
/// (the three with form bodies and the one with a text body among them); `None` (and a visible
/// message) when the folder is absent.
fn real_ory_corpus(language: &str) -> Option<(TypeModel, Stats)> {
    let folder = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../shared/corpus/ory-client-1.22.63")
        .join(language);
    if !folder.is_dir() {
        eprintln!("skipped: {} is not there", folder.display());
        return None;
    }
    let config = tempfile::NamedTempFile::new().expect("temporary file");
    fs::write(config.path(), "[naming]\nwire = \"snake_case\"\n").expect("write the config");
    let markdown_model_codegen::Loaded {
        model: built,
        stats,
        sources,
        warnings,
        ..
    } = load(&folder, Some(config.path()))
        .unwrap_or_else(|failure| panic!("{}", failure.render_limited(10)));
    let (expected, other): (Vec<_>, Vec<_>) = warnings.into_iter().partition(|warning| {
        warning
            .message
            .ends_with("is sent as the header `X-Session-Token`")
    });
    assert!(other.is_empty(), "{}", sources.render_limited(&other, 10));
    assert!((8..=9).contains(&expected.len()), "{}", expected.len());
    let operations: usize = (built.operations.iter())
        .map(|group| group.operations.len())
        .sum();
    assert_eq!((built.operations.len(), operations), (15, 169));
    Some((built, stats))
}

#[test]
fn a_real_pydantic_corpus_reads_with_no_error_and_no_warning() {
    let Some((_, stats)) = real_ory_corpus("python") else {
        return;
    };
    assert_eq!(stats.dialect.name(), "python-pydantic");
    assert_eq!((stats.models, stats.enums), (379, 16));
}

/// Each field's doc name, JSON name, type and required flag.
fn field_summary(model: &Model) -> Vec<(&str, &str, String, bool)> {
    model
        .fields
        .iter()
        .map(|f| {
            (
                f.doc_name.as_str(),
                f.wire_name.as_str(),
                f.ty.to_string(),
                f.required,
            )
        })
        .collect()
}

/// A model page of openapi-generator's `java` template (after the petstore sample's `Pet.md` and
/// `EnumTest.md`): lowerCamelCase names, `List&lt;X&gt;`, links to `#XEnum` tables.
const JAVA_PET: &str = "\n\n# Pet\n\nA pet for sale.\n\n## Properties\n\n\
| Name | Type | Description | Notes |\n|------------ | ------------- | ------------- | -------------|\n\
|**id** | **Long** |  |  [optional] |\n\
|**name** | **String** |  |  |\n\
|**photoUrls** | **Set&lt;String&gt;** |  |  |\n\
|**tags** | [**List&lt;Tag&gt;**](Tag.md) |  |  [optional] |\n\
|**attributes** | [**Map&lt;String, Tag&gt;**](Tag.md) |  |  [optional] |\n\
|**born** | **LocalDate** |  |  [optional] |\n\
|**updatedAt** | **OffsetDateTime** |  |  [optional] |\n\
|**weight** | **BigDecimal** |  |  [optional] |\n\
|**photo** | **byte[]** |  |  [optional] |\n\
|**_object** | **Object** |  |  [optional] |\n\
|**propertyClass** | **String** |  |  [optional] |\n\
|**status** | [**StatusEnum**](#StatusEnum) | pet status in the store |  [optional] |\n\
|**enumInteger** | [**EnumIntegerEnum**](#EnumIntegerEnum) |  |  [optional] |\n\
|**size** | **Size** |  |  [optional] |\n\
|**mood** | [**MoodEnum**](#MoodEnum) |  |  [optional] |\n\n\n\n\
## Enum: StatusEnum\n\n| Name | Value |\n|---- | -----|\n\
| AVAILABLE | &quot;available&quot; |\n| PENDING | &quot;pending&quot; |\n| EMPTY | &quot;&quot; |\n\
| A_B | &quot;a|b&quot; |\n| TAG | &quot;&lt;tag&gt;&quot; |\n\n\n\n\
## Enum: EnumIntegerEnum\n\n| Name | Value |\n|---- | -----|\n| NUMBER_1 | 1 |\n| NUMBER_MINUS_1 | -1 |\n\n\n\n\
## Enum: MoodEnum\n\n| Name | Value |\n|---- | -----|\n\n\n\n";

const JAVA_TAG: &str = "\n\n# Tag\n\n## Properties\n\n\
| Name | Type | Description | Notes |\n|------------ | ------------- | ------------- | -------------|\n\
|**id** | **Long** |  |  [optional] |\n|**name** | **String** |  |  [optional] |\n\n\n\n";

const JAVA_SIZE: &str = "\n\n# Size\n\n## Enum\n\n\n* `SMALL` (value: `\"small\"`)\n\n* `LARGE` (value: `\"large\"`)\n\n\n\n";

#[test]
fn java_pages_read_into_the_same_type_model() {
    let built = model_of(&[
        ("Pet.md", JAVA_PET),
        ("Tag.md", JAVA_TAG),
        ("Size.md", JAVA_SIZE),
        ("codegen.toml", "[naming]\nwire = \"snake_case\"\n"),
    ]);
    let pet = model(&built, "Pet");
    assert_eq!(
        field_summary(pet),
        [
            ("id", "id", "integer".to_owned(), false),
            ("name", "name", "string".to_owned(), true),
            ("photoUrls", "photo_urls", "list<string>".to_owned(), true),
            ("tags", "tags", "list<Tag>".to_owned(), false),
            ("attributes", "attributes", "map<Tag>".to_owned(), false),
            ("born", "born", "date".to_owned(), false),
            ("updatedAt", "updated_at", "date-time".to_owned(), false),
            ("weight", "weight", "float".to_owned(), false),
            ("photo", "photo", "string".to_owned(), false),
            ("_object", "object", "any".to_owned(), false),
            ("propertyClass", "class", "string".to_owned(), false),
            ("status", "status", "Status".to_owned(), false),
            (
                "enumInteger",
                "enum_integer",
                "EnumInteger".to_owned(),
                false
            ),
            ("size", "size", "Size".to_owned(), false),
            ("mood", "mood", "any".to_owned(), false),
        ]
    );
    // An empty `## Enum: MoodEnum` table (android's) says neither the values nor their type.
    assert_eq!(
        field(pet, "mood").ty.base,
        BaseType::Primitive(Primitive::Any)
    );
    assert!(
        field(pet, "mood")
            .description
            .contains("The docs list no values of its enum `MoodEnum`"),
        "{}",
        field(pet, "mood").description
    );
    // The `## Enum: StatusEnum` table is the open enum of `status` (a `|` in a value cuts its
    // cell); `## Enum: EnumIntegerEnum` is an open enum of integers.
    let BaseType::Enum { rust_name } = &field(pet, "status").ty.base else {
        panic!("status is an enum: {:?}", field(pet, "status").ty.base);
    };
    let status = pet
        .enums
        .iter()
        .find(|item| &item.rust_name == rust_name)
        .expect("the status enum");
    let values: Vec<&str> = status.variants.iter().map(|v| v.value.as_str()).collect();
    assert_eq!(values, ["available", "pending", "", "a|b", "<tag>"]);
    assert!(
        field(pet, "weight")
            .description
            .contains("The docs give its type as `BigDecimal`"),
        "a type the page cannot say exactly is said in its docs"
    );
    let BaseType::Enum { rust_name } = &field(pet, "enumInteger").ty.base else {
        panic!("enumInteger is an enum");
    };
    let integers = pet
        .enums
        .iter()
        .find(|item| &item.rust_name == rust_name)
        .expect("the enumInteger enum");
    assert_eq!(integers.kind, EnumKind::Integer);
    let values: Vec<&str> = integers.variants.iter().map(|v| v.value.as_str()).collect();
    assert_eq!(values, ["1", "-1"]);
    assert_eq!(
        field(pet, "size").ty.base,
        BaseType::SharedEnum {
            rust_name: "Size".to_owned()
        }
    );
}

#[test]
fn java_is_detected_and_its_type_names_stay_models_elsewhere() {
    let dir = tempfile::tempdir().expect("temporary folder");
    fs::write(dir.path().join("Pet.md"), JAVA_PET).expect("write");
    fs::write(dir.path().join("Tag.md"), JAVA_TAG).expect("write");
    fs::write(dir.path().join("Size.md"), JAVA_SIZE).expect("write");
    let markdown_model_codegen::Loaded { stats, .. } =
        load(dir.path(), None).unwrap_or_else(|failure| panic!("{}", failure.render()));
    assert_eq!(stats.dialect.name(), "java");
    // In a Python folder `String` is a model's name like any other.
    let string = page_with_type("String", "str");
    let user = page_with_type("User", "String");
    let built = model_of(&[("String.md", &string), ("User.md", &user)]);
    assert!(matches!(
        field(model(&built, "User"), "a").ty.base,
        BaseType::Model { .. }
    ));
}

#[test]
fn java_pages_beside_python_pages_are_an_error() {
    // `Map<String, X>` is Dart's too; Java's own `Long` shows Java (and Scala, which writes it).
    let a = page_with_type("A", "Map&lt;String, Long&gt;");
    let b = page_with_type("B", "list[str]");
    assert_eq!(
        diagnostics_of(&[("A.md", &a), ("B.md", &b)]),
        [
            "B.md:7:9: error: one folder mixes dialects: `B` is written in python, `A` in java or scala"
        ]
    );
    // `List<X>` is C#'s, Dart's and Scala's too: it shows them all, none of which writes
    // Python's `list[str]`.
    let a = page_with_type("A", "List&lt;String&gt;");
    assert_eq!(
        diagnostics_of(&[("A.md", &a), ("B.md", &b)]),
        [
            "B.md:7:9: error: one folder mixes dialects: `B` is written in python, `A` in java or \
             csharp or dart or scala"
        ]
    );
}

/// The Ory client's Java docs (openapi-generator's `java` template), when `../shared/corpus` is
/// present: every page reads, quietly, with only the naming rule set.
#[test]
fn a_real_java_corpus_reads_with_no_error_and_no_warning() {
    let Some((model, stats)) = real_ory_corpus("java") else {
        return;
    };
    assert_eq!(stats.dialect.name(), "java");
    assert_eq!((stats.models, stats.enums), (379, 16));
    let identity = model
        .models
        .iter()
        .find(|item| item.name == "Identity")
        .expect("Identity");
    let state = field(identity, "state");
    assert_eq!(state.wire_name, "state");
    assert!(matches!(state.ty.base, BaseType::Enum { .. }));
    assert_eq!(field(identity, "schemaId").wire_name, "schema_id");
}

/// A model page of openapi-generator's `go` template (after the petstore sample's `Pet.md`):
/// PascalCase names, `Pointer to`, prefix containers, and a `## Methods` section after the table.
const GO_PET: &str = "# Pet\n\n## Properties\n\n\
Name | Type | Description | Notes\n------------ | ------------- | ------------- | -------------\n\
**Id** | Pointer to **int64** |  | [optional] \n\
**Name** | **string** |  | \n\
**PhotoUrls** | **[]string** |  | \n\
**Tags** | Pointer to [**[]Tag**](Tag.md) |  | [optional] \n\
**Labels** | Pointer to **map[string][]string** |  | [optional] \n\
**Weight** | Pointer to **float32** |  | [optional] \n\
**Sold** | Pointer to **bool** |  | [optional] \n\
**BornAt** | Pointer to **time.Time** |  | [optional] \n\
**Nickname** | Pointer to **NullableString** |  | [optional] \n\
**Owner** | Pointer to [**NullableTag**](Tag.md) |  | [optional] \n\
**Extra** | **interface{}** |  | \n\
**Meta** | Pointer to **map[string]interface{}** |  | [optional] \n\
**Photo** | Pointer to ***os.File** |  | [optional] \n\n\
## Methods\n\n### NewPet\n\n`func NewPet(name string, photoUrls []string, ) *Pet`\n\n\
### GetId\n\n`func (o *Pet) GetId() int64`\n\n\
[[Back to Model list]](../README.md#documentation-for-models)\n";

const GO_TAG: &str = "# Tag\n\n## Properties\n\n\
Name | Type | Description | Notes\n------------ | ------------- | ------------- | -------------\n\
**Id** | Pointer to **int64** |  | [optional] \n**Name** | Pointer to **string** |  | [optional] \n\n\
## Methods\n\n### NewTag\n\n`func NewTag() *Tag`\n";

#[test]
fn go_pages_read_into_the_same_type_model() {
    let dir = tempfile::tempdir().expect("temporary folder");
    fs::write(dir.path().join("Pet.md"), GO_PET).expect("write");
    fs::write(dir.path().join("Tag.md"), GO_TAG).expect("write");
    let markdown_model_codegen::Loaded { stats, .. } =
        load(dir.path(), None).unwrap_or_else(|failure| panic!("{}", failure.render()));
    assert_eq!(stats.dialect.name(), "go");
    let built = model_of(&[
        ("Pet.md", GO_PET),
        ("Tag.md", GO_TAG),
        ("codegen.toml", "[naming]\nwire = \"snake_case\"\n"),
    ]);
    let pet = model(&built, "Pet");
    assert_eq!(
        field_summary(pet),
        [
            ("Id", "id", "integer".to_owned(), false),
            ("Name", "name", "string".to_owned(), true),
            ("PhotoUrls", "photo_urls", "list<string>".to_owned(), true),
            ("Tags", "tags", "list<Tag>".to_owned(), false),
            ("Labels", "labels", "map<list<string>>".to_owned(), false),
            ("Weight", "weight", "float".to_owned(), false),
            ("Sold", "sold", "boolean".to_owned(), false),
            ("BornAt", "born_at", "date-time".to_owned(), false),
            ("Nickname", "nickname", "string".to_owned(), false),
            ("Owner", "owner", "Tag".to_owned(), false),
            ("Extra", "extra", "any".to_owned(), true),
            ("Meta", "meta", "map<any>".to_owned(), false),
            ("Photo", "photo", "string".to_owned(), false),
        ]
    );
}

/// The Ory client's Go docs (openapi-generator's `go` template), when `../shared/corpus` is
/// present: every page reads, quietly, with only the naming rule set; the `*API.md` operation
/// pages give their operations, path parameters from `### Path Parameters`.
#[test]
fn a_real_go_corpus_reads_with_no_error_and_no_warning() {
    let Some((model, stats)) = real_ory_corpus("go") else {
        return;
    };
    assert_eq!(stats.dialect.name(), "go");
    assert_eq!((stats.models, stats.enums), (379, 16));
    let courier = (model.operations.iter())
        .find(|group| group.name == "CourierAPI")
        .expect("the CourierAPI group");
    let get = (courier.operations.iter())
        .find(|operation| operation.name == "GetCourierMessage")
        .expect("GetCourierMessage");
    assert_eq!(
        (
            get.rust_name.as_str(),
            get.method.as_str(),
            get.path.as_str()
        ),
        ("get_courier_message", "GET", "/admin/courier/messages/{id}")
    );
    assert_eq!(get.parameters[0].location, ParameterLocation::Path);
    let identity = model
        .models
        .iter()
        .find(|item| item.name == "Identity")
        .expect("Identity");
    assert_eq!(field(identity, "SchemaId").wire_name, "schema_id");
    assert!(!field(identity, "OrganizationId").required);
}

/// Loads a folder of pages and an optional codegen.toml; panics on failure and on any warning.
/// Returns the model and the dialect read.
fn model_and_dialect(pages: &[(&str, &str)], config: Option<&str>) -> (TypeModel, &'static str) {
    let dir = tempfile::tempdir().expect("temporary folder");
    for (name, text) in pages {
        fs::write(dir.path().join(name), text).expect("write a page");
    }
    let config_path = dir.path().join("codegen.toml");
    if let Some(config) = config {
        fs::write(&config_path, config).expect("write the config");
    }
    let markdown_model_codegen::Loaded {
        model: built,
        stats,
        sources,
        warnings,
        ..
    } = load(dir.path(), config.map(|_| config_path.as_path()))
        .unwrap_or_else(|failure| panic!("{}", failure.render()));
    assert!(warnings.is_empty(), "{}", sources.render(&warnings));
    (built, stats.dialect.name())
}

/// Each field's name in the docs, neutral type, JSON name and required flag.
fn fields_read(model: &Model) -> Vec<(&str, String, &str, bool)> {
    model
        .fields
        .iter()
        .map(|field| {
            (
                field.doc_name.as_str(),
                field.ty.to_string(),
                field.wire_name.as_str(),
                field.required,
            )
        })
        .collect()
}

/// A page in the layout of openapi-generator's `typescript` and `typescript-axios` model docs:
/// bold TypeScript types, HTML-escaped generics, `[default to undefined]` Notes, the JSON name
/// in the Name column (`_` before a reserved word).
const TS_PET: &str = "# Pet\n\nA pet.\n\n## Properties\n\n\
Name | Type | Description | Notes\n------------ | ------------- | ------------- | -------------\n\
**id** | **number** |  | [optional] [default to undefined]\n\
**name** | **string** |  | [default to undefined]\n\
**photo_urls** | **Array&lt;string&gt;** |  | [default to undefined]\n\
**tags** | [**Array&lt;Tag&gt;**](Tag.md) |  | [optional] [default to undefined]\n\
**labels** | **{ [key: string]: string; }** |  | [optional] [default to undefined]\n\
**born_at** | **Date** |  | [optional] [default to undefined]\n\
**nickname** | **string &#124; null** |  | [optional] [default to undefined]\n\
**vaccinated** | **boolean** |  | [optional] [default to undefined]\n\
**extra** | **any** |  | [optional] [default to undefined]\n\
**_class** | **string** |  | [optional] [default to undefined]\n\
**status** | [**PetStatus**](PetStatus.md) |  | [optional] [default to undefined]\n\n\
## Example\n\n```typescript\nimport { Pet } from './api';\n\nconst instance: Pet = {\n    id,\n};\n```\n\n\
[[Back to Model list]](../README.md#documentation-for-models) [[Back to README]](../README.md)\n";

const TS_TAG: &str = "# Tag\n\n\n## Properties\n\n\
Name | Type | Description | Notes\n------------ | ------------- | ------------- | -------------\n\
**id** | **number** |  | [optional] [default to undefined]\n";

/// A TypeScript enum page, with the `enumUnknownDefaultCase` item the option adds.
const TS_PET_STATUS: &str = "# PetStatus\n\nA pet's state.\n\n## Enum\n\n\
* `Available` (value: `'available'`)\n\n* `Sold` (value: `'sold'`)\n\n\
* `UnknownDefaultOpenApi` (value: `'11184809'`)\n\n\
[[Back to Model list]](../README.md#documentation-for-models)\n";

#[test]
fn typescript_pages_read_into_the_same_model() {
    let (built, dialect) = model_and_dialect(
        &[
            ("Pet.md", TS_PET),
            ("Tag.md", TS_TAG),
            ("PetStatus.md", TS_PET_STATUS),
        ],
        None,
    );
    assert_eq!(dialect, "typescript");
    let pet = model(&built, "Pet");
    // The Name column is the JSON name: the default `[naming] wire` (camelCase) does not apply.
    assert_eq!(
        fields_read(pet),
        [
            ("id", "number".to_owned(), "id", false),
            ("name", "string".to_owned(), "name", true),
            ("photo_urls", "list<string>".to_owned(), "photo_urls", true),
            ("tags", "list<Tag>".to_owned(), "tags", false),
            ("labels", "map<string>".to_owned(), "labels", false),
            // `Date` stands for dates and date-times alike: the string sent.
            ("born_at", "string".to_owned(), "born_at", false),
            ("nickname", "string".to_owned(), "nickname", false),
            ("vaccinated", "boolean".to_owned(), "vaccinated", false),
            ("extra", "any".to_owned(), "extra", false),
            ("_class", "string".to_owned(), "class", false),
            ("status", "PetStatus".to_owned(), "status", false),
        ]
    );
    assert_eq!(
        field(pet, "id").ty.base,
        BaseType::Primitive(Primitive::Number)
    );
    assert!(
        field(pet, "born_at")
            .description
            .contains("The docs give its type as `Date`, which the template writes for dates and date-times alike"),
        "{}",
        field(pet, "born_at").description
    );
    let status = model(&built, "PetStatus");
    let ModelKind::Enum(values) = &status.kind else {
        panic!("PetStatus is an enum: {:?}", status.kind);
    };
    let values: Vec<&str> = values.variants.iter().map(|v| v.value.as_str()).collect();
    assert_eq!(
        values,
        ["available", "sold"],
        "the unknown-default stand-in is left out"
    );
}

#[test]
fn typescript_and_python_pages_in_one_folder_are_an_error() {
    // `string` is TypeScript's and Go's word, `boolean` Perl's too; `number` is TypeScript's alone.
    let a = page_with_type("A", "Array&lt;number&gt;");
    let b = page_with_type("B", "list[str]");
    assert_eq!(
        diagnostics_of(&[("A.md", &a), ("B.md", &b)]),
        ["B.md:7:9: error: one folder mixes dialects: `B` is written in python, `A` in typescript"]
    );
}

#[test]
fn a_forced_typescript_dialect_reads_pages_that_show_none() {
    // `number` alone shows TypeScript; a page of model names shows nothing until forced.
    let a = page_with_type("A", "B");
    let b = "# B\n\n## Properties\n\nName | Type | Description | Notes\n\
------------ | ------------- | ------------- | -------------\n**dataJSON** | **object** |  | \n";
    let (built, dialect) = model_and_dialect(
        &[("A.md", &a), ("B.md", b)],
        Some("dialect = \"typescript\"\n"),
    );
    assert_eq!(dialect, "typescript");
    assert_eq!(field(model(&built, "B"), "dataJSON").wire_name, "dataJSON");
}

#[test]
fn a_real_typescript_corpus_reads_with_no_error_and_no_warning() {
    let Some((built, stats)) = real_ory_corpus("typescript") else {
        return;
    };
    assert_eq!(stats.dialect.name(), "typescript");
    assert_eq!((stats.models, stats.enums), (379, 16));
    let numbers = built
        .models
        .iter()
        .flat_map(|item| &item.fields)
        .filter(|field| field.ty.base == BaseType::Primitive(Primitive::Number))
        .count();
    assert!(numbers > 0, "Ory's TypeScript docs write `number` fields");
}

/// Pages in the layout of openapi-generator's `ruby` model docs: a `Module::Name` title, a table
/// with outer pipes, Ruby types, `_` before a reserved word; an enum page is an empty table, a
/// oneOf page lists `openapi_one_of`.
const RUBY_PET: &str = "# Store::Pet\n\n## Properties\n\n\
| Name | Type | Description | Notes |\n| ---- | ---- | ----------- | ----- |\n\
| **id** | **Integer** |  | [optional] |\n\
| **weight** | **Float** |  | [optional] |\n\
| **name** | **String** |  |  |\n\
| **photo_urls** | **Array&lt;String&gt;** |  |  |\n\
| **labels** | **Hash&lt;String, Tag&gt;** |  | [optional] |\n\
| **born_on** | **Date** |  | [optional] |\n\
| **seen_at** | **Time** |  | [optional] |\n\
| **vaccinated** | **Boolean** |  | [optional] |\n\
| **extra** | **Object** |  | [optional] |\n\
| **_end** | **Time** |  | [optional] |\n\
| **status** | [**PetStatus**](PetStatus.md) |  | [optional] |\n\
| **owner** | [**Owner**](Owner.md) |  | [optional] |\n\n\
## Example\n\n```ruby\nrequire 'store'\n\ninstance = Store::Pet.new(\n  id: null\n)\n```\n\n";

const RUBY_TAG: &str = "# Store::Tag\n\n## Properties\n\n\
| Name | Type | Description | Notes |\n| ---- | ---- | ----------- | ----- |\n\
| **id** | **Integer** |  | [optional] |\n";

const RUBY_PET_STATUS: &str = "# Store::PetStatus\n\n## Properties\n\n\
| Name | Type | Description | Notes |\n| ---- | ---- | ----------- | ----- |\n\n\
## Example\n\n```ruby\nrequire 'store'\n\ninstance = Store::PetStatus.new()\n```\n\n";

const RUBY_OWNER: &str = "# Store::Owner\n\n## Class instance methods\n\n\
### `openapi_one_of`\n\nReturns the list of classes defined in oneOf.\n\n\
#### Example\n\n```ruby\nrequire 'store'\n\nStore::Owner.openapi_one_of\n# =>\n# [\n#   :'String',\n#   :'Tag'\n# ]\n```\n\n\
### build\n\nFind the appropriate object from the `openapi_one_of` list and casts the data into it.\n";

#[test]
fn ruby_pages_read_into_the_same_model() {
    let (built, dialect) = model_and_dialect(
        &[
            ("Pet.md", RUBY_PET),
            ("Tag.md", RUBY_TAG),
            ("PetStatus.md", RUBY_PET_STATUS),
            ("Owner.md", RUBY_OWNER),
        ],
        Some("[naming]\nwire = \"snake_case\"\n"),
    );
    assert_eq!(dialect, "ruby");
    let pet = model(&built, "Pet");
    assert_eq!(
        fields_read(pet),
        [
            ("id", "integer".to_owned(), "id", false),
            ("weight", "float".to_owned(), "weight", false),
            ("name", "string".to_owned(), "name", true),
            ("photo_urls", "list<string>".to_owned(), "photo_urls", true),
            ("labels", "map<Tag>".to_owned(), "labels", false),
            ("born_on", "date".to_owned(), "born_on", false),
            ("seen_at", "date-time".to_owned(), "seen_at", false),
            ("vaccinated", "boolean".to_owned(), "vaccinated", false),
            ("extra", "any".to_owned(), "extra", false),
            ("_end", "date-time".to_owned(), "end", false),
            ("status", "any".to_owned(), "status", false),
            ("owner", "Owner".to_owned(), "owner", false),
        ]
    );
    // The enum page says too little for more than any JSON value; the oneOf page lists its
    // variants.
    assert_eq!(
        field(pet, "status").ty.base,
        BaseType::Primitive(Primitive::Any)
    );
    assert_eq!(one_of_variants(&built, "Owner"), ["String", "Tag"]);
}

/// The Rust names of a oneOf model's variants.
fn one_of_variants(built: &TypeModel, name: &str) -> Vec<String> {
    let ModelKind::OneOf(one_of) = &model(built, name).kind else {
        panic!("{name} is a oneOf: {:?}", model(built, name).kind);
    };
    (one_of.variants.iter())
        .map(|variant| variant.rust_name.clone())
        .collect()
}

#[test]
fn a_one_of_variant_without_a_page_is_a_warning_and_any_json_value() {
    let owner = RUBY_OWNER.replace(":'Tag'", ":'Shop'");
    let diagnostics = diagnostics_of(&[
        ("Pet.md", RUBY_PET),
        ("Tag.md", RUBY_TAG),
        ("PetStatus.md", RUBY_PET_STATUS),
        ("Owner.md", &owner),
    ]);
    assert_eq!(
        diagnostics,
        ["Owner.md:5:1: warning: the variant `Shop` of `Owner` has no page"]
    );
}

#[test]
fn a_real_ruby_corpus_reads_with_no_error_and_no_warning() {
    let Some((_, stats)) = real_ory_corpus("ruby") else {
        return;
    };
    assert_eq!(stats.dialect.name(), "ruby");
    // 355 structs and the 8 oneOf pages, of the variants their `openapi_one_of` lists; the 16
    // enum pages stand for any JSON value.
    assert_eq!(stats.models, 363);
}

#[test]
fn a_typescript_number_is_an_exact_json_number_and_its_docs_say_so() {
    let (built, _) = model_and_dialect(
        &[
            ("Pet.md", TS_PET),
            ("Tag.md", TS_TAG),
            ("PetStatus.md", TS_PET_STATUS),
        ],
        None,
    );
    let (files, _) = markdown_model_codegen::emit::emit_crate(&built);
    let pet = files
        .iter()
        .find(|file| file.path.ends_with("pet.rs"))
        .expect("pet.rs");
    let id_field = pet
        .contents
        .split("pub id:")
        .next()
        .and_then(|before| before.rsplit("pub struct Pet {").next())
        .expect("the id field's docs");
    assert!(
        id_field.contains("The docs say only `number`, not whether it is an integer or a float"),
        "{id_field}"
    );
    assert!(
        pet.contents
            .contains("pub id: Option<::serde_json::Number>"),
        "{}",
        pet.contents
    );
    // Without a `number` field, the type table stays as it was.
    assert!(built.rust_types.contains_key(&Primitive::Number));
    let python = model_of(&[("Order.md", STANDARD), ("Item.md", ITEM)]);
    assert!(!python.rust_types.contains_key(&Primitive::Number));
}

/// Pages in the layout of openapi-generator's `rust` model docs: `Option<...>` around the type of
/// an optional (or nullable) field, bold types inside it, models as `models::X` linked to their
/// page (CommonMark reads `<models::Tag>` in `Vec<models::Tag>` as an autolink), a raw identifier
/// for a keyword.
const RUST_PET: &str = "# Pet\n\n## Properties\n\n\
Name | Type | Description | Notes\n------------ | ------------- | ------------- | -------------\n\
**id** | Option<**i64**> |  | [optional]\n\
**weight** | Option<**f32**> |  | [optional]\n\
**name** | **String** |  | \n\
**photo_urls** | **Vec<String>** |  | \n\
**tags** | Option<[**Vec<models::Tag>**](Tag.md)> |  | [optional]\n\
**labels** | Option<[**std::collections::HashMap<String, models::Tag>**](Tag.md)> |  | [optional]\n\
**owner_id** | Option<**uuid::Uuid**> |  | [optional]\n\
**vaccinated** | Option<**bool**> |  | [optional]\n\
**extra** | Option<[**serde_json::Value**](.md)> |  | \n\
**r#type** | **String** |  | \n\
**status** | Option<[**models::PetStatus**](PetStatus.md)> |  | [optional]\n\
**size** | [**models::Size**](Size.md) |  | \n\
**owner** | Option<[**models::Owner**](Owner.md)> |  | [optional]\n\
**kind** | Option<[**models::Kind**](Kind.md)> |  | [optional]\n\n\
[[Back to Model list]](../README.md#documentation-for-models) [[Back to API list]](../README.md#documentation-for-api-endpoints) [[Back to README]](../README.md)\n\n\n";

const RUST_TAG: &str = "# Tag\n\n## Properties\n\n\
Name | Type | Description | Notes\n------------ | ------------- | ------------- | -------------\n\
**id** | Option<**i32**> |  | [optional]\n\n";

/// An enum page: a `## Enum Variants` table of PascalCase names and unquoted values (and a
/// section after it that is no variant's).
const RUST_PET_STATUS: &str = "# PetStatus\n\n## Enum Variants\n\n\
| Name | Value |\n|---- | -----|\n| Available | available |\n| SoldOut | sold_out |\n\n\n\
## Example\n\nNone.\n\n\
[[Back to Model list]](../README.md#documentation-for-models)\n\n";

/// An enum page of integers.
const RUST_SIZE: &str = "# Size\n\n## Enum Variants\n\n\
| Name | Value |\n|---- | -----|\n| Variant1 | 1 |\n| Variant2 | 2 |\n\n";

/// A oneOf page: its variants' types in a `Name | Description` table.
const RUST_OWNER: &str = "# Owner\n\n## Enum Variants\n\n\
| Name | Description |\n|---- | -----|\n| Tag | A tag. |\n| String |  |\n\n";

/// A discriminated oneOf: the variants and their tags, then each variant's properties.
const RUST_KIND: &str = "# Kind\n\n## Enum Variants\n\n\
| Name | Value |\n|---- | -----|\n| Tag | tag |\n\n\
## Tag\n\nName | Type | Description | Notes\n------------ | ------------- | ------------- | -------------\n\
**id** | Option<**i32**> |  | [optional]\n\n";

#[test]
fn rust_pages_read_into_the_same_model() {
    let (built, dialect) = model_and_dialect(
        &[
            ("Pet.md", RUST_PET),
            ("Tag.md", RUST_TAG),
            ("PetStatus.md", RUST_PET_STATUS),
            ("Size.md", RUST_SIZE),
            ("Owner.md", RUST_OWNER),
            ("Kind.md", RUST_KIND),
        ],
        Some("[naming]\nwire = \"snake_case\"\n"),
    );
    assert_eq!(dialect, "rust");
    let pet = model(&built, "Pet");
    assert_eq!(
        fields_read(pet),
        [
            ("id", "integer".to_owned(), "id", false),
            ("weight", "float".to_owned(), "weight", false),
            ("name", "string".to_owned(), "name", true),
            ("photo_urls", "list<string>".to_owned(), "photo_urls", true),
            ("tags", "list<Tag>".to_owned(), "tags", false),
            ("labels", "map<Tag>".to_owned(), "labels", false),
            ("owner_id", "string".to_owned(), "owner_id", false),
            ("vaccinated", "boolean".to_owned(), "vaccinated", false),
            // `Option<...>` without `[optional]`: required, and may be `null`.
            ("extra", "any".to_owned(), "extra", true),
            ("type", "string".to_owned(), "type", true),
            ("status", "PetStatus".to_owned(), "status", false),
            ("size", "Size".to_owned(), "size", true),
            ("owner", "Owner".to_owned(), "owner", false),
            ("kind", "any".to_owned(), "kind", false),
        ]
    );
    let status = model(&built, "PetStatus");
    let ModelKind::Enum(values) = &status.kind else {
        panic!("PetStatus is an enum: {:?}", status.kind);
    };
    let values: Vec<&str> = values.variants.iter().map(|v| v.value.as_str()).collect();
    assert_eq!(values, ["available", "sold_out"]);
    // A table of numbers is an open enum of numbers; a oneOf of a model and a string is an enum
    // of them; a discriminated oneOf whose variants the page does not list is any JSON value.
    for (name, base) in [
        (
            "size",
            BaseType::SharedEnum {
                rust_name: "Size".to_owned(),
            },
        ),
        (
            "owner",
            BaseType::Model {
                rust_name: "Owner".to_owned(),
                boxed: false,
            },
        ),
        ("kind", BaseType::Primitive(Primitive::Any)),
    ] {
        assert_eq!(field(pet, name).ty.base, base, "{name}");
    }
}

#[test]
fn a_rust_one_of_of_numbers_is_an_enum_of_them_and_an_empty_variants_table_any_json_value() {
    let numbers = "# Amount\n\n## Enum Variants\n\n\
| Name | Description |\n|---- | -----|\n| i64 |  |\n| f64 |  |\n\n";
    let empty = "# Attributes\n\n## Enum Variants\n\n| Name | Value |\n|---- | -----|\n\n";
    let order = "# Order\n\n## Properties\n\n\
Name | Type | Description | Notes\n------------ | ------------- | ------------- | -------------\n\
**amount** | [**models::Amount**](Amount.md) |  | \n\
**attributes** | Option<[**Vec<models::Attributes>**](Attributes.md)> |  | [optional]\n";
    let (built, _) = model_and_dialect(
        &[
            ("Amount.md", numbers),
            ("Attributes.md", empty),
            ("Order.md", order),
        ],
        None,
    );
    assert_eq!(one_of_variants(&built, "Amount"), ["Integer", "Float"]);
    let order = model(&built, "Order");
    assert_eq!(
        field(order, "attributes").ty.base,
        BaseType::Primitive(Primitive::Any)
    );
}

#[test]
fn a_malformed_rust_variants_table_is_an_error() {
    let page = "# Odd\n\n## Enum Variants\n\n| Name | Kind |\n|---- | -----|\n| A | a |\n\n";
    assert_eq!(
        diagnostics_of(&[("Odd.md", page)]),
        [
            "Odd.md:5:1: error: the Enum Variants table's header is `Name | Kind`, expected `Name | Value` or `Name | Description`"
        ]
    );
}

/// The Ory client's Rust docs (openapi-generator's `rust` template), when `../shared/corpus` is
/// present: every page reads, quietly, with only the naming rule set.
#[test]
fn a_real_rust_corpus_reads_with_no_error_and_no_warning() {
    let Some((model, stats)) = real_ory_corpus("rust") else {
        return;
    };
    assert_eq!(stats.dialect.name(), "rust");
    // 355 structs, 16 enum pages and the one oneOf page of its variants' types (`Usage`); the 7
    // discriminated oneOf pages, whose tables list no variant, stand for any JSON value.
    assert_eq!((stats.models, stats.enums), (372, 16));
    let identity = model
        .models
        .iter()
        .find(|item| item.name == "Identity")
        .expect("Identity");
    assert_eq!(
        field(identity, "recovery_addresses").ty.to_string(),
        "list<RecoveryIdentityAddress>"
    );
    assert!(field(identity, "traits").required);
}

/// A page in the layout of openapi-generator's `typescript-fetch` model docs: a `Name | Type`
/// table of the TypeScript properties (names in code spans), then an example.
const TSF_PET: &str = "\n# Pet\n\nA pet for sale.\n\n## Properties\n\nName | Type\n------------ | -------------\n\
`id` | number\n\
`name` | string\n\
`photoUrls` | Array&lt;string&gt;\n\
`tags` | [Array&lt;Tag&gt;](Tag.md)\n\
`labels` | { [key: string]: string; }\n\
`bornAt` | Date\n\
`vaccinated` | boolean\n\
`extra` | any\n\
`_class` | string\n\
`status` | [PetStatus](PetStatus.md)\n\n\
## Example\n\n```typescript\nimport type { Pet } from ''\n\nconst example = {\n  \"id\": null,\n} satisfies Pet\n```\n\n\
[[Back to top]](#) [[Back to API list]](../README.md#api-endpoints) [[Back to Model list]](../README.md#models) [[Back to README]](../README.md)\n\n";

const TSF_TAG: &str =
    "\n# Tag\n\n\n## Properties\n\nName | Type\n------------ | -------------\n`id` | number\n\n";

/// An enum page: the template writes an enum as an empty table, as an empty object.
const TSF_PET_STATUS: &str = "\n# PetStatus\n\nA pet's state.\n\n## Properties\n\nName | Type\n------------ | -------------\n\n\
## Example\n\n```typescript\nconst example = {\n} satisfies PetStatus\n```\n";

#[test]
fn typescript_fetch_pages_read_into_the_same_model() {
    let (built, dialect) = model_and_dialect(
        &[
            ("Pet.md", TSF_PET),
            ("Tag.md", TSF_TAG),
            ("PetStatus.md", TSF_PET_STATUS),
        ],
        Some("[naming]\nwire = \"snake_case\"\n"),
    );
    assert_eq!(dialect, "typescript-fetch");
    let pet = model(&built, "Pet");
    // The Name column is the TypeScript property (camelCase by default): `[naming] wire` spells
    // the JSON. No field is said to be required.
    assert_eq!(
        fields_read(pet),
        [
            ("id", "number".to_owned(), "id", false),
            ("name", "string".to_owned(), "name", false),
            ("photoUrls", "list<string>".to_owned(), "photo_urls", false),
            ("tags", "list<Tag>".to_owned(), "tags", false),
            ("labels", "map<string>".to_owned(), "labels", false),
            ("bornAt", "string".to_owned(), "born_at", false),
            ("vaccinated", "boolean".to_owned(), "vaccinated", false),
            ("extra", "any".to_owned(), "extra", false),
            ("_class", "string".to_owned(), "class", false),
            ("status", "any".to_owned(), "status", false),
        ]
    );
    assert!(pet.fields.iter().all(|field| field.required_unknown));
    assert_eq!(pet.description, "A pet for sale.");
    // The empty table of an enum page stands for any JSON value.
    assert_eq!(
        field(pet, "status").ty.base,
        BaseType::Primitive(Primitive::Any)
    );
    let (files, _) = markdown_model_codegen::emit::emit_crate(&built);
    let pet_file = files
        .iter()
        .find(|file| file.path.ends_with("pet.rs"))
        .expect("pet.rs");
    assert!(
        pet_file
            .contents
            .contains("The docs do not say whether it is required: optional"),
        "{}",
        pet_file.contents
    );
}

#[test]
fn typescript_fetch_and_typescript_pages_in_one_folder_are_an_error() {
    let a = page_with_type("A", "Array&lt;number&gt;");
    assert_eq!(
        diagnostics_of(&[("A.md", &a), ("Tag.md", TSF_TAG)]),
        [
            "Tag.md:7:1: error: one folder mixes dialects: `Tag` is written in typescript-fetch, `A` in typescript"
        ]
    );
}

#[test]
fn a_real_typescript_fetch_corpus_reads_with_no_error_and_no_warning() {
    let Some((built, stats)) = real_ory_corpus("typescript-fetch") else {
        return;
    };
    assert_eq!(stats.dialect.name(), "typescript-fetch");
    // 363 structs; the 16 enum pages (empty tables) stand for any JSON value.
    assert_eq!((stats.models, stats.enums), (363, 0));
    assert!(
        built
            .models
            .iter()
            .flat_map(|item| &item.fields)
            .all(|field| field.required_unknown && !field.required)
    );
}

/// Go's enum pages (after the petstore sample's `OuterEnum.md` and `OuterEnumInteger.md`): a
/// `## Enum` list of `` `NAME` (value: `"value"`) `` items, numbers bare.
const GO_STATUS: &str = "# PetStatus\n\n## Enum\n\n\n\
* `AVAILABLE` (value: `\"available\"`)\n\n* `SOLD_OUT` (value: `\"sold out\"`)\n\n\n\
[[Back to Model list]](../README.md#documentation-for-models)\n\n\n";

const GO_SIZE: &str = "# Size\n\n## Enum\n\n\n\
* `SIZE__1` (value: `1`)\n\n* `SIZE__2` (value: `2`)\n\n\n";

const GO_KENNEL: &str = "# Kennel\n\n## Properties\n\n\
Name | Type | Description | Notes\n------------ | ------------- | ------------- | -------------\n\
**Status** | Pointer to [**PetStatus**](PetStatus.md) |  | [optional] \n\
**Sizes** | Pointer to [**[]Size**](Size.md) |  | [optional] \n\n\
## Methods\n\n### NewKennel\n\n`func NewKennel() *Kennel`\n";

#[test]
fn go_enum_pages_give_the_shared_enums() {
    let (built, dialect) = model_and_dialect(
        &[
            ("Kennel.md", GO_KENNEL),
            ("PetStatus.md", GO_STATUS),
            ("Size.md", GO_SIZE),
        ],
        None,
    );
    assert_eq!(dialect, "go");
    let status = model(&built, "PetStatus");
    let ModelKind::Enum(values) = &status.kind else {
        panic!("PetStatus is an enum: {:?}", status.kind);
    };
    let values: Vec<&str> = values.variants.iter().map(|v| v.value.as_str()).collect();
    assert_eq!(values, ["available", "sold out"]);
    let kennel = model(&built, "Kennel");
    assert!(matches!(
        field(kennel, "Status").ty.base,
        BaseType::SharedEnum { .. }
    ));
    assert_eq!(
        field(kennel, "Sizes").ty.base,
        BaseType::SharedEnum {
            rust_name: "Size".to_owned()
        }
    );
}

/// A page of the `rust` template before `Option<...>` (after the petstore sample of its day):
/// models as `crate::models::X`, the optional ones written `***` (a stray `*` before the bold).
const RUST_OLD_PET: &str = "# Pet\n\n## Properties\n\n\
Name | Type | Description | Notes\n------------ | ------------- | ------------- | -------------\n\
**id** | **i64** |  | [optional] \n\
**category** | [***crate::models::Category**](Category.md) |  | [optional] \n\
**name** | **String** |  | \n\
**_type** | **String** |  | [optional] \n\
**tags** | [**Vec<crate::models::Category>**](Category.md) |  | [optional] \n\n\
[[Back to Model list]](../README.md#documentation-for-models)\n\n\n";

const RUST_OLD_CATEGORY: &str = "# Category\n\n## Properties\n\n\
Name | Type | Description | Notes\n------------ | ------------- | ------------- | -------------\n\
**id** | **i64** |  | [optional] \n";

#[test]
fn an_older_rust_templates_pages_read_too() {
    let (built, dialect) = model_and_dialect(
        &[("Pet.md", RUST_OLD_PET), ("Category.md", RUST_OLD_CATEGORY)],
        None,
    );
    assert_eq!(dialect, "rust");
    assert_eq!(
        fields_read(model(&built, "Pet")),
        [
            ("id", "integer".to_owned(), "id", false),
            ("category", "Category".to_owned(), "category", false),
            ("name", "string".to_owned(), "name", true),
            ("_type", "string".to_owned(), "type", false),
            ("tags", "list<Category>".to_owned(), "tags", false),
        ]
    );
}

/// A page in the legacy Python layout with these `(name, type, required)` rows: what another
/// language's page is compared with.
fn python_page(name: &str, rows: &[(&str, &str, bool)]) -> String {
    let mut page = format!(
        "# {name}\n\n## Properties\n\nName | Type | Description | Notes\n\
         ------------ | ------------- | ------------- | -------------\n"
    );
    for (field, ty, required) in rows {
        let notes = if *required { "" } else { "[optional]" };
        page.push_str(&format!("**{field}** | **{ty}** |  | {notes}\n"));
    }
    page
}

/// What each field of a model is, whatever the docs' language: its JSON name, containers, base
/// type and required flag.
fn substance(model: &Model) -> Vec<(&str, Vec<Container>, BaseType, bool)> {
    model
        .fields
        .iter()
        .map(|field| {
            (
                field.wire_name.as_str(),
                field.ty.containers.clone(),
                field.ty.base.clone(),
                field.required,
            )
        })
        .collect()
}

/// The rows the Python equivalents of the C#, Swift and PHP `Pet` pages start with.
const PYTHON_PET_FIRST_ROWS: &[(&str, &str, bool)] = &[
    ("id", "int", false),
    ("category", "Category", false),
    ("name", "str", true),
    ("photo_urls", "list[str]", true),
    ("tags", "list[Tag]", false),
    ("labels", "dict(str, str)", false),
    ("weight", "float", false),
    ("ratio", "float", false),
    ("vaccinated", "bool", false),
];

/// Reads `pages` (in `dialect`, which they must show) and the Python pages equivalent to them,
/// and checks that `Pet` is the same model in both; returns the first.
fn reads_as_python(
    dialect: &str,
    pages: &[(&str, &str)],
    python_pet: &[(&str, &str, bool)],
    python_config: Option<&str>,
) -> TypeModel {
    let (built, read) = model_and_dialect(pages, None);
    assert_eq!(read, dialect);
    let python_pet = python_page("Pet", python_pet);
    let category = python_page("Category", &[("id", "int", false)]);
    let tag = python_page("Tag", &[("name", "str", false)]);
    let (python, read) = model_and_dialect(
        &[
            ("Pet.md", &python_pet),
            ("Category.md", &category),
            ("Tag.md", &tag),
        ],
        python_config,
    );
    assert_eq!(read, "python");
    assert_eq!(
        substance(model(&built, "Pet")),
        substance(model(&python, "Pet")),
        "{dialect} reads into the same model as Python"
    );
    built
}

/// A page of openapi-generator's `csharp` model docs (after the petstore samples of its
/// `restsharp` and `generichost` libraries): `Namespace.Model.Name` titles, PascalCase names,
/// C#'s types with `?` for nullable ones; an enum page is an empty table.
const CSHARP_PET: &str = "# Store.Model.Pet\n\nA pet for sale.\n\n## Properties\n\n\
Name | Type | Description | Notes\n------------ | ------------- | ------------- | -------------\n\
**Id** | **long?** |  | [optional] \n\
**Category** | [**Category?**](Category.md) |  | [optional] \n\
**Name** | **string** |  | \n\
**PhotoUrls** | **List&lt;string&gt;** |  | \n\
**Tags** | [**List&lt;Tag&gt;**](Tag.md) |  | [optional] \n\
**Labels** | **Dictionary&lt;string, string&gt;** |  | [optional] \n\
**Weight** | **decimal** |  | [optional] \n\
**Ratio** | **double?** |  | [optional] \n\
**Vaccinated** | **bool?** |  | [optional] \n\
**BornOn** | **DateOnly** |  | [optional] \n\
**SeenAt** | **DateTimeOffset** |  | [optional] \n\
**UpdatedAt** | **DateTime** |  | [optional] \n\
**Uuid** | **Guid** |  | [optional] \n\
**Photo** | **byte[]** |  | [optional] \n\
**File** | **System.IO.Stream** |  | [optional] \n\
**Extra** | **Object** |  | [optional] \n\
**Status** | [**PetStatus**](PetStatus.md) |  | [optional] \n\
**Sizes** | **List&lt;Pet.SizesEnum&gt;** |  | [optional] \n\
**varVersion** | **string** |  | [optional] \n\n\
[[Back to Model list]](../README.md#documentation-for-models) [[Back to API list]](../README.md#documentation-for-api-endpoints) [[Back to README]](../README.md)\n";

const CSHARP_CATEGORY: &str = "# Store.Model.Category\n\n## Properties\n\n\
Name | Type | Description | Notes\n------------ | ------------- | ------------- | -------------\n\
**Id** | **long** |  | [optional] \n";

const CSHARP_TAG: &str = "# Store.Model.Tag\n\n## Properties\n\n\
Name | Type | Description | Notes\n------------ | ------------- | ------------- | -------------\n\
**Name** | **string** |  | [optional] \n";

const CSHARP_PET_STATUS: &str = "# Store.Model.PetStatus\nA pet's state.\n\n## Properties\n\n\
Name | Type | Description | Notes\n------------ | ------------- | ------------- | -------------\n\n\
[[Back to Model list]](../README.md#documentation-for-models)\n";

#[test]
fn csharp_pages_read_into_the_same_type_model_as_python_pages() {
    let built = reads_as_python(
        "csharp",
        &[
            ("Pet.md", CSHARP_PET),
            ("Category.md", CSHARP_CATEGORY),
            ("Tag.md", CSHARP_TAG),
            ("PetStatus.md", CSHARP_PET_STATUS),
        ],
        &[
            PYTHON_PET_FIRST_ROWS,
            &[
                ("born_on", "date", false),
                ("seen_at", "datetime", false),
                ("updated_at", "str", false),
                ("uuid", "str", false),
                ("photo", "str", false),
                ("file", "str", false),
                ("extra", "object", false),
                ("status", "object", false),
                ("sizes", "list[object]", false),
                ("version", "str", false),
            ],
        ]
        .concat(),
        None,
    );
    let pet = model(&built, "Pet");
    assert_eq!(pet.description, "A pet for sale.");
    for (name, says) in [
        ("Weight", "as `decimal`, a decimal of any precision"),
        (
            "UpdatedAt",
            "as `DateTime`, which the template writes for dates and date-times",
        ),
        (
            "Sizes",
            "as `Pet.SizesEnum`, an enum of that model whose values",
        ),
    ] {
        let description = &field(pet, name).description;
        assert!(description.contains(says), "{name}: {description}");
    }
}

#[test]
fn csharp_pages_beside_python_pages_are_an_error() {
    let python = page_with_type("Z", "list[str]");
    assert_eq!(
        diagnostics_of(&[
            ("Pet.md", CSHARP_PET),
            ("Category.md", CSHARP_CATEGORY),
            ("Tag.md", CSHARP_TAG),
            ("PetStatus.md", CSHARP_PET_STATUS),
            ("Z.md", &python)
        ]),
        [
            "Z.md:7:9: error: one folder mixes dialects: `Z` is written in python, `Category` in csharp"
        ]
    );
    let python = page_with_type("B", "list[str]");
    // A page without the namespace in its title shows C# by its types.
    let csharp = page_with_type("A", "Dictionary&lt;string, long?&gt;");
    assert_eq!(
        diagnostics_of(&[("A.md", &csharp), ("B.md", &python)]),
        ["B.md:7:9: error: one folder mixes dialects: `B` is written in python, `A` in csharp"]
    );
}

/// A page of openapi-generator's `swift5` / `swift6` model docs (after their petstore samples):
/// `[X]` and `[String: X]`, Swift's type names, containers of models not linked; an enum page
/// is an empty table.
const SWIFT_PET: &str = "# Pet\n\n## Properties\nName | Type | Description | Notes\n\
------------ | ------------- | ------------- | -------------\n\
**id** | **Int64** |  | [optional] \n\
**category** | [**Category**](Category.md) |  | [optional] \n\
**name** | **String** |  | \n\
**photoUrls** | **[String]** |  | \n\
**tags** | [Tag] |  | [optional] \n\
**labels** | **[String: String]** |  | [optional] \n\
**weight** | **Decimal** |  | [optional] \n\
**ratio** | **Double** |  | [optional] \n\
**vaccinated** | **Bool** |  | [optional] \n\
**bornOn** | **OpenAPIDateWithoutTime** |  | [optional] \n\
**updatedAt** | **Date** |  | [optional] \n\
**uuid** | **UUID** |  | [optional] \n\
**photo** | **Data** |  | [optional] \n\
**file** | **URL** |  | [optional] \n\
**extra** | **AnyCodable** |  | [optional] \n\
**scores** | [String:[Int]] |  | [optional] \n\
**status** | [**PetStatus**](PetStatus.md) |  | [optional] \n\
**_default** | **String** |  | [optional] [default to \"none\"]\n\n\
[[Back to Model list]](../README.md#documentation-for-models) [[Back to API list]](../README.md#documentation-for-api-endpoints) [[Back to README]](../README.md)\n\n\n";

const SWIFT_CATEGORY: &str = "# Category\n\n## Properties\nName | Type | Description | Notes\n\
------------ | ------------- | ------------- | -------------\n**id** | **Int** |  | [optional] \n";

const SWIFT_TAG: &str = "# Tag\n\n## Properties\nName | Type | Description | Notes\n\
------------ | ------------- | ------------- | -------------\n**name** | **String** |  | [optional] \n";

const SWIFT_PET_STATUS: &str = "# PetStatus\n\n## Properties\nName | Type | Description | Notes\n\
------------ | ------------- | ------------- | -------------\n\n\
[[Back to Model list]](../README.md#documentation-for-models)\n";

#[test]
fn swift_pages_read_into_the_same_type_model_as_python_pages() {
    let built = reads_as_python(
        "swift",
        &[
            ("Pet.md", SWIFT_PET),
            ("Category.md", SWIFT_CATEGORY),
            ("Tag.md", SWIFT_TAG),
            ("PetStatus.md", SWIFT_PET_STATUS),
        ],
        &[
            PYTHON_PET_FIRST_ROWS,
            &[
                ("born_on", "date", false),
                ("updated_at", "str", false),
                ("uuid", "str", false),
                ("photo", "str", false),
                ("file", "str", false),
                ("extra", "object", false),
                ("scores", "dict(str, list[int])", false),
                ("status", "object", false),
                ("default", "str", false),
            ],
        ]
        .concat(),
        None,
    );
    let description = &field(model(&built, "Pet"), "updatedAt").description;
    assert!(description.contains("as `Date`, which the template writes for dates and date-times"));
}

#[test]
fn swift_pages_beside_python_pages_are_an_error() {
    let swift = page_with_type("A", "[String: Int64]");
    let python = page_with_type("B", "list[str]");
    assert_eq!(
        diagnostics_of(&[("A.md", &swift), ("B.md", &python)]),
        [
            "B.md:7:9: error: one folder mixes dialects: `B` is written in python, `A` in swift or scala"
        ]
    );
}

/// A page of openapi-generator's `php` model docs (after its petstore sample): the `# # Name`
/// title, snake_case names, `X[]`, `array<string,X>`, models named with their namespace.
const PHP_PET: &str = "# # Pet\n\n## Properties\n\n\
Name | Type | Description | Notes\n------------ | ------------- | ------------- | -------------\n\
**id** | **int** |  | [optional]\n\
**category** | [**\\Store\\Model\\Category**](Category.md) |  | [optional]\n\
**name** | **string** |  |\n\
**photo_urls** | **string[]** |  | [default to []]\n\
**tags** | [**\\Store\\Model\\Tag[]**](Tag.md) |  | [optional]\n\
**labels** | **array<string,string>** |  | [optional]\n\
**weight** | **float** |  | [optional]\n\
**ratio** | **double** |  | [optional]\n\
**vaccinated** | **bool** |  | [optional]\n\
**updated_at** | **\\DateTime** |  | [optional]\n\
**photo** | **\\SplFileObject** |  | [optional]\n\
**extra** | **mixed** |  | [optional]\n\
**meta** | **object** |  | [optional]\n\
**scores** | **array<string,int[]>** |  | [optional]\n\
**status** | [**\\Store\\Model\\PetStatus**](PetStatus.md) |  | [optional]\n\
\n\
[[Back to Model list]](../../README.md#models) [[Back to API list]](../../README.md#endpoints) [[Back to README]](../../README.md)\n";

/// `php-nextgen`'s title is the plain `# Name`.
const PHP_CATEGORY: &str = "# Category\n\n## Properties\n\n\
Name | Type | Description | Notes\n------------ | ------------- | ------------- | -------------\n\
**id** | **int** |  | [optional]\n";

const PHP_TAG: &str = "# # Tag\n\n## Properties\n\n\
Name | Type | Description | Notes\n------------ | ------------- | ------------- | -------------\n\
**name** | **string** |  | [optional]\n";

const PHP_PET_STATUS: &str = "# # PetStatus\n\n## Properties\n\n\
Name | Type | Description | Notes\n------------ | ------------- | ------------- | -------------\n\n\
[[Back to Model list]](../../README.md#models)\n";

#[test]
fn php_pages_read_into_the_same_type_model_as_python_pages() {
    let built = reads_as_python(
        "php",
        &[
            ("Pet.md", PHP_PET),
            ("Category.md", PHP_CATEGORY),
            ("Tag.md", PHP_TAG),
            ("PetStatus.md", PHP_PET_STATUS),
        ],
        &[
            PYTHON_PET_FIRST_ROWS,
            &[
                ("updated_at", "str", false),
                ("photo", "str", false),
                ("extra", "object", false),
                ("meta", "object", false),
                ("scores", "dict(str, list[int])", false),
                ("status", "object", false),
            ],
        ]
        .concat(),
        None,
    );
    assert_eq!(model(&built, "Category").fields.len(), 1);
}

#[test]
fn php_pages_beside_python_pages_are_an_error() {
    let php = page_with_type("A", "array&lt;string,int&gt;");
    let python = page_with_type("B", "list[str]");
    assert_eq!(
        diagnostics_of(&[("A.md", &php), ("B.md", &python)]),
        ["B.md:7:9: error: one folder mixes dialects: `B` is written in python, `A` in php"]
    );
}

/// A page of openapi-generator's `kotlin` model docs (after its petstore samples): qualified
/// Kotlin and Java type names, a field's own enum as `[**inline**](#Status)` with its values
/// listed in one cell of the `## Enum: status` table.
const KOTLIN_PET: &str = "\n# Pet\n\n## Properties\n\
| Name | Type | Description | Notes |\n| ------------ | ------------- | ------------- | ------------- |\n\
| **name** | **kotlin.String** |  |  |\n\
| **photoUrls** | **kotlin.collections.List&lt;kotlin.String&gt;** |  |  |\n\
| **id** | **kotlin.Long** |  |  [optional] |\n\
| **category** | [**Category**](Category.md) |  |  [optional] |\n\
| **tags** | [**kotlin.collections.List&lt;Tag&gt;**](Tag.md) |  |  [optional] |\n\
| **labels** | **kotlin.collections.Map&lt;kotlin.String, kotlin.String&gt;** |  |  [optional] |\n\
| **weight** | **java.math.BigDecimal** |  |  [optional] |\n\
| **ratio** | **kotlin.Double** |  |  [optional] |\n\
| **vaccinated** | **kotlin.Boolean** |  |  [optional] |\n\
| **bornOn** | [**java.time.LocalDate**](java.time.LocalDate.md) |  |  [optional] |\n\
| **seenAt** | [**java.time.OffsetDateTime**](java.time.OffsetDateTime.md) |  |  [optional] |\n\
| **uuid** | [**java.util.UUID**](java.util.UUID.md) |  |  [optional] |\n\
| **photo** | **kotlin.ByteArray** |  |  [optional] |\n\
| **extra** | [**kotlin.Any**](.md) |  |  [optional] |\n\
| **scores** | **kotlin.Array&lt;kotlin.Int&gt;** |  |  [optional] |\n\
| **petStatus** | [**inline**](#PetStatus) | pet status in the store |  [optional] |\n\n\n\
<a id=\"PetStatus\"></a>\n## Enum: pet_status\n| Name | Value |\n| ---- | ----- |\n\
| pet_status | available, pending, sold |\n\n\n\n";

const KOTLIN_CATEGORY: &str = "\n# Category\n\n## Properties\n\
| Name | Type | Description | Notes |\n| ------------ | ------------- | ------------- | ------------- |\n\
| **id** | **kotlin.Long** |  |  [optional] |\n";

const KOTLIN_TAG: &str = "\n# Tag\n\n## Properties\n\
| Name | Type | Description | Notes |\n| ------------ | ------------- | ------------- | ------------- |\n\
| **name** | **kotlin.String** |  |  [optional] |\n";

#[test]
fn kotlin_pages_read_into_the_same_type_model_as_python_pages() {
    let built = reads_as_python(
        "kotlin",
        &[
            ("Pet.md", KOTLIN_PET),
            ("Category.md", KOTLIN_CATEGORY),
            ("Tag.md", KOTLIN_TAG),
        ],
        &[
            ("name", "str", true),
            ("photo_urls", "list[str]", true),
            ("id", "int", false),
            ("category", "Category", false),
            ("tags", "list[Tag]", false),
            ("labels", "dict(str, str)", false),
            ("weight", "float", false),
            ("ratio", "float", false),
            ("vaccinated", "bool", false),
            ("born_on", "date", false),
            ("seen_at", "datetime", false),
            ("uuid", "str", false),
            ("photo", "str", false),
            ("extra", "object", false),
            ("scores", "list[int]", false),
            ("pet_status", "str", false),
        ],
        Some("[models.Pet.fields.pet_status]\nenum = [\"available\", \"pending\", \"sold\"]\n"),
    );
    // `petStatus` is the open enum its table lists.
    let pet = model(&built, "Pet");
    let BaseType::Enum { rust_name } = &field(pet, "petStatus").ty.base else {
        panic!(
            "petStatus is an enum: {:?}",
            field(pet, "petStatus").ty.base
        );
    };
    let status = pet
        .enums
        .iter()
        .find(|item| &item.rust_name == rust_name)
        .expect("the petStatus enum");
    let values: Vec<&str> = status.variants.iter().map(|v| v.value.as_str()).collect();
    assert_eq!(values, ["available", "pending", "sold"]);
}

#[test]
fn kotlin_pages_beside_python_pages_are_an_error() {
    let kotlin = page_with_type("A", "kotlin.collections.List&lt;kotlin.String&gt;");
    let python = page_with_type("B", "list[str]");
    assert_eq!(
        diagnostics_of(&[("A.md", &kotlin), ("B.md", &python)]),
        ["B.md:7:9: error: one folder mixes dialects: `B` is written in python, `A` in kotlin"]
    );
}

/// Kotlin's enum page (after the `kotlin-enum-default-value` sample): a `## Enum` list indented by
/// four spaces, which Markdown reads as a code block; names escaped with backticks, values quoted,
/// the `enumUnknownDefaultCase` item among them.
const KOTLIN_PET_KIND: &str = "\n# PetKind\n\n## Enum\n\n\n\
    \x20   * `dog` (value: `\"dog\"`)\n\n\
    \x20   * `&#x60;guinea-pig&#x60;` (value: `\"guinea-pig\"`)\n\n\
    \x20   * `fooBacktickBar` (value: `\"foo`bar\"`)\n\n\
    \x20   * `unknown_default_open_api` (value: `\"unknown_default_open_api\"`)\n\n\n\n";

#[test]
fn kotlin_enum_pages_are_an_indented_list() {
    let kind = page_with_type("Owner", "PetKind");
    let (built, dialect) = model_and_dialect(
        &[("PetKind.md", KOTLIN_PET_KIND), ("Owner.md", &kind)],
        None,
    );
    assert_eq!(dialect, "kotlin");
    let ModelKind::Enum(values) = &model(&built, "PetKind").kind else {
        panic!("PetKind is an enum");
    };
    let values: Vec<&str> = values.variants.iter().map(|v| v.value.as_str()).collect();
    assert_eq!(values, ["dog", "guinea-pig", "foo`bar"]);
    assert_eq!(
        field(model(&built, "Owner"), "a").ty.base,
        BaseType::SharedEnum {
            rust_name: "PetKind".to_owned()
        }
    );
}

#[test]
fn a_swift_folder_without_maps_is_known_by_swifts_own_type_names() {
    let pet = "# Pet\n\n## Properties\nName | Type | Description | Notes\n\
------------ | ------------- | ------------- | -------------\n\
**id** | **Int** |  | [optional] \n**name** | **String** |  | \n**tags** | **[String]** |  | \n";
    let (built, dialect) = model_and_dialect(&[("Pet.md", pet)], None);
    assert_eq!(dialect, "swift");
    let types: Vec<String> = model(&built, "Pet")
        .fields
        .iter()
        .map(|field| format!("{:?}", field.ty.base))
        .collect();
    assert_eq!(
        types,
        [
            "Primitive(Integer)",
            "Primitive(String)",
            "Primitive(String)"
        ]
    );
}

#[test]
fn a_forced_csharp_dialect_reads_pages_that_show_none() {
    // No namespace in the title and only words other templates write too: nothing shows C#.
    let pet = page_with_type("Pet", "Guid");
    let (built, dialect) = model_and_dialect(&[("Pet.md", &pet)], Some("dialect = \"csharp\"\n"));
    assert_eq!(dialect, "csharp");
    assert_eq!(
        field(model(&built, "Pet"), "a").ty.base,
        BaseType::Primitive(Primitive::String)
    );
}

#[test]
fn a_java_folder_of_lists_is_known_by_javas_own_type_names() {
    // `List<X>` is C#'s too; `Long` is Java's alone.
    let a = page_with_type("A", "List&lt;String&gt;");
    let b = page_with_type("B", "Long");
    let (built, dialect) = model_and_dialect(&[("A.md", &a), ("B.md", &b)], None);
    assert_eq!(dialect, "java");
    assert_eq!(
        field(model(&built, "A"), "a").ty.base,
        BaseType::Primitive(Primitive::String)
    );
}

#[test]
fn the_new_dialects_beside_each_other_and_their_neighbours_are_located_errors() {
    for (first, second, says) in [
        (
            "Dictionary&lt;string, Tag&gt;",
            "Map&lt;String, Long&gt;",
            "`B` is written in java or scala, `A` in csharp",
        ),
        (
            "{String: Tag}",
            "[String: Tag]",
            "`B` is written in swift or scala, `A` in javascript",
        ),
        (
            "ARRAY[Tag]",
            "BuiltList&lt;Tag&gt;",
            "`B` is written in dart, `A` in perl or eiffel",
        ),
        (
            "System.Collections.Hashtable",
            "Dictionary&lt;string, Tag&gt;",
            "`B` is written in csharp, `A` in powershell",
        ),
        (
            "[String: Tag]",
            "kotlin.collections.List&lt;Tag&gt;",
            "`B` is written in kotlin, `A` in swift or scala",
        ),
        (
            "\\Store\\Model\\Tag[]",
            "[]Tag",
            "`B` is written in go, `A` in php",
        ),
        (
            "kotlin.Long",
            "Set&lt;Long&gt;",
            "`B` is written in java or scala, `A` in kotlin",
        ),
    ] {
        let a = page_with_type("A", first);
        let b = page_with_type("B", second);
        let tag = page_with_type("Tag", "str");
        let found = diagnostics_of(&[("A.md", &a), ("B.md", &b), ("Tag.md", &tag)]);
        assert_eq!(
            found.first().map(String::as_str),
            Some(format!("B.md:7:9: error: one folder mixes dialects: {says}").as_str()),
            "{first} beside {second}: {found:?}"
        );
    }
}

/// Each field's `(required, nullable)` of the page `Row` in a folder of the given dialect.
fn nullability(dialect: &str, rows: &str) -> Vec<(String, bool, bool)> {
    let page = format!(
        "# Row\n\n## Properties\n\nName | Type | Description | Notes\n\
         ------------ | ------------- | ------------- | -------------\n{rows}\n"
    );
    let other = "# Other\n\n## Properties\n\nName | Type | Description | Notes\n\
                 ------------ | ------------- | ------------- | -------------\n\
                 **flag** | **bool** | | \n";
    let config = format!("dialect = \"{dialect}\"\n");
    let folder = model_of(&[
        ("Row.md", &page),
        ("Other.md", other),
        ("codegen.toml", &config),
    ]);
    model(&folder, "Row")
        .fields
        .iter()
        .map(|field| (field.doc_name.clone(), field.required, field.nullable))
        .collect()
}

#[test]
fn what_each_template_writes_for_a_field_that_may_be_null() {
    let row = |name: &str, required, nullable| (name.to_owned(), required, nullable);
    // Rust's `Option<X>` is every optional field's, and a required field's only when nullable.
    assert_eq!(
        nullability(
            "rust",
            "**a** | Option<**String**> | | \n\
             **b** | Option<**String**> | | [optional]\n\
             **c** | Option<[**models::Other**](Other.md)> | | \n\
             **d** | Option<[**serde_json::Value**](.md)> | | \n\
             **e** | **String** | | "
        ),
        [
            row("a", true, true),
            row("b", false, false),
            row("c", true, true),
            // Any JSON value holds `null` itself.
            row("d", true, false),
            row("e", true, false),
        ]
    );
    // Go's `NullableX` wrapper says it whether the field is required or not.
    assert_eq!(
        nullability(
            "go",
            "**A** | **NullableString** | | \n\
             **B** | Pointer to **NullableInt32** | | [optional]\n\
             **C** | [**NullableOther**](Other.md) | | \n\
             **D** | **string** | | "
        ),
        [
            row("A", true, true),
            row("B", false, true),
            row("C", true, true),
            row("D", true, false),
        ]
    );
    // C#'s `X?` marks optional value types too: only a required one is nullable.
    assert_eq!(
        nullability(
            "csharp",
            "**A** | **string?** | | \n\
             **B** | **int?** | | [optional] \n\
             **C** | **List&lt;int?&gt;** | | \n\
             **D** | **long** | | "
        ),
        [
            row("A", true, true),
            row("B", false, false),
            row("C", true, false),
            row("D", true, false),
        ]
    );
    // python-prior's `none_type` member, pydantic's `Optional[X]` and TypeScript's `X | null`.
    assert_eq!(
        nullability(
            "python-prior",
            "**a** | **str, none_type** | | \n**b** | **[str]** | | "
        ),
        [row("a", true, true), row("b", true, false)]
    );
    assert_eq!(
        nullability(
            "python-pydantic",
            "**a** | **Optional[StrictStr]** | | \n**b** | **Optional[StrictStr]** | | [optional] "
        ),
        [row("a", true, true), row("b", false, true)]
    );
    assert_eq!(
        nullability(
            "typescript",
            "**a** | **string \\| null** | | \n**b** | **any \\| null** | | \n**c** | **string** | | "
        ),
        [
            row("a", true, true),
            row("b", true, false),
            row("c", true, false)
        ]
    );
}

/// A page of openapi-generator's `javascript` model docs: a `# Module.Name` title, `[X]` and
/// `{String: X}`, `_` before a reserved word, and a field's own enums as `## Enum: XEnum` lists
/// named after the field.
const JS_PET: &str = "# Store.Pet\n\n## Properties\n\n\
Name | Type | Description | Notes\n------------ | ------------- | ------------- | -------------\n\
**id** | **Number** |  | [optional] \n\
**photoUrls** | **[String]** |  | \n\
**tags** | [**{String: Tag}**](Tag.md) |  | [optional] \n\
**bornAt** | **Date** |  | [optional] \n\
**_class** | **String** |  | [optional] \n\
**status** | **String** |  | [optional] \n\
**levels** | **[Number]** |  | [optional] \n\n\n\n\
<a name=\"StatusEnum\"></a>\n## Enum: StatusEnum\n\n\n\
* `available` (value: `\"available\"`)\n\n* `sold` (value: `\"sold\"`)\n\n\n\n\
## Enum: [LevelsEnum]\n\n\n* `1` (value: `1`)\n\n* `2` (value: `2`)\n\n\n";

const JS_TAG: &str = "# Store.Tag\n\n## Properties\n\n\
Name | Type | Description | Notes\n------------ | ------------- | ------------- | -------------\n\
**name** | **String** |  | [optional] \n";

#[test]
fn javascript_pages_read_into_the_same_model() {
    let (built, dialect) = model_and_dialect(
        &[
            ("Pet.md", JS_PET),
            ("Tag.md", JS_TAG),
            ("codegen.toml", "[naming]\nwire = \"snake_case\"\n"),
        ],
        None,
    );
    assert_eq!(dialect, "javascript");
    let pet = model(&built, "Pet");
    assert_eq!(
        fields_read(pet),
        [
            ("id", "number".to_owned(), "id", false),
            ("photoUrls", "list<string>".to_owned(), "photo_urls", true),
            ("tags", "map<Tag>".to_owned(), "tags", false),
            ("bornAt", "string".to_owned(), "born_at", false),
            ("_class", "string".to_owned(), "class", false),
            ("status", "Status".to_owned(), "status", false),
            // The list's values say what the page's `Number` is.
            ("levels", "list<Levels>".to_owned(), "levels", false),
        ]
    );
    let BaseType::Enum { .. } = &field(pet, "status").ty.base else {
        panic!("status is an enum: {:?}", field(pet, "status").ty.base);
    };
}

/// Pages of openapi-generator's `perl`, `powershell` and `dart` (`dart-dio`) model docs, each
/// read by its dialect.
#[test]
fn perl_powershell_and_dart_pages_read_into_the_same_model() {
    let table = "## Properties\nName | Type | Description | Notes\n\
------------ | ------------- | ------------- | -------------\n";
    let perl = format!(
        "# WWW::OpenAPIClient::Object::Pet\n\n{table}\
**photo_urls** | **ARRAY[string]** |  | \n**labels** | **HASH[string,int]** |  | [optional] \n\
**born_at** | **DATE_TIME** |  | [optional] \n**weight** | **double** |  | [optional] \n"
    );
    let powershell = format!(
        "# Pet\n{table}\
**PhotoUrls** | **String[]** |  | \n**Labels** | **System.Collections.Hashtable** |  | [optional] \n\
**BornAt** | **System.DateTime** |  | [optional] \n**VarFrom** | **Int64** |  | [optional] \n"
    );
    let dart = format!(
        "# openapi.model.Pet\n\n{table}\
**photoUrls** | **BuiltList&lt;String&gt;** |  | \n**labels** | **BuiltMap&lt;String, int&gt;** |  | [optional] \n\
**bornAt** | **DateTime** |  | [optional] \n**class_** | **num** |  | [optional] \n"
    );
    for (dialect, page, expected) in [
        (
            "perl",
            &perl,
            [
                ("photo_urls", "list<string>", "photo_urls", true),
                ("labels", "map<integer>", "labels", false),
                ("born_at", "date-time", "born_at", false),
                ("weight", "float", "weight", false),
            ],
        ),
        (
            "powershell",
            &powershell,
            [
                ("PhotoUrls", "list<string>", "photo_urls", true),
                ("Labels", "any", "labels", false),
                ("BornAt", "string", "born_at", false),
                ("VarFrom", "integer", "from", false),
            ],
        ),
        (
            "dart",
            &dart,
            [
                ("photoUrls", "list<string>", "photo_urls", true),
                ("labels", "map<integer>", "labels", false),
                ("bornAt", "string", "born_at", false),
                ("class_", "number", "class", false),
            ],
        ),
    ] {
        let (built, shown) = model_and_dialect(
            &[
                ("Pet.md", page.as_str()),
                ("codegen.toml", "[naming]\nwire = \"snake_case\"\n"),
            ],
            None,
        );
        assert_eq!(shown, dialect);
        let read = fields_read(model(&built, "Pet"));
        let expected: Vec<_> = expected
            .iter()
            .map(|&(name, ty, wire, required)| (name, ty.to_owned(), wire, required))
            .collect();
        assert_eq!(read, expected, "{dialect}");
    }
}

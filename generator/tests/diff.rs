//! The change report: one pair of small spec folders per kind of change (written from the strings
//! below into Cargo's test scratch folder), each report snapshot-tested as text and JSON; the
//! recorded surface file. (The two real corpora: `tests/tests/corpus_diff.rs`.)

use std::fs;
use std::path::{Path, PathBuf};

use markdown_model_codegen::diff::{Bump, diff};
use markdown_model_codegen::emit::emit_crate;
use markdown_model_codegen::output::{WriteMode, write_files};
use markdown_model_codegen::surface::{ApiSurface, RECORD_FILE};
use markdown_model_codegen::{TypeModel, load};

/// A model page in the 257.1.0 dialect, with the given table rows.
fn page(name: &str, rows: &[&str]) -> String {
    format!(
        "# {name}\n\n## {name}\n\n## Properties\n\n|Name | Type | Description | Notes|\n\
         |------------ | ------------- | ------------- | -------------|\n{}\n",
        rows.join("\n")
    )
}

/// A `codegen.toml` with the given version and extra sections.
fn config(version: &str, extra: &str) -> String {
    format!(
        "[package]\nname = \"diff-test\"\nversion = \"{version}\"\ndescription = \"Diff test\"\n\n{extra}"
    )
}

const ID: &str = "| **id** | str | The id. | [optional] |";
const NAME: &str = "| **name** | str | The name. | [optional] |";
const DIRECTION_ENUM: &str = "[models.Call.fields.direction]\nenum = [\"inbound\", \"outbound\"]\n";

/// Writes one side of a case and builds its surface.
fn surface(case: &str, side: &str, files: &[(&str, String)]) -> ApiSurface {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join("diff")
        .join(case)
        .join(side);
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).expect("create the case folder");
    for (name, contents) in files {
        fs::write(dir.join(name), contents).expect("write a case file");
    }
    ApiSurface::from_model(&model(&dir))
}

fn model(dir: &Path) -> TypeModel {
    match load(dir, None) {
        Ok(markdown_model_codegen::Loaded { model, .. }) => model,
        Err(failure) => panic!("{} does not generate:\n{}", dir.display(), failure.render()),
    }
}

/// Diffs the two sides, checks the implied bump and snapshots the report as text and JSON.
fn check(case: &str, old: &[(&str, String)], new: &[(&str, String)], bump: Bump) {
    let report = diff(&surface(case, "old", old), &surface(case, "new", new));
    insta::assert_snapshot!(case, format!("{report}\n{}", report.to_json()));
    assert_eq!(report.bump, bump, "{case}:\n{report}");
}

fn call(rows: &[&str]) -> (&'static str, String) {
    ("Call.md", page("Call", rows))
}

fn toml(version: &str, extra: &str) -> (&'static str, String) {
    ("codegen.toml", config(version, extra))
}

#[test]
fn unchanged() {
    let side = [call(&[ID, NAME]), toml("0.3.1", "")];
    check("unchanged", &side, &side, Bump::None);
}

#[test]
fn docs_only() {
    let old = [call(&[ID, NAME]), toml("0.3.1", "")];
    let new = [
        call(&[ID, "| **name** | str | The display name. | [optional] |"]),
        toml("0.3.1", ""),
    ];
    check("docs_only", &old, &new, Bump::Patch);
}

#[test]
fn model_added() {
    let old = [call(&[ID]), toml("1.4.2", "")];
    let new = [
        call(&[ID]),
        ("Queue.md", page("Queue", &[ID])),
        toml("1.4.2", ""),
    ];
    check("model_added", &old, &new, Bump::Minor);
}

#[test]
fn model_removed() {
    let old = [
        call(&[ID]),
        ("Queue.md", page("Queue", &[ID])),
        toml("1.4.2", ""),
    ];
    let new = [call(&[ID]), toml("1.4.2", "")];
    check("model_removed", &old, &new, Bump::Major);
}

#[test]
fn optional_field_added() {
    let old = [call(&[ID]), toml("0.3.1", "")];
    let new = [call(&[ID, NAME]), toml("0.3.1", "")];
    check("optional_field_added", &old, &new, Bump::Minor);
}

#[test]
fn optional_field_added_without_default() {
    let required_enum = "| **direction** | str | The direction. | |";
    let old = [call(&[required_enum]), toml("0.3.1", DIRECTION_ENUM)];
    let new = [call(&[required_enum, NAME]), toml("0.3.1", DIRECTION_ENUM)];
    check(
        "optional_field_added_without_default",
        &old,
        &new,
        Bump::Major,
    );
}

#[test]
fn required_field_added() {
    let old = [call(&[ID]), toml("0.3.1", "")];
    let new = [
        call(&[ID, "| **name** | str | The name. | |"]),
        toml("0.3.1", ""),
    ];
    check("required_field_added", &old, &new, Bump::Major);
}

#[test]
fn field_removed() {
    let old = [call(&[ID, NAME]), toml("0.3.1", "")];
    let new = [call(&[ID]), toml("0.3.1", "")];
    check("field_removed", &old, &new, Bump::Major);
}

#[test]
fn type_changed() {
    let old = [
        call(&[
            "| **count** | str | The count. | [optional] |",
            "| **queue** | [Queue](Queue) | The queue. | [optional] |",
        ]),
        ("Queue.md", page("Queue", &[ID])),
        toml("0.3.1", ""),
    ];
    let new = [
        call(&[
            "| **count** | int | The count. | [optional] |",
            "| **queue** | [list[Queue]](Queue) | The queue. | [optional] |",
        ]),
        ("Queue.md", page("Queue", &[ID])),
        toml("0.3.1", ""),
    ];
    check("type_changed", &old, &new, Bump::Major);
}

#[test]
fn type_boxed() {
    let old = [
        call(&[
            ID,
            "| **parent** | [list[Call]](Call) | The parent. | [optional] |",
        ]),
        toml("0.3.1", ""),
    ];
    let new = [
        call(&[
            ID,
            "| **parent** | [Call](Call) | The parent. | [optional] |",
        ]),
        toml("0.3.1", ""),
    ];
    check("type_boxed", &old, &new, Bump::Major);
}

#[test]
fn primitive_rust_type_changed() {
    let started = "| **started** | datetime | When. | [optional] |";
    let old = [call(&[ID, started]), toml("0.3.1", "")];
    let new = [
        call(&[ID, started]),
        toml("0.3.1", "[types]\ndatetime = \"::std::string::String\"\n"),
    ];
    check("primitive_rust_type_changed", &old, &new, Bump::Major);
}

#[test]
fn made_required() {
    let old = [call(&[ID, NAME]), toml("0.3.1", "")];
    let new = [
        call(&[ID, "| **name** | str | The name. | |"]),
        toml("0.3.1", ""),
    ];
    check("made_required", &old, &new, Bump::Major);
}

#[test]
fn made_optional() {
    let old = [
        call(&[ID, "| **name** | str | The name. | |"]),
        toml("0.3.1", ""),
    ];
    let new = [call(&[ID, NAME]), toml("0.3.1", "")];
    check("made_optional", &old, &new, Bump::Major);
}

#[test]
fn made_nullable_required() {
    let old = [
        call(&[ID, "| **name** | str | The name. | |"]),
        toml("0.3.1", ""),
    ];
    let new = [
        call(&[ID, "| **name** | str, none_type | The name. | |"]),
        toml("0.3.1", ""),
    ];
    check("made_nullable_required", &old, &new, Bump::Major);
}

#[test]
fn made_nullable_optional() {
    let old = [call(&[ID, NAME]), toml("0.3.1", "")];
    let new = [
        call(&[ID, "| **name** | str, none_type | The name. | [optional] |"]),
        toml("0.3.1", ""),
    ];
    check("made_nullable_optional", &old, &new, Bump::Minor);
}

#[test]
fn wire_name_changed() {
    let old = [call(&[ID]), toml("0.3.1", "")];
    let new = [
        call(&[ID]),
        toml("0.3.1", "[models.Call.fields.id]\nwire_name = \"callId\"\n"),
    ];
    check("wire_name_changed", &old, &new, Bump::Major);
}

#[test]
fn rust_name_changed() {
    let old = [call(&[ID]), toml("0.3.1", "")];
    let new = [
        call(&[ID]),
        toml(
            "0.3.1",
            "[models.Call.fields.id]\nrust_name = \"call_id\"\n",
        ),
    ];
    check("rust_name_changed", &old, &new, Bump::Major);
}

/// The `direction` field of `Call`, an enum of `inbound` and `outbound`, given `new_values`.
fn direction_enum_changed(snapshot: &str, new_values: &str, bump: Bump) {
    let direction = "| **direction** | str | The direction. | [optional] |";
    let old = [call(&[direction]), toml("0.3.1", DIRECTION_ENUM)];
    let new_enum = format!("[models.Call.fields.direction]\nenum = {new_values}\n");
    let new = [call(&[direction]), toml("0.3.1", &new_enum)];
    check(snapshot, &old, &new, bump);
}

#[test]
fn enum_value_added() {
    direction_enum_changed(
        "enum_value_added",
        r#"["inbound", "outbound", "internal"]"#,
        Bump::Minor,
    );
}

#[test]
fn enum_value_removed() {
    let direction = "| **direction** | str | The direction. | [optional] |";
    let old = [call(&[direction]), toml("0.3.1", DIRECTION_ENUM)];
    let new = [
        call(&[direction]),
        toml(
            "0.3.1",
            "[models.Call.fields.direction]\nenum = [\"inbound\"]\n",
        ),
    ];
    check("enum_value_removed", &old, &new, Bump::Major);
}

#[test]
fn enum_became_numbers() {
    // The same values, once strings and once integers: `Other(String)` becomes `Other(i64)`.
    let level = |values: &str| ("Level.md", format!("# Level\n\n## Enum\n\n{values}\n"));
    let old = [
        level("* `ONE` (value: `'1'`)\n\n* `TWO` (value: `'2'`)"),
        toml("0.3.1", ""),
    ];
    let new = [
        level("* `ONE` (value: `1`)\n\n* `TWO` (value: `2`)"),
        toml("0.3.1", ""),
    ];
    check("enum_became_numbers", &old, &new, Bump::Major);
}

#[test]
fn became_enum() {
    let direction = "| **direction** | str | The direction. | [optional] |";
    let old = [call(&[direction]), toml("0.3.1", "")];
    let new = [call(&[direction]), toml("0.3.1", DIRECTION_ENUM)];
    check("became_enum", &old, &new, Bump::Major);
}

#[test]
fn default_lost() {
    let direction = "| **direction** | str | The direction. | [optional] |";
    let old = [call(&[direction]), toml("0.3.1", DIRECTION_ENUM)];
    let new = [
        call(&["| **direction** | str | The direction. | |"]),
        toml("0.3.1", DIRECTION_ENUM),
    ];
    check("default_lost", &old, &new, Bump::Major);
}

#[test]
fn default_gained() {
    let direction = "| **direction** | str | The direction. | [optional] |";
    let old = [
        call(&["| **direction** | str | The direction. | |"]),
        toml("0.0.4", DIRECTION_ENUM),
    ];
    let new = [call(&[direction]), toml("0.0.4", DIRECTION_ENUM)];
    check("default_gained", &old, &new, Bump::Major);
}

#[test]
fn recorded_surface_is_emitted_round_trips_and_stays_in_sync() {
    let files = [
        call(&[ID, "| **direction** | str | The direction. | |"]),
        toml("0.3.1", DIRECTION_ENUM),
    ];
    let spec = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join("diff")
        .join("recorded");
    let surface = surface("recorded", "spec", &files);
    let model = model(&spec.join("spec"));
    let (generated, _) = emit_crate(&model);
    let record = generated
        .iter()
        .find(|file| file.path == Path::new(RECORD_FILE))
        .expect("the crate records its surface at its root");
    assert_eq!(record.contents, surface.to_json());
    insta::assert_snapshot!("recorded_surface", record.contents);
    assert_eq!(
        ApiSurface::from_json(&record.contents).expect("the record reads back"),
        surface
    );

    let out = spec.join("crate");
    let written = write_files(&out, &generated, WriteMode::Write).expect("write the crate");
    assert!(
        written
            .written
            .iter()
            .any(|path| path == Path::new(RECORD_FILE))
    );
    let again = write_files(&out, &generated, WriteMode::Check).expect("compare the crate");
    assert!(again.is_clean(), "{again:?}");
    fs::write(out.join(RECORD_FILE), "{}").expect("spoil the record");
    let stale = write_files(&out, &generated, WriteMode::Check).expect("compare the crate");
    assert_eq!(
        stale.written,
        [PathBuf::from(RECORD_FILE)],
        "a changed record is stale"
    );
    assert!(stale.removed.is_empty(), "the record is never an orphan");
}

#[test]
fn unreadable_records_are_errors_not_panics() {
    for text in ["", "{}", "[1, 2]", "{\"crate\": 1}", "\u{0}"] {
        assert!(ApiSurface::from_json(text).is_err(), "{text:?}");
    }
}

#[test]
fn a_value_named_like_the_catch_all_is_a_compatible_addition() {
    // The catch-all is always `Other`; the new value gets `Other_`, and nothing is renamed.
    direction_enum_changed(
        "a_value_named_like_the_catch_all_is_a_compatible_addition",
        r#"["inbound", "outbound", "Other"]"#,
        Bump::Minor,
    );
}

/// Rust names the config cannot change (a struct's, an enum's, a variant's), as a change of the
/// naming rules would: the surface is plain data, edited here.
#[test]
fn rust_names_of_types_and_variants_changed() {
    let direction = "| **direction** | str | The direction. | [optional] |";
    let old = surface(
        "renamed",
        "old",
        &[call(&[direction]), toml("0.3.1", DIRECTION_ENUM)],
    );
    let mut new = old.clone();
    let model = new.models.get_mut("Call").expect("the Call model");
    model.rust = Some("PhoneCall".into());
    let enumeration = model.fields[0]
        .enumeration
        .as_mut()
        .expect("the direction enum");
    enumeration.rust = "phone_call::Direction".into();
    enumeration
        .values
        .insert("inbound".into(), "InBound".into());
    let report = diff(&old, &new);
    insta::assert_snapshot!(
        "rust_names_of_types_and_variants_changed",
        format!("{report}\n{}", report.to_json())
    );
    assert_eq!(report.bump, Bump::Major);
}

/// An enum page (`## Enum`) with the given values, as openapi-generator's pydantic template
/// writes it.
fn enum_page(name: &str, values: &[&str]) -> (&'static str, String) {
    let items: String = values
        .iter()
        .map(|value| format!("* `{}` (value: `'{value}'`)\n\n", value.to_uppercase()))
        .collect();
    ("Status.md", format!("# {name}\n\n## Enum\n\n{items}"))
}

#[test]
fn enum_page_value_added_and_removed() {
    let old = [enum_page("Status", &["open", "closed"]), toml("0.3.1", "")];
    let added = [
        enum_page("Status", &["open", "closed", "held"]),
        toml("0.3.1", ""),
    ];
    check("enum_page_value_added", &old, &added, Bump::Minor);
    let removed = [enum_page("Status", &["open"]), toml("0.3.1", "")];
    check("enum_page_value_removed", &old, &removed, Bump::Major);
}

#[test]
fn enum_page_became_a_struct() {
    let old = [enum_page("Status", &["open"]), toml("0.3.1", "")];
    let new = [("Status.md", page("Status", &[NAME])), toml("0.3.1", "")];
    check("enum_page_became_a_struct", &old, &new, Bump::Major);
}

/// An operation page `ThingsApi.md` in the 257.1.0 dialect: each operation is `(name, wraps,
/// parameter rows, return type)`.
fn things_api(operations: &[(&str, &str, &[&str], &str)]) -> (&'static str, String) {
    let mut text = String::from("# ThingsApi\n\n## PureCloudPlatformClientV2.ThingsApi\n\n");
    for (name, wraps, rows, returns) in operations {
        text.push_str(&format!(
            "## {name}\n\n> {name}()\n\nDoes a thing\n\nWraps {wraps} \n\n### Parameters\n\n\
             |Name | Type | Description  | Notes|\n|------------- | ------------- | ------------- | -------------|\n{}\n\n\
             ### Return type\n\n{returns}\n\n",
            rows.join("\n")
        ));
    }
    ("ThingsApi.md", text)
}

const THING_ID: &str = "| **thing_id** | **str**| Thing ID |  |";
const PAGE_SIZE: &str = "| **page_size** | **int**| Page size | [optional] |";
const SORT: &str = "| **sort** | **str**| Sort | [optional] <br />**Values**: asc, desc |";

#[test]
fn operations_added_and_optional_parameters_added_to_a_params_struct_are_compatible() {
    let old = things_api(&[(
        "get_thing",
        "GET /api/v2/things/{thingId}",
        &[THING_ID, PAGE_SIZE],
        "[**Call**](Call)",
    )]);
    let new = things_api(&[
        (
            "get_thing",
            "GET /api/v2/things/{thingId}",
            &[THING_ID, PAGE_SIZE, SORT],
            "[**Call**](Call)",
        ),
        (
            "delete_thing",
            "DELETE /api/v2/things/{thingId}",
            &[THING_ID],
            "void (empty response body)",
        ),
    ]);
    check(
        "operations_compatible",
        &[toml("1.0.0", ""), call(&[ID]), old],
        &[toml("1.0.0", ""), call(&[ID]), new],
        Bump::Minor,
    );
}

#[test]
fn operation_changes_that_break_callers() {
    let old = things_api(&[
        (
            "get_thing",
            "GET /api/v2/things/{thingId}",
            &[THING_ID, SORT],
            "[**Call**](Call)",
        ),
        (
            "list_things",
            "GET /api/v2/things",
            &[],
            "[**list[Call]**](Call)",
        ),
        (
            "gone",
            "DELETE /api/v2/gone",
            &[],
            "void (empty response body)",
        ),
    ]);
    let new = things_api(&[
        (
            "get_thing",
            "GET /api/v2/things/{thingId}/details",
            &[
                THING_ID,
                "| **sort** | **str**| Sort | [optional] <br />**Values**: asc |",
                "| **q** | **str**| Query |  |",
            ],
            "[**list[Call]**](Call)",
        ),
        (
            "list_things",
            "GET /api/v2/things",
            &[PAGE_SIZE],
            "[**list[Call]**](Call)",
        ),
    ]);
    check(
        "operations_breaking",
        &[toml("1.0.0", ""), call(&[ID]), old],
        &[toml("1.0.0", ""), call(&[ID]), new],
        Bump::Major,
    );
}

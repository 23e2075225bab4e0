//! `import::import_wire_names` with `python_apis`: the path, query and header parameters' wire
//! names and places, and the media types of responses that are not JSON, from hand-written
//! fixture API modules (`fixtures/python_apis/apis`), written into `codegen.toml` only where the
//! pages do not give them, and the config's operation overrides the import relies on (applied to
//! the operations; stale ones reported).

use std::fs;
use std::path::{Path, PathBuf};

use markdown_model_codegen::import::{ImportOptions, import_wire_names};
use markdown_model_codegen::model::ParameterLocation;
use markdown_model_codegen::{Failure, TypeModel, load};

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/python_apis")
}

/// A copy of the fixture spec in a folder of this test's own.
fn spec_copy(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("import_parameter_names")
        .join(name);
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).expect("create a scratch folder");
    for entry in fs::read_dir(fixture().join("spec")).expect("the fixture spec") {
        let path = entry.expect("an entry").path();
        fs::copy(&path, dir.join(path.file_name().expect("a name"))).expect("copy a page");
    }
    dir
}

fn options(spec: &Path) -> ImportOptions {
    ImportOptions {
        spec_dir: spec.to_owned(),
        python_dir: fixture().join("models"),
        python_apis: Some(fixture().join("apis")),
        config: None,
    }
}

fn load_model(spec: &Path) -> TypeModel {
    match load(spec, None) {
        Ok(markdown_model_codegen::Loaded { model, .. }) => model,
        Err(failure) => panic!("{}", failure.render()),
    }
}

/// `(doc name, wire name, location)` of an operation's parameters.
fn parameters(model: &TypeModel, operation: &str) -> Vec<(String, String, ParameterLocation)> {
    model.operations[0]
        .operations
        .iter()
        .find(|candidate| candidate.name == operation)
        .expect("the operation")
        .parameters
        .iter()
        .map(|parameter| {
            (
                parameter.doc_name.clone(),
                parameter.wire_name.clone(),
                parameter.location,
            )
        })
        .collect()
}

const EXPECTED_CONFIG: &str = r#"[operations.ThingsApi.get_things.parameters.sort_by]
wire_name = "sort_by"

[operations.ThingsApi.get_things.parameters.expand]
wire_name = "$expand"

[operations.ThingsApi.get_thing_calendar]
accept = "text/calendar"

[operations.ThingsApi.get_thing_calendar.parameters.journey_id]
place = "header"
wire_name = "X-Journey-Session-Id"
"#;

#[test]
fn the_sdk_names_the_pages_do_not_give_are_written_once() {
    let spec = spec_copy("written_once");
    let before = load_model(&spec);
    let rule =
        |name: &str, wire: &str| (name.to_owned(), wire.to_owned(), ParameterLocation::Query);
    // `x_trace` is the SDK's header `X-Trace`, which its name says (with a warning).
    let header = (
        "x_trace".to_owned(),
        "X-Trace".to_owned(),
        ParameterLocation::Header,
    );
    assert_eq!(
        parameters(&before, "get_things"),
        [
            rule("page_size", "pageSize"),
            rule("sort_by", "sortBy"),
            rule("expand", "expand"),
            header.clone(),
        ]
    );

    let imported = import_wire_names(&options(&spec)).unwrap_or_else(|failure: Failure| {
        panic!("{}", failure.render());
    });
    assert!(imported.written);
    let config = fs::read_to_string(spec.join("codegen.toml")).expect("the written config");
    assert_eq!(config, EXPECTED_CONFIG);
    let counts = imported.counts;
    assert_eq!(
        (
            counts.apis_read,
            counts.operations,
            counts.unknown_operations,
            counts.parameters,
            counts.unmatched_parameters,
            counts.parameter_wire_names,
            counts.parameter_wire_names_written,
            counts.header_parameters,
            counts.parameter_places,
            counts.parameter_places_written,
            counts.accept_types,
            counts.accept_types_written,
        ),
        (1, 3, 1, 8, 1, 3, 3, 2, 1, 1, 1, 1)
    );
    let warnings: Vec<String> = imported
        .warnings
        .iter()
        .map(|warning| imported.sources.summarize(warning))
        .map(|line| line.replace(&format!("{}/", fixture().display()), ""))
        .map(|line| line.replace(&format!("{}/", spec.display()), ""))
        .collect();
    assert_eq!(
        warnings,
        [
            "ThingsApi.md:48:3: warning: parameter `x_trace` of `get_things` is sent as the header `X-Trace`",
            "apis/things_api.py:52:26: warning: `ThingsApi.get_things` has no parameter `legacy` on its page ThingsApi.md; skipped"
        ]
    );

    // The operations now have the SDK's names; the path parameter kept its placeholder.
    let after = load_model(&spec);
    assert_eq!(
        parameters(&after, "get_things"),
        [
            rule("page_size", "pageSize"),
            rule("sort_by", "sort_by"),
            rule("expand", "$expand"),
            header,
        ]
    );
    assert_eq!(
        parameters(&after, "get_thing"),
        [(
            "thing_id".to_owned(),
            "thingID".to_owned(),
            ParameterLocation::Path
        )]
    );

    // The header the rule could not see is a header, and the calendar is text.
    assert_eq!(
        parameters(&after, "get_thing_calendar")[1],
        (
            "journey_id".to_owned(),
            "X-Journey-Session-Id".to_owned(),
            ParameterLocation::Header
        )
    );
    let calendar = after.operations[0]
        .operations
        .iter()
        .find(|operation| operation.name == "get_thing_calendar")
        .expect("the calendar operation");
    assert_eq!(calendar.accept.as_deref(), Some("text/calendar"));
    assert!(calendar.returns_text());

    // A second run changes nothing.
    let again = import_wire_names(&options(&spec)).unwrap_or_else(|failure: Failure| {
        panic!("{}", failure.render());
    });
    assert!(!again.written);
    assert_eq!(again.counts.unchanged, 4);
    assert_eq!(
        fs::read_to_string(spec.join("codegen.toml")).expect("the config"),
        EXPECTED_CONFIG
    );
}

#[test]
fn a_conflicting_entry_is_kept_and_reported() {
    let spec = spec_copy("conflict");
    let config = "[operations.ThingsApi.get_things.parameters.expand]\nwire_name = \"expands\"\n";
    fs::write(spec.join("codegen.toml"), config).expect("write the config");
    let imported = import_wire_names(&options(&spec)).unwrap_or_else(|failure: Failure| {
        panic!("{}", failure.render());
    });
    assert_eq!(imported.counts.conflicts, 1);
    let conflict = imported
        .warnings
        .iter()
        .map(|warning| imported.sources.summarize(warning))
        .find(|line| line.contains("keeps its wire_name"))
        .expect("the conflict is reported");
    assert!(
        conflict.ends_with(
            "codegen.toml:2:13: warning: parameter `expand` of `ThingsApi.get_things` keeps its wire_name `expands`"
        ),
        "{conflict}"
    );
    let written = fs::read_to_string(spec.join("codegen.toml")).expect("the config");
    assert!(written.starts_with(config), "{written}");
    assert!(written.contains("wire_name = \"sort_by\""), "{written}");
}

#[test]
fn parameter_overrides_naming_what_the_pages_lack_are_errors() {
    let spec = spec_copy("stale");
    fs::write(
        spec.join("codegen.toml"),
        "[operations.ThingsApi.get_things.parameters.sort]\nwire_name = \"sort\"\n\n\
         [operations.ThingsApi.get_nothing.parameters.id]\nwire_name = \"id\"\n",
    )
    .expect("write the config");
    let Err(Failure::Input {
        diagnostics,
        sources,
    }) = load(&spec, None)
    else {
        panic!("stale overrides must fail");
    };
    let lines: Vec<String> = diagnostics
        .iter()
        .map(|diagnostic| sources.summarize(diagnostic))
        .map(|line| line.replace(&format!("{}/", spec.display()), ""))
        .collect();
    assert_eq!(
        lines,
        [
            "codegen.toml:4:23: error: codegen.toml names operation `ThingsApi.get_nothing`, which no operation page defines",
            "codegen.toml:1:45: error: codegen.toml names parameter `sort` of `ThingsApi.get_things`, which the page does not have",
            "ThingsApi.md:48:3: warning: parameter `x_trace` of `get_things` is sent as the header `X-Trace`",
        ]
    );
    assert_eq!(diagnostics[1].notes, ["did you mean `sort_by`?"]);
}

//! Which structs implement `Default`: never one whose default could not be built or would not end.

use std::fs;

use markdown_model_codegen::load;

fn has_default(pages: &[(&str, &str)], config: &str) -> Vec<(String, bool)> {
    let dir = tempfile::tempdir().expect("temporary folder");
    for (name, rows) in pages {
        let page = format!(
            "# {name}\n\n## {name}\n\n## Properties\n\n|Name | Type | Description | Notes|\n|---|---|---|---|\n{rows}\n"
        );
        fs::write(dir.path().join(format!("{name}.md")), page).expect("write page");
    }
    fs::write(dir.path().join("codegen.toml"), config).expect("write config");
    let markdown_model_codegen::Loaded { model, .. } =
        load(dir.path(), None).unwrap_or_else(|failure| panic!("{}", failure.render()));
    model
        .models
        .iter()
        .map(|item| (item.name.clone(), item.has_default))
        .collect()
}

#[test]
fn a_required_cycle_has_no_default() {
    let result = has_default(
        &[
            (
                "Loop",
                "| **me** | [Loop](Loop) | Required and boxed: a default would never end | |",
            ),
            (
                "Chain",
                "| **next** | [Chain](Chain) | Optional: fine | [optional] |",
            ),
            (
                "Holder",
                "| **inner** | [Loop](Loop) | Holds a struct without Default | |",
            ),
        ],
        "",
    );
    assert_eq!(
        result,
        [
            ("Chain".to_owned(), true),
            ("Holder".to_owned(), false),
            ("Loop".to_owned(), false)
        ]
    );
}

#[test]
fn a_required_field_of_a_replaced_primitive_type_has_no_default() {
    let pages = [
        ("When", "| **at** | datetime | Required | |"),
        ("Maybe", "| **at** | datetime | Optional | [optional] |"),
    ];
    assert_eq!(
        has_default(&pages, ""),
        [("Maybe".to_owned(), true), ("When".to_owned(), true)]
    );
    let replaced = "[types]\ndatetime = \"::time::OffsetDateTime\"\n";
    assert_eq!(
        has_default(&pages, replaced),
        [("Maybe".to_owned(), true), ("When".to_owned(), false)]
    );
}

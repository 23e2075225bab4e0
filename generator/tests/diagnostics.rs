//! Every kind of bad input the generator must report: each test writes a few small pages into a
//! temporary folder, runs the real pipeline ([`load`] / [`generate`]) and checks each diagnostic's
//! message and `file:line:column` (the one-line form of [`Sources::summarize`]). A few are also
//! snapshotted as users see them ([`Sources::render`]).

use std::fs;
use std::path::Path;

use markdown_model_codegen::diagnostic::Severity;
use markdown_model_codegen::{Diagnostic, Failure, Options, Sources, WriteMode, generate, load};
use tempfile::TempDir;

/// A spec folder in a temporary directory.
struct Spec {
    dir: TempDir,
}

/// What a run reported.
struct Reported {
    diagnostics: Vec<Diagnostic>,
    sources: Sources,
    /// The spec folder's path followed by `/`, cut from paths so that results are stable.
    prefix: String,
}

impl Spec {
    fn new() -> Self {
        Self {
            dir: tempfile::tempdir().expect("temporary folder"),
        }
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Adds a file (a page, the config) with exactly these bytes.
    fn file(self, name: &str, contents: impl AsRef<[u8]>) -> Self {
        fs::write(self.path().join(name), contents).expect("write a spec file");
        self
    }

    /// Adds a model page `<name>.md` in the front-matter dialect with these table rows.
    fn model(self, name: &str, rows: &[&str]) -> Self {
        let page = model_page(name, name, rows);
        self.file(&format!("{name}.md"), page)
    }

    /// Runs [`load`]: the diagnostics of a failed run, or the warnings of one that succeeded.
    fn load(&self) -> Reported {
        let (diagnostics, sources) = match load(self.path(), None) {
            Ok(markdown_model_codegen::Loaded {
                sources, warnings, ..
            }) => (warnings, sources),
            Err(Failure::Input {
                diagnostics,
                sources,
            }) => (diagnostics, sources),
            Err(Failure::Io(error)) => panic!("unexpected I/O failure: {error}"),
        };
        Reported {
            diagnostics,
            sources,
            prefix: format!("{}/", self.path().display()),
        }
    }
}

impl Reported {
    /// `file:line:column: severity: message`, one per diagnostic, in the order reported.
    fn lines(&self) -> Vec<String> {
        self.diagnostics
            .iter()
            .map(|diagnostic| self.sources.summarize(diagnostic).replace(&self.prefix, ""))
            .collect()
    }

    /// The notes of every diagnostic, in order.
    fn notes(&self) -> Vec<String> {
        self.diagnostics
            .iter()
            .flat_map(|diagnostic| diagnostic.notes.iter().cloned())
            .collect()
    }

    /// Everything as a user sees it.
    fn rendered(&self) -> String {
        self.sources
            .render(&self.diagnostics)
            .replace(&self.prefix, "")
    }
}

/// A model page: front matter titled `title`, `## name`, and a Properties table with `rows`.
/// The first row is on line 10.
fn model_page(title: &str, name: &str, rows: &[&str]) -> String {
    format!(
        "---\ntitle: {title}\n---\n## {name}\n\n## Properties\n\n\
         |Name | Type | Description | Notes|\n\
         |------------ | ------------- | ------------- | -------------|\n\
         {}\n{{: class=\"table table-striped\"}}\n",
        rows.join("\n")
    )
}

#[test]
fn a_row_with_too_few_cells() {
    let reported = Spec::new()
        .model(
            "Person",
            &[
                "| **name** | **str** | The name | |",
                "| **age** | **int** |",
            ],
        )
        .load();
    assert_eq!(
        reported.lines(),
        ["Person.md:11:1: error: this row has 2 cells, expected 4"]
    );
}

#[test]
fn a_row_with_too_many_cells() {
    let reported = Spec::new()
        .model("Person", &["| **name** | **str** | The | name | x |"])
        .load();
    assert_eq!(
        reported.lines(),
        ["Person.md:10:1: error: this row has 5 cells, expected 4"]
    );
    assert_eq!(
        reported.notes(),
        ["a `|` inside a cell must be escaped as `\\|`"]
    );
}

#[test]
fn an_unescaped_bar_before_the_notes_is_a_warning() {
    let reported = Spec::new()
        .model(
            "Person",
            &["| **name** | **str** | Either a | b | [optional] |"],
        )
        .load();
    assert_eq!(
        reported.lines(),
        ["Person.md:10:24: warning: unescaped `|` in a description"]
    );
}

#[test]
fn a_properties_table_with_an_unexpected_header() {
    let page = model_page("Person", "Person", &["| **name** | **str** | The name | |"])
        .replace("|Name | Type |", "|Name | Kind |");
    let reported = Spec::new().file("Person.md", page).load();
    assert_eq!(
        reported.lines(),
        [
            "Person.md:8:1: error: the Properties table's header is `Name | Kind | Description | Notes`, \
             expected `Name | Type | Description | Notes`"
        ]
    );
}

#[test]
fn an_unknown_primitive_is_marked_at_its_name_inside_the_cell() {
    let reported = Spec::new()
        .model("Person", &["| **tags** | **list[strng]** | Tags | |"])
        .load();
    // `strng` starts at column 21: `| **tags** | **list[` is 20 characters.
    assert_eq!(
        reported.lines(),
        ["Person.md:10:21: error: unknown type `strng` in field `Person.tags`"]
    );
    assert_eq!(reported.notes(), ["did you mean `str`?"]);
    let (_, span) = reported.diagnostics[0].location.clone().unwrap();
    assert_eq!(span.len(), "strng".len());
    insta::assert_snapshot!("unknown_primitive", reported.rendered());
}

#[test]
fn malformed_type_expressions() {
    let reported = Spec::new()
        .model(
            "Person",
            &[
                "| **a** | **list[str** | A | |",
                "| **b** | **dict(int, str)** | B | |",
                "| **c** | **list[,]** | C | |",
                "| **d** | [**dict(str list[Pet])**](Pet.html) | D | |",
            ],
        )
        .load();
    assert_eq!(
        reported.lines(),
        [
            // The end of `list[str`, right before the closing `**`.
            "Person.md:10:21: error: malformed type `list[str`: expected `]`, found the end of the type",
            // `int`.
            "Person.md:11:18: error: malformed type `dict(int, str)`: a dict's keys must be `str`, found `int`",
            // The `,` where a type should be.
            "Person.md:12:18: error: malformed type `list[,]`: expected a type, found `,`",
            // `list`, inside a link.
            "Person.md:13:23: error: malformed type `dict(str list[Pet])`: expected `,` after the dict's key type, found `list`",
        ]
    );
    insta::assert_snapshot!("malformed_types", reported.rendered());
}

#[test]
fn a_malformed_types_note_names_the_folders_syntax() {
    let row = |name: &str, ty: &str| {
        format!(
            "# {name}\n\n## Properties\n\nName | Type | Description | Notes\n\
             ------------ | ------------- | ------------- | -------------\n**a** | {ty} |  | \n"
        )
    };
    for (pages, syntax) in [
        (
            [
                ("A.md", row("A", "Option<**Vec<String**>")),
                ("B.md", row("B", "**i64**")),
            ],
            "Rust types are `String`, `i32`,",
        ),
        (
            [
                ("A.md", row("A", "**[]map[int]X**")),
                ("B.md", row("B", "**time.Time**")),
            ],
            "Go types are `string`, `int32`,",
        ),
        (
            [
                ("A.md", row("A", "**Array&lt;string**")),
                ("B.md", row("B", "**number**")),
            ],
            "TypeScript types are `string`, `number`,",
        ),
    ] {
        let mut spec = Spec::new();
        for (name, page) in &pages {
            spec = spec.file(name, page);
        }
        let notes = spec.load().notes();
        assert_eq!(notes.len(), 1, "{notes:?}");
        assert!(notes[0].starts_with(syntax), "{notes:?}");
    }
}

#[test]
fn a_reference_to_a_model_no_page_defines() {
    let reported = Spec::new()
        .model("Address", &["| **street** | **str** | Street | |"])
        .model(
            "Person",
            &["| **home** | [**Adress**](Adress.html) | Home | [optional] |"],
        )
        .load();
    assert_eq!(
        reported.lines(),
        ["Person.md:10:17: error: unknown type `Adress` in field `Person.home`"]
    );
    assert_eq!(reported.notes(), ["did you mean `Address`?"]);
    insta::assert_snapshot!("unknown_model", reported.rendered());
}

#[test]
fn a_reference_with_nothing_close_gets_no_suggestion() {
    let reported = Spec::new()
        .model("Person", &["| **pet** | Zebra | Pet | |"])
        .load();
    assert_eq!(
        reported.lines(),
        ["Person.md:10:13: error: unknown type `Zebra` in field `Person.pet`"]
    );
    assert!(reported.notes().is_empty(), "{:?}", reported.notes());
}

#[test]
fn two_pages_defining_the_same_model() {
    let reported = Spec::new()
        .model("Person", &["| **name** | **str** | Name | |"])
        .file(
            "Person2.md",
            model_page("Person", "Person", &["| **age** | **int** | Age | |"]),
        )
        .load();
    assert_eq!(
        reported.lines(),
        ["Person2.md:4:1: error: model `Person` is defined twice"]
    );
    let note = reported.notes().join("").replace(&reported.prefix, "");
    assert_eq!(note, "first defined in Person.md:4:1");
}

#[test]
fn one_model_with_the_same_field_twice() {
    let reported = Spec::new()
        .model(
            "Person",
            &[
                "| **name** | **str** | Name | |",
                "| **age** | **int** | Age | |",
                "| **name** | **str** | Again | |",
            ],
        )
        .load();
    assert_eq!(
        reported.lines(),
        ["Person.md:12:3: error: field `name` appears twice in `Person`"]
    );
    assert_eq!(
        reported.notes().join("").replace(&reported.prefix, ""),
        "first at Person.md:10:3"
    );
}

#[test]
fn two_fields_that_would_get_the_same_names() {
    let reported = Spec::new()
        .model(
            "Person",
            &[
                "| **home_page** | **str** | Home | |",
                "| **homePage** | **str** | Page | |",
            ],
        )
        .load();
    assert_eq!(
        reported.lines(),
        [
            "Person.md:11:3: error: field `homePage` of `Person` would get the Rust name `home_page`, which is taken",
            "Person.md:11:3: error: field `homePage` of `Person` would get the JSON name `homePage`, which is taken",
        ]
    );
}

#[test]
fn two_models_whose_names_differ_only_in_letter_case() {
    let reported = Spec::new()
        .model("GdprSubject", &["| **name** | **str** | Name | |"])
        .model("GDPRSubject", &["| **name** | **str** | Name | |"])
        .load();
    assert_eq!(
        reported.lines(),
        [
            "GdprSubject.md:4:1: error: models `GDPRSubject` and `GdprSubject` differ only in letter case"
        ]
    );
}

#[test]
fn names_that_cannot_become_rust_identifiers() {
    // A property name holding symbols is the JSON name the template kept: it names a field.
    let reported = Spec::new()
        .model("Person", &["| **e-mail** | **str** | Mail | |"])
        .model("Pet-Shop", &["| **name** | **str** | Name | |"])
        .load();
    assert_eq!(
        reported.lines(),
        ["Pet-Shop.md:4:1: error: `Pet-Shop` cannot become a Rust type name"]
    );
}

#[test]
fn a_heading_that_disagrees_with_the_title() {
    let page = model_page("Person", "Persona", &["| **name** | **str** | Name | |"]);
    let reported = Spec::new().file("Person.md", page).load();
    assert_eq!(
        reported.lines(),
        ["Person.md:4:1: error: the `## Persona` heading disagrees with the page title `Person`"]
    );
    assert_eq!(reported.notes(), ["the title is at line 2"]);
}

#[test]
fn a_page_that_is_not_utf8_is_located_at_the_bad_byte() {
    let mut page = model_page(
        "Person",
        "Person",
        &["| **name** | **str** | Caf\u{e9} | |"],
    )
    .into_bytes();
    // Latin-1 `é` instead of UTF-8 in the second row's description.
    let row = b"| **city** | **str** | Sa\xefd | |\n";
    let at = page
        .windows(4)
        .position(|window| window == b"| |\n")
        .unwrap()
        + 4;
    page.splice(at..at, row.iter().copied());
    let reported = Spec::new().file("Person.md", page).load();
    // Column 26: `| **city** | **str** | Sa` is 25 characters.
    assert_eq!(
        reported.lines(),
        ["Person.md:11:26: error: the page is not UTF-8"]
    );
    insta::assert_snapshot!("not_utf8", reported.rendered());
}

#[test]
fn an_empty_spec_folder() {
    let spec = Spec::new().file("notes.txt", "not a page");
    let reported = spec.load();
    let expected = format!(
        "error: the spec folder {} has no Markdown pages",
        spec.path().display()
    );
    assert_eq!(reported.lines(), [expected]);
}

#[test]
fn a_missing_spec_folder() {
    let spec = Spec::new();
    let missing = spec.path().join("nowhere");
    let Err(Failure::Input {
        diagnostics,
        sources,
    }) = load(&missing, None)
    else {
        panic!("a missing folder must fail");
    };
    let lines: Vec<_> = diagnostics
        .iter()
        .map(|diagnostic| sources.summarize(diagnostic))
        .collect();
    assert_eq!(lines.len(), 1);
    let prefix = format!("error: cannot read the spec folder {}: ", missing.display());
    assert!(lines[0].starts_with(&prefix), "{lines:?}");
}

#[test]
fn a_config_that_does_not_parse() {
    let reported = Spec::new()
        .model("Person", &["| **name** | **str** | Name | |"])
        .file(
            "codegen.toml",
            "[package]\nname = \"people\"\nversion = 1.0\n",
        )
        .load();
    // The span toml reports for a value of the wrong type: the value `1.0`.
    assert_eq!(
        reported.lines(),
        ["codegen.toml:3:11: error: invalid codegen.toml"]
    );
    assert!(
        reported.diagnostics[0].label.contains("invalid type"),
        "{}",
        reported.diagnostics[0].label
    );

    let reported = Spec::new()
        .model("Person", &["| **name** | **str** | Name | |"])
        .file("codegen.toml", "[models.Person\n")
        .load();
    assert_eq!(
        reported.lines(),
        ["codegen.toml:1:15: error: invalid codegen.toml"]
    );
}

#[test]
fn a_config_naming_an_unknown_error_model() {
    let reported = Spec::new()
        .model("ErrorBody", &["| **message** | **str** | What | |"])
        .file("codegen.toml", "[client]\nerror_model = \"ErrorBdy\"\n")
        .load();
    assert_eq!(
        reported.lines(),
        [
            "codegen.toml:2:15: error: codegen.toml names `ErrorBdy` the error model, which no page defines"
        ]
    );
    assert_eq!(reported.notes(), ["did you mean `ErrorBody`?"]);
}

#[test]
fn a_config_naming_an_unknown_model_or_field() {
    let config = "[models.Persn.fields.name]\nwire_name = \"fullName\"\n\n\
                  [models.Person.fields.nmae]\nwire_name = \"fullName\"\n";
    let reported = Spec::new()
        .model("Person", &["| **name** | **str** | Name | |"])
        .file("codegen.toml", config)
        .load();
    assert_eq!(
        reported.lines(),
        [
            "codegen.toml:1:9: error: codegen.toml names model `Persn`, which no page defines",
            "codegen.toml:4:23: error: codegen.toml names field `Person.nmae`, which the page does not have",
        ]
    );
    assert_eq!(
        reported.notes(),
        ["did you mean `Person`?", "did you mean `name`?"]
    );
}

#[test]
fn a_model_page_without_a_properties_table_is_a_warning() {
    let reported = Spec::new()
        .model("Person", &["| **name** | **str** | Name | |"])
        .file(
            "Empty.md",
            "---\ntitle: Empty\n---\n## Empty\n\nNothing here.\n",
        )
        .load();
    assert_eq!(
        reported.lines(),
        ["Empty.md:4:1: warning: model page without a `## Properties` table"]
    );
    assert_eq!(reported.diagnostics[0].severity, Severity::Warning);
}

#[test]
fn an_empty_description_is_no_warning() {
    // Real docs leave most descriptions empty (8,255 fields of Genesys 127.0.0): normal, not a
    // problem a user could act on.
    let reported = Spec::new()
        .model(
            "Person",
            &[
                "| **name** | **str** | Name | |",
                "| **nick** | **str** |  | [optional] |",
            ],
        )
        .load();
    assert_eq!(reported.lines(), Vec::<String>::new());
}

#[test]
fn warnings_fail_a_run_only_under_deny_warnings() {
    let spec = Spec::new().model(
        "Person",
        &[
            "| **name** | **str** | Name | odd |",
            "| **nick** | **str** | Nick | odd |",
        ],
    );
    let out = tempfile::tempdir().unwrap();
    let mut options = Options {
        spec_dir: spec.path().to_path_buf(),
        out_dir: out.path().join("crate"),
        config: None,
        mode: WriteMode::Write,
        deny_warnings: true,
    };
    let Err(Failure::Input { diagnostics, .. }) = generate(&options) else {
        panic!("warnings must fail the run under deny_warnings");
    };
    assert_eq!(diagnostics.len(), 2);
    assert!(!out.path().join("crate").exists(), "nothing may be written");

    options.deny_warnings = false;
    let generated = generate(&options).expect("warnings alone do not fail a run");
    assert_eq!(generated.warnings.len(), 2);
    assert!(out.path().join("crate/src/person.rs").is_file());
}

#[test]
fn every_problem_of_a_run_is_reported_together() {
    let reported = Spec::new()
        .model(
            "Address",
            &[
                "| **street** | **strng** | Street | |",
                "| **zip** | **list[str** | Zip | |",
            ],
        )
        .model(
            "Person",
            &[
                "| **home** | Adress | Home | |",
                "| **name** | **str** |",
                "| **home** | **str** | Again | |",
            ],
        )
        .file("Broken.md", b"## Broken\n\xff\n".as_slice())
        .file(
            "codegen.toml",
            "[models.Nobody.fields.x]\nwire_name = \"x\"\n",
        )
        .load();
    let lines = reported.lines();
    for expected in [
        "Address.md:11:23: error: malformed type `list[str`: expected `]`, found the end of the type",
        "Broken.md:2:1: error: the page is not UTF-8",
        "Person.md:11:1: error: this row has 2 cells, expected 4",
        "codegen.toml:1:9: error: codegen.toml names model `Nobody`, which no page defines",
        "Address.md:10:18: error: unknown type `strng` in field `Address.street`",
        "Person.md:10:14: error: unknown type `Adress` in field `Person.home`",
        "Person.md:12:3: error: field `home` appears twice in `Person`",
    ] {
        assert!(
            lines.iter().any(|line| line == expected),
            "missing {expected:?} in {lines:#?}"
        );
    }
    assert_eq!(lines.len(), 7, "{lines:#?}");
    let summary = Failure::Input {
        diagnostics: reported.diagnostics.clone(),
        sources: reported.sources.clone(),
    }
    .render();
    assert!(
        summary.ends_with("7 error(s), 0 warning(s); nothing was written\n"),
        "{summary}"
    );
}

#[test]
fn many_warnings_are_shown_in_part_and_counted_by_kind() {
    let rows: Vec<String> = (0..30)
        .map(|at| format!("| **field_{at}** | **str** | F | odd |"))
        .collect();
    let rows: Vec<&str> = rows
        .iter()
        .map(String::as_str)
        .chain(["| **odd** | **str** | a | b | [optional] |"])
        .collect();
    let reported = Spec::new().model("Person", &rows).load();
    assert_eq!(reported.diagnostics.len(), 31);
    let shown = reported
        .sources
        .render_limited(&reported.diagnostics, 5)
        .replace(&reported.prefix, "");
    let (full, summary) = shown.split_at(shown.find("note:").expect("a summary"));
    assert_eq!(
        full.matches("warning: unexpected Notes").count(),
        5,
        "{shown}"
    );
    assert_eq!(
        summary,
        "note: 5 of 31 warnings shown; all of them by kind (count, then the first of each kind):\n  \
         30  Person.md:10:31: warning: unexpected Notes `odd`\n   \
          1  Person.md:40:23: warning: unescaped `|` in a description\n"
    );
    // Under the limit everything is shown and there is no summary.
    let all = reported.sources.render_limited(&reported.diagnostics, 31);
    assert_eq!(all, reported.sources.render(&reported.diagnostics));
}

/// An operation page of the 257.1.0 dialect with one operation; `body_type` is its body
/// parameter's type cell (line 13), `returned` its return type (line 17).
fn operation_page(group: &str, body_type: &str, returned: &str) -> String {
    format!(
        "# {group}\n\n## PureCloudPlatformClientV2.{group}\n\n## post_thing\n\n\
         Wraps POST /api/v2/things\n\n### Parameters\n\n\
         |Name | Type | Description  | Notes|\n|------------- | ------------- | ------------- | -------------|\n\
         | **body** | {body_type}| Body |  |\n\n### Return type\n\n{returned}\n"
    )
}

#[test]
fn an_operation_naming_a_model_no_page_defines() {
    let reported = Spec::new()
        .model("Address", &["| **street** | **str** | Street | |"])
        .file(
            "PlacesApi.md",
            operation_page(
                "PlacesApi",
                "[**list[Adress]**](Adress)",
                "[**Address**](Address)",
            ),
        )
        .load();
    assert_eq!(
        reported.lines(),
        ["PlacesApi.md:13:22: error: unknown model `Adress` in an operation of `PlacesApi`"]
    );
    assert_eq!(reported.notes(), ["did you mean `Address`?"]);
}

#[test]
fn a_malformed_type_in_an_operation() {
    let reported = Spec::new()
        .model("Address", &["| **street** | **str** | Street | |"])
        .file(
            "PlacesApi.md",
            operation_page("PlacesApi", "**list[str**", "void (empty response body)"),
        )
        .load();
    assert_eq!(
        reported.lines(),
        [
            "PlacesApi.md:13:24: error: malformed type `list[str`: expected `]`, found the end of the type"
        ]
    );
}

#[test]
fn a_models_only_config_never_reads_an_operation_page() {
    let broken = operation_page("PlacesApi", "**list[str**", "void (empty response body)");
    let reported = Spec::new()
        .model("Address", &["| **street** | **str** | Street | |"])
        .file("PlacesApi.md", &broken)
        .file("codegen.toml", "[sources]\noperations = false\n")
        .load();
    assert_eq!(reported.lines(), Vec::<String>::new());
}

#[test]
fn an_accept_that_is_not_a_media_type_and_an_unknown_place() {
    let page = operation_page("PlacesApi", "**str**", "**str**");
    let reported = Spec::new()
        .model("Address", &["| **street** | **str** | Street | |"])
        .file("PlacesApi.md", &page)
        .file(
            "codegen.toml",
            "[operations.PlacesApi.post_thing]\naccept = \"text calendar\"\n",
        )
        .load();
    assert_eq!(
        reported.lines(),
        ["codegen.toml:2:10: error: `text calendar` is not a media type"]
    );
    let reported = Spec::new()
        .model("Address", &["| **street** | **str** | Street | |"])
        .file("PlacesApi.md", &page)
        .file(
            "codegen.toml",
            "[operations.PlacesApi.post_thing.parameters.body]\nplace = \"form\"\n",
        )
        .load();
    assert_eq!(
        reported.lines(),
        ["codegen.toml:2:9: error: invalid codegen.toml"]
    );
    assert!(
        reported.diagnostics[0]
            .label
            .contains("expected one of `query`, `header`, `cookie`"),
        "{}",
        reported.diagnostics[0].label
    );
}

#[test]
fn api_groups_whose_titles_differ_only_in_letter_case() {
    let reported = Spec::new()
        .model("Address", &["| **street** | **str** | Street | |"])
        .file(
            "WebChatApi.md",
            operation_page("WebChatApi", "**str**", "[**Address**](Address)"),
        )
        .file(
            "WEBChatApi.md",
            operation_page("WEBChatApi", "**str**", "[**Address**](Address)"),
        )
        .load();
    assert_eq!(
        reported.lines(),
        [
            "WebChatApi.md:1:3: error: API groups `WEBChatApi` and `WebChatApi` would get one feature name, `web_chat`"
        ]
    );
}

#[test]
fn underscore_names_cannot_become_identifiers() {
    let reported = Spec::new()
        .model(
            "Thing",
            &["| **_** | **str** | Nothing but an underscore | |"],
        )
        .load();
    assert_eq!(
        reported.lines(),
        ["Thing.md:10:3: error: `_` cannot become a Rust field name"]
    );
}

#[test]
fn a_rust_name_override_that_is_a_keyword_or_cannot_be_raw() {
    let reported = Spec::new()
        .model("Thing", &["| **kind** | **str** | Kind | |", "| **other** | **str** | Other | |"])
        .file(
            "codegen.toml",
            "[models.Thing.fields.kind]\nrust_name = \"type\"\n\n[models.Thing.fields.other]\nrust_name = \"r#self\"\n",
        )
        .load();
    assert_eq!(
        reported.lines(),
        [
            "codegen.toml:2:13: error: `type` is not a Rust identifier",
            "codegen.toml:5:13: error: `r#self` is not a Rust identifier",
        ]
    );
}

#[test]
fn a_malformed_type_override_is_marked_inside_its_string_when_written_plainly() {
    // Plain: the mark is at the fault. With an escape or `"""`, the string's bytes are not its
    // value's, so the whole string is marked instead of a wrong spot.
    let config = "[models.Person.fields.name]\ntype = \"list[str\"\n\n\
                  [models.Person.fields.age]\ntype = \"list[\\u0073tr\"\n\n\
                  [models.Person.fields.pets]\ntype = \"\"\"list[str\"\"\"\n";
    let reported = Spec::new()
        .model(
            "Person",
            &[
                "| **name** | **str** | Name | |",
                "| **age** | **int** | Age | |",
                "| **pets** | **str** | Pets | |",
            ],
        )
        .file("codegen.toml", config)
        .load();
    assert_eq!(
        reported.lines(),
        [
            "codegen.toml:5:8: error: malformed type",
            "codegen.toml:2:17: error: malformed type",
            "codegen.toml:8:8: error: malformed type",
        ]
    );
}

/// A page of the 127.0.0 dialect with every kind of problem an operation can have; each is
/// reported at its spot, all in one run, and the operations without problems are kept.
const BROKEN_OPERATIONS: &str = r#"---
title: ThingsApi
---

## PureCloudPlatformClientV2.ThingsApi

|Method | Description|
|------------- | -------------|
|[**get_thing**](ThingsApi.html#get_thing) | Get a thing|
|[**get_gone**](ThingsApi.html#get_gone) | Listed, never defined|
{: class="table table-striped"}

##  get_thing(thing_id)

Get a thing

Wraps GET /api/v2/things/{thingId} 

### Parameters

|Name | Type | Description  | Notes|
|------------- | ------------- | ------------- | -------------|
| **thing_id** | **str**| Thing ID |  |
| **expand** | **str**| Expand | [optional] maybe |
{: class="table table-striped"}

### Return type

[**Address**](Address.html)

##  get_thing(thing_id)

Wraps GET /api/v2/things/{thingId} 

### Return type

void (empty response body)

##  no_wraps()

Nothing says how to call this.

### Return type

void (empty response body)

##  no_return(thing_id)

Wraps DELETE /api/v2/things/{thingId} 

##  fetch_thing()

Wraps FETCH /api/v2/things 

### Return type

void (empty response body)

##  open_brace()

Wraps GET /api/v2/things/{thingId 

### Return type

void (empty response body)

##  unfilled(thing_id)

Wraps GET /api/v2/things/{thingId}/parts/{partId} 

### Parameters

|Name | Type | Description  | Notes|
|------------- | ------------- | ------------- | -------------|
| **thing_id** | **str**| Thing ID |  |

### Return type

void (empty response body)

##  two_bodies(body, address)

Wraps POST /api/v2/things 

### Parameters

|Name | Type | Description  | Notes|
|------------- | ------------- | ------------- | -------------|
| **body** | [**Address**](Address.html)| Body |  |
| **address** | [**Address**](Address.html)| Another |  |
| **pcSelf** | **str**| One |  |
| **self** | **str**| Two |  |
{: class="table table-striped"}

### Return type

void (empty response body)

##  short_row(short)

Wraps GET /api/v2/things 

### Parameters

|Name | Type | Description  | Notes|
|------------- | ------------- | ------------- | -------------|
| **short** | **str**| Too few cells |

### Return type

void (empty response body)
"#;

#[test]
fn every_problem_of_an_operation_page_is_located() {
    let reported = Spec::new()
        .model("Address", &["| **street** | **str** | Street | |"])
        .file("ThingsApi.md", BROKEN_OPERATIONS)
        .load();
    assert_eq!(
        reported.lines(),
        [
            "ThingsApi.md:24:34: warning: unexpected Notes `maybe`",
            "ThingsApi.md:39:5: error: operation `no_wraps` has no `Wraps METHOD /path` line",
            "ThingsApi.md:47:5: error: operation `no_return` has no `### Return type`",
            "ThingsApi.md:53:7: error: unknown HTTP method `FETCH`",
            "ThingsApi.md:61:26: error: malformed path `/api/v2/things/{thingId`",
            "ThingsApi.md:107:1: error: this row has 3 cells, expected 4",
            "ThingsApi.md:31:1: error: operation `get_thing` is defined twice",
            "ThingsApi.md:10:5: error: operation `get_gone` is listed in the method table but has no section",
            "ThingsApi.md:69:43: error: the path of `unfilled` has `{partId}`, which no parameter fills",
            "ThingsApi.md:90:3: error: operation `two_bodies` has two body parameters, `body` and `address`",
            "ThingsApi.md:92:3: error: parameters `pcSelf` and `self` of `two_bodies` would get one Rust name, `self_`",
        ]
    );
}

#[test]
fn an_api_group_named_as_a_model_but_for_letter_case() {
    // Both would be the module `places_api` (and one file on case-insensitive file systems).
    let reported = Spec::new()
        .model("PlacesAPI", &["| **street** | **str** | Street | |"])
        .file(
            "PlacesApi.md",
            operation_page("PlacesApi", "**str**", "void (empty response body)"),
        )
        .load();
    assert_eq!(
        reported.lines(),
        [
            "PlacesApi.md:1:3: error: API group `PlacesApi` and model `PlacesAPI` would get one module, `places_api`"
        ]
    );
}

#[test]
fn an_api_group_title_that_cannot_become_a_module() {
    let reported = Spec::new()
        .model("Address", &["| **street** | **str** | Street | |"])
        .file(
            "PlacesApi.md",
            operation_page("PlacesApi", "**str**", "void (empty response body)").replacen(
                "# PlacesApi",
                "# Places Api",
                1,
            ),
        )
        .load();
    assert_eq!(
        reported.lines(),
        ["PlacesApi.md:1:3: error: `Places Api` cannot become a Rust module name"]
    );
}

#[test]
fn operations_whose_functions_would_have_one_name() {
    let operation = |name: &str| {
        format!(
            "## {name}\n\nWraps GET /api/v2/{name}\n\n### Parameters\n\n\
             |Name | Type | Description  | Notes|\n|------------- | ------------- | ------------- | -------------|\n\n\
             ### Return type\n\nvoid (empty response body)\n\n"
        )
    };
    let reported = Spec::new()
        .model("Address", &["| **street** | **str** | Street | |"])
        .file(
            "PlacesApi.md",
            format!("# PlacesApi\n\n{}{}", operation("self"), operation("self_")),
        )
        .load();
    assert_eq!(
        reported.lines(),
        [
            "PlacesApi.md:16:4: error: operations `self` and `self_` would get one Rust function, `self_`"
        ]
    );
}

#[test]
fn models_named_as_the_runtime_s_types_are_no_problem_in_docs_with_operations() {
    // The runtime's types are in the modules `request_` and `client_`, never at the root beside
    // the models (the `operations` golden compiles models `Client` and `Request`).
    let mut spec = Spec::new();
    for name in ["ApiError", "Client", "ClientError", "NoContent", "Request"] {
        spec = spec.model(name, &["| **street** | **str** | Street | |"]);
    }
    let reported = spec
        .file(
            "PlacesApi.md",
            operation_page(
                "PlacesApi",
                "[**Request**](Request)",
                "[**Client**](Client)",
            ),
        )
        .load();
    assert_eq!(reported.lines(), Vec::<String>::new());
}

#[test]
fn regions_with_a_bad_host_or_the_same_variant_are_located_errors() {
    let config = "[client.regions]\n\
                  us-east-1 = { api = \"api.example.com\", login = \"https://login.example.com\" }\n\
                  US_EAST_1 = { api = \"api.example.com\", login = \"login.example.com\" }\n\
                  eu = { api = \"api..example.com\", login = \"login.example.com:0\" }\n\
                  \"\" = { api = \"a.example.com\", login = \"l.example.com\" }\n\
                  ok = { api = \"api.example.com:8443\", login = \"login-1.example.com\" }\n";
    let reported = Spec::new()
        .model("Address", &["| **street** | **str** | Street | |"])
        .file("codegen.toml", config)
        .load();
    assert_eq!(
        reported.lines(),
        [
            "codegen.toml:5:1: error: a region needs a name",
            "codegen.toml:4:14: error: `api..example.com` is not a host name",
            "codegen.toml:4:42: error: `login.example.com:0` is not a host name",
            "codegen.toml:2:48: error: `https://login.example.com` is not a host name",
            "codegen.toml:2:1: error: region `us-east-1` is the Rust variant `UsEast1` again",
        ]
    );
    let variant_again = &reported.diagnostics[4];
    assert!(variant_again.also_at.is_some(), "{variant_again:?}");
}

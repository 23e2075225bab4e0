//! Incremental regeneration: after any series of page edits, a crate regenerated in place is
//! byte-for-byte the crate a clean run writes into an empty folder, and a changed page emits only
//! the files whose part of the type model changed (which can be another page's: a new cycle
//! boxes a field of the model on its other side). A file edited by hand, or a record that lies, is
//! still caught. A run with a parse cache gives what a run without one gives.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

use markdown_model_codegen::incremental::{HASHES_FILE, emit_changed};
use markdown_model_codegen::{Failure, Inputs, Options, UpToDate, WriteMode, generate, load};

/// The fixture the series starts from: models, an operations page and a codegen.toml.
fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/operations")
}

const OWNER: &str = "# Owner

## Owner

## Properties

|Name | Type | Description | Notes|
|---|---|---|---|
| **name** | str | Name | |
| **pets** | [list[Pet]](Pet) | Pets | [optional] |
| **favorite** | [**Pet**](Pet) | The favorite pet | [optional] |
";

const PET: &str = "# Pet

## Pet

## Properties

|Name | Type | Description | Notes|
|---|---|---|---|
| **name** | str | Name | |
";

const VET: &str = "# Vet

## Vet

## Properties

|Name | Type | Description | Notes|
|---|---|---|---|
| **clinic** | str | Clinic | |
";

/// A temporary folder with the spec (a copy of the fixture with two more models, `Owner` with
/// its `Pet`s and its favorite one) generated into `out`: (folder, spec, out).
fn generated_spec() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let temp = tempfile::tempdir().unwrap();
    let (spec, out) = (temp.path().join("spec"), temp.path().join("out"));
    fs::create_dir_all(&spec).unwrap();
    for entry in fs::read_dir(fixture()).unwrap() {
        let path = entry.unwrap().path();
        fs::copy(&path, spec.join(path.file_name().unwrap())).unwrap();
    }
    fs::write(spec.join("Owner.md"), OWNER).unwrap();
    fs::write(spec.join("Pet.md"), PET).unwrap();
    run(&spec, &out, WriteMode::Write);
    (temp, spec, out)
}

/// Replaces `old` (which must be there) by `new` in the page `name`.
fn edit(spec: &Path, name: &str, old: &str, new: &str) {
    let path = spec.join(name);
    let text = fs::read_to_string(&path).unwrap();
    assert!(text.contains(old), "{name} no longer has {old:?}");
    fs::write(&path, text.replacen(old, new, 1)).unwrap();
}

fn options(spec: &Path, out: &Path, mode: WriteMode) -> Options {
    Options {
        spec_dir: spec.to_path_buf(),
        out_dir: out.to_path_buf(),
        config: None,
        mode,
        deny_warnings: false,
    }
}

fn run(spec: &Path, out: &Path, mode: WriteMode) -> markdown_model_codegen::WriteReport {
    match generate(&options(spec, out, mode)) {
        Ok(generated) => generated.report,
        Err(failure) => panic!("{}", failure.render()),
    }
}

/// Every file under `dir`: relative path -> contents.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    fn add(root: &Path, path: &Path, files: &mut BTreeMap<PathBuf, Vec<u8>>) {
        if path.is_dir() {
            for entry in fs::read_dir(path).unwrap() {
                add(root, &entry.unwrap().path(), files);
            }
        } else {
            let relative = path.strip_prefix(root).unwrap();
            files.insert(relative.to_path_buf(), fs::read(path).unwrap());
        }
    }
    let mut files = BTreeMap::new();
    add(dir, dir, &mut files);
    files
}

/// The files of a run on `out` that were emitted from their part of the type model (not kept,
/// and not one of the small files made without emitting).
fn emitted(spec: &Path, out: &Path) -> BTreeSet<String> {
    let markdown_model_codegen::Loaded { model, .. } =
        load(spec, None).unwrap_or_else(|failure| panic!("{}", failure.render()));
    let small = [
        "Cargo.toml",
        "rustfmt.toml",
        "src/request_.rs",
        "src/client_.rs",
        "src/support_.rs",
        HASHES_FILE,
    ];
    emit_changed(&model, out, None)
        .files
        .iter()
        .map(|file| file.path.to_string_lossy().replace('\\', "/"))
        .filter(|path| !small.contains(&path.as_str()))
        .collect()
}

fn set(paths: &[&str]) -> BTreeSet<String> {
    paths.iter().map(|path| (*path).to_owned()).collect()
}

/// A run that writes `out` from `spec`, with the parse cache `cache` if any: its warnings,
/// rendered.
fn run_with_cache(spec: &Path, out: &Path, cache: Option<&Path>) -> String {
    let mut inputs = Inputs::read(spec, None);
    if let Some(cache) = cache {
        inputs = inputs.with_page_cache(cache.to_path_buf());
    }
    match inputs.generate(&options(spec, out, WriteMode::Write)) {
        Ok(generated) => Failure::Input {
            diagnostics: generated.warnings,
            sources: generated.sources,
        }
        .render(),
        Err(failure) => panic!("{}", failure.render()),
    }
}

#[test]
fn regenerating_in_place_after_each_edit_gives_what_a_clean_run_gives() {
    let (temp, spec, out) = generated_spec();
    // The runs in place keep a parse cache, and so parse only the pages each edit changed (or
    // moved: a page added before others in their order); the clean runs parse everything.
    let cache = temp.path().join("cache/pages");
    run_with_cache(&spec, &out, Some(&cache));
    type Edit = fn(&Path);
    let edits: [(&str, Edit); 10] = [
        ("a description", |spec| {
            edit(
                spec,
                "Thing.md",
                "The thing's name.",
                "The thing's full name.",
            )
        }),
        ("a field that makes a cycle", |spec| {
            edit(
                spec,
                "Pet.md",
                "| **name** | str | Name | |",
                "| **name** | str | Name | |\n| **owner** | Owner | Its owner | [optional] |",
            )
        }),
        ("the cycle broken again", |spec| {
            edit(
                spec,
                "Pet.md",
                "| **owner** | Owner | Its owner | [optional] |",
                "",
            )
        }),
        ("an enumerated field", |spec| {
            edit(
                spec,
                "Pet.md",
                "| **name** | str | Name | |",
                "| **name** | str | Name | |\n| **size** | str | Size. Values: small, large | [optional] |",
            )
        }),
        ("a new page", |spec| {
            fs::write(spec.join("Vet.md"), VET).unwrap()
        }),
        ("a page removed", |spec| {
            fs::remove_file(spec.join("Owner.md")).unwrap()
        }),
        ("a page before the others, with a warning", |spec| {
            let page = (VET.replace("Vet", "Aardvark"))
                .replace("| Clinic |", "| Clinic | with | a pipe |");
            fs::write(spec.join("Aardvark.md"), page).unwrap()
        }),
        ("the page with a warning fixed", |spec| {
            edit(spec, "Aardvark.md", " with | a pipe |", "")
        }),
        ("an operation's summary", |spec| {
            edit(
                spec,
                "ThingsApi.md",
                "\nDelete a thing\n",
                "\nDelete a thing for good\n",
            )
        }),
        ("the config", |spec| {
            edit(
                spec,
                "codegen.toml",
                "Golden test: operations",
                "Operations",
            )
        }),
    ];
    for (index, (what, apply)) in edits.iter().enumerate() {
        apply(&spec);
        let warnings_in_place = run_with_cache(&spec, &out, Some(&cache));
        let clean = temp.path().join(format!("clean-{index}"));
        let warnings_clean = run_with_cache(&spec, &clean, None);
        assert_eq!(
            warnings_in_place, warnings_clean,
            "after {what}: the warnings differ"
        );
        let (in_place, clean) = (snapshot(&out), snapshot(&clean));
        assert_eq!(
            in_place.keys().collect::<Vec<_>>(),
            clean.keys().collect::<Vec<_>>(),
            "after {what}: the files differ"
        );
        for (path, contents) in &clean {
            assert!(
                in_place[path] == *contents,
                "after {what}: {} differs from a clean run's",
                path.display()
            );
        }
        assert!(
            run(&spec, &out, WriteMode::Check).is_clean(),
            "after {what}: check mode finds the crate stale"
        );
    }
}

#[test]
fn a_changed_page_emits_only_the_files_made_from_what_changed() {
    let (_temp, spec, out) = generated_spec();
    assert_eq!(
        emitted(&spec, &out),
        set(&[]),
        "an unchanged run emits nothing"
    );

    edit(&spec, "Thing.md", "Its kind.", "What kind of thing it is.");
    assert_eq!(
        emitted(&spec, &out),
        set(&["model.json", "src/thing.rs"]),
        "a field's description is in the model's file and in the recorded surface"
    );
    let report = run(&spec, &out, WriteMode::Write);
    let written: Vec<_> = report
        .written
        .iter()
        .map(|path| path.to_string_lossy())
        .collect();
    assert_eq!(
        written,
        ["codegen-hashes.txt", "model.json", "src/thing.rs"]
    );

    // Pet's page changes, and so does Owner's file: the new cycle boxes its field too.
    edit(
        &spec,
        "Pet.md",
        "| **name** | str | Name | |",
        "| **name** | str | Name | |\n| **owner** | Owner | Its owner | [optional] |",
    );
    assert_eq!(
        emitted(&spec, &out),
        set(&["model.json", "src/owner.rs", "src/pet.rs"]),
    );
}

#[test]
fn a_file_edited_by_hand_is_caught_and_rewritten() {
    let (_temp, spec, out) = generated_spec();
    let clean = snapshot(&out);
    let file = out.join("src/thing.rs");
    let mut text = fs::read_to_string(&file).unwrap();
    text.push_str("// edited\n");
    fs::write(&file, text).unwrap();

    let report = run(&spec, &out, WriteMode::Check);
    assert_eq!(report.written, [PathBuf::from("src/thing.rs")]);
    run(&spec, &out, WriteMode::Write);
    assert_eq!(snapshot(&out), clean);
}

#[test]
fn a_record_that_does_not_match_the_files_only_costs_emitting_them_again() {
    let (_temp, spec, out) = generated_spec();
    let clean = snapshot(&out);
    let record = out.join(HASHES_FILE);
    let text = fs::read_to_string(&record).unwrap();
    // Pet's key and Owner's content digest wrong, Thing's line unreadable.
    let tampered: String = text
        .lines()
        .map(|line| match line.rsplit(' ').next() {
            Some("src/pet.rs") => format!("{}{}\n", "0".repeat(32), &line[32..]),
            Some("src/owner.rs") => format!("{} {} src/owner.rs\n", &line[..32], "f".repeat(32)),
            Some("src/thing.rs") => "src/thing.rs\n".to_owned(),
            _ => format!("{line}\n"),
        })
        .collect();
    assert_ne!(tampered, text);
    fs::write(&record, tampered).unwrap();

    assert_eq!(
        emitted(&spec, &out),
        set(&["src/owner.rs", "src/pet.rs", "src/thing.rs"])
    );
    let report = run(&spec, &out, WriteMode::Check);
    assert_eq!(report.written, [PathBuf::from(HASHES_FILE)]);
    run(&spec, &out, WriteMode::Write);
    assert_eq!(snapshot(&out), clean);
}

/// What a run of `options` finds when the crate is up to date with the docs.
fn up_to_date(options: &Options) -> Option<UpToDate> {
    Inputs::read(&options.spec_dir, options.config.as_deref()).up_to_date(options, false)
}

/// Whether a run of `mode` finds the crate up to date without parsing the docs.
fn found_up_to_date(spec: &Path, out: &Path, mode: WriteMode) -> bool {
    up_to_date(&options(spec, out, mode)).is_some()
}

#[test]
fn unchanged_docs_are_found_up_to_date_without_parsing_and_any_change_is_not() {
    let (_temp, spec, out) = generated_spec();
    let found = up_to_date(&options(&spec, &out, WriteMode::Check)).expect("up to date");
    let full = match generate(&options(&spec, &out, WriteMode::Check)) {
        Ok(generated) => generated,
        Err(failure) => panic!("{}", failure.render()),
    };
    // What the record tells is what a full run finds.
    assert_eq!(found.stats, full.stats);
    assert_eq!(found.warnings, full.warnings.len());
    assert_eq!(found.report, full.report);

    type Change = fn(&Path, &Path);
    let changes: [(&str, Change); 9] = [
        ("a page edited", |spec, _| {
            edit(spec, "Thing.md", "Its kind.", "Its sort.")
        }),
        ("a page added", |spec, _| {
            fs::write(spec.join("Vet.md"), VET).unwrap()
        }),
        ("a page removed", |spec, _| {
            fs::remove_file(spec.join("Owner.md")).unwrap()
        }),
        ("a page moved into a models/ subfolder", |spec, _| {
            fs::create_dir(spec.join("models")).unwrap();
            fs::rename(spec.join("Pet.md"), spec.join("models/Pet.md")).unwrap();
        }),
        ("another file added beside the pages", |spec, _| {
            fs::write(spec.join("Vet.txt"), VET).unwrap()
        }),
        ("the config edited", |spec, _| {
            edit(
                spec,
                "codegen.toml",
                "Golden test: operations",
                "Operations",
            )
        }),
        ("a generated file edited by hand", |_, out| {
            let path = out.join("src/thing.rs");
            let text = fs::read_to_string(&path).unwrap();
            fs::write(&path, format!("{text}// edited\n")).unwrap();
        }),
        ("a comment of the record edited", |_, out| {
            let path = out.join(HASHES_FILE);
            let text = fs::read_to_string(&path).unwrap();
            fs::write(&path, text.replacen("# Incremental", "# Edited", 1)).unwrap();
        }),
        ("a stale source file added", |_, out| {
            fs::write(out.join("src/gone.rs"), "pub struct Gone;\n").unwrap()
        }),
    ];
    for (what, change) in changes {
        change(&spec, &out);
        assert!(
            !found_up_to_date(&spec, &out, WriteMode::Check),
            "after {what}: found up to date"
        );
        assert!(
            !run(&spec, &out, WriteMode::Check).is_clean(),
            "after {what}: check mode finds the crate clean"
        );
        run(&spec, &out, WriteMode::Write);
        assert!(
            found_up_to_date(&spec, &out, WriteMode::Check),
            "after {what} and a run: not found up to date"
        );
    }
}

#[test]
fn a_file_the_generator_does_not_write_is_reported_by_the_run_that_reads_nothing() {
    let (_temp, spec, out) = generated_spec();
    fs::write(out.join("notes.md"), "mine\n").unwrap();
    let found = up_to_date(&options(&spec, &out, WriteMode::Check)).expect("up to date");
    assert_eq!(found.report.unknown, [PathBuf::from("notes.md")]);
    assert!(!found.report.is_clean());
    assert_eq!(found.report, run(&spec, &out, WriteMode::Check));
}

#[test]
fn docs_with_warnings_are_parsed_again_when_warnings_are_denied_or_wanted() {
    let (_temp, spec, out) = generated_spec();
    // An unescaped `|` in a description is a warning.
    edit(&spec, "Pet.md", "| Name | |", "| Name, first|last | |");
    let generated = generate(&options(&spec, &out, WriteMode::Write)).unwrap();
    assert_eq!(generated.warnings.len(), 1);
    let found = up_to_date(&options(&spec, &out, WriteMode::Check)).expect("up to date");
    assert_eq!(found.warnings, 1);
    let denied = Options {
        deny_warnings: true,
        ..options(&spec, &out, WriteMode::Check)
    };
    assert!(up_to_date(&denied).is_none());
    // Nor when they are wanted (the JSON document lists them).
    let inputs = Inputs::read(&spec, None);
    assert!(
        inputs
            .up_to_date(&options(&spec, &out, WriteMode::Check), true)
            .is_none()
    );
    assert!(generate(&denied).is_err());
}

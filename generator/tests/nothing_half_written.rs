//! A failed run changes nothing under the output folder, and a run interrupted part-way leaves
//! every file complete: either its old or its new contents.

use std::collections::BTreeMap;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use markdown_model_codegen::output::{WriteMode, write_files_with_hook};
use markdown_model_codegen::{Failure, Options, emit, generate, load};

/// Every file under `dir`: relative path -> (contents, modification time).
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, (Vec<u8>, SystemTime)> {
    let mut files = BTreeMap::new();
    let mut folders = vec![dir.to_path_buf()];
    while let Some(folder) = folders.pop() {
        for entry in fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                folders.push(path);
            } else {
                let modified = fs::metadata(&path).unwrap().modified().unwrap();
                files.insert(
                    path.strip_prefix(dir).unwrap().to_path_buf(),
                    (fs::read(&path).unwrap(), modified),
                );
            }
        }
    }
    files
}

fn page(name: &str, rows: &[&str]) -> String {
    format!(
        "# {name}\n\n## {name}\n\n## Properties\n\n|Name | Type | Description | Notes|\n\
         |------------ | ------------- | ------------- | -------------|\n{}\n",
        rows.join("\n")
    )
}

/// The first version of a spec: three models.
fn write_spec_v1(dir: &Path) {
    fs::create_dir_all(dir).unwrap();
    fs::write(
        dir.join("Owner.md"),
        page(
            "Owner",
            &[
                "| **name** | str | Name | |",
                "| **pets** | [list[Pet]](Pet) | Pets | [optional] |",
            ],
        ),
    )
    .unwrap();
    fs::write(
        dir.join("Pet.md"),
        page(
            "Pet",
            &[
                "| **name** | str | Name | |",
                "| **age** | int | Age | [optional] |",
            ],
        ),
    )
    .unwrap();
    fs::write(
        dir.join("Toy.md"),
        page("Toy", &["| **kind** | str | Kind | |"]),
    )
    .unwrap();
}

/// The second version: `Pet` and `Owner` change, `Toy` is gone, `Vet` is new.
fn write_spec_v2(dir: &Path) {
    fs::write(
        dir.join("Owner.md"),
        page(
            "Owner",
            &[
                "| **name** | str | Full name | |",
                "| **pets** | [list[Pet]](Pet) | Pets | |",
            ],
        ),
    )
    .unwrap();
    fs::write(
        dir.join("Pet.md"),
        page(
            "Pet",
            &[
                "| **name** | str | Name | |",
                "| **weight** | float | Weight | [optional] |",
            ],
        ),
    )
    .unwrap();
    fs::remove_file(dir.join("Toy.md")).unwrap();
    fs::write(
        dir.join("Vet.md"),
        page("Vet", &["| **clinic** | str | Clinic | |"]),
    )
    .unwrap();
}

fn options(spec: &Path, out: &Path) -> Options {
    Options {
        spec_dir: spec.to_path_buf(),
        out_dir: out.to_path_buf(),
        config: None,
        mode: WriteMode::Write,
        deny_warnings: false,
    }
}

#[test]
fn a_failing_spec_leaves_the_generated_crate_byte_identical() {
    let temp = tempfile::tempdir().unwrap();
    let (spec, out) = (temp.path().join("spec"), temp.path().join("out"));
    write_spec_v1(&spec);
    generate(&options(&spec, &out)).expect("the first spec is valid");
    let before = snapshot(&out);
    assert!(
        before.contains_key(Path::new("src/toy.rs")),
        "{:?}",
        before.keys()
    );

    // Changes that would rewrite and remove files, plus one error.
    write_spec_v2(&spec);
    fs::write(
        spec.join("Broken.md"),
        page("Broken", &["| **x** | list[str | X | |"]),
    )
    .unwrap();
    let Err(Failure::Input { diagnostics, .. }) = generate(&options(&spec, &out)) else {
        panic!("the broken spec must fail");
    };
    assert_eq!(
        diagnostics
            .iter()
            .filter(|diagnostic| diagnostic.is_error())
            .count(),
        1
    );
    assert_eq!(
        snapshot(&out),
        before,
        "a failed run changed the output folder"
    );

    // Warnings under deny_warnings fail the same way.
    fs::write(
        spec.join("Broken.md"),
        page("Broken", &["| **x** | str | X | odd |"]),
    )
    .unwrap();
    let mut strict = options(&spec, &out);
    strict.deny_warnings = true;
    assert!(matches!(generate(&strict), Err(Failure::Input { .. })));
    assert_eq!(
        snapshot(&out),
        before,
        "a run failed by warnings changed the output folder"
    );

    // And check mode never writes, even when everything is stale.
    strict.deny_warnings = false;
    strict.mode = WriteMode::Check;
    let checked = generate(&strict).expect("the spec is valid again");
    assert!(!checked.report.is_clean());
    assert_eq!(
        snapshot(&out),
        before,
        "check mode changed the output folder"
    );
}

#[test]
fn a_run_interrupted_after_any_file_leaves_every_file_complete() {
    let temp = tempfile::tempdir().unwrap();
    let spec = temp.path().join("spec");
    write_spec_v1(&spec);
    let markdown_model_codegen::Loaded {
        model: old_model, ..
    } = load(&spec, None).unwrap();
    let (old_files, _) = emit::emit_crate(&old_model);
    write_spec_v2(&spec);
    let markdown_model_codegen::Loaded {
        model: new_model, ..
    } = load(&spec, None).unwrap();
    let (new_files, _) = emit::emit_crate(&new_model);
    let old: BTreeMap<PathBuf, Vec<u8>> = old_files
        .iter()
        .map(|file| (file.path.clone(), file.contents.clone().into_bytes()))
        .collect();
    let new: BTreeMap<PathBuf, Vec<u8>> = new_files
        .iter()
        .map(|file| (file.path.clone(), file.contents.clone().into_bytes()))
        .collect();
    let changed = new
        .iter()
        .filter(|(path, contents)| old.get(*path) != Some(contents))
        .count();
    assert!(
        changed >= 4,
        "the versions must differ in several files: {changed}"
    );

    // Interrupt after 0, 1, ... completed renames, until a run goes through.
    for completed in 0.. {
        let out = temp.path().join(format!("out-{completed}"));
        markdown_model_codegen::output::write_files(&out, &old_files, WriteMode::Write).unwrap();
        let mut renamed = 0;
        let mut interrupt = |path: &Path| {
            if renamed == completed {
                return Err(io::Error::other(format!(
                    "interrupted before {}",
                    path.display()
                )));
            }
            renamed += 1;
            Ok(())
        };
        let result = write_files_with_hook(&out, &new_files, WriteMode::Write, &mut interrupt);
        let files = snapshot(&out);
        for (path, (contents, _)) in &files {
            let is_old = old.get(path) == Some(contents);
            let is_new = new.get(path) == Some(contents);
            assert!(
                is_old || is_new,
                "after {completed} renames, {} is neither old nor new",
                path.display()
            );
            if path.extension().is_some_and(|extension| extension == "rs") {
                let text = std::str::from_utf8(contents).unwrap();
                syn::parse_file(text)
                    .unwrap_or_else(|error| panic!("{} does not parse: {error}", path.display()));
            }
        }
        match result {
            Err(error) => {
                assert!(
                    completed < changed,
                    "interrupted although every file was written: {error}"
                );
                // Stale files go last: `src/toy.rs` is still there.
                assert!(
                    files.contains_key(Path::new("src/toy.rs")),
                    "a stale file was removed early"
                );
                let done = files
                    .iter()
                    .filter(|(path, (contents, _))| old.get(*path) != Some(contents))
                    .count();
                assert_eq!(
                    done, completed,
                    "each completed rename is one file with its new contents"
                );
            }
            Ok(report) => {
                assert_eq!(
                    completed, changed,
                    "the run needed {completed} renames, {changed} files changed"
                );
                assert_eq!(report.removed, [PathBuf::from("src/toy.rs")]);
                let contents: BTreeMap<PathBuf, Vec<u8>> = files
                    .into_iter()
                    .map(|(path, (contents, _))| (path, contents))
                    .collect();
                assert_eq!(contents, new);
                break;
            }
        }
    }
}

#[test]
fn temporary_files_a_killed_run_left_are_removed_by_the_next() {
    let root = tempfile::tempdir().unwrap();
    let (spec, out) = (root.path().join("spec"), root.path().join("out"));
    fs::create_dir_all(&spec).unwrap();
    write_spec_v1(&spec);
    generate(&options(&spec, &out)).unwrap_or_else(|failure| panic!("{}", failure.render()));
    let leftover = out.join("src/.toy.rs.4242.tmp");
    fs::write(&leftover, "half a fi").unwrap();
    let generated =
        generate(&options(&spec, &out)).unwrap_or_else(|failure| panic!("{}", failure.render()));
    assert!(!leftover.exists());
    assert_eq!(
        generated.report.removed,
        [PathBuf::from("src/.toy.rs.4242.tmp")]
    );
}

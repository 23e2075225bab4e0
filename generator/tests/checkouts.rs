//! Docs folders as they arrive from real checkouts: each test copies the shipped `spec/` into a
//! temporary folder, changes it the way an editor, an operating system or a file system would (a
//! byte-order mark, CRLF line endings, an upper-case `.MD`, editors' leftovers, a page saved under
//! another extension) and checks the run: the same crate, byte for byte, as from the unmodified
//! spec, or exactly the diagnostics a user should see.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use markdown_model_codegen::incremental::HASHES_FILE;
use markdown_model_codegen::{Failure, Generated, Options, WriteMode, generate, load};
use tempfile::TempDir;

const BOM: &str = "\u{feff}";

/// A copy of the shipped spec in a temporary folder (named `spec`, as the original).
struct Checkout {
    dir: TempDir,
}

impl Checkout {
    fn new() -> Self {
        let dir = tempfile::tempdir().expect("temporary folder");
        let spec = dir.path().join("spec");
        fs::create_dir(&spec).expect("create the spec folder");
        for (name, bytes) in files_under(&shipped_spec()) {
            fs::write(spec.join(name), bytes).expect("copy a spec file");
        }
        Self { dir }
    }

    fn spec(&self) -> PathBuf {
        self.dir.path().join("spec")
    }

    fn read(&self, name: &str) -> String {
        fs::read_to_string(self.spec().join(name)).expect("read a spec file")
    }

    fn write(&self, name: &str, contents: impl AsRef<[u8]>) -> &Self {
        fs::write(self.spec().join(name), contents).expect("write a spec file");
        self
    }

    fn rename(&self, from: &str, to: &str) -> &Self {
        fs::rename(self.spec().join(from), self.spec().join(to)).expect("rename a spec file");
        self
    }

    /// Applies `change` to the text of the file `name`.
    fn edit(&self, name: &str, change: impl FnOnce(String) -> String) -> &Self {
        let text = change(self.read(name));
        self.write(name, text)
    }

    /// The names of the spec's files.
    fn names(&self) -> Vec<String> {
        files_under(&self.spec()).into_keys().collect()
    }

    /// Generates the crate and checks it is byte for byte the crate of the unmodified spec, with
    /// the same counts and no warnings.
    fn assert_generates_the_shipped_crate(&self) {
        if let Err(difference) = self.generates_the_shipped_crate(&[]) {
            panic!("{difference}");
        }
    }

    /// How the run differs from the run on the unmodified spec, if it does: a failure, warnings,
    /// other counts, other files. `renamed` lists the pages that have another file name here
    /// (`from`, `to`): the generated docs name each model's page.
    fn generates_the_shipped_crate(&self, renamed: &[(&str, &str)]) -> Result<(), String> {
        let expected_out = tempfile::tempdir().expect("temporary folder");
        let expected = generate_into(&shipped_spec(), expected_out.path())
            .map_err(|failure| format!("the shipped spec fails: {}", failure.render()))?;
        let mut expected_files = files_under(expected_out.path());
        // The record of incremental regeneration holds digests of the files' contents, which the
        // renamed pages change: the files themselves are compared.
        expected_files.remove(HASHES_FILE);
        for bytes in expected_files.values_mut() {
            let mut text = String::from_utf8(bytes.clone()).expect("generated files are UTF-8");
            for (from, to) in renamed {
                text = text.replace(&format!("`{from}`"), &format!("`{to}`"));
            }
            *bytes = text.into_bytes();
        }
        let out = tempfile::tempdir().expect("temporary folder");
        let generated =
            generate_into(&self.spec(), out.path()).map_err(|failure| failure.render())?;
        if !generated.warnings.is_empty() {
            return Err(generated.sources.render(&generated.warnings));
        }
        if generated.stats != expected.stats {
            return Err(format!(
                "{:?} instead of {:?}",
                generated.stats, expected.stats
            ));
        }
        let mut files = files_under(out.path());
        files.remove(HASHES_FILE);
        if files != expected_files {
            let differing: Vec<_> = files
                .keys()
                .chain(expected_files.keys())
                .filter(|name| files.get(*name) != expected_files.get(*name))
                .collect();
            return Err(format!("these files differ: {differing:?}"));
        }
        Ok(())
    }

    /// The one-line form of each diagnostic of a failed run, paths relative to the spec folder,
    /// and everything as a user sees it.
    fn failure(&self) -> (Vec<String>, Vec<String>, String) {
        match load(&self.spec(), None) {
            Ok(_) => panic!("the run succeeded"),
            Err(Failure::Io(error)) => panic!("unexpected I/O failure: {error}"),
            Err(Failure::Input {
                diagnostics,
                sources,
            }) => {
                let prefix = format!("{}/", self.spec().display());
                let lines = diagnostics
                    .iter()
                    .map(|diagnostic| sources.summarize(diagnostic).replace(&prefix, ""))
                    .collect();
                let notes = diagnostics
                    .iter()
                    .flat_map(|diagnostic| diagnostic.notes.iter().cloned())
                    .collect();
                let rendered = sources.render(&diagnostics).replace(&prefix, "");
                (lines, notes, rendered)
            }
        }
    }
}

fn shipped_spec() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../spec")
}

fn generate_into(spec: &Path, out: &Path) -> Result<Generated, Failure> {
    let options = Options {
        spec_dir: spec.to_owned(),
        out_dir: out.to_owned(),
        config: None,
        mode: WriteMode::Write,
        deny_warnings: false,
    };
    generate(&options)
}

/// Every file under `dir`, by its path relative to `dir`.
fn files_under(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut files = BTreeMap::new();
    let mut folders = vec![dir.to_owned()];
    while let Some(folder) = folders.pop() {
        for entry in fs::read_dir(&folder).expect("list a folder") {
            let path = entry.expect("a folder entry").path();
            if path.is_dir() {
                folders.push(path);
            } else {
                let name = path.strip_prefix(dir).unwrap().display().to_string();
                files.insert(name, fs::read(&path).expect("read a file"));
            }
        }
    }
    files
}

/// `line:column` (1-based, columns in characters) of the first `needle` in `text`.
fn line_column_of(text: &str, needle: &str) -> String {
    let at = text.find(needle).expect("the needle is in the text");
    let line_start = text[..at].rfind('\n').map_or(0, |newline| newline + 1);
    let line = text[..at].matches('\n').count() + 1;
    let column = text[line_start..at].chars().count() + 1;
    format!("{line}:{column}")
}

#[test]
fn a_byte_order_mark_on_a_page_changes_nothing() {
    let checkout = Checkout::new();
    checkout.edit("AnalyticsSession.md", |page| format!("{BOM}{page}"));
    checkout.assert_generates_the_shipped_crate();
}

/// A regression test: the TOML parser already skipped the mark (its columns were one off: see
/// the test of a problem on the config's first line).
#[test]
fn a_byte_order_mark_on_the_config_changes_nothing() {
    let checkout = Checkout::new();
    checkout.edit("codegen.toml", |config| format!("{BOM}{config}"));
    checkout.assert_generates_the_shipped_crate();
}

#[test]
fn a_byte_order_mark_on_every_file_changes_nothing() {
    let checkout = Checkout::new();
    for name in checkout.names() {
        checkout.edit(&name, |text| format!("{BOM}{text}"));
    }
    checkout.assert_generates_the_shipped_crate();
}

/// A regression test: CRLF line endings already gave the same crate before byte-order marks
/// were handled.
#[test]
fn crlf_line_endings_change_nothing() {
    let checkout = Checkout::new();
    for name in checkout.names() {
        checkout.edit(&name, |text| text.replace('\n', "\r\n"));
    }
    checkout.assert_generates_the_shipped_crate();
}

/// What Windows Notepad's "UTF-8 with BOM" writes.
#[test]
fn crlf_line_endings_and_a_byte_order_mark_change_nothing() {
    let checkout = Checkout::new();
    for name in checkout.names() {
        checkout.edit(&name, |text| format!("{BOM}{}", text.replace('\n', "\r\n")));
    }
    checkout.assert_generates_the_shipped_crate();
}

/// The byte-order mark is not text an editor shows: a problem on a page that starts with one is
/// reported at the line and column the editor shows, exactly as without the mark.
#[test]
fn a_problem_on_a_page_with_a_byte_order_mark_is_located_as_without_it() {
    let typo = |page: String| page.replacen("| **str** |", "| **strng** |", 1);
    let plain = Checkout::new();
    plain.edit("AnalyticsSession.md", typo);
    let marked = Checkout::new();
    marked.edit("AnalyticsSession.md", |page| format!("{BOM}{}", typo(page)));

    let at = line_column_of(&plain.read("AnalyticsSession.md"), "strng");
    let (lines, notes, rendered) = marked.failure();
    assert_eq!(
        lines,
        [format!(
            "AnalyticsSession.md:{at}: error: unknown type `strng` in field `AnalyticsSession.address_from`"
        )]
    );
    assert_eq!(notes, ["did you mean `str`?"]);
    let (plain_lines, _, plain_rendered) = plain.failure();
    assert_eq!(lines, plain_lines);
    assert_eq!(rendered, plain_rendered);
    assert!(!rendered.contains(BOM), "{rendered}");
}

/// On the first line, the column counts from the first character after the mark.
#[test]
fn a_problem_on_the_first_line_of_a_config_with_a_byte_order_mark_is_located_as_without_it() {
    let checkout = Checkout::new();
    checkout.edit("codegen.toml", |config| {
        format!("{BOM}types = {{ strng = \"String\" }}\n{config}")
    });
    let (lines, notes, _) = checkout.failure();
    assert_eq!(
        lines,
        ["codegen.toml:1:11: error: `strng` is not a primitive type"]
    );
    assert_eq!(
        notes,
        [
            "the primitives are string, integer, float, boolean, date, date-time, any, local-date-time, year-month, number"
        ]
    );
}

/// Case-insensitive file systems (and the people on them) write `.MD` and `.Md`. The crate is
/// the shipped one but for the page names in the models' docs.
#[test]
fn an_extension_in_any_case_is_a_page() {
    let renamed = [
        ("AnalyticsFlowOutcome.md", "AnalyticsFlowOutcome.MD"),
        ("AnalyticsFlow.md", "AnalyticsFlow.Md"),
    ];
    let checkout = Checkout::new();
    for (from, to) in renamed {
        checkout.rename(from, to);
    }
    if let Err(difference) = checkout.generates_the_shipped_crate(&renamed) {
        panic!("{difference}");
    }
}

/// A page that is a symbolic link (a docs folder assembled from links into another checkout) is
/// read as the file it points to.
#[cfg(unix)]
#[test]
fn a_page_that_is_a_link_is_read() {
    let checkout = Checkout::new();
    let elsewhere = checkout.dir.path().join("AnalyticsFlow.md");
    fs::rename(checkout.spec().join("AnalyticsFlow.md"), &elsewhere).expect("move a page");
    std::os::unix::fs::symlink(&elsewhere, checkout.spec().join("AnalyticsFlow.md"))
        .expect("link the page");
    if let Err(difference) = checkout.generates_the_shipped_crate(&[]) {
        panic!("{difference}");
    }
}

/// Files that editors and operating systems leave beside the pages: never pages, never warned
/// about. Each is checked on its own, and the failures are listed together.
#[test]
fn editor_and_os_leftovers_are_skipped_silently() {
    let page = fs::read(shipped_spec().join("AnalyticsSession.md")).expect("read the page");
    let apple_double = b"\x00\x05\x16\x07\x00\x02\x00\x00Mac OS X        \x00\x02\x00\x00\x00\x09\
                         \x00\x00\x00\x32\x00\x00\x0e\xb0\x00\x00\x00\x02"
        .to_vec();
    let vim_swap = b"b0VIM 9.1\x00\x00\x00\x00\x10\x00\x00user\x00host\x00".to_vec();
    let leftovers: [(&str, Vec<u8>); 8] = [
        // Emacs: a lock file (a regular file where symbolic links are not available) and an
        // auto-save file.
        (
            ".#AnalyticsSession.md",
            b"user@host.4242:1700000000".to_vec(),
        ),
        ("#AnalyticsSession.md#", page.clone()),
        // Emacs, vim, gedit: the backup of the previous version.
        ("AnalyticsSession.md~", page.clone()),
        // vim: the swap file.
        (".AnalyticsSession.md.swp", vim_swap),
        // macOS: a resource fork on a file system without them, and the Finder's folder state.
        ("._AnalyticsSession.md", apple_double),
        (
            ".DS_Store",
            b"\x00\x00\x00\x01Bud1\x00\x00\x10\x00".to_vec(),
        ),
        // Windows Explorer.
        ("Thumbs.db", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1".to_vec()),
        ("desktop.ini", b"[.ShellClassInfo]\r\n".to_vec()),
    ];
    let failures: Vec<String> = leftovers
        .into_iter()
        .filter_map(|(name, contents)| {
            let checkout = Checkout::new();
            checkout.write(name, contents);
            let difference = checkout.generates_the_shipped_crate(&[]).err()?;
            Some(format!("{name}: {difference}"))
        })
        .collect();
    assert!(
        failures.is_empty(),
        "leftovers read as pages or warned about:\n{}",
        failures.join("\n")
    );
}

/// A page saved under another name is not read; when a model is then missing, the error says
/// which file would have defined it and why it was not read.
#[test]
fn a_missing_model_whose_page_is_in_the_folder_under_another_name() {
    let cases = [
        (
            "AnalyticsFlowOutcome.markdown",
            "`AnalyticsFlowOutcome.markdown` is in the spec folder but is not read: pages are files named `*.md`",
        ),
        (
            "AnalyticsFlowOutcome.txt",
            "`AnalyticsFlowOutcome.txt` is in the spec folder but is not read: pages are files named `*.md`",
        ),
        (
            "AnalyticsFlowOutcome",
            "`AnalyticsFlowOutcome` is in the spec folder but is not read: pages are files named `*.md`",
        ),
        (
            "analyticsflowoutcome.md.txt",
            "`analyticsflowoutcome.md.txt` is in the spec folder but is not read: pages are files named `*.md`",
        ),
        (
            ".AnalyticsFlowOutcome.md",
            "`.AnalyticsFlowOutcome.md` is in the spec folder but is not read: hidden files (names starting with `.`) are not pages",
        ),
    ];
    let flow = fs::read_to_string(shipped_spec().join("AnalyticsFlow.md")).expect("read a page");
    let at = line_column_of(&flow, "AnalyticsFlowOutcome");
    for (name, note) in cases {
        let checkout = Checkout::new();
        checkout.rename("AnalyticsFlowOutcome.md", name);
        let (lines, notes, _) = checkout.failure();
        assert_eq!(
            lines,
            [format!(
                "AnalyticsFlow.md:{at}: error: unknown type `AnalyticsFlowOutcome` in field `AnalyticsFlow.outcomes`"
            )],
            "{name}"
        );
        assert_eq!(notes, [note], "{name}");
    }
}

/// A regression test: without a file of that name, the suggestion stays what it was; an editor's
/// backup of the missing page is a leftover, not a page under another name.
#[test]
fn a_missing_model_without_such_a_file_keeps_the_suggestion() {
    for leftover in [None, Some("AnalyticsFlowOutcome.md~"), Some("notes.txt")] {
        let checkout = Checkout::new();
        match leftover {
            Some(name) => checkout.rename("AnalyticsFlowOutcome.md", name),
            None => {
                fs::remove_file(checkout.spec().join("AnalyticsFlowOutcome.md"))
                    .expect("remove a page");
                &checkout
            }
        };
        let (lines, notes, _) = checkout.failure();
        assert_eq!(lines.len(), 1, "{leftover:?}: {lines:?}");
        assert_eq!(notes, ["did you mean `AnalyticsFlow`?"], "{leftover:?}");
    }
}

/// The same note when an operation names the model.
#[test]
fn a_missing_model_an_operation_names_whose_page_is_in_the_folder_under_another_name() {
    let checkout = Checkout::new();
    let operations = "# AnalyticsApi\n\n## PureCloudPlatformClientV2.AnalyticsApi\n\n## get_outcome\n\n\
         Wraps GET /api/v2/analytics/outcome\n\n\
         ### Parameters\n\nThis endpoint does not need any parameters.\n\n\
         ### Return type\n\n[**AnalyticsFlowOutcome**](AnalyticsFlowOutcome)\n";
    checkout
        .write("AnalyticsApi.md", operations)
        .rename("AnalyticsFlowOutcome.md", "AnalyticsFlowOutcome.txt");
    let (lines, notes, _) = checkout.failure();
    let at = line_column_of(operations, "AnalyticsFlowOutcome**]");
    assert_eq!(
        lines.last().map(String::as_str),
        Some(
            format!(
                "AnalyticsApi.md:{at}: error: unknown model `AnalyticsFlowOutcome` in an operation of `AnalyticsApi`"
            )
            .as_str()
        ),
        "{lines:?}"
    );
    let note = "`AnalyticsFlowOutcome.txt` is in the spec folder but is not read: pages are files named `*.md`";
    assert_eq!(notes, [note, note]);
}

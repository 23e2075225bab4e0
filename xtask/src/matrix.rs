//! `cargo xtask matrix`: every cell of the template matrix (`tests/matrix/cells.toml`: docs
//! openapi-generator wrote from a spec of `tests/specs/`, one folder per template@version)
//! checked against its spec.
//!
//! Per cell: the docs are loaded in-process (a cell that does not generate is reported with
//! its diagnostics, and the run goes on); the type model is compared with the spec
//! ([`crate::oracle`]), and what the pages cannot show is told from real failures
//! ([`crate::showable`]). Then all cells compile at once, as modules of one crate under
//! `target/matrix` with warnings denied (cells whose docs are byte-identical share a module),
//! and one checker round-trips the spec's documents and the type models' own
//! ([`crate::synth`]) through every model of every cell.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Context, Result, bail};
use clap::Args;
use markdown_model_codegen::diagnostic::Sources;
use markdown_model_codegen::parse::{Dialect, PageOutcome, parse_page, shows_no_property};
use markdown_model_codegen::{Failure, Options, Stats, TypeModel, WriteMode, generate};
use quote::{format_ident, quote};

use crate::checker::{self, cargo_with_stderr, run_lines, seconds, write_if_changed};
use crate::corpora::{in_ci, project_root};
use crate::equality::Types;
use crate::matrix_record::{self, Shortfall};
use crate::matrix_sources::{CellRef, typescript_section};
use crate::operations_oracle::{
    OperationComparison, compare_operations, is_unlisted_cookie, is_unwritten_form_body,
};
use crate::oracle::{Comparison, Oracle};
use crate::showable::{Item, Kind, Listed};
use crate::synth;

/// Options of `cargo xtask matrix`.
#[derive(Args)]
pub struct MatrixArgs {
    /// The matrix: `cells.toml` and `docs/<cell>/` [default: tests/matrix].
    #[arg(long)]
    root: Option<PathBuf>,
    /// The specs the cells name [default: tests/specs].
    #[arg(long)]
    specs: Option<PathBuf>,
    /// Also print every cell's list of what its pages cannot show (always in
    /// target/matrix/report.md).
    #[arg(long)]
    verbose: bool,
    /// Check only the cells whose name matches one of these patterns (`*` any run of
    /// characters, `?` one: `go@*`, `csharp*@7.26.0`); repeat the option or separate patterns
    /// with commas [default: every cell].
    #[arg(long, value_delimiter = ',')]
    cells: Vec<String>,
    /// Write the checked cells' state into `record.toml` beside `cells.toml` instead of
    /// comparing with it (after a change that makes cells better).
    #[arg(long)]
    bless: bool,
}

/// Whether `name` matches the glob `pattern`: `*` is any run of characters, `?` any one, every
/// other character itself.
fn glob_matches(pattern: &str, name: &str) -> bool {
    let (pattern, name): (Vec<char>, Vec<char>) =
        (pattern.chars().collect(), name.chars().collect());
    // After the last `*`: where it stood in the pattern, and where its match ends in the name.
    let mut star: Option<(usize, usize)> = None;
    let (mut p, mut n) = (0, 0);
    while n < name.len() {
        match pattern.get(p) {
            Some('*') => {
                star = Some((p, n));
                p += 1;
            }
            Some(&c) if c == '?' || c == name[n] => {
                p += 1;
                n += 1;
            }
            _ => match star {
                Some((star_p, star_n)) => {
                    p = star_p + 1;
                    n = star_n + 1;
                    star = Some((star_p, star_n + 1));
                }
                None => return false,
            },
        }
    }
    pattern[p..].iter().all(|&c| c == '*')
}

/// The cells of `cells` that `patterns` select (all of them when there is no pattern); a
/// pattern that selects no cell is an error, as a typo would otherwise check nothing.
fn select_cells(cells: Vec<Cell>, patterns: &[String]) -> Result<Vec<Cell>> {
    if patterns.is_empty() {
        return Ok(cells);
    }
    if let Some(unmatched) = patterns
        .iter()
        .find(|pattern| !cells.iter().any(|cell| glob_matches(pattern, &cell.name)))
    {
        bail!("--cells {unmatched}: no cell of the matrix matches");
    }
    Ok(cells
        .into_iter()
        .filter(|cell| {
            patterns
                .iter()
                .any(|pattern| glob_matches(pattern, &cell.name))
        })
        .collect())
}

/// One cell of `cells.toml`.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Cell {
    /// `template@version` (with a library, as the file names it): also its docs folder's name.
    name: String,
    /// The spec's file name under the specs folder.
    spec: String,
}

/// Reads `cells.toml`: `[[cell]]` tables with `name` and `spec` (the other keys, `template`,
/// `version`, `library`, `additional_properties`, say how the docs were generated).
fn read_cells(path: &Path) -> Result<Vec<Cell>> {
    let text = fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let table: toml::Table = text
        .parse()
        .with_context(|| format!("parsing {}", path.display()))?;
    let Some(cells) = table.get("cell").and_then(toml::Value::as_array) else {
        bail!("{}: no [[cell]] entries", path.display());
    };
    cells
        .iter()
        .enumerate()
        .map(|(index, cell)| {
            let text = |key: &str| {
                cell.get(key)
                    .and_then(toml::Value::as_str)
                    .map(str::to_owned)
                    .with_context(|| format!("{}: cell {}: no `{key}`", path.display(), index + 1))
            };
            Ok(Cell {
                name: text("name")?,
                spec: text("spec")?,
            })
        })
        .collect()
}

/// The folder of a cell's model pages: its docs folder when that holds Markdown pages, else
/// its subfolder of models (`Models`, `models`, `model`: the layout of some templates).
fn pages_folder(docs: &Path) -> PathBuf {
    let has_pages = |folder: &Path| {
        fs::read_dir(folder).is_ok_and(|entries| {
            entries
                .filter_map(Result::ok)
                .any(|entry| entry.path().extension().is_some_and(|ext| ext == "md"))
        })
    };
    if has_pages(docs) {
        return docs.to_owned();
    }
    ["Models", "models", "model", "Model"]
        .iter()
        .map(|name| docs.join(name))
        .find(|folder| has_pages(folder))
        .unwrap_or_else(|| docs.to_owned())
}

/// The names of a folder's pages (its `.md` files' names without the extension, a name the
/// `dialect` spells its own way given back the API's: [`Dialect::model_name`], Objective-C's
/// `OAIPet` is `Pet`), and those of the model pages among them that show no property
/// ([`shows_no_property`]) and no enum value, read as any JSON value.
fn page_names(folder: &Path, dialect: Dialect) -> (BTreeSet<String>, BTreeSet<String>) {
    let (mut pages, mut empty) = (BTreeSet::new(), BTreeSet::new());
    let mut sources = Sources::default();
    let entries = fs::read_dir(folder)
        .into_iter()
        .flatten()
        .filter_map(Result::ok);
    for path in entries.map(|entry| entry.path()) {
        let Some(stem) = path.file_stem().and_then(|stem| stem.to_str()) else {
            continue;
        };
        if path.extension().is_none_or(|ext| ext != "md") {
            continue;
        }
        let name = dialect.model_name(stem).unwrap_or_else(|| stem.to_owned());
        pages.insert(name.clone());
        let Ok(text) = fs::read_to_string(&path) else {
            continue;
        };
        let file = sources.add(path.clone(), text.clone());
        if let PageOutcome::Model(page) = parse_page(file, &text, &mut Vec::new())
            && shows_no_property(&page, dialect)
            && page
                .enum_values
                .is_none_or(|listed| listed.values.is_empty())
        {
            empty.insert(name);
        }
    }
    (pages, empty)
}

/// Every file of a docs folder (its path in the folder) with its contents, sorted by path: two
/// cells with the same listing have byte-identical docs.
type Listing = Vec<(PathBuf, Vec<u8>)>;

/// The [`Listing`] of `folder`.
fn listing(folder: &Path) -> Result<Listing> {
    let mut files = Vec::new();
    let mut pending = vec![folder.to_owned()];
    while let Some(dir) = pending.pop() {
        for entry in fs::read_dir(&dir).with_context(|| format!("reading {}", dir.display()))? {
            let path = entry?.path();
            if path.is_dir() {
                pending.push(path);
            } else {
                let relative = path.strip_prefix(folder).unwrap_or(&path).to_owned();
                files.push((relative, fs::read(&path)?));
            }
        }
    }
    files.sort();
    Ok(files)
}

/// A Rust module name for a cell (`python@7.26.0` is `cell_python_7_26_0`).
fn module_name(cell: &str) -> String {
    let name = cell
        .to_ascii_lowercase()
        .replace(|c: char| !c.is_ascii_alphanumeric(), "_");
    format!("cell_{name}")
}

/// The docs shared by one or more byte-identical cells, and what became of them.
struct Unit {
    /// The cells, in file order.
    cells: Vec<String>,
    /// The module of the combined crate.
    module: String,
    spec: String,
    outcome: UnitOutcome,
}

enum UnitOutcome {
    /// Did not generate: the number of errors and the first messages.
    NotGenerated { errors: usize, first: Vec<String> },
    /// Generated.
    Generated(Box<Checked>),
}

/// A generated unit: its model, its comparison with the spec and the documents to round-trip.
struct Checked {
    stats: Stats,
    model: TypeModel,
    comparison: Comparison,
    /// The operations against the spec's (none compared when the dialect reads no operation
    /// pages).
    operations: OperationComparison,
    listed: Listed,
    /// The type model's own documents, then the spec's.
    documents: Vec<synth::Document>,
    from_spec: usize,
}

/// Round trips of one unit: passed, excused (every difference on a listed field), failed.
#[derive(Default)]
struct Trips {
    passed: usize,
    /// The excused trips' differences.
    excused: Vec<String>,
    failed: Vec<String>,
}

/// Runs the task.
pub fn run(args: &MatrixArgs) -> Result<ExitCode> {
    let root = args
        .root
        .clone()
        .unwrap_or_else(|| project_root().join("tests/matrix"));
    let specs = args
        .specs
        .clone()
        .unwrap_or_else(|| project_root().join("tests/specs"));
    let cells_file = root.join("cells.toml");
    if !cells_file.is_file() {
        println!("matrix: SKIPPED: {} is absent", cells_file.display());
        return Ok(ExitCode::SUCCESS);
    }
    let work = project_root().join("target/matrix");
    let started = Instant::now();
    let cells = select_cells(read_cells(&cells_file)?, &args.cells)?;
    let units = load_units(&cells, &root, &specs, &work, in_ci())?;
    let generate_time = started.elapsed();
    // A filtered run leaves the other cells' crates for the next full run.
    if args.cells.is_empty() {
        remove_stale_cells(&work.join("cells"), &units)?;
    }

    let started = Instant::now();
    let generated: Vec<(&Unit, &Checked)> = units
        .iter()
        .filter_map(|unit| match &unit.outcome {
            UnitOutcome::Generated(checked) => Some((unit, checked.as_ref())),
            UnitOutcome::NotGenerated { .. } => None,
        })
        .collect();
    let combined = work.join("combined");
    let target_dir = work.join("target");
    let compiling = build(&combined, &work, &target_dir, &generated)?;
    let build_time = started.elapsed();

    let started = Instant::now();
    let trips = if compiling.is_empty() {
        BTreeMap::new()
    } else {
        round_trips(&combined, &target_dir, &compiling)?
    };
    let run_time = started.elapsed();
    let compiled: Vec<&str> = compiling
        .iter()
        .map(|(unit, _)| unit.module.as_str())
        .collect();
    let (shortfalls, mut report) = report(&units, &compiled, &trips, args.verbose)?;
    let every_cell = read_cells(&cells_file)?;
    report.push_str(&typescript_section(
        &cell_refs(&cells),
        &cell_refs(&every_cell),
        &root,
        &specs,
        &work,
        pages_folder,
    )?);
    fs::create_dir_all(&work)?;
    let report_path = work.join("report.md");
    fs::write(&report_path, report)
        .with_context(|| format!("writing {}", report_path.display()))?;
    println!(
        "matrix: {} cell(s), {} module(s); compile: {}; generate {}, build {}, run {}; report: {}",
        units.iter().map(|unit| unit.cells.len()).sum::<usize>(),
        generated.len(),
        if compiled.len() == generated.len() {
            "ok, 0 warnings".to_owned()
        } else {
            format!(
                "{} of {} module(s) FAILED",
                generated.len() - compiled.len(),
                generated.len()
            )
        },
        seconds(generate_time),
        seconds(build_time),
        seconds(run_time),
        report_path.display()
    );
    compare_with_record(&root.join("record.toml"), &shortfalls, args.bless)
}

/// The cells' names and specs, for [`typescript_section`].
fn cell_refs(cells: &[Cell]) -> Vec<CellRef<'_>> {
    (cells.iter())
        .map(|cell| CellRef {
            name: &cell.name,
            spec: &cell.spec,
        })
        .collect()
}

/// Compares each checked cell's shortfall with the record (or, with `bless`, writes it there):
/// any difference fails the run, naming the cells.
fn compare_with_record(
    path: &Path,
    shortfalls: &BTreeMap<String, Shortfall>,
    bless: bool,
) -> Result<ExitCode> {
    let mut record = matrix_record::read(path)?;
    if bless {
        record.extend(shortfalls.iter().map(|(cell, &now)| (cell.clone(), now)));
        fs::write(path, matrix_record::text(&record))
            .with_context(|| format!("writing {}", path.display()))?;
        println!("matrix: {} written", path.display());
        return Ok(ExitCode::SUCCESS);
    }
    let differences = matrix_record::differences(&record, shortfalls);
    for (cell, recorded, now) in &differences {
        let how = if now > recorded { "worse" } else { "better" };
        println!("matrix: {cell}: {now}, recorded {recorded} ({how})");
    }
    if differences.is_empty() {
        println!(
            "matrix: every cell as recorded in {} ({} not passing yet)",
            path.display(),
            shortfalls
                .values()
                .filter(|now| **now != Shortfall::Passes)
                .count()
        );
        Ok(ExitCode::SUCCESS)
    } else {
        println!(
            "matrix: {} cell(s) differ from {}: fix what got worse; when cells got better, \
             record them with `cargo xtask matrix --bless`",
            differences.len(),
            path.display()
        );
        Ok(ExitCode::FAILURE)
    }
}

/// Reads every cell's docs, groups byte-identical ones, and generates and compares each group.
/// A missing docs folder is skipped, or with `ci` an error.
fn load_units(
    cells: &[Cell],
    root: &Path,
    specs: &Path,
    work: &Path,
    ci: bool,
) -> Result<Vec<Unit>> {
    let mut units: Vec<Unit> = Vec::new();
    // By spec and docs listing: the unit that has them.
    let mut by_listing: BTreeMap<(String, Listing), usize> = BTreeMap::new();
    let mut missing = Vec::new();
    for cell in cells {
        let docs = root.join("docs").join(&cell.name);
        if !docs.is_dir() {
            missing.push(docs.display().to_string());
            continue;
        }
        let key = (cell.spec.clone(), listing(&docs)?);
        if let Some(&index) = by_listing.get(&key) {
            units[index].cells.push(cell.name.clone());
            continue;
        }
        by_listing.insert(key, units.len());
        let module = module_name(&cell.name);
        if units.iter().any(|unit| unit.module == module) {
            bail!(
                "cells {} and another have the same module name {module}",
                cell.name
            );
        }
        let outcome = load_unit(
            &docs,
            &specs.join(&cell.spec),
            &work.join("cells").join(&module),
        )
        .with_context(|| cell.name.clone())?;
        units.push(Unit {
            cells: vec![cell.name.clone()],
            module,
            spec: cell.spec.clone(),
            outcome,
        });
    }
    if !missing.is_empty() {
        if ci {
            bail!(
                "{} absent (CI is set: every cell's docs must be there)",
                missing.join(", ")
            );
        }
        println!("matrix: SKIPPED (absent): {}", missing.join(", "));
    }
    Ok(units)
}

/// Removes the generated crates of cells no longer in the matrix.
fn remove_stale_cells(cells: &Path, units: &[Unit]) -> Result<()> {
    let Ok(entries) = fs::read_dir(cells) else {
        return Ok(());
    };
    for entry in entries {
        let path = entry?.path();
        let current = path
            .file_name()
            .is_some_and(|name| units.iter().any(|unit| *name == *unit.module));
        if !current && path.is_dir() {
            fs::remove_dir_all(&path).with_context(|| format!("removing {}", path.display()))?;
        }
    }
    Ok(())
}

/// Generates one docs folder's crate into `out` and compares its type model with `spec`.
fn load_unit(docs: &Path, spec: &Path, out: &Path) -> Result<UnitOutcome> {
    let config = docs.join("codegen.toml");
    let options = Options {
        spec_dir: docs.to_owned(),
        out_dir: out.to_owned(),
        config: config.is_file().then_some(config),
        mode: WriteMode::Write,
        deny_warnings: false,
    };
    let generated = match generate(&options) {
        Ok(generated) => generated,
        Err(Failure::Input {
            diagnostics,
            sources,
        }) => {
            let errors: Vec<_> = diagnostics.iter().filter(|d| d.is_error()).collect();
            return Ok(UnitOutcome::NotGenerated {
                errors: errors.len(),
                first: errors
                    .iter()
                    .take(3)
                    .map(|diagnostic| sources.summarize(diagnostic))
                    .collect(),
            });
        }
        Err(Failure::Io(error)) => return Err(error).context("writing the generated crate"),
    };
    let text = fs::read_to_string(spec).with_context(|| format!("reading {}", spec.display()))?;
    let document: serde_json::Value =
        serde_json::from_str(&text).with_context(|| format!("parsing {}", spec.display()))?;
    let oracle = Oracle::from_document(document.clone())?;
    let model = generated.model;
    let mut comparison = oracle.compare(&model);
    let (pages, empty_pages) = page_names(&pages_folder(docs), generated.stats.dialect);
    oracle.account_for_pages(&mut comparison, &pages, &empty_pages);
    let mut listed = Listed::classify(
        generated.stats.dialect,
        &comparison,
        &oracle.union_models(&model),
    );
    let operations = if generated.stats.dialect.spec().reads_operations {
        compare_operations(&document, &oracle, &model)
    } else {
        OperationComparison::default()
    };
    listed
        .items
        .extend(operations.unshown.iter().map(|what| Item {
            model: what.split(':').next().unwrap_or_default().to_owned(),
            kind: if is_unlisted_cookie(what) {
                Kind::UnlistedCookie
            } else if is_unwritten_form_body(what) {
                Kind::UnwrittenFormBody
            } else {
                Kind::ParameterPlace
            },
            what: what.clone(),
        }));
    let mut documents = synth::documents(&model)?;
    let own = documents.len();
    for (position, item) in model.models.iter().enumerate() {
        // Then, when both say some of its properties may be `null`, once with them `null`.
        let nulls = comparison.nullable_agreed.get(&item.name);
        let with_nulls =
            nulls.and_then(|nulls| oracle.document_with_nulls(&item.name, position + 1, nulls));
        for mut document in oracle
            .document(&item.name, position)
            .into_iter()
            .chain(with_nulls)
        {
            listed.respell(&model, &item.name, &mut document);
            listed.leave_out_unreadable(&item.name, &mut document);
            documents.push(synth::outside_document(item, document));
        }
    }
    Ok(UnitOutcome::Generated(Box::new(Checked {
        stats: generated.stats,
        from_spec: documents.len() - own,
        model,
        comparison,
        operations,
        listed,
        documents,
    })))
}

/// Writes the combined crate: a library with each unit's generated `lib.rs` as a module, its
/// dependencies and features the union of theirs (every feature on but `client`), and the
/// round-trip checker as its binary.
fn write_combined(dir: &Path, work: &Path, units: &[(&Unit, &Checked)]) -> Result<()> {
    fs::create_dir_all(dir.join("src"))?;
    let mut dependencies = toml::Table::new();
    let mut features = toml::Table::new();
    for (unit, _) in units {
        let manifest_path = work.join("cells").join(&unit.module).join("Cargo.toml");
        let manifest: toml::Table = fs::read_to_string(&manifest_path)
            .with_context(|| format!("reading {}", manifest_path.display()))?
            .parse()?;
        for (key, target) in [
            ("dependencies", &mut dependencies),
            ("features", &mut features),
        ] {
            if let Some(entries) = manifest.get(key).and_then(toml::Value::as_table) {
                for (name, value) in entries {
                    target.entry(name.clone()).or_insert_with(|| value.clone());
                }
            }
        }
    }
    features.remove("default");
    let default: Vec<toml::Value> = features
        .keys()
        .filter(|name| name.as_str() != "client")
        .map(|name| toml::Value::String(name.clone()))
        .collect();
    features.insert("default".to_owned(), toml::Value::Array(default));
    for (name, version) in [("serde", "1"), ("serde_json", "1")] {
        dependencies
            .entry(name.to_owned())
            .or_insert_with(|| toml::Value::String(version.to_owned()));
    }
    let mut manifest = toml::Table::new();
    manifest.insert(
        "package".to_owned(),
        toml::Value::Table(toml::toml! {
            name = "matrix-cells"
            version = "0.0.0"
            edition = "2024"
            publish = false
        }),
    );
    manifest.insert("dependencies".to_owned(), toml::Value::Table(dependencies));
    manifest.insert("features".to_owned(), toml::Value::Table(features));
    manifest.insert(
        "workspace".to_owned(),
        toml::Value::Table(toml::Table::new()),
    );
    write_if_changed(&dir.join("Cargo.toml"), &manifest.to_string())?;

    let mut lib = String::from("//! Every generated cell of the matrix, as a module.\n\n");
    for (unit, _) in units {
        let path = work.join("cells").join(&unit.module).join("src/lib.rs");
        let path = std::path::absolute(&path)?;
        writeln!(
            lib,
            "#[rustfmt::skip]\n#[path = {:?}]\npub mod {};",
            path.display().to_string(),
            unit.module
        )?;
    }
    write_if_changed(&dir.join("src/lib.rs"), &lib)?;

    let arms = units.iter().flat_map(|(unit, checked)| {
        let module = format_ident!("{}", unit.module);
        checked.model.models.iter().map(move |item| {
            let ty = format_ident!("{}", item.rust_name.trim_start_matches("r#"));
            (
                format!("{}/{}", unit.module, item.name),
                quote!(matrix_cells::#module::#ty),
            )
        })
    });
    write_if_changed(&dir.join("src/main.rs"), &checker::round_trip_source(arms)?)?;
    let entries = units.iter().flat_map(|(unit, checked)| {
        checked
            .documents
            .iter()
            .map(move |document| (unit.module.as_str(), document))
    });
    let keyed: Vec<(String, &synth::Document)> = entries
        .map(|(module, document)| (format!("{module}/{}", document.model), document))
        .collect();
    let file = checker::documents_file(
        keyed
            .iter()
            .map(|(key, document)| (key.as_str(), *document)),
    );
    write_if_changed(&dir.join("documents.jsonl"), &file)
}

/// Builds the combined crate of `units` with warnings denied; the units it holds once built.
/// When it does not build, the units whose files the compiler's messages name are left out and
/// it is built again; when that fails too, it is built with each unit alone to find the ones
/// that do, and again with those.
fn build<'a>(
    combined: &Path,
    work: &Path,
    target_dir: &Path,
    units: &[(&'a Unit, &'a Checked)],
) -> Result<Vec<(&'a Unit, &'a Checked)>> {
    let build_combined = |units: &[(&Unit, &Checked)]| -> Result<(bool, String)> {
        write_combined(combined, work, units)?;
        if units.is_empty() {
            return Ok((true, String::new()));
        }
        let warnings_denied = [("RUSTFLAGS", "-D warnings")];
        cargo_with_stderr(
            &["build", "--quiet"],
            combined,
            target_dir,
            &warnings_denied,
        )
    };
    let (built, messages) = build_combined(units)?;
    if built {
        return Ok(units.to_vec());
    }
    // The compiler names each file as `cells/<module>/src/...`.
    let named = |unit: &Unit| messages.contains(&format!("cells/{}/", unit.module));
    let others: Vec<_> = units
        .iter()
        .copied()
        .filter(|(unit, _)| !named(unit))
        .collect();
    if others.len() < units.len() && build_combined(&others)?.0 {
        return Ok(others);
    }
    let mut compiling = Vec::new();
    for unit in units {
        if build_combined(std::slice::from_ref(unit))?.0 {
            compiling.push(*unit);
        }
    }
    Ok(if build_combined(&compiling)?.0 {
        compiling
    } else {
        Vec::new()
    })
}

/// Runs the checker on every unit's documents; each unit's round trips, by module.
fn round_trips(
    combined: &Path,
    target_dir: &Path,
    units: &[(&Unit, &Checked)],
) -> Result<BTreeMap<String, Trips>> {
    let total = units
        .iter()
        .map(|(_, checked)| checked.documents.len())
        .sum();
    let lines = run_lines(
        "matrix",
        &target_dir.join("debug/matrix-cells"),
        &combined.join("documents.jsonl"),
        total,
    )?;
    let mut lines = lines.iter();
    let mut trips = BTreeMap::new();
    for (unit, checked) in units {
        let types = Types::new(&checked.model);
        let mut tally = Trips::default();
        for (index, document) in checked.documents.iter().enumerate() {
            let line = lines.next().context("the checker answered too few lines")?;
            let answer = checker::answer(&types, &document.model, &document.document, line)?;
            let Err(error) = answer.verdict else {
                tally.passed += 1;
                continue;
            };
            // Only the spec's documents can differ on what the page cannot show.
            let from_spec = index >= checked.documents.len() - checked.from_spec;
            let excused = from_spec
                && checked.listed.excuses(
                    &checked.model,
                    &document.model,
                    &document.document,
                    answer.back.as_ref(),
                    &error,
                    |sent, back| types.compare(&document.model, sent, back),
                );
            let origin = if from_spec { " (spec document)" } else { "" };
            let difference = format!("{}{origin}: {error}", document.model);
            if excused {
                tally.excused.push(difference);
            } else {
                tally.failed.push(difference);
            }
        }
        trips.insert(unit.module.clone(), tally);
    }
    Ok(trips)
}

/// One line per cell, the summary table and the report; whether every cell passed.
fn report(
    units: &[Unit],
    compiled: &[&str],
    trips: &BTreeMap<String, Trips>,
    verbose: bool,
) -> Result<(BTreeMap<String, Shortfall>, String)> {
    let mut shortfalls = BTreeMap::new();
    let mut table = String::from(
        "| cell | pages | models | fields | exact JSON names | enums typed | round trips | \
         operations | not showable | result |\n\
         | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n",
    );
    let mut details = String::new();
    for unit in units {
        let (row, detail, shortfall) = unit_row(
            unit,
            compiled.contains(&unit.module.as_str()),
            trips.get(&unit.module),
        );
        let passed = shortfall == Shortfall::Passes;
        for cell in &unit.cells {
            writeln!(table, "| {cell} | {row} |")?;
            shortfalls.insert(cell.clone(), shortfall);
        }
        writeln!(details, "\n## {}\n\n{detail}", unit.cells.join(", "))?;
        if verbose || !passed {
            eprint!("{detail}");
        }
    }
    println!("{table}");
    Ok((
        shortfalls,
        format!(
            "# Template matrix\n\n{table}\ncell: template@version; models and fields: compared of \
             the spec's; exact JSON names: of the fields compared; enums typed: of the spec's \
             enumerated properties; round trips: passed of the documents (excused: every \
             difference on a listed item); operations: as the spec says (method, path, every \
             parameter's name and place, the body and its media type, the return type) of the \
             spec's; not showable: the items listed, by kind, below.\n\
             {details}"
        ),
    ))
}

/// A unit's table cells (from `pages` to `result`), its details, and how far it falls short.
fn unit_row(unit: &Unit, compiled: bool, trips: Option<&Trips>) -> (String, String, Shortfall) {
    let checked = match &unit.outcome {
        UnitOutcome::NotGenerated { errors, first } => {
            let detail: String = first.iter().map(|line| format!("- {line}\n")).collect();
            let row = format!(
                "- | - | - | - | - | - | - | - | FAILED: does not generate, {errors} error(s): {}",
                first.join("; ")
            );
            return (row, detail, Shortfall::Errors(*errors));
        }
        UnitOutcome::Generated(checked) => checked,
    };
    let comparison = &checked.comparison;
    let listed = &checked.listed;
    let default = Trips::default();
    let trips = trips.unwrap_or(&default);
    let total = checked.documents.len();
    let mut failures = listed.failures.clone();
    failures.extend(trips.failed.iter().cloned());
    let operations = &checked.operations;
    failures
        .extend((operations.mismatches.iter()).map(|mismatch| format!("operation: {mismatch}")));
    failures.extend(
        (operations.left_out.iter())
            .map(|operation| format!("operation not generated: {operation}")),
    );
    if !compiled {
        failures.push("its generated crate does not compile with warnings denied".to_owned());
    }
    let passed = failures.is_empty() && trips.passed + trips.excused.len() == total;
    let result = if passed {
        "ok".to_owned()
    } else {
        format!("FAILED ({})", failures.len().max(1))
    };
    let row = format!(
        "{} | {}/{} | {}/{} | {}/{} | {}/{} | {}/{total}{} | {} | {} | {result}",
        checked.stats.pages,
        comparison.models_compared,
        comparison.oracle_models,
        comparison.fields_compared,
        comparison.oracle_fields,
        comparison.exact_json_names,
        comparison.fields_compared,
        comparison.enums_typed,
        comparison.oracle_enums,
        trips.passed,
        if !trips.excused.is_empty() {
            format!(" (+{} excused)", trips.excused.len())
        } else {
            String::new()
        },
        if checked.stats.dialect.spec().reads_operations {
            format!(
                "{}/{}",
                operations.matching,
                operations.compared + operations.left_out.len()
            )
        } else {
            "pages not read".to_owned()
        },
        listed.items.len(),
    );
    let mut detail = format!(
        "spec `{}`; {}; {}\n",
        unit.spec,
        comparison.to_string().lines().next().unwrap_or_default(),
        operations.to_string().lines().next().unwrap_or_default()
    );
    for failure in &failures {
        detail.push_str(&format!("- FAILED: {failure}\n"));
    }
    for difference in &trips.excused {
        detail.push_str(&format!(
            "- round trip excused (every difference on a listed item): {difference}\n"
        ));
    }
    if !listed.items.is_empty() {
        detail.push_str(&format!("\nnot showable ({}):\n", listed.items.len()));
    }
    for (kind, items) in listed.by_kind() {
        detail.push_str(&format!("- {} ({}):\n", kind.title(), items.len()));
        for item in items {
            detail.push_str(&format!("  - {}\n", item.what));
        }
    }
    let shortfall = if passed {
        Shortfall::Passes
    } else {
        Shortfall::Failed(failures.len().max(1))
    };
    (row, detail, shortfall)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PET: &str = "# Pet\n\n## Properties\n\nName | Type | Description | Notes\n\
        ------------ | ------------- | ------------- | -------------\n\
        **name** | **str** |  | \n**links** | **Dict[str, str]** |  | [optional] \n";
    const SPEC: &str = r#"{"openapi": "3.0.3", "components": {"schemas": {"Pet": {"type": "object",
        "required": ["name"], "properties": {"name": {"type": "string"},
        "_links": {"type": "object", "additionalProperties": {"type": "string"}}}}}}}"#;

    fn cells(names: &[&str]) -> Vec<Cell> {
        names
            .iter()
            .map(|name| Cell {
                name: (*name).to_owned(),
                spec: "spec.json".to_owned(),
            })
            .collect()
    }

    #[test]
    fn cells_toml_is_read_and_a_cell_without_a_spec_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("cells.toml");
        fs::write(
            &path,
            "[[cell]]\nname = \"go@7.26.0\"\ntemplate = \"go\"\nversion = \"7.26.0\"\n\
             spec = \"torture-3.0.json\"\nadditional_properties = { x = true }\n",
        )
        .unwrap();
        assert_eq!(
            read_cells(&path).unwrap(),
            [Cell {
                name: "go@7.26.0".to_owned(),
                spec: "torture-3.0.json".to_owned()
            }]
        );
        fs::write(&path, "[[cell]]\nname = \"go@7.26.0\"\n").unwrap();
        let error = read_cells(&path).unwrap_err();
        assert!(format!("{error:#}").contains("no `spec`"), "{error:#}");
        assert_eq!(
            module_name("java-okhttp-gson@7.26.0"),
            "cell_java_okhttp_gson_7_26_0"
        );
    }

    #[test]
    fn cells_are_selected_by_glob_patterns() {
        for (pattern, name, matches) in [
            ("go@*", "go@7.26.0", true),
            ("go@*", "go-experimental@4.3.1", false),
            ("go*", "go-experimental@4.3.1", true),
            ("*@7.26.0", "csharp@7.26.0", true),
            ("*@7.26.0", "csharp@7.26.0-oas31", false),
            ("*oas31", "csharp@7.26.0-oas31", true),
            ("csharp*@7.?.1", "csharp-httpclient@7.0.1", true),
            ("csharp*@7.?.1", "csharp-httpclient@7.26.0", false),
            ("python@6.6.0", "python@6.6.0", true),
            ("python@6.6.0", "python@6.6.01", false),
            ("*a*b*", "xaxxbx", true),
            ("*a*b", "xaxxbx", false),
            ("", "", true),
        ] {
            assert_eq!(glob_matches(pattern, name), matches, "{pattern} on {name}");
        }
        let all = cells(&["go@6.6.0", "go@7.0.1", "csharp@7.0.1", "python@6.6.0"]);
        let names = |selected: Vec<Cell>| -> Vec<String> {
            selected.into_iter().map(|cell| cell.name).collect()
        };
        assert_eq!(names(select_cells(all.clone(), &[]).unwrap()).len(), 4);
        assert_eq!(
            names(select_cells(all.clone(), &["go@*".to_owned(), "*@7.0.1".to_owned()]).unwrap()),
            ["go@6.6.0", "go@7.0.1", "csharp@7.0.1"]
        );
        let error = select_cells(all, &["rust@*".to_owned()]).unwrap_err();
        assert!(error.to_string().contains("rust@*"), "{error}");
    }

    #[test]
    fn identical_docs_share_a_unit_and_a_missing_folder_fails_in_ci() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for cell in ["python@1", "python@2", "python@3"] {
            let docs = root.join("docs").join(cell);
            fs::create_dir_all(&docs).unwrap();
            // The third differs by one byte.
            let page = if cell == "python@3" {
                PET.replace("links", "linkz")
            } else {
                PET.to_owned()
            };
            fs::write(docs.join("Pet.md"), page).unwrap();
        }
        fs::write(root.join("spec.json"), SPEC).unwrap();
        let work = root.join("work");
        let units = load_units(
            &cells(&["python@1", "python@2", "python@3"]),
            root,
            root,
            &work,
            true,
        )
        .unwrap();
        let shared: Vec<&[String]> = units.iter().map(|unit| unit.cells.as_slice()).collect();
        assert_eq!(
            shared,
            [
                &["python@1".to_owned(), "python@2".to_owned()][..],
                &["python@3".to_owned()][..]
            ]
        );
        // `links` is `_links`, which the page cannot show: listed; `linkz` is another name: failed.
        let listed = |unit: &Unit| match &unit.outcome {
            UnitOutcome::Generated(checked) => {
                (checked.listed.items.len(), checked.listed.failures.len())
            }
            UnitOutcome::NotGenerated { .. } => panic!("{:?} did not generate", unit.cells),
        };
        assert_eq!(listed(&units[0]), (1, 0));
        assert_eq!(listed(&units[1]), (0, 2));

        let with_missing = cells(&["python@1", "absent@1"]);
        assert_eq!(
            load_units(&with_missing, root, root, &work, false)
                .unwrap()
                .len(),
            1
        );
        let Err(error) = load_units(&with_missing, root, root, &work, true) else {
            panic!("a missing cell folder passed in CI");
        };
        assert!(error.to_string().contains("CI is set"), "{error}");
    }

    #[test]
    fn docs_that_do_not_generate_are_a_unit_with_their_errors() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let docs = root.join("docs/python@1");
        fs::create_dir_all(&docs).unwrap();
        fs::write(
            docs.join("Pet.md"),
            PET.replace("**str**", "**NoSuchType**"),
        )
        .unwrap();
        fs::write(root.join("spec.json"), SPEC).unwrap();
        let units =
            load_units(&cells(&["python@1"]), root, root, &root.join("work"), true).unwrap();
        match &units[0].outcome {
            UnitOutcome::NotGenerated { errors, first } => {
                assert_eq!(*errors, 1);
                assert!(first[0].contains("NoSuchType"), "{first:?}");
            }
            UnitOutcome::Generated(_) => panic!("unknown type generated"),
        }
    }
}

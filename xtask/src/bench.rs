//! `cargo xtask bench`: times the release generator on each corpus, as a whole process, over
//! several runs: with an empty output folder (everything written), again on an unchanged one, and
//! after one page changed.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use clap::Args;
use markdown_model_codegen::{Inputs, Options, WriteMode};

use crate::corpora::{folder_name, project_root, task_folders};

/// Options of `cargo xtask bench`.
#[derive(Args)]
pub struct BenchArgs {
    /// Docs folders to time [default: every folder under ../shared/corpus].
    corpora: Vec<PathBuf>,
    /// Runs of each kind per corpus.
    #[arg(long, default_value_t = 7, value_parser = clap::value_parser!(u16).range(1..))]
    runs: u16,
}

/// Options of the hidden `bench-once`: one in-process run that prints its phase times.
#[derive(Args)]
pub struct BenchOnceArgs {
    spec: PathBuf,
    out: PathBuf,
    /// The parse cache's file, if any.
    #[arg(long)]
    parse_cache: Option<PathBuf>,
}

const PHASES: [&str; 10] = [
    "read",
    "parse",
    "model",
    "keys",
    "emit+format",
    "emit (cpu)",
    "format (cpu)",
    "write",
    "in-process",
    "process",
];

/// The index of the write phase in [`PHASES`].
const WRITE_PHASE: usize = 7;

/// How many times `bench-once` prints: every phase but the whole process's.
const PRINTED_TIMES: usize = PHASES.len() - 1;

/// One run in this process, as `codegen` runs (nothing parsed when the crate is up to date with
/// the docs), then print the phase times in seconds on one line.
pub fn run_once(args: &BenchOnceArgs) -> Result<ExitCode> {
    let options = Options {
        spec_dir: args.spec.clone(),
        out_dir: args.out.clone(),
        config: None,
        mode: WriteMode::Write,
        deny_warnings: false,
    };
    let mut inputs = Inputs::read(&options.spec_dir, None);
    if let Some(path) = &args.parse_cache {
        inputs = inputs.with_page_cache(path.clone());
    }
    let (t, pages, written) = match inputs.up_to_date(&options, false) {
        Some(found) => (found.timings, found.stats.pages, 0),
        None => match inputs.generate(&options) {
            Ok(generated) => (
                generated.timings,
                generated.stats.pages,
                generated.report.written.len(),
            ),
            Err(failure) => bail!("generation failed:\n{}", failure.render()),
        },
    };
    let times = [
        t.read,
        t.parse,
        t.model,
        t.keys,
        t.emit_and_format,
        t.emit_cpu,
        t.format_cpu,
        t.write,
        t.total,
    ];
    let times: Vec<String> = times
        .iter()
        .map(|time| format!("{:.6}", time.as_secs_f64()))
        .collect();
    println!("phases {} pages {pages} written {written}", times.join(" "));
    Ok(ExitCode::SUCCESS)
}

/// Runs the task.
pub fn run(args: &BenchArgs) -> Result<ExitCode> {
    let corpora = task_folders(&args.corpora, false)?;
    let status = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned()))
        .args(["build", "--quiet", "--release", "--package", "xtask"])
        .status()?;
    if !status.success() {
        bail!("building the release generator failed");
    }
    let target_dir = std::env::var_os("CARGO_TARGET_DIR")
        .map_or_else(|| project_root().join("target"), PathBuf::from);
    let binary = target_dir.join("release").join("xtask");
    for folder in &corpora.folders {
        let name = folder_name(folder);
        let root = project_root().join("target/bench").join(&name);
        remove_folder(&root)?;
        let mut cold = Vec::new();
        let mut warm = Vec::new();
        let mut pages = 0;
        // Each cold run writes into a folder never used before. Deleting thousands of files
        // right before a run makes that run's file creation several times slower on this
        // machine's disk (ext4 with discard), which would measure the deletion, not us.
        // Baseline, interleaved with the cold runs so both see the disk in the same state: plain
        // `fs::write` of as many files, of the same total size, into a fresh folder.
        let mut baseline = Vec::new();
        for index in 0..args.runs {
            let out = root.join(format!("cold-{index}"));
            let run = time_process(&binary, folder, &out, None)?;
            pages = run.pages;
            cold.push(run.times);
            baseline.push(time_plain_writes(
                &out,
                &root.join(format!("baseline-{index}")),
            )?);
        }
        for _ in 0..args.runs {
            let run = time_process(&binary, folder, &root.join("cold-0"), None)?;
            // An unchanged run that writes is not what this row claims to time, and is a bug.
            if run.written != 0 {
                bail!(
                    "{name}: a run on an unchanged output folder wrote {} file(s)",
                    run.written
                );
            }
            warm.push(run.times);
        }
        let changed = time_one_page_changed(&binary, folder, &root, args.runs, None)?;
        let cache = root.join("parse-cache");
        let changed_cached =
            time_one_page_changed(&binary, folder, &root, args.runs, Some(&cache))?;
        remove_folder(&root)?;
        println!(
            "== {name}: {pages} pages, {} runs each, seconds: median (min-max)",
            args.runs
        );
        print_table("empty output folder", &cold, pages);
        baseline.sort_by(f64::total_cmp);
        let mut write: Vec<f64> = cold.iter().map(|run| run[WRITE_PHASE]).collect();
        write.sort_by(f64::total_cmp);
        println!(
            "    baseline      {:>8.4} ({:.4}-{:.4}) plain fs::write of the same files; write phase / baseline = {:.2}",
            baseline[baseline.len() / 2],
            baseline[0],
            baseline[baseline.len() - 1],
            write[write.len() / 2] / baseline[baseline.len() / 2],
        );
        print_table("unchanged output folder", &warm, pages);
        print_table("one page changed", &changed, pages);
        print_table(
            "one page changed, with --parse-cache",
            &changed_cached,
            pages,
        );
    }
    println!(
        "bench: {} folder(s) timed{}",
        corpora.folders.len(),
        corpora.skipped_note()
    );
    Ok(ExitCode::SUCCESS)
}

/// The most files a run after one model page changed may write: the model's file, perhaps its
/// enums' file, `model.json`, the record of digests (and a few more when the model is referenced
/// in ways its page decides, such as a new cycle; the edit below changes only a description).
const FILES_ONE_PAGE_WRITES: usize = 4;

/// Runs into the crate `root/cold-0` (generated from `folder`) from a copy of `folder` (under
/// `root`, in `target/`) whose first model page gets another sentence in its description before
/// each run; with the parse cache `cache`, filled by a first run that is not timed.
fn time_one_page_changed(
    binary: &Path,
    folder: &Path,
    root: &Path,
    runs: u16,
    cache: Option<&Path>,
) -> Result<Vec<Vec<f64>>> {
    // The copy keeps the folder's name: an unconfigured crate is named after it.
    let docs = root.join("docs").join(folder_name(folder));
    fs::create_dir_all(&docs)?;
    let mut page = None;
    let mut entries: Vec<PathBuf> = (fs::read_dir(folder)?)
        .map(|entry| entry.map(|entry| entry.path()))
        .collect::<Result<_, _>>()?;
    entries.sort();
    for path in entries.iter().filter(|path| path.is_file()) {
        let copy = docs.join(path.file_name().context("a file has a name")?);
        fs::copy(path, &copy)?;
        if page.is_none() && fs::read_to_string(path).is_ok_and(|text| text.contains(PROPERTIES)) {
            page = Some(copy);
        }
    }
    let page = page.with_context(|| format!("{}: no model page", folder.display()))?;
    let original = fs::read_to_string(&page)?;
    if cache.is_some() {
        fs::write(
            &page,
            original.replacen(PROPERTIES, "Filling the cache.\n\n## Properties", 1),
        )?;
        time_process(binary, &docs, &root.join("cold-0"), cache)?;
    }
    let mut times = Vec::new();
    for index in 0..runs {
        let edited = format!("Edited before run {index}.\n\n{PROPERTIES}");
        fs::write(&page, original.replacen(PROPERTIES, &edited, 1))?;
        let run = time_process(binary, &docs, &root.join("cold-0"), cache)?;
        if !(1..=FILES_ONE_PAGE_WRITES).contains(&run.written) {
            bail!(
                "{}: a run after one page changed wrote {} file(s)",
                page.display(),
                run.written
            );
        }
        times.push(run.times);
    }
    Ok(times)
}

/// The heading of a model page's table of fields.
const PROPERTIES: &str = "## Properties";

/// Seconds to write, with a plain `fs::write` each, copies of every file under `generated` into
/// the fresh folder `out`.
fn time_plain_writes(generated: &Path, out: &Path) -> Result<f64> {
    let mut contents = Vec::new();
    let mut folders = vec![generated.to_path_buf()];
    while let Some(folder) = folders.pop() {
        for entry in fs::read_dir(&folder)? {
            let path = entry?.path();
            if path.is_dir() {
                folders.push(path);
            } else {
                contents.push(fs::read(&path)?);
            }
        }
    }
    fs::create_dir_all(out)?;
    let started = Instant::now();
    for (index, content) in contents.iter().enumerate() {
        fs::write(out.join(format!("{index}.rs")), content)?;
    }
    Ok(started.elapsed().as_secs_f64())
}

fn remove_folder(folder: &Path) -> Result<()> {
    if folder.exists() {
        fs::remove_dir_all(folder).with_context(|| format!("removing {}", folder.display()))?;
    }
    Ok(())
}

/// One `bench-once` run, as its output says.
struct Run {
    /// The phase times, then the whole process's wall time, in seconds.
    times: Vec<f64>,
    /// Pages read.
    pages: usize,
    /// Files written.
    written: usize,
}

/// Runs `bench-once` as a child process, with the parse cache `cache` if any.
fn time_process(binary: &Path, spec: &Path, out: &Path, cache: Option<&Path>) -> Result<Run> {
    let mut command = Command::new(binary);
    command.arg("bench-once").arg(spec).arg(out);
    if let Some(cache) = cache {
        command.arg("--parse-cache").arg(cache);
    }
    let started = Instant::now();
    let output = command.output()?;
    let wall = started.elapsed();
    if !output.status.success() {
        bail!("{}", String::from_utf8_lossy(&output.stderr));
    }
    let stdout = String::from_utf8_lossy(&output.stdout);
    let mut run = parse_run(&stdout).context("no phase times printed")?;
    run.times.push(wall.as_secs_f64());
    Ok(run)
}

/// Reads `phases T1 ... T9 pages P written W`.
fn parse_run(stdout: &str) -> Option<Run> {
    let line = stdout
        .lines()
        .find_map(|line| line.strip_prefix("phases "))?;
    let fields: Vec<&str> = line.split_whitespace().collect();
    let times = fields
        .get(..PRINTED_TIMES)?
        .iter()
        .map(|field| field.parse().ok())
        .collect::<Option<_>>()?;
    match fields.get(PRINTED_TIMES..)? {
        ["pages", pages, "written", written] => Some(Run {
            times,
            pages: pages.parse().ok()?,
            written: written.parse().ok()?,
        }),
        _ => None,
    }
}

fn print_table(title: &str, runs: &[Vec<f64>], pages: usize) {
    println!("  {title}:");
    for (index, phase) in PHASES.iter().enumerate() {
        let mut values: Vec<f64> = runs.iter().map(|run| run[index]).collect();
        values.sort_by(f64::total_cmp);
        let median = values[values.len() / 2];
        println!(
            "    {phase:<13} {:>8.4} ({:.4}-{:.4})",
            median,
            values[0],
            values[values.len() - 1]
        );
    }
    let mut process: Vec<f64> = runs.iter().map(|run| run[PHASES.len() - 1]).collect();
    process.sort_by(f64::total_cmp);
    let median = Duration::from_secs_f64(process[process.len() / 2]);
    println!(
        "    pages/s       {:>8.0} (whole process, median)",
        pages as f64 / median.as_secs_f64()
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_run_line_gives_its_times_pages_and_files_written() {
        let run = parse_run("noise\nphases 1 2 3 4 5 6 7 8 9.5 pages 9 written 3\n").unwrap();
        assert_eq!(run.times, [1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.5]);
        assert_eq!(PHASES[WRITE_PHASE], "write");
        assert_eq!((run.pages, run.written), (9, 3));
        // The count of files written is what tells an unchanged run from one that wrote.
        assert!(parse_run("phases 1 2 3 4 5 6 7 8 9 pages 9").is_none());
    }
}

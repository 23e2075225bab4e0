//! Reads openapi-generator's Markdown model docs (one page per model, with a `## Properties`
//! table) and writes a crate of serde types that speak the API's JSON.
//!
//! The pipeline is [`parse`] -> [`model`] -> [`emit`] -> [`output`]; [`generate`] runs it all.
//! Problems in the input are collected as [`Diagnostic`]s, every one of a run, and nothing is
//! written when there is an error.

pub mod config;
pub mod diagnostic;
pub mod diff;
pub mod emit;
pub mod import;
pub mod model;
mod naming;
pub mod output;
pub mod parse;
mod spec;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

pub use config::Config;
pub use diagnostic::{Diagnostic, Severity, Sources};
pub use model::TypeModel;
pub use output::{WriteMode, WriteReport};

/// What to generate from where.
#[derive(Debug, Clone)]
pub struct Options {
    /// The folder of Markdown pages.
    pub spec_dir: PathBuf,
    /// The crate folder to write.
    pub out_dir: PathBuf,
    /// The config file; `None` means `<spec_dir>/codegen.toml` when it exists.
    pub config: Option<PathBuf>,
    /// Write, or only compare.
    pub mode: WriteMode,
    /// Treat warnings as errors.
    pub deny_warnings: bool,
}

/// Counts of one run.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Stats {
    /// Markdown pages read.
    pub pages: usize,
    /// Pages skipped because they have no Properties table.
    pub skipped_pages: usize,
    /// Models generated.
    pub models: usize,
    /// Fields of all models.
    pub fields: usize,
    /// Of the models, the enums of enum pages.
    pub enums: usize,
    /// The docs' dialect: the one codegen.toml names, or the one the pages' syntax shows.
    pub dialect: parse::Dialect,
}

/// Wall-clock time of each phase of one run.
#[derive(Debug, Clone, Copy, Default)]
pub struct Timings {
    /// Listing and reading the pages and the config.
    pub read: Duration,
    /// Parsing the pages.
    pub parse: Duration,
    /// Building the type model.
    pub model: Duration,
    /// Building token streams and formatting them (wall clock of both).
    pub emit_and_format: Duration,
    /// Of which, summed over threads: building token streams.
    pub emit_cpu: Duration,
    /// Of which, summed over threads: formatting.
    pub format_cpu: Duration,
    /// Comparing with and writing to the output folder.
    pub write: Duration,
    /// The whole run.
    pub total: Duration,
}

/// A run that generated (or, in check mode, compared) the crate.
#[derive(Debug)]
pub struct Generated {
    /// Counts.
    pub stats: Stats,
    /// What was written, left alone and removed.
    pub report: WriteReport,
    /// Time per phase.
    pub timings: Timings,
    /// Warnings (rendered with [`Sources::render`]).
    pub warnings: Vec<Diagnostic>,
    /// The input files, for rendering diagnostics.
    pub sources: Sources,
    /// The type model the crate was made from.
    pub model: TypeModel,
}

/// Why a run failed.
#[derive(Debug)]
pub enum Failure {
    /// The input has problems; nothing was written.
    Input {
        /// Every problem found, errors and warnings.
        diagnostics: Vec<Diagnostic>,
        /// The input files, for rendering.
        sources: Sources,
    },
    /// Writing the output failed.
    Io(std::io::Error),
}

impl Failure {
    /// The failure as a user reads it.
    pub fn render(&self) -> String {
        self.render_limited(usize::MAX)
    }

    /// The failure as a user reads it, with at most `warning_limit` warnings in full (see
    /// [`Sources::render_limited`]); errors are always all shown.
    pub fn render_limited(&self, warning_limit: usize) -> String {
        match self {
            Failure::Input {
                diagnostics,
                sources,
            } => {
                let errors = diagnostics
                    .iter()
                    .filter(|diagnostic| diagnostic.is_error())
                    .count();
                let warnings = diagnostics.len() - errors;
                format!(
                    "{}{errors} error(s), {warnings} warning(s); nothing was written\n",
                    sources.render_limited(diagnostics, warning_limit)
                )
            }
            Failure::Io(error) => format!("error: {error}\n"),
        }
    }
}

/// Parses every page of a folder and builds the type model (nothing is written).
pub fn load(
    spec_dir: &Path,
    config: Option<&Path>,
) -> Result<(TypeModel, Stats, Sources, Vec<Diagnostic>, Timings), Failure> {
    let mut timings = Timings::default();
    let mut diagnostics = Vec::new();
    let mut sources = Sources::default();

    let started = Instant::now();
    let pages = spec::read_pages(spec_dir, &mut sources, &mut diagnostics);
    let config_path = config.map(Path::to_path_buf).or_else(|| {
        let default = spec_dir.join("codegen.toml");
        default.is_file().then_some(default)
    });
    let config = match &config_path {
        Some(path) => Config::load(path, &mut sources, &mut diagnostics),
        None => Config::default(),
    };
    timings.read = started.elapsed();

    let started = Instant::now();
    let parsed = spec::parse_pages(&pages, &sources, config.dialect.as_ref(), &mut diagnostics);
    timings.parse = started.elapsed();

    let started = Instant::now();
    let default_name = spec::default_crate_name(spec_dir);
    let model = model::build_model(
        &parsed.models,
        &parsed.operations,
        &config,
        &sources,
        &default_name,
        &mut diagnostics,
    );
    timings.model = started.elapsed();

    if diagnostics.iter().any(Diagnostic::is_error) {
        return Err(Failure::Input {
            diagnostics,
            sources,
        });
    }
    let stats = Stats {
        pages: pages.len(),
        skipped_pages: parsed.skipped,
        models: model.models.len(),
        fields: model.field_count(),
        enums: model
            .models
            .iter()
            .filter(|item| !item.kind.is_struct())
            .count(),
        dialect: parsed.dialect,
    };
    Ok((model, stats, sources, diagnostics, timings))
}

/// Runs the whole pipeline: read, parse, build the model, emit, format, write.
pub fn generate(options: &Options) -> Result<Generated, Failure> {
    let started = Instant::now();
    let (model, stats, sources, diagnostics, mut timings) =
        load(&options.spec_dir, options.config.as_deref())?;
    if options.deny_warnings && !diagnostics.is_empty() {
        return Err(Failure::Input {
            diagnostics,
            sources,
        });
    }

    let emit_started = Instant::now();
    let (files, emit_timings) = emit::emit_crate(&model);
    timings.emit_and_format = emit_started.elapsed();
    timings.emit_cpu = emit_timings.emit;
    timings.format_cpu = emit_timings.format;

    let write_started = Instant::now();
    let report =
        output::write_files(&options.out_dir, &files, options.mode).map_err(Failure::Io)?;
    timings.write = write_started.elapsed();
    timings.total = started.elapsed();
    Ok(Generated {
        stats,
        report,
        timings,
        warnings: diagnostics,
        sources,
        model,
    })
}

//! Where a command's output goes, and in what form: text for people (diagnostics coloured on a
//! terminal, plain when piped or with `NO_COLOR`), or one JSON document on stdout for scripts.

use std::io::{self, IsTerminal, Write};

use clap::{Args, ValueEnum};
use codespan_reporting::term::termcolor::{ColorChoice, StandardStream};

use super::Outcome;
use crate::{Diagnostic, Failure, Sources};

/// The output options every subcommand takes.
#[derive(Debug, Clone, Args)]
pub struct ReporterArgs {
    /// Print only errors: no summary, no warnings (JSON output is unchanged).
    #[arg(long, short, global = true)]
    quiet: bool,
    /// `text` for people; `json` prints one JSON document on stdout (diagnostics included) for
    /// scripts.
    #[arg(long, value_enum, default_value_t = Format::Text, global = true)]
    format: Format,
    /// Colour the diagnostics: `auto` when stderr is a terminal and `NO_COLOR` is not set.
    #[arg(long, value_enum, default_value_t = ColorWhen::Auto, global = true)]
    color: ColorWhen,
    /// Show every warning in full, not only the first 20 and a count of each kind.
    #[arg(long, global = true)]
    all_warnings: bool,
}

/// The form of the output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// For people: a summary on stdout, diagnostics on stderr.
    Text,
    /// For scripts: one JSON document on stdout.
    Json,
}

/// When to colour diagnostics.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorWhen {
    /// On a terminal, unless `NO_COLOR` is set (or `TERM=dumb`).
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

/// How many warnings are shown in full unless `--all-warnings` is given: real docs folders have
/// thousands (empty descriptions), which would bury everything else.
const SHOWN_WARNINGS: usize = 20;

/// Writes a command's output as [`ReporterArgs`] ask.
#[derive(Debug)]
pub struct Reporter {
    quiet: bool,
    format: Format,
    color: ColorChoice,
    warning_limit: usize,
}

impl Reporter {
    /// The reporter the options ask for.
    pub fn new(args: &ReporterArgs) -> Self {
        Reporter::with(args.quiet, args.format, args.color, args.all_warnings)
    }

    /// A text reporter showing every warning when `all_warnings`, else the first 20.
    pub fn text(all_warnings: bool) -> Self {
        Reporter::with(false, Format::Text, ColorWhen::Auto, all_warnings)
    }

    fn with(quiet: bool, format: Format, color: ColorWhen, all_warnings: bool) -> Self {
        let color = match color {
            ColorWhen::Always => ColorChoice::Always,
            ColorWhen::Never => ColorChoice::Never,
            // termcolor's `Auto` honours `NO_COLOR` and `TERM=dumb`, not whether it is a terminal.
            ColorWhen::Auto if io::stderr().is_terminal() => ColorChoice::Auto,
            ColorWhen::Auto => ColorChoice::Never,
        };
        Reporter {
            quiet,
            format,
            color,
            warning_limit: if all_warnings {
                usize::MAX
            } else {
                SHOWN_WARNINGS
            },
        }
    }

    /// Whether the output is one JSON document.
    pub fn is_json(&self) -> bool {
        self.format == Format::Json
    }

    /// Shows diagnostics on stderr (text only; JSON output carries them in its document).
    /// Warnings are left out when quiet.
    pub fn diagnostics(&self, sources: &Sources, diagnostics: &[Diagnostic]) {
        if self.is_json() || diagnostics.is_empty() {
            return;
        }
        let shown: Vec<Diagnostic>;
        let diagnostics = if self.quiet {
            shown = diagnostics
                .iter()
                .filter(|d| d.is_error())
                .cloned()
                .collect();
            &shown
        } else {
            diagnostics
        };
        let mut stderr = StandardStream::stderr(self.color);
        // A closed stderr leaves nothing to report the failure to.
        let _ = sources.write_limited(diagnostics, self.warning_limit, &mut stderr);
    }

    /// A line of the summary on stdout (text, not quiet).
    pub fn summary(&self, line: &str) {
        if !self.quiet && !self.is_json() {
            println!("{line}");
        }
    }

    /// A note on stderr (text, not quiet): something the user may want to act on.
    pub fn note(&self, line: &str) {
        if !self.quiet && !self.is_json() {
            eprintln!("{line}");
        }
    }

    /// An error on stderr (text; JSON output carries it in its document).
    pub fn error(&self, line: &str) {
        if !self.is_json() {
            eprintln!("{line}");
        }
    }

    /// Shows a failed run (the docs' errors, exit 1; or an I/O error, exit 3) and returns its
    /// outcome and its JSON form (`diagnostics` or `error`).
    pub fn failure(&self, failure: &Failure) -> (Outcome, serde_json::Value) {
        match failure {
            Failure::Input {
                diagnostics,
                sources,
            } => {
                self.diagnostics(sources, diagnostics);
                let errors = diagnostics.iter().filter(|d| d.is_error()).count();
                self.error(&format!(
                    "{errors} error(s), {} warning(s); nothing was written",
                    diagnostics.len() - errors
                ));
                (
                    Outcome::Failed,
                    serde_json::json!({ "diagnostics": diagnostics_json(sources, diagnostics) }),
                )
            }
            Failure::Io(error) => {
                self.error(&format!("error: {error}"));
                (
                    Outcome::Io,
                    serde_json::json!({ "error": error.to_string() }),
                )
            }
        }
    }

    /// Prints the JSON document of a command (JSON only), with its outcome added, and returns
    /// the outcome.
    pub fn json(&self, outcome: Outcome, mut document: serde_json::Value) -> Outcome {
        if self.is_json() {
            if let Some(object) = document.as_object_mut() {
                object.insert("outcome".into(), outcome.name().into());
                object.insert("exit_code".into(), (outcome as u8).into());
            }
            let mut stdout = io::stdout().lock();
            let _ = serde_json::to_writer_pretty(&mut stdout, &document);
            let _ = writeln!(stdout);
        }
        outcome
    }
}

/// Diagnostics as a JSON array.
pub fn diagnostics_json(sources: &Sources, diagnostics: &[Diagnostic]) -> serde_json::Value {
    diagnostics
        .iter()
        .map(|diagnostic| sources.to_json(diagnostic))
        .collect()
}

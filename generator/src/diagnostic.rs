//! Diagnostics: problems found in the user's input, each tied to a file and a byte span.
//!
//! Every phase collects diagnostics instead of stopping at the first problem; the caller renders
//! them all at once with [`Sources::render`].

use std::ops::Range;
use std::path::PathBuf;

use codespan_reporting::diagnostic::{Diagnostic as Report, Label};
use codespan_reporting::files::{Error as FilesError, Files};
use codespan_reporting::term;

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Reported, but generation goes on (fatal only under `--deny-warnings`).
    Warning,
    /// Generation fails and nothing is written.
    Error,
}

/// Index of a file in [`Sources`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FileId(usize);

/// One problem in the input, located at a byte span of a source file (or at no file at all, for
/// problems such as a missing spec folder).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// The short message, one line.
    pub message: String,
    /// The file and byte span the problem is in, when there is one.
    pub location: Option<(FileId, Range<usize>)>,
    /// Text shown under the marked spot.
    pub label: String,
    /// Further lines: hints, suggestions.
    pub notes: Vec<String>,
}

impl Diagnostic {
    /// An error at `span` of `file`.
    pub fn error(file: FileId, span: Range<usize>, message: impl Into<String>) -> Self {
        Self::new(Severity::Error, Some((file, span)), message)
    }

    /// A warning at `span` of `file`.
    pub fn warning(file: FileId, span: Range<usize>, message: impl Into<String>) -> Self {
        Self::new(Severity::Warning, Some((file, span)), message)
    }

    /// An error that belongs to no file (a missing folder, say).
    pub fn global_error(message: impl Into<String>) -> Self {
        Self::new(Severity::Error, None, message)
    }

    fn new(severity: Severity, location: Option<(FileId, Range<usize>)>, message: impl Into<String>) -> Self {
        Self { severity, message: message.into(), location, label: String::new(), notes: Vec::new() }
    }

    /// Sets the text shown under the marked spot.
    #[must_use]
    pub fn with_label(mut self, label: impl Into<String>) -> Self {
        self.label = label.into();
        self
    }

    /// Adds a note line (a hint or a suggestion).
    #[must_use]
    pub fn with_note(mut self, note: impl Into<String>) -> Self {
        self.notes.push(note.into());
        self
    }

    /// Whether this diagnostic is an error.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// One input file: its path as shown to the user and its text.
#[derive(Debug, Clone)]
pub struct Source {
    /// The path the file was read from.
    pub path: PathBuf,
    /// The file's text (lossily decoded when it was not UTF-8, for display only).
    pub text: String,
}

/// The input files of one run, addressed by [`FileId`].
#[derive(Debug, Clone, Default)]
pub struct Sources {
    files: Vec<Source>,
}

/// A 1-based line and column (counted in characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct LineColumn {
    /// 1-based line number.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
}

impl Sources {
    /// Adds a file and returns its id.
    pub fn add(&mut self, path: PathBuf, text: String) -> FileId {
        self.files.push(Source { path, text });
        FileId(self.files.len() - 1)
    }

    /// The file with this id.
    pub fn get(&self, id: FileId) -> &Source {
        &self.files[id.0]
    }

    /// Every file with its id, in the order they were added.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = (FileId, &Source)> {
        self.files.iter().enumerate().map(|(index, source)| (FileId(index), source))
    }

    /// How many files there are.
    pub fn len(&self) -> usize {
        self.files.len()
    }

    /// Whether there are no files.
    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    /// The line and column of a byte offset of a file.
    pub fn line_column(&self, id: FileId, offset: usize) -> LineColumn {
        let text = &self.get(id).text;
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let before = &text[..offset];
        let line_start = before.rfind('\n').map_or(0, |newline| newline + 1);
        LineColumn { line: before.matches('\n').count() + 1, column: before[line_start..].chars().count() + 1 }
    }

    /// `path:line:column: severity: message`, one line per diagnostic: the form tests compare.
    pub fn summarize(&self, diagnostic: &Diagnostic) -> String {
        let severity = match diagnostic.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        match &diagnostic.location {
            Some((file, span)) => {
                let at = self.line_column(*file, span.start);
                let path = self.get(*file).path.display();
                format!("{path}:{}:{}: {severity}: {}", at.line, at.column, diagnostic.message)
            }
            None => format!("{severity}: {}", diagnostic.message),
        }
    }

    /// Renders diagnostics as a user sees them: message, `file:line:column`, the source line with
    /// the spot marked, and the notes.
    pub fn render(&self, diagnostics: &[Diagnostic]) -> String {
        let config = term::Config::default();
        let mut out = String::new();
        for diagnostic in diagnostics {
            let report = match diagnostic.severity {
                Severity::Error => Report::error(),
                Severity::Warning => Report::warning(),
            }
            .with_message(&diagnostic.message)
            .with_notes(diagnostic.notes.clone());
            let report = match &diagnostic.location {
                Some((file, span)) => report.with_labels(vec![
                    Label::primary(*file, self.clamp(*file, span.clone())).with_message(&diagnostic.label),
                ]),
                None => report,
            };
            match term::emit_into_string(&config, self, &report) {
                Ok(text) => out.push_str(&text),
                Err(_) => {
                    out.push_str(&self.summarize(diagnostic));
                    out.push('\n');
                }
            }
        }
        out
    }

    fn clamp(&self, id: FileId, span: Range<usize>) -> Range<usize> {
        let text = &self.get(id).text;
        let start = floor_char_boundary(text, span.start.min(text.len()));
        let end = floor_char_boundary(text, span.end.clamp(start, text.len()));
        start..end
    }
}

fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

impl<'a> Files<'a> for Sources {
    type FileId = FileId;
    type Name = String;
    type Source = &'a str;

    fn name(&'a self, id: FileId) -> Result<String, FilesError> {
        Ok(self.files.get(id.0).ok_or(FilesError::FileMissing)?.path.display().to_string())
    }

    fn source(&'a self, id: FileId) -> Result<&'a str, FilesError> {
        Ok(&self.files.get(id.0).ok_or(FilesError::FileMissing)?.text)
    }

    fn line_index(&'a self, id: FileId, byte_index: usize) -> Result<usize, FilesError> {
        let text = self.source(id)?;
        Ok(text.as_bytes()[..byte_index.min(text.len())].iter().filter(|&&byte| byte == b'\n').count())
    }

    fn line_range(&'a self, id: FileId, line_index: usize) -> Result<Range<usize>, FilesError> {
        let text = self.source(id)?;
        let mut start = 0;
        for _ in 0..line_index {
            match text[start..].find('\n') {
                Some(newline) => start += newline + 1,
                None => return Err(FilesError::LineTooLarge { given: line_index, max: line_index.saturating_sub(1) }),
            }
        }
        let end = text[start..].find('\n').map_or(text.len(), |newline| start + newline + 1);
        Ok(start..end)
    }
}

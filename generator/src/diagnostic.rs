//! Diagnostics: problems found in the user's input, each tied to a file and a byte span.
//!
//! Every phase collects diagnostics instead of stopping at the first problem; the caller renders
//! them all at once with [`Sources::render`].

use std::collections::HashMap;
use std::io::{self, Write};
use std::ops::Range;
use std::path::PathBuf;
use std::sync::OnceLock;

use codespan_reporting::diagnostic::{Diagnostic as Report, Label};
use codespan_reporting::diagnostic::{LabelStyle, Severity as ReportSeverity};
use codespan_reporting::files::{Error as FilesError, Files};
use codespan_reporting::term::{self, WriteStyle};

/// How serious a diagnostic is.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Reported, but generation goes on (fatal only under `--deny-warnings`).
    Warning,
    /// Generation fails and nothing is written.
    Error,
}

/// Index of a file in [`Sources`].
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub struct FileId(usize);

/// The note of a problem on one of openapi-generator's API pages, which are read as well as
/// they can be: the operation is left out.
pub const OPERATION_LEFT_OUT: &str =
    "the operation is left out; the models and the other operations are generated";

/// One problem in the input, located at a byte span of a source file (or at no file at all, for
/// problems such as a missing spec folder).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// The short message, one line.
    pub message: String,
    /// The file and byte span the problem is in, when there is one.
    pub location: Option<(FileId, Range<usize>)>,
    /// Text shown under the marked spot.
    pub label: String,
    /// A second spot, perhaps in another file, and its text (the other side of a disagreement).
    pub also_at: Option<(FileId, Range<usize>, String)>,
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

    fn new(
        severity: Severity,
        location: Option<(FileId, Range<usize>)>,
        message: impl Into<String>,
    ) -> Self {
        Self {
            severity,
            message: message.into(),
            location,
            label: String::new(),
            also_at: None,
            notes: Vec::new(),
        }
    }

    /// Sets the text shown under the marked spot.
    #[must_use]
    pub fn with_label(mut self, label: impl Into<String>) -> Self {
        self.label = label.into();
        self
    }

    /// Marks a second spot, perhaps in another file, with its text.
    #[must_use]
    pub fn also_at(mut self, file: FileId, span: Range<usize>, label: impl Into<String>) -> Self {
        self.also_at = Some((file, span, label.into()));
        self
    }

    /// The same problem as a warning, with `note` (an error of something that is left out
    /// rather than stopping the run).
    pub fn into_warning(mut self, note: &str) -> Self {
        if self.severity == Severity::Error {
            self.severity = Severity::Warning;
            self.notes.push(note.to_owned());
        }
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

    /// The kind of problem: the severity and the message with every `` `code span` `` replaced
    /// by `` `…` ``, so that "field `a` has an empty description" and "field `b` has an empty
    /// description" are of one kind.
    pub fn kind(&self) -> (Severity, String) {
        let pieces: Vec<&str> = self.message.split('`').collect();
        let mut kind = String::with_capacity(self.message.len());
        for (index, piece) in pieces.iter().enumerate() {
            let quoted = index % 2 == 1;
            if quoted && index + 1 < pieces.len() {
                kind.push_str("`…`");
            } else {
                if quoted {
                    kind.push('`');
                }
                kind.push_str(piece);
            }
        }
        (self.severity, kind)
    }
}

/// Diagnostics grouped by [`Diagnostic::kind`]: how many there are of each kind and the first
/// one, most frequent kind first (ties in order of first appearance).
pub fn group_by_kind(diagnostics: &[Diagnostic]) -> Vec<(usize, &Diagnostic)> {
    let mut index: HashMap<(Severity, String), usize> = HashMap::new();
    let mut groups: Vec<(usize, &Diagnostic)> = Vec::new();
    for diagnostic in diagnostics {
        let at = *index.entry(diagnostic.kind()).or_insert_with(|| {
            groups.push((0, diagnostic));
            groups.len() - 1
        });
        groups[at].0 += 1;
    }
    // A stable sort keeps first appearance among equal counts.
    groups.sort_by_key(|&(count, _)| std::cmp::Reverse(count));
    groups
}

/// One input file: its path as shown to the user and its text.
#[derive(Debug, Clone)]
pub struct Source {
    /// The path the file was read from.
    pub path: PathBuf,
    /// The file's text (lossily decoded when it was not UTF-8, for display only).
    pub text: String,
}

/// A file of the spec folder that is not read as a page (another extension, a hidden file).
#[derive(Debug, Clone)]
pub struct UnreadFile {
    /// Where it is.
    pub path: PathBuf,
    /// The model name its file name suggests: `Pet` for `Pet.txt`, `.Pet.md` or `Pet`.
    pub looks_like: String,
    /// Why it is not read, for the user.
    pub why: &'static str,
}

/// The input files of one run, addressed by [`FileId`].
#[derive(Debug, Clone, Default)]
pub struct Sources {
    files: Vec<Source>,
    /// For each file, the byte offset where each of its lines starts: locating a span is a
    /// binary search, so reporting many diagnostics in a large page stays linear. Computed when
    /// a file's first diagnostic is located: most runs locate none in most files.
    line_starts: Vec<OnceLock<Vec<usize>>>,
    /// The spec folder's files that are not pages, so that a diagnostic about a model no page
    /// defines can name the file that looks like its page.
    unread: Vec<UnreadFile>,
}

/// The byte-order mark some editors write at the start of a UTF-8 file.
pub const BYTE_ORDER_MARK: &str = "\u{feff}";

/// A file's bytes as text: UTF-8, without a leading [`BYTE_ORDER_MARK`]. The mark is no
/// character an editor shows, so leaving it out keeps lines and columns as the user sees them
/// (rustc does the same).
pub fn decode(mut bytes: Vec<u8>) -> Result<String, std::string::FromUtf8Error> {
    if bytes.starts_with(BYTE_ORDER_MARK.as_bytes()) {
        bytes.drain(..BYTE_ORDER_MARK.len());
    }
    String::from_utf8(bytes)
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
        self.line_starts.push(OnceLock::new());
        self.files.push(Source { path, text });
        FileId(self.files.len() - 1)
    }

    /// The byte offset where each line of a file starts.
    fn line_starts(&self, id: FileId) -> &[usize] {
        self.line_starts[id.0].get_or_init(|| {
            let text = &self.files[id.0].text;
            std::iter::once(0)
                .chain(text.match_indices('\n').map(|(newline, _)| newline + 1))
                .collect()
        })
    }

    /// Adds a file read from disk, its text [`decode`]d. When the bytes are not UTF-8, the
    /// text is decoded lossily (for display) and the offset of the first invalid byte is
    /// returned with the file's id.
    pub fn add_read(&mut self, path: PathBuf, bytes: Vec<u8>) -> (FileId, Option<usize>) {
        match decode(bytes) {
            Ok(text) => (self.add(path, text), None),
            Err(error) => {
                let at = error.utf8_error().valid_up_to();
                let text = String::from_utf8_lossy(error.as_bytes()).into_owned();
                (self.add(path, text), Some(at))
            }
        }
    }

    /// Records a file of the spec folder that is not read as a page.
    pub fn add_unread(&mut self, file: UnreadFile) {
        self.unread.push(file);
    }

    /// The spec folder's files that are not read as pages.
    pub fn unread(&self) -> &[UnreadFile] {
        &self.unread
    }

    /// A note naming the unread file whose name suggests the model `name` (in any case), when
    /// there is one: what a user needs when no page defines a model they see a file for.
    pub fn unread_page_note(&self, name: &str) -> Option<String> {
        let file = self
            .unread
            .iter()
            .find(|file| file.looks_like.eq_ignore_ascii_case(name))?;
        let file_name = file.path.file_name().unwrap_or(file.path.as_os_str());
        Some(format!(
            "`{}` is in the spec folder but is not read: {}",
            file_name.display(),
            file.why
        ))
    }

    /// The file with this id.
    pub fn get(&self, id: FileId) -> &Source {
        &self.files[id.0]
    }

    /// Every file with its id, in the order they were added.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = (FileId, &Source)> {
        self.files
            .iter()
            .enumerate()
            .map(|(index, source)| (FileId(index), source))
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
        let line = self.line_of(id, offset);
        let line_start = self.line_starts(id)[line];
        LineColumn {
            line: line + 1,
            column: text[line_start..offset].chars().count() + 1,
        }
    }

    /// The 0-based line that a byte offset of a file is on.
    fn line_of(&self, id: FileId, offset: usize) -> usize {
        self.line_starts(id)
            .partition_point(|&start| start <= offset)
            - 1
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
                format!(
                    "{path}:{}:{}: {severity}: {}",
                    at.line, at.column, diagnostic.message
                )
            }
            None => format!("{severity}: {}", diagnostic.message),
        }
    }

    /// Renders diagnostics as a user sees them: message, `file:line:column`, the source line with
    /// the spot marked, and the notes.
    pub fn render(&self, diagnostics: &[Diagnostic]) -> String {
        self.render_limited(diagnostics, usize::MAX)
    }

    /// Like [`Sources::render`], but shows only the first `warning_limit` warnings in full
    /// (every error always). When warnings were left out, it ends with every warning's kind
    /// ([`group_by_kind`]): a count and the first of that kind in the one-line form.
    pub fn render_limited(&self, diagnostics: &[Diagnostic], warning_limit: usize) -> String {
        let mut out = Vec::new();
        self.write_limited(diagnostics, warning_limit, &mut Plain(&mut out))
            .expect("writing to a Vec does not fail");
        String::from_utf8(out).expect("the rendered text is the sources' UTF-8")
    }

    /// [`Sources::render_limited`] into a writer that may style it (a terminal's colours:
    /// codespan-reporting's `WriteStyle`).
    pub fn write_limited(
        &self,
        diagnostics: &[Diagnostic],
        warning_limit: usize,
        out: &mut dyn WriteStyle,
    ) -> io::Result<()> {
        let mut warnings_shown = 0;
        for diagnostic in diagnostics {
            let show = diagnostic.is_error() || warnings_shown < warning_limit;
            warnings_shown += usize::from(show && !diagnostic.is_error());
            if show {
                self.write_one(diagnostic, out)?;
            }
        }
        let warnings: Vec<Diagnostic> = diagnostics
            .iter()
            .filter(|diagnostic| !diagnostic.is_error())
            .cloned()
            .collect();
        if warnings.len() > warnings_shown {
            writeln!(
                out,
                "note: {warnings_shown} of {} warnings shown; all of them by kind (count, then the first of each kind):",
                warnings.len()
            )?;
            let groups = group_by_kind(&warnings);
            let width = groups
                .first()
                .map_or(1, |(count, _)| count.to_string().len());
            for (count, first) in groups {
                writeln!(out, "  {count:>width$}  {}", self.summarize(first))?;
            }
        }
        Ok(())
    }

    /// One diagnostic in full; in the one-line form when its span is not in its file.
    fn write_one(&self, diagnostic: &Diagnostic, out: &mut dyn WriteStyle) -> io::Result<()> {
        let report = match diagnostic.severity {
            Severity::Error => Report::error(),
            Severity::Warning => Report::warning(),
        }
        .with_message(&diagnostic.message)
        .with_notes(diagnostic.notes.clone());
        let report = match &diagnostic.location {
            Some((file, span)) => report.with_labels(vec![
                Label::primary(*file, self.clamp(*file, span.clone()))
                    .with_message(&diagnostic.label),
            ]),
            None => report,
        };
        let report = match &diagnostic.also_at {
            Some((file, span, label)) => report.with_labels(vec![
                Label::secondary(*file, self.clamp(*file, span.clone())).with_message(label),
            ]),
            None => report,
        };
        let config = term::Config::default();
        // Rendered plain first: a span codespan-reporting cannot show falls back to the one-line
        // form before anything of it is written.
        if term::emit_into_string(&config, self, &report).is_err() {
            return writeln!(out, "{}", self.summarize(diagnostic));
        }
        term::emit_to_write_style(out, &config, self, &report).map_err(|error| match error {
            FilesError::Io(error) => error,
            other => io::Error::other(other.to_string()),
        })
    }

    /// A diagnostic as JSON, for scripts: severity, message, file, 1-based line and column of
    /// its start and end (`null` without a file), label, notes.
    pub fn to_json(&self, diagnostic: &Diagnostic) -> serde_json::Value {
        let (file, start, end) = match &diagnostic.location {
            Some((file, span)) => (
                Some(self.get(*file).path.display().to_string()),
                Some(self.line_column(*file, span.start)),
                Some(self.line_column(*file, span.end)),
            ),
            None => (None, None, None),
        };
        serde_json::json!({
            "severity": diagnostic.severity,
            "message": diagnostic.message,
            "file": file,
            "line": start.map(|at| at.line),
            "column": start.map(|at| at.column),
            "end_line": end.map(|at| at.line),
            "end_column": end.map(|at| at.column),
            "label": diagnostic.label,
            "notes": diagnostic.notes,
        })
    }

    fn clamp(&self, id: FileId, span: Range<usize>) -> Range<usize> {
        let text = &self.get(id).text;
        let start = floor_char_boundary(text, span.start.min(text.len()));
        let end = floor_char_boundary(text, span.end.clamp(start, text.len()));
        start..end
    }
}

/// A [`WriteStyle`] that writes the text without styles (codespan-reporting's own is private).
struct Plain<'a>(&'a mut Vec<u8>);

impl Write for Plain<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

impl WriteStyle for Plain<'_> {
    fn set_header(&mut self, _: ReportSeverity) -> io::Result<()> {
        Ok(())
    }

    fn set_header_message(&mut self) -> io::Result<()> {
        Ok(())
    }

    fn set_line_number(&mut self) -> io::Result<()> {
        Ok(())
    }

    fn set_note_bullet(&mut self) -> io::Result<()> {
        Ok(())
    }

    fn set_source_border(&mut self) -> io::Result<()> {
        Ok(())
    }

    fn set_label(&mut self, _: ReportSeverity, _: LabelStyle) -> io::Result<()> {
        Ok(())
    }

    fn reset(&mut self) -> io::Result<()> {
        Ok(())
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
        Ok(self
            .files
            .get(id.0)
            .ok_or(FilesError::FileMissing)?
            .path
            .display()
            .to_string())
    }

    fn source(&'a self, id: FileId) -> Result<&'a str, FilesError> {
        Ok(&self.files.get(id.0).ok_or(FilesError::FileMissing)?.text)
    }

    fn line_index(&'a self, id: FileId, byte_index: usize) -> Result<usize, FilesError> {
        self.files.get(id.0).ok_or(FilesError::FileMissing)?;
        Ok(self.line_of(id, byte_index))
    }

    fn line_range(&'a self, id: FileId, line_index: usize) -> Result<Range<usize>, FilesError> {
        let text = self.source(id)?;
        let starts = self.line_starts(id);
        let start = *starts.get(line_index).ok_or(FilesError::LineTooLarge {
            given: line_index,
            max: starts.len() - 1,
        })?;
        let end = starts.get(line_index + 1).copied().unwrap_or(text.len());
        Ok(start..end)
    }
}

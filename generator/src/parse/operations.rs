//! Operation pages (`AnalyticsApi.md`): every operation of one API group, as the page writes it.
//!
//! A page has a title (front matter or `# AnalyticsApi`), a method table listing its operations,
//! and one `## ` section per operation: the heading names it (`## get_thing`, or the 127.0.0
//! dialect's `## [**Thing**](Thing.html) get_thing(thing_id)`), then come the summary and notes
//! paragraphs, deprecation and preview marks, `Wraps METHOD /path/{param}`, `Requires ANY
//! permissions:` with a list, `### Parameters` (a `Name | Type | Description | Notes` table whose
//! Notes say `[optional]`, `[default to X]`, `**Values**: a, b`) and `### Return type`. The page
//! is read in one pass over pulldown-cmark's events, without recursion.

use std::ops::Range;

use pulldown_cmark::{Event, HeadingLevel, MetadataBlockKind, Options, Parser, Tag, TagEnd};

use super::page::{
    Cell, ParsedCell, Spanned, cells, collect_text, decode_escaped_entities, find_end,
    front_matter_title, header_names, is_attribute_line, is_header, line_of, parse_type_cell,
    trim_span, written_cells,
};
use super::types::TypeExpr;
use crate::diagnostic::{Diagnostic, FileId};
use crate::naming;

/// A page of operations of one API group.
#[derive(Debug, Clone, PartialEq)]
pub struct OperationPage {
    /// The file the page was read from.
    pub file: FileId,
    /// The group's name: the page title (`AnalyticsApi`).
    pub group: Spanned<String>,
    /// The operations, in page order (those that could not be read are reported and left out).
    pub operations: Vec<OperationSection>,
}

/// One operation's section of an operation page.
#[derive(Debug, Clone, PartialEq)]
pub struct OperationSection {
    /// The operation's name (`get_analytics_conversation_details`), from its heading.
    pub name: Spanned<String>,
    /// The HTTP method, from the `Wraps` line.
    pub method: Spanned<HttpMethod>,
    /// The path template (`/api/v2/analytics/conversations/{conversationId}/details`).
    pub path: Spanned<String>,
    /// The first paragraph of the description (plain text; may be empty).
    pub summary: String,
    /// The paragraphs after the summary, joined by blank lines (plain text; may be empty).
    pub notes: String,
    /// The permissions the page says the operation requires, when it says.
    pub permissions: Option<Permissions>,
    /// Whether the page marks the operation as a preview (subject to change without notice).
    pub preview: bool,
    /// Whether the page marks the operation as deprecated.
    pub deprecated: bool,
    /// The rows of the Parameters table, in page order.
    pub parameters: Vec<ParameterRow>,
    /// What the operation returns; `None` for `void`.
    pub returns: Option<TypeCell>,
}

/// A type expression read from a cell or paragraph.
#[derive(Debug, Clone, PartialEq)]
pub struct TypeCell {
    /// The expression and the span of its cell.
    pub expr: Spanned<TypeExpr>,
    /// The span of the innermost type's name.
    pub leaf_span: Range<usize>,
}

/// One row of a Parameters table.
#[derive(Debug, Clone, PartialEq)]
pub struct ParameterRow {
    /// The parameter's name in the docs (`conversation_id`).
    pub name: Spanned<String>,
    /// Its type.
    pub ty: TypeCell,
    /// The description (plain text; may be empty: real pages leave many blank).
    pub description: String,
    /// `true` unless the Notes cell says `[optional]`.
    pub required: bool,
    /// The `[default to X]` value, as it goes on the wire (`25`, `ASC`, `false`): the quotes and
    /// capitals of the 257.1.0 dialect's Python literals (`'ASC'`, `False`) removed.
    pub default: Option<String>,
    /// The `**Values**: a, b` list, in the order given; empty when there is none.
    pub allowed_values: Vec<String>,
}

/// An HTTP method.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "UPPERCASE")]
pub enum HttpMethod {
    /// `GET`.
    Get,
    /// `HEAD`.
    Head,
    /// `POST`.
    Post,
    /// `PUT`.
    Put,
    /// `PATCH`.
    Patch,
    /// `DELETE`.
    Delete,
    /// `OPTIONS`.
    Options,
}

impl HttpMethod {
    /// Every method, in a fixed order.
    pub const ALL: [HttpMethod; 7] = [
        HttpMethod::Get,
        HttpMethod::Head,
        HttpMethod::Post,
        HttpMethod::Put,
        HttpMethod::Patch,
        HttpMethod::Delete,
        HttpMethod::Options,
    ];

    /// The method's name on the wire (`GET`).
    pub fn as_str(self) -> &'static str {
        match self {
            HttpMethod::Get => "GET",
            HttpMethod::Head => "HEAD",
            HttpMethod::Post => "POST",
            HttpMethod::Put => "PUT",
            HttpMethod::Patch => "PATCH",
            HttpMethod::Delete => "DELETE",
            HttpMethod::Options => "OPTIONS",
        }
    }

    /// The method of this name, in capitals as the pages write it.
    pub fn from_name(name: &str) -> Option<HttpMethod> {
        HttpMethod::ALL
            .into_iter()
            .find(|method| method.as_str() == name)
    }
}

/// The permissions an operation requires.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Permissions {
    /// `Requires NO permissions`.
    NotRequired,
    /// `Requires ALL permissions:` each of these.
    All(Vec<String>),
    /// `Requires ANY permissions:` one of these.
    Any(Vec<String>),
}

/// Whether a page has the shape of an operation page (cheap check before parsing). The Ruby
/// template's API pages (titled `# Module::NameApi`, one `## method` section each with Ruby
/// call examples) are another layout, which is not read.
pub fn looks_like_operations(text: &str) -> bool {
    let ruby_title = text
        .lines()
        .next()
        .is_some_and(|title| title.starts_with("# ") && title.contains("::"));
    !ruby_title && (text.contains("### Parameters") || text.contains("### Return type"))
}

/// The header of a Parameters table.
const PARAMETERS_HEADER: [&str; 4] = ["Name", "Type", "Description", "Notes"];

type Events<'a> = [(Event<'a>, Range<usize>)];

/// Parses an operation page; `None` when the page has no operation sections after all.
/// Problems are appended to `diagnostics`; an operation that cannot be read is left out, the
/// others are kept, so that one run reports every problem.
pub fn parse_operations(
    file: FileId,
    text: &str,
    file_stem: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<OperationPage> {
    let mut options = Options::empty();
    options.insert(Options::ENABLE_TABLES);
    options.insert(Options::ENABLE_YAML_STYLE_METADATA_BLOCKS);
    let events: Vec<(Event<'_>, Range<usize>)> =
        Parser::new_ext(text, options).into_offset_iter().collect();
    let mut reader = PageReader {
        file,
        text,
        diagnostics,
        group: None,
        listed: None,
        current: None,
        sections: Vec::new(),
    };
    let mut index = 0;
    while index < events.len() {
        let end = find_end(&events, index);
        reader.block(&events[index..=end]);
        index = end + 1;
    }
    reader.finish(file_stem)
}

/// Where in an operation's section the reader is.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Part {
    /// Before the `Wraps` line: summary, notes, marks.
    Description,
    /// After `Wraps`: the permissions.
    Request,
    Parameters,
    ReturnType,
    /// `### Example` and any other `###` section.
    Other,
}

/// An operation's section while it is read.
struct Draft {
    name: Spanned<String>,
    heading: Range<usize>,
    part: Part,
    request: Option<(Spanned<HttpMethod>, Spanned<String>)>,
    summary: Option<String>,
    notes: Vec<String>,
    permissions: Option<Permissions>,
    preview: bool,
    deprecated: bool,
    parameters: Vec<ParameterRow>,
    /// `None` until `### Return type` has its paragraph; then `Some(None)` for `void`.
    returns: Option<Option<TypeCell>>,
    /// Whether the section had a row or type that did not read (already reported).
    broken: bool,
}

struct PageReader<'a, 'd> {
    file: FileId,
    text: &'a str,
    diagnostics: &'d mut Vec<Diagnostic>,
    group: Option<Spanned<String>>,
    /// The operations the method table lists, when the page has one.
    listed: Option<Vec<Spanned<String>>>,
    current: Option<Draft>,
    sections: Vec<Draft>,
}

impl PageReader<'_, '_> {
    /// Reads one top-level block: its start event, its content and its end event.
    fn block(&mut self, block: &Events<'_>) {
        let (event, range) = &block[0];
        // A container's content: without its start and end events (a lone event has none).
        let inner = block
            .get(1..block.len().saturating_sub(1))
            .unwrap_or_default();
        match event {
            Event::Start(Tag::MetadataBlock(MetadataBlockKind::YamlStyle)) => {
                if let Some((Event::Text(yaml), yaml_range)) = block.get(1) {
                    self.group = self
                        .group
                        .take()
                        .or_else(|| front_matter_title(yaml, yaml_range.start));
                }
            }
            Event::Start(Tag::Heading { level, .. }) => self.heading(*level, inner, range),
            Event::Start(Tag::Table(_)) => self.table(inner),
            Event::Start(Tag::Paragraph) => self.paragraph(inner, range),
            Event::Start(Tag::List(_)) => self.list(inner),
            _ => {}
        }
    }

    fn heading(&mut self, level: HeadingLevel, inner: &Events<'_>, range: &Range<usize>) {
        let span = trim_span(self.text, range.clone());
        match level {
            HeadingLevel::H1 => {
                let heading = collect_text(inner);
                if self.group.is_none() {
                    self.group = Some(Spanned {
                        value: heading.text.trim().to_owned(),
                        span,
                    });
                }
            }
            HeadingLevel::H2 => {
                self.close_section();
                // `get_thing`, or `dict(str, Thing) get_thing(thing_id)`: the name is the word
                // before the last `(`. A return type written as a link ends before the name,
                // with or without a space (`[**Alert**](Alert.html)get_alert(alert_id)`, the
                // 2017 pages): only the text after the last link is the signature.
                let after_link = inner
                    .iter()
                    .rposition(|(event, _)| matches!(event, Event::End(TagEnd::Link)))
                    .map(|end| collect_text(&inner[end + 1..]))
                    .filter(|rest| !rest.text.trim().is_empty());
                let heading = after_link.unwrap_or_else(|| collect_text(inner));
                let before = &heading.text[..heading.text.rfind('(').unwrap_or(heading.text.len())];
                let name = before.split_whitespace().last().unwrap_or_default();
                if naming::is_identifier(name) {
                    let at = before.len() - before.trim_end().len();
                    let start = before.len() - at - name.len();
                    let name_span = heading.source_span(start..start + name.len(), &span);
                    self.current = Some(Draft {
                        name: Spanned {
                            value: name.to_owned(),
                            span: name_span,
                        },
                        heading: span,
                        part: Part::Description,
                        request: None,
                        summary: None,
                        notes: Vec::new(),
                        permissions: None,
                        preview: false,
                        deprecated: false,
                        parameters: Vec::new(),
                        returns: None,
                        broken: false,
                    });
                }
            }
            _ => {
                if let Some(draft) = &mut self.current {
                    draft.part = match collect_text(inner).text.trim() {
                        "Parameters" => Part::Parameters,
                        "Return type" => Part::ReturnType,
                        _ => Part::Other,
                    };
                }
            }
        }
    }

    fn paragraph(&mut self, inner: &Events<'_>, range: &Range<usize>) {
        let Some(draft) = &mut self.current else {
            return;
        };
        let source = self.text[range.clone()].trim();
        match draft.part {
            Part::Description => {
                if let Some(line) = source.strip_prefix("Wraps ") {
                    let start = trim_span(self.text, range.clone()).start + "Wraps ".len();
                    draft.request = read_request(self.file, line, start, self.diagnostics);
                    draft.broken |= draft.request.is_none();
                    draft.part = Part::Request;
                    return;
                }
                let plain = plain_text(inner);
                let plain = plain.trim();
                if source.starts_with(":::") {
                    // An admonition (`:::{"alert":"warning","title":"Deprecated",...}`).
                    let first_line = source.lines().next().unwrap_or_default();
                    draft.deprecated |= first_line.to_lowercase().contains("\"deprecated\"");
                } else if plain == "DEPRECATED" && has_html(inner) {
                    draft.deprecated = true;
                } else if plain
                    .strip_prefix(draft.name.value.as_str())
                    .is_some_and(|rest| rest.starts_with(" is a preview method"))
                {
                    draft.preview = true;
                } else {
                    let paragraph = decode_escaped_entities(collect_text(inner).text.trim());
                    if draft.summary.is_none() {
                        draft.summary = Some(paragraph);
                    } else {
                        draft.notes.push(paragraph);
                    }
                }
            }
            Part::Request => {
                if let Some(rest) = source.strip_prefix("Requires ") {
                    draft.permissions = Some(match rest.split_whitespace().next() {
                        Some("ALL") => Permissions::All(Vec::new()),
                        Some("ANY") => Permissions::Any(Vec::new()),
                        _ => Permissions::NotRequired,
                    });
                }
            }
            Part::ReturnType if draft.returns.is_none() => {
                let returned = collect_text(inner);
                draft.returns = Some(if returned.text.trim_start().starts_with("void") {
                    None
                } else {
                    let cell = Cell {
                        events: inner,
                        range: range.clone(),
                    };
                    let parsed = parse_type_cell(self.file, self.text, &cell, self.diagnostics);
                    draft.broken |= parsed.is_none();
                    parsed.map(|parsed| TypeCell {
                        expr: parsed.expr,
                        leaf_span: parsed.leaf_span,
                    })
                });
            }
            _ => {}
        }
    }

    /// The list after `Requires ALL permissions:` / `Requires ANY permissions:`.
    fn list(&mut self, inner: &Events<'_>) {
        let Some(draft) = &mut self.current else {
            return;
        };
        let (Part::Request, Some(Permissions::All(names) | Permissions::Any(names))) =
            (draft.part, &mut draft.permissions)
        else {
            return;
        };
        let mut index = 0;
        while index < inner.len() {
            let end = find_end(inner, index);
            if let (Event::Start(Tag::Item), range) = &inner[index] {
                // The item's source: a permission such as `routing:*:view` is not emphasis.
                let item = self.text[range.clone()].trim();
                let item = item.trim_start_matches(['*', '-', '+']).trim();
                if !item.is_empty() {
                    names.push(item.to_owned());
                }
            }
            index = end + 1;
        }
    }

    fn table(&mut self, inner: &Events<'_>) {
        let Some(draft) = &mut self.current else {
            if self.listed.is_none() {
                self.listed = method_table(self.text, inner);
            }
            return;
        };
        if draft.part != Part::Parameters {
            return;
        }
        let mut index = 0;
        while index < inner.len() {
            let (event, range) = &inner[index];
            let end = find_end(inner, index);
            let row = &inner[index + 1..end];
            match event {
                Event::Start(Tag::TableHead) => {
                    let names = header_names(row);
                    if !is_header(&names, &PARAMETERS_HEADER) {
                        self.diagnostics.push(
                            Diagnostic::error(
                                self.file,
                                trim_span(self.text, range.clone()),
                                format!(
                                    "the Parameters table's header is `{}`, expected `{}`",
                                    names.join(" | "),
                                    PARAMETERS_HEADER.join(" | ")
                                ),
                            )
                            .with_label("unexpected header"),
                        );
                        draft.broken = true;
                        return;
                    }
                }
                Event::Start(Tag::TableRow) if !is_attribute_line(&self.text[range.clone()]) => {
                    match read_parameter(self.file, self.text, row, range, self.diagnostics) {
                        Some(parameter) => draft.parameters.push(parameter),
                        None => draft.broken = true,
                    }
                }
                _ => {}
            }
            index = end + 1;
        }
    }

    /// Ends the operation being read: checks that it has what every operation needs.
    fn close_section(&mut self) {
        let Some(draft) = self.current.take() else {
            return;
        };
        let mut missing = Vec::new();
        if draft.request.is_none() && !draft.broken {
            missing.push((
                "no `Wraps METHOD /path` line",
                "the method and path are read from `Wraps GET /api/v2/...`",
            ));
        }
        if draft.returns.is_none() && !draft.broken {
            missing.push((
                "no `### Return type`",
                "expected `### Return type` followed by a type or `void`",
            ));
        }
        for (what, note) in missing {
            self.diagnostics.push(
                Diagnostic::error(
                    self.file,
                    draft.name.span.clone(),
                    format!("operation `{}` has {what}", draft.name.value),
                )
                .with_label("this operation")
                .with_note(note),
            );
        }
        self.sections.push(draft);
    }

    fn finish(mut self, file_stem: &str) -> Option<OperationPage> {
        self.close_section();
        if self.sections.is_empty() {
            return None;
        }
        let defined: Vec<String> = self
            .sections
            .iter()
            .map(|draft| draft.name.value.clone())
            .collect();
        let mut operations: Vec<OperationSection> = Vec::new();
        for draft in std::mem::take(&mut self.sections) {
            if let Some(first) = operations
                .iter()
                .find(|section| section.name.value == draft.name.value)
            {
                let line = line_of(self.text, first.name.span.start);
                self.diagnostics.push(
                    Diagnostic::error(
                        self.file,
                        draft.heading.clone(),
                        format!("operation `{}` is defined twice", draft.name.value),
                    )
                    .with_label("second definition")
                    .with_note(format!("first defined at line {line}")),
                );
                continue;
            }
            let (Some((method, path)), Some(returns), false) =
                (draft.request, draft.returns, draft.broken)
            else {
                continue;
            };
            operations.push(OperationSection {
                name: draft.name,
                method,
                path,
                summary: draft.summary.unwrap_or_default(),
                notes: draft.notes.join("\n\n"),
                permissions: draft.permissions,
                preview: draft.preview,
                deprecated: draft.deprecated,
                parameters: draft.parameters,
                returns,
            });
        }
        if let Some(listed) = self.listed.take() {
            self.check_method_table(&listed, &defined);
        }
        let group = self.group.unwrap_or_else(|| Spanned {
            value: file_stem.to_owned(),
            span: 0..0,
        });
        Some(OperationPage {
            file: self.file,
            group,
            operations,
        })
    }

    /// Every operation the method table lists has a section.
    fn check_method_table(&mut self, listed: &[Spanned<String>], defined: &[String]) {
        for entry in listed {
            if !defined.contains(&entry.value) {
                self.diagnostics.push(
                    Diagnostic::error(
                        self.file,
                        entry.span.clone(),
                        format!(
                            "operation `{}` is listed in the method table but has no section",
                            entry.value
                        ),
                    )
                    .with_label("no `## ` heading names this operation"),
                );
            }
        }
    }
}

/// The operations a method table (`Method | Description`) lists, with the spans of their names.
fn method_table(text: &str, events: &Events<'_>) -> Option<Vec<Spanned<String>>> {
    let mut listed = Vec::new();
    let mut index = 0;
    while index < events.len() {
        let (event, range) = &events[index];
        let end = find_end(events, index);
        let row = &events[index + 1..end];
        match event {
            Event::Start(Tag::TableHead) => {
                let names = header_names(row);
                if names.first().is_none_or(|name| name != "Method") {
                    return None;
                }
            }
            Event::Start(Tag::TableRow) if !is_attribute_line(&text[range.clone()]) => {
                if let Some(cell) = cells(row).first() {
                    let name = collect_text(cell.events).text.trim().to_owned();
                    // The link text: the name without its markup.
                    let cell_span = trim_span(text, cell.range.clone());
                    let span = text[cell_span.clone()]
                        .find(&name)
                        .map_or(cell_span.clone(), |at| {
                            cell_span.start + at..cell_span.start + at + name.len()
                        });
                    listed.push(Spanned { value: name, span });
                }
            }
            _ => {}
        }
        index = end + 1;
    }
    Some(listed)
}

/// `METHOD /path` of a `Wraps` line whose text after `Wraps ` starts at byte `start`.
fn read_request(
    file: FileId,
    line: &str,
    start: usize,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<(Spanned<HttpMethod>, Spanned<String>)> {
    let line = line.lines().next().unwrap_or_default();
    let mut words = line.split_whitespace().map(|word| {
        let at = word.as_ptr() as usize - line.as_ptr() as usize;
        (word, start + at..start + at + word.len())
    });
    let (Some((method, method_span)), Some((path, path_span))) = (words.next(), words.next())
    else {
        let span = start.saturating_sub("Wraps ".len())..start + line.trim_end().len();
        diagnostics.push(
            Diagnostic::error(file, span, "a `Wraps` line without a method and a path")
                .with_label("expected `Wraps METHOD /path`"),
        );
        return None;
    };
    let Some(http_method) = HttpMethod::from_name(method) else {
        diagnostics.push(
            Diagnostic::error(file, method_span, format!("unknown HTTP method `{method}`"))
                .with_label("expected GET, HEAD, POST, PUT, PATCH, DELETE or OPTIONS, in capitals"),
        );
        return None;
    };
    if let Err((fault, message)) = check_path(path) {
        let at = path_span.start + fault;
        let width = path[fault..].chars().next().map_or(0, char::len_utf8);
        diagnostics.push(
            Diagnostic::error(file, at..at + width, format!("malformed path `{path}`"))
                .with_label(message),
        );
        return None;
    }
    Some((
        Spanned {
            value: http_method,
            span: method_span,
        },
        Spanned {
            value: path.to_owned(),
            span: path_span,
        },
    ))
}

/// A path starts with `/`, and its `{placeholder}`s are closed, not nested, and not empty.
/// The error is the byte offset of the fault and what is wrong.
fn check_path(path: &str) -> Result<(), (usize, &'static str)> {
    if !path.starts_with('/') {
        return Err((0, "a path starts with `/`"));
    }
    let mut open = None;
    for (at, c) in path.char_indices() {
        match (c, open) {
            ('{', None) => open = Some(at),
            ('{', Some(_)) => return Err((at, "a `{` inside a placeholder")),
            ('}', None) => return Err((at, "a `}` without its `{`")),
            ('}', Some(start)) if at == start + 1 => return Err((at, "an empty placeholder")),
            ('}', Some(_)) => open = None,
            _ => {}
        }
    }
    match open {
        Some(start) => Err((start, "this `{` is never closed")),
        None => Ok(()),
    }
}

/// One row of a Parameters table; `None` when it is malformed (reported).
fn read_parameter(
    file: FileId,
    text: &str,
    row: &Events<'_>,
    range: &Range<usize>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<ParameterRow> {
    let row_span = trim_span(text, range.clone());
    let cells = cells(row);
    let written = written_cells(&cells, &row_span);
    let bars = text[row_span.clone()]
        .replace("\\|", "")
        .matches('|')
        .count();
    if written != PARAMETERS_HEADER.len() || bars > PARAMETERS_HEADER.len() + 1 {
        diagnostics.push(
            Diagnostic::error(
                file,
                row_span,
                format!(
                    "this row has {} cells, expected 4",
                    written.max(bars.saturating_sub(1))
                ),
            )
            .with_label("every row needs `Name | Type | Description | Notes`")
            .with_note("a `|` inside a cell must be escaped as `\\|`"),
        );
        return None;
    }
    let name = Spanned {
        value: collect_text(cells[0].events).text.trim().to_owned(),
        span: trim_span(text, cells[0].range.clone()),
    };
    if name.value.is_empty() {
        diagnostics.push(
            Diagnostic::error(file, name.span, "a parameter row without a name")
                .with_label("the Name cell is empty"),
        );
        return None;
    }
    let ParsedCell {
        expr, leaf_span, ..
    } = parse_type_cell(file, text, &cells[1], diagnostics)?;
    let notes_span = trim_span(text, cells[3].range.clone());
    let notes_text = collect_text(cells[3].events).text;
    let notes = read_notes(&notes_text).unwrap_or_else(|unexpected| {
        diagnostics.push(
            Diagnostic::warning(
                file,
                notes_span,
                format!("unexpected Notes `{}`", unexpected.trim()),
            )
            .with_label(
                "expected `[optional]`, `[default to X]` and `**Values**: a, b`; the rest is ignored",
            ),
        );
        Notes {
            required: !notes_text.contains("[optional]"),
            default: None,
            allowed_values: Vec::new(),
        }
    });
    Some(ParameterRow {
        name,
        ty: TypeCell { expr, leaf_span },
        description: decode_escaped_entities(collect_text(cells[2].events).text.trim()),
        required: notes.required,
        default: notes.default,
        allowed_values: notes.allowed_values,
    })
}

/// What a parameter's Notes cell says.
struct Notes {
    required: bool,
    default: Option<String>,
    allowed_values: Vec<String>,
}

/// Reads `[optional] [default to X]\nValues: a, b` (the cell's text, markup removed); the error
/// is the text that is none of these.
fn read_notes(notes: &str) -> Result<Notes, &str> {
    let mut read = Notes {
        required: true,
        default: None,
        allowed_values: Vec::new(),
    };
    let mut rest = notes.trim();
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix("[optional]") {
            read.required = false;
            rest = after;
        } else if let Some(after) = rest.strip_prefix("[default to ")
            && let Some(end) = after.find(']')
        {
            read.default = Some(wire_default(after[..end].trim()));
            rest = &after[end + 1..];
        } else if let Some(values) = rest.strip_prefix("Values:") {
            read.allowed_values = values
                .split(',')
                .map(|value| value.trim().to_owned())
                .filter(|value| !value.is_empty())
                .collect();
            rest = "";
        } else {
            return Err(rest);
        }
        rest = rest.trim_start();
    }
    Ok(read)
}

/// A default as it goes on the wire: the 257.1.0 dialect writes Python literals (`'ASC'`,
/// `False`, `True`), the 127.0.0 dialect the value itself (`ASC`, `false`).
fn wire_default(value: &str) -> String {
    match value {
        "True" => "true".to_owned(),
        "False" => "false".to_owned(),
        _ => value
            .strip_prefix('\'')
            .and_then(|inner| inner.strip_suffix('\''))
            .unwrap_or(value)
            .to_owned(),
    }
}

/// The text of inline events without their HTML.
fn plain_text(events: &Events<'_>) -> String {
    events
        .iter()
        .filter_map(|(event, _)| match event {
            Event::Text(text) | Event::Code(text) => Some(text.as_ref()),
            _ => None,
        })
        .collect()
}

fn has_html(events: &Events<'_>) -> bool {
    events
        .iter()
        .any(|(event, _)| matches!(event, Event::InlineHtml(_) | Event::Html(_)))
}

#[cfg(test)]
mod tests {
    use super::{check_path, read_notes, wire_default};

    #[test]
    fn notes_of_both_dialects() {
        let notes = read_notes("[optional] [default to 25]\nValues: a, b ,c").unwrap();
        assert!(!notes.required);
        assert_eq!(notes.default.as_deref(), Some("25"));
        assert_eq!(notes.allowed_values, ["a", "b", "c"]);
        let notes = read_notes(" ").unwrap();
        assert!(notes.required && notes.default.is_none() && notes.allowed_values.is_empty());
        assert_eq!(read_notes("[optional] maybe").err(), Some("maybe"));
    }

    #[test]
    fn defaults_lose_their_python_spelling() {
        assert_eq!(wire_default("'ASC'"), "ASC");
        assert_eq!(wire_default("False"), "false");
        assert_eq!(wire_default("True"), "true");
        assert_eq!(wire_default("25"), "25");
        assert_eq!(wire_default("'"), "'");
    }

    #[test]
    fn paths_and_their_placeholders() {
        assert_eq!(
            check_path("/api/v2/things/{thingId}/parts/{partId}"),
            Ok(())
        );
        assert_eq!(check_path("api"), Err((0, "a path starts with `/`")));
        assert_eq!(check_path("/a/{b"), Err((3, "this `{` is never closed")));
        assert_eq!(check_path("/a/b}"), Err((4, "a `}` without its `{`")));
        assert_eq!(check_path("/a/{}"), Err((4, "an empty placeholder")));
        assert_eq!(
            check_path("/a/{{b}}"),
            Err((4, "a `{` inside a placeholder"))
        );
    }
}

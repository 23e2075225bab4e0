//! Operation pages (`AnalyticsApi.md`): every operation of one API group, as the page writes it.
//!
//! A page has a title (front matter or `# AnalyticsApi`), a method table listing its operations,
//! and one `## ` section per operation: the heading names it (`## get_thing`, or the 127.0.0
//! dialect's `## [**Thing**](Thing.html) get_thing(thing_id)`), then come the summary and notes
//! paragraphs, deprecation and preview marks, `Wraps METHOD /path/{param}`, `Requires ANY
//! permissions:` with a list, `### Parameters` (a `Name | Type | Description | Notes` table whose
//! Notes say `[optional]`, `[default to X]`, `**Values**: a, b`) and `### Return type`.
//!
//! openapi-generator's templates write the same skeleton in every language: the title
//! (`# ory_client.CourierApi`, `# \CourierAPI`, `# OryClient::CourierApi`), a method table whose
//! `HTTP request` column gives each operation's method and path (`**GET** /admin/messages/{id}`),
//! a section per operation (`# **get_message**`, `## GetMessage`), Parameters tables (Go's `Path
//! Parameters` and `Other Parameters`, Rust's with a `Required` column; Notes in each template's
//! words: `[optional]`, `(optional) defaults to undefined`, `[Optional] [Defaults to \`25\`]`),
//! `### Return type` (`void (empty response body)`, `nil (...)`, `(empty response body)`) and
//! `### HTTP request headers` (`**Content-Type**` and `**Accept**` media types). The page is read
//! in one pass over pulldown-cmark's events, without recursion.

use std::ops::Range;

use pulldown_cmark::{
    CodeBlockKind, Event, HeadingLevel, MetadataBlockKind, Options, Parser, Tag, TagEnd,
};

use super::page::{
    Cell, ParsedCell, Spanned, TypeCell, cells, collect_text, decode_escaped_entities, find_end,
    front_matter_title, header_names, inline_events, inline_text, is_attribute_line, is_header,
    line_of, parse_type_cell, source_cells, trim_span, written_cells,
};
use super::stated_places::{self, StatedParameter, StatedPlace, StatedPlaces};
use super::types::{Leaf, TypeExpr};
use crate::diagnostic::{Diagnostic, FileId};
use crate::model::{Container, HttpMethod, ParameterLocation, Permissions, Primitive};
use crate::naming;

/// A page of operations of one API group.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct OperationPage {
    /// The file the page was read from.
    pub file: FileId,
    /// The group's name: the page title (`AnalyticsApi`).
    pub group: Spanned<String>,
    /// The operations, in page order (those that could not be read are reported and left out).
    pub operations: Vec<OperationSection>,
    /// openapi-generator's layout (a method table with an `HTTP request` column): its
    /// operations are read as well as they can be, and one that cannot is left out with a
    /// warning, never costing the folder its models.
    pub best_effort: bool,
}

/// One operation's section of an operation page.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
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
    /// The media types of the request body (`**Content-Type**:`): `None` when the page does not
    /// say, empty when it says `Not defined` (the request has no body).
    pub content_types: Option<Vec<String>>,
    /// The media types of a success (`**Accept**:`): `None` when the page does not say.
    pub accept: Option<Vec<String>>,
}

/// One row of a Parameters table.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
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
    /// The name the API gives it, the docs' name with the folder dialect's keyword escapes
    /// undone (set once the folder's dialect is known; the docs' name until then).
    pub api_name: String,
    /// Its type is a file's contents: the page writes the type twice (see `written_once`), or
    /// it is the dialect's name for one (`bytearray`, `File`; known once the folder's dialect
    /// is: [`super::dialect::DialectSpec::file_types`]).
    pub file: bool,
    /// Where the page says the parameter goes, when it says (`### query_params`): see
    /// `stated_places.rs`.
    pub place: Option<StatedPlace>,
    /// What the page's example call shows of the parameter, on a page that has one (`bash`).
    pub call: Option<InCall>,
    /// Its type is one the dialect writes only for a scalar though it may read it as any JSON
    /// value or a model ([`super::dialect::DialectSpec::scalar_type`]): never the body.
    pub scalar: bool,
}

/// What a page's example call (`bash/api_doc.mustache`: `{{scriptName}} {{operationId}}`, then
/// `{{baseName}}=value` for a path or query parameter, `{{baseName}}:value` for a header, each
/// list's `Specify as:` forms, and a body's example in single quotes) shows of a parameter.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum InCall {
    /// The call sends it by this wire name, in the query (or the path, when the path has the
    /// placeholder) or a header.
    Sent {
        /// The name on the wire (`api_key`, `X-Request-ID`).
        wire_name: String,
        /// [`ParameterLocation::Query`] or [`ParameterLocation::Header`].
        location: ParameterLocation,
    },
    /// The call does not write it: the template writes no form field and no cookie there, nor a
    /// body without an example.
    Unwritten,
}

/// Whether a page has the shape of an operation page (cheap check before parsing).
pub fn looks_like_operations(text: &str) -> bool {
    text.contains("### Parameters") || text.contains("### Return type")
}

/// The header of a Parameters table.
const PARAMETERS_HEADER: [&str; 4] = ["Name", "Type", "Description", "Notes"];

/// The header of the Rust template's Parameters tables.
const PARAMETERS_HEADER_WITH_REQUIRED: [&str; 5] =
    ["Name", "Type", "Description", "Required", "Notes"];

/// An event and its span in the page.
type PageEvent<'a> = (Event<'a>, Range<usize>);

type Events<'a> = [PageEvent<'a>];

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
    /// `### HTTP request headers`: the media types.
    MediaTypes,
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
    content_types: Option<Vec<String>>,
    accept: Option<Vec<String>>,
    /// In Go's `### Other Parameters`, which do not say which are required: read as optional.
    optional_unless_marked: bool,
    /// The parameters the example call sends (wire name and place), when the section has one.
    call: Option<Vec<(String, ParameterLocation)>>,
    /// The parameters, body and media types of a layout that states each parameter's place.
    stated: Option<StatedPlaces>,
    /// The span of the first block quote of the description: the signature line (`> Pet
    /// create_pet(pet)`), whose return type a layout that states places is read by.
    signature: Option<Range<usize>>,
}

impl Draft {
    /// Adds a Parameters row: optional in a table of optional parameters, unless it names a
    /// parameter already read, which it repeats (the Rust 3.x template lists every parameter
    /// under `### Optional Parameters`, the required ones too).
    fn add_parameter(&mut self, mut parameter: ParameterRow) {
        if self.optional_unless_marked {
            if (self.parameters.iter()).any(|read| read.name.value == parameter.name.value) {
                return;
            }
            parameter.required = false;
        }
        self.parameters.push(parameter);
    }
}

/// An operation a method table lists, and the method and path its `HTTP request` column gives.
struct Listed {
    name: Spanned<String>,
    request: Option<(Spanned<HttpMethod>, Spanned<String>)>,
}

struct PageReader<'a, 'd> {
    file: FileId,
    text: &'a str,
    diagnostics: &'d mut Vec<Diagnostic>,
    group: Option<Spanned<String>>,
    /// The operations the method table lists, when the page has one.
    listed: Option<Vec<Listed>>,
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
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info)))
                if info.as_ref() == "bash" =>
            {
                if let Some(draft) = &mut self.current {
                    draft.call = draft
                        .call
                        .take()
                        .or_else(|| example_call(&collect_text(inner).text, &draft.name.value));
                }
            }
            Event::Start(Tag::BlockQuote(_)) => self.signature(range),
            _ => {}
        }
    }

    /// A signature line (`> Pet create_pet(pet)`), kept for the layout that reads its type.
    fn signature(&mut self, range: &Range<usize>) {
        if let Some(draft) = &mut self.current
            && draft.part == Part::Description
        {
            draft.signature.get_or_insert(range.clone());
        }
    }

    fn heading(&mut self, level: HeadingLevel, inner: &Events<'_>, range: &Range<usize>) {
        let span = trim_span(self.text, range.clone());
        if let Some(draft) = &mut self.current
            && let Some(stated) = &mut draft.stated
            && stated.heading(
                level,
                collect_text(inner).text.trim(),
                &self.text[span.clone()],
            )
        {
            return;
        }
        match level {
            HeadingLevel::H1 if self.group.is_none() => {
                // Without the module or namespace before the name (`ory_client.CourierApi`,
                // `\CourierAPI`, `OryClient::CourierApi`).
                let heading = collect_text(inner);
                let title = heading.text.trim();
                let name = title.rsplit(['.', ':', '\\']).next().unwrap_or(title);
                let at = title.len() - name.len();
                let start = heading.text.len() - heading.text.trim_start().len() + at;
                self.group = Some(Spanned {
                    value: name.to_owned(),
                    span: heading.source_span(start..start + name.len(), &span),
                });
            }
            // `## get_thing`, or openapi-generator's `# **get_thing**` after the title.
            HeadingLevel::H1 | HeadingLevel::H2 => {
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
                // A heading of several words and no signature is a section of the page (Dart's
                // `## Load the API package`), not an operation.
                let signature = heading.text.contains('(') || !heading.text.trim().contains(' ');
                if signature && is_operation_name(name) {
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
                        content_types: None,
                        accept: None,
                        optional_unless_marked: false,
                        call: None,
                        stated: None,
                        signature: None,
                    });
                }
            }
            _ => {
                if let Some(draft) = &mut self.current {
                    let heading = collect_text(inner);
                    // An operation without parameters in the layout that states places.
                    if heading.text.trim() == stated_places::RESPONSES {
                        draft.stated = Some(StatedPlaces::without_arguments());
                    }
                    draft.optional_unless_marked = matches!(
                        heading.text.trim(),
                        "Other Parameters" | "Optional Parameters"
                    );
                    draft.part = match heading.text.trim() {
                        "Parameters"
                        | "Path Parameters"
                        | "Other Parameters"
                        | "Required Parameters"
                        | "Optional Parameters" => Part::Parameters,
                        "Return type" => Part::ReturnType,
                        "HTTP request headers" => Part::MediaTypes,
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
            // Go's `Other Parameters` tables have a blank line between their header and their
            // rows, which Markdown then reads as a paragraph.
            Part::Parameters if is_detached_rows(source) => {
                let rows = detached_rows(self.file, self.text, range, self.diagnostics);
                for parameter in rows {
                    draft.add_parameter(parameter);
                }
            }
            Part::ReturnType if draft.returns.is_none() => {
                let returned = collect_text(inner);
                let returned = returned.text.trim();
                // `eiffel/api_doc.mustache` opens it with a brace: `{empty response body)`.
                let empty = returned.starts_with("void")
                    || returned.to_lowercase().ends_with("empty response body)");
                draft.returns = Some(if empty {
                    None
                } else {
                    let (events, range) = without_trailing_note(inner, range);
                    let (events, range) = unwrapped(self.text, events, &range);
                    let cell = Cell { events, range };
                    let parsed = parse_type_cell(self.file, self.text, &cell, self.diagnostics);
                    draft.broken |= parsed.is_none();
                    parsed.map(|parsed| TypeCell {
                        linked_page: linked_page(inner),
                        ..TypeCell::of_parsed(self.text, parsed)
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
        if draft.part == Part::MediaTypes {
            read_media_types(inner, draft);
            return;
        }
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
                self.listed = method_table(self.file, self.text, inner, self.diagnostics);
            }
            return;
        };
        if let Some(stated) = &mut draft.stated {
            stated.table(self.file, self.text, inner, self.diagnostics);
            return;
        }
        if draft.part != Part::Parameters {
            return;
        }
        if stated_places::is_call_arguments(inner) {
            draft.stated = Some(StatedPlaces::from_arguments(self.text, inner));
            return;
        }
        // Rust's tables have a `Required` column before the Notes.
        let mut required_column = false;
        let mut index = 0;
        while index < inner.len() {
            let (event, range) = &inner[index];
            let end = find_end(inner, index);
            let row = &inner[index + 1..end];
            match event {
                Event::Start(Tag::TableHead) => {
                    let names = header_names(row);
                    required_column = is_header(&names, &PARAMETERS_HEADER_WITH_REQUIRED);
                    if !required_column && !is_header(&names, &PARAMETERS_HEADER) {
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
                Event::Start(Tag::TableRow)
                    if !is_attribute_line(&self.text[range.clone()])
                        && !is_function_context(&self.text[range.clone()]) =>
                {
                    let columns = if required_column {
                        PARAMETERS_HEADER_WITH_REQUIRED.len()
                    } else {
                        PARAMETERS_HEADER.len()
                    };
                    let read = read_parameter(
                        self.file,
                        self.text,
                        (row, range),
                        columns,
                        self.diagnostics,
                    );
                    match read {
                        Some(parameter) => draft.add_parameter(parameter),
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
        let Some(mut draft) = self.current.take() else {
            return;
        };
        if let Some(call) = &draft.call {
            for row in &mut draft.parameters {
                row.call = Some(in_call(call, &row.name.value));
            }
        }
        if let Some(stated) = draft.stated.take() {
            let stated = stated.finish(self.text);
            draft.parameters = (stated.parameters.into_iter())
                .map(|parameter| {
                    let StatedParameter {
                        name,
                        ty,
                        required,
                        allowed_values,
                        place,
                    } = parameter;
                    ParameterRow {
                        api_name: name.value.clone(),
                        name,
                        ty,
                        description: String::new(),
                        required,
                        default: None,
                        allowed_values,
                        file: false,
                        place: Some(place),
                        call: None,
                        scalar: false,
                    }
                })
                .collect();
            draft.content_types = Some(stated.content_types);
            draft.accept = stated.accept;
            let signature = (draft.signature.take()).and_then(|range| {
                stated_places::signature_return(
                    self.file,
                    self.text,
                    &range,
                    &draft.name.value,
                    self.diagnostics,
                )
            });
            // Without a signature of the operation, reported as a missing return type below.
            draft.returns = signature;
        }
        let mut missing = Vec::new();
        let listed_request = (self.listed.iter().flatten())
            .any(|listed| listed.name.value == draft.name.value && listed.request.is_some());
        if draft.request.is_none() && !listed_request && !draft.broken {
            missing.push((
                "no `Wraps METHOD /path` line",
                "the method and path are read from `Wraps GET /api/v2/...`, or from the method table's `HTTP request` column",
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
        // openapi-generator's pages document variants of an operation in sections of their
        // own (Java's `# **getPetWithHttpInfo**`), which the method table does not list.
        let listed_requests: Option<Vec<&str>> = self.listed.as_ref().and_then(|listed| {
            (listed.iter().any(|entry| entry.request.is_some())).then(|| {
                listed
                    .iter()
                    .map(|entry| entry.name.value.as_str())
                    .collect()
            })
        });
        let sections: Vec<Draft> = std::mem::take(&mut self.sections)
            .into_iter()
            .filter(|draft| {
                listed_requests
                    .as_ref()
                    .is_none_or(|names| names.contains(&draft.name.value.as_str()))
            })
            .collect();
        for draft in sections {
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
            let listed_request = (self.listed.iter().flatten())
                .find(|listed| listed.name.value == draft.name.value)
                .and_then(|listed| listed.request.clone());
            let (Some((method, path)), Some(returns), false) = (
                draft.request.or(listed_request),
                draft.returns,
                draft.broken,
            ) else {
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
                content_types: draft.content_types,
                accept: draft.accept,
            });
        }
        let best_effort = (self.listed.iter().flatten()).any(|listed| listed.request.is_some());
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
            best_effort,
        })
    }

    /// Every operation the method table lists has a section, but a variant of one listed with
    /// its method and path (`scala-akka-client/api_doc.mustache` lists
    /// `{{operationId}}WithHttpInfo` after each operation and writes no section for it).
    fn check_method_table(&mut self, listed: &[Listed], defined: &[String]) {
        let request_of = |entry: &Listed| {
            (entry.request.as_ref()).map(|(method, path)| (method.value, path.value.clone()))
        };
        let is_variant = |entry: &Listed| {
            request_of(entry).is_some_and(|request| {
                listed.iter().any(|other| {
                    defined.contains(&other.name.value)
                        && entry.name.value.starts_with(other.name.value.as_str())
                        && request_of(other).as_ref() == Some(&request)
                })
            })
        };
        for Listed { name: entry, .. } in listed.iter().filter(|entry| !is_variant(entry)) {
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

/// The parameters an example call of `operation` sends (`bash/api_doc.mustache`'s
/// `{{scriptName}} {{operationId}} petId=value api_key:value  Specify as:  tags="value1,..."`):
/// each wire name once, with [`ParameterLocation::Query`] for `name=...` (a path parameter's
/// too) and [`ParameterLocation::Header`] for `name:value`; a body's example, in single quotes,
/// skipped. `None` when the code's first line is no call of the operation.
fn example_call(code: &str, operation: &str) -> Option<Vec<(String, ParameterLocation)>> {
    let line = code.lines().find(|line| !line.trim().is_empty())?;
    // The words outside single quotes.
    let unquoted: String = line.split('\'').step_by(2).collect::<Vec<_>>().join(" ");
    let mut words = unquoted.split_whitespace();
    words.by_ref().find(|word| *word == operation)?;
    let mut sent: Vec<(String, ParameterLocation)> = Vec::new();
    let mut words = words.peekable();
    while let Some(word) = words.next() {
        if word == "Specify" && words.peek() == Some(&"as:") {
            words.next();
            continue;
        }
        let (name, location) = match (word.split_once('='), word.split_once(':')) {
            (Some((name, _)), _) => (name, ParameterLocation::Query),
            (None, Some((name, _))) => (name, ParameterLocation::Header),
            (None, None) => return None,
        };
        if name.is_empty() {
            return None;
        }
        if !sent.iter().any(|(seen, _)| seen == name) {
            sent.push((name.to_owned(), location));
        }
    }
    Some(sent)
}

/// What an example call that sends `call` shows of the Parameters row `name`: the parameter it
/// sends under a name that is the row's but for letter case and punctuation (the templates'
/// `toParamName` camelizes the wire name: `apiKey` for `api_key`, `xRequestID` for
/// `X-Request-ID`), else that it does not write it.
fn in_call(call: &[(String, ParameterLocation)], name: &str) -> InCall {
    let folded = |name: &str| -> String {
        (name.chars())
            .filter(char::is_ascii_alphanumeric)
            .map(|c| c.to_ascii_lowercase())
            .collect()
    };
    let row = folded(name);
    (call.iter())
        .find(|(wire_name, _)| folded(wire_name) == row)
        .map_or(InCall::Unwritten, |(wire_name, location)| InCall::Sent {
            wire_name: wire_name.clone(),
            location: *location,
        })
}

/// A return type's paragraph without the note in parentheses a template writes after a linked
/// type (`powershell/api_doc.mustache`: `[**{{{returnType}}}**]({{returnBaseType}}.md)
/// (PSCustomObject)` for every type that is not primitive): the events up to the link's end,
/// and the span they cover.
fn without_trailing_note<'e, 'a>(
    inner: &'e Events<'a>,
    range: &Range<usize>,
) -> (&'e Events<'a>, Range<usize>) {
    let link_end = inner
        .iter()
        .rposition(|(event, _)| matches!(event, Event::End(TagEnd::Link)));
    match link_end {
        Some(end) => {
            let rest = collect_text(&inner[end + 1..]).text;
            let rest = rest.trim();
            if rest.starts_with('(') && rest.ends_with(')') {
                (&inner[..=end], range.start..inner[end].1.end)
            } else {
                (inner, range.clone())
            }
        }
        None => (inner, range.clone()),
    }
}

/// A return type's paragraph without the client's request type a template writes around it,
/// outside the type's markup, which it opens (`scala-akka-client/api_doc.mustache`:
/// `ApiRequest[[**{{returnType}}**]({{returnBaseType}}.md)]`, `ApiRequest[**Int**]`): the
/// events inside the `Name[` that opens it and the `]` that closes it (in the source of the
/// paragraph at `range` of `text`), and the span they cover.
fn unwrapped<'e, 'a>(
    text: &str,
    inner: &'e Events<'a>,
    range: &Range<usize>,
) -> (&'e Events<'a>, Range<usize>) {
    let range = trim_span(text, range.clone());
    let source = &text[range.clone()];
    let wrapper = source
        .split_once('[')
        .filter(|(name, rest)| {
            naming::is_identifier(name)
                && (rest.starts_with("[**") || rest.starts_with("**"))
                && rest.ends_with(']')
        })
        .map(|(name, _)| range.start + name.len() + 1..range.end - 1);
    let Some(within) = wrapper else {
        return (inner, range);
    };
    let first = inner.iter().position(|(_, at)| at.start >= within.start);
    let last = inner.iter().rposition(|(_, at)| at.end <= within.end);
    match (first, last) {
        (Some(first), Some(last)) if first <= last => (&inner[first..=last], within),
        _ => (inner, range),
    }
}

/// Whether a heading's word names an operation: an identifier, or a PowerShell cmdlet's
/// `Verb-Noun`, each capitalized (`powershell/api_doc.mustache`'s
/// `# **{{vendorExtensions.x-powershell-method-name}}**`: `New-Pet`, and `Ping-` for an
/// operation id that is a verb alone).
fn is_operation_name(name: &str) -> bool {
    let capitalized = |word: &str| {
        word.starts_with(|c: char| c.is_ascii_uppercase()) && naming::is_identifier(word)
    };
    match name.split_once('-') {
        Some((verb, noun)) => capitalized(verb) && (noun.is_empty() || capitalized(noun)),
        None => naming::is_identifier(name),
    }
}

/// The operations a method table (`Method | Description`, or openapi-generator's `Method | HTTP
/// request | Description`) lists, with the spans of their names and the method and path of
/// the `HTTP request` column (`**GET** /things/{id}`, Go's `**Get**`).
fn method_table(
    file: FileId,
    text: &str,
    events: &Events<'_>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Vec<Listed>> {
    let mut listed = Vec::new();
    let mut request_column = None;
    let mut index = 0;
    while index < events.len() {
        let (event, range) = &events[index];
        let end = find_end(events, index);
        let row = &events[index + 1..end];
        match event {
            Event::Start(Tag::TableHead) => {
                let names = header_names(row);
                // Eiffel's calls an operation a `Feature`.
                if names
                    .first()
                    .is_none_or(|name| !matches!(name.as_str(), "Method" | "Feature"))
                {
                    return None;
                }
                request_column = names.iter().position(|name| name == "HTTP request");
            }
            Event::Start(Tag::TableRow) if !is_attribute_line(&text[range.clone()]) => {
                let row_cells = cells(row);
                let request = request_column
                    .and_then(|column| row_cells.get(column))
                    .and_then(|cell| {
                        // The cell's source with its `**` blanked and the method in capitals:
                        // the offsets stay the source's.
                        let span = trim_span(text, cell.range.clone());
                        let mut line = text[span.clone()].replace('*', " ");
                        let method_end = line.len() - line.trim_start().len()
                            + line
                                .trim_start()
                                .find(' ')
                                .unwrap_or(line.trim_start().len());
                        if let Some(method) = line.get_mut(..method_end) {
                            method.make_ascii_uppercase();
                        }
                        // Retrofit's paths are relative to the base URL (`pets/{id}`): the
                        // blank before one is its `/`.
                        let path_start = method_end + line[method_end..].len()
                            - line[method_end..].trim_start().len();
                        if path_start > method_end && !line[path_start..].starts_with('/') {
                            line.replace_range(path_start - 1..path_start, "/");
                        }
                        read_request(file, &line, span.start, diagnostics)
                    });
                if let Some(cell) = row_cells.first() {
                    // The name, or a call of it (php-nextgen's `createPet()`).
                    let written = collect_text(cell.events).text;
                    let name = written.trim().trim_end_matches("()").to_owned();
                    // The link text: the name without its markup.
                    let cell_span = trim_span(text, cell.range.clone());
                    let span = text[cell_span.clone()]
                        .find(&name)
                        .map_or(cell_span.clone(), |at| {
                            cell_span.start + at..cell_span.start + at + name.len()
                        });
                    listed.push(Listed {
                        name: Spanned { value: name, span },
                        request,
                    });
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
/// `columns` is the header's: 4, or 5 with Rust's `Required` before the Notes.
fn read_parameter(
    file: FileId,
    text: &str,
    (row, range): (&Events<'_>, &Range<usize>),
    columns: usize,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<ParameterRow> {
    let row_span = trim_span(text, range.clone());
    let cells = cells(row);
    let written = written_cells(&cells, &row_span);
    let source = source_cells(text, &row_span);
    // TypeScript writes a union of string literals unescaped: its `|`s cut the Type cell, and
    // Markdown keeps only as many cells as the header has. The row is read again from its
    // source, the type running over the cells that hold the union.
    let extra = source.len().saturating_sub(columns);
    let split_union = (extra > 0)
        .then(|| literal_union(&inline_text(&text[source[1].start..source[1 + extra].end])))
        .flatten();
    if split_union.is_none()
        && !has_its_cells(
            file,
            text,
            &row_span,
            (written, source.len(), columns),
            diagnostics,
        )
    {
        return None;
    }
    // A cell's text and span, counted as if the type were one cell.
    let recovered = split_union.is_some();
    let cell_text = |column: usize| -> (String, Range<usize>) {
        if recovered {
            let shifted = if column < 2 { column } else { column + extra };
            let span = trim_span(text, source[shifted].clone());
            (inline_text(&text[span.clone()]), span)
        } else {
            cells.get(column).map_or_else(
                || (String::new(), row_span.end..row_span.end),
                |cell| {
                    let span = trim_span(text, cell.range.clone());
                    (collect_text(cell.events).text, span)
                },
            )
        }
    };
    let (written_name, name_span) = cell_text(0);
    let written_name = written_name.trim();
    let name = Spanned {
        // Rust's raw identifier (`r#type`) is the identifier.
        value: written_name
            .strip_prefix("r#")
            .unwrap_or(written_name)
            .to_owned(),
        span: name_span,
    };
    if name.value.is_empty() {
        diagnostics.push(
            Diagnostic::error(file, name.span, "a parameter row without a name")
                .with_label("the Name cell is empty"),
        );
        return None;
    }
    let type_span = trim_span(
        text,
        source[1].start..source[(1 + extra).min(source.len() - 1)].end,
    );
    let string_type = |containers: Vec<Container>| TypeCell {
        expr: Spanned {
            value: TypeExpr {
                containers,
                leaf: Leaf::Primitive(Primitive::String),
            },
            span: type_span.clone(),
        },
        leaf_span: type_span.clone(),
        leaf_text: text[type_span.clone()].to_owned(),
        links_page: false,
        linked_page: None,
    };
    let (notes_text, notes_span) = cell_text(columns - 1);
    let mut notes = notes_or_reported(file, &notes_text, notes_span, diagnostics);
    if columns == PARAMETERS_HEADER_WITH_REQUIRED.len() {
        notes.required = cell_text(3).0.trim() == "[required]";
    }
    let union = split_union
        .or_else(|| literal_union(&collect_text(cells[1].events).text))
        .or_else(|| listed_enum(&collect_text(cells[1].events).text));
    // A type written twice is a file's (see `written_once`), whatever the name says (Perl's
    // `**string****string**`).
    let mut written_twice = false;
    let (ty, literals) = match union {
        Some((containers, literals)) => (string_type(containers), literals),
        // typescript-fetch writes an enum's values as code spans (`` `a`, `b` ``), and its
        // Notes list them (`[Enum: a, b]`).
        None if text[type_span.clone()].starts_with('`') && !notes.allowed_values.is_empty() => {
            (string_type(Vec::new()), Vec::new())
        }
        None => {
            let (ty, twice) = read_type_cell(file, text, &cells[1], &type_span, diagnostics)?;
            written_twice = twice;
            (ty, Vec::new())
        }
    };
    if notes.allowed_values.is_empty() {
        notes.allowed_values = literals;
    }
    Some(ParameterRow {
        api_name: name.value.clone(),
        name,
        ty,
        description: decode_escaped_entities(cell_text(2).0.trim()),
        required: notes.required,
        default: notes.default,
        allowed_values: notes.allowed_values,
        file: written_twice,
        call: None,
        place: None,
        scalar: false,
    })
}

/// Whether a parameter row has as many cells as its table's header, reported when not;
/// `cells` are the cells Markdown read, those of the row's source, and the header's.
fn has_its_cells(
    file: FileId,
    text: &str,
    row_span: &Range<usize>,
    (written, in_source, columns): (usize, usize, usize),
    diagnostics: &mut Vec<Diagnostic>,
) -> bool {
    // A row without outer pipes ends with the `|` before its empty Notes (` **id** | **str**|
    // Id | `), which Markdown reads as an outer pipe.
    let row_text = &text[row_span.clone()];
    let ends_before_empty_notes = !row_text.starts_with('|') && row_text.ends_with('|');
    let complete = written == columns || (ends_before_empty_notes && written == columns - 1);
    if complete && in_source <= columns {
        return true;
    }
    let header = if columns == PARAMETERS_HEADER.len() {
        PARAMETERS_HEADER.join(" | ")
    } else {
        PARAMETERS_HEADER_WITH_REQUIRED.join(" | ")
    };
    diagnostics.push(
        Diagnostic::error(
            file,
            row_span.clone(),
            format!("this row has {in_source} cells, expected {columns}"),
        )
        .with_label(format!("every row needs `{header}`"))
        .with_note("a `|` inside a cell must be escaped as `\\|`"),
    );
    false
}

/// A parameter row's Notes, or what an unexpected one says of being optional, with a warning.
fn notes_or_reported(
    file: FileId,
    notes_text: &str,
    notes_span: Range<usize>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Notes {
    read_notes(notes_text).unwrap_or_else(|unexpected| {
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
            required: !notes_text.to_lowercase().contains("optional"),
            default: None,
            allowed_values: Vec::new(),
        }
    })
}

/// A parameter row's Type cell (`cell`, spanning `type_span`), and whether it writes its type
/// twice, a file's ([`written_once`]).
fn read_type_cell(
    file: FileId,
    text: &str,
    cell: &Cell,
    type_span: &Range<usize>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<(TypeCell, bool)> {
    let once = written_once(text, type_span);
    let once_cell = (once.as_ref()).map(|(events, range)| Cell {
        events,
        range: range.clone(),
    });
    let ParsedCell {
        expr,
        leaf_span,
        links_page,
        ..
    } = parse_type_cell(file, text, once_cell.as_ref().unwrap_or(cell), diagnostics)?;
    let ty = TypeCell {
        expr,
        leaf_text: text[leaf_span.clone()].to_owned(),
        leaf_span,
        links_page,
        linked_page: linked_page(cell.events),
    };
    Some((ty, once.is_some()))
}

/// The page a cell's first link names, without its folder and `.md` (`tree_node` of
/// `[list_t](tree_node.md)`); `None` when it links none.
fn linked_page(events: &Events<'_>) -> Option<String> {
    events.iter().find_map(|(event, _)| match event {
        Event::Start(Tag::Link { dest_url, .. }) => {
            let page = dest_url.rsplit('/').next().unwrap_or(dest_url);
            page.strip_suffix(".md").map(str::to_owned)
        }
        _ => None,
    })
}

/// The events and span of the first half of a Type cell that writes its type twice
/// (`**System.IO.Stream****System.IO.Stream**`: the C#, PHP and Perl `api_doc.mustache` write a
/// file parameter's `**{{dataType}}**` once for `isFile` and once for `isPrimitiveType`, and a
/// file is both), read as a cell of its own; `None` for any other cell.
fn written_once<'a>(
    text: &'a str,
    span: &Range<usize>,
) -> Option<(Vec<PageEvent<'a>>, Range<usize>)> {
    let written = &text[span.clone()];
    let half = written.len() / 2;
    let doubled = written.len().is_multiple_of(2)
        && written.is_char_boundary(half)
        && written.starts_with("**")
        && written[..half] == written[half..];
    doubled.then(|| {
        let once = span.start..span.start + half;
        (inline_events(text, once.clone()), once)
    })
}

/// Whether a paragraph is table rows without their header (` **name** | **type** | ... |` on
/// every line).
fn is_detached_rows(source: &str) -> bool {
    source
        .lines()
        .all(|line| line.trim_start().starts_with("**") && line.contains(" | "))
}

/// The Parameters rows of a paragraph of rows whose header is above a blank line (`range`):
/// read as a table under a header of their own, with their spans (and those of what is
/// reported) in the page's text.
fn detached_rows(
    file: FileId,
    text: &str,
    range: &Range<usize>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<ParameterRow> {
    const HEADER: &str = "Name | Type | Description | Notes\n--- | --- | --- | ---\n";
    let table = format!("{HEADER}{}", &text[range.clone()]);
    // An offset in `table` past the header is this far from the page's.
    let to_page = |span: &mut Range<usize>| {
        let start = span.start.saturating_sub(HEADER.len()) + range.start;
        let end = span.end.saturating_sub(HEADER.len()) + range.start;
        *span = start..end;
    };
    let events: Vec<(Event<'_>, Range<usize>)> = Parser::new_ext(&table, Options::ENABLE_TABLES)
        .into_offset_iter()
        .collect();
    let mut read = Vec::new();
    let mut reported = Vec::new();
    let mut index = 0;
    while index < events.len() {
        let end = find_end(&events, index);
        if let (Event::Start(Tag::TableRow), row_range) = &events[index] {
            let row = &events[index + 1..end];
            if !is_function_context(&table[row_range.clone()])
                && let Some(mut parameter) =
                    read_parameter(file, &table, (row, row_range), 4, &mut reported)
            {
                to_page(&mut parameter.name.span);
                to_page(&mut parameter.ty.expr.span);
                to_page(&mut parameter.ty.leaf_span);
                read.push(parameter);
            }
            index = end + 1;
        } else {
            index += 1;
        }
    }
    for mut diagnostic in reported {
        if let Some((_, span)) = &mut diagnostic.location {
            to_page(span);
        }
        diagnostics.push(diagnostic);
    }
    read
}

/// Whether a Parameters row is Go's `ctx` (`**ctx** | **context.Context** | ...`), the Go
/// function's context (the Rust 3.x template's too), C's `**apiClient** | **apiClient_t \***`
/// (`C-libcurl/api_doc.mustache` writes it before `allParams`: the client's configuration), or
/// the 3.x/4.x `**optional** | ***GetPetOpts**` struct (Rust 3.x:
/// `**map[string]interface{}**`) of optional parameters, which the Notes call `nil if no
/// parameters`: not parameters of the request.
fn is_function_context(row: &str) -> bool {
    row.contains("**context.Context**")
        || row.contains("**apiClient_t \\***")
        || (row.contains("**optional**")
            && (row.contains("Opts**") || row.contains("nil if no parameters")))
}

/// The media types of `### HTTP request headers`: `- **Content-Type**: application/json` and
/// `- **Accept**: application/json, application/xml` (`Not defined` when there are none, bash's
/// `Not Applicable`).
fn read_media_types(items: &Events<'_>, draft: &mut Draft) {
    let mut index = 0;
    while index < items.len() {
        let end = find_end(items, index);
        if let (Event::Start(Tag::Item), _) = &items[index] {
            let item = collect_text(&items[index + 1..end]).text;
            if let Some((header, types)) = item.split_once(':') {
                let types = types
                    .split(',')
                    .map(|media_type| media_type.trim().to_owned())
                    .filter(|media_type| {
                        !matches!(media_type.as_str(), "" | "Not defined" | "Not Applicable")
                    });
                match header.trim() {
                    "Content-Type" => draft.content_types.get_or_insert_default().extend(types),
                    "Accept" => draft.accept.get_or_insert_default().extend(types),
                    _ => {}
                }
            }
        }
        index = end + 1;
    }
}

/// A TypeScript union of string literals (`'asc' | 'desc'`, or a list of them:
/// `Array<'a' | 'b'>`), as the list containers around a `str` and the literals.
fn literal_union(written: &str) -> Option<(Vec<Container>, Vec<String>)> {
    // A broken link around the union before its type: `[**'a' | 'b'**]**Array<'a' | 'b'>**`:
    // without its bold markers, the type is what follows the `]`.
    let unmarked = written.replace('*', "");
    let written = unmarked
        .rsplit_once("]Array<")
        .map_or(unmarked.as_str(), |(_, type_text)| {
            &unmarked[unmarked.len() - type_text.len() - "Array<".len()..]
        });
    let mut union = written.trim();
    let mut containers = Vec::new();
    while let Some(inner) = union
        .strip_prefix("Array<")
        .and_then(|rest| rest.strip_suffix('>'))
    {
        containers.push(Container::List);
        union = inner.trim();
    }
    let literals: Option<Vec<String>> = union
        .split('|')
        .map(|literal| {
            let literal = literal.trim();
            literal
                .strip_prefix('\'')
                .and_then(|rest| rest.strip_suffix('\''))
                .map(str::to_owned)
        })
        .collect();
    literals
        .filter(|literals| literals.len() > 1 || union.starts_with('\''))
        .map(|mut literals| {
            // openapi-generator's value for "a value this client does not know"
            // (`enumUnknownDefaultCase`), not the API's.
            literals.retain(|literal| literal != UNKNOWN_DEFAULT_CASE);
            (containers, literals)
        })
}

/// An enum's values listed in place of its type (R's `Enum [available, pending, sold]`:
/// `r/api_doc.mustache` writes `Enum {{values}}` for an `isEnum` parameter, Java's list
/// printed as is), as a string of those values.
fn listed_enum(written: &str) -> Option<(Vec<Container>, Vec<String>)> {
    let values = written.trim().strip_prefix("Enum [")?.strip_suffix(']')?;
    let values = values.split(", ").map(|value| value.trim().to_owned());
    Some((Vec::new(), values.collect()))
}

/// The enum value openapi-generator adds for values a client does not know
/// (`enumUnknownDefaultCase`: `11184809`, or `unknown_default_open_api`).
const UNKNOWN_DEFAULT_CASE: &str = "11184809";

/// What a parameter's Notes cell says.
struct Notes {
    required: bool,
    default: Option<String>,
    allowed_values: Vec<String>,
}

/// Reads `[optional] [default to X]\nValues: a, b` (the cell's text, markup removed) and the
/// other templates' words for them (`(optional) defaults to X`, `[Optional] [Defaults to X]`,
/// `[enum: a, b]`; a default `undefined` is none); the error is the text that is none of these.
fn read_notes(notes: &str) -> Result<Notes, &str> {
    let mut read = Notes {
        required: true,
        default: None,
        allowed_values: Vec::new(),
    };
    let mut rest = notes.trim();
    // The text after `prefix`, matched without case.
    let after = |rest: &str, prefix: &str| -> Option<usize> {
        rest.get(..prefix.len())
            .filter(|start| start.eq_ignore_ascii_case(prefix))
            .map(|_| prefix.len())
    };
    let set_default = |read: &mut Notes, value: &str| {
        let value = value.trim();
        // No value, or an empty list (Dart's `[]` and `const []`): nothing to say.
        if !matches!(value, "undefined" | "null" | "[]" | "const []") {
            read.default = Some(wire_default(value));
        }
    };
    // The `]` that closes a `[` opened at the start of `rest`: past the brackets of the value.
    let closing = |rest: &str| -> Option<usize> {
        let mut depth = 0usize;
        rest.char_indices().find_map(|(at, c)| match c {
            '[' => {
                depth += 1;
                None
            }
            ']' if depth <= 1 => Some(at),
            ']' => {
                depth -= 1;
                None
            }
            _ => None,
        })
    };
    while !rest.is_empty() {
        if let Some(skip) = after(rest, "[optional]").or_else(|| after(rest, "(optional)")) {
            read.required = false;
            rest = &rest[skip..];
        } else if let Some(skip) =
            after(rest, "[default to ").or_else(|| after(rest, "[defaults to "))
            && let Some(end) = closing(rest)
        {
            set_default(&mut read, &rest[skip..end]);
            rest = &rest[end + 1..];
        } else if let Some(skip) = after(rest, "defaults to ") {
            let value = &rest[skip..];
            let end = value.find(char::is_whitespace).unwrap_or(value.len());
            set_default(&mut read, &value[..end]);
            rest = &value[end..];
        } else if let Some(skip) = after(rest, "[enum: ")
            && let Some(end) = rest[skip..].find(']')
        {
            read.allowed_values = rest[skip..skip + end]
                .split(',')
                .map(|value| value.trim().to_owned())
                .filter(|value| !value.is_empty())
                .collect();
            rest = &rest[skip + end + 1..];
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
    use super::{
        HttpMethod, InCall, OperationPage, ParameterLocation, check_path, listed_enum,
        literal_union, parse_operations, read_notes, wire_default,
    };
    use crate::diagnostic::Sources;
    use crate::model::{Container, Primitive};
    use crate::parse::types::Leaf;

    /// Parses `text` as `ThingsApi.md`: the page and the one-line summaries of its diagnostics.
    fn read_page(text: &str) -> (Option<OperationPage>, Vec<String>) {
        let mut sources = Sources::default();
        let file = sources.add("ThingsApi.md".into(), text.to_owned());
        let mut diagnostics = Vec::new();
        let page = parse_operations(file, text, "ThingsApi", &mut diagnostics);
        let lines = (diagnostics.iter())
            .map(|diagnostic| sources.summarize(diagnostic))
            .collect();
        (page, lines)
    }

    /// Parses `text` as `ThingsApi.md`, which reads without a diagnostic: the page.
    fn read_clean_page(text: &str) -> OperationPage {
        let (page, diagnostics) = read_page(text);
        assert_eq!(diagnostics, Vec::<String>::new());
        page.expect("an operation page")
    }

    /// An openapi-generator API page of my own in the layout every template shares.
    const OPENAPI_GENERATOR_PAGE: &str = "# vendor_client.ThingsApi\n\n\
All URIs are relative to *https://api.example.com*\n\n\
Method | HTTP request | Description\n\
------------- | ------------- | -------------\n\
[**get_thing**](ThingsApi.md#get_thing) | **GET** /things/{thingId} | Get a thing\n\
[**ListThings**](ThingsApi.md#ListThings) | **Get** /things | List things\n\n\
# **get_thing**\n\
> Thing get_thing(thing_id, kinds=kinds, order=order)\n\n\
Get a thing\n\n\
### Parameters\n\n\
Name | Type | Description  | Notes\n\
------------- | ------------- | ------------- | -------------\n\
 **thing_id** | **str**| Thing ID | \n\
 **kinds** | Array<'a' | 'b' | '11184809'> | Kinds | (optional) defaults to undefined\n\
 **order** | **str**| Order | [Optional] [Defaults to `asc`] [Enum: asc, desc]\n\n\
### Return type\n\n\
[**Thing**](Thing.md)\n\n\
### HTTP request headers\n\n\
 - **Content-Type**: Not defined\n\
 - **Accept**: text/plain, text/csv\n\n\
## ListThings\n\n\
### Other Parameters\n\n\
Name | Type | Description  | Notes\n\
------------- | ------------- | ------------- | -------------\n\n\
**ctx** | **context.Context** | context | \n\
 **pageSize** | **int64** | Page size | [default to 250]\n\n\
### Return type\n\n\
 (empty response body)\n";

    #[test]
    fn an_openapi_generator_page_in_every_templates_words() {
        let (page, diagnostics) = read_page(OPENAPI_GENERATOR_PAGE);
        assert_eq!(diagnostics, Vec::<String>::new());
        let page = page.expect("an operation page");
        assert_eq!(page.group.value, "ThingsApi");
        let [get, list] = page.operations.as_slice() else {
            panic!("two operations: {:?}", page.operations);
        };
        assert_eq!(get.name.value, "get_thing");
        assert_eq!(get.method.value, HttpMethod::Get);
        assert_eq!(get.path.value, "/things/{thingId}");
        assert_eq!(get.summary, "Get a thing");
        let rows: Vec<_> = (get.parameters.iter())
            .map(|row| {
                (
                    row.name.value.as_str(),
                    row.ty.expr.value.containers.clone(),
                    row.ty.expr.value.leaf.clone(),
                    row.required,
                    row.default.clone(),
                    row.allowed_values.clone(),
                )
            })
            .collect();
        let str_leaf = Leaf::Primitive(Primitive::String);
        assert_eq!(
            rows,
            [
                ("thing_id", vec![], str_leaf.clone(), true, None, vec![]),
                (
                    "kinds",
                    vec![Container::List],
                    str_leaf.clone(),
                    false,
                    None,
                    vec!["a".to_owned(), "b".to_owned()]
                ),
                (
                    "order",
                    vec![],
                    str_leaf,
                    false,
                    Some("asc".to_owned()),
                    vec!["asc".to_owned(), "desc".to_owned()]
                ),
            ]
        );
        assert_eq!(get.content_types, Some(vec![]));
        assert_eq!(
            get.accept,
            Some(vec!["text/plain".to_owned(), "text/csv".to_owned()])
        );
        assert_eq!(list.name.value, "ListThings");
        assert_eq!(list.method.value, HttpMethod::Get);
        assert_eq!(list.path.value, "/things");
        assert_eq!(list.returns, None);
        // Go's `ctx` is no parameter, and its other parameters (rows below a blank line, which
        // Markdown reads as a paragraph) do not say they are required.
        assert_eq!(list.parameters.len(), 1);
        assert!(!list.parameters[0].required);
        assert_eq!(list.parameters[0].default.as_deref(), Some("250"));
    }

    /// A page of my own in the C#, PHP, php-nextgen and Dart templates' words.
    const OTHER_TEMPLATES_PAGE: &str = "# vendor.api.ThingsApi\n\n\
## Load the API package\n\n\
| Method | HTTP request | Description |\n\
| ------------- | ------------- | ------------- |\n\
| [**uploadThing()**](ThingsApi.md#uploadThing) | **POST** /things/{thingId} |  |\n\n\
## `uploadThing()`\n\n\
### Parameters\n\n\
| Name | Type | Description  | Notes |\n\
| ------------- | ------------- | ------------- | ------------- |\n\
| **thing_id** | **int**|  | |\n\
| **file** | **System.IO.Stream****System.IO.Stream** |  |  |\n\
| **tags** | [**List<String>**](String.md)|  | [optional] [default to const []] |\n\n\
### Return type\n\n\
void (empty response body)\n";

    #[test]
    fn other_templates_names_sections_and_doubled_types() {
        let page = read_clean_page(OTHER_TEMPLATES_PAGE);
        let [upload] = page.operations.as_slice() else {
            panic!("one operation: {:?}", page.operations);
        };
        assert_eq!(upload.name.value, "uploadThing");
        assert_eq!(upload.path.value, "/things/{thingId}");
        let file = &upload.parameters[1];
        assert_eq!(file.ty.leaf_text, "System.IO.Stream");
        assert!(file.file && !upload.parameters[0].file);
        assert_eq!(
            file.ty.expr.value.leaf,
            Leaf::Named("System.IO.Stream".to_owned())
        );
        assert_eq!(upload.parameters[2].default, None);
    }

    /// A page of my own in the PowerShell template's words: cmdlet names, a return type's note.
    const POWERSHELL_PAGE: &str = "# Vendor.Vendor\\Api.ThingsApi\n\n\
Method | HTTP request | Description\n\
------------- | ------------- | -------------\n\
[**Get-Thing**](ThingsApi.md#Get-Thing) | **GET** /things/{thingId} | \n\
[**Ping-**](ThingsApi.md#Ping-) | **HEAD** /ping | \n\n\
<a id=\"Get-Thing\"></a>\n\
# **Get-Thing**\n\
> Thing Get-Thing<br>\n\
> &nbsp;&nbsp;&nbsp;&nbsp;[-ThingId] <Int64><br>\n\n\
### Parameters\n\n\
Name | Type | Description  | Notes\n\
------------- | ------------- | ------------- | -------------\n\
 **ThingId** | **Int64**|  | \n\n\
### Return type\n\n\
[**Thing[]**](Thing.md) (PSCustomObject)\n\n\
<a id=\"Ping-\"></a>\n\
# **Ping-**\n\
> void Ping-<br>\n\n\
### Return type\n\n\
void (empty response body)\n";

    #[test]
    fn powershell_cmdlet_names_and_return_notes() {
        let page = read_clean_page(POWERSHELL_PAGE);
        let names: Vec<&str> = (page.operations.iter())
            .map(|operation| operation.name.value.as_str())
            .collect();
        assert_eq!(names, ["Get-Thing", "Ping-"]);
        let returned = page.operations[0].returns.as_ref().expect("a return type");
        assert_eq!(returned.expr.value.containers, [Container::List]);
        assert_eq!(returned.expr.value.leaf, Leaf::Named("Thing".to_owned()));
        assert!(returned.links_page);
        // A note in parentheses ends only a linked type; a name with two hyphens is none.
        for (written, changed, what) in [
            (
                "[**Thing[]**](Thing.md) (PSCustomObject)",
                "**Thing** (PSCustomObject)",
                "an unlinked type",
            ),
            ("# **Get-Thing**", "# **Get-Thing-Now**", "two hyphens"),
            (
                "# **Get-Thing**",
                "# **Get-thing**",
                "a noun not capitalized",
            ),
        ] {
            let (page, _) = read_page(&POWERSHELL_PAGE.replacen(written, changed, 1));
            let names: Vec<String> = (page.iter().flat_map(|page| &page.operations))
                .map(|operation| operation.name.value.clone())
                .collect();
            assert_eq!(names, ["Ping-"], "{what}");
        }
    }

    /// A page of my own in the scala-akka template's words: a variant the method table lists
    /// without a section, return types inside the client's request type.
    const SCALA_PAGE: &str = "# ThingsApi\n\n\
Method | HTTP request | Description\n\
------------- | ------------- | -------------\n\
[**getThing**](ThingsApi.md#getThing) | **GET** /things/{thingId} | \n\
[**getThingWithHttpInfo**](ThingsApi.md#getThingWithHttpInfo) | **GET** /things/{thingId} | \n\
[**countThings**](ThingsApi.md#countThings) | **GET** /things/count | \n\
[**countThingsWithHttpInfo**](ThingsApi.md#countThingsWithHttpInfo) | **GET** /things/count | \n\
[**dropThing**](ThingsApi.md#dropThing) | **DELETE** /things/{thingId} | \n\
[**dropThingWithHttpInfo**](ThingsApi.md#dropThingWithHttpInfo) | **DELETE** /things/{thingId} | \n\
[**lostThing**](ThingsApi.md#lostThing) | **GET** /lost | \n\n\
## getThing\n\n\
### Return type\n\n\
ApiRequest[[**Seq[Thing]**](Thing.md)]\n\n\
## countThings\n\n\
### Return type\n\n\
ApiRequest[**Map[String, Int]**]\n\n\
## dropThing\n\n\
### Return type\n\n\
ApiRequest[Unit] (empty response body)\n";

    #[test]
    fn scala_request_wrappers_and_unlisted_variants() {
        let (page, diagnostics) = read_page(SCALA_PAGE);
        // Only the operation the table lists with no section of its own or of a variant.
        assert_eq!(
            diagnostics,
            [
                "ThingsApi.md:11:4: error: operation `lostThing` is listed in the method table but has no section"
            ]
        );
        let page = page.expect("an operation page");
        let returns: Vec<_> = (page.operations.iter())
            .map(|operation| {
                (operation.returns.as_ref())
                    .map(|cell| (cell.expr.value.containers.clone(), cell.leaf_text.clone()))
            })
            .collect();
        assert_eq!(
            returns,
            [
                Some((vec![Container::List], "Thing".to_owned())),
                Some((vec![Container::Map], "Int".to_owned())),
                None,
            ]
        );
    }

    /// A page of my own in the bash template's words: the example call shows each path, query
    /// and header parameter's wire name.
    const BASH_PAGE: &str = "# ThingsApi\n\n\
Method | HTTP request | Description\n\
------------- | ------------- | -------------\n\
[**listThings**](ThingsApi.md#listThings) | **GET** /things/{thingId} | \n\n\
## listThings\n\n\
### Example\n\n\
```bash\n\
vendor-cli listThings thingId=value X-Trace-ID:value  Specify as:  kind=value1 kind=value2 kind=...  \
note='{\"a\": \"b:c d=e\"}'\n\
```\n\n\
### Parameters\n\n\
Name | Type | Description  | Notes\n\
------------- | ------------- | ------------- | -------------\n\
 **thingId** | **integer** |  | [default to null]\n\
 **xTraceID** | **string** |  | [default to null]\n\
 **kind** | [**array[string]**](string.md) |  | [optional] [default to null]\n\
 **session** | **string** |  | [optional] [default to null]\n\n\
### Return type\n\n\
(empty response body)\n\n\
### HTTP request headers\n\n\
- **Content-Type**: Not Applicable\n\
- **Accept**: Not Applicable\n";

    #[test]
    fn bash_example_calls_show_wire_names_and_places() {
        let page = read_clean_page(BASH_PAGE);
        let list = &page.operations[0];
        let sent = |wire_name: &str, location| {
            Some(InCall::Sent {
                wire_name: wire_name.to_owned(),
                location,
            })
        };
        let calls: Vec<_> = (list.parameters.iter())
            .map(|row| row.call.clone())
            .collect();
        assert_eq!(
            calls,
            [
                sent("thingId", ParameterLocation::Query),
                sent("X-Trace-ID", ParameterLocation::Header),
                sent("kind", ParameterLocation::Query),
                Some(InCall::Unwritten),
            ]
        );
        assert_eq!(list.content_types, Some(vec![]));
        assert_eq!(list.accept, Some(vec![]));
        // Code that is no call of the operation shows nothing.
        let (page, _) = read_page(&BASH_PAGE.replace("vendor-cli listThings", "echo listThing"));
        let page = page.expect("an operation page");
        assert!(
            page.operations[0]
                .parameters
                .iter()
                .all(|row| row.call.is_none())
        );
    }

    /// A page of my own in the Eiffel template's words: a `Feature` column, `{empty response
    /// body)`.
    const EIFFEL_PAGE: &str = "# THINGS_API\n\n\
Feature | HTTP request | Description\n\
------------- | ------------- | -------------\n\
[**drop_thing**](THINGS_API.md#drop_thing) | **Delete** /things/{thingId} | \n\n\
# **drop_thing**\n\
> drop_thing (thing_id: INTEGER_64 )\n\n\
### Parameters\n\n\
Name | Type | Description  | Notes\n\
------------- | ------------- | ------------- | -------------\n\
 **thing_id** | **INTEGER_64**|  | [default to null]\n\n\
### Return type\n\n\
{empty response body)\n";

    #[test]
    fn eiffel_features_and_empty_bodies() {
        let page = read_clean_page(EIFFEL_PAGE);
        let [drop] = page.operations.as_slice() else {
            panic!("one operation: {:?}", page.operations);
        };
        assert_eq!(drop.method.value, HttpMethod::Delete);
        assert_eq!(drop.path.value, "/things/{thingId}");
        assert_eq!(drop.returns, None);
    }

    #[test]
    fn unions_of_string_literals() {
        let read = |text: &str| literal_union(text);
        assert_eq!(
            read("'a' | 'b'"),
            Some((vec![], vec!["a".to_owned(), "b".to_owned()]))
        );
        assert_eq!(
            read("[**'' | 'strong'**]**Array<'' | 'strong' | '11184809'>**"),
            Some((
                vec![Container::List],
                vec![String::new(), "strong".to_owned()]
            ))
        );
        assert_eq!(read("string"), None);
        assert_eq!(read("'a' | string"), None);
    }

    #[test]
    fn enums_listed_in_place_of_the_type() {
        assert_eq!(
            listed_enum("Enum [available, pending, sold] "),
            Some((
                vec![],
                vec!["available".into(), "pending".into(), "sold".into()]
            ))
        );
        assert_eq!(listed_enum("Enum"), None);
        assert_eq!(listed_enum("character"), None);
    }

    #[test]
    fn notes_of_both_dialects() {
        let notes = read_notes("[optional] [default to 25]\nValues: a, b ,c").unwrap();
        assert!(!notes.required);
        assert_eq!(notes.default.as_deref(), Some("25"));
        assert_eq!(notes.allowed_values, ["a", "b", "c"]);
        let notes = read_notes("[optional] [default to const []]").unwrap();
        assert!(!notes.required && notes.default.is_none());
        let notes = read_notes("[default to [a]]").unwrap();
        assert_eq!(notes.default.as_deref(), Some("[a]"));
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

//! Operation pages (`AnalyticsApi.md`): which models each API group's operations take and return.
//!
//! Each operation is a `## name` section; the models it uses are the types of its `### Parameters`
//! table and of its `### Return type` paragraph. Only those types are read: an operation page
//! decides which Cargo feature of the generated crate needs which models.

use std::ops::Range;

use pulldown_cmark::{Event, HeadingLevel, MetadataBlockKind, Options, Parser, Tag};

use super::page::{
    Spanned, cells, collect_text, find_end, front_matter_title, is_attribute_line, trim_span,
};
use super::type_expr::{TypeExpr, parse_type_expr_with_leaf_span};
use crate::diagnostic::{Diagnostic, FileId};

/// A page of operations of one API group.
#[derive(Debug, Clone, PartialEq)]
pub struct OperationPage {
    /// The file the page was read from.
    pub file: FileId,
    /// The group's name: the page title (`AnalyticsApi`).
    pub group: Spanned<String>,
    /// Every type an operation takes or returns, with the span of its name.
    pub types: Vec<Spanned<TypeExpr>>,
}

/// Whether a page has the shape of an operation page (cheap check before parsing).
pub fn looks_like_operations(text: &str) -> bool {
    text.contains("### Parameters") || text.contains("### Return type")
}

/// Parses an operation page; `None` when the page has no operation sections after all.
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

    let mut group = None;
    let mut section = Section::Other;
    let mut operations = 0;
    let mut types = Vec::new();
    let mut index = 0;
    while index < events.len() {
        let (event, range) = &events[index];
        let end = find_end(&events, index);
        match event {
            Event::Start(Tag::MetadataBlock(MetadataBlockKind::YamlStyle)) => {
                if let Some((Event::Text(yaml), yaml_range)) = events.get(index + 1) {
                    group = group.or_else(|| front_matter_title(yaml, yaml_range.start));
                }
            }
            Event::Start(Tag::Heading { level, .. }) => {
                let heading = collect_text(&events[index + 1..end]).text;
                let heading = heading.trim();
                section = match level {
                    HeadingLevel::H1 => {
                        group = group.or_else(|| {
                            Some(Spanned {
                                value: heading.to_owned(),
                                span: trim_span(text, range.clone()),
                            })
                        });
                        Section::Other
                    }
                    HeadingLevel::H3 if heading == "Parameters" => Section::Parameters,
                    HeadingLevel::H3 if heading == "Return type" => Section::ReturnType,
                    _ => Section::Other,
                };
                if section != Section::Other {
                    operations += 1;
                }
            }
            Event::Start(Tag::Table(_)) if section == Section::Parameters => {
                for row in cells_of_rows(text, &events[index + 1..end]) {
                    if let Some(cell) = row.get(1) {
                        read_type(file, text, cell, diagnostics, &mut types);
                    }
                }
            }
            Event::Start(Tag::Paragraph) if section == Section::ReturnType => {
                let paragraph = (&events[index + 1..end], range.clone());
                let returned = collect_text(paragraph.0).text;
                if !returned.trim_start().starts_with("void") {
                    read_type(file, text, &paragraph, diagnostics, &mut types);
                }
                section = Section::Other;
            }
            _ => {}
        }
        index = end + 1;
    }
    if operations == 0 {
        return None;
    }
    let group = group.unwrap_or_else(|| Spanned {
        value: file_stem.to_owned(),
        span: 0..0,
    });
    Some(OperationPage { file, group, types })
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Section {
    Parameters,
    ReturnType,
    Other,
}

type EventRange<'e, 'a> = (&'e [(Event<'a>, Range<usize>)], Range<usize>);

/// The cells of a table's body rows (not of a kramdown attribute line read as a row).
fn cells_of_rows<'e, 'a>(
    text: &str,
    events: &'e [(Event<'a>, Range<usize>)],
) -> Vec<Vec<EventRange<'e, 'a>>> {
    let mut rows = Vec::new();
    let mut index = 0;
    while index < events.len() {
        let end = find_end(events, index);
        if let (Event::Start(Tag::TableRow), range) = &events[index]
            && !is_attribute_line(&text[range.clone()])
        {
            rows.push(
                cells(&events[index + 1..end])
                    .into_iter()
                    .map(|cell| (cell.events, cell.range))
                    .collect(),
            );
        }
        index = end + 1;
    }
    rows
}

fn read_type(
    file: FileId,
    text: &str,
    (events, range): &EventRange<'_, '_>,
    diagnostics: &mut Vec<Diagnostic>,
    types: &mut Vec<Spanned<TypeExpr>>,
) {
    let cell = collect_text(events);
    let span = trim_span(text, range.clone());
    let leading = cell.text.len() - cell.text.trim_start().len();
    match parse_type_expr_with_leaf_span(cell.text.trim()) {
        Ok((expr, leaf)) => {
            let leaf_span = cell.source_span(leading + leaf.start..leading + leaf.end, &span);
            types.push(Spanned {
                value: expr,
                span: leaf_span,
            });
        }
        Err(error) => {
            let spot =
                cell.source_span(leading + error.span.start..leading + error.span.end, &span);
            let spot = if spot.is_empty() {
                spot.start.saturating_sub(1)..spot.start
            } else {
                spot
            };
            diagnostics.push(
                Diagnostic::error(
                    file,
                    spot,
                    format!("malformed type `{}`: {}", cell.text.trim(), error.message),
                )
                .with_label(error.message),
            );
        }
    }
}

//! One page of nested schema sections, as openapi-generator 6.x's `python` writes a model
//! (`model_doc.handlebars` and its recursive `schema_doc` partial): a title (`# package.model.
//! module.Name`), the description, a `## Model Type Info` table of one row (the Python classes a
//! value may be given as, and Notes), then as the schema has them a `### Dictionary Keys` table
//! (`Key | Input Type | Accessed Type | Description | Notes`: the JSON name; a model's link or
//! classes; `[optional]` unless required; `must be one of [...]`), a `### Tuple Items` table of
//! the items and a `### Composed Schemas (allOf/anyOf/oneOf/not)` table per composition. A row
//! whose schema is an array, an object or a composition (and no model) links (`[name](#name)`)
//! a `# name` section of its own, written in the same form right after the table, depth first:
//! the sections of a table's rows follow it in the order of its links.
//!
//! Read into the same [`ModelPage`]s as every other layout: an object with keys is a model (an
//! inline one is a model of its own, named as openapi-generator's `InlineModelResolver` names
//! it: `ContainersNestedInlineObject`, `...Inner` for an array's items, `...Value` for a map's
//! values), a schema of one value is an enum or an alias, a oneOf / anyOf the union of its
//! variants, an allOf the keys its inline members show and its members' models (whose
//! properties `inherit_all_of_members` adds; a property's allOf of one member is that member).

use std::ops::Range;

use heck::ToUpperCamelCase;
use pulldown_cmark::Parser;

use super::dialect::Mark;
use super::dialects;
use super::dialects::python_json_schema::{InputKind, InputType, enum_literal, input_type};
use super::page::{
    EnumValues, ModelPage, PageOutcome, PropertyRow, Spanned, collect_name_text, inline_text,
    read_literals, split_literals,
};
use super::type_expr::union_of;
use super::types::{Leaf, OneOf, TypeExpr};
use crate::diagnostic::{Diagnostic, FileId};
use crate::model::{Container, Primitive};

/// The heading of a section's first table.
const MODEL_TYPE_INFO: &str = "## Model Type Info";
/// The heading of an object's keys.
const DICTIONARY_KEYS: &str = "### Dictionary Keys";
/// The heading of an array's items.
const TUPLE_ITEMS: &str = "### Tuple Items";
/// The heading of the compositions, each under its own `#### allOf` (`anyOf`, `oneOf`, `not`).
const COMPOSED_SCHEMAS: &str = "### Composed Schemas (allOf/anyOf/oneOf/not)";
/// The key of the row of the keys a table does not name (`additionalProperties`).
const ANY_STRING_NAME: &str = "any_string_name";
/// How deep sections may nest (a schema nested deeper is no API's).
const MAX_DEPTH: usize = 64;

const INFO_HEADER: [&str; 4] = ["Input Type", "Accessed Type", "Description", "Notes"];
const KEYS_HEADER: [&str; 5] = ["Key", "Input Type", "Accessed Type", "Description", "Notes"];
const CLASS_HEADER: [&str; 5] = [
    "Class Name",
    "Input Type",
    "Accessed Type",
    "Description",
    "Notes",
];

/// Reads a page of this layout (one whose first heading after its `# ` title is
/// `## Model Type Info`): its model, and the models of the inline objects its sections show;
/// `None` for a page of another layout. Problems are appended to `diagnostics`.
pub fn parse_schema_sections_page(
    file: FileId,
    text: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<PageOutcome> {
    if !is_schema_sections_page(text) {
        return None;
    }
    let mut models = read_schema_sections_page(file, text, diagnostics);
    Some(match models.len() {
        0 => PageOutcome::NotAModel,
        1 => PageOutcome::Model(Box::new(models.remove(0))),
        _ => PageOutcome::Models(models),
    })
}

/// Whether the page is in this layout: the first heading after its `# ` title is
/// `## Model Type Info`.
fn is_schema_sections_page(text: &str) -> bool {
    if !text.contains(MODEL_TYPE_INFO) {
        return false;
    }
    let mut headings = text.lines().filter(|line| line.starts_with('#'));
    headings.next().is_some_and(|title| title.starts_with("# "))
        && headings
            .next()
            .is_some_and(|heading| heading.trim_end() == MODEL_TYPE_INFO)
}

/// Reads a page of this layout: its model first, then the models of the inline objects its
/// sections show; none when the page cannot be read.
fn read_schema_sections_page(
    file: FileId,
    text: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<ModelPage> {
    let mut reader = SectionReader {
        file,
        lines: lines(text),
        at: 0,
        diagnostics,
    };
    let Some(title) = reader.title() else {
        return Vec::new();
    };
    let Some(section) = reader.section(title.clone(), 0) else {
        return Vec::new();
    };
    let mut builder = ModelBuilder {
        file,
        diagnostics: reader.diagnostics,
        models: Vec::new(),
    };
    let info = section.info.input.span.clone();
    let mut page = builder.page(&section, title.clone());
    page.dialects = dialects::shown_by(Mark::ModelTypeInfo).map(|value| Spanned {
        value,
        span: section.heading_span.clone(),
    });
    // An allOf page is the model of its members' properties and its own, even of one member.
    let all_of_only =
        (section.composed.iter()).all(|(composition, _)| *composition == Composition::AllOf);
    let schema = if !section.composed.is_empty() && all_of_only {
        builder.all_of(&section, &title.value)
    } else if section
        .composed
        .iter()
        .any(|(composition, _)| composition.is_union())
    {
        // A oneOf / anyOf page: the model is one of its variants.
        page.one_of = Some(Spanned {
            value: OneOf {
                variants: builder.variants(&section, &title.value),
                discriminator: None,
            },
            span: info,
        });
        return std::iter::once(page).chain(builder.models).collect();
    } else {
        builder.schema(&section, &title.value)
    };
    match schema {
        Schema::Object(keys) => keys.fill(&mut page),
        Schema::Value(value) => match value.enum_values {
            Some(values) if value.expr.containers.is_empty() => page.enum_values = Some(values),
            _ => {
                page.alias = Some(Spanned {
                    value: value.expr,
                    span: info,
                })
            }
        },
    }
    let mut models = vec![page];
    models.append(&mut builder.models);
    models
}

/// A line of the page without its line ending, and the offset it starts at.
struct Line<'a> {
    text: &'a str,
    start: usize,
}

fn lines(text: &str) -> Vec<Line<'_>> {
    let mut start = 0;
    text.split_inclusive('\n')
        .map(|line| {
            let at = start;
            start += line.len();
            Line {
                text: line.trim_end_matches(['\n', '\r']),
                start: at,
            }
        })
        .collect()
}

/// One `# name` section (the page's title is the first): its tables, and the sections its rows
/// link, in page order.
struct Section<'a> {
    /// The section's name: the heading's text.
    name: String,
    /// The span of its `## Model Type Info` heading.
    heading_span: Range<usize>,
    /// Its description paragraphs (plain text).
    description: Vec<String>,
    /// The `## Model Type Info` row: the schema's own classes and Notes.
    info: Row<'a>,
    /// The `### Dictionary Keys` rows.
    keys: Vec<Row<'a>>,
    /// The `### Tuple Items` row.
    items: Option<Row<'a>>,
    /// The `### Composed Schemas` tables: each composition's rows.
    composed: Vec<(Composition, Vec<Row<'a>>)>,
    /// The sections the rows link.
    children: Vec<Section<'a>>,
}

impl Section<'_> {
    /// The section a row links (`[name](#name)`): the child of that name (the rows of one
    /// section link different names; a child's own sections, which may reuse a name, are its
    /// children).
    fn child(&self, anchor: &str) -> Option<&Section<'_>> {
        self.children.iter().find(|child| child.name == anchor)
    }
}

/// The compositions of `### Composed Schemas`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Composition {
    AllOf,
    AnyOf,
    OneOf,
    Not,
}

impl Composition {
    /// Whether a value is one of the members (a oneOf / anyOf), not all of them.
    fn is_union(self) -> bool {
        matches!(self, Composition::AnyOf | Composition::OneOf)
    }
}

/// A table row, its cells as written.
struct Row<'a> {
    /// The Key or Class Name cell: the name as text (none in the `## Model Type Info` row).
    name: Option<Spanned<String>>,
    /// The section the name links (`[name](#name)`).
    anchor: Option<String>,
    /// The Input Type cell, trimmed.
    input: Spanned<&'a str>,
    /// The model page the Input Type cell links (`[**Pet**](Pet.md)`).
    model: Option<String>,
    /// The Description cell as plain text, and its span.
    description: Spanned<String>,
    /// The Notes cell, trimmed.
    notes: &'a str,
}

/// Reads the page's lines into sections.
struct SectionReader<'a, 'd> {
    file: FileId,
    lines: Vec<Line<'a>>,
    /// The next line to read.
    at: usize,
    diagnostics: &'d mut Vec<Diagnostic>,
}

impl<'a> SectionReader<'a, '_> {
    fn error(&mut self, span: Range<usize>, message: impl Into<String>, label: &str) {
        self.diagnostics
            .push(Diagnostic::error(self.file, span, message).with_label(label));
    }

    /// The span of the line at `at`, or the end of the page.
    fn line_span(&self, at: usize) -> Range<usize> {
        match self.lines.get(at) {
            Some(line) => line.start..line.start + line.text.len(),
            None => self.lines.last().map_or(0..0, |line| {
                let end = line.start + line.text.len();
                end..end
            }),
        }
    }

    fn skip_blank_lines(&mut self) {
        while self
            .lines
            .get(self.at)
            .is_some_and(|line| line.text.trim().is_empty())
        {
            self.at += 1;
        }
    }

    /// The next line's text, trimmed at its end, if any.
    fn peek(&self) -> Option<&'a str> {
        self.lines.get(self.at).map(|line| line.text.trim_end())
    }

    /// The model's name: the title's last segment (`openapi_client.model.pet.Pet` is `Pet`).
    fn title(&mut self) -> Option<Spanned<String>> {
        while let Some(line) = self.lines.get(self.at) {
            self.at += 1;
            if let Some(title) = line.text.strip_prefix("# ") {
                let title = title.trim();
                let name = title.rsplit('.').next().unwrap_or(title);
                let start =
                    line.start + line.text.find(title).unwrap_or(0) + title.len() - name.len();
                return Some(Spanned {
                    value: name.to_owned(),
                    span: start..start + name.len(),
                });
            }
        }
        None
    }

    /// The section whose heading (`name`) was just read, with every section it links.
    fn section(&mut self, name: Spanned<String>, depth: usize) -> Option<Section<'a>> {
        if depth > MAX_DEPTH {
            self.error(
                name.span,
                format!("schema sections nested more than {MAX_DEPTH} deep"),
                "this section is too deep to read",
            );
            return None;
        }
        let mut description = Vec::new();
        let mut paragraph: Vec<&str> = Vec::new();
        loop {
            match self.peek() {
                Some(MODEL_TYPE_INFO) => break,
                Some(line) if line.starts_with('#') || line.starts_with("[[Back to") => {
                    let span = self.line_span(self.at);
                    self.error(
                        span,
                        format!(
                            "expected `{MODEL_TYPE_INFO}` in the section `{}`",
                            name.value
                        ),
                        "a section's first heading is `## Model Type Info`",
                    );
                    return None;
                }
                None => {
                    self.error(
                        name.span,
                        format!("the section `{}` has no `{MODEL_TYPE_INFO}`", name.value),
                        "expected its table after this heading",
                    );
                    return None;
                }
                Some(line) if line.trim().is_empty() => {
                    if !paragraph.is_empty() {
                        description.push(inline_text(&paragraph.join("\n")));
                        paragraph.clear();
                    }
                }
                Some(line) => paragraph.push(line),
            }
            self.at += 1;
        }
        if !paragraph.is_empty() {
            description.push(inline_text(&paragraph.join("\n")));
        }
        let heading_span = self.line_span(self.at);
        self.at += 1;
        let info = self.table(&INFO_HEADER, false)?.into_iter().next();
        let Some(info) = info else {
            self.error(
                heading_span,
                "`## Model Type Info` without a row",
                "expected `Input Type | Accessed Type | Description | Notes` and one row",
            );
            return None;
        };
        let mut section = Section {
            name: name.value,
            heading_span,
            description,
            info,
            keys: Vec::new(),
            items: None,
            composed: Vec::new(),
            children: Vec::new(),
        };
        loop {
            self.skip_blank_lines();
            match self.peek() {
                Some(DICTIONARY_KEYS) => {
                    self.at += 1;
                    section.keys = self.table(&KEYS_HEADER, true)?;
                    let links = section
                        .keys
                        .iter()
                        .filter(|row| row.anchor.is_some())
                        .count();
                    self.children(&mut section.children, links, depth)?;
                }
                Some(TUPLE_ITEMS) => {
                    self.at += 1;
                    let items = self.table(&CLASS_HEADER, true)?.into_iter().next();
                    let links = usize::from(items.as_ref().is_some_and(|row| row.anchor.is_some()));
                    section.items = items;
                    self.children(&mut section.children, links, depth)?;
                }
                Some(COMPOSED_SCHEMAS) => {
                    self.at += 1;
                    self.compositions(&mut section, depth)?;
                }
                _ => break,
            }
        }
        Some(section)
    }

    /// The `#### allOf` (`anyOf`, `oneOf`, `not`) tables after `### Composed Schemas`, each
    /// followed by the sections its rows link.
    fn compositions(&mut self, section: &mut Section<'a>, depth: usize) -> Option<()> {
        loop {
            self.skip_blank_lines();
            let composition = match self.peek() {
                Some("#### allOf") => Composition::AllOf,
                Some("#### anyOf") => Composition::AnyOf,
                Some("#### oneOf") => Composition::OneOf,
                Some("#### not") => Composition::Not,
                _ => return Some(()),
            };
            self.at += 1;
            let rows = self.table(&CLASS_HEADER, true)?;
            let links = rows.iter().filter(|row| row.anchor.is_some()).count();
            section.composed.push((composition, rows));
            self.children(&mut section.children, links, depth)?;
        }
    }

    /// The `count` sections a table's rows link, which follow it.
    fn children(
        &mut self,
        children: &mut Vec<Section<'a>>,
        count: usize,
        depth: usize,
    ) -> Option<()> {
        for _ in 0..count {
            self.skip_blank_lines();
            let heading = (self.lines.get(self.at))
                .and_then(|line| Some((line.start, line.text.strip_prefix("# ")?)));
            let Some((line_start, name)) = heading else {
                let span = self.line_span(self.at);
                self.error(
                    span,
                    "expected the `# name` section a row links",
                    "each row whose name is a link (`[name](#name)`) has a section after its table",
                );
                return None;
            };
            let start = line_start + "# ".len() + (name.len() - name.trim_start().len());
            let name = Spanned {
                value: name.trim().to_owned(),
                span: start..start + name.trim().len(),
            };
            self.at += 1;
            children.push(self.section(name, depth + 1)?);
        }
        Some(())
    }

    /// A table with this header (`named`: a first cell naming the row) and its rows, up to the
    /// next blank line or heading.
    fn table(&mut self, header: &[&str], named: bool) -> Option<Vec<Row<'a>>> {
        self.skip_blank_lines();
        let written: Vec<&str> = self
            .peek()
            .unwrap_or_default()
            .split('|')
            .map(str::trim)
            .filter(|cell| !cell.is_empty())
            .collect();
        if written != header {
            let span = self.line_span(self.at);
            self.error(
                span,
                format!("expected the table header `{}`", header.join(" | ")),
                "unexpected header",
            );
            return None;
        }
        // The header, and the delimiter row.
        self.at += 2;
        let mut rows = Vec::new();
        while let Some(line) = self.lines.get(self.at) {
            if line.text.trim().is_empty() || line.text.starts_with('#') {
                break;
            }
            self.at += 1;
            if let Some(row) = self.row(line.text, line.start, named) {
                rows.push(row);
            }
        }
        Some(rows)
    }

    /// One row: `Name | Input Type | Accessed Type | Description | Notes` (without the Name
    /// when not `named`). The Description may hold unescaped `|` (the template writes it as
    /// given), and the Notes (`must be one of ["a|b", ]`) too: the Notes are the row's end
    /// from the first `|` after which they read as Notes.
    fn row(&mut self, text: &'a str, start: usize, named: bool) -> Option<Row<'a>> {
        let span_of = |cell: &str| {
            let offset = cell.as_ptr() as usize - text.as_ptr() as usize;
            let trimmed = cell.trim();
            let at = start + offset + cell.find(trimmed).unwrap_or(0);
            at..at + trimmed.len()
        };
        let cells_before_description = if named { 3 } else { 2 };
        let mut cells = text.splitn(cells_before_description + 1, '|');
        let leading: Vec<&str> = cells.by_ref().take(cells_before_description).collect();
        let rest = cells.next();
        let (Some(rest), [.., input, _]) = (rest, leading.as_slice()) else {
            self.error(
                start..start + text.len(),
                "a row without its Input Type, Accessed Type, Description and Notes cells",
                "too few cells",
            );
            return None;
        };
        let Some((description, notes)) = description_and_notes(rest) else {
            self.error(
                span_of(rest),
                "a row without its Notes cell",
                "expected `Description | Notes`",
            );
            return None;
        };
        let (name, anchor) = match named.then(|| leading[0]) {
            Some(cell) => {
                let (name, anchor) = name_cell(cell);
                let span = span_of(cell);
                (Some(Spanned { value: name, span }), anchor)
            }
            None => (None, None),
        };
        let input_text = input.trim();
        Some(Row {
            name,
            anchor,
            input: Spanned {
                value: input_text,
                span: span_of(input),
            },
            model: linked_model(input_text),
            description: Spanned {
                value: inline_text(description),
                span: span_of(description),
            },
            notes: notes.trim(),
        })
    }
}

/// The Description and the Notes of a row's end (`A | pipe. | [optional] `): the Notes from the
/// first `|` after which the rest reads as Notes; `None` without a `|`.
fn description_and_notes(rest: &str) -> Option<(&str, &str)> {
    rest.match_indices('|')
        .map(|(at, _)| (&rest[..at], &rest[at + 1..]))
        .find(|(_, notes)| is_notes(notes))
}

/// Whether a cell reads as what `notes_msg.handlebars` writes (after `[optional]`): nothing, an
/// enum's values, the default, a format's constraint.
fn is_notes(notes: &str) -> bool {
    let notes = notes.trim();
    let notes = notes
        .strip_prefix("[optional]")
        .unwrap_or(notes)
        .trim_start();
    notes.is_empty()
        || [
            "must be one of [",
            "if omitted the server will use the default value of",
            "value must ",
        ]
        .iter()
        .any(|start| notes.starts_with(start))
}

/// A Key or Class Name cell: the name (`**id**`, `**[tags](#tags)**`, `[Pet](Pet.md)`, `items`)
/// and the section it links, if any. The name is the JSON name as written: `_` marks no
/// emphasis (`**__proto__**`), entities are decoded.
fn name_cell(cell: &str) -> (String, Option<String>) {
    let cell = cell.trim();
    let events: Vec<_> = Parser::new(cell).into_offset_iter().collect();
    let name = collect_name_text(cell, &events).trim().to_owned();
    let unbold = cell
        .strip_prefix("**")
        .and_then(|cell| cell.strip_suffix("**"))
        .unwrap_or(cell);
    let anchor = unbold
        .strip_prefix('[')
        .and_then(|link| link.split_once("](#"))
        .and_then(|(_, anchor)| anchor.strip_suffix(')'))
        .map(str::to_owned);
    (name, anchor)
}

/// The model an Input Type cell links (`[**Pet**](Pet.md)`).
fn linked_model(cell: &str) -> Option<String> {
    let (name, destination) = cell.strip_prefix("[**")?.split_once("**](")?;
    let page = destination.strip_suffix(')')?.strip_suffix(".md")?;
    let page = page.rsplit('/').next().unwrap_or(page);
    (page == name).then(|| name.to_owned())
}

/// What a section says of its schema.
enum Schema {
    /// An object with keys.
    Object(Box<Keys>),
    /// Any other value.
    Value(Value),
}

/// What a section shows of an object with keys.
struct Keys {
    /// Its properties.
    properties: Vec<PropertyRow>,
    /// The row of the keys it does not name.
    additional: Option<PropertyRow>,
    /// The allOf members whose properties it has too.
    all_of: Vec<Spanned<String>>,
}

impl Keys {
    /// The page of the object: its properties and allOf members are these.
    fn fill(self, page: &mut ModelPage) {
        page.properties = self.properties;
        page.additional_properties = self.additional;
        page.all_of = self.all_of;
    }
}

/// What a row or a section says a value is.
struct Value {
    expr: TypeExpr,
    nullable: bool,
    enum_values: Option<EnumValues>,
    /// The type is a model's link.
    links_page: bool,
}

impl Value {
    fn of(leaf: Leaf, nullable: bool) -> Value {
        Value {
            expr: TypeExpr {
                containers: Vec::new(),
                leaf,
            },
            nullable,
            enum_values: None,
            links_page: false,
        }
    }

    fn any() -> Value {
        Value::of(Leaf::Primitive(Primitive::Any), false)
    }

    /// The value in a container (a list of it, a map of it).
    fn within(mut self, container: Container, nullable: bool) -> Value {
        self.expr.containers.insert(0, container);
        self.nullable = nullable;
        self
    }
}

/// Makes models of the sections: the page's, and one per inline object.
struct ModelBuilder<'d> {
    file: FileId,
    diagnostics: &'d mut Vec<Diagnostic>,
    /// The inline objects' models.
    models: Vec<ModelPage>,
}

impl ModelBuilder<'_> {
    /// A model page of the section's description, without a body yet.
    fn page(&self, section: &Section<'_>, name: Spanned<String>) -> ModelPage {
        ModelPage {
            file: self.file,
            name,
            description: section.description.join("\n\n"),
            properties: Vec::new(),
            additional_properties: None,
            enum_values: None,
            alias: None,
            dialects: None,
            taken: Vec::new(),
            all_of: Vec::new(),
            one_of: None,
        }
    }

    /// The Input Type of a row; any JSON value, with an error, for a class the template never
    /// writes.
    fn input_type(&mut self, row: &Row<'_>) -> InputType {
        let classes: Vec<&str> = (row.input.value.split(','))
            .map(str::trim)
            .filter(|class| !class.is_empty())
            .collect();
        input_type(&classes).unwrap_or_else(|unknown| {
            self.diagnostics.push(
                Diagnostic::error(
                    self.file,
                    row.input.span.clone(),
                    format!("unknown class `{unknown}` in an Input Type cell"),
                )
                .with_label("not a class the template writes")
                .with_note(dialects::python_json_schema::SPEC.type_syntax),
            );
            InputType {
                kind: InputKind::Any,
                nullable: false,
            }
        })
    }

    /// What a section says of its schema; an inline object nested in it is the model
    /// `inline_name` (with a suffix for an array's items, a map's values).
    fn schema(&mut self, section: &Section<'_>, inline_name: &str) -> Schema {
        if !section.composed.is_empty() {
            return self.composed(section, inline_name);
        }
        let input = self.input_type(&section.info);
        let value = match input.kind {
            InputKind::Any => Value::any(),
            InputKind::List => match &section.items {
                Some(items) => self
                    .row_value(items, section, &format!("{inline_name}Inner"))
                    .within(Container::List, input.nullable),
                None => Value::any().within(Container::List, input.nullable),
            },
            InputKind::Object => {
                let (named, additional): (Vec<_>, Vec<_>) =
                    (section.keys.iter()).partition(|row| {
                        row.name
                            .as_ref()
                            .is_some_and(|name| name.value != ANY_STRING_NAME)
                    });
                if !named.is_empty() {
                    let properties = (named.iter())
                        .map(|row| self.property(row, section, inline_name))
                        .collect();
                    let additional = (additional.first())
                        .map(|row| self.property(row, section, &format!("{inline_name}Value")));
                    return Schema::Object(Box::new(Keys {
                        properties,
                        additional,
                        all_of: Vec::new(),
                    }));
                }
                match additional.first() {
                    Some(row) => self
                        .row_value(row, section, &format!("{inline_name}Value"))
                        .within(Container::Map, input.nullable),
                    None => Value::any().within(Container::Map, input.nullable),
                }
            }
            InputKind::Primitive(primitive) => {
                let mut value = Value::of(Leaf::Primitive(primitive), input.nullable);
                value.enum_values = enum_values(section.info.notes, primitive, &section.info);
                value
            }
        };
        Schema::Value(value)
    }

    /// A composed schema: a oneOf / anyOf is the union of its variants, an allOf of one member
    /// that member, an allOf of several the keys its inline members show; a `not` any value.
    fn composed(&mut self, section: &Section<'_>, inline_name: &str) -> Schema {
        let union = (section.composed.iter()).any(|(composition, _)| composition.is_union());
        let all_of: Vec<&Row<'_>> = (section.composed.iter())
            .filter(|(composition, _)| *composition == Composition::AllOf)
            .flat_map(|(_, rows)| rows)
            .collect();
        if union {
            return Schema::Value(Value {
                expr: union_of(self.variants(section, inline_name)),
                nullable: false,
                enum_values: None,
                links_page: false,
            });
        }
        match all_of.as_slice() {
            [] => Schema::Value(Value::any()),
            [only] => self.member(only, section, inline_name),
            _ => self.all_of(section, inline_name),
        }
    }

    /// The types of a oneOf / anyOf's variants (an inline object's: any JSON value).
    fn variants(&mut self, section: &Section<'_>, inline_name: &str) -> Vec<TypeExpr> {
        (section.composed.iter())
            .filter(|(composition, _)| composition.is_union())
            .flat_map(|(_, rows)| rows)
            .map(|row| match self.member(row, section, inline_name) {
                Schema::Value(value) => value.expr,
                Schema::Object(_) => TypeExpr {
                    containers: Vec::new(),
                    leaf: Leaf::Primitive(Primitive::Any),
                },
            })
            .collect()
    }

    /// An allOf as an object: the keys its inline members show, and its members' models,
    /// whose properties it has too. A member of no keys (a constraint of a value) adds none.
    fn all_of(&mut self, section: &Section<'_>, inline_name: &str) -> Schema {
        let mut properties = Vec::new();
        let mut additional = None;
        let mut all_of = Vec::new();
        let members = (section.composed.iter())
            .filter(|(composition, _)| *composition == Composition::AllOf)
            .flat_map(|(_, rows)| rows);
        for member in members {
            if let Some(model) = &member.model {
                all_of.push(Spanned {
                    value: model.clone(),
                    span: member.input.span.clone(),
                });
                continue;
            }
            if let Schema::Object(more) = self.member(member, section, inline_name) {
                properties.extend(more.properties);
                additional = additional.or(more.additional);
                all_of.extend(more.all_of);
            }
        }
        Schema::Object(Box::new(Keys {
            properties,
            additional,
            all_of,
        }))
    }

    /// A composition's member: a model's link, or the section it links.
    fn member(&mut self, row: &Row<'_>, section: &Section<'_>, inline_name: &str) -> Schema {
        if let Some(model) = &row.model {
            let mut value = Value::of(Leaf::Named(model.clone()), false);
            value.links_page = true;
            return Schema::Value(value);
        }
        match row
            .anchor
            .as_deref()
            .and_then(|anchor| section.child(anchor))
        {
            Some(child) => self.schema(child, inline_name),
            None => Schema::Value(self.row_value(row, section, inline_name)),
        }
    }

    /// What a row says its value is: a model's link, the schema of the section it links (an
    /// object with keys the model `inline_name`), or its classes and Notes.
    fn row_value(&mut self, row: &Row<'_>, section: &Section<'_>, inline_name: &str) -> Value {
        if let Some(model) = &row.model {
            let mut value = Value::of(Leaf::Named(model.clone()), false);
            value.links_page = true;
            return value;
        }
        let input = self.input_type(row);
        if let Some(child) = row
            .anchor
            .as_deref()
            .and_then(|anchor| section.child(anchor))
        {
            let mut value = match self.schema(child, inline_name) {
                Schema::Value(value) => value,
                Schema::Object(keys) => {
                    let name = Spanned {
                        value: inline_name.to_owned(),
                        span: row.input.span.clone(),
                    };
                    let mut model = self.page(child, name);
                    keys.fill(&mut model);
                    self.models.push(model);
                    Value::of(Leaf::Named(inline_name.to_owned()), false)
                }
            };
            value.nullable |= input.nullable && input.kind != InputKind::Any;
            return value;
        }
        match input.kind {
            InputKind::Any => Value::any(),
            InputKind::List => Value::any().within(Container::List, input.nullable),
            InputKind::Object => Value::any().within(Container::Map, input.nullable),
            InputKind::Primitive(primitive) => {
                let mut value = Value::of(Leaf::Primitive(primitive), input.nullable);
                value.enum_values = enum_values(row.notes, primitive, row);
                value
            }
        }
    }

    /// A `### Dictionary Keys` row as a property; an inline object in it is the model named
    /// after the object's (`inline_prefix`) and the key.
    fn property(
        &mut self,
        row: &Row<'_>,
        section: &Section<'_>,
        inline_prefix: &str,
    ) -> PropertyRow {
        let name = row.name.clone().unwrap_or_else(|| Spanned {
            value: String::new(),
            span: row.input.span.clone(),
        });
        let inline_name = format!("{inline_prefix}{}", name.value.to_upper_camel_case());
        let value = self.row_value(row, section, &inline_name);
        PropertyRow {
            api_name: name.value.clone(),
            wire_name: None,
            name,
            type_expr: Spanned {
                value: value.expr,
                span: row.input.span.clone(),
            },
            leaf_span: row.input.span.clone(),
            description: row.description.value.trim().to_owned(),
            description_span: row.description.span.clone(),
            required: !row.notes.starts_with("[optional]"),
            nullable: value.nullable,
            required_unknown: false,
            notes: row.notes.to_owned(),
            enum_values: value.enum_values,
            links_page: value.links_page,
            absent_or_null: false,
            taken: Vec::new(),
        }
    }
}

/// The values Notes list (`must be one of ["a", "b", None, ]`), of the row's primitive; `null`
/// (the template's `None`) left out: the Input Type's `None` says it.
fn enum_values(notes: &str, primitive: Primitive, row: &Row<'_>) -> Option<EnumValues> {
    let list = notes.split_once("must be one of [")?.1;
    let list = list.rsplit_once(']').map_or(list, |(list, _)| list);
    let literals = split_literals(list)
        .iter()
        .map(|literal| enum_literal(literal))
        .filter(|literal| *literal != "null")
        .map(|literal| Spanned {
            value: literal.to_owned(),
            span: row.input.span.clone(),
        })
        .collect();
    Some(read_literals(literals, Some(primitive)))
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::parse_schema_sections_page;
    use crate::diagnostic::{Diagnostic, Sources};
    use crate::model::Primitive;
    use crate::parse::page::{ModelPage, PageOutcome, PropertyRow};

    /// The info table of a section whose Input Type is `input`.
    fn info(input: &str, notes: &str) -> String {
        format!(
            "## Model Type Info\nInput Type | Accessed Type | Description | Notes\n\
             ------------ | ------------- | ------------- | -------------\n\
             {input} | x,  |  | {notes}\n"
        )
    }

    const KEYS: &str = "### Dictionary Keys\nKey | Input Type | Accessed Type | Description | \
                        Notes\n------------ | ------------- | ------------- | ------------- | \
                        -------------\n";
    const ITEMS: &str = "### Tuple Items\nClass Name | Input Type | Accessed Type | Description \
                         | Notes\n------------- | ------------- | ------------- | ------------- \
                         | -------------\n";
    const CLASSES: &str = "Class Name | Input Type | Accessed Type | Description | Notes\n\
                           ------------- | ------------- | ------------- | ------------- | \
                           -------------\n";
    const ANY: &str = "dict, frozendict.frozendict, str, date, datetime, uuid.UUID, int, float, \
                       decimal.Decimal, bool, None, list, tuple, bytes, io.FileIO, \
                       io.BufferedReader, ";
    const BACK: &str = "\n[[Back to Model list]](../../README.md#documentation-for-models)\n";

    /// The models a page reads as, and the diagnostics; `None` for a page of another layout.
    fn read(text: &str) -> Option<(Vec<ModelPage>, Vec<Diagnostic>)> {
        let mut sources = Sources::default();
        let file = sources.add(PathBuf::from("Page.md"), text.to_owned());
        let mut diagnostics = Vec::new();
        let models = match parse_schema_sections_page(file, text, &mut diagnostics)? {
            PageOutcome::Model(page) => vec![*page],
            PageOutcome::Models(pages) => pages,
            PageOutcome::NotAModel => Vec::new(),
        };
        Some((models, diagnostics))
    }

    /// The models of a page that reads without a diagnostic.
    fn models(text: &str) -> Vec<ModelPage> {
        let (models, diagnostics) = read(text).expect("a page of nested schema sections");
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        models
    }

    /// `name: type` of each row, `?` after an optional one's name, `| null` after a nullable
    /// one's type, and the values of its enum.
    fn rows(rows: &[PropertyRow]) -> Vec<String> {
        rows.iter()
            .map(|row| {
                let optional = if row.required { "" } else { "?" };
                let null = if row.nullable { " | null" } else { "" };
                let values = row.enum_values.as_ref().map_or(String::new(), |values| {
                    let values: Vec<&str> = (values.values.iter())
                        .map(|value| value.value.as_str())
                        .collect();
                    format!(" {values:?}")
                });
                format!(
                    "{}{optional}: {}{null}{values}",
                    row.name.value, row.type_expr.value
                )
            })
            .collect()
    }

    #[test]
    fn keys_are_json_names_with_their_classes_required_flags_and_enums() {
        let page = format!(
            "# openapi_client.model.pet.Pet\n\nA pet.\n\n{}\n{KEYS}\
             **petType** | str,  | str,  |  | \n\
             **__proto__** | str,  | str,  |  | [optional] \n\
             **@type** | None, str,  | NoneClass, str,  |  | \n\
             **id** | decimal.Decimal, int,  | decimal.Decimal,  |  | [optional] value must be a 64 bit integer\n\
             **ratio** | decimal.Decimal, int, float,  | decimal.Decimal,  |  | [optional] value must be a 32 bit float\n\
             **born** | str, date,  | str,  |  | [optional] value must conform to RFC-3339 full-date YYYY-MM-DD\n\
             **seen** | None, str, datetime,  | NoneClass, str,  |  | [optional] value must conform to RFC-3339 date-time\n\
             **uuid** | str, uuid.UUID,  | str,  |  | value must be a uuid\n\
             **photo** | bytes, io.FileIO, io.BufferedReader,  | bytes, FileIO,  |  | [optional] \n\
             **good** | bool,  | BoolClass,  |  | [optional] if omitted the server will use the default value of True\n\
             **pipe** | str,  | str,  | A | pipe, and &#x60;code | with pipe&#x60;. | [optional] \n\
             **odd** | str,  | str,  |  | [optional] must be one of [\"a|b\", \"x y\", \"\", ] \n\
             **level** | decimal.Decimal, int,  | decimal.Decimal,  |  | must be one of [1, 2, ] value must be a 32 bit integer\n\
             **flag** | None, bool,  | NoneClass, BoolClass,  |  | [optional] must be one of [True, None, ] \n\
             **status** | [**StringEnum**](StringEnum.md) | [**StringEnum**](StringEnum.md) |  | [optional] \n\
             **any_value** | {ANY} | frozendict.frozendict, str |  | [optional] \n\
             **any_string_name** | dict, frozendict.frozendict, str, date, datetime, int, float, bool, decimal.Decimal, None, list, tuple, bytes, io.FileIO, io.BufferedReader | frozendict.frozendict | any string name can be used but the value must be the correct type | [optional]\n{BACK}",
            info("dict, frozendict.frozendict, ", "")
        );
        let [pet] = models(&page).try_into().expect("one model");
        assert_eq!(pet.name.value, "Pet");
        assert_eq!(pet.description, "A pet.");
        let shown = pet.dialects.expect("the layout shows its dialect").value;
        assert_eq!(
            shown.iter().map(|d| d.name()).collect::<Vec<_>>(),
            ["python-json-schema"]
        );
        assert_eq!(
            rows(&pet.properties),
            [
                "petType: str",
                "__proto__?: str",
                "@type: str | null",
                "id?: int",
                "ratio?: float",
                "born?: date",
                "seen?: datetime | null",
                "uuid: str",
                "photo?: str",
                "good?: bool",
                "pipe?: str",
                "odd?: str [\"a|b\", \"x y\", \"\"]",
                "level: int [\"1\", \"2\"]",
                "flag?: bool | null [\"true\"]",
                "status?: StringEnum",
                "any_value?: object",
            ]
        );
        assert_eq!(
            pet.properties[10].description,
            "A | pipe, and `code | with pipe`."
        );
        assert!(pet.properties[14].links_page);
        let additional = pet.additional_properties.expect("the any_string_name row");
        assert_eq!(additional.type_expr.value.to_string(), "object");
    }

    #[test]
    fn linked_sections_are_read_depth_first_and_inline_objects_are_models() {
        let page = format!(
            "# openapi_client.model.box.Box\n\n{}\n{KEYS}\
             **[grid](#grid)** | list, tuple,  | tuple,  |  | \n\
             **[inner](#inner)** | dict, frozendict.frozendict, None,  | frozendict.frozendict, NoneClass,  |  | [optional] \n\
             **[by_name](#by_name)** | dict, frozendict.frozendict,  | frozendict.frozendict,  |  | [optional] \n\
             **[free](#free)** | dict, frozendict.frozendict,  | frozendict.frozendict,  |  | [optional] \n\
             \n# grid\n\n{}\n{ITEMS}[items](#items) | list, tuple,  | tuple,  |  | \n\
             \n# items\n\n{}\n{ITEMS}items | decimal.Decimal, int,  | decimal.Decimal,  |  | \n\
             \n# inner\n\nAn inline object.\n\n{}\n{KEYS}\
             **[items](#items)** | list, tuple,  | tuple,  |  | [optional] \n\
             \n# items\n\n{}\n{ITEMS}[items](#items) | dict, frozendict.frozendict,  | frozendict.frozendict,  |  | \n\
             \n# items\n\n{}\n{KEYS}**key** | str,  | str,  |  | \n\
             \n# by_name\n\n{}\n{KEYS}\
             **[any_string_name](#any_string_name)** | list, tuple,  | tuple,  | any string name can be used but the value must be the correct type | [optional] \n\
             \n# any_string_name\n\n{}\n{ITEMS}[**Pet**](Pet.md) | [**Pet**](Pet.md) | [**Pet**](Pet.md) |  | \n\
             \n# free\n\n{}{BACK}",
            info("dict, frozendict.frozendict, ", ""),
            info("list, tuple, ", ""),
            info("list, tuple, ", ""),
            info("dict, frozendict.frozendict, None, ", ""),
            info("list, tuple, ", ""),
            info("dict, frozendict.frozendict, ", ""),
            info("dict, frozendict.frozendict, ", ""),
            info("list, tuple, ", ""),
            info("dict, frozendict.frozendict, ", ""),
        );
        let models = models(&page);
        let names: Vec<&str> = models
            .iter()
            .map(|model| model.name.value.as_str())
            .collect();
        assert_eq!(names, ["Box", "BoxInnerItemsInner", "BoxInner"]);
        assert_eq!(
            rows(&models[0].properties),
            [
                "grid: list[list[int]]",
                "inner?: BoxInner | null",
                "by_name?: dict(str, list[Pet])",
                "free?: dict(str, object)",
            ]
        );
        assert_eq!(models[2].description, "An inline object.");
        assert_eq!(
            rows(&models[2].properties),
            ["items?: list[BoxInnerItemsInner]"]
        );
        assert_eq!(rows(&models[1].properties), ["key: str"]);
    }

    #[test]
    fn a_page_of_one_value_is_an_enum_or_an_alias() {
        let string_enum = format!(
            "# openapi_client.model.status.Status\n\n{}{BACK}",
            info("str, ", "must be one of [\"on\", \"off\", ] ")
        );
        let [status] = models(&string_enum).try_into().expect("one model");
        let values = status.enum_values.expect("an enum");
        assert_eq!(values.primitive, Primitive::String);
        let values: Vec<&str> = values.values.iter().map(|v| v.value.as_str()).collect();
        assert_eq!(values, ["on", "off"]);

        let number_enum = format!(
            "# openapi_client.model.level.Level\n\n{}{BACK}",
            info(
                "decimal.Decimal, int, float, ",
                "must be one of [1.1, -1.2, ] value must be a 64 bit float"
            )
        );
        let [level] = models(&number_enum).try_into().expect("one model");
        assert_eq!(
            level.enum_values.expect("an enum").primitive,
            Primitive::Float
        );

        let list = format!(
            "# openapi_client.model.names.Names\n\n{}\n{ITEMS}items | str,  | str,  |  | \n{BACK}",
            info("list, tuple, ", "")
        );
        let [names] = models(&list).try_into().expect("one model");
        assert_eq!(
            names.alias.expect("an alias").value.to_string(),
            "list[str]"
        );

        let map = format!(
            "# openapi_client.model.labels.Labels\n\n{}\n{KEYS}\
             **any_string_name** | str,  | str,  | any string name can be used but the value must be the correct type | [optional] \n{BACK}",
            info("dict, frozendict.frozendict, ", "")
        );
        let [labels] = models(&map).try_into().expect("one model");
        assert_eq!(
            labels.alias.expect("an alias").value.to_string(),
            "dict(str, str)"
        );
    }

    #[test]
    fn a_union_page_lists_its_variants_and_an_all_of_its_members_and_keys() {
        let one_of = format!(
            "# openapi_client.model.either.Either\n\n{}\n\
             ### Composed Schemas (allOf/anyOf/oneOf/not)\n#### oneOf\n{CLASSES}\
             [one_of_0](#one_of_0) | decimal.Decimal, int,  | decimal.Decimal,  |  | \n\
             [one_of_1](#one_of_1) | decimal.Decimal, int, float,  | decimal.Decimal,  |  | \n\
             \n# one_of_0\n\n{}\n# one_of_1\n\n{}{BACK}",
            info(ANY, ""),
            info("decimal.Decimal, int, ", ""),
            info("decimal.Decimal, int, float, ", ""),
        );
        let [either] = models(&one_of).try_into().expect("one model");
        let variants: Vec<String> = (either.one_of.expect("a oneOf").value.variants.iter())
            .map(ToString::to_string)
            .collect();
        assert_eq!(variants, ["int", "float"]);

        let all_of = format!(
            "# openapi_client.model.cat.Cat\n\n{}\n\
             ### Composed Schemas (allOf/anyOf/oneOf/not)\n#### allOf\n{CLASSES}\
             [Pet](Pet.md) | [**Pet**](Pet.md) | [**Pet**](Pet.md) |  | \n\
             [all_of_1](#all_of_1) | dict, frozendict.frozendict,  | frozendict.frozendict,  |  | \n\
             \n# all_of_1\n\n{}\n{KEYS}**indoor** | bool,  | BoolClass,  |  | [optional] \n\
             **[home](#home)** | {ANY} | frozendict.frozendict |  | [optional] \n\
             \n# home\n\n{}\n\
             ### Composed Schemas (allOf/anyOf/oneOf/not)\n#### allOf\n{CLASSES}\
             [Address](Address.md) | [**Address**](Address.md) | [**Address**](Address.md) |  | \n{BACK}",
            info(ANY, ""),
            info("dict, frozendict.frozendict, ", ""),
            info(ANY, ""),
        );
        let [cat] = models(&all_of).try_into().expect("one model");
        let members: Vec<&str> = cat.all_of.iter().map(|m| m.value.as_str()).collect();
        assert_eq!(members, ["Pet"]);
        // A property's allOf of one member is that member.
        assert_eq!(rows(&cat.properties), ["indoor?: bool", "home?: Address"]);
    }

    #[test]
    fn other_layouts_are_not_read() {
        for page in [
            "# Pet\n\n## Properties\nName | Type | Description | Notes\n--- | --- | --- | ---\n",
            // This template's operation pages hold sections of this form after others.
            "# openapi_client.apis.tags.pet_api.PetApi\n\n# **get_pet**\n\n## Model Type Info\n",
        ] {
            assert!(read(page).is_none(), "{page}");
        }
    }

    #[test]
    fn what_the_template_never_writes_is_located_and_reads_no_model() {
        for (page, message) in [
            (
                format!("# m.Pet\n\n{}{BACK}", info("str, Pet, ", "")),
                "unknown class `Pet`",
            ),
            (
                format!(
                    "# m.Pet\n\n{}\n{KEYS}**[tags](#tags)** | list, tuple,  | tuple,  |  | \n{BACK}",
                    info("dict, frozendict.frozendict, ", "")
                ),
                "expected the `# name` section a row links",
            ),
            (
                format!(
                    "# m.Pet\n\n{}\n{KEYS}**id** | str,  | str,  | no Notes\n",
                    info("dict, frozendict.frozendict, ", "")
                ),
                "a row without its Notes cell",
            ),
            (
                "# m.Pet\n\n## Model Type Info\nType | Notes\n".to_owned(),
                "expected the table header",
            ),
        ] {
            let (_, diagnostics) = read(&page).expect("this layout");
            assert!(
                diagnostics
                    .iter()
                    .any(|diagnostic| diagnostic.message.starts_with(message)),
                "{message}: {diagnostics:?}"
            );
        }
    }
}

//! The API pages that state each parameter's place: openapi-generator's `python-experimental`
//! 5.x and `python` 6.x (`api_doc.handlebars`). Their `### Parameters` table lists the Python
//! call's arguments, not the API's parameters: `body` (its Description `required`, or `optional,
//! default is unset`), placeholders (`query_params | RequestQueryParams`), `content_type` (the
//! body's first media type: `optional, default is 'multipart/form-data'`),
//! `accept_content_types` (`default is ('application/json', )`) and the client's own options,
//! always ending with `skip_deserialization`. Then come `### body` (the body's schema) and one
//! `### query_params` (`path_params`, `header_params`, `cookie_params`) section per place: a
//! `#### RequestQueryParams` table of `{{baseName}} | {{schema.baseName}} | | optional` rows (the
//! wire name, a schema's name, `optional` unless required), then each schema under a heading of
//! its name (`#### LimitSchema` in 5.x, `# LimitSchema` in 6.x; the template's
//! `api_doc_schema_type_hint`): a `Type | Description | Notes` table of a model link
//! (`[**Pet**](Pet.md)`) or, in 5.x, a type (`**int**`, `**[str]**`); in 6.x a `## Model Type
//! Info` table of the Python classes a value may be given as (and `### Tuple Items` for a list's
//! items). `### Return Types, Responses` lists every response; the success's type is the one
//! the signature line states (`> {{returnType}} {{operationId}}(...)`).

use std::ops::Range;

use pulldown_cmark::{Event, HeadingLevel, Tag};

use super::dialects::python_json_schema::{InputKind, input_type};
use super::page::{
    Cell, Spanned, TypeCell, cells, collect_text, find_end, header_names, inline_events,
    parse_type_cell, split_literals, trim_span,
};
use super::types::{Leaf, TypeExpr};
use crate::diagnostic::{Diagnostic, FileId};
use crate::model::{Container, Primitive};

/// Where a page says a parameter goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum StatedPlace {
    /// A `{placeholder}` of the path.
    Path,
    /// The query string.
    Query,
    /// A request header.
    Header,
    /// A cookie.
    Cookie,
    /// The request's body (a form's fields when its media type is a form's).
    Body,
}

type Events<'a> = [(Event<'a>, Range<usize>)];

/// The heading of the responses, which every operation's section of this layout has.
pub(super) const RESPONSES: &str = "Return Types, Responses";

/// The last row of the call's arguments table, which every such table has.
const LAST_ARGUMENT: &str = "skip_deserialization";

/// Whether a Parameters table (its events) is the Python call's arguments of this layout.
pub(super) fn is_call_arguments(inner: &Events<'_>) -> bool {
    rows(inner).any(|row| first_cell_text(row).as_deref() == Some(LAST_ARGUMENT))
}

/// The body rows of a table's events.
fn rows<'e, 'a>(inner: &'e Events<'a>) -> impl Iterator<Item = &'e Events<'a>> {
    let mut index = 0;
    std::iter::from_fn(move || {
        while index < inner.len() {
            let end = find_end(inner, index);
            let at = index;
            index = end + 1;
            if matches!(inner[at].0, Event::Start(Tag::TableRow)) {
                return Some(&inner[at + 1..end]);
            }
        }
        None
    })
}

fn first_cell_text(row: &Events<'_>) -> Option<String> {
    cells(row)
        .first()
        .map(|cell| collect_text(cell.events).text.trim().to_owned())
}

/// Which part of an operation's section of this layout is being read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    /// `### query_params` and the like: the rows of one place, then their schemas.
    Place(StatedPlace),
    /// `### body`: the body's schema.
    Body,
    /// `### Return Types, Responses` and anything after: not read.
    Other,
}

/// A row of a place's table, before its schema is known.
#[derive(Debug)]
struct PlacedRow {
    name: Spanned<String>,
    schema: String,
    type_span: Range<usize>,
    required: bool,
    place: StatedPlace,
}

/// What an operation's section of this layout states, while it is read.
#[derive(Debug)]
pub(super) struct StatedPlaces {
    part: Part,
    /// The `body` argument's required flag and span, when the call takes a body.
    body_argument: Option<(bool, Range<usize>)>,
    body: Option<TypeCell>,
    /// The `content_type` argument's default: the body's first media type.
    content_type: Option<String>,
    /// The `accept_content_types` argument's default.
    accept: Option<Vec<String>>,
    rows: Vec<PlacedRow>,
    /// The schemas read, by name, with the string values 6.x lists (`must be one of [...]`).
    schemas: Vec<(String, TypeCell, Vec<String>)>,
    /// The schema heading whose table is next, and whether it is a list awaiting its items.
    schema: Option<(String, bool)>,
}

/// A parameter whose place the page states.
pub(super) struct StatedParameter {
    /// The name as the page writes it: the wire name (`X-Request-ID`), or `body`.
    pub(super) name: Spanned<String>,
    /// Its schema's type (any JSON value when the page shows none).
    pub(super) ty: TypeCell,
    pub(super) required: bool,
    /// The string values its schema lists.
    pub(super) allowed_values: Vec<String>,
    pub(super) place: StatedPlace,
}

/// What [`StatedPlaces::finish`] gives the section.
pub(super) struct Stated {
    pub(super) parameters: Vec<StatedParameter>,
    pub(super) content_types: Vec<String>,
    pub(super) accept: Option<Vec<String>>,
}

impl StatedPlaces {
    /// The section of an operation without arguments (`This endpoint does not need any
    /// parameter.`), known by its `### Return Types, Responses`.
    pub(super) fn without_arguments() -> Self {
        StatedPlaces {
            part: Part::Other,
            body_argument: None,
            body: None,
            content_type: None,
            accept: None,
            rows: Vec::new(),
            schemas: Vec::new(),
            schema: None,
        }
    }

    /// Reads the call's arguments table ([`is_call_arguments`]).
    pub(super) fn from_arguments(text: &str, inner: &Events<'_>) -> Self {
        let mut stated = Self::without_arguments();
        for row in rows(inner) {
            let row_cells = cells(row);
            let text_of = |column: usize| {
                (row_cells.get(column))
                    .map(|cell| collect_text(cell.events).text.trim().to_owned())
                    .unwrap_or_default()
            };
            let description = text_of(2);
            match text_of(0).as_str() {
                "body" => {
                    let span = trim_span(text, row_cells[0].range.clone());
                    stated.body_argument = Some((description == "required", span));
                }
                "content_type" => stated.content_type = quoted(&description).next(),
                "accept_content_types" => stated.accept = Some(quoted(&description).collect()),
                _ => {}
            }
        }
        stated
    }

    /// Reads a heading inside the section; `false` for one it leaves to the page reader (the
    /// operation's next section, `### Authorization`).
    pub(super) fn heading(&mut self, level: HeadingLevel, title: &str, source: &str) -> bool {
        let bold = source
            .trim_start_matches('#')
            .trim_start()
            .starts_with("**");
        match level {
            // 6.x's schema headings (`# LimitSchema`) and their `## Model Type Info`; an
            // operation's heading is bold (`# **list_pets**`).
            HeadingLevel::H1 if !bold => self.schema_heading(title),
            HeadingLevel::H2 if !bold => {}
            HeadingLevel::H1 | HeadingLevel::H2 => return false,
            HeadingLevel::H3 => {
                self.part = match title {
                    "query_params" => Part::Place(StatedPlace::Query),
                    "path_params" => Part::Place(StatedPlace::Path),
                    "header_params" => Part::Place(StatedPlace::Header),
                    "cookie_params" => Part::Place(StatedPlace::Cookie),
                    "body" => Part::Body,
                    // A list schema's items, a map's keys: the schema's own tables.
                    "Tuple Items" | "Dictionary Keys" => return true,
                    RESPONSES => Part::Other,
                    _ => {
                        self.part = Part::Other;
                        return false;
                    }
                };
                self.schema = None;
            }
            // 5.x's schema headings (`#### LimitSchema`); a place's `#### RequestQueryParams`.
            _ if title.starts_with("Request") && title.ends_with("Params") => self.schema = None,
            _ => self.schema_heading(title),
        }
        true
    }

    fn schema_heading(&mut self, title: &str) {
        if self.part != Part::Other {
            self.schema = Some((title.to_owned(), false));
        }
    }

    /// Reads a table inside the section: a place's rows, or a schema's type.
    pub(super) fn table(
        &mut self,
        file: FileId,
        text: &str,
        inner: &Events<'_>,
        diagnostics: &mut Vec<Diagnostic>,
    ) {
        if self.part == Part::Other {
            return;
        }
        let header = inner
            .iter()
            .position(|(event, _)| matches!(event, Event::Start(Tag::TableHead)))
            .map(|at| header_names(&inner[at + 1..find_end(inner, at)]))
            .unwrap_or_default();
        let header: Vec<&str> = header.iter().map(String::as_str).collect();
        let Some(first) = rows(inner).next() else {
            return;
        };
        let first_cells = cells(first);
        match (self.part, &self.schema, header.first().copied()) {
            (Part::Place(place), None, Some("Name")) => {
                for row in rows(inner) {
                    self.place_row(text, row, place);
                }
            }
            (_, Some((_, false)), Some("Type")) => {
                let cell = &first_cells[0];
                let written = collect_text(cell.events).text;
                // 5.x's any-type schema: `typing.Union[dict, frozendict, str, ...]`.
                let read = if written.trim().starts_with("typing.Union[") {
                    Some(primitive_cell(text, cell, Vec::new(), Primitive::Any))
                } else {
                    parse_type_cell(file, text, cell, diagnostics)
                        .map(|parsed| TypeCell::of_parsed(text, parsed))
                };
                if let Some(read) = read {
                    self.add_schema(read, Vec::new());
                }
            }
            (_, Some((_, false)), Some("Input Type")) => {
                let cell = &first_cells[0];
                match classes_kind(cell) {
                    Some(InputKind::List) => {
                        if let Some((_, list)) = &mut self.schema {
                            *list = true;
                        }
                    }
                    kind => {
                        let values = listed_values(&first_cells, 3);
                        self.add_schema(kind_cell(text, cell, Vec::new(), kind), values);
                    }
                }
            }
            (_, Some((_, true)), Some("Class Name")) => {
                // The items' row: `items | str, | str, | | `.
                let items = first_cells.get(1).unwrap_or(&first_cells[0]);
                let kind = classes_kind(items);
                let values = listed_values(&first_cells, 4);
                self.add_schema(kind_cell(text, items, vec![Container::List], kind), values);
            }
            _ => {}
        }
    }

    fn place_row(&mut self, text: &str, row: &Events<'_>, place: StatedPlace) {
        let row_cells = cells(row);
        let (Some(name_cell), Some(type_cell)) = (row_cells.first(), row_cells.get(1)) else {
            return;
        };
        let name = collect_text(name_cell.events).text.trim().to_owned();
        let notes = (row_cells.get(3))
            .map(|cell| collect_text(cell.events).text)
            .unwrap_or_default();
        self.rows.push(PlacedRow {
            name: Spanned {
                value: name,
                span: trim_span(text, name_cell.range.clone()),
            },
            schema: collect_text(type_cell.events).text.trim().to_owned(),
            type_span: trim_span(text, type_cell.range.clone()),
            required: notes.trim() != "optional",
            place,
        });
    }

    /// The type (and listed values) of the schema whose heading was read last.
    fn add_schema(&mut self, cell: TypeCell, values: Vec<String>) {
        let Some((name, _)) = self.schema.take() else {
            return;
        };
        if self.part == Part::Body {
            self.body.get_or_insert(cell);
        } else {
            self.schemas.push((name, cell, values));
        }
    }

    /// The section's parameters (the body first), each typed by its schema (any JSON value when
    /// the page shows none), and the media types of its body and success.
    pub(super) fn finish(self, text: &str) -> Stated {
        let any = |span: &Range<usize>| TypeCell {
            expr: Spanned {
                value: TypeExpr {
                    containers: Vec::new(),
                    leaf: Leaf::Primitive(Primitive::Any),
                },
                span: span.clone(),
            },
            leaf_span: span.clone(),
            leaf_text: text[span.clone()].to_owned(),
            links_page: false,
            linked_page: None,
        };
        let mut parameters = Vec::new();
        if let Some((required, span)) = self.body_argument {
            let ty = self.body.unwrap_or_else(|| any(&span));
            parameters.push(StatedParameter {
                name: Spanned {
                    value: "body".to_owned(),
                    span,
                },
                ty,
                required,
                allowed_values: Vec::new(),
                place: StatedPlace::Body,
            });
        }
        for row in self.rows {
            let schema = (self.schemas.iter()).find(|(name, ..)| *name == row.schema);
            let ty = schema.map_or_else(|| any(&row.type_span), |(_, cell, _)| cell.clone());
            parameters.push(StatedParameter {
                name: row.name,
                ty,
                required: row.required,
                allowed_values: schema
                    .map(|(.., values)| values.clone())
                    .unwrap_or_default(),
                place: row.place,
            });
        }
        Stated {
            parameters,
            content_types: self.content_type.into_iter().collect(),
            accept: self.accept,
        }
    }
}

/// The kind of value an Input Type cell's classes say (`str, datetime, `); `None` for classes
/// the template never writes.
fn classes_kind(cell: &Cell<'_, '_>) -> Option<InputKind> {
    let written = collect_text(cell.events).text;
    let classes: Vec<&str> = (written.split(','))
        .map(str::trim)
        .filter(|class| !class.is_empty())
        .collect();
    input_type(&classes).ok().map(|read| read.kind)
}

/// The type of an Input Type cell's kind, inside `containers`: a map of any values for an
/// object, any JSON value for what the classes do not say.
fn kind_cell(
    text: &str,
    cell: &Cell<'_, '_>,
    mut containers: Vec<Container>,
    kind: Option<InputKind>,
) -> TypeCell {
    let primitive = match kind {
        Some(InputKind::Primitive(primitive)) => primitive,
        Some(InputKind::Object) => {
            containers.push(Container::Map);
            Primitive::Any
        }
        _ => Primitive::Any,
    };
    primitive_cell(text, cell, containers, primitive)
}

fn primitive_cell(
    text: &str,
    cell: &Cell<'_, '_>,
    containers: Vec<Container>,
    primitive: Primitive,
) -> TypeCell {
    let span = trim_span(text, cell.range.clone());
    TypeCell {
        expr: Spanned {
            value: TypeExpr {
                containers,
                leaf: Leaf::Primitive(primitive),
            },
            span: span.clone(),
        },
        leaf_span: span.clone(),
        leaf_text: text[span].to_owned(),
        links_page: false,
        linked_page: None,
    }
}

/// The string values a schema's Notes cell (column `notes` of a row's `cells`) lists, as 6.x's
/// `notes_msg.handlebars` writes them (`must be one of ["a", "b", ]`); none when it lists none,
/// or values of another kind (numbers: no parameter's enum).
fn listed_values(row: &[Cell<'_, '_>], notes: usize) -> Vec<String> {
    let notes = (row.get(notes))
        .map(|cell| collect_text(cell.events).text)
        .unwrap_or_default();
    let Some((_, list)) = notes.split_once("must be one of [") else {
        return Vec::new();
    };
    let list = list.rsplit_once(']').map_or(list, |(list, _)| list);
    let unquoted: Option<Vec<String>> = (split_literals(list).iter())
        .filter(|literal| literal.as_str() != "None")
        .map(|literal| (literal.strip_prefix('"')?.strip_suffix('"')).map(str::to_owned))
        .collect();
    unquoted.unwrap_or_default()
}

/// The quoted values of an argument's Description (`default is ('a', 'b', )`).
fn quoted(description: &str) -> impl Iterator<Item = String> + '_ {
    description
        .split('\'')
        .skip(1)
        .step_by(2)
        .map(str::to_owned)
}

/// The return type the signature line (`> Pet create_pet(pet)`, a block quote spanning
/// `range`) states for operation `name`: `Some(None)` when it states none (`> ping()`); `None`
/// when the quote is no signature of it, or its type does not read (reported).
pub(super) fn signature_return(
    file: FileId,
    text: &str,
    range: &Range<usize>,
    name: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Option<TypeCell>> {
    let quote = trim_span(text, range.clone());
    let line = text[quote.clone()].lines().next()?;
    let body = line.trim_start_matches('>').trim_start();
    let body_start = quote.start + (line.len() - body.len());
    let call = body.find(&format!("{name}("))?;
    let type_text = body[..call].trim_end();
    if type_text.is_empty() {
        return (call == 0).then_some(None);
    }
    if !body[..call].ends_with(' ') {
        return None;
    }
    let at = body_start..body_start + type_text.len();
    // The type text read as a cell of its own.
    let events = inline_events(text, at.clone());
    let cell = Cell {
        events: &events,
        range: at,
    };
    let parsed = parse_type_cell(file, text, &cell, diagnostics)?;
    Some(Some(TypeCell::of_parsed(text, parsed)))
}

#[cfg(test)]
mod tests {
    use super::{quoted, signature_return};
    use crate::diagnostic::Sources;
    use crate::model::Container;
    use crate::parse::types::Leaf;

    #[test]
    fn an_arguments_defaults_are_its_quoted_values() {
        let read: Vec<String> = quoted("default is ('application/json', 'text/plain', )").collect();
        assert_eq!(read, ["application/json", "text/plain"]);
        assert_eq!(
            quoted("optional, default is 'multipart/form-data'").next(),
            Some("multipart/form-data".to_owned())
        );
        assert_eq!(quoted("default is False").next(), None);
    }

    /// The return type of `> TYPE name(args)`, as (containers, leaf); `None` when the quote is
    /// no signature of `name`.
    fn signature(line: &str, name: &str) -> Option<Option<(Vec<Container>, Leaf)>> {
        let mut sources = Sources::default();
        let file = sources.add("ThingsApi.md".into(), line.to_owned());
        let mut diagnostics = Vec::new();
        let read = signature_return(file, line, &(0..line.len()), name, &mut diagnostics);
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        read.map(|returned| returned.map(|cell| (cell.expr.value.containers, cell.expr.value.leaf)))
    }

    #[test]
    fn the_signature_states_the_return_type() {
        let named = |name: &str| Leaf::Named(name.to_owned());
        assert_eq!(
            signature("> [Thing] list_things(kind)", "list_things"),
            Some(Some((vec![Container::List], named("Thing"))))
        );
        assert_eq!(
            signature("> Thing get_thing(thing_id)", "get_thing"),
            Some(Some((vec![], named("Thing"))))
        );
        assert_eq!(signature("> ping()", "ping"), Some(None));
        // Another operation's name inside this one's, or no signature at all.
        assert_eq!(signature("> Thing reget_thing()", "get_thing"), None);
        assert_eq!(signature("> A note.", "get_thing"), None);
    }
}

//! One Markdown page: its title, its description, and its `## Properties` table or `## Enum` list.
//!
//! The layouts of openapi-generator's and swagger-codegen's templates are read: the title from YAML
//! front matter, `# Name` or a `## Name` heading before the body; an optional description
//! paragraph; `## Properties` with or without blank lines around it; rows with or without outer
//! pipes; bold or plain type cells; links ending in `.md`, `.html`, bare or empty (`(.md)`);
//! Notes such as `[optional]`, `[readonly]`, `[default to X]` (and `python-prior`'s `defaults to
//! X`, `must be one of [...]`); and whatever follows the body (`## Example`, back-links, a
//! kramdown attribute line, a version footer) ignored. Enum pages are a `## Enum` list of
//! `` `NAME` (value: `'value'`) `` items, or (`python-prior`) a Properties table of one `value` row
//! that `must be one of [...]`, or (Rust) a `## Enum Variants` table, which also lists a oneOf's
//! variants. typescript-fetch's table is `Name | Type` only: its rows say nothing of required.
//! Titles may carry a Ruby module (`# Store::Pet`), a C# namespace (`# Store.Model.Pet`) or PHP's
//! doubled `# # Pet`; a field's own enum is a `## Enum: XEnum` table (Java), an `inline` type
//! and a `## Enum: name` table of comma-separated values (Kotlin), or a `## Enum: XEnum` list
//! named after the field (JavaScript).

use std::ops::Range;

use heck::ToSnakeCase;
use pulldown_cmark::{
    Event, HeadingLevel, LinkType, MetadataBlockKind, Options, Parser, Tag, TagEnd,
};

use super::dialect::{Mark, Word};
use super::dialects;
use super::dialects::Dialects;
use super::type_expr::{NullMark, parse_type};
use super::types::{Discriminator, Leaf, OneOf, TypeExpr};
use crate::diagnostic::{Diagnostic, FileId};
use crate::model::{Container, Primitive, Taken};

/// A value and the byte span of the source it came from.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Spanned<T> {
    /// The value.
    pub value: T,
    /// Byte span in the page's text.
    pub span: Range<usize>,
}

/// A page that defines a type: a `## Properties` table or an enum.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct ModelPage {
    /// The file the page was read from.
    pub file: FileId,
    /// The model's name: the `## Name` heading before the body, else the title.
    pub name: Spanned<String>,
    /// The paragraphs between the title and the body (plain text); may be empty.
    pub description: String,
    /// The rows of the Properties table, in page order (none for an enum page).
    pub properties: Vec<PropertyRow>,
    /// The `**any string name**` row: the type of the keys the table does not name.
    pub additional_properties: Option<PropertyRow>,
    /// The values, when the page is an enum page.
    pub enum_values: Option<EnumValues>,
    /// The type the page names, when it is an alias (`python-prior`'s one `value` row; see
    /// `apply_folder_conventions`).
    pub alias: Option<Spanned<TypeExpr>>,
    /// The template dialects the page's syntax shows, if any: those its marks show, narrowed by
    /// each; at the first mark.
    pub dialects: Option<Spanned<Dialects>>,
    /// What other folders' pages of this model showed that this one cannot
    /// ([`super::take_from_other_folders`]): that it is a oneOf / anyOf.
    pub taken: Vec<Taken>,
    /// The models an allOf page names as its members, each at its link (python 6.x's
    /// `#### allOf` table): their properties are this model's too, before its own
    /// ([`super::inherit_all_of_members`]).
    pub all_of: Vec<Spanned<String>>,
    /// The variants of a oneOf / anyOf, where the page (or another folder's: `Fact::Variants`)
    /// lists them: the model is one of them.
    pub one_of: Option<Spanned<OneOf>>,
}

/// The values of an enum page, in page order.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct EnumValues {
    /// The values as they are on the wire (quotes removed).
    pub values: Vec<Spanned<String>>,
    /// `str` for quoted values; `int`, `float` or `bool` for a page of literals (`1`, `2.5`).
    pub primitive: Primitive,
}

/// One row of a Properties table.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct PropertyRow {
    /// The property's name in the docs (`active_skill_ids`, `pcSelf`).
    pub name: Spanned<String>,
    /// The API's name of the property: the name without the template's keyword escape
    /// (`pcSelf` -> `self`, `var_from` -> `from`), set by the folder's dialect
    /// (`apply_folder_conventions`); `[naming] wire` spells the JSON name from it.
    pub api_name: String,
    /// The JSON name, when the dialect's Name column is the JSON name itself (TypeScript), set
    /// with [`Self::api_name`]; `None` when `[naming] wire` spells it from the API name.
    pub wire_name: Option<String>,
    /// The parsed type expression and the span of its cell.
    pub type_expr: Spanned<TypeExpr>,
    /// The span of the innermost type's name inside the cell (`Modle` in `list[Modle]`).
    pub leaf_span: Range<usize>,
    /// The description, HTML entities decoded, Markdown markup removed; may be empty.
    pub description: String,
    /// The span of the description cell (for diagnostics about it).
    pub description_span: Range<usize>,
    /// `true` unless the Notes cell says `[optional]`.
    pub required: bool,
    /// The value may be `null`: the type says so (`X | null`, `Optional[X]`, `X, none_type`, Go's
    /// `NullableX`), or the field is required and its type has a mark the template writes for
    /// "absent or `null`" (Rust's `Option<X>`, C#'s `X?`).
    pub nullable: bool,
    /// The page does not say whether the field is required (typescript-fetch's table has no
    /// Notes): [`Self::required`] is `false`, so that a document without it reads.
    pub required_unknown: bool,
    /// The Notes cell's text, trimmed.
    pub notes: String,
    /// The values the page lists for this field (Java's `## Enum: XEnum` tables): the field is
    /// an open enum of them.
    pub enum_values: Option<EnumValues>,
    /// The Type cell links to its innermost type's page (`[**List<Pet>**](Pet.md)`).
    pub links_page: bool,
    /// The Type cell has the mark a template writes for "absent or `null`" (C#'s `X?`, Rust's
    /// `Option<X>`; `NullMark::AbsentOrNull`).
    pub absent_or_null: bool,
    /// What other folders' pages showed of this property that this one cannot
    /// ([`super::take_from_other_folders`]).
    pub taken: Vec<Taken>,
}

/// What one page turned out to be.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum PageOutcome {
    /// A model page (a struct or an enum).
    Model(Box<ModelPage>),
    /// A page of several models: its own first, then the inline objects its sections show
    /// (the `## Model Type Info` layout: `parse_schema_sections_page`).
    Models(Vec<ModelPage>),
    /// A page without a Properties table (an operation page, an index): skipped.
    NotAModel,
}

/// The expected header of a Properties table.
const HEADER: [&str; 4] = ["Name", "Type", "Description", "Notes"];

/// The header of typescript-fetch's Properties table: no descriptions, no Notes.
const NAME_TYPE_HEADER: [&str; 2] = ["Name", "Type"];

/// The Name cell of an additional-properties row (`python-prior`).
const ANY_NAME: &str = "any string name";

/// Parses one page. Problems are appended to `diagnostics`; a page with errors still yields what
/// could be read of it, so that one run reports every problem.
pub fn parse_page(file: FileId, text: &str, diagnostics: &mut Vec<Diagnostic>) -> PageOutcome {
    let mut options = Options::empty();
    options.insert(Options::ENABLE_TABLES);
    options.insert(Options::ENABLE_YAML_STYLE_METADATA_BLOCKS);
    let events: Vec<(Event<'_>, Range<usize>)> = Parser::new_ext(part_to_parse(text), options)
        .into_offset_iter()
        .collect();
    let mut reader = PageReader::new(file, text, diagnostics);
    let mut index = 0;
    while index < events.len() {
        let end = find_end(&events, index);
        reader.read_block(&events, index, end);
        index = end + 1;
    }
    match std::mem::take(&mut reader.expect) {
        Expect::Table(heading_span) => reader.properties_without_table(heading_span),
        Expect::List => reader.any_value = true,
        _ => {}
    }
    reader.finish()
}

/// The part of a page worth parsing. A page without `Properties` cannot define a type unless its
/// first `## ` heading is `## Enum` (or Rust's `## Enum Variants`, or a list of a oneOf's
/// variants); otherwise only its title and that heading matter (for the "model page without a
/// table" warning), so only the text up to that heading is parsed. Operation pages are most of a
/// docs folder's bytes.
fn part_to_parse(text: &str) -> &str {
    if text.contains("Properties") {
        return text;
    }
    let head = up_to_first_h2(text);
    let first_h2 = head.trim_end().rsplit('\n').next().unwrap_or_default();
    if matches!(
        first_h2.trim_end(),
        "## Enum"
            | "## Enum Variants"
            | "## oneOf"
            | "## anyOf"
            | "## oneOf schemas"
            | "## anyOf schemas"
    ) {
        text
    } else {
        head
    }
}

/// What the last body heading announced.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
enum Expect {
    /// Nothing in particular.
    #[default]
    Nothing,
    /// The Properties table, announced by the heading at this span.
    Table(Range<usize>),
    /// The `## Enum` list.
    List,
    /// A `## Enum: XEnum` table of a field's values (`| ACTIVE | "active" |`), for the fields
    /// whose type links to `#XEnum`, or a list of them, for the field named so.
    EnumTable(String),
    /// Rust's `## Enum Variants` table.
    Variants,
    /// The list of a oneOf / anyOf's variants, under the heading at this span.
    VariantList(Range<usize>),
}

/// What a Rust `## Enum Variants` table says the page is.
#[derive(Debug, Clone, PartialEq)]
enum Variants {
    /// `| Name | Value |` rows (`| Active | active |`): an enum of the values, and the Name
    /// cells.
    Values(EnumValues, Vec<String>),
    /// `| Name | Description |` rows naming types (`| String |  |`): a oneOf of them.
    OneOf(Spanned<Vec<TypeExpr>>),
    /// A `| Name | Value |` table followed by a section of a variant's properties, headed by a
    /// Name cell: a discriminated oneOf, whose tag property the page does not name. Any JSON
    /// value.
    Tagged,
}

/// The `title:` of YAML front matter whose text starts at byte `start` of the page.
pub(super) fn front_matter_title(yaml: &str, start: usize) -> Option<Spanned<String>> {
    let mut offset = start;
    for line in yaml.split_inclusive('\n') {
        if let Some(value) = line.trim_end().strip_prefix("title:") {
            let is_quote = |c| c == '"' || c == '\'';
            let trimmed = value.trim_start();
            let unquoted = trimmed.trim_start_matches(is_quote);
            let value_start = offset + "title:".len() + (value.len() - unquoted.len());
            let value = unquoted.trim_end_matches(is_quote);
            return Some(Spanned {
                value: value.to_owned(),
                span: value_start..value_start + value.len(),
            });
        }
        offset += line.len();
    }
    None
}

/// Whether an enum item's name is openapi-generator's `enumUnknownDefaultCase` stand-in, in any
/// language's spelling (`UnknownDefaultOpenApi`, `UNKNOWN_DEFAULT_OPEN_API`).
fn is_unknown_default_case(name: &str) -> bool {
    name.replace('_', "")
        .eq_ignore_ascii_case("unknowndefaultopenapi")
}

/// The text up to the end of the first line that starts with `## ` (all of it when there is none).
fn up_to_first_h2(text: &str) -> &str {
    let start = if text.starts_with("## ") {
        Some(0)
    } else {
        text.find("\n## ").map(|at| at + 1)
    };
    match start {
        Some(start) => text[start..]
            .find('\n')
            .map_or(text, |end| &text[..start + end + 1]),
        None => text,
    }
}

struct PageReader<'a, 'd> {
    file: FileId,
    text: &'a str,
    diagnostics: &'d mut Vec<Diagnostic>,
    title: Option<Spanned<String>>,
    name: Option<Spanned<String>>,
    description: Vec<String>,
    has_properties_heading: bool,
    /// The dialects the marks seen show, and where the first is.
    dialects: Option<Spanned<Dialects>>,
    additional_properties: Option<PropertyRow>,
    /// The `## Enum: XEnum` tables after the properties (Java): the values of the fields whose
    /// type links to `#XEnum`.
    field_enums: Vec<(String, EnumValues)>,
    /// The `## Enum: XEnum` lists after the properties (JavaScript): the values of the field
    /// `x`, whose type is the enum's primitive.
    field_enum_lists: Vec<(String, EnumValues)>,
    /// Rust's `## Enum Variants` table, once read.
    variants: Option<Variants>,
    /// The Properties table is typescript-fetch's `Name | Type`.
    name_and_type_only: bool,
    /// The variants a oneOf / anyOf page lists (`php-nextgen`'s `## oneOf`, Java's `## oneOf
    /// schemas`), at the list's heading.
    variant_list: Option<Spanned<Vec<TypeExpr>>>,
    /// The page says no more of its values than that they are any JSON value: an enum whose
    /// `## Enum` heading no list of values follows (`android`'s).
    any_value: bool,
    /// The `## Name` heading carries a namespace or module (`## Vendor.Model.Name`).
    qualified_name: bool,
    /// The page's `Type | Description | Notes` table of one value: its type and Notes.
    value_table: Option<(Spanned<TypeExpr>, String)>,
    /// The Properties table's rows, once read.
    properties: Option<Vec<PropertyRow>>,
    /// The values of an enum page's `## Enum` list, once read.
    enum_values: Option<EnumValues>,
    /// What the last body heading announced.
    expect: Expect,
    /// Whether the page's body (after its title and description) has begun.
    in_body: bool,
}

impl<'a, 'd> PageReader<'a, 'd> {
    /// A reader of the page `text`, before its first block.
    fn new(file: FileId, text: &'a str, diagnostics: &'d mut Vec<Diagnostic>) -> Self {
        PageReader {
            file,
            text,
            diagnostics,
            title: None,
            name: None,
            description: Vec::new(),
            has_properties_heading: false,
            dialects: None,
            additional_properties: None,
            field_enums: Vec::new(),
            field_enum_lists: Vec::new(),
            variants: None,
            name_and_type_only: false,
            variant_list: None,
            any_value: false,
            qualified_name: false,
            value_table: None,
            properties: None,
            enum_values: None,
            expect: Expect::Nothing,
            in_body: false,
        }
    }

    /// Reads the block of `events[index..=end]` (a heading, a table, a list, a paragraph...) as
    /// what the last heading announced ([`PageReader::expect`]).
    fn read_block(&mut self, events: &[(Event<'_>, Range<usize>)], index: usize, end: usize) {
        let text = self.text;
        let (event, range) = &events[index];
        // The events inside a block (none for an event that is not a start).
        let inner = events.get(index + 1..end).unwrap_or_default();
        match event {
            Event::Start(Tag::MetadataBlock(MetadataBlockKind::YamlStyle)) => {
                if let Some((Event::Text(yaml), yaml_range)) = events.get(index + 1) {
                    self.read_front_matter(yaml, yaml_range.start);
                }
            }
            Event::Start(Tag::Heading { level, .. }) => {
                let heading = collect_text(inner);
                let heading = Spanned {
                    value: heading.text.trim().to_owned(),
                    span: trim_span(text, range.clone()),
                };
                if let Expect::Table(heading_span) = std::mem::take(&mut self.expect) {
                    self.properties_without_table(heading_span);
                }
                self.read_heading(*level, heading);
            }
            Event::Start(Tag::Table(_)) => match std::mem::take(&mut self.expect) {
                Expect::Table(_) => self.properties = Some(self.read_table(inner)),
                Expect::EnumTable(name) => {
                    self.mark(Mark::FieldEnumHeading, trim_span(text, range.clone()));
                    let values = self.read_enum_table(inner);
                    self.field_enums.push((name, values));
                }
                Expect::Variants => {
                    let variants = self.read_variants(inner, range.clone());
                    self.variants = Some(variants);
                }
                // `python-experimental` 5.x's page of one value: a table without a Name column.
                Expect::Nothing if !self.in_body && self.follows_title(range.start) => {
                    self.value_table = self.read_value_table(inner);
                    self.in_body = self.value_table.is_some();
                }
                Expect::List | Expect::VariantList(_) | Expect::Nothing => {}
            },
            Event::Start(Tag::List(_)) if matches!(self.expect, Expect::VariantList(_)) => {
                if let Expect::VariantList(heading) = std::mem::take(&mut self.expect) {
                    self.variant_list = Some(Spanned {
                        value: self.read_variant_list(inner),
                        span: heading,
                    });
                }
            }
            Event::Start(Tag::List(_)) if self.expect == Expect::List => {
                self.expect = Expect::Nothing;
                self.enum_values = Some(self.read_enum_list(inner));
            }
            // A field's own enum as a list (JavaScript's), named after the field.
            Event::Start(Tag::List(_)) if matches!(self.expect, Expect::EnumTable(_)) => {
                if let Expect::EnumTable(name) = std::mem::take(&mut self.expect) {
                    self.mark(Mark::FieldEnumList, trim_span(text, range.clone()));
                    let values = self.read_enum_list(inner);
                    self.field_enum_lists.push((name, values));
                }
            }
            // Kotlin indents its `## Enum` list by four spaces, which Markdown reads as code.
            Event::Start(Tag::CodeBlock(_)) if self.expect == Expect::List => {
                self.expect = Expect::Nothing;
                self.enum_values = Some(self.read_indented_enum_list(range.clone()));
            }
            // A field's own enum as an `Allowed values: [a, b]` paragraph (Scala's).
            Event::Start(Tag::Paragraph) if matches!(self.expect, Expect::EnumTable(_)) => {
                if let Expect::EnumTable(name) = std::mem::take(&mut self.expect)
                    && let Some(values) = self.read_allowed_values(range.clone())
                {
                    self.field_enums.push((name, values));
                }
            }
            Event::Start(Tag::Paragraph) if !self.in_body => {
                self.description.push(collect_text(inner).text);
            }
            Event::Start(_) => {
                if let Expect::Table(heading_span) = std::mem::take(&mut self.expect) {
                    self.properties_without_table(heading_span);
                }
            }
            _ => {}
        }
    }

    /// Reads a heading of the page: the title, the section it starts (what it `expect`s next,
    /// and whether the page's body has begun: `in_body`), or a mark of its dialect.
    fn read_heading(&mut self, level: HeadingLevel, heading: Spanned<String>) {
        match level {
            HeadingLevel::H1 if self.title.is_none() => {
                let heading = self.without_module(heading);
                self.title = Some(self.without_namespace(heading));
            }
            // `python-experimental` 5.x writes `#### Properties` as the page's first section.
            HeadingLevel::H2 | HeadingLevel::H4
                if heading.value == "Properties"
                    && !self.in_body
                    && (level == HeadingLevel::H2 || self.follows_title(heading.span.start)) =>
            {
                self.has_properties_heading = true;
                self.in_body = true;
                self.expect = Expect::Table(heading.span);
            }
            HeadingLevel::H2 if heading.value == "Enum" && !self.in_body => {
                self.in_body = true;
                self.expect = Expect::List;
            }
            HeadingLevel::H2 if heading.value == "Enum Variants" && !self.in_body => {
                self.mark(Mark::EnumVariantsHeading, heading.span.clone());
                self.in_body = true;
                self.expect = Expect::Variants;
            }
            // Rust's discriminated union: a section of each variant's properties, under
            // its name, after the `## Enum Variants` table of variants and their tags.
            HeadingLevel::H2
                if matches!(&self.variants, Some(Variants::Values(_, names))
                    if names.contains(&heading.value)) =>
            {
                self.variants = Some(Variants::Tagged);
            }
            HeadingLevel::H2 if self.in_body && heading.value.starts_with("Enum: ") => {
                let name = heading.value["Enum: ".len()..].trim().to_owned();
                self.expect = Expect::EnumTable(name);
            }
            // The Ruby template's oneOf / anyOf page: its variants, no table.
            HeadingLevel::H2 if heading.value == "Class instance methods" && !self.in_body => {
                self.in_body = true;
            }
            // `php-nextgen`'s oneOf / anyOf page: a list of its variants, no table.
            HeadingLevel::H2
                if (heading.value == "oneOf" || heading.value == "anyOf") && !self.in_body =>
            {
                self.in_body = true;
                self.mark(Mark::VariantListHeading, heading.span.clone());
                self.expect = Expect::VariantList(heading.span);
            }
            // Java's (`native`, `jersey2`, `jersey3`) oneOf / anyOf page: a list of its
            // variants' pages, no table.
            HeadingLevel::H2
                if (heading.value == "oneOf schemas" || heading.value == "anyOf schemas")
                    && !self.in_body =>
            {
                self.in_body = true;
                self.expect = Expect::VariantList(heading.span);
            }
            // A heading of several words before the body is a section of the page, not the
            // model's name (`## Load the model package` and its code block: Dart, Perl).
            HeadingLevel::H2
                if self.name.is_none()
                    && !self.in_body
                    && !heading.value.contains(char::is_whitespace) =>
            {
                let written = heading.value.clone();
                let heading = self.without_module(heading);
                let name = self.without_namespace(heading);
                self.qualified_name = name.value != written;
                self.name = Some(name);
            }
            _ => {}
        }
    }

    /// Whether no heading stands between the page's title and the offset `at`.
    fn follows_title(&self, at: usize) -> bool {
        self.title.as_ref().is_some_and(|title| {
            let between = self.text.get(title.span.end..at);
            between.is_some_and(|between| !between.contains("\n#"))
        })
    }

    fn read_front_matter(&mut self, yaml: &str, start: usize) {
        if let Some(title) = front_matter_title(yaml, start) {
            self.title = Some(title);
        }
    }

    fn properties_without_table(&mut self, heading_span: Range<usize>) {
        self.diagnostics.push(
            Diagnostic::error(
                self.file,
                heading_span,
                "`## Properties` is not followed by a table",
            )
            .with_label(
                "expected a `Name | Type | Description | Notes` table right after this heading",
            ),
        );
    }

    fn read_table(&mut self, events: &[(Event<'_>, Range<usize>)]) -> Vec<PropertyRow> {
        let mut rows = Vec::new();
        let mut index = 0;
        while index < events.len() {
            let (event, range) = &events[index];
            let end = find_end(events, index);
            match event {
                Event::Start(Tag::TableHead) => {
                    self.check_header(&events[index + 1..end], range.clone())
                }
                Event::Start(Tag::TableRow) if !is_attribute_line(&self.text[range.clone()]) => {
                    if let Some(row) = self.read_row(&events[index + 1..end], range.clone()) {
                        if row.name.value.eq_ignore_ascii_case(ANY_NAME) {
                            self.mark(Mark::AnyStringNameRow, row.name.span.clone());
                            self.additional_properties = Some(row);
                        } else {
                            rows.push(row);
                        }
                    }
                }
                _ => {}
            }
            index = end + 1;
        }
        rows
    }

    fn check_header(&mut self, events: &[(Event<'_>, Range<usize>)], range: Range<usize>) {
        let names = header_names(events);
        if is_header(&names, &NAME_TYPE_HEADER) {
            self.mark(Mark::NameTypeHeader, trim_span(self.text, range));
            self.name_and_type_only = true;
        } else if !is_header(&names, &HEADER) {
            self.diagnostics.push(
                Diagnostic::error(
                    self.file,
                    trim_span(self.text, range),
                    format!(
                        "the Properties table's header is `{}`, expected `{}`",
                        names.join(" | "),
                        HEADER.join(" | ")
                    ),
                )
                .with_label("unexpected header"),
            );
        }
    }

    /// A row's name: its Name cell's text, a template's escape of a keyword undone; `None`
    /// (reported) when the cell is empty.
    fn row_name(&mut self, name_cell: &Cell<'_, '_>) -> Option<Spanned<String>> {
        let name_text = collect_name_text(self.text, name_cell.events)
            .trim()
            .to_owned();
        let mut name = Spanned {
            value: name_text,
            span: trim_span(self.text, name_cell.range.clone()),
        };
        // Rust's raw identifier (`r#type`, the template's escape of a keyword) is the
        // identifier (`type`), and shows the dialect.
        if let Some(identifier) = name.value.strip_prefix("r#") {
            name.value = identifier.to_owned();
            self.mark(Mark::RawIdentifier, name.span.clone());
        }
        // Kotlin's escape of a reserved word, backticks the page writes as entities
        // (`&#x60;when&#x60;`), is the name inside.
        if let Some(identifier) =
            (name.value.strip_prefix('`')).and_then(|rest| rest.strip_suffix('`'))
        {
            name.value = identifier.to_owned();
        }
        if name.value.is_empty() {
            self.diagnostics.push(
                Diagnostic::error(
                    self.file,
                    name.span.clone(),
                    "a property row without a name",
                )
                .with_label("the Name cell is empty"),
            );
            return None;
        }
        Some(name)
    }

    fn read_row(
        &mut self,
        events: &[(Event<'_>, Range<usize>)],
        range: Range<usize>,
    ) -> Option<PropertyRow> {
        let row_span = trim_span(self.text, range);
        let row_text = &self.text[row_span.clone()];
        let mut cells = cells(events);
        let written = written_cells(&cells, &row_span);
        let surplus = has_surplus_cells(
            self.text,
            &row_span,
            cells.last().map_or(row_span.start, |cell| cell.range.end),
        );
        if !self.has_enough_cells(written, &row_span) {
            return None;
        }
        let name = self.row_name(&cells[0])?;

        // More cells than the header (also a row without outer pipes whose four cells end in
        // the `|` before empty Notes), or a Type cell that a `|` cut (`**string | null**`): the
        // row is split again from its source.
        let ends_in_a_fifth_cell = written == HEADER.len()
            && !self.name_and_type_only
            && !row_text.starts_with('|')
            && row_text.ends_with('|');
        let split = (surplus
            || ends_in_a_fifth_cell
            || cells
                .get(1)
                .is_some_and(|cell| !is_balanced(&self.text[cell.range.clone()])))
        .then(|| split_row(self.text, &row_span, self.name_and_type_only));
        let type_cell = match &split {
            Some(split) => Cell {
                events: &split.type_events,
                range: split.type_range.clone(),
            },
            None => Cell {
                events: cells[1].events,
                range: cells[1].range.clone(),
            },
        };
        let ParsedCell {
            expr: type_expr,
            leaf_span,
            null,
            links_page,
            ..
        } = self.read_type_cell(&type_cell)?;
        if self.name_and_type_only {
            // typescript-fetch: the page says nothing of the field but its name and type.
            return Some(PropertyRow {
                api_name: name.value.clone(),
                wire_name: None,
                name,
                type_expr,
                leaf_span,
                description: String::new(),
                description_span: row_span.end..row_span.end,
                required: false,
                required_unknown: true,
                nullable: null == NullMark::Null,
                notes: String::new(),
                enum_values: None,
                links_page,
                absent_or_null: null == NullMark::AbsentOrNull,
                taken: Vec::new(),
            });
        }

        let (description, description_span, notes, notes_span) =
            self.description_and_notes(&mut cells, split.as_ref(), row_span.clone())?;
        let description = decode_escaped_entities(description.trim());
        let trimmed_span = trim_span(self.text, description_span);
        if !is_notes(&notes) {
            self.diagnostics.push(
                Diagnostic::warning(
                    self.file,
                    trim_span(self.text, notes_span),
                    format!("unexpected Notes `{}`", notes.trim()),
                )
                .with_label("expected `[optional]`, `[readonly]`, `[default to X]` or nothing; read as required"),
            );
        }
        let notes = notes.trim().to_owned();
        let required = !notes.contains("[optional]");
        Some(PropertyRow {
            api_name: name.value.clone(),
            wire_name: None,
            name,
            type_expr,
            leaf_span,
            description,
            description_span: trimmed_span,
            required,
            required_unknown: false,
            nullable: null == NullMark::Null || (required && null == NullMark::AbsentOrNull),
            notes,
            enum_values: None,
            links_page,
            absent_or_null: null == NullMark::AbsentOrNull,
            taken: Vec::new(),
        })
    }

    /// Whether a row of `written` cells has the header's, reported when it has not. Without outer
    /// pipes, a row whose Notes are empty ends in the `|` before them: `**id** | **str** | The
    /// id. | ` has three cells and an empty fourth.
    fn has_enough_cells(&mut self, written: usize, row_span: &Range<usize>) -> bool {
        let row_text = &self.text[row_span.clone()];
        let header: &[&str] = if self.name_and_type_only {
            &NAME_TYPE_HEADER
        } else {
            &HEADER
        };
        let empty_last_cell = written == HEADER.len() - 1
            && !self.name_and_type_only
            && !row_text.starts_with('|')
            && row_text.ends_with('|');
        if written < header.len() && !empty_last_cell {
            self.diagnostics.push(
                Diagnostic::error(
                    self.file,
                    row_span.clone(),
                    format!("this row has {written} cells, expected {}", header.len()),
                )
                .with_label(format!("every row needs `{}`", header.join(" | "))),
            );
            return false;
        }
        true
    }

    /// A row's Type cell, its dialects noted ([`PageReader::shows`]): a cell that links the page
    /// of the one word it holds (`[**Any**](Any.md)`) names that model, even where a language
    /// writes the word for one of its types (pydantic's `Any`), and then shows no dialect.
    fn read_type_cell(&mut self, type_cell: &Cell) -> Option<ParsedCell> {
        let mut parsed = parse_type_cell(self.file, self.text, type_cell, self.diagnostics)?;
        if let Some(model) = linked_page_name(type_cell.events)
            && parsed.expr.value.containers.is_empty()
            && matches!(
                dialects::word(&model),
                Some((Word::Primitive(_) | Word::Null, _))
            )
        {
            parsed.expr.value.leaf = Leaf::Named(model);
            parsed.dialects = None;
        }
        self.shows(parsed.dialects.take(), parsed.expr.span.clone());
        // Kotlin's own enum of a field: `[**inline**](#Status)`, its values in the
        // `## Enum: status` table after the properties.
        if is_inline_enum(&parsed.expr.value) {
            self.mark(Mark::InlineEnum, parsed.expr.span.clone());
        }
        Some(parsed)
    }

    /// A row's Description and Notes cells, with their spans: the third and fourth cells, or,
    /// when the row was [`split`](split_row) again, the cells after its Type cell: the last is
    /// Notes and the ones between are the description (a description holding an unescaped `|`,
    /// with a warning). A last cell that is no Notes is the description's too when the row ends
    /// in the `|` before empty Notes (no outer pipes); otherwise the row is an error.
    fn description_and_notes(
        &mut self,
        cells: &mut Vec<Cell<'_, '_>>,
        split: Option<&SplitRow<'_>>,
        row_span: Range<usize>,
    ) -> Option<(String, Range<usize>, String, Range<usize>)> {
        let Some(split) = split else {
            cells.truncate(4);
            let notes = cells
                .get(3)
                .map(|cell| collect_text(cell.events).text)
                .unwrap_or_default();
            let notes_span = cells
                .get(3)
                .map_or(row_span.end..row_span.end, |cell| cell.range.clone());
            return Some((
                collect_text(cells[2].events).text,
                cells[2].range.clone(),
                notes,
                notes_span,
            ));
        };
        let end = row_span.end..row_span.end;
        let rest = &split.rest;
        // Notes: the shortest run of last cells that closes its brackets and reads as Notes
        // (`[optional] [Enum: [a|b, c]]` is one).
        let notes_from = (1..rest.len()).rev().find(|&from| {
            let notes = &self.text[rest[from].start..rest[rest.len() - 1].end];
            is_balanced(notes) && is_notes(&inline_text(notes))
        });
        let (description, notes, pieces) = match (rest.as_slice(), notes_from) {
            ([], _) => (end.clone(), end, 0),
            ([description], _) => (description.clone(), end, 1),
            ([first, .., last], Some(from)) => (
                first.start..rest[from - 1].end,
                rest[from].start..last.end,
                from,
            ),
            ([first, .., last], None) if split.ends_before_empty_notes => {
                (first.start..last.end, end, rest.len())
            }
            _ => {
                let count = split.cells;
                self.diagnostics.push(
                    Diagnostic::error(
                        self.file,
                        row_span,
                        format!("this row has {count} cells, expected 4"),
                    )
                    .with_label("every row needs `Name | Type | Description | Notes`")
                    .with_note("a `|` inside a cell must be escaped as `\\|`"),
                );
                return None;
            }
        };
        let description = trim_span(self.text, description);
        if pieces > 1 {
            self.diagnostics.push(
                Diagnostic::warning(
                    self.file,
                    description.clone(),
                    "unescaped `|` in a description",
                )
                .with_label("read as part of the description")
                .with_note("escape it as `\\|` so that Markdown renders the table right"),
            );
        }
        Some((
            inline_text(&self.text[description.clone()]),
            description,
            inline_text(&self.text[notes.clone()]),
            notes,
        ))
    }

    /// The values of the page's `## Enum:` table that a field of type `ty` (innermost name
    /// `name`) holds: Java names the table after the enum (`## Enum: StatusEnum`), or after the
    /// field's whole type when the enum is of its items or values (`## Enum: List<StatusEnum>`,
    /// `## Enum: Map<String, InnerEnum>`).
    fn enum_table(&self, name: &str, ty: &TypeExpr) -> Option<EnumValues> {
        let written = |table: &str| parse_type(table).is_ok_and(|parsed| parsed.expr == *ty);
        self.field_enums
            .iter()
            .find(|(table, _)| table == name || written(table))
            .map(|(_, values)| values.clone())
    }

    /// A title without the module before it (Ruby's `OryClient::Identity`, Perl's
    /// `WWW::OpenAPIClient::Object::Pet`), which marks the page.
    fn without_module(&mut self, heading: Spanned<String>) -> Spanned<String> {
        let Some(at) = heading.value.rfind("::") else {
            return heading;
        };
        let name_start = at + "::".len();
        let span = match self.text[heading.span.clone()].rfind("::") {
            Some(source_at) => heading.span.start + source_at + "::".len()..heading.span.end,
            None => heading.span.clone(),
        };
        let mark = if heading.value[..at].ends_with("::Object") {
            Mark::ObjectModuleTitle
        } else {
            Mark::ModuleTitle
        };
        self.mark(mark, heading.span.clone());
        Spanned {
            value: heading.value[name_start..].to_owned(),
            span,
        }
    }

    /// A title without the namespace before it, which marks the page: C#'s
    /// `Org.OpenAPITools.Model.Pet` (dotted identifiers) is `Pet`, PHP's `# # Pet` (a heading
    /// whose text is `# Pet`) is `Pet`.
    fn without_namespace(&mut self, heading: Spanned<String>) -> Spanned<String> {
        let source = &self.text[heading.span.clone()];
        if let Some(name) = heading.value.strip_prefix("# ") {
            let name = name.trim();
            let start = source
                .rfind(name)
                .map_or(heading.span.start, |at| heading.span.start + at);
            self.mark(Mark::DoubleHashTitle, heading.span.clone());
            return Spanned {
                value: name.to_owned(),
                span: start..start + name.len(),
            };
        }
        let is_identifier = |segment: &str| {
            segment.starts_with(|c: char| c.is_alphabetic() || c == '_')
                && segment.chars().all(|c| c.is_alphanumeric() || c == '_')
        };
        let Some((namespace, name)) = heading.value.rsplit_once('.') else {
            return heading;
        };
        // The model's name may start with a digit (`Vendor.Model.123Numeric`); the
        // namespace's segments are identifiers.
        let is_name = |name: &str| !name.is_empty() && is_identifier(&format!("_{name}"));
        if !(namespace.split('.').all(is_identifier) && is_name(name)) {
            return heading;
        }
        let name = name.to_owned();
        let start = source
            .rfind('.')
            .map_or(heading.span.start, |at| heading.span.start + at + 1);
        // A qualified type name a dialect writes (Kotlin's `# java.time.LocalDate`, a model
        // named like a type it maps) shows that dialect, as it would in a Type cell, and stays
        // whole: the type name the cells write for it (the folder passes give the page its
        // file's name, `name_pages_titled_as_types`); Python's module of one model (`tag.Tag`,
        // `openapi_client.model.tag.Tag`) shows its own.
        let module = namespace.rsplit('.').next().unwrap_or(namespace);
        match dialects::qualified(&heading.value) {
            Some((_, shown)) => {
                self.shows(Some(shown), heading.span.clone());
                return heading;
            }
            None if module == name.to_snake_case() => {
                self.mark(Mark::ModulePathTitle, heading.span.clone());
            }
            None => self.mark(Mark::DottedTitle, heading.span.clone()),
        }
        Spanned {
            span: start..start + name.len(),
            value: name,
        }
    }

    /// An alias of any JSON value, at the page's name.
    fn any_value(&self) -> Spanned<TypeExpr> {
        Spanned {
            value: TypeExpr {
                containers: Vec::new(),
                leaf: Leaf::Primitive(Primitive::Any),
            },
            span: (self.name.as_ref().or(self.title.as_ref()))
                .map_or(0..0, |name| name.span.clone()),
        }
    }

    /// Records the dialects a [`Mark`] shows, when it shows some (see [`Self::shows`]).
    fn mark(&mut self, mark: Mark, span: Range<usize>) {
        self.shows(dialects::shown_by(mark), span);
    }

    /// Narrows the dialects the page shows by those a mark shows ([`Dialects::narrowed_by`]);
    /// the first mark's span stays where the page shows them.
    fn shows(&mut self, dialects: Option<Dialects>, span: Range<usize>) {
        if let Some(dialects) = dialects {
            let shown = self.dialects.get_or_insert(Spanned {
                value: dialects,
                span,
            });
            shown.value = shown.value.narrowed_by(dialects);
        }
    }

    /// The values of a `## Enum` list: `` `NAME` (value: `'value'`) `` items, the last code span
    /// of each being its value. The `enumUnknownDefaultCase` item (`UnknownDefaultOpenApi`,
    /// value `'11184809'`) is left out: a client's stand-in for values it does not know, never
    /// sent by the API (an open enum keeps unknown values already).
    fn read_enum_list(&mut self, events: &[(Event<'_>, Range<usize>)]) -> EnumValues {
        let mut literals = Vec::new();
        let mut index = 0;
        while index < events.len() {
            let end = find_end(events, index);
            if let (Event::Start(Tag::Item), range) = &events[index] {
                let value = events[index + 1..end]
                    .iter()
                    .rev()
                    .find_map(|(event, range)| match event {
                        Event::Code(code) => Some((code.to_string(), range.clone())),
                        _ => None,
                    });
                let first_code = events[index + 1..end]
                    .iter()
                    .find_map(|(event, _)| match event {
                        Event::Code(code) => Some(code.as_ref()),
                        _ => None,
                    });
                match value {
                    Some(_) if first_code.is_some_and(is_unknown_default_case) => {}
                    Some((code, span)) => literals.push(Spanned {
                        value: code,
                        span: trim_span(self.text, span),
                    }),
                    None => self.diagnostics.push(
                        Diagnostic::error(
                            self.file,
                            trim_span(self.text, range.clone()),
                            "an enum item without a value",
                        )
                        .with_label("expected `` `NAME` (value: `'value'`) ``"),
                    ),
                }
            }
            index = end + 1;
        }
        // The list shows no dialect: the pydantic, TypeScript, Java and Go templates all write
        // one (quoted with `'` or `"`, or numbers).
        read_literals(literals, None)
    }

    /// The values of Kotlin's `## Enum` list, indented into a code block: lines
    /// `` * `NAME` (value: `"value"`) `` of source text (no Markdown inside), the value between
    /// `` (value: ` `` and the line's last `` `) ``. The `enumUnknownDefaultCase` item is left
    /// out, as in [`Self::read_enum_list`].
    fn read_indented_enum_list(&mut self, range: Range<usize>) -> EnumValues {
        const OPEN: &str = "(value: `";
        let mut literals = Vec::new();
        let mut offset = range.start;
        for line in self.text[range].split_inclusive('\n') {
            let item = line.trim_start();
            let value = item
                .strip_prefix("* ")
                .and_then(|item| Some((item, item.find(OPEN)? + OPEN.len(), item.rfind("`)")?)))
                .filter(|(_, start, end)| start <= end);
            match value {
                Some((item, start, end)) => {
                    let name = item.trim_start_matches('`');
                    let name = name.split('`').next().unwrap_or_default();
                    if !is_unknown_default_case(name) {
                        let at = offset + (line.len() - item.len()) + start;
                        literals.push(Spanned {
                            value: item[start..end].to_owned(),
                            span: at..at + (end - start),
                        });
                    }
                }
                None if !item.trim().is_empty() => self.diagnostics.push(
                    Diagnostic::error(
                        self.file,
                        trim_span(self.text, offset..offset + line.len()),
                        "an enum item without a value",
                    )
                    .with_label("expected `` * `NAME` (value: `\"value\"`) ``"),
                ),
                None => {}
            }
            offset += line.len();
        }
        self.mark(
            Mark::IndentedEnumList,
            literals
                .first()
                .map_or(offset..offset, |first| first.span.clone()),
        );
        read_literals(literals, None)
    }

    /// The values of a `## Enum: XEnum` table (`Name | Value`): the Value cells, quoted for
    /// strings (`"active"`), bare for numbers. A value with a `|` (`"a|b"`, which the template
    /// does not escape) cuts the row into more cells than the header has, which Markdown drops:
    /// the Value is the row's source from its second cell to the end of the row.
    fn read_enum_table(&mut self, events: &[(Event<'_>, Range<usize>)]) -> EnumValues {
        let mut literals = Vec::new();
        let mut index = 0;
        while index < events.len() {
            let end = find_end(events, index);
            if let (Event::Start(Tag::TableRow), range) = &events[index] {
                match cells(&events[index + 1..end]).get(1) {
                    Some(cell) => {
                        let source = &self.text[cell.range.start..range.end];
                        let source = source.trim_end().strip_suffix('|').unwrap_or(source);
                        let span =
                            trim_span(self.text, cell.range.start..cell.range.start + source.len());
                        literals.push(Spanned {
                            value: inline_text(&self.text[span.clone()]),
                            span,
                        });
                    }
                    None => self.diagnostics.push(
                        Diagnostic::error(
                            self.file,
                            trim_span(self.text, range.clone()),
                            "an enum row without a value",
                        )
                        .with_label("expected `| NAME | \"value\" |`"),
                    ),
                }
            }
            index = end + 1;
        }
        read_literals(literals, None)
    }

    /// A `Type | Description | Notes` table (`python-experimental` 5.x's page of one value, an
    /// enum or an alias): its row's type and Notes; `None` for another table.
    fn read_value_table(
        &mut self,
        events: &[(Event<'_>, Range<usize>)],
    ) -> Option<(Spanned<TypeExpr>, String)> {
        let mut header = Vec::new();
        let mut row = None;
        let mut index = 0;
        while index < events.len() {
            let end = find_end(events, index);
            match &events[index].0 {
                Event::Start(Tag::TableHead) => header = header_names(&events[index + 1..end]),
                Event::Start(Tag::TableRow) if row.is_none() => {
                    row = Some((&events[index + 1..end], events[index].1.clone()));
                }
                _ => {}
            }
            index = end + 1;
        }
        if !is_header(&header, &["Type", "Description", "Notes"]) {
            return None;
        }
        let (row, range) = row?;
        let row_cells = cells(row);
        let [type_cell, _, notes, ..] = row_cells.as_slice() else {
            return None;
        };
        self.mark(Mark::ValueTable, trim_span(self.text, range));
        let parsed = parse_type_cell(self.file, self.text, type_cell, self.diagnostics)?;
        self.shows(parsed.dialects, parsed.expr.span.clone());
        Some((parsed.expr, collect_text(notes.events).text))
    }

    /// The values of a field's own enum in an `Allowed values: [a, b]` paragraph (Scala's
    /// `## Enum: Name` section), as the source writes them (`<tag>` is a value, not HTML),
    /// separated by `, `; `None` for another paragraph.
    fn read_allowed_values(&mut self, range: Range<usize>) -> Option<EnumValues> {
        let span = trim_span(self.text, range);
        let source = &self.text[span.clone()];
        let list = source
            .strip_prefix("Allowed values: [")?
            .strip_suffix(']')?;
        self.mark(Mark::AllowedValuesParagraph, span.clone());
        let start = span.start + "Allowed values: [".len();
        let mut literals = Vec::new();
        let mut offset = start;
        for value in list.split(", ") {
            literals.push(Spanned {
                value: value.to_owned(),
                span: offset..offset + value.len(),
            });
            offset += value.len() + ", ".len();
        }
        Some(read_literals(literals, None))
    }

    /// The variants a oneOf / anyOf page lists, one per item (`php-nextgen`'s
    /// `- [**\\Vendor\\Model\\Car**](Car.md)`, Java's `* [Car](Car.md)`); an item that is no
    /// type is reported.
    fn read_variant_list(&mut self, events: &[(Event<'_>, Range<usize>)]) -> Vec<TypeExpr> {
        let mut variants = Vec::new();
        let mut index = 0;
        while index < events.len() {
            let end = find_end(events, index);
            if let (Event::Start(Tag::Item), range) = &events[index] {
                let item = Cell {
                    events: &events[index + 1..end],
                    range: range.clone(),
                };
                if let Some(parsed) = parse_type_cell(self.file, self.text, &item, self.diagnostics)
                {
                    variants.push(parsed.expr.value);
                }
            }
            index = end + 1;
        }
        variants
    }

    /// The `## Enum Variants` table of the Rust template: `Name | Value` for an enum (values
    /// as written, unquoted: a table of numbers stands for its number, as Java's bare values),
    /// `Name | Description` for a oneOf whose Name cells are its variants' Rust types.
    fn read_variants(
        &mut self,
        events: &[(Event<'_>, Range<usize>)],
        table: Range<usize>,
    ) -> Variants {
        let mut header = Vec::new();
        let mut rows = Vec::new();
        let mut index = 0;
        while index < events.len() {
            let end = find_end(events, index);
            match &events[index].0 {
                Event::Start(Tag::TableHead) => header = header_names(&events[index + 1..end]),
                Event::Start(Tag::TableRow) => rows.push(&events[index + 1..end]),
                _ => {}
            }
            index = end + 1;
        }
        let table = trim_span(self.text, table);
        if is_header(&header, &["Name", "Description"]) {
            let mut members = Vec::new();
            for row in rows {
                let row_cells = cells(row);
                let Some(ParsedCell { expr: variant, .. }) = row_cells
                    .first()
                    .and_then(|cell| parse_type_cell(self.file, self.text, cell, self.diagnostics))
                else {
                    continue;
                };
                let mut variant = variant.value;
                // The page is Rust's: its `String` is the string type.
                if variant.leaf == Leaf::Named("String".to_owned()) {
                    variant.leaf = Leaf::Primitive(Primitive::String);
                }
                members.push(variant);
            }
            return Variants::OneOf(Spanned {
                value: members,
                span: table,
            });
        }
        if !is_header(&header, &["Name", "Value"]) {
            self.diagnostics.push(
                Diagnostic::error(
                    self.file,
                    table.clone(),
                    format!(
                        "the Enum Variants table's header is `{}`, expected `Name | Value` or `Name | Description`",
                        header.join(" | ")
                    ),
                )
                .with_label("unexpected header"),
            );
        }
        let mut names = Vec::new();
        let mut literals = Vec::new();
        for row in rows {
            let row_cells = cells(row);
            let text = |cell: &Cell<'_, '_>| collect_text(cell.events).text.trim().to_owned();
            if let [name, value, ..] = row_cells.as_slice() {
                names.push(text(name));
                literals.push(Spanned {
                    value: text(value),
                    span: trim_span(self.text, value.range.clone()),
                });
            }
        }
        Variants::Values(read_literals(literals, None), names)
    }

    /// The model's name: its `## Name` heading, which must agree with the title, or else the
    /// title; `None` (and an error) when the page has neither.
    fn model_name(&mut self) -> Option<Spanned<String>> {
        match (self.name.take(), &self.title) {
            (Some(name), Some(title)) => {
                if title.value != name.value {
                    self.diagnostics.push(
                        Diagnostic::error(
                            self.file,
                            name.span.clone(),
                            format!(
                                "the `## {}` heading disagrees with the page title `{}`",
                                name.value, title.value
                            ),
                        )
                        .with_label("the model's name comes from this heading")
                        .with_note(format!(
                            "the title is at line {}",
                            line_of(self.text, title.span.start)
                        )),
                    );
                }
                Some(name)
            }
            (Some(name), None) => Some(name),
            (None, Some(title)) => Some(title.clone()),
            (None, None) => {
                self.diagnostics.push(
                    Diagnostic::error(self.file, 0..0, "model page without a title")
                        .with_label(
                            "expected the model's name as `# Name` (or a `## Name` heading) before its body",
                        ),
                );
                None
            }
        }
    }

    /// What the page's values are: its enum's (`enum_values`, or Rust's `## Enum Variants` of
    /// values), any JSON value (a table of none, or of tagged variants), or a oneOf of the
    /// variants a table or list gives (with the discriminator a sentence names: php-nextgen's).
    fn values_or_variants(
        &mut self,
        enum_values: Option<EnumValues>,
    ) -> (
        Option<EnumValues>,
        Option<Spanned<TypeExpr>>,
        Option<Spanned<OneOf>>,
    ) {
        let mut listed = self.variant_list.take();
        let (enum_values, alias) = match self.variants.take() {
            Some(Variants::Values(values, _)) if !values.values.is_empty() => (Some(values), None),
            Some(Variants::Values(..) | Variants::Tagged) => (None, Some(self.any_value())),
            None if self.any_value => (None, Some(self.any_value())),
            Some(Variants::OneOf(variants)) => {
                listed = Some(variants);
                (None, None)
            }
            None => (enum_values, None),
        };
        let one_of = listed.map(|variants| Spanned {
            value: OneOf {
                variants: variants.value,
                discriminator: discriminator_sentence(self.text),
            },
            span: variants.span,
        });
        (enum_values, alias, one_of)
    }

    /// Gives `row` the values of its own enum where the page lists them: a field whose type links
    /// to one of the page's `## Enum: XEnum` tables, or that one of its `## Enum: XEnum` lists is
    /// named after, holds those values, of their primitive.
    fn attach_field_enum(&mut self, row: &mut PropertyRow) {
        let Leaf::Named(name) = &row.type_expr.value.leaf else {
            return;
        };
        let values = if is_inline_enum(&row.type_expr.value) {
            // Kotlin names the table after the JSON name (`## Enum: pet_status` of the
            // property `petStatus`) and lists the values in one cell: `a, b, c`.
            self.field_enums
                .iter()
                .find(|(table, _)| same_words(table, &row.name.value))
                .map(|(_, values)| listed_values(values))
        } else if let Some(values) = self.enum_table(name, &row.type_expr.value) {
            Some(values)
        } else {
            // JavaScript names the list after the field, in the container's brackets:
            // `## Enum: [StatusEnum]` of the field `status`.
            let listed = self.field_enum_lists.iter().find(|(list, _)| {
                let list = list.trim_matches(['[', ']']);
                let list = list.strip_suffix("Enum").unwrap_or(list);
                same_words(list, &row.name.value)
            });
            match listed {
                Some((_, values)) => Some(values.clone()),
                None => {
                    let values = description_enum(&row.description, &row.description_span);
                    if values.is_some() {
                        self.mark(Mark::DescriptionEnum, row.description_span.clone());
                    }
                    values
                }
            }
        };
        match values {
            // An empty table (android's, for a field's own enum: its codegen never fills
            // the `enumVars` the template lists) says neither the values nor their type.
            Some(values) if values.values.is_empty() => {
                if !row.description.is_empty() {
                    row.description.push_str("\n\n");
                }
                row.description.push_str(&format!(
                    "The docs list no values of its enum `{name}`, nor their type: it is \
                     read as any JSON value."
                ));
                row.type_expr.value.leaf = Leaf::Primitive(Primitive::Any);
            }
            Some(values) => {
                row.type_expr.value.leaf = Leaf::Primitive(values.primitive);
                row.enum_values = Some(values);
            }
            None => {}
        }
    }

    fn finish(mut self) -> PageOutcome {
        let properties = self.properties.take();
        let enum_values = self.enum_values.take();
        // Rust's `## Enum Variants` table: an enum of its values; a table of none (a
        // discriminated oneOf whose variants the template did not list) or of tagged variants is
        // any JSON value, and a oneOf of its variants. An enum page that lists no values is any
        // JSON value too.
        let (enum_values, alias, mut one_of) = self.values_or_variants(enum_values);
        // A page of one value: an enum when its Notes list the values, else an alias.
        let (properties, enum_values, alias) = match self.value_table.take() {
            Some((value, notes)) => match must_be_one_of(&notes, &value) {
                Some(values) => (Some(Vec::new()), Some(values), None),
                None => (Some(Vec::new()), None, Some(value)),
            },
            None => (properties, enum_values, alias),
        };
        let properties = properties.or_else(|| alias.is_some().then(Vec::new));
        // A oneOf / anyOf page that lists its variants in sections (`openapi_one_of`, Ruby's), no
        // properties: a oneOf of them, or where they cannot be read a page of no properties,
        // which such a folder reads as any JSON value.
        let sections_union = self.dialects.as_ref().is_some_and(|shown| {
            shown
                .value
                .iter()
                .any(|dialect| dialect.spec().one_of_sections)
        }) && (self.text.contains("### `openapi_one_of`")
            || self.text.contains("### `openapi_any_of`"));
        if sections_union {
            one_of = one_of.or_else(|| ruby_one_of(self.text));
        }
        let properties = properties.or_else(|| (sections_union || one_of.is_some()).then(Vec::new));
        if properties.is_none() && enum_values.is_none() {
            // A page whose `## Name` heading is its title as written (Genesys' model pages; its
            // operation pages' carry a namespace).
            if !self.has_properties_heading
                && !self.qualified_name
                && let (Some(title), Some(name)) = (&self.title, &self.name)
                && title.value == name.value
            {
                self.diagnostics.push(
                    Diagnostic::warning(
                        self.file,
                        name.span.clone(),
                        "model page without a `## Properties` table",
                    )
                    .with_label("this page is skipped"),
                );
            }
            return PageOutcome::NotAModel;
        }
        let Some(name) = self.model_name() else {
            return PageOutcome::NotAModel;
        };
        let mut properties = properties.unwrap_or_default();
        // `python-prior` writes an enum as one `value` row that `must be one of [...]`.
        let enum_values = enum_values.or_else(|| {
            let [row] = properties.as_slice() else {
                return None;
            };
            let values = must_be_one_of(&row.notes, &row.type_expr)?;
            self.mark(Mark::ValueRowEnum, row.name.span.clone());
            Some(values)
        });
        if enum_values.is_some() {
            properties.clear();
        }
        for row in &mut properties {
            self.attach_field_enum(row);
        }
        PageOutcome::Model(Box::new(ModelPage {
            file: self.file,
            name,
            description: decode_escaped_entities(self.description.join("\n\n").trim()),
            properties,
            additional_properties: self.additional_properties,
            enum_values,
            alias,
            dialects: self.dialects,
            taken: Vec::new(),
            all_of: Vec::new(),
            one_of,
        }))
    }
}

/// The variants and discriminator of Ruby's oneOf / anyOf page, from the examples of its class
/// methods (`ruby/partial_oneof_module_doc.mustache`): `openapi_one_of` (`#   :'Car',`),
/// `openapi_discriminator_name` (`# => :'kind'`) and `openapi_discriminator_mapping`
/// (`#   :'car' => :'Car',`); `None` when a variant is not a type.
fn ruby_one_of(text: &str) -> Option<Spanned<OneOf>> {
    let (heading, rest) = ["### `openapi_one_of`", "### `openapi_any_of`"]
        .iter()
        .find_map(|heading| {
            let at = text.find(heading)?;
            Some((at..at + heading.len(), &text[at..]))
        })?;
    let variants = first_code_block(rest)?
        .lines()
        .filter_map(|line| ruby_symbol(line.trim_start_matches('#').trim().trim_end_matches(',')))
        .map(|name| parse_type(name).ok().map(|parsed| parsed.expr))
        .collect::<Option<Vec<_>>>()?;
    let discriminator = text
        .find(".openapi_discriminator_name")
        .and_then(|at| text[at..].lines().nth(1))
        .and_then(|line| ruby_symbol(line.trim_start_matches('#').trim().strip_prefix("=> ")?))
        .map(|property| Discriminator {
            property: property.to_owned(),
            mapping: text
                .find(".openapi_discriminator_mapping")
                .map(|at| {
                    text[at..]
                        .lines()
                        .take_while(|line| !line.starts_with("```"))
                        .filter_map(|line| {
                            let line = line.trim_start_matches('#').trim().trim_end_matches(',');
                            let (tag, model) = line.split_once(" => ")?;
                            Some((ruby_symbol(tag)?.to_owned(), ruby_symbol(model)?.to_owned()))
                        })
                        .collect()
                })
                .unwrap_or_default(),
        });
    (!variants.is_empty()).then_some(Spanned {
        value: OneOf {
            variants,
            discriminator,
        },
        span: heading,
    })
}

/// The text of the first fenced code block in `text`.
fn first_code_block(text: &str) -> Option<&str> {
    let start = text.find("\n```")? + 1;
    let body = &text[start..];
    let body = &body[body.find('\n')? + 1..];
    Some(body.find("\n```").map_or(body, |end| &body[..end]))
}

/// The name of a quoted Ruby symbol (`:'Car'` -> `Car`).
fn ruby_symbol(text: &str) -> Option<&str> {
    text.strip_prefix(":'")?.strip_suffix('\'')
}

/// The discriminator `php-nextgen`'s oneOf page names in a sentence after its variants ("The
/// concrete type is selected by the `kind` discriminator property.").
fn discriminator_sentence(text: &str) -> Option<Discriminator> {
    let (_, rest) = text.split_once("selected by the `")?;
    let (property, rest) = rest.split_once('`')?;
    rest.trim_start()
        .starts_with("discriminator")
        .then(|| Discriminator {
            property: property.to_owned(),
            mapping: Vec::new(),
        })
}

/// The values a Notes cell lists as the Python templates write an enum's
/// (`must be one of ["a", "b", ]`), of the primitive `value` is.
fn must_be_one_of(notes: &str, value: &Spanned<TypeExpr>) -> Option<EnumValues> {
    let list = notes.split_once("must be one of [")?.1;
    let list = list.rsplit_once(']').map_or(list, |(list, _)| list);
    let Leaf::Primitive(primitive) = value.value.leaf else {
        return None;
    };
    let literals = split_literals(list)
        .into_iter()
        .map(|literal| Spanned {
            value: literal,
            span: value.span.clone(),
        })
        .collect();
    Some(read_literals(literals, Some(primitive)))
}

/// The values of a field's own enum that its description lists at its end, as the Rust
/// template writes them: `Sort order. (enum: asc, desc)`, each value as it is on the wire. The
/// template prints each value bare (`rust/model_doc.mustache`: `{{{.}}}`), so `null` in the
/// enum of a nullable field (OpenAPI 3.1's `enum: [a, b, null]`) is an empty piece, as `""`
/// would be: an empty piece is no value of the list (the open enum still reads `""`, and the
/// field's `Option` `null`).
fn description_enum(description: &str, span: &Range<usize>) -> Option<EnumValues> {
    let inner = description.strip_suffix(')')?;
    let list = match inner.rsplit_once(" (enum: ") {
        Some((_, list)) => list,
        None => inner.strip_prefix("(enum: ")?,
    };
    let literals = list
        .split(", ")
        .filter(|value| !value.is_empty())
        .map(|value| Spanned {
            value: value.to_owned(),
            span: span.clone(),
        })
        .collect();
    Some(read_literals(literals, None))
}

/// The name a Type cell holds when the cell links that name's page (`[**Pet**](Pet.md)`).
fn linked_page_name(events: &[(Event<'_>, Range<usize>)]) -> Option<String> {
    let name = collect_text(events).text.trim().to_owned();
    events.iter().find_map(|(event, _)| match event {
        Event::Start(Tag::Link { dest_url, .. })
            if dest_url.strip_suffix(".md") == Some(name.as_str()) =>
        {
            Some(name.clone())
        }
        _ => None,
    })
}

/// Whether a type is Kotlin's `inline`, which its templates write for a field's own enum (or,
/// in containers, for the enum of its items or values).
fn is_inline_enum(expr: &TypeExpr) -> bool {
    expr.leaf == Leaf::Named("inline".to_owned())
}

/// Whether two names are the same words: `pet_status`, `petStatus` and `PetStatus` are.
fn same_words(a: &str, b: &str) -> bool {
    let words = |name: &str| -> String {
        name.chars()
            .filter(char::is_ascii_alphanumeric)
            .map(|c| c.to_ascii_lowercase())
            .collect()
    };
    words(a) == words(b)
}

/// The values of a Kotlin `## Enum: name` table, whose cells list them comma-separated
/// (`available, pending, sold`).
fn listed_values(table: &EnumValues) -> EnumValues {
    let literals = table
        .values
        .iter()
        .flat_map(|cell| {
            cell.value
                .split(',')
                .map(str::trim)
                .filter(|value| !value.is_empty())
                .map(|value| Spanned {
                    value: value.to_owned(),
                    span: cell.span.clone(),
                })
        })
        .collect();
    read_literals(literals, None)
}

/// Enum values from their literals: quoted (`'a'`, `"a"`) are strings; otherwise the literals'
/// kind (`1` int, `1.5` float, `true` bool), or `given` (the page's `value` type) when known.
pub(super) fn read_literals(
    literals: Vec<Spanned<String>>,
    given: Option<Primitive>,
) -> EnumValues {
    let unquoted = |literal: &str| -> Option<String> {
        let quote = literal.chars().next().filter(|c| *c == '\'' || *c == '"')?;
        let inner = literal.strip_prefix(quote)?.strip_suffix(quote)?;
        Some(inner.to_owned())
    };
    if literals
        .iter()
        .all(|literal| unquoted(&literal.value).is_some())
    {
        let values = literals
            .into_iter()
            .map(|literal| Spanned {
                value: unquoted(&literal.value).unwrap_or_default(),
                span: literal.span,
            })
            .collect();
        return EnumValues {
            values,
            primitive: Primitive::String,
        };
    }
    let all = |test: fn(&str) -> bool| literals.iter().all(|literal| test(&literal.value));
    let primitive = given.unwrap_or(if all(|value| value.parse::<i64>().is_ok()) {
        Primitive::Integer
    } else if all(|value| value.parse::<f64>().is_ok_and(f64::is_finite)) {
        Primitive::Float
    } else if all(|value| value == "true" || value == "false") {
        Primitive::Boolean
    } else {
        Primitive::String
    });
    EnumValues {
        values: literals,
        primitive,
    }
}

/// The literals of `"a", "b", ` or `0, 1, `: split at commas outside quotes, trimmed, empty
/// pieces dropped; quotes are kept (they tell strings from numbers).
pub(super) fn split_literals(list: &str) -> Vec<String> {
    let mut literals = Vec::new();
    let mut current = String::new();
    let mut quote = None;
    for c in list.chars() {
        match (quote, c) {
            (None, ',') => literals.push(std::mem::take(&mut current)),
            (None, '"' | '\'') => {
                quote = Some(c);
                current.push(c);
            }
            (Some(open), _) if c == open => {
                quote = None;
                current.push(c);
            }
            _ => current.push(c),
        }
    }
    literals.push(current);
    literals
        .into_iter()
        .map(|literal| literal.trim().to_owned())
        .filter(|literal| !literal.is_empty())
        .collect()
}

/// The texts of a table header's cells.
pub(super) fn header_names(events: &[(Event<'_>, Range<usize>)]) -> Vec<String> {
    cells(events)
        .iter()
        .map(|cell| collect_text(cell.events).text.trim().to_owned())
        .collect()
}

/// Whether a header's cells are `expected`, ignoring letter case.
pub(super) fn is_header(names: &[String], expected: &[&str]) -> bool {
    names
        .iter()
        .map(|name| name.to_lowercase())
        .eq(expected.iter().map(|name| name.to_lowercase()))
}

/// How many cells a row really has: pulldown-cmark pads short rows with empty cells placed at
/// the end of the row.
pub(super) fn written_cells(cells: &[Cell<'_, '_>], row_span: &Range<usize>) -> usize {
    cells
        .iter()
        .filter(|cell| cell.range.start < row_span.end || !cell.range.is_empty())
        .count()
}

/// How the message of a malformed Type cell starts. The folder's type syntax, which its note
/// names, is known once every page is read (`name_the_type_syntax`).
pub(super) const MALFORMED_TYPE: &str = "malformed type";

/// A type expression read from a cell or paragraph.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct TypeCell {
    /// The expression and the span of its cell.
    pub expr: Spanned<TypeExpr>,
    /// The span of the innermost type's name.
    pub leaf_span: Range<usize>,
    /// The innermost type's name as the page writes it (`bytearray`, `*os.File`), before the
    /// dialect reads it.
    pub leaf_text: String,
    /// Whether the cell links its type's name to a page (`[**Pet**](Pet.md)`).
    pub links_page: bool,
    /// The page the cell links, without its folder and `.md` (`tree_node` of C's
    /// `[list_t](tree_node.md) *`), if any.
    pub linked_page: Option<String>,
}

impl TypeCell {
    /// The type of a parsed cell of the page `text`.
    pub(super) fn of_parsed(text: &str, parsed: ParsedCell) -> Self {
        TypeCell {
            expr: parsed.expr,
            leaf_text: text[parsed.leaf_span.clone()].to_owned(),
            leaf_span: parsed.leaf_span,
            links_page: parsed.links_page,
            linked_page: None,
        }
    }
}

/// The inline events of the text at `span` of the page `text` (a part of a line read as a cell
/// of its own), with their spans in the page.
pub(super) fn inline_events(text: &str, span: Range<usize>) -> Vec<(Event<'_>, Range<usize>)> {
    Parser::new(&text[span.clone()])
        .into_offset_iter()
        .filter(|(event, _)| {
            !matches!(
                event,
                Event::Start(Tag::Paragraph) | Event::End(TagEnd::Paragraph)
            )
        })
        .map(|(event, range)| (event, range.start + span.start..range.end + span.start))
        .collect()
}

/// A parsed `Type` cell.
pub(super) struct ParsedCell {
    /// The expression, with the cell's span.
    pub(super) expr: Spanned<TypeExpr>,
    /// The span of its innermost type's name (`Modle` in `list[Modle]`).
    pub(super) leaf_span: Range<usize>,
    /// The dialects its syntax shows, if any.
    pub(super) dialects: Option<Dialects>,
    /// What it says of `null`.
    pub(super) null: NullMark,
    /// It links to its innermost type's page (`[**List<Pet>**](Pet.md)`).
    pub(super) links_page: bool,
}

/// Parses a `Type` cell ([`ParsedCell`]). A malformed type is reported at its fault.
pub(super) fn parse_type_cell(
    file: FileId,
    text: &str,
    cell: &Cell<'_, '_>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<ParsedCell> {
    let type_cell = collect_type_text(cell.events);
    let type_span = trim_span(text, cell.range.clone());
    let written = type_cell.text.trim();
    let (type_text, anchor) = unread_link(written).unwrap_or((written, None));
    let anchor = anchor.or_else(|| page_anchor(cell.events));
    let leading = type_cell.text.len() - type_cell.text.trim_start().len()
        + (type_text.as_ptr() as usize - written.as_ptr() as usize);
    let to_source = |span: Range<usize>| {
        type_cell.source_span(leading + span.start..leading + span.end, &type_span)
    };
    match parse_type(type_text) {
        Ok(mut parsed) => {
            if is_inline_enum(&parsed.expr) {
                parsed.expr.containers = anchor_containers(anchor.as_deref());
            }
            if let Some((expr, shown)) = whole_type_linked(cell.events, &parsed.expr) {
                parsed.expr = expr;
                parsed.dialects = Some(parsed.dialects.map_or(shown, |d| d.intersection(shown)));
            }
            Some(ParsedCell {
                links_page: links_page(cell.events, &parsed.expr.leaf),
                expr: Spanned {
                    value: parsed.expr,
                    span: type_span.clone(),
                },
                leaf_span: to_source(parsed.leaf_span),
                dialects: parsed.dialects,
                null: parsed.null,
            })
        }
        Err(error) => {
            diagnostics.push(
                Diagnostic::error(
                    file,
                    to_source(error.span),
                    format!(
                        "{MALFORMED_TYPE} `{}`: {}",
                        abbreviate(type_text),
                        error.message
                    ),
                )
                .with_label(error.message),
            );
            None
        }
    }
}

/// A Type cell that is a link Markdown could not read, because its destination holds a space:
/// in the page (`[Map<String, InnerEnum>](#Map<String, InnerEnum>)`, as the Java and Kotlin
/// templates write a field's own enum in a map) or to a page (Eiffel's `[ARRAY
/// [NATURAL_8]](ARRAY [NATURAL_8].md)`): the link's text, and its destination after the `#`.
fn unread_link(text: &str) -> Option<(&str, Option<String>)> {
    let (label, rest) = text.strip_prefix('[')?.split_once("](")?;
    let destination = rest.strip_suffix(')')?;
    match destination.strip_prefix('#') {
        Some(anchor) => Some((label, Some(anchor.to_owned()))),
        None => destination.ends_with(".md").then_some((label, None)),
    }
}

/// Whether a Type cell links to the page of its innermost type (`[**List<Pet>**](Pet.md)`; not
/// Java 4.x's `[**List<Map<String, Integer>>**](Map.md)`).
fn links_page(events: &[(Event<'_>, Range<usize>)], leaf: &Leaf) -> bool {
    let Leaf::Named(leaf) = leaf else {
        return false;
    };
    (events.iter()).any(|(event, _)| match event {
        Event::Start(Tag::Link { dest_url, .. }) => {
            let page = dest_url.rsplit('/').next().unwrap_or(dest_url);
            page.strip_suffix(".md") == Some(leaf.as_str())
        }
        _ => false,
    })
}

/// The type of a Type cell that links the page of a container type its innermost type ends in,
/// where a dialect declares that type as one word (dart-jaguar's
/// `[**List<List<int>>**](List<int>.md)`: the model doc links the property's `complexType`,
/// which is a `typeMapping` value the template does not count as a primitive, `List<int>` for
/// `file` and `binary`): the cell's type with that type as one name (`list[List<int>]`), and
/// the dialects that declare it; `None` for any other cell (Go's `[**[][]Pet**]([]Pet.md)`).
fn whole_type_linked(
    events: &[(Event<'_>, Range<usize>)],
    expr: &TypeExpr,
) -> Option<(TypeExpr, Dialects)> {
    let page = events.iter().find_map(|(event, _)| match event {
        Event::Start(Tag::Link { dest_url, .. }) => dest_url
            .rsplit('/')
            .next()
            .and_then(|page| page.strip_suffix(".md")),
        _ => None,
    })?;
    let (Word::Name, shown) = dialects::word(page)? else {
        return None;
    };
    let linked = parse_type(page).ok()?.expr;
    let outer = expr.containers.len().checked_sub(linked.containers.len())?;
    (!linked.containers.is_empty()
        && linked.leaf == expr.leaf
        && expr.containers[outer..] == linked.containers[..])
        .then(|| {
            let containers = expr.containers[..outer].to_vec();
            let leaf = Leaf::Named(page.to_owned());
            (TypeExpr { containers, leaf }, shown)
        })
}

/// The in-page destination (after the `#`) of a Type cell that is a link (`[**inline**](#X)`).
fn page_anchor(events: &[(Event<'_>, Range<usize>)]) -> Option<String> {
    events.iter().find_map(|(event, _)| match event {
        Event::Start(Tag::Link { dest_url, .. }) => dest_url.strip_prefix('#').map(str::to_owned),
        _ => None,
    })
}

/// The containers of a field's own enum that Kotlin writes `inline`: those of the type its link
/// names (`#kotlin.collections.List<Status>` is a list of the enum), none when it names no
/// container (`#Status`). The name may quote a reserved word in backticks (`` `Inner` ``).
fn anchor_containers(anchor: Option<&str>) -> Vec<Container> {
    let Some(anchor) = anchor else {
        return Vec::new();
    };
    let anchor = anchor.replace('`', "");
    parse_type(&anchor).map_or_else(|_| Vec::new(), |parsed| parsed.expr.containers)
}

/// A type expression short enough for a one-line message (a type nested thousands deep is not).
fn abbreviate(text: &str) -> String {
    const LIMIT: usize = 60;
    match text.char_indices().nth(LIMIT) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_owned(),
    }
}

pub(super) fn line_of(text: &str, offset: usize) -> usize {
    text.as_bytes()[..offset.min(text.len())]
        .iter()
        .filter(|&&byte| byte == b'\n')
        .count()
        + 1
}

/// `[optional]`, `[readonly]`, `[default to X]`, empty, or what the operation pages add after it
/// (values); `python-prior`'s `defaults to X`, `if omitted ...` and `must be one of [...]`.
fn is_notes(notes: &str) -> bool {
    let notes = notes.trim();
    notes.is_empty()
        || notes.starts_with('[')
        || ["defaults to", "if omitted", "must be one of"]
            .iter()
            .any(|prefix| notes.starts_with(prefix))
}

/// A kramdown attribute line (`{: class="table table-striped"}`) that Markdown reads as a row.
pub(super) fn is_attribute_line(row: &str) -> bool {
    let row = row.trim();
    row.starts_with("{:") && row.ends_with('}')
}

/// Whether the row has more cells than the header: text after the last cell Markdown read.
fn has_surplus_cells(text: &str, row: &Range<usize>, last_cell_end: usize) -> bool {
    let after = text[last_cell_end.min(row.end)..row.end].trim();
    !after.is_empty() && after != "|"
}

/// A row split again from its source (see [`split_row`]).
struct SplitRow<'a> {
    /// The Type cell's span, trimmed, and its inline Markdown.
    type_range: Range<usize>,
    type_events: Vec<(Event<'a>, Range<usize>)>,
    /// The spans of the cells after the Type cell.
    rest: Vec<Range<usize>>,
    /// How many cells the source has.
    cells: usize,
    /// The row has no outer pipes but ends in `|`: the separator before empty Notes.
    ends_before_empty_notes: bool,
}

/// The spans of a table row's cells in its source (`row`, trimmed): split at each `|` that no
/// `\\` escapes, outer pipes removed. Markdown keeps only as many cells as the header has;
/// this is every cell the row writes.
pub(super) fn source_cells(text: &str, row: &Range<usize>) -> Vec<Range<usize>> {
    let row_text = &text[row.clone()];
    let leading = usize::from(row_text.starts_with('|'));
    let trailing = usize::from(
        row_text.len() > leading && row_text.ends_with('|') && !row_text.ends_with("\\|"),
    );
    let body = row.start + leading..row.end - trailing;
    let bytes = text.as_bytes();
    let mut cells = Vec::new();
    let mut start = body.start;
    for at in body.clone() {
        if bytes[at] == b'|' && (at == 0 || bytes[at - 1] != b'\\') {
            cells.push(start..at);
            start = at + 1;
        }
    }
    cells.push(start..body.end);
    cells
}

/// A row whose cells Markdown read wrong, split again at each `|` that no `\` escapes (outer
/// pipes removed): the first cell is the Name; the Type cell runs on over the next cells while
/// its bold markers or brackets are open (`**Array&lt;string | null&gt;**`), and to the end of
/// the row in a `Name | Type` table; the cells after it are the rest.
fn split_row<'a>(text: &'a str, row: &Range<usize>, name_and_type_only: bool) -> SplitRow<'a> {
    let mut cells = source_cells(text, row);
    let count = cells.len();
    let first = 1.min(count - 1);
    let last = if name_and_type_only {
        count - 1
    } else {
        (first..count)
            .find(|&last| is_balanced(&text[cells[first].start..cells[last].end]))
            .unwrap_or(first)
    };
    let type_range = trim_span(text, cells[first].start..cells[last].end);
    let type_events = Parser::new(&text[type_range.clone()])
        .into_offset_iter()
        .map(|(event, range)| {
            (
                event,
                type_range.start + range.start..type_range.start + range.end,
            )
        })
        .collect();
    SplitRow {
        type_range,
        type_events,
        rest: cells.split_off(last + 1),
        cells: count,
        ends_before_empty_notes: !text[row.clone()].starts_with('|')
            && text[row.clone()].ends_with('|')
            && !text[row.clone()].ends_with("\\|"),
    }
}

/// Whether a cell's source closes what it opens: bold markers (`**`) and brackets (`<`,
/// `&lt;`, `[`, `(`, `{`).
fn is_balanced(cell: &str) -> bool {
    // One pass over the bytes (this runs on every cell of every table).
    let bytes = cell.as_bytes();
    let mut bold = 0usize;
    let [mut angle, mut square, mut round, mut curly] = [0isize; 4];
    let mut at = 0;
    while let Some(&byte) = bytes.get(at) {
        let rest = &bytes[at + 1..];
        match byte {
            b'*' if rest.first() == Some(&b'*') => {
                bold += 1;
                at += 1;
            }
            b'<' => angle += 1,
            b'>' => angle -= 1,
            b'&' if rest.starts_with(b"lt;") => angle += 1,
            b'&' if rest.starts_with(b"gt;") => angle -= 1,
            b'[' => square += 1,
            b']' => square -= 1,
            b'(' => round += 1,
            b')' => round -= 1,
            b'{' => curly += 1,
            b'}' => curly -= 1,
            _ => {}
        }
        at += 1;
    }
    bold.is_multiple_of(2) && [angle, square, round, curly] == [0; 4]
}

pub(super) struct Cell<'e, 'a> {
    pub(super) events: &'e [(Event<'a>, Range<usize>)],
    pub(super) range: Range<usize>,
}

pub(super) fn cells<'e, 'a>(events: &'e [(Event<'a>, Range<usize>)]) -> Vec<Cell<'e, 'a>> {
    let mut cells = Vec::new();
    let mut index = 0;
    while index < events.len() {
        let end = find_end(events, index);
        if let Event::Start(Tag::TableCell) = events[index].0 {
            cells.push(Cell {
                events: &events[index + 1..end],
                range: events[index].1.clone(),
            });
        }
        index = end + 1;
    }
    cells
}

/// The index of the `End` event that closes the `Start` event at `start` (or `start` itself for
/// events that are not containers).
pub(super) fn find_end(events: &[(Event<'_>, Range<usize>)], start: usize) -> usize {
    if !matches!(events[start].0, Event::Start(_)) {
        return start;
    }
    let mut depth = 0usize;
    for (offset, (event, _)) in events[start..].iter().enumerate() {
        match event {
            Event::Start(_) => depth += 1,
            Event::End(_) => {
                depth -= 1;
                if depth == 0 {
                    return start + offset;
                }
            }
            _ => {}
        }
    }
    events.len() - 1
}

/// The text of some inline events, with where each piece came from.
pub(super) struct CellText {
    pub(super) text: String,
    /// `(offset in text, offset in source)` at the start of each piece.
    pieces: Vec<(usize, usize)>,
}

impl CellText {
    /// The source offset of a byte offset into the text.
    fn source_offset(&self, offset: usize) -> Option<usize> {
        let &(text_start, source_start) = self
            .pieces
            .iter()
            .rev()
            .find(|(text_start, _)| *text_start <= offset)?;
        Some(source_start + (offset - text_start))
    }

    /// The source span of a span of the text, kept inside `cell` (the text's pieces can be
    /// shorter or longer than their source: decoded entities, markup around them).
    pub(super) fn source_span(&self, span: Range<usize>, cell: &Range<usize>) -> Range<usize> {
        let clamp = |offset: Option<usize>, default: usize| {
            offset.unwrap_or(default).clamp(cell.start, cell.end)
        };
        let start = clamp(self.source_offset(span.start), cell.start);
        let end = clamp(self.source_offset(span.end), cell.end).max(start);
        start..end
    }
}

/// A description's text with the HTML entities the templates escaped twice decoded: the Python
/// templates write a description's `"` as `\&quot;` (HTML-escaped, then the `&` escaped for
/// Markdown), which Markdown reads as the text `&quot;`. No template means an entity's name as
/// text, so `&quot;`, `&#39;`, `&#x27;`, `&lt;`, `&gt;` and `&amp;` left in a read text are the
/// characters they name.
pub(super) fn decode_escaped_entities(text: &str) -> String {
    if !text.contains('&') {
        return text.to_owned();
    }
    const ENTITIES: [(&str, char); 6] = [
        ("&quot;", '"'),
        ("&#39;", '\''),
        ("&#x27;", '\''),
        ("&lt;", '<'),
        ("&gt;", '>'),
        ("&amp;", '&'),
    ];
    let mut decoded = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        decoded.push_str(&rest[..at]);
        rest = &rest[at..];
        match ENTITIES.iter().find(|(entity, _)| rest.starts_with(entity)) {
            Some((entity, character)) => {
                decoded.push(*character);
                rest = &rest[entity.len()..];
            }
            None => {
                decoded.push('&');
                rest = &rest[1..];
            }
        }
    }
    decoded.push_str(rest);
    decoded
}

/// The plain text of inline events: entities decoded, emphasis and links reduced to their text,
/// line breaks (`<br>`) kept as new lines.
pub(super) fn collect_text(events: &[(Event<'_>, Range<usize>)]) -> CellText {
    collect(events, false)
}

/// The plain text of a Name cell: as [`collect_text`], but emphasis written with `_` is the
/// name's own underscores (`**__proto__**` is the property `__proto__`, not `proto` in bold): the
/// templates mark a name up with `*` only.
pub(super) fn collect_name_text(text: &str, events: &[(Event<'_>, Range<usize>)]) -> String {
    let mut name = String::new();
    for item in events {
        let (event, range) = item;
        let delimiter = match event {
            Event::Start(Tag::Emphasis) | Event::End(TagEnd::Emphasis) => "_",
            Event::Start(Tag::Strong) | Event::End(TagEnd::Strong) => "__",
            _ => {
                name.push_str(&collect_text(std::slice::from_ref(item)).text);
                continue;
            }
        };
        let written = match event {
            Event::Start(_) => text[range.clone()].starts_with(delimiter),
            _ => text[range.clone()].ends_with(delimiter),
        };
        if written {
            name.push_str(delimiter);
        }
    }
    name
}

/// The plain text of a Type cell: as [`collect_text`], but an autolink keeps its `<` and `>`:
/// in Rust's `Vec<models::Tag>`, CommonMark reads `<models::Tag>` as a link to the URI
/// `models::Tag`.
fn collect_type_text(events: &[(Event<'_>, Range<usize>)]) -> CellText {
    collect(events, true)
}

fn collect(events: &[(Event<'_>, Range<usize>)], keep_autolinks: bool) -> CellText {
    let mut cell = CellText {
        text: String::new(),
        pieces: Vec::new(),
    };
    let mut in_autolink = false;
    for (event, range) in events {
        let piece = match event {
            Event::Start(Tag::Link {
                link_type: LinkType::Autolink,
                ..
            }) if keep_autolinks => {
                in_autolink = true;
                "<"
            }
            Event::End(TagEnd::Link) if in_autolink => {
                in_autolink = false;
                cell.pieces
                    .push((cell.text.len(), range.end.saturating_sub(1)));
                cell.text.push('>');
                continue;
            }
            Event::Text(text) | Event::Code(text) => text.as_ref(),
            Event::InlineHtml(html) | Event::Html(html) if is_line_break(html) => "\n",
            Event::InlineHtml(html) | Event::Html(html) => html.as_ref(),
            Event::SoftBreak | Event::HardBreak => "\n",
            _ => continue,
        };
        cell.pieces.push((cell.text.len(), range.start));
        cell.text.push_str(piece);
    }
    cell
}

fn is_line_break(html: &str) -> bool {
    let tag: String = html
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_lowercase();
    matches!(tag.as_str(), "<br>" | "<br/>")
}

/// The plain text of a fragment of inline Markdown.
pub(super) fn inline_text(markdown: &str) -> String {
    let events: Vec<_> = Parser::new(markdown.trim()).into_offset_iter().collect();
    collect_text(&events).text
}

/// `range` without the white space at either end.
pub(super) fn trim_span(text: &str, range: Range<usize>) -> Range<usize> {
    let slice = &text[range.clone()];
    let start = range.start + (slice.len() - slice.trim_start().len());
    start..start + slice.trim().len()
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::{
        PageOutcome, decode_escaped_entities, description_enum, front_matter_title, is_balanced,
        parse_page,
    };
    use crate::diagnostic::Sources;
    use crate::model::Primitive;

    #[test]
    fn a_cell_is_balanced_when_it_closes_what_it_opens() {
        // What the one pass counts, counted one needle at a time.
        let by_needles = |cell: &str| {
            let count = |needle: &str| cell.matches(needle).count();
            count("**") % 2 == 0
                && count("<") + count("&lt;") == count(">") + count("&gt;")
                && count("[") == count("]")
                && count("(") == count(")")
                && count("{") == count("}")
        };
        let cells = [
            "",
            "plain",
            "**bold**",
            "***",
            "****",
            "**a** **b",
            "list[str]",
            "list[str",
            "&lt;b&gt;",
            "<a href=x>&gt;",
            "&lt;",
            "&l",
            "(a) {b} [c]",
            ")(",
            "{[(<&lt;**>&gt;)]}",
            "Dict(str, list[int]",
            "é ✓ & ** <",
        ];
        for cell in cells {
            assert_eq!(is_balanced(cell), by_needles(cell), "{cell:?}");
        }
    }

    /// A discriminator's property and its mapping.
    type Discriminator = (String, Vec<(String, String)>);

    /// The variants (as written) and discriminator a page lists, read alone.
    fn one_of(page: &str) -> (Vec<String>, Option<Discriminator>) {
        let mut sources = Sources::default();
        let file = sources.add(PathBuf::from("Pet.md"), page.to_owned());
        let mut diagnostics = Vec::new();
        let PageOutcome::Model(model) = parse_page(file, page, &mut diagnostics) else {
            panic!("a model page: {diagnostics:?}");
        };
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        let one_of = model.one_of.expect("a oneOf").value;
        (
            one_of.variants.iter().map(ToString::to_string).collect(),
            one_of
                .discriminator
                .map(|discriminator| (discriminator.property, discriminator.mapping)),
        )
    }

    #[test]
    fn a_one_of_page_lists_its_variants_in_every_template_that_shows_them() {
        // php-nextgen: a list of qualified names, and a sentence that names the discriminator.
        let php = "# Pet\n\nThis model is a `oneOf` wrapper.\n\n## oneOf\n\n\
                   - [**\\Vendor\\Model\\Cat**](Cat.md)\n- [**\\Vendor\\Model\\Dog**](Dog.md)\n\n\
                   The concrete type is selected by the `pet_type` discriminator property.\n";
        assert_eq!(
            one_of(php),
            (
                vec!["Cat".to_owned(), "Dog".to_owned()],
                Some(("pet_type".to_owned(), Vec::new()))
            )
        );
        // Java (native, jersey2/3): the variants' pages, no discriminator.
        let java = "# Pet\n\n## oneOf schemas\n* [Cat](Cat.md)\n* [Dog](Dog.md)\n\n## Example\n";
        assert_eq!(
            one_of(java),
            (vec!["Cat".to_owned(), "Dog".to_owned()], None)
        );
        // Rust: an `## Enum Variants` table of types.
        let rust = "# Pet\n\n## Enum Variants\n\n| Name | Description |\n|---- | -----|\n\
                    | Cat |  |\n| String |  |\n";
        assert_eq!(
            one_of(rust),
            (vec!["Cat".to_owned(), "str".to_owned()], None)
        );
    }

    #[test]
    fn rubys_one_of_page_gives_its_variants_discriminator_and_mapping() {
        let ruby = "# Client::Pet\n\n## Class instance methods\n\n### `openapi_one_of`\n\n\
            Returns the list of classes defined in oneOf.\n\n#### Example\n\n```ruby\n\
            require 'client'\n\nClient::Pet.openapi_one_of\n# =>\n# [\n#   :'Cat',\n\
            #   :'Dog'\n# ]\n```\n\n### `openapi_discriminator_name`\n\n```ruby\n\
            Client::Pet.openapi_discriminator_name\n# => :'petType'\n```\n\n\
            ### `openapi_discriminator_name`\n\n```ruby\n\
            Client::Pet.openapi_discriminator_mapping\n# =>\n# {\n#   :'cat' => :'Cat',\n\
            #   :'dog' => :'Dog'\n# }\n```\n";
        assert_eq!(
            one_of(ruby),
            (
                vec!["Cat".to_owned(), "Dog".to_owned()],
                Some((
                    "petType".to_owned(),
                    vec![
                        ("cat".to_owned(), "Cat".to_owned()),
                        ("dog".to_owned(), "Dog".to_owned())
                    ]
                ))
            )
        );
    }

    #[test]
    fn entities_escaped_twice_are_their_characters() {
        assert_eq!(
            decode_escaped_entities("the &quot;Home&quot; division, it&#39;s &lt;b&gt; &amp; more"),
            "the \"Home\" division, it's <b> & more"
        );
        assert_eq!(
            decode_escaped_entities("a & b &unknown; &"),
            "a & b &unknown; &"
        );
        assert_eq!(decode_escaped_entities("&amp;quot;"), "&quot;");
    }

    #[test]
    fn a_description_the_template_escaped_twice_reads_as_written() {
        let page = "# Division\n\n## Properties\n\nName | Type | Description | Notes\n\
                    ------------ | ------------- | ------------- | -------------\n\
                    **home** | **bool** | The \\&quot;Home\\&quot; division | [optional]\n";
        let mut sources = Sources::default();
        let file = sources.add(PathBuf::from("Division.md"), page.to_owned());
        let mut diagnostics = Vec::new();
        let PageOutcome::Model(model) = parse_page(file, page, &mut diagnostics) else {
            panic!("a model page: {diagnostics:?}");
        };
        assert_eq!(model.properties[0].description, "The \"Home\" division");
    }

    #[test]
    fn a_description_ending_in_its_enum_lists_the_values() {
        let read = |description: &str| {
            description_enum(description, &(0..0)).map(|values| {
                let listed: Vec<String> = values.values.into_iter().map(|v| v.value).collect();
                (listed, values.primitive)
            })
        };
        assert_eq!(
            read("Sort order. (enum: asc, desc)"),
            Some((vec!["asc".to_owned(), "desc".to_owned()], Primitive::String))
        );
        assert_eq!(
            read("(enum: 1, 2, 3)"),
            Some((vec!["1".into(), "2".into(), "3".into()], Primitive::Integer))
        );
        // `null` of a 3.1 nullable enum, printed as nothing.
        assert_eq!(
            read(" (enum: a, b, )".trim()),
            Some((vec!["a".to_owned(), "b".to_owned()], Primitive::String))
        );
        assert_eq!(read("Sort order (ascending or descending)."), None);
        assert_eq!(read("A value (enumerated)"), None);
    }

    #[test]
    fn underscores_a_name_cell_reads_as_emphasis_are_the_names_own() {
        let page = "# OddNames\n\n## Properties\n\nName | Type | Description | Notes\n\
            ------------ | ------------- | ------------- | -------------\n\
            **__proto__** | **str** |  | [optional]\n**_private_** | **str** |  | [optional]\n\
            **__private** | **str** |  | [optional]\n**snake_case_** | **str** |  | [optional]\n";
        let mut sources = Sources::default();
        let file = sources.add(PathBuf::from("OddNames.md"), page.to_owned());
        let mut diagnostics = Vec::new();
        let PageOutcome::Model(page) = parse_page(file, page, &mut diagnostics) else {
            panic!("not a model page: {diagnostics:?}");
        };
        let names: Vec<&str> = (page.properties.iter())
            .map(|row| row.name.value.as_str())
            .collect();
        assert_eq!(
            names,
            ["__proto__", "_private_", "__private", "snake_case_"]
        );
    }

    #[test]
    fn a_front_matter_title_is_located_at_its_text_quoted_or_not() {
        for yaml in ["title: Pet\n", "title: \"Pet\"\n", "title:   'Pet'\n"] {
            let page = format!("---\n{yaml}---\n");
            let title = front_matter_title(&page[4..], 4).expect("a title");
            assert_eq!(title.value, "Pet");
            assert_eq!(&page[title.span], "Pet", "{yaml:?}");
        }
    }
}

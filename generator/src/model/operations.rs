//! Operations from operation pages: types resolved as fields' are, names from [`naming`], and each
//! parameter's place in the request. A parameter is in the path when the path has its
//! `{placeholder}` (the placeholder is its exact wire name: `job_id` -> `{jobId}`), the body when
//! it is the body parameter (named `body`, or, in a request with a body, of a type a query string
//! cannot carry: a model, `object`, a map), a header when named like a request header,
//! and the query otherwise (its wire name by the naming rule).

use std::collections::{BTreeMap, HashMap};
use std::ops::Range;

use heck::ToTrainCase;
use rayon::iter::{IntoParallelIterator, ParallelIterator};

use super::shared::{MAX_TYPE_DEPTH, enum_type, suggest};
use super::{
    BaseType, BodyEncoding, Container, EnumKind, EnumType, FieldType, HttpMethod, Model, Operation,
    OperationGroup, Parameter, ParameterLocation, Primitive, is_json_media_type,
};
use crate::config::{OperationOverrides, ParameterPlace};
use crate::diagnostic::{Diagnostic, FileId, OPERATION_LEFT_OUT, Severity, Sources};
use crate::naming::{self, WireCase};
use crate::parse::{
    InCall, Leaf, OperationPage, OperationSection, ParameterRow, Spanned, StatedPlace, TypeCell,
};

/// What each page name stands for: the containers an alias page adds, and the base type.
type NamedTypes<'a> = HashMap<&'a str, (Vec<Container>, BaseType)>;

/// The `{placeholder}`s of a path template, with their byte ranges (inside the braces).
pub fn placeholders(path: &str) -> impl Iterator<Item = (Range<usize>, &str)> {
    let mut rest = 0;
    std::iter::from_fn(move || {
        let open = rest + path[rest..].find('{')? + 1;
        let close = open + path[open..].find('}')?;
        rest = close + 1;
        Some((open..close, &path[open..close]))
    })
}

/// Builds the operation groups, sorted by name; `types` maps page names to what they stand for
/// (the containers an alias page adds, and the base type), `models` are the built models (whose
/// fields a form body given as a model is sent as),
/// `overrides` are the config's parameter overrides (group -> operation -> overrides). Two groups
/// that would get one feature name are reported, and the second is left out; so are overrides
/// naming an operation or parameter the pages do not have.
pub fn build_operations(
    pages: &[OperationPage],
    types: &NamedTypes<'_>,
    models: &[Model],
    wire_case: WireCase,
    overrides: &BTreeMap<String, BTreeMap<String, OperationOverrides>>,
    sources: &Sources,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<OperationGroup> {
    check_stale_overrides(pages, overrides, diagnostics);
    let accepted = accepted_groups(pages, types, sources, diagnostics);
    // Groups are independent of each other: built in parallel, their diagnostics kept in page
    // order.
    let built: Vec<(OperationGroup, Vec<Diagnostic>)> = accepted
        .into_par_iter()
        .map(|(page, feature)| {
            let overrides = overrides.get(&page.group.value);
            build_group(
                page,
                feature,
                overrides,
                (types, models),
                wire_case,
                sources,
            )
        })
        .collect();
    let mut groups = Vec::new();
    for (group, page_diagnostics) in built {
        diagnostics.extend(page_diagnostics);
        groups.push(group);
    }
    groups.sort_by(|a, b| a.name.cmp(&b.name));
    groups
}

/// The operation pages whose groups can be built, each with its feature's name: a group that
/// cannot be a module, or would share its module with a model or its feature with another group,
/// is reported.
fn accepted_groups<'p>(
    pages: &'p [OperationPage],
    types: &NamedTypes<'_>,
    sources: &Sources,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<(&'p OperationPage, String)> {
    let mut accepted: Vec<(&OperationPage, String)> = Vec::new();
    let mut by_feature: HashMap<String, &OperationPage> = HashMap::new();
    let models_by_folded_name: HashMap<String, &str> = types
        .keys()
        .map(|name| (name.to_ascii_lowercase(), *name))
        .collect();
    for page in pages {
        let group = page.group.value.as_str();
        if !naming::is_model_name(group) {
            diagnostics.push(
                Diagnostic::error(
                    page.file,
                    page.group.span.clone(),
                    format!("`{group}` cannot become a Rust module name"),
                )
                .with_label("an operation page's title must be letters, digits and `_`, with a letter or a digit"),
            );
            continue;
        }
        if let Some(model) = models_by_folded_name.get(&group.to_ascii_lowercase()) {
            diagnostics.push(
                Diagnostic::error(
                    page.file,
                    page.group.span.clone(),
                    format!("API group `{group}` and model `{model}` would get one module, `{}`", naming::group_module_name(group)),
                )
                .with_label("this group")
                .with_note("a group and a model whose names are equal but for letter case cannot both exist: their pages would be one file on case-insensitive file systems"),
            );
            continue;
        }
        let feature = naming::feature_name(group);
        if let Some(first) = by_feature.get(&feature) {
            diagnostics.push(
                Diagnostic::error(
                    page.file,
                    page.group.span.clone(),
                    format!(
                        "API groups `{}` and `{}` would get one feature name, `{feature}`",
                        first.group.value, page.group.value
                    ),
                )
                .with_label("second group")
                .with_note(format!(
                    "the first is {}",
                    sources.get(first.file).path.display()
                ))
                .with_note("group names equal but for letter case count as one"),
            );
            continue;
        }
        by_feature.insert(feature.clone(), page);
        accepted.push((page, feature));
    }
    accepted
}

/// One operation page's group, with the problems of its operations: on openapi-generator's
/// pages, an operation that cannot be built is left out, its problems warnings.
fn build_group(
    page: &OperationPage,
    feature: String,
    overrides: Option<&BTreeMap<String, OperationOverrides>>,
    (types, models): (&NamedTypes<'_>, &[Model]),
    wire_case: WireCase,
    sources: &Sources,
) -> (OperationGroup, Vec<Diagnostic>) {
    let mut page_diagnostics = Vec::new();
    let mut resolver = Resolver {
        file: page.file,
        group: &page.group.value,
        overrides,
        types,
        models,
        wire_case,
        sources,
        diagnostics: &mut page_diagnostics,
    };
    let mut operations: Vec<Operation> = Vec::new();
    for section in &page.operations {
        let Some(encoding) = resolver.body_encoding(section) else {
            continue;
        };
        let reported = resolver.diagnostics.len();
        let operation = resolver.operation(section, encoding);
        let problems = &mut resolver.diagnostics[reported..];
        let failed = problems
            .iter()
            .any(|diagnostic| diagnostic.severity == Severity::Error);
        // On openapi-generator's pages, an operation that cannot be built is left out.
        if page.best_effort && failed {
            for problem in problems.iter_mut() {
                *problem = problem.clone().into_warning(OPERATION_LEFT_OUT);
            }
        } else {
            operations.push(operation);
        }
    }
    operations.sort_by(|a, b| a.name.cmp(&b.name));
    check_function_names(page, &operations, &mut page_diagnostics);
    let source = sources
        .get(page.file)
        .path
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_default();
    let group = OperationGroup {
        name: page.group.value.clone(),
        module: naming::group_module_name(&page.group.value),
        feature,
        source,
        operations,
    };
    (group, page_diagnostics)
}

/// The parameter of `row`, of type `ty`, named `names` (Rust and wire), at `location`; `file`
/// when it is a file's contents.
fn parameter(
    row: &ParameterRow,
    ty: FieldType,
    (rust_name, wire_name): (String, String),
    location: ParameterLocation,
    file: bool,
) -> Parameter {
    Parameter {
        doc_name: row.name.value.clone(),
        rust_name,
        wire_name,
        location,
        ty,
        required: row.required,
        default: row.default.clone(),
        allowed_values: row.allowed_values.clone(),
        description: row.description.clone(),
        file,
    }
}

/// The media type an operation accepts when it is not JSON: the config's, else the page's first
/// when it lists no JSON one.
fn accepted_media_type(
    section: &OperationSection,
    overrides: Option<&OperationOverrides>,
) -> Option<String> {
    (overrides.and_then(|operation| operation.accept.as_ref()))
        .map(|accept| accept.value.clone())
        .or_else(|| {
            let listed = section.accept.as_deref().unwrap_or_default();
            let json = (listed.iter()).any(|media_type| is_json_media_type(media_type));
            listed.first().filter(|_| !json).cloned()
        })
}

/// The registered request headers (IANA's HTTP Field Name Registry) a parameter so named goes
/// in: those whose names are more than one word, since no query key is spelled like
/// `if_none_match` by chance, and `Cookie` and `Pragma`, which no query key is named either (APIs
/// that take a browser's cookies or a cache directive as a parameter: Ory's `cookie`, `pragma`).
/// Other one-word ones (`Date`, `From`, `Range`, `Origin`) are as often query keys, and stay
/// query parameters; `Authorization` is the client's credentials.
const REQUEST_HEADERS: [&str; 15] = [
    "Accept-Charset",
    "Accept-Datetime",
    "Accept-Encoding",
    "Accept-Language",
    "Cache-Control",
    "Cookie",
    "Idempotency-Key",
    "If-Match",
    "If-Modified-Since",
    "If-None-Match",
    "If-Range",
    "If-Schedule-Tag-Match",
    "If-Unmodified-Since",
    "Max-Forwards",
    "Pragma",
];

/// The header a parameter goes in, by its name in the docs.
#[derive(Debug, PartialEq, Eq)]
enum Header {
    /// A registered request header ([`REQUEST_HEADERS`]).
    Registered(&'static str),
    /// A name starting `x_` (`x_journey_session_id`): the `X-` header of that name, in Train-Case.
    Unregistered(String),
}

impl Header {
    fn name(&self) -> &str {
        match self {
            Header::Registered(name) => name,
            Header::Unregistered(name) => name,
        }
    }
}

/// The header a parameter named `api_name` (`if_match`, `ifMatch`) goes in, if any.
fn request_header(api_name: &str) -> Option<Header> {
    let snake = naming::snake_case(api_name);
    let registered = REQUEST_HEADERS
        .iter()
        .find(|header| naming::snake_case(header) == snake);
    match registered {
        Some(header) => Some(Header::Registered(header)),
        None if snake.starts_with("x_") && snake.len() > 2 => {
            Some(Header::Unregistered(snake.to_train_case()))
        }
        None => None,
    }
}

struct Resolver<'a, 'd> {
    file: FileId,
    group: &'a str,
    overrides: Option<&'a BTreeMap<String, OperationOverrides>>,
    types: &'a NamedTypes<'a>,
    models: &'a [Model],
    /// How the JSON spells the docs' names: query keys follow it.
    wire_case: WireCase,
    sources: &'a Sources,
    diagnostics: &'d mut Vec<Diagnostic>,
}

impl Resolver<'_, '_> {
    fn operation(&mut self, section: &OperationSection, encoding: BodyEncoding) -> Operation {
        let form = matches!(encoding, BodyEncoding::Form | BodyEncoding::Multipart);
        let name = section.name.value.as_str();
        let path = &section.path;
        let slots: Vec<(Range<usize>, &str)> = placeholders(&path.value).collect();
        let mut filled = vec![false; slots.len()];
        let mut parameters = Vec::new();
        let mut enums = Vec::new();
        let mut seen: HashMap<String, &ParameterRow> = HashMap::new();
        let mut body: Option<&ParameterRow> = None;
        let operation_overrides = self.overrides.and_then(|operations| operations.get(name));
        let overrides = operation_overrides.map(|operation| &operation.parameters);
        for row in &section.parameters {
            if let Some(place) = row.place {
                let stated =
                    self.stated_parameters(row, (place, encoding), name, &slots, &mut enums);
                mark_filled(&stated, &slots, &mut filled);
                parameters.extend(stated);
                continue;
            }
            let doc_name = row.name.value.as_str();
            // A name the dialect gives back as one (R 4.x's `pet.id` is `pet_id`) will do.
            if !naming::is_identifier(doc_name) && !naming::is_identifier(&row.api_name) {
                self.diagnostics.push(
                    Diagnostic::error(self.file, row.name.span.clone(), format!("`{doc_name}` cannot become a Rust parameter name"))
                        .with_label("a parameter name must be letters, digits and `_`, not starting with a digit"),
                );
                continue;
            }
            // Operation pages are the Python family's: their names carry its keyword escapes.
            let rule_wire_name = naming::wire_name(&row.api_name, self.wire_case);
            let rust_name = naming::parameter_name(&rule_wire_name);
            if let Some(first) = seen.insert(rust_name.clone(), row) {
                self.diagnostics.push(
                    Diagnostic::error(
                        self.file,
                        row.name.span.clone(),
                        format!(
                            "parameters `{}` and `{doc_name}` of `{name}` would get one Rust name, `{rust_name}`",
                            first.name.value
                        ),
                    )
                    .with_label("second parameter")
                    .with_note(format!("the first is at {}", self.place(&first.name.span))),
                );
                continue;
            }
            // The config's name, else the rule's: the placeholder it fills, or the query key.
            // Then what the page's example call shows.
            let written = overrides.and_then(|parameters| parameters.get(doc_name));
            let (shown_name, shown_place) = shown_by_call(row, form, section);
            let written_name = written
                .and_then(|parameter| parameter.wire_name.as_ref())
                .map(|wire_name| wire_name.value.clone())
                .or(shown_name);
            let wanted = written_name.clone().unwrap_or(rule_wire_name);
            let slot = slot_of(&slots, &wanted);
            let place = written
                .and_then(|parameter| parameter.place)
                .or(shown_place);
            let (location, wire_name) = match (slot, place) {
                (Some(at), _) => {
                    filled[at] = true;
                    (ParameterLocation::Path, slots[at].1.to_owned())
                }
                (None, Some(ParameterPlace::Query)) => (ParameterLocation::Query, wanted),
                (None, Some(ParameterPlace::Header)) => {
                    let header = written_name.unwrap_or_else(|| doc_name.to_train_case());
                    (ParameterLocation::Header, header)
                }
                (None, Some(ParameterPlace::Cookie)) => (ParameterLocation::Cookie, wanted),
                (None, None) if !form && is_body(row, section) => {
                    if let Some(first) = body.replace(row) {
                        self.diagnostics.push(
                            Diagnostic::error(
                                self.file,
                                row.name.span.clone(),
                                format!("operation `{name}` has two body parameters, `{}` and `{doc_name}`", first.name.value),
                            )
                            .with_label("second body parameter")
                            .with_note("a parameter named `body`, or typed as a model, `object` or a map, is the request's body; a request has one"),
                        );
                        continue;
                    }
                    (ParameterLocation::Body, wanted)
                }
                (None, None) => self.unplaced_location(row, name, form, wanted),
            };
            let mut ty = self.resolve(&row.ty, || format!("parameter `{doc_name}` of `{name}`"));
            if let Some(enum_type) = allowed_values_enum(row, &rust_name, &ty) {
                ty.base = BaseType::Enum {
                    rust_name: enum_type.rust_name.clone(),
                };
                enums.push(enum_type);
            }
            let file = row.file
                && location == ParameterLocation::Form
                && encoding == BodyEncoding::Multipart;
            parameters.push(parameter(row, ty, (rust_name, wire_name), location, file));
        }
        self.report_unfilled(name, path, &slots, &filled);
        let returns = section
            .returns
            .as_ref()
            .map(|returned| self.resolve(returned, || format!("the return type of `{name}`")));
        let rust_name = naming::function_name(name);
        Operation {
            name: name.to_owned(),
            params_type: naming::params_type_name(&rust_name),
            rust_name,
            method: section.method.value,
            path: path.value.clone(),
            summary: section.summary.clone(),
            notes: section.notes.clone(),
            permissions: section.permissions.clone(),
            preview: section.preview,
            deprecated: section.deprecated,
            parameters,
            returns,
            accept: accepted_media_type(section, operation_overrides),
            enums,
            body_encoding: encoding,
        }
    }

    /// The parameters of a row whose place the page states (a path parameter a placeholder of
    /// `slots` names), named as the page writes them (the wire names): one, or a form body's
    /// fields, a model's properties (the templates that state places give a form body as its
    /// schema, and send each property as a field).
    fn stated_parameters(
        &mut self,
        row: &ParameterRow,
        (place, encoding): (StatedPlace, BodyEncoding),
        operation: &str,
        slots: &[(Range<usize>, &str)],
        enums: &mut Vec<EnumType>,
    ) -> Vec<Parameter> {
        let doc_name = row.name.value.as_str();
        let mut ty = self.resolve(&row.ty, || {
            format!("parameter `{doc_name}` of `{operation}`")
        });
        let rust_name = naming::parameter_name(doc_name);
        if let Some(enum_type) = allowed_values_enum(row, &rust_name, &ty) {
            ty.base = BaseType::Enum {
                rust_name: enum_type.rust_name.clone(),
            };
            enums.push(enum_type);
        }
        let location = match place {
            StatedPlace::Path if slot_of(slots, doc_name).is_some() => ParameterLocation::Path,
            StatedPlace::Path => {
                self.diagnostics.push(
                    Diagnostic::error(
                        self.file,
                        row.name.span.clone(),
                        format!("path parameter `{doc_name}` of `{operation}` fills no placeholder of its path"),
                    )
                    .with_label("no `{placeholder}` of this name"),
                );
                return Vec::new();
            }
            StatedPlace::Query => ParameterLocation::Query,
            StatedPlace::Header => ParameterLocation::Header,
            StatedPlace::Cookie => ParameterLocation::Cookie,
            StatedPlace::Body if encoding == BodyEncoding::Json => ParameterLocation::Body,
            StatedPlace::Body => return self.form_fields(row, &ty, operation),
        };
        let names = (rust_name, doc_name.to_owned());
        vec![parameter(row, ty, names, location, row.file)]
    }

    /// A form body's fields: the properties of its model, required when the body is.
    fn form_fields(
        &mut self,
        row: &ParameterRow,
        ty: &FieldType,
        operation: &str,
    ) -> Vec<Parameter> {
        let model = match &ty.base {
            BaseType::Model { rust_name, .. } if ty.containers.is_empty() => self
                .models
                .iter()
                .find(|model| &model.rust_name == rust_name),
            _ => None,
        };
        // A body of a model no page defines is reported already.
        let unknown = matches!(row.ty.expr.value.leaf, Leaf::Named(_))
            && ty.base == BaseType::Primitive(Primitive::Any);
        let Some(model) = model else {
            if unknown {
                return Vec::new();
            }
            self.diagnostics.push(
                Diagnostic::error(
                    self.file,
                    row.ty.expr.span.clone(),
                    format!("the form body of `{operation}` is no model, whose properties would be its fields"),
                )
                .with_label("expected a model"),
            );
            return Vec::new();
        };
        (model.fields.iter())
            .map(|field| {
                // A field's enum is its model's; as a form field it is its values' type.
                let mut field_ty = field.ty.clone();
                if let BaseType::Enum { .. } = field_ty.base {
                    field_ty.base = BaseType::Primitive(Primitive::String);
                }
                Parameter {
                    doc_name: field.doc_name.clone(),
                    rust_name: naming::parameter_name(&field.wire_name),
                    wire_name: field.wire_name.clone(),
                    location: ParameterLocation::Form,
                    ty: field_ty,
                    required: row.required && field.required,
                    default: None,
                    allowed_values: Vec::new(),
                    description: field.description.clone(),
                    // A model's field does not say it is a file's contents: a text part.
                    file: false,
                }
            })
            .collect()
    }

    /// Where a parameter the path and the config do not place goes (its wire name with it): a
    /// header when named like one (with a warning when not a registered one), a form field in a
    /// form, else the query.
    fn unplaced_location(
        &mut self,
        row: &ParameterRow,
        operation: &str,
        form: bool,
        wanted: String,
    ) -> (ParameterLocation, String) {
        match request_header(&row.api_name) {
            Some(header) => {
                if let Header::Unregistered(_) = header {
                    self.diagnostics.push(
                        Diagnostic::warning(
                            self.file,
                            row.name.span.clone(),
                            format!(
                                "parameter `{}` of `{operation}` is sent as the header `{}`",
                                row.name.value,
                                header.name()
                            ),
                        )
                        .with_label("named like a header (`x_`), not a registered one")
                        .with_note("the page does not say where a parameter goes: check it against the API's reference"),
                    );
                }
                (ParameterLocation::Header, header.name().to_owned())
            }
            // A form's page lists its fields as parameters, as it does query ones.
            None if form => (ParameterLocation::Form, wanted),
            None => (ParameterLocation::Query, wanted),
        }
    }

    /// How the operation's request body is written: JSON when its page lists no media type or
    /// a JSON one, else the first listed one the requests write (a form, multipart, text); for
    /// another (`application/octet-stream`) `None`, reported, and the operation left out.
    fn body_encoding(&mut self, section: &OperationSection) -> Option<BodyEncoding> {
        let types = section.content_types.as_deref().unwrap_or_default();
        if types.is_empty()
            || types
                .iter()
                .any(|media_type| is_json_media_type(media_type))
        {
            return Some(BodyEncoding::Json);
        }
        let encoding = types
            .iter()
            .find_map(|media_type| BodyEncoding::of_media_type(media_type));
        if encoding.is_none() {
            self.diagnostics.push(
                Diagnostic::warning(
                    self.file,
                    section.name.span.clone(),
                    format!(
                        "operation `{}` sends a `{}` body, which is not generated yet; left out",
                        section.name.value, types[0]
                    ),
                )
                .with_label("this operation")
                .with_note("the requests send JSON, form, multipart and text bodies"),
            );
        }
        encoding
    }

    /// Reports each `{placeholder}` of the path that no parameter fills.
    fn report_unfilled(
        &mut self,
        name: &str,
        path: &Spanned<String>,
        slots: &[(Range<usize>, &str)],
        filled: &[bool],
    ) {
        for ((span, placeholder), &filled) in slots.iter().zip(filled) {
            if !filled {
                let at = path.span.start + span.start..path.span.start + span.end;
                self.diagnostics.push(
                    Diagnostic::error(
                        self.file,
                        at,
                        format!(
                            "the path of `{name}` has `{{{placeholder}}}`, which no parameter fills"
                        ),
                    )
                    .with_label("no parameter of this name")
                    .with_note("a path parameter `foo_bar` fills `{fooBar}`"),
                );
            }
        }
    }

    /// A type of an operation, resolved as a field's; `what` names its place for messages.
    fn resolve(&mut self, cell: &TypeCell, what: impl Fn() -> String) -> FieldType {
        let expr = &cell.expr.value;
        if expr.containers.len() > MAX_TYPE_DEPTH {
            self.diagnostics.push(
                Diagnostic::error(
                    self.file,
                    cell.expr.span.clone(),
                    format!(
                        "the type of {} is nested {} deep, more than {MAX_TYPE_DEPTH}",
                        what(),
                        expr.containers.len()
                    ),
                )
                .with_label("too many nested `list[...]` / `dict(str, ...)`"),
            );
        }
        let mut containers = expr.containers.clone();
        let base = match &expr.leaf {
            Leaf::Primitive(primitive) => BaseType::Primitive(*primitive),
            Leaf::Named(model) if let Some((more, base)) = self.types.get(model.as_str()) => {
                containers.extend(more.iter().copied());
                base.clone()
            }
            Leaf::Named(model) => {
                let mut diagnostic = Diagnostic::error(
                    self.file,
                    cell.leaf_span.clone(),
                    format!(
                        "unknown model `{model}` in an operation of `{}`",
                        self.group
                    ),
                )
                .with_label("no page defines a model of this name");
                let hint = self.sources.unread_page_note(model);
                if let Some(hint) = hint.or_else(|| suggest(model, self.types.keys().copied())) {
                    diagnostic = diagnostic.with_note(hint);
                }
                self.diagnostics.push(diagnostic);
                BaseType::Primitive(Primitive::Any)
            }
        };
        FieldType { containers, base }
    }

    fn place(&self, span: &Range<usize>) -> String {
        let at = self.sources.line_column(self.file, span.start);
        format!(
            "{}:{}:{}",
            self.sources.get(self.file).path.display(),
            at.line,
            at.column
        )
    }
}

/// Operations of one page whose functions would have one name (`self` and `self_`).
fn check_function_names(
    page: &OperationPage,
    operations: &[Operation],
    diagnostics: &mut Vec<Diagnostic>,
) {
    let mut seen: HashMap<&str, &str> = HashMap::new();
    for operation in operations {
        if let Some(first) = seen.insert(&operation.rust_name, &operation.name) {
            let span = page
                .operations
                .iter()
                .find(|section| section.name.value == operation.name)
                .map_or(page.group.span.clone(), |section| section.name.span.clone());
            diagnostics.push(
                Diagnostic::error(
                    page.file,
                    span,
                    format!(
                        "operations `{first}` and `{}` would get one Rust function, `{}`",
                        operation.name, operation.rust_name
                    ),
                )
                .with_label("second operation"),
            );
        }
    }
}

/// Overrides naming an operation or a parameter that no page has.
fn check_stale_overrides(
    pages: &[OperationPage],
    overrides: &BTreeMap<String, BTreeMap<String, OperationOverrides>>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    for (group, operations) in overrides {
        let page = pages.iter().find(|page| &page.group.value == group);
        for (name, operation) in operations {
            let section = page.and_then(|page| {
                page.operations
                    .iter()
                    .find(|section| &section.name.value == name)
            });
            let Some(section) = section else {
                diagnostics.push(
                    Diagnostic::error(
                        operation.name.file,
                        operation.name.span.clone(),
                        format!("codegen.toml names operation `{group}.{name}`, which no operation page defines"),
                    )
                    .with_label("unknown operation"),
                );
                continue;
            };
            for (parameter, written) in &operation.parameters {
                if !section
                    .parameters
                    .iter()
                    .any(|row| &row.name.value == parameter)
                {
                    let hint = suggest(
                        parameter,
                        section.parameters.iter().map(|row| row.name.value.as_str()),
                    );
                    let mut diagnostic = Diagnostic::error(
                        written.name.file,
                        written.name.span.clone(),
                        format!("codegen.toml names parameter `{parameter}` of `{group}.{name}`, which the page does not have"),
                    )
                    .with_label("unknown parameter");
                    if let Some(hint) = hint {
                        diagnostic = diagnostic.with_note(hint);
                    }
                    diagnostics.push(diagnostic);
                }
            }
        }
    }
}

/// The placeholder a parameter fills: the one that is its rule wire name, else the one equal to
/// it but for letter case and `_` (`{job_id}`, `{jobID}` for `job_id`).
fn slot_of(slots: &[(Range<usize>, &str)], rule_wire_name: &str) -> Option<usize> {
    let fold = |name: &str| name.replace('_', "").to_ascii_lowercase();
    slots
        .iter()
        .position(|(_, placeholder)| *placeholder == rule_wire_name)
        .or_else(|| {
            slots
                .iter()
                .position(|(_, placeholder)| fold(placeholder) == fold(rule_wire_name))
        })
}

/// Whether a parameter outside the path is the request's body: named `body`, or, in a request
/// that has one (not `GET` or `HEAD`, nor one whose page says its `Content-Type` is `Not
/// defined`; the 2018 pages type some of their list query parameters
/// `list[object]`), of a type a query string cannot carry (a model, `object`, a map, or a list
/// of them, as `patch_user_customattributes_bulk`'s `list[UserCustomAttributesUpdateRequest]`).
fn is_body(row: &ParameterRow, section: &OperationSection) -> bool {
    let expr = &row.ty.expr.value;
    // A page that lists the request's media types says whether it has a body.
    let has_body = !matches!(section.method.value, HttpMethod::Get | HttpMethod::Head)
        && section
            .content_types
            .as_ref()
            .is_none_or(|types| !types.is_empty());
    row.name.value == "body"
        || (has_body
            && !row.scalar
            && (matches!(expr.leaf, Leaf::Named(_) | Leaf::Primitive(Primitive::Any))
                || expr.containers.contains(&Container::Map)))
}

/// Marks the placeholders of `slots` that the path parameters among `parameters` fill.
fn mark_filled(parameters: &[Parameter], slots: &[(Range<usize>, &str)], filled: &mut [bool]) {
    for parameter in parameters {
        let slot = slot_of(slots, &parameter.wire_name);
        if let (ParameterLocation::Path, Some(at)) = (parameter.location, slot) {
            filled[at] = true;
        }
    }
}

/// What the page's example call shows of `row` ([`InCall`]): the wire name it sends it by and
/// its place; a parameter it does not write that is neither the body nor a field of a `form` is a
/// cookie, the one other place the call leaves out.
fn shown_by_call(
    row: &ParameterRow,
    form: bool,
    section: &OperationSection,
) -> (Option<String>, Option<ParameterPlace>) {
    match &row.call {
        Some(InCall::Sent {
            wire_name,
            location,
        }) => {
            let place = match location {
                ParameterLocation::Header => ParameterPlace::Header,
                _ => ParameterPlace::Query,
            };
            (Some(wire_name.clone()), Some(place))
        }
        Some(InCall::Unwritten) if !form && !is_body(row, section) => {
            (None, Some(ParameterPlace::Cookie))
        }
        _ => (None, None),
    }
}

/// The open enum of a `str` parameter whose values the docs list (named after the parameter's
/// Rust name); `None` for others.
fn allowed_values_enum(row: &ParameterRow, rust_name: &str, ty: &FieldType) -> Option<EnumType> {
    (!row.allowed_values.is_empty() && ty.base == BaseType::Primitive(Primitive::String)).then(
        || {
            enum_type(
                naming::enum_name(rust_name),
                &row.name.value,
                EnumKind::String,
                row.allowed_values.iter().map(String::as_str),
            )
        },
    )
}

#[cfg(test)]
mod tests {
    use super::{placeholders, slot_of};

    #[test]
    fn placeholders_of_a_path() {
        let path = "/api/v2/things/{thingId}/parts/{partId}";
        let found: Vec<_> = placeholders(path).collect();
        assert_eq!(found, [(16..23, "thingId"), (32..38, "partId")]);
        assert_eq!(placeholders("/api/v2/things").count(), 0);
    }

    #[test]
    fn a_parameter_fills_its_placeholder_exactly_or_folded() {
        let slots = [(0..0, "jobId"), (0..0, "job_id2")];
        assert_eq!(slot_of(&slots, "jobId"), Some(0));
        assert_eq!(slot_of(&slots, "jobId2"), Some(1));
        assert_eq!(slot_of(&slots, "other"), None);
    }
}

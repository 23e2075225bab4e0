//! The passes over a whole folder of model pages, once every page is read: the folder's dialect
//! (forced by codegen.toml, or the one the pages' syntax shows), its conventions applied to the
//! pages, and the note naming its type syntax on each malformed type.

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

use super::dialect::{Dialect, ItemsInLink};
use super::dialects::{self, Dialects};
use super::operations::OperationPage;
use super::page::TypeCell;
use super::page::{MALFORMED_TYPE, ModelPage, PropertyRow, Spanned};
use super::types::{Inexact, Leaf, TypeExpr, grammar_word};
use crate::diagnostic::{Diagnostic, FileId, Sources};
use crate::model::{Container, Primitive};

/// The dialect of a folder's model pages: `forced` (from codegen.toml, with where it is written)
/// or the one their syntax shows: of the dialects every page's marks show, the first in the
/// order of `dialects::ALL` (most established first); the default dialect (`python`,
/// whose syntax is the plainest) when no page shows one. A page whose syntax shows no dialect
/// the others' does is an error: against `forced`, or (when nothing is forced) naming it and
/// the earlier page whose marks it contradicts.
pub fn folder_dialect(
    pages: &[ModelPage],
    forced: Option<(Dialect, FileId, Range<usize>)>,
    sources: &Sources,
    diagnostics: &mut Vec<Diagnostic>,
) -> Dialect {
    let place = |file: FileId, offset: usize| {
        let at = sources.line_column(file, offset);
        format!(
            "{}:{}:{}",
            sources.get(file).path.display(),
            at.line,
            at.column
        )
    };
    let marked: Vec<(&ModelPage, &Spanned<Dialects>)> = pages
        .iter()
        .filter_map(|page| page.dialects.as_ref().map(|shown| (page, shown)))
        .collect();
    if let Some((dialect, file, span)) = forced {
        for (page, shown) in marked
            .iter()
            .filter(|(_, shown)| !shown.value.contains(dialect))
        {
            diagnostics.push(
                Diagnostic::error(
                    page.file,
                    shown.span.clone(),
                    format!(
                        "`{}` is written in {}, but codegen.toml says the docs are {dialect}",
                        page.name.value, shown.value
                    ),
                )
                .with_label(format!("{} syntax", shown.value))
                .with_note(format!(
                    "`dialect = \"{dialect}\"` is at {}; without it the dialect is detected",
                    place(file, span.start)
                )),
            );
        }
        return dialect;
    }
    let mut folder: Option<Dialects> = None;
    for (at, &(page, shown)) in marked.iter().enumerate() {
        let narrowed = folder.map_or(shown.value, |folder| folder.intersection(shown.value));
        if !narrowed.is_empty() {
            folder = Some(narrowed);
            continue;
        }
        // The earlier page that shows none of this one's dialects, or else the first.
        let (earlier, earlier_shown) = marked[..at]
            .iter()
            .find(|(_, earlier)| earlier.value.intersection(shown.value).is_empty())
            .unwrap_or(&marked[0]);
        diagnostics.push(
            Diagnostic::error(
                page.file,
                shown.span.clone(),
                format!(
                    "one folder mixes dialects: `{}` is written in {}, `{}` in {}",
                    page.name.value, shown.value, earlier.name.value, earlier_shown.value
                ),
            )
            .with_label(format!("{} syntax", shown.value))
            .with_note(format!(
                "`{}` shows {} at {}",
                earlier.name.value,
                earlier_shown.value,
                place(earlier.file, earlier_shown.span.start)
            ))
            .with_note(
                "generate each template's docs from its own folder, or set `dialect` in codegen.toml",
            ),
        );
        break;
    }
    folder.and_then(Dialects::first).unwrap_or_default()
}

/// Adds to each malformed-type error among `diagnostics` a note naming the folder dialect's type
/// syntax, which is known only once every page is read.
pub fn name_the_type_syntax(diagnostics: &mut [Diagnostic], dialect: Dialect) {
    for diagnostic in diagnostics {
        if diagnostic.message.starts_with(MALFORMED_TYPE) {
            diagnostic.notes.push(dialect.type_syntax().to_owned());
        }
    }
}

/// The prefix openapi-generator gives a model whose name the language reserves (`Error` is
/// `ModelError` in Swift, TypeScript, PowerShell).
const RESERVED_MODEL_PREFIX: &str = "Model";

/// Gives back the API's name to each page the template wrote under an escaped title but under
/// its own file name (`# ModelError` in `Error.md`), when no page of the folder has that name:
/// the page is `Error`, and the references to `ModelError` are references to it. A page whose
/// file name is escaped too (`ModelError.md`) keeps its title: nothing on it says the API's name.
pub fn restore_escaped_titles(pages: &mut [ModelPage], sources: &Sources) {
    let page_names: BTreeSet<String> = pages.iter().map(|page| page.name.value.clone()).collect();
    let mut restored = Vec::new();
    for page in pages.iter_mut() {
        let path = &sources.get(page.file).path;
        let Some(stem) = path.file_stem().and_then(|stem| stem.to_str()) else {
            continue;
        };
        if page.name.value.strip_prefix(RESERVED_MODEL_PREFIX) == Some(stem)
            && !page_names.contains(stem)
        {
            let escaped = std::mem::replace(&mut page.name.value, stem.to_owned());
            restored.push((escaped, stem.to_owned()));
        }
    }
    rename_references(pages, &restored, |_| true);
}

/// Gives each page titled with a qualified type name (Kotlin's `# java.time.LocalDate` in
/// `Date.md`: the class the template's import mapping maps the model's name to, which
/// `toModelName` returns and the model doc prints as the title) its file's name, the API's,
/// unless another page has that name; else the title's last segment. Runs after
/// [`apply_folder_conventions`], which reads the cells that write the title as either the
/// dialect's type or the model; a reference the dialect did not read is to the page.
pub fn name_pages_titled_as_types(pages: &mut [ModelPage], sources: &Sources) {
    let mut taken: BTreeSet<String> = pages.iter().map(|page| page.name.value.clone()).collect();
    let mut restored = Vec::new();
    for page in pages.iter_mut() {
        if dialects::qualified(&page.name.value).is_none() {
            continue;
        }
        let stem = (sources.get(page.file).path.file_stem())
            .and_then(|stem| stem.to_str())
            .filter(|stem| taken.insert((*stem).to_owned()));
        let last = page.name.value.rsplit('.').next().unwrap_or_default();
        let api_name = stem.unwrap_or(last).to_owned();
        let written = std::mem::replace(&mut page.name.value, api_name.clone());
        restored.push((written, api_name));
    }
    rename_references(pages, &restored, |_| true);
}

/// Gives each page the API's name where the folder's dialect spells model names its own way
/// ([`Dialect::model_name`]: Objective-C's `OAIPet`, C's `pet_t` and Eiffel's `PET` are `Pet`),
/// unless another page has that name; the references to the title are references to it, but
/// for a name the dialect reads as its own type (Eiffel's `STRING`, also the title of the model
/// `String`), which stays that type.
pub fn restore_model_names(pages: &mut [ModelPage], dialect: Dialect) {
    let mut taken: BTreeSet<String> = pages.iter().map(|page| page.name.value.clone()).collect();
    let mut restored = Vec::new();
    for page in pages.iter_mut() {
        if let Some(api_name) = dialect.model_name(&page.name.value)
            && taken.insert(api_name.clone())
        {
            let written = std::mem::replace(&mut page.name.value, api_name.clone());
            restored.push((written, api_name));
        }
    }
    rename_references(pages, &restored, |name| {
        dialect.read_name(name, &taken).is_none()
    });
}

/// Renames each reference of the rows to a name of `restored` (as written, the API's name) to
/// the API's name, where `renames` accepts the name as written.
fn rename_references(
    pages: &mut [ModelPage],
    restored: &[(String, String)],
    renames: impl Fn(&str) -> bool,
) {
    if restored.is_empty() {
        return;
    }
    for row in pages.iter_mut().flat_map(|page| {
        page.properties
            .iter_mut()
            .chain(&mut page.additional_properties)
    }) {
        if let Leaf::Named(name) = &mut row.type_expr.value.leaf
            && let Some((_, api_name)) = restored.iter().find(|(written, _)| written == name)
            && renames(name)
        {
            *name = api_name.clone();
        }
    }
}

/// What a page means once the folder's dialect is known: each row's API name follows the
/// dialect's Name-column convention ([`Dialect::api_name`]), and is its JSON name when the
/// dialect's names are ([`Dialect::names_are_json`]) or it keeps this one
/// ([`Dialect::keeps_json_name`]); the dialect's own type names (Java's
/// `String`, `Long`; Go's `int64`, `NullableString`) are what it reads them as
/// ([`Dialect::read_name`]) unless a page defines that name; where the template writes a model
/// so named as its own type ([`super::dialect::DialectSpec::primitives_before_pages`], or an
/// unlinked name where it links every other model and no cell of the folder links that page:
/// [`super::dialect::DialectSpec::links_models`]), the name is either, and read as any JSON
/// value ([`Inexact::TypeOrModel`]), as is a qualified type name of the dialect that titles a
/// page (see [`name_pages_titled_as_types`]); and a name that says less than it is read as says so in the field's docs; a page of no
/// properties is any JSON value (the templates print an enum, a oneOf of non-objects and an
/// object without properties alike as an empty table, and any JSON value reads each); a page
/// whose only row is a required `value` is an alias of that row's type where the dialect writes
/// aliases so (`python-prior`'s `AnimalFarm` = `[Animal]`); a map of any JSON values is any
/// JSON value, with a note, where the dialect's older templates wrote it for a value of any
/// type and the folder has no other ([`super::dialect::DialectSpec::free_form_map_for_any`]);
/// where every field of the types the dialect's older templates marked "absent or `null`" on
/// every field has that mark, it says nothing of `null`
/// ([`super::dialect::DialectSpec::marked_in_every_field`]).
pub fn apply_folder_conventions(pages: &mut [ModelPage], dialect: Dialect) {
    let page_names: BTreeSet<String> = pages.iter().map(|page| page.name.value.clone()).collect();
    let spec = dialect.spec();
    // The pages some cell links: a template that links a model so named writes an unlinked
    // name for its own type (Java 7.x's `[**String**](String.md)` beside `**String**`).
    let linked: BTreeSet<String> = (pages.iter())
        .flat_map(|page| &page.properties)
        .filter(|row| row.links_page)
        .filter_map(|row| match &row.type_expr.value.leaf {
            Leaf::Named(name) => Some(name.clone()),
            Leaf::Primitive(_) => None,
        })
        .collect();
    // Before its names are read: `interface{}` is the only any JSON value the grammar reads.
    if spec.free_form_map_for_any {
        read_free_form_maps(pages);
    }
    for page in pages.iter_mut() {
        for row in page
            .properties
            .iter_mut()
            .chain(&mut page.additional_properties)
        {
            row.api_name = dialect.api_name(&row.name.value);
            // An unlinked name where the template links models: its own type where a cell of
            // the folder links the page of that name, else either.
            let unlinked = spec.links_models && !row.links_page;
            // A name the template writes for its language's type and for a model so named
            // alike, where that model has a page: either; so is a qualified type name that
            // titles a page (Kotlin's `# java.time.LocalDate`, the model `Date`).
            let either = |name: &String| {
                page_names.contains(name)
                    && (spec.primitives_before_pages.contains(&name.as_str())
                        || (unlinked && !linked.contains(name))
                        || dialects::qualified(name).is_some())
            };
            let own =
                |name: &String| !page_names.contains(name) || (unlinked && linked.contains(name));
            let written = match &row.type_expr.value.leaf {
                Leaf::Named(name) if own(name) || either(name) => Some(name.clone()),
                // A name of the dialect's table that the grammar reads as the type model's own
                // primitive (C's `int`, which the template writes for booleans too) is what the
                // table says it is.
                Leaf::Primitive(read)
                    if (spec.primitives.iter()).any(|&(name, primitive)| {
                        name == grammar_word(*read) && primitive != *read
                    }) =>
                {
                    Some(grammar_word(*read).to_owned())
                }
                _ => None,
            };
            if let Some(name) = &written
                && let Some(read) = dialect.read_name(name, &page_names)
            {
                // The language's type, or the page's model: any JSON value reads either.
                let (leaf, inexact) = if either(name) {
                    (Leaf::Primitive(Primitive::Any), Some(Inexact::TypeOrModel))
                } else {
                    read
                };
                if let Some(inexact) = inexact {
                    if !row.description.is_empty() {
                        row.description.push_str("\n\n");
                    }
                    row.description.push_str(&inexact.note(name));
                }
                // A wrapper that says the value may be `null` (Go's `NullableString`); of the
                // field itself only when no container is around it.
                row.nullable |= spec
                    .nullable_prefix
                    .is_some_and(|prefix| name.starts_with(prefix))
                    && row.type_expr.value.containers.is_empty();
                row.type_expr.value.leaf = leaf;
            }
            row.wire_name = (dialect.names_are_json() || dialect.keeps_json_name(&row.api_name))
                .then(|| row.api_name.clone());
        }
        read_variant_names(page, dialect, &page_names);
        read_alias(page, dialect);
    }
    // The mark an era wrote on every field of some types says nothing of `null`.
    if marked_in_every_field(pages, spec.marked_in_every_field) {
        let rows = pages.iter_mut().flat_map(|page| &mut page.properties);
        for row in rows.filter(|row| row.absent_or_null) {
            row.nullable = false;
        }
    }
}

/// Go's `interface{}` where it stood for a free-form object (a map of any values in a map's
/// place), read as the free-form object: where `interface{}` stands on its own (4.x and later)
/// only a map's values were so written, since `additionalProperties: true` read as a free-form
/// object until 5.x.
fn read_free_form_maps(pages: &mut [ModelPage]) {
    let free_form_map: &[Container] = if any_value_outside_maps(pages) {
        &[Container::Map, Container::Map]
    } else {
        &[Container::Map]
    };
    let rows = pages.iter_mut().flat_map(|page| {
        page.properties
            .iter_mut()
            .chain(&mut page.additional_properties)
    });
    for row in rows {
        let expr = &mut row.type_expr.value;
        if expr.leaf == Leaf::Primitive(Primitive::Any) && expr.containers.ends_with(free_form_map)
        {
            expr.containers.pop();
            let note = Inexact::SeveralKinds("a value of any type and a free-form object")
                .note(FREE_FORM_MAP);
            if !row.description.is_empty() {
                row.description.push_str("\n\n");
            }
            row.description.push_str(&note);
        }
    }
}

/// The type a page stands for, where it defines no struct: any JSON value for a page that shows
/// no property (its `any string name` row alone left out, with a note), the type of a template's
/// one required `value` row.
fn read_alias(page: &mut ModelPage, dialect: Dialect) {
    let spec = dialect.spec();
    if page.enum_values.is_none() && page.alias.is_none() && shows_no_property(page, dialect) {
        if page.additional_properties.take().is_some() {
            if !page.description.is_empty() {
                page.description.push_str("\n\n");
            }
            page.description.push_str(ONLY_ANY_VALUE_ROW);
        }
        page.alias = Some(Spanned {
            value: TypeExpr {
                containers: Vec::new(),
                leaf: Leaf::Primitive(Primitive::Any),
            },
            span: page.name.span.clone(),
        });
    }
    if spec.value_row_is_alias
        && page.enum_values.is_none()
        && let [row] = page.properties.as_slice()
        && row.name.value == "value"
        && row.required
    {
        page.alias = Some(Spanned {
            value: row.type_expr.value.clone(),
            span: row.type_expr.span.clone(),
        });
        page.properties.clear();
        page.additional_properties = None;
    }
}

/// A oneOf's variants of the dialect's own type names read as its table says (Ruby's `Float`); a
/// name the template writes for its type and for a model so named alike, where that model has a
/// page, is either, as a field's (a variant list links both alike): any JSON value.
fn read_variant_names(page: &mut ModelPage, dialect: Dialect, page_names: &BTreeSet<String>) {
    let variants = page
        .one_of
        .iter_mut()
        .flat_map(|one_of| &mut one_of.value.variants);
    for variant in variants {
        if let Leaf::Named(name) = &variant.leaf
            && let Some((leaf, _)) = dialect.read_name(name, page_names)
        {
            variant.leaf = if !page_names.contains(name)
                || dialect
                    .spec()
                    .primitives_before_pages
                    .contains(&name.as_str())
            {
                leaf
            } else {
                Leaf::Primitive(Primitive::Any)
            };
        }
    }
}

/// The dialect's conventions applied to the operation pages once the folder's dialect is known:
/// each parameter's API name (the docs' name with the dialect's keyword escapes undone), and
/// the dialect's type names read as its primitive table says, unless they name a model page
/// and the cell links it (Java 3.x's unlinked `**String**` beside a model `String`: a query
/// parameter is far likelier a string than an object).
pub fn apply_operation_conventions(
    pages: &mut [OperationPage],
    models: &[ModelPage],
    dialect: Dialect,
) {
    let page_names: BTreeSet<String> = models.iter().map(|page| page.name.value.clone()).collect();
    for page in pages.iter_mut() {
        if dialect.spec().group_before_operation_names {
            let prefix = format!("{}_", page.group.value);
            for section in &mut page.operations {
                if let Some(name) = section.name.value.strip_prefix(&prefix) {
                    section.name.value = name.to_owned();
                }
            }
        }
        // The template spells an API group's name as it spells a model's (Objective-C's
        // `OAIPetApi`: `ObjcClientCodegen.toApiName` puts the class prefix before it; Eiffel's
        // `PET_API`).
        if let Some(api_name) = dialect.model_name(&page.group.value) {
            page.group.value = api_name;
        }
    }
    for section in pages.iter_mut().flat_map(|page| &mut page.operations) {
        if dialect.spec().colon_placeholders {
            section.path.value = braced_placeholders(&section.path.value);
        }
        let cells = (section.parameters.iter_mut())
            .map(|row| &mut row.ty)
            .chain(section.returns.as_mut());
        if let Some(items_in_link) = dialect.spec().items_in_link {
            cells.for_each(|cell| read_items_in_link(cell, items_in_link));
        }
        for row in &mut section.parameters {
            row.api_name = dialect.parameter_name(&row.name.value);
            row.file |= names_a_file(&row.ty, dialect.spec().file_types);
            let scalar_type = dialect.spec().scalar_type;
            row.scalar = matches!(&row.ty.expr.value.leaf, Leaf::Named(name) if scalar_type(name));
        }
        // A success the page says is no JSON (`**Accept**: application/octet-stream`) is no
        // model's: a name the template writes for a file's contents and a model alike (the
        // `android` template's `[**File**](File.md)`, linked as every non-primitive return type
        // is) is the file's there.
        let not_json = (section.accept.as_ref())
            .is_some_and(|accept| !accept.is_empty() && !accept.iter().any(|t| t.contains("json")));
        if let Some(cell) = &mut section.returns
            && not_json
            && let Leaf::Named(name) = &cell.expr.value.leaf
            && dialect.spec().file_types.contains(&name.as_str())
        {
            cell.links_page = false;
        }
        let cells = (section.parameters.iter_mut())
            .map(|row| &mut row.ty)
            .chain(section.returns.as_mut());
        for cell in cells {
            // A model the template spells its own way (`OAIPet`, Eiffel's `PET`), as `restore_model_names`
            // gave its page the API's name; not a type of the dialect's own (C's `list_t`,
            // which is the model `List`'s name too).
            if let Leaf::Named(name) = &mut cell.expr.value.leaf
                && !page_names.contains(name)
                && let Some(api_name) = dialect.model_name(name)
                && page_names.contains(&api_name)
                && dialect.read_name(name, &page_names).is_none()
            {
                *name = api_name;
            }
            if let Leaf::Named(name) = &cell.expr.value.leaf
                && (!page_names.contains(name) || !cell.links_page)
                && let Some((leaf, _)) = dialect.read_name(name, &page_names)
            {
                cell.expr.value.leaf = leaf;
            }
        }
    }
}

/// A list type written without its items, whose cell links the items' page: a list of the type
/// the dialect names for that page.
fn read_items_in_link(cell: &mut TypeCell, ItemsInLink { list, item_name }: ItemsInLink) {
    let expr = &mut cell.expr.value;
    if let (Leaf::Named(name), Some(page)) = (&expr.leaf, &cell.linked_page)
        && name == list
    {
        expr.leaf = Leaf::Named(item_name(page));
        expr.containers.push(Container::List);
        cell.links_page = true;
    }
}

/// A path whose placeholders are `:name` segments (`/pets/:petId`) with them as `{name}`.
fn braced_placeholders(path: &str) -> String {
    (path.split('/'))
        .map(|segment| match segment.strip_prefix(':') {
            Some(name) if !name.is_empty() => format!("{{{name}}}"),
            _ => segment.to_owned(),
        })
        .collect::<Vec<_>>()
        .join("/")
}

/// Whether a parameter's type is one of the dialect's names for a file's contents: the name the
/// page reader left (typescript-fetch's `Blob`), or the name as written, its emphasis, code
/// marks, brackets and pointer stars aside (Go's `*os.File`, `[]*os.File`, which Go's grammar
/// reads as a string).
fn names_a_file(cell: &TypeCell, file_types: &[&str]) -> bool {
    let bare = |name: &str| -> String {
        name.trim_matches(|c: char| "*`<>[]".contains(c) || c.is_whitespace())
            .to_owned()
    };
    let written = bare(&cell.leaf_text);
    file_types
        .iter()
        .any(|file_type| match &cell.expr.value.leaf {
            Leaf::Named(name) if name == file_type => true,
            _ => !written.is_empty() && written == bare(file_type),
        })
}

/// Whether `page` (of a folder of `dialect`) shows no property: its table is empty, or its only
/// row is the `any string name` row of any JSON value where the template writes that row on
/// every page ([`super::dialect::DialectSpec::any_value_row_on_every_page`]).
pub fn shows_no_property(page: &ModelPage, dialect: Dialect) -> bool {
    let any_value_row = |row: &PropertyRow| {
        let expr = &row.type_expr.value;
        dialect.spec().any_value_row_on_every_page
            && expr.containers.is_empty()
            && expr.leaf == Leaf::Primitive(Primitive::Any)
    };
    page.properties.is_empty()
        && page
            .additional_properties
            .as_ref()
            .is_none_or(any_value_row)
}

/// The docs note of a page whose only row is the `any string name` row of any JSON value, where
/// the template writes that row on every page
/// ([`super::dialect::DialectSpec::any_value_row_on_every_page`]).
const ONLY_ANY_VALUE_ROW: &str = "The docs show only an `any string name` row of any type, \
    which the template writes alike for a free-form object and for a oneOf / anyOf of \
    non-objects: read as any JSON value.";

/// How the docs name a map of any JSON values where it is read as any JSON value
/// ([`super::dialect::DialectSpec::free_form_map_for_any`]).
const FREE_FORM_MAP: &str = "map[string]interface{}";

/// Whether a field of the folder is any JSON value, or a list of them, not a map's values (Go's
/// `interface{}`, `[]interface{}`).
fn any_value_outside_maps(pages: &[ModelPage]) -> bool {
    pages.iter().flat_map(|page| &page.properties).any(|row| {
        let expr = &row.type_expr.value;
        expr.leaf == Leaf::Primitive(Primitive::Any)
            && expr.containers.last() != Some(&Container::Map)
    })
}

/// Whether every field of the folder typed by one of `primitives` (no container around it) has
/// the "absent or `null`" mark, and some field is: the templates of that era wrote the mark on
/// every such field ([`super::dialect::DialectSpec::marked_in_every_field`]).
fn marked_in_every_field(pages: &[ModelPage], primitives: &[Primitive]) -> bool {
    let mut rows = pages
        .iter()
        .flat_map(|page| &page.properties)
        .filter(|row| {
            row.type_expr.value.containers.is_empty()
                && matches!(row.type_expr.value.leaf, Leaf::Primitive(primitive)
                    if primitives.contains(&primitive))
        })
        .peekable();
    rows.peek().is_some() && rows.all(|row| row.absent_or_null)
}

/// Gives each allOf page ([`ModelPage::all_of`]: python 6.x's `#### allOf` links) its members'
/// properties before its own, as the members' pages have them (their own members' first): a
/// property the page has itself, or an earlier member, is kept once. The rows taken are located
/// at the member's link. A member without a page is an error there.
pub fn inherit_all_of_members(pages: &mut [ModelPage], diagnostics: &mut Vec<Diagnostic>) {
    if pages.iter().all(|page| page.all_of.is_empty()) {
        return;
    }
    let index: BTreeMap<&str, usize> = (pages.iter().enumerate())
        .map(|(at, page)| (page.name.value.as_str(), at))
        .collect();
    let inherited: Vec<Vec<PropertyRow>> = (0..pages.len())
        .map(|at| members_properties(pages, &index, at, &mut vec![at], diagnostics))
        .collect();
    for (page, inherited) in pages.iter_mut().zip(inherited) {
        let own: BTreeSet<String> = (page.properties.iter())
            .map(|row| row.name.value.clone())
            .collect();
        let inherited = inherited
            .into_iter()
            .filter(|row| !own.contains(&row.name.value));
        page.properties = inherited.chain(page.properties.drain(..)).collect();
    }
}

/// The properties page `at` takes from its allOf members, each at the member's link, first
/// of a name kept; `visiting` holds the pages whose members are being read (a member among
/// them adds nothing more). Missing members are reported for the page itself only.
fn members_properties(
    pages: &[ModelPage],
    index: &BTreeMap<&str, usize>,
    at: usize,
    visiting: &mut Vec<usize>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<PropertyRow> {
    let page = &pages[at];
    let mut rows: Vec<PropertyRow> = Vec::new();
    for member in &page.all_of {
        let Some(&member_at) = index.get(member.value.as_str()) else {
            if visiting.len() == 1 {
                diagnostics.push(
                    Diagnostic::error(
                        page.file,
                        member.span.clone(),
                        format!("unknown allOf member `{}`", member.value),
                    )
                    .with_label("no page of the folder defines this model"),
                );
            }
            continue;
        };
        if visiting.contains(&member_at) {
            continue;
        }
        visiting.push(member_at);
        let mut taken = members_properties(pages, index, member_at, visiting, diagnostics);
        visiting.pop();
        taken.extend(pages[member_at].properties.iter().cloned());
        for mut row in taken {
            if rows.iter().any(|known| known.name.value == row.name.value) {
                continue;
            }
            located_at(&mut row, &member.span);
            rows.push(row);
        }
    }
    rows
}

/// A row taken from another page, located at `span` of the page taking it.
fn located_at(row: &mut PropertyRow, span: &Range<usize>) {
    row.name.span = span.clone();
    row.type_expr.span = span.clone();
    row.leaf_span = span.clone();
    row.description_span = span.clone();
    for value in row
        .enum_values
        .iter_mut()
        .flat_map(|values| &mut values.values)
    {
        value.span = span.clone();
    }
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::{
        braced_placeholders, folder_dialect, inherit_all_of_members, name_pages_titled_as_types,
        restore_model_names,
    };
    use crate::diagnostic::{Diagnostic, Sources};
    use crate::parse::dialect::Dialect;
    use crate::parse::page::{ModelPage, PageOutcome, Spanned, parse_page};

    /// The model pages of a folder, each a name and the Type cell of its one field.
    fn read_pages(pages: &[(&str, &str)], sources: &mut Sources) -> Vec<ModelPage> {
        let mut diagnostics: Vec<Diagnostic> = Vec::new();
        let read = pages.iter().map(|(name, type_cell)| {
            let text = format!(
                "# {name}\n\n## Properties\n\n| Name | Type | Description | Notes |\n\
                 |------------ | ------------- | ------------- | -------------|\n\
                 | **field** | **{type_cell}** |  | [optional] |\n"
            );
            let file = sources.add(PathBuf::from(format!("{name}.md")), text.clone());
            match parse_page(file, &text, &mut diagnostics) {
                PageOutcome::Model(page) => *page,
                _ => panic!("{name}: not a model page: {diagnostics:?}"),
            }
        });
        let pages = read.collect();
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        pages
    }

    #[test]
    fn colon_placeholders_are_braced() {
        assert_eq!(
            braced_placeholders("/pets/:petId/photo"),
            "/pets/{petId}/photo"
        );
        assert_eq!(braced_placeholders("/a:b/:"), "/a:b/:");
        assert_eq!(braced_placeholders("/pets"), "/pets");
    }

    #[test]
    fn an_all_of_page_has_its_members_properties_before_its_own() {
        // Each page: its name, its field's name and type, its allOf members.
        let folder: [(&str, &str, &str, &[&str]); 5] = [
            ("Animal", "kind", "str", &[]),
            ("Pet", "name", "str", &["Animal"]),
            ("Cat", "indoor", "bool", &["Pet", "Missing"]),
            ("Dog", "kind", "int", &["Pet"]),
            ("Loop", "again", "str", &["Loop"]),
        ];
        let mut sources = Sources::default();
        let cells: Vec<(&str, &str)> = folder.iter().map(|page| (page.0, page.2)).collect();
        let mut pages = read_pages(&cells, &mut sources);
        for (page, &(_, field, _, members)) in pages.iter_mut().zip(&folder) {
            page.properties[0].name.value = field.to_owned();
            page.all_of = (members.iter().enumerate())
                .map(|(at, member)| Spanned {
                    value: (*member).to_owned(),
                    span: at..at + 1,
                })
                .collect();
        }
        let mut diagnostics = Vec::new();
        inherit_all_of_members(&mut pages, &mut diagnostics);
        let read: Vec<String> = (pages.iter())
            .map(|page| {
                let fields: Vec<String> = (page.properties.iter())
                    .map(|row| format!("{}: {}", row.name.value, row.type_expr.value))
                    .collect();
                format!("{}: {}", page.name.value, fields.join(", "))
            })
            .collect();
        assert_eq!(
            read,
            [
                "Animal: kind: str",
                "Pet: kind: str, name: str",
                "Cat: kind: str, name: str, indoor: bool",
                // Its own `kind` wins.
                "Dog: name: str, kind: int",
                "Loop: again: str",
            ]
        );
        // Taken rows are located at the member's link.
        assert_eq!(pages[2].properties[0].name.span, 0..1);
        let [missing] = diagnostics.as_slice() else {
            panic!("{diagnostics:?}");
        };
        assert_eq!(missing.message, "unknown allOf member `Missing`");
        assert_eq!(missing.location, Some((pages[2].file, 1..2)));
    }

    /// Each page's name and its field's type once the dialect's model names are restored.
    fn restored(dialect: &str, pages: &[(&str, &str)]) -> Vec<String> {
        let mut pages = read_pages(pages, &mut Sources::default());
        let dialect = crate::parse::dialects::named(dialect).expect("a dialect");
        restore_model_names(&mut pages, dialect);
        (pages.iter())
            .map(|page| {
                format!(
                    "{}: {}",
                    page.name.value, page.properties[0].type_expr.value
                )
            })
            .collect()
    }

    #[test]
    fn model_names_the_dialect_spells_its_own_way_are_the_apis() {
        assert_eq!(
            restored(
                "objc",
                &[("OAIPet", "NSArray<OAITag>*"), ("OAITag", "NSString*")]
            ),
            ["Pet: list[Tag]", "Tag: NSString"]
        );
        // `OAIAnyType` names no page: the dialect reads it.
        assert_eq!(
            restored("objc", &[("OAIPet", "OAIAnyType*")]),
            ["Pet: OAIAnyType"]
        );
        assert_eq!(
            restored(
                "c",
                &[("all_of_mixed_t", "pet_t \\*"), ("pet_t", "char \\*")]
            ),
            ["AllOfMixed: Pet", "Pet: char"]
        );
        // Eiffel's `STRING` is its own type and the model `String`'s title: the page is
        // `String`, the type stays Eiffel's.
        assert_eq!(
            restored("eiffel", &[("STRING", "STRING_32"), ("PET", "STRING")]),
            ["String: STRING_32", "Pet: STRING"]
        );
        // The prefix is what made a name that starts with a digit an identifier: the API's
        // name is without it.
        assert_eq!(
            restored("objc", &[("OAI123Numeric", "NSString*")]),
            ["123Numeric: NSString"]
        );
        // A name another page has already is left as written.
        assert_eq!(
            restored("objc", &[("OAIPet", "OAIPet*"), ("Pet", "NSString*")]),
            ["OAIPet: OAIPet", "Pet: NSString"]
        );
    }

    /// The dialect of a folder of model pages, each a name and the Type cell of its one field,
    /// and the messages of the errors its detection reports.
    fn detect(pages: &[(&str, &str)]) -> (Dialect, Vec<String>) {
        let mut sources = Sources::default();
        let pages = read_pages(pages, &mut sources);
        let mut diagnostics: Vec<Diagnostic> = Vec::new();
        let dialect = folder_dialect(&pages, None, &sources, &mut diagnostics);
        (
            dialect,
            diagnostics.into_iter().map(|d| d.message).collect(),
        )
    }

    #[test]
    fn a_folder_is_the_first_dialect_every_page_shows() {
        // `?` is Dart's too: it no longer hides that it is C#'s.
        let (dialect, errors) = detect(&[("Pet", "int?"), ("Tag", "Dictionary<string, Pet>")]);
        assert_eq!((dialect.name(), errors), ("csharp", Vec::new()));
        let (dialect, _) = detect(&[("Pet", "long?")]);
        assert_eq!(dialect.name(), "csharp");
        let (dialect, _) = detect(&[("Pet", "str")]);
        assert_eq!(dialect, Dialect::default());
    }

    /// Pages, each a name and its rows: the Name, Type and Notes cells.
    type Folder<'a> = &'a [(&'a str, &'a [(&'a str, &'a str, &'a str)])];

    /// The rows of `pages` once the conventions of `dialect` are applied: `name: type` and
    /// whether the row is nullable.
    fn conventions(dialect: &str, pages: Folder<'_>) -> Vec<String> {
        with_conventions(dialect, pages)
            .iter()
            .flat_map(|page| &page.properties)
            .map(|row| {
                let null = if row.nullable { " nullable" } else { "" };
                format!("{}: {}{null}", row.name.value, row.type_expr.value)
            })
            .collect()
    }

    /// `pages` read, with the conventions of `dialect` applied.
    fn with_conventions(dialect: &str, pages: Folder<'_>) -> Vec<ModelPage> {
        let mut sources = Sources::default();
        let mut diagnostics: Vec<Diagnostic> = Vec::new();
        let mut read: Vec<_> = pages
            .iter()
            .map(|(name, rows)| {
                let rows: String = rows
                    .iter()
                    .map(|(field, type_cell, notes)| {
                        format!("| **{field}** | {type_cell} |  | {notes} |\n")
                    })
                    .collect();
                let text = format!(
                    "# {name}\n\n## Properties\n\n| Name | Type | Description | Notes |\n\
                     |---|---|---|---|\n{rows}"
                );
                let file = sources.add(PathBuf::from(format!("{name}.md")), text.clone());
                match parse_page(file, &text, &mut diagnostics) {
                    PageOutcome::Model(page) => *page,
                    _ => panic!("{name}: not a model page: {diagnostics:?}"),
                }
            })
            .collect();
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        let dialect = crate::parse::dialects::named(dialect).expect("a dialect");
        super::apply_folder_conventions(&mut read, dialect);
        read
    }

    #[test]
    fn a_name_written_for_a_type_and_a_model_alike_is_either_where_the_model_has_a_page() {
        // Ruby writes a model named `String` unlinked, as its own `String`.
        let ruby = |pages| conventions("ruby", pages);
        let with_page: Folder<'_> = &[
            ("String", &[("value", "**String**", "")]),
            (
                "User",
                &[("name", "**String**", ""), ("id", "**Integer**", "")],
            ),
        ];
        assert_eq!(
            ruby(with_page),
            ["value: object", "name: object", "id: int"]
        );
        let without: Folder<'_> = &[("User", &[("name", "**String**", "")])];
        assert_eq!(ruby(without), ["name: str"]);
        // Java 7.x links a model named `String`: its unlinked `String` is Java's own.
        let java: Folder<'_> = &[
            ("String", &[("value", "**String**", "")]),
            (
                "User",
                &[
                    ("name", "**String**", ""),
                    ("label", "[**String**](String.md)", ""),
                ],
            ),
        ];
        assert_eq!(
            conventions("java", java),
            ["value: str", "name: str", "label: String"]
        );
        // dart-dio links its own `Date` as it links a model `Date`: either, linked too; a
        // linked name the dialect does not write for its own type is the model.
        let dart: Folder<'_> = &[
            ("Date", &[("value", "**String**", "")]),
            (
                "User",
                &[
                    ("born", "[**Date**](Date.md)", ""),
                    ("tag", "[**Tag**](Tag.md)", ""),
                ],
            ),
            ("Tag", &[("value", "**String**", "")]),
        ];
        assert_eq!(
            conventions("dart", dart),
            ["value: str", "born: object", "tag: Tag", "value: str"]
        );
    }

    #[test]
    fn names_a_template_writes_for_its_type_and_a_model_alike_are_either() {
        // Dart until 4.x links its `Object`, `List` and `Map` as it links models so named.
        let dart: Folder<'_> = &[
            ("Object", &[("value", "**String**", "")]),
            (
                "Holder",
                &[
                    ("any", "[**Object**](Object.md)", ""),
                    ("values", "[**Map&lt;String, Object&gt;**](Object.md)", ""),
                    ("name", "**String**", ""),
                ],
            ),
        ];
        assert_eq!(
            conventions("dart", dart),
            [
                "value: str",
                "any: object",
                "values: dict(str, object)",
                "name: str"
            ]
        );
        // dart-jaguar's bytes, linked as a page of their type; a list of integers is not.
        let jaguar: Folder<'_> = &[(
            "Upload",
            &[
                ("file", "[**List&lt;int&gt;**](List&lt;int&gt;.md)", ""),
                (
                    "files",
                    "[**List&lt;List&lt;int&gt;&gt;**](List&lt;int&gt;.md)",
                    "",
                ),
                ("counts", "**List&lt;int&gt;**", ""),
                ("rows", "[**List&lt;List&lt;int&gt;&gt;**](List.md)", ""),
            ],
        )];
        assert_eq!(
            conventions("dart", jaguar),
            [
                "file: str",
                "files: list[str]",
                "counts: list[int]",
                "rows: list[list[int]]"
            ]
        );
        // Go links a list's page as its items' (`[]Pet`): no word, the model it holds.
        let go: Folder<'_> = &[
            ("Pet", &[("Name", "**string**", "")]),
            ("Holder", &[("Rows", "[**[][]Pet**]([]Pet.md)", "")]),
        ];
        assert_eq!(
            conventions("go", go),
            ["Name: str", "Rows: list[list[Pet]]"]
        );
        // PowerShell's `Map` for a free-form object in a list: either where `Map` has a page.
        let powershell = |with_page: bool| {
            let map: (&str, &[(&str, &str, &str)]) = ("Map", &[("Value", "**String**", "")]);
            let holder: (&str, &[(&str, &str, &str)]) =
                ("Holder", &[("Refs", "[**Map[]**](Map.md)", "")]);
            let pages = if with_page {
                vec![map, holder]
            } else {
                vec![holder]
            };
            conventions("powershell", &pages)
        };
        assert_eq!(powershell(true), ["Value: str", "Refs: list[object]"]);
        assert_eq!(powershell(false), ["Refs: list[object]"]);
        // typescript-axios's binary `File`, where the model `File` has a page.
        let typescript: Folder<'_> = &[
            ("File", &[("value", "**string**", "")]),
            ("Upload", &[("binary", "**File**", "")]),
        ];
        assert_eq!(
            conventions("typescript", typescript),
            ["value: str", "binary: object"]
        );
        let typescript: Folder<'_> = &[("Upload", &[("binary", "**File**", "")])];
        assert_eq!(conventions("typescript", typescript), ["binary: str"]);
    }

    #[test]
    fn models_of_the_default_import_mapping_without_a_page_are_any_json_value() {
        // Bash 3.x, 4.x: no page `Date`, `File` or `Map`, but links to them.
        let bash: Folder<'_> = &[(
            "User",
            &[
                ("born", "[**Date**](Date.md)", ""),
                ("map", "[**map[String, Map]**](Map.md)", ""),
                ("pet", "[**Pet**](Pet.md)", ""),
            ],
        )];
        assert_eq!(
            conventions("bash", bash),
            ["born: object", "map: dict(str, object)", "pet: Pet"]
        );
        let with_page: Folder<'_> = &[
            ("Date", &[("value", "**string**", "")]),
            ("User", &[("born", "[**Date**](Date.md)", "")]),
        ];
        assert_eq!(conventions("bash", with_page), ["value: str", "born: Date"]);
        // Eiffel 4.x's `MAP`, in upper snake case; a page `MAP` is the model `Map`.
        let eiffel: Folder<'_> = &[("USER", &[("map", "[**STRING_TABLE[MAP]**](Map.md)", "")])];
        assert_eq!(conventions("eiffel", eiffel), ["map: dict(str, object)"]);
        assert_eq!(
            restored("eiffel", &[("MAP", "STRING_32"), ("PET", "MAP")]),
            ["Map: STRING_32", "Pet: Map"]
        );
    }

    #[test]
    fn a_page_titled_with_the_class_a_name_is_mapped_to_is_its_files_model() {
        let table = "\n\n## Properties\n| Name | Type | Description | Notes |\n|---|---|---|---|\n";
        let files = [
            (
                "Date.md",
                "# java.time.LocalDate",
                "| **code** | **kotlin.Int** |  | [optional] |",
            ),
            (
                "User.md",
                "# User",
                "| **born** | [**java.time.LocalDate**](java.time.LocalDate.md) |  | [optional] |",
            ),
        ];
        let mut sources = Sources::default();
        let mut diagnostics: Vec<Diagnostic> = Vec::new();
        let mut pages: Vec<ModelPage> = (files.iter())
            .map(|(path, title, row)| {
                let text = format!("{title}{table}{row}\n");
                let file = sources.add(PathBuf::from(path), text.clone());
                match parse_page(file, &text, &mut diagnostics) {
                    PageOutcome::Model(page) => *page,
                    _ => panic!("{path}: not a model page: {diagnostics:?}"),
                }
            })
            .collect();
        let kotlin = crate::parse::dialects::named("kotlin").expect("a dialect");
        super::apply_folder_conventions(&mut pages, kotlin);
        name_pages_titled_as_types(&mut pages, &sources);
        let read: Vec<String> = (pages.iter())
            .map(|page| {
                let row = &page.properties[0];
                format!(
                    "{}.{}: {}",
                    page.name.value, row.name.value, row.type_expr.value
                )
            })
            .collect();
        // The class stands for the language's date and the model alike: either.
        assert_eq!(read, ["Date.code: int", "User.born: object"]);
    }

    #[test]
    fn csharp_3x_marks_every_value_type_so_its_mark_says_nothing_of_null() {
        // 3.x: every integer, number and boolean `X?`, required or not.
        let era: Folder<'_> = &[(
            "Pet",
            &[
                ("Id", "**long?**", ""),
                ("Weight", "**double?**", "[optional]"),
                ("Born", "**DateTime?**", ""),
            ],
        )];
        assert_eq!(
            conventions("csharp", era),
            ["Id: int", "Weight: float", "Born: str"]
        );
        // Later: a bare `long` beside it, so a required `X?` may be `null`.
        let later: Folder<'_> = &[(
            "Pet",
            &[
                ("Id", "**long?**", ""),
                ("Count", "**long**", ""),
                ("Born", "**DateTime?**", ""),
            ],
        )];
        assert_eq!(
            conventions("csharp", later),
            ["Id: int nullable", "Count: int", "Born: str nullable"]
        );
    }

    #[test]
    fn go_before_any_type_wrote_its_free_form_map_for_any_value() {
        let old: Folder<'_> = &[(
            "Pet",
            &[
                ("Extra", "**map[string]interface{}**", ""),
                ("Details", "**[]map[string]interface{}**", ""),
                ("ByName", "**map[string]map[string]interface{}**", ""),
            ],
        )];
        assert_eq!(
            conventions("go", old),
            [
                "Extra: object",
                "Details: list[object]",
                "ByName: dict(str, object)"
            ]
        );
        // A folder that writes `interface{}` for a value of any type (4.x and later): a map,
        // whose values written as free-form objects are any JSON values.
        let later: Folder<'_> = &[(
            "Pet",
            &[
                ("Extra", "**map[string]interface{}**", ""),
                ("Any", "**interface{}**", ""),
                ("ByName", "**map[string]map[string]interface{}**", ""),
                ("Details", "**[]map[string]map[string]interface{}**", ""),
                ("Lists", "**map[string][]map[string]interface{}**", ""),
            ],
        )];
        assert_eq!(
            conventions("go", later),
            [
                "Extra: dict(str, object)",
                "Any: object",
                "ByName: dict(str, object)",
                "Details: list[dict(str, object)]",
                "Lists: dict(str, list[dict(str, object)])"
            ]
        );
    }

    #[test]
    fn python_prior_pages_of_only_the_any_value_row_are_any_json_value() {
        let any = "**bool, date, datetime, dict, float, int, list, str, none_type**";
        let pages: Folder<'_> = &[
            // A free-form object and a oneOf of primitives alike.
            ("StringOrNumber", &[("any string name", any, "[optional]")]),
            // Other keys of a typed value, and an object with properties: objects.
            ("Counts", &[("any string name", "**int**", "[optional]")]),
            (
                "Shape",
                &[
                    ("shape_type", "**str**", ""),
                    ("any string name", any, "[optional]"),
                ],
            ),
        ];
        let read = with_conventions("python-prior", pages);
        let shown: Vec<String> = (read.iter())
            .map(|page| {
                let alias = page.alias.as_ref().map(|alias| alias.value.to_string());
                let extras = (page.additional_properties.as_ref())
                    .map(|row| row.type_expr.value.to_string());
                format!("{}: alias {alias:?}, extras {extras:?}", page.name.value)
            })
            .collect();
        assert_eq!(
            shown,
            [
                "StringOrNumber: alias Some(\"object\"), extras None",
                "Counts: alias None, extras Some(\"int\")",
                "Shape: alias None, extras Some(\"object\")",
            ]
        );
        assert!(read[0].description.contains("any JSON value"));
    }

    #[test]
    fn pages_that_share_no_dialect_are_an_error_naming_both() {
        let (_, errors) = detect(&[
            ("Pet", "Dictionary<string, Tag>"),
            ("Tag", "int?"),
            ("Owner", "map[string]Pet"),
        ]);
        assert_eq!(
            errors,
            ["one folder mixes dialects: `Owner` is written in go, `Pet` in csharp"]
        );
    }
}

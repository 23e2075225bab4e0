//! The API surface every generated crate records at its root ([`RECORD_FILE`]): an
//! [`ApiSurface`] (models, fields, doc / Rust / wire names, types, required or not, nullable or
//! not, enum values, a hash of each description; operations with their method, path, return type
//! and parameters), as sorted JSON with one field per line, so that a `git diff` of it is readable
//! too. [`crate::diff`] compares two of them.
//!
//! Types are written in the type model's neutral notation, whatever language the docs were
//! written for: [`Primitive::name`]s (`string`, `date-time`, `any`), models by their docs names,
//! `list<T>` and `map<T>` (string keys). Records of [`FORMAT`] 1, which wrote the shared type
//! grammar's syntax (`list[str]`, `dict(str, int)`), are read by converting their types.

use std::collections::{BTreeMap, BTreeSet};
use std::io;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::digest::Digest;
use crate::{Diagnostic, Failure, Sources};

use crate::model::{
    BaseType, Container, EnumKind, EnumType, Fact, Field, FieldType, Model, ModelKind, Operation,
    OperationGroup, Parameter, ParameterLocation, Primitive, Taken, TypeModel, type_notation,
};

/// The file, at the generated crate's root, that records its [`ApiSurface`].
pub const RECORD_FILE: &str = "model.json";

/// The record format this version writes: 2 writes types in the neutral notation.
pub const FORMAT: u32 = 2;

/// The API surface of a type model: what code using the generated crate can depend on.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ApiSurface {
    /// The generated-file header (JSON has no comments).
    #[serde(rename = "@generated", default)]
    pub generated: String,
    /// The record's format ([`FORMAT`]); 1 when absent (records written before formats).
    #[serde(default = "first_format")]
    pub format: u32,
    /// The generated crate's name and version.
    #[serde(rename = "crate")]
    pub package: CrateId,
    /// The primitive -> Rust type table: [`Primitive::name`] (`date-time`) -> Rust type.
    pub rust_types: BTreeMap<String, String>,
    /// Every model, by its name in the docs.
    pub models: BTreeMap<String, ModelSurface>,
    /// Every operation, by `Group.operation` (`PetsApi.get_pet`); absent when there are none.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub operations: BTreeMap<String, OperationSurface>,
    /// Of a [`FORMAT`] 1 record read: the names its types give that are neither primitives nor
    /// its models (alias pages, which that format wrote by name): what they stood for is not
    /// recorded, so [`crate::diff`] does not compare the types that hold them.
    #[serde(skip)]
    pub unresolved_names: BTreeSet<String>,
}

/// One operation's surface.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct OperationSurface {
    /// The function's path from the crate root (`pets_api::get_pet`).
    pub rust: String,
    /// The struct of its optional parameters, when it has any (`GetPetParams`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub params: Option<String>,
    /// The HTTP method.
    pub method: String,
    /// The path template.
    pub path: String,
    /// The return type; absent when a success has no body.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub returns: Option<String>,
    /// The media type of a success when it is not JSON (`text/calendar`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accept: Option<String>,
    /// Whether the docs mark it deprecated.
    #[serde(default, skip_serializing_if = "is_false")]
    pub deprecated: bool,
    /// The parameters, in page order.
    pub parameters: Vec<ParameterSurface>,
}

/// One parameter's surface.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ParameterSurface {
    /// The name in the docs.
    pub name: String,
    /// The Rust name, when it differs from the docs name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rust: Option<String>,
    /// The wire name (placeholder or query key), when it differs from the docs name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wire: Option<String>,
    /// `path`, `query` or `body`.
    #[serde(rename = "in")]
    pub location: String,
    /// The type.
    #[serde(rename = "type")]
    pub ty: String,
    /// Whether a call must give it (an argument; otherwise a field of the params struct).
    #[serde(default, skip_serializing_if = "is_false")]
    pub required: bool,
    /// The open enum its values are, if any.
    #[serde(default, rename = "enum", skip_serializing_if = "Option::is_none")]
    pub enumeration: Option<EnumSurface>,
}

/// A crate's name and version.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct CrateId {
    /// The package name.
    pub name: String,
    /// The package version.
    pub version: String,
}

/// One model's surface.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ModelSurface {
    /// The Rust type name, when it differs from the docs name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rust: Option<String>,
    /// Whether the struct implements `Default`.
    pub default: bool,
    /// The fields, in page order.
    pub fields: Vec<FieldSurface>,
    /// The open enum an enum page is, if it is one.
    #[serde(default, rename = "enum", skip_serializing_if = "Option::is_none")]
    pub enumeration: Option<EnumSurface>,
    /// The variants a oneOf / anyOf model is one of, if it is one: each type (as `values`' keys)
    /// and its Rust variant.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub one_of: Option<EnumSurface>,
    /// The facts another docs folder gave (`[sources] also`), and the page each came from.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub from: BTreeMap<Fact, String>,
}

/// One field's surface.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct FieldSurface {
    /// The name in the docs.
    pub name: String,
    /// The Rust field name, when it differs from the docs name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rust: Option<String>,
    /// The JSON name, when it differs from the docs name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wire: Option<String>,
    /// The type (`list<Model>`).
    #[serde(rename = "type")]
    pub ty: String,
    /// Whether the innermost model reference is boxed.
    #[serde(default, skip_serializing_if = "is_false")]
    pub boxed: bool,
    /// Whether the field must be present (otherwise it is an `Option`).
    #[serde(default, skip_serializing_if = "is_false")]
    pub required: bool,
    /// Whether the value may be `null` (a required one is then an `Option` too).
    #[serde(default, skip_serializing_if = "is_false")]
    pub nullable: bool,
    /// A hash of the description (FNV-1a, 32 bits, hex), when there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub docs: Option<String>,
    /// The open enum the field's values are, if any.
    #[serde(default, rename = "enum", skip_serializing_if = "Option::is_none")]
    pub enumeration: Option<EnumSurface>,
    /// The facts another docs folder gave (`[sources] also`), and the page each came from.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub from: BTreeMap<Fact, String>,
}

/// An open enum's surface.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct EnumSurface {
    /// The enum's path from the crate root (`analytics_session::MediaType`).
    pub rust: String,
    /// The catch-all variant's name.
    pub other: String,
    /// The kind of values (strings unless numbers).
    #[serde(default, skip_serializing_if = "EnumKind::is_string")]
    pub kind: EnumKind,
    /// Wire value -> Rust variant name.
    pub values: BTreeMap<String, String>,
}

fn is_false(value: &bool) -> bool {
    !value
}

fn first_format() -> u32 {
    1
}

/// Writes a type model's types in the neutral notation.
struct Notation<'a> {
    /// Each model's docs name, by its Rust name.
    docs_names: BTreeMap<&'a str, &'a str>,
}

impl<'a> Notation<'a> {
    fn new(model: &'a TypeModel) -> Self {
        Notation {
            docs_names: (model.models.iter())
                .map(|item| (item.rust_name.as_str(), item.name.as_str()))
                .collect(),
        }
    }

    /// `ty`, whose own enums (of its model or operation) are `enums`: a model by its docs name,
    /// an own enum by the kind of its values (its values are recorded beside).
    fn of(&self, ty: &FieldType, enums: &[EnumType]) -> String {
        let leaf = match &ty.base {
            BaseType::Primitive(primitive) => primitive.name(),
            BaseType::Model { rust_name, .. } | BaseType::SharedEnum { rust_name } => {
                (self.docs_names.get(rust_name.as_str()).copied()).unwrap_or(rust_name)
            }
            BaseType::Enum { rust_name } => {
                let kind = (enums.iter())
                    .find(|item| &item.rust_name == rust_name)
                    .map_or(EnumKind::String, |item| item.kind);
                match kind {
                    EnumKind::String => Primitive::String.name(),
                    EnumKind::Integer => Primitive::Integer.name(),
                    EnumKind::Number => Primitive::Number.name(),
                }
            }
        };
        ty.notation(leaf)
    }
}

/// The innermost type of a type in the neutral notation (`Pet` of `list<map<Pet>>`).
pub fn notation_leaf(notation: &str) -> Option<&str> {
    let mut leaf = notation;
    while let Some((container, inner)) = leaf.split_once('<') {
        if !Container::ALL.iter().any(|known| known.name() == container) {
            return None;
        }
        leaf = inner.strip_suffix('>')?;
    }
    Some(leaf)
}

/// The primitive a type in the neutral notation holds innermost, if it is one.
pub fn notation_primitive(notation: &str) -> Option<Primitive> {
    notation_leaf(notation).and_then(Primitive::from_name)
}

/// A type of a [`FORMAT`] 1 record (the shared type grammar's `list[str]`, `dict(str, Pet)`) in
/// the neutral notation.
fn upgrade_type(legacy: &str) -> String {
    let mut containers = Vec::new();
    let mut leaf = legacy;
    loop {
        if let Some(inner) = leaf.strip_prefix("list[").and_then(|t| t.strip_suffix(']')) {
            containers.push(Container::List);
            leaf = inner;
        } else if let Some(inner) =
            (leaf.strip_prefix("dict(str, ")).and_then(|t| t.strip_suffix(')'))
        {
            containers.push(Container::Map);
            leaf = inner;
        } else {
            break;
        }
    }
    let leaf = match crate::parse::grammar_primitive(leaf) {
        Some(primitive) => primitive.name(),
        None => leaf,
    };
    type_notation(&containers, leaf)
}

impl ApiSurface {
    /// The surface of a type model.
    pub fn from_model(model: &TypeModel) -> Self {
        let notation = &Notation::new(model);
        ApiSurface {
            generated: crate::HEADER.to_owned(),
            format: FORMAT,
            package: CrateId {
                name: model.package.name.clone(),
                version: model.package.version.clone(),
            },
            rust_types: model
                .rust_types
                .iter()
                .map(|(primitive, rust)| (primitive.name().to_owned(), rust.clone()))
                .collect(),
            models: (model.models.par_iter())
                .map(|item| (item.name.clone(), ModelSurface::new(item, notation)))
                .collect::<Vec<_>>()
                .into_iter()
                .collect(),
            operations: (model.operations.par_iter())
                .flat_map_iter(|group| {
                    group.operations.iter().map(move |operation| {
                        (
                            format!("{}.{}", group.name, operation.name),
                            OperationSurface::new(group, operation, notation),
                        )
                    })
                })
                .collect::<Vec<_>>()
                .into_iter()
                .collect(),
            unresolved_names: BTreeSet::new(),
        }
    }

    /// A digest of the surface of `model` (equal for equal surfaces: the key of the record's
    /// file in incremental regeneration), after the digests `before`; each model's and
    /// operation's part is digested on its own, in parallel.
    pub(crate) fn digest_of(model: &TypeModel, before: &[Digest]) -> Digest {
        let notation = &Notation::new(model);
        let (models, operations): (Vec<Digest>, Vec<Digest>) = rayon::join(
            || {
                (model.models.par_iter())
                    .map(|item| {
                        Digest::of_value(&[], &(&item.name, ModelSurface::new(item, notation)))
                    })
                    .collect()
            },
            || {
                (model.operations.par_iter())
                    .flat_map_iter(|group| {
                        group.operations.iter().map(move |operation| {
                            let surface = OperationSurface::new(group, operation, notation);
                            Digest::of_value(&[], &(&group.name, &operation.name, surface))
                        })
                    })
                    .collect()
            },
        );
        let counts = (models.len(), operations.len());
        let parts: Vec<Digest> = (before.iter().copied())
            .chain(models)
            .chain(operations)
            .collect();
        let package = (&model.package.name, &model.package.version);
        Digest::of_value(&parts, &(counts, package, &model.rust_types))
    }

    /// The surface as [`RECORD_FILE`] holds it: sorted JSON, one field per line, ending in a newline.
    pub fn to_json(&self) -> String {
        let mut out = Vec::new();
        let mut serializer =
            serde_json::Serializer::with_formatter(&mut out, ShallowPretty::default());
        serde::Serialize::serialize(self, &mut serializer)
            .expect("an ApiSurface serializes: its maps have string keys");
        let mut text = String::from_utf8(out).expect("serde_json writes UTF-8");
        text.push('\n');
        text
    }

    /// Reads a surface written by [`ApiSurface::to_json`] of this version or an earlier one.
    pub fn from_json(text: &str) -> Result<Self, serde_json::Error> {
        let mut surface: ApiSurface = serde_json::from_str(text)?;
        match surface.format {
            1 => surface.upgrade_types(),
            FORMAT => {}
            newer => {
                return Err(serde::de::Error::custom(format!(
                    "the record has format {newer}; this version reads formats 1 to {FORMAT}"
                )));
            }
        }
        Ok(surface)
    }

    /// Converts a [`FORMAT`] 1 record's types to the neutral notation, noting the names of alias
    /// pages it wrote ([`ApiSurface::unresolved_names`]).
    fn upgrade_types(&mut self) {
        self.format = FORMAT;
        let models: BTreeSet<String> = self.models.keys().cloned().collect();
        let mut unresolved = BTreeSet::new();
        let mut upgrade = |legacy: &str| {
            let notation = upgrade_type(legacy);
            if let Some(leaf) = notation_leaf(&notation)
                && Primitive::from_name(leaf).is_none()
                && !models.contains(leaf)
            {
                unresolved.insert(leaf.to_owned());
            }
            notation
        };
        self.rust_types = std::mem::take(&mut self.rust_types)
            .into_iter()
            .map(|(name, rust)| (upgrade_type(&name), rust))
            .collect();
        for model in self.models.values_mut() {
            for field in &mut model.fields {
                field.ty = upgrade(&field.ty);
            }
            if let Some(one_of) = &mut model.one_of {
                one_of.values = std::mem::take(&mut one_of.values)
                    .into_iter()
                    .map(|(ty, variant)| (upgrade_type(&ty), variant))
                    .collect();
            }
        }
        for operation in self.operations.values_mut() {
            operation.returns = operation.returns.as_deref().map(&mut upgrade);
            for parameter in &mut operation.parameters {
                parameter.ty = upgrade(&parameter.ty);
            }
        }
        self.unresolved_names = unresolved;
    }
}

/// Each fact taken from another docs folder, and the page it came from.
fn taken_from(taken: &[Taken]) -> BTreeMap<Fact, String> {
    (taken.iter())
        .map(|taken| (taken.fact, taken.from.clone()))
        .collect()
}

impl ModelSurface {
    fn new(model: &Model, notation: &Notation) -> Self {
        ModelSurface {
            rust: differs(&model.rust_name, &model.name),
            default: model.has_default,
            fields: model
                .fields
                .iter()
                .map(|field| FieldSurface::new(model, field, notation))
                .collect(),
            enumeration: match &model.kind {
                ModelKind::Enum(item) => Some(EnumSurface::new(item.rust_name.clone(), item)),
                ModelKind::Struct | ModelKind::OneOf(_) => None,
            },
            one_of: match &model.kind {
                ModelKind::OneOf(one_of) => Some(EnumSurface {
                    rust: model.rust_name.clone(),
                    other: one_of.catch_all.clone(),
                    kind: EnumKind::String,
                    values: (one_of.variants.iter())
                        .map(|variant| (notation.of(&variant.ty, &[]), variant.rust_name.clone()))
                        .collect(),
                }),
                ModelKind::Struct | ModelKind::Enum(_) => None,
            },
            from: taken_from(&model.taken),
        }
    }
}

impl OperationSurface {
    fn new(group: &OperationGroup, operation: &Operation, notation: &Notation) -> Self {
        OperationSurface {
            rust: format!("{}::{}", group.module, operation.rust_name),
            params: operation
                .has_optional()
                .then(|| operation.params_type.clone()),
            method: operation.method.as_str().to_owned(),
            path: operation.path.clone(),
            returns: (operation.returns.as_ref()).map(|ty| notation.of(ty, &operation.enums)),
            accept: operation.accept.clone(),
            deprecated: operation.deprecated,
            parameters: operation
                .parameters
                .iter()
                .map(|parameter| ParameterSurface::new(group, operation, parameter, notation))
                .collect(),
        }
    }
}

impl ParameterSurface {
    fn new(
        group: &OperationGroup,
        operation: &Operation,
        parameter: &Parameter,
        notation: &Notation,
    ) -> Self {
        let enumeration = match &parameter.ty.base {
            BaseType::Enum { rust_name } => operation
                .enums
                .iter()
                .find(|item| &item.rust_name == rust_name)
                .map(|item| {
                    EnumSurface::new(
                        format!(
                            "{}::{}::{}",
                            group.module, operation.rust_name, item.rust_name
                        ),
                        item,
                    )
                }),
            _ => None,
        };
        ParameterSurface {
            name: parameter.doc_name.clone(),
            rust: differs(&parameter.rust_name, &parameter.doc_name),
            wire: differs(&parameter.wire_name, &parameter.doc_name),
            location: match parameter.location {
                ParameterLocation::Path => "path",
                ParameterLocation::Query => "query",
                ParameterLocation::Header => "header",
                ParameterLocation::Body => "body",
                ParameterLocation::Form => "form",
                ParameterLocation::Cookie => "cookie",
            }
            .to_owned(),
            ty: notation.of(&parameter.ty, &operation.enums),
            required: parameter.required,
            enumeration,
        }
    }
}

impl EnumSurface {
    /// The surface of `item`, whose path from the crate root is `rust`.
    fn new(rust: String, item: &EnumType) -> Self {
        EnumSurface {
            rust,
            other: item.catch_all.clone(),
            kind: item.kind,
            values: item
                .variants
                .iter()
                .map(|variant| (variant.value.clone(), variant.rust_name.clone()))
                .collect(),
        }
    }
}

impl FieldSurface {
    fn new(model: &Model, field: &Field, notation: &Notation) -> Self {
        let enumeration = match &field.ty.base {
            BaseType::Enum { rust_name } => model
                .enums
                .iter()
                .find(|item| &item.rust_name == rust_name)
                .map(|item| {
                    EnumSurface::new(format!("{}::{}", model.module, item.rust_name), item)
                }),
            _ => None,
        };
        FieldSurface {
            name: field.doc_name.clone(),
            rust: differs(&field.rust_name, &field.doc_name),
            wire: differs(&field.wire_name, &field.doc_name),
            ty: notation.of(&field.ty, &model.enums),
            boxed: matches!(field.ty.base, BaseType::Model { boxed: true, .. }),
            required: field.required,
            nullable: field.nullable,
            docs: (!field.description.is_empty()).then(|| docs_hash(&field.description)),
            enumeration,
            from: taken_from(&field.taken),
        }
    }

    /// The field's Rust name.
    pub fn rust_name(&self) -> &str {
        self.rust.as_deref().unwrap_or(&self.name)
    }

    /// The field's JSON name.
    pub fn wire_name(&self) -> &str {
        self.wire.as_deref().unwrap_or(&self.name)
    }
}

fn differs(name: &str, base: &str) -> Option<String> {
    (name != base).then(|| name.to_owned())
}

/// FNV-1a (32 bits) of a description: stable across Rust versions, unlike std's hashers.
fn docs_hash(text: &str) -> String {
    let hash = text.bytes().fold(0x811c_9dc5_u32, |hash, byte| {
        (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193)
    });
    format!("{hash:08x}")
}

/// serde_json's pretty layout down to the fields arrays (depth 4); everything deeper (one field,
/// one enum) on one line, with `", "` and `": "` between items.
#[derive(Default)]
struct ShallowPretty {
    depth: usize,
    has_value: bool,
}

impl ShallowPretty {
    const PRETTY_DEPTH: usize = 4;

    fn open<W: ?Sized + io::Write>(&mut self, writer: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        writer.write_all(bracket)
    }

    fn close<W: ?Sized + io::Write>(&mut self, writer: &mut W, bracket: &[u8]) -> io::Result<()> {
        if self.depth <= Self::PRETTY_DEPTH && self.has_value {
            writer.write_all(b"\n")?;
            writer.write_all(&b"  ".repeat(self.depth - 1))?;
        }
        self.depth -= 1;
        writer.write_all(bracket)
    }

    fn item<W: ?Sized + io::Write>(&mut self, writer: &mut W, first: bool) -> io::Result<()> {
        if self.depth <= Self::PRETTY_DEPTH {
            writer.write_all(if first { b"\n" } else { b",\n" })?;
            writer.write_all(&b"  ".repeat(self.depth))
        } else if first {
            Ok(())
        } else {
            writer.write_all(b", ")
        }
    }
}

impl serde_json::ser::Formatter for ShallowPretty {
    fn begin_array<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.open(writer, b"[")
    }

    fn end_array<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.close(writer, b"]")
    }

    fn begin_array_value<W: ?Sized + io::Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.item(writer, first)
    }

    fn end_array_value<W: ?Sized + io::Write>(&mut self, _writer: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.open(writer, b"{")
    }

    fn end_object<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.close(writer, b"}")
    }

    fn begin_object_key<W: ?Sized + io::Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.item(writer, first)
    }

    fn begin_object_value<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        writer.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + io::Write>(&mut self, _writer: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

/// Whether `folder` is a generated crate (a `Cargo.toml` and a [`RECORD_FILE`]) rather than a
/// docs folder.
pub fn is_generated_crate(folder: &Path) -> bool {
    folder.join("Cargo.toml").is_file() && folder.join(RECORD_FILE).is_file()
}

/// The surface a generated crate folder records; `Ok(None)` when it records none (a new output
/// folder), an error naming the file when it cannot be read.
pub fn recorded(crate_dir: &Path) -> io::Result<Option<ApiSurface>> {
    match Record::read(crate_dir)? {
        Some(record) => record.surface().map(Some),
        None => Ok(None),
    }
}

/// The text of a generated crate's [`RECORD_FILE`], read and not parsed yet.
#[derive(Debug)]
pub struct Record {
    path: PathBuf,
    text: String,
}

impl Record {
    /// The record of the crate folder `crate_dir`; `Ok(None)` when it has none, an error naming
    /// the file when it cannot be read.
    pub fn read(crate_dir: &Path) -> io::Result<Option<Record>> {
        let path = crate_dir.join(RECORD_FILE);
        match std::fs::read_to_string(&path) {
            Ok(text) => Ok(Some(Record { path, text })),
            Err(error) if error.kind() == io::ErrorKind::NotFound => Ok(None),
            Err(error) => Err(io::Error::new(
                error.kind(),
                format!("{}: {error}", path.display()),
            )),
        }
    }

    /// The surface it records; an error naming the file when it does not read.
    pub fn surface(&self) -> io::Result<ApiSurface> {
        ApiSurface::from_json(&self.text).map_err(|error| {
            io::Error::new(
                io::ErrorKind::InvalidData,
                format!("{}: {error}", self.path.display()),
            )
        })
    }
}

/// A surface to compare and the warnings of the docs it was made from.
#[derive(Debug)]
pub struct LoadedSurface {
    /// The surface.
    pub surface: ApiSurface,
    /// The docs' warnings (none for a generated crate's record).
    pub warnings: Vec<Diagnostic>,
    /// The docs' files, for rendering the warnings.
    pub sources: Sources,
}

/// One side of a change report: the surface a generated crate records, as its generator made it,
/// or the type model of a docs folder (with `config`, or the folder's `codegen.toml`).
pub fn load_surface(folder: &Path, config: Option<&Path>) -> Result<LoadedSurface, Failure> {
    if is_generated_crate(folder) {
        let surface = recorded(folder).map_err(Failure::Io)?.ok_or_else(|| {
            Failure::Io(io::Error::new(
                io::ErrorKind::NotFound,
                format!("{}: no {RECORD_FILE}", folder.display()),
            ))
        })?;
        return Ok(LoadedSurface {
            surface,
            warnings: Vec::new(),
            sources: Sources::default(),
        });
    }
    let crate::Loaded {
        model,
        sources,
        warnings,
        ..
    } = crate::load(folder, config)?;
    Ok(LoadedSurface {
        surface: ApiSurface::from_model(&model),
        warnings,
        sources,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_models_and_tables_keep_the_layout_and_read_back() {
        let surface = ApiSurface {
            generated: String::new(),
            format: FORMAT,
            package: CrateId {
                name: "empty".into(),
                version: "0.1.0".into(),
            },
            rust_types: BTreeMap::new(),
            models: BTreeMap::from([(
                "Empty".to_owned(),
                ModelSurface {
                    rust: None,
                    default: true,
                    fields: Vec::new(),
                    enumeration: None,
                    one_of: None,
                    from: BTreeMap::new(),
                },
            )]),
            operations: BTreeMap::new(),
            unresolved_names: BTreeSet::new(),
        };
        let text = surface.to_json();
        assert_eq!(
            text,
            "{\n  \"@generated\": \"\",\n  \"format\": 2,\n  \"crate\": {\n    \"name\": \"empty\",\n    \"version\": \"0.1.0\"\n  },\n  \
             \"rust_types\": {},\n  \"models\": {\n    \"Empty\": {\n      \"default\": true,\n      \"fields\": []\n    }\n  }\n}\n"
        );
        assert_eq!(ApiSurface::from_json(&text).expect("reads back"), surface);
    }

    #[test]
    fn a_first_format_record_reads_in_the_neutral_notation() {
        let text = r#"{
  "crate": {"name": "old", "version": "0.1.0"},
  "rust_types": {"datetime": "::jiff::Timestamp", "object": "::serde_json::Value"},
  "models": {
    "Pet": {
      "default": true,
      "fields": [
        {"name": "tags", "type": "dict(str, list[str])"},
        {"name": "friend", "type": "list[Pet]"},
        {"name": "born", "type": "datetime"}
      ],
      "one_of": {"rust": "Pet", "other": "Other", "values": {"list[int]": "ListOfInt"}}
    }
  },
  "operations": {
    "PetsApi.get_pet": {
      "rust": "pets_api::get_pet", "method": "GET", "path": "/pets", "returns": "dict(str, object)",
      "parameters": [{"name": "limit", "in": "query", "type": "int"}]
    }
  }
}"#;
        let surface = ApiSurface::from_json(text).expect("a format 1 record reads");
        assert_eq!(surface.format, FORMAT);
        let types: Vec<&str> = (surface.models["Pet"].fields.iter())
            .map(|field| field.ty.as_str())
            .collect();
        assert_eq!(types, ["map<list<string>>", "list<Pet>", "date-time"]);
        assert_eq!(
            surface.rust_types.keys().collect::<Vec<_>>(),
            ["any", "date-time"]
        );
        let one_of = surface.models["Pet"].one_of.as_ref().expect("one of");
        assert_eq!(one_of.values.keys().collect::<Vec<_>>(), ["list<integer>"]);
        let operation = &surface.operations["PetsApi.get_pet"];
        assert_eq!(operation.returns.as_deref(), Some("map<any>"));
        assert_eq!(operation.parameters[0].ty, "integer");
        assert_eq!(
            notation_primitive("list<map<date-time>>"),
            Some(Primitive::DateTime)
        );
        assert_eq!(notation_primitive("list<Pet>"), None);
    }

    #[test]
    fn an_alias_page_a_first_format_record_names_is_not_compared() {
        let record = |format: &str, aliased: &str, plain: &str| {
            format!(
                r#"{{{format} "crate": {{"name": "api", "version": "0.1.0"}}, "rust_types": {{}},
                  "models": {{"Pet": {{"default": true, "fields": [
                    {{"name": "herd", "type": "{aliased}"}}, {{"name": "age", "type": "{plain}"}}]}}}}}}"#
            )
        };
        // Format 1 wrote the alias page `AnimalFarm` by name; format 2 writes what it stands for.
        let old = ApiSurface::from_json(&record("", "list[AnimalFarm]", "int"))
            .expect("a format 1 record");
        assert_eq!(
            old.unresolved_names.iter().collect::<Vec<_>>(),
            ["AnimalFarm"]
        );
        let new = ApiSurface::from_json(&record(r#""format": 2,"#, "list<list<Pet>>", "string"))
            .expect("a format 2 record");
        let report = crate::diff::diff(&old, &new);
        let changed: Vec<String> = report.changes.iter().map(ToString::to_string).collect();
        assert_eq!(changed, ["Pet.age: type `integer` -> `string`"]);
        assert_eq!(report.not_compared, 1);
    }

    #[test]
    fn a_newer_format_is_refused() {
        let error = ApiSurface::from_json(
            r#"{"format": 3, "crate": {"name": "new", "version": "1.0.0"}, "rust_types": {}, "models": {}}"#,
        )
        .expect_err("format 3 is not known");
        assert!(error.to_string().contains("format 3"), "{error}");
    }

    #[test]
    fn a_generated_crate_gives_the_surface_it_records_and_its_docs_the_same() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let generated = root.join("generated");
        let text = std::fs::read_to_string(generated.join(RECORD_FILE)).expect("model.json");
        let from_crate = load_surface(&generated, None).expect("the record reads");
        assert_eq!(
            from_crate.surface,
            ApiSurface::from_json(&text).expect("a surface")
        );
        let from_docs = load_surface(&root.join("spec"), None).expect("spec/ generates");
        assert_eq!(from_docs.surface, from_crate.surface);
        assert!(recorded(&root.join("spec")).expect("no record").is_none());
    }
}

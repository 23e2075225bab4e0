//! What changed between two generated crates, and whether it breaks the code that uses them.
//!
//! Every generated crate records the API surface of the type model it was made from in
//! [`RECORD_FILE`] at its root: an [`ApiSurface`] (models, fields, doc / Rust / wire names, type
//! expressions, required or not, nullable or not, enum values, a hash of each description; operations with their
//! method, path, return type and parameters), as sorted JSON with one
//! field per line, so that a `git diff` of it is readable too. [`diff`] compares two surfaces and
//! classifies each change by what it does to code written against the old crate; the [`Report`]
//! ends with the semver bump that implies. Plain data in, report out: no I/O here.
//!
//! The rules (the README states them for users). The generated structs are meant to be built with
//! `..Default::default()`, and the enums are `#[non_exhaustive]` open enums, so:
//! - breaking: a removed model or field, a changed type (including boxing, becoming an enum, or the
//!   primitive's Rust type), optional -> required and required -> optional (`T` <-> `Option<T>`),
//!   a required field that becomes or stops being nullable (`T` <-> `Option<T>` too),
//!   an added required field, a removed enum value, a changed Rust name (struct, field, enum,
//!   variant), a struct that loses `Default`, and an added optional field in a struct without
//!   `Default` (it can only be built with a full literal);
//! - breaking on the wire: a changed wire name compiles, but reads and writes different JSON;
//! - compatible: an added model, an added optional field in a struct with `Default`, an added enum
//!   value, a struct that gains `Default`, an optional field that becomes or stops being nullable
//!   (an `Option` either way, which reads `null` as `None`);
//! - descriptions: counted, not listed (a patch release).
//!
//! Operations (functions built with a `...Params` struct of their optional parameters, itself
//! built with `..Default::default()`): an added operation, and an added optional parameter of an
//! operation that already had a params struct, are compatible; a removed operation or
//! parameter, an added required parameter (a new argument), an optional parameter that makes a
//! params struct appear (a new argument), a changed return type, parameter type, required flag
//! or Rust name (function, module, params struct, parameter, enum) are breaking; a changed
//! method, path, wire name or place of a parameter (path, query, body) compiles but sends another
//! request: breaking on the wire. An operation newly marked deprecated is compatible.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::io;

use crate::model::{
    BaseType, EnumType, Field, Model, ModelKind, Operation, OperationGroup, Parameter,
    ParameterLocation, TypeModel,
};
use crate::parse::{Leaf, parse_type_expr};

/// The file, at the generated crate's root, that records its [`ApiSurface`].
pub const RECORD_FILE: &str = "model.json";

/// The API surface of a type model: what code using the generated crate can depend on.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ApiSurface {
    /// The generated-file header (JSON has no comments).
    #[serde(rename = "@generated", default)]
    pub generated: String,
    /// The generated crate's name and version.
    #[serde(rename = "crate")]
    pub package: CrateId,
    /// The primitive -> Rust type table: docs name (`datetime`) -> Rust type.
    pub rust_types: BTreeMap<String, String>,
    /// Every model, by its name in the docs.
    pub models: BTreeMap<String, ModelSurface>,
    /// Every operation, by `Group.operation` (`PetsApi.get_pet`); absent when there are none.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub operations: BTreeMap<String, OperationSurface>,
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
    /// The return type expression; absent for `void`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub returns: Option<String>,
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
    /// The type expression, in the docs' syntax.
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
    /// The type expression, in the docs' syntax (`list[Model]`).
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
}

/// An open enum's surface.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct EnumSurface {
    /// The enum's path from the crate root (`analytics_session::MediaType`).
    pub rust: String,
    /// The catch-all variant's name.
    pub other: String,
    /// Wire value -> Rust variant name.
    pub values: BTreeMap<String, String>,
}

fn is_false(value: &bool) -> bool {
    !value
}

impl ApiSurface {
    /// The surface of a type model.
    pub fn from_model(model: &TypeModel) -> Self {
        ApiSurface {
            generated: crate::emit::HEADER.to_owned(),
            package: CrateId {
                name: model.package.name.clone(),
                version: model.package.version.clone(),
            },
            rust_types: model
                .rust_types
                .iter()
                .map(|(primitive, rust)| (primitive.name().to_owned(), rust.clone()))
                .collect(),
            models: model
                .models
                .iter()
                .map(|item| (item.name.clone(), ModelSurface::new(item)))
                .collect(),
            operations: model
                .operations
                .iter()
                .flat_map(|group| {
                    group.operations.iter().map(move |operation| {
                        (
                            format!("{}.{}", group.name, operation.name),
                            OperationSurface::new(group, operation),
                        )
                    })
                })
                .collect(),
        }
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

    /// Reads a surface written by [`ApiSurface::to_json`].
    pub fn from_json(text: &str) -> Result<Self, serde_json::Error> {
        serde_json::from_str(text)
    }
}

impl ModelSurface {
    fn new(model: &Model) -> Self {
        ModelSurface {
            rust: differs(&model.rust_name, &model.name),
            default: model.has_default,
            fields: model
                .fields
                .iter()
                .map(|field| FieldSurface::new(model, field))
                .collect(),
            enumeration: match &model.kind {
                ModelKind::Enum(item) => Some(EnumSurface::new(item.rust_name.clone(), item)),
                ModelKind::Struct => None,
            },
        }
    }
}

impl OperationSurface {
    fn new(group: &OperationGroup, operation: &Operation) -> Self {
        OperationSurface {
            rust: format!("{}::{}", group.module, operation.rust_name),
            params: operation
                .has_optional()
                .then(|| operation.params_type.clone()),
            method: operation.method.as_str().to_owned(),
            path: operation.path.clone(),
            returns: operation.returns.as_ref().map(|ty| ty.expr.to_string()),
            deprecated: operation.deprecated,
            parameters: operation
                .parameters
                .iter()
                .map(|parameter| ParameterSurface::new(group, operation, parameter))
                .collect(),
        }
    }
}

impl ParameterSurface {
    fn new(group: &OperationGroup, operation: &Operation, parameter: &Parameter) -> Self {
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
                ParameterLocation::Body => "body",
            }
            .to_owned(),
            ty: parameter.ty.expr.to_string(),
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
            values: item
                .variants
                .iter()
                .map(|variant| (variant.value.clone(), variant.rust_name.clone()))
                .collect(),
        }
    }
}

impl FieldSurface {
    fn new(model: &Model, field: &Field) -> Self {
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
            ty: field.ty.expr.to_string(),
            boxed: matches!(field.ty.base, BaseType::Model { boxed: true, .. }),
            required: field.required,
            nullable: field.nullable,
            docs: (!field.description.is_empty()).then(|| docs_hash(&field.description)),
            enumeration,
        }
    }

    fn rust_name(&self) -> &str {
        self.rust.as_deref().unwrap_or(&self.name)
    }

    fn wire_name(&self) -> &str {
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

/// What a change does to code written against the old crate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Impact {
    /// Code that compiled against the old crate may not compile.
    Breaking,
    /// It compiles, but reads and writes different JSON.
    WireBreaking,
    /// Code that compiled still compiles and behaves the same.
    Compatible,
}

/// The kinds of change, in the order the summary lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    /// A model is new.
    ModelAdded,
    /// A model is gone.
    ModelRemoved,
    /// A required field is new.
    RequiredFieldAdded,
    /// An optional field is new.
    OptionalFieldAdded,
    /// A field is gone.
    FieldRemoved,
    /// A field's type changed.
    TypeChanged,
    /// An optional field became required.
    MadeRequired,
    /// A required field became optional.
    MadeOptional,
    /// A field may now be `null`.
    MadeNullable,
    /// A field may no longer be `null`.
    MadeNotNullable,
    /// A field's JSON name changed.
    WireNameChanged,
    /// A Rust name changed: a struct's, a field's, an enum's or a variant's.
    RustNameChanged,
    /// An enum has a new value.
    EnumValueAdded,
    /// An enum lost a value.
    EnumValueRemoved,
    /// A struct no longer implements `Default`.
    DefaultLost,
    /// A struct now implements `Default`.
    DefaultGained,
    /// An operation is new.
    OperationAdded,
    /// An operation is gone.
    OperationRemoved,
    /// An operation's method or path changed.
    RequestChanged,
    /// An operation's return type changed.
    ReturnTypeChanged,
    /// A required parameter (a new argument) is new.
    RequiredParameterAdded,
    /// An optional parameter (a field of the params struct) is new.
    OptionalParameterAdded,
    /// A parameter is gone.
    ParameterRemoved,
    /// A parameter moved between the path, the query and the body.
    ParameterMoved,
    /// An operation is now marked deprecated.
    Deprecated,
}

impl ChangeKind {
    /// How the summary names changes of this kind.
    pub fn label(self) -> &'static str {
        match self {
            ChangeKind::ModelAdded => "models added",
            ChangeKind::ModelRemoved => "models removed",
            ChangeKind::RequiredFieldAdded => "required fields added",
            ChangeKind::OptionalFieldAdded => "optional fields added",
            ChangeKind::FieldRemoved => "fields removed",
            ChangeKind::TypeChanged => "type changes",
            ChangeKind::MadeRequired => "optional -> required",
            ChangeKind::MadeOptional => "required -> optional",
            ChangeKind::MadeNullable => "made nullable",
            ChangeKind::MadeNotNullable => "made not nullable",
            ChangeKind::WireNameChanged => "wire-name changes",
            ChangeKind::RustNameChanged => "Rust-name changes",
            ChangeKind::EnumValueAdded => "enum values added",
            ChangeKind::EnumValueRemoved => "enum values removed",
            ChangeKind::DefaultLost => "structs that lost Default",
            ChangeKind::DefaultGained => "structs that gained Default",
            ChangeKind::OperationAdded => "operations added",
            ChangeKind::OperationRemoved => "operations removed",
            ChangeKind::RequestChanged => "method or path changes",
            ChangeKind::ReturnTypeChanged => "return type changes",
            ChangeKind::RequiredParameterAdded => "required parameters added",
            ChangeKind::OptionalParameterAdded => "optional parameters added",
            ChangeKind::ParameterRemoved => "parameters removed",
            ChangeKind::ParameterMoved => "parameters moved",
            ChangeKind::Deprecated => "operations deprecated",
        }
    }
}

/// One change of the surface.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Change {
    /// The model (docs name), or the operation (`Group.operation`).
    pub model: String,
    /// The field or parameter (docs name), for a change of one or of its enum.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// What changed.
    pub kind: ChangeKind,
    /// The old value (a type, a name, a removed enum value), where there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub old: Option<String>,
    /// The new value (a type, a name, an added enum value), where there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub new: Option<String>,
    /// What it does to code using the old crate.
    pub impact: Impact,
}

/// The semver bump a report implies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Bump {
    /// Nothing changed.
    None,
    /// Descriptions only.
    Patch,
    /// Compatible additions.
    Minor,
    /// Breaking changes.
    Major,
}

/// What changed from one surface to another.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Report {
    /// The old crate.
    pub old: CrateId,
    /// The new crate.
    pub new: CrateId,
    /// Every change, by model name, then field order.
    pub changes: Vec<Change>,
    /// How many changes of each kind.
    pub counts: BTreeMap<ChangeKind, usize>,
    /// Fields whose description changed and nothing else.
    pub docs_only: usize,
    /// The bump the changes imply.
    pub bump: Bump,
    /// The old version bumped as cargo's semver rules need, when it is `MAJOR.MINOR.PATCH`.
    pub next_version: Option<String>,
}

/// Compares two surfaces.
pub fn diff(old: &ApiSurface, new: &ApiSurface) -> Report {
    let mut differ = Differ {
        old_types: &old.rust_types,
        new_types: &new.rust_types,
        changes: Vec::new(),
        docs_only: 0,
    };
    let names: BTreeSet<&String> = old.models.keys().chain(new.models.keys()).collect();
    for name in names {
        let at = At {
            model: name,
            field: None,
        };
        match (old.models.get(name), new.models.get(name)) {
            (Some(_), None) => {
                differ.push(at, ChangeKind::ModelRemoved, Impact::Breaking, None, None)
            }
            (None, Some(_)) => {
                differ.push(at, ChangeKind::ModelAdded, Impact::Compatible, None, None)
            }
            (Some(before), Some(after)) => differ.model(name, before, after),
            (None, None) => {}
        }
    }
    let names: BTreeSet<&String> = old.operations.keys().chain(new.operations.keys()).collect();
    for name in names {
        let at = At {
            model: name,
            field: None,
        };
        match (old.operations.get(name), new.operations.get(name)) {
            (Some(_), None) => differ.push(
                at,
                ChangeKind::OperationRemoved,
                Impact::Breaking,
                None,
                None,
            ),
            (None, Some(_)) => differ.push(
                at,
                ChangeKind::OperationAdded,
                Impact::Compatible,
                None,
                None,
            ),
            (Some(before), Some(after)) => differ.operation(name, before, after),
            (None, None) => {}
        }
    }
    let Differ {
        changes, docs_only, ..
    } = differ;
    let mut counts = BTreeMap::new();
    for change in &changes {
        *counts.entry(change.kind).or_insert(0) += 1;
    }
    let bump = if changes
        .iter()
        .any(|change| change.impact != Impact::Compatible)
    {
        Bump::Major
    } else if !changes.is_empty() {
        Bump::Minor
    } else if docs_only > 0 {
        Bump::Patch
    } else {
        Bump::None
    };
    Report {
        old: old.package.clone(),
        new: new.package.clone(),
        next_version: next_version(&old.package.version, bump),
        changes,
        counts,
        docs_only,
        bump,
    }
}

/// Where a change is: a model, or a field of it.
#[derive(Clone, Copy)]
struct At<'a> {
    model: &'a str,
    field: Option<&'a str>,
}

struct Differ<'a> {
    old_types: &'a BTreeMap<String, String>,
    new_types: &'a BTreeMap<String, String>,
    changes: Vec<Change>,
    docs_only: usize,
}

impl Differ<'_> {
    fn push(
        &mut self,
        at: At,
        kind: ChangeKind,
        impact: Impact,
        old: Option<String>,
        new: Option<String>,
    ) {
        self.changes.push(Change {
            model: at.model.to_owned(),
            field: at.field.map(str::to_owned),
            kind,
            old,
            new,
            impact,
        });
    }

    /// Records a change of a name or a type, when `old` and `new` differ.
    fn changed(&mut self, at: At, kind: ChangeKind, impact: Impact, old: &str, new: &str) {
        if old != new {
            self.push(at, kind, impact, Some(old.to_owned()), Some(new.to_owned()));
        }
    }

    fn model(&mut self, name: &str, old: &ModelSurface, new: &ModelSurface) {
        let at = At {
            model: name,
            field: None,
        };
        let old_rust = old.rust.as_deref().unwrap_or(name);
        let new_rust = new.rust.as_deref().unwrap_or(name);
        self.changed(
            at,
            ChangeKind::RustNameChanged,
            Impact::Breaking,
            old_rust,
            new_rust,
        );
        match (old.default, new.default) {
            (true, false) => self.push(at, ChangeKind::DefaultLost, Impact::Breaking, None, None),
            (false, true) => self.push(
                at,
                ChangeKind::DefaultGained,
                Impact::Compatible,
                None,
                None,
            ),
            _ => {}
        }
        match (&old.enumeration, &new.enumeration) {
            (Some(old_enum), Some(new_enum)) => self.enumeration(at, old_enum, new_enum),
            // An enum page became an object page, or the other way round.
            (old_enum, new_enum) => self.changed(
                at,
                ChangeKind::TypeChanged,
                Impact::Breaking,
                if old_enum.is_some() { "enum" } else { "struct" },
                if new_enum.is_some() { "enum" } else { "struct" },
            ),
        }
        let old_fields: BTreeMap<&str, &FieldSurface> = old
            .fields
            .iter()
            .map(|field| (field.name.as_str(), field))
            .collect();
        let new_names: BTreeSet<&str> =
            new.fields.iter().map(|field| field.name.as_str()).collect();
        for field in &new.fields {
            let at = At {
                model: name,
                field: Some(&field.name),
            };
            let Some(before) = old_fields.get(field.name.as_str()) else {
                let (kind, impact) = if field.required {
                    (ChangeKind::RequiredFieldAdded, Impact::Breaking)
                } else if old.default && new.default {
                    (ChangeKind::OptionalFieldAdded, Impact::Compatible)
                } else {
                    (ChangeKind::OptionalFieldAdded, Impact::Breaking)
                };
                let ty = self.type_text(field, self.new_types);
                self.push(at, kind, impact, None, Some(ty));
                continue;
            };
            self.field(at, before, field);
        }
        for field in old
            .fields
            .iter()
            .filter(|field| !new_names.contains(field.name.as_str()))
        {
            let at = At {
                model: name,
                field: Some(&field.name),
            };
            self.push(at, ChangeKind::FieldRemoved, Impact::Breaking, None, None);
        }
    }

    fn field(&mut self, at: At, old: &FieldSurface, new: &FieldSurface) {
        let before = self.changes.len();
        self.changed(
            at,
            ChangeKind::RustNameChanged,
            Impact::Breaking,
            old.rust_name(),
            new.rust_name(),
        );
        self.changed(
            at,
            ChangeKind::WireNameChanged,
            Impact::WireBreaking,
            old.wire_name(),
            new.wire_name(),
        );
        let old_type = self.type_text(old, self.old_types);
        let new_type = self.type_text(new, self.new_types);
        self.changed(
            at,
            ChangeKind::TypeChanged,
            Impact::Breaking,
            &old_type,
            &new_type,
        );
        match (old.required, new.required) {
            (false, true) => self.push(at, ChangeKind::MadeRequired, Impact::Breaking, None, None),
            (true, false) => self.push(at, ChangeKind::MadeOptional, Impact::Breaking, None, None),
            _ => {}
        }
        if old.nullable != new.nullable {
            let kind = if new.nullable {
                ChangeKind::MadeNullable
            } else {
                ChangeKind::MadeNotNullable
            };
            // A required field is `T` or, nullable, `Option<T>`; an optional one is an `Option`
            // either way.
            let impact = if old.required || new.required {
                Impact::Breaking
            } else {
                Impact::Compatible
            };
            self.push(at, kind, impact, None, None);
        }
        if let (Some(old_enum), Some(new_enum)) = (&old.enumeration, &new.enumeration) {
            self.enumeration(at, old_enum, new_enum);
        }
        if self.changes.len() == before && old.docs != new.docs {
            self.docs_only += 1;
        }
    }

    fn operation(&mut self, name: &str, old: &OperationSurface, new: &OperationSurface) {
        let at = At {
            model: name,
            field: None,
        };
        self.changed(
            at,
            ChangeKind::RustNameChanged,
            Impact::Breaking,
            &old.rust,
            &new.rust,
        );
        if let (Some(old_params), Some(new_params)) = (&old.params, &new.params) {
            self.changed(
                at,
                ChangeKind::RustNameChanged,
                Impact::Breaking,
                old_params,
                new_params,
            );
        }
        self.changed(
            at,
            ChangeKind::RequestChanged,
            Impact::WireBreaking,
            &format!("{} {}", old.method, old.path),
            &format!("{} {}", new.method, new.path),
        );
        self.changed(
            at,
            ChangeKind::ReturnTypeChanged,
            Impact::Breaking,
            old.returns.as_deref().unwrap_or("void"),
            new.returns.as_deref().unwrap_or("void"),
        );
        if !old.deprecated && new.deprecated {
            self.push(at, ChangeKind::Deprecated, Impact::Compatible, None, None);
        }
        let old_parameters: BTreeMap<&str, &ParameterSurface> = old
            .parameters
            .iter()
            .map(|parameter| (parameter.name.as_str(), parameter))
            .collect();
        for parameter in &new.parameters {
            let at = At {
                model: name,
                field: Some(&parameter.name),
            };
            let Some(before) = old_parameters.get(parameter.name.as_str()) else {
                // An optional parameter is a new field of the params struct, built with
                // `..Default::default()`; when the struct is new, it is a new argument.
                let (kind, impact) = if parameter.required {
                    (ChangeKind::RequiredParameterAdded, Impact::Breaking)
                } else if old.params.is_some() {
                    (ChangeKind::OptionalParameterAdded, Impact::Compatible)
                } else {
                    (ChangeKind::OptionalParameterAdded, Impact::Breaking)
                };
                self.push(at, kind, impact, None, Some(parameter.ty.clone()));
                continue;
            };
            self.parameter(at, before, parameter);
        }
        for parameter in old.parameters.iter().filter(|parameter| {
            !new.parameters
                .iter()
                .any(|other| other.name == parameter.name)
        }) {
            let at = At {
                model: name,
                field: Some(&parameter.name),
            };
            self.push(
                at,
                ChangeKind::ParameterRemoved,
                Impact::Breaking,
                None,
                None,
            );
        }
    }

    fn parameter(&mut self, at: At, old: &ParameterSurface, new: &ParameterSurface) {
        let name_or = |rust: &Option<String>, base: &str| rust.clone().unwrap_or(base.to_owned());
        self.changed(
            at,
            ChangeKind::RustNameChanged,
            Impact::Breaking,
            &name_or(&old.rust, &old.name),
            &name_or(&new.rust, &new.name),
        );
        self.changed(
            at,
            ChangeKind::WireNameChanged,
            Impact::WireBreaking,
            &name_or(&old.wire, &old.name),
            &name_or(&new.wire, &new.name),
        );
        self.changed(
            at,
            ChangeKind::ParameterMoved,
            Impact::WireBreaking,
            &old.location,
            &new.location,
        );
        let type_text = |parameter: &ParameterSurface| {
            if parameter.enumeration.is_some() {
                format!("{} (open enum)", parameter.ty)
            } else {
                parameter.ty.clone()
            }
        };
        self.changed(
            at,
            ChangeKind::TypeChanged,
            Impact::Breaking,
            &type_text(old),
            &type_text(new),
        );
        match (old.required, new.required) {
            (false, true) => self.push(at, ChangeKind::MadeRequired, Impact::Breaking, None, None),
            (true, false) => self.push(at, ChangeKind::MadeOptional, Impact::Breaking, None, None),
            _ => {}
        }
        if let (Some(old_enum), Some(new_enum)) = (&old.enumeration, &new.enumeration) {
            self.enumeration(at, old_enum, new_enum);
        }
    }

    fn enumeration(&mut self, at: At, old: &EnumSurface, new: &EnumSurface) {
        self.changed(
            at,
            ChangeKind::RustNameChanged,
            Impact::Breaking,
            &old.rust,
            &new.rust,
        );
        self.changed(
            at,
            ChangeKind::RustNameChanged,
            Impact::Breaking,
            &old.other,
            &new.other,
        );
        for (value, variant) in &new.values {
            match old.values.get(value) {
                None => self.push(
                    at,
                    ChangeKind::EnumValueAdded,
                    Impact::Compatible,
                    None,
                    Some(value.clone()),
                ),
                Some(old_variant) => self.changed(
                    at,
                    ChangeKind::RustNameChanged,
                    Impact::Breaking,
                    old_variant,
                    variant,
                ),
            }
        }
        for value in old
            .values
            .keys()
            .filter(|value| !new.values.contains_key(*value))
        {
            self.push(
                at,
                ChangeKind::EnumValueRemoved,
                Impact::Breaking,
                Some(value.clone()),
                None,
            );
        }
    }

    /// A field's type as the report shows it: the docs expression, marked when it is an open enum
    /// or boxed, with the Rust type of its primitive when the type table changed that.
    fn type_text(&self, field: &FieldSurface, types: &BTreeMap<String, String>) -> String {
        let mut text = field.ty.clone();
        if field.enumeration.is_some() {
            text.push_str(" (open enum)");
        } else if let Ok(expr) = parse_type_expr(&field.ty)
            && let Leaf::Primitive(primitive) = expr.leaf
            && self.old_types.get(primitive.name()) != self.new_types.get(primitive.name())
        {
            let rust = types.get(primitive.name()).map_or("?", String::as_str);
            text.push_str(&format!(" (as {rust})"));
        }
        if field.boxed {
            text.push_str(" (boxed)");
        }
        text
    }
}

/// `version` bumped as cargo's semver rules need: for `0.x.y` a breaking change bumps the minor
/// version and anything else the patch version; for `0.0.z` every change bumps the patch version.
fn next_version(version: &str, bump: Bump) -> Option<String> {
    let mut parts = version.split('.').map(|part| part.parse::<u64>().ok());
    let (Some(Some(major)), Some(Some(minor)), Some(Some(patch)), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return None;
    };
    let (major, minor, patch) = match (bump, major, minor) {
        (Bump::None, ..) => return None,
        (_, 0, 0) => (0, 0, patch.checked_add(1)?),
        (Bump::Major, 0, _) => (0, minor.checked_add(1)?, 0),
        (Bump::Minor | Bump::Patch, 0, _) | (Bump::Patch, ..) => {
            (major, minor, patch.checked_add(1)?)
        }
        (Bump::Minor, ..) => (major, minor.checked_add(1)?, 0),
        (Bump::Major, ..) => (major.checked_add(1)?, 0, 0),
    };
    Some(format!("{major}.{minor}.{patch}"))
}

impl Report {
    /// Whether nothing changed, not even a description.
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty() && self.docs_only == 0
    }

    /// The report as JSON, for release tooling.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("a Report serializes: its maps have string keys")
    }
}

impl fmt::Display for Change {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.model)?;
        if let Some(field) = &self.field {
            write!(f, ".{field}")?;
        }
        let old = self.old.as_deref().unwrap_or_default();
        let new = self.new.as_deref().unwrap_or_default();
        match self.kind {
            ChangeKind::ModelAdded => write!(f, ": model added"),
            ChangeKind::ModelRemoved => write!(f, ": model removed"),
            ChangeKind::RequiredFieldAdded => write!(f, ": required field added, `{new}`"),
            ChangeKind::OptionalFieldAdded if self.impact == Impact::Breaking => {
                write!(
                    f,
                    ": optional field added, `{new}` (the struct has no Default to build it with)"
                )
            }
            ChangeKind::OptionalFieldAdded => write!(f, ": optional field added, `{new}`"),
            ChangeKind::FieldRemoved => write!(f, ": field removed"),
            ChangeKind::TypeChanged => write!(f, ": type `{old}` -> `{new}`"),
            ChangeKind::MadeRequired => write!(f, ": optional -> required"),
            ChangeKind::MadeOptional => write!(f, ": required -> optional"),
            ChangeKind::MadeNullable => write!(f, ": may now be null"),
            ChangeKind::MadeNotNullable => write!(f, ": may no longer be null"),
            ChangeKind::WireNameChanged => write!(f, ": wire name `{old}` -> `{new}`"),
            ChangeKind::RustNameChanged => write!(f, ": Rust name `{old}` -> `{new}`"),
            ChangeKind::EnumValueAdded => write!(f, ": enum value added, `{new}`"),
            ChangeKind::EnumValueRemoved => write!(f, ": enum value removed, `{old}`"),
            ChangeKind::DefaultLost => write!(f, ": no longer implements Default"),
            ChangeKind::DefaultGained => write!(f, ": now implements Default"),
            ChangeKind::OperationAdded => write!(f, ": operation added"),
            ChangeKind::OperationRemoved => write!(f, ": operation removed"),
            ChangeKind::RequestChanged => write!(f, ": request `{old}` -> `{new}`"),
            ChangeKind::ReturnTypeChanged => write!(f, ": returns `{old}` -> `{new}`"),
            ChangeKind::RequiredParameterAdded => {
                write!(f, ": required parameter added, `{new}`")
            }
            ChangeKind::OptionalParameterAdded if self.impact == Impact::Breaking => write!(
                f,
                ": optional parameter added, `{new}` (the operation had no params struct: a new argument)"
            ),
            ChangeKind::OptionalParameterAdded => write!(f, ": optional parameter added, `{new}`"),
            ChangeKind::ParameterRemoved => write!(f, ": parameter removed"),
            ChangeKind::ParameterMoved => write!(f, ": moved from the {old} to the {new}"),
            ChangeKind::Deprecated => write!(f, ": now deprecated"),
        }
    }
}

impl fmt::Display for Report {
    /// The concise report: changes grouped by impact, the counts, the implied bump.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "type model changes since {} {}",
            self.old.name, self.old.version
        )?;
        if self.new != self.old {
            write!(f, " (now {} {})", self.new.name, self.new.version)?;
        }
        if self.is_empty() {
            return writeln!(f, ": none");
        }
        writeln!(f, ":")?;
        for (impact, title) in [
            (Impact::Breaking, "breaking"),
            (
                Impact::WireBreaking,
                "breaking on the wire, compiles but reads, writes or sends something else",
            ),
            (Impact::Compatible, "compatible"),
        ] {
            let changes: Vec<&Change> = self
                .changes
                .iter()
                .filter(|change| change.impact == impact)
                .collect();
            if !changes.is_empty() {
                writeln!(f, "{title} ({}):", changes.len())?;
                for change in changes {
                    writeln!(f, "  {change}")?;
                }
            }
        }
        if self.docs_only > 0 {
            writeln!(
                f,
                "docs only: {} field description(s) changed",
                self.docs_only
            )?;
        }
        if !self.counts.is_empty() {
            let counts: Vec<String> = self
                .counts
                .iter()
                .map(|(kind, count)| format!("{} {count}", kind.label()))
                .collect();
            writeln!(f, "counts: {}", counts.join(", "))?;
        }
        let bump = match self.bump {
            Bump::None => "none",
            Bump::Patch => "patch (descriptions only)",
            Bump::Minor => "minor (compatible changes only)",
            Bump::Major => "major (breaking changes)",
        };
        write!(f, "implied bump: {bump}")?;
        if let Some(next) = &self.next_version {
            write!(f, ", {} -> {next}", self.old.version)?;
            if self.old.version.starts_with("0.0.") {
                write!(f, " (cargo treats every 0.0.z release as breaking)")?;
            } else if self.old.version.starts_with("0.") {
                write!(
                    f,
                    " (for a 0.x crate cargo treats a minor bump as breaking, a patch bump as compatible)"
                )?;
            }
        }
        writeln!(f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_versions_follow_cargo_semver() {
        let cases = [
            ("1.4.2", Bump::Major, Some("2.0.0")),
            ("1.4.2", Bump::Minor, Some("1.5.0")),
            ("1.4.2", Bump::Patch, Some("1.4.3")),
            ("0.3.1", Bump::Major, Some("0.4.0")),
            ("0.3.1", Bump::Minor, Some("0.3.2")),
            ("0.3.1", Bump::Patch, Some("0.3.2")),
            ("0.0.4", Bump::Major, Some("0.0.5")),
            ("0.0.4", Bump::Minor, Some("0.0.5")),
            ("0.3.1", Bump::None, None),
            ("1.0.0-beta.1", Bump::Major, None),
            ("1.0", Bump::Major, None),
            ("1.0.0.0", Bump::Major, None),
            ("0.1.18446744073709551615", Bump::Patch, None),
        ];
        for (version, bump, next) in cases {
            assert_eq!(
                next_version(version, bump).as_deref(),
                next,
                "{version} {bump:?}"
            );
        }
    }

    #[test]
    fn empty_models_and_tables_keep_the_layout_and_read_back() {
        let surface = ApiSurface {
            generated: String::new(),
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
                },
            )]),
            operations: BTreeMap::new(),
        };
        let text = surface.to_json();
        assert_eq!(
            text,
            "{\n  \"@generated\": \"\",\n  \"crate\": {\n    \"name\": \"empty\",\n    \"version\": \"0.1.0\"\n  },\n  \
             \"rust_types\": {},\n  \"models\": {\n    \"Empty\": {\n      \"default\": true,\n      \"fields\": []\n    }\n  }\n}\n"
        );
        assert_eq!(ApiSurface::from_json(&text).expect("reads back"), surface);
    }
}

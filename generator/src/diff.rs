//! What changed between two generated crates, and whether it breaks the code that uses them.
//!
//! Every generated crate records the API surface of the type model it was made from
//! ([`crate::surface`]). [`diff`] compares two surfaces and
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

use crate::model::Fact;
use crate::surface::{
    ApiSurface, CrateId, EnumSurface, FieldSurface, ModelSurface, OperationSurface,
    ParameterSurface, notation_leaf, notation_primitive,
};

/// The media type an operation accepts unless it says otherwise.
const JSON_MEDIA_TYPE: &str = "application/json";

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
    /// The media type an operation accepts changed.
    AcceptChanged,
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
            ChangeKind::AcceptChanged => "accepted media type changes",
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
    /// The page of another docs folder (`[sources] also`) the new value was taken from, when the
    /// change comes from there.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub taken_from: Option<String>,
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
    /// Types not compared: the old record, of format 1, named an alias page there and does not
    /// say what it stood for ([`ApiSurface::unresolved_names`]).
    #[serde(skip_serializing_if = "is_zero")]
    pub not_compared: usize,
}

fn is_zero(count: &usize) -> bool {
    *count == 0
}

/// The report of a surface compared with itself (a crate whose record a run leaves as it is):
/// no changes, since the crate `package`.
pub fn unchanged(package: &CrateId) -> Report {
    let nothing = ApiSurface {
        generated: String::new(),
        format: crate::surface::FORMAT,
        package: package.clone(),
        rust_types: BTreeMap::new(),
        models: BTreeMap::new(),
        operations: BTreeMap::new(),
        unresolved_names: BTreeSet::new(),
    };
    diff(&nothing, &nothing)
}

/// Compares two surfaces.
pub fn diff(old: &ApiSurface, new: &ApiSurface) -> Report {
    let mut differ = Differ {
        old_types: &old.rust_types,
        new_types: &new.rust_types,
        old_unresolved: &old.unresolved_names,
        changes: Vec::new(),
        docs_only: 0,
        not_compared: 0,
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
        changes,
        docs_only,
        not_compared,
        ..
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
        not_compared,
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
    /// The old record's alias page names ([`ApiSurface::unresolved_names`]).
    old_unresolved: &'a BTreeSet<String>,
    changes: Vec<Change>,
    docs_only: usize,
    not_compared: usize,
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
            taken_from: None,
        });
    }

    /// Names the page another docs folder gave `fact` from, on the changes since `first`, when
    /// the new field took it from one and the old did not take it from there.
    fn explain(&mut self, first: usize, fact: Fact, old: &FieldSurface, new: &FieldSurface) {
        let taken_from = new
            .from
            .get(&fact)
            .filter(|page| old.from.get(&fact) != Some(*page));
        for change in &mut self.changes[first..] {
            change.taken_from = taken_from.cloned();
        }
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
        match (&old.enumeration, &new.enumeration, &old.one_of, &new.one_of) {
            (Some(old_enum), Some(new_enum), ..) => self.enumeration(at, old_enum, new_enum),
            (.., Some(old_one_of), Some(new_one_of)) => {
                self.enumeration(at, old_one_of, new_one_of);
            }
            // An enum page became an object page, a oneOf a struct, or the other way round.
            _ => self.changed(
                at,
                ChangeKind::TypeChanged,
                Impact::Breaking,
                model_shape(old),
                model_shape(new),
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
        let wire_changes = self.changes.len();
        self.changed(
            at,
            ChangeKind::WireNameChanged,
            Impact::WireBreaking,
            old.wire_name(),
            new.wire_name(),
        );
        self.explain(wire_changes, Fact::JsonName, old, new);
        let old_type = self.type_text(old, self.old_types);
        let new_type = self.type_text(new, self.new_types);
        if self.comparable(&old.ty, &new.ty) {
            self.changed(
                at,
                ChangeKind::TypeChanged,
                Impact::Breaking,
                &old_type,
                &new_type,
            );
        }
        let required_changes = self.changes.len();
        match (old.required, new.required) {
            (false, true) => self.push(at, ChangeKind::MadeRequired, Impact::Breaking, None, None),
            (true, false) => self.push(at, ChangeKind::MadeOptional, Impact::Breaking, None, None),
            _ => {}
        }
        self.explain(required_changes, Fact::Required, old, new);
        let nullable_changes = self.changes.len();
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
        self.explain(nullable_changes, Fact::Nullable, old, new);
        if let (Some(old_enum), Some(new_enum)) = (&old.enumeration, &new.enumeration) {
            let enum_changes = self.changes.len();
            self.enumeration(at, old_enum, new_enum);
            self.explain(enum_changes, Fact::EnumValues, old, new);
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
        let (old_returns, new_returns) = (
            old.returns.as_deref().unwrap_or("void"),
            new.returns.as_deref().unwrap_or("void"),
        );
        if self.comparable(old_returns, new_returns) {
            self.changed(
                at,
                ChangeKind::ReturnTypeChanged,
                Impact::Breaking,
                old_returns,
                new_returns,
            );
        }
        self.changed(
            at,
            ChangeKind::AcceptChanged,
            Impact::WireBreaking,
            old.accept.as_deref().unwrap_or(JSON_MEDIA_TYPE),
            new.accept.as_deref().unwrap_or(JSON_MEDIA_TYPE),
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
        if self.comparable(&old.ty, &new.ty) {
            self.changed(
                at,
                ChangeKind::TypeChanged,
                Impact::Breaking,
                &type_text(old),
                &type_text(new),
            );
        }
        match (old.required, new.required) {
            (false, true) => self.push(at, ChangeKind::MadeRequired, Impact::Breaking, None, None),
            (true, false) => self.push(at, ChangeKind::MadeOptional, Impact::Breaking, None, None),
            _ => {}
        }
        if let (Some(old_enum), Some(new_enum)) = (&old.enumeration, &new.enumeration) {
            self.enumeration(at, old_enum, new_enum);
        }
    }

    /// The values of an open enum (a oneOf's variants: their types) added, removed or renamed.
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
        // Strings and numbers are different Rust types (`Other(String)`, `Other(i64)`).
        self.changed(
            at,
            ChangeKind::TypeChanged,
            Impact::Breaking,
            &format!("{:?}", old.kind),
            &format!("{:?}", new.kind),
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

    /// Whether the types `old` and `new` (neutral notation) can be compared: not when the old
    /// record wrote an alias page's name there ([`ApiSurface::unresolved_names`]), which says
    /// nothing of what it stood for; such a type that differs is counted as not compared.
    fn comparable(&mut self, old: &str, new: &str) -> bool {
        let unresolved = notation_leaf(old).is_some_and(|leaf| self.old_unresolved.contains(leaf));
        if unresolved && old != new {
            self.not_compared += 1;
        }
        !unresolved
    }

    /// A field's type as the report shows it: its neutral notation, marked when it is an open enum
    /// or boxed, with the Rust type of its primitive when the type table changed that.
    fn type_text(&self, field: &FieldSurface, types: &BTreeMap<String, String>) -> String {
        let mut text = field.ty.clone();
        if field.enumeration.is_some() {
            text.push_str(" (open enum)");
        } else if let Some(primitive) = notation_primitive(&field.ty)
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

/// What a model is, as a type change names it.
fn model_shape(model: &ModelSurface) -> &'static str {
    match (&model.enumeration, &model.one_of) {
        (Some(_), _) => "enum",
        (None, Some(_)) => "one of",
        (None, None) => "struct",
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

    /// The line on the types not compared, when there are any.
    fn write_not_compared(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.not_compared == 0 {
            return Ok(());
        }
        writeln!(
            f,
            "not compared: {} type(s) the old record (format 1) wrote as an alias page's name",
            self.not_compared
        )
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
            ChangeKind::AcceptChanged => write!(f, ": accepts `{old}` -> `{new}`"),
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
        }?;
        match &self.taken_from {
            Some(page) => write!(f, " (taken from `{page}`)"),
            None => Ok(()),
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
            writeln!(f, ": none")?;
            return self.write_not_compared(f);
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
        self.write_not_compared(f)?;
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
}

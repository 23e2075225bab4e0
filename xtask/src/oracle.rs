//! An independent oracle for conformance: the OpenAPI document that a docs folder was generated
//! from (Ory ships `openapi.json` beside its per-language docs folders). The generator never
//! reads it; conformance does, to check the crate made from the Markdown against it.
//!
//! [`Oracle`] reads `components.schemas` (OpenAPI 3.0 and 3.1) or `definitions` (Swagger 2.0)
//! and, for a model of the docs, synthesizes a JSON document from the schema of the same name
//! (`identity` is the page `Identity`): true wire names, required fields, enum values, nested
//! objects, arrays and maps, `$ref`s followed, `allOf` merged, the first non-null variant of
//! `oneOf` / `anyOf` taken (3.1's `type: [X, "null"]` is `X`). [`Oracle::compare`] lists where
//! the type model and the schemas disagree ([`Mismatch`]): models, fields, JSON names, required
//! flags, types ([`Shape`]), enums; and what the docs say less of than the schema (listed, not
//! disagreements).

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use markdown_model_codegen::model::{
    BaseType, Container, Field, Model, ModelKind, Primitive, TypeModel,
};
use serde_json::{Map, Value, json};

use crate::synth::primitive_value;

/// Nested objects up to this depth get every property; deeper ones only the required ones.
const FULL_DEPTH: usize = 1;
/// Past this depth no further object is nested.
const MAX_DEPTH: usize = 8;

/// The schemas of an OpenAPI (or Swagger 2.0) document.
pub struct Oracle {
    schemas: Map<String, Value>,
    /// What a `$ref` to one of `schemas` starts with: `#/components/schemas/` or `#/definitions/`.
    ref_prefix: &'static str,
    /// The schemas referenced only as form bodies (`application/x-www-form-urlencoded`,
    /// `multipart/form-data`): openapi-generator writes no model of them (`skipFormModel`).
    form_only: BTreeSet<String>,
}

/// `value` made an instance of `schema`'s validation keywords where the hard value breaks them:
/// a number outside `minimum` / `maximum` (3.0's boolean and 3.1's numeric exclusive bounds) is
/// the nearest bound inside, a number of a `multipleOf` three times it; a string is padded or cut
/// to `minLength` / `maxLength`, and a `pattern` of one character class (`^[a-z]+$`,
/// `^[0-9]{5}$`) gets a string of that class. Other patterns are not read.
fn within_constraints(schema: &Value, value: Value) -> Value {
    let number = |key: &str| schema.get(key).and_then(Value::as_f64);
    match value {
        Value::Number(number_value) => {
            let integer = number_value.is_i64() || number_value.is_u64();
            if let Some(step) = number("multipleOf") {
                return json!(step * 3.0);
            }
            let exclusive = |key: &str, bound: Option<f64>| match schema.get(key) {
                Some(Value::Bool(true)) => bound.map(|bound| (bound, true)),
                Some(Value::Number(bound)) => bound.as_f64().map(|bound| (bound, true)),
                _ => bound.map(|bound| (bound, false)),
            };
            let low = exclusive("exclusiveMinimum", number("minimum"));
            let high = exclusive("exclusiveMaximum", number("maximum"));
            let step = if integer { 1.0 } else { 0.5 };
            let current = number_value.as_f64().unwrap_or_default();
            let fixed = match (low, high) {
                (Some((low, open)), _) if current < low || (open && current == low) => {
                    if open {
                        low + step
                    } else {
                        low
                    }
                }
                (_, Some((high, open))) if current > high || (open && current == high) => {
                    if open {
                        high - step
                    } else {
                        high
                    }
                }
                _ => return Value::Number(number_value),
            };
            if integer {
                json!(fixed as i64)
            } else {
                json!(fixed)
            }
        }
        Value::String(text) => {
            let mut text = schema
                .get("pattern")
                .and_then(Value::as_str)
                .and_then(pattern_sample)
                .unwrap_or(text);
            let length = |key: &str| schema.get(key).and_then(Value::as_u64).map(|n| n as usize);
            if let Some(max) = length("maxLength") {
                text = text.chars().take(max).collect();
            }
            if let Some(min) = length("minLength") {
                while text.chars().count() < min {
                    text.push('a');
                }
            }
            Value::String(text)
        }
        other => other,
    }
}

/// A string that a pattern of one character class matches: `^[a-z]+$` is `aaaaa`, `^[0-9]{5}$`
/// `00000`; `None` for any other pattern.
fn pattern_sample(pattern: &str) -> Option<String> {
    let body = pattern.strip_prefix("^[")?.strip_suffix('$')?;
    let (class, count) = body.split_once(']')?;
    let mut chars = class.chars();
    let (first, dash, _last, rest) = (chars.next()?, chars.next()?, chars.next()?, chars.next());
    if dash != '-' || rest.is_some() {
        return None;
    }
    let times = match count {
        "+" => 5,
        _ => count
            .strip_prefix('{')?
            .strip_suffix('}')?
            .split(',')
            .next()?
            .parse()
            .ok()?,
    };
    Some(std::iter::repeat_n(first, times).collect())
}

/// The media types of form bodies.
const FORM_MEDIA_TYPES: [&str; 2] = ["application/x-www-form-urlencoded", "multipart/form-data"];

/// Every `$ref` in `value` with whether it is inside a form body's media type.
fn references<'a>(value: &'a Value, in_form: bool, found: &mut Vec<(&'a str, bool)>) {
    match value {
        Value::Object(entries) => {
            for (key, inner) in entries {
                match (key.as_str(), inner) {
                    ("$ref", Value::String(target)) => found.push((target, in_form)),
                    _ => references(
                        inner,
                        in_form || FORM_MEDIA_TYPES.contains(&key.as_str()),
                        found,
                    ),
                }
            }
        }
        Value::Array(items) => {
            for inner in items {
                references(inner, in_form, found);
            }
        }
        _ => {}
    }
}

/// What the oracle says of one property.
#[derive(Debug, Clone, PartialEq, Eq)]
struct OracleField {
    required: bool,
    /// Whether `null` is a value (3.0's `nullable`, 3.1's `"null"` type, a `null` variant,
    /// Swagger's `x-nullable`).
    nullable: bool,
    /// The enum values, as JSON values (`"asc"`, `1`, `1.1`), `null` left out (nullability is
    /// compared apart).
    enum_values: Option<Vec<Value>>,
    shape: Shape,
    /// The `allOf` member (a `$ref`ed schema) the property comes from, when not the schema's own.
    inherited: Option<String>,
}

/// What a property's schema says its values are, as far as a docs type can show it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Shape {
    /// Any JSON value: no type, or a free-form object.
    Any,
    /// `boolean`.
    Boolean,
    /// `integer`, any format.
    Integer,
    /// `number`, any format.
    Number,
    /// `string` with its format, if any (`date`, `date-time`, `uuid`, ...).
    String(Option<String>),
    /// Enumerated values of the inner shape (`string`, `integer`, `number`; the values are
    /// compared apart).
    Enum(Box<Shape>),
    /// `array` of items.
    Array(Box<Shape>),
    /// An object whose keys are free and whose values have a shape (`additionalProperties`).
    Map(Box<Shape>),
    /// An object with properties: a named schema, or an inline one (`None`).
    Object(Option<String>),
    /// A `oneOf` / `anyOf` of several non-null variants.
    Union,
}

impl Shape {
    /// The shape with its named objects made inline ones: what a model the template made of an
    /// inline schema holds.
    fn inlined(&self) -> Shape {
        match self {
            Shape::Object(Some(_)) => Shape::Object(None),
            Shape::Array(items) => Shape::Array(Box::new(items.inlined())),
            Shape::Map(values) => Shape::Map(Box::new(values.inlined())),
            shape => shape.clone(),
        }
    }
}

impl fmt::Display for Shape {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Shape::Any => f.write_str("any"),
            Shape::Boolean => f.write_str("boolean"),
            Shape::Integer => f.write_str("integer"),
            Shape::Number => f.write_str("number"),
            Shape::String(None) => f.write_str("string"),
            Shape::String(Some(format)) => write!(f, "string ({format})"),
            Shape::Enum(values) => write!(f, "enum of {values}"),
            Shape::Array(items) => write!(f, "array of {items}"),
            Shape::Map(values) => write!(f, "map of {values}"),
            Shape::Object(Some(name)) => write!(f, "{name}"),
            Shape::Object(None) => f.write_str("inline object"),
            Shape::Union => f.write_str("oneOf / anyOf"),
        }
    }
}

/// How a docs type compares with the schema's [`Shape`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TypeVerdict {
    /// The docs type holds exactly the schema's values.
    Exact,
    /// The docs type holds the schema's values and more (TypeScript's `number` for an `integer`,
    /// a string for a `date`, any JSON value for a model): it reads every valid document, and
    /// says less than the schema; the reason.
    SaysLess(String),
    /// The docs type rejects values the schema allows, or is another type.
    Contradicts,
}

impl Oracle {
    /// The `openapi.json` of a docs folder: in it, or in its parent (one folder per language).
    pub fn find(docs: &Path) -> Option<PathBuf> {
        let docs = std::path::absolute(docs).ok()?;
        [Some(docs.as_path()), docs.parent()]
            .into_iter()
            .flatten()
            .map(|folder| folder.join("openapi.json"))
            .find(|path| path.is_file())
    }

    /// Reads an OpenAPI document.
    pub fn load(path: &Path) -> Result<Self> {
        let text =
            fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
        let document: Value =
            serde_json::from_str(&text).with_context(|| format!("parsing {}", path.display()))?;
        Self::from_document(document).with_context(|| path.display().to_string())
    }

    /// The oracle of a parsed OpenAPI document: its `components.schemas`, or a Swagger 2.0
    /// document's `definitions`.
    pub fn from_document(mut document: Value) -> Result<Self> {
        let (pointer, ref_prefix) = if document.get("swagger").is_some() {
            ("/definitions", "#/definitions/")
        } else {
            ("/components/schemas", "#/components/schemas/")
        };
        let mut found = Vec::new();
        references(&document, false, &mut found);
        let in_form_only = |target: &str| {
            let mut uses = found
                .iter()
                .filter(|(other, _)| *other == target)
                .peekable();
            uses.peek().is_some() && uses.all(|(_, in_form)| *in_form)
        };
        let form_only = found
            .iter()
            .filter(|(target, _)| in_form_only(target))
            .filter_map(|(target, _)| target.strip_prefix(ref_prefix))
            .map(str::to_owned)
            .collect();
        match document.pointer_mut(pointer).map(Value::take) {
            Some(Value::Object(schemas)) => Ok(Self {
                schemas,
                ref_prefix,
                form_only,
            }),
            _ => bail!("no {} object", &pointer[1..].replace('/', ".")),
        }
    }

    /// The schema name a `$ref` points to, when it is one of the document's schemas.
    fn referenced_name<'a>(&self, schema: &'a Value) -> Option<&'a str> {
        schema
            .get("$ref")?
            .as_str()?
            .strip_prefix(self.ref_prefix)
            .filter(|name| self.schemas.contains_key(*name))
    }

    /// Whether `property` of the schema `name` is the discriminator of a schema that maps
    /// `name` to a value of it: one whose `discriminator` names the property and whose
    /// `mapping`, `oneOf` or `anyOf` refers to `name`, or that `name` takes as an `allOf`
    /// member (`Pet.petType` of `Cat`).
    fn is_mapped_discriminator(&self, name: &str, property: &str) -> bool {
        let refers_to = |schemas: Option<&Value>, to: &str| {
            schemas
                .and_then(Value::as_array)
                .is_some_and(|list| list.iter().any(|s| self.referenced_name(s) == Some(to)))
        };
        let maps = |parent: &str, schema: &Value| {
            let discriminator = schema.get("discriminator");
            let mapped = (discriminator.and_then(|d| d.get("mapping")))
                .and_then(Value::as_object)
                .is_some_and(|mapping| {
                    (mapping.values()).filter_map(Value::as_str).any(|target| {
                        target.strip_prefix(self.ref_prefix).unwrap_or(target) == name
                    })
                });
            // Swagger 2.0's discriminator is the property's name itself.
            let named = match discriminator {
                Some(Value::String(named)) => Some(named.as_str()),
                other => other
                    .and_then(|d| d.get("propertyName"))
                    .and_then(Value::as_str),
            };
            named == Some(property)
                && (mapped
                    || refers_to(schema.get("oneOf"), name)
                    || refers_to(schema.get("anyOf"), name)
                    || refers_to(self.schemas[name].get("allOf"), parent))
        };
        self.schemas
            .iter()
            .any(|(parent, schema)| parent != name && maps(parent, schema))
    }

    /// The docs models whose schema is a `oneOf` / `anyOf` of several variants without
    /// properties of its own, where no page listed the variants: a page can only print it as the
    /// union of its variants' properties. (A model of the variants, `ModelKind::OneOf`, is
    /// checked: the spec's documents of it must read as one of its variants.)
    pub fn union_models<'a>(&self, model: &'a TypeModel) -> Vec<&'a str> {
        model
            .models
            .iter()
            .filter(|item| !matches!(item.kind, ModelKind::OneOf(_)))
            .filter(|item| {
                self.schema_name(&item.name)
                    .is_some_and(|name| self.shape(&self.schemas[name]) == Shape::Union)
            })
            .map(|item| item.name.as_str())
            .collect()
    }

    /// The schema name of the docs model `model` (see [`matching_name`]).
    fn schema_name(&self, model: &str) -> Option<&str> {
        matching_name(self.schemas.keys(), model)
    }

    /// A document for the docs model `model` from its schema; `None` when no schema has its name.
    pub fn document(&self, model: &str, seed: usize) -> Option<Value> {
        let name = self.schema_name(model)?;
        self.value(&self.schemas[name], 0, seed)
    }

    /// [`Oracle::document`] with the properties `nulls` (nullable ones, required or optional)
    /// present as `null`.
    pub fn document_with_nulls(&self, model: &str, seed: usize, nulls: &[String]) -> Option<Value> {
        let mut document = self.document(model, seed)?;
        if let Value::Object(object) = &mut document {
            for name in nulls {
                object.insert(name.clone(), Value::Null);
            }
        }
        Some(document)
    }

    /// Follows `$ref`s (to `#/components/schemas/...` or `#/definitions/...`), at most a few in
    /// a row.
    fn resolve<'a>(&'a self, mut schema: &'a Value) -> &'a Value {
        for _ in 0..MAX_DEPTH {
            match self.referenced_name(schema) {
                Some(name) => schema = &self.schemas[name],
                None => break,
            }
        }
        schema
    }

    /// Whether a property may be `null`: 3.0's `nullable`, Swagger's `x-nullable`, 3.1's
    /// `"null"` among its types, or a `null` variant of its `oneOf` / `anyOf`; of the schema
    /// itself or of the one its `$ref` names (Ory's `NullUUID`).
    fn nullable(&self, schema: &Value) -> bool {
        self.says_null(schema) || self.says_null(self.resolve(schema))
    }

    /// Whether the schema itself says its value may be `null` (see [`Self::nullable`]).
    fn says_null(&self, schema: &Value) -> bool {
        let is_true = |key: &str| schema.get(key) == Some(&Value::Bool(true));
        let null_type = |schema: &Value| match schema.get("type") {
            Some(Value::Array(types)) => types.contains(&json!("null")),
            Some(name) => name == "null",
            None => false,
        };
        is_true("nullable")
            || is_true("x-nullable")
            || null_type(schema)
            || ["oneOf", "anyOf"].iter().any(|key| {
                schema
                    .get(*key)
                    .and_then(Value::as_array)
                    .is_some_and(|variants| {
                        variants
                            .iter()
                            .any(|variant| null_type(self.resolve(variant)))
                    })
            })
    }

    /// What a property's values are ([`Shape`]), `$ref`s followed and `null` variants left out.
    pub fn shape(&self, schema: &Value) -> Shape {
        self.shape_at(schema, 0)
    }

    fn shape_at(&self, schema: &Value, depth: usize) -> Shape {
        if depth > MAX_DEPTH {
            return Shape::Any;
        }
        if let Some(name) = self.referenced_name(schema) {
            return match self.shape_at(&self.schemas[name], depth + 1) {
                Shape::Object(_) => Shape::Object(Some(name.to_owned())),
                shape => shape,
            };
        }
        if let Some(map) = schema.as_object()
            && map.contains_key("enum")
        {
            let mut values = map.clone();
            values.remove("enum");
            return Shape::Enum(Box::new(self.shape_at(&Value::Object(values), depth + 1)));
        }
        for key in ["oneOf", "anyOf"] {
            if let Some(variants) = schema.get(key).and_then(Value::as_array) {
                let mut shapes: Vec<Shape> = variants
                    .iter()
                    .filter(|variant| self.resolve(variant).get("type") != Some(&json!("null")))
                    .map(|variant| self.shape_at(variant, depth + 1))
                    .collect();
                shapes.dedup();
                return match shapes.as_slice() {
                    [only] => only.clone(),
                    _ => Shape::Union,
                };
            }
        }
        if let Some(parts) = schema.get("allOf").and_then(Value::as_array) {
            return match parts.as_slice() {
                [only] if schema.get("properties").is_none() => self.shape_at(only, depth + 1),
                _ => Shape::Object(None),
            };
        }
        match Self::type_name(schema) {
            Some("boolean") => Shape::Boolean,
            Some("integer") => Shape::Integer,
            Some("number") => Shape::Number,
            Some("string") => Shape::String(
                schema
                    .get("format")
                    .and_then(Value::as_str)
                    .map(str::to_owned),
            ),
            // Swagger 2.0's binary response or form field.
            Some("file") => Shape::String(Some("binary".to_owned())),
            Some("array") => Shape::Array(Box::new(
                schema
                    .get("items")
                    .map_or(Shape::Any, |items| self.shape_at(items, depth + 1)),
            )),
            _ if schema.get("properties").is_some() => Shape::Object(None),
            Some("object") | None => match schema.get("additionalProperties") {
                Some(values @ Value::Object(_))
                    if !values.as_object().is_some_and(Map::is_empty) =>
                {
                    Shape::Map(Box::new(self.shape_at(values, depth + 1)))
                }
                _ => Shape::Any,
            },
            Some(_) => Shape::Any,
        }
    }

    /// The properties and required names of an object schema, `allOf` parts merged.
    fn properties<'a>(
        &'a self,
        schema: &'a Value,
    ) -> (Vec<(&'a str, &'a Value)>, BTreeSet<&'a str>) {
        let schema = self.resolve(schema);
        let mut properties = Vec::new();
        let mut required = BTreeSet::new();
        if let Some(parts) = schema.get("allOf").and_then(Value::as_array) {
            for part in parts {
                let (part_properties, part_required) = self.properties(part);
                properties.extend(part_properties);
                required.extend(part_required);
            }
        }
        if let Some(own) = schema.get("properties").and_then(Value::as_object) {
            properties.extend(own.iter().map(|(name, schema)| (name.as_str(), schema)));
        }
        if let Some(names) = schema.get("required").and_then(Value::as_array) {
            required.extend(names.iter().filter_map(Value::as_str));
        }
        (properties, required)
    }

    /// The properties the object schema `name` takes from the members of its `allOf`, with the
    /// member's name: a `$ref`ed member's, or, for an inline one, the model openapi-generator
    /// 4.x-6.x makes of it and the templates inherit as they do a `$ref`ed one
    /// (`InlineModelResolver` names it `<name>_allOf`: `CatAllOf`).
    fn inherited<'a>(&'a self, name: &str, schema: &'a Value) -> BTreeMap<&'a str, String> {
        let mut inherited = BTreeMap::new();
        let parts = self.resolve(schema).get("allOf").and_then(Value::as_array);
        for part in parts.into_iter().flatten() {
            let member = match self.referenced_name(part) {
                Some(member) => member.to_owned(),
                None => format!("{}AllOf", camelized(name)),
            };
            for (property, _) in self.properties(part).0 {
                inherited.entry(property).or_insert_with(|| member.clone());
            }
        }
        inherited
    }

    /// The schema a composition stands for: the first `oneOf` / `anyOf` variant that is not
    /// `null`, or the one part of an `allOf` that adds nothing (a `$ref` with a description),
    /// followed through `$ref`s.
    fn chosen<'a>(&'a self, schema: &'a Value) -> &'a Value {
        let mut schema = self.resolve(schema);
        for _ in 0..MAX_DEPTH {
            if let Some([only]) = schema
                .get("allOf")
                .and_then(Value::as_array)
                .map(Vec::as_slice)
                && schema.get("properties").is_none()
            {
                schema = self.resolve(only);
                continue;
            }
            let variants = ["oneOf", "anyOf"]
                .iter()
                .find_map(|key| schema.get(*key).and_then(Value::as_array));
            let Some(variant) = variants.and_then(|variants| {
                variants
                    .iter()
                    .find(|variant| self.resolve(variant).get("type") != Some(&json!("null")))
            }) else {
                break;
            };
            schema = self.resolve(variant);
        }
        schema
    }

    /// The schema's type name, ignoring `null` in a list of types.
    fn type_name(schema: &Value) -> Option<&str> {
        match schema.get("type")? {
            Value::String(name) => Some(name),
            Value::Array(names) => names
                .iter()
                .filter_map(Value::as_str)
                .find(|name| *name != "null"),
            _ => None,
        }
    }

    /// The enum values of a property (its own, or its items', through `$ref`s).
    fn enum_values(&self, schema: &Value) -> Option<Vec<Value>> {
        let schema = self.chosen(schema);
        if let Some(values) = schema.get("enum").and_then(Value::as_array) {
            return Some(
                values
                    .iter()
                    .filter(|value| !value.is_null())
                    .cloned()
                    .collect(),
            );
        }
        match Self::type_name(schema) {
            Some("array") => self.enum_values(schema.get("items")?),
            Some("object") if schema.get("properties").is_none() => schema
                .get("additionalProperties")
                .and_then(|inner| self.enum_values(inner)),
            _ => None,
        }
    }

    fn value(&self, schema: &Value, depth: usize, seed: usize) -> Option<Value> {
        let schema = self.chosen(schema);
        if let Some(values) = schema.get("enum").and_then(Value::as_array) {
            let values: Vec<&Value> = values.iter().filter(|value| !value.is_null()).collect();
            return values
                .get(seed % values.len().max(1))
                .map(|value| (*value).clone());
        }
        let is_object = Self::type_name(schema) == Some("object")
            || schema.get("properties").is_some()
            || schema.get("allOf").is_some();
        if is_object {
            return self.object(schema, depth, seed);
        }
        let value = match Self::type_name(schema) {
            Some("array") => match schema.get("items") {
                Some(items) if depth < MAX_DEPTH => match self.value(items, depth + 1, seed) {
                    Some(item) => json!([item]),
                    None => json!([]),
                },
                _ => json!([]),
            },
            Some("string") => match schema.get("format").and_then(Value::as_str) {
                Some("date-time") => primitive_value(Primitive::DateTime, seed),
                Some("date") => primitive_value(Primitive::Date, seed),
                Some("uuid") => json!("9f8e7d6c-5b4a-4321-8fed-cba987654321"),
                // A decimal number as text (`BigDecimal` in the templates): exact digits.
                Some("decimal" | "number") => json!(format!("-{seed}.10")),
                Some("uri") => json!(format!("https://example.com/a%20b?q={seed}#f")),
                Some("email") => json!(format!("user+{seed}@example.com")),
                Some("byte") => json!("aGVsbG8gd29ybGQ="),
                _ => primitive_value(Primitive::String, seed),
            },
            // An `int32` holds no 2^53 + 1.
            Some("integer") if schema.get("format") == Some(&json!("int32")) => json!(-3),
            Some("integer") => primitive_value(Primitive::Integer, seed),
            // An IEEE single holds no 1.5e300: the hard values a `float` allows.
            Some("number") if schema.get("format") == Some(&json!("float")) => {
                [json!(5), json!(-0.25), json!(0.5)][seed % 3].clone()
            }
            Some("number") => primitive_value(Primitive::Float, seed),
            Some("boolean") => primitive_value(Primitive::Boolean, seed),
            // No type: any JSON value.
            _ => json!("any"),
        };
        Some(within_constraints(schema, value))
    }

    fn object(&self, schema: &Value, depth: usize, seed: usize) -> Option<Value> {
        if depth > MAX_DEPTH {
            return None;
        }
        let (properties, required) = self.properties(schema);
        let mut object = Map::new();
        for (index, (name, property)) in properties.into_iter().enumerate() {
            if depth > FULL_DEPTH && !required.contains(name) {
                continue;
            }
            if let Some(value) = self.value(property, depth + 1, seed + index) {
                object.insert(name.to_owned(), value);
            }
        }
        // A map: one entry (a free-form object gets none: its values are anything).
        if object.is_empty()
            && let Some(values) = schema
                .get("additionalProperties")
                .filter(|inner| inner.is_object())
            && let Some(value) = self.value(values, depth + 1, seed)
        {
            object.insert("key".to_owned(), value);
        }
        Some(Value::Object(object))
    }

    /// The properties of every object schema the docs could have a page of, by page name.
    fn object_models(&self) -> BTreeMap<String, BTreeMap<String, OracleField>> {
        self.schemas
            .iter()
            .filter(|(_, schema)| {
                schema.get("properties").is_some() || schema.get("allOf").is_some()
            })
            .map(|(name, schema)| {
                let (properties, required) = self.properties(schema);
                let inherited = self.inherited(name, schema);
                let fields = properties
                    .into_iter()
                    .map(|(field, property)| {
                        let member = inherited.get(field).cloned();
                        let facts = self.oracle_field(property, required.contains(field), member);
                        (field.to_owned(), facts)
                    })
                    .collect();
                (name.clone(), fields)
            })
            .collect()
    }

    /// The docs models openapi-generator made of an inline property schema of a model the
    /// oracle has ([`is_inline_model_of`]: `GarageInlineAllOf` of `Garage.inline_all_of`, an
    /// `allOf` of one `$ref`; `ContainersArrayOfInlineObjectsInner` of a list's items), by name,
    /// with that schema's properties; not a oneOf / anyOf's.
    fn inline_models(
        &self,
        model: &TypeModel,
        oracle: &BTreeMap<String, BTreeMap<String, OracleField>>,
    ) -> BTreeMap<String, BTreeMap<String, OracleField>> {
        let mut inline = BTreeMap::new();
        for item in &model.models {
            let Some(name) = matching_name(oracle.keys(), &item.name) else {
                continue;
            };
            let (properties, _) = self.properties(&self.schemas[name]);
            for field in item.fields.iter().filter(|f| is_inline_model_of(item, f)) {
                let BaseType::Model { rust_name, .. } = &field.ty.base else {
                    continue;
                };
                let paired = (properties.iter())
                    .find(|(property, _)| erased(property) == erased(&field.wire_name));
                let made = model.models.iter().find(|m| &m.rust_name == rust_name);
                let (Some(&(_, mut schema)), Some(made)) = (paired, made) else {
                    continue;
                };
                for container in &field.ty.containers {
                    let key = match container {
                        Container::List => "items",
                        Container::Map => "additionalProperties",
                    };
                    match self.resolve(schema).get(key) {
                        Some(inner) => schema = inner,
                        None => break,
                    }
                }
                // A union's page shows its variants' properties: not compared so.
                let schema = self.resolve(schema);
                if ["oneOf", "anyOf"]
                    .iter()
                    .any(|key| schema.get(*key).is_some())
                {
                    continue;
                }
                let (properties, required) = self.properties(schema);
                let fields = (properties.into_iter())
                    .map(|(key, property)| {
                        let facts = self.oracle_field(property, required.contains(key), None);
                        (key.to_owned(), facts)
                    })
                    .collect();
                inline.insert(made.name.clone(), fields);
            }
        }
        inline
    }

    /// What the oracle says of the property `schema`.
    fn oracle_field(
        &self,
        schema: &Value,
        required: bool,
        inherited: Option<String>,
    ) -> OracleField {
        OracleField {
            required,
            nullable: self.nullable(schema),
            enum_values: self.enum_values(schema),
            shape: self.shape(schema),
            inherited,
        }
    }

    /// The schemas that are a `oneOf` / `anyOf` without properties of their own, by name, with
    /// the properties of their object variants (a property of several, as the first has it):
    /// what a page that prints the union of its variants' properties can show.
    fn union_schemas(&self) -> BTreeMap<String, BTreeMap<String, OracleField>> {
        fn variants(schema: &Value) -> Option<&Vec<Value>> {
            ["oneOf", "anyOf"]
                .iter()
                .find_map(|key| schema.get(*key).and_then(Value::as_array))
                .filter(|_| schema.get("properties").is_none())
        }
        self.schemas
            .iter()
            .filter_map(|(name, schema)| Some((name, variants(schema)?)))
            .map(|(name, variants)| {
                let mut fields = BTreeMap::new();
                for variant in variants {
                    let (properties, required) = self.properties(variant);
                    for (field, property) in properties {
                        fields.entry(field.to_owned()).or_insert_with(|| {
                            self.oracle_field(property, required.contains(field), None)
                        });
                    }
                }
                (name.clone(), fields)
            })
            .collect()
    }

    /// Where the type model made from the docs and the oracle disagree.
    pub fn compare(&self, model: &TypeModel) -> Comparison {
        let oracle = self.object_models();
        let mut comparison = Comparison {
            docs_models: model.models.len(),
            oracle_models: oracle.len(),
            docs_fields: model.field_count(),
            oracle_fields: oracle.values().map(BTreeMap::len).sum(),
            docs_enums: model
                .models
                .iter()
                .map(|item| item.enums.len() + usize::from(!item.kind.is_struct()))
                .sum(),
            oracle_enums: oracle
                .values()
                .flat_map(BTreeMap::values)
                .filter(|field| field.enum_values.is_some())
                .count(),
            ..Comparison::default()
        };
        let mut matched = BTreeSet::new();
        let marked = marked_kinds(model);
        let unions = self.union_schemas();
        let inline = self.inline_models(model, &oracle);
        for item in &model.models {
            // A union page: its fields are compared with its variants' properties, but for the
            // required flags (required in one variant, absent from another) and the properties
            // it leaves out, which are listed; it is not counted among the object models. The
            // page of a model made of an inline schema is compared with its properties, not
            // counted either.
            let schema_name = matching_name(oracle.keys(), &item.name);
            let (fields, union, counted) = if let Some(name) = schema_name {
                matched.insert(name);
                (&oracle[name], false, true)
            } else if let Some(name) = matching_name(unions.keys(), &item.name) {
                comparison.models_only_in_docs.push(item.name.clone());
                (&unions[name], true, false)
            } else if let Some(fields) = inline.get(&item.name) {
                comparison.models_only_in_docs.push(item.name.clone());
                (fields, false, false)
            } else {
                comparison.models_only_in_docs.push(item.name.clone());
                continue;
            };
            if counted {
                comparison.models_compared += 1;
            }
            let mut seen = BTreeSet::new();
            for field in &item.fields {
                let mismatch = |kind| Mismatch {
                    model: item.name.clone(),
                    field: field.wire_name.clone(),
                    kind,
                };
                let property = if fields.contains_key(&field.wire_name) {
                    comparison.exact_json_names += usize::from(counted);
                    field.wire_name.as_str()
                } else if let Some(paired) = paired_property(fields, &seen, item, field) {
                    comparison.mismatches.push(mismatch(MismatchKind::JsonName {
                        oracle: paired.to_owned(),
                        doc_name: field.doc_name.clone(),
                    }));
                    paired
                } else {
                    comparison
                        .mismatches
                        .push(mismatch(MismatchKind::NoSuchProperty));
                    continue;
                };
                seen.insert(property);
                let mut facts = fields[property].clone();
                if union {
                    facts.required = field.required;
                }
                if counted {
                    comparison.fields_compared += 1;
                }
                let compared = Compared {
                    item,
                    field,
                    property,
                    facts: &facts,
                };
                compare_field(model, &compared, &marked, &mut comparison);
            }
            self.list_unshown(item, fields, &seen, (union, schema_name), &mut comparison);
        }
        let (form_only, others) = oracle
            .keys()
            .filter(|name| !matched.contains(name.as_str()))
            .cloned()
            .partition(|name| self.form_only.contains(name));
        comparison.form_models_without_page = form_only;
        comparison.models_only_in_oracle = others;
        comparison
    }

    /// Lists the properties of `item`'s schema (`fields`) its page does not show (`seen` are the
    /// ones it shows): a union's variants' properties, an `allOf` member's when the page shows
    /// none of that member's, and the rest as mismatches.
    fn list_unshown(
        &self,
        item: &Model,
        fields: &BTreeMap<String, OracleField>,
        seen: &BTreeSet<&str>,
        (union, schema_name): (bool, Option<&str>),
        comparison: &mut Comparison,
    ) {
        // The `allOf` members some of whose properties the page shows.
        let members_shown: BTreeSet<&String> = seen
            .iter()
            .filter_map(|name| fields[*name].inherited.as_ref())
            .collect();
        for (name, facts) in fields
            .iter()
            .filter(|(name, _)| !seen.contains(name.as_str()))
        {
            match &facts.inherited {
                _ if union => comparison.union_unshown.push(Unshown {
                    model: item.name.clone(),
                    key: name.clone(),
                    what: "a property of a variant the union page does not show".to_owned(),
                }),
                // A template that inherits the member shows none of its properties.
                Some(member) if !members_shown.contains(member) => {
                    comparison.inherited_unshown.push(Unshown {
                        model: item.name.clone(),
                        key: name.clone(),
                        what: format!(
                            "a property of the allOf member {member}, none of whose \
                         properties the page shows"
                        ),
                    });
                }
                _ => {
                    if schema_name.is_some_and(|schema| self.is_mapped_discriminator(schema, name))
                    {
                        (comparison.mapped_discriminators)
                            .insert((item.name.clone(), name.clone()));
                    }
                    comparison.mismatches.push(Mismatch {
                        model: item.name.clone(),
                        field: name.clone(),
                        kind: MismatchKind::NotInDocs,
                    });
                }
            }
        }
    }
}

impl Oracle {
    /// Accounts for the object schemas of `comparison` without a docs model, given the names of
    /// the docs folder's pages (file names without `.md`) and of those that show no property
    /// and no enum value (`empty_pages`, read as any JSON value): one whose page is empty and
    /// all of whose properties are its `allOf` members' (listed as members' properties the page
    /// does not show, as a template that inherits the members shows none of them); one with a
    /// discriminator whose page is empty ([`Comparison::discriminator_variant_pages`]); one
    /// named like a language type without a page whose name ends with its own (not `OAIDate`)
    /// ([`Comparison::language_typed_without_page`]). The others stay unread. Page names are
    /// compared in any case and spelling (C#'s `Date`, C's `date`, `ModelDate`).
    pub fn account_for_pages(
        &self,
        comparison: &mut Comparison,
        pages: &BTreeSet<String>,
        empty_pages: &BTreeSet<String>,
    ) {
        let models = self.object_models();
        let pages: BTreeSet<String> = pages.iter().map(|page| erased(page)).collect();
        let empty: BTreeSet<String> = empty_pages.iter().map(|page| erased(page)).collect();
        let page_read_as_no_model = |name: &str| {
            let name = erased(name);
            empty.contains(&name) || empty.contains(&format!("model{name}"))
        };
        let named_so = |name: &str| {
            let name = erased(name);
            pages.iter().any(|page| page.ends_with(&name))
        };
        let mut unread = Vec::new();
        for name in std::mem::take(&mut comparison.models_only_in_oracle) {
            let fields = &models[&name];
            let inherited = !fields.is_empty() && fields.values().all(|f| f.inherited.is_some());
            if inherited && page_read_as_no_model(&name) {
                for (key, facts) in fields {
                    let member = facts.inherited.as_deref().unwrap_or_default();
                    comparison.inherited_unshown.push(Unshown {
                        model: name.clone(),
                        key: key.clone(),
                        what: format!(
                            "a property of the allOf member {member}, of which the page (an \
                             empty table) shows none"
                        ),
                    });
                }
            } else if self.schemas[&name].get("discriminator").is_some()
                && page_read_as_no_model(&name)
            {
                comparison.discriminator_variant_pages.push(name);
            } else if LANGUAGE_TYPE_NAMES.contains(&name.as_str()) && !named_so(&name) {
                comparison.language_typed_without_page.push(name);
            } else {
                unread.push(name);
            }
        }
        comparison.models_only_in_oracle = unread;
    }
}

/// The oracle's property a docs field stands for when its JSON name is none of them: the one
/// not yet taken whose name agrees with the field's JSON or docs name once case and punctuation
/// are erased ([`erased`]) or its special characters spelled out ([`spells`]: `plusPlusSign`
/// for `plus+sign`), or with a keyword escape of it (`var_class`, `propertyClass`).
fn paired_property<'a>(
    fields: &'a BTreeMap<String, OracleField>,
    seen: &BTreeSet<&str>,
    item: &Model,
    field: &Field,
) -> Option<&'a str> {
    let candidates = [erased(&field.wire_name), erased(&field.doc_name)];
    fields
        .keys()
        .map(String::as_str)
        .filter(|name| {
            !seen.contains(name) && !item.fields.iter().any(|other| other.wire_name == *name)
        })
        .find(|name| {
            candidates.iter().any(|candidate| {
                spells(candidate, name)
                    || KEYWORD_ESCAPE_PREFIXES.iter().any(|prefix| {
                        candidate
                            .strip_prefix(prefix)
                            .is_some_and(|rest| spells(rest, name))
                    })
            })
        })
}

/// The words templates put before a reserved word to escape it, erased ([`erased`]): Python's
/// `var_` (pydantic), Java's `property` (`propertyClass`). A leading `_` (most templates'
/// escape) is punctuation, which erasing removes anyway.
pub const KEYWORD_ESCAPE_PREFIXES: [&str; 2] = ["var", "property"];

/// A name with its letter case and punctuation erased: only its letters, lower case, and
/// digits (`_links`, `Links` and `links` are `links`; `x-total-count` is `xtotalcount`).
pub fn erased(name: &str) -> String {
    name.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|letter| letter.to_ascii_lowercase())
        .collect()
}

/// The words openapi-generator spells special characters with, longest first
/// (`DefaultCodegen.initializeSpecialCharacterMapping`, its `specialCharReplacements`, 7.26.0),
/// which `escapeSpecialCharacters` writes in a name (the Java, Kotlin, Dart, Rust and Bash
/// templates' `toVarName`, at the versions that call it: `question?` is `questionQuestionMark`,
/// `$ref` `dollarRef`) where `sanitizeName` has not already dropped the character.
const SPECIAL_CHARACTER_WORDS: [(&str, &str); 39] = [
    ("<=", "Less_Than_Or_Equal_To"),
    (">=", "Greater_Than_Or_Equal_To"),
    ("!=", "Not_Equal"),
    ("<>", "Not_Equal"),
    ("~=", "Tilde_Equal"),
    ("==", "Double_Equal"),
    ("$", "Dollar"),
    ("€", "Euro"),
    ("^", "Caret"),
    ("|", "Pipe"),
    ("=", "Equal"),
    ("*", "Star"),
    ("-", "Minus"),
    ("&", "Ampersand"),
    ("%", "Percent"),
    ("#", "Hash"),
    ("@", "At"),
    ("!", "Exclamation"),
    ("+", "Plus"),
    (":", "Colon"),
    (";", "Semicolon"),
    (">", "Greater_Than"),
    ("<", "Less_Than"),
    (".", "Period"),
    ("_", "Underscore"),
    ("?", "Question_Mark"),
    (",", "Comma"),
    ("'", "Quote"),
    ("\"", "Double_Quote"),
    ("/", "Slash"),
    ("\\", "Back_Slash"),
    ("(", "Left_Parenthesis"),
    (")", "Right_Parenthesis"),
    ("{", "Left_Curly_Bracket"),
    ("}", "Right_Curly_Bracket"),
    ("[", "Left_Square_Bracket"),
    ("]", "Right_Square_Bracket"),
    ("~", "Tilde"),
    ("`", "Backtick"),
];

/// Whether `read`, a docs name already [`erased`], is the JSON name `name` as the templates
/// write it: its letters and digits in order, whatever their case, each other character
/// either dropped (`sanitizeName`, or a language's own rule: `xTotalCount` for
/// `x-total-count`) or spelled out as openapi-generator spells it
/// ([`SPECIAL_CHARACTER_WORDS`]: `questionQuestionMark` for `question?`, `atType` for `@type`,
/// `xMinusTotalMinusCount`). Neither can be undone: `questionQuestionMark` may as well be a
/// property of that name.
pub fn spells(read: &str, name: &str) -> bool {
    let read = read.as_bytes();
    // `reached[i]`: the positions in `read` the first `i` bytes of `name` can spell up to.
    let mut reached = vec![vec![false; read.len() + 1]; name.len() + 1];
    reached[0][0] = true;
    for (at, c) in name.char_indices() {
        let next = at + c.len_utf8();
        for position in 0..=read.len() {
            if !reached[at][position] {
                continue;
            }
            if c.is_ascii_alphanumeric() {
                if read.get(position) == Some(&(c.to_ascii_lowercase() as u8)) {
                    reached[next][position + 1] = true;
                }
                continue;
            }
            reached[next][position] = true;
            for (special, word) in SPECIAL_CHARACTER_WORDS {
                let word = erased(word);
                if name[at..].starts_with(special) && read[position..].starts_with(word.as_bytes())
                {
                    reached[at + special.len()][position + word.len()] = true;
                }
            }
        }
    }
    reached[name.len()][read.len()]
}

/// A docs field and the oracle's property it stands for.
#[derive(Clone, Copy)]
struct Compared<'a> {
    item: &'a Model,
    field: &'a Field,
    /// The property's name (its JSON name).
    property: &'a str,
    facts: &'a OracleField,
}

/// Compares a docs field with the oracle's property it stands for: required flag, type, enum
/// values, nullable; adds what disagrees, and what the docs say less of, to `comparison`.
fn compare_field(
    model: &TypeModel,
    compared: &Compared,
    marked: &BTreeSet<String>,
    comparison: &mut Comparison,
) {
    let Compared {
        item, field, facts, ..
    } = *compared;
    let at = format!("{}.{}", item.name, field.wire_name);
    let mismatch = |kind| Mismatch {
        model: item.name.clone(),
        field: field.wire_name.clone(),
        kind,
    };
    compare_nullable(compared, marked, comparison);
    if field.ty.base == BaseType::Primitive(Primitive::Number) {
        comparison
            .numbers_of_unsaid_kind
            .push(format!("{at}: {}", field.ty));
    }
    if field.required_unknown {
        comparison.required_unsaid.push(format!(
            "{at}: {} in the oracle",
            required_word(facts.required)
        ));
    } else if facts.required != field.required {
        comparison.mismatches.push(mismatch(MismatchKind::Required {
            oracle: facts.required,
            docs: field.required,
        }));
    }
    let language_typed = language_typed_model(&facts.shape, &field.ty.containers, &field.ty.base);
    let verdict = match type_verdict(&facts.shape, &field.ty.containers, &field.ty.base) {
        TypeVerdict::Contradicts if is_inline_model_of(item, field) => {
            type_verdict(&facts.shape.inlined(), &field.ty.containers, &field.ty.base)
        }
        verdict => verdict,
    };
    match verdict.clone() {
        TypeVerdict::Exact => {}
        // TypeScript's `number` has its own list.
        TypeVerdict::SaysLess(_) if field.ty.base == BaseType::Primitive(Primitive::Number) => {}
        TypeVerdict::SaysLess(reason) => comparison
            .types_that_say_less
            .push(format!("{at}: {} for {}: {reason}", field.ty, facts.shape)),
        TypeVerdict::Contradicts if typed_by_format(&facts.shape, &field.ty.base) => {
            comparison.format_over_type.push(Unshown {
                model: item.name.clone(),
                key: field.wire_name.clone(),
                what: format!(
                    "the template types the format, {} for {}: the page cannot say the wire \
                     holds a string",
                    field.ty, facts.shape
                ),
            });
        }
        TypeVerdict::Contradicts if let Some(name) = language_typed => {
            comparison.language_typed.push(Unshown {
                model: item.name.clone(),
                key: field.wire_name.clone(),
                what: format!(
                    "the model {name}, which the template writes as its language's type: {}",
                    field.ty
                ),
            });
        }
        TypeVerdict::Contradicts => comparison.mismatches.push(mismatch(MismatchKind::Type {
            oracle: facts.shape.to_string(),
            docs: field.ty.to_string(),
        })),
    }
    let docs_values = docs_enum_values(model, item, field);
    // A primitive that holds the enum's values (a string, an integer, any JSON value): the page
    // shows the type without the values (an inline enum some templates do not list, Ruby's enum
    // pages).
    let holds_unlisted = docs_values.is_none()
        && matches!(field.ty.base, BaseType::Primitive(_))
        && verdict != TypeVerdict::Contradicts;
    match (&facts.enum_values, docs_values) {
        (Some(oracle_values), None) if holds_unlisted => {
            comparison.enums_the_docs_do_not_list.push(format!(
                "{at}: oracle {}",
                Value::from(oracle_values.clone())
            ));
        }
        (Some(oracle_values), Some(docs_values)) if quoted_numbers(oracle_values, &docs_values) => {
            comparison.quoted_numbers.push(Unshown {
                model: item.name.clone(),
                key: field.wire_name.clone(),
                what: format!(
                    "enum of numbers {}, listed quoted as strings: the page cannot say the wire \
                     holds numbers",
                    Value::from(oracle_values.clone())
                ),
            });
        }
        (oracle_values, docs_values) if *oracle_values != docs_values => {
            comparison
                .mismatches
                .push(mismatch(MismatchKind::EnumValues {
                    oracle: oracle_values.clone(),
                    docs: docs_values,
                }));
        }
        (Some(_), _) => comparison.enums_typed += 1,
        (None, _) => {}
    }
}

/// Schema names a template maps to a type of its language rather than to the model: through
/// its `typeMapping` (`DefaultCodegen.getSchemaType` looks the `$ref`'s name up there: Ruby's
/// `List` is `Array`, Swift's `Integer` is `Int`, PHP's `Date` is `\DateTime`, Dart's `Date` is
/// `DateTime`), its `languageSpecificPrimitives` (`DefaultCodegen.fromProperty` marks such a
/// name primitive, and `model_doc.mustache` prints it unlinked: Java's and Ruby's `String`,
/// `Integer`) or its `importMapping` (`AbstractJavaCodegen.toModelName` returns the mapped class,
/// `java.util.Date`, and `DefaultGenerator.generateModels` writes no page for such a model,
/// "not imported due to import mapping").
pub const LANGUAGE_TYPE_NAMES: [&str; 13] = [
    "String", "Integer", "Long", "Number", "Boolean", "Object", "Date", "DateTime", "File", "List",
    "Map", "Array", "UUID",
];

/// The model named like a language type ([`LANGUAGE_TYPE_NAMES`]) the schema has where the docs
/// type (`containers` around `base`) has a primitive, through the containers both have: what
/// the template wrote its language's type for.
fn language_typed_model<'a>(
    shape: &'a Shape,
    containers: &[Container],
    base: &BaseType,
) -> Option<&'a str> {
    match (shape, containers.split_first()) {
        (Shape::Object(Some(name)), _)
            if LANGUAGE_TYPE_NAMES.contains(&name.as_str())
                && matches!(base, BaseType::Primitive(_)) =>
        {
            Some(name)
        }
        (Shape::Array(items), Some((Container::List, rest)))
        | (Shape::Map(items), Some((Container::Map, rest))) => {
            language_typed_model(items, rest, base)
        }
        _ => None,
    }
}

/// Whether the field's model is the one openapi-generator's `InlineModelResolver` makes of the
/// property's inline schema: named after the model and the property (`GarageInlineAllOf` for
/// `Garage.inline_all_of`, an `allOf` of one `$ref`; `ContainersArrayOfInlineObjectsInner`).
fn is_inline_model_of(item: &Model, field: &Field) -> bool {
    let BaseType::Model { rust_name, .. } = &field.ty.base else {
        return false;
    };
    let inline = format!("{}{}", erased(&item.name), erased(&field.wire_name));
    let name = erased(rust_name);
    name == inline || name == format!("{inline}inner")
}

/// Whether a docs number stands for a string of a decimal format (`type: string, format:
/// decimal`): openapi-generator types a string by its format when the template maps the format
/// (`DefaultCodegen.getPrimitiveType`), and every template maps `decimal` to a number type.
fn typed_by_format(shape: &Shape, base: &BaseType) -> bool {
    matches!(shape, Shape::String(Some(format)) if format == "decimal" || format == "number")
        && matches!(
            base,
            BaseType::Primitive(Primitive::Float | Primitive::Number | Primitive::Integer)
        )
}

/// Compares whether `null` is a value of the field: the same in both, or said by the oracle
/// alone (listed: the page has no mark of it; a failure when the folder marks `null` on another
/// field of the same kind of type (`marked`: [`marked_kinds`]), as its template can show it),
/// or by the docs alone (a disagreement). Any JSON value holds `null` itself.
fn compare_nullable(compared: &Compared, marked: &BTreeSet<String>, comparison: &mut Comparison) {
    let Compared {
        item,
        field,
        property,
        facts,
    } = *compared;
    let any_value =
        field.ty.containers.is_empty() && field.ty.base == BaseType::Primitive(Primitive::Any);
    let docs = field.nullable || any_value;
    let mismatch = |oracle, docs| Mismatch {
        model: item.name.clone(),
        field: field.wire_name.clone(),
        kind: MismatchKind::Nullable { oracle, docs },
    };
    match (facts.nullable, docs) {
        (true, true) => comparison
            .nullable_agreed
            .entry(item.name.clone())
            .or_default()
            .push(property.to_owned()),
        (true, false) if marked.contains(&type_kind(field)) => {
            comparison.mismatches.push(mismatch(true, false));
        }
        (true, false) => comparison.nullable_unshown.push(Unshown {
            model: item.name.clone(),
            key: field.wire_name.clone(),
            what: format!(
                "nullable in the oracle, the page's {} says nothing of null",
                field.ty
            ),
        }),
        (false, true) if field.nullable => comparison.mismatches.push(mismatch(false, true)),
        (false, _) => {}
    }
}

/// A field's type as far as a template's mark of `null` goes: its containers and its base's
/// kind (a primitive, a model, an enum). Go marks `NullableString` and `NullablePet` but not a
/// nullable `[]string`; C# 7.0.1 marks `int?` but not `string`.
fn type_kind(field: &Field) -> String {
    let base = match &field.ty.base {
        BaseType::Primitive(primitive) => format!("{primitive:?}"),
        BaseType::Model { .. } => "model".to_owned(),
        BaseType::Enum { .. } | BaseType::SharedEnum { .. } => "enum".to_owned(),
    };
    format!("{:?} {base}", field.ty.containers)
}

/// The [`type_kind`]s of the fields a folder marks nullable: the types its template can mark.
fn marked_kinds(model: &TypeModel) -> BTreeSet<String> {
    model
        .models
        .iter()
        .flat_map(|item| &item.fields)
        .filter(|field| field.nullable)
        .map(type_kind)
        .collect()
}

/// Whether an enum of numbers (`oracle`) is listed by the docs as strings of the same numbers,
/// in the same order (`"1"` for `1`). openapi-generator writes them so when the spec has a schema
/// named like the language's type of the numbers: `DefaultCodegen.updateCodegenPropertyEnum`
/// looks the property's data type (Java's `Integer`) up among the spec's schemas by model name
/// and, finding the schema `Integer` (an object), builds the values with that schema's type, for
/// which `AbstractJavaCodegen.toEnumValue` quotes them (`escapeText`) as it quotes any value not
/// of `Integer`, `Long`, `Double`, `Float` or `BigDecimal`; the variant names then follow the
/// strings' rule (`_1`, not `NUMBER_1`). The same spec without that schema lists them bare
/// (`NUMBER_1 | 1`). The page cannot tell such an enum from one of digit strings.
fn quoted_numbers(oracle: &[Value], docs: &[Value]) -> bool {
    !oracle.is_empty()
        && oracle.len() == docs.len()
        && oracle.iter().zip(docs).all(|(number, string)| {
            number.is_number() && string.as_str() == Some(number.to_string().as_str())
        })
}

/// A field's enum values in the docs: its own enum's, or those of the enum page its type names.
fn docs_enum_values(model: &TypeModel, item: &Model, field: &Field) -> Option<Vec<Value>> {
    let docs_enum = match &field.ty.base {
        BaseType::SharedEnum { rust_name } => model
            .models
            .iter()
            .find(|page| &page.rust_name == rust_name)
            .and_then(|page| match &page.kind {
                ModelKind::Enum(values) => Some(values),
                ModelKind::Struct | ModelKind::OneOf(_) => None,
            }),
        _ => item
            .enums
            .iter()
            .find(|enum_type| enum_type.field == field.doc_name),
    };
    docs_enum.map(|enum_type| {
        enum_type
            .variants
            .iter()
            .map(|variant| crate::synth::wire_value(enum_type, &variant.value))
            .collect()
    })
}

/// How a docs type (`containers` around `base`) compares with a schema's [`Shape`]: whether it
/// holds exactly the schema's values, more of them (says less), or not all of them.
pub fn type_verdict(shape: &Shape, containers: &[Container], base: &BaseType) -> TypeVerdict {
    let says_less = |reason: &str| TypeVerdict::SaysLess(reason.to_owned());
    match (shape, containers.split_first()) {
        (Shape::Any, None) if *base == BaseType::Primitive(Primitive::Any) => TypeVerdict::Exact,
        // A free-form object, as a map of any values.
        (Shape::Any, Some((Container::Map, [])))
            if *base == BaseType::Primitive(Primitive::Any) =>
        {
            TypeVerdict::Exact
        }
        (_, None) if *base == BaseType::Primitive(Primitive::Any) => says_less("any JSON value"),
        (Shape::Array(items), Some((Container::List, rest)))
        | (Shape::Map(items), Some((Container::Map, rest))) => type_verdict(items, rest, base),
        (_, Some(_)) => TypeVerdict::Contradicts,
        (shape, None) => base_verdict(shape, base),
    }
}

/// [`type_verdict`] of a docs type without containers.
fn base_verdict(shape: &Shape, base: &BaseType) -> TypeVerdict {
    let says_less = |reason: &str| TypeVerdict::SaysLess(reason.to_owned());
    let primitive = match base {
        BaseType::Primitive(primitive) => *primitive,
        BaseType::Model { rust_name, .. } => {
            return match shape {
                Shape::Object(None) | Shape::Union => TypeVerdict::Exact,
                Shape::Object(Some(name))
                    if [erased(name), format!("model{}", erased(name))]
                        .contains(&erased(rust_name)) =>
                {
                    TypeVerdict::Exact
                }
                _ => TypeVerdict::Contradicts,
            };
        }
        BaseType::Enum { .. } | BaseType::SharedEnum { .. } => {
            return if matches!(shape, Shape::Enum(_)) {
                TypeVerdict::Exact
            } else {
                TypeVerdict::Contradicts
            };
        }
    };
    match (shape, primitive) {
        (Shape::Boolean, Primitive::Boolean)
        | (Shape::Integer, Primitive::Integer)
        | (Shape::Number, Primitive::Float) => TypeVerdict::Exact,
        // The enum's values, not listed (compared apart).
        (Shape::Enum(values), _) => base_verdict(values, base),
        (Shape::Integer | Shape::Number, Primitive::Number) => {
            says_less("a number not said to be an integer or a float")
        }
        (Shape::String(format), _) => match (format.as_deref(), primitive) {
            (Some("date"), Primitive::Date) | (Some("date-time"), Primitive::DateTime) => {
                TypeVerdict::Exact
            }
            (Some("date" | "date-time"), Primitive::String) => says_less("a string, not a date"),
            (_, Primitive::String) => TypeVerdict::Exact,
            _ => TypeVerdict::Contradicts,
        },
        _ => TypeVerdict::Contradicts,
    }
}

/// Among `names` (schema names), the one of the docs model `model`, by openapi-generator's
/// model-naming rules (`DefaultCodegen.toModelName`: the name sanitized and camelized, then
/// `Model` before a name that starts with a digit or is a reserved word), in this order: the same
/// name; the name camelized ([`camelized`]: `model_lower_snake` is `ModelLowerSnake`,
/// `_UnderscoreModel` is `UnderscoreModel`, `identity` is `Identity`); the only name whose
/// camelized form differs from it in letter case alone (templates that camelize acronyms write
/// `IPRestriction` as `IpRestriction`); and `Model` before the camelized name (`Model123Numeric`,
/// `ModelError`), when no schema has the model's own name. Nothing looser: a docs model no rule
/// pairs stays unpaired.
fn matching_name<'a>(
    names: impl Iterator<Item = &'a String> + Clone,
    model: &str,
) -> Option<&'a str> {
    let unique = |mut found: std::vec::IntoIter<&'a String>| {
        let only = found.next()?;
        found.next().is_none().then_some(only)
    };
    let where_ = |rule: &dyn Fn(&str) -> bool| -> Vec<&'a String> {
        names.clone().filter(|name| rule(name)).collect()
    };
    names
        .clone()
        .find(|name| name.as_str() == model)
        .or_else(|| unique(where_(&|name| camelized(name) == model).into_iter()))
        .or_else(|| unique(where_(&|name| camelized(name).eq_ignore_ascii_case(model)).into_iter()))
        .or_else(|| {
            let escaped = model.strip_prefix("Model")?;
            unique(where_(&|name| camelized(name) == escaped).into_iter())
        })
        .map(String::as_str)
}

/// A schema name as openapi-generator's `camelize` writes a model name: split at every character
/// that is not a letter or a digit, each part's first letter upper case, the rest as written
/// (`model_lower_snake` is `ModelLowerSnake`, `_UnderscoreModel` is `UnderscoreModel`,
/// `HTTPResponseCode` stays).
pub fn camelized(name: &str) -> String {
    name.split(|c: char| !c.is_alphanumeric())
        .map(upper_first)
        .collect()
}

fn upper_first(name: &str) -> String {
    let mut chars = name.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

fn nullable_word(nullable: bool) -> &'static str {
    if nullable { "nullable" } else { "not nullable" }
}

fn required_word(required: bool) -> &'static str {
    if required { "required" } else { "optional" }
}

/// A property of the oracle that a compared model's page does not show (or shows less of),
/// with the JSON key it concerns: a round trip that differs on that key is excused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unshown {
    /// The docs model.
    pub model: String,
    /// The property's JSON name.
    pub key: String,
    /// What the page does not show.
    pub what: String,
}

impl fmt::Display for Unshown {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}: {}", self.model, self.key, self.what)
    }
}

/// One disagreement of the docs with the oracle on a compared model.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mismatch {
    /// The docs model.
    pub model: String,
    /// The docs field's JSON name ([`MismatchKind::NotInDocs`]: the oracle's property).
    pub field: String,
    /// What disagrees.
    pub kind: MismatchKind,
}

/// What a [`Mismatch`] is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MismatchKind {
    /// The docs field has no property of the oracle.
    NoSuchProperty,
    /// The oracle's property has no field in the docs.
    NotInDocs,
    /// The docs field is the oracle's property `oracle` (their names agree once case and
    /// punctuation are erased, or but for a keyword escape) under another JSON name.
    JsonName {
        /// The oracle's property name: the true JSON name.
        oracle: String,
        /// The field's name in the docs' Name column.
        doc_name: String,
    },
    /// Required in one, optional in the other.
    Required {
        /// Whether the oracle requires it.
        oracle: bool,
        /// Whether the docs do.
        docs: bool,
    },
    /// The docs type rejects values the oracle's schema allows ([`TypeVerdict::Contradicts`]).
    Type {
        /// The schema's [`Shape`].
        oracle: String,
        /// The docs type expression.
        docs: String,
    },
    /// `null` a value in one, not in the other.
    Nullable {
        /// Whether the oracle allows `null`.
        oracle: bool,
        /// Whether the docs do.
        docs: bool,
    },
    /// Different enum values (`None`: not an enum).
    EnumValues {
        /// The oracle's values.
        oracle: Option<Vec<Value>>,
        /// The docs' values (strings, or numbers for an enum of numbers).
        docs: Option<Vec<Value>>,
    },
}

impl fmt::Display for Mismatch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let at = format!("{}.{}", self.model, self.field);
        let values = |values: &Option<Vec<Value>>| {
            values.as_ref().map_or_else(
                || "none".to_owned(),
                |values| Value::from(values.clone()).to_string(),
            )
        };
        match &self.kind {
            MismatchKind::NoSuchProperty => write!(f, "{at}: no such property in the oracle"),
            MismatchKind::NotInDocs => write!(f, "{at}: in the oracle, not in the docs"),
            MismatchKind::JsonName { oracle, doc_name } => write!(
                f,
                "{at}: JSON name {}, oracle {oracle} (Name column {doc_name})",
                self.field
            ),
            MismatchKind::Required { oracle, docs } => write!(
                f,
                "{at}: {} in the oracle, {} in the docs",
                required_word(*oracle),
                required_word(*docs)
            ),
            MismatchKind::Nullable { oracle, docs } => write!(
                f,
                "{at}: {} in the oracle, {} in the docs",
                nullable_word(*oracle),
                nullable_word(*docs)
            ),
            MismatchKind::Type { oracle, docs } => {
                write!(f, "{at}: type: oracle {oracle}, docs {docs}")
            }
            MismatchKind::EnumValues { oracle, docs } => write!(
                f,
                "{at}: enum values: oracle {}, docs {}",
                values(oracle),
                values(docs)
            ),
        }
    }
}

/// The type model made from the docs against the oracle.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Comparison {
    /// Models in the type model.
    pub docs_models: usize,
    /// Object schemas in the oracle.
    pub oracle_models: usize,
    /// Models found in both, compared field by field.
    pub models_compared: usize,
    /// Fields of all models of the type model.
    pub docs_fields: usize,
    /// Properties of all object schemas.
    pub oracle_fields: usize,
    /// Fields found in both.
    pub fields_compared: usize,
    /// Of those, the fields whose JSON name is the property's exactly.
    pub exact_json_names: usize,
    /// Enumerated fields in the type model.
    pub docs_enums: usize,
    /// Properties with enum values in the oracle.
    pub oracle_enums: usize,
    /// Compared properties with enum values that the docs type as an enum of the same values.
    pub enums_typed: usize,
    /// Models of the docs without an object schema (a composition or enum schema, or an inline one).
    pub models_only_in_docs: Vec<String>,
    /// Object schemas without a model in the docs (but the form-only ones).
    pub models_only_in_oracle: Vec<String>,
    /// Object schemas without a model in the docs that the spec uses only as form bodies:
    /// openapi-generator writes no model of them (`skipFormModel`); listed.
    pub form_models_without_page: Vec<String>,
    /// Every disagreement on a compared model: a field, a JSON name, a required flag, a type,
    /// enum values.
    pub mismatches: Vec<Mismatch>,
    /// Properties whose values the oracle enumerates but the docs show as a plain string or any
    /// JSON value (an inline enum, or Ruby's enum pages, whose values the templates do not
    /// list): counted and listed, not a disagreement, since no reader of the docs can know them.
    pub enums_the_docs_do_not_list: Vec<String>,
    /// Fields the docs type as a bare `number` (TypeScript's), which says neither integer nor
    /// float: generated as `serde_json::Number`; counted and listed, not a disagreement.
    pub numbers_of_unsaid_kind: Vec<String>,
    /// Fields whose docs type holds every value of the schema and more ([`TypeVerdict::SaysLess`]:
    /// a string for a date, any JSON value for a model); counted and listed, not a disagreement.
    pub types_that_say_less: Vec<String>,
    /// Properties an object takes from a `$ref`ed `allOf` member (`Pet`'s in `Cat`) that its page
    /// does not show, when it shows none of that member's: the template inherits the member (Go's
    /// child pages list their own properties only); counted and listed, not a disagreement.
    pub inherited_unshown: Vec<Unshown>,
    /// The (docs model, property) pairs of [`MismatchKind::NotInDocs`] whose property is the
    /// discriminator of a schema that maps the model to a value of it (`Bike.kind` of
    /// `Vehicle`, `Cat.petType` of `Pet`).
    pub mapped_discriminators: BTreeSet<(String, String)>,
    /// Compared references to a model named like a language type that the page types as that
    /// type ([`LANGUAGE_TYPE_NAMES`]); listed, and the oracle's documents leave them out (an
    /// object the language's type does not read).
    pub language_typed: Vec<Unshown>,
    /// Object schemas named like a language type ([`LANGUAGE_TYPE_NAMES`]) of which the docs
    /// have no page: the template maps the name to its type and writes no page; listed.
    pub language_typed_without_page: Vec<String>,
    /// Object schemas with a discriminator whose page was read as no model: the template writes
    /// such a schema as an enum of its mapped models, and its page lists them (`## Enum
    /// Variants`), not the properties (`rust/model_doc.mustache` 7.x, `{{#discriminator}}`);
    /// listed.
    pub discriminator_variant_pages: Vec<String>,
    /// Properties of a `oneOf` / `anyOf`'s object variants that the union's page does not show
    /// (C#'s pages show only the discriminator); listed.
    pub union_unshown: Vec<Unshown>,
    /// Compared string properties of a decimal format that the page types as a number, as the
    /// template maps the format over the type ([`typed_by_format`]); listed, and the oracle's
    /// documents leave them out (a string no number type reads).
    pub format_over_type: Vec<Unshown>,
    /// Compared properties whose enum of numbers the page lists as strings of the same numbers,
    /// quoted as the template quotes them ([`quoted_numbers`]); listed, and the oracle's
    /// documents leave them out (a number no enum of strings reads).
    pub quoted_numbers: Vec<Unshown>,
    /// Compared properties the oracle says may be `null` whose page does not say so (a template
    /// that writes no mark of `null` for that type); counted and listed, not a disagreement.
    /// The opposite (the page says `null`, the oracle does not) is a [`MismatchKind::Nullable`].
    pub nullable_unshown: Vec<Unshown>,
    /// Compared properties both say may be `null` (the oracle's names), by docs model: the
    /// oracle's documents try them as `null`.
    pub nullable_agreed: BTreeMap<String, Vec<String>>,
    /// Fields the docs do not say are required or optional (typescript-fetch's pages): generated
    /// as optional; counted and listed, not a disagreement.
    pub required_unsaid: Vec<String>,
}

impl fmt::Display for Comparison {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "models: docs {}, oracle {}, compared {}; fields: docs {}, oracle {}, compared {}, \
             exact JSON names {}; enums: docs {}, oracle {}, typed {}, inline enums the docs do not \
             list {}; numbers the docs do not say are integers or floats {}; other types that \
             say less {}; fields the docs do not say are required or optional {}; allOf members' \
             properties not shown {}; nullable, not shown {}; nullable in both {}; mismatches: {}",
            self.docs_models,
            self.oracle_models,
            self.models_compared,
            self.docs_fields,
            self.oracle_fields,
            self.fields_compared,
            self.exact_json_names,
            self.docs_enums,
            self.oracle_enums,
            self.enums_typed,
            self.enums_the_docs_do_not_list.len(),
            self.numbers_of_unsaid_kind.len(),
            self.types_that_say_less.len(),
            self.required_unsaid.len(),
            self.inherited_unshown.len(),
            self.nullable_unshown.len(),
            self.nullable_agreed.values().map(Vec::len).sum::<usize>(),
            self.mismatches.len()
        )?;
        writeln!(
            f,
            "models only in the docs ({}): {}",
            self.models_only_in_docs.len(),
            self.models_only_in_docs.join(", ")
        )?;
        writeln!(
            f,
            "models only in the oracle ({}): {}",
            self.models_only_in_oracle.len(),
            self.models_only_in_oracle.join(", ")
        )?;
        for mismatch in &self.mismatches {
            writeln!(f, "{mismatch}")?;
        }
        let lists = [
            (
                "inline enum the docs do not list",
                &self.enums_the_docs_do_not_list,
            ),
            (
                "number the docs do not say is an integer or a float",
                &self.numbers_of_unsaid_kind,
            ),
            ("type that says less", &self.types_that_say_less),
            (
                "field the docs do not say is required or optional",
                &self.required_unsaid,
            ),
        ];
        for (what, items) in lists {
            for item in items {
                writeln!(f, "{what}: {item}")?;
            }
        }
        for item in self.inherited_unshown.iter().chain(&self.nullable_unshown) {
            writeln!(f, "{item}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::synth::tests::model_of;

    fn mismatch_texts(comparison: &Comparison) -> Vec<String> {
        comparison
            .mismatches
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    fn oracle() -> Oracle {
        Oracle::from_document(json!({
            "openapi": "3.0.3",
            "components": { "schemas": {
                "identity": {
                    "type": "object",
                    "required": ["id", "schema_id", "state"],
                    "properties": {
                        "id": { "type": "string", "format": "uuid" },
                        "schema_id": { "type": "string" },
                        "state": { "$ref": "#/components/schemas/identityState" },
                        "created_at": { "type": "string", "format": "date-time" },
                        "addresses": { "type": "array", "items": { "$ref": "#/components/schemas/address" } },
                        "metadata": { "type": "object", "additionalProperties": { "type": "integer", "format": "int64" } },
                        "traits": { "type": "object" },
                        "credentials": { "oneOf": [ { "type": "null" }, { "$ref": "#/components/schemas/address" } ] }
                    }
                },
                "identityState": { "type": "string", "enum": ["active", "inactive"] },
                "address": {
                    "allOf": [
                        { "$ref": "#/components/schemas/base" },
                        { "type": "object", "required": ["via"], "properties": { "via": { "type": "string", "enum": ["email", "sms"] } } }
                    ]
                },
                "base": { "type": "object", "required": ["value"], "properties": { "value": { "type": "string" }, "weight": { "type": "number" } } }
            } }
        }))
        .unwrap()
    }

    #[test]
    fn a_document_has_the_oracles_wire_names_values_and_nesting() {
        let document = oracle().document("Identity", 0).unwrap();
        let keys: Vec<&str> = document
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(
            keys,
            [
                "addresses",
                "created_at",
                "credentials",
                "id",
                "metadata",
                "schema_id",
                "state",
                "traits"
            ]
        );
        assert!(["active", "inactive"].contains(&document["state"].as_str().unwrap()));
        assert_eq!(document["id"], "9f8e7d6c-5b4a-4321-8fed-cba987654321");
        assert!(
            document["created_at"]
                .as_str()
                .unwrap()
                .parse::<jiff::Timestamp>()
                .is_ok()
        );
        // allOf merged, deeper than FULL_DEPTH: only the required properties of both parts.
        let address = &document["addresses"][0];
        let mut address_keys: Vec<&str> = address
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        address_keys.sort_unstable();
        assert_eq!(address_keys, ["value", "via"]);
        assert!(["email", "sms"].contains(&address["via"].as_str().unwrap()));
        // oneOf: the first variant that is not null.
        assert!(document["credentials"]["via"].is_string());
        assert!(document["metadata"]["key"].is_i64());
        assert_eq!(document["traits"], json!({}));
        assert_eq!(oracle().document("Nothing", 0), None);
    }

    #[test]
    fn an_inline_enum_the_docs_show_as_a_string_is_listed_not_a_disagreement() {
        // `Address.via` is an inline enum in the oracle; a docs page that shows it as `str` cannot
        // know its values. A lone `allOf` part (a `$ref` with a description) is that part.
        let address = "| **value** | **str** | | |\n| **weight** | **float** | | [optional] |\n| **via** | **str** | | |\n";
        let model = model_of(&[("Address", address)], "");
        let comparison = oracle().compare(&model);
        assert_eq!(comparison.mismatches, []);
        assert_eq!(
            comparison.enums_the_docs_do_not_list,
            [r#"Address.via: oracle ["email","sms"]"#]
        );
        let wrapped = json!({ "allOf": [ { "$ref": "#/components/schemas/identityState" } ], "description": "State." });
        assert_eq!(
            oracle().enum_values(&wrapped),
            Some(vec![json!("active"), json!("inactive")])
        );
        assert_eq!(oracle().value(&wrapped, 0, 1), Some(json!("inactive")));
    }

    fn torture() -> Oracle {
        Oracle::from_document(json!({
            "openapi": "3.0.3",
            "paths": { "/form": { "post": { "requestBody": { "content": {
                "multipart/form-data": { "schema": { "$ref": "#/components/schemas/Form" } }
            } } } } },
            "components": { "schemas": {
                "Form": { "type": "object", "properties": { "file": { "type": "string" } } },
                "Pet": { "type": "object", "required": ["name"], "properties": {
                    "name": { "type": "string" }, "id": { "type": "integer" } } },
                "Cat": { "allOf": [ { "$ref": "#/components/schemas/Pet" },
                    { "type": "object", "properties": { "lives": { "type": "integer" } } } ] },
                "Holder": { "type": "object", "properties": {
                    "level": { "type": "integer", "enum": [1, 2, 3] },
                    "ratio": { "type": "number", "enum": [1.5, -2] },
                    "sort": { "type": "string", "enum": ["asc", "desc"] },
                    "levels": { "type": "array", "items": { "type": "integer", "enum": [1, 2] } },
                    "modes": { "type": "object", "additionalProperties": { "type": "string", "enum": ["on"] } },
                    "maybe": { "type": "string", "nullable": true },
                    "never": { "type": "string" },
                    "told": { "type": "integer", "nullable": true },
                    "price": { "type": "string", "format": "decimal" }
                } }
            } }
        }))
        .unwrap()
    }

    #[test]
    fn enums_are_compared_as_json_values_and_by_their_type() {
        // An integer enum shown as `int`, a number enum as `float`: the values are not listed.
        // An integer enum whose values the docs list as strings of the same numbers is listed
        // (`quoted_numbers`: the template quoted them), of other strings failed.
        // A string enum shown as `int` is another type: failed.
        let holder = "| **level** | **int** | | [optional] |\n| **ratio** | **float** | | [optional] |\n\
            | **sort** | **int** | | [optional] |\n| **levels** | **list[int]** | | [optional] |\n\
            | **modes** | **dict(str, str)** | | [optional] |\n";
        let comparison = torture().compare(&model_of(&[("Holder", holder)], ""));
        assert_eq!(
            comparison.enums_the_docs_do_not_list,
            [
                "Holder.level: oracle [1,2,3]",
                "Holder.ratio: oracle [1.5,-2]",
                // On array items and map values too.
                "Holder.levels: oracle [1,2]",
                "Holder.modes: oracle [\"on\"]"
            ]
        );
        assert!(
            mismatch_texts(&comparison)
                .contains(&"Holder.sort: type: oracle enum of string, docs integer".to_owned()),
            "{:?}",
            comparison.mismatches
        );
        let listed = "| **level** | **str** | | [optional] |\n";
        let comparison = torture().compare(&model_of(
            &[("Holder", listed)],
            "[models.Holder.fields.level]\nenum = [\"1\", \"2\", \"3\"]\n",
        ));
        assert!(
            !mismatch_texts(&comparison)
                .iter()
                .any(|text| text.starts_with("Holder.level:")),
            "{:?}",
            comparison.mismatches
        );
        assert_eq!(
            comparison
                .quoted_numbers
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>(),
            [
                "Holder.level: enum of numbers [1,2,3], listed quoted as strings: the page cannot \
              say the wire holds numbers"
            ]
        );
        let comparison = torture().compare(&model_of(
            &[("Holder", listed)],
            "[models.Holder.fields.level]\nenum = [\"1\", \"2\", \"4\"]\n",
        ));
        assert!(comparison.quoted_numbers.is_empty());
        assert!(
            mismatch_texts(&comparison)
                .iter()
                .any(|text| text
                    == r#"Holder.level: enum values: oracle [1,2,3], docs ["1","2","4"]"#),
            "{:?}",
            comparison.mismatches
        );
    }

    #[test]
    fn nullable_is_compared_and_a_page_without_a_mark_of_null_is_listed() {
        // `maybe`: both say null (tried as null); `never`: only the docs (failed); `told`: only
        // the oracle, and the page's type has no mark of null (listed).
        let holder = "| **maybe** | **str, none_type** | | [optional] |\n\
            | **never** | **str, none_type** | | [optional] |\n| **told** | **int** | | [optional] |\n";
        let comparison = torture().compare(&model_of(&[("Holder", holder)], ""));
        assert_eq!(
            comparison.nullable_agreed,
            BTreeMap::from([("Holder".to_owned(), vec!["maybe".to_owned()])])
        );
        assert!(mismatch_texts(&comparison).contains(
            &"Holder.never: not nullable in the oracle, nullable in the docs".to_owned()
        ));
        assert_eq!(
            comparison
                .nullable_unshown
                .iter()
                .map(|item| item.key.as_str())
                .collect::<Vec<_>>(),
            ["told"]
        );
        let document = torture()
            .document_with_nulls("Holder", 0, &["maybe".to_owned()])
            .unwrap();
        assert_eq!(document["maybe"], Value::Null);
        // A folder that marks a nullable `int` elsewhere can show it: an `int` without the mark
        // is a reading error.
        let marks_elsewhere =
            format!("{holder}| **level** | **int, none_type** | | [optional] |\n");
        let comparison = torture().compare(&model_of(&[("Holder", &marks_elsewhere)], ""));
        assert!(comparison.nullable_unshown.is_empty());
        assert!(
            mismatch_texts(&comparison).contains(
                &"Holder.told: nullable in the oracle, not nullable in the docs".to_owned()
            )
        );
    }

    #[test]
    fn inherited_members_form_models_and_decimal_strings_are_listed_not_failed() {
        // A child page that shows only its own properties (Go's); the form-only schema has no
        // page; `price` (a decimal string) shown as a float.
        let cat = "| **lives** | **int** | | [optional] |\n";
        let holder = "| **price** | **float** | | [optional] |\n";
        let comparison = torture().compare(&model_of(&[("Cat", cat), ("Holder", holder)], ""));
        assert_eq!(
            comparison
                .inherited_unshown
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>(),
            [
                "Cat.id: a property of the allOf member Pet, none of whose properties the page shows",
                "Cat.name: a property of the allOf member Pet, none of whose properties the page shows",
            ]
        );
        assert_eq!(comparison.form_models_without_page, ["Form"]);
        assert_eq!(comparison.models_only_in_oracle, ["Pet"]);
        assert_eq!(comparison.format_over_type.len(), 1);
        assert!(
            !mismatch_texts(&comparison)
                .iter()
                .any(|text| text.starts_with("Cat.") || text.starts_with("Holder.price")),
            "{:?}",
            comparison.mismatches
        );
        // A page that shows some of the member's properties must show them all.
        let partly = "| **lives** | **int** | | [optional] |\n| **name** | **str** | | |\n";
        let comparison = torture().compare(&model_of(&[("Cat", partly)], ""));
        assert!(comparison.inherited_unshown.is_empty());
        assert_eq!(
            mismatch_texts(&comparison),
            ["Cat.id: in the oracle, not in the docs"]
        );
        // The spec's decimal strings are decimal numbers; a float holds no 1.5e300.
        assert!(
            torture().document("Holder", 0).unwrap()["price"]
                .as_str()
                .unwrap()
                .parse::<f64>()
                .is_ok()
        );
    }

    /// A spec with models named like language types, an `allOf` of one member and a
    /// discriminator base.
    /// The listed items' texts.
    fn unshown_texts(items: &[Unshown]) -> Vec<String> {
        items.iter().map(ToString::to_string).collect()
    }

    fn type_names() -> Oracle {
        let named = json!({ "type": "object", "properties": { "value": { "type": "string" } } });
        Oracle::from_document(json!({
            "openapi": "3.0.3",
            "components": { "schemas": {
                "String": named, "Date": named, "Tag": named,
                "Uses": { "type": "object", "properties": {
                    "string": { "$ref": "#/components/schemas/String" },
                    "dates": { "type": "array", "items": { "$ref": "#/components/schemas/Date" } },
                    "tag": { "$ref": "#/components/schemas/Tag" }
                } },
                "Single": { "allOf": [ { "$ref": "#/components/schemas/Tag" } ] },
                "Base": { "type": "object", "properties": { "kind": { "type": "string" } },
                    "discriminator": { "propertyName": "kind" } },
                "Cat": { "allOf": [ { "$ref": "#/components/schemas/Base" },
                    { "type": "object", "properties": { "lives": { "type": "integer" } } } ] }
            } }
        }))
        .unwrap()
    }

    #[test]
    fn a_model_named_like_a_language_type_that_the_page_types_so_is_listed() {
        // Ruby's `**String**` and `**Array<Date>**` for references to the models; `Tag` as a
        // string is no language's name for it.
        let uses = "| **string** | **str** | | [optional] |\n\
                    | **dates** | **list[str]** | | [optional] |\n\
                    | **tag** | **str** | | [optional] |\n";
        let comparison = type_names().compare(&model_of(&[("Uses", uses)], ""));
        assert_eq!(
            unshown_texts(&comparison.language_typed),
            [
                "Uses.string: the model String, which the template writes as its language's \
                 type: string",
                "Uses.dates: the model Date, which the template writes as its language's type: \
                 list<string>",
            ]
        );
        assert_eq!(
            mismatch_texts(&comparison),
            ["Uses.tag: type: oracle Tag, docs string"]
        );
    }

    #[test]
    fn unread_schemas_are_accounted_for_by_the_folders_pages() {
        let oracle = type_names();
        // Only `Uses` and `Cat` read: `String` and `Tag` have pages that were not read,
        // `Single` an empty page, `Date` none (the template maps the name), `Base` a page of
        // its variants.
        let uses = "| **string** | **str** | | [optional] |\n";
        let cat = "| **lives** | **int** | | [optional] |\n";
        let mut comparison = oracle.compare(&model_of(&[("Uses", uses), ("Cat", cat)], ""));
        let read = model_of(&[("Uses", uses), ("Cat", cat)], "");
        // A page `OAIDate` (Objective-C's prefix) may be `Date`'s; a page that is not empty
        // (read as a model the oracle does not pair, or not read): not listed.
        let mut other = oracle.compare(&read);
        let pages = ["OAIDate", "Single", "Base"].map(str::to_owned).into();
        oracle.account_for_pages(&mut other, &pages, &BTreeSet::new());
        assert_eq!(other.language_typed_without_page, ["String"]);
        assert_eq!(
            other.models_only_in_oracle,
            ["Base", "Date", "Single", "Tag"]
        );
        assert_eq!(
            comparison.models_only_in_oracle,
            ["Base", "Date", "Single", "String", "Tag"]
        );
        let pages = ["Uses", "Cat", "tag", "ModelString", "single", "Base"]
            .map(str::to_owned)
            .into();
        let empty = ["single", "Base"].map(str::to_owned).into();
        oracle.account_for_pages(&mut comparison, &pages, &empty);
        assert_eq!(comparison.models_only_in_oracle, ["String", "Tag"]);
        assert_eq!(comparison.language_typed_without_page, ["Date"]);
        assert_eq!(comparison.discriminator_variant_pages, ["Base"]);
        assert_eq!(
            unshown_texts(&comparison.inherited_unshown),
            [
                "Cat.kind: a property of the allOf member Base, none of whose properties the \
                 page shows",
                "Single.value: a property of the allOf member Tag, of which the page (an empty \
                 table) shows none",
            ]
        );
    }

    #[test]
    fn an_inline_allof_member_is_the_model_the_generator_names_after_its_schema() {
        // A page that shows the parent's properties but not the inline member's (C#
        // generichost 6.6.0): `CatAllOf`'s, none of which it shows.
        let cat = "| **kind** | **str** | | [optional] |\n";
        let comparison = type_names().compare(&model_of(&[("Cat", cat)], ""));
        assert_eq!(
            unshown_texts(&comparison.inherited_unshown),
            [
                "Cat.lives: a property of the allOf member CatAllOf, none of whose properties \
                 the page shows"
            ]
        );
        assert!(
            comparison.mismatches.is_empty(),
            "{:?}",
            comparison.mismatches
        );
    }

    #[test]
    fn a_union_page_is_compared_with_its_variants_properties() {
        let oracle =
            Oracle::from_document(json!({ "openapi": "3.0.3", "components": { "schemas": {
            "Shape": { "oneOf": [ { "$ref": "#/components/schemas/Circle" },
                                  { "$ref": "#/components/schemas/Square" } ] },
            "Circle": { "type": "object", "required": ["kind", "radius"], "properties": {
                "kind": { "type": "string" }, "radius": { "type": "number" } } },
            "Square": { "type": "object", "required": ["kind", "side"], "properties": {
                "kind": { "type": "string" }, "side": { "type": "number" } } }
        } } }))
            .unwrap();
        // A page of the discriminator alone (C#'s): the other properties listed; a property of
        // no variant, or another type, fails; required flags are not compared.
        let page = "| **kind** | **str** | | |\n| **radius** | **int** | | |\n| **corner** | **str** | | [optional] |\n";
        let comparison = oracle.compare(&model_of(&[("Shape", page)], ""));
        assert_eq!(
            comparison
                .union_unshown
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>(),
            ["Shape.side: a property of a variant the union page does not show"]
        );
        assert_eq!(
            mismatch_texts(&comparison),
            [
                "Shape.radius: type: oracle number, docs integer",
                "Shape.corner: no such property in the oracle"
            ]
        );
        assert_eq!(
            (comparison.models_compared, comparison.fields_compared),
            (0, 0)
        );
    }

    #[test]
    fn a_model_made_of_an_inline_schema_is_compared_with_its_properties() {
        let oracle =
            Oracle::from_document(json!({ "openapi": "3.0.3", "components": { "schemas": {
            "Garage": { "type": "object", "properties": {
                "inline_all_of": { "allOf": [ { "$ref": "#/components/schemas/Address" } ] },
                "inline_one_of": { "oneOf": [ { "$ref": "#/components/schemas/Address" },
                                              { "type": "string" } ] } } },
            "Address": { "type": "object", "required": ["street"], "properties": {
                "street": { "type": "string" }, "country_code": { "type": "string" } } }
        } } }))
            .unwrap();
        // Ruby 6.x: the page `GarageInlineAllOf` with the snake_case attributes, whose JSON
        // name is the camelCase `[naming] wire` spells; the oneOf's page is not compared so.
        let garage = "| **inline_all_of** | [**GarageInlineAllOf**](GarageInlineAllOf.md) | | [optional] |\n\
                      | **inline_one_of** | [**GarageInlineOneOf**](GarageInlineOneOf.md) | | [optional] |\n";
        let inline =
            "| **street** | **str** | | |\n| **country_code** | **str** | | [optional] |\n";
        let comparison = oracle.compare(&model_of(
            &[
                ("Garage", garage),
                ("GarageInlineAllOf", inline),
                ("GarageInlineOneOf", inline),
                ("Address", inline),
            ],
            "",
        ));
        assert_eq!(
            mismatch_texts(&comparison),
            [
                "Address.countryCode: JSON name countryCode, oracle country_code (Name column \
                 country_code)",
                "Garage.inlineAllOf: JSON name inlineAllOf, oracle inline_all_of (Name column \
                 inline_all_of)",
                "Garage.inlineOneOf: JSON name inlineOneOf, oracle inline_one_of (Name column \
                 inline_one_of)",
                "GarageInlineAllOf.countryCode: JSON name countryCode, oracle country_code (Name \
                 column country_code)",
            ]
        );
        // Compared, not counted among the oracle's models.
        assert_eq!(
            (comparison.models_compared, comparison.fields_compared),
            (2, 4)
        );
    }

    #[test]
    fn a_discriminator_missing_from_a_model_it_maps_is_marked() {
        let oracle =
            Oracle::from_document(json!({ "openapi": "3.0.3", "components": { "schemas": {
            "Vehicle": { "oneOf": [ { "$ref": "#/components/schemas/Bike" } ],
                         "discriminator": { "propertyName": "kind" } },
            "Bike": { "type": "object", "required": ["kind"], "properties": {
                "kind": { "type": "string" }, "gears": { "type": "integer" } } },
            "Pet": { "type": "object", "required": ["petType"], "properties": {
                "petType": { "type": "string" }, "name": { "type": "string" } },
                "discriminator": { "propertyName": "petType",
                                   "mapping": { "cat": "#/components/schemas/Cat" } } },
            "Cat": { "allOf": [ { "$ref": "#/components/schemas/Pet" },
                                { "type": "object", "properties": {
                                    "lives": { "type": "integer" } } } ] },
            "Dog": { "type": "object", "properties": {
                "petType": { "type": "string" }, "bark": { "type": "string" } } }
        } } }))
            .unwrap();
        let comparison = oracle.compare(&model_of(
            &[
                ("Bike", "| **gears** | **int** | | [optional] |\n"),
                (
                    "Cat",
                    "| **name** | **str** | | [optional] |\n| **lives** | **int** | | [optional] |\n",
                ),
                // Mapped by no discriminator: its `petType` is only missing.
                ("Dog", "| **bark** | **str** | | [optional] |\n"),
            ],
            "",
        ));
        assert_eq!(
            mismatch_texts(&comparison),
            [
                "Bike.kind: in the oracle, not in the docs",
                "Cat.petType: in the oracle, not in the docs",
                "Dog.petType: in the oracle, not in the docs",
            ]
        );
        let marked: Vec<(&str, &str)> = (comparison.mapped_discriminators.iter())
            .map(|(model, key)| (model.as_str(), key.as_str()))
            .collect();
        assert_eq!(marked, [("Bike", "kind"), ("Cat", "petType")]);
        // Swagger 2.0: the discriminator is the property's name.
        let swagger = Oracle::from_document(json!({ "swagger": "2.0", "definitions": {
            "Pet": { "type": "object", "discriminator": "petType", "properties": {
                "petType": { "type": "string" }, "name": { "type": "string" } } },
            "Cat": { "allOf": [ { "$ref": "#/definitions/Pet" },
                                { "type": "object", "properties": {
                                    "lives": { "type": "integer" } } } ] }
        } }))
        .unwrap();
        let cat = "| **name** | **str** | | [optional] |\n| **lives** | **int** | | [optional] |\n";
        let comparison = swagger.compare(&model_of(&[("Cat", cat)], ""));
        assert!(
            (comparison.mapped_discriminators).contains(&("Cat".to_owned(), "petType".to_owned()))
        );
    }

    #[test]
    fn the_spec_documents_keep_the_schemas_validation_keywords() {
        let value = |schema: Value, seed| oracle().value(&schema, 0, seed).unwrap();
        for seed in 0..10 {
            let range = value(
                json!({ "type": "integer", "minimum": 1, "maximum": 10, "exclusiveMaximum": true }),
                seed,
            );
            assert!((1..10).contains(&range.as_i64().unwrap()), "{range}");
            let step = value(json!({ "type": "number", "multipleOf": 0.5 }), seed);
            assert_eq!(step.as_f64().unwrap() % 0.5, 0.0);
            let word = value(
                json!({ "type": "string", "pattern": "^[a-z]+$", "minLength": 1, "maxLength": 3 }),
                seed,
            );
            assert_eq!(word, json!("aaa"));
            let zip = value(json!({ "type": "string", "pattern": "^[0-9]{5}$" }), seed);
            assert_eq!(zip, json!("00000"));
            let float = value(json!({ "type": "number", "format": "float" }), seed);
            assert!(float.as_f64().unwrap().abs() < f64::from(f32::MAX));
        }
        // An `int64` takes 2^53 + 1, which must round-trip.
        let int64 = json!({ "type": "integer", "format": "int64" });
        assert!((0..5).any(|seed| value(int64.clone(), seed) == json!(9_007_199_254_740_993_i64)));
        assert_eq!(pattern_sample("^(a|b)$"), None);
    }

    #[test]
    fn a_number_of_unsaid_kind_is_listed_not_a_disagreement() {
        // TypeScript's `number` for the oracle's `number` (`weight`): not said to be a float.
        let address = "| **value** | **string** | | |\n| **weight** | **number** | | [optional] |\n| **via** | **string** | | |\n";
        let comparison = oracle().compare(&model_of(&[("Address", address)], ""));
        assert_eq!(comparison.mismatches, []);
        assert_eq!(
            comparison.numbers_of_unsaid_kind,
            ["Address.weight: number"]
        );
    }

    #[test]
    fn a_docs_model_matches_its_schema_whatever_the_letter_case() {
        let names: Vec<String> = [
            "IPRestriction",
            "identity",
            "Pin",
            "PIN",
            "123Numeric",
            "_UnderscoreModel",
            "model_lower_snake",
            "Error",
            "File",
            "ModelFile",
        ]
        .map(String::from)
        .to_vec();
        for (model, schema) in [
            ("IPRestriction", Some("IPRestriction")),
            // The templates' escapes: a leading digit, a reserved word, snake case, a leading `_`.
            ("Model123Numeric", Some("123Numeric")),
            ("UnderscoreModel", Some("_UnderscoreModel")),
            ("ModelLowerSnake", Some("model_lower_snake")),
            ("ModelError", Some("Error")),
            ("Error", Some("Error")),
            // A schema of the escaped name is that schema, not an escape.
            ("ModelFile", Some("ModelFile")),
            ("File", Some("File")),
            // Not the templates' rules: unpaired.
            ("Numeric123", None),
            ("ModelModelError", None),
            ("Underscore_Model", None),
            ("Errors", None),
            // Camelized by the template (Rust's).
            ("IpRestriction", Some("IPRestriction")),
            ("Identity", Some("identity")),
            ("Pin", Some("Pin")),
            // Two schemas differ from it in letter case alone: neither is taken.
            ("PiN", None),
            ("Other", None),
        ] {
            assert_eq!(matching_name(names.iter(), model), schema, "{model}");
        }
    }

    #[test]
    fn a_required_flag_the_docs_do_not_give_is_listed_not_a_disagreement() {
        // typescript-fetch's pages: every field optional, as the docs cannot say which are not.
        let address = "| **value** | **str** | | [optional] |\n| **weight** | **float** | | [optional] |\n| **via** | **str** | | [optional] |\n";
        let mut model = model_of(&[("Address", address)], "");
        for field in &mut model.models[0].fields {
            field.required_unknown = true;
        }
        let comparison = oracle().compare(&model);
        assert_eq!(comparison.mismatches, []);
        assert_eq!(
            comparison.required_unsaid,
            [
                "Address.value: required in the oracle",
                "Address.weight: optional in the oracle",
                "Address.via: required in the oracle"
            ]
        );
        // The same flags, said by the docs, are disagreements.
        for field in &mut model.models[0].fields {
            field.required_unknown = false;
        }
        assert_eq!(oracle().compare(&model).mismatches.len(), 2);
    }

    #[test]
    fn comparison_lists_every_disagreement() {
        let page = "| **id** | **str** | | |\n| **schema_id** | **str** | | [optional] |\n| **state** | **str** | | |\n\
            | **createdAt** | **datetime** | | [optional] |\n| **addresses** | **list[Address]** | | [optional] |\n\
            | **metadata** | **dict(str, int)** | | [optional] |\n| **traits** | **object** | | [optional] |\n";
        let address = "| **value** | **str** | | |\n| **weight** | **float** | | [optional] |\n| **via** | **str** | | |\n";
        let model = model_of(
            &[("Identity", page), ("Address", address)],
            "[models.Identity.fields.state]\nenum = [\"active\"]\n\n\
             [models.Identity.fields.schema_id]\nwire_name = \"schema_id\"\n\n\
             [models.Address.fields.via]\nenum = [\"email\", \"sms\"]\n",
        );
        let comparison = oracle().compare(&model);
        assert_eq!(
            mismatch_texts(&comparison),
            [
                "Identity.schema_id: required in the oracle, optional in the docs",
                r#"Identity.state: enum values: oracle ["active","inactive"], docs ["active"]"#,
                // One property under another JSON name: paired, not two mismatches.
                "Identity.createdAt: JSON name createdAt, oracle created_at (Name column createdAt)",
                "Identity.credentials: in the oracle, not in the docs",
            ]
        );
        assert_eq!(
            (
                comparison.docs_models,
                comparison.oracle_models,
                comparison.models_compared
            ),
            (2, 3, 2)
        );
        assert_eq!((comparison.docs_enums, comparison.oracle_enums), (2, 2));
        assert_eq!(comparison.models_only_in_oracle, ["base"]);
        assert!(!comparison.mismatches.is_empty());
    }

    #[test]
    fn a_property_under_a_spelled_out_name_is_paired() {
        let model = model_of(
            &[("Pet", "| **at_type** | **str** | | [optional] |\n")],
            "[naming]\nwire = \"as-written\"\n",
        );
        let oracle =
            Oracle::from_document(json!({ "openapi": "3.0.3", "components": { "schemas": {
            "Pet": { "type": "object", "properties": { "@type": { "type": "string" } } }
        } } }))
            .unwrap();
        assert_eq!(
            mismatch_texts(&oracle.compare(&model)),
            ["Pet.at_type: JSON name at_type, oracle @type (Name column at_type)"]
        );
    }

    #[test]
    fn a_name_spells_a_json_name_with_its_special_characters_spelled_out_or_dropped() {
        for (read, json, spelled) in [
            ("questionQuestionMark", "question?", true),
            ("question", "question?", true),
            ("plusPlusSign", "plus+sign", true),
            ("nameColonColon", "name:colon", true),
            ("slash_slash_name", "slash/name", true),
            ("xMinusTotalMinusCount", "x-total-count", true),
            ("xTotalMinusCount", "x-total-count", true),
            ("atType", "@type", true),
            ("Dollarref", "$ref", true),
            ("2ndUnderscoreplace", "2nd_place", true),
            ("aLessThanOrEqualToB", "a<=b", true),
            ("éaccent", "é_accent", true),
            // Letters and digits are kept, in order; only a special character's own word.
            ("questionMark", "question?", false),
            ("plusMinusSign", "plus+sign", false),
            ("typeAt", "@type", false),
            ("2ndplaces", "2nd_place", false),
            ("", "?", true),
        ] {
            assert_eq!(spells(&erased(read), json), spelled, "{read} for {json}");
        }
    }

    #[test]
    fn swagger_definitions_and_3_1_null_types_are_read() {
        let swagger = Oracle::from_document(json!({
            "swagger": "2.0",
            "definitions": {
                "Pet": { "type": "object", "required": ["id"], "properties": {
                    "id": { "type": "integer", "format": "int64" },
                    "tag": { "type": "string", "x-nullable": true },
                    "owner": { "$ref": "#/definitions/Owner" }
                } },
                "Owner": { "type": "object", "properties": { "name": { "type": ["string", "null"] } } }
            }
        }))
        .unwrap();
        let document = swagger.document("Pet", 0).unwrap();
        assert!(document["id"].is_i64() && document["owner"].is_object());
        let pet = &swagger.object_models()["Pet"];
        assert_eq!(pet["owner"].shape, Shape::Object(Some("Owner".to_owned())));
        assert!(pet["tag"].nullable && !pet["id"].nullable);
        let owner = &swagger.object_models()["Owner"];
        assert_eq!(owner["name"].shape, Shape::String(None));
        assert!(owner["name"].nullable);
        assert!(Oracle::from_document(json!({ "swagger": "2.0" })).is_err());
    }

    #[test]
    fn a_type_that_says_less_is_listed_and_another_type_is_a_mismatch() {
        let primitive = |primitive| BaseType::Primitive(primitive);
        let date = Shape::String(Some("date".to_owned()));
        assert_eq!(
            type_verdict(&date, &[], &primitive(Primitive::Date)),
            TypeVerdict::Exact
        );
        assert!(matches!(
            type_verdict(&date, &[], &primitive(Primitive::String)),
            TypeVerdict::SaysLess(_)
        ));
        assert_eq!(
            type_verdict(&date, &[], &primitive(Primitive::Integer)),
            TypeVerdict::Contradicts
        );
        let grid = Shape::Array(Box::new(Shape::Array(Box::new(Shape::Integer))));
        let lists = [Container::List, Container::List];
        assert_eq!(
            type_verdict(&grid, &lists, &primitive(Primitive::Integer)),
            TypeVerdict::Exact
        );
        assert!(matches!(
            type_verdict(&grid, &lists, &primitive(Primitive::Number)),
            TypeVerdict::SaysLess(_)
        ));
        assert_eq!(
            type_verdict(&grid, &lists[..1], &primitive(Primitive::Integer)),
            TypeVerdict::Contradicts
        );
        // A named schema is its own model, whatever the template did to the name's case.
        let owner = Shape::Object(Some("IPOwner".to_owned()));
        let model = |name: &str| BaseType::Model {
            rust_name: name.to_owned(),
            boxed: false,
        };
        assert_eq!(
            type_verdict(&owner, &[], &model("IpOwner")),
            TypeVerdict::Exact
        );
        assert_eq!(
            type_verdict(&owner, &[], &model("Pet")),
            TypeVerdict::Contradicts
        );
    }

    #[test]
    fn the_oracle_is_found_in_the_docs_folder_or_its_parent() {
        let root = std::env::temp_dir().join(format!("xtask-oracle-{}", std::process::id()));
        fs::create_dir_all(root.join("python")).unwrap();
        assert_eq!(Oracle::find(&root.join("python")), None);
        fs::write(root.join("openapi.json"), "{}").unwrap();
        assert_eq!(
            Oracle::find(&root.join("python")),
            Some(root.join("openapi.json"))
        );
        assert_eq!(Oracle::find(&root), Some(root.join("openapi.json")));
        fs::remove_dir_all(&root).unwrap();
    }
}

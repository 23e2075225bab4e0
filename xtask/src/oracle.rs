//! An independent oracle for conformance: the OpenAPI document that a docs folder was generated
//! from (Ory ships `openapi.json` beside its per-language docs folders). The generator never
//! reads it; conformance does, to check the crate made from the Markdown against it.
//!
//! [`Oracle`] reads `components.schemas` and, for a model of the docs, synthesizes a JSON
//! document from the schema of the same name (`identity` is the page `Identity`): true wire
//! names, required fields, enum values, nested objects, arrays and maps, `$ref`s followed,
//! `allOf` merged, the first non-null variant of `oneOf` / `anyOf` taken. [`Oracle::compare`]
//! lists where the type model and the schemas disagree: models, fields, required flags, enums.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use markdown_model_codegen::model::{BaseType, ModelKind, Primitive, TypeModel};
use serde_json::{Map, Value, json};

use crate::synth::primitive_value;

/// Nested objects up to this depth get every property; deeper ones only the required ones.
const FULL_DEPTH: usize = 1;
/// Past this depth no further object is nested.
const MAX_DEPTH: usize = 8;

/// The schemas of an OpenAPI document.
pub struct Oracle {
    schemas: Map<String, Value>,
}

/// What the oracle says of one property.
#[derive(Debug, Clone, PartialEq, Eq)]
struct OracleField {
    required: bool,
    enum_values: Option<Vec<String>>,
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

    /// The oracle of a parsed OpenAPI document.
    pub fn from_document(mut document: Value) -> Result<Self> {
        match document.pointer_mut("/components/schemas").map(Value::take) {
            Some(Value::Object(schemas)) => Ok(Self { schemas }),
            _ => bail!("no components.schemas object"),
        }
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

    /// Follows `$ref`s (to `#/components/schemas/...`), at most a few in a row.
    fn resolve<'a>(&'a self, mut schema: &'a Value) -> &'a Value {
        for _ in 0..MAX_DEPTH {
            match schema
                .get("$ref")
                .and_then(Value::as_str)
                .and_then(|reference| {
                    reference
                        .strip_prefix("#/components/schemas/")
                        .and_then(|name| self.schemas.get(name))
                }) {
                Some(target) => schema = target,
                None => break,
            }
        }
        schema
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
    fn enum_values(&self, schema: &Value) -> Option<Vec<String>> {
        let schema = self.chosen(schema);
        if let Some(values) = schema.get("enum").and_then(Value::as_array) {
            return Some(
                values
                    .iter()
                    .filter_map(Value::as_str)
                    .map(str::to_owned)
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
        Some(match Self::type_name(schema) {
            Some("array") => match schema.get("items") {
                Some(items) if depth < MAX_DEPTH => match self.value(items, depth + 1, seed) {
                    Some(item) => json!([item]),
                    None => json!([]),
                },
                _ => json!([]),
            },
            Some("string") => match schema.get("format").and_then(Value::as_str) {
                Some("date-time") => primitive_value(Primitive::Datetime, seed),
                Some("date") => primitive_value(Primitive::Date, seed),
                Some("uuid") => json!("9f8e7d6c-5b4a-4321-8fed-cba987654321"),
                _ => primitive_value(Primitive::Str, seed),
            },
            // An `int32` holds no 2^53 + 1.
            Some("integer") if schema.get("format") == Some(&json!("int32")) => json!(-3),
            Some("integer") => primitive_value(Primitive::Int, seed),
            Some("number") => primitive_value(Primitive::Float, seed),
            Some("boolean") => primitive_value(Primitive::Bool, seed),
            // No type: any JSON value.
            _ => json!("any"),
        })
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
                let fields = properties
                    .into_iter()
                    .map(|(field, property)| {
                        (
                            field.to_owned(),
                            OracleField {
                                required: required.contains(field),
                                enum_values: self.enum_values(property),
                            },
                        )
                    })
                    .collect();
                (upper_first(name), fields)
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
        for item in &model.models {
            let Some(fields) = matching_name(oracle.keys(), &item.name).map(|name| {
                matched.insert(name);
                &oracle[name]
            }) else {
                comparison.models_only_in_docs.push(item.name.clone());
                continue;
            };
            comparison.models_compared += 1;
            for field in &item.fields {
                let at = format!("{}.{}", item.name, field.wire_name);
                let Some(facts) = fields.get(&field.wire_name) else {
                    comparison
                        .mismatches
                        .push(format!("{at}: no such property in the oracle"));
                    continue;
                };
                comparison.fields_compared += 1;
                if field.ty.base == BaseType::Primitive(Primitive::Number) {
                    comparison
                        .numbers_of_unsaid_kind
                        .push(format!("{at}: {}", field.ty.expr));
                }
                if field.required_unknown {
                    comparison.required_unsaid.push(format!(
                        "{at}: {} in the oracle",
                        required_word(facts.required)
                    ));
                } else if facts.required != field.required {
                    comparison.mismatches.push(format!(
                        "{at}: {} in the oracle, {} in the docs",
                        required_word(facts.required),
                        required_word(field.required)
                    ));
                }
                // A field's own enum, or the enum page its type names.
                let docs_enum = match &field.ty.base {
                    BaseType::SharedEnum { rust_name } => model
                        .models
                        .iter()
                        .find(|page| &page.rust_name == rust_name)
                        .and_then(|page| match &page.kind {
                            ModelKind::Enum(values) => Some(values),
                            ModelKind::Struct => None,
                        }),
                    _ => item
                        .enums
                        .iter()
                        .find(|enum_type| enum_type.field == field.doc_name),
                };
                let docs_values: Option<Vec<&str>> = docs_enum.map(|enum_type| {
                    enum_type
                        .variants
                        .iter()
                        .map(|variant| variant.value.as_str())
                        .collect()
                });
                let oracle_values: Option<Vec<&str>> = facts
                    .enum_values
                    .as_ref()
                    .map(|values| values.iter().map(String::as_str).collect());
                // A plain string, or any JSON value (Ruby's enum pages list no values).
                let plain_string = docs_values.is_none()
                    && matches!(
                        field.ty.base,
                        BaseType::Primitive(Primitive::Str | Primitive::Object)
                    );
                if plain_string && oracle_values.is_some() {
                    // An enum the docs do not list: they show a plain string or any JSON value.
                    comparison.enums_the_docs_do_not_list.push(format!(
                        "{at}: oracle {}",
                        values_text(oracle_values.as_deref())
                    ));
                } else if docs_values != oracle_values {
                    comparison.mismatches.push(format!(
                        "{at}: enum values: oracle {}, docs {}",
                        values_text(oracle_values.as_deref()),
                        values_text(docs_values.as_deref())
                    ));
                }
            }
            for name in fields.keys() {
                if !item.fields.iter().any(|field| &field.wire_name == name) {
                    comparison.mismatches.push(format!(
                        "{}.{name}: in the oracle, not in the docs",
                        item.name
                    ));
                }
            }
        }
        comparison.models_only_in_oracle = oracle
            .keys()
            .filter(|name| !matched.contains(name.as_str()))
            .cloned()
            .collect();
        comparison
    }
}

/// Among `names` (schema names), the one of the docs model `model`: the same name; else one whose
/// first letter is lower case; else the only one that differs from it in letter case alone
/// (templates that camelize names write `IPRestriction` as `IpRestriction`).
fn matching_name<'a>(
    names: impl Iterator<Item = &'a String> + Clone,
    model: &str,
) -> Option<&'a str> {
    let mut names_in_any_case = names
        .clone()
        .filter(|name| name.eq_ignore_ascii_case(model));
    names
        .clone()
        .find(|name| name.as_str() == model)
        .or_else(|| names.clone().find(|name| upper_first(name) == model))
        .or_else(|| {
            let only = names_in_any_case.next()?;
            names_in_any_case.next().is_none().then_some(only)
        })
        .map(String::as_str)
}

fn upper_first(name: &str) -> String {
    let mut chars = name.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

fn required_word(required: bool) -> &'static str {
    if required { "required" } else { "optional" }
}

fn values_text(values: Option<&[&str]>) -> String {
    values.map_or_else(|| "none".to_owned(), |values| format!("{values:?}"))
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
    /// Enumerated fields in the type model.
    pub docs_enums: usize,
    /// Properties with enum values in the oracle.
    pub oracle_enums: usize,
    /// Models of the docs without an object schema (a composition or enum schema, or an inline one).
    pub models_only_in_docs: Vec<String>,
    /// Object schemas without a model in the docs.
    pub models_only_in_oracle: Vec<String>,
    /// Every disagreement on a compared model: a field, a required flag, enum values.
    pub mismatches: Vec<String>,
    /// Properties whose values the oracle enumerates but the docs show as a plain string or any
    /// JSON value (an inline enum, or Ruby's enum pages, whose values the templates do not
    /// list): counted and listed, not a disagreement, since no reader of the docs can know them.
    pub enums_the_docs_do_not_list: Vec<String>,
    /// Fields the docs type as a bare `number` (TypeScript's), which says neither integer nor
    /// float: generated as `serde_json::Number`; counted and listed, not a disagreement.
    pub numbers_of_unsaid_kind: Vec<String>,
    /// Fields the docs do not say are required or optional (typescript-fetch's pages): generated
    /// as optional; counted and listed, not a disagreement.
    pub required_unsaid: Vec<String>,
}

impl Comparison {
    /// Whether the docs and the oracle agree on every compared model.
    pub fn agrees(&self) -> bool {
        self.mismatches.is_empty()
    }
}

impl fmt::Display for Comparison {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "models: docs {}, oracle {}, compared {}; fields: docs {}, oracle {}, compared {}; \
             enums: docs {}, oracle {}, inline enums the docs do not list {}; \
             numbers the docs do not say are integers or floats {}; \
             fields the docs do not say are required or optional {}; mismatches: {}",
            self.docs_models,
            self.oracle_models,
            self.models_compared,
            self.docs_fields,
            self.oracle_fields,
            self.fields_compared,
            self.docs_enums,
            self.oracle_enums,
            self.enums_the_docs_do_not_list.len(),
            self.numbers_of_unsaid_kind.len(),
            self.required_unsaid.len(),
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
        for unlisted in &self.enums_the_docs_do_not_list {
            writeln!(f, "inline enum the docs do not list: {unlisted}")?;
        }
        for number in &self.numbers_of_unsaid_kind {
            writeln!(
                f,
                "number the docs do not say is an integer or a float: {number}"
            )?;
        }
        for field in &self.required_unsaid {
            writeln!(
                f,
                "field the docs do not say is required or optional: {field}"
            )?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::synth::tests::model_of;

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
        assert_eq!(comparison.mismatches, Vec::<String>::new());
        assert_eq!(
            comparison.enums_the_docs_do_not_list,
            [r#"Address.via: oracle ["email", "sms"]"#]
        );
        let wrapped = json!({ "allOf": [ { "$ref": "#/components/schemas/identityState" } ], "description": "State." });
        assert_eq!(
            oracle().enum_values(&wrapped),
            Some(vec!["active".to_owned(), "inactive".to_owned()])
        );
        assert_eq!(oracle().value(&wrapped, 0, 1), Some(json!("inactive")));
    }

    #[test]
    fn a_number_of_unsaid_kind_is_listed_not_a_disagreement() {
        // TypeScript's `number` for the oracle's `number` (`weight`): not said to be a float.
        let address = "| **value** | **string** | | |\n| **weight** | **number** | | [optional] |\n| **via** | **string** | | |\n";
        let comparison = oracle().compare(&model_of(&[("Address", address)], ""));
        assert_eq!(comparison.mismatches, Vec::<String>::new());
        assert_eq!(
            comparison.numbers_of_unsaid_kind,
            ["Address.weight: number"]
        );
    }

    #[test]
    fn a_docs_model_matches_its_schema_whatever_the_letter_case() {
        let names: Vec<String> = ["IPRestriction", "identity", "Pin", "PIN"]
            .map(String::from)
            .to_vec();
        for (model, schema) in [
            ("IPRestriction", Some("IPRestriction")),
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
        assert_eq!(comparison.mismatches, Vec::<String>::new());
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
            comparison.mismatches,
            [
                "Identity.schema_id: required in the oracle, optional in the docs",
                r#"Identity.state: enum values: oracle ["active", "inactive"], docs ["active"]"#,
                "Identity.createdAt: no such property in the oracle",
                "Identity.created_at: in the oracle, not in the docs",
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
        assert_eq!(comparison.models_only_in_oracle, ["Base"]);
        assert!(!comparison.agrees());
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

//! JSON documents synthesized from the type model, for round-trip checks: every field present
//! under its wire name, nested models to a bounded depth, every value of every enum and one value
//! no enum lists, and the values real JSON has that tidy samples avoid (negative and 2^53+1
//! integers, whole-number floats, date-times with `.120` fractions and `+02:00` offsets, strings
//! with quotes, escapes, emoji and U+2028).
//!
//! What this proves, and what it cannot: a document is built from the very type model under test
//! (its wire names, its required flags, its enum values), so a wrong JSON name or a field wrongly
//! marked required passes here. It proves that the generated serde impls read back what they
//! write, for every field and every hard value, and that each listed enum value reaches its own
//! variant. Whether the types match the API is checked against independent data: the SDK's
//! Python modules for the shipped spec (`tests/tests/sdk_models.rs`) and the OpenAPI document of
//! a docs folder that has one ([`crate::oracle`]).

use std::collections::HashMap;

use anyhow::{Result, bail};
use markdown_model_codegen::model::{
    BaseType, Container, EnumKind, EnumType, FieldType, Model, ModelKind, OneOfType, Primitive,
    TypeModel,
};
use serde_json::{Map, Value, json};

/// Nested models up to this depth get every field; deeper ones only their required fields.
const FULL_DEPTH: usize = 1;
/// Past this depth no further model is nested (a required field there stays absent).
const MAX_DEPTH: usize = 8;

/// One synthesized document and what deserializing it must show.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    /// The model's doc name.
    pub model: String,
    /// The JSON document.
    pub document: Value,
    /// Text that the `Debug` output of the deserialized value must contain: an undocumented
    /// enum value in the enum's catch-all variant (`Other("undocumented-value")`).
    pub present: Vec<String>,
    /// Text that it must not contain: a documented value in the catch-all (`Other("voice")`),
    /// which would mean the value missed its own variant.
    pub absent: Vec<String>,
}

/// The documents of every model, in model order: for each model one with every field (and, when
/// it has required nullable fields, one with them `null`), and when
/// it has enums, one per enum value index (the `k`-th value of each of its enums, or a value none
/// lists once an enum has fewer values), so that every value is tried.
///
/// Fails when a field's type is an enum the model does not define: there is no value to try.
pub fn documents(model: &TypeModel) -> Result<Vec<Document>> {
    let synthesizer = Synthesizer::new(model);
    let mut documents = Vec::new();
    for (position, item) in model.models.iter().enumerate() {
        if let ModelKind::Enum(values) = &item.kind {
            documents.extend(enum_page_documents(&item.name, values));
            continue;
        }
        if let ModelKind::OneOf(one_of) = &item.kind {
            // A document of each variant, which must reach that variant.
            for index in 0..one_of.variants.len() {
                documents.push(Document {
                    model: item.name.clone(),
                    document: synthesizer.one_of_value(one_of, index, 0, position + index)?,
                    present: vec![format!("{}(", one_of.variants[index].rust_name)],
                    absent: vec![format!("{}(", one_of.catch_all)],
                });
            }
            continue;
        }
        let document = synthesizer.object(item, 0, position, None)?;
        // A required field that may be `null`: once `null`, which must come back as `null`.
        let nullable: Vec<&str> = item
            .fields
            .iter()
            .filter(|field| field.required && field.nullable)
            .map(|field| field.wire_name.as_str())
            .collect();
        if !nullable.is_empty() {
            let mut nulls = document.clone();
            for wire_name in nullable {
                nulls[wire_name] = Value::Null;
            }
            documents.push(Document {
                model: item.name.clone(),
                document: nulls,
                present: Vec::new(),
                absent: Vec::new(),
            });
        }
        documents.push(Document {
            model: item.name.clone(),
            document,
            present: Vec::new(),
            absent: Vec::new(),
        });
        let rounds = item
            .enums
            .iter()
            .map(|item| item.variants.len() + 1)
            .max()
            .unwrap_or(0);
        for round in 0..rounds {
            let mut present = Vec::new();
            let mut absent = Vec::new();
            for enum_type in &item.enums {
                match enum_type.variants.get(round) {
                    Some(variant) => absent.push(catch_all_debug(enum_type, &variant.value)),
                    None => present.push(catch_all_debug(enum_type, &unknown_value(enum_type))),
                }
            }
            documents.push(Document {
                model: item.name.clone(),
                document: synthesizer.object(item, 0, position + round, Some(round))?,
                present,
                absent,
            });
        }
    }
    Ok(documents)
}

/// A document of `item` from elsewhere (the spec's): it must come back unchanged, and a oneOf's
/// must read as one of its variants, not be kept in the catch-all.
pub fn outside_document(item: &Model, document: Value) -> Document {
    let absent = match &item.kind {
        ModelKind::OneOf(one_of) => vec![format!("{}(", one_of.catch_all)],
        ModelKind::Struct | ModelKind::Enum(_) => Vec::new(),
    };
    Document {
        model: item.name.clone(),
        document,
        present: Vec::new(),
        absent,
    }
}

/// The documents of an enum page: each value (which must reach its own variant) and a value it
/// does not list (which must land in the catch-all).
fn enum_page_documents(model: &str, values: &EnumType) -> Vec<Document> {
    let unknown = unknown_value(values);
    values
        .variants
        .iter()
        .map(|variant| Document {
            model: model.to_owned(),
            document: wire_value(values, &variant.value),
            present: Vec::new(),
            absent: vec![catch_all_debug(values, &variant.value)],
        })
        .chain([Document {
            model: model.to_owned(),
            document: wire_value(values, &unknown),
            present: vec![catch_all_debug(values, &unknown)],
            absent: Vec::new(),
        }])
        .collect()
}

/// How the catch-all variant holding `value` prints with `Debug`: `Other("value")`, `Other(-1)`,
/// `Other(1.5)`.
fn catch_all_debug(enum_type: &EnumType, value: &str) -> String {
    let catch_all = &enum_type.catch_all;
    match enum_type.kind {
        EnumKind::String => format!("{catch_all}({value:?})"),
        EnumKind::Integer => format!("{catch_all}({value})"),
        EnumKind::Number => match value.parse::<f64>() {
            Ok(number) => format!("{catch_all}({number:?})"),
            Err(_) => format!("{catch_all}({value})"),
        },
    }
}

/// The JSON value of one of the enum's values (a string, or a number's literal).
pub fn wire_value(enum_type: &EnumType, value: &str) -> Value {
    let number = match enum_type.kind {
        EnumKind::String => None,
        EnumKind::Integer => value.parse::<i64>().ok().map(Value::from),
        EnumKind::Number => value.parse::<f64>().ok().map(Value::from),
    };
    number.unwrap_or_else(|| Value::from(value))
}

/// A value the enum does not list (a string, or for a number enum a number's literal).
pub fn unknown_value(enum_type: &EnumType) -> String {
    let listed = |value: &str| {
        enum_type
            .variants
            .iter()
            .any(|variant| wire_value(enum_type, &variant.value) == wire_value(enum_type, value))
    };
    let mut value = match enum_type.kind {
        EnumKind::String => "undocumented-value".to_owned(),
        EnumKind::Integer | EnumKind::Number => "987654321".to_owned(),
    };
    while listed(&value) {
        match enum_type.kind {
            EnumKind::String => value.push('+'),
            EnumKind::Integer | EnumKind::Number => value.insert(0, '1'),
        }
    }
    value
}

/// Values of the type model's types.
pub struct Synthesizer<'a> {
    by_rust_name: HashMap<&'a str, &'a Model>,
}

impl<'a> Synthesizer<'a> {
    /// The synthesizer of `model`'s types.
    pub fn new(model: &'a TypeModel) -> Self {
        Synthesizer {
            by_rust_name: model
                .models
                .iter()
                .map(|item| (item.rust_name.as_str(), item))
                .collect(),
        }
    }

    /// A value of `ty` (a request body's type, say): models with every field, as [`documents`]
    /// builds them, primitives and containers as fields' values. `None` for an enum of a model's
    /// own (the caller knows its values) or a model nested too deep.
    pub fn value_of(&self, ty: &FieldType, seed: usize) -> Result<Option<Value>> {
        self.value(ty, None, 0, seed)
    }

    /// A value of a oneOf's variant `index`: its discriminator (when the docs name one) set to
    /// the variant's first value of it.
    fn one_of_value(
        &self,
        one_of: &OneOfType,
        index: usize,
        depth: usize,
        seed: usize,
    ) -> Result<Value> {
        let variant = &one_of.variants[index];
        let mut value = self
            .value(&variant.ty, None, depth, seed)?
            .unwrap_or(Value::Null);
        // Of a struct that keeps unknown keys, only its fields' keys: another variant's
        // document would have those.
        if let (BaseType::Model { rust_name, .. }, true, Value::Object(object)) =
            (&variant.ty.base, variant.by_fields, &mut value)
            && let Some(target) = self.by_rust_name.get(rust_name.as_str())
        {
            object.retain(|key, _| target.fields.iter().any(|field| &field.wire_name == key));
        }
        if let (Some(property), Some(tag), Value::Object(object)) =
            (&one_of.discriminator, variant.tags.first(), &mut value)
        {
            object.insert(property.clone(), json!(tag));
        }
        Ok(value)
    }

    /// The object of `model` (for a oneOf, a value of a variant the seed picks); `round` picks
    /// the enum values of its own fields (nested models take one picked by the seed).
    fn object(
        &self,
        model: &Model,
        depth: usize,
        seed: usize,
        round: Option<usize>,
    ) -> Result<Value> {
        if let ModelKind::OneOf(one_of) = &model.kind {
            return self.one_of_value(one_of, seed % one_of.variants.len().max(1), depth, seed);
        }
        let mut object = Map::new();
        for (index, field) in model.fields.iter().enumerate() {
            if depth > FULL_DEPTH && !field.required {
                continue;
            }
            let seed = seed + index;
            let enum_value = match &field.ty.base {
                BaseType::Enum { .. } => {
                    let Some(enum_type) =
                        model.enums.iter().find(|item| item.field == field.doc_name)
                    else {
                        bail!(
                            "{}.{}: the field's type is an enum the model does not define",
                            model.name,
                            field.doc_name
                        );
                    };
                    let pick = round.unwrap_or(seed % enum_type.variants.len().max(1));
                    Some(match enum_type.variants.get(pick) {
                        Some(variant) => wire_value(enum_type, &variant.value),
                        None => wire_value(enum_type, &unknown_value(enum_type)),
                    })
                }
                _ => None,
            };
            if let Some(value) = self.value(&field.ty, enum_value, depth, seed)? {
                object.insert(field.wire_name.clone(), value);
            }
        }
        // A key no field names, kept by a model that keeps extra keys.
        if let Some(extra) = &model.additional_properties
            && let Some(value) = self.value(&extra.ty, None, depth, seed + model.fields.len())?
        {
            let mut key = "extra".to_owned();
            while model.fields.iter().any(|field| field.wire_name == key) {
                key.push('_');
            }
            object.insert(key, value);
        }
        Ok(Value::Object(object))
    }

    fn value(
        &self,
        ty: &FieldType,
        enum_value: Option<Value>,
        depth: usize,
        seed: usize,
    ) -> Result<Option<Value>> {
        let mut value = match &ty.base {
            BaseType::Primitive(primitive) => Some(primitive_value(*primitive, seed)),
            BaseType::Enum { .. } => enum_value,
            BaseType::Model { rust_name, .. } if depth < MAX_DEPTH => {
                match self.by_rust_name.get(rust_name.as_str()) {
                    Some(target) => Some(self.object(target, depth + 1, seed, None)?),
                    None => bail!("no model has the Rust name {rust_name}"),
                }
            }
            BaseType::Model { .. } => None,
            BaseType::SharedEnum { rust_name } => match self
                .by_rust_name
                .get(rust_name.as_str())
                .map(|target| &target.kind)
            {
                Some(ModelKind::Enum(values)) => values
                    .variants
                    .get(seed % values.variants.len().max(1))
                    .map(|variant| wire_value(values, &variant.value))
                    .or_else(|| Some(wire_value(values, &unknown_value(values)))),
                _ => bail!("no enum page has the Rust name {rust_name}"),
            },
        };
        for container in ty.containers.iter().rev() {
            value = Some(match (container, value) {
                (Container::List, Some(element)) => json!([element]),
                (Container::List, None) => json!([]),
                (Container::Map, Some(element)) => json!({ HARD_KEY: element }),
                (Container::Map, None) => json!({}),
            });
        }
        Ok(value)
    }
}

/// A map key with a quote, an escape, an emoji and a line separator.
const HARD_KEY: &str = "key \"1\"\\ 😀\u{2028}";

/// Strings a JSON reader or writer can get wrong: quotes and backslashes, control characters,
/// emoji (a surrogate pair when escaped), U+2028 (JavaScript's line separator), the empty string.
const STRINGS: [&str; 4] = [
    "quote \" backslash \\ slash / tab \t newline \n nul \u{0}",
    "emoji 😀 and U+2028 \u{2028} and U+2029 \u{2029}",
    "",
    "plain",
];
/// Integers: negative, 2^53 + 1 (no f64 holds it), zero, the extremes of i64.
const INTS: [i64; 5] = [-3, 9_007_199_254_740_993, 0, i64::MAX, i64::MIN];
/// RFC 3339 date-times: a fraction with a trailing zero, offsets east and west, no fraction,
/// nanoseconds.
const DATE_TIMES: [&str; 5] = [
    "2021-09-30T12:00:00.120Z",
    "2021-09-30T14:00:00+02:00",
    "2021-09-30T06:30:00.5-05:30",
    "2021-09-30T12:34:56Z",
    "2021-09-30T12:34:56.123456789Z",
];
/// Local date-times: with a trailing zero in the fraction, and without a fraction.
const LOCAL_DATE_TIMES: [&str; 2] = ["2021-09-30T12:00:00.120", "2021-09-30T12:34:56"];

/// A value of a primitive in its wire format, chosen among the hard cases by `seed`.
pub fn primitive_value(primitive: Primitive, seed: usize) -> Value {
    match primitive {
        Primitive::String => json!(format!("{} {seed}", STRINGS[seed % STRINGS.len()])),
        Primitive::Integer => json!(INTS[seed % INTS.len()]),
        // A whole number written without a fraction, as JSON writers do, then fractions.
        Primitive::Float => match seed % 4 {
            0 => json!(5),
            1 => json!(-0.25),
            2 => json!(1.5e300),
            _ => json!(seed as f64 + 0.5),
        },
        Primitive::Boolean => json!(seed.is_multiple_of(2)),
        Primitive::Date => json!("2021-09-30"),
        Primitive::DateTime => json!(DATE_TIMES[seed % DATE_TIMES.len()]),
        Primitive::Any => json!({ "any": ["json", -1, 2.5, true, null, { HARD_KEY: [] }] }),
        Primitive::LocalDateTime => json!(LOCAL_DATE_TIMES[seed % LOCAL_DATE_TIMES.len()]),
        Primitive::YearMonth => json!("2021-09"),
        // Integers and fractions alike: the docs do not say which.
        Primitive::Number if seed.is_multiple_of(2) => {
            primitive_value(Primitive::Integer, seed / 2)
        }
        Primitive::Number => primitive_value(Primitive::Float, seed / 2),
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// The type model of a small spec written to a temporary folder: `(name, table rows)` pages.
    pub(crate) fn model_of(pages: &[(&str, &str)], config: &str) -> TypeModel {
        let dir = tempfile::tempdir().unwrap();
        for (name, rows) in pages {
            let page = format!(
                "# {name}\n\n## {name}\n\n## Properties\n\n|Name | Type | Description | Notes|\n\
                 |------------ | ------------- | ------------- | -------------|\n{rows}"
            );
            std::fs::write(dir.path().join(format!("{name}.md")), page).unwrap();
        }
        std::fs::write(dir.path().join("codegen.toml"), config).unwrap();
        match markdown_model_codegen::load(dir.path(), None) {
            Ok(markdown_model_codegen::Loaded { model, .. }) => model,
            Err(failure) => panic!("{}", failure.render()),
        }
    }

    const EVERYTHING: &str = "| **a** | **str** | | [optional] |\n| **b** | **int** | | [optional] |\n| **c** | **float** | | [optional] |\n\
        | **d** | **datetime** | | [optional] |\n| **e** | **str** | | [optional] |\n| **f** | **list[str]** | | [optional] |\n";

    #[test]
    fn every_enum_value_and_an_unknown_one_are_tried() {
        let model = model_of(
            &[("Everything", EVERYTHING)],
            "[models.Everything.fields.e]\nenum = [\"x\", \"y\", \"z\"]\n\n\
             [models.Everything.fields.f]\nenum = [\"p\"]\n",
        );
        let documents = documents(&model).unwrap();
        // One with every field, then one per value index: three values and an unknown one.
        assert_eq!(documents.len(), 5);
        let values = |wire: &str| -> Vec<Value> {
            documents[1..]
                .iter()
                .map(|document| document.document[wire].clone())
                .collect()
        };
        assert_eq!(
            values("e"),
            [
                json!("x"),
                json!("y"),
                json!("z"),
                json!("undocumented-value")
            ]
        );
        assert_eq!(
            values("f"),
            [
                json!(["p"]),
                json!(["undocumented-value"]),
                json!(["undocumented-value"]),
                json!(["undocumented-value"])
            ]
        );
        assert_eq!(documents[1].absent, [r#"Other("x")"#, r#"Other("p")"#]);
        assert_eq!(documents[2].present, [r#"Other("undocumented-value")"#]);
        assert_eq!(documents[4].present.len(), 2);
    }

    #[test]
    fn the_unknown_value_is_not_a_listed_one() {
        let model = model_of(
            &[("Everything", EVERYTHING)],
            "[models.Everything.fields.e]\nenum = [\"undocumented-value\", \"undocumented-value+\"]\n",
        );
        assert_eq!(
            unknown_value(&model.models[0].enums[0]),
            "undocumented-value++"
        );
    }

    #[test]
    fn required_nullable_fields_are_tried_as_null_too() {
        let model = model_of(
            &[(
                "Maybe",
                "| **a** | **str, none_type** | | |\n| **b** | **str, none_type** | | [optional] |\n\
                 | **c** | **str** | | |\n",
            )],
            "",
        );
        let documents = documents(&model).unwrap();
        let documents: Vec<&Value> = documents.iter().map(|item| &item.document).collect();
        assert_eq!(documents.len(), 2, "{documents:?}");
        assert_eq!(documents[0]["a"], Value::Null);
        assert_eq!(
            documents[0]["b"], documents[1]["b"],
            "an optional one stays as it was"
        );
        assert!(documents[0]["c"].is_string() && documents[1]["a"].is_string());
    }

    #[test]
    fn an_enum_type_without_its_values_is_an_error_not_a_fallback() {
        let mut model = model_of(
            &[("Everything", EVERYTHING)],
            "[models.Everything.fields.e]\nenum = [\"x\"]\n",
        );
        model.models[0].enums.clear();
        let error = documents(&model).unwrap_err().to_string();
        assert!(error.contains("Everything.e"), "{error}");
    }

    #[test]
    fn the_documents_carry_the_hard_values() {
        let model = model_of(&[("Everything", EVERYTHING)], "");
        let mut seen = Vec::new();
        // A model with n fields sees n consecutive seeds; over consecutive models every case.
        let synthesizer = Synthesizer {
            by_rust_name: HashMap::new(),
        };
        for seed in 0..20 {
            let document = synthesizer.object(&model.models[0], 0, seed, None).unwrap();
            seen.push(document.to_string());
        }
        let all = seen.join("\n");
        for wanted in [
            r#""b":-3"#,
            r#""b":9007199254740993"#,
            r#""c":5,"#,
            r#""2021-09-30T12:00:00.120Z""#,
            r#""2021-09-30T14:00:00+02:00""#,
            r#"quote \" backslash \\"#,
            "😀",
            "\u{2028}",
        ] {
            assert!(all.contains(wanted), "no {wanted} in\n{all}");
        }
    }
}

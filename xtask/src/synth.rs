//! JSON documents synthesized from the type model, for round-trip checks: every field present
//! under its wire name, nested models to a bounded depth.

use std::collections::HashMap;

use markdown_model_codegen::model::{
    BaseType, Container, EnumType, FieldType, Model, ModelKind, Primitive, TypeModel,
};
use serde_json::{Map, Value, json};

/// Nested models up to this depth get every field; deeper ones only their required fields.
const FULL_DEPTH: usize = 1;
/// Past this depth no further model is nested (a required field there stays absent).
const MAX_DEPTH: usize = 8;

/// One document per model, in model order: `(model name, document)`.
pub fn documents(model: &TypeModel) -> Vec<(String, Value)> {
    let synthesizer = Synthesizer {
        by_rust_name: model
            .models
            .iter()
            .map(|item| (item.rust_name.as_str(), item))
            .collect(),
    };
    model
        .models
        .iter()
        .map(|item| {
            let document = match &item.kind {
                ModelKind::Struct => synthesizer.object(item, 0),
                ModelKind::Enum(values) => known_value(values, 0),
            };
            (item.name.clone(), document)
        })
        .collect()
}

/// One of an enum's known values (the `seed`-th, cycling), or any text when it has none.
fn known_value(item: &EnumType, seed: usize) -> Value {
    item.variants
        .get(seed % item.variants.len().max(1))
        .map_or_else(|| json!("value"), |variant| json!(variant.value))
}

struct Synthesizer<'a> {
    by_rust_name: HashMap<&'a str, &'a Model>,
}

impl Synthesizer<'_> {
    fn object(&self, model: &Model, depth: usize) -> Value {
        let mut object = Map::new();
        for (index, field) in model.fields.iter().enumerate() {
            if depth > FULL_DEPTH && !field.required {
                continue;
            }
            let enum_values = model.enums.iter().find(|item| item.field == field.doc_name);
            // Each document takes a different known value, so the values are all exercised.
            let enum_value = enum_values
                .and_then(|item| item.variants.get(index % item.variants.len().max(1)))
                .map(|variant| variant.value.as_str());
            if let Some(value) = self.value(&field.ty, enum_value, depth, index) {
                object.insert(field.wire_name.clone(), value);
            }
        }
        // A key no field names, kept by a model that keeps extra keys.
        if let Some(extra) = &model.additional_properties
            && let Some(value) = self.value(&extra.ty, None, depth, model.fields.len())
        {
            let mut key = "extra".to_owned();
            while model.fields.iter().any(|field| field.wire_name == key) {
                key.push('_');
            }
            object.insert(key, value);
        }
        Value::Object(object)
    }

    fn value(
        &self,
        ty: &FieldType,
        enum_value: Option<&str>,
        depth: usize,
        seed: usize,
    ) -> Option<Value> {
        let mut value = match &ty.base {
            BaseType::Primitive(primitive) => Some(primitive_value(*primitive, seed)),
            BaseType::Enum { .. } => Some(Value::from(enum_value.unwrap_or("value"))),
            BaseType::Model { rust_name, .. } if depth < MAX_DEPTH => self
                .by_rust_name
                .get(rust_name.as_str())
                .map(|target| self.object(target, depth + 1)),
            BaseType::Model { .. } => None,
            BaseType::SharedEnum { rust_name, .. } => {
                match self
                    .by_rust_name
                    .get(rust_name.as_str())
                    .map(|target| &target.kind)
                {
                    Some(ModelKind::Enum(item)) => Some(known_value(item, seed)),
                    _ => None,
                }
            }
        };
        for container in ty.containers.iter().rev() {
            value = Some(match (container, value) {
                (Container::List, Some(element)) => json!([element]),
                (Container::List, None) => json!([]),
                (Container::Map, Some(element)) => json!({ "key": element }),
                (Container::Map, None) => json!({}),
            });
        }
        value
    }
}

/// A value of a primitive in its wire format; date-times with milliseconds.
fn primitive_value(primitive: Primitive, seed: usize) -> Value {
    let second = seed % 60;
    match primitive {
        Primitive::Str => json!(format!("text-{seed}")),
        Primitive::Int => json!(seed as i64 * 7 + 1),
        Primitive::Float => json!(seed as f64 + 0.5),
        Primitive::Bool => json!(seed.is_multiple_of(2)),
        Primitive::Date => json!("2021-09-30"),
        Primitive::Datetime => json!(format!("2021-09-30T12:34:{second:02}.789Z")),
        Primitive::Object => json!({ "any": ["json", 1, true, null] }),
        Primitive::LocalDateTime => json!(format!("2021-09-30T12:34:{second:02}.789")),
        Primitive::YearMonth => json!("2021-09"),
    }
}

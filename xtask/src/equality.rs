//! When a round trip gave a document back "unchanged": the comparison, made explicit.
//!
//! JSON text has more spellings than values: `5` and `5.0` are one number, and
//! `2021-09-30T14:00:00+02:00` and `2021-09-30T12:00:00Z` one instant. The generated types keep
//! the value, not the spelling: an `f64` field reads `5` and writes `5.0`; a `jiff::Timestamp`
//! reads any RFC 3339 offset and writes UTC with the shortest exact fraction (`.120Z` -> `.12Z`,
//! `+02:00` -> `Z`). So the comparison is by the field's type, from the type model:
//!
//! - `float`: numeric equality, exact (`5` = `5.0`; `9007199254740993` != `9007199254740992.0`);
//! - `datetime`: the same instant (the offset it was written with is not kept: documented in the
//!   README); `LocalDateTime`: the same civil date-time (`.120` = `.12`);
//! - an optional nullable field sent as `null`: absent after the trip (the type reads `null` as
//!   a missing value, and writes neither);
//! - everything else (strings, integers, booleans, enum values, `object`, key sets): exact.
//!
//! Anything else that changed is a difference, reported with its JSON path.

use std::collections::HashMap;

use markdown_model_codegen::model::{
    BaseType, Container, FieldType, Model, ModelKind, Primitive, TypeModel,
};
use serde_json::{Number, Value};

/// The models of a type model by doc name and by Rust name.
pub struct Types<'a> {
    by_name: HashMap<&'a str, &'a Model>,
    by_rust_name: HashMap<&'a str, &'a Model>,
}

impl<'a> Types<'a> {
    /// Indexes `model`.
    pub fn new(model: &'a TypeModel) -> Self {
        Self {
            by_name: model
                .models
                .iter()
                .map(|item| (item.name.as_str(), item))
                .collect(),
            by_rust_name: model
                .models
                .iter()
                .map(|item| (item.rust_name.as_str(), item))
                .collect(),
        }
    }

    /// Whether `back` is `sent` after a round trip through the model named `model`; the first
    /// difference otherwise, with its JSON path.
    pub fn compare(&self, model: &str, sent: &Value, back: &Value) -> Result<(), String> {
        match self.by_name.get(model) {
            Some(model) => self.model(model, sent, back, "$"),
            None => Err(format!("no model named {model}")),
        }
    }

    /// Whether `back` is `sent` after a round trip through a value of `ty` (an operation's return
    /// type: a model, a list of them, a primitive); the first difference otherwise.
    pub fn compare_type(&self, ty: &FieldType, sent: &Value, back: &Value) -> Result<(), String> {
        self.typed(ty, &ty.containers, sent, back, "$")
    }

    /// A value of `model`: a struct's object field by field; a oneOf's value as one of its
    /// variants (the first that compares equal; else the difference as the first variant
    /// sees it); an enum page's value exactly.
    fn model(&self, model: &Model, sent: &Value, back: &Value, path: &str) -> Result<(), String> {
        match &model.kind {
            ModelKind::Struct => self.object(model, sent, back, path),
            ModelKind::OneOf(one_of) => {
                let mut first = None;
                for variant in &one_of.variants {
                    match self.typed(&variant.ty, &variant.ty.containers, sent, back, path) {
                        Ok(()) => return Ok(()),
                        Err(difference) => {
                            first.get_or_insert(difference);
                        }
                    }
                }
                match first {
                    Some(_) if sent == back => Ok(()),
                    Some(difference) => Err(difference),
                    None => differs(path, sent, back),
                }
            }
            ModelKind::Enum(_) if sent == back => Ok(()),
            ModelKind::Enum(_) => differs(path, sent, back),
        }
    }

    fn object(&self, model: &Model, sent: &Value, back: &Value, path: &str) -> Result<(), String> {
        let (Value::Object(sent), Value::Object(back)) = (sent, back) else {
            return differs(path, sent, back);
        };
        for (key, sent_value) in sent {
            let path = format!("{path}.{key}");
            let field = model.fields.iter().find(|field| &field.wire_name == key);
            let Some(back_value) = back.get(key) else {
                // An optional nullable field reads `null` as absent, and writes it so.
                if sent_value.is_null()
                    && field.is_some_and(|field| field.nullable && !field.required)
                {
                    continue;
                }
                return Err(format!("{path}: lost (was {sent_value})"));
            };
            match field {
                Some(field) => self.typed(
                    &field.ty,
                    &field.ty.containers,
                    sent_value,
                    back_value,
                    &path,
                )?,
                None => match &model.additional_properties {
                    Some(extra) => self.typed(
                        &extra.ty,
                        &extra.ty.containers,
                        sent_value,
                        back_value,
                        &path,
                    )?,
                    None if sent_value == back_value => {}
                    None => return differs(&path, sent_value, back_value),
                },
            }
        }
        match back.keys().find(|key| !sent.contains_key(*key)) {
            Some(key) => Err(format!("{path}.{key}: added ({})", back[key])),
            None => Ok(()),
        }
    }

    fn typed(
        &self,
        ty: &FieldType,
        containers: &[Container],
        sent: &Value,
        back: &Value,
        path: &str,
    ) -> Result<(), String> {
        match (containers.split_first(), sent, back) {
            (Some((Container::List, inner)), Value::Array(sent), Value::Array(back))
                if sent.len() == back.len() =>
            {
                for (index, (sent, back)) in sent.iter().zip(back).enumerate() {
                    self.typed(ty, inner, sent, back, &format!("{path}[{index}]"))?;
                }
                Ok(())
            }
            (Some((Container::Map, inner)), Value::Object(sent), Value::Object(back))
                if sent.len() == back.len() =>
            {
                for (key, sent) in sent {
                    let path = format!("{path}[{key:?}]");
                    match back.get(key) {
                        Some(back) => self.typed(ty, inner, sent, back, &path)?,
                        None => return Err(format!("{path}: lost")),
                    }
                }
                Ok(())
            }
            (Some(_), ..) => differs(path, sent, back),
            (None, ..) => self.base(&ty.base, sent, back, path),
        }
    }

    fn base(&self, base: &BaseType, sent: &Value, back: &Value, path: &str) -> Result<(), String> {
        let equal = match (base, sent, back) {
            (BaseType::Model { rust_name, .. }, ..) => {
                return match self.by_rust_name.get(rust_name.as_str()) {
                    Some(model) => self.model(model, sent, back, path),
                    None => Err(format!("{path}: no model has the Rust name {rust_name}")),
                };
            }
            (BaseType::Primitive(Primitive::Float), Value::Number(sent), Value::Number(back)) => {
                numbers_equal(sent, back)
            }
            (
                BaseType::Primitive(Primitive::DateTime),
                Value::String(sent),
                Value::String(back),
            ) => same_parsed::<jiff::Timestamp>(sent, back),
            (
                BaseType::Primitive(Primitive::LocalDateTime),
                Value::String(sent),
                Value::String(back),
            ) => same_parsed::<jiff::civil::DateTime>(sent, back),
            _ => sent == back,
        };
        if equal {
            Ok(())
        } else {
            differs(path, sent, back)
        }
    }
}

fn differs(path: &str, sent: &Value, back: &Value) -> Result<(), String> {
    Err(format!("{path}: sent {sent}, got back {back}"))
}

/// Whether two strings parse as equal values of `T` (or are the same text).
fn same_parsed<T: std::str::FromStr + PartialEq>(sent: &str, back: &str) -> bool {
    sent == back
        || matches!((sent.parse::<T>(), back.parse::<T>()), (Ok(sent), Ok(back)) if sent == back)
}

/// Exact numeric equality across JSON's integer and float spellings.
pub fn numbers_equal(a: &Number, b: &Number) -> bool {
    let integer = |number: &Number| {
        number
            .as_i64()
            .map(i128::from)
            .or_else(|| number.as_u64().map(i128::from))
    };
    match (integer(a), integer(b)) {
        (Some(a), Some(b)) => a == b,
        (Some(integer), None) => float_is(b.as_f64(), integer),
        (None, Some(integer)) => float_is(a.as_f64(), integer),
        (None, None) => a.as_f64() == b.as_f64(),
    }
}

/// Whether the float is exactly the integer.
fn float_is(float: Option<f64>, integer: i128) -> bool {
    // i128 -> f64 rounds; checking both directions makes the comparison exact.
    float.is_some_and(|float| {
        float.fract() == 0.0 && float == integer as f64 && float as i128 == integer
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::synth::tests::model_of;
    use serde_json::json;

    const PAGE: &str = "| **ratio** | **float** | | [optional] |\n| **count** | **int** | | [optional] |\n| **at** | **datetime** | | [optional] |\n\
        | **label** | **str** | | [optional] |\n| **ratios** | **dict(str, list[float])** | | [optional] |\n";

    fn compare(sent: Value, back: Value) -> Result<(), String> {
        let model = model_of(&[("Sample", PAGE)], "");
        Types::new(&model).compare("Sample", &sent, &back)
    }

    #[test]
    fn a_float_field_compares_numbers() {
        assert_eq!(compare(json!({"ratio": 5}), json!({"ratio": 5.0})), Ok(()));
        assert_eq!(
            compare(
                json!({"ratios": {"k": [5]}}),
                json!({"ratios": {"k": [5.0]}})
            ),
            Ok(())
        );
        assert!(
            compare(
                json!({"ratio": 9_007_199_254_740_993_i64}),
                json!({"ratio": 9_007_199_254_740_992.0})
            )
            .is_err()
        );
        assert!(compare(json!({"ratio": 5}), json!({"ratio": 5.5})).is_err());
    }

    #[test]
    fn other_fields_compare_exactly() {
        // An integer field that came back as a float changed type on the wire.
        assert_eq!(
            compare(json!({"count": 5}), json!({"count": 5.0})),
            Err("$.count: sent 5, got back 5.0".to_owned())
        );
        assert!(compare(json!({"label": "5"}), json!({"label": "5.0"})).is_err());
        // A date-time string in a string field is only text.
        assert!(
            compare(
                json!({"label": "2021-09-30T12:00:00.120Z"}),
                json!({"label": "2021-09-30T12:00:00.12Z"})
            )
            .is_err()
        );
    }

    #[test]
    fn a_date_time_field_compares_instants() {
        assert_eq!(
            compare(
                json!({"at": "2021-09-30T12:00:00.120Z"}),
                json!({"at": "2021-09-30T12:00:00.12Z"})
            ),
            Ok(())
        );
        assert_eq!(
            compare(
                json!({"at": "2021-09-30T14:00:00+02:00"}),
                json!({"at": "2021-09-30T12:00:00Z"})
            ),
            Ok(())
        );
        assert!(
            compare(
                json!({"at": "2021-09-30T14:00:00+02:00"}),
                json!({"at": "2021-09-30T14:00:00Z"})
            )
            .is_err()
        );
    }

    #[test]
    fn lost_and_added_keys_are_differences() {
        assert_eq!(
            compare(json!({"label": "a", "count": 1}), json!({"label": "a"})),
            Err("$.count: lost (was 1)".to_owned())
        );
        assert_eq!(
            compare(json!({}), json!({"label": null})),
            Err("$.label: added (null)".to_owned())
        );
        // `null` comes back absent only from an optional nullable field.
        assert_eq!(
            compare(json!({"label": null}), json!({})),
            Err("$.label: lost (was null)".to_owned())
        );
        let model = model_of(
            &[(
                "Maybe",
                "| **a** | **str, none_type** | | [optional] |\n| **b** | **str, none_type** | | |\n",
            )],
            "",
        );
        let types = Types::new(&model);
        assert_eq!(
            types.compare("Maybe", &json!({"a": null}), &json!({})),
            Ok(())
        );
        assert!(
            types
                .compare("Maybe", &json!({"b": null}), &json!({}))
                .is_err()
        );
    }
}

//! The serde impls of models and open enums: one invocation per model of the `model_serde!` macro
//! and one per enum of `open_enum!`, which the generated crate's support module defines. That
//! module is the same in every crate: `generator/templates/support_.rs`, a real Rust file
//! (formatted, and compiled and tested in every golden), emitted verbatim; its docs say why the
//! impls are not serde's derives.
//!
//! Why macros rather than the impls written out in each module: written out, each field costs
//! about 50 tokens of statements that syn must parse and prettyplease print, which made the
//! generator twice as slow; an invocation is a few tokens per field (or value), printed one per
//! line by [`super::layout`].

use quote::quote;

use super::layout::Item;
use super::types::ident;
use crate::model::{EnumType, Model};

/// The generated crate's support module, `src/support_.rs` (without the header).
pub const SUPPORT: &str = include_str!("../../templates/support_.rs");

/// The `model_serde!` invocation for `model`: each field's kind, name and wire name, and the map
/// field that keeps the keys no field names (`..rest`), when the model has one. A required
/// nullable field is `required` too: its type is an `Option`, which reads `null` as `None` and
/// writes `None` as `null`, and its absence is still an error. An optional field of any JSON
/// value is `optional_any`: a `null` is its value, not its absence.
pub fn model_impls(model: &Model) -> Item {
    let entries = model
        .fields
        .iter()
        .map(|field| {
            let kind = ident(if field.required {
                "required"
            } else if field.ty.is_any_value() {
                "optional_any"
            } else {
                "optional"
            });
            let (name, wire) = (ident(&field.rust_name), &field.wire_name);
            quote!(#kind #name = #wire)
        })
        .collect();
    Item::Table {
        name: "model_serde",
        target: ident(&model.rust_name),
        entries,
        rest: model
            .additional_properties
            .as_ref()
            .map(|extra| ident(&extra.rust_name)),
    }
}

/// The `open_enum!` invocation for `item`: each variant and its value.
pub fn enum_impls(item: &EnumType) -> Item {
    let entries = item
        .variants
        .iter()
        .map(|variant| {
            let (name, value) = (ident(&variant.rust_name), &variant.value);
            quote!(#name = #value)
        })
        .collect();
    Item::Table {
        name: "open_enum",
        target: ident(&item.rust_name),
        entries,
        rest: None,
    }
}

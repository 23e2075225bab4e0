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

use proc_macro2::Literal;
use quote::{ToTokens, quote};

use super::layout::Item;
use super::types::{ident, number_type};
use crate::model::{EnumKind, EnumType, Model, OneOfType};

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
        target: ident(&model.rust_name).into_token_stream(),
        entries,
        rest: model
            .additional_properties
            .as_ref()
            .map(|extra| ident(&extra.rust_name)),
    }
}

/// The `open_enum!` invocation for `item`: each variant and its value (a string, or a number's
/// literal after the enum's `as i64` / `as f64`).
pub fn enum_impls(item: &EnumType) -> Item {
    let entries = item
        .variants
        .iter()
        .map(|variant| {
            let name = ident(&variant.rust_name);
            let value = &variant.value;
            match item.kind {
                EnumKind::String => quote!(#name = #value),
                EnumKind::Integer | EnumKind::Number => {
                    let literal = number_literal(item.kind, value);
                    quote!(#name = #literal)
                }
            }
        })
        .collect();
    let name = ident(&item.rust_name);
    let target = match number_type(item.kind) {
        Some(ty) => quote!(#name as #ty),
        None => quote!(#name),
    };
    Item::Table {
        name: "open_enum",
        target,
        entries,
        rest: None,
    }
}

/// The `one_of!` invocation for a oneOf / anyOf model: its variants in order, a struct's marked
/// `(fields)`, each with its discriminator values when the docs name the discriminator
/// (`Pet by "petType" { Cat(fields) = "cat", }`), and the catch-all.
pub fn one_of_impls(model: &Model, one_of: &OneOfType) -> Item {
    let entries = (one_of.variants.iter())
        .map(|variant| {
            let name = ident(&variant.rust_name);
            let by = variant.by_fields.then(|| quote!((fields)));
            let tags = &variant.tags;
            match (&one_of.discriminator, tags.is_empty()) {
                (Some(_), false) => quote!(#name #by = #(#tags)|*),
                _ => quote!(#name #by),
            }
        })
        .collect();
    let name = ident(&model.rust_name);
    Item::Table {
        name: "one_of",
        target: match &one_of.discriminator {
            Some(property) => quote!(#name by #property),
            None => quote!(#name),
        },
        entries,
        rest: Some(ident(&one_of.catch_all)),
    }
}

/// A number enum's value as a Rust literal of its type (`-1`, `1.5`, `2.0` for a number `2`).
/// The type model's values are valid literals of their kind (the parser read them so); a value
/// that is not is written as `0`, which the compiler's checks of the golden crates would show.
fn number_literal(kind: EnumKind, value: &str) -> Literal {
    match kind {
        EnumKind::Number => Literal::f64_unsuffixed(value.parse().unwrap_or_default()),
        EnumKind::String | EnumKind::Integer => {
            Literal::i64_unsuffixed(value.parse().unwrap_or_default())
        }
    }
}

//! What the models' builder ([`super::build`]) and the operations' builder
//! ([`super::operations`]) share: the nesting limit, open enums of values, and "did you mean"
//! hints.

use super::{EnumKind, EnumType, Variant};
use crate::naming;

/// The deepest type nesting accepted: 32 containers (`list[list[...]]`; real docs nest 2 deep).
/// The parser reads any depth; deeper types are an error here, because syn and prettyplease
/// format the emitted Rust recursively: a debug build on a 2 MiB thread overflows its stack at
/// about 48 nested generics (the `pathological` tests generate exactly this many).
pub const MAX_TYPE_DEPTH: usize = 32;

/// The open enum of a field's or parameter's values, of `kind` (numbers' values are literals).
pub(super) fn enum_type<'v>(
    rust_name: String,
    field: &str,
    kind: EnumKind,
    values: impl Iterator<Item = &'v str> + Clone,
) -> EnumType {
    let names = match kind {
        EnumKind::String => naming::variant_names(values.clone()),
        EnumKind::Integer | EnumKind::Number => naming::number_variant_names(values.clone()),
    };
    let variants = names
        .into_iter()
        .zip(values)
        .map(|(rust_name, value)| Variant {
            rust_name,
            value: value.to_owned(),
        })
        .collect();
    EnumType {
        rust_name,
        field: field.to_owned(),
        kind,
        variants,
        catch_all: naming::CATCH_ALL.to_owned(),
    }
}

/// `did you mean ...?` for the closest candidate, when one is close enough.
pub(super) fn suggest<'a>(name: &str, candidates: impl Iterator<Item = &'a str>) -> Option<String> {
    let lower = name.to_lowercase();
    candidates
        .map(|candidate| {
            (
                strsim::damerau_levenshtein(&lower, &candidate.to_lowercase()),
                candidate,
            )
        })
        // About one edit per three letters: `strng` -> `str`, `Adress` -> `Address`.
        .filter(|&(distance, candidate)| distance <= candidate.len().max(name.len()).div_ceil(3))
        .min()
        .map(|(_, candidate)| format!("did you mean `{candidate}`?"))
}

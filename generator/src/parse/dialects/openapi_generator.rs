//! openapi-generator's own type names, which its templates print in every language: `AnyType`
//! (4.x and later: a schema of any type), `FreeFormObject` (3.x: an object without properties),
//! `OasAnyTypeNotMapped` / `oas_any_type_not_mapped` (a schema of any type the language's
//! `typeMapping` does not map), and the names it makes up for an inline `oneOf` / `anyOf`
//! (`OneOfstringinteger`, `AnyOfTagstring`: `OneOf` or `AnyOf` and the variants' names run
//! together; in 4.x also `OneOf<string,integer>`), which name no page. Every dialect reads them, after its own names, as any JSON
//! value: the page does not say more, and any JSON value rejects no valid document.

use crate::parse::types::{Inexact, Leaf, Primitive};

/// The internal names of openapi-generator, and what each stands for.
const NAMES: &[(&str, &str)] = &[
    ("AnyType", "a value of any type"),
    ("OasAnyTypeNotMapped", "a value of any type"),
    ("oas_any_type_not_mapped", "a value of any type"),
    ("FreeFormObject", "a free-form object"),
];

/// The prefixes of the names openapi-generator makes up for an inline composition, and what
/// such a name stands for.
const COMPOSITIONS: &[(&str, &str)] = &[
    (
        "OneOf",
        "an inline `oneOf` whose variants the page does not name",
    ),
    (
        "AnyOf",
        "an inline `anyOf` whose variants the page does not name",
    ),
];

/// Whether `name` is the prefix of the names openapi-generator makes up for an inline
/// composition, which 4.x writes with the variants in angle brackets (`OneOf<string,integer>`):
/// the type grammar reads that as one name.
pub fn is_composition_prefix(name: &str) -> bool {
    COMPOSITIONS.iter().any(|(prefix, _)| *prefix == name)
}

/// What a type name no page defines is, when it is one of openapi-generator's own: any JSON
/// value, with the note the field's docs get.
pub fn read_name(name: &str) -> Option<(Leaf, Option<Inexact>)> {
    let meaning = NAMES
        .iter()
        .find(|(known, _)| *known == name)
        .or_else(|| {
            COMPOSITIONS
                .iter()
                .find(|(prefix, _)| name.len() > prefix.len() && name.starts_with(prefix))
        })
        .map(|&(_, meaning)| meaning)?;
    Some((
        Leaf::Primitive(Primitive::Object),
        Some(Inexact::GeneratorName(meaning)),
    ))
}

#[cfg(test)]
mod tests {
    use super::read_name;
    use crate::parse::dialect::Inexact;
    use crate::parse::types::{Leaf, Primitive};

    #[test]
    fn the_generators_own_names_are_any_json_value_with_what_they_stand_for() {
        for (name, meaning) in [
            ("AnyType", "a value of any type"),
            ("OasAnyTypeNotMapped", "a value of any type"),
            ("oas_any_type_not_mapped", "a value of any type"),
            ("FreeFormObject", "a free-form object"),
            (
                "OneOfstringinteger",
                "an inline `oneOf` whose variants the page does not name",
            ),
            (
                "AnyOfTagstring",
                "an inline `anyOf` whose variants the page does not name",
            ),
            (
                "OneOf<string,integer>",
                "an inline `oneOf` whose variants the page does not name",
            ),
        ] {
            assert_eq!(
                read_name(name),
                Some((
                    Leaf::Primitive(Primitive::Object),
                    Some(Inexact::GeneratorName(meaning))
                )),
                "{name}"
            );
        }
    }

    #[test]
    fn other_names_and_the_bare_prefixes_are_not_the_generators() {
        for name in ["Pet", "OneOf", "AnyOf", "Anytype", "FreeForm"] {
            assert_eq!(read_name(name), None, "{name}");
        }
    }
}

//! openapi-generator's own type names, which its templates print in every language: `AnyType`
//! (4.x and later: a schema of any type), `FreeFormObject` (3.x: an object without properties),
//! `OasAnyTypeNotMapped` / `oas_any_type_not_mapped` (a schema of any type the language's
//! `typeMapping` does not map), and the names it makes up for an inline `oneOf` / `anyOf`
//! (`OneOfstringinteger`, `AnyOfTagstring`: `OneOf` or `AnyOf` and the variants' names run
//! together; in 4.x also `OneOf<string,integer>`), which name no page. Every dialect reads them, after its own names, as any JSON
//! value: the page does not say more, and any JSON value rejects no valid document. So it reads,
//! last, the names of the generator's default import mapping before 5.0 (`Date`, `File`, `Map`),
//! where no page of the folder has them: the models of which it wrote no page.

use std::collections::BTreeSet;

use crate::model::Primitive;
use crate::parse::types::{Inexact, Leaf};

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
        Leaf::Primitive(Primitive::Any),
        Some(Inexact::GeneratorName(meaning)),
    ))
}

/// The names of openapi-generator's default import mapping before 5.0 (`DefaultCodegen`'s
/// constructor, which 5.0 emptied): `DefaultGenerator.generateModels` writes no page for a model
/// so named ("not imported due to import mapping"), and a template that kept the mapping writes
/// its name all the same (Bash's `[**Date**](Date.md)`, PowerShell's `[**List[]**](List.md)`).
const DEFAULT_IMPORT_MAPPING: &[&str] = &[
    "BigDecimal",
    "UUID",
    "URI",
    "File",
    "Date",
    "Timestamp",
    "Map",
    "HashMap",
    "Array",
    "ArrayList",
    "List",
    "Set",
    "DateTime",
    "LocalDateTime",
    "LocalDate",
    "LocalTime",
];

/// What a name of the default import mapping before 5.0 is where no page of the folder
/// (`page_names`) has it: a model the generator wrote no page for, any JSON value, with the
/// note the field's docs get.
pub fn read_import_mapped(
    name: &str,
    page_names: &BTreeSet<String>,
) -> Option<(Leaf, Option<Inexact>)> {
    (DEFAULT_IMPORT_MAPPING.contains(&name) && !page_names.contains(name))
        .then_some((Leaf::Primitive(Primitive::Any), Some(Inexact::LanguageType)))
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::{read_import_mapped, read_name};
    use crate::model::Primitive;
    use crate::parse::dialect::Inexact;
    use crate::parse::types::Leaf;

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
                    Leaf::Primitive(Primitive::Any),
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

    #[test]
    fn default_import_mapping_names_without_a_page_are_any_json_value() {
        let any = Some((Leaf::Primitive(Primitive::Any), Some(Inexact::LanguageType)));
        let none = BTreeSet::new();
        for name in ["Date", "File", "Map", "List", "UUID"] {
            assert_eq!(read_import_mapped(name, &none), any, "{name}");
        }
        // A page of that name is the model; other names are no business of this rule.
        let with_page = BTreeSet::from(["Date".to_owned()]);
        assert_eq!(read_import_mapped("Date", &with_page), None);
        for name in ["Pet", "Object", "date", "String"] {
            assert_eq!(read_import_mapped(name, &none), None, "{name}");
        }
    }
}

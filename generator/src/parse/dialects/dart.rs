//! openapi-generator's `dart` (and `dart-jaguar`, and `dart-dio` with its built_value types):
//! `String`, `int`, `double`, `num`, `bool`, `DateTime`, `Object`, `MultipartFile`, `List<X>`,
//! `Set<X>`, `Map<String, X>`, `BuiltList<X>`, `BuiltSet<X>`, `BuiltMap<String, X>`,
//! `JsonObject`, `Uint8List`, `X?`; titles `# package.model.Name`; lowerCamelCase names (`_`
//! after a reserved word, `n` before a leading digit); enum pages an empty Properties table.

use crate::model::Primitive;
use crate::parse::dialect::{DialectSpec, Holds, Inexact, Mark, Opener, Word};

/// The Dart templates' description.
pub static SPEC: DialectSpec = DialectSpec {
    reads_operations: true,
    file_types: &["MultipartFile"],
    colon_placeholders: true,
    name: "dart",
    // It links every model (`[**String**](String.md)`), but writes one named like its types as
    // that type where it maps the reference (older templates' `**String**`).
    links_models: true,
    api_name,
    type_syntax: "Dart types are `String`, `int`, `double`, `num`, `bool`, `DateTime`, \
                  `Object`, `MultipartFile`, `List<T>`, `Set<T>`, `Map<String, T>`, \
                  `BuiltList<T>`, `BuiltMap<String, T>`, `JsonObject`, or a model name",
    // Dart's own type names (no other template writes them).
    words: &[
        ("num", Word::Primitive(Primitive::Number)),
        ("MultipartFile", Word::Name),
        ("Uint8List", Word::Name),
        ("JsonObject", Word::Name),
        // Only whole, where a Type cell links it as a page (dart-jaguar's bytes).
        ("List<int>", Word::Name),
    ],
    // `List<X>` is Java's and C#'s too, `Set<X>` Java's and Swift's, `Map<String, X>` Java's:
    // each shows them all; built_value's collections are only this template's.
    containers: &[
        Opener {
            name: "List",
            bracket: '<',
            holds: Holds::List,
        },
        Opener {
            name: "Set",
            bracket: '<',
            holds: Holds::List,
        },
        Opener {
            name: "Map",
            bracket: '<',
            holds: Holds::Map("String"),
        },
        Opener {
            name: "BuiltList",
            bracket: '<',
            holds: Holds::List,
        },
        Opener {
            name: "BuiltSet",
            bracket: '<',
            holds: Holds::List,
        },
        Opener {
            name: "BuiltMap",
            bracket: '<',
            holds: Holds::Map("String"),
        },
    ],
    // A dotted title (`# openapi.model.Pet`) is C#'s and JavaScript's too, `X?` C#'s: each
    // shows them all.
    marks: &[Mark::DottedTitle, Mark::NullablePostfix],
    // The templates' type mapping: `DateTime` is a date or a date-time (the string sent),
    // `Date` (`dart-dio`'s) a date; a file's bytes are strings on the wire (`dart-jaguar`'s
    // `List<int>` too, which it links as a page, `[**List<int>**](List<int>.md)`, and the page
    // reader reads as one name; a list of integers is `**List<int>**`); `JsonObject` is
    // any JSON value, and so is a collection of unsaid items (`List<List>`, `BuiltList<BuiltMap>`).
    primitives: &[
        ("String", Primitive::String),
        ("DateTime", Primitive::String),
        ("MultipartFile", Primitive::String),
        ("Uint8List", Primitive::String),
        ("List<int>", Primitive::String),
        ("double", Primitive::Float),
        ("Date", Primitive::Date),
        ("Object", Primitive::Any),
        ("JsonObject", Primitive::Any),
        ("List", Primitive::Any),
        ("Set", Primitive::Any),
        ("Map", Primitive::Any),
        ("BuiltList", Primitive::Any),
        ("BuiltSet", Primitive::Any),
        ("BuiltMap", Primitive::Any),
    ],
    inexact: &[
        ("DateTime", Inexact::DateOrDateTime),
        ("List<int>", Inexact::FileContents),
    ],
    // `dart-dio` links its `Date` as it links a model named `Date` (`[**Date**](Date.md)`);
    // until 5.0 (which escapes such a model's name: `ModelObject`) the templates link their
    // `Object`, `List` and `Map` (`typeMapping`'s, no `languageSpecificPrimitives`: the model doc
    // links any other type, `[**Object**](Object.md)` for a value of any type) as they link a
    // model so named (`toModelName` keeps the name): in a folder with a page of the name, either.
    primitives_before_pages: &["Date", "Object", "List", "Map"],
    ..DialectSpec::EMPTY
};

/// Names the Dart templates escape with a trailing `_` (openapi-generator's Dart keywords).
#[rustfmt::skip]
const DART_RESERVED: &[&str] = &[
    "abstract", "as", "assert", "async", "await", "bool", "break", "case", "catch", "class",
    "const", "continue", "covariant", "default", "deferred", "do", "double", "dynamic", "else",
    "enum", "export", "extends", "extension", "external", "factory", "false", "final", "finally",
    "for", "function", "get", "hide", "if", "implements", "import", "in", "inout", "int",
    "interface", "is", "late", "library", "mixin", "native", "new", "null", "num", "of", "on",
    "operator", "out", "part", "patch", "required", "rethrow", "return", "set", "show", "source",
    "static", "super", "switch", "sync", "this", "throw", "true", "try", "typedef", "var", "void",
    "when", "while", "with", "yield",
];

/// The Dart templates' Name-column convention: the lowerCamelCase property (`[naming] wire`
/// spells the JSON from it), without the `_` written after a reserved word (`class_` ->
/// `class`) or the `n` before a leading digit (`n1st` -> `1st`).
pub fn api_name(name: &str) -> String {
    if let Some(rest) = name.strip_prefix('n')
        && rest.starts_with(|c: char| c.is_ascii_digit())
    {
        return rest.to_owned();
    }
    name.strip_suffix('_')
        .filter(|rest| DART_RESERVED.contains(&rest.to_lowercase().as_str()))
        .unwrap_or(name)
        .to_owned()
}

#[cfg(test)]
mod tests {
    use super::api_name;
    use crate::parse::dialects;

    #[test]
    fn dart_escapes_are_removed() {
        for (name, api) in [
            ("class_", "class"),
            ("true_", "true"),
            ("n1st", "1st"),
            ("n2ndPlace", "2ndPlace"),
            ("name", "name"),
            // Not escapes: no reserved word before the `_`, no digit after the `n`.
            ("trailing_", "trailing_"),
            ("nested", "nested"),
        ] {
            assert_eq!(api_name(name), api, "{name}");
        }
    }

    #[test]
    fn dart_types_read_as_lists_and_maps() {
        let dart = dialects::named("dart");
        crate::parse::dialects::assert_reads(&[
            ("BuiltList<String>", "list[String]", dart),
            (
                "BuiltMap<String, JsonObject>",
                "dict(str, JsonObject)",
                dart,
            ),
            (
                "BuiltList<BuiltMap<String, int>>",
                "list[dict(str, int)]",
                dart,
            ),
            ("BuiltSet<String>", "list[String]", dart),
            ("num", "number", dart),
            // Java's and C#'s containers too: they show no dialect.
            ("Map<String, List<int>>", "dict(str, list[int])", None),
            ("List<String?>", "list[String]", None),
        ]);
    }
}

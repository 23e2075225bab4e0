//! openapi-generator's `go`: `Pointer to **X**`, `[]X`, `map[string]X`, `time.Time`,
//! `interface{}`, `NullableString`-style wrappers; PascalCase names; the `### Methods` section
//! after the table is not read.

use std::collections::BTreeSet;

use crate::model::Primitive;
use crate::parse::dialect::{DialectSpec, Inexact, Mark, Word};
use crate::parse::types::Leaf;

/// The Go template's description. Its Name column is the exported Go field: PascalCase, which
/// `[naming] wire` spells as it spells lowerCamelCase (`CreatedAt` is `created_at` in
/// snake_case, `createdAt` in camelCase).
pub static SPEC: DialectSpec = DialectSpec {
    reads_operations: true,
    file_types: &["*os.File", "os.File"],
    name: "go",
    api_name,
    // Until 5.x an enum page was an empty Properties table (then a `## Enum` list).
    type_syntax: "Go types are `string`, `int32`, `int64`, `float32`, `float64`, `bool`, \
                  `time.Time`, `interface{}`, `[]T`, `map[string]T`, `Pointer to T`, \
                  `NullableT`, or a model name",
    // TypeScript's word too: it shows both.
    words: &[("string", Word::Primitive(Primitive::String))],
    marks: &[Mark::GoSyntax],
    // The `Nullable` wrappers: the field may be `null` (`nullable_prefix`).
    primitives: &[
        ("string", Primitive::String),
        ("NullableString", Primitive::String),
        ("int", Primitive::Integer),
        ("int32", Primitive::Integer),
        ("int64", Primitive::Integer),
        ("NullableInt", Primitive::Integer),
        ("NullableInt32", Primitive::Integer),
        ("NullableInt64", Primitive::Integer),
        ("float32", Primitive::Float),
        ("float64", Primitive::Float),
        ("NullableFloat32", Primitive::Float),
        ("NullableFloat64", Primitive::Float),
        ("bool", Primitive::Boolean),
        ("NullableBool", Primitive::Boolean),
        ("NullableTime", Primitive::DateTime),
        // The 3.x and 4.x API pages' optional parameters: antihax/optional's wrappers.
        ("optional.String", Primitive::String),
        ("optional.Int32", Primitive::Integer),
        ("optional.Int64", Primitive::Integer),
        ("optional.Float32", Primitive::Float),
        ("optional.Float64", Primitive::Float),
        ("optional.Bool", Primitive::Boolean),
        ("optional.Time", Primitive::DateTime),
    ],
    read_other_name: Some(nullable_model),
    // Until 4.x (`go-experimental` 4.x too) a schema of any type was `map[string]interface{}`,
    // as a free-form object (`typeMapping` `object`); then `interface{}`, but until 5.x the
    // values of `additionalProperties: true` stayed `map[string]interface{}`.
    free_form_map_for_any: true,
    nullable_prefix: Some("Nullable"),
    ..DialectSpec::EMPTY
};

/// `NullableX` of a model `X`: the model, which may be `null`.
fn nullable_model(name: &str, page_names: &BTreeSet<String>) -> Option<(Leaf, Option<Inexact>)> {
    let model = name.strip_prefix("Nullable")?;
    page_names
        .contains(model)
        .then(|| (Leaf::Named(model.to_owned()), None))
}

/// The Go template's Name-column convention: the exported field, `Var` before a leading digit
/// (`Var1st` -> `1st`); and a parameter named as a reserved word, `_` after it (`type_` ->
/// `type`: `AbstractGoCodegen.escapeReservedWord`).
pub fn api_name(name: &str) -> String {
    if let Some(word) = name.strip_suffix('_')
        && RESERVED_WORDS.contains(&word)
    {
        return word.to_owned();
    }
    name.strip_prefix("Var")
        .filter(|rest| rest.starts_with(|c: char| c.is_ascii_digit()))
        .unwrap_or(name)
        .to_owned()
}

/// `AbstractGoCodegen`'s reserved words: Go's keywords and predeclared types.
const RESERVED_WORDS: &[&str] = &[
    "bool",
    "break",
    "byte",
    "case",
    "chan",
    "complex128",
    "complex64",
    "const",
    "continue",
    "default",
    "defer",
    "else",
    "error",
    "fallthrough",
    "float32",
    "float64",
    "for",
    "func",
    "go",
    "goto",
    "if",
    "import",
    "int",
    "int16",
    "int32",
    "int64",
    "int8",
    "interface",
    "map",
    "nil",
    "package",
    "range",
    "return",
    "rune",
    "select",
    "string",
    "struct",
    "switch",
    "type",
    "uint",
    "uint16",
    "uint32",
    "uint64",
    "uint8",
    "uintptr",
    "var",
];

#[cfg(test)]
mod tests {
    use super::api_name;

    #[test]
    fn go_escapes_are_removed() {
        for (name, api) in [
            ("Var1st", "1st"),
            ("Var2ndPlace", "2ndPlace"),
            ("CreatedAt", "CreatedAt"),
            // Not escapes: no digit after `Var`.
            ("Variant", "Variant"),
            ("VarName", "VarName"),
            // A reserved word's escape; another name's `_` stays (Go's words are lower case).
            ("type_", "type"),
            ("Range_", "Range_"),
            ("name_", "name_"),
        ] {
            assert_eq!(api_name(name), api, "{name}");
        }
    }
}

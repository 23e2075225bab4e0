//! openapi-generator's `javascript` (and its `apollo` library, `javascript-apollo`): `String`,
//! `Number`, `Boolean`, `Date`, `Object`, `File`, `Blob`, `[X]`, `{String: X}`; titles
//! `# Module.Name`; lowerCamelCase names (`_` before a reserved word or a leading digit); a
//! field's own enum as a `## Enum: XEnum` list after the properties.

use crate::model::Primitive;
use crate::parse::dialect::{DialectSpec, Inexact, Mark};

/// The JavaScript templates' description.
pub static SPEC: DialectSpec = DialectSpec {
    reads_operations: true,
    file_types: &["File"],
    name: "javascript",
    api_name,
    type_syntax: "JavaScript types are `String`, `Number`, `Boolean`, `Date`, `Object`, `File`, \
                  `Blob`, `[T]`, `{String: T}`, or a model name",
    // `[X]` is Swift's and python-prior's too, a dotted title C#'s and Dart's: each shows
    // them all.
    marks: &[
        Mark::BracketList,
        Mark::StringBraceMap,
        Mark::FieldEnumList,
        Mark::DottedTitle,
    ],
    // The templates' type mapping: `Number` is any number (an integer or a float), `Date` a
    // date or a date-time (the string sent), `Blob` base64 bytes and `File` a file's bytes
    // (strings on the wire), `Array` a list of anything (any JSON value).
    primitives: &[
        ("String", Primitive::String),
        ("Number", Primitive::Number),
        ("Boolean", Primitive::Boolean),
        ("Date", Primitive::String),
        ("Blob", Primitive::String),
        ("File", Primitive::String),
        ("Object", Primitive::Any),
        ("Array", Primitive::Any),
    ],
    inexact: &[("Date", Inexact::DateOrDateTime)],
    // The templates write a reference to a model named like one of these as the name, unlinked
    // (`languageSpecificPrimitives`; their reserved words escape only `String`, `Number`,
    // `Date`, `Object` and `Array` as `ModelString`...), where other models are linked:
    // `Boolean`, `File` and `Blob` are either in a folder with a page of that name.
    links_models: true,
    ..DialectSpec::EMPTY
};

/// Names the JavaScript templates escape with a leading `_` (openapi-generator's `javascript`
/// reserved words; before 5.0 they are compared in lowercase, so `_object` and `_string` too).
#[rustfmt::skip]
const JAVASCRIPT_RESERVED: &[&str] = &[
    "abstract", "arguments", "array", "boolean", "break", "byte", "case", "catch", "char", "class",
    "const", "continue", "date", "debugger", "default", "delete", "do", "double", "else", "enum",
    "eval", "export", "extends", "false", "final", "finally", "float", "for", "function", "goto",
    "hasownproperty", "if", "implements", "import", "in", "infinity", "instanceof", "int",
    "interface", "isfinite", "isnan", "isprototypeof", "let", "long", "math", "nan", "native",
    "new", "null", "number", "object", "package", "private", "protected", "prototype", "public",
    "return", "short", "static", "string", "super", "switch", "synchronized", "this", "throw",
    "throws", "tostring", "transient", "true", "try", "typeof", "undefined", "valueof", "var",
    "void", "volatile", "while", "with", "yield",
];

/// The JavaScript templates' Name-column convention: the lowerCamelCase property (`[naming]
/// wire` spells the JSON from it), without the `_` written before a reserved word (`_class` ->
/// `class`, `_hasOwnProperty` -> `hasOwnProperty`) or a leading digit (`_1st` -> `1st`).
pub fn api_name(name: &str) -> String {
    match name.strip_prefix('_') {
        Some(rest)
            if rest.starts_with(|c: char| c.is_ascii_digit())
                || JAVASCRIPT_RESERVED.contains(&rest.to_lowercase().as_str()) =>
        {
            rest.to_owned()
        }
        _ => name.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::api_name;
    use crate::parse::dialects;

    #[test]
    fn javascript_escapes_are_removed() {
        for (name, api) in [
            ("_class", "class"),
            ("_object", "object"),
            ("_hasOwnProperty", "hasOwnProperty"),
            ("_1st", "1st"),
            ("_2ndPlace", "2ndPlace"),
            ("camelCase", "camelCase"),
            // Not escapes: the rest is no reserved word.
            ("_links", "_links"),
            ("_id", "_id"),
        ] {
            assert_eq!(api_name(name), api, "{name}");
        }
    }

    #[test]
    fn javascript_types_read_as_lists_and_maps() {
        let javascript = dialects::named("javascript");
        crate::parse::dialects::assert_reads(&[
            ("{String: Pet}", "dict(str, Pet)", javascript),
            ("[{String: Number}]", "list[dict(str, Number)]", javascript),
            ("{String: [String]}", "dict(str, list[String])", javascript),
            (
                "{String: {String: Boolean}}",
                "dict(str, dict(str, Boolean))",
                javascript,
            ),
            // `[X]` is Swift's and python-prior's too: it shows no dialect.
            ("[[Number]]", "list[list[Number]]", None),
            ("[Object]", "list[Object]", None),
        ]);
    }
}

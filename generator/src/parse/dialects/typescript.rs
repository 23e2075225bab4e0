//! openapi-generator's `typescript` and `typescript-axios`: `Array<X>`, `{ [key: string]: X; }`,
//! `string`, `number`, `boolean`, `any`, `X | null`; the Name column is the JSON name itself.

use crate::model::Primitive;
use crate::parse::dialect::{
    DialectSpec, Holds, Inexact, Mark, Opener, Word, without_underscore_escape,
};

/// The TypeScript templates' type syntax, which typescript-fetch's pages write too.
pub const TYPE_SYNTAX: &str = "TypeScript types are `string`, `number`, `boolean`, `Date`, \
                               `object`, `any`, `Array<T>`, `{ [key: string]: T; }`, \
                               `T | null`, or a model name";

/// The TypeScript templates' type names that are no words of the language's own: `Date`, which
/// they write for `date` and `date-time` alike, and a binary's `File` (`typescript-axios`) or
/// `Blob` (`typescript-fetch`): the string sent, and the field's docs say why.
pub const PRIMITIVES: &[(&str, Primitive)] = &[
    ("Date", Primitive::String),
    ("File", Primitive::String),
    ("Blob", Primitive::String),
    // The templates' language-specific primitive `Error` (JavaScript's class), which they write
    // for a model named `Error` (its page `ModelError`, or `Error.md` titled so).
    ("Error", Primitive::Any),
];

/// What the field's docs say of the names of [`PRIMITIVES`].
pub const NOTES: &[(&str, Inexact)] = &[
    ("Date", Inexact::DateOrDateTime),
    ("File", Inexact::FileContents),
    ("Blob", Inexact::FileContents),
    ("Error", Inexact::LanguageType),
];

/// The TypeScript templates' description. Their Name column is the JSON name (quoted when it is
/// no identifier), so `[naming] wire` does not apply.
pub static SPEC: DialectSpec = DialectSpec {
    reads_operations: true,
    file_types: &["HttpFile", "File", "Blob"],
    name: "typescript",
    api_name,
    type_syntax: TYPE_SYNTAX,
    names_are_json: true,
    words: &[
        ("null", Word::Null),
        ("undefined", Word::Null),
        // Go's word too: it shows both.
        ("string", Word::Primitive(Primitive::String)),
        ("boolean", Word::Primitive(Primitive::Boolean)),
        ("number", Word::Primitive(Primitive::Number)),
        ("any", Word::Primitive(Primitive::Any)),
    ],
    // Ruby's too: it shows both.
    containers: &[Opener {
        name: "Array",
        bracket: '<',
        holds: Holds::List,
    }],
    marks: &[Mark::IndexSignature, Mark::BarUnion],
    primitives: PRIMITIVES,
    inexact: NOTES,
    primitives_before_pages: BEFORE_PAGES,
    ..DialectSpec::EMPTY
};

/// The names of [`PRIMITIVES`] the templates write for a model of that name too, or whose model's
/// page gets that name back (`File.md` titled `ModelFile`: `restore_escaped_titles`): `Error`
/// and `File` (a binary's, `typescript-axios`), either in a folder with a page of the name.
pub const BEFORE_PAGES: &[&str] = &["Error", "File"];

/// Names the TypeScript templates escape with a leading `_`: the language's reserved words and
/// the names their generated code uses itself (openapi-generator's `typescript*` reserved words;
/// `typescript-axios` also escapes `options`).
#[rustfmt::skip]
const TYPESCRIPT_RESERVED: &[&str] = &[
    "abstract", "await", "boolean", "break", "byte", "case", "catch", "char", "class", "const",
    "constructor", "continue", "debugger", "default", "delete", "do", "double", "else", "enum",
    "export", "extends", "false", "final", "finally", "float", "for", "formParams", "from",
    "function", "goto", "headerParams", "if", "implements", "import", "in", "instanceof", "int",
    "interface", "let", "long", "native", "new", "null", "options", "package", "private",
    "protected", "public", "queryParameters", "requestOptions", "return", "short", "static",
    "super", "switch", "synchronized", "this", "throw", "transient", "true", "try", "typeof",
    "useFormData", "var", "varLocalDeferred", "varLocalPath", "void", "volatile", "while", "with",
    "yield",
];

/// The TypeScript templates' Name-column convention: the JSON name itself, quoted when it is no
/// identifier (`'@type'`), with `_` before a reserved name (`_class` -> `class`) or a leading
/// digit (`_1st` -> `1st`: `AbstractTypeScriptClientCodegen.toVarName`). A name the template
/// rewrote (`typescript-axios`' `at_type` for `@type`) is read as written.
pub fn api_name(name: &str) -> String {
    let name = name.trim_matches(['\'', '"']);
    match name.strip_prefix('_') {
        Some(rest) if rest.starts_with(|c: char| c.is_ascii_digit()) => rest.to_owned(),
        _ => without_underscore_escape(name, TYPESCRIPT_RESERVED),
    }
}

#[cfg(test)]
mod tests {
    use super::api_name;

    #[test]
    fn typescript_names_are_json_names_without_the_escapes() {
        for (name, api) in [
            ("created_at", "created_at"),
            ("client_dataJSON", "client_dataJSON"),
            ("_class", "class"),
            ("_delete", "delete"),
            ("_options", "options"),
            ("'@type'", "@type"),
            ("\"x-total-count\"", "x-total-count"),
            ("_1st", "1st"),
            ("_2nd_place", "2nd_place"),
            // Not escapes: the rest is no reserved name.
            ("_links", "_links"),
            ("_id", "_id"),
        ] {
            assert_eq!(api_name(name), api, "{name}");
        }
    }

    #[test]
    fn a_binary_is_the_string_sent() {
        use std::collections::BTreeSet;

        use crate::model::Primitive;
        use crate::parse::dialect::{Dialect, Inexact};
        use crate::parse::types::Leaf;

        let pages = BTreeSet::new();
        for spec in [&super::SPEC, &super::super::typescript_fetch::SPEC] {
            for name in ["File", "Blob"] {
                let read = Dialect::of(spec).read_name(name, &pages);
                let expected = (
                    Leaf::Primitive(Primitive::String),
                    Some(Inexact::FileContents),
                );
                assert_eq!(read, Some(expected), "{name}");
            }
        }
    }
}

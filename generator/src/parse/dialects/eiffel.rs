//! openapi-generator's `eiffel`: `STRING_32`, `STRING`, `INTEGER_32`, `INTEGER_64`, `REAL_32`,
//! `REAL_64`, `BOOLEAN`, `DATE`, `DATE_TIME`, `UUID`, `FILE`, `ANY`, `LIST [X]`,
//! `STRING_TABLE [X]`, models in upper snake case (`PET`, the pages' titles); snake_case names,
//! `var_` before a reserved word or a name that starts with a digit or `_`.

use std::collections::BTreeSet;

use heck::ToUpperCamelCase;

use super::openapi_generator;
use crate::model::Primitive;
use crate::parse::dialect::{DialectSpec, Holds, Inexact, Opener, Word};
use crate::parse::types::Leaf;

/// The Eiffel template's description.
pub static SPEC: DialectSpec = DialectSpec {
    reads_operations: true,
    file_types: &["FILE"],
    name: "eiffel",
    api_name,
    type_syntax: "Eiffel types are `STRING_32`, `STRING`, `INTEGER_32`, `INTEGER_64`, `REAL_32`, \
                  `REAL_64`, `BOOLEAN`, `DATE`, `DATE_TIME`, `UUID`, `FILE`, `ANY`, `LIST [T]`, \
                  `STRING_TABLE [T]`, or a model name (`PET`)",
    // `DATE` and `DATE_TIME` are Perl's words too: they show neither.
    words: &[
        ("STRING_32", Word::Name),
        ("INTEGER_8", Word::Name),
        ("INTEGER_16", Word::Name),
        ("INTEGER_32", Word::Name),
        ("INTEGER_64", Word::Name),
        ("NATURAL_16", Word::Name),
        ("NATURAL_32", Word::Name),
        ("NATURAL_64", Word::Name),
        ("NATURAL_8", Word::Byte),
        ("REAL_32", Word::Name),
        ("REAL_64", Word::Name),
        ("DATE", Word::Name),
        ("DATE_TIME", Word::Name),
        ("STRING_TABLE", Word::Name),
    ],
    containers: &[
        // Only in `ARRAY [NATURAL_8]`, the template's bytes (Perl's `ARRAY[X]` too).
        Opener {
            name: "ARRAY",
            bracket: '[',
            holds: Holds::List,
        },
        Opener {
            name: "LIST",
            bracket: '[',
            holds: Holds::List,
        },
        Opener {
            name: "SET",
            bracket: '[',
            holds: Holds::List,
        },
        Opener {
            name: "STRING_TABLE",
            bracket: '[',
            holds: Holds::Values(None),
        },
    ],
    // `STRING` is what the template writes for URIs and passwords, `UUID` and `FILE` are
    // strings on the wire; a bare `LIST` or `STRING_TABLE` holds any values.
    primitives: &[
        ("STRING_32", Primitive::String),
        ("STRING", Primitive::String),
        ("UUID", Primitive::String),
        ("FILE", Primitive::String),
        ("INTEGER_8", Primitive::Integer),
        ("INTEGER_16", Primitive::Integer),
        ("INTEGER_32", Primitive::Integer),
        ("INTEGER_64", Primitive::Integer),
        ("NATURAL_16", Primitive::Integer),
        ("NATURAL_32", Primitive::Integer),
        ("NATURAL_64", Primitive::Integer),
        ("REAL_32", Primitive::Float),
        ("REAL_64", Primitive::Float),
        ("BOOLEAN", Primitive::Boolean),
        ("DATE", Primitive::Date),
        ("DATE_TIME", Primitive::DateTime),
        ("ANY", Primitive::Any),
        ("LIST", Primitive::Any),
        ("STRING_TABLE", Primitive::Any),
    ],
    read_other_name: Some(internal_name),
    model_name: Some(model_name),
    ..DialectSpec::EMPTY
};

/// One of openapi-generator's own type names in upper snake case (`ANY_TYPE`,
/// `ONE_OFSTRINGINTEGER`), or a name of its default import mapping before 5.0 that no page has
/// (4.x's `MAP`, a model of which it wrote no page): what every dialect reads it as in
/// UpperCamelCase.
fn internal_name(name: &str, page_names: &BTreeSet<String>) -> Option<(Leaf, Option<Inexact>)> {
    let name = name.to_upper_camel_case();
    openapi_generator::read_name(&name)
        .or_else(|| openapi_generator::read_import_mapped(&name, page_names))
}

/// The API's name of a model the template calls `PET` or `ALL_OF_MIXED` (its `toModelName`:
/// the name in upper snake case): the name in UpperCamelCase (`Pet`, `AllOfMixed`); the letter
/// case of an acronym is not on the page (`HTTPResponseCode` is `HTTP_RESPONSE_CODE`, read
/// `HttpResponseCode`).
fn model_name(title: &str) -> Option<String> {
    let upper_snake = title.starts_with(|c: char| c.is_ascii_uppercase() || c == '_')
        && (title.chars()).all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_');
    upper_snake.then(|| title.to_upper_camel_case())
}

/// Eiffel's keywords, which the template writes after `var_` (openapi-generator's
/// `AbstractEiffelCodegen` reserved words, compared in lower case).
#[rustfmt::skip]
const EIFFEL_RESERVED: &[&str] = &[
    "across", "agent", "alias", "all", "and", "as", "assign", "attached", "attribute", "check",
    "class", "convert", "create", "current", "debug", "deferred", "detachable", "do", "else",
    "elseif", "end", "ensure", "expanded", "export", "external", "false", "feature", "from",
    "frozen", "if", "implies", "inherit", "inspect", "invariant", "like", "local", "loop", "not",
    "note", "obsolete", "old", "once", "only", "or", "precursor", "redefine", "rename",
    "require", "rescue", "result", "retry", "select", "separate", "then", "true", "tuple",
    "undefine", "until", "variant", "void", "when", "xor",
];

/// The Eiffel template's Name-column convention: the snake_case feature (`[naming] wire` spells
/// the JSON from it), without the `var_` written before a reserved word (`var_class` ->
/// `class`) or a name that starts with a digit (`var_1st` -> `1st`), nor the `var` written
/// before a name that starts with `_` (`toVarName`: `__private` -> `var__private`).
pub fn api_name(name: &str) -> String {
    let Some(rest) = name.strip_prefix("var_") else {
        return name.to_owned();
    };
    if rest.starts_with('_') {
        return name["var".len()..].to_owned();
    }
    let escaped = EIFFEL_RESERVED.contains(&rest.to_ascii_lowercase().as_str())
        || rest.starts_with(|c: char| c.is_ascii_digit());
    if escaped { rest } else { name }.to_owned()
}

#[cfg(test)]
mod tests {
    use super::super::read_page;
    use super::{api_name, internal_name};
    use crate::model::Primitive;
    use crate::parse::dialects::named;
    use crate::parse::type_expr::parse_type;
    use crate::parse::types::Leaf;

    #[test]
    fn eiffel_escapes_are_removed() {
        for (name, api) in [
            ("var_class", "class"),
            ("var_1st", "1st"),
            ("var_name", "var_name"),
            ("pet_type", "pet_type"),
        ] {
            assert_eq!(api_name(name), api, "{name}");
        }
    }

    #[test]
    fn internal_names_are_any_value() {
        for name in ["ANY_TYPE", "ONE_OFSTRINGINTEGER", "ANY_OF_TAGSTRING"] {
            let read = internal_name(name, &Default::default()).map(|(leaf, _)| leaf);
            assert_eq!(read, Some(Leaf::Primitive(Primitive::Any)), "{name}");
        }
        assert_eq!(internal_name("PET", &Default::default()), None);
    }

    /// The template links a type to its page even where the link's destination holds a space,
    /// which Markdown does not read as a link (`[**ARRAY [NATURAL_8]**](ARRAY [NATURAL_8].md)`).
    #[test]
    fn a_link_markdown_does_not_read_is_its_text() {
        let text = "# ALL\n\n## Properties\nName | Type | Description | Notes\n\
            ------------ | ------------- | ------------- | -------------\n\
            **byte** | [**ARRAY [NATURAL_8]**](ARRAY [NATURAL_8].md) |  | [optional]\n";
        let page = read_page(text);
        assert_eq!(page.properties[0].type_expr.value.to_string(), "str");
    }

    #[test]
    fn reads_the_eiffel_syntax() {
        let eiffel = named("eiffel");
        for (text, read) in [
            ("LIST [STRING_32]", "list[STRING_32]"),
            (
                "STRING_TABLE [LIST [STRING_32]]",
                "dict(str, list[STRING_32])",
            ),
            (
                "LIST [STRING_TABLE [INTEGER_32]]",
                "list[dict(str, INTEGER_32)]",
            ),
            ("INTEGER_64", "INTEGER_64"),
            // The template's bytes: a base64 string.
            ("ARRAY [NATURAL_8]", "str"),
        ] {
            let parsed = parse_type(text).unwrap();
            assert_eq!(
                (
                    parsed.expr.to_string().as_str(),
                    crate::parse::dialects::shown_as(parsed.dialects, eiffel),
                ),
                (read, eiffel),
                "{text}"
            );
        }
    }
}

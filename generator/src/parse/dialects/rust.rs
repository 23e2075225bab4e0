//! openapi-generator's `rust`: `Option<X>`, `Vec<X>`, `std::collections::HashMap<String, X>`,
//! `models::X`, `serde_json::Value`, `i32`, `f64`, `String`; the Name column the snake_case field
//! (a raw identifier, `r#type`, for a keyword); enum pages a `## Enum Variants` table.

use crate::model::Primitive;
use crate::parse::dialect::{DialectSpec, Inexact, Mark, without_underscore_escape};

/// The Rust template's description.
pub static SPEC: DialectSpec = DialectSpec {
    reads_operations: true,
    file_types: &["std::path::PathBuf"],
    name: "rust",
    api_name,
    type_syntax: "Rust types are `String`, `i32`, `i64`, `f32`, `f64`, `bool`, `uuid::Uuid`, \
                  `serde_json::Value`, `Vec<T>`, `std::collections::HashMap<String, T>`, \
                  `Option<T>`, `models::T`, or a model name",
    // Until 6.x an enum page was an empty Properties table (7.x writes `## Enum Variants`).
    marks: &[
        Mark::RustSyntax,
        Mark::RawIdentifier,
        Mark::EnumVariantsHeading,
        Mark::DescriptionEnum,
    ],
    // `String`, which the template also writes for date-times, dates, URIs, decimals and bytes:
    // the page says no more. Its other names (`i64`, `f64`, `bool`, `serde_json::Value`) show
    // the dialect and are read with the syntax.
    // swagger-codegen's template (3.x) wrote `Value`, the imported `serde_json::Value`. Until
    // 5.x the template kept openapi-generator's default import mapping: it wrote no page for a
    // model named `Date`, `File`, `List` or `Map`, and its binary was `File`.
    primitives: &[
        ("String", Primitive::String),
        ("Value", Primitive::Any),
        ("Date", Primitive::Any),
        ("File", Primitive::Any),
        ("List", Primitive::Any),
        ("Map", Primitive::Any),
    ],
    // The template links every model but one named like a type it writes (until 7.x a model
    // `String` bare, as Rust's own; 7.26 `models::String`, which the grammar reads as its bare
    // name; 5.x a free-form object `crate::models::Map` linked to `map.md`): in a folder with a
    // page of that name, an unlinked name is either.
    links_models: true,
    inexact: &[
        ("Date", Inexact::LanguageType),
        ("File", Inexact::LanguageType),
        ("List", Inexact::LanguageType),
        ("Map", Inexact::LanguageType),
    ],
    ..DialectSpec::EMPTY
};

/// Rust's keywords, which the `rust` template escaped with a leading `_` before it wrote raw
/// identifiers (`_type`, now `r#type`).
#[rustfmt::skip]
const RUST_KEYWORDS: &[&str] = &[
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "crate",
    "do", "dyn", "else", "enum", "extern", "false", "final", "fn", "for", "if", "impl", "in",
    "let", "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub", "ref",
    "return", "self", "static", "struct", "super", "trait", "true", "try", "type", "typeof",
    "unsafe", "unsized", "use", "virtual", "where", "while", "yield",
];

/// The keywords that cannot be raw identifiers, which the template (since 6.x) escapes with
/// `param_`, as it does a name starting with a digit.
const NOT_RAW: &[&str] = &["self", "Self", "super", "crate"];

/// The Rust template's Name-column convention: the snake_case field, `_` before a keyword in
/// its older pages (`_type` -> `type`; a raw identifier, `r#type`, is read as the identifier by
/// the page reader) and `var_` before a leading digit (`var_1st` -> `1st`: 3.x-5.x
/// `RustClientCodegen.toVarName`), `param_` before a keyword that cannot be raw or a leading
/// digit in its newer ones (`param_self` -> `self`, `param_1st` -> `1st`).
pub fn api_name(name: &str) -> String {
    if let Some(rest) = name.strip_prefix("param_")
        && (NOT_RAW.contains(&rest) || rest.starts_with(|c: char| c.is_ascii_digit()))
    {
        return rest.to_owned();
    }
    if let Some(rest) = name.strip_prefix("var_")
        && rest.starts_with(|c: char| c.is_ascii_digit())
    {
        return rest.to_owned();
    }
    without_underscore_escape(name, RUST_KEYWORDS)
}

#[cfg(test)]
mod tests {
    use super::api_name;

    #[test]
    fn rust_escapes_are_removed() {
        for (name, api) in [
            ("_type", "type"),
            ("_async", "async"),
            ("type", "type"),
            ("schema_id", "schema_id"),
            ("param_self", "self"),
            ("param_crate", "crate"),
            ("param_1st", "1st"),
            ("param_2nd_place", "2nd_place"),
            ("var_1st", "1st"),
            ("var_2nd_place", "2nd_place"),
            // Not escapes: the rest is a name of its own.
            ("param_name", "param_name"),
            ("var_name", "var_name"),
            ("params", "params"),
            // Not escapes: the rest is no keyword.
            ("_links", "_links"),
        ] {
            assert_eq!(api_name(name), api, "{name}");
        }
    }

    #[test]
    fn rust_type_names_are_read() {
        use std::collections::BTreeSet;

        use crate::model::Primitive;
        use crate::parse::dialect::{Dialect, Inexact};
        use crate::parse::types::Leaf;

        let rust = Dialect::of(&super::SPEC);
        let pages = BTreeSet::new();
        for (name, primitive, inexact) in [
            ("String", Primitive::String, None),
            ("Value", Primitive::Any, None),
            ("File", Primitive::Any, Some(Inexact::LanguageType)),
            ("Map", Primitive::Any, Some(Inexact::LanguageType)),
        ] {
            let read = rust.read_name(name, &pages);
            assert_eq!(read, Some((Leaf::Primitive(primitive), inexact)), "{name}");
        }
        assert!(super::SPEC.links_models);
    }
}

//! openapi-generator's `swift5` and `swift6`: `[X]`, `[String: X]`, `Int64`, `Double`, `Date`,
//! `UUID`, `AnyCodable`; lowerCamelCase names (`_` before a reserved word); enum pages an empty
//! Properties table.

use crate::model::Primitive;
use crate::parse::dialect::{
    DialectSpec, Holds, Inexact, Mark, Opener, Word, without_underscore_escape,
};

/// The Swift templates' description.
pub static SPEC: DialectSpec = DialectSpec {
    reads_operations: true,
    file_types: &["URL"],
    name: "swift",
    api_name,
    type_syntax: "Swift types are `String`, `Int`, `Int64`, `Float`, `Double`, `Bool`, `Date`, \
                  `UUID`, `URL`, `AnyCodable`, `[T]`, `[String: T]`, or a model name",
    // Swift's own type names (no other template writes them); its others are shared (`String`,
    // `Double`, `UUID`) and show no dialect.
    words: &[
        ("Int", Word::Name),
        ("Int32", Word::Name),
        ("Int64", Word::Name),
        ("Bool", Word::Name),
        ("Character", Word::Name),
        ("AnyCodable", Word::Name),
        ("OpenAPIDateWithoutTime", Word::Name),
    ],
    // Java's too: it shows both.
    containers: &[Opener {
        name: "Set",
        bracket: '<',
        holds: Holds::List,
    }],
    // `[X]` is `python-prior`'s too: it shows both.
    marks: &[Mark::BracketList, Mark::BracketMap],
    // `Date` is what the templates write for dates and date-times alike, so it is the string
    // sent; `Data` is base64, `URL` a file's bytes, both strings on the wire; `Decimal` is read
    // as a float.
    primitives: &[
        ("String", Primitive::String),
        ("Character", Primitive::String),
        ("UUID", Primitive::String),
        ("URL", Primitive::String),
        ("Data", Primitive::String),
        ("Date", Primitive::String),
        ("Int", Primitive::Integer),
        ("Int32", Primitive::Integer),
        ("Int64", Primitive::Integer),
        ("Float", Primitive::Float),
        ("Double", Primitive::Float),
        ("Decimal", Primitive::Float),
        ("Bool", Primitive::Boolean),
        ("OpenAPIDateWithoutTime", Primitive::Date),
        ("AnyCodable", Primitive::Any),
        ("JSONValue", Primitive::Any),
        // What the older templates wrote for a free-form object: swift4's `Any`, the
        // swagger-codegen era's `JSON`.
        ("Any", Primitive::Any),
        ("JSON", Primitive::Any),
        // A free-form object's model (`[Dictionary]`), and the models the type mapping renames
        // (`map` and `List`: `Dictionary`, `Array`), without their items' type.
        ("Dictionary", Primitive::Any),
        ("Array", Primitive::Any),
    ],
    // The templates write Foundation's `Date` and a model named `Date` alike: in a folder with
    // a page `Date`, either.
    primitives_before_pages: &["Date"],
    inexact: &[
        ("Decimal", Inexact::Decimal),
        ("Date", Inexact::DateOrDateTime),
        ("Array", Inexact::LanguageType),
    ],
    ..DialectSpec::EMPTY
};

/// Names the Swift templates escape with a leading `_` (the lowerCamelCase ones among
/// openapi-generator's `swift5` reserved words: Swift's keywords).
#[rustfmt::skip]
const SWIFT_RESERVED: &[&str] = &[
    "as", "associatedtype", "associativity", "break", "case", "catch", "class", "continue",
    "convenience", "default", "defer", "deinit", "didSet", "do", "dynamic", "dynamicType", "else",
    "enum", "extension", "fallthrough", "false", "fileprivate", "final", "for", "func", "get",
    "guard", "if", "import", "in", "indirect", "infix", "init", "inout", "internal", "is", "lazy",
    "left", "let", "mutating", "nil", "none", "nonmutating", "open", "operator", "optional",
    "override", "postfix", "precedence", "prefix", "private", "protocol", "public", "repeat",
    "required", "rethrows", "return", "right", "self", "set", "static", "struct", "subscript",
    "super", "switch", "throw", "throws", "true", "try", "typealias", "unowned", "var", "weak",
    "where", "while", "willSet",
];

/// The Swift templates' Name-column convention: the lowerCamelCase property, `_` before a
/// reserved word (`_default` -> `default`).
pub fn api_name(name: &str) -> String {
    without_underscore_escape(name, SWIFT_RESERVED)
}

#[cfg(test)]
mod tests {
    use super::api_name;

    #[test]
    fn swift_escapes_are_removed() {
        for (name, api) in [
            ("_default", "default"),
            ("_self", "self"),
            ("_links", "_links"),
        ] {
            assert_eq!(api_name(name), api, "{name}");
        }
    }

    #[test]
    fn swift_type_names_are_read() {
        use std::collections::BTreeSet;

        use crate::model::Primitive;
        use crate::parse::dialect::{Dialect, Inexact};
        use crate::parse::types::Leaf;

        let swift = Dialect::of(&super::SPEC);
        let pages = BTreeSet::new();
        for (name, primitive, inexact) in [
            ("Dictionary", Primitive::Any, None),
            ("Any", Primitive::Any, None),
            ("JSON", Primitive::Any, None),
            ("AnyCodable", Primitive::Any, None),
            ("Array", Primitive::Any, Some(Inexact::LanguageType)),
            ("Date", Primitive::String, Some(Inexact::DateOrDateTime)),
        ] {
            let read = swift.read_name(name, &pages);
            assert_eq!(read, Some((Leaf::Primitive(primitive), inexact)), "{name}");
        }
    }
}

//! openapi-generator's `ruby`: `Array<X>`, `Hash<String, X>`, `String`, `Integer`, `Float`,
//! `Boolean`, `Time`, `Date`, `Object`, `File`, and bare `Array` and `Hash`; in its 3.x and 4.x
//! templates (swagger-codegen 2.3's) `DateTime` for `Time` and, in 3.x, `BOOLEAN`; titles
//! `# Module::Name`; the Name column snake_case (`_` before a reserved word); enum pages an empty
//! Properties table.

use crate::model::{Container, Primitive};
use crate::parse::dialect::{DialectSpec, Holds, Mark, Opener, Word, without_underscore_escape};

/// The Ruby template's description.
pub static SPEC: DialectSpec = DialectSpec {
    reads_operations: true,
    file_types: &["File"],
    name: "ruby",
    api_name,
    type_syntax: "Ruby types are `String`, `Integer`, `Float`, `Boolean`, `Time`, `Date`, \
                  `Object`, `File`, `Array<T>`, `Hash<String, T>`, `Array`, `Hash`, or a model \
                  name",
    one_of_sections: true,
    // `Array<X>` is TypeScript's too: it shows both.
    containers: &[
        Opener {
            name: "Array",
            bracket: '<',
            holds: Holds::List,
        },
        Opener {
            name: "Hash",
            bracket: '<',
            holds: Holds::Map("String"),
        },
    ],
    // A `map` or `array` whose values the template does not say (a free-form object behind a
    // `$ref`: `Array<Hash>`, `Hash<String, Hash>`) is the bare container.
    words: &[
        ("Hash", Word::Container(Container::Map)),
        ("Array", Word::Container(Container::List)),
    ],
    marks: &[Mark::ModuleTitle],
    // The generator's `typeMapping` at every version: `Date` is a calendar date; `Time` (5.0 on)
    // and `DateTime` (before) an instant; `BOOLEAN` is 3.x's `boolean`; `File` a binary string.
    primitives: &[
        ("String", Primitive::String),
        ("Integer", Primitive::Integer),
        ("Float", Primitive::Float),
        ("Boolean", Primitive::Boolean),
        ("BOOLEAN", Primitive::Boolean),
        ("Time", Primitive::DateTime),
        ("DateTime", Primitive::DateTime),
        ("Date", Primitive::Date),
        ("Object", Primitive::Any),
        ("File", Primitive::String),
    ],
    // A model named `String` is written `**String**` too, unlinked (the generator counts the
    // name among its primitives), where other models are linked: in a folder with a page
    // `String`, either.
    links_models: true,
    ..DialectSpec::EMPTY
};

/// Names the Ruby template escapes with a leading `_` (openapi-generator's `ruby` reserved
/// words).
#[rustfmt::skip]
const RUBY_RESERVED: &[&str] = &[
    "__FILE__", "__LINE__", "_header_accept", "_header_accept_result", "_header_content_type",
    "alias", "and", "auth_names", "begin", "break", "case", "class", "def", "defined?", "do",
    "else", "elsif", "end", "ensure", "false", "for", "form_params", "header_params", "if", "in",
    "local_var_path", "module", "next", "nil", "not", "or", "post_body", "query_params", "redo",
    "rescue", "retry", "return", "self", "super", "then", "true", "undef", "unless", "until",
    "when", "while", "yield",
];

/// The Ruby template's Name-column convention: the snake_case attribute, `_` before a reserved
/// word (`_end` -> `end`).
pub fn api_name(name: &str) -> String {
    without_underscore_escape(name, RUBY_RESERVED)
}

#[cfg(test)]
mod tests {
    use super::super::read_in_folder;

    /// Every type the template writes, at every version, with its neutral reading.
    #[test]
    fn reads_the_ruby_vocabulary() {
        for (text, neutral) in [
            ("String", "str"),
            ("Integer", "int"),
            ("Float", "float"),
            ("Boolean", "bool"),
            ("BOOLEAN", "bool"),
            ("Date", "date"),
            ("Time", "datetime"),
            ("DateTime", "datetime"),
            ("Object", "object"),
            ("File", "str"),
            ("Array<String>", "list[str]"),
            ("Hash<String, Array<Time>>", "dict(str, list[datetime])"),
            ("Array", "list[object]"),
            ("Hash", "dict(str, object)"),
            ("Array<Hash>", "list[dict(str, object)]"),
            ("Array<Array>", "list[list[object]]"),
            ("Hash<String, Hash>", "dict(str, dict(str, object))"),
            (
                "Hash<String, Hash<String, BOOLEAN>>",
                "dict(str, dict(str, bool))",
            ),
            ("Array<Pet>", "list[Pet]"),
        ] {
            assert_eq!(
                read_in_folder("ruby", text),
                (neutral.to_owned(), None),
                "{text}"
            );
        }
    }
}

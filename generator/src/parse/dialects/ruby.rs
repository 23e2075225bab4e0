//! openapi-generator's `ruby`: `Array<X>`, `Hash<String, X>`, `String`, `Integer`, `Float`,
//! `Boolean`, `Time`, `Date`, `Object`; titles `# Module::Name`; the Name column snake_case
//! (`_` before a reserved word); enum pages an empty Properties table.

use crate::parse::dialect::{DialectSpec, Holds, Mark, Opener, without_underscore_escape};
use crate::parse::types::Primitive;

/// The Ruby template's description.
pub static SPEC: DialectSpec = DialectSpec {
    name: "ruby",
    api_name,
    type_syntax: "Ruby types are `String`, `Integer`, `Float`, `Boolean`, `Time`, `Date`, \
                  `Object`, `Array<T>`, `Hash<String, T>`, or a model name",
    one_of_sections: true,
    // `Array<X>` is TypeScript's too: it shows neither.
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
    marks: &[Mark::ModuleTitle],
    // `Date` is a calendar date, `Time` an instant.
    primitives: &[
        ("String", Primitive::Str),
        ("Integer", Primitive::Int),
        ("Float", Primitive::Float),
        ("Boolean", Primitive::Bool),
        ("Time", Primitive::Datetime),
        ("Date", Primitive::Date),
        ("Object", Primitive::Object),
    ],
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

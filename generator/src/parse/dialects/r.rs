//! openapi-generator's `r`: `character`, `integer`, `numeric`, `data.frame`, `object`,
//! `array[X]`, `set[X]`, `map(X)`, a bare `map`; titles `# package::Name`; the Name column is
//! the JSON name (`item_` before the names R6 reserves); enum pages an empty Properties table.

use crate::model::Primitive;
use crate::parse::dialect::{DialectSpec, Holds, Inexact, Opener, Word};

/// The R template's description.
pub static SPEC: DialectSpec = DialectSpec {
    name: "r",
    api_name,
    type_syntax: "R types are `character`, `integer`, `numeric`, `data.frame`, `object`, `map`, \
                  `array[T]`, `set[T]`, `map(T)`, or a model name",
    names_are_json: true,
    // `integer` is the Bash template's word too: it shows both.
    words: &[
        ("character", Word::Name),
        ("numeric", Word::Name),
        ("integer", Word::Name),
        ("data.frame", Word::Name),
    ],
    // `array[X]` is the Bash template's too: it shows both.
    containers: &[
        Opener {
            name: "array",
            bracket: '[',
            holds: Holds::List,
        },
        Opener {
            name: "set",
            bracket: '[',
            holds: Holds::List,
        },
        Opener {
            name: "map",
            bracket: '(',
            holds: Holds::Values(None),
        },
    ],
    // The template maps booleans to `character` as well as strings, dates, UUIDs and bytes: it is
    // any JSON value. `data.frame` is a file's bytes, a string on the wire; a bare `map` is a
    // free-form object.
    primitives: &[
        ("character", Primitive::Any),
        ("integer", Primitive::Integer),
        ("numeric", Primitive::Float),
        ("data.frame", Primitive::String),
        ("object", Primitive::Any),
        ("map", Primitive::Any),
    ],
    inexact: &[(
        "character",
        Inexact::SeveralKinds("strings (dates and bytes too) and booleans"),
    )],
    // Its titles are Ruby's (`# package::Name`), which then show Ruby.
    extends: &["ruby"],
    ..DialectSpec::EMPTY
};

/// The names R6 classes reserve, which the template writes with an `item_` prefix.
const R6_RESERVED: &[&str] = &["self", "private", "super"];

/// The R template's Name-column convention: the JSON name, `item_` before a name R6 reserves
/// (`item_self` -> `self`).
pub fn api_name(name: &str) -> String {
    name.strip_prefix("item_")
        .filter(|rest| R6_RESERVED.contains(rest))
        .unwrap_or(name)
        .to_owned()
}

#[cfg(test)]
mod tests {
    use super::api_name;
    use crate::parse::dialects::named;

    #[test]
    fn r_escapes_are_removed() {
        for (name, api) in [
            ("item_self", "self"),
            ("item_super", "super"),
            ("item_name", "item_name"),
            ("@type", "@type"),
        ] {
            assert_eq!(api_name(name), api, "{name}");
        }
    }

    #[test]
    fn reads_the_r_syntax() {
        let r = named("r");
        crate::parse::dialects::assert_reads(&[
            ("map(array[character])", "dict(str, list[character])", r),
            ("array[map(integer)]", "list[dict(str, integer)]", r),
            ("set[character]", "list[character]", r),
            ("numeric", "numeric", r),
            ("data.frame", "data.frame", r),
            // Shared with Bash.
            ("array[integer]", "list[integer]", None),
            ("array[Tag]", "list[Tag]", None),
        ]);
    }
}

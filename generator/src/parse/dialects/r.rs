//! openapi-generator's `r`: `character`, `integer`, `numeric`, `data.frame`, `object`,
//! `array[X]`, `set[X]`, `map(X)`, a bare `map`; titles `# package::Name`; the Name column is
//! the JSON name (`item_` before the names R6 reserves); enum pages an empty Properties table.

use crate::model::Primitive;
use crate::parse::dialect::{DialectSpec, Holds, Inexact, Opener, Word};

/// The R template's description.
pub static SPEC: DialectSpec = DialectSpec {
    reads_operations: true,
    // `data.frame` is a file's contents (`RClientCodegen`'s typeMapping of `file`).
    file_types: &["data.frame"],
    // `character` is a string, a date or a boolean, never an object.
    scalar_type: |name| name == "character",
    parameter_name: Some(parameter_name),
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
        // The API pages' list and map of a parameter's items (`api_doc.mustache`:
        // `list( **X** )`, `named list( **X** )`).
        Opener {
            name: "list",
            bracket: '(',
            holds: Holds::List,
        },
        Opener {
            name: "named list",
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

/// The words `RClientCodegen` reserves (compared in lower case), which its `toParamName`
/// escapes.
#[rustfmt::skip]
const R_RESERVED: &[&str] = &[
    "if", "else", "repeat", "while", "function", "for", "next", "break", "true", "false",
    "null", "inf", "nan", "na", "na_integer_", "na_real_", "na_complex_", "na_character_",
    "in", "apiresponse",
];

/// The R template's parameter names in its API pages (`RClientCodegen.toParamName`): the name in
/// snake case, which says nothing of the wire name's letter case (`petId` and `pet_id` are both
/// `pet_id`: `[naming] wire` spells it), 4.x and 5.x with `.` for `_` (`pet.id`); a reserved word
/// or a leading digit escaped, `var_` before it (6.x on), 4.x and 5.x `Var` before a digit and a
/// reserved word camelized with `_` after it (`If_`, written `If.`). The escapes are removed.
fn parameter_name(name: &str) -> String {
    let name = name.replace('.', "_");
    let reserved = |word: &str| R_RESERVED.contains(&word.to_lowercase().as_str());
    let digit_first = |word: &str| word.starts_with(|c: char| c.is_ascii_digit());
    if let Some(rest) = name.strip_prefix("var_")
        && (reserved(rest) || digit_first(rest))
    {
        return rest.to_owned();
    }
    if let Some(rest) = name.strip_prefix("Var")
        && digit_first(rest)
    {
        return rest.to_owned();
    }
    if let Some(word) = name.strip_suffix('_')
        && word.starts_with(|c: char| c.is_ascii_uppercase())
        && reserved(word)
    {
        return word.to_lowercase();
    }
    name
}

#[cfg(test)]
mod tests {
    use super::{api_name, parameter_name};
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
    fn r_parameter_escapes_are_removed() {
        for (name, api) in [
            ("pet_id", "pet_id"),
            ("pet.id", "pet_id"),
            ("x.request.id", "x_request_id"),
            ("var_function", "function"),
            ("var_1st", "1st"),
            ("Var1st", "1st"),
            ("If.", "if"),
            ("var_name", "var_name"),
            ("self", "self"),
        ] {
            assert_eq!(parameter_name(name), api, "{name}");
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
            ("list( character )", "list[character]", r),
            ("named list( Pet )", "dict(str, Pet)", r),
            ("data.frame", "data.frame", r),
            // Shared with Bash.
            ("array[integer]", "list[integer]", None),
            ("array[Tag]", "list[Tag]", None),
        ]);
    }
}

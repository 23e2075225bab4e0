//! openapi-generator's `bash`: `string`, `integer` (for numbers too), `float`, `boolean`,
//! `binary`, `map`, `array[X]`, `Set[X]`, `map[String, X]`; the Name column is the JSON name
//! with its special characters spelled out (`created_at` is `createdUnderscoreat`) and `_` before
//! a Bash keyword; every row's Notes say `[default to null]`.

use std::collections::BTreeSet;

use crate::model::Primitive;
use crate::parse::dialect::{DialectSpec, Holds, Inexact, Opener, Word};
use crate::parse::types::Leaf;

/// The Bash template's description.
pub static SPEC: DialectSpec = DialectSpec {
    // `bash/api_doc.mustache`: its example call shows each path, query and header parameter's
    // wire name and place (`parse/operations.rs`'s `InCall`).
    reads_operations: true,
    file_types: &["binary"],
    name: "bash",
    api_name,
    type_syntax: "Bash types are `string`, `integer`, `float`, `boolean`, `binary`, `map`, \
                  `array[T]`, `Set[T]`, `map[String, T]`, or a model name",
    names_are_json: true,
    // `integer` is R's word too, `boolean` TypeScript's, `string` Go's: each shows those too.
    // `float` is the type model's own name, which any template may write.
    words: &[
        ("integer", Word::Name),
        ("string", Word::Primitive(Primitive::String)),
        ("boolean", Word::Primitive(Primitive::Boolean)),
        ("binary", Word::Name),
    ],
    // `array[X]` is R's too, `map[string, X]` PHP's older templates': each shows both.
    containers: &[
        Opener {
            name: "array",
            bracket: '[',
            holds: Holds::List,
        },
        Opener {
            name: "Set",
            bracket: '[',
            holds: Holds::List,
        },
        Opener {
            name: "map",
            bracket: '[',
            holds: Holds::Map("string"),
        },
    ],
    // The template maps `number` (any number without a format) to `integer` too: a JSON number
    // kept as sent. `binary` is a file's bytes, a string on the wire; a bare `map` or `array`
    // holds any values.
    primitives: &[
        ("string", Primitive::String),
        ("integer", Primitive::Number),
        ("binary", Primitive::String),
        ("map", Primitive::Any),
        ("array", Primitive::Any),
    ],
    inexact: &[(
        "integer",
        Inexact::SeveralKinds("integers and numbers without a format"),
    )],
    read_other_name: Some(titled_model),
    ..DialectSpec::EMPTY
};

/// A model the pages title by its schema name and the types by its class name
/// (`Garage_inline_one_of`, `GarageInlineOneOf`): the page whose name is the type's but for
/// `_` and letter case, when one alone is.
fn titled_model(name: &str, page_names: &BTreeSet<String>) -> Option<(Leaf, Option<Inexact>)> {
    let folded = |name: &str| name.replace('_', "").to_lowercase();
    let mut titled = page_names
        .iter()
        .filter(|page| folded(page) == folded(name));
    let page = titled.next()?;
    titled
        .next()
        .is_none()
        .then(|| (Leaf::Named(page.clone()), None))
}

/// Bash's keywords, which the template writes with a leading `_` (`_in`).
#[rustfmt::skip]
const BASH_RESERVED: &[&str] = &[
    "case", "do", "done", "elif", "else", "esac", "fi", "for", "function", "if", "in", "select",
    "then", "time", "until", "while",
];

/// The words openapi-generator spells special characters with that cannot be a camelCase
/// word of a name (`DefaultCodegen`'s `specialCharReplacements`): those with a `_`, which the
/// spelled name has nowhere else, and `Underscore` and `Minus`. The others (`At`, `Dollar`,
/// `Period`, `Hash`...) are also words of real names (`createdAt`, `billingPeriod`): they are
/// read as written.
const SPELLED_CHARACTERS: &[(&str, &str)] = &[
    ("Greater_Than_Or_Equal_To", ">="),
    ("Less_Than_Or_Equal_To", "<="),
    ("Right_Curly_Bracket", "}"),
    ("Left_Curly_Bracket", "{"),
    ("Right_Square_Bracket", "]"),
    ("Left_Square_Bracket", "["),
    ("Right_Parenthesis", ")"),
    ("Left_Parenthesis", "("),
    ("Question_Mark", "?"),
    ("Double_Quote", "\""),
    ("Greater_Than", ">"),
    ("Less_Than", "<"),
    ("Back_Slash", "\\"),
    ("Not_Equal", "!="),
    ("Tilde_Equal", "~="),
    ("Underscore", "_"),
    ("Minus", "-"),
];

/// The Bash template's Name-column convention: the JSON name, its special characters spelled
/// out (`createdUnderscoreat` -> `created_at`, `xMinustotal` -> `x-total`: only the spellings
/// of [`SPELLED_CHARACTERS`] are read back), `_` before a keyword (`_in` -> `in`).
pub fn api_name(name: &str) -> String {
    if let Some(keyword) = name
        .strip_prefix('_')
        .filter(|rest| BASH_RESERVED.contains(rest))
    {
        return keyword.to_owned();
    }
    let mut read = String::with_capacity(name.len());
    let mut rest = name;
    while let Some(next) = rest.chars().next() {
        match SPELLED_CHARACTERS
            .iter()
            .find(|(spelled, _)| rest.starts_with(spelled))
        {
            Some((spelled, character)) => {
                read.push_str(character);
                rest = &rest[spelled.len()..];
            }
            None => {
                read.push(next);
                rest = &rest[next.len_utf8()..];
            }
        }
    }
    read
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::{api_name, titled_model};
    use crate::parse::dialects::named;
    use crate::parse::types::Leaf;

    #[test]
    fn bash_spellings_are_read_back() {
        for (name, api) in [
            ("intUnderscoreplain", "int_plain"),
            ("xMinustotalMinuscount", "x-total-count"),
            ("UnderscoreUnderscoreprivate", "__private"),
            ("questionQuestion_Mark", "question?"),
            ("_in", "in"),
            ("éUnderscoreaccent", "é_accent"),
            // Words of real names stay.
            ("createdAt", "createdAt"),
            ("billingPeriod", "billingPeriod"),
            ("_links", "_links"),
        ] {
            assert_eq!(api_name(name), api, "{name}");
        }
    }

    #[test]
    fn a_model_is_found_by_its_title() {
        let pages: BTreeSet<String> = ["Garage_inline_one_of".to_owned(), "Pet".to_owned()].into();
        assert_eq!(
            titled_model("GarageInlineOneOf", &pages),
            Some((Leaf::Named("Garage_inline_one_of".to_owned()), None))
        );
        assert_eq!(titled_model("Tag", &pages), None);
    }

    #[test]
    fn reads_the_bash_syntax() {
        let bash = named("bash");
        crate::parse::dialects::assert_reads(&[
            ("map[String, array[string]]", "dict(str, list[str])", bash),
            ("Set[string]", "list[str]", bash),
            (
                "array[map[String, integer]]",
                "list[dict(str, integer)]",
                bash,
            ),
            ("binary", "binary", bash),
        ]);
    }
}

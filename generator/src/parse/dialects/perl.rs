//! openapi-generator's `perl`: `ARRAY[X]`, `HASH[string,X]`, `string`, `int`, `double`,
//! `boolean`, `DateTime` (`DATE` and `DATE_TIME` since 6.0), `object`; titles
//! `# Module::Object::Name`; snake_case names (`_` before a leading digit); enum pages an empty
//! Properties table.

use crate::model::Primitive;
use crate::parse::dialect::{DialectSpec, Holds, Inexact, Mark, Opener, Word};

/// The Perl template's description.
pub static SPEC: DialectSpec = DialectSpec {
    reads_operations: true,
    file_types: &[],
    name: "perl",
    api_name,
    type_syntax: "Perl types are `string`, `int`, `double`, `boolean`, `DATE`, `DATE_TIME`, \
                  `DateTime`, `object`, `ARRAY[T]`, `HASH[string,T]`, or a model name",
    // Perl's own type names; `string` and `boolean` are others' too: each shows them all.
    words: &[
        ("string", Word::Primitive(Primitive::String)),
        ("boolean", Word::Primitive(Primitive::Boolean)),
        ("DATE", Word::Name),
        ("DATE_TIME", Word::Name),
    ],
    containers: &[
        Opener {
            name: "ARRAY",
            bracket: '[',
            holds: Holds::List,
        },
        Opener {
            name: "HASH",
            bracket: '[',
            holds: Holds::Map("string"),
        },
    ],
    // A title in the module's `Object` namespace: `# WWW::OpenAPIClient::Object::Pet`.
    marks: &[Mark::ObjectModuleTitle],
    // The template's type mapping: `DateTime` (before 6.0) is a date or a date-time, so it is
    // the string sent; `double` is any number (`string`, `int` and `object` are every dialect's); `ARRAY` and `HASH` alone hold anything (any JSON
    // value).
    primitives: &[
        ("double", Primitive::Float),
        ("DateTime", Primitive::String),
        ("DATE", Primitive::Date),
        ("DATE_TIME", Primitive::DateTime),
        ("ARRAY", Primitive::Any),
        ("HASH", Primitive::Any),
    ],
    inexact: &[("DateTime", Inexact::DateOrDateTime)],
    ..DialectSpec::EMPTY
};

/// The Perl template's Name-column convention: the snake_case attribute (`[naming] wire` spells
/// the JSON from it), without the `_` written before a name that starts with a digit
/// (`_1st` -> `1st`). Perl's keywords are not escaped.
pub fn api_name(name: &str) -> String {
    name.strip_prefix('_')
        .filter(|rest| rest.starts_with(|c: char| c.is_ascii_digit()))
        .unwrap_or(name)
        .to_owned()
}

#[cfg(test)]
mod tests {
    use super::api_name;
    use crate::parse::dialects;

    #[test]
    fn perl_escapes_are_removed() {
        for (name, api) in [
            ("_1st", "1st"),
            ("_2nd_place", "2nd_place"),
            ("__private", "__private"),
            ("sub", "sub"),
        ] {
            assert_eq!(api_name(name), api, "{name}");
        }
    }

    #[test]
    fn perl_types_read_as_lists_and_maps() {
        let perl = dialects::named("perl");
        crate::parse::dialects::assert_reads(&[
            ("ARRAY[string]", "list[str]", perl),
            ("HASH[string,string]", "dict(str, str)", perl),
            ("ARRAY[HASH[string,int]]", "list[dict(str, int)]", perl),
            ("HASH[string,ARRAY[Pet]]", "dict(str, list[Pet])", perl),
            ("ARRAY[DATE_TIME]", "list[DATE_TIME]", perl),
            // `boolean` is TypeScript's too: it shows no dialect.
            ("boolean", "bool", None),
        ]);
    }
}

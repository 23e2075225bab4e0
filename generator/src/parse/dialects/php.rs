//! openapi-generator's `php` and `php-nextgen`: `X[]`, `array<string,X>`, `\DateTime`, `mixed`,
//! bare `array`, models as `\Vendor\Model\X`; in its 3.x and 4.x templates `map[string,X]` and
//! bare `map`; titles `# # Name` (`php`); snake_case names; enum pages an empty Properties table;
//! `php-nextgen`'s oneOf / anyOf pages a `## oneOf` list.

use crate::model::Primitive;
use crate::parse::dialect::{DialectSpec, Holds, Inexact, Mark, Opener, Qualified, Word};

/// The PHP templates' description.
pub static SPEC: DialectSpec = DialectSpec {
    reads_operations: true,
    file_types: &["\\SplFileObject", "SplFileObject"],
    name: "php",
    api_name,
    type_syntax: "PHP types are `string`, `int`, `float`, `double`, `bool`, `\\DateTime`, \
                  `\\SplFileObject`, `object`, `mixed`, `array`, `T[]`, `array<string,T>`, or a \
                  model name (`\\Vendor\\Model\\T`)",
    words: &[
        ("mixed", Word::Primitive(Primitive::Any)),
        ("string", Word::Primitive(Primitive::String)),
    ],
    // Its maps: `array<string,X>`, and `map[string,X]` in its older templates.
    containers: &[
        Opener {
            name: "array",
            bracket: '<',
            holds: Holds::Map("string"),
        },
        Opener {
            name: "map",
            bracket: '[',
            holds: Holds::Map("string"),
        },
    ],
    // A PHP class: a model is named in full (`\Vendor\Model\Pet`, the model `Pet`); a class of
    // PHP's own (`\DateTime`, `\SplFileObject`) is read by a PHP folder.
    qualified: &[("\\", Qualified::LastSegment('\\'))],
    marks: &[
        Mark::ListPostfix,
        Mark::VariantListHeading,
        Mark::DoubleHashTitle,
    ],
    // The generator's `typeMapping` at every version. `\DateTime` is what the templates write
    // for dates and date-times alike, so it is the string sent (`DateTime` when a model's
    // namespace is written before it: `\Vendor\Model\\DateTime`); a file is `\SplFileObject`, in
    // `php-nextgen` 7.x `\Psr\Http\Message\StreamInterface` (read as its last segment): a binary
    // string. `array` is a list or a map, and `map` (3.x, 4.x) a map whose values the template
    // does not say (a free-form object behind a `$ref`): any JSON value.
    primitives: &[
        ("\\DateTime", Primitive::String),
        ("DateTime", Primitive::String),
        ("\\SplFileObject", Primitive::String),
        ("StreamInterface", Primitive::String),
        ("double", Primitive::Float),
        ("array", Primitive::Any),
        ("map", Primitive::Any),
    ],
    inexact: &[
        ("\\DateTime", Inexact::DateOrDateTime),
        ("DateTime", Inexact::DateOrDateTime),
        ("array", Inexact::ListOrMap),
    ],
    ..DialectSpec::EMPTY
};

/// The PHP templates' Name-column convention: the snake_case attribute (`[naming] wire` spells
/// the JSON from it), without the `_` written before a name that starts with a digit
/// (`_123_number` -> `123_number`). PHP keywords are not escaped.
pub fn api_name(name: &str) -> String {
    name.strip_prefix('_')
        .filter(|rest| rest.starts_with(|c: char| c.is_ascii_digit()))
        .unwrap_or(name)
        .to_owned()
}

#[cfg(test)]
mod tests {
    use super::super::read_in_folder;
    use super::api_name;

    #[test]
    fn php_escapes_are_removed() {
        for (name, api) in [
            ("_123_number", "123_number"),
            ("_links", "_links"),
            ("class", "class"),
        ] {
            assert_eq!(api_name(name), api, "{name}");
        }
    }

    /// Every type the templates write, at every version, with its neutral reading and the note
    /// a field's docs get when the type says less.
    #[test]
    fn reads_the_php_vocabulary() {
        let date = Some("`\\DateTime`, which the template writes for dates and date-times");
        let namespaced_date = Some("`DateTime`, which the template writes for dates");
        let array = Some("`array`, which the template writes for lists and maps alike");
        for (text, neutral, note) in [
            ("string", "str", None),
            ("int", "int", None),
            ("float", "float", None),
            ("double", "float", None),
            ("bool", "bool", None),
            ("object", "object", None),
            ("mixed", "object", None),
            ("\\DateTime", "str", date),
            (
                "\\OpenAPI\\Client\\Model\\\\DateTime",
                "str",
                namespaced_date,
            ),
            ("\\SplFileObject", "str", None),
            ("\\Psr\\Http\\Message\\StreamInterface", "str", None),
            ("string[]", "list[str]", None),
            ("int[][]", "list[list[int]]", None),
            ("mixed[]", "list[object]", None),
            ("array", "object", array),
            ("array[]", "list[object]", array),
            ("array<string,array>", "dict(str, object)", array),
            ("array<string,mixed>[]", "list[dict(str, object)]", None),
            ("array<string,\\DateTime>", "dict(str, str)", date),
            ("map[string,string]", "dict(str, str)", None),
            ("\\OpenAPI\\Client\\Model\\map", "object", None),
            (
                "map[string,\\OpenAPI\\Client\\Model\\map]",
                "dict(str, object)",
                None,
            ),
            ("\\OpenAPI\\Client\\Model\\Pet[]", "list[Pet]", None),
        ] {
            let (read, read_note) = read_in_folder("php", text);
            assert_eq!(read, neutral, "{text}");
            let expected = note.map(|note| format!("The docs give its type as {note}"));
            match (&read_note, &expected) {
                (Some(read), Some(expected)) => assert!(read.starts_with(expected), "{text}"),
                _ => assert_eq!(read_note, expected, "{text}"),
            }
        }
    }
}

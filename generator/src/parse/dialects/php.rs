//! openapi-generator's `php` and `php-nextgen`: `X[]`, `array<string,X>`, `\DateTime`, `mixed`,
//! models as `\Vendor\Model\X`; titles `# # Name` (`php`); snake_case names; enum pages an empty
//! Properties table; `php-nextgen`'s oneOf / anyOf pages a `## oneOf` list.

use crate::parse::dialect::{DialectSpec, Holds, Inexact, Mark, Opener, Qualified, Word};
use crate::parse::types::Primitive;

/// The PHP templates' description.
pub static SPEC: DialectSpec = DialectSpec {
    name: "php",
    api_name,
    type_syntax: "PHP types are `string`, `int`, `float`, `bool`, `\\DateTime`, `object`, \
                  `mixed`, `T[]`, `array<string,T>`, or a model name (`\\Vendor\\Model\\T`)",
    words: &[("mixed", Word::Primitive(Primitive::Object))],
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
    // `\DateTime` is what the templates write for dates and date-times alike, so it is the
    // string sent.
    primitives: &[
        ("\\DateTime", Primitive::Str),
        ("\\SplFileObject", Primitive::Str),
        ("double", Primitive::Float),
    ],
    inexact: &[("\\DateTime", Inexact::DateOrDateTime)],
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
}

//! openapi-generator's `csharp` (every library: `generichost`, `httpclient`, `restsharp`) and its
//! older `csharp-netcore`: `List<X>`, `Dictionary<string, X>`, `long?`, `decimal`, `DateTime`,
//! `Guid`; titles `# Namespace.Model.Name`; PascalCase names; enum pages an empty Properties
//! table.

use std::collections::BTreeSet;

use crate::parse::dialect::{DialectSpec, Holds, Inexact, Mark, Opener, Qualified, Word};
use crate::parse::types::{Leaf, Primitive};

/// The C# templates' description.
pub static SPEC: DialectSpec = DialectSpec {
    name: "csharp",
    api_name,
    type_syntax: "C# types are `string`, `int`, `long`, `float`, `double`, `decimal`, `bool`, \
                  `DateTime`, `DateOnly`, `Guid`, `Object`, `byte[]`, `T?`, `List<T>`, \
                  `Dictionary<string, T>`, or a model name",
    // C#'s own words (`decimal` says in the field's docs what it is read as).
    words: &[
        ("long", Word::Name),
        ("decimal", Word::Name),
        ("uint", Word::Name),
        ("ulong", Word::Name),
    ],
    // `List<X>` is Java's too: it shows neither.
    containers: &[
        Opener {
            name: "List",
            bracket: '<',
            holds: Holds::List,
        },
        Opener {
            name: "Collection",
            bracket: '<',
            holds: Holds::List,
        },
        Opener {
            name: "Dictionary",
            bracket: '<',
            holds: Holds::Map("string"),
        },
    ],
    qualified: &[("System.", Qualified::Whole)],
    marks: &[Mark::NullablePostfix, Mark::DottedTitle],
    // `DateTime` is what the templates write for dates and date-times alike, so it is the
    // string sent; `decimal` is read as a float.
    primitives: &[
        ("DateTime", Primitive::Str),
        ("Guid", Primitive::Str),
        ("System.IO.Stream", Primitive::Str),
        ("FileParameter", Primitive::Str),
        ("long", Primitive::Int),
        ("uint", Primitive::Int),
        ("ulong", Primitive::Int),
        ("double", Primitive::Float),
        ("decimal", Primitive::Float),
        ("DateTimeOffset", Primitive::Datetime),
        ("DateOnly", Primitive::Date),
        ("Object", Primitive::Object),
    ],
    inexact: &[
        ("decimal", Inexact::Decimal),
        ("DateTime", Inexact::DateOrDateTime),
    ],
    read_other_name: Some(qualified_name),
    ..DialectSpec::EMPTY
};

/// A C# name with a dot: a qualified model (`Org.OpenAPITools.Model.Pet` is `Pet`), or a
/// model's own enum (`EnumArrays.ArrayEnumEnum`), whose values the page does not list: any JSON
/// value.
fn qualified_name(name: &str, page_names: &BTreeSet<String>) -> Option<(Leaf, Option<Inexact>)> {
    let (owner, last) = name.rsplit_once('.')?;
    if page_names.contains(last) {
        return Some((Leaf::Named(last.to_owned()), None));
    }
    let owner = owner.rsplit('.').next().unwrap_or(owner);
    page_names.contains(owner).then_some((
        Leaf::Primitive(Primitive::Object),
        Some(Inexact::UnlistedEnum),
    ))
}

/// The names C#'s `toVarName` gives a `Property` prefix: members every generated model has.
const CSHARP_MEMBERS: &[&str] = &[
    "ToString",
    "ToJson",
    "GetHashCode",
    "Equals",
    "ShouldSerializeToString",
];

/// The C# templates' Name-column convention: the PascalCase property (`[naming] wire` spells
/// the JSON from it, as from Go's), the template's escapes removed: `var` before a reserved
/// word, a name starting with a digit or the model's own name (`varVersion` -> `Version`; a
/// PascalCase property never starts with a lowercase `var`), and `Property` before a member
/// every model has (`PropertyToString` -> `ToString`).
pub fn api_name(name: &str) -> String {
    if let Some(rest) = name.strip_prefix("var")
        && rest.starts_with(|c: char| c.is_ascii_uppercase() || c.is_ascii_digit())
    {
        return rest.to_owned();
    }
    name.strip_prefix("Property")
        .filter(|rest| CSHARP_MEMBERS.contains(rest))
        .unwrap_or(name)
        .to_owned()
}

#[cfg(test)]
mod tests {
    use super::api_name;

    #[test]
    fn csharp_escapes_are_removed() {
        for (name, api) in [
            ("varVersion", "Version"),
            ("var123Number", "123Number"),
            ("PropertyToString", "ToString"),
            ("PhotoUrls", "PhotoUrls"),
            // Not escapes: a PascalCase name, or no member after `Property`.
            ("Variant", "Variant"),
            ("PropertyName", "PropertyName"),
        ] {
            assert_eq!(api_name(name), api, "{name}");
        }
    }
}

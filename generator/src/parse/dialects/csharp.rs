//! openapi-generator's `csharp` (every library: `generichost`, `httpclient`, `restsharp`) and its
//! older `csharp-netcore`: `List<X>`, `Dictionary<string, X>`, `long?`, `decimal`, `DateTime`,
//! `Guid`; titles `# Namespace.Model.Name`; PascalCase names; enum pages an empty Properties
//! table.

use std::collections::BTreeSet;

use crate::model::Primitive;
use crate::parse::dialect::{DialectSpec, Holds, Inexact, Mark, Opener, Qualified, Word};
use crate::parse::types::Leaf;

/// The C# templates' description.
pub static SPEC: DialectSpec = DialectSpec {
    reads_operations: true,
    file_types: &["System.IO.Stream", "FileParameter"],
    name: "csharp",
    api_name,
    type_syntax: "C# types are `string`, `int`, `long`, `float`, `double`, `decimal`, `bool`, \
                  `DateTime`, `DateOnly`, `Guid`, `Object`, `byte[]`, `T?`, `List<T>`, \
                  `Dictionary<string, T>`, or a model name",
    // C#'s own words (`decimal` says in the field's docs what it is read as).
    words: &[
        ("string", Word::Primitive(Primitive::String)),
        ("long", Word::Name),
        ("decimal", Word::Name),
        ("uint", Word::Name),
        ("ulong", Word::Name),
    ],
    // `List<X>` is Java's too: it shows both.
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
        ("DateTime", Primitive::String),
        ("Guid", Primitive::String),
        ("System.IO.Stream", Primitive::String),
        ("FileParameter", Primitive::String),
        ("long", Primitive::Integer),
        ("uint", Primitive::Integer),
        ("ulong", Primitive::Integer),
        ("double", Primitive::Float),
        ("decimal", Primitive::Float),
        ("DateTimeOffset", Primitive::DateTime),
        ("DateOnly", Primitive::Date),
        ("Object", Primitive::Any),
        // A free-form object's model, which the templates of 4.x-6.x name by their map type
        // alone (`List<Dictionary>`).
        ("Dictionary", Primitive::Any),
    ],
    // The templates link a model named `Object` (`[**Object**](Object.md)`) except where they
    // take it for C#'s own `Object`: unlinked, in a folder with a page `Object`, either.
    primitives_before_pages: &["Object"],
    // The 3.x templates wrote `?` after every value type, required or not: 3.x's
    // `AbstractCSharpCodegen.typeMapping` maps `integer` to `int?`, `boolean` to `bool?`,
    // `DateTime` to `DateTime?`, `UUID` to `Guid?` (4.x writes `?` through `getNullableType`,
    // for a nullable or optional value): where no integer, number or boolean field is written
    // without it, `?` says nothing of `null`.
    marked_in_every_field: &[Primitive::Integer, Primitive::Float, Primitive::Boolean],
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
    page_names
        .contains(owner)
        .then_some((Leaf::Primitive(Primitive::Any), Some(Inexact::UnlistedEnum)))
}

/// The names C#'s `toVarName` gives a `Property` prefix: members every generated model has.
const CSHARP_MEMBERS: &[&str] = &[
    "ToString",
    "ToJson",
    "GetHashCode",
    "Equals",
    "ShouldSerializeToString",
];

/// C#'s reserved words, and the names the templates' generated code uses itself
/// (openapi-generator's `AbstractCSharpCodegen` reserved words, lowercase).
#[rustfmt::skip]
const CSHARP_RESERVED: &[&str] = &[
    "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked",
    "class", "client", "const", "continue", "decimal", "default", "delegate", "do", "double",
    "else", "enum", "event", "explicit", "extern", "false", "finally", "fixed", "float", "for",
    "foreach", "goto", "if", "implicit", "in", "int", "interface", "internal", "is", "lock",
    "long", "namespace", "new", "null", "object", "operator", "out", "override", "parameter",
    "params", "private", "protected", "public", "readonly", "ref", "return", "sbyte", "sealed",
    "short", "sizeof", "stackalloc", "static", "string", "struct", "switch", "this", "throw",
    "true", "try", "typeof", "uint", "ulong", "unchecked", "unsafe", "ushort", "using",
    "virtual", "void", "volatile", "while",
];

/// The C# templates' Name-column convention: the PascalCase property (`[naming] wire` spells
/// the JSON from it, as from Go's), the template's escapes removed: `var` before a reserved
/// word, a name starting with a digit or the model's own name (`varVersion` -> `Version`; a
/// PascalCase property never starts with a lowercase `var`; 7.0 writes `Var` before a reserved
/// word or a digit: `VarClass` -> `Class`), `Property` after a reserved word
/// (`csharp-netcore`'s `generichost`, 6.x: `AbstractProperty` -> `Abstract`), and `Property`
/// before a member every model has (`PropertyToString` -> `ToString`).
pub fn api_name(name: &str) -> String {
    if let Some(rest) = name.strip_prefix("var")
        && rest.starts_with(|c: char| c.is_ascii_uppercase() || c.is_ascii_digit())
    {
        return rest.to_owned();
    }
    let reserved = |rest: &str| CSHARP_RESERVED.contains(&rest.to_ascii_lowercase().as_str());
    // 7.0's `Var` before a reserved word or a digit (`VarClass`, `Var1st`).
    if let Some(rest) = name.strip_prefix("Var")
        && (reserved(rest) || rest.starts_with(|c: char| c.is_ascii_digit()))
    {
        return rest.to_owned();
    }
    if let Some(rest) = name.strip_suffix("Property")
        && reserved(rest)
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
            ("AbstractProperty", "Abstract"),
            ("VarClass", "Class"),
            ("Var2ndPlace", "2ndPlace"),
            ("StringProperty", "String"),
            ("PhotoUrls", "PhotoUrls"),
            // Not escapes: a PascalCase name, or no member after `Property`.
            ("Variant", "Variant"),
            ("PropertyName", "PropertyName"),
            ("NameProperty", "NameProperty"),
            ("VarName", "VarName"),
        ] {
            assert_eq!(api_name(name), api, "{name}");
        }
    }

    #[test]
    fn csharp_type_names_are_read() {
        use std::collections::BTreeSet;

        use crate::model::Primitive;
        use crate::parse::dialect::Dialect;
        use crate::parse::types::Leaf;

        let csharp = Dialect::of(&super::SPEC);
        let pages = BTreeSet::new();
        for (name, primitive) in [
            ("Dictionary", Primitive::Any),
            ("Object", Primitive::Any),
            ("DateOnly", Primitive::Date),
            ("Guid", Primitive::String),
        ] {
            let read = csharp.read_name(name, &pages).map(|(leaf, _)| leaf);
            assert_eq!(read, Some(Leaf::Primitive(primitive)), "{name}");
        }
    }
}

//! openapi-generator's `powershell` (and `powershell-experimental`, its name in 4.x): `String`,
//! `Int32`, `Int64`, `Double`, `Decimal`, `Boolean`, `System.DateTime`, `System.IO.FileInfo`,
//! `System.Collections.Hashtable` (any map), `X[]`; PascalCase names (`Var` before a reserved
//! word or a leading digit); enum pages an empty Properties table.

use crate::model::Primitive;
use crate::parse::dialect::{DialectSpec, Inexact, Mark, Word};

/// The PowerShell templates' description.
pub static SPEC: DialectSpec = DialectSpec {
    // `powershell/api_doc.mustache` (4.x `powershell-experimental`'s too): cmdlet sections
    // (`# **New-Pet**`), the `[-PetId] <Int64>` signature lines, the Parameters table of
    // PascalCase names (`toParamName`: `camelize(sanitizeName(name))`, as properties).
    reads_operations: true,
    file_types: &["System.IO.FileInfo"],
    name: "powershell",
    api_name,
    type_syntax: "PowerShell types are `String`, `Int32`, `Int64`, `Double`, `Decimal`, \
                  `Boolean`, `System.DateTime`, `System.IO.FileInfo`, \
                  `System.Collections.Hashtable`, `T[]`, or a model name",
    // It links every model (`[**Object**](Object.md)`) but one named like its types, which it
    // writes as that type (`**String**`).
    links_models: true,
    // PowerShell's own type names (`Int32` and `Int64` are Swift's too, and show both), and
    // the names it links for a free-form object and bytes (`SystemCollectionsHashtable`,
    // `SystemByte`).
    words: &[
        ("Int32", Word::Name),
        ("Int64", Word::Name),
        ("System.DateTime", Word::Name),
        ("System.IO.FileInfo", Word::Name),
        ("System.Collections.Hashtable", Word::Name),
        ("SystemCollectionsHashtable", Word::Name),
        ("SystemByte", Word::Name),
    ],
    // `X[]` is PHP's too: it shows both.
    marks: &[Mark::ListPostfix],
    // The templates' type mapping and their language-specific primitives: a map of any values
    // is a `System.Collections.Hashtable` or `Map` (any JSON value: the page does not say of what);
    // `System.DateTime` is a date or a date-time (the string sent); `Decimal` is read as a
    // float; files, bytes, `Guid`, `Uri` and the like are strings on the wire.
    primitives: &[
        ("String", Primitive::String),
        ("Char", Primitive::String),
        ("Guid", Primitive::String),
        ("Uri", Primitive::String),
        ("Version", Primitive::String),
        ("TimeSpan", Primitive::String),
        ("SecureString", Primitive::String),
        ("XmlDocument", Primitive::String),
        ("System.DateTime", Primitive::String),
        ("System.IO.FileInfo", Primitive::String),
        ("SystemByte", Primitive::String),
        ("Byte", Primitive::Integer),
        ("SByte", Primitive::Integer),
        ("Int16", Primitive::Integer),
        ("Int32", Primitive::Integer),
        ("Int64", Primitive::Integer),
        ("UInt16", Primitive::Integer),
        ("UInt32", Primitive::Integer),
        ("UInt64", Primitive::Integer),
        ("Single", Primitive::Float),
        ("Double", Primitive::Float),
        ("Decimal", Primitive::Float),
        ("Boolean", Primitive::Boolean),
        ("System.Collections.Hashtable", Primitive::Any),
        ("SystemCollectionsHashtable", Primitive::Any),
        ("Map", Primitive::Any),
    ],
    inexact: &[
        ("Decimal", Inexact::Decimal),
        ("System.DateTime", Inexact::DateOrDateTime),
    ],
    // A list's items that are a `$ref` to a free-form object are `Map` (`getTypeDeclaration`
    // declares a map schema `System.Collections.Hashtable`, but a `$ref` is none, and
    // `getSchemaType` writes a type its `typeMapping` lacks, `map`, as `toModelName` spells it):
    // in a folder with a page `Map`, the name is either.
    primitives_before_pages: &["Map"],
    ..DialectSpec::EMPTY
};

/// The PowerShell templates' Name-column convention: the PascalCase property (`[naming] wire`
/// spells the JSON from it), without the `Var` written before a reserved word or a leading
/// digit (`VarFrom` -> `From`, `Var1st` -> `1st`; a PascalCase property never starts with
/// `Var` and another capital).
pub fn api_name(name: &str) -> String {
    name.strip_prefix("Var")
        .filter(|rest| rest.starts_with(|c: char| c.is_ascii_uppercase() || c.is_ascii_digit()))
        .unwrap_or(name)
        .to_owned()
}

#[cfg(test)]
mod tests {
    use super::api_name;
    use crate::parse::dialects;

    #[test]
    fn powershell_escapes_are_removed() {
        for (name, api) in [
            ("VarFrom", "From"),
            ("Var1st", "1st"),
            ("Var", "Var"),
            ("Variant", "Variant"),
            ("PascalCase", "PascalCase"),
        ] {
            assert_eq!(api_name(name), api, "{name}");
        }
    }

    #[test]
    fn powershell_types_read_as_lists() {
        let powershell = dialects::named("powershell");
        crate::parse::dialects::assert_reads(&[
            (
                "System.Collections.Hashtable",
                "System.Collections.Hashtable",
                powershell,
            ),
            ("System.DateTime[]", "list[System.DateTime]", powershell),
            (
                "SystemCollectionsHashtable[]",
                "list[SystemCollectionsHashtable]",
                powershell,
            ),
            // `X[]` is PHP's too, `Int64` Swift's: each shows both, together PowerShell.
            ("Pet[][]", "list[list[Pet]]", None),
            ("Int64[][]", "list[list[Int64]]", powershell),
            // A name that opens a container elsewhere (`List[X]`) is a list of it before `[]`.
            ("List[]", "list[List]", None),
        ]);
    }
}

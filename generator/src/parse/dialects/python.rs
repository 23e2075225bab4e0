//! swagger-codegen's and the early openapi-generator's `python` (and templates derived from them,
//! such as Genesys Cloud's; `python-legacy` in 5.x and 6.x): `list[X]`, `dict(str, X)` (in
//! `python-legacy` 6.x `dict[str, X]`), bare `list` and `dict`, `str`, `int`, `float`, `bool`,
//! `date`, `datetime`, `object`, and `file` for a binary string. The default dialect: its syntax
//! is the plainest, and the type model's own vocabulary.

use crate::model::Primitive;
use crate::parse::dialect::{DialectSpec, Holds, Opener, Word};

/// The legacy Python templates' description.
pub static SPEC: DialectSpec = DialectSpec {
    reads_operations: true,
    file_types: &["file", "file_type", "bytearray", "bytes"],
    name: "python",
    api_name,
    type_syntax: "types are `str`, `int`, `float`, `bool`, `date`, `datetime`, `object`, \
                  `list[T]`, `dict(str, T)` (or the same in another Python template's syntax: \
                  `List[T]`, `Dict[str, T]`, `[T]`, `{str: (T,)}`) or a model name",
    writes_angle_brackets: false,
    // The template's `typeMapping` maps files to `file`: a binary string on the wire.
    words: &[("file", Word::Primitive(Primitive::String))],
    containers: &[
        Opener {
            name: "list",
            bracket: '[',
            holds: Holds::List,
        },
        Opener {
            name: "dict",
            bracket: '(',
            holds: Holds::Map("str"),
        },
        Opener {
            name: "dict",
            bracket: '[',
            holds: Holds::Map("str"),
        },
    ],
    ..DialectSpec::EMPTY
};

/// Names the Python templates escape, because they are Python keywords or names their generated
/// code uses itself (openapi-generator's `python` reserved words).
const PYTHON_RESERVED: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "base64", "break", "class",
    "continue", "date", "def", "del", "elif", "else", "except", "exec", "finally", "float", "for",
    "from", "global", "if", "import", "in", "is", "json", "lambda", "nonlocal", "not", "or",
    "pass", "print", "property", "raise", "return", "schema", "self", "try", "while", "with",
    "yield",
];

/// The Python family's Name-column convention: the API's name of a property whose Name cell is
/// `name`, the template's keyword escape removed: `pcSelf` -> `self` (swagger-codegen templates
/// such as Genesys's; any name), `var_from` (openapi-generator's pydantic templates) and `_from`
/// (its older ones) of a reserved name -> `from`. Any other name is the API's name as written.
pub fn api_name(name: &str) -> String {
    if let Some(rest) = name.strip_prefix("pc")
        && rest.starts_with(|c: char| c.is_ascii_uppercase())
    {
        let mut chars = rest.chars();
        let first = chars.next().map(|c| c.to_ascii_lowercase()).into_iter();
        return first.chain(chars).collect();
    }
    name.strip_prefix("var_")
        .or_else(|| name.strip_prefix('_'))
        .filter(|rest| PYTHON_RESERVED.contains(rest))
        .unwrap_or(name)
        .to_owned()
}

#[cfg(test)]
mod tests {
    use super::super::read_in_folder;
    use super::api_name;

    #[test]
    fn python_keyword_escapes_are_removed() {
        for (name, api) in [
            ("pcSelf", "self"),
            ("pcProperty", "property"),
            ("pcIn", "in"),
            ("var_async", "async"),
            ("var_class", "class"),
            ("_from", "from"),
            // Not escapes: the rest is no reserved name, or `pc` starts a word.
            ("var_name", "var_name"),
            ("_links", "_links"),
            ("pci", "pci"),
            ("pci_dss", "pci_dss"),
        ] {
            assert_eq!(api_name(name), api, "{name}");
        }
    }

    /// Every type the legacy templates write, at every version, with its neutral reading.
    #[test]
    fn reads_the_legacy_vocabulary() {
        for (text, neutral) in [
            ("str", "str"),
            ("int", "int"),
            ("float", "float"),
            ("bool", "bool"),
            ("date", "date"),
            ("datetime", "datetime"),
            ("object", "object"),
            ("file", "str"),
            ("list[file]", "list[str]"),
            ("list", "list[object]"),
            ("dict", "dict(str, object)"),
            ("list[dict(str, int)]", "list[dict(str, int)]"),
            ("dict(str, list[Pet])", "dict(str, list[Pet])"),
            // `python-legacy` 6.x.
            ("dict[str, list[str]]", "dict(str, list[str])"),
            ("list[dict[str, object]]", "list[dict(str, object)]"),
            ("dict[str, dict]", "dict(str, dict(str, object))"),
        ] {
            assert_eq!(
                read_in_folder("python", text),
                (neutral.to_owned(), None),
                "{text}"
            );
        }
    }
}

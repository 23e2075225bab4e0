//! openapi-generator's `objc`: `NSString*`, `NSNumber*`, `NSDate*`, `NSData*`, `NSURL*`,
//! `NSObject*`, `NSArray<X>*`, `NSDictionary<NSString*, X>*` or `NSDictionary<X>*`, models with
//! the class prefix (`OAIPet*`, the pages' titles); lowerCamelCase names, `_` before a reserved
//! word; enum pages an empty Properties table.

use std::collections::BTreeSet;

use super::openapi_generator;
use crate::model::Primitive;
use crate::parse::dialect::{DialectSpec, Holds, Inexact, Mark, Opener, Word};
use crate::parse::types::Leaf;

/// The Objective-C template's description.
pub static SPEC: DialectSpec = DialectSpec {
    reads_operations: true,
    file_types: &["NSURL"],
    // `NSNumber` is an integer, number or boolean (`ObjcClientCodegen`'s typeMapping).
    scalar_type: |name| name == "NSNumber",
    name: "objc",
    api_name,
    type_syntax: "Objective-C types are `NSString*`, `NSNumber*`, `NSDate*`, `NSData*`, \
                  `NSURL*`, `NSObject*`, `NSArray<T>*`, `NSDictionary<NSString*, T>*`, or a \
                  model name (`OAIPet*`)",
    words: &[
        ("NSString", Word::Name),
        ("NSNumber", Word::Name),
        ("NSDate", Word::Name),
        ("NSData", Word::Name),
        ("NSURL", Word::Name),
        ("NSObject", Word::Name),
        ("NSDictionary", Word::Name),
        ("NSArray", Word::Name),
    ],
    containers: &[
        Opener {
            name: "NSArray",
            bracket: '<',
            holds: Holds::List,
        },
        Opener {
            name: "OAISet",
            bracket: '<',
            holds: Holds::List,
        },
        Opener {
            name: "NSDictionary",
            bracket: '<',
            holds: Holds::Values(Some("NSString*")),
        },
    ],
    // C's too: it shows both.
    marks: &[Mark::PointerPostfix],
    // `NSNumber` is what the template writes for integers, numbers and booleans alike: any JSON
    // value; `NSDate` for dates and date-times alike: the string sent. `NSData` is base64 and
    // `NSURL` a file's bytes, strings on the wire; a bare `NSDictionary` or `NSArray` holds any
    // values.
    primitives: &[
        ("NSString", Primitive::String),
        ("NSNumber", Primitive::Any),
        ("NSDate", Primitive::String),
        ("NSData", Primitive::String),
        ("NSURL", Primitive::String),
        ("NSObject", Primitive::Any),
        ("NSDictionary", Primitive::Any),
        ("NSArray", Primitive::Any),
    ],
    inexact: &[
        (
            "NSNumber",
            Inexact::SeveralKinds("integers, numbers and booleans"),
        ),
        ("NSDate", Inexact::DateOrDateTime),
    ],
    read_other_name: Some(prefixed_internal_name),
    model_name: Some(model_name),
    ..DialectSpec::EMPTY
};

/// One of openapi-generator's own type names with the class prefix (`OAIAnyType`,
/// `OAIFreeFormObject`): what every dialect reads the name without it as.
fn prefixed_internal_name(name: &str, _: &BTreeSet<String>) -> Option<(Leaf, Option<Inexact>)> {
    name.strip_prefix(CLASS_PREFIX)
        .and_then(openapi_generator::read_name)
}

/// The class prefix of the template's models (its `classPrefix` option's default).
const CLASS_PREFIX: &str = "OAI";

/// The API's name of a model the template calls `OAIPet` (`ObjcClientCodegen.toModelName`: the
/// class prefix before the camelized name, which also makes a name that starts with a digit an
/// identifier, so the template adds no `Model` before it: `OAI123Numeric` is `123Numeric`). A
/// folder written with another `classPrefix` keeps its titles as written.
fn model_name(title: &str) -> Option<String> {
    let name = title.strip_prefix(CLASS_PREFIX)?;
    let identifier = name.starts_with(|c: char| c.is_alphanumeric() || c == '_');
    identifier.then(|| name.to_owned())
}

/// Names the Objective-C template escapes with a leading `_` (openapi-generator's
/// `ObjcClientCodegen` reserved words).
#[rustfmt::skip]
const OBJC_RESERVED: &[&str] = &[
    "auto", "else", "long", "switch", "break", "enum", "register", "typedef", "case", "extern",
    "return", "union", "char", "float", "short", "unsigned", "const", "for", "signed", "void",
    "continue", "goto", "sizeof", "volatile", "default", "if", "id", "static", "while", "do",
    "int", "struct", "_Packed", "double", "protocol", "interface", "implementation", "NSObject",
    "NSInteger", "NSNumber", "CGFloat", "property", "nonatomic", "retain", "strong", "weak",
    "unsafe_unretained", "readwrite", "readonly", "description", "class",
];

/// The prefixes Cocoa's naming rules give a meaning, which the template writes after `var`
/// (`new` is `varNew`).
const COCOA_METHOD_FAMILIES: &[&str] = &["New", "Copy", "Alloc", "Init", "MutableCopy"];

/// The Objective-C template's Name-column convention: the lowerCamelCase property (`[naming]
/// wire` spells the JSON from it), the template's escapes removed: `_` before a reserved word
/// (`_id` -> `id`) and `var` before a Cocoa method family (`varNew` -> `new`).
pub fn api_name(name: &str) -> String {
    if let Some(rest) = name.strip_prefix('_')
        && (OBJC_RESERVED.contains(&rest) || rest.starts_with(|c: char| c.is_ascii_digit()))
    {
        return rest.to_owned();
    }
    if let Some(rest) = name.strip_prefix("var")
        && COCOA_METHOD_FAMILIES
            .iter()
            .any(|family| rest.starts_with(family))
    {
        let mut chars = rest.chars();
        return chars
            .next()
            .map(|first| first.to_lowercase().chain(chars).collect())
            .unwrap_or_default();
    }
    name.to_owned()
}

#[cfg(test)]
mod tests {
    use super::{api_name, prefixed_internal_name};
    use crate::model::Primitive;
    use crate::parse::dialects::named;
    use crate::parse::type_expr::parse_type;
    use crate::parse::types::Leaf;

    #[test]
    fn objc_escapes_are_removed() {
        for (name, api) in [
            ("_id", "id"),
            ("_class", "class"),
            ("_1st", "1st"),
            ("varNew", "new"),
            ("variant", "variant"),
            ("_links", "_links"),
        ] {
            assert_eq!(api_name(name), api, "{name}");
        }
    }

    #[test]
    fn prefixed_internal_names_are_any_value() {
        let read = |name| prefixed_internal_name(name, &Default::default()).map(|(leaf, _)| leaf);
        assert_eq!(read("OAIAnyType"), Some(Leaf::Primitive(Primitive::Any)));
        assert_eq!(read("OAIPet"), None);
        assert_eq!(read("AnyType"), None);
    }

    #[test]
    fn reads_the_objc_syntax() {
        let objc = named("objc");
        for (text, read) in [
            ("NSString*", "NSString"),
            ("NSArray<OAITag>*", "list[OAITag]"),
            ("NSArray<NSArray<NSNumber*>*>*", "list[list[NSNumber]]"),
            ("NSDictionary<NSString*, NSDate*>*", "dict(str, NSDate)"),
            ("NSDictionary<OAIPet>*", "dict(str, OAIPet)"),
            (
                "NSDictionary<NSString*, NSDictionary<NSString*, NSNumber*>*>*",
                "dict(str, dict(str, NSNumber))",
            ),
        ] {
            let parsed = parse_type(text).unwrap();
            assert_eq!(
                (
                    parsed.expr.to_string().as_str(),
                    crate::parse::dialects::shown_as(parsed.dialects, objc),
                ),
                (read, objc),
                "{text}"
            );
        }
    }
}

//! openapi-generator's `c` (libcurl): `char *`, `int`, `long`, `double`, `float`, `list_t *`,
//! `binary_t*`, `object_t *`, models as `name_t *` (the pages' titles), a model's own enums as
//! `package_model_FIELD_e`; snake_case names, `_` before a C or C++ keyword; enum pages an empty
//! Properties table.

use std::collections::BTreeSet;

use heck::ToUpperCamelCase;

use super::openapi_generator;
use crate::model::Primitive;
use crate::parse::dialect::{DialectSpec, Inexact, ItemsInLink, Mark, Word};
use crate::parse::types::Leaf;

/// The C template's description.
pub static SPEC: DialectSpec = DialectSpec {
    reads_operations: true,
    group_before_operation_names: true,
    // `binary_t` is a file's contents; `int` an integer or a boolean, never an object
    // (`CLibcurlClientCodegen`'s typeMapping), as an enum is (`string_enum_e`, and a
    // parameter's own `{{projectName}}_{{operationId}}_{{baseName}}_e`).
    file_types: &["binary_t"],
    scalar_type: |name| name == "int" || name.ends_with("_e"),
    items_in_link: Some(ItemsInLink {
        list: "list_t",
        item_name,
    }),
    name: "c",
    api_name,
    type_syntax: "C types are `char *`, `int`, `long`, `float`, `double`, `binary_t*`, \
                  `object_t *`, `list_t *`, or a model name (`pet_t *`)",
    // `long` is C#'s word too: it shows both. `float` is the type model's own name, which any
    // template may write.
    words: &[
        ("char", Word::Name),
        ("long", Word::Name),
        ("list_t", Word::Name),
        ("set_t", Word::Name),
        ("binary_t", Word::Name),
        ("object_t", Word::Name),
        ("any_type_t", Word::Name),
    ],
    // Objective-C's too: it shows both.
    marks: &[Mark::PointerPostfix],
    // The template maps booleans to `int` as well as integers, and lists and maps alike to
    // `list_t` (sets `set_t`) without their items: all are any JSON value. It swaps `float` and
    // `double`, and maps numbers without a format to `float`: all floats.
    primitives: &[
        ("float", Primitive::Float),
        ("char", Primitive::String),
        ("int", Primitive::Any),
        ("long", Primitive::Integer),
        ("double", Primitive::Float),
        ("list_t", Primitive::Any),
        ("set_t", Primitive::Any),
        ("binary_t", Primitive::String),
        ("object_t", Primitive::Any),
        ("any_type_t", Primitive::Any),
    ],
    inexact: &[
        ("int", Inexact::SeveralKinds("integers and booleans")),
        (
            "list_t",
            Inexact::SeveralKinds("lists and maps of any items"),
        ),
        ("set_t", Inexact::SeveralKinds("sets of any items")),
    ],
    read_other_name: Some(other_name),
    model_name: Some(model_name),
    ..DialectSpec::EMPTY
};

/// What else a C type name is: a model named like a type of the template's table (the models
/// `String` and `Date` are both `char_t`, `Integer` and `Boolean` `int_t`): which one the page
/// does not say, so any JSON value; one of openapi-generator's own names in snake case
/// (`one_ofstringinteger_t`); or an enum ([`enum_name`]).
fn other_name(name: &str, page_names: &BTreeSet<String>) -> Option<(Leaf, Option<Inexact>)> {
    let typed_model = name.strip_suffix("_t").is_some_and(|stem| {
        let mut written = (SPEC.primitives.iter().map(|(name, _)| name))
            .chain(SPEC.words.iter().map(|(name, _)| name));
        written.any(|name| *name == stem)
    });
    if typed_model {
        let note = Inexact::SeveralKinds("the models named like that C type");
        return Some((Leaf::Primitive(Primitive::Any), Some(note)));
    }
    // openapi-generator's own names in snake case (`one_ofstringinteger_t`).
    let internal = name
        .strip_suffix("_t")
        .map(ToUpperCamelCase::to_upper_camel_case);
    internal
        .and_then(|internal| openapi_generator::read_name(&internal))
        .or_else(|| enum_name(name, page_names))
}

/// A C enum type (`string_enum_e`, `package_model_FIELD_e`): the enum page `string_enum_t`
/// (the model `StringEnum`: [`model_name`]) when the folder has it; else a model's own enum,
/// whose values the page does not list: any JSON value.
fn enum_name(name: &str, page_names: &BTreeSet<String>) -> Option<(Leaf, Option<Inexact>)> {
    let stem = name.strip_suffix("_e")?;
    let page = model_name(&format!("{stem}_t"))?;
    if page_names.contains(&page) {
        return Some((Leaf::Named(page), None));
    }
    Some((Leaf::Primitive(Primitive::Any), Some(Inexact::UnlistedEnum)))
}

/// The type of a list's items whose page a C API page links (`{{baseType}}.md`): a type of the
/// template's table as written (`char`, `binary_t*` of a list of files, without its `*`), else
/// a model's C name (`tree_node` is `tree_node_t`).
fn item_name(page: &str) -> String {
    let page = page.trim_end_matches('*');
    let written = (SPEC.primitives.iter().map(|(name, _)| name))
        .chain(SPEC.words.iter().map(|(name, _)| name));
    if written.into_iter().any(|name| *name == page) {
        page.to_owned()
    } else {
        format!("{page}_t")
    }
}

/// The API's name of a model the template calls `name_t` (`pet_t`, `all_of_mixed_t`): the
/// name in UpperCamelCase (`Pet`, `AllOfMixed`). The template's `toModelName` writes the schema
/// name in snake case, so its letter case is not on the page: `HTTPResponseCode` is
/// `http_response_code_t`, read `HttpResponseCode`.
fn model_name(title: &str) -> Option<String> {
    let stem = title.strip_suffix("_t").filter(|stem| !stem.is_empty())?;
    Some(stem.to_upper_camel_case())
}

/// Names the C template escapes with a leading `_`: C's and C++'s keywords and a few names of
/// its own (openapi-generator's `CLibcurlClientCodegen` reserved words).
#[rustfmt::skip]
const C_RESERVED: &[&str] = &[
    "auto", "break", "case", "char", "const", "continue", "default", "do", "double", "else",
    "enum", "extern", "float", "for", "goto", "if", "inline", "int", "long", "register", "remove",
    "restrict", "return", "short", "signed", "sizeof", "static", "struct", "switch", "typedef",
    "union", "unsigned", "void", "volatile", "while", "_Alignas", "_Alignof", "_Atomic", "_Bool",
    "_Complex", "_Generic", "_Imaginary", "_Noreturn", "_Static_assert", "_Thread_local",
    "alignas", "alignof", "and", "and_eq", "asm", "atomic_cancel", "atomic_commit",
    "atomic_noexcept", "bitand", "bitor", "bool", "catch", "char8_t", "char16_t", "char32_t",
    "class", "compl", "concept", "consteval", "constexpr", "constinit", "const_cast", "co_await",
    "co_return", "co_yield", "decltype", "delete", "dynamic_cast", "explicit", "export", "false",
    "friend", "mutable", "namespace", "new", "noexcept", "not", "not_eq", "nullptr", "operator",
    "or", "or_eq", "private", "protected", "public", "reflexpr", "reinterpret_cast", "requires",
    "static_assert", "static_cast", "synchronized", "template", "this", "thread_local", "throw",
    "true", "try", "typeid", "typename", "using", "virtual", "wchar_t", "xor", "xor_eq", "final",
    "override", "transaction_safe", "transaction_safe_dynamic", "stdin", "stdout", "stderr",
    "linux",
];

/// The C template's Name-column convention: the snake_case member (`[naming] wire` spells the
/// JSON from it), without the `_` written before a keyword (`_class` -> `class`) or a leading
/// digit (`_1st` -> `1st`).
pub fn api_name(name: &str) -> String {
    name.strip_prefix('_')
        .filter(|rest| {
            C_RESERVED.contains(&rest.to_ascii_lowercase().as_str())
                || rest.starts_with(|c: char| c.is_ascii_digit())
        })
        .unwrap_or(name)
        .to_owned()
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::super::read_page;
    use super::{SPEC, api_name, enum_name, other_name};
    use crate::model::Primitive;
    use crate::parse::dialect::Dialect;
    use crate::parse::dialects::named;
    use crate::parse::folder::apply_folder_conventions;
    use crate::parse::types::Leaf;

    #[test]
    fn c_escapes_are_removed() {
        for (name, api) in [
            ("_class", "class"),
            ("_float", "float"),
            ("_1st", "1st"),
            ("_2nd_place", "2nd_place"),
            ("__private", "__private"),
            ("pet_type", "pet_type"),
        ] {
            assert_eq!(api_name(name), api, "{name}");
        }
    }

    #[test]
    fn reads_the_c_syntax() {
        let c = named("c");
        crate::parse::dialects::assert_reads(&[
            ("char *", "char", c),
            ("list_t *", "list_t", c),
            ("binary_t*", "binary_t", c),
            // A pointer is Objective-C's too.
            ("pet_t *", "pet_t", None),
            ("int", "int", None),
        ]);
    }

    /// The template writes `int` for integers and booleans alike: in a C folder it is any JSON
    /// value, and the field's docs say so; `float` and `long` are what the type model reads.
    #[test]
    fn int_is_an_integer_or_a_boolean() {
        let text = "# pet_t\n\n## Properties\nName | Type | Description | Notes\n\
            ------------ | ------------- | ------------- | -------------\n\
            **flag** | **int** |  | [optional] \n\
            **weight** | **float** |  | [optional] \n\
            **count** | **long** |  | [optional] \n";
        let mut pages = [read_page(text)];
        apply_folder_conventions(&mut pages, Dialect::of(&SPEC));
        let fields: Vec<String> = (pages[0].properties.iter())
            .map(|row| format!("{}: {}", row.name.value, row.type_expr.value))
            .collect();
        assert_eq!(fields, ["flag: object", "weight: float", "count: int"]);
        assert!(
            pages[0].properties[0]
                .description
                .contains("integers and booleans")
        );
    }

    #[test]
    fn enums_are_the_enum_page_or_unlisted() {
        // The page `string_enum_t` is the model `StringEnum` (`model_name`).
        let pages: BTreeSet<String> = ["StringEnum".to_owned()].into();
        assert_eq!(
            enum_name("string_enum_e", &pages).map(|(leaf, _)| leaf),
            Some(Leaf::Named("StringEnum".to_owned()))
        );
        assert_eq!(
            enum_name("api_pet_STATUS_e", &pages).map(|(leaf, _)| leaf),
            Some(Leaf::Primitive(Primitive::Any))
        );
        assert_eq!(enum_name("pet_t", &pages), None);
        assert_eq!(
            other_name("char_t", &pages).map(|(leaf, _)| leaf),
            Some(Leaf::Primitive(Primitive::Any))
        );
        assert_eq!(other_name("pet_t", &pages), None);
    }
}

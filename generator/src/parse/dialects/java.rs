//! openapi-generator's `java` templates (every library) and its older `android` template, which
//! writes the same types and names (with fewer reserved words, and `Date` for dates): `List<X>`,
//! `Map<String, X>`, `OffsetDateTime`, `byte[]`; lowerCamelCase names; a field's own enum as a
//! `## Enum: XEnum` table after the properties (`## Enum: List<XEnum>` for the enum of an array's
//! items).

use std::collections::BTreeSet;

use crate::model::Primitive;
use crate::parse::dialect::{
    DialectSpec, Holds, Inexact, Mark, Opener, Qualified, Word, kept_as_written,
    without_underscore_escape,
};
use crate::parse::types::Leaf;

/// The Java templates' description.
pub static SPEC: DialectSpec = DialectSpec {
    reads_operations: true,
    file_types: &["File"],
    name: "java",
    api_name,
    keeps_json_name: kept_as_written,
    links_models: true,
    type_syntax: "Java types are `String`, `Integer`, `Long`, `Float`, `Double`, `BigDecimal`, \
                  `Boolean`, `OffsetDateTime`, `LocalDate`, `UUID`, `Object`, `byte[]`, \
                  `List<T>`, `Set<T>`, `Map<String, T>`, or a model name",
    // Java's own type names (no other template writes them): with them a Java folder is known
    // even when its containers are all `List<X>` (C#'s too).
    words: &[
        ("Long", Word::Name),
        ("OffsetDateTime", Word::Name),
        ("LocalDate", Word::Name),
        ("BigDecimal", Word::Name),
    ],
    containers: &[
        Opener {
            name: "List",
            bracket: '<',
            holds: Holds::List,
        },
        Opener {
            name: "Set",
            bracket: '<',
            holds: Holds::List,
        },
        Opener {
            name: "Map",
            bracket: '<',
            holds: Holds::Map("String"),
        },
    ],
    // A model named like a class the code imports (`Date`, `File`, `Map`) is written qualified
    // (`java.util.Date`); Kotlin writes `java.` names too, so they show both.
    qualified: &[("java.", Qualified::Whole)],
    // A model named `String` or `Integer` is written unlinked, as Java's own
    // (`languageSpecificPrimitives`), where other models are linked; the templates link the
    // types they import as they link models (`[**Date**](Date.md)`: the `legacy` and `android`
    // date libraries' `java.util.Date`, a binary's `File`, a free-form object's `Map`), so those
    // names are either, linked or not, in a folder with a page of that name.
    primitives_before_pages: &["Date", "File", "Map"],
    marks: &[Mark::FieldEnumHeading],
    // The templates' type mapping at every version (`AbstractJavaCodegen`, `DefaultCodegen`):
    // every `dateLibrary` (`java8` and `threetenbp`: `LocalDate` / `OffsetDateTime`; `joda`:
    // `LocalDate` / `DateTime`; `legacy` and `android`: `Date` for both, so it is the string
    // sent). `UUID`, `URI` and `File` are strings on the wire; `BigDecimal` is read as a float;
    // a raw `List` or `Map` (a model of that name, whose page the template does not write) holds
    // any JSON value.
    primitives: &[
        ("String", Primitive::String),
        ("UUID", Primitive::String),
        ("URI", Primitive::String),
        ("File", Primitive::String),
        ("Date", Primitive::String),
        ("Integer", Primitive::Integer),
        ("Long", Primitive::Integer),
        ("Short", Primitive::Integer),
        ("Float", Primitive::Float),
        ("Double", Primitive::Float),
        ("BigDecimal", Primitive::Float),
        ("Boolean", Primitive::Boolean),
        ("OffsetDateTime", Primitive::DateTime),
        ("DateTime", Primitive::DateTime),
        ("LocalDate", Primitive::Date),
        ("Object", Primitive::Any),
        ("List", Primitive::Any),
        ("Map", Primitive::Any),
    ],
    inexact: &[
        ("BigDecimal", Inexact::Decimal),
        ("Date", Inexact::DateOrDateTime),
    ],
    read_other_name: Some(qualified_name),
    ..DialectSpec::EMPTY
};

/// A qualified name (`java.util.Date`, which the templates write for a model named like a
/// class they import): the folder's model of its last segment; else, for the classes of
/// openapi-generator's default import mapping that no type of the spec maps to
/// (`java.util.Date`, `java.util.List`, `java.util.Map`: `AbstractJavaCodegen.toModelName`
/// returns the mapped class for such a model, whose page `DefaultGenerator.generateModels`
/// does not write, "not imported due to import mapping"), any JSON value; else that segment as
/// the templates' own type (`java.io.File`, which 7.x templates write for a binary too).
fn qualified_name(name: &str, page_names: &BTreeSet<String>) -> Option<(Leaf, Option<Inexact>)> {
    let (_, last) = name.strip_prefix("java.")?.rsplit_once('.')?;
    if page_names.contains(last) {
        return Some((Leaf::Named(last.to_owned()), None));
    }
    if IMPORT_MAPPED_MODELS.contains(&name) {
        return Some((Leaf::Primitive(Primitive::Any), Some(Inexact::LanguageType)));
    }
    let primitive = SPEC
        .primitives
        .iter()
        .find(|(written, _)| *written == last)?
        .1;
    let inexact = SPEC.inexact.iter().find(|(written, _)| *written == last);
    Some((
        Leaf::Primitive(primitive),
        inexact.map(|&(_, inexact)| inexact),
    ))
}

/// The classes the templates write only for a model of that name (see [`qualified_name`]).
const IMPORT_MAPPED_MODELS: [&str; 3] = ["java.util.Date", "java.util.List", "java.util.Map"];

/// Names the Java templates escape with a leading `_`: Java keywords and literals, and names
/// their generated code uses itself (openapi-generator's `AbstractJavaCodegen` reserved words).
#[rustfmt::skip]
const JAVA_RESERVED: &[&str] = &[
    "abstract", "assert", "boolean", "break", "byte", "case", "catch", "char", "class", "const",
    "continue", "default", "do", "double", "else", "enum", "extends", "false", "file", "final",
    "finally", "float", "for", "goto", "if", "implements", "import", "instanceof", "int",
    "interface", "list", "long", "native", "new", "null", "object", "package", "private",
    "protected", "public", "return", "short", "static", "strictfp", "super", "switch",
    "synchronized", "this", "throw", "throws", "transient", "true", "try", "void", "volatile",
    "while",
];

/// The Java Name-column convention: the API's name of a property whose Name cell is `name`: the
/// property's lowerCamelCase name (`createdAt`; `[naming] wire` spells the JSON from it), the
/// template's escapes removed: `_` before a reserved name (`_object` -> `object`) or a digit
/// (`_1st` -> `1st`), and `propertyClass`, its name for `class`.
pub fn api_name(name: &str) -> String {
    if name == "propertyClass" {
        return "class".to_owned();
    }
    match name.strip_prefix('_') {
        Some(rest) if rest.starts_with(|c: char| c.is_ascii_digit()) => rest.to_owned(),
        _ => without_underscore_escape(name, JAVA_RESERVED),
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;
    use std::path::PathBuf;

    use super::{SPEC, api_name};
    use crate::diagnostic::Sources;
    use crate::model::Primitive;
    use crate::parse::dialect::Dialect;
    use crate::parse::folder::apply_folder_conventions;
    use crate::parse::page::{PageOutcome, parse_page};
    use crate::parse::types::Leaf;

    /// The model page `text` reads as: its fields as `name: type` (the neutral type), and
    /// the values of each field's own enum.
    fn fields(text: &str) -> Vec<String> {
        let mut sources = Sources::default();
        let file = sources.add(PathBuf::from("Page.md"), text.to_owned());
        let mut diagnostics = Vec::new();
        let PageOutcome::Model(page) = parse_page(file, text, &mut diagnostics) else {
            panic!("not a model page: {diagnostics:?}");
        };
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        let mut fields: Vec<String> = (page.properties.iter())
            .map(|row| {
                let values = row.enum_values.as_ref().map(|listed| {
                    let values: Vec<&str> = listed
                        .values
                        .iter()
                        .map(|value| value.value.as_str())
                        .collect();
                    values.join(",")
                });
                format!("{}: {} {values:?}", row.name.value, row.type_expr.value)
            })
            .collect();
        if let Some(alias) = &page.alias {
            fields.push(format!("= {}", alias.value));
        }
        if let Some(one_of) = &page.one_of {
            let variants: Vec<String> = (one_of.value.variants.iter())
                .map(ToString::to_string)
                .collect();
            fields.push(format!("one of {}", variants.join(", ")));
        }
        fields
    }

    #[test]
    fn reads_the_enum_of_an_arrays_items_and_of_a_maps_values() {
        let page = "# EnumHolder\n\n## Properties\n\n\
            | Name | Type | Description | Notes |\n|---|---|---|---|\n\
            |**actions** | [**List&lt;ActionsEnum&gt;**](#List&lt;ActionsEnum&gt;) |  |  [optional] |\n\
            |**byKey** | [**Map&lt;String, InnerEnum&gt;**](#Map&lt;String, InnerEnum&gt;) |  |  [optional] |\n\
            |**status** | [**StatusEnum**](#StatusEnum) |  |  |\n\n\
            ## Enum: List&lt;ActionsEnum&gt;\n\n| Name | Value |\n|---|---|\n\
            | CREATE | &quot;create&quot; |\n| DELETE | &quot;delete&quot; |\n\n\
            ## Enum: Map&lt;String, InnerEnum&gt;\n\n| Name | Value |\n|---|---|\n\
            | ON | &quot;on&quot; |\n\n\
            ## Enum: StatusEnum\n\n| Name | Value |\n|---|---|\n| A | &quot;a&quot; |\n";
        assert_eq!(
            fields(page),
            [
                r#"actions: list[str] Some("create,delete")"#,
                r#"byKey: dict(str, str) Some("on")"#,
                r#"status: str Some("a")"#,
            ]
        );
    }

    #[test]
    fn a_oneof_page_lists_its_variants_and_an_enum_page_without_values_is_any_value() {
        let one_of = "# Vehicle\n\n## oneOf schemas\n* [Bike](Bike.md)\n* [Car](Car.md)\n";
        assert_eq!(fields(one_of), ["one of Bike, Car"]);
        // `android`'s enum page: the heading, no values.
        assert_eq!(fields("# StringEnum\n\n## Enum\n\n\n"), ["= object"]);
    }

    /// The 3.x-4.x templates write a reference to a model named `String` unlinked, as Java's
    /// own `String` (`DefaultCodegen.fromProperty` counts the name among the language's
    /// primitives, and `model_doc.mustache` links only what is not one): in a folder with
    /// `String.md` that no cell links, an unlinked `String` is either, and reads as any JSON
    /// value with a note (the folder tests show a linked one).
    #[test]
    fn an_unlinked_name_is_either_where_a_model_has_that_name() {
        let page = "# String\n\n## Properties\n\n\
            | Name | Type | Description | Notes |\n|---|---|---|---|\n\
            |**value** | **String** |  |  [optional] |\n\
            |**model** | [**Pet**](Pet.md) |  |  [optional] |\n";
        let mut sources = Sources::default();
        let file = sources.add(PathBuf::from("String.md"), page.to_owned());
        let mut diagnostics = Vec::new();
        let PageOutcome::Model(page) = parse_page(file, page, &mut diagnostics) else {
            panic!("not a model page: {diagnostics:?}");
        };
        let mut pages = [*page];
        apply_folder_conventions(&mut pages, Dialect::of(&SPEC));
        let types: Vec<String> = (pages[0].properties.iter())
            .map(|row| row.type_expr.value.to_string())
            .collect();
        assert_eq!(types, ["object", "Pet"]);
        assert!(
            pages[0].properties[0]
                .description
                .contains("for its language's own type and for the model `String` alike"),
            "{}",
            pages[0].properties[0].description
        );
        // Without a page `String`, the name is Java's.
        let Some(mut page) = pages.into_iter().next() else {
            unreachable!()
        };
        page.name.value = "Text".to_owned();
        page.properties[0].description.clear();
        page.properties[0].type_expr.value.leaf = Leaf::Named("String".to_owned());
        let mut pages = [page];
        apply_folder_conventions(&mut pages, Dialect::of(&SPEC));
        assert_eq!(pages[0].properties[0].type_expr.value.to_string(), "str");
    }

    #[test]
    fn names_it_keeps_as_written_are_json_names() {
        let java = Dialect::of(&SPEC);
        for (name, kept) in [
            ("$ref", true),
            ("éaccent", true),
            ("1st", true),
            ("createdAt", false),
            ("_links", false),
        ] {
            assert_eq!(java.keeps_json_name(name), kept, "{name}");
        }
    }

    #[test]
    fn reads_every_date_library_and_qualified_names() {
        let java = Dialect::of(&SPEC);
        let pages: BTreeSet<String> = ["Error".to_owned()].into();
        for (name, leaf) in [
            ("Date", Leaf::Primitive(Primitive::String)),
            ("DateTime", Leaf::Primitive(Primitive::DateTime)),
            ("OffsetDateTime", Leaf::Primitive(Primitive::DateTime)),
            ("LocalDate", Leaf::Primitive(Primitive::Date)),
            ("Short", Leaf::Primitive(Primitive::Integer)),
            // A model `Date` the import mapping named, whose page was not written.
            ("java.util.Date", Leaf::Primitive(Primitive::Any)),
            ("java.io.File", Leaf::Primitive(Primitive::String)),
            ("java.util.Map", Leaf::Primitive(Primitive::Any)),
            ("List", Leaf::Primitive(Primitive::Any)),
            ("java.lang.Error", Leaf::Named("Error".to_owned())),
        ] {
            let read = java.read_name(name, &pages).map(|(leaf, _)| leaf);
            assert_eq!(read, Some(leaf), "{name}");
        }
        assert_eq!(java.read_name("java.util.Nothing", &pages), None);
    }

    #[test]
    fn java_escapes_are_removed() {
        for (name, api) in [
            ("_object", "object"),
            ("_default", "default"),
            ("propertyClass", "class"),
            ("_1st", "1st"),
            ("createdAt", "createdAt"),
            // Not escapes: the rest is no reserved name.
            ("_links", "_links"),
        ] {
            assert_eq!(api_name(name), api, "{name}");
        }
    }
}

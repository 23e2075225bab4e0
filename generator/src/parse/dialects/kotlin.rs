//! openapi-generator's `kotlin` (every library): `kotlin.collections.List<X>`,
//! `kotlin.collections.Map<kotlin.String, X>`, `kotlin.Long`, `java.time.OffsetDateTime`;
//! lowerCamelCase names (a reserved word is escaped with backticks, which Markdown shows as code,
//! so the cell's text is the name itself); a field's own enum as `[**inline**](#X)` and a
//! `## Enum: name` table of comma-separated values; enum pages a `## Enum` list indented into a
//! code block.

use crate::model::Primitive;
use crate::parse::dialect::{
    DialectSpec, Holds, Inexact, Mark, Opener, Qualified, kept_as_written,
};

/// The Kotlin templates' description.
pub static SPEC: DialectSpec = DialectSpec {
    reads_operations: true,
    file_types: &["java.io.File"],
    name: "kotlin",
    api_name,
    keeps_json_name: kept_as_written,
    type_syntax: "Kotlin types are `kotlin.String`, `kotlin.Int`, `kotlin.Long`, \
                  `kotlin.Double`, `kotlin.Boolean`, `java.time.OffsetDateTime`, `kotlin.Any`, \
                  `kotlin.collections.List<T>`, `kotlin.collections.Map<kotlin.String, T>`, or \
                  a model name",
    containers: &[
        Opener {
            name: "kotlin.collections.List",
            bracket: '<',
            holds: Holds::List,
        },
        Opener {
            name: "kotlin.collections.Set",
            bracket: '<',
            holds: Holds::List,
        },
        Opener {
            name: "kotlin.collections.MutableList",
            bracket: '<',
            holds: Holds::List,
        },
        Opener {
            name: "kotlin.collections.MutableSet",
            bracket: '<',
            holds: Holds::List,
        },
        Opener {
            name: "kotlin.Array",
            bracket: '<',
            holds: Holds::List,
        },
        Opener {
            name: "kotlin.collections.Map",
            bracket: '<',
            holds: Holds::Map("kotlin.String"),
        },
        Opener {
            name: "kotlin.collections.MutableMap",
            bracket: '<',
            holds: Holds::Map("kotlin.String"),
        },
    ],
    // Only Kotlin writes `kotlin.` names; its folders read them (Java writes `java.` names too).
    qualified: &[
        ("kotlin.", Qualified::Whole),
        ("kotlinx.", Qualified::Whole),
        ("java.", Qualified::Whole),
        ("org.threeten.bp.", Qualified::Whole),
    ],
    marks: &[Mark::InlineEnum, Mark::IndentedEnumList],
    // The templates' type mapping at every version (`AbstractKotlinCodegen` and its
    // `dateLibrary` options: `java8`, `threetenbp`, `kotlinx-datetime`, `java8-localdatetime`,
    // and 3.x's `java.time.LocalDateTime` for dates and date-times alike, the string sent).
    // `java.math.BigDecimal` is read as a float; a bare `kotlin.collections.Map` (a free-form
    // object) holds any JSON value.
    primitives: &[
        ("kotlin.String", Primitive::String),
        ("kotlin.Char", Primitive::String),
        ("kotlin.ByteArray", Primitive::String),
        ("java.io.File", Primitive::String),
        ("java.net.URI", Primitive::String),
        ("java.net.URL", Primitive::String),
        ("java.util.UUID", Primitive::String),
        ("kotlin.uuid.Uuid", Primitive::String),
        ("kotlin.Int", Primitive::Integer),
        ("kotlin.Long", Primitive::Integer),
        ("kotlin.Short", Primitive::Integer),
        ("kotlin.Byte", Primitive::Integer),
        ("java.math.BigInteger", Primitive::Integer),
        ("kotlin.Float", Primitive::Float),
        ("kotlin.Double", Primitive::Float),
        ("java.math.BigDecimal", Primitive::Float),
        ("kotlin.Boolean", Primitive::Boolean),
        ("java.time.OffsetDateTime", Primitive::DateTime),
        ("java.time.ZonedDateTime", Primitive::DateTime),
        ("java.time.Instant", Primitive::DateTime),
        ("kotlinx.datetime.Instant", Primitive::DateTime),
        ("kotlin.time.Instant", Primitive::DateTime),
        ("org.threeten.bp.OffsetDateTime", Primitive::DateTime),
        ("java.time.LocalDateTime", Primitive::String),
        ("org.threeten.bp.LocalDateTime", Primitive::String),
        ("java.time.LocalDate", Primitive::Date),
        ("org.threeten.bp.LocalDate", Primitive::Date),
        ("kotlinx.datetime.LocalDate", Primitive::Date),
        ("kotlin.Any", Primitive::Any),
        ("kotlin.collections.Map", Primitive::Any),
        ("kotlinx.serialization.json.JsonElement", Primitive::Any),
    ],
    // FIXME(issue 23): `kotlin.Any` and `JsonElement` are any JSON value, no model's enum; the
    // note is what the generator wrote before the dialects had files of their own (a rule of
    // C#'s dotted names that matched them too), kept so that the output stays the same.
    inexact: &[
        ("java.math.BigDecimal", Inexact::Decimal),
        ("java.time.LocalDateTime", Inexact::DateOrDateTime),
        ("org.threeten.bp.LocalDateTime", Inexact::DateOrDateTime),
        ("kotlin.Any", Inexact::UnlistedEnum),
        (
            "kotlinx.serialization.json.JsonElement",
            Inexact::UnlistedEnum,
        ),
    ],
    ..DialectSpec::EMPTY
};

/// The Kotlin Name-column convention: the name as written (a reserved word is escaped with
/// backticks, which Markdown shows as code), but `propertyClass`, the templates' name for
/// `class` (`AbstractKotlinCodegen.toVariableName`).
fn api_name(name: &str) -> String {
    if name == "propertyClass" {
        "class"
    } else {
        name
    }
    .to_owned()
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;
    use std::path::PathBuf;

    use super::SPEC;
    use crate::diagnostic::Sources;
    use crate::model::Primitive;
    use crate::parse::dialect::Dialect;
    use crate::parse::page::{PageOutcome, parse_page};
    use crate::parse::types::Leaf;

    /// The model page `text` reads as: its name, whether it shows Kotlin among the dialects its
    /// syntax shows, and its fields as `name: type` (the neutral type) with the values of each
    /// field's own enum.
    fn read(text: &str) -> (String, bool, Vec<String>) {
        let mut sources = Sources::default();
        let file = sources.add(PathBuf::from("Page.md"), text.to_owned());
        let mut diagnostics = Vec::new();
        let PageOutcome::Model(page) = parse_page(file, text, &mut diagnostics) else {
            panic!("not a model page: {diagnostics:?}");
        };
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        let fields = (page.properties.iter())
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
        let shown = (page.dialects).is_some_and(|shown| shown.value.contains(Dialect::of(&SPEC)));
        (page.name.value.clone(), shown, fields)
    }

    #[test]
    fn reads_inline_enums_of_items_and_values_and_backticked_names() {
        let page = "# EnumHolder\n\n## Properties\n\
            | Name | Type | Description | Notes |\n| --- | --- | --- | --- |\n\
            | **actions** | [**inline**](#kotlin.collections.List&lt;Actions&gt;) |  |  [optional] |\n\
            | **byKey** | [**inline**](#kotlin.collections.Map&lt;kotlin.String, &#x60;Inner&#x60;&gt;) |  |  [optional] |\n\
            | **&#x60;when&#x60;** | **kotlin.String** |  |  [optional] |\n\n\
            <a id=\"kotlin.collections.List<Actions>\"></a>\n## Enum: actions\n\
            | Name | Value |\n| ---- | ----- |\n| actions | create, delete |\n\n\
            <a id=\"kotlin.collections.Map<kotlin.String, `Inner`>\"></a>\n## Enum: by_key\n\
            | Name | Value |\n| ---- | ----- |\n| byKey | on, off |\n";
        let (_, shown, fields) = read(page);
        assert!(shown);
        assert_eq!(
            fields,
            [
                r#"actions: list[str] Some("create,delete")"#,
                r#"byKey: dict(str, str) Some("on,off")"#,
                "when: kotlin.String None",
            ]
        );
    }

    #[test]
    fn a_title_of_a_type_it_maps_stays_whole_and_shows_no_other_dialect() {
        // The folder passes give the page its file's name (`name_pages_titled_as_types`).
        let page = "# java.time.LocalDate\n\n## Properties\n\
            | Name | Type | Description | Notes |\n| --- | --- | --- | --- |\n\
            | **code** | **kotlin.Int** |  |  [optional] |\n";
        let (name, shown, _) = read(page);
        assert_eq!((name.as_str(), shown), ("java.time.LocalDate", true));
    }

    #[test]
    fn reads_every_date_library() {
        let kotlin = Dialect::of(&SPEC);
        let pages = BTreeSet::new();
        for (name, primitive) in [
            ("java.time.LocalDateTime", Primitive::String),
            ("org.threeten.bp.OffsetDateTime", Primitive::DateTime),
            ("org.threeten.bp.LocalDate", Primitive::Date),
            ("kotlinx.datetime.Instant", Primitive::DateTime),
            ("kotlin.collections.Map", Primitive::Any),
        ] {
            let read = kotlin.read_name(name, &pages).map(|(leaf, _)| leaf);
            assert_eq!(read, Some(Leaf::Primitive(primitive)), "{name}");
        }
    }
}

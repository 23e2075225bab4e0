//! openapi-generator's `scala-akka` and `scala-pekko`: `String`, `Int`, `Long`, `Double`,
//! `BigDecimal`, `Boolean`, `URI`, `UUID`, `OffsetDateTime`, `Any`, `Seq<X>` (or `Seq[X]`),
//! `Map<String, X>` (or `Map[String, X]`); lowerCamelCase names, a reserved word in backticks;
//! a field's own enum as a `## Enum: Name` section. It writes Java's type names and maps, and
//! Swift's `Int`, too (`DialectSpec::extends`).

use crate::model::Primitive;
use crate::parse::dialect::{DialectSpec, Holds, Inexact, Mark, Opener};

/// The Scala templates' description.
pub static SPEC: DialectSpec = DialectSpec {
    reads_operations: true,
    file_types: &["File"],
    name: "scala",
    // It links every model (`[**String**](String.md)`), but writes one named like its types as
    // that type where it maps the reference (older templates' `**String**`).
    links_models: true,
    api_name,
    type_syntax: "Scala types are `String`, `Int`, `Long`, `Float`, `Double`, `BigDecimal`, \
                  `Boolean`, `URI`, `UUID`, `OffsetDateTime`, `LocalDate`, `File`, `Any`, \
                  `Seq<T>`, `Set<T>`, `Map<String, T>`, or a model name",
    // `Map<String, X>` and `Set<X>` are Java's, `Int` Swift's: they show those dialects, whose
    // syntax Scala's extends.
    containers: &[
        Opener {
            name: "Seq",
            bracket: '<',
            holds: Holds::List,
        },
        Opener {
            name: "Seq",
            bracket: '[',
            holds: Holds::List,
        },
        Opener {
            name: "Map",
            bracket: '[',
            holds: Holds::Map("String"),
        },
    ],
    // A field's own enum: `[**Status**](#Status)` and its `## Enum: Status` section's
    // `Allowed values: [a, b]` (`class_doc.mustache`).
    marks: &[Mark::AllowedValuesParagraph],
    // `URI`, `UUID`, `File` and `ByteArray` (base64) are strings on the wire; `BigDecimal` is
    // read as a float.
    primitives: &[
        ("String", Primitive::String),
        ("Char", Primitive::String),
        ("UUID", Primitive::String),
        ("URI", Primitive::String),
        ("File", Primitive::String),
        ("ByteArray", Primitive::String),
        ("Int", Primitive::Integer),
        ("Long", Primitive::Integer),
        ("Byte", Primitive::Integer),
        ("Short", Primitive::Integer),
        ("Float", Primitive::Float),
        ("Double", Primitive::Float),
        ("BigDecimal", Primitive::Float),
        ("Boolean", Primitive::Boolean),
        ("OffsetDateTime", Primitive::DateTime),
        ("LocalDate", Primitive::Date),
        ("LocalDateTime", Primitive::LocalDateTime),
        // Pydantic's word too, and a model's name in other templates (Ory's Java `Any`): it
        // carries no mark.
        ("Any", Primitive::Any),
    ],
    inexact: &[("BigDecimal", Inexact::Decimal)],
    extends: &["java", "swift"],
    ..DialectSpec::EMPTY
};

/// The Scala templates' Name-column convention: the lowerCamelCase property (`[naming] wire`
/// spells the JSON from it), without the backticks around a reserved word (`` `type` `` ->
/// `type`).
pub fn api_name(name: &str) -> String {
    name.strip_prefix('`')
        .and_then(|rest| rest.strip_suffix('`'))
        .unwrap_or(name)
        .to_owned()
}

#[cfg(test)]
mod tests {
    use super::super::read_page;
    use super::api_name;
    use crate::parse::dialects::named;

    #[test]
    fn scala_escapes_are_removed() {
        for (name, api) in [("`type`", "type"), ("`1st`", "1st"), ("petType", "petType")] {
            assert_eq!(api_name(name), api, "{name}");
        }
    }

    /// A field's own enum links to its `## Enum: Name` section, named after the field's type
    /// (`Seq[X]` for an array's items, `Map[String, X]` for a map's values), whose paragraph
    /// lists the values unquoted.
    #[test]
    fn reads_a_fields_own_enum_from_its_allowed_values() {
        let text = "# EnumHolder\n\n## Properties\n\n\
            Name | Type | Description | Notes\n------------ | ------------- | ------------- | -------------\n\
            **status** | [**Status**](#Status) |  | \n\
            **level** | [**Level**](#Level) |  |  [optional]\n\
            **actions** | [**Seq[Actions]**](#Seq[Actions]) |  |  [optional]\n\
            **byKey** | [**Map[String, String]**](#Map[String, String]) |  |  [optional]\n\n\n\
            ## Enum: Status\nAllowed values: [a|b, <tag>, x y]\n\n\n\
            ## Enum: Level\nAllowed values: [1, 2]\n\n\n\
            ## Enum: Seq[Actions]\nAllowed values: [read, write]\n\n\n\
            ## Enum: Map[String, String]\nAllowed values: [on, off]\n";
        let page = read_page(text);
        let fields: Vec<String> = (page.properties.iter())
            .map(|row| {
                let values = (row.enum_values.iter().flat_map(|listed| &listed.values))
                    .map(|value| value.value.as_str())
                    .collect::<Vec<_>>();
                format!("{}: {} {values:?}", row.name.value, row.type_expr.value)
            })
            .collect();
        assert_eq!(
            fields,
            [
                r#"status: str ["a|b", "<tag>", "x y"]"#,
                r#"level: int ["1", "2"]"#,
                r#"actions: list[str] ["read", "write"]"#,
                r#"byKey: dict(str, str) ["on", "off"]"#,
            ]
        );
        let shown = page.dialects.map(|shown| shown.value);
        assert_eq!(shown.and_then(|shown| shown.first()), named("scala"));
    }

    #[test]
    fn reads_the_scala_syntax() {
        let scala = named("scala");
        crate::parse::dialects::assert_reads(&[
            ("Seq<Tag>", "list[Tag]", scala),
            ("Seq<Map[String, Int]>", "list[dict(str, Int)]", scala),
            ("Seq<Seq[Long]>", "list[list[Long]]", scala),
            ("Map[String, String]", "dict(str, String)", scala),
            // Java's map shows Java and Scala, which writes it too; `Seq<` Scala alone.
            ("Map<String, Seq<String>>", "dict(str, list[String])", scala),
        ]);
    }
}

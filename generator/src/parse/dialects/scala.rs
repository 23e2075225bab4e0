//! openapi-generator's `scala-akka` and `scala-pekko`: `String`, `Int`, `Long`, `Double`,
//! `BigDecimal`, `Boolean`, `URI`, `UUID`, `OffsetDateTime`, `Any`, `Seq<X>` (or `Seq[X]`),
//! `Map<String, X>` (or `Map[String, X]`); lowerCamelCase names, a reserved word in backticks;
//! a field's own enum as a `## Enum: Name` section. It writes Java's type names and maps, and
//! Swift's `Int`, too (`DialectSpec::extends`).

use crate::parse::dialect::{DialectSpec, Holds, Inexact, Opener};
use crate::parse::types::Primitive;

/// The Scala templates' description.
pub static SPEC: DialectSpec = DialectSpec {
    name: "scala",
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
    // `URI`, `UUID`, `File` and `ByteArray` (base64) are strings on the wire; `BigDecimal` is
    // read as a float.
    primitives: &[
        ("String", Primitive::Str),
        ("Char", Primitive::Str),
        ("UUID", Primitive::Str),
        ("URI", Primitive::Str),
        ("File", Primitive::Str),
        ("ByteArray", Primitive::Str),
        ("Int", Primitive::Int),
        ("Long", Primitive::Int),
        ("Byte", Primitive::Int),
        ("Short", Primitive::Int),
        ("Float", Primitive::Float),
        ("Double", Primitive::Float),
        ("BigDecimal", Primitive::Float),
        ("Boolean", Primitive::Bool),
        ("OffsetDateTime", Primitive::Datetime),
        ("LocalDate", Primitive::Date),
        ("LocalDateTime", Primitive::LocalDateTime),
        // Pydantic's word too, and a model's name in other templates (Ory's Java `Any`): it
        // carries no mark.
        ("Any", Primitive::Object),
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
    use super::api_name;
    use crate::parse::dialects::named;
    use crate::parse::type_expr::parse_type;

    #[test]
    fn scala_escapes_are_removed() {
        for (name, api) in [("`type`", "type"), ("`1st`", "1st"), ("petType", "petType")] {
            assert_eq!(api_name(name), api, "{name}");
        }
    }

    #[test]
    fn reads_the_scala_syntax() {
        let scala = named("scala");
        for (text, read, shown) in [
            ("Seq<Tag>", "list[Tag]", scala),
            ("Seq<Map[String, Int]>", "list[dict(str, Int)]", scala),
            ("Seq<Seq[Long]>", "list[list[Long]]", scala),
            ("Map[String, String]", "dict(str, String)", scala),
            // Java's map shows Java and Scala, which writes it too; `Seq<` Scala alone.
            ("Map<String, Seq<String>>", "dict(str, list[String])", scala),
        ] {
            let parsed = parse_type(text).unwrap();
            assert_eq!(
                (
                    parsed.expr.to_string().as_str(),
                    crate::parse::dialects::shown_as(parsed.dialects, shown),
                ),
                (read, shown),
                "{text}"
            );
        }
    }
}

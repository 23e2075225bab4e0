//! openapi-generator's `kotlin` (every library): `kotlin.collections.List<X>`,
//! `kotlin.collections.Map<kotlin.String, X>`, `kotlin.Long`, `java.time.OffsetDateTime`;
//! lowerCamelCase names (a reserved word is escaped with backticks, which Markdown shows as code,
//! so the cell's text is the name itself); a field's own enum as `[**inline**](#X)` and a
//! `## Enum: name` table of comma-separated values; enum pages a `## Enum` list indented into a
//! code block.

use crate::parse::dialect::{DialectSpec, Holds, Inexact, Mark, Opener, Qualified};
use crate::parse::types::Primitive;

/// The Kotlin templates' description.
pub static SPEC: DialectSpec = DialectSpec {
    name: "kotlin",
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
        ("kotlin.String", Primitive::Str),
        ("kotlin.Char", Primitive::Str),
        ("kotlin.ByteArray", Primitive::Str),
        ("java.io.File", Primitive::Str),
        ("java.net.URI", Primitive::Str),
        ("java.net.URL", Primitive::Str),
        ("java.util.UUID", Primitive::Str),
        ("kotlin.uuid.Uuid", Primitive::Str),
        ("kotlin.Int", Primitive::Int),
        ("kotlin.Long", Primitive::Int),
        ("kotlin.Short", Primitive::Int),
        ("kotlin.Byte", Primitive::Int),
        ("java.math.BigInteger", Primitive::Int),
        ("kotlin.Float", Primitive::Float),
        ("kotlin.Double", Primitive::Float),
        ("java.math.BigDecimal", Primitive::Float),
        ("kotlin.Boolean", Primitive::Bool),
        ("java.time.OffsetDateTime", Primitive::Datetime),
        ("java.time.ZonedDateTime", Primitive::Datetime),
        ("java.time.Instant", Primitive::Datetime),
        ("kotlinx.datetime.Instant", Primitive::Datetime),
        ("kotlin.time.Instant", Primitive::Datetime),
        ("org.threeten.bp.OffsetDateTime", Primitive::Datetime),
        ("java.time.LocalDateTime", Primitive::Str),
        ("org.threeten.bp.LocalDateTime", Primitive::Str),
        ("java.time.LocalDate", Primitive::Date),
        ("org.threeten.bp.LocalDate", Primitive::Date),
        ("kotlinx.datetime.LocalDate", Primitive::Date),
        ("kotlin.Any", Primitive::Object),
        ("kotlin.collections.Map", Primitive::Object),
        ("kotlinx.serialization.json.JsonElement", Primitive::Object),
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

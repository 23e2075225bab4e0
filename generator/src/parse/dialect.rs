//! The dialects of model docs: which template wrote a folder. Each dialect's pages are read into
//! the same dialect-neutral [`ModelPage`](super::ModelPage); what differs is the type syntax and
//! the page layout, and a page's syntax shows its dialect.

use std::collections::BTreeSet;
use std::fmt;
use std::ops::Range;

use super::page::{MALFORMED_TYPE, ModelPage, Spanned};
use super::type_expr::{Leaf, Primitive, TypeExpr};
use crate::diagnostic::{Diagnostic, FileId, Sources};

/// A template family whose model docs the generator reads.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Dialect {
    /// swagger-codegen's and the early openapi-generator's `python` (and templates derived from
    /// them, such as Genesys Cloud's): `list[X]`, `dict(str, X)`. The default: its syntax is the
    /// plainest.
    #[default]
    Python,
    /// openapi-generator's `python-prior` (2021): `[X]`, `{str: (X,)}`, `none_type`,
    /// `**any string name**` rows, enums as a `value` row that `must be one of [...]`.
    PythonPrior,
    /// openapi-generator's pydantic templates (`python` since 7.0, `python-pydantic-v1`):
    /// `List[X]`, `Dict[str, X]`, `Optional[X]`, `StrictStr`; enum pages with a `## Enum` list.
    PythonPydantic,
    /// openapi-generator's `java` templates: `List<X>`, `Map<String, X>`,
    /// `OffsetDateTime`, `byte[]`; lowerCamelCase names; a field's own enum as a
    /// `## Enum: XEnum` table after the properties.
    Java,
    /// openapi-generator's `go`: `Pointer to **X**`, `[]X`, `map[string]X`, `time.Time`,
    /// `interface{}`, `NullableString`-style wrappers; PascalCase names; the `### Methods`
    /// section after the table is not read.
    Go,
    /// openapi-generator's `typescript` and `typescript-axios`: `Array<X>`, `{ [key: string]: X; }`,
    /// `string`, `number`, `boolean`, `any`, `X | null`; the Name column is the JSON name itself.
    TypeScript,
    /// openapi-generator's `ruby`: `Array<X>`, `Hash<String, X>`, `String`, `Integer`, `Float`,
    /// `Boolean`, `Time`, `Date`, `Object`; titles `# Module::Name`; the Name column snake_case
    /// (`_` before a reserved word); enum pages an empty Properties table.
    Ruby,
    /// openapi-generator's `rust`: `Option<X>`, `Vec<X>`, `std::collections::HashMap<String, X>`,
    /// `models::X`, `serde_json::Value`, `i32`, `f64`, `String`; the Name column the snake_case
    /// field (a raw identifier, `r#type`, for a keyword); enum pages a `## Enum Variants` table.
    Rust,
    /// openapi-generator's `typescript-fetch`: TypeScript's types in a `Name | Type` table (no
    /// descriptions, no Notes: the page does not say which fields are required); the Name column
    /// the TypeScript property (camelCase by default, the template's `modelPropertyNaming`); enum
    /// pages an empty table.
    TypeScriptFetch,
    /// openapi-generator's `csharp` (every library: `generichost`, `httpclient`, `restsharp`)
    /// and its older `csharp-netcore`: `List<X>`, `Dictionary<string, X>`, `long?`, `decimal`,
    /// `DateTime`, `Guid`; titles `# Namespace.Model.Name`; PascalCase names; enum pages an
    /// empty Properties table.
    CSharp,
    /// openapi-generator's `swift5` and `swift6`: `[X]`, `[String: X]`, `Int64`, `Double`,
    /// `Date`, `UUID`, `AnyCodable`; lowerCamelCase names (`_` before a reserved word); enum
    /// pages an empty Properties table.
    Swift,
    /// openapi-generator's `php` and `php-nextgen`: `X[]`, `array<string,X>`, `\DateTime`,
    /// `mixed`, models as `\Vendor\Model\X`; titles `# # Name` (`php`); snake_case names;
    /// enum pages an empty Properties table.
    Php,
    /// openapi-generator's `kotlin` (every library): `kotlin.collections.List<X>`,
    /// `kotlin.collections.Map<kotlin.String, X>`, `kotlin.Long`, `java.time.OffsetDateTime`;
    /// lowerCamelCase names; a field's own enum as `[**inline**](#X)` and a `## Enum: name`
    /// table of comma-separated values; enum pages a `## Enum` list indented into a code block.
    Kotlin,
}

impl Dialect {
    /// Every dialect, in a fixed order.
    pub const ALL: [Dialect; 13] = [
        Dialect::Python,
        Dialect::PythonPrior,
        Dialect::PythonPydantic,
        Dialect::Java,
        Dialect::Go,
        Dialect::TypeScript,
        Dialect::Ruby,
        Dialect::Rust,
        Dialect::TypeScriptFetch,
        Dialect::CSharp,
        Dialect::Swift,
        Dialect::Php,
        Dialect::Kotlin,
    ];

    /// The dialect's name, as `codegen.toml` writes it and runs report it.
    pub fn name(self) -> &'static str {
        match self {
            Dialect::Python => "python",
            Dialect::PythonPrior => "python-prior",
            Dialect::PythonPydantic => "python-pydantic",
            Dialect::Java => "java",
            Dialect::Go => "go",
            Dialect::TypeScript => "typescript",
            Dialect::Ruby => "ruby",
            Dialect::Rust => "rust",
            Dialect::TypeScriptFetch => "typescript-fetch",
            Dialect::CSharp => "csharp",
            Dialect::Swift => "swift",
            Dialect::Php => "php",
            Dialect::Kotlin => "kotlin",
        }
    }

    /// Whether the operation reader knows the dialect's operation pages (`Wraps METHOD /path`):
    /// the Python family's; Java's and Go's are skipped.
    pub fn documents_operations(self) -> bool {
        matches!(
            self,
            Dialect::Python | Dialect::PythonPrior | Dialect::PythonPydantic
        )
    }

    /// The dialect with this name.
    pub fn from_name(name: &str) -> Option<Dialect> {
        Dialect::ALL
            .into_iter()
            .find(|dialect| dialect.name() == name)
    }

    /// The dialect's Name-column convention: the API's name of a property whose Name cell is
    /// `name` (see [`super::PropertyRow::api_name`]).
    pub fn api_name(self, name: &str) -> String {
        match self {
            Dialect::Python | Dialect::PythonPrior | Dialect::PythonPydantic => {
                python_api_name(name)
            }
            Dialect::Java => java_api_name(name),
            // The exported Go field: PascalCase, which `[naming] wire` spells as it spells
            // lowerCamelCase (`CreatedAt` is `created_at` in snake_case, `createdAt` in camelCase).
            Dialect::Go => name.to_owned(),
            Dialect::TypeScript | Dialect::TypeScriptFetch => typescript_api_name(name),
            Dialect::Ruby => ruby_api_name(name),
            // The snake_case Rust field; the page reader has read a raw identifier (`r#type`)
            // as the identifier (`type`).
            Dialect::Rust => rust_api_name(name),
            Dialect::CSharp => csharp_api_name(name),
            Dialect::Swift => without_underscore_escape(name, SWIFT_RESERVED),
            Dialect::Php => php_api_name(name),
            // The Kotlin property: lowerCamelCase; a reserved word is escaped with backticks,
            // which Markdown shows as code, so the cell's text is the name itself.
            Dialect::Kotlin => name.to_owned(),
        }
    }

    /// The dialect's type syntax, for the note of a malformed type.
    pub fn type_syntax(self) -> &'static str {
        match self {
            Dialect::Python => {
                "types are `str`, `int`, `float`, `bool`, `date`, `datetime`, `object`, \
                 `list[T]`, `dict(str, T)` (or the same in another Python template's syntax: \
                 `List[T]`, `Dict[str, T]`, `[T]`, `{str: (T,)}`) or a model name"
            }
            Dialect::PythonPrior => {
                "python-prior types are `str`, `int`, `float`, `bool`, `date`, `datetime`, \
                 `[T]`, `{str: (T,)}`, unions such as `str, none_type`, or a model name"
            }
            Dialect::PythonPydantic => {
                "pydantic types are `str`, `int`, `float`, `bool`, `date`, `datetime`, `object`, \
                 `StrictStr`-style aliases, `Any`, `List[T]`, `Dict[str, T]`, `Optional[T]`, \
                 `Union[A, B]`, or a model name"
            }
            Dialect::Java => {
                "Java types are `String`, `Integer`, `Long`, `Float`, `Double`, `BigDecimal`, \
                 `Boolean`, `OffsetDateTime`, `LocalDate`, `UUID`, `Object`, `byte[]`, `List<T>`, \
                 `Set<T>`, `Map<String, T>`, or a model name"
            }
            Dialect::Go => {
                "Go types are `string`, `int32`, `int64`, `float32`, `float64`, `bool`, \
                 `time.Time`, `interface{}`, `[]T`, `map[string]T`, `Pointer to T`, \
                 `NullableT`, or a model name"
            }
            Dialect::TypeScript | Dialect::TypeScriptFetch => {
                "TypeScript types are `string`, `number`, `boolean`, `Date`, `object`, `any`, \
                 `Array<T>`, `{ [key: string]: T; }`, `T | null`, or a model name"
            }
            Dialect::Ruby => {
                "Ruby types are `String`, `Integer`, `Float`, `Boolean`, `Time`, `Date`, \
                 `Object`, `Array<T>`, `Hash<String, T>`, or a model name"
            }
            Dialect::Rust => {
                "Rust types are `String`, `i32`, `i64`, `f32`, `f64`, `bool`, `uuid::Uuid`, \
                 `serde_json::Value`, `Vec<T>`, `std::collections::HashMap<String, T>`, \
                 `Option<T>`, `models::T`, or a model name"
            }
            Dialect::CSharp => {
                "C# types are `string`, `int`, `long`, `float`, `double`, `decimal`, `bool`, \
                 `DateTime`, `DateOnly`, `Guid`, `Object`, `byte[]`, `T?`, `List<T>`, \
                 `Dictionary<string, T>`, or a model name"
            }
            Dialect::Swift => {
                "Swift types are `String`, `Int`, `Int64`, `Float`, `Double`, `Bool`, `Date`, \
                 `UUID`, `URL`, `AnyCodable`, `[T]`, `[String: T]`, or a model name"
            }
            Dialect::Php => {
                "PHP types are `string`, `int`, `float`, `bool`, `\\DateTime`, `object`, `mixed`, \
                 `T[]`, `array<string,T>`, or a model name (`\\Vendor\\Model\\T`)"
            }
            Dialect::Kotlin => {
                "Kotlin types are `kotlin.String`, `kotlin.Int`, `kotlin.Long`, `kotlin.Double`, \
                 `kotlin.Boolean`, `java.time.OffsetDateTime`, `kotlin.Any`, \
                 `kotlin.collections.List<T>`, `kotlin.collections.Map<kotlin.String, T>`, or a \
                 model name"
            }
        }
    }

    /// Whether the dialect's Name column is the JSON name itself, so that `[naming] wire` does
    /// not apply: TypeScript's templates write a property under its JSON name (quoted when it is
    /// no identifier); the Python family writes a Python attribute, whose JSON spelling the docs
    /// cannot show.
    pub fn names_are_json(self) -> bool {
        match self {
            Dialect::Python
            | Dialect::PythonPrior
            | Dialect::PythonPydantic
            | Dialect::Java
            | Dialect::Go
            | Dialect::Ruby
            | Dialect::Rust
            // The property's name, camelCase by default: `[naming] wire` spells the JSON.
            | Dialect::TypeScriptFetch
            | Dialect::CSharp
            | Dialect::Swift
            | Dialect::Php
            | Dialect::Kotlin => false,
            Dialect::TypeScript => true,
        }
    }
}

/// Names the Java templates escape with a leading `_`: Java keywords and literals, and names
/// their generated code uses itself (openapi-generator's `AbstractJavaCodegen` reserved words).
const JAVA_RESERVED: &[&str] = &[
    "abstract",
    "assert",
    "boolean",
    "break",
    "byte",
    "case",
    "catch",
    "char",
    "class",
    "const",
    "continue",
    "default",
    "do",
    "double",
    "else",
    "enum",
    "extends",
    "false",
    "file",
    "final",
    "finally",
    "float",
    "for",
    "goto",
    "if",
    "implements",
    "import",
    "instanceof",
    "int",
    "interface",
    "list",
    "long",
    "native",
    "new",
    "null",
    "object",
    "package",
    "private",
    "protected",
    "public",
    "return",
    "short",
    "static",
    "strictfp",
    "super",
    "switch",
    "synchronized",
    "this",
    "throw",
    "throws",
    "transient",
    "true",
    "try",
    "void",
    "volatile",
    "while",
];

/// The Java Name-column convention: the API's name of a property whose Name cell is `name`: the
/// property's lowerCamelCase name (`createdAt`; `[naming] wire` spells the JSON from it), the
/// template's escapes removed: `_` before a reserved name (`_object` -> `object`), and
/// `propertyClass`, its name for `class`.
pub fn java_api_name(name: &str) -> String {
    if name == "propertyClass" {
        return "class".to_owned();
    }
    without_underscore_escape(name, JAVA_RESERVED)
}

/// The primitive a Go type name stands for (`string`, `int64`, `float64`), and the same for
/// its `Nullable` wrapper (`NullableString`: the field may be `null`).
fn go_primitive(name: &str) -> Option<Primitive> {
    Some(match name {
        "string" | "NullableString" => Primitive::Str,
        "int" | "int32" | "int64" | "NullableInt" | "NullableInt32" | "NullableInt64" => {
            Primitive::Int
        }
        "float32" | "float64" | "NullableFloat32" | "NullableFloat64" => Primitive::Float,
        "bool" | "NullableBool" => Primitive::Bool,
        "NullableTime" => Primitive::Datetime,
        _ => return None,
    })
}

/// The primitive a Ruby type name stands for (`String`, `Integer`, `Time`), unless a page of the
/// folder defines a model of that name; read once the folder is known to be Ruby (its titles,
/// `# Module::Name`, show it). `Date` is a calendar date, `Time` an instant.
fn ruby_primitive(name: &str) -> Option<Primitive> {
    Some(match name {
        "String" => Primitive::Str,
        "Integer" => Primitive::Int,
        "Float" => Primitive::Float,
        "Boolean" => Primitive::Bool,
        "Time" => Primitive::Datetime,
        "Date" => Primitive::Date,
        "Object" => Primitive::Object,
        _ => return None,
    })
}

/// The primitive a Java type name stands for (`String`, `Long`, `OffsetDateTime`), unless a page
/// of the folder defines a model of that name. The names carry no dialect mark of their own
/// (`String` could be any template's model), so they are read once the folder is known to be
/// Java. `UUID`, `URI` and `File` are strings on the wire; `BigDecimal` is read as a float.
fn java_primitive(name: &str) -> Option<Primitive> {
    Some(match name {
        "String" | "UUID" | "URI" | "File" => Primitive::Str,
        "Integer" | "Long" => Primitive::Int,
        "Float" | "Double" | "BigDecimal" => Primitive::Float,
        "Boolean" => Primitive::Bool,
        "OffsetDateTime" => Primitive::Datetime,
        "LocalDate" => Primitive::Date,
        "Object" => Primitive::Object,
        _ => return None,
    })
}

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
pub fn python_api_name(name: &str) -> String {
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

/// Names the TypeScript templates escape with a leading `_`: the language's reserved words and
/// the names their generated code uses itself (openapi-generator's `typescript*` reserved words;
/// `typescript-axios` also escapes `options`).
#[rustfmt::skip]
const TYPESCRIPT_RESERVED: &[&str] = &[
    "abstract", "await", "boolean", "break", "byte", "case", "catch", "char", "class", "const",
    "constructor", "continue", "debugger", "default", "delete", "do", "double", "else", "enum",
    "export", "extends", "false", "final", "finally", "float", "for", "formParams", "from",
    "function", "goto", "headerParams", "if", "implements", "import", "in", "instanceof", "int",
    "interface", "let", "long", "native", "new", "null", "options", "package", "private",
    "protected", "public", "queryParameters", "requestOptions", "return", "short", "static",
    "super", "switch", "synchronized", "this", "throw", "transient", "true", "try", "typeof",
    "useFormData", "var", "varLocalDeferred", "varLocalPath", "void", "volatile", "while", "with",
    "yield",
];

/// The TypeScript templates' Name-column convention: the JSON name itself, quoted when it is no
/// identifier (`'@type'`), with `_` before a reserved name (`_class` -> `class`).
pub fn typescript_api_name(name: &str) -> String {
    without_underscore_escape(name.trim_matches(['\'', '"']), TYPESCRIPT_RESERVED)
}

/// Names the Ruby template escapes with a leading `_` (openapi-generator's `ruby` reserved
/// words).
#[rustfmt::skip]
const RUBY_RESERVED: &[&str] = &[
    "__FILE__", "__LINE__", "_header_accept", "_header_accept_result", "_header_content_type",
    "alias", "and", "auth_names", "begin", "break", "case", "class", "def", "defined?", "do",
    "else", "elsif", "end", "ensure", "false", "for", "form_params", "header_params", "if", "in",
    "local_var_path", "module", "next", "nil", "not", "or", "post_body", "query_params", "redo",
    "rescue", "retry", "return", "self", "super", "then", "true", "undef", "unless", "until",
    "when", "while", "yield",
];

/// The Ruby template's Name-column convention: the snake_case attribute, `_` before a reserved
/// word (`_end` -> `end`).
pub fn ruby_api_name(name: &str) -> String {
    without_underscore_escape(name, RUBY_RESERVED)
}

/// Rust's keywords, which the `rust` template escaped with a leading `_` before it wrote raw
/// identifiers (`_type`, now `r#type`).
#[rustfmt::skip]
const RUST_KEYWORDS: &[&str] = &[
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "crate",
    "do", "dyn", "else", "enum", "extern", "false", "final", "fn", "for", "if", "impl", "in",
    "let", "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub", "ref",
    "return", "self", "static", "struct", "super", "trait", "true", "try", "type", "typeof",
    "unsafe", "unsized", "use", "virtual", "where", "while", "yield",
];

/// The Rust template's Name-column convention: the snake_case field, `_` before a keyword in
/// its older pages (`_type` -> `type`; a raw identifier, `r#type`, is read as the identifier by
/// the page reader).
pub fn rust_api_name(name: &str) -> String {
    without_underscore_escape(name, RUST_KEYWORDS)
}

/// The primitive a Rust type name of the template stands for, unless a page of the folder
/// defines a model of that name: `String` (which the template also writes for date-times, dates,
/// URIs, decimals and bytes: the page says no more). Its other names (`i64`, `f64`, `bool`,
/// `serde_json::Value`) show the dialect and are read with the syntax.
fn rust_primitive(name: &str) -> Option<Primitive> {
    (name == "String").then_some(Primitive::Str)
}

/// `name` without the `_` a template writes before a `reserved` name (`_class` -> `class`); any
/// other name as written (`_links`).
fn without_underscore_escape(name: &str, reserved: &[&str]) -> String {
    name.strip_prefix('_')
        .filter(|rest| reserved.contains(rest))
        .unwrap_or(name)
        .to_owned()
}

/// The names C#'s `toVarName` gives a `Property` prefix: members every generated model has.
const CSHARP_MEMBERS: &[&str] = &[
    "ToString",
    "ToJson",
    "GetHashCode",
    "Equals",
    "ShouldSerializeToString",
];

/// The C# templates' Name-column convention: the PascalCase property (`[naming] wire` spells
/// the JSON from it, as from Go's), the template's escapes removed: `var` before a reserved
/// word, a name starting with a digit or the model's own name (`varVersion` -> `Version`; a
/// PascalCase property never starts with a lowercase `var`), and `Property` before a member
/// every model has (`PropertyToString` -> `ToString`).
pub fn csharp_api_name(name: &str) -> String {
    if let Some(rest) = name.strip_prefix("var")
        && rest.starts_with(|c: char| c.is_ascii_uppercase() || c.is_ascii_digit())
    {
        return rest.to_owned();
    }
    name.strip_prefix("Property")
        .filter(|rest| CSHARP_MEMBERS.contains(rest))
        .unwrap_or(name)
        .to_owned()
}

/// Names the Swift templates escape with a leading `_` (the lowerCamelCase ones among
/// openapi-generator's `swift5` reserved words: Swift's keywords).
#[rustfmt::skip]
const SWIFT_RESERVED: &[&str] = &[
    "as", "associatedtype", "associativity", "break", "case", "catch", "class", "continue",
    "convenience", "default", "defer", "deinit", "didSet", "do", "dynamic", "dynamicType", "else",
    "enum", "extension", "fallthrough", "false", "fileprivate", "final", "for", "func", "get",
    "guard", "if", "import", "in", "indirect", "infix", "init", "inout", "internal", "is", "lazy",
    "left", "let", "mutating", "nil", "none", "nonmutating", "open", "operator", "optional",
    "override", "postfix", "precedence", "prefix", "private", "protocol", "public", "repeat",
    "required", "rethrows", "return", "right", "self", "set", "static", "struct", "subscript",
    "super", "switch", "throw", "throws", "true", "try", "typealias", "unowned", "var", "weak",
    "where", "while", "willSet",
];

/// The PHP templates' Name-column convention: the snake_case attribute (`[naming] wire` spells
/// the JSON from it), without the `_` written before a name that starts with a digit
/// (`_123_number` -> `123_number`). PHP keywords are not escaped.
pub fn php_api_name(name: &str) -> String {
    name.strip_prefix('_')
        .filter(|rest| rest.starts_with(|c: char| c.is_ascii_digit()))
        .unwrap_or(name)
        .to_owned()
}

/// The primitive a C# type name stands for (`long`, `decimal`, `DateTimeOffset`, `Guid`),
/// unless a page of the folder defines a model of that name. `DateTime` is what the templates
/// write for dates and date-times alike, so it is the string sent; `decimal` is read as a float.
fn csharp_primitive(name: &str) -> Option<Primitive> {
    Some(match name {
        "DateTime" | "Guid" | "System.IO.Stream" | "FileParameter" => Primitive::Str,
        "long" | "uint" | "ulong" => Primitive::Int,
        "double" | "decimal" => Primitive::Float,
        "DateTimeOffset" => Primitive::Datetime,
        "DateOnly" => Primitive::Date,
        "Object" => Primitive::Object,
        _ => return None,
    })
}

/// The primitive a Swift type name stands for (`Int64`, `Double`, `UUID`, `AnyCodable`), unless
/// a page of the folder defines a model of that name. `Date` is what the templates write for
/// dates and date-times alike, so it is the string sent; `Data` is base64, `URL` a file's
/// bytes, both strings on the wire; `Decimal` is read as a float.
fn swift_primitive(name: &str) -> Option<Primitive> {
    Some(match name {
        "String" | "Character" | "UUID" | "URL" | "Data" | "Date" => Primitive::Str,
        "Int" | "Int32" | "Int64" => Primitive::Int,
        "Float" | "Double" | "Decimal" => Primitive::Float,
        "Bool" => Primitive::Bool,
        "OpenAPIDateWithoutTime" => Primitive::Date,
        "AnyCodable" | "JSONValue" => Primitive::Object,
        _ => return None,
    })
}

/// The primitive a PHP type name stands for (`double`, `\DateTime`, `\SplFileObject`). PHP's
/// `\DateTime` is what the templates write for dates and date-times alike, so it is the string
/// sent.
fn php_primitive(name: &str) -> Option<Primitive> {
    Some(match name {
        "\\DateTime" | "\\SplFileObject" => Primitive::Str,
        "double" => Primitive::Float,
        _ => return None,
    })
}

/// The primitive a Kotlin type name stands for: the qualified names its templates write
/// (`kotlin.Long`, `java.time.OffsetDateTime`, `kotlinx.datetime.LocalDate`).
/// `java.math.BigDecimal` is read as a float.
fn kotlin_primitive(name: &str) -> Option<Primitive> {
    Some(match name {
        "kotlin.String" | "kotlin.Char" | "kotlin.ByteArray" | "java.io.File" | "java.net.URI"
        | "java.net.URL" | "java.util.UUID" | "kotlin.uuid.Uuid" => Primitive::Str,
        "kotlin.Int" | "kotlin.Long" | "kotlin.Short" | "kotlin.Byte" | "java.math.BigInteger" => {
            Primitive::Int
        }
        "kotlin.Float" | "kotlin.Double" | "java.math.BigDecimal" => Primitive::Float,
        "kotlin.Boolean" => Primitive::Bool,
        "java.time.OffsetDateTime"
        | "java.time.ZonedDateTime"
        | "java.time.Instant"
        | "kotlinx.datetime.Instant"
        | "kotlin.time.Instant" => Primitive::Datetime,
        "java.time.LocalDate" | "kotlinx.datetime.LocalDate" => Primitive::Date,
        "kotlin.Any" | "kotlinx.serialization.json.JsonElement" => Primitive::Object,
        _ => return None,
    })
}

/// What a field's docs say when its page's type says less than the type it is read as: a
/// decimal of any precision read as a float, a date-or-date-time read as the string sent, a
/// C# model's own enum whose values the page does not list.
fn inexact_type_note(name: &str, leaf: &Leaf) -> Option<String> {
    let why = match (name, leaf) {
        ("BigDecimal" | "java.math.BigDecimal" | "decimal" | "Decimal", _) => {
            "a decimal of any precision: it is read as a float, which keeps about 15 significant \
             digits."
        }
        ("DateTime" | "\\DateTime" | "Date", Leaf::Primitive(Primitive::Str)) => {
            "which the template writes for dates and date-times alike: it is read as the string \
             sent."
        }
        (_, Leaf::Primitive(Primitive::Object)) if name.contains('.') => {
            "an enum of that model whose values the page does not list: it is read as any JSON \
             value."
        }
        _ => return None,
    };
    Some(format!("The docs give its type as `{name}`, {why}"))
}

/// A C# name with a dot: a qualified model (`Org.OpenAPITools.Model.Pet` is `Pet`), or a
/// model's own enum (`EnumArrays.ArrayEnumEnum`), whose values the page does not list: any JSON
/// value.
fn csharp_qualified(name: &str, page_names: &BTreeSet<String>) -> Option<Leaf> {
    let (owner, last) = name.rsplit_once('.')?;
    if page_names.contains(last) {
        return Some(Leaf::Named(last.to_owned()));
    }
    let owner = owner.rsplit('.').next().unwrap_or(owner);
    page_names
        .contains(owner)
        .then_some(Leaf::Primitive(Primitive::Object))
}

impl fmt::Display for Dialect {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The dialect of a folder's model pages: `forced` (from codegen.toml, with where it is written)
/// or the one their syntax shows; [`Dialect::Python`] when no page shows one (its syntax is the
/// plainest). A page whose syntax shows another dialect is an error: against `forced`, or (when
/// nothing is forced) naming the first two pages that disagree.
pub fn folder_dialect(
    pages: &[ModelPage],
    forced: Option<(Dialect, FileId, Range<usize>)>,
    sources: &Sources,
    diagnostics: &mut Vec<Diagnostic>,
) -> Dialect {
    let place = |file: FileId, offset: usize| {
        let at = sources.line_column(file, offset);
        format!(
            "{}:{}:{}",
            sources.get(file).path.display(),
            at.line,
            at.column
        )
    };
    let marked = pages
        .iter()
        .filter_map(|page| page.dialect.as_ref().map(|mark| (page, mark)));
    if let Some((dialect, file, span)) = forced {
        for (page, mark) in marked.filter(|(_, mark)| mark.value != dialect) {
            diagnostics.push(
                Diagnostic::error(
                    page.file,
                    mark.span.clone(),
                    format!(
                        "`{}` is written in {}, but codegen.toml says the docs are {dialect}",
                        page.name.value, mark.value
                    ),
                )
                .with_label(format!("{} syntax", mark.value))
                .with_note(format!(
                    "`dialect = \"{dialect}\"` is at {}; without it the dialect is detected",
                    place(file, span.start)
                )),
            );
        }
        return dialect;
    }
    let mut first: Option<(&ModelPage, &Spanned<Dialect>)> = None;
    for (page, mark) in marked {
        match first {
            None => first = Some((page, mark)),
            Some((first_page, first_mark)) if first_mark.value != mark.value => {
                diagnostics.push(
                    Diagnostic::error(
                        page.file,
                        mark.span.clone(),
                        format!(
                            "one folder mixes dialects: `{}` is written in {}, `{}` in {}",
                            page.name.value, mark.value, first_page.name.value, first_mark.value
                        ),
                    )
                    .with_label(format!("{} syntax", mark.value))
                    .with_note(format!(
                        "`{}` shows {} at {}",
                        first_page.name.value,
                        first_mark.value,
                        place(first_page.file, first_mark.span.start)
                    ))
                    .with_note("generate each template's docs from its own folder, or set `dialect` in codegen.toml"),
                );
                return first_mark.value;
            }
            Some(_) => {}
        }
    }
    first.map_or(Dialect::Python, |(_, mark)| mark.value)
}

/// Adds to each malformed-type error among `diagnostics` a note naming the folder dialect's type
/// syntax, which is known only once every page is read.
pub fn name_the_type_syntax(diagnostics: &mut [Diagnostic], dialect: Dialect) {
    for diagnostic in diagnostics {
        if diagnostic.message.starts_with(MALFORMED_TYPE) {
            diagnostic.notes.push(dialect.type_syntax().to_owned());
        }
    }
}

/// What a page means once the folder's dialect is known: each row's API name follows the
/// dialect's Name-column convention ([`Dialect::api_name`]), and is its JSON name when the
/// dialect's names are ([`Dialect::names_are_json`]); in `java` and `go`, the language's own type
/// names (`String`, `Long`, `OffsetDateTime`; `string`, `int64`, `NullableString`) are primitives
/// unless a page defines that name, and Go's `NullableX` of a model is `X`; a Java `BigDecimal`
/// says in the field's docs that it is read as a float; in `python-prior`, a page whose only row
/// is a required `value` (the template's `isAlias` / `isArray` form) is no object but an alias of
/// that row's type (`AnimalFarm` = `[Animal]`).
pub fn apply_folder_conventions(pages: &mut [ModelPage], dialect: Dialect) {
    let page_names: BTreeSet<String> = pages.iter().map(|page| page.name.value.clone()).collect();
    for page in pages {
        for row in page
            .properties
            .iter_mut()
            .chain(&mut page.additional_properties)
        {
            row.api_name = dialect.api_name(&row.name.value);
            if let Leaf::Named(name) = &row.type_expr.value.leaf
                && !page_names.contains(name)
            {
                // Go's `NullableX` (of a primitive or a model) may be `null`.
                let go_nullable = dialect == Dialect::Go && name.starts_with("Nullable");
                let leaf = match dialect {
                    Dialect::Java => java_primitive(name).map(Leaf::Primitive),
                    Dialect::Go => go_primitive(name).map(Leaf::Primitive).or_else(|| {
                        // `NullableX` of a model `X`: the model, which may be `null`.
                        let model = name.strip_prefix("Nullable")?;
                        page_names
                            .contains(model)
                            .then(|| Leaf::Named(model.to_owned()))
                    }),
                    Dialect::Ruby => ruby_primitive(name).map(Leaf::Primitive),
                    Dialect::Rust => rust_primitive(name).map(Leaf::Primitive),
                    Dialect::CSharp => csharp_primitive(name)
                        .map(Leaf::Primitive)
                        .or_else(|| csharp_qualified(name, &page_names)),
                    Dialect::Swift => swift_primitive(name).map(Leaf::Primitive),
                    Dialect::Php => php_primitive(name).map(Leaf::Primitive),
                    Dialect::Kotlin => kotlin_primitive(name).map(Leaf::Primitive),
                    // The TypeScript templates write `Date` for `date` and `date-time` alike
                    // (their type mapping): the string sent, and the field's docs say why.
                    Dialect::TypeScript | Dialect::TypeScriptFetch => {
                        (name == "Date").then_some(Leaf::Primitive(Primitive::Str))
                    }
                    _ => None,
                };
                if let Some(leaf) = leaf {
                    if let Some(note) = inexact_type_note(name, &leaf) {
                        if !row.description.is_empty() {
                            row.description.push_str("\n\n");
                        }
                        row.description.push_str(&note);
                    }
                    row.type_expr.value.leaf = leaf;
                    row.nullable |= go_nullable && row.type_expr.value.containers.is_empty();
                }
            }
            row.wire_name = dialect.names_are_json().then(|| row.api_name.clone());
        }
        // The Ruby, typescript-fetch, C#, Swift and PHP templates write an enum page as an empty
        // Properties table, like an empty object's: such a page stands for any JSON value, which
        // either reads as.
        if matches!(
            dialect,
            Dialect::Ruby
                | Dialect::TypeScriptFetch
                | Dialect::CSharp
                | Dialect::Swift
                | Dialect::Php
        ) && page.enum_values.is_none()
            && page.properties.is_empty()
            && page.additional_properties.is_none()
        {
            page.alias = Some(Spanned {
                value: TypeExpr {
                    containers: Vec::new(),
                    leaf: Leaf::Primitive(Primitive::Object),
                },
                span: page.name.span.clone(),
            });
        }
        if dialect == Dialect::PythonPrior
            && page.enum_values.is_none()
            && let [row] = page.properties.as_slice()
            && row.name.value == "value"
            && row.required
        {
            page.alias = Some(Spanned {
                value: row.type_expr.value.clone(),
                span: row.type_expr.span.clone(),
            });
            page.properties.clear();
            page.additional_properties = None;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{Dialect, java_api_name, python_api_name, rust_api_name, typescript_api_name};

    #[test]
    fn java_escapes_are_removed() {
        for (name, api) in [
            ("_object", "object"),
            ("_default", "default"),
            ("propertyClass", "class"),
            ("createdAt", "createdAt"),
            // Not escapes: the rest is no reserved name.
            ("_links", "_links"),
        ] {
            assert_eq!(java_api_name(name), api, "{name}");
        }
    }

    #[test]
    fn csharp_swift_and_php_escapes_are_removed() {
        for (name, api) in [
            ("varVersion", "Version"),
            ("var123Number", "123Number"),
            ("PropertyToString", "ToString"),
            ("PhotoUrls", "PhotoUrls"),
            // Not escapes: a PascalCase name, or no member after `Property`.
            ("Variant", "Variant"),
            ("PropertyName", "PropertyName"),
        ] {
            assert_eq!(Dialect::CSharp.api_name(name), api, "{name}");
        }
        for (name, api) in [
            ("_default", "default"),
            ("_self", "self"),
            ("_links", "_links"),
        ] {
            assert_eq!(Dialect::Swift.api_name(name), api, "{name}");
        }
        for (name, api) in [
            ("_123_number", "123_number"),
            ("_links", "_links"),
            ("class", "class"),
        ] {
            assert_eq!(Dialect::Php.api_name(name), api, "{name}");
        }
    }

    #[test]
    fn typescript_names_are_json_names_without_the_escapes() {
        for (name, api) in [
            ("created_at", "created_at"),
            ("client_dataJSON", "client_dataJSON"),
            ("_class", "class"),
            ("_delete", "delete"),
            ("_options", "options"),
            ("'@type'", "@type"),
            ("\"x-total-count\"", "x-total-count"),
            // Not escapes: the rest is no reserved name.
            ("_links", "_links"),
            ("_id", "_id"),
        ] {
            assert_eq!(typescript_api_name(name), api, "{name}");
        }
    }

    #[test]
    fn rust_escapes_are_removed() {
        for (name, api) in [
            ("_type", "type"),
            ("_async", "async"),
            ("type", "type"),
            ("schema_id", "schema_id"),
            // Not escapes: the rest is no keyword.
            ("_links", "_links"),
        ] {
            assert_eq!(rust_api_name(name), api, "{name}");
        }
    }

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
            assert_eq!(python_api_name(name), api, "{name}");
        }
    }
}

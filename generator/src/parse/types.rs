//! The dialect-neutral vocabulary of a type expression: containers around one leaf, a primitive
//! or a named type. Every dialect's type syntax is read into it (by `parse_type`), and
//! the dialects' tables (`DialectSpec`) speak it. Also the facts one docs folder can give another
//! (`Fact`, `Taken`: `other_folders.rs`).
//!
//! Every container has exactly one type argument, so an expression is a chain of containers
//! around one leaf, stored flat ([`TypeExpr::containers`] + [`TypeExpr::leaf`]) and printed in
//! the legacy syntax (`list[T]`, `dict(str, T)`).

use std::fmt;

/// A parsed type expression.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct TypeExpr {
    /// The containers, outermost first: `list[dict(str, int)]` is `[List, Map]` around `int`.
    pub containers: Vec<Container>,
    /// The innermost type.
    pub leaf: Leaf,
}

/// A container type of the docs' type language.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Container {
    /// `list[T]`.
    List,
    /// `dict(str, T)`: keys are always strings.
    Map,
}

/// The innermost type of an expression.
#[derive(
    Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Leaf {
    /// One of the docs' primitive types.
    Primitive(Primitive),
    /// Any other name: a model, resolved against the spec's pages later.
    Named(String),
}

/// The primitive types of the docs' type language.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(into = "&'static str", try_from = "&str")]
pub enum Primitive {
    /// `str`.
    Str,
    /// `int`.
    Int,
    /// `float`.
    Float,
    /// `bool`.
    Bool,
    /// `date`: a calendar date.
    Date,
    /// `datetime`: an instant, RFC 3339 on the wire.
    Datetime,
    /// `object`: any JSON value.
    Object,
    /// `LocalDateTime`: a date and time without a zone (`yyyy-MM-ddTHH:mm:ss.SSS`); the docs link
    /// it like a model but define no page for it.
    LocalDateTime,
    /// `YearMonth`: a month of a year (`yyyy-MM`); linked like a model, with no page.
    YearMonth,
    /// `number`: a JSON number the docs do not say is an integer or a float (TypeScript's
    /// `number`); kept exactly as sent.
    Number,
}

impl Primitive {
    /// Every primitive, in a fixed order.
    pub const ALL: [Primitive; 10] = [
        Primitive::Str,
        Primitive::Int,
        Primitive::Float,
        Primitive::Bool,
        Primitive::Date,
        Primitive::Datetime,
        Primitive::Object,
        Primitive::LocalDateTime,
        Primitive::YearMonth,
        Primitive::Number,
    ];

    /// The primitive's name in the docs.
    pub fn name(self) -> &'static str {
        match self {
            Primitive::Str => "str",
            Primitive::Int => "int",
            Primitive::Float => "float",
            Primitive::Bool => "bool",
            Primitive::Date => "date",
            Primitive::Datetime => "datetime",
            Primitive::Object => "object",
            Primitive::LocalDateTime => "LocalDateTime",
            Primitive::YearMonth => "YearMonth",
            Primitive::Number => "number",
        }
    }

    /// The primitive with this docs name.
    pub fn from_name(name: &str) -> Option<Primitive> {
        Primitive::ALL
            .into_iter()
            .find(|primitive| primitive.name() == name)
    }
}

impl From<Primitive> for &'static str {
    fn from(primitive: Primitive) -> Self {
        primitive.name()
    }
}

impl TryFrom<&str> for Primitive {
    type Error = String;

    fn try_from(name: &str) -> Result<Self, String> {
        Primitive::from_name(name).ok_or_else(|| format!("unknown primitive `{name}`"))
    }
}

impl fmt::Display for TypeExpr {
    /// Prints the expression in the docs' syntax; parsing the output gives the same expression.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for container in &self.containers {
            f.write_str(match container {
                Container::List => "list[",
                Container::Map => "dict(str, ",
            })?;
        }
        match &self.leaf {
            Leaf::Primitive(primitive) => f.write_str(primitive.name())?,
            Leaf::Named(name) => f.write_str(name)?,
        }
        for container in self.containers.iter().rev() {
            f.write_str(match container {
                Container::List => "]",
                Container::Map => ")",
            })?;
        }
        Ok(())
    }
}

/// What a field's docs say when its page's type says less than the type it is read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Inexact {
    /// A decimal of any precision, read as a float.
    Decimal,
    /// A name written for dates and date-times alike, read as the string sent.
    DateOrDateTime,
    /// A model's own enum whose values the page does not list, read as any JSON value.
    UnlistedEnum,
    /// A name of the template's language that stands for a model or container it says no more
    /// of (Swift's `Array`, a Rust model named `Map` that has no page), read as any JSON value.
    LanguageType,
    /// A file's contents (TypeScript's `File`, `Blob`), read as the string sent.
    FileContents,
    /// A name written for lists and maps alike (PHP's `array`), read as any JSON value.
    ListOrMap,
    /// A name written for several kinds of JSON values (R's `character` for strings and
    /// booleans, given here), read as any JSON value.
    SeveralKinds(&'static str),
    /// One of openapi-generator's own type names (`AnyType`), which stands for what it says
    /// (`a value of any type`), read as any JSON value.
    GeneratorName(&'static str),
    /// A name the template writes for its language's own type and for a model of that name
    /// alike, in a folder with that model's page (Java's `String` and `String.md`), read as
    /// any JSON value: either reads.
    TypeOrModel,
}

impl Inexact {
    /// The sentence the field's docs get for a type written `name`.
    pub fn note(self, name: &str) -> String {
        let why = match self {
            Inexact::Decimal => {
                "a decimal of any precision: it is read as a float, which keeps about 15 \
                 significant digits."
            }
            Inexact::DateOrDateTime => {
                "which the template writes for dates and date-times alike: it is read as the \
                 string sent."
            }
            Inexact::UnlistedEnum => {
                "an enum of that model whose values the page does not list: it is read as any \
                 JSON value."
            }
            Inexact::LanguageType => {
                "which the template writes for a model or container named like one of its \
                 language's types, without saying more of it: it is read as any JSON value."
            }
            Inexact::FileContents => {
                "a file's contents, which a JSON document carries as a string: it is read as \
                 the string sent."
            }
            Inexact::ListOrMap => {
                "which the template writes for lists and maps alike: it is read as any JSON \
                 value."
            }
            Inexact::TypeOrModel => {
                return format!(
                    "The docs give its type as `{name}`, which the template writes for its \
                     language's own type and for the model `{name}` alike: it is read as any \
                     JSON value."
                );
            }
            Inexact::SeveralKinds(kinds) => {
                return format!(
                    "The docs give its type as `{name}`, which the template writes for {kinds} \
                     alike: it is read as any JSON value."
                );
            }
            Inexact::GeneratorName(meaning) => {
                return format!(
                    "The docs give its type as `{name}`, openapi-generator's own name for \
                     {meaning}: it is read as any JSON value."
                );
            }
        };
        format!("The docs give its type as `{name}`, {why}")
    }
}

/// A fact another folder's page gave a property or a model.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Fact {
    /// The property's JSON name (a Name column that is the JSON name itself, as TypeScript's).
    JsonName,
    /// The values of the property's own enum (Java's `## Enum:` tables).
    EnumValues,
    /// Whether the property is required (for pages that do not say: typescript-fetch's).
    Required,
    /// That the property may be `null`.
    Nullable,
    /// That the model is a oneOf / anyOf (Rust's `## Enum Variants`), which the primary page
    /// prints as the union of its variants' properties.
    Composition,
    /// The variants of a oneOf / anyOf (and its discriminator, where the page names it), which
    /// the primary page does not list.
    Variants,
}

/// A fact taken from another folder, and the page it came from, as `[sources] also` names the
/// folder (`../typescript/Pet.md`).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Taken {
    /// What was taken.
    pub fact: Fact,
    /// The page it was taken from.
    pub from: String,
}

/// The variants of a oneOf / anyOf as a page lists them (Rust's `## Enum Variants` of types,
/// `php-nextgen`'s `## oneOf` list, Java's `## oneOf schemas`, Ruby's `openapi_one_of`, python
/// 6.x's `#### oneOf` table), in the page's order, and its discriminator where the page names it.
#[derive(Debug, Clone, PartialEq)]
pub struct OneOf {
    /// The variants' types.
    pub variants: Vec<TypeExpr>,
    /// The property whose value says which variant a document is, where the page names it.
    pub discriminator: Option<Discriminator>,
}

/// The property of a oneOf's documents that names their variant.
#[derive(Debug, Clone, PartialEq)]
pub struct Discriminator {
    /// The property's JSON name (`kind`).
    pub property: String,
    /// Each value of the property and the model it selects (`car` -> `Car`), as the page maps
    /// them; empty where the page gives no mapping.
    pub mapping: Vec<(String, String)>,
}

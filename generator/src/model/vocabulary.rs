//! The type model's own words for what every input dialect describes: the primitives, the
//! containers around them, HTTP methods, an operation's permissions, and the facts one docs folder
//! can give another. Each front end reads its language's spelling into these (a dialect's table
//! maps `str`, `String`, `string` to [`Primitive::String`]); nothing here knows any dialect.
//!
//! [`Primitive::name`] and [`Container::name`] are the neutral notation `model.json` records types
//! in (`list<map<integer>>`, `date-time`).

/// A container around one type. Every container has exactly one type argument.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Container {
    /// A JSON array of the type.
    List,
    /// A JSON object whose values are of the type: keys are always strings.
    Map,
}

impl Container {
    /// Every container, in a fixed order.
    pub const ALL: [Container; 2] = [Container::List, Container::Map];

    /// The container's name in the neutral notation (`list`, `map`).
    pub fn name(self) -> &'static str {
        match self {
            Container::List => "list",
            Container::Map => "map",
        }
    }
}

/// A type in the neutral notation: `containers` (outermost first) around `leaf`
/// (`list<map<integer>>`).
pub fn type_notation(containers: &[Container], leaf: &str) -> String {
    let mut text = String::new();
    for container in containers {
        text.push_str(container.name());
        text.push('<');
    }
    text.push_str(leaf);
    text.extend(containers.iter().map(|_| '>'));
    text
}

/// The primitive types every dialect's types are read into.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(into = "&'static str", try_from = "&str")]
pub enum Primitive {
    /// A JSON string.
    String,
    /// A JSON number that is an integer.
    Integer,
    /// A JSON number with a fraction.
    Float,
    /// `true` or `false`.
    Boolean,
    /// A calendar date, `yyyy-MM-dd` on the wire.
    Date,
    /// An instant, RFC 3339 on the wire.
    DateTime,
    /// Any JSON value.
    Any,
    /// A date and time without a zone (`yyyy-MM-ddTHH:mm:ss.SSS`); the Genesys docs link it like
    /// a model but define no page for it.
    LocalDateTime,
    /// A month of a year (`yyyy-MM`); linked like a model, with no page.
    YearMonth,
    /// A JSON number the docs do not say is an integer or a float (TypeScript's `number`); kept
    /// exactly as sent.
    Number,
}

impl Primitive {
    /// Every primitive, in a fixed order.
    pub const ALL: [Primitive; 10] = [
        Primitive::String,
        Primitive::Integer,
        Primitive::Float,
        Primitive::Boolean,
        Primitive::Date,
        Primitive::DateTime,
        Primitive::Any,
        Primitive::LocalDateTime,
        Primitive::YearMonth,
        Primitive::Number,
    ];

    /// The primitive's name in the neutral notation, and in `codegen.toml`'s `[types]`.
    pub fn name(self) -> &'static str {
        match self {
            Primitive::String => "string",
            Primitive::Integer => "integer",
            Primitive::Float => "float",
            Primitive::Boolean => "boolean",
            Primitive::Date => "date",
            Primitive::DateTime => "date-time",
            Primitive::Any => "any",
            Primitive::LocalDateTime => "local-date-time",
            Primitive::YearMonth => "year-month",
            Primitive::Number => "number",
        }
    }

    /// The primitive with this neutral name.
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

/// An HTTP method.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "UPPERCASE")]
pub enum HttpMethod {
    /// `GET`.
    Get,
    /// `HEAD`.
    Head,
    /// `POST`.
    Post,
    /// `PUT`.
    Put,
    /// `PATCH`.
    Patch,
    /// `DELETE`.
    Delete,
    /// `OPTIONS`.
    Options,
}

impl HttpMethod {
    /// Every method, in a fixed order.
    pub const ALL: [HttpMethod; 7] = [
        HttpMethod::Get,
        HttpMethod::Head,
        HttpMethod::Post,
        HttpMethod::Put,
        HttpMethod::Patch,
        HttpMethod::Delete,
        HttpMethod::Options,
    ];

    /// The method's name on the wire (`GET`).
    pub fn as_str(self) -> &'static str {
        match self {
            HttpMethod::Get => "GET",
            HttpMethod::Head => "HEAD",
            HttpMethod::Post => "POST",
            HttpMethod::Put => "PUT",
            HttpMethod::Patch => "PATCH",
            HttpMethod::Delete => "DELETE",
            HttpMethod::Options => "OPTIONS",
        }
    }

    /// The method of this name, in capitals as the wire writes it.
    pub fn from_name(name: &str) -> Option<HttpMethod> {
        HttpMethod::ALL
            .into_iter()
            .find(|method| method.as_str() == name)
    }
}

/// The permissions an operation requires.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Permissions {
    /// None.
    NotRequired,
    /// Each of these.
    All(Vec<String>),
    /// One of these.
    Any(Vec<String>),
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

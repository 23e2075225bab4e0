//! A type expression as a page writes it: the type model's containers around one leaf, a
//! primitive or a name not resolved yet. Every dialect's type syntax is read into it (by
//! `parse_type`); the model builder resolves its names. Also the oneOf listings and the notes
//! for types a page says less of than the type read.
//!
//! Every container has exactly one type argument, so an expression is a chain of containers
//! around one leaf, stored flat ([`TypeExpr::containers`] + [`TypeExpr::leaf`]). Diagnostics print
//! it in the shared grammar's own syntax (`list[T]`, `dict(str, T)`).

use std::fmt;

use crate::model::{Container, Primitive};

/// The word the shared type grammar reads as `primitive` in every dialect (the syntax of the first
/// docs read, Python's: `str`, `dict(str, int)`); a dialect's own table may give a word another
/// meaning (C's `int`).
pub fn grammar_word(primitive: Primitive) -> &'static str {
    match primitive {
        Primitive::String => "str",
        Primitive::Integer => "int",
        Primitive::Float => "float",
        Primitive::Boolean => "bool",
        Primitive::Date => "date",
        Primitive::DateTime => "datetime",
        Primitive::Any => "object",
        Primitive::LocalDateTime => "LocalDateTime",
        Primitive::YearMonth => "YearMonth",
        Primitive::Number => "number",
    }
}

/// The primitive the shared grammar reads `word` as ([`grammar_word`]).
pub fn grammar_primitive(word: &str) -> Option<Primitive> {
    Primitive::ALL
        .into_iter()
        .find(|&primitive| grammar_word(primitive) == word)
}

/// A parsed type expression.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct TypeExpr {
    /// The containers, outermost first: `list[dict(str, int)]` is `[List, Map]` around `int`.
    pub containers: Vec<Container>,
    /// The innermost type.
    pub leaf: Leaf,
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

impl fmt::Display for TypeExpr {
    /// Prints the expression in the shared grammar's syntax; parsing the output gives the same
    /// expression.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for container in &self.containers {
            f.write_str(match container {
                Container::List => "list[",
                Container::Map => "dict(str, ",
            })?;
        }
        match &self.leaf {
            Leaf::Primitive(primitive) => f.write_str(grammar_word(*primitive))?,
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

/// The variants of a oneOf / anyOf as a page lists them (Rust's `## Enum Variants` of types,
/// `php-nextgen`'s `## oneOf` list, Java's `## oneOf schemas`, Ruby's `openapi_one_of`, python
/// 6.x's `#### oneOf` table), in the page's order, and its discriminator where the page names it.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct OneOf {
    /// The variants' types.
    pub variants: Vec<TypeExpr>,
    /// The property whose value says which variant a document is, where the page names it.
    pub discriminator: Option<Discriminator>,
}

/// The property of a oneOf's documents that names their variant.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Discriminator {
    /// The property's JSON name (`kind`).
    pub property: String,
    /// Each value of the property and the model it selects (`car` -> `Car`), as the page maps
    /// them; empty where the page gives no mapping.
    pub mapping: Vec<(String, String)>,
}

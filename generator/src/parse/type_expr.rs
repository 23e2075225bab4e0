//! The type expressions of the docs' `Type` column: `str`, `list[T]`, `dict(str, T)`, model names.
//!
//! Every container has exactly one type argument, so an expression is a chain of containers
//! around one leaf. It is stored flat ([`TypeExpr::containers`] + [`TypeExpr::leaf`]) and parsed
//! without recursion: a type nested 10,000 deep costs no stack.

use std::fmt;
use std::ops::Range;

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
}

impl Primitive {
    /// Every primitive, in a fixed order.
    pub const ALL: [Primitive; 9] = [
        Primitive::Str,
        Primitive::Int,
        Primitive::Float,
        Primitive::Bool,
        Primitive::Date,
        Primitive::Datetime,
        Primitive::Object,
        Primitive::LocalDateTime,
        Primitive::YearMonth,
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

/// Why a type expression did not parse, and where (byte offsets into the parsed text).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TypeSyntaxError {
    /// What is wrong.
    pub message: String,
    /// Where, as byte offsets into the expression text.
    pub span: Range<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Token<'a> {
    Name(&'a str),
    Punct(char),
    End,
}

struct Lexer<'a> {
    text: &'a str,
    position: usize,
}

impl<'a> Lexer<'a> {
    /// The next token and its span, skipping white space.
    fn next(&mut self) -> (Token<'a>, Range<usize>) {
        let rest = &self.text[self.position..];
        let start = self.position + (rest.len() - rest.trim_start().len());
        let rest = &self.text[start..];
        let Some(first) = rest.chars().next() else {
            self.position = start;
            return (Token::End, start..start);
        };
        let length = if is_name_char(first) {
            rest.find(|c: char| !is_name_char(c)).unwrap_or(rest.len())
        } else {
            first.len_utf8()
        };
        self.position = start + length;
        let token = if is_name_char(first) {
            Token::Name(&rest[..length])
        } else {
            Token::Punct(first)
        };
        (token, start..start + length)
    }
}

fn is_name_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Parses a type expression such as `dict(str, list[Model])`.
pub fn parse_type_expr(text: &str) -> Result<TypeExpr, TypeSyntaxError> {
    parse_type_expr_with_leaf_span(text).map(|(expr, _)| expr)
}

/// Parses a type expression and also returns where its innermost type's name is (byte offsets
/// into `text`): the spot to mark when that name turns out to be unknown.
pub fn parse_type_expr_with_leaf_span(
    text: &str,
) -> Result<(TypeExpr, Range<usize>), TypeSyntaxError> {
    let mut lexer = Lexer { text, position: 0 };
    let mut containers = Vec::new();
    let (leaf, leaf_span) = loop {
        let (token, span) = lexer.next();
        let Token::Name(name) = token else {
            return Err(expected("a type", token, span));
        };
        let checkpoint = lexer.position;
        let opener = lexer.next().0;
        match (name, opener) {
            ("list", Token::Punct('[')) => containers.push(Container::List),
            ("dict", Token::Punct('(')) => {
                let (key, key_span) = lexer.next();
                if key != Token::Name("str") {
                    return Err(TypeSyntaxError {
                        message: format!("a dict's keys must be `str`, found {}", describe(key)),
                        span: key_span,
                    });
                }
                let (comma, comma_span) = lexer.next();
                if comma != Token::Punct(',') {
                    return Err(expected("`,` after the dict's key type", comma, comma_span));
                }
                containers.push(Container::Map);
            }
            _ => {
                lexer.position = checkpoint;
                let leaf = match Primitive::from_name(name) {
                    Some(primitive) => Leaf::Primitive(primitive),
                    None if name.starts_with(|c: char| c.is_ascii_digit()) => {
                        return Err(TypeSyntaxError {
                            message: format!("`{name}` is not a type name: it starts with a digit"),
                            span,
                        });
                    }
                    None => Leaf::Named(name.to_owned()),
                };
                break (leaf, span);
            }
        }
    };
    for container in containers.iter().rev() {
        let closer = match container {
            Container::List => ']',
            Container::Map => ')',
        };
        let (token, span) = lexer.next();
        if token != Token::Punct(closer) {
            return Err(expected(&format!("`{closer}`"), token, span));
        }
    }
    let (token, span) = lexer.next();
    if token != Token::End {
        return Err(expected("the end of the type", token, span));
    }
    Ok((TypeExpr { containers, leaf }, leaf_span))
}

fn expected(what: &str, found: Token<'_>, span: Range<usize>) -> TypeSyntaxError {
    TypeSyntaxError {
        message: format!("expected {what}, found {}", describe(found)),
        span,
    }
}

fn describe(token: Token<'_>) -> String {
    match token {
        Token::Name(name) => format!("`{name}`"),
        Token::Punct(c) => format!("`{c}`"),
        Token::End => "the end of the type".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn round_trip(text: &str) {
        let parsed = parse_type_expr(text).unwrap();
        assert_eq!(parsed.to_string(), text);
    }

    #[test]
    fn parses_every_construct() {
        for text in [
            "str",
            "int",
            "float",
            "bool",
            "date",
            "datetime",
            "object",
            "LocalDateTime",
            "YearMonth",
            "Model",
            "list[str]",
            "dict(str, int)",
            "list[list[str]]",
            "dict(str, list[Model])",
            "list[dict(str, Model)]",
        ] {
            round_trip(text);
        }
    }

    #[test]
    fn names_that_look_like_containers_are_models() {
        let parsed = parse_type_expr("list").unwrap();
        assert_eq!(parsed.leaf, Leaf::Named("list".to_owned()));
    }

    #[test]
    fn reports_malformed_expressions_with_their_spans() {
        let cases = [
            ("list[str", "expected `]`, found the end of the type", 8..8),
            ("list[]", "expected a type, found `]`", 5..6),
            (
                "dict(int, str)",
                "a dict's keys must be `str`, found `int`",
                5..8,
            ),
            (
                "dict(str str)",
                "expected `,` after the dict's key type, found `str`",
                9..12,
            ),
            ("str]", "expected the end of the type, found `]`", 3..4),
            ("", "expected a type, found the end of the type", 0..0),
            (
                "8kHz",
                "`8kHz` is not a type name: it starts with a digit",
                0..4,
            ),
        ];
        for (text, message, span) in cases {
            let error = parse_type_expr(text).unwrap_err();
            assert_eq!(
                (error.message.as_str(), error.span),
                (message, span),
                "{text}"
            );
        }
    }

    #[test]
    fn finds_the_leaf_name() {
        let text = "dict(str, list[ Model ])";
        let (_, span) = parse_type_expr_with_leaf_span(text).unwrap();
        assert_eq!(&text[span], "Model");
    }

    #[test]
    fn deep_nesting_needs_no_stack() {
        let depth = 100_000;
        let text = format!("{}str{}", "list[".repeat(depth), "]".repeat(depth));
        let parsed = parse_type_expr(&text).unwrap();
        assert_eq!(parsed.containers.len(), depth);
        assert_eq!(parsed.to_string(), text);
    }
}

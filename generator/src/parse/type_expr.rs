//! The type expressions of the docs' `Type` column, in the syntax of every template family read
//! (see [`parse_type`]): `str`, `list[T]`, `List[T]`, `[T]`, `dict(str, T)`, `Dict[str, T]`,
//! `List<T>`, `Map<String, T>`, `[]T`, `Array<T>`, `Vec<T>`, `[String: T]`, `T[]`,
//! `array<string,T>`, model names.
//!
//! Every container has exactly one type argument, so an expression is a chain of containers
//! around one leaf: dialect-neutral, printed in the legacy syntax (`list[T]`, `dict(str, T)`).
//! It is stored flat ([`TypeExpr::containers`] + [`TypeExpr::leaf`]) and parsed without
//! recursion: a type nested 10,000 deep costs no stack.

use std::ops::Range;

use super::dialect::{Holds, Mark, Qualified, Word};
use super::dialects;
use super::dialects::{Dialects, openapi_generator};
use super::types::{Leaf, TypeExpr, grammar_primitive};
use crate::model::{Container, Primitive};
use crate::naming;

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
        let length = if is_name_start(first) {
            rest.find(|c: char| !is_name_char(c)).unwrap_or(rest.len())
        } else {
            first.len_utf8()
        };
        self.position = start + length;
        let token = if is_name_start(first) {
            Token::Name(&rest[..length])
        } else {
            Token::Punct(first)
        };
        (token, start..start + length)
    }
}

/// Whether `c` can start a name: a letter, a digit, `_`, or the `\` of a PHP class name
/// (`\DateTime`).
fn is_name_start(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || c == '\\'
}

/// Whether `c` can continue a name: qualified names are one name (Kotlin's `kotlin.String`,
/// C#'s `System.IO.Stream`, PHP's `\Vendor\Model\Pet`).
fn is_name_char(c: char) -> bool {
    is_name_start(c) || c == '.'
}

/// Parses a type expression such as `dict(str, list[Model])` or `List[Model]`.
pub fn parse_type_expr(text: &str) -> Result<TypeExpr, TypeSyntaxError> {
    parse_type(text).map(|parsed| parsed.expr)
}

/// Parses a type expression and also returns where its innermost type's name is (byte offsets
/// into `text`): the spot to mark when that name turns out to be unknown.
pub fn parse_type_expr_with_leaf_span(
    text: &str,
) -> Result<(TypeExpr, Range<usize>), TypeSyntaxError> {
    parse_type(text).map(|parsed| (parsed.expr, parsed.leaf_span))
}

/// A parsed type expression, where its innermost type's name is, and the dialects its syntax
/// shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedType {
    /// The expression.
    pub expr: TypeExpr,
    /// Byte span of the innermost type's name (`Model` in `list[Model]`).
    pub leaf_span: Range<usize>,
    /// The dialects whose syntax it is: those its marks show, narrowed by each (a mark that
    /// none of the earlier ones' dialects writes is ignored); `None` when it shows none (`str`).
    pub dialects: Option<Dialects>,
    /// What the expression says of `null` (of the whole value, not of a container's items).
    pub null: NullMark,
}

/// What a type expression says of `null`, weakest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub enum NullMark {
    /// Nothing: the value is never `null`.
    #[default]
    None,
    /// A mark the template writes for a field that may be absent or `null` (Rust's `Option<X>`,
    /// C#'s `X?`): the Notes say which; a required field with it may be `null`.
    AbsentOrNull,
    /// A union with `null` (`X | null`, `Optional[X]`, `X, none_type`): the value may be `null`.
    Null,
}

/// Parses the type language of the Python family of templates, in all its eras:
/// - legacy (`python`, swagger-codegen): `list[X]`, `dict(str, X)`;
/// - `python-prior` (2021): `[X]`, `{str: (X,)}`, unions written `A, B` or `(A, B,)`, `none_type`;
/// - pydantic (`python` since 7.0, `python-pydantic-v1`): `List[X]`, `Dict[str, X]`,
///   `Optional[X]`, `Union[A, B]`, `Any`, `StrictStr`-style aliases, `bytearray`;
/// - and Java's (openapi-generator's `java`): `List<X>`, `Set<X>`, `Map<String, X>`, `byte[]`
///   (its type names, `String`, `Long`, `OffsetDateTime`, stay names here: they are primitives
///   only in a Java folder, see `apply_folder_conventions`);
/// - and those of the other languages' templates: Go's and Rust's, each read by its own function
///   (`go_type`, `rust_type`) first, TypeScript's, Ruby's, C#'s (`Dictionary<string, X>`, `X?`),
///   Swift's (`[X]`, `[String: X]`), PHP's (`X[]`, `array<string,X>`, `\Vendor\Model\X`) and
///   Kotlin's (`kotlin.collections.List<X>`); their type names, qualified or not, are read by the
///   folder's dialect too.
///
/// Into the dialect-neutral expression: `null` (`none_type`, `None`) is dropped from a union
/// and said in [`ParsedType::null`] instead, with Rust's `Option<X>` and C#'s `X?`; a union of one type is that type, of `int` and `float` is
/// `float`, and of anything else is `object` (any JSON value). Bytes are base64 strings on the
/// wire, so `bytearray` is `str`. Nesting is read with an explicit stack, not recursion.
pub fn parse_type(text: &str) -> Result<ParsedType, TypeSyntaxError> {
    if let Some(parsed) = go_type(text) {
        return parsed;
    }
    if let Some(parsed) = rust_type(text) {
        return parsed;
    }
    if let Some(parsed) = one_name(text) {
        return parsed;
    }
    let mut lexer = Lexer { text, position: 0 };
    let mut dialects = None;
    let mut frames = vec![Frame {
        kind: FrameKind::Top,
        members: Vec::new(),
    }];
    loop {
        // Expect a type: open containers until a name.
        let (token, span) = lexer.next();
        let step = match token {
            Token::Name(name) => name_step(name, span, &mut lexer)?,
            Token::Punct('[') => open_bracket(&mut lexer),
            Token::Punct('{') => {
                let shown = open_brace_map(&mut lexer)?;
                (Step::Open(FrameKind::Map('}')), shown)
            }
            Token::Punct('(') => (
                Step::Open(FrameKind::Union(')')),
                dialects::shown_by(Mark::ParenthesizedUnion),
            ),
            _ => return Err(expected("a type", token, span)),
        };
        // Inside `List<...>` a word of a dialect that never writes `<` is another language's
        // name and shows nothing of that dialect (a Python word in Java's `List<Any>`).
        let in_angle_brackets = frames
            .iter()
            .any(|frame| matches!(frame.kind, FrameKind::List('>') | FrameKind::Map('>')));
        let shown = match step.1 {
            Some(shown) if in_angle_brackets => {
                Some(shown.filter(|dialect| dialect.spec().writes_angle_brackets))
                    .filter(|shown| !shown.is_empty())
            }
            shown => shown,
        };
        dialects = Dialects::narrow(dialects, shown);
        let mut done = match step.0 {
            Step::Open(kind) => {
                frames.push(Frame {
                    kind,
                    members: Vec::new(),
                });
                continue;
            }
            Step::Leaf(partial) => partial,
        };
        // After a type: close frames, or go on with the next member of a union.
        loop {
            postfix(&mut lexer, &mut done, &mut dialects);
            let frame = frames.last_mut().expect("the top frame is never popped");
            frame.members.push(done);
            let (mut token, mut span) = lexer.next();
            let closer = frame.kind.closer();
            // TypeScript's index signature ends its value type with `;`: `{ [key: string]: X; }`.
            if token == Token::Punct(';') && closer == Some('}') {
                (token, span) = lexer.next();
            }
            // `|` joins the members of a union: the whole type's, or a container's argument
            // (TypeScript's `Array<string | null>`).
            if token == Token::Punct('|') {
                dialects = Dialects::narrow(dialects, dialects::shown_by(Mark::BarUnion));
                break;
            }
            if token == Token::Punct(',') && frame.kind.is_union() {
                if frame.kind == FrameKind::Top {
                    dialects = Dialects::narrow(dialects, dialects::shown_by(Mark::CommaUnion));
                }
                // A trailing comma (`(str,)`) closes the union right away.
                let checkpoint = lexer.position;
                if closer.is_some() && lexer.next().0 == Token::Punct(closer.unwrap_or(' ')) {
                    done = close(frames.pop().expect("checked above"));
                    continue;
                }
                lexer.position = checkpoint;
                break;
            }
            match closer {
                Some(closer) if token == Token::Punct(closer) => {
                    done = close(frames.pop().expect("checked above"));
                }
                Some(closer) => {
                    let what = if frame.kind.is_union() {
                        format!("`,` or `{closer}`")
                    } else {
                        format!("`{closer}`")
                    };
                    return Err(expected(&what, token, span));
                }
                None if token == Token::End => {
                    let top = frames.pop().expect("the top frame");
                    let result = close(top);
                    let containers = result.containers_inner_first.into_iter().rev().collect();
                    return Ok(ParsedType {
                        expr: TypeExpr {
                            containers,
                            leaf: result.leaf,
                        },
                        leaf_span: result.leaf_span,
                        dialects,
                        null: result.admits_null,
                    });
                }
                None => return Err(expected("the end of the type", token, span)),
            }
        }
    }
}

/// A type that is one name (`str`, a model), as most are: no containers, no stack. `None` when
/// `text` is more than a name.
fn one_name(text: &str) -> Option<Result<ParsedType, TypeSyntaxError>> {
    let name = text.trim();
    if !(name.starts_with(is_name_start) && name.chars().all(is_name_char)) {
        return None;
    }
    let start = text.len() - text.trim_start().len();
    Some(
        leaf(name, start..start + name.len()).map(|(partial, dialects)| ParsedType {
            expr: TypeExpr {
                containers: partial.containers_inner_first,
                leaf: partial.leaf,
            },
            leaf_span: partial.leaf_span,
            dialects,
            null: partial.admits_null,
        }),
    )
}

/// What a `[` starts where a type is expected: a map `[String: X]` (also `[String:X]`,
/// [`Mark::BracketMap`]), or a list `[X]`, which shows the dialects that write a list of that
/// item ([`Mark::BracketListOf`]: `[str]`), or else those that write `[X]`
/// ([`Mark::BracketList`]).
fn open_bracket(lexer: &mut Lexer<'_>) -> (Step, Option<Dialects>) {
    let checkpoint = lexer.position;
    let first = lexer.next().0;
    if first == Token::Name("String") && lexer.next().0 == Token::Punct(':') {
        let shown = dialects::shown_by(Mark::BracketMap);
        return (Step::Open(FrameKind::Map(']')), shown);
    }
    lexer.position = checkpoint;
    let item = match first {
        Token::Name(name) => Some(name),
        _ => None,
    };
    let shown = dialects::shown_by_bracket_list(item);
    (Step::Open(FrameKind::UnionList(']')), shown)
}

/// The marks a language writes after a type: `?` (C#'s absent or `null`,
/// [`NullMark::AbsentOrNull`], [`Mark::NullablePostfix`]), `[]` (PHP's list of the type:
/// `string[]`, `\Vendor\Model\Tag[]`, [`Mark::ListPostfix`]) and `*` (C's and Objective-C's
/// pointer, which says nothing of the value: [`Mark::PointerPostfix`]).
fn postfix(lexer: &mut Lexer<'_>, done: &mut Partial, dialects: &mut Option<Dialects>) {
    loop {
        let checkpoint = lexer.position;
        match lexer.next().0 {
            Token::Punct('?') => {
                *dialects = Dialects::narrow(*dialects, dialects::shown_by(Mark::NullablePostfix));
                done.admits_null = done.admits_null.max(NullMark::AbsentOrNull);
            }
            Token::Punct('[') if lexer.next().0 == Token::Punct(']') => {
                done.containers_inner_first.push(Container::List);
                done.null = false;
                done.admits_null = NullMark::None;
                *dialects = Dialects::narrow(*dialects, dialects::shown_by(Mark::ListPostfix));
            }
            Token::Punct('*') => {
                *dialects = Dialects::narrow(*dialects, dialects::shown_by(Mark::PointerPostfix));
            }
            _ => {
                lexer.position = checkpoint;
                return;
            }
        }
    }
}

/// Go's type syntax (openapi-generator's `go`), when `text` shows it: `Pointer to **X**` (an
/// optional field; the Notes say so too), the prefix containers `[]X` and `map[string]X`, and
/// the leaves `time.Time`, `interface{}` and `*os.File`. Go's plain names (`string`, `int64`,
/// `NullableString`) stay names here: they are primitives only in a Go folder (see
/// `apply_folder_conventions`). `None` when the text shows no Go syntax.
fn go_type(text: &str) -> Option<Result<ParsedType, TypeSyntaxError>> {
    let mut rest = text.trim_start();
    let mut go = false;
    // An optional parameter of the 3.x and 4.x API pages (`optional.Interface of []string`:
    // antihax/optional's wrapper of a type it has no own wrapper for) is that type; Markdown
    // reads the `*` of `**optional.Interface of []*os.File**` as emphasis, which leaves
    // `*optional.Interface of []os.File`.
    if let Some(after) = (rest.strip_prefix("Pointer to ")).or_else(|| {
        rest.trim_start_matches('*')
            .strip_prefix("optional.Interface of ")
    }) {
        rest = after.trim_start();
        go = true;
    }
    let mut containers = Vec::new();
    loop {
        if let Some(after) = rest.strip_prefix("[]") {
            containers.push(Container::List);
            rest = after;
        } else if let Some(after) = rest.strip_prefix("*[]") {
            // A list of files, as the templates of 2018-2020 wrote it: `*[]os.File`.
            containers.push(Container::List);
            rest = after;
        } else if let Some(after) = rest.strip_prefix("map[string]") {
            containers.push(Container::Map);
            rest = after;
        } else {
            break;
        }
        go = true;
    }
    let name = rest.trim_end();
    let start = text.len() - rest.len();
    let span = start..start + name.len();
    let primitive = match name {
        "time.Time" => Some(Primitive::DateTime),
        "interface{}" => Some(Primitive::Any),
        "*os.File" | "os.File" => Some(Primitive::String),
        _ => None,
    };
    if !go && primitive.is_none() {
        return None;
    }
    let leaf = match primitive {
        Some(primitive) => Leaf::Primitive(primitive),
        None if !name.is_empty()
            && name.chars().all(is_name_char)
            && !name.starts_with(|c: char| c.is_ascii_digit()) =>
        {
            Leaf::Named(name.to_owned())
        }
        None => {
            return Some(Err(TypeSyntaxError {
                message: format!("expected a Go type name, found `{name}`"),
                span,
            }));
        }
    };
    Some(Ok(ParsedType {
        expr: TypeExpr { containers, leaf },
        leaf_span: span,
        dialects: dialects::shown_by(Mark::GoSyntax),
        null: NullMark::None,
    }))
}

/// The prefixes of the Rust template's containers, and what each is: `Option<X>` (a field that
/// may be absent or `null`: the Notes say which, [`NullMark::AbsentOrNull`]) adds none. A set
/// (`uniqueItems`) is written qualified or, since 7.x, as the imported `HashSet<X>`.
const RUST_CONTAINERS: [(&str, Option<Container>); 5] = [
    ("Option<", None),
    ("Vec<", Some(Container::List)),
    ("std::collections::HashSet<", Some(Container::List)),
    ("HashSet<", Some(Container::List)),
    ("std::collections::HashMap<", Some(Container::Map)),
];

/// The Rust template's date-time: `chrono::DateTime<chrono::FixedOffset>` (7.x), one name
/// although it holds a `<`.
const RUST_DATE_TIME: &str = "chrono::DateTime<chrono::FixedOffset>";

/// `text` without the `::` the template of 2018-2022 wrote before an absolute path
/// (`::std::collections::HashMap<`, `::models::Pet`).
fn without_leading_path_separator(text: &str) -> &str {
    text.strip_prefix("::").unwrap_or(text)
}

/// Rust's type syntax (openapi-generator's `rust`), when `text` shows it: the containers
/// `Option<X>`, `Vec<X>`, `std::collections::HashSet<X>` and
/// `std::collections::HashMap<String, X>`, models as `models::X`, and the leaves
/// `serde_json::Value` (any JSON value), `uuid::Uuid` and `std::path::PathBuf` (strings),
/// `i32`-style integers and `f32` / `f64`. `String` and a bare model name stay names here, read
/// by the folder's dialect (see `apply_folder_conventions`); `bool` is every dialect's.
/// `None` when the text shows no Rust syntax. Containers are prefixes closed by as many `>`, read
/// in a loop: nesting costs no stack.
fn rust_type(text: &str) -> Option<Result<ParsedType, TypeSyntaxError>> {
    let mut rest = text.trim_start();
    let mut rust = false;
    let mut open = 0usize;
    let mut containers = Vec::new();
    let null = if rest.starts_with("Option<") {
        NullMark::AbsentOrNull
    } else {
        NullMark::None
    };
    'prefixes: loop {
        for (prefix, container) in RUST_CONTAINERS {
            let Some(after) = without_leading_path_separator(rest).strip_prefix(prefix) else {
                continue;
            };
            rust = true;
            open += 1;
            rest = after.trim_start();
            containers.extend(container);
            if container == Some(Container::Map) {
                let key_start = text.len() - rest.len();
                let key_end = rest.find([',', '>']).unwrap_or(rest.len());
                let key = rest[..key_end].trim_end();
                if key != "String" {
                    return Some(Err(TypeSyntaxError {
                        message: format!("a map's keys must be `String`, found `{key}`"),
                        span: key_start..key_start + key.len(),
                    }));
                }
                if !rest[key_end..].starts_with(',') {
                    let at = key_start + key_end;
                    return Some(Err(TypeSyntaxError {
                        message: "expected `,` after the map's key type".to_owned(),
                        span: at..(at + 1).min(text.len()),
                    }));
                }
                rest = rest[key_end + 1..].trim_start();
            }
            continue 'prefixes;
        }
        break;
    }
    // The templates of 2018-2020 wrote `***crate::models::X**` or `***String**` for an optional
    // value (swagger-codegen's `Option<*X>`, its `*` left over): a stray `*`.
    if let Some(after) = rest.strip_prefix('*')
        && after.starts_with(|c: char| is_name_start(c) || c == ':')
    {
        rest = after;
        rust = true;
    }
    if let Some(after) = rest.strip_prefix("::") {
        rest = after;
        rust = true;
    }
    let name_length = if rest.starts_with(RUST_DATE_TIME) {
        RUST_DATE_TIME.len()
    } else {
        rest.find(['>', ' ', ',']).unwrap_or(rest.len())
    };
    let name = &rest[..name_length];
    let start = text.len() - rest.len();
    let (last, path) = match name.rsplit_once("::") {
        Some((path, last)) => (last, Some(path)),
        None => (name, None),
    };
    let last_start = start + name.len() - last.len();
    let primitive = match (path, last) {
        (Some("serde_json"), "Value") => Some(Primitive::Any),
        (Some("uuid"), "Uuid") | (Some("std::path"), "PathBuf") => Some(Primitive::String),
        (Some("chrono"), "NaiveDate") => Some(Primitive::Date),
        _ if name == RUST_DATE_TIME => Some(Primitive::DateTime),
        (
            None,
            "i8" | "i16" | "i32" | "i64" | "i128" | "isize" | "u8" | "u16" | "u32" | "u64" | "u128"
            | "usize",
        ) => Some(Primitive::Integer),
        (None, "f32" | "f64") => Some(Primitive::Float),
        _ => None,
    };
    let is_model_path = matches!(path, Some("models" | "crate::models"));
    if !rust && primitive.is_none() && !is_model_path {
        return None;
    }
    let leaf = match primitive {
        Some(primitive) => Leaf::Primitive(primitive),
        None if (path.is_none() || is_model_path)
            && !last.is_empty()
            && last.chars().all(is_name_char)
            && !last.starts_with(|c: char| c.is_ascii_digit()) =>
        {
            match last {
                "bool" => Leaf::Primitive(Primitive::Boolean),
                _ => Leaf::Named(last.to_owned()),
            }
        }
        None => {
            return Some(Err(TypeSyntaxError {
                message: format!("expected a Rust type name, found `{name}`"),
                span: start..start + name.len(),
            }));
        }
    };
    let leaf_span = if primitive.is_some() {
        start..start + name.len()
    } else {
        last_start..start + name.len()
    };
    if let Err(error) = close_rust_containers(text, &rest[name_length..], open) {
        return Some(Err(error));
    }
    Some(Ok(ParsedType {
        expr: TypeExpr { containers, leaf },
        leaf_span,
        dialects: dialects::shown_by(Mark::RustSyntax),
        null,
    }))
}

/// The end of a Rust type after its innermost name (`after_name`, a suffix of `text`): exactly
/// one `>` for each of the `open` containers, then nothing.
fn close_rust_containers(text: &str, after_name: &str, open: usize) -> Result<(), TypeSyntaxError> {
    let mut after = after_name;
    for _ in 0..open {
        after = after.trim_start();
        let at = text.len() - after.len();
        match after.strip_prefix('>') {
            Some(rest) => after = rest,
            None => {
                let found = after
                    .chars()
                    .next()
                    .map_or_else(|| "the end of the type".to_owned(), |c| format!("`{c}`"));
                return Err(TypeSyntaxError {
                    message: format!("expected `>`, found {found}"),
                    span: at..at + after.chars().next().map_or(0, char::len_utf8),
                });
            }
        }
    }
    let trailing = after.trim_start();
    if !trailing.is_empty() {
        let at = text.len() - trailing.len();
        return Err(TypeSyntaxError {
            message: format!(
                "expected the end of the type, found `{}`",
                trailing.trim_end()
            ),
            span: at..at + trailing.trim_end().len(),
        });
    }
    Ok(())
}

/// What a name starts: a container or union, or a leaf.
enum Step {
    Open(FrameKind),
    Leaf(Partial),
}

/// The step a name starts, and the dialects it shows: a container when the name and the bracket
/// after it are one a dialect declares (`List` followed by `[` opens a list,
/// [`super::dialect::DialectSpec::containers`]; or the name and the next, R's `named list(`),
/// `byte[]` (Java's and C#'s bytes: base64 strings on the wire), or a leaf.
fn name_step(
    name: &str,
    span: Range<usize>,
    lexer: &mut Lexer<'_>,
) -> Result<(Step, Option<Dialects>), TypeSyntaxError> {
    let two_words = two_word_container(name, lexer);
    let name = two_words.as_deref().unwrap_or(name);
    let checkpoint = lexer.position;
    let (opener, _) = lexer.next();
    let after_opener = lexer.position;
    // `X[]` is the list postfix, even after a name that opens a container (PowerShell's
    // `List[]`, a list of the model `List`); a bare container's `list[]` stays malformed.
    let empty_brackets = opener == Token::Punct('[')
        && !matches!(name, "list" | "dict")
        && lexer.next().0 == Token::Punct(']');
    lexer.position = after_opener;
    if let Token::Punct(bracket) = opener
        && !empty_brackets
        && let Some((opener, shown)) = dialects::opener(name, bracket)
    {
        let closer = match bracket {
            '[' => ']',
            '(' => ')',
            '<' => '>',
            other => other,
        };
        let kind = match opener.holds {
            Holds::List => FrameKind::List(closer),
            Holds::Map(string_type) => {
                expect_key(lexer, string_type, ',')?;
                FrameKind::Map(closer)
            }
            Holds::Union => FrameKind::Union(closer),
            Holds::Optional => FrameKind::Optional(closer),
            Holds::Values(key) => {
                // The key type, when written, then the values.
                let checkpoint = lexer.position;
                if key.is_none_or(|key| expect_key(lexer, key, ',').is_err()) {
                    lexer.position = checkpoint;
                }
                FrameKind::Map(closer)
            }
        };
        return Ok((Step::Open(kind), Some(shown)));
    }
    // openapi-generator 4.x's name of an inline oneOf / anyOf, with its variants in angle
    // brackets (`OneOf<string,integer>`): one name, which `dialects::openapi_generator` reads.
    if opener == Token::Punct('<') && openapi_generator::is_composition_prefix(name) {
        let mut depth = 1;
        let end = loop {
            match lexer.next() {
                (Token::Punct('<'), _) => depth += 1,
                (Token::Punct('>'), closer) if depth == 1 => break closer.end,
                (Token::Punct('>'), _) => depth -= 1,
                (Token::End, at) => return Err(expected("`>`", Token::End, at)),
                _ => {}
            }
        };
        let (partial, _) = leaf(&lexer.text[span.start..end], span.start..end)?;
        return Ok((Step::Leaf(partial), None));
    }
    if name == "byte" && opener == Token::Punct('[') {
        let (closer, closer_span) = lexer.next();
        if closer != Token::Punct(']') {
            return Err(expected("`]` after `byte[`", closer, closer_span));
        }
        let leaf_span = span.start..closer_span.end;
        let (partial, _) = leaf("str", leaf_span)?;
        return Ok((Step::Leaf(partial), None));
    }
    lexer.position = checkpoint;
    let (partial, shown) = leaf(name, span)?;
    Ok((Step::Leaf(partial), shown))
}

/// The name of a container a dialect declares as two words (R's `named list(`), when `first`
/// and the next name are one before its bracket: the lexer is then after the second word.
fn two_word_container(first: &str, lexer: &mut Lexer<'_>) -> Option<String> {
    let checkpoint = lexer.position;
    if let (Token::Name(second), _) = lexer.next() {
        let after_second = lexer.position;
        let name = format!("{first} {second}");
        if let (Token::Punct(bracket), _) = lexer.next()
            && dialects::opener(&name, bracket).is_some()
        {
            lexer.position = after_second;
            return Some(name);
        }
    }
    lexer.position = checkpoint;
    None
}

/// A container or union being read.
struct Frame {
    kind: FrameKind,
    members: Vec<Partial>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FrameKind {
    /// The whole expression: a type, or (`python-prior`) a union `A, B`.
    Top,
    /// A list, closed by the given character.
    List(char),
    /// A map with `str` keys, closed by the given character.
    Map(char),
    /// A union (`Union[...]`, `(A, B,)`), closed by the given character.
    Union(char),
    /// A union with `null` (pydantic's `Optional[X]`), closed by the given character.
    Optional(char),
    /// A list whose items are one of its members (`[X]`, and `python-prior`'s
    /// `[str, none_type]`), closed by the given character.
    UnionList(char),
}

impl FrameKind {
    fn closer(self) -> Option<char> {
        match self {
            FrameKind::Top => None,
            FrameKind::List(closer)
            | FrameKind::Map(closer)
            | FrameKind::Union(closer)
            | FrameKind::Optional(closer)
            | FrameKind::UnionList(closer) => Some(closer),
        }
    }

    fn is_union(self) -> bool {
        matches!(
            self,
            FrameKind::Top | FrameKind::Union(_) | FrameKind::Optional(_) | FrameKind::UnionList(_)
        )
    }
}

/// A type read so far; its containers innermost first, so that wrapping one is a push.
#[derive(Debug, Clone)]
struct Partial {
    containers_inner_first: Vec<Container>,
    leaf: Leaf,
    leaf_span: Range<usize>,
    /// `none_type` / `None`: dropped from unions.
    null: bool,
    /// What the type says of `null`: a union with `null` may be `null`; a container's items
    /// say nothing of the container.
    admits_null: NullMark,
}

/// The type a finished frame stands for.
fn close(frame: Frame) -> Partial {
    let members = frame.members;
    match frame.kind {
        // A list of bytes (Eiffel's `ARRAY [NATURAL_8]`) is bytes: a base64 string on the wire.
        FrameKind::List(_) if is_byte(&members) => {
            let span = members[0].leaf_span.clone();
            Partial {
                containers_inner_first: Vec::new(),
                leaf: Leaf::Primitive(Primitive::String),
                leaf_span: span,
                null: false,
                admits_null: NullMark::None,
            }
        }
        FrameKind::List(_) | FrameKind::Map(_) => {
            let mut inner = union(members);
            inner.containers_inner_first.push(match frame.kind {
                FrameKind::List(_) => Container::List,
                _ => Container::Map,
            });
            inner.null = false;
            inner.admits_null = NullMark::None;
            inner
        }
        FrameKind::Top | FrameKind::Union(_) => union(members),
        FrameKind::Optional(_) => {
            let mut optional = union(members);
            optional.admits_null = NullMark::Null;
            optional
        }
        FrameKind::UnionList(_) => {
            let mut items = union(members);
            items.containers_inner_first.push(Container::List);
            items.null = false;
            items.admits_null = NullMark::None;
            items
        }
    }
}

/// Whether a list's members are one byte ([`Word::Byte`]).
fn is_byte(members: &[Partial]) -> bool {
    matches!(members, [member] if member.containers_inner_first.is_empty()
        && matches!(&member.leaf, Leaf::Named(name)
            if matches!(dialects::word(name), Some((Word::Byte, _)))))
}

/// One type for the members of a union (see [`parse_type`]).
fn union(members: Vec<Partial>) -> Partial {
    let span = members
        .first()
        .map_or(0..0, |member| member.leaf_span.clone());
    let admits_null = members
        .iter()
        .map(|member| member.admits_null)
        .max()
        .unwrap_or_default();
    let mut present: Vec<Partial> = Vec::new();
    for member in members {
        let known = present.iter().any(|seen| {
            seen.containers_inner_first == member.containers_inner_first && seen.leaf == member.leaf
        });
        if !member.null && !known {
            present.push(member);
        }
    }
    let numbers = |member: &Partial| {
        member.containers_inner_first.is_empty()
            && matches!(
                member.leaf,
                Leaf::Primitive(Primitive::Integer | Primitive::Float)
            )
    };
    let mut union = match present.len() {
        0 => object(span, true),
        1 => present.pop().expect("one member"),
        _ if present.iter().all(numbers) => Partial {
            containers_inner_first: Vec::new(),
            leaf: Leaf::Primitive(Primitive::Float),
            leaf_span: span,
            null: false,
            admits_null: NullMark::None,
        },
        _ => object(span, false),
    };
    union.admits_null = admits_null;
    union
}

/// One type for a union of whole types (Rust's oneOf pages), by the rules of [`parse_type`]:
/// one member is itself, `int` and `float` are `float`, anything else any JSON value.
pub fn union_of(members: Vec<TypeExpr>) -> TypeExpr {
    let partials = members
        .into_iter()
        .map(|member| Partial {
            containers_inner_first: member.containers.into_iter().rev().collect(),
            leaf: member.leaf,
            leaf_span: 0..0,
            null: false,
            admits_null: NullMark::None,
        })
        .collect();
    let union = union(partials);
    TypeExpr {
        containers: union.containers_inner_first.into_iter().rev().collect(),
        leaf: union.leaf,
    }
}

fn object(leaf_span: Range<usize>, null: bool) -> Partial {
    Partial {
        containers_inner_first: Vec::new(),
        leaf: Leaf::Primitive(Primitive::Any),
        leaf_span,
        null,
        admits_null: if null { NullMark::Null } else { NullMark::None },
    }
}

/// A type name: a word a dialect declares (a primitive, `null`, or a name it writes, with the
/// dialects it shows), a qualified name (`\Vendor\Model\Pet`, `kotlin.Long`), a bare
/// container, a primitive of the type model's own vocabulary, or a model. Other names a dialect
/// writes (`String`, `Date`, `Object`) stay names here, and a folder's dialect reads them
/// (`apply_folder_conventions`).
fn leaf(name: &str, span: Range<usize>) -> Result<(Partial, Option<Dialects>), TypeSyntaxError> {
    let primitive = |primitive| (Vec::new(), Leaf::Primitive(primitive));
    let named = |name: &str| (Vec::new(), Leaf::Named(name.to_owned()));
    let ((containers, leaf), shown) = if let Some((word, shown)) = dialects::word(name) {
        let shown = Some(shown);
        match word {
            Word::Null => return Ok((object(span, true), shown)),
            Word::Primitive(found) => (primitive(found), shown),
            Word::Name | Word::Byte => (named(name), shown),
            Word::Container(container) => {
                ((vec![container], Leaf::Primitive(Primitive::Any)), shown)
            }
        }
    } else if let Some((how, shown)) = dialects::qualified(name) {
        let written = match how {
            Qualified::Whole => name,
            Qualified::LastSegment(separator) => {
                let rest = &name[separator.len_utf8()..];
                rest.rsplit_once(separator).map_or(name, |(_, last)| last)
            }
        };
        (named(written), Some(shown))
    } else {
        match name {
            // Bare containers: of any JSON values.
            "list" => (
                (vec![Container::List], Leaf::Primitive(Primitive::Any)),
                None,
            ),
            "dict" => (
                (vec![Container::Map], Leaf::Primitive(Primitive::Any)),
                None,
            ),
            _ => match grammar_primitive(name) {
                Some(found) => (primitive(found), None),
                // A model's name may start with a digit (`123Numeric`), not be a number.
                None if name.starts_with(|c: char| c.is_ascii_digit())
                    && !naming::is_model_name(name) =>
                {
                    return Err(TypeSyntaxError {
                        message: format!(
                            "`{name}` is not a type name: it starts with a digit and has no letter"
                        ),
                        span,
                    });
                }
                None => (named(name), None),
            },
        }
    };
    Ok((
        Partial {
            containers_inner_first: containers,
            leaf,
            leaf_span: span,
            null: false,
            admits_null: NullMark::None,
        },
        shown,
    ))
}

/// The key part of a map opened by `{`: `str:` (`python-prior`'s `{str: (X,)}`), `String:`
/// (`{String: X}`) or `[key: string]:` (TypeScript's index signature `{ [key: string]: X; }`);
/// the dialects it shows.
fn open_brace_map(lexer: &mut Lexer<'_>) -> Result<Option<Dialects>, TypeSyntaxError> {
    let checkpoint = lexer.position;
    if lexer.next().0 == Token::Name("String") && lexer.next().0 == Token::Punct(':') {
        return Ok(dialects::shown_by(Mark::StringBraceMap));
    }
    lexer.position = checkpoint;
    if lexer.next().0 != Token::Punct('[') {
        lexer.position = checkpoint;
        expect_key(lexer, "str", ':')?;
        return Ok(dialects::shown_by(Mark::BraceMap));
    }
    let (key_name, span) = lexer.next();
    let Token::Name(_) = key_name else {
        return Err(expected("the index signature's key name", key_name, span));
    };
    for (what, want) in [
        ("`:`", Token::Punct(':')),
        ("`string`", Token::Name("string")),
        ("`]`", Token::Punct(']')),
        ("`:`", Token::Punct(':')),
    ] {
        let (found, span) = lexer.next();
        if found != want {
            return Err(expected(what, found, span));
        }
    }
    Ok(dialects::shown_by(Mark::IndexSignature))
}

/// `string_type` (the language's string: `str`, Ruby's `String`) and then `separator`: the key
/// of a map, which is always a string.
fn expect_key(
    lexer: &mut Lexer<'_>,
    string_type: &str,
    separator: char,
) -> Result<(), TypeSyntaxError> {
    // The key type's name in any letter case (`map[String, X]`, `map[string,X]`), and the
    // punctuation it is written with, if any (`NSString*`, whose `*` Markdown may have taken).
    let (key, key_span) = lexer.next();
    let punctuation = match key {
        Token::Name(name) => string_type
            .get(..name.len())
            .filter(|written| written.eq_ignore_ascii_case(name))
            .map(|_| &string_type[name.len()..]),
        _ => None,
    };
    for mark in punctuation.unwrap_or_default().chars() {
        let checkpoint = lexer.position;
        if lexer.next().0 != Token::Punct(mark) {
            lexer.position = checkpoint;
        }
    }
    if punctuation.is_none() {
        return Err(TypeSyntaxError {
            message: format!(
                "a dict's keys must be `{string_type}`, found {}",
                describe(key)
            ),
            span: key_span,
        });
    }
    let (found, span) = lexer.next();
    if found != Token::Punct(separator) {
        return Err(expected(
            &format!("`{separator}` after the dict's key type"),
            found,
            span,
        ));
    }
    Ok(())
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
    use crate::parse::dialect::Dialect;

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

    /// The dialect of this name.
    fn dialect(name: &str) -> Option<Dialect> {
        Some(dialects::named(name).expect("a dialect"))
    }

    #[track_caller]
    #[test]
    fn a_union_with_null_says_so_and_a_container_of_nullable_items_does_not() {
        for (text, null) in [
            ("string | null", NullMark::Null),
            ("null | Model", NullMark::Null),
            ("Optional[StrictStr]", NullMark::Null),
            ("Optional[List[StrictInt]]", NullMark::Null),
            ("Union[StrictInt, None]", NullMark::Null),
            ("str, none_type", NullMark::Null),
            ("(str, none_type,)", NullMark::Null),
            ("Option<String>", NullMark::AbsentOrNull),
            ("Option<Vec<models::Pet>>", NullMark::AbsentOrNull),
            ("string?", NullMark::AbsentOrNull),
            ("List<int?>", NullMark::None),
            ("List[Optional[str]]", NullMark::None),
            ("Vec<Option<String>>", NullMark::None),
            ("Union[StrictInt, StrictStr]", NullMark::None),
            ("string", NullMark::None),
            ("Pet", NullMark::None),
        ] {
            assert_eq!(
                parse_type(text).map(|parsed| parsed.null),
                Ok(null),
                "{text}"
            );
        }
    }

    /// Asserts that `text` reads as `neutral` and shows `dialect` among others (`None`: no one
    /// dialect).
    fn reads_as(text: &str, neutral: &str, dialect: Option<Dialect>) {
        let parsed = parse_type(text).unwrap_or_else(|error| panic!("{text}: {error:?}"));
        let shown = dialects::shown_as(parsed.dialects, dialect);
        assert_eq!(
            (parsed.expr.to_string().as_str(), shown),
            (neutral, dialect),
            "{text}"
        );
    }

    #[test]
    fn bare_containers_hold_any_json_value() {
        reads_as("list", "list[object]", None);
        reads_as("dict", "dict(str, object)", None);
    }

    /// openapi-generator 4.x's inline composition names keep their angle brackets: one name,
    /// in a container too; an unclosed one is malformed.
    #[test]
    fn a_composition_name_with_its_variants_is_one_name() {
        reads_as("OneOf<string,integer>", "OneOf<string,integer>", None);
        reads_as("AnyOf<Tag,List<string>>", "AnyOf<Tag,List<string>>", None);
        let python = dialect("python");
        reads_as(
            "list[OneOf<string,integer>]",
            "list[OneOf<string,integer>]",
            python,
        );
        assert!(parse_type("OneOf<string,integer").is_err());
    }

    #[test]
    fn reads_the_pydantic_syntax() {
        let pydantic = dialect("python-pydantic");
        reads_as("List[str]", "list[str]", pydantic);
        reads_as("Dict[str, List[Model]]", "dict(str, list[Model])", pydantic);
        reads_as("Optional[Model]", "Model", pydantic);
        reads_as("Union[StrictFloat, StrictInt]", "float", pydantic);
        reads_as("Union[str, Model]", "object", pydantic);
        reads_as("Optional[Union[str, None]]", "str", pydantic);
        reads_as("Any", "object", pydantic);
        reads_as("Dict[str, Any]", "dict(str, object)", pydantic);
        reads_as("bytearray", "str", pydantic);
        reads_as("List[bytearray]", "list[str]", pydantic);
        reads_as("StrictStr", "str", pydantic);
        reads_as("StrictBool", "bool", pydantic);
        reads_as("Set[StrictInt]", "list[int]", pydantic);
    }

    #[test]
    fn reads_the_java_syntax() {
        let java = dialect("java");
        // `List<X>` and `byte[]` are C#'s too, `Set<X>` Swift's, `Map<String, X>` Dart's: they
        // show no dialect; Java's own type names do.
        reads_as("Map<String, List<Tag>>", "dict(str, list[Tag])", None);
        reads_as("List<Map<String, Object>>", "list[dict(str, Object)]", None);
        reads_as("List<String>", "list[String]", None);
        reads_as("Set<Long>", "list[Long]", java);
        reads_as("OffsetDateTime", "OffsetDateTime", java);
        reads_as("byte[]", "str", None);
        reads_as("List<byte[]>", "list[str]", None);
        // Ory's Java model `Any` is pydantic's word, which shows no dialect inside `<...>`.
        reads_as("List<Any>", "list[object]", None);
        // Java's type names are read once the folder is known to be Java.
        reads_as("String", "String", None);
    }

    #[test]
    fn reads_the_go_syntax() {
        let go = dialect("go");
        reads_as("Pointer to string", "string", go);
        reads_as("[]Tag", "list[Tag]", go);
        reads_as("Pointer to [][]int32", "list[list[int32]]", go);
        reads_as("map[string][]string", "dict(str, list[string])", go);
        reads_as("map[string]interface{}", "dict(str, object)", go);
        reads_as("time.Time", "datetime", go);
        reads_as("Pointer to *os.File", "str", go);
        reads_as("*[]os.File", "list[str]", go);
        reads_as("Pointer to *[]os.File", "list[str]", go);
        reads_as("optional.Interface of []string", "list[string]", go);
        reads_as("optional.Interface of []*os.File", "list[str]", go);
        reads_as("*optional.Interface of []os.File", "list[str]", go);
        reads_as("optional.Interface of Pet", "Pet", go);
        // Go's plain names are read once the folder is known to be Go.
        reads_as("NullableString", "NullableString", None);
        let error = parse_type_expr("Pointer to []map[int]X").unwrap_err();
        assert_eq!(
            (error.message.as_str(), error.span),
            ("expected a Go type name, found `map[int]X`", 13..22)
        );
    }

    #[test]
    fn reads_the_rust_syntax() {
        let rust = dialect("rust");
        reads_as("Option<String>", "String", rust);
        reads_as("Vec<String>", "list[String]", rust);
        reads_as("Option<Vec<models::Tag>>", "list[Tag]", rust);
        reads_as(
            "std::collections::HashMap<String, Vec<i32>>",
            "dict(str, list[int])",
            rust,
        );
        reads_as(
            "Option<std::collections::HashMap<String, serde_json::Value>>",
            "dict(str, object)",
            rust,
        );
        reads_as("std::collections::HashSet<i64>", "list[int]", rust);
        reads_as("Vec<Vec<f32>>", "list[list[float]]", rust);
        reads_as("Option<bool>", "bool", rust);
        reads_as("models::Tag", "Tag", rust);
        reads_as("serde_json::Value", "object", rust);
        reads_as("uuid::Uuid", "str", rust);
        reads_as("std::path::PathBuf", "str", rust);
        reads_as("f64", "float", rust);
        reads_as("u32", "int", rust);
        reads_as("Option<Tag>", "Tag", rust);
        reads_as("Vec<crate::models::Tag>", "list[Tag]", rust);
        reads_as("*crate::models::Tag", "Tag", rust);
        // The older templates' absolute paths and stray `*`, the newer's dates and sets.
        reads_as("*String", "String", rust);
        reads_as("*::models::Tag", "Tag", rust);
        reads_as("Vec<::models::Tag>", "list[Tag]", rust);
        reads_as(
            "Option<::std::collections::HashMap<String, ::models::Tag>>",
            "dict(str, Tag)",
            rust,
        );
        reads_as("Option<HashSet<String>>", "list[String]", rust);
        reads_as("Option<chrono::NaiveDate>", "date", rust);
        reads_as("chrono::DateTime<chrono::FixedOffset>", "datetime", rust);
        reads_as(
            "Vec<chrono::DateTime<chrono::FixedOffset>>",
            "list[datetime]",
            rust,
        );
        // `String`, `bool` and a bare model name are every dialect's words.
        reads_as("String", "String", None);
        reads_as("bool", "bool", None);
        let text = "Option<Vec<models::Tag>>";
        let parsed = parse_type(text).unwrap();
        assert_eq!(&text[parsed.leaf_span], "Tag");
    }

    #[test]
    fn reports_malformed_rust_types() {
        for (text, message, span) in [
            (
                "Vec<String",
                "expected `>`, found the end of the type",
                10..10,
            ),
            (
                "std::collections::HashMap<i32, String>",
                "a map's keys must be `String`, found `i32`",
                26..29,
            ),
            (
                "Option<String>>",
                "expected the end of the type, found `>`",
                14..15,
            ),
            (
                "Vec<foo::Bar>",
                "expected a Rust type name, found `foo::Bar`",
                4..12,
            ),
        ] {
            let error = parse_type_expr(text).unwrap_err();
            assert_eq!(
                (error.message.as_str(), error.span),
                (message, span),
                "{text}"
            );
        }
    }

    #[test]
    fn a_union_of_whole_types_follows_the_union_rules() {
        let named = |name: &str| TypeExpr {
            containers: Vec::new(),
            leaf: Leaf::Named(name.to_owned()),
        };
        let primitive = |primitive| TypeExpr {
            containers: Vec::new(),
            leaf: Leaf::Primitive(primitive),
        };
        let list = TypeExpr {
            containers: vec![Container::List],
            leaf: Leaf::Primitive(Primitive::String),
        };
        assert_eq!(union_of(vec![list.clone()]), list);
        assert_eq!(
            union_of(vec![
                primitive(Primitive::Integer),
                primitive(Primitive::Float)
            ]),
            primitive(Primitive::Float)
        );
        assert_eq!(
            union_of(vec![named("Tag"), primitive(Primitive::String)]),
            primitive(Primitive::Any)
        );
        assert_eq!(union_of(Vec::new()), primitive(Primitive::Any));
    }

    #[test]
    fn reads_the_python_prior_syntax() {
        let prior = dialect("python-prior");
        reads_as("[str]", "list[str]", prior);
        reads_as("[[str]]", "list[list[str]]", prior);
        // Swift writes `[Model]` too: a list of a model's name shows no dialect.
        reads_as("[[Model]]", "list[list[Model]]", None);
        reads_as("{str: (str,)}", "dict(str, str)", prior);
        reads_as(
            "{str: ({str: (str,)},)}",
            "dict(str, dict(str, str))",
            prior,
        );
        reads_as("str, none_type", "str", prior);
        reads_as(
            "bool, date, datetime, dict, float, int, list, str, none_type",
            "object",
            prior,
        );
        reads_as(
            "{str: (bool, date, datetime, dict, float, int, list, str, none_type)}",
            "dict(str, object)",
            prior,
        );
        reads_as("none_type", "object", prior);
    }

    #[test]
    fn reads_the_typescript_syntax() {
        let typescript = dialect("typescript");
        // `string` is Go's too, `boolean` Perl's: they show neither.
        reads_as("string", "str", None);
        reads_as("boolean", "bool", None);
        reads_as("number", "number", typescript);
        reads_as("any", "object", typescript);
        reads_as("Date", "Date", None);
        // `Array<` and `string`, each shared, are TypeScript's together.
        reads_as("Array<string>", "list[str]", typescript);
        reads_as("Array<Array<Model>>", "list[list[Model]]", None);
        reads_as("{ [key: string]: Model; }", "dict(str, Model)", typescript);
        reads_as(
            "{ [key: string]: Array<number>; }",
            "dict(str, list[number])",
            typescript,
        );
        reads_as(
            "Array<{ [key: string]: any; }>",
            "list[dict(str, object)]",
            typescript,
        );
        reads_as("string | null", "str", typescript);
        reads_as("Model | null", "Model", typescript);
        reads_as("string | number", "object", typescript);
        // A union as a container's argument: the items may be `null`.
        reads_as("Array<string | null>", "list[str]", typescript);
        reads_as(
            "{ [key: string]: any | null; }",
            "dict(str, object)",
            typescript,
        );
        // `object` is both languages' word: it shows no dialect.
        reads_as("object", "object", None);
        reads_as("Array<Model>", "list[Model]", None);
    }

    #[test]
    fn reads_the_ruby_syntax() {
        let ruby = dialect("ruby");
        // Ruby's type names are read once the folder is known to be Ruby.
        reads_as("String", "String", None);
        reads_as("Time", "Time", None);
        reads_as("Array<String>", "list[String]", None);
        reads_as("Hash<String, Array<Model>>", "dict(str, list[Model])", ruby);
        let error = parse_type_expr("Hash<Integer, String>").unwrap_err();
        assert_eq!(
            (error.message.as_str(), error.span),
            ("a dict's keys must be `String`, found `Integer`", 5..12)
        );
    }

    #[test]
    fn reads_the_csharp_syntax() {
        let csharp = dialect("csharp");
        reads_as(
            "Dictionary<string, List<Tag>>",
            "dict(str, list[Tag])",
            csharp,
        );
        reads_as("long?", "long", csharp);
        reads_as("List<long?>?", "list[long]", csharp);
        // `X?` is Dart's too: it shows neither.
        reads_as("Tag?", "Tag", None);
        reads_as("decimal", "decimal", csharp);
        reads_as("System.IO.Stream", "System.IO.Stream", csharp);
        reads_as("Collection<string>", "list[str]", csharp);
        // Java's `List<` and the others' `string` are C#'s together.
        reads_as("List<string>", "list[str]", csharp);
        // Its other words are read once the folder is known to be C#.
        reads_as("Guid", "Guid", None);
        reads_as("EnumArrays.ArrayEnumEnum", "EnumArrays.ArrayEnumEnum", None);
        let error = parse_type_expr("Dictionary<int, Tag>").unwrap_err();
        assert_eq!(
            (error.message.as_str(), error.span),
            ("a dict's keys must be `string`, found `int`", 11..14)
        );
    }

    #[test]
    fn reads_the_swift_syntax() {
        let swift = dialect("swift");
        reads_as("[String: Int64]", "dict(str, Int64)", swift);
        reads_as("[String:[String:Tag]]", "dict(str, dict(str, Tag))", swift);
        reads_as(
            "[String: [AnyCodable]]",
            "dict(str, list[AnyCodable])",
            swift,
        );
        // Its own type names show Swift; they are read once the folder is known to be Swift.
        reads_as("[Int]", "list[Int]", swift);
        reads_as("Bool", "Bool", swift);
        // `[X]` is python-prior's too, `String` and `Set<X>` are Java's too.
        reads_as("[String]", "list[String]", None);
        reads_as("[[Tag]]", "list[list[Tag]]", None);
        reads_as("Set<String>", "list[String]", None);
    }

    #[test]
    fn reads_the_php_syntax() {
        let php = dialect("php");
        // `X[]` is PowerShell's too, `string` Go's and TypeScript's: together they are PHP's.
        reads_as("string[]", "list[str]", php);
        reads_as("\\Store\\Model\\Tag[]", "list[Tag]", php);
        reads_as("\\Store\\Model\\Tag", "Tag", php);
        reads_as("array<string,int[]>", "dict(str, list[int])", php);
        reads_as(
            "array<string,array<string,\\Store\\Model\\Tag>>",
            "dict(str, dict(str, Tag))",
            php,
        );
        reads_as("map[string,bool]", "dict(str, bool)", php);
        reads_as("object[][]", "list[list[object]]", None);
        reads_as("mixed", "object", php);
        reads_as("\\DateTime", "\\DateTime", php);
        // The Go map stays Go's.
        reads_as("map[string]bool", "dict(str, bool)", dialect("go"));
    }

    #[test]
    fn reads_the_kotlin_syntax() {
        let kotlin = dialect("kotlin");
        reads_as(
            "kotlin.collections.List<kotlin.String>",
            "list[kotlin.String]",
            kotlin,
        );
        reads_as("kotlin.Array<Tag>", "list[Tag]", kotlin);
        reads_as(
            "kotlin.collections.Map<kotlin.String, kotlin.collections.Set<Tag>>",
            "dict(str, list[Tag])",
            kotlin,
        );
        // Java writes `java.` names too (`java.util.Date`): they show neither.
        reads_as("java.time.OffsetDateTime", "java.time.OffsetDateTime", None);
        reads_as("kotlin.collections.List<Tag>", "list[Tag]", kotlin);
        let error = parse_type_expr("kotlin.collections.Map<kotlin.Int, Tag>").unwrap_err();
        assert_eq!(
            error.message,
            "a dict's keys must be `kotlin.String`, found `kotlin.Int`"
        );
    }

    #[test]
    fn reports_a_malformed_index_signature() {
        let error = parse_type_expr("{ [key: number]: string; }").unwrap_err();
        assert_eq!(
            (error.message.as_str(), error.span),
            ("expected `string`, found `number`", 8..14)
        );
        let error = parse_type_expr("Array<string").unwrap_err();
        assert_eq!(error.message, "expected `>`, found the end of the type");
    }

    #[test]
    fn each_mark_narrows_the_dialects_shown() {
        let shown = |text| parse_type(text).unwrap().dialects.expect("a mark");
        let (csharp, dart) = (dialect("csharp").unwrap(), dialect("dart").unwrap());
        // `?` is C#'s and Dart's; `long` is C#'s alone.
        let postfix = shown("int?");
        assert!(
            postfix.contains(csharp) && postfix.contains(dart),
            "{postfix}"
        );
        let narrowed = shown("long?");
        assert!(
            narrowed.contains(csharp) && !narrowed.contains(dart),
            "{narrowed}"
        );
        // A later mark that no earlier mark's dialect writes is ignored.
        assert_eq!(
            shown("Dictionary<string, Int64[]>"),
            shown("Dictionary<string, X>")
        );
    }

    #[test]
    fn the_first_mark_names_the_dialect() {
        reads_as("list[Model]", "list[Model]", dialect("python"));
        reads_as("dict(str, int)", "dict(str, int)", dialect("python"));
        reads_as("Model", "Model", None);
        reads_as("123Numeric", "123Numeric", None);
    }

    #[test]
    fn a_unions_leaf_span_is_its_first_members() {
        let text = "Optional[ Model ]";
        let parsed = parse_type(text).unwrap();
        assert_eq!(&text[parsed.leaf_span], "Model");
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
                "8000",
                "`8000` is not a type name: it starts with a digit and has no letter",
                0..4,
            ),
            (
                "Dict[int, str]",
                "a dict's keys must be `str`, found `int`",
                5..8,
            ),
            ("List[str, int]", "expected `]`, found `,`", 8..9),
            ("Union[str int]", "expected `,` or `]`, found `int`", 10..13),
            (
                "{str (str,)}",
                "expected `:` after the dict's key type, found `(`",
                5..6,
            ),
            (
                "[str",
                "expected `,` or `]`, found the end of the type",
                4..4,
            ),
            (
                "Map<Integer, Tag>",
                "a dict's keys must be `String`, found `Integer`",
                4..11,
            ),
            (
                "List<String",
                "expected `>`, found the end of the type",
                11..11,
            ),
            (
                "byte[",
                "expected `]` after `byte[`, found the end of the type",
                5..5,
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

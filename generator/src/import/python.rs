//! Reads openapi-generator's Python model modules without running Python.
//!
//! A model module defines one class (`class AnalyticsSession(object):`) that maps attribute names
//! to Python types and to JSON names in two dict literals, set in `__init__`
//! (`self.swagger_types = {...}` / `self.openapi_types = {...}` and `self.attribute_map = {...}`)
//! or in the class body (`openapi_types = {...}`), and checks enumerated values in property
//! setters (`allowed_values = ["inbound", "outbound"]`, in `@direction.setter`, typed or not).
//!
//! A small tokenizer turns the text into logical lines (comments dropped, brackets and `\`
//! continuations joined, strings decoded: both quote styles, triple quotes, prefixes, escapes), and
//! the reader finds the class, its methods by indentation, and parses the literals it needs.

use std::ops::Range;

use crate::diagnostic::{Diagnostic, FileId};

/// The facts of one model module.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PythonModel {
    /// The module's file.
    pub file: FileId,
    /// The class name, which is the model name (`AnalyticsSession`).
    pub class_name: String,
    /// The span of the class name.
    pub class_span: Range<usize>,
    /// The model's fields, in the order of the types dict.
    pub fields: Vec<PythonField>,
}

/// One field of a model module.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PythonField {
    /// The attribute name, which is the doc name (`active_skill_ids`).
    pub name: String,
    /// The JSON name from the attribute map (`activeSkillIds`).
    pub wire_name: String,
    /// The span of the JSON name in the attribute map.
    pub wire_span: Range<usize>,
    /// The values the setter allows, in order, without duplicates; `None` when it checks none.
    pub enum_values: Option<Vec<String>>,
    /// The span of the `allowed_values` list, or of the JSON name when there is none.
    pub enum_span: Range<usize>,
}

/// What one module turned out to be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ModuleOutcome {
    /// A model module.
    Model(PythonModel),
    /// A module without a class (`__init__.py`, say): not a model, skipped silently.
    NotAModel,
    /// A module that could not be read: reported and skipped.
    Unreadable,
}

/// Reads one module. A problem that makes the module unreadable is one warning (with its line) and
/// [`ModuleOutcome::Unreadable`]; a problem with one field (an `allowed_values` that is not a list
/// of strings, say) is a warning and the rest of the module is read.
pub fn read_module(file: FileId, text: &str, diagnostics: &mut Vec<Diagnostic>) -> ModuleOutcome {
    let unreadable = |error: SyntaxError, diagnostics: &mut Vec<Diagnostic>| {
        diagnostics.push(
            Diagnostic::warning(
                file,
                error.span,
                format!("cannot read this model module: {}", error.message),
            )
            .with_label(error.label)
            .with_note("the module is skipped; the others are imported"),
        );
        ModuleOutcome::Unreadable
    };
    let lines = match tokenize(text) {
        Ok(lines) => lines,
        Err(error) => return unreadable(error, diagnostics),
    };
    let mut reader = Reader {
        text,
        file,
        diagnostics,
    };
    match reader.read_class(&lines) {
        Ok(Some(model)) => ModuleOutcome::Model(model),
        Ok(None) => ModuleOutcome::NotAModel,
        Err(error) => unreadable(error, reader.diagnostics),
    }
}

/// Why a module cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct SyntaxError {
    pub(super) span: Range<usize>,
    pub(super) message: String,
    pub(super) label: &'static str,
}

impl SyntaxError {
    fn new(span: Range<usize>, message: impl Into<String>, label: &'static str) -> Self {
        Self {
            span,
            message: message.into(),
            label,
        }
    }
}

/// One token of a logical line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Token {
    pub(super) kind: Kind,
    pub(super) span: Range<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Kind {
    /// An identifier or keyword; its text is the span's.
    Name,
    /// A string literal, decoded.
    Str(String),
    /// A bytes literal or an f-string: lexed, never a value the reader takes.
    OtherStr,
    /// A number; its value is never needed.
    Number,
    /// An operator or delimiter.
    Op(&'static str),
}

/// One logical line: its indentation (in columns, tabs to multiples of 8) and its tokens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Line {
    pub(super) indent: usize,
    pub(super) tokens: Vec<Token>,
}

const OPERATORS: &[&str] = &[
    "**=", "//=", ">>=", "<<=", "...", "->", ":=", "==", "!=", "<=", ">=", "+=", "-=", "*=", "/=",
    "%=", "&=", "|=", "^=", "@=", "**", "//", "<<", ">>", "+", "-", "*", "/", "%", "@", "&", "|",
    "^", "~", "<", ">", "(", ")", "[", "]", "{", "}", ",", ":", ";", ".", "=",
];

/// Splits a module into logical lines.
pub(super) fn tokenize(text: &str) -> Result<Vec<Line>, SyntaxError> {
    let bytes = text.as_bytes();
    let mut lines = Vec::new();
    let mut tokens: Vec<Token> = Vec::new();
    let mut indent = 0;
    let mut open: Vec<(u8, usize)> = Vec::new();
    let mut at = 0;
    let mut line_start = true;
    while at < bytes.len() {
        if line_start {
            let (column, after) = indentation(bytes, at);
            indent = column;
            at = after;
            line_start = false;
            continue;
        }
        let byte = bytes[at];
        match byte {
            b' ' | b'\t' | b'\x0c' => at += 1,
            b'#' => {
                at += bytes[at..]
                    .iter()
                    .position(|&b| b == b'\n' || b == b'\r')
                    .unwrap_or(bytes.len() - at)
            }
            b'\\' => match newline_length(bytes, at + 1) {
                Some(length) => at += 1 + length,
                None => {
                    return Err(SyntaxError::new(
                        at..at + 1,
                        "a `\\` outside a string must end its line",
                        "unexpected `\\`",
                    ));
                }
            },
            b'\n' | b'\r' => {
                at += newline_length(bytes, at).unwrap_or(1);
                if open.is_empty() {
                    if !tokens.is_empty() {
                        lines.push(Line {
                            indent,
                            tokens: std::mem::take(&mut tokens),
                        });
                    }
                    line_start = true;
                }
            }
            b'\'' | b'"' => {
                let (kind, end) = string(text, at, at, Prefix::default())?;
                tokens.push(Token {
                    kind,
                    span: at..end,
                });
                at = end;
            }
            b'0'..=b'9' => at = number(bytes, at, &mut tokens),
            b'.' if bytes.get(at + 1).is_some_and(u8::is_ascii_digit) => {
                at = number(bytes, at, &mut tokens)
            }
            _ if is_name_start(byte) => at = name_or_string(text, at, &mut tokens)?,
            _ => at = operator(text, at, &mut open, &mut tokens)?,
        }
    }
    if let Some(&(opener, at)) = open.last() {
        return Err(SyntaxError::new(
            at..at + 1,
            format!("`{}` is never closed", opener as char),
            "opened here",
        ));
    }
    if !tokens.is_empty() {
        lines.push(Line { indent, tokens });
    }
    Ok(lines)
}

/// A name at `at`, or a string with a prefix (`f"..."`, `rb'...'`); where it ends.
fn name_or_string(text: &str, at: usize, tokens: &mut Vec<Token>) -> Result<usize, SyntaxError> {
    let bytes = text.as_bytes();
    let end = at
        + bytes[at..]
            .iter()
            .position(|&b| !is_name_continue(b))
            .unwrap_or(bytes.len() - at);
    match Prefix::parse(&text[at..end]).filter(|_| matches!(bytes.get(end), Some(b'\'' | b'"'))) {
        Some(prefix) => {
            let (kind, string_end) = string(text, at, end, prefix)?;
            tokens.push(Token {
                kind,
                span: at..string_end,
            });
            Ok(string_end)
        }
        None => {
            tokens.push(Token {
                kind: Kind::Name,
                span: at..end,
            });
            Ok(end)
        }
    }
}

/// An operator or bracket at `at` (brackets matched against `open`); where it ends.
fn operator(
    text: &str,
    at: usize,
    open: &mut Vec<(u8, usize)>,
    tokens: &mut Vec<Token>,
) -> Result<usize, SyntaxError> {
    let bytes = text.as_bytes();
    let Some(&op) = OPERATORS
        .iter()
        .find(|op| bytes[at..].starts_with(op.as_bytes()))
    else {
        let length = text[at..].chars().next().map_or(1, char::len_utf8);
        let shown = &text[at..at + length];
        return Err(SyntaxError::new(
            at..at + length,
            format!("unexpected character `{shown}`"),
            "not Python",
        ));
    };
    match op {
        "(" | "[" | "{" => open.push((bytes[at], at)),
        ")" | "]" | "}" => {
            let wanted = match op {
                ")" => b'(',
                "]" => b'[',
                _ => b'{',
            };
            match open.pop() {
                Some((opener, _)) if opener == wanted => {}
                _ => {
                    return Err(SyntaxError::new(
                        at..at + 1,
                        format!("unmatched `{op}`"),
                        "no bracket opens this",
                    ));
                }
            }
        }
        _ => {}
    }
    tokens.push(Token {
        kind: Kind::Op(op),
        span: at..at + op.len(),
    });
    Ok(at + op.len())
}

/// The indentation at the start of a physical line (columns) and where its first token is.
fn indentation(bytes: &[u8], mut at: usize) -> (usize, usize) {
    let mut column = 0;
    while let Some(&byte) = bytes.get(at) {
        match byte {
            b' ' => column += 1,
            b'\t' => column = (column / 8 + 1) * 8,
            b'\x0c' => column = 0,
            _ => break,
        }
        at += 1;
    }
    (column, at)
}

/// The length of the line break at `at` (`\n`, `\r\n` or `\r`), if there is one.
fn newline_length(bytes: &[u8], at: usize) -> Option<usize> {
    match (bytes.get(at), bytes.get(at + 1)) {
        (Some(b'\r'), Some(b'\n')) => Some(2),
        (Some(b'\n' | b'\r'), _) => Some(1),
        _ => None,
    }
}

fn is_name_start(byte: u8) -> bool {
    byte.is_ascii_alphabetic() || byte == b'_' || byte >= 0x80
}

fn is_name_continue(byte: u8) -> bool {
    is_name_start(byte) || byte.is_ascii_digit()
}

/// Skips a number (`12`, `0x1F`, `1.5e-3`, `10j`); its value is never needed.
fn number(bytes: &[u8], start: usize, tokens: &mut Vec<Token>) -> usize {
    let mut at = start;
    while let Some(&byte) = bytes.get(at) {
        let exponent_sign = matches!(byte, b'+' | b'-')
            && matches!(bytes[at - 1], b'e' | b'E')
            && !is_hex(&bytes[start..at]);
        if byte.is_ascii_alphanumeric() || byte == b'_' || byte == b'.' || exponent_sign {
            at += 1;
        } else {
            break;
        }
    }
    tokens.push(Token {
        kind: Kind::Number,
        span: start..at,
    });
    at
}

fn is_hex(number: &[u8]) -> bool {
    number.len() > 1 && number[0] == b'0' && matches!(number[1], b'x' | b'X')
}

/// A string prefix: `r`, `u`, `b`, `f` and their combinations, in either case.
#[derive(Debug, Clone, Copy, Default)]
struct Prefix {
    raw: bool,
    other: bool,
}

impl Prefix {
    fn parse(name: &str) -> Option<Prefix> {
        let lower = name.to_ascii_lowercase();
        let prefix = match lower.as_str() {
            "r" => Prefix {
                raw: true,
                other: false,
            },
            "u" => Prefix {
                raw: false,
                other: false,
            },
            "b" | "f" => Prefix {
                raw: false,
                other: true,
            },
            "rb" | "br" | "rf" | "fr" => Prefix {
                raw: true,
                other: true,
            },
            _ => return None,
        };
        Some(prefix)
    }
}

/// Lexes the string whose prefix starts at `start` and whose quote is at `quote_at`; returns its
/// token kind (decoded when it is a plain or raw string) and where it ends.
fn string(
    text: &str,
    start: usize,
    quote_at: usize,
    prefix: Prefix,
) -> Result<(Kind, usize), SyntaxError> {
    let bytes = text.as_bytes();
    let quote = bytes[quote_at];
    let triple = bytes.get(quote_at + 1) == Some(&quote) && bytes.get(quote_at + 2) == Some(&quote);
    let delimiter_length = if triple { 3 } else { 1 };
    let unterminated = || {
        SyntaxError::new(
            start..quote_at + delimiter_length,
            "unterminated string",
            "this string never ends",
        )
    };
    let mut value = String::new();
    let mut at = quote_at + delimiter_length;
    loop {
        let Some(c) = text[at..].chars().next() else {
            return Err(unterminated());
        };
        if c == quote as char && (!triple || bytes[at..].starts_with(&[quote, quote, quote])) {
            let kind = if prefix.other {
                Kind::OtherStr
            } else {
                Kind::Str(value)
            };
            return Ok((kind, at + delimiter_length));
        }
        match c {
            '\n' | '\r' if !triple => return Err(unterminated()),
            '\\' if prefix.raw => {
                // A raw string keeps the backslash, and the character after it never ends the string.
                value.push('\\');
                at += 1;
                if let Some(next) = text[at..].chars().next() {
                    value.push(next);
                    at += next.len_utf8();
                }
            }
            '\\' => at = escape(text, at, &mut value)?,
            _ => {
                value.push(c);
                at += c.len_utf8();
            }
        }
    }
}

/// Decodes the escape sequence at `at` (a backslash) into `value`; returns where it ends.
fn escape(text: &str, at: usize, value: &mut String) -> Result<usize, SyntaxError> {
    let bytes = text.as_bytes();
    if let Some(length) = newline_length(bytes, at + 1) {
        return Ok(at + 1 + length);
    }
    let Some(c) = text[at + 1..].chars().next() else {
        return Err(SyntaxError::new(
            at..at + 1,
            "unterminated string",
            "a `\\` at the end of the file",
        ));
    };
    let simple = match c {
        '\\' => Some('\\'),
        '\'' => Some('\''),
        '"' => Some('"'),
        'a' => Some('\x07'),
        'b' => Some('\x08'),
        'f' => Some('\x0c'),
        'n' => Some('\n'),
        'r' => Some('\r'),
        't' => Some('\t'),
        'v' => Some('\x0b'),
        _ => None,
    };
    if let Some(decoded) = simple {
        value.push(decoded);
        return Ok(at + 2);
    }
    let (digits, radix, max) = match c {
        '0'..='7' => (&text[at + 1..], 8, 3),
        'x' => (&text[at + 2..], 16, 2),
        'u' => (&text[at + 2..], 16, 4),
        'U' => (&text[at + 2..], 16, 8),
        'N' => {
            return Err(SyntaxError::new(
                at..at + 2,
                "named escapes (`\\N{...}`) are not supported",
                "cannot decode",
            ));
        }
        _ => {
            // Python keeps an unknown escape as written.
            value.push('\\');
            return Ok(at + 1);
        }
    };
    let length = digits
        .bytes()
        .take(max)
        .take_while(|b| (*b as char).is_digit(radix))
        .count();
    let exact = radix == 16;
    let begin = at + text[at..].len() - digits.len();
    if length == 0 || (exact && length < max) {
        return Err(SyntaxError::new(
            at..begin + length,
            format!("`\\{c}` needs {max} hex digits"),
            "truncated escape",
        ));
    }
    let code = u32::from_str_radix(&digits[..length], radix)
        .ok()
        .and_then(char::from_u32)
        .ok_or_else(|| {
            SyntaxError::new(
                at..begin + length,
                "the escape is not a Unicode scalar value",
                "invalid escape",
            )
        })?;
    value.push(code);
    Ok(begin + length)
}

/// A literal and its span.
type SpannedLiteral = (Literal, Range<usize>);

/// Strings and their spans.
type SpannedStrings = Vec<(String, Range<usize>)>;

/// The allowed values of a setter: field name, span of the assignment, the values or why they
/// cannot be read.
type SetterValues = (String, Range<usize>, Result<SpannedStrings, SyntaxError>);

/// A literal of a module: the values the reader takes, or something else it can name.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Literal {
    Str(String),
    List(Vec<SpannedLiteral>),
    Dict(Vec<(SpannedLiteral, SpannedLiteral)>),
    /// Any other atom: a number, a name, `None`, a bytes literal, an f-string.
    Other(&'static str),
}

impl Literal {
    fn describe(&self) -> &'static str {
        match self {
            Literal::Str(_) => "a string",
            Literal::List(_) => "a list",
            Literal::Dict(_) => "a dict",
            Literal::Other(what) => what,
        }
    }
}

/// Deeper literals than this are refused, so that hostile input cannot overflow the stack.
const MAX_DEPTH: usize = 32;

/// Parses `tokens` as exactly one literal.
fn parse_literal(
    tokens: &[Token],
    text: &str,
    end_of_line: usize,
) -> Result<(Literal, Range<usize>), SyntaxError> {
    let mut parser = LiteralParser {
        tokens,
        text,
        at: 0,
        end_of_line,
    };
    let literal = parser.literal(0)?;
    if let Some(extra) = tokens.get(parser.at) {
        return Err(SyntaxError::new(
            extra.span.clone(),
            "expected the end of the line after the literal",
            "unexpected",
        ));
    }
    Ok(literal)
}

struct LiteralParser<'t> {
    tokens: &'t [Token],
    text: &'t str,
    at: usize,
    end_of_line: usize,
}

impl LiteralParser<'_> {
    fn literal(&mut self, depth: usize) -> Result<(Literal, Range<usize>), SyntaxError> {
        let Some(token) = self.tokens.get(self.at) else {
            return Err(SyntaxError::new(
                self.end_of_line..self.end_of_line,
                "expected a literal",
                "the line ends here",
            ));
        };
        if depth > MAX_DEPTH {
            return Err(SyntaxError::new(
                token.span.clone(),
                "literal nested too deeply",
                "too deep",
            ));
        }
        let start = token.span.start;
        self.at += 1;
        let literal = match &token.kind {
            Kind::Str(first) => {
                // Adjacent string literals are one string.
                let mut value = first.clone();
                while let Some(Token {
                    kind: Kind::Str(next),
                    ..
                }) = self.tokens.get(self.at)
                {
                    value.push_str(next);
                    self.at += 1;
                }
                if let Some(Token {
                    kind: Kind::OtherStr,
                    span,
                }) = self.tokens.get(self.at)
                {
                    return Err(SyntaxError::new(
                        span.clone(),
                        "a bytes literal or f-string joined to a string",
                        "cannot read",
                    ));
                }
                Literal::Str(value)
            }
            Kind::Op("[") => Literal::List(self.items("]", |parser| parser.literal(depth + 1))?),
            Kind::Op("{") => Literal::Dict(self.items("}", |parser| {
                let key = parser.literal(depth + 1)?;
                parser.expect(":")?;
                Ok((key, parser.literal(depth + 1)?))
            })?),
            Kind::Number => Literal::Other("a number"),
            Kind::OtherStr => Literal::Other("a bytes literal or an f-string"),
            Kind::Name => match &self.text[token.span.clone()] {
                "None" => Literal::Other("`None`"),
                "True" | "False" => Literal::Other("a boolean"),
                _ => Literal::Other("a name"),
            },
            Kind::Op(op) => {
                return Err(SyntaxError::new(
                    token.span.clone(),
                    format!("expected a literal, found `{op}`"),
                    "not a literal",
                ));
            }
        };
        if let Some(Token {
            kind: Kind::Op(op @ ("(" | "." | "[")),
            span,
        }) = self.tokens.get(self.at)
        {
            return Err(SyntaxError::new(
                span.clone(),
                format!("expected a literal, found an expression (`{op}`)"),
                "not a literal",
            ));
        }
        let end = self.tokens[self.at - 1].span.end;
        Ok((literal, start..end))
    }

    /// Comma-separated items up to `close`, a trailing comma allowed.
    fn items<T>(
        &mut self,
        close: &'static str,
        mut item: impl FnMut(&mut Self) -> Result<T, SyntaxError>,
    ) -> Result<Vec<T>, SyntaxError> {
        let mut items = Vec::new();
        loop {
            if self.peek_op(close) {
                self.at += 1;
                return Ok(items);
            }
            items.push(item(self)?);
            if self.peek_op(",") {
                self.at += 1;
            } else if !self.peek_op(close) {
                return Err(self.unexpected(&format!("expected `,` or `{close}`")));
            }
        }
    }

    fn peek_op(&self, op: &str) -> bool {
        matches!(self.tokens.get(self.at), Some(Token { kind: Kind::Op(found), .. }) if *found == op)
    }

    fn expect(&mut self, op: &'static str) -> Result<(), SyntaxError> {
        if self.peek_op(op) {
            self.at += 1;
            Ok(())
        } else {
            Err(self.unexpected(&format!("expected `{op}`")))
        }
    }

    fn unexpected(&self, message: &str) -> SyntaxError {
        let span = self
            .tokens
            .get(self.at)
            .map_or(self.end_of_line..self.end_of_line, |token| {
                token.span.clone()
            });
        SyntaxError::new(span, message, "unexpected")
    }
}

/// A dict literal of string keys: the keys with their spans and the values.
type StrDict = Vec<(String, Range<usize>, Literal, Range<usize>)>;

fn string_keys(literal: Literal, span: Range<usize>, what: &str) -> Result<StrDict, SyntaxError> {
    let Literal::Dict(entries) = literal else {
        return Err(SyntaxError::new(
            span,
            format!("{what} is {}, not a dict", literal.describe()),
            "expected a dict literal",
        ));
    };
    entries
        .into_iter()
        .map(|((key, key_span), (value, value_span))| match key {
            Literal::Str(key) => Ok((key, key_span, value, value_span)),
            other => Err(SyntaxError::new(
                key_span,
                format!("a key of {what} is {}", other.describe()),
                "expected a string",
            )),
        })
        .collect()
}

fn strings(
    literal: Literal,
    span: Range<usize>,
    what: &str,
) -> Result<Vec<(String, Range<usize>)>, SyntaxError> {
    let Literal::List(items) = literal else {
        return Err(SyntaxError::new(
            span,
            format!("{what} is {}, not a list", literal.describe()),
            "expected a list literal",
        ));
    };
    items
        .into_iter()
        .map(|(item, span)| match item {
            Literal::Str(value) => Ok((value, span)),
            other => Err(SyntaxError::new(
                span,
                format!("an item of {what} is {}", other.describe()),
                "expected a string",
            )),
        })
        .collect()
}

/// What the class assigns, as found.
#[derive(Default)]
struct Found {
    types: Option<StrDict>,
    attribute_map: Option<StrDict>,
    /// Setter name -> allowed values (with the list's span) or the reason they cannot be read.
    enums: Vec<SetterValues>,
}

struct Reader<'t, 'd> {
    text: &'t str,
    file: FileId,
    diagnostics: &'d mut Vec<Diagnostic>,
}

impl<'t> Reader<'t, '_> {
    fn name_at<'l>(&self, line: &'l Line, index: usize) -> Option<(&'t str, &'l Token)> {
        let text = self.text;
        line.tokens
            .get(index)
            .filter(|token| token.kind == Kind::Name)
            .map(|token| (&text[token.span.clone()], token))
    }

    fn op_at(line: &Line, index: usize, op: &str) -> bool {
        matches!(line.tokens.get(index), Some(Token { kind: Kind::Op(found), .. }) if *found == op)
    }

    /// The first top-level class and what it assigns; `None` when the module has no class.
    fn read_class(&mut self, lines: &[Line]) -> Result<Option<PythonModel>, SyntaxError> {
        let Some(class_at) = lines.iter().position(|line| {
            line.indent == 0
                && self
                    .name_at(line, 0)
                    .is_some_and(|(name, _)| name == "class")
        }) else {
            return Ok(None);
        };
        let class_line = &lines[class_at];
        let Some((class_name, class_token)) = self.name_at(class_line, 1) else {
            let span = class_line.tokens[0].span.clone();
            return Err(SyntaxError::new(
                span,
                "`class` without a name",
                "expected a class name",
            ));
        };
        let class_span = class_token.span.clone();
        let class_name = class_name.to_owned();
        let body_end = block_end(lines, class_at);
        let body = &lines[class_at + 1..body_end];
        let mut found = Found::default();
        let mut setter_of: Option<&str> = None;
        let mut index = 0;
        while index < body.len() {
            let line = &body[index];
            if Self::op_at(line, 0, "@") {
                // `@name.setter`: the next `def name` is the setter of field `name`.
                setter_of = match (
                    self.name_at(line, 1),
                    Self::op_at(line, 2, "."),
                    self.name_at(line, 3),
                    line.tokens.len(),
                ) {
                    (Some((name, _)), true, Some(("setter", _)), 4) => Some(name),
                    _ => None,
                };
                index += 1;
                continue;
            }
            if let Some(("def", _)) = self.name_at(line, 0) {
                let function = self.name_at(line, 1).map(|(name, _)| name);
                let end = block_end(body, index);
                let function_body = &body[index + 1..end];
                if function == Some("__init__") {
                    for statement in function_body {
                        self.assignment(statement, true, &mut found)?;
                    }
                } else if let Some(field) = setter_of.filter(|&field| Some(field) == function) {
                    self.setter(field, function_body, &mut found);
                }
                setter_of = None;
                index = end;
                continue;
            }
            setter_of = None;
            self.assignment(line, false, &mut found)?;
            index += 1;
        }
        let class_span_for_errors = class_span.clone();
        let missing = |what: &str| {
            SyntaxError::new(
                class_span_for_errors.clone(),
                format!("class `{class_name}` sets no {what}"),
                "this class",
            )
        };
        let types = found
            .types
            .take()
            .ok_or_else(|| missing("`swagger_types` or `openapi_types`"))?;
        let attribute_map = found
            .attribute_map
            .take()
            .ok_or_else(|| missing("`attribute_map`"))?;
        let fields = self.fields(&class_name, types, attribute_map, found.enums)?;
        Ok(Some(PythonModel {
            file: self.file,
            class_name,
            class_span,
            fields,
        }))
    }

    /// `self.NAME = literal` (in `__init__`) or `NAME = literal` (in the class body), with an
    /// optional annotation, for the dicts the reader takes.
    fn assignment(
        &mut self,
        line: &Line,
        on_self: bool,
        found: &mut Found,
    ) -> Result<(), SyntaxError> {
        let target_at = if on_self {
            match (self.name_at(line, 0), Self::op_at(line, 1, ".")) {
                (Some(("self", _)), true) => 2,
                _ => return Ok(()),
            }
        } else {
            0
        };
        let Some((target, _)) = self.name_at(line, target_at) else {
            return Ok(());
        };
        let slot = match target {
            "swagger_types" | "openapi_types" => &mut found.types,
            "attribute_map" => &mut found.attribute_map,
            _ => return Ok(()),
        };
        let Some(equals) = top_level_equals(line, target_at + 1) else {
            return Ok(());
        };
        let end_of_line = line.tokens.last().map_or(0, |token| token.span.end);
        let (literal, span) = parse_literal(&line.tokens[equals + 1..], self.text, end_of_line)?;
        *slot = Some(string_keys(literal, span, &format!("`{target}`"))?);
        Ok(())
    }

    /// The `allowed_values = [...]` of a setter's body, anywhere in it.
    fn setter(&mut self, field: &str, body: &[Line], found: &mut Found) {
        for line in body {
            if !matches!(self.name_at(line, 0), Some(("allowed_values", _)))
                || !Self::op_at(line, 1, "=")
            {
                continue;
            }
            let end_of_line = line.tokens.last().map_or(0, |token| token.span.end);
            let parsed = parse_literal(&line.tokens[2..], self.text, end_of_line);
            let span = line.tokens[0].span.start..end_of_line;
            let values =
                parsed.and_then(|(literal, span)| strings(literal, span, "`allowed_values`"));
            found.enums.push((field.to_owned(), span, values));
            return;
        }
    }

    /// Joins the types dict, the attribute map and the setters' values into fields.
    fn fields(
        &mut self,
        class_name: &str,
        types: StrDict,
        attribute_map: StrDict,
        enums: Vec<SetterValues>,
    ) -> Result<Vec<PythonField>, SyntaxError> {
        let mut wire_names = Vec::new();
        for (name, key_span, value, value_span) in attribute_map {
            let Literal::Str(wire_name) = value else {
                let message = format!(
                    "`attribute_map[{name:?}]` of `{class_name}` is {}",
                    value.describe()
                );
                return Err(SyntaxError::new(value_span, message, "expected a string"));
            };
            if let Some(earlier) = wire_names
                .iter()
                .position(|(earlier, ..): &(String, _, _)| *earlier == name)
            {
                self.warn(key_span.clone(), format!("`{name}` is in the `attribute_map` of `{class_name}` twice; the last one counts"));
                wire_names.remove(earlier);
            }
            wire_names.push((name, wire_name, value_span));
        }
        let mut fields: Vec<PythonField> = Vec::new();
        for (name, key_span, ..) in types {
            if fields.iter().any(|field| field.name == name) {
                self.warn(
                    key_span,
                    format!("`{name}` is in the types dict of `{class_name}` twice"),
                );
                continue;
            }
            let Some(at) = wire_names
                .iter()
                .position(|(wire_key, ..)| *wire_key == name)
            else {
                self.warn(key_span, format!("`{name}` of `{class_name}` has a type but no `attribute_map` entry; skipped"));
                continue;
            };
            let (_, wire_name, wire_span) = wire_names.remove(at);
            fields.push(PythonField {
                name,
                wire_name,
                enum_span: wire_span.clone(),
                wire_span,
                enum_values: None,
            });
        }
        for (name, _, span) in wire_names {
            self.warn(
                span,
                format!(
                    "`{name}` of `{class_name}` has an `attribute_map` entry but no type; skipped"
                ),
            );
        }
        for (name, span, values) in enums {
            let Some(field) = fields.iter_mut().find(|field| field.name == name) else {
                self.warn(
                    span,
                    format!(
                        "`{class_name}` has a setter for `{name}`, which is not one of its fields"
                    ),
                );
                continue;
            };
            match values {
                Ok(values) => {
                    let mut unique: Vec<String> = Vec::new();
                    for (value, value_span) in values {
                        if unique.contains(&value) {
                            self.warn(value_span, format!("`{value}` is listed twice in the allowed values of `{class_name}.{name}`"));
                        } else {
                            unique.push(value);
                        }
                    }
                    field.enum_values = Some(unique);
                    field.enum_span = span;
                }
                Err(error) => self.warn(
                    error.span,
                    format!(
                        "{}; no enum imported for `{class_name}.{name}`",
                        error.message
                    ),
                ),
            }
        }
        Ok(fields)
    }

    fn warn(&mut self, span: Range<usize>, message: String) {
        self.diagnostics
            .push(Diagnostic::warning(self.file, span, message));
    }
}

/// The index of the first `=` of a line outside brackets, after `from`.
fn top_level_equals(line: &Line, from: usize) -> Option<usize> {
    let mut depth = 0usize;
    for (index, token) in line.tokens.iter().enumerate().skip(from) {
        match token.kind {
            Kind::Op("(" | "[" | "{") => depth += 1,
            Kind::Op(")" | "]" | "}") => depth = depth.saturating_sub(1),
            Kind::Op("=") if depth == 0 => return Some(index),
            _ => {}
        }
    }
    None
}

/// The index after the block that the line at `start` opens: the first later line that is not
/// indented deeper.
pub(super) fn block_end(lines: &[Line], start: usize) -> usize {
    let indent = lines[start].indent;
    lines[start + 1..]
        .iter()
        .position(|line| line.indent <= indent)
        .map_or(lines.len(), |offset| start + 1 + offset)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Sources;

    fn read(text: &str) -> (ModuleOutcome, Vec<String>) {
        let mut sources = Sources::default();
        let file = sources.add("model.py".into(), text.to_owned());
        let mut diagnostics = Vec::new();
        let outcome = read_module(file, text, &mut diagnostics);
        (
            outcome,
            diagnostics
                .iter()
                .map(|diagnostic| sources.summarize(diagnostic))
                .collect(),
        )
    }

    fn model(text: &str) -> PythonModel {
        match read(text) {
            (ModuleOutcome::Model(model), diagnostics) if diagnostics.is_empty() => model,
            other => panic!("not a clean model: {other:?}"),
        }
    }

    fn strings_of(source: &str) -> Vec<String> {
        let lines = tokenize(source).expect("tokenizes");
        lines
            .iter()
            .flat_map(|line| &line.tokens)
            .filter_map(|token| match &token.kind {
                Kind::Str(value) => Some(value.clone()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn strings_decode_like_python() {
        let source = r#"a = ['x', "y", '''t"r'i''', """q""", u'u', r'\d\'', 'a\tb\\c\'d', "\x41\u00e9\U0001F600\101\q", 'one\
two']"#;
        assert_eq!(
            strings_of(source),
            [
                "x",
                "y",
                "t\"r'i",
                "q",
                "u",
                "\\d\\'",
                "a\tb\\c'd",
                "Aé😀A\\q",
                "onetwo"
            ]
        );
    }

    #[test]
    fn comments_continuations_and_brackets_make_logical_lines() {
        let source = "x = {  # a comment with 'quotes'\n    'a': 'b',\n\n    # another\n}\ny = 1 + \\\n    2\n\tz = 3\n";
        let lines = tokenize(source).expect("tokenizes");
        assert_eq!(
            lines
                .iter()
                .map(|line| (line.indent, line.tokens.len()))
                .collect::<Vec<_>>(),
            [(0, 8), (0, 5), (8, 3)]
        );
    }

    #[test]
    fn tokenizer_errors_have_positions() {
        for (source, at) in [
            ("x = 'abc\n", 4),
            ("x = [1, 2\n", 4),
            ("x = 1)\n", 5),
            ("x = $\n", 4),
            ("x = '\\N{DASH}'", 5),
        ] {
            let error = tokenize(source).expect_err(source);
            assert_eq!(error.span.start, at, "{source}: {error:?}");
        }
    }

    #[test]
    fn literals_parse_and_refuse_expressions() {
        let lines = tokenize("{'a': ['b', 'c' 'd'], 'e': None,}").expect("tokenizes");
        let (literal, _) = parse_literal(&lines[0].tokens, "{'a': ['b', 'c' 'd'], 'e': None,}", 0)
            .expect("parses");
        let Literal::Dict(entries) = literal else {
            panic!("not a dict")
        };
        assert_eq!(entries.len(), 2);
        assert!(
            matches!(&entries[0].1.0, Literal::List(items) if items.len() == 2 && items[1].0 == Literal::Str("cd".into()))
        );
        for source in ["dict(a=1)", "{'a' 'b'}", "['a',, 'b']", "'a'.lower()"] {
            let lines = tokenize(source).expect("tokenizes");
            assert!(
                parse_literal(&lines[0].tokens, source, source.len()).is_err(),
                "{source}"
            );
        }
        let deep = format!("{}{}", "[".repeat(100), "]".repeat(100));
        let lines = tokenize(&deep).expect("tokenizes");
        assert!(parse_literal(&lines[0].tokens, &deep, deep.len()).is_err());
    }

    #[test]
    fn untyped_swagger_module() {
        let source = r#"
class Thing(object):
    def __init__(self):
        self.swagger_types = {
            'issuer_uri': 'str',
            'state': 'str'
        }
        self.attribute_map = {
            'issuer_uri': 'issuerURI',  # an acronym
            'state': "state"
        }

    @property
    def state(self):
        return self._state

    @state.setter
    def state(self, state):
        allowed_values = ["Failed", 'failed', "8kHz", "failed"]
        if state.lower() not in map(str.lower, allowed_values):
            self._state = "outdated_sdk_version"
"#;
        let (outcome, diagnostics) = read(source);
        let ModuleOutcome::Model(model) = outcome else {
            panic!("{outcome:?}")
        };
        assert_eq!(model.class_name, "Thing");
        assert_eq!(
            model
                .fields
                .iter()
                .map(|field| (field.name.as_str(), field.wire_name.as_str()))
                .collect::<Vec<_>>(),
            [("issuer_uri", "issuerURI"), ("state", "state")]
        );
        assert_eq!(model.fields[0].enum_values, None);
        assert_eq!(
            model.fields[1].enum_values.as_deref(),
            Some(&["Failed".to_owned(), "failed".into(), "8kHz".into()][..])
        );
        assert_eq!(
            diagnostics,
            [
                "model.py:19:55: warning: `failed` is listed twice in the allowed values of `Thing.state`"
            ]
        );
    }

    #[test]
    fn typed_openapi_module_and_class_level_dicts() {
        let source = "class Pet(object):\n    openapi_types: Dict[str, str] = {'kind': 'str', 'tags': 'list[str]'}\n    attribute_map = {'kind': '$kind', 'tags': 'tags'}\n\n    def __init__(self, kind=None) -> None:\n        self._kind = kind\n\n    @kind.setter\n    def kind(self, kind: str) -> None:\n        if kind is not None:\n            allowed_values = ['a', 'b']  # noqa: E501\n\n    @tags.setter\n    def tags(self, tags: List[str]) -> None:\n        allowed_values = [\n            'x',\n        ]\n";
        let model = model(source);
        assert_eq!(model.fields[0].wire_name, "$kind");
        assert_eq!(
            model.fields[0].enum_values.as_deref(),
            Some(&["a".to_owned(), "b".into()][..])
        );
        assert_eq!(
            model.fields[1].enum_values.as_deref(),
            Some(&["x".to_owned()][..])
        );
    }

    #[test]
    fn a_setter_is_matched_by_its_decorator_and_name() {
        let source = "class A:\n    swagger_types = {'a': 'str', 'b': 'str'}\n    attribute_map = {'a': 'a', 'b': 'b'}\n    @a.setter\n    def b(self, b):\n        allowed_values = ['x']\n    def a(self, a):\n        allowed_values = ['y']\n";
        assert!(
            model(source)
                .fields
                .iter()
                .all(|field| field.enum_values.is_none())
        );
    }

    #[test]
    fn modules_that_cannot_be_read_are_reported_with_their_line() {
        let cases = [
            (
                "class A:\n    attribute_map = {'a': 'a'}\n",
                "model.py:1:7: warning: cannot read this model module: class `A` sets no `swagger_types` or `openapi_types`",
            ),
            (
                "class A:\n    swagger_types = {'a': 'str'}\n    attribute_map = {'a': 1}\n",
                "model.py:3:27: warning: cannot read this model module: `attribute_map[\"a\"]` of `A` is a number",
            ),
            (
                "class A:\n    def __init__(self):\n        self.attribute_map = {\n            'a': 'b'\n",
                "model.py:3:30: warning: cannot read this model module: `{` is never closed",
            ),
            (
                "class A:\n    swagger_types = build()\n",
                "model.py:2:26: warning: cannot read this model module: expected a literal, found an expression (`(`)",
            ),
        ];
        for (source, wanted) in cases {
            let (outcome, diagnostics) = read(source);
            assert_eq!(outcome, ModuleOutcome::Unreadable, "{source}");
            assert_eq!(diagnostics, [wanted]);
        }
    }

    #[test]
    fn field_level_problems_keep_the_rest_of_the_module() {
        let source = "class A:\n    swagger_types = {'a': 'int', 'b': 'str', 'c': 'str'}\n    attribute_map = {'a': 'a', 'b': 'b', 'd': 'd'}\n    @a.setter\n    def a(self, a):\n        allowed_values = [1, 2]\n";
        let (outcome, diagnostics) = read(source);
        let ModuleOutcome::Model(model) = outcome else {
            panic!("{outcome:?}")
        };
        assert_eq!(
            model
                .fields
                .iter()
                .map(|field| field.name.as_str())
                .collect::<Vec<_>>(),
            ["a", "b"]
        );
        assert_eq!(
            diagnostics,
            [
                "model.py:2:46: warning: `c` of `A` has a type but no `attribute_map` entry; skipped",
                "model.py:3:47: warning: `d` of `A` has an `attribute_map` entry but no type; skipped",
                "model.py:6:27: warning: an item of `allowed_values` is a number; no enum imported for `A.a`",
            ]
        );
    }

    #[test]
    fn a_module_without_a_class_is_not_a_model() {
        assert_eq!(
            read("from .a import A\nfrom .b import B\n").0,
            ModuleOutcome::NotAModel
        );
    }
}

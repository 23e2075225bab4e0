//! Doc comments from the docs' descriptions: plain text that rustdoc must read as plain text.
//!
//! Markdown punctuation is escaped (`[x]` is no link, `<tag>` no HTML, `*a*` no emphasis), bare
//! URLs become autolinks, and lines are trimmed so that nothing is an indented code block (a
//! doctest) or a heading. Nothing of the text is dropped.

use proc_macro2::{Literal, TokenStream};
use quote::quote;

/// `#[doc = " ..."]` attributes, one per line of the Markdown `markdown`.
pub fn doc_attributes(markdown: &str) -> TokenStream {
    let lines = doc_lines(markdown).into_iter().map(|line| doc_line(&line));
    quote! { #( #[doc = #lines] )* }
}

/// `#![doc = " ..."]` attributes (docs of the enclosing module), one per line of `markdown`.
pub fn inner_doc_attributes(markdown: &str) -> TokenStream {
    let lines = doc_lines(markdown).into_iter().map(|line| doc_line(&line));
    quote! { #( #![doc = #lines] )* }
}

/// The literal of a doc line's `#[doc = ...]` attribute: a raw string (`r" text"`, as a `///`
/// comment inside `quote!` becomes), which syn and prettyplease read back by slicing it where they
/// unescape a cooked string char by char (escaping and unescaping docs was a fifth of a cold run's
/// instructions). The line is printed as a `///` comment either way; one that starts with `/` (which
/// prettyplease prints as an attribute) or holds a carriage return (no raw string can) stays cooked.
pub fn doc_line(line: &str) -> Literal {
    if line.starts_with('/') || line.contains('\r') {
        return Literal::string(line);
    }
    // The closing delimiter is a quote and one `#` more than follow any quote in the line.
    let hashes = (line.match_indices('"'))
        .map(|(at, _)| 1 + line[at + 1..].bytes().take_while(|&b| b == b'#').count())
        .max()
        .unwrap_or(0);
    let fence = "#".repeat(hashes);
    format!("r{fence}\"{line}\"{fence}")
        .parse()
        .unwrap_or_else(|_| Literal::string(line))
}

/// The widest a doc line's text gets before it is wrapped: a comment indented once (`    /// `)
/// then ends within 100 columns.
const WIDTH: usize = 92;

/// The lines of a doc comment for `markdown`, each with the leading space of `/// `, wrapped at
/// [`WIDTH`]; runs of blank lines become one, and blank lines at either end are dropped.
fn doc_lines(markdown: &str) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for line in markdown.lines().map(str::trim_end) {
        if line.is_empty() {
            if lines.last().is_some_and(|last| !last.is_empty()) {
                lines.push(String::new());
            }
            continue;
        }
        let mut rest = line;
        while rest.len() > WIDTH
            && let Some(at) = wrap_point(rest)
        {
            lines.push(format!(" {}", &rest[..at]));
            rest = &rest[at + 1..];
        }
        lines.push(format!(" {rest}"));
    }
    while lines.last().is_some_and(String::is_empty) {
        lines.pop();
    }
    lines
}

/// Where to wrap `line`: the last space within [`WIDTH`] (else the first after it) that is outside
/// a code span and followed by a letter. A line that starts with anything else could start a
/// list, a heading or a code block, and a code span would gain a space.
fn wrap_point(line: &str) -> Option<usize> {
    let bytes = line.as_bytes();
    let mut in_code = false;
    let mut best = None;
    for (at, &byte) in bytes.iter().enumerate() {
        match byte {
            b'`' if at == 0 || bytes[at - 1] != b'\\' => in_code = !in_code,
            b' ' if !in_code && bytes.get(at + 1).is_some_and(u8::is_ascii_alphabetic) => {
                if at > WIDTH && best.is_some() {
                    break;
                }
                best = Some(at);
                if at > WIDTH {
                    break;
                }
            }
            _ => {}
        }
    }
    best.filter(|&at| at > 0)
}

/// Plain text (a description from the docs) as Markdown that renders as that text: each line
/// trimmed, Markdown punctuation escaped, bare URLs made autolinks.
pub fn plain_text(text: &str) -> String {
    text.lines()
        .map(|line| escape_line(line.trim()))
        .collect::<Vec<_>>()
        .join("\n")
}

/// `value` as a Markdown code span, with a fence longer than any run of backticks inside it.
pub fn code_span(value: &str) -> String {
    let longest = value.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest + 1);
    let pad = if value.starts_with('`') || value.ends_with('`') || value.is_empty() {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{value}{pad}{fence}")
}

fn escape_line(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    let mut rest = line;
    let mut at_line_start = true;
    while !rest.is_empty() {
        if let Some(length) = url_length(rest)
            && (out.is_empty() || out.ends_with(|c: char| !c.is_alphanumeric()))
        {
            out.push('<');
            out.push_str(&rest[..length]);
            out.push('>');
            rest = &rest[length..];
            at_line_start = false;
            continue;
        }
        let mut chars = rest.chars();
        let Some(c) = chars.next() else { break };
        let next = chars.next();
        let previous = out.chars().last();
        let needs_escape = match c {
            '\\' | '`' | '[' | ']' | '<' | '>' | '*' | '&' | '~' | '|' => true,
            '_' => {
                !(previous.is_some_and(char::is_alphanumeric)
                    && next.is_some_and(char::is_alphanumeric))
            }
            '#' | '+' | '-' | '=' => at_line_start,
            _ => false,
        };
        if needs_escape {
            out.push('\\');
        }
        out.push(c);
        if at_line_start && c.is_ascii_digit() {
            // `1. text` or `1) text` would start an ordered list.
            let digits = rest
                .find(|d: char| !d.is_ascii_digit())
                .unwrap_or(rest.len());
            out.push_str(&rest[1..digits]);
            rest = &rest[digits..];
            if rest.starts_with(['.', ')']) {
                out.push('\\');
            }
            at_line_start = false;
            continue;
        }
        at_line_start = false;
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// The length of the URL `text` starts with, if it starts with one.
fn url_length(text: &str) -> Option<usize> {
    if !(text.starts_with("https://") || text.starts_with("http://")) {
        return None;
    }
    let end = text
        .find(|c: char| {
            c.is_whitespace()
                || matches!(
                    c,
                    '<' | '>' | '"' | '`' | '[' | ']' | '{' | '}' | '|' | '\\' | '^'
                )
        })
        .unwrap_or(text.len());
    let url = text[..end].trim_end_matches(['.', ',', ';', ':', '!', '?', ')', '\'']);
    (url.len() > "https://".len()).then_some(url.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_what_rustdoc_would_read_as_markup() {
        let cases = [
            ("plain text", " plain text"),
            (
                "yyyy-MM-ddTHH:mm:ss[.mmm]Z",
                r" yyyy-MM-ddTHH:mm:ss\[.mmm\]Z",
            ),
            ("the <userId> value", r" the \<userId\> value"),
            ("['a','b','c']", r" \['a','b','c'\]"),
            ("a *b* c", r" a \*b\* c"),
            ("snake_case and _emph_", r" snake_case and \_emph\_"),
            ("# not a heading", r" \# not a heading"),
            ("- not a list", r" \- not a list"),
            ("1. not a list", r" 1\. not a list"),
            ("2021 was a year", " 2021 was a year"),
            (
                "see https://example.com/a_b.",
                " see <https://example.com/a_b>.",
            ),
            ("{\"key\": \"va\\\"lue\"}", r#" {"key": "va\\"lue"}"#),
            ("a `code` b", r" a \`code\` b"),
            ("AT&T", r" AT\&T"),
        ];
        for (text, expected) in cases {
            assert_eq!(doc_lines(&plain_text(text)), [expected], "{text}");
        }
    }

    #[test]
    fn trims_indentation_and_keeps_paragraphs() {
        assert_eq!(
            doc_lines(&plain_text("first\n\n\n    indented\n")),
            [" first", "", " indented"]
        );
        assert!(doc_lines(&plain_text("")).is_empty());
    }

    #[test]
    fn long_lines_wrap_before_letters_outside_code_spans() {
        let words = "word ".repeat(30);
        let lines = doc_lines(words.trim());
        assert!(lines.len() > 1 && lines.iter().all(|line| line.len() <= WIDTH + 1));
        assert_eq!(lines.join("").replace(' ', ""), "word".repeat(30));
        // Never before a digit, a dash or inside a code span.
        let tricky = format!("{} `a b c` - 1. x", "w".repeat(WIDTH - 6));
        let lines = doc_lines(&tricky);
        assert_eq!(
            lines,
            [
                format!(" {} `a b c` - 1.", "w".repeat(WIDTH - 6)),
                " x".to_owned()
            ]
        );
        let unbreakable = "x".repeat(WIDTH * 2);
        assert_eq!(doc_lines(&unbreakable), [format!(" {unbreakable}")]);
    }

    #[test]
    fn a_doc_line_reads_back_as_itself_and_prints_as_a_comment() {
        let lines = [
            "",
            " plain",
            r##" a "quote" and "# a hash after one"##,
            r###" "## two hashes, then "# one"###,
            r" back\slash \n and \u{1F600}",
            " unicode: é ✓ 😀",
            "/ starts with a slash",
            " a carriage\r return",
            " ends with a quote\"",
        ];
        for line in lines {
            let literal = doc_line(line);
            let value = syn::parse2::<syn::LitStr>(quote!(#literal)).map(|lit| lit.value());
            assert_eq!(value.ok().as_deref(), Some(line), "{literal}");
            // What the emitted files hold: the same `///` comment (or attribute) as the line's cooked
            // literal gives.
            let printed = |literal: Literal| {
                let file = syn::parse2(quote!(#[doc = #literal] struct S;)).expect("parses");
                prettyplease::unparse(&file)
            };
            assert_eq!(printed(literal), printed(Literal::string(line)), "{line}");
        }
        assert!(doc_line(" plain").to_string().starts_with('r'));
    }

    #[test]
    fn code_spans_fence_backticks() {
        assert_eq!(code_span("inbound"), "`inbound`");
        assert_eq!(code_span("a`b"), "``a`b``");
        assert_eq!(code_span("`x"), "`` `x ``");
    }
}

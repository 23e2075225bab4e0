//! Property tests of the type-expression parser: printing an expression and parsing the text
//! gives the same expression back, at any depth and with any spacing; and no input makes it
//! panic or report a span outside the input.

use markdown_model_codegen::model::{Container, Primitive};
use markdown_model_codegen::parse::{
    Leaf, TypeExpr, grammar_word, parse_type_expr, parse_type_expr_with_leaf_span,
};
use proptest::prelude::*;

fn container() -> impl Strategy<Value = Container> {
    prop_oneof![Just(Container::List), Just(Container::Map)]
}

/// Model names: letters, digits and `_` (any script), not starting with a digit, and not a name
/// the type language reserves (a primitive, an alias such as `StrictStr`, a bare `list`).
fn model_name() -> impl Strategy<Value = String> {
    "[A-Za-z_\u{e9}\u{4e2d}][A-Za-z0-9_\u{e9}\u{4e2d}]{0,12}"
        .prop_filter("a reserved name is not a model name", |name| {
            parse_type_expr(name).is_ok_and(|expr| expr.leaf == Leaf::Named(name.clone()))
        })
}

fn leaf() -> impl Strategy<Value = Leaf> {
    prop_oneof![
        proptest::sample::select(Primitive::ALL.to_vec()).prop_map(Leaf::Primitive),
        model_name().prop_map(Leaf::Named),
    ]
}

/// Expressions of any depth: mostly shallow, sometimes hundreds of containers deep.
fn type_expr() -> impl Strategy<Value = TypeExpr> {
    let containers = prop_oneof![
        4 => proptest::collection::vec(container(), 0..6),
        1 => proptest::collection::vec(container(), 0..2_000),
    ];
    (containers, leaf()).prop_map(|(containers, leaf)| TypeExpr { containers, leaf })
}

/// The expression printed with arbitrary white space between its tokens.
fn spaced(expr: &TypeExpr, spaces: &[&str]) -> String {
    let mut space = spaces.iter().cycle();
    let mut text = String::new();
    let mut push = |token: &str| {
        text.push_str(space.next().unwrap_or(&""));
        text.push_str(token);
    };
    for container in &expr.containers {
        match container {
            Container::List => {
                push("list");
                push("[");
            }
            Container::Map => {
                push("dict");
                push("(");
                push("str");
                push(",");
            }
        }
    }
    match &expr.leaf {
        Leaf::Primitive(primitive) => push(grammar_word(*primitive)),
        Leaf::Named(name) => push(name),
    }
    for container in expr.containers.iter().rev() {
        push(match container {
            Container::List => "]",
            Container::Map => ")",
        });
    }
    push("");
    text
}

proptest! {
    #[test]
    fn printing_then_parsing_gives_the_same_expression(expr in type_expr()) {
        let printed = expr.to_string();
        let parsed = parse_type_expr(&printed);
        prop_assert_eq!(parsed.as_ref(), Ok(&expr), "{}", printed);
        // Printing is canonical: the parsed expression prints the same text.
        prop_assert_eq!(parsed.unwrap().to_string(), printed);
    }

    #[test]
    fn white_space_between_tokens_does_not_matter(
        expr in type_expr(),
        spaces in proptest::collection::vec(prop_oneof![Just(""), Just(" "), Just("  "), Just("\t"), Just("\n")], 1..8),
    ) {
        let text = spaced(&expr, &spaces);
        prop_assert_eq!(parse_type_expr(&text), Ok(expr), "{:?}", text);
    }

    #[test]
    fn the_leaf_span_covers_the_innermost_name(expr in type_expr()) {
        let printed = expr.to_string();
        let (_, span) = parse_type_expr_with_leaf_span(&printed).unwrap();
        let name = match &expr.leaf {
            Leaf::Primitive(primitive) => grammar_word(*primitive),
            Leaf::Named(name) => name.as_str(),
        };
        prop_assert_eq!(&printed[span], name);
    }

    #[test]
    fn any_text_parses_or_fails_with_a_span_inside_it(text in "[\\[\\]() ,a-z_0-9\u{e9}]{0,40}|\\PC{0,40}") {
        match parse_type_expr(&text) {
            Ok(expr) => prop_assert_eq!(parse_type_expr(&expr.to_string()), Ok(expr)),
            Err(error) => {
                prop_assert!(error.span.start <= error.span.end && error.span.end <= text.len(), "{:?}", error);
                prop_assert!(text.is_char_boundary(error.span.start) && text.is_char_boundary(error.span.end));
            }
        }
    }
}

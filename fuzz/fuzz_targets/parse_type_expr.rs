//! Fuzzes the type-expression parser: it never panics, error spans lie inside the input on
//! character boundaries, and what parses prints back to text that parses to the same expression.

#![no_main]

use libfuzzer_sys::fuzz_target;
use markdown_model_codegen::parse::parse_type_expr;

fuzz_target!(|text: &str| {
    match parse_type_expr(text) {
        Ok(expr) => {
            let printed = expr.to_string();
            assert_eq!(parse_type_expr(&printed).as_ref(), Ok(&expr), "{printed}");
        }
        Err(error) => {
            assert!(
                error.span.start <= error.span.end && error.span.end <= text.len(),
                "{error:?}"
            );
            assert!(
                text.is_char_boundary(error.span.start) && text.is_char_boundary(error.span.end),
                "{error:?}"
            );
        }
    }
});

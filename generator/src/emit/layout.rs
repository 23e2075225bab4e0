//! The layout of a generated file: items formatted by prettyplease one by one, with a blank line
//! between them, and the table-like macro invocations (`model_serde!`, `open_enum!`) one entry
//! per line, which prettyplease would print as running text.

use proc_macro2::{Ident, TokenStream};

use crate::HEADER;

/// One top-level item of a file.
pub enum Item {
    /// Rust tokens: one item, or several that belong together (printed without blank lines).
    Tokens(TokenStream),
    /// A macro invocation whose body is `target { entry, entry, }`.
    Table {
        /// The macro's name (`model_serde`).
        name: &'static str,
        /// What the entries are of (a struct or enum name, and what follows it: `Code as i64`).
        target: TokenStream,
        /// The entries, each printed on its own line with a trailing comma.
        entries: Vec<TokenStream>,
        /// The field written after the entries as `..rest`, if any.
        rest: Option<Ident>,
    },
    /// An inline module: `head` is its attributes and `mod name {}`, whose body is `items`, laid
    /// out as a file's and indented.
    Module {
        /// The module's docs and attributes, and `pub mod name {}`.
        head: TokenStream,
        /// The items inside it.
        items: Vec<Item>,
    },
}

/// A file: the header comment, inner doc attributes (`#![doc]`, may be empty), and the items with
/// a blank line between them.
pub fn file(inner_docs: TokenStream, items: Vec<Item>) -> String {
    let mut out = format!("// {HEADER}\n");
    if !inner_docs.is_empty() {
        out.push('\n');
        out.push_str(&unparse(inner_docs));
    }
    push_items(&mut out, items);
    out
}

/// Each item after a blank line.
fn push_items(out: &mut String, items: Vec<Item>) {
    for item in items {
        out.push('\n');
        match item {
            Item::Tokens(tokens) => out.push_str(&unparse(tokens)),
            Item::Table {
                name,
                target,
                entries,
                rest,
            } => table(out, name, &target, &entries, rest),
            Item::Module { head, items } => {
                let head = unparse(head);
                let head = head
                    .strip_suffix("{}\n")
                    .unwrap_or_else(|| panic!("a module head ends in `{{}}`: {head}"));
                out.push_str(head);
                out.push('{');
                let mut inner = String::new();
                push_items(&mut inner, items);
                for line in inner.lines() {
                    if !line.is_empty() {
                        out.push_str("    ");
                        out.push_str(line);
                    }
                    out.push('\n');
                }
                out.push_str("}\n");
            }
        }
    }
}

fn unparse(tokens: TokenStream) -> String {
    let file: syn::File =
        syn::parse2(tokens).unwrap_or_else(|error| panic!("emitted Rust does not parse: {error}"));
    prettyplease::unparse(&file)
}

/// `name! {\n    target {\n        entry,\n    } ..rest\n}\n`.
fn table(
    out: &mut String,
    name: &str,
    target: &TokenStream,
    entries: &[TokenStream],
    rest: Option<Ident>,
) {
    out.push_str(name);
    out.push_str("! {\n    ");
    out.push_str(&target.to_string());
    if entries.is_empty() {
        out.push_str(" {}");
    } else {
        out.push_str(" {\n");
        for entry in entries {
            out.push_str("        ");
            out.push_str(&entry_text(entry));
            out.push_str(",\n");
        }
        out.push_str("    }");
    }
    if let Some(rest) = rest {
        out.push_str(" ..");
        out.push_str(&rest.to_string());
    }
    out.push_str("\n}\n");
}

/// An entry's text: its tokens, but a negative number that ends it (a number enum's
/// `Minus1 = -1`) written as Rust does, where proc_macro2 prints `- 1`, and a oneOf's
/// `Cat(fields)` without the space it prints.
fn entry_text(entry: &TokenStream) -> String {
    let text = entry.to_string();
    // A oneOf's struct variant: `Cat(fields)`, where proc_macro2 prints `Cat (fields)`.
    let text = match text.split_once(" (fields)") {
        Some((name, rest)) => format!("{name}(fields){rest}"),
        None => text,
    };
    match text.rsplit_once(" = - ") {
        Some((name, number)) if number.parse::<f64>().is_ok() => format!("{name} = -{number}"),
        _ => text,
    }
}

#[cfg(test)]
mod tests {
    use quote::{format_ident, quote};

    use super::*;

    #[test]
    fn items_are_apart_and_tables_have_one_entry_per_line() {
        let text = file(
            quote!(#![doc = " Docs."]),
            vec![
                Item::Tokens(quote!(
                    pub struct A {}
                )),
                Item::Table {
                    name: "model_serde",
                    target: quote!(A),
                    entries: vec![quote!(optional r#type = "type"), quote!(required b = "b\"")],
                    rest: None,
                },
                Item::Table {
                    name: "model_serde",
                    target: quote!(Empty),
                    entries: Vec::new(),
                    rest: Some(format_ident!("rest")),
                },
            ],
        );
        assert_eq!(
            text,
            format!(
                "// {HEADER}\n\n//! Docs.\n\npub struct A {{}}\n\nmodel_serde! {{\n    A {{\n        optional r#type = \"type\",\n        required b = \"b\\\"\",\n    }}\n}}\n\nmodel_serde! {{\n    Empty {{}} ..rest\n}}\n"
            )
        );
        syn::parse_file(&text).expect("the layout is Rust");
    }

    #[test]
    fn a_negative_number_entry_is_written_as_rust_writes_it() {
        let minus_one = proc_macro2::Literal::i64_unsuffixed(-1);
        let text = file(
            TokenStream::new(),
            vec![Item::Table {
                name: "open_enum",
                target: quote!(Code as i64),
                entries: vec![quote!(Minus1 = #minus_one), quote!(X = "a = - 1")],
                rest: None,
            }],
        );
        assert!(
            text.contains("    Code as i64 {\n        Minus1 = -1,\n        X = \"a = - 1\",\n"),
            "{text}"
        );
    }

    #[test]
    fn an_inline_module_holds_its_items_indented() {
        let text = file(
            TokenStream::new(),
            vec![Item::Module {
                head: quote!(
                    /// Enums.
                    pub mod get_pets {}
                ),
                items: vec![
                    Item::Tokens(quote!(
                        pub enum A {}
                    )),
                    Item::Table {
                        name: "open_enum",
                        target: quote!(A),
                        entries: vec![quote!(X = "x")],
                        rest: None,
                    },
                ],
            }],
        );
        assert_eq!(
            text,
            format!(
                "// {HEADER}\n\n/// Enums.\npub mod get_pets {{\n    pub enum A {{}}\n\n    open_enum! {{\n        A {{\n            X = \"x\",\n        }}\n    }}\n}}\n"
            )
        );
        syn::parse_file(&text).expect("the layout is Rust");
    }
}

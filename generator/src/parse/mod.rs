//! Parse: Markdown model pages into their syntax ([`ModelPage`]), one page at a time.
//!
//! Nothing here knows about other pages or about Rust: resolving references, naming and
//! overrides belong to [`crate::model`].

mod page;
mod type_expr;

pub use page::{ModelPage, PageOutcome, PropertyRow, Spanned, parse_page};
pub use type_expr::{
    Container, Leaf, Primitive, TypeExpr, TypeSyntaxError, parse_type_expr,
    parse_type_expr_with_leaf_span,
};

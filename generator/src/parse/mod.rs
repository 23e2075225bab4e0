//! Parse: Markdown pages into their syntax, one page at a time: model pages ([`ModelPage`]) and
//! operation pages ([`OperationPage`]).
//!
//! Nothing here knows about other pages or about Rust: resolving references, naming and
//! overrides belong to [`crate::model`].

mod dialect;
mod operations;
mod page;
mod type_expr;

pub use dialect::{
    Dialect, apply_folder_conventions, folder_dialect, name_the_type_syntax, python_api_name,
};
pub use operations::{
    HttpMethod, OperationPage, OperationSection, ParameterRow, Permissions, TypeCell,
    looks_like_operations, parse_operations,
};
pub use page::{EnumValues, ModelPage, PageOutcome, PropertyRow, Spanned, parse_page};
pub use type_expr::{
    Container, Leaf, ParsedType, Primitive, TypeExpr, TypeSyntaxError, parse_type, parse_type_expr,
    parse_type_expr_with_leaf_span,
};

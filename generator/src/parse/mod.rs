//! Parse: Markdown pages into their syntax, one page at a time: model pages ([`ModelPage`]) and
//! operation pages ([`OperationPage`]).
//!
//! Nothing here knows about other pages or about Rust: resolving references, naming and
//! overrides belong to [`crate::model`].

mod dialect;
mod dialects;
mod folder;
mod operations;
mod other_folders;
mod page;
mod schema_sections;
mod stated_places;
mod type_expr;
mod types;

pub use dialect::{
    Dialect, DialectSpec, Holds, Inexact, Mark, NameReader, Opener, Qualified, Word,
};
pub use dialects::{named as dialect_named, names as dialect_names, python_api_name};
pub use folder::{
    apply_folder_conventions, apply_operation_conventions, folder_dialect, inherit_all_of_members,
    name_pages_titled_as_types, name_the_type_syntax, restore_escaped_titles, restore_model_names,
    shows_no_property,
};
pub use operations::{
    InCall, OperationPage, OperationSection, ParameterRow, looks_like_operations, parse_operations,
};
pub use other_folders::{OtherFolder, take_from_other_folders};
pub use page::{EnumValues, ModelPage, PageOutcome, PropertyRow, Spanned, TypeCell, parse_page};
pub use schema_sections::parse_schema_sections_page;
pub use stated_places::StatedPlace;
pub use type_expr::{
    ParsedType, TypeSyntaxError, parse_type, parse_type_expr, parse_type_expr_with_leaf_span,
};
pub use types::{Discriminator, Leaf, OneOf, TypeExpr, grammar_primitive, grammar_word};

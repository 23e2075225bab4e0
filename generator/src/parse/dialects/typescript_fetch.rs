//! openapi-generator's `typescript-fetch`: TypeScript's types in a `Name | Type` table (no
//! descriptions, no Notes: the page does not say which fields are required); the Name column the
//! TypeScript property (camelCase by default, the template's `modelPropertyNaming`), so
//! `[naming] wire` applies; enum pages an empty table.

use crate::parse::dialect::{DialectSpec, Mark};

/// typescript-fetch's description. Its type syntax marks TypeScript's dialect, not this one: its
/// pages are known by their table.
pub static SPEC: DialectSpec = DialectSpec {
    reads_operations: true,
    file_types: &["Blob"],
    name: "typescript-fetch",
    api_name: super::typescript::api_name,
    type_syntax: super::typescript::TYPE_SYNTAX,
    marks: &[Mark::NameTypeHeader],
    primitives: super::typescript::PRIMITIVES,
    inexact: super::typescript::NOTES,
    primitives_before_pages: super::typescript::BEFORE_PAGES,
    ..DialectSpec::EMPTY
};

//! openapi-generator's `python-prior` (2021): `[X]`, `{str: (X,)}`, `none_type`, unions written
//! `A, B` or `(A, B,)`, `**any string name**` rows, enums as a `value` row that `must be one of
//! [...]`, and the `isAlias` / `isArray` form: a page whose only row is a required `value`.

use crate::parse::dialect::{DialectSpec, Mark, Word};

/// `python-prior`'s description.
pub static SPEC: DialectSpec = DialectSpec {
    name: "python-prior",
    api_name: super::python::api_name,
    type_syntax: "python-prior types are `str`, `int`, `float`, `bool`, `date`, `datetime`, \
                  `[T]`, `{str: (T,)}`, unions such as `str, none_type`, or a model name",
    documents_operations: true,
    value_row_is_alias: true,
    writes_angle_brackets: false,
    words: &[("none_type", Word::Null)],
    marks: &[
        // `[X]` is Swift's too; with a Python type name inside it is only this template's.
        Mark::BracketList,
        Mark::BracketListOf("str"),
        Mark::BracketListOf("int"),
        Mark::BracketListOf("float"),
        Mark::BracketListOf("bool"),
        Mark::BracketListOf("date"),
        Mark::BracketListOf("datetime"),
        Mark::BracketListOf("none_type"),
        Mark::BraceMap,
        Mark::ParenthesizedUnion,
        Mark::CommaUnion,
        Mark::AnyStringNameRow,
        Mark::ValueRowEnum,
    ],
    ..DialectSpec::EMPTY
};

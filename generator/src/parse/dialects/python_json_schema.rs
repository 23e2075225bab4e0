//! openapi-generator 6.x's `python` (its `python-experimental` of 6.0 and 6.1; continued as
//! openapi-json-schema-generator): handlebars templates whose model pages are nested schema
//! sections (`model_doc.handlebars` and its `schema_doc` partial, read by `schema_sections.rs`).
//! A type is written as the Python classes a value may be given as (`schema_python_types`):
//! `str, date, `, `decimal.Decimal, int, `, `list, tuple, `, `dict, frozendict.frozendict, `,
//! `None, ` for `null`; the Key column is the JSON name itself.

use crate::model::Primitive;
use crate::parse::dialect::{DialectSpec, Mark, Word};

/// The description of openapi-generator 6.x's `python`.
pub static SPEC: DialectSpec = DialectSpec {
    // `api_doc.handlebars` states each parameter's place (`stated_places.rs`).
    reads_operations: true,
    // The signature line's `{{returnType}}` of a binary success (`> file_type download_photo(...)`).
    file_types: &["file_type"],
    words: &[("file_type", Word::Primitive(Primitive::String))],
    name: "python-json-schema",
    type_syntax: "python (6.x) types are the Python classes a value may be: `str, `, `str, date, `, \
                  `str, datetime, `, `str, uuid.UUID, `, `decimal.Decimal, int, `, \
                  `decimal.Decimal, int, float, `, `bool, `, `bytes, io.FileIO, \
                  io.BufferedReader, `, `list, tuple, `, `dict, frozendict.frozendict, `, with \
                  `None, ` for `null`, or a model link",
    // `schema_doc.handlebars` writes `{{@key}}` and `{{baseName}}`: the JSON name.
    names_are_json: true,
    writes_angle_brackets: false,
    marks: &[Mark::ModelTypeInfo],
    ..DialectSpec::EMPTY
};

/// What an Input Type cell's classes say a value is (`schema_python_types.handlebars`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InputType {
    /// The kind of value.
    pub kind: InputKind,
    /// `None` is among the classes: the value may be `null`.
    pub nullable: bool,
}

/// The kinds of value an Input Type cell names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputKind {
    /// Any JSON value (`isAnyType`: every class; a composed schema's own cell too).
    Any,
    /// An array (`list, tuple`): its items are in the section's `### Tuple Items` table.
    List,
    /// An object (`dict, frozendict.frozendict`): its keys are in the section's
    /// `### Dictionary Keys` table.
    Object,
    /// A primitive value.
    Primitive(Primitive),
}

/// What the classes of an Input Type cell (`str`, `date`, `None`...) say a value is: the most
/// precise class the template writes for the schema (a `date` string is `str, date`, an
/// integer `decimal.Decimal, int`, a number `decimal.Decimal, int, float`); `Err` with the
/// first class the template never writes. The classes of `isAnyType` (`dict` and `list` and
/// `str` among them) are any JSON value, `None` included.
pub fn input_type(classes: &[&str]) -> Result<InputType, String> {
    if let Some(unknown) = classes.iter().find(|class| !CLASSES.contains(class)) {
        return Err((*unknown).to_owned());
    }
    let has = |class: &str| classes.contains(&class);
    let nullable = has("None");
    let kind = if has("dict") && has("list") && has("str") {
        return Ok(InputType {
            kind: InputKind::Any,
            nullable: false,
        });
    } else if has("list") || has("tuple") {
        InputKind::List
    } else if has("dict") || has("frozendict.frozendict") {
        InputKind::Object
    } else if has("date") {
        InputKind::Primitive(Primitive::Date)
    } else if has("datetime") {
        InputKind::Primitive(Primitive::DateTime)
    } else if has("float") {
        InputKind::Primitive(Primitive::Float)
    } else if has("int") || has("decimal.Decimal") {
        InputKind::Primitive(Primitive::Integer)
    } else if has("bool") {
        InputKind::Primitive(Primitive::Boolean)
    } else if has("str") || has("bytes") || has("io.FileIO") || has("io.BufferedReader") {
        // A `uuid` is `str, uuid.UUID`; a binary `bytes, io.FileIO, io.BufferedReader`: the
        // string sent.
        InputKind::Primitive(Primitive::String)
    } else {
        // `None` alone (`type: 'null'`) or no class: nothing but `null` is said.
        InputKind::Any
    };
    Ok(InputType { kind, nullable })
}

/// Every class `schema_python_types.handlebars` writes.
const CLASSES: &[&str] = &[
    "dict",
    "frozendict.frozendict",
    "str",
    "date",
    "datetime",
    "uuid.UUID",
    "int",
    "float",
    "decimal.Decimal",
    "bool",
    "None",
    "list",
    "tuple",
    "bytes",
    "io.FileIO",
    "io.BufferedReader",
];

/// An enum value as `notes_msg.handlebars` lists it (`must be one of ["a", 1, None, True, ]`),
/// as JSON writes it: the template's `None`, `True` and `False` are `null`, `true` and `false`.
pub fn enum_literal(literal: &str) -> &str {
    match literal {
        "None" => "null",
        "True" => "true",
        "False" => "false",
        literal => literal,
    }
}

#[cfg(test)]
mod tests {
    use super::{InputKind, InputType, enum_literal, input_type};
    use crate::model::Primitive;

    fn read(cell: &str) -> InputType {
        let classes: Vec<&str> = cell
            .split(',')
            .map(str::trim)
            .filter(|class| !class.is_empty())
            .collect();
        input_type(&classes).unwrap_or_else(|unknown| panic!("{cell}: unknown {unknown}"))
    }

    /// Every Input Type `schema_python_types.handlebars` writes, with what it is read as.
    #[test]
    fn reads_every_input_type_the_template_writes() {
        let primitive = |primitive| InputKind::Primitive(primitive);
        for (cell, kind, nullable) in [
            ("str, ", primitive(Primitive::String), false),
            ("str, date, ", primitive(Primitive::Date), false),
            ("str, datetime, ", primitive(Primitive::DateTime), false),
            ("str, uuid.UUID, ", primitive(Primitive::String), false),
            (
                "bytes, io.FileIO, io.BufferedReader, ",
                primitive(Primitive::String),
                false,
            ),
            (
                "decimal.Decimal, int, ",
                primitive(Primitive::Integer),
                false,
            ),
            (
                "decimal.Decimal, int, float, ",
                primitive(Primitive::Float),
                false,
            ),
            ("bool, ", primitive(Primitive::Boolean), false),
            ("None, str, ", primitive(Primitive::String), true),
            (
                "None, decimal.Decimal, int, ",
                primitive(Primitive::Integer),
                true,
            ),
            ("list, tuple, ", InputKind::List, false),
            ("list, tuple, None, ", InputKind::List, true),
            ("dict, frozendict.frozendict, ", InputKind::Object, false),
            (
                "dict, frozendict.frozendict, None, ",
                InputKind::Object,
                true,
            ),
            ("None, ", InputKind::Any, true),
            (
                "dict, frozendict.frozendict, str, date, datetime, uuid.UUID, int, float, \
                 decimal.Decimal, bool, None, list, tuple, bytes, io.FileIO, io.BufferedReader, ",
                InputKind::Any,
                false,
            ),
            // The `any_string_name` row of a schema that does not declare
            // `additionalProperties`.
            (
                "dict, frozendict.frozendict, str, date, datetime, int, float, bool, \
                 decimal.Decimal, None, list, tuple, bytes, io.FileIO, io.BufferedReader",
                InputKind::Any,
                false,
            ),
        ] {
            assert_eq!(read(cell), InputType { kind, nullable }, "{cell}");
        }
    }

    #[test]
    fn a_class_the_template_never_writes_is_named() {
        assert_eq!(input_type(&["str", "Pet"]), Err("Pet".to_owned()));
    }

    #[test]
    fn python_literals_are_json_literals() {
        for (literal, json) in [
            ("None", "null"),
            ("True", "true"),
            ("False", "false"),
            ("\"None\"", "\"None\""),
            ("1.5", "1.5"),
        ] {
            assert_eq!(enum_literal(literal), json);
        }
    }
}

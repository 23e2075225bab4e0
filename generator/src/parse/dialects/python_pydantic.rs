//! openapi-generator's pydantic templates (`python` since 7.0, `python-pydantic-v1`): `List[X]`,
//! `Dict[str, X]`, `Optional[X]`, `Union[A, B]`, `StrictStr`; enum pages with a `## Enum` list.

use crate::parse::dialect::{DialectSpec, Holds, Opener, Word};
use crate::parse::types::Primitive;

/// The pydantic templates' description.
pub static SPEC: DialectSpec = DialectSpec {
    name: "python-pydantic",
    api_name: super::python::api_name,
    type_syntax: "pydantic types are `str`, `int`, `float`, `bool`, `date`, `datetime`, \
                  `object`, `StrictStr`-style aliases, `Any`, `List[T]`, `Dict[str, T]`, \
                  `Optional[T]`, `Union[A, B]`, or a model name",
    documents_operations: true,
    writes_angle_brackets: false,
    words: &[
        ("None", Word::Null),
        // Bytes are base64 strings on the wire.
        ("StrictStr", Word::Primitive(Primitive::Str)),
        ("StrictBytes", Word::Primitive(Primitive::Str)),
        ("bytearray", Word::Primitive(Primitive::Str)),
        ("bytes", Word::Primitive(Primitive::Str)),
        ("StrictInt", Word::Primitive(Primitive::Int)),
        ("StrictFloat", Word::Primitive(Primitive::Float)),
        ("StrictBool", Word::Primitive(Primitive::Bool)),
        ("Any", Word::Primitive(Primitive::Object)),
    ],
    containers: &[
        Opener {
            name: "List",
            bracket: '[',
            holds: Holds::List,
        },
        Opener {
            name: "Set",
            bracket: '[',
            holds: Holds::List,
        },
        Opener {
            name: "Dict",
            bracket: '[',
            holds: Holds::Map("str"),
        },
        Opener {
            name: "Optional",
            bracket: '[',
            holds: Holds::Optional,
        },
        Opener {
            name: "Union",
            bracket: '[',
            holds: Holds::Union,
        },
    ],
    ..DialectSpec::EMPTY
};

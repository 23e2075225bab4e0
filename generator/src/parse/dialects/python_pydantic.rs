//! openapi-generator's pydantic templates (`python` since 7.0, `python-nextgen` 6.x,
//! `python-pydantic-v1`): `List[X]`, `Dict[str, X]`, `Optional[X]`, `Union[A, B]`, `StrictStr`,
//! bare `Dict`, `UUID`, `decimal.Decimal`, `bytearray` / `bytes`; enum pages with a `## Enum` list.

use crate::model::{Container, Primitive};
use crate::parse::dialect::{DialectSpec, Holds, Opener, Word};

/// The pydantic templates' description.
pub static SPEC: DialectSpec = DialectSpec {
    reads_operations: true,
    file_types: &["bytearray", "bytes"],
    name: "python-pydantic",
    api_name: super::python::api_name,
    type_syntax: "pydantic types are `str`, `int`, `float`, `bool`, `date`, `datetime`, \
                  `object`, `UUID`, `decimal.Decimal`, `bytearray`, `StrictStr`-style aliases, \
                  `Any`, `List[T]`, `Dict[str, T]`, `Dict`, `Optional[T]`, `Union[A, B]`, or a \
                  model name",
    writes_angle_brackets: false,
    words: &[
        ("None", Word::Null),
        // Bytes are base64 strings on the wire.
        ("StrictStr", Word::Primitive(Primitive::String)),
        ("StrictBytes", Word::Primitive(Primitive::String)),
        ("bytearray", Word::Primitive(Primitive::String)),
        ("bytes", Word::Primitive(Primitive::String)),
        ("StrictInt", Word::Primitive(Primitive::Integer)),
        ("StrictFloat", Word::Primitive(Primitive::Float)),
        ("StrictBool", Word::Primitive(Primitive::Boolean)),
        ("Any", Word::Primitive(Primitive::Any)),
        // `type: string, format: decimal` (`typeMapping` `decimal`): the string sent.
        ("decimal.Decimal", Word::Primitive(Primitive::String)),
        // A `map` whose values the template does not say (a free-form object behind a `$ref`:
        // `List[Dict]`).
        ("Dict", Word::Container(Container::Map)),
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
    // `UUID` (7.x's `typeMapping` of `uuid`) is Java's too.
    primitives: &[("UUID", Primitive::String)],
    ..DialectSpec::EMPTY
};

#[cfg(test)]
mod tests {
    use super::super::read_in_folder;

    /// Every type the templates write, at every version, with its neutral reading.
    #[test]
    fn reads_the_pydantic_vocabulary() {
        for (text, neutral) in [
            ("str", "str"),
            ("StrictStr", "str"),
            ("UUID", "str"),
            ("List[UUID]", "list[str]"),
            ("decimal.Decimal", "str"),
            ("bytearray", "str"),
            ("bytes", "str"),
            ("object", "object"),
            ("Any", "object"),
            ("List[List[int]]", "list[list[int]]"),
            ("Dict[str, Dict[str, bool]]", "dict(str, dict(str, bool))"),
            ("Dict[str, Optional[object]]", "dict(str, object)"),
            ("List[Optional[str]]", "list[str]"),
            ("Dict", "dict(str, object)"),
            ("List[Dict]", "list[dict(str, object)]"),
            ("Dict[str, Dict]", "dict(str, dict(str, object))"),
        ] {
            let read = read_in_folder("python-pydantic", text);
            assert_eq!(read, (neutral.to_owned(), None), "{text}");
        }
        // A bare `List` is no container: a model so named (read here without its page, as a
        // model of the generator's default import mapping, of which it wrote none).
        let (read, note) = read_in_folder("python-pydantic", "List[List]");
        assert_eq!((read.as_str(), note.is_some()), ("list[object]", true));
    }
}

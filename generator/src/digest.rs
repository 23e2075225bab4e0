//! `Digest`: a 128-bit XXH3 hash, stable across platforms, toolchains and runs (unlike std's
//! `DefaultHasher`), so it can be recorded in a generated crate and compared by a later run.

use std::cell::RefCell;
use std::fmt;

use serde::Serialize;
use serde::ser::{
    SerializeMap, SerializeSeq, SerializeStruct, SerializeStructVariant, SerializeTuple,
    SerializeTupleStruct, SerializeTupleVariant, Serializer,
};

use xxhash_rust::xxh3::xxh3_128;

/// A 128-bit hash of some bytes, written as 32 lowercase hex digits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Digest(u128);

impl Digest {
    /// The digest of `bytes`.
    pub fn of_bytes(bytes: &[u8]) -> Self {
        Digest(xxh3_128(bytes))
    }

    /// The digest of `value` as serde sees it (every field, by name), after the digests `before`
    /// (which say what the value is part of).
    pub fn of_value(before: &[Digest], value: &impl Serialize) -> Self {
        SERIALIZED.with_borrow_mut(|serialized| {
            serialized.clear();
            for digest in before {
                serialized.extend_from_slice(&digest.0.to_le_bytes());
            }
            let Ok(()) = value.serialize(Encoder(serialized));
            Digest::of_bytes(serialized)
        })
    }

    /// Its 16 bytes, little-endian.
    pub fn to_le_bytes(self) -> [u8; 16] {
        self.0.to_le_bytes()
    }

    /// The digest whose [`Self::to_le_bytes`] are `bytes`.
    pub fn from_le_bytes(bytes: [u8; 16]) -> Self {
        Digest(u128::from_le_bytes(bytes))
    }

    /// Reads 32 hex digits as [`Digest`]'s `Display` writes them.
    pub fn parse(text: &str) -> Option<Self> {
        if text.len() != 32 || !text.bytes().all(|byte| byte.is_ascii_hexdigit()) {
            return None;
        }
        u128::from_str_radix(text, 16).ok().map(Digest)
    }
}

/// A digest inside a value that is digested: its 16 bytes.
impl Serialize for Digest {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_bytes(&self.0.to_le_bytes())
    }
}

impl fmt::Display for Digest {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(formatter, "{:032x}", self.0)
    }
}

thread_local! {
    /// The buffer [`Digest::of_value`] encodes into, kept between calls (hashing it in one go is
    /// several times faster than feeding the hasher many small writes).
    static SERIALIZED: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
}

/// Writes a value in serde's data model as bytes that tell every value apart: a tag byte per
/// value, the length before a string, an end byte after a sequence, map or struct, every field
/// with its name. Unlike JSON, strings are copied, not escaped: keys are computed on every run.
struct Encoder<'a>(&'a mut Vec<u8>);

/// The tag bytes of [`Encoder`].
mod tag {
    pub const UNIT: u8 = 0;
    pub const FALSE: u8 = 1;
    pub const TRUE: u8 = 2;
    pub const INTEGER: u8 = 3;
    pub const FLOAT: u8 = 4;
    pub const STRING: u8 = 5;
    pub const NONE: u8 = 6;
    pub const SOME: u8 = 7;
    pub const VARIANT: u8 = 8;
    pub const SEQUENCE: u8 = 9;
    pub const MAP: u8 = 10;
    pub const STRUCT: u8 = 11;
    pub const END: u8 = 12;
}

impl Encoder<'_> {
    fn bytes(&mut self, tag: u8, bytes: &[u8]) {
        self.0.push(tag);
        self.0
            .extend_from_slice(&(bytes.len() as u64).to_le_bytes());
        self.0.extend_from_slice(bytes);
    }

    fn integer(self, value: i128) -> Result<(), Never> {
        self.0.push(tag::INTEGER);
        self.0.extend_from_slice(&value.to_le_bytes());
        Ok(())
    }

    /// A variant, by its name: an enum's variants may be reordered.
    fn variant(&mut self, name: &'static str) {
        self.bytes(tag::VARIANT, name.as_bytes());
    }

    fn open(self, tag: u8) -> Result<Self, Never> {
        self.0.push(tag);
        Ok(self)
    }

    fn open_variant(mut self, name: &'static str, tag: u8) -> Result<Self, Never> {
        self.variant(name);
        self.open(tag)
    }
}

/// [`Encoder`] cannot fail.
#[derive(Debug)]
enum Never {}

impl fmt::Display for Never {
    fn fmt(&self, _: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {}
    }
}

impl std::error::Error for Never {}

impl serde::ser::Error for Never {
    fn custom<T: fmt::Display>(message: T) -> Self {
        panic!("the type model serializes without custom errors: {message}")
    }
}

/// The serializer methods of integers, each encoded as an `i128`.
macro_rules! integers {
    ($($method:ident: $type:ty),* $(,)?) => {$(
        fn $method(self, value: $type) -> Result<(), Never> {
            self.integer(value.into())
        }
    )*};
}

impl<'a> Serializer for Encoder<'a> {
    type Ok = ();
    type Error = Never;
    type SerializeSeq = Self;
    type SerializeTuple = Self;
    type SerializeTupleStruct = Self;
    type SerializeTupleVariant = Self;
    type SerializeMap = Self;
    type SerializeStruct = Self;
    type SerializeStructVariant = Self;

    fn serialize_bool(self, value: bool) -> Result<(), Never> {
        self.0.push(if value { tag::TRUE } else { tag::FALSE });
        Ok(())
    }
    integers! {
        serialize_i8: i8, serialize_i16: i16, serialize_i32: i32, serialize_i64: i64,
        serialize_i128: i128, serialize_u8: u8, serialize_u16: u16, serialize_u32: u32,
        serialize_u64: u64,
    }
    fn serialize_f32(self, value: f32) -> Result<(), Never> {
        self.serialize_f64(value.into())
    }
    fn serialize_f64(self, value: f64) -> Result<(), Never> {
        self.0.push(tag::FLOAT);
        self.0.extend_from_slice(&value.to_bits().to_le_bytes());
        Ok(())
    }
    fn serialize_char(self, value: char) -> Result<(), Never> {
        self.serialize_str(value.encode_utf8(&mut [0; 4]))
    }
    fn serialize_str(mut self, value: &str) -> Result<(), Never> {
        self.bytes(tag::STRING, value.as_bytes());
        Ok(())
    }
    fn serialize_bytes(mut self, value: &[u8]) -> Result<(), Never> {
        self.bytes(tag::STRING, value);
        Ok(())
    }
    fn serialize_none(self) -> Result<(), Never> {
        self.0.push(tag::NONE);
        Ok(())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Never> {
        self.0.push(tag::SOME);
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), Never> {
        self.0.push(tag::UNIT);
        Ok(())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), Never> {
        self.serialize_unit()
    }
    fn serialize_unit_variant(
        mut self,
        _: &'static str,
        _: u32,
        name: &'static str,
    ) -> Result<(), Never> {
        self.variant(name);
        Ok(())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<(), Never> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        mut self,
        _: &'static str,
        _: u32,
        name: &'static str,
        value: &T,
    ) -> Result<(), Never> {
        self.variant(name);
        value.serialize(self)
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self, Never> {
        self.open(tag::SEQUENCE)
    }
    fn serialize_tuple(self, _: usize) -> Result<Self, Never> {
        self.open(tag::SEQUENCE)
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Self, Never> {
        self.open(tag::SEQUENCE)
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        name: &'static str,
        _: usize,
    ) -> Result<Self, Never> {
        self.open_variant(name, tag::SEQUENCE)
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self, Never> {
        self.open(tag::MAP)
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self, Never> {
        self.open(tag::STRUCT)
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        name: &'static str,
        _: usize,
    ) -> Result<Self, Never> {
        self.open_variant(name, tag::STRUCT)
    }
}

impl Encoder<'_> {
    fn element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Never> {
        value.serialize(Encoder(self.0))
    }

    fn field<T: Serialize + ?Sized>(&mut self, name: &'static str, value: &T) -> Result<(), Never> {
        self.bytes(tag::STRING, name.as_bytes());
        self.element(value)
    }

    fn end(self) -> Result<(), Never> {
        self.0.push(tag::END);
        Ok(())
    }
}

/// The impls of serde's compound serializers, which differ only in their names: each element,
/// or each named field, encoded in turn, then the end byte.
macro_rules! compound {
    ($($serializer:ident: $method:ident;)*) => {$(
        impl $serializer for Encoder<'_> {
            type Ok = ();
            type Error = Never;
            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Never> {
                self.element(value)
            }
            fn end(self) -> Result<(), Never> {
                Encoder::end(self)
            }
        }
    )*};
    ($($serializer:ident: $method:ident(name);)*) => {$(
        impl $serializer for Encoder<'_> {
            type Ok = ();
            type Error = Never;
            fn $method<T: Serialize + ?Sized>(
                &mut self,
                name: &'static str,
                value: &T,
            ) -> Result<(), Never> {
                self.field(name, value)
            }
            fn end(self) -> Result<(), Never> {
                Encoder::end(self)
            }
        }
    )*};
}

compound! {
    SerializeSeq: serialize_element;
    SerializeTuple: serialize_element;
    SerializeTupleStruct: serialize_field;
    SerializeTupleVariant: serialize_field;
}

compound! {
    SerializeStruct: serialize_field(name);
    SerializeStructVariant: serialize_field(name);
}

impl SerializeMap for Encoder<'_> {
    type Ok = ();
    type Error = Never;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Never> {
        self.element(key)
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Never> {
        self.element(value)
    }
    fn end(self) -> Result<(), Never> {
        Encoder::end(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_digest_reads_back_from_its_text_and_nothing_else_does() {
        let digest = Digest::of_bytes(b"pub struct Pet;");
        assert_eq!(Digest::parse(&digest.to_string()), Some(digest));
        assert_ne!(digest, Digest::of_bytes(b"pub struct Pet; "));
        for text in ["", "0", "g0000000000000000000000000000000", &"0".repeat(33)] {
            assert_eq!(Digest::parse(text), None, "{text:?}");
        }
    }

    #[test]
    fn a_value_digest_depends_on_the_value_and_on_what_comes_before() {
        let base = Digest::of_bytes(b"base");
        let one = Digest::of_value(&[base], &("Pet", 1));
        assert_eq!(one, Digest::of_value(&[base], &("Pet", 1)));
        assert_ne!(one, Digest::of_value(&[base], &("Pet", 2)));
        assert_ne!(one, Digest::of_value(&[], &("Pet", 1)));
    }

    /// Fields skipped when empty must not make two values one: every field goes with its name.
    #[test]
    fn values_that_differ_only_in_which_field_is_there_differ() {
        #[derive(serde::Serialize)]
        struct Row {
            #[serde(skip_serializing_if = "Option::is_none")]
            name: Option<&'static str>,
            #[serde(skip_serializing_if = "Option::is_none")]
            kind: Option<&'static str>,
        }
        let name = Row {
            name: Some("x"),
            kind: None,
        };
        let kind = Row {
            name: None,
            kind: Some("x"),
        };
        assert_ne!(Digest::of_value(&[], &name), Digest::of_value(&[], &kind));
        // A string's length goes before it: ("ab", "c") and ("a", "bc") differ.
        assert_ne!(
            Digest::of_value(&[], &("ab", "c")),
            Digest::of_value(&[], &("a", "bc"))
        );
        assert_ne!(
            Digest::of_value(&[], &(vec![1], 2)),
            Digest::of_value(&[], &(vec![1, 2],))
        );
    }
}

//! The support code of the generated crate, the same in every crate: the `model_serde!`,
//! `open_enum!` and `one_of!` macros that the model and enum modules invoke, and the helpers
//! their impls share.
//!
//! Why not serde's derives: type- and borrow-checking what they expand to (a field-identifier enum
//! and visitor per model, the sequence form, a `?` branch per field read and written) was most of
//! a large generated crate's build. These impls share one visitor and one borrowed key type among
//! all models, and write and read each field without a branch: the first error is kept (in
//! `Object`, in `Map`) and returned once.
//!
//! What the impls do: an optional field (an `Option`) is left out when `None` and is `None` when
//! missing or `null`, except one of any JSON value, which keeps a `null` as `Some(Value::Null)`
//! and writes it back; a required field missing from the input is an error; unknown keys are
//! skipped; of a repeated key, the last value wins. An open enum reads any string: a value it does
//! not list is kept verbatim in its `Other` variant and written back unchanged.

/// Implements `Serialize`, `Deserialize` and [`FromObject`] for a model struct, as a JSON object
/// whose keys are the fields' wire names: `model_serde! { Model { optional field = "wireName",
/// required other = "otherName", } }`, fields in page order. A model that keeps the keys its
/// fields do not name ends with `..rest`, its map field, flattened beside the fields. Each field's kind names the method
/// of [`Count`] and [`Object`] that handles it, and the `@value` rule that makes its value from
/// what was read.
#[allow(
    unused_macros,
    reason = "unused when the enabled features enable no model"
)]
macro_rules! model_serde {
    ($model:ident { $($kind:ident $field:ident = $wire:literal,)* }) => {
        impl ::serde::Serialize for $model {
            fn serialize<S: ::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::std::result::Result<S::Ok, S::Error> {
                let len = 0 $(+ super::support_::Count::$kind(&self.$field))*;
                let object = ::serde::Serializer::serialize_struct(
                    serializer,
                    ::std::stringify!($model),
                    len,
                );
                super::support_::Object(object)$(.$kind($wire, &self.$field))*.end()
            }
        }

        model_serde!(@deserialize $model);

        impl super::support_::Keys for $model {
            const KEYS: &'static [&'static str] = &[$($wire),*];
        }

        impl super::support_::FromObject for $model {
            const EXPECTING: &'static str =
                ::std::concat!("an object (the `", ::std::stringify!($model), "` model)");

            fn from_object<'de, A: ::serde::de::MapAccess<'de>>(
                mut map: super::support_::Map<'de, A>,
            ) -> ::std::result::Result<Self, A::Error> {
                $(let mut $field = ::std::option::Option::None;)*
                while let ::std::option::Option::Some(key) = map.key()? {
                    match &*key {
                        $($wire => $field = map.value(),)*
                        _ => map.skip(),
                    }
                }
                ::std::result::Result::Ok(Self {
                    $($field: model_serde!(@value $kind map $field $wire),)*
                })
            }
        }
    };
    ($model:ident { $($kind:ident $field:ident = $wire:literal,)* } ..$rest:ident) => {
        impl ::serde::Serialize for $model {
            fn serialize<S: ::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::std::result::Result<S::Ok, S::Error> {
                let len = 0 $(+ super::support_::Count::$kind(&self.$field))* + self.$rest.len();
                let map = ::serde::Serializer::serialize_map(
                    serializer,
                    ::std::option::Option::Some(len),
                );
                let mut entries = super::support_::Entries(map)$(.$kind($wire, &self.$field))*;
                for (key, value) in &self.$rest {
                    entries = entries.entry(key, value);
                }
                entries.end()
            }
        }

        model_serde!(@deserialize $model);

        impl super::support_::Keys for $model {
            const KEYS: &'static [&'static str] = &[$($wire),*];
        }

        impl super::support_::FromObject for $model {
            const EXPECTING: &'static str =
                ::std::concat!("an object (the `", ::std::stringify!($model), "` model)");

            fn from_object<'de, A: ::serde::de::MapAccess<'de>>(
                mut map: super::support_::Map<'de, A>,
            ) -> ::std::result::Result<Self, A::Error> {
                $(let mut $field = ::std::option::Option::None;)*
                let mut $rest = ::std::collections::BTreeMap::new();
                while let ::std::option::Option::Some(key) = map.key()? {
                    match &*key {
                        $($wire => $field = map.value(),)*
                        _ => {
                            if let ::std::option::Option::Some(value) = map.value() {
                                $rest.insert(key.into_owned(), value);
                            }
                        }
                    }
                }
                ::std::result::Result::Ok(Self {
                    $($field: model_serde!(@value $kind map $field $wire),)*
                    $rest,
                })
            }
        }
    };
    (@deserialize $model:ident) => {
        impl<'de> ::serde::Deserialize<'de> for $model {
            fn deserialize<D: ::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::std::result::Result<Self, D::Error> {
                super::support_::deserialize_object(deserializer)
            }
        }
    };
    (@value required $map:ident $field:ident $wire:literal) => {
        $map.required($field, $wire)?
    };
    (@value optional $map:ident $field:ident $wire:literal) => {
        ::std::option::Option::flatten($field)
    };
    (@value optional_any $map:ident $field:ident $wire:literal) => {
        $field
    };
}

/// Implements `as_str`, `From<String>`, `Serialize` and `Deserialize` for an open enum, each known
/// value written once: `open_enum! { Status { Active = "active", Gone = "gone", } }`. The enum's
/// last variant is `Other(String)`, which keeps any other value verbatim. An enum of numbers
/// names their type, and gets `value` and `From<i64>` (or `f64`) instead:
/// `open_enum! { Code as i64 { Minus1 = -1, V200 = 200, } }`, its last variant `Other(i64)`.
#[allow(
    unused_macros,
    reason = "unused when the enabled features enable no enum"
)]
macro_rules! open_enum {
    ($enum:ident { $($variant:ident = $value:literal,)* }) => {
        impl $enum {
            /// The value as it is on the wire.
            pub fn as_str(&self) -> &str {
                match self {
                    $(Self::$variant => $value,)*
                    Self::Other(value) => value,
                }
            }
        }

        impl ::std::convert::From<::std::string::String> for $enum {
            fn from(value: ::std::string::String) -> Self {
                match value.as_str() {
                    $($value => Self::$variant,)*
                    _ => Self::Other(value),
                }
            }
        }

        open_enum!(@serde $enum, ::std::string::String, as_str);
    };
    ($enum:ident as $number:ty { $($variant:ident = $value:literal,)* }) => {
        impl $enum {
            /// The value as it is on the wire.
            pub fn value(&self) -> $number {
                match self {
                    $(Self::$variant => $value,)*
                    Self::Other(value) => *value,
                }
            }
        }

        impl ::std::convert::From<$number> for $enum {
            fn from(value: $number) -> Self {
                match value {
                    $($value => Self::$variant,)*
                    _ => Self::Other(value),
                }
            }
        }

        open_enum!(@serde $enum, $number, value);
    };
    // Writes the value `$wire_value` returns; reads a `$wire`, then `From` it.
    (@serde $enum:ident, $wire:ty, $wire_value:ident) => {
        impl ::serde::Serialize for $enum {
            fn serialize<S: ::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::std::result::Result<S::Ok, S::Error> {
                ::serde::Serialize::serialize(&self.$wire_value(), serializer)
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $enum {
            fn deserialize<D: ::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::std::result::Result<Self, D::Error> {
                <$wire as ::serde::Deserialize>::deserialize(deserializer)
                    .map(::std::convert::From::from)
            }
        }
    };
}

/// Implements `Serialize` and `Deserialize` for a oneOf / anyOf model's enum: `one_of! { Pet
/// { Cat(fields), Dog(fields), Name, } ..Other }`, each variant holding one type, in the docs'
/// order, a struct's marked `(fields)`, and `Other` keeping any JSON value. A value is written as
/// the variant holds it. A document is read as the first struct whose fields name every key of
/// it ([`fields`]), else as the first variant that reads it whole ([`read_whole`]), else kept in
/// `Other` as it is. A model whose docs name its discriminator names it too, and each variant's
/// values of it: `one_of! { Pet by "petType" { Cat(fields) = "cat", Dog(fields) = "dog" | "hound",
/// } ..Other }`: a document whose discriminator has one of a variant's values is read as that
/// variant.
#[allow(
    unused_macros,
    reason = "unused when the docs have no oneOf, or the enabled features enable none"
)]
macro_rules! one_of {
    ($enum:ident { $($variant:ident $(($by:ident))?,)* } ..$other:ident) => {
        one_of!(@impl $enum, ::std::option::Option::None, { $($variant $(($by))? [],)* } $other);
    };
    ($enum:ident by $property:literal {
        $($variant:ident $(($by:ident))? $(= $($tag:literal)|+)?,)*
    } ..$other:ident) => {
        one_of!(@impl $enum, ::std::option::Option::Some($property), {
            $($variant $(($by))? [$($($tag),+)?],)*
        } $other);
    };
    (@impl $enum:ident, $property:expr, {
        $($variant:ident $(($by:ident))? [$($tag:literal),*],)*
    } $other:ident) => {
        impl ::serde::Serialize for $enum {
            fn serialize<S: ::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::std::result::Result<S::Ok, S::Error> {
                match self {
                    $(Self::$variant(value) => ::serde::Serialize::serialize(value, serializer),)*
                    Self::$other(value) => ::serde::Serialize::serialize(value, serializer),
                }
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $enum {
            fn deserialize<D: ::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::std::result::Result<Self, D::Error> {
                let value = <::serde_json::Value as ::serde::Deserialize>::deserialize(deserializer)?;
                let tag = super::support_::discriminator(&value, $property);
                $(
                    if tag.is_some_and(|tag| [$($tag),*].contains(&tag)) {
                        return ::serde_json::from_value(value)
                            .map(Self::$variant)
                            .map_err(::serde::de::Error::custom);
                    }
                )*
                $($(
                    if let ::std::option::Option::Some(read) =
                        super::support_::$by(&value, Self::$variant)
                    {
                        return ::std::result::Result::Ok(Self::$variant(read));
                    }
                )?)*
                $(
                    if let ::std::option::Option::Some(read) = super::support_::read_whole(&value) {
                        return ::std::result::Result::Ok(Self::$variant(read));
                    }
                )*
                ::std::result::Result::Ok(Self::$other(value))
            }
        }
    };
}

/// The JSON keys a model's fields name (`model_serde!` implements it): a oneOf tries a document
/// as a struct whose fields name every key of it before any other variant ([`fields`]).
#[allow(dead_code, reason = "unused when the docs have no oneOf")]
pub(super) trait Keys {
    /// The fields' JSON names.
    const KEYS: &'static [&'static str];
}

impl<T: Keys> Keys for ::std::boxed::Box<T> {
    const KEYS: &'static [&'static str] = T::KEYS;
}

/// `document` read as the struct a oneOf's `variant` holds, when it is an object of no key but
/// the struct's fields' and the struct reads it whole ([`read_whole`]).
#[allow(dead_code, reason = "unused when the docs have no oneOf of structs")]
pub(super) fn fields<T, E>(
    document: &::serde_json::Value,
    _variant: fn(T) -> E,
) -> ::std::option::Option<T>
where
    T: Keys + ::serde::de::DeserializeOwned + ::serde::Serialize,
{
    let object = document.as_object()?;
    if object.keys().all(|key| T::KEYS.contains(&key.as_str())) {
        read_whole(document)
    } else {
        ::std::option::Option::None
    }
}

/// The value of a oneOf document's discriminator `property` (when its docs name one), when it is
/// a string.
#[allow(dead_code, reason = "unused when the docs have no oneOf")]
pub(super) fn discriminator<'v>(
    document: &'v ::serde_json::Value,
    property: ::std::option::Option<&str>,
) -> ::std::option::Option<&'v str> {
    document.get(property?)?.as_str()
}

/// `document` read as a `T`, when `T` reads it whole: it reads, and writes back the same shape
/// ([`same_shape`]): no key left out or added, the same kinds of values. A oneOf's variants are
/// tried so: an object of another variant's keys does not read as a struct that would skip them.
#[allow(dead_code, reason = "unused when the docs have no oneOf")]
pub(super) fn read_whole<T: ::serde::de::DeserializeOwned + ::serde::Serialize>(
    document: &::serde_json::Value,
) -> ::std::option::Option<T> {
    let read = T::deserialize(document).ok()?;
    let written = ::serde_json::to_value(&read).ok()?;
    same_shape(document, &written).then_some(read)
}

/// Whether a value `written` back has the shape of the value `read`: objects of the same keys
/// (but for keys read as `null`, which an optional field leaves out), each of the same shape;
/// arrays of the same length, item by item; otherwise the same kind of value (a number is a
/// number, however written: `1` read as a float writes `1.0`; a string is a string: a date may
/// be written back in another form).
#[allow(dead_code, reason = "unused when the docs have no oneOf")]
pub(super) fn same_shape(read: &::serde_json::Value, written: &::serde_json::Value) -> bool {
    use ::serde_json::Value;
    match (read, written) {
        (Value::Object(read), Value::Object(written)) => {
            written.keys().all(|key| read.contains_key(key))
                && read.iter().all(|(key, value)| match written.get(key) {
                    ::std::option::Option::Some(other) => same_shape(value, other),
                    ::std::option::Option::None => value.is_null(),
                })
        }
        (Value::Array(read), Value::Array(written)) => {
            read.len() == written.len()
                && read
                    .iter()
                    .zip(written)
                    .all(|(value, other)| same_shape(value, other))
        }
        (Value::Null, Value::Null)
        | (Value::Bool(_), Value::Bool(_))
        | (Value::Number(_), Value::Number(_))
        | (Value::String(_), Value::String(_)) => true,
        _ => false,
    }
}

/// How many entries a field writes, by kind: see `model_serde!`.
#[allow(dead_code, reason = "unused when the enabled features enable no model")]
pub(super) struct Count;

#[allow(dead_code, reason = "a crate may have no field of one kind")]
impl Count {
    /// A required field: one.
    pub(super) fn required<T>(_value: &T) -> usize {
        1
    }

    /// An optional field: one when it is `Some`.
    pub(super) fn optional<T>(value: &::std::option::Option<T>) -> usize {
        usize::from(value.is_some())
    }

    /// An optional field of any JSON value: one when it is `Some`, `null` included.
    pub(super) fn optional_any<T>(value: &::std::option::Option<T>) -> usize {
        Self::optional(value)
    }
}

/// Writes a model's fields into a serialized struct, keeping the first error: a model's impl
/// writes each field without a branch, and `end` returns the error.
#[allow(dead_code, reason = "unused when the enabled features enable no model")]
pub(super) struct Object<S: ::serde::ser::SerializeStruct>(
    pub(super) ::std::result::Result<S, S::Error>,
);

#[allow(dead_code, reason = "a crate may have no field of one kind")]
impl<S: ::serde::ser::SerializeStruct> Object<S> {
    /// Writes a required field.
    pub(super) fn required<T: ::serde::Serialize>(mut self, wire: &'static str, value: &T) -> Self {
        if let ::std::result::Result::Ok(object) = &mut self.0
            && let ::std::result::Result::Err(error) = object.serialize_field(wire, value)
        {
            self.0 = ::std::result::Result::Err(error);
        }
        self
    }

    /// Writes an optional field, or leaves it out when it is `None`.
    pub(super) fn optional<T: ::serde::Serialize>(
        mut self,
        wire: &'static str,
        value: &::std::option::Option<T>,
    ) -> Self {
        match value {
            ::std::option::Option::Some(value) => self.required(wire, value),
            ::std::option::Option::None => {
                if let ::std::result::Result::Ok(object) = &mut self.0
                    && let ::std::result::Result::Err(error) = object.skip_field(wire)
                {
                    self.0 = ::std::result::Result::Err(error);
                }
                self
            }
        }
    }

    /// Writes an optional field of any JSON value (`Some(Value::Null)` as `null`), or leaves it
    /// out when it is `None`.
    pub(super) fn optional_any<T: ::serde::Serialize>(
        self,
        wire: &'static str,
        value: &::std::option::Option<T>,
    ) -> Self {
        self.optional(wire, value)
    }

    /// Ends the struct, or returns the first error.
    pub(super) fn end(self) -> ::std::result::Result<S::Ok, S::Error> {
        self.0?.end()
    }
}

/// Writes a model that keeps extra keys into a serialized map, keeping the first error, as
/// [`Object`] does for a struct.
#[allow(dead_code, reason = "unused when no model keeps extra keys")]
pub(super) struct Entries<S: ::serde::ser::SerializeMap>(
    pub(super) ::std::result::Result<S, S::Error>,
);

#[allow(dead_code, reason = "unused when no model keeps extra keys")]
impl<S: ::serde::ser::SerializeMap> Entries<S> {
    /// Writes one entry.
    pub(super) fn entry<T: ::serde::Serialize + ?::std::marker::Sized>(
        mut self,
        key: &str,
        value: &T,
    ) -> Self {
        if let ::std::result::Result::Ok(map) = &mut self.0
            && let ::std::result::Result::Err(error) = map.serialize_entry(key, value)
        {
            self.0 = ::std::result::Result::Err(error);
        }
        self
    }

    /// Writes a required field.
    pub(super) fn required<T: ::serde::Serialize>(self, wire: &'static str, value: &T) -> Self {
        self.entry(wire, value)
    }

    /// Writes an optional field, or leaves it out when it is `None`.
    pub(super) fn optional<T: ::serde::Serialize>(
        self,
        wire: &'static str,
        value: &::std::option::Option<T>,
    ) -> Self {
        match value {
            ::std::option::Option::Some(value) => self.entry(wire, value),
            ::std::option::Option::None => self,
        }
    }

    /// Writes an optional field of any JSON value (`Some(Value::Null)` as `null`), or leaves it
    /// out when it is `None`.
    pub(super) fn optional_any<T: ::serde::Serialize>(
        self,
        wire: &'static str,
        value: &::std::option::Option<T>,
    ) -> Self {
        self.optional(wire, value)
    }

    /// Ends the map, or returns the first error.
    pub(super) fn end(self) -> ::std::result::Result<S::Ok, S::Error> {
        self.0?.end()
    }
}

/// The entries of a JSON object that a model is read from. A value that fails to read is kept as
/// the error the next `key` returns, so that a model's impl reads each field without a branch.
#[allow(dead_code, reason = "unused when the enabled features enable no model")]
pub(super) struct Map<'de, A: ::serde::de::MapAccess<'de>> {
    access: A,
    error: ::std::option::Option<A::Error>,
}

#[allow(dead_code, reason = "unused when the enabled features enable no model")]
impl<'de, A: ::serde::de::MapAccess<'de>> Map<'de, A> {
    /// The next key, borrowed from the input when it can be; `None` after the last.
    pub(super) fn key(
        &mut self,
    ) -> ::std::result::Result<::std::option::Option<::std::borrow::Cow<'de, str>>, A::Error> {
        if let ::std::option::Option::Some(error) = self.error.take() {
            return ::std::result::Result::Err(error);
        }
        ::std::result::Result::Ok(self.access.next_key::<Key<'de>>()?.map(|key| key.0))
    }

    /// The value of the key just read, in `Some` (a field's value so far); `None` when it fails to
    /// read.
    pub(super) fn value<T: ::serde::Deserialize<'de>>(&mut self) -> ::std::option::Option<T> {
        match self.access.next_value() {
            ::std::result::Result::Ok(value) => ::std::option::Option::Some(value),
            ::std::result::Result::Err(error) => {
                self.error = ::std::option::Option::Some(error);
                ::std::option::Option::None
            }
        }
    }

    /// Skips the value of a key no field has.
    pub(super) fn skip(&mut self) {
        if let ::std::result::Result::Err(error) =
            self.access.next_value::<::serde::de::IgnoredAny>()
        {
            self.error = ::std::option::Option::Some(error);
        }
    }

    /// A required field's value, or the error that it is missing.
    #[allow(dead_code, reason = "a crate may have no required field")]
    pub(super) fn required<T>(
        &self,
        value: ::std::option::Option<T>,
        wire: &'static str,
    ) -> ::std::result::Result<T, A::Error> {
        value.ok_or_else(|| <A::Error as ::serde::de::Error>::missing_field(wire))
    }
}

/// A model that is read from the entries of a JSON object.
#[allow(dead_code, reason = "unused when the enabled features enable no model")]
pub(super) trait FromObject: Sized {
    /// What the input should have been, for error messages.
    const EXPECTING: &'static str;

    /// Reads the model from the entries of an object.
    fn from_object<'de, A: ::serde::de::MapAccess<'de>>(
        map: Map<'de, A>,
    ) -> ::std::result::Result<Self, A::Error>;
}

/// Reads a model from a JSON object.
#[allow(dead_code, reason = "unused when the enabled features enable no model")]
pub(super) fn deserialize_object<'de, T: FromObject, D: ::serde::Deserializer<'de>>(
    deserializer: D,
) -> ::std::result::Result<T, D::Error> {
    struct Visitor<T>(::std::marker::PhantomData<T>);

    impl<'de, T: FromObject> ::serde::de::Visitor<'de> for Visitor<T> {
        type Value = T;

        fn expecting(&self, formatter: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
            formatter.write_str(T::EXPECTING)
        }

        fn visit_map<A: ::serde::de::MapAccess<'de>>(
            self,
            map: A,
        ) -> ::std::result::Result<T, A::Error> {
            T::from_object(Map {
                access: map,
                error: ::std::option::Option::None,
            })
        }
    }

    deserializer.deserialize_map(Visitor(::std::marker::PhantomData))
}

/// An object key, borrowed from the input when it can be.
struct Key<'de>(::std::borrow::Cow<'de, str>);

impl<'de> ::serde::Deserialize<'de> for Key<'de> {
    fn deserialize<D: ::serde::Deserializer<'de>>(
        deserializer: D,
    ) -> ::std::result::Result<Self, D::Error> {
        struct Visitor;

        impl<'de> ::serde::de::Visitor<'de> for Visitor {
            type Value = Key<'de>;

            fn expecting(&self, formatter: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                formatter.write_str("an object key")
            }

            fn visit_borrowed_str<E: ::serde::de::Error>(
                self,
                key: &'de str,
            ) -> ::std::result::Result<Self::Value, E> {
                ::std::result::Result::Ok(Key(::std::borrow::Cow::Borrowed(key)))
            }

            fn visit_str<E: ::serde::de::Error>(
                self,
                key: &str,
            ) -> ::std::result::Result<Self::Value, E> {
                ::std::result::Result::Ok(Key(::std::borrow::Cow::Owned(key.to_owned())))
            }

            fn visit_string<E: ::serde::de::Error>(
                self,
                key: ::std::string::String,
            ) -> ::std::result::Result<Self::Value, E> {
                ::std::result::Result::Ok(Key(::std::borrow::Cow::Owned(key)))
            }
        }

        deserializer.deserialize_str(Visitor)
    }
}

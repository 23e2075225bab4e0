//! The models' serde impls: a `model_serde!` macro and the helpers its impls share, written
//! once into `lib.rs`, and one invocation per model listing each field's kind (`required` or
//! `optional`), name and wire name.
//!
//! Why not `#[derive(Serialize, Deserialize)]`: type- and borrow-checking what serde's derives
//! expand to (a field-identifier enum and visitor per model, the sequence form, a `?` branch per
//! field read and written) was most of the generated crate's build. These impls share one visitor
//! and one borrowed key type among all models, and write and read each field without a branch:
//! the first error is kept (in `__Object`, in `__Map`) and returned once. They read and write
//! JSON objects as the derives with `rename`, `default` and `skip_serializing_if =
//! "Option::is_none"` did. Measurements are in the README ("Build time of the generated crate").
//!
//! Why a macro rather than the impls written out in each module: written out, each field costs
//! about 50 tokens of statements that syn must parse and prettyplease print, which made the
//! generator twice as slow; a macro invocation is a few tokens per field that syn keeps
//! unparsed. The price is layout: prettyplease prints macro bodies and invocations as running
//! text.
//!
//! What the impls do: an optional field (an `Option`) is left out when `None` and is `None` when
//! missing or `null`; a required field missing from the input is an error; unknown keys are
//! skipped; of a repeated key, the last value wins.

use proc_macro2::TokenStream;
use quote::quote;

use super::rust::ident;
use crate::model::Model;

/// The helpers the models' impls share, for `lib.rs`. `gated`: the crate has features, so a
/// build may enable no model and use none of them. `extra_keys`: some model keeps the keys its
/// fields do not name (the macro's `..rest` form and its writer are only written then).
pub fn support_items(gated: bool, extra_keys: bool) -> TokenStream {
    let allow_unused_macro = gated.then(
        || quote!(#[allow(unused_macros, reason = "unused when the enabled features enable no model")]),
    );
    let allow_unused_item = gated.then(
        || quote!(#[allow(dead_code, reason = "unused when the enabled features enable no model")]),
    );
    let allow_unused_kind =
        quote!(#[allow(dead_code, reason = "a crate may have no field of one kind")]);
    let allow_unused_required =
        quote!(#[allow(dead_code, reason = "a crate may have no required field")]);
    let allow_unused_beside_extra_keys = extra_keys
        .then(|| quote!(#[allow(dead_code, reason = "unused when every model keeps extra keys")]));
    let extra_keys_arm = extra_keys.then(|| quote! {
            ($model:ident { $($kind:ident $field:ident = $wire:literal,)* } ..$rest:ident) => {
                impl ::serde::Serialize for $model {
                    fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
                        let len = 0 $(+ super::__Count::$kind(&self.$field))* + self.$rest.len();
                        let mut entries = super::__Entries(::serde::Serializer::serialize_map(serializer, ::std::option::Option::Some(len)))
                            $(.$kind($wire, &self.$field))*;
                        for (key, value) in &self.$rest {
                            entries = entries.entry(key, value);
                        }
                        entries.end()
                    }
                }

                impl<'de> ::serde::Deserialize<'de> for $model {
                    fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
                        super::__deserialize_object(deserializer)
                    }
                }

                impl super::__FromObject for $model {
                    const EXPECTING: &'static str = ::std::concat!("an object (the `", ::std::stringify!($model), "` model)");

                    fn from_object<'de, A: ::serde::de::MapAccess<'de>>(mut map: super::__Map<'de, A>) -> ::std::result::Result<Self, A::Error> {
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
                        ::std::result::Result::Ok(Self { $($field: model_serde!(@value $kind map $field $wire),)* $rest })
                    }
                }
            };
    });
    let extra_keys_writer = extra_keys.then(|| quote! {
        /// Writes a model that keeps extra keys into a serialized map, keeping the first error,
        /// as `__Object` does for a struct.
        struct __Entries<S: ::serde::ser::SerializeMap>(::std::result::Result<S, S::Error>);

        #allow_unused_kind
        impl<S: ::serde::ser::SerializeMap> __Entries<S> {
            /// Writes one entry.
            fn entry<T: ::serde::Serialize + ?::std::marker::Sized>(mut self, key: &str, value: &T) -> Self {
                if let ::std::result::Result::Ok(map) = &mut self.0
                    && let ::std::result::Result::Err(error) = map.serialize_entry(key, value)
                {
                    self.0 = ::std::result::Result::Err(error);
                }
                self
            }

            /// Writes a required field.
            fn required<T: ::serde::Serialize>(self, wire: &'static str, value: &T) -> Self {
                self.entry(wire, value)
            }

            /// Writes an optional field, or leaves it out when it is `None`.
            fn optional<T: ::serde::Serialize>(self, wire: &'static str, value: &::std::option::Option<T>) -> Self {
                match value {
                    ::std::option::Option::Some(value) => self.entry(wire, value),
                    ::std::option::Option::None => self,
                }
            }

            /// Ends the map, or returns the first error.
            fn end(self) -> ::std::result::Result<S::Ok, S::Error> {
                self.0?.end()
            }
        }
    });
    quote! {
        #extra_keys_writer

        /// Implements `Serialize`, `Deserialize` and `__FromObject` for a model struct, as a JSON
        /// object whose keys are the fields' wire names: `model_serde! { Model { optional field =
        /// "wireName", required other = "otherName", } }`, fields in page order. Each field's kind
        /// names the method of `__Count` and `__Object` that handles it, and the `@value` rule
        /// that makes its value from what was read.
        #allow_unused_macro
        macro_rules! model_serde {
            ($model:ident { $($kind:ident $field:ident = $wire:literal,)* }) => {
                impl ::serde::Serialize for $model {
                    fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
                        let len = 0 $(+ super::__Count::$kind(&self.$field))*;
                        super::__Object(::serde::Serializer::serialize_struct(serializer, ::std::stringify!($model), len))
                            $(.$kind($wire, &self.$field))*
                            .end()
                    }
                }

                impl<'de> ::serde::Deserialize<'de> for $model {
                    fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
                        super::__deserialize_object(deserializer)
                    }
                }

                impl super::__FromObject for $model {
                    const EXPECTING: &'static str = ::std::concat!("an object (the `", ::std::stringify!($model), "` model)");

                    fn from_object<'de, A: ::serde::de::MapAccess<'de>>(mut map: super::__Map<'de, A>) -> ::std::result::Result<Self, A::Error> {
                        $(let mut $field = ::std::option::Option::None;)*
                        while let ::std::option::Option::Some(key) = map.key()? {
                            match &*key {
                                $($wire => $field = map.value(),)*
                                _ => map.skip(),
                            }
                        }
                        ::std::result::Result::Ok(Self { $($field: model_serde!(@value $kind map $field $wire),)* })
                    }
                }
            };
            #extra_keys_arm
            (@value required $map:ident $field:ident $wire:literal) => {
                $map.required($field, $wire)?
            };
            (@value optional $map:ident $field:ident $wire:literal) => {
                ::std::option::Option::flatten($field)
            };
        }

        /// How many entries a field writes, by kind: see `model_serde!`.
        #allow_unused_item
        struct __Count;

        #allow_unused_kind
        impl __Count {
            /// A required field: one.
            fn required<T>(_value: &T) -> usize {
                1
            }

            /// An optional field: one when it is `Some`.
            fn optional<T>(value: &::std::option::Option<T>) -> usize {
                usize::from(value.is_some())
            }
        }

        /// Writes a model's fields into a serialized struct, keeping the first error: a model's
        /// impl writes each field without a branch, and `end` returns the error.
        #allow_unused_item
        #allow_unused_beside_extra_keys
        struct __Object<S: ::serde::ser::SerializeStruct>(::std::result::Result<S, S::Error>);

        #allow_unused_kind
        impl<S: ::serde::ser::SerializeStruct> __Object<S> {
            /// Writes a required field.
            fn required<T: ::serde::Serialize>(mut self, wire: &'static str, value: &T) -> Self {
                if let ::std::result::Result::Ok(object) = &mut self.0
                    && let ::std::result::Result::Err(error) = object.serialize_field(wire, value)
                {
                    self.0 = ::std::result::Result::Err(error);
                }
                self
            }

            /// Writes an optional field, or leaves it out when it is `None`.
            fn optional<T: ::serde::Serialize>(mut self, wire: &'static str, value: &::std::option::Option<T>) -> Self {
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

            /// Ends the struct, or returns the first error.
            fn end(self) -> ::std::result::Result<S::Ok, S::Error> {
                self.0?.end()
            }
        }

        /// The entries of a JSON object that a model is read from. A value that fails to read is
        /// kept as the error the next `key` returns, so that a model's impl reads each field
        /// without a branch.
        #allow_unused_item
        struct __Map<'de, A: ::serde::de::MapAccess<'de>> {
            access: A,
            error: ::std::option::Option<A::Error>,
        }

        #allow_unused_item
        impl<'de, A: ::serde::de::MapAccess<'de>> __Map<'de, A> {
            /// The next key, borrowed from the input when it can be; `None` after the last.
            fn key(&mut self) -> ::std::result::Result<::std::option::Option<::std::borrow::Cow<'de, str>>, A::Error> {
                if let ::std::option::Option::Some(error) = self.error.take() {
                    return ::std::result::Result::Err(error);
                }
                ::std::result::Result::Ok(self.access.next_key::<__Key<'de>>()?.map(|key| key.0))
            }

            /// The value of the key just read, in `Some` (a field's value so far); `None` when it
            /// fails to read.
            fn value<T: ::serde::Deserialize<'de>>(&mut self) -> ::std::option::Option<T> {
                match self.access.next_value() {
                    ::std::result::Result::Ok(value) => ::std::option::Option::Some(value),
                    ::std::result::Result::Err(error) => {
                        self.error = ::std::option::Option::Some(error);
                        ::std::option::Option::None
                    }
                }
            }

            /// Skips the value of a key no field has.
            #allow_unused_beside_extra_keys
            fn skip(&mut self) {
                if let ::std::result::Result::Err(error) = self.access.next_value::<::serde::de::IgnoredAny>() {
                    self.error = ::std::option::Option::Some(error);
                }
            }

            /// A required field's value, or the error that it is missing.
            #allow_unused_required
            fn required<T>(&self, value: ::std::option::Option<T>, wire: &'static str) -> ::std::result::Result<T, A::Error> {
                value.ok_or_else(|| <A::Error as ::serde::de::Error>::missing_field(wire))
            }
        }

        /// A model that is read from the entries of a JSON object.
        #allow_unused_item
        trait __FromObject: Sized {
            /// What the input should have been, for error messages.
            const EXPECTING: &'static str;

            /// Reads the model from the entries of an object.
            fn from_object<'de, A: ::serde::de::MapAccess<'de>>(map: __Map<'de, A>) -> ::std::result::Result<Self, A::Error>;
        }

        /// Reads a model from a JSON object.
        #allow_unused_item
        fn __deserialize_object<'de, T: __FromObject, D: ::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<T, D::Error> {
            struct Visitor<T>(::std::marker::PhantomData<T>);
            impl<'de, T: __FromObject> ::serde::de::Visitor<'de> for Visitor<T> {
                type Value = T;

                fn expecting(&self, formatter: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                    formatter.write_str(T::EXPECTING)
                }

                fn visit_map<A: ::serde::de::MapAccess<'de>>(self, map: A) -> ::std::result::Result<T, A::Error> {
                    T::from_object(__Map {
                        access: map,
                        error: ::std::option::Option::None,
                    })
                }
            }
            deserializer.deserialize_map(Visitor(::std::marker::PhantomData))
        }

        /// An object key, borrowed from the input when it can be.
        #allow_unused_item
        struct __Key<'de>(::std::borrow::Cow<'de, str>);

        impl<'de> ::serde::Deserialize<'de> for __Key<'de> {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
                struct Visitor;
                impl<'de> ::serde::de::Visitor<'de> for Visitor {
                    type Value = __Key<'de>;
                    fn expecting(&self, formatter: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                        formatter.write_str("an object key")
                    }
                    fn visit_borrowed_str<E: ::serde::de::Error>(self, key: &'de str) -> ::std::result::Result<Self::Value, E> {
                        ::std::result::Result::Ok(__Key(::std::borrow::Cow::Borrowed(key)))
                    }
                    fn visit_str<E: ::serde::de::Error>(self, key: &str) -> ::std::result::Result<Self::Value, E> {
                        ::std::result::Result::Ok(__Key(::std::borrow::Cow::Owned(key.to_owned())))
                    }
                    fn visit_string<E: ::serde::de::Error>(self, key: ::std::string::String) -> ::std::result::Result<Self::Value, E> {
                        ::std::result::Result::Ok(__Key(::std::borrow::Cow::Owned(key)))
                    }
                }
                deserializer.deserialize_str(Visitor)
            }
        }
    }
}

/// The `model_serde!` invocation for `model`: each field's kind, name and wire name.
pub fn model_impls(model: &Model) -> TokenStream {
    let name = ident(&model.rust_name);
    let fields = model.fields.iter().map(|field| {
        let kind = ident(if field.required {
            "required"
        } else {
            "optional"
        });
        let (field_name, wire) = (ident(&field.rust_name), &field.wire_name);
        quote!(#kind #field_name = #wire,)
    });
    let rest = model.additional_properties.as_ref().map(|extra| {
        let rest = ident(&extra.rust_name);
        quote!(..#rest)
    });
    quote! {
        model_serde! {
            #name { #(#fields)* } #rest
        }
    }
}

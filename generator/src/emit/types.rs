//! The Rust every emitter writes for the type model's types: the primitives' Rust types, the
//! short paths a module may use ([`Scope`]), a field's or parameter's type, an open enum's
//! definition, identifiers and `allow` attributes.

use std::collections::BTreeMap;

use proc_macro2::{Ident, Span, TokenStream};
use quote::quote;

use super::docs::{code_span, doc_attributes};
use super::layout::Item;
use crate::model::{BaseType, Container, EnumKind, EnumType, FieldType, Model, Primitive};
use crate::naming::is_camel_case;

/// The Rust types of the primitives, parsed once per worker (token streams cannot cross threads).
pub(super) struct PrimitiveTypes {
    /// Each primitive's type, parsed.
    parsed: BTreeMap<Primitive, PrimitiveType>,
    /// Each primitive's type as the table writes it, for docs.
    written: BTreeMap<Primitive, String>,
}

/// One primitive's Rust type.
pub(super) enum PrimitiveType {
    /// `::std::string::String`, which a module may write `String`.
    String,
    /// Any other type, as the table writes it.
    Other(TokenStream),
}

impl PrimitiveTypes {
    pub(super) fn new(table: &BTreeMap<Primitive, String>) -> Self {
        let parsed = table
            .iter()
            .map(|(primitive, rust)| {
                let parsed: syn::Type = syn::parse_str(rust).unwrap_or_else(|error| {
                    panic!("type table entry `{rust}` was validated but does not parse: {error}")
                });
                let spelled: String = rust.split_whitespace().collect();
                let ty = if spelled == "::std::string::String" {
                    PrimitiveType::String
                } else {
                    PrimitiveType::Other(quote!(#parsed))
                };
                (*primitive, ty)
            })
            .collect();
        PrimitiveTypes {
            parsed,
            written: table.clone(),
        }
    }
}

/// The names a module can write short: the prelude's types, and `BTreeMap`, unless the module
/// defines an item of that name.
pub(super) struct Scope<'a> {
    /// The names of the types the module defines.
    pub(super) defined: Vec<&'a str>,
}

impl<'a> Scope<'a> {
    /// The scope of a module that defines these enums.
    pub(super) fn of_enums(enums: &'a [EnumType]) -> Self {
        Scope {
            defined: enums.iter().map(|item| item.rust_name.as_str()).collect(),
        }
    }

    fn short(&self, name: &str) -> bool {
        !self.defined.contains(&name)
    }

    pub(super) fn option(&self, ty: TokenStream) -> TokenStream {
        if self.short("Option") {
            quote!(Option<#ty>)
        } else {
            quote!(::std::option::Option<#ty>)
        }
    }

    pub(super) fn vec(&self, ty: TokenStream) -> TokenStream {
        if self.short("Vec") {
            quote!(Vec<#ty>)
        } else {
            quote!(::std::vec::Vec<#ty>)
        }
    }

    pub(super) fn boxed(&self, ty: TokenStream) -> TokenStream {
        if self.short("Box") {
            quote!(Box<#ty>)
        } else {
            quote!(::std::boxed::Box<#ty>)
        }
    }

    pub(super) fn string(&self) -> TokenStream {
        if self.short("String") {
            quote!(String)
        } else {
            quote!(::std::string::String)
        }
    }

    /// A map with string keys; `BTreeMap` is imported by [`Scope::imports`].
    pub(super) fn map(&self, ty: TokenStream) -> TokenStream {
        let key = self.string();
        if self.short("BTreeMap") {
            quote!(BTreeMap<#key, #ty>)
        } else {
            quote!(::std::collections::BTreeMap<#key, #ty>)
        }
    }

    /// The `use` items a model's module needs: `BTreeMap` when a field is a map (or the model
    /// keeps extra keys) and it can be short.
    pub(super) fn imports(&self, model: &Model) -> Option<TokenStream> {
        let maps = model.additional_properties.is_some()
            || model
                .held_types()
                .any(|ty| ty.containers.contains(&Container::Map));
        (maps && self.short("BTreeMap")).then(|| {
            quote!(
                use ::std::collections::BTreeMap;
            )
        })
    }
}

/// The Rust type of `field_type`; `own_enums` is the path of the module of its model's (or
/// operation's) enums.
pub(super) fn field_type(
    field_type: &FieldType,
    types: &PrimitiveTypes,
    scope: &Scope,
    own_enums: &TokenStream,
) -> TokenStream {
    let mut ty = match &field_type.base {
        BaseType::Primitive(primitive) => match &types.parsed[primitive] {
            PrimitiveType::String => scope.string(),
            PrimitiveType::Other(ty) => ty.clone(),
        },
        BaseType::Model { rust_name, boxed } => {
            let rust_name = ident(rust_name);
            let path = quote!(super::#rust_name);
            if *boxed { scope.boxed(path) } else { path }
        }
        BaseType::SharedEnum { rust_name } => {
            let rust_name = ident(rust_name);
            quote!(super::#rust_name)
        }
        BaseType::Enum { rust_name } => {
            let rust_name = ident(rust_name);
            quote!(#own_enums::#rust_name)
        }
    };
    for container in field_type.containers.iter().rev() {
        ty = match container {
            Container::List => scope.vec(ty),
            Container::Map => scope.map(ty),
        };
    }
    ty
}

/// The Rust type of `field_type` as a doc comment shows it: code, its innermost type linked when
/// it is a path (`Vec<`[`Pet`](super::Pet)`>`); `own_enums` is the path of the module of its
/// model's (or operation's) enums, from the module the docs are in.
pub(super) fn type_docs(field_type: &FieldType, types: &PrimitiveTypes, own_enums: &str) -> String {
    let (leaf, target) = match &field_type.base {
        // The prelude's `String` needs no link (rustdoc finds one redundant).
        BaseType::Primitive(primitive)
            if matches!(types.parsed[primitive], PrimitiveType::String) =>
        {
            ("String".to_owned(), None)
        }
        BaseType::Primitive(primitive) => {
            let written: String = types.written[primitive].split_whitespace().collect();
            let is_path = written.contains("::")
                && (written.chars()).all(|c| c == ':' || c == '_' || c.is_alphanumeric());
            match written.rsplit_once("::") {
                Some((_, last)) if is_path => (last.to_owned(), Some(written.clone())),
                _ => (written, None),
            }
        }
        BaseType::Model { rust_name, .. } | BaseType::SharedEnum { rust_name } => {
            (rust_name.clone(), Some(format!("super::{rust_name}")))
        }
        BaseType::Enum { rust_name } => {
            (rust_name.clone(), Some(format!("{own_enums}::{rust_name}")))
        }
    };
    let open: String = (field_type.containers.iter())
        .map(|container| match container {
            Container::List => "Vec<",
            Container::Map => "BTreeMap<String, ",
        })
        .collect();
    let close = ">".repeat(field_type.containers.len());
    let Some(target) = target else {
        return code_span(&format!("{open}{leaf}{close}"));
    };
    let mut text = String::new();
    if !open.is_empty() {
        text.push_str(&code_span(&open));
    }
    text.push_str(&format!("[{}]({target})", code_span(&leaf)));
    if !close.is_empty() {
        text.push_str(&code_span(&close));
    }
    text
}

/// An open enum's definition, documented by `docs`: a variant per known value and the catch-all.
pub(super) fn enum_type(docs: &str, item: &EnumType, scope: &Scope) -> Item {
    let name = ident(&item.rust_name);
    let catch_all = ident(&item.catch_all);
    let docs = doc_attributes(&format!(
        "{docs} A value the docs do not list is kept verbatim in [`Self::{}`].",
        item.catch_all
    ));
    let variants = item.variants.iter().map(|variant| {
        let docs = doc_attributes(&code_span(&variant.value));
        let name = ident(&variant.rust_name);
        quote! { #docs #name, }
    });
    let allow_camel = allow_camel_case(
        is_camel_case(&item.rust_name)
            && item
                .variants
                .iter()
                .all(|variant| is_camel_case(&variant.rust_name)),
    );
    let value_type = number_type(item.kind).unwrap_or_else(|| scope.string());
    // A float is neither `Eq` nor `Hash`.
    let derives = match item.kind {
        EnumKind::String | EnumKind::Integer => quote!(Debug, Clone, PartialEq, Eq, Hash),
        EnumKind::Number => quote!(Debug, Clone, PartialEq),
    };
    Item::Tokens(quote! {
        #docs
        #[derive(#derives)]
        #[non_exhaustive]
        #allow_camel
        pub enum #name {
            #(#variants)*
            /// A value the docs do not list, kept verbatim.
            #catch_all(#value_type),
        }
    })
}

/// The Rust type of a number enum's values (`i64`, `f64`); `None` for strings.
pub(super) fn number_type(kind: EnumKind) -> Option<TokenStream> {
    match kind {
        EnumKind::String => None,
        EnumKind::Integer => Some(quote!(i64)),
        EnumKind::Number => Some(quote!(f64)),
    }
}

/// `#[allow(non_camel_case_types)]` for an item whose names are not all UpperCamelCase (names
/// kept apart from another's, see [`crate::naming`]).
pub(super) fn allow_camel_case(is_camel_case: bool) -> Option<TokenStream> {
    (!is_camel_case).then(|| quote!(#[allow(non_camel_case_types)]))
}

/// An identifier, raw when written `r#name`.
pub(super) fn ident(name: &str) -> Ident {
    match name.strip_prefix("r#") {
        Some(raw) => Ident::new_raw(raw, Span::call_site()),
        None => Ident::new(name, Span::call_site()),
    }
}

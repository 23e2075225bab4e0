//! The Rust files: `src/lib.rs` and one module per model.

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use proc_macro2::{Ident, Span, TokenStream};
use quote::quote;
use rayon::prelude::*;

use super::docs::{code_span, doc_attributes, inner_doc_attributes, plain_text};
use super::serde_impls::{model_impls, support_items};
use super::{EmitTimings, GeneratedFile, HEADER};
use crate::model::{
    BaseType, Container, EnumType, Field, FieldType, Model, ModelKind, Primitive, TypeModel,
};
use crate::naming::unraw;

/// `src/lib.rs` and the model modules, with the time spent on each step.
pub fn rust_files(model: &TypeModel) -> (Vec<GeneratedFile>, EmitTimings) {
    let primitives: BTreeMap<Primitive, String> = model.rust_types.clone();
    let results: Vec<(GeneratedFile, Duration, Duration)> = model
        .models
        .par_iter()
        .map_init(
            || PrimitiveTypes::new(&primitives),
            |types, item| {
                let started = Instant::now();
                let tokens = model_module(item, types);
                let emitted = Instant::now();
                let contents = format_file(tokens);
                let path = format!("src/{}.rs", unraw(&item.module)).into();
                (
                    GeneratedFile { path, contents },
                    emitted - started,
                    emitted.elapsed(),
                )
            },
        )
        .collect();
    let mut timings = EmitTimings::default();
    let mut files = Vec::with_capacity(results.len() + 1);
    for (file, emit, format) in results {
        timings.emit += emit;
        timings.format += format;
        files.push(file);
    }
    let started = Instant::now();
    let tokens = lib_rs(model);
    let emitted = Instant::now();
    files.push(GeneratedFile {
        path: "src/lib.rs".into(),
        contents: format_file(tokens),
    });
    timings.emit += emitted - started;
    timings.format += emitted.elapsed();
    (files, timings)
}

fn format_file(tokens: TokenStream) -> String {
    let file: syn::File =
        syn::parse2(tokens).unwrap_or_else(|error| panic!("emitted Rust does not parse: {error}"));
    format!("// {HEADER}\n\n{}", prettyplease::unparse(&file))
}

/// The Rust types of the primitives, parsed once per worker (token streams cannot cross threads).
struct PrimitiveTypes(BTreeMap<Primitive, TokenStream>);

impl PrimitiveTypes {
    fn new(table: &BTreeMap<Primitive, String>) -> Self {
        Self(
            table
                .iter()
                .map(|(primitive, rust)| {
                    let parsed: syn::Type = syn::parse_str(rust).unwrap_or_else(|error| {
                        panic!(
                            "type table entry `{rust}` was validated but does not parse: {error}"
                        )
                    });
                    (*primitive, quote!(#parsed))
                })
                .collect(),
        )
    }
}

fn lib_rs(model: &TypeModel) -> TokenStream {
    let description = plain_text(&model.package.description);
    let crate_docs = inner_doc_attributes(&format!(
        "{description}\n\n\
         Every model of the docs is a struct at the crate root, with serde impls that read and write \
         the API's JSON. Optional fields are `Option`s that are left out of the JSON when `None`. \
         Build values with `..Default::default()` (where a struct has `Default`), so that fields \
         the API adds later do not break your code. Enumerated fields are open enums: a value \
         the docs do not list is kept verbatim in the catch-all variant. The enums are \
         `#[non_exhaustive]`: match them with a `_` arm, so that values the docs add later do not \
         break your code.{}{}",
        enum_page_docs(model),
        feature_docs(model)
    ));
    let modules = model.models.iter().map(|item| {
        let module = ident(&item.module);
        let names = std::iter::once(&item.rust_name)
            .chain(item.enums.iter().map(|e| &e.rust_name))
            .map(|name| ident(name));
        let cfg = feature_cfg(&item.features);
        quote! {
            #cfg
            mod #module;
            #cfg
            pub use #module::{ #(#names),* };
        }
    });
    let extra_keys = model
        .models
        .iter()
        .any(|item| item.additional_properties.is_some());
    let support = support_items(!model.features.is_empty(), extra_keys);
    quote! {
        #crate_docs
        #support
        #(#modules)*
    }
}

/// `#[cfg(...)]` for a model enabled by `features` (nothing when the crate has no features).
fn feature_cfg(features: &[String]) -> Option<TokenStream> {
    match features {
        [] => None,
        [feature] => Some(quote!(#[cfg(feature = #feature)])),
        features => Some(quote!(#[cfg(any( #(feature = #features),* ))])),
    }
}

/// The crate docs' sentence on enum pages, when the docs have any.
fn enum_page_docs(model: &TypeModel) -> &'static str {
    if model.models.iter().all(|item| item.kind.is_struct()) {
        return "";
    }
    " The docs' enum pages are open enums at the crate root too, each shared by every field \
     that names it."
}

/// The crate docs' list of features, with their model counts.
fn feature_docs(model: &TypeModel) -> String {
    if model.features.is_empty() {
        return String::new();
    }
    let mut docs = format!(
        "\n\n# Features\n\nOne Cargo feature per API group enables the models its operations take and \
         return, with every model those reach. `full` (the default) enables all of them; to compile \
         less, depend with `default-features = false, features = [\"{}\"]`.\n\n\
         | feature | API group | models |\n| --- | --- | --- |",
        model.features[0].name
    );
    for feature in &model.features {
        let group = if feature.group.is_empty() {
            "models no operation uses".to_owned()
        } else {
            code_span(&feature.group)
        };
        docs.push_str(&format!(
            "\n| `{}` | {group} | {} |",
            feature.name, feature.models
        ));
    }
    docs
}

fn model_module(model: &Model, types: &PrimitiveTypes) -> TokenStream {
    let name = ident(&model.rust_name);
    let what = if model.kind.is_struct() {
        "model"
    } else {
        "enum"
    };
    let module_docs = inner_doc_attributes(&format!("The {} {what}.", code_span(&model.name)));
    let origin = format!(
        "The {} {what}, from the page {}.",
        code_span(&model.name),
        code_span(&model.source)
    );
    let docs_text = if model.description.is_empty() {
        origin
    } else {
        format!("{}\n\n{origin}", plain_text(&model.description))
    };
    if let ModelKind::Enum(item) = &model.kind {
        let docs = format!(
            "{docs_text} A value the docs do not list is kept verbatim in [`Self::{}`].",
            item.catch_all
        );
        let item = enum_type(item, &docs);
        return quote! {
            #module_docs

            #item
        };
    }
    let docs = doc_attributes(&docs_text);
    let default = model.has_default.then(|| quote!(::std::default::Default,));
    let fields = model.fields.iter().map(|field| struct_field(field, types));
    let additional = model.additional_properties.as_ref().map(|extra| {
        let text = if extra.description.is_empty() {
            "The keys the other fields do not name, with their values.".to_owned()
        } else {
            plain_text(&extra.description)
        };
        let docs = doc_attributes(&format!(
            "{text}\n\nFlattened: these entries sit beside the fields in the JSON object."
        ));
        let name = ident(&extra.rust_name);
        let ty = field_type(&extra.ty, types);
        quote! {
            #docs
            pub #name: ::std::collections::BTreeMap<::std::string::String, #ty>,
        }
    });
    let enums = model.enums.iter().map(|item| {
        let docs = format!(
            "The values of the {} field. A value the docs do not list is kept verbatim in [`Self::{}`].",
            code_span(&item.field),
            item.catch_all
        );
        enum_type(item, &docs)
    });
    let serde_impls = model_impls(model);
    quote! {
        #module_docs

        #docs
        #[derive(
            ::std::fmt::Debug,
            ::std::clone::Clone,
            ::std::cmp::PartialEq,
            #default
        )]
        pub struct #name {
            #(#fields)*
            #additional
        }

        #serde_impls

        #(#enums)*
    }
}

fn struct_field(field: &Field, types: &PrimitiveTypes) -> TokenStream {
    let mut text = if field.description.is_empty() {
        format!("The {} property.", code_span(&field.wire_name))
    } else {
        plain_text(&field.description)
    };
    if field.required {
        text.push_str("\n\nRequired.");
    }
    let docs = doc_attributes(&text);
    let name = ident(&field.rust_name);
    let ty = field_type(&field.ty, types);
    let ty = if field.required {
        ty
    } else {
        quote!(::std::option::Option<#ty>)
    };
    quote! {
        #docs
        pub #name: #ty,
    }
}

fn field_type(field_type: &FieldType, types: &PrimitiveTypes) -> TokenStream {
    let mut ty = match &field_type.base {
        BaseType::Primitive(primitive) => types.0[primitive].clone(),
        BaseType::Model {
            module,
            rust_name,
            boxed,
        } => {
            let (module, rust_name) = (ident(module), ident(rust_name));
            let path = quote!(super::#module::#rust_name);
            if *boxed {
                quote!(::std::boxed::Box<#path>)
            } else {
                path
            }
        }
        BaseType::Enum { rust_name } => {
            let rust_name = ident(rust_name);
            quote!(#rust_name)
        }
        BaseType::SharedEnum { module, rust_name } => {
            let (module, rust_name) = (ident(module), ident(rust_name));
            quote!(super::#module::#rust_name)
        }
    };
    for container in field_type.containers.iter().rev() {
        ty = match container {
            Container::List => quote!(::std::vec::Vec<#ty>),
            Container::Map => quote!(::std::collections::BTreeMap<::std::string::String, #ty>),
        };
    }
    ty
}

/// An open enum with its impls, documented by `docs`.
fn enum_type(item: &EnumType, docs: &str) -> TokenStream {
    let name = ident(&item.rust_name);
    let catch_all = ident(&item.catch_all);
    let docs = doc_attributes(docs);
    let variants: Vec<Ident> = item
        .variants
        .iter()
        .map(|variant| ident(&variant.rust_name))
        .collect();
    let values: Vec<&str> = item
        .variants
        .iter()
        .map(|variant| variant.value.as_str())
        .collect();
    let variant_docs = values
        .iter()
        .map(|value| doc_attributes(&format!("The value {}.", code_span(value))));
    quote! {
        #docs
        #[derive(::std::fmt::Debug, ::std::clone::Clone, ::std::cmp::PartialEq, ::std::cmp::Eq, ::std::hash::Hash)]
        #[non_exhaustive]
        pub enum #name {
            #(
                #variant_docs
                #variants,
            )*
            /// A value the docs do not list, kept verbatim.
            #catch_all(::std::string::String),
        }

        impl #name {
            /// The value as it is on the wire.
            pub fn as_str(&self) -> &str {
                match self {
                    #( Self::#variants => #values, )*
                    Self::#catch_all(value) => value,
                }
            }
        }

        impl ::std::convert::From<::std::string::String> for #name {
            fn from(value: ::std::string::String) -> Self {
                match value.as_str() {
                    #( #values => Self::#variants, )*
                    _ => Self::#catch_all(value),
                }
            }
        }

        impl ::serde::Serialize for #name {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> ::serde::Deserialize<'de> for #name {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
                <::std::string::String as ::serde::Deserialize>::deserialize(deserializer).map(::std::convert::From::from)
            }
        }
    }
}

/// An identifier, raw when written `r#name`.
pub(super) fn ident(name: &str) -> Ident {
    match name.strip_prefix("r#") {
        Some(raw) => Ident::new_raw(raw, Span::call_site()),
        None => Ident::new(name, Span::call_site()),
    }
}

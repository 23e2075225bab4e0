//! The Rust files: `src/lib.rs`, the support module, one private module per model (its struct)
//! and one public module per model with enums (its field enums, `src/enums/<model>.rs`).
//!
//! Paths are short where that cannot change their meaning: `Option`, `String`, `Vec` and `Box`
//! come from the prelude unless the module defines an item of that name (a model `Option`), in
//! which case they are written in full; `BTreeMap` is imported likewise. Other models are
//! `super::Name` (the crate root's re-export), a model's enums `enums::Name`.

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use proc_macro2::TokenStream;
use quote::quote;
use rayon::prelude::*;

use super::docs::{code_span, doc_attributes, inner_doc_attributes, plain_text};
use super::layout::{self, Item};
use super::operations::{CLIENT_RUNTIME, Example, FOLDER, REQUEST_RUNTIME, group_file};
use super::serde_impls::{SUPPORT, enum_impls, model_impls, one_of_impls};
use super::types::{PrimitiveTypes, Scope, allow_camel_case, enum_type, field_type, ident};
use super::{EmitTimings, GeneratedFile};
use crate::HEADER;
use crate::model::{
    BaseType, EnumType, Fact, Field, Model, ModelKind, OneOfType, Primitive, Taken, TypeModel,
};
use crate::naming::{
    CLIENT_FEATURE, CLIENT_MODULE, REGION_MODULE, REQUEST_MODULE, SUPPORT_MODULE, file_stem,
    is_camel_case, is_snake_case, private_module_name,
};

/// Every Rust file, with the time spent on each step.
pub fn rust_files(model: &TypeModel) -> (Vec<GeneratedFile>, EmitTimings) {
    let primitives: BTreeMap<Primitive, String> = model.rust_types.clone();
    let results: Vec<(Vec<GeneratedFile>, Duration, Duration)> = model
        .models
        .par_iter()
        .map_init(
            || PrimitiveTypes::new(&primitives),
            |types, item| {
                let started = Instant::now();
                let model_items = model_file(item, types);
                let enum_items = (!item.enums.is_empty()).then(|| enums_file(item));
                let emitted = Instant::now();
                let stem = file_stem(&item.module);
                let mut files = vec![GeneratedFile {
                    path: format!("src/{stem}.rs").into(),
                    contents: layout::file(TokenStream::new(), model_items),
                }];
                if let Some((docs, items)) = enum_items {
                    files.push(GeneratedFile {
                        path: format!("src/enums/{stem}.rs").into(),
                        contents: layout::file(docs, items),
                    });
                }
                (files, emitted - started, emitted.elapsed())
            },
        )
        .collect();
    let mut timings = EmitTimings::default();
    let mut files = Vec::with_capacity(results.len() + 2);
    for (model_files, emit, format) in results {
        timings.emit += emit;
        timings.format += format;
        files.extend(model_files);
    }
    let crate_name = model.package.name.replace('-', "_");
    let group_results: Vec<(GeneratedFile, Duration, Duration)> = model
        .operations
        .par_iter()
        .map_init(
            || PrimitiveTypes::new(&primitives),
            |types, group| {
                let started = Instant::now();
                let example = Example {
                    crate_name: &crate_name,
                    module: &group.module,
                    rust_types: &primitives,
                };
                let (docs, items) = group_file(group, &example, types);
                let emitted = Instant::now();
                let file = GeneratedFile {
                    path: group_file_path(&group.module).into(),
                    contents: layout::file(docs, items),
                };
                (file, emitted - started, emitted.elapsed())
            },
        )
        .collect();
    for (file, emit, format) in group_results {
        timings.emit += emit;
        timings.format += format;
        files.push(file);
    }
    if !model.operations.is_empty() {
        for (name, runtime) in [
            (REQUEST_MODULE, REQUEST_RUNTIME),
            (CLIENT_MODULE, CLIENT_RUNTIME),
        ] {
            files.push(GeneratedFile {
                path: format!("src/{name}.rs").into(),
                contents: format!("// {HEADER}\n\n{runtime}"),
            });
        }
    }
    let started = Instant::now();
    let (crate_docs, items) = lib_rs(model);
    let emitted = Instant::now();
    files.push(GeneratedFile {
        path: "src/lib.rs".into(),
        contents: layout::file(crate_docs, items),
    });
    files.push(GeneratedFile {
        path: format!("src/{SUPPORT_MODULE}.rs").into(),
        contents: format!("// {HEADER}\n\n{SUPPORT}"),
    });
    timings.emit += emitted - started;
    timings.format += emitted.elapsed();
    (files, timings)
}

/// The crate docs and the items of `src/lib.rs`.
fn lib_rs(model: &TypeModel) -> (TokenStream, Vec<Item>) {
    let description = plain_text(&model.package.description);
    let crate_docs = inner_doc_attributes(&format!(
        "{description}\n\n\
         Every model of the docs is a struct at the crate root, with serde impls that read and write \
         the API's JSON. Optional fields are `Option`s that are left out of the JSON when `None`. \
         Build values with `..Default::default()` (where a struct has `Default`), so that fields \
         the API adds later do not break your code. Enumerated fields are open enums, in the \
         module named after their model (`my_model::Status` for `MyModel.status`): a value \
         the docs do not list is kept verbatim in the catch-all variant. The enums are \
         `#[non_exhaustive]`: match them with a `_` arm, so that values the docs add later do not \
         break your code.{}{}{}",
        enum_page_docs(model),
        operation_docs(model),
        feature_docs(model)
    ));
    let support = ident(SUPPORT_MODULE);
    let mut items = vec![Item::Tokens(quote! {
        /// The serde support the models and enums share: the macros they invoke and their helpers.
        #[macro_use]
        mod #support;
    })];
    items.extend(model.models.iter().map(|item| {
        let file = format!("{}.rs", file_stem(&item.module));
        let private_name = private_module_name(&item.module);
        let private = ident(&private_name);
        let allow_private = allow_snake_case(&private_name);
        let name = ident(&item.rust_name);
        let cfg = feature_cfg(&item.features);
        let enums = (!item.enums.is_empty()).then(|| {
            let module = ident(&item.module);
            let allow_module = allow_snake_case(&item.module);
            let file = format!("enums/{file}");
            quote! {
                #cfg
                #[path = #file]
                #allow_module
                pub mod #module;
            }
        });
        Item::Tokens(quote! {
            #cfg
            #[path = #file]
            #allow_private
            mod #private;
            #cfg
            pub use #private::#name;
            #enums
        })
    }));
    if !model.regions.is_empty() {
        let module = ident(REGION_MODULE);
        items.push(Item::Tokens(quote!(pub mod #module;)));
    }
    if !model.operations.is_empty() {
        items.push(Item::Tokens(runtime_items()));
        items.extend(model.operations.iter().map(|group| {
            let cfg = feature_cfg(std::slice::from_ref(&group.feature));
            let file = group_file_path(&group.module)
                .trim_start_matches("src/")
                .to_owned();
            let module = ident(&group.module);
            let allow_module = allow_snake_case(&group.module);
            Item::Tokens(quote! {
                #cfg
                #[path = #file]
                #allow_module
                pub mod #module;
            })
        }));
    }
    (crate_docs, items)
}

/// The file of a group's module (`src/operations/pets_api.rs`).
fn group_file_path(module: &str) -> String {
    format!("src/{FOLDER}/{}.rs", file_stem(module))
}

/// The request runtime's public module, and the client's behind its feature. Their types are
/// not re-exported at the root: the models are there, and may have the same names. The modules'
/// docs are their files' own (outer docs here would make rustdoc resolve the files' intra-doc
/// links from the root).
fn runtime_items() -> TokenStream {
    let request = ident(REQUEST_MODULE);
    let client = ident(CLIENT_MODULE);
    quote! {
        pub mod #request;
        #[cfg(feature = #CLIENT_FEATURE)]
        pub mod #client;
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
    if !(model.models.iter()).any(|item| matches!(item.kind, ModelKind::Enum(_))) {
        return "";
    }
    " The docs' enum pages are open enums at the crate root too, each shared by every field \
     that names it."
}

/// The crate docs' paragraph on operations, when the docs have any.
fn operation_docs(model: &TypeModel) -> String {
    let Some(first) = model.operations.first() else {
        return String::new();
    };
    let example = code_span(&format!(
        "{}::{}",
        first.module,
        first
            .operations
            .first()
            .map_or("", |operation| operation.rust_name.as_str())
    ));
    let request = REQUEST_MODULE;
    format!(
        "\n\n# Operations\n\nEvery operation of the docs is a function in the module of its API \
         group ({example}): it takes the required parameters, and the optional ones in a \
         `Default`-able struct, and returns a [`{request}::Request`]: method, percent-encoded \
         path, query and JSON body, sans I/O. Send it with any HTTP client \
         ([`Request::to_http`]({request}::Request::to_http), then \
         [`Request::decode_response`]({request}::Request::decode_response) for the typed result \
         or a [`{request}::ApiError`]), or with the async client of the `{CLIENT_FEATURE}` \
         feature (off by default), `{CLIENT_MODULE}::Client`. The runtime's types are in these \
         two modules, not at the crate root, so a model may have the same name."
    )
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

/// The docs paragraph that names the page each fact another docs folder gave came from; empty
/// when there is none.
fn taken_from(taken: &[Taken]) -> String {
    let facts: Vec<String> = taken
        .iter()
        .map(|taken| {
            let fact = match taken.fact {
                Fact::JsonName => "the JSON name",
                Fact::EnumValues => "the values",
                Fact::Required => "whether it is required",
                Fact::Nullable => "that it may be `null`",
                Fact::Composition => "that it is a oneOf / anyOf (every field optional)",
                Fact::Variants => "the variants it is one of",
            };
            format!("{fact} from {}", code_span(&taken.from))
        })
        .collect();
    if facts.is_empty() {
        return String::new();
    }
    format!(
        "\n\nWhat this page cannot show is taken from the same API's other docs: {}.",
        facts.join(", ")
    )
}

/// The items of a model's file: its struct and the struct's serde impls, or an enum page's enum
/// and its impls.
fn model_file(model: &Model, types: &PrimitiveTypes) -> Vec<Item> {
    let origin = format!(
        "The {} {}, from the page {}.",
        code_span(&model.name),
        match model.kind {
            ModelKind::Struct | ModelKind::OneOf(_) => "model",
            ModelKind::Enum(_) => "enum",
        },
        code_span(&model.source)
    );
    let mut docs_text = if model.description.is_empty() {
        origin
    } else {
        format!("{}\n\n{origin}", plain_text(&model.description))
    };
    docs_text.push_str(&taken_from(&model.taken));
    if let ModelKind::Enum(item) = &model.kind {
        let scope = Scope {
            defined: vec![model.rust_name.as_str()],
        };
        return vec![enum_type(&docs_text, item, &scope), enum_impls(item)];
    }
    let scope = Scope {
        defined: vec![model.rust_name.as_str()],
    };
    if let ModelKind::OneOf(one_of) = &model.kind {
        return one_of_items(&docs_text, model, one_of, types, &scope);
    }
    let enums_import = (!model.enums.is_empty()).then(|| {
        let module = ident(&model.module);
        quote!(use super::#module as enums;)
    });
    let map_import = scope.imports(model);
    let mut items = Vec::new();
    if enums_import.is_some() || map_import.is_some() {
        items.push(Item::Tokens(quote! { #map_import #enums_import }));
    }
    let name = ident(&model.rust_name);
    let docs = doc_attributes(&docs_text);
    let default = model.has_default.then(|| quote!(, Default));
    let allow_camel = allow_camel_case(is_camel_case(&model.rust_name));
    let fields = model
        .fields
        .iter()
        .map(|field| struct_field(field, types, &scope));
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
        let ty = scope.map(field_type(&extra.ty, types, &scope, &quote!(enums)));
        quote! {
            #docs
            pub #name: #ty,
        }
    });
    items.push(Item::Tokens(quote! {
        #docs
        #[derive(Debug, Clone, PartialEq #default)]
        #allow_camel
        pub struct #name {
            #(#fields)*
            #additional
        }
    }));
    items.push(model_impls(model));
    items
}

/// The items of a oneOf / anyOf model's file: the enum of its variants, documented by
/// `docs_text`, and its serde impls.
fn one_of_items(
    docs_text: &str,
    model: &Model,
    one_of: &OneOfType,
    types: &PrimitiveTypes,
    scope: &Scope,
) -> Vec<Item> {
    let catch_all = &one_of.catch_all;
    let how = match &one_of.discriminator {
        Some(property) => format!(
            "A document whose {} names a variant is read as that variant; any other as the \
             first variant that reads it whole (no key left out), else kept in \
             [`Self::{catch_all}`].",
            code_span(property)
        ),
        None => format!(
            "A document is read as the first variant that reads it whole (no key left out), \
             else kept in [`Self::{catch_all}`]."
        ),
    };
    let docs = doc_attributes(&format!(
        "{docs_text}\n\nA value of one of the types the docs list, in their order. {how}"
    ));
    let variants = one_of.variants.iter().map(|variant| {
        let mut text = match &variant.ty.base {
            BaseType::Model { rust_name, .. } if variant.ty.containers.is_empty() => {
                format!("A [`{rust_name}`](super::{rust_name}).")
            }
            _ => format!(
                "A value of the docs' type {}.",
                code_span(&variant.ty.expr.to_string())
            ),
        };
        if let (Some(property), false) = (&one_of.discriminator, variant.tags.is_empty()) {
            let tags: Vec<String> = variant.tags.iter().map(|tag| code_span(tag)).collect();
            text.push_str(&format!(
                " Its {} is {}.",
                code_span(property),
                tags.join(" or ")
            ));
        }
        let docs = doc_attributes(&text);
        let name = ident(&variant.rust_name);
        let ty = field_type(&variant.ty, types, scope, &quote!(enums));
        quote! { #docs #name(#ty), }
    });
    let name = ident(&model.rust_name);
    let other = ident(catch_all);
    let allow_camel = allow_camel_case(
        is_camel_case(&model.rust_name)
            && (one_of.variants.iter()).all(|variant| is_camel_case(&variant.rust_name)),
    );
    let mut items = Vec::new();
    if let Some(imports) = scope.imports(model) {
        items.push(Item::Tokens(imports));
    }
    items.push(Item::Tokens(quote! {
        #docs
        #[derive(Debug, Clone, PartialEq)]
        #[non_exhaustive]
        #allow_camel
        pub enum #name {
            #(#variants)*
            /// A document no variant reads whole, kept as it is.
            #other(::serde_json::Value),
        }
    }));
    items.push(one_of_impls(model, one_of));
    items
}

/// The inner docs and items of the public module of a model's field enums.
fn enums_file(model: &Model) -> (TokenStream, Vec<Item>) {
    let scope = Scope::of_enums(&model.enums);
    let docs = inner_doc_attributes(&format!(
        "The enums of the fields of [`{0}`](super::{0}).",
        model.rust_name
    ));
    let items = model
        .enums
        .iter()
        .flat_map(|item| [field_enum(model, item, &scope), enum_impls(item)])
        .collect();
    (docs, items)
}

fn struct_field(field: &Field, types: &PrimitiveTypes, scope: &Scope) -> TokenStream {
    let mut text = plain_text(&field.description);
    if field.ty.base == BaseType::Primitive(Primitive::Number) {
        text.push_str(
            "\n\nThe docs say only `number`, not whether it is an integer or a float: \
             kept as the exact JSON number.",
        );
    }
    if field.required_unknown {
        text.push_str(
            "\n\nThe docs do not say whether it is required: optional, so that a document \
             without it reads.",
        );
    }
    text.push_str(&taken_from(&field.taken));
    text.push_str(&format!(
        "\n\nJSON {}; {}.",
        code_span(&field.wire_name),
        match (field.required, field.nullable) {
            (true, true) => "required, may be `null` (`None`, written as `null`)",
            (true, false) => "required",
            (false, _) if field.ty.is_any_value() => {
                "optional; a `null` is kept as `Some(Value::Null)` and written back"
            }
            (false, true) => "optional, may be `null` (read as `None`, like a missing one)",
            (false, false) => "optional",
        }
    ));
    let docs = doc_attributes(&text);
    let name = ident(&field.rust_name);
    let ty = field_type(&field.ty, types, scope, &quote!(enums));
    let ty = if field.required && !field.nullable {
        ty
    } else {
        scope.option(ty)
    };
    quote! {
        #docs
        pub #name: #ty,
    }
}

/// The open enum of a model's field, documented with the field it is for.
fn field_enum(model: &Model, item: &EnumType, scope: &Scope) -> Item {
    let wire = model
        .fields
        .iter()
        .find(|field| field.doc_name == item.field)
        .map_or(item.field.as_str(), |field| field.wire_name.as_str());
    let docs = format!(
        "The values of the {} field of [`{model}`](super::{model}).",
        code_span(wire),
        model = model.rust_name,
    );
    enum_type(&docs, item, scope)
}

/// `#[allow(non_snake_case)]` for a module named with `__` (the `Foo_Bar` model's `foo__bar`).
fn allow_snake_case(module: &str) -> Option<TokenStream> {
    (!is_snake_case(module)).then(|| quote!(#[allow(non_snake_case)]))
}

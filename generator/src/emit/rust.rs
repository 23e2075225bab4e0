//! The Rust files: `src/lib.rs`, the support module, one private module per model (its struct)
//! and one public module per model with enums (its field enums, `src/enums/<model>.rs`).
//!
//! Paths are short where that cannot change their meaning: `Option`, `String`, `Vec` and `Box`
//! come from the prelude unless the module defines an item of that name (a model `Option`), in
//! which case they are written in full; `BTreeMap` is imported likewise. Other models are
//! `super::Name` (the crate root's re-export), a model's enums `enums::Name`.

use proc_macro2::TokenStream;
use quote::{ToTokens, quote};

use super::docs::{code_span, doc_attributes, inner_doc_attributes, plain_text};
use super::layout::Item;
use super::operations::FOLDER;
use super::serde_impls::{enum_impls, model_impls, one_of_impls};
use super::types::{
    PrimitiveTypes, Scope, allow_camel_case, enum_type, field_type, ident, type_docs,
};
use crate::model::{
    BaseType, EnumType, Fact, Feature, Field, Listing, ListingField, Model, ModelKind, NextPage,
    OneOfType, Primitive, Taken, TypeModel,
};
use crate::naming::{
    CLIENT_FEATURE, CLIENT_MODULE, REGION_MODULE, REQUEST_MODULE, SUPPORT_MODULE, file_stem,
    is_camel_case, is_snake_case, private_module_name,
};

/// What `src/lib.rs` is made from, and all it is made from (its key in the record of
/// incremental regeneration hashes exactly this): the crate's description, each model's module,
/// features and kind, whether there are regions, each group's module and feature, the features.
#[derive(serde::Serialize)]
pub(super) struct LibInputs<'a> {
    description: &'a str,
    models: Vec<LibModel<'a>>,
    has_regions: bool,
    groups: Vec<LibGroup<'a>>,
    features: &'a [Feature],
}

/// What `src/lib.rs` says of one model.
#[derive(serde::Serialize)]
struct LibModel<'a> {
    module: &'a str,
    rust_name: &'a str,
    features: &'a [String],
    has_enums: bool,
    is_enum: bool,
}

/// What `src/lib.rs` says of one operation group.
#[derive(serde::Serialize)]
struct LibGroup<'a> {
    module: &'a str,
    feature: &'a str,
    first_operation: Option<&'a str>,
}

impl<'a> LibInputs<'a> {
    /// The part of `model` that `src/lib.rs` is made from.
    pub(super) fn of(model: &'a TypeModel) -> Self {
        LibInputs {
            description: &model.package.description,
            models: (model.models.iter())
                .map(|item| LibModel {
                    module: &item.module,
                    rust_name: &item.rust_name,
                    features: &item.features,
                    has_enums: !item.enums.is_empty(),
                    is_enum: matches!(item.kind, ModelKind::Enum(_)),
                })
                .collect(),
            has_regions: !model.regions.is_empty(),
            groups: (model.operations.iter())
                .map(|group| LibGroup {
                    module: &group.module,
                    feature: &group.feature,
                    first_operation: (group.operations.first())
                        .map(|operation| operation.rust_name.as_str()),
                })
                .collect(),
            features: &model.features,
        }
    }
}

/// The crate docs and the items of `src/lib.rs`.
pub(super) fn lib_rs(model: &LibInputs) -> (TokenStream, Vec<Item>) {
    let description = plain_text(model.description);
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
        let file = format!("{}.rs", file_stem(item.module));
        let private_name = private_module_name(item.module);
        let private = ident(&private_name);
        let allow_private = allow_snake_case(&private_name);
        let name = ident(item.rust_name);
        let cfg = feature_cfg(item.features);
        let enums = item.has_enums.then(|| {
            let module = ident(item.module);
            let allow_module = allow_snake_case(item.module);
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
    if model.has_regions {
        let module = ident(REGION_MODULE);
        items.push(Item::Tokens(quote!(pub mod #module;)));
    }
    if !model.groups.is_empty() {
        items.push(Item::Tokens(runtime_items()));
        items.extend(model.groups.iter().map(|group| {
            let cfg = feature_cfg(&[group.feature]);
            let file = group_file_path(group.module)
                .trim_start_matches("src/")
                .to_owned();
            let module = ident(group.module);
            let allow_module = allow_snake_case(group.module);
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
pub(super) fn group_file_path(module: &str) -> String {
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
fn feature_cfg(features: &[impl ToTokens]) -> Option<TokenStream> {
    match features {
        [] => None,
        [feature] => Some(quote!(#[cfg(feature = #feature)])),
        features => Some(quote!(#[cfg(any( #(feature = #features),* ))])),
    }
}

/// The crate docs' sentence on enum pages, when the docs have any.
fn enum_page_docs(model: &LibInputs) -> &'static str {
    if !(model.models.iter()).any(|item| item.is_enum) {
        return "";
    }
    " The docs' enum pages are open enums at the crate root too, each shared by every field \
     that names it."
}

/// The crate docs' paragraph on operations, when the docs have any.
fn operation_docs(model: &LibInputs) -> String {
    let Some(first) = model.groups.first() else {
        return String::new();
    };
    let example = code_span(&format!(
        "{}::{}",
        first.module,
        first.first_operation.unwrap_or("")
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
fn feature_docs(model: &LibInputs) -> String {
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
    for feature in model.features {
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
pub(super) fn model_file(model: &Model, types: &PrimitiveTypes) -> Vec<Item> {
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
    if let Some(listing) = &model.listing {
        items.push(listing_impl(model, listing, types, &scope));
    }
    items
}

/// The `request_::Listing` impl of a model that is a page of a listing: its items, and the next
/// page's request (its link followed, its cursor in the query, or its page number plus one while
/// less than the count).
fn listing_impl(model: &Model, listing: &Listing, types: &PrimitiveTypes, scope: &Scope) -> Item {
    let name = ident(&model.rust_name);
    let items_field = (model.fields.iter())
        .find(|field| field.rust_name == listing.items.rust_name)
        .expect("a listing's items are one of its model's fields");
    let mut item = items_field.ty.clone();
    item.containers.remove(0);
    let item = field_type(&item, types, scope, &quote!(enums));
    let items = ident(&listing.items.rust_name);
    let into_items = if listing.items.optional {
        quote!(self.#items.unwrap_or_default())
    } else {
        quote!(self.#items)
    };
    let value = |field: &ListingField| {
        let name = ident(&field.rust_name);
        if field.optional {
            quote!(self.#name?)
        } else {
            quote!(self.#name)
        }
    };
    let next = match &listing.next {
        NextPage::Link { field } => {
            let name = ident(&field.rust_name);
            if field.optional {
                quote!(request.follow(self.#name.as_deref()?))
            } else {
                quote!(request.follow(&self.#name))
            }
        }
        NextPage::Cursor { field, query } => {
            let name = ident(&field.rust_name);
            let cursor = if field.optional {
                quote!(self.#name.as_deref()?)
            } else {
                quote!(self.#name.as_str())
            };
            quote! {
                let cursor = #cursor;
                (!cursor.is_empty()).then(|| request.with_query(#query, cursor))
            }
        }
        NextPage::Number {
            number,
            count,
            query,
        } => {
            let (number, count) = (value(number), value(count));
            quote! {
                let (number, count) = (#number, #count);
                (number < count).then(|| request.with_query(#query, &(number + 1).to_string()))
            }
        }
    };
    let vec = scope.vec(item.clone());
    let option = scope.option(quote!(super::request_::Request<Self>));
    Item::Tokens(quote! {
        impl super::request_::Listing for #name {
            type Item = #item;

            fn into_items(self) -> #vec {
                #into_items
            }

            fn next_request(&self, request: &super::request_::Request<Self>) -> #option {
                #next
            }
        }
    })
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
                "A value of the type {}.",
                type_docs(&variant.ty, types, &model.module)
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
pub(super) fn enums_file(model: &Model) -> (TokenStream, Vec<Item>) {
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

//! The operations: one public module per API group (`src/operations/<module>.rs`, behind the
//! group's feature) holding, per operation, a function that builds its request, the struct of its
//! optional parameters, and the module of its parameters' enums.
//!
//! A function takes the required parameters in page order (a string as `&str`, a list as a slice,
//! a number, a boolean or a date by value, anything else by reference) and, when the operation has
//! optional ones, `params: &<Op>Params`; it returns `Request<T>` (`T` the return type, or
//! `NoContent`). Each file imports the runtime's module and those two types once (`use
//! super::request_::{self, NoContent, Request}`): a group's module defines only `...Params`
//! types, snake_case functions and enum modules, so neither name can be shadowed, and the module's
//! trailing `_` is the crate's own. The request has the path (its template, each placeholder
//! filled with its value percent-encoded: `set_path_parameter`), each query parameter under its wire name, header and
//! cookie parameters, and the body: JSON, a form's or a multipart body's fields under their wire
//! names (a file's as bytes), or text. A list in the query repeats its key once per value
//! (`expand=a&expand=b`): the form the vendor's Python SDK sends (its `collection_formats` are
//! `multi`). The runtime writes each value (`QueryValue`): strings as they are, enums as their
//! wire value, numbers and booleans as in JSON, dates in RFC 3339.

use std::collections::BTreeMap;

use proc_macro2::TokenStream;
use quote::quote;

use super::docs::{code_span, doc_attributes, doc_line, inner_doc_attributes, plain_text};
use super::layout::Item;
use super::serde_impls::enum_impls;
use super::types::{
    PrimitiveTypes, Scope, allow_camel_case, enum_type, field_type, ident, type_docs,
};
use crate::model::{
    BaseType, BodyEncoding, Container, FieldType, HttpMethod, Operation, OperationGroup, Parameter,
    ParameterLocation, Permissions, Primitive, placeholders,
};
use crate::naming::{PARAMS_ARGUMENT, REQUEST_MODULE, REQUEST_VARIABLE, is_camel_case};

/// The folder of the groups' files, under `src/`.
pub const FOLDER: &str = "operations";

/// The runtime module every crate with operations carries (`src/request_.rs`).
pub const REQUEST_RUNTIME: &str = include_str!("../../templates/request_.rs");

/// The optional async client (`src/client_.rs`, feature `client`).
pub const CLIENT_RUNTIME: &str = include_str!("../../templates/client_.rs");

/// What the examples need to name things from outside the crate.
pub struct Example<'a> {
    /// The generated crate's name as code writes it (`my_api`).
    pub crate_name: &'a str,
    /// The group's module.
    pub module: &'a str,
    /// The primitive -> Rust type table.
    pub rust_types: &'a BTreeMap<Primitive, String>,
}

/// The inner docs and items of a group's module.
pub fn group_file(
    group: &OperationGroup,
    example: &Example,
    types: &PrimitiveTypes,
) -> (TokenStream, Vec<Item>) {
    let docs = inner_doc_attributes(&format!(
        "The operations of the API group {} (the page {}), with the feature {}.\n\n\
         Each function builds a [`Request`] from the operation's required parameters and, when \
         it has optional ones, a `...Params` struct (build it with `..Default::default()`). Send \
         the request with any HTTP client (see [`Request`]), or with the `client` feature's \
         client. \
         Enumerated parameters are open enums, in the module named after their operation.",
        code_span(&group.name),
        code_span(&group.source),
        code_span(&group.feature),
    ));
    let emitter = Emitter {
        example,
        types,
        // Nothing is imported: `BTreeMap` is written in full, as though the module defined one.
        scope: Scope {
            defined: vec!["BTreeMap"],
        },
    };
    // The runtime, imported when the group has operations (a page whose operations were all
    // left out has none).
    let returns_nothing = (group.operations.iter()).any(|operation| operation.returns.is_none());
    let module = ident(REQUEST_MODULE);
    let no_content = returns_nothing.then(|| quote!(NoContent,));
    let mut items: Vec<Item> = (!group.operations.is_empty())
        .then(|| {
            Item::Tokens(quote! {
                use super::#module::{self, #no_content Request};
            })
        })
        .into_iter()
        .collect();
    for operation in &group.operations {
        if !operation.enums.is_empty() {
            items.push(emitter.enums_module(operation));
        }
        if operation.has_optional() {
            items.push(Item::Tokens(emitter.params_struct(operation)));
        }
        items.push(Item::Tokens(emitter.function(operation)));
    }
    (docs, items)
}

struct Emitter<'a> {
    example: &'a Example<'a>,
    types: &'a PrimitiveTypes,
    /// A group's module defines only `...Params` types: no prelude name is shadowed.
    scope: Scope<'a>,
}

impl Emitter<'_> {
    /// The module of an operation's enums, named after its function.
    fn enums_module(&self, operation: &Operation) -> Item {
        let scope = Scope::of_enums(&operation.enums);
        let items = operation
            .enums
            .iter()
            .flat_map(|item| {
                let wire = operation
                    .parameters
                    .iter()
                    .find(|parameter| parameter.doc_name == item.field)
                    .map_or(item.field.as_str(), |parameter| {
                        parameter.wire_name.as_str()
                    });
                let docs = format!(
                    "The values of the parameter {} of `{}`.",
                    code_span(wire),
                    operation.rust_name
                );
                [enum_type(&docs, item, &scope), enum_impls(item)]
            })
            .collect();
        let name = ident(&operation.rust_name);
        let docs = doc_attributes(&format!(
            "The enums of the parameters of `{}`.",
            operation.rust_name
        ));
        Item::Module {
            head: quote! {
                #docs
                pub mod #name {}
            },
            items,
        }
    }

    /// The struct of an operation's optional parameters.
    fn params_struct(&self, operation: &Operation) -> TokenStream {
        let name = ident(&operation.params_type);
        let docs = doc_attributes(&format!(
            "The optional parameters of `{}`: `None` leaves one out. Build it with \
             `..Default::default()`, so that parameters the API adds later do not break your code.",
            operation.rust_name
        ));
        let allow_camel = allow_camel_case(is_camel_case(&operation.params_type));
        let fields = operation
            .parameters
            .iter()
            .filter(|parameter| !parameter.required)
            .map(|parameter| {
                let docs = doc_attributes(&parameter_docs(operation, parameter));
                let name = ident(&parameter.rust_name);
                let ty = self.scope.option(self.parameter_type(operation, parameter));
                quote! {
                    #docs
                    pub #name: #ty,
                }
            });
        quote! {
            #docs
            #[derive(Debug, Clone, Default, PartialEq)]
            #allow_camel
            pub struct #name {
                #(#fields)*
            }
        }
    }

    /// The function that builds an operation's request.
    fn function(&self, operation: &Operation) -> TokenStream {
        let name = ident(&operation.rust_name);
        let docs = doc_attributes(&function_docs(operation, self.types));
        let example = example_attributes(self.example, operation);
        let required: Vec<&Parameter> = operation
            .parameters
            .iter()
            .filter(|parameter| parameter.required)
            .collect();
        let mut arguments: Vec<TokenStream> = required
            .iter()
            .map(|parameter| {
                let name = ident(&parameter.rust_name);
                let ty = self.argument_type(operation, parameter);
                quote!(#name: #ty)
            })
            .collect();
        if operation.has_optional() {
            let params = ident(PARAMS_ARGUMENT);
            let ty = ident(&operation.params_type);
            arguments.push(quote!(#params: &#ty));
        }
        let returns = match &operation.returns {
            // What `decode_text` gives, whatever the config's `str` type is.
            Some(_) if operation.returns_text() => quote!(::std::string::String),
            Some(ty) => self.rust_type(operation, ty),
            None => quote!(NoContent),
        };
        let decode = match &operation.returns {
            Some(_) if operation.returns_text() => runtime("decode_text"),
            Some(_) => runtime("decode_json"),
            None => runtime("decode_nothing"),
        };
        let method = method_constant(operation.method);
        let path = &operation.path;
        let request = ident(REQUEST_VARIABLE);
        let accept = operation
            .accept
            .as_deref()
            .map(|media_type| quote!(#request.set_accept(#media_type);));
        let statements: Vec<TokenStream> = (self.path_parameters(operation, &request).into_iter())
            .chain(accept)
            .chain(
                operation
                    .parameters
                    .iter()
                    .filter(|parameter| parameter.location != ParameterLocation::Path)
                    .map(|parameter| self.statement(operation, parameter, &request)),
            )
            .collect();
        let new = quote!(Request::new(::http::Method::#method, #path.to_owned(), #decode));
        let body = if statements.is_empty() {
            new
        } else {
            quote! {
                let mut #request = #new;
                #(#statements)*
                #request
            }
        };
        let deprecated = operation.deprecated.then(|| quote!(#[deprecated]));
        // The function is named as the docs name the operation; real names are snake_case.
        let allow_case =
            (!is_snake_function(&operation.rust_name)).then(|| quote!(#[allow(non_snake_case)]));
        // clippy's limit is 7; an operation takes as many as its page lists.
        let allow_arguments =
            (arguments.len() > 7).then(|| quote!(#[allow(clippy::too_many_arguments)]));
        // `#[inline]`: the crate itself does not generate code for its thousands of functions (and
        // for the serde code their bodies and results instantiate: a model's impls are generic
        // until a function decodes it with serde_json), only each user's crate for the ones it
        // calls. Measured on the 127.0.0 crate: 2.6x the models-only build without, 1.25x with.
        quote! {
            #docs
            #example
            #deprecated
            #allow_case
            #allow_arguments
            #[inline]
            pub fn #name(#(#arguments),*) -> Request<#returns> {
                #body
            }
        }
    }

    /// The statements that fill the path's placeholders, each with its parameter's value
    /// (`request_.set_path_parameter("petId", pet_id);`), in the template's order.
    fn path_parameters(
        &self,
        operation: &Operation,
        request: &proc_macro2::Ident,
    ) -> Vec<TokenStream> {
        placeholders(&operation.path)
            .filter_map(|(_, placeholder)| {
                // The model reports a placeholder no parameter fills; such a model is not emitted.
                let parameter = operation.parameters.iter().find(|parameter| {
                    parameter.location == ParameterLocation::Path
                        && parameter.wire_name == placeholder
                })?;
                let value = if parameter.required {
                    self.argument_ref(parameter)
                } else {
                    // An optional path parameter (which the docs do not write) is its default.
                    let params = ident(PARAMS_ARGUMENT);
                    let name = ident(&parameter.rust_name);
                    quote!(&#params.#name.clone().unwrap_or_default())
                };
                Some(quote!(#request.set_path_parameter(#placeholder, #value);))
            })
            .collect()
    }

    /// A reference to a required parameter's argument: the argument, or `&` it when it is taken
    /// by value.
    fn argument_ref(&self, parameter: &Parameter) -> TokenStream {
        let name = ident(&parameter.rust_name);
        if passes_by_value(parameter, self.example.rust_types) {
            quote!(&#name)
        } else {
            quote!(#name)
        }
    }

    /// The statement that adds a query, header, cookie, form or body parameter to the request.
    fn statement(
        &self,
        operation: &Operation,
        parameter: &Parameter,
        request: &proc_macro2::Ident,
    ) -> TokenStream {
        let name = ident(&parameter.rust_name);
        let wire = &parameter.wire_name;
        let push = match (parameter.location, operation.body_encoding) {
            (ParameterLocation::Header, _) => quote!(push_header),
            (ParameterLocation::Cookie, _) => quote!(push_cookie),
            (ParameterLocation::Form, BodyEncoding::Multipart) if parameter.file => {
                quote!(push_file_part)
            }
            (ParameterLocation::Form, BodyEncoding::Multipart) => quote!(push_part),
            (ParameterLocation::Form, _) => quote!(push_form),
            _ => quote!(push_query),
        };
        let add = |value: TokenStream| -> TokenStream {
            if parameter.location == ParameterLocation::Body {
                return match operation.body_encoding {
                    BodyEncoding::Text => quote!(#request.set_text_body(#value);),
                    _ => quote!(#request.set_json_body(#value);),
                };
            }
            if parameter.ty.containers.first() == Some(&Container::List) {
                quote! {
                    for value in #value {
                        #request.#push(#wire, value);
                    }
                }
            } else {
                quote!(#request.#push(#wire, #value);)
            }
        };
        if parameter.required {
            add(self.argument_ref(parameter))
        } else {
            let params = ident(PARAMS_ARGUMENT);
            let inner = add(quote!(#name));
            quote! {
                if let Some(#name) = &#params.#name {
                    #inner
                }
            }
        }
    }

    /// Whether `ty` is a `str` that is a `String`: an argument `&str`, written as it is.
    fn is_plain_string(&self, ty: &FieldType) -> bool {
        is_plain_string(
            ty,
            self.example
                .rust_types
                .get(&Primitive::String)
                .map(String::as_str),
        )
    }

    /// The Rust type of a parameter or return type, in the group's module.
    fn rust_type(&self, operation: &Operation, ty: &FieldType) -> TokenStream {
        let own_enums = ident(&operation.rust_name);
        field_type(ty, self.types, &self.scope, &quote!(#own_enums))
    }

    /// The Rust type of a parameter: its type's, but a file's contents are bytes
    /// (`Vec<u8>`, a list of them `Vec<Vec<u8>>`).
    fn parameter_type(&self, operation: &Operation, parameter: &Parameter) -> TokenStream {
        if parameter.file {
            return self.file_type(&parameter.ty);
        }
        self.rust_type(operation, &parameter.ty)
    }

    /// The bytes of a file (`Vec<u8>`), in `ty`'s containers (a list's `Vec<Vec<u8>>`).
    fn file_type(&self, ty: &FieldType) -> TokenStream {
        (ty.containers.iter()).fold(self.scope.vec(quote!(u8)), |inner, _| self.scope.vec(inner))
    }

    /// The type of a required parameter's argument: a string as `&str`, a file's contents as
    /// `&[u8]`, a list as a slice, a `Copy` primitive by value ([`passes_by_value`]), anything
    /// else by reference.
    fn argument_type(&self, operation: &Operation, parameter: &Parameter) -> TokenStream {
        let ty = &parameter.ty;
        if passes_by_value(parameter, self.example.rust_types) {
            return self.rust_type(operation, ty);
        }
        if self.is_plain_string(ty) && !parameter.file {
            return quote!(&str);
        }
        if parameter.file && ty.containers.is_empty() {
            return quote!(&[u8]);
        }
        if ty.containers.first() == Some(&Container::List) {
            let item = list_item(ty);
            let item = if parameter.file {
                self.file_type(&item)
            } else {
                self.rust_type(operation, &item)
            };
            return quote!(&[#item]);
        }
        let ty = self.rust_type(operation, ty);
        quote!(&#ty)
    }
}

/// A function of the request runtime, by the module each file imports (`request_::decode_json`).
fn runtime(function: &str) -> TokenStream {
    let module = ident(REQUEST_MODULE);
    let function = ident(function);
    quote!(#module::#function)
}

/// The Rust types of the primitives that are `Copy` by default: a required parameter of one is
/// taken by value. A type the config's `[types]` names instead is taken by reference, since it
/// may not be `Copy`.
const COPY_TYPES: [&str; 20] = [
    "bool",
    "char",
    "f32",
    "f64",
    "i8",
    "i16",
    "i32",
    "i64",
    "i128",
    "isize",
    "u8",
    "u16",
    "u32",
    "u64",
    "u128",
    "usize",
    "::jiff::Timestamp",
    "::jiff::civil::Date",
    "::jiff::civil::DateTime",
    "::jiff::civil::Time",
];

/// Whether a required parameter is taken by value: its type is a primitive whose Rust type is
/// `Copy` (a number, a boolean, a `jiff` date or time).
pub fn passes_by_value(parameter: &Parameter, rust_types: &BTreeMap<Primitive, String>) -> bool {
    let BaseType::Primitive(primitive) = parameter.ty.base else {
        return false;
    };
    let Some(rust) = rust_types.get(&primitive) else {
        return false;
    };
    let spelled: String = rust.split_whitespace().collect();
    parameter.ty.containers.is_empty() && !parameter.file && COPY_TYPES.contains(&spelled.as_str())
}

/// Whether `ty` is a `str` whose Rust type (`str_type`) is `String`.
fn is_plain_string(ty: &FieldType, str_type: Option<&str>) -> bool {
    ty.containers.is_empty()
        && ty.base == BaseType::Primitive(Primitive::String)
        && str_type.is_some_and(|rust| {
            rust.split_whitespace().collect::<String>() == "::std::string::String"
        })
}

/// The type of the items of a list type.
fn list_item(ty: &FieldType) -> FieldType {
    FieldType {
        containers: ty.containers[1..].to_vec(),
        ..ty.clone()
    }
}

/// Whether rustc's `non_snake_case` lint accepts `name` as a function or module name.
fn is_snake_function(name: &str) -> bool {
    let name = crate::naming::unraw(name).trim_matches('_');
    !name.contains(|c: char| c.is_ascii_uppercase()) && !name.contains("__")
}

/// `GET` -> `GET`, the associated constant of `http::Method`.
fn method_constant(method: HttpMethod) -> proc_macro2::Ident {
    ident(method.as_str())
}

/// An operation's docs: summary, notes, method and path, marks, permissions, parameters, result.
fn function_docs(operation: &Operation, types: &PrimitiveTypes) -> String {
    let mut text = String::new();
    if !operation.summary.is_empty() {
        text.push_str(&plain_text(&operation.summary));
        text.push_str("\n\n");
    }
    if !operation.notes.is_empty() {
        text.push_str(&plain_text(&operation.notes));
        text.push_str("\n\n");
    }
    text.push_str(&format!(
        "{}\n\n",
        code_span(&format!("{} {}", operation.method.as_str(), operation.path))
    ));
    if operation.preview {
        text.push_str(
            "**Preview**: the API may change this operation at any time, without notice.\n\n",
        );
    }
    if operation.deprecated {
        text.push_str("**Deprecated** by the API.\n\n");
    }
    match &operation.permissions {
        Some(Permissions::NotRequired) => text.push_str("Requires no permissions.\n\n"),
        Some(Permissions::All(names)) => text.push_str(&format!(
            "Requires all of these permissions: {}.\n\n",
            code_list(names)
        )),
        Some(Permissions::Any(names)) => text.push_str(&format!(
            "Requires any of these permissions: {}.\n\n",
            code_list(names)
        )),
        None => {}
    }
    let required: Vec<&Parameter> = operation
        .parameters
        .iter()
        .filter(|parameter| parameter.required)
        .collect();
    if !required.is_empty() {
        text.push_str("# Parameters\n\n");
        for parameter in required {
            text.push_str(&format!(
                "- {}: {}\n",
                code_span(crate::naming::unraw(&parameter.rust_name)),
                parameter_docs(operation, parameter).replace("\n\n", " ")
            ));
        }
        text.push('\n');
    }
    if operation.has_optional() {
        text.push_str(&format!(
            "The optional parameters are the fields of {}.\n\n",
            code_span(&operation.params_type)
        ));
    }
    text.push_str(&match (&operation.returns, &operation.accept) {
        (Some(_), Some(media_type)) if operation.returns_text() => {
            format!("A success's body is text ({}).", code_span(media_type))
        }
        (Some(ty), Some(media_type)) => format!(
            "A success's body ({}) decodes to {}.",
            code_span(media_type),
            type_docs(ty, types, &operation.rust_name)
        ),
        (Some(ty), None) => format!(
            "A success's body decodes to {}.",
            type_docs(ty, types, &operation.rust_name)
        ),
        (None, _) => "A success has no body: it decodes to [`NoContent`].".to_owned(),
    });
    text
}

/// A parameter of `operation`: its description and where it goes.
fn parameter_docs(operation: &Operation, parameter: &Parameter) -> String {
    let mut text = plain_text(&parameter.description);
    if !text.is_empty() {
        if !text.ends_with(['.', '!', '?', ':']) {
            text.push('.');
        }
        text.push_str("\n\n");
    }
    let list = parameter.ty.containers.first() == Some(&Container::List);
    text.push_str(&match parameter.location {
        ParameterLocation::Path => format!("In the path, `{{{}}}`", parameter.wire_name),
        ParameterLocation::Query if list => format!(
            "Query {}, once per value",
            code_span(&format!("{}=", parameter.wire_name))
        ),
        ParameterLocation::Query => format!("Query {}", code_span(&parameter.wire_name)),
        ParameterLocation::Header if list => format!(
            "Header {}, a line per value",
            code_span(&parameter.wire_name)
        ),
        ParameterLocation::Header => format!("Header {}", code_span(&parameter.wire_name)),
        ParameterLocation::Cookie => format!("Cookie {}", code_span(&parameter.wire_name)),
        ParameterLocation::Form if parameter.file => format!(
            "The file part {} of the multipart body (its bytes)",
            code_span(&parameter.wire_name)
        ),
        ParameterLocation::Form if list => format!(
            "Field {} of the body, once per value",
            code_span(&parameter.wire_name)
        ),
        ParameterLocation::Form => format!("Field {} of the body", code_span(&parameter.wire_name)),
        ParameterLocation::Body if operation.body_encoding == BodyEncoding::Text => {
            "The text body".to_owned()
        }
        ParameterLocation::Body => "The JSON body".to_owned(),
    });
    if !parameter.allowed_values.is_empty() {
        text.push_str(&format!(
            "; the docs list {}",
            code_list(&parameter.allowed_values)
        ));
    }
    if let Some(default) = &parameter.default {
        text.push_str(&format!(
            "; when left out, the server assumes {}",
            code_span(default)
        ));
    }
    text.push('.');
    text
}

/// `` `a`, `b` `` for a list of names.
fn code_list(names: &[String]) -> String {
    names
        .iter()
        .map(|name| code_span(name))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The `# Example` section: a `no_run` doctest that builds the request and turns it into an
/// `http` request. Its lines are not wrapped (a wrapped comment would become code).
fn example_attributes(context: &Example, operation: &Operation) -> TokenStream {
    let Example {
        crate_name, module, ..
    } = context;
    let function = &operation.rust_name;
    let required: Vec<&Parameter> = operation
        .parameters
        .iter()
        .filter(|parameter| parameter.required)
        .collect();
    // The required arguments are the hidden function's parameters, of the types the function
    // takes; a plain value cannot be written for every type (a model may have no `Default`).
    let hidden: Vec<String> = required
        .iter()
        .map(|parameter| {
            let name = &parameter.rust_name;
            format!("{name}: {}", example_type(context, operation, parameter))
        })
        .collect();
    let mut arguments: Vec<String> = required
        .iter()
        .map(|parameter| parameter.rust_name.clone())
        .collect();
    if operation.has_optional() {
        arguments.push(format!("&{module}::{}::default()", operation.params_type));
    }
    let allow = if operation.deprecated {
        "# #[allow(deprecated)]\n"
    } else {
        ""
    };
    let text = format!(
        "# Example\n\n```no_run\n\
         # use {crate_name}::{module};\n\
         {allow}# fn example({hidden}) {{\n\
         let request = {module}::{function}({arguments});\n\
         # }}\n\
         ```",
        hidden = hidden.join(", "),
        arguments = arguments.join(", "),
    );
    let lines = std::iter::once(String::new())
        .chain(text.lines().map(|line| {
            if line.is_empty() {
                String::new()
            } else {
                format!(" {line}")
            }
        }))
        .map(|line| doc_line(&line));
    quote! { #( #[doc = #lines] )* }
}

/// A required argument's type as the example (outside the crate) writes it.
fn example_type(context: &Example, operation: &Operation, parameter: &Parameter) -> String {
    let ty = &parameter.ty;
    if parameter.file {
        return if ty.containers.is_empty() {
            "&[u8]".to_owned()
        } else {
            "&[Vec<u8>]".to_owned()
        };
    }
    let Example {
        crate_name,
        module,
        rust_types,
    } = context;
    let inner = |ty: &FieldType| -> String {
        let mut text = match &ty.base {
            BaseType::Primitive(primitive) => rust_types[primitive].clone(),
            BaseType::Model { rust_name, .. } | BaseType::SharedEnum { rust_name } => {
                format!("{crate_name}::{rust_name}")
            }
            BaseType::Enum { rust_name } => {
                format!(
                    "{crate_name}::{module}::{}::{rust_name}",
                    operation.rust_name
                )
            }
        };
        for container in ty.containers.iter().rev() {
            text = match container {
                Container::List => format!("Vec<{text}>"),
                Container::Map => format!("std::collections::BTreeMap<String, {text}>"),
            };
        }
        text
    };
    if is_plain_string(ty, rust_types.get(&Primitive::String).map(String::as_str)) {
        return "&str".to_owned();
    }
    if ty.containers.first() == Some(&Container::List) {
        return format!("&[{}]", inner(&list_item(ty)));
    }
    if passes_by_value(parameter, rust_types) {
        return inner(ty);
    }
    format!("&{}", inner(ty))
}

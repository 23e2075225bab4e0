//! The request checks of `cargo xtask conformance`: for every operation, a call with synthesized
//! arguments (path values that need percent-encoding, every optional parameter set), made by the
//! generated function in a checker binary; the request's method, path and query are compared with
//! what the type model's operation documents, computed here without the generated code: the path
//! template with each placeholder's value percent-encoded (everything outside RFC 3986's
//! unreserved characters), and one `key=value` per query value under the parameter's wire name (a
//! list repeats its key). A body is checked to be there exactly when one was given, of the
//! operation's media type: JSON that parses, text, or a form's or multipart body's fields (each
//! `name=value` pair, or part, under the parameter's wire name; a file's bytes as they are).
//!
//! The same checker then decodes a response with each request's `decode_response`: a document
//! synthesized for the return type ([`crate::synth`]) with status 200 must decode and serialize
//! back to an equal document ([`Types::compare_type`]); an operation that returns nothing must
//! decode an empty body; and a 404 with a JSON error body must be `ApiError::Status` with that
//! status and body.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use anyhow::{Context, Result, bail};
use markdown_model_codegen::emit::{CLIENT_MODULE, REQUEST_MODULE, passes_by_value};
use markdown_model_codegen::model::{
    BaseType, BodyEncoding, Container, FieldType, ModelKind, Operation, OperationGroup, Parameter,
    ParameterLocation, Primitive, TypeModel, placeholders,
};
use quote::{format_ident, quote};
use serde_json::{Value, json};

use crate::equality::Types;
use crate::synth::{Synthesizer, unknown_value};

/// One operation's call: its arguments as JSON (the checker deserializes each into its type) and
/// the request the page documents for them.
pub struct Call {
    /// `module::function`, the checker's name for the operation.
    pub operation: String,
    /// The required parameters' values, in page order.
    pub required: Vec<Value>,
    /// The optional parameters' values, by Rust name.
    pub optional: serde_json::Map<String, Value>,
    /// What the request must be.
    pub expected: Expected,
    /// The success response to decode; `None` when the operation returns nothing (its response is
    /// an empty body).
    pub response: Option<Response>,
}

/// A success response's document and the type it must decode to.
pub struct Response {
    /// The operation's return type.
    pub ty: FieldType,
    /// A document of that type.
    pub document: Value,
}

/// The request a call must build.
#[derive(Debug, PartialEq)]
pub struct Expected {
    /// The method (`GET`).
    pub method: String,
    /// The percent-encoded path.
    pub path: String,
    /// The query's `(key, value)` pairs, decoded, sorted.
    pub query: Vec<(String, String)>,
    /// The header parameters' `(name, value)` pairs, names in lower case, sorted (the cookie
    /// parameters one `cookie` header, `name=value` pairs in page order, values percent-encoded).
    pub headers: Vec<(String, String)>,
    /// Whether a body parameter was given.
    pub body: bool,
    /// The form or multipart body's fields, `(name, value)` (a file's bytes read as UTF-8,
    /// lossily), sorted.
    pub form: Vec<(String, String)>,
    /// The body's media type without its parameters (`multipart/form-data`); `None` without a
    /// body.
    pub content_type: Option<String>,
}

/// A file's contents for file parameters: bytes that are not UTF-8, a line break and what
/// starts a multipart boundary line.
const FILE_BYTES: [u8; 8] = [0x00, 0xFF, b'\r', b'\n', b'-', b'-', b'a', 0xC3];

/// Strings for parameters: reserved characters a path or query must encode, quotes, a backslash,
/// non-ASCII and U+2028, and the unreserved punctuation that stays as it is.
const STRINGS: [&str; 3] = [
    "a/b c?d#e%f&g=h+i;j,k",
    "quote \" backslash \\ é 😀 \u{2028}",
    "plain-._~",
];

/// Strings for header parameters: a header value is visible ASCII, so these are what an entity
/// tag, a language range or an identifier look like, with the quotes, commas and spaces they hold.
const HEADER_STRINGS: [&str; 3] = ["\"v2-a1b2\"", "W/\"x y\", fr;q=0.5", "plain-._~"];

/// The headers a client or server adds on its own, which are no parameter's.
const TRANSPORT_HEADERS: [&str; 8] = [
    "accept",
    "accept-encoding",
    "authorization",
    "connection",
    "content-length",
    "content-type",
    "host",
    "user-agent",
];

/// The body of the 404 every request decodes, which must come back as it is in
/// `ApiError::Status`.
const ERROR_BODY: &str =
    r#"{"message":"no such resource: é 😀 \u2028","code":"not.found","status":404}"#;

/// A call of every operation of every group, in group and operation order.
pub fn calls(model: &TypeModel) -> Result<Vec<Call>> {
    let synthesizer = Synthesizer::new(model);
    let mut calls = Vec::new();
    for group in &model.operations {
        for operation in &group.operations {
            calls.push(
                call(model, &synthesizer, group, operation, calls.len())
                    .with_context(|| format!("{}.{}", group.name, operation.name))?,
            );
        }
    }
    Ok(calls)
}

fn call(
    model: &TypeModel,
    synthesizer: &Synthesizer,
    group: &OperationGroup,
    operation: &Operation,
    seed: usize,
) -> Result<Call> {
    let mut required = Vec::new();
    let mut optional = serde_json::Map::new();
    let mut path_values = Vec::new();
    let mut query = Vec::new();
    let mut headers = Vec::new();
    let mut cookies = Vec::new();
    let mut form = Vec::new();
    let mut body = false;
    for (seed, parameter) in operation.parameters.iter().enumerate() {
        let value = parameter_value(model, synthesizer, operation, parameter, seed)?;
        let items = match (&value, parameter.ty.containers.first()) {
            (Value::Array(items), Some(Container::List)) => items.clone(),
            _ => vec![value.clone()],
        };
        match parameter.location {
            ParameterLocation::Path => {
                path_values.push((parameter.wire_name.as_str(), query_text(&value)?));
            }
            ParameterLocation::Query => {
                for item in &items {
                    query.push((parameter.wire_name.clone(), query_text(item)?));
                }
            }
            ParameterLocation::Header => {
                for item in &items {
                    headers.push((parameter.wire_name.to_ascii_lowercase(), query_text(item)?));
                }
            }
            ParameterLocation::Cookie => {
                for item in &items {
                    let text = percent_encode(&query_text(item)?);
                    cookies.push(format!("{}={text}", parameter.wire_name));
                }
            }
            ParameterLocation::Form if parameter.file => {
                for _ in &items {
                    let text = String::from_utf8_lossy(&FILE_BYTES).into_owned();
                    form.push((parameter.wire_name.clone(), text));
                }
            }
            ParameterLocation::Form => {
                for item in &items {
                    form.push((parameter.wire_name.clone(), query_text(item)?));
                }
            }
            ParameterLocation::Body => body = true,
        }
        if parameter.required {
            required.push(value);
        } else {
            optional.insert(parameter.rust_name.clone(), value);
        }
    }
    let mut path = String::new();
    let mut rest = 0;
    for (span, placeholder) in placeholders(&operation.path) {
        path.push_str(&operation.path[rest..span.start - 1]);
        rest = span.end + 1;
        let Some((_, text)) = path_values.iter().find(|(wire, _)| *wire == placeholder) else {
            bail!("no parameter fills {{{placeholder}}}");
        };
        path.push_str(&percent_encode(text));
    }
    path.push_str(&operation.path[rest..]);
    if !cookies.is_empty() {
        headers.push(("cookie".to_owned(), cookies.join("; ")));
    }
    query.sort();
    headers.sort();
    form.sort();
    let content_type = (body || !form.is_empty()).then(|| {
        match operation.body_encoding {
            BodyEncoding::Json => "application/json",
            BodyEncoding::Form => "application/x-www-form-urlencoded",
            BodyEncoding::Multipart => "multipart/form-data",
            BodyEncoding::Text => "text/plain",
        }
        .to_owned()
    });
    let response = match &operation.returns {
        Some(ty) => Some(Response {
            ty: ty.clone(),
            document: synthesizer
                .value_of(ty, seed)?
                .with_context(|| format!("no value for the return type {}", ty))?,
        }),
        None => None,
    };
    Ok(Call {
        operation: format!("{}::{}", group.module, operation.rust_name),
        required,
        optional,
        expected: Expected {
            method: operation.method.as_str().to_owned(),
            path,
            query,
            headers,
            body,
            form,
            content_type,
        },
        response,
    })
}

/// A parameter's synthesized value: two items for a list, a model with every field for a body.
fn parameter_value(
    model: &TypeModel,
    synthesizer: &Synthesizer,
    operation: &Operation,
    parameter: &Parameter,
    seed: usize,
) -> Result<Value> {
    if parameter.file {
        let bytes = json!(FILE_BYTES);
        return Ok(match parameter.ty.containers.first() {
            Some(Container::List) => json!([bytes, bytes]),
            _ => bytes,
        });
    }
    if parameter.location == ParameterLocation::Body
        && parameter.ty.base == BaseType::Primitive(Primitive::String)
        && parameter.ty.containers.is_empty()
    {
        return Ok(json!(STRINGS[seed % STRINGS.len()]));
    }
    if parameter.location == ParameterLocation::Body {
        return synthesizer
            .value_of(&parameter.ty, seed)?
            .context("no value for the body's type");
    }
    let one = |seed: usize| -> Result<Value> {
        Ok(match &parameter.ty.base {
            BaseType::Primitive(Primitive::String)
                if parameter.location == ParameterLocation::Header =>
            {
                json!(HEADER_STRINGS[seed % HEADER_STRINGS.len()])
            }
            BaseType::Primitive(primitive) => primitive_value(*primitive, seed),
            BaseType::Enum { rust_name } => {
                let Some(item) = operation
                    .enums
                    .iter()
                    .find(|item| &item.rust_name == rust_name)
                else {
                    bail!("parameter {}: no enum {rust_name}", parameter.doc_name);
                };
                // Each listed value in turn, and one the docs do not list.
                match item.variants.get(seed % (item.variants.len() + 1)) {
                    Some(variant) => json!(variant.value),
                    None => json!(unknown_value(item)),
                }
            }
            BaseType::SharedEnum { rust_name } => {
                let page = model
                    .models
                    .iter()
                    .find(|item| &item.rust_name == rust_name);
                let Some(ModelKind::Enum(item)) = page.map(|item| &item.kind) else {
                    bail!("parameter {}: no enum page {rust_name}", parameter.doc_name);
                };
                match item.variants.get(seed % (item.variants.len() + 1)) {
                    Some(variant) => json!(variant.value),
                    None => json!(unknown_value(item)),
                }
            }
            BaseType::Model { .. } => synthesizer
                .value_of(&element_type(&parameter.ty), seed)?
                .context("no value for the parameter's model")?,
        })
    };
    let mut value = one(seed)?;
    if parameter.ty.containers.len() > 1 {
        bail!(
            "parameter {} outside the body has nested containers, {}",
            parameter.doc_name,
            parameter.ty
        );
    }
    if parameter.ty.containers.first() == Some(&Container::List) {
        value = json!([value, one(seed + 1)?]);
    }
    Ok(value)
}

/// The type without its containers.
fn element_type(ty: &FieldType) -> FieldType {
    FieldType {
        containers: Vec::new(),
        ..ty.clone()
    }
}

/// A value of a primitive for a path or query parameter.
fn primitive_value(primitive: Primitive, seed: usize) -> Value {
    match primitive {
        Primitive::String => json!(STRINGS[seed % STRINGS.len()]),
        Primitive::Integer => json!([-3_i64, 9_007_199_254_740_993][seed % 2]),
        Primitive::Float => json!([-0.25, 1.5][seed % 2]),
        Primitive::Number => json!(3),
        Primitive::Boolean => json!(seed.is_multiple_of(2)),
        Primitive::Date => json!("2021-09-30"),
        Primitive::DateTime => json!("2021-09-30T12:34:56.5Z"),
        Primitive::LocalDateTime => json!("2021-09-30T12:34:56"),
        Primitive::YearMonth => json!("2021-09"),
        Primitive::Any => json!({ "key": ["value", 1] }),
    }
}

/// How a query or path writes a value: a string as it is, anything else as its JSON text.
fn query_text(value: &Value) -> Result<String> {
    Ok(match value {
        Value::String(text) => text.clone(),
        other => serde_json::to_string(other)?,
    })
}

/// Every byte outside RFC 3986's unreserved characters as `%XX`.
fn percent_encode(text: &str) -> String {
    let mut out = String::new();
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(byte));
        } else {
            write!(out, "%{byte:02X}").expect("writing to a String");
        }
    }
    out
}

/// `%XX` decoded; anything else as it is.
fn percent_decode(text: &str) -> Result<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut at = 0;
    while at < bytes.len() {
        if bytes[at] == b'%' {
            let hex = text
                .get(at + 1..at + 3)
                .context("a `%` without two hex digits")?;
            out.push(u8::from_str_radix(hex, 16).context("a `%` without two hex digits")?);
            at += 3;
        } else {
            out.push(bytes[at]);
            at += 1;
        }
    }
    String::from_utf8(out).context("a decoded query is not UTF-8")
}

/// The request the checker reported (`{"method", "path", "query", "body"}`), in [`Expected`]'s
/// form.
pub fn observed(report: &Value) -> Result<Expected> {
    let text = |key: &str| -> Result<String> {
        Ok(report[key]
            .as_str()
            .with_context(|| format!("no {key} in {report}"))?
            .to_owned())
    };
    let mut query = Vec::new();
    for pair in text("query")?.split('&').filter(|pair| !pair.is_empty()) {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        query.push((percent_decode(key)?, percent_decode(value)?));
    }
    query.sort();
    // The checker's `[name, value]` pairs, or the server's `{name: [values]}`.
    let mut headers = Vec::new();
    match &report["headers"] {
        Value::Array(pairs) => {
            for pair in pairs {
                let (Some(name), Some(value)) = (pair[0].as_str(), pair[1].as_str()) else {
                    bail!("unreadable header {pair}");
                };
                headers.push((name.to_ascii_lowercase(), value.to_owned()));
            }
        }
        Value::Object(received) => {
            for (name, values) in received {
                if TRANSPORT_HEADERS.contains(&name.as_str()) {
                    continue;
                }
                for value in values.as_array().into_iter().flatten() {
                    let value = value.as_str().context("a header value is not text")?;
                    headers.push((name.to_ascii_lowercase(), value.to_owned()));
                }
            }
        }
        other => bail!("unreadable headers {other}"),
    }
    headers.sort();
    let content_type = report["content_type"].as_str();
    let essence = content_type.map(|media_type| {
        let essence = media_type.split(';').next().unwrap_or_default();
        essence.trim().to_ascii_lowercase()
    });
    let mut form = Vec::new();
    let body = match (&report["body"], essence.as_deref()) {
        (Value::Null, _) => false,
        (Value::String(form_body), Some("application/x-www-form-urlencoded")) => {
            for pair in form_body.split('&').filter(|pair| !pair.is_empty()) {
                let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
                form.push((percent_decode(key)?, percent_decode(value)?));
            }
            false
        }
        (Value::String(multipart), Some("multipart/form-data")) => {
            let boundary = content_type
                .and_then(|media_type| media_type.split_once("boundary="))
                .map(|(_, boundary)| boundary.trim_matches('"'))
                .context("a multipart body without a boundary")?;
            form = multipart_fields(multipart, boundary)?;
            false
        }
        (Value::String(_), Some("text/plain")) => true,
        (Value::String(json), _) => {
            serde_json::from_str::<Value>(json).context("the body is not JSON")?;
            true
        }
        (other, _) => bail!("unreadable body {other}"),
    };
    form.sort();
    Ok(Expected {
        method: text("method")?,
        path: text("path")?,
        query,
        headers,
        body,
        form,
        content_type: essence,
    })
}

/// The `(name, contents)` of each part of a multipart body.
fn multipart_fields(body: &str, boundary: &str) -> Result<Vec<(String, String)>> {
    let delimiter = format!("--{boundary}");
    let Some(rest) = body.strip_prefix(&delimiter) else {
        bail!("a multipart body does not start with its boundary");
    };
    let Some((parts, after)) = rest.rsplit_once(&format!("\r\n{delimiter}--")) else {
        bail!("a multipart body does not end with its boundary");
    };
    if after != "\r\n" {
        bail!("a multipart body has {after:?} after its last boundary");
    }
    let mut fields = Vec::new();
    for part in parts.split(&format!("\r\n{delimiter}")) {
        let part = part
            .strip_prefix("\r\n")
            .context("a part's boundary line is not ended")?;
        let (head, contents) = part
            .split_once("\r\n\r\n")
            .context("a part without a blank line after its headers")?;
        let name = head
            .split("\r\n")
            .filter_map(|line| line.split_once(':'))
            .find(|(header, _)| header.eq_ignore_ascii_case("content-disposition"))
            .and_then(|(_, value)| value.split_once("name=\""))
            .and_then(|(_, rest)| rest.split_once('"'))
            .map(|(name, _)| name.to_owned())
            .context("a part without a name")?;
        fields.push((name, contents.to_owned()));
    }
    Ok(fields)
}

/// Whether the checker's report of a call's responses (`"decoded"`: `{"ok": the decoded value
/// serialized, null for nothing}` or `{"error": ...}`; `"not_found"`: the 404's status and body as
/// `ApiError::Status` gave them back) is what the call's response must give. `over_http`: the
/// responses came over HTTP, where the answer to a `HEAD` has no body.
pub fn check_response(
    types: &Types,
    call: &Call,
    report: &Value,
    over_http: bool,
) -> Result<(), String> {
    let decoded = &report["decoded"];
    let Some(back) = decoded.get("ok") else {
        return Err(format!("the success response did not decode: {decoded}"));
    };
    match &call.response {
        Some(response) => types
            .compare_type(&response.ty, &response.document, back)
            .map_err(|difference| format!("the decoded response differs: {difference}"))?,
        None if back.is_null() => {}
        None => return Err(format!("an empty response decoded to {back}")),
    }
    let body = if over_http && call.expected.method == "HEAD" {
        ""
    } else {
        ERROR_BODY
    };
    let wanted = json!({ "status": 404, "body": body });
    if report["not_found"] != wanted {
        return Err(format!(
            "a 404 gave {}, not ApiError::Status {wanted}",
            report["not_found"]
        ));
    }
    Ok(())
}

/// The runtime items of the generated crate that the checkers name (with the `client` feature's
/// too when `client`): the one place that spells their paths.
pub fn runtime_imports(client: bool) -> proc_macro2::TokenStream {
    let request = format_ident!("{}", REQUEST_MODULE);
    let client = client.then(|| {
        let module = format_ident!("{}", CLIENT_MODULE);
        quote!(
            use models::#module::{Client, ClientError};
        )
    });
    quote! {
        use models::#request::{ApiError, NoContent, Request};
        #client
    }
}

/// The checker's second binary (`src/bin/requests.rs`): for each call of the file it is given, the
/// generated function's request as `{"method", "path", "query", "body"}` and the decoded responses
/// (see [`check_response`]), one line each. Its exchange is `Request::decode_response` on the
/// answer, without I/O.
pub fn checker_source(model: &TypeModel) -> Result<String> {
    let runtime = runtime_imports(false);
    let exchange = quote! {
        #runtime

        /// What [`exchange`] fails with.
        type Error = ApiError;

        /// The request as built, and the answer `status` and `body` decoded by the request.
        fn exchange<T>(
            request: &Request<T>,
            status: ::http::StatusCode,
            body: &[u8],
        ) -> (::serde_json::Value, ::std::result::Result<T, Error>) {
            let sent = ::serde_json::json!({
                "method": request.method().as_str(),
                "path": request.path(),
                "query": request.query(),
                "headers": request.headers(),
                "content_type": request.content_type(),
                "body": request.body().map(|body| ::std::string::String::from_utf8_lossy(body).into_owned()),
            });
            (sent, request.decode_response(status, body))
        }

        /// The API error within an exchange's error: all of them are.
        fn api_error(error: Error) -> ::std::result::Result<ApiError, ::std::string::String> {
            Ok(error)
        }
    };
    checker_binary(
        model,
        "Builds the request of every call of the file it is given, decodes its responses, and \
         prints both as JSON.",
        &exchange,
    )
}

/// A checker binary: `exchange` defines `Error`, `exchange(request, status, body)` (the request as
/// it was sent, and the result of the answer with `status` and `body`) and `api_error` (the
/// `ApiError` within an `Error`, or its text); this adds, for each operation, a function that
/// builds its request from a call's arguments and exchanges it twice: answered with the call's
/// document (an empty body when it returns nothing), then with a 404. For each call of the file
/// given as its argument it prints one line, `{"method", "path", "query", "body", "decoded",
/// "not_found"}`, which [`observed`] and [`check_response`] read.
pub fn checker_binary(
    model: &TypeModel,
    about: &str,
    exchange: &proc_macro2::TokenStream,
) -> Result<String> {
    let (functions, arms): (Vec<_>, Vec<_>) = model
        .operations
        .iter()
        .flat_map(|group| {
            group
                .operations
                .iter()
                .map(move |operation| (group, operation))
        })
        .enumerate()
        .map(|(index, (group, operation))| {
            check_function(index, group, operation, &model.rust_types)
        })
        .unzip();
    let support = checker_support();
    let source = quote! {
        #![doc = #about]
        #![allow(deprecated, reason = "deprecated operations are checked too")]

        #exchange

        #support

        #(#functions)*

        fn main() {
            let path = ::std::env::args().nth(1).expect("usage: CHECKER CALLS");
            let text = ::std::fs::read_to_string(path).expect("read the calls");
            for line in text.lines() {
                let call: ::serde_json::Value = ::serde_json::from_str(line).expect("a JSON line");
                let answer = match call["operation"].as_str().unwrap_or_default() {
                    #(#arms)*
                    other => ::serde_json::json!({ "error": format!("no operation {other}") }),
                };
                println!("{answer}");
            }
        }
    };
    let file: syn::File = syn::parse2(source).context("a request checker does not parse")?;
    Ok(prettyplease::unparse(&file))
}

/// The checker's function for one operation (`check_<index>`: builds the request from a call's
/// arguments and exchanges it) and its arm in `main`'s dispatch by operation.
fn check_function(
    index: usize,
    group: &OperationGroup,
    operation: &Operation,
    rust_types: &BTreeMap<Primitive, String>,
) -> (proc_macro2::TokenStream, proc_macro2::TokenStream) {
    let check = format_ident!("check_{index}");
    let module = raw_ident(&group.module);
    let function = raw_ident(&operation.rust_name);
    let mut statements = Vec::new();
    let mut arguments = Vec::new();
    for (at, parameter) in operation
        .parameters
        .iter()
        .filter(|parameter| parameter.required)
        .enumerate()
    {
        let name = format_ident!("argument_{at}");
        let ty = &parameter.ty;
        let plain_string =
            ty.containers.is_empty() && ty.base == BaseType::Primitive(Primitive::String);
        let annotation = if parameter.file && ty.containers.is_empty() {
            quote!(: ::std::vec::Vec<u8>)
        } else if plain_string {
            quote!(: ::std::string::String)
        } else if ty.containers.first() == Some(&Container::List) {
            quote!(: ::std::vec::Vec<_>)
        } else {
            quote!()
        };
        statements.push(quote! {
            let #name #annotation = required(call, #at);
        });
        arguments.push(if passes_by_value(parameter, rust_types) {
            quote!(#name)
        } else {
            quote!(&#name)
        });
    }
    if operation.has_optional() {
        let params = raw_ident(&operation.params_type);
        let fields = operation
            .parameters
            .iter()
            .filter(|parameter| !parameter.required)
            .map(|parameter| {
                let field = raw_ident(&parameter.rust_name);
                let key = &parameter.rust_name;
                quote!(#field: optional(call, #key),)
            });
        statements.push(quote! {
            let params = models::#module::#params { #(#fields)* };
        });
        arguments.push(quote!(&params));
    }
    let call = if operation.parameters.is_empty() && operation.returns.is_none() {
        quote!(_)
    } else {
        quote!(call)
    };
    let run = if operation.returns.is_some() {
        quote!(run_document(&request, call))
    } else {
        quote!(run_empty(&request))
    };
    let function = quote! {
        fn #check(#call: &::serde_json::Value) -> ::serde_json::Value {
            #(#statements)*
            let request = models::#module::#function(#(#arguments),*);
            #run
        }
    };
    let key = format!("{}::{}", group.module, operation.rust_name);
    (function, quote!(#key => #check(&call),))
}

/// The functions every request checker has: reading a call's arguments, answering a request
/// with a document, an empty body and a 404, and reporting what came back.
fn checker_support() -> proc_macro2::TokenStream {
    let error_body = ERROR_BODY;
    quote! {
        fn required<T: ::serde::de::DeserializeOwned>(call: &::serde_json::Value, at: usize) -> T {
            ::serde_json::from_value(call["required"][at].clone())
                .unwrap_or_else(|error| panic!("{}: argument {at}: {error}", call["operation"]))
        }

        fn optional<T: ::serde::de::DeserializeOwned>(call: &::serde_json::Value, key: &str) -> T {
            ::serde_json::from_value(call["optional"][key].clone())
                .unwrap_or_else(|error| panic!("{}: parameter {key}: {error}", call["operation"]))
        }

        /// Answers with the call's document; the decoded value serialized.
        fn run_document<T: ::serde::Serialize>(request: &Request<T>, call: &::serde_json::Value) -> ::serde_json::Value {
            let body = ::serde_json::to_vec(&call["response"]).expect("a document serializes");
            let (sent, result) = exchange(request, ::http::StatusCode::OK, &body);
            let decoded = result
                .map_err(|error| error.to_string())
                .and_then(|value| ::serde_json::to_value(&value).map_err(|error| format!("serialize: {error}")));
            report(request, sent, decoded)
        }

        /// Answers with an empty body; `null` for `NoContent`.
        fn run_empty(request: &Request<NoContent>) -> ::serde_json::Value {
            let (sent, result) = exchange(request, ::http::StatusCode::OK, b"");
            let decoded = result.map(|NoContent| ::serde_json::Value::Null).map_err(|error| error.to_string());
            report(request, sent, decoded)
        }

        /// The report of a call: the request as sent, what the success decoded to, and the
        /// status and body that a 404 with a JSON error body gave back.
        fn report<T>(
            request: &Request<T>,
            mut sent: ::serde_json::Value,
            decoded: ::std::result::Result<::serde_json::Value, ::std::string::String>,
        ) -> ::serde_json::Value {
            let (_, result) = exchange(request, ::http::StatusCode::NOT_FOUND, #error_body.as_bytes());
            sent["not_found"] = match result.map(|_| ()).map_err(api_error) {
                Err(Ok(ApiError::Status { status, body, .. })) => ::serde_json::json!({
                    "status": status.as_u16(),
                    "body": ::std::string::String::from_utf8_lossy(&body),
                }),
                Err(Ok(error)) => ::serde_json::json!({ "other error": error.to_string() }),
                Err(Err(error)) => ::serde_json::json!({ "other error": error }),
                Ok(()) => ::serde_json::json!("decoded as a success"),
            };
            sent["decoded"] = match decoded {
                Ok(value) => ::serde_json::json!({ "ok": value }),
                Err(error) => ::serde_json::json!({ "error": error }),
            };
            sent
        }
    }
}

/// The calls as the checker reads them, one JSON line each.
pub fn calls_file(calls: &[Call]) -> String {
    let mut lines = String::new();
    for call in calls {
        let entry = json!({
            "operation": call.operation,
            "required": call.required,
            "optional": call.optional,
            "response": call.response.as_ref().map(|response| &response.document),
        });
        lines.push_str(&entry.to_string());
        lines.push('\n');
    }
    lines
}

/// An identifier, raw when written `r#name`.
fn raw_ident(name: &str) -> proc_macro2::Ident {
    match name.strip_prefix("r#") {
        Some(raw) => proc_macro2::Ident::new_raw(raw, proc_macro2::Span::call_site()),
        None => proc_macro2::Ident::new(name, proc_macro2::Span::call_site()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encoding_and_decoding_agree_and_leave_unreserved_characters() {
        for text in STRINGS {
            assert_eq!(
                percent_decode(&percent_encode(text)).expect("decodes"),
                text
            );
        }
        assert_eq!(percent_encode("a/b c-._~"), "a%2Fb%20c-._~");
    }

    /// A call of a `GET /x` that returns `response`.
    fn call_returning(response: Option<Response>) -> Call {
        Call {
            operation: "x_api::get_x".into(),
            required: Vec::new(),
            optional: serde_json::Map::new(),
            expected: Expected {
                method: "GET".into(),
                path: "/x".into(),
                query: Vec::new(),
                headers: Vec::new(),
                body: false,
                form: Vec::new(),
                content_type: None,
            },
            response,
        }
    }

    /// A checker's report with the decoded value `decoded` and a right 404.
    fn report(decoded: Value) -> Value {
        json!({
            "decoded": decoded,
            "not_found": { "status": 404, "body": ERROR_BODY },
        })
    }

    #[test]
    fn a_decoded_model_must_serialize_back_to_its_document() {
        let model = crate::synth::tests::model_of(
            &[
                (
                    "Parent",
                    "| **child** | [**Child**](Child.md) | | [optional] |\n",
                ),
                (
                    "Child",
                    "| **ratio** | **float** | | [optional] |\n| **name** | **str** | | [optional] |\n",
                ),
            ],
            "",
        );
        let types = Types::new(&model);
        let parent = model
            .models
            .iter()
            .find(|item| item.name == "Parent")
            .unwrap();
        let call = call_returning(Some(Response {
            ty: parent.fields[0].ty.clone(),
            document: json!({ "ratio": 5, "name": "a" }),
        }));
        // A float's spelling may change; nothing else may.
        let same = report(json!({ "ok": { "ratio": 5.0, "name": "a" } }));
        assert_eq!(check_response(&types, &call, &same, false), Ok(()));
        for broken in [
            report(json!({ "ok": { "ratio": 5.0 } })),
            report(json!({ "ok": { "ratio": 5.0, "name": "b" } })),
            report(json!({ "error": "the body of a 200 OK response did not decode" })),
        ] {
            assert!(
                check_response(&types, &call, &broken, false).is_err(),
                "{broken}"
            );
        }
    }

    #[test]
    fn nothing_decodes_to_null_and_a_404_must_keep_status_and_body() {
        let model = crate::synth::tests::model_of(&[("Child", "| **name** | **str** | | |\n")], "");
        let types = Types::new(&model);
        let call = call_returning(None);
        assert_eq!(
            check_response(&types, &call, &report(json!({ "ok": null })), false),
            Ok(())
        );
        assert!(check_response(&types, &call, &report(json!({ "ok": {} })), false).is_err());
        for not_found in [
            json!({ "status": 404, "body": "" }),
            json!({ "status": 200, "body": ERROR_BODY }),
            json!({ "other error": "the body of a 404 did not decode" }),
            json!("decoded as a success"),
        ] {
            let report = json!({ "decoded": { "ok": null }, "not_found": not_found });
            assert!(
                check_response(&types, &call, &report, false).is_err(),
                "{report}"
            );
        }
    }

    #[test]
    fn over_http_the_404_of_a_head_has_no_body() {
        let model = crate::synth::tests::model_of(&[("Child", "| **name** | **str** | | |\n")], "");
        let types = Types::new(&model);
        let mut call = call_returning(None);
        call.expected.method = "HEAD".into();
        let report = json!({
            "decoded": { "ok": null },
            "not_found": { "status": 404, "body": "" },
        });
        assert_eq!(check_response(&types, &call, &report, true), Ok(()));
        assert!(check_response(&types, &call, &report, false).is_err());
    }

    #[test]
    fn a_report_reads_as_decoded_sorted_pairs() {
        let expected = Expected {
            method: "GET".into(),
            path: "/x".into(),
            query: vec![
                ("a".into(), " ".into()),
                ("a".into(), "1".into()),
                ("b".into(), "2".into()),
            ],
            headers: vec![
                ("if-match".into(), "\"v1\"".into()),
                ("x-id".into(), "a".into()),
                ("x-id".into(), "b".into()),
            ],
            body: false,
            form: Vec::new(),
            content_type: None,
        };
        // The checker's pairs, as the request holds them.
        let report = json!({
            "method": "GET",
            "path": "/x",
            "query": "b=2&a=%20&a=1",
            "headers": [["X-Id", "a"], ["If-Match", "\"v1\""], ["X-Id", "b"]],
            "body": null,
        });
        assert_eq!(observed(&report).expect("reads"), expected);
        // What a server received, the client's own headers left out.
        let received = json!({
            "method": "GET",
            "path": "/x",
            "query": "b=2&a=%20&a=1",
            "headers": {
                "accept": ["application/json"],
                "authorization": ["Bearer t"],
                "host": ["127.0.0.1"],
                "if-match": ["\"v1\""],
                "x-id": ["a", "b"],
            },
            "body": null,
        });
        assert_eq!(observed(&received).expect("reads"), expected);
    }

    #[test]
    fn form_and_multipart_bodies_read_as_their_fields() {
        let form = json!({
            "method": "POST", "path": "/x", "query": "", "headers": [],
            "content_type": "application/x-www-form-urlencoded",
            "body": "token=a%20b&scope=x&scope=y",
        });
        let read = observed(&form).expect("reads");
        assert_eq!(
            read.content_type.as_deref(),
            Some("application/x-www-form-urlencoded")
        );
        assert!(!read.body);
        assert_eq!(
            read.form,
            [
                ("scope".into(), "x".into()),
                ("scope".into(), "y".into()),
                ("token".into(), "a b".into())
            ]
        );
        let multipart = json!({
            "method": "POST", "path": "/x", "query": "", "headers": [],
            "content_type": "multipart/form-data; boundary=b1",
            "body": "--b1\r\ncontent-disposition: form-data; name=\"meta\"\r\n\r\nx\r\ny\r\n\
                     --b1\r\nContent-Disposition: form-data; name=\"file\"; filename=\"file\"\r\n\
                     content-type: application/octet-stream\r\n\r\n--b\r\n--b1--\r\n",
        });
        let read = observed(&multipart).expect("reads");
        assert_eq!(read.content_type.as_deref(), Some("multipart/form-data"));
        assert_eq!(
            read.form,
            [
                ("file".into(), "--b".into()),
                ("meta".into(), "x\r\ny".into())
            ]
        );
        let mut unterminated = multipart.clone();
        unterminated["body"] = json!("--b1\r\ncontent-disposition: form-data; name=\"a\"\r\n\r\nx");
        assert!(observed(&unterminated).is_err());
    }
}

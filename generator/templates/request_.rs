//! The request every operation's function builds, and what decoding its response gives.
//!
//! Requests are built without any I/O: each operation's function returns a [`Request`]
//! (method, percent-encoded path and query, headers, JSON body, and the type a success decodes to). Send
//! it with any HTTP stack: [`Request::to_http`] makes an `http::Request`, and
//! [`Request::decode_response`] turns the status and body of the response into the typed result
//! or an [`ApiError`]. The `client` feature's `client_::Client` does both over `reqwest`.
//!
//! These types are not at the crate root, where the models are: a model may be named `Request`.
//! To build a request for an operation the docs lack, use [`Request::new`] with
//! [`encode_path_segment`], [`QueryValue`] and [`decode_json`], [`decode_text`] or
//! [`decode_nothing`].
//!
//! The same in every crate that has operations; it depends on `http`, `serde` and `serde_json`
//! only. Its declaration in `lib.rs` has no docs: rustdoc would resolve the links above from
//! there.

/// A request ready to send: method, percent-encoded path, query, header parameters, JSON body,
/// and the type a success decodes to.
pub struct Request<T> {
    method: ::http::Method,
    path: ::std::string::String,
    query: ::std::string::String,
    headers: ::std::vec::Vec<(&'static str, ::std::string::String)>,
    body: ::std::option::Option<::std::vec::Vec<u8>>,
    accept: &'static str,
    decode: fn(&[u8]) -> ::std::result::Result<T, ::serde_json::Error>,
}

impl<T> Request<T> {
    /// A request without query or body. `path` is already percent-encoded (each parameter's
    /// segment made with [`encode_path_segment`]) and starts with `/`; `decode` turns a success
    /// body into `T` ([`decode_json`], [`decode_nothing`]).
    pub fn new(
        method: ::http::Method,
        path: ::std::string::String,
        decode: fn(&[u8]) -> ::std::result::Result<T, ::serde_json::Error>,
    ) -> Self {
        Self {
            method,
            path,
            query: ::std::string::String::new(),
            headers: ::std::vec::Vec::new(),
            body: ::std::option::Option::None,
            accept: JSON,
            decode,
        }
    }

    /// Sets the media type the request accepts (`application/json` unless set): an operation
    /// whose success is not JSON, such as `text/calendar`, sets its own.
    pub fn set_accept(&mut self, media_type: &'static str) {
        self.accept = media_type;
    }

    /// Adds the header `name: value` (a header parameter, such as `If-Match`). A list parameter
    /// is one call per item, each its own header line. A value that is not a valid header value
    /// (a line break) makes [`Request::to_http`] fail.
    pub fn push_header(&mut self, name: &'static str, value: &str) {
        self.headers.push((name, value.to_owned()));
    }

    /// Appends `key=value` to the query, both percent-encoded here. A list parameter is one call
    /// per item (`key=a&key=b`).
    pub fn push_query(&mut self, key: &str, value: &str) {
        if !self.query.is_empty() {
            self.query.push('&');
        }
        push_encoded(&mut self.query, key);
        self.query.push('=');
        push_encoded(&mut self.query, value);
    }

    /// Sets the JSON body.
    ///
    /// # Panics
    ///
    /// When `body`'s `Serialize` impl fails, which the generated types' impls never do: their
    /// maps' keys are strings, and a float that JSON cannot hold (`NaN`) is written `null`.
    pub fn set_json_body<B: ::serde::Serialize + ?::std::marker::Sized>(&mut self, body: &B) {
        let json = ::serde_json::to_vec(body)
            .expect("a request body serializes to JSON: its map keys are strings");
        self.body = ::std::option::Option::Some(json);
    }

    /// The HTTP method.
    pub fn method(&self) -> &::http::Method {
        &self.method
    }

    /// The path, percent-encoded, starting with `/`.
    pub fn path(&self) -> &str {
        &self.path
    }

    /// The query, percent-encoded, without the `?`; empty when there is none.
    pub fn query(&self) -> &str {
        &self.query
    }

    /// The path and, when there is one, `?` and the query.
    pub fn path_and_query(&self) -> ::std::string::String {
        if self.query.is_empty() {
            self.path.clone()
        } else {
            ::std::format!("{}?{}", self.path, self.query)
        }
    }

    /// The header parameters, in the order they were added.
    pub fn headers(&self) -> &[(&'static str, ::std::string::String)] {
        &self.headers
    }

    /// The JSON body, if the request has one.
    pub fn body(&self) -> ::std::option::Option<&[u8]> {
        self.body.as_deref()
    }

    /// The media type the request accepts: `application/json`, or the operation's own.
    pub fn accept(&self) -> &'static str {
        self.accept
    }

    /// The `http` request against `base_url` (`https://api.example.com`, or with a path prefix:
    /// `https://example.com/prefix`; a trailing `/` is ignored), with `accept:` [`Request::accept`],
    /// the header parameters, and `content-type: application/json` when there is a body. An error
    /// when `base_url` and the path do not make a valid URI, or a header value is not valid.
    pub fn to_http(
        &self,
        base_url: &str,
    ) -> ::std::result::Result<::http::Request<::std::vec::Vec<u8>>, ::http::Error> {
        let uri = ::std::format!(
            "{}{}",
            base_url.trim_end_matches('/'),
            self.path_and_query()
        );
        let mut builder = ::http::Request::builder()
            .method(self.method.clone())
            .uri(uri)
            .header(::http::header::ACCEPT, self.accept);
        for (name, value) in &self.headers {
            builder = builder.header(*name, value.as_str());
        }
        if self.body.is_some() {
            builder = builder.header(::http::header::CONTENT_TYPE, JSON);
        }
        builder.body(self.body.clone().unwrap_or_default())
    }

    /// The result of the response with `status` and `body`: a success status (2xx) decodes the
    /// body to `T`; any other status is [`ApiError::Status`], a body that does not decode
    /// [`ApiError::Decode`].
    pub fn decode_response(
        &self,
        status: ::http::StatusCode,
        body: &[u8],
    ) -> ::std::result::Result<T, ApiError> {
        if !status.is_success() {
            return ::std::result::Result::Err(ApiError::Status {
                status,
                body: body.to_vec(),
            });
        }
        (self.decode)(body).map_err(|source| ApiError::Decode {
            status,
            body: body.to_vec(),
            source,
        })
    }
}

impl<T> ::std::clone::Clone for Request<T> {
    fn clone(&self) -> Self {
        Self {
            method: self.method.clone(),
            path: self.path.clone(),
            query: self.query.clone(),
            headers: self.headers.clone(),
            body: self.body.clone(),
            accept: self.accept,
            decode: self.decode,
        }
    }
}

impl<T> ::std::fmt::Debug for Request<T> {
    fn fmt(&self, formatter: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        formatter
            .debug_struct("Request")
            .field("method", &self.method)
            .field("path", &self.path)
            .field("query", &self.query)
            .field("headers", &self.headers)
            .field("accept", &self.accept)
            .field(
                "body",
                &self
                    .body
                    .as_deref()
                    .map(::std::string::String::from_utf8_lossy),
            )
            .field("response", &::std::any::type_name::<T>())
            .finish()
    }
}

/// The media type of every body, sent and accepted.
const JSON: &str = "application/json";

/// Decodes a success body as JSON: what an operation that returns a type passes to
/// [`Request::new`]. An empty body (a `204 No Content`, or a `200` without one, as servers answer
/// a `DELETE` typed to return a document) is read as `null` (a `serde_json::Value`, an
/// `Option`), else as `{}` (a model whose fields are all optional); a type that reads neither is
/// the error of the empty body.
pub fn decode_json<T: ::serde::de::DeserializeOwned>(
    body: &[u8],
) -> ::std::result::Result<T, ::serde_json::Error> {
    if body.iter().all(u8::is_ascii_whitespace) {
        return ::serde_json::from_slice(b"null")
            .or_else(|_| ::serde_json::from_slice(b"{}"))
            .or_else(|_| ::serde_json::from_slice(body));
    }
    ::serde_json::from_slice(body)
}

/// Reads a success body as text: what an operation whose success is text (`text/plain`,
/// `text/calendar`; see [`Request::set_accept`]) passes to [`Request::new`]. A body that is not
/// UTF-8 is an error.
pub fn decode_text(
    body: &[u8],
) -> ::std::result::Result<::std::string::String, ::serde_json::Error> {
    ::std::string::String::from_utf8(body.to_vec()).map_err(::serde::de::Error::custom)
}

/// Ignores a success body: what an operation that returns nothing passes to [`Request::new`].
pub fn decode_nothing(_body: &[u8]) -> ::std::result::Result<NoContent, ::serde_json::Error> {
    ::std::result::Result::Ok(NoContent)
}

/// What an operation that returns nothing gives on success (its body, if any, is ignored).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct NoContent;

/// Percent-encodes one path segment: every byte of its UTF-8 except RFC 3986's unreserved
/// characters (`A-Z a-z 0-9 - . _ ~`) is written `%XX`, so `/`, `?`, `#`, `%`, spaces and `+`
/// cannot change the path's shape. A segment `.` or `..` is written `%2E` or `%2E%2E`, which
/// RFC 3986 paths keep; but URL parsers that follow the WHATWG URL standard (`reqwest`'s, browsers')
/// still remove them with the segment before, which the `client` feature's `Client` refuses to
/// send.
pub fn encode_path_segment(value: &str) -> ::std::string::String {
    match value {
        "." => "%2E".into(),
        ".." => "%2E%2E".into(),
        _ => {
            let mut encoded = ::std::string::String::with_capacity(value.len());
            push_encoded(&mut encoded, value);
            encoded
        }
    }
}

/// Appends `value` to `out`, percent-encoded as [`encode_path_segment`] says.
fn push_encoded(out: &mut ::std::string::String, value: &str) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for &byte in value.as_bytes() {
        if byte.is_ascii_alphanumeric() || ::std::matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(byte));
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(byte >> 4)]));
            out.push(char::from(HEX[usize::from(byte & 0xF)]));
        }
    }
}

/// How a parameter's value is written in the query (before percent-encoding): as its JSON value,
/// without quotes when it is a string. So strings are themselves, numbers and booleans their
/// JSON text (`25`, `2.5`, `true`), enums their wire value, dates and date-times the RFC 3339 text
/// their serde impls write (`2024-05-01`, `2024-05-01T12:00:00Z`), whatever Rust types the crate
/// maps them to; a float JSON cannot hold (`NaN`, infinities) is `null`, as in a JSON body.
/// Implemented for every `Serialize` type.
pub trait QueryValue {
    /// The value as the query writes it.
    fn to_query_value(&self) -> ::std::string::String;
}

impl<T: ::serde::Serialize + ?::std::marker::Sized> QueryValue for T {
    /// A value whose `Serialize` impl fails (none of the crate's types) is written empty.
    fn to_query_value(&self) -> ::std::string::String {
        // Written as JSON text rather than a `serde_json::Value`, which would widen an `f32`
        // (`0.1` to `0.10000000149011612`); a JSON string is then read back without its quotes.
        let ::std::result::Result::Ok(json) = ::serde_json::to_string(self) else {
            return ::std::string::String::new();
        };
        if json.starts_with('"') {
            ::serde_json::from_str(&json).unwrap_or(json)
        } else {
            json
        }
    }
}

/// What went wrong with a response, keeping its status and body.
#[derive(Debug)]
#[non_exhaustive]
pub enum ApiError {
    /// The server answered with a status other than 2xx: its status and body (often a JSON error
    /// document: read it with [`ApiError::body_json`]).
    Status {
        /// The response's status.
        status: ::http::StatusCode,
        /// The response's body.
        body: ::std::vec::Vec<u8>,
    },
    /// A success whose body did not decode as the expected type.
    Decode {
        /// The response's status.
        status: ::http::StatusCode,
        /// The response's body.
        body: ::std::vec::Vec<u8>,
        /// Why it did not decode.
        source: ::serde_json::Error,
    },
}

impl ApiError {
    /// The response's status.
    pub fn status(&self) -> ::http::StatusCode {
        match self {
            Self::Status { status, .. } | Self::Decode { status, .. } => *status,
        }
    }

    /// The response's body.
    pub fn body(&self) -> &[u8] {
        match self {
            Self::Status { body, .. } | Self::Decode { body, .. } => body,
        }
    }

    /// The response's body decoded as JSON, as `E` (the API's error model, or
    /// `serde_json::Value`).
    pub fn body_json<E: ::serde::de::DeserializeOwned>(
        &self,
    ) -> ::std::result::Result<E, ::serde_json::Error> {
        ::serde_json::from_slice(self.body())
    }
}

impl ::std::fmt::Display for ApiError {
    fn fmt(&self, formatter: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        /// The most of a body an error message shows.
        const SHOWN: usize = 500;
        let (what, body) = match self {
            Self::Status { status, body } => (::std::format!("the API answered {status}"), body),
            Self::Decode {
                status,
                body,
                source,
            } => (
                ::std::format!("the body of a {status} response did not decode: {source}"),
                body,
            ),
        };
        let text = ::std::string::String::from_utf8_lossy(body);
        match text.char_indices().nth(SHOWN) {
            ::std::option::Option::Some((end, _)) => {
                ::std::write!(formatter, "{what}; body: {}...", &text[..end])
            }
            ::std::option::Option::None if text.is_empty() => formatter.write_str(&what),
            ::std::option::Option::None => ::std::write!(formatter, "{what}; body: {text}"),
        }
    }
}

impl ::std::error::Error for ApiError {
    fn source(&self) -> ::std::option::Option<&(dyn ::std::error::Error + 'static)> {
        match self {
            Self::Status { .. } => ::std::option::Option::None,
            Self::Decode { source, .. } => ::std::option::Option::Some(source),
        }
    }
}

//! Placeholder of the request runtime (issue 14, owned by branch `issue-14c`, which replaces this
//! file): the API of /work/ISSUE14-INTERFACE.md, enough for the emitter's goldens and the request
//! conformance checks.

/// A request ready to send: method, percent-encoded path, query, JSON body, and the type a success
/// decodes to.
pub struct Request<T> {
    method: ::http::Method,
    path: ::std::string::String,
    query: ::std::string::String,
    body: ::std::option::Option<::std::vec::Vec<u8>>,
    decode: fn(&[u8]) -> ::std::result::Result<T, ::serde_json::Error>,
}

impl<T> ::std::fmt::Debug for Request<T> {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.debug_struct("Request")
            .field("method", &self.method)
            .field("path", &self.path)
            .field("query", &self.query)
            .finish_non_exhaustive()
    }
}

#[allow(dead_code, reason = "a crate's operations may not use every method")]
impl<T> Request<T> {
    /// `path` is already percent-encoded; `decode` turns a success body into `T`.
    pub fn new(
        method: ::http::Method,
        path: ::std::string::String,
        decode: fn(&[u8]) -> ::std::result::Result<T, ::serde_json::Error>,
    ) -> Self {
        Request {
            method,
            path,
            query: ::std::string::String::new(),
            body: None,
            decode,
        }
    }

    /// Appends `key=value` to the query (both percent-encoded here).
    pub fn push_query(&mut self, key: &str, value: &str) {
        if !self.query.is_empty() {
            self.query.push('&');
        }
        self.query.push_str(&encode_path_segment(key));
        self.query.push('=');
        self.query.push_str(&encode_path_segment(value));
    }

    /// Sets the JSON body.
    pub fn set_json_body<B: ::serde::Serialize + ?Sized>(&mut self, body: &B) {
        self.body = Some(::serde_json::to_vec(body).expect("generated types serialize"));
    }

    /// The method.
    pub fn method(&self) -> &::http::Method {
        &self.method
    }

    /// The percent-encoded path.
    pub fn path(&self) -> &str {
        &self.path
    }

    /// The percent-encoded query, without `?`; empty when there is none.
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

    /// The JSON body, if any.
    pub fn body(&self) -> ::std::option::Option<&[u8]> {
        self.body.as_deref()
    }

    /// The `http` request against `base_url`.
    pub fn to_http(
        &self,
        base_url: &str,
    ) -> ::std::result::Result<::http::Request<::std::vec::Vec<u8>>, ::http::Error> {
        let mut builder = ::http::Request::builder()
            .method(self.method.clone())
            .uri(::std::format!(
                "{}{}",
                base_url.trim_end_matches('/'),
                self.path_and_query()
            ))
            .header("accept", "application/json");
        if self.body.is_some() {
            builder = builder.header("content-type", "application/json");
        }
        builder.body(self.body.clone().unwrap_or_default())
    }

    /// A response: a success decodes the body to `T`, anything else is [`ApiError::Status`].
    pub fn decode_response(
        &self,
        status: ::http::StatusCode,
        body: &[u8],
    ) -> ::std::result::Result<T, ApiError> {
        if !status.is_success() {
            return Err(ApiError::Status {
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

/// Decodes a JSON success body.
#[allow(dead_code, reason = "a crate may have no operation returning a body")]
pub fn decode_json<T: ::serde::de::DeserializeOwned>(
    body: &[u8],
) -> ::std::result::Result<T, ::serde_json::Error> {
    ::serde_json::from_slice(body)
}

/// Ignores the body of a success.
#[allow(dead_code, reason = "a crate may have no operation without a body")]
pub fn decode_nothing(_body: &[u8]) -> ::std::result::Result<NoContent, ::serde_json::Error> {
    Ok(NoContent)
}

/// What a `void` operation returns.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct NoContent;

/// Percent-encodes one path segment (everything outside RFC 3986 unreserved).
#[allow(dead_code, reason = "a crate may have no path parameter")]
pub fn encode_path_segment(value: &str) -> ::std::string::String {
    let mut out = ::std::string::String::with_capacity(value.len());
    for byte in value.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&::std::format!("%{byte:02X}"));
        }
    }
    out
}

/// How a parameter's value is written in a query or path: a string as it is, anything else as its
/// JSON text.
#[allow(dead_code, reason = "a crate may have no parameter that is not a string")]
pub trait QueryValue {
    /// The value as the query writes it.
    fn to_query_value(&self) -> ::std::string::String;
}

impl<T: ::serde::Serialize + ?Sized> QueryValue for T {
    fn to_query_value(&self) -> ::std::string::String {
        match ::serde_json::to_value(self) {
            Ok(::serde_json::Value::String(text)) => text,
            Ok(value) => value.to_string(),
            Err(_) => ::std::string::String::new(),
        }
    }
}

/// A response that is not the success the operation documents.
#[derive(Debug)]
pub enum ApiError {
    /// The server answered with a non-success status: its status and body.
    Status {
        /// The status.
        status: ::http::StatusCode,
        /// The body.
        body: ::std::vec::Vec<u8>,
    },
    /// A success whose body did not decode as the expected type.
    Decode {
        /// The status.
        status: ::http::StatusCode,
        /// The body.
        body: ::std::vec::Vec<u8>,
        /// Why it did not decode.
        source: ::serde_json::Error,
    },
}

impl ::std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        match self {
            ApiError::Status { status, .. } => write!(f, "the server answered {status}"),
            ApiError::Decode { status, source, .. } => {
                write!(f, "a {status} response did not decode: {source}")
            }
        }
    }
}

impl ::std::error::Error for ApiError {}

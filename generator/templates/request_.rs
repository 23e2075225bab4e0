//! The request every operation's function builds, and what decoding its response gives.
//!
//! Requests are built without any I/O: each operation's function returns a [`Request`]
//! (method, percent-encoded path and query, headers, body (JSON, a form, multipart or text), and
//! the type a success decodes to). Send
//! it with any HTTP stack: [`Request::to_http`] makes an `http::Request`, and
//! [`Request::decode_response`] turns the status and body of the response into the typed result
//! or an [`ApiError`]. The `client` feature's `client_::Client` does both over `reqwest`.
//!
//! The rest of what a client does is here too, sans I/O, for any HTTP stack: a success's status and
//! headers ([`Request::decode_parts`], [`Response`], [`correlation_id`]), when to retry
//! ([`RetryPolicy::decide`], [`retry_after`]), the OAuth token requests ([`ClientCredentials`],
//! [`Pkce`]) and their answer ([`AccessToken`]), and the next page of a listing
//! ([`Request::follow`], [`Request::with_query`]).
//!
//! These types are not at the crate root, where the models are: a model may be named `Request`.
//! To build a request for an operation the docs lack, use [`Request::new`] with
//! [`encode_path_segment`], [`QueryValue`] and [`decode_json`], [`decode_text`] or
//! [`decode_nothing`].
//!
//! The same in every crate that has operations; it depends on `http`, `serde` and `serde_json`
//! only. Its declaration in `lib.rs` has no docs: rustdoc would resolve the links above from
//! there.

/// A request ready to send: method, percent-encoded path, query, header parameters (and
/// cookies), body with its media type, and the type a success decodes to.
pub struct Request<T> {
    method: ::http::Method,
    path: ::std::string::String,
    path_template: ::std::option::Option<::std::string::String>,
    query: ::std::string::String,
    headers: ::std::vec::Vec<(&'static str, ::std::string::String)>,
    body: ::std::option::Option<::std::vec::Vec<u8>>,
    content_type: ::std::string::String,
    parts: ::std::vec::Vec<Part>,
    accept: &'static str,
    retryable: ::std::option::Option<bool>,
    decode: fn(&[u8]) -> ::std::result::Result<T, ::serde_json::Error>,
}

impl<T> Request<T> {
    /// A request without query or body. `path` starts with `/` and is percent-encoded but for its
    /// placeholders (`/api/v2/pets/{petId}`), which [`Request::set_path_parameter`] fills; `decode`
    /// turns a success body into `T` ([`decode_json`], [`decode_nothing`]).
    pub fn new(
        method: ::http::Method,
        path: ::std::string::String,
        decode: fn(&[u8]) -> ::std::result::Result<T, ::serde_json::Error>,
    ) -> Self {
        Self {
            method,
            path,
            path_template: ::std::option::Option::None,
            query: ::std::string::String::new(),
            headers: ::std::vec::Vec::new(),
            body: ::std::option::Option::None,
            content_type: ::std::string::String::new(),
            parts: ::std::vec::Vec::new(),
            accept: JSON,
            retryable: ::std::option::Option::None,
            decode,
        }
    }

    /// Sets the media type the request accepts (`application/json` unless set): an operation
    /// whose success is not JSON, such as `text/calendar`, sets its own.
    pub fn set_accept(&mut self, media_type: &'static str) {
        self.accept = media_type;
    }

    /// Adds the header `name: value` (a header parameter, such as `If-Match`), the value written
    /// as [`QueryValue`] says. A list parameter is one call per item, each its own header line.
    /// A value that is not a valid header value (a line break) makes [`Request::to_http`] fail.
    pub fn push_header<V: QueryValue + ?::std::marker::Sized>(
        &mut self,
        name: &'static str,
        value: &V,
    ) {
        self.headers.push((name, value.to_query_value()));
    }

    /// Appends `key=value` to the query, the value written as [`QueryValue`] says, both
    /// percent-encoded here. A list parameter is one call per item (`key=a&key=b`).
    pub fn push_query<V: QueryValue + ?::std::marker::Sized>(&mut self, key: &str, value: &V) {
        if !self.query.is_empty() {
            self.query.push('&');
        }
        push_encoded(&mut self.query, key);
        self.query.push('=');
        push_encoded(&mut self.query, &value.to_query_value());
    }

    /// Adds the cookie `name=value` (a cookie parameter) to the `Cookie` header, the value
    /// written as [`QueryValue`] says and percent-encoded as [`encode_path_segment`] does (a
    /// cookie value holds no space, `;`, `,` or `"`); cookies are `; `-separated in the order
    /// they were added.
    pub fn push_cookie<V: QueryValue + ?::std::marker::Sized>(
        &mut self,
        name: &'static str,
        value: &V,
    ) {
        let mut cookie = ::std::format!("{name}=");
        push_encoded(&mut cookie, &value.to_query_value());
        match self
            .headers
            .iter_mut()
            .find(|(header, _)| header.eq_ignore_ascii_case(COOKIE))
        {
            ::std::option::Option::Some((_, cookies)) => {
                cookies.push_str("; ");
                cookies.push_str(&cookie);
            }
            ::std::option::Option::None => self.headers.push((COOKIE, cookie)),
        }
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
        self.set_body(JSON.into(), json);
    }

    /// Sets a `text/plain` body: `text` as it is.
    pub fn set_text_body(&mut self, text: &str) {
        self.set_body(TEXT.into(), text.as_bytes().to_vec());
    }

    /// Appends `key=value` to an `application/x-www-form-urlencoded` body, the value written as
    /// [`QueryValue`] says, both percent-encoded as [`encode_path_segment`] does. A list
    /// parameter is one call per item (`key=a&key=b`).
    pub fn push_form<V: QueryValue + ?::std::marker::Sized>(&mut self, key: &str, value: &V) {
        let value = value.to_query_value();
        let mut form = self.body.take().unwrap_or_default();
        let mut pair = ::std::string::String::new();
        if !form.is_empty() {
            pair.push('&');
        }
        push_encoded(&mut pair, key);
        pair.push('=');
        push_encoded(&mut pair, &value);
        form.extend_from_slice(pair.as_bytes());
        self.set_body(FORM.into(), form);
    }

    /// Adds the text part `name` to a `multipart/form-data` body, the value written as
    /// [`QueryValue`] says. A list parameter is one call per item, each its own part.
    pub fn push_part<V: QueryValue + ?::std::marker::Sized>(&mut self, name: &str, value: &V) {
        self.parts.push(Part {
            name: name.to_owned(),
            file: false,
            contents: value.to_query_value().into_bytes(),
        });
        self.write_parts();
    }

    /// Adds the file part `name` (`filename` the same, `application/octet-stream`) with the
    /// file's `contents` to a `multipart/form-data` body.
    pub fn push_file_part(&mut self, name: &str, contents: &[u8]) {
        self.parts.push(Part {
            name: name.to_owned(),
            file: true,
            contents: contents.to_vec(),
        });
        self.write_parts();
    }

    /// Writes the multipart body of the parts so far, with a boundary that none of them holds.
    fn write_parts(&mut self) {
        let mut boundary = ::std::string::String::from("request-part-boundary");
        let mut attempt = 0_u32;
        while self.parts.iter().any(|part| {
            part.contents
                .windows(boundary.len())
                .any(|window| window == boundary.as_bytes())
        }) {
            attempt += 1;
            boundary = ::std::format!("request-part-boundary-{attempt}");
        }
        let mut body = ::std::vec::Vec::new();
        for part in &self.parts {
            // The name in quotes, its `"` and line breaks percent-encoded (as browsers do).
            let name = part
                .name
                .replace('"', "%22")
                .replace('\r', "%0D")
                .replace('\n', "%0A");
            let head = if part.file {
                ::std::format!(
                    "--{boundary}\r\ncontent-disposition: form-data; name=\"{name}\"; \
                     filename=\"{name}\"\r\ncontent-type: application/octet-stream\r\n\r\n"
                )
            } else {
                ::std::format!(
                    "--{boundary}\r\ncontent-disposition: form-data; name=\"{name}\"\r\n\r\n"
                )
            };
            body.extend_from_slice(head.as_bytes());
            body.extend_from_slice(&part.contents);
            body.extend_from_slice(b"\r\n");
        }
        body.extend_from_slice(::std::format!("--{boundary}--\r\n").as_bytes());
        self.set_body(::std::format!("{MULTIPART}; boundary={boundary}"), body);
    }

    fn set_body(&mut self, content_type: ::std::string::String, body: ::std::vec::Vec<u8>) {
        self.content_type = content_type;
        self.body = ::std::option::Option::Some(body);
    }

    /// The HTTP method.
    pub fn method(&self) -> &::http::Method {
        &self.method
    }

    /// The path, percent-encoded, starting with `/`.
    pub fn path(&self) -> &str {
        &self.path
    }

    /// The operation's path template, its parameters' placeholders unfilled
    /// (`/api/v2/pets/{petId}`): what a log or trace records without the values; the path
    /// itself when no placeholder was filled (a path without parameters is its own).
    pub fn path_template(&self) -> &str {
        self.path_template.as_deref().unwrap_or(&self.path)
    }

    /// Fills the path's placeholder `{name}` with `value`, written as [`QueryValue`] says and
    /// percent-encoded as [`encode_path_segment`] does, so that it cannot change the path's
    /// shape (nor hold a placeholder itself). The path before the first call is the
    /// [`Request::path_template`].
    pub fn set_path_parameter<V: QueryValue + ?::std::marker::Sized>(
        &mut self,
        name: &str,
        value: &V,
    ) {
        if self.path_template.is_none() {
            self.path_template = ::std::option::Option::Some(self.path.clone());
        }
        let placeholder = ::std::format!("{{{name}}}");
        self.path = self
            .path
            .replacen(&placeholder, &encode_path_segment(value), 1);
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

    /// The body, if the request has one (its media type is [`Request::content_type`]).
    pub fn body(&self) -> ::std::option::Option<&[u8]> {
        self.body.as_deref()
    }

    /// The media type of the body (`application/json`, `application/x-www-form-urlencoded`,
    /// `multipart/form-data; boundary=...`, `text/plain`); `None` when there is no body.
    pub fn content_type(&self) -> ::std::option::Option<&str> {
        self.body.as_ref().map(|_| self.content_type.as_str())
    }

    /// The media type the request accepts: `application/json`, or the operation's own.
    pub fn accept(&self) -> &'static str {
        self.accept
    }

    /// The `http` request against `base_url` (`https://api.example.com`, or with a path prefix:
    /// `https://example.com/prefix`; a trailing `/` is ignored), with `accept:` [`Request::accept`],
    /// the header parameters, and the body's `content-type` ([`Request::content_type`]). An error
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
        if let ::std::option::Option::Some(content_type) = self.content_type() {
            builder = builder.header(::http::header::CONTENT_TYPE, content_type);
        }
        builder.body(self.body.clone().unwrap_or_default())
    }

    /// The result of the response with `status` and `body`: a success status (2xx) decodes the
    /// body to `T`; any other status is [`ApiError::Status`], a body that does not decode
    /// [`ApiError::Decode`]. The error's headers are empty: use [`Request::decode_parts`] to keep
    /// them (the correlation id, `Retry-After`).
    pub fn decode_response(
        &self,
        status: ::http::StatusCode,
        body: &[u8],
    ) -> ::std::result::Result<T, ApiError> {
        self.decode_parts(status, ::http::HeaderMap::new(), body)
            .map(Response::into_inner)
    }

    /// As [`Request::decode_response`], keeping the response's status and headers with the
    /// result ([`Response`], which derefs to `T`) and with the error.
    pub fn decode_parts(
        &self,
        status: ::http::StatusCode,
        headers: ::http::HeaderMap,
        body: &[u8],
    ) -> ::std::result::Result<Response<T>, ApiError> {
        decode_with(self.decode, status, headers, body)
    }

    /// The request for the next page of a listing whose response links it (Genesys Cloud's
    /// `nextUri`, `/api/v2/routing/queues?pageSize=25&pageNumber=2`): this request with the
    /// link's path and query (an absolute link's scheme and host are dropped: the request goes
    /// to the same API). `None` when the link is empty or has no path.
    pub fn follow(&self, link: &str) -> ::std::option::Option<Self> {
        let after_host = match link.split_once("://") {
            ::std::option::Option::Some((_, rest)) => &rest[rest.find('/')?..],
            ::std::option::Option::None => link,
        };
        let after_host = after_host.split('#').next().unwrap_or_default();
        if !after_host.starts_with('/') {
            return ::std::option::Option::None;
        }
        let (path, query) = after_host.split_once('?').unwrap_or((after_host, ""));
        let mut next = self.clone();
        next.path = path.to_owned();
        next.query = query.to_owned();
        ::std::option::Option::Some(next)
    }

    /// This request with the query parameter `key` set to `value` (replacing every `key=`, or
    /// appended): the next page of a listing numbered by a parameter (`pageNumber`).
    pub fn with_query(&self, key: &str, value: &str) -> Self {
        let mut encoded_key = ::std::string::String::new();
        push_encoded(&mut encoded_key, key);
        let mut next = self.clone();
        next.query = self
            .query
            .split('&')
            .filter(|pair| {
                !pair.is_empty()
                    && pair.split('=').next() != ::std::option::Option::Some(&encoded_key)
            })
            .collect::<::std::vec::Vec<_>>()
            .join("&");
        next.push_query(key, value);
        next
    }

    /// Whether the request may be sent again after a failure: its method is idempotent (`GET`,
    /// `HEAD`, `PUT`, `DELETE`, `OPTIONS`, `TRACE`), or [`Request::set_retryable`] said so.
    pub fn is_retryable(&self) -> bool {
        self.retryable
            .unwrap_or_else(|| self.method.is_idempotent())
    }

    /// Marks the request as safe (or not) to send again, whatever its method: a `POST` with an
    /// `Idempotency-Key`, say.
    pub fn set_retryable(&mut self, retryable: bool) {
        self.retryable = ::std::option::Option::Some(retryable);
    }
}

/// A page of a listing: its items, and the request of the next page. The generated crate
/// implements it for each model that is one (a list of items beside a `nextUri` link, or a
/// `pageNumber` and `pageCount`), so a caller follows any listing alike; the `client` feature's
/// `Client::listing` fetches its pages one by one.
pub trait Listing: ::std::marker::Sized {
    /// The type of the items.
    type Item;

    /// The page's items (none when the page leaves them out).
    fn into_items(self) -> ::std::vec::Vec<Self::Item>;

    /// The request of the next page, made from `request`, this page's; `None` after the last.
    fn next_request(&self, request: &Request<Self>) -> ::std::option::Option<Request<Self>>;
}

impl<T> ::std::clone::Clone for Request<T> {
    fn clone(&self) -> Self {
        Self {
            method: self.method.clone(),
            path: self.path.clone(),
            path_template: self.path_template.clone(),
            query: self.query.clone(),
            headers: self.headers.clone(),
            body: self.body.clone(),
            content_type: self.content_type.clone(),
            parts: self.parts.clone(),
            accept: self.accept,
            retryable: self.retryable,
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
            .field("retryable", &self.is_retryable())
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

/// The result of a response with `status`, `headers` and `body` whose success body `decode`
/// reads: see [`Request::decode_parts`].
fn decode_with<T>(
    decode: fn(&[u8]) -> ::std::result::Result<T, ::serde_json::Error>,
    status: ::http::StatusCode,
    headers: ::http::HeaderMap,
    body: &[u8],
) -> ::std::result::Result<Response<T>, ApiError> {
    if !status.is_success() {
        return ::std::result::Result::Err(ApiError::Status {
            status,
            headers: ::std::boxed::Box::new(headers),
            body: body.to_vec(),
        });
    }
    match decode(body) {
        ::std::result::Result::Ok(value) => ::std::result::Result::Ok(Response {
            status,
            headers,
            value,
        }),
        ::std::result::Result::Err(source) => ::std::result::Result::Err(ApiError::Decode {
            status,
            headers: ::std::boxed::Box::new(headers),
            body: body.to_vec(),
            source,
        }),
    }
}

/// The media type of a JSON body, sent and accepted unless the operation says otherwise.
const JSON: &str = "application/json";

/// The media type of a form body.
const FORM: &str = "application/x-www-form-urlencoded";

/// The media type of a multipart body, before its boundary.
const MULTIPART: &str = "multipart/form-data";

/// The media type of a text body.
const TEXT: &str = "text/plain";

/// The header the cookie parameters go in.
const COOKIE: &str = "Cookie";

/// One part of a multipart body.
#[derive(Clone)]
struct Part {
    name: ::std::string::String,
    file: bool,
    contents: ::std::vec::Vec<u8>,
}

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

/// Percent-encodes one path segment, `value` written as [`QueryValue`] says: every byte of its
/// UTF-8 except RFC 3986's unreserved characters (`A-Z a-z 0-9 - . _ ~`) is written `%XX`, so
/// `/`, `?`, `#`, `%`, spaces and `+` cannot change the path's shape. A segment `.` or `..` is
/// written `%2E` or `%2E%2E`, which RFC 3986 paths keep; but URL parsers that follow the WHATWG
/// URL standard (`reqwest`'s, browsers') still remove them with the segment before, which the
/// `client` feature's `Client` refuses to send.
pub fn encode_path_segment<V: QueryValue + ?::std::marker::Sized>(
    value: &V,
) -> ::std::string::String {
    let value = value.to_query_value();
    match value.as_str() {
        "." => "%2E".into(),
        ".." => "%2E%2E".into(),
        _ => {
            let mut encoded = ::std::string::String::with_capacity(value.len());
            push_encoded(&mut encoded, &value);
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

/// How a parameter's value is written in the path, the query, a header, a cookie or a form (before
/// percent-encoding): as its JSON value, without quotes when it is a string. So strings are themselves, numbers and booleans their
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
        /// The response's headers (empty when decoded by [`Request::decode_response`]), boxed
        /// to keep the error small.
        headers: ::std::boxed::Box<::http::HeaderMap>,
        /// The response's body.
        body: ::std::vec::Vec<u8>,
    },
    /// A success whose body did not decode as the expected type.
    Decode {
        /// The response's status.
        status: ::http::StatusCode,
        /// The response's headers (empty when decoded by [`Request::decode_response`]), boxed
        /// to keep the error small.
        headers: ::std::boxed::Box<::http::HeaderMap>,
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

    /// The response's headers (empty when decoded by [`Request::decode_response`]).
    pub fn headers(&self) -> &::http::HeaderMap {
        match self {
            Self::Status { headers, .. } | Self::Decode { headers, .. } => headers,
        }
    }

    /// The id the server gave the exchange, to quote to the API's support: see
    /// [`correlation_id`].
    pub fn correlation_id(&self) -> ::std::option::Option<&str> {
        correlation_id(self.headers())
    }

    /// How long the server asks to wait before trying again (`Retry-After`): see
    /// [`retry_after`].
    pub fn retry_after(
        &self,
        now: ::std::time::SystemTime,
    ) -> ::std::option::Option<::std::time::Duration> {
        retry_after(self.headers(), now)
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
            Self::Status { status, body, .. } => {
                (::std::format!("the API answered {status}"), body)
            }
            Self::Decode {
                status,
                body,
                source,
                ..
            } => (
                ::std::format!("the body of a {status} response did not decode: {source}"),
                body,
            ),
        };
        let what = match self.correlation_id() {
            ::std::option::Option::Some(id) => ::std::format!("{what} (correlation id {id})"),
            ::std::option::Option::None => what,
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

/// A success with the response's status and headers, as [`Request::decode_parts`] and the
/// `client` feature's `send_with_metadata` give it. It derefs to the decoded value `T`;
/// [`Response::into_inner`] takes it out.
#[derive(Debug, Clone)]
pub struct Response<T> {
    status: ::http::StatusCode,
    headers: ::http::HeaderMap,
    value: T,
}

impl<T> Response<T> {
    /// The response's status.
    pub fn status(&self) -> ::http::StatusCode {
        self.status
    }

    /// The response's headers.
    pub fn headers(&self) -> &::http::HeaderMap {
        &self.headers
    }

    /// The id the server gave the exchange: see [`correlation_id`].
    pub fn correlation_id(&self) -> ::std::option::Option<&str> {
        correlation_id(&self.headers)
    }

    /// The decoded value.
    pub fn into_inner(self) -> T {
        self.value
    }
}

impl<T> ::std::ops::Deref for Response<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.value
    }
}

/// The id the server gave an exchange, to quote to the API's support: the value of
/// `X-Correlation-Id`, `X-Request-Id`, or else the first header whose name ends in
/// `-correlation-id` (a vendor's own, such as Genesys Cloud's `ININ-Correlation-Id`).
pub fn correlation_id(headers: &::http::HeaderMap) -> ::std::option::Option<&str> {
    let named = ["x-correlation-id", "x-request-id"]
        .into_iter()
        .find_map(|name| headers.get(name));
    named
        .or_else(|| {
            headers
                .iter()
                .find(|(name, _)| name.as_str().ends_with("-correlation-id"))
                .map(|(_, value)| value)
        })
        .and_then(|value| value.to_str().ok())
}

/// How long a response's `Retry-After` asks to wait, at `now`: a number of seconds, or an
/// HTTP date (`Sun, 06 Nov 1994 08:49:37 GMT`, RFC 9110's IMF-fixdate) less `now` (zero when it
/// has passed). `None` when there is no such header or it is neither.
pub fn retry_after(
    headers: &::http::HeaderMap,
    now: ::std::time::SystemTime,
) -> ::std::option::Option<::std::time::Duration> {
    let value = headers
        .get(::http::header::RETRY_AFTER)?
        .to_str()
        .ok()?
        .trim();
    if let ::std::result::Result::Ok(seconds) = value.parse::<u64>() {
        return ::std::option::Option::Some(::std::time::Duration::from_secs(seconds));
    }
    let date = parse_http_date(value)?;
    ::std::option::Option::Some(date.duration_since(now).unwrap_or_default())
}

/// An IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`) as a time; `None` when `text` is not one.
fn parse_http_date(text: &str) -> ::std::option::Option<::std::time::SystemTime> {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let (_weekday, rest) = text.split_once(", ")?;
    let fields: ::std::vec::Vec<&str> = rest.split(' ').collect();
    let [day, month, year, time, "GMT"] = fields[..] else {
        return ::std::option::Option::None;
    };
    let day: i64 = day.parse().ok()?;
    let month = i64::try_from(MONTHS.iter().position(|name| *name == month)? + 1).ok()?;
    let year: i64 = year.parse().ok()?;
    let clock: ::std::vec::Vec<i64> = time
        .split(':')
        .map(str::parse)
        .collect::<::std::result::Result<_, _>>()
        .ok()?;
    let [hours, minutes, seconds] = clock[..] else {
        return ::std::option::Option::None;
    };
    if !(1..=31).contains(&day) || hours > 23 || minutes > 59 || seconds > 60 {
        return ::std::option::Option::None;
    }
    // Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's `days_from_civil`).
    let shifted_year = if month <= 2 { year - 1 } else { year };
    let era = shifted_year.div_euclid(400);
    let year_of_era = shifted_year - era * 400;
    let day_of_year = (153 * ((month + 9) % 12) + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    let days = era * 146_097 + day_of_era - 719_468;
    let since_epoch = days * 86_400 + hours * 3_600 + minutes * 60 + seconds;
    let since_epoch = ::std::time::Duration::from_secs(u64::try_from(since_epoch).ok()?);
    ::std::time::SystemTime::UNIX_EPOCH.checked_add(since_epoch)
}

/// When to send a failed request again: a `429 Too Many Requests` or `503 Service Unavailable`,
/// or no response at all, of a request that [`Request::is_retryable`], after the response's
/// `Retry-After` or else a jittered exponential backoff, while attempts and time remain. Plain data: give
/// [`RetryPolicy::decide`] what happened and it answers, so any HTTP stack can follow it (the
/// `client` feature's client does).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryPolicy {
    /// The most attempts of one request, the first included (1: never retry).
    pub max_attempts: u32,
    /// The most time from the first attempt to the start of the last: a wait that would end
    /// later is not waited.
    pub max_elapsed: ::std::time::Duration,
    /// The backoff before the second attempt; it doubles with each attempt after.
    pub initial_backoff: ::std::time::Duration,
    /// The most one backoff grows to (a `Retry-After` may ask more, within `max_elapsed`).
    pub max_backoff: ::std::time::Duration,
}

impl RetryPolicy {
    /// Never retry.
    pub const NEVER: Self = Self {
        max_attempts: 1,
        max_elapsed: ::std::time::Duration::ZERO,
        initial_backoff: ::std::time::Duration::ZERO,
        max_backoff: ::std::time::Duration::ZERO,
    };

    /// Whether to send the request again after `attempt` was answered with `status` and
    /// `headers`. `now` is the wall clock (for a `Retry-After` date), `jitter` a random number in
    /// `[0, 1)`: the backoff is `initial_backoff * 2^(attempt.number - 1)`, at most
    /// `max_backoff`, of which a random half is waited (`backoff * (1 + jitter) / 2`), so that
    /// clients told to wait together do not come back together.
    pub fn decide(
        &self,
        attempt: Attempt,
        status: ::http::StatusCode,
        headers: &::http::HeaderMap,
        now: ::std::time::SystemTime,
        jitter: f64,
    ) -> RetryDecision {
        let retried_status = status == ::http::StatusCode::TOO_MANY_REQUESTS
            || status == ::http::StatusCode::SERVICE_UNAVAILABLE;
        if !retried_status {
            return RetryDecision::GiveUp;
        }
        self.retry(attempt, retry_after(headers, now), jitter)
    }

    /// Whether to send the request again after `attempt` got no response at all (the connection
    /// was refused or reset, or it timed out): as after a `503` without `Retry-After`, a request
    /// that [`Request::is_retryable`] is sent again after the jittered backoff while attempts and
    /// time remain.
    pub fn decide_without_response(&self, attempt: Attempt, jitter: f64) -> RetryDecision {
        self.retry(attempt, ::std::option::Option::None, jitter)
    }

    /// Retry `attempt` after `asked` (a `Retry-After`), or else the jittered backoff, when it may
    /// be retried and attempts and time remain.
    fn retry(
        &self,
        attempt: Attempt,
        asked: ::std::option::Option<::std::time::Duration>,
        jitter: f64,
    ) -> RetryDecision {
        if !attempt.retryable || attempt.number >= self.max_attempts {
            return RetryDecision::GiveUp;
        }
        let wait = asked.unwrap_or_else(|| {
            let doubled = self.initial_backoff.saturating_mul(
                1_u32
                    .checked_shl(attempt.number.saturating_sub(1))
                    .unwrap_or(u32::MAX),
            );
            doubled
                .min(self.max_backoff)
                .mul_f64((1.0 + jitter.clamp(0.0, 1.0)) / 2.0)
        });
        if attempt.elapsed.saturating_add(wait) > self.max_elapsed {
            return RetryDecision::GiveUp;
        }
        RetryDecision::RetryAfter(wait)
    }
}

impl ::std::default::Default for RetryPolicy {
    /// Four attempts within a minute; backoffs of 0.5 s, 1 s, 2 s (before jitter), at most 8 s.
    fn default() -> Self {
        Self {
            max_attempts: 4,
            max_elapsed: ::std::time::Duration::from_secs(60),
            initial_backoff: ::std::time::Duration::from_millis(500),
            max_backoff: ::std::time::Duration::from_secs(8),
        }
    }
}

/// One attempt at a request, as [`RetryPolicy::decide`] weighs it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Attempt {
    /// Whether the request may be sent again ([`Request::is_retryable`]).
    pub retryable: bool,
    /// Which attempt it was: 1 for the first.
    pub number: u32,
    /// The time from the start of the first attempt to this attempt's answer.
    pub elapsed: ::std::time::Duration,
}

/// What [`RetryPolicy::decide`] answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RetryDecision {
    /// Send the request again after this wait.
    RetryAfter(::std::time::Duration),
    /// Give the response to the caller.
    GiveUp,
}

/// An application's OAuth client credentials (its client id and secret), for the client
/// credentials grant: [`ClientCredentials::token_request`] is the request that obtains an
/// access token, [`AccessToken::from_token_response`] reads the answer. The `client` feature's
/// client sends it, caches the token and refreshes it.
#[derive(Clone)]
pub struct ClientCredentials {
    client_id: ::std::string::String,
    client_secret: ::std::string::String,
}

impl ClientCredentials {
    /// The credentials of the OAuth client `client_id`.
    pub fn new(
        client_id: impl ::std::convert::Into<::std::string::String>,
        client_secret: impl ::std::convert::Into<::std::string::String>,
    ) -> Self {
        Self {
            client_id: client_id.into(),
            client_secret: client_secret.into(),
        }
    }

    /// `POST <login_base_url>/oauth/token` with the client id and secret as HTTP Basic
    /// credentials (RFC 6749, 2.3.1) and the form body `grant_type=client_credentials`.
    /// `login_base_url` is the login host's scheme and host (`https://login.example.com`).
    pub fn token_request(
        &self,
        login_base_url: &str,
    ) -> ::std::result::Result<::http::Request<::std::vec::Vec<u8>>, ::http::Error> {
        let mut user_and_password = ::std::string::String::new();
        push_form_encoded(&mut user_and_password, &self.client_id);
        user_and_password.push(':');
        push_form_encoded(&mut user_and_password, &self.client_secret);
        let mut authorization = ::http::HeaderValue::try_from(::std::format!(
            "Basic {}",
            base64(user_and_password.as_bytes())
        ))?;
        authorization.set_sensitive(true);
        let mut request =
            token_endpoint_request(login_base_url, "grant_type=client_credentials".into())?;
        request
            .headers_mut()
            .insert(::http::header::AUTHORIZATION, authorization);
        ::std::result::Result::Ok(request)
    }
}

/// `POST <login_base_url>/oauth/token` with the form body `form`, accepting JSON.
fn token_endpoint_request(
    login_base_url: &str,
    form: ::std::string::String,
) -> ::std::result::Result<::http::Request<::std::vec::Vec<u8>>, ::http::Error> {
    ::http::Request::builder()
        .method(::http::Method::POST)
        .uri(::std::format!(
            "{}/oauth/token",
            login_base_url.trim_end_matches('/')
        ))
        .header(
            ::http::header::CONTENT_TYPE,
            "application/x-www-form-urlencoded",
        )
        .header(::http::header::ACCEPT, JSON)
        .body(form.into_bytes())
}

impl ::std::fmt::Debug for ClientCredentials {
    /// Shows the client id, never the secret.
    fn fmt(&self, formatter: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        formatter
            .debug_struct("ClientCredentials")
            .field("client_id", &self.client_id)
            .field("client_secret", &"<redacted>")
            .finish()
    }
}

/// An OAuth access token and when it expires.
#[derive(Clone)]
pub struct AccessToken {
    secret: ::std::string::String,
    expires_at: ::std::time::Instant,
}

impl AccessToken {
    /// How long before its expiry a token is no longer used: a request sent just before would
    /// arrive with an expired token.
    pub const EXPIRY_MARGIN: ::std::time::Duration = ::std::time::Duration::from_secs(60);

    /// The token of a token endpoint's answer received at `received_at`: a 2xx whose JSON body
    /// has `access_token` and `expires_in` (seconds; a token without one lasts an hour). Any
    /// other answer is the [`ApiError`] it is.
    pub fn from_token_response(
        status: ::http::StatusCode,
        headers: ::http::HeaderMap,
        body: &[u8],
        received_at: ::std::time::Instant,
    ) -> ::std::result::Result<Self, ApiError> {
        let answer: ::serde_json::Value = decode_with(
            decode_json::<::serde_json::Value>,
            status,
            headers.clone(),
            body,
        )?
        .into_inner();
        let ::std::option::Option::Some(secret) = answer["access_token"].as_str() else {
            return ::std::result::Result::Err(ApiError::Decode {
                status,
                headers: ::std::boxed::Box::new(headers),
                body: body.to_vec(),
                source: ::serde::de::Error::missing_field("access_token"),
            });
        };
        let lifetime = answer["expires_in"].as_u64().unwrap_or(3_600);
        ::std::result::Result::Ok(Self {
            secret: secret.to_owned(),
            expires_at: received_at + ::std::time::Duration::from_secs(lifetime),
        })
    }

    /// The token itself, sent as `authorization: Bearer <secret>`.
    pub fn secret(&self) -> &str {
        &self.secret
    }

    /// When the token expires.
    pub fn expires_at(&self) -> ::std::time::Instant {
        self.expires_at
    }

    /// Whether the token may still be sent at `now`: it expires more than
    /// [`AccessToken::EXPIRY_MARGIN`] later.
    pub fn is_fresh(&self, now: ::std::time::Instant) -> bool {
        now + Self::EXPIRY_MARGIN < self.expires_at
    }
}

impl ::std::fmt::Debug for AccessToken {
    /// Shows when the token expires, never the token.
    fn fmt(&self, formatter: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        formatter
            .debug_struct("AccessToken")
            .field("secret", &"<redacted>")
            .field("expires_at", &self.expires_at)
            .finish()
    }
}

/// Appends `value` to `out` as `application/x-www-form-urlencoded` writes it, which RFC 6749
/// asks of the client id and secret before they are joined for HTTP Basic: RFC 3986's
/// unreserved characters as they are, a space `+`, any other byte `%XX`.
fn push_form_encoded(out: &mut ::std::string::String, value: &str) {
    for part in value.split(' ').enumerate() {
        if part.0 > 0 {
            out.push('+');
        }
        push_encoded(out, part.1);
    }
}

/// `bytes` in standard Base64 with padding (RFC 4648, 4), as HTTP Basic credentials are written.
fn base64(bytes: &[u8]) -> ::std::string::String {
    base64_with(
        bytes,
        b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/",
        true,
    )
}

/// `bytes` in URL-safe Base64 without padding (RFC 4648, 5), as PKCE writes its verifier and
/// challenge.
fn base64_url(bytes: &[u8]) -> ::std::string::String {
    base64_with(
        bytes,
        b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_",
        false,
    )
}

/// `bytes` in Base64 with `alphabet`, padded with `=` when `pad`.
fn base64_with(bytes: &[u8], alphabet: &[u8; 64], pad: bool) -> ::std::string::String {
    let mut out = ::std::string::String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let group = chunk
            .iter()
            .enumerate()
            .fold(0_u32, |group, (index, &byte)| {
                group | u32::from(byte) << (16 - 8 * index)
            });
        for index in 0..4 {
            if index <= chunk.len() {
                out.push(char::from(
                    alphabet[(group >> (18 - 6 * index) & 0x3F) as usize],
                ));
            } else if pad {
                out.push('=');
            }
        }
    }
    out
}

/// The authorization code grant with PKCE (RFC 7636), for an application a user signs in to: a
/// verifier made from 32 random bytes the caller draws, [`Pkce::authorization_url`] to send the
/// user's browser to, and [`Pkce::token_request`] to exchange the code the redirect brings for a
/// token ([`AccessToken::from_token_response`] reads the answer).
#[derive(Clone)]
pub struct Pkce {
    verifier: ::std::string::String,
}

impl Pkce {
    /// The verifier of 32 random bytes (43 characters of URL-safe Base64). Draw them from a
    /// cryptographic source (`getrandom`, `rand::rngs::OsRng`): the verifier proves the code
    /// is yours.
    pub fn from_random_bytes(random: [u8; 32]) -> Self {
        Self {
            verifier: base64_url(&random),
        }
    }

    /// The verifier, sent with the code to the token endpoint.
    pub fn verifier(&self) -> &str {
        &self.verifier
    }

    /// The `S256` challenge: the verifier's SHA-256 in URL-safe Base64 without padding.
    pub fn challenge(&self) -> ::std::string::String {
        base64_url(&sha256(self.verifier.as_bytes()))
    }

    /// `<login_base_url>/oauth/authorize` with `response_type=code`, the client id, redirect URI,
    /// `state` (a random value your redirect handler checks) and the `S256` challenge.
    pub fn authorization_url(
        &self,
        login_base_url: &str,
        client_id: &str,
        redirect_uri: &str,
        state: &str,
    ) -> ::std::string::String {
        let mut url = ::std::format!(
            "{}/oauth/authorize?response_type=code&code_challenge_method=S256&code_challenge={}",
            login_base_url.trim_end_matches('/'),
            self.challenge()
        );
        for (key, value) in [
            ("client_id", client_id),
            ("redirect_uri", redirect_uri),
            ("state", state),
        ] {
            url.push('&');
            url.push_str(key);
            url.push('=');
            push_encoded(&mut url, value);
        }
        url
    }

    /// `POST <login_base_url>/oauth/token` with the form body `grant_type=authorization_code`,
    /// the `code` the redirect brought, the same redirect URI, the client id and the verifier.
    pub fn token_request(
        &self,
        login_base_url: &str,
        client_id: &str,
        redirect_uri: &str,
        code: &str,
    ) -> ::std::result::Result<::http::Request<::std::vec::Vec<u8>>, ::http::Error> {
        let mut form = ::std::string::String::from("grant_type=authorization_code");
        for (key, value) in [
            ("code", code),
            ("redirect_uri", redirect_uri),
            ("client_id", client_id),
            ("code_verifier", self.verifier.as_str()),
        ] {
            form.push('&');
            form.push_str(key);
            form.push('=');
            push_form_encoded(&mut form, value);
        }
        token_endpoint_request(login_base_url, form)
    }
}

impl ::std::fmt::Debug for Pkce {
    /// Never shows the verifier.
    fn fmt(&self, formatter: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        formatter.write_str("Pkce { verifier: <redacted> }")
    }
}

/// The SHA-256 digest of `message` (FIPS 180-4), for the PKCE challenge: a few dozen lines
/// rather than a dependency for one hash of 43 bytes.
fn sha256(message: &[u8]) -> [u8; 32] {
    const K: [u32; 64] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4,
        0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe,
        0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f,
        0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7,
        0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc,
        0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
        0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116,
        0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
        0xc67178f2,
    ];
    let mut state: [u32; 8] = [
        0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab,
        0x5be0cd19,
    ];
    let mut padded = message.to_vec();
    padded.push(0x80);
    while padded.len() % 64 != 56 {
        padded.push(0);
    }
    padded.extend_from_slice(&(message.len() as u64 * 8).to_be_bytes());
    for block in padded.chunks_exact(64) {
        let mut words = [0_u32; 64];
        for (word, bytes) in words.iter_mut().zip(block.chunks_exact(4)) {
            *word = u32::from_be_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]);
        }
        for index in 16..64 {
            let before = words[index - 15];
            let two_before = words[index - 2];
            let s0 = before.rotate_right(7) ^ before.rotate_right(18) ^ (before >> 3);
            let s1 = two_before.rotate_right(17) ^ two_before.rotate_right(19) ^ (two_before >> 10);
            words[index] = words[index - 16]
                .wrapping_add(s0)
                .wrapping_add(words[index - 7])
                .wrapping_add(s1);
        }
        let [mut a, mut b, mut c, mut d, mut e, mut f, mut g, mut h] = state;
        for (round, word) in K.iter().zip(words) {
            let s1 = e.rotate_right(6) ^ e.rotate_right(11) ^ e.rotate_right(25);
            let choice = (e & f) ^ (!e & g);
            let temp1 = h
                .wrapping_add(s1)
                .wrapping_add(choice)
                .wrapping_add(*round)
                .wrapping_add(word);
            let s0 = a.rotate_right(2) ^ a.rotate_right(13) ^ a.rotate_right(22);
            let majority = (a & b) ^ (a & c) ^ (b & c);
            let temp2 = s0.wrapping_add(majority);
            (h, g, f, e, d, c, b, a) = (
                g,
                f,
                e,
                d.wrapping_add(temp1),
                c,
                b,
                a,
                temp1.wrapping_add(temp2),
            );
        }
        for (value, added) in state.iter_mut().zip([a, b, c, d, e, f, g, h]) {
            *value = value.wrapping_add(added);
        }
    }
    let mut digest = [0_u8; 32];
    for (bytes, value) in digest.chunks_exact_mut(4).zip(state) {
        bytes.copy_from_slice(&value.to_be_bytes());
    }
    digest
}

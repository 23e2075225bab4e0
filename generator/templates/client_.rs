//! The async client of the `client` feature.
//!
//! It sends the crate's [`Request`]s over `reqwest` (rustls). Without the feature the crate
//! compiles no HTTP stack: send the requests with your own (see [`Request::to_http`] and
//! [`Request::decode_response`]).
//!
//! The same in every crate that has operations. Its declaration in `lib.rs` has no docs: rustdoc
//! would resolve the links above from there.

use super::request_::{ApiError, Request};

/// Sends [`Request`]s to one API host and decodes the responses:
/// `Client::new("https://api.example.com").with_bearer_token(token)`, then
/// `client.send(request).await?` for each request an operation's function builds. Cloning it is
/// cheap and shares the connection pool.
#[derive(Clone)]
pub struct Client {
    http: ::reqwest::Client,
    base_url: ::std::string::String,
    bearer_token: ::std::option::Option<::std::string::String>,
}

impl Client {
    /// A client for the API at `base_url`: scheme and host (`https://api.example.com`), and a path
    /// prefix if the API has one (`https://example.com/prefix`). Many APIs have one host per
    /// region: give the one your account lives in. It sends no credentials until
    /// [`Client::with_bearer_token`], and uses a default `reqwest::Client` (no timeout; TLS by
    /// rustls, trusting the Mozilla root certificates it bundles) until
    /// [`Client::with_http_client`].
    ///
    /// # Panics
    ///
    /// When `reqwest` cannot initialize its TLS backend, as `reqwest::Client::new` does.
    pub fn new(base_url: impl ::std::convert::Into<::std::string::String>) -> Self {
        Self {
            http: ::reqwest::Client::new(),
            base_url: base_url.into(),
            bearer_token: ::std::option::Option::None,
        }
    }

    /// Sends `authorization: Bearer <token>` with every request.
    pub fn with_bearer_token(
        mut self,
        token: impl ::std::convert::Into<::std::string::String>,
    ) -> Self {
        self.bearer_token = ::std::option::Option::Some(token.into());
        self
    }

    /// Sends through `client`: your timeouts, proxy, connection pool and default headers.
    pub fn with_http_client(mut self, client: ::reqwest::Client) -> Self {
        self.http = client;
        self
    }

    /// The base URL every request's path is appended to.
    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// Sends `request` and decodes the response: the operation's result on a 2xx status,
    /// [`ClientError::Api`] with the status and body on any other or when the body does not
    /// decode, [`ClientError::Transport`] when no complete response arrived.
    pub async fn send<T>(&self, request: Request<T>) -> ::std::result::Result<T, ClientError> {
        let mut http = request
            .to_http(&self.base_url)
            .map_err(ClientError::InvalidRequest)?;
        if let ::std::option::Option::Some(token) = &self.bearer_token {
            let mut value = ::http::HeaderValue::try_from(::std::format!("Bearer {token}"))
                .map_err(|error| ClientError::InvalidRequest(error.into()))?;
            value.set_sensitive(true);
            http.headers_mut()
                .insert(::http::header::AUTHORIZATION, value);
        }
        let path = http.uri().path().to_owned();
        let http = ::reqwest::Request::try_from(http).map_err(ClientError::Transport)?;
        if http.url().path() != path {
            return ::std::result::Result::Err(ClientError::DotSegment { path });
        }
        let response = self
            .http
            .execute(http)
            .await
            .map_err(ClientError::Transport)?;
        let status = response.status();
        let body = response.bytes().await.map_err(ClientError::Transport)?;
        request
            .decode_response(status, &body)
            .map_err(ClientError::Api)
    }
}

impl ::std::fmt::Debug for Client {
    /// Shows the base URL and whether there is a token, never the token.
    fn fmt(&self, formatter: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        formatter
            .debug_struct("Client")
            .field("base_url", &self.base_url)
            .field(
                "bearer_token",
                &self.bearer_token.as_ref().map(|_| "<redacted>"),
            )
            .finish_non_exhaustive()
    }
}

/// Why [`Client::send`] gave no result.
#[derive(Debug)]
#[non_exhaustive]
pub enum ClientError {
    /// No complete response: the connection failed or dropped, TLS failed, a timeout of your
    /// `reqwest::Client` passed, or `reqwest` refused the request's URL (`is_builder()`).
    Transport(::reqwest::Error),
    /// A response that is not the operation's result: a status other than 2xx, or a body that did
    /// not decode; with the status and the body.
    Api(ApiError),
    /// The base URL and the request's path do not make a valid request, or the bearer token is
    /// not a valid header value.
    InvalidRequest(::http::Error),
    /// The path has a segment `.` or `..` (a path parameter's value, or in the base URL): URL
    /// normalization would remove it with the segment before it and send the request to another
    /// resource (`DELETE /users/../roles` is `DELETE /roles`), so it was not sent.
    DotSegment {
        /// The path as the request has it.
        path: ::std::string::String,
    },
}

impl ClientError {
    /// The response's status, when there was a response.
    pub fn status(&self) -> ::std::option::Option<::http::StatusCode> {
        match self {
            Self::Api(error) => ::std::option::Option::Some(error.status()),
            Self::Transport(error) => error.status(),
            Self::InvalidRequest(_) | Self::DotSegment { .. } => ::std::option::Option::None,
        }
    }
}

impl ::std::fmt::Display for ClientError {
    fn fmt(&self, formatter: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        match self {
            Self::Transport(error) => ::std::write!(formatter, "the request failed: {error}"),
            Self::Api(error) => ::std::fmt::Display::fmt(error, formatter),
            Self::InvalidRequest(error) => {
                ::std::write!(formatter, "the request is not valid: {error}")
            }
            Self::DotSegment { path } => ::std::write!(
                formatter,
                "the request was not sent: its path `{path}` has a `.` or `..` segment, which URL normalization would remove"
            ),
        }
    }
}

impl ::std::error::Error for ClientError {
    fn source(&self) -> ::std::option::Option<&(dyn ::std::error::Error + 'static)> {
        match self {
            Self::Transport(error) => ::std::option::Option::Some(error),
            Self::Api(error) => ::std::option::Option::Some(error),
            Self::InvalidRequest(error) => ::std::option::Option::Some(error),
            Self::DotSegment { .. } => ::std::option::Option::None,
        }
    }
}

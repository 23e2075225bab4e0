//! Placeholder of the async client (issue 14, owned by branch `issue-14c`, which replaces this
//! file): the API of /work/ISSUE14-INTERFACE.md.

/// A small async client: a base URL, an optional bearer token, [`Client::send`].
#[derive(Debug, Clone)]
pub struct Client {
    http: ::reqwest::Client,
    base_url: ::std::string::String,
    token: ::std::option::Option<::std::string::String>,
}

impl Client {
    /// A client of the API at `base_url`.
    pub fn new(base_url: impl Into<::std::string::String>) -> Self {
        Client {
            http: ::reqwest::Client::new(),
            base_url: base_url.into(),
            token: None,
        }
    }

    /// Sends `authorization: Bearer <token>` with every request.
    pub fn with_bearer_token(mut self, token: impl Into<::std::string::String>) -> Self {
        self.token = Some(token.into());
        self
    }

    /// Uses this `reqwest` client.
    pub fn with_http_client(mut self, client: ::reqwest::Client) -> Self {
        self.http = client;
        self
    }

    /// Sends the request and decodes the response.
    pub async fn send<T>(&self, request: crate::Request<T>) -> ::std::result::Result<T, ClientError> {
        let http = request
            .to_http(&self.base_url)
            .map_err(ClientError::InvalidRequest)?;
        let (parts, body) = http.into_parts();
        let mut builder = self
            .http
            .request(parts.method, parts.uri.to_string())
            .headers(parts.headers)
            .body(body);
        if let Some(token) = &self.token {
            builder = builder.bearer_auth(token);
        }
        let response = builder.send().await.map_err(ClientError::Transport)?;
        let status = response.status();
        let bytes = response.bytes().await.map_err(ClientError::Transport)?;
        request
            .decode_response(status, &bytes)
            .map_err(ClientError::Api)
    }
}

/// Why [`Client::send`] failed.
#[derive(Debug)]
pub enum ClientError {
    /// Connection, TLS, timeout, a dropped connection.
    Transport(::reqwest::Error),
    /// A non-success status, or a body that did not decode.
    Api(crate::ApiError),
    /// The base URL and path did not make a valid request.
    InvalidRequest(::http::Error),
}

impl ::std::fmt::Display for ClientError {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        match self {
            ClientError::Transport(error) => write!(f, "transport: {error}"),
            ClientError::Api(error) => error.fmt(f),
            ClientError::InvalidRequest(error) => write!(f, "invalid request: {error}"),
        }
    }
}

impl ::std::error::Error for ClientError {}

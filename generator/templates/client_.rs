//! The async client of the `client` feature.
//!
//! It sends the crate's [`Request`]s over `reqwest` (rustls), authenticates them (a bearer token,
//! or OAuth client credentials it exchanges for tokens and refreshes), retries what
//! [`RetryPolicy`] says to, and with the `tracing` feature records a span per attempt. Without the
//! feature the crate compiles no HTTP stack: send the requests with your own (see
//! [`Request::to_http`], [`Request::decode_parts`], [`RetryPolicy::decide`] and
//! [`ClientCredentials::token_request`]).
//!
//! The same in every crate that has operations. Its declaration in `lib.rs` has no docs: rustdoc
//! would resolve the links above from there.

use super::request_::{
    AccessToken, ApiError, Attempt, ClientCredentials, Listing, Request, Response, RetryDecision,
    RetryPolicy,
};

/// How long a request of the default `reqwest::Client` may take, connection to last byte.
pub const DEFAULT_TIMEOUT: ::std::time::Duration = ::std::time::Duration::from_secs(60);

/// A future that completes after a wait: what [`Client::with_sleep`] takes.
pub type Sleep = ::std::sync::Arc<
    dyn Fn(
            ::std::time::Duration,
        ) -> ::std::pin::Pin<
            ::std::boxed::Box<dyn ::std::future::Future<Output = ()> + ::std::marker::Send>,
        > + ::std::marker::Send
        + ::std::marker::Sync,
>;

/// Sends [`Request`]s to one API host and decodes the responses:
/// `Client::new("https://api.example.com").with_bearer_token(token)`, then
/// `client.send(request).await?` for each request an operation's function builds. Cloning it is
/// cheap and shares the connection pool and the OAuth token.
#[derive(Clone)]
pub struct Client {
    http: ::reqwest::Client,
    base_url: ::std::string::String,
    authorization: Authorization,
    retry: RetryPolicy,
    sleep: Sleep,
}

/// How a client authenticates its requests.
#[derive(Clone)]
enum Authorization {
    /// It sends no `authorization`.
    None,
    /// `authorization: Bearer <token>`, a token the caller obtained.
    Bearer(::std::string::String),
    /// Tokens it obtains with client credentials.
    ClientCredentials(::std::sync::Arc<TokenSource>),
}

/// The tokens of client credentials: fetched when the cached one is missing or no longer fresh,
/// by one caller while the others wait for it (the lock is held across the fetch).
struct TokenSource {
    credentials: ClientCredentials,
    login_base_url: ::std::string::String,
    cached: ::tokio::sync::Mutex<::std::option::Option<AccessToken>>,
}

impl TokenSource {
    /// A fresh token: the cached one, or one fetched now.
    async fn token(
        &self,
        http: &::reqwest::Client,
    ) -> ::std::result::Result<::std::string::String, ClientError> {
        let mut cached = self.cached.lock().await;
        if let ::std::option::Option::Some(token) = cached.as_ref()
            && token.is_fresh(::std::time::Instant::now())
        {
            return ::std::result::Result::Ok(token.secret().to_owned());
        }
        let request = self
            .credentials
            .token_request(&self.login_base_url)
            .map_err(ClientError::InvalidRequest)?;
        let request = ::reqwest::Request::try_from(request).map_err(ClientError::Transport)?;
        let response = http
            .execute(request)
            .await
            .map_err(ClientError::Transport)?;
        let (status, headers) = (response.status(), response.headers().clone());
        let body = response.bytes().await.map_err(ClientError::Transport)?;
        let token =
            AccessToken::from_token_response(status, headers, &body, ::std::time::Instant::now())
                .map_err(ClientError::Authentication)?;
        let secret = token.secret().to_owned();
        *cached = ::std::option::Option::Some(token);
        ::std::result::Result::Ok(secret)
    }

    /// Forgets `rejected` (the API answered 401 to it), unless another caller replaced it.
    async fn reject(&self, rejected: &str) {
        let mut cached = self.cached.lock().await;
        if cached
            .as_ref()
            .is_some_and(|token| token.secret() == rejected)
        {
            *cached = ::std::option::Option::None;
        }
    }
}

impl Client {
    /// A client for the API at `base_url`: scheme and host (`https://api.example.com`), and a path
    /// prefix if the API has one (`https://example.com/prefix`). Many APIs have one host per
    /// region: give the one your account lives in. It sends no credentials until
    /// [`Client::with_bearer_token`] or [`Client::with_client_credentials`], retries as
    /// [`RetryPolicy::default`] says, and uses a `reqwest::Client` with a timeout of
    /// [`DEFAULT_TIMEOUT`] (TLS by rustls, trusting the Mozilla root certificates it bundles)
    /// until [`Client::with_http_client`].
    ///
    /// # Panics
    ///
    /// When `reqwest` cannot initialize its TLS backend, as `reqwest::Client::new` does.
    pub fn new(base_url: impl ::std::convert::Into<::std::string::String>) -> Self {
        let http = ::reqwest::Client::builder()
            .timeout(DEFAULT_TIMEOUT)
            .build()
            .expect("reqwest initializes its TLS backend");
        Self {
            http,
            base_url: base_url.into(),
            authorization: Authorization::None,
            retry: RetryPolicy::default(),
            sleep: ::std::sync::Arc::new(|wait| ::std::boxed::Box::pin(::tokio::time::sleep(wait))),
        }
    }

    /// Sends `authorization: Bearer <token>` with every request.
    pub fn with_bearer_token(
        mut self,
        token: impl ::std::convert::Into<::std::string::String>,
    ) -> Self {
        self.authorization = Authorization::Bearer(token.into());
        self
    }

    /// Authenticates with OAuth client credentials: a token is fetched from
    /// `<login_base_url>/oauth/token` ([`ClientCredentials::token_request`]) before the first
    /// request, kept until shortly before it expires ([`AccessToken::is_fresh`]), and fetched
    /// again by one request while the others wait; a request answered `401 Unauthorized` is sent
    /// once more with a new token.
    pub fn with_client_credentials(
        mut self,
        login_base_url: impl ::std::convert::Into<::std::string::String>,
        credentials: ClientCredentials,
    ) -> Self {
        self.authorization = Authorization::ClientCredentials(::std::sync::Arc::new(TokenSource {
            credentials,
            login_base_url: login_base_url.into(),
            cached: ::tokio::sync::Mutex::new(::std::option::Option::None),
        }));
        self
    }

    /// Retries as `policy` says ([`RetryPolicy::NEVER`]: never).
    pub fn with_retry_policy(mut self, policy: RetryPolicy) -> Self {
        self.retry = policy;
        self
    }

    /// Waits between attempts with `sleep` rather than `tokio::time::sleep`: another runtime's
    /// timer, or a test's clock.
    pub fn with_sleep(mut self, sleep: Sleep) -> Self {
        self.sleep = sleep;
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
    /// [`ClientError::Api`] with the status, headers and body on any other or when the body does
    /// not decode, [`ClientError::Transport`] when no complete response arrived. A 429 or 503,
    /// or no response at all, is retried as the client's [`RetryPolicy`] says.
    pub async fn send<T>(&self, request: Request<T>) -> ::std::result::Result<T, ClientError> {
        self.send_with_metadata(request)
            .await
            .map(Response::into_inner)
    }

    /// As [`Client::send`], with the response's status and headers (the correlation id, rate
    /// limits) beside the result: a [`Response`], which derefs to it.
    pub async fn send_with_metadata<T>(
        &self,
        request: Request<T>,
    ) -> ::std::result::Result<Response<T>, ClientError> {
        let started = ::std::time::Instant::now();
        let mut number = 0;
        let mut token_refreshed = false;
        loop {
            number += 1;
            let token = self.token().await?;
            let (status, headers, body) =
                match self.attempt(&request, token.as_deref(), number).await {
                    ::std::result::Result::Ok(exchange) => exchange,
                    // No response (not a request reqwest could not build): sent again as the
                    // policy says, or the error.
                    ::std::result::Result::Err(ClientError::Transport(error))
                        if !error.is_builder() =>
                    {
                        let attempt = Attempt {
                            retryable: request.is_retryable(),
                            number,
                            elapsed: started.elapsed(),
                        };
                        match self
                            .retry
                            .decide_without_response(attempt, random_fraction())
                        {
                            RetryDecision::RetryAfter(wait) => {
                                (self.sleep)(wait).await;
                                continue;
                            }
                            RetryDecision::GiveUp => {
                                return ::std::result::Result::Err(ClientError::Transport(error));
                            }
                        }
                    }
                    ::std::result::Result::Err(error) => return ::std::result::Result::Err(error),
                };
            // A rejected token is refreshed once, and the request sent again with the new one
            // (a 401 was not acted on, so even a `POST` may be): not an attempt of the policy's.
            if status == ::http::StatusCode::UNAUTHORIZED
                && !token_refreshed
                && let (
                    Authorization::ClientCredentials(source),
                    ::std::option::Option::Some(token),
                ) = (&self.authorization, &token)
            {
                source.reject(token).await;
                token_refreshed = true;
                number -= 1;
                continue;
            }
            let attempt = Attempt {
                retryable: request.is_retryable(),
                number,
                elapsed: started.elapsed(),
            };
            let jitter = random_fraction();
            match self.retry.decide(
                attempt,
                status,
                &headers,
                ::std::time::SystemTime::now(),
                jitter,
            ) {
                RetryDecision::RetryAfter(wait) => (self.sleep)(wait).await,
                RetryDecision::GiveUp => {
                    return request
                        .decode_parts(status, headers, &body)
                        .map_err(ClientError::Api);
                }
            }
        }
    }

    /// The pages of a listing, from `first`: each page's request is given to `next` with the
    /// page, which answers the next page's request or `None` at the end. Following a link:
    /// `|request, page| request.follow(page.next_uri.as_deref()?)`; by page number:
    /// `|request, page| (page.page_number? < page.page_count?).then(|| request.with_query("pageNumber", &(page.page_number? + 1).to_string()))`.
    /// Read them with `while let Some(page) = pages.next().await { ... }`.
    pub fn pages<T, F>(&self, first: Request<T>, next: F) -> Pages<'_, T, F>
    where
        F: FnMut(&Request<T>, &T) -> ::std::option::Option<Request<T>>,
    {
        Pages {
            client: self,
            request: ::std::option::Option::Some(first),
            next,
        }
    }

    /// The pages of a listing whose pages name the next one ([`Listing`]: the generated crate's
    /// `...Listing` models), from `first`: `while let Some(page) = pages.next().await`, each
    /// page's items by [`Listing::into_items`].
    pub fn listing<T: Listing>(&self, first: Request<T>) -> Pages<'_, T, NextPage<T>> {
        self.pages(first, next_page::<T>)
    }

    /// The bearer token to send, if any.
    async fn token(
        &self,
    ) -> ::std::result::Result<::std::option::Option<::std::string::String>, ClientError> {
        match &self.authorization {
            Authorization::None => ::std::result::Result::Ok(::std::option::Option::None),
            Authorization::Bearer(token) => {
                ::std::result::Result::Ok(::std::option::Option::Some(token.clone()))
            }
            Authorization::ClientCredentials(source) => source
                .token(&self.http)
                .await
                .map(::std::option::Option::Some),
        }
    }

    /// Sends `request` once, with `token`, and reads the whole response.
    async fn attempt<T>(
        &self,
        request: &Request<T>,
        token: ::std::option::Option<&str>,
        number: u32,
    ) -> ::std::result::Result<Exchange, ClientError> {
        let mut http = request
            .to_http(&self.base_url)
            .map_err(ClientError::InvalidRequest)?;
        if let ::std::option::Option::Some(token) = token {
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
        let exchange = async {
            let response = self
                .http
                .execute(http)
                .await
                .map_err(ClientError::Transport)?;
            let (status, headers) = (response.status(), response.headers().clone());
            let body = response.bytes().await.map_err(ClientError::Transport)?;
            ::std::result::Result::Ok((status, headers, body.to_vec()))
        };
        #[cfg(not(feature = "tracing"))]
        let _ = number;
        #[cfg(feature = "tracing")]
        let exchange = traced(exchange, request.method(), request.path_template(), number);
        exchange.await
    }
}

/// A response's status, headers and whole body.
type Exchange = (::http::StatusCode, ::http::HeaderMap, ::std::vec::Vec<u8>);

/// `exchange` in a `request` span of `method`, `path` (the operation's path template, its
/// placeholders unfilled: `/api/v2/pets/{petId}`), the attempt's `number` (1 for the first), and
/// once answered the status and correlation id. No parameter value, body, query or header value
/// is recorded: they may hold secrets.
#[cfg(feature = "tracing")]
async fn traced(
    exchange: impl ::std::future::Future<Output = ::std::result::Result<Exchange, ClientError>>,
    method: &::http::Method,
    path: &str,
    number: u32,
) -> ::std::result::Result<Exchange, ClientError> {
    let span = ::tracing::info_span!(
        "request",
        method = %method,
        path,
        attempt = number,
        status = ::tracing::field::Empty,
        correlation_id = ::tracing::field::Empty,
    );
    let result = ::tracing::Instrument::instrument(exchange, span.clone()).await;
    match &result {
        ::std::result::Result::Ok((status, headers, _)) => {
            span.record("status", status.as_u16());
            if let ::std::option::Option::Some(id) = super::request_::correlation_id(headers) {
                span.record("correlation_id", id);
            }
        }
        ::std::result::Result::Err(error) => {
            span.in_scope(|| ::tracing::warn!(%error, "no response"));
        }
    }
    result
}

/// The pages of a listing, fetched one by one: see [`Client::pages`].
pub struct Pages<'client, T, F> {
    client: &'client Client,
    request: ::std::option::Option<Request<T>>,
    next: F,
}

impl<T, F> Pages<'_, T, F>
where
    F: FnMut(&Request<T>, &T) -> ::std::option::Option<Request<T>>,
{
    /// The next page, `None` after the last one; after an error, `None` too.
    pub async fn next(&mut self) -> ::std::option::Option<::std::result::Result<T, ClientError>> {
        let request = self.request.take()?;
        let page = match self.client.send(request.clone()).await {
            ::std::result::Result::Ok(page) => page,
            ::std::result::Result::Err(error) => {
                return ::std::option::Option::Some(::std::result::Result::Err(error));
            }
        };
        self.request = (self.next)(&request, &page);
        ::std::option::Option::Some(::std::result::Result::Ok(page))
    }
}

/// How [`Client::listing`] finds the next page: [`Listing::next_request`].
pub type NextPage<T> = fn(&Request<T>, &T) -> ::std::option::Option<Request<T>>;

fn next_page<T: Listing>(request: &Request<T>, page: &T) -> ::std::option::Option<Request<T>> {
    page.next_request(request)
}

/// A random number in `[0, 1)`, for the backoff's jitter: the standard library's randomly keyed
/// hasher, which needs no random-number crate.
fn random_fraction() -> f64 {
    use ::std::hash::BuildHasher;
    let bits =
        ::std::collections::hash_map::RandomState::new().hash_one(::std::time::SystemTime::now());
    (bits >> 11) as f64 / (1_u64 << 53) as f64
}

impl ::std::fmt::Debug for Client {
    /// Shows the base URL, how it authenticates and retries, never a token or secret.
    fn fmt(&self, formatter: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        let credentials = match &self.authorization {
            Authorization::None => "none",
            Authorization::Bearer(_) => "bearer token <redacted>",
            Authorization::ClientCredentials(_) => "client credentials <redacted>",
        };
        formatter
            .debug_struct("Client")
            .field("base_url", &self.base_url)
            .field("credentials", &credentials)
            .field("retry", &self.retry)
            .finish_non_exhaustive()
    }
}

/// Why [`Client::send`] gave no result.
#[derive(Debug)]
#[non_exhaustive]
pub enum ClientError {
    /// No complete response: the connection failed or dropped, TLS failed, the timeout passed, or
    /// `reqwest` refused the request's URL (`is_builder()`).
    Transport(::reqwest::Error),
    /// A response that is not the operation's result: a status other than 2xx, or a body that did
    /// not decode; with the status, headers and body.
    Api(ApiError),
    /// The login host did not give an access token for the client credentials: its answer.
    Authentication(ApiError),
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
            Self::Api(error) | Self::Authentication(error) => {
                ::std::option::Option::Some(error.status())
            }
            Self::Transport(error) => error.status(),
            Self::InvalidRequest(_) | Self::DotSegment { .. } => ::std::option::Option::None,
        }
    }

    /// The id the server gave the exchange, when there was a response that had one.
    pub fn correlation_id(&self) -> ::std::option::Option<&str> {
        match self {
            Self::Api(error) | Self::Authentication(error) => error.correlation_id(),
            Self::Transport(_) | Self::InvalidRequest(_) | Self::DotSegment { .. } => {
                ::std::option::Option::None
            }
        }
    }
}

impl ::std::fmt::Display for ClientError {
    fn fmt(&self, formatter: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        match self {
            Self::Transport(error) => ::std::write!(formatter, "the request failed: {error}"),
            Self::Api(error) => ::std::fmt::Display::fmt(error, formatter),
            Self::Authentication(error) => {
                ::std::write!(formatter, "no access token was given: {error}")
            }
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
            Self::Api(error) | Self::Authentication(error) => ::std::option::Option::Some(error),
            Self::InvalidRequest(error) => ::std::option::Option::Some(error),
            Self::DotSegment { .. } => ::std::option::Option::None,
        }
    }
}

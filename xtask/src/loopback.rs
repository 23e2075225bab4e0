//! `cargo xtask conformance --loopback`: every operation's request over real HTTP. A third checker
//! crate (`loopback/`, beside `check/`) depends on the generated crate with its `client` feature
//! and runs a hyper server on a free port of 127.0.0.1. For each call of [`crate::requests`] the
//! generated function builds the request, `Client::send` sends it (with a bearer token, against a
//! base URL with a path prefix), the server records what arrived (method, path, query, body, the
//! `accept`, `content-type` and `authorization` headers) and answers with the call's synthesized
//! document, then again with a 404 and a JSON error body. The recorded request is judged as the
//! request checker's is ([`requests::observed`], [`requests::check_response`]), and the headers
//! by [`check_headers`].
//!
//! Opt-in: it builds the generated crate a second time (with `client`), and reqwest, hyper and
//! tokio.

use anyhow::Result;
use markdown_model_codegen::TypeModel;
use quote::quote;
use serde_json::Value;

use crate::requests;

/// The path prefix of the client's base URL, which the server must see before every path.
const PREFIX: &str = "/loopback-prefix";
/// The client's bearer token.
const TOKEN: &str = "loopback-token";

/// The loopback crate's manifest: the generated crate `package` (at `../models`) with `client`.
pub fn manifest(package: &str) -> String {
    format!(
        "[package]\nname = \"conformance-loopback\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n\
         [dependencies]\nhttp = \"1\"\nhttp-body-util = \"0.1\"\n\
         hyper = {{ version = \"1\", features = [\"server\", \"http1\"] }}\n\
         hyper-util = {{ version = \"0.1\", features = [\"tokio\"] }}\n\
         models = {{ path = \"../models\", package = \"{package}\", features = [\"client\"] }}\n\
         serde = \"1\"\nserde_json = \"1\"\ntokio = {{ version = \"1\", features = [\"rt\", \"net\"] }}\n\n[workspace]\n"
    )
}

/// The loopback checker's `src/main.rs`: [`requests::checker_binary`] with an exchange that sends
/// through the server.
pub fn source(model: &TypeModel) -> Result<String> {
    let runtime = requests::runtime_imports(true);
    let server = server();
    let exchange = quote! {
        #runtime

        use ::http_body_util::BodyExt as _;

        /// What [`exchange`] fails with.
        type Error = ClientError;

        #server

        /// Sends the request with `Client::send` to the server, which answers with `status` and
        /// `body`: the request as the server received it, and the client's result.
        fn exchange<T>(
            request: &Request<T>,
            status: ::http::StatusCode,
            body: &[u8],
        ) -> (::serde_json::Value, ::std::result::Result<T, Error>) {
            let loopback = loopback();
            {
                let mut exchange = loopback.exchange.lock().expect("the exchange");
                exchange.status = status.as_u16();
                exchange.body = body.to_vec();
                exchange.received = ::serde_json::Value::Null;
            }
            let result = loopback.runtime.block_on(loopback.client.send(request.clone()));
            let received = ::std::mem::take(&mut loopback.exchange.lock().expect("the exchange").received);
            (received, result)
        }

        /// The API error within a client error, or the error's text.
        fn api_error(error: Error) -> ::std::result::Result<ApiError, ::std::string::String> {
            match error {
                ClientError::Api(error) => Ok(error),
                other => Err(other.to_string()),
            }
        }
    };
    requests::checker_binary(
        model,
        "Sends the request of every call of the file it is given to a server on 127.0.0.1 that \
         records it and answers with the call's document, then with a 404, and prints the \
         request as received and what the client decoded as JSON.",
        &exchange,
    )
}

/// The checker's server: a hyper server on 127.0.0.1, started at the first call on a thread
/// of its own, that records each request and answers with the status and body prepared for it;
/// and the client that sends to it.
fn server() -> proc_macro2::TokenStream {
    quote! {
        /// The client, the runtime it runs on, and what the server answers next and saw last.
        struct Loopback {
            runtime: ::tokio::runtime::Runtime,
            client: Client,
            exchange: ::std::sync::Arc<::std::sync::Mutex<Exchange>>,
        }

        /// The server's answer to the next request, and the last request it received.
        #[derive(Default)]
        struct Exchange {
            status: u16,
            body: ::std::vec::Vec<u8>,
            received: ::serde_json::Value,
        }

        /// The loopback, started at the first call: the server runs on a thread of its own.
        fn loopback() -> &'static Loopback {
            static LOOPBACK: ::std::sync::OnceLock<Loopback> = ::std::sync::OnceLock::new();
            LOOPBACK.get_or_init(|| {
                let listener = ::std::net::TcpListener::bind("127.0.0.1:0").expect("a free port");
                listener.set_nonblocking(true).expect("a non-blocking listener");
                let address = listener.local_addr().expect("the listener's address");
                let exchange = ::std::sync::Arc::new(::std::sync::Mutex::new(Exchange::default()));
                let shared = ::std::sync::Arc::clone(&exchange);
                ::std::thread::spawn(move || runtime().block_on(serve(listener, shared)));
                Loopback {
                    runtime: runtime(),
                    client: Client::new(format!("http://{address}{}", #PREFIX)).with_bearer_token(#TOKEN),
                    exchange,
                }
            })
        }

        fn runtime() -> ::tokio::runtime::Runtime {
            ::tokio::runtime::Builder::new_current_thread().enable_all().build().expect("a tokio runtime")
        }

        async fn serve(listener: ::std::net::TcpListener, exchange: ::std::sync::Arc<::std::sync::Mutex<Exchange>>) {
            let listener = ::tokio::net::TcpListener::from_std(listener).expect("a tokio listener");
            loop {
                let (stream, _) = listener.accept().await.expect("a connection");
                let exchange = ::std::sync::Arc::clone(&exchange);
                ::tokio::spawn(async move {
                    let service = ::hyper::service::service_fn(move |request| answer(request, ::std::sync::Arc::clone(&exchange)));
                    let _ = ::hyper::server::conn::http1::Builder::new()
                        .serve_connection(::hyper_util::rt::TokioIo::new(stream), service)
                        .await;
                });
            }
        }

        /// Every header received, by name, each with its values in order.
        fn headers(received: &::http::HeaderMap) -> ::serde_json::Map<::std::string::String, ::serde_json::Value> {
            let mut headers = ::serde_json::Map::new();
            for (name, value) in received {
                let value = ::serde_json::Value::from(::std::string::String::from_utf8_lossy(value.as_bytes()).into_owned());
                match headers.entry(name.as_str()) {
                    ::serde_json::map::Entry::Occupied(mut entry) => {
                        if let ::serde_json::Value::Array(values) = entry.get_mut() {
                            values.push(value);
                        }
                    }
                    ::serde_json::map::Entry::Vacant(entry) => {
                        entry.insert(::serde_json::Value::Array(vec![value]));
                    }
                }
            }
            headers
        }

        /// Records the request and answers with the prepared status and body.
        async fn answer(
            request: ::hyper::Request<::hyper::body::Incoming>,
            exchange: ::std::sync::Arc<::std::sync::Mutex<Exchange>>,
        ) -> ::std::result::Result<::hyper::Response<::http_body_util::Full<::hyper::body::Bytes>>, ::hyper::Error> {
            let (parts, body) = request.into_parts();
            let body = body.collect().await?.to_bytes();
            let header = |name: &str| parts.headers.get(name).map(|value| ::std::string::String::from_utf8_lossy(value.as_bytes()).into_owned());
            let path = parts.uri.path();
            let mut exchange = exchange.lock().expect("the exchange");
            exchange.received = ::serde_json::json!({
                "method": parts.method.as_str(),
                "path": path.strip_prefix(#PREFIX).unwrap_or(path),
                "query": parts.uri.query().unwrap_or_default(),
                "headers": headers(&parts.headers),
                "body": (!body.is_empty()).then(|| ::std::string::String::from_utf8_lossy(&body).into_owned()),
                "accept": header("accept"),
                "content_type": header("content-type"),
                "authorization": header("authorization"),
            });
            let response = ::hyper::Response::builder()
                .status(exchange.status)
                .header("content-type", "application/json")
                .body(::http_body_util::Full::new(::hyper::body::Bytes::from(exchange.body.clone())))
                .expect("a response");
            Ok(response)
        }
    }
}

/// Whether the request the server received had the headers the client must send: `accept:
/// application/json` and the bearer token (its `content-type`, which must be the body's media type
/// exactly when there is a body, is read by [`requests::observed`]).
pub fn check_headers(report: &Value) -> Result<(), String> {
    let wanted = [
        ("accept", Value::from("application/json")),
        ("authorization", Value::from(format!("Bearer {TOKEN}"))),
    ];
    for (header, value) in wanted {
        if report[header] != value {
            return Err(format!("{header}: {}, not {value}", report[header]));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn accept_and_the_token_must_be_sent() {
        let report = |accept: &str, authorization: &str| json!({ "accept": accept, "authorization": authorization });
        let bearer = format!("Bearer {TOKEN}");
        assert_eq!(check_headers(&report("application/json", &bearer)), Ok(()));
        assert!(check_headers(&report("application/json", "Bearer other")).is_err());
        assert!(check_headers(&report("text/plain", &bearer)).is_err());
        assert!(check_headers(&json!({ "authorization": bearer })).is_err());
    }
}

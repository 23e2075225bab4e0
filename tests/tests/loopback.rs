//! The `client` feature's `Client` against an in-process HTTP server on 127.0.0.1: the requests are
//! built by the generated operation functions of the `features` and `operations` goldens, the
//! server records each request and answers with a prepared reply, and the tests check what it
//! received and what the client made of the answer.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use codegen_tests::features::client_::{Client, ClientError};
use codegen_tests::features::pets_api::{self, GetPetParams, GetPetsParams, get_pet, get_pets};
use codegen_tests::features::request_::Listing;
use codegen_tests::features::request_::{
    ApiError, ClientCredentials, NoContent, Request, RetryPolicy,
};
use codegen_tests::features::store_api::{self, PutStoreOrderParams};
use codegen_tests::features::{ErrorBody, Order, Pet, PetEntityListing, Tag};
use codegen_tests::operations::things_api::{self, GetThingPartParams};
use http::{HeaderMap, Method, StatusCode};
use http_body_util::{BodyExt, Full};
use hyper::body::{Bytes, Incoming};
use hyper_util::rt::TokioIo;
use tokio::io::AsyncReadExt;
use tokio::net::TcpListener;

/// A request as the server received it.
#[derive(Debug, Clone)]
struct Received {
    method: Method,
    path_and_query: String,
    headers: HeaderMap,
    body: Vec<u8>,
}

/// What the server does with every request.
#[derive(Debug, Clone)]
enum Reply {
    /// Answers with this status, content type and body.
    Document {
        status: StatusCode,
        content_type: &'static str,
        body: Vec<u8>,
    },
    /// Reads the request, then closes the connection without an answer.
    Drop,
    /// Reads the request and never answers.
    Silence,
    /// Answers each request as the function says.
    Handler(Handler),
}

/// A function from a request to its answer: status, headers and body.
#[derive(Clone)]
struct Handler(Arc<dyn Fn(&Received) -> Answer + Send + Sync>);

impl std::fmt::Debug for Handler {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.write_str("Handler")
    }
}

/// What a [`Handler`] answers.
struct Answer {
    status: StatusCode,
    headers: Vec<(&'static str, String)>,
    body: Vec<u8>,
}

impl Answer {
    fn new(status: StatusCode, headers: &[(&'static str, &str)], body: &serde_json::Value) -> Self {
        Self {
            status,
            headers: headers
                .iter()
                .map(|(name, value)| (*name, (*value).to_owned()))
                .collect(),
            body: body.to_string().into_bytes(),
        }
    }
}

impl Reply {
    /// `status` with an empty body (which says it is JSON: the client must not read it).
    fn empty(status: StatusCode) -> Self {
        Self::Document {
            status,
            content_type: "application/json",
            body: Vec::new(),
        }
    }

    fn json(status: StatusCode, body: &serde_json::Value) -> Self {
        Self::Document {
            status,
            content_type: "application/json",
            body: body.to_string().into_bytes(),
        }
    }
}

/// A server on a free port of 127.0.0.1, answering every request with one reply.
struct Server {
    base_url: String,
    received: Arc<Mutex<Vec<Received>>>,
}

impl Server {
    async fn start(reply: Reply) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base_url = format!("http://{}", listener.local_addr().unwrap());
        let received = Arc::new(Mutex::new(Vec::new()));
        let log = Arc::clone(&received);
        tokio::spawn(async move {
            loop {
                let (mut stream, _) = listener.accept().await.unwrap();
                let (reply, log) = (reply.clone(), Arc::clone(&log));
                tokio::spawn(async move {
                    match reply {
                        Reply::Document { .. } | Reply::Handler(_) => {
                            let service = hyper::service::service_fn(move |request| {
                                answer(request, reply.clone(), Arc::clone(&log))
                            });
                            hyper::server::conn::http1::Builder::new()
                                .serve_connection(TokioIo::new(stream), service)
                                .await
                                .unwrap();
                        }
                        Reply::Drop => {
                            let _ = stream.read(&mut [0; 4096]).await;
                        }
                        Reply::Silence => {
                            let _ = stream.read(&mut [0; 4096]).await;
                            tokio::time::sleep(Duration::from_secs(60)).await;
                        }
                    }
                });
            }
        });
        Self { base_url, received }
    }

    /// The one request the server received.
    fn request(&self) -> Received {
        let received = self.received.lock().unwrap();
        assert_eq!(received.len(), 1, "{received:#?}");
        received[0].clone()
    }
}

async fn answer(
    request: hyper::Request<Incoming>,
    reply: Reply,
    log: Arc<Mutex<Vec<Received>>>,
) -> Result<hyper::Response<Full<Bytes>>, hyper::Error> {
    let (parts, body) = request.into_parts();
    let body = body.collect().await?.to_bytes().to_vec();
    let received = Received {
        method: parts.method,
        path_and_query: parts.uri.path_and_query().unwrap().to_string(),
        headers: parts.headers,
        body,
    };
    let answer = match reply {
        Reply::Document {
            status,
            content_type,
            body,
        } => Answer {
            status,
            headers: vec![("content-type", content_type.to_owned())],
            body,
        },
        Reply::Handler(Handler(handler)) => handler(&received),
        Reply::Drop | Reply::Silence => unreachable!("only documents are answered"),
    };
    log.lock().unwrap().push(received);
    let mut response = hyper::Response::builder().status(answer.status);
    for (name, value) in answer.headers {
        response = response.header(name, value);
    }
    Ok(response.body(Full::new(Bytes::from(answer.body))).unwrap())
}

/// `GET /api/v2/pets/{petId}` without optional parameters.
fn get_pet_by_id(pet_id: &str) -> Request<Pet> {
    get_pet(pet_id, &GetPetParams::default())
}

fn pet_json() -> serde_json::Value {
    serde_json::json!({"name": "Rex", "tags": [{"label": "good"}]})
}

fn header<'a>(received: &'a Received, name: &str) -> Option<&'a str> {
    received
        .headers
        .get(name)
        .map(|value| value.to_str().unwrap())
}

#[tokio::test]
async fn a_typed_success_with_an_encoded_path_query_and_token() {
    let server = Server::start(Reply::json(StatusCode::OK, &pet_json())).await;
    let client = Client::new(&server.base_url).with_bearer_token("s3cret");
    let expand = vec![
        pets_api::get_pet::Expand::Tags,
        pets_api::get_pet::Expand::Owner,
        pets_api::get_pet::Expand::from("owner x&y".to_owned()),
    ];
    let params = GetPetParams {
        expand: Some(expand),
    };
    let pet = client.send(get_pet("a/b c?#%+é", &params)).await.unwrap();
    assert_eq!(pet.name, "Rex");
    assert_eq!(pet.tags.unwrap()[0].label.as_deref(), Some("good"));

    let received = server.request();
    assert_eq!(received.method, Method::GET);
    assert_eq!(
        received.path_and_query,
        "/api/v2/pets/a%2Fb%20c%3F%23%25%2B%C3%A9?expand=tags&expand=owner&expand=owner%20x%26y"
    );
    assert_eq!(header(&received, "authorization"), Some("Bearer s3cret"));
    assert_eq!(header(&received, "accept"), Some("application/json"));
    assert_eq!(header(&received, "content-type"), None);
    assert!(received.body.is_empty());
}

#[tokio::test]
async fn a_list_with_every_kind_of_query_value() {
    let reply = serde_json::json!([{"name": "Rex"}, {"name": "Tom", "tags": []}]);
    let server = Server::start(Reply::json(StatusCode::OK, &reply)).await;
    let params = GetPetsParams {
        page_size: Some(25),
        sort_order: Some(pets_api::get_pets::SortOrder::Desc),
        include_tags: Some(true),
    };
    let pets = Client::new(&server.base_url)
        .send(get_pets(&params))
        .await
        .unwrap();
    assert_eq!(pets.len(), 2);
    assert_eq!(pets[1].tags, Some(vec![]));
    assert_eq!(
        server.request().path_and_query,
        "/api/v2/pets?pageSize=25&sortOrder=DESC&includeTags=true"
    );

    let reply = serde_json::json!({"name": "part", "kind": "bolt"});
    let server = Server::start(Reply::json(StatusCode::OK, &reply)).await;
    let params = GetThingPartParams {
        expand: Some(vec![things_api::get_thing_part::Expand::Parts]),
        since: Some("2024-05-01".parse().unwrap()),
        until: Some("2024-05-01T14:00:00.120+02:00".parse().unwrap()),
        ratio: Some(0.5),
        ids: Some(vec![-3, 9_007_199_254_740_993]),
        r#type: Some("a+b".into()),
        ..Default::default()
    };
    // Another golden crate: its own `Request` type, its own copy of the client.
    let thing = codegen_tests::operations::client_::Client::new(&server.base_url)
        .send(things_api::get_thing_part("t 1", 7, "q?", &params))
        .await
        .unwrap();
    assert_eq!(thing.kind.as_deref(), Some("bolt"));
    assert_eq!(
        server.request().path_and_query,
        "/api/v2/things/t%201/parts/7?q=q%3F&expand=parts&since=2024-05-01\
         &until=2024-05-01T12%3A00%3A00.12Z&ratio=0.5&ids=-3&ids=9007199254740993&type=a%2Bb"
    );
}

#[tokio::test]
async fn a_json_body_is_sent_with_its_content_type() {
    let reply = serde_json::json!(["order-1", "order-2"]);
    let server = Server::start(Reply::json(StatusCode::CREATED, &reply)).await;
    let pet = Pet {
        name: "Rex".into(),
        tags: Some(vec![Tag {
            label: Some("new \"one\" é".into()),
        }]),
    };
    let orders = [
        Order {
            pets: Some([("7".to_owned(), pet)].into()),
        },
        Order::default(),
    ];
    let ids = Client::new(&server.base_url)
        .send(store_api::post_orders(&orders))
        .await
        .unwrap();
    assert_eq!(ids, ["order-1", "order-2"]);

    let received = server.request();
    assert_eq!(received.method, Method::POST);
    assert_eq!(received.path_and_query, "/api/v2/store/orders");
    assert_eq!(header(&received, "content-type"), Some("application/json"));
    assert_eq!(header(&received, "authorization"), None);
    let sent: Vec<Order> = serde_json::from_slice(&received.body).unwrap();
    assert_eq!(sent, orders);
}

#[tokio::test]
#[allow(
    deprecated,
    reason = "the fixture's operations that return nothing are deprecated"
)]
async fn no_content_ignores_the_body() {
    for (status, body) in [
        (StatusCode::NO_CONTENT, ""),
        (StatusCode::OK, "{\"ignored\": true}"),
    ] {
        let server = Server::start(Reply::Document {
            status,
            content_type: "application/json",
            body: body.into(),
        })
        .await;
        let client = Client::new(&server.base_url);
        assert_eq!(
            client.send(pets_api::delete_pet("1")).await.unwrap(),
            NoContent
        );
        let received = server.request();
        assert_eq!(received.method, Method::DELETE);
        assert_eq!(received.path_and_query, "/api/v2/pets/1");
    }

    let server = Server::start(Reply::empty(StatusCode::ACCEPTED)).await;
    let params = PutStoreOrderParams {
        dry_run: Some(false),
    };
    let request = store_api::put_store_order("s/1", "o 2", &Order::default(), &params);
    let result = Client::new(&server.base_url).send(request).await.unwrap();
    assert_eq!(result, NoContent);
    let received = server.request();
    assert_eq!(received.method, Method::PUT);
    assert_eq!(
        received.path_and_query,
        "/api/v2/stores/s%2F1/orders/o%202?dryRun=false"
    );
    assert_eq!(received.body, b"{}");
    assert_eq!(header(&received, "content-type"), Some("application/json"));
}

#[tokio::test]
async fn the_error_body_decodes_as_the_error_model_with_its_correlation_id() {
    let document = serde_json::json!({
        "message": "no such pet",
        "code": "not.found",
        "details": [{"fieldName": "petId"}],
    });
    let reply = Handler(Arc::new(move |_: &Received| {
        Answer::new(
            StatusCode::NOT_FOUND,
            &[("inin-correlation-id", "corr-404")],
            &document,
        )
    }));
    let server = Server::start(Reply::Handler(reply)).await;
    let error = Client::new(&server.base_url)
        .send(get_pet_by_id("1"))
        .await
        .unwrap_err();
    let ClientError::Api(api) = &error else {
        panic!("an API error: {error:?}");
    };
    assert_eq!(api.correlation_id(), Some("corr-404"));
    let body: ErrorBody = api.body_json().unwrap();
    assert_eq!(body.message.as_deref(), Some("no such pet"));
    assert_eq!(
        body.details.unwrap()[0].field_name.as_deref(),
        Some("petId")
    );
}

#[tokio::test]
async fn client_and_server_errors_keep_status_and_json_body() {
    for status in [StatusCode::NOT_FOUND, StatusCode::SERVICE_UNAVAILABLE] {
        let document =
            serde_json::json!({"message": "no", "code": "x.y", "status": status.as_u16()});
        let server = Server::start(Reply::json(status, &document)).await;
        let error = Client::new(&server.base_url)
            .with_retry_policy(RetryPolicy::NEVER)
            .send(get_pet_by_id("1"))
            .await
            .unwrap_err();
        assert_eq!(error.status(), Some(status));
        let ClientError::Api(ApiError::Status {
            status: got, body, ..
        }) = &error
        else {
            panic!("expected an API status error, got {error:?}");
        };
        assert_eq!(*got, status);
        assert_eq!(
            serde_json::from_slice::<serde_json::Value>(body).unwrap(),
            document
        );
        assert!(
            error
                .to_string()
                .starts_with(&format!("the API answered {status}; body: {{"))
        );
    }
}

#[tokio::test]
async fn a_success_body_that_is_not_json_is_a_decode_error() {
    let server = Server::start(Reply::Document {
        status: StatusCode::OK,
        content_type: "text/html",
        body: b"<html>maintenance</html>".to_vec(),
    })
    .await;
    let error = Client::new(&server.base_url)
        .send(get_pet_by_id("1"))
        .await
        .unwrap_err();
    let ClientError::Api(ApiError::Decode {
        status,
        body,
        source,
        ..
    }) = &error
    else {
        panic!("expected a decode error, got {error:?}");
    };
    assert_eq!(*status, StatusCode::OK);
    assert_eq!(body, b"<html>maintenance</html>");
    assert!(source.is_syntax());
}

#[tokio::test]
async fn a_text_success_is_accepted_and_read_as_text_with_its_header_parameter() {
    let calendar = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n";
    let server = Server::start(Reply::Document {
        status: StatusCode::OK,
        content_type: "text/calendar",
        body: calendar.as_bytes().to_vec(),
    })
    .await;
    let params = things_api::GetThingCalendarParams {
        journey_id: Some("j-1".to_owned()),
        ..Default::default()
    };
    let request = things_api::get_thing_calendar("t 1", &params);
    let client = codegen_tests::operations::client_::Client::new(&server.base_url);
    let text: String = client.send(request).await.unwrap();
    assert_eq!(text, calendar);
    let received = server.request();
    assert_eq!(received.path_and_query, "/api/v2/things/t%201/calendar");
    assert_eq!(header(&received, "accept"), Some("text/calendar"));
    assert_eq!(header(&received, "x-journey-session-id"), Some("j-1"));

    // A body that is not UTF-8 is a decode error, never a lossy string.
    let server = Server::start(Reply::Document {
        status: StatusCode::OK,
        content_type: "text/calendar",
        body: vec![0xff, 0xfe],
    })
    .await;
    let request = things_api::get_thing_calendar("t", &Default::default());
    let client = codegen_tests::operations::client_::Client::new(&server.base_url);
    let error = client.send(request).await.unwrap_err();
    assert!(
        matches!(
            error,
            codegen_tests::operations::client_::ClientError::Api(
                codegen_tests::operations::request_::ApiError::Decode { .. }
            )
        ),
        "{error:?}"
    );
}

#[tokio::test]
async fn a_dropped_connection_is_a_transport_error_once_retries_are_spent() {
    let server = Server::start(Reply::Drop).await;
    let (waits, sleep) = recorded_sleep();
    let error = Client::new(&server.base_url)
        .with_sleep(sleep)
        .send(get_pet_by_id("1"))
        .await
        .unwrap_err();
    assert!(matches!(&error, ClientError::Transport(_)), "{error:?}");
    assert_eq!(error.status(), None);
    assert!(std::error::Error::source(&error).is_some());
    // The default policy's four attempts: three backoffs.
    assert_eq!(waits.lock().unwrap().len(), 3);
}

#[tokio::test]
async fn a_get_whose_connection_dropped_is_sent_again() {
    // The first connection is closed unanswered; the next ones are served.
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base_url = format!("http://{}", listener.local_addr().unwrap());
    let received = Arc::new(Mutex::new(Vec::new()));
    let log = Arc::clone(&received);
    tokio::spawn(async move {
        let (mut first, _) = listener.accept().await.unwrap();
        let _ = first.read(&mut [0; 4096]).await;
        drop(first);
        loop {
            let (stream, _) = listener.accept().await.unwrap();
            let log = Arc::clone(&log);
            tokio::spawn(async move {
                let service = hyper::service::service_fn(move |request| {
                    answer(
                        request,
                        Reply::json(StatusCode::OK, &pet_json()),
                        Arc::clone(&log),
                    )
                });
                let _ = hyper::server::conn::http1::Builder::new()
                    .serve_connection(TokioIo::new(stream), service)
                    .await;
            });
        }
    });
    let (waits, sleep) = recorded_sleep();
    let client = Client::new(&base_url).with_sleep(sleep);
    let pet = client.send(get_pet_by_id("1")).await.unwrap();
    assert_eq!(pet.name, "Rex");
    assert_eq!(received.lock().unwrap().len(), 1);
    assert_eq!(waits.lock().unwrap().len(), 1);
}

#[tokio::test]
async fn a_refused_connection_is_a_transport_error() {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base_url = format!("http://{}", listener.local_addr().unwrap());
    drop(listener);
    let (waits, sleep) = recorded_sleep();
    let error = Client::new(base_url)
        .with_sleep(sleep)
        .send(get_pet_by_id("1"))
        .await
        .unwrap_err();
    assert_eq!(waits.lock().unwrap().len(), 3);
    let ClientError::Transport(source) = &error else {
        panic!("expected a transport error, got {error:?}");
    };
    assert!(source.is_connect(), "{source:?}");
}

#[tokio::test]
async fn a_custom_http_client_brings_its_timeout_and_headers() {
    let server = Server::start(Reply::Silence).await;
    let http = reqwest::Client::builder()
        .timeout(Duration::from_millis(200))
        .build()
        .unwrap();
    let error = Client::new(&server.base_url)
        .with_http_client(http)
        .send(get_pet_by_id("1"))
        .await
        .unwrap_err();
    let ClientError::Transport(source) = &error else {
        panic!("expected a transport error, got {error:?}");
    };
    assert!(source.is_timeout(), "{source:?}");

    let server = Server::start(Reply::json(StatusCode::OK, &pet_json())).await;
    let mut headers = HeaderMap::new();
    headers.insert("x-app", "loopback".parse().unwrap());
    let http = reqwest::Client::builder()
        .default_headers(headers)
        .build()
        .unwrap();
    let client = Client::new(&server.base_url)
        .with_http_client(http)
        .with_bearer_token("t");
    client.send(get_pet_by_id("1")).await.unwrap();
    let received = server.request();
    assert_eq!(header(&received, "x-app"), Some("loopback"));
    assert_eq!(header(&received, "authorization"), Some("Bearer t"));
}

#[tokio::test]
async fn a_base_url_path_prefix_is_kept() {
    for prefix in ["/gateway/v1", "/gateway/v1/"] {
        let server = Server::start(Reply::json(StatusCode::OK, &pet_json())).await;
        let client = Client::new(format!("{}{prefix}", server.base_url));
        assert_eq!(client.base_url(), format!("{}{prefix}", server.base_url));
        let params = GetPetParams {
            expand: Some(vec![pets_api::get_pet::Expand::Owner]),
        };
        client.send(get_pet("7", &params)).await.unwrap();
        assert_eq!(
            server.request().path_and_query,
            "/gateway/v1/api/v2/pets/7?expand=owner"
        );
    }
}

#[tokio::test]
async fn an_invalid_base_url_or_token_is_an_invalid_request() {
    let error = Client::new("not a url")
        .send(get_pet_by_id("1"))
        .await
        .unwrap_err();
    assert!(matches!(error, ClientError::InvalidRequest(_)), "{error:?}");
    assert!(error.to_string().starts_with("the request is not valid: "));

    let server = Server::start(Reply::json(StatusCode::OK, &pet_json())).await;
    let error = Client::new(&server.base_url)
        .with_bearer_token("line\nbreak")
        .send(get_pet_by_id("1"))
        .await
        .unwrap_err();
    assert!(matches!(error, ClientError::InvalidRequest(_)), "{error:?}");
    assert!(server.received.lock().unwrap().is_empty());
}

#[test]
fn debug_never_shows_the_token() {
    let client = Client::new("https://api.example.com").with_bearer_token("s3cret");
    let debug = format!("{client:?}");
    assert!(!debug.contains("s3cret"), "{debug}");
    assert!(
        debug.contains(r#"base_url: "https://api.example.com""#),
        "{debug}"
    );
    assert!(debug.contains("<redacted>"), "{debug}");
}

#[tokio::test]
async fn a_dot_segment_path_is_refused_not_normalized() {
    let server = Server::start(Reply::json(StatusCode::OK, &pet_json())).await;
    let client = Client::new(&server.base_url);
    for id in [".", ".."] {
        let error = client.send(get_pet_by_id(id)).await.unwrap_err();
        let ClientError::DotSegment { path } = &error else {
            panic!("expected a dot segment error, got {error:?}");
        };
        assert!(path.starts_with("/api/v2/pets/%2E"), "{path}");
    }
    let error = Client::new(format!("{}/a/../b", server.base_url))
        .send(get_pet_by_id("1"))
        .await
        .unwrap_err();
    assert!(matches!(error, ClientError::DotSegment { .. }), "{error:?}");
    assert!(server.received.lock().unwrap().is_empty());
    // Dots inside a segment are an ordinary value.
    client.send(get_pet_by_id("a..b")).await.unwrap();
    assert_eq!(server.request().path_and_query, "/api/v2/pets/a..b");
}

#[tokio::test]
#[allow(deprecated, reason = "the fixture's delete_thing is deprecated")]
async fn head_delete_and_patch_with_and_without_its_optional_body() {
    // A HEAD response has no body, whatever its headers say.
    for (request, status, method, path) in [
        (
            things_api::head_thing("t?1"),
            StatusCode::OK,
            Method::HEAD,
            "/api/v2/things/t%3F1",
        ),
        (
            things_api::delete_thing(
                "t 1",
                &things_api::DeleteThingParams {
                    if_match: Some("\"v1\"".into()),
                },
            ),
            StatusCode::NO_CONTENT,
            Method::DELETE,
            "/api/v2/things/t%201",
        ),
    ] {
        let server = Server::start(Reply::empty(status)).await;
        let client = codegen_tests::operations::client_::Client::new(&server.base_url);
        let result = client.send(request).await.unwrap();
        assert_eq!(result, codegen_tests::operations::request_::NoContent);
        let received = server.request();
        assert_eq!(received.method, method);
        assert_eq!(received.path_and_query, path);
        // The header parameter arrives as a header, not in the query.
        if method == Method::DELETE {
            assert_eq!(received.headers["if-match"], "\"v1\"");
        }
    }

    let reply = serde_json::json!({"name": "renamed"});
    for body in [
        None,
        Some(codegen_tests::operations::Thing {
            name: "renamed".into(),
            kind: None,
        }),
    ] {
        let server = Server::start(Reply::json(StatusCode::OK, &reply)).await;
        let client = codegen_tests::operations::client_::Client::new(&server.base_url);
        let params = things_api::PatchThingParams { body: body.clone() };
        let thing = client
            .send(things_api::patch_thing("t1", &params))
            .await
            .unwrap();
        assert_eq!(thing.name, "renamed");
        let received = server.request();
        assert_eq!(received.method, Method::PATCH);
        match body {
            Some(_) => {
                assert_eq!(header(&received, "content-type"), Some("application/json"));
                assert_eq!(received.body, br#"{"name":"renamed"}"#);
            }
            None => {
                assert_eq!(header(&received, "content-type"), None);
                assert!(received.body.is_empty());
            }
        }
    }
}

#[tokio::test]
async fn a_map_response_and_eight_required_query_parameters() {
    use codegen_tests::operations::Thing;

    let reply = serde_json::json!({"a": {"name": "one"}, "b/c": {"name": "two", "kind": "k"}});
    let server = Server::start(Reply::json(StatusCode::CREATED, &reply)).await;
    let client = codegen_tests::operations::client_::Client::new(&server.base_url);
    let things = [Thing {
        name: "one".into(),
        kind: None,
    }];
    let created = client.send(things_api::post_things(&things)).await.unwrap();
    assert_eq!(created.len(), 2);
    assert_eq!(created["b/c"].kind.as_deref(), Some("k"));
    let received = server.request();
    assert_eq!(received.path_and_query, "/api/v2/things");
    assert_eq!(received.body, br#"[{"name":"one"}]"#);

    let server = Server::start(Reply::json(StatusCode::OK, &serde_json::json!([]))).await;
    let client = codegen_tests::operations::client_::Client::new(&server.base_url);
    let request = things_api::get_things_search(
        "x y",
        "",
        false,
        -1,
        &["p".to_owned(), "q&r".to_owned()],
        &things_api::get_things_search::F::from("unlisted value".to_owned()),
        "2024-02-29".parse().unwrap(),
        "é",
    );
    assert!(client.send(request).await.unwrap().is_empty());
    assert_eq!(
        server.request().path_and_query,
        "/api/v2/things/search?a=x%20y&b=&c=false&d=-1&e=p&e=q%26r&f=unlisted%20value\
         &g=2024-02-29&h=%C3%A9"
    );
}

/// A `Client::with_sleep` that waits for nothing and records each wait it was asked for.
fn recorded_sleep() -> (
    Arc<Mutex<Vec<Duration>>>,
    codegen_tests::features::client_::Sleep,
) {
    let waits = Arc::new(Mutex::new(Vec::new()));
    let log = Arc::clone(&waits);
    let sleep = Arc::new(move |wait| {
        log.lock().unwrap().push(wait);
        Box::pin(std::future::ready(())) as std::pin::Pin<Box<dyn Future<Output = ()> + Send>>
    });
    (waits, sleep)
}

#[tokio::test]
async fn a_429_with_retry_after_then_a_success_with_its_metadata() {
    let calls = Arc::new(AtomicUsize::new(0));
    let count = Arc::clone(&calls);
    let handler = Handler(Arc::new(move |_: &Received| {
        if count.fetch_add(1, Ordering::SeqCst) == 0 {
            let busy = serde_json::json!({"message": "slow down"});
            Answer::new(
                StatusCode::TOO_MANY_REQUESTS,
                &[("retry-after", "7")],
                &busy,
            )
        } else {
            let headers = [
                ("inin-correlation-id", "corr-2"),
                ("x-rate-remaining", "99"),
            ];
            Answer::new(StatusCode::OK, &headers, &pet_json())
        }
    }));
    let server = Server::start(Reply::Handler(handler)).await;
    let (waits, sleep) = recorded_sleep();
    let client = Client::new(&server.base_url).with_sleep(sleep);
    let pet = client.send_with_metadata(get_pet_by_id("1")).await.unwrap();
    assert_eq!(pet.name, "Rex");
    assert_eq!(pet.status(), StatusCode::OK);
    assert_eq!(pet.correlation_id(), Some("corr-2"));
    assert_eq!(pet.headers()["x-rate-remaining"], "99");
    assert_eq!(*waits.lock().unwrap(), [Duration::from_secs(7)]);
    assert_eq!(server.received.lock().unwrap().len(), 2);
}

#[tokio::test]
async fn a_post_is_retried_only_when_marked_and_attempts_are_capped() {
    let busy = Handler(Arc::new(|_: &Received| {
        let headers = [("x-correlation-id", "busy-1")];
        Answer::new(
            StatusCode::SERVICE_UNAVAILABLE,
            &headers,
            &serde_json::json!({}),
        )
    }));
    let server = Server::start(Reply::Handler(busy)).await;
    let (waits, sleep) = recorded_sleep();
    let client = Client::new(&server.base_url)
        .with_sleep(sleep)
        .with_retry_policy(RetryPolicy {
            max_attempts: 3,
            ..RetryPolicy::default()
        });
    let error = client.send(store_api::post_orders(&[])).await.unwrap_err();
    assert_eq!(error.status(), Some(StatusCode::SERVICE_UNAVAILABLE));
    assert_eq!(error.correlation_id(), Some("busy-1"));
    assert!(
        error.to_string().contains("(correlation id busy-1)"),
        "{error}"
    );
    assert_eq!(server.received.lock().unwrap().len(), 1);
    assert!(waits.lock().unwrap().is_empty());

    let mut marked = store_api::post_orders(&[]);
    marked.set_retryable(true);
    client.send(marked).await.unwrap_err();
    assert_eq!(server.received.lock().unwrap().len(), 4);
    let waits = waits.lock().unwrap().clone();
    assert_eq!(waits.len(), 2, "{waits:?}");
    // Jittered halves of 0.5 s and 1 s.
    assert!(waits[0] >= Duration::from_millis(250) && waits[0] < Duration::from_millis(500));
    assert!(waits[1] >= Duration::from_millis(500) && waits[1] < Duration::from_secs(1));
}

/// A login host and an API in one server: `/oauth/token` gives `t1`, `t2`, ... to the client
/// credentials `id:secret` (counting them), and the API answers 401 to a token it has revoked.
struct OAuthServer {
    server: Server,
    tokens_issued: Arc<AtomicUsize>,
    revoke_first: Arc<AtomicBool>,
}

impl OAuthServer {
    async fn start() -> Self {
        let tokens_issued = Arc::new(AtomicUsize::new(0));
        let revoke_first = Arc::new(AtomicBool::new(false));
        let (issued, revoked) = (Arc::clone(&tokens_issued), Arc::clone(&revoke_first));
        let handler = Handler(Arc::new(move |received: &Received| {
            if received.path_and_query == "/oauth/token" {
                assert_eq!(received.method, Method::POST);
                assert_eq!(
                    header(received, "authorization"),
                    Some("Basic aWQ6c2VjcmV0")
                );
                assert_eq!(received.body, b"grant_type=client_credentials");
                let number = issued.fetch_add(1, Ordering::SeqCst) + 1;
                let token = serde_json::json!({
                    "access_token": format!("t{number}"),
                    "token_type": "bearer",
                    "expires_in": 86_400,
                });
                return Answer::new(StatusCode::OK, &[], &token);
            }
            let authorization = header(received, "authorization").unwrap_or_default();
            if authorization == "Bearer t1" && revoked.load(Ordering::SeqCst) {
                let expired = serde_json::json!({"message": "token expired"});
                return Answer::new(StatusCode::UNAUTHORIZED, &[], &expired);
            }
            assert!(authorization.starts_with("Bearer t"), "{authorization}");
            Answer::new(StatusCode::OK, &[], &pet_json())
        }));
        Self {
            server: Server::start(Reply::Handler(handler)).await,
            tokens_issued,
            revoke_first,
        }
    }
}

/// Sends `count` requests at once through clones of `client`; all must succeed.
async fn concurrently(client: &Client, count: usize) {
    let calls: Vec<_> = (0..count)
        .map(|index| {
            let client = client.clone();
            tokio::spawn(async move { client.send(get_pet_by_id(&index.to_string())).await })
        })
        .collect();
    for call in calls {
        assert_eq!(call.await.unwrap().unwrap().name, "Rex");
    }
}

#[tokio::test]
async fn client_credentials_fetch_one_token_and_refresh_it_once_when_it_expires() {
    let oauth = OAuthServer::start().await;
    let base_url = &oauth.server.base_url;
    let client = Client::new(base_url)
        .with_client_credentials(base_url, ClientCredentials::new("id", "secret"));
    concurrently(&client, 8).await;
    assert_eq!(oauth.tokens_issued.load(Ordering::SeqCst), 1);

    // The token expires mid-run: every caller's request is answered 401, one fetches the next.
    oauth.revoke_first.store(true, Ordering::SeqCst);
    concurrently(&client, 8).await;
    assert_eq!(oauth.tokens_issued.load(Ordering::SeqCst), 2);
    let received = oauth.server.received.lock().unwrap();
    let rejected = received
        .iter()
        .filter(|request| header(request, "authorization") == Some("Bearer t1"))
        .count();
    let accepted_after = received
        .iter()
        .filter(|request| header(request, "authorization") == Some("Bearer t2"))
        .count();
    assert!(
        rejected >= 9,
        "8 accepted, at least one rejected: {rejected}"
    );
    assert_eq!(accepted_after, 8);
}

#[tokio::test]
async fn a_token_the_login_host_refuses_is_an_authentication_error() {
    let refuse = Handler(Arc::new(|_: &Received| {
        let refused = serde_json::json!({"error": "invalid_client"});
        Answer::new(
            StatusCode::UNAUTHORIZED,
            &[("inin-correlation-id", "login-1")],
            &refused,
        )
    }));
    let server = Server::start(Reply::Handler(refuse)).await;
    let error = Client::new(&server.base_url)
        .with_client_credentials(&server.base_url, ClientCredentials::new("id", "bad"))
        .send(get_pet_by_id("1"))
        .await
        .unwrap_err();
    let ClientError::Authentication(refused) = &error else {
        panic!("expected an authentication error, got {error:?}");
    };
    assert_eq!(refused.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(error.correlation_id(), Some("login-1"));
    // Only the token request: the API was never called without a token.
    assert_eq!(server.request().path_and_query, "/oauth/token");
}

/// The `pageNumber` a request asks for (1 when it names none).
fn page_number(received: &Received) -> u32 {
    received
        .path_and_query
        .split("pageNumber=")
        .nth(1)
        .map_or(1, |rest| rest.split('&').next().unwrap().parse().unwrap())
}

#[tokio::test]
async fn a_listing_model_follows_its_own_next_page_to_the_end() {
    // Pages 1 to 3, each linking the next by `nextUri`.
    let listing = Handler(Arc::new(|received: &Received| {
        let number = page_number(received);
        let next_uri = (number < 3).then(|| {
            format!(
                "https://elsewhere.example/api/v2/pets?pageNumber={}",
                number + 1
            )
        });
        let page = serde_json::json!({
            "entities": [{"name": format!("pet {number}")}],
            "nextUri": next_uri,
        });
        Answer::new(StatusCode::OK, &[], &page)
    }));
    let server = Server::start(Reply::Handler(listing)).await;
    let client = Client::new(&server.base_url);
    let first = Request::new(
        Method::GET,
        "/api/v2/pets".into(),
        codegen_tests::features::request_::decode_json::<PetEntityListing>,
    );
    let mut names = Vec::new();
    let mut pages = client.listing(first);
    while let Some(page) = pages.next().await {
        names.extend(page.unwrap().into_items().into_iter().map(|pet| pet.name));
    }
    assert_eq!(names, ["pet 1", "pet 2", "pet 3"]);
    let received = server.received.lock().unwrap();
    let sent: Vec<&str> = (received.iter())
        .map(|request| request.path_and_query.as_str())
        .collect();
    // The link's host is not followed: the same API is asked.
    assert_eq!(
        sent,
        [
            "/api/v2/pets",
            "/api/v2/pets?pageNumber=2",
            "/api/v2/pets?pageNumber=3"
        ]
    );
}

#[tokio::test]
async fn three_pages_followed_to_the_end_by_link_and_by_page_number() {
    // Pages 1 to 3 of a listing: `nextUri` links each to the next, the last has none.
    let listing = Handler(Arc::new(|received: &Received| {
        let number = page_number(received);
        let next_uri =
            (number < 3).then(|| format!("/api/v2/pets?pageSize=2&pageNumber={}", number + 1));
        let page = serde_json::json!({
            "entities": [{"name": format!("pet {number}a")}, {"name": format!("pet {number}b")}],
            "pageNumber": number,
            "pageCount": 3,
            "nextUri": next_uri,
        });
        Answer::new(StatusCode::OK, &[], &page)
    }));
    let server = Server::start(Reply::Handler(listing)).await;
    let client = Client::new(&server.base_url).with_bearer_token("t");
    let mut first = Request::new(
        Method::GET,
        "/api/v2/pets".into(),
        codegen_tests::features::request_::decode_json::<serde_json::Value>,
    );
    first.push_query("pageSize", "2");

    let mut names = Vec::new();
    let mut pages = client.pages(first.clone(), |request, page| {
        request.follow(page["nextUri"].as_str()?)
    });
    while let Some(page) = pages.next().await {
        for pet in page.unwrap()["entities"].as_array().unwrap() {
            names.push(pet["name"].as_str().unwrap().to_owned());
        }
    }
    assert_eq!(
        names,
        ["pet 1a", "pet 1b", "pet 2a", "pet 2b", "pet 3a", "pet 3b"]
    );

    let mut numbers = Vec::new();
    let mut pages = client.pages(first, |request, page| {
        let (number, count) = (page["pageNumber"].as_u64()?, page["pageCount"].as_u64()?);
        (number < count).then(|| request.with_query("pageNumber", &(number + 1).to_string()))
    });
    while let Some(page) = pages.next().await {
        numbers.push(page.unwrap()["pageNumber"].as_u64().unwrap());
    }
    assert_eq!(numbers, [1, 2, 3]);

    let received = server.received.lock().unwrap();
    let sent: Vec<&str> = received
        .iter()
        .map(|request| request.path_and_query.as_str())
        .collect();
    assert_eq!(
        sent,
        [
            "/api/v2/pets?pageSize=2",
            "/api/v2/pets?pageSize=2&pageNumber=2",
            "/api/v2/pets?pageSize=2&pageNumber=3",
            "/api/v2/pets?pageSize=2",
            "/api/v2/pets?pageSize=2&pageNumber=2",
            "/api/v2/pets?pageSize=2&pageNumber=3",
        ]
    );
    assert!(
        received
            .iter()
            .all(|request| header(request, "authorization") == Some("Bearer t"))
    );
}

#[tokio::test]
async fn a_failed_page_ends_the_pages() {
    let server = Server::start(Reply::empty(StatusCode::NOT_FOUND)).await;
    let client = Client::new(&server.base_url);
    let mut pages = client.pages(get_pet_by_id("1"), |request, _| Some(request.clone()));
    assert_eq!(
        pages.next().await.unwrap().unwrap_err().status(),
        Some(StatusCode::NOT_FOUND)
    );
    assert!(pages.next().await.is_none());
}

//! The `tracing` feature's spans: one per attempt, with method, path template, attempt, status and
//! correlation id, and never a token or a body. A subscriber of its own records them.

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

use codegen_tests::features::client_::Client;
use codegen_tests::features::pets_api::{GetPetParams, get_pet};
use http_body_util::Full;
use hyper::body::Bytes;
use hyper_util::rt::TokioIo;
use tokio::net::TcpListener;
use tracing::field::{Field, Visit};
use tracing::span::{Attributes, Id, Record};
use tracing::{Event, Metadata, Subscriber};

/// A span's name and its fields' names and values, as recorded so far.
type RecordedSpan = (String, Vec<(String, String)>);

/// Every span's name and fields; a span's id is its index here plus one.
#[derive(Clone, Default)]
struct Recorder {
    spans: Arc<Mutex<Vec<RecordedSpan>>>,
}

struct Fields<'a>(&'a mut Vec<(String, String)>);

impl Visit for Fields<'_> {
    fn record_debug(&mut self, field: &Field, value: &dyn std::fmt::Debug) {
        self.0.push((field.name().to_owned(), format!("{value:?}")));
    }

    fn record_str(&mut self, field: &Field, value: &str) {
        self.0.push((field.name().to_owned(), value.to_owned()));
    }
}

impl Subscriber for Recorder {
    fn enabled(&self, _: &Metadata<'_>) -> bool {
        true
    }

    fn new_span(&self, attributes: &Attributes<'_>) -> Id {
        let mut spans = self.spans.lock().unwrap();
        let mut fields = Vec::new();
        attributes.record(&mut Fields(&mut fields));
        spans.push((attributes.metadata().name().to_owned(), fields));
        Id::from_u64(spans.len() as u64)
    }

    fn record(&self, span: &Id, values: &Record<'_>) {
        let mut spans = self.spans.lock().unwrap();
        let index = usize::try_from(span.into_u64()).unwrap() - 1;
        values.record(&mut Fields(&mut spans[index].1));
    }

    fn record_follows_from(&self, _: &Id, _: &Id) {}

    fn event(&self, _: &Event<'_>) {}

    fn enter(&self, _: &Id) {}

    fn exit(&self, _: &Id) {}
}

/// A server on 127.0.0.1 that answers 429 (with `Retry-After: 0`) once, then 200, each with a
/// correlation id.
async fn server() -> SocketAddr {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    let answered = Arc::new(Mutex::new(0));
    tokio::spawn(async move {
        loop {
            let (stream, _) = listener.accept().await.unwrap();
            let answered = Arc::clone(&answered);
            tokio::spawn(async move {
                let service = hyper::service::service_fn(move |_| {
                    let mut count = answered.lock().unwrap();
                    *count += 1;
                    let (status, body) = if *count == 1 {
                        (429, "{}")
                    } else {
                        (200, r#"{"name":"Rex"}"#)
                    };
                    let response = hyper::Response::builder()
                        .status(status)
                        .header("retry-after", "0")
                        .header("inin-correlation-id", format!("corr-{count}"))
                        .body(Full::new(Bytes::from(body)));
                    async move { response }
                });
                hyper::server::conn::http1::Builder::new()
                    .serve_connection(TokioIo::new(stream), service)
                    .await
                    .unwrap();
            });
        }
    });
    address
}

#[tokio::test]
async fn each_attempt_is_a_span_with_its_status_and_correlation_id_and_no_token() {
    let recorder = Recorder::default();
    let _default = tracing::subscriber::set_default(recorder.clone());
    let address = server().await;
    let client = Client::new(format!("http://{address}")).with_bearer_token("s3cret-token");
    let pet = client
        .send(get_pet("p 1", &GetPetParams::default()))
        .await
        .unwrap();
    assert_eq!(pet.name, "Rex");

    let spans = recorder.spans.lock().unwrap().clone();
    let requests: Vec<_> = spans.iter().filter(|(name, _)| name == "request").collect();
    assert_eq!(requests.len(), 2, "{spans:?}");
    for (attempt, (_, fields)) in requests.iter().enumerate() {
        let field = |name: &str| {
            fields
                .iter()
                .find(|(field, _)| field == name)
                .map(|(_, value)| value.as_str())
        };
        let number = (attempt + 1).to_string();
        assert_eq!(field("method"), Some("GET"));
        // The template: the parameter's value is not recorded.
        assert_eq!(field("path"), Some("/api/v2/pets/{petId}"));
        assert_eq!(field("attempt"), Some(number.as_str()));
        let status = if attempt == 0 { "429" } else { "200" };
        assert_eq!(field("status"), Some(status));
        assert_eq!(
            field("correlation_id"),
            Some(format!("corr-{number}").as_str())
        );
    }
    let everything = format!("{spans:?}");
    assert!(!everything.contains("s3cret"), "{everything}");
    assert!(!everything.contains("Rex"), "{everything}");
    assert!(!everything.contains("p%201"), "{everything}");
}

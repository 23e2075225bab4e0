//! The request runtime (`generator/templates/request_.rs`, which every generated crate with
//! operations carries): percent-encoding, query values, the `http` request, decoding responses
//! with their metadata, the retry policy, the client credentials grant.

use std::time::{Duration, Instant, SystemTime};

use codegen_tests::request_::{
    AccessToken, ApiError, Attempt, ClientCredentials, NoContent, Pkce, QueryValue, Request,
    RetryDecision, RetryPolicy, correlation_id, decode_json, decode_nothing, decode_text,
    encode_path_segment, retry_after,
};
use http::{HeaderMap, Method, StatusCode};
use serde::Deserialize;

#[derive(Debug, Deserialize, PartialEq)]
struct Pet {
    name: String,
}

fn get_pet(id: &str) -> Request<Pet> {
    let mut request = Request::new(Method::GET, "/api/v2/pets/{petId}".into(), decode_json);
    request.set_path_parameter("petId", id);
    request
}

#[test]
fn path_parameters_fill_the_template_which_is_kept() {
    let request = get_pet("{petId}/x");
    assert_eq!(request.path(), "/api/v2/pets/%7BpetId%7D%2Fx");
    assert_eq!(request.path_template(), "/api/v2/pets/{petId}");
    let mut part: Request<Pet> =
        Request::new(Method::GET, "/things/{id}/parts/{n}".into(), decode_json);
    part.set_path_parameter("n", &7_i64);
    part.set_path_parameter("id", "a b");
    assert_eq!(part.path(), "/things/a%20b/parts/7");
    assert_eq!(part.path_template(), "/things/{id}/parts/{n}");
    // A path without placeholders is its own template.
    let plain: Request<Pet> = Request::new(Method::GET, "/pets".into(), decode_json);
    assert_eq!(plain.path_template(), "/pets");
}

#[test]
fn parameters_of_any_type_are_written_by_the_runtime() {
    let mut request = get_pet("1");
    request.push_query("limit", &25_i64);
    request.push_query("ratio", &0.5_f64);
    request.push_query("on", &true);
    request.push_query("name", &String::from("a b"));
    request.push_header("X-Count", &3_u8);
    assert_eq!(request.query(), "limit=25&ratio=0.5&on=true&name=a%20b");
    assert_eq!(request.headers(), [("X-Count", "3".to_owned())]);
    assert_eq!(encode_path_segment(&42_i64), "42");
}

#[test]
fn path_segments_encode_everything_but_unreserved_characters() {
    assert_eq!(encode_path_segment("aZ09-._~"), "aZ09-._~");
    assert_eq!(
        encode_path_segment("a/b?c#d%e f+g"),
        "a%2Fb%3Fc%23d%25e%20f%2Bg"
    );
    assert_eq!(encode_path_segment("é✓"), "%C3%A9%E2%9C%93");
    assert_eq!(encode_path_segment(""), "");
    assert_eq!(
        encode_path_segment("&=;:@!$'()*,"),
        "%26%3D%3B%3A%40%21%24%27%28%29%2A%2C"
    );
    assert_eq!(get_pet("../x y").path(), "/api/v2/pets/..%2Fx%20y");
    // Whole dot segments are encoded (RFC 3986 paths keep them; see the loopback tests for URL
    // parsers that do not); dots inside a segment are left alone.
    assert_eq!(encode_path_segment("."), "%2E");
    assert_eq!(encode_path_segment(".."), "%2E%2E");
    assert_eq!(encode_path_segment("..."), "...");
    assert_eq!(encode_path_segment("a..b"), "a..b");
    let http = get_pet("..").to_http("https://api.example.com").unwrap();
    assert_eq!(http.uri().path(), "/api/v2/pets/%2E%2E");
}

#[test]
fn query_keys_and_values_are_encoded_and_joined() {
    let mut request = get_pet("1");
    assert_eq!(request.query(), "");
    assert_eq!(request.path_and_query(), "/api/v2/pets/1");
    request.push_query("q", "a b+c&d=e#f?g/h%i");
    request.push_query("ké y", "ü");
    request.push_query("tag", "x");
    request.push_query("tag", "y");
    request.push_query("empty", "");
    assert_eq!(
        request.query(),
        "q=a%20b%2Bc%26d%3De%23f%3Fg%2Fh%25i&k%C3%A9%20y=%C3%BC&tag=x&tag=y&empty="
    );
    assert_eq!(
        request.path_and_query(),
        format!("/api/v2/pets/1?{}", request.query())
    );
}

#[test]
fn query_values_are_the_json_values_without_quotes() {
    assert_eq!("a b".to_query_value(), "a b");
    assert_eq!(String::from("x\"y").to_query_value(), "x\"y");
    assert_eq!(25_i32.to_query_value(), "25");
    assert_eq!(
        (-9_007_199_254_740_993_i64).to_query_value(),
        "-9007199254740993"
    );
    assert_eq!(2.5_f64.to_query_value(), "2.5");
    assert_eq!(5.0_f64.to_query_value(), "5.0");
    assert_eq!(0.1_f32.to_query_value(), "0.1");
    assert_eq!(true.to_query_value(), "true");
    assert_eq!(f64::NAN.to_query_value(), "null");
    assert_eq!(serde_json::Number::from(7).to_query_value(), "7");
    assert_eq!(
        serde_json::json!({"a": [1]}).to_query_value(),
        r#"{"a":[1]}"#
    );
    let date: jiff::civil::Date = "2024-05-01".parse().unwrap();
    assert_eq!(date.to_query_value(), "2024-05-01");
    let instant: jiff::Timestamp = "2024-05-01T14:00:00.120+02:00".parse().unwrap();
    assert_eq!(instant.to_query_value(), "2024-05-01T12:00:00.12Z");
    let local: jiff::civil::DateTime = "2024-05-01T08:30:00".parse().unwrap();
    assert_eq!(local.to_query_value(), "2024-05-01T08:30:00");
    // A generated open enum is written as its wire value, known or not.
    assert_eq!(
        codegen_tests::enums::delivery::Status::from("in-progress".to_owned()).to_query_value(),
        "in-progress"
    );
}

#[test]
fn to_http_joins_the_base_url_and_sets_json_headers() {
    let mut request = get_pet("a/b");
    request.push_query("expand", "owner");
    let http = request.to_http("https://api.example.com").unwrap();
    assert_eq!(http.method(), Method::GET);
    assert_eq!(
        http.uri().to_string(),
        "https://api.example.com/api/v2/pets/a%2Fb?expand=owner"
    );
    assert_eq!(http.headers()["accept"], "application/json");
    assert!(http.headers().get("content-type").is_none());
    assert!(http.body().is_empty());

    // A base URL with a path prefix, with or without its trailing slash.
    for base in [
        "http://127.0.0.1:8080/prefix",
        "http://127.0.0.1:8080/prefix/",
    ] {
        let http = request.to_http(base).unwrap();
        assert_eq!(
            http.uri().path_and_query().unwrap().as_str(),
            "/prefix/api/v2/pets/a%2Fb?expand=owner"
        );
    }
    assert!(request.to_http("not a url").is_err());
    assert!(request.to_http("api.example.com").is_err());
}

#[test]
fn a_text_operation_accepts_its_media_type_and_reads_text() {
    let mut request = Request::new(Method::GET, "/calendar".to_owned(), decode_text);
    assert_eq!(request.accept(), "application/json");
    request.set_accept("text/calendar");
    assert_eq!(request.accept(), "text/calendar");
    let http = request.to_http("https://api.example.com").unwrap();
    assert_eq!(http.headers()["accept"], "text/calendar");
    let text = request
        .decode_response(StatusCode::OK, "BEGIN:VCALENDAR \"x\"".as_bytes())
        .unwrap();
    assert_eq!(text, "BEGIN:VCALENDAR \"x\"");
    assert_eq!(request.decode_response(StatusCode::OK, b"").unwrap(), "");
    let error = request
        .decode_response(StatusCode::OK, &[b'a', 0xff])
        .unwrap_err();
    assert!(matches!(error, ApiError::Decode { .. }), "{error:?}");
}

#[test]
fn a_json_body_is_serialized_with_its_content_type() {
    let mut request: Request<NoContent> =
        Request::new(Method::POST, "/api/v2/pets".into(), decode_nothing);
    assert_eq!(request.body(), None);
    request.set_json_body(&serde_json::json!({"name": "Rex", "tags": ["a"]}));
    assert_eq!(request.body(), Some(&br#"{"name":"Rex","tags":["a"]}"#[..]));
    let http = request.to_http("https://api.example.com/").unwrap();
    assert_eq!(http.method(), Method::POST);
    assert_eq!(
        http.uri().to_string(),
        "https://api.example.com/api/v2/pets"
    );
    assert_eq!(http.headers()["content-type"], "application/json");
    assert_eq!(http.headers()["accept"], "application/json");
    assert_eq!(http.body(), br#"{"name":"Rex","tags":["a"]}"#);
}

#[test]
fn a_success_decodes_to_the_response_type() {
    let request = get_pet("1");
    let pet = request
        .decode_response(StatusCode::OK, br#"{"name":"Rex"}"#)
        .unwrap();
    assert_eq!(pet, Pet { name: "Rex".into() });

    let delete: Request<NoContent> =
        Request::new(Method::DELETE, "/api/v2/pets/1".into(), decode_nothing);
    assert_eq!(
        delete.decode_response(StatusCode::NO_CONTENT, b"").unwrap(),
        NoContent
    );
    assert_eq!(
        delete.decode_response(StatusCode::OK, b"not json").unwrap(),
        NoContent
    );
}

#[test]
fn other_statuses_keep_status_and_body() {
    let request = get_pet("1");
    for status in [
        StatusCode::NOT_FOUND,
        StatusCode::INTERNAL_SERVER_ERROR,
        StatusCode::FOUND,
    ] {
        let body = br#"{"message":"no such pet","code":"not.found"}"#;
        let error = request.decode_response(status, body).unwrap_err();
        assert!(
            matches!(&error, ApiError::Status { status: s, body: b, .. } if *s == status && b == body)
        );
        assert_eq!(error.status(), status);
        assert_eq!(error.body(), body);
        let json: serde_json::Value = error.body_json().unwrap();
        assert_eq!(json["code"], "not.found");
        assert!(std::error::Error::source(&error).is_none());
        assert_eq!(
            error.to_string(),
            format!(
                "the API answered {status}; body: {}",
                std::str::from_utf8(body).unwrap()
            )
        );
    }
    let error = request
        .decode_response(StatusCode::BAD_GATEWAY, b"")
        .unwrap_err();
    assert_eq!(error.to_string(), "the API answered 502 Bad Gateway");
}

#[test]
fn an_empty_success_body_is_null_or_an_empty_object_where_the_type_reads_one() {
    #[derive(Debug, Deserialize, PartialEq, Default)]
    struct Optional {
        name: Option<String>,
    }
    let value: Request<serde_json::Value> =
        Request::new(Method::DELETE, "/api/v2/pets/1".into(), decode_json);
    assert_eq!(
        value.decode_response(StatusCode::NO_CONTENT, b"").unwrap(),
        serde_json::Value::Null
    );
    let optional: Request<Optional> =
        Request::new(Method::DELETE, "/api/v2/pets/1".into(), decode_json);
    assert_eq!(
        optional.decode_response(StatusCode::OK, b" \r\n").unwrap(),
        Optional::default()
    );
    // A model with a required field reads neither: the empty body's own error.
    let error = get_pet("1")
        .decode_response(StatusCode::NO_CONTENT, b"")
        .unwrap_err();
    assert!(matches!(error, ApiError::Decode { source, .. } if source.is_eof()));
}

#[test]
fn a_success_that_does_not_decode_is_a_decode_error() {
    let request = get_pet("1");
    let error = request
        .decode_response(StatusCode::OK, b"<html>maintenance</html>")
        .unwrap_err();
    let ApiError::Decode {
        status,
        body,
        source,
        ..
    } = &error
    else {
        panic!("expected a decode error, got {error:?}");
    };
    assert_eq!(*status, StatusCode::OK);
    assert_eq!(body, b"<html>maintenance</html>");
    assert!(source.is_syntax());
    assert!(std::error::Error::source(&error).is_some());
    assert!(
        error
            .to_string()
            .starts_with("the body of a 200 OK response did not decode: ")
    );
    assert!(
        error
            .to_string()
            .ends_with("; body: <html>maintenance</html>")
    );

    let wrong_shape = request
        .decode_response(StatusCode::OK, br#"{"id":1}"#)
        .unwrap_err();
    assert!(matches!(wrong_shape, ApiError::Decode { source, .. } if source.is_data()));
}

#[test]
fn a_long_body_is_shortened_in_the_message_only() {
    let body = "é".repeat(600);
    let error = get_pet("1")
        .decode_response(StatusCode::BAD_REQUEST, body.as_bytes())
        .unwrap_err();
    assert_eq!(error.body(), body.as_bytes());
    let message = error.to_string();
    assert!(
        message.ends_with(&format!("{}...", "é".repeat(500))),
        "{message}"
    );
}

#[test]
fn requests_clone_and_debug_without_bounds_on_the_response_type() {
    struct NotDebug;
    fn nothing(_: &[u8]) -> Result<NotDebug, serde_json::Error> {
        Ok(NotDebug)
    }
    let mut request = Request::new(Method::PUT, "/x".into(), nothing);
    request.set_json_body("body");
    request.push_header("If-Match", "\"v1\"");
    let copy = request.clone();
    assert_eq!(copy.path_and_query(), "/x");
    assert_eq!(copy.body(), Some(&b"\"body\""[..]));
    assert_eq!(copy.headers(), [("If-Match", "\"v1\"".to_owned())]);
    let debug = format!("{copy:?}");
    assert!(
        debug.contains(
            r#"method: PUT, path: "/x", query: "", headers: [("If-Match", "\"v1\"")], accept: "application/json", retryable: true, body: Some("\"body\"")"#
        ),
        "{debug}"
    );
    assert!(debug.contains("NotDebug"), "{debug}");
}

fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
    pairs
        .iter()
        .map(|(name, value)| (http::HeaderName::from_static(name), value.parse().unwrap()))
        .collect()
}

#[test]
fn decode_parts_keeps_status_and_headers_with_success_and_error() {
    let request = get_pet("1");
    let answered = headers(&[("inin-correlation-id", "c-1"), ("x-rate", "9")]);
    let pet = request
        .decode_parts(StatusCode::OK, answered.clone(), br#"{"name":"Rex"}"#)
        .unwrap();
    assert_eq!(pet.name, "Rex"); // through Deref
    assert_eq!(pet.status(), StatusCode::OK);
    assert_eq!(pet.headers()["x-rate"], "9");
    assert_eq!(pet.correlation_id(), Some("c-1"));
    assert_eq!(pet.into_inner(), Pet { name: "Rex".into() });

    let error = request
        .decode_parts(StatusCode::NOT_FOUND, answered, br#"{"code":"x"}"#)
        .unwrap_err();
    assert_eq!(error.correlation_id(), Some("c-1"));
    assert_eq!(error.headers()["x-rate"], "9");
    assert_eq!(
        error.to_string(),
        r#"the API answered 404 Not Found (correlation id c-1); body: {"code":"x"}"#
    );
    // Without headers: nothing to show.
    let error = request
        .decode_response(StatusCode::NOT_FOUND, b"")
        .unwrap_err();
    assert!(error.headers().is_empty());
    assert_eq!(error.to_string(), "the API answered 404 Not Found");
}

#[test]
fn the_correlation_id_prefers_the_common_names_then_any_vendor_one() {
    assert_eq!(correlation_id(&headers(&[])), None);
    assert_eq!(
        correlation_id(&headers(&[
            ("acme-correlation-id", "v"),
            ("x-request-id", "r")
        ])),
        Some("r")
    );
    assert_eq!(
        correlation_id(&headers(&[("acme-correlation-id", "v")])),
        Some("v")
    );
    assert_eq!(
        correlation_id(&headers(&[
            ("x-request-id", "r"),
            ("x-correlation-id", "c")
        ])),
        Some("c")
    );
}

#[test]
fn retry_after_reads_seconds_and_http_dates() {
    // 1994-11-06T08:49:37Z.
    let now = SystemTime::UNIX_EPOCH + Duration::from_secs(784_111_777);
    let wait = |value: &str| retry_after(&headers(&[("retry-after", value)]), now);
    assert_eq!(wait("120"), Some(Duration::from_secs(120)));
    assert_eq!(wait(" 0 "), Some(Duration::ZERO));
    assert_eq!(
        wait("Sun, 06 Nov 1994 08:50:07 GMT"),
        Some(Duration::from_secs(30))
    );
    assert_eq!(wait("Sun, 06 Nov 1994 08:49:00 GMT"), Some(Duration::ZERO));
    // Across a leap day and a year.
    assert_eq!(
        wait("Wed, 01 Mar 2000 00:00:00 GMT"),
        Some(Duration::from_secs(951_868_800 - 784_111_777))
    );
    for not_a_wait in [
        "-1",
        "soon",
        "Sun, 06 Nov 1994 08:50:07 UTC",
        "Sun, 32 Nov 1994 08:50:07 GMT",
        "",
    ] {
        assert_eq!(wait(not_a_wait), None, "{not_a_wait:?}");
    }
    assert_eq!(retry_after(&headers(&[]), now), None);
}

fn attempt(number: u32, elapsed_secs: u64) -> Attempt {
    Attempt {
        retryable: true,
        number,
        elapsed: Duration::from_secs(elapsed_secs),
    }
}

#[test]
fn a_request_that_got_no_response_is_retried_as_after_a_503_without_retry_after() {
    let policy = RetryPolicy::default();
    assert_eq!(
        policy.decide_without_response(attempt(2, 0), 0.0),
        RetryDecision::RetryAfter(Duration::from_millis(500))
    );
    let post = Attempt {
        retryable: false,
        ..attempt(1, 0)
    };
    for (policy, attempt) in [
        (policy, post),
        (policy, attempt(4, 0)),
        (policy, attempt(1, 60)),
        (RetryPolicy::NEVER, attempt(1, 0)),
    ] {
        assert_eq!(
            policy.decide_without_response(attempt, 0.0),
            RetryDecision::GiveUp,
            "{attempt:?}"
        );
    }
}

#[test]
fn the_retry_policy_retries_429_and_503_of_retryable_requests_with_jittered_backoff() {
    let policy = RetryPolicy::default();
    let now = SystemTime::now();
    let none = HeaderMap::new();
    let decide = |attempt: Attempt, status: StatusCode, headers: &HeaderMap, jitter: f64| {
        policy.decide(attempt, status, headers, now, jitter)
    };
    let millis = |millis| RetryDecision::RetryAfter(Duration::from_millis(millis));
    // The backoff doubles, and a random half of it is waited.
    assert_eq!(
        decide(attempt(1, 0), StatusCode::TOO_MANY_REQUESTS, &none, 0.0),
        millis(250)
    );
    assert_eq!(
        decide(attempt(2, 0), StatusCode::SERVICE_UNAVAILABLE, &none, 0.0),
        millis(500)
    );
    assert_eq!(
        decide(attempt(3, 0), StatusCode::SERVICE_UNAVAILABLE, &none, 0.5),
        millis(1_500)
    );
    // `Retry-After` wins over the backoff.
    let asked = headers(&[("retry-after", "7")]);
    assert_eq!(
        decide(attempt(1, 0), StatusCode::TOO_MANY_REQUESTS, &asked, 0.3),
        millis(7_000)
    );
    // Give up: the fourth attempt, other statuses, a request not to repeat, no time left.
    assert_eq!(
        decide(attempt(4, 0), StatusCode::TOO_MANY_REQUESTS, &none, 0.0),
        RetryDecision::GiveUp
    );
    for status in [
        StatusCode::OK,
        StatusCode::INTERNAL_SERVER_ERROR,
        StatusCode::BAD_GATEWAY,
        StatusCode::UNAUTHORIZED,
    ] {
        assert_eq!(
            decide(attempt(1, 0), status, &none, 0.0),
            RetryDecision::GiveUp,
            "{status}"
        );
    }
    let post = Attempt {
        retryable: false,
        ..attempt(1, 0)
    };
    assert_eq!(
        decide(post, StatusCode::TOO_MANY_REQUESTS, &none, 0.0),
        RetryDecision::GiveUp
    );
    assert_eq!(
        decide(attempt(1, 55), StatusCode::TOO_MANY_REQUESTS, &asked, 0.0),
        RetryDecision::GiveUp
    );
    assert_eq!(
        RetryPolicy::NEVER.decide(
            attempt(1, 0),
            StatusCode::TOO_MANY_REQUESTS,
            &none,
            now,
            0.0
        ),
        RetryDecision::GiveUp
    );
    // The backoff stops growing at `max_backoff`, jitter or not.
    let long = RetryPolicy {
        max_attempts: 40,
        max_elapsed: Duration::from_secs(3_600),
        ..policy
    };
    for jitter in [0.0, 0.999, 7.0] {
        let RetryDecision::RetryAfter(wait) = long.decide(
            attempt(33, 0),
            StatusCode::TOO_MANY_REQUESTS,
            &none,
            now,
            jitter,
        ) else {
            panic!("gave up");
        };
        assert!(
            wait >= Duration::from_secs(4) && wait <= Duration::from_secs(8),
            "{wait:?}"
        );
    }
}

#[test]
fn only_idempotent_methods_are_retryable_unless_marked() {
    for (method, retryable) in [
        (Method::GET, true),
        (Method::HEAD, true),
        (Method::PUT, true),
        (Method::DELETE, true),
        (Method::OPTIONS, true),
        (Method::POST, false),
        (Method::PATCH, false),
    ] {
        let mut request = Request::new(method.clone(), "/x".into(), decode_nothing);
        assert_eq!(request.is_retryable(), retryable, "{method}");
        request.set_retryable(!retryable);
        assert_eq!(request.is_retryable(), !retryable, "{method}");
    }
}

#[test]
fn the_client_credentials_token_request() {
    // RFC 6749 2.3.1: each part form-encoded, then Basic (RFC 4648's "foobar" vectors).
    let request = ClientCredentials::new("foo", "bar")
        .token_request("https://login.example.com/")
        .unwrap();
    assert_eq!(request.method(), Method::POST);
    assert_eq!(request.uri(), "https://login.example.com/oauth/token");
    assert_eq!(request.headers()["authorization"], "Basic Zm9vOmJhcg==");
    assert!(request.headers()["authorization"].is_sensitive());
    assert_eq!(
        request.headers()["content-type"],
        "application/x-www-form-urlencoded"
    );
    assert_eq!(request.body(), b"grant_type=client_credentials");
    for (id, secret, basic) in [
        ("f", "", "Basic Zjo="),
        ("fo", "", "Basic Zm86"),
        ("a b", "c:d", "Basic YStiOmMlM0Fk"), // "a+b:c%3Ad"
    ] {
        let request = ClientCredentials::new(id, secret)
            .token_request("http://l")
            .unwrap();
        assert_eq!(
            request.headers()["authorization"],
            basic,
            "{id:?} {secret:?}"
        );
    }
    let debug = format!("{:?}", ClientCredentials::new("id-1", "s3cret"));
    assert!(
        debug.contains("id-1") && !debug.contains("s3cret"),
        "{debug}"
    );
}

#[test]
fn a_token_response_and_its_freshness() {
    let received = Instant::now();
    let read = |status, body: &str| {
        AccessToken::from_token_response(status, HeaderMap::new(), body.as_bytes(), received)
    };
    let token = read(
        StatusCode::OK,
        r#"{"access_token":"t-1","token_type":"bearer","expires_in":86400}"#,
    )
    .unwrap();
    assert_eq!(token.secret(), "t-1");
    assert_eq!(token.expires_at(), received + Duration::from_secs(86_400));
    assert!(token.is_fresh(received + Duration::from_secs(86_339)));
    assert!(!token.is_fresh(received + Duration::from_secs(86_340)));
    assert!(!format!("{token:?}").contains("t-1"));
    let short = read(StatusCode::OK, r#"{"access_token":"t","expires_in":60}"#).unwrap();
    assert!(!short.is_fresh(received));
    let error = read(StatusCode::OK, r#"{"token_type":"bearer"}"#).unwrap_err();
    assert!(matches!(error, ApiError::Decode { .. }), "{error:?}");
    let error = read(StatusCode::BAD_REQUEST, r#"{"error":"invalid_client"}"#).unwrap_err();
    assert_eq!(error.status(), StatusCode::BAD_REQUEST);
}

#[test]
fn pkce_verifier_challenge_and_requests() {
    // RFC 7636, appendix B.
    let random = [
        116, 24, 223, 180, 151, 153, 224, 37, 79, 250, 96, 125, 216, 173, 187, 186, 22, 212, 37,
        77, 105, 214, 191, 240, 91, 88, 5, 88, 83, 132, 141, 121,
    ];
    let pkce = Pkce::from_random_bytes(random);
    assert_eq!(
        pkce.verifier(),
        "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"
    );
    assert_eq!(
        pkce.challenge(),
        "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
    );
    assert!(!format!("{pkce:?}").contains("dBjf"));
    assert_eq!(
        pkce.authorization_url(
            "https://login.example.com/",
            "app 1",
            "http://localhost:8080/cb",
            "s&t"
        ),
        "https://login.example.com/oauth/authorize?response_type=code&code_challenge_method=S256\
         &code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&client_id=app%201\
         &redirect_uri=http%3A%2F%2Flocalhost%3A8080%2Fcb&state=s%26t"
    );
    let request = pkce
        .token_request(
            "https://login.example.com",
            "app 1",
            "http://localhost/cb",
            "c/1",
        )
        .unwrap();
    assert_eq!(request.method(), Method::POST);
    assert_eq!(request.uri(), "https://login.example.com/oauth/token");
    assert_eq!(request.headers().get("authorization"), None);
    assert_eq!(
        String::from_utf8(request.into_body()).unwrap(),
        "grant_type=authorization_code&code=c%2F1&redirect_uri=http%3A%2F%2Flocalhost%2Fcb\
         &client_id=app+1&code_verifier=dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"
    );
}

#[test]
fn the_next_page_by_link_or_by_query_parameter() {
    let mut first = get_pet("a b");
    first.push_query("pageSize", "25");
    first.push_query("page Number", "1");
    first.push_header("If-None-Match", "x");
    let next = first
        .follow("/api/v2/pets?pageSize=25&cursor=abc%3D")
        .unwrap();
    assert_eq!(
        next.path_and_query(),
        "/api/v2/pets?pageSize=25&cursor=abc%3D"
    );
    assert_eq!(next.method(), Method::GET);
    assert_eq!(next.headers(), first.headers());
    let absolute = first
        .follow("https://api.example.com/api/v2/pets?p=2#top")
        .unwrap();
    assert_eq!(absolute.path_and_query(), "/api/v2/pets?p=2");
    assert_eq!(
        first
            .follow("https://api.example.com/")
            .unwrap()
            .path_and_query(),
        "/"
    );
    for not_a_link in ["", "https://api.example.com", "pets?p=2"] {
        assert!(first.follow(not_a_link).is_none(), "{not_a_link:?}");
    }
    let second = first.with_query("page Number", "2");
    assert_eq!(second.query(), "pageSize=25&page%20Number=2");
    assert_eq!(
        second.with_query("pageSize", "10").query(),
        "page%20Number=2&pageSize=10"
    );
    assert_eq!(
        get_pet("1").with_query("pageNumber", "2").query(),
        "pageNumber=2"
    );
}

#[test]
fn a_numbered_listing_asks_for_the_next_page_until_the_count() {
    use codegen_tests::features::TagPage;
    use codegen_tests::features::request_::{Listing, Request, decode_json};
    let mut request = Request::new(Method::GET, "/tags".into(), decode_json::<TagPage>);
    request.push_query("pageSize", "5");
    let page = |number, count| TagPage {
        entities: Vec::new(),
        page_number: number,
        page_count: count,
    };
    let next = page(1, 3).next_request(&request).expect("a second page");
    let url = next
        .to_http("https://api.example")
        .unwrap()
        .uri()
        .to_string();
    assert_eq!(url, "https://api.example/tags?pageSize=5&pageNumber=2");
    assert!(page(3, 3).next_request(&next).is_none());
    assert!(page(1, 0).next_request(&request).is_none());
}

#[test]
fn a_multipart_boundary_is_in_no_part() {
    let mut request = get_pet("p");
    request.push_file_part("a", b"--request-part-boundary\r\n");
    let content_type = request.content_type().expect("a body").to_owned();
    let boundary = content_type
        .strip_prefix("multipart/form-data; boundary=")
        .expect("multipart");
    let body = request.body().expect("a body");
    assert_ne!(boundary, "request-part-boundary");
    // The boundary opens the part and closes the body, and nowhere else.
    let text = String::from_utf8_lossy(body);
    assert_eq!(text.matches(boundary).count(), 2, "{text}");
    request.push_part("b\"\r\n", "v");
    let text = String::from_utf8_lossy(request.body().expect("a body")).into_owned();
    assert!(text.contains("name=\"b%22%0D%0A\"\r\n\r\nv\r\n"), "{text}");
}

#[test]
fn cookies_share_one_header_and_bodies_set_their_media_type() {
    let mut request = get_pet("p");
    assert_eq!((request.body(), request.content_type()), (None, None));
    request.push_cookie("a", "1 2");
    request.push_cookie("b", "é");
    assert_eq!(
        request.headers(),
        [("Cookie", "a=1%202; b=%C3%A9".to_owned())]
    );
    request.set_text_body("hi");
    assert_eq!(request.content_type(), Some("text/plain"));
    request.set_json_body(&["x"]);
    assert_eq!(request.content_type(), Some("application/json"));
    let http = request.to_http("https://h").expect("valid");
    assert_eq!(http.headers()["content-type"], "application/json");
    assert_eq!(http.body(), br#"["x"]"#);
}

#[test]
fn a_cursor_listing_resumes_at_its_cursor_until_it_has_none() {
    use codegen_tests::features::OrderCursorPage;
    use codegen_tests::features::request_::{Listing, Request, decode_json};
    let request = Request::new(
        Method::GET,
        "/orders".into(),
        decode_json::<OrderCursorPage>,
    );
    let page = |cursor: Option<&str>| OrderCursorPage {
        entities: None,
        cursor: cursor.map(str::to_owned),
    };
    let next = page(Some("a b"))
        .next_request(&request)
        .expect("a next page");
    assert_eq!(next.query(), "cursor=a%20b");
    let again = page(Some("c")).next_request(&next).expect("a next page");
    assert_eq!(again.query(), "cursor=c");
    assert!(page(None).next_request(&again).is_none());
    assert!(page(Some("")).next_request(&again).is_none());
}

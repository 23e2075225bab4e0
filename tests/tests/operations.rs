//! The generated operations of the `operations` golden: each function's request has the method,
//! the percent-encoded path, the query (wire names, lists as repeated keys, enums as their
//! values, dates in RFC 3339) and the body the page documents.

use codegen_tests::operations::{Thing, things_api};
use http::{Method, StatusCode};

fn thing(name: &str) -> Thing {
    Thing {
        name: name.to_owned(),
        kind: None,
    }
}

#[test]
fn path_parameters_are_percent_encoded_and_every_query_parameter_is_written() {
    use things_api::get_thing_part::{Expand, SortOrder};
    let params = things_api::GetThingPartParams {
        expand: Some(vec![Expand::Owner, Expand::Other("new value".into())]),
        sort_order: Some(SortOrder::Desc),
        since: Some("2024-02-29".parse().expect("a date")),
        until: Some("2024-03-01T12:00:00.5Z".parse().expect("an instant")),
        page_size: Some(100),
        ratio: Some(0.25),
        ids: Some(vec![1, -2]),
        params_: Some("p&q=r".into()),
        r#type: Some("t".into()),
    };
    let request = things_api::get_thing_part("a/b c?#%", -7, "x y", &params);
    assert_eq!(request.method(), Method::GET);
    assert_eq!(request.path(), "/api/v2/things/a%2Fb%20c%3F%23%25/parts/-7");
    let query: Vec<&str> = request.query().split('&').collect();
    assert_eq!(
        query,
        [
            "q=x%20y",
            "expand=owner",
            "expand=new%20value",
            "sortOrder=desc",
            "since=2024-02-29",
            "until=2024-03-01T12%3A00%3A00.5Z",
            "pageSize=100",
            "ratio=0.25",
            "ids=1",
            "ids=-2",
            "params=p%26q%3Dr",
            "type=t",
        ]
    );
    assert_eq!(request.body(), None);
}

#[test]
fn optional_parameters_left_out_are_not_sent() {
    let request =
        things_api::get_thing_part("t", 1, "q", &things_api::GetThingPartParams::default());
    assert_eq!(request.path_and_query(), "/api/v2/things/t/parts/1?q=q");
}

#[test]
fn required_query_parameters_are_arguments_in_page_order() {
    let request = things_api::get_things_search(
        "a",
        "b",
        true,
        3,
        &["e1".to_owned(), "e2".to_owned()],
        &things_api::get_things_search::F::Y,
        "2024-01-02".parse().expect("a date"),
        "h",
    );
    assert_eq!(
        request.path_and_query(),
        "/api/v2/things/search?a=a&b=b&c=true&d=3&e=e1&e=e2&f=y&g=2024-01-02&h=h"
    );
}

#[test]
fn bodies_are_json_and_responses_decode_to_the_return_type() {
    let request = things_api::post_things(&[thing("one"), thing("two")]);
    assert_eq!(request.method(), Method::POST);
    assert_eq!(request.path_and_query(), "/api/v2/things");
    assert_eq!(
        request.body(),
        Some(br#"[{"name":"one"},{"name":"two"}]"#.as_slice())
    );
    let created = request
        .decode_response(StatusCode::OK, br#"{"first": {"name": "one"}}"#)
        .expect("a map of things");
    assert_eq!(created["first"], thing("one"));

    let without = things_api::patch_thing("t", &things_api::PatchThingParams::default());
    assert_eq!((without.method(), without.body()), (&Method::PATCH, None));
    let with = things_api::patch_thing(
        "t",
        &things_api::PatchThingParams {
            body: Some(thing("new")),
        },
    );
    assert_eq!(with.body(), Some(br#"{"name":"new"}"#.as_slice()));
}

#[test]
fn void_operations_decode_no_content() {
    #[allow(deprecated, reason = "the page marks delete_thing deprecated")]
    let request = things_api::delete_thing("t", &things_api::DeleteThingParams::default());
    assert_eq!(request.method(), Method::DELETE);
    assert!(request.headers().is_empty());
    let decoded = request.decode_response(StatusCode::NO_CONTENT, b"");
    assert_eq!(
        decoded.expect("no content"),
        codegen_tests::operations::request_::NoContent
    );
    let head = things_api::head_thing("x y");
    assert_eq!(
        (head.method(), head.path()),
        (&Method::HEAD, "/api/v2/things/x%20y")
    );
}

#[test]
fn a_parameter_named_like_a_request_header_is_that_header() {
    #[allow(deprecated, reason = "the page marks delete_thing deprecated")]
    let request = things_api::delete_thing(
        "t",
        &things_api::DeleteThingParams {
            if_match: Some("\"v2\", W/\"v1\"".into()),
        },
    );
    assert_eq!(request.query(), "");
    assert_eq!(
        request.headers(),
        [("If-Match", "\"v2\", W/\"v1\"".to_owned())]
    );
    let http = request
        .to_http("https://example.com")
        .expect("a valid request");
    assert_eq!(http.headers()["if-match"], "\"v2\", W/\"v1\"");
    // A value that is no valid header value fails to become an `http` request.
    #[allow(deprecated, reason = "the page marks delete_thing deprecated")]
    let broken = things_api::delete_thing(
        "t",
        &things_api::DeleteThingParams {
            if_match: Some("a\nb".into()),
        },
    );
    assert!(broken.to_http("https://example.com").is_err());
}

#[test]
fn placeholders_next_to_each_other_are_encoded_each() {
    use things_api::get_thing_file::Format;
    let request = things_api::get_thing_file("t/1", "a.b c", &Format::Csv);
    assert_eq!(request.path(), "/api/v2/things/t%2F1/files/a.b%20c.csv");
    let other = things_api::get_thing_file("t", "f", &Format::Other("x/y".into()));
    assert_eq!(other.path(), "/api/v2/things/t/files/f.x%2Fy");
    let text = other
        .decode_response(http::StatusCode::OK, br#""contents""#)
        .expect("a string");
    assert_eq!(text, "contents");
}

#[test]
fn models_named_client_and_request_coexist_with_the_runtime() {
    use codegen_tests::operations::{Client, Request, request};
    // The model `Request` is the root's `Request`; the runtime's is `request_::Request`.
    let request: codegen_tests::operations::request_::Request<Request> =
        things_api::post_thing_requests(
            "t/1",
            &Client {
                name: "c".to_owned(),
            },
        );
    assert_eq!(
        (request.method(), request.path(), request.body()),
        (
            &Method::POST,
            "/api/v2/things/t%2F1/requests",
            Some(br#"{"name":"c"}"#.as_slice())
        )
    );
    let decoded = request
        .decode_response(
            StatusCode::CREATED,
            br#"{"id": "r1", "client": {"name": "c"}, "state": "open"}"#,
        )
        .expect("a Request");
    assert_eq!(
        decoded,
        Request {
            id: "r1".to_owned(),
            client: Some(Client {
                name: "c".to_owned()
            }),
            state: Some(request::State::Open),
        }
    );
}

#[test]
fn form_fields_and_cookies_are_sent_under_their_wire_names() {
    let request = things_api::post_thing_form(
        "t",
        "a b&c",
        &things_api::PostThingFormParams {
            count: Some(3),
            tags: Some(vec!["x".into(), "y=z".into()]),
            session: Some("s 1;".into()),
        },
    );
    assert_eq!(
        request.content_type(),
        Some("application/x-www-form-urlencoded")
    );
    assert_eq!(
        request.body(),
        Some(b"name=a%20b%26c&count=3&tags=x&tags=y%3Dz".as_slice())
    );
    assert_eq!(
        request.headers(),
        [("Cookie", "session=s%201%3B".to_owned())]
    );
    let http = request.to_http("https://api.example.com").expect("valid");
    assert_eq!(
        http.headers()["content-type"],
        "application/x-www-form-urlencoded"
    );
    assert_eq!(http.headers()["cookie"], "session=s%201%3B");

    let bare = things_api::post_thing_form("t", "n", &Default::default());
    assert_eq!(bare.body(), Some(b"name=n".as_slice()));
    assert!(bare.headers().is_empty());
}

#[test]
fn a_text_body_is_sent_as_it_is() {
    let request = things_api::post_thing_note("t", "line one\nline \"two\"");
    assert_eq!(request.content_type(), Some("text/plain"));
    assert_eq!(request.body(), Some(b"line one\nline \"two\"".as_slice()));
}

#[test]
fn multipart_parts_carry_files_as_bytes() {
    let photo = [0xFF, 0x00, b'\r', b'\n'];
    let request = things_api::post_thing_photo(
        "t",
        &photo,
        &things_api::PostThingPhotoParams {
            caption: Some("A \"cap\"".into()),
            extra: Some(vec![vec![1, 2], vec![]]),
        },
    );
    let content_type = request.content_type().expect("a body");
    let boundary = content_type
        .strip_prefix("multipart/form-data; boundary=")
        .expect("multipart with a boundary");
    let mut wanted = Vec::new();
    for (head, contents) in [
        (
            "name=\"photo\"; filename=\"photo\"\r\ncontent-type: application/octet-stream",
            &photo[..],
        ),
        ("name=\"caption\"", b"A \"cap\"".as_slice()),
        (
            "name=\"extra\"; filename=\"extra\"\r\ncontent-type: application/octet-stream",
            &[1, 2],
        ),
        (
            "name=\"extra\"; filename=\"extra\"\r\ncontent-type: application/octet-stream",
            &[],
        ),
    ] {
        wanted.extend_from_slice(
            format!("--{boundary}\r\ncontent-disposition: form-data; {head}\r\n\r\n").as_bytes(),
        );
        wanted.extend_from_slice(contents);
        wanted.extend_from_slice(b"\r\n");
    }
    wanted.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    assert_eq!(request.body(), Some(wanted.as_slice()));
}

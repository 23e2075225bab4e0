//! The serde behaviour of the compiled `enums` golden: values that differ only in case, values
//! that are not identifiers (`8kHz`, `en-US`, `*`, the empty string, `self`, URNs) each have their
//! own variant; deserializing is case-sensitive; any other value is kept verbatim.

use codegen_tests::enums::delivery::{Formats, Kind, Status};
use codegen_tests::enums::{Code, Delivery, Ratio};
use serde_json::json;

fn status(value: &str) -> Status {
    serde_json::from_value(json!(value)).expect("a string deserializes")
}

#[test]
fn values_that_differ_only_in_case_are_different_variants() {
    assert_eq!(status("Failed"), Status::Failed);
    assert_eq!(status("failed"), Status::Failed2);
    assert_eq!(
        status("FAILED"),
        Status::Other("FAILED".to_owned()),
        "matching is case-sensitive"
    );
    assert_eq!(status("self"), Status::Self_);
    assert_eq!(
        status("Other"),
        Status::Other_,
        "a value named like the catch-all is a known value"
    );
}

#[test]
fn every_known_and_unknown_value_round_trips_verbatim() {
    let values = [
        "Failed", "failed", "Queued", "Other", "self", "FAILED", "queued ", "",
    ];
    for value in values {
        assert_eq!(
            serde_json::to_value(status(value)).expect("serializes"),
            json!(value)
        );
    }
    for value in ["8kHz", "en-US", "*", "", "8KHZ", "en-us"] {
        let format: Formats = serde_json::from_value(json!(value)).expect("deserializes");
        assert_eq!(format.as_str(), value);
        assert_eq!(
            serde_json::to_value(&format).expect("serializes"),
            json!(value)
        );
    }
    let empty: Formats = serde_json::from_value(json!("")).expect("deserializes");
    assert_eq!(empty, Formats::Empty);
    let unknown: Formats = serde_json::from_value(json!("8KHZ")).expect("deserializes");
    assert_eq!(unknown, Formats::Other("8KHZ".to_owned()));
}

#[test]
fn a_struct_with_enums_reads_and_writes_its_wire_names() {
    let wire = json!({"status": "failed", "kind": "fax", "formats": ["", "*", "16kHz"], "schemaList": ["urn:ietf:params:scim:schemas:core:2.0:User"]});
    let delivery: Delivery = serde_json::from_value(wire.clone()).expect("deserializes");
    assert_eq!(delivery.kind, Kind::Other("fax".to_owned()));
    assert_eq!(
        delivery.formats.as_deref(),
        Some(
            &[
                Formats::Empty,
                Formats::Asterisk,
                Formats::Other("16kHz".to_owned())
            ][..]
        )
    );
    assert_eq!(serde_json::to_value(&delivery).expect("serializes"), wire);
}

#[test]
fn an_enum_of_integers_reads_numbers_and_keeps_unknown_ones() {
    let code = |value: serde_json::Value| -> Code {
        serde_json::from_value(value).expect("an integer deserializes")
    };
    assert_eq!(code(json!(-1)), Code::Minus1);
    assert_eq!(code(json!(200)), Code::V200);
    assert_eq!(code(json!(404)), Code::Other(404));
    assert_eq!(Code::Minus1.value(), -1);
    for value in [json!(-1), json!(0), json!(200), json!(404)] {
        assert_eq!(
            serde_json::to_value(code(value.clone())).expect("serializes"),
            value
        );
    }
    assert!(
        serde_json::from_value::<Code>(json!("200")).is_err(),
        "a string is not one of its values"
    );
}

#[test]
fn an_enum_of_numbers_reads_numbers_and_keeps_unknown_ones() {
    let delivery: Delivery = serde_json::from_value(json!({
        "kind": "sms",
        "code": 0,
        "ratios": [1.5, -2.5, 4, 0.25]
    }))
    .expect("reads");
    assert_eq!(delivery.code, Some(Code::V0));
    assert_eq!(
        delivery.ratios,
        Some(vec![
            Ratio::V1Dot5,
            Ratio::Minus2Dot5,
            Ratio::Other(4.0),
            Ratio::Other(0.25)
        ])
    );
    assert_eq!(
        serde_json::to_value(&delivery).expect("writes")["ratios"],
        json!([1.5, -2.5, 4.0, 0.25])
    );
}

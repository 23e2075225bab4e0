//! What the generated serde impls (the `model_serde!` macro each generated `lib.rs` defines) do
//! at the edges of the JSON they read and write, checked on the compiled goldens.

use codegen_tests::keywords::Vec as Keywords;
use codegen_tests::recursion::{Draft, Node};
use codegen_tests::types::Everything;
use serde_json::{Value, json};

fn keywords(document: Value) -> Result<Keywords, serde_json::Error> {
    serde_json::from_value(document)
}

#[test]
fn fields_named_like_the_impls_locals_round_trip() {
    let document = json!({"string": "s", "map": "m", "key": 7, "len": true, "object": "o"});
    let value = keywords(document.clone()).unwrap();
    assert_eq!(value.map.as_deref(), Some("m"));
    assert_eq!(value.key, 7);
    assert_eq!(value.len, Some(true));
    assert_eq!(value.object.as_deref(), Some("o"));
    assert_eq!(serde_json::to_value(&value).unwrap(), document);
}

#[test]
fn fields_are_written_in_page_order_and_none_is_left_out() {
    let value = keywords(json!({"object": "o", "key": 1, "string": "s"})).unwrap();
    assert_eq!(
        serde_json::to_string(&value).unwrap(),
        r#"{"string":"s","key":1,"object":"o"}"#
    );
}

#[test]
fn a_missing_required_field_is_an_error_naming_it() {
    let error = keywords(json!({"string": "s"})).unwrap_err();
    assert_eq!(error.to_string(), "missing field `key`");
}

#[test]
fn null_is_none_for_an_optional_field_and_an_error_for_a_required_one() {
    let value = keywords(json!({"key": 1, "map": null})).unwrap();
    assert_eq!(value.map, None);
    let error = keywords(json!({"key": null})).unwrap_err();
    assert!(
        error.to_string().starts_with("invalid type: null"),
        "{error}"
    );
}

#[test]
fn null_is_kept_by_an_optional_field_of_any_json_value_and_written_back() {
    let required = json!({"text": "t", "count": 1, "requiredItems": []});
    let mut document = required.clone();
    document["payload"] = Value::Null;
    let value: Everything = serde_json::from_value(document.clone()).unwrap();
    assert_eq!(value.payload, Some(Value::Null));
    assert_eq!(serde_json::to_value(&value).unwrap(), document);
    let value: Everything = serde_json::from_value(required.clone()).unwrap();
    assert_eq!(value.payload, None);
    assert_eq!(serde_json::to_value(&value).unwrap(), required);
}

#[test]
fn unknown_keys_are_skipped_whatever_their_value() {
    let value = keywords(json!({
        "key": 1,
        "unknown": {"deep": [1, {"x": null}]},
        "Key": "wire names are case-sensitive",
    }))
    .unwrap();
    assert_eq!(value.key, 1);
}

#[test]
fn of_a_repeated_key_the_last_value_wins() {
    let value: Keywords = serde_json::from_str(r#"{"key": 1, "key": 2}"#).unwrap();
    assert_eq!(value.key, 2);
}

#[test]
fn keys_that_cannot_be_borrowed_are_read_too() {
    // An escaped key and a reader both hand the impl an owned key instead of a borrowed one.
    let escaped: Keywords = serde_json::from_str(r#"{"\u006bey": 3}"#).unwrap();
    assert_eq!(escaped.key, 3);
    let read: Keywords = serde_json::from_reader(r#"{"key": 4}"#.as_bytes()).unwrap();
    assert_eq!(read.key, 4);
}

#[test]
fn a_value_that_is_no_object_is_an_error_naming_the_model() {
    let error = keywords(json!([1, 2])).unwrap_err();
    assert_eq!(
        error.to_string(),
        "invalid type: sequence, expected an object (the `Vec` model)"
    );
}

#[test]
fn a_page_without_fields_is_any_json_value() {
    // `Summary`'s Properties table is empty: the templates print an enum, a oneOf of
    // non-objects and an object without properties so, and any JSON value reads each.
    for summary in [json!({"anything": [1]}), json!(true), json!("a")] {
        let document = json!({ "summary": summary });
        let draft: Draft = serde_json::from_value(document.clone()).unwrap();
        assert_eq!(serde_json::to_value(draft).unwrap(), document);
    }
}

#[test]
fn recursive_and_nested_models_round_trip() {
    let document = json!({
        "value": 1,
        "next": {"value": 2, "children": [{"value": 3}]},
    });
    let node: Node = serde_json::from_value(document.clone()).unwrap();
    assert_eq!(
        node.next.as_ref().unwrap().children.as_ref().unwrap()[0].value,
        3
    );
    assert_eq!(serde_json::to_value(&node).unwrap(), document);
}

#[test]
fn every_kind_of_type_round_trips() {
    let document = json!({
        "text": "t",
        "count": -5,
        "ratio": 0.5,
        "enabled": false,
        "birthday": "2021-02-03",
        "createdAt": "2021-02-03T04:05:06.789Z",
        "payload": {"any": ["json", null]},
        "localStart": "2021-02-03T04:05:06",
        "months": ["2021-02"],
        "tags": ["a", "b"],
        "matrix": [["x"]],
        "labels": {"k": "v"},
        "requiredItems": [{"id": "i"}],
        "q850Codes": [16],
    });
    let value: Everything = serde_json::from_value(document.clone()).unwrap();
    assert_eq!(value.required_items[0].id, "i");
    assert_eq!(serde_json::to_value(&value).unwrap(), document);
}

#[test]
fn a_value_of_the_wrong_type_is_an_error_wherever_it_is() {
    // The impls read each value without a branch and return its error at the next key: the
    // error must come back whether the bad value is first, in the middle or last.
    for document in [
        json!({"key": "one", "string": "s"}),
        json!({"string": "s", "key": "one", "map": "m"}),
        json!({"string": "s", "map": "m", "key": "one"}),
        json!({"key": 1, "len": "yes"}),
    ] {
        let error = keywords(document.clone()).unwrap_err();
        assert!(
            error.to_string().starts_with("invalid type: string"),
            "{document}: {error}"
        );
    }
    let error = keywords(json!({"key": 1, "unknown": "skipped", "object": 5})).unwrap_err();
    assert!(
        error.to_string().starts_with("invalid type: integer"),
        "{error}"
    );
}

#[test]
fn an_error_while_writing_a_field_is_returned() {
    /// Accepts `room` bytes, fails the one write that does not fit, then accepts everything
    /// again: an error the impls dropped would not resurface in a later write.
    struct FailsOnce {
        room: usize,
        failed: bool,
    }
    impl std::io::Write for FailsOnce {
        fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
            if !self.failed && bytes.len() > self.room {
                self.failed = true;
                return Err(std::io::Error::other("full"));
            }
            self.room = self.room.saturating_sub(bytes.len());
            Ok(bytes.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let value = keywords(json!({"string": "s", "map": "m", "key": 1, "object": "o"})).unwrap();
    let written = serde_json::to_vec(&value).unwrap();
    // Fail at every byte of the output: inside the first field, between fields, in the last.
    for room in 0..written.len() {
        let writer = FailsOnce {
            room,
            failed: false,
        };
        let result = serde_json::to_writer(writer, &value);
        assert!(result.is_err(), "no error with room for {room} bytes");
    }
    let writer = FailsOnce {
        room: written.len(),
        failed: false,
    };
    serde_json::to_writer(writer, &value).unwrap();
}

mod one_of {
    use codegen_tests::php::{Category, Fruit, Meal, Tag};
    use serde_json::{Value, json};

    fn fruit(document: &Value) -> Fruit {
        serde_json::from_value(document.clone()).unwrap()
    }

    /// Reads `document` and checks it is written back unchanged.
    fn round_trip<T: serde::de::DeserializeOwned + serde::Serialize>(document: Value) -> T {
        let value: T = serde_json::from_value(document.clone()).unwrap();
        assert_eq!(serde_json::to_value(&value).unwrap(), document);
        value
    }

    #[test]
    fn a_document_reads_as_the_struct_whose_fields_name_its_keys() {
        assert!(matches!(
            round_trip(json!({"id": 1, "name": "n"})),
            Fruit::Category(Category { id: Some(1), .. })
        ));
        // Category's fields are all optional: it would read `label` and skip it.
        assert!(matches!(
            round_trip(json!({"label": "l"})),
            Fruit::Tag(Tag { ref label, color: None }) if label == "l"
        ));
        assert!(matches!(fruit(&json!({})), Fruit::Category(_)));
    }

    #[test]
    fn a_document_no_variant_reads_whole_is_kept_in_other() {
        for document in [
            json!({"label": "l", "unknown": 1}),
            json!("a string"),
            json!([1, 2]),
            json!({"id": "not a number"}),
        ] {
            match round_trip::<Fruit>(document.clone()) {
                Fruit::Other(kept) => assert_eq!(kept, document),
                other => panic!("{document} read as {other:?}"),
            }
        }
    }

    #[test]
    fn the_discriminator_picks_the_variant_it_names() {
        // The page names `name` the discriminator, without a mapping: each variant's model name.
        assert!(matches!(
            meal(json!({"name": "Tag", "label": "l"})),
            Meal::Tag(_)
        ));
        assert!(matches!(
            meal(json!({"name": "Category", "id": 2})),
            Meal::Category(Category { id: Some(2), .. })
        ));
        // A value it does not list: read as an untagged document.
        assert!(matches!(
            round_trip(json!({"name": "other", "id": 3})),
            Meal::Category(_)
        ));
        // The variant it names must read the document.
        let error = serde_json::from_value::<Meal>(json!({"name": "Tag"})).unwrap_err();
        assert_eq!(error.to_string(), "missing field `label`");
    }

    fn meal(document: Value) -> Meal {
        serde_json::from_value(document).unwrap()
    }
}

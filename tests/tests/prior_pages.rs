//! The serde behaviour of the compiled `prior` golden (pages after openapi-generator's 2021
//! `python-prior` template): the keys an `any string name` row keeps are read into a map beside
//! the fields and written back in place; a `value` row that `must be one of [...]` is an open
//! enum; `_from` is `from` on the wire.

use codegen_tests::prior::{Counts, Mood, Zebra};
use serde_json::json;

#[test]
fn extra_keys_are_kept_beside_the_fields_and_written_back() {
    let document = json!({
        "class_name": "zebra",
        "stripes": [1, 2],
        "herd": [{"class_name": "foal", "age": 1}],
        "marks": {"left": "spot"},
        "mood": "grumpy",
        "from": "savanna",
        "weight": 380.5,
        "tags": ["a", null]
    });
    let zebra: Zebra = serde_json::from_value(document.clone()).expect("reads");
    assert_eq!(zebra.mood, Some(Mood::Other("grumpy".to_owned())));
    assert_eq!(zebra.from.as_deref(), Some("savanna"));
    assert_eq!(
        zebra.additional_properties_.keys().collect::<Vec<_>>(),
        ["tags", "weight"]
    );
    assert_eq!(
        zebra.herd.as_ref().expect("a herd")[0].additional_properties_["age"],
        json!(1)
    );
    assert_eq!(serde_json::to_value(&zebra).expect("writes"), document);
}

#[test]
fn extra_values_are_typed() {
    let counts: Counts =
        serde_json::from_value(json!({"total": 3, "a": 1, "b": 2})).expect("reads");
    assert_eq!(counts.additional_properties_.values().sum::<i64>(), 3);
    let error = serde_json::from_value::<Counts>(json!({"a": "one"})).unwrap_err();
    assert!(error.to_string().contains("invalid type"), "{error}");
}

#[test]
fn a_value_row_that_must_be_one_of_is_an_open_enum() {
    assert_eq!(
        serde_json::from_value::<Mood>(json!("calm")).expect("reads"),
        Mood::Calm
    );
    assert_eq!(
        serde_json::to_value(Mood::Skittish).expect("writes"),
        json!("skittish")
    );
}

#[test]
fn an_alias_page_stands_for_the_type_it_names() {
    // `Herd` is `[Zebra]`: `herd` is a list of zebras, `herds` a list of lists.
    let zebra: Zebra = serde_json::from_value(json!({
        "class_name": "z",
        "herd": [{"class_name": "a"}],
        "herds": [[{"class_name": "b"}], []]
    }))
    .expect("reads");
    assert_eq!(zebra.herd.expect("a herd")[0].class_name, "a");
    assert_eq!(zebra.herds.expect("herds")[0][0].class_name, "b");
}

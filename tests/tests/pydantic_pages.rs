//! The serde behaviour of the compiled `pydantic` golden (pages after openapi-generator's
//! pydantic `python` template, `wire = "snake_case"`): an enum page is one open enum shared by
//! every field naming it, an enum page of numbers is its number, the pydantic type syntax reads
//! the JSON it describes, and a Python keyword escape (`var_from`) is the keyword on the wire.

use codegen_tests::pydantic::{Pet, PetStatus, Priority, Tag};
use serde_json::json;

#[test]
fn a_pet_round_trips_with_snake_case_names_and_the_unescaped_keyword() {
    let document = json!({
        "id": 7,
        "name": "Rex",
        "nick_names": ["R"],
        "tags": {"a": {"label": "good"}},
        "best_friend": {"label": "cat", "color": "grey"},
        "weight": 12.5,
        "anything": [1, "two", null],
        "photo": "aGVsbG8=",
        "status": "available",
        "statuses": ["sold", "lost"],
        "priority": 2,
        "from": "shelter",
        "birthday": "2020-02-29"
    });
    let pet: Pet = serde_json::from_value(document.clone()).expect("reads");
    assert_eq!(pet.from.as_deref(), Some("shelter"));
    assert_eq!(pet.status, Some(PetStatus::Available));
    assert_eq!(
        pet.statuses,
        Some(vec![PetStatus::Sold, PetStatus::Other("lost".to_owned())]),
        "the enum page's enum is shared, and open"
    );
    assert_eq!(
        pet.priority,
        Some(Priority::V2),
        "an enum page of numbers is an open enum of integers"
    );
    assert_eq!(serde_json::to_value(&pet).expect("writes"), document);
}

#[test]
fn readonly_without_optional_is_required() {
    let error = serde_json::from_value::<Pet>(json!({"name": "Rex"})).unwrap_err();
    assert!(error.to_string().contains("`id`"), "{error}");
}

#[test]
fn an_absent_optional_field_is_not_written() {
    // (`Empty`, a page with an empty table, is any JSON value: no type of its own.)
    let tag = Tag {
        label: "x".to_owned(),
        color: None,
    };
    assert_eq!(
        serde_json::to_value(tag).expect("writes"),
        json!({"label": "x"})
    );
}

//! Fields that may be `null`, in the compiled `nullable_typescript` (`X | null`) and
//! `nullable_pydantic` (`Optional[X]`) goldens: a required nullable field reads `null` as `None`,
//! writes `None` back as `null`, and must still be present; an optional nullable field reads
//! `null` and absence alike as `None` and is left out when `None`; a field the docs do not mark
//! rejects `null` as before.

use codegen_tests::nullable_pydantic::{Location, Reading};
use codegen_tests::nullable_typescript::{Booking, Guest};
use serde_json::{Value, json};

/// A TypeScript booking whose required nullable fields are all `null`.
fn booking_of_nulls() -> Value {
    json!({"id": "b1", "note": null, "guest": null, "nights": null, "rate": null, "extra": null})
}

#[test]
fn a_required_nullable_field_reads_null_and_writes_it_back() {
    let booking: Booking = serde_json::from_value(booking_of_nulls()).expect("reads");
    assert_eq!(
        (&booking.note, &booking.guest, &booking.nights),
        (&None, &None, &None)
    );
    assert_eq!(
        booking.extra,
        Value::Null,
        "any JSON value holds null itself"
    );
    assert_eq!(
        serde_json::to_value(&booking).expect("writes"),
        booking_of_nulls()
    );
}

#[test]
fn a_required_nullable_field_keeps_its_value() {
    let document = json!({
        "id": "b2",
        "note": "late arrival",
        "guest": {"name": "Ada", "email": null},
        "nights": [1, 2.5],
        "rate": 9_007_199_254_740_993_u64,
        "coupon": "SPRING",
        "extra": {"any": [true]}
    });
    let booking: Booking = serde_json::from_value(document.clone()).expect("reads");
    assert_eq!(booking.note.as_deref(), Some("late arrival"));
    assert_eq!(
        booking.guest,
        Some(Guest {
            name: "Ada".to_owned(),
            email: None
        })
    );
    // The guest's optional `email: null` is left out when written back.
    let mut written = document;
    written["guest"] = json!({"name": "Ada"});
    assert_eq!(serde_json::to_value(&booking).expect("writes"), written);
}

#[test]
fn a_missing_required_nullable_field_is_an_error_naming_it() {
    for field in ["note", "guest", "nights", "rate"] {
        let mut document = booking_of_nulls();
        document.as_object_mut().expect("an object").remove(field);
        let error = serde_json::from_value::<Booking>(document).unwrap_err();
        assert!(error.to_string().contains(&format!("`{field}`")), "{error}");
    }
}

#[test]
fn an_optional_nullable_field_reads_null_and_absence_as_none_and_is_left_out() {
    let mut document = booking_of_nulls();
    document["coupon"] = Value::Null;
    let booking: Booking = serde_json::from_value(document).expect("reads");
    assert_eq!(booking.coupon, None);
    assert_eq!(
        serde_json::to_value(&booking).expect("writes"),
        booking_of_nulls()
    );
}

#[test]
fn a_field_the_docs_do_not_mark_nullable_still_rejects_null() {
    let mut document = booking_of_nulls();
    document["id"] = Value::Null;
    assert!(serde_json::from_value::<Booking>(document).is_err());
    let document = json!({
        "meter_id": "m1", "value": 1, "taken_at": null, "samples": [null], "location": null
    });
    assert!(
        serde_json::from_value::<Reading>(document).is_err(),
        "the list's items are not nullable"
    );
}

#[test]
fn pydantic_optional_is_nullable_and_required_unless_the_notes_say_optional() {
    let document = json!({
        "meter_id": "m1",
        "value": null,
        "taken_at": null,
        "samples": null,
        "location": null
    });
    let reading: Reading = serde_json::from_value(document.clone()).expect("reads");
    assert_eq!(
        (reading.value, reading.taken_at, &reading.samples),
        (None, None, &None)
    );
    assert_eq!(serde_json::to_value(&reading).expect("writes"), document);
    let error = serde_json::from_value::<Reading>(json!({"meter_id": "m1"})).unwrap_err();
    assert!(error.to_string().contains("`value`"), "{error}");

    let document = json!({
        "meter_id": "m2",
        "value": 3.5,
        "taken_at": "2024-05-01T12:00:00Z",
        "samples": [1, 2],
        "location": {"site": "north", "floor": null},
        "comment": null
    });
    let reading: Reading = serde_json::from_value(document).expect("reads");
    assert_eq!(
        reading.location,
        Some(Location {
            site: "north".to_owned(),
            floor: None
        })
    );
    assert_eq!(reading.comment, None);
    assert_eq!(
        serde_json::to_value(&reading).expect("writes"),
        json!({
            "meter_id": "m2",
            "value": 3.5,
            "taken_at": "2024-05-01T12:00:00Z",
            "samples": [1, 2],
            "location": {"site": "north"}
        })
    );
}

#[test]
fn a_required_nullable_field_defaults_to_null() {
    // `rate` is a `number`, which has no default: as `Option` it defaults to `None`.
    let booking = Booking {
        id: "b3".to_owned(),
        ..Default::default()
    };
    assert_eq!(
        serde_json::to_value(&booking).expect("writes"),
        json!({"id": "b3", "note": null, "guest": null, "nights": null, "rate": null, "extra": null})
    );
}

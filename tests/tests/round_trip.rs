//! Round trips of the shipped crate's types through their real JSON wire format.

use genesys_cloud_models::{
    AnalyticsSession,
    analytics_conversation_segment::SegmentType,
    analytics_flow::EntryType,
    analytics_session::{Direction, MediaType},
};
use serde_json::{Value, json};

const SESSION: &str = include_str!("data/analytics_session.json");

#[test]
fn every_field_of_a_session_survives_a_round_trip() {
    let wire: Value = serde_json::from_str(SESSION).unwrap();
    let session: AnalyticsSession = serde_json::from_value(wire.clone()).unwrap();
    assert_eq!(serde_json::to_value(&session).unwrap(), wire);

    // The document really reached the nested types, under their wire names.
    assert_eq!(session.direction, Some(Direction::Inbound));
    let segments = session.segments.as_ref().unwrap();
    assert_eq!(segments.len(), 2);
    assert_eq!(segments[0].segment_type, Some(SegmentType::Interact));
    assert_eq!(
        segments[0].properties.as_ref().unwrap()[0]
            .property
            .as_deref(),
        Some("pcProperty-179")
    );
    assert_eq!(
        session.flow.as_ref().unwrap().entry_type,
        Some(EntryType::Dnis)
    );
    assert_eq!(session.metrics.as_ref().unwrap().len(), 2);
    assert_eq!(
        session.proposed_agents.as_ref().unwrap()[1].agent_rank,
        Some(80)
    );
}

#[test]
fn the_document_has_every_field_of_the_type_under_its_wire_name() {
    // The round trip above proves nothing about a field the document leaves out. The crate's own
    // record of its API surface (model.json) lists every field with its wire name; the document
    // must have exactly those keys.
    let record: Value = serde_json::from_str(include_str!("../../generated/model.json")).unwrap();
    let mut wire_names: Vec<&str> = record["models"]["AnalyticsSession"]["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|field| {
            field
                .get("wire")
                .unwrap_or(&field["name"])
                .as_str()
                .unwrap()
        })
        .collect();
    wire_names.sort_unstable();
    let wire: Value = serde_json::from_str(SESSION).unwrap();
    let mut keys: Vec<&str> = wire
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    assert_eq!(keys, wire_names);
}

#[test]
fn an_unknown_enum_value_is_kept_verbatim() {
    let wire = json!({ "mediaType": "hologram", "direction": "Inbound" });
    let session: AnalyticsSession = serde_json::from_value(wire.clone()).unwrap();
    assert_eq!(
        session.media_type,
        Some(MediaType::Other("hologram".to_owned()))
    );
    // Enum values are case-sensitive, as the JSON is: `Inbound` is not `inbound`.
    assert_eq!(
        session.direction,
        Some(Direction::Other("Inbound".to_owned()))
    );
    assert_eq!(serde_json::to_value(&session).unwrap(), wire);
}

#[test]
fn a_missing_optional_field_stays_missing() {
    let wire = json!({ "sessionId": "abc" });
    let session: AnalyticsSession = serde_json::from_value(wire.clone()).unwrap();
    assert_eq!(
        session,
        AnalyticsSession {
            session_id: Some("abc".to_owned()),
            ..Default::default()
        }
    );
    assert_eq!(serde_json::to_value(&session).unwrap(), wire);
    assert_eq!(
        serde_json::to_value(AnalyticsSession::default()).unwrap(),
        json!({})
    );
}

#[test]
fn date_times_keep_their_instant() {
    // jiff prints the shortest exact fraction: `.120Z` comes back as `.12Z`, the same instant.
    let session: AnalyticsSession =
        serde_json::from_value(json!({ "callbackScheduledTime": "2021-09-30T12:00:00.120Z" }))
            .unwrap();
    let time = session.callback_scheduled_time.unwrap();
    assert_eq!(
        time,
        "2021-09-30T12:00:00.12Z"
            .parse::<jiff::Timestamp>()
            .unwrap()
    );
    assert_eq!(
        serde_json::to_value(&session).unwrap(),
        json!({ "callbackScheduledTime": "2021-09-30T12:00:00.12Z" })
    );
}

//! Round trips of the shipped crate's types through their real JSON wire format.

use genesys_cloud_models::{
    AnalyticsMediaEndpointStat, AnalyticsSession,
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

/// The wire names of a model's fields, sorted, from the crate's record of its API surface.
fn wire_names<'a>(record: &'a Value, model: &str) -> Vec<&'a str> {
    let mut names: Vec<&str> = record["models"][model]["fields"]
        .as_array()
        .unwrap_or_else(|| panic!("model.json has no model {model}"))
        .iter()
        .map(|field| {
            field
                .get("wire")
                .unwrap_or(&field["name"])
                .as_str()
                .unwrap()
        })
        .collect();
    names.sort_unstable();
    names
}

/// Checks that `value`, a JSON object of `model`, has exactly its fields' wire names as keys, and
/// so on down every nested model (through lists and maps); the problems, with their JSON paths.
fn check_keys(record: &Value, model: &str, value: &Value, path: &str, problems: &mut Vec<String>) {
    let Some(object) = value.as_object() else {
        problems.push(format!("{path}: not an object"));
        return;
    };
    let mut keys: Vec<&str> = object.keys().map(String::as_str).collect();
    keys.sort_unstable();
    let wanted = wire_names(record, model);
    if keys != wanted {
        problems.push(format!(
            "{path} ({model}): keys {keys:?}, fields {wanted:?}"
        ));
    }
    for field in record["models"][model]["fields"].as_array().unwrap() {
        let wire = field
            .get("wire")
            .unwrap_or(&field["name"])
            .as_str()
            .unwrap();
        // `list[T]` and `dict(str, T)` around the base type, outermost first.
        let mut ty = field["type"].as_str().unwrap();
        let mut maps = Vec::new();
        loop {
            if let Some(inner) = ty
                .strip_prefix("list[")
                .and_then(|rest| rest.strip_suffix(']'))
            {
                (ty, maps) = (inner, [maps, vec![false]].concat());
            } else if let Some(inner) = ty
                .strip_prefix("dict(str, ")
                .and_then(|rest| rest.strip_suffix(')'))
            {
                (ty, maps) = (inner, [maps, vec![true]].concat());
            } else {
                break;
            }
        }
        if record["models"].get(ty).is_some() && object.contains_key(wire) {
            let at = format!("{path}.{wire}");
            check_nested(record, ty, &maps, &object[wire], &at, problems);
        }
    }
}

/// [`check_keys`] on every model inside `containers` (`true` a map, `false` a list).
fn check_nested(
    record: &Value,
    model: &str,
    containers: &[bool],
    value: &Value,
    path: &str,
    problems: &mut Vec<String>,
) {
    match (containers.split_first(), value) {
        (None, _) => check_keys(record, model, value, path, problems),
        (Some((false, inner)), Value::Array(items)) => {
            for (index, item) in items.iter().enumerate() {
                check_nested(
                    record,
                    model,
                    inner,
                    item,
                    &format!("{path}[{index}]"),
                    problems,
                );
            }
        }
        (Some((true, inner)), Value::Object(entries)) => {
            for (key, item) in entries {
                check_nested(
                    record,
                    model,
                    inner,
                    item,
                    &format!("{path}[{key:?}]"),
                    problems,
                );
            }
        }
        _ => problems.push(format!("{path}: not the container its type says")),
    }
}

#[test]
fn the_document_has_every_field_of_every_nested_type_under_its_wire_name() {
    // The round trip above proves nothing about a field the document leaves out. The crate's own
    // record of its API surface (model.json) lists every field with its wire name; the document,
    // and every nested object in it, must have exactly those keys.
    let record: Value = serde_json::from_str(include_str!("../../generated/model.json")).unwrap();
    let wire: Value = serde_json::from_str(SESSION).unwrap();
    let mut problems = Vec::new();
    check_keys(&record, "AnalyticsSession", &wire, "$", &mut problems);
    assert_eq!(problems, Vec::<String>::new());
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

#[test]
fn hard_values_keep_their_value_and_lose_only_their_spelling() {
    // What the README promises ("Using the generated crate"): integers exactly, past 2^53 too;
    // a whole number in a float field comes back as `5.0`, the same JSON number; a date-time
    // keeps its instant, written in UTC with the shortest exact fraction (the offset it was
    // written with is not kept); strings exactly, whatever they hold.
    let text = "quote \" backslash \\ nul \u{0} emoji 😀 line separator \u{2028}";
    let wire = json!({
        "codecs": [text, ""],
        "discardedPackets": 9_007_199_254_740_993_i64,
        "duplicatePackets": -3,
        "minMos": 5,
        "minRFactor": 1.5e300,
        "eventTime": "2021-09-30T14:00:00.120+02:00",
    });
    let stat: AnalyticsMediaEndpointStat = serde_json::from_value(wire).unwrap();
    assert_eq!(stat.discarded_packets, Some(9_007_199_254_740_993));
    assert_eq!(stat.min_mos, Some(5.0));
    assert_eq!(
        serde_json::to_value(&stat).unwrap(),
        json!({
            "codecs": [text, ""],
            "discardedPackets": 9_007_199_254_740_993_i64,
            "duplicatePackets": -3,
            "eventTime": "2021-09-30T12:00:00.12Z",
            "minMos": 5.0,
            "minRFactor": 1.5e300,
        })
    );
    // The same instant, not the same text: a reader that needs the offset maps `datetime` to a
    // type that keeps one in `[types]`.
    assert_eq!(
        stat.event_time,
        Some(
            "2021-09-30T12:00:00.12Z"
                .parse::<jiff::Timestamp>()
                .unwrap()
        )
    );
    // And the text of the float is `5.0`: equal as JSON numbers, not as JSON text.
    assert!(
        serde_json::to_string(&stat)
            .unwrap()
            .contains(r#""minMos":5.0"#)
    );
}

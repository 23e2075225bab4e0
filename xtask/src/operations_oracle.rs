//! The operations of a type model compared with the OpenAPI document they were documented from
//! (3.x `paths` with `parameters` and `requestBody`, or Swagger 2.0's `in: body` and
//! `in: formData` with `consumes`): each operation found by its method and path, each
//! parameter's name on the wire and place (a form's or multipart body's fields, the properties
//! of its schema, as `form` parameters), whether it sends a body, how it writes it, and what a
//! success returns (the type against the documented response's schema, as fields' types are
//! compared: a type that says less, such as a string for a date, agrees).

use std::collections::BTreeSet;
use std::fmt;

use markdown_model_codegen::TypeModel;
use markdown_model_codegen::model::{BodyEncoding, Operation, ParameterLocation};
use serde_json::Value;

use crate::oracle::{Oracle, TypeVerdict, erased, spells, type_verdict};

/// What the comparison found.
#[derive(Debug, Default)]
pub struct OperationComparison {
    /// Operations of the document the model has (by method and path).
    pub compared: usize,
    /// Of which, with every parameter, the body and the return as the document says.
    pub matching: usize,
    /// Operations of the document the model does not have (left out with a warning, such as
    /// those with form bodies): `METHOD /path`.
    pub left_out: Vec<String>,
    /// Each disagreement, one line (`Group.operation: ...`).
    pub mismatches: Vec<String>,
    /// What no page shows, one line each: a parameter the document puts in a header or a
    /// cookie whose name the header rule does not know, sent in the query (the templates'
    /// `api_doc.mustache` Parameters table, `Name | Type | Description | Notes`, has no place),
    /// and a cookie parameter the page does not list ([`is_unlisted_cookie`]).
    pub unshown: Vec<String>,
}

impl fmt::Display for OperationComparison {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "operations: {} compared, {} as the document says, {} disagreements, {} of the document not generated, {} not showable",
            self.compared,
            self.matching,
            self.mismatches.len(),
            self.left_out.len(),
            self.unshown.len()
        )?;
        for mismatch in &self.mismatches {
            writeln!(f, "- {mismatch}")?;
        }
        for operation in &self.left_out {
            writeln!(f, "- not generated: {operation}")?;
        }
        for item in &self.unshown {
            writeln!(f, "- not showable: {item}")?;
        }
        Ok(())
    }
}

/// One parameter as the document has it: its name and place (`path`, `query`, `header`,
/// `cookie`, and `form` for a field of a form or multipart body).
struct SpecParameter {
    name: String,
    place: String,
}

/// Compares `model`'s operations with `document`'s (`oracle` is the document's schemas).
pub fn compare_operations(
    document: &Value,
    oracle: &Oracle,
    model: &TypeModel,
) -> OperationComparison {
    let mut comparison = OperationComparison::default();
    let Some(paths) = document.get("paths").and_then(Value::as_object) else {
        return comparison;
    };
    let base = document
        .get("basePath")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .trim_end_matches('/');
    let mut generated = BTreeSet::new();
    for group in &model.operations {
        for operation in &group.operations {
            let at = format!("{}.{}", group.name, operation.name);
            let method = operation.method.as_str().to_ascii_lowercase();
            let key = operation.path.strip_prefix(base).unwrap_or(&operation.path);
            let Some(spec) = paths.get(key).and_then(|item| item.get(&method)) else {
                comparison.mismatches.push(format!(
                    "{at}: no {} {} in the document",
                    operation.method.as_str(),
                    operation.path
                ));
                continue;
            };
            generated.insert((method.clone(), key.to_owned()));
            comparison.compared += 1;
            let shared = paths.get(key).and_then(|item| item.get("parameters"));
            let mut found = compare_one(document, &at, operation, spec, shared);
            found.extend(compare_return(document, oracle, &at, operation, spec));
            let (unshown, found): (Vec<_>, Vec<_>) =
                found.into_iter().partition(|line| is_unshown_place(line));
            comparison.unshown.extend(unshown);
            if found.is_empty() {
                comparison.matching += 1;
            }
            comparison.mismatches.extend(found);
        }
    }
    for (path, item) in paths {
        let Some(item) = item.as_object() else {
            continue;
        };
        for method in ["get", "head", "post", "put", "patch", "delete", "options"] {
            let Some(spec) = item.get(method) else {
                continue;
            };
            if generated.contains(&(method.to_owned(), path.clone())) {
                continue;
            }
            let operation = format!("{} {path}", method.to_ascii_uppercase());
            match unwritten_form_model(document, spec, model) {
                Some(schema) => comparison.unshown.push(format!(
                    "{operation}: {UNWRITTEN_FORM_BODY} `{schema}`, of which no page is written"
                )),
                None => comparison.left_out.push(operation),
            }
        }
    }
    comparison
}

/// The disagreements of one operation with its `spec` (and the path item's `shared`
/// parameters).
fn compare_one(
    document: &Value,
    at: &str,
    operation: &Operation,
    spec: &Value,
    shared: Option<&Value>,
) -> Vec<String> {
    let mut found = Vec::new();
    let DocumentInputs {
        parameters: spec_parameters,
        body: spec_body,
        form_fields,
        encodings,
    } = document_inputs(document, spec, shared);
    let used = operation.body_encoding;
    let writes_body = operation.body().is_some()
        || (operation.parameters.iter())
            .any(|parameter| parameter.location == ParameterLocation::Form);
    if writes_body
        && (spec_body || form_fields)
        && !encodings.is_empty()
        && !encodings.contains(&used)
    {
        found.push(format!(
            "{at}: writes a {used:?} body, the document's media types are {encodings:?}"
        ));
    }
    for parameter in &operation.parameters {
        let place = match parameter.location {
            ParameterLocation::Path => "path",
            ParameterLocation::Query => "query",
            ParameterLocation::Header => "header",
            ParameterLocation::Cookie => "cookie",
            ParameterLocation::Form => "form",
            ParameterLocation::Body => continue,
        };
        let matches = |spec: &&SpecParameter| same_parameter(spec, &parameter.wire_name, place);
        match spec_parameters.iter().find(matches) {
            Some(spec) if spec.place == place => {}
            Some(spec) => found.push(format!(
                "{at}.{}: sent in the {place}, the document has it in the {}",
                parameter.doc_name, spec.place
            )),
            None => found.push(format!(
                "{at}.{}: `{}` ({place}) is no parameter of the document",
                parameter.doc_name, parameter.wire_name
            )),
        }
    }
    for spec in &spec_parameters {
        let read = operation.parameters.iter().any(|parameter| {
            let place = match parameter.location {
                ParameterLocation::Query => "query",
                _ => "",
            };
            same_parameter(spec, &parameter.wire_name, place)
        });
        if !read {
            found.push(format!(
                "{at}: the document's {} parameter `{}` is not read",
                spec.place, spec.name
            ));
        }
    }
    let body = operation.body().is_some();
    if body != spec_body {
        found.push(if body {
            format!("{at}: sends a body, the document has none")
        } else {
            format!("{at}: sends no body, the document has one")
        });
    }
    found
}

/// What an operation of the document takes: its parameters (a form's fields among them), whether
/// it has a body, and the media types it takes one in.
struct DocumentInputs {
    parameters: Vec<SpecParameter>,
    body: bool,
    form_fields: bool,
    encodings: Vec<BodyEncoding>,
}

/// The inputs of the document's operation `spec`, whose path's parameters are `shared`.
fn document_inputs(document: &Value, spec: &Value, shared: Option<&Value>) -> DocumentInputs {
    let mut spec_parameters = Vec::new();
    let mut spec_body = false;
    let mut form_fields = false;
    for parameter in [shared, spec.get("parameters")]
        .into_iter()
        .flatten()
        .filter_map(Value::as_array)
        .flatten()
    {
        let parameter = resolve(document, parameter);
        let (Some(name), Some(place)) = (
            parameter.get("name").and_then(Value::as_str),
            parameter.get("in").and_then(Value::as_str),
        ) else {
            continue;
        };
        match place {
            "body" => spec_body = true,
            _ => {
                form_fields |= place == "formData";
                spec_parameters.push(SpecParameter {
                    name: name.to_owned(),
                    place: if place == "formData" { "form" } else { place }.to_owned(),
                });
            }
        }
    }
    // Swagger 2.0's media types are `consumes` (the operation's, else the document's).
    let consumes = spec
        .get("consumes")
        .or_else(|| document.get("consumes"))
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(Value::as_str);
    let mut encodings: Vec<BodyEncoding> =
        consumes.filter_map(BodyEncoding::of_media_type).collect();
    if let Some(content) = spec
        .get("requestBody")
        .map(|body| resolve(document, body))
        .and_then(|body| body.get("content"))
        .and_then(Value::as_object)
    {
        encodings = (content.keys())
            .filter_map(|media_type| BodyEncoding::of_media_type(media_type))
            .collect();
        // The generator takes JSON when the document offers it, else a form's fields.
        let form = content.iter().find_map(|(media_type, item)| {
            matches!(
                BodyEncoding::of_media_type(media_type),
                Some(BodyEncoding::Form | BodyEncoding::Multipart)
            )
            .then_some(item)
        });
        match form {
            Some(item) if !encodings.contains(&BodyEncoding::Json) => {
                form_fields = true;
                let schema = item.get("schema").map(|schema| resolve(document, schema));
                let properties = schema
                    .and_then(|schema| schema.get("properties"))
                    .and_then(Value::as_object);
                for name in properties
                    .into_iter()
                    .flat_map(|properties| properties.keys())
                {
                    spec_parameters.push(SpecParameter {
                        name: name.clone(),
                        place: "form".to_owned(),
                    });
                }
            }
            _ => spec_body = true,
        }
    }
    DocumentInputs {
        parameters: spec_parameters,
        body: spec_body,
        form_fields,
        encodings,
    }
}

/// Whether the document's parameter `spec` is the one sent as `wire_name` in `place`: the same
/// name; a header's in any letter case; and the document's header or cookie that a query
/// parameter's name spells but for letter case and punctuation, or with its special characters
/// spelled out ([`spells`]: `apiKey` for `api_key`, Kotlin 4.x's `xminusRequestMinusID` for
/// `X-Request-ID`: the page shows no place, and a query key follows the folder's JSON naming).
fn same_parameter(spec: &SpecParameter, wire_name: &str, place: &str) -> bool {
    spec.name == wire_name
        || (spec.place == "header" && spec.name.eq_ignore_ascii_case(wire_name))
        || (place == "query"
            && matches!(spec.place.as_str(), "header" | "cookie")
            && spells(&erased(wire_name), &spec.name))
}

/// Whether a disagreement is a query parameter the document puts in a header or a cookie
/// (the page shows no place), or a cookie parameter the page does not list
/// ([`is_unlisted_cookie`]): [`OperationComparison::unshown`].
fn is_unshown_place(line: &str) -> bool {
    is_unlisted_cookie(line)
        || ["header", "cookie"].iter().any(|place| {
            line.ends_with(&format!(
                "sent in the query, the document has it in the {place}"
            ))
        })
}

/// Whether a disagreement is a cookie parameter of the document that no row of the page lists
/// (the Java `retrofit2` library of 7.x leaves cookie parameters out of the `allParams` that
/// `Java/api_doc.mustache` lists, as retrofit has no cookie annotation: openapi-generator
/// issue #2689), so nothing of it can be generated from the page.
pub fn is_unlisted_cookie(line: &str) -> bool {
    line.contains(": the document's cookie parameter `") && line.ends_with("` is not read")
}

/// What [`OperationComparison::unshown`] says of an operation left out because its form body's
/// fields are not shown.
const UNWRITTEN_FORM_BODY: &str = "not generated: its form body's fields are the properties of";

/// Whether an item of [`OperationComparison::unshown`] is an operation whose form body's fields
/// no page shows ([`unwritten_form_model`]).
pub fn is_unwritten_form_body(line: &str) -> bool {
    line.contains(UNWRITTEN_FORM_BODY)
}

/// The schema of the document's operation `spec`'s form body (a form or multipart media type and
/// no JSON one, a `$ref`) when `model` has no model of it: the templates that give a form body
/// as its schema (python 6.x and python-experimental 5.x `api_doc.handlebars`' `### body`, a
/// link to the schema's page) write no page of a schema used only as a form body
/// (`skipFormModel`), so its fields are not shown anywhere.
fn unwritten_form_model(document: &Value, spec: &Value, model: &TypeModel) -> Option<String> {
    let content = spec
        .get("requestBody")
        .map(|body| resolve(document, body))
        .and_then(|body| body.get("content"))
        .and_then(Value::as_object)?;
    let encodings: Vec<_> = (content.keys())
        .filter_map(|media_type| BodyEncoding::of_media_type(media_type))
        .collect();
    if encodings.contains(&BodyEncoding::Json) {
        return None;
    }
    let schema = content.iter().find_map(|(media_type, item)| {
        matches!(
            BodyEncoding::of_media_type(media_type),
            Some(BodyEncoding::Form | BodyEncoding::Multipart)
        )
        .then(|| item.pointer("/schema/$ref").and_then(Value::as_str))
        .flatten()
    })?;
    let name = schema.rsplit('/').next()?;
    (!model.models.iter().any(|written| written.name == name)).then(|| name.to_owned())
}

/// The disagreement of an operation's return type with the schema of the response its template
/// documents (openapi-generator's `DefaultCodegen.findMethodResponse`: the least status code
/// starting with `2`, else `default`; 3.x: its JSON content's schema, else its first content's;
/// 2.0: its `schema`), if any.
fn compare_return(
    document: &Value,
    oracle: &Oracle,
    at: &str,
    operation: &Operation,
    spec: &Value,
) -> Option<String> {
    let responses = spec.get("responses").and_then(Value::as_object);
    let success = (responses.into_iter().flatten())
        .filter(|(status, _)| status.starts_with('2') || *status == "default")
        .min_by_key(|(status, _)| status.as_str())
        .map(|(_, response)| resolve(document, response));
    let schema = success.and_then(|response| {
        let content = response.get("content").and_then(Value::as_object);
        let first = content.and_then(|content| {
            (content.iter())
                .find(|(media_type, _)| {
                    BodyEncoding::of_media_type(media_type) == Some(BodyEncoding::Json)
                })
                .or_else(|| content.iter().next())
        });
        first
            .and_then(|(_, item)| item.get("schema"))
            .or_else(|| response.get("schema"))
    });
    match (&operation.returns, schema) {
        (None, None) => None,
        (Some(ty), None) => Some(format!(
            "{at}: returns `{}`, the document's success has no body",
            ty
        )),
        (None, Some(schema)) => Some(format!(
            "{at}: returns nothing, the document's success is {}",
            oracle.shape(schema)
        )),
        (Some(ty), Some(schema)) => {
            let shape = oracle.shape(schema);
            (type_verdict(&shape, &ty.containers, &ty.base) == TypeVerdict::Contradicts)
                .then(|| format!("{at}: returns `{}`, the document's success is {shape}", ty))
        }
    }
}

/// A parameter, a response or a schema, or what its `$ref` points to (`#/components/parameters/X`,
/// `#/parameters/X`).
fn resolve<'a>(document: &'a Value, parameter: &'a Value) -> &'a Value {
    parameter
        .get("$ref")
        .and_then(Value::as_str)
        .and_then(|reference| reference.strip_prefix('#'))
        .and_then(|pointer| document.pointer(pointer))
        .unwrap_or(parameter)
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use serde_json::{Value, json};

    use super::{compare_operations, is_unlisted_cookie, is_unshown_place};
    use crate::oracle::Oracle;

    /// The oracle of a test's document: its schemas, or none.
    fn oracle_of(document: &Value) -> Oracle {
        let mut document = document.clone();
        if document.pointer("/components/schemas").is_none() {
            document["components"]["schemas"] = json!({});
        }
        Oracle::from_document(document).expect("schemas")
    }

    /// A response whose JSON body is `schema`.
    fn returning(schema: Value) -> Value {
        json!({"200": {"content": {"application/json": {"schema": schema}}}})
    }

    #[test]
    fn operations_found_by_method_and_path_and_their_parameters_compared() {
        let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/operations");
        let config = fixture.join("codegen.toml");
        let markdown_model_codegen::Loaded { model, .. } =
            markdown_model_codegen::load(&fixture, Some(config.as_path()))
                .unwrap_or_else(|failure| panic!("{}", failure.render()));
        let document = json!({
            "openapi": "3.0.3",
            "paths": {
                "/api/v2/things/{thingId}": {
                    "parameters": [{"name": "thingId", "in": "path"}],
                    "delete": {
                        "parameters": [{"$ref": "#/components/parameters/IfMatch"}],
                        "responses": {"204": {"description": "none"}}
                    },
                    "head": {},
                    "patch": {
                        "parameters": [{"name": "If-Match", "in": "query"}],
                        "responses": returning(
                            json!({"type": "array", "items": {"$ref": "#/components/schemas/Thing"}})
                        )
                    }
                },
                "/api/v2/things/{thingId}/calendar": {
                    "get": {"parameters": [
                        {"name": "thingId", "in": "path"},
                        {"name": "x-journey-session-id", "in": "header"},
                        {"name": "filters", "in": "query"},
                        {"name": "since", "in": "query"}
                    ],
                    "responses": {
                        "default": {"content": {"application/json": {"schema": {"type": "object"}}}},
                        "200": {"content": {"text/calendar": {"schema": {"type": "string"}}}}
                    }}
                },
                "/api/v2/things/uploads": {"post": {"requestBody": {}}}
            },
            "components": {
                "parameters": {"IfMatch": {"name": "If-Match", "in": "header"}},
                "schemas": {"Thing": {"type": "object", "properties": {"name": {"type": "string"}}}}
            }
        });
        let comparison = compare_operations(&document, &oracle_of(&document), &model);
        // delete_thing and head_thing agree; get_thing_calendar's header matches in any letter
        // case, but it lacks `since`.
        assert_eq!(
            (comparison.compared, comparison.matching),
            (4, 2),
            "{comparison}"
        );
        let mismatches: Vec<&str> = (comparison.mismatches.iter())
            .map(String::as_str)
            .filter(|line| !line.contains("no GET") && !line.contains("no POST"))
            .collect();
        assert_eq!(
            mismatches,
            [
                "ThingsApi.get_thing_calendar: the document's query parameter `since` is not read",
                "ThingsApi.patch_thing: the document's query parameter `If-Match` is not read",
                "ThingsApi.patch_thing: sends a body, the document has none",
                "ThingsApi.patch_thing: returns `Thing`, the document's success is array of Thing",
            ],
            "{comparison}"
        );
        assert_eq!(comparison.left_out, ["POST /api/v2/things/uploads"]);
    }

    #[test]
    fn a_cookie_no_row_lists_is_not_showable_and_nothing_else_is() {
        let line = |place: &str| {
            format!("PetApi.listPets: the document's {place} parameter `session` is not read")
        };
        assert!(is_unlisted_cookie(&line("cookie")));
        assert!(is_unshown_place(&line("cookie")));
        assert!(!is_unshown_place(&line("query")));
        assert!(!is_unshown_place(&line("header")));
    }

    #[test]
    fn form_fields_cookies_and_media_types_compared() {
        let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/operations");
        let config = fixture.join("codegen.toml");
        let markdown_model_codegen::Loaded { model, .. } =
            markdown_model_codegen::load(&fixture, Some(config.as_path()))
                .unwrap_or_else(|failure| panic!("{}", failure.render()));
        let thing = returning(json!({"type": "object", "properties": {"name": {}}}));
        let form = |media_type: &str, fields: Value| {
            json!({
                "requestBody": {"content": {media_type: {"schema": {"properties": fields}}}},
                "responses": thing
            })
        };
        let mut form_operation = form(
            "application/x-www-form-urlencoded",
            json!({"name": {}, "count": {}, "tags": {}}),
        );
        form_operation["parameters"] = json!([
            {"name": "thingId", "in": "path"},
            {"name": "session", "in": "cookie"}
        ]);
        let mut photo = form(
            "multipart/form-data",
            json!({"photo": {}, "caption": {}, "extra": {}}),
        );
        photo["parameters"] = json!([{"name": "thingId", "in": "path"}]);
        let document = json!({
            "openapi": "3.0.3",
            "paths": {
                "/api/v2/things/{thingId}/form": {"post": form_operation},
                // A multipart body where the page says form, and a field the page lacks.
                "/api/v2/things/{thingId}/photo": {"post": {
                    "parameters": [{"name": "thingId", "in": "path"}],
                    "responses": thing,
                    "requestBody": {"content": {"application/x-www-form-urlencoded": {"schema": {
                        "properties": {"photo": {}, "caption": {}, "extra": {}, "size": {}}
                    }}}}
                }},
                // A text body, and a success the page does not show.
                "/api/v2/things/{thingId}/note": {"post": {
                    "parameters": [{"name": "thingId", "in": "path"}],
                    "requestBody": {"content": {"text/plain": {"schema": {"type": "string"}}}}
                }}
            }
        });
        let comparison = compare_operations(&document, &oracle_of(&document), &model);
        let mismatches: Vec<&str> = (comparison.mismatches.iter())
            .map(String::as_str)
            .filter(|line| !line.contains(": no "))
            .collect();
        assert_eq!(
            mismatches,
            [
                "ThingsApi.post_thing_note: returns `Thing`, the document's success has no body",
                "ThingsApi.post_thing_photo: writes a Multipart body, the document's media types are [Form]",
                "ThingsApi.post_thing_photo: the document's form parameter `size` is not read",
            ],
            "{comparison}"
        );
        assert_eq!(
            (comparison.compared, comparison.matching),
            (3, 1),
            "{comparison}"
        );
        // The same operation against the document's multipart body agrees.
        let document = json!({"paths": {"/api/v2/things/{thingId}/photo": {"post": photo}}});
        let comparison = compare_operations(&document, &oracle_of(&document), &model);
        assert_eq!(comparison.matching, 1, "{comparison}");
    }
}

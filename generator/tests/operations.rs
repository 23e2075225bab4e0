//! Operation pages of both dialects read into the same operations: the 127.0.0 dialect (front
//! matter, the return type in the heading, `.html` links, a `DEPRECATED` badge, `Requires NO
//! permissions:`, defaults as values) and the 257.1.0 dialect (`# Title`, the signature in a
//! quote, bare links, a `Deprecated` admonition, a preview note, `Requires no permissions`,
//! defaults as Python literals, a version footer).

use std::fs;

use markdown_model_codegen::model::{
    BaseType, HttpMethod, Operation, ParameterLocation, Permissions, Primitive,
};

const MODEL: &str = "# Thing\n\n## Thing\n\n## Properties\n\n\
    |Name | Type | Description | Notes|\n|------------ | ------------- | ------------- | -------------|\n\
    | **name** | str | Name | |\n";

const OLD_DIALECT: &str = r#"---
title: ThingsApi
---

## PureCloudPlatformClientV2.ThingsApi

All URIs are relative to *https://api.example.com*

|Method | Description|
|------------- | -------------|
|[**patch_thing_part**](ThingsApi.html#patch_thing_part) | Update a part|
|[**get_things**](ThingsApi.html#get_things) | List things|
{: class="table table-striped"}

<a name="get_things"></a>

## [**dict(str, list[Thing])**](Thing.html) get_things(page_size=page_size, sort_order=sort_order, ids=ids)



List things



Wraps GET /api/v2/things 

Requires ANY permissions: 

* things:thing:view
* things:*:*

### Example

```{"language":"python"}
api_response = api_instance.get_things(page_size=page_size)
```

### Parameters


|Name | Type | Description  | Notes|
|------------- | ------------- | ------------- | -------------|
| **page_size** | **int**| Page size | [optional] [default to 25] |
| **sort_order** | **str**| Sort &quot;order&quot; | [optional] [default to asc]<br />**Values**: asc, desc |
| **ids** | [**list[str]**](str.html)| Ids, comma-separated | [optional]  |
{: class="table table-striped"}

### Return type

[**dict(str, list[Thing])**](Thing.html)

<a name="patch_thing_part"></a>

##  patch_thing_part(thing_id, part_id, body, dry_run=dry_run)

<span style="background-color: #f0ad4e;display: inline-block;padding: 7px;">DEPRECATED</span>

Update a part

Parts are updated in place.

Wraps PATCH /api/v2/things/{thingId}/parts/{partId} 

Requires NO permissions: 


### Example

```{"language":"python"}
api_instance.patch_thing_part(thing_id, part_id, body)
```

### Parameters


|Name | Type | Description  | Notes|
|------------- | ------------- | ------------- | -------------|
| **thing_id** | **str**| Thing ID |  |
| **part_id** | **str**| Part ID |  |
| **body** | [**Thing**](Thing.html)|  |  |
| **dry_run** | **bool**| Only check | [optional] [default to false] |
{: class="table table-striped"}

### Return type

void (empty response body)
"#;

const NEW_DIALECT: &str = r#"# ThingsApi

## PureCloudPlatformClientV2.ThingsApi

All URIs are relative to *https://api.example.com*

|Method | Description|
|------------- | -------------|
|[**get_things**](#get_things) | List things|
|[**patch_thing_part**](#patch_thing_part) | Update a part|



## get_things

> [**dict(str, list[Thing])**](Thing) get_things(page_size=page_size, sort_order=sort_order, ids=ids)


List things

Wraps GET /api/v2/things 

Requires ANY permissions: 

* things:thing:view
* things:*:*

### Example

```{"language":"python"}
api_response = api_instance.get_things(page_size=page_size)
```

### Parameters


|Name | Type | Description  | Notes|
|------------- | ------------- | ------------- | -------------|
| **page_size** | **int**| Page size | [optional] [default to 25] |
| **sort_order** | **str**| Sort &quot;order&quot; | [optional] [default to &#39;asc&#39;]<br />**Values**: asc, desc |
| **ids** | [**list[str]**](str)| Ids, comma-separated | [optional]  |

### Return type

[**dict(str, list[Thing])**](Thing)


## patch_thing_part

>  patch_thing_part(thing_id, part_id, body, dry_run=dry_run)

:::{"alert":"warning","title":"Deprecated","collapsible":false,"autoCollapse":false}
This resource has been deprecated
:::

Update a part

Parts are updated in place.

Wraps PATCH /api/v2/things/{thingId}/parts/{partId} 

Requires no permissions

### Example

```{"language":"python"}
api_instance.patch_thing_part(thing_id, part_id, body)
```

### Parameters


|Name | Type | Description  | Notes|
|------------- | ------------- | ------------- | -------------|
| **thing_id** | **str**| Thing ID |  |
| **part_id** | **str**| Part ID |  |
| **body** | [**Thing**](Thing)|  |  |
| **dry_run** | **bool**| Only check | [optional] [default to False] |

### Return type

void (empty response body)

_PureCloudPlatformClientV2 257.1.0_
"#;

/// The operations of a docs folder of `Thing.md` and this `ThingsApi.md`; no diagnostic at all.
fn operations_of(page: &str) -> Vec<Operation> {
    let dir = tempfile::tempdir().expect("a temporary folder");
    fs::write(dir.path().join("Thing.md"), MODEL).expect("write the model");
    fs::write(dir.path().join("ThingsApi.md"), page).expect("write the operations");
    let markdown_model_codegen::Loaded {
        model,
        sources,
        warnings,
        ..
    } = match markdown_model_codegen::load(dir.path(), None) {
        Ok(loaded) => loaded,
        Err(failure) => panic!("{}", failure.render()),
    };
    assert!(warnings.is_empty(), "{}", sources.render(&warnings));
    let [group] = &model.operations[..] else {
        panic!("one group: {:?}", model.operations);
    };
    assert_eq!(
        (group.name.as_str(), group.feature.as_str()),
        ("ThingsApi", "things")
    );
    group.operations.clone()
}

#[test]
fn both_dialects_give_the_same_operations() {
    let old = operations_of(OLD_DIALECT);
    assert_eq!(old, operations_of(NEW_DIALECT));

    let [get_things, patch_thing_part] = &old[..] else {
        panic!("two operations, sorted: {old:?}");
    };
    assert_eq!(get_things.name, "get_things");
    assert_eq!(
        (get_things.method, get_things.path.as_str()),
        (HttpMethod::Get, "/api/v2/things")
    );
    assert_eq!(get_things.summary, "List things");
    assert_eq!(get_things.notes, "");
    assert_eq!(
        get_things.permissions,
        Some(Permissions::Any(vec![
            "things:thing:view".to_owned(),
            "things:*:*".to_owned()
        ]))
    );
    assert!(!get_things.deprecated && !get_things.preview);
    let returns = get_things.returns.as_ref().expect("a return type");
    assert_eq!(returns.to_string(), "map<list<Thing>>");
    let summary: Vec<_> = get_things
        .parameters
        .iter()
        .map(|parameter| {
            (
                parameter.wire_name.as_str(),
                parameter.location,
                parameter.required,
                parameter.default.as_deref(),
                parameter.ty.to_string(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            (
                "pageSize",
                ParameterLocation::Query,
                false,
                Some("25"),
                "integer".to_owned()
            ),
            (
                "sortOrder",
                ParameterLocation::Query,
                false,
                Some("asc"),
                "SortOrder".to_owned()
            ),
            (
                "ids",
                ParameterLocation::Query,
                false,
                None,
                "list<string>".to_owned()
            ),
        ]
    );
    let sort_order = &get_things.parameters[1];
    assert_eq!(sort_order.description, "Sort \"order\"");
    assert_eq!(sort_order.allowed_values, ["asc", "desc"]);
    assert_eq!(
        sort_order.ty.base,
        BaseType::Enum {
            rust_name: "SortOrder".to_owned()
        }
    );
    assert_eq!(get_things.enums.len(), 1);

    assert_eq!(
        (patch_thing_part.method, patch_thing_part.path.as_str()),
        (HttpMethod::Patch, "/api/v2/things/{thingId}/parts/{partId}")
    );
    assert_eq!(patch_thing_part.summary, "Update a part");
    assert_eq!(patch_thing_part.notes, "Parts are updated in place.");
    assert_eq!(patch_thing_part.permissions, Some(Permissions::NotRequired));
    assert!(patch_thing_part.deprecated && !patch_thing_part.preview);
    assert_eq!(patch_thing_part.returns, None);
    let locations: Vec<_> = patch_thing_part
        .parameters
        .iter()
        .map(|parameter| (parameter.wire_name.as_str(), parameter.location))
        .collect();
    assert_eq!(
        locations,
        [
            ("thingId", ParameterLocation::Path),
            ("partId", ParameterLocation::Path),
            ("body", ParameterLocation::Body),
            ("dryRun", ParameterLocation::Query),
        ]
    );
    let body = patch_thing_part.body().expect("a body");
    assert_eq!(
        body.ty.base,
        BaseType::Model {
            rust_name: "Thing".to_owned(),
            boxed: false
        }
    );
    assert_eq!(
        patch_thing_part.parameters[3].default.as_deref(),
        Some("false")
    );
    assert_eq!(
        patch_thing_part.parameters[3].ty.base,
        BaseType::Primitive(Primitive::Boolean)
    );
}

#[test]
fn a_preview_note_marks_the_operation_and_is_no_note() {
    let page = NEW_DIALECT.replace(
        "List things\n",
        "List things\n\nget_things is a preview method and is subject to both breaking and non-breaking changes at any time without notice\n",
    );
    let operations = operations_of(&page);
    assert!(operations[0].preview);
    assert_eq!(operations[0].notes, "");
    assert!(!operations[1].preview);
}

mod edited_pages {
    use markdown_model_codegen::parse::{PageOutcome, parse_operations, parse_page};
    use markdown_model_codegen::{Config, Sources, model};
    use proptest::prelude::*;

    /// Characters that matter to an operation page's syntax, and one that is not ASCII.
    const PIECES: &[&str] = &[
        "{", "}", "|", "*", "[", "]", "(", ")", "#", "\n", " ", "`", "é", ":::", "<br />",
        "## x\n", "Wraps ", "\\|", "---\n",
    ];

    /// Applies each edit (position as a fraction of the text, bytes to delete, piece to insert)
    /// at a character boundary.
    fn edit(text: &str, edits: &[(f64, usize, usize)]) -> String {
        let mut text = text.to_owned();
        for &(at, delete, piece) in edits {
            let mut start = ((text.len() as f64) * at) as usize;
            while !text.is_char_boundary(start) {
                start -= 1;
            }
            let mut end = (start + delete).min(text.len());
            while !text.is_char_boundary(end) {
                end += 1;
            }
            text.replace_range(start..end, PIECES[piece % PIECES.len()]);
        }
        text
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        /// An edited page never panics the parser, the model builder or the rendering, and every
        /// diagnostic is inside the page, on character boundaries.
        #[test]
        fn an_edited_operation_page_is_reported_never_a_panic(
            old in any::<bool>(),
            edits in proptest::collection::vec((0.0..1.0f64, 0..40usize, 0..64usize), 1..8),
        ) {
            let base = if old { super::OLD_DIALECT } else { super::NEW_DIALECT };
            let text = edit(base, &edits);
            let mut sources = Sources::default();
            let file = sources.add("ThingsApi.md".into(), text.clone());
            let mut diagnostics = Vec::new();
            let operations: Vec<_> = match parse_page(file, &text, &mut diagnostics) {
                PageOutcome::Model(_) | PageOutcome::Models(_) => Vec::new(),
                PageOutcome::NotAModel => parse_operations(file, &text, "ThingsApi", &mut diagnostics)
                    .into_iter()
                    .collect(),
            };
            let _ = model::build_model(&[], &operations, &Config::default(), &sources, "edited", &mut diagnostics);
            for diagnostic in &diagnostics {
                if let Some((_, span)) = &diagnostic.location {
                    prop_assert!(span.start <= span.end && span.end <= text.len(), "{diagnostic:?}");
                    prop_assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end), "{diagnostic:?}");
                }
            }
            let _ = sources.render(&diagnostics);
        }
    }
}

/// A docs folder of these `pages` (file name, text), loaded with its dialect named in the config.
fn load_in_dialect(dialect: &str, pages: &[(&str, &str)]) -> markdown_model_codegen::Loaded {
    let dir = tempfile::tempdir().expect("a temporary folder");
    for (name, text) in pages {
        fs::write(dir.path().join(name), text).expect("write a page");
    }
    let config = dir.path().join("codegen.toml");
    fs::write(&config, format!("dialect = \"{dialect}\"\n")).expect("write the config");
    match markdown_model_codegen::load(dir.path(), Some(config.as_path())) {
        Ok(loaded) => loaded,
        Err(failure) => panic!("{}", failure.render()),
    }
}

/// A bash page's example call names each path, query and header parameter as it goes on the
/// wire; a parameter it leaves out is a cookie, unless it is the body or a form's field.
#[test]
fn a_bash_example_call_places_its_parameters() {
    let model = "# Thing\n\n## Properties\nName | Type | Description | Notes\n\
        ------------ | ------------- | ------------- | -------------\n\
        **name** | **string** |  | [optional] [default to null]\n";
    let page = "# ThingsApi\n\n\
        Method | HTTP request | Description\n\
        ------------- | ------------- | -------------\n\
        [**listThings**](ThingsApi.md#listThings) | **GET** /things/{thingId} | \n\
        [**renameThing**](ThingsApi.md#renameThing) | **POST** /things/{thingId} | \n\n\
        ## listThings\n\n### Example\n\n```bash\n \
        listThings thingId=value api_key:value  Specify as:  kind=value1 kind=value2 kind=...\n\
        ```\n\n### Parameters\n\n\
        Name | Type | Description  | Notes\n\
        ------------- | ------------- | ------------- | -------------\n \
        **thingId** | **integer** |  | [default to null]\n \
        **apiKey** | **string** |  | [default to null]\n \
        **kind** | [**array[string]**](string.md) |  | [optional] [default to null]\n \
        **session** | **string** |  | [optional] [default to null]\n\n\
        ### Return type\n\n[**array[Thing]**](Thing.md)\n\n\
        ### HTTP request headers\n\n- **Content-Type**: Not Applicable\n- **Accept**: application/json\n\n\
        ## renameThing\n\n### Example\n\n```bash\n renameThing thingId=value\n```\n\n\
        ### Parameters\n\n\
        Name | Type | Description  | Notes\n\
        ------------- | ------------- | ------------- | -------------\n \
        **thingId** | **integer** |  | [default to null]\n \
        **name** | **string** |  | [default to null]\n\n\
        ### Return type\n\n(empty response body)\n\n\
        ### HTTP request headers\n\n- **Content-Type**: application/x-www-form-urlencoded\n\
        - **Accept**: Not Applicable\n";
    let loaded = load_in_dialect("bash", &[("Thing.md", model), ("ThingsApi.md", page)]);
    assert!(
        loaded.warnings.is_empty(),
        "{}",
        loaded.sources.render(&loaded.warnings)
    );
    let places: Vec<Vec<(&str, ParameterLocation)>> = (loaded.model.operations.iter())
        .flat_map(|group| &group.operations)
        .map(|operation| {
            (operation.parameters.iter())
                .map(|parameter| (parameter.wire_name.as_str(), parameter.location))
                .collect()
        })
        .collect();
    assert_eq!(
        places,
        [
            vec![
                ("thingId", ParameterLocation::Path),
                ("api_key", ParameterLocation::Header),
                ("kind", ParameterLocation::Query),
                ("session", ParameterLocation::Cookie),
            ],
            vec![
                ("thingId", ParameterLocation::Path),
                ("name", ParameterLocation::Form),
            ],
        ]
    );
}

/// An Eiffel folder: a group and the models its operations name in the template's spelling
/// (`PET_API`, `LIST [PET]`), given back the API's names as the model pages' titles are.
#[test]
fn eiffel_groups_and_models_get_the_apis_names() {
    let model = "# PET\n\n## Properties\nName | Type | Description | Notes\n\
        ------------ | ------------- | ------------- | -------------\n\
        **name** | [**STRING_32**](STRING_32.md) |  | [optional] [default to null]\n";
    let page = "# PET_API\n\n\
        Feature | HTTP request | Description\n\
        ------------- | ------------- | -------------\n\
        [**pets**](PET_API.md#pets) | **Get** /pets | \n\n\
        # **pets**\n> pets : detachable LIST [PET]\n\n\
        ### Parameters\nThis endpoint does not need any parameter.\n\n\
        ### Return type\n\n[**LIST [PET]**](Pet.md)\n";
    let loaded = load_in_dialect("eiffel", &[("PET.md", model), ("PET_API.md", page)]);
    let [group] = &loaded.model.operations[..] else {
        panic!("one group: {:?}", loaded.model.operations);
    };
    assert_eq!(
        (group.name.as_str(), group.module.as_str()),
        ("PetApi", "pet_api")
    );
    let returns = group.operations[0].returns.as_ref().expect("a return type");
    assert!(
        matches!(&returns.base, BaseType::Model { rust_name, .. } if rust_name == "Pet")
            && returns.containers.len() == 1,
        "{returns:?}"
    );
}

/// An Objective-C API page (`objc/api_doc.mustache`): the class prefix on the group's name and
/// the models' (`OAIPetApi`, `OAIPet*`), and `NSNumber`, read as any JSON value, a scalar.
const OBJC_PAGE: &str = "# OAIPetApi\n\n\
    Method | HTTP request | Description\n------------- | ------------- | -------------\n\
    [**updatePet**](OAIPetApi.md#updatepet) | **PUT** /pets/{petId} | \n\n\
    # **updatePet**\n```objc\n-(NSURLSessionTask*) updatePetWithPetId: (NSNumber*) petId\n\
    \x20   dryRun: (NSNumber*) dryRun\n    pet: (OAIPet*) pet\n\
    \x20       completionHandler: (void (^)(OAIPet* output, NSError* error)) handler;\n```\n\n\
    ### Parameters\n\nName | Type | Description  | Notes\n\
    ------------- | ------------- | ------------- | -------------\n\
    \x20**petId** | **NSNumber***|  | \n\
    \x20**dryRun** | **NSNumber***|  | [optional] \n\
    \x20**pet** | [**OAIPet***](OAIPet.md)|  | \n\n\
    ### Return type\n\n[**OAIPet***](OAIPet.md)\n\n\
    ### HTTP request headers\n\n - **Content-Type**: application/json\n - **Accept**: application/json\n";

/// The group's name and the one operation of a docs folder of a model page and an operation
/// page (each a file name and its text).
fn only_operation(model: (&str, &str), page: (&str, &str)) -> (String, Operation) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    for (file, text) in [model, page] {
        fs::write(dir.path().join(file), text).expect("write a page");
    }
    let loaded = match markdown_model_codegen::load(dir.path(), None) {
        Ok(loaded) => loaded,
        Err(failure) => panic!("{}", failure.render()),
    };
    let [group] = &loaded.model.operations[..] else {
        panic!("one group: {:?}", loaded.model.operations);
    };
    let [operation] = &group.operations[..] else {
        panic!("one operation: {:?}", group.operations);
    };
    (group.name.clone(), operation.clone())
}

/// Each parameter's name in the docs and its place.
fn places(operation: &Operation) -> Vec<(&str, ParameterLocation)> {
    (operation.parameters.iter())
        .map(|parameter| (parameter.doc_name.as_str(), parameter.location))
        .collect()
}

#[test]
fn objc_pages_name_models_with_the_class_prefix_and_numbers_are_no_body() {
    let model = "# OAIPet\n\n## Properties\nName | Type | Description | Notes\n\
        ------------ | ------------- | ------------- | -------------\n\
        **name** | **NSString*** |  | \n";
    let (group, update) = only_operation(("OAIPet.md", model), ("OAIPetApi.md", OBJC_PAGE));
    assert_eq!(group, "PetApi");
    assert_eq!(
        places(&update),
        [
            ("petId", ParameterLocation::Path),
            ("dryRun", ParameterLocation::Query),
            ("pet", ParameterLocation::Body),
        ]
    );
    let returns = update.returns.as_ref().expect("a return type");
    assert_eq!(returns.to_string(), "Pet");
}

/// A C API page (`C-libcurl/api_doc.mustache`): each operation named after its group
/// (`PetAPI_updatePet`), the client's `apiClient` row first, models as `pet_t`, and `int` (an
/// integer or a boolean, read as any JSON value) and an enum (`X_e`) scalars; a list's items
/// the page its `list_t` links.
const C_PAGE: &str = "# PetAPI\n\n\
    Method | HTTP request | Description\n------------- | ------------- | -------------\n\
    [**PetAPI_updatePet**](PetAPI.md#PetAPI_updatePet) | **PUT** /pets/{petId} | \n\n\
    # **PetAPI_updatePet**\n```c\n\
    pet_t* PetAPI_updatePet(apiClient_t *apiClient, long petId, int *dry_run, pet_t *pet);\n```\n\n\
    ### Parameters\nName | Type | Description  | Notes\n\
    ------------- | ------------- | ------------- | -------------\n\
    **apiClient** | **apiClient_t \\*** | context containing the client configuration |\n\
    **petId** | **long** |  | \n\
    **dry_run** | **int \\*** |  | [optional] \n\
    **mode** | **openapi_updatePet_mode_e** |  | [optional] \n\
    **tags** | **[list_t](char.md) \\*** |  | [optional] \n\
    **pet** | **[pet_t](pet.md) \\*** |  | \n\n\
    ### Return type\n\n[pet_t](pet.md) *\n\n\
    ### HTTP request headers\n\n - **Content-Type**: application/json\n - **Accept**: application/json\n";

#[test]
fn c_pages_name_operations_after_their_group_and_list_the_client_first() {
    let model = "# pet_t\n\n## Properties\nName | Type | Description | Notes\n\
        ------------ | ------------- | ------------- | -------------\n\
        **name** | **char \\*** |  | \n";
    let (_, update) = only_operation(("pet.md", model), ("PetAPI.md", C_PAGE));
    assert_eq!(update.name, "updatePet");
    assert_eq!(
        places(&update),
        [
            ("petId", ParameterLocation::Path),
            ("dry_run", ParameterLocation::Query),
            ("mode", ParameterLocation::Query),
            ("tags", ParameterLocation::Query),
            ("pet", ParameterLocation::Body),
        ]
    );
    assert_eq!(update.parameters[3].ty.to_string(), "list<string>");
    let returns = update.returns.as_ref().expect("a return type");
    assert_eq!(returns.to_string(), "Pet");
}

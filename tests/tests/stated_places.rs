//! API pages that state each parameter's place (openapi-generator's `python-experimental` 5.x
//! and `python` 6.x `api_doc.handlebars`), read from a folder of my own pages in that layout:
//! the call's arguments table is no parameter list, each `### query_params` (`path_params`,
//! `header_params`, `cookie_params`) row is a parameter of that place under its wire name,
//! typed by its schema section, and a form body given as a model is sent as its fields.

use std::fs;
use std::path::Path;

use markdown_model_codegen::load;
use markdown_model_codegen::model::{
    BaseType, BodyEncoding, Operation, ParameterLocation, Primitive,
};

/// A model page in `python-experimental` 5.x's layout.
const WIDGET_FORM: &str = "# WidgetForm\n\n\
#### Properties\n\
Name | Type | Description | Notes\n\
------------ | ------------- | ------------- | -------------\n\
**label** | **str** |  | \n\
**size** | **int** |  | [optional] \n\n";

const WIDGET: &str = "# Widget\n\n\
#### Properties\n\
Name | Type | Description | Notes\n\
------------ | ------------- | ------------- | -------------\n\
**id** | **int** |  | [optional] \n\n";

/// The arguments table of an operation: `body` (when it takes one) and the placeholders of its
/// places, then the client's own options.
fn arguments(body: Option<(&str, &str)>, places: &[&str]) -> String {
    let mut table = String::from(
        "### Parameters\n\nName | Type | Description  | Notes\n\
         ------------- | ------------- | ------------- | -------------\n",
    );
    if let Some((schema, _)) = body {
        table += &format!("body | typing.Union[{schema}] | required |\n");
    }
    for place in places {
        table += &format!("{place} | Request{place} | |\n");
    }
    if let Some((_, media_type)) = body {
        table += &format!(
            "content_type | str | optional, default is '{media_type}' | Selects the schema\n"
        );
    }
    table += "accept_content_types | typing.Tuple[str] | default is ('application/json', ) | \
              Tells the server\n\
              stream | bool | default is False | if True\n\
              timeout | typing.Optional[typing.Union[int, typing.Tuple]] | default is None | \
              the timeout\n\
              skip_deserialization | bool | default is False | when True\n\n";
    table
}

/// The responses section, the same for every operation.
const RESPONSES: &str = "### Return Types, Responses\n\n\
Code | Class | Description\n\
------------- | ------------- | -------------\n\
n/a | api_client.ApiResponseWithoutDeserialization | When skip_deserialization is True\n\
200 | ApiResponseFor200 | OK\n\n\
#### ApiResponseFor200\n\
Name | Type | Description  | Notes\n\
------------- | ------------- | ------------- | -------------\n\
response | urllib3.HTTPResponse | Raw response |\n\n\
### Authorization\n\nNo authorization required\n\n";

fn widgets_api() -> String {
    let mut page = String::from(
        "# vendor_client.WidgetsApi\n\n\
         Method | HTTP request | Description\n\
         ------------- | ------------- | -------------\n\
         [**find_widgets**](WidgetsApi.md#find_widgets) | **GET** /shops/{shopId}/widgets | \n\
         [**label_widget**](WidgetsApi.md#label_widget) | **POST** /widgets/{widgetId} | \n\
         [**ping**](WidgetsApi.md#ping) | **HEAD** /ping | \n\n",
    );
    // Places, their schemas in 5.x's (`#### X`, `**int**`) and 6.x's (`# X`, `## Model Type
    // Info`) words.
    page += "# **find_widgets**\n> [Widget] find_widgets(shop_id, x_trace_id)\n\n";
    page += &arguments(
        None,
        &[
            "query_params",
            "header_params",
            "path_params",
            "cookie_params",
        ],
    );
    page += "### query_params\n#### RequestQueryParams\n\n\
             Name | Type | Description  | Notes\n\
             ------------- | ------------- | ------------- | -------------\n\
             page-size | PageSizeSchema | | optional\n\
             since | SinceSchema | | optional\n\
             order | OrderSchema | | optional\n\n\
             #### PageSizeSchema\n\
             Type | Description | Notes\n\
             ------------- | ------------- | -------------\n\
             **int** |  | \n\n\
             # SinceSchema\n\n\
             ## Model Type Info\n\
             Input Type | Accessed Type | Description | Notes\n\
             ------------ | ------------- | ------------- | -------------\n\
             list, tuple,  | tuple,  |  | \n\n\
             ### Tuple Items\n\
             Class Name | Input Type | Accessed Type | Description | Notes\n\
             ------------- | ------------- | ------------- | ------------- | -------------\n\
             items | str, date,  | str,  |  | \n\n\
             # OrderSchema\n\n\
             ## Model Type Info\n\
             Input Type | Accessed Type | Description | Notes\n\
             ------------ | ------------- | ------------- | -------------\n\
             str,  | str,  |  | must be one of [\"asc\", \"desc\", ] \n\n\
             ### header_params\n#### RequestHeaderParams\n\n\
             Name | Type | Description  | Notes\n\
             ------------- | ------------- | ------------- | -------------\n\
             X-Trace-ID | XTraceIDSchema | | \n\n\
             #### XTraceIDSchema\n\
             Type | Description | Notes\n\
             ------------- | ------------- | -------------\n\
             **str** |  | \n\n\
             ### path_params\n#### RequestPathParams\n\n\
             Name | Type | Description  | Notes\n\
             ------------- | ------------- | ------------- | -------------\n\
             shopId | ShopIdSchema | | \n\n\
             # ShopIdSchema\n\n\
             ## Model Type Info\n\
             Input Type | Accessed Type | Description | Notes\n\
             ------------ | ------------- | ------------- | -------------\n\
             decimal.Decimal, int,  | decimal.Decimal,  |  | \n\n\
             ### cookie_params\n#### RequestCookieParams\n\n\
             Name | Type | Description  | Notes\n\
             ------------- | ------------- | ------------- | -------------\n\
             session | SessionSchema | | optional\n\n\
             #### SessionSchema\n\
             Type | Description | Notes\n\
             ------------- | ------------- | -------------\n\
             **str** |  | \n\n";
    page += RESPONSES;
    // A form body given as a model.
    page += "# **label_widget**\n> Widget label_widget(widget_id)\n\n";
    page += &arguments(
        Some((
            "SchemaForRequestBodyApplicationXWwwFormUrlencoded",
            "application/x-www-form-urlencoded",
        )),
        &["path_params"],
    );
    page += "### body\n\n\
             #### SchemaForRequestBodyApplicationXWwwFormUrlencoded\n\
             Type | Description  | Notes\n\
             ------------- | ------------- | -------------\n\
             [**WidgetForm**](WidgetForm.md) |  | \n\n\
             ### path_params\n#### RequestPathParams\n\n\
             Name | Type | Description  | Notes\n\
             ------------- | ------------- | ------------- | -------------\n\
             widgetId | WidgetIdSchema | | \n\n\
             #### WidgetIdSchema\n\
             Type | Description | Notes\n\
             ------------- | ------------- | -------------\n\
             **int** |  | \n\n";
    page += RESPONSES;
    // No parameters, no return type.
    page += "# **ping**\n> ping()\n\n### Parameters\n\
             This endpoint does not need any parameter.\n\n";
    page += RESPONSES;
    page
}

fn operation<'m>(operations: &'m [Operation], name: &str) -> &'m Operation {
    (operations.iter())
        .find(|operation| operation.name == name)
        .unwrap_or_else(|| panic!("no operation {name}"))
}

/// Each parameter as (wire name, place, required).
fn placed(operation: &Operation) -> Vec<(&str, ParameterLocation, bool)> {
    (operation.parameters.iter())
        .map(|parameter| {
            let wire = parameter.wire_name.as_str();
            (wire, parameter.location, parameter.required)
        })
        .collect()
}

#[test]
fn parameters_are_read_in_the_places_the_page_states() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let write = |name: &str, text: &str| fs::write(dir.path().join(name), text).expect("write");
    write("Widget.md", WIDGET);
    write("WidgetForm.md", WIDGET_FORM);
    write("WidgetsApi.md", &widgets_api());
    let loaded = load(Path::new(dir.path()), None).unwrap_or_else(|failure| {
        panic!("{}", failure.render());
    });
    assert_eq!(loaded.warnings.len(), 0, "{:?}", loaded.warnings);
    let [group] = loaded.model.operations.as_slice() else {
        panic!("one group: {:?}", loaded.model.operations);
    };
    let operations = &group.operations;

    let find = operation(operations, "find_widgets");
    assert_eq!(find.path, "/shops/{shopId}/widgets");
    use ParameterLocation::{Cookie, Form, Header, Path as InPath, Query};
    assert_eq!(
        placed(find),
        [
            ("page-size", Query, false),
            ("since", Query, false),
            ("order", Query, false),
            ("X-Trace-ID", Header, true),
            ("shopId", InPath, true),
            ("session", Cookie, false),
        ]
    );
    let types: Vec<(usize, &BaseType)> = (find.parameters.iter())
        .map(|parameter| (parameter.ty.containers.len(), &parameter.ty.base))
        .collect();
    let primitive = |primitive| BaseType::Primitive(primitive);
    // The values 6.x lists make the parameter an enum of its own.
    let order_enum = BaseType::Enum {
        rust_name: find.enums[0].rust_name.clone(),
    };
    assert_eq!(find.parameters[2].allowed_values, ["asc", "desc"]);
    assert_eq!(
        types,
        [
            (0, &primitive(Primitive::Integer)),
            (1, &primitive(Primitive::Date)),
            (0, &order_enum),
            (0, &primitive(Primitive::String)),
            (0, &primitive(Primitive::Integer)),
            (0, &primitive(Primitive::String)),
        ]
    );
    let returns = find.returns.as_ref().expect("a return type");
    assert_eq!(returns.notation("Widget"), "list<Widget>");
    assert!(matches!(returns.base, BaseType::Model { .. }));

    // The form body's model is sent as its fields, required where the model requires them.
    let label = operation(operations, "label_widget");
    assert_eq!(label.body_encoding, BodyEncoding::Form);
    assert_eq!(
        placed(label),
        [
            ("label", Form, true),
            ("size", Form, false),
            ("widgetId", InPath, true)
        ]
    );

    let ping = operation(operations, "ping");
    assert!(ping.parameters.is_empty() && ping.returns.is_none());
}

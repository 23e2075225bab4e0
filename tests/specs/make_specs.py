#!/usr/bin/env python3
"""Writes the torture specs (torture-3.0.json, torture-3.1.json, torture-2.0.json) next to this file.

The 3.0 document is written out below; the 3.1 one is derived from it (`nullable: true` becomes a
`type: [X, "null"]` array, `$ref` siblings are allowed), the Swagger 2.0 one too (what 2.0 cannot say,
`oneOf`/`anyOf`, nullable and cookie parameters, is dropped or simplified). Edit this file, run it, and
commit the three JSON files with it; `tests/matrix/regenerate.py` reads only the JSON.

Validate with openapi-spec-validator: the 3.0 and 3.1 files pass. The 2.0 file fails it only on its
`type: file` responses, which Swagger 2.0 allows (its Response Object extends the Schema Object's
`type` with `file`) and the validator's JSON Schema does not.
"""
import copy
import json
import pathlib

HERE = pathlib.Path(__file__).resolve().parent


def ref(name):
    return {"$ref": f"#/components/schemas/{name}"}


def obj(props, required=(), description=None, **extra):
    schema = {"type": "object"}
    if description:
        schema["description"] = description
    if required:
        schema["required"] = list(required)
    schema["properties"] = props
    schema.update(extra)
    return schema


S = {"type": "string"}
I32 = {"type": "integer", "format": "int32"}
I64 = {"type": "integer", "format": "int64"}

schemas = {}

# --- primitives and formats ---
schemas["AllPrimitives"] = obj({
    "int_plain": {"type": "integer", "description": "An integer without format."},
    "int32": {"type": "integer", "format": "int32", "minimum": -5, "maximum": 100},
    "int64": {"type": "integer", "format": "int64"},
    "float": {"type": "number", "format": "float"},
    "double": {"type": "number", "format": "double"},
    "number_plain": {"type": "number"},
    "decimal": {"type": "string", "format": "decimal"},
    "number_decimal": {"type": "number", "format": "decimal"},
    "string_plain": {"type": "string", "minLength": 1, "maxLength": 64, "pattern": "^[a-z]+$"},
    "uuid": {"type": "string", "format": "uuid"},
    "uri": {"type": "string", "format": "uri"},
    "email": {"type": "string", "format": "email"},
    "date": {"type": "string", "format": "date"},
    "date_time": {"type": "string", "format": "date-time"},
    "byte": {"type": "string", "format": "byte"},
    "binary": {"type": "string", "format": "binary"},
    "password": {"type": "string", "format": "password"},
    "hostname": {"type": "string", "format": "hostname"},
    "boolean": {"type": "boolean"},
    "any_value": {"description": "A schema with no type at all: any JSON value."},
}, required=["int32", "string_plain", "uuid", "date_time", "boolean"],
    description="Every primitive type and format the templates map.")

schemas["Defaults"] = obj({
    "string_default": {"type": "string", "default": "hello"},
    "int_default": {"type": "integer", "format": "int32", "default": 42},
    "long_default": {"type": "integer", "format": "int64", "default": 9007199254740993},
    "double_default": {"type": "number", "format": "double", "default": 1.5},
    "bool_default": {"type": "boolean", "default": True},
    "enum_default": {"type": "string", "enum": ["low", "medium", "high"], "default": "medium"},
    "array_default": {"type": "array", "items": S, "default": []},
    # No `format: date` default: 4.x-6.x Python templates crash on it (ClassCastException, Date to String).
}, description="Fields with default values.")

schemas["ReadWrite"] = obj({
    "id": {"type": "string", "readOnly": True, "description": "Set by the server."},
    "secret": {"type": "string", "format": "password", "writeOnly": True},
    "created_at": {"type": "string", "format": "date-time", "readOnly": True},
    "name": S,
}, required=["id", "name"], description="readOnly and writeOnly fields.")

# --- containers ---
schemas["Containers"] = obj({
    "array_of_strings": {"type": "array", "items": S},
    "array_of_arrays": {"type": "array", "items": {"type": "array", "items": I64}},
    "array_of_arrays_of_models": {"type": "array", "items": {"type": "array", "items": ref("Pet")}},
    "array_of_maps": {"type": "array", "items": {"type": "object", "additionalProperties": I32}},
    "array_of_free_form": {"type": "array", "items": {"type": "object"}},
    "map_of_strings": {"type": "object", "additionalProperties": S},
    "map_of_arrays": {"type": "object", "additionalProperties": {"type": "array", "items": S}},
    "map_of_maps": {"type": "object", "additionalProperties": {"type": "object", "additionalProperties": {"type": "boolean"}}},
    "map_of_models": {"type": "object", "additionalProperties": ref("Pet")},
    "map_of_any": {"type": "object", "additionalProperties": True},
    "free_form": {"type": "object"},
    "free_form_explicit": {"type": "object", "additionalProperties": {}},
    "array_of_any": {"type": "array", "items": {}},
    "set_of_strings": {"type": "array", "items": S, "uniqueItems": True},
    "array_of_dates": {"type": "array", "items": {"type": "string", "format": "date-time"}},
    "array_of_uuids": {"type": "array", "items": {"type": "string", "format": "uuid"}},
    "map_of_dates": {"type": "object", "additionalProperties": {"type": "string", "format": "date"}},
    "nested_inline_object": obj({"inner": S, "count": I32}),
    "array_of_inline_objects": {"type": "array", "items": obj({"key": S, "value": S})},
    # A free-form model behind a $ref: Ruby writes `Array<Hash>`, PHP `array[]`.
    "free_form_ref": ref("FreeFormObject"),
    "array_of_free_form_refs": {"type": "array", "items": ref("FreeFormObject")},
    "map_of_free_form_refs": {"type": "object", "additionalProperties": ref("FreeFormObject")},
}, required=["array_of_strings", "map_of_strings"], description="Arrays and maps, nested.")

schemas["StringMap"] = {"type": "object", "additionalProperties": S,
                        "description": "A top-level map of strings (additionalProperties typed)."}
schemas["FreeFormObject"] = {"type": "object", "additionalProperties": True,
                             "description": "A top-level free-form object (additionalProperties: true)."}
schemas["ObjectWithExtras"] = obj({"name": S}, additionalProperties=I32,
                                  description="Properties and typed additionalProperties together.")
schemas["StringList"] = {"type": "array", "items": S, "description": "A top-level array schema."}
schemas["NestedList"] = {"type": "array", "items": {"type": "array", "items": ref("Pet")},
                         "description": "A top-level array of arrays of models."}

# --- nullable ---
schemas["Nullables"] = obj({
    "required_nullable_string": {"type": "string", "nullable": True},
    "required_nullable_int": {"type": "integer", "format": "int32", "nullable": True},
    "optional_nullable_string": {"type": "string", "nullable": True},
    "optional_nullable_date_time": {"type": "string", "format": "date-time", "nullable": True},
    "nullable_array": {"type": "array", "items": S, "nullable": True},
    "array_of_nullable": {"type": "array", "items": {"type": "string", "nullable": True}},
    "nullable_map": {"type": "object", "additionalProperties": S, "nullable": True},
    "nullable_object": {"type": "object", "nullable": True},
    "nullable_ref": {"allOf": [ref("Pet")], "nullable": True},
    # `null` is listed in the enum only in the 3.1 spec (see rewrite_31): 4.x-5.x templates crash on it.
    "nullable_enum": {"type": "string", "enum": ["a", "b"], "nullable": True},
    "required_not_nullable": S,
}, required=["required_nullable_string", "required_nullable_int", "required_not_nullable"],
    description="Nullable fields, required and optional.")

# --- enums ---
schemas["StringEnum"] = {"type": "string", "enum": ["available", "pending", "sold", "with space", "with-dash", "UPPER", "1st", ""],
                         "description": "A referenced string enum."}
schemas["IntegerEnum"] = {"type": "integer", "format": "int32", "enum": [-1, 0, 1, 2, 100],
                          "description": "A referenced integer enum."}
schemas["NumberEnum"] = {"type": "number", "format": "double", "enum": [1.1, -1.2], "description": "A number enum."}
schemas["EnumHolder"] = obj({
    "inline_string_enum": {"type": "string", "enum": ["asc", "desc"], "description": "Inline string enum."},
    "inline_integer_enum": {"type": "integer", "enum": [1, 2, 3]},
    "inline_number_enum": {"type": "number", "format": "double", "enum": [1.5, -2.5]},
    "array_of_inline_enum": {"type": "array", "items": {"type": "string", "enum": ["read", "write", "admin"]},
                             "description": "An array of an inline enum (Java writes List<ArrayOfInlineEnumEnum>)."},
    "included_actions": {"type": "array", "items": {"type": "string", "enum": ["create", "update", "delete"]}},
    "array_of_inline_int_enum": {"type": "array", "items": {"type": "integer", "enum": [10, 20]}},
    "map_of_inline_enum": {"type": "object", "additionalProperties": {"type": "string", "enum": ["on", "off"]}},
    "ref_string_enum": ref("StringEnum"),
    "ref_integer_enum": ref("IntegerEnum"),
    "array_of_ref_enum": {"type": "array", "items": ref("StringEnum")},
    "map_of_ref_enum": {"type": "object", "additionalProperties": ref("IntegerEnum")},
    "enum_with_odd_values": {"type": "string", "enum": ["a|b", "x y", "é", "<tag>", "null", "true", "_underscore"]},
}, required=["inline_string_enum", "ref_string_enum"], description="Enums inline and referenced.")

# --- composition ---
schemas["Pet"] = obj({
    "id": I64,
    "name": S,
    "petType": S,
    "tags": {"type": "array", "items": ref("Tag")},
    "status": ref("StringEnum"),
}, required=["name", "petType"], description="A pet: the discriminator base.",
    discriminator={"propertyName": "petType", "mapping": {"cat": "#/components/schemas/Cat", "dog": "#/components/schemas/Dog"}})
schemas["Cat"] = {"description": "allOf with a discriminated parent.",
                  "allOf": [ref("Pet"), obj({"indoor": {"type": "boolean"}, "lives": I32})]}
schemas["Dog"] = {"description": "allOf with a discriminated parent.",
                  "allOf": [ref("Pet"), obj({"breed": {"type": "string", "enum": ["collie", "pug"]}, "bark_volume": {"type": "number"}})]}
schemas["Tag"] = obj({"id": I64, "name": S}, description="A tag.")
schemas["Shape"] = {"description": "oneOf with a discriminator.",
                    "oneOf": [ref("Circle"), ref("Square")],
                    "discriminator": {"propertyName": "shapeType"}}
schemas["Circle"] = obj({"shapeType": S, "radius": {"type": "number", "format": "double"}}, required=["shapeType", "radius"])
schemas["Square"] = obj({"shapeType": S, "side": {"type": "number", "format": "double"}}, required=["shapeType", "side"])
schemas["ShapeOrNull"] = {"description": "oneOf without a discriminator, nullable.", "nullable": True,
                          "oneOf": [ref("Circle"), ref("Square")]}
schemas["StringOrNumber"] = {"description": "oneOf of primitives (no properties).",
                             "oneOf": [{"type": "string"}, {"type": "number"}]}
schemas["AnyOfPrimitive"] = {"description": "anyOf of primitives and an array.",
                             "anyOf": [{"type": "string"}, {"type": "integer"}, {"type": "array", "items": S}]}
schemas["AnyOfObjects"] = {"description": "anyOf of objects, no discriminator.",
                           "anyOf": [ref("Tag"), ref("Address")]}
schemas["AllOfMixed"] = {"description": "allOf of two schemas without a discriminator plus inline properties.",
                         "allOf": [ref("Tag"), ref("Address"), obj({"extra": {"type": "boolean"}}, required=["extra"])]}
schemas["AllOfSingleRef"] = {"description": "allOf of a single ref with sibling description.",
                             "allOf": [ref("Address")]}
schemas["Vehicle"] = {"description": "oneOf with a discriminator and a mapping.",
                      "oneOf": [ref("Car"), ref("Bike")],
                      "discriminator": {"propertyName": "kind", "mapping": {"car": "#/components/schemas/Car", "bike": "#/components/schemas/Bike"}}}
schemas["Car"] = obj({"kind": S, "doors": I32}, required=["kind"])
schemas["Bike"] = obj({"kind": S, "gears": I32, "electric": {"type": "boolean"}}, required=["kind"])
schemas["Garage"] = obj({
    "vehicles": {"type": "array", "items": ref("Vehicle")},
    "main_shape": ref("Shape"),
    "inline_one_of": {"oneOf": [S, I32]},
    "inline_any_of": {"anyOf": [ref("Tag"), S]},
    "inline_all_of": {"allOf": [ref("Address")], "description": "An allOf wrapper of one ref."},
    "pets": {"type": "array", "items": ref("Pet")},
}, description="Fields typed by composed schemas.")
schemas["Address"] = obj({"street": S, "city": S, "zip": {"type": "string", "pattern": "^[0-9]{5}$"},
                          "country_code": {"type": "string", "minLength": 2, "maxLength": 2}},
                         required=["street"], description="A postal address.")

# --- recursion ---
schemas["TreeNode"] = obj({"value": S, "children": {"type": "array", "items": ref("TreeNode")},
                           "parent": ref("TreeNode")}, description="Direct recursion.")
schemas["Folder"] = obj({"name": S, "files": {"type": "array", "items": ref("Document")}},
                        description="Mutual recursion with Document.")
schemas["Document"] = obj({"title": S, "folder": ref("Folder"), "related": {"type": "object", "additionalProperties": ref("Document")}},
                          description="Mutual recursion with Folder.")

# --- names ---
keywords = ["class", "type", "self", "from", "default", "enum", "object", "list", "async", "await", "yield",
            "match", "fn", "func", "end", "begin", "import", "return", "package", "interface", "struct", "impl",
            "var", "val", "let", "new", "public", "private", "static", "void", "int", "string", "bool",
            "None", "True", "nil", "null", "def", "lambda", "global", "in", "is", "not", "and", "or",
            "abstract", "extends", "namespace", "use", "mod", "crate", "super", "where", "when", "protocol",
            "extension", "dynamic", "required", "case", "switch", "select", "chan", "go", "defer", "range",
            "map", "array", "echo", "function", "module", "alias", "do", "then", "unless", "sub", "my",
            "internal", "operator", "typealias", "inout", "fun", "object_id", "params", "properties", "values",
            "items", "keys", "hash", "to_json", "json", "date", "file", "instance", "model", "attributes"]
escape_props = {k: {"type": "string", "description": f"Property named `{k}`."} for k in keywords}
schemas["ReservedWords"] = obj(escape_props, required=["class", "type", "self"],
                               description="Property names that are keywords in some target language.")
# Names that snake_case or strip to the same identifier (`ID` and `_id` -> `id`) are in different
# models: a template that collides them writes a page nobody could use.
schemas["OddNames"] = obj({
    "1st": S, "2nd_place": I32, "@type": S, "$ref": S, "$schema": S, "x-total-count": I32, "__private": S,
    "camelCase": S, "snake_case": S, "PascalCase": S, "SCREAMING_CASE": S, "kebab-case": S,
    "dotted.name": S, "with space": S, "userID": S, "HTTPStatus": I32, "ipv4Address": S, "a": S,
    "é_accent": S, "name:colon": S, "plus+sign": S, "slash/name": S, "question?": S, "trailing_": S,
    "hasOwnProperty": S, "constructor": S, "__proto__": S, "toString": S, "prototype": S,
}, required=["@type", "1st"], description="Property names with characters every template must escape.")
schemas["Acronyms"] = obj({"ID": S, "URL": {"type": "string", "format": "uri"}, "UUID": {"type": "string", "format": "uuid"},
                           "HTTPCode": I32, "ETag": S},
                          required=["ID"], description="Upper-case property names.")
schemas["HalResource"] = obj({"_id": S, "_links": {"type": "object", "additionalProperties": ref("Link")},
                              "_embedded": {"type": "object", "additionalProperties": True}, "@context": S},
                             required=["_id"], description="Property names with a leading `_` or `@`.")
schemas["Link"] = obj({"href": {"type": "string", "format": "uri"}, "templated": {"type": "boolean"}}, required=["href"])

# --- models named like language types ---
for name, desc in [("String", "A model named String."), ("Object", "A model named Object."),
                   ("Date", "A model named Date."), ("File", "A model named File."), ("List", "A model named List."),
                   ("Map", "A model named Map."), ("Error", "A model named Error."), ("Type", "A model named Type."),
                   ("Number", "A model named Number."), ("Boolean", "A model named Boolean."),
                   ("Integer", "A model named Integer."), ("Any", "A model named Any."),
                   ("Class", "A model named Class."), ("Client", "A model named Client."),
                   ("Configuration", "A model named Configuration.")]:
    schemas[name] = obj({"value": S, "code": I32}, description=desc)
schemas["Error"] = obj({"code": I32, "message": S, "details": {"type": "array", "items": {"type": "object", "additionalProperties": True}}},
                       required=["code", "message"], description="A model named Error.")
schemas["UsesTypeNames"] = obj({
    "string": ref("String"), "object": ref("Object"), "date": ref("Date"), "file": ref("File"),
    "list": {"type": "array", "items": ref("List")}, "map": {"type": "object", "additionalProperties": ref("Map")},
    "error": ref("Error"), "type": ref("Type"), "number": ref("Number"), "boolean": ref("Boolean"),
    "integer": ref("Integer"), "any": ref("Any"), "class": ref("Class"),
}, description="Fields typed by the models named like language types.")
schemas["model_lower_snake"] = obj({"x": S}, description="A model with a lower_snake name.")
schemas["HTTPResponseCode"] = obj({"code": I32}, description="A model whose name is an acronym.")
schemas["_UnderscoreModel"] = obj({"y": S}, description="A model name with a leading underscore.")
schemas["123Numeric"] = obj({"z": S}, description="A model name with a leading digit.")

# --- descriptions ---
schemas["Descriptions"] = obj({
    "pipe": {"type": "string", "description": "A | pipe, and a\\|escaped one, and `code | with pipe`."},
    "html": {"type": "string", "description": "Some <b>bold</b> HTML, a <a href=\"https://example.com\">link</a>, <br/> a break & an ampersand, <code>x < y</code>."},
    "markdown": {"type": "string", "description": "Markdown: **bold**, _italic_, `code`, [a link](https://example.com).\n\n- item one\n- item two\n\n```json\n{\"a\": 1}\n```\n"},
    "multiline": {"type": "string", "description": "First line.\nSecond line.\n\nA new paragraph."},
    "unicode": {"type": "string", "description": "Non-ASCII: café, naïve, 日本語, Ελληνικά, emoji 🚀, “quotes” – dash, ½."},
    "table": {"type": "string", "description": "A description holding an unescaped table:\n\n| zone | meaning |\n| --- | --- |\n| zone1 | the first |\n| zone2 | the second |\n"},
    "inline_table": {"type": "string", "description": "| zone1 | zone2 |"},
    "backslash": {"type": "string", "description": "Back\\slash, C:\\path\\to, regex ^\\d+$, and a trailing backslash\\"},
    "asterisks": {"type": "string", "description": "*emphasis* and 2 * 3 * 4 and __dunder__ and #hash and {braces} and $dollar and {{mustache}}"},
    "empty": {"type": "string", "description": ""},
    "none": {"type": "string"},
    "long": {"type": "string", "description": "A long description. " * 30},
}, description="Descriptions with `|`, <em>HTML</em>, **Markdown**, non-ASCII (Zürich), and a table:\n\n| a | b |\n|---|---|\n| 1 | 2 |\n")

# --- responses/bodies ---
schemas["FormData"] = obj({"name": S, "count": I32, "tags": {"type": "array", "items": S}, "flag": {"type": "boolean"}},
                          required=["name"], description="Form body fields.")
schemas["UploadForm"] = obj({"file": {"type": "string", "format": "binary"}, "metadata": S,
                             "files": {"type": "array", "items": {"type": "string", "format": "binary"}}},
                            required=["file"], description="Multipart body.")
schemas["Page"] = obj({"items": {"type": "array", "items": ref("Pet")}, "total": I64, "next": {"type": "string", "format": "uri", "nullable": True}},
                      required=["items", "total"], description="A page of pets.")
schemas["DeprecatedModel"] = obj({"old": {"type": "string", "deprecated": True}, "new": S}, deprecated=True,
                                 description="A deprecated model with a deprecated field.")
schemas["EmptyObject"] = {"type": "object", "description": "An object without properties."}
schemas["OnlyAdditional"] = {"type": "object", "additionalProperties": {"type": "array", "items": ref("Tag")},
                             "description": "A map of arrays of models."}
schemas["Primitive"] = {"type": "string", "format": "date-time", "description": "A top-level primitive alias."}
schemas["Constrained"] = obj({
    "int_range": {"type": "integer", "minimum": 1, "maximum": 10, "exclusiveMaximum": True},
    "multiple": {"type": "number", "multipleOf": 0.5},
    "items_bound": {"type": "array", "items": S, "minItems": 1, "maxItems": 3},
    "const_like": {"type": "string", "enum": ["only"]},
}, description="Validation keywords.")

P = "#/components/schemas/"
paths = {
    "/pets": {
        "get": {"tags": ["pet"], "operationId": "listPets", "summary": "List pets | with a pipe",
                "description": "Lists pets. Supports *Markdown* and non-ASCII: ü.",
                "parameters": [
                    {"name": "limit", "in": "query", "schema": {"type": "integer", "format": "int32", "default": 20}},
                    {"name": "status", "in": "query", "explode": True, "schema": {"type": "array", "items": {"type": "string", "enum": ["available", "pending", "sold"]}}},
                    {"name": "tags", "in": "query", "style": "form", "explode": False, "schema": {"type": "array", "items": S}},
                    {"name": "sort", "in": "query", "schema": ref("StringEnum")},
                    {"name": "X-Request-ID", "in": "header", "required": True, "schema": {"type": "string", "format": "uuid"}},
                    {"name": "session", "in": "cookie", "schema": S},
                    {"name": "since", "in": "query", "schema": {"type": "string", "format": "date-time"}},
                ],
                "responses": {"200": {"description": "A page", "headers": {"x-total-count": {"schema": I32}},
                                      "content": {"application/json": {"schema": ref("Page")}}},
                              "default": {"description": "Error", "content": {"application/json": {"schema": ref("Error")}}}}},
        "post": {"tags": ["pet"], "operationId": "createPet", "summary": "Create a pet",
                 "requestBody": {"required": True, "content": {"application/json": {"schema": ref("Pet")}}},
                 "responses": {"201": {"description": "Created", "content": {"application/json": {"schema": ref("Pet")}}},
                               "400": {"description": "Bad", "content": {"application/json": {"schema": ref("Error")}}}}},
    },
    "/pets/{petId}": {
        "parameters": [{"name": "petId", "in": "path", "required": True, "schema": I64}],
        "get": {"tags": ["pet"], "operationId": "getPet", "responses": {"200": {"description": "OK", "content": {"application/json": {"schema": ref("Pet")}}}, "404": {"description": "Not found"}}},
        "delete": {"tags": ["pet"], "operationId": "deletePet", "parameters": [{"name": "api_key", "in": "header", "schema": S}],
                   "responses": {"204": {"description": "Deleted"}}},
        "patch": {"tags": ["pet"], "operationId": "updatePetWithForm", "deprecated": True, "summary": "Deprecated form update",
                  "requestBody": {"content": {"application/x-www-form-urlencoded": {"schema": ref("FormData")}}},
                  "responses": {"200": {"description": "OK", "content": {"application/json": {"schema": ref("Pet")}}}}},
    },
    "/pets/{petId}/photo": {
        "post": {"tags": ["pet"], "operationId": "uploadPhoto",
                 "parameters": [{"name": "petId", "in": "path", "required": True, "schema": I64}],
                 "requestBody": {"content": {"multipart/form-data": {"schema": ref("UploadForm")}}},
                 "responses": {"200": {"description": "OK", "content": {"application/json": {"schema": {"type": "object", "additionalProperties": S}}}}}},
        "get": {"tags": ["pet"], "operationId": "downloadPhoto",
                "parameters": [{"name": "petId", "in": "path", "required": True, "schema": I64}],
                "responses": {"200": {"description": "The photo", "content": {"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}}}}},
    },
    "/store/inventory": {
        "get": {"tags": ["store"], "operationId": "getInventory",
                "responses": {"200": {"description": "OK", "content": {"application/json": {"schema": {"type": "object", "additionalProperties": I32}}}}}},
    },
    "/store/orders/{orderId}": {
        "get": {"tags": ["store"], "operationId": "getOrder",
                "parameters": [{"name": "orderId", "in": "path", "required": True, "schema": {"type": "string", "format": "uuid"}},
                               {"name": "fields", "in": "query", "schema": {"type": "array", "items": {"type": "string", "enum": ["id", "status", "total"]}}}],
                "responses": {"200": {"description": "OK", "content": {"application/json": {"schema": ref("Garage")}}}}},
    },
    "/store/report": {
        "get": {"tags": ["store"], "operationId": "getReport",
                "responses": {"200": {"description": "CSV", "content": {"text/plain": {"schema": S}}}}},
    },
    "/misc/echo": {
        "put": {"tags": ["misc"], "operationId": "echoAll",
                "requestBody": {"content": {"application/json": {"schema": ref("AllPrimitives")}}},
                "responses": {"200": {"description": "OK", "content": {"application/json": {"schema": ref("AllPrimitives")}}}}},
    },
    "/misc/names/{class}": {
        "post": {"tags": ["misc"], "operationId": "reservedNames",
                 "parameters": [{"name": "class", "in": "path", "required": True, "schema": S},
                                {"name": "type", "in": "query", "schema": S},
                                {"name": "self", "in": "query", "schema": {"type": "boolean"}}],
                 "requestBody": {"content": {"application/json": {"schema": ref("ReservedWords")}}},
                 "responses": {"200": {"description": "OK", "content": {"application/json": {"schema": ref("OddNames")}}}}},
    },
    "/misc/list": {
        "get": {"tags": ["misc"], "operationId": "listTrees",
                "responses": {"200": {"description": "OK", "content": {"application/json": {"schema": {"type": "array", "items": ref("TreeNode")}}}},
                              "204": {"description": "No content"}}},
    },
    "/misc/ping": {
        "head": {"tags": ["misc"], "operationId": "ping", "responses": {"204": {"description": "Alive"}}},
    },
}

spec30 = {
    "openapi": "3.0.3",
    "info": {"title": "Torture API", "version": "1.0.0",
             "description": "Covers the type space the openapi-generator templates map. Not a real API."},
    "servers": [{"url": "https://api.example.com/v1"}],
    "tags": [{"name": "pet"}, {"name": "store"}, {"name": "misc"}],
    "paths": paths,
    "components": {"schemas": schemas,
                   "securitySchemes": {"api_key": {"type": "apiKey", "in": "header", "name": "X-API-Key"}}},
    "security": [{"api_key": []}],
}


MAPS = ("properties", "schemas", "paths", "content", "responses", "headers", "mapping")


def transform(node, rewrite):
    """Rebuilds `node` bottom-up, passing every object to `rewrite` (name -> schema maps, whose keys
    may be `type`, `enum` or `$ref`, are walked but not rewritten)."""
    if isinstance(node, list):
        return [transform(n, rewrite) for n in node]
    if not isinstance(node, dict):
        return node
    return rewrite({k: ({name: transform(item, rewrite) for name, item in v.items()} if k in MAPS
                        else transform(v, rewrite)) for k, v in node.items()})


def rewrite_31(node):
    """`nullable: true` becomes a type array (with `null` in its enum) or a oneOf with null."""
    if node.pop("nullable", False):
        if "type" in node:
            node["type"] = [node["type"], "null"]
            if "enum" in node:
                node["enum"] = node["enum"] + [None]
        elif "allOf" in node and len(node["allOf"]) == 1:
            node["oneOf"] = [node.pop("allOf")[0], {"type": "null"}]
        elif "oneOf" in node:
            node["oneOf"] = node["oneOf"] + [{"type": "null"}]
    if node.get("exclusiveMaximum") is True:
        node["exclusiveMaximum"] = node.pop("maximum")
    return node


spec31 = transform(copy.deepcopy(spec30), rewrite_31)
spec31["openapi"] = "3.1.0"
spec31["info"]["summary"] = "The 3.1 variant of the torture spec."


def rewrite_20(node):
    """A 3.0 schema object as Swagger 2.0 can say it."""
    if isinstance(node.get("$ref"), str):
        node["$ref"] = node["$ref"].replace("#/components/schemas/", "#/definitions/")
    node.pop("nullable", None)
    node.pop("writeOnly", None)
    node.pop("deprecated", None)
    if "enum" in node:
        node["enum"] = [v for v in node["enum"] if v is not None]
    for key in ("oneOf", "anyOf"):
        if key in node:
            variants = node.pop(key)
            node.setdefault("description", f"{key} in 3.0; 2.0 keeps its first variant.")
            first = variants[0]
            if "$ref" in first:
                node["allOf"] = [first]
            else:
                node.update(first)
    d = node.get("discriminator")
    if isinstance(d, dict):
        node["discriminator"] = d["propertyName"]
    if node.get("additionalProperties") == {}:
        node["additionalProperties"] = True
    return node


def to_20_schema(node):
    return transform(node, rewrite_20)


def to_20():
    defs = {name: to_20_schema(schema) for name, schema in copy.deepcopy(schemas).items()}
    out_paths = {}
    for path, item in copy.deepcopy(paths).items():
        new_item = {}
        shared = item.pop("parameters", [])
        for method, op in item.items():
            params = []
            for p in copy.deepcopy(shared) + op.pop("parameters", []):
                if p["in"] == "cookie":
                    continue
                schema = to_20_schema(p.pop("schema"))
                p.pop("style", None)
                explode = p.pop("explode", None)
                if "$ref" in schema:
                    schema = dict(defs[schema["$ref"].split("/")[-1]])
                    schema.pop("description", None)
                p.update(schema)
                if p.get("type") == "array":
                    p["collectionFormat"] = "multi" if explode else "csv"
                params.append(p)
            consumes = []
            body = op.pop("requestBody", None)
            if body:
                media, content = next(iter(body["content"].items()))
                consumes = [media]
                if media == "application/json":
                    params.append({"name": "body", "in": "body", "required": body.get("required", False),
                                   "schema": to_20_schema(content["schema"])})
                else:
                    form = defs[content["schema"]["$ref"].split("/")[-1]]
                    for name, prop in form["properties"].items():
                        fp = {"name": name, "in": "formData", "required": name in form.get("required", [])}
                        if prop.get("format") == "binary":
                            fp["type"] = "file"
                        elif prop.get("type") == "array" and prop["items"].get("format") == "binary":
                            continue
                        else:
                            fp.update(prop)
                        params.append(fp)
            produces = []
            responses = {}
            for code, resp in op.pop("responses").items():
                r = {"description": resp["description"]}
                if "content" in resp:
                    media, content = next(iter(resp["content"].items()))
                    produces.append(media)
                    schema = to_20_schema(content["schema"])
                    if schema.get("format") == "binary":
                        schema = {"type": "file"}
                    r["schema"] = schema
                if "headers" in resp:
                    r["headers"] = {k: {"type": "integer", "format": "int32"} for k in resp["headers"]}
                responses[code] = r
            op["parameters"] = params
            if consumes:
                op["consumes"] = consumes
            if produces:
                op["produces"] = sorted(set(produces))
            op["responses"] = responses
            new_item[method] = op
        out_paths[path] = new_item
    return {
        "swagger": "2.0",
        "info": {"title": "Torture API", "version": "1.0.0",
                 "description": "The Swagger 2.0 variant of the torture spec (no oneOf/anyOf, nullable or cookies)."},
        "host": "api.example.com", "basePath": "/v1", "schemes": ["https"],
        "tags": spec30["tags"],
        "securityDefinitions": {"api_key": {"type": "apiKey", "in": "header", "name": "X-API-Key"}},
        "security": [{"api_key": []}],
        "paths": out_paths,
        "definitions": defs,
    }


for name, spec in [("torture-3.0.json", spec30), ("torture-3.1.json", spec31), ("torture-2.0.json", to_20())]:
    (HERE / name).write_text(json.dumps(spec, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {name}: {len(spec.get('components', spec).get('schemas', spec.get('definitions', {})))} schemas")

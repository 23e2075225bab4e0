//! The type model: what the generated crate contains, as plain data.
//!
//! [`build_model`] makes it from parsed pages and the config; emission reads nothing else. It is
//! sorted (models by name, fields in page order), so everything made from it is deterministic.

mod build;
mod cycles;
mod features;
mod listing;
mod operations;
mod shared;
mod vocabulary;

use std::collections::BTreeMap;

pub use build::build_model;
pub use features::UNREFERENCED;
pub use operations::placeholders;
pub use shared::MAX_TYPE_DEPTH;
pub use vocabulary::{Container, Fact, HttpMethod, Permissions, Primitive, Taken, type_notation};

/// Everything the generated crate is made from.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct TypeModel {
    /// The generated crate's package metadata.
    pub package: Package,
    /// The primitive -> Rust type table in force (defaults with the config's overrides).
    pub rust_types: BTreeMap<Primitive, String>,
    /// The generated crate's dependencies: name -> TOML dependency specification.
    pub dependencies: BTreeMap<String, toml::Value>,
    /// Every model, sorted by name.
    pub models: Vec<Model>,
    /// The crate's Cargo features, one per API group, sorted by name; empty when the docs have no
    /// operation pages.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub features: Vec<Feature>,
    /// The API's operations, one group per operation page, sorted by group name; empty when the
    /// docs have no operation pages.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub operations: Vec<OperationGroup>,
    /// The regions the API is served from, with their hosts (`codegen.toml`'s
    /// `[client.regions]`), sorted by name; empty when the config lists none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub regions: Vec<Region>,
}

/// A region the API is served from.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Region {
    /// The vendor's name of it (`us-east-1`).
    pub name: String,
    /// Its `Region` variant (`UsEast1`).
    pub variant: String,
    /// The API's host there (`api.mypurecloud.com`).
    pub api_host: String,
    /// The OAuth login host there (`login.mypurecloud.com`).
    pub login_host: String,
}

/// The operations of one API group: one operation page.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct OperationGroup {
    /// The page title (`AnalyticsApi`).
    pub name: String,
    /// The public module of its operations, at the crate root (`analytics_api`).
    pub module: String,
    /// The Cargo feature that enables the models its operations use ([`Feature::name`]).
    pub feature: String,
    /// The page it came from (file name).
    pub source: String,
    /// The operations, sorted by name.
    pub operations: Vec<Operation>,
}

/// One documented API call.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Operation {
    /// The name in the docs (`get_analytics_conversation_details`).
    pub name: String,
    /// The Rust function name, in its group's module; the module of its enums has this name too.
    pub rust_name: String,
    /// The Rust struct of its optional parameters, in its group's module (`GetPetsParams`); only
    /// emitted when it has optional parameters.
    pub params_type: String,
    /// The HTTP method.
    pub method: HttpMethod,
    /// The path template: `{placeholder}`s are the path parameters' wire names
    /// (`/api/v2/analytics/conversations/{conversationId}/details`; see [`placeholders`]).
    pub path: String,
    /// The first paragraph of the description (plain text; may be empty).
    pub summary: String,
    /// The rest of the description (plain text; may be empty).
    pub notes: String,
    /// The permissions the docs say it requires, when they say.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub permissions: Option<Permissions>,
    /// A preview operation: subject to change without notice.
    pub preview: bool,
    /// Deprecated.
    pub deprecated: bool,
    /// The parameters, in page order.
    pub parameters: Vec<Parameter>,
    /// What a successful call returns; `None` for an empty response (`void`).
    pub returns: Option<FieldType>,
    /// The media type of a success response when it is not JSON (`text/calendar`): a `str`
    /// return is then the body's text. Only the config (or the SDK's modules, imported into
    /// it) says so: the pages do not.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accept: Option<String>,
    /// Enums of this operation's enumerated parameters, in parameter order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub enums: Vec<EnumType>,
    /// How the request body is written: JSON unless the page gives another media type.
    #[serde(default, skip_serializing_if = "BodyEncoding::is_json")]
    pub body_encoding: BodyEncoding,
}

/// One parameter of an operation.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Parameter {
    /// The name in the docs (`conversation_id`).
    pub doc_name: String,
    /// The Rust name (as for fields: `conversation_id`, `r#type`).
    pub rust_name: String,
    /// The name on the wire: the path's placeholder, or the query key; for the body, the naming
    /// rule's name (a body has no name on the wire).
    pub wire_name: String,
    /// Where the value goes.
    pub location: ParameterLocation,
    /// The type, resolved as a field's: enumerated `str` values become [`Operation::enums`].
    pub ty: FieldType,
    /// Whether a call must give it.
    pub required: bool,
    /// The value the server assumes when it is not given, as on the wire (`25`, `ASC`, `false`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default: Option<String>,
    /// The values the docs allow, in their order (for any type; `str` ones are also an enum).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub allowed_values: Vec<String>,
    /// The description (plain text; may be empty).
    pub description: String,
    /// The page types it as a file (`bytearray`, `File`, `*os.File`): its value is bytes, in a
    /// multipart body a file part.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub file: bool,
}

/// Where a parameter goes in the request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ParameterLocation {
    /// A `{placeholder}` of the path.
    Path,
    /// The query string.
    Query,
    /// A request header: [`Parameter::wire_name`] is its name (`If-Match`).
    Header,
    /// The body: JSON, or the text of a `text/plain` one ([`Operation::body_encoding`]).
    Body,
    /// A field of a form or multipart body ([`Operation::body_encoding`]) under its wire name.
    Form,
    /// A cookie of the `Cookie` header (only `codegen.toml` says so: the pages do not).
    Cookie,
}

/// How an operation's request body is written, by the media type its page gives
/// (`### HTTP request headers`, `Content-Type`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BodyEncoding {
    /// JSON (`application/json`, a `+json` suffix), or no body.
    #[default]
    Json,
    /// `application/x-www-form-urlencoded`: the [`ParameterLocation::Form`] parameters as
    /// `key=value` pairs.
    Form,
    /// `multipart/form-data`: one part per [`ParameterLocation::Form`] value, a file's
    /// ([`Parameter::file`]) as its bytes.
    Multipart,
    /// `text/plain`: the body parameter, a `str`, as it is.
    Text,
}

impl BodyEncoding {
    /// The encoding of a body of `media_type`; `None` for one the requests do not write.
    pub fn of_media_type(media_type: &str) -> Option<BodyEncoding> {
        let essence = media_type.split(';').next().unwrap_or_default().trim();
        let is = |name: &str| essence.eq_ignore_ascii_case(name);
        if is_json_media_type(media_type) {
            Some(BodyEncoding::Json)
        } else if is("application/x-www-form-urlencoded") {
            Some(BodyEncoding::Form)
        } else if is("multipart/form-data") {
            Some(BodyEncoding::Multipart)
        } else if is("text/plain") {
            Some(BodyEncoding::Text)
        } else {
            None
        }
    }

    /// Whether it is the default, JSON (left out of `model.json`).
    pub fn is_json(&self) -> bool {
        *self == BodyEncoding::Json
    }
}

/// Whether a media type is JSON: `application/json`, or a `+json` suffix
/// (`application/problem+json`), in any letter case, parameters (`; charset=utf-8`) aside.
pub fn is_json_media_type(media_type: &str) -> bool {
    let essence = media_type.split(';').next().unwrap_or_default().trim();
    essence.eq_ignore_ascii_case("application/json")
        || essence.to_ascii_lowercase().ends_with("+json")
}

impl Operation {
    /// Whether the operation has optional parameters (its params struct is emitted).
    pub fn has_optional(&self) -> bool {
        self.parameters.iter().any(|parameter| !parameter.required)
    }

    /// Whether a success's body is text, not JSON: the operation accepts a media type that is
    /// not JSON (`text/calendar`; JSON is `application/json` or a `+json` suffix) and returns a
    /// `str`.
    pub fn returns_text(&self) -> bool {
        self.accept
            .as_deref()
            .is_some_and(|media_type| !is_json_media_type(media_type))
            && self.returns.as_ref().is_some_and(|ty| {
                ty.containers.is_empty() && ty.base == BaseType::Primitive(Primitive::String)
            })
    }

    /// The body parameter, if the operation takes one.
    pub fn body(&self) -> Option<&Parameter> {
        self.parameters
            .iter()
            .find(|parameter| parameter.location == ParameterLocation::Body)
    }
}

/// A Cargo feature of the generated crate: the models one API group's operations use.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Feature {
    /// The feature's name (`analytics`).
    pub name: String,
    /// The operation page's title (`AnalyticsApi`); empty for [`UNREFERENCED`].
    pub group: String,
    /// How many models it enables.
    pub models: usize,
}

/// Package metadata of the generated crate.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Package {
    /// Crate name.
    pub name: String,
    /// Crate version.
    pub version: String,
    /// One-line description.
    pub description: String,
    /// License expression, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub license: Option<String>,
}

/// One model: a struct with the enums of its enumerated fields, or the open enum of an enum page.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Model {
    /// The name in the docs (`AnalyticsSession`).
    pub name: String,
    /// The Rust type name, at the crate root.
    pub rust_name: String,
    /// The Rust module of the model's field enums, at the crate root; its file is named after it.
    pub module: String,
    /// The page it came from (file name).
    pub source: String,
    /// The page's description (plain text, may be empty): the type's doc comment.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// A struct, or an enum page's enum.
    #[serde(default, skip_serializing_if = "ModelKind::is_struct")]
    pub kind: ModelKind,
    /// Fields in page order.
    pub fields: Vec<Field>,
    /// The keys the fields do not name, when the page keeps them (an `any string name` row).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub additional_properties: Option<AdditionalProperties>,
    /// Enums of this model's enumerated fields, in field order.
    pub enums: Vec<EnumType>,
    /// Whether the struct can implement `Default` (false when a required field's type cannot).
    pub has_default: bool,
    /// The features that enable this model, sorted; empty when the crate has no features, and
    /// for the error model (`[client] error_model`) and the models it reaches, always compiled.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub features: Vec<String>,
    /// What other docs folders showed of the model that its page cannot (`[sources] also`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub taken: Vec<Taken>,
    /// How the model is a page of a listing, when it is one and the crate has operations (whose
    /// requests it then names the next page of).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub listing: Option<Listing>,
}

/// How a model is a page of a listing: its items, and how it names the next page.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Listing {
    /// The field of the page's items (a list).
    pub items: ListingField,
    /// How the next page is asked for.
    pub next: NextPage,
}

/// A field a listing reads.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ListingField {
    /// Its Rust name.
    pub rust_name: String,
    /// Whether it is an `Option`.
    pub optional: bool,
}

/// How a page of a listing names the next one.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NextPage {
    /// A string field links it (`nextUri`): the same request, to the link's path and query.
    Link {
        /// The link's field.
        field: ListingField,
    },
    /// A string field is the next page's cursor (`cursor`): the same request with the query
    /// parameter `query` set to it, while the page has one.
    Cursor {
        /// The cursor's field.
        field: ListingField,
        /// The query parameter of the cursor (the field's JSON name).
        query: String,
    },
    /// The page's number and the page count: the same request with the query parameter
    /// `query` one more, while the number is less than the count.
    Number {
        /// The page number's field.
        number: ListingField,
        /// The page count's field.
        count: ListingField,
        /// The query parameter of the page number (the number's JSON name, `pageNumber`).
        query: String,
    },
}

impl Model {
    /// The types the model holds: its fields', its additional properties', its variants'.
    pub fn held_types(&self) -> impl Iterator<Item = &FieldType> {
        let variants = match &self.kind {
            ModelKind::OneOf(one_of) => one_of.variants.as_slice(),
            ModelKind::Struct | ModelKind::Enum(_) => &[],
        };
        (self.fields.iter().map(|field| &field.ty))
            .chain(self.additional_properties.iter().map(|extra| &extra.ty))
            .chain(variants.iter().map(|variant| &variant.ty))
    }

    /// [`Self::held_types`], to change them.
    pub fn held_types_mut(&mut self) -> impl Iterator<Item = &mut FieldType> {
        let variants = match &mut self.kind {
            ModelKind::OneOf(one_of) => one_of.variants.as_mut_slice(),
            ModelKind::Struct | ModelKind::Enum(_) => &mut [],
        };
        (self.fields.iter_mut().map(|field| &mut field.ty))
            .chain(
                self.additional_properties
                    .iter_mut()
                    .map(|extra| &mut extra.ty),
            )
            .chain(variants.iter_mut().map(|variant| &mut variant.ty))
    }
}

/// The keys of a model's JSON object that its fields do not name, kept in a map beside them
/// (flattened on the wire).
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct AdditionalProperties {
    /// The Rust name of the map field: always `additional_properties_`, which no property's
    /// field is named.
    pub rust_name: String,
    /// The type of each value.
    pub ty: FieldType,
    /// The description from the docs (plain text, may be empty).
    pub description: String,
}

/// What a model is.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ModelKind {
    /// A struct of [`Model::fields`].
    #[default]
    Struct,
    /// The open enum of an enum page, shared by every field that names the page
    /// ([`BaseType::SharedEnum`]); [`Model::fields`] and [`Model::enums`] are empty.
    Enum(EnumType),
    /// A value of one of several types (a oneOf / anyOf whose variants the docs list): an enum
    /// of them, and a variant that keeps any other JSON value; [`Model::fields`] and
    /// [`Model::enums`] are empty. Referenced as a struct is ([`BaseType::Model`]).
    OneOf(OneOfType),
}

/// The variants of a oneOf / anyOf model.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct OneOfType {
    /// The variants, in the docs' order but a variant of any JSON value last: a document is read
    /// as the first that reads it whole.
    pub variants: Vec<OneOfVariant>,
    /// The JSON name of the property whose value says which variant a document is, where the
    /// docs name it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub discriminator: Option<String>,
    /// The name of the variant that keeps a document no other variant reads.
    pub catch_all: String,
}

/// One variant of a oneOf / anyOf model.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct OneOfVariant {
    /// The Rust variant name (`Car`, `Str`, `ListOfPet`).
    pub rust_name: String,
    /// The type it holds.
    pub ty: FieldType,
    /// It holds a struct: a document of no key but its fields' is read as it before it is tried
    /// as any other variant (one that keeps unknown keys would read it too).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub by_fields: bool,
    /// The discriminator's values that select it: the docs' mapping, else the name of its
    /// model; empty without a discriminator.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
}

impl ModelKind {
    /// Whether this is [`ModelKind::Struct`].
    pub fn is_struct(&self) -> bool {
        matches!(self, ModelKind::Struct)
    }
}

/// One field of a model.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Field {
    /// The name in the docs (`active_skill_ids`, `pcSelf`).
    pub doc_name: String,
    /// The Rust field name (`active_skill_ids`, `self_`, `r#type`).
    pub rust_name: String,
    /// The JSON name (`activeSkillIds`, `self`).
    pub wire_name: String,
    /// The field's type.
    pub ty: FieldType,
    /// Whether the field must be present on the wire.
    pub required: bool,
    /// The docs do not say whether the field is required (typescript-fetch's pages): it is
    /// optional, so that every document reads.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub required_unknown: bool,
    /// The value may be `null` (the docs' type says so: `X | null`, `Optional[X]`, a required
    /// `Option<X>`). A required nullable field must be present, as `null` or a value; an optional
    /// one may also be absent. Never set for a field of any JSON value, which holds `null` itself.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub nullable: bool,
    /// The description from the docs (plain text, may be empty).
    pub description: String,
    /// What other docs folders showed of the field that its page cannot (`[sources] also`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub taken: Vec<Taken>,
}

/// A field's type: containers around a base type.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct FieldType {
    /// Containers, outermost first.
    pub containers: Vec<Container>,
    /// The innermost type.
    pub base: BaseType,
}

impl FieldType {
    /// The type in the neutral notation (`list<map<integer>>`), its innermost type written `leaf`.
    pub fn notation(&self, leaf: &str) -> String {
        type_notation(&self.containers, leaf)
    }

    /// Whether the type is any JSON value itself (not a list or map of them), which holds `null`.
    pub fn is_any_value(&self) -> bool {
        self.containers.is_empty() && self.base == BaseType::Primitive(Primitive::Any)
    }
}

impl std::fmt::Display for FieldType {
    /// The type in the neutral notation, models and enums by their Rust names (`list<Pet>`).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.notation(match &self.base {
            BaseType::Primitive(primitive) => primitive.name(),
            BaseType::Model { rust_name, .. }
            | BaseType::Enum { rust_name }
            | BaseType::SharedEnum { rust_name } => rust_name,
        }))
    }
}

/// The innermost type of a field.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BaseType {
    /// A primitive, mapped through [`TypeModel::rust_types`].
    Primitive(Primitive),
    /// Another model (or this one).
    Model {
        /// The referenced model's Rust type name.
        rust_name: String,
        /// Whether the reference is boxed, to break a cycle of direct references.
        boxed: bool,
    },
    /// An enum of this model ([`Model::enums`]).
    Enum {
        /// The enum's Rust type name, in the model's module.
        rust_name: String,
    },
    /// The enum of an enum page: a model of kind [`ModelKind::Enum`].
    SharedEnum {
        /// The enum's Rust type name, at the crate root.
        rust_name: String,
    },
}

/// An enumerated field's values, as an open Rust enum in its model's module.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct EnumType {
    /// The enum's Rust type name: in the model's module (`MediaType`), or for an enum page at the
    /// crate root.
    pub rust_name: String,
    /// The doc name of the field it was made for (empty for an enum page's enum).
    pub field: String,
    /// What kind of JSON values it holds (strings unless the docs show numbers).
    #[serde(default, skip_serializing_if = "EnumKind::is_string")]
    pub kind: EnumKind,
    /// The known values, in the order given.
    pub variants: Vec<Variant>,
    /// The name of the variant that keeps any other value verbatim.
    pub catch_all: String,
}

/// The kind of JSON values an enum holds, as its docs show it (quoted values, a numeric type,
/// numeric literals).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EnumKind {
    /// Strings.
    #[default]
    String,
    /// Integers (each [`Variant::value`] is an integer literal).
    Integer,
    /// Numbers of any kind (each [`Variant::value`] is a number literal).
    Number,
}

impl EnumKind {
    /// Whether this is [`EnumKind::String`].
    pub fn is_string(&self) -> bool {
        *self == EnumKind::String
    }
}

/// One known value of an enum.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Variant {
    /// The Rust variant name.
    pub rust_name: String,
    /// The value on the wire: the string, or the number's literal (`-1`, `1.5`).
    pub value: String,
}

impl TypeModel {
    /// How many operations all groups have together.
    pub fn operation_count(&self) -> usize {
        self.operations
            .iter()
            .map(|group| group.operations.len())
            .sum()
    }

    /// How many fields all models have together.
    pub fn field_count(&self) -> usize {
        self.models.iter().map(|model| model.fields.len()).sum()
    }
}

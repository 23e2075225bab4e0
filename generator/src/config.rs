//! `codegen.toml`: the generated crate's package metadata, the primitive -> Rust type table and
//! per-field overrides.
//!
//! ```toml
//! [package]
//! name = "genesys-cloud-models"
//! version = "0.1.0"
//! description = "..."
//!
//! [types]                      # optional: replaces entries of the primitive -> Rust type table
//! datetime = "::chrono::DateTime<::chrono::Utc>"
//!
//! [dependencies]               # optional: added to the generated crate's dependencies
//! chrono = { version = "0.4", features = ["serde"] }
//!
//! [naming]
//! wire = "camelCase"           # how the JSON spells the Name column: also "snake_case",
//!                              # "as-written", "PascalCase", "kebab-case"
//!
//! dialect = "python-pydantic"  # optional, at the top: the docs' template (else detected)
//!
//! [sources]
//! also = ["../typescript"]     # the same API's docs in other languages (relative to the docs
//!                              # folder): what these pages cannot show is taken from them
//! operations = false           # read the model pages only: no operation is generated, and a
//!                              # problem on an operation page never costs the models
//!
//! [models.UiNodeAttributes]
//! composition = true                 # a oneOf / anyOf page: no field is required
//!
//! [models.AnalyticsSession.fields.direction]
//! enum = ["inbound", "outbound"]     # also: wire_name, rust_name, type
//!
//! [operations.AnalyticsApi.get_analytics_reporting_exports.parameters.page_size]
//! wire_name = "pageSize"             # a query parameter's name, when the rule gets it wrong
//!
//! [operations.WorkforceManagementApi.get_workforcemanagement_calendar_data_ics]
//! accept = "text/calendar"           # the response's media type, when it is not JSON
//!
//! [client]
//! error_model = "ErrorBody"          # the model of the API's error documents: always compiled
//!
//! [client.regions]                  # the hosts of each region the API is served from: a `Region`
//! us-east-1 = { api = "api.mypurecloud.com", login = "login.mypurecloud.com" }
//!
//! [operations.ScimApi.patch_scim_user.parameters.if_match]
//! place = "header"                   # where the parameter goes ("query", "header" or "cookie"),
//! wire_name = "If-Match"             # when the rule gets it wrong
//! ```

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;
use std::path::Path;

use serde::Deserialize;
use toml::Spanned;

use crate::diagnostic::{Diagnostic, FileId, Sources};
use crate::model::Primitive;
pub use crate::naming::WireCase;
use crate::parse::{Dialect, TypeExpr, grammar_primitive, parse_type_expr};

/// A value of the config and where it was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located<T> {
    /// The value.
    pub value: T,
    /// The file it was written in.
    pub file: FileId,
    /// Its byte span in that file.
    pub span: Range<usize>,
}

/// The validated contents of a `codegen.toml`, or the defaults when there is none.
#[derive(Debug, Clone, Default)]
pub struct Config {
    /// Metadata of the generated crate; `None` means: derive it from the spec folder's name.
    pub package: Option<PackageConfig>,
    /// Replacements for entries of the primitive -> Rust type table.
    pub types: BTreeMap<Primitive, String>,
    /// Extra dependencies of the generated crate, as written (a TOML table).
    pub dependencies: toml::Table,
    /// Field overrides: model name -> doc field name -> override.
    pub models: BTreeMap<String, ModelOverrides>,
    /// How the JSON spells the docs' names (`[naming] wire`).
    pub wire_case: WireCase,
    /// The docs' dialect when the config names one (else it is detected from the pages).
    pub dialect: Option<Located<Dialect>>,
    /// Parameter overrides: API group -> operation -> doc parameter name -> override.
    pub operations: BTreeMap<String, BTreeMap<String, OperationOverrides>>,
    /// Other docs folders of the same API (`[sources] also`), as written: relative to the docs
    /// folder.
    pub also: Vec<Located<String>>,
    /// Whether only the model pages are read (`[sources] operations = false`): operation pages
    /// are then skipped as any other page.
    pub models_only: bool,
    /// The regions the API is served from (`[client.regions]`), sorted by name.
    pub regions: Vec<RegionConfig>,
    /// The model of the API's error documents (`[client] error_model`): compiled whatever
    /// features are on, with every model it reaches.
    pub error_model: Option<Located<String>>,
}

/// One region of `[client.regions]`: its name and hosts, each checked to be a host name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegionConfig {
    /// The region's name as the vendor writes it (`us-east-1`).
    pub name: Located<String>,
    /// The API's host in the region (`api.mypurecloud.com`).
    pub api: String,
    /// The OAuth login host in the region (`login.mypurecloud.com`).
    pub login: String,
}

/// The overrides of one operation's parameters.
#[derive(Debug, Clone)]
pub struct OperationOverrides {
    /// Where the operation's table was named.
    pub name: Located<String>,
    /// The media type of a success response, when it is not JSON (`text/calendar`).
    pub accept: Option<Located<String>>,
    /// Doc parameter name -> override.
    pub parameters: BTreeMap<String, ParameterOverride>,
}

/// What `codegen.toml` says of one parameter.
#[derive(Debug, Clone)]
pub struct ParameterOverride {
    /// Where the parameter's table was named.
    pub name: Located<String>,
    /// The query key or header name, when the naming rule gets it wrong.
    pub wire_name: Option<Located<String>>,
    /// Where the parameter goes, when the rule gets it wrong.
    pub place: Option<ParameterPlace>,
}

/// Where `codegen.toml` puts a parameter that is not in the path (`place = "header"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ParameterPlace {
    /// In the query string.
    Query,
    /// A request header.
    Header,
    /// A cookie, in the `Cookie` header.
    Cookie,
}

/// `[package]`: metadata of the generated crate.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct PackageConfig {
    /// The crate's name.
    pub name: String,
    /// The crate's version.
    pub version: String,
    /// The crate's one-line description, also the first line of its docs.
    pub description: String,
    /// The crate's license expression.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub license: Option<String>,
}

/// The overrides of one model's fields.
#[derive(Debug, Clone)]
pub struct ModelOverrides {
    /// Where the model's table was named.
    pub name: Located<String>,
    /// `composition = true`: the page documents a oneOf / anyOf as the union of its variants'
    /// properties, so no field is required (any one variant's JSON must read).
    pub composition: bool,
    /// Doc field name -> override.
    pub fields: BTreeMap<String, FieldOverride>,
}

/// What `codegen.toml` says of one field.
#[derive(Debug, Clone)]
pub struct FieldOverride {
    /// Where the field's table was named.
    pub name: Located<String>,
    /// The JSON name, when the naming rule gets it wrong.
    pub wire_name: Option<Located<String>>,
    /// The Rust field name.
    pub rust_name: Option<Located<String>>,
    /// A type expression replacing the page's.
    pub type_expr: Option<Located<TypeExpr>>,
    /// The values of an enumerated field.
    pub enum_values: Option<Vec<Located<String>>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    dialect: Option<Spanned<String>>,
    #[serde(default)]
    naming: RawNaming,
    package: Option<PackageConfig>,
    #[serde(default)]
    types: BTreeMap<Spanned<String>, Spanned<String>>,
    #[serde(default)]
    dependencies: toml::Table,
    #[serde(default)]
    models: BTreeMap<Spanned<String>, RawModel>,
    #[serde(default)]
    operations: BTreeMap<Spanned<String>, BTreeMap<Spanned<String>, RawOperation>>,
    #[serde(default)]
    sources: RawSources,
    #[serde(default)]
    client: RawClient,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawClient {
    #[serde(default)]
    regions: BTreeMap<Spanned<String>, RawRegion>,
    #[serde(default)]
    error_model: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRegion {
    api: Spanned<String>,
    login: Spanned<String>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawSources {
    #[serde(default)]
    also: Vec<Spanned<String>>,
    operations: Option<bool>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOperation {
    accept: Option<Spanned<String>>,
    #[serde(default)]
    parameters: BTreeMap<Spanned<String>, RawParameter>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawParameter {
    wire_name: Option<Spanned<String>>,
    place: Option<ParameterPlace>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawNaming {
    wire: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawModel {
    #[serde(default)]
    composition: bool,
    #[serde(default)]
    fields: BTreeMap<Spanned<String>, RawField>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawField {
    wire_name: Option<Spanned<String>>,
    rust_name: Option<Spanned<String>>,
    #[serde(rename = "type")]
    type_expr: Option<Spanned<String>>,
    #[serde(rename = "enum")]
    enum_values: Option<Vec<Spanned<String>>>,
}

impl Config {
    /// Reads and validates a config file. Problems are appended to `diagnostics`; the result is
    /// what could be read (defaults for what could not).
    pub fn load(path: &Path, sources: &mut Sources, diagnostics: &mut Vec<Diagnostic>) -> Config {
        let file = match std::fs::read(path) {
            Ok(bytes) => match sources.add_read(path.to_owned(), bytes) {
                (file, None) => file,
                (file, Some(at)) => {
                    diagnostics.push(Diagnostic::error(
                        file,
                        at..at + 1,
                        "the config file is not UTF-8",
                    ));
                    return Config::default();
                }
            },
            Err(error) => {
                diagnostics.push(Diagnostic::global_error(format!(
                    "cannot read {}: {error}",
                    path.display()
                )));
                return Config::default();
            }
        };
        Config::parse(file, &sources.get(file).text, diagnostics)
    }

    /// Parses and validates config text that was added to the sources as `file`.
    pub fn parse(file: FileId, text: &str, diagnostics: &mut Vec<Diagnostic>) -> Config {
        let raw: RawConfig = match toml::from_str(text) {
            Ok(raw) => raw,
            Err(error) => {
                let span = error.span().unwrap_or(0..0);
                diagnostics.push(
                    Diagnostic::error(file, span, "invalid codegen.toml")
                        .with_label(error.message().trim().to_owned()),
                );
                return Config::default();
            }
        };
        let mut reader = ConfigReader {
            file,
            text,
            diagnostics,
        };
        let types = reader.types(raw.types);
        let models = raw
            .models
            .into_iter()
            .map(|(name, model)| (name.get_ref().clone(), reader.model(name, model)))
            .collect();
        let rules = WireCase::ALL.map(WireCase::name);
        let wire_case = raw
            .naming
            .wire
            .filter(|written| reader.is_one_of(written, "naming rule", &rules))
            .and_then(|written| WireCase::from_name(written.get_ref()))
            .unwrap_or_default();
        let dialects = crate::parse::dialect_names();
        let dialect = raw
            .dialect
            .filter(|written| reader.is_one_of(written, "dialect", &dialects))
            .and_then(|written| {
                Some(Located {
                    value: crate::parse::dialect_named(written.get_ref())?,
                    file,
                    span: written.span(),
                })
            });
        let operations = raw
            .operations
            .into_iter()
            .map(|(group, operations)| (group.into_inner(), reader.operations(operations)))
            .collect();
        let also = (raw.sources.also.into_iter())
            .map(|folder| reader.locate(folder))
            .collect();
        let regions = reader.regions(raw.client.regions);
        let error_model = raw.client.error_model.map(|model| reader.locate(model));
        Config {
            package: raw.package,
            types,
            dependencies: raw.dependencies,
            models,
            wire_case,
            dialect,
            operations,
            also,
            models_only: raw.sources.operations == Some(false),
            regions,
            error_model,
        }
    }
}

/// Reads the parts of one config file, reporting each problem at its place.
struct ConfigReader<'a> {
    file: FileId,
    text: &'a str,
    diagnostics: &'a mut Vec<Diagnostic>,
}

impl ConfigReader<'_> {
    /// Whether `written` is a media type (`type/subtype`, no parameters); reported if not.
    fn is_media_type(&mut self, written: &Located<String>) -> bool {
        let valid = written
            .value
            .split_once('/')
            .is_some_and(|(kind, subtype)| {
                let token = |part: &str| {
                    !part.is_empty()
                        && part.bytes().all(|byte| {
                            byte.is_ascii_alphanumeric() || b"!#$&-^_.+".contains(&byte)
                        })
                };
                token(kind) && token(subtype)
            });
        if !valid {
            self.diagnostics.push(
                Diagnostic::error(
                    written.file,
                    written.span.clone(),
                    format!("`{}` is not a media type", written.value),
                )
                .with_label("expected `type/subtype`, such as `text/calendar`"),
            );
        }
        valid
    }

    /// The `[client.regions]` table: each region's hosts checked, and no two names that would be
    /// one Rust variant (`us-east-1`, `US_EAST_1`).
    fn regions(&mut self, raw: BTreeMap<Spanned<String>, RawRegion>) -> Vec<RegionConfig> {
        let mut variants: BTreeMap<String, Range<usize>> = BTreeMap::new();
        let mut regions = Vec::new();
        for (name, hosts) in raw {
            if name.get_ref().trim().is_empty() {
                self.diagnostics.push(
                    Diagnostic::error(self.file, name.span(), "a region needs a name")
                        .with_label("empty"),
                );
                continue;
            }
            let api = self.host(hosts.api);
            let login = self.host(hosts.login);
            let variant = crate::naming::region_variant(name.get_ref());
            if let Some(first) = variants.get(&variant) {
                self.diagnostics.push(
                    Diagnostic::error(
                        self.file,
                        name.span(),
                        format!(
                            "region `{}` is the Rust variant `{variant}` again",
                            name.get_ref()
                        ),
                    )
                    .with_label("same name but for case and punctuation")
                    .also_at(self.file, first.clone(), "the first"),
                );
                continue;
            }
            variants.insert(variant, name.span());
            if let (Some(api), Some(login)) = (api, login) {
                regions.push(RegionConfig {
                    name: self.locate(name),
                    api,
                    login,
                });
            }
        }
        regions
    }

    /// `written` when it is a host name (`api.example.com`: dot-separated labels of ASCII letters,
    /// digits and `-`, optionally `:port`), else `None` and an error.
    fn host(&mut self, written: Spanned<String>) -> Option<String> {
        let (name, port) = match written.get_ref().split_once(':') {
            Some((name, port)) => (name, Some(port)),
            None => (written.get_ref().as_str(), None),
        };
        let label = |label: &str| {
            !label.is_empty()
                && label.len() <= 63
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label
                    .bytes()
                    .all(|byte| byte.is_ascii_alphanumeric() || byte == b'-')
        };
        let valid = name.split('.').all(label)
            && port.is_none_or(|port| port.parse::<u16>().is_ok_and(|port| port > 0));
        if valid {
            return Some(written.into_inner());
        }
        self.diagnostics.push(
            Diagnostic::error(
                self.file,
                written.span(),
                format!("`{}` is not a host name", written.get_ref()),
            )
            .with_label("expected a host such as `api.example.com`, without scheme or path"),
        );
        None
    }

    /// A value with its place in the file.
    fn locate(&self, spanned: Spanned<String>) -> Located<String> {
        Located {
            span: spanned.span(),
            file: self.file,
            value: spanned.into_inner(),
        }
    }

    /// The `[types]` table: primitive names ([`Primitive::name`]) to Rust types, each checked.
    fn types(
        &mut self,
        raw: BTreeMap<Spanned<String>, Spanned<String>>,
    ) -> BTreeMap<Primitive, String> {
        let mut types = BTreeMap::new();
        for (name, rust_type) in raw {
            // The shared grammar's words (`str`, `datetime`), which `[types]` took before the
            // neutral names, still name their primitives.
            let primitive =
                Primitive::from_name(name.get_ref()).or_else(|| grammar_primitive(name.get_ref()));
            let Some(primitive) = primitive else {
                let known: Vec<_> = Primitive::ALL
                    .iter()
                    .map(|primitive| primitive.name())
                    .collect();
                self.diagnostics.push(
                    Diagnostic::error(
                        self.file,
                        name.span(),
                        format!("`{}` is not a primitive type", name.get_ref()),
                    )
                    .with_note(format!("the primitives are {}", known.join(", "))),
                );
                continue;
            };
            if let Err(error) = syn::parse_str::<syn::Type>(rust_type.get_ref()) {
                self.diagnostics.push(
                    Diagnostic::error(
                        self.file,
                        rust_type.span(),
                        format!("`{}` is not a Rust type", rust_type.get_ref()),
                    )
                    .with_label(error.to_string()),
                );
                continue;
            }
            types.insert(primitive, rust_type.into_inner());
        }
        types
    }

    /// One `[models.Name]` table and its fields.
    fn model(&mut self, name: Spanned<String>, raw: RawModel) -> ModelOverrides {
        let fields = raw
            .fields
            .into_iter()
            .map(|(field_name, raw_field)| {
                let key = field_name.get_ref().clone();
                (key, self.field(field_name, raw_field))
            })
            .collect();
        ModelOverrides {
            name: self.locate(name),
            composition: raw.composition,
            fields,
        }
    }

    /// One field's overrides: its type parsed, its enum values checked for duplicates.
    fn field(&mut self, name: Spanned<String>, raw: RawField) -> FieldOverride {
        let type_expr =
            raw.type_expr
                .and_then(|written| match parse_type_expr(written.get_ref()) {
                    Ok(expr) => Some(Located {
                        value: expr,
                        file: self.file,
                        span: written.span(),
                    }),
                    Err(error) => {
                        let span = span_in_string(
                            self.text,
                            written.span(),
                            written.get_ref(),
                            error.span,
                        );
                        self.diagnostics.push(
                            Diagnostic::error(self.file, span, "malformed type")
                                .with_label(error.message),
                        );
                        None
                    }
                });
        let enum_values = raw.enum_values.map(|values| {
            let mut seen = BTreeSet::new();
            for value in &values {
                if !seen.insert(value.get_ref().clone()) {
                    self.diagnostics.push(
                        Diagnostic::error(
                            self.file,
                            value.span(),
                            format!("duplicate enum value `{}`", value.get_ref()),
                        )
                        .with_label("already listed"),
                    );
                }
            }
            values.into_iter().map(|value| self.locate(value)).collect()
        });
        FieldOverride {
            name: self.locate(name),
            wire_name: raw.wire_name.map(|value| self.locate(value)),
            rust_name: raw.rust_name.map(|value| self.locate(value)),
            type_expr,
            enum_values,
        }
    }

    /// Whether `written` is one of `known` (the choices of a `what`); an error when not.
    fn is_one_of(&mut self, written: &Spanned<String>, what: &str, known: &[&str]) -> bool {
        let found = known.contains(&written.get_ref().as_str());
        if !found {
            self.diagnostics.push(
                Diagnostic::error(
                    self.file,
                    written.span(),
                    format!("`{}` is not a {what}", written.get_ref()),
                )
                .with_label(format!("unknown {what}"))
                .with_note(format!("the choices are {}", known.join(", "))),
            );
        }
        found
    }

    /// One `[operations.Group]` table: each operation's accept type and parameter overrides.
    fn operations(
        &mut self,
        raw: BTreeMap<Spanned<String>, RawOperation>,
    ) -> BTreeMap<String, OperationOverrides> {
        raw.into_iter()
            .map(|(operation, raw_operation)| {
                let parameters = raw_operation
                    .parameters
                    .into_iter()
                    .map(|(parameter, raw_parameter)| {
                        let name = parameter.get_ref().clone();
                        let located = ParameterOverride {
                            name: self.locate(parameter),
                            wire_name: raw_parameter.wire_name.map(|value| self.locate(value)),
                            place: raw_parameter.place,
                        };
                        (name, located)
                    })
                    .collect();
                let name = operation.get_ref().clone();
                let accept = raw_operation
                    .accept
                    .map(|accept| self.locate(accept))
                    .filter(|accept| self.is_media_type(accept));
                let overrides = OperationOverrides {
                    name: self.locate(operation),
                    accept,
                    parameters,
                };
                (name, overrides)
            })
            .collect()
    }
}

/// Where the bytes `inner` of a string value lie in the config `source`, the string being written
/// at `written`: exact when the string is written as it reads (one quote each side, no escapes),
/// else the whole string, since escapes and `"""` move its bytes.
fn span_in_string(
    source: &str,
    written: Range<usize>,
    value: &str,
    inner: Range<usize>,
) -> Range<usize> {
    let literal = source
        .get(written.clone())
        .and_then(|quoted| quoted.get(1..quoted.len().checked_sub(1)?))
        .is_some_and(|unquoted| unquoted == value && written.len() == value.len() + 2);
    if literal {
        let start = written.start + 1 + inner.start;
        start..start + inner.len().max(1)
    } else {
        written
    }
}

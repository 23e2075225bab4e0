//! Builds the [`TypeModel`] from parsed pages and the config: resolves references, applies
//! overrides, names everything, finds the references that need a `Box`, and reports every
//! semantic problem (duplicates, unknown types, name collisions, stale overrides).

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};

use rayon::prelude::*;
use std::ops::Range;

use super::cycles::components;
use super::features::assign_features;
use super::listing::listing;
use super::operations::build_operations;
use super::shared::{MAX_TYPE_DEPTH, enum_type, suggest};
use super::{
    AdditionalProperties, BaseType, Container, EnumKind, EnumType, Fact, Field, FieldType, Model,
    ModelKind, OneOfType, OneOfVariant, Package, Primitive, Region, TypeModel,
};
use crate::config::{Config, FieldOverride, Located};
use crate::diagnostic::{Diagnostic, FileId, Sources};
use crate::naming;
use crate::parse::{
    Leaf, ModelPage, OneOf, OperationPage, PropertyRow, Spanned, TypeExpr, grammar_word,
};

/// The default primitive -> Rust type table.
fn default_rust_type(primitive: Primitive) -> &'static str {
    match primitive {
        Primitive::String => "::std::string::String",
        Primitive::Integer => "i64",
        Primitive::Float => "f64",
        Primitive::Boolean => "bool",
        Primitive::Date => "::jiff::civil::Date",
        Primitive::DateTime => "::jiff::Timestamp",
        Primitive::Any => "::serde_json::Value",
        Primitive::LocalDateTime => "::jiff::civil::DateTime",
        Primitive::YearMonth => "::std::string::String",
        // An integer or a float: kept exactly as sent (`5` stays `5`, `2.5` stays `2.5`);
        // `f64` would rewrite integers, `i64` reject fractions.
        Primitive::Number => "::serde_json::Number",
    }
}

/// Whether any field, parameter or return type is a bare `number` (TypeScript's): only then does
/// the type table list it, so that the tables of docs that never write it stay as they were.
fn uses_number(models: &[Model], operations: &[super::OperationGroup]) -> bool {
    let number = BaseType::Primitive(Primitive::Number);
    let fields = models.iter().flat_map(|model| {
        model
            .fields
            .iter()
            .map(|field| &field.ty)
            .chain(model.additional_properties.iter().map(|extra| &extra.ty))
    });
    let operations = operations
        .iter()
        .flat_map(|group| &group.operations)
        .flat_map(|operation| {
            operation
                .parameters
                .iter()
                .map(|parameter| &parameter.ty)
                .chain(&operation.returns)
        });
    fields.chain(operations).any(|ty| ty.base == number)
}

/// Builds the type model. `default_crate_name` names the crate when the config has no
/// `[package]`. Problems are appended to `diagnostics`; when any is an error the returned model is
/// incomplete and must not be emitted.
pub fn build_model(
    pages: &[ModelPage],
    operations: &[OperationPage],
    config: &Config,
    sources: &Sources,
    default_crate_name: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> TypeModel {
    let mut builder = Builder {
        config,
        sources,
        diagnostics,
        rust_names: Cow::Owned(HashMap::new()),
    };
    let pages = builder.index_pages(pages);
    builder.name_pages(&pages);
    builder.check_stale_overrides(&pages);
    let typed: Vec<&ModelPage> = pages
        .values()
        .copied()
        .filter(|page| builder.defines_a_type(page))
        .collect();
    // Each model is built on its own (in parallel), with its own diagnostics, appended in order.
    let (config_ref, sources_ref, names) = (builder.config, builder.sources, &*builder.rust_names);
    let built: Vec<(Model, Vec<Diagnostic>)> = typed
        .par_iter()
        .map(|page| {
            let mut model_diagnostics = Vec::new();
            let mut one = Builder {
                config: config_ref,
                sources: sources_ref,
                diagnostics: &mut model_diagnostics,
                rust_names: Cow::Borrowed(names),
            };
            let model = one.build_one(page, &pages);
            (model, model_diagnostics)
        })
        .collect();
    let mut models = Vec::with_capacity(built.len());
    for (model, model_diagnostics) in built {
        builder.diagnostics.extend(model_diagnostics);
        models.push(model);
    }
    box_cycles(&mut models);
    mark_defaults(&mut models, &config.types);
    let error_model = builder.error_model(&pages);
    let named_types: HashMap<&str, (Vec<Container>, BaseType)> = pages
        .keys()
        .filter_map(|&name| Some((name, builder.stands_for(name, &pages).ok()?)))
        .collect();
    let operations = build_operations(
        operations,
        &named_types,
        &models,
        config.wire_case,
        &config.operations,
        sources,
        builder.diagnostics,
    );
    if !operations.is_empty() {
        for model in &mut models {
            model.listing = listing(model);
        }
    }
    let features = assign_features(&mut models, &operations, error_model.as_deref());

    let package = match &config.package {
        Some(package) => Package {
            name: package.name.clone(),
            version: package.version.clone(),
            description: package.description.clone(),
            license: package.license.clone(),
        },
        None => Package {
            name: default_crate_name.to_owned(),
            version: "0.1.0".to_owned(),
            description: format!(
                "Types generated from the {default_crate_name} Markdown model docs"
            ),
            license: None,
        },
    };
    let numbers_used = uses_number(&models, &operations);
    let rust_types: BTreeMap<Primitive, String> = Primitive::ALL
        .into_iter()
        .filter(|&primitive| {
            primitive != Primitive::Number || numbers_used || config.types.contains_key(&primitive)
        })
        .map(|primitive| {
            let rust = config
                .types
                .get(&primitive)
                .cloned()
                .unwrap_or_else(|| default_rust_type(primitive).to_owned());
            (primitive, rust)
        })
        .collect();
    TypeModel {
        package,
        dependencies: dependencies(&rust_types, !operations.is_empty(), config),
        rust_types,
        models,
        features,
        operations,
        regions: config
            .regions
            .iter()
            .map(|region| Region {
                name: region.name.value.clone(),
                variant: naming::region_variant(&region.name.value),
                api_host: region.api.clone(),
                login_host: region.login.clone(),
            })
            .collect(),
    }
}

/// serde and serde_json always; jiff when the type table uses it; http and the optional reqwest
/// when there are operations; then the config's own.
fn dependencies(
    rust_types: &BTreeMap<Primitive, String>,
    has_operations: bool,
    config: &Config,
) -> BTreeMap<String, toml::Value> {
    let mut dependencies = BTreeMap::new();
    let with_features = |version: &str, features: &[&str]| {
        let mut table = toml::Table::new();
        table.insert("version".to_owned(), version.into());
        table.insert(
            "features".to_owned(),
            features
                .iter()
                .map(|&feature| toml::Value::from(feature))
                .collect::<Vec<_>>()
                .into(),
        );
        toml::Value::Table(table)
    };
    dependencies.insert("serde".to_owned(), toml::Value::from("1"));
    dependencies.insert("serde_json".to_owned(), toml::Value::from("1"));
    if rust_types
        .values()
        .any(|rust| rust.contains("::jiff::") || rust.starts_with("jiff::"))
    {
        dependencies.insert("jiff".to_owned(), with_features("1", &["serde"]));
    }
    if has_operations {
        // The request runtime's types; the optional client's HTTP stack, timer and async mutex
        // (`client`), and its spans (`tracing`).
        dependencies.insert("http".to_owned(), toml::Value::from("1"));
        let optional = |version: &str, features: &[&str]| {
            let mut table = toml::Table::new();
            table.insert("version".to_owned(), version.into());
            table.insert("default-features".to_owned(), false.into());
            table.insert("features".to_owned(), features.to_vec().into());
            table.insert("optional".to_owned(), true.into());
            toml::Value::Table(table)
        };
        dependencies.insert("reqwest".to_owned(), optional("0.12", &["rustls-tls"]));
        dependencies.insert("tokio".to_owned(), optional("1", &["time", "sync"]));
        dependencies.insert("tracing".to_owned(), optional("0.1", &["std"]));
    }
    for (name, value) in &config.dependencies {
        dependencies.insert(name.clone(), value.clone());
    }
    dependencies
}

struct Builder<'a, 'd> {
    config: &'a Config,
    sources: &'a Sources,
    diagnostics: &'d mut Vec<Diagnostic>,
    /// Model name -> its Rust type and module names, computed once (and borrowed by the builders
    /// of single models).
    rust_names: Cow<'a, HashMap<String, RustNames>>,
}

/// The Rust names of one model, and what its page is.
#[derive(Clone)]
struct RustNames {
    type_name: String,
    module: String,
    kind: PageKind,
}

/// Why a name stands for no type.
enum Unresolved {
    /// No page has this name.
    Unknown(String),
    /// The alias page of this name leads back to itself.
    Loop(String),
}

/// What a page defines, as its references see it.
#[derive(Clone, Copy)]
enum PageKind {
    /// A struct.
    Struct,
    /// An open enum.
    Enum,
    /// No type of its own: an enum page of literals stands for their primitive; a composition
    /// without properties (a oneOf of non-objects) for any JSON value.
    Literals(Primitive),
    /// No type of its own: an alias page stands for the type it names ([`ModelPage::alias`]).
    Alias,
}

impl<'p> Builder<'_, '_> {
    /// Pages by model name, reporting duplicates (names equal but for letter case count as one, see
    /// [`naming`]) and names that cannot become Rust names.
    fn index_pages(&mut self, pages: &'p [ModelPage]) -> BTreeMap<&'p str, &'p ModelPage> {
        let mut by_name: BTreeMap<&str, &ModelPage> = BTreeMap::new();
        let mut by_folded_name: HashMap<String, &ModelPage> = HashMap::new();
        for page in pages {
            let name = page.name.value.as_str();
            if !naming::is_model_name(name) {
                self.diagnostics.push(
                    Diagnostic::error(
                        page.file,
                        page.name.span.clone(),
                        format!("`{name}` cannot become a Rust type name"),
                    )
                    .with_label(
                        "a model name must be letters, digits and `_`, with a letter or a digit",
                    ),
                );
                continue;
            }
            if let Some(first) = by_folded_name.get(&name.to_ascii_lowercase()) {
                let note = format!(
                    "first defined in {}",
                    self.place(first.file, &first.name.span)
                );
                let mut diagnostic = if first.name.value == name {
                    Diagnostic::error(
                        page.file,
                        page.name.span.clone(),
                        format!("model `{name}` is defined twice"),
                    )
                } else {
                    Diagnostic::error(
                        page.file,
                        page.name.span.clone(),
                        format!(
                            "models `{}` and `{name}` differ only in letter case",
                            first.name.value
                        ),
                    )
                    .with_note("their files would be one file on case-insensitive file systems, in the docs folder and in the generated crate")
                };
                diagnostic = diagnostic.with_label("second definition").with_note(note);
                self.diagnostics.push(diagnostic);
                continue;
            }
            by_folded_name.insert(name.to_ascii_lowercase(), page);
            by_name.insert(name, page);
        }
        by_name
    }

    /// Whether a page defines a Rust type of its own (enum pages of literals, alias pages and bare
    /// compositions do not: their references are what they stand for).
    fn defines_a_type(&self, page: &ModelPage) -> bool {
        self.rust_names
            .get(&page.name.value)
            .is_some_and(|names| matches!(names.kind, PageKind::Struct | PageKind::Enum))
    }

    /// A page codegen.toml marks as a composition whose table has no rows: the pydantic templates
    /// document a oneOf / anyOf of non-objects (`IntOrString`) so. Its JSON is not an object.
    fn is_bare_composition(&self, page: &ModelPage) -> bool {
        page.enum_values.is_none()
            && page.properties.is_empty()
            && page.additional_properties.is_none()
            && self.is_composition(page)
    }

    /// Whether the page documents a oneOf / anyOf as the union of its variants' properties:
    /// codegen.toml marks it so, or another folder's page shows it.
    fn is_composition(&self, page: &ModelPage) -> bool {
        let marked = (self.config.models.get(&page.name.value))
            .is_some_and(|overrides| overrides.composition);
        marked
            || page
                .taken
                .iter()
                .any(|taken| taken.fact == Fact::Composition)
    }

    /// The Rust names of every page and what it defines: collision-free by construction (see
    /// [`naming`]), so nothing here can clash.
    fn name_pages(&mut self, pages: &BTreeMap<&str, &ModelPage>) {
        for page in pages.values() {
            if let Some(listed) = &page.one_of
                && let Some(missing) = missing_variant(listed, pages)
            {
                self.diagnostics.push(
                    Diagnostic::warning(
                        page.file,
                        listed.span.clone(),
                        format!(
                            "the variant `{missing}` of `{}` has no page",
                            page.name.value
                        ),
                    )
                    .with_label("read as any JSON value: not every variant is known"),
                );
            }
            let names = RustNames {
                type_name: naming::type_name(&page.name.value),
                module: naming::module_name(&page.name.value),
                kind: match (&page.enum_values, literal_enum(page)) {
                    _ if one_of(page, pages).is_some() => PageKind::Struct,
                    _ if page.alias.is_some() => PageKind::Alias,
                    _ if self.is_bare_composition(page) => PageKind::Literals(Primitive::Any),
                    (_, Some(primitive)) => PageKind::Literals(primitive),
                    (Some(_), None) => PageKind::Enum,
                    (None, None) => PageKind::Struct,
                },
            };
            self.rust_names
                .to_mut()
                .insert(page.name.value.clone(), names);
        }
    }

    /// Overrides that name a model or field the spec does not have.
    fn check_stale_overrides(&mut self, pages: &BTreeMap<&str, &ModelPage>) {
        for (model_name, overrides) in &self.config.models {
            let Some(page) = pages.get(model_name.as_str()) else {
                let hint = suggest(model_name, pages.keys().copied());
                self.override_error(
                    &overrides.name,
                    format!("codegen.toml names model `{model_name}`, which no page defines"),
                    hint,
                );
                continue;
            };
            for (field_name, field) in &overrides.fields {
                if !page
                    .properties
                    .iter()
                    .any(|row| &row.name.value == field_name)
                {
                    let hint = suggest(
                        field_name,
                        page.properties.iter().map(|row| row.name.value.as_str()),
                    );
                    self.override_error(&field.name, format!("codegen.toml names field `{model_name}.{field_name}`, which the page does not have"), hint);
                }
            }
        }
    }

    /// The Rust name of the model `[client] error_model` names; an error where no page defines
    /// a model of that name.
    fn error_model(&mut self, pages: &BTreeMap<&str, &ModelPage>) -> Option<String> {
        let named = self.config.error_model.as_ref()?;
        let page = pages
            .get(named.value.as_str())
            .filter(|page| self.defines_a_type(page));
        match page {
            Some(page) => Some(self.rust_names[&page.name.value].type_name.clone()),
            None => {
                let hint = suggest(&named.value, pages.keys().copied());
                self.override_error(
                    named,
                    format!(
                        "codegen.toml names `{}` the error model, which no page defines",
                        named.value
                    ),
                    hint,
                );
                None
            }
        }
    }

    fn override_error(&mut self, at: &Located<String>, message: String, hint: Option<String>) {
        let mut diagnostic =
            Diagnostic::error(at.file, at.span.clone(), message).with_label("unknown name");
        if let Some(hint) = hint {
            diagnostic = diagnostic.with_note(hint);
        }
        self.diagnostics.push(diagnostic);
    }

    fn build_one(&mut self, page: &ModelPage, pages: &BTreeMap<&str, &ModelPage>) -> Model {
        let model_name = page.name.value.as_str();
        let rust_name = self.rust_names[model_name].type_name.clone();
        let overrides = self.config.models.get(model_name);
        let mut fields = Vec::new();
        let mut enums = Vec::new();
        let mut seen: HashMap<&str, &PropertyRow> = HashMap::new();
        let mut rust_names: HashMap<String, &PropertyRow> = HashMap::new();
        let mut wire_names: HashMap<String, &PropertyRow> = HashMap::new();
        // A oneOf / anyOf's page may also print its variants' union: its model is one of them.
        let properties = match one_of(page, pages) {
            Some(_) => &[][..],
            None => page.properties.as_slice(),
        };
        for row in properties {
            let doc_name = row.name.value.as_str();
            // A Name column that is the JSON name may be any name: the field's Rust name is
            // spelled from it (`naming::field_name`).
            if row.wire_name.is_none() && !naming::is_property_name(doc_name) {
                self.diagnostics.push(
                    Diagnostic::error(
                        page.file,
                        row.name.span.clone(),
                        format!("`{doc_name}` cannot become a Rust field name"),
                    )
                    .with_label("a property name needs a letter or a digit"),
                );
                continue;
            }
            if let Some(first) = seen.insert(doc_name, row) {
                let note = format!("first at {}", self.place(page.file, &first.name.span));
                self.diagnostics.push(
                    Diagnostic::error(
                        page.file,
                        row.name.span.clone(),
                        format!("field `{doc_name}` appears twice in `{model_name}`"),
                    )
                    .with_label("second row")
                    .with_note(note),
                );
                continue;
            }
            let field_override = overrides.and_then(|model| model.fields.get(doc_name));
            let field = self.build_field(page, row, field_override, pages, &mut enums);
            for (names, name, what) in [
                (&mut rust_names, &field.rust_name, "Rust"),
                (&mut wire_names, &field.wire_name, "JSON"),
            ] {
                if let Some(other) = names.insert(name.clone(), row) {
                    let note = format!(
                        "`{}` ({}) gets it too",
                        other.name.value,
                        self.place(page.file, &other.name.span)
                    );
                    self.diagnostics.push(
                        Diagnostic::error(
                            page.file,
                            row.name.span.clone(),
                            format!("field `{doc_name}` of `{model_name}` would get the {what} name `{name}`, which is taken"),
                        )
                        .with_label("name collision")
                        .with_note(note)
                        .with_note("rename one of them in codegen.toml (`rust_name` or `wire_name`)"),
                    );
                }
            }
            fields.push(field);
        }
        let source = self
            .sources
            .get(page.file)
            .path
            .file_name()
            .map(|name| name.to_string_lossy().into_owned())
            .unwrap_or_default();
        let additional_properties = (page.additional_properties.as_ref())
            .filter(|_| one_of(page, pages).is_none())
            .map(|row| {
                let expr = &row.type_expr.value;
                let (containers, base) = self.resolve(
                    expr,
                    page.file,
                    row.leaf_span.clone(),
                    pages,
                    model_name,
                    &row.name.value,
                );
                AdditionalProperties {
                    rust_name: naming::EXTRA_KEYS_FIELD.to_owned(),
                    ty: FieldType { containers, base },
                    description: row.description.clone(),
                }
            });
        let kind = match (&page.enum_values, one_of(page, pages)) {
            (_, Some(one_of)) => ModelKind::OneOf(self.one_of_type(page, one_of, pages)),
            (Some(values), None) => ModelKind::Enum(enum_type(
                rust_name.clone(),
                "",
                enum_kind(values.primitive).unwrap_or_default(),
                values.values.iter().map(|value| value.value.as_str()),
            )),
            (None, None) => ModelKind::Struct,
        };
        Model {
            name: model_name.to_owned(),
            module: self.rust_names[model_name].module.clone(),
            has_default: kind.is_struct(),
            rust_name,
            source,
            description: page.description.clone(),
            kind,
            fields,
            additional_properties,
            enums,
            features: Vec::new(),
            taken: page.taken.clone(),
            listing: None,
        }
    }

    /// The variants of a oneOf / anyOf page's model, resolved as fields' types, in the page's
    /// order but any JSON value last; a type listed twice is one variant.
    fn one_of_type(
        &mut self,
        page: &ModelPage,
        listed: &Spanned<OneOf>,
        pages: &BTreeMap<&str, &ModelPage>,
    ) -> OneOfType {
        let mut types: Vec<&TypeExpr> = Vec::new();
        for variant in &listed.value.variants {
            if !types.contains(&variant) {
                types.push(variant);
            }
        }
        // Any JSON value reads every document: tried last.
        types.sort_by_key(|expr| {
            expr.containers.is_empty() && expr.leaf == Leaf::Primitive(Primitive::Any)
        });
        let names = naming::one_of_variant_names(types.iter().map(|expr| {
            let containers = (expr.containers.iter())
                .map(|container| match container {
                    Container::List => "List",
                    Container::Map => "Map",
                })
                .collect();
            let leaf = match &expr.leaf {
                Leaf::Primitive(primitive) => primitive.name(),
                Leaf::Named(name) => name.as_str(),
            };
            (containers, leaf)
        }));
        let discriminator = listed.value.discriminator.as_ref();
        let variants = types
            .into_iter()
            .zip(names)
            .map(|(expr, rust_name)| {
                let (containers, base) = self.resolve(
                    expr,
                    page.file,
                    listed.span.clone(),
                    pages,
                    &page.name.value,
                    "oneOf",
                );
                let tags = match (discriminator, &expr.leaf) {
                    (Some(discriminator), Leaf::Named(model)) if expr.containers.is_empty() => {
                        let mapped: Vec<String> = (discriminator.mapping.iter())
                            .filter(|(_, target)| target == model)
                            .map(|(tag, _)| tag.clone())
                            .collect();
                        if mapped.is_empty() {
                            vec![model.clone()]
                        } else {
                            mapped
                        }
                    }
                    _ => Vec::new(),
                };
                let by_fields = match &expr.leaf {
                    Leaf::Named(name) if expr.containers.is_empty() => (pages.get(name.as_str()))
                        .is_some_and(|page| {
                            self.defines_a_type(page)
                                && page.enum_values.is_none()
                                && one_of(page, pages).is_none()
                        }),
                    _ => false,
                };
                OneOfVariant {
                    rust_name,
                    by_fields,
                    ty: FieldType { containers, base },
                    tags,
                }
            })
            .collect();
        OneOfType {
            variants,
            discriminator: discriminator.map(|discriminator| {
                self.discriminator_wire_name(&discriminator.property, &listed.value, pages)
            }),
            catch_all: naming::CATCH_ALL.to_owned(),
        }
    }

    /// The JSON name of a oneOf's discriminator `property` as a page names it: the name of the
    /// property of that name of the first variant model that has one (`php-nextgen` names
    /// the discriminator as its Name column does, `shape_type` for `shapeType`), else the name
    /// as written.
    fn discriminator_wire_name(
        &self,
        property: &str,
        one_of: &OneOf,
        pages: &BTreeMap<&str, &ModelPage>,
    ) -> String {
        let variant_pages = (one_of.variants.iter()).filter_map(|variant| match &variant.leaf {
            Leaf::Named(name) => pages.get(name.as_str()),
            Leaf::Primitive(_) => None,
        });
        variant_pages
            .flat_map(|page| &page.properties)
            .find(|row| row.name.value == property || row.api_name == property)
            .map_or_else(
                || property.to_owned(),
                |row| {
                    (row.wire_name.clone())
                        .unwrap_or_else(|| naming::wire_name(&row.api_name, self.config.wire_case))
                },
            )
    }

    /// A field's Rust name: the override's, when it is a Rust identifier (else reported), or
    /// the one the naming rule makes of its JSON name as the rule spells it.
    fn field_rust_name(
        &mut self,
        field_override: Option<&FieldOverride>,
        rule_wire_name: &str,
    ) -> String {
        match field_override.and_then(|o| o.rust_name.as_ref()) {
            Some(name) if naming::is_field_name(&name.value) => name.value.clone(),
            Some(name) => {
                self.diagnostics.push(
                    Diagnostic::error(
                        name.file,
                        name.span.clone(),
                        format!("`{}` is not a Rust identifier", name.value),
                    )
                    .with_label("invalid rust_name")
                    .with_note("keywords need `r#` (`r#type`); `self`, `Self`, `crate`, `super`, `_` and `additional_properties_` (the map of other keys) cannot be field names"),
                );
                naming::field_name(rule_wire_name)
            }
            None => naming::field_name(rule_wire_name),
        }
    }

    fn build_field(
        &mut self,
        page: &ModelPage,
        row: &PropertyRow,
        field_override: Option<&FieldOverride>,
        pages: &BTreeMap<&str, &ModelPage>,
        enums: &mut Vec<EnumType>,
    ) -> Field {
        let doc_name = row.name.value.as_str();
        let composition = self.is_composition(page);
        let rule_wire_name = row
            .wire_name
            .clone()
            .unwrap_or_else(|| naming::wire_name(&row.api_name, self.config.wire_case));
        let wire_name = field_override
            .and_then(|o| o.wire_name.as_ref())
            .map_or(rule_wire_name.clone(), |o| o.value.clone());
        let rust_name = self.field_rust_name(field_override, &rule_wire_name);
        // The span of the whole type, and of the name of its innermost type.
        let (expr, file, span, leaf_span) = match field_override.and_then(|o| o.type_expr.as_ref())
        {
            Some(expr) => (
                expr.value.clone(),
                expr.file,
                expr.span.clone(),
                expr.span.clone(),
            ),
            None => (
                row.type_expr.value.clone(),
                page.file,
                row.type_expr.span.clone(),
                row.leaf_span.clone(),
            ),
        };
        let (containers, mut base) =
            self.resolve(&expr, file, leaf_span, pages, &page.name.value, doc_name);
        if containers.len() > MAX_TYPE_DEPTH {
            self.diagnostics.push(
                Diagnostic::error(
                    file,
                    span,
                    format!(
                        "the type of field `{}.{doc_name}` is nested {} deep, more than {MAX_TYPE_DEPTH}",
                        page.name.value,
                        containers.len()
                    ),
                )
                .with_label("too many nested `list[...]` / `dict(str, ...)`")
                .with_note(format!(
                    "the generated Rust type would be too deep to compile; at most {MAX_TYPE_DEPTH} levels are supported"
                )),
            );
        }

        // The field's values: an override's, else those its page lists (Java's enum tables).
        let override_values = field_override.and_then(|o| o.enum_values.as_ref());
        let mut description = row.description.clone();
        // A composition's page lists one variant's values of a property the variants share
        // (`action` of `ContinueWith`): its plain type keeps every variant's.
        let listed = row.enum_values.as_ref().filter(|listed| {
            if composition {
                let values: Vec<String> = (listed.values.iter())
                    .map(|value| format!("`{}`", value.value))
                    .collect();
                description.push_str(&format!(
                    "\n\nThe docs list {} for it, the values of one variant of this \
                     composition: it is read as its plain type, not an enum of them.",
                    values.join(", ")
                ));
            }
            !composition
        });
        let values: Option<Vec<&str>> = match override_values {
            Some(values) => Some(values.iter().map(|value| value.value.as_str()).collect()),
            None => listed.map(|listed| {
                listed
                    .values
                    .iter()
                    .map(|value| value.value.as_str())
                    .collect()
            }),
        };
        if let Some(values) = values
            && let Some(enum_type) = self.own_enum(
                values,
                override_values,
                &base,
                (&rust_name, doc_name),
                &expr,
            )
        {
            base = BaseType::Enum {
                rust_name: enum_type.rust_name.clone(),
            };
            enums.push(enum_type);
        }
        // A composition's page documents one variant's type for a field that each variant may
        // shape differently (`flow` of `ContinueWith`): any JSON value keeps every variant's.
        if composition && let BaseType::Model { rust_name, .. } = &base {
            description.push_str(&format!(
                "\n\nThe docs give it a type of the model `{rust_name}`, but the variants of this \
                 composition shape it differently: it is read as any JSON value."
            ));
            base = BaseType::Primitive(Primitive::Any);
        }
        // Any JSON value holds `null` already: it needs no mark.
        let holds_null = containers.is_empty() && base == BaseType::Primitive(Primitive::Any);
        Field {
            doc_name: doc_name.to_owned(),
            rust_name,
            wire_name,
            ty: FieldType { containers, base },
            required: row.required && !composition,
            required_unknown: row.required_unknown,
            nullable: row.nullable && !holds_null,
            description,
            taken: row.taken.clone(),
        }
    }

    /// The own enum of the field `names` (its Rust and docs names) of `values`: an override's
    /// (`override_values`), for a string field, or its page's, of the field's primitive (strings,
    /// integers or numbers). `None` when `base` holds no such values, an override's reported.
    fn own_enum(
        &mut self,
        values: Vec<&str>,
        override_values: Option<&Vec<Located<String>>>,
        base: &BaseType,
        (rust_name, doc_name): (&str, &str),
        expr: &TypeExpr,
    ) -> Option<EnumType> {
        let kind = match base {
            BaseType::Primitive(primitive) => enum_kind(*primitive),
            _ => None,
        }
        .filter(|kind| kind.is_string() || override_values.is_none());
        if let Some(kind) = kind {
            return Some(enum_type(
                naming::enum_name(rust_name),
                doc_name,
                kind,
                values.into_iter(),
            ));
        }
        if let Some(first) = override_values.and_then(|values| values.first()) {
            self.diagnostics.push(
                Diagnostic::error(
                    first.file,
                    first.span.clone(),
                    format!("enum values for field `{doc_name}` of type `{expr}`"),
                )
                .with_label("enum values need a `str` field (or a list or dict of `str`)"),
            );
        }
        None
    }

    /// The containers and base type of a type expression, alias pages expanded
    /// (`list[AnimalFarm]` with `AnimalFarm` = `list[Animal]` is `list[list[Animal]]`).
    fn resolve(
        &mut self,
        expr: &TypeExpr,
        file: FileId,
        span: Range<usize>,
        pages: &BTreeMap<&str, &ModelPage>,
        model_name: &str,
        field_name: &str,
    ) -> (Vec<Container>, BaseType) {
        let mut containers = expr.containers.clone();
        let name = match &expr.leaf {
            Leaf::Primitive(primitive) => return (containers, BaseType::Primitive(*primitive)),
            Leaf::Named(name) => name,
        };
        let base = match self.stands_for(name, pages) {
            Ok((more, base)) => {
                containers.extend(more);
                base
            }
            Err(Unresolved::Loop(alias)) => {
                self.diagnostics.push(
                    Diagnostic::warning(
                        file,
                        span,
                        format!("the alias page `{alias}` names itself, through field `{model_name}.{field_name}`"),
                    )
                    .with_label("read as any JSON value (`serde_json::Value`)"),
                );
                BaseType::Primitive(Primitive::Any)
            }
            Err(Unresolved::Unknown(name)) => {
                let candidates = pages
                    .keys()
                    .copied()
                    .chain(Primitive::ALL.map(grammar_word));
                let mut diagnostic = Diagnostic::error(
                    file,
                    span,
                    format!("unknown type `{name}` in field `{model_name}.{field_name}`"),
                )
                .with_label("not a primitive, and no page defines a model of this name");
                let hint = self.sources.unread_page_note(&name);
                if let Some(hint) = hint.or_else(|| suggest(&name, candidates)) {
                    diagnostic = diagnostic.with_note(hint);
                }
                self.diagnostics.push(diagnostic);
                BaseType::Primitive(Primitive::Any)
            }
        };
        (containers, base)
    }

    /// What the page name `name` stands for where a type names it: the model or enum its page
    /// defines, or for a page that defines none, what it stands for (an enum page of literals
    /// its primitive, an alias page the type it names, with the containers that adds).
    fn stands_for(
        &self,
        name: &str,
        pages: &BTreeMap<&str, &ModelPage>,
    ) -> Result<(Vec<Container>, BaseType), Unresolved> {
        let mut containers = Vec::new();
        let mut name = name.to_owned();
        for _ in 0..=pages.len() {
            let Some(names) = self.rust_names.get(&name) else {
                return Err(Unresolved::Unknown(name));
            };
            let base = match names.kind {
                PageKind::Struct => BaseType::Model {
                    rust_name: names.type_name.clone(),
                    boxed: false,
                },
                PageKind::Enum => BaseType::SharedEnum {
                    rust_name: names.type_name.clone(),
                },
                PageKind::Literals(primitive) => BaseType::Primitive(primitive),
                PageKind::Alias => {
                    let Some(alias) = pages
                        .get(name.as_str())
                        .and_then(|page| page.alias.as_ref())
                    else {
                        return Err(Unresolved::Loop(name));
                    };
                    containers.extend(alias.value.containers.iter().copied());
                    match &alias.value.leaf {
                        Leaf::Primitive(primitive) => {
                            return Ok((containers, BaseType::Primitive(*primitive)));
                        }
                        Leaf::Named(next) => {
                            name = next.clone();
                            continue;
                        }
                    }
                }
            };
            return Ok((containers, base));
        }
        Err(Unresolved::Loop(name))
    }

    fn place(&self, file: FileId, span: &Range<usize>) -> String {
        let at = self.sources.line_column(file, span.start);
        format!(
            "{}:{}:{}",
            self.sources.get(file).path.display(),
            at.line,
            at.column
        )
    }
}

/// The variants of a oneOf / anyOf page, when it lists any and each is a type (a model's page
/// or a primitive).
fn one_of<'p>(
    page: &'p ModelPage,
    pages: &BTreeMap<&str, &ModelPage>,
) -> Option<&'p Spanned<OneOf>> {
    page.one_of.as_ref().filter(|one_of| {
        !one_of.value.variants.is_empty() && missing_variant(one_of, pages).is_none()
    })
}

/// The first variant of `one_of` that names a model no page defines.
fn missing_variant<'o>(
    one_of: &'o Spanned<OneOf>,
    pages: &BTreeMap<&str, &ModelPage>,
) -> Option<&'o str> {
    one_of
        .value
        .variants
        .iter()
        .find_map(|variant| match &variant.leaf {
            Leaf::Named(name) if !pages.contains_key(name.as_str()) => Some(name.as_str()),
            _ => None,
        })
}

/// The primitive an enum page of literals that are not strings or numbers (`true`, `false`)
/// stands for: such a page is no Rust type of its own, its references are the primitive. `None`
/// for other pages (an enum page of strings or numbers is an open enum).
fn literal_enum(page: &ModelPage) -> Option<Primitive> {
    page.enum_values
        .as_ref()
        .map(|values| values.primitive)
        .filter(|primitive| enum_kind(*primitive).is_none())
}

/// The kind of an open enum of `primitive` values: strings, integers or numbers; `None` for
/// other primitives (an enum of booleans is its primitive).
fn enum_kind(primitive: Primitive) -> Option<EnumKind> {
    match primitive {
        Primitive::String => Some(EnumKind::String),
        Primitive::Integer => Some(EnumKind::Integer),
        Primitive::Float | Primitive::Number => Some(EnumKind::Number),
        _ => None,
    }
}

/// Boxes every direct reference between two models of one strongly connected component.
fn box_cycles(models: &mut [Model]) {
    let index: HashMap<String, usize> = models
        .iter()
        .enumerate()
        .map(|(at, model)| (model.rust_name.clone(), at))
        .collect();
    let edges: Vec<Vec<usize>> = models
        .iter()
        .map(|model| {
            let mut targets: Vec<usize> = model
                .held_types()
                .filter(|ty| ty.containers.is_empty())
                .filter_map(|ty| match &ty.base {
                    BaseType::Model { rust_name, .. } => index.get(rust_name).copied(),
                    _ => None,
                })
                .collect();
            targets.sort_unstable();
            targets.dedup();
            targets
        })
        .collect();
    let component = components(&edges);
    for (at, model) in models.iter_mut().enumerate() {
        for ty in model.held_types_mut().filter(|ty| ty.containers.is_empty()) {
            if let BaseType::Model {
                rust_name, boxed, ..
            } = &mut ty.base
                && let Some(&target) = index.get(rust_name.as_str())
            {
                *boxed = component[target] == component[at];
            }
        }
    }
}

/// A struct implements `Default` unless a required field (not nullable: that one is an `Option`)
/// holds an enum, a boxed reference (a
/// required cycle: its default would never end), a primitive whose Rust type the config replaced
/// (which may have no `Default`), or (transitively) a model without `Default`.
fn mark_defaults(models: &mut [Model], replaced_types: &BTreeMap<Primitive, String>) {
    let index: HashMap<String, usize> = models
        .iter()
        .enumerate()
        .map(|(at, model)| (model.rust_name.clone(), at))
        .collect();
    loop {
        let mut changed = false;
        for at in 0..models.len() {
            if !models[at].has_default {
                continue;
            }
            let blocked = models[at]
                .fields
                .iter()
                .filter(|field| field.required && !field.nullable && field.ty.containers.is_empty())
                .any(|field| match &field.ty.base {
                    BaseType::Enum { .. }
                    | BaseType::SharedEnum { .. }
                    | BaseType::Model { boxed: true, .. } => true,
                    BaseType::Model { rust_name, .. } => index
                        .get(rust_name)
                        .is_some_and(|&target| !models[target].has_default),
                    // `serde_json::Number` has no default.
                    BaseType::Primitive(primitive) => {
                        *primitive == Primitive::Number || replaced_types.contains_key(primitive)
                    }
                });
            if blocked {
                models[at].has_default = false;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
}

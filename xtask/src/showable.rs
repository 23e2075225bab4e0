//! What a docs page genuinely cannot show, told apart from a real failure: the rules `matrix`
//! classifies a cell's disagreements with its spec by.
//!
//! Listed per cell ("not showable"), never failed:
//! - a JSON name the Name column cannot show ([`json_name_is_unshowable`]);
//! - a model whose schema is a `oneOf` / `anyOf`, which the page prints as the union of its
//!   variants' properties ([`crate::oracle::Oracle::union_models`]);
//! - a type that says less than the schema (TypeScript's `number`, a string for a date, any
//!   JSON value for a model: [`crate::oracle::TypeVerdict::SaysLess`]), an inline enum the
//!   template does not list, a required flag the layout does not give: the oracle's own lists;
//! - a model named like a language type, which the template writes as that type, or of which
//!   it writes no page ([`crate::oracle::LANGUAGE_TYPE_NAMES`]);
//! - in a Rust folder, the discriminator property of a model a discriminator maps, which the
//!   4.x template removed from it ([`Kind::MappedDiscriminator`]).
//!
//! Everything else the oracle reports ([`crate::oracle::Mismatch`]) fails the cell, and so does
//! a round trip, unless every difference is on a listed field or model ([`Listed::mask`]).

use std::collections::{BTreeMap, BTreeSet};

use markdown_model_codegen::model::{BaseType, Model, TypeModel};
use markdown_model_codegen::parse::Dialect;
use serde_json::{Map, Value};

use crate::oracle::{Comparison, Mismatch, MismatchKind, Unshown, erased, spells};

/// The words a template puts before a reserved word (or a name that starts with a digit) to
/// escape it, erased (a leading `_`, most templates' escape, is punctuation, which [`erased`]
/// removes): pydantic's `var_class`, Java's and Kotlin's `propertyClass`, C#'s `VarClass`
/// (7.0.1's reserved words, every version's `Var1st`) and `PropertyToJson` (a name that is one
/// of the model class's own methods), Eiffel's `var` (`AbstractEiffelCodegen.toVarName` writes
/// it before a name that starts with `_`, after `sanitizeName` has dropped what comes before it:
/// `var_id` is the JSON `_id` or `var_id`, `var_accent` `é_accent`).
fn keyword_escape_prefixes(dialect: Dialect) -> &'static [&'static str] {
    match dialect.name() {
        "python" | "python-prior" | "python-pydantic" | "eiffel" => &["var"],
        // Kotlin's templates write `class` as `propertyClass` too (7.26.0).
        "java" | "kotlin" => &["property"],
        "csharp" => &["var", "property"],
        _ => &[],
    }
}

/// The word a template puts before a name that starts with a digit, where that is its only
/// escape (Go's `toVarName`: `Var1st` for `1st`; its reserved words need none, as exported
/// names are capitalized).
fn leading_digit_prefix(dialect: Dialect) -> Option<&'static str> {
    match dialect.name() {
        "go" => Some("var"),
        _ => None,
    }
}

/// Whether a field read under the JSON name the oracle calls `oracle` is one whose true name
/// its page cannot show, rather than a wrong name: only when the folder's Name column is not
/// the JSON name (not TypeScript's, whose Name column is the JSON name itself), and the read
/// name (`doc_name`, the Name column, or the API name the dialect reads in it: C# generichost's
/// `TrueProperty` is `True`, Dart's `n2ndPlace` `2ndPlace`) and `oracle` agree once case and
/// punctuation are erased (`links` for `_links`, `XTotalCount` for `x-total-count`, `type` for
/// `@type`), or once special characters are spelled out as openapi-generator's
/// `escapeSpecialCharacters` spells them (`atType` for `@type`, `questionQuestionMark` for
/// `question?`: [`spells`]), or the read name is the template's keyword escape of it
/// (`var_class` for `class`). Where the folder's Name column is the JSON name itself
/// (TypeScript's, Bash's), only a JSON name that is no identifier, which the template rewrites
/// (`AbstractTypeScriptClientCodegen.toVarName`'s `sanitizeName`: `at_type` for `@type`,
/// `x_total_count` for `x-total-count`; Bash's `escapeSpecialCharacters`: `Attype`), and only
/// into a name that spells it. Anything else is a failure.
pub fn json_name_is_unshowable(dialect: Dialect, doc_name: &str, oracle: &str) -> bool {
    if dialect.names_are_json() {
        return !is_identifier(oracle) && spells(&erased(doc_name), oracle);
    }
    let read = erased(doc_name);
    let api_name = erased(&dialect.api_name(doc_name));
    let oracle_erased = erased(oracle);
    let escaped_digit = oracle_erased.starts_with(|c: char| c.is_ascii_digit())
        && leading_digit_prefix(dialect)
            .is_some_and(|prefix| read == format!("{prefix}{oracle_erased}"));
    !oracle_erased.is_empty()
        && (spells(&read, oracle)
            || spells(&api_name, oracle)
            || escaped_digit
            || keyword_escape_prefixes(dialect)
                .iter()
                .any(|prefix| read == format!("{prefix}{oracle_erased}")))
}

/// Whether every template's language keeps `name` as a name: ASCII letters, digits and `_`,
/// not starting with a digit.
fn is_identifier(name: &str) -> bool {
    !name.starts_with(|c: char| c.is_ascii_digit())
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// One thing a cell's pages cannot show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    /// The docs model.
    pub model: String,
    /// What kind of thing (the report groups by it).
    pub kind: Kind,
    /// What cannot be shown, and where.
    pub what: String,
}

/// The kinds of things a page cannot show, in the report's order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    /// A schema used only as a form body, of which the template writes no page.
    FormModel,
    /// A model whose schema is a `oneOf` / `anyOf`.
    Union,
    /// Properties of an `allOf` member the template inherits.
    InheritedProperties,
    /// A JSON name the Name column cannot show.
    JsonName,
    /// Enum values the template does not list.
    EnumValues,
    /// A bare `number`.
    UnsaidNumber,
    /// A string typed by its format as a number.
    FormatOverType,
    /// An enum of numbers the template lists quoted, as strings
    /// ([`crate::oracle::Comparison::quoted_numbers`]).
    QuotedNumbers,
    /// A type that holds more than the schema's values.
    TypeSaysLess,
    /// A required flag the layout does not give.
    RequiredFlag,
    /// `null` the page has no mark of.
    Nullable,
    /// A model named like a language type, which the template writes as that type.
    LanguageType,
    /// The discriminator property of a model a discriminator maps, which the Rust template
    /// removed from the model (4.x `RustClientCodegen.postProcessAllModels`: each mapped
    /// model's `vars.removeIf` the discriminator's name, as the parent's `#[serde(tag = ...)]`
    /// enum writes it; `rust/model_doc.mustache` lists `vars`).
    MappedDiscriminator,
    /// A parameter the spec puts in a header or a cookie, which the page lists like a query
    /// parameter ([`crate::operations_oracle::OperationComparison::unshown`]).
    ParameterPlace,
    /// A cookie parameter of the spec that the page does not list
    /// ([`crate::operations_oracle::is_unlisted_cookie`]).
    UnlistedCookie,
    /// An operation whose form body the page gives as a model of which no page is written
    /// ([`crate::operations_oracle::is_unwritten_form_body`]).
    UnwrittenFormBody,
}

impl Kind {
    /// The kind as the report names it.
    pub fn title(self) -> &'static str {
        match self {
            Kind::FormModel => "schema used only as a form body: no page (skipFormModel)",
            Kind::Union => "oneOf / anyOf: one page for every variant",
            Kind::InheritedProperties => "allOf member's properties not shown (inherited)",
            Kind::JsonName => "JSON name the Name column cannot show",
            Kind::EnumValues => "enum values not listed",
            Kind::UnsaidNumber => "number not said to be an integer or a float",
            Kind::FormatOverType => "string of a decimal format typed as a number (typeMapping)",
            Kind::QuotedNumbers => {
                "enum of numbers listed quoted (a schema named like the number type: \
                 updateCodegenPropertyEnum)"
            }
            Kind::TypeSaysLess => "type that says less than the schema",
            Kind::RequiredFlag => "required flag not given",
            Kind::Nullable => "nullable, no mark of null on the page",
            Kind::LanguageType => {
                "model named like a language type: the template writes the type (typeMapping, \
                 importMapping)"
            }
            Kind::MappedDiscriminator => {
                "discriminator removed from the models it maps (RustClientCodegen 4.x \
                 postProcessAllModels)"
            }
            Kind::ParameterPlace => {
                "parameter in a header or cookie, listed like a query one (api_doc.mustache: \
                 Name | Type | Description | Notes, no place)"
            }
            Kind::UnlistedCookie => {
                "cookie parameter the page does not list (Java retrofit2 7.x: not in the \
                 allParams Java/api_doc.mustache lists; openapi-generator issue #2689)"
            }
            Kind::UnwrittenFormBody => {
                "operation whose form body is a model with no page (python 6.x and \
                 python-experimental 5.x api_doc.handlebars: `### body` links the schema; \
                 skipFormModel)"
            }
        }
    }
}

/// A cell's comparison with its spec, classified: what is listed, and what fails.
#[derive(Debug, Default)]
pub struct Listed {
    /// What the pages cannot show.
    pub items: Vec<Item>,
    /// The real failures.
    pub failures: Vec<String>,
    /// The listed models (whole models the page cannot show).
    models: BTreeSet<String>,
    /// Per docs model, the JSON keys of listed fields: the docs' and the oracle's spellings.
    keys: BTreeMap<String, BTreeSet<String>>,
    /// Per docs model, the JSON names the Name column cannot show: the oracle's, and the docs'
    /// spelling of it.
    respellings: BTreeMap<String, BTreeMap<String, String>>,
    /// The (docs model, JSON key) pairs whose spec values the docs type cannot read: left out
    /// of the spec's documents ([`Listed::leave_out_unreadable`]).
    unreadable: BTreeSet<(String, String)>,
}

impl Listed {
    /// Classifies `comparison` (of a folder of `dialect`); `union_models` are the models whose
    /// schema is a union of variants.
    pub fn classify(dialect: Dialect, comparison: &Comparison, union_models: &[&str]) -> Self {
        let mut listed = Listed::default();
        for model in union_models {
            listed.models.insert((*model).to_owned());
            listed.items.push(Item {
                model: (*model).to_owned(),
                kind: Kind::Union,
                what: format!(
                    "{model}: a oneOf / anyOf, whose page cannot say which variant a document is"
                ),
            });
        }
        for mismatch in &comparison.mismatches {
            listed.classify_mismatch(dialect, comparison, mismatch);
        }
        for model in &comparison.models_only_in_oracle {
            listed
                .failures
                .push(format!("{model}: a schema with properties, no page read"));
        }
        for model in &comparison.form_models_without_page {
            listed.push(
                model,
                Kind::FormModel,
                format!("{model}: used only as a form body, no page written"),
            );
        }
        // Items whose key a round trip loses (the docs model has no field of it, or drops it):
        // excused there.
        for model in &comparison.discriminator_variant_pages {
            listed.push(
                model,
                Kind::Union,
                format!(
                    "{model}: a discriminator base, whose page lists its mapped models, not its \
                     properties"
                ),
            );
        }
        for model in &comparison.language_typed_without_page {
            listed.push(
                model,
                Kind::LanguageType,
                format!("{model}: no page, the template maps the name to its language's type"),
            );
        }
        let losing = [
            (Kind::InheritedProperties, &comparison.inherited_unshown),
            (Kind::FormatOverType, &comparison.format_over_type),
            (Kind::QuotedNumbers, &comparison.quoted_numbers),
            (Kind::Union, &comparison.union_unshown),
            (Kind::LanguageType, &comparison.language_typed),
        ];
        for (kind, items) in losing {
            for item in items {
                listed.push_keyed(kind, item);
            }
        }
        // Values its type does not read: left out of the spec's documents.
        for item in comparison
            .format_over_type
            .iter()
            .chain(&comparison.quoted_numbers)
            .chain(&comparison.language_typed)
        {
            listed
                .unreadable
                .insert((item.model.clone(), item.key.clone()));
        }
        for item in &comparison.nullable_unshown {
            listed.push(&item.model, Kind::Nullable, item.to_string());
        }
        let lists = [
            (Kind::EnumValues, &comparison.enums_the_docs_do_not_list),
            (Kind::UnsaidNumber, &comparison.numbers_of_unsaid_kind),
            (Kind::TypeSaysLess, &comparison.types_that_say_less),
            (Kind::RequiredFlag, &comparison.required_unsaid),
        ];
        for (kind, entries) in lists {
            for entry in entries {
                let model = entry.split('.').next().unwrap_or_default();
                listed.push(model, kind, entry.clone());
            }
        }
        listed.items.sort_by_key(|item| item.kind);
        listed
    }

    /// Lists `item`, and its key as one a round trip may lose.
    fn push_keyed(&mut self, kind: Kind, item: &Unshown) {
        self.keys
            .entry(item.model.clone())
            .or_default()
            .insert(item.key.clone());
        self.push(&item.model, kind, item.to_string());
    }

    fn push(&mut self, model: &str, kind: Kind, what: String) {
        self.items.push(Item {
            model: model.to_owned(),
            kind,
            what,
        });
    }

    /// The items by kind, in the report's order, with their count.
    pub fn by_kind(&self) -> Vec<(Kind, Vec<&Item>)> {
        let mut groups: Vec<(Kind, Vec<&Item>)> = Vec::new();
        for item in &self.items {
            match groups.last_mut() {
                Some((kind, items)) if *kind == item.kind => items.push(item),
                _ => groups.push((item.kind, vec![item])),
            }
        }
        groups
    }

    fn classify_mismatch(
        &mut self,
        dialect: Dialect,
        comparison: &Comparison,
        mismatch: &Mismatch,
    ) {
        let at = (mismatch.model.clone(), mismatch.field.clone());
        match &mismatch.kind {
            // A round trip loses the key: excused there.
            MismatchKind::NotInDocs
                if dialect.name() == "rust" && comparison.mapped_discriminators.contains(&at) =>
            {
                self.push_keyed(
                    Kind::MappedDiscriminator,
                    &Unshown {
                        model: at.0,
                        key: at.1,
                        what: "the discriminator of a schema that maps the model, which the \
                               template removes from it"
                            .to_owned(),
                    },
                );
            }
            MismatchKind::JsonName { oracle, doc_name }
                if json_name_is_unshowable(dialect, doc_name, oracle) =>
            {
                // The spec's documents are sent under the docs' name ([`Listed::respell`]):
                // the round trip checks the rest of the field.
                self.respellings
                    .entry(mismatch.model.clone())
                    .or_default()
                    .insert(oracle.clone(), mismatch.field.clone());
                self.push(&mismatch.model, Kind::JsonName, mismatch.to_string());
            }
            _ => self.failures.push(mismatch.to_string()),
        }
    }

    /// Whether a round trip of `sent` through the docs model `model` that came back as `back`
    /// (`None`: it did not deserialize, with `error`) differs only on listed fields or models:
    /// compares both with every listed key removed, at every level (`compare` is the round
    /// trip's comparison); a document that did not deserialize is excused only when its error
    /// names a listed key or a field of a listed union model (a union page's required field,
    /// which a valid variant lacks). A union page's type that rejects a variant otherwise (a
    /// struct for a `oneOf` of strings and numbers) is not excused.
    pub fn excuses(
        &self,
        types: &TypeModel,
        model: &str,
        sent: &Value,
        back: Option<&Value>,
        error: &str,
        compare: impl Fn(&Value, &Value) -> Result<(), String>,
    ) -> bool {
        let Some(back) = back else {
            // A listed key, or a field of a listed model (a union page requires the union of
            // its variants' required fields), named by the error.
            let union_fields = types
                .models
                .iter()
                .filter(|item| self.models.contains(&item.name))
                .flat_map(|item| item.fields.iter().map(|field| &field.wire_name));
            return self
                .keys
                .values()
                .flatten()
                .chain(union_fields)
                .any(|key| error.contains(&format!("`{key}`")));
        };
        let (mut sent, mut back) = (sent.clone(), back.clone());
        self.mask(types, model, &mut sent);
        self.mask(types, model, &mut back);
        compare(&sent, &back).is_ok()
    }

    /// Removes from a spec document of the docs model `model` the keys whose values its type
    /// cannot read (listed: a decimal string the page types as a number).
    pub fn leave_out_unreadable(&self, model: &str, document: &mut Value) {
        if let Value::Object(object) = document {
            object.retain(|key, _| !self.unreadable.contains(&(model.to_owned(), key.clone())));
        }
    }

    /// Writes a spec document of the docs model `model` under the docs' JSON names where the
    /// Name column cannot show the spec's (listed), at every level: the round trip then checks
    /// those fields' values, not only the others.
    pub fn respell(&self, types: &TypeModel, model: &str, value: &mut Value) {
        visit_objects(types, model, value, &mut |item, object| {
            for (oracle, docs) in self.respellings.get(&item.name).into_iter().flatten() {
                if !object.contains_key(docs)
                    && let Some(inner) = object.remove(oracle)
                {
                    object.insert(docs.clone(), inner);
                }
            }
        });
    }

    /// Removes from `value` (a document of the docs model `model`) every listed key, and every
    /// field whose model is listed, following the fields' types into nested models.
    pub fn mask(&self, types: &TypeModel, model: &str, value: &mut Value) {
        let listed_model = |rust_name: &str| {
            types
                .models
                .iter()
                .any(|other| other.rust_name == rust_name && self.models.contains(&other.name))
        };
        visit_objects(types, model, value, &mut |item, object| {
            if let Some(keys) = self.keys.get(&item.name) {
                object.retain(|key, _| !keys.contains(key));
            }
            for field in &item.fields {
                if let BaseType::Model { rust_name, .. } = &field.ty.base
                    && listed_model(rust_name)
                {
                    object.remove(&field.wire_name);
                }
            }
        });
    }
}

/// Calls `visit` on `value` (a document of the docs model `model`), then on the objects of its
/// fields' models, following the fields' types (after `visit`: under the keys it leaves).
fn visit_objects(
    types: &TypeModel,
    model: &str,
    value: &mut Value,
    visit: &mut dyn FnMut(&Model, &mut Map<String, Value>),
) {
    let Some(item) = types.models.iter().find(|item| item.name == model) else {
        return;
    };
    let Value::Object(object) = value else {
        return;
    };
    visit(item, object);
    for field in &item.fields {
        let BaseType::Model { rust_name, .. } = &field.ty.base else {
            continue;
        };
        let nested = types
            .models
            .iter()
            .find(|other| &other.rust_name == rust_name);
        if let (Some(nested), Some(inner)) = (nested, object.get_mut(&field.wire_name)) {
            for leaf in leaves(inner, field.ty.containers.len()) {
                visit_objects(types, &nested.name, leaf, visit);
            }
        }
    }
}

/// The values inside `depth` levels of lists and maps.
fn leaves(value: &mut Value, depth: usize) -> Vec<&mut Value> {
    if depth == 0 {
        return vec![value];
    }
    match value {
        Value::Array(items) => items
            .iter_mut()
            .flat_map(|item| leaves(item, depth - 1))
            .collect(),
        Value::Object(entries) => entries
            .values_mut()
            .flat_map(|item| leaves(item, depth - 1))
            .collect(),
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::synth::tests::model_of;
    use serde_json::json;

    /// The dialect of this name.
    fn dialect_of(name: &str) -> Dialect {
        markdown_model_codegen::parse::dialect_named(name).expect("a dialect")
    }

    #[test]
    fn a_renamed_key_is_unshowable_only_where_the_name_column_is_not_json() {
        // Listed (`true`): Python and Go cannot show `_links`, `x-total-count`, `@type`;
        // pydantic escapes `class` as `var_class`, Java as `propertyClass`. Failures (`false`):
        // TypeScript's Name column is the JSON name; another word is another name; Go does not
        // escape with `var`; only a leading special character is spelled out.
        for (dialect, read, json, unshowable) in [
            (dialect_of("python-pydantic"), "links", "_links", true),
            (
                dialect_of("python-pydantic"),
                "x_total_count",
                "x-total-count",
                true,
            ),
            (dialect_of("python-pydantic"), "var_class", "class", true),
            (dialect_of("go"), "Type", "@type", true),
            (dialect_of("java"), "atType", "@type", true),
            (dialect_of("rust"), "dollar_ref", "$ref", true),
            (dialect_of("java"), "propertyClass", "class", true),
            (dialect_of("kotlin"), "propertyClass", "class", true),
            // Eiffel writes `var` before a name that starts with `_` (`sanitizeName` drops `é`).
            (dialect_of("eiffel"), "var_id", "_id", true),
            (dialect_of("eiffel"), "var_accent", "é_accent", true),
            (dialect_of("eiffel"), "var_ids", "_id", false),
            // TypeScript's Name column is the JSON name where that is an identifier, which a
            // misread name is not excused of; another it rewrites (`sanitizeName`).
            (
                dialect_of("typescript"),
                "x_total_count",
                "x-total-count",
                true,
            ),
            (dialect_of("typescript"), "at_type", "@type", true),
            (dialect_of("typescript"), "proto", "__proto__", false),
            (dialect_of("typescript"), "at_type", "at-ty", false),
            (dialect_of("python-pydantic"), "link", "_links", false),
            (dialect_of("go"), "VarClass", "class", false),
            // Go escapes a leading digit with `Var`; C# a reserved word, a leading digit, and
            // a name of its model's methods (`ToJson`).
            (dialect_of("go"), "Var1st", "1st", true),
            (dialect_of("go"), "Var2ndPlace", "2nd_place", true),
            (dialect_of("csharp"), "Var1st", "1st", true),
            (dialect_of("csharp"), "VarClass", "class", true),
            (dialect_of("csharp"), "PropertyToJson", "to_json", true),
            (dialect_of("rust"), "Var1st", "1st", false),
            (dialect_of("go"), "Var1nd", "1st", false),
            (dialect_of("python-pydantic"), "_", "@", false),
            // A special character anywhere, spelled out (`escapeSpecialCharacters`) or dropped;
            // another word is another name.
            (
                dialect_of("java"),
                "questionQuestionMark",
                "question?",
                true,
            ),
            (dialect_of("kotlin"), "xMinusTotal", "x-total", true),
            (dialect_of("dart"), "dottedPeriodName", "dotted.name", true),
            (dialect_of("java"), "xPlusTotal", "x-total", false),
            (dialect_of("java"), "questionMark", "question?", false),
            // The escapes the dialect's Name-column convention removes: Dart's `n` before a
            // digit, the Rust template's `param_`, C# generichost's `Property` after a reserved
            // word.
            (dialect_of("dart"), "n2ndPlace", "2nd_place", true),
            (dialect_of("rust"), "param_2nd_place", "2nd_place", true),
            (dialect_of("csharp"), "TrueProperty", "True", true),
            (dialect_of("csharp"), "RefProperty", "$ref", true),
            (dialect_of("csharp"), "NameProperty", "name", false),
            (dialect_of("go"), "n2ndPlace", "2nd_place", false),
        ] {
            assert_eq!(
                json_name_is_unshowable(dialect, read, json),
                unshowable,
                "{read} for {json}"
            );
        }
    }

    fn comparison_with(kind: MismatchKind) -> Comparison {
        Comparison {
            mismatches: vec![Mismatch {
                model: "Pet".to_owned(),
                field: "links".to_owned(),
                kind,
            }],
            ..Comparison::default()
        }
    }

    #[test]
    fn a_mapped_discriminator_the_page_lacks_is_listed_only_in_rust() {
        let missing = Mismatch {
            model: "Bike".to_owned(),
            field: "kind".to_owned(),
            kind: MismatchKind::NotInDocs,
        };
        let comparison = Comparison {
            mismatches: vec![missing],
            mapped_discriminators: [("Bike".to_owned(), "kind".to_owned())].into(),
            ..Comparison::default()
        };
        let rust = Listed::classify(dialect_of("rust"), &comparison, &[]);
        assert_eq!(rust.failures, Vec::<String>::new());
        assert_eq!(
            (rust.items.iter())
                .map(|item| (item.kind, item.model.as_str()))
                .collect::<Vec<_>>(),
            [(Kind::MappedDiscriminator, "Bike")]
        );
        // A round trip that loses the key is excused.
        let model = model_of(&[("Bike", "| **gears** | **int** | | [optional] |\n")], "");
        let exact = |a: &Value, b: &Value| if a == b { Ok(()) } else { Err(String::new()) };
        let sent = json!({ "kind": "bike", "gears": 3 });
        let back = json!({ "gears": 3 });
        assert!(rust.excuses(&model, "Bike", &sent, Some(&back), "", exact));
        // Another template shows it: a failure there.
        let python = Listed::classify(dialect_of("python"), &comparison, &[]);
        assert_eq!(
            python.failures,
            ["Bike.kind: in the oracle, not in the docs"]
        );
    }

    #[test]
    fn a_listed_field_excuses_its_round_trip_difference_and_nothing_else() {
        let model = model_of(
            &[(
                "Pet",
                "| **name** | **str** | | |\n| **links** | **dict(str, str)** | | [optional] |\n",
            )],
            "[naming]\nwire = \"snake_case\"\n",
        );
        let renamed = || MismatchKind::JsonName {
            oracle: "_links".to_owned(),
            doc_name: "links".to_owned(),
        };
        let listed = Listed::classify(dialect_of("python"), &comparison_with(renamed()), &[]);
        assert_eq!(listed.failures, Vec::<String>::new());
        assert_eq!(listed.items.len(), 1);
        let exact = |a: &Value, b: &Value| if a == b { Ok(()) } else { Err(String::new()) };
        // The spec's document is sent under the page's name, `links`: its value is checked.
        let mut sent = json!({ "name": "n", "_links": { "self": "/" } });
        listed.respell(&model, "Pet", &mut sent);
        assert_eq!(sent, json!({ "name": "n", "links": { "self": "/" } }));
        let comes_back_as = |listed: &Listed, back: Value| {
            listed.excuses(&model, "Pet", &sent, Some(&back), "", exact)
        };
        // Lost, or another value: not excused.
        assert!(!comes_back_as(&listed, json!({ "name": "n" })));
        assert!(!comes_back_as(
            &listed,
            json!({ "name": "m", "links": { "self": "/" } })
        ));
        assert!(!listed.excuses(&model, "Pet", &sent, None, "missing field `name`", exact));
        assert!(!listed.excuses(&model, "Pet", &sent, None, "missing field `links`", exact));

        // The same rename in TypeScript, whose Name column is the JSON name: a failure.
        let listed = Listed::classify(dialect_of("typescript"), &comparison_with(renamed()), &[]);
        assert_eq!(listed.failures.len(), 1);
        let mut sent = json!({ "_links": {} });
        listed.respell(&model, "Pet", &mut sent);
        assert_eq!(sent, json!({ "_links": {} }));
        // An inherited allOf member's property is excused when lost.
        let comparison = Comparison {
            inherited_unshown: vec![crate::oracle::Unshown {
                model: "Pet".to_owned(),
                key: "id".to_owned(),
                what: String::new(),
            }],
            ..Comparison::default()
        };
        let listed = Listed::classify(dialect_of("go"), &comparison, &[]);
        let sent = json!({ "name": "n", "id": 1 });
        assert!(listed.excuses(
            &model,
            "Pet",
            &sent,
            Some(&json!({ "name": "n" })),
            "",
            exact
        ));
        assert!(!listed.excuses(
            &model,
            "Pet",
            &sent,
            Some(&json!({ "name": "m" })),
            "",
            exact
        ));
        // A union page requires every variant's required fields: a valid variant lacks some.
        let union = model_of(
            &[(
                "Shape",
                "| **radius** | **float** | | |\n| **side** | **int** | | |\n",
            )],
            "",
        );
        let circle = json!({ "radius": 1.5 });
        let circle_excused = |unions: &[&str]| {
            Listed::classify(dialect_of("python"), &Comparison::default(), unions).excuses(
                &union,
                "Shape",
                &circle,
                None,
                "missing field `side`",
                exact,
            )
        };
        assert!(circle_excused(&["Shape"]));
        assert!(!circle_excused(&[]));
        // A union page whose type rejects a variant outright is not excused.
        let listed = Listed::classify(dialect_of("python"), &Comparison::default(), &["Shape"]);
        let text = json!("a string variant");
        let error = "invalid type: string, expected an object (the `Shape` model)";
        assert!(!listed.excuses(&union, "Shape", &text, None, error, exact));
        // A reference to a model named like a language type, typed as that type: listed, and
        // left out of the spec's documents (the type does not read the model's object); a
        // model so named without a page: listed.
        let comparison = Comparison {
            language_typed: vec![crate::oracle::Unshown {
                model: "Pet".to_owned(),
                key: "name".to_owned(),
                what: "the model String, which the template writes as its language's type: str"
                    .to_owned(),
            }],
            language_typed_without_page: vec!["Date".to_owned()],
            ..Comparison::default()
        };
        let listed = Listed::classify(dialect_of("ruby"), &comparison, &[]);
        assert!(listed.failures.is_empty());
        let kinds: Vec<Kind> = listed.items.iter().map(|item| item.kind).collect();
        assert_eq!(kinds, [Kind::LanguageType, Kind::LanguageType]);
        let mut document = json!({ "name": { "value": "v" }, "links": {} });
        listed.leave_out_unreadable("Pet", &mut document);
        assert_eq!(document, json!({ "links": {} }));
        // Any other disagreement is a failure.
        let required = MismatchKind::Required {
            oracle: true,
            docs: false,
        };
        let listed = Listed::classify(dialect_of("python"), &comparison_with(required), &[]);
        assert_eq!(listed.failures.len(), 1);
    }
}

//! What one folder cannot show, another can: the facts that the pages of the same API's docs in
//! other client languages (`[sources] also`) show and the primary folder's pages do not, taken
//! model by model and property by property, each recorded with the page it came from.
//!
//! Models are matched by their API names, properties by theirs (or their JSON names), each
//! compared without case and punctuation (Go's `Links` is TypeScript's `_links`, Rust's
//! `IpRestriction` is Python's `IPRestriction`); a name that two models or properties of one
//! side share matches nothing. The primary folder wins every disagreement, which is reported
//! with both places.

use std::collections::BTreeMap;

use crate::diagnostic::{Diagnostic, FileId};
use crate::naming::{self, WireCase};

use super::page::{ModelPage, PropertyRow, Spanned};
use super::types::{Discriminator, Leaf, OneOf, TypeExpr};
use crate::model::{Fact, Taken};

/// Another docs folder of the same API: its parsed model pages and its name as the config
/// writes it.
pub struct OtherFolder<'a> {
    /// The folder as `[sources] also` names it (`../typescript`).
    pub name: &'a str,
    /// Its model pages, its own dialect's conventions applied.
    pub pages: &'a [ModelPage],
    /// The file names of its pages (`Pet.md`), by file.
    pub file_names: BTreeMap<FileId, String>,
}

/// Takes from `others`, in order, each fact the `primary` pages cannot show; `wire_case` is the
/// rule that spells the primary's JSON names, so that a JSON name another folder shows is
/// recorded only where it differs from the rule's.
pub fn take_from_other_folders(
    primary: &mut [ModelPage],
    others: &[OtherFolder<'_>],
    wire_case: WireCase,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let primary_names: BTreeMap<String, String> =
        unique_by_key(primary.iter(), |page| &page.name.value)
            .into_iter()
            .map(|(key, page)| (key, page.name.value.clone()))
            .collect();
    for other in others {
        let pages = unique_by_key(other.pages.iter(), |page| &page.name.value);
        for page in primary.iter_mut() {
            let Some(other_page) = pages.get(&match_key(&page.name.value)) else {
                continue;
            };
            let from = format!(
                "{}/{}",
                other.name.trim_end_matches('/'),
                other.file_names[&other_page.file]
            );
            take_variants(page, other_page, &from, &primary_names, diagnostics);
            take_from_page(page, other_page, &from, wire_case, diagnostics);
        }
    }
}

/// Takes what `other` (the page `from`) shows of `page`'s model and its properties.
fn take_from_page(
    page: &mut ModelPage,
    other: &ModelPage,
    from: &str,
    wire_case: WireCase,
    diagnostics: &mut Vec<Diagnostic>,
) {
    // The other page is a oneOf / anyOf of whole types where this one lists properties (and
    // no folder listed the variants).
    if (other.alias.is_some() || other.one_of.is_some())
        && page.one_of.is_none()
        && !page.properties.is_empty()
        && !page.taken.iter().any(|t| t.fact == Fact::Composition)
    {
        page.taken.push(Taken {
            fact: Fact::Composition,
            from: from.to_owned(),
        });
    }
    // A oneOf / anyOf's page lists one variant's values of a property the variants share
    // (`action` of `ContinueWith`): they are not the property's.
    let composition = page.taken.iter().any(|t| t.fact == Fact::Composition);
    let other_rows = unique_by_key(other.properties.iter(), shown_name);
    let keys: Vec<String> = page
        .properties
        .iter()
        .map(|row| match_key(shown_name(row)))
        .collect();
    for (row, key) in page.properties.iter_mut().zip(&keys) {
        let shared = keys.iter().filter(|other| *other == key).count() > 1;
        let Some(other_row) = other_rows.get(key).filter(|_| !shared) else {
            continue;
        };
        take_from_row(row, other_row, from, wire_case, composition);
        if let Some(diagnostic) = disagreement(page.file, &page.name.value, row, other, other_row) {
            diagnostics.push(diagnostic);
        }
    }
}

/// Takes the variants of a oneOf / anyOf that `other` (the page `from`) lists and `page` does
/// not, and the discriminator it names where `page` names none: when every variant it names is
/// a model of the primary folder (`primary_names`, by [`match_key`]), renamed to the primary's
/// name of it. Variants the primary page lists itself and `other` lists otherwise are a warning
/// at both places; the primary's stand.
fn take_variants(
    page: &mut ModelPage,
    other: &ModelPage,
    from: &str,
    primary_names: &BTreeMap<String, String>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let Some(other_one_of) = &other.one_of else {
        return;
    };
    let primary_name = |name: &str| primary_names.get(&match_key(name)).cloned();
    let discriminator = (other_one_of.value.discriminator.as_ref()).map(|other| Discriminator {
        property: other.property.clone(),
        mapping: (other.mapping.iter())
            .filter_map(|(tag, model)| Some((tag.clone(), primary_name(model)?)))
            .collect(),
    });
    let renamed: Option<Vec<TypeExpr>> = (other_one_of.value.variants.iter())
        .map(|variant| match &variant.leaf {
            Leaf::Named(name) => Some(TypeExpr {
                containers: variant.containers.clone(),
                leaf: Leaf::Named(primary_name(name)?),
            }),
            Leaf::Primitive(_) => Some(variant.clone()),
        })
        .collect();
    let own = !page.taken.iter().any(|taken| taken.fact == Fact::Variants);
    let taken = match (&mut page.one_of, renamed) {
        (Some(one_of), renamed) => {
            if let Some(renamed) = renamed
                && own
                && listed_types(&one_of.value.variants) != listed_types(&renamed)
            {
                diagnostics.push(
                    Diagnostic::warning(
                        page.file,
                        one_of.span.clone(),
                        format!(
                            "the docs folders disagree on the variants of `{}`",
                            page.name.value
                        ),
                    )
                    .with_label(format!(
                        "{} here, which are used",
                        listed_types(&one_of.value.variants)
                    ))
                    .also_at(
                        other.file,
                        other_one_of.span.clone(),
                        format!("{} here", listed_types(&renamed)),
                    ),
                );
            }
            let more = one_of.value.discriminator.is_none() && discriminator.is_some();
            if more {
                one_of.value.discriminator = discriminator;
            }
            more
        }
        (None, Some(variants)) => {
            page.one_of = Some(Spanned {
                value: OneOf {
                    variants,
                    discriminator,
                },
                span: page.name.span.clone(),
            });
            true
        }
        (None, None) => false,
    };
    if taken {
        // Its variants say more than that it is a oneOf (`Fact::Composition`).
        page.taken.retain(|taken| taken.fact != Fact::Composition);
        page.taken.push(Taken {
            fact: Fact::Variants,
            from: from.to_owned(),
        });
    }
}

/// Types as a sorted list of code spans (`` `Cat`, `Dog` ``).
fn listed_types(types: &[TypeExpr]) -> String {
    let sorted: std::collections::BTreeSet<String> =
        types.iter().map(ToString::to_string).collect();
    let spans: Vec<String> = sorted.iter().map(|name| format!("`{name}`")).collect();
    spans.join(", ")
}

/// Takes the facts `other` (of the page `from`) shows of `row` that `row` does not; no enum
/// values for a property of a `composition`.
fn take_from_row(
    row: &mut PropertyRow,
    other: &PropertyRow,
    from: &str,
    wire_case: WireCase,
    composition: bool,
) {
    let mut taken = Vec::new();
    let mut record = |fact| {
        taken.push(Taken {
            fact,
            from: from.to_owned(),
        });
    };
    if row.wire_name.is_none()
        && let Some(wire) = &other.wire_name
        && *wire != naming::wire_name(&row.api_name, wire_case)
    {
        row.wire_name = Some(wire.clone());
        record(Fact::JsonName);
    }
    if !composition && row.enum_values.is_none() && other.enum_values.is_some() {
        row.enum_values.clone_from(&other.enum_values);
        record(Fact::EnumValues);
    }
    if row.required_unknown && !other.required_unknown {
        row.required = other.required;
        row.required_unknown = false;
        record(Fact::Required);
    }
    if other.nullable && !row.nullable {
        row.nullable = true;
        record(Fact::Nullable);
    }
    row.taken.extend(taken);
}

/// The warning that both pages show a fact of one property and disagree on it (a JSON name,
/// whether it is required, its enum values); the primary page's fact stands.
fn disagreement(
    file: FileId,
    model: &str,
    row: &PropertyRow,
    other_page: &ModelPage,
    other: &PropertyRow,
) -> Option<Diagnostic> {
    let property = &row.name.value;
    // The config's entry that would settle it, where it has one.
    let mut settled_by = None;
    let (message, label, other_label) = match (&row.wire_name, &other.wire_name) {
        (Some(wire), Some(other_wire)) if wire != other_wire => {
            settled_by = Some("wire_name");
            (
                format!("the docs folders disagree on the JSON name of `{model}.{property}`"),
                format!("`{wire}` here, which is used"),
                format!("`{other_wire}` here"),
            )
        }
        _ if !row.required_unknown && !other.required_unknown && row.required != other.required => {
            let said = |required| if required { "required" } else { "optional" };
            (
                format!("the docs folders disagree on whether `{model}.{property}` is required"),
                format!("{} here, which is used", said(row.required)),
                format!("{} here", said(other.required)),
            )
        }
        _ => match (&row.enum_values, &other.enum_values) {
            (Some(values), Some(other_values))
                if listed(values.values.iter()) != listed(other_values.values.iter()) =>
            {
                settled_by = Some("enum");
                (
                    format!("the docs folders disagree on the values of `{model}.{property}`"),
                    format!("{} here, which are used", listed(values.values.iter())),
                    format!("{} here", listed(other_values.values.iter())),
                )
            }
            _ => return None,
        },
    };
    let mut diagnostic = Diagnostic::warning(file, row.name.span.clone(), message)
        .with_label(label)
        .also_at(other_page.file, other.name.span.clone(), other_label);
    if let Some(entry) = settled_by {
        diagnostic = diagnostic.with_note(format!(
            "to use another, set `{entry}` in codegen.toml's `[models.{model}.fields.{property}]`, \
             which wins over every folder"
        ));
    }
    Some(diagnostic)
}

/// Enum values as a sorted list of code spans (`` `a`, `b` ``).
fn listed<'a>(values: impl Iterator<Item = &'a Spanned<String>>) -> String {
    let sorted: std::collections::BTreeSet<&str> =
        values.map(|value| value.value.as_str()).collect();
    let spans: Vec<String> = sorted.iter().map(|value| format!("`{value}`")).collect();
    spans.join(", ")
}

/// The name a property's page shows: its JSON name where the page gives it, else its API name.
fn shown_name(row: &PropertyRow) -> &String {
    row.wire_name.as_ref().unwrap_or(&row.api_name)
}

/// A name compared without case and punctuation: `_links`, `Links` and `links` are one.
fn match_key(name: &str) -> String {
    name.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The items by [`match_key`] of their names, without the keys two items share.
fn unique_by_key<'a, T>(
    items: impl Iterator<Item = &'a T>,
    name: impl Fn(&'a T) -> &'a String,
) -> BTreeMap<String, &'a T> {
    let mut by_key: BTreeMap<String, Option<&'a T>> = BTreeMap::new();
    for item in items {
        by_key
            .entry(match_key(name(item)))
            .and_modify(|shared| *shared = None)
            .or_insert(Some(item));
    }
    by_key
        .into_iter()
        .filter_map(|(key, item)| Some((key, item?)))
        .collect()
}

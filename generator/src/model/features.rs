//! Cargo features from operation pages: one per API group (`AnalyticsApi.md` -> `analytics`),
//! enabling exactly the models its operations take and return, closed over references. Models
//! no operation reaches share the feature [`UNREFERENCED`] (closed over references too).

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::{BaseType, Feature, Model};
use crate::diagnostic::{Diagnostic, Sources};
use crate::naming;
use crate::parse::{Leaf, OperationPage};

pub use crate::naming::UNREFERENCED;

/// Sets [`Model::features`] and returns the features, sorted by name; none when there are no
/// operation pages. Operations may name `not_models`: pages that are no Rust type of their own.
pub fn assign_features(
    models: &mut [Model],
    not_models: &BTreeSet<&str>,
    operations: &[OperationPage],
    sources: &Sources,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<Feature> {
    if operations.is_empty() {
        return Vec::new();
    }
    let index: HashMap<&str, usize> = models
        .iter()
        .enumerate()
        .map(|(at, model)| (model.name.as_str(), at))
        .collect();
    let by_rust_name: HashMap<&str, usize> = models
        .iter()
        .enumerate()
        .map(|(at, model)| (model.rust_name.as_str(), at))
        .collect();
    let references: Vec<Vec<usize>> = models
        .iter()
        .map(|model| {
            model
                .fields
                .iter()
                .map(|field| &field.ty)
                .chain(model.additional_properties.iter().map(|extra| &extra.ty))
                .filter_map(|ty| match &ty.base {
                    BaseType::Model { rust_name, .. } | BaseType::SharedEnum { rust_name, .. } => {
                        by_rust_name.get(rust_name.as_str()).copied()
                    }
                    _ => None,
                })
                .collect()
        })
        .collect();

    let mut groups: BTreeMap<String, (&OperationPage, BTreeSet<usize>)> = BTreeMap::new();
    for page in operations {
        let feature = naming::feature_name(&page.group.value);
        if let Some((first, _)) = groups.get(&feature) {
            diagnostics.push(
                Diagnostic::error(
                    page.file,
                    page.group.span.clone(),
                    format!(
                        "API groups `{}` and `{}` would get one feature name, `{feature}`",
                        first.group.value, page.group.value
                    ),
                )
                .with_label("second group")
                .with_note(format!(
                    "the first is {}",
                    sources.get(first.file).path.display()
                ))
                .with_note("group names equal but for letter case count as one"),
            );
            continue;
        }
        let mut seeds = BTreeSet::new();
        for used in &page.types {
            let Leaf::Named(name) = &used.value.leaf else {
                continue;
            };
            match index.get(name.as_str()) {
                Some(&at) => {
                    seeds.insert(at);
                }
                None if not_models.contains(name.as_str()) => {}
                None => {
                    let mut diagnostic = Diagnostic::error(
                        page.file,
                        used.span.clone(),
                        format!(
                            "unknown model `{name}` in an operation of `{}`",
                            page.group.value
                        ),
                    )
                    .with_label("no page defines a model of this name");
                    let names = models.iter().map(|model| model.name.as_str());
                    let hint = sources.unread_page_note(name);
                    if let Some(hint) = hint.or_else(|| super::build::suggest(name, names)) {
                        diagnostic = diagnostic.with_note(hint);
                    }
                    diagnostics.push(diagnostic);
                }
            }
        }
        groups.insert(feature, (page, closure(seeds, &references)));
    }

    let mut features = Vec::new();
    for (feature, (page, members)) in &groups {
        for &at in members {
            models[at].features.push(feature.clone());
        }
        features.push(Feature {
            name: feature.clone(),
            group: page.group.value.clone(),
            models: members.len(),
        });
    }
    // Models no operation reaches, with every model they reach (which other features may
    // enable too): the `unreferenced` feature must compile on its own like any other.
    let orphans: BTreeSet<usize> = (0..models.len())
        .filter(|&at| models[at].features.is_empty())
        .collect();
    if !orphans.is_empty() {
        let members = closure(orphans, &references);
        for &at in &members {
            models[at].features.push(UNREFERENCED.to_owned());
            models[at].features.sort();
        }
        features.push(Feature {
            name: UNREFERENCED.to_owned(),
            group: String::new(),
            models: members.len(),
        });
        features.sort_by(|a, b| a.name.cmp(&b.name));
    }
    features
}

/// `seeds` and every model they reach through fields.
fn closure(seeds: BTreeSet<usize>, references: &[Vec<usize>]) -> BTreeSet<usize> {
    let mut reached = seeds.clone();
    let mut pending: Vec<usize> = seeds.into_iter().collect();
    while let Some(at) = pending.pop() {
        for &next in &references[at] {
            if reached.insert(next) {
                pending.push(next);
            }
        }
    }
    reached
}

//! Cargo features from the operations: one per API group (`AnalyticsApi.md` -> `analytics`),
//! enabling exactly the models its operations take and return, closed over references. Models
//! no operation reaches share the feature [`UNREFERENCED`] (closed over references too).

use std::collections::{BTreeSet, HashMap};

use super::{BaseType, Feature, FieldType, Model, OperationGroup};

pub use crate::naming::UNREFERENCED;

/// Sets [`Model::features`] and returns the features, sorted by name; none when there are no
/// operation groups. The model `always` (its Rust name: the API's error model) and every model
/// it reaches get none: they are compiled whatever features are on.
pub fn assign_features(
    models: &mut [Model],
    groups: &[OperationGroup],
    always: Option<&str>,
) -> Vec<Feature> {
    if groups.is_empty() {
        return Vec::new();
    }
    let by_rust_name: HashMap<&str, usize> = models
        .iter()
        .enumerate()
        .map(|(at, model)| (model.rust_name.as_str(), at))
        .collect();
    // A reference to a model or to an enum page: both are root types a feature must enable.
    let model_of = |ty: &FieldType| match &ty.base {
        BaseType::Model { rust_name, .. } | BaseType::SharedEnum { rust_name } => {
            by_rust_name.get(rust_name.as_str()).copied()
        }
        _ => None,
    };
    let references: Vec<Vec<usize>> = models
        .iter()
        .map(|model| model.held_types().filter_map(model_of).collect())
        .collect();

    let always: BTreeSet<usize> = match always.and_then(|name| by_rust_name.get(name)) {
        Some(&at) => closure(BTreeSet::from([at]), &references),
        None => BTreeSet::new(),
    };
    let mut features = Vec::new();
    let mut members_of = Vec::new();
    for group in groups {
        let seeds: BTreeSet<usize> = group
            .operations
            .iter()
            .flat_map(|operation| {
                let parameters = operation.parameters.iter().map(|parameter| &parameter.ty);
                parameters.chain(&operation.returns)
            })
            .filter_map(model_of)
            .collect();
        let mut members = closure(seeds, &references);
        members.retain(|at| !always.contains(at));
        features.push(Feature {
            name: group.feature.clone(),
            group: group.name.clone(),
            models: members.len(),
        });
        members_of.push(members);
    }
    for (feature, members) in features.iter().zip(&members_of) {
        for &at in members {
            models[at].features.push(feature.name.clone());
        }
    }
    // Models no operation reaches, with every model they reach (which other features may
    // enable too): the `unreferenced` feature must compile on its own like any other.
    let orphans: BTreeSet<usize> = (0..models.len())
        .filter(|&at| models[at].features.is_empty() && !always.contains(&at))
        .collect();
    if !orphans.is_empty() {
        let mut members = closure(orphans, &references);
        members.retain(|at| !always.contains(at));
        for &at in &members {
            models[at].features.push(UNREFERENCED.to_owned());
        }
        features.push(Feature {
            name: UNREFERENCED.to_owned(),
            group: String::new(),
            models: members.len(),
        });
    }
    for model in models.iter_mut() {
        model.features.sort();
    }
    features.sort_by(|a, b| a.name.cmp(&b.name));
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

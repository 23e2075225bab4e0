//! `cargo xtask diff` on the two real corpora (`../shared/corpus`, never copied into the
//! repository): each record reads back, a surface has no change against itself, and the report
//! counts the added and removed models.

use std::path::Path;

use markdown_model_codegen::diff::{Bump, ChangeKind, diff};
use markdown_model_codegen::surface::ApiSurface;
use markdown_model_codegen::{TypeModel, load};

fn model(dir: &Path) -> TypeModel {
    match load(dir, None) {
        Ok(markdown_model_codegen::Loaded { model, .. }) => model,
        Err(failure) => panic!("{} does not generate:\n{}", dir.display(), failure.render()),
    }
}

#[test]
#[cfg_attr(corpus_absent, ignore = "../shared/corpus is absent")]
fn the_two_genesys_corpora() {
    let corpus = codegen_tests::shared::folder("corpus");
    let (old_dir, new_dir) = (
        corpus.join("genesys-127.0.0"),
        corpus.join("genesys-257.1.0"),
    );
    let (old, new) = (
        ApiSurface::from_model(&model(&old_dir)),
        ApiSurface::from_model(&model(&new_dir)),
    );
    for surface in [&old, &new] {
        assert_eq!(
            ApiSurface::from_json(&surface.to_json()).expect("the record reads back"),
            *surface
        );
        assert!(diff(surface, surface).is_empty());
    }
    let report = diff(&old, &new);
    let added = new
        .models
        .keys()
        .filter(|name| !old.models.contains_key(*name))
        .count();
    let removed = old
        .models
        .keys()
        .filter(|name| !new.models.contains_key(*name))
        .count();
    let counts = &report.counts;
    assert_eq!(counts.get(&ChangeKind::ModelAdded).copied(), Some(added));
    assert_eq!(
        counts.get(&ChangeKind::ModelRemoved).copied(),
        Some(removed)
    );
    // Operations count the same way: each added or removed one is reported once.
    for (kind, from, to) in [
        (ChangeKind::OperationAdded, &old, &new),
        (ChangeKind::OperationRemoved, &new, &old),
    ] {
        let expected = to
            .operations
            .keys()
            .filter(|name| !from.operations.contains_key(*name))
            .count();
        assert!(expected > 0, "{kind:?}: the corpora differ in operations");
        assert_eq!(counts.get(&kind).copied(), Some(expected), "{kind:?}");
    }
    assert_eq!(report.bump, Bump::Major);
}

//! Every operation of both real corpora (`../shared/corpus`, ignored when absent, failing in CI)
//! is parsed into the type model: each page's method table (which lists every operation of the
//! page) names exactly the operations the model has for that group, the model's operations per
//! method are the page's `Wraps METHOD` lines per method, and every `{placeholder}` of a path is
//! filled by exactly one path parameter; each operation has the parameters (and required ones),
//! preview and deprecated marks and `void` return its section shows. The pages are read here line
//! by line, independently of the generator's Markdown parser. Operation pages must give no
//! diagnostic at all.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

use markdown_model_codegen::model::{HttpMethod, Operation, ParameterLocation, placeholders};
use markdown_model_codegen::{Diagnostic, Sources};

/// What a page lists, read line by line: the method table's operations, `Wraps` methods, and
/// what each operation's section shows.
struct Listed {
    operations: BTreeSet<String>,
    methods: BTreeMap<String, usize>,
    sections: BTreeMap<String, Shown>,
}

/// What one operation's section shows, read line by line.
#[derive(Debug, Default, PartialEq, Eq)]
struct Shown {
    /// Rows of the Parameters table.
    parameters: usize,
    /// Of which, without `[optional]`.
    required: usize,
    preview: bool,
    deprecated: bool,
    /// The return type is `void`.
    void: bool,
}

fn read_listing(text: &str) -> Listed {
    let mut listed = Listed {
        operations: BTreeSet::new(),
        methods: BTreeMap::new(),
        sections: BTreeMap::new(),
    };
    let mut current: Option<(String, Shown)> = None;
    let mut part = "";
    for line in text.lines() {
        if let Some(rest) = line.strip_prefix("|[**")
            && let Some(end) = rest.find("**]")
        {
            listed.operations.insert(rest[..end].to_owned());
        }
        if let Some(rest) = line.strip_prefix("Wraps ") {
            let method = rest.split_whitespace().next().unwrap_or_default();
            *listed.methods.entry(method.to_owned()).or_default() += 1;
        }
        if let Some(heading) = line.strip_prefix("## ") {
            // `## name`, or `## [**Type**](Type.html) name(args)`.
            let before = &heading[..heading.rfind('(').unwrap_or(heading.len())];
            let name = before
                .split_whitespace()
                .last()
                .unwrap_or_default()
                .to_owned();
            if let Some((name, shown)) = current.take() {
                listed.sections.insert(name, shown);
            }
            current = (!name.contains('.')).then(|| (name, Shown::default()));
            part = "";
            continue;
        }
        let Some((name, shown)) = &mut current else {
            continue;
        };
        if let Some(heading) = line.strip_prefix("### ") {
            part = if heading.trim() == "Parameters" || heading.trim() == "Return type" {
                heading.trim()
            } else {
                ""
            };
            continue;
        }
        shown.preview |= line.starts_with(&format!("{name} is a preview method"));
        shown.deprecated |=
            line.contains("\"title\":\"Deprecated\"") || line.contains(">DEPRECATED</span>");
        match part {
            "Parameters" if line.starts_with("| **") => {
                shown.parameters += 1;
                shown.required += usize::from(!line.contains("[optional]"));
            }
            "Return type" if !line.trim().is_empty() => {
                shown.void = line.starts_with("void");
                part = "";
            }
            _ => {}
        }
    }
    if let Some((name, shown)) = current {
        listed.sections.insert(name, shown);
    }
    listed
}

/// Asserts that the operation pages of `spec` gave no warning but the one they may give.
fn assert_quiet_operation_pages(spec: &Path, warnings: &[Diagnostic], sources: &Sources) {
    let on_operation_pages: Vec<_> = warnings
        .iter()
        .filter(|diagnostic| {
            diagnostic.location.as_ref().is_some_and(|(file, _)| {
                sources
                    .get(*file)
                    .path
                    .to_string_lossy()
                    .ends_with("Api.md")
            })
        })
        .collect();
    // The one warning operation pages may give: a parameter named `x_...` sent as an `X-`
    // header, a placement the page does not say (257.1.0's two `x_journey_session_*`).
    let (placements, on_operation_pages): (Vec<_>, Vec<_>) = on_operation_pages
        .into_iter()
        .partition(|diagnostic| diagnostic.message.contains("is sent as the header `X-"));
    for placement in &placements {
        assert!(
            placement.message.contains("x_journey_session_"),
            "{}",
            placement.message
        );
    }
    assert!(
        on_operation_pages.is_empty(),
        "{}: {} warnings on operation pages:\n{}",
        spec.display(),
        on_operation_pages.len(),
        sources.render(warnings)
    );
}

/// Asserts what the page of `file_name` lists of `operation` (`sections`: its parameters, marks and
/// result) and what every operation has: a summary, permissions, an `/api/v2/` path whose
/// placeholders its path parameters fill, at most one body.
fn check_operation(file_name: &str, operation: &Operation, sections: &BTreeMap<String, Shown>) {
    let at = format!("{file_name}: {}", operation.name);
    let shown = Shown {
        parameters: operation.parameters.len(),
        required: operation
            .parameters
            .iter()
            .filter(|parameter| parameter.required)
            .count(),
        preview: operation.preview,
        deprecated: operation.deprecated,
        void: operation.returns.is_none(),
    };
    assert_eq!(Some(&shown), sections.get(&operation.name), "{at}");
    assert!(!operation.summary.is_empty(), "{at}: no summary");
    assert!(operation.permissions.is_some(), "{at}: no permissions");
    assert!(
        operation.path.starts_with("/api/v2/"),
        "{at}: {}",
        operation.path
    );
    let slots: Vec<&str> = placeholders(&operation.path)
        .map(|(_, name)| name)
        .collect();
    let mut path_parameters: Vec<&str> = operation
        .parameters
        .iter()
        .filter(|parameter| parameter.location == ParameterLocation::Path)
        .map(|parameter| parameter.wire_name.as_str())
        .collect();
    path_parameters.sort_unstable();
    let mut sorted_slots = slots.clone();
    sorted_slots.sort_unstable();
    assert_eq!(path_parameters, sorted_slots, "{at}: path parameters");
    let bodies = operation
        .parameters
        .iter()
        .filter(|parameter| parameter.location == ParameterLocation::Body)
        .count();
    assert!(bodies <= 1, "{at}: {bodies} bodies");
}

/// Checks one corpus and returns its operations per method.
fn check_corpus(spec: &Path) -> BTreeMap<HttpMethod, usize> {
    let markdown_model_codegen::Loaded {
        model,
        sources,
        warnings,
        ..
    } = match markdown_model_codegen::load(spec, None) {
        Ok(loaded) => loaded,
        Err(failure) => panic!("{} does not load:\n{}", spec.display(), failure.render()),
    };
    assert_quiet_operation_pages(spec, &warnings, &sources);

    let mut pages: Vec<_> = fs::read_dir(spec)
        .expect("the corpus folder")
        .map(|entry| entry.expect("an entry").path())
        .filter(|path| path.to_string_lossy().ends_with("Api.md"))
        .collect();
    pages.sort();
    assert_eq!(pages.len(), model.operations.len(), "one group per page");

    let mut per_method = BTreeMap::new();
    let mut listed_methods: BTreeMap<String, usize> = BTreeMap::new();
    for page in &pages {
        let file_name = page.file_name().unwrap().to_string_lossy().into_owned();
        let text = fs::read_to_string(page).expect("a UTF-8 page");
        let listed = read_listing(&text);
        for (method, count) in listed.methods {
            *listed_methods.entry(method).or_default() += count;
        }
        let group = model
            .operations
            .iter()
            .find(|group| group.source == file_name)
            .unwrap_or_else(|| panic!("no group from {file_name}"));
        let parsed: BTreeSet<String> = group
            .operations
            .iter()
            .map(|operation| operation.name.clone())
            .collect();
        assert_eq!(
            parsed, listed.operations,
            "{file_name}: the method table's operations"
        );
        for operation in &group.operations {
            check_operation(&file_name, operation, &listed.sections);
            *per_method.entry(operation.method).or_default() += 1;
        }
    }
    let parsed_methods: BTreeMap<String, usize> = per_method
        .iter()
        .map(|(method, count)| (method.as_str().to_owned(), *count))
        .collect();
    assert_eq!(
        parsed_methods,
        listed_methods,
        "{}: operations per method",
        spec.display()
    );
    let operations = || model.operations.iter().flat_map(|group| &group.operations);
    let parameters = || operations().flat_map(|operation| &operation.parameters);
    let located = |location| {
        parameters()
            .filter(|parameter| parameter.location == location)
            .count()
    };
    println!(
        "{}: {} preview, {} deprecated, {} void; parameters: {} path, {} query, {} body; {} enums",
        spec.display(),
        operations().filter(|operation| operation.preview).count(),
        operations()
            .filter(|operation| operation.deprecated)
            .count(),
        operations()
            .filter(|operation| operation.returns.is_none())
            .count(),
        located(ParameterLocation::Path),
        located(ParameterLocation::Query),
        located(ParameterLocation::Body),
        operations()
            .map(|operation| operation.enums.len())
            .sum::<usize>(),
    );
    per_method
}

#[test]
#[cfg_attr(corpus_absent, ignore = "../shared/corpus is absent")]
fn every_operation_of_both_corpora_is_parsed() {
    let root = codegen_tests::shared::folder("corpus");
    for (corpus, total) in [("genesys-127.0.0", 1_723), ("genesys-257.1.0", 3_310)] {
        let per_method = check_corpus(&root.join(corpus));
        let counts: Vec<String> = per_method
            .iter()
            .map(|(method, count)| format!("{} {count}", method.as_str()))
            .collect();
        println!(
            "{corpus}: {} operations: {}",
            per_method.values().sum::<usize>(),
            counts.join(", ")
        );
        assert_eq!(per_method.values().sum::<usize>(), total, "{corpus}");
    }
}

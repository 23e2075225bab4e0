//! The generator's files import each other without cycles: each file's `use` declarations and
//! inline paths (`crate::emit::HEADER`, `super::rust::ident`) are edges to the files that define
//! those modules, and the graph of those edges has no cycle. A module's own `mod.rs` (or `lib.rs`)
//! declaring and re-exporting its children is structure, not an edge; a child naming its parent
//! is an edge (the parent's own items). Test modules (`#[cfg(test)] mod tests { ... }`) are left
//! out: a test may use any module to check its own.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// A source file and the module path it defines (`["emit", "rust"]` for `emit/rust.rs`).
struct SourceFile {
    module: Vec<String>,
    text: String,
}

/// Every `.rs` file under `dir`, with its module path relative to `root`.
fn source_files(root: &Path, dir: &Path, files: &mut Vec<SourceFile>) {
    let mut entries: Vec<PathBuf> = fs::read_dir(dir)
        .expect("a readable source folder")
        .map(|entry| entry.expect("a folder entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            source_files(root, &path, files);
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            let relative = path.strip_prefix(root).expect("below the root");
            let mut module: Vec<String> = relative
                .with_extension("")
                .iter()
                .map(|part| part.to_string_lossy().into_owned())
                .collect();
            if matches!(module.last().map(String::as_str), Some("mod" | "lib")) {
                module.pop();
            }
            let text = fs::read_to_string(&path).expect("a readable source file");
            files.push(SourceFile { module, text });
        }
    }
}

/// The text without comments, string and character literals (which may hold paths that are not
/// imports: `"crate::models::"`).
fn code_only(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'/') => {
                for c in chars.by_ref() {
                    if c == '\n' {
                        out.push('\n');
                        break;
                    }
                }
            }
            '/' if chars.peek() == Some(&'*') => {
                let mut previous = ' ';
                for c in chars.by_ref() {
                    if previous == '*' && c == '/' {
                        break;
                    }
                    previous = c;
                }
            }
            '"' => {
                let mut escaped = false;
                for c in chars.by_ref() {
                    if !escaped && c == '"' {
                        break;
                    }
                    escaped = !escaped && c == '\\';
                }
                out.push_str("\"\"");
            }
            // A character literal ('a', '\n'), not a lifetime ('a).
            '\'' => {
                let rest: String = chars.clone().take(3).collect();
                let skip = if rest.starts_with('\\') {
                    rest.find('\'').map(|at| at + 1)
                } else {
                    (rest.chars().nth(1) == Some('\'')).then_some(2)
                };
                match skip {
                    Some(count) => {
                        for _ in 0..count {
                            chars.next();
                        }
                        out.push_str("' '");
                    }
                    None => out.push(c),
                }
            }
            _ => out.push(c),
        }
    }
    out
}

/// The code without its `#[cfg(test)]` modules (the attribute, `mod name`, and the braced body).
fn without_test_modules(code: &str) -> String {
    let mut out = String::with_capacity(code.len());
    let mut rest = code;
    while let Some(at) = rest.find("#[cfg(test)]") {
        out.push_str(&rest[..at]);
        let after = &rest[at..];
        let Some(open) = after.find('{') else {
            rest = "";
            break;
        };
        let mut depth = 0usize;
        let mut end = after.len();
        for (index, c) in after[open..].char_indices() {
            match c {
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        end = open + index + 1;
                        break;
                    }
                }
                _ => {}
            }
        }
        rest = &after[end..];
    }
    out.push_str(rest);
    out
}

/// The paths a file names that start with `crate`, `super` or `self`: inline ones and those of
/// `use` declarations, whose groups (`use super::{a::B, c}`) are expanded.
fn named_paths(code: &str) -> Vec<Vec<String>> {
    let tokens = tokenize(code);
    let mut paths = Vec::new();
    let mut at = 0;
    while at < tokens.len() {
        if matches!(tokens[at].as_str(), "crate" | "super" | "self")
            && (at == 0 || tokens[at - 1] != "::")
        {
            at = read_path(&tokens, at, Vec::new(), &mut paths);
        } else {
            at += 1;
        }
    }
    paths
}

/// Identifiers and punctuation, `::` as one token.
fn tokenize(code: &str) -> Vec<String> {
    let mut tokens = Vec::new();
    let mut chars = code.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if c.is_alphanumeric() || c == '_' {
            let mut end = start + c.len_utf8();
            while let Some(&(at, next)) = chars.peek() {
                if !(next.is_alphanumeric() || next == '_') {
                    break;
                }
                end = at + next.len_utf8();
                chars.next();
            }
            tokens.push(code[start..end].to_owned());
        } else if c == ':' && chars.peek().map(|&(_, next)| next) == Some(':') {
            chars.next();
            tokens.push("::".to_owned());
        } else if !c.is_whitespace() {
            tokens.push(c.to_string());
        }
    }
    tokens
}

/// Reads the path starting at `tokens[at]` (after `prefix`), expanding `{...}` groups, into
/// `paths`; returns the index after it.
fn read_path(
    tokens: &[String],
    mut at: usize,
    mut prefix: Vec<String>,
    paths: &mut Vec<Vec<String>>,
) -> usize {
    loop {
        let token = &tokens[at];
        if token == "{" {
            at += 1;
            loop {
                at = read_path(tokens, at, prefix.clone(), paths);
                match tokens.get(at).map(String::as_str) {
                    Some(",") => at += 1,
                    _ => break,
                }
                if tokens.get(at).map(String::as_str) == Some("}") {
                    break;
                }
            }
            return at + 1;
        }
        if !token.starts_with(|c: char| c.is_alphanumeric() || c == '_') {
            paths.push(prefix);
            return at;
        }
        prefix.push(token.clone());
        at += 1;
        if tokens.get(at).map(String::as_str) != Some("::") {
            paths.push(prefix);
            return at;
        }
        at += 1;
    }
}

/// The module a path names, from the module `from`: `super` and `self` resolved, then the
/// longest prefix that is one of `modules`.
fn target(from: &[String], path: &[String], modules: &BTreeSet<Vec<String>>) -> Vec<String> {
    let mut base: Vec<String> = Vec::new();
    let mut rest = path;
    match path.first().map(String::as_str) {
        Some("crate") => rest = &path[1..],
        Some("self" | "super") => {
            // `self` is the file's module (a::b for `a/b.rs`, a for `a/mod.rs`); each `super` its
            // parent.
            base = from.to_vec();
            while let Some("self" | "super") = rest.first().map(String::as_str) {
                if rest[0] == "super" {
                    base.pop();
                }
                rest = &rest[1..];
            }
        }
        _ => {}
    }
    let mut module = base;
    for segment in rest {
        module.push(segment.clone());
        if !modules.contains(&module) {
            module.pop();
            break;
        }
    }
    module
}

/// The cycles of a graph (its strongly connected components with more than one node).
fn cycles(edges: &BTreeMap<Vec<String>, BTreeSet<Vec<String>>>) -> Vec<Vec<String>> {
    let nodes: Vec<&Vec<String>> = edges.keys().collect();
    let mut found = Vec::new();
    let reaches = |from: &Vec<String>| {
        let mut seen = BTreeSet::new();
        let mut stack = vec![from.clone()];
        while let Some(node) = stack.pop() {
            for next in edges.get(&node).into_iter().flatten() {
                if seen.insert(next.clone()) {
                    stack.push(next.clone());
                }
            }
        }
        seen
    };
    let reach: BTreeMap<&Vec<String>, BTreeSet<Vec<String>>> =
        nodes.iter().map(|&node| (node, reaches(node))).collect();
    let mut placed = BTreeSet::new();
    for &node in &nodes {
        if placed.contains(node) || !reach[node].contains(node) {
            continue;
        }
        let component: Vec<String> = nodes
            .iter()
            .filter(|&&other| reach[node].contains(other) && reach[other].contains(node))
            .map(|&other| {
                placed.insert(other.clone());
                display(other)
            })
            .collect();
        found.push(component);
    }
    found
}

fn display(module: &[String]) -> String {
    if module.is_empty() {
        "crate".to_owned()
    } else {
        module.join("::")
    }
}

#[test]
fn no_file_imports_a_file_that_imports_it_back() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    source_files(&root, &root, &mut files);
    let modules: BTreeSet<Vec<String>> = files.iter().map(|file| file.module.clone()).collect();
    let mut edges: BTreeMap<Vec<String>, BTreeSet<Vec<String>>> = BTreeMap::new();
    for file in &files {
        let targets = edges.entry(file.module.clone()).or_default();
        for path in named_paths(&without_test_modules(&code_only(&file.text))) {
            let to = target(&file.module, &path, &modules);
            // Itself, or its own descendants (a module declaring and re-exporting its children).
            if to.starts_with(&file.module) {
                continue;
            }
            targets.insert(to);
        }
    }
    let found = cycles(&edges);
    assert!(
        found.is_empty(),
        "files that import each other (directly or through others): {found:#?}"
    );
}

#[test]
fn the_reader_finds_paths_in_use_groups_and_inline() {
    let code = code_only(
        "use super::{docs::{a, b}, layout::Item};\nlet x = crate::emit::HEADER; // crate::diff\nlet s = \"crate::models::\";",
    );
    let paths: Vec<String> = named_paths(&code)
        .iter()
        .map(|path| path.join("::"))
        .collect();
    assert_eq!(
        paths,
        [
            "super::docs::a",
            "super::docs::b",
            "super::layout::Item",
            "crate::emit::HEADER"
        ]
    );
}

#[test]
fn test_modules_are_left_out() {
    let code = "use super::a::B;\n#[cfg(test)]\nmod tests {\n    use crate::c::D;\n    fn f() { {} }\n}\nuse super::e::F;";
    let paths: Vec<String> = named_paths(&without_test_modules(code))
        .iter()
        .map(|path| path.join("::"))
        .collect();
    assert_eq!(paths, ["super::a::B", "super::e::F"]);
}

#[test]
fn a_cycle_is_found() {
    let module = |name: &str| vec![name.to_owned()];
    let mut edges = BTreeMap::new();
    edges.insert(module("a"), BTreeSet::from([module("b")]));
    edges.insert(module("b"), BTreeSet::from([module("c")]));
    edges.insert(module("c"), BTreeSet::from([module("a")]));
    edges.insert(module("d"), BTreeSet::from([module("a")]));
    assert_eq!(cycles(&edges), [["a", "b", "c"]]);
}

//! The recorded state of the template matrix (`tests/matrix/record.toml`): each cell that does not
//! pass yet, and by how much (the errors of docs that do not generate, or the items that failed).
//! A run compares every cell with its record and fails on any difference, so that a change that
//! makes a cell worse is caught, and one that makes it better updates the record
//! (`cargo xtask matrix --bless`) in the same commit, where review sees it.

use std::collections::BTreeMap;
use std::fmt;
use std::fs;
use std::path::Path;

use anyhow::{Context, Result, bail};

/// How far a cell falls short of passing; greater is worse.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Shortfall {
    /// Every check passes.
    Passes,
    /// It generates, and this many items failed.
    Failed(usize),
    /// Its docs do not generate: this many errors.
    Errors(usize),
}

impl fmt::Display for Shortfall {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Shortfall::Passes => f.write_str("passes"),
            Shortfall::Failed(count) => write!(f, "failed {count}"),
            Shortfall::Errors(count) => write!(f, "errors {count}"),
        }
    }
}

impl Shortfall {
    /// Reads what [`Shortfall`]'s `Display` writes.
    fn parse(text: &str) -> Option<Shortfall> {
        if text == "passes" {
            return Some(Shortfall::Passes);
        }
        let (kind, count) = text.split_once(' ')?;
        let count = count.parse().ok()?;
        match kind {
            "failed" => Some(Shortfall::Failed(count)),
            "errors" => Some(Shortfall::Errors(count)),
            _ => None,
        }
    }
}

/// The record: each cell that does not pass, and its shortfall.
pub fn read(path: &Path) -> Result<BTreeMap<String, Shortfall>> {
    if !path.is_file() {
        return Ok(BTreeMap::new());
    }
    let text = fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let table: BTreeMap<String, BTreeMap<String, String>> =
        toml::from_str(&text).with_context(|| format!("reading {}", path.display()))?;
    let mut record = BTreeMap::new();
    for (cell, written) in table.get("cells").into_iter().flatten() {
        let Some(shortfall) = Shortfall::parse(written) else {
            bail!(
                "{}: `{cell} = \"{written}\"`: expected \"failed N\" or \"errors N\"",
                path.display()
            );
        };
        record.insert(cell.clone(), shortfall);
    }
    Ok(record)
}

/// The record's text: the cells that do not pass, sorted.
pub fn text(record: &BTreeMap<String, Shortfall>) -> String {
    let mut text = String::from(
        "# The template matrix's cells that do not pass yet, and by how much: `errors N` (the docs do\n\
         # not generate), `failed N` (N items failed; target/matrix/report.md lists them). Written by\n\
         # `cargo xtask matrix --bless`; `cargo xtask matrix` fails when a cell differs from it.\n\n[cells]\n",
    );
    for (cell, shortfall) in record {
        if *shortfall != Shortfall::Passes {
            text.push_str(&format!("{:?} = \"{shortfall}\"\n", cell));
        }
    }
    text
}

/// The cells whose shortfall differs from the record (absent from the record: passes), each as
/// `(cell, recorded, now)`.
pub fn differences(
    record: &BTreeMap<String, Shortfall>,
    now: &BTreeMap<String, Shortfall>,
) -> Vec<(String, Shortfall, Shortfall)> {
    now.iter()
        .filter_map(|(cell, &current)| {
            let recorded = record.get(cell).copied().unwrap_or(Shortfall::Passes);
            (recorded != current).then(|| (cell.clone(), recorded, current))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn worse_is_greater() {
        assert!(Shortfall::Passes < Shortfall::Failed(1));
        assert!(Shortfall::Failed(1) < Shortfall::Failed(2));
        assert!(Shortfall::Failed(100) < Shortfall::Errors(1));
    }

    #[test]
    fn the_record_reads_back_and_a_changed_cell_is_a_difference() {
        let now = BTreeMap::from([
            ("go@7.26.0".to_owned(), Shortfall::Passes),
            ("java@7.26.0".to_owned(), Shortfall::Failed(3)),
            ("dart@3.3.4".to_owned(), Shortfall::Errors(13)),
        ]);
        let dir = tempfile::tempdir().expect("a temporary folder");
        let path = dir.path().join("record.toml");
        fs::write(&path, text(&now)).expect("written");
        let record = read(&path).expect("reads back");
        assert!(!record.contains_key("go@7.26.0"));
        assert!(differences(&record, &now).is_empty());
        let mut worse = now.clone();
        worse.insert("go@7.26.0".to_owned(), Shortfall::Failed(1));
        worse.insert("dart@3.3.4".to_owned(), Shortfall::Errors(12));
        assert_eq!(
            differences(&record, &worse),
            [
                (
                    "dart@3.3.4".to_owned(),
                    Shortfall::Errors(13),
                    Shortfall::Errors(12)
                ),
                (
                    "go@7.26.0".to_owned(),
                    Shortfall::Passes,
                    Shortfall::Failed(1)
                ),
            ]
        );
    }
}

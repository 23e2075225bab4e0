//! The matrix's figures with a TypeScript second source: each cell's docs read alone and then
//! with the TypeScript cell of the same spec as `[sources] also` (TypeScript's Name column is the
//! JSON name; its types say `null`), both compared with the spec: how many JSON names are exact,
//! how many enums typed, how many disagreements remain. A table in `target/matrix/report.md`.

use std::fmt::Write as _;
use std::fs;
use std::path::Path;

use anyhow::{Context, Result};
use markdown_model_codegen::load;

use crate::oracle::{Comparison, Oracle};

/// The TypeScript templates whose cells may be a second source, the most telling first: axios's
/// pages show the JSON name and required; fetch's do not show required.
const TYPESCRIPT: [&str; 3] = ["typescript-axios", "typescript", "typescript-fetch"];

/// A cell: its name (`template@version`, its docs folder's) and its spec's file name.
pub struct CellRef<'a> {
    /// `template@version`.
    pub name: &'a str,
    /// The spec's file name.
    pub spec: &'a str,
}

/// The Markdown section of the figures with and without a TypeScript second source, for each of
/// `cells` that generates both ways and whose spec has a TypeScript cell among `all` (other than
/// itself). `pages_folder` finds a docs folder's pages; `work` holds the configs written for the
/// runs.
pub fn typescript_section(
    cells: &[CellRef<'_>],
    all: &[CellRef<'_>],
    root: &Path,
    specs: &Path,
    work: &Path,
    pages_folder: impl Fn(&Path) -> std::path::PathBuf,
) -> Result<String> {
    let configs = work.join("sources");
    fs::create_dir_all(&configs)?;
    let mut section = String::from(
        "\n## With a TypeScript second source\n\n\
         Each cell read alone, then with the TypeScript cell of its spec as `[sources] also`.\n\n\
         | cell | second source | exact JSON names | enums typed | disagreements |\n\
         | --- | --- | --- | --- | --- |\n",
    );
    let mut oracles = std::collections::BTreeMap::new();
    for cell in cells {
        let Some(typescript) = typescript_cell(all, cell) else {
            continue;
        };
        let docs = pages_folder(&root.join("docs").join(cell.name));
        let source = pages_folder(&root.join("docs").join(typescript));
        let config = configs.join(format!("{}.toml", cell.name));
        let own_config = root.join("docs").join(cell.name).join("codegen.toml");
        let own = fs::read_to_string(&own_config).unwrap_or_default();
        fs::write(
            &config,
            format!(
                "{own}\n[sources]\nalso = [{}]\n",
                toml::Value::from(source.display().to_string())
            ),
        )
        .with_context(|| format!("writing {}", config.display()))?;
        let own_config = own_config.is_file().then_some(own_config.as_path());
        let (Ok(alone), Ok(with)) = (load(&docs, own_config), load(&docs, Some(&config))) else {
            continue;
        };
        let oracle = match oracles.entry(cell.spec) {
            std::collections::btree_map::Entry::Occupied(entry) => entry.into_mut(),
            std::collections::btree_map::Entry::Vacant(entry) => {
                entry.insert(Oracle::load(&specs.join(cell.spec))?)
            }
        };
        let (alone, with) = (oracle.compare(&alone.model), oracle.compare(&with.model));
        writeln!(
            section,
            "| {} | {typescript} | {} | {} | {} |",
            cell.name,
            both(&alone, &with, |c| (c.exact_json_names, c.fields_compared)),
            both(&alone, &with, |c| (c.enums_typed, c.oracle_enums)),
            both(&alone, &with, |c| (c.mismatches.len(), 0)),
        )?;
    }
    Ok(section)
}

/// The TypeScript cell of `cell`'s spec that is a second source for it: of the most telling
/// template, the last in the file; none for a TypeScript cell itself.
fn typescript_cell<'a>(cells: &[CellRef<'a>], cell: &CellRef<'_>) -> Option<&'a str> {
    let template = |name: &str| name.split('@').next().unwrap_or(name).to_owned();
    if TYPESCRIPT.contains(&template(cell.name).as_str()) {
        return None;
    }
    TYPESCRIPT.iter().find_map(|wanted| {
        (cells.iter().rev())
            .find(|other| other.spec == cell.spec && template(other.name) == *wanted)
            .map(|other| other.name)
    })
}

/// `a/b -> c/d` of a figure alone and with the second source (`a -> c` when `b` is 0).
fn both(
    alone: &Comparison,
    with: &Comparison,
    figure: impl Fn(&Comparison) -> (usize, usize),
) -> String {
    let show = |(count, of): (usize, usize)| {
        if of == 0 {
            count.to_string()
        } else {
            format!("{count}/{of}")
        }
    };
    format!("{} -> {}", show(figure(alone)), show(figure(with)))
}

#[cfg(test)]
mod tests {
    use super::{CellRef, typescript_cell};

    #[test]
    fn the_second_source_is_the_most_telling_typescript_cell_of_the_same_spec() {
        let cells = [
            CellRef {
                name: "go@7.26.0",
                spec: "a.json",
            },
            CellRef {
                name: "typescript-fetch@7.26.0",
                spec: "a.json",
            },
            CellRef {
                name: "typescript-axios@7.0.1",
                spec: "a.json",
            },
            CellRef {
                name: "typescript-axios@7.26.0",
                spec: "a.json",
            },
            CellRef {
                name: "go@7.26.0-oas31",
                spec: "b.json",
            },
            CellRef {
                name: "typescript-fetch@7.26.0-oas31",
                spec: "b.json",
            },
            CellRef {
                name: "go@3.3.4",
                spec: "c.json",
            },
        ];
        assert_eq!(
            typescript_cell(&cells, &cells[0]),
            Some("typescript-axios@7.26.0")
        );
        assert_eq!(
            typescript_cell(&cells, &cells[4]),
            Some("typescript-fetch@7.26.0-oas31")
        );
        assert_eq!(typescript_cell(&cells, &cells[6]), None);
        assert_eq!(typescript_cell(&cells, &cells[3]), None);
    }
}

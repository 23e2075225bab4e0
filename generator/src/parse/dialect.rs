//! The dialects of model docs: which template wrote a folder. Each dialect's pages are read into
//! the same dialect-neutral [`ModelPage`](super::ModelPage); what differs is the type syntax and
//! the page layout, and a page's syntax shows its dialect.

use std::fmt;

/// A template family whose model docs the generator reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Dialect {
    /// swagger-codegen's and the early openapi-generator's `python` (and templates derived from
    /// them, such as Genesys Cloud's): `list[X]`, `dict(str, X)`.
    Python,
    /// openapi-generator's `python-prior` (2021): `[X]`, `{str: (X,)}`, `none_type`,
    /// `**any string name**` rows, enums as a `value` row that `must be one of [...]`.
    PythonPrior,
    /// openapi-generator's pydantic templates (`python` since 7.0, `python-pydantic-v1`):
    /// `List[X]`, `Dict[str, X]`, `Optional[X]`, `StrictStr`; enum pages with a `## Enum` list.
    PythonPydantic,
}

impl Dialect {
    /// Every dialect, in a fixed order.
    pub const ALL: [Dialect; 3] = [
        Dialect::Python,
        Dialect::PythonPrior,
        Dialect::PythonPydantic,
    ];

    /// The dialect's name, as `codegen.toml` writes it and runs report it.
    pub fn name(self) -> &'static str {
        match self {
            Dialect::Python => "python",
            Dialect::PythonPrior => "python-prior",
            Dialect::PythonPydantic => "python-pydantic",
        }
    }

    /// The dialect with this name.
    pub fn from_name(name: &str) -> Option<Dialect> {
        Dialect::ALL
            .into_iter()
            .find(|dialect| dialect.name() == name)
    }
}

impl fmt::Display for Dialect {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

//! Every dialect the generator reads, one file each, and what the shared readers ask of them:
//! which dialects a word, a container or a layout shows (those that declare it, or write the
//! syntax of one that does), and what it means. Adding a dialect is a file here and a line in [`ALL`].

mod bash;
mod c;
mod csharp;
mod dart;
mod eiffel;
mod go;
mod java;
mod javascript;
mod kotlin;
mod objc;
pub(super) mod openapi_generator;
mod perl;
mod php;
mod powershell;
mod python;
pub(super) mod python_json_schema;
mod python_prior;
mod python_pydantic;
mod r;
mod ruby;
mod rust;
mod scala;
mod swift;
mod typescript;
mod typescript_fetch;

use std::collections::HashMap;
use std::fmt;
use std::sync::LazyLock;

use super::dialect::{Dialect, DialectSpec, Mark, Opener, Qualified, Word};

pub use python::api_name as python_api_name;

/// Every dialect, in a fixed order; the first is the default, the dialect of a folder whose
/// pages show none (its syntax is the plainest).
pub static ALL: &[&DialectSpec] = &[
    &python::SPEC,
    &python_prior::SPEC,
    &python_pydantic::SPEC,
    &java::SPEC,
    &go::SPEC,
    &typescript::SPEC,
    &ruby::SPEC,
    &rust::SPEC,
    &typescript_fetch::SPEC,
    &csharp::SPEC,
    &swift::SPEC,
    &php::SPEC,
    &kotlin::SPEC,
    &dart::SPEC,
    &javascript::SPEC,
    &perl::SPEC,
    &powershell::SPEC,
    &r::SPEC,
    &bash::SPEC,
    &c::SPEC,
    &objc::SPEC,
    &eiffel::SPEC,
    &scala::SPEC,
    &python_json_schema::SPEC,
];

/// The dialect of a folder whose pages show none: the first of the list, `python`.
impl Default for Dialect {
    fn default() -> Dialect {
        Dialect::of(ALL[0])
    }
}

/// The dialect with this name.
pub fn named(name: &str) -> Option<Dialect> {
    ALL.iter()
        .find(|spec| spec.name == name)
        .map(|&spec| Dialect::of(spec))
}

/// Every dialect's name, in the order of the list of dialects.
pub fn names() -> Vec<&'static str> {
    ALL.iter().map(|spec| spec.name).collect()
}

/// A set of dialects: those that declare a syntax, which it shows, narrowed by intersection as
/// a type, a page or a folder shows more. One bit per dialect, by its index in
/// [`ALL`], whose order (most established first) orders the set too.
#[derive(Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct Dialects(u64);

impl Dialects {
    /// The dialects whose descriptions `declares` accepts.
    pub fn declaring(declares: impl Fn(&'static DialectSpec) -> bool) -> Dialects {
        let bits = (ALL.iter().enumerate())
            .filter(|&(_, &spec)| declares(spec))
            .fold(0, |bits, (index, _)| bits | 1 << index);
        Dialects(bits)
    }

    /// The set of one dialect.
    pub fn of(dialect: Dialect) -> Dialects {
        Dialects::declaring(|spec| spec.name == dialect.name())
    }

    /// Whether the set holds no dialect.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// Whether the set holds `dialect`.
    pub fn contains(self, dialect: Dialect) -> bool {
        self.intersection(Dialects::of(dialect)) == Dialects::of(dialect)
    }

    /// The dialects in both sets.
    pub fn intersection(self, other: Dialects) -> Dialects {
        Dialects(self.0 & other.0)
    }

    /// The dialects in either set.
    pub fn union(self, other: Dialects) -> Dialects {
        Dialects(self.0 | other.0)
    }

    /// The dialects of the set that `keep` accepts.
    pub fn filter(self, keep: impl Fn(Dialect) -> bool) -> Dialects {
        Dialects::declaring(|spec| self.contains(Dialect::of(spec)) && keep(Dialect::of(spec)))
    }

    /// The set narrowed to what `other` shows too, unless no dialect shows both: then `self`
    /// (a later mark that contradicts the earlier ones is ignored).
    pub fn narrowed_by(self, other: Dialects) -> Dialects {
        let both = self.intersection(other);
        if both.is_empty() { self } else { both }
    }

    /// What `shown` (what was shown so far, if anything) is once `more` is shown too: narrowed
    /// by it ([`Dialects::narrowed_by`]).
    pub fn narrow(shown: Option<Dialects>, more: Option<Dialects>) -> Option<Dialects> {
        match (shown, more) {
            (Some(shown), Some(more)) => Some(shown.narrowed_by(more)),
            (shown, more) => shown.or(more),
        }
    }

    /// The set's dialects, in the order of [`ALL`].
    pub fn iter(self) -> impl Iterator<Item = Dialect> {
        (ALL.iter().enumerate())
            .filter(move |(index, _)| self.0 & 1 << index != 0)
            .map(|(_, &spec)| Dialect::of(spec))
    }

    /// The set's first dialect in the order of [`ALL`] (the most established).
    pub fn first(self) -> Option<Dialect> {
        self.iter().next()
    }
}

/// The names, joined by `or`: `csharp or dart`.
impl fmt::Display for Dialects {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (index, dialect) in self.iter().enumerate() {
            if index > 0 {
                f.write_str(" or ")?;
            }
            f.write_str(dialect.name())?;
        }
        Ok(())
    }
}

impl fmt::Debug for Dialects {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Dialects({self})")
    }
}

/// What the dialects declare, looked up by what the readers find: built once, so that reading
/// a name costs one lookup however many dialects there are.
struct Index {
    /// Each word: its first declaration's meaning, and the dialects it shows.
    words: HashMap<&'static str, (Word, Dialects)>,
    /// Each container's name and bracket: its first declaration, and the dialects it shows.
    openers: HashMap<(&'static str, char), (Opener, Dialects)>,
    /// Each [`Mark`]: the dialects it shows.
    marks: Vec<(Mark, Dialects)>,
    /// Each qualified names' prefix: how the name is read, and the dialects it shows.
    qualified: Vec<(&'static str, Qualified, Dialects)>,
}

/// The dialects that show something (`declares` says whether a description declares it): those
/// that declare it, and those that write the syntax of one that does
/// ([`DialectSpec::extends`]).
fn shown(declares: impl Fn(&DialectSpec) -> bool) -> Dialects {
    let declaring = Dialects::declaring(&declares);
    let extending = Dialects::declaring(|spec| {
        (spec.extends.iter())
            .any(|&name| named(name).is_some_and(|other| declaring.contains(other)))
    });
    declaring.union(extending)
}

static INDEX: LazyLock<Index> = LazyLock::new(|| {
    let mut index = Index {
        words: HashMap::new(),
        openers: HashMap::new(),
        marks: Vec::new(),
        qualified: Vec::new(),
    };
    for spec in ALL {
        for &(name, word) in spec.words {
            index.words.entry(name).or_insert_with(|| {
                let dialects = shown(|spec| spec.words.iter().any(|(other, _)| *other == name));
                (word, dialects)
            });
        }
        for &opener in spec.containers {
            let key = (opener.name, opener.bracket);
            index.openers.entry(key).or_insert_with(|| {
                let declares = |spec: &DialectSpec| {
                    (spec.containers.iter()).any(|other| (other.name, other.bracket) == key)
                };
                (opener, shown(declares))
            });
        }
        for &mark in spec.marks {
            if !index.marks.iter().any(|(known, _)| *known == mark) {
                index
                    .marks
                    .push((mark, shown(|spec| spec.marks.contains(&mark))));
            }
        }
        for &(prefix, how) in spec.qualified {
            let dialects = shown(|spec| spec.qualified.iter().any(|(other, _)| *other == prefix));
            index.qualified.push((prefix, how, dialects));
        }
    }
    index
});

/// The dialects a [`Mark`] shows; `None` when none declares it.
pub fn shown_by(mark: Mark) -> Option<Dialects> {
    INDEX
        .marks
        .iter()
        .find(|(known, _)| *known == mark)
        .map(|&(_, dialects)| dialects)
}

/// The dialects a list in brackets of this item shows (`[str]`, [`Mark::BracketListOf`]), or
/// else those a list in brackets shows ([`Mark::BracketList`]).
pub fn shown_by_bracket_list(item: Option<&str>) -> Option<Dialects> {
    let of_item = INDEX.marks.iter().find_map(|&(mark, dialects)| match mark {
        Mark::BracketListOf(known) if Some(known) == item => Some(dialects),
        _ => None,
    });
    of_item.or_else(|| shown_by(Mark::BracketList))
}

/// What a type name the dialects declare is ([`DialectSpec::words`]), and the dialects it shows.
pub fn word(name: &str) -> Option<(Word, Dialects)> {
    INDEX.words.get(name).copied()
}

/// The container a name and a bracket open (`Hash` `<`), and the dialects it shows.
pub fn opener(name: &str, bracket: char) -> Option<(Opener, Dialects)> {
    INDEX.openers.get(&(name, bracket)).copied()
}

/// How a qualified type name is read (`\Vendor\Model\Pet`, `kotlin.Long`), and the dialects
/// its prefix shows.
pub fn qualified(name: &str) -> Option<(Qualified, Dialects)> {
    INDEX
        .qualified
        .iter()
        .find(|(prefix, _, _)| name.starts_with(prefix))
        .map(|&(_, how, dialects)| (how, dialects))
}

/// In a test of what a type shows: `expected` when the set shown holds it; `None` when the type
/// shows no one dialect (nothing, or several); else the set's first dialect, for the failed
/// assertion to print.
#[cfg(test)]
pub(super) fn shown_as(shown: Option<Dialects>, expected: Option<Dialect>) -> Option<Dialect> {
    match (shown, expected) {
        (Some(shown), Some(expected)) if shown.contains(expected) => Some(expected),
        (Some(shown), _) if shown.iter().nth(1).is_some() && expected.is_none() => None,
        (shown, _) => shown.and_then(Dialects::first),
    }
}

/// Asserts that each `(text, read, shown)` type parses, prints as `read` in the neutral syntax
/// and shows `shown` among the dialects it shows ([`shown_as`]): for the dialects' tests of
/// their syntax.
#[cfg(test)]
fn assert_reads(cases: &[(&str, &str, Option<Dialect>)]) {
    for &(text, read, shown) in cases {
        let parsed =
            super::type_expr::parse_type(text).unwrap_or_else(|error| panic!("{text}: {error:?}"));
        assert_eq!(
            (
                parsed.expr.to_string().as_str(),
                shown_as(parsed.dialects, shown)
            ),
            (read, shown),
            "{text}"
        );
    }
}

/// A type as a folder of the named dialect reads it, printed in the neutral syntax
/// (`Array<Hash>` in a Ruby folder: `list[dict(str, object)]`), with the note its field's docs
/// get: for the dialects' tests of their vocabulary.
#[cfg(test)]
fn read_in_folder(dialect: &str, text: &str) -> (String, Option<String>) {
    use super::type_expr::parse_type;
    use super::types::Leaf;

    let dialect = named(dialect).expect("a dialect");
    let mut expr = parse_type(text)
        .unwrap_or_else(|error| panic!("{text}: {error:?}"))
        .expr;
    let mut note = None;
    if let Leaf::Named(name) = &expr.leaf
        && let Some((leaf, inexact)) = dialect.read_name(name, &Default::default())
    {
        note = inexact.map(|inexact| inexact.note(name));
        expr.leaf = leaf;
    }
    (expr.to_string(), note)
}

/// The model page `text` reads as, which must read without a diagnostic: for the dialects'
/// tests of their layouts.
#[cfg(test)]
fn read_page(text: &str) -> super::page::ModelPage {
    use super::page::{PageOutcome, parse_page};
    use crate::diagnostic::Sources;

    let mut sources = Sources::default();
    let file = sources.add(std::path::PathBuf::from("Page.md"), text.to_owned());
    let mut diagnostics = Vec::new();
    let PageOutcome::Model(page) = parse_page(file, text, &mut diagnostics) else {
        panic!("not a model page: {diagnostics:?}");
    };
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
    *page
}

#[cfg(test)]
mod tests {
    use super::ALL;

    /// Two dialects that declare the same word or container mean the same by it: the readers
    /// take the first declaration's meaning.
    #[test]
    fn shared_declarations_agree() {
        for spec in ALL {
            for other in ALL {
                for (name, word) in spec.words {
                    for (other_name, other_word) in other.words {
                        assert!(name != other_name || word == other_word, "{name}");
                    }
                }
                for opener in spec.containers {
                    for other_opener in other.containers {
                        let same = (opener.name, opener.bracket)
                            == (other_opener.name, other_opener.bracket);
                        assert!(!same || opener == other_opener, "{}", opener.name);
                    }
                }
            }
        }
    }

    /// Every dialect has a name of its own.
    #[test]
    fn names_are_unique() {
        let mut names: Vec<_> = ALL.iter().map(|spec| spec.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), ALL.len());
    }
}

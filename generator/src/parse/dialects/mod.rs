//! Every dialect the generator reads, one file each, and what the shared readers ask of them:
//! which dialect a word, a container or a layout shows (the one that declares it, when no other
//! does), and what it means. Adding a dialect is a file here and a line in [`ALL`].

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

/// What the dialects declare, looked up by what the readers find: built once, so that reading
/// a name costs one lookup however many dialects there are.
struct Index {
    /// Each word: its first declaration's meaning, and the dialect it shows.
    words: HashMap<&'static str, (Word, Option<Dialect>)>,
    /// Each container's name and bracket: its first declaration, and the dialect it shows.
    openers: HashMap<(&'static str, char), (Opener, Option<Dialect>)>,
    /// Each [`Mark`]: the dialect it shows.
    marks: Vec<(Mark, Option<Dialect>)>,
    /// Each qualified names' prefix: how the name is read, and the dialect it shows.
    qualified: Vec<(&'static str, Qualified, Option<Dialect>)>,
}

/// The dialect that alone declares something (`declares` says whether a description does):
/// `None` when none or several do.
fn only(declares: impl Fn(&DialectSpec) -> bool) -> Option<Dialect> {
    let mut declaring = ALL.iter().filter(|spec| declares(spec));
    let first = declaring.next()?;
    declaring.next().is_none().then(|| Dialect::of(first))
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
                let shown = only(|spec| spec.words.iter().any(|(other, _)| *other == name));
                (word, shown)
            });
        }
        for &opener in spec.containers {
            let key = (opener.name, opener.bracket);
            index.openers.entry(key).or_insert_with(|| {
                let declares = |spec: &DialectSpec| {
                    (spec.containers.iter()).any(|other| (other.name, other.bracket) == key)
                };
                (opener, only(declares))
            });
        }
        for &mark in spec.marks {
            if !index.marks.iter().any(|(known, _)| *known == mark) {
                index
                    .marks
                    .push((mark, only(|spec| spec.marks.contains(&mark))));
            }
        }
        for &(prefix, how) in spec.qualified {
            let shown = only(|spec| spec.qualified.iter().any(|(other, _)| *other == prefix));
            index.qualified.push((prefix, how, shown));
        }
    }
    index
});

/// The dialect a [`Mark`] shows.
pub fn shown_by(mark: Mark) -> Option<Dialect> {
    INDEX
        .marks
        .iter()
        .find(|(known, _)| *known == mark)
        .and_then(|&(_, shown)| shown)
}

/// The dialect a list in brackets of this item shows (`[str]`, [`Mark::BracketListOf`]), or
/// else the one a list in brackets shows ([`Mark::BracketList`]).
pub fn shown_by_bracket_list(item: Option<&str>) -> Option<Dialect> {
    let of_item = INDEX.marks.iter().find_map(|&(mark, shown)| match mark {
        Mark::BracketListOf(known) if Some(known) == item => shown,
        _ => None,
    });
    of_item.or_else(|| shown_by(Mark::BracketList))
}

/// What a type name the dialects declare is ([`DialectSpec::words`]), and the dialect it shows.
pub fn word(name: &str) -> Option<(Word, Option<Dialect>)> {
    INDEX.words.get(name).copied()
}

/// The container a name and a bracket open (`Hash` `<`), and the dialect it shows.
pub fn opener(name: &str, bracket: char) -> Option<(Opener, Option<Dialect>)> {
    INDEX.openers.get(&(name, bracket)).copied()
}

/// How a qualified type name is read (`\Vendor\Model\Pet`, `kotlin.Long`), and the dialect its
/// prefix shows.
pub fn qualified(name: &str) -> Option<(Qualified, Option<Dialect>)> {
    INDEX
        .qualified
        .iter()
        .find(|(prefix, _, _)| name.starts_with(prefix))
        .map(|&(_, how, shown)| (how, shown))
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

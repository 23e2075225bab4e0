//! Every dialect the generator reads, one file each, and what the shared readers ask of them:
//! which dialect a word, a container or a layout shows (the one that declares it, when no other
//! does), and what it means. Adding a dialect is a file here and a line in [`ALL`].

mod csharp;
mod go;
mod java;
mod kotlin;
mod php;
mod python;
mod python_prior;
mod python_pydantic;
mod ruby;
mod rust;
mod swift;
mod typescript;
mod typescript_fetch;

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
];

/// The dialect of a folder whose pages show none: the first of [`ALL`].
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

/// Every dialect's name, in [`ALL`]'s order.
pub fn names() -> Vec<&'static str> {
    ALL.iter().map(|spec| spec.name).collect()
}

/// The dialect that alone declares something (`declares` says whether a description does):
/// `None` when none or several do.
fn only(declares: impl Fn(&DialectSpec) -> bool) -> Option<Dialect> {
    let mut declaring = ALL.iter().filter(|spec| declares(spec));
    let first = declaring.next()?;
    declaring.next().is_none().then(|| Dialect::of(first))
}

/// The dialect a [`Mark`] shows.
pub fn shown_by(mark: Mark) -> Option<Dialect> {
    only(|spec| spec.marks.contains(&mark))
}

/// What a type name the dialects declare is ([`DialectSpec::words`]), and the dialect it shows.
pub fn word(name: &str) -> Option<(Word, Option<Dialect>)> {
    let word = ALL
        .iter()
        .find_map(|spec| spec.words.iter().find(|(written, _)| *written == name))?
        .1;
    Some((
        word,
        only(|spec| spec.words.iter().any(|(written, _)| *written == name)),
    ))
}

/// The container a name and a bracket open (`Hash` `<`), and the dialect it shows.
pub fn opener(name: &str, bracket: char) -> Option<(Opener, Option<Dialect>)> {
    let declared = |opener: &&Opener| opener.name == name && opener.bracket == bracket;
    let opener = *ALL
        .iter()
        .find_map(|spec| spec.containers.iter().find(declared))?;
    Some((
        opener,
        only(|spec| spec.containers.iter().any(|o| declared(&o))),
    ))
}

/// How a qualified type name is read (`\Vendor\Model\Pet`, `kotlin.Long`), and the dialect its
/// prefix shows.
pub fn qualified(name: &str) -> Option<(Qualified, Option<Dialect>)> {
    let declared = |(prefix, _): &&(&str, Qualified)| name.starts_with(prefix);
    let how = ALL
        .iter()
        .find_map(|spec| spec.qualified.iter().find(declared))?
        .1;
    Some((
        how,
        only(|spec| spec.qualified.iter().any(|q| declared(&q))),
    ))
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

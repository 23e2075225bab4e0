//! openapi-generator's `python-prior` (2021; `python-experimental` in 4.x and 5.x, `python` in
//! 5.x): `[X]`, `[A, B]` (a list of either), `{str: (X,)}`, `none_type`, `file_type`, unions
//! written `A, B` or `(A, B,)`, models named with their module (`tag.Tag`, 4.x),
//! `**any string name**` rows, enums as a `value` row that `must be one of [...]`, and the
//! `isAlias` / `isArray` form: a page whose only row is a required `value`.

use std::collections::BTreeSet;

use super::openapi_generator;
use crate::model::Primitive;
use crate::parse::dialect::{DialectSpec, Inexact, Mark, Word};
use crate::parse::types::Leaf;

/// `python-prior`'s description.
pub static SPEC: DialectSpec = DialectSpec {
    reads_operations: true,
    file_types: &["file_type"],
    name: "python-prior",
    api_name: super::python::api_name,
    type_syntax: "python-prior types are `str`, `int`, `float`, `bool`, `date`, `datetime`, \
                  `file_type`, `[T]`, `{str: (T,)}`, unions such as `str, none_type`, or a \
                  model name (`module.Name`)",
    value_row_is_alias: true,
    any_value_row_on_every_page: true,
    writes_angle_brackets: false,
    // Files are `file_type`: a binary string on the wire.
    words: &[
        ("none_type", Word::Null),
        ("file_type", Word::Primitive(Primitive::String)),
    ],
    marks: &[
        // `[X]` is Swift's too; with a Python type name inside it is only this template's.
        Mark::BracketList,
        Mark::BracketListOf("str"),
        Mark::BracketListOf("int"),
        Mark::BracketListOf("float"),
        Mark::BracketListOf("bool"),
        Mark::BracketListOf("date"),
        Mark::BracketListOf("datetime"),
        Mark::BracketListOf("none_type"),
        Mark::BraceMap,
        Mark::ParenthesizedUnion,
        Mark::CommaUnion,
        Mark::AnyStringNameRow,
        Mark::ValueRowEnum,
        // `python-experimental` 5.x's page of one value.
        Mark::ValueTable,
        Mark::ModulePathTitle,
    ],
    read_other_name: Some(module_qualified_model),
    ..DialectSpec::EMPTY
};

/// A model named with its module, as `python-experimental` 4.x writes it (`tag.Tag`,
/// `free_form_object.FreeFormObject`): the model's name, whether or not a page of the folder
/// defines it; where none does, one of openapi-generator's own names (`FreeFormObject`,
/// `OneOfstringinteger`) is what every dialect reads it as.
fn module_qualified_model(
    name: &str,
    page_names: &BTreeSet<String>,
) -> Option<(Leaf, Option<Inexact>)> {
    let (module, model) = name.rsplit_once('.')?;
    let is_module = !module.is_empty()
        && module
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '.');
    let is_model = model.starts_with(|c: char| c.is_ascii_uppercase());
    if !(is_module && is_model) {
        return None;
    }
    (!page_names.contains(model))
        .then(|| openapi_generator::read_name(model))
        .flatten()
        .or_else(|| Some((Leaf::Named(model.to_owned()), None)))
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::super::{read_in_folder, read_page};
    use super::module_qualified_model;
    use crate::model::Primitive;
    use crate::parse::dialect::Inexact;
    use crate::parse::types::Leaf;

    /// Every type the template writes, at every version, with its neutral reading.
    #[test]
    fn reads_the_python_prior_vocabulary() {
        for (text, neutral) in [
            ("str", "str"),
            ("file_type", "str"),
            ("[file_type]", "list[str]"),
            ("[str]", "list[str]"),
            ("[[int]]", "list[list[int]]"),
            ("{str: (str,)}", "dict(str, str)"),
            ("{str: ([str],)}", "dict(str, list[str])"),
            ("str, none_type", "str"),
            ("[str, none_type]", "list[str]"),
            ("[str], none_type", "list[str]"),
            ("int, float", "float"),
            (
                "[bool, date, datetime, dict, float, int, list, str, none_type]",
                "list[object]",
            ),
            (
                "{str: (bool, date, datetime, dict, float, int, list, str,)}",
                "dict(str, object)",
            ),
            ("[{str: (int,)}]", "list[dict(str, int)]"),
            // `python-experimental` 4.x names a model with its module.
            ("tag.Tag", "Tag"),
            ("[tag.Tag]", "list[Tag]"),
            ("pet.Pet, none_type", "Pet"),
        ] {
            let read = read_in_folder("python-prior", text);
            assert_eq!(read, (neutral.to_owned(), None), "{text}");
        }
    }

    /// `python-experimental` 5.x writes a page of one value as a table without a Name column:
    /// an enum when its Notes list the values, else an alias of its type.
    #[test]
    fn a_table_of_one_value_is_an_enum_or_an_alias() {
        let page = |row: &str| {
            let text = format!(
                "# Value\n\nA value.\n\nType | Description | Notes\n\
                 ------------- | ------------- | -------------\n{row}\n"
            );
            let page = read_page(&text);
            let values = (page.enum_values.iter().flat_map(|listed| &listed.values))
                .map(|value| value.value.clone())
                .collect::<Vec<_>>();
            let alias = page.alias.map(|alias| alias.value.to_string());
            let shown = page.dialects.and_then(|shown| shown.value.first());
            (values, alias, shown.map(|dialect| dialect.name()))
        };
        assert_eq!(
            page(r#"**str** | A value. |  must be one of ["a", "b c", ]"#),
            (vec!["a".into(), "b c".into()], None, Some("python-prior"))
        );
        assert_eq!(
            page("**[str]** | A value. | "),
            (Vec::new(), Some("list[str]".into()), Some("python-prior"))
        );
    }

    /// openapi-generator's own names with their module are its names (any JSON value) where no
    /// page defines them, and the model where one does.
    #[test]
    fn module_qualified_generator_names_are_the_generators_unless_a_page_defines_them() {
        let pages = BTreeSet::from(["FreeFormObject".to_owned()]);
        let any = Some((
            Leaf::Primitive(Primitive::Any),
            Some(Inexact::GeneratorName("a free-form object")),
        ));
        let model = Some((Leaf::Named("FreeFormObject".to_owned()), None));
        let name = "free_form_object.FreeFormObject";
        assert_eq!(module_qualified_model(name, &BTreeSet::new()), any);
        assert_eq!(module_qualified_model(name, &pages), model);
        let composition =
            module_qualified_model("one_ofstringinteger.OneOfstringinteger", &BTreeSet::new());
        assert!(matches!(
            composition,
            Some((Leaf::Primitive(Primitive::Any), Some(_)))
        ));
    }
}

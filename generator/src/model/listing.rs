//! Which models are pages of a listing, and how each names its next page: a struct of a list
//! of items (JSON `entities`, `items`, `results` or `data`) with the next page's link (`nextUri`,
//! `nextLink`, `nextPageUri`), its cursor (`cursor`, also the query parameter that resumes), or
//! its page number and count (`pageNumber`, `pageCount`, the number also being the query
//! parameter that asks for a page). Names are compared by their letters
//! only, without case (`next_uri` is `nextUri`). Genesys Cloud's 290 `...EntityListing`s are
//! such pages; a listing of another form (a `Link` header) is left to the caller.

use super::{
    BaseType, Container, Field, FieldType, Listing, Model, ModelKind, NextPage, Primitive,
};

/// The JSON names of a listing's items, in the order they are looked for.
const ITEMS: [&str; 4] = ["entities", "items", "results", "data"];
/// The JSON names of a string field that links the next page.
const NEXT_LINK: [&str; 3] = ["nexturi", "nextlink", "nextpageuri"];
/// The JSON name of a string field that is the next page's cursor (also the query parameter).
const CURSOR: &str = "cursor";
/// The JSON names of a page's number (also the query parameter) and of the page count.
const PAGE_NUMBER: &str = "pagenumber";
const PAGE_COUNT: &str = "pagecount";

/// How `model` is a page of a listing, if it is one.
pub(super) fn listing(model: &Model) -> Option<Listing> {
    if !matches!(model.kind, ModelKind::Struct) {
        return None;
    }
    let named = |names: &[&str], wanted: fn(&FieldType) -> bool| {
        names.iter().find_map(|name| {
            (model.fields.iter())
                .find(|field| letters(&field.wire_name) == *name && wanted(&field.ty))
        })
    };
    let items = named(&ITEMS, |ty| ty.containers.first() == Some(&Container::List))?;
    let next = if let Some(link) = named(&NEXT_LINK, is_string) {
        NextPage::Link {
            field: field_access(link),
        }
    } else if let Some(cursor) = named(&[CURSOR], is_string) {
        NextPage::Cursor {
            field: field_access(cursor),
            query: cursor.wire_name.clone(),
        }
    } else {
        let number = named(&[PAGE_NUMBER], is_integer)?;
        let count = named(&[PAGE_COUNT], is_integer)?;
        NextPage::Number {
            number: field_access(number),
            count: field_access(count),
            query: number.wire_name.clone(),
        }
    };
    Some(Listing {
        items: field_access(items),
        next,
    })
}

/// A field of a listing: its Rust name, and whether it is an `Option`.
fn field_access(field: &Field) -> super::ListingField {
    super::ListingField {
        rust_name: field.rust_name.clone(),
        optional: !field.required || field.nullable,
    }
}

/// A name's letters and digits, lowercase (`next_uri` and `nextUri` are `nexturi`).
fn letters(name: &str) -> String {
    name.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

fn is_string(ty: &FieldType) -> bool {
    ty.containers.is_empty() && ty.base == BaseType::Primitive(Primitive::String)
}

fn is_integer(ty: &FieldType) -> bool {
    ty.containers.is_empty() && ty.base == BaseType::Primitive(Primitive::Integer)
}

//! What a dialect of model docs is: the description each template family gives of itself
//! ([`DialectSpec`], one file each in `dialects/`), and the handle the readers pass around
//! ([`Dialect`]). The shared readers ask these descriptions what a word, a container or a layout
//! means and which dialect it shows; nothing outside `dialects/` names a dialect.

use std::collections::BTreeSet;
use std::fmt;
use std::hash::{Hash, Hasher};

use super::dialects::openapi_generator;
pub use super::types::Inexact;
use super::types::Leaf;
use crate::model::{Container, Primitive};

/// A template family whose model docs the generator reads: a handle on its description. Two
/// handles are equal when they name the same dialect.
#[derive(Clone, Copy)]
pub struct Dialect(&'static DialectSpec);

impl Dialect {
    /// The handle on a dialect's description.
    pub const fn of(spec: &'static DialectSpec) -> Dialect {
        Dialect(spec)
    }

    /// The dialect's description.
    pub fn spec(self) -> &'static DialectSpec {
        self.0
    }

    /// The dialect's name, as `codegen.toml` writes it and runs report it.
    pub fn name(self) -> &'static str {
        self.0.name
    }

    /// The API's name of a model whose title the dialect spelled its own way
    /// ([`DialectSpec::model_name`]: `OAIPet` is `Pet`); `None` for any other title.
    pub fn model_name(self, title: &str) -> Option<String> {
        self.0.model_name.and_then(|model_name| model_name(title))
    }

    /// The dialect's Name-column convention: the API's name of a property whose Name cell is
    /// `name` (see `PropertyRow::api_name`).
    pub fn api_name(self, name: &str) -> String {
        (self.0.api_name)(name)
    }

    /// The API's name of a parameter whose Name cell in an API page is `name`: the dialect's
    /// [`DialectSpec::parameter_name`], else its Name-column convention.
    pub fn parameter_name(self, name: &str) -> String {
        self.0.parameter_name.map_or_else(
            || self.api_name(name),
            |parameter_name| parameter_name(name),
        )
    }

    /// The dialect's type syntax, for the note of a malformed type.
    pub fn type_syntax(self) -> &'static str {
        self.0.type_syntax
    }

    /// Whether the operation reader knows the dialect's API pages ([`DialectSpec::reads_operations`]).
    pub fn reads_operations(self) -> bool {
        self.0.reads_operations
    }

    /// Whether the dialect's Name column is the JSON name itself, so that `[naming] wire` does
    /// not apply.
    pub fn names_are_json(self) -> bool {
        self.0.names_are_json
    }

    /// Whether a Name cell's API name is the JSON name as written, though the dialect's names
    /// are not in general ([`DialectSpec::keeps_json_name`]).
    pub fn keeps_json_name(self, api_name: &str) -> bool {
        (self.0.keeps_json_name)(api_name)
    }

    /// What a type name the page reader left a name (`String`, `Long`, `NullableString`) is in
    /// a folder of this dialect, unless a page of the folder defines it (`page_names`): a
    /// primitive of the dialect's table, or what its [`DialectSpec::read_other_name`] makes of
    /// it, or else one of openapi-generator's own names (`AnyType`, `OneOfstringinteger`: see
    /// `dialects/openapi_generator.rs`), which every dialect reads, or a name of its default
    /// import mapping before 5.0 that no page has (a model it wrote no page for); and what the
    /// field's docs then say, when the name says less than it is read as.
    pub fn read_name(
        self,
        name: &str,
        page_names: &BTreeSet<String>,
    ) -> Option<(Leaf, Option<Inexact>)> {
        let spec = self.0;
        let primitive = spec
            .primitives
            .iter()
            .find(|(written, _)| *written == name)
            .map(|&(_, primitive)| primitive);
        match primitive {
            Some(primitive) => {
                let inexact = spec
                    .inexact
                    .iter()
                    .find(|(written, _)| *written == name)
                    .map(|&(_, inexact)| inexact);
                Some((Leaf::Primitive(primitive), inexact))
            }
            None => spec
                .read_other_name
                .and_then(|read| read(name, page_names))
                .or_else(|| openapi_generator::read_name(name))
                .or_else(|| openapi_generator::read_import_mapped(name, page_names)),
        }
    }
}

impl PartialEq for Dialect {
    fn eq(&self, other: &Dialect) -> bool {
        self.0.name == other.0.name
    }
}

impl Eq for Dialect {}

impl Hash for Dialect {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.0.name.hash(state);
    }
}

impl fmt::Debug for Dialect {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Dialect({})", self.0.name)
    }
}

impl fmt::Display for Dialect {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0.name)
    }
}

/// A dialect's description of itself: its name and conventions, the words, containers and
/// layouts it writes, and what each means. A mark (a word, a container, a [`Mark`]) shows the
/// set of dialects that declare it (`dialects::Dialects`): syntax two templates share shows both.
#[derive(Debug)]
pub struct DialectSpec {
    /// The name `codegen.toml` writes and runs report (`python-pydantic`).
    pub name: &'static str,
    /// The Name-column convention: the API's name of a property whose Name cell is the argument
    /// (the template's escapes of reserved words removed).
    pub api_name: fn(&str) -> String,
    /// The note a malformed type gets in a folder of this dialect: the types it writes.
    pub type_syntax: &'static str,
    /// The Name column is the JSON name itself (TypeScript's), so `[naming] wire` does not apply.
    pub names_are_json: bool,
    /// Whether an API name is the JSON name as written, where the template keeps a name its
    /// language accepts (Java's `$ref` and `éaccent`), so `[naming] wire` does not apply to it.
    pub keeps_json_name: fn(&str) -> bool,
    /// The templates link every model's name in a Type cell to its page but that of a model
    /// named like one of their language's types, which they write as that type: a name
    /// without a link that the dialect reads (`**String**`), where a model of that name has a
    /// page (Java's `String.md`) that no cell of the folder links, is either
    /// ([`Inexact::TypeOrModel`]).
    pub links_models: bool,
    /// A page whose only row is a required `value` (`python-prior`'s `isAlias` / `isArray`
    /// form) is no object but an alias of that row's type.
    pub value_row_is_alias: bool,
    /// The template writes the `any string name` row on the page of every object that does not
    /// forbid other keys, of any JSON value where the schema does not type them
    /// (`python-prior/model_doc.mustache`'s `{{#additionalProperties}}` row, with
    /// `disallowAdditionalPropertiesIfNotPresent` off), and on the page of a oneOf / anyOf of
    /// non-objects alike: a page whose only row is that one of any JSON value shows no more than
    /// an empty table, and is read as any JSON value.
    pub any_value_row_on_every_page: bool,
    /// A oneOf / anyOf page lists its variants under `### \`openapi_one_of\`` (or `any_of`) and
    /// has no table: a page of no properties (Ruby's).
    pub one_of_sections: bool,
    /// The dialect writes `<...>`; when it does not, its words inside angle brackets are another
    /// language's and show nothing (a Python word in Java's `List<Any>`).
    pub writes_angle_brackets: bool,
    /// The operation reader knows the template's API pages (the seed vendor's `Wraps METHOD
    /// /path` pages, and openapi-generator's, checked on the Ory folders of that template);
    /// another's are skipped like any page without a model.
    pub reads_operations: bool,
    /// The template's API pages write a path's placeholders as `:name` segments (dart-jaguar's
    /// `/pets/:petId`, the Jaguar router's syntax), read as `{name}`.
    pub colon_placeholders: bool,
    /// The template's API pages name each operation after its group and `_` (C's
    /// `PetAPI_createPet`: `{{classname}}_{{operationId}}`), read without them.
    pub group_before_operation_names: bool,
    /// The names the template's API pages write for a file's contents, a `format: binary`
    /// parameter (`api_doc.mustache`'s `{{dataType}}` of a file: Python's `bytearray`, Java's
    /// `File`, Go's `*os.File`): such a parameter takes bytes, a file part in a multipart body.
    pub file_types: &'static [&'static str],
    /// Whether a type name the template's API pages write is one it writes only for a scalar,
    /// though it may be read as any JSON value or a model (Objective-C's `NSNumber`, an integer,
    /// number or boolean; C's enums `X_e`): a parameter of one is never the request's body.
    pub scalar_type: fn(&str) -> bool,
    /// A list type the template's API pages write without its items, linking the items' page
    /// instead (C's `[list_t](tree_node.md) *`: `{{#isArray}}[{{dataType}}_t]({{baseType}}.md)`).
    pub items_in_link: Option<ItemsInLink>,
    /// Type names the page reader reads wherever they stand, and what each is.
    pub words: &'static [(&'static str, Word)],
    /// Containers opened by a name and a bracket (`Hash<`, `List[`), and what each holds.
    pub containers: &'static [Opener],
    /// Prefixes of the qualified type names this dialect writes (`System.`), and how the name
    /// is read.
    pub qualified: &'static [(&'static str, Qualified)],
    /// The other syntax the dialect writes ([`Mark`]).
    pub marks: &'static [Mark],
    /// Type names that are primitives in a folder of this dialect, unless a page defines them
    /// (`String`, `Long`): they carry no mark, any template could have a model of that name.
    pub primitives: &'static [(&'static str, Primitive)],
    /// Names of [`DialectSpec::primitives`] that say less than they are read as, and what the
    /// field's docs say.
    pub inexact: &'static [(&'static str, Inexact)],
    /// Names of [`DialectSpec::primitives`] the template writes for a model of that name too,
    /// linked or not (Rust's `String`, Swift's `Date`, Java's `[**Date**](Date.md)`): in a
    /// folder with a page of that name, the name is either ([`Inexact::TypeOrModel`]).
    pub primitives_before_pages: &'static [&'static str],
    /// Primitives the dialect's older templates wrote with the "absent or `null`" mark on
    /// every field (swagger-codegen's C#: `int?`, `bool?`, required or not, nullable or not):
    /// in a folder where every field of these types has the mark, it says nothing of `null`.
    pub marked_in_every_field: &'static [Primitive],
    /// The templates before openapi-generator's `AnyType` (5.0; Go's 4.x) typed a schema of any
    /// type as their free-form object (Go's `map[string]interface{}`): in a folder where no
    /// value of any type stands but as a map's values, a map of any JSON values is any JSON
    /// value; elsewhere (Go 4.x, 5.x: `ModelUtils.getAdditionalProperties` gave
    /// `additionalProperties: true` as an `ObjectSchema` until 6.0) a map's values so written are.
    pub free_form_map_for_any: bool,
    /// What else a type name left a name is in a folder of this dialect (Go's `NullableX` of a
    /// model, C#'s qualified names), given the names of the folder's pages.
    pub read_other_name: Option<NameReader>,
    /// The API's name of a model whose page title (and type name) is the argument, where the
    /// template spells model names its own way (Objective-C's class prefix `OAIPet`, C's
    /// `pet_t`, Eiffel's `PET`); `None` for a name it did not spell so.
    pub model_name: Option<fn(&str) -> Option<String>>,
    /// The API's name of a parameter whose Name cell in an API page is the argument, where the
    /// template names parameters otherwise than properties (R's `toParamName`: `var_` before a
    /// reserved word, 4.x's `pet.id`); `None`: as [`DialectSpec::api_name`].
    pub parameter_name: Option<fn(&str) -> String>,
    /// The prefix of the wrapper type names that say a value may be `null` (Go's
    /// `NullableString`, `NullablePet`), read by [`DialectSpec::primitives`] or
    /// [`DialectSpec::read_other_name`].
    pub nullable_prefix: Option<&'static str>,
    /// The dialects whose syntax this one writes too, besides its own (Scala's templates write
    /// Java's `Long` and `Map<String, X>`, R's Ruby's titles): what those declare shows this
    /// one too.
    pub extends: &'static [&'static str],
}

/// A list type written without its items, whose cell links the items' page
/// ([`DialectSpec::items_in_link`]).
#[derive(Debug, Clone, Copy)]
pub struct ItemsInLink {
    /// The list type's name (`list_t`).
    pub list: &'static str,
    /// The type name of the items whose page a link names (`tree_node` is `tree_node_t`).
    pub item_name: fn(&str) -> String,
}

/// What a dialect makes of a type name in a folder whose pages have the given names: the leaf
/// it is read as, and the note the field's docs get when the name says less than that.
pub type NameReader = fn(&str, &BTreeSet<String>) -> Option<(Leaf, Option<Inexact>)>;

impl DialectSpec {
    /// A description with nothing declared, for a dialect's own to start from
    /// (`..DialectSpec::EMPTY`): the Name column as written, no flags, no marks.
    pub const EMPTY: DialectSpec = DialectSpec {
        name: "",
        api_name: as_written,
        type_syntax: "",
        names_are_json: false,
        keeps_json_name: |_| false,
        links_models: false,
        value_row_is_alias: false,
        any_value_row_on_every_page: false,
        one_of_sections: false,
        writes_angle_brackets: true,
        reads_operations: false,
        colon_placeholders: false,
        group_before_operation_names: false,
        file_types: &[],
        scalar_type: |_| false,
        items_in_link: None,
        words: &[],
        containers: &[],
        qualified: &[],
        marks: &[],
        primitives: &[],
        inexact: &[],
        primitives_before_pages: &[],
        marked_in_every_field: &[],
        free_form_map_for_any: false,
        read_other_name: None,
        model_name: None,
        parameter_name: None,
        nullable_prefix: None,
        extends: &[],
    };
}

/// What a word of [`DialectSpec::words`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Word {
    /// A primitive (`StrictStr` is a string).
    Primitive(Primitive),
    /// `null` (`none_type`): dropped from a union.
    Null,
    /// A name the folder's dialect reads (Java's `Long`): it only shows the dialect.
    Name,
    /// A container written without its argument (Ruby's `Hash`, `Array`): of any JSON values.
    Container(Container),
    /// A byte (Eiffel's `NATURAL_8`), a name the folder's dialect reads: a list of it is bytes,
    /// a base64 string on the wire (`ARRAY [NATURAL_8]`).
    Byte,
}

/// A container opened by a name and a bracket (`Hash<String, X>`): closed by the matching
/// bracket (`]`, `>`, `)`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Opener {
    /// The name before the bracket (`Hash`).
    pub name: &'static str,
    /// The bracket: `[`, `<` or `(`.
    pub bracket: char,
    /// What it holds.
    pub holds: Holds,
}

/// What an [`Opener`] holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Holds {
    /// A list of its one argument.
    List,
    /// A map from the given string type (`String`, then `,`) to its second argument.
    Map(&'static str),
    /// One of its arguments (`Union[A, B]`).
    Union,
    /// Its argument or `null` (`Optional[A]`).
    Optional,
    /// A map (string keys) of its one argument, after the given key type when that is written
    /// (`NSDictionary<NSString*, X>` or `NSDictionary<X>`); `None`: never written (R's `map(X)`).
    Values(Option<&'static str>),
}

/// How a qualified type name of [`DialectSpec::qualified`] is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Qualified {
    /// As written (`kotlin.Long`), for the folder's dialect to read.
    Whole,
    /// As its last segment after the given separator when it has several (PHP's
    /// `\Vendor\Model\Pet` is `Pet`; `\DateTime` stays `\DateTime`).
    LastSegment(char),
}

/// Syntax a dialect writes besides its words and containers: punctuation of the type grammar
/// and page layouts. Each shows the dialects that declare it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// A list in brackets whose item is the given name: `[str]`.
    BracketListOf(&'static str),
    /// A list in brackets: `[X]`.
    BracketList,
    /// A map in brackets with `String` keys: `[String: X]`.
    BracketMap,
    /// A map in braces with `str` keys: `{str: (X,)}`.
    BraceMap,
    /// A map in braces with `String` keys: `{String: X}`.
    StringBraceMap,
    /// An index signature: `{ [key: string]: X; }`.
    IndexSignature,
    /// A union in parentheses: `(A, B,)`.
    ParenthesizedUnion,
    /// A union of comma-separated types at the top: `A, B`.
    CommaUnion,
    /// A union of `|`-separated types: `A | null`.
    BarUnion,
    /// A `?` after a type: `long?`.
    NullablePostfix,
    /// A `[]` after a type, a list of it: `string[]`.
    ListPostfix,
    /// A `*` after a type, a pointer to it, which says nothing of the value: `char *`.
    PointerPostfix,
    /// Go's prefixes and leaves: `Pointer to **X**`, `[]X`, `map[string]X`, `time.Time`.
    GoSyntax,
    /// Rust's prefixes and leaves: `Option<X>`, `Vec<X>`, `models::X`, `i64`.
    RustSyntax,
    /// A field's own enum as a Type cell linking to it: `[**inline**](#X)`.
    InlineEnum,
    /// A Properties table of only `Name | Type` columns.
    NameTypeHeader,
    /// A `**any string name**` row: the map's values.
    AnyStringNameRow,
    /// An enum page as a `value` row that `must be one of [...]`.
    ValueRowEnum,
    /// A page of one value (an enum or an alias) as a `Type | Description | Notes` table.
    ValueTable,
    /// A raw identifier in the Name column: `r#type`.
    RawIdentifier,
    /// A `## Enum Variants` table.
    EnumVariantsHeading,
    /// A field's own enum as a `## Enum: XEnum` table after the properties.
    FieldEnumHeading,
    /// A field's own enum as its description's end: `Sort order. (enum: asc, desc)`.
    DescriptionEnum,
    /// A field's own enum as a `## Enum: XEnum` list of `` `NAME` (value: `"value"`) `` items
    /// after the properties, named after the field.
    FieldEnumList,
    /// A field's own enum as a `## Enum: Name` section whose paragraph lists its values:
    /// `Allowed values: [a, b]`.
    AllowedValuesParagraph,
    /// An enum page's `## Enum` list indented into a code block.
    IndentedEnumList,
    /// A oneOf / anyOf page as a `## oneOf` (or `## anyOf`) list of variants.
    VariantListHeading,
    /// A title in a module: `# Module::Name`.
    ModuleTitle,
    /// A title in a module's `Object` namespace: `# Module::Object::Name`.
    ObjectModuleTitle,
    /// A title in a namespace of dotted identifiers: `# Namespace.Model.Name`.
    DottedTitle,
    /// A title after the path of its module, which is named after it in snake_case: `# tag.Tag`,
    /// `# openapi_client.model.tag.Tag` (Python's module of one model).
    ModulePathTitle,
    /// A title whose heading text is itself a heading: `# # Name`.
    DoubleHashTitle,
    /// A page of nested schema sections, each a `## Model Type Info` table of the Python
    /// classes a value may be, then `### Dictionary Keys`, `### Tuple Items` or
    /// `### Composed Schemas` tables.
    ModelTypeInfo,
}

/// A Name cell as written: the convention of templates that escape nothing.
pub fn as_written(name: &str) -> String {
    name.to_owned()
}

/// Whether a Name cell is no name a camelCase rule spells (it holds `$` or a non-ASCII letter,
/// or starts with a digit: `$ref`, `éaccent`, `1st`), which the JVM templates keep as the
/// property's name has it: `[naming] wire` would drop or recase what it cannot spell.
pub fn kept_as_written(name: &str) -> bool {
    name.starts_with(|c: char| c.is_ascii_digit())
        || name.contains(|c: char| !c.is_ascii_alphanumeric() && c != '_')
}

/// `name` without the `_` a template writes before a `reserved` name (`_class` -> `class`); any
/// other name as written (`_links`).
pub fn without_underscore_escape(name: &str, reserved: &[&str]) -> String {
    name.strip_prefix('_')
        .filter(|rest| reserved.contains(rest))
        .unwrap_or(name)
        .to_owned()
}

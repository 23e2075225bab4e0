//! Every naming decision: wire names from doc names, Rust identifiers for fields, types, modules,
//! files, features and enum variants. Case conversion is heck's; this module adds keywords,
//! digits and symbols.
//!
//! Names are collision-free by construction and stable: each is a function of one item's own name
//! (never of which other items exist), and each function is injective over the names it is given,
//! so two items never get one name and adding an item never renames another. The scheme (the
//! generated crate's root holds the types and the enum modules of its models):
//!
//! | item | name | example |
//! | --- | --- | --- |
//! | model struct, at the root | [`type_name`]: the page name when UpperCamelCase | `AnalyticsSession` |
//! | module of a model's field enums, at the root | [`module_name`]: snake_case | `analytics_session` |
//! | a model's file, and its private module | [`file_stem`], [`private_module_name`] | `analytics_session.rs`, `_analytics_session` |
//! | enum of a field, in its model's module | [`enum_name`]: the field's UpperCamelCase | `analytics_session::MediaType` |
//! | enum variant | [`variant_names`]; the catch-all is always [`CATCH_ALL`] | `Voice`, `Other(String)` |
//! | oneOf variant | [`one_of_variant_names`]: its type's; the catch-all [`CATCH_ALL`] | `Car`, `ListOfStr`, `Other(Value)` |
//! | Cargo feature of an API group | [`feature_name`] | `analytics` |
//! | operation, in its group's module | [`function_name`] | `get_thing` |
//! | module of an API group's operations, at the root | [`group_module_name`] | `pets_api` |
//! | the request runtime and the async client, at the root | [`REQUEST_MODULE`], [`CLIENT_MODULE`] | `request_::Request`, `client_::Client` |
//! | operation's optional parameters, in its group's module | [`params_type_name`] | `GetPetsParams` |
//! | parameter | [`parameter_name`]: as a field, `params` -> `params_` | `page_size` |
//! | enum of a parameter, in the module named after its operation | [`enum_name`] | `get_pets::SortOrder` |
//!
//! A model or group name may start with a digit (`123Numeric`): it is named as with one more `_`
//! before it (`_123Numeric`, module `__123numeric`; [`digit_escaped`]), which no other name is.
//!
//! The ranges are disjoint: types have an uppercase first letter (after any `_`s and digits);
//! modules are lowercase and never start with a single `_`; private modules are `_` and a module name; the crate's own modules
//! ([`SUPPORT_MODULE`], and the public runtime modules [`REQUEST_MODULE`] and [`CLIENT_MODULE`])
//! end in a single `_`, which a module name only does for an escaped keyword (`self_`, `lib_`).
//! So a model may be named `Request` or `Client`: the runtime's types are in their modules
//! (`request_::Request`), never at the root beside the models. Models whose names differ
//! only in letter case (`GDPRSubject`, `GdprSubject`) cannot both exist: their files would be one
//! file on case-insensitive file systems (the vendor's SDK has the same problem), so the docs are
//! rejected with both pages named.

use std::borrow::Cow;

use heck::{ToKebabCase, ToLowerCamelCase, ToSnakeCase, ToUpperCamelCase};

/// The public module of the `Region` enum, in a crate whose config lists regions.
pub const REGION_MODULE: &str = "region_";

/// The private module of the support code every generated crate carries (the serde helpers).
pub const SUPPORT_MODULE: &str = "support_";

/// The public module of the request runtime (`Request`, `ApiError`, `NoContent`), in crates with
/// operations. Its name ends in a single `_`, as no model's or group's module does.
pub const REQUEST_MODULE: &str = "request_";

/// The public module of the async client (`Client`, `ClientError`; feature `client`), in crates
/// with operations. Its name ends in a single `_`, as no model's or group's module does.
pub const CLIENT_MODULE: &str = "client_";

/// The catch-all variant of every open enum: it keeps a value the docs do not list.
pub const CATCH_ALL: &str = "Other";

/// Rust's strict and reserved keywords (edition 2024), which need `r#` or a rename.
const KEYWORDS: &[&str] = &[
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "crate",
    "do", "dyn", "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl",
    "in", "let", "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub", "ref",
    "return", "self", "Self", "static", "struct", "super", "trait", "true", "try", "type",
    "typeof", "unsafe", "unsized", "use", "virtual", "where", "while", "yield",
];

/// Keywords that cannot be raw identifiers and get a trailing `_` instead.
const NOT_RAW: &[&str] = &["crate", "self", "Self", "super"];

/// The Rust name of the field that keeps the keys a model's page does not list. Ending in a single
/// `_`, as the crate's own names do, it is none of [`field_name`]'s (which ends a name so only to
/// escape `self`, `crate` and `super`), so no property's field takes it, whatever the model.
pub const EXTRA_KEYS_FIELD: &str = "additional_properties_";

/// How an API spells its JSON names, given its docs' Name column (`[naming] wire` in
/// codegen.toml). The docs cannot say it: a Python SDK's Name column is the snake_case Python
/// attribute whatever the JSON is.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum WireCase {
    /// lowerCamelCase (`active_skill_ids` -> `activeSkillIds`; `pod_i_ps` -> `podIPs`): Genesys.
    #[default]
    CamelCase,
    /// snake_case (`activeSkillIds` -> `active_skill_ids`).
    SnakeCase,
    /// The Name column as written.
    AsWritten,
    /// PascalCase (`active_skill_ids` -> `ActiveSkillIds`).
    PascalCase,
    /// kebab-case (`active_skill_ids` -> `active-skill-ids`).
    KebabCase,
}

impl WireCase {
    /// Every rule, in a fixed order.
    pub const ALL: [WireCase; 5] = [
        WireCase::CamelCase,
        WireCase::SnakeCase,
        WireCase::AsWritten,
        WireCase::PascalCase,
        WireCase::KebabCase,
    ];

    /// The rule's name in codegen.toml.
    pub fn name(self) -> &'static str {
        match self {
            WireCase::CamelCase => "camelCase",
            WireCase::SnakeCase => "snake_case",
            WireCase::AsWritten => "as-written",
            WireCase::PascalCase => "PascalCase",
            WireCase::KebabCase => "kebab-case",
        }
    }

    /// The rule with this name.
    pub fn from_name(name: &str) -> Option<WireCase> {
        WireCase::ALL.into_iter().find(|rule| rule.name() == name)
    }
}

/// The JSON name `rule` spells from an API name (a doc name without its template's keyword
/// escape: [`crate::parse::PropertyRow::api_name`]). Leading and trailing underscores are part of
/// the name (`_links`). A name holding a character no identifier of any template's language holds
/// (`@type`, `with space`, `name:colon`, `é_accent`) is one its template kept as the JSON spells
/// it (Perl's, Dart's and python-experimental's `toVarName` do not sanitize it), which no case
/// rule spells again: as written.
pub fn wire_name(api_name: &str, rule: WireCase) -> String {
    if holds_symbols(api_name) {
        return api_name.to_owned();
    }
    // heck drops leading and trailing underscores; on the wire they are part of the name.
    let core = api_name.trim_matches('_');
    let leading = &api_name[..api_name.len() - api_name.trim_start_matches('_').len()];
    let trailing = &api_name[api_name.trim_end_matches('_').len()..];
    let core = match rule {
        WireCase::CamelCase => lower_camel_case(core),
        WireCase::SnakeCase => snake_case(core),
        WireCase::AsWritten => core.to_owned(),
        WireCase::PascalCase => upper_camel_case(core),
        WireCase::KebabCase => core.to_kebab_case(),
    };
    format!("{leading}{core}{trailing}")
}

/// The Rust field name for a wire name: snake_case, keywords as raw identifiers. A wire name
/// that spells no identifier so (`$`, `_`, `²`) has its symbols spelled out instead (`dollar`):
/// every wire name gets one.
pub fn field_name(wire_name: &str) -> String {
    let name = escape(prefix_digit(&snake_case(wire_name), "_"));
    // `is_identifier` and the keywords first: syn's parser is a twentieth of a large run.
    let plain = is_identifier(&name) && !KEYWORDS.contains(&name.as_str());
    if plain || syn::parse_str::<syn::Ident>(&name).is_ok() {
        return name;
    }
    let spelled: String = wire_name
        .chars()
        .map(|c| match c {
            'a'..='z' | 'A'..='Z' | '0'..='9' => c.to_string(),
            '_' => " Underscore ".to_owned(),
            other => format!(" {} ", symbol_name(other)),
        })
        .collect();
    let snake = snake_case(&spelled);
    escape(prefix_digit(
        if snake.is_empty() { "empty" } else { &snake },
        "_",
    ))
}

/// Whether a model's or an API group's name can become Rust names ([`type_name`],
/// [`module_name`]): ASCII letters, digits and `_`, with a letter (a type has an uppercase one,
/// a module none). It may start with a digit (`123Numeric`, a schema name the templates keep as a
/// page name): see [`digit_escaped`].
pub fn is_model_name(name: &str) -> bool {
    is_identifier(&digit_escaped(name)) && name.contains(|c: char| c.is_ascii_alphabetic())
}

/// A model's or group's name as its Rust names are made from it: a name whose first character
/// after its leading `_`s is a digit, which no identifier starts with, gets one more `_` before
/// it (`123Numeric` -> `_123Numeric`; a name that has one already gets another: `_1st` ->
/// `__1st`); any other name is itself. Injective (the names it changes are shifted by one `_`
/// among themselves, the others kept), and a function of the one name: adding a model never
/// renames another.
fn digit_escaped(name: &str) -> Cow<'_, str> {
    if name
        .trim_start_matches('_')
        .starts_with(|c: char| c.is_ascii_digit())
    {
        format!("_{name}").into()
    } else {
        name.into()
    }
}

/// The Rust type name of a model: its page name when that is UpperCamelCase (ASCII letters and
/// digits, a capital first), which real names are. Any other name keeps its spelling with the first
/// letter made uppercase (`foo_bar` -> `Foo_bar`), and one more `_` when it ends in `_`, so that
/// `Self_` stays free for a model named `Self`; a name that starts with a digit gets one more `_`
/// before it ([`digit_escaped`]: `123Numeric` -> `_123Numeric`).
pub fn type_name(name: &str) -> String {
    if name == "Self" || name == "self" {
        return "Self_".to_owned();
    }
    let name = &*digit_escaped(name);
    if is_upper_camel(name) {
        return name.to_owned();
    }
    let mut type_name = name.to_owned();
    if let Some(first) = type_name.find(|c: char| c.is_ascii_alphabetic()) {
        type_name[first..=first].make_ascii_uppercase();
    }
    if type_name.ends_with('_') {
        type_name.push('_');
    }
    type_name
}

/// The Rust module of a model, which holds its field enums: snake_case (`AnalyticsSession` ->
/// `analytics_session`). A name's own underscores become `__`, so `Foo_Bar` and `FooBar` differ;
/// keywords are raw (`r#match`), and `self`, `super`, `crate`, `lib` and `main` get a trailing
/// `_` (the last two would be the crate's own `src/lib.rs` and `src/main.rs`). A name that starts
/// with a digit gets one more `_` before it ([`digit_escaped`]: `123Numeric` -> `__123numeric`).
pub fn module_name(model_name: &str) -> String {
    let snake = snake_segments(&digit_escaped(model_name));
    if ["lib", "main"].contains(&snake.as_str()) {
        format!("{snake}_")
    } else {
        escape(snake)
    }
}

/// The file (without `.rs`) of the model whose module is `module`: the module's name.
pub fn file_stem(module: &str) -> &str {
    unraw(module)
}

/// The private module a model's file is, whose public items the crate root re-exports: `_` and
/// the file's name (`_analytics_session`). The model's public module (see [`module_name`]) is
/// re-exported from it, so the struct and its field enums are never in one namespace.
pub fn private_module_name(module: &str) -> String {
    format!("_{}", file_stem(module))
}

/// The Cargo feature of an API group: its page title without `Api` (or Go's `API`), in snake_case
/// (`AnalyticsApi` -> `analytics`, `WebChatApi` -> `web_chat`). A title that would take a name the
/// crate uses itself keeps `-api` (`FullApi` -> `full-api`, `ClientApi` -> `client-api`, `TracingApi` -> `tracing-api`); one without the suffix gets `-group`
/// (`Misc` -> `misc-group`). Snake case has no `-`, so the three kinds never meet.
pub fn feature_name(group: &str) -> String {
    let stem = group
        .strip_suffix("Api")
        .or_else(|| group.strip_suffix("API"))
        .filter(|stem| !stem.is_empty());
    match stem {
        Some(stem) => {
            let name = snake_segments(stem);
            if RESERVED_FEATURES.contains(&name.as_str()) {
                format!("{name}-api")
            } else {
                name
            }
        }
        None => format!("{}-group", snake_segments(group)),
    }
}

/// The Rust function of an operation: its name as the docs write it when it is snake_case (the
/// Python templates': `get_analytics_conversation_details`), else snake_cased (Java's
/// `getPetById`, Go's `GetPetById` -> `get_pet_by_id`; two operations that would get one name
/// are reported by the model); a keyword raw (`r#match`) or, when it cannot be raw, with a
/// trailing `_` (`self_`).
pub fn function_name(operation: &str) -> String {
    if operation.contains(|c: char| c.is_ascii_uppercase()) {
        escape(snake_case(operation))
    } else {
        escape(operation.to_owned())
    }
}

/// The public module of an API group's operations, at the crate root: the page title as a model's
/// module ([`module_name`]: `PetsApi` -> `pets_api`). A group and a model share the range: both
/// are page names, and a group whose name equals a model's but for letter case is rejected (their
/// modules, and their pages on case-insensitive file systems, would be one).
pub fn group_module_name(group: &str) -> String {
    module_name(group)
}

/// The struct of an operation's optional parameters, in its group's module: the UpperCamelCase of
/// the function name ([`enum_name`], injective) and `Params` (`get_pets` -> `GetPetsParams`).
/// Types in a group's module are only these; each operation's enums are in a module named after
/// its function (`get_pets::SortOrder`), so no two can meet.
pub fn params_type_name(function: &str) -> String {
    format!("{}Params", enum_name(function))
}

/// The Rust name of an operation's parameter, from its wire name: as a field's ([`field_name`]),
/// but `params`, the argument that carries the optional ones, becomes `params_`.
pub fn parameter_name(wire_name: &str) -> String {
    let name = field_name(wire_name);
    if name == PARAMS_ARGUMENT {
        format!("{name}_")
    } else {
        name
    }
}

/// The argument of an operation's function that carries its optional parameters.
pub const PARAMS_ARGUMENT: &str = "params";

/// The local variable of an operation's function that holds the request being built: no
/// parameter can have the name (only an escaped keyword ends in one `_`).
pub const REQUEST_VARIABLE: &str = "request_";

/// The feature of the models that no operation uses.
pub const UNREFERENCED: &str = "unreferenced";

/// The feature of the async client (`src/client_.rs`) in a crate with operations.
pub const CLIENT_FEATURE: &str = "client";

/// The feature of the client's `tracing` spans in a crate with operations.
pub const TRACING_FEATURE: &str = "tracing";

/// Feature names the generated crate's `[features]` table uses itself.
const RESERVED_FEATURES: [&str; 5] = [
    "default",
    "full",
    UNREFERENCED,
    CLIENT_FEATURE,
    TRACING_FEATURE,
];

/// The enum type of an enumerated field, in its model's module: the UpperCamelCase of the field's
/// Rust name (`media_type` -> `MediaType`, `r#type` -> `Type`). A name that case conversion would
/// not give back (`foo_bar_2` and `foo_bar2` both camel-case to `FooBar2`) keeps its words apart:
/// `Foo_Bar_2_`; the trailing `_` keeps that form apart from the plain one.
pub fn enum_name(field_rust_name: &str) -> String {
    let snake = unraw(field_rust_name);
    let camel = upper_camel_case(snake);
    if snake_case(&camel) == snake && is_upper_camel(&camel) && camel != "Self" {
        return camel;
    }
    let mut words: Vec<String> = snake.split('_').map(upper_first).collect();
    words.push(String::new());
    words.join("_")
}

/// Variant names for enum values, distinct from each other and from [`CATCH_ALL`]: each value's
/// [`variant_base`]; values that would collide (`Failed`, `failed`) get a number (`Failed`,
/// `Failed2`; after a base that ends in a digit, `V1_2`). A value that asks for `Other` gets
/// `Other_`, so the catch-all never changes its name when the API adds such a value.
pub fn variant_names<'a>(values: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    distinct_variants(values.into_iter().map(variant_base))
}

/// Variant names for the types of a oneOf, distinct from each other and from [`CATCH_ALL`] as
/// [`variant_names`]: a model's type name, a primitive's name (`Str`, `Int`), each after its
/// containers (`ListOfPet`, `MapOfStr`). A type is `containers` around `leaf`, the model's API
/// name or the primitive's name, and `containers` their names outermost first (`List`, `Map`).
pub fn one_of_variant_names<'a>(
    types: impl IntoIterator<Item = (Vec<&'a str>, &'a str)>,
) -> Vec<String> {
    distinct_variants(types.into_iter().map(|(containers, leaf)| {
        let mut name: String = (containers.iter())
            .map(|container| format!("{container}Of"))
            .collect();
        name.push_str(&type_name(leaf));
        name
    }))
}

/// `bases` made distinct from each other and from [`CATCH_ALL`] (see [`variant_names`]).
fn distinct_variants(bases: impl Iterator<Item = String>) -> Vec<String> {
    let mut taken = vec![CATCH_ALL.to_owned()];
    let mut names = Vec::new();
    for mut base in bases {
        if base == CATCH_ALL {
            base.push('_');
        }
        let separator = if base.ends_with(|c: char| c.is_ascii_digit()) {
            "_"
        } else {
            ""
        };
        let mut name = base.clone();
        let mut counter = 2;
        while taken.contains(&name) {
            name = format!("{base}{separator}{counter}");
            counter += 1;
        }
        taken.push(name.clone());
        names.push(name);
    }
    names
}

/// The Rust variant names of a number enum's values (literals): as [`variant_names`] of the
/// literals spelled out, `-` as `Minus` and `.` as `Dot` (`-1` -> `Minus1`, `1.5` -> `V1Dot5`),
/// so that `1` and `-1`, `15` and `1.5` ask for different names.
pub fn number_variant_names<'a>(values: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let spelled: Vec<String> = values
        .into_iter()
        .map(|value| value.replace('-', " minus ").replace('.', " dot "))
        .collect();
    variant_names(spelled.iter().map(String::as_str))
}

/// The `Region` variant of a region of `[client.regions]`: as an enum value's (`us-east-1` ->
/// `UsEast1`). Two names that give one variant are an error of the config.
pub fn region_variant(region: &str) -> String {
    variant_base(region)
}

/// The variant name a value asks for: its UpperCamelCase in ASCII letters and digits; a value
/// without any is spelled out (`*` -> `Asterisk`, the empty string -> `Empty`); a leading digit
/// gets a `V` (`8kHz` -> `V8kHz`); `Self` gets a `_`.
fn variant_base(value: &str) -> String {
    let mut camel: String = upper_camel_case(value)
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect();
    // Dropping a non-ASCII letter can leave a lowercase start (`été` -> `t`).
    if let Some(first) = camel.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    let base = if !camel.is_empty() {
        camel
    } else if value.is_empty() {
        "Empty".to_owned()
    } else {
        value.chars().map(symbol_name).collect()
    };
    escape(prefix_digit(&base, "V"))
}

/// Whether `name` can become a Rust identifier once escaped: ASCII letters, digits and `_`, not
/// starting with a digit, with at least one letter or digit (`_` alone is no identifier).
pub fn is_identifier(name: &str) -> bool {
    let mut chars = name.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
        && name.chars().any(|c| c.is_ascii_alphanumeric())
}

/// Whether `name` holds a character other than ASCII letters, digits, `_` and `$` (which
/// JavaScript counts as a letter: typescript-fetch's `$ref`).
fn holds_symbols(name: &str) -> bool {
    name.contains(|c: char| !c.is_ascii_alphanumeric() && c != '_' && c != '$')
}

/// Whether a Name cell can name a field: it holds a letter or a digit. Any such name gets a
/// JSON name ([`wire_name`] keeps one holding symbols as written) and a Rust name
/// ([`field_name`] escapes a leading digit and spells symbols); `_` or `$` alone names nothing.
pub fn is_property_name(name: &str) -> bool {
    name.chars().any(char::is_alphanumeric)
}

/// Whether a Rust field name written by the user (`rust_name` in codegen.toml) is valid as it
/// stands: a snake_case identifier (no capitals) that is not a keyword, or `r#` and a keyword that
/// may be raw; not [`EXTRA_KEYS_FIELD`].
pub fn is_field_name(name: &str) -> bool {
    let snake = !name.contains(|c: char| c.is_ascii_uppercase());
    snake
        && name != EXTRA_KEYS_FIELD
        && match name.strip_prefix("r#") {
            Some(raw) => is_identifier(raw) && !NOT_RAW.contains(&raw),
            None => is_identifier(name) && !KEYWORDS.contains(&name),
        }
}

/// Whether rustc's `non_camel_case_types` lint accepts `name` as a type or variant name: after
/// trimming `_`s, no lowercase start, no `__`, and no `_` next to a letter. Names this module makes
/// to avoid a clash (`Phone_Number`, `Other_2`) need an `#[allow]`.
pub fn is_camel_case(name: &str) -> bool {
    let name = unraw(name).trim_matches('_');
    let chars: Vec<char> = name.chars().collect();
    !name.starts_with(|c: char| c.is_ascii_lowercase())
        && !name.contains("__")
        && !chars.windows(2).any(|pair| {
            (pair[0].is_ascii_alphabetic() && pair[1] == '_')
                || (pair[1].is_ascii_alphabetic() && pair[0] == '_')
        })
}

/// Whether rustc's `non_snake_case` lint accepts `name` as a module name: no `__` inside (the
/// `Foo_Bar` model's module is `foo__bar`, and needs an `#[allow]`).
pub fn is_snake_case(name: &str) -> bool {
    !unraw(name).trim_matches('_').contains("__")
}

/// The identifier without a leading `r#`.
pub fn unraw(ident: &str) -> &str {
    ident.strip_prefix("r#").unwrap_or(ident)
}

fn is_upper_camel(name: &str) -> bool {
    name.starts_with(|c: char| c.is_ascii_uppercase())
        && name.chars().all(|c| c.is_ascii_alphanumeric())
}

/// snake_case, word by word of each `_`-separated part, the parts joined by `__` (heck alone
/// would give `Foo_Bar` and `FooBar` one name).
fn snake_segments(name: &str) -> String {
    name.split('_')
        .map(snake_case)
        .collect::<Vec<_>>()
        .join("__")
}

fn upper_first(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|first| first.to_ascii_uppercase())
        .into_iter()
        .chain(chars)
        .collect()
}

/// The words of an ASCII name as heck splits them (at every character that is not a letter or a
/// digit, after a lowercase letter followed by a capital, and before the last capital of a run
/// followed by a lowercase letter: `HTTPServerURL2go` -> `HTTP`, `Server`, `URL2go`); `None` for a
/// name with other characters. heck decodes every character's Unicode case through `fmt`, which
/// was a tenth of a large folder's run: the names docs write are ASCII.
fn ascii_words(name: &str) -> Option<Vec<&str>> {
    if !name.is_ascii() {
        return None;
    }
    let mut words = Vec::new();
    for part in name.split(|c: char| !c.is_ascii_alphanumeric()) {
        let bytes = part.as_bytes();
        let mut start = 0;
        // The case of the last cased letter since `start`, if any.
        let mut last_upper: Option<bool> = None;
        for (index, &byte) in bytes.iter().enumerate() {
            let Some(&next) = bytes.get(index + 1) else {
                words.push(&part[start..]);
                break;
            };
            let now_upper = if byte.is_ascii_lowercase() {
                Some(false)
            } else if byte.is_ascii_uppercase() {
                Some(true)
            } else {
                last_upper
            };
            if now_upper == Some(false) && next.is_ascii_uppercase() {
                words.push(&part[start..=index]);
                start = index + 1;
                last_upper = None;
            } else if last_upper == Some(true)
                && byte.is_ascii_uppercase()
                && next.is_ascii_lowercase()
            {
                words.push(&part[start..index]);
                start = index;
                last_upper = None;
            } else {
                last_upper = now_upper;
            }
        }
    }
    Some(words)
}

/// `name` in snake_case, as heck's `to_snake_case` writes it.
pub(crate) fn snake_case(name: &str) -> String {
    let Some(words) = ascii_words(name) else {
        return name.to_snake_case();
    };
    let mut snake = String::with_capacity(name.len() + words.len());
    for word in words {
        if !snake.is_empty() {
            snake.push('_');
        }
        snake.extend(word.chars().map(|c| c.to_ascii_lowercase()));
    }
    snake
}

/// `name` in lowerCamelCase, as heck's `to_lower_camel_case` writes it.
fn lower_camel_case(name: &str) -> String {
    match ascii_words(name) {
        Some(words) => camel_case(&words, false),
        None => name.to_lower_camel_case(),
    }
}

/// `name` in UpperCamelCase, as heck's `to_upper_camel_case` writes it.
fn upper_camel_case(name: &str) -> String {
    match ascii_words(name) {
        Some(words) => camel_case(&words, true),
        None => name.to_upper_camel_case(),
    }
}

/// ASCII `words` joined in camelCase, the first capitalized too when `upper`.
fn camel_case(words: &[&str], upper: bool) -> String {
    let mut camel = String::with_capacity(words.iter().map(|word| word.len()).sum());
    for (index, word) in words.iter().enumerate() {
        let (first, rest) = word.split_at(1);
        if index == 0 && !upper {
            camel.push_str(&first.to_ascii_lowercase());
        } else {
            camel.push_str(&first.to_ascii_uppercase());
        }
        camel.push_str(&rest.to_ascii_lowercase());
    }
    camel
}

fn prefix_digit(name: &str, prefix: &str) -> String {
    if name.starts_with(|c: char| c.is_ascii_digit()) {
        format!("{prefix}{name}")
    } else {
        name.to_owned()
    }
}

fn escape(name: String) -> String {
    if NOT_RAW.contains(&name.as_str()) {
        format!("{name}_")
    } else if KEYWORDS.contains(&name.as_str()) {
        format!("r#{name}")
    } else {
        name
    }
}

fn symbol_name(c: char) -> &'static str {
    match c {
        '*' => "Asterisk",
        '+' => "Plus",
        '-' => "Minus",
        '.' => "Dot",
        '/' => "Slash",
        '@' => "At",
        '#' => "Hash",
        '$' => "Dollar",
        '%' => "Percent",
        '&' => "Ampersand",
        '=' => "Equals",
        '<' => "Less",
        '>' => "Greater",
        '!' => "Bang",
        '?' => "Question",
        ':' => "Colon",
        ' ' => "Space",
        _ => "Symbol",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fast_case_conversions_write_what_heck_writes() {
        // Every name of up to six characters of this alphabet: lowercase and capital letters,
        // digits, separators, and a letter that is not ASCII (heck's own path).
        let alphabet = ['a', 'z', '0', '_', 'B', 'Q', '-', 'é'];
        let mut names = vec![String::new()];
        let mut all = Vec::new();
        for _ in 0..6 {
            names = (names.iter())
                .flat_map(|name| alphabet.iter().map(move |c| format!("{name}{c}")))
                .collect();
            all.extend(names.iter().cloned());
        }
        for name in all
            .iter()
            .map(String::as_str)
            .chain(["selfUri", "HTTPServerURL2go", "ÉtéB"])
        {
            assert_eq!(snake_case(name), name.to_snake_case(), "{name:?}");
            assert_eq!(
                upper_camel_case(name),
                name.to_upper_camel_case(),
                "{name:?}"
            );
            assert_eq!(
                lower_camel_case(name),
                name.to_lower_camel_case(),
                "{name:?}"
            );
        }
    }

    #[test]
    fn field_names_of_any_wire_name() {
        for (wire, field) in [
            ("created_at", "created_at"),
            ("type", "r#type"),
            ("$ref", "r#ref"),
            ("@type", "r#type"),
            ("1st", "_1st"),
            ("$", "dollar"),
            ("_", "underscore"),
            ("", "empty"),
            ("²", "symbol"),
        ] {
            assert_eq!(field_name(wire), field, "{wire}");
        }
    }

    proptest::proptest! {
        /// Every wire name, whatever its characters, gets a Rust identifier.
        #[test]
        fn every_wire_name_gets_an_identifier(wire in "\\PC{0,12}") {
            let name = field_name(&wire);
            proptest::prop_assert!(syn::parse_str::<syn::Ident>(&name).is_ok(), "{wire:?} -> {name}");
        }

        /// A name of letters, digits and `_` keeps the field name it always had: snake_case,
        /// escaped.
        #[test]
        fn identifiers_keep_their_field_names(wire in "[A-Za-z_][A-Za-z0-9_]{0,12}") {
            proptest::prop_assume!(is_identifier(&wire));
            let unchanged = escape(prefix_digit(&wire.to_snake_case(), "_"));
            proptest::prop_assert_eq!(field_name(&wire), unchanged);
        }
    }

    #[test]
    fn wire_names() {
        let camel = |name| wire_name(name, WireCase::CamelCase);
        assert_eq!(camel("active_skill_ids"), "activeSkillIds");
        assert_eq!(camel("q850_response_codes"), "q850ResponseCodes");
        assert_eq!(camel("self"), "self");
        assert_eq!(camel("pci"), "pci");
        assert_eq!(camel("ani"), "ani");
        assert_eq!(camel("_links"), "_links");
        assert_eq!(camel("name_"), "name_");
        // Python's snake_case of `podIPs` splits the acronym; camelCase joins it again.
        assert_eq!(camel("pod_i_ps"), "podIPs");
        // Kept as the template wrote them: no case rule spells them again.
        for kept in [
            "@type",
            "with space",
            "name:colon",
            "é_accent",
            "x-total-count",
            "a.b",
        ] {
            assert_eq!(camel(kept), kept);
            assert_eq!(wire_name(kept, WireCase::SnakeCase), kept);
        }
        // A leading digit is no symbol: the rule applies.
        assert_eq!(wire_name("2ndPlace", WireCase::SnakeCase), "2nd_place");
    }

    #[test]
    fn wire_name_rules() {
        let cases = [
            (WireCase::SnakeCase, "activeSkillIds", "active_skill_ids"),
            (WireCase::SnakeCase, "podIPs", "pod_i_ps"),
            (WireCase::SnakeCase, "_links", "_links"),
            (WireCase::AsWritten, "schema_id", "schema_id"),
            (WireCase::AsWritten, "X-Rate", "X-Rate"),
            (WireCase::PascalCase, "active_skill_ids", "ActiveSkillIds"),
            (WireCase::KebabCase, "active_skill_ids", "active-skill-ids"),
        ];
        for (rule, doc_name, wire) in cases {
            assert_eq!(wire_name(doc_name, rule), wire, "{rule:?} {doc_name}");
        }
    }

    #[test]
    fn identifiers_and_user_field_names() {
        assert!(
            is_identifier("a_b")
                && is_identifier("_x1")
                && is_property_name("$ref")
                && !is_property_name("$")
                && is_property_name("e-mail")
                && is_property_name("1st")
                && is_property_name("é")
                && !is_property_name("_")
                && !is_identifier("_")
                && !is_identifier("__")
        );
        assert!(!is_identifier("1a") && !is_identifier("a-b") && !is_identifier(""));
        assert!(is_field_name("r#type") && is_field_name("kind") && is_field_name("r#kind"));
        assert!(
            !is_field_name("type")
                && !is_field_name("r#self")
                && !is_field_name("r#_")
                && !is_field_name("_")
                && !is_field_name("fooBar")
        );
    }

    #[test]
    fn function_names() {
        assert_eq!(function_name("get_thing"), "get_thing");
        assert_eq!(function_name("match"), "r#match");
        assert_eq!(function_name("self"), "self_");
    }

    #[test]
    fn operation_item_names() {
        assert_eq!(group_module_name("PetsApi"), "pets_api");
        assert_eq!(group_module_name("WebChatApi"), "web_chat_api");
        assert_eq!(params_type_name("get_pets"), "GetPetsParams");
        assert_eq!(params_type_name("r#match"), "MatchParams");
        assert_eq!(params_type_name("get_pets_2"), "Get_Pets_2_Params");
        assert_eq!(params_type_name("get_pets2"), "GetPets2Params");
        assert_eq!(parameter_name("pageSize"), "page_size");
        assert_eq!(parameter_name("params"), "params_");
        assert_eq!(parameter_name("type"), "r#type");
    }

    #[test]
    fn field_names() {
        assert_eq!(field_name("activeSkillIds"), "active_skill_ids");
        assert_eq!(field_name("type"), "r#type");
        assert_eq!(field_name("self"), "self_");
        assert_eq!(field_name("match"), "r#match");
        assert_eq!(field_name("8k"), "_8k");
        assert_eq!(field_name("$ref"), "r#ref");
        // The map of other keys has its own name, whatever properties a model has.
        assert_eq!(field_name("additionalProperties"), "additional_properties");
        assert_eq!(
            field_name("additional_properties_"),
            "additional_properties"
        );
        assert!(!is_field_name(EXTRA_KEYS_FIELD));
        assert!(is_field_name("additional_properties"));
    }

    #[test]
    fn type_and_module_names() {
        assert_eq!(type_name("AnalyticsSession"), "AnalyticsSession");
        assert_eq!(type_name("ADFS"), "ADFS");
        assert_eq!(type_name("Self"), "Self_");
        assert_eq!(type_name("Self_"), "Self__");
        assert_eq!(type_name("foo_bar"), "Foo_bar");
        assert_eq!(type_name("_foo"), "_Foo");
        assert_eq!(module_name("AnalyticsSession"), "analytics_session");
        assert_eq!(module_name("GDPRSubject"), "gdpr_subject");
        assert_eq!(module_name("Foo_Bar"), "foo__bar");
        assert_eq!(module_name("FooBar"), "foo_bar");
        assert_eq!(module_name("_Foo"), "__foo");
        assert_eq!(module_name("Match"), "r#match");
        assert_eq!(module_name("Self"), "self_");
        assert_eq!(module_name("Lib"), "lib_");
        assert_eq!(module_name("Main"), "main_");
        assert_eq!(file_stem("r#match"), "match");
        assert_eq!(private_module_name("r#match"), "_match");
        assert_eq!(
            private_module_name("analytics_session"),
            "_analytics_session"
        );
    }

    #[test]
    fn a_name_that_starts_with_a_digit_gets_one_more_underscore_before_it() {
        for (model, ty, module) in [
            ("123Numeric", "_123Numeric", "__123numeric"),
            ("_123Numeric", "__123Numeric", "____123numeric"),
            ("1st_place", "_1St_place", "__1st__place"),
            ("2a", "_2A", "__2a"),
            // A letter first, after `_`s or not: named as before.
            ("_Foo", "_Foo", "__foo"),
            ("N123Numeric", "N123Numeric", "n123_numeric"),
            ("Model123Numeric", "Model123Numeric", "model123_numeric"),
        ] {
            assert!(is_model_name(model), "{model}");
            assert_eq!(
                (type_name(model).as_str(), module_name(model).as_str()),
                (ty, module),
                "{model}"
            );
        }
        assert_eq!(
            private_module_name(&module_name("123Numeric")),
            "___123numeric"
        );
        assert_eq!(feature_name("123Api"), "123");
        assert_eq!(group_module_name("123Api"), "__123api");
        for name in ["", "_", "__", "2", "_2", "Pet-Shop", "1-2", "\u{e9}t\u{e9}"] {
            assert!(!is_model_name(name), "{name}");
        }
    }

    #[test]
    fn models_named_as_the_runtime_s_types_stay_apart_from_its_modules() {
        // The runtime's types are in `request_` and `client_`, not at the root: a model named
        // `Request` or `Client` is the root's `Request` or `Client`, its enums in `request` or
        // `client`, and so is a model or group named `Request_` or `client_` (`request__`).
        for (model, ty, module) in [
            ("Request", "Request", "request"),
            ("Client", "Client", "client"),
            ("Request_", "Request__", "request__"),
            ("client_", "Client__", "client__"),
            ("RequestApi", "RequestApi", "request_api"),
        ] {
            assert_eq!(
                (type_name(model).as_str(), module_name(model).as_str()),
                (ty, module)
            );
            assert_eq!(group_module_name(model), module);
            assert!(![REQUEST_MODULE, CLIENT_MODULE].contains(&module));
        }
    }

    #[test]
    fn feature_names() {
        assert_eq!(feature_name("AnalyticsApi"), "analytics");
        assert_eq!(feature_name("WebChatApi"), "web_chat");
        assert_eq!(feature_name("IdentityAPI"), "identity");
        assert_eq!(feature_name("FullApi"), "full-api");
        assert_eq!(feature_name("UnreferencedApi"), "unreferenced-api");
        assert_eq!(feature_name("ClientApi"), "client-api");
        assert_eq!(feature_name("Api"), "api-group");
        assert_eq!(feature_name("Misc"), "misc-group");
    }

    #[test]
    fn enum_names() {
        assert_eq!(enum_name("media_type"), "MediaType");
        assert_eq!(enum_name("r#type"), "Type");
        assert_eq!(enum_name("self_"), "Self__");
        assert_eq!(enum_name("foo_bar2"), "FooBar2");
        assert_eq!(enum_name("foo_bar_2"), "Foo_Bar_2_");
        assert_eq!(enum_name("_8k"), "_8k_");
    }

    #[test]
    fn variant_names_of_values_without_letters_keywords_and_numbers() {
        let values = [
            "",
            "Self",
            "self",
            "\u{e9}t\u{e9}",
            "\u{e9}",
            "1",
            "-1",
            "12",
            "Empty",
        ];
        assert_eq!(
            variant_names(values),
            [
                "Empty", "Self_", "Self_2", "T", "Symbol", "V1", "V1_2", "V12", "Empty2"
            ]
        );
    }

    #[test]
    fn variant_names_are_distinct_and_valid_and_other_is_kept_for_the_catch_all() {
        let values = [
            "Failed",
            "failed",
            "en-US",
            "8kHz",
            "*",
            "urn:ietf:params:scim:schemas:core:2.0:User",
            "Other",
            "other",
        ];
        assert_eq!(
            variant_names(values),
            [
                "Failed",
                "Failed2",
                "EnUs",
                "V8kHz",
                "Asterisk",
                "UrnIetfParamsScimSchemasCore20User",
                "Other_",
                "Other_2"
            ]
        );
    }

    mod properties {
        use std::collections::HashMap;

        use proptest::prelude::*;

        use super::super::*;

        /// Pieces of real and awkward names, so that random names clash often.
        const PIECES: &[&str] = &[
            "User",
            "State",
            "Status",
            "Dependency",
            "Type",
            "Self",
            "self",
            "Lib",
            "Main",
            "Match",
            "Other",
            "Enums",
            "Support",
            "GDPR",
            "Gdpr",
            "Subject",
            "_",
            "__",
            "2",
            "V2",
            "Api",
            "API",
            "Full",
            "Unreferenced",
            "support",
            "x",
            "Count",
            "Map",
            "Request",
            "request",
            "Client",
            "client",
            "1",
            "123",
            "Model",
            "N",
        ];

        /// The crate's own modules at the root, beside the models' and groups' modules.
        const CRATE_MODULES: [&str; 4] =
            [SUPPORT_MODULE, REQUEST_MODULE, CLIENT_MODULE, REGION_MODULE];

        /// A model or group name: pieces glued, which must be a model name (`123Numeric` is).
        fn name() -> impl Strategy<Value = String> {
            proptest::collection::vec(proptest::sample::select(PIECES), 1..4)
                .prop_map(|pieces| pieces.concat())
                .prop_filter("a model name", |name| is_model_name(name))
        }

        /// Whether Cargo accepts `name` as a feature: a letter, digit or `_` first, then those,
        /// `-`, `+` or `.`.
        fn is_cargo_feature(name: &str) -> bool {
            name.starts_with(|c: char| c.is_ascii_alphanumeric() || c == '_')
                && name
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "_-+.".contains(c))
        }

        /// Asserts that `naming` gives distinct names to names distinct but for letter case.
        fn assert_injective(names: &[String], naming: impl Fn(&str) -> String) {
            let mut seen: HashMap<String, &str> = HashMap::new();
            for name in names {
                if let Some(other) = seen.insert(naming(name), name) {
                    assert!(
                        other.eq_ignore_ascii_case(name),
                        "`{other}` and `{name}` get one name, `{}`",
                        naming(name)
                    );
                }
            }
        }

        fn is_rust_identifier(name: &str) -> bool {
            syn::parse_str::<syn::Ident>(name).is_ok()
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(512))]

            #[test]
            fn model_names_are_injective_valid_and_in_disjoint_ranges(names in proptest::collection::vec(name(), 1..40)) {
                assert_injective(&names, type_name);
                assert_injective(&names, module_name);
                assert_injective(&names, |name| private_module_name(&module_name(name)));
                assert_injective(&names, |name| file_stem(&module_name(name)).to_owned());
                assert_injective(&names, feature_name);
                for name in &names {
                    let (ty, module) = (type_name(name), module_name(name));
                    let private = private_module_name(&module);
                    prop_assert!(is_rust_identifier(&ty), "type {ty}");
                    prop_assert!(is_rust_identifier(&module), "module {module}");
                    prop_assert!(is_rust_identifier(&private), "private module {private}");
                    prop_assert!(!["lib", "main"].contains(&file_stem(&module)));
                    for other in &names {
                        let other_module = module_name(other);
                        prop_assert_ne!(&ty, &other_module);
                        prop_assert_ne!(&ty, &private_module_name(&other_module));
                        prop_assert_ne!(&module, &private_module_name(&other_module));
                    }
                    // A group's module is named as a model's: this covers both.
                    prop_assert_eq!(group_module_name(name), module.clone());
                    for crate_module in CRATE_MODULES {
                        prop_assert_ne!(ty.as_str(), crate_module);
                        prop_assert_ne!(module.as_str(), crate_module);
                        prop_assert_ne!(private.as_str(), crate_module);
                    }
                    prop_assert!(!RESERVED_FEATURES.contains(&feature_name(name).as_str()));
                    prop_assert!(is_cargo_feature(&feature_name(name)), "feature of {name}");
                }
            }

            #[test]
            fn operation_names_are_injective_valid_and_apart_from_the_function_body(
                names in proptest::collection::vec("[a-z][a-z0-9_]{0,10}", 1..30)
            ) {
                // Every such name is an identifier; a group's functions are distinct (the model
                // reports operations that would share one, `self` and `self_`).
                let mut functions: Vec<String> = names.iter().map(|name| function_name(name)).collect();
                functions.sort();
                functions.dedup();
                assert_injective(&functions, params_type_name);
                for function in &functions {
                    let params = params_type_name(function);
                    prop_assert!(is_rust_identifier(&params), "{params}");
                    // Types in a group's module start uppercase, its operations' modules do not.
                    prop_assert!(params.starts_with(|c: char| c.is_ascii_uppercase()));
                }
                for name in &names {
                    let parameter = parameter_name(&wire_name(name, WireCase::CamelCase));
                    prop_assert!(is_rust_identifier(&parameter), "{parameter}");
                    prop_assert_ne!(parameter.as_str(), PARAMS_ARGUMENT);
                    prop_assert_ne!(parameter.as_str(), REQUEST_VARIABLE);
                }
            }

            #[test]
            fn enum_names_are_injective_over_field_names(
                doc_names in proptest::collection::vec("(pc)?[a-zA-Z_][a-zA-Z0-9_]{0,12}", 1..30)
            ) {
                // A model's fields have distinct Rust names (the model reports the others).
                let mut fields: Vec<String> = doc_names
                    .iter()
                    .filter(|doc_name| is_identifier(doc_name))
                    .map(|doc_name| field_name(&wire_name(doc_name, WireCase::CamelCase)))
                    .collect();
                fields.sort();
                fields.dedup();
                let mut seen: HashMap<String, &str> = HashMap::new();
                for field in &fields {
                    let name = enum_name(field);
                    prop_assert!(is_rust_identifier(&name), "enum {name} of {field}");
                    if let Some(other) = seen.insert(name.clone(), field) {
                        prop_assert_eq!(other, field.as_str(), "`{}` and `{}` get `{}`", other, field, name);
                    }
                }
            }

            #[test]
            fn variant_names_are_distinct_valid_and_never_the_catch_all(
                values in proptest::collection::vec(proptest::sample::select(&["Other", "other", "OTHER", "Self", "self", "", "*", "8kHz", "a", "A", "Failed", "failed", "1", "1_2", "V1", "\u{e9}"][..]), 0..12)
            ) {
                let names = variant_names(values.iter().copied());
                let mut sorted = names.clone();
                sorted.sort();
                sorted.dedup();
                prop_assert_eq!(sorted.len(), names.len(), "{:?} -> {:?}", values, names);
                for name in &names {
                    prop_assert!(is_rust_identifier(name), "{name}");
                    prop_assert_ne!(name.as_str(), CATCH_ALL);
                }
            }
        }
    }
}

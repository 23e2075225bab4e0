//! Every naming decision: wire names from doc names, Rust identifiers for fields, types, modules
//! and enum variants. Case conversion is heck's; this module adds keywords, digits and symbols.

use heck::{ToKebabCase, ToLowerCamelCase, ToSnakeCase, ToUpperCamelCase};

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
/// the name (`_links`).
pub fn wire_name(api_name: &str, rule: WireCase) -> String {
    // heck drops leading and trailing underscores; on the wire they are part of the name.
    let core = api_name.trim_matches('_');
    let leading = &api_name[..api_name.len() - api_name.trim_start_matches('_').len()];
    let trailing = &api_name[api_name.trim_end_matches('_').len()..];
    let core = match rule {
        WireCase::CamelCase => core.to_lower_camel_case(),
        WireCase::SnakeCase => core.to_snake_case(),
        WireCase::AsWritten => core.to_owned(),
        WireCase::PascalCase => core.to_upper_camel_case(),
        WireCase::KebabCase => core.to_kebab_case(),
    };
    format!("{leading}{core}{trailing}")
}

/// The Rust field name for a wire name: snake_case, keywords as raw identifiers.
pub fn field_name(wire_name: &str) -> String {
    escape(prefix_digit(&wire_name.to_snake_case(), "_"))
}

/// The Rust type name for a model or enum name: kept when it is already UpperCamelCase.
pub fn type_name(name: &str) -> String {
    let camel = if is_upper_camel(name) {
        name.to_owned()
    } else {
        name.to_upper_camel_case()
    };
    escape(prefix_digit(&camel, "N"))
}

/// The Rust module (and file) name of a model: snake_case.
pub fn module_name(model_name: &str) -> String {
    escape(prefix_digit(&model_name.to_snake_case(), "m"))
}

/// The Cargo feature of an API group: its page title without `Api`, in snake_case
/// (`AnalyticsApi` -> `analytics`, `WebChatApi` -> `web_chat`).
pub fn feature_name(group: &str) -> String {
    let name = group
        .strip_suffix("Api")
        .filter(|name| !name.is_empty())
        .unwrap_or(group)
        .to_snake_case();
    if name.is_empty() {
        "api".to_owned()
    } else {
        name
    }
}

/// The enum type for the values of a field: the model's type name and the field's.
pub fn enum_name(model_type: &str, field_doc_name: &str) -> String {
    type_name(&format!(
        "{model_type}{}",
        field_doc_name.to_upper_camel_case()
    ))
}

/// Variant names for enum values, distinct from each other and from `reserved`: each value's
/// [`variant_base`]; values that would collide (`Failed`, `failed`) get a number (`Failed`,
/// `Failed2`; after a base that ends in a digit, `V1_2`).
pub fn variant_names<'a>(values: impl IntoIterator<Item = &'a str>, reserved: &str) -> Vec<String> {
    let mut taken = vec![reserved.to_owned()];
    let mut names = Vec::new();
    for value in values {
        let base = variant_base(value);
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

/// The variant name a value asks for: its UpperCamelCase in ASCII letters and digits; a value
/// without any is spelled out (`*` -> `Asterisk`, the empty string -> `Empty`); a leading digit
/// gets a `V` (`8kHz` -> `V8kHz`); `Self` gets a `_`.
fn variant_base(value: &str) -> String {
    let mut camel: String = value
        .to_upper_camel_case()
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

/// The name of the catch-all variant of an enum whose values are `values`: `Other`, or a name no
/// value asks for.
pub fn catch_all_name<'a>(values: impl IntoIterator<Item = &'a str> + Clone) -> String {
    let mut name = "Other".to_owned();
    while values
        .clone()
        .into_iter()
        .any(|value| variant_base(value) == name)
    {
        name.push_str("Value");
    }
    name
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

/// Whether a Rust field name written by the user (`rust_name` in codegen.toml) is valid as it
/// stands: an identifier that is not a keyword, or `r#` and a keyword that may be raw.
pub fn is_field_name(name: &str) -> bool {
    match name.strip_prefix("r#") {
        Some(raw) => is_identifier(raw) && !NOT_RAW.contains(&raw),
        None => is_identifier(name) && !KEYWORDS.contains(&name),
    }
}

/// The identifier without a leading `r#`.
pub fn unraw(ident: &str) -> &str {
    ident.strip_prefix("r#").unwrap_or(ident)
}

fn is_upper_camel(name: &str) -> bool {
    name.starts_with(|c: char| c.is_ascii_uppercase())
        && name.chars().all(|c| c.is_ascii_alphanumeric())
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
        );
    }

    #[test]
    fn field_names() {
        assert_eq!(field_name("activeSkillIds"), "active_skill_ids");
        assert_eq!(field_name("type"), "r#type");
        assert_eq!(field_name("self"), "self_");
        assert_eq!(field_name("match"), "r#match");
        assert_eq!(field_name("8k"), "_8k");
        assert_eq!(field_name("$ref"), "r#ref");
    }

    #[test]
    fn type_and_module_names() {
        assert_eq!(type_name("AnalyticsSession"), "AnalyticsSession");
        assert_eq!(type_name("ADFS"), "ADFS");
        assert_eq!(type_name("Self"), "Self_");
        assert_eq!(type_name("foo_bar"), "FooBar");
        assert_eq!(module_name("AnalyticsSession"), "analytics_session");
        assert_eq!(module_name("Match"), "r#match");
        assert_eq!(module_name("Self"), "self_");
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
        let catch_all = catch_all_name(values);
        assert_eq!(catch_all, "Other");
        assert_eq!(
            variant_names(values, &catch_all),
            [
                "Empty", "Self_", "Self_2", "T", "Symbol", "V1", "V1_2", "V12", "Empty2"
            ]
        );
    }

    #[test]
    fn variant_names_are_distinct_and_valid() {
        let values = [
            "Failed",
            "failed",
            "en-US",
            "8kHz",
            "*",
            "urn:ietf:params:scim:schemas:core:2.0:User",
            "Other",
        ];
        let catch_all = catch_all_name(values);
        assert_eq!(catch_all, "OtherValue");
        assert_eq!(
            variant_names(values, &catch_all),
            [
                "Failed",
                "Failed2",
                "EnUs",
                "V8kHz",
                "Asterisk",
                "UrnIetfParamsScimSchemasCore20User",
                "Other"
            ]
        );
    }
}

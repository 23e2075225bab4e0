//! Reads the SDK's Python API modules (`apis/analytics_api.py`) without running Python: for each
//! operation method of the module's class, the names its parameters have on the wire.
//!
//! A method (or its `<name>_with_http_info` twin, in newer templates) builds its request from
//! `resource_path = '/api/v2/...'`, then one statement per parameter:
//! `path_params['jobId'] = params['job_id']`, `query_params['pageSize'] = params['page_size']`,
//! `header_params['X-Id'] = params['x_id']` (`local_var_params[...]` in newer templates), the
//! media types it accepts (`header_params['Accept'] = self.api_client.select_header_accept([
//! 'text/calendar'])`), and `body_params = params['body']`. The lines are the tokenizer's of
//! [`super::python`].

use std::ops::Range;

use super::python::{Kind, Line, SyntaxError, Token, block_end, tokenize};
use crate::diagnostic::{Diagnostic, FileId};

/// The operations of one API module's class.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PythonApi {
    /// The module's file.
    pub file: FileId,
    /// The class name, which is the API group's (`AnalyticsApi`).
    pub class_name: String,
    /// The operations, in module order.
    pub operations: Vec<PythonOperation>,
}

/// One operation method.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PythonOperation {
    /// The method's name, which is the operation's (`get_analytics_conversation_details`).
    pub name: String,
    /// The span of the method's name.
    pub span: Range<usize>,
    /// The `resource_path` it calls.
    pub resource_path: String,
    /// `path_params[...] = params[...]`, in order.
    pub path_params: Vec<PythonParameter>,
    /// `query_params[...] = params[...]`, in order.
    pub query_params: Vec<PythonParameter>,
    /// `header_params[...] = params[...]`, in order.
    pub header_params: Vec<PythonParameter>,
    /// The media types of `select_header_accept([...])`, and the span of the list; `None` when
    /// the method does not set them.
    pub accept: Option<(Vec<String>, Range<usize>)>,
}

/// One parameter and its name on the wire.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PythonParameter {
    /// The Python parameter name, which is the doc name (`page_size`).
    pub name: String,
    /// The name on the wire (`pageSize`).
    pub wire_name: String,
    /// The span of the wire name.
    pub wire_span: Range<usize>,
}

/// Reads one API module: `None` when it has no class with operation methods, or cannot be read
/// (one warning with its line).
pub fn read_api_module(
    file: FileId,
    text: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<PythonApi> {
    let lines = match tokenize(text) {
        Ok(lines) => lines,
        Err(SyntaxError {
            span,
            message,
            label,
        }) => {
            diagnostics.push(
                Diagnostic::warning(
                    file,
                    span,
                    format!("cannot read this API module: {message}"),
                )
                .with_label(label)
                .with_note("the module is skipped; the others are imported"),
            );
            return None;
        }
    };
    let name_of = |token: Option<&Token>| match token {
        Some(token) if token.kind == Kind::Name => Some(&text[token.span.clone()]),
        _ => None,
    };
    let class_at = lines
        .iter()
        .position(|line| line.indent == 0 && name_of(line.tokens.first()) == Some("class"))?;
    let class_name = name_of(lines[class_at].tokens.get(1))?.to_owned();
    let body = &lines[class_at + 1..block_end(&lines, class_at)];
    let mut operations: Vec<PythonOperation> = Vec::new();
    let mut index = 0;
    while index < body.len() {
        let end = block_end(body, index);
        let line = &body[index];
        if name_of(line.tokens.first()) == Some("def")
            && let Some(name_token) = line.tokens.get(1)
            && name_token.kind == Kind::Name
            && let Some(operation) = read_method(text, name_token, &body[index + 1..end])
            && !operations.iter().any(|known| known.name == operation.name)
        {
            operations.push(operation);
        }
        index = end;
    }
    (!operations.is_empty()).then_some(PythonApi {
        file,
        class_name,
        operations,
    })
}

/// An operation method: one that sets `resource_path`.
fn read_method(text: &str, name: &Token, body: &[Line]) -> Option<PythonOperation> {
    let method_name = &text[name.span.clone()];
    let mut operation = PythonOperation {
        name: method_name
            .strip_suffix("_with_http_info")
            .unwrap_or(method_name)
            .to_owned(),
        span: name.span.clone(),
        resource_path: String::new(),
        path_params: Vec::new(),
        query_params: Vec::new(),
        header_params: Vec::new(),
        accept: None,
    };
    let mut has_path = false;
    for line in body {
        let tokens = &line.tokens;
        let name_at = |at: usize| match tokens.get(at) {
            Some(token) if token.kind == Kind::Name => Some(&text[token.span.clone()]),
            _ => None,
        };
        let op_at = |at: usize, op: &str| matches!(tokens.get(at), Some(Token { kind: Kind::Op(found), .. }) if *found == op);
        let str_at = |at: usize| match tokens.get(at) {
            Some(Token {
                kind: Kind::Str(value),
                span,
            }) => Some((value.as_str(), span.clone())),
            _ => None,
        };
        if name_at(0) == Some("resource_path")
            && op_at(1, "=")
            && let Some((path, _)) = str_at(2)
        {
            operation.resource_path = path.to_owned();
            has_path = true;
            continue;
        }
        // `header_params['Accept'] = self.api_client.select_header_accept(['text/plain'])`
        if let Some(select) = tokens.iter().position(|token| {
            token.kind == Kind::Name && &text[token.span.clone()] == "select_header_accept"
        }) {
            let media_types: Vec<(&str, Range<usize>)> =
                (select + 1..tokens.len()).filter_map(str_at).collect();
            if let (Some(first), Some(last)) = (media_types.first(), media_types.last()) {
                let span = first.1.start..last.1.end;
                let names = media_types.iter().map(|(name, _)| (*name).to_owned());
                operation.accept = Some((names.collect(), span));
            }
            continue;
        }
        // `<kind>_params['wire'] = params['name']`
        let target = match name_at(0) {
            Some("path_params") => &mut operation.path_params,
            Some("query_params") => &mut operation.query_params,
            Some("header_params") => &mut operation.header_params,
            _ => continue,
        };
        if let (
            true,
            Some((wire_name, wire_span)),
            true,
            true,
            Some(_),
            true,
            Some((name, _)),
            true,
        ) = (
            op_at(1, "["),
            str_at(2),
            op_at(3, "]"),
            op_at(4, "="),
            name_at(5).filter(|source| *source == "params" || *source == "local_var_params"),
            op_at(6, "["),
            str_at(7),
            op_at(8, "]"),
        ) {
            target.push(PythonParameter {
                name: name.to_owned(),
                wire_name: wire_name.to_owned(),
                wire_span,
            });
        }
    }
    has_path.then_some(operation)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Sources;

    const MODULE: &str = r#"# coding: utf-8

"""
    Thing API
"""

from __future__ import absolute_import

class ThingsApi(object):

    def __init__(self, api_client=None):
        self.api_client = api_client

    def get_thing(self, thing_id, **kwargs):
        """
        Get a thing
        """
        all_params = ['thing_id', 'page_size', 'x_trace']
        params = locals()

        resource_path = '/api/v2/things/{thingId}'.replace('{format}', 'json')
        path_params = {}
        if 'thing_id' in params:
            path_params['thingId'] = params['thing_id']

        query_params = {}
        if 'page_size' in params:
            query_params['pageSize'] = params['page_size']

        header_params = {}
        if 'x_trace' in params:
            header_params['X-Trace'] = params['x_trace']

        # HTTP header `Accept`
        header_params['Accept'] = self.api_client.\
            select_header_accept(['text/calendar', 'text/plain'])

        body_params = None
        response = self.api_client.call_api(resource_path, 'GET',
                                            path_params,
                                            query_params,
                                            header_params,
                                            body=body_params)
        return response

    def post_thing_with_http_info(self, body, **kwargs):
        local_var_params = locals()
        resource_path = "/api/v2/things"
        query_params = []
        if 'dry_run' in local_var_params:
            query_params['dry_run'] = local_var_params['dry_run']
        return self.api_client.call_api(resource_path, 'POST')
"#;

    fn read(text: &str) -> (Option<PythonApi>, Vec<String>) {
        let mut sources = Sources::default();
        let file = sources.add("things_api.py".into(), text.to_owned());
        let mut diagnostics = Vec::new();
        let api = read_api_module(file, text, &mut diagnostics);
        let lines = diagnostics
            .iter()
            .map(|diagnostic| sources.summarize(diagnostic))
            .collect();
        (api, lines)
    }

    #[test]
    fn operations_and_their_parameters_wire_names() {
        let (api, diagnostics) = read(MODULE);
        assert_eq!(diagnostics, Vec::<String>::new());
        let api = api.expect("an API module");
        assert_eq!(api.class_name, "ThingsApi");
        let summary: Vec<_> = api
            .operations
            .iter()
            .map(|operation| {
                let pairs = |params: &[PythonParameter]| {
                    params
                        .iter()
                        .map(|param| format!("{}={}", param.name, param.wire_name))
                        .collect::<Vec<_>>()
                };
                (
                    operation.name.as_str(),
                    operation.resource_path.as_str(),
                    pairs(&operation.path_params),
                    pairs(&operation.query_params),
                    pairs(&operation.header_params),
                )
            })
            .collect();
        assert_eq!(
            summary,
            [
                (
                    "get_thing",
                    "/api/v2/things/{thingId}",
                    vec!["thing_id=thingId".to_owned()],
                    vec!["page_size=pageSize".to_owned()],
                    vec!["x_trace=X-Trace".to_owned()],
                ),
                (
                    "post_thing",
                    "/api/v2/things",
                    vec![],
                    vec!["dry_run=dry_run".to_owned()],
                    vec![],
                ),
            ]
        );
        let wire = &api.operations[0].query_params[0].wire_span;
        assert_eq!(&MODULE[wire.clone()], "'pageSize'");
        let (accept, span) = api.operations[0].accept.clone().expect("accept types");
        assert_eq!(accept, ["text/calendar", "text/plain"]);
        assert_eq!(&MODULE[span], "'text/calendar', 'text/plain'");
        assert_eq!(api.operations[1].accept, None);
    }

    #[test]
    fn a_module_without_operations_is_none_and_one_that_does_not_tokenize_is_reported() {
        assert_eq!(
            read("class Model(object):\n    x = 1\n"),
            (None, Vec::new())
        );
        let (api, diagnostics) = read("class ThingsApi(object):\n    x = 'open\n");
        assert_eq!(api, None);
        assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
        assert!(
            diagnostics[0].starts_with("things_api.py:2:9: warning: cannot read this API module"),
            "{diagnostics:?}"
        );
    }
}

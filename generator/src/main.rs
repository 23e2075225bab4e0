//! `markdown-model-codegen`: the command (`--help` says what it does).

use std::process::ExitCode;

fn main() -> ExitCode {
    markdown_model_codegen::command::main()
}

//! Generating at build time, from a build script (as `prost-build` does): the crate a docs folder
//! generates, as one file in `OUT_DIR` that the including crate's `lib.rs` reads with one line.
//!
//! ```no_run
//! // build.rs
//! fn main() -> Result<(), Box<dyn std::error::Error>> {
//!     markdown_model_codegen::build::Builder::new("docs")
//!         .config("codegen.toml")
//!         .generate()?;
//!     Ok(())
//! }
//! ```
//!
//! ```ignore
//! // src/lib.rs, at the crate root
//! include!(concat!(env!("OUT_DIR"), "/markdown_model_codegen.rs"));
//! ```
//!
//! One file rather than the module tree: `include!` of a `lib.rs` that declares `mod name;`
//! would need every module's file found relative to `OUT_DIR` and no crate docs (`//!`) in the
//! included file; one file of inline modules has neither problem and is what `include!` is for.
//! The file is rewritten only when its contents change, so an unchanged build compiles nothing
//! again; cargo reruns the build script only when a page, the config or the docs folder changes
//! (`cargo:rerun-if-changed` for each).

mod inline;

use std::env;
use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};

use crate::{Failure, Loaded, Sources, emit, load};

/// The file [`Builder::generate`] writes in `OUT_DIR` unless [`Builder::file_name`] names another.
pub const DEFAULT_FILE_NAME: &str = "markdown_model_codegen.rs";

/// Generates a docs folder's crate into `OUT_DIR` from a build script.
#[derive(Debug, Clone)]
pub struct Builder {
    docs: PathBuf,
    config: Option<PathBuf>,
    out_dir: Option<PathBuf>,
    file_name: String,
    deny_warnings: bool,
}

/// What [`Builder::generate`] wrote.
#[derive(Debug)]
pub struct Built {
    /// The file to `include!`.
    pub path: PathBuf,
    /// Whether it was written (it is not when its contents did not change).
    pub written: bool,
    /// The docs' warnings, rendered (the build script's stderr has them too).
    pub warnings: String,
    /// The `Cargo.toml` the command would write for this crate: the `[dependencies]` and (for
    /// docs with operation pages) the `[features]` the including crate must declare.
    pub manifest: String,
}

/// Why generation failed: the located diagnostics, rendered. Its `Debug` is its `Display`, so a
/// build script's `main` that returns it prints them as they are.
pub struct BuildError(String);

impl fmt::Display for BuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for BuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for BuildError {}

impl Builder {
    /// A builder for the docs folder `docs` (relative to the package's root, where cargo runs
    /// build scripts), with `docs/codegen.toml` as the config when it exists.
    pub fn new(docs: impl Into<PathBuf>) -> Self {
        Builder {
            docs: docs.into(),
            config: None,
            out_dir: None,
            file_name: DEFAULT_FILE_NAME.to_owned(),
            deny_warnings: false,
        }
    }

    /// The config file (`codegen.toml`: type mappings, overrides).
    pub fn config(mut self, path: impl Into<PathBuf>) -> Self {
        self.config = Some(path.into());
        self
    }

    /// The folder to write into [default: `OUT_DIR`].
    pub fn out_dir(mut self, dir: impl Into<PathBuf>) -> Self {
        self.out_dir = Some(dir.into());
        self
    }

    /// The name of the file to write [default: [`DEFAULT_FILE_NAME`]].
    pub fn file_name(mut self, name: impl Into<String>) -> Self {
        self.file_name = name.into();
        self
    }

    /// Fail on warnings too.
    pub fn deny_warnings(mut self, deny: bool) -> Self {
        self.deny_warnings = deny;
        self
    }

    /// Generates the crate into one file, and prints `cargo:rerun-if-changed` for the docs
    /// folder, every file read and the config. An error (any in the docs, a warning with
    /// [`Builder::deny_warnings`], no `OUT_DIR`) writes nothing and is returned rendered, with
    /// file, line and column, as the command shows it.
    pub fn generate(self) -> Result<Built, BuildError> {
        let out_dir = match self
            .out_dir
            .clone()
            .or_else(|| env::var_os("OUT_DIR").map(PathBuf::from))
        {
            Some(dir) => dir,
            None => {
                return Err(BuildError(
                    "error: OUT_DIR is not set: call Builder::generate from a build script, or set Builder::out_dir\n".into(),
                ));
            }
        };
        let loaded = load(&self.docs, self.config.as_deref());
        let no_sources = Sources::default();
        self.watch(match &loaded {
            Ok(Loaded { sources, .. }) | Err(Failure::Input { sources, .. }) => sources,
            Err(Failure::Io(_)) => &no_sources,
        });
        let Loaded {
            model,
            sources,
            warnings,
            ..
        } = loaded.map_err(|failure| BuildError(failure.render()))?;
        let rendered_warnings = sources.render(&warnings);
        if self.deny_warnings && !warnings.is_empty() {
            return Err(BuildError(format!(
                "{rendered_warnings}{} warning(s), denied; nothing was written\n",
                warnings.len()
            )));
        }
        eprint!("{rendered_warnings}");
        let (files, _) = emit::emit_crate(&model);
        let manifest = files
            .iter()
            .find(|file| file.path == Path::new("Cargo.toml"))
            .map(|file| file.contents.clone())
            .unwrap_or_default();
        let contents = inline::single_file(&files).map_err(|error| {
            BuildError(format!(
                "error: the generated crate does not inline: {error}\n"
            ))
        })?;
        let path = out_dir.join(&self.file_name);
        let written = write_if_changed(&path, &contents)
            .map_err(|error| BuildError(format!("error: {}: {error}\n", path.display())))?;
        Ok(Built {
            path,
            written,
            warnings: rendered_warnings,
            manifest,
        })
    }

    /// Tells cargo to run the build script again when the docs folder (a page added or removed),
    /// a file read (pages, config, `[sources] also` folders' pages) or the config changes.
    fn watch(&self, sources: &Sources) {
        let mut watched: Vec<&Path> = vec![&self.docs];
        watched.extend(self.config.as_deref());
        watched.extend(sources.iter().map(|(_, source)| source.path.as_path()));
        watched.sort();
        watched.dedup();
        for path in watched {
            println!("cargo:rerun-if-changed={}", path.display());
        }
    }
}

/// Writes `contents` to `path` (atomically) unless the file already holds them; whether it wrote.
fn write_if_changed(path: &Path, contents: &str) -> std::io::Result<bool> {
    if fs::read(path).is_ok_and(|existing| existing == contents.as_bytes()) {
        return Ok(false);
    }
    crate::output::write_atomically(path, contents.as_bytes())?;
    Ok(true)
}

//! The golden outputs of the generator, compiled: each `golden/<case>/src/lib.rs` is included as a
//! module here, under `#![deny(warnings)]`, so a golden that is not warning-free Rust fails the
//! build. `tests/golden.rs` checks that the generator still produces exactly these files.

#![deny(warnings)]

// The goldens are formatted by prettyplease, as the generator writes them; rustfmt leaves them alone.

/// The support module every generated crate carries verbatim (`src/support_.rs`), included here so
/// that `cargo fmt` and clippy check the template itself; the goldens compile and test its copies.
#[path = "../../generator/templates/support_.rs"]
#[macro_use]
mod support_template;

// The request runtime every generated crate with operations carries verbatim
// (`src/request_.rs`), included here so that it is checked and tested (`tests/runtime.rs`). Not
// doc comments: the template's own docs are the module's (rustdoc would resolve their links from
// here).
#[path = "../../generator/templates/request_.rs"]
pub mod request_;

// The `client` feature's async client (`src/client_.rs` of a generated crate), included here so
// that `cargo fmt` and clippy check the template itself; `tests/loopback.rs` tests the goldens'
// copies. Its own docs are the module's, as above.
#[cfg(feature = "client")]
#[path = "../../generator/templates/client_.rs"]
pub mod client_;

#[rustfmt::skip]
#[path = "../golden/clashes/src/lib.rs"]
pub mod clashes;
#[rustfmt::skip]
#[path = "../golden/csharp/src/lib.rs"]
pub mod csharp;
#[rustfmt::skip]
#[path = "../golden/enums/src/lib.rs"]
pub mod enums;
#[rustfmt::skip]
#[path = "../golden/features/src/lib.rs"]
pub mod features;
#[rustfmt::skip]
#[path = "../golden/keywords/src/lib.rs"]
pub mod keywords;
#[rustfmt::skip]
#[path = "../golden/kotlin/src/lib.rs"]
pub mod kotlin;
#[rustfmt::skip]
#[path = "../golden/nullable_pydantic/src/lib.rs"]
pub mod nullable_pydantic;
#[rustfmt::skip]
#[path = "../golden/nullable_typescript/src/lib.rs"]
pub mod nullable_typescript;
#[rustfmt::skip]
#[path = "../golden/operations/src/lib.rs"]
pub mod operations;
#[rustfmt::skip]
#[path = "../golden/php/src/lib.rs"]
pub mod php;
#[rustfmt::skip]
#[path = "../golden/prior/src/lib.rs"]
pub mod prior;
#[rustfmt::skip]
#[path = "../golden/pydantic/src/lib.rs"]
pub mod pydantic;
#[rustfmt::skip]
#[path = "../golden/recursion/src/lib.rs"]
pub mod recursion;
#[rustfmt::skip]
#[path = "../golden/swift/src/lib.rs"]
pub mod swift;
#[rustfmt::skip]
#[path = "../golden/types/src/lib.rs"]
pub mod types;

/// The real data beside the project, for the tests that read it (never copied into the
/// repository).
pub mod shared {
    use std::path::PathBuf;

    /// `../shared/<relative>` from the project root. The tests that call this are ignored when
    /// the folder is absent (see `build.rs`), except in CI, where reaching this without the folder
    /// fails the test.
    pub fn folder(relative: &str) -> PathBuf {
        let folder = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../../shared")
            .join(relative);
        assert!(
            folder.is_dir(),
            "{} is absent: in CI (CI=true) every corpus must be there; elsewhere this test is ignored when it is",
            folder.display()
        );
        folder
    }
}

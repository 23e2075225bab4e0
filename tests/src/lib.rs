//! The golden outputs of the generator, compiled: each `golden/<case>/src/lib.rs` is included as a
//! module here, under `#![deny(warnings)]`, so a golden that is not warning-free Rust fails the
//! build. `tests/golden.rs` checks that the generator still produces exactly these files.

#![deny(warnings)]

// The goldens are formatted by prettyplease, as the generator writes them; rustfmt leaves them alone.

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
#[path = "../golden/prior/src/lib.rs"]
pub mod prior;
#[rustfmt::skip]
#[path = "../golden/pydantic/src/lib.rs"]
pub mod pydantic;
#[rustfmt::skip]
#[path = "../golden/recursion/src/lib.rs"]
pub mod recursion;
#[rustfmt::skip]
#[path = "../golden/types/src/lib.rs"]
pub mod types;

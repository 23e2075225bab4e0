//! The golden outputs of the generator, compiled: each `golden/<case>/src/lib.rs` is included as a
//! module here, under `#![deny(warnings)]`, so a golden that is not warning-free Rust fails the
//! build. `tests/golden.rs` checks that the generator still produces exactly these files.

#![deny(warnings)]

#[path = "../golden/enums/src/lib.rs"]
pub mod enums;
#[path = "../golden/keywords/src/lib.rs"]
pub mod keywords;
#[path = "../golden/recursion/src/lib.rs"]
pub mod recursion;
#[path = "../golden/types/src/lib.rs"]
pub mod types;

//! Tells the tests whether the real data beside the project (`../shared`) is on this machine.
//!
//! When a folder is absent, the tests that read it are ignored with the reason
//! (`#[cfg_attr(corpus_absent, ignore = "...")]`), so that the test summary counts them as
//! ignored instead of passing them. In CI (`CI=true`) they are never ignored: they run and fail.

use std::path::Path;

fn main() {
    let manifest = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let shared = Path::new(&manifest).join("../../shared");
    let ci = std::env::var("CI")
        .is_ok_and(|value| !value.is_empty() && value != "false" && value != "0");
    println!("cargo::rerun-if-env-changed=CI");
    // A file of each folder, not the folder: cargo would scan thousands of pages on every build.
    for (cfg, folder, marker) in [
        ("corpus_absent", "corpus", "corpus/README.md"),
        (
            "sdk_models_absent",
            "sdk-python-models",
            "sdk-python-models/genesys-127.0.0/analytics_session.py",
        ),
    ] {
        println!("cargo::rustc-check-cfg=cfg({cfg})");
        println!("cargo::rerun-if-changed={}", shared.join(marker).display());
        if !ci && !shared.join(folder).is_dir() {
            println!("cargo::rustc-cfg={cfg}");
        }
    }
}

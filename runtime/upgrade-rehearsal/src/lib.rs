//! # The upgrade rehearsal's runtime
//!
//! `seoul-runtime` built with its `upgrade-rehearsal` feature: the next `spec_version` and one
//! migration whose result a test network checks (`seoul_runtime::rehearsal`). Test networks
//! rehearse the city's upgrade procedure with it, from the council's motion to the enacted code
//! (docs/OPERATORS.md §10); it is never proposed on a production network.
//!
//! `cargo build --release -p seoul-runtime-upgrade-rehearsal` writes the WASM to
//! `$CARGO_TARGET_DIR/release/wbuild/seoul-runtime-upgrade-rehearsal/`
//! `seoul_runtime_upgrade_rehearsal.compact.compressed.wasm`. Natively the crate is empty.

#![no_std]

#[cfg(target_family = "wasm")]
pub use seoul_runtime::*;

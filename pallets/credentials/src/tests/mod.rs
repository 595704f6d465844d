//! Unit tests, one module per topic.

mod attestation;
mod delegates;
mod fuzz;
mod invariants;
mod schemas;
mod status;
mod submissions;
mod verification;

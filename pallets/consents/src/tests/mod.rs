//! Unit tests, one module per topic.

mod accesses;
mod fuzz;
mod grants;
mod invariants;
mod reads;

//! Unit tests, one module per topic.

mod batch;
mod catalogue;
mod distributions;
mod fuzz;
mod issuing;
mod merchants;
mod payments;
mod programmes;
mod pruning;
mod settlement;
mod supply;

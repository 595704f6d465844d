//! Unit tests, one module per topic.

mod checks;
mod contracts;
mod fuzz;
mod insurance;
mod minimum_wage;
mod pay;
mod statements;
mod timesheet;

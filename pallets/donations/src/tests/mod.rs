//! Unit tests, one module per topic.

mod campaigns;
mod charities;
mod donating;
mod fuzz;
mod invariants;
mod milestones;
mod reads;
mod receipts;
mod refunds;

//! Unit tests, one module per topic.

mod programmes;

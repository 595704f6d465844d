//! Unit tests, split by topic.

mod authentication;
mod did_document;
mod fuzz;
mod genesis;
mod key_rotation;
mod migrations;
mod quota;
mod registration;

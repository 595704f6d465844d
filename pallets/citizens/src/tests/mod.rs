//! Unit tests, split by topic.

mod authentication;
mod did_document;
mod genesis;
mod quota;
mod registration;

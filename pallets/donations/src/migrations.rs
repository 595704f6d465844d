//! Storage migrations of this pallet, one module per storage version.
//!
//! Version 1 is the first layout. A chain that adds the pallet in an upgrade needs no step:
//! frame_support gives a pallet whose storage is empty the version its code declares.
//!
//! Spec 107 added storage items without changing any existing one, so version 1 stands:
//! `CampaignOpenedAt` (campaigns opened before it fall back to their deadline less
//! `MaxCampaignDuration` as their earliest won date) and `UnpaidRefunds`. A chain that ran spec
//! 106 and had a refund fail would keep that campaign's `unpaid` with no `UnpaidRefunds` entry
//! to claim it, which try-state reports; no such chain ran outside development and tests, and the
//! entries could be rebuilt only from the `RefundFailed` events, which a runtime cannot read.

//! Donations: campaigns with milestones, S-coin held in escrow, refunds and donation receipts.

use frame_support::{parameter_types, PalletId};
use seoul_primitives::currency::SCN;

use super::{Balance, CityOrigin, Runtime, RuntimeHoldReason};
use crate::{Balances, Citizens, Timestamp};

/// A day in milliseconds.
const DAY_MS: u64 = 24 * 60 * 60 * 1_000;

parameter_types! {
	/// The escrow account is derived from this id.
	pub const DonationsPalletId: PalletId = PalletId(*b"sc/donat");
	/// The smallest S-coin donation: one coin, a thousand times the existential deposit, so
	/// that every refund reaches its donor.
	pub const MinDonation: Balance = SCN;
	/// A campaign's plan: a year of monthly steps.
	pub const MaxMilestones: u32 = 12;
	/// A campaign raises for a year at most.
	pub const MaxCampaignDuration: u64 = 365 * DAY_MS;
	/// The city sets a cooling-off period of at most a month.
	pub const MaxCoolingOff: u64 = 30 * DAY_MS;
	/// Donations of one donor to one charity in a year, and lines of a receipt: more than one a
	/// day.
	pub const MaxReceiptLines: u32 = 400;
	/// Refunds one call or one block's idle time pays: a few per cent of a block
	/// (docs/PERFORMANCE.md).
	pub const MaxRefundBatch: u32 = 200;
}

impl pallet_donations::Config for Runtime {
	type CityOrigin = CityOrigin;
	type Registry = Citizens;
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type UnixTime = Timestamp;
	type PalletId = DonationsPalletId;
	type MinDonation = MinDonation;
	type MaxMilestones = MaxMilestones;
	type MaxCampaignDuration = MaxCampaignDuration;
	type MaxCoolingOff = MaxCoolingOff;
	type MaxReceiptLines = MaxReceiptLines;
	type MaxRefundBatch = MaxRefundBatch;
	type WeightInfo = pallet_donations::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = crate::benchmarks::Clock;
}

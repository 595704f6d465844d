//! Smart healthcare: patients' consents to read their records, and the log of every read.

use frame_support::parameter_types;

use super::Runtime;
use crate::{Citizens, Timestamp};

parameter_types! {
	/// A consent lasts a year at most: a patient renews a consent rather than grant one that
	/// outlives its purpose (a referral, a course of treatment).
	pub const MaxConsentDuration: u64 = 365 * 24 * 60 * 60 * 1_000;
	/// Emergency reads of one patient by one provider a day: every category from a few
	/// custodians during a stay in the emergency room, not a patient's whole history.
	pub const MaxEmergencyAccesses: u32 = 50;
	/// The window emergency reads are counted in: a day.
	pub const EmergencyWindow: u64 = 24 * 60 * 60 * 1_000;
	/// Emergency counts of spent windows one block's idle time examines: the range their
	/// weight was measured over (41 ms of a block at most), so that refunds and distributions
	/// keep their share of idle time.
	pub const MaxSweptPerBlock: u32 = 1_000;
}

impl pallet_consents::Config for Runtime {
	type Registry = Citizens;
	type UnixTime = Timestamp;
	type MaxConsentDuration = MaxConsentDuration;
	type MaxEmergencyAccesses = MaxEmergencyAccesses;
	type EmergencyWindow = EmergencyWindow;
	type MaxSweptPerBlock = MaxSweptPerBlock;
	type WeightInfo = pallet_consents::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = crate::benchmarks::Clock;
}

//! The S-coin: reward programmes, ZeroPay payments, the rewards catalogue and settlement.

use frame_support::parameter_types;
use seoul_primitives::{
	membership::{EnsureMemberWithRole, Role},
	time::HOURS,
};

use super::{AccountId, Balances, BlockNumber, CityOrigin, Runtime};
use crate::{Citizens, Signature};

parameter_types! {
	/// A QR payment request is paid within the hour it was shown, or not at all.
	pub const MaxPaymentValidity: BlockNumber = HOURS;
	/// A programme or catalogue item name, e.g. "2026 재산세 전자납부 (property tax e-payment)".
	pub const MaxNameLength: u32 = 128;
	/// ZeroPay merchant ids are short codes.
	pub const MaxMerchantIdLength: u32 = 32;
	/// A till's order number.
	pub const MaxOrderReferenceLength: u32 = 32;
	/// An agency pays out a campaign a thousand citizens per transaction: about a tenth of a
	/// block's weight (docs/PERFORMANCE.md).
	pub const MaxRewardBatchSize: u32 = 1_000;
	/// Paid-request records examined per block when pruning expired ones, within the block's
	/// idle weight: 10,000 a block keeps pace with 1,667 payments a second.
	pub const MaxPrunedPerBlock: u32 = 10_000;
	/// Settlement requests a merchant may have pending: a month of daily requests.
	pub const MaxPendingSettlements: u32 = 32;
	/// City-wide distributions waiting or paying at once: one paying, the others queued behind
	/// it, each taking about 25 minutes for the whole city (docs/PERFORMANCE.md).
	pub const MaxQueuedDistributions: u32 = 8;
	/// Settlements are confirmed by the members the city made settlement agents.
	pub const SettlementAgentRole: Role = Role::SettlementAgent;
}

impl pallet_scoin::Config for Runtime {
	type CityOrigin = CityOrigin;
	type SettlementOrigin = EnsureMemberWithRole<Citizens, SettlementAgentRole, AccountId>;
	type Registry = Citizens;
	type Currency = Balances;
	type Signature = Signature;
	type Signer = <Signature as sp_runtime::traits::Verify>::Signer;
	type MaxPaymentValidity = MaxPaymentValidity;
	type MaxNameLength = MaxNameLength;
	type MaxMerchantIdLength = MaxMerchantIdLength;
	type MaxOrderReferenceLength = MaxOrderReferenceLength;
	type MaxBatchSize = MaxRewardBatchSize;
	type MaxPrunedPerBlock = MaxPrunedPerBlock;
	type MaxPendingSettlements = MaxPendingSettlements;
	type MaxQueuedDistributions = MaxQueuedDistributions;
	type WeightInfo = pallet_scoin::weights::SubstrateWeight<Runtime>;
}

//! The Citizens Card register: who may use the chain, with which roles, and how often.

use frame_support::{dispatch::DispatchClass, parameter_types, traits::Contains, weights::Weight};
use pallet_balances::WeightInfo as _;
use sp_runtime::Perbill;

use super::{
	accounts::AccountPart, AccountId, BlockNumber, CityOrigin, Runtime, RuntimeBlockLength,
	RuntimeBlockWeights, RuntimeCall,
};
use crate::{CouncilMembership, Timestamp, DAYS};

/// The share of the normal class of a block that one member transaction may fill, by weight and
/// by length: a quarter, 375 ms of execution and 960 KiB. The heaviest legitimate call, a full
/// `SCoin::reward_batch` of 1,000 entries, weighs about 265 ms.
const ONE_TRANSACTION: Perbill = Perbill::from_percent(25);

/// The normal class's share of a block: its weight and its length.
fn normal_class() -> (Weight, u32) {
	let weights = RuntimeBlockWeights::get();
	let normal = weights.get(DispatchClass::Normal);
	let weight = normal.max_total.unwrap_or(weights.max_block);
	(weight, *RuntimeBlockLength::get().max.get(DispatchClass::Normal))
}

parameter_types! {
	/// A card's key and a few spares, e.g. a phone and a card reader.
	pub const MaxAuthenticationKeys: u32 = 4;
	/// Enough endpoints for an organisation's public services.
	pub const MaxServices: u32 = 8;
	/// A service id or type such as `LinkedDomains`.
	pub const MaxServiceFieldLength: u32 = 32;
	/// A service URI.
	pub const MaxEndpointLength: u32 = 200;
	/// An authentication challenge lives at most ten minutes.
	pub const MaxChallengeValidity: u64 = 10 * 60 * 1000;
	/// A registrar's replacement of a citizen's keys waits two days, time for the citizen's
	/// wallet to show it and for the citizen to cancel it.
	pub const KeyRotationDelay: BlockNumber = 2 * DAYS;
	/// Key replacements taking effect in one block: far more than ward offices make.
	pub const MaxRotationsPerBlock: u32 = 64;
	/// One unit of quota: the weight of a plain transfer's call.
	pub UnitWeight: Weight =
		<Runtime as pallet_balances::Config>::WeightInfo::transfer_keep_alive();
	/// The length worth a unit: the same share of the normal class's length as a unit of weight
	/// is of its weight (about 220 bytes; a transfer is about 150).
	pub UnitLength: u32 = {
		let (weight, length) = normal_class();
		let share = u128::from(UnitWeight::get().ref_time()) * u128::from(length) /
			u128::from(weight.ref_time().max(1));
		u32::try_from(share).unwrap_or(u32::MAX).max(1)
	};
	/// The heaviest call one member transaction may carry.
	pub MaxTransactionWeight: Weight = ONE_TRANSACTION * normal_class().0;
	/// The longest member transaction.
	pub MaxTransactionLength: u32 = ONE_TRANSACTION * normal_class().1;
}

/// The members the city's governance and consensus rely on: the council's members and the
/// validator operators. Only the city suspends, revokes or re-keys them.
pub struct CouncilAndOperators;
impl Contains<AccountId> for CouncilAndOperators {
	fn contains(who: &AccountId) -> bool {
		<CouncilMembership as Contains<AccountId>>::contains(who)
			|| pallet_validator_set::Validators::<Runtime>::get().contains(who)
	}
}

/// The council's operational calls on its own motions: proposing, voting, closing and executing.
/// Closing a motion may carry a call as heavy as the operational class allows, more than one
/// member transaction may weigh; nobody else's operational calls are the city's.
pub struct CouncilMotions;
impl pallet_citizens::CityOperational<AccountId, RuntimeCall> for CouncilMotions {
	fn contains(who: &AccountId, call: &RuntimeCall) -> bool {
		matches!(
			call,
			RuntimeCall::Council(
				pallet_collective::Call::propose { .. }
					| pallet_collective::Call::vote { .. }
					| pallet_collective::Call::close { .. }
					| pallet_collective::Call::execute { .. }
			)
		) && <CouncilMembership as Contains<AccountId>>::contains(who)
	}
}

impl pallet_citizens::Config for Runtime {
	type CityOrigin = CityOrigin;
	type ProtectedMembers = CouncilAndOperators;
	type UnixTime = Timestamp;
	type MaxAuthenticationKeys = MaxAuthenticationKeys;
	type MaxServices = MaxServices;
	type MaxServiceFieldLength = MaxServiceFieldLength;
	type MaxEndpointLength = MaxEndpointLength;
	type MaxChallengeValidity = MaxChallengeValidity;
	type AccountQuota = AccountPart<pallet_citizens::QuotaUsage<BlockNumber>>;
	type UnitWeight = UnitWeight;
	type UnitLength = UnitLength;
	type MaxTransactionWeight = MaxTransactionWeight;
	type MaxTransactionLength = MaxTransactionLength;
	type CityOperational = CouncilMotions;
	type KeyRotationDelay = KeyRotationDelay;
	type MaxRotationsPerBlock = MaxRotationsPerBlock;
	type WeightInfo = pallet_citizens::weights::SubstrateWeight<Runtime>;
}

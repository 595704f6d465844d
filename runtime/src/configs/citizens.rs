//! The Citizens Card register: who may use the chain, with which roles, and how often.

use frame_support::{parameter_types, traits::Contains};

use super::{AccountId, CityOrigin, Runtime};
use crate::{CouncilMembership, Timestamp};

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

impl pallet_citizens::Config for Runtime {
	type CityOrigin = CityOrigin;
	type ProtectedMembers = CouncilAndOperators;
	type UnixTime = Timestamp;
	type MaxAuthenticationKeys = MaxAuthenticationKeys;
	type MaxServices = MaxServices;
	type MaxServiceFieldLength = MaxServiceFieldLength;
	type MaxEndpointLength = MaxEndpointLength;
	type MaxChallengeValidity = MaxChallengeValidity;
	type WeightInfo = pallet_citizens::weights::SubstrateWeight<Runtime>;
}

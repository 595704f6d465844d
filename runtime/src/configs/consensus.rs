//! Who validates and who may connect: the validator set, sessions, Aura, GRANDPA and node
//! authorisation, all governed by [`CityOrigin`].

use frame_support::{
	parameter_types,
	traits::{ConstBool, ConstU128, ConstU32, ConstU64},
};
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_runtime::traits::{ConvertInto, OpaqueKeys};

use super::{CityOrigin, Runtime, RuntimeEvent};
use crate::{AccountId, Balances, BlockNumber, Session, SessionKeys, MINUTES};

/// The most validators the chain may have; Aura and GRANDPA keep as many authorities.
pub const MAX_VALIDATORS: u32 = 32;

/// Blocks per session: validator changes and new session keys take effect at this rhythm.
pub const SESSION_PERIOD: BlockNumber = 10 * MINUTES;

parameter_types! {
	/// Blocks per session.
	pub const SessionPeriod: BlockNumber = SESSION_PERIOD;
	/// Sessions start at block 0.
	pub const SessionOffset: BlockNumber = 0;
}

impl pallet_validator_set::Config for Runtime {
	type UpdateOrigin = CityOrigin;
	type SessionKeys = Session;
	// The development chain runs on one validator. A production network should keep at least
	// four, so that finality survives the loss of one; the council sees to it.
	type MinValidators = ConstU32<1>;
	type MaxValidators = ConstU32<MAX_VALIDATORS>;
	type WeightInfo = pallet_validator_set::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = crate::benchmarks::SessionKeysHelper;
}

impl pallet_session::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type ValidatorId = AccountId;
	type ValidatorIdOf = ConvertInto;
	type ShouldEndSession = pallet_session::PeriodicSessions<SessionPeriod, SessionOffset>;
	type NextSessionRotation = pallet_session::PeriodicSessions<SessionPeriod, SessionOffset>;
	type SessionManager = crate::ValidatorSet;
	type SessionHandler = <SessionKeys as OpaqueKeys>::KeyTypeIdProviders;
	type Keys = SessionKeys;
	// Validators are not slashed or disabled on a proof-of-authority chain: the council removes
	// a misbehaving operator.
	type DisablingStrategy = ();
	type WeightInfo = pallet_session::weights::SubstrateWeight<Runtime>;
	type Currency = Balances;
	// Operators are vetted by the city; registering keys needs no deposit.
	type KeyDeposit = ConstU128<0>;
}

impl pallet_aura::Config for Runtime {
	type AuthorityId = AuraId;
	type DisabledValidators = ();
	type MaxAuthorities = ConstU32<MAX_VALIDATORS>;
	type AllowMultipleBlocksPerSlot = ConstBool<false>;
	type SlotDuration = pallet_aura::MinimumPeriodTimesTwo<Runtime>;
}

impl pallet_grandpa::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = ();
	type MaxAuthorities = ConstU32<MAX_VALIDATORS>;
	type MaxNominators = ConstU32<0>;
	type MaxSetIdSessionEntries = ConstU64<0>;
	// Equivocations are handled by the council, not by on-chain slashing.
	type KeyOwnerProof = sp_core::Void;
	type EquivocationReportSystem = ();
}

parameter_types! {
	/// The most nodes the city lists as well known.
	pub const MaxWellKnownNodes: u32 = 64;
	/// The longest PeerId accepted, in bytes (an ed25519 node key's is 38).
	pub const MaxPeerIdLength: u32 = 64;
	/// A validator's sentries and backups, with room to spare.
	pub const MaxConnections: u32 = 16;
	/// Nodes an operator may claim besides those the city lists.
	pub const MaxNodesPerOwner: u32 = 8;
}

impl pallet_node_authorization::Config for Runtime {
	type CityOrigin = CityOrigin;
	type Registry = crate::Citizens;
	type MaxWellKnownNodes = MaxWellKnownNodes;
	type MaxPeerIdLength = MaxPeerIdLength;
	type MaxConnections = MaxConnections;
	type MaxNodesPerOwner = MaxNodesPerOwner;
	type WeightInfo = pallet_node_authorization::weights::SubstrateWeight<Runtime>;
}

//! Who validates and who may connect: the validator set, sessions, Aura, GRANDPA and node
//! authorisation, all governed by [`CityOrigin`]; block authorship counted and equivocations
//! proven (`Historical`, `Offences`), both reported to the council.

use alloc::vec::Vec;
use frame_support::{
	parameter_types,
	traits::{ConstBool, ConstU128, ConstU32, ConstU64, ValidatorRegistration},
};
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_runtime::{
	traits::{Convert, ConvertInto, OpaqueKeys},
	DispatchResult,
};

use super::{CityOrigin, Runtime, RuntimeEvent, RuntimeOrigin};
use crate::{
	AccountId, Aura, Balances, BlockNumber, Historical, Offences, Session, SessionKeys,
	ValidatorSet, DAYS, MINUTES,
};

/// The most validators the chain may have; Aura and GRANDPA keep as many authorities.
pub const MAX_VALIDATORS: u32 = 32;

/// Blocks per session of a network whose genesis sets none (production networks): validator
/// changes and new session keys take effect at this rhythm.
pub const SESSION_PERIOD: BlockNumber = 10 * MINUTES;

/// `pallet-session` as the validator set sees it.
pub struct SessionAdapter;

impl ValidatorRegistration<AccountId> for SessionAdapter {
	fn is_registered(who: &AccountId) -> bool {
		<Session as ValidatorRegistration<AccountId>>::is_registered(who)
	}
}

impl pallet_validator_set::SessionInterface<AccountId> for SessionAdapter {
	fn active_validators() -> Vec<AccountId> {
		Session::validators()
	}

	// Called directly, not dispatched: the runtime's call filter refuses `Session::purge_keys`
	// to signed origins, and only `ValidatorSet::purge_keys` reaches it.
	fn purge_keys(who: &AccountId) -> DispatchResult {
		Session::purge_keys(RuntimeOrigin::signed(who.clone()))
	}

	fn prune_key_ownership_proofs(up_to: u32) {
		Historical::prune_up_to(up_to)
	}
}

/// The longest Aura equivocation proof accepted: two headers of a few hundred bytes each, with room
/// for a GRANDPA authority change of all `MAX_VALIDATORS` in a digest.
pub const MAX_EQUIVOCATION_PROOF_LEN: u32 = 4096;

/// Sessions in a row without a block after which a validator is reported silent: half an hour.
pub const SILENT_SESSIONS_TO_REPORT: u32 = 3;

impl pallet_validator_set::Config for Runtime {
	type UpdateOrigin = CityOrigin;
	type Session = SessionAdapter;
	// The floor of every network; each sets its own minimum in its genesis: one on the
	// development chain, four on production networks, so that finality survives the loss of one.
	type MinValidators = ConstU32<1>;
	type SilentSessionsToReport = ConstU32<SILENT_SESSIONS_TO_REPORT>;
	type MaxValidators = ConstU32<MAX_VALIDATORS>;
	type DefaultSessionLength = ConstU32<SESSION_PERIOD>;
	// Aura equivocations: two headers sealed by one key for one slot, the key proven a
	// validator's by `Historical`, the offence recorded by `Offences`.
	type AuraId = AuraId;
	type KeyOwnerProof = sp_session::MembershipProof;
	type IdentificationTuple = pallet_session::historical::IdentificationTuple<Runtime>;
	type KeyOwnerProofSystem = Historical;
	type ReportOffence = Offences;
	type MaxEquivocationProofLen = ConstU32<MAX_EQUIVOCATION_PROOF_LEN>;
	type KeyOwnershipProofSessions = ConstU32<{ EQUIVOCATION_PROOF_SESSIONS as u32 }>;
	type WeightInfo = pallet_validator_set::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = crate::benchmarks::SessionKeysHelper;
}

impl pallet_session::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type ValidatorId = AccountId;
	type ValidatorIdOf = ConvertInto;
	// Each network's session length, set in its genesis.
	type ShouldEndSession = pallet_validator_set::Sessions<Runtime>;
	type NextSessionRotation = pallet_validator_set::Sessions<Runtime>;
	// The validator set, noting each session's set for key-ownership proofs.
	type SessionManager = pallet_session::historical::NoteHistoricalRoot<Runtime, ValidatorSet>;
	type SessionHandler = <SessionKeys as OpaqueKeys>::KeyTypeIdProviders;
	type Keys = SessionKeys;
	// Validators are not slashed or disabled on a proof-of-authority chain: offences are
	// recorded and the council removes a misbehaving operator.
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

/// A validator's full identification for key-ownership proofs: its account alone, as nothing
/// is staked.
pub struct OperatorIdentification;
impl Convert<AccountId, Option<()>> for OperatorIdentification {
	fn convert(_: AccountId) -> Option<()> {
		Some(())
	}
}

impl pallet_session::historical::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type FullIdentification = ();
	type FullIdentificationOf = OperatorIdentification;
}

/// How many past sessions an equivocation can be proven for: a week of production sessions (a
/// test network with shorter sessions keeps proofs for less time).
pub const EQUIVOCATION_PROOF_SESSIONS: u64 = (7 * DAYS / SESSION_PERIOD) as u64;

parameter_types! {
	/// How long a node's unsigned equivocation report stays valid in the pool: a week.
	pub const ReportLongevity: u64 = (7 * DAYS) as u64;
}

impl pallet_grandpa::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = ();
	type MaxAuthorities = ConstU32<MAX_VALIDATORS>;
	type MaxNominators = ConstU32<0>;
	type MaxSetIdSessionEntries = ConstU64<EQUIVOCATION_PROOF_SESSIONS>;
	// A node that sees a validator vote twice in a round reports it, unsigned, with a proof
	// that the key was the validator's (`Historical`); `Offences` records it and the validator
	// set reports it to the council.
	type KeyOwnerProof = sp_session::MembershipProof;
	type EquivocationReportSystem =
		pallet_grandpa::EquivocationReportSystem<Self, Offences, Historical, ReportLongevity>;
}

impl pallet_authorship::Config for Runtime {
	type FindAuthor = pallet_session::FindAccountFromAuthorIndex<Self, Aura>;
	// The validator set counts each validator's blocks, to report a silent one.
	type EventHandler = ValidatorSet;
}

impl pallet_offences::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type IdentificationTuple = pallet_session::historical::IdentificationTuple<Self>;
	type OnOffenceHandler = ValidatorSet;
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

//! The City Council, the runtime's one privileged origin, the governed path to Root and the
//! emergency brakes.
//!
//! The council's members are kept by `CouncilMembership`; the council itself (`Council`) votes
//! on motions. A motion carried by two thirds of the council, or Root (sudo on development
//! networks), is [`CityOrigin`]: the origin every privileged call of every pallet requires.
//!
//! The few calls only Root may make ([`RootCalls`]: a runtime upgrade, `Grandpa::note_stalled`,
//! a storage fix) are reached through `Enactment`: a motion carried by three quarters of the
//! council ([`RootProposalOrigin`]) proposes one, it waits the enactment delay in `Scheduler`'s
//! agenda (its bytes in `Preimage`), during which a majority of the council
//! ([`RootCancelOrigin`]) can cancel it, then it runs as Root.
//!
//! The brakes need no upgrade: `TxPause` pauses named calls or whole pallets, `SafeMode` pauses
//! everything but governance, both at a `CityOrigin` motion.

use frame_support::{
	parameter_types,
	traits::{ConstU32, Contains, Disabled, EitherOfDiverse, EqualPrivilegeOnly, InsideBoth},
	weights::Weight,
};
use frame_system::{EnsureRoot, EnsureWithSuccess};
use pallet_tx_pause::RuntimeCallNameOf;
use sp_runtime::Perbill;

use super::{
	AccountId, BlockNumber, OriginCaller, Runtime, RuntimeBlockWeights, RuntimeCall, RuntimeEvent,
	RuntimeHoldReason, RuntimeOrigin,
};
use crate::{Balances, Council, Preimage, Scheduler, DAYS, HOURS};

/// The council's instance of `pallet-collective`.
pub type CouncilCollective = pallet_collective::Instance1;

/// The runtime's one privileged origin: Root, or two thirds of the City Council.
pub type CityOrigin = EitherOfDiverse<
	EnsureRoot<AccountId>,
	pallet_collective::EnsureProportionAtLeast<AccountId, CouncilCollective, 2, 3>,
>;

parameter_types! {
	/// How long a council motion stays open for votes.
	pub const CouncilMotionDuration: BlockNumber = 3 * DAYS;
	/// The most motions open at once.
	pub const CouncilMaxProposals: u32 = 100;
	/// The most council members.
	pub const CouncilMaxMembers: u32 = 100;
	/// The heaviest call a motion may execute: half a block.
	pub MaxProposalWeight: Weight = Perbill::from_percent(50) * RuntimeBlockWeights::get().max_block;
}

impl pallet_collective::Config<CouncilCollective> for Runtime {
	type RuntimeOrigin = RuntimeOrigin;
	type Proposal = RuntimeCall;
	type RuntimeEvent = RuntimeEvent;
	type MotionDuration = CouncilMotionDuration;
	type MaxProposals = CouncilMaxProposals;
	type MaxMembers = CouncilMaxMembers;
	type DefaultVote = pallet_collective::PrimeDefaultVote;
	type WeightInfo = crate::weights::pallet_collective::WeightInfo<Runtime>;
	// Members change only through `CouncilMembership`, itself behind `CityOrigin`.
	type SetMembersOrigin = EnsureRoot<AccountId>;
	type MaxProposalWeight = MaxProposalWeight;
	type DisapproveOrigin = CityOrigin;
	type KillOrigin = CityOrigin;
	type Consideration = ();
}

impl pallet_membership::Config<pallet_membership::Instance1> for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type AddOrigin = CityOrigin;
	type RemoveOrigin = CityOrigin;
	type SwapOrigin = CityOrigin;
	type ResetOrigin = CityOrigin;
	type PrimeOrigin = CityOrigin;
	type MembershipInitialized = Council;
	type MembershipChanged = Council;
	type MaxMembers = CouncilMaxMembers;
	type WeightInfo = crate::weights::pallet_membership::WeightInfo<Runtime>;
}

/// The council's majority that proposes a Root call: three quarters, stricter than
/// [`CityOrigin`]; or Root itself (sudo on development networks).
pub type RootProposalOrigin = EitherOfDiverse<
	EnsureRoot<AccountId>,
	pallet_collective::EnsureProportionAtLeast<AccountId, CouncilCollective, 3, 4>,
>;

/// The council's majority that cancels a pending Root call: more than half, so that a call the
/// council no longer wants can be stopped by fewer votes than it took to propose it.
pub type RootCancelOrigin = EitherOfDiverse<
	EnsureRoot<AccountId>,
	pallet_collective::EnsureProportionMoreThan<AccountId, CouncilCollective, 1, 2>,
>;

/// The calls the council may make as Root through `Enactment`, and nothing else:
/// - `System::authorize_upgrade`: the runtime upgrade; anyone then submits the authorised code
///   with `System::apply_authorized_upgrade`, so the motion carries a hash, not megabytes;
/// - `System::set_storage`, `kill_storage`, `kill_prefix`: a storage fix;
/// - `Grandpa::note_stalled`: restarting finality after a stall;
/// - `Enactment::set_delay`: the delay itself;
/// - `Utility::batch_all` of such calls, to apply them together or not at all.
///
/// Minting (`Balances::force_*`) and acting as an account (`Sudo`) stay out of the council's
/// reach.
pub struct RootCalls;
impl Contains<RuntimeCall> for RootCalls {
	fn contains(call: &RuntimeCall) -> bool {
		use frame_system::Call as System;
		match call {
			RuntimeCall::System(
				System::authorize_upgrade { .. }
				| System::set_storage { .. }
				| System::kill_storage { .. }
				| System::kill_prefix { .. },
			)
			| RuntimeCall::Grandpa(pallet_grandpa::Call::note_stalled { .. })
			| RuntimeCall::Enactment(pallet_enactment::Call::set_delay { .. }) => true,
			RuntimeCall::Utility(pallet_utility::Call::batch_all { calls }) => {
				calls.iter().all(Self::contains)
			}
			_ => false,
		}
	}
}

parameter_types! {
	/// What the scheduler may dispatch in one block: four fifths of it.
	pub MaximumSchedulerWeight: Weight =
		Perbill::from_percent(80) * RuntimeBlockWeights::get().max_block;
	/// The heaviest Root call the council may propose: half a block, as for its motions.
	pub MaxRootCallWeight: Weight = MaxProposalWeight::get();
}

impl pallet_preimage::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	// Upstream's reference weights: its benchmarks note preimages as signed accounts paying a
	// deposit, which this runtime disables (`Consideration = Disabled`), so they cannot run here;
	// only the city notes and requests, through the council.
	type WeightInfo = pallet_preimage::weights::SubstrateWeight<Runtime>;
	type Currency = Balances;
	// The city notes preimages; `Enactment` notes the calls it schedules. Members cannot: a
	// free store of 4 MiB a transaction is not theirs to fill.
	type ManagerOrigin = CityOrigin;
	type Consideration = Disabled;
}

impl pallet_scheduler::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeOrigin = RuntimeOrigin;
	type PalletsOrigin = OriginCaller;
	type RuntimeCall = RuntimeCall;
	type MaximumWeight = MaximumSchedulerWeight;
	// A task runs with the origin that scheduled it: only Root schedules directly, so a
	// council motion can never put a call on the agenda but through `Enactment`.
	type ScheduleOrigin = EnsureRoot<AccountId>;
	type OriginPrivilegeCmp = EqualPrivilegeOnly;
	type MaxScheduledPerBlock = ConstU32<50>;
	type WeightInfo = crate::weights::pallet_scheduler::WeightInfo<Runtime>;
	type Preimages = Preimage;
	type BlockNumberProvider = frame_system::Pallet<Runtime>;
}

/// A Root call as `Enactment` keeps it: inline if small, else by its preimage's hash.
pub type BoundedRootCall = pallet_enactment::BoundedCallOf<Runtime>;

impl pallet_enactment::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type PalletsOrigin = OriginCaller;
	type Scheduler = Scheduler;
	type Preimages = Preimage;
	type ProposeOrigin = RootProposalOrigin;
	type CancelOrigin = RootCancelOrigin;
	type RootCalls = RootCalls;
	// Each network sets its delay in its genesis: a day on production networks.
	type MinDelay = ConstU32<5>;
	type MaxDelay = ConstU32<{ 30 * DAYS }>;
	type MaxPending = ConstU32<16>;
	type MaxCallWeight = MaxRootCallWeight;
	type WeightInfo = pallet_enactment::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = crate::benchmarks::StorageFixHelper;
}

/// The pallets no pause may touch, so that the council can always govern and lift a pause:
/// blocks, time and consensus (`System`, `Timestamp`, `Aura`, `Grandpa`, `Session`,
/// `ValidatorSet`, `NodeAuthorization`) and governance itself (`Council`, `CouncilMembership`,
/// `Preimage`, `Scheduler`, `Enactment`, `TxPause`, `SafeMode`, `Sudo`).
const GOVERNANCE_PALLETS: [&[u8]; 15] = [
	b"System",
	b"Timestamp",
	b"Aura",
	b"Grandpa",
	b"Session",
	b"ValidatorSet",
	b"NodeAuthorization",
	b"Council",
	b"CouncilMembership",
	b"Preimage",
	b"Scheduler",
	b"Enactment",
	b"TxPause",
	b"SafeMode",
	b"Sudo",
];

/// Whether a pallet is one of [`GOVERNANCE_PALLETS`].
fn is_governance_pallet(name: &[u8]) -> bool {
	GOVERNANCE_PALLETS.contains(&name)
}

/// The calls `TxPause` refuses to pause: those of [`GOVERNANCE_PALLETS`].
pub struct Unpausable;
impl Contains<RuntimeCallNameOf<Runtime>> for Unpausable {
	fn contains((pallet, _call): &RuntimeCallNameOf<Runtime>) -> bool {
		is_governance_pallet(pallet)
	}
}

parameter_types! {
	/// The longest pallet or call name `TxPause` records.
	pub const MaxPauseNameLength: u32 = 64;
}

impl pallet_tx_pause::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type PauseOrigin = CityOrigin;
	type UnpauseOrigin = CityOrigin;
	type WhitelistedCalls = Unpausable;
	type MaxNameLen = MaxPauseNameLength;
	type WeightInfo = crate::weights::pallet_tx_pause::WeightInfo<Runtime>;
}

/// The calls `SafeMode` lets through: those of [`GOVERNANCE_PALLETS`], so that the council
/// can still govern, repair and end safe mode.
pub struct SafeModeAllows;
impl Contains<RuntimeCall> for SafeModeAllows {
	fn contains(call: &RuntimeCall) -> bool {
		use frame_support::traits::GetCallMetadata;
		is_governance_pallet(call.get_call_metadata().pallet_name.as_bytes())
	}
}

parameter_types! {
	/// How long safe mode lasts once the council enters it: a day, unless it ends it sooner.
	pub const SafeModeDuration: BlockNumber = DAYS;
	/// How much longer each extension keeps it.
	pub const SafeModeExtension: BlockNumber = 12 * HOURS;
}

impl pallet_safe_mode::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type WhitelistedCalls = SafeModeAllows;
	type EnterDuration = SafeModeDuration;
	type ExtendDuration = SafeModeExtension;
	// Only the council enters or extends safe mode; nobody can buy it with a deposit.
	type EnterDepositAmount = ();
	type ExtendDepositAmount = ();
	type ForceEnterOrigin = EnsureWithSuccess<CityOrigin, AccountId, SafeModeDuration>;
	type ForceExtendOrigin = EnsureWithSuccess<CityOrigin, AccountId, SafeModeExtension>;
	type ForceExitOrigin = CityOrigin;
	type ForceDepositOrigin = CityOrigin;
	type Notify = ();
	type ReleaseDelay = ();
	type WeightInfo = crate::weights::pallet_safe_mode::WeightInfo<Runtime>;
}

/// What every call passes besides the members' own filter ([`super::CallFilter`]): not paused by
/// `TxPause`, and let through by `SafeMode` when it is on. Root is never filtered.
pub type Brakes = InsideBoth<pallet_tx_pause::Pallet<Runtime>, pallet_safe_mode::Pallet<Runtime>>;

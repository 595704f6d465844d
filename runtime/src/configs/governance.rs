//! The City Council and the runtime's one privileged origin.
//!
//! The council's members are kept by `CouncilMembership`; the council itself (`Council`) votes
//! on motions. A motion carried by two thirds of the council, or Root (sudo on development
//! networks), is [`CityOrigin`]: the origin every privileged call of every pallet requires. The
//! one exception is `Council::set_members`, which only Root may call, because members change
//! through `CouncilMembership`.

use frame_support::{parameter_types, traits::EitherOfDiverse, weights::Weight};
use frame_system::EnsureRoot;
use sp_runtime::Perbill;

use super::{
	AccountId, BlockNumber, Runtime, RuntimeBlockWeights, RuntimeCall, RuntimeEvent, RuntimeOrigin,
};
use crate::{Council, DAYS};

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
	type WeightInfo = pallet_collective::weights::SubstrateWeight<Runtime>;
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
	type WeightInfo = pallet_membership::weights::SubstrateWeight<Runtime>;
}

//! A test runtime with `pallet-session` driven by this pallet, sessions of five blocks, and
//! `pallet-offences` recording the equivocations it proves.

use crate as pallet_validator_set;
use frame_support::{
	derive_impl,
	traits::{ConstU32, ConstU64, KeyOwnerProofSystem, OnFinalize, OnInitialize},
};
use frame_system::EnsureRoot;
use sp_runtime::KeyTypeId;
use sp_runtime::{testing::UintAuthorityId, traits::ConvertInto, BuildStorage};
use sp_session::MembershipProof;

type Block = frame_system::mocking::MockBlock<Test>;

/// Blocks per session in the tests.
pub const SESSION_LENGTH: u64 = 5;
/// The operators at genesis.
pub const GENESIS_VALIDATORS: [u64; 3] = [1, 2, 3];

#[frame_support::runtime]
mod runtime {
	#[runtime::runtime]
	#[runtime::derive(
		RuntimeCall,
		RuntimeEvent,
		RuntimeError,
		RuntimeOrigin,
		RuntimeHoldReason,
		RuntimeFreezeReason,
		RuntimeTask
	)]
	pub struct Test;

	#[runtime::pallet_index(0)]
	pub type System = frame_system;
	#[runtime::pallet_index(1)]
	pub type Balances = pallet_balances;
	#[runtime::pallet_index(2)]
	pub type ValidatorSet = pallet_validator_set;
	#[runtime::pallet_index(3)]
	pub type Session = pallet_session;
	#[runtime::pallet_index(4)]
	pub type Offences = pallet_offences;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountData = pallet_balances::AccountData<u64>;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type AccountStore = System;
}

#[derive_impl(pallet_validator_set::config_preludes::TestDefaultConfig)]
impl pallet_validator_set::Config for Test {
	type MinValidators = ConstU32<2>;
	type UpdateOrigin = EnsureRoot<u64>;
	type Session = SessionAdapter;
	type DefaultSessionLength = ConstU64<SESSION_LENGTH>;
	type AuraId = UintAuthorityId;
	type KeyOwnerProof = MembershipProof;
	type IdentificationTuple = (u64, ());
	type KeyOwnerProofSystem = CurrentSessionKeys;
	type ReportOffence = Offences;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = RegisterTestKeys;
}

impl pallet_offences::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type IdentificationTuple = (u64, ());
	type OnOffenceHandler = ValidatorSet;
}

/// Key-ownership proofs of the current session, whose keys are `UintAuthorityId(validator)`, the
/// proof naming the key: what the pallet's checks need. The runtime's tests prove keys with
/// `pallet_session::historical`.
pub struct CurrentSessionKeys;
impl KeyOwnerProofSystem<(KeyTypeId, UintAuthorityId)> for CurrentSessionKeys {
	type Proof = MembershipProof;
	type IdentificationTuple = (u64, ());

	fn prove((_, key): (KeyTypeId, UintAuthorityId)) -> Option<MembershipProof> {
		let validators = Session::validators();
		validators.contains(&key.0).then(|| MembershipProof {
			session: Session::current_index(),
			trie_nodes: vec![codec::Encode::encode(&key.0)],
			validator_count: validators.len() as u32,
		})
	}

	fn check_proof(key: (KeyTypeId, UintAuthorityId), proof: MembershipProof) -> Option<(u64, ())> {
		let owner = key.1 .0;
		(Self::prove(key) == Some(proof)).then_some((owner, ()))
	}
}

/// Two headers of `slot`, each with `padding` bytes of digest, sealed by `author`'s test key.
pub fn padded_equivocation(
	author: u64,
	slot: u64,
	padding: u32,
) -> crate::AuraEquivocationProof<Test> {
	crate::sealed_equivocation(UintAuthorityId(author), slot.into(), padding, |message| {
		sp_runtime::testing::TestSignature(author, message.to_vec())
	})
}

/// Two headers of `slot` sealed by `author`'s test key.
pub fn equivocation(author: u64, slot: u64) -> crate::AuraEquivocationProof<Test> {
	padded_equivocation(author, slot, 0)
}

impl pallet_session::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type ValidatorId = u64;
	type ValidatorIdOf = ConvertInto;
	type ShouldEndSession = crate::Sessions<Test>;
	type NextSessionRotation = crate::Sessions<Test>;
	type SessionManager = ValidatorSet;
	type SessionHandler = pallet_session::TestSessionHandler;
	type Keys = UintAuthorityId;
	type DisablingStrategy = ();
	type WeightInfo = ();
	type Currency = Balances;
	type KeyDeposit = ConstU64<0>;
}

/// `pallet-session` as the validator set sees it.
pub struct SessionAdapter;
impl frame_support::traits::ValidatorRegistration<u64> for SessionAdapter {
	fn is_registered(who: &u64) -> bool {
		<Session as frame_support::traits::ValidatorRegistration<u64>>::is_registered(who)
	}
}
impl crate::SessionInterface<u64> for SessionAdapter {
	fn active_validators() -> Vec<u64> {
		Session::validators()
	}

	fn purge_keys(who: &u64) -> sp_runtime::DispatchResult {
		Session::purge_keys(RuntimeOrigin::signed(*who))
	}

	fn prune_key_ownership_proofs(up_to: u32) {
		PRUNED_UP_TO.set(Some(up_to));
	}
}

std::thread_local! {
	/// Where the validator set last asked to prune the sets kept for key-ownership proofs.
	pub static PRUNED_UP_TO: core::cell::Cell<Option<u32>> = const { core::cell::Cell::new(None) };
}

/// Registers session keys the way an operator does, with `Session::set_keys`.
pub fn register_keys(who: u64) {
	frame_support::assert_ok!(Session::set_keys(
		RuntimeOrigin::signed(who),
		UintAuthorityId(who),
		Vec::new()
	));
}

/// Benchmark accounts get their session keys through `Session::set_keys`; the equivocation is
/// genesis validator 1's.
#[cfg(feature = "runtime-benchmarks")]
pub struct RegisterTestKeys;
#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper<Test> for RegisterTestKeys {
	fn register_session_keys(who: &u64) {
		frame_system::Pallet::<Test>::inc_providers(who);
		register_keys(*who);
	}

	fn activate_validators(count: u32) {
		for who in GENESIS_VALIDATORS.len() as u64 + 1..=count as u64 {
			Self::register_session_keys(&who);
			frame_support::assert_ok!(ValidatorSet::add_validator(RuntimeOrigin::root(), who));
		}
		run_to_session(Session::current_index() + 2);
	}

	fn aura_equivocation(padding: u32) -> (crate::AuraEquivocationProof<Test>, MembershipProof) {
		let proof = CurrentSessionKeys::prove((KeyTypeId(*b"test"), UintAuthorityId(1)))
			.expect("1 validates from genesis");
		(padded_equivocation(1, 7, padding), proof)
	}
}

/// A chain whose genesis has [`GENESIS_VALIDATORS`] with session keys, at block 1.
pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> {
		balances: (1..=10).map(|who| (who, 100)).collect(),
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	pallet_validator_set::GenesisConfig::<Test> {
		initial_validators: GENESIS_VALIDATORS.to_vec(),
		min_validators: 0,
		session_length: 0,
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	pallet_session::GenesisConfig::<Test> {
		keys: GENESIS_VALIDATORS.iter().map(|&who| (who, who, UintAuthorityId(who))).collect(),
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| System::set_block_number(1));
	ext
}

std::thread_local! {
	/// The active validators that author no block, as if their machines were down.
	static DOWN: core::cell::RefCell<Vec<u64>> = const { core::cell::RefCell::new(Vec::new()) };
}

/// Takes `who`'s machine down (it authors nothing) or back up.
pub fn set_down(who: u64, down: bool) {
	DOWN.with_borrow_mut(|list| {
		list.retain(|other| *other != who);
		if down {
			list.push(who);
		}
	});
}

/// Runs blocks until `block` is initialised, as the executive would. Each active validator that
/// is not down is noted as an author of each block: what counts is who authors at all.
pub fn run_to_block(block: u64) {
	use pallet_authorship::EventHandler;
	while System::block_number() < block {
		let now = System::block_number();
		Session::on_finalize(now);
		System::on_finalize(now);
		System::set_block_number(now + 1);
		System::on_initialize(now + 1);
		for author in Session::validators() {
			if !DOWN.with_borrow(|down| down.contains(&author)) {
				ValidatorSet::note_author(author);
			}
		}
		Session::on_initialize(now + 1);
	}
}

/// Runs blocks until session `index` has started.
pub fn run_to_session(index: u32) {
	while Session::current_index() < index {
		run_to_block(System::block_number() + 1);
	}
}

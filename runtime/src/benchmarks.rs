//! The pallets `seoul-node benchmark pallet` measures, and what their benchmarks need from the
//! runtime.

use crate::{AccountId, Historical, Runtime, RuntimeCall, Session, SessionKeys, ValidatorSet};
use codec::Encode;
use sp_consensus_aura::sr25519::AuthorityId as AuraId;

frame_benchmarking::define_benchmarks!(
	[frame_system, SystemBench::<Runtime>]
	[frame_system_extensions, SystemExtensionsBench::<Runtime>]
	[pallet_balances, Balances]
	[pallet_timestamp, Timestamp]
	[pallet_transaction_payment, TransactionPayment]
	[pallet_sudo, Sudo]
	[pallet_utility, Utility]
	[pallet_collective, Council]
	[pallet_membership, CouncilMembership]
	[pallet_scheduler, Scheduler]
	[pallet_tx_pause, TxPause]
	[pallet_safe_mode, SafeMode]
	[pallet_validator_set, ValidatorSet]
	[pallet_node_authorization, NodeAuthorization]
	[pallet_citizens, Citizens]
	[pallet_scoin, SCoin]
	[pallet_consents, Consents]
	[pallet_donations, Donations]
	[pallet_credentials, Credentials]
	[pallet_labor, Labor]
	[pallet_enactment, Enactment]
);

impl frame_system_benchmarking::Config for Runtime {}

// The fee extension's benchmark endows its caller through `OnChargeTransaction`, which needs no
// setting up: fees are zero and the benchmark's tip is a plain balance.
impl pallet_transaction_payment::BenchmarkConfig for Runtime {}

/// Registers session keys for benchmark accounts the way an operator does: generated in the
/// keystore, proven and set with `Session::set_keys`; seals an equivocation with the Aura key of
/// Alice, who validates in the development genesis the benchmarks run on.
pub struct SessionKeysHelper;
impl pallet_validator_set::BenchmarkHelper<Runtime> for SessionKeysHelper {
	fn register_session_keys(who: &AccountId) {
		frame_system::Pallet::<Runtime>::inc_providers(who);
		let generated = SessionKeys::generate(&who.encode(), None);
		Session::set_keys(
			frame_system::RawOrigin::Signed(who.clone()).into(),
			generated.keys,
			generated.proof.encode(),
		)
		.expect("freshly generated keys with their proof are accepted");
	}

	fn activate_validators(count: u32) {
		// Alice validates from genesis; the others join and the set changes two sessions on.
		for index in 1..count {
			let who: AccountId = frame_benchmarking::account("validator", index, 0);
			Self::register_session_keys(&who);
			ValidatorSet::add_validator(frame_system::RawOrigin::Root.into(), who)
				.expect("the set has room for MaxValidators");
		}
		Session::rotate_session();
		Session::rotate_session();
	}

	fn aura_equivocation(
		padding: u32,
	) -> (pallet_validator_set::AuraEquivocationProof<Runtime>, sp_session::MembershipProof) {
		use frame_support::traits::KeyOwnerProofSystem;
		use sp_runtime::RuntimeAppPublic;
		let alice = AuraId::generate_pair(Some(b"//Alice".to_vec()));
		let key_owner_proof = Historical::prove((AuraId::ID, alice.clone()))
			.expect("Alice validates in the development genesis");
		let proof = pallet_validator_set::sealed_equivocation(
			alice.clone(),
			1.into(),
			padding,
			|message| alice.sign(&message).expect("the key is in the keystore"),
		);
		(proof, key_owner_proof)
	}
}

/// Moves the clock for benchmarks that need a date: set directly, as `Timestamp::set` would ask
/// Aura for the matching slot.
pub struct Clock;
impl seoul_primitives::BenchmarkClock for Clock {
	fn set_now(unix_ms: u64) {
		pallet_timestamp::Now::<Runtime>::put(unix_ms);
	}
}

/// A storage fix of about `len` bytes: the kind of Root call the council proposes.
pub struct StorageFixHelper;
impl pallet_enactment::BenchmarkHelper<RuntimeCall> for StorageFixHelper {
	fn root_call(len: u32) -> RuntimeCall {
		RuntimeCall::System(frame_system::Call::set_storage {
			items: alloc::vec![(b"benchmark".to_vec(), alloc::vec![7u8; len as usize])],
		})
	}
}

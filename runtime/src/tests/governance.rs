//! The governed path to Root and the emergency brakes, on the local test network's council of
//! Alice, Bob and Charlie: three quarters of it is all three, two thirds is two.

use super::{account, assert_filtered, council_motion, local_chain};
use crate::{
	configs::governance::RootCalls, Enactment, Preimage, Runtime, RuntimeCall, RuntimeOrigin,
	Scheduler, System, SCN,
};
use frame_support::{
	assert_noop, assert_ok,
	traits::{Contains, OnInitialize},
};
use sp_keyring::Sr25519Keyring::{Alice, Bob, Charlie, Eve, Ferdie};
use sp_runtime::{traits::Hash as _, DispatchError};

const WHOLE_COUNCIL: [sp_keyring::Sr25519Keyring; 3] = [Alice, Bob, Charlie];
const TWO_THIRDS: [sp_keyring::Sr25519Keyring; 2] = [Alice, Bob];

fn upgrade(code_hash: [u8; 32]) -> RuntimeCall {
	RuntimeCall::System(frame_system::Call::authorize_upgrade { code_hash: code_hash.into() })
}

fn propose(call: RuntimeCall) -> RuntimeCall {
	RuntimeCall::Enactment(pallet_enactment::Call::propose { call: Box::new(call) })
}

fn hash_of(call: &RuntimeCall) -> crate::Hash {
	<Runtime as frame_system::Config>::Hashing::hash_of(call)
}

/// Runs the scheduler in every block up to `n`, as block import does.
fn run_scheduler_to(n: crate::BlockNumber) {
	while System::block_number() < n {
		let next = System::block_number() + 1;
		System::set_block_number(next);
		Scheduler::on_initialize(next);
	}
}

/// The code hash the last `UpgradeAuthorized` event names.
fn authorized_upgrade() -> Option<crate::Hash> {
	System::events().into_iter().rev().find_map(|record| match record.event {
		crate::RuntimeEvent::System(frame_system::Event::UpgradeAuthorized {
			code_hash, ..
		}) => Some(code_hash),
		_ => None,
	})
}

/// A member's transfer, which the brakes stop.
fn eve_pays_ferdie() -> RuntimeCall {
	RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
		dest: account(Ferdie).into(),
		value: SCN,
	})
}

fn assert_eve_pays_ferdie() {
	assert_ok!(sp_runtime::traits::Dispatchable::dispatch(
		eve_pays_ferdie(),
		RuntimeOrigin::signed(account(Eve))
	));
}

#[test]
fn three_quarters_of_the_council_upgrade_the_runtime_after_the_delay() {
	local_chain().execute_with(|| {
		let delay = Enactment::delay();
		assert_eq!(delay, crate::genesis_config_presets::TEST_ENACTMENT_DELAY);
		let call = upgrade([7; 32]);
		assert_eq!(council_motion(propose(call.clone()), &WHOLE_COUNCIL), Some(Ok(())));
		let pending = Enactment::pending();
		assert_eq!(pending.len(), 1);
		assert_eq!(pending[0].0, hash_of(&call));
		let enact_at = pending[0].1.enact_at;
		assert_eq!(enact_at, 1 + delay);

		run_scheduler_to(enact_at - 1);
		assert_eq!(authorized_upgrade(), None);
		run_scheduler_to(enact_at);
		assert_eq!(authorized_upgrade(), Some([7; 32].into()));
		System::assert_has_event(
			pallet_enactment::Event::Enacted { call_hash: hash_of(&call), result: Ok(()) }.into(),
		);
		assert!(Enactment::pending().is_empty());
	});
}

#[test]
fn two_thirds_of_the_council_cannot_reach_root() {
	local_chain().execute_with(|| {
		assert_eq!(
			council_motion(propose(upgrade([7; 32])), &TWO_THIRDS),
			Some(Err(DispatchError::BadOrigin))
		);
		assert!(Enactment::pending().is_empty());
		// Nor by the scheduler, whose tasks run with the origin that scheduled them.
		let schedule = RuntimeCall::Scheduler(pallet_scheduler::Call::schedule {
			when: 2,
			maybe_periodic: None,
			priority: 0,
			call: Box::new(upgrade([7; 32])),
		});
		assert_eq!(council_motion(schedule, &WHOLE_COUNCIL), Some(Err(DispatchError::BadOrigin)));
	});
}

#[test]
fn a_majority_of_the_council_cancels_a_pending_upgrade() {
	local_chain().execute_with(|| {
		let call = upgrade([7; 32]);
		assert_eq!(council_motion(propose(call.clone()), &WHOLE_COUNCIL), Some(Ok(())));
		let cancel =
			RuntimeCall::Enactment(pallet_enactment::Call::cancel { call_hash: hash_of(&call) });
		assert_eq!(council_motion(cancel, &TWO_THIRDS), Some(Ok(())));
		assert!(Enactment::pending().is_empty());
		run_scheduler_to(1 + Enactment::delay() + 1);
		assert_eq!(authorized_upgrade(), None);
	});
}

#[test]
fn the_council_restarts_a_stalled_finality_through_the_governed_path() {
	local_chain().execute_with(|| {
		let call = RuntimeCall::Grandpa(pallet_grandpa::Call::note_stalled {
			delay: 5,
			best_finalized_block_number: 1,
		});
		assert_eq!(council_motion(propose(call), &WHOLE_COUNCIL), Some(Ok(())));
		run_scheduler_to(1 + Enactment::delay());
		assert_eq!(pallet_grandpa::Stalled::<Runtime>::get(), Some((5, 1)));
	});
}

#[test]
fn only_the_few_root_calls_are_within_the_council_s_reach() {
	local_chain().execute_with(|| {
		let mint = RuntimeCall::Balances(pallet_balances::Call::force_set_balance {
			who: account(Alice).into(),
			new_free: 1_000_000_000 * SCN,
		});
		let act_as = RuntimeCall::Sudo(pallet_sudo::Call::sudo_as {
			who: account(Ferdie).into(),
			call: Box::new(eve_pays_ferdie()),
		});
		let set_code = RuntimeCall::System(frame_system::Call::set_code { code: vec![] });
		let hidden = RuntimeCall::Utility(pallet_utility::Call::batch_all {
			calls: vec![upgrade([7; 32]), mint.clone()],
		});
		for call in [mint, act_as, set_code, hidden] {
			assert!(!RootCalls::contains(&call), "{call:?}");
			assert_noop!(
				Enactment::propose(RuntimeOrigin::root(), Box::new(call)),
				pallet_enactment::Error::<Runtime>::NotRootCall
			);
		}
		let together = RuntimeCall::Utility(pallet_utility::Call::batch_all {
			calls: vec![
				upgrade([7; 32]),
				RuntimeCall::Enactment(pallet_enactment::Call::set_delay { delay: 100 }),
			],
		});
		assert!(RootCalls::contains(&together));
	});
}

#[test]
fn members_cannot_store_preimages() {
	local_chain().execute_with(|| {
		let bytes = vec![7u8; 100_000];
		assert!(
			Preimage::note_preimage(RuntimeOrigin::signed(account(Eve)), bytes.clone()).is_err()
		);
		let hash = <Runtime as frame_system::Config>::Hashing::hash(&bytes);
		assert!(!pallet_preimage::PreimageFor::<Runtime>::contains_key((hash, 100_000)));
	});
}

#[test]
fn the_council_pauses_and_resumes_a_call() {
	local_chain().execute_with(|| {
		let name = |text: &[u8]| text.to_vec().try_into().unwrap();
		let transfer = (name(b"Balances"), name(b"transfer_keep_alive"));
		let pause =
			RuntimeCall::TxPause(pallet_tx_pause::Call::pause { full_name: transfer.clone() });
		assert_eq!(council_motion(pause, &TWO_THIRDS), Some(Ok(())));
		assert_filtered(eve_pays_ferdie());

		// Governance cannot be paused, so that a pause can always be lifted.
		let council = (name(b"Council"), name(b"close"));
		assert_noop!(
			pallet_tx_pause::Pallet::<Runtime>::pause(RuntimeOrigin::root(), council),
			pallet_tx_pause::Error::<Runtime>::Unpausable
		);
		// Members cannot pause.
		assert_noop!(
			pallet_tx_pause::Pallet::<Runtime>::pause(
				RuntimeOrigin::signed(account(Eve)),
				(name(b"SCoin"), name(b"pay"))
			),
			DispatchError::BadOrigin
		);

		let unpause = RuntimeCall::TxPause(pallet_tx_pause::Call::unpause { ident: transfer });
		assert_eq!(council_motion(unpause, &TWO_THIRDS), Some(Ok(())));
		assert_eve_pays_ferdie();
	});
}

#[test]
fn safe_mode_stops_everything_but_governance() {
	local_chain().execute_with(|| {
		// Nobody can buy safe mode with a deposit.
		assert_noop!(
			pallet_safe_mode::Pallet::<Runtime>::enter(RuntimeOrigin::signed(account(Eve))),
			pallet_safe_mode::Error::<Runtime>::NotConfigured
		);
		let enter = RuntimeCall::SafeMode(pallet_safe_mode::Call::force_enter {});
		assert_eq!(council_motion(enter, &TWO_THIRDS), Some(Ok(())));
		assert_eq!(
			pallet_safe_mode::EnteredUntil::<Runtime>::get(),
			Some(1 + crate::configs::governance::SafeModeDuration::get())
		);
		assert_filtered(eve_pays_ferdie());
		assert_filtered(RuntimeCall::Utility(pallet_utility::Call::batch {
			calls: vec![RuntimeCall::System(frame_system::Call::remark { remark: vec![1] })],
		}));

		// The council still governs, up to Root.
		assert_eq!(council_motion(propose(upgrade([7; 32])), &WHOLE_COUNCIL), Some(Ok(())));
		let exit = RuntimeCall::SafeMode(pallet_safe_mode::Call::force_exit {});
		assert_eq!(council_motion(exit, &TWO_THIRDS), Some(Ok(())));
		assert_eve_pays_ferdie();
	});
}

/// An upgrade from spec 102, whose pallets declared no storage version (Labor declared 0), and
/// which had neither the healthcare provider's member kind nor `Consents` and `Donations`, runs
/// every migration
/// with its try-runtime checks, and a second upgrade runs none.
#[cfg(feature = "try-runtime")]
#[test]
fn an_upgrade_from_unversioned_pallets_migrates_them_and_passes_its_checks() {
	use crate::{Citizens, Consents, Credentials, Donations, Labor, SCoin, ValidatorSet};
	use frame_support::traits::{
		GetStorageVersion, PalletInfoAccess, StorageVersion, UpgradeCheckSelect,
	};
	use seoul_primitives::membership::MemberKind;

	fn versions() -> [StorageVersion; 7] {
		[
			Citizens::on_chain_storage_version(),
			SCoin::on_chain_storage_version(),
			Credentials::on_chain_storage_version(),
			Labor::on_chain_storage_version(),
			ValidatorSet::on_chain_storage_version(),
			Consents::on_chain_storage_version(),
			Donations::on_chain_storage_version(),
		]
	}
	let latest = [2, 1, 1, 1, 1, 1, 1].map(StorageVersion::new);

	local_chain().execute_with(|| {
		assert_eq!(versions(), latest, "a new chain starts at the latest");
		StorageVersion::new(0).put::<Citizens>();
		StorageVersion::new(0).put::<SCoin>();
		StorageVersion::new(0).put::<Credentials>();
		StorageVersion::new(0).put::<Labor>();
		StorageVersion::new(0).put::<ValidatorSet>();
		for pallet in [Consents::name_hash(), Donations::name_hash()] {
			let _ = frame_support::storage::unhashed::clear_prefix(&pallet, None, None);
		}
		pallet_citizens::Quotas::<Runtime>::remove(MemberKind::HealthcareProvider);
		assert_eq!(Consents::on_chain_storage_version(), 0);
		assert_eq!(Donations::on_chain_storage_version(), 0);

		assert_ok!(crate::Executive::try_runtime_upgrade(UpgradeCheckSelect::All));
		assert_eq!(versions(), latest);
		assert_eq!(
			pallet_citizens::Quotas::<Runtime>::get(MemberKind::HealthcareProvider),
			pallet_citizens::DEFAULT_ORGANISATION_QUOTA
		);
		assert_ok!(crate::Executive::try_runtime_upgrade(UpgradeCheckSelect::All));
		assert_eq!(versions(), latest);
	});
}

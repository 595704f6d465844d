//! Validator hygiene on the local test network (Alice, Bob, Charlie and Dave validate; the
//! minimum is two): operators cannot purge their way out of the set, a silent validator is
//! reported, and GRANDPA and Aura equivocations are proven on chain and recorded for the council.

use super::{account, assert_filtered, local_chain};
use crate::{
	genesis_config_presets, Grandpa, Historical, Runtime, RuntimeCall, RuntimeEvent, RuntimeOrigin,
	Session, System, ValidatorSet,
};
use frame_support::{assert_noop, assert_ok, traits::KeyOwnerProofSystem};
use sp_core::H256;
use sp_keyring::{
	Ed25519Keyring,
	Sr25519Keyring::{self, Alice, Bob, Eve},
};
use sp_runtime::RuntimeAppPublic;

fn validator_set_events() -> Vec<pallet_validator_set::Event<Runtime>> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::ValidatorSet(event) => Some(event),
			_ => None,
		})
		.collect()
}

#[test]
fn each_network_keeps_its_minimum_and_session_length() {
	use pallet_validator_set::SessionLength;
	local_chain().execute_with(|| {
		assert_eq!(ValidatorSet::minimum(), genesis_config_presets::LOCAL_MIN_VALIDATORS);
		assert_eq!(SessionLength::<Runtime>::get(), genesis_config_presets::LOCAL_SESSION_LENGTH);
	});
	super::chain_from_preset(sp_genesis_builder::DEV_RUNTIME_PRESET).execute_with(|| {
		assert_eq!(ValidatorSet::minimum(), 1);
		assert_eq!(SessionLength::<Runtime>::get(), crate::configs::consensus::SESSION_PERIOD);
	});
}

#[test]
fn no_member_purges_session_keys_through_the_session_pallet() {
	local_chain().execute_with(|| {
		super::register_session_keys(Eve);
		assert_filtered(RuntimeCall::Session(pallet_session::Call::purge_keys {}));
		// A validator cannot purge its own keys at all while in the set.
		assert_noop!(
			ValidatorSet::purge_keys(RuntimeOrigin::signed(account(Alice))),
			pallet_validator_set::Error::<Runtime>::StillValidator
		);
		// Out of the set, an operator may.
		assert_ok!(ValidatorSet::purge_keys(RuntimeOrigin::signed(account(Eve))));
	});
}

#[test]
fn validators_that_author_nothing_for_three_sessions_are_reported() {
	local_chain().execute_with(|| {
		use pallet_authorship::EventHandler;
		<Runtime as pallet_authorship::Config>::EventHandler::note_author(account(Alice));
		let alice = ValidatorSet::statuses().into_iter().find(|s| s.account == account(Alice));
		assert_eq!(alice.unwrap().blocks_this_session, 1);

		for _ in 0..3 {
			Session::rotate_session();
			// Alice authors in every session; the others are silent.
			<Runtime as pallet_authorship::Config>::EventHandler::note_author(account(Alice));
		}
		let reported: Vec<_> = validator_set_events()
			.into_iter()
			.filter_map(|event| match event {
				pallet_validator_set::Event::ValidatorSilent { who, sessions: 3 } => Some(who),
				_ => None,
			})
			.collect();
		assert_eq!(reported.len(), 3);
		assert!(!reported.contains(&account(Alice)));
		let statuses = ValidatorSet::statuses();
		assert_eq!(statuses.iter().filter(|s| s.reported_silent).count(), 3);
	});
}

/// Alice's GRANDPA key prevotes for two different blocks in one round.
fn double_prevote() -> sp_consensus_grandpa::EquivocationProof<H256, crate::BlockNumber> {
	let set_id = pallet_grandpa::CurrentSetId::<Runtime>::get();
	let round = 1;
	let signed = |target_hash: H256| {
		let prevote = finality_grandpa::Prevote { target_hash, target_number: 1 };
		let message = finality_grandpa::Message::Prevote(prevote.clone());
		let payload = sp_consensus_grandpa::localized_payload(round, set_id, &message);
		(prevote, Ed25519Keyring::Alice.sign(&payload).into())
	};
	sp_consensus_grandpa::EquivocationProof::new(
		set_id,
		sp_consensus_grandpa::Equivocation::Prevote(finality_grandpa::Equivocation {
			round_number: round,
			identity: Ed25519Keyring::Alice.public().into(),
			first: signed(H256::repeat_byte(1)),
			second: signed(H256::repeat_byte(2)),
		}),
	)
}

#[test]
fn a_grandpa_equivocation_is_proven_on_chain_and_recorded_for_the_council() {
	local_chain().execute_with(|| {
		let grandpa_id: sp_consensus_grandpa::AuthorityId = Ed25519Keyring::Alice.public().into();
		let key_owner_proof =
			Historical::prove((sp_consensus_grandpa::KEY_TYPE, grandpa_id)).expect("Alice's key");
		assert_ok!(Grandpa::report_equivocation_unsigned(
			RuntimeOrigin::none(),
			Box::new(double_prevote()),
			key_owner_proof.clone()
		));
		assert!(System::events().iter().any(|record| matches!(
			record.event,
			RuntimeEvent::Offences(pallet_offences::Event::Offence { .. })
		)));
		assert!(validator_set_events().contains(&pallet_validator_set::Event::OffenceRecorded {
			who: account(Alice),
			session: 0,
		}));
		let alice = ValidatorSet::statuses().into_iter().find(|s| s.account == account(Alice));
		assert_eq!(alice.unwrap().offences.count, 1);

		// The same offence again is a duplicate, and a proof for another key is refused.
		assert!(Grandpa::report_equivocation_unsigned(
			RuntimeOrigin::none(),
			Box::new(double_prevote()),
			key_owner_proof.clone()
		)
		.is_err());
		let bob_id: sp_consensus_grandpa::AuthorityId = Ed25519Keyring::Bob.public().into();
		let bobs_proof = Historical::prove((sp_consensus_grandpa::KEY_TYPE, bob_id)).unwrap();
		assert!(Grandpa::report_equivocation_unsigned(
			RuntimeOrigin::none(),
			Box::new(double_prevote()),
			bobs_proof
		)
		.is_err());

		// The council clears the record once it has dealt with it.
		let clear = RuntimeCall::ValidatorSet(pallet_validator_set::Call::clear_offences {
			who: account(Alice),
		});
		assert_eq!(
			super::council_motion(clear, &[Alice, sp_keyring::Sr25519Keyring::Bob]),
			Some(Ok(()))
		);
		assert_eq!(pallet_validator_set::Offences::<Runtime>::get(account(Alice)).count, 0);
	});
}

/// Two different headers of `slot`, both sealed with `keyring`'s Aura key.
fn double_block(
	keyring: Sr25519Keyring,
	slot: u64,
) -> pallet_validator_set::AuraEquivocationProof<Runtime> {
	pallet_validator_set::sealed_equivocation(keyring.public().into(), slot.into(), 0, |message| {
		sp_consensus_aura::sr25519::AuthoritySignature::from(keyring.sign(message))
	})
}

#[test]
fn an_aura_equivocation_is_proven_on_chain_and_recorded_for_the_council() {
	local_chain().execute_with(|| {
		let aura_key = |keyring: Sr25519Keyring| {
			let id: sp_consensus_aura::sr25519::AuthorityId = keyring.public().into();
			Historical::prove((sp_consensus_aura::sr25519::AuthorityId::ID, id))
				.expect("a validator")
		};
		let report = |proof, key_owner_proof| {
			ValidatorSet::report_aura_equivocation(
				RuntimeOrigin::signed(account(Eve)),
				Box::new(proof),
				key_owner_proof,
			)
		};
		// A session later, the proof of session 0 still holds.
		let alices_proof = aura_key(Alice);
		Session::rotate_session();
		assert_ok!(report(double_block(Alice, 42), alices_proof.clone()));
		assert!(validator_set_events().contains(&pallet_validator_set::Event::OffenceRecorded {
			who: account(Alice),
			session: 0,
		}));
		assert!(System::events().iter().any(|record| matches!(
			record.event,
			RuntimeEvent::Offences(pallet_offences::Event::Offence { kind, .. })
				if kind == *b"aura:equivocatio"
		)));

		assert_noop!(
			report(double_block(Alice, 42), alices_proof),
			pallet_validator_set::Error::<Runtime>::DuplicateOffenceReport
		);
		// Bob's membership does not make Alice's key his, nor do Eve's blocks make her a validator.
		assert_noop!(
			report(double_block(Alice, 42), aura_key(Bob)),
			pallet_validator_set::Error::<Runtime>::InvalidKeyOwnershipProof
		);
		let mut forged = double_block(Eve, 42);
		forged.offender = Bob.public().into();
		assert_noop!(
			report(forged, aura_key(Bob)),
			pallet_validator_set::Error::<Runtime>::InvalidEquivocationProof
		);
	});
}

#[test]
fn proofs_are_kept_for_a_week_of_sessions_and_then_forgotten() {
	use crate::configs::consensus::EQUIVOCATION_PROOF_SESSIONS;
	local_chain().execute_with(|| {
		let alice: sp_consensus_aura::sr25519::AuthorityId = Alice.public().into();
		let proof = Historical::prove((sp_consensus_aura::sr25519::AuthorityId::ID, alice))
			.expect("Alice validates");
		for _ in 0..EQUIVOCATION_PROOF_SESSIONS {
			Session::rotate_session();
		}
		assert_ok!(ValidatorSet::report_aura_equivocation(
			RuntimeOrigin::signed(account(Eve)),
			Box::new(double_block(Alice, 42)),
			proof.clone()
		));
		Session::rotate_session();
		assert!(pallet_session::historical::HistoricalSessions::<Runtime>::get(0).is_none());
		let later = double_block(Alice, 43);
		assert_noop!(
			ValidatorSet::report_aura_equivocation(
				RuntimeOrigin::signed(account(Eve)),
				Box::new(later),
				proof
			),
			pallet_validator_set::Error::<Runtime>::InvalidKeyOwnershipProof
		);
	});
}

/// The attack: one offence reported twice in a batch, to be recorded twice. `batch_all` fails
/// whole; `batch` stops at the duplicate; either way the offence is recorded once.
#[test]
fn a_batch_records_an_aura_equivocation_once() {
	local_chain().execute_with(|| {
		let alice: sp_consensus_aura::sr25519::AuthorityId = Alice.public().into();
		let proof = Historical::prove((sp_consensus_aura::sr25519::AuthorityId::ID, alice))
			.expect("Alice validates");
		let report =
			RuntimeCall::ValidatorSet(pallet_validator_set::Call::report_aura_equivocation {
				equivocation_proof: Box::new(double_block(Alice, 42)),
				key_owner_proof: proof,
			});
		let twice = vec![report.clone(), report];
		let eve = RuntimeOrigin::signed(account(Eve));
		use sp_runtime::traits::Dispatchable;
		assert!(RuntimeCall::Utility(pallet_utility::Call::batch_all { calls: twice.clone() })
			.dispatch(eve.clone())
			.is_err());
		assert_eq!(ValidatorSet::statuses().iter().map(|s| s.offences.count).sum::<u32>(), 0);
		assert_ok!(RuntimeCall::Utility(pallet_utility::Call::batch { calls: twice }).dispatch(eve));
		assert!(System::events().iter().any(|record| matches!(
			record.event,
			RuntimeEvent::Utility(pallet_utility::Event::BatchInterrupted { index: 1, .. })
		)));
		let alice = ValidatorSet::statuses().into_iter().find(|s| s.account == account(Alice));
		assert_eq!(alice.unwrap().offences.count, 1);
	});
}

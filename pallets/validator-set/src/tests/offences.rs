//! Offences: those recorded for the council, and Aura equivocations proven on chain.

mod recorded_for_the_council {
	use super::super::*;
	use crate::{OffenceRecord, Offences};
	use sp_runtime::Perbill;
	use sp_staking::offence::{OffenceDetails, OnOffenceHandler};

	fn report(offender: u64, session: u32) {
		let details = OffenceDetails { offender: (offender, ()), reporters: vec![] };
		<ValidatorSet as OnOffenceHandler<u64, (u64, ()), _>>::on_offence(
			&[details],
			&[Perbill::zero()],
			session,
		);
	}

	#[test]
	fn a_proven_offence_is_recorded_for_the_council_which_clears_it() {
		new_test_ext().execute_with(|| {
			report(3, 1);
			report(3, 2);
			assert_eq!(last_event(), Event::OffenceRecorded { who: 3, session: 2 });
			assert_eq!(Offences::<Test>::get(3), OffenceRecord { count: 2, last_session: 2 });
			let status = ValidatorSet::statuses().into_iter().find(|s| s.account == 3).unwrap();
			assert_eq!(status.offences.count, 2);
			// Nothing is slashed or disabled: 3 still validates.
			assert!(validators().contains(&3));

			assert_ok!(ValidatorSet::clear_offences(RuntimeOrigin::root(), 3));
			assert_eq!(last_event(), Event::OffencesCleared { who: 3 });
			assert!(!Offences::<Test>::contains_key(3));
		});
	}

	#[test]
	fn clear_offences_refuses_a_signed_origin_and_a_clean_record() {
		new_test_ext().execute_with(|| {
			report(3, 1);
			assert_noop!(
				ValidatorSet::clear_offences(RuntimeOrigin::signed(3), 3),
				DispatchError::BadOrigin
			);
			assert_noop!(
				ValidatorSet::clear_offences(RuntimeOrigin::root(), 2),
				Error::<Test>::NoOffences
			);
		});
	}
}
/// Aura equivocations: every check of `report_aura_equivocation` met by an attempt to pass it,
/// and a true equivocation recorded once.
mod aura_equivocation {
	use super::super::*;
	use crate::{AuraEquivocationProof, OffenceRecord, Offences};
	use frame_support::traits::KeyOwnerProofSystem;
	use sp_runtime::{testing::UintAuthorityId, traits::Header as _, KeyTypeId};
	use sp_session::MembershipProof;

	fn proof_of(who: u64) -> MembershipProof {
		CurrentSessionKeys::prove((KeyTypeId(*b"aura"), UintAuthorityId(who))).expect("a validator")
	}

	fn report(
		proof: AuraEquivocationProof<Test>,
		owner: MembershipProof,
	) -> frame_support::dispatch::DispatchResultWithPostInfo {
		ValidatorSet::report_aura_equivocation(RuntimeOrigin::signed(5), Box::new(proof), owner)
	}

	#[test]
	fn a_proven_equivocation_is_recorded_once_for_the_council() {
		new_test_ext().execute_with(|| {
			// Charged for the three validators of the proof's session, not the maximum.
			let charged = report(equivocation(1, 7), proof_of(1)).unwrap().actual_weight;
			assert_eq!(charged, Some(<() as crate::WeightInfo>::report_aura_equivocation(3)));
			assert_eq!(last_event(), Event::OffenceRecorded { who: 1, session: 0 });
			assert_eq!(Offences::<Test>::get(1), OffenceRecord { count: 1, last_session: 0 });
			assert!(System::events().iter().any(|record| matches!(
				record.event,
				RuntimeEvent::Offences(pallet_offences::Event::Offence { kind, .. })
					if kind == *b"aura:equivocatio"
			)));
			// Nothing is slashed or disabled: 1 still validates.
			assert!(Session::validators().contains(&1));

			// The same offence again, even with two other headers of the slot, is refused.
			assert_noop!(
				report(equivocation(1, 7), proof_of(1)),
				Error::<Test>::DuplicateOffenceReport
			);
			let mut other = equivocation(1, 7);
			other.second_header = equivocation(1, 7).first_header;
			other.first_header.set_parent_hash([9; 32].into());
			other.first_header = crate::seal_header(
				{
					let mut header = other.first_header.clone();
					header.digest_mut().logs.clear();
					header
				},
				7.into(),
				|message| sp_runtime::testing::TestSignature(1, message.to_vec()),
			);
			assert_noop!(report(other, proof_of(1)), Error::<Test>::DuplicateOffenceReport);
			// Another slot is another offence.
			assert_ok!(report(equivocation(1, 8), proof_of(1)));
			assert_eq!(Offences::<Test>::get(1).count, 2);
		});
	}

	#[test]
	fn refuses_unsigned_and_root_origins() {
		new_test_ext().execute_with(|| {
			for origin in [RuntimeOrigin::none(), RuntimeOrigin::root()] {
				assert_noop!(
					ValidatorSet::report_aura_equivocation(
						origin,
						Box::new(equivocation(1, 7)),
						proof_of(1)
					),
					DispatchError::BadOrigin
				);
			}
		});
	}

	#[test]
	fn refuses_one_block_shown_twice() {
		new_test_ext().execute_with(|| {
			let mut proof = equivocation(1, 7);
			proof.second_header = proof.first_header.clone();
			assert_noop!(report(proof, proof_of(1)), Error::<Test>::NotAnEquivocation);
		});
	}

	#[test]
	fn refuses_blocks_sealed_by_another_key() {
		new_test_ext().execute_with(|| {
			// Validator 2 sealed both; they are passed off as 1's.
			let mut proof = equivocation(2, 7);
			proof.offender = UintAuthorityId(1);
			assert_noop!(report(proof, proof_of(1)), Error::<Test>::InvalidEquivocationProof);
			// One of each.
			let mut proof = equivocation(1, 7);
			proof.second_header = equivocation(2, 7).second_header;
			assert_noop!(report(proof, proof_of(1)), Error::<Test>::InvalidEquivocationProof);
		});
	}

	#[test]
	fn refuses_blocks_of_two_slots_or_of_another_slot() {
		new_test_ext().execute_with(|| {
			let mut proof = equivocation(1, 7);
			proof.second_header = equivocation(1, 8).second_header;
			assert_noop!(report(proof, proof_of(1)), Error::<Test>::InvalidEquivocationProof);
			let mut proof = equivocation(1, 7);
			proof.slot = 8.into();
			assert_noop!(report(proof, proof_of(1)), Error::<Test>::InvalidEquivocationProof);
		});
	}

	#[test]
	fn refuses_an_unsealed_block() {
		new_test_ext().execute_with(|| {
			let mut proof = equivocation(1, 7);
			proof.first_header.digest_mut().pop();
			assert_noop!(report(proof, proof_of(1)), Error::<Test>::InvalidEquivocationProof);
		});
	}

	#[test]
	fn refuses_a_key_ownership_proof_that_is_not_the_offender_s() {
		new_test_ext().execute_with(|| {
			// 2's membership for 1's key.
			assert_noop!(
				report(equivocation(1, 7), proof_of(2)),
				Error::<Test>::InvalidKeyOwnershipProof
			);
			// 9 validates nowhere: a proof made up for its key is refused.
			let made_up = MembershipProof { session: 0, trie_nodes: vec![], validator_count: 3 };
			assert_noop!(
				report(equivocation(9, 7), made_up),
				Error::<Test>::InvalidKeyOwnershipProof
			);
		});
	}

	#[test]
	fn the_sets_of_sessions_too_old_to_prove_are_forgotten() {
		new_test_ext().execute_with(|| {
			// Four sessions are kept (`KeyOwnershipProofSessions`).
			run_to_session(4);
			assert_eq!(PRUNED_UP_TO.get(), None);
			run_to_session(5);
			assert_eq!(PRUNED_UP_TO.get(), Some(1));
			run_to_session(6);
			assert_eq!(PRUNED_UP_TO.get(), Some(2));
		});
	}

	#[test]
	fn refuses_a_proof_padded_beyond_the_bound() {
		new_test_ext().execute_with(|| {
			let proof = padded_equivocation(1, 7, 4096);
			assert_noop!(report(proof, proof_of(1)), Error::<Test>::EquivocationProofTooLarge);
		});
	}
}

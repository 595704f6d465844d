//! Tests of the validator set: its calls, their errors and origins, and the session boundary.

use crate::{mock::*, ChangePending, Error, Event, Validators};
use frame_support::{assert_noop, assert_ok, traits::Hooks};
use sp_runtime::DispatchError;

fn validators() -> Vec<u64> {
	Validators::<Test>::get().into_inner()
}

fn last_event() -> Event<Test> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::ValidatorSet(event) => Some(event),
			_ => None,
		})
		.next_back()
		.expect("a validator-set event")
}

mod genesis {
	use super::*;
	use sp_runtime::{testing::UintAuthorityId, BuildStorage};

	#[test]
	fn genesis_validators_author_the_first_sessions() {
		new_test_ext().execute_with(|| {
			assert_eq!(validators(), GENESIS_VALIDATORS.to_vec());
			assert_eq!(Session::validators(), GENESIS_VALIDATORS.to_vec());
			assert!(!ChangePending::<Test>::get());
			assert_ok!(ValidatorSet::do_try_state());
		});
	}

	#[test]
	fn integrity_test_passes() {
		new_test_ext().execute_with(ValidatorSet::integrity_test);
	}

	#[test]
	#[should_panic(expected = "duplicate account in the initial validators")]
	fn genesis_refuses_duplicates() {
		let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
		crate::GenesisConfig::<Test> { initial_validators: vec![1, 1], ..Default::default() }
			.assimilate_storage(&mut storage)
			.unwrap();
	}

	#[test]
	#[should_panic(expected = "more initial validators than MaxValidators")]
	fn genesis_refuses_too_many() {
		let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
		crate::GenesisConfig::<Test> {
			initial_validators: (1..=11).collect(),
			..Default::default()
		}
		.assimilate_storage(&mut storage)
		.unwrap();
	}

	#[test]
	#[should_panic(expected = "fewer initial validators than the network's minimum")]
	fn genesis_refuses_too_few() {
		let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
		crate::GenesisConfig::<Test> { initial_validators: vec![1], ..Default::default() }
			.assimilate_storage(&mut storage)
			.unwrap();
	}

	#[test]
	fn an_empty_genesis_leaves_the_first_validators_to_session() {
		let storage = RuntimeGenesisConfig {
			session: pallet_session::GenesisConfig {
				keys: vec![(7, 7, UintAuthorityId(7))],
				..Default::default()
			},
			..Default::default()
		}
		.build_storage()
		.unwrap();
		sp_io::TestExternalities::new(storage).execute_with(|| {
			assert!(validators().is_empty());
			assert_eq!(Session::validators(), vec![7]);
			assert_ok!(ValidatorSet::do_try_state());
			frame_system::Pallet::<Test>::inc_providers(&8);
			register_keys(8);
			assert_noop!(
				ValidatorSet::add_validator(RuntimeOrigin::root(), 8),
				Error::<Test>::NoValidatorSet
			);
			assert_noop!(
				ValidatorSet::remove_validator(RuntimeOrigin::root(), 7),
				Error::<Test>::NoValidatorSet
			);
		});
	}
}

mod add_validator {
	use super::*;

	#[test]
	fn adds_an_operator_with_session_keys() {
		new_test_ext().execute_with(|| {
			register_keys(4);
			assert_ok!(ValidatorSet::add_validator(RuntimeOrigin::root(), 4));
			assert_eq!(validators(), vec![1, 2, 3, 4]);
			assert!(ChangePending::<Test>::get());
			assert_eq!(last_event(), Event::ValidatorAdded { who: 4 });
			assert_ok!(ValidatorSet::do_try_state());
		});
	}

	#[test]
	fn keeps_the_set_sorted() {
		new_test_ext().execute_with(|| {
			assert_ok!(ValidatorSet::remove_validator(RuntimeOrigin::root(), 2));
			register_keys(2);
			assert_ok!(ValidatorSet::add_validator(RuntimeOrigin::root(), 2));
			assert_eq!(validators(), vec![1, 2, 3]);
			assert_ok!(ValidatorSet::do_try_state());
		});
	}

	#[test]
	fn refuses_a_signed_origin() {
		new_test_ext().execute_with(|| {
			register_keys(4);
			assert_noop!(
				ValidatorSet::add_validator(RuntimeOrigin::signed(1), 4),
				DispatchError::BadOrigin
			);
		});
	}

	#[test]
	fn refuses_an_operator_without_session_keys() {
		new_test_ext().execute_with(|| {
			assert_noop!(
				ValidatorSet::add_validator(RuntimeOrigin::root(), 4),
				Error::<Test>::NoSessionKeys
			);
		});
	}

	#[test]
	fn refuses_a_duplicate() {
		new_test_ext().execute_with(|| {
			assert_noop!(
				ValidatorSet::add_validator(RuntimeOrigin::root(), 2),
				Error::<Test>::AlreadyValidator
			);
		});
	}

	#[test]
	fn refuses_more_than_the_maximum() {
		new_test_ext().execute_with(|| {
			for who in 4..=10 {
				register_keys(who);
				assert_ok!(ValidatorSet::add_validator(RuntimeOrigin::root(), who));
			}
			frame_system::Pallet::<Test>::inc_providers(&11);
			register_keys(11);
			assert_noop!(
				ValidatorSet::add_validator(RuntimeOrigin::root(), 11),
				Error::<Test>::TooManyValidators
			);
		});
	}
}

mod remove_validator {
	use super::*;

	#[test]
	fn removes_an_operator() {
		new_test_ext().execute_with(|| {
			assert_ok!(ValidatorSet::remove_validator(RuntimeOrigin::root(), 2));
			assert_eq!(validators(), vec![1, 3]);
			assert!(ChangePending::<Test>::get());
			assert_eq!(last_event(), Event::ValidatorRemoved { who: 2 });
		});
	}

	#[test]
	fn refuses_a_signed_origin() {
		new_test_ext().execute_with(|| {
			assert_noop!(
				ValidatorSet::remove_validator(RuntimeOrigin::signed(1), 2),
				DispatchError::BadOrigin
			);
		});
	}

	#[test]
	fn refuses_an_unknown_account() {
		new_test_ext().execute_with(|| {
			assert_noop!(
				ValidatorSet::remove_validator(RuntimeOrigin::root(), 7),
				Error::<Test>::NotValidator
			);
		});
	}

	#[test]
	fn keeps_the_minimum() {
		new_test_ext().execute_with(|| {
			assert_ok!(ValidatorSet::remove_validator(RuntimeOrigin::root(), 1));
			assert_noop!(
				ValidatorSet::remove_validator(RuntimeOrigin::root(), 3),
				Error::<Test>::TooFewValidators
			);
			assert_eq!(validators(), vec![2, 3]);
		});
	}
}

mod session_boundary {
	use super::*;

	#[test]
	fn an_addition_validates_from_the_session_after_next() {
		new_test_ext().execute_with(|| {
			run_to_session(1);
			register_keys(4);
			assert_ok!(ValidatorSet::add_validator(RuntimeOrigin::root(), 4));

			run_to_session(2);
			assert_eq!(Session::validators(), vec![1, 2, 3]);
			assert_eq!(last_event(), Event::NewSetQueued { active_from: 3, count: 4 });
			assert!(!ChangePending::<Test>::get());

			run_to_session(3);
			assert_eq!(Session::validators(), vec![1, 2, 3, 4]);
		});
	}

	#[test]
	fn a_removal_stops_validating_from_the_session_after_next() {
		new_test_ext().execute_with(|| {
			run_to_session(1);
			assert_ok!(ValidatorSet::remove_validator(RuntimeOrigin::root(), 1));

			run_to_session(2);
			assert_eq!(Session::validators(), vec![1, 2, 3]);

			run_to_session(3);
			assert_eq!(Session::validators(), vec![2, 3]);
		});
	}

	#[test]
	fn operators_without_session_keys_are_left_out() {
		new_test_ext().execute_with(|| {
			run_to_session(1);
			register_keys(4);
			assert_ok!(ValidatorSet::add_validator(RuntimeOrigin::root(), 4));
			assert_ok!(Session::purge_keys(RuntimeOrigin::signed(1)));

			run_to_session(2);
			assert_eq!(last_event(), Event::NewSetQueued { active_from: 3, count: 3 });
			run_to_session(3);
			assert_eq!(Session::validators(), vec![2, 3, 4]);
		});
	}

	#[test]
	fn a_change_waits_while_too_few_operators_have_keys() {
		new_test_ext().execute_with(|| {
			run_to_session(1);
			assert_ok!(ValidatorSet::remove_validator(RuntimeOrigin::root(), 1));
			assert_ok!(Session::purge_keys(RuntimeOrigin::signed(2)));

			run_to_session(2);
			assert!(ChangePending::<Test>::get(), "the change waits");
			assert!(!System::events().iter().any(|record| matches!(
				record.event,
				RuntimeEvent::ValidatorSet(Event::NewSetQueued { .. })
			)));

			register_keys(2);
			run_to_session(3);
			assert_eq!(last_event(), Event::NewSetQueued { active_from: 4, count: 2 });
			run_to_session(4);
			assert_eq!(Session::validators(), vec![2, 3]);
		});
	}

	#[test]
	fn an_unchanged_set_is_not_handed_again() {
		new_test_ext().execute_with(|| {
			run_to_session(3);
			assert!(System::events()
				.iter()
				.all(|record| !matches!(record.event, RuntimeEvent::ValidatorSet(_))));
			assert_eq!(Session::validators(), GENESIS_VALIDATORS.to_vec());
		});
	}
}

mod minimum {
	use super::*;
	use crate::MinimumValidators;
	use sp_runtime::BuildStorage;

	#[test]
	fn the_council_raises_the_minimum_and_removals_respect_it() {
		new_test_ext().execute_with(|| {
			assert_eq!(MinimumValidators::<Test>::get(), 2, "the floor, by default");
			assert_ok!(ValidatorSet::set_min_validators(RuntimeOrigin::root(), 3));
			assert_eq!(last_event(), Event::MinimumSet { min: 3 });
			assert_eq!(MinimumValidators::<Test>::get(), 3);
			assert_eq!(ValidatorSet::minimum(), 3);
			assert_noop!(
				ValidatorSet::remove_validator(RuntimeOrigin::root(), 1),
				Error::<Test>::TooFewValidators
			);
			assert_ok!(ValidatorSet::do_try_state());
		});
	}

	#[test]
	fn refuses_a_signed_origin_and_a_minimum_out_of_bounds() {
		new_test_ext().execute_with(|| {
			assert_noop!(
				ValidatorSet::set_min_validators(RuntimeOrigin::signed(1), 3),
				DispatchError::BadOrigin
			);
			assert_noop!(
				ValidatorSet::set_min_validators(RuntimeOrigin::root(), 1),
				Error::<Test>::MinimumBelowFloor
			);
			assert_noop!(
				ValidatorSet::set_min_validators(RuntimeOrigin::root(), 4),
				Error::<Test>::MinimumAboveSet
			);
		});
	}

	#[test]
	fn a_change_waits_while_fewer_than_the_minimum_have_keys() {
		new_test_ext().execute_with(|| {
			assert_ok!(ValidatorSet::set_min_validators(RuntimeOrigin::root(), 3));
			register_keys(4);
			assert_ok!(ValidatorSet::add_validator(RuntimeOrigin::root(), 4));
			// Two operators lose their keys through pallet-session itself, which the runtime
			// refuses to signed origins.
			assert_ok!(Session::purge_keys(RuntimeOrigin::signed(1)));
			assert_ok!(Session::purge_keys(RuntimeOrigin::signed(2)));
			run_to_session(2);
			assert!(ChangePending::<Test>::get(), "3 and 4 are fewer than 3 validators with keys");
			// pallet-session itself leaves out validators without keys, set change or not: why
			// the runtime lets no member in the set purge its keys.
			assert_eq!(Session::validators(), vec![3]);
		});
	}

	#[test]
	#[should_panic(expected = "fewer initial validators than the network's minimum")]
	fn genesis_refuses_a_set_below_its_minimum() {
		let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
		crate::GenesisConfig::<Test> {
			initial_validators: vec![1, 2, 3],
			min_validators: 4,
			..Default::default()
		}
		.assimilate_storage(&mut storage)
		.unwrap();
	}

	#[test]
	#[should_panic(expected = "the network's minimum is below MinValidators")]
	fn genesis_refuses_a_minimum_below_the_floor() {
		let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
		crate::GenesisConfig::<Test> {
			initial_validators: vec![1, 2, 3],
			min_validators: 1,
			..Default::default()
		}
		.assimilate_storage(&mut storage)
		.unwrap();
	}
}

mod session_length {
	use super::*;
	use crate::{SessionLength, Sessions};
	use frame_support::assert_err;
	use frame_support::traits::EstimateNextSessionRotation;
	use pallet_session::ShouldEndSession;
	use sp_runtime::BuildStorage;

	/// A chain of the genesis validators whose genesis sets `session_length`.
	fn chain_with_sessions_of(session_length: u64) -> sp_io::TestExternalities {
		let mut ext = new_test_ext();
		ext.execute_with(|| {
			if session_length != 0 {
				SessionLength::<Test>::put(session_length);
			}
		});
		ext
	}

	#[test]
	fn a_network_without_a_length_keeps_the_default() {
		new_test_ext().execute_with(|| {
			assert_eq!(SessionLength::<Test>::get(), SESSION_LENGTH);
			run_to_block(SESSION_LENGTH - 1);
			assert_eq!(Session::current_index(), 0);
			run_to_block(SESSION_LENGTH);
			assert_eq!(Session::current_index(), 1);
		});
	}

	#[test]
	fn genesis_sets_the_network_s_length_and_sessions_rotate_at_its_multiples() {
		let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
		crate::GenesisConfig::<Test> {
			initial_validators: GENESIS_VALIDATORS.to_vec(),
			session_length: 3,
			..Default::default()
		}
		.assimilate_storage(&mut storage)
		.unwrap();
		sp_io::TestExternalities::new(storage).execute_with(|| {
			assert_eq!(SessionLength::<Test>::get(), 3);
			assert!(!Sessions::<Test>::should_end_session(2));
			assert!(Sessions::<Test>::should_end_session(3));
			assert!(Sessions::<Test>::should_end_session(9));
			assert_eq!(Sessions::<Test>::estimate_next_session_rotation(4).0, Some(6));
			assert_eq!(Sessions::<Test>::average_session_length(), 3);
			assert_ok!(ValidatorSet::do_try_state());
		});
	}

	#[test]
	fn a_removal_takes_two_of_the_network_s_sessions() {
		chain_with_sessions_of(2).execute_with(|| {
			assert_ok!(ValidatorSet::remove_validator(RuntimeOrigin::root(), 3));
			run_to_block(2);
			assert_eq!(Session::current_index(), 1);
			assert!(Session::validators().contains(&3));
			run_to_block(4);
			assert_eq!(Session::current_index(), 2);
			assert!(!Session::validators().contains(&3));
		});
	}

	#[test]
	fn try_state_refuses_a_zero_length() {
		chain_with_sessions_of(0).execute_with(|| {
			SessionLength::<Test>::put(0);
			assert_err!(ValidatorSet::do_try_state(), "a session lasts at least a block");
		});
	}
}

mod purge_keys {
	use super::*;

	#[test]
	fn an_operator_in_the_set_cannot_purge_its_way_out() {
		new_test_ext().execute_with(|| {
			// The attack: every operator purges its keys; at the next session pallet-session
			// would leave them all out, and no one would author a block.
			for who in GENESIS_VALIDATORS {
				assert_noop!(
					ValidatorSet::purge_keys(RuntimeOrigin::signed(who)),
					Error::<Test>::StillValidator
				);
			}
			run_to_session(3);
			assert_eq!(Session::validators(), GENESIS_VALIDATORS.to_vec());
		});
	}

	#[test]
	fn an_operator_out_of_the_set_purges_its_keys() {
		new_test_ext().execute_with(|| {
			assert_ok!(ValidatorSet::remove_validator(RuntimeOrigin::root(), 1));
			assert_ok!(ValidatorSet::purge_keys(RuntimeOrigin::signed(1)));
			assert_eq!(last_event(), Event::KeysPurged { who: 1 });
			assert!(
				!<Session as frame_support::traits::ValidatorRegistration<u64>>::is_registered(&1)
			);
			run_to_session(3);
			assert_eq!(Session::validators(), vec![2, 3]);
		});
	}

	#[test]
	fn refuses_unsigned_origins_and_accounts_without_keys() {
		new_test_ext().execute_with(|| {
			for origin in [RuntimeOrigin::root(), RuntimeOrigin::none()] {
				assert_noop!(ValidatorSet::purge_keys(origin), DispatchError::BadOrigin);
			}
			assert_noop!(
				ValidatorSet::purge_keys(RuntimeOrigin::signed(7)),
				pallet_session::Error::<Test>::NoKeys
			);
		});
	}
}

mod silence {
	use super::*;
	use crate::{SilentSessions, ValidatorStatus};

	fn silent_events() -> Vec<(u64, u32)> {
		System::events()
			.into_iter()
			.filter_map(|record| match record.event {
				RuntimeEvent::ValidatorSet(Event::ValidatorSilent { who, sessions }) => {
					Some((who, sessions))
				}
				_ => None,
			})
			.collect()
	}

	#[test]
	fn a_validator_silent_for_three_sessions_is_reported_until_it_authors_again() {
		new_test_ext().execute_with(|| {
			set_down(3, true);
			run_to_session(2);
			assert_eq!(SilentSessions::<Test>::get(3), 2);
			assert!(silent_events().is_empty(), "two sessions are not yet reported");

			run_to_session(3);
			assert_eq!(silent_events(), vec![(3, 3)]);
			let status = ValidatorSet::statuses().into_iter().find(|s| s.account == 3).unwrap();
			assert_eq!(
				status,
				ValidatorStatus {
					account: 3,
					in_set: true,
					active: true,
					has_keys: true,
					blocks_this_session: 0,
					silent_sessions: 3,
					reported_silent: true,
					offences: Default::default(),
				}
			);
			run_to_session(4);
			assert_eq!(silent_events(), vec![(3, 3), (3, 4)]);
			assert_ok!(ValidatorSet::do_try_state());

			set_down(3, false);
			run_to_session(5);
			assert_eq!(SilentSessions::<Test>::get(3), 0);
			assert_eq!(silent_events().len(), 2);
			let healthy = ValidatorSet::statuses();
			assert!(healthy.iter().all(|s| !s.reported_silent && s.silent_sessions == 0));
		});
	}

	#[test]
	fn a_removed_validator_is_no_longer_counted() {
		new_test_ext().execute_with(|| {
			set_down(3, true);
			run_to_session(1);
			assert_ok!(ValidatorSet::remove_validator(RuntimeOrigin::root(), 3));
			run_to_session(4);
			assert_eq!(SilentSessions::<Test>::get(3), 0);
			assert!(ValidatorSet::statuses().iter().all(|s| s.account != 3));
			assert_ok!(ValidatorSet::do_try_state());
		});
	}
}

/// Fuzzing: random sequences of both calls from random origins, operators setting and purging
/// session keys, and blocks passing across session boundaries; the set's invariants hold after
/// each step and nothing panics. CI runs proptest's default of 256 sequences; run more with
/// `PROPTEST_CASES=100000 cargo test --release -p pallet-validator-set fuzz`.
mod fuzz {
	use super::*;
	use crate::{Call, Pallet as ValidatorSet};
	use frame_support::traits::UnfilteredDispatchable;
	use proptest::prelude::*;

	#[derive(Debug, Clone)]
	enum Step {
		Call(RuntimeOrigin, Call<Test>),
		SetKeys(u64),
		PurgeKeys(u64),
		Blocks(u64),
	}

	fn origin() -> impl Strategy<Value = RuntimeOrigin> {
		prop_oneof![
			2 => Just(RuntimeOrigin::root()),
			1 => Just(RuntimeOrigin::none()),
			1 => (1u64..=10).prop_map(RuntimeOrigin::signed),
		]
	}

	fn step() -> impl Strategy<Value = Step> {
		prop_oneof![
			3 => (origin(), 1u64..=10)
				.prop_map(|(origin, who)| Step::Call(origin, Call::add_validator { who })),
			3 => (origin(), 1u64..=10)
				.prop_map(|(origin, who)| Step::Call(origin, Call::remove_validator { who })),
			2 => (1u64..=10).prop_map(Step::SetKeys),
			1 => (1u64..=10).prop_map(Step::PurgeKeys),
			2 => (1u64..=6).prop_map(Step::Blocks),
		]
	}

	proptest! {
		#[test]
		fn fuzz_every_call_keeps_the_invariants(steps in prop::collection::vec(step(), 1..60)) {
			new_test_ext().execute_with(|| {
				for step in steps {
					match step {
						Step::Call(origin, call) => {
							let _ = call.dispatch_bypass_filter(origin);
						},
						Step::SetKeys(who) => {
							let _ = Session::set_keys(
								RuntimeOrigin::signed(who),
								sp_runtime::testing::UintAuthorityId(who),
								Vec::new(),
							);
						},
						Step::PurgeKeys(who) => {
							let _ = Session::purge_keys(RuntimeOrigin::signed(who));
						},
						Step::Blocks(count) => run_to_block(System::block_number() + count),
					}
					// Not checked here: that `Session` keeps validators. If every operator purges
					// its keys, pallet-session empties the set (this fuzzer's first finding);
					// keeping validators from purging below the minimum is issue 12's.
					prop_assert_eq!(ValidatorSet::<Test>::do_try_state(), Ok(()));
				}
				Ok(())
			})?;
		}
	}
}

mod offences {
	use super::*;
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
	use super::*;
	use crate::{AuraEquivocationProof, OffenceRecord, Offences};
	use frame_support::traits::KeyOwnerProofSystem;
	use sp_runtime::{testing::UintAuthorityId, traits::Header as _, DigestItem, KeyTypeId};
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
			let padded = |parent: u8| {
				let mut header = sp_runtime::testing::Header::new(
					1,
					Default::default(),
					Default::default(),
					[parent; 32].into(),
					Default::default(),
				);
				header.digest_mut().push(DigestItem::Other(vec![0; 4096]));
				crate::seal_header(header, 7.into(), |message| {
					sp_runtime::testing::TestSignature(1, message.to_vec())
				})
			};
			let proof = sp_consensus_slots::EquivocationProof {
				offender: UintAuthorityId(1),
				slot: 7.into(),
				first_header: padded(1),
				second_header: padded(2),
			};
			assert_noop!(report(proof, proof_of(1)), Error::<Test>::EquivocationProofTooLarge);
		});
	}
}

//! The council's calls on the set and the operators' purge of keys: success, errors and origins.

mod add_validator {
	use super::super::*;

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
	use super::super::*;

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
mod minimum {
	use super::super::*;
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
mod purge_keys {
	use super::super::*;

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

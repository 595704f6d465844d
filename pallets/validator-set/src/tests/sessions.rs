//! The set at session boundaries: when changes take effect, each network's session length, silent validators.

mod session_boundary {
	use super::super::*;

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
mod session_length {
	use super::super::*;
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
mod silence {
	use super::super::*;
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

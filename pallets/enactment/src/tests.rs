//! Tests of the governed path to Root, each call's success, errors and origins, and the ways a
//! council majority might try to reach Root without waiting.

use crate::{mock::*, task_name, Delay, Error, Event, Pending};
use frame_support::{
	assert_noop, assert_ok,
	dispatch::GetDispatchInfo,
	traits::{schedule::v3::Named, Bounded, QueryPreimage},
	weights::Weight,
};
use sp_runtime::{
	traits::{BadOrigin, BlakeTwo256, Hash, Zero},
	BuildStorage,
};

const COUNCIL: u64 = 1;
const CANCELLERS: u64 = 2;
const MEMBER: u64 = 3;

fn hash_of(call: &RuntimeCall) -> sp_core::H256 {
	BlakeTwo256::hash_of(call)
}

fn propose(call: &RuntimeCall) -> sp_core::H256 {
	assert_ok!(Enactment::propose(RuntimeOrigin::signed(COUNCIL), Box::new(call.clone())));
	hash_of(call)
}

fn stored(key: &[u8]) -> Option<Vec<u8>> {
	sp_io::storage::get(key).map(|value| value.to_vec())
}

#[test]
fn a_proposal_waits_the_delay_then_runs_as_root() {
	test(|| {
		let call = storage_fix(b"fix", b"repaired");
		let call_hash = propose(&call);

		let enact_at = 1 + DELAY;
		System::assert_has_event(Event::Proposed { call_hash, enact_at }.into());
		let pending = Pending::<Test>::get(call_hash).expect("pending");
		assert_eq!(pending.proposed_at, 1);
		assert_eq!(pending.enact_at, enact_at);
		assert_eq!(pending.weight, call.get_dispatch_info().call_weight);
		assert!(matches!(pending.call, Bounded::Inline(_)));
		assert_eq!(Scheduler::next_dispatch_time(task_name(&call_hash)), Ok(enact_at));

		run_to_block(enact_at - 1);
		assert_eq!(stored(b"fix"), None);
		Enactment::do_try_state().unwrap();

		run_to_block(enact_at);
		assert_eq!(stored(b"fix"), Some(b"repaired".to_vec()));
		System::assert_has_event(Event::Enacted { call_hash, result: Ok(()) }.into());
		assert!(!Pending::<Test>::contains_key(call_hash));
		assert_eq!(Pending::<Test>::count(), 0);
	});
}

#[test]
fn a_large_call_is_kept_as_a_preimage_until_it_is_enacted() {
	test(|| {
		let call = storage_fix(b"code", &[7u8; 1024]);
		let call_hash = propose(&call);
		let pending = Pending::<Test>::get(call_hash).unwrap();
		assert!(matches!(pending.call, Bounded::Lookup { .. }));
		assert!(Preimage::have(&pending.call));

		run_to_block(1 + DELAY);
		assert_eq!(stored(b"code"), Some(vec![7u8; 1024]));
		assert!(!Preimage::have(&pending.call), "the preimage is released");
	});
}

#[test]
fn the_council_cancels_during_the_delay() {
	test(|| {
		let call = storage_fix(b"code", &[7u8; 1024]);
		let call_hash = propose(&call);
		let pending = Pending::<Test>::get(call_hash).unwrap();
		run_to_block(5);

		assert_ok!(Enactment::cancel(RuntimeOrigin::signed(CANCELLERS), call_hash));
		System::assert_has_event(Event::Cancelled { call_hash }.into());
		assert!(!Pending::<Test>::contains_key(call_hash));
		assert!(Scheduler::next_dispatch_time(task_name(&call_hash)).is_err());
		assert!(!Preimage::have(&pending.call));

		run_to_block(1 + DELAY + 1);
		assert_eq!(stored(b"code"), None);
		// Cancelled, the same call may be proposed again.
		propose(&call);
	});
}

#[test]
fn only_the_proposing_majority_proposes() {
	test(|| {
		let call = Box::new(storage_fix(b"fix", b"x"));
		for origin in [
			RuntimeOrigin::signed(CANCELLERS),
			RuntimeOrigin::signed(MEMBER),
			RuntimeOrigin::none(),
		] {
			assert_noop!(Enactment::propose(origin, call.clone()), BadOrigin);
		}
	});
}

#[test]
fn only_root_calls_may_be_proposed() {
	test(|| {
		let transfer = RuntimeCall::Balances(pallet_balances::Call::force_set_balance {
			who: MEMBER,
			new_free: 1_000_000,
		});
		assert_noop!(
			Enactment::propose(RuntimeOrigin::signed(COUNCIL), Box::new(transfer)),
			Error::<Test>::NotRootCall
		);
		// Nor the path's own steps: only the scheduler enacts.
		let enact = RuntimeCall::Enactment(crate::Call::enact {
			call_hash: Default::default(),
			call_weight: Weight::zero(),
		});
		assert_noop!(
			Enactment::propose(RuntimeOrigin::signed(COUNCIL), Box::new(enact)),
			Error::<Test>::NotRootCall
		);
	});
}

#[test]
fn a_call_is_pending_once() {
	test(|| {
		let call = storage_fix(b"fix", b"x");
		propose(&call);
		assert_noop!(
			Enactment::propose(RuntimeOrigin::signed(COUNCIL), Box::new(call)),
			Error::<Test>::AlreadyPending
		);
	});
}

#[test]
fn at_most_max_pending_calls_wait() {
	test(|| {
		for index in 0u8..3 {
			propose(&storage_fix(&[index], b"x"));
		}
		assert_noop!(
			Enactment::propose(RuntimeOrigin::signed(COUNCIL), Box::new(storage_fix(b"4", b"x"))),
			Error::<Test>::TooManyPending
		);
	});
}

#[test]
fn a_call_heavier_than_max_call_weight_is_refused() {
	test(|| {
		let heavy = RuntimeCall::System(frame_system::Call::kill_prefix {
			prefix: b"everything".to_vec(),
			subkeys: u32::MAX,
		});
		assert!(heavy.get_dispatch_info().call_weight.any_gt(MaxCallWeight::get()));
		assert_noop!(
			Enactment::propose(RuntimeOrigin::signed(COUNCIL), Box::new(heavy)),
			Error::<Test>::TooHeavy
		);
	});
}

#[test]
fn cancel_refuses_other_origins_and_unknown_calls() {
	test(|| {
		let call_hash = propose(&storage_fix(b"fix", b"x"));
		for origin in
			[RuntimeOrigin::signed(COUNCIL), RuntimeOrigin::signed(MEMBER), RuntimeOrigin::none()]
		{
			assert_noop!(Enactment::cancel(origin, call_hash), BadOrigin);
		}
		assert_noop!(
			Enactment::cancel(RuntimeOrigin::signed(CANCELLERS), Default::default()),
			Error::<Test>::NotPending
		);
	});
}

#[test]
fn enacted_calls_are_no_longer_cancellable() {
	test(|| {
		let call_hash = propose(&storage_fix(b"fix", b"x"));
		run_to_block(1 + DELAY);
		assert_noop!(
			Enactment::cancel(RuntimeOrigin::signed(CANCELLERS), call_hash),
			Error::<Test>::NotPending
		);
	});
}

#[test]
fn the_council_cannot_reach_root_without_the_delay() {
	test(|| {
		let call = storage_fix(b"fix", b"now");
		let call_hash = propose(&call);
		let call_weight = call.get_dispatch_info().call_weight;
		// Enacting it itself.
		assert_noop!(
			Enactment::enact(RuntimeOrigin::signed(COUNCIL), call_hash, call_weight),
			BadOrigin
		);
		// Scheduling it at once with the scheduler: the task would run with the council's
		// origin, and only Root may schedule directly.
		assert_noop!(
			Scheduler::schedule(RuntimeOrigin::signed(COUNCIL), 2, None, 0, Box::new(call)),
			BadOrigin
		);
		// Rescheduling the pending task to an earlier block.
		assert_noop!(
			Scheduler::schedule_named(
				RuntimeOrigin::signed(COUNCIL),
				task_name(&call_hash),
				2,
				None,
				0,
				Box::new(storage_fix(b"fix", b"now")),
			),
			BadOrigin
		);
		// Shortening the delay: it waits out the delay in force.
		let shorten = RuntimeCall::Enactment(crate::Call::set_delay { delay: 2 });
		propose(&shorten);
		run_to_block(DELAY);
		assert_eq!(stored(b"fix"), None);
		assert_eq!(Delay::<Test>::get(), DELAY);
	});
}

#[test]
fn enact_refuses_other_origins_unknown_calls_and_a_low_weight() {
	test(|| {
		let call = storage_fix(b"fix", b"x");
		let call_hash = propose(&call);
		let call_weight = call.get_dispatch_info().call_weight;
		for origin in [RuntimeOrigin::signed(MEMBER), RuntimeOrigin::none()] {
			assert_noop!(Enactment::enact(origin, call_hash, call_weight), BadOrigin);
		}
		assert_noop!(
			Enactment::enact(RuntimeOrigin::root(), Default::default(), call_weight),
			Error::<Test>::NotPending
		);
		if !call_weight.is_zero() {
			assert_noop!(
				Enactment::enact(RuntimeOrigin::root(), call_hash, Weight::zero()),
				Error::<Test>::WeightTooLow
			);
		}
	});
}

#[test]
fn a_call_that_fails_is_enacted_with_its_error() {
	test(|| {
		let call = RuntimeCall::Enactment(crate::Call::set_delay { delay: 1 });
		let call_hash = propose(&call);
		run_to_block(1 + DELAY);
		System::assert_has_event(
			Event::Enacted { call_hash, result: Err(Error::<Test>::DelayTooShort.into()) }.into(),
		);
		assert!(!Pending::<Test>::contains_key(call_hash));
		assert_eq!(Delay::<Test>::get(), DELAY);
	});
}

#[test]
fn a_call_whose_preimage_is_gone_is_enacted_with_an_error() {
	test(|| {
		let call = storage_fix(b"code", &[7u8; 1024]);
		let call_hash = propose(&call);
		// Root (a sudo key on a test network) clears the preimage under the path's feet.
		assert_ok!(Preimage::unrequest_preimage(RuntimeOrigin::root(), call_hash));
		run_to_block(1 + DELAY);
		assert_eq!(stored(b"code"), None);
		let enacted = System::events().into_iter().any(|record| {
			matches!(
				record.event,
				RuntimeEvent::Enactment(Event::Enacted { call_hash: hash, result: Err(_) })
					if hash == call_hash
			)
		});
		assert!(enacted);
		assert!(!Pending::<Test>::contains_key(call_hash));
	});
}

#[test]
fn set_delay_changes_the_delay_of_later_proposals() {
	test(|| {
		let earlier = propose(&storage_fix(b"earlier", b"x"));
		assert_ok!(Enactment::set_delay(RuntimeOrigin::root(), 20));
		System::assert_has_event(Event::DelaySet { delay: 20 }.into());
		assert_eq!(Delay::<Test>::get(), 20);
		assert_eq!(Enactment::delay(), 20);
		assert_eq!(Pending::<Test>::get(earlier).unwrap().enact_at, 1 + DELAY);

		let later = propose(&storage_fix(b"later", b"x"));
		assert_eq!(Pending::<Test>::get(later).unwrap().enact_at, 21);
		assert_eq!(Enactment::pending().len(), 2);
	});
}

#[test]
fn set_delay_refuses_other_origins_and_out_of_bounds_delays() {
	test(|| {
		for origin in [RuntimeOrigin::signed(COUNCIL), RuntimeOrigin::none()] {
			assert_noop!(Enactment::set_delay(origin, 20), BadOrigin);
		}
		assert_noop!(Enactment::set_delay(RuntimeOrigin::root(), 1), Error::<Test>::DelayTooShort);
		assert_noop!(Enactment::set_delay(RuntimeOrigin::root(), 101), Error::<Test>::DelayTooLong);
	});
}

#[test]
fn a_genesis_without_a_delay_takes_the_shortest() {
	let storage = RuntimeGenesisConfig::default().build_storage().unwrap();
	sp_io::TestExternalities::new(storage).execute_with(|| {
		assert_eq!(Delay::<Test>::get(), 2);
	});
}

#[test]
#[should_panic(expected = "the enactment delay must be between MinDelay and MaxDelay")]
fn a_genesis_delay_out_of_bounds_is_refused() {
	let _ = RuntimeGenesisConfig {
		enactment: crate::GenesisConfig { delay: 1_000 },
		..Default::default()
	}
	.build_storage();
}

#[test]
fn try_state_finds_a_pending_call_off_the_agenda() {
	test(|| {
		let call_hash = propose(&storage_fix(b"fix", b"x"));
		assert_ok!(<Scheduler as Named<_, _, _>>::cancel_named(task_name(&call_hash)));
		assert!(Enactment::do_try_state().is_err());
		// Drop the record too, so that the test's closing check passes.
		Pending::<Test>::remove(call_hash);
	});
}

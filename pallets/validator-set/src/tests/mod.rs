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

mod calls;
mod fuzz;
mod genesis;
mod offences;
mod sessions;

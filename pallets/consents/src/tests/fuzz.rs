//! Fuzzing: random sequences of every call, from random origins, over a few patients,
//! providers and consents, with time passing and members suspended, reinstated and stripped of
//! their roles; the invariants hold after each step and nothing panics. CI runs proptest's default of 256 sequences; run more with
//! `PROPTEST_CASES=100000 cargo test --release -p pallet-consents fuzz`.

use crate::{mock::*, *};
use frame_support::traits::UnfilteredDispatchable;
use proptest::prelude::*;
use sp_core::H256;

const ACCOUNTS: [AccountId; 8] =
	[HOSPITAL, CLINIC, PHARMACY, UNAPPROVED_HOSPITAL, EMPLOYER, PATIENT, OTHER_PATIENT, STRANGER];

fn who() -> impl Strategy<Value = AccountId> {
	prop::sample::select(ACCOUNTS.to_vec())
}

fn origin() -> impl Strategy<Value = RuntimeOrigin> {
	prop_oneof![
		1 => Just(RuntimeOrigin::root()),
		1 => Just(RuntimeOrigin::none()),
		8 => who().prop_map(RuntimeOrigin::signed),
	]
}

fn category() -> impl Strategy<Value = RecordCategory> {
	prop::sample::select(RecordCategory::ALL[..3].to_vec())
}

fn hash() -> impl Strategy<Value = H256> {
	(0u8..3).prop_map(H256::repeat_byte)
}

/// An expiry around the next days, some in the past, some beyond the longest allowed.
fn expiry() -> impl Strategy<Value = u64> {
	(0u64..40).prop_map(|days| NOW - DAY + days * DAY)
}

fn call() -> impl Strategy<Value = Call<Test>> {
	prop_oneof![
		(who(), who(), category(), hash(), expiry()).prop_map(
			|(grantee, custodian, category, purpose_hash, expires_at)| Call::grant_consent {
				grantee,
				custodian,
				category,
				purpose_hash,
				expires_at
			}
		),
		(0u64..5).prop_map(|consent| Call::revoke_consent { consent }),
		(who(), 0u64..5, hash()).prop_map(|(patient, consent, record_hash)| Call::log_access {
			patient,
			consent,
			record_hash
		}),
		(who(), who(), category(), hash(), hash()).prop_map(
			|(patient, custodian, category, record_hash, reason_hash)| {
				Call::log_emergency_access {
					patient,
					custodian,
					category,
					record_hash,
					reason_hash,
				}
			}
		),
	]
}

/// A step: a call from an origin, days passing, or the city taking a member's roles,
/// suspending or reinstating a member.
#[derive(Debug, Clone)]
enum Step {
	Call(RuntimeOrigin, Call<Test>),
	Days(u64),
	TakeRoles(AccountId),
	Suspend(AccountId),
	Reinstate(AccountId),
}

fn step() -> impl Strategy<Value = Step> {
	prop_oneof![
		16 => (origin(), call()).prop_map(|(origin, call)| Step::Call(origin, call)),
		2 => (1u64..4).prop_map(Step::Days),
		1 => who().prop_map(Step::TakeRoles),
		1 => who().prop_map(Step::Suspend),
		1 => who().prop_map(Step::Reinstate),
	]
}

proptest! {
	#[test]
	fn fuzz_every_call_keeps_the_invariants(steps in prop::collection::vec(step(), 1..60)) {
		ExtBuilder.build().execute_with(|| {
			for step in steps {
				match step {
					Step::Call(origin, call) => {
						let _ = call.dispatch_bypass_filter(origin);
					},
					Step::Days(days) => advance(System::block_number() + 1, days),
					Step::TakeRoles(who) => Register::take_roles(&who),
					Step::Suspend(who) => Register::suspend(&who),
					Step::Reinstate(who) => Register::reinstate(&who),
				}
				prop_assert_eq!(Consents::do_try_state(), Ok(()));
			}
			Ok(())
		})?;
	}
}

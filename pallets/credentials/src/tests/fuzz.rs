//! Fuzzing: random sequences of every call, from random origins, over a few schemas,
//! credentials and accounts, with time passing; the register's invariants hold after each step
//! and nothing panics. CI runs proptest's default of 256 sequences; run more with
//! `PROPTEST_CASES=100000 cargo test --release -p pallet-credentials fuzz`.

use crate::{mock::*, *};
use frame_support::traits::UnfilteredDispatchable;
use proptest::prelude::*;
use sp_core::H256;

const ACCOUNTS: [AccountId; 7] =
	[UNIVERSITY, INSTITUTE, REGISTRY_OFFICE, EMPLOYER, HOLDER, OTHER_CITIZEN, STRANGER];

fn who() -> impl Strategy<Value = AccountId> {
	prop::sample::select(ACCOUNTS.to_vec())
}

fn origin() -> impl Strategy<Value = RuntimeOrigin> {
	prop_oneof![
		1 => Just(RuntimeOrigin::root()),
		1 => Just(RuntimeOrigin::none()),
		6 => who().prop_map(RuntimeOrigin::signed),
	]
}

fn schema_hash() -> impl Strategy<Value = H256> {
	prop_oneof![Just(schema()), Just(H256::repeat_byte(0x5d))]
}

fn credential_hash() -> impl Strategy<Value = H256> {
	(1u8..5).prop_map(credential)
}

/// A date around [`NOW`].
fn date() -> impl Strategy<Value = u64> {
	(0u64..6).prop_map(|days| NOW - 2 * DAY + days * DAY)
}

fn name() -> impl Strategy<Value = Vec<u8>> {
	prop_oneof![
		4 => Just(b"University degree".to_vec()),
		1 => Just(vec![]),
		1 => Just(vec![0xff, 0xfe]),
		1 => (65usize..200).prop_map(|length| vec![b'a'; length]),
	]
}

fn call() -> impl Strategy<Value = Call<Test>> {
	prop_oneof![
		(schema_hash(), name()).prop_map(|(schema, name)| Call::register_schema { schema, name }),
		schema_hash().prop_map(|schema| Call::deprecate_schema { schema }),
		(schema_hash(), who())
			.prop_map(|(schema, issuer)| Call::authorise_issuer { schema, issuer }),
		(schema_hash(), who())
			.prop_map(|(schema, issuer)| Call::deauthorise_issuer { schema, issuer }),
		who().prop_map(|delegate| Call::add_delegate { delegate }),
		who().prop_map(|delegate| Call::remove_delegate { delegate }),
		(who(), credential_hash(), schema_hash(), who(), date(), prop::option::of(date()))
			.prop_map(|(issuer, credential, schema, subject, valid_from, valid_until)| {
				Call::attest { issuer, credential, schema, subject, valid_from, valid_until }
			}),
		credential_hash().prop_map(|credential| Call::suspend { credential }),
		credential_hash().prop_map(|credential| Call::reinstate { credential }),
		credential_hash().prop_map(|credential| Call::revoke { credential }),
		(who(), prop::collection::vec(credential_hash(), 0..4), any::<[u8; 32]>()).prop_map(
			|(verifier, credentials, purpose)| Call::submit {
				verifier,
				credentials: credentials.try_into().unwrap_or_default(),
				purpose_hash: H256(purpose)
			}
		),
		(who(), 0u64..4).prop_map(|(holder, submission)| Call::acknowledge { holder, submission }),
		(0u64..4).prop_map(|submission| Call::remove_submission { submission }),
	]
}

/// A step: a call from an origin, or days passing.
#[derive(Debug, Clone)]
enum Step {
	Call(RuntimeOrigin, Call<Test>),
	Days(u64),
}

fn step() -> impl Strategy<Value = Step> {
	prop_oneof![
		9 => (origin(), call()).prop_map(|(origin, call)| Step::Call(origin, call)),
		1 => (1u64..3).prop_map(Step::Days),
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
					Step::Days(days) => {
						System::set_block_number(System::block_number() + 1);
						Timestamp::set_timestamp(Timestamp::get() + days * DAY);
					},
				}
				prop_assert_eq!(Credentials::do_try_state(), Ok(()));
			}
			Ok(())
		})?;
	}
}

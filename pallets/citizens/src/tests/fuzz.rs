//! Fuzzing: random sequences of every call, from random origins, with arguments good and bad,
//! and blocks passing (key rotations falling due, quota periods ending); the register's
//! invariants hold after each step and nothing panics. CI runs proptest's default of 256
//! sequences; run more with `PROPTEST_CASES=100000 cargo test --release -p pallet-citizens fuzz`.

use crate::{mock::*, *};
use frame_support::traits::{Hooks, UnfilteredDispatchable};
use proptest::prelude::*;
use sp_core::H256;

/// The accounts the calls name: the genesis members, a few newcomers and a stranger.
const ACCOUNTS: [u8; 8] =
	[REGISTRAR, OTHER_REGISTRAR, COUNCILLOR, CITIZEN, MERCHANT, 40, 41, STRANGER];

fn who() -> impl Strategy<Value = sp_runtime::AccountId32> {
	prop::sample::select(ACCOUNTS.to_vec()).prop_map(account)
}

fn origin() -> impl Strategy<Value = RuntimeOrigin> {
	prop_oneof![
		1 => Just(RuntimeOrigin::root()),
		1 => Just(RuntimeOrigin::none()),
		6 => who().prop_map(RuntimeOrigin::signed),
	]
}

fn kind() -> impl Strategy<Value = MemberKind> {
	prop::sample::select(MemberKind::ALL.to_vec())
}

fn roles() -> impl Strategy<Value = Vec<Role>> {
	prop::collection::vec(prop::sample::select(Role::ALL.to_vec()), 0..4)
}

fn auth_key() -> impl Strategy<Value = AuthenticationKey> {
	prop_oneof![
		(0u8..6).prop_map(|n| AuthenticationKey::Sr25519([n; 32])),
		(0u8..3).prop_map(|n| AuthenticationKey::Ed25519([n; 32])),
		prop::sample::select(ACCOUNTS.to_vec()).prop_map(key),
	]
}

/// A service field: mostly valid, sometimes empty, too long or with forbidden bytes.
fn field() -> impl Strategy<Value = Vec<u8>> {
	prop_oneof![
		6 => prop::sample::select(vec![&b"hub"[..], b"shop", b"LinkedDomains"]).prop_map(|f| f.to_vec()),
		1 => Just(vec![]),
		1 => (33usize..300).prop_map(|length| vec![b'a'; length]),
		1 => Just(b"a b/\n".to_vec()),
	]
}

fn call() -> impl Strategy<Value = Call<Test>> {
	prop_oneof![
		(who(), kind(), roles(), any::<[u8; 32]>(), auth_key()).prop_map(
			|(who, kind, roles, evidence, authentication_key)| Call::register {
				who,
				kind,
				roles,
				evidence_hash: H256(evidence),
				authentication_key
			}
		),
		(who(), roles()).prop_map(|(who, roles)| Call::set_roles { who, roles }),
		who().prop_map(|who| Call::suspend { who }),
		who().prop_map(|who| Call::reinstate { who }),
		who().prop_map(|who| Call::revoke { who }),
		auth_key().prop_map(|key| Call::add_authentication_key { key }),
		auth_key().prop_map(|key| Call::remove_authentication_key { key }),
		(field(), field(), field()).prop_map(|(id, service_type, endpoint)| Call::add_service {
			id,
			service_type,
			endpoint
		}),
		field().prop_map(|id| Call::remove_service { id }),
		(who(), prop::collection::vec(auth_key(), 0..6))
			.prop_map(|(who, keys)| Call::rotate_authentication_keys { who, keys }),
		Just(Call::cancel_key_rotation {}),
		(who(), auth_key(), any::<[u8; 32]>()).prop_map(|(member, key, half)| {
			let mut signature = [0u8; 64];
			signature[..32].copy_from_slice(&half);
			Call::cancel_key_rotation_with_key { member, key, signature }
		}),
		Just(Call::deactivate {}),
		(kind(), 0u32..5).prop_map(|(kind, units)| Call::set_quota { kind, units }),
		(0u64..20).prop_map(|blocks| Call::set_quota_period { blocks }),
	]
}

/// A step: a call from an origin, or blocks passing.
#[derive(Debug, Clone)]
enum Step {
	Call(RuntimeOrigin, Call<Test>),
	Blocks(u64),
}

fn step() -> impl Strategy<Value = Step> {
	prop_oneof![
		9 => (origin(), call()).prop_map(|(origin, call)| Step::Call(origin, call)),
		1 => (1u64..8).prop_map(Step::Blocks),
	]
}

proptest! {
	#[test]
	fn fuzz_every_call_keeps_the_invariants(steps in prop::collection::vec(step(), 1..60)) {
		ExtBuilder::default().build().execute_with(|| {
			for step in steps {
				match step {
					Step::Call(origin, call) => {
						let _ = call.dispatch_bypass_filter(origin);
					},
					Step::Blocks(count) => {
						for _ in 0..count {
							let next = System::block_number() + 1;
							System::set_block_number(next);
							Citizens::on_initialize(next);
						}
					},
				}
				prop_assert_eq!(Citizens::do_try_state(), Ok(()));
			}
			Ok(())
		})?;
	}
}

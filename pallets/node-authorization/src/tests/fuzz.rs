//! Fuzzing: random sequences of every call, from random origins, with PeerIds good and bad; the
//! list's invariants hold after each call and nothing panics. CI runs proptest's default of 256
//! sequences; run more with `PROPTEST_CASES=100000 cargo test --release -p
//! pallet-node-authorization fuzz`.

use super::*;
use frame_support::traits::UnfilteredDispatchable;
use proptest::prelude::*;

fn origin() -> impl Strategy<Value = RuntimeOrigin> {
	prop_oneof![
		1 => Just(RuntimeOrigin::root()),
		1 => Just(RuntimeOrigin::none()),
		6 => prop::sample::select(vec![OPERATOR, OTHER_OPERATOR, CITIZEN, CITY_NODE_OWNER, 77])
			.prop_map(RuntimeOrigin::signed),
	]
}

fn account() -> impl Strategy<Value = u64> {
	prop::sample::select(vec![OPERATOR, OTHER_OPERATOR, CITIZEN, CITY_NODE_OWNER, 77])
}

/// A PeerId: mostly one of a few, so that calls meet; sometimes empty or too long.
fn node() -> impl Strategy<Value = Vec<u8>> {
	prop_oneof![
		8 => prop::sample::select(vec![1u8, 2, 3, 4, GENESIS_NODE]).prop_map(peer),
		1 => Just(vec![]),
		1 => (65usize..200).prop_map(|length| vec![9; length]),
	]
}

fn nodes() -> impl Strategy<Value = Vec<Vec<u8>>> {
	prop::collection::vec(node(), 0..7)
}

fn call() -> impl Strategy<Value = Call<Test>> {
	prop_oneof![
		(node(), account()).prop_map(|(node, owner)| Call::add_well_known_node { node, owner }),
		node().prop_map(|node| Call::remove_well_known_node { node }),
		(node(), node()).prop_map(|(remove, add)| Call::swap_well_known_node { remove, add }),
		prop::collection::vec((node(), account()), 0..10)
			.prop_map(|nodes| Call::reset_well_known_nodes { nodes }),
		node().prop_map(|node| Call::claim_node { node }),
		node().prop_map(|node| Call::remove_claim { node }),
		(node(), account()).prop_map(|(node, owner)| Call::transfer_node { node, owner }),
		(node(), nodes())
			.prop_map(|(node, connections)| Call::add_connections { node, connections }),
		(node(), nodes())
			.prop_map(|(node, connections)| Call::remove_connections { node, connections }),
	]
}

proptest! {
	#[test]
	fn fuzz_every_call_keeps_the_invariants(ops in prop::collection::vec((origin(), call()), 1..60)) {
		new_test_ext().execute_with(|| {
			for (origin, call) in ops {
				let _ = call.dispatch_bypass_filter(origin);
				prop_assert_eq!(NodeAuthorization::do_try_state(), Ok(()));
				prop_assert!(WellKnownNodes::<Test>::get().len() as u32 <= 8);
			}
			Ok(())
		})?;
	}
}

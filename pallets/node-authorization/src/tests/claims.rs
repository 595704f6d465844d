//! Claims: only validator operators, a bounded number each.

use super::*;
use frame_support::{assert_noop, assert_ok};
use seoul_primitives::membership::testing::TestRegistry;

#[test]
fn an_operator_claims_transfers_and_gives_up_a_node() {
	build_and_execute(|| {
		assert_ok!(NodeAuthorization::claim_node(RuntimeOrigin::signed(OPERATOR), peer(1)));
		assert_eq!(Owners::<Test>::get(stored(1)), Some(OPERATOR));
		assert_eq!(NodesOwned::<Test>::get(OPERATOR), 1);
		assert_ok!(NodeAuthorization::transfer_node(
			RuntimeOrigin::signed(OPERATOR),
			peer(1),
			OTHER_OPERATOR
		));
		assert_eq!(Owners::<Test>::get(stored(1)), Some(OTHER_OPERATOR));
		assert_eq!(
			(NodesOwned::<Test>::get(OPERATOR), NodesOwned::<Test>::get(OTHER_OPERATOR)),
			(0, 1)
		);
		assert_ok!(NodeAuthorization::remove_claim(RuntimeOrigin::signed(OTHER_OPERATOR), peer(1)));
		assert_eq!(Owners::<Test>::get(stored(1)), None);
		assert_eq!(NodesOwned::<Test>::get(OTHER_OPERATOR), 0);
		assert_eq!(
			events(),
			vec![
				Event::NodeClaimed { peer_id: stored(1), who: OPERATOR },
				Event::NodeTransferred { peer_id: stored(1), target: OTHER_OPERATOR },
				Event::ClaimRemoved { peer_id: stored(1), who: OTHER_OPERATOR },
			]
		);
	});
}

#[test]
fn a_member_who_is_no_operator_cannot_claim_or_receive_a_node() {
	// The attack: any member claimed a PeerId and let its own peers connect to it.
	build_and_execute(|| {
		assert_noop!(
			NodeAuthorization::claim_node(RuntimeOrigin::signed(CITIZEN), peer(1)),
			Error::<Test>::NotOperator
		);
		assert_ok!(NodeAuthorization::claim_node(RuntimeOrigin::signed(OPERATOR), peer(1)));
		assert_noop!(
			NodeAuthorization::transfer_node(RuntimeOrigin::signed(OPERATOR), peer(1), CITIZEN),
			Error::<Test>::NotOperator
		);
		// An operator the city suspended can no longer act.
		TestRegistry::suspend(&OPERATOR);
		assert_noop!(
			NodeAuthorization::claim_node(RuntimeOrigin::signed(OPERATOR), peer(2)),
			Error::<Test>::NotOperator
		);
		assert_noop!(
			NodeAuthorization::add_connections(
				RuntimeOrigin::signed(OPERATOR),
				peer(1),
				vec![peer(3)]
			),
			Error::<Test>::NotOwner
		);
		assert_noop!(
			NodeAuthorization::claim_node(RuntimeOrigin::none(), peer(2)),
			sp_runtime::DispatchError::BadOrigin
		);
	});
}

#[test]
fn claims_are_bounded_per_owner_and_checked() {
	build_and_execute(|| {
		let operator = || RuntimeOrigin::signed(OPERATOR);
		assert_ok!(NodeAuthorization::claim_node(operator(), peer(1)));
		assert_ok!(NodeAuthorization::claim_node(operator(), peer(2)));
		assert_noop!(
			NodeAuthorization::claim_node(operator(), peer(3)),
			Error::<Test>::TooManyNodesOwned
		);
		assert_ok!(NodeAuthorization::claim_node(RuntimeOrigin::signed(OTHER_OPERATOR), peer(3)));
		assert_noop!(
			NodeAuthorization::transfer_node(
				RuntimeOrigin::signed(OTHER_OPERATOR),
				peer(3),
				OPERATOR
			),
			Error::<Test>::TooManyNodesOwned
		);
		assert_noop!(
			NodeAuthorization::claim_node(operator(), peer(4)),
			Error::<Test>::TooManyNodesOwned
		);
		assert_ok!(NodeAuthorization::remove_claim(operator(), peer(2)));
		assert_noop!(
			NodeAuthorization::claim_node(operator(), peer(3)),
			Error::<Test>::AlreadyClaimed
		);
		assert_noop!(NodeAuthorization::claim_node(operator(), vec![]), Error::<Test>::BadPeerId);
		assert_noop!(NodeAuthorization::remove_claim(operator(), peer(3)), Error::<Test>::NotOwner);
		assert_noop!(
			NodeAuthorization::remove_claim(operator(), peer(5)),
			Error::<Test>::NotClaimed
		);
		assert_noop!(
			NodeAuthorization::transfer_node(operator(), peer(5), OTHER_OPERATOR),
			Error::<Test>::NotClaimed
		);
	});
}

#[test]
fn a_listed_node_s_claim_is_the_city_s_to_remove() {
	build_and_execute(|| {
		assert_noop!(
			NodeAuthorization::remove_claim(
				RuntimeOrigin::signed(CITY_NODE_OWNER),
				peer(GENESIS_NODE)
			),
			Error::<Test>::PermissionDenied
		);
	});
}

#[test]
fn a_transfer_hands_over_the_node_with_its_connections_and_counts_it_once() {
	// Found by the fuzzer: a transfer counted the sender's node off twice.
	build_and_execute(|| {
		let operator = || RuntimeOrigin::signed(OPERATOR);
		assert_ok!(NodeAuthorization::claim_node(operator(), peer(1)));
		assert_ok!(NodeAuthorization::claim_node(operator(), peer(2)));
		assert_ok!(NodeAuthorization::add_connections(operator(), peer(1), vec![peer(9)]));
		assert_ok!(NodeAuthorization::transfer_node(operator(), peer(1), OTHER_OPERATOR));
		assert_eq!(NodesOwned::<Test>::get(OPERATOR), 1);
		assert_eq!(NodesOwned::<Test>::get(OTHER_OPERATOR), 1);
		assert_eq!(NodeAuthorization::authorized_nodes(&stored(1)), vec![peer(9)]);
		// To oneself, nothing changes.
		assert_ok!(NodeAuthorization::transfer_node(operator(), peer(2), OPERATOR));
		assert_eq!(NodesOwned::<Test>::get(OPERATOR), 1);
	});
}

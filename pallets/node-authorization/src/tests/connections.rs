//! Connections: the owner's, bounded in number and length.

use super::*;
use frame_support::{assert_noop, assert_ok};

#[test]
fn the_owner_adds_and_removes_connections() {
	build_and_execute(|| {
		let owner = || RuntimeOrigin::signed(CITY_NODE_OWNER);
		assert_ok!(NodeAuthorization::add_connections(
			owner(),
			peer(GENESIS_NODE),
			vec![peer(1), peer(2), peer(GENESIS_NODE)]
		));
		// A node is not its own connection.
		assert_eq!(
			AdditionalConnections::<Test>::get(stored(GENESIS_NODE))
				.into_iter()
				.collect::<Vec<_>>(),
			vec![stored(1), stored(2)]
		);
		assert_ok!(NodeAuthorization::remove_connections(
			owner(),
			peer(GENESIS_NODE),
			vec![peer(1)]
		));
		assert_eq!(
			AdditionalConnections::<Test>::get(stored(GENESIS_NODE))
				.into_iter()
				.collect::<Vec<_>>(),
			vec![stored(2)]
		);
		assert_ok!(NodeAuthorization::remove_connections(
			owner(),
			peer(GENESIS_NODE),
			vec![peer(2)]
		));
		assert!(!AdditionalConnections::<Test>::contains_key(stored(GENESIS_NODE)));
		assert_eq!(
			events(),
			vec![
				Event::ConnectionsAdded {
					peer_id: stored(GENESIS_NODE),
					allowed_connections: vec![stored(1), stored(2), stored(GENESIS_NODE)]
				},
				Event::ConnectionsRemoved {
					peer_id: stored(GENESIS_NODE),
					allowed_connections: vec![stored(1)]
				},
				Event::ConnectionsRemoved {
					peer_id: stored(GENESIS_NODE),
					allowed_connections: vec![stored(2)]
				},
			]
		);
	});
}

#[test]
fn connections_are_bounded_in_number_and_length() {
	// The attack: upstream stored a connection list of any size for a flat weight; a citizen
	// stored a 64 KiB entry in one transaction.
	build_and_execute(|| {
		let owner = || RuntimeOrigin::signed(CITY_NODE_OWNER);
		assert_noop!(
			NodeAuthorization::add_connections(
				owner(),
				peer(GENESIS_NODE),
				vec![vec![7; 64 * 1024]]
			),
			Error::<Test>::BadPeerId
		);
		assert_noop!(
			NodeAuthorization::add_connections(
				owner(),
				peer(GENESIS_NODE),
				(0..5).map(peer).collect()
			),
			Error::<Test>::TooManyConnections
		);
		assert_ok!(NodeAuthorization::add_connections(
			owner(),
			peer(GENESIS_NODE),
			(0..3).map(peer).collect()
		));
		assert_noop!(
			NodeAuthorization::add_connections(owner(), peer(GENESIS_NODE), vec![peer(3), peer(4)]),
			Error::<Test>::TooManyConnections
		);
		assert_ok!(NodeAuthorization::add_connections(owner(), peer(GENESIS_NODE), vec![peer(3)]));
		assert_noop!(
			NodeAuthorization::remove_connections(
				owner(),
				peer(GENESIS_NODE),
				(0..5).map(peer).collect()
			),
			Error::<Test>::TooManyConnections
		);
		assert_noop!(
			NodeAuthorization::remove_connections(owner(), peer(GENESIS_NODE), vec![vec![]]),
			Error::<Test>::BadPeerId
		);
	});
}

#[test]
fn only_the_owner_touches_a_node_s_connections() {
	build_and_execute(|| {
		for who in [OPERATOR, CITIZEN] {
			assert_noop!(
				NodeAuthorization::add_connections(
					RuntimeOrigin::signed(who),
					peer(GENESIS_NODE),
					vec![peer(1)]
				),
				Error::<Test>::NotOwner
			);
			assert_noop!(
				NodeAuthorization::remove_connections(
					RuntimeOrigin::signed(who),
					peer(GENESIS_NODE),
					vec![peer(1)]
				),
				Error::<Test>::NotOwner
			);
		}
		assert_noop!(
			NodeAuthorization::add_connections(RuntimeOrigin::signed(OPERATOR), peer(1), vec![]),
			Error::<Test>::NotClaimed
		);
	});
}

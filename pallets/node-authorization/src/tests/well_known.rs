//! The city's list of well-known nodes.

use super::*;
use frame_support::{assert_noop, assert_ok};
use sp_runtime::DispatchError::BadOrigin;

#[test]
fn genesis_lists_the_city_s_node() {
	build_and_execute(|| {
		assert_eq!(well_known(), vec![stored(GENESIS_NODE)]);
		assert_eq!(Owners::<Test>::get(stored(GENESIS_NODE)), Some(CITY_NODE_OWNER));
		assert_eq!(NodesOwned::<Test>::get(CITY_NODE_OWNER), 1);
	});
}

#[test]
fn the_city_adds_removes_and_swaps_nodes() {
	build_and_execute(|| {
		assert_ok!(NodeAuthorization::add_well_known_node(
			RuntimeOrigin::root(),
			peer(1),
			OPERATOR
		));
		assert_eq!(well_known(), vec![stored(1), stored(GENESIS_NODE)]);
		assert_eq!(Owners::<Test>::get(stored(1)), Some(OPERATOR));
		assert_ok!(NodeAuthorization::swap_well_known_node(
			RuntimeOrigin::root(),
			peer(1),
			peer(2)
		));
		assert_eq!(well_known(), vec![stored(2), stored(GENESIS_NODE)]);
		assert_eq!(Owners::<Test>::get(stored(2)), Some(OPERATOR));
		assert_eq!(Owners::<Test>::get(stored(1)), None);
		assert_ok!(NodeAuthorization::remove_well_known_node(RuntimeOrigin::root(), peer(2)));
		assert_eq!(well_known(), vec![stored(GENESIS_NODE)]);
		assert_eq!(Owners::<Test>::get(stored(2)), None);
		assert_eq!(NodesOwned::<Test>::get(OPERATOR), 0);
		assert_eq!(
			events(),
			vec![
				Event::NodeAdded { peer_id: stored(1), who: OPERATOR },
				Event::NodeSwapped { removed: stored(1), added: stored(2) },
				Event::NodeRemoved { peer_id: stored(2) },
			]
		);
	});
}

#[test]
fn a_reset_replaces_the_list_and_forgets_the_old_one() {
	build_and_execute(|| {
		assert_ok!(NodeAuthorization::add_connections(
			RuntimeOrigin::signed(CITY_NODE_OWNER),
			peer(GENESIS_NODE),
			vec![peer(9)]
		));
		let nodes = vec![(peer(1), OPERATOR), (peer(2), OTHER_OPERATOR)];
		assert_ok!(NodeAuthorization::reset_well_known_nodes(RuntimeOrigin::root(), nodes));
		assert_eq!(well_known(), vec![stored(1), stored(2)]);
		assert_eq!(Owners::<Test>::get(stored(GENESIS_NODE)), None);
		assert!(!AdditionalConnections::<Test>::contains_key(stored(GENESIS_NODE)));
		assert_eq!(NodesOwned::<Test>::get(CITY_NODE_OWNER), 0);
	});
}

#[test]
fn city_calls_refuse_other_origins_and_bad_input() {
	build_and_execute(|| {
		for who in [OPERATOR, CITIZEN] {
			let origin = || RuntimeOrigin::signed(who);
			assert_noop!(NodeAuthorization::add_well_known_node(origin(), peer(1), who), BadOrigin);
			assert_noop!(
				NodeAuthorization::remove_well_known_node(origin(), peer(GENESIS_NODE)),
				BadOrigin
			);
			assert_noop!(
				NodeAuthorization::swap_well_known_node(origin(), peer(GENESIS_NODE), peer(1)),
				BadOrigin
			);
			assert_noop!(NodeAuthorization::reset_well_known_nodes(origin(), vec![]), BadOrigin);
		}
		let root = RuntimeOrigin::root;
		assert_noop!(
			NodeAuthorization::add_well_known_node(root(), vec![], OPERATOR),
			Error::<Test>::BadPeerId
		);
		assert_noop!(
			NodeAuthorization::add_well_known_node(root(), vec![1; 65], OPERATOR),
			Error::<Test>::BadPeerId
		);
		assert_noop!(
			NodeAuthorization::add_well_known_node(root(), peer(GENESIS_NODE), OPERATOR),
			Error::<Test>::AlreadyJoined
		);
		assert_noop!(
			NodeAuthorization::remove_well_known_node(root(), peer(1)),
			Error::<Test>::NotExist
		);
		assert_noop!(
			NodeAuthorization::swap_well_known_node(root(), peer(1), peer(2)),
			Error::<Test>::NotExist
		);
		assert_ok!(NodeAuthorization::add_well_known_node(root(), peer(1), OPERATOR));
		assert_noop!(
			NodeAuthorization::swap_well_known_node(root(), peer(1), peer(GENESIS_NODE)),
			Error::<Test>::AlreadyJoined
		);
		for n in 2..8 {
			assert_ok!(NodeAuthorization::add_well_known_node(root(), peer(n), OPERATOR));
		}
		assert_noop!(
			NodeAuthorization::add_well_known_node(root(), peer(8), OPERATOR),
			Error::<Test>::TooManyNodes
		);
		let nine = (0..9).map(|n| (peer(n), OPERATOR)).collect();
		assert_noop!(
			NodeAuthorization::reset_well_known_nodes(root(), nine),
			Error::<Test>::TooManyNodes
		);
		assert_noop!(
			NodeAuthorization::reset_well_known_nodes(root(), vec![(vec![], OPERATOR)]),
			Error::<Test>::BadPeerId
		);
	});
}

#[test]
fn a_node_becoming_well_known_drops_the_connections_its_claimer_added() {
	// The attack: an operator claims the PeerId the council is about to list and lets its own
	// peer connect to it; upstream kept those connections after the council's motion, so the
	// operator's peer reached the validators.
	build_and_execute(|| {
		assert_ok!(NodeAuthorization::claim_node(RuntimeOrigin::signed(OPERATOR), peer(1)));
		assert_ok!(NodeAuthorization::add_connections(
			RuntimeOrigin::signed(OPERATOR),
			peer(1),
			vec![peer(66)]
		));
		assert_eq!(NodeAuthorization::authorized_nodes(&stored(1)), vec![peer(66)]);
		assert_ok!(NodeAuthorization::add_well_known_node(
			RuntimeOrigin::root(),
			peer(1),
			OTHER_OPERATOR
		));
		assert_eq!(Owners::<Test>::get(stored(1)), Some(OTHER_OPERATOR));
		assert!(!AdditionalConnections::<Test>::contains_key(stored(1)));
		assert_eq!(NodeAuthorization::authorized_nodes(&stored(1)), vec![peer(GENESIS_NODE)]);
		assert_eq!(NodesOwned::<Test>::get(OPERATOR), 0);
		assert!(events().contains(&Event::ConnectionsDropped {
			peer_id: stored(1),
			previous_owner: OPERATOR,
			dropped: 1
		}));
		// The same through a swap.
		assert_ok!(NodeAuthorization::claim_node(RuntimeOrigin::signed(OPERATOR), peer(2)));
		assert_ok!(NodeAuthorization::add_connections(
			RuntimeOrigin::signed(OPERATOR),
			peer(2),
			vec![peer(67)]
		));
		assert_ok!(NodeAuthorization::swap_well_known_node(
			RuntimeOrigin::root(),
			peer(1),
			peer(2)
		));
		assert_eq!(Owners::<Test>::get(stored(2)), Some(OTHER_OPERATOR));
		assert!(!NodeAuthorization::authorized_nodes(&stored(2)).contains(&peer(67)));
	});
}

#[test]
fn well_known_nodes_talk_to_each_other_and_to_their_connections() {
	build_and_execute(|| {
		assert_ok!(NodeAuthorization::add_well_known_node(
			RuntimeOrigin::root(),
			peer(1),
			OPERATOR
		));
		assert_ok!(NodeAuthorization::add_connections(
			RuntimeOrigin::signed(OPERATOR),
			peer(1),
			vec![peer(50)]
		));
		assert_eq!(
			NodeAuthorization::authorized_nodes(&stored(1)),
			vec![peer(50), peer(GENESIS_NODE)]
		);
		assert_eq!(NodeAuthorization::authorized_nodes(&stored(GENESIS_NODE)), vec![peer(1)]);
		// A node nobody listed is authorised for nobody, not even a listed node's connection.
		assert!(NodeAuthorization::authorized_nodes(&stored(50)).is_empty());
		assert!(NodeAuthorization::authorized_nodes(&stored(99)).is_empty());
	});
}

#[test]
fn the_offchain_worker_reads_the_node_s_own_peer_id_as_the_host_gives_it() {
	// The host hands the PeerId SCALE-encoded; read raw, a listed node found itself unlisted and
	// cut every peer once the list was applied (found by the 4-validator e2e test).
	use codec::Encode;
	build_and_execute(|| {
		assert_eq!(
			NodeAuthorization::own_peer_id(&peer(GENESIS_NODE).encode()),
			Some(stored(GENESIS_NODE))
		);
		assert_eq!(NodeAuthorization::own_peer_id(&peer(GENESIS_NODE)), None);
		assert_eq!(NodeAuthorization::own_peer_id(&[]), None);
	});
}

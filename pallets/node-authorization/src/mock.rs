//! A runtime with the node list, the test register and root as the city.

use crate::{self as pallet_node_authorization, MemberKind};
use frame_support::derive_impl;
use seoul_primitives::membership::testing::TestRegistry;
use sp_runtime::BuildStorage;

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		NodeAuthorization: pallet_node_authorization,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
}

#[derive_impl(pallet_node_authorization::config_preludes::TestDefaultConfig)]
impl pallet_node_authorization::Config for Test {
	type CityOrigin = frame_system::EnsureRoot<u64>;
	type Registry = TestRegistry;
}

/// A validator operator.
pub const OPERATOR: u64 = 1;
/// Another validator operator.
pub const OTHER_OPERATOR: u64 = 2;
/// A citizen: a member, but no operator.
pub const CITIZEN: u64 = 10;
/// The owner of the genesis node.
pub const CITY_NODE_OWNER: u64 = 100;

/// A PeerId made of `n`.
pub fn peer(n: u8) -> Vec<u8> {
	vec![n; 38]
}

/// The genesis node, well known and owned by [`CITY_NODE_OWNER`].
pub const GENESIS_NODE: u8 = 200;

/// Externalities with one well-known node and the test register: two operators and a citizen.
pub fn new_test_ext() -> sp_io::TestExternalities {
	TestRegistry::clear();
	TestRegistry::add(&OPERATOR, MemberKind::ValidatorOperator, &[]);
	TestRegistry::add(&OTHER_OPERATOR, MemberKind::ValidatorOperator, &[]);
	TestRegistry::add(&CITIZEN, MemberKind::Citizen, &[]);
	TestRegistry::add(&CITY_NODE_OWNER, MemberKind::Agency, &[]);
	let storage = RuntimeGenesisConfig {
		system: Default::default(),
		node_authorization: pallet_node_authorization::GenesisConfig {
			nodes: vec![(peer(GENESIS_NODE), CITY_NODE_OWNER)],
		},
	}
	.build_storage()
	.expect("the test genesis is valid");
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// Runs `test` and checks the invariants after it.
pub fn build_and_execute(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		crate::Pallet::<Test>::do_try_state().expect("invariants hold");
	});
}

/// The events of this pallet deposited so far.
pub fn events() -> Vec<crate::Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::NodeAuthorization(event) => Some(event),
			_ => None,
		})
		.collect()
}

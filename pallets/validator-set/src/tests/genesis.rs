//! The chain's first validators and minimum, from genesis.

use super::*;
use sp_runtime::{testing::UintAuthorityId, BuildStorage};

#[test]
fn genesis_validators_author_the_first_sessions() {
	new_test_ext().execute_with(|| {
		assert_eq!(validators(), GENESIS_VALIDATORS.to_vec());
		assert_eq!(Session::validators(), GENESIS_VALIDATORS.to_vec());
		assert!(!ChangePending::<Test>::get());
		assert_ok!(ValidatorSet::do_try_state());
	});
}

#[test]
fn integrity_test_passes() {
	new_test_ext().execute_with(ValidatorSet::integrity_test);
}

#[test]
#[should_panic(expected = "duplicate account in the initial validators")]
fn genesis_refuses_duplicates() {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	crate::GenesisConfig::<Test> { initial_validators: vec![1, 1], ..Default::default() }
		.assimilate_storage(&mut storage)
		.unwrap();
}

#[test]
#[should_panic(expected = "more initial validators than MaxValidators")]
fn genesis_refuses_too_many() {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	crate::GenesisConfig::<Test> { initial_validators: (1..=11).collect(), ..Default::default() }
		.assimilate_storage(&mut storage)
		.unwrap();
}

#[test]
#[should_panic(expected = "fewer initial validators than the network's minimum")]
fn genesis_refuses_too_few() {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	crate::GenesisConfig::<Test> { initial_validators: vec![1], ..Default::default() }
		.assimilate_storage(&mut storage)
		.unwrap();
}

#[test]
fn an_empty_genesis_leaves_the_first_validators_to_session() {
	let storage = RuntimeGenesisConfig {
		session: pallet_session::GenesisConfig {
			keys: vec![(7, 7, UintAuthorityId(7))],
			..Default::default()
		},
		..Default::default()
	}
	.build_storage()
	.unwrap();
	sp_io::TestExternalities::new(storage).execute_with(|| {
		assert!(validators().is_empty());
		assert_eq!(Session::validators(), vec![7]);
		assert_ok!(ValidatorSet::do_try_state());
		frame_system::Pallet::<Test>::inc_providers(&8);
		register_keys(8);
		assert_noop!(
			ValidatorSet::add_validator(RuntimeOrigin::root(), 8),
			Error::<Test>::NoValidatorSet
		);
		assert_noop!(
			ValidatorSet::remove_validator(RuntimeOrigin::root(), 7),
			Error::<Test>::NoValidatorSet
		);
	});
}

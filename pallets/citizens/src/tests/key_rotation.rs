//! A registrar's replacement of a citizen's keys waits, and the citizen can stop it.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok, traits::Hooks};
use sp_core::Pair;

/// The mock's delay, in blocks.
const DELAY: u64 = 5;

fn registrar() -> RuntimeOrigin {
	RuntimeOrigin::signed(account(REGISTRAR))
}

fn keys() -> Vec<AuthenticationKey> {
	DidDocuments::<Test>::get(account(CITIZEN)).unwrap().authentication.to_vec()
}

/// Runs the chain to block `n`, as block initialisation does.
fn run_to(n: u64) {
	while System::block_number() < n {
		System::set_block_number(System::block_number() + 1);
		Citizens::on_initialize(System::block_number());
	}
}

/// Account `signer`'s signature over the cancellation of `member`'s rotation due at `at`.
fn cancellation(signer: u8, member: u8, at: u64) -> [u8; 64] {
	let message = rotation::cancellation_message(
		System::block_hash(0).as_ref(),
		&did::did_of(&account(member)),
		at,
	);
	pair(signer).sign(&message).0
}

#[test]
fn a_registrar_s_rotation_takes_effect_only_after_the_delay() {
	// The attack: one registrar key rotated any citizen's DID keys at once, with no notice, and
	// the new keys passed `citizens_authenticate`.
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Citizens::rotate_authentication_keys(
			registrar(),
			account(CITIZEN),
			vec![key(50)]
		));
		let effective_at = 1 + DELAY;
		assert_eq!(
			citizens_events().last(),
			Some(&Event::KeyRotationScheduled {
				member: account(CITIZEN),
				registrar: account(REGISTRAR),
				effective_at
			})
		);
		assert_eq!(keys(), vec![key(CITIZEN)]);
		let record = Citizens::member_record(&Citizens::did(&account(CITIZEN))).unwrap();
		assert_eq!(record.key_rotation_at, Some(effective_at));
		run_to(effective_at - 1);
		assert_eq!(keys(), vec![key(CITIZEN)]);
		run_to(effective_at);
		assert_eq!(keys(), vec![key(50)]);
		assert!(PendingKeyRotations::<Test>::get(account(CITIZEN)).is_none());
		assert!(!RotationsDue::<Test>::contains_key(effective_at));
		assert_eq!(
			citizens_events().last(),
			Some(&Event::AuthenticationKeysRotated { member: account(CITIZEN), keys: 1 })
		);
	});
}

#[test]
fn the_member_cancels_a_rotation_it_did_not_ask_for() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Citizens::rotate_authentication_keys(
			registrar(),
			account(CITIZEN),
			vec![key(50)]
		));
		assert_ok!(Citizens::cancel_key_rotation(RuntimeOrigin::signed(account(CITIZEN))));
		assert_eq!(
			citizens_events().last(),
			Some(&Event::KeyRotationCancelled { member: account(CITIZEN) })
		);
		run_to(1 + DELAY);
		assert_eq!(keys(), vec![key(CITIZEN)]);
		assert_noop!(
			Citizens::cancel_key_rotation(RuntimeOrigin::signed(account(CITIZEN))),
			Error::<Test>::NoPendingRotation
		);
	});
}

#[test]
fn any_current_key_of_the_member_cancels_it_through_anyone() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Citizens::rotate_authentication_keys(
			registrar(),
			account(CITIZEN),
			vec![key(50)]
		));
		let at = 1 + DELAY;
		let kiosk = || RuntimeOrigin::signed(account(MERCHANT));
		// Not by another key, nor over another message.
		assert_noop!(
			Citizens::cancel_key_rotation_with_key(
				kiosk(),
				account(CITIZEN),
				key(50),
				cancellation(50, CITIZEN, at)
			),
			Error::<Test>::UnknownKey
		);
		assert_noop!(
			Citizens::cancel_key_rotation_with_key(
				kiosk(),
				account(CITIZEN),
				key(CITIZEN),
				cancellation(CITIZEN, CITIZEN, at + 1)
			),
			Error::<Test>::BadSignature
		);
		assert_noop!(
			Citizens::cancel_key_rotation_with_key(
				kiosk(),
				account(MERCHANT),
				key(MERCHANT),
				cancellation(MERCHANT, MERCHANT, at)
			),
			Error::<Test>::NoPendingRotation
		);
		assert_ok!(Citizens::cancel_key_rotation_with_key(
			kiosk(),
			account(CITIZEN),
			key(CITIZEN),
			cancellation(CITIZEN, CITIZEN, at)
		));
		assert!(PendingKeyRotations::<Test>::get(account(CITIZEN)).is_none());
		run_to(at);
		assert_eq!(keys(), vec![key(CITIZEN)]);
	});
}

#[test]
fn one_rotation_at_a_time_and_a_bounded_number_per_block() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Citizens::rotate_authentication_keys(
			registrar(),
			account(CITIZEN),
			vec![key(50)]
		));
		assert_noop!(
			Citizens::rotate_authentication_keys(registrar(), account(CITIZEN), vec![key(51)]),
			Error::<Test>::RotationPending
		);
		// Two rotations may fall due in one block; a third waits for the next block.
		for n in [40u8, 41] {
			assert_ok!(Citizens::register(
				registrar(),
				account(n),
				MemberKind::Citizen,
				vec![],
				evidence(n),
				key(n)
			));
		}
		assert_ok!(Citizens::rotate_authentication_keys(registrar(), account(40), vec![key(52)]));
		assert_noop!(
			Citizens::rotate_authentication_keys(registrar(), account(41), vec![key(53)]),
			Error::<Test>::RotationQueueFull
		);
		System::set_block_number(2);
		assert_ok!(Citizens::rotate_authentication_keys(registrar(), account(41), vec![key(53)]));
	});
}

#[test]
fn the_city_rotates_at_once_and_drops_a_registrar_s_pending_rotation() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Citizens::rotate_authentication_keys(
			registrar(),
			account(CITIZEN),
			vec![key(50)]
		));
		assert_ok!(Citizens::rotate_authentication_keys(
			RuntimeOrigin::root(),
			account(CITIZEN),
			vec![key(60)]
		));
		assert_eq!(keys(), vec![key(60)]);
		assert!(PendingKeyRotations::<Test>::get(account(CITIZEN)).is_none());
		run_to(1 + DELAY);
		assert_eq!(keys(), vec![key(60)]);
	});
}

#[test]
fn a_rotation_due_for_a_member_revoked_meanwhile_changes_nothing() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Citizens::rotate_authentication_keys(
			registrar(),
			account(CITIZEN),
			vec![key(50)]
		));
		assert_ok!(Citizens::revoke(registrar(), account(CITIZEN)));
		run_to(1 + DELAY);
		assert_eq!(keys(), vec![key(CITIZEN)]);
		assert!(PendingKeyRotations::<Test>::get(account(CITIZEN)).is_none());
	});
}

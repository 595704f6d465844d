//! The invariants `do_try_state` checks, and that it catches corrupted state.

use crate::{mock::*, *};
use frame_support::assert_ok;
use sp_runtime::TryRuntimeError;

fn broken(reason: &'static str) -> Result<(), TryRuntimeError> {
	Err(reason.into())
}

/// A chain with consents in force, revoked and expired, reads under them and emergencies.
fn busy_chain() -> ConsentId {
	let expired = grant(PATIENT, lab_results(), 1);
	assert_ok!(Consents::log_access(RuntimeOrigin::signed(HOSPITAL), PATIENT, expired, record(1)));
	advance(2, 1);
	let revoked = grant(PATIENT, ConsentScope { grantee: PHARMACY, ..lab_results() }, 3);
	assert_ok!(Consents::revoke_consent(RuntimeOrigin::signed(PATIENT), revoked));
	let in_force = grant(PATIENT, lab_results(), 3);
	assert_ok!(Consents::log_access(RuntimeOrigin::signed(HOSPITAL), PATIENT, in_force, record(2)));
	assert_ok!(Consents::log_emergency_access(
		RuntimeOrigin::signed(PHARMACY),
		OTHER_PATIENT,
		CLINIC,
		RecordCategory::Allergies,
		record(3),
		record(4),
	));
	in_force
}

#[test]
fn the_invariants_hold_on_a_busy_chain() {
	ExtBuilder.build_and_execute(|| {
		assert_eq!(Consents::do_try_state(), Ok(()));
		busy_chain();
		assert_eq!(Consents::do_try_state(), Ok(()));
	});
}

#[test]
fn two_consents_in_force_for_one_scope_are_caught() {
	ExtBuilder.build().execute_with(|| {
		let in_force = busy_chain();
		let copy = PatientConsents::<Test>::get(PATIENT, in_force).unwrap();
		PatientConsents::<Test>::insert(PATIENT, in_force + 1, copy);
		NextConsentId::<Test>::insert(PATIENT, in_force + 2);
		assert_eq!(Consents::do_try_state(), broken("a scope has two consents in force"));
	});
}

#[test]
fn a_read_before_its_consent_or_after_its_revocation_is_caught() {
	ExtBuilder.build().execute_with(|| {
		let in_force = busy_chain();
		Accesses::<Test>::mutate(PATIENT, 1, |access| access.as_mut().unwrap().at = 1);
		assert_eq!(Consents::do_try_state(), broken("an access lies outside its consent's life"));
		Accesses::<Test>::mutate(PATIENT, 1, |access| access.as_mut().unwrap().at = 5);
		PatientConsents::<Test>::mutate(PATIENT, in_force, |consent| {
			consent.as_mut().unwrap().revoked_at = Some(4)
		});
		ConsentsByScope::<Test>::remove(PATIENT, lab_results());
		assert_eq!(Consents::do_try_state(), broken("an access lies outside its consent's life"));
	});
}

#[test]
fn a_read_outside_its_consents_scope_is_caught() {
	ExtBuilder.build().execute_with(|| {
		busy_chain();
		Accesses::<Test>::mutate(PATIENT, 1, |access| access.as_mut().unwrap().provider = PHARMACY);
		assert_eq!(Consents::do_try_state(), broken("an access lies outside its consent's scope"));
	});
}

#[test]
fn an_index_naming_a_revoked_consent_is_caught() {
	ExtBuilder.build().execute_with(|| {
		busy_chain();
		ConsentsByScope::<Test>::insert(
			PATIENT,
			ConsentScope { grantee: PHARMACY, ..lab_results() },
			1,
		);
		assert_eq!(Consents::do_try_state(), broken("a scope's index names a revoked consent"));
	});
}

#[test]
fn an_empty_emergency_count_is_caught() {
	ExtBuilder.build().execute_with(|| {
		busy_chain();
		EmergencyAccessCounts::<Test>::insert(OTHER_PATIENT, PHARMACY, (NOW, 0));
		assert_eq!(Consents::do_try_state(), broken("an emergency count is empty"));
	});
}

#[test]
fn numbers_ahead_of_their_counters_are_caught() {
	ExtBuilder.build().execute_with(|| {
		busy_chain();
		NextAccessId::<Test>::insert(PATIENT, 1);
		assert_eq!(Consents::do_try_state(), broken("an access's number is ahead"));
		NextAccessId::<Test>::insert(PATIENT, 2);
		NextConsentId::<Test>::insert(PATIENT, 1);
		assert_eq!(Consents::do_try_state(), broken("a consent's number is ahead"));
	});
}

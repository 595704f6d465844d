//! Patients granting and revoking consents.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok, traits::Get};
use sp_runtime::DispatchError::BadOrigin;

fn grant_for(
	patient: AccountId,
	grantee: AccountId,
	custodian: AccountId,
	expires_at: u64,
) -> sp_runtime::DispatchResult {
	Consents::grant_consent(
		RuntimeOrigin::signed(patient),
		grantee,
		custodian,
		RecordCategory::LabResults,
		purpose(1),
		expires_at,
	)
}

fn revoke(patient: AccountId, consent: ConsentId) -> sp_runtime::DispatchResult {
	Consents::revoke_consent(RuntimeOrigin::signed(patient), consent)
}

#[test]
fn a_patient_grants_a_provider_access_to_records_another_holds() {
	ExtBuilder.build_and_execute(|| {
		advance(3, 0);
		assert_ok!(Consents::grant_consent(
			RuntimeOrigin::signed(PATIENT),
			HOSPITAL,
			CLINIC,
			RecordCategory::LabResults,
			purpose(7),
			NOW + 10 * DAY,
		));
		let consent = Consent {
			scope: lab_results(),
			purpose_hash: purpose(7),
			granted_at: 3,
			expires_at: NOW + 10 * DAY,
			revoked_at: None,
		};
		assert_eq!(PatientConsents::<Test>::get(PATIENT, 0), Some(consent.clone()));
		assert_eq!(NextConsentId::<Test>::get(PATIENT), 1);
		assert_eq!(ConsentsByScope::<Test>::get(PATIENT, lab_results()), Some(0));
		assert_eq!(Consents::consent_in_force(&PATIENT, &lab_results()), Some((0, consent)));
		assert_eq!(
			consents_events(),
			vec![Event::ConsentGranted {
				patient: PATIENT,
				consent: 0,
				grantee: HOSPITAL,
				custodian: CLINIC,
				category: RecordCategory::LabResults,
				purpose_hash: purpose(7),
				expires_at: NOW + 10 * DAY,
			}]
		);
		// Numbers are the patient's own: another patient's first consent is 0 too.
		assert_eq!(grant(OTHER_PATIENT, lab_results(), 1), 0);
	});
}

#[test]
fn a_consent_may_last_as_long_as_the_city_allows_and_no_longer() {
	ExtBuilder.build_and_execute(|| {
		let longest: u64 = NOW + <<Test as Config>::MaxConsentDuration as Get<u64>>::get();
		assert_noop!(grant_for(PATIENT, HOSPITAL, CLINIC, longest + 1), Error::<Test>::BadExpiry);
		assert_ok!(grant_for(PATIENT, HOSPITAL, CLINIC, longest));
	});
}

#[test]
fn grant_refuses_bad_calls() {
	ExtBuilder.build_and_execute(|| {
		let expiry = NOW + DAY;
		let grant = |origin, grantee, custodian, expires_at| {
			Consents::grant_consent(
				origin,
				grantee,
				custodian,
				RecordCategory::Medications,
				purpose(1),
				expires_at,
			)
		};
		assert_noop!(grant(RuntimeOrigin::root(), HOSPITAL, CLINIC, expiry), BadOrigin);
		assert_noop!(grant(RuntimeOrigin::none(), HOSPITAL, CLINIC, expiry), BadOrigin);
		// Only a citizen consents to the reading of their records: not a provider, not an
		// organisation, not a stranger, not a suspended citizen.
		for signer in [HOSPITAL, EMPLOYER, STRANGER] {
			assert_noop!(
				grant(RuntimeOrigin::signed(signer), HOSPITAL, CLINIC, expiry),
				Error::<Test>::NotPatient
			);
		}
		Register::suspend(&OTHER_PATIENT);
		assert_noop!(grant_for(OTHER_PATIENT, HOSPITAL, CLINIC, expiry), Error::<Test>::NotPatient);
		// Both sides must hold the provider role the city grants.
		for member in [UNAPPROVED_HOSPITAL, EMPLOYER, PATIENT, STRANGER] {
			assert_noop!(grant_for(PATIENT, member, CLINIC, expiry), Error::<Test>::NotProvider);
			assert_noop!(grant_for(PATIENT, HOSPITAL, member, expiry), Error::<Test>::NotProvider);
		}
		assert_noop!(grant_for(PATIENT, CLINIC, CLINIC, expiry), Error::<Test>::SameProvider);
		for expires_at in [0, NOW - 1, NOW] {
			assert_noop!(
				grant_for(PATIENT, HOSPITAL, CLINIC, expires_at),
				Error::<Test>::BadExpiry
			);
		}
	});
}

#[test]
fn a_scope_has_one_consent_in_force_until_it_is_revoked_or_expires() {
	ExtBuilder.build_and_execute(|| {
		assert_eq!(grant(PATIENT, lab_results(), 5), 0);
		assert_noop!(
			grant_for(PATIENT, HOSPITAL, CLINIC, NOW + 20 * DAY),
			Error::<Test>::ConsentInForce
		);
		// Other scopes are other consents.
		let imaging = ConsentScope { category: RecordCategory::Imaging, ..lab_results() };
		let pharmacy = ConsentScope { grantee: PHARMACY, ..lab_results() };
		assert_eq!(grant(PATIENT, imaging, 5), 1);
		assert_eq!(grant(PATIENT, pharmacy, 5), 2);
		// Revoked, the scope takes a new consent.
		assert_ok!(revoke(PATIENT, 0));
		assert_eq!(grant(PATIENT, lab_results(), 5), 3);
		// Expired, too.
		advance(2, 5);
		assert_eq!(Consents::consent_in_force(&PATIENT, &lab_results()), None);
		assert_eq!(grant(PATIENT, lab_results(), 5), 4);
		assert_eq!(ConsentsByScope::<Test>::get(PATIENT, lab_results()), Some(4));
		assert_eq!(NextConsentId::<Test>::get(PATIENT), 5);
	});
}

#[test]
fn a_patient_revokes_a_consent_and_its_record_stays() {
	ExtBuilder.build_and_execute(|| {
		let id = grant(PATIENT, lab_results(), 5);
		advance(4, 1);
		System::reset_events();
		assert_ok!(revoke(PATIENT, id));
		let consent = PatientConsents::<Test>::get(PATIENT, id).expect("the record stays");
		assert_eq!(consent.revoked_at, Some(4));
		assert_eq!(ConsentsByScope::<Test>::get(PATIENT, lab_results()), None);
		assert_eq!(Consents::consent_in_force(&PATIENT, &lab_results()), None);
		assert_eq!(
			consents_events(),
			vec![Event::ConsentRevoked { patient: PATIENT, consent: id }]
		);
	});
}

#[test]
fn an_expired_consent_may_be_revoked_too() {
	ExtBuilder.build_and_execute(|| {
		let id = grant(PATIENT, lab_results(), 1);
		advance(2, 2);
		assert_ok!(revoke(PATIENT, id));
		assert_eq!(ConsentsByScope::<Test>::get(PATIENT, lab_results()), None);
	});
}

#[test]
fn revoking_an_old_consent_leaves_the_newer_one_of_its_scope_in_force() {
	ExtBuilder.build_and_execute(|| {
		let old = grant(PATIENT, lab_results(), 1);
		advance(2, 2);
		let new = grant(PATIENT, lab_results(), 5);
		assert_ok!(revoke(PATIENT, old));
		assert_eq!(ConsentsByScope::<Test>::get(PATIENT, lab_results()), Some(new));
		assert_eq!(
			Consents::consent_in_force(&PATIENT, &lab_results()).map(|(id, _)| id),
			Some(new)
		);
	});
}

#[test]
fn revoke_refuses_bad_calls() {
	ExtBuilder.build_and_execute(|| {
		let id = grant(PATIENT, lab_results(), 5);
		assert_noop!(Consents::revoke_consent(RuntimeOrigin::root(), id), BadOrigin);
		assert_noop!(Consents::revoke_consent(RuntimeOrigin::none(), id), BadOrigin);
		// The attack: a provider, or anyone else, revoking a patient's consent. Consents are
		// looked up under the signer, so another signer finds none.
		for signer in [HOSPITAL, CLINIC, OTHER_PATIENT, STRANGER] {
			assert_noop!(revoke(signer, id), Error::<Test>::UnknownConsent);
		}
		assert_noop!(revoke(PATIENT, id + 1), Error::<Test>::UnknownConsent);
		assert_ok!(revoke(PATIENT, id));
		assert_noop!(revoke(PATIENT, id), Error::<Test>::AlreadyRevoked);
	});
}

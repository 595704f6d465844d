//! Providers logging their reads of patients' records, under consent or in an emergency.

use crate::{mock::*, *};
use frame_support::{
	assert_noop, assert_ok,
	traits::{Get, Hooks},
	weights::Weight,
};
use sp_core::H256;
use sp_runtime::DispatchError::BadOrigin;

fn log(provider: AccountId, patient: AccountId, consent: ConsentId) -> sp_runtime::DispatchResult {
	Consents::log_access(RuntimeOrigin::signed(provider), patient, consent, record(1))
}

fn emergency(
	provider: AccountId,
	patient: AccountId,
	custodian: AccountId,
) -> sp_runtime::DispatchResult {
	Consents::log_emergency_access(
		RuntimeOrigin::signed(provider),
		patient,
		custodian,
		RecordCategory::Allergies,
		record(2),
		reason(),
	)
}

/// The hash of an emergency's stated reason.
fn reason() -> H256 {
	H256::repeat_byte(0xee)
}

#[test]
fn the_grantee_logs_a_read_under_the_consent() {
	ExtBuilder.build_and_execute(|| {
		let consent = grant(PATIENT, lab_results(), 5);
		advance(3, 1);
		System::reset_events();
		assert_ok!(Consents::log_access(
			RuntimeOrigin::signed(HOSPITAL),
			PATIENT,
			consent,
			record(9)
		));
		assert_eq!(
			Accesses::<Test>::get(PATIENT, 0),
			Some(Access {
				provider: HOSPITAL,
				custodian: CLINIC,
				category: RecordCategory::LabResults,
				record_hash: record(9),
				basis: AccessBasis::Consent(consent),
				at: 3,
			})
		);
		assert_eq!(NextAccessId::<Test>::get(PATIENT), 1);
		assert_eq!(
			consents_events(),
			vec![Event::AccessLogged {
				patient: PATIENT,
				access: 0,
				provider: HOSPITAL,
				consent,
				record_hash: record(9),
			}]
		);
		// Each read is logged, under its own number.
		assert_ok!(log(HOSPITAL, PATIENT, consent));
		assert_eq!(NextAccessId::<Test>::get(PATIENT), 2);
	});
}

#[test]
fn a_read_after_revocation_is_refused() {
	// The attack: a hospital keeps reading after the patient said stop.
	ExtBuilder.build_and_execute(|| {
		let consent = grant(PATIENT, lab_results(), 5);
		assert_ok!(log(HOSPITAL, PATIENT, consent));
		assert_ok!(Consents::revoke_consent(RuntimeOrigin::signed(PATIENT), consent));
		assert_noop!(log(HOSPITAL, PATIENT, consent), Error::<Test>::ConsentRevoked);
	});
}

#[test]
fn a_read_after_expiry_is_refused() {
	ExtBuilder.build_and_execute(|| {
		let consent = grant(PATIENT, lab_results(), 5);
		advance(2, 4);
		assert_ok!(log(HOSPITAL, PATIENT, consent));
		// At its expiry the consent has lapsed.
		advance(3, 1);
		assert_noop!(log(HOSPITAL, PATIENT, consent), Error::<Test>::ConsentExpired);
	});
}

#[test]
fn log_access_refuses_bad_calls() {
	ExtBuilder.build_and_execute(|| {
		let consent = grant(PATIENT, lab_results(), 5);
		assert_noop!(
			Consents::log_access(RuntimeOrigin::root(), PATIENT, consent, record(1)),
			BadOrigin
		);
		assert_noop!(
			Consents::log_access(RuntimeOrigin::none(), PATIENT, consent, record(1)),
			BadOrigin
		);
		for signer in [UNAPPROVED_HOSPITAL, EMPLOYER, PATIENT, STRANGER] {
			assert_noop!(log(signer, PATIENT, consent), Error::<Test>::NotProvider);
		}
		// The attack: another provider, or the custodian itself, reading under someone else's
		// consent.
		for provider in [CLINIC, PHARMACY] {
			assert_noop!(log(provider, PATIENT, consent), Error::<Test>::NotGrantee);
		}
		assert_noop!(log(HOSPITAL, PATIENT, consent + 1), Error::<Test>::UnknownConsent);
		assert_noop!(log(HOSPITAL, OTHER_PATIENT, consent), Error::<Test>::UnknownConsent);
		// A grantee the city has since taken the role from, or suspended, reads no more.
		Register::take_roles(&HOSPITAL);
		assert_noop!(log(HOSPITAL, PATIENT, consent), Error::<Test>::NotProvider);
	});
}

#[test]
fn a_provider_logs_an_emergency_read_with_its_reason_and_the_patient_sees_it() {
	ExtBuilder.build_and_execute(|| {
		advance(6, 0);
		assert_ok!(emergency(PHARMACY, PATIENT, CLINIC));
		let access = Access {
			provider: PHARMACY,
			custodian: CLINIC,
			category: RecordCategory::Allergies,
			record_hash: record(2),
			basis: AccessBasis::Emergency(reason()),
			at: 6,
		};
		assert_eq!(Accesses::<Test>::get(PATIENT, 0), Some(access.clone()));
		assert_eq!(Consents::accesses_of(&PATIENT, None, 10).items, vec![(0, access)]);
		assert_eq!(
			consents_events(),
			vec![Event::EmergencyAccessLogged {
				patient: PATIENT,
				access: 0,
				provider: PHARMACY,
				custodian: CLINIC,
				category: RecordCategory::Allergies,
				record_hash: record(2),
				reason_hash: reason(),
			}]
		);
		// A provider may read its own records in an emergency, and that is logged as well.
		assert_ok!(emergency(CLINIC, PATIENT, CLINIC));
		assert_eq!(NextAccessId::<Test>::get(PATIENT), 2);
	});
}

#[test]
fn emergency_access_refuses_bad_calls() {
	ExtBuilder.build_and_execute(|| {
		let call = |origin| {
			Consents::log_emergency_access(
				origin,
				PATIENT,
				CLINIC,
				RecordCategory::Treatments,
				record(1),
				reason(),
			)
		};
		assert_noop!(call(RuntimeOrigin::root()), BadOrigin);
		assert_noop!(call(RuntimeOrigin::none()), BadOrigin);
		// The attack: anyone but a provider the city approved claiming an emergency.
		for signer in [UNAPPROVED_HOSPITAL, EMPLOYER, OTHER_PATIENT, STRANGER] {
			assert_noop!(emergency(signer, PATIENT, CLINIC), Error::<Test>::NotProvider);
		}
		for patient in [HOSPITAL, EMPLOYER, STRANGER] {
			assert_noop!(emergency(PHARMACY, patient, CLINIC), Error::<Test>::NotPatient);
		}
		for custodian in [UNAPPROVED_HOSPITAL, PATIENT, STRANGER] {
			assert_noop!(emergency(PHARMACY, PATIENT, custodian), Error::<Test>::NotProvider);
		}
	});
}

#[test]
fn a_suspended_patients_consents_pause_until_the_city_reinstates_them() {
	// The attack: the city suspends a patient, who can then sign nothing, revocations included;
	// before, the hospital read on under the consent until it expired.
	ExtBuilder.build_and_execute(|| {
		let consent = grant(PATIENT, lab_results(), 5);
		Register::suspend(&PATIENT);
		assert_noop!(log(HOSPITAL, PATIENT, consent), Error::<Test>::NotPatient);
		assert_eq!(Consents::consent_in_force(&PATIENT, &lab_results()), None);
		Register::reinstate(&PATIENT);
		assert_eq!(
			Consents::consent_in_force(&PATIENT, &lab_results()).map(|(id, _)| id),
			Some(consent)
		);
		assert_ok!(log(HOSPITAL, PATIENT, consent));
	});
}

#[test]
fn a_custodian_the_city_took_the_role_from_answers_under_no_consent() {
	ExtBuilder.build_and_execute(|| {
		let consent = grant(PATIENT, lab_results(), 5);
		let from_hospital =
			ConsentScope { grantee: PHARMACY, custodian: HOSPITAL, ..lab_results() };
		let pharmacy = grant(PATIENT, from_hospital.clone(), 5);
		Register::take_roles(&CLINIC);
		assert_noop!(log(HOSPITAL, PATIENT, consent), Error::<Test>::NotProvider);
		assert_eq!(Consents::consent_in_force(&PATIENT, &lab_results()), None);
		// Nor does a suspended grantee read.
		Register::suspend(&PHARMACY);
		assert_noop!(log(PHARMACY, PATIENT, pharmacy), Error::<Test>::NotProvider);
		assert_eq!(Consents::consent_in_force(&PATIENT, &from_hospital), None);
	});
}

#[test]
fn a_provider_logs_a_bounded_number_of_emergency_reads_of_a_patient_a_window() {
	// The attack: a provider buries a patient's log under emergency reads, or reads every
	// record on one pretext.
	ExtBuilder.build_and_execute(|| {
		let most: u32 = <Test as Config>::MaxEmergencyAccesses::get();
		let window: u64 = <Test as Config>::EmergencyWindow::get();
		for _ in 0..most {
			assert_ok!(emergency(PHARMACY, PATIENT, CLINIC));
		}
		assert_eq!(EmergencyAccessCounts::<Test>::get(PATIENT, PHARMACY), Some((NOW, most)));
		assert_noop!(emergency(PHARMACY, PATIENT, CLINIC), Error::<Test>::TooManyEmergencyAccesses);
		// Other providers, and other patients, count on their own.
		assert_ok!(emergency(HOSPITAL, PATIENT, CLINIC));
		assert_ok!(emergency(PHARMACY, OTHER_PATIENT, CLINIC));
		// Until the window ends, and no longer.
		Timestamp::set_timestamp(NOW + window - 1);
		assert_noop!(emergency(PHARMACY, PATIENT, CLINIC), Error::<Test>::TooManyEmergencyAccesses);
		Timestamp::set_timestamp(NOW + window);
		assert_ok!(emergency(PHARMACY, PATIENT, CLINIC));
		assert_eq!(EmergencyAccessCounts::<Test>::get(PATIENT, PHARMACY), Some((NOW + window, 1)));
		assert_eq!(NextAccessId::<Test>::get(PATIENT), u64::from(most) + 2);
	});
}

#[test]
fn idle_time_sweeps_the_counts_of_spent_emergency_windows() {
	// Without the sweep, every provider and patient that ever had an emergency read would keep
	// a count for good.
	ExtBuilder.build_and_execute(|| {
		let window: u64 = <Test as Config>::EmergencyWindow::get();
		for patient in [PATIENT, OTHER_PATIENT] {
			assert_ok!(emergency(PHARMACY, patient, CLINIC));
		}
		// Too little weight does nothing and uses nothing.
		assert_eq!(Consents::on_idle(1, Weight::from_parts(1, 1)), Weight::zero());
		// Within the window, a pass examines every count and keeps them, then rests a window.
		let used = Consents::on_idle(1, Weight::MAX);
		assert_eq!(used, <() as WeightInfo>::sweep_emergency_counts(2));
		assert_eq!(EmergencyAccessCounts::<Test>::iter().count(), 2);
		assert_eq!(NextEmergencySweep::<Test>::get(), NOW + window);
		Timestamp::set_timestamp(NOW + window / 2);
		assert_ok!(emergency(HOSPITAL, PATIENT, CLINIC));
		assert_eq!(
			Consents::on_idle(2, Weight::MAX),
			<() as WeightInfo>::sweep_emergency_counts(0)
		);
		// The next pass removes the pharmacy's spent windows and keeps the hospital's, a count at
		// a time when a block affords only one: it goes on where the last block stopped.
		Timestamp::set_timestamp(NOW + window);
		let one = <() as WeightInfo>::sweep_emergency_counts(1);
		for block in 3..6 {
			assert_eq!(Consents::on_idle(block, one), one);
		}
		assert_eq!(EmergencyAccessCounts::<Test>::iter().count(), 1);
		assert!(EmergencyAccessCounts::<Test>::get(PATIENT, HOSPITAL).is_some());
		assert!(EmergencySweepCursor::<Test>::get().is_some());
		// The pass ends on the block that finds no count left after the cursor.
		Consents::on_idle(6, one);
		assert_eq!(EmergencySweepCursor::<Test>::get(), None);
		assert_eq!(NextEmergencySweep::<Test>::get(), NOW + 2 * window);
		// A provider whose count was swept starts a new window.
		assert_ok!(emergency(PHARMACY, PATIENT, CLINIC));
		assert_eq!(EmergencyAccessCounts::<Test>::get(PATIENT, PHARMACY), Some((NOW + window, 1)));
	});
}

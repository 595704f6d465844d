//! What a provider checks and a patient lists, without a transaction.

use crate::{mock::*, *};
use frame_support::assert_ok;

#[test]
fn a_consent_is_in_force_only_for_its_scope_while_neither_revoked_nor_expired() {
	ExtBuilder.build_and_execute(|| {
		assert_eq!(Consents::consent_in_force(&PATIENT, &lab_results()), None);
		let id = grant(PATIENT, lab_results(), 2);
		let (found, consent) =
			Consents::consent_in_force(&PATIENT, &lab_results()).expect("in force");
		assert_eq!((found, consent.expires_at), (id, NOW + 2 * DAY));
		for other in [
			ConsentScope { grantee: PHARMACY, ..lab_results() },
			ConsentScope { custodian: PHARMACY, ..lab_results() },
			ConsentScope { category: RecordCategory::MentalHealth, ..lab_results() },
		] {
			assert_eq!(Consents::consent_in_force(&PATIENT, &other), None);
		}
		assert_eq!(Consents::consent_in_force(&OTHER_PATIENT, &lab_results()), None);
		advance(2, 2);
		assert_eq!(Consents::consent_in_force(&PATIENT, &lab_results()), None);
	});
}

#[test]
fn a_patient_lists_consents_and_accesses_a_page_at_a_time() {
	ExtBuilder.build_and_execute(|| {
		for category in RecordCategory::ALL.into_iter().take(5) {
			let id = grant(PATIENT, ConsentScope { category, ..lab_results() }, 3);
			assert_ok!(Consents::log_access(
				RuntimeOrigin::signed(HOSPITAL),
				PATIENT,
				id,
				record(id as u8)
			));
		}
		let first = Consents::consents_of(&PATIENT, None, 2);
		assert_eq!(first.items.iter().map(|(id, _)| *id).collect::<Vec<_>>(), vec![0, 1]);
		assert_eq!(first.next, Some(1));
		let second = Consents::consents_of(&PATIENT, first.next, 2);
		assert_eq!(second.items.iter().map(|(id, _)| *id).collect::<Vec<_>>(), vec![2, 3]);
		let last = Consents::consents_of(&PATIENT, second.next, 2);
		assert_eq!(last.items.iter().map(|(id, _)| *id).collect::<Vec<_>>(), vec![4]);
		assert_eq!(last.next, None);
		// A limit of 0 reads one; other patients' lists are their own.
		assert_eq!(Consents::consents_of(&PATIENT, None, 0).items.len(), 1);
		assert!(Consents::consents_of(&OTHER_PATIENT, None, 10).items.is_empty());

		let accesses = Consents::accesses_of(&PATIENT, Some(2), 10);
		assert_eq!(
			accesses.items.iter().map(|(id, access)| (*id, access.record_hash)).collect::<Vec<_>>(),
			vec![(3, record(3)), (4, record(4))]
		);
		assert_eq!(accesses.next, None);
	});
}

#[test]
fn a_page_holds_at_most_a_hundred_entries() {
	ExtBuilder.build_and_execute(|| {
		let id = grant(PATIENT, lab_results(), 3);
		for _ in 0..(MAX_PAGE_SIZE + 5) {
			assert_ok!(Consents::log_access(
				RuntimeOrigin::signed(HOSPITAL),
				PATIENT,
				id,
				record(1)
			));
		}
		let page = Consents::accesses_of(&PATIENT, None, u32::MAX);
		assert_eq!(page.items.len() as u32, MAX_PAGE_SIZE);
		assert_eq!(page.next, Some(u64::from(MAX_PAGE_SIZE) - 1));
		assert_eq!(Consents::accesses_of(&PATIENT, page.next, u32::MAX).items.len(), 5);
	});
}

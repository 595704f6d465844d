//! Holders submitting their credentials to verifiers, and verifiers acknowledging them.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok, traits::ConstU32, BoundedVec};
use sp_core::H256;
use sp_runtime::DispatchError::BadOrigin;

/// The hashes of credentials `ns`.
fn hashes(ns: &[u8]) -> CredentialHashesOf<Test> {
	ns.iter().map(|n| credential(*n)).collect::<Vec<_>>().try_into().expect("within the bound")
}

/// The hash of a stated purpose.
fn purpose(n: u8) -> H256 {
	H256::repeat_byte(0xa0 + n)
}

fn submit(holder: AccountId, verifier: AccountId, ns: &[u8]) -> sp_runtime::DispatchResult {
	Credentials::submit(RuntimeOrigin::signed(holder), verifier, hashes(ns), purpose(1))
}

fn acknowledge(
	verifier: AccountId,
	holder: AccountId,
	id: SubmissionId,
) -> sp_runtime::DispatchResult {
	Credentials::acknowledge(RuntimeOrigin::signed(verifier), holder, id)
}

/// Opens the test schema and attests credentials 1 to 3 to [`HOLDER`] and 4 to
/// [`OTHER_CITIZEN`].
fn setup() {
	open_schema();
	for n in 1..=3 {
		attest(n);
	}
	assert_ok!(Credentials::attest(
		RuntimeOrigin::signed(UNIVERSITY),
		UNIVERSITY,
		credential(4),
		schema(),
		OTHER_CITIZEN,
		NOW,
		None,
	));
	System::reset_events();
}

#[test]
fn a_holder_submits_credentials_to_a_verifier() {
	ExtBuilder.build_and_execute(|| {
		setup();
		run_to_block(5);
		assert_ok!(Credentials::submit(
			RuntimeOrigin::signed(HOLDER),
			EMPLOYER,
			hashes(&[2, 1]),
			purpose(7)
		));
		assert_eq!(
			credentials_events(),
			vec![Event::Submitted {
				holder: HOLDER,
				submission: 0,
				verifier: EMPLOYER,
				purpose_hash: purpose(7),
			}]
		);
		assert_eq!(
			Submissions::<Test>::get(HOLDER, 0),
			Some(Submission {
				verifier: EMPLOYER,
				credentials: hashes(&[2, 1]),
				purpose_hash: purpose(7),
				submitted_at: 5,
				acknowledged_at: None,
			})
		);
		assert_eq!(NextSubmissionId::<Test>::get(HOLDER), 1);

		// The next gets the next number; a submission may repeat credentials already submitted,
		// to any organisation.
		run_to_block(6);
		assert_ok!(submit(HOLDER, INSTITUTE, &[1]));
		System::assert_last_event(
			Event::Submitted {
				holder: HOLDER,
				submission: 1,
				verifier: INSTITUTE,
				purpose_hash: purpose(1),
			}
			.into(),
		);
		assert_eq!(Submissions::<Test>::get(HOLDER, 1).unwrap().submitted_at, 6);
		assert_eq!(NextSubmissionId::<Test>::get(HOLDER), 2);

		// Each holder counts from 0.
		assert_ok!(submit(OTHER_CITIZEN, EMPLOYER, &[4]));
		System::assert_last_event(
			Event::Submitted {
				holder: OTHER_CITIZEN,
				submission: 0,
				verifier: EMPLOYER,
				purpose_hash: purpose(1),
			}
			.into(),
		);
		assert_eq!(Submissions::<Test>::get(OTHER_CITIZEN, 0).unwrap().credentials, hashes(&[4]));
		assert_eq!(NextSubmissionId::<Test>::get(OTHER_CITIZEN), 1);
		assert_eq!(NextSubmissionId::<Test>::get(HOLDER), 2);
		assert_eq!(Submissions::<Test>::iter().count(), 3);
	});
}

#[test]
fn a_submission_holds_up_to_max_credentials() {
	ExtBuilder.build_and_execute(|| {
		setup();
		assert_ok!(submit(HOLDER, EMPLOYER, &[1, 2, 3]));
		assert_eq!(Submissions::<Test>::get(HOLDER, 0).unwrap().credentials, hashes(&[1, 2, 3]));
		// The bound is in the call's type: four hashes do not even make an argument.
		let four = vec![credential(1), credential(2), credential(3), credential(5)];
		assert!(BoundedVec::<H256, ConstU32<3>>::try_from(four.clone()).is_err());
		assert!(CredentialHashesOf::<Test>::try_from(four).is_err());
	});
}

#[test]
fn submit_refuses_empty_and_duplicate_lists() {
	ExtBuilder.build_and_execute(|| {
		setup();
		assert_noop!(submit(HOLDER, EMPLOYER, &[]), Error::<Test>::NoCredentials);
		assert_noop!(submit(HOLDER, EMPLOYER, &[1, 1]), Error::<Test>::DuplicateCredential);
		assert_noop!(submit(HOLDER, EMPLOYER, &[1, 2, 1]), Error::<Test>::DuplicateCredential);
		assert_noop!(submit(HOLDER, EMPLOYER, &[2, 3, 3]), Error::<Test>::DuplicateCredential);
		assert_eq!(NextSubmissionId::<Test>::get(HOLDER), 0);
	});
}

#[test]
fn submit_refuses_unknown_and_others_credentials() {
	ExtBuilder.build_and_execute(|| {
		setup();
		assert_noop!(submit(HOLDER, EMPLOYER, &[9]), Error::<Test>::UnknownCredential);
		assert_noop!(submit(HOLDER, EMPLOYER, &[1, 9]), Error::<Test>::UnknownCredential);
		// Another citizen submitting the holder's credential, alone or with its own.
		assert_noop!(submit(OTHER_CITIZEN, EMPLOYER, &[1]), Error::<Test>::NotSubject);
		assert_noop!(submit(OTHER_CITIZEN, EMPLOYER, &[4, 1]), Error::<Test>::NotSubject);
		// The holder submitting someone else's.
		assert_noop!(submit(HOLDER, EMPLOYER, &[1, 4]), Error::<Test>::NotSubject);
		// Nor may the issuer submit what it attested, nor a stranger.
		assert_noop!(submit(UNIVERSITY, EMPLOYER, &[1]), Error::<Test>::NotSubject);
		assert_noop!(submit(STRANGER, EMPLOYER, &[1]), Error::<Test>::NotSubject);
		assert_noop!(
			Credentials::submit(RuntimeOrigin::root(), EMPLOYER, hashes(&[1]), purpose(1)),
			BadOrigin
		);
		assert_eq!(Submissions::<Test>::iter().count(), 0);
		assert_eq!(NextSubmissionId::<Test>::get(OTHER_CITIZEN), 0);
		assert!(!NextSubmissionId::<Test>::contains_key(HOLDER));
	});
}

#[test]
fn submit_refuses_revoked_credentials_but_takes_suspended_ones() {
	ExtBuilder.build_and_execute(|| {
		setup();
		assert_ok!(Credentials::revoke(RuntimeOrigin::signed(UNIVERSITY), credential(1)));
		assert_noop!(submit(HOLDER, EMPLOYER, &[1]), Error::<Test>::CredentialRevoked);
		assert_noop!(submit(HOLDER, EMPLOYER, &[2, 1]), Error::<Test>::CredentialRevoked);

		// The pallet takes a suspended credential: the holder's consent is recorded, and the
		// verifier learns "suspended" when it verifies.
		assert_ok!(Credentials::suspend(RuntimeOrigin::signed(UNIVERSITY), credential(2)));
		assert_ok!(submit(HOLDER, EMPLOYER, &[2]));
		assert_eq!(Submissions::<Test>::get(HOLDER, 0).unwrap().credentials, hashes(&[2]));
		assert_eq!(Credentials::verify(credential(2)).verdict, Verdict::Suspended);
		// And an expired one.
		Timestamp::set_timestamp(NOW + 400 * DAY);
		assert_eq!(Credentials::verify(credential(3)).verdict, Verdict::Expired);
		assert_ok!(submit(HOLDER, EMPLOYER, &[3]));
		assert_eq!(NextSubmissionId::<Test>::get(HOLDER), 2);
	});
}

#[test]
fn the_verifier_must_be_an_active_organisation() {
	ExtBuilder.build_and_execute(|| {
		setup();
		for verifier in [OTHER_CITIZEN, REGISTRY_OFFICE, HOLDER, STRANGER] {
			assert_noop!(submit(HOLDER, verifier, &[1]), Error::<Test>::NotVerifier);
		}
		Register::suspend(&EMPLOYER);
		assert_noop!(submit(HOLDER, EMPLOYER, &[1]), Error::<Test>::NotVerifier);
		// Any kind of organisation verifies, an issuer too.
		assert_ok!(submit(HOLDER, INSTITUTE, &[1]));
		assert_eq!(Submissions::<Test>::get(HOLDER, 0).unwrap().verifier, INSTITUTE);
	});
}

#[test]
fn the_verifier_acknowledges_a_submission() {
	ExtBuilder.build_and_execute(|| {
		setup();
		run_to_block(2);
		assert_ok!(submit(HOLDER, EMPLOYER, &[1, 2]));
		let submitted = Submissions::<Test>::get(HOLDER, 0).unwrap();
		run_to_block(4);
		System::reset_events();
		assert_ok!(acknowledge(EMPLOYER, HOLDER, 0));
		assert_eq!(
			credentials_events(),
			vec![Event::Acknowledged { holder: HOLDER, submission: 0, verifier: EMPLOYER }]
		);
		assert_eq!(
			Submissions::<Test>::get(HOLDER, 0),
			Some(Submission { acknowledged_at: Some(4), ..submitted })
		);
		assert_eq!(NextSubmissionId::<Test>::get(HOLDER), 1);
	});
}

#[test]
fn acknowledge_refuses_others_unknown_and_acknowledged_submissions() {
	ExtBuilder.build_and_execute(|| {
		setup();
		assert_ok!(submit(HOLDER, EMPLOYER, &[1]));
		for who in [INSTITUTE, HOLDER, UNIVERSITY, STRANGER] {
			assert_noop!(acknowledge(who, HOLDER, 0), Error::<Test>::NotVerifier);
		}
		assert_noop!(acknowledge(EMPLOYER, HOLDER, 1), Error::<Test>::UnknownSubmission);
		assert_noop!(acknowledge(EMPLOYER, OTHER_CITIZEN, 0), Error::<Test>::UnknownSubmission);
		assert_noop!(Credentials::acknowledge(RuntimeOrigin::root(), HOLDER, 0), BadOrigin);
		assert_eq!(Submissions::<Test>::get(HOLDER, 0).unwrap().acknowledged_at, None);

		assert_ok!(acknowledge(EMPLOYER, HOLDER, 0));
		run_to_block(9);
		assert_noop!(acknowledge(EMPLOYER, HOLDER, 0), Error::<Test>::AlreadyAcknowledged);
		assert_eq!(Submissions::<Test>::get(HOLDER, 0).unwrap().acknowledged_at, Some(1));
	});
}

#[test]
fn a_holder_lists_its_own_submissions_in_order() {
	ExtBuilder.build_and_execute(|| {
		setup();
		assert_eq!(
			Credentials::submissions_of(&HOLDER, None, 100),
			Page { items: vec![], next: None }
		);
		let verifiers = [EMPLOYER, INSTITUTE, UNIVERSITY, EMPLOYER, INSTITUTE, EMPLOYER];
		for (block, verifier) in (1..).zip(verifiers) {
			run_to_block(block);
			assert_ok!(submit(HOLDER, verifier, &[1]));
		}
		assert_ok!(submit(OTHER_CITIZEN, EMPLOYER, &[4]));
		assert_ok!(acknowledge(INSTITUTE, HOLDER, 4));

		// The storage iterates in hash order (5, 3, 4, 1, 2, 0 for these numbers); the list is
		// in number order.
		let listed = Credentials::submissions_of(&HOLDER, None, 100).items;
		assert_eq!(listed.iter().map(|(id, _)| *id).collect::<Vec<_>>(), vec![0, 1, 2, 3, 4, 5]);
		assert_eq!(
			listed.iter().map(|(_, submission)| submission.verifier).collect::<Vec<_>>(),
			verifiers.to_vec()
		);
		assert_eq!(
			listed.iter().map(|(_, submission)| submission.submitted_at).collect::<Vec<_>>(),
			vec![1, 2, 3, 4, 5, 6]
		);
		assert_eq!(listed[4].1.acknowledged_at, Some(6));
		assert_eq!(listed[0].1, Submissions::<Test>::get(HOLDER, 0).unwrap());

		assert_eq!(
			Credentials::submissions_of(&OTHER_CITIZEN, None, 100).items,
			vec![(0, Submissions::<Test>::get(OTHER_CITIZEN, 0).unwrap())]
		);
		assert_eq!(Credentials::submissions_of(&EMPLOYER, None, 100).items, vec![]);
		assert_eq!(Credentials::submissions_of(&STRANGER, None, 100).items, vec![]);

		// In pages: four, then the last two; a page holds one at least and 100 at most.
		let ids = |page: &Page<_, _>| page.items.iter().map(|(id, _)| *id).collect::<Vec<_>>();
		let first = Credentials::submissions_of(&HOLDER, None, 4);
		assert_eq!((ids(&first), first.next), (vec![0, 1, 2, 3], Some(3)));
		let second = Credentials::submissions_of(&HOLDER, first.next, 4);
		assert_eq!((ids(&second), second.next), (vec![4, 5], None));
		assert_eq!(ids(&Credentials::submissions_of(&HOLDER, None, 0)), vec![0]);
		assert_eq!(Credentials::submissions_of(&HOLDER, Some(5), 4).items, vec![]);
		assert_eq!(Credentials::submissions_of(&HOLDER, Some(u64::MAX), 4).items, vec![]);
	});
}

#[test]
fn a_holder_keeps_a_bounded_number_of_submissions_and_removes_old_ones() {
	// The attack: one entry per submission, thousands in a batch, kept for good.
	ExtBuilder.build_and_execute(|| {
		setup();
		let most: u32 =
			<<Test as Config>::MaxSubmissionsPerHolder as frame_support::traits::Get<u32>>::get();
		for _ in 0..most {
			assert_ok!(submit(HOLDER, EMPLOYER, &[1]));
		}
		assert_eq!(SubmissionCount::<Test>::get(HOLDER), most);
		assert_noop!(submit(HOLDER, EMPLOYER, &[1]), Error::<Test>::TooManySubmissions);
		// Removing one makes room; numbers are never reused.
		assert_ok!(Credentials::remove_submission(RuntimeOrigin::signed(HOLDER), 0));
		assert_eq!(
			System::events().last().map(|record| record.event.clone()),
			Some(RuntimeEvent::Credentials(Event::SubmissionRemoved {
				holder: HOLDER,
				submission: 0
			}))
		);
		assert!(Submissions::<Test>::get(HOLDER, 0).is_none());
		assert_ok!(submit(HOLDER, EMPLOYER, &[1]));
		assert!(Submissions::<Test>::get(HOLDER, u64::from(most)).is_some());
		assert_eq!(SubmissionCount::<Test>::get(HOLDER), most);
		// The first page skips the removed one.
		assert_eq!(Credentials::submissions_of(&HOLDER, None, 2).items[0].0, 1);
	});
}

#[test]
fn only_the_holder_removes_a_submission_and_only_one_that_exists() {
	ExtBuilder.build_and_execute(|| {
		setup();
		assert_ok!(submit(HOLDER, EMPLOYER, &[1]));
		assert_noop!(
			Credentials::remove_submission(RuntimeOrigin::signed(EMPLOYER), 0),
			Error::<Test>::UnknownSubmission
		);
		assert_noop!(
			Credentials::remove_submission(RuntimeOrigin::signed(HOLDER), 1),
			Error::<Test>::UnknownSubmission
		);
		assert_noop!(
			Credentials::remove_submission(RuntimeOrigin::none(), 0),
			sp_runtime::DispatchError::BadOrigin
		);
		assert_ok!(Credentials::remove_submission(RuntimeOrigin::signed(HOLDER), 0));
		assert_eq!(SubmissionCount::<Test>::get(HOLDER), 0);
		assert!(!SubmissionCount::<Test>::contains_key(HOLDER));
	});
}

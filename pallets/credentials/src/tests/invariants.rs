//! The invariants `do_try_state` checks, and that it catches corrupted state.

use crate::{mock::*, *};
use frame_support::assert_ok;
use sp_core::H256;
use sp_runtime::TryRuntimeError;

fn broken(reason: &'static str) -> Result<(), TryRuntimeError> {
	Err(reason.into())
}

/// A chain with a schema, two delegates, credentials in every status and submissions.
fn busy_chain() {
	open_schema();
	assert_ok!(Credentials::add_delegate(RuntimeOrigin::signed(UNIVERSITY), REGISTRY_OFFICE));
	assert_ok!(Credentials::add_delegate(RuntimeOrigin::signed(INSTITUTE), OTHER_CITIZEN));
	for n in 1..=3 {
		attest(n);
	}
	assert_ok!(Credentials::suspend(RuntimeOrigin::signed(REGISTRY_OFFICE), credential(2)));
	assert_ok!(Credentials::revoke(RuntimeOrigin::root(), credential(3)));
	assert_ok!(Credentials::submit(
		RuntimeOrigin::signed(HOLDER),
		EMPLOYER,
		vec![credential(1), credential(2)].try_into().unwrap(),
		H256::repeat_byte(0xaa),
	));
	assert_ok!(Credentials::acknowledge(RuntimeOrigin::signed(EMPLOYER), HOLDER, 0));
}

#[test]
fn the_invariants_hold_on_a_busy_chain() {
	ExtBuilder.build_and_execute(|| {
		assert_eq!(Credentials::do_try_state(), Ok(()));
		busy_chain();
		assert_eq!(Credentials::do_try_state(), Ok(()));
		// And after the delegates are gone.
		assert_ok!(Credentials::remove_delegate(
			RuntimeOrigin::signed(UNIVERSITY),
			REGISTRY_OFFICE
		));
		assert_ok!(Credentials::remove_delegate(RuntimeOrigin::signed(INSTITUTE), OTHER_CITIZEN));
		assert_eq!(DelegateCount::<Test>::iter().count(), 0);
		assert_eq!(Credentials::do_try_state(), Ok(()));
	});
}

#[test]
fn a_delegate_without_its_count_is_caught() {
	ExtBuilder.build().execute_with(|| {
		busy_chain();
		Delegates::<Test>::insert(UNIVERSITY, EMPLOYER, ());
		assert_eq!(Credentials::do_try_state(), broken("an issuer's delegate count is wrong"));
		DelegateCount::<Test>::insert(UNIVERSITY, 2);
		assert_eq!(Credentials::do_try_state(), Ok(()));
	});
}

#[test]
fn a_count_above_the_delegates_is_caught() {
	ExtBuilder.build().execute_with(|| {
		busy_chain();
		DelegateCount::<Test>::insert(UNIVERSITY, 2);
		assert_eq!(Credentials::do_try_state(), broken("an issuer's delegate count is wrong"));
		DelegateCount::<Test>::insert(UNIVERSITY, 1);
		assert_eq!(Credentials::do_try_state(), Ok(()));
	});
}

#[test]
fn a_count_without_delegates_is_caught() {
	ExtBuilder.build().execute_with(|| {
		busy_chain();
		DelegateCount::<Test>::insert(EMPLOYER, 1);
		assert_eq!(Credentials::do_try_state(), broken("a delegate count has no delegates"));
		DelegateCount::<Test>::remove(EMPLOYER);
		assert_eq!(Credentials::do_try_state(), Ok(()));
	});
}

#[test]
fn too_many_delegates_are_caught() {
	ExtBuilder.build().execute_with(|| {
		for delegate in [REGISTRY_OFFICE, OTHER_CITIZEN, HOLDER] {
			Delegates::<Test>::insert(UNIVERSITY, delegate, ());
		}
		DelegateCount::<Test>::insert(UNIVERSITY, 3);
		assert_eq!(Credentials::do_try_state(), broken("an issuer has too many delegates"));
	});
}

#[test]
fn a_credential_of_an_unregistered_schema_is_caught() {
	ExtBuilder.build().execute_with(|| {
		busy_chain();
		Schemas::<Test>::remove(schema());
		assert_eq!(Credentials::do_try_state(), broken("a credential's schema is not registered"));
	});
}

#[test]
fn a_submission_ahead_of_its_holders_next_number_is_caught() {
	ExtBuilder.build().execute_with(|| {
		busy_chain();
		let submission = Submissions::<Test>::get(HOLDER, 0).unwrap();
		Submissions::<Test>::insert(HOLDER, 1, submission.clone());
		assert_eq!(Credentials::do_try_state(), broken("a submission's number is ahead"));
		NextSubmissionId::<Test>::insert(HOLDER, 2);
		assert_eq!(
			Credentials::do_try_state(),
			broken("submission counts do not match the submissions")
		);
		SubmissionCount::<Test>::insert(HOLDER, 2);
		assert_eq!(Credentials::do_try_state(), Ok(()));
		// A submission of a holder that never submitted.
		Submissions::<Test>::insert(OTHER_CITIZEN, 0, submission);
		assert_eq!(Credentials::do_try_state(), broken("a submission's number is ahead"));
	});
}

#[cfg(feature = "try-runtime")]
#[test]
fn the_try_state_hook_runs_the_checks() {
	use frame_support::traits::Hooks;
	ExtBuilder.build().execute_with(|| {
		busy_chain();
		assert_eq!(<Credentials as Hooks<u64>>::try_state(1), Ok(()));
		Attestations::<Test>::insert(
			credential(9),
			Credential {
				schema: H256::repeat_byte(0x77),
				issuer: UNIVERSITY,
				attester: UNIVERSITY,
				subject: HOLDER,
				valid_from: NOW,
				valid_until: None,
				attested_at: 1,
				status: CredentialStatus::Active,
			},
		);
		assert_eq!(
			<Credentials as Hooks<u64>>::try_state(1),
			broken("a credential's schema is not registered")
		);
	});
}

//! Suspending, reinstating and revoking credentials.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};
use sp_core::H256;
use sp_runtime::{DispatchError::BadOrigin, DispatchResult};

/// A status call: `suspend`, `reinstate` or `revoke`.
type StatusCall = fn(RuntimeOrigin, H256) -> DispatchResult;

const CALLS: [StatusCall; 3] = [Credentials::suspend, Credentials::reinstate, Credentials::revoke];

fn status(n: u8) -> CredentialStatus<u64> {
	Attestations::<Test>::get(credential(n)).expect("attested").status
}

/// Suspends, reinstates and revokes credential 1 with `origin`, checking each event's `by` and
/// the status with its block.
fn suspend_reinstate_revoke(origin: RuntimeOrigin, by: Option<AccountId>) {
	open_schema();
	attest(1);
	let record = Attestations::<Test>::get(credential(1)).unwrap();
	run_to_block(3);
	System::reset_events();

	assert_ok!(Credentials::suspend(origin.clone(), credential(1)));
	assert_eq!(credentials_events(), vec![Event::Suspended { credential: credential(1), by }]);
	assert_eq!(status(1), CredentialStatus::Suspended(3));

	run_to_block(4);
	assert_ok!(Credentials::reinstate(origin.clone(), credential(1)));
	System::assert_last_event(Event::Reinstated { credential: credential(1), by }.into());
	assert_eq!(status(1), CredentialStatus::Active);

	run_to_block(5);
	assert_ok!(Credentials::revoke(origin, credential(1)));
	System::assert_last_event(Event::Revoked { credential: credential(1), by }.into());
	assert_eq!(credentials_events().len(), 3);
	// Only the status changed.
	assert_eq!(
		Attestations::<Test>::get(credential(1)),
		Some(Credential { status: CredentialStatus::Revoked(5), ..record })
	);
}

#[test]
fn the_issuer_suspends_reinstates_and_revokes() {
	ExtBuilder.build_and_execute(|| {
		suspend_reinstate_revoke(RuntimeOrigin::signed(UNIVERSITY), Some(UNIVERSITY));
	});
}

#[test]
fn a_delegate_suspends_reinstates_and_revokes() {
	ExtBuilder.build_and_execute(|| {
		assert_ok!(Credentials::add_delegate(RuntimeOrigin::signed(UNIVERSITY), REGISTRY_OFFICE));
		suspend_reinstate_revoke(RuntimeOrigin::signed(REGISTRY_OFFICE), Some(REGISTRY_OFFICE));
	});
}

#[test]
fn the_city_suspends_reinstates_and_revokes() {
	ExtBuilder.build_and_execute(|| {
		suspend_reinstate_revoke(RuntimeOrigin::root(), None);
	});
}

#[test]
fn the_city_acts_on_credentials_of_an_issuer_that_lost_its_role() {
	ExtBuilder.build_and_execute(|| {
		open_schema();
		attest(1);
		Register::suspend(&UNIVERSITY);
		// The issuer itself no longer may.
		for call in CALLS {
			assert_noop!(
				call(RuntimeOrigin::signed(UNIVERSITY), credential(1)),
				Error::<Test>::NotAuthorised
			);
		}
		assert_ok!(Credentials::revoke(RuntimeOrigin::root(), credential(1)));
		System::assert_last_event(Event::Revoked { credential: credential(1), by: None }.into());
		assert_eq!(status(1), CredentialStatus::Revoked(1));
	});
}

#[test]
fn status_calls_refuse_others_than_the_issuer_its_delegates_and_the_city() {
	ExtBuilder.build_and_execute(|| {
		open_schema();
		assert_ok!(Credentials::add_delegate(RuntimeOrigin::signed(INSTITUTE), REGISTRY_OFFICE));
		attest(1);
		attest(2);
		assert_ok!(Credentials::suspend(RuntimeOrigin::signed(UNIVERSITY), credential(2)));
		// Another issuer, its delegate, the holder, the verifier and a stranger; on an active and
		// on a suspended credential.
		for who in [INSTITUTE, REGISTRY_OFFICE, HOLDER, EMPLOYER, STRANGER] {
			for n in [1, 2] {
				for call in CALLS {
					assert_noop!(
						call(RuntimeOrigin::signed(who), credential(n)),
						Error::<Test>::NotAuthorised
					);
				}
			}
		}
		for call in CALLS {
			assert_noop!(call(RuntimeOrigin::none(), credential(1)), BadOrigin);
		}
		assert_eq!(status(1), CredentialStatus::Active);
		assert_eq!(status(2), CredentialStatus::Suspended(1));
	});
}

#[test]
fn status_calls_refuse_unknown_credentials() {
	ExtBuilder.build_and_execute(|| {
		open_schema();
		attest(1);
		for origin in [RuntimeOrigin::signed(UNIVERSITY), RuntimeOrigin::root()] {
			for call in CALLS {
				assert_noop!(call(origin.clone(), credential(9)), Error::<Test>::UnknownCredential);
			}
		}
		assert!(!Attestations::<Test>::contains_key(credential(9)));
	});
}

#[test]
fn suspend_a_suspended_and_reinstate_an_active_credential_are_refused() {
	ExtBuilder.build_and_execute(|| {
		open_schema();
		attest(1);
		assert_noop!(
			Credentials::reinstate(RuntimeOrigin::signed(UNIVERSITY), credential(1)),
			Error::<Test>::NotSuspended
		);
		assert_noop!(
			Credentials::reinstate(RuntimeOrigin::root(), credential(1)),
			Error::<Test>::NotSuspended
		);
		assert_ok!(Credentials::suspend(RuntimeOrigin::signed(UNIVERSITY), credential(1)));
		run_to_block(2);
		assert_noop!(
			Credentials::suspend(RuntimeOrigin::signed(UNIVERSITY), credential(1)),
			Error::<Test>::AlreadySuspended
		);
		assert_noop!(
			Credentials::suspend(RuntimeOrigin::root(), credential(1)),
			Error::<Test>::AlreadySuspended
		);
		// The block of the first suspension stays.
		assert_eq!(status(1), CredentialStatus::Suspended(1));
	});
}

#[test]
fn a_suspended_credential_is_revoked() {
	ExtBuilder.build_and_execute(|| {
		open_schema();
		attest(1);
		assert_ok!(Credentials::suspend(RuntimeOrigin::signed(UNIVERSITY), credential(1)));
		run_to_block(6);
		assert_ok!(Credentials::revoke(RuntimeOrigin::signed(UNIVERSITY), credential(1)));
		assert_eq!(status(1), CredentialStatus::Revoked(6));
		assert_eq!(Credentials::verify(credential(1)).verdict, Verdict::Revoked);
	});
}

#[test]
fn revocation_is_final_and_keeps_the_record() {
	ExtBuilder.build_and_execute(|| {
		open_schema();
		assert_ok!(Credentials::add_delegate(RuntimeOrigin::signed(UNIVERSITY), REGISTRY_OFFICE));
		attest(1);
		let record = Attestations::<Test>::get(credential(1)).unwrap();
		run_to_block(2);
		assert_ok!(Credentials::revoke(RuntimeOrigin::signed(UNIVERSITY), credential(1)));
		run_to_block(3);
		for origin in [
			RuntimeOrigin::signed(UNIVERSITY),
			RuntimeOrigin::signed(REGISTRY_OFFICE),
			RuntimeOrigin::root(),
		] {
			for call in CALLS {
				assert_noop!(call(origin.clone(), credential(1)), Error::<Test>::CredentialRevoked);
			}
		}
		assert_eq!(
			Attestations::<Test>::get(credential(1)),
			Some(Credential { status: CredentialStatus::Revoked(2), ..record })
		);
		let verification = Credentials::verify(credential(1));
		assert_eq!(verification.verdict, Verdict::Revoked);
		assert_eq!(verification.credential.unwrap().issuer, UNIVERSITY);
	});
}

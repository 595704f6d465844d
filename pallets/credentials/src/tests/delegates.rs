//! Issuers delegating attestation to staff accounts.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};
use sp_runtime::DispatchError::BadOrigin;

fn add(issuer: AccountId, delegate: AccountId) -> sp_runtime::DispatchResult {
	Credentials::add_delegate(RuntimeOrigin::signed(issuer), delegate)
}

fn remove(issuer: AccountId, delegate: AccountId) -> sp_runtime::DispatchResult {
	Credentials::remove_delegate(RuntimeOrigin::signed(issuer), delegate)
}

/// `attester` attests credential `n` for `issuer` to [`HOLDER`] under the test schema.
fn attest_as(attester: AccountId, issuer: AccountId, n: u8) -> sp_runtime::DispatchResult {
	Credentials::attest(
		RuntimeOrigin::signed(attester),
		issuer,
		credential(n),
		schema(),
		HOLDER,
		NOW,
		None,
	)
}

#[test]
fn an_issuer_adds_a_delegate() {
	ExtBuilder.build_and_execute(|| {
		assert_ok!(add(UNIVERSITY, REGISTRY_OFFICE));
		assert_eq!(
			credentials_events(),
			vec![Event::DelegateAdded { issuer: UNIVERSITY, delegate: REGISTRY_OFFICE }]
		);
		assert_eq!(Delegates::<Test>::get(UNIVERSITY, REGISTRY_OFFICE), Some(()));
		assert_eq!(DelegateCount::<Test>::get(UNIVERSITY), 1);
		// A delegation is the issuer's: the staff account acts for no other issuer.
		assert!(!Delegates::<Test>::contains_key(INSTITUTE, REGISTRY_OFFICE));
		assert_eq!(DelegateCount::<Test>::get(INSTITUTE), 0);

		// Any active member may be a delegate, an organisation too.
		assert_ok!(add(UNIVERSITY, EMPLOYER));
		System::assert_last_event(
			Event::DelegateAdded { issuer: UNIVERSITY, delegate: EMPLOYER }.into(),
		);
		assert_eq!(DelegateCount::<Test>::get(UNIVERSITY), 2);
		let mut delegates: Vec<_> =
			Delegates::<Test>::iter_prefix(UNIVERSITY).map(|(who, ())| who).collect();
		delegates.sort();
		assert_eq!(delegates, vec![REGISTRY_OFFICE, EMPLOYER]);
	});
}

#[test]
fn only_active_credential_issuers_add_delegates() {
	ExtBuilder.build_and_execute(|| {
		for who in [HOLDER, EMPLOYER, STRANGER] {
			assert_noop!(add(who, REGISTRY_OFFICE), Error::<Test>::NotCredentialIssuer);
		}
		Register::suspend(&UNIVERSITY);
		assert_noop!(add(UNIVERSITY, REGISTRY_OFFICE), Error::<Test>::NotCredentialIssuer);
		for origin in [RuntimeOrigin::root(), RuntimeOrigin::none()] {
			assert_noop!(Credentials::add_delegate(origin, REGISTRY_OFFICE), BadOrigin);
		}
		assert_eq!(Delegates::<Test>::iter().count(), 0);
	});
}

#[test]
fn a_delegate_must_be_an_active_member() {
	ExtBuilder.build_and_execute(|| {
		assert_noop!(add(UNIVERSITY, STRANGER), Error::<Test>::NotMember);
		Register::suspend(&REGISTRY_OFFICE);
		assert_noop!(add(UNIVERSITY, REGISTRY_OFFICE), Error::<Test>::NotMember);
		assert_eq!(DelegateCount::<Test>::get(UNIVERSITY), 0);
	});
}

#[test]
fn a_delegate_is_added_once_and_an_issuer_has_at_most_max_delegates() {
	ExtBuilder.build_and_execute(|| {
		assert_ok!(add(UNIVERSITY, REGISTRY_OFFICE));
		assert_noop!(add(UNIVERSITY, REGISTRY_OFFICE), Error::<Test>::AlreadyDelegate);
		assert_ok!(add(UNIVERSITY, OTHER_CITIZEN));
		assert_eq!(DelegateCount::<Test>::get(UNIVERSITY), 2);
		assert_noop!(add(UNIVERSITY, EMPLOYER), Error::<Test>::TooManyDelegates);
		// A delegate already there is reported as such, not as one too many.
		assert_noop!(add(UNIVERSITY, OTHER_CITIZEN), Error::<Test>::AlreadyDelegate);
		// The bound is per issuer.
		assert_ok!(add(INSTITUTE, REGISTRY_OFFICE));
		assert_eq!(DelegateCount::<Test>::get(INSTITUTE), 1);
		// Removing one frees a place.
		assert_ok!(remove(UNIVERSITY, OTHER_CITIZEN));
		assert_ok!(add(UNIVERSITY, EMPLOYER));
		assert_eq!(DelegateCount::<Test>::get(UNIVERSITY), 2);
		assert!(Delegates::<Test>::contains_key(UNIVERSITY, EMPLOYER));
		assert!(!Delegates::<Test>::contains_key(UNIVERSITY, OTHER_CITIZEN));
	});
}

#[test]
fn an_issuer_removes_a_delegate() {
	ExtBuilder.build_and_execute(|| {
		assert_ok!(add(UNIVERSITY, REGISTRY_OFFICE));
		assert_ok!(add(UNIVERSITY, OTHER_CITIZEN));
		System::reset_events();

		assert_ok!(remove(UNIVERSITY, REGISTRY_OFFICE));
		assert_eq!(
			credentials_events(),
			vec![Event::DelegateRemoved { issuer: UNIVERSITY, delegate: REGISTRY_OFFICE }]
		);
		assert!(!Delegates::<Test>::contains_key(UNIVERSITY, REGISTRY_OFFICE));
		assert_eq!(DelegateCount::<Test>::get(UNIVERSITY), 1);
		assert!(DelegateCount::<Test>::contains_key(UNIVERSITY));

		assert_ok!(remove(UNIVERSITY, OTHER_CITIZEN));
		System::assert_last_event(
			Event::DelegateRemoved { issuer: UNIVERSITY, delegate: OTHER_CITIZEN }.into(),
		);
		// The count's entry goes with the last delegate.
		assert!(!DelegateCount::<Test>::contains_key(UNIVERSITY));
		assert_eq!(Delegates::<Test>::iter().count(), 0);
	});
}

#[test]
fn remove_refuses_accounts_that_are_not_the_callers_delegates() {
	ExtBuilder.build_and_execute(|| {
		assert_ok!(add(UNIVERSITY, REGISTRY_OFFICE));
		assert_noop!(remove(UNIVERSITY, OTHER_CITIZEN), Error::<Test>::NotDelegate);
		assert_noop!(remove(UNIVERSITY, STRANGER), Error::<Test>::NotDelegate);
		// Another issuer cannot remove it, nor can the delegate remove itself.
		assert_noop!(remove(INSTITUTE, REGISTRY_OFFICE), Error::<Test>::NotDelegate);
		assert_noop!(remove(REGISTRY_OFFICE, REGISTRY_OFFICE), Error::<Test>::NotDelegate);
		for origin in [RuntimeOrigin::root(), RuntimeOrigin::none()] {
			assert_noop!(Credentials::remove_delegate(origin, REGISTRY_OFFICE), BadOrigin);
		}
		assert_ok!(remove(UNIVERSITY, REGISTRY_OFFICE));
		assert_noop!(remove(UNIVERSITY, REGISTRY_OFFICE), Error::<Test>::NotDelegate);
	});
}

#[test]
fn an_issuer_that_lost_its_role_still_removes_its_delegates() {
	ExtBuilder.build_and_execute(|| {
		assert_ok!(add(UNIVERSITY, REGISTRY_OFFICE));
		Register::suspend(&UNIVERSITY);
		assert_ok!(remove(UNIVERSITY, REGISTRY_OFFICE));
		assert!(!DelegateCount::<Test>::contains_key(UNIVERSITY));
	});
}

#[test]
fn a_delegate_attests_and_changes_status_for_its_issuer() {
	ExtBuilder.build_and_execute(|| {
		open_schema();
		assert_ok!(add(UNIVERSITY, REGISTRY_OFFICE));
		run_to_block(3);
		System::reset_events();

		assert_ok!(attest_as(REGISTRY_OFFICE, UNIVERSITY, 1));
		assert_eq!(
			credentials_events(),
			vec![Event::Attested {
				credential: credential(1),
				issuer: UNIVERSITY,
				attester: REGISTRY_OFFICE,
				subject: HOLDER,
				schema: schema(),
			}]
		);
		let record = Attestations::<Test>::get(credential(1)).unwrap();
		assert_eq!(
			(record.issuer, record.attester, record.attested_at),
			(UNIVERSITY, REGISTRY_OFFICE, 3)
		);

		assert_ok!(Credentials::suspend(RuntimeOrigin::signed(REGISTRY_OFFICE), credential(1)));
		System::assert_last_event(
			Event::Suspended { credential: credential(1), by: Some(REGISTRY_OFFICE) }.into(),
		);
		assert_ok!(Credentials::reinstate(RuntimeOrigin::signed(REGISTRY_OFFICE), credential(1)));
		System::assert_last_event(
			Event::Reinstated { credential: credential(1), by: Some(REGISTRY_OFFICE) }.into(),
		);
		// It also manages the credentials the issuer attested itself.
		attest(2);
		assert_ok!(Credentials::revoke(RuntimeOrigin::signed(REGISTRY_OFFICE), credential(2)));
		System::assert_last_event(
			Event::Revoked { credential: credential(2), by: Some(REGISTRY_OFFICE) }.into(),
		);
		assert_eq!(
			Attestations::<Test>::get(credential(2)).unwrap().status,
			CredentialStatus::Revoked(3)
		);
		assert_eq!(Credentials::verify(credential(1)).verdict, Verdict::Valid);
	});
}

#[test]
fn a_removed_delegate_is_refused() {
	ExtBuilder.build_and_execute(|| {
		open_schema();
		assert_ok!(add(UNIVERSITY, REGISTRY_OFFICE));
		assert_ok!(attest_as(REGISTRY_OFFICE, UNIVERSITY, 1));
		assert_ok!(remove(UNIVERSITY, REGISTRY_OFFICE));

		assert_noop!(attest_as(REGISTRY_OFFICE, UNIVERSITY, 2), Error::<Test>::NotAuthorised);
		for call in [Credentials::suspend, Credentials::revoke] {
			assert_noop!(
				call(RuntimeOrigin::signed(REGISTRY_OFFICE), credential(1)),
				Error::<Test>::NotAuthorised
			);
		}
		assert_ok!(Credentials::suspend(RuntimeOrigin::signed(UNIVERSITY), credential(1)));
		assert_noop!(
			Credentials::reinstate(RuntimeOrigin::signed(REGISTRY_OFFICE), credential(1)),
			Error::<Test>::NotAuthorised
		);
		// What it attested stays, attested by it.
		assert_eq!(Attestations::<Test>::get(credential(1)).unwrap().attester, REGISTRY_OFFICE);
	});
}

#[test]
fn a_delegate_acts_for_its_own_issuer_only() {
	ExtBuilder.build_and_execute(|| {
		open_schema();
		assert_ok!(Credentials::authorise_issuer(RuntimeOrigin::root(), schema(), INSTITUTE));
		assert_ok!(add(INSTITUTE, OTHER_CITIZEN));
		attest(1);

		assert_noop!(attest_as(OTHER_CITIZEN, UNIVERSITY, 2), Error::<Test>::NotAuthorised);
		for call in [Credentials::suspend, Credentials::revoke] {
			assert_noop!(
				call(RuntimeOrigin::signed(OTHER_CITIZEN), credential(1)),
				Error::<Test>::NotAuthorised
			);
		}
		// Nor in its own name.
		assert_noop!(attest_as(OTHER_CITIZEN, OTHER_CITIZEN, 2), Error::<Test>::NotAuthorised);
		// For its issuer it may.
		assert_ok!(attest_as(OTHER_CITIZEN, INSTITUTE, 2));
		assert_eq!(Attestations::<Test>::get(credential(2)).unwrap().issuer, INSTITUTE);
	});
}

#[test]
fn a_delegate_of_an_issuer_that_lost_its_role_is_refused() {
	ExtBuilder.build_and_execute(|| {
		open_schema();
		assert_ok!(add(UNIVERSITY, REGISTRY_OFFICE));
		attest(1);
		Register::suspend(&UNIVERSITY);
		assert_noop!(attest_as(REGISTRY_OFFICE, UNIVERSITY, 2), Error::<Test>::NotAuthorised);
		assert_noop!(
			Credentials::suspend(RuntimeOrigin::signed(REGISTRY_OFFICE), credential(1)),
			Error::<Test>::NotAuthorised
		);
	});
}

#[test]
fn a_suspended_delegate_no_longer_acts_for_its_issuer() {
	ExtBuilder.build_and_execute(|| {
		open_schema();
		assert_ok!(add(UNIVERSITY, REGISTRY_OFFICE));
		Register::suspend(&REGISTRY_OFFICE);
		assert_noop!(attest_as(REGISTRY_OFFICE, UNIVERSITY, 1), Error::<Test>::NotAuthorised);
	});
}

//! Verifying a credential hash, without a transaction.

use crate::{mock::*, *};
use frame_support::assert_ok;

/// [`UNIVERSITY`] attests credential `n` to [`HOLDER`] with these dates.
fn attest_dated(n: u8, valid_from: u64, valid_until: Option<u64>) {
	assert_ok!(Credentials::attest(
		RuntimeOrigin::signed(UNIVERSITY),
		UNIVERSITY,
		credential(n),
		schema(),
		HOLDER,
		valid_from,
		valid_until,
	));
}

fn verdict(n: u8) -> Verdict {
	Credentials::verify(credential(n)).verdict
}

#[test]
fn an_attested_credential_is_valid_with_its_record() {
	ExtBuilder.build_and_execute(|| {
		open_schema();
		run_to_block(2);
		attest(1);
		let verification = Credentials::verify(credential(1));
		assert_eq!(
			verification,
			Verification {
				verdict: Verdict::Valid,
				credential: Some(Credential {
					schema: schema(),
					issuer: UNIVERSITY,
					attester: UNIVERSITY,
					subject: HOLDER,
					valid_from: NOW - DAY,
					valid_until: Some(NOW + 365 * DAY),
					attested_at: 2,
					status: CredentialStatus::Active,
				}),
			}
		);
		assert_eq!(verification.credential, Attestations::<Test>::get(credential(1)));
	});
}

#[test]
fn an_unknown_hash_is_unknown_without_a_record() {
	ExtBuilder.build_and_execute(|| {
		assert_eq!(
			Credentials::verify(credential(1)),
			Verification { verdict: Verdict::Unknown, credential: None }
		);
		open_schema();
		attest(1);
		// An altered document hashes to another, unknown, hash.
		assert_eq!(
			Credentials::verify(credential(2)),
			Verification { verdict: Verdict::Unknown, credential: None }
		);
		assert_eq!(verdict(1), Verdict::Valid);
	});
}

#[test]
fn a_suspended_credential_is_suspended_until_reinstated() {
	ExtBuilder.build_and_execute(|| {
		open_schema();
		attest(1);
		run_to_block(3);
		assert_ok!(Credentials::suspend(RuntimeOrigin::signed(UNIVERSITY), credential(1)));
		let verification = Credentials::verify(credential(1));
		assert_eq!(verification.verdict, Verdict::Suspended);
		assert_eq!(verification.credential.unwrap().status, CredentialStatus::Suspended(3));
		assert_ok!(Credentials::reinstate(RuntimeOrigin::signed(UNIVERSITY), credential(1)));
		assert_eq!(verdict(1), Verdict::Valid);
	});
}

#[test]
fn a_revoked_credential_is_revoked_with_its_record() {
	ExtBuilder.build_and_execute(|| {
		open_schema();
		attest(1);
		run_to_block(4);
		assert_ok!(Credentials::revoke(RuntimeOrigin::root(), credential(1)));
		let verification = Credentials::verify(credential(1));
		assert_eq!(verification.verdict, Verdict::Revoked);
		assert_eq!(verification.credential, Attestations::<Test>::get(credential(1)));
		assert_eq!(verification.credential.unwrap().status, CredentialStatus::Revoked(4));
	});
}

#[test]
fn a_credential_is_not_yet_valid_before_its_start() {
	ExtBuilder.build_and_execute(|| {
		open_schema();
		attest_dated(1, NOW + DAY, Some(NOW + 10 * DAY));
		assert_eq!(verdict(1), Verdict::NotYetValid);
		assert_eq!(Credentials::verify(credential(1)).credential.unwrap().valid_from, NOW + DAY);
		Timestamp::set_timestamp(NOW + DAY - 1);
		assert_eq!(verdict(1), Verdict::NotYetValid);
		// Valid from its first millisecond.
		Timestamp::set_timestamp(NOW + DAY);
		assert_eq!(verdict(1), Verdict::Valid);
		Timestamp::set_timestamp(NOW + 2 * DAY);
		assert_eq!(verdict(1), Verdict::Valid);
	});
}

#[test]
fn a_credential_expires_at_its_end() {
	ExtBuilder.build_and_execute(|| {
		open_schema();
		let until = NOW + 30 * DAY;
		attest_dated(1, NOW - DAY, Some(until));
		Timestamp::set_timestamp(until - 1);
		assert_eq!(verdict(1), Verdict::Valid);
		// `validUntil` is the first millisecond it is no longer valid.
		Timestamp::set_timestamp(until);
		assert_eq!(verdict(1), Verdict::Expired);
		Timestamp::set_timestamp(until + 365 * DAY);
		let verification = Credentials::verify(credential(1));
		assert_eq!(verification.verdict, Verdict::Expired);
		// Expiry is read, not stored: the record is still active.
		assert_eq!(verification.credential.unwrap().status, CredentialStatus::Active);
	});
}

#[test]
fn status_prevails_over_dates() {
	ExtBuilder.build_and_execute(|| {
		open_schema();
		attest_dated(1, NOW + DAY, None);
		attest_dated(2, NOW - 2 * DAY, Some(NOW - DAY));
		assert_eq!((verdict(1), verdict(2)), (Verdict::NotYetValid, Verdict::Expired));
		assert_ok!(Credentials::suspend(RuntimeOrigin::root(), credential(1)));
		assert_ok!(Credentials::suspend(RuntimeOrigin::root(), credential(2)));
		assert_eq!((verdict(1), verdict(2)), (Verdict::Suspended, Verdict::Suspended));
		assert_ok!(Credentials::revoke(RuntimeOrigin::root(), credential(1)));
		assert_ok!(Credentials::revoke(RuntimeOrigin::root(), credential(2)));
		assert_eq!((verdict(1), verdict(2)), (Verdict::Revoked, Verdict::Revoked));
	});
}

#[test]
fn verifying_changes_nothing() {
	ExtBuilder.build_and_execute(|| {
		open_schema();
		attest(1);
		let root = sp_io::storage::root(sp_runtime::StateVersion::V1);
		let events = System::events().len();
		for n in [1, 2] {
			let _ = Credentials::verify(credential(n));
		}
		assert_eq!(sp_io::storage::root(sp_runtime::StateVersion::V1), root);
		assert_eq!(System::events().len(), events);
	});
}

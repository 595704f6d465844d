//! Attesting credentials.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};
use sp_core::H256;
use sp_runtime::DispatchError::BadOrigin;

/// `attester` attests credential `n` for `issuer` under `schema` to `subject`, with the dates.
fn attest_with(
	attester: AccountId,
	issuer: AccountId,
	n: u8,
	schema: H256,
	subject: AccountId,
	valid_from: u64,
	valid_until: Option<u64>,
) -> sp_runtime::DispatchResult {
	Credentials::attest(
		RuntimeOrigin::signed(attester),
		issuer,
		credential(n),
		schema,
		subject,
		valid_from,
		valid_until,
	)
}

/// [`UNIVERSITY`] attests credential `n` to `subject`, valid from now for a year.
fn attest_to(n: u8, subject: AccountId) -> sp_runtime::DispatchResult {
	attest_with(UNIVERSITY, UNIVERSITY, n, schema(), subject, NOW, Some(NOW + 365 * DAY))
}

#[test]
fn an_authorised_issuer_attests_a_credential() {
	ExtBuilder.build_and_execute(|| {
		open_schema();
		run_to_block(4);
		System::reset_events();
		assert_ok!(attest_with(
			UNIVERSITY,
			UNIVERSITY,
			1,
			schema(),
			HOLDER,
			NOW - DAY,
			Some(NOW + 365 * DAY)
		));
		assert_eq!(
			credentials_events(),
			vec![Event::Attested {
				credential: credential(1),
				issuer: UNIVERSITY,
				attester: UNIVERSITY,
				subject: HOLDER,
				schema: schema(),
			}]
		);
		assert_eq!(
			Attestations::<Test>::get(credential(1)),
			Some(Credential {
				schema: schema(),
				issuer: UNIVERSITY,
				attester: UNIVERSITY,
				subject: HOLDER,
				valid_from: NOW - DAY,
				valid_until: Some(NOW + 365 * DAY),
				attested_at: 4,
				status: CredentialStatus::Active,
			})
		);
		assert_eq!(Attestations::<Test>::iter().count(), 1);

		// An organisation may be a subject too.
		run_to_block(5);
		assert_ok!(attest_to(2, EMPLOYER));
		let record = Attestations::<Test>::get(credential(2)).unwrap();
		assert_eq!((record.subject, record.attested_at), (EMPLOYER, 5));
	});
}

#[test]
fn a_credential_without_end_date_is_attested() {
	ExtBuilder.build_and_execute(|| {
		open_schema();
		assert_ok!(attest_with(UNIVERSITY, UNIVERSITY, 1, schema(), HOLDER, NOW - DAY, None));
		assert_eq!(Attestations::<Test>::get(credential(1)).unwrap().valid_until, None);
		Timestamp::set_timestamp(NOW + 100 * 365 * DAY);
		assert_eq!(Credentials::verify(credential(1)).verdict, Verdict::Valid);
	});
}

#[test]
fn a_credential_is_attested_once() {
	ExtBuilder.build_and_execute(|| {
		open_schema();
		assert_ok!(Credentials::authorise_issuer(RuntimeOrigin::root(), schema(), INSTITUTE));
		attest(1);
		let record = Attestations::<Test>::get(credential(1)).unwrap();
		assert_noop!(attest_to(1, HOLDER), Error::<Test>::AlreadyAttested);
		assert_noop!(attest_to(1, OTHER_CITIZEN), Error::<Test>::AlreadyAttested);
		// Not by another issuer either.
		assert_noop!(
			attest_with(INSTITUTE, INSTITUTE, 1, schema(), OTHER_CITIZEN, NOW, None),
			Error::<Test>::AlreadyAttested
		);
		// Not even once revoked: a revoked hash stays revoked.
		assert_ok!(Credentials::revoke(RuntimeOrigin::root(), credential(1)));
		assert_noop!(attest_to(1, HOLDER), Error::<Test>::AlreadyAttested);
		assert_eq!(
			Attestations::<Test>::get(credential(1)),
			Some(Credential { status: CredentialStatus::Revoked(1), ..record })
		);
	});
}

#[test]
fn attest_refuses_unknown_and_deprecated_schemas() {
	ExtBuilder.build_and_execute(|| {
		open_schema();
		let unknown = H256::repeat_byte(0x77);
		assert_noop!(
			attest_with(UNIVERSITY, UNIVERSITY, 1, unknown, HOLDER, NOW, None),
			Error::<Test>::UnknownSchema
		);
		assert_ok!(Credentials::deprecate_schema(RuntimeOrigin::root(), schema()));
		assert_noop!(attest_to(1, HOLDER), Error::<Test>::SchemaDeprecated);
		assert_eq!(Attestations::<Test>::iter().count(), 0);
	});
}

#[test]
fn attest_refuses_whoever_may_not_issue_the_schema() {
	ExtBuilder.build_and_execute(|| {
		open_schema();
		// An issuer the city did not authorise for this schema.
		assert_noop!(
			attest_with(INSTITUTE, INSTITUTE, 1, schema(), HOLDER, NOW, None),
			Error::<Test>::NotAuthorised
		);
		// Accounts signing for the university without being it or its delegates.
		for who in [STRANGER, HOLDER, INSTITUTE, REGISTRY_OFFICE] {
			assert_noop!(
				attest_with(who, UNIVERSITY, 1, schema(), HOLDER, NOW, None),
				Error::<Test>::NotAuthorised
			);
		}
		// Accounts without the issuer role, in their own name.
		for who in [STRANGER, EMPLOYER] {
			assert_noop!(
				attest_with(who, who, 1, schema(), HOLDER, NOW, None),
				Error::<Test>::NotAuthorised
			);
		}
		// The university for an issuer it is not.
		assert_noop!(
			attest_with(UNIVERSITY, INSTITUTE, 1, schema(), HOLDER, NOW, None),
			Error::<Test>::NotAuthorised
		);
		// The university once the register took its role away.
		Register::suspend(&UNIVERSITY);
		assert_noop!(attest_to(1, HOLDER), Error::<Test>::NotAuthorised);
		for origin in [RuntimeOrigin::root(), RuntimeOrigin::none()] {
			assert_noop!(
				Credentials::attest(origin, UNIVERSITY, credential(1), schema(), HOLDER, NOW, None),
				BadOrigin
			);
		}
		assert_eq!(Attestations::<Test>::iter().count(), 0);
	});
}

#[test]
fn the_subject_must_be_an_active_member() {
	ExtBuilder.build_and_execute(|| {
		open_schema();
		assert_noop!(attest_to(1, STRANGER), Error::<Test>::NotMember);
		Register::suspend(&OTHER_CITIZEN);
		assert_noop!(attest_to(1, OTHER_CITIZEN), Error::<Test>::NotMember);
		assert_ok!(attest_to(1, HOLDER));
	});
}

#[test]
fn a_credential_ends_after_it_starts() {
	ExtBuilder.build_and_execute(|| {
		open_schema();
		for until in [NOW, NOW - 1, NOW - DAY, 0] {
			assert_noop!(
				attest_with(UNIVERSITY, UNIVERSITY, 1, schema(), HOLDER, NOW, Some(until)),
				Error::<Test>::BadValidity
			);
		}
		// A millisecond is enough; and the dates may lie in the past or the future.
		assert_ok!(attest_with(UNIVERSITY, UNIVERSITY, 1, schema(), HOLDER, NOW, Some(NOW + 1)));
		assert_ok!(attest_with(
			UNIVERSITY,
			UNIVERSITY,
			2,
			schema(),
			HOLDER,
			NOW - 10 * DAY,
			Some(NOW - 5 * DAY)
		));
		assert_ok!(attest_with(UNIVERSITY, UNIVERSITY, 3, schema(), HOLDER, NOW + DAY, None));
		assert_eq!(Credentials::verify(credential(1)).verdict, Verdict::Valid);
		assert_eq!(Credentials::verify(credential(2)).verdict, Verdict::Expired);
		assert_eq!(Credentials::verify(credential(3)).verdict, Verdict::NotYetValid);
	});
}

//! Registering, deprecating and authorising schemas.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok, BoundedVec};
use sp_core::H256;
use sp_runtime::DispatchError::BadOrigin;

/// A second schema hash, never registered unless a test does it.
fn other_schema() -> H256 {
	H256::repeat_byte(0x5d)
}

fn name(bytes: &[u8]) -> BoundedVec<u8, <Test as Config>::MaxNameLength> {
	bytes.to_vec().try_into().expect("the name fits")
}

fn register(schema: H256, name: &[u8]) -> sp_runtime::DispatchResult {
	Credentials::register_schema(RuntimeOrigin::root(), schema, name.to_vec())
}

fn attest_by(who: AccountId, n: u8, schema: H256) -> sp_runtime::DispatchResult {
	Credentials::attest(
		RuntimeOrigin::signed(who),
		who,
		credential(n),
		schema,
		HOLDER,
		NOW - DAY,
		Some(NOW + DAY),
	)
}

#[test]
fn the_city_registers_a_schema() {
	ExtBuilder.build_and_execute(|| {
		run_to_block(7);
		assert_ok!(register(schema(), b"Bachelor degree"));
		assert_eq!(
			Schemas::<Test>::get(schema()),
			Some(Schema {
				name: name(b"Bachelor degree"),
				status: SchemaStatus::Active,
				registered_at: 7,
			})
		);
		assert_eq!(
			credentials_events(),
			vec![Event::SchemaRegistered { schema: schema(), name: name(b"Bachelor degree") }]
		);
		// Registering authorises nobody.
		assert_eq!(SchemaIssuers::<Test>::iter().count(), 0);
		assert_noop!(attest_by(UNIVERSITY, 1, schema()), Error::<Test>::NotAuthorised);

		// A name of exactly `MaxNameLength` bytes, and a name in Hangul, are good names.
		run_to_block(8);
		assert_ok!(register(other_schema(), &[b'a'; 32]));
		assert_eq!(Schemas::<Test>::get(other_schema()).unwrap().name.to_vec(), vec![b'a'; 32]);
		assert_eq!(Schemas::<Test>::get(other_schema()).unwrap().registered_at, 8);
		let hangul = "학사 학위".as_bytes();
		assert_ok!(register(H256::repeat_byte(0x5e), hangul));
		System::assert_last_event(
			Event::SchemaRegistered { schema: H256::repeat_byte(0x5e), name: name(hangul) }.into(),
		);
		assert_eq!(Schemas::<Test>::iter().count(), 3);
	});
}

#[test]
fn only_the_city_registers_a_schema() {
	ExtBuilder.build_and_execute(|| {
		for who in [UNIVERSITY, HOLDER, STRANGER] {
			assert_noop!(
				Credentials::register_schema(
					RuntimeOrigin::signed(who),
					schema(),
					b"Bachelor degree".to_vec()
				),
				BadOrigin
			);
		}
		assert_noop!(
			Credentials::register_schema(RuntimeOrigin::none(), schema(), b"x".to_vec()),
			BadOrigin
		);
		assert!(!Schemas::<Test>::contains_key(schema()));
	});
}

#[test]
fn register_refuses_bad_names() {
	ExtBuilder.build_and_execute(|| {
		// Empty, one byte too long, not UTF-8, and a truncated UTF-8 sequence.
		for bad in [&b""[..], &[b'a'; 33], b"\xff\xfe", b"Degree \xed\x95"] {
			assert_noop!(register(schema(), bad), Error::<Test>::BadName);
		}
		// A long name of valid UTF-8 is still too long: 11 syllables of 3 bytes are 33 bytes.
		assert_noop!(register(schema(), "가".repeat(11).as_bytes()), Error::<Test>::BadName);
		assert_ok!(register(schema(), "가".repeat(10).as_bytes()));
	});
}

#[test]
fn a_schema_is_registered_once() {
	ExtBuilder.build_and_execute(|| {
		assert_ok!(register(schema(), b"Bachelor degree"));
		assert_noop!(register(schema(), b"Master degree"), Error::<Test>::SchemaExists);
		assert_noop!(register(schema(), b"Bachelor degree"), Error::<Test>::SchemaExists);
		assert_ok!(Credentials::deprecate_schema(RuntimeOrigin::root(), schema()));
		assert_noop!(register(schema(), b"Bachelor degree"), Error::<Test>::SchemaExists);
		assert_eq!(Schemas::<Test>::get(schema()).unwrap().name, name(b"Bachelor degree"));
	});
}

#[test]
fn the_city_deprecates_a_schema() {
	ExtBuilder.build_and_execute(|| {
		open_schema();
		run_to_block(5);
		System::reset_events();
		assert_ok!(Credentials::deprecate_schema(RuntimeOrigin::root(), schema()));
		assert_eq!(credentials_events(), vec![Event::SchemaDeprecated { schema: schema() }]);
		assert_eq!(
			Schemas::<Test>::get(schema()),
			Some(Schema {
				name: name(b"Bachelor degree"),
				status: SchemaStatus::Deprecated,
				registered_at: 1,
			})
		);
		// The issuers' authorisations are kept; they just cannot use them.
		assert!(SchemaIssuers::<Test>::contains_key(schema(), UNIVERSITY));
	});
}

#[test]
fn deprecate_refuses_unknown_deprecated_schemas_and_others_than_the_city() {
	ExtBuilder.build_and_execute(|| {
		assert_noop!(
			Credentials::deprecate_schema(RuntimeOrigin::root(), schema()),
			Error::<Test>::UnknownSchema
		);
		open_schema();
		for who in [UNIVERSITY, HOLDER, STRANGER] {
			assert_noop!(
				Credentials::deprecate_schema(RuntimeOrigin::signed(who), schema()),
				BadOrigin
			);
		}
		assert_noop!(Credentials::deprecate_schema(RuntimeOrigin::none(), schema()), BadOrigin);
		assert_eq!(Schemas::<Test>::get(schema()).unwrap().status, SchemaStatus::Active);

		assert_ok!(Credentials::deprecate_schema(RuntimeOrigin::root(), schema()));
		assert_noop!(
			Credentials::deprecate_schema(RuntimeOrigin::root(), schema()),
			Error::<Test>::SchemaDeprecated
		);
	});
}

#[test]
fn a_deprecated_schema_takes_no_new_credentials_or_issuers_but_keeps_its_credentials() {
	ExtBuilder.build_and_execute(|| {
		open_schema();
		attest(1);
		assert_ok!(Credentials::deprecate_schema(RuntimeOrigin::root(), schema()));

		assert_noop!(attest_by(UNIVERSITY, 2, schema()), Error::<Test>::SchemaDeprecated);
		assert_noop!(
			Credentials::authorise_issuer(RuntimeOrigin::root(), schema(), INSTITUTE),
			Error::<Test>::SchemaDeprecated
		);

		assert_eq!(Credentials::verify(credential(1)).verdict, Verdict::Valid);
		assert_eq!(
			Attestations::<Test>::get(credential(1)).unwrap().status,
			CredentialStatus::Active
		);
		// Their status still changes, and the holder still submits them.
		assert_ok!(Credentials::suspend(RuntimeOrigin::signed(UNIVERSITY), credential(1)));
		assert_eq!(Credentials::verify(credential(1)).verdict, Verdict::Suspended);
		assert_ok!(Credentials::reinstate(RuntimeOrigin::signed(UNIVERSITY), credential(1)));
		assert_ok!(Credentials::submit(
			RuntimeOrigin::signed(HOLDER),
			EMPLOYER,
			vec![credential(1)].try_into().unwrap(),
			H256::repeat_byte(0xaa),
		));
		assert_eq!(Credentials::verify(credential(1)).verdict, Verdict::Valid);
	});
}

#[test]
fn the_city_authorises_an_issuer() {
	ExtBuilder.build_and_execute(|| {
		assert_ok!(register(schema(), b"Bachelor degree"));
		System::reset_events();
		assert_ok!(Credentials::authorise_issuer(RuntimeOrigin::root(), schema(), INSTITUTE));
		assert_eq!(
			credentials_events(),
			vec![Event::IssuerAuthorised { schema: schema(), issuer: INSTITUTE }]
		);
		assert_eq!(SchemaIssuers::<Test>::get(schema(), INSTITUTE), Some(()));
		assert!(!SchemaIssuers::<Test>::contains_key(schema(), UNIVERSITY));
		assert_ok!(attest_by(INSTITUTE, 1, schema()));
		assert_eq!(Attestations::<Test>::get(credential(1)).unwrap().issuer, INSTITUTE);

		// The authorisation is for that schema only.
		assert_ok!(register(other_schema(), b"Master degree"));
		assert_noop!(attest_by(INSTITUTE, 2, other_schema()), Error::<Test>::NotAuthorised);
	});
}

#[test]
fn only_active_credential_issuers_are_authorised() {
	ExtBuilder.build_and_execute(|| {
		assert_ok!(register(schema(), b"Bachelor degree"));
		// An employer, a citizen and an unregistered account do not hold the role.
		for who in [EMPLOYER, HOLDER, STRANGER] {
			assert_noop!(
				Credentials::authorise_issuer(RuntimeOrigin::root(), schema(), who),
				Error::<Test>::NotCredentialIssuer
			);
		}
		Register::suspend(&INSTITUTE);
		assert_noop!(
			Credentials::authorise_issuer(RuntimeOrigin::root(), schema(), INSTITUTE),
			Error::<Test>::NotCredentialIssuer
		);
		assert_eq!(SchemaIssuers::<Test>::iter().count(), 0);
	});
}

#[test]
fn authorise_refuses_twice_unknown_schemas_and_others_than_the_city() {
	ExtBuilder.build_and_execute(|| {
		assert_noop!(
			Credentials::authorise_issuer(RuntimeOrigin::root(), schema(), UNIVERSITY),
			Error::<Test>::UnknownSchema
		);
		open_schema();
		assert_noop!(
			Credentials::authorise_issuer(RuntimeOrigin::root(), schema(), UNIVERSITY),
			Error::<Test>::AlreadyAuthorised
		);
		for who in [UNIVERSITY, INSTITUTE, STRANGER] {
			assert_noop!(
				Credentials::authorise_issuer(RuntimeOrigin::signed(who), schema(), INSTITUTE),
				BadOrigin
			);
		}
		assert_noop!(
			Credentials::authorise_issuer(RuntimeOrigin::none(), schema(), INSTITUTE),
			BadOrigin
		);
		assert!(!SchemaIssuers::<Test>::contains_key(schema(), INSTITUTE));
	});
}

#[test]
fn the_city_deauthorises_an_issuer_whose_credentials_stay() {
	ExtBuilder.build_and_execute(|| {
		open_schema();
		attest(1);
		System::reset_events();
		assert_ok!(Credentials::deauthorise_issuer(RuntimeOrigin::root(), schema(), UNIVERSITY));
		assert_eq!(
			credentials_events(),
			vec![Event::IssuerDeauthorised { schema: schema(), issuer: UNIVERSITY }]
		);
		assert!(!SchemaIssuers::<Test>::contains_key(schema(), UNIVERSITY));

		assert_noop!(attest_by(UNIVERSITY, 2, schema()), Error::<Test>::NotAuthorised);
		assert_eq!(Credentials::verify(credential(1)).verdict, Verdict::Valid);
		assert_eq!(Attestations::<Test>::get(credential(1)).unwrap().issuer, UNIVERSITY);
		// The issuer still manages the credentials it attested.
		assert_ok!(Credentials::revoke(RuntimeOrigin::signed(UNIVERSITY), credential(1)));
		assert_eq!(Credentials::verify(credential(1)).verdict, Verdict::Revoked);

		// And the city may authorise it again.
		assert_ok!(Credentials::authorise_issuer(RuntimeOrigin::root(), schema(), UNIVERSITY));
		assert_ok!(attest_by(UNIVERSITY, 2, schema()));
	});
}

#[test]
fn deauthorise_refuses_unauthorised_issuers_and_others_than_the_city() {
	ExtBuilder.build_and_execute(|| {
		open_schema();
		for who in [UNIVERSITY, INSTITUTE, STRANGER] {
			assert_noop!(
				Credentials::deauthorise_issuer(RuntimeOrigin::signed(who), schema(), UNIVERSITY),
				BadOrigin
			);
		}
		assert_noop!(
			Credentials::deauthorise_issuer(RuntimeOrigin::none(), schema(), UNIVERSITY),
			BadOrigin
		);
		assert_noop!(
			Credentials::deauthorise_issuer(RuntimeOrigin::root(), schema(), INSTITUTE),
			Error::<Test>::NotAuthorised
		);
		assert_noop!(
			Credentials::deauthorise_issuer(RuntimeOrigin::root(), other_schema(), UNIVERSITY),
			Error::<Test>::NotAuthorised
		);
		assert_ok!(Credentials::deauthorise_issuer(RuntimeOrigin::root(), schema(), UNIVERSITY));
		assert_noop!(
			Credentials::deauthorise_issuer(RuntimeOrigin::root(), schema(), UNIVERSITY),
			Error::<Test>::NotAuthorised
		);
	});
}

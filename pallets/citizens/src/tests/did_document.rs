//! The member's DID document: keys, services and the registrar's recovery.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};
use sp_runtime::DispatchError::BadOrigin;

fn citizen() -> RuntimeOrigin {
	RuntimeOrigin::signed(account(CITIZEN))
}

fn ed_key(n: u8) -> AuthenticationKey {
	AuthenticationKey::Ed25519([n; 32])
}

fn document() -> DidDocumentOf<Test> {
	DidDocuments::<Test>::get(account(CITIZEN)).unwrap()
}

#[test]
fn a_member_adds_and_removes_keys() {
	ExtBuilder::default().build_and_execute(|| {
		System::set_block_number(3);
		assert_ok!(Citizens::add_authentication_key(citizen(), ed_key(1)));
		assert_eq!(document().authentication.to_vec(), vec![key(CITIZEN), ed_key(1)]);
		assert_eq!(document().updated_at, 3);
		assert_ok!(Citizens::remove_authentication_key(citizen(), key(CITIZEN)));
		assert_eq!(document().authentication.to_vec(), vec![ed_key(1)]);
		assert_eq!(
			citizens_events(),
			vec![
				Event::AuthenticationKeyAdded { member: account(CITIZEN), key: ed_key(1) },
				Event::AuthenticationKeyRemoved { member: account(CITIZEN), key: key(CITIZEN) },
			]
		);
	});
}

#[test]
fn key_changes_refuse_bad_input() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			Citizens::add_authentication_key(citizen(), key(CITIZEN)),
			Error::<Test>::DuplicateKey
		);
		assert_noop!(
			Citizens::remove_authentication_key(citizen(), key(CITIZEN)),
			Error::<Test>::NoKeys
		);
		assert_noop!(
			Citizens::remove_authentication_key(citizen(), ed_key(9)),
			Error::<Test>::UnknownKey
		);
		for n in 1..=3 {
			assert_ok!(Citizens::add_authentication_key(citizen(), ed_key(n)));
		}
		assert_noop!(
			Citizens::add_authentication_key(citizen(), ed_key(4)),
			Error::<Test>::TooManyKeys
		);
	});
}

#[test]
fn document_changes_need_an_active_member() {
	ExtBuilder::default().build_and_execute(|| {
		let stranger = || RuntimeOrigin::signed(account(STRANGER));
		assert_noop!(
			Citizens::add_authentication_key(stranger(), ed_key(1)),
			Error::<Test>::NotMember
		);
		assert_noop!(
			Citizens::remove_authentication_key(stranger(), ed_key(1)),
			Error::<Test>::NotMember
		);
		assert_noop!(
			Citizens::add_service(
				stranger(),
				b"hub".to_vec(),
				b"LinkedDomains".to_vec(),
				b"https://a".to_vec()
			),
			Error::<Test>::NotMember
		);
		assert_noop!(
			Citizens::remove_service(stranger(), b"hub".to_vec()),
			Error::<Test>::NotMember
		);
		assert_noop!(Citizens::add_authentication_key(RuntimeOrigin::root(), ed_key(1)), BadOrigin);

		assert_ok!(Citizens::suspend(RuntimeOrigin::root(), account(CITIZEN)));
		assert_noop!(
			Citizens::add_authentication_key(citizen(), ed_key(1)),
			Error::<Test>::Suspended
		);
		assert_noop!(
			Citizens::add_service(
				citizen(),
				b"hub".to_vec(),
				b"LinkedDomains".to_vec(),
				b"https://a".to_vec()
			),
			Error::<Test>::Suspended
		);
		assert_ok!(Citizens::revoke(RuntimeOrigin::root(), account(CITIZEN)));
		assert_noop!(
			Citizens::add_authentication_key(citizen(), ed_key(1)),
			Error::<Test>::Revoked
		);
		assert_noop!(Citizens::remove_service(citizen(), b"hub".to_vec()), Error::<Test>::Revoked);
	});
}

#[test]
fn a_member_adds_and_removes_services() {
	ExtBuilder::default().build_and_execute(|| {
		let merchant = RuntimeOrigin::signed(account(MERCHANT));
		assert_ok!(Citizens::add_service(
			merchant.clone(),
			b"shop".to_vec(),
			b"LinkedDomains".to_vec(),
			b"https://bakery.example".to_vec()
		));
		let services = DidDocuments::<Test>::get(account(MERCHANT)).unwrap().services;
		assert_eq!(services.len(), 1);
		assert_eq!(services[0].id.as_slice(), b"shop");
		assert_eq!(services[0].service_type.as_slice(), b"LinkedDomains");
		assert_eq!(services[0].endpoint.as_slice(), b"https://bakery.example");
		assert_ok!(Citizens::remove_service(merchant, b"shop".to_vec()));
		assert!(DidDocuments::<Test>::get(account(MERCHANT)).unwrap().services.is_empty());
		assert_eq!(
			citizens_events(),
			vec![
				Event::ServiceAdded { member: account(MERCHANT), id: b"shop".to_vec() },
				Event::ServiceRemoved { member: account(MERCHANT), id: b"shop".to_vec() },
			]
		);
	});
}

#[test]
fn service_changes_refuse_bad_input() {
	ExtBuilder::default().build_and_execute(|| {
		let add = |id: &[u8], service_type: &[u8], endpoint: Vec<u8>| {
			Citizens::add_service(citizen(), id.to_vec(), service_type.to_vec(), endpoint)
		};
		let url = || b"https://example.org".to_vec();
		assert_noop!(add(b"", b"LinkedDomains", url()), Error::<Test>::BadServiceField);
		assert_noop!(add(&[b'x'; 33], b"LinkedDomains", url()), Error::<Test>::BadServiceField);
		assert_noop!(add(b"hub", b"", url()), Error::<Test>::BadServiceField);
		assert_noop!(add(b"hub", &[b'x'; 33], url()), Error::<Test>::BadServiceField);
		assert_noop!(add(b"hub", b"LinkedDomains", vec![]), Error::<Test>::BadEndpoint);
		assert_noop!(add(b"hub", b"LinkedDomains", vec![b'x'; 129]), Error::<Test>::BadEndpoint);
		for bad_id in [&b"a#b"[..], b"a b", b"caf\xc3\xa9", b"a\n"] {
			assert_noop!(add(bad_id, b"LinkedDomains", url()), Error::<Test>::BadServiceField);
			assert_noop!(add(b"hub", bad_id, url()), Error::<Test>::BadServiceField);
		}
		for bad_endpoint in [&b"https://a b"[..], b"https://\xc3\xa9", b"https://a\n"] {
			assert_noop!(
				add(b"hub", b"LinkedDomains", bad_endpoint.to_vec()),
				Error::<Test>::BadEndpoint
			);
		}
		assert_ok!(add(&[b'x'; 32], &[b'y'; 32], vec![b'z'; 128]));
		assert_noop!(add(&[b'x'; 32], b"LinkedDomains", url()), Error::<Test>::DuplicateService);
		for id in [b"a", b"b", b"c"] {
			assert_ok!(add(id, b"LinkedDomains", url()));
		}
		assert_noop!(add(b"d", b"LinkedDomains", url()), Error::<Test>::TooManyServices);
		assert_noop!(
			Citizens::remove_service(citizen(), b"unknown".to_vec()),
			Error::<Test>::UnknownService
		);
	});
}

#[test]
fn the_city_rotates_the_keys_of_a_member_who_lost_their_card_at_once() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Citizens::add_authentication_key(citizen(), ed_key(1)));
		System::set_block_number(4);
		assert_ok!(Citizens::rotate_authentication_keys(
			RuntimeOrigin::root(),
			account(CITIZEN),
			vec![key(50), ed_key(2)]
		));
		assert_eq!(document().authentication.to_vec(), vec![key(50), ed_key(2)]);
		assert_eq!(document().updated_at, 4);
		assert_eq!(
			citizens_events().last(),
			Some(&Event::AuthenticationKeysRotated { member: account(CITIZEN), keys: 2 })
		);
		// Recovery works for a suspended member too, before reinstatement.
		assert_ok!(Citizens::suspend(RuntimeOrigin::root(), account(CITIZEN)));
		assert_ok!(Citizens::rotate_authentication_keys(
			RuntimeOrigin::root(),
			account(CITIZEN),
			vec![key(51)]
		));
		assert_eq!(document().authentication.to_vec(), vec![key(51)]);
	});
}

#[test]
fn rotation_refuses_bad_origin_and_input() {
	ExtBuilder::default().build_and_execute(|| {
		let registrar = || RuntimeOrigin::signed(account(REGISTRAR));
		assert_noop!(
			Citizens::rotate_authentication_keys(citizen(), account(CITIZEN), vec![key(50)]),
			BadOrigin
		);
		assert_noop!(
			Citizens::rotate_authentication_keys(registrar(), account(STRANGER), vec![key(50)]),
			Error::<Test>::NotMember
		);
		assert_noop!(
			Citizens::rotate_authentication_keys(
				registrar(),
				account(OTHER_REGISTRAR),
				vec![key(50)]
			),
			Error::<Test>::CityOnly
		);
		assert_noop!(
			Citizens::rotate_authentication_keys(registrar(), account(CITIZEN), vec![]),
			Error::<Test>::NoKeys
		);
		assert_noop!(
			Citizens::rotate_authentication_keys(registrar(), account(CITIZEN), vec![key(50); 5]),
			Error::<Test>::TooManyKeys
		);
		assert_noop!(
			Citizens::rotate_authentication_keys(
				registrar(),
				account(CITIZEN),
				vec![key(50), key(50)]
			),
			Error::<Test>::DuplicateKey
		);
		assert_ok!(Citizens::revoke(registrar(), account(CITIZEN)));
		assert_noop!(
			Citizens::rotate_authentication_keys(registrar(), account(CITIZEN), vec![key(50)]),
			Error::<Test>::Revoked
		);
	});
}

//! Registering ZeroPay merchants.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};
use sp_runtime::DispatchError::BadOrigin;

fn zeropay_id(bytes: &[u8]) -> ZeroPayIdOf<Test> {
	reference(bytes)
}

fn register(n: u8, id: &[u8], category: MerchantCategoryCode) -> sp_runtime::DispatchResult {
	SCoin::register_merchant(RuntimeOrigin::signed(account(n)), reference(id), category)
}

#[test]
fn a_merchant_registers_its_zeropay_id() {
	ExtBuilder::default().build_and_execute(|| {
		run_to_block(6);
		assert_ok!(register(MERCHANT, b"ZP-0001.a_b~c", 5411));
		assert_eq!(
			Merchants::<Test>::get(account(MERCHANT)),
			Some(MerchantProfile {
				zeropay_id: reference(b"ZP-0001.a_b~c"),
				category: 5411,
				registered_at: 6,
			})
		);
		assert_eq!(ZeroPayIds::<Test>::get(zeropay_id(b"ZP-0001.a_b~c")), Some(account(MERCHANT)));
		assert_eq!(
			scoin_events(),
			vec![Event::MerchantRegistered {
				merchant: account(MERCHANT),
				zeropay_id: reference(b"ZP-0001.a_b~c"),
				category: 5411,
			}]
		);
		// Categories run from 0 to 9999.
		assert_ok!(register(OTHER_MERCHANT, b"ZP-2", 9999));
		assert_eq!(Merchants::<Test>::get(account(OTHER_MERCHANT)).unwrap().category, 9999);
	});
}

#[test]
fn only_active_members_holding_the_merchant_role_register() {
	ExtBuilder::default().build_and_execute(|| {
		Register::add(&account(30), MemberKind::Merchant, &[]);
		for n in [CITIZEN, AGENCY, STRANGER, 30] {
			assert_noop!(register(n, b"ZP-1", 5411), Error::<Test>::NotMerchant);
		}
		Register::suspend(&account(MERCHANT));
		assert_noop!(register(MERCHANT, b"ZP-1", 5411), Error::<Test>::NotMerchant);
		Register::take_roles(&account(OTHER_MERCHANT));
		assert_noop!(register(OTHER_MERCHANT, b"ZP-1", 5411), Error::<Test>::NotMerchant);
		assert_noop!(
			SCoin::register_merchant(RuntimeOrigin::none(), reference(b"ZP-1"), 5411),
			BadOrigin
		);
	});
}

#[test]
fn register_refuses_bad_ids_and_categories() {
	ExtBuilder::default().build_and_execute(|| {
		for id in [&b""[..], b"ZP 1", b"ZP/1", b"ZP&1", b"ZP=1", b"\xea\xb0\x80", b"ZP%201"] {
			assert_noop!(register(MERCHANT, id, 5411), Error::<Test>::BadReference);
		}
		assert_noop!(register(MERCHANT, b"ZP-1", 10_000), Error::<Test>::BadCategory);
		assert_noop!(register(MERCHANT, b"ZP-1", u16::MAX), Error::<Test>::BadCategory);
	});
}

#[test]
fn a_merchant_registers_once_and_an_id_belongs_to_one_merchant() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(register(MERCHANT, b"ZP-1", 5411));
		assert_noop!(register(MERCHANT, b"ZP-2", 5411), Error::<Test>::AlreadyMerchant);
		assert_noop!(register(MERCHANT, b"ZP-1", 5411), Error::<Test>::AlreadyMerchant);
		assert_noop!(register(OTHER_MERCHANT, b"ZP-1", 5812), Error::<Test>::ZeroPayIdTaken);
		// Ids are case sensitive bytes.
		assert_ok!(register(OTHER_MERCHANT, b"zp-1", 5812));
		assert_eq!(ZeroPayIds::<Test>::get(zeropay_id(b"zp-1")), Some(account(OTHER_MERCHANT)));
	});
}

#[test]
fn a_merchant_deregisters_and_its_id_is_free_again() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(register(MERCHANT, b"ZP-1", 5411));
		assert_ok!(SCoin::deregister_merchant(RuntimeOrigin::signed(account(MERCHANT))));
		System::assert_last_event(
			Event::MerchantDeregistered {
				merchant: account(MERCHANT),
				zeropay_id: reference(b"ZP-1"),
			}
			.into(),
		);
		assert!(!Merchants::<Test>::contains_key(account(MERCHANT)));
		assert!(!ZeroPayIds::<Test>::contains_key(zeropay_id(b"ZP-1")));
		assert_noop!(
			SCoin::deregister_merchant(RuntimeOrigin::signed(account(MERCHANT))),
			Error::<Test>::UnknownMerchant
		);

		assert_ok!(register(OTHER_MERCHANT, b"ZP-1", 5812));
		assert_eq!(ZeroPayIds::<Test>::get(zeropay_id(b"ZP-1")), Some(account(OTHER_MERCHANT)));
		// And the merchant registers again, under another id.
		assert_ok!(register(MERCHANT, b"ZP-3", 5411));
		assert_eq!(
			Merchants::<Test>::get(account(MERCHANT)).unwrap().zeropay_id,
			zeropay_id(b"ZP-3")
		);
	});
}

#[test]
fn deregister_refuses_strangers() {
	ExtBuilder::default().build_and_execute(|| {
		for n in [MERCHANT, CITIZEN, STRANGER] {
			assert_noop!(
				SCoin::deregister_merchant(RuntimeOrigin::signed(account(n))),
				Error::<Test>::UnknownMerchant
			);
		}
		assert_noop!(SCoin::deregister_merchant(RuntimeOrigin::none()), BadOrigin);
	});
}

#[test]
fn a_merchant_who_lost_its_role_may_still_deregister() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(register(MERCHANT, b"ZP-1", 5411));
		Register::take_roles(&account(MERCHANT));
		assert_ok!(SCoin::deregister_merchant(RuntimeOrigin::signed(account(MERCHANT))));
		assert_eq!(Merchants::<Test>::iter().count(), 0);
		assert_eq!(ZeroPayIds::<Test>::iter().count(), 0);
	});
}

//! Paying merchants' signed payment requests.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};
use sp_core::{ed25519, Pair};
use sp_runtime::{DispatchError::BadOrigin, MultiSignature, TokenError};

/// What [`CITIZEN`] holds in these tests.
const FUNDS: Balance = 500;

/// Registers [`MERCHANT`] and [`OTHER_MERCHANT`] with ZeroPay and funds [`CITIZEN`].
pub(super) fn setup() {
	register_with_zeropay(MERCHANT);
	register_with_zeropay(OTHER_MERCHANT);
	fund(CITIZEN, FUNDS);
	System::reset_events();
}

pub(super) fn pay(
	payer: u8,
	request: PaymentRequestOf<Test>,
	signature: MultiSignature,
) -> sp_runtime::DispatchResult {
	SCoin::pay(RuntimeOrigin::signed(account(payer)), request, signature)
}

/// `request`, signed by its merchant.
fn pay_signed(payer: u8, request: PaymentRequestOf<Test>) -> sp_runtime::DispatchResult {
	let signature = sign(MERCHANT, &request);
	pay(payer, request, signature)
}

#[test]
fn a_citizen_pays_a_signed_request() {
	ExtBuilder::default().build_and_execute(|| {
		setup();
		run_to_block(3);
		let request = PaymentRequest {
			merchant: account(MERCHANT),
			amount: 120,
			order_reference: reference(b"INV-2024.07_31~x"),
			expiry: 13,
			nonce: 77,
		};
		let signature = sign(MERCHANT, &request);
		assert_ok!(pay(CITIZEN, request, signature));
		assert_eq!(
			scoin_events(),
			vec![Event::Paid {
				merchant: account(MERCHANT),
				payer: account(CITIZEN),
				amount: 120,
				order_reference: reference(b"INV-2024.07_31~x"),
				nonce: 77,
			}]
		);
		assert_eq!(balance(CITIZEN), FUNDS - 120);
		assert_eq!(balance(MERCHANT), 120);
		assert_eq!(PaidRequests::<Test>::get(account(MERCHANT), 77u64), Some(13));
		assert_eq!(PaidRequests::<Test>::iter().count(), 1);
		// A payment moves S-coins; it mints and burns nothing.
		assert_eq!(issuance(), GENESIS_ISSUANCE);
		assert_eq!(
			Supply::<Test>::get(),
			SupplyLedger { genesis: GENESIS_ISSUANCE, ..Default::default() }
		);
	});
}

#[test]
fn anyone_may_pay_and_may_spend_its_whole_balance() {
	ExtBuilder::default().build_and_execute(|| {
		setup();
		assert_ok!(pay_signed(STRANGER, payment_request(MERCHANT, 1_000, 1)));
		assert_eq!(balance(STRANGER), GENESIS_ISSUANCE - FUNDS - 1_000);
		assert_ok!(pay_signed(CITIZEN, payment_request(MERCHANT, FUNDS, 2)));
		assert_eq!(balance(CITIZEN), 0);
		assert!(!System::account_exists(&account(CITIZEN)));
		assert_eq!(balance(MERCHANT), 1_000 + FUNDS);
		assert_eq!(issuance(), GENESIS_ISSUANCE);
	});
}

#[test]
fn a_request_is_paid_once() {
	ExtBuilder::default().build_and_execute(|| {
		setup();
		let request = payment_request(MERCHANT, 100, 5);
		let signature = sign(MERCHANT, &request);
		assert_ok!(pay(CITIZEN, request.clone(), signature.clone()));
		assert_noop!(pay(CITIZEN, request.clone(), signature.clone()), Error::<Test>::AlreadyPaid);
		assert_noop!(pay(STRANGER, request, signature), Error::<Test>::AlreadyPaid);
		// Even a new request reusing the nonce.
		let mut reused = payment_request(MERCHANT, 30, 5);
		reused.order_reference = reference(b"ORDER-2");
		assert_noop!(pay_signed(CITIZEN, reused), Error::<Test>::AlreadyPaid);
		assert_eq!(balance(CITIZEN), FUNDS - 100);
		// Nonces are each merchant's own.
		let other = payment_request(OTHER_MERCHANT, 30, 5);
		let signature = sign(OTHER_MERCHANT, &other);
		assert_ok!(pay(CITIZEN, other, signature));
		assert_eq!(PaidRequests::<Test>::iter().count(), 2);
	});
}

#[test]
fn a_signature_by_another_key_is_refused() {
	ExtBuilder::default().build_and_execute(|| {
		setup();
		let request = payment_request(MERCHANT, 100, 1);
		for signer in [OTHER_MERCHANT, CITIZEN, STRANGER] {
			let forged = sign(signer, &request);
			assert_noop!(pay(CITIZEN, request.clone(), forged), Error::<Test>::BadSignature);
		}
		let ed25519_forgery = MultiSignature::Ed25519(
			ed25519::Pair::from_seed(&[MERCHANT; 32])
				.sign(&qr::signing_payload(System::block_hash(0).as_ref(), &request)),
		);
		assert_noop!(pay(CITIZEN, request, ed25519_forgery), Error::<Test>::BadSignature);
	});
}

#[test]
fn a_request_altered_after_signing_is_refused() {
	ExtBuilder::default().build_and_execute(|| {
		setup();
		let request = payment_request(MERCHANT, 100, 1);
		let signature = sign(MERCHANT, &request);
		let alterations: [fn(&mut PaymentRequestOf<Test>); 5] = [
			|r| r.amount = 99,
			|r| r.order_reference = reference(b"ORDER-2"),
			|r| r.nonce = 2,
			|r| r.expiry -= 1,
			|r| r.merchant = account(OTHER_MERCHANT),
		];
		for alter in alterations {
			let mut altered = request.clone();
			alter(&mut altered);
			assert_noop!(pay(CITIZEN, altered, signature.clone()), Error::<Test>::BadSignature);
		}
		// The request as signed is paid.
		assert_ok!(pay(CITIZEN, request, signature));
	});
}

#[test]
fn a_request_signed_for_another_chain_is_refused() {
	ExtBuilder::default().build_and_execute(|| {
		setup();
		let request = payment_request(MERCHANT, 100, 1);
		let genesis_hash = System::block_hash(0);
		assert_ne!(genesis_hash, sp_core::H256::zero());
		for other_chain in [[0u8; 32], [1u8; 32]] {
			let signature = sign_for(&other_chain, MERCHANT, &request);
			assert_noop!(pay(CITIZEN, request.clone(), signature), Error::<Test>::BadSignature);
		}
		// Without the domain prefix, too.
		let mut bare = genesis_hash.as_ref().to_vec();
		bare.extend(codec::Encode::encode(&request));
		let signature = MultiSignature::Sr25519(pair(MERCHANT).sign(&bare));
		assert_noop!(pay(CITIZEN, request, signature), Error::<Test>::BadSignature);
	});
}

#[test]
fn a_request_is_paid_until_its_expiry() {
	ExtBuilder::default().build_and_execute(|| {
		setup();
		// Expires at block 11.
		let first = payment_request(MERCHANT, 10, 1);
		let second = payment_request(MERCHANT, 10, 2);
		run_to_block(11);
		assert_ok!(pay_signed(CITIZEN, first));
		run_to_block(12);
		assert_noop!(pay_signed(CITIZEN, second), Error::<Test>::PaymentExpired);
	});
}

#[test]
fn a_request_valid_for_too_long_is_refused() {
	ExtBuilder::default().build_and_execute(|| {
		setup();
		run_to_block(5);
		let mut request = payment_request(MERCHANT, 10, 1);
		request.expiry = 5 + MAX_PAYMENT_VALIDITY + 1;
		assert_noop!(pay_signed(CITIZEN, request.clone()), Error::<Test>::ValidityTooLong);
		request.expiry = 5 + MAX_PAYMENT_VALIDITY;
		assert_ok!(pay_signed(CITIZEN, request));
		// A request expiring in this very block is still paid.
		let mut now = payment_request(MERCHANT, 10, 2);
		now.expiry = 5;
		assert_ok!(pay_signed(CITIZEN, now));
	});
}

#[test]
fn pay_refuses_zero_amounts_and_bad_references() {
	ExtBuilder::default().build_and_execute(|| {
		setup();
		assert_noop!(
			pay_signed(CITIZEN, payment_request(MERCHANT, 0, 1)),
			Error::<Test>::ZeroAmount
		);
		for bad in [&b""[..], b"ORDER 1", b"ORDER&1", b"ORDER/1", b"\xea\xb0\x80"] {
			let mut request = payment_request(MERCHANT, 10, 1);
			request.order_reference = reference(bad);
			assert_noop!(pay_signed(CITIZEN, request), Error::<Test>::BadReference);
		}
		assert_noop!(
			SCoin::pay(
				RuntimeOrigin::none(),
				payment_request(MERCHANT, 10, 1),
				sign(MERCHANT, &payment_request(MERCHANT, 10, 1))
			),
			BadOrigin
		);
	});
}

#[test]
fn only_registered_merchants_holding_the_role_are_paid() {
	ExtBuilder::default().build_and_execute(|| {
		fund(CITIZEN, FUNDS);
		// Not registered with ZeroPay.
		assert_noop!(
			pay_signed(CITIZEN, payment_request(MERCHANT, 10, 1)),
			Error::<Test>::UnknownMerchant
		);
		// Deregistered.
		register_with_zeropay(MERCHANT);
		assert_ok!(pay_signed(CITIZEN, payment_request(MERCHANT, 10, 1)));
		assert_ok!(SCoin::deregister_merchant(RuntimeOrigin::signed(account(MERCHANT))));
		assert_noop!(
			pay_signed(CITIZEN, payment_request(MERCHANT, 10, 2)),
			Error::<Test>::UnknownMerchant
		);
		// Registered, but the role was taken away, or the merchant suspended.
		register_with_zeropay(MERCHANT);
		assert_ok!(pay_signed(CITIZEN, payment_request(MERCHANT, 10, 2)));
		Register::take_roles(&account(MERCHANT));
		assert_noop!(
			pay_signed(CITIZEN, payment_request(MERCHANT, 10, 3)),
			Error::<Test>::UnknownMerchant
		);
		register_with_zeropay(OTHER_MERCHANT);
		Register::suspend(&account(OTHER_MERCHANT));
		let request = payment_request(OTHER_MERCHANT, 10, 1);
		let signature = sign(OTHER_MERCHANT, &request);
		assert_noop!(pay(CITIZEN, request, signature), Error::<Test>::UnknownMerchant);
		assert_eq!(balance(MERCHANT), 20);
		assert_eq!(balance(OTHER_MERCHANT), 0);
	});
}

#[test]
fn a_payer_without_the_funds_is_refused() {
	ExtBuilder::default().build_and_execute(|| {
		setup();
		assert_noop!(
			pay_signed(CITIZEN, payment_request(MERCHANT, FUNDS + 1, 1)),
			TokenError::FundsUnavailable
		);
		assert_noop!(
			pay_signed(OTHER_CITIZEN, payment_request(MERCHANT, 10, 1)),
			TokenError::FundsUnavailable
		);
		// A first payment below the existential deposit cannot create the merchant's account.
		assert_noop!(
			pay_signed(CITIZEN, payment_request(MERCHANT, EXISTENTIAL_DEPOSIT - 1, 1)),
			TokenError::BelowMinimum
		);
		assert_eq!(PaidRequests::<Test>::iter().count(), 0);
	});
}

#[test]
fn an_ed25519_merchant_is_paid() {
	ExtBuilder::default().build_and_execute(|| {
		let key = ed25519::Pair::from_seed(&[42; 32]);
		let merchant: sp_runtime::AccountId32 = key.public().into();
		Register::add(&merchant, MemberKind::Merchant, &[Role::Merchant]);
		assert_ok!(SCoin::register_merchant(
			RuntimeOrigin::signed(merchant.clone()),
			reference(b"ZP-ED"),
			5812
		));
		fund(CITIZEN, FUNDS);
		let request = PaymentRequest {
			merchant: merchant.clone(),
			amount: 40,
			order_reference: reference(b"ED-1"),
			expiry: 20,
			nonce: 1,
		};
		let payload = qr::signing_payload(System::block_hash(0).as_ref(), &request);
		// The same bytes, read as an sr25519 signature, are refused.
		let signature = key.sign(&payload);
		let as_sr25519 = MultiSignature::Sr25519(
			sp_core::sr25519::Signature::try_from(signature.as_ref()).unwrap(),
		);
		assert_noop!(pay(CITIZEN, request.clone(), as_sr25519), Error::<Test>::BadSignature);
		assert_ok!(pay(CITIZEN, request, MultiSignature::Ed25519(signature)));
		assert_eq!(Balances::free_balance(&merchant), 40);
		assert_eq!(PaidRequests::<Test>::get(&merchant, 1u64), Some(20));
	});
}

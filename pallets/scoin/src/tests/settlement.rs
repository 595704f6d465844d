//! Merchants settling S-coins for won.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};
use sp_core::H256;
use sp_runtime::{DispatchError::BadOrigin, TokenError};

/// What each merchant holds in these tests.
const TAKINGS: Balance = 1_000;

fn setup() {
	register_with_zeropay(MERCHANT);
	register_with_zeropay(OTHER_MERCHANT);
	fund(MERCHANT, TAKINGS);
	fund(OTHER_MERCHANT, TAKINGS);
	System::reset_events();
}

fn request(n: u8, amount: Balance) -> sp_runtime::DispatchResult {
	SCoin::request_settlement(RuntimeOrigin::signed(account(n)), amount)
}

fn confirm(n: u8, settlement: SettlementId, bank_reference: u64) -> sp_runtime::DispatchResult {
	SCoin::confirm_settlement(
		RuntimeOrigin::signed(account(n)),
		settlement,
		H256::from_low_u64_be(bank_reference),
	)
}

#[test]
fn a_merchant_requests_a_settlement_and_the_amount_is_burned() {
	ExtBuilder::default().build_and_execute(|| {
		setup();
		run_to_block(9);
		assert_ok!(request(MERCHANT, 400));
		assert_eq!(
			scoin_events(),
			vec![Event::SettlementRequested {
				settlement: 0,
				merchant: account(MERCHANT),
				amount: 400
			}]
		);
		assert_eq!(
			Settlements::<Test>::get(0u64),
			Some(Settlement {
				merchant: account(MERCHANT),
				amount: 400,
				requested_at: 9,
				status: SettlementStatus::Pending,
			})
		);
		assert!(MerchantSettlements::<Test>::contains_key(account(MERCHANT), 0u64));
		assert_eq!(NextSettlementId::<Test>::get(), 1);
		// No commission: exactly the amount leaves the merchant, and the issuance.
		assert_eq!(balance(MERCHANT), TAKINGS - 400);
		assert_eq!(issuance(), GENESIS_ISSUANCE - 400);
		assert_eq!(
			Supply::<Test>::get(),
			SupplyLedger {
				genesis: GENESIS_ISSUANCE,
				burned_in_settlement: 400,
				..Default::default()
			}
		);
	});
}

#[test]
fn a_merchant_settles_everything_it_holds() {
	ExtBuilder::default().build_and_execute(|| {
		setup();
		assert_ok!(request(MERCHANT, TAKINGS));
		assert_eq!(balance(MERCHANT), 0);
		assert_eq!(Settlements::<Test>::get(0u64).unwrap().amount, TAKINGS);
		assert_eq!(Supply::<Test>::get().burned_in_settlement, TAKINGS);
		assert_eq!(Supply::<Test>::get().burned_otherwise, 0);
		assert_eq!(issuance(), GENESIS_ISSUANCE - TAKINGS);
	});
}

#[test]
fn request_refuses_bad_calls() {
	ExtBuilder::default().build_and_execute(|| {
		fund(MERCHANT, TAKINGS);
		assert_noop!(request(MERCHANT, 100), Error::<Test>::UnknownMerchant);
		for n in [CITIZEN, STRANGER, AGENT] {
			assert_noop!(request(n, 100), Error::<Test>::UnknownMerchant);
		}
		register_with_zeropay(MERCHANT);
		assert_noop!(request(MERCHANT, 0), Error::<Test>::ZeroAmount);
		assert_noop!(request(MERCHANT, TAKINGS + 1), TokenError::FundsUnavailable);
		assert_noop!(SCoin::request_settlement(RuntimeOrigin::none(), 100), BadOrigin);
		NextSettlementId::<Test>::put(SettlementId::MAX);
		assert_noop!(request(MERCHANT, 100), Error::<Test>::Overflow);
		NextSettlementId::<Test>::put(0);
		Register::take_roles(&account(MERCHANT));
		assert_noop!(request(MERCHANT, 100), Error::<Test>::UnknownMerchant);
	});
}

#[test]
fn a_settlement_agent_confirms_a_settlement() {
	ExtBuilder::default().build_and_execute(|| {
		setup();
		assert_ok!(request(MERCHANT, 400));
		run_to_block(20);
		assert_ok!(confirm(AGENT, 0, 0xBA4C));
		System::assert_last_event(
			Event::SettlementConfirmed {
				settlement: 0,
				merchant: account(MERCHANT),
				amount: 400,
				bank_reference_hash: H256::from_low_u64_be(0xBA4C),
				agent: account(AGENT),
			}
			.into(),
		);
		assert_eq!(
			Settlements::<Test>::get(0u64).unwrap().status,
			SettlementStatus::Settled {
				bank_reference_hash: H256::from_low_u64_be(0xBA4C),
				agent: account(AGENT),
				at: 20,
			}
		);
		assert_eq!(Settlements::<Test>::get(0u64).unwrap().requested_at, 1);
		// Confirming moves nothing.
		assert_eq!(balance(MERCHANT), TAKINGS - 400);
		assert_eq!(issuance(), GENESIS_ISSUANCE - 400);
		assert_noop!(confirm(AGENT, 0, 0xBA4C), Error::<Test>::AlreadySettled);
		assert_noop!(confirm(AGENT, 0, 1), Error::<Test>::AlreadySettled);
	});
}

#[test]
fn confirm_refuses_bad_calls() {
	ExtBuilder::default().build_and_execute(|| {
		setup();
		assert_ok!(request(MERCHANT, 400));
		for n in [CITIZEN, MERCHANT, AGENCY, ISSUER, STRANGER] {
			assert_noop!(confirm(n, 0, 1), BadOrigin);
		}
		for origin in [RuntimeOrigin::root(), RuntimeOrigin::none()] {
			assert_noop!(SCoin::confirm_settlement(origin, 0, H256::zero()), BadOrigin);
		}
		assert_noop!(confirm(AGENT, 1, 1), Error::<Test>::UnknownSettlement);
		Register::suspend(&account(AGENT));
		assert_noop!(confirm(AGENT, 0, 1), BadOrigin);
	});
}

#[test]
fn a_merchant_lists_its_own_settlements_in_order() {
	ExtBuilder::default().build_and_execute(|| {
		setup();
		let mut mine = vec![];
		for i in 0..12u64 {
			let (n, amount) = if i % 3 == 1 { (OTHER_MERCHANT, 10) } else { (MERCHANT, 10 + i) };
			assert_ok!(request(n, amount));
			if n == MERCHANT {
				mine.push((i, amount));
			}
		}
		assert_ok!(confirm(AGENT, 0, 100));
		assert_ok!(confirm(AGENT, 5, 105));
		assert_ok!(confirm(AGENT, 4, 104));

		let listed = SCoin::settlements_of(&account(MERCHANT), None, 100).items;
		assert_eq!(listed.iter().map(|(id, s)| (*id, s.amount)).collect::<Vec<_>>(), mine);
		assert!(listed.iter().all(|(_, s)| s.merchant == account(MERCHANT)));
		let settled: Vec<_> = listed
			.iter()
			.filter(|(_, s)| s.status != SettlementStatus::Pending)
			.map(|(id, _)| *id)
			.collect();
		assert_eq!(settled, vec![0, 5]);

		let theirs = SCoin::settlements_of(&account(OTHER_MERCHANT), None, 100).items;
		assert_eq!(theirs.iter().map(|(id, _)| *id).collect::<Vec<_>>(), vec![1, 4, 7, 10]);
		assert!(matches!(theirs[1].1.status, SettlementStatus::Settled { .. }));
		assert!(SCoin::settlements_of(&account(CITIZEN), None, 100).items.is_empty());

		// Page by page, two at a time, every request comes once; the last page says so.
		let mut paged = Vec::new();
		let mut start = None;
		loop {
			let page = SCoin::settlements_of(&account(MERCHANT), start, 2);
			assert!(page.items.len() <= 2);
			paged.extend(page.items.into_iter().map(|(id, s)| (id, s.amount)));
			match page.next {
				Some(next) => start = Some(next),
				None => break,
			}
		}
		paged.sort();
		assert_eq!(paged, mine);
		// A page holds one item at least and MAX_PAGE_SIZE at most.
		assert_eq!(SCoin::settlements_of(&account(MERCHANT), None, 0).items.len(), 1);

		let burned: Balance = mine.iter().map(|(_, amount)| amount).sum::<Balance>() + 40;
		assert_eq!(Supply::<Test>::get().burned_in_settlement, burned);
		assert_eq!(balance(MERCHANT) + balance(OTHER_MERCHANT), 2 * TAKINGS - burned);
	});
}

#[test]
fn settlements_stay_after_the_merchant_deregisters() {
	ExtBuilder::default().build_and_execute(|| {
		setup();
		assert_ok!(request(MERCHANT, 300));
		assert_ok!(SCoin::deregister_merchant(RuntimeOrigin::signed(account(MERCHANT))));
		assert_noop!(request(MERCHANT, 100), Error::<Test>::UnknownMerchant);
		assert_ok!(confirm(AGENT, 0, 7));
		assert_eq!(SCoin::settlements_of(&account(MERCHANT), None, 100).items.len(), 1);
	});
}

#[test]
fn a_merchant_may_have_a_bounded_number_of_requests_pending() {
	// The attack: a settlement request of one planck each, kept for good, as often as the
	// merchant's quota allows.
	ExtBuilder::default().build_and_execute(|| {
		setup();
		let most: u32 =
			<<Test as Config>::MaxPendingSettlements as frame_support::traits::Get<u32>>::get();
		for _ in 0..most {
			assert_ok!(request(MERCHANT, 1));
		}
		assert_eq!(PendingSettlements::<Test>::get(account(MERCHANT)), most);
		assert_noop!(request(MERCHANT, 1), Error::<Test>::TooManyPendingSettlements);
		// Another merchant is not held up by it.
		assert_ok!(request(OTHER_MERCHANT, 1));
		// The city's confirmation makes room.
		assert_ok!(confirm(AGENT, 0, 1));
		assert_eq!(PendingSettlements::<Test>::get(account(MERCHANT)), most - 1);
		assert_ok!(request(MERCHANT, 1));
	});
}

//! The rewards catalogue: listing items and redeeming them for vouchers.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};
use sp_runtime::{DispatchError::BadOrigin, TokenError};

const PRICE: Balance = 150;

fn list(name: &[u8], price: Balance, stock: u32) -> sp_runtime::DispatchResult {
	SCoin::list_catalogue_item(RuntimeOrigin::root(), name.to_vec(), price, stock)
}

fn redeem(n: u8, item: ItemId) -> sp_runtime::DispatchResult {
	SCoin::redeem(RuntimeOrigin::signed(account(n)), item)
}

#[test]
fn the_city_lists_items() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(list("한강 자전거 1일권".as_bytes(), PRICE, 3));
		assert_eq!(
			Catalogue::<Test>::get(0u32),
			Some(CatalogueItem {
				name: reference("한강 자전거 1일권".as_bytes()),
				price: PRICE,
				stock: 3,
				redeemed: 0,
			})
		);
		System::assert_last_event(
			Event::CatalogueItemListed { item: 0, price: PRICE, stock: 3 }.into(),
		);
		// An item may be listed without stock, to be stocked later.
		assert_ok!(list(b"Museum pass", 1, 0));
		System::assert_last_event(
			Event::CatalogueItemListed { item: 1, price: 1, stock: 0 }.into(),
		);
		assert_eq!(NextItemId::<Test>::get(), 2);
		assert_eq!(Catalogue::<Test>::get(1u32).unwrap().stock, 0);
	});
}

#[test]
fn list_refuses_bad_calls() {
	ExtBuilder::default().build_and_execute(|| {
		for origin in [RuntimeOrigin::signed(account(AGENCY)), RuntimeOrigin::none()] {
			assert_noop!(SCoin::list_catalogue_item(origin, b"Pass".to_vec(), PRICE, 1), BadOrigin);
		}
		for name in [vec![], vec![b'n'; 33], vec![0xc3, 0x28]] {
			assert_noop!(
				SCoin::list_catalogue_item(RuntimeOrigin::root(), name, PRICE, 1),
				Error::<Test>::BadName
			);
		}
		assert_noop!(list(b"Pass", 0, 1), Error::<Test>::ZeroAmount);
		NextItemId::<Test>::put(ItemId::MAX);
		assert_noop!(list(b"Pass", PRICE, 1), Error::<Test>::Overflow);
	});
}

#[test]
fn the_city_sets_the_stock() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(list(b"Pass", PRICE, 3));
		assert_ok!(SCoin::set_catalogue_stock(RuntimeOrigin::root(), 0, 40));
		System::assert_last_event(Event::CatalogueStockSet { item: 0, stock: 40 }.into());
		assert_eq!(Catalogue::<Test>::get(0u32).unwrap().stock, 40);
		assert_ok!(SCoin::set_catalogue_stock(RuntimeOrigin::root(), 0, 0));
		System::assert_last_event(Event::CatalogueStockSet { item: 0, stock: 0 }.into());
		assert_eq!(Catalogue::<Test>::get(0u32).unwrap().stock, 0);
		assert_noop!(
			SCoin::set_catalogue_stock(RuntimeOrigin::root(), 1, 5),
			Error::<Test>::UnknownItem
		);
		assert_noop!(
			SCoin::set_catalogue_stock(RuntimeOrigin::signed(account(AGENCY)), 0, 5),
			BadOrigin
		);
	});
}

#[test]
fn a_citizen_redeems_an_item_for_a_voucher() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(list(b"Pass", PRICE, 2));
		fund(CITIZEN, 400);
		fund(OTHER_CITIZEN, 200);
		run_to_block(8);
		System::reset_events();
		assert_ok!(redeem(CITIZEN, 0));
		assert_eq!(
			scoin_events(),
			vec![Event::Redeemed { item: 0, citizen: account(CITIZEN), price: PRICE, voucher: 0 }]
		);
		assert_eq!(balance(CITIZEN), 400 - PRICE);
		assert_eq!(issuance(), GENESIS_ISSUANCE - PRICE);
		assert_eq!(Supply::<Test>::get().burned_in_redemption, PRICE);
		let item = Catalogue::<Test>::get(0u32).unwrap();
		assert_eq!((item.stock, item.redeemed), (1, 1));
		assert_eq!(
			Vouchers::<Test>::get(0u64),
			Some(Voucher { item: 0, holder: account(CITIZEN), price: PRICE, redeemed_at: 8 })
		);

		assert_ok!(redeem(OTHER_CITIZEN, 0));
		System::assert_last_event(
			Event::Redeemed { item: 0, citizen: account(OTHER_CITIZEN), price: PRICE, voucher: 1 }
				.into(),
		);
		assert_eq!(Vouchers::<Test>::get(1u64).unwrap().holder, account(OTHER_CITIZEN));
		assert_eq!(NextVoucherId::<Test>::get(), 2);
		let item = Catalogue::<Test>::get(0u32).unwrap();
		assert_eq!((item.stock, item.redeemed), (0, 2));
		assert_eq!(Supply::<Test>::get().burned_in_redemption, 2 * PRICE);
		// OTHER_CITIZEN was left with 50.
		assert_eq!(balance(OTHER_CITIZEN), 50);
		assert_eq!(issuance(), GENESIS_ISSUANCE - 2 * PRICE);

		assert_noop!(redeem(CITIZEN, 0), Error::<Test>::OutOfStock);
		assert_ok!(SCoin::set_catalogue_stock(RuntimeOrigin::root(), 0, 1));
		assert_ok!(redeem(CITIZEN, 0));
		assert_eq!(Vouchers::<Test>::get(2u64).unwrap().item, 0);
		assert_eq!(balance(CITIZEN), 400 - 2 * PRICE);
	});
}

#[test]
fn voucher_ids_run_across_the_catalogue() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(list(b"Pass", PRICE, 5));
		assert_ok!(list(b"Ticket", 20, 5));
		fund(CITIZEN, 1_000);
		assert_ok!(redeem(CITIZEN, 1));
		assert_ok!(redeem(CITIZEN, 0));
		assert_ok!(redeem(CITIZEN, 1));
		let items: Vec<_> = (0u64..3).map(|id| Vouchers::<Test>::get(id).unwrap().item).collect();
		assert_eq!(items, vec![1, 0, 1]);
		assert_eq!(Catalogue::<Test>::get(1u32).unwrap().redeemed, 2);
		assert_eq!(Supply::<Test>::get().burned_in_redemption, PRICE + 40);
		assert_eq!(balance(CITIZEN), 1_000 - PRICE - 40);
	});
}

#[test]
fn redeem_refuses_bad_calls() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(list(b"Pass", PRICE, 0));
		assert_ok!(list(b"Ticket", PRICE, 5));
		fund(CITIZEN, 400);
		fund(MERCHANT, 400);
		assert_noop!(redeem(CITIZEN, 0), Error::<Test>::OutOfStock);
		assert_noop!(redeem(CITIZEN, 2), Error::<Test>::UnknownItem);
		for n in [MERCHANT, STRANGER, AGENCY] {
			assert_noop!(redeem(n, 1), Error::<Test>::NotCitizen);
		}
		Register::suspend(&account(CITIZEN));
		assert_noop!(redeem(CITIZEN, 1), Error::<Test>::NotCitizen);
		assert_noop!(SCoin::redeem(RuntimeOrigin::none(), 1), BadOrigin);
		fund(OTHER_CITIZEN, PRICE - 1);
		assert_noop!(redeem(OTHER_CITIZEN, 1), TokenError::FundsUnavailable);
		NextVoucherId::<Test>::put(VoucherId::MAX);
		fund(OTHER_CITIZEN, 1);
		assert_noop!(redeem(OTHER_CITIZEN, 1), Error::<Test>::Overflow);
	});
}

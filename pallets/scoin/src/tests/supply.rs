//! The supply ledger: every change of the total issuance is accounted for.

use crate::{mock::*, *};
use frame_support::{
	assert_ok,
	traits::{
		fungible::Balanced,
		tokens::{Fortitude, Precision, Preservation},
		OnUnbalanced,
	},
};
use proptest::prelude::*;

/// The ledger adds up to the issuance, the pallet's invariants hold, and the programmes' issued
/// amounts add up to what the ledger says was minted.
fn assert_ledger_holds() {
	let supply = Supply::<Test>::get();
	assert_eq!(supply.expected_issuance(), issuance());
	assert_eq!(SCoin::do_try_state(), Ok(()));
	let issued: Balance = Programmes::<Test>::iter_values().map(|p| p.issued).sum();
	assert_eq!(issued, supply.minted);
}

#[test]
fn the_ledger_starts_from_the_genesis_issuance() {
	ExtBuilder::default().build_and_execute(|| {
		assert_eq!(
			Supply::<Test>::get(),
			SupplyLedger {
				genesis: GENESIS_ISSUANCE,
				minted: 0,
				burned_in_settlement: 0,
				burned_in_redemption: 0,
				burned_otherwise: 0,
			}
		);
		assert_eq!(issuance(), GENESIS_ISSUANCE);
		assert_eq!(Supply::<Test>::get().expected_issuance(), GENESIS_ISSUANCE);
	});
}

#[test]
fn the_dust_of_a_reaped_account_is_burned_otherwise() {
	ExtBuilder::default().build_and_execute(|| {
		fund(CITIZEN, 100);
		assert_ok!(Balances::transfer_allow_death(
			RuntimeOrigin::signed(account(CITIZEN)),
			account(OTHER_CITIZEN),
			95
		));
		// 5 is below the existential deposit of 10: the account is reaped and its dust burned.
		assert_eq!(balance(CITIZEN), 0);
		assert!(!System::account_exists(&account(CITIZEN)));
		assert_eq!(balance(OTHER_CITIZEN), 95);
		assert_eq!(Supply::<Test>::get().burned_otherwise, 5);
		assert_eq!(issuance(), GENESIS_ISSUANCE - 5);
		assert_ledger_holds();
	});
}

#[test]
fn the_dust_left_by_a_redemption_is_burned_otherwise() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(SCoin::list_catalogue_item(RuntimeOrigin::root(), b"Pass".to_vec(), 100, 1));
		fund(CITIZEN, 107);
		assert_ok!(SCoin::redeem(RuntimeOrigin::signed(account(CITIZEN)), 0));
		assert_eq!(balance(CITIZEN), 0);
		let supply = Supply::<Test>::get();
		assert_eq!(supply.burned_in_redemption, 100);
		assert_eq!(supply.burned_otherwise, 7);
		assert_eq!(issuance(), GENESIS_ISSUANCE - 107);
		assert_ledger_holds();
	});
}

#[test]
fn credit_handed_to_the_pallet_is_burned_otherwise() {
	ExtBuilder::default().build_and_execute(|| {
		// As the runtime does with transaction tips.
		let credit = <Balances as Balanced<_>>::withdraw(
			&account(STRANGER),
			300,
			Precision::Exact,
			Preservation::Preserve,
			Fortitude::Polite,
		)
		.expect("the stranger holds enough");
		SCoin::on_unbalanced(credit);
		assert_eq!(balance(STRANGER), GENESIS_ISSUANCE - 300);
		assert_eq!(Supply::<Test>::get().burned_otherwise, 300);
		assert_eq!(issuance(), GENESIS_ISSUANCE - 300);
		assert_ledger_holds();
	});
}

#[test]
fn the_ledger_adds_up_through_a_programme_a_payment_a_redemption_and_a_settlement() {
	ExtBuilder::default().build_and_execute(|| {
		let programme = open_programme();
		register_with_zeropay(MERCHANT);
		assert_ok!(SCoin::list_catalogue_item(RuntimeOrigin::root(), b"Pass".to_vec(), 30, 5));
		let issuer = || RuntimeOrigin::signed(account(ISSUER));
		assert_ok!(SCoin::reward(issuer(), programme, entry(CITIZEN, 1, 100)));
		assert_ok!(SCoin::reward(issuer(), programme, entry(CITIZEN, 2, 100)));
		let request = payment_request(MERCHANT, 120, 1);
		let signature = sign(MERCHANT, &request);
		assert_ok!(SCoin::pay(RuntimeOrigin::signed(account(CITIZEN)), request, signature));
		assert_ok!(SCoin::redeem(RuntimeOrigin::signed(account(CITIZEN)), 0));
		assert_ok!(SCoin::request_settlement(RuntimeOrigin::signed(account(MERCHANT)), 120));
		assert_eq!(
			Supply::<Test>::get(),
			SupplyLedger {
				genesis: GENESIS_ISSUANCE,
				minted: 200,
				burned_in_settlement: 120,
				burned_in_redemption: 30,
				burned_otherwise: 0,
			}
		);
		assert_eq!(balance(CITIZEN), 50);
		assert_eq!(balance(MERCHANT), 0);
		assert_eq!(issuance(), GENESIS_ISSUANCE + 50);
		assert_ledger_holds();
	});
}

/// One step of the property test.
#[derive(Clone, Debug)]
enum Op {
	Reward {
		programme: ProgrammeId,
		citizen: u8,
		receipt: u32,
		amount: Balance,
	},
	Batch {
		programme: ProgrammeId,
		entries: Vec<(u8, u32, Balance)>,
	},
	Pay {
		payer: u8,
		merchant: u8,
		amount: Balance,
		nonce: u64,
		forged: bool,
	},
	Redeem {
		citizen: u8,
		item: ItemId,
	},
	Settle {
		merchant: u8,
		amount: Balance,
	},
	Transfer {
		from: u8,
		to: u8,
		amount: Balance,
	},
	/// Transfers all but `leave` of `from`'s balance: below the existential deposit, the rest is
	/// dust.
	Drain {
		from: u8,
		to: u8,
		leave: Balance,
	},
	TopUp {
		programme: ProgrammeId,
		amount: Balance,
	},
	Close {
		programme: ProgrammeId,
	},
	Advance {
		blocks: u64,
	},
}

/// Who may be rewarded: the citizens, and a merchant, whose rewards are refused.
fn beneficiary() -> impl Strategy<Value = u8> {
	prop::sample::select(vec![CITIZEN, OTHER_CITIZEN, MERCHANT])
}

fn holder() -> impl Strategy<Value = u8> {
	prop::sample::select(vec![CITIZEN, OTHER_CITIZEN, MERCHANT, OTHER_MERCHANT, STRANGER])
}

fn merchant() -> impl Strategy<Value = u8> {
	prop::sample::select(vec![MERCHANT, OTHER_MERCHANT])
}

/// A reward amount: often the fixed reward of the second programme, else anything, allowed or
/// not.
fn reward_amount() -> impl Strategy<Value = Balance> {
	prop_oneof![Just(25), 0..130u64]
}

fn op() -> impl Strategy<Value = Op> {
	let programme = 0..3u32;
	prop_oneof![
		4 => (programme.clone(), beneficiary(), 0..30u32, reward_amount()).prop_map(
			|(programme, citizen, receipt, amount)| Op::Reward { programme, citizen, receipt, amount }
		),
		2 => (
			programme.clone(),
			prop::collection::vec((beneficiary(), 0..30u32, reward_amount()), 1..=8)
		)
			.prop_map(|(programme, entries)| Op::Batch { programme, entries }),
		3 => (holder(), merchant(), 1..400u64, 0..12u64, prop::bool::weighted(0.1)).prop_map(
			|(payer, merchant, amount, nonce, forged)| Op::Pay { payer, merchant, amount, nonce, forged }
		),
		2 => (holder(), 0..3u32).prop_map(|(citizen, item)| Op::Redeem { citizen, item }),
		2 => (merchant(), 0..400u64).prop_map(|(merchant, amount)| Op::Settle { merchant, amount }),
		3 => (holder(), holder(), 0..300u64)
			.prop_map(|(from, to, amount)| Op::Transfer { from, to, amount }),
		1 => (holder(), holder(), 0..15u64).prop_map(|(from, to, leave)| Op::Drain { from, to, leave }),
		1 => (programme.clone(), 0..500u64)
			.prop_map(|(programme, amount)| Op::TopUp { programme, amount }),
		1 => programme.prop_map(|programme| Op::Close { programme }),
		1 => (0..25u64).prop_map(|blocks| Op::Advance { blocks }),
	]
}

/// Applies `op`, ignoring whether it succeeds.
fn apply(op: Op) {
	let signed = |n: u8| RuntimeOrigin::signed(account(n));
	let issuer = || signed(ISSUER);
	let _ = match op {
		Op::Reward { programme, citizen, receipt, amount } => {
			SCoin::reward(issuer(), programme, entry(citizen, receipt, amount))
		}
		Op::Batch { programme, entries } => {
			let entries: Vec<_> =
				entries.into_iter().map(|(citizen, n, amount)| entry(citizen, n, amount)).collect();
			SCoin::reward_batch(issuer(), programme, entries.try_into().expect("at most 8"))
		}
		Op::Pay { payer, merchant, amount, nonce, forged } => {
			let request = payment_request(merchant, amount, nonce);
			let signature = sign(if forged { payer } else { merchant }, &request);
			SCoin::pay(signed(payer), request, signature)
		}
		Op::Redeem { citizen, item } => SCoin::redeem(signed(citizen), item),
		Op::Settle { merchant, amount } => SCoin::request_settlement(signed(merchant), amount),
		Op::Transfer { from, to, amount } => {
			Balances::transfer_allow_death(signed(from), account(to), amount)
		}
		Op::Drain { from, to, leave } => Balances::transfer_allow_death(
			signed(from),
			account(to),
			balance(from).saturating_sub(leave),
		),
		Op::TopUp { programme, amount } => {
			SCoin::top_up_programme(RuntimeOrigin::root(), programme, amount)
		}
		Op::Close { programme } => SCoin::close_programme(RuntimeOrigin::root(), programme),
		Op::Advance { blocks } => {
			run_to_block(System::block_number() + blocks);
			Ok(())
		}
	};
}

proptest! {
	#![proptest_config(ProptestConfig::with_cases(64))]

	#[test]
	fn the_ledger_adds_up_after_any_sequence_of_operations(
		ops in prop::collection::vec(op(), 1..60)
	) {
		ExtBuilder::default().build_and_execute(|| {
			// Three programmes: rewards up to 100, a fixed reward of 25, and a small budget.
			open_programme();
			NewProgramme { reward: RewardRule::Fixed(25), period: 5, ..Default::default() }.open();
			NewProgramme { budget: 120, cap: 60, reward: RewardRule::UpTo(60), ..Default::default() }
				.open();
			register_with_zeropay(MERCHANT);
			register_with_zeropay(OTHER_MERCHANT);
			assert_ok!(SCoin::list_catalogue_item(RuntimeOrigin::root(), b"A".to_vec(), 15, 100));
			assert_ok!(SCoin::list_catalogue_item(RuntimeOrigin::root(), b"B".to_vec(), 95, 2));
			assert_ledger_holds();
			for op in ops {
				apply(op);
				assert_ledger_holds();
			}
		});
	}
}

//! Rewarding one service event with `reward`.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};
use sp_runtime::{DispatchError::BadOrigin, TokenError};

fn issuer() -> RuntimeOrigin {
	RuntimeOrigin::signed(account(ISSUER))
}

#[test]
fn an_issuer_rewards_a_citizen() {
	ExtBuilder::default().build_and_execute(|| {
		let programme = open_programme();
		run_to_block(4);
		System::reset_events();
		assert_ok!(SCoin::reward(issuer(), programme, entry(CITIZEN, 7, 60)));
		assert_eq!(
			scoin_events(),
			vec![Event::Rewarded {
				programme,
				citizen: account(CITIZEN),
				receipt: receipt(7),
				amount: 60
			}]
		);
		assert_eq!(balance(CITIZEN), 60);
		assert_eq!(
			Receipts::<Test>::get(programme, receipt(7)),
			Some(ReceiptRecord { citizen: account(CITIZEN), amount: 60, at: 4 })
		);
		assert_eq!(
			EarningsInPeriod::<Test>::get(programme, account(CITIZEN)),
			Some(Earnings { period: 0, earned: 60 })
		);
		assert_eq!(Programmes::<Test>::get(programme).unwrap().issued, 60);
		assert_eq!(
			Supply::<Test>::get(),
			SupplyLedger { genesis: GENESIS_ISSUANCE, minted: 60, ..Default::default() }
		);
		assert_eq!(issuance(), GENESIS_ISSUANCE + 60);

		assert_ok!(SCoin::reward(issuer(), programme, entry(CITIZEN, 8, 15)));
		assert_eq!(balance(CITIZEN), 75);
		assert_eq!(
			EarningsInPeriod::<Test>::get(programme, account(CITIZEN)),
			Some(Earnings { period: 0, earned: 75 })
		);
		assert_eq!(Programmes::<Test>::get(programme).unwrap().issued, 75);
		assert_eq!(Supply::<Test>::get().minted, 75);
		assert_eq!(issuance(), GENESIS_ISSUANCE + 75);
	});
}

#[test]
fn a_receipt_is_rewarded_once_per_programme() {
	ExtBuilder::default().build_and_execute(|| {
		let programme = open_programme();
		assert_ok!(SCoin::reward(issuer(), programme, entry(CITIZEN, 1, 50)));
		assert_noop!(
			SCoin::reward(issuer(), programme, entry(CITIZEN, 1, 50)),
			Error::<Test>::DuplicateReceipt
		);
		assert_noop!(
			SCoin::reward(issuer(), programme, entry(OTHER_CITIZEN, 1, 20)),
			Error::<Test>::DuplicateReceipt
		);
		assert_eq!(balance(CITIZEN), 50);
		assert_eq!(balance(OTHER_CITIZEN), 0);
		assert_eq!(Supply::<Test>::get().minted, 50);

		// Another programme has receipts of its own.
		let other = open_programme();
		assert_ok!(SCoin::reward(issuer(), other, entry(CITIZEN, 1, 50)));
		assert_eq!(balance(CITIZEN), 100);
		assert_eq!(Receipts::<Test>::get(other, receipt(1)).unwrap().amount, 50);
		assert_eq!(Programmes::<Test>::get(programme).unwrap().issued, 50);
		assert_eq!(Programmes::<Test>::get(other).unwrap().issued, 50);
	});
}

#[test]
fn only_appointed_issuers_holding_the_role_reward() {
	ExtBuilder::default().build_and_execute(|| {
		Register::add(&account(30), MemberKind::Agency, &[Role::RewardIssuer]);
		let programme = open_programme();
		// Holding the role is not enough: the issuer must be appointed to the programme.
		for n in [30, AGENCY, CITIZEN, STRANGER] {
			assert_noop!(
				SCoin::reward(RuntimeOrigin::signed(account(n)), programme, entry(CITIZEN, 1, 10)),
				Error::<Test>::NotRewardIssuer
			);
		}
		// Nor is being appointed once the role is taken away, or while suspended.
		assert_ok!(SCoin::add_reward_issuer(RuntimeOrigin::root(), programme, account(30)));
		Register::take_roles(&account(30));
		assert_noop!(
			SCoin::reward(RuntimeOrigin::signed(account(30)), programme, entry(CITIZEN, 1, 10)),
			Error::<Test>::NotRewardIssuer
		);
		Register::suspend(&account(ISSUER));
		assert_noop!(
			SCoin::reward(issuer(), programme, entry(CITIZEN, 1, 10)),
			Error::<Test>::NotRewardIssuer
		);
		assert_eq!(balance(CITIZEN), 0);
	});
}

#[test]
fn only_active_citizens_are_rewarded() {
	ExtBuilder::default().build_and_execute(|| {
		let programme = open_programme();
		for n in [MERCHANT, STRANGER, AGENCY, ISSUER] {
			assert_noop!(
				SCoin::reward(issuer(), programme, entry(n, 1, 50)),
				Error::<Test>::NotCitizen
			);
		}
		Register::suspend(&account(CITIZEN));
		assert_noop!(
			SCoin::reward(issuer(), programme, entry(CITIZEN, 1, 50)),
			Error::<Test>::NotCitizen
		);
		assert_ok!(SCoin::reward(issuer(), programme, entry(OTHER_CITIZEN, 1, 50)));
	});
}

#[test]
fn the_reward_rule_limits_the_amount() {
	ExtBuilder::default().build_and_execute(|| {
		let programme = open_programme();
		assert_noop!(
			SCoin::reward(issuer(), programme, entry(CITIZEN, 1, 0)),
			Error::<Test>::AmountNotAllowed
		);
		assert_noop!(
			SCoin::reward(issuer(), programme, entry(CITIZEN, 1, MAX_REWARD + 1)),
			Error::<Test>::AmountNotAllowed
		);
		assert_ok!(SCoin::reward(issuer(), programme, entry(CITIZEN, 1, MAX_REWARD)));

		let fixed = NewProgramme { reward: RewardRule::Fixed(25), ..Default::default() }.open();
		for amount in [0, 1, 24, 26, MAX_REWARD] {
			assert_noop!(
				SCoin::reward(issuer(), fixed, entry(CITIZEN, 1, amount)),
				Error::<Test>::AmountNotAllowed
			);
		}
		assert_ok!(SCoin::reward(issuer(), fixed, entry(CITIZEN, 1, 25)));
		assert_eq!(balance(CITIZEN), MAX_REWARD + 25);
	});
}

#[test]
fn a_reward_below_the_existential_deposit_of_an_empty_account_is_refused_by_the_currency() {
	ExtBuilder::default().build_and_execute(|| {
		let programme = open_programme();
		assert_noop!(
			SCoin::reward(issuer(), programme, entry(CITIZEN, 1, EXISTENTIAL_DEPOSIT - 1)),
			TokenError::BelowMinimum
		);
		// Once the account exists, a small reward is paid.
		assert_ok!(SCoin::reward(issuer(), programme, entry(CITIZEN, 1, EXISTENTIAL_DEPOSIT)));
		assert_ok!(SCoin::reward(issuer(), programme, entry(CITIZEN, 2, 1)));
		assert_eq!(balance(CITIZEN), EXISTENTIAL_DEPOSIT + 1);
	});
}

#[test]
fn a_reward_never_exceeds_the_budget() {
	ExtBuilder::default().build_and_execute(|| {
		let programme = NewProgramme { budget: 150, ..Default::default() }.open();
		assert_ok!(SCoin::reward(issuer(), programme, entry(CITIZEN, 1, 100)));
		assert_noop!(
			SCoin::reward(issuer(), programme, entry(OTHER_CITIZEN, 2, 51)),
			Error::<Test>::BudgetExhausted
		);
		assert_ok!(SCoin::reward(issuer(), programme, entry(OTHER_CITIZEN, 2, 50)));
		assert_noop!(
			SCoin::reward(issuer(), programme, entry(OTHER_CITIZEN, 3, 10)),
			Error::<Test>::BudgetExhausted
		);
		assert_eq!(Programmes::<Test>::get(programme).unwrap().issued, 150);
		// A top-up lets it issue again.
		assert_ok!(SCoin::top_up_programme(RuntimeOrigin::root(), programme, 10));
		assert_ok!(SCoin::reward(issuer(), programme, entry(OTHER_CITIZEN, 3, 10)));
		assert_eq!(Supply::<Test>::get().minted, 160);
	});
}

#[test]
fn the_cap_renews_each_period() {
	ExtBuilder::default().build_and_execute(|| {
		let programme = open_programme();
		assert_eq!(
			SCoin::standing(programme, &account(CITIZEN)),
			Some(Standing { period: 0, next_period_starts: 11, earned: 0, cap_left: CAP })
		);
		assert_ok!(SCoin::reward(issuer(), programme, entry(CITIZEN, 1, 100)));
		run_to_block(10);
		assert_ok!(SCoin::reward(issuer(), programme, entry(CITIZEN, 2, 90)));
		assert_eq!(
			SCoin::standing(programme, &account(CITIZEN)),
			Some(Standing { period: 0, next_period_starts: 11, earned: 190, cap_left: 10 })
		);
		assert_noop!(
			SCoin::reward(issuer(), programme, entry(CITIZEN, 3, 11)),
			Error::<Test>::CapExceeded
		);
		assert_ok!(SCoin::reward(issuer(), programme, entry(CITIZEN, 3, 10)));
		assert_noop!(
			SCoin::reward(issuer(), programme, entry(CITIZEN, 4, 10)),
			Error::<Test>::CapExceeded
		);
		// Each citizen has a cap of its own.
		assert_ok!(SCoin::reward(issuer(), programme, entry(OTHER_CITIZEN, 4, 10)));

		// Block 11 starts period 1.
		run_to_block(11);
		assert_eq!(
			SCoin::standing(programme, &account(CITIZEN)),
			Some(Standing { period: 1, next_period_starts: 21, earned: 0, cap_left: CAP })
		);
		assert_ok!(SCoin::reward(issuer(), programme, entry(CITIZEN, 5, 100)));
		assert_eq!(
			EarningsInPeriod::<Test>::get(programme, account(CITIZEN)),
			Some(Earnings { period: 1, earned: 100 })
		);
		assert_eq!(
			SCoin::standing(programme, &account(CITIZEN)),
			Some(Standing { period: 1, next_period_starts: 21, earned: 100, cap_left: 100 })
		);
		assert_eq!(balance(CITIZEN), 300);
	});
}

#[test]
fn earnings_of_a_skipped_period_do_not_carry_over() {
	ExtBuilder::default().build_and_execute(|| {
		let programme = open_programme();
		assert_ok!(SCoin::reward(issuer(), programme, entry(CITIZEN, 1, 50)));
		// Periods 1 and 2 pass without a reward; block 35 lies in period 3.
		run_to_block(35);
		assert_eq!(
			SCoin::standing(programme, &account(CITIZEN)),
			Some(Standing { period: 3, next_period_starts: 41, earned: 0, cap_left: CAP })
		);
		assert_ok!(SCoin::reward(issuer(), programme, entry(CITIZEN, 2, 100)));
		assert_ok!(SCoin::reward(issuer(), programme, entry(CITIZEN, 3, 100)));
		// The unused cap of the skipped periods is gone.
		assert_noop!(
			SCoin::reward(issuer(), programme, entry(CITIZEN, 4, 1)),
			Error::<Test>::CapExceeded
		);
		assert_eq!(
			SCoin::standing(programme, &account(CITIZEN)),
			Some(Standing { period: 3, next_period_starts: 41, earned: 200, cap_left: 0 })
		);
		assert_eq!(balance(CITIZEN), 250);
	});
}

#[test]
fn standing_counts_periods_from_the_programme_start() {
	ExtBuilder::default().build_and_execute(|| {
		let programme = NewProgramme { start: 5, period: 4, ..Default::default() }.open();
		run_to_block(5);
		assert_eq!(SCoin::standing(programme, &account(CITIZEN)).unwrap().next_period_starts, 9);
		run_to_block(8);
		assert_ok!(SCoin::reward(issuer(), programme, entry(CITIZEN, 1, 20)));
		assert_eq!(
			SCoin::standing(programme, &account(CITIZEN)),
			Some(Standing { period: 0, next_period_starts: 9, earned: 20, cap_left: CAP - 20 })
		);
		run_to_block(9);
		assert_eq!(
			SCoin::standing(programme, &account(CITIZEN)),
			Some(Standing { period: 1, next_period_starts: 13, earned: 0, cap_left: CAP })
		);
		assert_eq!(SCoin::standing(programme + 1, &account(CITIZEN)), None);
	});
}

#[test]
fn a_programme_rewards_only_between_its_start_and_its_end() {
	ExtBuilder::default().build_and_execute(|| {
		let programme = NewProgramme { start: 5, end: 20, ..Default::default() }.open();
		assert_noop!(
			SCoin::reward(issuer(), programme, entry(CITIZEN, 1, 10)),
			Error::<Test>::NotStarted
		);
		run_to_block(4);
		assert_noop!(
			SCoin::reward(issuer(), programme, entry(CITIZEN, 1, 10)),
			Error::<Test>::NotStarted
		);
		run_to_block(5);
		assert_ok!(SCoin::reward(issuer(), programme, entry(CITIZEN, 1, 10)));
		run_to_block(20);
		assert_ok!(SCoin::reward(issuer(), programme, entry(CITIZEN, 2, 10)));
		run_to_block(21);
		assert_noop!(
			SCoin::reward(issuer(), programme, entry(CITIZEN, 3, 10)),
			Error::<Test>::Ended
		);
		assert_eq!(balance(CITIZEN), 20);
	});
}

#[test]
fn the_default_programme_ends_after_its_last_block() {
	ExtBuilder::default().build_and_execute(|| {
		let programme = open_programme();
		run_to_block(END);
		assert_ok!(SCoin::reward(issuer(), programme, entry(CITIZEN, 1, 10)));
		run_to_block(END + 1);
		assert_noop!(
			SCoin::reward(issuer(), programme, entry(CITIZEN, 2, 10)),
			Error::<Test>::Ended
		);
	});
}

#[test]
fn reward_refuses_unknown_programmes_and_unsigned_origins() {
	ExtBuilder::default().build_and_execute(|| {
		let programme = open_programme();
		assert_noop!(
			SCoin::reward(issuer(), programme + 1, entry(CITIZEN, 1, 10)),
			Error::<Test>::UnknownProgramme
		);
		assert_noop!(
			SCoin::reward(RuntimeOrigin::none(), programme, entry(CITIZEN, 1, 10)),
			BadOrigin
		);
		assert_noop!(
			SCoin::reward(RuntimeOrigin::root(), programme, entry(CITIZEN, 1, 10)),
			BadOrigin
		);
	});
}

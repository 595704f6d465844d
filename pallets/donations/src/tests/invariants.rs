//! The invariants `do_try_state` checks, and that it catches corrupted state.

use crate::{mock::*, *};
use frame_support::{assert_ok, traits::fungible::MutateHold};
use sp_runtime::TryRuntimeError;

fn broken(reason: &'static str) -> Result<(), TryRuntimeError> {
	Err(reason.into())
}

/// A chain with campaigns raising, funded, refunding and refunded, releases, reports, won
/// donations and a receipt.
fn busy_chain() -> CampaignId {
	let raising = open(FundingMode::KeepWhatIsRaised, &[300, 700]);
	let refunding = open(FundingMode::KeepWhatIsRaised, &[1_000]);
	let refunded = open(FundingMode::AllOrNothing, &[1_000]);
	give(DONOR, raising, 500);
	give(OTHER_DONOR, raising, 200);
	give(DONOR, refunding, 100);
	give(OTHER_DONOR, refunding, 100);
	give(THIRD_DONOR, refunded, 100);
	assert_ok!(Donations::record_won_donation(
		RuntimeOrigin::signed(CHARITY),
		raising,
		DONOR,
		1_000,
		hash(0xb1),
		NOW
	));
	assert_ok!(Donations::confirm_won_donation(RuntimeOrigin::signed(DONOR), 5));
	release(raising, 0);
	assert_ok!(Donations::report_spending(
		RuntimeOrigin::signed(CHARITY),
		raising,
		100,
		SpendingCategory::DirectAid,
		hash(0x40)
	));
	assert_ok!(Donations::cancel_campaign(RuntimeOrigin::signed(CHARITY), refunding));
	assert_ok!(Donations::refund(RuntimeOrigin::signed(STRANGER), refunding, 1));
	pass_days(37);
	assert_ok!(Donations::close_campaign(RuntimeOrigin::signed(STRANGER), refunded));
	assert_ok!(Donations::refund(RuntimeOrigin::signed(STRANGER), refunded, 5));
	assert_ok!(Donations::issue_receipt(RuntimeOrigin::signed(CHARITY), DONOR, 2026));
	raising
}

#[test]
fn the_invariants_hold_on_a_busy_chain() {
	ExtBuilder.build_and_execute(|| {
		assert_eq!(Donations::do_try_state(), Ok(()));
		busy_chain();
		assert_eq!(Donations::do_try_state(), Ok(()));
	});
}

#[test]
fn an_escrow_that_is_not_what_the_campaigns_hold_is_caught() {
	ExtBuilder.build().execute_with(|| {
		busy_chain();
		// S-coin slipped out of escrow behind the pallet's back.
		assert_ok!(<Balances as MutateHold<_>>::release(
			&HoldReason::Escrow.into(),
			&Donations::escrow_account(),
			EXISTENTIAL_DEPOSIT,
			frame_support::traits::tokens::Precision::Exact
		));
		assert_eq!(Donations::do_try_state(), broken("the escrow is not what the campaigns hold"));
	});
}

#[test]
fn figures_that_are_not_their_records_are_caught() {
	let corrupt = |change: fn(&mut CampaignOf<Test>), reason: &'static str| {
		ExtBuilder.build().execute_with(|| {
			let id = busy_chain();
			Campaigns::<Test>::mutate(id, |campaign| change(campaign.as_mut().unwrap()));
			assert_eq!(Donations::do_try_state(), broken(reason));
		});
	};
	corrupt(|c| c.raised += 1, "a campaign's raised is not its donations'");
	corrupt(|c| c.refunded += 1, "a campaign's refunded is not its donations'");
	corrupt(|c| c.raised_won += 1, "a campaign's won is not its donations'");
	corrupt(|c| c.donations += 1, "a campaign's count is not its donations'");
	corrupt(|c| c.released += 1, "a campaign's released is not its milestones'");
	corrupt(|c| c.spent += 1, "a campaign's spent is not its reports'");
	corrupt(
		|c| c.status = CampaignStatus::Refunding(RefundReason::GoalMissed),
		"the refund queue and the refunding campaigns differ",
	);
}

#[test]
fn a_receipt_that_does_not_add_up_is_caught() {
	ExtBuilder.build().execute_with(|| {
		busy_chain();
		let number = ReceiptNumber { year: 2026, serial: 1 };
		Receipts::<Test>::mutate(CHARITY, number, |receipt| receipt.as_mut().unwrap().total += 1);
		assert_eq!(Donations::do_try_state(), broken("a receipt's total is not its lines'"));
	});
}

#[test]
fn a_donation_refunded_more_than_it_gave_is_caught() {
	ExtBuilder.build().execute_with(|| {
		busy_chain();
		DonationRecords::<Test>::mutate(0, |gift| gift.as_mut().unwrap().refunded = 501);
		Campaigns::<Test>::mutate(0, |campaign| campaign.as_mut().unwrap().refunded = 501);
		assert_eq!(Donations::do_try_state(), broken("a donation got back more than it gave"));
	});
}

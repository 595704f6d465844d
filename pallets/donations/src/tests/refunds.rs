//! Refunds: every donor's unreleased share, pro rata, a bounded batch at a time, by anyone's
//! call or in the blocks' idle time.

use crate::{mock::*, *};
use frame_support::{
	assert_noop, assert_ok,
	traits::Hooks,
	weights::{constants::ParityDbWeight, Weight},
};
use sp_runtime::DispatchError::BadOrigin;

#[test]
fn a_cancelled_campaign_pays_back_each_donors_unreleased_share() {
	ExtBuilder.build_and_execute(|| {
		let id = open(FundingMode::KeepWhatIsRaised, &[300, 700]);
		let first = give(DONOR, id, 500);
		let second = give(OTHER_DONOR, id, 300);
		let third = give(THIRD_DONOR, id, 200);
		// 300 of the 1,000 raised is released: each donor gets 70 % back.
		release(id, 0);
		assert_ok!(Donations::cancel_campaign(RuntimeOrigin::signed(CHARITY), id));
		System::reset_events();
		assert_ok!(Donations::refund(RuntimeOrigin::signed(STRANGER), id, 5));
		assert_eq!(free(DONOR), ENDOWMENT - 500 + 350);
		assert_eq!(free(OTHER_DONOR), ENDOWMENT - 300 + 210);
		assert_eq!(free(THIRD_DONOR), ENDOWMENT - 200 + 140);
		let campaign = Campaigns::<Test>::get(id).unwrap();
		assert_eq!(campaign.status, CampaignStatus::Refunded(RefundReason::CancelledByCharity));
		assert_eq!((campaign.refunded, campaign.held()), (700, 0));
		assert_eq!(Donations::escrow_held(), 0);
		assert!(!RefundingCampaigns::<Test>::contains_key(id));
		assert_eq!(DonationRecords::<Test>::get(second).unwrap().refunded, 210);
		assert_eq!(
			donation_events(),
			vec![
				Event::Refunded { campaign: id, donation: first, donor: DONOR, amount: 350 },
				Event::Refunded { campaign: id, donation: second, donor: OTHER_DONOR, amount: 210 },
				Event::Refunded { campaign: id, donation: third, donor: THIRD_DONOR, amount: 140 },
				Event::RefundsCompleted { campaign: id, refunded: 700 },
			]
		);
		// The attack: a refund twice.
		assert_noop!(
			Donations::refund(RuntimeOrigin::signed(STRANGER), id, 5),
			Error::<Test>::NotRefunding
		);
	});
}

#[test]
fn the_last_refund_takes_the_rounding_and_the_escrow_ends_empty() {
	ExtBuilder.build_and_execute(|| {
		let id = open(FundingMode::KeepWhatIsRaised, &[100, 900]);
		for donor in [DONOR, OTHER_DONOR, THIRD_DONOR] {
			give(donor, id, 333);
		}
		// 100 released of 999: a third of 899 is 299.67. The first gets 299; the other two
		// share the 600 left, 300 each: what one refund rounds off, the next ones share.
		release(id, 0);
		assert_ok!(Donations::cancel_campaign(RuntimeOrigin::root(), id));
		assert_ok!(Donations::refund(RuntimeOrigin::signed(STRANGER), id, 5));
		let refunds: Vec<Balance> =
			(0..3).map(|n| DonationRecords::<Test>::get(n).unwrap().refunded).collect();
		assert_eq!(refunds, vec![299, 300, 300]);
		assert_eq!(Donations::escrow_held(), 0);
	});
}

#[test]
fn refunds_are_paid_in_bounded_batches_skipping_withdrawn_and_won_donations() {
	ExtBuilder.build_and_execute(|| {
		let id = open(FundingMode::AllOrNothing, &[10_000]);
		for n in 0..4 {
			give(DONOR, id, 100 + n);
		}
		let withdrawn = give(OTHER_DONOR, id, 50);
		assert_ok!(Donations::withdraw_donation(RuntimeOrigin::signed(OTHER_DONOR), withdrawn));
		assert_ok!(Donations::record_won_donation(
			RuntimeOrigin::signed(CHARITY),
			id,
			THIRD_DONOR,
			1_000,
			hash(0xb1),
			NOW
		));
		for n in 0..3 {
			give(THIRD_DONOR, id, 10 + n);
		}
		// Nine donations, of which seven in S-coin given.
		close(id);
		let campaign = Campaigns::<Test>::get(id).unwrap();
		assert_eq!(campaign.status, CampaignStatus::Refunding(RefundReason::GoalMissed));
		assert_eq!(campaign.donations, 9);
		// One call pays at most five, whatever it asks.
		assert_ok!(Donations::refund(RuntimeOrigin::signed(STRANGER), id, 1_000));
		assert_eq!(Campaigns::<Test>::get(id).unwrap().refund_cursor, 5);
		assert_eq!(free(DONOR), ENDOWMENT);
		assert_ok!(Donations::refund(RuntimeOrigin::signed(STRANGER), id, 0));
		assert_eq!(Campaigns::<Test>::get(id).unwrap().refund_cursor, 6);
		assert_ok!(Donations::refund(RuntimeOrigin::signed(DONOR), id, 3));
		let campaign = Campaigns::<Test>::get(id).unwrap();
		assert_eq!(campaign.status, CampaignStatus::Refunded(RefundReason::GoalMissed));
		assert_eq!((free(THIRD_DONOR), free(OTHER_DONOR)), (ENDOWMENT, ENDOWMENT));
		assert_eq!(campaign.refunded, campaign.raised);
		assert_eq!(Donations::escrow_held(), 0);
		assert_noop!(Donations::refund(RuntimeOrigin::root(), id, 1), BadOrigin);
	});
}

#[test]
fn refund_refuses_a_campaign_that_is_not_refunding() {
	ExtBuilder.build_and_execute(|| {
		let id = open(FundingMode::KeepWhatIsRaised, &[100]);
		give(DONOR, id, 100);
		// The attack: anyone paying donors back from a live campaign.
		assert_noop!(
			Donations::refund(RuntimeOrigin::signed(STRANGER), id, 5),
			Error::<Test>::NotRefunding
		);
		close(id);
		assert_noop!(
			Donations::refund(RuntimeOrigin::signed(STRANGER), id, 5),
			Error::<Test>::NotRefunding
		);
		assert_noop!(
			Donations::refund(RuntimeOrigin::signed(STRANGER), 7, 5),
			Error::<Test>::UnknownCampaign
		);
	});
}

#[test]
fn idle_time_pays_refunds_within_the_weight_it_is_given() {
	ExtBuilder.build_and_execute(|| {
		let id = open(FundingMode::KeepWhatIsRaised, &[10_000]);
		for n in 0..4 {
			give(DONOR, id, 100 + n);
			give(OTHER_DONOR, id, 100 + n);
		}
		assert_ok!(Donations::cancel_campaign(RuntimeOrigin::root(), id));
		// Too little weight pays nothing and uses nothing.
		assert_eq!(Donations::on_idle(2, Weight::from_parts(1, 1)), Weight::zero());
		assert_eq!(Campaigns::<Test>::get(id).unwrap().refund_cursor, 0);
		// Enough for two.
		let two = <() as WeightInfo>::refund(2).saturating_add(ParityDbWeight::get().reads(1));
		let used = Donations::on_idle(2, two);
		assert_eq!(Campaigns::<Test>::get(id).unwrap().refund_cursor, 2);
		assert!(used.all_lte(two));
		// Plenty: at most a batch a block.
		Donations::on_idle(3, Weight::MAX);
		assert_eq!(Campaigns::<Test>::get(id).unwrap().refund_cursor, 7);
		Donations::on_idle(4, Weight::MAX);
		assert_eq!(
			Campaigns::<Test>::get(id).unwrap().status,
			CampaignStatus::Refunded(RefundReason::CancelledByCity)
		);
		assert_eq!((free(DONOR), free(OTHER_DONOR)), (ENDOWMENT, ENDOWMENT));
		// With nothing refunding, idle time only looks.
		assert_eq!(Donations::on_idle(5, Weight::MAX), ParityDbWeight::get().reads(1));
	});
}

#[test]
fn a_refund_the_donor_cannot_take_waits_in_escrow_for_them_alone_until_claimed() {
	ExtBuilder.build_and_execute(|| {
		let id = open(FundingMode::KeepWhatIsRaised, &[100, 900]);
		// A citizen whose account will not be able to take the refund.
		let unlucky = 13;
		Register::add(&unlucky, MemberKind::Citizen, &[]);
		assert_ok!(Balances::force_set_balance(RuntimeOrigin::root(), unlucky, ENDOWMENT));
		give(DONOR, id, 500);
		give(unlucky, id, 500);
		release(id, 0);
		assert_ok!(Donations::cancel_campaign(RuntimeOrigin::root(), id));
		// Its balance would overflow.
		assert_ok!(Balances::force_set_balance(RuntimeOrigin::root(), unlucky, Balance::MAX - 10));
		System::reset_events();
		assert_ok!(Donations::refund(RuntimeOrigin::signed(STRANGER), id, 5));
		let campaign = Campaigns::<Test>::get(id).unwrap();
		assert_eq!((campaign.refunded, campaign.unpaid, campaign.held()), (450, 450, 450));
		assert_eq!(Donations::escrow_held(), 450);
		assert!(donation_events().contains(&Event::RefundFailed {
			campaign: id,
			donation: 1,
			donor: unlucky,
			amount: 450
		}));
		assert_eq!(UnpaidRefunds::<Test>::get(1), Some(450));
		assert_eq!(Donations::trace(1).unwrap().held, 450);
		assert_eq!(Donations::trace(0).unwrap().held, 0);
		// A receipt issued meanwhile lists what stays given: the refund owed is not deducted.
		pass_days(8);
		assert_ok!(Donations::issue_receipt(RuntimeOrigin::signed(CHARITY), unlucky, 2026));
		let receipt = Donations::donor_receipts(&unlucky, 2026, None, 10).items[0].1.clone();
		assert_eq!((receipt.receipt.total, receipt.refunded_since), (50, 0));
		// Still refused while the account cannot take it; nothing moves.
		assert_noop!(
			Donations::claim_refund(RuntimeOrigin::signed(unlucky), 1),
			sp_runtime::TokenError::CannotCreate
		);
		// Once it can, anyone pays it, to the donor alone.
		assert_ok!(Balances::force_set_balance(RuntimeOrigin::root(), unlucky, ENDOWMENT));
		System::reset_events();
		assert_ok!(Donations::claim_refund(RuntimeOrigin::signed(STRANGER), 1));
		assert_eq!(free(unlucky), ENDOWMENT + 450);
		assert_eq!(free(STRANGER), ENDOWMENT);
		assert_eq!(
			donation_events(),
			vec![Event::Refunded { campaign: id, donation: 1, donor: unlucky, amount: 450 }]
		);
		let campaign = Campaigns::<Test>::get(id).unwrap();
		assert_eq!((campaign.refunded, campaign.unpaid, campaign.held()), (900, 0, 0));
		assert_eq!(DonationRecords::<Test>::get(1).unwrap().refunded, 450);
		assert_eq!((UnpaidRefunds::<Test>::get(1), Donations::escrow_held()), (None, 0));
		// Paid late, the refund was never deductible: nothing is refunded since the receipt.
		let receipt = Donations::donor_receipts(&unlucky, 2026, None, 10).items[0].1.clone();
		assert_eq!((receipt.receipt.total, receipt.refunded_since), (50, 0));
		// The attack: claiming it twice, or a refund that was paid.
		assert_noop!(
			Donations::claim_refund(RuntimeOrigin::signed(unlucky), 1),
			Error::<Test>::NoUnpaidRefund
		);
		assert_noop!(
			Donations::claim_refund(RuntimeOrigin::signed(DONOR), 0),
			Error::<Test>::NoUnpaidRefund
		);
		assert_noop!(Donations::claim_refund(RuntimeOrigin::none(), 1), BadOrigin);
	});
}

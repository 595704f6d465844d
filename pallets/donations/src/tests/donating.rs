//! Donations in S-coin held in escrow, withdrawals within the cooling-off period, and won
//! donations recorded by the charity and confirmed by the donor.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok, traits::Get};
use sp_runtime::{DispatchError::BadOrigin, TokenError};

#[test]
fn a_donation_moves_to_escrow_on_hold_and_nothing_is_minted() {
	ExtBuilder.build_and_execute(|| {
		let id = open(FundingMode::KeepWhatIsRaised, &[1_000]);
		let issuance = Balances::total_issuance();
		System::reset_events();
		let donation = give(DONOR, id, 300);
		assert_eq!(free(DONOR), ENDOWMENT - 300);
		assert_eq!(Donations::escrow_held(), 300);
		assert_eq!(free(Donations::escrow_account()), 0);
		assert_eq!(Balances::total_issuance(), issuance);
		let campaign = Campaigns::<Test>::get(id).unwrap();
		assert_eq!((campaign.raised, campaign.held(), campaign.donations), (300, 300, 1));
		assert_eq!(
			DonationRecords::<Test>::get(donation),
			Some(Donation {
				donor: DONOR,
				campaign: id,
				amount: 300,
				kind: DonationKind::SCoin,
				given_at: NOW,
				withdrawable_until: NOW + 7 * DAY,
				state: DonationState::Given,
				refunded: 0,
				receipt: None,
			})
		);
		assert_eq!(CampaignDonations::<Test>::get(id, 0), Some(donation));
		assert_eq!(DonorDonations::<Test>::get(DONOR, 0), Some(donation));
		assert_eq!(
			ReceiptableDonations::<Test>::get((DONOR, CHARITY, 2026)).to_vec(),
			vec![donation]
		);
		assert_eq!(
			donation_events(),
			vec![Event::Donated { campaign: id, donation, donor: DONOR, amount: 300 }]
		);
		// Organisations give too; the escrow sums every campaign's.
		let other = open(FundingMode::AllOrNothing, &[50]);
		Register::add(&STRANGER, MemberKind::Employer, &[]);
		give(STRANGER, other, 50);
		assert_eq!(Donations::escrow_held(), 350);
	});
}

#[test]
fn donate_refuses_bad_calls() {
	ExtBuilder.build_and_execute(|| {
		let id = open(FundingMode::KeepWhatIsRaised, &[1_000]);
		assert_noop!(Donations::donate(RuntimeOrigin::root(), id, 100), BadOrigin);
		assert_noop!(
			Donations::donate(RuntimeOrigin::signed(STRANGER), id, 100),
			Error::<Test>::NotMember
		);
		assert_noop!(
			Donations::donate(RuntimeOrigin::signed(DONOR), id + 1, 100),
			Error::<Test>::UnknownCampaign
		);
		assert_noop!(
			Donations::donate(RuntimeOrigin::signed(DONOR), id, 9),
			Error::<Test>::DonationTooSmall
		);
		// The donor keeps the existential deposit.
		assert_noop!(
			Donations::donate(RuntimeOrigin::signed(DONOR), id, ENDOWMENT),
			TokenError::FundsUnavailable
		);
		assert_noop!(
			Donations::donate(RuntimeOrigin::signed(DONOR), id, ENDOWMENT + 1),
			TokenError::FundsUnavailable
		);
		// At most four donations a year from one donor to one charity (the receipt's lines).
		for _ in 0..4 {
			give(DONOR, id, 10);
		}
		assert_noop!(
			Donations::donate(RuntimeOrigin::signed(DONOR), id, 10),
			Error::<Test>::TooManyDonations
		);
		// A closed or cancelled campaign takes nothing.
		assert_ok!(Donations::cancel_campaign(RuntimeOrigin::signed(CHARITY), id));
		assert_noop!(
			Donations::donate(RuntimeOrigin::signed(OTHER_DONOR), id, 100),
			Error::<Test>::CampaignClosed
		);
	});
}

#[test]
fn a_donor_withdraws_within_the_cooling_off_period() {
	ExtBuilder.build_and_execute(|| {
		let id = open(FundingMode::KeepWhatIsRaised, &[1_000]);
		let donation = give(DONOR, id, 300);
		give(OTHER_DONOR, id, 200);
		pass_days(6);
		System::reset_events();
		assert_ok!(Donations::withdraw_donation(RuntimeOrigin::signed(DONOR), donation));
		assert_eq!(free(DONOR), ENDOWMENT);
		assert_eq!(Donations::escrow_held(), 200);
		assert_eq!(Campaigns::<Test>::get(id).unwrap().raised, 200);
		assert_eq!(DonationRecords::<Test>::get(donation).unwrap().state, DonationState::Withdrawn);
		assert_eq!(
			donation_events(),
			vec![Event::DonationWithdrawn { campaign: id, donation, donor: DONOR, amount: 300 }]
		);
		assert_noop!(
			Donations::withdraw_donation(RuntimeOrigin::signed(DONOR), donation),
			Error::<Test>::NotWithdrawable
		);
	});
}

#[test]
fn withdraw_refuses_bad_calls() {
	ExtBuilder.build_and_execute(|| {
		let id = open(FundingMode::KeepWhatIsRaised, &[100, 900]);
		let first = give(DONOR, id, 300);
		assert_noop!(Donations::withdraw_donation(RuntimeOrigin::root(), first), BadOrigin);
		// The attack: someone else taking a donor's donation back.
		for signer in [OTHER_DONOR, CHARITY, STRANGER] {
			assert_noop!(
				Donations::withdraw_donation(RuntimeOrigin::signed(signer), first),
				Error::<Test>::NotDonor
			);
		}
		assert_noop!(
			Donations::withdraw_donation(RuntimeOrigin::signed(DONOR), 99),
			Error::<Test>::UnknownDonation
		);
		// Past the cooling-off, no more.
		pass_days(7);
		assert_noop!(
			Donations::withdraw_donation(RuntimeOrigin::signed(DONOR), first),
			Error::<Test>::CoolingOffOver
		);
		// Nor from a refunding campaign: the refund pays it back.
		let other = open(FundingMode::KeepWhatIsRaised, &[100]);
		let second = give(OTHER_DONOR, other, 100);
		assert_ok!(Donations::cancel_campaign(RuntimeOrigin::signed(CHARITY), other));
		assert_noop!(
			Donations::withdraw_donation(RuntimeOrigin::signed(OTHER_DONOR), second),
			Error::<Test>::AlreadyEnded
		);
	});
}

#[test]
fn a_donation_keeps_the_cooling_off_it_was_given_with() {
	// The attack: the city lengthens the cooling-off after a receipt was issued, or after a
	// campaign closed, and donations come back out of the escrow.
	ExtBuilder.build_and_execute(|| {
		let id = open(FundingMode::KeepWhatIsRaised, &[1_000]);
		let old = give(DONOR, id, 300);
		pass_days(7);
		assert_ok!(Donations::issue_receipt(RuntimeOrigin::signed(CHARITY), DONOR, 2026));
		assert_ok!(Donations::set_cooling_off(RuntimeOrigin::root(), 30 * DAY));
		assert_noop!(
			Donations::withdraw_donation(RuntimeOrigin::signed(DONOR), old),
			Error::<Test>::CoolingOffOver
		);
		// A donation given now has the new period, and the campaign closes only after it.
		let new = give(OTHER_DONOR, id, 100);
		assert_eq!(
			DonationRecords::<Test>::get(new).map(|gift| gift.withdrawable_until),
			Some(Timestamp::get() + 30 * DAY)
		);
		pass_days(23);
		assert_noop!(
			Donations::close_campaign(RuntimeOrigin::signed(STRANGER), id),
			Error::<Test>::StillFundraising
		);
		assert_ok!(Donations::withdraw_donation(RuntimeOrigin::signed(OTHER_DONOR), new));
	});
}

#[test]
fn a_won_donation_counts_once_its_donor_confirms_it() {
	ExtBuilder.build_and_execute(|| {
		let id = open(FundingMode::KeepWhatIsRaised, &[1_000]);
		System::reset_events();
		assert_ok!(Donations::record_won_donation(
			RuntimeOrigin::signed(CHARITY),
			id,
			DONOR,
			50_000,
			hash(0xb1),
			NOW,
		));
		let donation = 0;
		let gift = DonationRecords::<Test>::get(donation).unwrap();
		assert_eq!(gift.state, DonationState::Unconfirmed);
		assert_eq!(gift.kind, DonationKind::Won { bank_reference_hash: hash(0xb1) });
		assert_eq!(gift.given_at, NOW);
		assert_eq!(BankReferences::<Test>::get(hash(0xb1)), Some(donation));
		assert_eq!(Campaigns::<Test>::get(id).unwrap().raised_won, 0);
		assert_ok!(Donations::confirm_won_donation(RuntimeOrigin::signed(DONOR), donation));
		assert_eq!(DonationRecords::<Test>::get(donation).unwrap().state, DonationState::Given);
		let campaign = Campaigns::<Test>::get(id).unwrap();
		// Won is counted apart: the escrow holds no won.
		assert_eq!(
			(campaign.raised_won, campaign.raised, Donations::escrow_held()),
			(50_000, 0, 0)
		);
		assert_eq!(
			donation_events(),
			vec![
				Event::WonDonationRecorded {
					campaign: id,
					donation,
					donor: DONOR,
					amount: 50_000,
					bank_reference_hash: hash(0xb1),
				},
				Event::WonDonationConfirmed { campaign: id, donation, donor: DONOR },
			]
		);
		assert_noop!(
			Donations::confirm_won_donation(RuntimeOrigin::signed(DONOR), donation),
			Error::<Test>::NotUnconfirmed
		);
		// A won donation is not withdrawn on chain: the bank transfer is the charity's to undo.
		assert_noop!(
			Donations::withdraw_donation(RuntimeOrigin::signed(DONOR), donation),
			Error::<Test>::NotWithdrawable
		);
	});
}

#[test]
fn won_donations_refuse_bad_calls() {
	ExtBuilder.build_and_execute(|| {
		let id = open(FundingMode::KeepWhatIsRaised, &[1_000]);
		let record = |signer, donor, amount, reference, paid_at| {
			Donations::record_won_donation(
				RuntimeOrigin::signed(signer),
				id,
				donor,
				amount,
				hash(reference),
				paid_at,
			)
		};
		assert_noop!(
			Donations::record_won_donation(RuntimeOrigin::root(), id, DONOR, 1, hash(1), NOW),
			BadOrigin
		);
		assert_noop!(record(DONOR, DONOR, 100, 1, NOW), Error::<Test>::NotCharity);
		// The attack: another charity claiming donations to this campaign.
		assert_noop!(record(OTHER_CHARITY, DONOR, 100, 1, NOW), Error::<Test>::NotCampaignCharity);
		assert_noop!(record(CHARITY, STRANGER, 100, 1, NOW), Error::<Test>::NotMember);
		assert_noop!(record(CHARITY, DONOR, 0, 1, NOW), Error::<Test>::ZeroAmount);
		assert_noop!(record(CHARITY, DONOR, 100, 1, NOW + 1), Error::<Test>::BadDate);
		// The attack: a transfer dated before the campaign opened (a January gift dated in
		// December), to move the donation into last year's receipts; or a year back.
		assert_noop!(record(CHARITY, DONOR, 100, 1, NOW - 1), Error::<Test>::BadDate);
		assert_noop!(record(CHARITY, DONOR, 100, 1, NOW - 365 * DAY), Error::<Test>::BadDate);
		assert_ok!(record(CHARITY, DONOR, 100, 1, NOW));
		// The attack: one bank transfer recorded twice, for two receipts.
		assert_noop!(
			record(CHARITY, OTHER_DONOR, 100, 1, NOW),
			Error::<Test>::DuplicateBankReference
		);
		// Only the named donor confirms.
		for signer in [OTHER_DONOR, CHARITY] {
			assert_noop!(
				Donations::confirm_won_donation(RuntimeOrigin::signed(signer), 0),
				Error::<Test>::NotDonor
			);
		}
		assert_noop!(
			Donations::confirm_won_donation(RuntimeOrigin::signed(DONOR), 7),
			Error::<Test>::UnknownDonation
		);
		assert_noop!(Donations::confirm_won_donation(RuntimeOrigin::none(), 0), BadOrigin);
		// Nor to a campaign that ended.
		assert_ok!(Donations::cancel_campaign(RuntimeOrigin::root(), id));
		assert_noop!(record(CHARITY, DONOR, 100, 2, NOW), Error::<Test>::CampaignClosed);
	});
}

#[test]
fn a_won_transfer_is_dated_within_its_campaigns_life() {
	ExtBuilder.build_and_execute(|| {
		let id = open(FundingMode::KeepWhatIsRaised, &[1_000]);
		let deadline = Campaigns::<Test>::get(id).unwrap().deadline;
		let max_duration: u64 = <Test as Config>::MaxCampaignDuration::get();
		let record = |reference, paid_at| {
			Donations::record_won_donation(
				RuntimeOrigin::signed(CHARITY),
				id,
				DONOR,
				100,
				hash(reference),
				paid_at,
			)
		};
		assert_eq!(CampaignOpenedAt::<Test>::get(id), Some(NOW));
		assert_noop!(record(1, NOW - 1), Error::<Test>::BadDate);
		assert_ok!(record(1, NOW));
		// A campaign opened before opening times were kept (spec 106) takes transfers from the
		// earliest it could have opened.
		CampaignOpenedAt::<Test>::remove(id);
		assert_noop!(record(4, deadline - max_duration - 1), Error::<Test>::BadDate);
		assert_ok!(record(4, deadline - max_duration));
		// After the deadline, the campaign (funded) still takes records of transfers made
		// while it raised, and none made since.
		pass_days(100);
		close(id);
		assert_ok!(record(2, deadline));
		assert_noop!(record(3, deadline + 1), Error::<Test>::BadDate);
	});
}

#[test]
fn a_wrong_won_record_is_retracted_by_its_charity_or_disputed_by_its_donor() {
	ExtBuilder.build_and_execute(|| {
		let id = open(FundingMode::KeepWhatIsRaised, &[1_000]);
		let record = |donor, amount| {
			Donations::record_won_donation(
				RuntimeOrigin::signed(CHARITY),
				id,
				donor,
				amount,
				hash(0xb1),
				NOW,
			)
		};
		// Recorded for the wrong donor: the charity takes it back.
		assert_ok!(record(OTHER_DONOR, 5_000));
		let year = seoul_primitives::calendar::Date::in_korea_at(NOW).year;
		assert_eq!(ReceiptableDonations::<Test>::get((OTHER_DONOR, CHARITY, year)).len(), 1);
		// Only the donor and the charity may; the donor's year keeps the record meanwhile.
		for signer in [DONOR, OTHER_CHARITY, STRANGER] {
			assert_noop!(
				Donations::retract_won_donation(RuntimeOrigin::signed(signer), 0),
				Error::<Test>::NotParty
			);
		}
		assert_noop!(Donations::retract_won_donation(RuntimeOrigin::root(), 0), BadOrigin);
		assert_noop!(
			Donations::retract_won_donation(RuntimeOrigin::signed(CHARITY), 9),
			Error::<Test>::UnknownDonation
		);
		System::reset_events();
		assert_ok!(Donations::retract_won_donation(RuntimeOrigin::signed(CHARITY), 0));
		assert_eq!(
			donation_events(),
			vec![Event::WonDonationRetracted { campaign: id, donation: 0, by: CHARITY }]
		);
		let gift = DonationRecords::<Test>::get(0).unwrap();
		assert_eq!(gift.state, DonationState::Retracted);
		assert_eq!(BankReferences::<Test>::get(hash(0xb1)), None);
		// The charity's retraction keeps the record's place in the donor's year, so that
		// recording and retracting again cannot grow the donor's records without bound.
		assert_eq!(
			ReceiptableDonations::<Test>::get((OTHER_DONOR, CHARITY, year)).to_vec(),
			vec![0]
		);
		// Retracted, it is confirmed by no one and retracted no more.
		assert_noop!(
			Donations::confirm_won_donation(RuntimeOrigin::signed(OTHER_DONOR), 0),
			Error::<Test>::NotUnconfirmed
		);
		assert_noop!(
			Donations::retract_won_donation(RuntimeOrigin::signed(OTHER_DONOR), 0),
			Error::<Test>::NotUnconfirmed
		);
		// The same transfer recorded again, rightly; the donor disputes the amount, which frees
		// the place: the donor decides how many of their places disputes take.
		assert_ok!(record(DONOR, 50_000));
		assert_eq!(ReceiptableDonations::<Test>::get((DONOR, CHARITY, year)).to_vec(), vec![1]);
		assert_ok!(Donations::retract_won_donation(RuntimeOrigin::signed(DONOR), 1));
		assert_eq!(DonationRecords::<Test>::get(1).unwrap().state, DonationState::Retracted);
		assert!(!ReceiptableDonations::<Test>::contains_key((DONOR, CHARITY, year)));
		// Third time right: confirmed, it can no longer be retracted.
		assert_ok!(record(DONOR, 5_000));
		assert_ok!(Donations::confirm_won_donation(RuntimeOrigin::signed(DONOR), 2));
		for signer in [DONOR, CHARITY] {
			assert_noop!(
				Donations::retract_won_donation(RuntimeOrigin::signed(signer), 2),
				Error::<Test>::NotUnconfirmed
			);
		}
		// Nor is an S-coin donation retracted this way.
		let gift = give(DONOR, id, 100);
		assert_noop!(
			Donations::retract_won_donation(RuntimeOrigin::signed(DONOR), gift),
			Error::<Test>::NotUnconfirmed
		);
		// Counted: the confirmed record alone; the receipt lists it alone.
		assert_eq!(Campaigns::<Test>::get(id).unwrap().raised_won, 5_000);
		assert_eq!(ReceiptableDonations::<Test>::get((DONOR, CHARITY, year)).to_vec(), vec![2, 3]);
		// Once the campaign takes no records, nothing is retracted: the transfer could not be
		// recorded again.
		assert_ok!(Donations::record_won_donation(
			RuntimeOrigin::signed(CHARITY),
			id,
			OTHER_DONOR,
			700,
			hash(0xb2),
			NOW
		));
		assert_ok!(Donations::cancel_campaign(RuntimeOrigin::root(), id));
		assert_noop!(
			Donations::retract_won_donation(RuntimeOrigin::signed(OTHER_DONOR), 4),
			Error::<Test>::CampaignClosed
		);
	});
}

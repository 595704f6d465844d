//! Donation receipts: issued by the charity for a donor's year, donations past their
//! cooling-off and confirmed, net of refunds, numbered per charity and year.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};
use seoul_primitives::calendar::Date;
use sp_runtime::DispatchError::BadOrigin;

#[test]
fn a_charity_issues_a_receipt_for_a_donors_year() {
	ExtBuilder.build_and_execute(|| {
		let first = open(FundingMode::KeepWhatIsRaised, &[1_000]);
		let second = open(FundingMode::KeepWhatIsRaised, &[1_000]);
		let a = give(DONOR, first, 300);
		let b = give(DONOR, second, 200);
		assert_ok!(Donations::record_won_donation(
			RuntimeOrigin::signed(CHARITY),
			first,
			DONOR,
			50_000,
			hash(0xb1),
			NOW
		));
		let won = 2;
		assert_ok!(Donations::confirm_won_donation(RuntimeOrigin::signed(DONOR), won));
		// Another donor's, and a donation to another charity, are not on it.
		give(OTHER_DONOR, first, 100);
		// The S-coin donations are past their cooling-off a week later.
		pass_days(7);
		System::reset_events();
		assert_ok!(Donations::issue_receipt(RuntimeOrigin::signed(CHARITY), DONOR, 2026));
		let number = ReceiptNumber { year: 2026, serial: 1 };
		let receipt = Receipts::<Test>::get(CHARITY, number).expect("issued");
		assert_eq!(receipt.registration, RegistrationNumber(REGISTRATION));
		assert_eq!(receipt.donation_type, DonationType::General);
		assert_eq!(receipt.donor, DONOR);
		assert_eq!(receipt.total, 50_500);
		assert_eq!(receipt.issued_at, NOW + 7 * DAY);
		let date = Date::in_korea_at(NOW);
		assert_eq!(
			receipt.lines.to_vec(),
			vec![
				ReceiptLine { donation: a, date, kind: DonationKind::SCoin, amount: 300 },
				ReceiptLine { donation: b, date, kind: DonationKind::SCoin, amount: 200 },
				ReceiptLine {
					donation: won,
					date: Date::in_korea_at(NOW),
					kind: DonationKind::Won { bank_reference_hash: hash(0xb1) },
					amount: 50_000
				},
			]
		);
		assert_eq!(date, Date { year: 2026, month: 11, day: 23 });
		assert_eq!(DonationRecords::<Test>::get(a).unwrap().receipt, Some(number));
		assert_eq!(DonorReceipts::<Test>::get((DONOR, 2026, 0)), Some((CHARITY, number)));
		assert_eq!(
			donation_events(),
			vec![Event::ReceiptIssued {
				charity: CHARITY,
				number,
				donor: DONOR,
				lines: 3,
				total: 50_500
			}]
		);
		// Each donation is on one receipt: nothing is left to list.
		assert_noop!(
			Donations::issue_receipt(RuntimeOrigin::signed(CHARITY), DONOR, 2026),
			Error::<Test>::NothingToReceipt
		);
		// The next receipt of the year takes the next serial.
		assert_ok!(Donations::issue_receipt(RuntimeOrigin::signed(CHARITY), OTHER_DONOR, 2026));
		assert!(Receipts::<Test>::contains_key(CHARITY, ReceiptNumber { year: 2026, serial: 2 }));
	});
}

#[test]
fn a_receipt_leaves_out_what_can_still_change_and_what_was_paid_back() {
	ExtBuilder.build_and_execute(|| {
		let id = open(FundingMode::KeepWhatIsRaised, &[500, 500]);
		let kept = give(DONOR, id, 400);
		let withdrawn = give(DONOR, id, 100);
		assert_ok!(Donations::withdraw_donation(RuntimeOrigin::signed(DONOR), withdrawn));
		assert_ok!(Donations::record_won_donation(
			RuntimeOrigin::signed(CHARITY),
			id,
			DONOR,
			70,
			hash(0xb2),
			NOW
		));
		pass_days(3);
		let recent = give(DONOR, id, 100);
		pass_days(4);
		assert_ok!(Donations::issue_receipt(RuntimeOrigin::signed(CHARITY), DONOR, 2026));
		let receipt = |serial| {
			let receipt =
				Receipts::<Test>::get(CHARITY, ReceiptNumber { year: 2026, serial }).unwrap();
			(receipt.lines.iter().map(|line| line.donation).collect::<Vec<_>>(), receipt.total)
		};
		// The withdrawn and the unconfirmed won donations are not listed, nor the recent one,
		// still in its cooling-off.
		assert_eq!(receipt(1), (vec![kept], 400));
		pass_days(3);
		assert_ok!(Donations::issue_receipt(RuntimeOrigin::signed(CHARITY), DONOR, 2026));
		assert_eq!(receipt(2), (vec![recent], 100));
	});
}

#[test]
fn a_refund_after_the_receipt_is_shown_against_it() {
	ExtBuilder.build_and_execute(|| {
		let id = open(FundingMode::KeepWhatIsRaised, &[100, 900]);
		let donation = give(DONOR, id, 400);
		give(OTHER_DONOR, id, 600);
		pass_days(7);
		assert_ok!(Donations::issue_receipt(RuntimeOrigin::signed(CHARITY), DONOR, 2026));
		// 100 of 1,000 released, then cancelled: the donor gets 360 of 400 back.
		release(id, 0);
		assert_ok!(Donations::cancel_campaign(RuntimeOrigin::signed(CHARITY), id));
		assert_ok!(Donations::refund(RuntimeOrigin::signed(STRANGER), id, 5));
		assert_eq!(DonationRecords::<Test>::get(donation).unwrap().refunded, 360);
		let page = Donations::donor_receipts(&DONOR, 2026, None, 10);
		assert_eq!(page.items.len(), 1);
		let issued = &page.items[0].1;
		assert_eq!((issued.receipt.total, issued.refunded_since), (400, 360));
		// A receipt issued later shows nothing refunded since (the release closed the campaign
		// in the new year).
		let year = Date::in_korea_at(Timestamp::get()).year;
		assert_eq!(year, 2027);
		give(DONOR, open(FundingMode::KeepWhatIsRaised, &[100]), 50);
		pass_days(7);
		assert_ok!(Donations::issue_receipt(RuntimeOrigin::signed(CHARITY), DONOR, year));
		let page = Donations::donor_receipts(&DONOR, year, None, 10);
		assert_eq!(page.items[0].1.receipt.total, 50);
		assert_eq!(page.items[0].1.refunded_since, 0);
	});
}

#[test]
fn issue_receipt_refuses_bad_calls() {
	ExtBuilder.build_and_execute(|| {
		let id = open(FundingMode::KeepWhatIsRaised, &[1_000]);
		give(DONOR, id, 300);
		assert_noop!(Donations::issue_receipt(RuntimeOrigin::root(), DONOR, 2026), BadOrigin);
		for signer in [DONOR, REVIEWER, STRANGER] {
			assert_noop!(
				Donations::issue_receipt(RuntimeOrigin::signed(signer), DONOR, 2026),
				Error::<Test>::NotCharity
			);
		}
		assert_noop!(
			Donations::issue_receipt(RuntimeOrigin::signed(UNREGISTERED_CHARITY), DONOR, 2026),
			Error::<Test>::CharityNotRegistered
		);
		// Still in its cooling-off.
		assert_noop!(
			Donations::issue_receipt(RuntimeOrigin::signed(CHARITY), DONOR, 2026),
			Error::<Test>::NothingToReceipt
		);
		pass_days(7);
		// The attack: a charity issuing receipts for donations to another charity, or for a
		// year the donor gave nothing.
		assert_noop!(
			Donations::issue_receipt(RuntimeOrigin::signed(OTHER_CHARITY), DONOR, 2026),
			Error::<Test>::NothingToReceipt
		);
		assert_noop!(
			Donations::issue_receipt(RuntimeOrigin::signed(CHARITY), DONOR, 2025),
			Error::<Test>::NothingToReceipt
		);
		assert_ok!(Donations::issue_receipt(RuntimeOrigin::signed(CHARITY), DONOR, 2026));
	});
}

#[test]
fn a_donation_on_new_years_eve_in_korea_belongs_to_the_new_year() {
	ExtBuilder.build_and_execute(|| {
		// 2026-12-31T15:00:00Z is midnight in Seoul.
		let new_year_in_seoul = 1_798_729_200_000;
		Timestamp::set_timestamp(new_year_in_seoul - 1);
		let id = open(FundingMode::KeepWhatIsRaised, &[1_000]);
		give(DONOR, id, 100);
		Timestamp::set_timestamp(new_year_in_seoul);
		give(DONOR, id, 200);
		assert_eq!(ReceiptableDonations::<Test>::get((DONOR, CHARITY, 2026)).len(), 1);
		assert_eq!(ReceiptableDonations::<Test>::get((DONOR, CHARITY, 2027)).len(), 1);
		pass_days(7);
		assert_ok!(Donations::issue_receipt(RuntimeOrigin::signed(CHARITY), DONOR, 2027));
		let receipt =
			Receipts::<Test>::get(CHARITY, ReceiptNumber { year: 2027, serial: 1 }).unwrap();
		assert_eq!(receipt.total, 200);
		assert_eq!(receipt.lines[0].date, Date { year: 2027, month: 1, day: 1 });
	});
}

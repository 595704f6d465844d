//! What donors, charities and auditors read without a transaction: campaigns, where each
//! donation went, spending reports, receipts.

use crate::{mock::*, *};
use frame_support::assert_ok;

#[test]
fn a_campaign_shows_raised_held_released_refunded_and_spent() {
	ExtBuilder.build_and_execute(|| {
		let id = open(FundingMode::KeepWhatIsRaised, &[400, 600]);
		give(DONOR, id, 600);
		give(OTHER_DONOR, id, 200);
		release(id, 0);
		assert_ok!(Donations::report_spending(
			RuntimeOrigin::signed(CHARITY),
			id,
			150,
			SpendingCategory::Programme,
			hash(0x40)
		));
		let summary = Donations::campaign_summary(id).expect("a campaign");
		let campaign = &summary.campaign;
		assert_eq!(
			(campaign.raised, summary.held, campaign.released, campaign.refunded, campaign.spent),
			(800, 400, 400, 0, 150)
		);
		assert!(Donations::campaign_summary(id + 1).is_none());
		let page = Donations::campaigns(None, 10);
		assert_eq!(page.items.len(), 1);
		assert_eq!(page.next, None);
		let reports = Donations::spending_reports(id, None, 10);
		assert_eq!(
			reports.items.iter().map(|(n, report)| (*n, report.amount)).collect::<Vec<_>>(),
			vec![(0, 150)]
		);
	});
}

#[test]
fn a_donor_sees_where_each_donation_went() {
	ExtBuilder.build_and_execute(|| {
		let id = open(FundingMode::KeepWhatIsRaised, &[400, 600]);
		let mine = give(DONOR, id, 600);
		give(OTHER_DONOR, id, 200);
		release(id, 0);
		// Three quarters of what was raised is the donor's: 300 of the 400 released, 300 of
		// the 400 held.
		let page = Donations::donor_donations(&DONOR, None, 10);
		assert_eq!(page.items.len(), 1);
		let trace = &page.items[0].1;
		assert_eq!((trace.id, trace.released, trace.held), (mine, 300, 300));
		// The campaign lists both, in the order given.
		let donations = Donations::campaign_donations(id, None, 10);
		assert_eq!(
			donations.items.iter().map(|(_, trace)| trace.donation.donor).collect::<Vec<_>>(),
			vec![DONOR, OTHER_DONOR]
		);
		// While refunding, what each will get back; once refunded, nothing held.
		assert_ok!(Donations::cancel_campaign(RuntimeOrigin::signed(CHARITY), id));
		assert_eq!(Donations::trace(mine).map(|trace| trace.held), Some(300));
		assert_ok!(Donations::refund(RuntimeOrigin::signed(STRANGER), id, 5));
		let trace = Donations::trace(mine).unwrap();
		assert_eq!((trace.released, trace.held, trace.donation.refunded), (300, 0, 300));
		assert_eq!(Donations::trace(99), None);
	});
}

#[test]
fn lists_come_a_page_at_a_time() {
	ExtBuilder.build_and_execute(|| {
		for _ in 0..3 {
			open(FundingMode::KeepWhatIsRaised, &[100]);
		}
		let first = Donations::campaigns(None, 2);
		assert_eq!(first.items.iter().map(|(id, _)| *id).collect::<Vec<_>>(), vec![0, 1]);
		let rest = Donations::campaigns(first.next, 2);
		assert_eq!(rest.items.iter().map(|(id, _)| *id).collect::<Vec<_>>(), vec![2]);
		assert_eq!(rest.next, None);
		for campaign in 0..3 {
			give(DONOR, campaign, 10);
		}
		let page = Donations::donor_donations(&DONOR, Some(0), 1);
		assert_eq!(page.items.iter().map(|(n, _)| *n).collect::<Vec<_>>(), vec![1]);
		assert_eq!(page.next, Some(1));
		assert!(Donations::donor_donations(&OTHER_DONOR, None, 10).items.is_empty());
		assert!(Donations::donor_receipts(&DONOR, 2026, None, 10).items.is_empty());
	});
}

//! Milestones claimed by the charity and ruled on by the reviewer, releases from escrow, and
//! spending reports.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};
use sp_runtime::DispatchError::BadOrigin;

#[test]
fn the_reviewer_releases_a_claimed_milestone_to_the_charity() {
	ExtBuilder.build_and_execute(|| {
		let id = open(FundingMode::KeepWhatIsRaised, &[600, 400]);
		give(DONOR, id, 700);
		close(id);
		System::reset_events();
		assert_ok!(Donations::claim_milestone(RuntimeOrigin::signed(CHARITY), id, 0, hash(0x20)));
		assert_eq!(
			Campaigns::<Test>::get(id).unwrap().milestones[0].state,
			MilestoneState::Claimed { evidence_hash: hash(0x20) }
		);
		assert_ok!(Donations::approve_milestone(RuntimeOrigin::signed(REVIEWER), id, 0));
		let campaign = Campaigns::<Test>::get(id).unwrap();
		assert_eq!(campaign.milestones[0].state, MilestoneState::Released { amount: 600 });
		assert_eq!((campaign.released, campaign.held()), (600, 100));
		assert_eq!(free(CHARITY), 600);
		assert_eq!(Donations::escrow_held(), 100);
		assert_eq!(
			donation_events(),
			vec![
				Event::MilestoneClaimed { campaign: id, milestone: 0, evidence_hash: hash(0x20) },
				Event::MilestoneReleased {
					campaign: id,
					milestone: 0,
					charity: CHARITY,
					amount: 600
				},
			]
		);
		// The next milestone costs more than is held: what is held is released.
		release(id, 1);
		let campaign = Campaigns::<Test>::get(id).unwrap();
		assert_eq!(campaign.milestones[1].state, MilestoneState::Released { amount: 100 });
		assert_eq!((campaign.released, campaign.held(), free(CHARITY)), (700, 0, 700));
	});
}

#[test]
fn the_city_reviews_the_campaigns_that_name_it() {
	ExtBuilder.build_and_execute(|| {
		assert_ok!(Donations::open_campaign(
			RuntimeOrigin::signed(CHARITY),
			100,
			NOW + DAY,
			FundingMode::KeepWhatIsRaised,
			Reviewer::City,
			hash(1),
			plan(&[100]),
		));
		give(DONOR, 0, 100);
		close(0);
		assert_ok!(Donations::claim_milestone(RuntimeOrigin::signed(CHARITY), 0, 0, hash(2)));
		assert_noop!(
			Donations::approve_milestone(RuntimeOrigin::signed(REVIEWER), 0, 0),
			Error::<Test>::NotReviewer
		);
		assert_ok!(Donations::approve_milestone(RuntimeOrigin::root(), 0, 0));
		assert_eq!(free(CHARITY), 100);
	});
}

#[test]
fn a_rejected_milestone_is_claimed_again_with_new_evidence() {
	ExtBuilder.build_and_execute(|| {
		let id = open(FundingMode::KeepWhatIsRaised, &[500]);
		give(DONOR, id, 500);
		close(id);
		assert_ok!(Donations::claim_milestone(RuntimeOrigin::signed(CHARITY), id, 0, hash(0x20)));
		System::reset_events();
		assert_ok!(Donations::reject_milestone(RuntimeOrigin::signed(REVIEWER), id, 0, hash(0x30)));
		assert_eq!(
			Campaigns::<Test>::get(id).unwrap().milestones[0].state,
			MilestoneState::Rejected { evidence_hash: hash(0x20), reason_hash: hash(0x30) }
		);
		assert_eq!(
			donation_events(),
			vec![Event::MilestoneRejected { campaign: id, milestone: 0, reason_hash: hash(0x30) }]
		);
		assert_noop!(
			Donations::approve_milestone(RuntimeOrigin::signed(REVIEWER), id, 0),
			Error::<Test>::MilestoneNotClaimed
		);
		assert_ok!(Donations::claim_milestone(RuntimeOrigin::signed(CHARITY), id, 0, hash(0x21)));
		assert_ok!(Donations::approve_milestone(RuntimeOrigin::signed(REVIEWER), id, 0));
		assert_eq!(free(CHARITY), 500);
	});
}

#[test]
fn milestone_calls_refuse_bad_calls() {
	ExtBuilder.build_and_execute(|| {
		let id = open(FundingMode::KeepWhatIsRaised, &[300, 300]);
		let empty = open(FundingMode::KeepWhatIsRaised, &[300]);
		give(DONOR, id, 300);
		close(id);
		assert_ok!(Donations::close_campaign(RuntimeOrigin::signed(STRANGER), empty));
		let claim = |signer, milestone| {
			Donations::claim_milestone(RuntimeOrigin::signed(signer), id, milestone, hash(0x20))
		};
		assert_noop!(Donations::claim_milestone(RuntimeOrigin::root(), id, 0, hash(1)), BadOrigin);
		for signer in [OTHER_CHARITY, REVIEWER, DONOR] {
			assert_noop!(claim(signer, 0), Error::<Test>::NotCampaignCharity);
		}
		assert_noop!(claim(CHARITY, 2), Error::<Test>::UnknownMilestone);
		assert_noop!(claim(CHARITY, 1), Error::<Test>::MilestoneOutOfOrder);
		assert_ok!(claim(CHARITY, 0));
		assert_noop!(claim(CHARITY, 0), Error::<Test>::MilestoneNotClaimable);
		// The attack: the charity, another agency, a donor or the city approving in the named
		// reviewer's place.
		for origin in [
			RuntimeOrigin::signed(CHARITY),
			RuntimeOrigin::signed(OTHER_AGENCY),
			RuntimeOrigin::signed(DONOR),
			RuntimeOrigin::root(),
			RuntimeOrigin::none(),
		] {
			assert_noop!(
				Donations::approve_milestone(origin.clone(), id, 0),
				Error::<Test>::NotReviewer
			);
			assert_noop!(
				Donations::reject_milestone(origin, id, 0, hash(3)),
				Error::<Test>::NotReviewer
			);
		}
		assert_noop!(
			Donations::approve_milestone(RuntimeOrigin::signed(REVIEWER), id, 1),
			Error::<Test>::MilestoneNotClaimed
		);
		assert_noop!(
			Donations::approve_milestone(RuntimeOrigin::signed(REVIEWER), id, 5),
			Error::<Test>::UnknownMilestone
		);
		assert_noop!(
			Donations::reject_milestone(RuntimeOrigin::signed(REVIEWER), id, 1, hash(3)),
			Error::<Test>::MilestoneNotClaimed
		);
		assert_noop!(
			Donations::approve_milestone(RuntimeOrigin::signed(REVIEWER), 9, 0),
			Error::<Test>::UnknownCampaign
		);
		assert_ok!(Donations::approve_milestone(RuntimeOrigin::signed(REVIEWER), id, 0));
		// A released milestone is released once.
		assert_noop!(claim(CHARITY, 0), Error::<Test>::MilestoneNotClaimable);
		// A release beyond what is held: a funded campaign that holds nothing.
		assert_ok!(Donations::claim_milestone(RuntimeOrigin::signed(CHARITY), empty, 0, hash(1)));
		assert_noop!(
			Donations::approve_milestone(RuntimeOrigin::signed(REVIEWER), empty, 0),
			Error::<Test>::NothingHeld
		);
		// A refunding campaign releases nothing.
		assert_ok!(claim(CHARITY, 1));
		assert_ok!(Donations::cancel_campaign(RuntimeOrigin::root(), id));
		assert_noop!(
			Donations::approve_milestone(RuntimeOrigin::signed(REVIEWER), id, 1),
			Error::<Test>::ReleaseNotAllowed
		);
	});
}

#[test]
fn a_campaign_releases_only_once_closed_as_funded() {
	// The attack: a charity draining a campaign while it raises, before an all-or-nothing
	// campaign is decided, or before later donors have given to a pool it already spent.
	ExtBuilder.build_and_execute(|| {
		for mode in [FundingMode::AllOrNothing, FundingMode::KeepWhatIsRaised] {
			let id = open(mode, &[500]);
			give(DONOR, id, 500);
			assert_noop!(
				Donations::claim_milestone(RuntimeOrigin::signed(CHARITY), id, 0, hash(0x20)),
				Error::<Test>::ReleaseNotAllowed
			);
			release(id, 0);
		}
		assert_eq!(free(CHARITY), 1_000);
	});
}

#[test]
fn the_charity_reports_spending_up_to_what_was_released() {
	ExtBuilder.build_and_execute(|| {
		let id = open(FundingMode::KeepWhatIsRaised, &[500]);
		give(DONOR, id, 500);
		let report = |signer, amount| {
			Donations::report_spending(
				RuntimeOrigin::signed(signer),
				id,
				amount,
				SpendingCategory::DirectAid,
				hash(0x40),
			)
		};
		assert_noop!(report(CHARITY, 1), Error::<Test>::SpendingExceedsReleased);
		release(id, 0);
		System::reset_events();
		assert_ok!(report(CHARITY, 450));
		assert_eq!(
			SpendingReports::<Test>::get(id, 0),
			Some(SpendingReport {
				amount: 450,
				category: SpendingCategory::DirectAid,
				evidence_hash: hash(0x40),
				reported_at: Timestamp::get(),
			})
		);
		let campaign = Campaigns::<Test>::get(id).unwrap();
		assert_eq!((campaign.spent, campaign.reports), (450, 1));
		assert_eq!(
			donation_events(),
			vec![Event::SpendingReported {
				campaign: id,
				report: 0,
				amount: 450,
				category: SpendingCategory::DirectAid,
				evidence_hash: hash(0x40),
			}]
		);
		assert_noop!(report(CHARITY, 51), Error::<Test>::SpendingExceedsReleased);
		assert_noop!(report(CHARITY, Balance::MAX), Error::<Test>::SpendingExceedsReleased);
		assert_noop!(report(CHARITY, 0), Error::<Test>::ZeroAmount);
		assert_noop!(report(OTHER_CHARITY, 10), Error::<Test>::NotCampaignCharity);
		assert_noop!(
			Donations::report_spending(
				RuntimeOrigin::root(),
				id,
				1,
				SpendingCategory::Other,
				hash(1)
			),
			BadOrigin
		);
		assert_ok!(report(CHARITY, 50));
	});
}

#[test]
fn a_charity_stripped_of_its_role_gets_no_more_releases() {
	// The attack: a charity the city has stopped keeps drawing on its campaigns through a
	// reviewer who has not heard.
	ExtBuilder.build_and_execute(|| {
		let id = open(FundingMode::KeepWhatIsRaised, &[300, 300]);
		give(DONOR, id, 600);
		close(id);
		assert_ok!(Donations::claim_milestone(RuntimeOrigin::signed(CHARITY), id, 0, hash(0x20)));
		Register::take_roles(&CHARITY);
		assert_noop!(
			Donations::approve_milestone(RuntimeOrigin::signed(REVIEWER), id, 0),
			Error::<Test>::NotCharity
		);
		assert_noop!(
			Donations::claim_milestone(RuntimeOrigin::signed(CHARITY), id, 1, hash(0x21)),
			Error::<Test>::NotCharity
		);
		// The city cancels, and the donors get their money back.
		assert_ok!(Donations::cancel_campaign(RuntimeOrigin::root(), id));
		assert_ok!(Donations::refund(RuntimeOrigin::signed(STRANGER), id, 5));
		assert_eq!(free(DONOR), ENDOWMENT);
		assert_eq!(free(CHARITY), 0);
	});
}

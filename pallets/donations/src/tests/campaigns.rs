//! Opening, closing and cancelling campaigns.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};
use sp_runtime::DispatchError::BadOrigin;

#[test]
fn a_registered_charity_opens_a_campaign_with_its_plan() {
	ExtBuilder.build_and_execute(|| {
		System::reset_events();
		let id = open(FundingMode::AllOrNothing, &[600, 400]);
		let campaign = Campaigns::<Test>::get(id).expect("opened");
		assert_eq!(campaign.charity, CHARITY);
		assert_eq!(campaign.reviewer, Reviewer::Agency(REVIEWER));
		assert_eq!((campaign.goal, campaign.deadline), (1_000, NOW + 30 * DAY));
		assert_eq!(campaign.status, CampaignStatus::Fundraising);
		assert_eq!(
			campaign.milestones.iter().map(|step| (step.amount, step.state)).collect::<Vec<_>>(),
			vec![(600, MilestoneState::Pending), (400, MilestoneState::Pending)]
		);
		assert_eq!((campaign.raised, campaign.held()), (0, 0));
		assert_eq!(NextCampaignId::<Test>::get(), id + 1);
		assert_eq!(
			donation_events(),
			vec![Event::CampaignOpened {
				campaign: id,
				charity: CHARITY,
				reviewer: Reviewer::Agency(REVIEWER),
				goal: 1_000,
				deadline: NOW + 30 * DAY,
				mode: FundingMode::AllOrNothing,
				description_hash: hash(1),
			}]
		);
		// The city may be the reviewer.
		assert_ok!(Donations::open_campaign(
			RuntimeOrigin::signed(CHARITY),
			100,
			NOW + DAY,
			FundingMode::KeepWhatIsRaised,
			Reviewer::City,
			hash(2),
			plan(&[100]),
		));
	});
}

#[test]
fn open_campaign_refuses_bad_calls() {
	ExtBuilder.build_and_execute(|| {
		let open_with = |signer, goal, deadline, reviewer, milestones: &[Balance]| {
			Donations::open_campaign(
				RuntimeOrigin::signed(signer),
				goal,
				deadline,
				FundingMode::KeepWhatIsRaised,
				reviewer,
				hash(1),
				plan(milestones),
			)
		};
		let agency = Reviewer::Agency(REVIEWER);
		let deadline = NOW + DAY;
		assert_noop!(
			Donations::open_campaign(
				RuntimeOrigin::root(),
				100,
				deadline,
				FundingMode::KeepWhatIsRaised,
				Reviewer::City,
				hash(1),
				plan(&[100])
			),
			BadOrigin
		);
		for signer in [REVIEWER, DONOR, STRANGER] {
			assert_noop!(
				open_with(signer, 100, deadline, agency.clone(), &[100]),
				Error::<Test>::NotCharity
			);
		}
		assert_noop!(
			open_with(UNREGISTERED_CHARITY, 100, deadline, agency.clone(), &[100]),
			Error::<Test>::CharityNotRegistered
		);
		for bad in [NOW, NOW - 1, NOW + 90 * DAY + 1] {
			assert_noop!(
				open_with(CHARITY, 100, bad, agency.clone(), &[100]),
				Error::<Test>::BadDeadline
			);
		}
		assert_ok!(open_with(CHARITY, 100, NOW + 90 * DAY, agency.clone(), &[100]));
		// A plan that does not add up to the goal, is empty, or has a step of nothing.
		for (goal, milestones) in
			[(100, &[60, 30][..]), (100, &[60, 50][..]), (0, &[][..]), (100, &[100, 0][..])]
		{
			assert_noop!(
				open_with(CHARITY, goal, deadline, agency.clone(), milestones),
				Error::<Test>::BadPlan
			);
		}
		// The attack: a charity reviewing its own milestones, or naming a citizen, another
		// charity or a stranger to.
		for reviewer in [CHARITY, DONOR, OTHER_CHARITY, STRANGER] {
			assert_noop!(
				open_with(CHARITY, 100, deadline, Reviewer::Agency(reviewer), &[100]),
				Error::<Test>::BadReviewer
			);
		}
		Register::suspend(&REVIEWER);
		assert_noop!(open_with(CHARITY, 100, deadline, agency, &[100]), Error::<Test>::BadReviewer);
	});
}

#[test]
fn anyone_closes_a_campaign_after_its_deadline_and_its_last_cooling_off() {
	ExtBuilder.build_and_execute(|| {
		let id = open(FundingMode::AllOrNothing, &[1_000]);
		// A donation the day before the deadline may be withdrawn for a week after it.
		pass_days(29);
		give(DONOR, id, 1_000);
		pass_days(1);
		assert_noop!(
			Donations::close_campaign(RuntimeOrigin::signed(STRANGER), id),
			Error::<Test>::StillFundraising
		);
		assert_noop!(
			Donations::donate(RuntimeOrigin::signed(DONOR), id, 100),
			Error::<Test>::CampaignClosed
		);
		pass_days(5);
		assert_noop!(
			Donations::close_campaign(RuntimeOrigin::signed(STRANGER), id),
			Error::<Test>::StillFundraising
		);
		pass_days(1);
		System::reset_events();
		assert_ok!(Donations::close_campaign(RuntimeOrigin::signed(STRANGER), id));
		assert_eq!(Campaigns::<Test>::get(id).unwrap().status, CampaignStatus::Funded);
		assert_eq!(donation_events(), vec![Event::CampaignFunded { campaign: id, raised: 1_000 }]);
		assert_noop!(
			Donations::close_campaign(RuntimeOrigin::signed(STRANGER), id),
			Error::<Test>::NotFundraising
		);
		assert_noop!(Donations::close_campaign(RuntimeOrigin::root(), id), BadOrigin);
		assert_noop!(
			Donations::close_campaign(RuntimeOrigin::signed(STRANGER), id + 1),
			Error::<Test>::UnknownCampaign
		);
		// A campaign nobody gave to closes at its deadline.
		let quiet = open(FundingMode::KeepWhatIsRaised, &[100]);
		pass_days(30);
		assert_ok!(Donations::close_campaign(RuntimeOrigin::signed(STRANGER), quiet));
	});
}

#[test]
fn an_all_or_nothing_campaign_below_its_goal_closes_refunding() {
	ExtBuilder.build_and_execute(|| {
		let all_or_nothing = open(FundingMode::AllOrNothing, &[1_000]);
		let keep = open(FundingMode::KeepWhatIsRaised, &[1_000]);
		give(DONOR, all_or_nothing, 999);
		give(DONOR, keep, 10);
		pass_days(37);
		System::reset_events();
		assert_ok!(Donations::close_campaign(RuntimeOrigin::signed(STRANGER), all_or_nothing));
		assert_ok!(Donations::close_campaign(RuntimeOrigin::signed(STRANGER), keep));
		let status = |id| Campaigns::<Test>::get(id).unwrap().status;
		assert_eq!(status(all_or_nothing), CampaignStatus::Refunding(RefundReason::GoalMissed));
		assert_eq!(status(keep), CampaignStatus::Funded);
		assert!(RefundingCampaigns::<Test>::contains_key(all_or_nothing));
		assert_eq!(
			donation_events(),
			vec![
				Event::RefundsStarted {
					campaign: all_or_nothing,
					reason: RefundReason::GoalMissed,
					held: 999
				},
				Event::CampaignFunded { campaign: keep, raised: 10 },
			]
		);
	});
}

#[test]
fn the_charity_or_the_city_cancels_a_campaign_and_no_one_else() {
	ExtBuilder.build_and_execute(|| {
		let first = open(FundingMode::KeepWhatIsRaised, &[500]);
		let second = open(FundingMode::KeepWhatIsRaised, &[500]);
		give(DONOR, first, 100);
		for signer in [REVIEWER, DONOR, OTHER_CHARITY, STRANGER] {
			assert_noop!(
				Donations::cancel_campaign(RuntimeOrigin::signed(signer), first),
				Error::<Test>::NotCampaignCharity
			);
		}
		assert_noop!(Donations::cancel_campaign(RuntimeOrigin::none(), first), BadOrigin);
		System::reset_events();
		assert_ok!(Donations::cancel_campaign(RuntimeOrigin::signed(CHARITY), first));
		assert_eq!(
			Campaigns::<Test>::get(first).unwrap().status,
			CampaignStatus::Refunding(RefundReason::CancelledByCharity)
		);
		// A campaign that holds nothing is refunded at once.
		assert_ok!(Donations::cancel_campaign(RuntimeOrigin::root(), second));
		assert_eq!(
			Campaigns::<Test>::get(second).unwrap().status,
			CampaignStatus::Refunded(RefundReason::CancelledByCity)
		);
		assert!(!RefundingCampaigns::<Test>::contains_key(second));
		assert_eq!(
			donation_events(),
			vec![
				Event::RefundsStarted {
					campaign: first,
					reason: RefundReason::CancelledByCharity,
					held: 100
				},
				Event::RefundsStarted {
					campaign: second,
					reason: RefundReason::CancelledByCity,
					held: 0
				},
				Event::RefundsCompleted { campaign: second, refunded: 0 },
			]
		);
		for id in [first, second] {
			assert_noop!(
				Donations::cancel_campaign(RuntimeOrigin::root(), id),
				Error::<Test>::AlreadyEnded
			);
		}
		assert_noop!(
			Donations::cancel_campaign(RuntimeOrigin::root(), 9),
			Error::<Test>::UnknownCampaign
		);
	});
}

//! City-wide distributions: scheduled by the city, paid to every citizen once in idle time.

use crate::{mock::*, *};
use frame_support::{
	assert_noop, assert_ok,
	traits::{Get, Hooks},
	weights::Weight,
};
use sp_runtime::{AccountId32, DispatchError::BadOrigin};

/// What each citizen is paid in these tests.
const AMOUNT: Balance = 50;

fn schedule(programme: ProgrammeId, amount: Balance) -> sp_runtime::DispatchResult {
	SCoin::schedule_distribution(RuntimeOrigin::root(), programme, amount)
}

/// Runs idle time at the current block with `weight` to spare; returns the weight used.
fn idle(weight: Weight) -> Weight {
	SCoin::on_idle(System::block_number(), weight)
}

/// The weight of a block of a distribution reading `members` members.
fn reading(members: u32) -> Weight {
	<() as WeightInfo>::distribute(members)
}

/// What idle time prunes first: nothing here, but it looks.
fn pruning() -> Weight {
	<() as WeightInfo>::prune_paid_requests(0)
}

/// Spare weight for the pruning and a distribution reading `members` members.
fn room_for(members: u32) -> Weight {
	pruning() + reading(members)
}

fn status(distribution: DistributionId) -> Option<DistributionStatus<AccountId32, u64>> {
	Distributions::<Test>::get(distribution).map(|state| state.status)
}

fn distributed_to() -> Vec<AccountId32> {
	scoin_events()
		.into_iter()
		.filter_map(|event| match event {
			Event::Distributed { citizen, .. } => Some(citizen),
			_ => None,
		})
		.collect()
}

/// The mock's members: six organisations and two citizens.
const MEMBERS: u32 = 8;

#[test]
fn the_city_schedules_a_distribution() {
	ExtBuilder::default().build_and_execute(|| {
		let programme = open_programme();
		run_to_block(3);
		assert_ok!(schedule(programme, AMOUNT));
		assert_eq!(
			Distributions::<Test>::get(0),
			Some(Distribution {
				programme,
				amount: AMOUNT,
				scheduled_at: 3,
				paid: 0,
				total: 0,
				status: DistributionStatus::Paying { resume_after: None },
			})
		);
		assert_eq!(DistributionQueue::<Test>::get().into_inner(), vec![0]);
		assert_eq!(NextDistributionId::<Test>::get(), 1);
		System::assert_last_event(
			Event::DistributionScheduled { distribution: 0, programme, amount: AMOUNT }.into(),
		);
	});
}

#[test]
fn only_the_city_schedules_or_cancels() {
	ExtBuilder::default().build_and_execute(|| {
		let programme = open_programme();
		// The programme's own agency and its issuer may not pay the whole city.
		for who in [AGENCY, ISSUER, CITIZEN] {
			let origin = RuntimeOrigin::signed(account(who));
			assert_noop!(SCoin::schedule_distribution(origin, programme, AMOUNT), BadOrigin);
		}
		assert_noop!(SCoin::schedule_distribution(RuntimeOrigin::none(), programme, 50), BadOrigin);
		assert_ok!(schedule(programme, AMOUNT));
		let agency = RuntimeOrigin::signed(account(AGENCY));
		assert_noop!(SCoin::cancel_distribution(agency, 0), BadOrigin);
	});
}

#[test]
fn a_distribution_needs_a_programme_that_may_pay_the_amount() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(schedule(7, AMOUNT), Error::<Test>::UnknownProgramme);
		let programme = open_programme();
		// Above what the rule allows, or below what an account may hold.
		assert_noop!(schedule(programme, MAX_REWARD + 1), Error::<Test>::AmountNotAllowed);
		assert_noop!(schedule(programme, EXISTENTIAL_DEPOSIT - 1), Error::<Test>::AmountNotAllowed);
		assert_noop!(schedule(programme, 0), Error::<Test>::AmountNotAllowed);
		let rich = NewProgramme {
			budget: Balance::MAX,
			reward: RewardRule::UpTo(Balance::MAX / 2),
			cap: Balance::MAX,
			..Default::default()
		}
		.open();
		// Paid to every account there could be, it would overflow the issuance.
		assert_noop!(schedule(rich, Balance::MAX / 4), Error::<Test>::Overflow);
		run_to_block(END + 1);
		assert_noop!(schedule(programme, AMOUNT), Error::<Test>::Ended);
		assert_ok!(SCoin::close_programme(RuntimeOrigin::root(), programme));
		assert_noop!(schedule(programme, AMOUNT), Error::<Test>::ProgrammeClosed);
	});
}

#[test]
fn the_queue_is_bounded() {
	ExtBuilder::default().build_and_execute(|| {
		let programme = open_programme();
		for _ in 0..<Test as Config>::MaxQueuedDistributions::get() {
			assert_ok!(schedule(programme, AMOUNT));
		}
		assert_noop!(schedule(programme, AMOUNT), Error::<Test>::TooManyDistributions);
	});
}

#[test]
fn every_active_citizen_is_paid_once_and_organisations_not_at_all() {
	ExtBuilder::default().build_and_execute(|| {
		let programme = open_programme();
		let issued_before = issuance();
		assert_ok!(schedule(programme, AMOUNT));
		assert_eq!(idle(Weight::MAX), room_for(MEMBERS));
		assert_eq!(balance(CITIZEN), AMOUNT);
		assert_eq!(balance(OTHER_CITIZEN), AMOUNT);
		for organisation in [AGENCY, ISSUER, OTHER_AGENCY, AGENT, MERCHANT, OTHER_MERCHANT] {
			assert_eq!(balance(organisation), 0);
		}
		let mut paid = distributed_to();
		paid.sort();
		let mut citizens = vec![account(CITIZEN), account(OTHER_CITIZEN)];
		citizens.sort();
		assert_eq!(paid, citizens);
		System::assert_last_event(
			Event::DistributionCompleted { distribution: 0, paid: 2, total: 2 * AMOUNT }.into(),
		);
		assert_eq!(status(0), Some(DistributionStatus::Completed { at: 1 }));
		assert!(DistributionQueue::<Test>::get().is_empty());
		// The mint is accounted for everywhere the supply is.
		assert_eq!(issuance(), issued_before + 2 * AMOUNT);
		assert_eq!(Supply::<Test>::get().minted, 2 * AMOUNT);
		assert_eq!(Programmes::<Test>::get(programme).map(|p| p.issued), Some(2 * AMOUNT));

		// The attack: idle time running on, block after block, pays nobody twice.
		for block in 2..5 {
			run_to_block(block);
			idle(Weight::MAX);
		}
		assert_eq!(balance(CITIZEN), AMOUNT);
		assert_eq!(distributed_to().len(), 2);
	});
}

#[test]
fn citizens_registered_from_the_scheduling_block_on_or_inactive_are_not_paid() {
	ExtBuilder::default().build_and_execute(|| {
		let programme = open_programme();
		run_to_block(5);
		assert_ok!(schedule(programme, AMOUNT));
		// Registered in the block the city decided in, or after: not among those it decided on.
		Register::add_at(&account(30), MemberKind::Citizen, &[], 5);
		Register::add_at(&account(31), MemberKind::Citizen, &[], 6);
		Register::suspend(&account(OTHER_CITIZEN));
		idle(Weight::MAX);
		assert_eq!(distributed_to(), vec![account(CITIZEN)]);
		assert_eq!(balance(30), 0);
		assert_eq!(balance(31), 0);
		assert_eq!(balance(OTHER_CITIZEN), 0);
	});
}

#[test]
fn a_block_pays_no_more_than_its_spare_weight_allows_and_the_next_goes_on() {
	ExtBuilder::default().build_and_execute(|| {
		let programme = open_programme();
		assert_ok!(schedule(programme, AMOUNT));
		// Not even one member's weight to spare: nothing is read, nothing is charged.
		assert_eq!(idle(room_for(1) - Weight::from_parts(1, 0)), pruning());
		assert_eq!(status(0), Some(DistributionStatus::Paying { resume_after: None }));
		// One member a block: the walk goes on from where it stopped, and ends after the last.
		let mut charged = vec![];
		while DistributionQueue::<Test>::get().len() == 1 {
			run_to_block(2 + charged.len() as u64);
			charged.push(idle(room_for(1)) - pruning());
			assert!(charged.len() <= MEMBERS as usize + 1, "the walk did not end");
		}
		// One block per member, and one that finds the register's end.
		let mut expected = vec![reading(1); MEMBERS as usize];
		expected.push(reading(0));
		assert_eq!(charged, expected);
		assert_eq!(distributed_to().len(), 2);
		assert_eq!(Distributions::<Test>::get(0).map(|d| (d.paid, d.total)), Some((2, 100)));
	});
}

#[test]
fn a_distribution_waits_for_budget_and_for_a_paused_programme() {
	ExtBuilder::default().build_and_execute(|| {
		// Budget for one citizen only.
		let programme = NewProgramme { budget: AMOUNT, ..Default::default() }.open();
		assert_ok!(schedule(programme, AMOUNT));
		idle(Weight::MAX);
		assert_eq!(distributed_to().len(), 1);
		// Out of budget: it waits, reading nobody.
		run_to_block(2);
		assert_eq!(idle(Weight::MAX), room_for(0));
		assert_eq!(distributed_to().len(), 1);
		assert!(matches!(status(0), Some(DistributionStatus::Paying { resume_after: Some(_) })));
		// Paused: it waits, even with budget.
		assert_ok!(SCoin::top_up_programme(RuntimeOrigin::root(), programme, AMOUNT));
		assert_ok!(SCoin::pause_programme(RuntimeOrigin::root(), programme));
		assert_eq!(idle(Weight::MAX), room_for(0));
		assert_eq!(distributed_to().len(), 1);
		// Resumed: it pays the other citizen and completes.
		assert_ok!(SCoin::resume_programme(RuntimeOrigin::root(), programme));
		idle(Weight::MAX);
		assert_eq!(balance(CITIZEN) + balance(OTHER_CITIZEN), 2 * AMOUNT);
		assert_eq!(status(0), Some(DistributionStatus::Completed { at: 2 }));
	});
}

#[test]
fn a_distribution_waits_for_its_programme_to_start() {
	ExtBuilder::default().build_and_execute(|| {
		let programme = NewProgramme { start: 10, ..Default::default() }.open();
		assert_ok!(schedule(programme, AMOUNT));
		assert_eq!(idle(Weight::MAX), room_for(0));
		run_to_block(10);
		idle(Weight::MAX);
		assert_eq!(distributed_to().len(), 2);
	});
}

#[test]
fn a_distribution_stops_when_its_programme_is_closed_or_ends() {
	ExtBuilder::default().build_and_execute(|| {
		let closed = open_programme();
		let ending = NewProgramme { end: 20, ..Default::default() }.open();
		assert_ok!(schedule(closed, AMOUNT));
		assert_ok!(schedule(ending, AMOUNT));
		assert_ok!(SCoin::close_programme(RuntimeOrigin::root(), closed));
		run_to_block(21);
		// Each block ends one: the closed programme's first, then the ended one's.
		idle(Weight::MAX);
		System::assert_last_event(
			Event::DistributionStopped {
				distribution: 0,
				reason: StopReason::ProgrammeClosed,
				paid: 0,
				total: 0,
			}
			.into(),
		);
		idle(Weight::MAX);
		assert_eq!(
			status(1),
			Some(DistributionStatus::Stopped { reason: StopReason::ProgrammeEnded, at: 21 })
		);
		assert!(DistributionQueue::<Test>::get().is_empty());
		assert!(distributed_to().is_empty());
	});
}

#[test]
fn the_city_cancels_a_distribution_and_those_paid_keep_it() {
	ExtBuilder::default().build_and_execute(|| {
		let programme = open_programme();
		assert_noop!(
			SCoin::cancel_distribution(RuntimeOrigin::root(), 0),
			Error::<Test>::UnknownDistribution
		);
		assert_ok!(schedule(programme, AMOUNT));
		// Pay part of the register, then cancel.
		for _ in 0..MEMBERS {
			if distributed_to().is_empty() {
				idle(room_for(1));
			}
		}
		assert_ok!(SCoin::cancel_distribution(RuntimeOrigin::root(), 0));
		System::assert_last_event(
			Event::DistributionStopped {
				distribution: 0,
				reason: StopReason::Cancelled,
				paid: 1,
				total: AMOUNT,
			}
			.into(),
		);
		assert!(DistributionQueue::<Test>::get().is_empty());
		idle(Weight::MAX);
		assert_eq!(distributed_to().len(), 1);
		assert_eq!(balance(CITIZEN) + balance(OTHER_CITIZEN), AMOUNT);
		assert_noop!(
			SCoin::cancel_distribution(RuntimeOrigin::root(), 0),
			Error::<Test>::DistributionEnded
		);
	});
}

#[test]
fn distributions_are_paid_one_at_a_time_oldest_first() {
	ExtBuilder::default().build_and_execute(|| {
		let programme = open_programme();
		assert_ok!(schedule(programme, AMOUNT));
		assert_ok!(schedule(programme, 20));
		idle(Weight::MAX);
		assert_eq!(status(0), Some(DistributionStatus::Completed { at: 1 }));
		assert_eq!(status(1), Some(DistributionStatus::Paying { resume_after: None }));
		idle(Weight::MAX);
		assert_eq!(status(1), Some(DistributionStatus::Completed { at: 1 }));
		assert_eq!(balance(CITIZEN), AMOUNT + 20);
	});
}

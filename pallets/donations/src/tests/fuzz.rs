//! Fuzzing: random sequences of every call, from random origins, over a few campaigns, donors
//! and donations, with time and idle blocks passing and members suspended; the invariants
//! (escrow equal to what the campaigns hold, figures equal to their records) hold after each
//! step and nothing panics. CI runs proptest's default of 256 sequences; run more with
//! `PROPTEST_CASES=100000 cargo test --release -p pallet-donations fuzz`.

use crate::{mock::*, *};
use frame_support::{
	traits::{Hooks, UnfilteredDispatchable},
	weights::Weight,
};
use proptest::prelude::*;

const ACCOUNTS: [AccountId; 8] = [
	CHARITY,
	OTHER_CHARITY,
	UNREGISTERED_CHARITY,
	REVIEWER,
	DONOR,
	OTHER_DONOR,
	THIRD_DONOR,
	STRANGER,
];

fn who() -> impl Strategy<Value = AccountId> {
	prop::sample::select(ACCOUNTS.to_vec())
}

fn origin() -> impl Strategy<Value = RuntimeOrigin> {
	prop_oneof![
		1 => Just(RuntimeOrigin::root()),
		1 => Just(RuntimeOrigin::none()),
		8 => who().prop_map(RuntimeOrigin::signed),
	]
}

fn amount() -> impl Strategy<Value = Balance> {
	prop_oneof![Just(0), Just(9), 10u128..600, Just(ENDOWMENT), Just(Balance::MAX)]
}

fn reviewer() -> impl Strategy<Value = Reviewer<AccountId>> {
	prop_oneof![Just(Reviewer::City), who().prop_map(Reviewer::Agency)]
}

fn mode() -> impl Strategy<Value = FundingMode> {
	prop_oneof![Just(FundingMode::KeepWhatIsRaised), Just(FundingMode::AllOrNothing)]
}

fn call() -> impl Strategy<Value = Call<Test>> {
	let campaign = 0u64..3;
	let donation = 0u64..8;
	prop_oneof![
		1 => (0u64..40).prop_map(|days| Call::set_cooling_off { period: days * DAY }),
		1 => (mode(), reviewer(), prop::collection::vec(1u128..500, 1..3), 1u64..100).prop_map(
			|(mode, reviewer, steps, days)| Call::open_campaign {
				goal: steps.iter().sum(),
				deadline: NOW + days * DAY,
				mode,
				reviewer,
				description_hash: hash(1),
				milestones: plan(&steps),
			}
		),
		4 => (campaign.clone(), amount()).prop_map(|(campaign, amount)| Call::donate { campaign, amount }),
		2 => donation.clone().prop_map(|donation| Call::withdraw_donation { donation }),
		1 => (campaign.clone(), who(), amount(), 0u8..3, prop::sample::select(vec![0, DAY, 400 * DAY]))
			.prop_map(|(campaign, donor, amount, reference, ago)| Call::record_won_donation {
				campaign,
				donor,
				amount,
				bank_reference_hash: hash(0xb0 + reference),
				paid_at: NOW - ago,
			}),
		1 => donation.clone().prop_map(|donation| Call::confirm_won_donation { donation }),
		1 => donation.clone().prop_map(|donation| Call::retract_won_donation { donation }),
		1 => donation.clone().prop_map(|donation| Call::claim_refund { donation }),
		1 => campaign.clone().prop_map(|campaign| Call::close_campaign { campaign }),
		2 => (campaign.clone(), 0u32..3).prop_map(|(campaign, milestone)| Call::claim_milestone {
			campaign,
			milestone,
			evidence_hash: hash(2)
		}),
		2 => (campaign.clone(), 0u32..3)
			.prop_map(|(campaign, milestone)| Call::approve_milestone { campaign, milestone }),
		1 => (campaign.clone(), 0u32..3).prop_map(|(campaign, milestone)| Call::reject_milestone {
			campaign,
			milestone,
			reason_hash: hash(3)
		}),
		1 => (campaign.clone(), amount()).prop_map(|(campaign, amount)| Call::report_spending {
			campaign,
			amount,
			category: SpendingCategory::Other,
			evidence_hash: hash(4)
		}),
		1 => campaign.clone().prop_map(|campaign| Call::cancel_campaign { campaign }),
		2 => (campaign, 0u32..4).prop_map(|(campaign, max)| Call::refund { campaign, max }),
		1 => (who(), 2025u16..2028).prop_map(|(donor, year)| Call::issue_receipt { donor, year }),
	]
}

/// A step: a call from an origin, days passing with an idle block, the city suspending a
/// member, or a member's balance set to what a refund cannot reach (near the maximum) or back.
#[derive(Debug, Clone)]
enum Step {
	Call(RuntimeOrigin, Call<Test>),
	Days(u64),
	Suspend(AccountId),
	SetBalance(AccountId, Balance),
}

fn step() -> impl Strategy<Value = Step> {
	prop_oneof![
		16 => (origin(), call()).prop_map(|(origin, call)| Step::Call(origin, call)),
		3 => (1u64..40).prop_map(Step::Days),
		1 => who().prop_map(Step::Suspend),
		1 => (who(), prop::sample::select(vec![ENDOWMENT, Balance::MAX / 2]))
			.prop_map(|(who, balance)| Step::SetBalance(who, balance)),
	]
}

proptest! {
	#[test]
	fn fuzz_every_call_keeps_the_invariants(steps in prop::collection::vec(step(), 1..60)) {
		ExtBuilder.build().execute_with(|| {
			let mut issuance = Balances::total_issuance();
			for step in steps {
				match step {
					Step::Call(origin, call) => {
						let _ = call.dispatch_bypass_filter(origin);
					},
					Step::Days(days) => {
						pass_days(days);
						Donations::on_idle(System::block_number(), Weight::from_parts(u64::MAX / 2, u64::MAX / 2));
					},
					Step::Suspend(who) => Register::suspend(&who),
					Step::SetBalance(who, balance) => {
						let _ = Balances::force_set_balance(RuntimeOrigin::root(), who, balance);
						issuance = Balances::total_issuance();
					},
				}
				prop_assert_eq!(Donations::do_try_state(), Ok(()));
				prop_assert_eq!(Balances::total_issuance(), issuance);
			}
			Ok(())
		})?;
	}
}

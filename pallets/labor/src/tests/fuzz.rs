//! Fuzzing: random sequences of every call, from random origins, over a few contracts, days and
//! accounts, with time passing, from a signed contract; the pallet's invariants hold after each step and nothing panics.
//! CI runs proptest's default of 256 sequences; run more with
//! `PROPTEST_CASES=100000 cargo test --release -p pallet-labor fuzz`.

use crate::{mock::*, *};
use frame_support::traits::UnfilteredDispatchable;
use proptest::prelude::*;
use sp_core::H256;

const ACCOUNTS: [AccountId; 9] =
	[EMPLOYER, SMALL_SHOP, FORMER_EMPLOYER, WORKER, OTHER_WORKER, INSPECTOR, AGENCY, 30, STRANGER];

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

/// A day around the test's today, or one that does not exist.
fn day() -> impl Strategy<Value = Date> {
	prop_oneof![
		9 => (0u32..12).prop_map(|offset| date(2026, 2, 26).plus_days(offset).unwrap()),
		1 => Just(Date { year: 2026, month: 2, day: 30 }),
	]
}

fn hours_of_a_shift() -> impl Strategy<Value = Hours> {
	prop_oneof![
		Just(hours(at(10, 0), at(14, 30), 30)),
		Just(hours(at(22, 0), at(6, 0), 60)),
		Just(hours(at(9, 0), at(18, 0), 30)),
		(0u16..1_500, 0u16..1_500, 0u16..120)
			.prop_map(|(start, end, pause)| hours(start, end, pause)),
	]
}

fn terms() -> impl Strategy<Value = TermsOf<Test>> {
	prop_oneof![
		Just(twenty_hours()),
		Just(fourteen_hours()),
		any::<u16>().prop_map(|wage| {
			let mut terms = twenty_hours();
			terms.hourly_wage = u64::from(wage);
			terms
		}),
		hours_of_a_shift().prop_map(|hours| terms_with(&[(Weekday::Friday, hours)], None)),
	]
}

fn contract() -> impl Strategy<Value = ContractId> {
	0u64..4
}

fn insurance() -> impl Strategy<Value = Insurance> {
	prop::sample::select(Insurance::ALL.to_vec())
}

fn reason() -> impl Strategy<Value = EndReason> {
	prop_oneof![Just(EndReason::Resignation), Just(EndReason::Dismissal), Just(EndReason::Other)]
}

fn call() -> impl Strategy<Value = Call<Test>> {
	let hash = any::<u8>().prop_map(H256::repeat_byte);
	prop_oneof![
		(day(), 0u64..20_000).prop_map(|(from, hourly)| Call::set_minimum_wage { from, hourly }),
		(0u32..10).prop_map(|days| Call::set_confirmation_period { days }),
		(day(), any::<bool>())
			.prop_map(|(date, holiday)| Call::set_public_holiday { date, holiday }),
		(0u32..60_000).prop_map(|pension_ppm| Call::set_insurance_rates {
			rates: InsuranceRates { pension_ppm, ..Default::default() }
		}),
		(insurance(), who())
			.prop_map(|(insurance, insurer)| Call::set_insurer { insurance, insurer }),
		(who(), day(), prop::option::of(day()), terms()).prop_map(|(worker, start, end, terms)| {
			Call::propose_contract { worker, start, end, terms }
		}),
		contract().prop_map(|contract| Call::withdraw_proposal { contract }),
		contract().prop_map(|contract| Call::decline_contract { contract }),
		contract().prop_map(|contract| Call::accept_contract { contract }),
		(contract(), prop::option::of(day()), terms())
			.prop_map(|(contract, end, terms)| Call::propose_amendment { contract, end, terms }),
		contract().prop_map(|contract| Call::accept_amendment { contract }),
		contract().prop_map(|contract| Call::cancel_amendment { contract }),
		(contract(), reason(), day()).prop_map(|(contract, reason, last_day)| Call::end_contract {
			contract,
			reason,
			last_day
		}),
		(contract(), day(), hours_of_a_shift())
			.prop_map(|(contract, date, hours)| Call::record_shift { contract, date, hours }),
		(contract(), day(), 0u32..3).prop_map(|(contract, date, index)| Call::confirm_shift {
			contract,
			date,
			index
		}),
		(contract(), day(), 0u32..3, hash.clone()).prop_map(|(contract, date, index, reason)| {
			Call::dispute_shift { contract, date, index, reason }
		}),
		(contract(), day(), 0u32..3).prop_map(|(contract, date, index)| Call::withdraw_shift {
			contract,
			date,
			index
		}),
		(contract(), day(), 0u32..3, prop::option::of(hours_of_a_shift()), hash.clone()).prop_map(
			|(contract, date, index, hours, ruling)| Call::rule_on_shift {
				contract,
				date,
				index,
				hours,
				ruling
			}
		),
		(contract(), day(), day(), 0u64..400_000, hash.clone()).prop_map(
			|(contract, from, to, gross, slip)| Call::issue_pay_statement {
				contract,
				from,
				to,
				paid: PaidAmounts { gross, deductions: 0, net: gross },
				slip
			}
		),
		(contract(), day())
			.prop_map(|(contract, from)| Call::acknowledge_pay_statement { contract, from }),
		(contract(), day(), hash.clone()).prop_map(|(contract, from, reason)| {
			Call::dispute_pay_statement { contract, from, reason }
		}),
		contract().prop_map(|contract| Call::report_acquisition { contract }),
		(contract(), insurance(), hash.clone()).prop_map(|(contract, insurance, reference)| {
			Call::acknowledge_acquisition { contract, insurance, reference }
		}),
		(contract(), insurance(), hash.clone()).prop_map(|(contract, insurance, reason)| {
			Call::refuse_acquisition { contract, insurance, reason }
		}),
		contract().prop_map(|contract| Call::report_loss { contract }),
		(contract(), insurance(), hash).prop_map(|(contract, insurance, reference)| {
			Call::acknowledge_loss { contract, insurance, reference }
		}),
	]
}

/// A step: a call from an origin, or days passing.
#[derive(Debug, Clone)]
enum Step {
	Call(RuntimeOrigin, Call<Test>),
	Days(u64),
}

fn step() -> impl Strategy<Value = Step> {
	prop_oneof![
		9 => (origin(), call()).prop_map(|(origin, call)| Step::Call(origin, call)),
		1 => (1u64..4).prop_map(Step::Days),
	]
}

proptest! {
	#[test]
	fn fuzz_every_call_keeps_the_invariants(steps in prop::collection::vec(step(), 1..80)) {
		ExtBuilder.build().execute_with(|| {
			// A signed contract to start from, so that every sequence reaches time sheets,
			// statements and enrolments.
			signed_contract();
			for step in steps {
				match step {
					Step::Call(origin, call) => {
						let _ = call.dispatch_bypass_filter(origin);
					},
					Step::Days(days) => {
						System::set_block_number(System::block_number() + 1);
						pass_days(days);
					},
				}
				prop_assert_eq!(Labor::do_try_state(), Ok(()));
				for contract in 0..4 {
					let _ = Labor::compute_pay(contract, date(2026, 2, 26), date(2026, 3, 20));
				}
				prop_assert!(Labor::history_of(&WORKER, None, 100).items.len() <= 4);
			}
			Ok(())
		})?;
	}
}

//! Benchmarks of every call, each in its worst case: the longest schedule to check, the fullest
//! time sheets around a shift, the longest minimum wage schedule.

use super::*;
use crate::{calendar::Weekday, Pallet as Labor};
use alloc::vec::Vec;
use frame_benchmarking::{account, v2::*, BenchmarkError};
use frame_support::{
	traits::{EnsureOrigin, Get},
	BoundedVec,
};
use frame_system::RawOrigin;
use seoul_primitives::BenchmarkClock;
use sp_core::H256;

/// A member of `kind` holding `roles`, registered for the benchmark.
fn member<T: Config>(name: &'static str, kind: MemberKind, roles: &[Role]) -> T::AccountId {
	let who: T::AccountId = account(name, 0, 0);
	T::Registry::register_for_benchmarks(&who, kind, roles);
	who
}

/// The hourly wage every benchmark contract pays.
const WAGE: Won = 10_320;

/// The day before today, from which every benchmark contract runs, with the minimum wage in
/// force from it.
fn first_day<T: Config>() -> Date {
	let today = Labor::<T>::today();
	let start = today.minus_days(1).unwrap_or(today);
	Labor::<T>::set_minimum_wage_step(MinimumWage { from: start, hourly: WAGE })
		.expect("the schedule has room for a step");
	start
}

/// The terms that cost most to check: fourteen one-hour working times (two a day, under 15 hours
/// a week so no holiday) and `allowances` allowances.
fn busiest_terms<T: Config>(allowances: u32) -> TermsOf<T> {
	let schedule: Vec<WorkingTime> = Weekday::ALL
		.iter()
		.flat_map(|day| {
			[(9 * 60, 10 * 60), (14 * 60, 15 * 60)].map(|(start, end)| WorkingTime {
				day: *day,
				hours: Hours { start, end, break_minutes: 0 },
			})
		})
		.collect();
	Terms {
		workplace: H256::repeat_byte(1),
		duties: H256::repeat_byte(2),
		schedule: schedule.try_into().expect("fourteen working times fit"),
		weekly_holiday: None,
		hourly_wage: WAGE,
		allowances: (0..allowances)
			.map(|_| Allowance { kind: AllowanceKind::Other, monthly: 10_000 })
			.collect::<Vec<_>>()
			.try_into()
			.expect("within the bound"),
		pay_day: 25,
		pay_method: PayMethod::BankTransfer,
		overtime_premium_percent: 50,
		five_or_more_employees: true,
		document: H256::repeat_byte(3),
	}
}

/// A proposal of the busiest terms from an employer to a citizen.
fn proposal<T: Config>() -> (ContractId, T::AccountId, T::AccountId) {
	let employer = member::<T>("employer", MemberKind::Employer, &[Role::Employer]);
	let worker = member::<T>("worker", MemberKind::Citizen, &[]);
	let contract = NextContractId::<T>::get();
	let terms = busiest_terms::<T>(T::MaxAllowances::get());
	Labor::<T>::do_propose_contract(
		employer.clone(),
		worker.clone(),
		first_day::<T>(),
		None,
		terms,
	)
	.expect("the benchmark's proposal is valid");
	(contract, employer, worker)
}

/// A signed contract of the busiest terms.
fn signed<T: Config>() -> (ContractId, T::AccountId, T::AccountId) {
	let (contract, employer, worker) = proposal::<T>();
	Labor::<T>::do_accept_contract(worker.clone(), contract).expect("the worker signs");
	(contract, employer, worker)
}

/// Fills the time sheet of `contract` on `date` with `count` half-hour shifts from midnight, an
/// hour apart, recorded by the worker.
fn fill<T: Config>(contract: ContractId, date: Date, count: u32) {
	let shifts: Vec<Shift> = (0..count)
		.map(|n| Shift {
			hours: Hours { start: (n * 60) as u16, end: (n * 60 + 30) as u16, break_minutes: 0 },
			recorded_by: Party::Worker,
			confirms_at: u64::MAX,
			status: ShiftStatus::Recorded,
		})
		.collect();
	Timesheets::<T>::insert(contract, date, BoundedVec::truncate_from(shifts));
}

/// Yesterday, today and tomorrow full of shifts but for one place today; returns today.
fn busy_days<T: Config>(contract: ContractId) -> Date {
	let today = Labor::<T>::today();
	let full = T::MaxShiftsPerDay::get();
	for day in [today.minus_days(1), today.plus_days(1)].into_iter().flatten() {
		fill::<T>(contract, day, full);
	}
	fill::<T>(contract, today, full - 1);
	today
}

/// A late shift that overlaps none of [`fill`]'s.
fn late_shift() -> Hours {
	Hours { start: 23 * 60, end: 23 * 60 + 30, break_minutes: 0 }
}

/// Records the late shift today for the worker and returns its index.
fn recorded<T: Config>(contract: ContractId, worker: &T::AccountId) -> (Date, u32) {
	let today = busy_days::<T>(contract);
	Labor::<T>::do_record_shift(worker.clone(), contract, today, late_shift())
		.expect("the late shift overlaps nothing");
	(today, T::MaxShiftsPerDay::get() - 1)
}

/// The longest period a statement covers, ending on 2026-03-31 with the clock moved to that day,
/// every day of it with its time sheet full of confirmed shifts and a public holiday; returns
/// its first and last days.
fn stated_period<T: Config>(contract: ContractId) -> (Date, Date) {
	// 2026-03-31, 09:00 in Korea.
	T::BenchmarkHelper::set_now(1_774_915_200_000);
	let to = Labor::<T>::today();
	let from = to.minus_days(MAX_PAY_PERIOD_DAYS - 1).unwrap_or(to);
	// The contract runs from the period's first day, at a wage in force then.
	Labor::<T>::set_minimum_wage_step(MinimumWage { from, hourly: WAGE })
		.expect("the schedule has room for a step");
	Contracts::<T>::mutate(contract, |record| {
		if let Some(record) = record {
			record.start = from;
			record.terms_from = from;
		}
	});
	for day in (from.day_number()..=to.day_number()).filter_map(Date::from_day_number) {
		fill::<T>(contract, day, T::MaxShiftsPerDay::get());
		Timesheets::<T>::mutate(contract, day, |shifts| {
			for shift in shifts.iter_mut() {
				shift.status = ShiftStatus::Confirmed;
			}
		});
		PublicHolidays::<T>::insert(day, ());
	}
	(from, to)
}

/// A statement issued for [`stated_period`]; returns its first day.
fn issued<T: Config>(contract: ContractId, employer: &T::AccountId) -> Date {
	let (from, to) = stated_period::<T>(contract);
	let paid = PaidAmounts { gross: 0, deductions: 0, net: 0 };
	Labor::<T>::do_issue_pay_statement(employer.clone(), contract, from, to, paid, H256::zero())
		.expect("the period is stated once");
	from
}

/// An insurer for each of the four insurances, named; in the order of [`Insurance::ALL`].
fn name_insurers<T: Config>() -> Vec<T::AccountId> {
	Insurance::ALL
		.into_iter()
		.enumerate()
		.map(|(index, insurance)| {
			let insurer: T::AccountId = account("insurer", index as u32, 0);
			T::Registry::register_for_benchmarks(&insurer, MemberKind::Insurer, &[Role::Insurer]);
			Insurers::<T>::insert(insurance, &insurer);
			insurer
		})
		.collect()
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn set_minimum_wage() -> Result<(), BenchmarkError> {
		let origin =
			T::CityOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		MinimumWages::<T>::kill();
		for year in 0..T::MaxMinimumWageSteps::get() - 1 {
			let from = Date::new(2001 + year as u16, 1, 1).expect("a date");
			Labor::<T>::set_minimum_wage_step(MinimumWage { from, hourly: 5_000 })?;
		}
		// Before every step: the whole schedule moves.
		let first = Date::new(2000, 1, 1).expect("a date");

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, first, 4_000);

		assert_eq!(MinimumWages::<T>::get()[0].hourly, 4_000);
		Ok(())
	}

	#[benchmark]
	fn set_confirmation_period() -> Result<(), BenchmarkError> {
		let origin =
			T::CityOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, 14);

		assert_eq!(ConfirmationDays::<T>::get(), 14);
		Ok(())
	}

	#[benchmark]
	fn set_public_holiday() -> Result<(), BenchmarkError> {
		let origin =
			T::CityOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let date = Date::new(2026, 3, 2).expect("a date");

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, date, true);

		assert!(PublicHolidays::<T>::contains_key(date));
		Ok(())
	}

	#[benchmark]
	fn set_insurance_rates() -> Result<(), BenchmarkError> {
		let origin =
			T::CityOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let rates = InsuranceRates { pension_ppm: 48_000, ..Default::default() };

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, rates);

		assert_eq!(CurrentInsuranceRates::<T>::get(), rates);
		Ok(())
	}

	#[benchmark]
	fn propose_contract(a: Linear<0, { T::MaxAllowances::get() }>) {
		let employer = member::<T>("employer", MemberKind::Employer, &[Role::Employer]);
		let worker = member::<T>("worker", MemberKind::Citizen, &[]);
		let start = first_day::<T>();
		let terms = busiest_terms::<T>(a);

		#[extrinsic_call]
		_(RawOrigin::Signed(employer), worker, start, None, terms);

		assert!(Contracts::<T>::contains_key(0));
	}

	#[benchmark]
	fn withdraw_proposal() {
		let (contract, employer, _) = proposal::<T>();

		#[extrinsic_call]
		_(RawOrigin::Signed(employer), contract);

		assert!(!Contracts::<T>::contains_key(contract));
	}

	#[benchmark]
	fn decline_contract() {
		let (contract, _, worker) = proposal::<T>();

		#[extrinsic_call]
		_(RawOrigin::Signed(worker), contract);

		assert!(!Contracts::<T>::contains_key(contract));
	}

	#[benchmark]
	fn accept_contract() {
		let (contract, _, worker) = proposal::<T>();

		#[extrinsic_call]
		_(RawOrigin::Signed(worker), contract);

		assert_eq!(Contracts::<T>::get(contract).map(|c| c.status), Some(ContractStatus::Signed));
	}

	#[benchmark]
	fn propose_amendment(a: Linear<0, { T::MaxAllowances::get() }>) {
		let (contract, employer, _) = signed::<T>();
		let terms = busiest_terms::<T>(a);

		#[extrinsic_call]
		_(RawOrigin::Signed(employer), contract, None, terms);

		assert!(Amendments::<T>::contains_key(contract));
	}

	#[benchmark]
	fn accept_amendment() {
		let (contract, employer, worker) = signed::<T>();
		let terms = busiest_terms::<T>(T::MaxAllowances::get());
		Labor::<T>::do_propose_amendment(employer, contract, None, terms)
			.expect("the amendment is valid");

		#[extrinsic_call]
		_(RawOrigin::Signed(worker), contract);

		assert_eq!(Contracts::<T>::get(contract).map(|c| c.amendments), Some(1));
	}

	#[benchmark]
	fn cancel_amendment() {
		let (contract, employer, worker) = signed::<T>();
		let terms = busiest_terms::<T>(T::MaxAllowances::get());
		Labor::<T>::do_propose_amendment(employer, contract, None, terms)
			.expect("the amendment is valid");

		#[extrinsic_call]
		_(RawOrigin::Signed(worker), contract);

		assert!(!Amendments::<T>::contains_key(contract));
	}

	#[benchmark]
	fn end_contract() {
		let (contract, employer, _) = signed::<T>();
		let last_day = Labor::<T>::today();

		#[extrinsic_call]
		_(RawOrigin::Signed(employer), contract, EndReason::Dismissal, last_day);

		assert!(matches!(
			Contracts::<T>::get(contract).map(|c| c.status),
			Some(ContractStatus::Ended { .. })
		));
	}

	#[benchmark]
	fn record_shift() {
		let (contract, _, worker) = signed::<T>();
		let today = busy_days::<T>(contract);

		#[extrinsic_call]
		_(RawOrigin::Signed(worker), contract, today, late_shift());

		assert_eq!(Timesheets::<T>::get(contract, today).len() as u32, T::MaxShiftsPerDay::get());
	}

	#[benchmark]
	fn confirm_shift() {
		let (contract, employer, worker) = signed::<T>();
		let (today, index) = recorded::<T>(contract, &worker);

		#[extrinsic_call]
		_(RawOrigin::Signed(employer), contract, today, index);

		assert_eq!(
			Timesheets::<T>::get(contract, today)[index as usize].status,
			ShiftStatus::Confirmed
		);
	}

	#[benchmark]
	fn dispute_shift() {
		let (contract, employer, worker) = signed::<T>();
		let (today, index) = recorded::<T>(contract, &worker);

		#[extrinsic_call]
		_(RawOrigin::Signed(employer), contract, today, index, H256::repeat_byte(9));

		assert_eq!(
			Timesheets::<T>::get(contract, today)[index as usize].status,
			ShiftStatus::Disputed(H256::repeat_byte(9))
		);
	}

	#[benchmark]
	fn withdraw_shift() {
		let (contract, _, worker) = signed::<T>();
		let (today, index) = recorded::<T>(contract, &worker);

		#[extrinsic_call]
		_(RawOrigin::Signed(worker), contract, today, index);

		assert_eq!(
			Timesheets::<T>::get(contract, today)[index as usize].status,
			ShiftStatus::Withdrawn
		);
	}

	#[benchmark]
	fn rule_on_shift() {
		let (contract, employer, worker) = signed::<T>();
		let (today, index) = recorded::<T>(contract, &worker);
		Labor::<T>::answer_shift(
			employer,
			contract,
			today,
			index,
			ShiftStatus::Disputed(H256::repeat_byte(9)),
		)
		.expect("the employer disputes the shift");
		let inspector = member::<T>("inspector", MemberKind::Agency, &[Role::LaborInspector]);
		let corrected = Hours { start: 23 * 60, end: 23 * 60 + 20, break_minutes: 0 };

		#[extrinsic_call]
		_(
			RawOrigin::Signed(inspector),
			contract,
			today,
			index,
			Some(corrected),
			H256::repeat_byte(7),
		);

		assert_eq!(
			Timesheets::<T>::get(contract, today)[index as usize].status,
			ShiftStatus::Ruled(H256::repeat_byte(7))
		);
	}

	#[benchmark]
	fn issue_pay_statement() {
		let (contract, employer, _) = signed::<T>();
		let (from, to) = stated_period::<T>(contract);
		let paid = PaidAmounts { gross: 0, deductions: 0, net: 0 };

		#[extrinsic_call]
		_(RawOrigin::Signed(employer), contract, from, to, paid, H256::repeat_byte(5));

		assert_eq!(PaidUntil::<T>::get(contract), Some(to));
	}

	#[benchmark]
	fn acknowledge_pay_statement() {
		let (contract, employer, worker) = signed::<T>();
		let from = issued::<T>(contract, &employer);

		#[extrinsic_call]
		_(RawOrigin::Signed(worker), contract, from);

		assert_eq!(
			PayStatements::<T>::get(contract, from).map(|s| s.status),
			Some(StatementStatus::Acknowledged)
		);
	}

	#[benchmark]
	fn dispute_pay_statement() {
		let (contract, employer, worker) = signed::<T>();
		let from = issued::<T>(contract, &employer);

		#[extrinsic_call]
		_(RawOrigin::Signed(worker), contract, from, H256::repeat_byte(6));

		assert_eq!(
			PayStatements::<T>::get(contract, from).map(|s| s.status),
			Some(StatementStatus::Disputed(H256::repeat_byte(6)))
		);
	}

	#[benchmark]
	fn set_insurer() -> Result<(), BenchmarkError> {
		let origin =
			T::CityOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let insurer = member::<T>("insurer", MemberKind::Insurer, &[Role::Insurer]);

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, Insurance::Health, insurer.clone());

		assert_eq!(Insurers::<T>::get(Insurance::Health), Some(insurer));
		Ok(())
	}

	#[benchmark]
	fn report_acquisition() {
		let (contract, employer, _) = signed::<T>();
		// The busiest terms are 14 hours a week, 60.8 a month: all four insurances are due.
		name_insurers::<T>();

		#[extrinsic_call]
		_(RawOrigin::Signed(employer), contract);

		assert!(DueEnrolments::<T>::iter().next().is_none());
	}

	#[benchmark]
	fn answer_report() {
		let (contract, employer, _) = signed::<T>();
		let insurers = name_insurers::<T>();
		Labor::<T>::do_report_acquisition(employer, contract).expect("the report is due");

		#[extrinsic_call]
		acknowledge_acquisition(
			RawOrigin::Signed(insurers[3].clone()),
			contract,
			Insurance::Pension,
			H256::repeat_byte(8),
		);

		assert_eq!(
			Enrolments::<T>::get(contract, Insurance::Pension).map(|e| e.status),
			Some(EnrolmentStatus::Enrolled(H256::repeat_byte(8)))
		);
	}

	#[benchmark]
	fn report_loss() {
		let (contract, employer, _) = signed::<T>();
		let insurers = name_insurers::<T>();
		Labor::<T>::do_report_acquisition(employer.clone(), contract).expect("the report is due");
		for (insurance, insurer) in Insurance::ALL.into_iter().zip(insurers) {
			Labor::<T>::answer_report(
				insurer,
				contract,
				insurance,
				EnrolmentStatus::Reported,
				EnrolmentStatus::Enrolled(H256::zero()),
			)
			.expect("the insurer enrols the worker");
		}
		let last_day = Labor::<T>::today();
		Labor::<T>::do_end_contract(employer.clone(), contract, EndReason::Other, last_day)
			.expect("the employer ends the contract");

		#[extrinsic_call]
		_(RawOrigin::Signed(employer), contract);

		assert_eq!(
			Enrolments::<T>::get(contract, Insurance::Health).map(|e| e.status),
			Some(EnrolmentStatus::LossReported)
		);
	}

	impl_benchmark_test_suite!(Labor, crate::mock::ExtBuilder.build(), crate::mock::Test);
}

//! The pay the chain computes, against worked examples written out by hand.
//!
//! Every example pays the 2026 minimum wage, 10,320 won an hour, with the 2026 insurance rates
//! (pension 4.75 % of the monthly income, at least 400,000 won; health 3.595 %; long-term care
//! 13.14 % of the health premium; employment 0.9 %; each rounded down to 10 won).

use crate::{calendar::Weekday::*, mock::*, *};
use frame_support::assert_ok;

/// Brings the clock to 2026-04-10, after every example's shifts, so that they can be recorded.
fn after_march() {
	Timestamp::set_timestamp(NOW + 39 * DAY);
}

/// A contract of `terms` from `employer` to [`WORKER`] from 2026-03-02, signed.
fn contract_with(employer: AccountId, terms: TermsOf<Test>) -> ContractId {
	let contract = NextContractId::<Test>::get();
	assert_ok!(Labor::propose_contract(
		RuntimeOrigin::signed(employer),
		WORKER,
		date(2026, 3, 2),
		None,
		terms
	));
	assert_ok!(Labor::accept_contract(RuntimeOrigin::signed(WORKER), contract));
	contract
}

/// The worker records a shift of `hours` on each of `days` of March 2026 and the employer
/// confirms it.
fn worked(contract: ContractId, employer: AccountId, days: &[u8], hours: Hours) {
	for day in days {
		let date = date(2026, 3, *day);
		assert_ok!(Labor::record_shift(RuntimeOrigin::signed(WORKER), contract, date, hours));
		let index = Timesheets::<Test>::get(contract, date).len() as u32 - 1;
		assert_ok!(Labor::confirm_shift(RuntimeOrigin::signed(employer), contract, date, index));
	}
}

/// `terms` without allowances.
fn without_allowances(mut terms: TermsOf<Test>) -> TermsOf<Test> {
	terms.allowances = Default::default();
	terms
}

/// 10:00 to 14:30 with a 30-minute break: 4 hours.
fn four_hours() -> Hours {
	hours(at(10, 0), at(14, 30), 30)
}

/// The weekdays of March 2026 from Monday the 2nd.
const MARCH_WEEKDAYS: [u8; 22] =
	[2, 3, 4, 5, 6, 9, 10, 11, 12, 13, 16, 17, 18, 19, 20, 23, 24, 25, 26, 27, 30, 31];

#[test]
fn twenty_hours_a_week_for_a_month_earns_the_weekly_paid_holiday() {
	ExtBuilder.build_and_execute(|| {
		after_march();
		let contract = contract_with(EMPLOYER, twenty_hours());
		worked(contract, EMPLOYER, &MARCH_WEEKDAYS, four_hours());
		// 22 days × 4 h = 88 h; 88 × 10,320 = 908,160.
		// Weeks ending on a Sunday of March within the term: the 8th, 15th, 22nd and 29th, each
		// with all five days worked: 4 × (20 / 40 × 8 h = 4 h) × 10,320 = 165,120.
		// The meal allowance, 100,000 a month, for 30 of March's 31 days: 96,774.19 → 96,774.
		// Gross 908,160 + 165,120 + 96,774 = 1,170,054.
		// Pension 1,170,054 × 4.75 % = 55,577.6 → 55,570; health × 3.595 % = 42,063.4 → 42,060;
		// care 42,060 × 13.14 % = 5,526.7 → 5,520; employment × 0.9 % = 10,530.5 → 10,530.
		// Deductions 113,680; net 1,056,374.
		let slip = Labor::compute_pay(contract, date(2026, 3, 1), date(2026, 3, 31)).unwrap();
		assert_eq!(
			slip,
			Payslip {
				from: date(2026, 3, 1),
				to: date(2026, 3, 31),
				worked_minutes: 88 * 60,
				paid_weeks: 4,
				base_pay: 908_160,
				weekly_holiday_allowance: 165_120,
				allowances: 96_774,
				gross: 1_170_054,
				insured: true,
				pension: 55_570,
				health: 42_060,
				long_term_care: 5_520,
				employment: 10_530,
				deductions: 113_680,
				net: 1_056_374,
				..Default::default()
			}
		);
	});
}

#[test]
fn fourteen_hours_a_week_earns_no_weekly_paid_holiday() {
	ExtBuilder.build_and_execute(|| {
		after_march();
		let contract = contract_with(EMPLOYER, fourteen_hours());
		let seven_hours = hours(at(10, 0), at(17, 30), 30);
		worked(contract, EMPLOYER, &[2, 4, 9, 11, 16, 18, 23, 25, 30], seven_hours);
		// Mondays and Wednesdays from the 2nd: 9 days × 7 h = 63 h × 10,320 = 650,160; no
		// weekly paid holiday under 15 hours. Meal 96,774. Gross 746,934.
		// 14 h a week is 60.8 h a month: insured. Pension × 4.75 % = 35,479.4 → 35,470; health
		// × 3.595 % = 26,852.3 → 26,850; care 26,850 × 13.14 % = 3,528.1 → 3,520; employment
		// × 0.9 % = 6,722.4 → 6,720. Deductions 72,560; net 674,374.
		let slip = Labor::compute_pay(contract, date(2026, 3, 1), date(2026, 3, 31)).unwrap();
		assert_eq!(
			slip,
			Payslip {
				from: date(2026, 3, 1),
				to: date(2026, 3, 31),
				worked_minutes: 63 * 60,
				base_pay: 650_160,
				allowances: 96_774,
				gross: 746_934,
				insured: true,
				pension: 35_470,
				health: 26_850,
				long_term_care: 3_520,
				employment: 6_720,
				deductions: 72_560,
				net: 674_374,
				..Default::default()
			}
		);
	});
}

#[test]
fn hours_beyond_the_contract_earn_its_premium_and_a_missed_day_the_weekly_holiday() {
	ExtBuilder.build_and_execute(|| {
		after_march();
		let contract = contract_with(EMPLOYER, without_allowances(twenty_hours()));
		// Monday 10:00–16:30 with 30 minutes of break: 6 h, 2 beyond the day's 4.
		worked(contract, EMPLOYER, &[2], hours(at(10, 0), at(16, 30), 30));
		worked(contract, EMPLOYER, &[3, 4, 5, 6], four_hours());
		// 22 h × 10,320 = 227,040; premium 2 h × 10,320 × 50 % = 10,320; all five days worked:
		// weekly holiday 41,280. Gross 278,640.
		// Pension on the floor, 400,000 × 4.75 % = 19,000; health 278,640 × 3.595 % = 10,017.1
		// → 10,010; care 10,010 × 13.14 % = 1,315.3 → 1,310; employment × 0.9 % = 2,507.8 →
		// 2,500. Deductions 32,820; net 245,820.
		let week = Labor::compute_pay(contract, date(2026, 3, 2), date(2026, 3, 8)).unwrap();
		assert_eq!(
			week,
			Payslip {
				from: date(2026, 3, 2),
				to: date(2026, 3, 8),
				worked_minutes: 22 * 60,
				overtime_minutes: 120,
				paid_weeks: 1,
				base_pay: 227_040,
				overtime_premium: 10_320,
				weekly_holiday_allowance: 41_280,
				gross: 278_640,
				insured: true,
				pension: 19_000,
				health: 10_010,
				long_term_care: 1_310,
				employment: 2_500,
				deductions: 32_820,
				net: 245_820,
				..Default::default()
			}
		);
		// The next week the worker misses Friday: no weekly paid holiday for it.
		worked(contract, EMPLOYER, &[9, 10, 11, 12], four_hours());
		let next = Labor::compute_pay(contract, date(2026, 3, 9), date(2026, 3, 15)).unwrap();
		assert_eq!((next.paid_weeks, next.weekly_holiday_allowance), (0, 0));
		assert_eq!(next.base_pay, 16 * 10_320);
	});
}

#[test]
fn night_work_earns_its_premium_only_in_a_workplace_of_five_or_more() {
	ExtBuilder.build_and_execute(|| {
		after_march();
		// Friday 22:00 to Saturday 06:00 with an hour's break: 7 h, all at night.
		let night = hours(at(22, 0), at(6, 0), 60);
		let terms = without_allowances(terms_with(&[(Friday, night)], None));
		let mut small = terms.clone();
		small.five_or_more_employees = false;
		let cafe = contract_with(EMPLOYER, terms);
		let shop = contract_with(SMALL_SHOP, small);
		worked(cafe, EMPLOYER, &[6], night);
		worked(shop, SMALL_SHOP, &[6], night);
		// 7 h × 10,320 = 72,240; the café adds 7 h × 10,320 × 50 % = 36,120: 108,360. The shop
		// owes no night premium: 72,240. 7 h a week is 30.4 h a month: not insured.
		let expected = |night_minutes, night_premium, gross| Payslip {
			from: date(2026, 3, 2),
			to: date(2026, 3, 8),
			worked_minutes: 420,
			night_minutes,
			base_pay: 72_240,
			night_premium,
			gross,
			net: gross,
			..Default::default()
		};
		let period = (date(2026, 3, 2), date(2026, 3, 8));
		assert_eq!(
			Labor::compute_pay(cafe, period.0, period.1),
			Ok(expected(420, 36_120, 108_360))
		);
		assert_eq!(Labor::compute_pay(shop, period.0, period.1), Ok(expected(0, 0, 72_240)));
	});
}

#[test]
fn a_month_with_a_public_holiday_pays_it_and_its_work() {
	ExtBuilder.build_and_execute(|| {
		after_march();
		// 2026-03-02, the substitute holiday for Independence Movement Day (a Sunday).
		assert_ok!(Labor::set_public_holiday(RuntimeOrigin::root(), date(2026, 3, 2), true));
		let rested = contract_with(EMPLOYER, without_allowances(twenty_hours()));
		let working = contract_with(EMPLOYER, without_allowances(twenty_hours()));
		worked(rested, EMPLOYER, &MARCH_WEEKDAYS[1..], four_hours());
		worked(working, EMPLOYER, &[2, 3, 4, 5, 6], four_hours());
		// The month, resting on the holiday: 21 days × 4 h = 84 h × 10,320 = 866,880; the
		// holiday paid, Monday's 4 h: 41,280; four weeks whose contractual days were worked (the
		// holiday aside): 165,120. Gross 1,073,280. Pension × 4.75 % = 50,980.8 → 50,980; health
		// × 3.595 % = 38,584.4 → 38,580; care 38,580 × 13.14 % = 5,069.4 → 5,060; employment
		// × 0.9 % = 9,659.5 → 9,650. Deductions 104,270; net 969,010.
		let march = (date(2026, 3, 1), date(2026, 3, 31));
		assert_eq!(
			Labor::compute_pay(rested, march.0, march.1),
			Ok(Payslip {
				from: march.0,
				to: march.1,
				worked_minutes: 84 * 60,
				paid_weeks: 4,
				paid_public_holidays: 1,
				base_pay: 866_880,
				weekly_holiday_allowance: 165_120,
				public_holiday_pay: 41_280,
				gross: 1_073_280,
				insured: true,
				pension: 50_980,
				health: 38_580,
				long_term_care: 5_060,
				employment: 9_650,
				deductions: 104_270,
				net: 969_010,
				..Default::default()
			})
		);
		// Resting on the holiday: 16 h × 10,320 = 165,120; the holiday paid, Monday's 4 h:
		// 41,280; the week's contractual days were worked (the holiday aside): 41,280.
		// Gross 247,680. Pension 19,000 (floor); health × 3.595 % = 8,904.1 → 8,900; care
		// 8,900 × 13.14 % = 1,169.5 → 1,160; employment × 0.9 % = 2,229.1 → 2,220. Deductions
		// 31,280; net 216,400.
		let period = (date(2026, 3, 2), date(2026, 3, 8));
		assert_eq!(
			Labor::compute_pay(rested, period.0, period.1),
			Ok(Payslip {
				from: period.0,
				to: period.1,
				worked_minutes: 16 * 60,
				paid_weeks: 1,
				paid_public_holidays: 1,
				base_pay: 165_120,
				weekly_holiday_allowance: 41_280,
				public_holiday_pay: 41_280,
				gross: 247_680,
				insured: true,
				pension: 19_000,
				health: 8_900,
				long_term_care: 1_160,
				employment: 2_220,
				deductions: 31_280,
				net: 216_400,
				..Default::default()
			})
		);
		// Working on it: 20 h × 10,320 = 206,400; the holiday's 4 h at 50 %: 20,640; the
		// holiday still paid, 41,280, and the week, 41,280. Gross 309,600. Pension 19,000;
		// health 11,130.1 → 11,130; care 1,462.5 → 1,460; employment 2,786.4 → 2,780.
		// Deductions 34,370; net 275,230.
		assert_eq!(
			Labor::compute_pay(working, period.0, period.1),
			Ok(Payslip {
				from: period.0,
				to: period.1,
				worked_minutes: 20 * 60,
				holiday_minutes: 240,
				paid_weeks: 1,
				paid_public_holidays: 1,
				base_pay: 206_400,
				holiday_premium: 20_640,
				weekly_holiday_allowance: 41_280,
				public_holiday_pay: 41_280,
				gross: 309_600,
				insured: true,
				pension: 19_000,
				health: 11_130,
				long_term_care: 1_460,
				employment: 2_780,
				deductions: 34_370,
				net: 275_230,
				..Default::default()
			})
		);
	});
}

#[test]
fn shifts_that_do_not_count_yet_are_reported_and_left_out() {
	ExtBuilder.build_and_execute(|| {
		after_march();
		let contract = contract_with(EMPLOYER, without_allowances(twenty_hours()));
		worked(contract, EMPLOYER, &[2], four_hours());
		assert_ok!(Labor::record_shift(
			RuntimeOrigin::signed(WORKER),
			contract,
			date(2026, 3, 3),
			four_hours()
		));
		let slip = Labor::compute_pay(contract, date(2026, 3, 2), date(2026, 3, 3)).unwrap();
		assert_eq!((slip.worked_minutes, slip.unconfirmed_shifts), (240, 1));
		// Undisputed past the confirmation period, it counts.
		pass_days(7);
		let slip = Labor::compute_pay(contract, date(2026, 3, 2), date(2026, 3, 3)).unwrap();
		assert_eq!((slip.worked_minutes, slip.unconfirmed_shifts), (480, 0));
	});
}

#[test]
fn a_period_is_a_month_at_most_of_a_signed_contract() {
	ExtBuilder.build_and_execute(|| {
		let proposal = propose(today(), twenty_hours());
		assert_eq!(
			Labor::compute_pay(proposal, date(2026, 3, 1), date(2026, 3, 31)),
			Err(PayError::NotSigned)
		);
		assert_eq!(
			Labor::compute_pay(99, date(2026, 3, 1), date(2026, 3, 31)),
			Err(PayError::UnknownContract)
		);
		let contract = signed_contract();
		for (from, to) in [
			(date(2026, 3, 1), date(2026, 4, 1)),
			(date(2026, 3, 2), date(2026, 3, 1)),
			(Date { year: 2026, month: 2, day: 30 }, date(2026, 3, 1)),
		] {
			assert_eq!(Labor::compute_pay(contract, from, to), Err(PayError::InvalidPeriod));
		}
		assert_ok!(Labor::compute_pay(contract, date(2026, 1, 1), date(2026, 1, 31)));
	});
}

#[test]
fn an_amendment_applies_from_the_day_it_is_signed() {
	ExtBuilder.build_and_execute(|| {
		after_march();
		let contract = contract_with(EMPLOYER, without_allowances(twenty_hours()));
		worked(contract, EMPLOYER, &[2, 3], four_hours());
		// Signed on 2026-04-10 (the clock), a raise applies from then, not to March.
		let mut raise = without_allowances(twenty_hours());
		raise.hourly_wage = 12_000;
		assert_ok!(Labor::propose_amendment(
			RuntimeOrigin::signed(EMPLOYER),
			contract,
			None,
			raise
		));
		assert_ok!(Labor::accept_amendment(RuntimeOrigin::signed(WORKER), contract));
		let march = Labor::compute_pay(contract, date(2026, 3, 2), date(2026, 3, 3)).unwrap();
		assert_eq!(march.base_pay, 8 * 10_320);
		pass_days(3);
		worked_on(contract, date(2026, 4, 13));
		let april = Labor::compute_pay(contract, date(2026, 4, 13), date(2026, 4, 13)).unwrap();
		assert_eq!(april.base_pay, 4 * 12_000);
	});
}

/// The worker records four hours on `date` and the employer confirms them.
fn worked_on(contract: ContractId, date: Date) {
	assert_ok!(Labor::record_shift(RuntimeOrigin::signed(WORKER), contract, date, four_hours()));
	assert_ok!(Labor::confirm_shift(RuntimeOrigin::signed(EMPLOYER), contract, date, 0));
}

#[test]
fn thirteen_hours_a_week_is_not_insured() {
	ExtBuilder.build_and_execute(|| {
		after_march();
		let thirteen = hours(at(9, 0), at(16, 0), 30);
		let terms =
			without_allowances(terms_with(&[(Monday, thirteen), (Tuesday, thirteen)], None));
		let contract = contract_with(EMPLOYER, terms);
		worked(contract, EMPLOYER, &[2, 3], thirteen);
		// 13 h a week is 56.5 h a month, under 60: no premiums.
		let slip = Labor::compute_pay(contract, date(2026, 3, 2), date(2026, 3, 8)).unwrap();
		assert!(!slip.insured);
		assert_eq!((slip.gross, slip.deductions, slip.net), (134_160, 0, 134_160));
	});
}

#[test]
fn more_than_twelve_hours_of_overtime_in_a_week_is_flagged() {
	ExtBuilder.build_and_execute(|| {
		after_march();
		let contract = contract_with(EMPLOYER, without_allowances(twenty_hours()));
		// Monday 10:00–23:00 less an hour: 12 h, 8 beyond the day's 4; Tuesday 10:00–19:00 less
		// an hour: 8 h, 4 beyond. 12 h of overtime is the limit, not beyond it.
		worked(contract, EMPLOYER, &[2], hours(at(10, 0), at(23, 0), 60));
		worked(contract, EMPLOYER, &[3], hours(at(10, 0), at(19, 0), 60));
		let week = (date(2026, 3, 2), date(2026, 3, 8));
		let slip = Labor::compute_pay(contract, week.0, week.1).unwrap();
		assert_eq!((slip.overtime_minutes, slip.overtime_limit_exceeded), (12 * 60, false));
		// Another half hour on Wednesday goes beyond it.
		worked(contract, EMPLOYER, &[4], hours(at(10, 0), at(15, 0), 30));
		let slip = Labor::compute_pay(contract, week.0, week.1).unwrap();
		assert_eq!((slip.overtime_minutes, slip.overtime_limit_exceeded), (12 * 60 + 30, true));
	});
}

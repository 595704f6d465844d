//! The checks at signing, case by case, and the calendar they count with.

use crate::{calendar::Weekday::*, mock::*, *};
use frame_support::assert_noop;
use sp_runtime::DispatchError;

/// The result of checking `terms` for a contract from `start` to `end` taking effect on
/// `effective`.
fn check_at(
	start: Date,
	end: Option<Date>,
	effective: Date,
	terms: &TermsOf<Test>,
) -> Result<u32, DispatchError> {
	Labor::check_terms(start, end, effective, terms).map_err(Into::into)
}

/// The result of checking `terms` for a contract from today.
fn check(terms: &TermsOf<Test>) -> Result<u32, DispatchError> {
	check_at(today(), None, today(), terms)
}

/// A case of the schedule table: what it shows, the terms, and the check's answer.
type Case = (&'static str, TermsOf<Test>, Result<u32, Error<Test>>);

/// The refusal with `error`.
fn refused(error: Error<Test>) -> Result<u32, DispatchError> {
	Err(error.into())
}

#[test]
fn schedules_are_checked_by_the_law() {
	ExtBuilder.build_and_execute(|| {
		let short = hours(at(9, 0), at(12, 0), 0);
		let four = hours(at(9, 0), at(13, 30), 30);
		let eight = hours(at(9, 0), at(18, 0), 60);
		let night = hours(at(22, 0), at(6, 0), 60);
		let cases: Vec<Case> = vec![
			("3 h a day needs no break", terms_with(&[(Monday, short)], None), Ok(180)),
			("4 h of work need 30 min", terms_with(&[(Monday, four)], None), Ok(240)),
			(
				"4 h with 20 min is too short",
				terms_with(&[(Monday, hours(at(9, 0), at(13, 20), 20))], None),
				Err(Error::BreakTooShort),
			),
			(
				"8 h of work need an hour",
				terms_with(&[(Monday, hours(at(9, 0), at(17, 30), 30))], None),
				Err(Error::BreakTooShort),
			),
			("8 h with an hour", terms_with(&[(Monday, eight)], None), Ok(480)),
			("a night shift crosses midnight", terms_with(&[(Friday, night)], None), Ok(420)),
			(
				"two shifts a day that do not overlap",
				terms_with(&[(Monday, short), (Monday, hours(at(13, 0), at(16, 0), 0))], None),
				Ok(360),
			),
			(
				"two shifts a day that overlap",
				terms_with(&[(Monday, short), (Monday, hours(at(11, 0), at(14, 0), 0))], None),
				Err(Error::OverlappingHours),
			),
			(
				"the same day twice",
				terms_with(&[(Monday, short), (Monday, short)], None),
				Err(Error::OverlappingHours),
			),
			(
				"a night shift runs into the next morning's",
				terms_with(&[(Monday, night), (Tuesday, hours(at(5, 0), at(8, 0), 0))], None),
				Err(Error::OverlappingHours),
			),
			(
				"Sunday night runs into Monday morning",
				terms_with(&[(Sunday, night), (Monday, hours(at(5, 0), at(8, 0), 0))], None),
				Err(Error::OverlappingHours),
			),
			(
				"Sunday night ends before Monday's shift",
				terms_with(&[(Sunday, night), (Monday, hours(at(9, 0), at(12, 0), 0))], None),
				Ok(600),
			),
			("no working time", terms_with(&[], None), Err(Error::EmptySchedule)),
			(
				"a minute past the day",
				terms_with(&[(Monday, hours(at(9, 0), 1_440, 0))], None),
				Err(Error::InvalidHours),
			),
			(
				"a break that fills the shift",
				terms_with(&[(Monday, hours(at(9, 0), at(10, 0), 60))], None),
				Err(Error::InvalidHours),
			),
			(
				"15 h without the weekly holiday",
				terms_with(&[(Monday, eight), (Tuesday, hours(at(9, 0), at(17, 0), 60))], None),
				Err(Error::WeeklyHolidayMissing),
			),
			(
				"15 h with Sunday off and paid",
				terms_with(
					&[(Monday, eight), (Tuesday, hours(at(9, 0), at(17, 0), 60))],
					Some(Sunday),
				),
				Ok(900),
			),
			(
				"the paid holiday on a working day",
				terms_with(
					&[(Monday, eight), (Tuesday, hours(at(9, 0), at(17, 0), 60))],
					Some(Monday),
				),
				Err(Error::WeeklyHolidayOnWorkingDay),
			),
			(
				"a paid holiday under 15 h",
				terms_with(&[(Monday, eight)], Some(Sunday)),
				Err(Error::WeeklyHolidayNotDue),
			),
		];
		for (case, terms, expected) in cases {
			assert_eq!(check(&terms), expected.map_err(DispatchError::from), "{case}");
		}
	});
}

#[test]
fn the_wage_premium_pay_day_and_dates_are_checked() {
	ExtBuilder.build_and_execute(|| {
		let mut terms = fourteen_hours();
		terms.hourly_wage = MINIMUM_2026 - 1;
		assert_eq!(check(&terms), refused(Error::BelowMinimumWage));
		// 2025's minimum for a contract that started in 2025.
		assert_eq!(
			check_at(date(2025, 6, 1), None, date(2025, 6, 1), &{
				let mut terms = fourteen_hours();
				terms.hourly_wage = MINIMUM_2025;
				terms
			}),
			Ok(840)
		);
		assert_eq!(
			check_at(date(2024, 12, 31), None, date(2024, 12, 31), &fourteen_hours()),
			refused(Error::NoMinimumWage)
		);
		let mut terms = fourteen_hours();
		terms.overtime_premium_percent = 49;
		assert_eq!(check(&terms), refused(Error::PremiumBelowLegal));
		for pay_day in [0, 32] {
			let mut terms = fourteen_hours();
			terms.pay_day = pay_day;
			assert_eq!(check(&terms), refused(Error::InvalidPayDay));
		}
		assert_eq!(
			check_at(Date { year: 2026, month: 13, day: 1 }, None, today(), &fourteen_hours()),
			refused(Error::InvalidDate)
		);
		assert_eq!(
			check_at(today(), Some(date(2026, 3, 1)), today(), &fourteen_hours()),
			refused(Error::OutsideTerm)
		);
		// A one-day contract is a term.
		assert_eq!(check_at(today(), Some(today()), today(), &fourteen_hours()), Ok(840));
	});
}

#[test]
fn a_proposal_that_fails_a_check_changes_nothing() {
	ExtBuilder.build_and_execute(|| {
		let mut terms = twenty_hours();
		terms.hourly_wage = 9_860;
		assert_noop!(
			Labor::propose_contract(RuntimeOrigin::signed(EMPLOYER), WORKER, today(), None, terms),
			Error::<Test>::BelowMinimumWage
		);
		let overlapping = terms_with(
			&[(Monday, hours(at(9, 0), at(12, 0), 0)), (Monday, hours(at(11, 0), at(13, 0), 0))],
			None,
		);
		assert_noop!(
			Labor::propose_contract(
				RuntimeOrigin::signed(EMPLOYER),
				WORKER,
				today(),
				None,
				overlapping
			),
			Error::<Test>::OverlappingHours
		);
	});
}

#[test]
fn dates_count_days_and_weekdays() {
	assert_eq!(date(1970, 1, 1).day_number(), 0);
	assert_eq!(date(1970, 1, 1).weekday(), Thursday);
	assert_eq!(date(2026, 3, 2).weekday(), Monday);
	assert_eq!(date(2024, 2, 29).weekday(), Thursday);
	assert_eq!(date(2026, 1, 1).day_number(), 20_454);
	for days in [0, 59, 60, 365, 10_956, 20_454, 20_513, 2_932_896] {
		let day = Date::from_day_number(days).unwrap();
		assert!(day.is_valid());
		assert_eq!(day.day_number(), days);
	}
	assert_eq!(date(2025, 12, 31).plus_days(1), Some(date(2026, 1, 1)));
	assert_eq!(date(2028, 2, 28).plus_days(1), Some(date(2028, 2, 29)));
	assert_eq!(Date::new(2026, 2, 29), None);
	assert_eq!(Date::new(2000, 2, 29), Some(Date { year: 2000, month: 2, day: 29 }));
	assert_eq!(Date::new(1900, 1, 1), None);
	assert_eq!(Date::new(2026, 4, 31), None);
	// Korea's day begins at 15:00 UTC the day before.
	assert_eq!(Date::in_korea_at(NOW), date(2026, 3, 2));
	assert_eq!(Date::in_korea_at(NOW - 9 * 3_600_000), date(2026, 3, 2));
	assert_eq!(Date::in_korea_at(NOW - 9 * 3_600_000 - 1), date(2026, 3, 1));
	assert_eq!(Date::in_korea_at(u64::MAX).year, u16::MAX);
	// Invalid dates never panic.
	let _ = Date { year: 0, month: 0, day: 0 }.day_number();
	let _ = Date { year: u16::MAX, month: 255, day: 255 }.weekday();
}

//! The city's minimum wage schedule and confirmation period.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};
use sp_runtime::DispatchError::BadOrigin;

#[test]
fn the_genesis_schedule_holds_2025_and_2026() {
	ExtBuilder.build_and_execute(|| {
		assert_eq!(Labor::minimum_wage_on(date(2024, 12, 31)), None);
		assert_eq!(Labor::minimum_wage_on(date(2025, 1, 1)), Some(MINIMUM_2025));
		assert_eq!(Labor::minimum_wage_on(date(2025, 12, 31)), Some(MINIMUM_2025));
		assert_eq!(Labor::minimum_wage_on(date(2026, 1, 1)), Some(MINIMUM_2026));
		assert_eq!(Labor::minimum_wage_on(date(2030, 1, 1)), Some(MINIMUM_2026));
		assert_eq!(ConfirmationDays::<Test>::get(), 7);
	});
}

#[test]
fn the_city_adds_and_replaces_steps_in_date_order() {
	ExtBuilder.build_and_execute(|| {
		assert_ok!(Labor::set_minimum_wage(RuntimeOrigin::root(), date(2027, 1, 1), 10_700));
		assert_ok!(Labor::set_minimum_wage(RuntimeOrigin::root(), date(2024, 1, 1), 9_860));
		assert_ok!(Labor::set_minimum_wage(RuntimeOrigin::root(), date(2027, 1, 1), 10_650));
		assert_eq!(
			MinimumWages::<Test>::get()
				.iter()
				.map(|step| (step.from.year, step.hourly))
				.collect::<Vec<_>>(),
			vec![(2024, 9_860), (2025, MINIMUM_2025), (2026, MINIMUM_2026), (2027, 10_650)]
		);
		assert_eq!(Labor::minimum_wage_on(date(2027, 6, 1)), Some(10_650));
		assert_eq!(
			labor_events(),
			vec![
				Event::MinimumWageSet { from: date(2027, 1, 1), hourly: 10_700 },
				Event::MinimumWageSet { from: date(2024, 1, 1), hourly: 9_860 },
				Event::MinimumWageSet { from: date(2027, 1, 1), hourly: 10_650 },
			]
		);
		assert_noop!(
			Labor::set_minimum_wage(RuntimeOrigin::root(), date(2028, 1, 1), 11_000),
			Error::<Test>::TooManyWageSteps
		);
	});
}

#[test]
fn minimum_wage_calls_refuse_bad_origin_and_input() {
	ExtBuilder.build_and_execute(|| {
		for origin in [RuntimeOrigin::signed(INSPECTOR), RuntimeOrigin::signed(EMPLOYER)] {
			assert_noop!(
				Labor::set_minimum_wage(origin.clone(), date(2027, 1, 1), 10_700),
				BadOrigin
			);
			assert_noop!(Labor::set_confirmation_period(origin, 14), BadOrigin);
		}
		assert_noop!(
			Labor::set_minimum_wage(RuntimeOrigin::root(), date(2027, 1, 1), 0),
			Error::<Test>::ZeroWage
		);
		assert_noop!(
			Labor::set_minimum_wage(
				RuntimeOrigin::root(),
				Date { year: 2027, month: 2, day: 29 },
				10_700
			),
			Error::<Test>::InvalidDate
		);
		assert_noop!(
			Labor::set_confirmation_period(RuntimeOrigin::root(), 0),
			Error::<Test>::ZeroPeriod
		);
	});
}

#[test]
fn the_confirmation_period_applies_to_shifts_recorded_after_it_changes() {
	ExtBuilder.build_and_execute(|| {
		let contract = signed_contract();
		assert_ok!(Labor::record_shift(
			RuntimeOrigin::signed(WORKER),
			contract,
			today(),
			hours(at(10, 0), at(12, 0), 0)
		));
		assert_ok!(Labor::set_confirmation_period(RuntimeOrigin::root(), 14));
		assert_eq!(ConfirmationDays::<Test>::get(), 14);
		assert!(labor_events().contains(&Event::ConfirmationPeriodSet { days: 14 }));
		assert_ok!(Labor::record_shift(
			RuntimeOrigin::signed(WORKER),
			contract,
			today(),
			hours(at(13, 0), at(14, 0), 0)
		));
		let shifts = Timesheets::<Test>::get(contract, today());
		assert_eq!(shifts[0].confirms_at, NOW + 7 * DAY);
		assert_eq!(shifts[1].confirms_at, NOW + 14 * DAY);
	});
}

#[test]
fn the_city_lists_public_holidays_and_sets_insurance_rates() {
	ExtBuilder.build_and_execute(|| {
		let holiday = date(2026, 3, 2);
		assert_ok!(Labor::set_public_holiday(RuntimeOrigin::root(), holiday, true));
		assert!(Labor::is_public_holiday(holiday));
		assert_ok!(Labor::set_public_holiday(RuntimeOrigin::root(), holiday, false));
		assert!(!Labor::is_public_holiday(holiday));
		assert_eq!(CurrentInsuranceRates::<Test>::get(), InsuranceRates::default());
		let rates =
			InsuranceRates { pension_ppm: 47_500, health_ppm: 36_000, ..Default::default() };
		assert_ok!(Labor::set_insurance_rates(RuntimeOrigin::root(), rates));
		assert_eq!(CurrentInsuranceRates::<Test>::get(), rates);
		assert_eq!(
			labor_events(),
			vec![
				Event::PublicHolidaySet { date: holiday, holiday: true },
				Event::PublicHolidaySet { date: holiday, holiday: false },
				Event::InsuranceRatesSet { rates },
			]
		);
	});
}

#[test]
fn holiday_and_rate_calls_refuse_bad_origin_and_input() {
	ExtBuilder.build_and_execute(|| {
		let origin = RuntimeOrigin::signed(INSPECTOR);
		assert_noop!(Labor::set_public_holiday(origin.clone(), date(2026, 3, 2), true), BadOrigin);
		assert_noop!(Labor::set_insurance_rates(origin, InsuranceRates::default()), BadOrigin);
		assert_noop!(
			Labor::set_public_holiday(
				RuntimeOrigin::root(),
				Date { year: 2026, month: 2, day: 29 },
				true
			),
			Error::<Test>::InvalidDate
		);
		for rates in [
			InsuranceRates { health_ppm: 1_000_001, ..Default::default() },
			InsuranceRates { pension_income_floor: 7_000_000, ..Default::default() },
		] {
			assert_noop!(
				Labor::set_insurance_rates(RuntimeOrigin::root(), rates),
				Error::<Test>::InvalidRates
			);
		}
	});
}

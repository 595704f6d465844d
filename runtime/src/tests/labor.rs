//! Part-time work in the runtime: the statutory minimum wage at genesis, the council keeping it,
//! the labour inspector's role the city's alone, and a contract and its time sheet through the
//! runtime API.

use super::{account, chain_from_preset, council_motion};
use crate::{Citizens, Labor, Runtime, RuntimeCall, RuntimeOrigin};
use frame_support::{assert_noop, assert_ok};
use pallet_citizens::{MemberKind, MemberRegistry, Role};
use pallet_labor::{
	runtime_api::runtime_decl_for_labor_api::LaborApiV1, Date, Hours, PayMethod, ShiftStatus,
	Standing, Terms, Weekday, WorkingTime,
};
use sp_core::H256;
use sp_keyring::Sr25519Keyring::{Alice, Bob, Charlie, Dave, One, Two};
use sp_runtime::DispatchError::BadOrigin;

/// Monday 2026-11-23, 09:00 in Korea, in milliseconds.
const NOW: u64 = 1_795_392_000_000;

fn date(year: u16, month: u8, day: u8) -> Date {
	Date::new(year, month, day).expect("the test's dates exist")
}

fn development_chain() -> sp_io::TestExternalities {
	let mut ext = chain_from_preset(sp_genesis_builder::DEV_RUNTIME_PRESET);
	// Set directly: `set_timestamp` would ask Aura for the matching slot.
	ext.execute_with(|| pallet_timestamp::Now::<Runtime>::put(NOW));
	ext
}

/// Twenty hours a week, Monday to Friday 10:00–14:30 with a 30-minute break, Sunday paid.
fn twenty_hours(hourly_wage: u64) -> pallet_labor::TermsOf<Runtime> {
	let hours = Hours { start: 600, end: 870, break_minutes: 30 };
	Terms {
		workplace: H256::repeat_byte(1),
		duties: H256::repeat_byte(2),
		schedule: Weekday::ALL[..5]
			.iter()
			.map(|day| WorkingTime { day: *day, hours })
			.collect::<Vec<_>>()
			.try_into()
			.unwrap(),
		weekly_holiday: Some(Weekday::Sunday),
		hourly_wage,
		allowances: Default::default(),
		pay_day: 10,
		pay_method: PayMethod::BankTransfer,
		overtime_premium_percent: 50,
		five_or_more_employees: true,
		document: H256::repeat_byte(3),
	}
}

#[test]
fn every_network_starts_with_the_statutory_minimum_wage() {
	for preset in crate::genesis_config_presets::preset_names() {
		let name = core::str::from_utf8(preset.as_ref()).unwrap().to_owned();
		chain_from_preset(&name).execute_with(|| {
			assert_eq!(Runtime::minimum_wage(date(2024, 12, 31)), None);
			assert_eq!(Runtime::minimum_wage(date(2025, 6, 1)), Some(10_030));
			assert_eq!(Runtime::minimum_wage(date(2026, 11, 23)), Some(10_320));
		});
	}
	development_chain().execute_with(|| {
		assert!(Citizens::has_role(&account(Two), Role::Employer));
		assert!(Citizens::has_role(&account(One), Role::LaborInspector));
		assert_eq!(Labor::today(), date(2026, 11, 23));
	});
}

#[test]
fn the_council_keeps_the_minimum_wage_and_the_city_alone_grants_inspectors() {
	development_chain().execute_with(|| {
		let raise = RuntimeCall::Labor(pallet_labor::Call::set_minimum_wage {
			from: date(2027, 1, 1),
			hourly: 10_700,
		});
		assert_noop!(
			Labor::set_minimum_wage(RuntimeOrigin::signed(account(Alice)), date(2027, 1, 1), 1),
			BadOrigin
		);
		assert_eq!(council_motion(raise, &[Bob, Charlie]), Some(Ok(())));
		assert_eq!(Runtime::minimum_wage(date(2027, 3, 1)), Some(10_700));
		// A registrar cannot make anyone a labour inspector.
		assert_noop!(
			Citizens::set_roles(
				RuntimeOrigin::signed(account(Alice)),
				account(Dave),
				vec![Role::LaborInspector]
			),
			pallet_citizens::Error::<Runtime>::CityOnly
		);
		assert_eq!(Citizens::active_kind(&account(Dave)), Some(MemberKind::Citizen));
	});
}

#[test]
fn a_contract_and_its_time_sheet_through_the_runtime() {
	development_chain().execute_with(|| {
		let today = date(2026, 11, 23);
		assert_noop!(
			Labor::propose_contract(
				RuntimeOrigin::signed(account(Two)),
				account(Dave),
				today,
				None,
				twenty_hours(10_319)
			),
			pallet_labor::Error::<Runtime>::BelowMinimumWage
		);
		assert_ok!(Labor::propose_contract(
			RuntimeOrigin::signed(account(Two)),
			account(Dave),
			today,
			None,
			twenty_hours(10_320)
		));
		assert_eq!(Runtime::contract(0).map(|record| record.standing), Some(Standing::Proposed));
		assert_ok!(Labor::accept_contract(RuntimeOrigin::signed(account(Dave)), 0));
		let shift = Hours { start: 600, end: 900, break_minutes: 30 };
		assert_ok!(Labor::record_shift(RuntimeOrigin::signed(account(Dave)), 0, today, shift));
		assert_ok!(Labor::dispute_shift(
			RuntimeOrigin::signed(account(Two)),
			0,
			today,
			0,
			H256::repeat_byte(4)
		));
		let corrected = Hours { start: 600, end: 840, break_minutes: 30 };
		assert_ok!(Labor::rule_on_shift(
			RuntimeOrigin::signed(account(One)),
			0,
			today,
			0,
			Some(corrected),
			H256::repeat_byte(5)
		));
		let record = Runtime::contract(0).expect("the contract exists");
		assert_eq!(record.standing, Standing::InForce);
		assert_eq!(record.contract.weekly_minutes, 1_200);
		let sheet = Runtime::timesheet(0, today, 7);
		assert_eq!(sheet.len(), 1);
		assert_eq!(sheet[0].shift.hours, corrected);
		assert_eq!(sheet[0].shift.status, ShiftStatus::Ruled(H256::repeat_byte(5)));
		assert!(sheet[0].counts);
		let page = Runtime::contracts(account(Dave), None, 10);
		assert_eq!(page.items, vec![(0, pallet_labor::Party::Worker)]);
	});
}

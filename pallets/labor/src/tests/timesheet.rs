//! Time sheets: recording, confirming, disputing, withdrawing and ruling on shifts.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok, traits::Get};
use sp_core::H256;
use sp_runtime::DispatchResult;

/// The morning shift of [`twenty_hours`].
fn morning() -> Hours {
	hours(at(10, 0), at(14, 30), 30)
}

fn record(who: AccountId, contract: ContractId, day: Date, hours: Hours) -> DispatchResult {
	Labor::record_shift(RuntimeOrigin::signed(who), contract, day, hours)
}

fn shift(contract: ContractId, day: Date, index: usize) -> Shift {
	Timesheets::<Test>::get(contract, day)[index]
}

#[test]
fn a_shift_recorded_by_one_side_is_confirmed_by_the_other() {
	ExtBuilder.build_and_execute(|| {
		let contract = signed_contract();
		assert_ok!(record(WORKER, contract, today(), morning()));
		assert_eq!(
			shift(contract, today(), 0),
			Shift {
				hours: morning(),
				recorded_by: Party::Worker,
				confirms_at: NOW + 7 * DAY,
				status: ShiftStatus::Recorded
			}
		);
		assert_noop!(
			Labor::confirm_shift(RuntimeOrigin::signed(WORKER), contract, today(), 0),
			Error::<Test>::OwnShift
		);
		assert_noop!(
			Labor::confirm_shift(RuntimeOrigin::signed(OTHER_WORKER), contract, today(), 0),
			Error::<Test>::NotParty
		);
		assert_noop!(
			Labor::confirm_shift(RuntimeOrigin::signed(EMPLOYER), contract, today(), 1),
			Error::<Test>::UnknownShift
		);
		assert_ok!(Labor::confirm_shift(RuntimeOrigin::signed(EMPLOYER), contract, today(), 0));
		assert_eq!(shift(contract, today(), 0).status, ShiftStatus::Confirmed);
		assert_noop!(
			Labor::confirm_shift(RuntimeOrigin::signed(EMPLOYER), contract, today(), 0),
			Error::<Test>::NotRecorded
		);
		assert_eq!(
			labor_events()[2..],
			[
				Event::ShiftRecorded {
					contract,
					date: today(),
					index: 0,
					by: Party::Worker,
					hours: morning()
				},
				Event::ShiftConfirmed { contract, date: today(), index: 0 },
			]
		);
		let sheet = Labor::timesheet(contract, today(), 1);
		assert_eq!(sheet.len(), 1);
		assert!(sheet[0].counts);
	});
}

#[test]
fn the_employer_s_silence_cannot_erase_hours() {
	ExtBuilder.build_and_execute(|| {
		let contract = signed_contract();
		assert_ok!(record(WORKER, contract, today(), morning()));
		assert!(!Labor::timesheet(contract, today(), 1)[0].counts);
		pass_days(7);
		// The confirmation period is over: the shift counts, and can no longer be disputed or
		// withdrawn.
		assert!(Labor::timesheet(contract, today(), 1)[0].counts);
		assert_noop!(
			Labor::dispute_shift(
				RuntimeOrigin::signed(EMPLOYER),
				contract,
				today(),
				0,
				H256::repeat_byte(1)
			),
			Error::<Test>::ConfirmationPeriodOver
		);
		assert_noop!(
			Labor::withdraw_shift(RuntimeOrigin::signed(WORKER), contract, today(), 0),
			Error::<Test>::ConfirmationPeriodOver
		);
	});
}

#[test]
fn a_disputed_shift_is_ruled_on_by_an_inspector() {
	ExtBuilder.build_and_execute(|| {
		let contract = signed_contract();
		assert_ok!(record(WORKER, contract, today(), hours(at(10, 0), at(16, 30), 30)));
		let reason = H256::repeat_byte(0x5e);
		assert_noop!(
			Labor::dispute_shift(RuntimeOrigin::signed(WORKER), contract, today(), 0, reason),
			Error::<Test>::OwnShift
		);
		assert_ok!(Labor::dispute_shift(
			RuntimeOrigin::signed(EMPLOYER),
			contract,
			today(),
			0,
			reason
		));
		assert_eq!(shift(contract, today(), 0).status, ShiftStatus::Disputed(reason));
		assert!(!Labor::timesheet(contract, today(), 1)[0].counts);
		pass_days(30);
		assert!(!Labor::timesheet(contract, today(), 1)[0].counts);
		let ruling = H256::repeat_byte(0x70);
		let corrected = hours(at(10, 0), at(15, 0), 30);
		for who in [AGENCY, EMPLOYER, WORKER] {
			assert_noop!(
				Labor::rule_on_shift(
					RuntimeOrigin::signed(who),
					contract,
					today(),
					0,
					Some(corrected),
					ruling
				),
				Error::<Test>::NotInspector
			);
		}
		assert_noop!(
			Labor::rule_on_shift(
				RuntimeOrigin::signed(INSPECTOR),
				contract,
				date(2026, 3, 2),
				0,
				Some(hours(at(10, 0), at(19, 0), 30)),
				ruling
			),
			Error::<Test>::BreakTooShort
		);
		assert_ok!(Labor::rule_on_shift(
			RuntimeOrigin::signed(INSPECTOR),
			contract,
			date(2026, 3, 2),
			0,
			Some(corrected),
			ruling
		));
		let ruled = shift(contract, date(2026, 3, 2), 0);
		assert_eq!((ruled.hours, ruled.status), (corrected, ShiftStatus::Ruled(ruling)));
		assert!(labor_events().contains(&Event::ShiftRuled {
			contract,
			date: date(2026, 3, 2),
			index: 0,
			inspector: INSPECTOR,
			recorded: hours(at(10, 0), at(16, 30), 30),
			hours: Some(corrected),
			ruling
		}));
		assert!(Labor::timesheet(contract, date(2026, 3, 2), 1)[0].counts);
		assert_noop!(
			Labor::rule_on_shift(
				RuntimeOrigin::signed(INSPECTOR),
				contract,
				date(2026, 3, 2),
				0,
				None,
				ruling
			),
			Error::<Test>::NotDisputed
		);
	});
}

#[test]
fn an_inspector_strikes_a_shift_that_did_not_happen() {
	ExtBuilder.build_and_execute(|| {
		let contract = signed_contract();
		assert_ok!(record(EMPLOYER, contract, today(), morning()));
		assert_ok!(Labor::dispute_shift(
			RuntimeOrigin::signed(WORKER),
			contract,
			today(),
			0,
			H256::repeat_byte(1)
		));
		assert_ok!(Labor::rule_on_shift(
			RuntimeOrigin::signed(INSPECTOR),
			contract,
			today(),
			0,
			None,
			H256::repeat_byte(2)
		));
		let struck = shift(contract, today(), 0);
		assert_eq!(struck.status, ShiftStatus::Struck(H256::repeat_byte(2)));
		assert!(!Labor::timesheet(contract, today(), 1)[0].counts);
		// A struck shift no longer stands in the way of the real one.
		assert_ok!(record(WORKER, contract, today(), morning()));
	});
}

#[test]
fn the_recorder_withdraws_a_mistake_and_the_record_stays() {
	ExtBuilder.build_and_execute(|| {
		let contract = signed_contract();
		assert_ok!(record(EMPLOYER, contract, today(), hours(at(9, 0), at(12, 0), 0)));
		assert_noop!(
			Labor::withdraw_shift(RuntimeOrigin::signed(WORKER), contract, today(), 0),
			Error::<Test>::NotRecorder
		);
		assert_noop!(
			Labor::withdraw_shift(RuntimeOrigin::signed(STRANGER), contract, today(), 0),
			Error::<Test>::NotRecorder
		);
		assert_ok!(Labor::withdraw_shift(RuntimeOrigin::signed(EMPLOYER), contract, today(), 0));
		assert_eq!(shift(contract, today(), 0).status, ShiftStatus::Withdrawn);
		assert!(labor_events().contains(&Event::ShiftWithdrawn {
			contract,
			date: today(),
			index: 0
		}));
		assert_noop!(
			Labor::confirm_shift(RuntimeOrigin::signed(WORKER), contract, today(), 0),
			Error::<Test>::NotRecorded
		);
		assert_ok!(record(EMPLOYER, contract, today(), morning()));
		assert_eq!(Timesheets::<Test>::get(contract, today()).len(), 2);
	});
}

#[test]
fn shifts_are_recorded_only_within_the_term_and_up_to_today() {
	ExtBuilder.build_and_execute(|| {
		let contract = signed_contract();
		assert_noop!(
			record(WORKER, contract, date(2026, 3, 1), morning()),
			Error::<Test>::NotInTerm
		);
		assert_noop!(
			record(WORKER, contract, date(2026, 3, 3), morning()),
			Error::<Test>::FutureShift
		);
		assert_noop!(
			record(WORKER, contract, Date { year: 2026, month: 2, day: 31 }, morning()),
			Error::<Test>::InvalidDate
		);
		assert_noop!(record(OTHER_WORKER, contract, today(), morning()), Error::<Test>::NotParty);
		assert_noop!(record(WORKER, 99, today(), morning()), Error::<Test>::UnknownContract);
		let proposal = propose(today(), twenty_hours());
		assert_noop!(record(WORKER, proposal, today(), morning()), Error::<Test>::NotSigned);
		assert_noop!(
			record(WORKER, contract, today(), hours(at(9, 0), at(18, 0), 30)),
			Error::<Test>::BreakTooShort
		);
		// After the contract's last day, shifts up to it can still be recorded.
		assert_ok!(Labor::end_contract(
			RuntimeOrigin::signed(EMPLOYER),
			contract,
			EndReason::BusinessClosure,
			date(2026, 3, 3)
		));
		pass_days(3);
		assert_ok!(record(WORKER, contract, date(2026, 3, 3), morning()));
		assert_noop!(
			record(WORKER, contract, date(2026, 3, 4), morning()),
			Error::<Test>::NotInTerm
		);
	});
}

#[test]
fn shifts_do_not_overlap_and_a_day_holds_a_bounded_number() {
	// The attack: a side records shift after shift on one day to inflate the hours or the
	// state; overlapping hours are refused and a day's entries are bounded.
	ExtBuilder.build_and_execute(|| {
		let contract = signed_contract();
		pass_days(2);
		let monday = date(2026, 3, 2);
		let tuesday = date(2026, 3, 3);
		let wednesday = date(2026, 3, 4);
		assert_ok!(record(WORKER, contract, monday, hours(at(22, 0), at(1, 30), 0)));
		for (day, overlapping) in [
			(monday, hours(at(23, 0), at(23, 30), 0)),
			(tuesday, hours(at(1, 0), at(3, 0), 0)),
			(monday, hours(at(21, 0), at(22, 30), 0)),
		] {
			assert_noop!(
				record(WORKER, contract, day, overlapping),
				Error::<Test>::OverlappingHours
			);
		}
		// Recorded on Wednesday first, a Tuesday night shift running into it is refused too.
		assert_ok!(record(EMPLOYER, contract, wednesday, hours(at(8, 0), at(9, 0), 0)));
		assert_noop!(
			record(WORKER, contract, tuesday, hours(at(23, 0), at(8, 30), 60)),
			Error::<Test>::OverlappingHours
		);
		assert_ok!(record(WORKER, contract, tuesday, hours(at(23, 0), at(7, 30), 60)));
		let max = <Test as Config>::MaxShiftsPerDay::get();
		for n in 1..max {
			let start = at(10, 0) + 60 * n as u16;
			assert_ok!(record(WORKER, contract, monday, hours(start, start + 30, 0)));
		}
		assert_noop!(
			record(WORKER, contract, monday, hours(at(20, 0), at(20, 30), 0)),
			Error::<Test>::TooManyShifts
		);
	});
}

#[test]
fn the_time_sheet_read_is_bounded() {
	ExtBuilder.build_and_execute(|| {
		let contract = signed_contract();
		assert_ok!(record(WORKER, contract, today(), morning()));
		assert_eq!(Labor::timesheet(contract, date(2026, 1, 1), 1_000).len(), 1);
		assert!(Labor::timesheet(contract, date(2025, 1, 1), 1_000).is_empty());
		assert!(Labor::timesheet(contract, Date { year: 0, month: 0, day: 0 }, 10).is_empty());
	});
}

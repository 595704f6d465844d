//! Pay statements: issued by the employer beside the computed pay, answered by the worker.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};
use sp_core::H256;
use sp_runtime::DispatchResult;

/// Brings the clock to 2026-04-10 and signs a 20-hour contract from 2026-03-02 without
/// allowances, with the first week worked and confirmed: 20 h and the weekly paid holiday,
/// 206,400 + 41,280 = 247,680 won gross.
fn worked_week() -> ContractId {
	Timestamp::set_timestamp(NOW + 39 * DAY);
	let mut terms = twenty_hours();
	terms.allowances = Default::default();
	let contract = propose(date(2026, 3, 2), terms);
	assert_ok!(Labor::accept_contract(RuntimeOrigin::signed(WORKER), contract));
	for day in 2..=6 {
		let day = date(2026, 3, day);
		assert_ok!(Labor::record_shift(
			RuntimeOrigin::signed(WORKER),
			contract,
			day,
			hours(at(10, 0), at(14, 30), 30)
		));
		assert_ok!(Labor::confirm_shift(RuntimeOrigin::signed(EMPLOYER), contract, day, 0));
	}
	contract
}

fn paid(gross: Won, deductions: Won) -> PaidAmounts {
	PaidAmounts { gross, deductions, net: gross - deductions }
}

fn issue(contract: ContractId, from: Date, to: Date, amounts: PaidAmounts) -> DispatchResult {
	Labor::issue_pay_statement(
		RuntimeOrigin::signed(EMPLOYER),
		contract,
		from,
		to,
		amounts,
		H256::repeat_byte(0x51),
	)
}

#[test]
fn a_full_statement_has_no_shortfall_and_the_worker_acknowledges_it() {
	ExtBuilder.build_and_execute(|| {
		let contract = worked_week();
		let week = (date(2026, 3, 2), date(2026, 3, 8));
		assert_ok!(issue(contract, week.0, week.1, paid(247_680, 31_280)));
		let statement = PayStatements::<Test>::get(contract, week.0).unwrap();
		assert_eq!(statement.to, week.1);
		assert_eq!(statement.computed.gross, 247_680);
		assert_eq!(statement.shortfall, 0);
		assert_eq!(statement.status, StatementStatus::Issued);
		assert_eq!(PaidUntil::<Test>::get(contract), Some(week.1));
		assert_noop!(
			Labor::acknowledge_pay_statement(RuntimeOrigin::signed(EMPLOYER), contract, week.0),
			Error::<Test>::NotParty
		);
		assert_ok!(Labor::acknowledge_pay_statement(
			RuntimeOrigin::signed(WORKER),
			contract,
			week.0
		));
		assert_eq!(
			PayStatements::<Test>::get(contract, week.0).unwrap().status,
			StatementStatus::Acknowledged
		);
		assert_noop!(
			Labor::dispute_pay_statement(
				RuntimeOrigin::signed(WORKER),
				contract,
				week.0,
				H256::repeat_byte(1)
			),
			Error::<Test>::AlreadyAnswered
		);
		let events = labor_events();
		assert!(events.contains(&Event::PayStatementIssued {
			contract,
			from: week.0,
			to: week.1,
			gross: 247_680,
			shortfall: 0
		}));
		assert!(events.contains(&Event::PayStatementAcknowledged { contract, from: week.0 }));
		let page = Labor::pay_statements_of(contract, None, 10);
		assert_eq!(page.items.len(), 1);
		assert_eq!(page.next, None);
	});
}

#[test]
fn an_underpaid_statement_records_its_shortfall_and_the_worker_disputes_it() {
	ExtBuilder.build_and_execute(|| {
		let contract = worked_week();
		let week = (date(2026, 3, 2), date(2026, 3, 8));
		// The employer left out the weekly paid holiday: 41,280 won short.
		assert_ok!(issue(contract, week.0, week.1, paid(206_400, 0)));
		assert_eq!(PayStatements::<Test>::get(contract, week.0).unwrap().shortfall, 41_280);
		let reason = H256::repeat_byte(0x77);
		assert_ok!(Labor::dispute_pay_statement(
			RuntimeOrigin::signed(WORKER),
			contract,
			week.0,
			reason
		));
		assert_eq!(
			PayStatements::<Test>::get(contract, week.0).unwrap().status,
			StatementStatus::Disputed(reason)
		);
		assert!(labor_events().contains(&Event::PayStatementDisputed {
			contract,
			from: week.0,
			reason
		}));
	});
}

#[test]
fn a_statement_waits_for_every_shift_of_its_period_to_count() {
	ExtBuilder.build_and_execute(|| {
		let contract = worked_week();
		assert_ok!(Labor::record_shift(
			RuntimeOrigin::signed(WORKER),
			contract,
			date(2026, 3, 9),
			hours(at(10, 0), at(14, 30), 30)
		));
		let period = (date(2026, 3, 2), date(2026, 3, 9));
		assert_noop!(
			issue(contract, period.0, period.1, paid(247_680, 0)),
			Error::<Test>::UnconfirmedShifts
		);
		pass_days(7);
		assert_ok!(issue(contract, period.0, period.1, paid(300_000, 0)));
	});
}

#[test]
fn statements_are_refused_for_bad_periods_amounts_and_origins() {
	ExtBuilder.build_and_execute(|| {
		let contract = worked_week();
		let week = (date(2026, 3, 2), date(2026, 3, 8));
		assert_noop!(
			issue(contract, week.0, week.1, PaidAmounts { gross: 100, deductions: 10, net: 100 }),
			Error::<Test>::InconsistentAmounts
		);
		assert_noop!(
			issue(contract, week.0, date(2026, 4, 30), paid(0, 0)),
			Error::<Test>::PeriodNotOver
		);
		assert_noop!(
			issue(contract, week.0, date(2026, 4, 5), paid(0, 0)),
			Error::<Test>::InvalidPeriod
		);
		assert_noop!(issue(99, week.0, week.1, paid(0, 0)), Error::<Test>::UnknownContract);
		assert_noop!(
			Labor::issue_pay_statement(
				RuntimeOrigin::signed(WORKER),
				contract,
				week.0,
				week.1,
				paid(0, 0),
				H256::zero()
			),
			Error::<Test>::NotParty
		);
		assert_noop!(
			Labor::acknowledge_pay_statement(RuntimeOrigin::signed(WORKER), contract, week.0),
			Error::<Test>::UnknownStatement
		);
		assert_ok!(issue(contract, week.0, week.1, paid(247_680, 0)));
		// A period stated once is not stated again, in part or in whole.
		assert_noop!(
			issue(contract, date(2026, 3, 8), date(2026, 3, 14), paid(0, 0)),
			Error::<Test>::PeriodAlreadyStated
		);
		assert_ok!(issue(contract, date(2026, 3, 9), date(2026, 3, 15), paid(0, 0)));
		// The employer lost its role: no more statements.
		Register::take_roles(&EMPLOYER);
		assert_noop!(
			issue(contract, date(2026, 3, 16), date(2026, 3, 22), paid(0, 0)),
			Error::<Test>::NotEmployer
		);
	});
}

#[test]
fn the_work_history_lists_the_worker_s_signed_contracts_with_hours_and_statements() {
	ExtBuilder.build_and_execute(|| {
		let contract = worked_week();
		assert_ok!(issue(contract, date(2026, 3, 2), date(2026, 3, 8), paid(206_400, 0)));
		// A proposal and a contract as someone else's worker are not the worker's history.
		propose(today(), twenty_hours());
		assert_ok!(Labor::propose_contract(
			RuntimeOrigin::signed(EMPLOYER),
			OTHER_WORKER,
			today(),
			None,
			twenty_hours()
		));
		let page = Labor::history_of(&WORKER, None, 100);
		assert_eq!(page.next, None);
		assert_eq!(
			page.items,
			vec![(
				contract,
				HistoryEntry {
					employer: EMPLOYER,
					start: date(2026, 3, 2),
					last_day: None,
					standing: Standing::InForce,
					weekly_minutes: 1_200,
					confirmed_minutes: 1_200,
					statements: 1,
					paid_gross: 206_400,
					shortfall: 41_280,
				}
			)]
		);
		assert!(Labor::history_of(&EMPLOYER, None, 100).items.is_empty());
	});
}

//! The runtime API through which both sides of a contract, labour inspectors and auditors read
//! contracts and time sheets. The node serves it over JSON-RPC as `labor_contract`,
//! `labor_contracts`, `labor_history`, `labor_timesheet`, `labor_minimumWage`, `labor_pay`, `labor_payStatements`, `labor_enrolments` and `labor_overdue`.

use crate::{
	calendar::Date,
	insurance::{Enrolment, Insurance},
	types::{
		ContractId, ContractRecord, HistoryEntry, Party, PayError, PayStatement, Payslip,
		TimesheetEntry, Won,
	},
};
use alloc::vec::Vec;
use codec::Codec;
use seoul_primitives::Page;

/// The most days one time sheet read covers.
pub const MAX_TIMESHEET_DAYS: u32 = 62;

sp_api::decl_runtime_apis! {
	/// Reads of contracts and time sheets.
	pub trait LaborApi<AccountId, MaxAllowances>
	where
		AccountId: Codec + Clone + PartialEq + Eq + core::fmt::Debug,
		MaxAllowances: sp_core::Get<u32>,
	{
		/// Contract `contract` with its waiting amendment and where it stands today.
		fn contract(contract: ContractId) -> Option<ContractRecord<AccountId, MaxAllowances>>;

		/// A page of the contracts of `member` (as employer or worker) and its side in each: up
		/// to `limit` (at most 100) after contract `start`, the previous page's `next`, in the
		/// chain's key order.
		fn contracts(member: AccountId, start: Option<ContractId>, limit: u32) -> Page<ContractId, Party>;

		/// A page of the work history of `worker`: the contracts it signed as the worker, each
		/// with its employer, period, standing, weekly hours, confirmed minutes and pay
		/// statements; up to `limit` (at most 100) after contract `start`, the previous page's
		/// `next`.
		fn history(worker: AccountId, start: Option<ContractId>, limit: u32) -> Page<ContractId, HistoryEntry<AccountId>>;

		/// The shifts of `contract` recorded under the `days` days (at most 62) from `from`.
		fn timesheet(contract: ContractId, from: Date, days: u32) -> Vec<TimesheetEntry>;

		/// The hourly minimum wage in force on `date`.
		fn minimum_wage(date: Date) -> Option<Won>;

		/// The pay owed under `contract` for the days `from` to `to` (at most 31), computed now
		/// from the shifts that count, by the rules in docs/LABOR.md.
		fn pay(contract: ContractId, from: Date, to: Date) -> Result<Payslip, PayError>;

		/// A page of the pay statements of `contract`, by the first day of their period: up to
		/// `limit` (at most 100) after the one from `start`, the previous page's `next`.
		fn pay_statements(contract: ContractId, start: Option<Date>, limit: u32) -> Page<Date, PayStatement>;

		/// The enrolments of `contract` in the insurances it requires.
		fn enrolments(contract: ContractId) -> Vec<(Insurance, Enrolment)>;

		/// The enrolments whose acquisition report is overdue today, city-wide or of
		/// `employer`'s contracts, with their deadlines: among up to `limit` (at most 100)
		/// enrolments due after `start`, the previous page's `next`.
		fn overdue_enrolments(employer: Option<AccountId>, start: Option<(ContractId, Insurance)>, limit: u32) -> Page<(ContractId, Insurance), Date>;
	}
}

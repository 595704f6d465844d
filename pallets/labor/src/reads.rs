//! What the runtime API reads: contracts with their standing, a member's contracts, a worker's
//! history, time sheets.

use crate::{
	calendar::Date,
	runtime_api::MAX_TIMESHEET_DAYS,
	types::{ContractRecord, HistoryEntry, Standing, TimesheetEntry},
	Amendments, Config, ContractId, ContractStatus, Contracts, ContractsOf, Pallet, Party,
	PayStatements, Timesheets, Won,
};
use alloc::vec::Vec;
use seoul_primitives::Page;

impl<T: Config> Pallet<T> {
	/// Contract `contract` with its waiting amendment and where it stands today.
	pub fn contract_record(
		contract: ContractId,
	) -> Option<ContractRecord<T::AccountId, T::MaxAllowances>> {
		let record = Contracts::<T>::get(contract)?;
		let today = Self::today();
		let standing = Self::standing_of(&record, today);
		Some(ContractRecord {
			contract: record,
			amendment: Amendments::<T>::get(contract),
			standing,
			today,
		})
	}

	/// Where `record` stands on `today`.
	fn standing_of(record: &crate::ContractOf<T>, today: Date) -> Standing {
		match record.status {
			ContractStatus::Proposed => Standing::Proposed,
			_ if today < record.start => Standing::NotStarted,
			_ if record.binds_on(today) => Standing::InForce,
			_ => Standing::Over,
		}
	}

	/// The work history of `worker`: up to `limit` (at most [`crate::MAX_PAGE_SIZE`]) of the contracts
	/// it signed as the worker, after contract `start` (the previous page's `next`), in the
	/// chain's key order, each with its employer, period, standing, weekly hours, the minutes of
	/// every shift that counts now, and its pay statements. Reads at most `limit` + 1 entries of
	/// the worker's contracts, and each listed contract's time sheet and statements.
	pub fn history_of(
		worker: &T::AccountId,
		start: Option<ContractId>,
		limit: u32,
	) -> Page<ContractId, HistoryEntry<T::AccountId>> {
		let page = Self::contracts_of(worker, start, limit);
		let today = Self::today();
		let now = Self::now_ms();
		let items = page
			.items
			.into_iter()
			.filter(|(_, side)| *side == Party::Worker)
			.filter_map(|(id, _)| Contracts::<T>::get(id).map(|record| (id, record)))
			.filter(|(_, record)| record.status != ContractStatus::Proposed)
			.map(|(id, record)| {
				let confirmed_minutes = Timesheets::<T>::iter_prefix_values(id)
					.flatten()
					.filter(|shift| shift.stands() && shift.is_confirmed_at(now))
					.map(|shift| u64::from(shift.hours.worked()))
					.sum();
				let (mut statements, mut paid_gross, mut shortfall) = (0u32, 0 as Won, 0 as Won);
				for statement in PayStatements::<T>::iter_prefix_values(id) {
					statements += 1;
					paid_gross = paid_gross.saturating_add(statement.paid.gross);
					shortfall = shortfall.saturating_add(statement.shortfall);
				}
				let entry = HistoryEntry {
					standing: Self::standing_of(&record, today),
					last_day: record.last_day(),
					employer: record.employer,
					start: record.start,
					weekly_minutes: record.weekly_minutes,
					confirmed_minutes,
					statements,
					paid_gross,
					shortfall,
				};
				(id, entry)
			})
			.collect();
		Page { items, next: page.next }
	}

	/// Up to `limit` (at most [`crate::MAX_PAGE_SIZE`]) of the contracts of `member` and its side in
	/// each, after contract `start` (the previous page's `next`; `None` for the first page), in
	/// the chain's key order. Reads at most `limit` + 1 entries.
	pub fn contracts_of(
		member: &T::AccountId,
		start: Option<ContractId>,
		limit: u32,
	) -> Page<ContractId, Party> {
		let entries = match start {
			Some(after) => ContractsOf::<T>::iter_prefix_from(
				member,
				ContractsOf::<T>::hashed_key_for(member, after),
			),
			None => ContractsOf::<T>::iter_prefix(member),
		};
		Page::read(entries, limit)
	}

	/// The shifts of `contract` recorded under the `days` days (at most
	/// [`MAX_TIMESHEET_DAYS`]) from `from`, with whether each counts as worked now.
	pub fn timesheet(contract: ContractId, from: Date, days: u32) -> Vec<TimesheetEntry> {
		if !from.is_valid() {
			return Vec::new();
		}
		let now = Self::now_ms();
		(0..days.min(MAX_TIMESHEET_DAYS))
			.map_while(|offset| from.plus_days(offset))
			.flat_map(|date| {
				Timesheets::<T>::get(contract, date).into_iter().enumerate().map(
					move |(index, shift)| TimesheetEntry {
						date,
						index: index as u32,
						counts: shift.is_confirmed_at(now),
						shift,
					},
				)
			})
			.collect()
	}
}

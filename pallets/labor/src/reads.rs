//! What the runtime API reads: contracts with their standing, a member's contracts, time sheets.

use crate::{
	calendar::Date,
	runtime_api::MAX_TIMESHEET_DAYS,
	types::{ContractRecord, Standing, TimesheetEntry},
	Amendments, Config, ContractId, ContractStatus, Contracts, ContractsOf, Pallet, Party,
	Timesheets, MAX_PAGE_SIZE,
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
		let standing = match record.status {
			ContractStatus::Proposed => Standing::Proposed,
			_ if today < record.start => Standing::NotStarted,
			_ if record.binds_on(today) => Standing::InForce,
			_ => Standing::Over,
		};
		Some(ContractRecord {
			contract: record,
			amendment: Amendments::<T>::get(contract),
			standing,
			today,
		})
	}

	/// Up to `limit` (at most [`MAX_PAGE_SIZE`]) of the contracts of `member` and its side in
	/// each, after contract `start` (the previous page's `next`; `None` for the first page), in
	/// the chain's key order. Reads at most `limit` + 1 entries.
	pub fn contracts_of(
		member: &T::AccountId,
		start: Option<ContractId>,
		limit: u32,
	) -> Page<ContractId, Party> {
		let limit = limit.clamp(1, MAX_PAGE_SIZE) as usize;
		let mut entries = match start {
			Some(after) => ContractsOf::<T>::iter_prefix_from(
				member,
				ContractsOf::<T>::hashed_key_for(member, after),
			),
			None => ContractsOf::<T>::iter_prefix(member),
		};
		let items: Vec<(ContractId, Party)> = entries.by_ref().take(limit).collect();
		let next = if entries.next().is_some() { items.last().map(|(id, _)| *id) } else { None };
		Page { items, next }
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

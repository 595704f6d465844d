//! The pallet's invariants, checked after every block by try-runtime and after every test.

use crate::{
	calendar::Date, contracts::PAID_HOLIDAY_WEEKLY_MINUTES, Amendments, Config, ContractId,
	ContractStatus, Contracts, ContractsOf, DueEnrolments, EnrolmentStatus, Enrolments,
	MinimumWages, NextContractId, OpenProposals, PaidUntil, Pallet, Party, PastTerms,
	PayStatements, Timesheets,
};
use alloc::collections::BTreeMap;
use frame_support::{ensure, traits::Get};
use sp_runtime::TryRuntimeError;

impl<T: Config> Pallet<T> {
	/// Checks that every contract is numbered below the next number, listed under both its
	/// sides and nobody else, and carries the weekly minutes of its schedule; that each
	/// employer's open proposals are counted and bounded; that amendments wait only on signed
	/// contracts; that time sheets, past terms, pay statements and enrolments belong to signed
	/// contracts; that the due index lists exactly the enrolments due; and that the minimum wage
	/// schedule is in strict date order.
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		let next = NextContractId::<T>::get();
		let mut open = BTreeMap::<T::AccountId, u32>::new();
		let mut listed = 0usize;
		for (id, contract) in Contracts::<T>::iter() {
			ensure!(id < next, "a contract's number is ahead");
			ensure!(
				ContractsOf::<T>::get(&contract.employer, id) == Some(Party::Employer)
					&& ContractsOf::<T>::get(&contract.worker, id) == Some(Party::Worker),
				"a contract is not listed under its sides"
			);
			listed += 2;
			let weekly: u32 =
				contract.terms.schedule.iter().map(|time| u32::from(time.hours.worked())).sum();
			ensure!(weekly == contract.weekly_minutes, "a contract's weekly minutes are wrong");
			ensure!(
				contract.paid_holiday_and_leave == (weekly >= PAID_HOLIDAY_WEEKLY_MINUTES),
				"a contract's paid holiday flag is wrong"
			);
			ensure!(
				PastTerms::<T>::iter_prefix(id).count() == usize::from(contract.amendments)
					&& (0..contract.amendments)
						.all(|version| PastTerms::<T>::contains_key(id, version)),
				"a contract's past terms do not match its amendments"
			);
			ensure!(
				u32::from(contract.amendments) <= T::MaxAmendments::get(),
				"a contract has too many amendments"
			);
			if contract.status == ContractStatus::Proposed {
				*open.entry(contract.employer.clone()).or_default() += 1;
			}
		}
		ensure!(ContractsOf::<T>::iter().count() == listed, "a member lists an unknown contract");
		ensure!(
			OpenProposals::<T>::iter().all(|(employer, count)| open.get(&employer) == Some(&count))
				&& OpenProposals::<T>::iter().count() == open.len(),
			"open proposal counts do not match the proposals"
		);
		ensure!(
			open.values().all(|count| *count <= T::MaxOpenProposals::get()),
			"an employer has too many open proposals"
		);
		let signed = |id| {
			Contracts::<T>::get(id)
				.is_some_and(|contract| contract.status != ContractStatus::Proposed)
		};
		ensure!(
			Amendments::<T>::iter_keys().all(|id| {
				Contracts::<T>::get(id)
					.is_some_and(|contract| contract.status == ContractStatus::Signed)
			}),
			"an amendment waits on a contract that is not signed"
		);
		ensure!(
			Timesheets::<T>::iter_keys().all(|(id, _)| signed(id)),
			"a time sheet belongs to no signed contract"
		);
		ensure!(
			PastTerms::<T>::iter_keys().all(|(id, _)| signed(id)),
			"past terms belong to no signed contract"
		);
		let mut stated = BTreeMap::<ContractId, Date>::new();
		for (id, from, statement) in PayStatements::<T>::iter() {
			ensure!(signed(id), "a pay statement belongs to no signed contract");
			ensure!(from <= statement.to, "a pay statement ends before it starts");
			let last = stated.entry(id).or_insert(statement.to);
			*last = (*last).max(statement.to);
		}
		ensure!(
			PaidUntil::<T>::iter().all(|(id, until)| stated.get(&id) == Some(&until))
				&& PaidUntil::<T>::iter().count() == stated.len(),
			"a contract's paid-until day is not its last statement's"
		);
		for (id, insurance, enrolment) in Enrolments::<T>::iter() {
			ensure!(signed(id), "an enrolment belongs to no signed contract");
			let due =
				matches!(enrolment.status, EnrolmentStatus::Due | EnrolmentStatus::Refused(_));
			ensure!(
				DueEnrolments::<T>::get((id, insurance)) == due.then_some(enrolment.deadline),
				"the due index does not match an enrolment"
			);
		}
		ensure!(
			DueEnrolments::<T>::iter_keys()
				.all(|(id, insurance)| Enrolments::<T>::contains_key(id, insurance)),
			"the due index lists an enrolment that does not exist"
		);
		let schedule = MinimumWages::<T>::get();
		ensure!(
			schedule.windows(2).all(|pair| pair[0].from < pair[1].from),
			"the minimum wage schedule is out of order"
		);
		Ok(())
	}
}

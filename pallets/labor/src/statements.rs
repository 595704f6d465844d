//! Pay statements: the employer's totals for a period, beside what the chain computes, and the
//! worker's answer.

use crate::{
	calendar::Date,
	types::{PaidAmounts, PayError, PayStatement, StatementStatus},
	Config, ContractId, Error, Event, PaidUntil, Pallet, Party, PayStatements,
};
use frame_support::{ensure, pallet_prelude::*};
use seoul_primitives::Page;
use sp_core::H256;

impl<T: Config> Pallet<T> {
	pub(crate) fn do_issue_pay_statement(
		who: T::AccountId,
		contract: ContractId,
		from: Date,
		to: Date,
		paid: PaidAmounts,
		slip: H256,
	) -> DispatchResult {
		Self::contract_as_employer(&who, contract)?;
		ensure!(
			paid.gross.checked_sub(paid.deductions) == Some(paid.net),
			Error::<T>::InconsistentAmounts
		);
		ensure!(to <= Self::today(), Error::<T>::PeriodNotOver);
		ensure!(
			PaidUntil::<T>::get(contract).is_none_or(|until| until < from),
			Error::<T>::PeriodAlreadyStated
		);
		let computed = Self::compute_pay(contract, from, to).map_err(|error| match error {
			PayError::UnknownContract => Error::<T>::UnknownContract,
			PayError::NotSigned => Error::<T>::NotSigned,
			PayError::InvalidPeriod => Error::<T>::InvalidPeriod,
		})?;
		ensure!(computed.unconfirmed_shifts == 0, Error::<T>::UnconfirmedShifts);
		let shortfall = computed.gross.saturating_sub(paid.gross);
		PayStatements::<T>::insert(
			contract,
			from,
			PayStatement { to, paid, slip, computed, shortfall, status: StatementStatus::Issued },
		);
		PaidUntil::<T>::insert(contract, to);
		Self::deposit_event(Event::PayStatementIssued {
			contract,
			from,
			to,
			gross: paid.gross,
			shortfall,
		});
		Ok(())
	}

	/// The worker's answer to the statement of `contract` for the period from `from`.
	pub(crate) fn answer_statement(
		who: T::AccountId,
		contract: ContractId,
		from: Date,
		answer: StatementStatus,
	) -> DispatchResult {
		Self::contract_as(&who, contract, Party::Worker)?;
		PayStatements::<T>::try_mutate(contract, from, |statement| {
			let statement = statement.as_mut().ok_or(Error::<T>::UnknownStatement)?;
			ensure!(statement.status == StatementStatus::Issued, Error::<T>::AlreadyAnswered);
			statement.status = answer;
			Ok::<_, Error<T>>(())
		})?;
		let event = match answer {
			StatementStatus::Disputed(reason) => {
				Event::PayStatementDisputed { contract, from, reason }
			}
			_ => Event::PayStatementAcknowledged { contract, from },
		};
		Self::deposit_event(event);
		Ok(())
	}

	/// Up to `limit` (at most [`crate::MAX_PAGE_SIZE`]) of the pay statements of `contract`, by the
	/// first day of their period, after the one from `start` (the previous page's `next`), in
	/// the chain's key order.
	pub fn pay_statements_of(
		contract: ContractId,
		start: Option<Date>,
		limit: u32,
	) -> Page<Date, PayStatement> {
		let entries = match start {
			Some(after) => PayStatements::<T>::iter_prefix_from(
				contract,
				PayStatements::<T>::hashed_key_for(contract, after),
			),
			None => PayStatements::<T>::iter_prefix(contract),
		};
		Page::read(entries, limit)
	}
}

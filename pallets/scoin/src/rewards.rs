//! Paying rewards within one call: [`Pallet::reward`] and [`Pallet::reward_batch`] open a
//! [`Payout`], pay each entry through it, and close it.

use crate::types::Earnings;
use crate::{
	BalanceOf, Config, EarningsInPeriod, Error, Event, Pallet, ProgrammeId, ProgrammeOf,
	ProgrammeStatus, Programmes, ReceiptRecord, Receipts, RewardEntry, RewardEntryOf,
	RewardIssuers, Role, Supply,
};
use frame_support::{
	ensure,
	traits::{
		fungible::{Inspect, Unbalanced},
		tokens::Precision,
	},
};
use frame_system::pallet_prelude::BlockNumberFor;
use seoul_primitives::membership::{MemberKind, MemberRegistry};
use sp_runtime::{
	traits::{CheckedAdd, Saturating, Zero},
	DispatchError,
};

/// A programme paying rewards within one call. What the call changes in the programme, the
/// total issuance and the supply ledger is stored once, by [`Payout::close`], however many
/// rewards it pays: per reward, only the citizen's balance, earnings and receipt are written.
pub(crate) struct Payout<T: Config> {
	programme: ProgrammeId,
	state: ProgrammeOf<T>,
	period: u32,
	now: BlockNumberFor<T>,
	issuance: BalanceOf<T>,
	minted: BalanceOf<T>,
}

impl<T: Config> Payout<T> {
	/// The programme `programme`, if `issuer` may reward from it now.
	pub(crate) fn open(
		programme: ProgrammeId,
		issuer: &T::AccountId,
	) -> Result<Self, DispatchError> {
		let state = Programmes::<T>::get(programme).ok_or(Error::<T>::UnknownProgramme)?;
		ensure!(
			RewardIssuers::<T>::contains_key(programme, issuer)
				&& T::Registry::has_role(issuer, Role::RewardIssuer),
			Error::<T>::NotRewardIssuer
		);
		match state.status {
			ProgrammeStatus::Active => {}
			ProgrammeStatus::Paused => return Err(Error::<T>::ProgrammePaused.into()),
			ProgrammeStatus::Closed => return Err(Error::<T>::ProgrammeClosed.into()),
		}
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(now >= state.start, Error::<T>::NotStarted);
		ensure!(now <= state.end, Error::<T>::Ended);
		let period = Pallet::<T>::period_of(&state, now);
		Ok(Self {
			programme,
			state,
			period,
			now,
			issuance: T::Currency::total_issuance(),
			minted: Zero::zero(),
		})
	}

	/// Checks and pays one reward; changes nothing if it returns an error.
	pub(crate) fn pay(&mut self, entry: &RewardEntryOf<T>) -> sp_runtime::DispatchResult {
		let RewardEntry { citizen, receipt, amount } = entry;
		let programme = self.programme;
		ensure!(self.state.reward.allows(*amount), Error::<T>::AmountNotAllowed);
		ensure!(!Receipts::<T>::contains_key(programme, receipt), Error::<T>::DuplicateReceipt);
		ensure!(
			T::Registry::active_kind(citizen) == Some(MemberKind::Citizen),
			Error::<T>::NotCitizen
		);
		ensure!(*amount <= self.state.budget_left(), Error::<T>::BudgetExhausted);
		let earned = EarningsInPeriod::<T>::get(programme, citizen)
			.filter(|earnings| earnings.period == self.period)
			.map_or_else(Zero::zero, |earnings| earnings.earned);
		let earned = earned.checked_add(amount).ok_or(Error::<T>::Overflow)?;
		ensure!(earned <= self.state.cap_per_period, Error::<T>::CapExceeded);
		let issuance = self.issuance.checked_add(amount).ok_or(Error::<T>::Overflow)?;

		// Minting without `mint_into`'s per-call issuance update and `Minted` event: `close`
		// raises the issuance once, and `Rewarded` records the mint.
		T::Currency::increase_balance(citizen, *amount, Precision::Exact)?;
		self.issuance = issuance;
		self.minted.saturating_accrue(*amount);
		self.state.issued.saturating_accrue(*amount);
		EarningsInPeriod::<T>::insert(programme, citizen, Earnings { period: self.period, earned });
		Receipts::<T>::insert(
			programme,
			receipt,
			ReceiptRecord { citizen: citizen.clone(), amount: *amount, at: self.now },
		);
		Pallet::<T>::deposit_event(Event::Rewarded {
			programme,
			citizen: citizen.clone(),
			receipt: *receipt,
			amount: *amount,
		});
		Ok(())
	}

	/// Stores the programme, the issuance and the supply ledger; returns what was minted.
	pub(crate) fn close(self) -> BalanceOf<T> {
		// The programme's state changes only with what it issues.
		if !self.minted.is_zero() {
			Programmes::<T>::insert(self.programme, self.state);
			T::Currency::set_total_issuance(self.issuance);
			Supply::<T>::mutate(|supply| supply.minted.saturating_accrue(self.minted));
		}
		self.minted
	}
}
